#!/usr/bin/env python3
"""Capture round 262 of the compression corpus: plain-text accounting and personal time/task trackers, new shapes.
Debian's ledger, hledger, beancount (bean-check, bean-query, bean-report), Taskwarrior, Timewarrior and khal, run on
data of the round's own from a seeded generator (`capture_wide262_gen.py`: a year of books over three dozen accounts,
a few hundred tasks, time intervals and calendar events) with faults put in on purpose (an unbalanced transaction, an
unknown account, a duplicate transaction, a date out of order, a bad amount and a bad date, failing balance
assertions, a malformed event, an overlapping interval, a bad filter). HOME, TASKDATA and TIMEWARRIORDB are throwaway
directories under the round's scratch directory. About a third of the command lines are typed as agents type them.

The extractors are this round's (NEEDLES.md, "Round 262"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide262.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide262.json  as {"version": 2, "items": [...]}, ids prefixed "wide262-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide262-"
DEFAULT_OUT = HERE / "data" / "wide262.json"
TMP = Path(os.environ.get("HM_WIDE262_TMP", "/dev/shm/hm-corpus-wide262"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """The tools from Debian (offline mirror), installed once."""
    for tool, pkg in [("ledger", "ledger"), ("hledger", "hledger"), ("bean-check", "beancount"),
                      ("task", "taskwarrior"), ("timew", "timewarrior"), ("khal", "khal")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide262_books as books  # ledger, hledger, beancount
    import capture_wide262_time as tt  # Taskwarrior, Timewarrior, khal
    return books.STEPS + tt.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide262", sys.modules["__main__"])
    main()
