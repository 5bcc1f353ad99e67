"""Round 62's scratch PostgreSQL cluster: a veterinary clinic network's database (`vetclinic`) on loopback with other
mistakes put in. No extractor is written here: every kind's needles come from round 60's, imported (NEEDLES.md,
"Round 62"). Run through capture_wide62.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_data import free_port, wait_port
from capture_wide62 import PGBIN, cap
from capture_wide60_pg import (n_auto_explain, n_controldata, n_describe_plus, n_expanded, n_explain_buffers,
                               n_explain_json, n_pg_autovacuum, n_pg_dump_schema, n_pg_restore, n_psql_f_errors,
                               n_stat_statements, n_vacuum_verbose)

PORT = 0
ENV: dict = {}

SCHEMA = """
CREATE TABLE clinics (
    id smallserial PRIMARY KEY,
    code text NOT NULL UNIQUE,
    city text NOT NULL,
    kennels integer NOT NULL CHECK (kennels >= 0)
);
CREATE TABLE owners (
    id serial PRIMARY KEY,
    full_name text NOT NULL,
    email text UNIQUE,
    phone text,
    home_clinic smallint REFERENCES clinics(id)
);
CREATE TABLE pets (
    id serial PRIMARY KEY,
    owner_id integer NOT NULL REFERENCES owners(id),
    name text NOT NULL,
    species text NOT NULL CHECK (species IN ('dog', 'cat', 'rabbit', 'bird', 'reptile', 'ferret')),
    born date,
    weight_kg numeric(5,2) CHECK (weight_kg > 0),
    microchip varchar(15) UNIQUE
);
CREATE TABLE appointments (
    id bigserial PRIMARY KEY,
    pet_id integer NOT NULL REFERENCES pets(id),
    clinic_id smallint NOT NULL REFERENCES clinics(id),
    starts_at timestamptz NOT NULL,
    minutes integer NOT NULL DEFAULT 20 CHECK (minutes BETWEEN 5 AND 240),
    reason text NOT NULL,
    notes text,
    status text NOT NULL DEFAULT 'booked'
);
CREATE TABLE drugs (
    code text PRIMARY KEY,
    label text NOT NULL,
    controlled boolean NOT NULL DEFAULT false,
    price numeric(8,2) NOT NULL
);
CREATE TABLE prescriptions (
    appointment_id bigint NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
    drug_code text NOT NULL REFERENCES drugs(code),
    doses integer NOT NULL CHECK (doses > 0),
    written_at timestamptz NOT NULL
);
CREATE TABLE bills (
    id bigserial PRIMARY KEY,
    appointment_id bigint NOT NULL REFERENCES appointments(id),
    billed_on date NOT NULL,
    total numeric(10,2) NOT NULL,
    settled boolean NOT NULL DEFAULT false
);
CREATE INDEX appointments_starts_at_idx ON appointments (starts_at);
CREATE INDEX bills_billed_on_idx ON bills (billed_on) WHERE NOT settled;
CREATE INDEX owners_email_lower_idx ON owners (lower(email));
CREATE VIEW todays_board AS
  SELECT a.id, c.code AS clinic, p.name AS pet, p.species, a.starts_at, a.reason
    FROM appointments a JOIN pets p ON p.id = a.pet_id JOIN clinics c ON c.id = a.clinic_id WHERE a.status = 'booked';
CREATE FUNCTION visit_charge(aid bigint) RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(r.doses * d.price), 0) FROM prescriptions r JOIN drugs d ON d.code = r.drug_code WHERE r.appointment_id = aid
$$;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
"""

DATA = """
SELECT setseed(0.62);
INSERT INTO clinics (code, city, kennels)
  SELECT 'VC' || g, (ARRAY['Leeds','York','Hull','Bradford','Wakefield','Harrogate','Ripon','Selby','Otley'])[g], 4 + (g * 5) % 17
    FROM generate_series(1, 9) g;
INSERT INTO owners (full_name, email, phone, home_clinic)
  SELECT (ARRAY['Ada','Ben','Cara','Dev','Effie','Finn','Gus','Hana','Ivo','Jo'])[1 + g % 10] || ' '
           || (ARRAY['Marsh','Kerr','Oduya','Pike','Quinn','Roth','Sallis','Tate'])[1 + (g * 3) % 8] || ' ' || g,
         'owner' || g || '@example.org', '07700 ' || lpad((g * 37 % 1000000)::text, 6, '0'), 1 + g % 9
    FROM generate_series(1, 9000) g;
INSERT INTO pets (owner_id, name, species, born, weight_kg, microchip)
  SELECT 1 + (random() * 8999)::int, (ARRAY['Bramble','Pip','Luna','Otis','Miso','Biscuit','Nala','Ziggy','Pepper'])[1 + g % 9],
         (ARRAY['dog','dog','cat','cat','cat','rabbit','bird','reptile','ferret'])[1 + (g * 7) % 9],
         date '2008-01-01' + (random() * 5800)::int, round((0.2 + random() * 48)::numeric, 2), '9851' || lpad(g::text, 11, '0')
    FROM generate_series(1, 14000) g;
INSERT INTO appointments (pet_id, clinic_id, starts_at, minutes, reason, notes, status)
  SELECT 1 + (random() * 13999)::int, 1 + g % 9, timestamptz '2024-01-02 08:00' + g * interval '4 minutes',
         (ARRAY[10,15,20,30,45,60])[1 + g % 6],
         (ARRAY['vaccination','dental','lameness','skin','check-up','surgery','neuter','bloods'])[1 + (g * 5) % 8],
         'visit ' || g || ' ' || md5(g::text), CASE WHEN g % 8 = 0 THEN 'booked' WHEN g % 61 = 0 THEN 'no-show' ELSE 'done' END
    FROM generate_series(1, 150000) g;
INSERT INTO drugs (code, label, controlled, price)
  SELECT 'D' || lpad(g::text, 4, '0'), (ARRAY['Meloxicam','Amoxicillin','Gabapentin','Buprenorphine','Fipronil','Maropitant'])[1 + g % 6]
         || ' ' || (g * 5) || 'mg', g % 13 = 0, round((2 + random() * 140)::numeric, 2)
    FROM generate_series(1, 900) g;
INSERT INTO prescriptions (appointment_id, drug_code, doses, written_at)
  SELECT 1 + (random() * 149999)::int, 'D' || lpad((1 + (random() * 899)::int)::text, 4, '0'), 1 + (random() * 28)::int,
         timestamptz '2024-01-02' + g * interval '2 minutes'
    FROM generate_series(1, 220000) g;
INSERT INTO bills (appointment_id, billed_on, total, settled)
  SELECT g, date '2024-01-02' + (g / 360), round((25 + random() * 1400)::numeric, 2), g % 6 <> 0
    FROM generate_series(1, 130000) g;
"""

MIGRATION = """-- 0017_microchips_and_reminders.sql
BEGIN;
ALTER TABLE pets ADD COLUMN neutered boolean NOT NULL DEFAULT false;
ALTER TABLE appointments ADD CONSTRAINT appointments_reason_nonempty CHECK (reason <> '');
COMMIT;
ALTER TABLE owners ALTER COLUMN phone SET NOT NULL;
ALTER TABLE pets ADD CONSTRAINT pets_name_owner_key UNIQUE (owner_id, name);
INSERT INTO clinics (code, city, kennels) VALUES ('VC4', 'Tadcaster', 6);
INSERT INTO clinics (code, city, kennels) VALUES ('VC10', 'Skipton', -2);
INSERT INTO pets (owner_id, name, species) VALUES (12, 'Shelly', 'tortoise');
INSERT INTO pets (owner_id, name, species) VALUES (90001, 'Ghost', 'cat');
UPDATE pets SET microchip = '9851000000000123456' WHERE id = 5;
UPDATE appointments SET minutes = 300 WHERE id = 17;
CREATE TABLE reminders (id serial PRIMARY KEY, pet_id int REFERENCES pet(id), due date);
CREATE TABLE reminders (id serial PRIMARY KEY, pet_id int REFERENCES pets(id), due date NOT NULL, kind text);
INSERT INTO reminders (pet_id, due, kind) SELECT id, born + 365, 'booster' FROM pets WHERE species = 'dog' AND born > '2025-01-01'::dte;
SELECT clinic, count(*) FROM todays_board GROUP BY clinc;
SELECT species, avg(weight_kg FROM pets GROUP BY species;
INSERT INTO bills (appointment_id, billed_on, total) VALUES (3, '2024-13-01', 80);
SELECT visit_charge('A-3');
DELETE FROM drugs WHERE code = 'D0007';
DELETE FROM clinics WHERE id = 2;
ALTER TABLE prescriptions ALTER COLUMN doses TYPE smallint USING doses * 1000;
SELECT 100 / (SELECT count(*) FROM clinics WHERE kennels > 500);
DROP INDEX appointments_starts_at;
"""

REPORT = """-- weekly_clinic_report.sql
SELECT c.code, date_trunc('week', a.starts_at) AS week, count(*) AS visits, sum(a.minutes) AS minutes
  FROM appointments a JOIN clinics c ON c.id = a.clinic_id
 WHERE a.starts_at >= '2024-03-04' AND a.starts_at < '2024-04-01' GROUP BY 1, 2 ORDER BY 1, 2;
SELECT p.species, count(*) FROM appointments a JOIN pets p ON p.id = a.pet_id WHERE a.status = 'no-show' GROUP BY 1 ORDER BY 2 DESC;
SELECT d.label, sum(r.doses) AS doses FROM prescriptions r JOIN drugs d ON d.code = r.drug_code
 WHERE d.controlled GROUP BY d.label ORDER BY doses DESC LIMIT 10;
SELECT b.id, b.total, o.full_name FROM bills b JOIN owners o USING (id) WHERE b.settled = 'nope' LIMIT 5;
SELECT sum(total) FILTER (WHERE NOT settled) AS owed, sum(total) AS billed FROM bills WHERE billed_on BETWEEN '2024-02-01' AND '2024-02-29';
SELECT name, weight_kg FROM pets WHERE species = 'ferret' AND weight_kg > 40 ORDER BY weight_kg DESC;
SELECT reason, percentile_disc(0.5) WITHIN GROUP (ORDER BY minutes) FROM appointments GROUP reason;
SELECT o.full_name, count(p.*) FROM owners o LEFT JOIN pets p ON p.owner_id = o.id GROUP BY o.id HAVING count(p.*) > 5 ORDER BY 2 DESC;
SELECT count(*) FROM prescriptions r WHERE NOT EXISTS (SELECT 1 FROM appointments a WHERE a.id = r.appointment_id);
SELECT to_char(billed_on, 'IYYY-IW') AS wk, count(*) FROM bills GROUP BY wk HAVING sum(total) > settled;
SELECT id, starts_at::date, reason FROM appointments WHERE status = 'no-show' ORDER BY starts_at DESC LIMIT 6;
SELECT * FROM vaccinations LIMIT 3;
SELECT visit_charge(id) FROM appointments WHERE id BETWEEN 40 AND 45 ORDER BY 1 DESC;
"""


def psql(args: str) -> str:
    return f"psql -X {args}"


def pg(cmd: str, d: Path, timeout: int = 600) -> str:
    return run(cmd, cwd=d, env=ENV, timeout=timeout)


def c(item_id: str, command: str, d: Path, extractor, timeout: int = 600) -> None:
    cap(item_id, command, d, extractor, timeout=timeout, env=ENV)


def cluster(tmp: Path) -> None:
    """initdb into the temp dir as the postgres user (round 60's way), start on a free port, load vetclinic."""
    global PORT
    d = tmp / "pg"
    d.mkdir(parents=True)
    run(f"chown -R postgres:postgres {tmp}")
    PORT = free_port()
    ENV.update({"PGHOST": "127.0.0.1", "PGPORT": str(PORT), "PGUSER": "postgres", "PGDATABASE": "vetclinic",
                "PSQL_PAGER": "cat", "PAGER": "cat"})
    out = run(f"runuser -u postgres -- {PGBIN}/initdb -D {d}/data --auth=trust -U postgres -E UTF8 --locale=C.UTF-8",
              cwd=tmp)
    cm.note(out.strip().splitlines()[-1] if out.strip() else "initdb: no output")
    conf = (f"port = {PORT}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{d}'\n"
            "shared_preload_libraries = 'pg_stat_statements,auto_explain'\n"
            "log_min_duration_statement = 60\nauto_explain.log_min_duration = 90\n"
            "auto_explain.log_analyze = on\nauto_explain.log_buffers = on\nauto_explain.log_timing = off\n"
            "log_checkpoints = on\nlog_autovacuum_min_duration = 0\nautovacuum_naptime = 1\n"
            "autovacuum_vacuum_scale_factor = 0.02\nautovacuum_analyze_scale_factor = 0.02\n"
            "log_line_prefix = '%m [%p] %q%a %u@%d '\nwork_mem = 192kB\nmax_wal_size = 48MB\ncheckpoint_timeout = 30s\n")
    with open(d / "data" / "postgresql.conf", "a") as f:
        f.write(conf)
    out = run(f"runuser -u postgres -- {PGBIN}/pg_ctl -D {d}/data -l {d}/server.log -w start", cwd=tmp)
    cm.note(out.strip())
    if not wait_port(PORT, 20):
        raise RuntimeError("postgres did not start")
    write_tree(d, {"schema.sql": SCHEMA.lstrip(), "data.sql": DATA.lstrip(), "0017_migration.sql": MIGRATION,
                   "weekly_clinic_report.sql": REPORT})
    pg("createdb vetclinic && psql -X -q -f schema.sql && psql -X -q -f data.sql", d, timeout=900)
    pg(psql("-q -c 'ANALYZE'"), d)


def plans(tmp: Path) -> None:
    d = tmp / "pg"
    c("explain-pet-history", psql("-c \"EXPLAIN (ANALYZE, BUFFERS) SELECT a.id, a.starts_at, a.reason, r.drug_code "
                                  "FROM appointments a LEFT JOIN prescriptions r ON r.appointment_id = a.id "
                                  "WHERE a.pet_id = 4321 ORDER BY a.starts_at DESC\""), d, n_explain_buffers)
    c("explain-owner-email", psql("-c \"EXPLAIN (ANALYZE, BUFFERS) SELECT o.full_name, p.name, count(*) FROM owners o "
                                  "JOIN pets p ON p.owner_id = o.id JOIN appointments a ON a.pet_id = p.id "
                                  "WHERE upper(o.email) LIKE 'OWNER12%' AND a.starts_at::date > '2024-02-01' "
                                  "GROUP BY o.full_name, p.name\" | head -n 80"), d, n_explain_buffers)
    c("explain-notes-sort", psql("-c \"EXPLAIN (ANALYZE, BUFFERS) SELECT a.*, b.total FROM appointments a "
                                 "JOIN bills b ON b.appointment_id = a.id WHERE b.settled ORDER BY a.notes, b.total\"; "
                                 "echo EXIT=$?"), d, n_explain_buffers)
    c("explain-json-rx", psql("-c \"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT r.*, d.label FROM prescriptions r "
                              "JOIN drugs d ON d.code = r.drug_code WHERE d.controlled AND r.doses > 20\""), d,
      n_explain_json)
    c("explain-json-board", psql("-A -t -c \"EXPLAIN (ANALYZE, VERBOSE, FORMAT JSON) SELECT clinic, species, count(*) "
                                 "FROM todays_board WHERE reason <> 'check-up' GROUP BY 1, 2 ORDER BY 3 DESC\" | head -n 80"),
      d, n_explain_json)
    for _ in range(4):
        pg(psql("-q -f weekly_clinic_report.sql >/dev/null 2>&1"), d)
    for v in (7, 77, 777, 7777, 13000):
        pg(psql(f"-q -c \"SELECT count(*) FROM appointments WHERE pet_id = {v}\" >/dev/null"), d)


def describe(tmp: Path) -> None:
    d = tmp / "pg"
    c("describe-appointments", psql("-c '\\d+ appointments'"), d, n_describe_plus)
    c("describe-pets", psql("-c '\\d+ pets'; echo EXIT=$?"), d, n_describe_plus)
    c("describe-prescriptions", psql("-c '\\d+ prescriptions' -c '\\d+ drugs'"), d, n_describe_plus)


def errors(tmp: Path) -> None:
    d = tmp / "pg"
    c("migration-errors", psql("-f 0017_migration.sql"), d, n_psql_f_errors)
    c("report-errors", psql("-f weekly_clinic_report.sql 2>&1 | tail -n 60"), d, n_psql_f_errors)
    c("migration-errors-echo", psql("-e -v VERBOSITY=verbose -f 0017_migration.sql; echo EXIT=$?"), d, n_psql_f_errors)


def stats(tmp: Path) -> None:
    d = tmp / "pg"
    write_tree(d, {"hold.sql": "BEGIN;\nUPDATE clinics SET kennels = kennels + 1 WHERE id = 3;\nSELECT pg_sleep(14);\n"})
    cm.start("psql -X -q -f hold.sql >/dev/null 2>&1", cwd=d, env={**ENV, "PGAPPNAME": "rota-editor"})
    time.sleep(1)
    cm.start("psql -X -q -c \"UPDATE clinics SET city = city WHERE id = 3\" >/dev/null 2>&1", cwd=d,
             env={**ENV, "PGAPPNAME": "front-desk"})
    for k in range(5):
        cm.start(f"psql -X -q -c 'SELECT pg_sleep(8 + {k})' >/dev/null 2>&1", cwd=d, env={**ENV, "PGAPPNAME": "sms-reminders"})
    time.sleep(1.5)
    c("stat-activity-x", psql("-x -c \"SELECT pid, datname, usename, application_name, client_addr, backend_start, "
                              "xact_start, state, wait_event_type, wait_event, backend_type, query FROM pg_stat_activity "
                              "WHERE pid <> pg_backend_pid() ORDER BY backend_type, pid\""), d, n_expanded)
    c("appointments-x", psql("-x -c \"SELECT a.*, p.name AS pet, p.species, b.total, b.settled FROM appointments a "
                             "JOIN pets p ON p.id = a.pet_id LEFT JOIN bills b ON b.appointment_id = a.id "
                             "WHERE a.id BETWEEN 60980 AND 61040 ORDER BY a.id\" | head -n 400"), d, n_expanded)
    c("stat-statements-mean", psql("-c \"SELECT calls, round(mean_exec_time::numeric, 2) AS mean_ms, "
                                   "round(total_exec_time::numeric, 1) AS total_ms, rows, shared_blks_hit, "
                                   "temp_blks_written, left(regexp_replace(query, '\\s+', ' ', 'g'), 64) AS query "
                                   "FROM pg_stat_statements ORDER BY mean_exec_time DESC LIMIT 30\""), d, n_stat_statements)
    c("stat-statements-all", psql("-c \"SELECT queryid, calls, rows, round(stddev_exec_time::numeric, 2) AS sd_ms, "
                                  "left(regexp_replace(query, '\\s+', ' ', 'g'), 56) AS query FROM pg_stat_statements "
                                  "ORDER BY calls DESC, queryid\" | head -n 60"), d, n_stat_statements)
    time.sleep(14)


def maintenance(tmp: Path) -> None:
    d = tmp / "pg"
    pg(psql("-q -c \"DELETE FROM prescriptions WHERE written_at < '2024-02-15'\" -c \"UPDATE appointments SET "
            "status = 'done' WHERE status = 'booked' AND id % 4 = 0\""), d)
    c("vacuum-verbose-rx", psql("-c 'VACUUM (VERBOSE) prescriptions' -c 'VACUUM (VERBOSE) appointments'"), d,
      n_vacuum_verbose)
    pg(psql("-q -c \"UPDATE bills SET settled = true WHERE billed_on < '2024-03-01' AND NOT settled\" "
            "-c \"DELETE FROM bills WHERE id % 7 = 0\" -c \"UPDATE pets SET weight_kg = weight_kg + 0.1 WHERE id % 3 = 0\""), d)
    time.sleep(6)
    c("vacuum-verbose-analyze", psql("-c 'VACUUM (VERBOSE, ANALYZE)' 2>&1 | tail -n 80"), d, n_vacuum_verbose)
    pg(psql("-q -c \"UPDATE owners SET phone = phone || '' WHERE id % 2 = 0\" -c CHECKPOINT"), d)
    time.sleep(5)
    c("controldata", f"pg_controldata {d}/data; echo EXIT=$?", d, n_controldata)
    c("controldata-head", f"pg_controldata -D {d}/data | head -n 25", d, n_controldata)


def dumps(tmp: Path) -> None:
    d = tmp / "pg"
    c("dump-schema", "pg_dump --schema-only --no-owner vetclinic", d, n_pg_dump_schema)
    c("dump-schema-head", "pg_dump -s -t 'p*' -t bills vetclinic | head -n 200", d, n_pg_dump_schema)
    pg("pg_dump -Fc -f vetclinic.dump vetclinic && createdb vet_restore && psql -X -q -d vet_restore -c "
       "\"CREATE TABLE owners (id int PRIMARY KEY, full_name text); CREATE TABLE drugs (code text, label text); "
       "CREATE VIEW todays_board AS SELECT 1 AS id; CREATE INDEX clinics_placeholder ON owners (full_name)\"", d)
    c("restore-clash", "pg_restore --no-owner -d vet_restore vetclinic.dump; echo EXIT=$?", d, n_pg_restore)
    c("restore-clash-v", "pg_restore -v -d vet_restore vetclinic.dump 2>&1 | tail -n 90", d, n_pg_restore)


def logs(tmp: Path) -> None:
    d = tmp / "pg"
    c("server-log-explain", "grep -n -A 30 'duration:' server.log | head -n 350", d, n_auto_explain)
    c("server-log-errors", "grep -B 2 -A 28 'plan:\\|ERROR' server.log | tail -n 250", d, n_auto_explain)
    c("server-log-tail", "tail -n 200 server.log", d, n_pg_autovacuum)
    c("server-log-autovacuum", "grep -E 'checkpoint|automatic (vacuum|analyze)|ERROR|FATAL' server.log", d,
      n_pg_autovacuum)
    c("server-log-av-detail", "grep -A 9 'automatic vacuum' server.log | head -n 150", d, n_pg_autovacuum)


def shutdown(tmp: Path) -> None:
    d = tmp / "pg"
    cm.note(run(f"runuser -u postgres -- {PGBIN}/pg_ctl -D {d}/data -m fast -w stop", cwd=tmp).strip())
    run(f"rm -rf {d}/data")


STEPS = [cluster, plans, describe, errors, stats, maintenance, dumps, logs, shutdown]
