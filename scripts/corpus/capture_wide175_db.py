"""Round 175's database items (third samples of round 115's kinds, its extractors imported): `lumberyard`, a sawmill's
PostgreSQL 15 database filled by a seeded generator in a cluster made WITH data checksums, with transactions rolled
back (ABORT records in the WAL), dead rows for vacuum, a base backup tampered with (files removed, overwritten,
grown, a stray file), and heap and index pages flipped while the cluster is stopped (pg_checksums and pg_amcheck meet
them); pgloader loading a CSV of kiln readings with bad rows; MariaDB's `yard` database (stacks, forklifts, moves)
with a MyISAM index file's head zeroed, a data file cut and an Aria table damaged, two sessions deadlocking on
forklifts and stacks, a dump that fails. Run through capture_wide175.py."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import run
from capture_data import free_port
from capture_wide115 import PGBIN
from capture_wide115_my import n_admin_status, n_dump_err, n_innodb, n_mysqlcheck
from capture_wide115_pg import (n_amcheck, n_checksums, n_pgloader, n_reindexdb, n_vacuumdb,
                                n_verifybackup, n_waldump)
from capture_wide175 import cap


def psql(sock: Path, port: int, db: str, sql: str, cwd: Path) -> str:
    f = cwd / "q.sql"
    f.write_text(sql)
    run(f"chmod 644 {f}")
    return run(f"{PGBIN}/psql -X -q -v ON_ERROR_STOP=0 -h {sock} -p {port} -U postgres -d {db} -f {f}", cwd=cwd,
               timeout=900)


def lumber_sql(seed: int, logs: int, cuts: int) -> str:
    rnd = random.Random(seed)
    out = ["""
CREATE EXTENSION IF NOT EXISTS amcheck;
CREATE TABLE species (id serial PRIMARY KEY, name text UNIQUE NOT NULL, density int NOT NULL);
CREATE TABLE suppliers (id serial PRIMARY KEY, name text NOT NULL, county text NOT NULL, certified bool NOT NULL);
CREATE TABLE logs (id bigserial PRIMARY KEY, tag text UNIQUE NOT NULL, species_id int REFERENCES species(id),
  supplier_id int REFERENCES suppliers(id), length_m numeric(5,2) NOT NULL, girth_cm int NOT NULL, arrived date NOT NULL);
CREATE TABLE cuts (id bigserial PRIMARY KEY, log_id bigint NOT NULL, saw text NOT NULL, cut_at timestamptz NOT NULL,
  boards int NOT NULL, waste_pct numeric(4,1), grade text NOT NULL);
CREATE TABLE kiln_charges (id bigserial PRIMARY KEY, kiln text NOT NULL, loaded timestamptz NOT NULL,
  m3 numeric(6,2) NOT NULL, target_mc int NOT NULL, status text NOT NULL);
CREATE INDEX logs_species_idx ON logs(species_id, arrived);
CREATE INDEX cuts_log_idx ON cuts(log_id);
CREATE INDEX cuts_grade_idx ON cuts(grade, cut_at);
CREATE INDEX charges_kiln_idx ON kiln_charges(kiln, loaded);
"""]
    names = ["spruce", "larch", "douglas", "oak", "ash", "beech", "pine", "cedar", "yew", "elm"]
    out.append("INSERT INTO species (name, density) VALUES " + ",".join(
        f"('{n}', {rnd.randint(380, 750)})" for n in names) + ";")
    out.append("INSERT INTO suppliers (name, county, certified) VALUES " + ",\n".join(
        f"('Forest {i}', '{rnd.choice(['Kielder', 'Argyll', 'Powys', 'Devon', 'Cumbria'])}', "
        f"{rnd.choice(['true', 'true', 'false'])})" for i in range(80)) + ";")
    out.append(f"""
INSERT INTO logs (tag, species_id, supplier_id, length_m, girth_cm, arrived)
SELECT 'LG' || lpad(g::text, 7, '0'), 1 + (g * 7) % 10, 1 + (g * 11) % 80, 3 + (g % 90) / 10.0, 40 + (g * 13) % 160,
  DATE '2025-01-01' + (g % 400) FROM generate_series(1, {logs}) g;
INSERT INTO cuts (log_id, saw, cut_at, boards, waste_pct, grade)
SELECT 1 + (g * 37) % {logs}, (ARRAY['headrig','resaw','edger','gang'])[1 + g % 4],
  TIMESTAMPTZ '2025-01-02' + (g || ' minutes')::interval * 3, 4 + g % 30, (g % 250) / 10.0,
  (ARRAY['C24','C24','C16','C24','reject','C16'])[1 + g % 6] FROM generate_series(1, {cuts}) g;
INSERT INTO kiln_charges (kiln, loaded, m3, target_mc, status)
SELECT 'kiln-' || chr(97 + g % 4), TIMESTAMPTZ '2025-01-01' + (g || ' hours')::interval * 5, 20 + (g % 300) / 10.0,
  12 + g % 8, (ARRAY['done','done','done','aborted','drying'])[1 + g % 5] FROM generate_series(1, 3000) g;
DELETE FROM cuts WHERE grade = 'reject' AND id % 3 <> 0;
UPDATE cuts SET waste_pct = waste_pct + 1 WHERE saw = 'gang' AND id % 4 = 0;
DELETE FROM kiln_charges WHERE status = 'aborted';
""")
    return "\n".join(out)


ROLLBACKS = """
BEGIN; UPDATE logs SET supplier_id = 5 WHERE girth_cm > 190; INSERT INTO cuts (log_id, saw, cut_at, boards, grade)
  VALUES (7, 'headrig', now(), 12, 'C24'); ROLLBACK;
BEGIN; DELETE FROM kiln_charges WHERE kiln = 'kiln-c' AND id < 400; ROLLBACK;
INSERT INTO kiln_charges (kiln, loaded, m3, target_mc, status) VALUES ('kiln-b', now(), 31.5, 14, 'drying');
BEGIN; INSERT INTO species (name, density) VALUES ('spruce', 400); COMMIT;
UPDATE suppliers SET certified = NOT certified WHERE id BETWEEN 20 AND 23;
"""


def pg_steps(tmp: Path) -> None:
    d = tmp / "pg"
    run(f"rm -rf {d}")
    d.mkdir(parents=True, exist_ok=True)
    sock = d / "sock"
    sock.mkdir()
    run(f"chown -R postgres:postgres {d}")
    run(f"chmod a+rx {tmp}")
    port = free_port()
    data = d / "data"
    run(f"runuser -u postgres -- {PGBIN}/initdb -k -D {data} -U postgres -A trust", cwd=d, timeout=300)
    with open(data / "postgresql.conf", "a") as f:
        f.write(f"listen_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{sock}'\n"
                "wal_level = replica\nwal_keep_size = 2GB\nshared_buffers = 32MB\nfsync = off\nautovacuum = off\n")
    ctl = f"runuser -u postgres -- {PGBIN}/pg_ctl -D {data} -l {d}/server.log -w"
    out = run(f"{ctl} start", cwd=d, timeout=120)
    if "server started" not in out:
        raise RuntimeError(f"postgres did not start: {out[-400:]}")
    B, conn = PGBIN, f"-h {sock} -p {port} -U postgres"
    env = {"PATH": f"{B}:/usr/bin:/bin"}
    run(f"{B}/createdb {conn} lumberyard", cwd=d)
    psql(sock, port, "lumberyard", lumber_sql(1751, 30000, 60000), d)
    run(f"{B}/createdb {conn} sales", cwd=d)
    psql(sock, port, "sales", lumber_sql(1752, 6000, 12000), d)
    run(f"chmod a+rx {d} {sock}")
    run(f"{B}/psql -X {conn} -d lumberyard -c 'SELECT pg_switch_wal()'", cwd=d)
    psql(sock, port, "lumberyard", ROLLBACKS * 5, d)
    seg = run(f"{B}/psql -X -At {conn} -d lumberyard -c \"SELECT pg_walfile_name(pg_current_wal_lsn())\"",
              cwd=d).strip()
    cap("vacuumdb-v-cuts-echo", f"vacuumdb {conn} -v -d lumberyard -t cuts -t kiln_charges -t logs; echo EXIT=$?", d,
        n_vacuumdb, env=env)
    cap("vacuumdb-v-all-analyze-tail", f"vacuumdb {conn} --all -v -z 2>&1 | tail -n 90", d, n_vacuumdb, env=env)
    cap("reindexdb-v-lumberyard-echo", f"reindexdb {conn} -v -d lumberyard -t cuts -t logs -i charges_kiln_idx; "
        "echo EXIT=$?", d, n_reindexdb, env=env)
    run(f"{B}/psql -X {conn} -d lumberyard -c 'CHECKPOINT'", cwd=d)
    run(f"{B}/psql -X {conn} -d lumberyard -c 'SELECT pg_switch_wal()'", cwd=d)
    wal = data / "pg_wal"
    cap("waldump-seg-tail", f"pg_waldump -p {wal} {seg} 2>&1 | tail -n 300", d, n_waldump, env=env)
    cap("waldump-xact-grep-head", f"pg_waldump -p {wal} {seg} 2>&1 | grep -E 'rmgr: (Transaction|Standby)' | "
        "head -n 250", d, n_waldump, env=env)
    # a base backup, then tampered with
    bk = d / "backups"
    bk.mkdir()
    run(f"chmod 777 {bk}")
    run(f"{B}/pg_basebackup {conn} -D backups/sunday -v -P --checkpoint=fast -l sunday", cwd=d, env=env, timeout=300)
    full = bk / "sunday"
    victims = sorted(p for p in (full / "base").rglob("*") if p.is_file() and re.match(r"^\d+$", p.name))
    rnd = random.Random(1753)
    pick = rnd.sample(victims, min(40, len(victims)))
    for p in pick[:6]:
        p.unlink()
    for p in pick[6:28]:
        with open(p, "r+b") as f:
            f.seek(0)
            f.write(b"\xba\xad\xf0\x0d" * 6)
    for p in pick[28:34]:
        with open(p, "ab") as f:
            f.write(b"\0" * 4096)
    (full / "base" / "pgsql_tmp_leftover").write_text("x")
    cap("verifybackup-sunday-echo", "pg_verifybackup backups/sunday; echo EXIT=$?", d, n_verifybackup, env=env)
    # pages flipped while the cluster is stopped (the cluster has checksums)
    rels = {}
    for r in ("cuts", "logs", "cuts_grade_idx"):
        rels[r] = run(f"{B}/psql -X -At {conn} -d lumberyard -c \"SELECT pg_relation_filepath('{r}')\"", cwd=d).strip()
    run(f"{ctl} stop -m fast", cwd=d)
    for r, want, off in (("cuts", 6, 2500), ("logs", 3, 5000), ("cuts_grade_idx", 2, 1600)):
        fp = data / rels[r]
        if not fp.exists():
            cm.note(f"no file for {r}: {fp}")
            continue
        nblk = fp.stat().st_size // 8192
        blocks = sorted(rnd.sample(range(1, nblk), min(want, nblk - 1)))
        with open(fp, "r+b") as f:
            for b in blocks:
                f.seek(b * 8192 + off)
                f.write(bytes(rnd.randrange(256) for _ in range(40)))
    cap("checksums-check-echo", f"pg_checksums --check -D {data}; echo EXIT=$?", d, n_checksums, env=env)
    run(f"{ctl} start", cwd=d, timeout=120)
    try:
        cap("amcheck-lumberyard-tail", f"pg_amcheck {conn} -d lumberyard --heapallindexed 2>&1 | tail -n 70", d,
            n_amcheck, env=env)
        ready = f"for i in $(seq 90); do {B}/pg_isready -q {conn} && break; sleep 1; done"
        run(ready, cwd=d, timeout=120)
        pgloader(d, sock, port)
    finally:
        run(f"{ctl} stop -m fast", cwd=d, timeout=120)


LOAD_READINGS = """LOAD CSV
     FROM '{csv}' (kiln, probe, read_at, mc_pct, dry_bulb_c)
     INTO postgresql://postgres@unix:{sock}:{port}/sales?readings (kiln, probe, read_at, mc_pct, dry_bulb_c)
     WITH skip header = 1, fields terminated by ',', batch rows = 500
     BEFORE LOAD DO $$ DROP TABLE IF EXISTS readings; $$,
     $$ CREATE TABLE readings (kiln varchar(6) NOT NULL, probe smallint NOT NULL, read_at timestamptz NOT NULL,
        mc_pct numeric(4,1) CHECK (mc_pct BETWEEN 0 AND 90), dry_bulb_c numeric(5,1)); $$;
"""


def gen_readings(path: Path, seed: int, n: int) -> None:
    rnd = random.Random(seed)
    rows = ["kiln,probe,read_at,mc_pct,dry_bulb_c"]
    for i in range(n):
        kiln = rnd.choice(["kiln-a", "kiln-b", "kiln-c", "kiln-d"])
        probe = str(rnd.randint(1, 12))
        ts = f"2026-05-{rnd.randint(1, 30):02d} {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:00"
        mc, db = f"{rnd.uniform(10, 60):.1f}", f"{rnd.uniform(40, 95):.1f}"
        r = rnd.random()
        if r < 0.012:
            mc = f"{rnd.uniform(120, 400):.1f}"          # the CHECK fails
        elif r < 0.02:
            probe = str(rnd.randint(70000, 99999))      # out of smallint
        elif r < 0.027:
            kiln = "kiln-overflow-7"                    # too long for varchar(6)
        elif r < 0.033:
            db = "n/a"                                  # not a number
        rows.append(",".join((kiln, probe, ts, mc, db)))
    path.write_text("\n".join(rows) + "\n")


def pgloader(d: Path, sock: Path, port: int) -> None:
    L = d / "load"
    L.mkdir(exist_ok=True)
    gen_readings(L / "readings.csv", 1754, 6000)
    (L / "readings.load").write_text(LOAD_READINGS.format(csv=L / "readings.csv", sock=sock, port=port))
    cap("pgloader-readings-echo", "pgloader readings.load; echo EXIT=$?", L, n_pgloader, timeout=900)


# ------------------------------------------------------------------ MariaDB

def yard_sql(seed: int) -> str:
    rnd = random.Random(seed)
    out = ["""
CREATE DATABASE yard; USE yard;
CREATE TABLE forklifts (id INT PRIMARY KEY, name VARCHAR(40), driver VARCHAR(40), charge_pct INT) ENGINE=InnoDB;
CREATE TABLE stacks (id INT PRIMARY KEY, forklift_id INT, species VARCHAR(16), m3 INT, bay VARCHAR(8),
  KEY (forklift_id), KEY (bay)) ENGINE=InnoDB;
CREATE TABLE moves (id INT AUTO_INCREMENT PRIMARY KEY, stack_id INT, from_bay VARCHAR(8), to_bay VARCHAR(8),
  at DATETIME, KEY (stack_id), KEY (at)) ENGINE=MyISAM;
CREATE TABLE tickets (id INT AUTO_INCREMENT PRIMARY KEY, stack_id INT, body TEXT, KEY (stack_id)) ENGINE=MyISAM;
CREATE TABLE alarms (id INT AUTO_INCREMENT PRIMARY KEY, kind VARCHAR(20), at DATETIME, KEY (kind)) ENGINE=Aria;
CREATE TABLE bays (bay VARCHAR(8) PRIMARY KEY, row_no INT) ENGINE=MyISAM;
CREATE TABLE hauliers (id INT PRIMARY KEY, name VARCHAR(40)) ENGINE=InnoDB;
CREATE TABLE invoices (id INT PRIMARY KEY, haulier_id INT, total INT) ENGINE=MyISAM;
"""]
    for t, n, row in (
            ("forklifts", 60, lambda i: f"({i}, 'FL-{i:02d}', 'Driver {i}', {rnd.randint(5, 100)})"),
            ("stacks", 7000, lambda i: f"({i}, {rnd.randint(1, 60)}, '{rnd.choice(['spruce', 'larch', 'oak'])}', "
                                       f"{rnd.randint(1, 30)}, 'B{rnd.randint(1, 40):02d}')"),
            ("moves (stack_id, from_bay, to_bay, at)", 20000, lambda i: f"({rnd.randint(1, 7000)}, 'B{rnd.randint(1, 40):02d}', "
                                                                     f"'B{rnd.randint(1, 40):02d}', '2026-05-{rnd.randint(1, 28):02d} 07:00:00')"),
            ("tickets (stack_id, body)", 6000, lambda i: f"({i}, 'ticket {i} pack grade C24 moisture {rnd.randint(12, 20)}')"),
            ("alarms (kind, at)", 3000, lambda i: f"('{rnd.choice(['overload', 'battery', 'tilt'])}', '2026-05-02 06:00:00')"),
            ("bays", 40, lambda i: f"('B{i:02d}', {rnd.randint(1, 8)})"),
            ("hauliers", 30, lambda i: f"({i}, 'Haulier {i}')"),
            ("invoices", 2500, lambda i: f"({i}, {rnd.randint(1, 30)}, {rnd.randint(100, 9000)})")):
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
    run(f"chmod a+rx {tmp}")
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
        (d / "yard.sql").write_text(yard_sql(1755))
        run(f"mariadb {cli} < yard.sql", cwd=d, timeout=600)
        for i in range(4):
            run(f"mariadb -uforklift -pwrong{i} -h 127.0.0.1 -P {port} -e 'select 1'", cwd=d)
        # two sessions deadlocking on forklifts and stacks
        run(f"(mariadb {cli} yard -e 'BEGIN; UPDATE stacks SET bay=\"B99\" WHERE forklift_id=7; SELECT SLEEP(2); "
            f"UPDATE forklifts SET charge_pct=0 WHERE id=31; COMMIT;' &) ; sleep 1; mariadb {cli} yard -e "
            f"'BEGIN; UPDATE forklifts SET driver=\"Relief\" WHERE id=31; UPDATE stacks SET m3=m3+1 WHERE "
            f"forklift_id=7; COMMIT;'; sleep 3", cwd=d, timeout=90)
        run(f"mariadb {cli} -e 'FLUSH TABLES'", cwd=d)
        db = data / "yard"
        with open(db / "moves.MYI", "r+b") as f:
            f.seek(0)
            f.write(b"\x00" * 96)
        with open(db / "tickets.MYD", "r+b") as f:
            f.truncate(f.seek(0, 2) * 2 // 3)
        with open(db / "alarms.MAD", "r+b") as f:
            n = f.seek(0, 2)
            f.seek(n // 2)
            f.write(b"\xff" * 3000)
        with open(db / "invoices.MYI", "r+b") as f:
            f.truncate(f.seek(0, 2) // 2)
        cap("check-yard-echo", f"mariadb-check {cli} yard; echo EXIT=$?", d, n_mysqlcheck)
        cap("dump-yard-force-echo", f"mariadb-dump {cli} --force --skip-extended-insert yard 2>&1 | grep -vE "
            "'^INSERT INTO' | tail -n 120; mariadb-dump -uroot -S /nonexistent/mysqld.sock yard; echo EXIT=$?", d,
            n_dump_err)
        cap("mysqlcheck-auto-repair-all-tail", f"mysqlcheck {cli} --auto-repair --all-databases 2>&1 | tail -n 60", d,
            n_mysqlcheck)
        cap("innodb-status-deadlock", f"mariadb {cli} -e 'SHOW ENGINE INNODB STATUS\\G'", d, n_innodb)
        cap("admin-extended-status-grep-echo", f"mariadb-admin {cli} status extended-status | grep -iE 'abort|thread|"
            f"connect|uptime|innodb_(buffer_pool_pages|row_lock|deadlock)|quest|slow'; echo EXIT=$?", d, n_admin_status)
    finally:
        run(f"mariadb-admin {cli} shutdown", cwd=d, timeout=120)
        cm.stop(p)


STEPS = [pg_steps, my_steps]
