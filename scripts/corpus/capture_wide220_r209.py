"""Round 220, second samples of round 209's kinds: a tram operator's fare-card ledger (`tapline`: cards, taps at
stops, top-ups, refunds) written here by seeded generators, loaded by each engine's own loader, then damaged on
purpose in ways of this round's own (LMDB meta and leaf pages overwritten, a Berkeley DB btree's pages overwritten
and a hash file cut short, a GDBM bucket region and a header zeroed, a Kyoto Cabinet record region overwritten, a
RocksDB table file removed and another's block bytes flipped, a TDB hash chain overwritten, a Tkrzw file cut short,
keys asked for that are not there) and read back through mdb_stat, mdb_dump, db5.3_verify, db5.3_stat, db5.3_dump,
gdbmtool, kchashmgr, ldb, sst_dump, tdbtool, tdbdump and tkrzw_dbm_util. The needles come from round 209's
extractors, imported as they are (NEEDLES.md, "Round 220"). Run through capture_wide220.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run
from capture_wide209_kv import (n_bdb_dump, n_bdb_stat, n_bdb_verify, n_gdbmtool, n_kchashmgr, n_ldb, n_mdb_dump,
                                n_mdb_stat, n_sst_dump, n_tdbdump, n_tdbtool, n_tkrzw, plain, smash, truncate, tsv)
from capture_wide220 import cap

# ------------------------------------------------------------------ the fare-card ledger

STOPS = ["Hauptbahnhof", "Rathaus", "Zoo", "Messe", "Uni-Nord", "Hafen", "Depot", "Klinikum", "Stadion", "Altmarkt"]
EVENTS = ["tap-in", "tap-out", "top-up", "refund", "block", "transfer"]


def fares(seed: int, n: int) -> list[tuple[str, str]]:
    """(key, value) pairs of cards and their events, seeded."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        if i % 4 == 0:
            k = f"card:{rnd.randrange(100000, 999999)}:{i:05d}"
            v = (f"holder=h{rnd.randrange(1, 5000)} tariff={rnd.choice(['adult', 'adult', 'student', 'senior', 'child'])}"
                 f" balance={rnd.randrange(0, 9000)} issued=2025-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}")
        else:
            k = f"tap:2026-{rnd.randrange(1, 13):02d}-{rnd.randrange(1, 29):02d}T{rnd.randrange(5, 24):02d}:{i:06d}"
            v = (f"event={rnd.choice(EVENTS)} card={rnd.randrange(100000, 999999)} stop={rnd.choice(STOPS)}"
                 f" line={rnd.randrange(1, 19)} fare={rnd.randrange(0, 480)}")
        out.append((k, v))
    return out


# ------------------------------------------------------------------ the steps


def lmdb(tmp: Path) -> None:
    root = tmp / "lmdb"
    root.mkdir()
    (root / "taps.txt").write_text(plain(fares(2201, 3200)))
    (root / "cards.txt").write_text(plain(fares(2202, 900)))
    for env in ["fares", "fares_meta", "fares_leaf"]:
        (root / env).mkdir()
        run(f"mdb_load -T -f taps.txt {env} && mdb_load -T -s cards -f cards.txt {env}", cwd=root)
    smash(root / "fares_meta" / "data.mdb", 16, 48, 31)  # both meta pages' magic and version
    smash(root / "fares_meta" / "data.mdb", 4096 + 16, 48, 32)
    for p in range(3, 200, 17):
        smash(root / "fares_leaf" / "data.mdb", 4096 * p + 2, 14, p)
    cap("mdb-stat-env", "mdb_stat -e -a -rr fares; echo EXIT=$?", root, n_mdb_stat)
    cap("mdb-stat-damaged", "mdb_stat -e -a fares_meta 2>&1; echo; mdb_stat -a -ff fares_leaf 2>&1 | head -n 80; "
        "echo EXIT=$?; mdb_stat -e -a -ff fares", root, n_mdb_stat)
    cap("mdb-dump-cards", "mdb_dump -p -s cards fares | head -n 900", root, n_mdb_dump)
    cap("mdb-dump-leaf", "mdb_dump -p -a fares_leaf 2>&1 | tail -n 150; echo EXIT=$?; mdb_dump -p fares_meta 2>&1; "
        "echo; mdb_dump -l fares; mdb_dump -p -s cards fares | head -n 300", root, n_mdb_dump)


def bdb(tmp: Path) -> None:
    root = tmp / "bdb"
    root.mkdir()
    (root / "taps.txt").write_text(plain(fares(2203, 3600)))
    (root / "cards.txt").write_text(plain(fares(2204, 1100)))
    run("db5.3_load -T -t btree taps.db < taps.txt && db5.3_load -T -t hash cards.db < cards.txt && "
        "cp taps.db taps_bad.db && cp cards.db cards_short.db", cwd=root)
    for p in range(9, 90, 13):
        smash(root / "taps_bad.db", 4096 * p + 40, 64, p + 100)
    truncate(root / "cards_short.db", 0.62)
    (root / "fares.csv").write_text("card,stop,fare\n" * 60)
    cap("bdb-verify-bad", "db5.3_verify taps_bad.db 2>&1 | head -n 120; echo EXIT=$?", root, n_bdb_verify)
    cap("bdb-verify-set", "for f in taps.db cards.db cards_short.db fares.csv; do db5.3_verify $f; done 2>&1; "
        "echo EXIT=$?", root, n_bdb_verify)
    cap("bdb-stat-pair", "db5.3_stat -d taps.db; db5.3_stat -d cards.db; db5.3_stat -d cards_short.db 2>&1; "
        "echo EXIT=$?", root, n_bdb_stat)
    cap("bdb-dump-cards", "db5.3_dump -p cards.db | head -n 1300", root, n_bdb_dump)
    cap("bdb-dump-salvage", "db5.3_dump -p cards_short.db; echo EXIT=$?; db5.3_dump -r -p cards_short.db 2>&1 | "
        "tail -n 120; db5.3_dump -r -p taps_bad.db 2>&1 | head -n 400", root, n_bdb_dump)


def gdbm(tmp: Path) -> None:
    root = tmp / "gdbm"
    root.mkdir()
    pairs = fares(2205, 1900)
    (root / "load.cmd").write_text("".join(f'store "{k}" "{v}"\n' for k, v in pairs))
    run("gdbmtool -n cards.gdbm < load.cmd >/dev/null 2>&1 && cp cards.gdbm cards_bkt.gdbm && "
        "cp cards.gdbm cards_hdr.gdbm", cwd=root)
    size = (root / "cards_bkt.gdbm").stat().st_size
    for off in range(size // 4, size, size // 5):
        smash(root / "cards_bkt.gdbm", off, 1200, off + 7)
    smash(root / "cards_hdr.gdbm", 4, 60, 11)
    rnd = random.Random(2206)
    asks = [k for k, _ in rnd.sample(pairs, 30)] + ["card:000000:00000", "tap:2026-00-00T00:000000", "card:"]
    (root / "ask.cmd").write_text("count\nheader\n" + "".join(f'fetch "{k}"\n' for k in asks) + "avail\n")
    cap("gdbmtool-ask", "stdbuf -oL gdbmtool -t -r cards.gdbm < ask.cmd 2>&1; echo EXIT=$?", root, n_gdbmtool)
    cap("gdbmtool-damaged", "stdbuf -oL gdbmtool -t -r cards_bkt.gdbm < ask.cmd 2>&1 | tail -n 90; "
        "gdbmtool -r cards_hdr.gdbm count 2>&1; echo EXIT=$?", root, n_gdbmtool)


def kyoto(tmp: Path) -> None:
    root = tmp / "kc"
    root.mkdir()
    (root / "taps.tsv").write_text(tsv(fares(2207, 2600)))
    run("kchashmgr create -bnum 2048 taps.kch && kchashmgr import taps.kch taps.tsv >/dev/null && "
        "cp taps.kch taps_bad.kch", cwd=root)
    smash(root / "taps_bad.kch", 120000, 5000, 22)
    cap("kchashmgr-check", "kchashmgr inform -st taps.kch; kchashmgr inform -st taps_bad.kch 2>&1; "
        "kchashmgr check taps_bad.kch 2>&1 | tail -n 50; echo EXIT=$?", root, n_kchashmgr)


def rocks(tmp: Path) -> None:
    root = tmp / "rocks"
    root.mkdir()
    for name in ["taps", "taps_gone", "taps_flip"]:
        for part in range(4):
            (root / f"part{part}.txt").write_text("".join(f"{k} ==> {v}\n" for k, v in fares(2210 + part, 1200)))
            run(f"ldb --db={name} --create_if_missing --write_buffer_size=98304 load < part{part}.txt", cwd=root)
    gone = sorted((root / "taps_gone").glob("*.sst"))
    if len(gone) > 2:
        gone[1].unlink()
    flip = sorted((root / "taps_flip").glob("*.sst"))
    if flip:
        smash(flip[0], 1500, 300, 23)
    cap("ldb-manifest", "ldb --db=taps manifest_dump --verbose 2>&1 | head -n 140", root, n_ldb)
    cap("ldb-gone", "ldb --db=taps_gone checkconsistency; ldb --db=taps_gone scan --from=card: --max_keys=40; "
        "ldb --db=taps_gone get card:000000:00000; echo EXIT=$?", root, n_ldb)
    if flip:
        cap("sst-dump-flip", f"sst_dump --file=taps_flip/{flip[0].name} --command=scan --verify_checksum "
            "--show_properties 2>&1 | tail -n 80; echo EXIT=$?", root, n_sst_dump)
    cap("sst-dump-props", "sst_dump --file=taps --show_properties --command=none 2>&1 | head -n 220", root,
        n_sst_dump)


def tdb(tmp: Path) -> None:
    root = tmp / "tdb"
    root.mkdir()
    dump = "".join(f'{{\nkey({len(k)}) = "{k}"\ndata({len(v)}) = "{v}"\n}}\n' for k, v in fares(2214, 2200))
    (root / "fares.dump").write_text(dump)
    run("tdbrestore fares.tdb < fares.dump && cp fares.tdb fares_bad.tdb", cwd=root)
    smash(root / "fares_bad.tdb", 30000, 300, 24)
    smash(root / "fares_bad.tdb", 150000, 120, 25)
    cap("tdbtool-bad", "tdbtool fares.tdb info; tdbtool fares_bad.tdb check 2>&1 | head -n 60; "
        "tdbtool fares_bad.tdb keys 2>&1 | head -n 250; echo EXIT=$?", root, n_tdbtool)
    cap("tdbdump-head", "tdbdump fares.tdb | head -n 1200", root, n_tdbdump)
    cap("tdbdump-bad", "tdbdump fares_bad.tdb 2>&1 | tail -n 90; echo EXIT=$?; tdbdump -k card:000000:00000 "
        "fares.tdb; echo EXIT=$?", root, n_tdbdump)


def tkrzw(tmp: Path) -> None:
    root = tmp / "tkrzw"
    root.mkdir()
    (root / "taps.tsv").write_text(tsv(fares(2215, 3000)))
    run("tkrzw_dbm_util create --dbm tree taps.tkt && tkrzw_dbm_util import --dbm tree --tsv taps.tkt taps.tsv && "
        "tkrzw_dbm_util create --dbm hash --buckets 6000 taps.tkh && tkrzw_dbm_util import --dbm hash --tsv "
        "taps.tkh taps.tsv && cp taps.tkh taps_short.tkh", cwd=root)
    truncate(root / "taps_short.tkh", 0.7)
    cap("tkrzw-tree", "tkrzw_dbm_util inspect taps.tkt; tkrzw_dbm_util list --items 500 taps.tkt", root, n_tkrzw)
    cap("tkrzw-short", "tkrzw_dbm_util inspect taps_short.tkh 2>&1; tkrzw_dbm_util get taps_short.tkh "
        "card:000000:00000; tkrzw_dbm_util restore taps_short.tkh taps_fixed.tkh 2>&1; echo EXIT=$?; "
        "tkrzw_dbm_util inspect taps_fixed.tkh; tkrzw_dbm_util list --items 80 taps_fixed.tkh", root, n_tkrzw)


STEPS = [lmdb, bdb, gdbm, kyoto, rocks, tdb, tkrzw]
