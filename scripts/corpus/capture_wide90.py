#!/usr/bin/env python3
"""Capture round 90 of the compression corpus: second samples of round 85's kinds (ast-grep run, JSON, scans in both
report styles, rewrite previews; universal-ctags `-x`, JSON and tags files; cscope's line mode; hexyl; ncdu's export;
fd-find's long listing; ping to 127.0.0.1), run over a new repository written here (`hivelog`: an apiary hive-weight
and brood-temperature monitor in Python, C and TypeScript, widened by a seeded generator, with its own mistakes put
in). Several command lines are typed as agents type them (`| head -n 100`, `2>&1 | tail -n 80`, `; echo EXIT=$?`).

No new kind and no new rule: the needles are computed by round 85's extractors, imported from capture_wide85_nav.py
(NEEDLES.md's "Round 85" section; "Round 90" says so, committed before this capture). Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide90.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide90.json  as {"version": 2, "items": [...]}, ids prefixed "wide90-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide90-"
DEFAULT_OUT = HERE / "data" / "wide90.json"
TMP = Path("/tmp/hm-corpus-wide90")

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Round 85's tools (ast-grep from npm under /tmp/hm-corpus-wide85-tools, the rest from Debian), installed once."""
    import capture_wide85 as r85
    r85.ensure_tools()


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide90_hive as hive  # the repository and round 85's tools run over it
    return hive.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide90", sys.modules["__main__"])
    main()
