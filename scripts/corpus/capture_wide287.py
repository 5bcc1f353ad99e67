#!/usr/bin/env python3
"""Capture round 287 of the compression corpus: database servers' plans, statistics and admin output, new kinds.
Debian's PostgreSQL 15, Redis 7.0 and MariaDB 10.11 run on 127.0.0.1 (ports 18287, 28287, 38287) from data dirs under
the round's temp dir, loaded with data of the round's own from seeded generators (tables of 10^4-10^6 rows, a missing
index, correlated columns the planner misestimates, a row lock held by an `idle in transaction` session, an ACCESS
EXCLUSIVE lock, bad CSV rows, a pgbench script that divides by zero); all servers are stopped when the script ends.

The extractors are this round's (NEEDLES.md, "Round 287"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide287.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide287.json  as {"version": 2, "items": [...]}, ids prefixed "wide287-".
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_wide224 import exit_lines, shaped  # noqa: E402

ID_PREFIX = "wide287-"
DEFAULT_OUT = HERE / "data" / "wide287.json"
TMP = Path(os.environ.get("HM_WIDE287_TMP", "/dev/shm/hm-corpus-wide287"))
PG_PORT, REDIS_PORT, MY_PORT = 18287, 28287, 38287
PGBIN = "/usr/lib/postgresql/15/bin"

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 287")

ERR_RE = re.compile(r"ERROR:|FATAL:|error:|\bERROR \d+")


def rule1(lines):
    out = []
    for i, ln in enumerate(lines):
        if ERR_RE.search(ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if re.search(r"^\s*(LINE \d+:|CONTEXT:)|CONTEXT:", lines[k]):
                    out.append(lines[k])
                    break
    return out


NUM_RE = re.compile(r"^(-?\d+(?:\.\d+)?)\s*(ms|kB|MB|GB|bytes)?$")
UNIT = {None: 1, "ms": 1, "bytes": 1, "kB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def num(v: str):
    m = NUM_RE.match(v.strip())
    return float(m.group(1)) * UNIT[m.group(2)] if m else None


def table_rule4(header: str, rows: list[tuple[str, list[str]]]) -> list[str]:
    """Rule 4 on (line, cells) rows under `header`."""
    out = [header]
    if not rows:
        return out
    ncol = max(len(c) for _, c in rows)
    for j in range(ncol):
        vals = [(ln, c[j].strip() if j < len(c) else "") for ln, c in rows]
        nonempty = [v for _, v in vals if v]
        if not nonempty:
            continue
        nums = [num(v) for v in nonempty]
        if all(n is not None for n in nums):
            parsed = [(ln, num(v)) for ln, v in vals if v]
            lo = min(parsed, key=lambda t: t[1])
            hi = max(parsed, key=lambda t: t[1])
            if lo[1] != hi[1]:
                out += [lo[0], hi[0]]
        elif len(rows) >= 4:
            cnt = Counter(v for _, v in vals)
            if cnt.most_common(1)[0][1] * 2 >= len(rows):
                out += [ln for ln, v in vals if cnt[v] <= 2]
    return out


def psql_tables(lines):
    out = []
    for i, ln in enumerate(lines):
        if i and re.match(r"^-+(\+-+)+$|^-{3,}$", ln) and lines[i - 1].strip():
            rows = []
            for r in lines[i + 1:]:
                if not r.strip() or re.match(r"^\(\d+ rows?\)$", r):
                    if r.strip():
                        out.append(r)
                    break
                rows.append((r, r.split("|")))
            out += table_rule4(lines[i - 1], rows)
    return out


def bordered_tables(lines):
    out = []
    i = 0
    while i < len(lines):
        if re.match(r"^\+-+", lines[i]) and i + 2 < len(lines) and lines[i + 1].startswith("|") \
                and re.match(r"^\+-+", lines[i + 2]):
            header = lines[i + 1]
            rows = []
            k = i + 3
            while k < len(lines) and lines[k].startswith("|"):
                rows.append((lines[k], lines[k].strip("|").split("|")))
                k += 1
            out += table_rule4(header, rows)
            i = k
        else:
            i += 1
    return out


@cm.kind("psql-blocking-pids", "table")
def n_psql_blocking(lines):
    """Rule 4 on the psql table (header, rare state rows, numeric extremes, (N rows)); rule 1; EXIT=."""
    return psql_tables(lines) + rule1(lines) + exit_lines(lines)


@cm.kind("psql-stat-database", "table")
def n_psql_stat_database(lines):
    """Rule 4 on the psql table (header, rare rows, numeric extremes, (N rows)); rule 1; EXIT=."""
    return psql_tables(lines) + rule1(lines) + exit_lines(lines)


@cm.kind("psql-relation-sizes", "table")
def n_psql_relation_sizes(lines):
    """Rule 4 on the psql table (header, rare rows, numeric extremes with size units, (N rows)); rule 1; EXIT=."""
    return psql_tables(lines) + rule1(lines) + exit_lines(lines)


NODE_RE = re.compile(r"\(cost=[\d.]+\.\.([\d.]+) rows=(\d+)")
ACT_RE = re.compile(r"\(actual time=[\d.]+\.\.([\d.]+) rows=(\d+)")


@cm.kind("psql-explain-costs", "table")
def n_explain_costs(lines):
    """Rule 4/5: QUERY PLAN header, root node, largest-cost and largest-rows nodes, seq scans est >= 10k; rule 1."""
    out = [ln for ln in lines if ln.strip() == "QUERY PLAN"]
    # each plan: nodes between a QUERY PLAN header and the (N rows) footer
    plan: list = []
    plans = []
    for ln in lines:
        m = NODE_RE.search(ln)
        if m:
            plan.append((ln, float(m.group(1)), int(m.group(2))))
        elif re.match(r"^\(\d+ rows?\)$", ln.strip()) and plan:
            plans.append(plan)
            plan = []
    if plan:
        plans.append(plan)
    for p in plans:
        out.append(p[0][0])
        if len(p) > 1:
            out.append(max(p[1:], key=lambda t: t[1])[0])
        out.append(max(p, key=lambda t: t[2])[0])
        out += [ln for ln, _, r in p if "Seq Scan on" in ln and r >= 10_000]
    return out + rule1(lines) + exit_lines(lines)


@cm.kind("psql-explain-analyze-verbose", "table")
def n_explain_verbose(lines):
    """Rule 4/5: root, slowest and most-rows nodes, 10x misestimates, big seq scans, Planning/Execution Time; rule 1."""
    out = []
    plan: list = []
    plans = []
    for ln in lines:
        m, a = NODE_RE.search(ln), ACT_RE.search(ln)
        if m and a:
            plan.append((ln, int(m.group(2)), float(a.group(1)), int(a.group(2))))
        elif m:
            plan.append((ln, int(m.group(2)), None, None))
        elif re.match(r"^\(\d+ rows?\)$", ln.strip()) and plan:
            plans.append(plan)
            plan = []
    if plan:
        plans.append(plan)
    for p in plans:
        out.append(p[0][0])
        act = [t for t in p if t[2] is not None]
        if len(act) > 1:
            out.append(max(act[1:], key=lambda t: t[2])[0])
        if act:
            out.append(max(act, key=lambda t: t[3])[0])
        for ln, est, _, ar in act:
            if est / max(ar, 1) >= 10 or ar / max(est, 1) >= 10:
                out.append(ln)
        out += [ln for ln, est, _, ar in p if "Seq Scan" in ln and max(est, ar or 0) >= 10_000]
    out += [ln for ln in lines if re.match(r"^\s*(Planning|Execution) Time:", ln)]
    return out + rule1(lines) + exit_lines(lines)


@cm.kind("psql-explain-analyze-json", "json")
def n_explain_json(lines):
    """Rule 4/5: slowest and most-rows nodes' lines, 10x misestimates' Plan/Actual Rows, big seq scans; times; rule 1."""
    out = []
    # nodes: every object with "Node Type"; read its own keys (before its "Plans" array) line by line
    nodes = []
    for i, ln in enumerate(lines):
        if '"Node Type":' in ln:
            ind = len(ln) - len(ln.lstrip())
            node = {"type": ln}
            for k in range(i + 1, len(lines)):
                s = lines[k]
                sind = len(s) - len(s.lstrip())
                if sind < ind or (sind == ind and s.strip().startswith('"Plans"')):
                    break
                if sind != ind:
                    continue
                m = re.match(r'^\s*"([^"]+)":\s*(.*?),?(\s+\+)?$', s)
                if m:
                    node[m.group(1)] = (s, m.group(2))
            nodes.append(node)

    def f(n, key):
        return float(n[key][1]) if key in n else None

    act = [n for n in nodes if "Actual Total Time" in n]
    if act:
        out.append(max(act, key=lambda n: f(n, "Actual Total Time"))["Actual Total Time"][0])
        out.append(max(act, key=lambda n: f(n, "Actual Rows"))["Actual Rows"][0])
        for n in act:
            est, ar = f(n, "Plan Rows"), f(n, "Actual Rows")
            if est is not None and (est / max(ar, 1) >= 10 or ar / max(est, 1) >= 10):
                out += [n["Plan Rows"][0], n["Actual Rows"][0]]
    for n in nodes:
        if '"Seq Scan"' in n["type"] and "Relation Name" in n and \
                max(f(n, "Plan Rows") or 0, f(n, "Actual Rows") or 0) >= 10_000:
            out.append(n["Relation Name"][0])
    out += [ln for ln in lines if re.search(r'"(Planning|Execution) Time":', ln)]
    return out + rule1(lines) + exit_lines(lines)


@cm.kind("psql-copy-errors", "log")
def n_copy_errors(lines):
    """Rule 1/3: every ERROR line with its CONTEXT/LINE line; COPY N and NOTICE/WARNING lines one any per shape; EXIT=."""
    out = rule1(lines)
    out += cm.groups((cm.mask(ln), ln) for ln in lines
                     if re.match(r"^COPY \d+$", ln.strip()) or re.search(r"NOTICE:|WARNING:", ln))
    return out + exit_lines(lines)


PROG_RE = re.compile(r"^progress: ([\d.]+) s, ([\d.]+) tps, lat ([\d.]+) ms")


@cm.kind("pgbench-progress", "log")
def n_pgbench_progress(lines):
    """Rule 1/3/4: error/aborted lines, summary lines, progress lines with max/min tps and max lat, slowest statement."""
    out = [ln for ln in lines if re.search(r"error:|ERROR:|aborted", ln)]
    out += [ln for ln in lines if re.match(r"^(number of transactions actually processed|number of failed transactions|"
                                           r"latency average|latency stddev|initial connection time|tps =)", ln)]
    prog = [(ln, float(m.group(2)), float(m.group(3))) for ln in lines if (m := PROG_RE.match(ln))]
    if prog:
        out += [max(prog, key=lambda t: t[1])[0], min(prog, key=lambda t: t[1])[0], max(prog, key=lambda t: t[2])[0]]
    for i, ln in enumerate(lines):
        if "statement latencies in milliseconds" in ln:
            out.append(ln)
            st = []
            for s in lines[i + 1:]:
                m = re.match(r"^\s+([\d.]+)\s+(?:\d+\s+)?\S", s)
                if not m:
                    break
                st.append((s, float(m.group(1))))
            if st:
                out.append(max(st, key=lambda t: t[1])[0])
    return out + exit_lines(lines)


@cm.kind("pg-dump-verbose", "log")
def n_pg_dump_verbose(lines):
    """Rule 1/5: error lines with DETAIL/ERROR/Command was within six; dumping-contents lines; first/last pg_dump line."""
    out = []
    for i, ln in enumerate(lines):
        if "error:" in ln or "ERROR:" in ln:
            out.append(ln)
            out += [s for s in lines[i + 1:i + 7] if re.search(r"DETAIL:|ERROR:|Command was:", s, re.I)]
    out += [ln for ln in lines if "dumping contents of table" in ln]
    pd = [ln for ln in lines if ln.startswith("pg_dump:")]
    if pd:
        out += [pd[0], pd[-1]]
    return out + exit_lines(lines)


CMD_RE = re.compile(r"^cmdstat_(\S+?):calls=(\d+),usec=(\d+),usec_per_call=([\d.]+),rejected_calls=(\d+),failed_calls=(\d+)")


@cm.kind("redis-info-commandstats", "table")
def n_redis_cmdstats(lines):
    """Rule 4/1: section headers, max/min calls, max usec and usec_per_call, rows with rejected/failed > 0, errorstat lines."""
    out = [ln for ln in lines if ln.strip() in ("# Commandstats", "# Errorstats")]
    rows = [(ln, *[float(x) for x in m.groups()[1:]]) for ln in lines if (m := CMD_RE.match(ln))]
    if rows:
        out += [max(rows, key=lambda t: t[1])[0], min(rows, key=lambda t: t[1])[0],
                max(rows, key=lambda t: t[2])[0], max(rows, key=lambda t: t[3])[0]]
        out += [r[0] for r in rows if r[4] > 0 or r[5] > 0]
    out += [ln for ln in lines if ln.startswith("errorstat_")]
    return out + rule1(lines) + exit_lines(lines)


LAT_RE = re.compile(r"min: (\d+), max: (\d+), avg: ([\d.]+) \((\d+) samples\)")


@cm.kind("redis-latency-history", "log")
def n_redis_latency_history(lines):
    """Rule 4/1: rows with the largest max, largest avg, fewest samples; the last row; error lines."""
    rows = [(ln, int(m.group(2)), float(m.group(3)), int(m.group(4))) for ln in lines if (m := LAT_RE.search(ln))]
    out = []
    if rows:
        out += [max(rows, key=lambda t: t[1])[0], max(rows, key=lambda t: t[2])[0], min(rows, key=lambda t: t[3])[0],
                rows[-1][0]]
    out += [ln for ln in lines if re.search(r"Could not connect|Error|ERR ", ln)]
    return out + exit_lines(lines)


@cm.kind("redis-benchmark-csv", "table")
def n_redis_bench_csv(lines):
    """Rule 4/1: header row, max/min rps rows, max max_latency_ms and p99_latency_ms rows; error lines."""
    out = []
    hdr = None
    rows = []
    for ln in lines:
        if ln.startswith('"test"'):
            hdr = ln.replace('"', "").split(",")
            out.append(ln)
        elif hdr and ln.startswith('"'):
            cells = ln.replace('"', "").split(",")
            try:
                rows.append((ln, dict(zip(hdr, [c if i == 0 else float(c) for i, c in enumerate(cells)]))))
            except ValueError:
                pass
    if rows:
        out += [max(rows, key=lambda t: t[1]["rps"])[0], min(rows, key=lambda t: t[1]["rps"])[0]]
        for col in ("max_latency_ms", "p99_latency_ms"):
            if col in hdr:
                out.append(max(rows, key=lambda t: t[1][col])[0])
    out += [ln for ln in lines if re.search(r"Error|ERR |Could not connect", ln)]
    return out + exit_lines(lines)


def _mem(v: str) -> float:
    m = re.match(r"([\d.]+)([KMG]?)", v)
    return float(m.group(1)) * {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}[m.group(2)] if m else 0.0


@cm.kind("redis-cli-stat", "table")
def n_redis_cli_stat(lines):
    """Rule 4: column header lines, first/last rows, rows with largest keys/mem/clients/blocked/requests increment."""
    out = [ln for ln in lines if re.match(r"^-+ data -+", ln) or re.match(r"^keys\s+mem\s+clients", ln)]
    rows = []
    for ln in lines:
        m = re.match(r"^(\d+)\s+(\S+)\s+(\d+)\s+(\d+)\s+\d+ \(\+(\d+)\)", ln)
        if m:
            rows.append((ln, int(m.group(1)), _mem(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5))))
    if rows:
        out += [rows[0][0], rows[-1][0]]
        for j in range(1, 6):
            top = max(rows, key=lambda t: t[j])
            if top[j] != min(r[j] for r in rows):
                out.append(top[0])
    out += [ln for ln in lines if re.search(r"Could not connect|Error", ln)]
    return out + exit_lines(lines)


@cm.kind("mariadb-analyze-json", "json")
def n_maria_analyze(lines):
    """Rule 4/5: big ALL-access tables, 10x misestimates' rows/r_rows, slowest access and query block r_total_time_ms."""
    out = []
    accs = []
    for i, ln in enumerate(lines):
        if '"table_name":' in ln:
            ind = len(ln) - len(ln.lstrip())
            a = {"table_name": (ln, "")}
            for k in range(i + 1, len(lines)):
                s = lines[k]
                sind = len(s) - len(s.lstrip())
                if sind < ind:
                    break
                if sind != ind:
                    continue
                m = re.match(r'^\s*"([^"]+)":\s*(.*?),?$', s)
                if m:
                    a[m.group(1)] = (s, m.group(2).strip('"'))
            accs.append(a)

    def f(a, key):
        try:
            return float(a[key][1])
        except (KeyError, ValueError):
            return None
    for a in accs:
        r, rr = f(a, "rows"), f(a, "r_rows")
        if a.get("access_type", ("", ""))[1] == "ALL" and max(r or 0, rr or 0) >= 10_000:
            out.append(a["table_name"][0])
        if r is not None and rr is not None and (r / max(rr, 1) >= 10 or rr / max(r, 1) >= 10):
            out += [a["rows"][0], a["r_rows"][0]]
    timed = [a for a in accs if f(a, "r_total_time_ms") is not None]
    if timed:
        out.append(max(timed, key=lambda a: f(a, "r_total_time_ms"))["r_total_time_ms"][0])
    qb = next((i for i, ln in enumerate(lines) if '"query_block":' in ln), None)
    first = next((ln for ln in lines[qb:] if '"r_total_time_ms":' in ln), None) if qb is not None else None
    if first:
        out.append(first)
    return out + rule1(lines) + exit_lines(lines)


@cm.kind("mariadb-processlist", "table")
def n_maria_processlist(lines):
    """Rule 4 on the bordered table (header, rare Command/State rows, numeric extremes); rule 1; EXIT=."""
    return bordered_tables(lines) + rule1(lines) + exit_lines(lines)


@cm.kind("mariadb-slap", "log")
def n_maria_slap(lines):
    """Rule 5/1: the Average/Minimum/Maximum seconds, clients, queries-per-client and engine lines; error lines; EXIT=."""
    out = [ln for ln in lines if re.search(r"(Average|Minimum|Maximum) number of seconds|Number of clients running|"
                                           r"Average number of queries per client|Running for engine", ln)]
    out += [ln for ln in lines if re.search(r"Cannot run query|ERROR|[Ee]rror", ln)]
    return out + exit_lines(lines)

# ------------------------------------------------------------------ the servers and the data

PSQL = f"psql -h 127.0.0.1 -p {PG_PORT} -U postgres"

SETUP_SQL = r"""
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
SELECT setseed(0.287);
CREATE TABLE customers(id int PRIMARY KEY, region text NOT NULL, tier text NOT NULL, created date NOT NULL);
INSERT INTO customers SELECT g, (ARRAY['eu-west','us-east','ap-south','sa-east'])[1 + (g % 4)],
  CASE WHEN g % 500 = 0 THEN 'platinum' WHEN g % 7 = 0 THEN 'gold' ELSE 'basic' END,
  date '2020-01-01' + (g % 1500) FROM generate_series(1, 20000) g;
CREATE TABLE orders(id bigserial PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL, amount numeric(10,2),
  created_at timestamptz NOT NULL, note text);
INSERT INTO orders(customer_id, status, amount, created_at, note)
  SELECT 1 + (random() * 19999)::int, CASE WHEN random() < 0.002 THEN 'refunded' WHEN random() < 0.05 THEN 'pending' ELSE 'shipped' END,
  round((random() * 500)::numeric, 2), timestamptz '2024-01-01' + (g || ' minutes')::interval, md5(g::text)
  FROM generate_series(1, 400000) g;
CREATE TABLE events(id bigserial PRIMARY KEY, a int, b int, kind text, payload jsonb);
INSERT INTO events(a, b, kind, payload) SELECT g % 100, g % 100, (ARRAY['click','view','view','view','buy'])[1 + (g % 5)],
  jsonb_build_object('n', g, 'ok', g % 97 <> 0) FROM generate_series(1, 300000) g;
CREATE INDEX events_a_b ON events(a, b);
CREATE TABLE audit(id serial PRIMARY KEY, at timestamptz DEFAULT now(), what text);
INSERT INTO audit(what) SELECT 'boot ' || g FROM generate_series(1, 20000) g;
CREATE TABLE line_items(order_id bigint, sku text, qty int, price numeric(10,2));
INSERT INTO line_items SELECT 1 + (random() * 399999)::int, 'SKU-' || (random() * 3000)::int, 1 + (random() * 5)::int,
  round((random() * 90)::numeric, 2) FROM generate_series(1, 600000) g;
DELETE FROM orders WHERE id % 10 = 3;
ANALYZE customers; ANALYZE events; ANALYZE audit; ANALYZE line_items;
"""

MANY_TABLES = "\n".join(
    f"CREATE TABLE shard_{i:02d}(id int PRIMARY KEY, v text); INSERT INTO shard_{i:02d} SELECT g, md5(g::text) "
    f"FROM generate_series(1, {200 * (i + 1)}) g;" for i in range(150))


def pg_start(tmp: Path) -> None:
    d = tmp / "pg"
    d.mkdir(parents=True, exist_ok=True)
    os.chmod(tmp, 0o755)
    shutil.chown(d, "postgres")
    cm.run(f"runuser -u postgres -- {PGBIN}/initdb -D {d}/data -A trust -U postgres", timeout=120)
    cm.run(f"runuser -u postgres -- {PGBIN}/pg_ctl -D {d}/data -l {d}/log -w start -o "
           f"'-p {PG_PORT} -k {d} -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements "
           f"-c shared_buffers=64MB -c fsync=off -c track_io_timing=on -c track_functions=all'", timeout=60)
    (tmp / "setup.sql").write_text(SETUP_SQL)
    (tmp / "shards.sql").write_text(MANY_TABLES)
    cm.note(cm.run(f"{PSQL} -q -c 'CREATE DATABASE shop' -c 'CREATE DATABASE bench' -c 'CREATE DATABASE archive' "
                   f"&& {PSQL} -q -d shop -f setup.sql && {PSQL} -q -d archive -f shards.sql", cwd=tmp, timeout=400)[-500:])


def pg_stop(tmp: Path) -> None:
    cm.run(f"runuser -u postgres -- {PGBIN}/pg_ctl -D {tmp}/pg/data -m immediate stop", timeout=60)


Q_JOIN = ("SELECT c.region, count(*), sum(o.amount) FROM orders o JOIN customers c ON c.id = o.customer_id "
          "WHERE o.status = 'refunded' GROUP BY c.region ORDER BY 3 DESC")
Q_MISEST = "SELECT kind, count(*) FROM events WHERE a = 7 AND b = 7 GROUP BY kind"
Q_MISSING = "SELECT * FROM orders WHERE customer_id = 4242 ORDER BY created_at DESC LIMIT 20"
Q_LI = ("SELECT o.id, sum(li.qty * li.price) FROM orders o JOIN line_items li ON li.order_id = o.id "
        "WHERE o.created_at >= '2024-03-01' AND o.created_at < '2024-03-03' GROUP BY o.id ORDER BY 2 DESC LIMIT 10")
Q_CTE = ("WITH big AS (SELECT customer_id, count(*) n FROM orders GROUP BY customer_id HAVING count(*) > 30), "
         "tiers AS (SELECT tier, count(*) FROM customers c JOIN big ON big.customer_id = c.id GROUP BY tier) "
         "SELECT * FROM tiers UNION ALL SELECT 'none', count(*) FROM customers WHERE id NOT IN (SELECT customer_id FROM big)")


def postgres(tmp: Path) -> None:
    pg_start(tmp)
    P = f"{PSQL} -d shop"
    # a few workloads for pg_stat_statements / stat_database
    cm.run(f"for i in 1 2 3; do {P} -qc \"{Q_MISSING}\" >/dev/null; {P} -qc \"{Q_JOIN}\" >/dev/null; done; "
           f"{P} -qc 'SELECT * FROM nosuch' ; {P} -qc 'SELECT 1/0'", cwd=tmp, timeout=200)
    cases = [
        ("explain-costs-join", f"{P} -c \"EXPLAIN {Q_JOIN}\"", n_explain_costs),
        ("explain-costs-many", f"for q in \"{Q_MISSING}\" \"{Q_MISEST}\" \"{Q_LI}\" \"{Q_CTE}\"; do {P} -c \"EXPLAIN $q\"; done",
         n_explain_costs),
        ("explain-costs-error", f"{P} -c \"EXPLAIN SELECT * FROM orders o JOIN customer c ON c.id = o.customer_id\"; "
         f"{P} -c \"EXPLAIN {Q_CTE}\"; echo EXIT=$?", n_explain_costs),
        ("explain-verbose-missing-index", f"{P} -c \"EXPLAIN (ANALYZE, BUFFERS, VERBOSE) {Q_MISSING}\"", n_explain_verbose),
        ("explain-verbose-misestimate", f"{P} -c \"EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS) {Q_MISEST}\"", n_explain_verbose),
        ("explain-verbose-cte", f"{P} -c \"EXPLAIN (ANALYZE, BUFFERS, VERBOSE, WAL) {Q_CTE}\" 2>&1 | head -n 80", n_explain_verbose),
        ("explain-verbose-lineitems", f"{P} -c \"EXPLAIN (ANALYZE, VERBOSE, BUFFERS) {Q_LI}\"; echo EXIT=$?", n_explain_verbose),
        ("explain-json-join", f"{P} -At -c \"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {Q_JOIN}\"", n_explain_json),
        ("explain-json-cte", f"{P} -At -c \"EXPLAIN (ANALYZE, BUFFERS, VERBOSE, FORMAT JSON) {Q_CTE}\"", n_explain_json),
        ("explain-json-misest", f"{P} -c \"EXPLAIN (ANALYZE, FORMAT JSON) {Q_MISEST}\"", n_explain_json),
        ("explain-json-lineitems", f"{P} -At -c \"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {Q_LI}\" 2>&1 | head -n 150", n_explain_json),
        ("relation-sizes-shop", f"{P} -c \"SELECT n.nspname, c.relname, c.relkind, c.reltuples::bigint AS est_rows, "
         "pg_size_pretty(pg_total_relation_size(c.oid)) AS total, pg_size_pretty(pg_relation_size(c.oid)) AS heap "
         "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' ORDER BY pg_total_relation_size(c.oid) DESC\"",
         n_psql_relation_sizes),
        ("relation-sizes-archive", f"{PSQL} -d archive -c \"SELECT c.relname, c.relkind, c.relpages, c.reltuples::bigint, "
         "pg_size_pretty(pg_total_relation_size(c.oid)) AS size FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1\"",
         n_psql_relation_sizes),
        ("relation-sizes-catalog", f"{P} -c \"SELECT relname, relkind, relpages, pg_size_pretty(pg_relation_size(oid)) AS size "
         "FROM pg_class WHERE relnamespace = 'pg_catalog'::regnamespace ORDER BY relpages DESC\" | head -n 120", n_psql_relation_sizes),
        ("relation-sizes-catalog-full", f"{P} -c \"SELECT c.relname, c.relkind, c.relpages, c.reltuples::bigint AS est_rows, "
         "pg_size_pretty(pg_total_relation_size(c.oid)) AS total FROM pg_class c WHERE c.relnamespace IN "
         "('pg_catalog'::regnamespace, 'public'::regnamespace) ORDER BY c.relname\"", n_psql_relation_sizes),
        ("explain-json-many", f"for q in \"{Q_MISSING}\" \"{Q_MISEST}\" \"{Q_LI}\" \"{Q_JOIN}\"; do "
         f"{P} -At -c \"EXPLAIN (ANALYZE, BUFFERS, VERBOSE, FORMAT JSON) $q\"; done", n_explain_json),
        ("relation-sizes-archive-all", f"{PSQL} -d archive -c \"SELECT c.relname, c.relkind, c.relpages, c.reltuples::bigint AS est_rows, "
         "pg_size_pretty(pg_relation_size(c.oid)) AS size, pg_relation_size(c.oid) AS bytes FROM pg_class c "
         "WHERE c.relnamespace = 'public'::regnamespace ORDER BY bytes DESC, relname\"; echo EXIT=$?", n_psql_relation_sizes),
        ("stat-database", f"{PSQL} -c \"SELECT datname, numbackends, xact_commit, xact_rollback, blks_read, blks_hit, "
         "tup_returned, tup_inserted, tup_deleted, conflicts, deadlocks, temp_bytes FROM pg_stat_database ORDER BY datname NULLS FIRST\"",
         n_psql_stat_database),
        ("stat-database-x", f"{PSQL} -c \"SELECT datname, round(blks_hit * 100.0 / nullif(blks_hit + blks_read, 0), 2) AS hit_pct, "
         "xact_commit, xact_rollback, temp_files, pg_size_pretty(pg_database_size(datname)) AS size FROM pg_stat_database "
         "WHERE datname IS NOT NULL\"; echo EXIT=$?", n_psql_stat_database),
    ]
    for iid, cmd, ext in cases:
        add(iid, cmd.replace(PSQL, "psql -h 127.0.0.1 -p 18287 -U postgres"), cm.run(cmd, cwd=tmp, timeout=200), ext)

    # copy errors
    rnd = random.Random(287)
    for n in range(6):
        rows = []
        for i in range(3000):
            qty = str(rnd.randint(1, 9))
            if rnd.random() < 0.002 * (n + 1) and i > 50:
                qty = rnd.choice(["x", "", "3.5", "-"])
            rows.append(f"{1 + rnd.randint(0, 399999)},SKU-{rnd.randint(0, 3000)},{qty},{rnd.uniform(1, 90):.2f}")
        if n == 4:
            rows.insert(700, "12,SKU-1,2")
        (tmp / f"items_{n}.csv").write_text("\n".join(rows) + "\n")
    load = "\n".join(f"\\copy line_items FROM 'items_{n}.csv' WITH (FORMAT csv)" for n in range(6))
    load += "\n\\copy line_items FROM 'items_9.csv' WITH (FORMAT csv)\nCOPY line_items(order_id, sku) FROM STDIN;\n"
    (tmp / "load.sql").write_text("SET client_min_messages = notice;\nDROP TABLE IF EXISTS staging_x;\n" + load)
    add("copy-errors-load", "psql -h 127.0.0.1 -p 18287 -U postgres -d shop -f load.sql; echo EXIT=$?",
        cm.run(f"{P} -f load.sql; echo EXIT=$?", cwd=tmp, timeout=120), n_copy_errors)
    (tmp / "load2.sql").write_text("\n".join(f"\\copy orders(customer_id, status, amount, created_at, note) FROM "
                                             f"'orders_{n}.csv' WITH (FORMAT csv, HEADER)" for n in range(12)) + "\n")
    for n in range(12):
        rows = ["customer_id,status,amount,created_at,note"]
        for i in range(400):
            ts = f"2025-0{1 + n % 9}-{1 + i % 28:02d} 10:00:00"
            if n in (3, 8) and i == 211:
                ts = "2025-02-30 10:00:00"
            amt = f"{rnd.uniform(1, 400):.2f}" if not (n == 6 and i == 17) else "12,50"
            rows.append(f"{rnd.randint(1, 20000)},shipped,{amt},{ts},n{i}")
        (tmp / f"orders_{n}.csv").write_text("\n".join(rows) + "\n")
    add("copy-errors-orders", "psql -h 127.0.0.1 -p 18287 -U postgres -d shop -f load2.sql",
        cm.run(f"{P} -f load2.sql", cwd=tmp, timeout=120), n_copy_errors)
    add("copy-errors-echo-all", "psql -h 127.0.0.1 -p 18287 -U postgres -d shop -a -v ON_ERROR_STOP=0 -f load2.sql 2>&1; echo EXIT=$?",
        cm.run(f"{P} -a -v ON_ERROR_STOP=0 -f load2.sql 2>&1; echo EXIT=$?", cwd=tmp, timeout=120), n_copy_errors)

    # locks: a holder idle in transaction, a waiter, busy sessions
    cm.start(f"(echo \"BEGIN; UPDATE customers SET tier = 'gold' WHERE id = 7;\"; sleep 30) | {P} -q", cwd=tmp)
    cm.start(f"(echo \"BEGIN; LOCK TABLE audit IN ACCESS EXCLUSIVE MODE;\"; sleep 30) | {P} -q", cwd=tmp)
    time.sleep(1.5)
    cm.start(f"{P} -qc \"UPDATE customers SET tier = 'basic' WHERE id = 7\"", cwd=tmp)
    cm.start(f"{P} -qc \"SELECT count(*) FROM audit\"", cwd=tmp)
    for k in range(4):
        cm.start(f"{P} -qc \"SELECT pg_sleep(90 + {k})\"", cwd=tmp)
    cm.start(f"{PSQL} -d bench -qc \"SELECT pg_sleep(95)\"", cwd=tmp)
    time.sleep(2)
    BQ = ("SELECT pid, usename, datname, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by, "
          "round(extract(epoch FROM now() - xact_start)::numeric, 1) AS xact_s, left(query, 60) AS query "
          "FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() ORDER BY pid")
    add("blocking-pids-activity", f"psql -h 127.0.0.1 -p 18287 -U postgres -c \"{BQ}\"",
        cm.run(f"{PSQL} -c \"{BQ}\"", cwd=tmp, timeout=60), n_psql_blocking)
    BQ2 = ("SELECT a.pid, a.state, a.wait_event_type, pg_blocking_pids(a.pid) AS blocked_by, l.locktype, l.mode, l.granted, "
           "l.relation::regclass AS rel FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid "
           "WHERE a.datname = 'shop' AND a.pid <> pg_backend_pid() ORDER BY a.pid, l.locktype")
    add("blocking-pids-locks", f"psql -h 127.0.0.1 -p 18287 -U postgres -c \"{BQ2}\"; echo EXIT=$?",
        cm.run(f"{PSQL} -c \"{BQ2}\"; echo EXIT=$?", cwd=tmp, timeout=60), n_psql_blocking)
    BQ3 = ("SELECT pid, backend_type, state, wait_event_type, wait_event, pg_blocking_pids(pid) AS blocked_by "
           "FROM pg_stat_activity ORDER BY backend_type, pid")
    add("blocking-pids-all", f"psql -h 127.0.0.1 -p 18287 -U postgres -c \"{BQ3}\"",
        cm.run(f"{PSQL} -c \"{BQ3}\"", cwd=tmp, timeout=60), n_psql_blocking)

    # pg_dump verbose, one blocked by the ACCESS EXCLUSIVE lock
    add("pg-dump-verbose-archive", "pg_dump -h 127.0.0.1 -p 18287 -U postgres -v -Fc -f archive.dump archive",
        cm.run(f"pg_dump -h 127.0.0.1 -p {PG_PORT} -U postgres -v -Fc -f archive.dump archive", cwd=tmp, timeout=120),
        n_pg_dump_verbose)
    add("pg-dump-verbose-locked", "pg_dump -h 127.0.0.1 -p 18287 -U postgres -v --lock-wait-timeout=2000 -f shop.sql shop; echo EXIT=$?; "
        "pg_dump -h 127.0.0.1 -p 18287 -U postgres -v --lock-wait-timeout=2000 -T audit -f shop.sql shop 2>&1 | tail -n 25",
        cm.run(f"pg_dump -h 127.0.0.1 -p {PG_PORT} -U postgres -v --lock-wait-timeout=2000 -f shop.sql shop; echo EXIT=$?; "
               f"pg_dump -h 127.0.0.1 -p {PG_PORT} -U postgres -v --lock-wait-timeout=2000 -T audit -f shop.sql shop 2>&1 | tail -n 25",
               cwd=tmp, timeout=120), n_pg_dump_verbose)
    add("pg-dump-verbose-parallel", "pg_dump -h 127.0.0.1 -p 18287 -U postgres -v -Fd -j 2 -f archive.d archive 2>&1; echo EXIT=$?",
        cm.run(f"pg_dump -h 127.0.0.1 -p {PG_PORT} -U postgres -v -Fd -j 2 -f archive.d archive 2>&1; echo EXIT=$?",
               cwd=tmp, timeout=120), n_pg_dump_verbose)
    add("pg-dump-verbose-tables", "pg_dump -h 127.0.0.1 -p 18287 -U postgres -v -t 'shard_1*' -t customers -d archive -f part.sql 2>&1 | tail -n 60",
        cm.run(f"pg_dump -h 127.0.0.1 -p {PG_PORT} -U postgres -v -t 'shard_1*' -t customers -d archive -f part.sql 2>&1 | tail -n 60",
               cwd=tmp, timeout=120), n_pg_dump_verbose)

    # pgbench
    B = f"pgbench -h 127.0.0.1 -p {PG_PORT} -U postgres"
    cm.run(f"{B} -i -q -s 4 bench", cwd=tmp, timeout=200)
    (tmp / "bad.sql").write_text("\\set aid random(1, 400000)\n\\set d random(0, 40)\nBEGIN;\n"
                                 "SELECT abalance / :d FROM pgbench_accounts WHERE aid = :aid;\n"
                                 "UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;\nEND;\n")
    for iid, flags in [("pgbench-progress-tpcb", "-c 4 -j 2 -T 10 -P 1 -r bench"),
                       ("pgbench-progress-select", "-S -c 2 -T 6 -P 1 bench"),
                       ("pgbench-progress-bad-script", "-f bad.sql -c 3 -T 6 -P 1 -r bench"),
                       ("pgbench-progress-rate", "-c 2 -R 300 -T 8 -P 2 --latency-limit=20 bench")]:
        tail = " 2>&1 | tail -n 40" if "select" in iid else "; echo EXIT=$?" if "bad" in iid else ""
        add(iid, f"pgbench -h 127.0.0.1 -p 18287 -U postgres {flags}{tail}",
            cm.run(f"{B} {flags}{tail}", cwd=tmp, timeout=60), n_pgbench_progress)
    pg_stop(tmp)


def redis(tmp: Path) -> None:
    d = tmp / "redis"
    d.mkdir(parents=True, exist_ok=True)
    cm.start(["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
              "--dir", str(d), "--enable-debug-command", "yes", "--slowlog-log-slower-than", "1000",
              "--latency-monitor-threshold", "5"])
    time.sleep(1)
    R = f"redis-cli -p {REDIS_PORT}"
    rnd = random.Random(2870)
    parts = []

    def resp(*a):
        return f"*{len(a)}\r\n" + "".join(f"${len(str(x).encode())}\r\n{x}\r\n" for x in a)
    for i in range(30000):
        parts.append(resp("SET", f"user:{i}", f"v{rnd.randint(0, 10**6)}"))
    for i in range(2000):
        parts.append(resp("HSET", f"sess:{i % 300}", f"f{i}", rnd.randint(0, 999)))
    for i in range(5000):
        parts.append(resp("RPUSH", "queue:jobs", f"job-{i}"))
    for i in range(3000):
        parts.append(resp("ZADD", "board", rnd.randint(0, 10**5), f"p{i}"))
    (d / "load.resp").write_text("".join(parts))
    cm.note(cm.run(f"{R} --pipe < {d}/load.resp", timeout=60)[-200:])
    cm.run(f"for i in $(seq 1 40); do {R} GET user:$i >/dev/null; {R} INCR user:$i >/dev/null; done; "
           f"{R} LPUSH user:3 x; {R} HGETALL queue:jobs; {R} EVAL 'return 1' 0; {R} SET a; {R} DEBUG SLEEP 0.2; "
           f"{R} KEYS 'user:1*' >/dev/null; {R} ZRANGE board 0 -1 >/dev/null; {R} SORT queue:jobs ALPHA >/dev/null; "
           f"{R} NOSUCHCMD; {R} CONFIG SET maxmemory-policy bogus", timeout=120)
    add("info-commandstats", f"{R} INFO commandstats", cm.run(f"{R} INFO commandstats", timeout=30), n_redis_cmdstats)
    cm.run(f"redis-benchmark -p {REDIS_PORT} -q -n 20000 -t get,set,lpush,incr,hset >/dev/null", timeout=120)
    add("info-commandstats-errorstats", f"{R} INFO commandstats errorstats; echo EXIT=$?",
        cm.run(f"{R} INFO commandstats errorstats; echo EXIT=$?", timeout=30), n_redis_cmdstats)
    cm.run(f"{R} CONFIG RESETSTAT >/dev/null; {R} MGET user:1 user:2 >/dev/null; {R} XADD s '*' a 1 >/dev/null; "
           f"{R} INCR queue:jobs; {R} HGET sess:1 f1 >/dev/null; {R} SCAN 0 >/dev/null; {R} TYPE board >/dev/null; "
           f"{R} SET k1 v1 >/dev/null; {R} GETRANGE user:9 0 2 >/dev/null; {R} LPOP nosuch >/dev/null; {R} BLPOP queue:jobs 1",
           timeout=30)
    add("info-commandstats-grep", f"{R} INFO commandstats | grep -v '^$'",
        cm.run(f"{R} INFO commandstats | grep -v '^$'", timeout=30), n_redis_cmdstats)
    for iid, cmd in [("benchmark-csv-default", f"redis-benchmark -p {REDIS_PORT} --csv -n 20000 -q"),
                     ("benchmark-csv-pipeline", f"redis-benchmark -p {REDIS_PORT} --csv -n 50000 -P 16 -t set,get,lpush,lpop,sadd,zadd"),
                     ("benchmark-csv-bigvalue", f"redis-benchmark -p {REDIS_PORT} --csv -n 2000 -d 8192 -t set,get,lrange_100; echo EXIT=$?")]:
        add(iid, cmd.replace(f"-p {REDIS_PORT} ", "-p 28287 "), cm.run(cmd, timeout=300), n_redis_bench_csv)
    for iid, secs, load in [("cli-stat-load", 8, f"redis-benchmark -p {REDIS_PORT} -q -n 60000 -c 20 -t set,lpush -r 100000 >/dev/null"),
                            ("cli-stat-idle", 6, f"sleep 2; {R} DEBUG SLEEP 1.5; {R} FLUSHDB ASYNC")]:
        cm.start(f"sleep 1; {load}", cwd=tmp)
        add(iid, f"timeout {secs} stdbuf -oL {R} --stat -i 1",
            cm.run(f"timeout {secs} stdbuf -oL {R} --stat -i 1", timeout=60), n_redis_cli_stat)
    cm.run(f"{R} SHUTDOWN NOSAVE", timeout=20)


def mariadb(tmp: Path) -> None:
    d = tmp / "my"
    d.mkdir(parents=True, exist_ok=True)
    shutil.chown(d, "mysql")
    cm.note(cm.run(f"mariadb-install-db --user=mysql --datadir={d}/data --auth-root-authentication-method=normal "
                   "--skip-test-db >/dev/null 2>&1; echo rc=$?", timeout=120))
    sock = d / "my.sock"
    cm.start(["mariadbd", "--no-defaults", "--user=mysql", f"--datadir={d}/data", f"--port={MY_PORT}",
              "--bind-address=127.0.0.1", f"--socket={sock}", "--skip-grant-tables", "--innodb-buffer-pool-size=128M",
              "--innodb-lock-wait-timeout=100", f"--pid-file={d}/my.pid", f"--log-error={d}/err.log"])
    M = f"mariadb -h 127.0.0.1 -P {MY_PORT} -u root"
    for _ in range(60):
        if cm.run(f"{M} -N -e 'SELECT 1'", timeout=10).strip() == "1":
            break
        time.sleep(0.5)
    sql = ["CREATE DATABASE shop; USE shop;",
           "CREATE TABLE customers(id INT PRIMARY KEY, region VARCHAR(16), tier VARCHAR(16)) ENGINE=InnoDB;",
           "CREATE TABLE orders(id INT AUTO_INCREMENT PRIMARY KEY, customer_id INT, status VARCHAR(16), amount DECIMAL(10,2), created DATE) ENGINE=InnoDB;",
           "INSERT INTO customers SELECT seq, ELT(1 + seq % 4, 'eu-west','us-east','ap-south','sa-east'), "
           "IF(seq % 500 = 0, 'platinum', IF(seq % 7 = 0, 'gold', 'basic')) FROM seq_1_to_20000;",
           "INSERT INTO orders(customer_id, status, amount, created) SELECT 1 + (seq * 7919) % 20000, "
           "IF(seq % 499 = 0, 'refunded', IF(seq % 23 = 0, 'pending', 'shipped')), (seq * 31) % 50000 / 100, "
           "'2024-01-01' + INTERVAL (seq % 700) DAY FROM seq_1_to_200000;",
           "CREATE TABLE skew(a INT, b INT, KEY(a)) ENGINE=InnoDB;",
           "INSERT INTO skew SELECT IF(seq % 1000 = 0, seq, 1), seq FROM seq_1_to_100000;"]
    (tmp / "my.sql").write_text("\n".join(sql) + "\n")
    cm.note(cm.run(f"{M} < my.sql; echo rc=$?", cwd=tmp, timeout=300)[-300:])
    MS = "mariadb -h 127.0.0.1 -P 38287 -u root"
    for iid, q in [("analyze-json-join", "ANALYZE FORMAT=JSON SELECT c.region, count(*), sum(o.amount) FROM shop.orders o "
                    "JOIN shop.customers c ON c.id = o.customer_id WHERE o.status = 'refunded' GROUP BY c.region"),
                   ("analyze-json-skew", "ANALYZE FORMAT=JSON SELECT count(*) FROM shop.skew s JOIN shop.orders o ON o.customer_id = s.b WHERE s.a = 1 AND o.created > '2025-11-01'"),
                   ("analyze-json-missing-index", "ANALYZE FORMAT=JSON SELECT * FROM shop.orders WHERE customer_id = 4242 ORDER BY created DESC LIMIT 5")]:
        add(iid, f"{MS} -N -r -e \"{q}\"", cm.run(f"{M} -N -r -e \"{q}\"", cwd=tmp, timeout=120), n_maria_analyze)
    # processlist: a holder, a lock waiter, busy sleepers
    cm.start(f"(echo \"BEGIN; UPDATE shop.customers SET tier = 'gold' WHERE id = 7;\"; sleep 100) | {M}", cwd=tmp)
    time.sleep(1)
    cm.start(f"{M} -e \"UPDATE shop.customers SET tier = 'basic' WHERE id = 7\"", cwd=tmp)
    for k in range(5):
        cm.start(f"{M} -e \"SELECT SLEEP(80 + {k})\"", cwd=tmp)
    cm.start(f"{M} -e \"SELECT count(*) FROM shop.orders a JOIN shop.orders b ON a.customer_id = b.customer_id\"", cwd=tmp)
    time.sleep(2)
    add("processlist-full", f"{MS} -e 'SHOW FULL PROCESSLIST'", cm.run(f"{M} -t -e 'SHOW FULL PROCESSLIST'", timeout=30),
        n_maria_processlist)
    add("processlist-is", f"{MS} -e \"SELECT ID, USER, DB, COMMAND, TIME, STATE, LEFT(INFO, 50) AS INFO, ROUND(PROGRESS, 1) AS PROGRESS "
        "FROM information_schema.PROCESSLIST ORDER BY TIME DESC\"; echo EXIT=$?",
        cm.run(f"{M} -t -e \"SELECT ID, USER, DB, COMMAND, TIME, STATE, LEFT(INFO, 50) AS INFO, ROUND(PROGRESS, 1) AS PROGRESS "
               "FROM information_schema.PROCESSLIST ORDER BY TIME DESC\"; echo EXIT=$?", timeout=30), n_maria_processlist)
    S = f"mariadb-slap -h 127.0.0.1 -P {MY_PORT} -u root"
    for iid, flags in [("slap-auto", "--auto-generate-sql --concurrency=1,4 --iterations=2 --number-of-queries=200"),
                       ("slap-query", "--create-schema=shop --query=\"SELECT count(*) FROM orders WHERE customer_id = 77\" "
                        "--concurrency=2,8 --iterations=2"),
                       ("slap-error", "--create-schema=shop --query=\"SELECT * FROM ordrs LIMIT 1\" --concurrency=2 --iterations=1")]:
        tail = "; echo EXIT=$?" if "error" in iid else ""
        add(iid, f"mariadb-slap -h 127.0.0.1 -P 38287 -u root {flags}{tail}",
            cm.run(f"{S} {flags}{tail}", cwd=tmp, timeout=150), n_maria_slap)
    cm.run(f"mariadb-admin -h 127.0.0.1 -P {MY_PORT} -u root shutdown", timeout=60)


def ensure_tools() -> None:
    """The servers from Debian, installed once."""
    for tool, pkg in [("redis-server", "redis-server"), ("mariadbd", "mariadb-server"), ("psql", "postgresql")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    return [redis, postgres, mariadb]


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide287", sys.modules["__main__"])
    main()
