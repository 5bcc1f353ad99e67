"""Round 13, database client outputs the corpus never met: MariaDB (the client's boxed tables, EXPLAIN, a \\G
record view, a failing migration) and PostgreSQL (EXPLAIN ANALYZE, \\d+ of a table, a migration stopped by
ON_ERROR_STOP, pgbench), each against a throwaway server started here on loopback / a private socket. Run through
capture_wide13.py."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

from collections import Counter

from capture_data import categorical, num, rule4
from capture_more import add_or_skip as add, free_port, kind, run, start, stop
from capture_wide10 import line_rule

PG_BIN = Path("/usr/lib/postgresql/15/bin")

SCHEMA = """CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL, country CHAR(2) NOT NULL, tier VARCHAR(8) NOT NULL);
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, status VARCHAR(12) NOT NULL, total DECIMAL(10,2) NOT NULL, placed DATE NOT NULL);
CREATE INDEX orders_customer ON orders (customer_id);
"""


def _rows() -> str:
    countries = ["DE", "FR", "DE", "NL", "DE", "ES", "DE", "IT", "DE", "FR"]
    out = ["INSERT INTO customers VALUES " + ",".join(
        f"({i},'customer {i:03d}','{countries[i % 10]}','{'gold' if i % 13 == 0 else 'basic'}')" for i in range(1, 61)) + ";"]
    statuses = ["paid"] * 8 + ["refunded", "open"]
    out.append("INSERT INTO orders VALUES " + ",".join(
        f"({i},{1 + (i * 7) % 60},'{statuses[i % 10] if i != 77 else 'chargeback'}',{(i * 37) % 500 + 0.99:.2f},'2026-0{1 + i % 9}-{1 + i % 28:02d}')"
        for i in range(1, 301)) + ";")
    return "\n".join(out) + "\n"


MIGRATION = """-- 0007: invoices, e-mail addresses, a currency per order
CREATE TABLE invoices (id INT PRIMARY KEY, order_id INT NOT NULL, issued DATE NOT NULL, amount DECIMAL(10,2) NOT NULL);
INSERT INTO invoices SELECT id, id, placed, total FROM orders WHERE status = 'paid';
CREATE INDEX invoices_order ON invoices (order_id);
ALTER TABLE customers ADD COLUMN email VARCHAR(80);
UPDATE customers SET email = CONCAT('c', id, '@example.test');
CREATE UNIQUE INDEX customers_email ON customers (email);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);
ALTER TABLE orders ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'EUR';
"""


@kind("mysql-table", "table")
def n_mysql_table(lines):
    """Rule 4 on the MariaDB/MySQL client's boxed table (+---+ borders): the header row; rows with a rare value in a categorical column while one value dominates; the min/max rows of every numeric column; and the 'N rows in set' line."""
    body = [ln for ln in lines if ln.startswith("|")]
    if not body:
        return []
    head = [c.strip() for c in body[0].strip("|").split("|")]
    rows = [(ln, dict(zip(head, (c.strip() for c in ln.strip("|").split("|"))))) for ln in body[1:]]
    nums = [c for c in head if all(num(r[c]) is not None for _, r in rows if r.get(c, "") not in ("", "NULL"))]
    out = rule4(rows, cat=categorical(rows, [c for c in head if c not in nums]), nums=nums, header=body[:1])
    return out + [ln for ln in lines if re.search(r"rows? in set", ln)]


n_mysql_explain = line_rule(
    "mysql-explain", "table",
    "Rule 5 on the MariaDB client's EXPLAIN: the header row and every plan row (its table, type, key and rows).",
    hit=r"^\|\s+(id|\d+)\s+\|")


@kind("mysql-vertical", "table")
def n_mysql_vertical(lines):
    """Rule 4 on a \\G record view, each record a row: for every categorical field whose most common value covers half the records, the 'field: value' line of each value held by at most 2 records; for every numeric field, the 'field: value' lines of its minimum and maximum; and the last '*** N. row ***' separator (how many records)."""
    recs: list[dict[str, str]] = []
    for ln in lines:
        if re.search(r"\*\*\* \d+\. row \*\*\*", ln):
            recs.append({})
        elif recs and (m := re.match(r"^\s*(\w+): (.*)$", ln)):
            recs[-1][m.group(1)] = m.group(2)
    out: list = [next((ln for ln in reversed(lines) if "row ***" in ln), None)]
    for f in (recs[0] if recs else {}):
        vals = [r.get(f, "") for r in recs]
        if all(num(v) is not None for v in vals):
            lo, hi = min(vals, key=num), max(vals, key=num)
            out += [f"{f}: {lo}", f"{f}: {hi}"]
            continue
        counts = Counter(vals)
        if counts.most_common(1)[0][1] * 2 >= len(vals):
            out += [f"{f}: {v}" for v, c in counts.items() if c <= 2]
    return out


n_mysql_error = line_rule(
    "mysql-migration-error", "log",
    "Rule 1 on the MariaDB client running a script: every 'ERROR NNNN (SQLSTATE) at line N: …' line.",
    hit=r"^ERROR \d+")
n_pg_explain = line_rule(
    "psql-explain-analyze", "table",
    "Rule 5 on PostgreSQL's EXPLAIN ANALYZE: every plan node line (a '->' node or the top node, with its cost and actual time), every 'Filter:' / 'Rows Removed by Filter:' / 'Sort Method:' line, and the 'Planning Time' / 'Execution Time' lines.",
    hit=r"^\s*(->\s+)?[A-Z][\w ]+(on \S+ )?.*\(cost=|Filter: |Rows Removed|Sort Method|Planning Time|Execution Time")
n_pg_describe = line_rule(
    "psql-describe", "table",
    "Rule 5 on psql's \\d+ of a table: the 'Table \"schema.name\"' title, every column row, every index / constraint / foreign-key line.",
    hit=r'^\s*Table "|^ \w+\s+\|\s+\w|^\s+"\w+"|^Indexes:|^Foreign-key|^Check constraints:|^Referenced by:')
n_pg_migration = line_rule(
    "psql-migration-error", "log",
    "Rule 1 on psql -f with ON_ERROR_STOP: every 'psql:file:N: ERROR: …' line with the 'DETAIL:' / 'HINT:' / 'LINE N:' lines after it; the command tags before it are progress.",
    hit=r"ERROR:|FATAL:", loc=r"DETAIL:|HINT:|LINE \d+:", ahead=3)
n_pgbench = line_rule(
    "pgbench", "log",
    "Rule 5 on pgbench: the scaling factor, the number of transactions processed, every latency line, the tps line, and any error / aborted line.",
    hit=r"scaling factor|number of transactions actually processed|number of failed|latency|^tps|aborted|ERROR|error")


def cap_mariadb(tmp: Path) -> None:
    if not Path("/usr/sbin/mariadbd").exists():
        return
    d = tmp / "mariadb"
    d.mkdir()
    run(f"chown mysql:mysql {d} && mariadb-install-db --user=mysql --datadir={d}/data --auth-root-authentication-method=normal >/dev/null 2>&1", timeout=300)
    sock = d / "mysqld.sock"
    p = start(f"mariadbd --user=mysql --datadir={d}/data --socket={sock} --port={free_port()} --bind-address=127.0.0.1 --pid-file={d}/pid --log-error={d}/err.log")
    for _ in range(60):
        if sock.exists():
            break
        time.sleep(0.5)
    cli = f"mariadb --socket={sock} -uroot"
    run(f"{cli} -e 'CREATE DATABASE shop'")
    (d / "seed.sql").write_text(SCHEMA + _rows())
    (d / "migrate.sql").write_text(MIGRATION)
    run(f"{cli} shop < {d}/seed.sql")
    q = "SELECT c.id, c.name, c.country, c.tier, COUNT(o.id) AS orders, SUM(o.total) AS spent FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id ORDER BY c.id"
    add("mariadb-table", f'mysql -t shop -e "{q}"', run(f'{cli} -t shop -e "{q}"'), n_mysql_table)
    q2 = ("EXPLAIN SELECT c.country, SUM(o.total) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'refunded' "
          "AND o.total > (SELECT AVG(total) FROM orders WHERE status = 'paid') AND c.id IN (SELECT customer_id FROM orders GROUP BY customer_id HAVING COUNT(*) > 3) "
          "GROUP BY c.country UNION SELECT 'all', SUM(total) FROM orders WHERE placed > '2026-05-01'")
    add("mariadb-explain", f'mysql -t shop -e "{q2}"', run(f'{cli} -t shop -e "{q2}"'), n_mysql_explain)
    q3 = "SELECT o.*, c.name, c.country, c.tier FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status <> 'paid' ORDER BY o.id LIMIT 25\\G"
    add("mariadb-vertical-g", f'mysql shop -e "{q3}"', run(f'{cli} shop -e "{q3}"'), n_mysql_vertical)
    add("mariadb-migration-error", "mysql -v shop < migrate.sql 2>&1", run(f"{cli} -v shop < {d}/migrate.sql 2>&1"), n_mysql_error)
    stop(p)


def start_shop_postgres(tmp: Path) -> tuple[Path, subprocess.Popen, str]:
    """A throwaway PostgreSQL on loopback with an empty `shop` database and seed.sql written
    (the shop schema and its rows), as rounds 13 and 19 use it."""
    d = tmp / "pg"
    d.mkdir()
    run(f"chown postgres {d}")
    pg = "runuser -u postgres --"
    run(f"{pg} {PG_BIN}/initdb -D {d}/data -A trust >/dev/null 2>&1", timeout=300)
    port = free_port()
    p = start(f"{pg} {PG_BIN}/postgres -D {d}/data -k {d} -p {port} -c listen_addresses=127.0.0.1")
    for _ in range(60):
        if (d / f".s.PGSQL.{port}").exists():
            break
        time.sleep(0.5)
    psql = f"{pg} psql -h {d} -p {port} -U postgres"
    run(f"{psql} -c 'CREATE DATABASE shop'")
    (d / "seed.sql").write_text(SCHEMA.replace("DECIMAL", "NUMERIC") + _rows() + "ANALYZE;\n")
    return d, p, psql


def cap_postgres(tmp: Path) -> None:
    if not (PG_BIN / "postgres").exists():
        return
    d, p, psql = start_shop_postgres(tmp)
    (d / "migrate.sql").write_text(MIGRATION.replace("CONCAT('c', id, '@example.test')", "'c' || id || '@example.test'")
                                   .replace("ADD COLUMN email VARCHAR(80)", "ADD COLUMN email VARCHAR(80)")
                                   .replace("REFERENCES customer (id)", "REFERENCES customers (id) ON DELETE CASCADE;\nALTER TABLE orders ALTER COLUMN total TYPE INT USING total::int;\nALTER TABLE customers ALTER COLUMN country SET NOT NULL, ADD CONSTRAINT tier_ok CHECK (tier IN ('gold', 'silver'))"))
    run(f"chmod -R a+r {d}/seed.sql {d}/migrate.sql && {psql} -d shop -q -f {d}/seed.sql")
    q = ("EXPLAIN ANALYZE SELECT c.country, c.tier, count(*), sum(o.total) FROM orders o JOIN customers c ON c.id = o.customer_id "
         "WHERE o.status IN ('refunded', 'open') AND o.placed > '2026-03-01' GROUP BY c.country, c.tier ORDER BY sum(o.total) DESC;")
    add("psql-explain-analyze", f'psql -d shop -c "{q}"', run(f'{psql} -d shop -c "{q}"'), n_pg_explain)
    add("psql-describe-plus", "psql -d shop -c '\\d+ orders'", run(f"{psql} -d shop -c 'ALTER TABLE orders ADD CONSTRAINT total_pos CHECK (total >= 0)' >/dev/null; {psql} -d shop -c '\\d+ orders'"), n_pg_describe)
    add("psql-migration-on-error-stop", "psql -d shop -v ON_ERROR_STOP=1 -a -f migrate.sql 2>&1",
        run(f"{psql} -d shop -v ON_ERROR_STOP=1 -a -f {d}/migrate.sql 2>&1"), n_pg_migration)
    run(f"{pg} {PG_BIN}/pgbench -h {d} -p {port} -U postgres -i -s 2 shop >/dev/null 2>&1", timeout=300)
    cmd = "pgbench -c 4 -j 2 -T 5 -P 1 shop 2>&1"
    add("pgbench-run", cmd, run(f"{pg} {PG_BIN}/pgbench -h {d} -p {port} -U postgres -c 4 -j 2 -T 5 -P 1 shop 2>&1", timeout=120), n_pgbench)
    stop(p)


STEPS = [cap_mariadb, cap_postgres]
