#!/usr/bin/env python3
"""Capture round 67 of the compression corpus: monorepo and workspace tooling new to the corpus. A small
npm-workspaces monorepo (`harbourkit`, TypeScript and JavaScript packages that depend on each other) is written here
with bugs put in (a failing test, a type error, a lint error, a missing dependency, a version mismatch, and in a copy a
cycle), widened by a seeded generator, and run through turbo, nx, lerna, pnpm, npm workspaces, changesets, manypkg
and syncpack the way agents type them. The new kinds' rules are NEEDLES.md's "Round 67"; nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide67.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide67.json  as {"version": 2, "items": [...]}, ids prefixed "wide67-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide67-"
DEFAULT_OUT = HERE / "data" / "wide67.json"
TMP = Path("/tmp/hm-corpus-wide67")
TOOLS = Path("/tmp/hm-corpus-wide67-tools")
JS = TOOLS / "js"
NPM_TOOLS = ["turbo", "nx", "lerna", "@changesets/cli", "@manypkg/cli", "syncpack", "pnpm", "typescript"]
w9b.TMP = TMP

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """turbo, nx, lerna, changesets, manypkg, syncpack, pnpm and tsc from npm, installed once."""
    cm.install_npm(JS, "syncpack", NPM_TOOLS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide67_ws as ws
    return ws.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide67", sys.modules["__main__"])
    main()
