#!/usr/bin/env python3
"""Capture round 60 of the compression corpus: PostgreSQL server and client output new to the corpus, captured
blind. A scratch PostgreSQL 15 cluster from Debian runs on loopback (initdb into the round's temp dir, a
non-default port, pg_stat_statements and auto_explain preloaded, slow-query, checkpoint and autovacuum logging on);
a ship-repair yard's schema (`drydock`: vessels, berths, work orders, parts, invoices) is loaded with seeded data
and real mistakes (a missing index, a function-wrapped predicate, a tiny work_mem, a migration script with bad
statements); what an agent reads: EXPLAIN (ANALYZE, BUFFERS) and FORMAT JSON plans, \\d+, \\dt+, \\di+, the
statistics views, psql errors, a deadlock, pg_dump --schema-only, pg_restore errors, the server log, VACUUM
VERBOSE, pg_controldata, expanded display. Some command lines are typed as agents type them (`| tail -n 60`,
`; echo EXIT=$?`, `2>&1 | head`).

Each new kind's rule 5 values are written in NEEDLES.md ("Round 60"), before capture; the extractors in
capture_wide60_pg.py apply them. Nothing captured here was compressed. The server is stopped and its data
directory removed at the end.

Usage:   .venv/bin/python scripts/corpus/capture_wide60.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide60.json  as {"version": 2, "items": [...]}, ids prefixed "wide60-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide60-"
DEFAULT_OUT = HERE / "data" / "wide60.json"
TMP = Path("/tmp/hm-corpus-wide60")
PGBIN = Path("/usr/lib/postgresql/15/bin")

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """PostgreSQL 15 from Debian (installed here already); its bin dir goes first on PATH."""
    cm.ensure_apt(str(PGBIN / "initdb"), "postgresql")
    cm.PATH_PREFIX[:0] = [str(PGBIN)]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide60_pg as pg
    return pg.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide60", sys.modules["__main__"])
    main()
