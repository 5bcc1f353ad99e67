#!/usr/bin/env python3
"""Capture round 209 of the compression corpus: embedded and key-value databases' own tools, in shapes new to the
corpus. Real runs of Debian's LMDB tools (`mdb_stat`, `mdb_dump`), Berkeley DB 5.3's `db5.3_verify`, `db5.3_stat -d`
and `db5.3_dump`, GDBM's `gdbmtool`, Kyoto Cabinet's `kchashmgr`, RocksDB's `ldb` and `sst_dump`, Samba's `tdbtool`
and `tdbdump`, and Tkrzw's `tkrzw_dbm_util`, on the databases of a small warehouse's stock ledger (`binkeeper`)
written here by seeded generators with faults put in (a truncated file, overwritten page bytes, a wrong magic, a
missing table file, a missing key). About half the command lines are typed as agents type them (`| tail -n 80`,
`| head -n 100`, `2>&1 | grep -E …`, `; echo EXIT=$?`).
The needles come from the rules NEEDLES.md's "Round 209" section fixed before capture, applied by the extractors in
capture_wide209_kv.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide209.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide209.json  as {"version": 2, "items": [...]}, ids prefixed "wide209-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide209-"
DEFAULT_OUT = HERE / "data" / "wide209.json"
TMP = Path(os.environ.get("HM_WIDE209_TMP", "/dev/shm/hm-corpus-wide209"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """The tools from Debian (offline mirror), installed once."""
    for tool, pkg in [("mdb_stat", "lmdb-utils"), ("db5.3_verify", "db5.3-util"), ("gdbmtool", "gdbmtool"),
                      ("kchashmgr", "kyotocabinet-utils"), ("ldb", "rocksdb-tools"), ("tdbtool", "tdb-tools"),
                      ("tkrzw_dbm_util", "tkrzw-utils")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide209_kv as kv  # LMDB, Berkeley DB, GDBM, Kyoto Cabinet, RocksDB, TDB, Tkrzw
    return kv.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide209", sys.modules["__main__"])
    main()
