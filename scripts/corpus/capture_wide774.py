"""Capture round 774 of the compression corpus: database command-line tools and migration runners in output modes the
corpus lacks (sqlite3 -quote, .eqp full, .fullschema --indent and script errors; duckdb-cli's -markdown, -jsonlines,
EXPLAIN and script errors; alembic current/heads/branches -v and offline `upgrade --sql`; Django's showmigrations --list
and model system checks) on a brewery's database, alembic project and Django project written here (mash tuns, worts,
casks, coopers; seed 77410). Needle rules: NEEDLES.md's "Round 774" section.

Usage:   .venv/bin/python scripts/corpus/capture_wide774.py
Writes:  scripts/corpus/data/wide774.json, ids prefixed "wide774-".
Tools:   sqlite3 3.40.1 (/usr/bin); /dev/shm/hm-corpus-wide774/venv: alembic 1.20.1, SQLAlchemy 2.1.9, Django 5.2.19,
         duckdb-cli (duckdb v1.5.6)."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import groups, kind  # noqa: E402
from capture_data import rule4  # noqa: E402
from capture_wide604 import drop_and_check  # noqa: E402

ID_PREFIX = "wide774-"
DEFAULT_OUT = HERE / "data" / "wide774.json"
TOOLS = Path("/dev/shm/hm-corpus-wide774")
VENV = TOOLS / "venv"
TMP = Path("/dev/shm/hm-corpus-wide774-run")
SEED = 77410
ENV = {"PATH": f"{VENV}/bin:/usr/local/bin:/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
_SIZED = cm.Sized(400, 120_000)
add = _SIZED.add


def cap(item_id, command, cwd, extractor, env=None):
    e = dict(ENV)
    e.update(env or {})
    add(item_id, command, cm.run(command, cwd=cwd, env=e, timeout=240), extractor)


# ------------------------------------------------------------------ extractors of the new kinds (fixed before capture)

def _isnum(v) -> bool:
    try:
        float(v)
        return True
    except (TypeError, ValueError):
        return False


def _table_rule4(header: str, rows: list[tuple[str, list]], names: list[str]) -> list:
    """Rule 4 with NEEDLES.md round 774's column typing: numeric when every non-NULL value is a number."""
    recs = []
    for ln, vals in rows:
        recs.append((ln, {n: v for n, v in zip(names, vals)}))
    nums, cat = [], []
    for n in names:
        vs = [r[1].get(n) for r in recs if r[1].get(n) is not None]
        if vs and all(_isnum(v) for v in vs):
            nums.append(n)
        else:
            cat.append(n)
    return rule4(recs, cat=cat, nums=nums, header=[header] if header else [])


def _quote_vals(ln: str) -> list:
    out = []
    for t in re.findall(r"'(?:[^']|'')*'|X'[0-9A-Fa-f]*'|[^,]+", ln):
        if t == "NULL":
            out.append(None)
        elif t.startswith("'"):
            out.append("s:" + t[1:-1].replace("''", "'"))  # a quoted value is text even when it looks numeric
        else:
            out.append(t)
    return out


@kind("sqlite-quote", "table")
def n_sqlite_quote(lines):
    """rule 4: header row; rare-value rows of non-numeric columns (NULL a value); each numeric column's min/max rows"""
    body = [ln for ln in lines if ln.strip()]
    if not body:
        return []
    header = body[0]
    names = [v[2:] if isinstance(v, str) and v.startswith("s:") else v for v in _quote_vals(header)]
    rows = []
    for ln in body[1:]:
        vals = _quote_vals(ln)
        if len(vals) == len(names):
            rows.append((ln, vals))
    return _table_rule4(header, rows, names)


@kind("duckdb-markdown", "table")
def n_duckdb_markdown(lines):
    """rule 4 on the pipe table: header row; rare-value rows of non-numeric columns; each numeric column's min/max rows"""
    tl = [ln for ln in lines if ln.startswith("|")]
    if len(tl) < 2:
        return []
    header = tl[0]
    names = [c.strip() for c in header.strip("|").split("|")]
    rows = []
    for ln in tl[1:]:
        if re.match(r"^\|[\s:|-]+\|$", ln):
            continue
        cells = [c.strip() for c in ln.strip("|").split("|")]
        cells = [None if c in ("", "NULL") else c for c in cells]
        if len(cells) == len(names):
            rows.append((ln, cells))
    return _table_rule4(header, rows, names)


@kind("duckdb-jsonlines", "json")
def n_duckdb_jsonlines(lines):
    """rule 4 on the records (one a line): rare-value records of non-numeric keys; each numeric key's min/max records"""
    rows, names = [], []
    for ln in lines:
        try:
            rec = json.loads(ln)
        except ValueError:
            continue
        if not isinstance(rec, dict):
            continue
        for k in rec:
            if k not in names:
                names.append(k)
        rows.append((ln, [rec.get(n) if not isinstance(rec.get(n), str) else "s:" + rec.get(n) for n in names]))
    # numeric: every non-null value an int/float (strings are tagged "s:" so they never parse)
    rows = [(ln, vals + [None] * (len(names) - len(vals))) for ln, vals in rows]
    return _table_rule4("", rows, names)


def _errors(lines):
    return [ln for ln in lines if re.search(r"\b(Error|error):|^Error\b|FAILED", ln)]


@kind("sqlite-eqp-full", "table")
def n_sqlite_eqp_full(lines):
    """plans: every line holding SCAN or SEARCH; every error line"""
    out = [ln for ln in lines if re.search(r"\b(SCAN|SEARCH)\b", ln)]
    return out + _errors(lines)


_BOX = "│┌┐└┘├┤┬┴┼─═║╔╗╚╝"


def _cells(ln: str) -> list[str]:
    return [c.strip() for c in re.split(r"[│║]", ln) if c.strip() and not set(c.strip()) <= set(_BOX + " ")]


@kind("duckdb-explain", "table")
def n_duckdb_explain(lines):
    """plans: for every box whose operator holds SCAN, its operator cell and its Table: cell; every error line"""
    out = []
    for i, ln in enumerate(lines):
        boxes = [b.strip() for b in re.findall(r"│([^│]*)│", ln)]
        for j, c in enumerate(boxes):
            if not re.fullmatch(r"[A-Z_]*SCAN[A-Z_]*|READ_CSV[A-Z_]*", c):
                continue
            out.append(c)
            # the Table: cell of that box, in the same box column below ("Table: x", or "Table:" over the name)
            for k in range(i + 1, min(len(lines), i + 8)):
                below = [b.strip() for b in re.findall(r"│([^│]*)│", lines[k])]
                cell = below[j] if j < len(below) else ""
                if cell.startswith("Table:"):
                    if cell == "Table:" and k + 1 < len(lines):
                        nxt = [b.strip() for b in re.findall(r"│([^│]*)│", lines[k + 1])]
                        cell = nxt[j] if j < len(nxt) else ""
                    if cell:
                        out.append(cell)
                    break
    return out + _errors(lines)


@kind("sqlite-fullschema", "code")
def n_sqlite_fullschema(lines):
    """every CREATE TABLE/INDEX/VIEW/TRIGGER line and every INSERT INTO sqlite_stat1 line"""
    return [ln for ln in lines if re.match(r"^\s*CREATE (UNIQUE )?(TABLE|INDEX|VIEW|TRIGGER)\b", ln)
            or ln.startswith("INSERT INTO sqlite_stat1")]


@kind("sqlite-script-error", "log")
def n_sqlite_script_error(lines):
    """every Parse/Runtime error near line N / Error: line, the echoed statement above each caret, the EXIT= line"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^(Parse error|Runtime error|Error)\b", ln) or ln.startswith("EXIT="):
            out.append(ln)
        if re.search(r"\^--- error here|error here ---\^", ln) and i and lines[i - 1].strip():
            out.append(lines[i - 1])
    return out


@kind("duckdb-script-error", "log")
def n_duckdb_script_error(lines):
    """every <Kind> Error: line and the LINE n: line within six after it; the EXIT= line"""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^[A-Z][A-Za-z ]* Error:", ln) or ln.startswith("Error:") or ln.startswith("EXIT="):
            out.append(ln)
            loc = cm.next_match(lines, i, r"^LINE \d+:")
            if loc and not ln.startswith("EXIT="):
                out.append(loc)
    return out


@kind("alembic-current", "build")
def n_alembic_current(lines):
    """every Current revision(s) line, every Rev: line, every FAILED/ERROR line, the EXIT= line"""
    return [ln for ln in lines if re.match(r"^(Current revision|Rev: |FAILED|ERROR|EXIT=)", ln)
            or re.search(r"\bError\b", ln)]


@kind("alembic-upgrade-sql", "build")
def n_alembic_upgrade_sql(lines):
    """every Running upgrade line (log and comment), CREATE/ALTER/DROP TABLE and CREATE INDEX lines, errors, last line"""
    out = [ln for ln in lines if "Running upgrade" in ln
           or re.match(r"^\s*(CREATE (UNIQUE )?(TABLE|INDEX)|ALTER TABLE|DROP TABLE)\b", ln)
           or re.match(r"^(FAILED|ERROR)", ln) or re.search(r"\w+(Error|Exception):", ln)]
    last = [ln for ln in lines if ln.strip()]
    return out + last[-1:]


@kind("django-showmigrations-list", "listing")
def n_django_showmigrations(lines):
    """every app header line, every unapplied [ ] line, the last [X] line of each app; error lines"""
    out, last_x = [], None
    for ln in lines:
        if re.match(r"^\S", ln) and not ln.startswith("EXIT="):
            if last_x:
                out.append(last_x)
            last_x = None
            out.append(ln)
        elif "[ ]" in ln:
            out.append(ln)
        elif "[X]" in ln:
            last_x = ln
    if last_x:
        out.append(last_x)
    return out


@kind("django-check-models", "lint")
def n_django_check(lines):
    """one needle per (check id, object): the finding line; the System check identified summary; CommandError lines"""
    out = []
    for ln in lines:
        if re.match(r"^\S.*: \([a-z_.]+\.[EWCI]\d{3}\)", ln) or re.match(r"^\?: \(", ln):
            out.append(ln)
        elif re.match(r"^(System check identified|SystemCheckError|CommandError|EXIT=)", ln):
            out.append(ln)
    return out


# ------------------------------------------------------------------ material: a brewery (seed 77410)

STYLES = ["bitter", "porter", "stout", "mild", "pale ale", "IPA", "barley wine", "saison"]
WOODS = ["oak", "oak", "oak", "chestnut", "oak", "oak"]
PUBS = ["The Cooper's Arms", "Mash Tun Inn", "The Wort & Hop", "Bell and Cask", "The Malt Shovel", "Copper Kettle",
        "The Grist Mill", "Sparge House"]


def make_brewery(tmp: Path) -> Path:
    rnd = random.Random(SEED)
    db = tmp / "brewery.db"
    con = sqlite3.connect(db)
    con.executescript("""
    CREATE TABLE coopers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, guild TEXT, years INTEGER, day_rate REAL);
    CREATE TABLE mash_tuns (id INTEGER PRIMARY KEY, name TEXT UNIQUE, capacity_l INTEGER, material TEXT);
    CREATE TABLE casks (id INTEGER PRIMARY KEY, cooper_id INTEGER REFERENCES coopers(id), wood TEXT,
        volume_l REAL CHECK (volume_l < 600), status TEXT NOT NULL, hooped_on TEXT, notes TEXT);
    CREATE TABLE brews (id INTEGER PRIMARY KEY, tun_id INTEGER REFERENCES mash_tuns(id), style TEXT, og REAL, fg REAL,
        brewed_on TEXT, brewer TEXT);
    CREATE TABLE worts (id INTEGER PRIMARY KEY, brew_id INTEGER REFERENCES brews(id), stage TEXT, gravity REAL,
        temp_c REAL, ph REAL);
    CREATE TABLE deliveries (delivery_no TEXT, cask_id INTEGER REFERENCES casks(id), pub TEXT, qty INTEGER,
        status TEXT, delivered_on TEXT);
    """)
    first = ["Abel", "Bram", "Cuthbert", "Dunstan", "Edwin", "Fulk", "Giles", "Hob", "Ivo", "Jory", "Kit", "Lambert"]
    last = ["Hooper", "Stave", "Croze", "Chime", "Bilge", "Adze", "Truss", "Bung"]
    for i in range(1, 61):
        con.execute("INSERT INTO coopers VALUES (?,?,?,?,?)",
                    (i, f"{rnd.choice(first)} {rnd.choice(last)}", "Worshipful Coopers" if i % 23 else "Free Hoopers",
                     rnd.randint(1, 40), round(rnd.uniform(3.5, 9.0), 2)))
    for i in range(1, 13):
        con.execute("INSERT INTO mash_tuns VALUES (?,?,?,?)",
                    (i, f"tun-{i:02d}", rnd.choice([800, 1200, 1600, 2400]), "copper" if i != 7 else "cast iron"))
    for i in range(1, 3001):
        status = rnd.choices(["sound", "in use", "resting"], [80, 15, 5])[0]
        vol = round(rnd.uniform(36, 530), 1)
        notes = None if rnd.random() < 0.93 else rnd.choice(["re-hooped", "charred", "weeping at chime", "new head"])
        con.execute("INSERT INTO casks VALUES (?,?,?,?,?,?,?)",
                    (i, rnd.randint(1, 60), rnd.choice(WOODS), vol, status,
                     f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", notes))
    con.execute("UPDATE casks SET volume_l = -40.5, notes = 'staves sprung' WHERE id = 1777")
    con.execute("UPDATE casks SET status = 'condemned' WHERE id = 2414")
    con.execute("UPDATE casks SET wood = 'acacia' WHERE id = 905")
    for i in range(1, 4001):
        og = round(rnd.uniform(1.032, 1.075), 3)
        con.execute("INSERT INTO brews VALUES (?,?,?,?,?,?,?)",
                    (i, rnd.randint(1, 12), rnd.choice(STYLES), og, round(og - rnd.uniform(0.020, 0.050), 3),
                     f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}", rnd.choice(first)))
    con.execute("UPDATE brews SET fg = 1.081 WHERE id = 3131")  # finished above its original gravity
    for i in range(1, 5001):
        con.execute("INSERT INTO worts VALUES (?,?,?,?,?,?)",
                    (i, rnd.randint(1, 4000), rnd.choices(["mash", "sparge", "boil", "cooled"], [40, 25, 25, 10])[0],
                     round(rnd.uniform(1.030, 1.080), 3), round(rnd.uniform(18, 78), 1), round(rnd.uniform(5.1, 5.6), 2)))
    con.execute("UPDATE worts SET temp_c = 104.5, stage = 'boil-over' WHERE id = 4242")
    for i in range(1, 2501):
        con.execute("INSERT INTO deliveries VALUES (?,?,?,?,?,?)",
                    (f"D{26000 + i}", rnd.randint(1, 3000), rnd.choice(PUBS), rnd.randint(1, 12),
                     rnd.choices(["delivered", "returned", "pending"], [85, 8, 7])[0],
                     f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"))
    con.execute("INSERT INTO deliveries VALUES ('D27042', 1200, 'Mash Tun Inn', 6, 'delivered', '2026-11-02')")
    con.execute("UPDATE deliveries SET status = 'lost at weir' WHERE delivery_no = 'D26777'")
    con.commit()
    con.close()
    return db


def make_duckdb(tmp: Path, db: Path) -> Path:
    con = sqlite3.connect(db)
    ddb = tmp / "brewery.duckdb"
    stmts = []
    for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"):
        cur = con.execute(f"SELECT * FROM {t}")
        cols = [d[0] for d in cur.description]
        csv = tmp / f"{t}.csv"
        import csv as _csv
        with csv.open("w", newline="") as f:
            w = _csv.writer(f)
            w.writerow(cols)
            for r in cur:
                w.writerow(["" if v is None else v for v in r])
        stmts.append(f"CREATE TABLE {t} AS SELECT * FROM read_csv('{csv}', header=true, nullstr='');")
    con.close()
    (tmp / "load.sql").write_text("\n".join(stmts) + "\n")
    cm.run(f"duckdb {ddb} < load.sql", cwd=tmp, env=ENV)
    return ddb


def sqlite_steps(tmp: Path) -> None:
    db = make_brewery(tmp)
    q = {
        "casks": ("SELECT id, cooper_id, wood, volume_l, status, hooped_on, notes FROM casks WHERE id <= 420", "casks-420"),
        "brews": ("SELECT b.id, t.name AS tun, t.material, b.style, b.og, b.fg, b.brewer FROM brews b JOIN mash_tuns t "
                  "ON t.id = b.tun_id WHERE b.id BETWEEN 2900 AND 3400 ORDER BY b.id", "brews-tuns"),
        "deliv": ("SELECT delivery_no, cask_id, pub, qty, status, delivered_on FROM deliveries WHERE delivery_no "
                  "BETWEEN 'D26700' AND 'D27100' ORDER BY delivery_no", "deliveries"),
        "worts": ("SELECT w.id, w.brew_id, w.stage, w.gravity, w.temp_c, w.ph FROM worts w WHERE w.id > 4100 "
                  "ORDER BY w.id LIMIT 1600", "worts-1600"),
        "coopers": ("SELECT c.id, c.name, c.guild, c.years, c.day_rate, count(k.id) AS casks, "
                    "round(sum(k.volume_l), 1) AS litres FROM coopers c LEFT JOIN casks k ON k.cooper_id = c.id "
                    "GROUP BY c.id ORDER BY c.id", "coopers"),
    }
    for key, (sql, tag) in q.items():
        cap(f"sqlite-quote-{tag}", f'sqlite3 -quote -header brewery.db "{sql}"', tmp, n_sqlite_quote)
    # .eqp full
    plans = {
        "casks": ["SELECT status, count(*), min(volume_l) FROM casks WHERE volume_l < 50 GROUP BY status;",
                  "SELECT c.name, k.id, k.volume_l FROM casks k JOIN coopers c ON c.id = k.cooper_id WHERE k.id = 1777;"],
        "deliv": ["SELECT pub, sum(qty) FROM deliveries d JOIN casks k ON k.id = d.cask_id WHERE k.status = 'condemned' "
                  "GROUP BY pub;",
                  "SELECT delivery_no, count(*) FROM deliveries GROUP BY delivery_no HAVING count(*) > 1;",
                  "SELECT * FROM deliveries WHERE delivery_no = 'D26777';"],
        "brews": ["SELECT t.name, b.style, avg(b.og - b.fg) FROM brews b JOIN mash_tuns t ON t.id = b.tun_id "
                  "WHERE b.fg > b.og OR t.material <> 'copper' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 5;",
                  "SELECT w.stage, max(w.temp_c) FROM worts w JOIN brews b ON b.id = w.brew_id "
                  "WHERE b.style IN ('stout', 'porter') GROUP BY w.stage;",
                  "SELECT id FROM worts WHERE brew_id IN (SELECT id FROM brews WHERE fg > og);",
                  "SELECT count(*) FROM worts WHERE ph > 5.55 AND stage = 'boil';"],
    }
    for tag, qs in plans.items():
        (tmp / f"plans-{tag}.sql").write_text(".eqp full\n" + "\n".join(qs) + "\n")
        cap(f"sqlite-eqp-full-{tag}", f"sqlite3 brewery.db < plans-{tag}.sql", tmp, n_sqlite_eqp_full)
    # after indexes: searches instead of scans
    (tmp / "idx.sql").write_text("CREATE INDEX casks_status ON casks(status);\nCREATE INDEX worts_brew ON worts(brew_id);\n"
                                 "CREATE INDEX deliveries_no ON deliveries(delivery_no);\n"
                                 "CREATE INDEX brews_tun_style ON brews(tun_id, style);\n"
                                 "CREATE VIEW condemned_casks AS SELECT * FROM casks WHERE status = 'condemned';\n"
                                 "CREATE TRIGGER casks_volume_guard BEFORE UPDATE OF volume_l ON casks "
                                 "WHEN NEW.volume_l < 0 BEGIN SELECT raise(ABORT, 'negative volume'); END;\nANALYZE;\n")
    cm.run("sqlite3 brewery.db < idx.sql", cwd=tmp, env=ENV)
    (tmp / "plans-indexed.sql").write_text(".eqp full\n" + "\n".join(plans["deliv"] + plans["brews"][1:3]) + "\n")
    cap("sqlite-eqp-full-indexed", "sqlite3 brewery.db < plans-indexed.sql", tmp, n_sqlite_eqp_full)
    cap("sqlite-fullschema-brewery", "sqlite3 brewery.db '.fullschema --indent'", tmp, n_sqlite_fullschema)
    # script errors
    scripts = {
        "restock": """
            BEGIN;
            INSERT INTO mash_tuns VALUES (13, 'tun-07', 1600, 'copper');
            INSERT INTO casks (id, cooper_id, wood, volume_l, status) VALUES (3001, 12, 'oak', 650, 'sound');
            INSERT INTO casks (id, cooper_id, wood, volume_l) VALUES (3002, 12, 'oak', 220);
            INSERT INTO casks (id, cooper_id, wood, volume_l, status) VALUES (17, 3, 'oak', 120, 'sound');
            UPDATE casks SET volume_l = -3 WHERE id = 18;
            SELEC count(*) FROM casks;
            SELECT count(*) FROM cask;
            SELECT pub, sum(qty) AS total FROM deliveries GROUP BY pub ORDER BY totl;
            COMMIT;
            """,
        "report": """
            .headers on
            .mode column
            SELECT status, count(*) AS n, round(avg(volume_l), 1) AS avg_l FROM casks GROUP BY status;
            SELECT style, count(*) FROM brews WHERE og > 1.070 GROUP BY style;
            SELECT w.stage, count(*) FROM worts w GROUP BY w.stage ORDER BY 2 DESC;
            SELECT c.name, count(*) FROM coopers c JOIN casks k ON k.cooper_id = c.id WHERE k.notes IS NOT NULL
              GROUP BY c.name HAVING count(*) > 3 ORDER BY 2 DESC LIMIT 12;
            SELECT delivery_no, count(*) FROM deliveries GROUP BY delivery_no HAVING count(*) > 1;
            SELECT pub, sum(qty) FROM deliveries WHERE status = 'lost at weir' GROUP BY pub;
            SELECT brewer, avg(og - fg) AS attenuation FROM brews GROUP BY brewer ORDER BY attenuation;
            SELECT * FROM condemned_casks;
            SELECT tun_id, count(*) FROM brews GROUP BY tun_id HAVING count(*) > 10000;
            SELECT id, gravity, temp_c FROM worts WHERE temp_c > 100;
            SELECT id, gravity, temp_c FROM worts WHERE temp_c > 100 AND;
            SELECT * FROM casks WHERE volume_l < 0;
            .import missing_barrels.csv casks
            SELECT max(volume_l) FROM casks WHERE wood = 'acacia';
            """,
        "migrate": """
            ALTER TABLE casks ADD COLUMN last_filled TEXT;
            ALTER TABLE casks ADD COLUMN last_filled TEXT;
            CREATE UNIQUE INDEX deliveries_no_unique ON deliveries(delivery_no);
            CREATE TABLE tun_log (tun_id INTEGER REFERENCES mash_tuns(id), at TEXT, reading REAL,);
            ALTER TABLE worts RENAME COLUMN temp TO temp_c2;
            UPDATE coopers SET day_rate = day_rate * 1.05 WHERE guild = 'Free Hoopers';
            DROP TABLE IF EXISTS old_worts;
            DROP VIEW condemned_cask;
            INSERT INTO coopers (id, name) VALUES (61, NULL);
            INSERT INTO coopers (id, name) SELECT id, name FROM coopers WHERE id < 3;
            CREATE INDEX casks_notes ON casks(notez);
            PRAGMA foreign_keys = ON;
            INSERT INTO casks (id, cooper_id, wood, volume_l, status) VALUES (3003, 999, 'oak', 100, 'sound');
            DELETE FROM mash_tuns WHERE id = 7;
            VACUUM INTO 'brewery-backup.db';
            """,
    }
    for tag, body in scripts.items():
        (tmp / f"{tag}.sql").write_text(textwrap.dedent(body).lstrip())
        cap(f"sqlite-script-error-{tag}", f"sqlite3 brewery.db < {tag}.sql; echo EXIT=$?", tmp, n_sqlite_script_error)
    cap("sqlite-script-error-bail", "sqlite3 -bail brewery.db < migrate.sql; echo EXIT=$?", tmp, n_sqlite_script_error)
    cm.run("sqlite3 brewery.db 'ANALYZE'", cwd=tmp, env=ENV)
    cap("sqlite-fullschema-after-migrate", "sqlite3 brewery.db '.fullschema --indent'", tmp, n_sqlite_fullschema)


def duckdb_steps(tmp: Path) -> None:
    d = tmp / "dd"
    d.mkdir(parents=True, exist_ok=True)
    db = make_brewery(d)
    make_duckdb(d, db)
    q = {
        "casks-380": "SELECT id, cooper_id, wood, volume_l, status, hooped_on, notes FROM casks WHERE id BETWEEN 1600 "
                     "AND 1980 ORDER BY id",
        "worts-boil": "SELECT id, brew_id, stage, gravity, temp_c, ph FROM worts WHERE stage LIKE 'boil%' ORDER BY id "
                      "LIMIT 900",
        "deliveries": "SELECT delivery_no, cask_id, pub, qty, status, delivered_on FROM deliveries ORDER BY "
                      "delivery_no LIMIT 800 OFFSET 640",
        "tun-styles": "SELECT t.name AS tun, t.material, b.style, count(*) AS brews, round(avg(b.og), 4) AS avg_og, "
                      "max(b.fg) AS max_fg FROM brews b JOIN mash_tuns t ON t.id = b.tun_id GROUP BY ALL ORDER BY 1, 3",
    }
    for tag, sql in q.items():
        cap(f"duckdb-markdown-{tag}", f'duckdb -readonly -markdown brewery.duckdb -c "{sql}"', d, n_duckdb_markdown)
    q2 = {
        "casks-600": "SELECT id, cooper_id, wood, volume_l, status, notes FROM casks WHERE id > 1500 ORDER BY id "
                     "LIMIT 600",
        "brews": "SELECT id, tun_id, style, og, fg, brewed_on, brewer FROM brews WHERE id BETWEEN 3000 AND 3300 "
                 "ORDER BY id",
        "coopers": "SELECT c.id, c.name, c.guild, c.years, c.day_rate, count(k.id) AS casks FROM coopers c "
                   "LEFT JOIN casks k ON k.cooper_id = c.id GROUP BY ALL ORDER BY c.id",
        "deliveries-900": "SELECT * FROM deliveries WHERE delivery_no >= 'D26500' ORDER BY delivery_no LIMIT 900",
    }
    for tag, sql in q2.items():
        cap(f"duckdb-jsonlines-{tag}", f'duckdb -readonly -jsonlines brewery.duckdb -c "{sql}"', d, n_duckdb_jsonlines)
    ex = {
        "casks": ["SELECT status, count(*), min(volume_l) FROM casks WHERE volume_l < 50 GROUP BY status;",
                  "SELECT c.name, k.id, k.volume_l FROM casks k JOIN coopers c ON c.id = k.cooper_id "
                  "WHERE k.id = 1777;"],
        "brews": ["SELECT t.name, b.style, avg(b.og - b.fg) FROM brews b JOIN mash_tuns t ON t.id = b.tun_id "
                  "WHERE b.fg > b.og OR t.material <> 'copper' GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 5;",
                  "SELECT w.stage, max(w.temp_c) FROM worts w JOIN brews b ON b.id = w.brew_id "
                  "WHERE b.style IN ('stout', 'porter') GROUP BY w.stage;",
                  "SELECT id FROM worts WHERE brew_id IN (SELECT id FROM brews WHERE fg > og);"],
        "deliveries": ["SELECT pub, sum(qty) FROM deliveries d JOIN casks k ON k.id = d.cask_id "
                       "WHERE k.status = 'condemned' GROUP BY pub;",
                       "SELECT delivery_no, count(*) FROM deliveries GROUP BY delivery_no HAVING count(*) > 1;",
                       "SELECT d.pub, c.guild, sum(d.qty) FROM deliveries d JOIN casks k ON k.id = d.cask_id "
                       "JOIN coopers c ON c.id = k.cooper_id WHERE d.status <> 'delivered' GROUP BY ALL;",
                       "SELECT count(*) FROM read_csv('worts.csv') WHERE temp_c > 100;"],
    }
    for tag, qs in ex.items():
        (d / f"explain-{tag}.sql").write_text("\n".join("EXPLAIN " + s for s in qs) + "\n")
        cap(f"duckdb-explain-{tag}", f"duckdb -readonly brewery.duckdb < explain-{tag}.sql", d, n_duckdb_explain)
    errs = {
        "restock": """
            INSERT INTO casks VALUES (17, 3, 'oak', 120, 'sound', '2026-12-01', NULL);
            INSERT INTO casks (id, cooper_id, wood, volume_l) VALUES (3002, 12, 'oak', 220);
            SELEC count(*) FROM casks;
            SELECT count(*) FROM cask;
            SELECT pub, sum(qty) AS total FROM deliveries GROUP BY pub ORDER BY totl;
            SELECT CAST(delivery_no AS INTEGER) FROM deliveries LIMIT 3;
            SELECT status, count(*) FROM casks GROUP BY status ORDER BY 2 DESC;
            """,
        "report": """
            SELECT status, count(*) AS n, round(avg(volume_l), 1) AS avg_l FROM casks GROUP BY status;
            SELECT style, count(*) FROM brews WHERE og > 1.070 GROUP BY style ORDER BY 2;
            SELECT stage, count(*) FROM worts GROUP BY stage ORDER BY 2 DESC;
            SELECT delivery_no, count(*) FROM deliveries GROUP BY delivery_no HAVING count(*) > 1;
            SELECT brewer, avg(og - fg) AS attenuation FROM brews GROUP BY brewr;
            SELECT id, gravity, temp_c FROM worts WHERE temp_c > 100;
            SELECT id, gravity, temp_c FROM worts WHERE temp_c > 100 AND;
            SELECT * FROM casks WHERE volume_l < 0;
            SELECT * FROM read_csv('missing_barrels.csv');
            SELECT pub, list(delivery_no ORDER BY delivered_on)[1:3] FROM deliveries WHERE status = 'lost at weir' GROUP BY pub;
            SELECT strptime(hooped_on, '%d/%m/%Y') FROM casks LIMIT 2;
            SELECT max(volume_l) FROM casks WHERE wood = 'acacia';
            """,
        "migrate": """
            ALTER TABLE casks ADD COLUMN last_filled DATE;
            ALTER TABLE casks ADD COLUMN last_filled DATE;
            CREATE UNIQUE INDEX deliveries_no_unique ON deliveries(delivery_no);
            CREATE TABLE tun_log (tun_id INTEGER, at TIMESTAMP, reading DOUBLE,);
            ALTER TABLE worts RENAME COLUMN temp TO temp_c2;
            DROP VIEW condemned_cask;
            CREATE TABLE cooper_keys (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL);
            INSERT INTO cooper_keys SELECT id, name FROM coopers;
            INSERT INTO cooper_keys VALUES (1, 'Abel Hooper');
            INSERT INTO cooper_keys VALUES (99, NULL);
            CREATE INDEX casks_notes ON casks(notez);
            SELECT 1 / 0, CAST('1.2.3' AS DOUBLE);
            """,
    }
    for tag, body in errs.items():
        (d / f"{tag}.sql").write_text(textwrap.dedent(body).lstrip())
        cap(f"duckdb-script-error-{tag}", f"duckdb brewery.duckdb < {tag}.sql; echo EXIT=$?", d, n_duckdb_script_error)
    cap("duckdb-script-error-bail", "duckdb -bail brewery.duckdb < report.sql; echo EXIT=$?", d, n_duckdb_script_error)


# ------------------------------------------------------------------ alembic

REVS = [  # (rev, down, message, upgrade body)
    ("1a2b3c4d5e01", None, "coopers and casks",
     "op.create_table('coopers', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String(80), "
     "nullable=False), sa.Column('guild', sa.String(40)))\n    op.create_table('casks', sa.Column('id', sa.Integer, "
     "primary_key=True), sa.Column('cooper_id', sa.Integer, sa.ForeignKey('coopers.id')), sa.Column('volume_l', "
     "sa.Numeric(6, 1)), sa.Column('status', sa.String(20), nullable=False))"),
    ("2b3c4d5e6f02", "1a2b3c4d5e01", "mash tuns",
     "op.create_table('mash_tuns', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String(20), "
     "unique=True), sa.Column('capacity_l', sa.Integer))"),
    ("3c4d5e6f7a03", "2b3c4d5e6f02", "brews and worts",
     "op.create_table('brews', sa.Column('id', sa.Integer, primary_key=True), sa.Column('tun_id', sa.Integer, "
     "sa.ForeignKey('mash_tuns.id')), sa.Column('style', sa.String(30)), sa.Column('og', sa.Numeric(5, 3)))\n    "
     "op.create_table('worts', sa.Column('id', sa.Integer, primary_key=True), sa.Column('brew_id', sa.Integer, "
     "sa.ForeignKey('brews.id')), sa.Column('gravity', sa.Numeric(5, 3)), sa.Column('temp_c', sa.Float))\n    "
     "op.create_index('ix_worts_brew_id', 'worts', ['brew_id'])"),
    ("4d5e6f7a8b04", "3c4d5e6f7a03", "cask hoop dates",
     "op.add_column('casks', sa.Column('hooped_on', sa.Date))\n    op.add_column('casks', sa.Column('notes', sa.Text))"),
    ("5e6f7a8b9c05", "4d5e6f7a8b04", "deliveries",
     "op.create_table('deliveries', sa.Column('delivery_no', sa.String(12)), sa.Column('cask_id', sa.Integer, "
     "sa.ForeignKey('casks.id')), sa.Column('pub', sa.String(60)), sa.Column('qty', sa.Integer), sa.Column('status', "
     "sa.String(20)))"),
    ("6f7a8b9c0d06", "5e6f7a8b9c05", "backfill cask status (data migration)",
     "conn = op.get_bind()\n    n = conn.execute(sa.text(\"SELECT count(*) FROM casks WHERE status IS NULL\")).scalar()\n"
     "    if n:\n        op.execute(\"UPDATE casks SET status = 'sound' WHERE status IS NULL\")"),
    ("7a8b9c0d1e07", "6f7a8b9c0d06", "unique delivery numbers",
     "op.create_index('ux_deliveries_no', 'deliveries', ['delivery_no'], unique=True)"),
    ("8b9c0d1e2f08", "7a8b9c0d1e07", "drop legacy cask view",
     "op.execute('DROP VIEW condemned_casks')"),
    ("9c0d1e2f3a09", "5e6f7a8b9c05", "taproom branch: pubs table",
     "op.create_table('pubs', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String(60)))"),
    ("0d1e2f3a4b10", "9c0d1e2f3a09", "taproom branch: pub tap lines",
     "op.create_table('tap_lines', sa.Column('id', sa.Integer, primary_key=True), sa.Column('pub_id', sa.Integer, "
     "sa.ForeignKey('pubs.id')), sa.Column('cask_id', sa.Integer))\n    with op.batch_alter_table('deliveries') as b:\n"
     "        b.add_column(sa.Column('pub_id', sa.Integer))"),
]


def make_alembic(root: Path) -> None:
    cm.run("alembic init -t generic migrations >/dev/null", cwd=root, env=ENV)
    ini = (root / "alembic.ini").read_text()
    ini = re.sub(r"(?m)^sqlalchemy\.url = .*$", "sqlalchemy.url = sqlite:///brewery.db", ini)
    (root / "alembic.ini").write_text(ini)
    for rev, down, msg, body in REVS:
        slug = re.sub(r"\W+", "_", msg.lower()).strip("_")[:30]
        (root / "migrations" / "versions" / f"{rev}_{slug}.py").write_text(
            f'"""{msg}\n\nRevision ID: {rev}\nRevises: {down or ""}\nCreate Date: 2026-11-{int(rev[-2:]):02d} '
            f'09:00:00\n\n"""\nfrom alembic import op\nimport sqlalchemy as sa\n\nrevision = {rev!r}\n'
            f"down_revision = {down!r}\nbranch_labels = {('taproom',) if rev == '9c0d1e2f3a09' else None!r}\n"
            f"depends_on = None\n\n\ndef upgrade():\n    {body}\n\n\ndef downgrade():\n    pass\n")


def alembic_steps(tmp: Path) -> None:
    root = tmp / "brewhouse-alembic"
    root.mkdir()
    make_alembic(root)
    cap("alembic-current-empty", "alembic current -v; alembic heads -v; alembic branches -v; echo EXIT=$?", root,
        n_alembic_current)
    cm.run("alembic upgrade 5e6f7a8b9c05", cwd=root, env=ENV)
    cap("alembic-current-branchpoint", "alembic current -v; alembic heads -v; echo EXIT=$?", root, n_alembic_current)
    cm.run("alembic upgrade heads", cwd=root, env=ENV)  # 8b9c… fails: the view does not exist
    cap("alembic-current-two-heads", "alembic current -v; alembic heads -v; alembic branches -v; echo EXIT=$?", root,
        n_alembic_current)
    cm.run("sqlite3 brewery.db \"UPDATE alembic_version SET version_num = 'deadbeef0042' WHERE version_num = "
           "'0d1e2f3a4b10'\"", cwd=root, env=ENV)
    cap("alembic-current-unknown", "alembic current -v; echo EXIT=$?", root, n_alembic_current)
    cap("alembic-upgrade-sql-full", "alembic upgrade 1a2b3c4d5e01:taproom@head --sql; echo EXIT=$?", root,
        n_alembic_upgrade_sql)
    cap("alembic-upgrade-sql-base", "alembic upgrade base:5e6f7a8b9c05 --sql; echo EXIT=$?", root,
        n_alembic_upgrade_sql)
    cap("alembic-upgrade-sql-data", "alembic upgrade 5e6f7a8b9c05:8b9c0d1e2f08 --sql; echo EXIT=$?", root,
        n_alembic_upgrade_sql)
    cap("alembic-upgrade-sql-heads", "alembic upgrade heads --sql; echo EXIT=$?", root, n_alembic_upgrade_sql)


# ------------------------------------------------------------------ Django

SETTINGS = """
SECRET_KEY = "brewhouse-not-secret"
DEBUG = True
INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
                  "django.contrib.sessions", "django.contrib.messages", {apps}]
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": "brewhouse.sqlite3"}}}}
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware",
              "django.contrib.auth.middleware.AuthenticationMiddleware",
              "django.contrib.messages.middleware.MessageMiddleware"]
TEMPLATES = [{{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True,
              "OPTIONS": {{"context_processors": ["django.contrib.auth.context_processors.auth",
                                                 "django.contrib.messages.context_processors.messages",
                                                 "django.template.context_processors.request"]}}}}]
ROOT_URLCONF = "brewhouse.urls"
USE_TZ = True
{extra}
"""

CELLAR_MODELS = """
from django.db import models


class Cooper(models.Model):
    name = models.CharField(max_length=80)
    guild = models.CharField(max_length=40, blank=True)


class Cask(models.Model):
    cooper = models.ForeignKey(Cooper, on_delete=models.PROTECT)
    volume_l = models.DecimalField(max_digits=6, decimal_places=1)
    status = models.CharField(max_length=20, default="sound")
"""

BROKEN_MODELS = {
    "cooperage": """
from django.db import models


class Cooper(models.Model):
    name = models.CharField()
    rate = models.DecimalField(decimal_places=2)
    apprentice_of = models.ForeignKey("self", on_delete=models.SET_NULL)

    class Meta:
        ordering = ["surname"]


class Cask(models.Model):
    cooper = models.ForeignKey(Cooper, on_delete=models.CASCADE, related_name="casks")
    checker = models.ForeignKey(Cooper, on_delete=models.CASCADE, related_name="casks")
    stave_wood = models.ForeignKey("Timber", on_delete=models.CASCADE)
    volume_l = models.FloatField(default=-40.5, max_length=6)
    hoop = models.OneToOneField("Hoop", on_delete=models.CASCADE, unique=True)
    serial = models.IntegerField(primary_key=True)
    id = models.IntegerField()

    class Meta:
        unique_together = [("cooper", "bung")]
        indexes = [models.Index(fields=["volume_l"], name="cask_volume_l_index_named_far_too_long_for_db")]


class Hoop(models.Model):
    gauge = models.PositiveIntegerField(choices=[(1, "thin"), (2)])
    cask_ref = models.ForeignKey(Cask, on_delete=models.CASCADE, db_column="cask")
    cask_link = models.IntegerField(db_column="cask")
""",
    "mashroom": """
from django.db import models


class MashTun(models.Model):
    name = models.CharField(max_length=20, unique=True, null=True)
    capacity_l = models.IntegerField(validators=[5])
    material = models.CharField(max_length=20, choices="copper")


class Wort(models.Model):
    tun = models.ForeignKey(MashTun, on_delete=models.CASCADE, unique=True)
    gravity = models.DecimalField(max_digits=3, decimal_places=4)
    temp_c = models.FloatField(db_index="yes")
    brewers = models.ManyToManyField("auth.User", null=True)
    stage = models.CharField(max_length=12, default=["mash"])

    class Meta:
        ordering = ["-gravity", "tun__nonexistent"]
        constraints = [models.CheckConstraint(condition=models.Q(temp_c__lte=100), name="wort_temp")]


class Brew(models.Model):
    wort = models.ForeignKey(Wort, on_delete=models.SET_NULL, null=False)
    style = models.CharField(max_length=30, db_comment="beer style")
    brewed_on = models.DateField(auto_now=True, default="2026-01-01")
""",
}


def make_cellar_migrations(app: Path) -> None:
    mig = app / "migrations"
    mig.mkdir()
    (mig / "__init__.py").write_text("")
    steps = ["initial", "cask_status", "cooper_guild", "cask_volume_check", "hoop_dates", "cask_notes",
             "deliveries", "deliveries_unique_no", "taproom_pubs", "tap_lines", "cask_wood", "remove_legacy_view"]
    prev = None
    for i, s in enumerate(steps, 1):
        name = f"{i:04d}_{s}"
        dep = f"[('cellar', '{prev}')]" if prev else "[]"
        ops = ("[migrations.CreateModel(name='Cooper', fields=[('id', models.AutoField(primary_key=True)), "
               "('name', models.CharField(max_length=80))])]" if i == 1 else
               f"[migrations.RunSQL('SELECT {i}', migrations.RunSQL.noop)]")
        (mig / f"{name}.py").write_text(f"from django.db import migrations, models\n\n\nclass Migration(migrations."
                                        f"Migration):\n    dependencies = {dep}\n    operations = {ops}\n")
        prev = name


def django_steps(tmp: Path) -> None:
    root = tmp / "brewhouse"
    (root / "brewhouse").mkdir(parents=True)
    (root / "brewhouse" / "__init__.py").write_text("")
    (root / "brewhouse" / "urls.py").write_text("urlpatterns = []\n")
    (root / "manage.py").write_text("import os, sys\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', "
                                    "'brewhouse.settings')\nfrom django.core.management import "
                                    "execute_from_command_line\nexecute_from_command_line(sys.argv)\n")
    for app in ["cellar", *BROKEN_MODELS]:
        (root / app).mkdir()
        (root / app / "__init__.py").write_text("")
        (root / app / "models.py").write_text(BROKEN_MODELS.get(app, CELLAR_MODELS))
    make_cellar_migrations(root / "cellar")
    sets = {
        "settings": ('"cellar"', ""),
        "settings_cooperage": ('"cellar", "cooperage"', ""),
        "settings_all": ('"cellar", "cooperage", "mashroom"',
                         'DEFAULT_AUTO_FIELD = "django.db.models.AutoField"\nSILENCED_SYSTEM_CHECKS = ["fields.W342"]'),
        "settings_mash": ('"cellar", "mashroom"', ""),
    }
    for name, (apps, extra) in sets.items():
        (root / "brewhouse" / f"{name}.py").write_text(SETTINGS.format(apps=apps, extra=extra))
    py = "python"
    cm.run(f"{py} manage.py migrate --skip-checks cellar 0005 -v 0", cwd=root, env=ENV)
    cm.run(f"{py} manage.py migrate --skip-checks auth 0007 -v 0", cwd=root, env=ENV)
    cm.run(f"{py} manage.py migrate --skip-checks sessions -v 0", cwd=root, env=ENV)
    cap("django-showmigrations-list-partial", f"{py} manage.py showmigrations --list; echo EXIT=$?", root,
        n_django_showmigrations)
    cap("django-showmigrations-list-cellar", f"{py} manage.py showmigrations --list cellar auth; echo EXIT=$?", root,
        n_django_showmigrations)
    cm.run(f"{py} manage.py migrate --skip-checks -v 0", cwd=root, env=ENV)
    cm.run("sqlite3 brewhouse.sqlite3 \"DELETE FROM django_migrations WHERE app = 'cellar' AND name IN "
           "('0009_taproom_pubs', '0011_cask_wood'); DELETE FROM django_migrations WHERE app = 'admin' AND name = "
           "'0003_logentry_add_action_flag_choices'\"", cwd=root, env=ENV)
    cap("django-showmigrations-list-gaps", f"{py} manage.py showmigrations --list -v 2; echo EXIT=$?", root,
        n_django_showmigrations)
    cap("django-showmigrations-list-missing-app", f"{py} manage.py showmigrations --list cellar taproom; echo EXIT=$?",
        root, n_django_showmigrations)
    for tag, (sett, args) in {"cooperage": ("settings_cooperage", ""), "all": ("settings_all", ""),
                              "mash-models-tag": ("settings_mash", " --tag models"),
                              "all-database": ("settings_all", " --database default --fail-level ERROR"),
                              "cooperage-deploy": ("settings_cooperage", " --deploy")}.items():
        cap(f"django-check-models-{tag}", f"{py} manage.py check{args} --settings brewhouse.{sett}; echo EXIT=$?",
            root, n_django_check)


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: [sqlite_steps, duckdb_steps, alembic_steps, django_steps],
                     ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    main()
