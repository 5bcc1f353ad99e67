#!/usr/bin/env python3
"""Capture round 115 of the compression corpus: database administration and migration tools on local servers, new to
the corpus. Kinds no earlier round holds, run for real on Unix sockets under /tmp and 127.0.0.1: Debian's PostgreSQL 15
admin tools over `ledger`, a bookkeeping database filled by seeded generators (pg_amcheck over an expression index whose
function was replaced and over a table whose page was overwritten, pg_checksums --check of the stopped cluster,
pg_basebackup -v -P, pg_verifybackup of a tampered backup, pg_waldump of the WAL and its --stats, vacuumdb -v,
reindexdb -v), MariaDB's (mariadb-check with a crashed MyISAM table, mariadb-admin status / extended-status, SHOW
ENGINE INNODB STATUS after a deadlock, mariadb-dump failures) and pgloader (a CSV and a SQLite file with bad rows).
Only PostgreSQL 15 is packaged here, so there is no pg_upgrade --check between two versions. About half the command
lines are typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| grep -i error`).

The needles come from the rules NEEDLES.md's "Round 115" section fixed before capture, applied by the extractors in
capture_wide115_pg.py and capture_wide115_my.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide115.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide115.json  as {"version": 2, "items": [...]}, ids prefixed "wide115-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide115-"
DEFAULT_OUT = HERE / "data" / "wide115.json"
TMP = Path(os.environ.get("HM_WIDE115_TMP", "/tmp/hm-corpus-wide115"))
APT = "postgresql-15 mariadb-server mariadb-client pgloader"
PGBIN = "/usr/lib/postgresql/15/bin"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")
CLIENT_ERR = re.compile(r"\b(error|ERROR|FATAL):")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def client_errors(lines: list[str]) -> list[str]:
    """Rule 1: every `error:` / `ERROR:` / `FATAL:` line a client printed."""
    return [ln for ln in lines if CLIENT_ERR.search(ln)]


def ensure_tools() -> None:
    """Debian's PostgreSQL 15, MariaDB and pgloader, installed once."""
    if not all(cm.have(t, t) for t in (f"{PGBIN}/pg_amcheck", "mariadbd", "mariadb-check", "pgloader")):
        cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {APT}", timeout=1800)


def steps() -> list:
    import capture_wide115_pg as pg  # PostgreSQL's admin tools
    import capture_wide115_my as my  # MariaDB's, and pgloader
    return pg.STEPS + my.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide115", sys.modules["__main__"])
    main()
