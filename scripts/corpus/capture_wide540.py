"""Capture round 540 of the compression corpus (issue #11 again, in rounds 501's, 510's and 520's pattern, with a
JavaScript part): the kinds issue #11 names at 10-120 KB, on real code the corpus had not used, with a ropery's names
(hemp, whirls, ropemakers): the sdist of segno with a few bugs put in, through its own tests with pytest, ruff and
mypy --strict, and a ropemakers' script into a chained traceback; the npm package remarkable's CommonJS build copied
into a small app (`whirlboard`) with bugs put in, under a test suite of the app's own (mocha, jest), eslint and tsc;
`npm view remarkable --json`; a C project (`whirlhead`) and a dependency-free Rust crate (`hempbook`) made by round
292's generators through round 520's wrapper, imported with this round's words and seeds; a stdlib-only Go module
(`strandtally`) and shellcheck made by round 273's generator (capture_wide273_go.make_steps), imported likewise; a git
history built from segno's sources; listings, a process table, CSV and sqlite results from the machine's files and pip
inspect, an application log. About a quarter of the command lines are chained or piped as agents type them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 540: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide540.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide540.json  as {"version": 2, "items": [...]}, ids prefixed "wide540-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide540-"
DEFAULT_OUT = HERE / "data" / "wide540.json"
TMP = Path("/dev/shm/hm-corpus-wide540")
TOOLS = Path("/dev/shm/hm-corpus-wide540-tools")
PY_TOOLS = ["pytest", "ruff", "mypy", "pypng"]
PY_SDISTS = ["segno==1.6.6"]
NPM_PKGS = ["remarkable@2.0.1", "eslint", "@eslint/js", "typescript", "mocha", "jest"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "segno-*", PY_SDISTS, "jest", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide540_py as py  # pytest, ruff, mypy, a chained traceback, git, listings, tables, a log
    import capture_wide540_js as js  # mocha, jest, eslint, tsc over a copied npm package, npm view
    import capture_wide540_native as native  # round 292's C and Rust generators: gcc, make, cargo
    import capture_wide540_go as go  # round 273's Go generator: go test / vet / build, shellcheck
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    return [TOOLSET.unpack] + [s for m in (py, js, native, go) for s in m.STEPS]


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide540", sys.modules["__main__"])
    main()
