#!/usr/bin/env python3
"""Capture round 56 of the compression corpus: SECOND SAMPLES OF ROUNDS 54'S AND 55'S KINDS, no new rules.
A new small doc set and project written here with other problems put in (a bike-share dock network's rebalancing
library, `velodock`: an RST manual with broken references, unknown directives, failing doctests and dead links served
on loopback; a MkDocs site; C headers and JavaScript sources with bad doc comments; Markdown notes with TODOs; a
YAML dock inventory with a kwalify schema; Python modules with docstrings out of place and broken syntax; a git
history of badly written messages; a small JavaScript library with jest tests), widened by seeded generators, run
through sphinx-build (-W --keep-going, -n, -b doctest, -b linkcheck), mkdocs build --strict, rst-lint, doxygen,
jsdoc, textlint, pykwalify, gitlint, jest --coverage, check-docstring-first and python -m py_compile. Some command
lines are typed as agents type them (`2>&1 | tail -n 60`, `| head -n 80`, `; echo EXIT=$?`).

Every item's needles come from the extractor its round used for its kind, imported from capture_wide54.py and
capture_wide55_hive.py (NEEDLES.md "Round 56"); nothing here copies a rule. Nothing captured here was compressed.
Tools: round 54's venv and npm dir (/tmp/hm-corpus-wide54-tools) and round 55's (/tmp/hm-corpus-wide55-tools, with
round 38's), each installed as its round does when missing.

Usage:   .venv/bin/python scripts/corpus/capture_wide56.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide56.json  as {"version": 2, "items": [...]}, ids prefixed "wide56-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide56-"
DEFAULT_OUT = HERE / "data" / "wide56.json"
TMP = Path("/tmp/hm-corpus-wide56")
TOOLS54 = Path("/tmp/hm-corpus-wide54-tools")
TOOLS55 = Path("/tmp/hm-corpus-wide55-tools")

MIN_CHARS, MAX_CHARS = 1_000, 60_000


def ensure_tools() -> None:
    """Round 54's tools, then round 55's (which brings round 38's); the npm dirs on PATH too."""
    import capture_wide54 as r54
    import capture_wide55 as r55
    r54.ensure_tools()
    r55.ensure_tools()
    cm.PATH_PREFIX[:0] = [str(TOOLS54 / "js" / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide56_docs as docs  # round 54's kinds on velodock's manual, headers and notes
    import capture_wide56_proj as proj  # round 55's kinds on velodock's code, data, history and JS
    return docs.STEPS + proj.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 30_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide56", sys.modules["__main__"])
    main()
