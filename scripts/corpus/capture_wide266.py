"""Capture round 266 of the compression corpus (issue #11 a thirty-sixth time, after rounds 37, 57, 61, 63, 72,
80, 84, 88, 96, 110, 112, 121, 126, 133, 143, 144, 151, 152, 155, 156, 164, 165, 168, 176, 177, 183, 190, 198, 204,
212, 221, 240, 251 and 263): the kinds issue #11 names at the sizes where compression matters (most items 10-120 KB),
on real code the corpus had not used: the sdist of tinycss2 (PyPI, a CSS Syntax Level 3 tokenizer and parser with CSS
Color 3/4/5 and An+B parsing) with a few bugs put in, through its own tests with pytest, ruff and mypy --strict, and
its code run wrongly into a chained traceback; a git history built from tinycss2's sources; listings, a process table
and top, CSV and sqlite results from the machine's share files, npm view --json and pip inspect, an application log
and an installed Debian package's HTML documentation (mutt's manual) served on loopback. About a quarter of the command
lines are chained as agents chain them. This round holds the Python-and-machine world only.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 266: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide266.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide266.json  as {"version": 2, "items": [...]}, ids prefixed "wide266-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide266-"
DEFAULT_OUT = HERE / "data" / "wide266.json"
TMP = Path("/dev/shm/hm-corpus-wide266")
TOOLS = Path("/dev/shm/hm-corpus-wide266-tools")
PY_TOOLS = ["pytest", "ruff", "mypy", "webencodings"]
PY_SDISTS = ["tinycss2==1.5.1"]
NPM_PKGS = ["postcss-value-parser@4.2.0", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: most 10-120 KB, a few smaller ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "tinycss2-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide266_py as py  # pytest, ruff, mypy, a chained traceback, git, listings, tables, a log, docs
    import capture_wide266_js as js  # node --test, eslint, tsc over a copied npm package with bugs put in
    return [TOOLSET.unpack] + list(py.STEPS) + list(js.STEPS)


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide266", sys.modules["__main__"])
    main()
