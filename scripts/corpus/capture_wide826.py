#!/usr/bin/env python3
"""Capture round 826 of the compression corpus: database engines' and clients' outputs the corpus lacks, on a dairy's
database (`dairy`: dairymaids, churns, skimmers, setting_pans, butter_hands and a large milkings table, written by
seeded generators here), with faults put in. New kinds (NEEDLES.md, "Round 826"): psql-explain-yaml,
psql-errverbose, psql-plpgsql-raise, pg-dump-error, redis-latency-doctor, redis-lua-error, redis-acl-log,
sqlite-selftest, sqlite-trace; existing kinds captured again with their rounds' extractors, imported:
psql-explain-analyze-buffers, psql-describe-plus, psql-f-errors (round 60), sqlite-integrity-check (round 66),
redis-slowlog (round 19).

Tools (all from Debian 12, already on this machine): PostgreSQL 15.18 (initdb into the run dir under /dev/shm, a Unix
socket there, no TCP), redis-server / redis-cli 7.0.15 (127.0.0.1 on a free port, no persistence), sqlite3 3.40.1
(built without sqlite_dbpage: no .dbinfo or .recover). Nothing is downloaded.

Usage:   /work/main/.venv/bin/python scripts/corpus/capture_wide826.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide826.json, ids prefixed "wide826-".
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run, write_tree  # noqa: E402
from capture_data import free_port, wait_port  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402
from capture_wide60_pg import n_explain_buffers, n_describe_plus, n_psql_f_errors  # noqa: E402
from capture_wide66_sys import n_integrity  # noqa: E402
from capture_wide19_sys import n_redis_slowlog  # noqa: E402

ID_PREFIX = "wide826-"
DEFAULT_OUT = HERE / "data" / "wide826.json"
TMP = Path(os.environ.get("HM_WIDE826_TMP", "/dev/shm/hm-corpus-wide826-run"))
PGBIN = "/usr/lib/postgresql/15/bin"
_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add
ENV: dict = {"PSQL_PAGER": "cat", "PAGER": "cat"}

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines):
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def shape(s: str) -> str:
    return re.sub(r"\d+", "N", cm.mask(s))


# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 826")


@cm.kind("psql-explain-yaml", "table")
def n_explain_yaml(lines):
    """Rule 5: the top Node Type line, every Seq Scan / Sort / Nested Loop / Hash Join Node Type line with the Relation Name within six, non-zero Rows Removed by Filter, external Sort Method lines, Planning / Execution Time, the top node's Actual Rows and Shared Read Blocks."""
    out = []
    nodes = [i for i, ln in enumerate(lines) if re.search(r"Node Type:", ln)]
    if nodes:
        t = nodes[0]
        out.append(lines[t])
        nxt = nodes[1] if len(nodes) > 1 else len(lines)
        for ln in lines[t:nxt]:
            if re.search(r"^\s*(- )?(Actual Rows|Shared Read Blocks):", ln):
                out.append(ln)
    for i in nodes:
        if re.search(r'Node Type: "(Seq Scan|Sort|Nested Loop|Hash Join)"', lines[i]):
            out.append(lines[i])
            rel = cm.next_match(lines, i, r"Relation Name:", 6)
            if rel:
                out.append(rel)
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(- )?Rows Removed by Filter: [1-9]", s) or (re.match(r"^(- )?Sort Method:", s) and "external" in s):
            out.append(ln)
        elif re.search(r"(Planning|Execution) Time:", s):
            out.append(ln)
    return out


@cm.kind("psql-errverbose", "log")
def n_errverbose(lines):
    """Rule 1: every ERROR:  NNNNN: line with the DETAIL / HINT / LINE N / CONTEXT / LOCATION lines within six before the next ERROR; WARNING:  NNNNN: lines one {"any"} per message shape."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\bERROR:\s+[0-9A-Z]{5}:", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if re.search(r"\b(ERROR|WARNING):", lines[k]):
                    break
                if re.search(r"^(psql:\S+:\d+: )?\s*(DETAIL|HINT|CONTEXT|LOCATION):|^(psql:\S+:\d+: )?LINE \d+:", lines[k]):
                    out.append(lines[k])
        elif re.search(r"\bWARNING:\s+[0-9A-Z]{5}:", ln):
            warns.append((shape(re.sub(r"^psql:\S+:\d+: ", "", ln)), ln))
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("psql-plpgsql-raise", "log")
def n_plpgsql_raise(lines):
    """Rule 1: every ERROR: line with the CONTEXT line(s) within six; every WARNING: line; NOTICE: lines one {"any"} per message shape and the last NOTICE line."""
    out, notes = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\bERROR:", ln):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if re.search(r"\b(ERROR|WARNING|NOTICE):", lines[k]):
                    break
                if "CONTEXT:" in lines[k] or re.search(r"PL/pgSQL function|SQL statement", lines[k]):
                    out.append(lines[k])
        elif re.search(r"\bWARNING:", ln):
            out.append(ln)
        elif re.search(r"\bNOTICE:", ln):
            notes.append((shape(re.sub(r"^psql:\S+:\d+: ", "", ln)), ln))
    out += cm.groups(notes)
    if notes:
        out.append(notes[-1][1])
    return out + exit_lines(lines)


@cm.kind("pg-dump-error", "log")
def n_pg_dump_error(lines):
    """Rule 1+3: every pg_dump: error: / fatal: line and the detail / DETAIL / HINT / hint line after it; warning lines one {"any"} per shape; with -v the last progress line before the first error; EXIT=N."""
    out, warns = [], []
    first_err = None
    for i, ln in enumerate(lines):
        if re.search(r"pg_dump: (error|fatal):", ln):
            first_err = i if first_err is None else first_err
            out.append(ln)
            if i + 1 < len(lines) and re.search(r"(pg_dump: (detail|hint):|DETAIL:|HINT:)", lines[i + 1]):
                out.append(lines[i + 1])
        elif "pg_dump: warning:" in ln:
            warns.append((shape(ln), ln))
    if first_err:
        prev = [ln for ln in lines[:first_err] if re.match(r"^pg_dump: (?!error|fatal|warning|detail|hint)", ln)]
        out += prev[-1:]
    return out + cm.groups(warns) + exit_lines(lines)


@cm.kind("redis-latency-doctor", "log")
def n_latency_doctor(lines):
    """Rule 5: every numbered event line, the Dave / advices line, every advice line (starting -), rule 1's error lines."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^\d+\. \S+:", s) or s.startswith("Dave,") or "I have a few advices" in s or s.startswith("- ") \
                or re.search(r"\(error\)|^ERR\b", s):
            out.append(ln)
    return out


@cm.kind("redis-lua-error", "log")
def n_lua_error(lines):
    """Rule 1: every (error) / ERR / user_script:N: line and the == file header before each failing run; each successful run's value lines one {"any"} per script; EXIT=N."""
    out, hdr, vals, failed = [], None, {}, set()
    for ln in lines:
        if ln.startswith("== "):
            hdr = ln
            vals.setdefault(hdr, [])
            continue
        if re.search(r"\(error\)|\bERR\b|user_script:\d+:|WRONGTYPE|NOSCRIPT|\bError\b", ln):
            if hdr and hdr not in failed:
                out.append(hdr)
                failed.add(hdr)
            out.append(ln)
        elif hdr and ln.strip() and not EXIT_RE.match(ln.strip()):
            vals[hdr].append(ln)
    for h, v in vals.items():
        if h not in failed and v:
            out.append({"any": v})
    return out + exit_lines(lines)


@cm.kind("redis-acl-log", "listing")
def n_acl_log(lines):
    """Rule 4+5: per ACL LOG entry its reason, context, object and username values and the client-info addr= line; the rarest reason; the largest count."""
    out, entries = [], []
    for i, ln in enumerate(lines):
        if ln.strip() == "count" and i + 1 < len(lines):
            e = {"count": lines[i + 1]}
            for k in range(i + 2, min(len(lines) - 1, i + 30)):
                key = lines[k].strip()
                if key == "count":
                    break
                if key in ("reason", "context", "object", "username"):
                    e[key] = lines[k + 1]
                elif key == "client-info":
                    e["client-info"] = lines[k + 1]
            entries.append(e)
    for e in entries:
        out += [e.get(k) for k in ("reason", "context", "object", "username")]
        ci = e.get("client-info")
        if ci:
            m = re.search(r"addr=\S+", ci)
            out.append(m.group(0) if m else ci)
    if entries:
        from collections import Counter
        c = Counter(e.get("reason") for e in entries)
        rare = min(c, key=lambda r: c[r])
        if rare:
            out.append(rare)
        big = max(entries, key=lambda e: int(e["count"]) if e["count"].strip().isdigit() else 0)
        out.append(big["count"])
    return [n for n in out if n and n.strip()] + [ln for ln in lines if re.search(r"\(error\)|^ERR\b", ln)]


@cm.kind("sqlite-selftest", "test")
def n_selftest(lines):
    """Rule 1+2: every N: Expected: line with the N: Got: line after it, every N: error-code line, the N errors out of M tests summary, each failing check's N: run line."""
    out = []
    fails = set()
    for i, ln in enumerate(lines):
        m = re.match(r"^(\d+): (Expected:|error-code)", ln)
        if m:
            fails.add(m.group(1))
            out.append(ln)
            if m.group(2) == "Expected:" and i + 1 < len(lines) and re.match(rf"^{m.group(1)}:\s+Got:", lines[i + 1]):
                out.append(lines[i + 1])
        elif re.search(r"\d+ errors? out of \d+ tests", ln):
            out.append(ln)
    for ln in lines:
        m = re.match(r"^(\d+): run ", ln)
        if m and m.group(1) in fails:
            out.append(ln)
    return out + [ln for ln in lines if re.match(r"^(Error|Parse error)\b", ln)] + exit_lines(lines)


@cm.kind("sqlite-trace", "log")
def n_sqlite_trace(lines):
    """Rule 1+4: every Error / Parse error line with the ^--- error here line and the statement above it; the profile lines of the three slowest statements and the fastest; each distinct traced statement one {"any"}."""
    out = []
    prof = []
    for i, ln in enumerate(lines):
        m = re.search(r"(Parse error|Error)\b.*", ln)
        if m and (m.start() == 0 or ln[m.start() - 1] == " " or m.group(0).startswith("Error: ")):
            out.append(m.group(0))  # stderr can land inside a stdout line: the error from its start
            for k in range(i + 1, min(len(lines), i + 3)):
                if "error here" in lines[k]:
                    out += [lines[k - 1], lines[k]]
                    break
        m = re.search(r"-- (\d+) ns\s*$", ln)
        if m:
            prof.append((int(m.group(1)), ln))
    if prof:
        prof.sort(key=lambda p: p[0])
        out += [p[1] for p in prof[-3:]] + [prof[0][1]]
    stmts = {}
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(SELECT|select|INSERT|insert|UPDATE|update|DELETE|delete|WITH|with)\b", s):
            key = re.sub(r"\s*-- \d+ ns\s*$", "", s)
            stmts.setdefault(key, []).append(ln)
    out += [{"any": v} for v in stmts.values()]
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the material

MAIDS = ["Hester", "Tabitha", "Keziah", "Dorcas", "Jemima", "Patience", "Mercy", "Ruth", "Phoebe", "Bridget",
         "Martha", "Nell", "Agnes", "Lettice", "Joan", "Sukey", "Kitty", "Polly", "Hannah", "Prudence"]
SURN = ["Whey", "Creamer", "Curdwell", "Buttery", "Pailing", "Skimmer", "Churnside", "Dairyman", "Crocker", "Milner"]
COWS = ["Buttercup", "Daisy", "Clover", "Bluebell", "Primrose", "Bramble", "Poppy", "Meadowsweet", "Cowslip",
        "Honeysuckle", "Violet", "Marigold", "Snowdrop", "Sorrel", "Tansy", "Yarrow"]

SCHEMA = """
CREATE TABLE dairymaids (id int PRIMARY KEY, name text NOT NULL, shift text NOT NULL
  CHECK (shift IN ('dawn','noon','dusk')), hired date NOT NULL, wage_pence int CHECK (wage_pence > 0));
CREATE TABLE setting_pans (id int PRIMARY KEY, material text NOT NULL, size_l numeric(5,1) NOT NULL,
  room text NOT NULL, cracked boolean NOT NULL DEFAULT false);
CREATE TABLE skimmers (id int PRIMARY KEY, material text NOT NULL, pan_id int REFERENCES setting_pans(id),
  holes int NOT NULL);
CREATE TABLE churns (id int PRIMARY KEY, kind text NOT NULL, capacity_l numeric(5,1) NOT NULL
  CHECK (capacity_l BETWEEN 5 AND 200), dairymaid_id int REFERENCES dairymaids(id), last_scalded date);
CREATE TABLE butter_hands (id int PRIMARY KEY, wood text NOT NULL, dairymaid_id int REFERENCES dairymaids(id),
  pats_per_hour int NOT NULL);
CREATE TABLE milkings (id bigint PRIMARY KEY, cow text NOT NULL, maid_id int NOT NULL REFERENCES dairymaids(id),
  pan_id int REFERENCES setting_pans(id), litres numeric(6,2) NOT NULL, fat_pct numeric(4,2),
  taken_at timestamptz NOT NULL, note text);
CREATE TABLE churnings (id serial PRIMARY KEY, churn_id int NOT NULL REFERENCES churns(id),
  cream_l numeric(6,2) NOT NULL, butter_kg numeric(6,2), minutes int, churned_on date NOT NULL,
  UNIQUE (churn_id, churned_on));
CREATE INDEX milkings_maid ON milkings (maid_id);
CREATE INDEX churnings_on ON churnings (churned_on);
"""


def dairy_data(seed: int = 826) -> str:
    r = random.Random(seed)
    out = ["BEGIN;"]
    for i in range(1, 41):
        out.append(f"INSERT INTO dairymaids VALUES ({i}, '{r.choice(MAIDS)} {r.choice(SURN)}', "
                   f"'{r.choice(['dawn', 'dawn', 'noon', 'dusk'])}', DATE '1861-01-01' + {r.randint(0, 3000)}, "
                   f"{r.randint(40, 140)});")
    for i in range(1, 121):
        out.append(f"INSERT INTO setting_pans VALUES ({i}, '{r.choice(['earthenware', 'earthenware', 'tin', 'lead', 'slate'])}', "
                   f"{r.choice([8, 10, 12, 15])}.0, '{r.choice(['north dairy', 'north dairy', 'cool room', 'cellar'])}', "
                   f"{'true' if r.random() < 0.05 else 'false'});")
    for i in range(1, 61):
        out.append(f"INSERT INTO skimmers VALUES ({i}, '{r.choice(['brass', 'tin', 'tin', 'wood'])}', {r.randint(1, 120)}, "
                   f"{r.randint(12, 60)});")
    for i in range(1, 81):
        out.append(f"INSERT INTO churns VALUES ({i}, '{r.choice(['plunge', 'barrel', 'barrel', 'box', 'end-over-end'])}', "
                   f"{r.choice([20, 40, 60, 90, 120])}.0, {r.randint(1, 40)}, DATE '1868-05-01' - {r.randint(0, 90)});")
    for i in range(1, 51):
        out.append(f"INSERT INTO butter_hands VALUES ({i}, '{r.choice(['sycamore', 'sycamore', 'beech', 'ash'])}', "
                   f"{r.randint(1, 40)}, {r.randint(30, 200)});")
    out.append("INSERT INTO milkings SELECT g, (ARRAY['" + "','".join(COWS) + "'])[1 + (g * 7919) % 16], "
               "1 + (g * 31) % 40, 1 + (g * 17) % 120, round((4 + ((g * 2654435761) % 1000) / 100.0)::numeric, 2), "
               "round((3 + ((g * 40503) % 300) / 100.0)::numeric, 2), "
               "timestamptz '1867-01-01 05:00+00' + (g || ' minutes')::interval * 7, "
               "CASE WHEN g % 997 = 0 THEN 'blood in milk' WHEN g % 211 = 0 THEN 'kicked the pail' END "
               "FROM generate_series(1::bigint, 300000) g;")
    out.append("INSERT INTO churnings (churn_id, cream_l, butter_kg, minutes, churned_on) SELECT 1 + g % 80, "
               "10 + (g * 13) % 40, round(((10 + (g * 13) % 40) * 0.21)::numeric, 2), 20 + (g * 7) % 70, "
               "DATE '1867-01-01' + g / 80 FROM generate_series(1, 20000) g;")
    out.append("COMMIT;")
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------ PostgreSQL


def pg(cmd: str, cwd: Path, timeout: int = 300) -> str:
    return run(cmd, cwd=cwd, env=ENV, timeout=timeout)


def pgcap(item_id: str, cmd: str, cwd: Path, ext, timeout: int = 300) -> None:
    add(item_id, cmd, pg(cmd, cwd, timeout), ext)


def cluster(tmp: Path) -> Path:
    d = tmp / "pg"
    d.mkdir(parents=True)
    run(f"chown -R postgres:postgres {d}")
    ENV.update({"PGHOST": str(d), "PGPORT": "5826", "PGUSER": "postgres", "PGDATABASE": "dairy"})
    out = run(f"runuser -u postgres -- {PGBIN}/initdb -D {d}/data --auth=trust -U postgres -E UTF8 --locale=C.UTF-8")
    cm.note(out.strip().splitlines()[-1] if out.strip() else "initdb: no output")
    with open(d / "data" / "postgresql.conf", "a") as f:
        f.write(f"port = 5826\nlisten_addresses = ''\nunix_socket_directories = '{d}'\nwork_mem = 128kB\n"
                "shared_buffers = 16MB\nmax_wal_size = 256MB\nlog_lock_waits = on\n")
    cm.note(run(f"runuser -u postgres -- {PGBIN}/pg_ctl -D {d}/data -l {d}/server.log -w start").strip())
    write_tree(d, {"schema.sql": SCHEMA.lstrip(), "data.sql": dairy_data()})
    cm.note(pg("createdb dairy && psql -X -q -f schema.sql && psql -X -q -f data.sql && psql -X -q -c 'VACUUM ANALYZE'",
               d, timeout=600)[-300:])
    return d


ERR_SQL = {
    "morning_load.sql": r"""
\set VERBOSITY verbose
INSERT INTO dairymaids VALUES (7, 'Hester Whey', 'dawn', '1866-03-01', 90);
INSERT INTO dairymaids VALUES (41, 'Sukey Crocker', 'midnight', '1868-02-01', 70);
INSERT INTO churns VALUES (81, 'barrel', 250.0, 12, '1868-04-30');
INSERT INTO churns VALUES (82, 'plunge', 40.0, 77, '1868-04-30');
UPDATE milkings SET litres = litres / 0 WHERE id = 5;
SELECT cow, sum(litre) FROM milkings GROUP BY cow;
INSERT INTO churnings (churn_id, cream_l, churned_on) SELECT churn_id, cream_l, churned_on FROM churnings WHERE id = 3;
SELECT count(*) FROM dairymaid;
""",
    "pan_room_move.sql": r"""
\set VERBOSITY verbose
BEGIN;
UPDATE setting_pans SET room = 'cool room' WHERE cracked;
DELETE FROM setting_pans WHERE id = 3;
SELECT 1;
ROLLBACK;
ALTER TABLE skimmers ADD CONSTRAINT skimmers_holes_ck CHECK (holes < 50);
CREATE UNIQUE INDEX churns_kind_uq ON churns (kind);
SELECT * FROM milkings WHERE taken_at > 'yesterday at dawn';
SELECT maid_id::text || 1 FROM butter_hands LIMIT;
INSERT INTO butter_hands VALUES (51, 'oak', 3, NULL);
COPY skimmers FROM '/no/such/skimmers.csv' WITH (FORMAT csv);
SET work_mem = '2 furlongs';
DROP TABLE dairymaids;
""",
    "wage_review.sql": r"""
\set VERBOSITY verbose
SELECT name, wage_pence / (EXTRACT(year FROM hired)::int - 1861) AS rise FROM dairymaids ORDER BY 2;
SELECT name, wages FROM dairymaids;
SELECT d.name, count(*) FROM dairymaids d JOIN milkings m ON m.maid_id = d.id GROUP BY d.id HAVING count(*) > 'many';
UPDATE dairymaids SET wage_pence = -wage_pence WHERE shift = 'dusk';
SELECT to_date('31/02/1868', 'DD/MM/YYYY')::date + interval '1 fortnight';
WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n, n::smallint * 20000 FROM r;
SELECT substring(name from 1 for -2) FROM dairymaids LIMIT 1;
""",
}

ERR_BIG = "\n".join(
    [r"\set VERBOSITY verbose"]
    + [f"INSERT INTO churnings (churn_id, cream_l, butter_kg, minutes, churned_on) VALUES "
       f"({(k * 37) % 95 + 1}, {10 + k % 30}, {2 + k % 9}, {k % 70 + 10}, DATE '1867-01-01' + {k % 300});"
       for k in range(1, 90)]
) + "\n"

RAISE_SQL = {
    "churn_yield.sql": r"""
CREATE OR REPLACE FUNCTION butter_yield(c int) RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE cream numeric; butter numeric;
BEGIN
  SELECT sum(cream_l), sum(butter_kg) INTO cream, butter FROM churnings WHERE churn_id = c AND churned_on < '1867-01-04';
  RAISE NOTICE 'churn %: % l cream gave % kg butter', c, cream, butter;
  IF butter / cream < 0.22 THEN
    RAISE WARNING 'churn % yields only % kg per litre', c, round(butter / cream, 3);
  END IF;
  RETURN butter / (cream - cream);
END $$;
SELECT butter_yield(1);
DO $$ BEGIN FOR i IN 1..25 LOOP RAISE NOTICE 'scalding churn % at % degrees', i, 70 + i % 9; END LOOP; END $$;
DO $$ DECLARE n int; BEGIN
  SELECT count(*) INTO n FROM setting_pans WHERE cracked;
  IF n > 0 THEN RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = n || ' setting pans are cracked',
    HINT = 'Send them to the tinker before the evening skim.', DETAIL = 'north dairy pans checked at dusk'; END IF;
END $$;
""",
    "skim_rounds.sql": r"""
CREATE OR REPLACE FUNCTION skim_pan(p int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE h int;
BEGIN
  SELECT holes INTO STRICT h FROM skimmers WHERE pan_id = p;
  RAISE NOTICE 'pan % skimmed with % holes', p, h;
  RETURN h;
END $$;
CREATE OR REPLACE FUNCTION skim_round(first int, last int) RETURNS int LANGUAGE plpgsql AS $$
DECLARE t int := 0;
BEGIN
  FOR p IN first..last LOOP
    t := t + skim_pan(p);
  END LOOP;
  RETURN t;
END $$;
SELECT skim_round(1, 3);
SELECT skim_round(40, 48);
SELECT skim_round(118, 125);
""",
}


def raise_big() -> str:
    return r"""
CREATE OR REPLACE FUNCTION audit_maids() RETURNS void LANGUAGE plpgsql AS $$
DECLARE r record; n int;
BEGIN
  FOR r IN SELECT id, name, shift FROM dairymaids ORDER BY id LOOP
    SELECT count(*) INTO n FROM milkings WHERE maid_id = r.id AND note IS NOT NULL;
    RAISE NOTICE 'maid % (%, %): % noted milkings', r.id, r.name, r.shift, n;
    IF n > 40 THEN RAISE WARNING 'maid % has % noted milkings on the % shift', r.name, n, r.shift; END IF;
  END LOOP;
  PERFORM 1 / (SELECT count(*) FROM dairymaids WHERE shift = 'dusk' AND wage_pence > 1000);
END $$;
SELECT audit_maids();
"""


CHURN_GUARD = r"""
CREATE OR REPLACE FUNCTION churn_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.butter_kg IS NULL THEN
    RAISE NOTICE 'churning % on % has no butter weighed yet', NEW.churn_id, NEW.churned_on;
  ELSIF NEW.butter_kg > NEW.cream_l * 0.3 THEN
    RAISE EXCEPTION 'churn %: % kg butter from % l cream is more than the cream can give', NEW.churn_id, NEW.butter_kg,
      NEW.cream_l USING ERRCODE = 'check_violation', HINT = 'Weigh the butter again after working out the buttermilk.';
  ELSIF NEW.minutes > 60 THEN
    RAISE WARNING 'churn % took % minutes: cream too cold?', NEW.churn_id, NEW.minutes;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER churnings_guard BEFORE INSERT OR UPDATE ON churnings FOR EACH ROW EXECUTE FUNCTION churn_guard();
INSERT INTO churnings (churn_id, cream_l, butter_kg, minutes, churned_on) VALUES (4, 30, NULL, 40, '1868-05-01');
INSERT INTO churnings (churn_id, cream_l, butter_kg, minutes, churned_on) VALUES (5, 30, 6.2, 75, '1868-05-01');
INSERT INTO churnings (churn_id, cream_l, butter_kg, minutes, churned_on) VALUES (6, 20, 9.5, 30, '1868-05-01');
UPDATE churnings SET minutes = minutes + 45 WHERE churned_on = '1867-02-03';
UPDATE churnings SET butter_kg = butter_kg * 2 WHERE churn_id = 7 AND churned_on > '1867-06-01';
INSERT INTO churnings (churn_id, cream_l, butter_kg, minutes, churned_on) SELECT churn_id, cream_l, NULL, minutes,
  churned_on + 400 FROM churnings WHERE churned_on = '1867-01-09';
"""


PLANS = {
    "seqscan": "SELECT cow, count(*), avg(litres) FROM milkings WHERE fat_pct > 5.8 AND note IS NOT NULL GROUP BY cow",
    "sortjoin": "SELECT d.name, m.cow, m.litres FROM milkings m JOIN dairymaids d ON d.id = m.maid_id "
                "WHERE m.pan_id IN (SELECT id FROM setting_pans WHERE cracked) ORDER BY m.litres DESC, m.taken_at",
    "churns": "SELECT c.kind, sum(ch.butter_kg) FROM churnings ch JOIN churns c ON c.id = ch.churn_id "
              "WHERE ch.churned_on BETWEEN '1867-03-01' AND '1867-03-31' GROUP BY c.kind ORDER BY 2 DESC",
    "nested": "SELECT b.wood, d.name, (SELECT count(*) FROM milkings m WHERE m.maid_id = d.id AND m.litres > 13.9) "
              "FROM butter_hands b JOIN dairymaids d ON d.id = b.dairymaid_id WHERE b.pats_per_hour > 150",
}


def postgres(tmp: Path) -> None:
    d = cluster(tmp)
    for name, q in PLANS.items():
        (d / f"{name}.sql").write_text(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT YAML) {q};\n")
        pgcap(f"pg-yaml-{name}", f"psql -X dairy -f {name}.sql", d, n_explain_yaml)
    for name in ("seqscan", "sortjoin"):
        q = PLANS[name].replace('"', '\\"')
        pgcap(f"pg-buffers-{name}", f'psql -X dairy -c "EXPLAIN (ANALYZE, BUFFERS) {q}"', d, n_explain_buffers)
    for t in ("milkings", "churns"):
        pgcap(f"pg-describe-{t}", f"psql -X dairy -c '\\d+ {t}'", d, n_describe_plus)
    write_tree(d, {**{k: v.lstrip() for k, v in ERR_SQL.items()}, "churning_backfill.sql": ERR_BIG,
                   **{k: v.lstrip() for k, v in RAISE_SQL.items()}, "maid_audit.sql": raise_big().lstrip(),
                   "churn_guard.sql": CHURN_GUARD.lstrip()})
    for f in ERR_SQL:
        pgcap(f"pg-errverbose-{f[:-4].replace('_', '-')}", f"psql -X dairy -f {f}; echo EXIT=$?", d, n_errverbose)
    pgcap("pg-errverbose-backfill", "psql -X -q dairy -f churning_backfill.sql 2>&1 | tail -n 120", d, n_errverbose)
    # the same faults without verbose: an existing kind
    (d / "morning_load_terse.sql").write_text(ERR_SQL["morning_load.sql"].replace("\\set VERBOSITY verbose\n", ""))
    pgcap("pg-f-errors-morning", "psql -X dairy -f morning_load_terse.sql", d, n_psql_f_errors)
    for f in RAISE_SQL:
        pgcap(f"pg-raise-{f[:-4].replace('_', '-')}", f"psql -X dairy -f {f}", d, n_plpgsql_raise)
    pgcap("pg-raise-churn-trigger", "psql -X dairy -f churn_guard.sql; echo EXIT=$?", d, n_plpgsql_raise)
    pgcap("pg-raise-maid-audit", "psql -X dairy -f maid_audit.sql; echo EXIT=$?", d, n_plpgsql_raise)
    # pg_dump failures
    pg("psql -X -q dairy -c \"CREATE ROLE dairy_clerk LOGIN; GRANT SELECT ON dairymaids, churns, churnings, "
       "setting_pans, skimmers, milkings TO dairy_clerk; GRANT USAGE ON SEQUENCE churnings_id_seq TO dairy_clerk\"", d)
    pgcap("pgdump-nomatch", "pg_dump -v --strict-names -t 'butter_hand' -t 'churn*' dairy > dairy.sql; echo EXIT=$?; "
          "pg_dump -v --strict-names -t 'butter_hands' -t 'churn*' dairy > dairy.sql; echo EXIT=$?", d, n_pg_dump_error)
    pgcap("pgdump-perm", "pg_dump -v -U dairy_clerk -s dairy -f clerk.sql; echo EXIT=$?; "
          "pg_dump -v -U dairy_clerk -s -T butter_hands dairy -f clerk.sql; echo EXIT=$?", d, n_pg_dump_error)
    pgcap("pgdump-perm-data", "pg_dump -v -U dairy_clerk -a -T milkings dairy -f clerk.sql 2>&1 | tail -n 40; echo EXIT=$?; "
          "pg_dump -v -U dairy_clerk -a -T milkings -T butter_hands dairy -f clerk.sql 2>&1 | tail -n 40; echo EXIT=$?",
          d, n_pg_dump_error)
    locker = cm.start(f"psql -X dairy -c 'BEGIN; LOCK TABLE butter_hands IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(25); COMMIT'",
                      env={**ENV})
    time.sleep(1.5)
    pgcap("pgdump-lock", "pg_dump -v --lock-wait-timeout=2s -Fc -f dairy.dump dairy; echo EXIT=$?; "
          "pg_dump -v --lock-wait-timeout=2s -Fc -T butter_hands -f dairy.dump dairy; echo EXIT=$?", d, n_pg_dump_error,
          timeout=60)
    pg("mkdir -p dairy_dir && touch dairy_dir/toc.dat", d)
    pgcap("pgdump-dir", "pg_dump -v -Fd -j 2 -f dairy_dir dairy; echo EXIT=$?; pg_dump -v -Fd -j 2 -f dairy_dir2 "
          "-t milkings -t churnings dairy; echo EXIT=$?", d, n_pg_dump_error)
    pgcap("pgdump-nodb", "pg_dump -v -d creamery -t churns; pg_dump -v -p 5999 dairy; echo EXIT=$?", d, n_pg_dump_error)
    os.killpg(locker.pid, 9)
    cm.note(run(f"runuser -u postgres -- {PGBIN}/pg_ctl -D {d}/data -m fast -w stop").strip())


# ------------------------------------------------------------------ redis


def redis(tmp: Path) -> None:
    d = tmp / "redis"
    d.mkdir(parents=True)
    port = free_port()
    cm.start(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
              "--dir", str(d), "--enable-debug-command", "yes", "--slowlog-log-slower-than", "2000"], cwd=d)
    if not wait_port(port, 15):
        raise RuntimeError("redis did not start")
    rc = f"redis-cli -p {port}"
    r = random.Random(8260)
    cmds = []
    for i in range(1, 4001):
        cmds.append(f"HSET cow:{i} name {r.choice(COWS)}{i} maid {r.randint(1, 40)} litres {r.randint(4, 18)}")
        cmds.append(f"RPUSH milkings:all {r.randint(1, 99999)}")
        cmds.append(f"ZADD yield {r.randint(100, 9999)} cow:{i}")
    for i in range(1, 81):
        cmds.append(f"SET churn:{i}:state {r.choice(['idle', 'idle', 'churning', 'scalding'])}")
        cmds.append(f"SET skimmer:{i}:pan {r.randint(1, 120)}")
    cmds.append("LPUSH pans:cracked 3 17 44")
    (d / "load.txt").write_text("\n".join(cmds) + "\n")
    cm.note(run(f"{rc} < load.txt > /dev/null; {rc} DBSIZE", cwd=d).strip())
    short = f"redis-cli -p {port}"
    # latency doctor, three states
    run(f"{rc} CONFIG SET latency-monitor-threshold 5", cwd=d)
    run(f"for i in 1 2 3 4 5 6; do {rc} DEBUG SLEEP 0.0$i >/dev/null; done; {rc} SORT milkings:all > /dev/null", cwd=d)
    add("redis-latency-sleeps", f"{short} LATENCY DOCTOR", run(f"{rc} LATENCY DOCTOR", cwd=d), n_latency_doctor)
    run(f"for i in 1 2 3; do {rc} KEYS '*' >/dev/null; {rc} SORT milkings:all DESC >/dev/null; "
        f"{rc} DEBUG SLEEP 0.2 >/dev/null; {rc} ZRANGEBYSCORE yield -inf +inf WITHSCORES >/dev/null; done; "
        f"{rc} EVAL \"local n=0 for i=1,3000000 do n=n+i end return n\" 0 >/dev/null", cwd=d)
    add("redis-latency-storm", f"{short} LATENCY LATEST; {short} LATENCY DOCTOR",
        run(f"{rc} LATENCY LATEST; {rc} LATENCY DOCTOR", cwd=d), n_latency_doctor)
    run(f"{rc} LATENCY RESET; {rc} DEBUG SLEEP 0.12 >/dev/null; {rc} SADD big:set $(seq 1 20000) >/dev/null; "
        f"{rc} DEL big:set >/dev/null; {rc} DEBUG SLEEP 0.03 >/dev/null; {rc} SORT milkings:all ALPHA >/dev/null; "
        f"{rc} CONFIG SET maxmemory 2mb; {rc} CONFIG SET maxmemory-policy allkeys-lru; {rc} SET pad x >/dev/null; "
        f"{rc} CONFIG SET maxmemory 0", cwd=d)
    add("redis-latency-history", f"{short} LATENCY HISTORY command; {short} LATENCY DOCTOR",
        run(f"{rc} LATENCY HISTORY command; {rc} LATENCY DOCTOR", cwd=d), n_latency_doctor)
    # slowlog, existing kind
    add("redis-slowlog-dairy", f"{short} SLOWLOG GET 12", run(f"{rc} SLOWLOG GET 12", cwd=d), n_redis_slowlog)
    run(f"{rc} SLOWLOG RESET; {rc} CONFIG SET slowlog-log-slower-than 0; {rc} CLIENT SETNAME dairymaid-tally; "
        f"for i in 1 2 3 4 5 6 7 8; do {rc} HGETALL cow:$i >/dev/null; {rc} ZREVRANGE yield 0 $((i*40)) >/dev/null; done; "
        f"{rc} LRANGE milkings:all 0 2000 >/dev/null; {rc} CONFIG SET slowlog-log-slower-than 2000", cwd=d)
    add("redis-slowlog-all", f"{short} SLOWLOG GET 40", run(f"{rc} SLOWLOG GET 40", cwd=d), n_redis_slowlog)
    # Lua errors
    lua = {
        "churn_total.lua": "local t = 0\nfor i = 1, tonumber(ARGV[1]) do\n  t = t + tonumber(redis.call('HGET', KEYS[1] .. i, 'litres'))\nend\nreturn t\n",
        "pan_state.lua": "local s = redis.call('GET', KEYS[1])\nif s == 'scalding' then\n  return redis.error_reply('churn is scalding: ' .. KEYS[1])\nend\nreturn redis.call('HGET', KEYS[1], 'state')\n",
        "skim.lua": "local pans = redis.call('LRANGE', KEYS[1], 0, -1)\nlocal out = {}\nfor i, p in ipairs(pans) do\n  out[#out + 1] = 'pan ' .. p .. ' skimmed'\nend\nreturn out\n",
        "cracked.lua": "local n = redis.call('LLEN', KEYS[1])\nif n > 2 then\n  creamery.alert(n)\nend\nreturn n\n",
        "yield_top.lua": "local top = redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES')\nreturn top\n",
        "maid_wage.lua": "local w = redis.call('HGET', KEYS[1], 'wage')\nreturn w * 12\n",
        "butter_pats.lua": "redis.call('SET', KEYS[1], ARGV[1])\nreturn redis.call('INCRBY', KEYS[1], ARGV[2])\n",
    }
    write_tree(d / "lua", lua)
    runs = [("churn_total.lua", "cow: , 5"), ("churn_total.lua", "cow: , 4005"), ("pan_state.lua", "churn:1:state"),
            ("skim.lua", "pans:cracked"), ("cracked.lua", "pans:cracked"), ("yield_top.lua", "yield , 8"),
            ("maid_wage.lua", "cow:3"), ("butter_pats.lua", "butter:pats , sycamore 3"), ("skim.lua", "churn:2:state")]
    scal = next((k for k in range(1, 81) if run(f"{rc} GET churn:{k}:state", cwd=d).strip() == "scalding"), 1)
    runs[2] = ("pan_state.lua", f"churn:{scal}:state")
    loop = "; ".join(f"echo '== lua/{f} {a}'; {rc} --eval lua/{f} {a}" for f, a in runs)
    typed = "; ".join(f"echo '== lua/{f} {a}'; {short} --eval lua/{f} {a}" for f, a in runs)
    add("redis-lua-all", typed + "; echo EXIT=$?", run(loop + "; echo EXIT=$?", cwd=d), n_lua_error)
    loop2 = "; ".join(f"echo '== lua/{f} {a}'; {rc} --eval lua/{f} {a}" for f, a in runs[:5])
    typed2 = "; ".join(f"echo '== lua/{f} {a}'; {short} --eval lua/{f} {a}" for f, a in runs[:5])
    add("redis-lua-churns", typed2, run(loop2, cwd=d), n_lua_error)
    loop3 = "; ".join(f"echo '== lua/{f} {a}'; {rc} --eval lua/{f} {a}" for f, a in runs[4:8]) + "; echo EXIT=$?"
    typed3 = "; ".join(f"echo '== lua/{f} {a}'; {short} --eval lua/{f} {a}" for f, a in runs[4:8]) + "; echo EXIT=$?"
    add("redis-lua-pans", typed3, run(loop3, cwd=d), n_lua_error)
    # ACL log
    run(f"{rc} ACL SETUSER hester on '>whey' '~churn:*' '~cow:*' +get +hget +hgetall +ping; "
        f"{rc} ACL SETUSER tabitha on '>curds' '~skimmer:*' '&pans' +@read +subscribe; "
        f"{rc} ACL SETUSER dorcas on '>pail' '~*' +@all -flushall -debug -config", cwd=d)
    attempts = [f"{rc} --user hester --pass cream PING", f"{rc} --user hester --pass whey SET churn:1:state idle",
                f"{rc} --user hester --pass whey GET skimmer:4:pan", f"{rc} --user hester --pass whey FLUSHALL",
                f"{rc} --user tabitha --pass curds GET churn:2:state", f"{rc} --user dorcas --pass pail FLUSHALL",
                f"{rc} --user dorcas --pass pail CONFIG GET maxmemory",
                f"{rc} --user tabitha --pass curds EVAL \"return redis.call('GET','cow:1')\" 0"]
    for i, a in enumerate(attempts):
        for _ in range(1 + (i * 3) % 4):
            run(a + " > /dev/null", cwd=d)
    run(f"timeout 2 {rc} --user tabitha --pass curds SUBSCRIBE churns > /dev/null", cwd=d)
    add("redis-acl-log-all", f"{short} ACL LOG", run(f"{rc} ACL LOG", cwd=d), n_acl_log)
    add("redis-acl-log-5", f"{short} ACL LOG 5", run(f"{rc} ACL LOG 5", cwd=d), n_acl_log)
    run(f"{rc} ACL LOG RESET; for i in 1 2 3 4 5 6; do {rc} --user sukey --pass x PING >/dev/null; done; "
        f"{rc} --user hester --pass whey HSET cow:9 litres 0 >/dev/null; {rc} --user hester --pass whey DEL cow:9 >/dev/null", cwd=d)
    add("redis-acl-log-reset", f"{short} ACL LOG", run(f"{rc} ACL LOG", cwd=d), n_acl_log)
    run(f"{rc} SHUTDOWN NOSAVE", cwd=d)


# ------------------------------------------------------------------ sqlite3


def sqlite_db(path: Path, n: int, seed: int) -> None:
    import sqlite3
    r = random.Random(seed)
    con = sqlite3.connect(path)
    con.executescript(
        "CREATE TABLE dairymaids(id INTEGER PRIMARY KEY, name TEXT, shift TEXT, wage_pence INT);"
        "CREATE TABLE churns(id INTEGER PRIMARY KEY, kind TEXT, capacity_l REAL, dairymaid_id INT REFERENCES dairymaids(id));"
        "CREATE TABLE milkings(id INTEGER PRIMARY KEY, cow TEXT, maid_id INT, litres REAL, fat_pct REAL, taken_at TEXT, note TEXT);"
        "CREATE INDEX milkings_cow ON milkings(cow);"
        "CREATE TABLE selftest(tno INTEGER PRIMARY KEY, op TEXT, cmd TEXT, ans TEXT);")
    con.executemany("INSERT INTO dairymaids VALUES (?,?,?,?)",
                    [(i, f"{r.choice(MAIDS)} {r.choice(SURN)}", r.choice(["dawn", "noon", "dusk"]), r.randint(40, 140))
                     for i in range(1, 41)])
    con.executemany("INSERT INTO churns VALUES (?,?,?,?)",
                    [(i, r.choice(["plunge", "barrel", "box"]), r.choice([20, 40, 60]), r.randint(1, 45)) for i in range(1, 81)])
    con.executemany("INSERT INTO milkings VALUES (?,?,?,?,?,?,?)",
                    [(i, r.choice(COWS), r.randint(1, 40), round(r.uniform(3, 15), 2), round(r.uniform(3, 6), 2),
                      f"1867-{1 + i % 12:02d}-{1 + i % 28:02d} 0{5 + i % 4}:{i % 60:02d}",
                      "kicked the pail" if i % 211 == 0 else None) for i in range(1, n + 1)])
    con.commit()
    con.close()


SELFTESTS = [
    ("run", "SELECT count(*) FROM dairymaids", "40"),
    ("run", "SELECT count(*) FROM churns WHERE dairymaid_id NOT IN (SELECT id FROM dairymaids)", "0"),
    ("memo", "churns must belong to a dairymaid", None),
    ("run", "SELECT min(litres) >= 3 FROM milkings", "1"),
    ("run", "SELECT max(fat_pct) < 5.5 FROM milkings", "1"),
    ("run", "SELECT count(DISTINCT cow) FROM milkings", "16"),
    ("run", "SELECT cow FROM milkings ORDER BY litres DESC LIMIT 1", "Buttercup"),
    ("run", "SELECT count(*) FROM milkings WHERE note IS NOT NULL", "3"),
    ("run", "SELECT sum(capacity_l) FROM churn", "3600"),
    ("run", "SELECT shift, count(*) FROM dairymaids GROUP BY shift ORDER BY shift", "dawn 13 dusk 14 noon 13"),
    ("run", "PRAGMA integrity_check", "ok"),
    ("run", "SELECT count(*) FROM milkings WHERE taken_at > '1867-12'", "0"),
    ("run", "SELECT typeof(wage_pence) FROM dairymaids LIMIT 1", "integer"),
    ("run", "SELECT avg(litres) FROM milkings WHERE maid_id = 7", "9"),
    ("memo", "every milking is taken between five and nine in the morning", None),
    ("run", "SELECT count(*) FROM milkings WHERE substr(taken_at, 12, 2) NOT IN ('05','06','07','08')", "0"),
    ("run", "SELECT count(*) FROM milkings WHERE maid_id NOT BETWEEN 1 AND 40", "0"),
    ("run", "SELECT group_concat(kind) FROM (SELECT DISTINCT kind FROM churns ORDER BY kind)", "barrel,box,plunge,end-over-end"),
    ("run", "SELECT name FROM dairymaids WHERE wage_pence = (SELECT max(wage_pence) FROM dairymaids)", "Hester Whey"),
    ("run", "SELECT count(*) FROM milkings WHERE cow = 'Daisy' AND litres > 14", "12"),
    ("run", "SELECT round(sum(litres)) FROM milkings", "54000.0"),
]


def sqlite(tmp: Path) -> None:
    d = tmp / "sqlite"
    d.mkdir(parents=True)
    sqlite_db(d / "dairy.db", 6000, 1)
    sqlite_db(d / "pans.db", 900, 2)
    import sqlite3
    for name, tests in (("dairy.db", SELFTESTS), ("pans.db", SELFTESTS[:8])):
        con = sqlite3.connect(d / name)
        con.executemany("INSERT INTO selftest(op, cmd, ans) VALUES (?,?,?)", tests)
        con.commit()
        con.close()
    cm.Sized(400, 120_000).cap("sqlite-selftest-v", "sqlite3 dairy.db '.selftest -v'; echo EXIT=$?", d, n_selftest)
    cm.Sized(400, 120_000).cap("sqlite-selftest", "sqlite3 dairy.db .selftest; echo EXIT=$?", d, n_selftest)
    cm.Sized(400, 120_000).cap("sqlite-selftest-pans", "sqlite3 pans.db '.selftest -v'", d, n_selftest)
    trace1 = ("sqlite3 dairy.db '.trace stdout --profile' "
              "\"SELECT cow, count(*), round(avg(litres),2) FROM milkings GROUP BY cow;\" "
              "\"SELECT name FROM dairymaids WHERE id NOT IN (SELECT maid_id FROM milkings);\" "
              "\"SELECT c.kind, d.name FROM churns c LEFT JOIN dairymaids d ON d.id = c.dairymaid_id WHERE d.id IS NULL;\" "
              "\"SELECT cow, litre FROM milkings LIMIT 3;\" "
              "\"SELECT count(*) FROM milkings m1, milkings m2 WHERE m1.cow = m2.cow AND m1.id < 300 AND m2.id < 300;\"")
    cm.Sized(400, 120_000).cap("sqlite-trace-profile", trace1, d, n_sqlite_trace)
    trace2 = ("sqlite3 pans.db '.trace stdout --profile --row' "
              "\"SELECT id, cow, litres FROM milkings WHERE litres > 14.5;\" "
              "\"UPDATE milkings SET note = 'thin' WHERE fat_pct < 3.1;\" "
              "\"SELECT shift, count(*) FROM dairymaids GROUP BY shift;\" "
              "\"DELETE FROM churns WHERE kind = ;\" "
              "\"SELECT * FROM milkings WHERE note = 'thin' ORDER BY fat_pct;\"; echo EXIT=$?")
    cm.Sized(400, 120_000).cap("sqlite-trace-row", trace2, d, n_sqlite_trace)
    (d / "report.sql").write_text(
        ".trace stdout --profile --stmt\n"
        + "".join(f"SELECT maid_id, count(*), sum(litres) FROM milkings WHERE cow = '{c}' GROUP BY maid_id ORDER BY 3 DESC LIMIT 2;\n"
                  for c in COWS)
        + "SELECT cow, sum(litres) FROM milkings WHERE taken_at BETWEEN '1867-03' AND '1867-04' GROUP BY cow;\n"
        + "SELECT strftime('%W', taken_at) AS wk, count(*) FROM milkings GROUP BY wk HAVING count(*) > 200 ORDER BY wk;\n"
        + "SELECT maids.name FROM milkings JOIN maids ON maids.id = maid_id;\n")
    cm.Sized(400, 120_000).cap("sqlite-trace-stmt", "sqlite3 -bail dairy.db < report.sql; echo EXIT=$?", d, n_sqlite_trace)
    # corrupted copies for integrity_check (existing kind)
    for name, src, spots in (("dairy_bad.db", "dairy.db", [(7, 300), (12, 1800), (30, 100)]),
                             ("pans_bad.db", "pans.db", [(3, 40)]), ("dairy_idx.db", "dairy.db", [])):
        data = bytearray((d / src).read_bytes())
        psz = 4096
        if spots:
            for page, off in spots:
                for k in range(60):
                    data[(page - 1) * psz + off + k] = (k * 37 + page) % 256
        else:  # the cow index's pages: overwrite a run of keys inside the last index pages
            pages = len(data) // psz
            for page in range(pages - 6, pages - 2):
                for k in range(200, 260):
                    data[page * psz + k] ^= 0x5A
        (d / name).write_bytes(bytes(data))
        cm.Sized(400, 120_000).cap(f"sqlite-integrity-{name[:-3].replace('_', '-')}",
                                   f"sqlite3 {name} 'PRAGMA integrity_check;'; echo EXIT=$?", d, n_integrity)
    cm.Sized(400, 120_000).cap("sqlite-selftest-corrupt", "sqlite3 dairy_bad.db '.selftest -v'; echo EXIT=$?", d,
                               n_selftest)


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [postgres, redis, sqlite], ID_PREFIX, DEFAULT_OUT, TMP,
                     bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    main()
