#!/usr/bin/env python3
"""Capture round 248 of the compression corpus: toolchains of less common languages, shapes new to the corpus.
Algol 68 Genie (`a68g`: compile-time errors, run-time errors with `--backtrace`), GNU Modula-2 (`gm2`: compile and
link errors, a run-time range error), the Icon translator and interpreter (`icont`, `iconx`), Regina REXX (errors,
`trace r` / `trace i`), Jsonnet (evaluation errors with their stack, large manifests), bwBASIC, yabasic and GnuCOBOL
(its listing with a cross-reference, its run-time library's errors and trace), on programs of the round's own (a
payroll, a matrix routine, a text formatter, a config generator, an inventory; seeded generators for size) with faults
put in. About a third of the command lines are typed as agents type them (pipes that cut, greps, `; echo EXIT=$?`).

The extractors are this round's (NEEDLES.md, "Round 248"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide248.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide248.json  as {"version": 2, "items": [...]}, ids prefixed "wide248-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide248-"
DEFAULT_OUT = HERE / "data" / "wide248.json"
TMP = Path(os.environ.get("HM_WIDE248_TMP", "/dev/shm/hm-corpus-wide248"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """The toolchains from Debian, installed once."""
    for tool, pkg in [("a68g", "algol68g"), ("gm2", "gm2"), ("icont", "icont"), ("iconx", "iconx"),
                      ("rexx", "regina-rexx"), ("jsonnet", "jsonnet"), ("bwbasic", "bwbasic"),
                      ("yabasic", "yabasic"), ("cobc", "gnucobol4")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide248_old as old  # a68g, gm2, icont/iconx, Regina REXX
    import capture_wide248_conf as conf  # jsonnet, bwBASIC, yabasic, GnuCOBOL
    return old.STEPS + conf.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide248", sys.modules["__main__"])
    main()
