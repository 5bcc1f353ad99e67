#!/usr/bin/env python3
"""Capture round 58 of the compression corpus: what an agent runs first to explore a large, unfamiliar tree, on
large real trees available offline here: the installed Python standard library, the project venv's site-packages, a
node_modules of about 400 packages installed from npm by an earlier round, /usr/include, /usr/share/doc, and a git
repository built here by committing real package sources (from site-packages) in a few hundred commits, each under
the author its package's metadata names. tree, find, ls -laR, grep -rn, rg, wc -l, du, git log/shortlog/ls-files,
file, stat, cat package.json, pip list, npm ls, head/sed of large source files, typed as agents type them.

Every kind but one keeps the extractor an earlier round used for it, imported; `git-log-oneline` is new (NEEDLES.md
"Round 58"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide58.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide58.json  as {"version": 2, "items": [...]}, ids prefixed "wide58-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide58-"
DEFAULT_OUT = HERE / "data" / "wide58.json"
TMP = Path("/tmp/hm-corpus-wide58")

# the round's sizes: 5-120 KB, as the round's brief asks
MIN_CHARS, MAX_CHARS = 5_000, 120_000


def ensure_tools() -> None:
    """tree from Debian (rg is the project venv's, file/stat/du/git are the machine's)."""
    cm.ensure_apt("tree", "tree")
    cm.PATH_PREFIX[:0] = [str(HERE.parents[1] / ".venv" / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide58_tree as tree  # the trees and the commands
    return tree.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(8_000, 30_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide58", sys.modules["__main__"])
    main()
