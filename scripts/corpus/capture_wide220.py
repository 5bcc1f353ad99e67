#!/usr/bin/env python3
"""Capture round 220 of the compression corpus: second samples of round 208's kinds (the kernel's checkpatch.pl,
kernel-doc, checkstack.pl, bloat-o-meter and checkincludes.pl from Debian's linux-source-6.1, Coccinelle, sparse,
indent, astyle, uncrustify, vera++, cflow, pahole, pmccabe, GNU complexity, abidiff, abi-dumper with
abi-compliance-checker) and of round 209's (LMDB's mdb_stat and mdb_dump, Berkeley DB's db5.3_verify, db5.3_stat and
db5.3_dump, gdbmtool, kchashmgr, RocksDB's ldb and sst_dump, tdbtool, tdbdump, tkrzw_dbm_util), on material of this
round's own: a fan and thermal-zone controller library (`fanhub`) with a patch series and an ABI break of its own,
and the databases of a tram operator's fare-card ledger (`tapline`) with other damage. About half the command lines
are typed as agents type them (`| tail -n 80`, `| head -n 100`, `| grep …`, `; echo EXIT=$?`).

No rule is new: the needles come from the extractors of rounds 208 and 209, imported from capture_wide208_kern.py
and capture_wide209_kv.py (NEEDLES.md, "Round 220"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide220.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide220.json  as {"version": 2, "items": [...]}, ids prefixed "wide220-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide220-"
DEFAULT_OUT = HERE / "data" / "wide220.json"
TMP = Path(os.environ.get("HM_WIDE220_TMP", "/dev/shm/hm-corpus-wide220"))
KSRC = Path(os.environ.get("HM_WIDE220_KSRC", "/dev/shm/hm-corpus-wide220-ksrc"))  # the kernel's scripts/

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Rounds 208's and 209's tools from Debian, and the kernel's scripts/ unpacked from linux-source-6.1, once."""
    for tool, pkg in [("spatch", "coccinelle"), ("cflow", "cflow"), ("indent", "indent"), ("astyle", "astyle"),
                      ("abi-dumper", "abi-dumper"), ("abi-compliance-checker", "abi-compliance-checker"),
                      ("sparse", "sparse"), ("pahole", "dwarves"), ("pmccabe", "pmccabe"),
                      ("complexity", "complexity"), ("uncrustify", "uncrustify"), ("vera++", "vera++"),
                      ("abidiff", "abigail-tools"), ("mdb_stat", "lmdb-utils"), ("db5.3_verify", "db5.3-util"),
                      ("gdbmtool", "gdbmtool"), ("kchashmgr", "kyotocabinet-utils"), ("ldb", "rocksdb-tools"),
                      ("tdbtool", "tdb-tools"), ("tkrzw_dbm_util", "tkrzw-utils")]:
        cm.ensure_apt(tool, pkg)
    if not Path("/usr/src/linux-source-6.1.tar.xz").exists():
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends linux-source-6.1", timeout=1800)
    if not (KSRC / "scripts" / "checkpatch.pl").exists():
        KSRC.mkdir(parents=True, exist_ok=True)
        cm.run("tar xJf /usr/src/linux-source-6.1.tar.xz --strip-components=1 linux-source-6.1/scripts",
               cwd=KSRC, timeout=900)


def steps() -> list:
    import capture_wide220_r208 as r208  # checkpatch, kernel-doc, Coccinelle, sparse, formatters, graphs, ABI
    import capture_wide220_r209 as r209  # LMDB, Berkeley DB, GDBM, Kyoto Cabinet, RocksDB, TDB, Tkrzw
    return r208.STEPS + r209.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide220", sys.modules["__main__"])
    main()
