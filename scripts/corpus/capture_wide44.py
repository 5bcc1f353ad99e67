#!/usr/bin/env python3
"""Capture round 44 of the compression corpus: outputs of JavaScript / TypeScript tools (or their output formats) the
corpus did not hold (the kinds of /tmp/s12/kinds.txt excluded), captured blind on a small project written here with
bugs put in: a bakery's order-routing library (`crumbline`) whose JavaScript modules carry lint problems (widened by a
seeded generator), whose mocha / jest / vitest / node:test suites hold failing tests, whose TypeScript half builds with
source maps, holds `any`-typed code and a circular import.
ESLint 8's compact / unix / visualstudio / tap / junit formatters; mocha's tap / dot / min / xunit / json reporters;
jest --verbose; vitest's tap / tap-flat / junit / dot reporters; node --check, unhandled rejections, a source-mapped
crash, node --test with coverage; tsc --explainFiles / --listEmittedFiles; type-coverage; madge --orphans /
--summary. Some command lines are typed as agents type them (pipes that cut, chains, `; echo EXIT=$?`).

The needles come from the rules of NEEDLES.md "Round 44", committed before anything here was captured; kinds that
print an earlier kind's lines reuse its extractor, imported. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide44.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide44.json  as {"version": 2, "items": [...]}, ids prefixed "wide44-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide44-"
DEFAULT_OUT = HERE / "data" / "wide44.json"
TMP = Path("/tmp/hm-corpus-wide44")
TOOLS = Path("/tmp/hm-corpus-wide44-tools")
JS = TOOLS / "js"
NPM_PKGS = ["eslint@8", "mocha", "jest", "vitest@2", "typescript", "type-coverage", "madge"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The npm tools, installed once into one project whose bin dir goes first on PATH."""
    cm.install_npm(JS, "madge", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide44_js as js  # eslint formatters, mocha / jest / vitest / node:test reporters
    import capture_wide44_ts as ts  # tsc, type-coverage, madge, node runtime errors
    return js.STEPS + ts.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide44", sys.modules["__main__"])
    main()
