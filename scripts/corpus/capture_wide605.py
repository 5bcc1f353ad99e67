"""Capture round 605 of the compression corpus (issue #11 again, in rounds 577's, 592's and 605's pattern, 605's
layout, with a JavaScript part under vitest): the kinds issue #11 names at 10-120 KB, on real code the corpus had not
used, with an ice harvest's names (ice ploughs, ice houses, icemen): the sdist of pycrc 0.12.0 (PyPI) with a few bugs
put in, under its OWN test suite plus an icemen's table with pytest, ruff and mypy --strict, and an icemen's script
into a chained traceback; the npm package cron-parser 4.9.0 (its `lib/` copied into a small app, `icewagon`) with
bugs put in, under the app's own vitest suite, eslint and tsc; `npm view cron-parser --json`; a C project
(`iceplough`) and a dependency-free Rust crate (`iceyard`) made by round 292's generators through round 510's
wrapper, imported with this round's words and seeds; a stdlib-only Go module (`icetally`) and shellcheck made by
round 273's generator (capture_wide273_go.make_steps), imported likewise; a git history built from pycrc's sources; listings, a process table, CSV and sqlite results from the machine's files and
pip inspect, an application log. About a quarter of the command lines are chained or piped as agents type them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 605: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide605.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide605.json  as {"version": 2, "items": [...]}, ids prefixed "wide605-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide605-"
DEFAULT_OUT = HERE / "data" / "wide605.json"
TMP = Path("/dev/shm/hm-corpus-wide605")
TOOLS = Path("/dev/shm/hm-corpus-wide605-tools")
PY_TOOLS = ["pytest", "ruff", "mypy"]
PY_SDISTS = ["pycrc==0.12.0"]
NPM_PKGS = ["cron-parser@4.9.0", "vitest", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "pycrc-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide605_py as py  # pytest, ruff, mypy, a chained traceback, git, listings, tables, a log
    import capture_wide605_js as js  # vitest, eslint, tsc over a copied npm package, npm view
    import capture_wide605_native as native  # round 292's C and Rust generators: gcc, make, cargo
    import capture_wide605_go as go  # round 273's Go generator: go test / vet / build, shellcheck
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    return [TOOLSET.unpack] + [s for m in (py, js, native, go) for s in m.STEPS]


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide605", sys.modules["__main__"])
    main()
