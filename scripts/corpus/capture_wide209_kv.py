"""Round 209, embedded and key-value databases: a small warehouse's stock ledger (`binkeeper`: SKUs, bins, stock
moves) loaded by each engine's own loader from text written by a seeded generator, then damaged on purpose (a
truncated file, overwritten page bytes, a wrong magic, a removed table file, a key that is not there) and read back
through LMDB's mdb_stat and mdb_dump, Berkeley DB's db5.3_verify, db5.3_stat and db5.3_dump, gdbmtool sessions,
kchashmgr, RocksDB's ldb and sst_dump, tdbtool and tdbdump, and tkrzw_dbm_util. The extractors are this round's
(NEEDLES.md, "Round 209"). Run through capture_wide209.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide209 import cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 209")


def _pick(lines, pat: str) -> list[str]:
    rx = re.compile(pat)
    return [ln for ln in lines if rx.search(ln)]


def _first_last(rows: list[str], more_than: int = 40) -> list[str]:
    return [rows[0], rows[-1]] if len(rows) > more_than else []


def _dump_keys(lines) -> list[str]:
    """The key lines of an mdb_dump / db_dump block (`-p`: key and value lines alternate after HEADER=END), per block."""
    out, keys, inside = [], [], False
    for ln in lines:
        if ln.startswith("HEADER=END"):
            inside, keys = True, []
        elif ln.startswith("DATA=END") or (inside and not ln.startswith(" ")):
            if inside:
                out += _first_last(keys[::2])
            inside = False
        elif inside:
            keys.append(ln)
    if inside:
        out += _first_last(keys[::2])
    return out


@kind("mdb-stat", "table")
def n_mdb_stat(lines):
    """Rule 5: every `Status of` heading, its Entries/Tree depth/Branch/Leaf/Overflow pages lines, -e's Map size/pages used/Max pages, -f's Free pages, every error line."""
    pat = (r"^Status of |^\s+(Entries|Tree depth|Branch pages|Leaf pages|Overflow pages|Map size|Number of pages used"
           r"|Max pages|Free pages):|mdb_\w+ failed|MDB_[A-Z_]+|\b[Ee]rror\b|Invalid|corrupted")
    return _pick(lines, pat) + exit_lines(lines)


@kind("mdb-dump", "table")
def n_mdb_dump(lines):
    """Rule 5: every `database=` line, the first block's VERSION=/format= lines, every error line, the first and last key of each block over 40 records."""
    out = _pick(lines, r"^database=|mdb_\w+ failed|MDB_[A-Z_]+|\b[Ee]rror\b")
    head = _pick(lines, r"^(VERSION|format)=")[:2]
    return head + out + _dump_keys(lines) + exit_lines(lines)


@kind("bdb-verify", "lint")
def n_bdb_verify(lines):
    """Rule 1: every line naming a damaged page, item or file, one {"any"} per shape repeated on more than 3 lines, the closing Verification … failed/succeeded lines."""
    bad = [ln for ln in lines if re.search(r"db5\.3_verify:|DB_VERIFY_BAD|unexpected file type|Invalid argument|"
                                           r"\bPage \d+|[Ee]rror|[Cc]orrupt|BDB\d+", ln)
           and not re.search(r"Verification of .* (failed|succeeded)", ln)]
    shapes: dict[str, list[str]] = {}
    for ln in bad:
        shapes.setdefault(cm.mask(re.sub(r"^db5\.3_verify:\s*", "", ln)), []).append(ln)
    out: list = []
    for group in shapes.values():
        out += [cm.any_of(group)] if len(group) > 3 else group
    return out + _pick(lines, r"Verification of .* (failed|succeeded)") + exit_lines(lines)


@kind("bdb-stat", "table")
def n_bdb_stat(lines):
    """Rule 5: the access method's magic and version lines, the keys/data items/levels/pages/page size lines, every db5.3_stat error line."""
    pat = (r"(Btree|Hash|Queue|Recno|Heap) (magic number|version number)|Number of (unique )?keys|Number of data items"
           r"|Number of (levels|tree levels)|Number of .*pages\b(?! free)|Underlying database page size|db5\.3_stat:")
    return [ln for ln in _pick(lines, pat) if "bytes free" not in ln] + exit_lines(lines)


@kind("bdb-dump", "table")
def n_bdb_dump(lines):
    """Rule 5: the VERSION=/format=/type=/HEADER=END header lines, every db5.3_dump error line, the first and last key of a dump over 40 records."""
    return (_pick(lines, r"^(VERSION|format|type)=|^HEADER=END|db5\.3_dump:|DB_VERIFY_BAD|\b[Ee]rror\b")
            + _dump_keys(lines) + exit_lines(lines))


@kind("gdbmtool-session", "log")
def n_gdbmtool(lines):
    """Rule 1+5: every error line, count's `There are N items`, status/header bucket/directory/free lines, each fetch's value line, recover's report lines."""
    pat = (r"gdbmtool:|\berror\b|cannot|Item not found|not a valid|[Mm]alformed|File header|There are \d+ items"
           r"|[Bb]ucket size|[Nn]umber of buckets|[Dd]irectory|\bfree\b|[Rr]ecover|[Ff]ailed")
    out = [ln for ln in _pick(lines, pat) if not ln.startswith("+ ")]  # `-t` echoes each command as `+ cmd`
    for i, ln in enumerate(lines[:-1]):
        if re.match(r"^(\+ )?fetch ", ln):
            out.append(lines[i + 1])
    return out + exit_lines(lines)


@kind("kchashmgr", "table")
def n_kchashmgr(lines):
    """Rule 1+5: every error/broken/invalid line, inform's count/size/path/flags/buckets/alignment lines, check's verdict."""
    pat = (r"kchashmgr:|[Ee]rror|broken|invalid|unexpected|^count:|^size:|^path:|flags:|^buckets:|^alignment:"
           r"|^free block pool:|records were checked|^type:")
    return _pick(lines, pat) + exit_lines(lines)


@kind("rocksdb-ldb", "table")
def n_ldb(lines):
    """Rule 1+5: every Failed:/Corruption:/IO error:/Invalid argument:/NotFound: line, manifest_dump's column family, log number, comparator, next file number, last sequence and level lines, scan's first and last rows, a lone OK."""
    pat = (r"Failed|Corruption|IO error|Invalid argument|NotFound|Not found|^-+ Column family|^log number|^comparator"
           r"|^next_file_number|next file number|last_sequence|last sequence|^--- level \d+")
    out = _pick(lines, pat)
    rows = [ln for ln in lines if " : " in ln or " ==> " in ln or " => " in ln]
    out += _first_last(rows)
    if [ln.strip() for ln in lines if ln.strip()] == ["OK"]:
        out.append("OK")
    return out + exit_lines(lines)


@kind("rocksdb-sst-dump", "table")
def n_sst_dump(lines):
    """Rule 1+5: every Process line, every error/Corruption/Checksum mismatch line, the properties' data blocks, entries, raw key/value size, data block size, comparator and column family lines, the from/to key range, scan's first and last rows."""
    pat = (r"^Process |[Ee]rror|Corruption|[Cc]hecksum mismatch|^\s+# data blocks:|^\s+# entries:|^\s+raw key size:"
           r"|^\s+raw value size:|^\s+data block size:|^\s+comparator name:|^\s+column family name:|^from \[")
    out = _pick(lines, pat)
    out += _first_last([ln for ln in lines if " => " in ln])
    return out + exit_lines(lines)


@kind("tdbtool", "table")
def n_tdbtool(lines):
    """Rule 1+5: every error line, the integrity verdict, info's size/records/smallest-average-largest lines, a keys listing's first and last key."""
    pat = (r"tdb_\w+|[Ff]ailed|[Cc]orrupt|Bad magic|[Ee]rror|Database integrity|^Size of file|^Number of records"
           r"|^Smallest/average/largest")
    out = _pick(lines, pat)
    out += _first_last([ln for ln in lines if ln.startswith("key ")])
    return out + exit_lines(lines)


@kind("tdbdump", "table")
def n_tdbdump(lines):
    """Rule 1+5: every error line, the record count if printed, the first and last key(N) = lines."""
    out = _pick(lines, r"Failed to open|tdb_\w+|[Ee]rror|records?\b.*\d|\d+ records")
    keys = [ln for ln in lines if ln.startswith("key(")]
    return out + (keys[:1] + keys[-1:] if keys else []) + exit_lines(lines)


@kind("tkrzw-dbm-util", "table")
def n_tkrzw(lines):
    """Rule 1+5: every error line, inspect's num_records/file_size/healthy/class/num_buckets/update_mode/pkg_major_version lines, a list's first and last rows."""
    pat = (r"[Ff]ailed|Status:|_ERROR|INFEASIBLE|^\s+(num_records|file_size|healthy|class|num_buckets|update_mode"
           r"|pkg_major_version)=")
    out = _pick(lines, pat)
    out += _first_last([ln for ln in lines if "\t" in ln])
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the ledger and its databases

ZONES = ["A", "B", "C", "D", "COLD", "HAZ"]
KINDS = ["receipt", "pick", "transfer", "count", "adjust", "return"]


def ledger(seed: int, n: int) -> list[tuple[str, str]]:
    """(key, value) pairs of SKUs and stock moves, seeded."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        if i % 3 == 0:
            k = f"sku:{rnd.randrange(10000, 99999)}-{i:05d}"
            v = (f"name=part-{rnd.choice('abcdefgh')}{i} zone={rnd.choice(ZONES)} bin={rnd.choice(ZONES)}"
                 f"{rnd.randrange(1, 40):02d}-{rnd.randrange(1, 9)} qty={rnd.randrange(0, 900)} uom=ea")
        else:
            k = f"move:2026-{rnd.randrange(1, 12):02d}-{rnd.randrange(1, 28):02d}:{i:06d}"
            v = f"kind={rnd.choice(KINDS)} sku={rnd.randrange(10000, 99999)} delta={rnd.randrange(-50, 120)} by=op{rnd.randrange(1, 30)}"
        out.append((k, v))
    return out


def plain(pairs) -> str:
    return "".join(f"{k}\n{v}\n" for k, v in pairs)


def tsv(pairs) -> str:
    return "".join(f"{k}\t{v}\n" for k, v in pairs)


def smash(path: Path, offset: int, n: int, seed: int) -> None:
    """Overwrite n bytes at offset with seeded garbage."""
    rnd = random.Random(seed)
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(bytes(rnd.randrange(256) for _ in range(n)))


def truncate(path: Path, frac: float) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as f:
        f.truncate(int(size * frac))


# ------------------------------------------------------------------ the steps


def lmdb(tmp: Path) -> None:
    root = tmp / "lmdb"
    root.mkdir()
    (root / "moves.txt").write_text(plain(ledger(209, 2400)))
    (root / "skus.txt").write_text(plain(ledger(2091, 600)))
    for env in ["stock", "stock_torn", "stock_cut"]:
        (root / env).mkdir()
        run(f"mdb_load -T -f moves.txt {env} && mdb_load -T -s skus -f skus.txt {env}", cwd=root)
    for p in range(6, 160, 11):  # page headers (page number, flags, bounds) overwritten
        smash(root / "stock_torn" / "data.mdb", 4096 * p, 16, p)
    truncate(root / "stock_cut" / "data.mdb", 0.4)
    cap("mdb-stat-all", "mdb_stat -a -e -ff stock", root, n_mdb_stat)
    cap("mdb-stat-torn", "mdb_stat -a -e -rr stock_torn; mdb_stat -ff -s skus stock_torn; echo EXIT=$?", root, n_mdb_stat)
    cap("mdb-stat-cut", "mdb_stat -e -f -a stock_cut 2>&1; echo EXIT=$?; mdb_stat -a -e -f stock", root, n_mdb_stat)
    cap("mdb-dump-skus", "mdb_dump -p -s skus stock | head -n 400", root, n_mdb_dump)
    cap("mdb-dump-torn", "mdb_dump -p -s skus stock_torn 2>&1 | tail -n 60; mdb_dump -p stock_torn 2>&1 | cut -c1-200 | tail -n 120; echo EXIT=$?", root, n_mdb_dump)
    cap("mdb-dump-cut", "mdb_dump -p -a stock_cut 2>&1 | tail -n 60; echo EXIT=$?; mdb_dump -l stock; mdb_dump -p -s skus stock | head -n 200", root, n_mdb_dump)
    cap("mdb-dump-all", "mdb_dump -p -a stock", root, n_mdb_dump)


def bdb(tmp: Path) -> None:
    root = tmp / "bdb"
    root.mkdir()
    (root / "moves.txt").write_text(plain(ledger(2092, 3000)))
    (root / "skus.txt").write_text(plain(ledger(2093, 900)))
    run("db5.3_load -T -t btree moves.db < moves.txt && db5.3_load -T -t hash skus.db < skus.txt && "
        "cp moves.db moves_torn.db && cp skus.db skus_cut.db && cp moves.db moves_magic.db", cwd=root)
    for p in range(4, 60, 7):
        smash(root / "moves_torn.db", 4096 * p + 26, 40, p)
    truncate(root / "skus_cut.db", 0.55)
    smash(root / "moves_magic.db", 12, 4, 9)
    (root / "notes.db").write_text("binkeeper export notes\n" * 40)
    (root / "bins.txt").write_text("".join(f"{v}\n" for _, v in ledger(2100, 700)))
    run("db5.3_load -T -t recno bins.db < bins.txt", cwd=root)
    cap("bdb-verify-torn", "db5.3_verify moves_torn.db; echo EXIT=$?", root, n_bdb_verify)
    cap("bdb-verify-all", "for f in *.db; do db5.3_verify -o $f; done 2>&1 | head -n 150", root, n_bdb_verify)
    cap("bdb-verify-cut", "db5.3_verify skus_cut.db moves_magic.db notes.db; echo EXIT=$?", root, n_bdb_verify)
    cap("bdb-stat-all", "for f in moves.db skus.db bins.db skus_cut.db; do echo \"== $f\"; db5.3_stat -d $f; done 2>&1; "
        "echo EXIT=$?", root, n_bdb_stat)
    cap("bdb-stat-torn", "db5.3_stat -d moves_magic.db 2>&1; db5.3_stat -d moves_torn.db 2>&1; echo EXIT=$?; "
        "db5.3_stat -d moves.db | head -n 14", root, n_bdb_stat)
    cap("bdb-dump-moves", "db5.3_dump -p moves.db | head -n 2100", root, n_bdb_dump)
    cap("bdb-dump-skus", "db5.3_dump -p skus.db | head -n 300", root, n_bdb_dump)
    cap("bdb-dump-torn", "db5.3_dump -p moves_magic.db; db5.3_dump -r moves_torn.db 2>&1 | tail -n 100; echo EXIT=$?", root, n_bdb_dump)
    cap("bdb-dump-salvage", "db5.3_dump -r -p skus_cut.db 2>&1 | tail -n 200", root, n_bdb_dump)


def gdbm(tmp: Path) -> None:
    root = tmp / "gdbm"
    root.mkdir()
    pairs = ledger(2094, 1500)
    (root / "load.cmd").write_text("".join(f'store "{k}" "{v}"\n' for k, v in pairs))
    run("gdbmtool -n bins.gdbm < load.cmd >/dev/null 2>&1 && cp bins.gdbm bins_torn.gdbm && cp bins.gdbm bins_cut.gdbm",
        cwd=root)
    smash(root / "bins_torn.gdbm", 0, 16, 5)
    run("cp bins.gdbm bins_bucket.gdbm", cwd=root)
    size = (root / "bins_bucket.gdbm").stat().st_size
    for off in range(size // 3, size, size // 7):  # bucket bodies overwritten
        smash(root / "bins_bucket.gdbm", off, 700, off)
    truncate(root / "bins_cut.gdbm", 0.5)
    rnd = random.Random(2095)
    asks = [k for k, _ in rnd.sample(pairs, 25)] + ["sku:00000-99999", "move:2026-13-01:000000"]
    (root / "ask.cmd").write_text("count\nstatus\nheader\n" + "".join(f'fetch "{k}"\n' for k in asks)
                                  + "avail\nbucket\n")
    cap("gdbmtool-ask", "stdbuf -oL gdbmtool -t -r bins.gdbm < ask.cmd 2>&1", root, n_gdbmtool)
    cap("gdbmtool-torn", "stdbuf -oL gdbmtool -t -r bins_torn.gdbm < ask.cmd 2>&1; echo EXIT=$?", root, n_gdbmtool)
    cap("gdbmtool-cut", "printf 'count\\nrecover verbose summary\\ncount\\nheader\\n' | gdbmtool bins_cut.gdbm 2>&1 "
        "| tail -n 80", root, n_gdbmtool)
    cap("gdbmtool-bucket", "stdbuf -oL gdbmtool -t -r bins_bucket.gdbm < ask.cmd 2>&1 | head -n 120; echo EXIT=$?", root,
        n_gdbmtool)
    cap("gdbmtool-dir", "printf 'dir\\navail\\n' | gdbmtool -r bins.gdbm | head -n 200", root, n_gdbmtool)


def kyoto(tmp: Path) -> None:
    root = tmp / "kc"
    root.mkdir()
    (root / "moves.tsv").write_text(tsv(ledger(2096, 2000)))
    run("kchashmgr create -bnum 4096 moves.kch && kchashmgr import moves.kch moves.tsv >/dev/null && "
        "cp moves.kch moves_torn.kch && cp moves.kch moves_cut.kch", cwd=root)
    smash(root / "moves_torn.kch", 70000, 3000, 6)
    truncate(root / "moves_cut.kch", 0.6)
    cap("kchashmgr-inform", "for f in moves.kch moves_torn.kch; do kchashmgr inform -st $f; kchashmgr check $f; done "
        "2>&1", root, n_kchashmgr)
    cap("kchashmgr-check-torn", "kchashmgr check moves_torn.kch 2>&1 | tail -n 60; echo EXIT=$?", root, n_kchashmgr)
    cap("kchashmgr-cut", "kchashmgr inform -st moves_cut.kch; kchashmgr check moves_cut.kch 2>&1 | "
        "grep -vE '^\\.+ \\(' ; echo EXIT=$?", root, n_kchashmgr)


def rocks(tmp: Path) -> None:
    root = tmp / "rocks"
    root.mkdir()
    for name, seed in [("ledger", 2097), ("ledger_lost", 2097), ("ledger_torn", 2097)]:
        for part in range(3):
            (root / f"part{part}.txt").write_text("".join(f"{k} ==> {v}\n" for k, v in ledger(seed + part, 1500)))
            run(f"ldb --db={name} --create_if_missing --write_buffer_size=65536 load < part{part}.txt", cwd=root)
    ssts = sorted((root / "ledger_lost").glob("*.sst"))
    if ssts:
        ssts[0].unlink()
    tssts = sorted((root / "ledger_torn").glob("*.sst"))
    if tssts:
        smash(tssts[-1], 200, 400, 7)
    cap("ldb-manifest", "ldb --db=ledger manifest_dump 2>&1 | head -n 100", root, n_ldb)
    cap("ldb-scan", "ldb --db=ledger scan --from=move:2026-03 --to=move:2026-05 | head -n 400", root, n_ldb)
    cap("ldb-lost", "ldb --db=ledger_lost checkconsistency; ldb --db=ledger_lost scan --max_keys=5; "
        "ldb --db=ledger_lost get sku:12345-00000; echo EXIT=$?", root, n_ldb)
    cap("ldb-torn", "ldb --db=ledger_torn scan --max_keys=30 2>&1; ldb --db=ledger_torn scan 2>&1 | tail -n 50; "
        "ldb --db=ledger_torn checkconsistency; echo EXIT=$?; ldb --db=ledger_torn manifest_dump | head -n 80",
        root, n_ldb)
    cap("sst-dump-props", "sst_dump --file=ledger_lost --command=check --show_properties", root, n_sst_dump)
    cap("sst-dump-scan", "sst_dump --file=ledger --command=scan --read_num=300 2>&1 | head -n 320", root, n_sst_dump)
    if tssts:
        cap("sst-dump-torn", f"sst_dump --file=ledger_torn/{tssts[-1].name} --command=check --verify_checksum "
            "--show_properties 2>&1; echo EXIT=$?", root, n_sst_dump)
    cap("ldb-idump", "ldb --db=ledger idump --count_only; ldb --db=ledger idump --from=sku --max_keys=200", root, n_ldb)
    cap("sst-dump-dir", "sst_dump --file=ledger_torn --command=check --verify_checksum 2>&1; echo EXIT=$?; "
        "sst_dump --file=ledger --command=check --show_properties | grep -E '^Process|# entries|raw key size'",
        root, n_sst_dump)


def tdb(tmp: Path) -> None:
    root = tmp / "tdb"
    root.mkdir()
    dump = "".join(f'{{\nkey({len(k)}) = "{k}"\ndata({len(v)}) = "{v}"\n}}\n' for k, v in ledger(2098, 1800))
    (root / "ledger.dump").write_text(dump)
    run("tdbrestore ledger.tdb < ledger.dump && cp ledger.tdb ledger_torn.tdb && cp ledger.tdb ledger_cut.tdb",
        cwd=root)
    smash(root / "ledger_torn.tdb", 9000, 500, 8)
    smash(root / "ledger_torn.tdb", 60000, 200, 9)
    truncate(root / "ledger_cut.tdb", 0.45)
    cap("tdbtool-info", "tdbtool ledger.tdb info; tdbtool ledger.tdb check; tdbtool ledger.tdb keys | head -n 200",
        root, n_tdbtool)
    cap("tdbtool-torn", "tdbtool ledger_torn.tdb check 2>&1; tdbtool ledger_torn.tdb info; echo EXIT=$?; "
        "tdbtool ledger_torn.tdb keys 2>&1 | tail -n 150", root, n_tdbtool)
    cap("tdbtool-cut", "tdbtool ledger_cut.tdb check 2>&1; tdbtool ledger_cut.tdb info 2>&1; "
        "tdbtool ledger_cut.tdb keys 2>&1 | tail -n 40; echo EXIT=$?", root, n_tdbtool)
    cap("tdbdump-head", "tdbdump ledger.tdb | head -n 600", root, n_tdbdump)
    cap("tdbdump-all", "tdbdump ledger.tdb | head -n 2400", root, n_tdbdump)
    cap("tdbdump-cut", "tdbdump ledger_cut.tdb 2>&1; echo EXIT=$?; tdbdump -e ledger_cut.tdb 2>&1 | tail -n 200", root, n_tdbdump)
    cap("tdbdump-torn", "tdbdump ledger_torn.tdb 2>&1 | tail -n 120; echo EXIT=$?", root, n_tdbdump)


def tkrzw(tmp: Path) -> None:
    root = tmp / "tkrzw"
    root.mkdir()
    (root / "skus.tsv").write_text(tsv(ledger(2099, 2500)))
    run("tkrzw_dbm_util create --dbm hash --buckets 4000 skus.tkh && tkrzw_dbm_util import --dbm hash --tsv skus.tkh "
        "skus.tsv && cp skus.tkh skus_torn.tkh && cp skus.tkh skus_cut.tkh", cwd=root)
    smash(root / "skus_torn.tkh", 40000, 2000, 10)
    truncate(root / "skus_cut.tkh", 0.5)
    cap("tkrzw-inspect", "tkrzw_dbm_util inspect skus.tkh; tkrzw_dbm_util list --items 300 skus.tkh", root, n_tkrzw)
    cap("tkrzw-torn", "tkrzw_dbm_util inspect skus_torn.tkh; tkrzw_dbm_util list --items 3000 skus_torn.tkh 2>&1 | tail -n 40; "
        "tkrzw_dbm_util get skus.tkh sku:00000-00000; echo EXIT=$?", root, n_tkrzw)
    run("tkrzw_dbm_util create --dbm tree moves.tkt && tkrzw_dbm_util import --dbm tree --tsv moves.tkt skus.tsv",
        cwd=root)
    cap("tkrzw-tree", "tkrzw_dbm_util inspect moves.tkt; tkrzw_dbm_util list --move jump --jump_key sku: --items 150 moves.tkt", root,
        n_tkrzw)
    cap("tkrzw-cut", "tkrzw_dbm_util inspect skus_cut.tkh 2>&1; tkrzw_dbm_util rebuild skus_cut.tkh 2>&1; "
        "tkrzw_dbm_util inspect skus_cut.tkh; echo EXIT=$?; tkrzw_dbm_util list --items 100 skus_cut.tkh", root, n_tkrzw)


STEPS = [lmdb, bdb, gdbm, kyoto, rocks, tdb, tkrzw]
