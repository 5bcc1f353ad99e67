#!/usr/bin/env python3
"""Capture round 62 of the compression corpus: second samples of round 60's PostgreSQL kinds, captured blind.
A new scratch PostgreSQL 15 cluster from Debian runs on loopback as round 60's did (initdb and pg_ctl through
runuser -u postgres, a non-default port, trust auth, pg_stat_statements and auto_explain preloaded, slow-query,
checkpoint and autovacuum logging on), holding a veterinary clinic network's database (`vetclinic`: clinics,
owners, pets, appointments, prescriptions, bills) with seeded data and other mistakes. No rule is new: every kind's
needles come from round 60's extractor, imported from capture_wide60_pg.py. Nothing captured here was compressed.
The server is stopped and its data directory removed at the end.

Usage:   .venv/bin/python scripts/corpus/capture_wide62.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide62.json  as {"version": 2, "items": [...]}, ids prefixed "wide62-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide62-"
DEFAULT_OUT = HERE / "data" / "wide62.json"
TMP = Path("/tmp/hm-corpus-wide62")
PGBIN = Path("/usr/lib/postgresql/15/bin")

MIN_CHARS, MAX_CHARS = 400, 120_000  # the brief: most 1-60 KB


def ensure_tools() -> None:
    """PostgreSQL 15 from Debian (installed here already); its bin dir goes first on PATH."""
    cm.ensure_apt(str(PGBIN / "initdb"), "postgresql")
    cm.PATH_PREFIX[:0] = [str(PGBIN)]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide62_pg as pg
    return pg.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide62", sys.modules["__main__"])
    main()
