#!/usr/bin/env python3
"""Capture round 161 of the compression corpus: second samples of round 157's kinds (compilers' own diagnostics and
internals) and of round 158's (less common compiled languages' toolchains and test runners), on material of the
round's own: an irrigation-valve controller in C with a C++ planner (`irv`, prefix `IRV_`) run through clang 14,
gcc 12, clangd, clang-query, clang-tidy and bear; an orbital-pass predictor in D (ldc2, dub), a canal-lock keeper in
Ada (gprbuild, AUnit, symbolic tracebacks), a bakery-batch planner in Nim (`std/unittest`), a stargazing-log in Free
Pascal (FPCUnit, `-vwnh` walls), a beehive-scale applet in Vala under meson and ninja, and a ferry-timetable in
Crystal (`crystal spec -v`, `crystal tool format --check`). Every tool is Debian 12's. Several command lines are typed
as agents type them (`| tail -n 80`, `| head -n 100`, `| grep …`, `; echo EXIT=$?`).

No rule is new: every kind's needles come from round 157's or 158's extractor, imported from their capture modules
(NEEDLES.md's "Round 161"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide161.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide161.json  as {"version": 2, "items": [...]}, ids prefixed "wide161-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide161-"
DEFAULT_OUT = HERE / "data" / "wide161.json"
TMP = Path("/dev/shm/hm-corpus-wide161")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Rounds 157's and 158's tools (Debian 12's), installed once."""
    import capture_wide157
    import capture_wide158
    capture_wide157.ensure_tools()
    capture_wide158.ensure_tools()


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide161_cc as cc  # round 157's kinds
    import capture_wide161_langs as langs  # round 158's kinds
    return cc.STEPS + langs.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide161", sys.modules["__main__"])
    main()
