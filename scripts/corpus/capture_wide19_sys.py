"""Round 19, databases, build systems and crashes: PostgreSQL 15 and MariaDB on loopback with a shop schema (psql
errors, EXPLAIN ANALYZE, a table; the mysql client's errors and a table), sqlite3 .schema and .dump of a real schema,
a loopback redis (INFO, MONITOR under a scripted load, SLOWLOG GET); a C ring-buffer library built with make -k,
cmake (warnings, a configure error) and ninja (a failure); and its crashes (gdb -batch bt, valgrind leaks, ASan, UBSan,
an assert that dumps core). Run through capture_wide19.py."""

from __future__ import annotations

import re
import time
from pathlib import Path

from capture_data import free_port, stop, wait_port
from capture_more import kind, n_cmake, n_schema, run, start, write_tree
from capture_wide import n_gdb, n_psql, n_redis_info
from capture_wide5 import n_cmake_cfg, n_ninja, n_valgrind_leak
from capture_wide6_new2 import n_asan, n_sqlite_dump, n_ubsan
from capture_wide10 import line_rule
from capture_wide13_db import (MIGRATION, SCHEMA, _rows, n_mysql_error, n_mysql_table, n_pg_explain, n_pg_migration,
                               start_shop_postgres)
from capture_wide15_langs import n_make
from capture_wide16_logs import n_redis_monitor
from capture_wide19 import add, cap
from capture_wide19_sys_c import C_CRASH, C_FILES, C_WARN_FILES, CMAKE, CMAKE_BAD, MAKEFILE


@kind("redis-slowlog", "log")
def n_redis_slowlog(lines: list[str]) -> list:
    """Rule 5 on redis-cli SLOWLOG GET as a pipe prints it (one value a line: id, unix time, microseconds, the argv,
    the client's address, its name): the command name of every entry, and for the three slowest entries their
    duration line, every argument line and the client address, so 'which command was slow, how slow, from where' is
    answered."""
    entries = []
    for i in range(1, len(lines) - 2):
        if re.fullmatch(r"\d{10}", lines[i]) and re.fullmatch(r"\d+", lines[i - 1]) \
                and re.fullmatch(r"\d+", lines[i + 1]):
            end = next((k for k in range(i + 2, len(lines)) if re.fullmatch(r"[\d.]+:\d+", lines[k])), len(lines))
            addr = lines[end] if end < len(lines) else None
            entries.append((int(lines[i + 1]), lines[i + 1], lines[i + 2:end], addr))
    out: list = [argv[0] for _, _, argv, _ in entries if argv]
    for _, dur, argv, addr in sorted(entries, key=lambda e: -e[0])[:3]:
        out += [dur, *argv, addr]
    return [n for n in out if n and n.strip()]


# a program dying on a signal under a shell: the shell's signal line and the program's own last words
n_shell_crash = line_rule(
    "shell-signal-crash", "log",
    "Rule 1 on a program killed by a signal under bash: the shell's '… Segmentation fault (core dumped)' / 'Aborted (core dumped)' line, every assertion / error line the program printed, and the exit status echoed after it.",
    hit=r"(Segmentation fault|Aborted|Floating point exception|Bus error)( \(core dumped\))?|Assertion .* failed"
        r"|[Ee]rror|^exit=\d+")


# ================================================================== databases

def cap_postgres(tmp: Path) -> None:
    d, p, psql = start_shop_postgres(tmp)
    # a migration written by hand: a typo'd table, a type change with bad data, a NOT NULL over NULLs, a bad FK
    (d / "migrate.sql").write_text("""ALTER TABLE orders ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'EUR';
CREATE INDEX orders_status_idx ON orders (status);
ALTER TABLE order ADD COLUMN note TEXT;
UPDATE orders SET total = total * 1.19 WHERE customer_id IN (SELECT id FROM customers WHERE country = 'DE');
ALTER TABLE customers ADD COLUMN email VARCHAR(80);
ALTER TABLE customers ALTER COLUMN email SET NOT NULL;
CREATE TABLE invoices (id SERIAL PRIMARY KEY, order_id INT REFERENCES orders (id), issued DATE NOT NULL);
INSERT INTO invoices (order_id, issued) VALUES (999999, '2026-11-30');
INSERT INTO invoices (order_id, issued) VALUES (1, '2026-13-01');
SELECT country, tier, count(*) FROM customers GROUP BY country;
SELECT c.country, c.tier, count(*) AS orders, sum(o.total) AS revenue FROM customers c JOIN orders o ON o.customer_id = c.id
  GROUP BY c.country, c.tier ORDER BY revenue DESC;
SELECT id, totl FROM orders LIMIT 3;
SELECT status, count(*), min(total), max(total) FROM orders GROUP BY status ORDER BY 2 DESC;
""")
    run(f"chmod -R a+r {d}/seed.sql {d}/migrate.sql && {psql} -d shop -q -f {d}/seed.sql")
    add("psql-f-migration-errors", "psql -d shop -f migrate.sql",
        run(f"cd {d} && {psql} -d shop -f migrate.sql 2>&1"), n_pg_migration)
    q = ("EXPLAIN (ANALYZE, BUFFERS) SELECT c.tier, c.country, count(*) AS n, avg(o.total) FROM customers c "
         "JOIN orders o ON o.customer_id = c.id WHERE o.placed >= '2026-02-01' AND o.status <> 'paid' "
         "AND c.id IN (SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) > 2) "
         "GROUP BY c.tier, c.country ORDER BY avg(o.total) DESC;")
    add("psql-explain-analyze-buffers", f'psql -d shop -c "{q}"', run(f'{psql} -d shop -c "{q}"'), n_pg_explain)
    q2 = ("SELECT o.id, o.customer_id, c.name, c.country, o.status, o.total, o.placed FROM orders o "
          "JOIN customers c ON c.id = o.customer_id ORDER BY o.id LIMIT 120;")
    add("psql-orders-table", f'psql -d shop -c "{q2}"', run(f'{psql} -d shop -c "{q2}"'), n_psql)
    stop(p)


def cap_mariadb(tmp: Path) -> None:
    d = tmp / "mariadb"
    d.mkdir()
    run(f"chown mysql:mysql {d} && mariadb-install-db --user=mysql --datadir={d}/data "
        "--auth-root-authentication-method=normal >/dev/null 2>&1", timeout=300)
    sock = d / "mysqld.sock"
    p = start(f"mariadbd --user=mysql --datadir={d}/data --socket={sock} --port={free_port()} "
              f"--bind-address=127.0.0.1 --pid-file={d}/pid --log-error={d}/err.log")
    for _ in range(60):
        if sock.exists():
            break
        time.sleep(0.5)
    cli = f"mariadb --socket={sock} -uroot"
    run(f"{cli} -e 'CREATE DATABASE shop'")
    (d / "seed.sql").write_text(SCHEMA + _rows())
    (d / "migrate.sql").write_text(MIGRATION + """
-- 0008: loyalty points and a report view
ALTER TABLE customers ADD COLUMN points INT NOT NULL DEFAULT 0;
UPDATE customers c SET points = (SELECT FLOOR(SUM(total) / 10) FROM orders o WHERE o.customer_id = c.id);
CREATE VIEW top_customers AS SELECT id, name, points FROM customers ORDER BY points DESC LIMIT 10;
SELECT * FROM top_customer;
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
INSERT INTO orders (id, customer_id, status, total, placed) VALUES (301, 999, 'open', 10.00, '2026-11-30');
INSERT INTO orders (id, customer_id, status, total, placed) VALUES (1, 2, 'paid', 5.00, '2026-11-30');
ALTER TABLE orders MODIFY status ENUM('paid', 'open') NOT NULL;
SELECT status, COUNT(*) FROM orders GROUP BY status;
""")
    run(f"{cli} shop < {d}/seed.sql")
    add("mysql-force-migration", "mysql --force -v shop < migrate.sql",
        run(f"{cli} --force -v shop < {d}/migrate.sql 2>&1"), n_mysql_error)
    q = ("SELECT c.id, c.name, c.country, c.tier, COUNT(*) AS orders, SUM(o.total) AS revenue, MIN(o.placed) AS first, "
         "MAX(o.placed) AS last FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.id "
         "ORDER BY revenue DESC")
    add("mysql-revenue-table", f'mysql -t shop -e "{q}"', run(f'{cli} -t shop -e "{q}"'), n_mysql_table)
    stop(p)


SQLITE_SCHEMA = """PRAGMA foreign_keys = ON;
CREATE TABLE authors (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, born INTEGER, country TEXT);
CREATE TABLE books (id INTEGER PRIMARY KEY, isbn TEXT UNIQUE, title TEXT NOT NULL, author_id INTEGER NOT NULL
  REFERENCES authors(id) ON DELETE CASCADE, year INTEGER CHECK (year > 1400), pages INTEGER, price_cents INTEGER);
CREATE TABLE members (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, joined TEXT DEFAULT (date('now')),
  status TEXT CHECK (status IN ('active', 'suspended', 'left')) DEFAULT 'active');
CREATE TABLE loans (id INTEGER PRIMARY KEY, book_id INTEGER REFERENCES books(id), member_id INTEGER REFERENCES
  members(id), out_on TEXT NOT NULL, due_on TEXT NOT NULL, returned_on TEXT);
CREATE INDEX loans_member ON loans(member_id, out_on);
CREATE INDEX loans_open ON loans(due_on) WHERE returned_on IS NULL;
CREATE INDEX books_author_year ON books(author_id, year);
CREATE VIEW overdue AS SELECT l.id, m.email, b.title, l.due_on FROM loans l JOIN members m ON m.id = l.member_id
  JOIN books b ON b.id = l.book_id WHERE l.returned_on IS NULL AND l.due_on < date('now');
CREATE VIEW author_stats AS SELECT a.name, count(b.id) AS books, avg(b.pages) AS avg_pages FROM authors a
  LEFT JOIN books b ON b.author_id = a.id GROUP BY a.id;
CREATE TRIGGER loans_no_double BEFORE INSERT ON loans WHEN EXISTS (SELECT 1 FROM loans WHERE book_id = NEW.book_id
  AND returned_on IS NULL) BEGIN SELECT RAISE(ABORT, 'book already on loan'); END;
CREATE TRIGGER members_suspend AFTER UPDATE OF status ON members WHEN NEW.status = 'suspended'
  BEGIN UPDATE loans SET due_on = date('now') WHERE member_id = NEW.id AND returned_on IS NULL; END;
CREATE TABLE audit (at TEXT DEFAULT CURRENT_TIMESTAMP, what TEXT NOT NULL, row_id INTEGER);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
"""


def _sqlite_rows() -> str:
    out = [f"INSERT INTO authors VALUES ({i}, 'Author {i}', {1900 + i * 3}, '{['UK', 'US', 'FR', 'DE'][i % 4]}');"
           for i in range(1, 13)]
    out += [f"INSERT INTO books VALUES ({i}, '978-{i:09d}', 'Book {i}', {i % 12 + 1}, {1950 + i}, {120 + i * 7}, "
            f"{999 + i * 50});" for i in range(1, 41)]
    out += [f"INSERT INTO members (id, email, joined, status) VALUES ({i}, 'm{i}@example.com', '2026-0{i % 9 + 1}-1{i % 9}', "
            f"'{'suspended' if i == 7 else 'active'}');" for i in range(1, 16)]
    out += [f"INSERT INTO loans VALUES ({i}, {i}, {i % 15 + 1}, '2026-10-{i % 28 + 1:02d}', '2026-11-{i % 28 + 1:02d}', "
            f"{'NULL' if i % 4 == 0 else repr('2026-11-05')});" for i in range(1, 25)]
    out += ["INSERT INTO settings VALUES ('fine_cents_per_day', '25'), ('max_loans', '5');"]
    return "\n".join(out) + "\n"


def cap_sqlite(tmp: Path) -> None:
    d = tmp / "library-db"
    d.mkdir()
    (d / "schema.sql").write_text(SQLITE_SCHEMA + _sqlite_rows())
    run("sqlite3 library.db < schema.sql", cwd=d)
    cap("sqlite-schema-library", "sqlite3 library.db .schema", d, n_schema)
    cap("sqlite-dump-library", "sqlite3 library.db .dump", d, n_sqlite_dump)


def cap_redis(tmp: Path) -> None:
    d = tmp / "redis"
    d.mkdir()
    port = free_port()
    p = start(f"redis-server --port {port} --bind 127.0.0.1 --save '' --appendonly no --dir {d} "
              "--slowlog-log-slower-than 0 --slowlog-max-len 40")
    if not wait_port(port):
        raise RuntimeError("redis did not start")
    cli = f"redis-cli -p {port}"
    mon = d / "monitor.log"
    with mon.open("w") as fh:
        m = start(f"{cli} monitor", log=fh)
        time.sleep(0.5)
        load = ["SET session:{i} token{i} EX 3600", "HSET user:{i} name u{i} plan free", "INCR hits:{k}",
                "LPUSH queue:jobs job{i}", "GET session:{i}", "EXPIRE user:{i} 86400"]
        script = "\n".join(load[i % len(load)].format(i=i, k=i % 4) for i in range(90))
        script += "\nKEYS *\nFLUSHDB ASYNC\nCONFIG SET maxmemory 64mb\nSMEMBERS missing\n"
        (d / "load.txt").write_text(script)
        run(f"{cli} < {d}/load.txt > /dev/null")
        time.sleep(0.5)
        stop(m)
    add("redis-cli-monitor", f"timeout 5 redis-cli -p {port} monitor", mon.read_text(), n_redis_monitor)
    run(f"{cli} DEBUG SLEEP 0.02 >/dev/null; {cli} SORT queue:jobs ALPHA >/dev/null")
    cap("redis-slowlog-get", f"redis-cli -p {port} SLOWLOG GET 25", d, n_redis_slowlog)
    cap("redis-info-all", f"redis-cli -p {port} INFO", d, n_redis_info)
    stop(p)


# ================================================================== builds and crashes

def cap_builds(tmp: Path) -> None:
    d = tmp / "ringbuf"
    write_tree(d, {**C_FILES, "Makefile": MAKEFILE, "CMakeLists.txt": CMAKE})
    cap("make-k-ringbuf", "make -k", d, n_make)
    run("make clean >/dev/null 2>&1", cwd=d)
    write_tree(d, C_WARN_FILES)  # the errors fixed, the warnings left
    cap("cmake-build-warnings", "cmake -S . -B build && cmake --build build", d, n_cmake)
    write_tree(d, {"src/stats.c": C_FILES["src/stats.c"]})  # an error again, now under ninja
    cap("ninja-ringbuf", "cmake -S . -B build-ninja -G Ninja >/dev/null && ninja -C build-ninja", d, n_ninja)
    b = tmp / "ringbuf-cfg"
    write_tree(b, {**C_WARN_FILES, "CMakeLists.txt": CMAKE_BAD})
    cap("cmake-configure-error", "cmake -S . -B build", b, n_cmake_cfg)


def cap_crashes(tmp: Path) -> None:
    d = tmp / "crash"
    write_tree(d, C_CRASH)
    run("gcc -g -O0 -o segv segv.c && gcc -g -O0 -o leak leak.c && gcc -g -fsanitize=address -o asan asan.c "
        "&& gcc -g -fsanitize=undefined -o ubsan ubsan.c && gcc -g -o ring_check ring_check.c", cwd=d)
    cap("gdb-batch-bt-full", "gdb -batch -ex run -ex 'bt full' --args ./segv data.txt", d, n_gdb)
    cap("valgrind-leak-check-full", "valgrind --leak-check=full --show-leak-kinds=definite ./leak 40", d,
        n_valgrind_leak)
    cap("asan-heap-overflow", "./asan 24", d, n_asan)
    cap("ubsan-runtime-errors", "./ubsan", d, n_ubsan)
    cap("shell-abort-core-dumped", "ulimit -c unlimited; ./ring_check 64; echo \"exit=$?\"", d, n_shell_crash)


STEPS = [cap_sqlite, cap_redis, cap_builds, cap_crashes, cap_postgres, cap_mariadb]
