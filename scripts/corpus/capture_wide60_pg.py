"""Round 60's scratch PostgreSQL cluster and kinds: a ship-repair yard's database (`drydock`) on loopback with
mistakes put in, and the extractors of the round's new kinds (NEEDLES.md, "Round 60"). Run through
capture_wide60.py."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_data import free_port, wait_port
from capture_wide import n_psql
from capture_wide60 import PGBIN, cap

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)

_TABLE_DOC = n_psql.__doc__
n_stat_statements = cm.named("pg-stat-statements", "table", _TABLE_DOC, n_psql)
n_stat_activity = cm.named("pg-stat-activity", "table", _TABLE_DOC, n_psql)
n_stat_tables = cm.named("pg-stat-user-tables", "table", _TABLE_DOC, n_psql)
n_stat_indexes = cm.named("pg-stat-user-indexes", "table", _TABLE_DOC, n_psql)
n_locks = cm.named("pg-locks", "table", _TABLE_DOC, n_psql)
n_settings = cm.named("pg-settings-changed", "table", _TABLE_DOC, n_psql)
n_dt_plus = cm.named("psql-dt-plus", "listing", _TABLE_DOC, n_psql)
n_di_plus = cm.named("psql-di-plus", "listing", _TABLE_DOC, n_psql)


@cm.kind("psql-explain-analyze-buffers", "table")
def n_explain_buffers(lines):
    """Rule 5: the top node, every Seq Scan / Nested Loop / Sort node, Rows Removed by Filter, external Sort Method lines, the top node's first Buffers line, Planning and Execution Time."""
    out = []
    body = [(i, ln) for i, ln in enumerate(lines) if ln.strip() and not re.match(r"^\s*(QUERY PLAN|-+)\s*$", ln)]
    top = next(((i, ln) for i, ln in body if re.search(r"\(cost=|\(actual", ln)), None)
    if top:
        out.append(top[1])
        buf = cm.next_match(lines, top[0], r"^\s*Buffers:", 8)
        if buf:
            out.append(buf)
    for ln in lines:
        s = ln.strip()
        if re.search(r"(Seq Scan|Nested Loop|Sort)\b.*\(cost=", s) and re.match(r"^(->\s*)?(Parallel )?(Seq Scan|Nested Loop|Sort|Incremental Sort)", s):
            out.append(ln)
        elif s.startswith("Rows Removed by Filter:") or (s.startswith("Sort Method:") and "external" in s):
            out.append(ln)
        elif re.match(r"^(Planning|Execution) Time:", s):
            out.append(ln)
    return out


@cm.kind("psql-explain-json", "json")
def n_explain_json(lines):
    """Rule 5: the first "Node Type" line, every "Node Type": "Seq Scan" line and the "Relation Name" after it, "Planning Time" and "Execution Time"."""
    out, first = [], True
    for i, ln in enumerate(lines):
        if '"Node Type":' in ln:
            if first:
                out.append(ln)
                first = False
            if '"Seq Scan"' in ln:
                out.append(ln)
                rel = cm.next_match(lines, i, r'"Relation Name":', 6)
                if rel:
                    out.append(rel)
        elif re.search(r'"(Planning|Execution) Time":', ln):
            out.append(ln)
    return out


@cm.kind("psql-describe-plus", "table")
def n_describe_plus(lines):
    """Rule 5: the Table title, the column header, every column line, every line under Indexes / Check constraints / Foreign-key constraints / Referenced by."""
    out, section = [], None
    hdr = next((i for i, ln in enumerate(lines) if i + 1 < len(lines) and re.match(r"^-+\+-", lines[i + 1])), None)
    for ln in lines:
        if re.match(r'^\s*(Table|View|Materialized view|Partitioned table) "', ln):
            out.append(ln)
    if hdr is not None:
        out.append(lines[hdr])
        for ln in lines[hdr + 2:]:
            if not re.match(r"^ \S.*\|", ln):
                break
            out.append(ln)
    for ln in lines:
        if re.match(r"^(Indexes|Check constraints|Foreign-key constraints|Referenced by):", ln):
            section = ln
            continue
        if re.match(r"^\S", ln):
            section = None
        elif section and ln.strip():
            out.append(ln)
    return out


@cm.kind("psql-f-errors", "log")
def n_psql_f_errors(lines):
    """Rule 1: every ERROR: line and the DETAIL: / HINT: / LINE N: lines within the next three."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\bERROR:", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 4)):
                if re.search(r"\bERROR:", lines[k]):
                    break
                if re.match(r"^\s*(DETAIL|HINT):", lines[k]) or re.match(r"^LINE \d+:", lines[k]):
                    out.append(lines[k])
    return out


@cm.kind("psql-deadlock", "log")
def n_deadlock(lines):
    """Rule 1: the deadlock detected ERROR line, every 'Process N waits for' line, the CONTEXT line."""
    return [ln for ln in lines if "deadlock detected" in ln or re.search(r"Process \d+ waits for", ln)
            or re.match(r"^\s*CONTEXT:", ln)]


@cm.kind("pg-dump-schema-only", "code")
def n_pg_dump_schema(lines):
    """Rule 5: every CREATE TABLE / INDEX / UNIQUE INDEX / VIEW / FUNCTION / SEQUENCE line and every ADD CONSTRAINT line."""
    return [ln for ln in lines if re.match(r"^CREATE (TABLE|INDEX|UNIQUE INDEX|VIEW|FUNCTION|SEQUENCE|OR REPLACE FUNCTION) ", ln)
            or re.search(r"\bADD CONSTRAINT\b", ln)]


@cm.kind("pg-restore-errors", "log")
def n_pg_restore(lines):
    """Rule 1: every pg_restore: error: line, the Command was: line after each, the errors ignored on restore line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("pg_restore: error:"):
            out.append(ln)
            c = cm.next_match(lines, i, r"^Command was:", 3)
            if c:
                out.append(c)
        elif "errors ignored on restore" in ln:
            out.append(ln)
    return out


@cm.kind("postgres-auto-explain-log", "log")
def n_auto_explain(lines):
    """Rules 1+5: every duration: line, the Query Text: line after each plan header, every ERROR/FATAL line with its STATEMENT:."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\bLOG:\s+duration: ", ln):
            out.append(ln)
            if "plan:" in ln:
                q = cm.next_match(lines, i, r"^\s*Query Text:", 2)
                if q:
                    out.append(q)
        elif re.search(r"\b(ERROR|FATAL|PANIC):", ln):
            out.append(ln)
            st = cm.next_match(lines, i, r"\bSTATEMENT:", 3)
            if st:
                out.append(st)
    return out


@cm.kind("postgres-log-autovacuum", "log")
def n_pg_autovacuum(lines):
    """Rules 1+5: every checkpoint complete line, every automatic vacuum / analyze of table line, every ERROR/FATAL line."""
    return [ln for ln in lines if "checkpoint complete" in ln or re.search(r"automatic (vacuum|analyze) of table", ln)
            or re.search(r"\b(ERROR|FATAL|PANIC):", ln)]


@cm.kind("psql-vacuum-verbose", "log")
def n_vacuum_verbose(lines):
    """Rule 5: every vacuuming "..." line, every tuples: line, every WARNING: line."""
    return [ln for ln in lines if re.search(r'vacuuming "', ln) or re.match(r"^\s*tuples: ", ln)
            or re.search(r"\bWARNING:", ln)]


@cm.kind("pg-controldata", "listing")
def n_controldata(lines):
    """Rule 5: the cluster state, latest checkpoint location, pg_control last modified, system identifier, checksum version lines."""
    keys = ("Database cluster state:", "Latest checkpoint location:", "pg_control last modified:",
            "Database system identifier:", "Data page checksum version:")
    return [ln for ln in lines if ln.startswith(keys)]


@cm.kind("psql-expanded", "table")
def n_expanded(lines):
    """Rule 4 on records: the first and last -[ RECORD N ] lines, every field line of a record whose state/status differs from the most common."""
    heads = [i for i, ln in enumerate(lines) if re.match(r"^-\[ RECORD \d+ \]", ln)]
    if not heads:
        return []
    out = [lines[heads[0]], lines[heads[-1]]]
    recs = []
    for a, b in zip(heads, heads[1:] + [len(lines)]):
        fields = [ln for ln in lines[a + 1:b] if "|" in ln and not re.match(r"^\(\d+ rows?\)", ln)]
        st = next((ln.split("|", 1)[1].strip() for ln in fields if re.match(r"^(state|status)\s+\|", ln)), None)
        recs.append((fields, st))
    cnt = Counter(st for _, st in recs if st is not None)
    if cnt:
        top, topn = cnt.most_common(1)[0]
        if topn * 2 >= len(recs):
            for fields, st in recs:
                if st is not None and st != top and cnt[st] <= 2:
                    out.extend(f for f in fields if f.split("|", 1)[1].strip())
    return out


# ------------------------------------------------------------------ the cluster and its schema

PORT = 0
ENV: dict = {}

SCHEMA = """
CREATE TABLE berths (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    max_length_m numeric(6,1) NOT NULL CHECK (max_length_m > 0),
    dock_type text NOT NULL CHECK (dock_type IN ('graving', 'floating', 'slipway'))
);
CREATE TABLE vessels (
    id serial PRIMARY KEY,
    imo_number char(7) NOT NULL UNIQUE,
    name text NOT NULL,
    flag text NOT NULL,
    length_m numeric(6,1) NOT NULL,
    gross_tonnage integer,
    status text NOT NULL DEFAULT 'afloat'
);
CREATE TABLE work_orders (
    id bigserial PRIMARY KEY,
    vessel_id integer NOT NULL REFERENCES vessels(id),
    berth_id integer REFERENCES berths(id),
    opened_at timestamptz NOT NULL,
    closed_at timestamptz,
    trade text NOT NULL,
    description text,
    estimate_hours numeric(8,2) CHECK (estimate_hours >= 0),
    state text NOT NULL DEFAULT 'open'
);
CREATE TABLE parts (
    sku text PRIMARY KEY,
    title text NOT NULL,
    unit_cost numeric(10,2) NOT NULL,
    stock integer NOT NULL CHECK (stock >= 0)
);
CREATE TABLE part_usage (
    work_order_id bigint NOT NULL REFERENCES work_orders(id) ON DELETE CASCADE,
    sku text NOT NULL REFERENCES parts(sku),
    qty integer NOT NULL,
    used_at timestamptz NOT NULL
);
CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    work_order_id bigint NOT NULL REFERENCES work_orders(id),
    issued_on date NOT NULL,
    amount numeric(12,2) NOT NULL,
    paid boolean NOT NULL DEFAULT false
);
CREATE INDEX invoices_issued_on_idx ON invoices (issued_on);
CREATE INDEX work_orders_opened_at_idx ON work_orders (opened_at);
CREATE INDEX parts_title_idx ON parts (lower(title));
CREATE VIEW open_orders AS
  SELECT w.id, v.name AS vessel, w.trade, w.opened_at, w.estimate_hours
    FROM work_orders w JOIN vessels v ON v.id = w.vessel_id WHERE w.state = 'open';
CREATE FUNCTION order_cost(oid bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(u.qty * p.unit_cost), 0) FROM part_usage u JOIN parts p ON p.sku = u.sku WHERE u.work_order_id = oid
$$;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
"""

DATA = """
SELECT setseed(0.60);
INSERT INTO berths (name, max_length_m, dock_type)
  SELECT 'B' || lpad(g::text, 2, '0'), 80 + (g * 37) % 260, (ARRAY['graving','floating','slipway'])[1 + g % 3]
    FROM generate_series(1, 14) g;
INSERT INTO vessels (imo_number, name, flag, length_m, gross_tonnage, status)
  SELECT lpad((9100000 + g * 13)::text, 7, '0'),
         (ARRAY['Nordic','Aurora','Cape','Saltmarsh','Kestrel','Ionian','Breakwater','Tern'])[1 + g % 8] || ' '
           || (ARRAY['Star','Trader','Spirit','Venture','Dawn','Pioneer','Heron'])[1 + (g * 7) % 7] || ' ' || g,
         (ARRAY['NO','PA','LR','MT','GB','DK','NL'])[1 + (g * 3) % 7], 40 + (random() * 250)::int,
         2000 + (random() * 60000)::int, CASE WHEN g % 97 = 0 THEN 'arrested' WHEN g % 11 = 0 THEN 'docked' ELSE 'afloat' END
    FROM generate_series(1, 2400) g;
INSERT INTO work_orders (vessel_id, berth_id, opened_at, closed_at, trade, description, estimate_hours, state)
  SELECT 1 + (random() * 2399)::int, 1 + (g % 14), ts, CASE WHEN g % 9 = 0 THEN NULL ELSE ts + interval '3 days' * random() END,
         (ARRAY['hull','blasting','painting','welding','electrical','propulsion','piping','rigging'])[1 + g % 8],
         'job ' || g || ': ' || md5(g::text), round((random() * 400)::numeric, 2),
         CASE WHEN g % 9 = 0 THEN 'open' WHEN g % 53 = 0 THEN 'disputed' ELSE 'closed' END
    FROM generate_series(1, 240000) g, LATERAL (SELECT timestamptz '2023-01-01' + g * interval '3 minutes' AS ts) t;
INSERT INTO parts (sku, title, unit_cost, stock)
  SELECT 'P-' || lpad(g::text, 5, '0'),
         (ARRAY['Anode','Gasket','Bearing','Valve','Impeller','Seal kit','Flange','Cable gland'])[1 + g % 8] || ' type ' || g,
         round((5 + random() * 900)::numeric, 2), (random() * 300)::int
    FROM generate_series(1, 3000) g;
INSERT INTO part_usage (work_order_id, sku, qty, used_at)
  SELECT 1 + (random() * 239999)::int, 'P-' || lpad((1 + (random() * 2999)::int)::text, 5, '0'),
         1 + (random() * 12)::int, timestamptz '2023-01-01' + g * interval '50 seconds'
    FROM generate_series(1, 400000) g;
INSERT INTO invoices (work_order_id, issued_on, amount, paid)
  SELECT g * 2, date '2023-01-02' + (g / 150), round((200 + random() * 90000)::numeric, 2), g % 7 <> 0
    FROM generate_series(1, 110000) g;
"""

MIGRATION = """-- 0042_billing_and_berth_limits.sql
BEGIN;
ALTER TABLE invoices ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR';
ALTER TABLE work_orders ADD CONSTRAINT work_orders_closed_after_open CHECK (closed_at >= opened_at);
COMMIT;
ALTER TABLE vessels ADD CONSTRAINT vessels_name_key UNIQUE (name);
INSERT INTO berths (name, max_length_m, dock_type) VALUES ('B03', 120, 'graving');
INSERT INTO berths (name, max_length_m, dock_type) VALUES ('B15', 0, 'floating');
INSERT INTO berths (name, max_length_m, dock_type) VALUES ('B16', 210, 'drydock');
INSERT INTO work_orders (vessel_id, opened_at, trade) VALUES (99999, now(), 'hull');
UPDATE parts SET stock = stock - 400 WHERE sku = 'P-00017';
CREATE INDEX CONCURRENTLY part_usage_order_idx ON part_usage (work_order_id);
BEGIN;
CREATE INDEX CONCURRENTLY work_orders_vessel_idx ON work_orders (vessel_id);
ROLLBACK;
SELECT vessel, count(*) FROM open_orders GROUP BY vesel;
SELECT trade, sum(estimate_hours FROM work_orders GROUP BY trade;
INSERT INTO invoices (work_order_id, issued_on, amount) VALUES (12, '2024-02-30', 100);
SELECT order_cost('WO-12');
DELETE FROM vessels WHERE id = 7;
UPDATE vessels SET imo_number = '91000261' WHERE id = 2;
ALTER TABLE part_usage ALTER COLUMN qty TYPE smallint USING qty::smallint;
SELECT 1 / (SELECT count(*) FROM berths WHERE dock_type = 'slipway' AND max_length_m > 1000);
CREATE TABLE berth_slots (berth_id integer REFERENCES berth(id), slot tstzrange);
"""

REPORT = """-- monthly_yard_report.sql
\\set ON_ERROR_STOP 0
SELECT date_trunc('month', opened_at) AS month, trade, count(*) AS orders, round(avg(estimate_hours), 1) AS avg_h
  FROM work_orders WHERE opened_at >= '2023-06-01' AND opened_at < '2023-09-01' GROUP BY 1, 2 ORDER BY 1, 2;
SELECT v.flag, count(*) FROM vessels v JOIN work_orders w ON w.vessel_id = v.id WHERE w.state = 'disputed' GROUP BY v.flag ORDER BY 2 DESC;
SELECT b.name, b.dock_type, count(w.*) AS jobs FROM berths b LEFT JOIN work_orders w ON w.berth_id = b.id
  WHERE w.state = 'open' GROUP BY b.name, b.dock_type ORDER BY jobs DESC;
SELECT i.id, i.amount, w.trade FROM invoices i JOIN work_orders w USING (id) WHERE i.paid = 'no' LIMIT 5;
SELECT sum(amount) FILTER (WHERE NOT paid) AS unpaid, sum(amount) AS billed FROM invoices WHERE issued_on BETWEEN '2023-03-01' AND '2023-03-31';
SELECT name, length_m FROM vessels WHERE status = 'arrested' ORDER BY length_m DESC;
SELECT trade, percentile_cont(0.9) WITHIN GROUP (ORDER BY estimate_hours) FROM work_orders GROUP trade;
SELECT sku, title, stock FROM parts WHERE stock < 3 ORDER BY stock, sku;
SELECT count(*) FROM part_usage u WHERE NOT EXISTS (SELECT 1 FROM parts p WHERE p.sku = u.sku);
SELECT to_char(issued_on, 'YYYY-MM') AS m, count(*) FROM invoices GROUP BY m HAVING count(*) > amount;
SELECT extract(epoch FROM closed_at - opened_at) / 3600 AS hours, id FROM work_orders WHERE state = 'closed' ORDER BY 1 DESC LIMIT 8;
SELECT * FROM crews LIMIT 3;
"""


def psql(args: str) -> str:
    return f"psql -X {args}"


def pg(cmd: str, d: Path, timeout: int = 600) -> str:
    return run(cmd, cwd=d, env=ENV, timeout=timeout)


def c(item_id: str, command: str, d: Path, extractor, timeout: int = 600) -> None:
    cap(item_id, command, d, extractor, timeout=timeout, env=ENV)


def cluster(tmp: Path) -> None:
    """initdb into the temp dir as the postgres user, the round's settings, start on a free port, load drydock."""
    global PORT
    d = tmp / "pg"
    d.mkdir(parents=True)
    run(f"chown -R postgres:postgres {tmp}")
    PORT = free_port()
    ENV.update({"PGHOST": "127.0.0.1", "PGPORT": str(PORT), "PGUSER": "postgres", "PGDATABASE": "drydock",
                "PSQL_PAGER": "cat", "PAGER": "cat"})
    out = run(f"runuser -u postgres -- {PGBIN}/initdb -D {d}/data --auth=trust -U postgres -E UTF8 --locale=C.UTF-8",
              cwd=tmp)
    cm.note(out.strip().splitlines()[-1] if out.strip() else "initdb: no output")
    conf = (f"port = {PORT}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{d}'\n"
            "shared_preload_libraries = 'pg_stat_statements,auto_explain'\n"
            "log_min_duration_statement = 150\nauto_explain.log_min_duration = 250\n"
            "auto_explain.log_analyze = on\nauto_explain.log_buffers = on\n"
            "log_checkpoints = on\nlog_autovacuum_min_duration = 0\nautovacuum_naptime = 2\n"
            "log_line_prefix = '%m [%p] %q%u@%d '\nlog_lock_waits = on\ndeadlock_timeout = 300ms\n"
            "work_mem = 256kB\nmax_wal_size = 64MB\ncheckpoint_timeout = 30s\n")
    with open(d / "data" / "postgresql.conf", "a") as f:
        f.write(conf)
    out = run(f"runuser -u postgres -- {PGBIN}/pg_ctl -D {d}/data -l {d}/server.log -w start", cwd=tmp)
    cm.note(out.strip())
    if not wait_port(PORT, 20):
        raise RuntimeError("postgres did not start")
    write_tree(d, {"schema.sql": SCHEMA.lstrip(), "data.sql": DATA.lstrip(), "0042_migration.sql": MIGRATION,
                   "monthly_yard_report.sql": REPORT})
    pg("createdb drydock && psql -X -q -f schema.sql && psql -X -q -f data.sql", d, timeout=900)
    pg(psql("-q -c 'ANALYZE'"), d)


def plans(tmp: Path) -> None:
    d = tmp / "pg"
    c("explain-seqscan", psql("-c \"EXPLAIN (ANALYZE, BUFFERS) SELECT id, trade, opened_at, state FROM work_orders "
                              "WHERE vessel_id = 1207 ORDER BY opened_at DESC\""), d, n_explain_buffers)
    c("explain-badjoin", psql("-c \"EXPLAIN (ANALYZE, BUFFERS) SELECT v.name, w.id, sum(u.qty) FROM vessels v "
                              "JOIN work_orders w ON w.vessel_id = v.id JOIN part_usage u ON u.work_order_id = w.id "
                              "WHERE lower(v.flag) = 'mt' AND date(w.opened_at) = '2023-04-11' GROUP BY v.name, w.id\""),
      d, n_explain_buffers)
    c("explain-sort-external", psql("-c \"EXPLAIN (ANALYZE, BUFFERS, VERBOSE) SELECT w.*, i.amount FROM work_orders w "
                                    "LEFT JOIN invoices i ON i.work_order_id = w.id ORDER BY w.description\" | tail -n 40"),
      d, n_explain_buffers)
    c("explain-view-cost", psql("-c \"EXPLAIN (ANALYZE, BUFFERS) SELECT vessel, order_cost(id) FROM open_orders "
                                "WHERE trade = 'welding' ORDER BY 2 DESC LIMIT 20\""), d, n_explain_buffers)
    c("explain-json-seqscan", psql("-c \"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT * FROM part_usage "
                                   "WHERE sku = 'P-00420' AND qty > 6\""), d, n_explain_json)
    c("explain-json-join", psql("-A -t -c \"EXPLAIN (ANALYZE, FORMAT JSON) SELECT b.name, count(*) FROM berths b "
                                "JOIN work_orders w ON w.berth_id = b.id JOIN invoices i ON i.work_order_id = w.id "
                                "WHERE NOT i.paid GROUP BY b.name ORDER BY 2 DESC\""), d, n_explain_json)
    # run the report a few times so pg_stat_statements and the slow log fill
    for _ in range(3):
        pg(psql("-q -f monthly_yard_report.sql >/dev/null 2>&1"), d)
    for v in (11, 512, 1207, 2001):
        pg(psql(f"-q -c \"SELECT count(*) FROM work_orders WHERE vessel_id = {v}\" >/dev/null"), d)


def describe(tmp: Path) -> None:
    d = tmp / "pg"
    c("describe-work-orders", psql("-c '\\d+ work_orders'"), d, n_describe_plus)
    c("describe-vessels", psql("-c '\\d+ vessels'"), d, n_describe_plus)
    c("describe-invoices", psql("-c '\\d+ invoices'; echo EXIT=$?"), d, n_describe_plus)
    c("dt-plus", psql("-c '\\dt+'"), d, n_dt_plus)
    c("dt-plus-catalog", psql("-c '\\dt+ pg_catalog.*' | head -n 60"), d, n_dt_plus)
    c("di-plus", psql("-c '\\di+'"), d, n_di_plus)


def errors(tmp: Path) -> None:
    d = tmp / "pg"
    c("migration-errors", psql("-f 0042_migration.sql"), d, n_psql_f_errors)
    c("report-errors", psql("-f monthly_yard_report.sql 2>&1 | tail -n 60"), d, n_psql_f_errors)
    c("report-errors-echo", psql("-e -v ON_ERROR_STOP=0 -f monthly_yard_report.sql; echo EXIT=$?"), d, n_psql_f_errors)
    c("migration-stop", psql("-v ON_ERROR_STOP=1 -v VERBOSITY=verbose -f 0042_migration.sql; echo EXIT=$?"), d,
      n_psql_f_errors)


def deadlock(tmp: Path) -> None:
    d = tmp / "pg"
    write_tree(d, {
        "tx_a.sql": "SET deadlock_timeout = '5s';\nBEGIN;\nUPDATE parts SET stock = stock + 5 WHERE sku = 'P-00017';\n"
                    "SELECT pg_sleep(1);\nUPDATE parts SET stock = stock - 1 WHERE sku = 'P-00018';\nCOMMIT;\n",
        "tx_b.sql": "\\set VERBOSITY verbose\nBEGIN;\nUPDATE parts SET stock = stock + 2 WHERE sku = 'P-00018';\n"
                    "SELECT pg_sleep(1.5);\nUPDATE parts SET stock = stock - 3 WHERE sku = 'P-00017';\n"
                    "UPDATE parts SET unit_cost = unit_cost * 1.02 WHERE sku LIKE 'P-0001%';\nCOMMIT;\n",
        "tx_c.sql": "BEGIN;\nUPDATE work_orders SET state = 'closed' WHERE id = 90;\nSELECT pg_sleep(1.5);\n"
                    "UPDATE invoices SET paid = true WHERE work_order_id = 90;\nCOMMIT;\n",
        "tx_d.sql": "SET deadlock_timeout = '5s';\nBEGIN;\nUPDATE invoices SET paid = true WHERE work_order_id = 90;\n"
                    "SELECT pg_sleep(1);\nUPDATE work_orders SET state = 'disputed' WHERE id = 90;\nCOMMIT;\n",
    })
    a = cm.start("psql -X -e -f tx_a.sql > tx_a.out 2>&1", cwd=d, env=ENV)
    c("deadlock-b", psql("-e -f tx_b.sql"), d, n_deadlock)
    a.wait(30)
    p = cm.start("psql -X -e -f tx_d.sql > tx_d.out 2>&1", cwd=d, env=ENV)
    c("deadlock-c", psql("-e -f tx_c.sql 2>&1; echo EXIT=$?"), d, n_deadlock)
    p.wait(30)


def stats(tmp: Path) -> None:
    d = tmp / "pg"
    # sessions an agent finds in pg_stat_activity: one idle in transaction holding a lock, two waiting on it
    write_tree(d, {"hold.sql": "BEGIN;\nLOCK TABLE berths IN SHARE ROW EXCLUSIVE MODE;\n"
                               "UPDATE vessels SET status = 'docked' WHERE id = 44;\nSELECT pg_sleep(25);\n"})
    cm.start("psql -X -q -v application_name=berth-planner -f hold.sql >/dev/null 2>&1", cwd=d,
             env={**ENV, "PGAPPNAME": "berth-planner"})
    time.sleep(1.5)
    cm.start("psql -X -q -c \"UPDATE berths SET max_length_m = 130 WHERE name = 'B02'\" >/dev/null 2>&1", cwd=d,
             env={**ENV, "PGAPPNAME": "yard-admin"})
    cm.start("psql -X -q -c \"UPDATE vessels SET status = 'afloat' WHERE id = 44\" >/dev/null 2>&1", cwd=d,
             env={**ENV, "PGAPPNAME": "tug-dispatch"})
    for k in range(4):
        cm.start(f"psql -X -q -c 'SELECT pg_sleep(12 + {k})' >/dev/null 2>&1", cwd=d, env={**ENV, "PGAPPNAME": "report-cron"})
    time.sleep(2)
    c("stat-activity", psql("-c \"SELECT pid, usename, application_name, client_addr, backend_type, state, "
                            "wait_event_type, wait_event, now() - xact_start AS xact_age, left(query, 60) AS query "
                            "FROM pg_stat_activity ORDER BY backend_type, pid\""), d, n_stat_activity)
    c("locks", psql("-c \"SELECT l.pid, l.locktype, l.relation::regclass, l.mode, l.granted, a.application_name "
                    "FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE l.relation IS NOT NULL "
                    "ORDER BY l.granted, l.pid\""), d, n_locks)
    c("stat-activity-x", psql("-x -c \"SELECT pid, application_name, state, wait_event_type, wait_event, "
                              "backend_start, xact_start, query FROM pg_stat_activity WHERE backend_type = "
                              "'client backend' AND pid <> pg_backend_pid()\""), d, n_expanded)
    c("stat-statements-total", psql("-c \"SELECT calls, round(total_exec_time::numeric, 1) AS total_ms, "
                                    "round(mean_exec_time::numeric, 2) AS mean_ms, rows, shared_blks_read, "
                                    "left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS query FROM pg_stat_statements "
                                    "ORDER BY total_exec_time DESC LIMIT 40\""), d, n_stat_statements)
    c("stat-statements-calls", psql("-c \"SELECT queryid, calls, rows, round(mean_exec_time::numeric, 3) AS mean_ms, "
                                    "temp_blks_written, left(query, 50) AS query FROM pg_stat_statements "
                                    "ORDER BY calls DESC\" | head -n 45"), d, n_stat_statements)
    c("stat-user-tables", psql("-c \"SELECT relname, seq_scan, seq_tup_read, idx_scan, n_tup_ins, n_tup_upd, "
                               "n_dead_tup, last_autovacuum, last_autoanalyze FROM pg_stat_user_tables "
                               "ORDER BY seq_tup_read DESC\""), d, n_stat_tables)
    c("stat-user-indexes", psql("-c \"SELECT relname, indexrelname, idx_scan, idx_tup_read, "
                                "pg_size_pretty(pg_relation_size(indexrelid)) AS size FROM pg_stat_user_indexes "
                                "ORDER BY idx_scan\""), d, n_stat_indexes)
    c("settings-changed", psql("-c \"SELECT name, setting, unit, source, pending_restart FROM pg_settings "
                               "WHERE source NOT IN ('default', 'override') ORDER BY source, name\""), d, n_settings)
    c("settings-wal", psql("-c \"SELECT name, setting, unit, context, source FROM pg_settings WHERE name ~ "
                           "'(wal|checkpoint|vacuum)' ORDER BY name\""), d, n_settings)
    time.sleep(24)


def maintenance(tmp: Path) -> None:
    d = tmp / "pg"
    pg(psql("-q -c \"DELETE FROM part_usage WHERE used_at < '2023-03-01'\" -c \"UPDATE work_orders SET state = "
            "'closed', closed_at = now() WHERE state = 'open' AND id % 3 = 0\""), d)
    c("vacuum-verbose", psql("-c 'VACUUM (VERBOSE) part_usage'"), d, n_vacuum_verbose)
    c("vacuum-verbose-all", psql("-c 'VACUUM (VERBOSE, ANALYZE)' 2>&1 | tail -n 60"), d, n_vacuum_verbose)
    pg(psql("-q -c \"UPDATE invoices SET paid = true WHERE issued_on < '2023-05-01' AND NOT paid\" "
            "-c \"DELETE FROM invoices WHERE id % 5 = 0\" -c CHECKPOINT"), d)
    time.sleep(7)
    pg(psql("-q -c CHECKPOINT"), d)
    c("controldata", f"pg_controldata -D {d}/data", d, n_controldata)
    c("controldata-grep", f"pg_controldata {d}/data | head -n 30", d, n_controldata)


def dumps(tmp: Path) -> None:
    d = tmp / "pg"
    c("dump-schema", "pg_dump --schema-only drydock", d, n_pg_dump_schema)
    c("dump-schema-tables", "pg_dump --schema-only -t 'work_*' -t invoices drydock; echo EXIT=$?", d, n_pg_dump_schema)
    pg("pg_dump -Fc -f drydock.dump drydock && createdb drydock_copy && psql -X -q -d drydock_copy -c "
       "\"CREATE TABLE vessels (id int PRIMARY KEY, name text); CREATE TABLE parts (sku text); "
       "CREATE FUNCTION order_cost(oid bigint) RETURNS numeric LANGUAGE sql AS 'SELECT 0::numeric'\"", d)
    c("restore-clash", "pg_restore -d drydock_copy drydock.dump; echo EXIT=$?", d, n_pg_restore)
    c("restore-clash-v", "pg_restore -v --no-owner -d drydock_copy drydock.dump 2>&1 | tail -n 80", d, n_pg_restore)


def logs(tmp: Path) -> None:
    d = tmp / "pg"
    c("server-log-tail", "tail -n 200 server.log", d, n_auto_explain)
    c("server-log-duration", "grep -n -A 25 'duration:' server.log | head -n 300", d, n_auto_explain)
    c("server-log-autovacuum", "grep -E 'checkpoint|automatic (vacuum|analyze)|ERROR' server.log", d, n_pg_autovacuum)
    c("server-log-autovacuum-detail", "grep -A 8 'automatic vacuum' server.log | tail -n 120", d, n_pg_autovacuum)


def shutdown(tmp: Path) -> None:
    d = tmp / "pg"
    cm.note(run(f"runuser -u postgres -- {PGBIN}/pg_ctl -D {d}/data -m fast -w stop", cwd=tmp).strip())


STEPS = [cluster, plans, describe, errors, deadlock, stats, maintenance, dumps, logs, shutdown]
