#!/usr/bin/env python3
"""Capture round 85 of the compression corpus: code-navigation and terminal tools new to the corpus, run over a
repository written here (`tidewatch`: a harbour tide-gauge service in Python, C and JavaScript, widened by a seeded
generator, with syntax errors and code smells put in): ast-grep (npm `@ast-grep/cli`: pattern matches, JSON matches,
rule scans in both report styles, rewrite previews), universal-ctags (`-x`, JSON, tags file), cscope line mode,
hexyl, ncdu's export, fd-find's long listing, and ping to 127.0.0.1. Several command lines are typed as agents type
them (`| head -n 100`, `2>&1 | tail -n 80`, `; echo EXIT=$?`).

New kinds only; their rules are NEEDLES.md's "Round 85" section, written and committed before this capture, applied
by the extractors in capture_wide85_nav.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide85.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide85.json  as {"version": 2, "items": [...]}, ids prefixed "wide85-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide85-"
DEFAULT_OUT = HERE / "data" / "wide85.json"
TMP = Path("/tmp/hm-corpus-wide85")
TOOLS = Path("/tmp/hm-corpus-wide85-tools")
JS = TOOLS / "js"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """ast-grep from npm (its platform package's binary: the wrapper's postinstall is not run here), the rest from
    Debian, installed once."""
    cm.install_npm(JS, "@ast-grep/cli-linux-x64-gnu/ast-grep", ["@ast-grep/cli"])
    cm.run(f"chmod +x {JS}/node_modules/@ast-grep/cli-linux-x64-gnu/ast-grep")
    for tool, pkg in [("ctags", "universal-ctags"), ("cscope", "cscope"), ("hexyl", "hexyl"), ("ncdu", "ncdu"),
                      ("fdfind", "fd-find"), ("ping", "iputils-ping")]:
        cm.ensure_apt(tool, pkg)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / "@ast-grep" / "cli-linux-x64-gnu")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide85_nav as nav  # the repository, ast-grep, ctags, cscope, hexyl, ncdu, fdfind, ping
    return nav.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide85", sys.modules["__main__"])
    main()
