"""Capture round 641 of the compression corpus (issue #11 again, in rounds 623's, 629's and 639's pattern, 639's
layout): the kinds issue #11 names at 10-120 KB, on real code the corpus had not used, with a whitesmith's names
(tin plate, snips, solder): the sdist of iso4217 1.16.20260101 (PyPI) with a few bugs put in, under its OWN test
module and a whitesmith's table test over its currency table, with pytest, ruff and mypy --strict, and a tinning
script into a chained traceback; the npm package accounting 0.4.1 (its `accounting.js` copied into a small app,
`tincart`) with bugs put in, under the app's own vitest suite, eslint and tsc; `npm view accounting --json`; a C
project (`snipstock`) and a dependency-free Rust crate (`seamroll`) made by round 292's generators through round
510's wrapper; a stdlib-only Go module (`soldertin`) and shellcheck made by round 273's generator; a git history built
from iso4217's sources; listings, a process table, CSV and sqlite results from the machine's files and pip inspect, an
application log.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 641: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide641.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide641.json  as {"version": 2, "items": [...]}, ids prefixed "wide641-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide641-"
DEFAULT_OUT = HERE / "data" / "wide641.json"
TMP = Path("/dev/shm/hm-corpus-wide641")
TOOLS = Path("/dev/shm/hm-corpus-wide641-tools")
PY_TOOLS = ["pytest", "ruff", "mypy"]
PY_SDISTS = ["iso4217==1.16.20260101"]
NPM_PKGS = ["accounting@0.4.1", "vitest", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "iso4217-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide641_py as py  # pytest, ruff, mypy, a chained traceback, git, listings, tables, a log
    import capture_wide641_js as js  # vitest, eslint, tsc over a copied npm package, npm view
    import capture_wide641_native as native  # round 292's C and Rust generators: gcc, make, cargo
    import capture_wide641_go as go  # round 273's Go generator: go test / vet / build, shellcheck
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    return [TOOLSET.unpack] + [s for m in (py, js, native, go) for s in m.STEPS]


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide641", sys.modules["__main__"])
    main()
