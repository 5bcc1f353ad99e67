"""Round 115's MariaDB tools and the extractors of their kinds (NEEDLES.md, "Round 115"): `shop`, a web shop's database
filled by a seeded generator, with MyISAM tables whose files are damaged while the server runs (mariadb-check,
mariadb-dump meet them), InnoDB tables two sessions deadlock on (SHOW ENGINE INNODB STATUS), clients with a wrong
password and unknown databases (mariadb-admin extended-status counts them). The server runs as user mysql on a Unix
socket under /tmp and 127.0.0.1. Run through capture_wide115.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port
from capture_wide115 import cap, client_errors, exit_lines

# ------------------------------------------------------------------ the extractors (rule 5 values, NEEDLES.md)


@cm.kind("mysqlcheck", "diag")
def n_mysqlcheck(lines):
    """Rules 1+4+5: every table line whose status is not OK with the error / warning / note / status lines under it, the Repairing tables line, the first and last OK table lines; client errors; EXIT=N."""
    out, oks = [], []
    for i, ln in enumerate(lines):
        if re.match(r"^\S+\.\S+\s+OK\s*$", ln):
            oks.append(ln)
        elif re.match(r"^\S+\.\S+", ln) and not ln.startswith("EXIT="):
            bad = [x for x in lines[i + 1:i + 8] if re.match(r"^(error|warning|note|status|Error)\s*:", x)]
            if bad or not re.search(r"\bOK\s*$", ln):
                out.append(ln)
                for x in lines[i + 1:i + 8]:
                    if re.match(r"^(error|warning|note|status|Error)\s*:", x):
                        out.append(x)
                    else:
                        break
        elif re.match(r"^Repairing tables", ln):
            out.append(ln)
    out += oks[:1] + oks[-1:]
    return out + [ln for ln in client_errors(lines) if not re.match(r"^(error|Error)\s*:", ln)] + exit_lines(lines)


EXT_ROWS = ("Aborted_clients", "Aborted_connects", "Connections", "Max_used_connections", "Questions", "Slow_queries",
            "Threads_connected", "Threads_running", "Innodb_buffer_pool_pages_free", "Innodb_row_lock_waits",
            "Innodb_deadlocks", "Uptime")


@cm.kind("mariadb-admin-status", "table")
def n_admin_status(lines):
    """Rule 5: status: the Uptime: line; extended-status: the header row and the Aborted_clients, Aborted_connects, Connections, Max_used_connections, Questions, Slow_queries, Threads_connected, Threads_running, Innodb_buffer_pool_pages_free, Innodb_row_lock_waits, Innodb_deadlocks, Uptime rows; error lines; EXIT=N."""
    out = []
    for ln in lines:
        if re.match(r"^Uptime: \d+", ln) or re.match(r"^\|\s*Variable_name\s*\|", ln):
            out.append(ln)
        else:
            m = re.match(r"^\|\s*(\w+)\s*\|", ln)
            if m and m.group(1) in EXT_ROWS:
                out.append(ln)
    return out + client_errors(lines) + exit_lines(lines)


INNODB_SECTIONS = ("BACKGROUND THREAD", "SEMAPHORES", "LATEST FOREIGN KEY ERROR", "LATEST DETECTED DEADLOCK",
                   "TRANSACTIONS", "FILE I/O", "INSERT BUFFER AND ADAPTIVE HASH INDEX", "LOG",
                   "BUFFER POOL AND MEMORY", "ROW OPERATIONS", "INDIVIDUAL BUFFER POOL INFO")


@cm.kind("innodb-status", "doc")
def n_innodb(lines):
    """Rule 5: every section header line, under LATEST DETECTED DEADLOCK every *** (N) TRANSACTION: / *** WE ROLL BACK TRANSACTION (N) line and each transaction's query line, the History list length line, the Buffer pool size and Free buffers lines, END OF INNODB MONITOR OUTPUT; client errors; EXIT=N."""
    out, sec = [], ""
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s in INNODB_SECTIONS and i + 1 < len(lines) and set(lines[i + 1].strip()) == {"-"}:
            out.append(ln)
            sec = s
            continue
        if sec == "LATEST DETECTED DEADLOCK":
            if re.match(r"^\*\*\* (\(\d+\) TRANSACTION:|WE ROLL BACK TRANSACTION)", s):
                out.append(ln)
            elif re.match(r"^(UPDATE|DELETE|INSERT|SELECT|REPLACE)\b", s, re.I):
                out.append(ln)
        if re.match(r"^(History list length|Buffer pool size\s|Free buffers\s)", s) or "END OF INNODB MONITOR OUTPUT" in s:
            out.append(ln)
    return out + [ln for ln in client_errors(lines) if "LATEST FOREIGN KEY ERROR" not in ln] + exit_lines(lines)


@cm.kind("mariadb-dump-error", "log")
def n_dump_err(lines):
    """Rules 1+3: every mariadb-dump: Got error: / Couldn't execute / mysqldump: error line, the -- Dump completed line; EXIT=N."""
    return [ln for ln in lines if re.search(r"^(mariadb-dump|mysqldump):|Got error:|Couldn't execute|^-- Dump completed",
                                            ln)] + exit_lines(lines)


# ------------------------------------------------------------------ the server

def gen_sql(seed: int) -> str:
    rnd = random.Random(seed)
    out = ["""
CREATE DATABASE IF NOT EXISTS shop; USE shop;
CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(80) NOT NULL, country CHAR(2), created DATE) ENGINE=InnoDB;
CREATE TABLE products (id INT PRIMARY KEY, sku VARCHAR(20) UNIQUE, title VARCHAR(120), price DECIMAL(10,2), stock INT)
  ENGINE=InnoDB;
CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, placed DATETIME, total DECIMAL(10,2), status VARCHAR(12),
  KEY (customer_id), KEY (status, placed)) ENGINE=InnoDB;
CREATE TABLE page_hits (id INT AUTO_INCREMENT PRIMARY KEY, path VARCHAR(200), hit_at DATETIME, ua VARCHAR(200),
  KEY (path), KEY (hit_at)) ENGINE=MyISAM;
CREATE TABLE search_log (id INT AUTO_INCREMENT PRIMARY KEY, q VARCHAR(200), results INT, KEY (q)) ENGINE=MyISAM;
CREATE TABLE coupons (code VARCHAR(16) PRIMARY KEY, pct INT, used INT) ENGINE=MyISAM;
CREATE TABLE audit (id INT AUTO_INCREMENT PRIMARY KEY, actor VARCHAR(40), action VARCHAR(40), at DATETIME) ENGINE=Aria;
CREATE VIEW big_spenders AS SELECT customer_id, SUM(total) AS spent FROM orders GROUP BY customer_id;
"""]
    for t, n, row in (
            ("customers", 2000, lambda i: f"({i}, 'c{i}@shop.example', '{rnd.choice(['DE', 'FR', 'NL', 'PL', 'IT'])}', "
                                          f"'2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}')"),
            ("products", 500, lambda i: f"({i}, 'SKU-{i:05d}', 'Product {i}', {rnd.randint(1, 999)}.99, {rnd.randint(0, 300)})"),
            ("orders", 8000, lambda i: f"({i}, {rnd.randint(1, 2000)}, '2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d} "
                                       f"12:00:00', {rnd.randint(5, 900)}.50, '{rnd.choice(['new', 'paid', 'shipped'])}')"),
            ("page_hits (path, hit_at, ua)", 20000, lambda i: f"('/p/{rnd.randint(1, 500)}', '2025-06-{rnd.randint(1, 28):02d}"
                                                               f" 10:00:00', 'Mozilla/5.0 bot{rnd.randint(1, 40)}')"),
            ("search_log (q, results)", 6000, lambda i: f"('{rnd.choice(['lamp', 'desk', 'chair', 'cable'])} {i}', {rnd.randint(0, 90)})"),
            ("coupons", 300, lambda i: f"('C{i:05d}', {rnd.choice([5, 10, 15])}, {rnd.randint(0, 9)})"),
            ("audit (actor, action, at)", 3000, lambda i: f"('u{rnd.randint(1, 30)}', 'login', '2025-01-01 00:00:00')")):
        rows = [row(i) for i in range(1, n + 1)]
        for k in range(0, n, 1000):
            out.append(f"INSERT INTO {t} VALUES " + ",".join(rows[k:k + 1000]) + ";")
    return "\n".join(out)


def my_steps(tmp: Path) -> None:
    d = tmp / "my"
    run(f"rm -rf {d}")
    (d / "sock").mkdir(parents=True)
    data = d / "data"
    port = free_port()
    run(f"chown -R mysql:mysql {d}")
    run(f"mariadb-install-db --no-defaults --user=mysql --datadir={data} --auth-root-authentication-method=normal "
        "--skip-test-db", cwd=d, timeout=300)
    sockf = d / "sock" / "mysqld.sock"
    p = cm.start(f"nice mariadbd --no-defaults --user=mysql --datadir={data} --socket={sockf} --port={port} "
                 f"--bind-address=127.0.0.1 --innodb-buffer-pool-size=32M --log-error={d}/error.log "
                 f"--pid-file={d}/mysqld.pid --innodb-print-all-deadlocks=ON", cwd=d)
    cli = f"-uroot -S {sockf}"
    try:
        for _ in range(60):
            if "Alive" in run(f"mariadb-admin {cli} ping 2>&1 | sed 's/alive/Alive/'", cwd=d):
                break
            time.sleep(1)
        (d / "shop.sql").write_text(gen_sql(1156))
        run(f"mariadb {cli} < shop.sql", cwd=d, timeout=600)
        # clients that fail: wrong password, unknown database
        for i in range(7):
            run(f"mariadb -uroot -pwrong{i} -h 127.0.0.1 -P {port} -e 'select 1'; mariadb {cli} nosuchdb{i} -e 'select 1'",
                cwd=d)
        # a deadlock between two sessions
        run(f"(mariadb {cli} shop -e 'BEGIN; UPDATE products SET stock=stock-1 WHERE id=7; SELECT SLEEP(2); "
            f"UPDATE products SET stock=stock-1 WHERE id=9; COMMIT;' &) ; sleep 1; mariadb {cli} shop -e 'BEGIN; "
            f"UPDATE products SET stock=stock+1 WHERE id=9; UPDATE products SET stock=stock+1 WHERE id=7; COMMIT;'; sleep 3",
            cwd=d, timeout=60)
        # a warehouse of many small tables, three of them damaged below
        wh = ["CREATE DATABASE warehouse; USE warehouse;"]
        rnd = random.Random(1157)
        for i in range(90):
            eng = rnd.choice(["MyISAM", "MyISAM", "Aria", "InnoDB"]) if i not in (17, 41, 66) else "MyISAM"
            wh.append(f"CREATE TABLE bin_{i:03d} (id INT AUTO_INCREMENT PRIMARY KEY, sku VARCHAR(20), qty INT, "
                      f"KEY (sku)) ENGINE={eng};")
            wh.append(f"INSERT INTO bin_{i:03d} (sku, qty) VALUES " + ",".join(
                f"('SKU-{rnd.randint(1, 99999):05d}', {rnd.randint(0, 500)})" for _ in range(rnd.randint(50, 400))) + ";")
        (d / "warehouse.sql").write_text("\n".join(wh))
        run(f"mariadb {cli} < warehouse.sql", cwd=d, timeout=600)
        run(f"mariadb {cli} shop -e 'FLUSH TABLES'", cwd=d)
        for i, how in ((17, "myi"), (41, "myd"), (66, "myi")):
            fp = data / "warehouse" / f"bin_{i:03d}.{how.upper()}"
            with open(fp, "r+b") as f:
                if how == "myi":
                    f.seek(1024)
                    f.write(b"\xff" * 1024)
                else:
                    f.truncate(f.seek(0, 2) - 100)
        # damage MyISAM files under the running server
        db = data / "shop"
        with open(db / "page_hits.MYI", "r+b") as f:
            f.seek(4096)
            f.write(b"\xff" * 2048)
        with open(db / "search_log.MYD", "r+b") as f:
            f.truncate(f.seek(0, 2) // 2)
        with open(db / "coupons.MYI", "r+b") as f:
            f.truncate(1024)
        cap("check-shop", f"mariadb-check {cli} shop", d, n_mysqlcheck)
        cap("check-all-grep-v-ok-echo", f"mariadb-check {cli} --all-databases --extended 2>&1 | grep -v 'OK$'; "
            "echo EXIT=$?", d, n_mysqlcheck)
        cap("check-all-databases", f"mariadb-check {cli} --all-databases", d, n_mysqlcheck)
        cap("check-warehouse-medium-tail", f"mariadb-check {cli} --medium-check warehouse 2>&1 | tail -n 80", d,
            n_mysqlcheck)
        cap("dump-shop-tail", f"mariadb-dump {cli} shop 2>&1 | tail -n 80", d, n_dump_err)
        cap("dump-force-grep-echo", f"mariadb-dump {cli} --force --databases shop nosuchdb 2>&1 | "
            "grep -iE 'error|dump completed|^-- (Table|Dumping)'; echo EXIT=$?", d, n_dump_err)
        cap("mysqlcheck-auto-repair", f"mysqlcheck {cli} --auto-repair shop", d, n_mysqlcheck)
        cap("admin-status-ext", f"mariadb-admin {cli} status extended-status", d, n_admin_status)
        cap("admin-ext-grep-echo", f"mariadb-admin {cli} extended-status | grep -iE 'abort|innodb_(row|dead)|thread|conn'; "
            "echo EXIT=$?", d, n_admin_status)
        cap("admin-ext-wrongpw", f"mariadb-admin -uroot -pnope -h 127.0.0.1 -P {port} status; mariadb-admin {cli} "
            "extended-status 2>&1 | head -n 120", d, n_admin_status)
        # many sessions holding and waiting for row locks while the status is read
        run(f"mariadb {cli} -e 'SET GLOBAL innodb_status_output_locks=ON'", cwd=d)
        held = []
        for k in range(24):
            sql = (f"BEGIN; UPDATE orders SET status='held' WHERE id IN ({k * 50 + 1}, {k * 50 + 2}); "
                   f"UPDATE products SET stock=stock-1 WHERE id={k % 6 + 20}; SELECT SLEEP(25); ROLLBACK;")
            held.append(cm.start(["mariadb", "-uroot", "-S", str(sockf), "shop", "-e", sql], cwd=d))
        time.sleep(4)
        cap("innodb-status-locks", f"mariadb {cli} -e 'SHOW ENGINE INNODB STATUS\\G'", d, n_innodb)
        cap("innodb-status-locks-tail", f"mariadb {cli} -e 'SHOW ENGINE INNODB STATUS\\G' 2>&1 | tail -n 80", d, n_innodb)
        for h in held:
            cm.stop(h)
        run(f"mariadb {cli} -e 'SET GLOBAL innodb_status_output_locks=OFF'", cwd=d)
        cap("innodb-status", f"mariadb {cli} -e 'SHOW ENGINE INNODB STATUS\\G'", d, n_innodb)
        cap("innodb-status-echo", f"mariadb {cli} -e 'SHOW ENGINE INNODB STATUS\\G' 2>&1; echo EXIT=$?", d, n_innodb)
    finally:
        run(f"mariadb-admin {cli} shutdown", cwd=d, timeout=120)
        cm.stop(p)


STEPS = [my_steps]
