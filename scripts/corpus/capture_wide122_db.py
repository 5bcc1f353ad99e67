"""Round 122's database items (second samples of round 115's kinds, its extractors imported): `fleet`, a haulage
company's PostgreSQL 15 database filled by a seeded generator in a cluster made without data checksums, with
transactions rolled back (ABORT records in the WAL), dead rows for vacuum, and a btree index page and two heap pages
overwritten while the cluster is stopped (pg_amcheck meets them); pgloader loading a CSV of toll records and a SQLite
workshop file with bad rows; MariaDB's `depot` (parcels, couriers, scans) and `archive` databases with a MyISAM index
file cut short, a data file with its middle overwritten and an Aria table damaged, two sessions deadlocking on couriers,
clients failing to log in. Run through capture_wide122.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port
from capture_wide115 import PGBIN
from capture_wide115_my import n_admin_status, n_innodb, n_mysqlcheck
from capture_wide115_pg import n_amcheck, n_pgloader, n_vacuumdb, n_waldump
from capture_wide122 import cap


def psql(sock: Path, port: int, db: str, sql: str, cwd: Path) -> str:
    f = cwd / "q.sql"
    f.write_text(sql)
    run(f"chmod 644 {f}")
    return run(f"{PGBIN}/psql -X -q -v ON_ERROR_STOP=0 -h {sock} -p {port} -U postgres -d {db} -f {f}", cwd=cwd,
               timeout=900)


def fleet_sql(seed: int) -> str:
    rnd = random.Random(seed)
    out = ["""
CREATE EXTENSION IF NOT EXISTS amcheck;
CREATE TABLE depots (id serial PRIMARY KEY, name text NOT NULL, region text NOT NULL);
CREATE TABLE drivers (id serial PRIMARY KEY, licence text UNIQUE NOT NULL, name text NOT NULL, depot_id int
  REFERENCES depots(id), hired date NOT NULL);
CREATE TABLE vehicles (id serial PRIMARY KEY, plate text UNIQUE NOT NULL, model text NOT NULL, axles int NOT NULL,
  depot_id int REFERENCES depots(id), mot_due date);
CREATE TABLE trips (id bigserial PRIMARY KEY, vehicle_id int NOT NULL, driver_id int NOT NULL, started timestamptz
  NOT NULL, km numeric(8,1) NOT NULL, origin text, destination text, status text NOT NULL);
CREATE TABLE fuel_receipts (id bigserial PRIMARY KEY, vehicle_id int NOT NULL, filled_at timestamptz NOT NULL,
  litres numeric(7,2) NOT NULL, price numeric(6,3) NOT NULL, station text);
CREATE INDEX trips_vehicle_started_idx ON trips(vehicle_id, started);
CREATE INDEX trips_driver_idx ON trips(driver_id);
CREATE INDEX trips_status_idx ON trips(status);
CREATE INDEX fuel_vehicle_idx ON fuel_receipts(vehicle_id, filled_at);
CREATE INDEX fuel_station_idx ON fuel_receipts(station);
"""]
    regions = ["north", "midlands", "south-west", "east", "scotland"]
    out.append("INSERT INTO depots (name, region) VALUES " + ",".join(
        f"('Depot {i}', '{rnd.choice(regions)}')" for i in range(1, 41)) + ";")
    out.append("INSERT INTO drivers (licence, name, depot_id, hired) VALUES " + ",\n".join(
        f"('LIC{100000 + i}', 'Driver {rnd.choice(['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'])} {i}', {rnd.randint(1, 40)}, "
        f"DATE '2012-01-01' + {rnd.randint(0, 4500)})" for i in range(600)) + ";")
    out.append("INSERT INTO vehicles (plate, model, axles, depot_id, mot_due) VALUES " + ",\n".join(
        f"('FL{i:03d} {rnd.choice('ABCDEFGH')}{rnd.choice('JKLMNPRS')}{rnd.choice('TUVWXY')}', "
        f"'{rnd.choice(['Actros', 'FH16', 'TGX', 'XF', 'R450'])}', {rnd.choice([2, 3, 3, 4, 5])}, {rnd.randint(1, 40)}, "
        f"DATE '2026-01-01' + {rnd.randint(0, 365)})" for i in range(450)) + ";")
    out.append("""
INSERT INTO trips (vehicle_id, driver_id, started, km, origin, destination, status)
SELECT 1 + (g * 31) % 450, 1 + (g * 17) % 600, TIMESTAMPTZ '2025-01-01' + (g || ' minutes')::interval * 7,
  ((g * 97) % 9000) / 10.0, 'Depot ' || (1 + g % 40), 'Drop ' || (g % 900),
  (ARRAY['done','done','done','cancelled','late','done'])[1 + g % 6] FROM generate_series(1, 70000) g;
INSERT INTO fuel_receipts (vehicle_id, filled_at, litres, price, station)
SELECT 1 + (g * 13) % 450, TIMESTAMPTZ '2025-01-01' + (g || ' minutes')::interval * 19, 50 + (g % 600) / 2.0,
  1.3 + (g % 40) / 100.0, (ARRAY['Shell M1','BP A14','Esso M6','Tesco Hull','Gulf Leeds'])[1 + g % 5]
  FROM generate_series(1, 40000) g;
DELETE FROM trips WHERE status = 'cancelled' AND id % 2 = 0;
UPDATE trips SET status = 'done' WHERE status = 'late' AND id % 5 = 0;
DELETE FROM fuel_receipts WHERE id % 7 = 0;
""")
    return "\n".join(out)


ROLLBACKS = """
BEGIN; UPDATE vehicles SET depot_id = 3 WHERE axles = 5; INSERT INTO trips (vehicle_id, driver_id, started, km, status)
  VALUES (9, 9, now(), 12.5, 'planned'); ROLLBACK;
BEGIN; DELETE FROM fuel_receipts WHERE station = 'Gulf Leeds' AND id < 300; ROLLBACK;
INSERT INTO trips (vehicle_id, driver_id, started, km, status) VALUES (1, 2, now(), 88.0, 'done');
BEGIN; INSERT INTO drivers (licence, name, depot_id, hired) VALUES ('LIC100001', 'Dup', 1, now()); COMMIT;
UPDATE vehicles SET mot_due = mot_due + 30 WHERE id BETWEEN 100 AND 104;
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
    run(f"runuser -u postgres -- {PGBIN}/initdb -D {data} -U postgres -A trust", cwd=d, timeout=300)
    with open(data / "postgresql.conf", "a") as f:
        f.write(f"listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{sock}'\n"
                "wal_level = replica\nwal_keep_size = 2GB\nshared_buffers = 32MB\nfsync = off\nautovacuum = off\n")
    ctl = f"runuser -u postgres -- {PGBIN}/pg_ctl -D {data} -l {d}/server.log -w"
    out = run(f"{ctl} start", cwd=d, timeout=120)
    if "server started" not in out:
        raise RuntimeError(f"postgres did not start: {out[-400:]}")
    B, conn = PGBIN, f"-h {sock} -p {port} -U postgres"
    env = {"PATH": f"{B}:/usr/bin:/bin"}
    run(f"{B}/createdb {conn} fleet", cwd=d)
    psql(sock, port, "fleet", fleet_sql(1223), d)
    run(f"{B}/createdb {conn} dispatch", cwd=d)
    psql(sock, port, "dispatch", fleet_sql(1224).replace("70000", "20000").replace("40000", "9000"), d)
    run(f"chmod a+rx {d} {sock}")
    # the WAL from here: rolled-back transactions among committed ones
    run(f"{B}/psql -X {conn} -d fleet -c 'SELECT pg_switch_wal()'", cwd=d)
    psql(sock, port, "fleet", ROLLBACKS * 4, d)
    # the segment the rolled-back transactions went to (just after a switch, the current LSN names the one before)
    seg = run(f"{B}/psql -X -At {conn} -d fleet -c \"SELECT pg_walfile_name(pg_current_wal_lsn())\"", cwd=d).strip()
    cap("vacuumdb-v-fleet-tables-echo", f"vacuumdb {conn} -v -d fleet -t trips -t fuel_receipts -t drivers; "
        "echo EXIT=$?", d, n_vacuumdb, env=env)
    cap("vacuumdb-v-all-tail", f"vacuumdb {conn} --all -v --skip-locked 2>&1 | tail -n 100", d, n_vacuumdb, env=env)
    run(f"{B}/psql -X {conn} -d fleet -c 'CHECKPOINT'", cwd=d)
    run(f"{B}/psql -X {conn} -d fleet -c 'SELECT pg_switch_wal()'", cwd=d)
    wal = data / "pg_wal"
    cap("waldump-seg-head", f"pg_waldump -p {wal} {seg} 2>&1 | head -n 300", d, n_waldump, env=env)
    cap("waldump-xact-echo", f"pg_waldump -p {wal} -r Transaction {seg}; echo EXIT=$?", d, n_waldump, env=env)
    cap("waldump-stats-record", f"pg_waldump -p {wal} --stats=record {seg}", d, n_waldump, env=env)
    # pages overwritten while the cluster is stopped
    rels = {}
    for r in ("trips_driver_idx", "fuel_receipts", "trips"):
        rels[r] = run(f"{B}/psql -X -At {conn} -d fleet -c \"SELECT pg_relation_filepath('{r}')\"", cwd=d).strip()
    run(f"{ctl} stop -m fast", cwd=d)
    rnd = random.Random(1225)
    for r, blocks, off, width in (("trips_driver_idx", (4, 9), 1200, 48), ("fuel_receipts", (2,), 40, 24),
                                  ("trips", (11, 12), 6000, 96)):
        fp = data / rels[r]
        if not fp.exists():
            cm.note(f"no file for {r}: {fp}")
            continue
        with open(fp, "r+b") as f:
            for b in blocks:
                f.seek(b * 8192 + off)
                f.write(bytes(rnd.randrange(256) for _ in range(width)))
    run(f"{ctl} start", cwd=d, timeout=120)
    try:
        cap("amcheck-fleet-heapallindexed-echo", f"pg_amcheck {conn} -d fleet --heapallindexed; echo EXIT=$?", d,
            n_amcheck, env=env)
        # the first check can take the server down (a damaged heap tuple); wait for its recovery before the next
        ready = f"for i in $(seq 90); do {B}/pg_isready -q {conn} && break; sleep 1; done"
        run(ready, cwd=d, timeout=120)
        cap("amcheck-all-parent-tail", f"pg_amcheck {conn} --all --parent-check --heapallindexed 2>&1 | tail -n 60", d,
            n_amcheck, env=env)
        run(ready, cwd=d, timeout=120)
        pgloader(d, sock, port)
    finally:
        run(f"{ctl} stop -m fast", cwd=d, timeout=120)


LOAD_TOLLS = """LOAD CSV
     FROM '{csv}' (plate, gantry, passed_at, charge_gbp, lane)
     INTO postgresql://postgres@unix:{sock}:{port}/fleet?tolls (plate, gantry, passed_at, charge_gbp, lane)
     WITH skip header = 1, fields terminated by ';', batch rows = 400
     BEFORE LOAD DO $$ DROP TABLE IF EXISTS tolls; $$,
     $$ CREATE TABLE tolls (plate varchar(10) NOT NULL, gantry text NOT NULL, passed_at timestamptz NOT NULL,
        charge_gbp numeric(6,2) CHECK (charge_gbp >= 0), lane smallint); $$;
"""


def gen_tolls(path: Path, seed: int, n: int) -> None:
    rnd = random.Random(seed)
    rows = ["plate;gantry;passed_at;charge_gbp;lane"]
    for i in range(n):
        plate = f"FL{rnd.randint(0, 449):03d} ABC"
        g = rnd.choice(["M6T-J3", "M6T-J11", "DART-N", "DART-S", "MERSEY-G"])
        ts = f"2026-03-{rnd.randint(1, 28):02d} {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:00"
        c, lane = f"{rnd.uniform(2, 19):.2f}", str(rnd.randint(1, 6))
        r = rnd.random()
        if r < 0.015:
            c = f"-{rnd.uniform(1, 5):.2f}"               # the CHECK fails
        elif r < 0.025:
            lane = str(rnd.randint(40000, 90000))        # out of smallint
        elif r < 0.033:
            plate = "FLEETVEHICLE-UNREGISTERED"          # too long for varchar(10)
        elif r < 0.04:
            ts = "2026-03-00 25:61:00"                  # no such time
        rows.append(";".join((plate, g, ts, c, lane)))
    path.write_text("\n".join(rows) + "\n")


def gen_workshop(path: Path, seed: int) -> None:
    import sqlite3
    rnd = random.Random(seed)
    if path.exists():
        path.unlink()
    con = sqlite3.connect(path)
    con.executescript("""
CREATE TABLE jobs (id INTEGER PRIMARY KEY, plate TEXT NOT NULL, opened DATE, hours REAL, cost NUMERIC, kind TEXT);
CREATE TABLE parts (sku TEXT PRIMARY KEY, name TEXT, stock INTEGER, unit_cost NUMERIC);
CREATE TABLE job_parts (job_id INTEGER REFERENCES jobs(id), sku TEXT REFERENCES parts(sku), qty INTEGER);
""")
    for i in range(1, 2500):
        hours = round(rnd.uniform(0.5, 12), 1) if rnd.random() > 0.02 else rnd.choice(["all day", "?"])
        opened = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}" if rnd.random() > 0.015 else "2025-02-30"
        con.execute("INSERT INTO jobs VALUES (?,?,?,?,?,?)", (i, f"FL{rnd.randint(0, 449):03d}", opened, hours,
                    round(rnd.uniform(40, 3000), 2), rnd.choice(["service", "tyres", "brakes", "mot"])))
    for i in range(300):
        stock = rnd.randint(0, 200) if rnd.random() > 0.03 else "plenty"
        con.execute("INSERT INTO parts VALUES (?,?,?,?)", (f"P{i:04d}", f"part {i}", stock, round(rnd.uniform(1, 400), 2)))
    for i in range(4000):
        con.execute("INSERT INTO job_parts VALUES (?,?,?)", (rnd.randint(1, 2499), f"P{rnd.randint(0, 299):04d}",
                                                           rnd.randint(1, 8)))
    con.commit()
    con.close()


def pgloader(d: Path, sock: Path, port: int) -> None:
    L = d / "load"
    L.mkdir(exist_ok=True)
    gen_tolls(L / "tolls.csv", 1226, 7000)
    (L / "tolls.load").write_text(LOAD_TOLLS.format(csv=L / "tolls.csv", sock=sock, port=port))
    cap("pgloader-tolls-echo", "pgloader tolls.load; echo EXIT=$?", L, n_pgloader, timeout=900)
    gen_workshop(L / "workshop.db", 1227)
    run(f"{PGBIN}/createdb -h {sock} -p {port} -U postgres workshop", cwd=L)
    cap("pgloader-sqlite-workshop-tail", f"pgloader workshop.db postgresql://postgres@unix:{sock}:{port}/workshop 2>&1 "
        "| tail -n 60", L, n_pgloader, timeout=900)


# ------------------------------------------------------------------ MariaDB

def depot_sql(seed: int) -> str:
    rnd = random.Random(seed)
    out = ["""
CREATE DATABASE depot; USE depot;
CREATE TABLE couriers (id INT PRIMARY KEY, name VARCHAR(60), van VARCHAR(12), active TINYINT) ENGINE=InnoDB;
CREATE TABLE parcels (id INT PRIMARY KEY, courier_id INT, weight_g INT, postcode VARCHAR(10), state VARCHAR(12),
  KEY (courier_id), KEY (state)) ENGINE=InnoDB;
CREATE TABLE scans (id INT AUTO_INCREMENT PRIMARY KEY, parcel_id INT, scanner VARCHAR(20), at DATETIME,
  KEY (parcel_id), KEY (at)) ENGINE=MyISAM;
CREATE TABLE labels (id INT AUTO_INCREMENT PRIMARY KEY, parcel_id INT, zpl TEXT, KEY (parcel_id)) ENGINE=MyISAM;
CREATE TABLE events (id INT AUTO_INCREMENT PRIMARY KEY, kind VARCHAR(20), at DATETIME, KEY (kind)) ENGINE=Aria;
CREATE TABLE postcodes (pc VARCHAR(10) PRIMARY KEY, zone INT) ENGINE=MyISAM;
"""]
    for t, n, row in (
            ("couriers", 120, lambda i: f"({i}, 'Courier {i}', 'VAN-{rnd.randint(100, 999)}', {rnd.choice([0, 1, 1])})"),
            ("parcels", 9000, lambda i: f"({i}, {rnd.randint(1, 120)}, {rnd.randint(50, 30000)}, "
                                        f"'LS{rnd.randint(1, 29)} {rnd.randint(1, 9)}AB', "
                                        f"'{rnd.choice(['sorted', 'out', 'delivered', 'delivered'])}')"),
            ("scans (parcel_id, scanner, at)", 24000, lambda i: f"({rnd.randint(1, 9000)}, 'hh-{rnd.randint(1, 60)}', "
                                                                f"'2026-04-{rnd.randint(1, 28):02d} 08:00:00')"),
            ("labels (parcel_id, zpl)", 5000, lambda i: f"({i}, '^XA^FO50,50^FDparcel {i}^FS^XZ')"),
            ("events (kind, at)", 4000, lambda i: f"('{rnd.choice(['route', 'load', 'unload'])}', '2026-04-01 06:00:00')"),
            ("postcodes", 800, lambda i: f"('LS{i:04d}', {rnd.randint(1, 9)})")):
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
                 f"--bind-address=127.0.0.1 --innodb-buffer-pool-size=48M --log-error={d}/error.log "
                 f"--pid-file={d}/mysqld.pid --innodb-lock-wait-timeout=20", cwd=d)
    cli = f"-uroot -S {sockf}"
    try:
        for _ in range(60):
            if "alive" in run(f"mariadb-admin {cli} ping 2>&1", cwd=d):
                break
            time.sleep(1)
        (d / "depot.sql").write_text(depot_sql(1228))
        run(f"mariadb {cli} < depot.sql", cwd=d, timeout=600)
        ar = ["CREATE DATABASE archive; USE archive;"]
        rnd = random.Random(1229)
        for i in range(70):
            eng = "Aria" if i in (9, 50) else rnd.choice(["MyISAM", "MyISAM", "InnoDB"])
            if i in (22, 35):
                eng = "MyISAM"
            ar.append(f"CREATE TABLE month_{i:03d} (id INT AUTO_INCREMENT PRIMARY KEY, route VARCHAR(16), stops INT, "
                      f"KEY (route)) ENGINE={eng};")
            ar.append(f"INSERT INTO month_{i:03d} (route, stops) VALUES " + ",".join(
                f"('R-{rnd.randint(1, 9999):04d}', {rnd.randint(1, 80)})" for _ in range(rnd.randint(80, 600))) + ";")
        (d / "archive.sql").write_text("\n".join(ar))
        run(f"mariadb {cli} < archive.sql", cwd=d, timeout=600)
        # logins that fail, and a query on a database that is not there
        for i in range(5):
            run(f"mariadb -ufleet -pnope{i} -h 127.0.0.1 -P {port} -e 'select 1'; mariadb {cli} depot_{i} -e 'select 1'",
                cwd=d)
        # two sessions deadlocking on couriers, the other order from round 115's
        run(f"(mariadb {cli} depot -e 'BEGIN; UPDATE couriers SET active=0 WHERE id=44; SELECT SLEEP(2); "
            f"UPDATE parcels SET state=\"held\" WHERE courier_id=12 LIMIT 3; COMMIT;' &) ; sleep 1; mariadb {cli} depot -e "
            f"'BEGIN; UPDATE parcels SET state=\"out\" WHERE courier_id=12; UPDATE couriers SET active=1 WHERE id=44; "
            f"COMMIT;'; sleep 3", cwd=d, timeout=90)
        run(f"mariadb {cli} -e 'FLUSH TABLES'", cwd=d)
        # damage: an index file cut short, a data file's middle overwritten, an Aria data file cut, two archive tables
        db = data / "depot"
        with open(db / "scans.MYI", "r+b") as f:
            f.truncate(f.seek(0, 2) // 3)
        with open(db / "labels.MYD", "r+b") as f:
            n = f.seek(0, 2)
            f.seek(n // 2)
            f.write(b"\x00\xff" * 700)
        with open(db / "events.MAD", "r+b") as f:
            f.truncate(f.seek(0, 2) - 8192)
        for i, ext, how in ((22, "MYI", "head"), (35, "MYD", "cut")):
            with open(data / "archive" / f"month_{i:03d}.{ext}", "r+b") as f:
                if how == "head":
                    f.seek(0)
                    f.write(b"\x00" * 64)
                else:
                    f.truncate(f.seek(0, 2) - 333)
        cap("check-depot-echo", f"mariadb-check {cli} depot; echo EXIT=$?", d, n_mysqlcheck)
        cap("check-databases-extended-head", f"mariadb-check {cli} --extended --databases depot archive 2>&1 | "
            "head -n 120", d, n_mysqlcheck)
        cap("mysqlcheck-auto-repair-tail", f"mysqlcheck {cli} --auto-repair --all-databases 2>&1 | tail -n 70", d,
            n_mysqlcheck)
        cap("admin-status-extended", f"mariadb-admin {cli} status extended-status", d, n_admin_status)
        cap("admin-grep-wrongpw-echo", f"mariadb-admin {cli} extended-status | grep -iE 'abort|thread|dead|lock_wait|"
            f"uptime|connect'; mariadb-admin -ufleet -pnope -h 127.0.0.1 -P {port} status; echo EXIT=$?", d,
            n_admin_status)
        cap("innodb-status-deadlock-echo", f"mariadb {cli} -e 'SHOW ENGINE INNODB STATUS\\G'; echo EXIT=$?", d, n_innodb)
        # sessions waiting on row locks while the status is read
        run(f"mariadb {cli} -e 'SET GLOBAL innodb_status_output_locks=ON'", cwd=d)
        held = []
        for k in range(10):
            sql = (f"BEGIN; UPDATE parcels SET weight_g=weight_g+1 WHERE id BETWEEN {k * 20 + 1} AND {k * 20 + 6}; "
                   f"UPDATE couriers SET van='VAN-000' WHERE id={k % 3 + 70}; SELECT SLEEP(20); ROLLBACK;")
            held.append(cm.start(["mariadb", "-uroot", "-S", str(sockf), "depot", "-e", sql], cwd=d))
        time.sleep(4)
        cap("innodb-status-locks-head", f"mariadb {cli} -e 'SHOW ENGINE INNODB STATUS\\G' | head -n 160", d, n_innodb)
        for h in held:
            cm.stop(h)
    finally:
        run(f"mariadb-admin {cli} shutdown", cwd=d, timeout=120)
        cm.stop(p)


STEPS = [pg_steps, my_steps]
