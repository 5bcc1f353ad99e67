#!/usr/bin/env python3
"""Capture round 46 of the compression corpus: more outputs of JavaScript / TypeScript test runners, reporters and
build tools the corpus did not hold (the kinds of /tmp/s12/kinds.txt excluded), captured blind on a small project
written here with bugs put in: a tram timetable library (`tramline`) whose jest / AVA / Playwright suites hold failing
tests, a stale snapshot and a server left open, whose coverage sits under its threshold, whose bundle is over its size
budget, whose TypeScript half is split into project references with type errors, and whose node_modules tree holds a
wrong version, an extraneous and a missing package.
jest --json / --listTests / --detectOpenHandles / summary reporter / snapshot failures / text-summary coverage /
jest-junit; ava --tap; Playwright's line / dot / json reporters and --list; size-limit (text and --json); tsc -b on
project references; tsc --diagnostics; npm ls --all on a broken tree.

The needles come from the rules of NEEDLES.md "Round 46", committed before anything here was captured; kinds that
print an earlier kind's lines reuse its extractor, imported. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide46.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide46.json  as {"version": 2, "items": [...]}, ids prefixed "wide46-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide46-"
DEFAULT_OUT = HERE / "data" / "wide46.json"
TMP = Path("/tmp/hm-corpus-wide46")
TOOLS = Path("/tmp/hm-corpus-wide46-tools")
JS = TOOLS / "js"
NPM_PKGS = ["jest", "jest-junit", "ava", "@playwright/test", "size-limit@12", "@size-limit/file@12", "typescript"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The npm tools, installed once into one project whose bin dir goes first on PATH."""
    cm.install_npm(JS, "jest-junit", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide46_js as js  # jest, ava, playwright, size-limit, tsc, npm ls
    return js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide46", sys.modules["__main__"])
    main()
