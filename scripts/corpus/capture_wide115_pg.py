"""Round 115's PostgreSQL 15 admin tools and the extractors of their kinds (NEEDLES.md, "Round 115"): `ledger`, a
bookkeeping database filled by a seeded generator (accounts, invoices, payments, journal lines), with an expression
index whose IMMUTABLE function is later replaced (pg_amcheck --heapallindexed finds heap tuples the index lacks), a
heap page overwritten while the checksummed cluster is stopped (pg_checksums --check, then pg_amcheck and reindexdb
meet it), transactions rolled back (ABORT records in the WAL), a backup whose files are then changed, removed and added
(pg_verifybackup). The server runs as user postgres on a Unix socket under /tmp. Run through capture_wide115.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port, rule4
from capture_wide115 import PGBIN, cap, exit_lines

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)


@cm.kind("pg-amcheck", "diag")
def n_amcheck(lines):
    """Rules 1+5: every line naming corruption or an error (btree index "…":, heap table "…", block N, offset N:, error sending command, ERROR:) and the detail line right under each; a clean run's last line; EXIT=N."""
    out = []
    head = re.compile(r'^(btree index|heap table|toast table) ".*"|error sending command|ERROR:|pg_amcheck: (error|warning)')
    for i, ln in enumerate(lines):
        if head.search(ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip() and not head.search(lines[i + 1]):
                out.append(lines[i + 1])
    if not out:
        body = [ln for ln in lines if ln.strip() and not re.match(r"^EXIT=\d+$", ln.strip())]
        out += body[-1:]
    return out + exit_lines(lines)


@cm.kind("pg-checksums", "diag")
def n_checksums(lines):
    """Rules 1+3+5: every checksum verification failed in file "…", block N line, the Files scanned / Blocks scanned / Bad checksums / Data checksum version lines, the Checksum operation completed line; error lines; EXIT=N."""
    keep = re.compile(r"checksum verification failed|Checksum operation completed|Files scanned:|Blocks scanned:|"
                      r"Bad checksums:|Data checksum version:|pg_checksums: error:")
    return [ln for ln in lines if keep.search(ln)] + exit_lines(lines)


@cm.kind("pg-basebackup", "log")
def n_basebackup(lines):
    """Rules 1+3+5: every pg_basebackup: error: line and the line after it, the initiating base backup / write-ahead log start point / end point lines, the last progress line, the base backup completed line; EXIT=N."""
    out = []
    prog = [ln for ln in lines if re.search(r"\d+/\d+ kB \(\d+%\)", ln)]
    for i, ln in enumerate(lines):
        if "pg_basebackup: error:" in ln:
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif re.search(r"initiating base backup|write-ahead log start point|write-ahead log end point|"
                       r"base backup completed", ln):
            out.append(ln)
    return out + prog[-1:] + exit_lines(lines)


@cm.kind("pg-verifybackup", "diag")
def n_verifybackup(lines):
    """Rules 1+3: every pg_verifybackup: error: line (a file missing, extra, of wrong size or checksum), the backup successfully verified line; EXIT=N."""
    return [ln for ln in lines if re.search(r"pg_verifybackup: error:|backup successfully verified", ln)] + \
        exit_lines(lines)


WAL_REC = re.compile(r"^rmgr: (\S+)\s+len \(rec/tot\):.*?tx:\s+(\d+), lsn: \S+, prev \S+, desc: (\S+)")
STAT_ROW = re.compile(r"^(\S.*?)\s+(\d+) \(\s*[\d.]+\)\s+(\d+) \(\s*[\d.]+\)\s+(\d+) \(\s*[\d.]+\)\s+(\d+) \(")


@cm.kind("pg-waldump", "listing")
def n_waldump(lines):
    """Rules 1+4+5: first and last record lines, rule 4 over rmgr, every record of a transaction ending in ABORT, COMMIT lines with a timestamp (first 5, last 5), pg_waldump: error/fatal lines; --stats: the Type header, the Total row, the row of the largest Combined size; EXIT=N."""
    out = []
    if any(ln.startswith("Type ") for ln in lines):
        out += [ln for ln in lines if ln.startswith("Type ") or ln.startswith("Total ")]
        rows = [(int(m.group(5)), ln) for ln in lines if (m := STAT_ROW.match(ln)) and not ln.startswith("Total")]
        if rows:
            top = max(r[0] for r in rows)
            out.append(cm.any_of([ln for v, ln in rows if v == top]))
    else:
        recs = [(ln, m) for ln in lines if (m := WAL_REC.match(ln))]
        if recs:
            out += [recs[0][0], recs[-1][0]]
            out += rule4([(ln, {"rmgr": m.group(1)}) for ln, m in recs], cat=("rmgr",))
            aborted = {m.group(2) for ln, m in recs if m.group(3) == "ABORT"}
            out += [ln for ln, m in recs if m.group(2) in aborted and m.group(2) != "0"]
            commits = [ln for ln, m in recs if m.group(3) == "COMMIT" and re.search(r"COMMIT \d{4}-\d\d-\d\d", ln)]
            out += commits[:5] + commits[-5:]
    out += [ln for ln in lines if re.search(r"pg_waldump: (error|fatal):", ln)]
    return out + exit_lines(lines)


def _maint(lines, opener):
    out = [ln for ln in lines if re.search(opener, ln)]
    out += [ln for ln in lines if re.search(r'INFO:\s+(vacuuming "|index ".*" was reindexed|table ".*" was reindexed)', ln)]
    out += [ln for ln in lines if re.search(r"WARNING:|ERROR:|error:|FATAL:", ln)]
    tup = [(int(m.group(1)), ln) for ln in lines if (m := re.match(r"^\s*tuples: (\d+) removed", ln))]
    if tup:
        top = max(t[0] for t in tup)
        out.append(cm.any_of([ln for v, ln in tup if v == top]))
    return out + exit_lines(lines)


@cm.kind("vacuumdb-verbose", "log")
def n_vacuumdb(lines):
    """Rules 1+5: the vacuumdb: vacuuming database line(s), every INFO: vacuuming "…" line (one per relation), every WARNING/ERROR line, the tuples: line of the relation with most dead tuples removed; EXIT=N."""
    return _maint(lines, r'^vacuumdb: (vacuuming database|processing database) ')


@cm.kind("reindexdb-verbose", "log")
def n_reindexdb(lines):
    """Rules 1+5: the reindexdb: reindexing database line(s), every INFO: index "…" was reindexed line, every WARNING/ERROR line; EXIT=N."""
    return _maint(lines, r'^reindexdb: reindexing database ')


# ------------------------------------------------------------------ the cluster

def psql(sock: Path, port: int, db: str, sql: str, cwd: Path) -> str:
    f = cwd / "q.sql"
    f.write_text(sql)
    run(f"chmod 644 {f}")
    return run(f"{PGBIN}/psql -X -q -v ON_ERROR_STOP=0 -h {sock} -p {port} -U postgres -d {db} -f {f}", cwd=cwd,
               timeout=600)


def gen_sql(seed: int) -> str:
    rnd = random.Random(seed)
    out = ["""
CREATE EXTENSION IF NOT EXISTS amcheck;
CREATE OR REPLACE FUNCTION norm_ref(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN upper(t); END $$;
CREATE TABLE accounts (id serial PRIMARY KEY, code text UNIQUE NOT NULL, name text NOT NULL, kind text NOT NULL,
  opened date NOT NULL, balance numeric(14,2) NOT NULL DEFAULT 0);
CREATE TABLE invoices (id serial PRIMARY KEY, account_id int REFERENCES accounts(id), ref text NOT NULL,
  issued date NOT NULL, due date NOT NULL, amount numeric(12,2) NOT NULL, status text NOT NULL);
CREATE TABLE payments (id serial PRIMARY KEY, invoice_id int REFERENCES invoices(id), paid_at timestamptz NOT NULL,
  amount numeric(12,2) NOT NULL, method text NOT NULL, memo text);
CREATE TABLE journal (id bigserial PRIMARY KEY, account_id int NOT NULL, posted date NOT NULL, debit numeric(12,2),
  credit numeric(12,2), narrative text);
CREATE INDEX invoices_account_idx ON invoices(account_id);
CREATE INDEX invoices_status_due_idx ON invoices(status, due);
CREATE INDEX invoices_ref_norm_idx ON invoices (norm_ref(ref));
CREATE INDEX payments_invoice_idx ON payments(invoice_id);
CREATE INDEX payments_paid_at_idx ON payments(paid_at);
CREATE INDEX journal_account_posted_idx ON journal(account_id, posted);
"""]
    kinds = ["asset", "liability", "equity", "income", "expense"]
    out.append("INSERT INTO accounts (code, name, kind, opened, balance) VALUES " + ",\n".join(
        f"('{1000 + i}', 'Account {rnd.choice(['Cash', 'Bank', 'Rent', 'Sales', 'Wages', 'Tax', 'Fuel'])} {i}', "
        f"'{rnd.choice(kinds)}', DATE '2019-01-01' + {rnd.randint(0, 1800)}, {rnd.randint(-5000, 90000)}.{rnd.randint(0, 99):02d})"
        for i in range(300)) + ";")
    out.append("""
INSERT INTO invoices (account_id, ref, issued, due, amount, status)
SELECT 1 + (g * 7919) % 300, 'inv-' || lpad(g::text, 6, '0') || '-' || substr(md5(g::text), 1, 4),
  DATE '2023-01-01' + (g % 700), DATE '2023-01-31' + (g % 700), ((g * 37) % 99000) / 10.0,
  (ARRAY['open','paid','paid','paid','void','overdue'])[1 + g % 6] FROM generate_series(1, 24000) g;
INSERT INTO payments (invoice_id, paid_at, amount, method, memo)
SELECT 1 + (g::bigint * 104729) % 24000, TIMESTAMPTZ '2023-02-01' + (g || ' minutes')::interval, ((g * 53) % 88000) / 10.0,
  (ARRAY['card','transfer','transfer','cash','cheque'])[1 + g % 5], 'batch ' || (g / 500) FROM generate_series(1, 30000) g;
INSERT INTO journal (account_id, posted, debit, credit, narrative)
SELECT 1 + g % 300, DATE '2023-01-01' + (g % 730), CASE WHEN g % 2 = 0 THEN (g % 5000) END,
  CASE WHEN g % 2 = 1 THEN (g % 5000) END, 'posting ' || md5(g::text) FROM generate_series(1, 60000) g;
DELETE FROM journal WHERE id % 3 = 0;
UPDATE invoices SET status = 'paid' WHERE id % 11 = 0;
DELETE FROM payments WHERE id % 17 = 0;
"""),
    return "\n".join(out)


ABORTS = """
BEGIN; INSERT INTO payments (invoice_id, paid_at, amount, method) VALUES (12, now(), 10.00, 'card'); ROLLBACK;
BEGIN; UPDATE accounts SET balance = balance - 500 WHERE code = '1007'; UPDATE accounts SET balance = balance + 500 WHERE code = '1008'; ROLLBACK;
BEGIN; INSERT INTO invoices (account_id, ref, issued, due, amount, status) VALUES (3, 'inv-x', now(), now(), 1, 'open'); SELECT 1/0; COMMIT;
INSERT INTO journal (account_id, posted, debit) VALUES (5, now(), 12.5), (6, now(), 7.25);
UPDATE accounts SET balance = balance + 1 WHERE id IN (1, 2, 3);
INSERT INTO payments (invoice_id, paid_at, amount, method) VALUES (999999, now(), 1, 'card');
"""


def pg_steps(tmp: Path) -> None:
    d = tmp / "pg"
    run(f"rm -rf {d}")
    d.mkdir(parents=True, exist_ok=True)
    sock = d / "sock"
    sock.mkdir()
    run(f"chown -R postgres:postgres {d}")
    port = free_port()
    data = d / "data"
    run(f"runuser -u postgres -- {PGBIN}/initdb -D {data} -U postgres --data-checksums -A trust", cwd=d, timeout=300)
    with open(data / "postgresql.conf", "a") as f:
        f.write(f"listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{sock}'\n"
                "wal_level = replica\nmax_wal_senders = 4\nshared_buffers = 32MB\nfsync = off\n")
    ctl = f"runuser -u postgres -- {PGBIN}/pg_ctl -D {data} -l {d}/server.log -w"
    out = run(f"{ctl} start", cwd=d, timeout=120)
    if "server started" not in out:
        raise RuntimeError(f"postgres did not start: {out[-400:]}")
    B, conn = PGBIN, f"-h {sock} -p {port} -U postgres"
    run(f"{B}/createdb {conn} ledger", cwd=d)
    psql(sock, port, "ledger", gen_sql(1151), d)
    run(f"{B}/createdb {conn} archive2022", cwd=d)
    psql(sock, port, "archive2022", gen_sql(1152), d)
    # the IMMUTABLE function behind invoices_ref_norm_idx changes: the index no longer matches the heap
    psql(sock, port, "ledger", "CREATE OR REPLACE FUNCTION norm_ref(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS "
         "$$ BEGIN RETURN lower(t); END $$;\n", d)
    psql(sock, port, "archive2022", "CREATE OR REPLACE FUNCTION norm_ref(t text) RETURNS text LANGUAGE plpgsql "
         "IMMUTABLE AS $$ BEGIN RETURN t || '.'; END $$;\n", d)
    run(f"chmod a+rx {d} {sock}")
    cap("amcheck-heapallindexed-v-echo", f"pg_amcheck {conn} -d ledger --heapallindexed -v; echo EXIT=$?", d, n_amcheck,
        env={"PATH": f"{B}:/usr/bin:/bin"})
    cap("amcheck-all-tail", f"pg_amcheck {conn} --all --heapallindexed --parent-check 2>&1 | tail -n 80", d, n_amcheck,
        env={"PATH": f"{B}:/usr/bin:/bin"})
    # transactions rolled back, for the WAL
    run(f"{B}/psql -X {conn} -d ledger -c 'SELECT pg_switch_wal()'", cwd=d)
    psql(sock, port, "ledger", ABORTS * 3, d)
    run(f"{B}/psql -X {conn} -d ledger -c 'CHECKPOINT'", cwd=d)
    env = {"PATH": f"{B}:/usr/bin:/bin"}
    cap("vacuumdb-v-ledger", f"vacuumdb {conn} -v -d ledger", d, n_vacuumdb, env=env)
    cap("vacuumdb-v-analyze-tail", f"vacuumdb {conn} --all -v -z 2>&1 | tail -n 80", d, n_vacuumdb, env=env)
    cap("vacuumdb-v-tables-echo", f"vacuumdb {conn} -v -d ledger -t journal -t payments -t refunds; echo EXIT=$?", d,
        n_vacuumdb, env=env)
    cap("reindexdb-v-ledger", f"reindexdb {conn} -v -d ledger", d, n_reindexdb, env=env)
    # the WAL: the segment holding the rolled-back transactions
    seg = run(f"{B}/psql -X -At {conn} -d ledger -c \"SELECT pg_walfile_name(pg_current_wal_lsn())\"", cwd=d).strip()
    run(f"{B}/psql -X {conn} -d ledger -c 'SELECT pg_switch_wal()'", cwd=d)
    wal = data / "pg_wal"
    segs = sorted(p.name for p in wal.iterdir() if re.match(r"^[0-9A-F]{24}$", p.name))
    first = segs[0] if segs else seg
    cap("waldump-seg-head", f"pg_waldump -p {wal} {seg} 2>&1 | head -n 400", d, n_waldump, env=env)
    cap("waldump-seg-tail", f"pg_waldump -p {wal} {seg} 2>&1 | tail -n 80", d, n_waldump, env=env)
    cap("waldump-xact-grep", f"pg_waldump -p {wal} -r Transaction {first} {seg}; echo EXIT=$?", d, n_waldump, env=env)
    cap("waldump-stats", f"pg_waldump -p {wal} --stats {first} {seg}", d, n_waldump, env=env)
    cap("waldump-stats-record", f"pg_waldump -p {wal} --stats=record {first} {seg} 2>&1", d, n_waldump, env=env)
    cap("waldump-heap-n", f"pg_waldump -p {wal} -r Heap -n 600 {first}", d, n_waldump, env=env)
    # base backups: one clean, one into a dir already there, one tampered with
    bk = d / "backups"
    bk.mkdir()
    run(f"chmod 777 {bk}")
    cap("basebackup-v-p", f"pg_basebackup {conn} -D backups/full1 -v -P --checkpoint=fast", d, n_basebackup, env=env)
    cap("basebackup-again-echo", f"pg_basebackup {conn} -D backups/full1 -v -P; pg_basebackup {conn} "
        f"-D backups/full2 -Ft -z -v -P --checkpoint=fast -l nightly; echo EXIT=$?", d, n_basebackup, env=env)
    full = bk / "full1"
    base = full / "base"
    victims = sorted(p for p in base.rglob("*") if p.is_file() and re.match(r"^\d+$", p.name))
    rnd = random.Random(1153)
    for p in rnd.sample(victims, min(25, len(victims)))[:10]:
        p.unlink()
    for p in rnd.sample(victims, min(60, len(victims)))[10:40]:
        if p.exists():
            with open(p, "r+b") as f:
                f.seek(0)
                f.write(b"\xde\xad\xbe\xef" * 8)
    for p in rnd.sample(victims, min(60, len(victims)))[40:50]:
        if p.exists():
            with open(p, "ab") as f:
                f.write(b"\0" * 8192)
    (full / "base" / "stray.tmp").write_text("x")
    (full / "postgresql.auto.conf.bak").write_text("x")
    cap("verifybackup-tampered-echo", f"pg_verifybackup backups/full1; echo EXIT=$?", d, n_verifybackup, env=env)
    cap("verifybackup-tampered-grep", f"pg_verifybackup -n backups/full1 2>&1 | grep -i error | head -n 60", d,
        n_verifybackup, env=env)
    # a page overwritten while the cluster is stopped
    rel = run(f"{B}/psql -X -At {conn} -d ledger -c \"SELECT pg_relation_filepath('payments')\"", cwd=d).strip()
    rel2 = run(f"{B}/psql -X -At {conn} -d ledger -c \"SELECT pg_relation_filepath('journal_account_posted_idx')\"",
               cwd=d).strip()
    run(f"{ctl} stop -m fast", cwd=d)
    for r, want in ((rel, 5), (rel2, 2)):
        fp = data / r
        if fp.exists():
            nblk = fp.stat().st_size // 8192
            cm.note(f"damaging {r}: {nblk} blocks")
            if nblk < 2:
                continue
            blocks = sorted(rnd.sample(range(1, nblk), min(want, nblk - 1)))
            with open(fp, "r+b") as f:
                for b in blocks:
                    f.seek(b * 8192 + 3000)
                    f.write(bytes(rnd.randrange(256) for _ in range(64)))
    cap("checksums-check-echo", f"pg_checksums --check -D {data}; echo EXIT=$?", d, n_checksums, env=env)
    cap("checksums-check-v-tail", f"pg_checksums --check -v -D {data} 2>&1 | tail -n 80", d, n_checksums, env=env)
    run(f"{ctl} start", cwd=d, timeout=120)
    try:
        cap("amcheck-damaged-echo", f"pg_amcheck {conn} -d ledger -t payments -i 'journal*' --heapallindexed; "
            "echo EXIT=$?", d, n_amcheck, env=env)
        cap("amcheck-damaged-v", f"pg_amcheck {conn} -d ledger -v --progress 2>&1", d, n_amcheck, env=env)
        cap("reindexdb-v-damaged-echo", f"reindexdb {conn} -v -d ledger -t payments -t journal; echo EXIT=$?", d,
            n_reindexdb, env=env)
        cap("vacuumdb-v-damaged-grep", f"vacuumdb {conn} -v -d ledger 2>&1 | grep -iE 'error|warning|vacuuming'", d,
            n_vacuumdb, env=env)
    finally:
        run(f"{ctl} stop -m fast", cwd=d, timeout=120)



# ------------------------------------------------------------------ pgloader, into the same cluster

@cm.kind("pgloader-summary", "log")
def n_pgloader(lines):
    """Rules 1+3+4: ERROR / FATAL / WARNING log lines one {any} per message shape, the summary table's header row, every table row whose errors column is not 0, the Total import time row; EXIT=N."""
    errs = [(cm.mask(re.sub(r"^\S+\s+(ERROR|FATAL|WARNING)\s*", r"\1 ", ln)), ln) for ln in lines
            if re.search(r"\b(ERROR|FATAL|WARNING)\b", ln) and not re.match(r"^\s*table name", ln)]
    out = cm.groups(errs)
    for ln in lines:
        if re.match(r"^\s*table name\s+errors\s+(rows|read)", ln) or re.search(r"Total import time", ln):
            out.append(ln)
        else:
            m = re.match(r"^\s*(\S.*?)\s+(\d+)\s+(\d+)\s", ln)
            if m and m.group(2) != "0" and "import time" not in ln:
                out.append(ln)
    return out + exit_lines(lines)


LOAD_CSV = """LOAD CSV
     FROM '{csv}' (station, taken_at, temp_c, humidity, note)
     INTO postgresql://postgres@unix:{sock}:{port}/ledger?readings (station, taken_at, temp_c, humidity, note)
     WITH skip header = 1, fields terminated by ',', fields optionally enclosed by '"', batch rows = 500
     BEFORE LOAD DO $$ DROP TABLE IF EXISTS readings; $$,
     $$ CREATE TABLE readings (station text NOT NULL, taken_at timestamptz NOT NULL, temp_c numeric(5,2),
        humidity int CHECK (humidity BETWEEN 0 AND 100), note varchar(24)); $$;
"""


def gen_csv(path: Path, seed: int, n: int) -> None:
    rnd = random.Random(seed)
    rows = ["station,taken_at,temp_c,humidity,note"]
    for i in range(n):
        st = rnd.choice(["KOL-01", "KOL-02", "HAM-07", "OSL-3", "BRE-11"])
        ts = f"2026-0{rnd.randint(1, 9)}-{rnd.randint(10, 28)} {rnd.randint(10, 23)}:{rnd.randint(10, 59)}:00"
        t, h, note = f"{rnd.uniform(-20, 38):.2f}", str(rnd.randint(10, 99)), rnd.choice(["", "ok", "gusty", "rain"])
        r = rnd.random()
        if r < 0.02:
            h = str(rnd.randint(101, 180))          # the CHECK fails
        elif r < 0.035:
            t = "n/a"                                # not a number
        elif r < 0.045:
            ts = f"2026-02-{rnd.randint(30, 31)} 12:00:00"  # no such date
        elif r < 0.05:
            note = "sensor reported a very long free-text remark here"  # too long for varchar(24)
        rows.append(f"{st},{ts},{t},{h},{note}")
    path.write_text("\n".join(rows) + "\n")


def gen_sqlite(path: Path, seed: int) -> None:
    import sqlite3
    rnd = random.Random(seed)
    if path.exists():
        path.unlink()
    con = sqlite3.connect(path)
    con.executescript("""
CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, signed_up DATE, credit INTEGER);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), placed DATETIME,
  total NUMERIC, status TEXT);
CREATE TABLE tags (name TEXT PRIMARY KEY, weight REAL);
""")
    for i in range(1, 1500):
        credit = rnd.randint(0, 5000) if rnd.random() > 0.03 else rnd.choice(["lots", "n/a", "1e3x"])
        signed = f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}" if rnd.random() > 0.02 else "2024-13-45"
        con.execute("INSERT INTO customers VALUES (?,?,?,?)", (i, f"user{i}@example.org", signed, credit))
    for i in range(1, 6000):
        total = round(rnd.uniform(1, 900), 2) if rnd.random() > 0.025 else rnd.choice(["free", "", "12,50"])
        placed = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d} 10:00:00" if rnd.random() > 0.01 else "yesterday"
        con.execute("INSERT INTO orders VALUES (?,?,?,?,?)", (i, rnd.randint(1, 1499), placed, total,
                                                             rnd.choice(["new", "paid", "shipped"])))
    for i in range(40):
        con.execute("INSERT INTO tags VALUES (?,?)", (f"tag{i}", rnd.random()))
    con.commit()
    con.close()


def pgloader_steps(tmp: Path) -> None:
    d = tmp / "pg"
    data, sock = d / "data", d / "sock"
    if not data.exists():
        raise RuntimeError("pg_steps did not leave a cluster")
    port = int(re.search(r"^port = (\d+)", (data / "postgresql.conf").read_text(), re.M).group(1))
    ctl = f"runuser -u postgres -- {PGBIN}/pg_ctl -D {data} -l {d}/server.log -w"
    run(f"{ctl} start", cwd=d, timeout=120)
    L = d / "load"
    L.mkdir(exist_ok=True)
    try:
        gen_csv(L / "readings.csv", 1154, 6000)
        (L / "readings.load").write_text(LOAD_CSV.format(csv=L / "readings.csv", sock=sock, port=port))
        cap("pgloader-csv", "pgloader readings.load", L, n_pgloader, timeout=600)
        cap("pgloader-csv-tail-echo", "pgloader readings.load 2>&1 | tail -n 80; echo EXIT=$?", L, n_pgloader,
            timeout=600)
        gen_sqlite(L / "shop.db", 1155)
        run(f"{PGBIN}/createdb -h {sock} -p {port} -U postgres shopcopy", cwd=L)
        cap("pgloader-sqlite", f"pgloader shop.db postgresql://postgres@unix:{sock}:{port}/shopcopy", L, n_pgloader,
            timeout=600)
        cap("pgloader-sqlite-grep", f"pgloader shop.db postgresql://postgres@unix:{sock}:{port}/shopcopy 2>&1 | "
            "grep -iE 'error|warning|total' ; echo EXIT=$?", L, n_pgloader, timeout=600)
    finally:
        run(f"{ctl} stop -m fast", cwd=d, timeout=120)


STEPS = [pg_steps, pgloader_steps]
