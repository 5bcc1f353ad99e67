#!/usr/bin/env python3
"""Capture round 579 of the compression corpus: ORM and migration tools new to the corpus (NEEDLES.md's "Round 579").
`postinghouse`, a coaching inn's schema written here (ostlers, horses, post-chaises, stages, tapsters, casks, rooms,
bookings; seed 57910) in peewee (playhouse.migrate, pw_migrate), tortoise-orm with aerich, Flask-Migrate, SQLModel
and Pony ORM on SQLite, and kysely's Migrator and umzug's CLI on a PostgreSQL 15 on 127.0.0.1:18579, with faults put
in. Every extractor below states its rule; they were written and committed before anything was captured. Nothing
captured here was compressed.

Usage:   nice python3 scripts/corpus/capture_wide579.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide579.json  as {"version": 2, "items": [...]}, ids prefixed "wide579-".
Needs:   a venv at /dev/shm/hm-corpus-wide579-tools/venv (peewee, peewee-migrate, tortoise-orm, aerich, sqlmodel,
         flask-migrate, flask-sqlalchemy, pony), npm packages kysely, pg, umzug in /dev/shm/hm-corpus-wide579-tools/js,
         and a PostgreSQL server on 127.0.0.1:18579 (user postgres, trust).
"""

from __future__ import annotations

import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run, write_tree  # noqa: E402
from capture_data import python_exceptions  # noqa: E402

ID_PREFIX = "wide579-"
DEFAULT_OUT = HERE / "data" / "wide579.json"
TMP = Path("/dev/shm/hm-corpus-wide579")
TOOLS = Path("/dev/shm/hm-corpus-wide579-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PG_PORT = 18579
SEED = 57910
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
cap = _SIZED.cap

# ================================================================== extractors (fixed before capture)

SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE (?:UNIQUE )?(?:TABLE|INDEX)|ALTER TABLE|"
                 r"DROP (?:TABLE|INDEX)|PRAGMA|WITH)\b")
JS_ERR = re.compile(r"^\s*[\w.$]*Error\b|[\]\)>:]\s*[\w.]*Error:")
JS_AT = re.compile(r"^\s*at .*:\d+:\d+\)?\s*$")
TB = "Traceback (most recent call last)"


def common(lines: list[str]) -> list:
    """(a) Python tracebacks (exception line + innermost File line), JS errors (+ first `at` line within six);
    (b) EXIT=N lines."""
    out: list = list(python_exceptions(lines))
    for i, ln in enumerate(lines):
        if JS_ERR.search(ln) and not ln.lstrip().startswith(("File \"", "at ")):
            out.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                if JS_AT.match(lines[k]):
                    out.append(lines[k])
                    break
        if ln.startswith("EXIT="):
            out.append(ln)
    return out


def tb_starts(lines: list[str]) -> list[int]:
    return [i for i, ln in enumerate(lines) if TB in ln]


def last_sql_above(lines: list[str], i: int, pat=SQL) -> str | None:
    for k in range(i - 1, -1, -1):
        if pat.search(lines[k]) and TB not in lines[k] and not lines[k].lstrip().startswith("File \""):
            return lines[k]
    return None


def last_outside_tb(lines: list[str]) -> str | None:
    """The last non-blank line, unless it belongs to a traceback (an exception line, or an indented / bracketed
    line below a Traceback header)."""
    nb = [ln for ln in lines if ln.strip()]
    if not nb:
        return None
    last = nb[-1]
    if last in python_exceptions(lines) or last.startswith("EXIT="):
        return None
    if tb_starts(lines) and (last[:1].isspace() or last.startswith(("[", "(Background"))):
        return None
    return last


def sqla_lines(lines: list[str]) -> list:
    return [ln for ln in lines if ln.lstrip().startswith(("[SQL:", "[parameters:"))]


@cm.kind("peewee-playhouse-migrate", "log")
def n_playhouse(lines):
    """(a)+(b); the last logged SQL line above each traceback; the script's last non-blank line outside a traceback."""
    out = common(lines)
    for i in tb_starts(lines):
        out.append(last_sql_above(lines, i))
    out.append(last_outside_tb(lines))
    return out


MIG_NAME = re.compile(r"\b\d{3,}_\w+")
DONE = re.compile(r"\b(Migrated|Rolled back|Applied|Done|done)\b")
ERRW = re.compile(r"\b(ERROR|CRITICAL|failed|Failed)\b|Error")


@cm.kind("pw-migrate", "log")
def n_pw_migrate(lines):
    """ERROR/CRITICAL/failed/Error lines, (a)+(b); first and last line naming a migration as done; the last line naming
    a migration above the first error line."""
    out = common(lines)
    errs = [i for i, ln in enumerate(lines) if ERRW.search(ln) and not ln.lstrip().startswith("File \"")]
    out += [lines[i] for i in errs]
    done = [ln for ln in lines if DONE.search(ln) and MIG_NAME.search(ln)]
    if done:
        out += [done[0], done[-1]]
    if errs:
        for k in range(errs[0] - 1, -1, -1):
            if MIG_NAME.search(lines[k]):
                out.append(lines[k])
                break
    return out


HEADER = re.compile(r":\s*$|\b(done|to do|undone|Done|Undone)\b", re.I)


@cm.kind("pw-migrate-list", "listing")
def n_pw_list(lines):
    """Every header line; every migration listed under the not-yet-applied header; first and last under the applied one."""
    out = common(lines)
    section, done, todo = None, [], []
    for ln in lines:
        if HEADER.search(ln) and not MIG_NAME.fullmatch(ln.strip(" -*")):
            out.append(ln)
            low = ln.lower()
            section = "todo" if ("undone" in low or "to do" in low or "not" in low) else "done"
            # names on the header line itself are covered by the header needle
            continue
        if section and MIG_NAME.search(ln):
            (todo if section == "todo" else done).append(ln)
    out += todo
    if done:
        out += [done[0], done[-1]]
    return out


@cm.kind("aerich-cmd", "log")
def n_aerich_cmd(lines):
    """Every `Success` line and every line holding Error/error/No changes detected/Abort; (a)+(b)."""
    out = common(lines)
    out += [ln for ln in lines if ln.lstrip().startswith("Success")
            or re.search(r"Error|error|No changes detected|Abort", ln) and not ln.lstrip().startswith("File \"")]
    return out


@cm.kind("aerich-history", "listing")
def n_aerich_history(lines):
    """Every migration file name line and any line with `No`; (a)+(b)."""
    out = common(lines)
    out += [ln for ln in lines if re.search(r"\b\d+_\w+\.py\b", ln) or re.search(r"\bNo\b", ln)]
    return out


@cm.kind("tortoise-orm-log", "log")
def n_tortoise(lines):
    """(a)+(b); the last logged SQL line above each traceback or Error line; the last non-blank line outside a traceback."""
    out = common(lines)
    for i, ln in enumerate(lines):
        if TB in ln or ("Error" in ln and not ln.lstrip().startswith("File \"") and not SQL.search(ln)):
            out.append(last_sql_above(lines, i))
    out.append(last_outside_tb(lines))
    return out


RUNNING = re.compile(r"Running (upgrade|downgrade)")


@cm.kind("flask-db-upgrade", "log")
def n_flask_upgrade(lines):
    """ERROR lines, (a)+(b), [SQL:]/[parameters:] lines; the first Running upgrade/downgrade line and the last one
    above the first error (the last overall when none failed)."""
    out = common(lines) + sqla_lines(lines)
    errs = [i for i, ln in enumerate(lines) if re.search(r"\bERROR\b", ln) or TB in ln]
    out += [lines[i] for i in errs if TB not in lines[i]]
    runs = [i for i, ln in enumerate(lines) if RUNNING.search(ln)]
    if runs:
        out.append(lines[runs[0]])
        before = [i for i in runs if not errs or i < errs[0]]
        out.append(lines[(before or runs)[-1]])
    return out


@cm.kind("flask-db-migrate", "log")
def n_flask_migrate(lines):
    """Every Detected and Generating line; every ERROR / Error: line; (a)+(b)."""
    out = common(lines)
    out += [ln for ln in lines if re.search(r"\bDetected\b|\bGenerating\b|\bERROR\b|Error:", ln)]
    return out


REV_LINE = re.compile(r"->|^Rev:|^[0-9a-f]{12}\b")


@cm.kind("flask-db-history", "listing")
def n_flask_history(lines):
    """Every (head)/(current)/(branchpoint)/(mergepoint) line; first and last revision lines; ERROR/FAILED; (a)+(b)."""
    out = common(lines)
    out += [ln for ln in lines if re.search(r"\((head|current|branchpoint|mergepoint)\)|\bERROR\b|\bFAILED\b", ln)]
    revs = [ln for ln in lines if REV_LINE.search(ln.strip())]
    if revs:
        out += [revs[0], revs[-1]]
    return out


ECHO_SQL = re.compile(r"sqlalchemy\.engine\.Engine\s+(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|WITH)\b")


@cm.kind("sqlmodel-error", "log")
def n_sqlmodel(lines):
    """(a)+(b); [SQL:]/[parameters:] lines; with echo, the last statement logged above each traceback; the last
    non-blank line outside a traceback."""
    out = common(lines) + sqla_lines(lines)
    for i in tb_starts(lines):
        out.append(last_sql_above(lines, i, ECHO_SQL))
    out.append(last_outside_tb(lines))
    return out


PONY_SQL = re.compile(r"^(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|BEGIN|COMMIT|ROLLBACK|RELEASE)\b")
PONY_STMT = re.compile(r"^(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP)\b")


@cm.kind("pony-sql-debug", "log")
def n_pony(lines):
    """(a)+(b); the last SQL statement printed above each traceback; pony.orm error-summary lines; the last
    non-blank line outside a traceback."""
    out = common(lines)
    for i in tb_starts(lines):
        out.append(last_sql_above(lines, i, PONY_STMT))
    out += [ln for ln in lines if re.match(r"^pony\.orm\.[\w.]*Error:", ln)]
    out.append(last_outside_tb(lines))
    return out


@cm.kind("kysely-migrator", "log")
def n_kysely(lines):
    """Every failed line, every not-executed line, the last successful one; (a)+(b); pg's `error:` line with its
    detail/code lines when printed."""
    out = common(lines)
    out += [ln for ln in lines if re.search(r"\bfailed\b|was not executed|NotExecuted", ln)]
    ok = [ln for ln in lines if "executed successfully" in ln]
    if ok:
        out.append(ok[-1])
    out += [ln for ln in lines if re.match(r"^\s*error:", ln)
            or re.match(r"^\s*(detail|code): '", ln)]
    return out


@cm.kind("umzug-cli", "log")
def n_umzug(lines):
    """(a)+(b) with MigrationError lines; up/down: first and last migrated/reverted event line and the last
    migrating/reverting one; pending/executed: every migration name listed."""
    out = common(lines)
    out += [ln for ln in lines if "MigrationError" in ln or "Original error" in ln]
    ev = [ln for ln in lines if re.search(r"event['\"]?:\s*['\"](migrat|revert)", ln)]
    if ev:
        done = [ln for ln in ev if re.search(r"['\"](migrated|reverted)['\"]", ln)]
        doing = [ln for ln in ev if re.search(r"['\"](migrating|reverting)['\"]", ln)]
        if done:
            out += [done[0], done[-1]]
        if doing:
            out.append(doing[-1])
    else:
        out += [ln for ln in lines if re.search(r"\b\d{3,}[-_][\w-]+", ln)]
    return out


# ================================================================== material: postinghouse

FIRST = ["Tom", "Ned", "Will", "Jem", "Dick", "Harry", "Sam", "Joe", "Kit", "Abel", "Silas", "Amos", "Eli", "Walter",
         "Toby", "Giles", "Hodge", "Barnaby", "Jonas", "Caleb", "Martha", "Nell", "Bess", "Polly", "Sukey", "Moll"]
LAST = ["Weller", "Boots", "Hostler", "Cobb", "Tapp", "Barrow", "Stubbs", "Fenn", "Rook", "Marley", "Gamp", "Tulk",
        "Pinch", "Trott", "Wemmick", "Grubb", "Nokes", "Styles", "Higgs", "Pocket", "Varden", "Toodle"]
HORSES = ["Dobbin", "Smiler", "Captain", "Bess", "Punch", "Ginger", "Blossom", "Duke", "Major", "Star", "Jolly",
          "Boxer", "Trumpeter", "Merrylegs", "Farmer", "Prancer", "Rattler", "Lightfoot", "Nutmeg", "Sorrel"]
TOWNS = ["London", "Bath", "Bristol", "Reading", "Newbury", "Marlborough", "Hungerford", "Devizes", "Chippenham",
         "Oxford", "Banbury", "Coventry", "Dover", "Canterbury", "Rochester", "York", "Stamford", "Grantham",
         "Newark", "Doncaster", "Exeter", "Salisbury", "Andover", "Basingstoke", "Hounslow", "Maidenhead"]
CASKS = ["porter", "small beer", "stout", "mild", "bitter", "cider", "perry", "sack", "claret", "brandy", "gin", "rum"]
ROOMS = ["Dolphin", "Sun", "Moon", "Star", "Rose", "Crown", "Mitre", "Bell", "Angel", "Lamb", "Swan", "Bull"]


def person(rnd: random.Random) -> str:
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"


def env_py() -> dict:
    return {"PATH": f"{VENV}/bin:{JS}/node_modules/.bin:" + os.environ.get("PATH", "/usr/bin:/bin"),
            "PYTHONUNBUFFERED": "1"}


def py(cmd: str) -> str:
    return cmd  # the command as typed: the venv is first on PATH


# ------------------------------------------------------------------ peewee + playhouse.migrate

PLAYHOUSE = r'''
import logging, random, sys
from peewee import *
from playhouse.migrate import SqliteMigrator, migrate

logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s")
N_TABLES, N_ROWS, FAULT = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
db = SqliteDatabase("inn.db", pragmas={"foreign_keys": 1} if FAULT == "drop" else {})
rnd = random.Random(int(sys.argv[4]))

class Base(Model):
    class Meta:
        database = db

class Ostler(Base):
    name = CharField(unique=True)
    wage = IntegerField()

class Horse(Base):
    name = CharField()
    ostler = ForeignKeyField(Ostler, backref="horses")
    miles = IntegerField(default=0)

class Chaise(Base):
    plate = CharField(unique=True)
    seats = IntegerField()

extra = []
for t in range(N_TABLES):
    attrs = {"stage": CharField(), "miles": IntegerField(), "fare": DecimalField(), "Meta": type("Meta", (), {"database": db, "table_name": f"stage_{t:03d}"})}
    extra.append(type(f"Stage{t:03d}", (Model,), attrs))

db.connect()
db.create_tables([Ostler, Horse, Chaise] + extra)
names = set()
for i in range(N_ROWS):
    n = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]} {i}"
    o = Ostler.create(name=n, wage=rnd.randint(8, 30))
    Horse.create(name=HORSES[i % len(HORSES)], ostler=o, miles=rnd.randint(0, 4000))
    Chaise.create(plate=f"PC-{i:04d}", seats=rnd.choice([2, 2, 3, 4]))
for m in extra:
    for i in range(3):
        m.create(stage=TOWNS[i], miles=rnd.randint(8, 20), fare=rnd.randint(5, 40) / 4)

migrator = SqliteMigrator(db)
steps = [("add horse.shod_on", lambda: migrator.add_column("horse", "shod_on", DateField(null=True))),
         ("index chaise.seats", lambda: migrator.add_index("chaise", ("seats",), False)),
         ("rename ostler.wage -> wage_pence", lambda: migrator.rename_column("ostler", "wage", "wage_pence"))]
if FAULT == "notnull":
    steps.append(("add horse.stall NOT NULL", lambda: migrator.add_column("horse", "stall", IntegerField(null=False))))
elif FAULT == "rename":
    steps.append(("rename chaise.colour -> livery", lambda: migrator.rename_column("chaise", "colour", "livery")))
elif FAULT == "unique":
    steps.append(("unique index horse.name", lambda: migrator.add_index("horse", ("name",), True)))
elif FAULT == "drop":
    steps.append(("drop ostler (referenced)", lambda: db.execute_sql("DROP TABLE ostler")))
for t in range(N_TABLES):
    steps.append((f"stage_{t:03d}: add change_horses", lambda t=t: migrator.add_column(f"stage_{t:03d}", "change_horses", BooleanField(default=False))))
for label, op in steps:
    print(f"applying: {label}", flush=True)
    with db.atomic():
        migrate(op()) if not label.startswith("drop") else op()
print(f"postinghouse migrated: {len(steps)} steps applied to inn.db")
'''


def playhouse(tmp: Path) -> None:
    root = tmp / "playhouse"
    root.mkdir()
    consts = (f"FIRST = {FIRST!r}\nLAST = {LAST!r}\nHORSES = {HORSES!r}\nTOWNS = {TOWNS!r}\n")
    (root / "migrate_inn.py").write_text(PLAYHOUSE.replace("extra = []", consts + "extra = []", 1))
    for name, args in [("small-notnull", "2 6 notnull 57910"), ("rename", "6 20 rename 57911"),
                       ("unique", "14 30 unique 57912"), ("long-notnull", "60 40 notnull 57913"),
                       ("drop", "3 8 drop 57914")]:
        run("rm -f inn.db", cwd=root)
        cap(f"playhouse-{name}", f"python migrate_inn.py {args}; echo EXIT=$?", root, n_playhouse, env=env_py(),
            timeout=200)


# ------------------------------------------------------------------ peewee-migrate (pw_migrate)

def pw_migrations(rnd: random.Random, n: int, fault_at: int, fault: str) -> dict:
    files = {}
    for k in range(1, n + 1):
        town = TOWNS[k % len(TOWNS)].lower()
        if k == 1:
            up = ('    migrator.sql("CREATE TABLE ostler (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, wage INTEGER)")\n'
                  '    migrator.sql("CREATE TABLE horse (id INTEGER PRIMARY KEY, name TEXT, ostler_id INTEGER REFERENCES ostler(id))")\n')
            down = '    migrator.sql("DROP TABLE horse")\n    migrator.sql("DROP TABLE ostler")\n'
            name = "initial_stables"
        elif k == fault_at:
            name = {"notnull": "horse_stall_required", "dup": "seed_ostlers_again", "missing": "rename_livery"}[fault]
            up = {"notnull": '    migrator.sql("ALTER TABLE horse ADD COLUMN stall INTEGER NOT NULL")\n',
                  "dup": '    migrator.sql("INSERT INTO ostler (name, wage) VALUES (\'Tom Weller\', 12)")\n',
                  "missing": '    migrator.sql("ALTER TABLE chaise RENAME COLUMN colour TO livery")\n'}[fault]
            down = '    pass\n'
        elif k % 3 == 2:
            name = f"stage_{town}"
            up = (f'    migrator.sql("CREATE TABLE stage_{k:03d} (id INTEGER PRIMARY KEY, town TEXT, miles INTEGER, fare REAL)")\n'
                  f'    migrator.sql("INSERT INTO stage_{k:03d} (town, miles, fare) VALUES (\'{TOWNS[k % 26]}\', {rnd.randint(8, 20)}, {rnd.randint(4, 40) / 4})")\n')
            down = f'    migrator.sql("DROP TABLE stage_{k:03d}")\n'
        elif k % 3 == 0:
            name = f"seed_ostlers_{k:03d}"
            vals = ", ".join(f"('{FIRST[(k + j) % 26]} {LAST[(k * 3 + j) % 22]} {k}-{j}', {rnd.randint(8, 30)})" for j in range(3))
            up = f'    migrator.sql("INSERT INTO ostler (name, wage) VALUES {vals}")\n'
            down = f'    migrator.sql("DELETE FROM ostler WHERE name LIKE \'% {k}-%\'")\n'
        else:
            name = f"chaise_{k:03d}" if k != 4 else "chaises"
            if k == 4:
                up = '    migrator.sql("CREATE TABLE chaise (id INTEGER PRIMARY KEY, plate TEXT UNIQUE, seats INTEGER)")\n'
                down = '    migrator.sql("DROP TABLE chaise")\n'
            else:
                up = f'    migrator.sql("INSERT INTO horse (name, ostler_id) VALUES (\'{HORSES[k % 20]}\', 1)")\n'
                down = f'    migrator.sql("DELETE FROM horse WHERE name = \'{HORSES[k % 20]}\'")\n'
        if k == 4 or (k > 4 and k % 3 == 1):
            pass
        files[f"migrations/{k:03d}_{name}.py"] = (
            f'"""Peewee migrations -- {k:03d}_{name}.py."""\n\nimport peewee as pw\nfrom peewee_migrate import Migrator\n\n\n'
            f'def migrate(migrator: Migrator, database: pw.Database, *, fake=False):\n{up}\n\n'
            f'def rollback(migrator: Migrator, database: pw.Database, *, fake=False):\n{down}')
    return files


def pw_migrate(tmp: Path) -> None:
    for name, n, fault_at, fault, seed in [("small", 8, 6, "notnull", 57915), ("mid", 30, 22, "dup", 57916),
                                           ("long", 90, 81, "missing", 57917)]:
        root = tmp / f"pw-{name}"
        root.mkdir()
        write_tree(root, pw_migrations(random.Random(seed), n, fault_at, fault))
        if name == "mid":
            (root / "migrations" / "014_broken_import.py").write_text(
                '"""Peewee migrations -- 014_broken_import.py."""\n\nimport peewee as pw\n\n\n'
                'def migrate(migrator, database, *, fake=False):\n    migrator.sql("CREATE TABLE tapster (id INTEGER PRIMARY KEY, name TEXT)"\n\n'
                'def rollback(migrator, database, *, fake=False):\n    pass\n')
        db = "--database sqlite:///inn.db --directory migrations"
        cap(f"pw-migrate-{name}", f"pw_migrate migrate {db} -v; echo EXIT=$?", root, n_pw_migrate, env=env_py())
        cap(f"pw-list-{name}", f"pw_migrate list {db}", root, n_pw_list, env=env_py())
        if name == "long":
            cap("pw-rollback-long", f"pw_migrate rollback {db} --count 12 -v; echo EXIT=$?", root, n_pw_migrate,
                env=env_py())
            cap("pw-list-long-after", f"pw_migrate list {db}", root, n_pw_list, env=env_py())


# ------------------------------------------------------------------ tortoise-orm + aerich

AERICH_MODELS_V1 = '''
from tortoise import fields, models


class Ostler(models.Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=80, unique=True)
    wage = fields.IntField()


class Horse(models.Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=40)
    ostler = fields.ForeignKeyField("models.Ostler", related_name="horses")
    miles = fields.IntField(default=0)


class Chaise(models.Model):
    id = fields.IntField(primary_key=True)
    plate = fields.CharField(max_length=12, unique=True)
    seats = fields.IntField()
'''

AERICH_MODELS_V2 = AERICH_MODELS_V1.replace(
    "    miles = fields.IntField(default=0)\n",
    "    miles = fields.IntField(default=0)\n    stall = fields.IntField()\n    farrier = fields.CharField(max_length=60)\n",
).replace("    seats = fields.IntField()\n", "    seats = fields.IntField()\n    livery = fields.CharField(max_length=30, unique=True)\n") + '''

class Tapster(models.Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=80)
    casks = fields.ManyToManyField("models.Cask", related_name="tapsters")


class Cask(models.Model):
    id = fields.IntField(primary_key=True)
    ale = fields.CharField(max_length=30)
    gallons = fields.DecimalField(max_digits=6, decimal_places=1)
'''

AERICH_SETTINGS = 'TORTOISE_ORM = {"connections": {"default": "sqlite://inn.db"}, ' \
    '"apps": {"models": {"models": ["models", "aerich.models"], "default_connection": "default"}}}\n'


def aerich(tmp: Path) -> None:
    root = tmp / "aerich"
    write_tree(root, {"models.py": AERICH_MODELS_V1, "settings.py": AERICH_SETTINGS})
    e = env_py()
    e["PYTHONPATH"] = str(root)
    rnd = random.Random(57918)
    rows = ";".join(f"INSERT INTO ostler (name, wage) VALUES ('{FIRST[i % 26]} {LAST[i % 22]} {i}', {rnd.randint(8, 30)});"
                    f"INSERT INTO horse (name, ostler_id, miles) VALUES ('{HORSES[i % 20]}', {i + 1}, {rnd.randint(0, 4000)});"
                    f"INSERT INTO chaise (plate, seats) VALUES ('PC-{i:04d}', {rnd.choice([2, 3, 4])})" for i in range(40))
    cap("aerich-init-db", "aerich init -t settings.TORTOISE_ORM && aerich init-db && aerich history && aerich heads && "
        "aerich migrate --name nothing; aerich inspectdb -t nosuchtable; echo EXIT=$?", root, n_aerich_cmd, env=e)
    run(f'sqlite3 inn.db "{rows}"', cwd=root)
    (root / "models.py").write_text(AERICH_MODELS_V2)
    cap("aerich-migrate-heads", "aerich migrate --name stalls_and_tapsters && aerich heads && aerich history && "
        "aerich inspectdb; echo EXIT=$?", root, n_aerich_history, env=e)
    cap("aerich-upgrade-fail", "aerich upgrade; echo EXIT=$?", root, n_aerich_cmd, env=e)
    cap("aerich-history-after", "aerich history; aerich heads; aerich downgrade -v 0 -d --yes; aerich history -h; "
        "echo EXIT=$?", root, n_aerich_history, env=e)


TORTOISE_SCRIPT = r'''
import asyncio, logging, random, sys
from tortoise import Tortoise, fields, models
from tortoise.transactions import in_transaction

logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
for quiet in ("aiosqlite", "asyncio"):
    logging.getLogger(quiet).setLevel(logging.WARNING)
N, FAULT = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(int(sys.argv[3]))


class Room(models.Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=30, unique=True)
    beds = fields.IntField()


class Booking(models.Model):
    id = fields.IntField(primary_key=True)
    guest = fields.CharField(max_length=60)
    room = fields.ForeignKeyField("models.Room", related_name="bookings")
    nights = fields.IntField()
    coach = fields.CharField(max_length=30)


async def main():
    await Tortoise.init(db_url="sqlite://inn.db", modules={"models": ["__main__"]})
    await Tortoise.generate_schemas()
    rooms = [await Room.create(name=f"{r} {i}", beds=rnd.randint(1, 4)) for i, r in enumerate(ROOMS)]
    for i in range(N):
        await Booking.create(guest=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", room=rnd.choice(rooms),
                             nights=rnd.randint(1, 5), coach=f"{rnd.choice(TOWNS)} Mail")
    if FAULT == "unique":
        async with in_transaction():
            await Room.create(name="Dolphin 0", beds=2)
    elif FAULT == "fk":
        await Booking.create(guest="Mr Pickwick", room_id=999, nights=2, coach="Ipswich Mail")
    elif FAULT == "raw":
        conn = Tortoise.get_connection("default")
        await conn.execute_query("SELECT r.name, COUNT(b.id) AS n, SUM(b.nights * b.rate) FROM room r "
                                 "JOIN booking b ON b.room_id = r.id GROUP BY r.name ORDER BY n DESC")
    elif FAULT == "get":
        await Room.get(name="Pomegranate")
    print(f"postinghouse: {await Booking.all().count()} bookings in {len(rooms)} rooms")


async def run():
    try:
        await main()
    finally:
        await Tortoise.close_connections()

asyncio.run(run())
'''


def tortoise(tmp: Path) -> None:
    root = tmp / "tortoise"
    root.mkdir()
    consts = f"FIRST = {FIRST!r}\nLAST = {LAST!r}\nTOWNS = {TOWNS!r}\nROOMS = {ROOMS!r}\n"
    (root / "bookings.py").write_text(TORTOISE_SCRIPT.replace("N, FAULT =", consts + "N, FAULT =", 1))
    for name, args in [("unique", "15 unique 57919"), ("fk", "60 fk 57920"), ("raw", "200 raw 57921"),
                       ("get", "8 get 57922"), ("long-fk", "520 fk 57923")]:
        run("rm -f inn.db*", cwd=root)
        cap(f"tortoise-{name}", f"python bookings.py {args}; echo EXIT=$?", root, n_tortoise, env=env_py(), timeout=60)


# ------------------------------------------------------------------ Flask-Migrate

FLASK_APP = '''
from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Ostler(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), nullable=False, unique=True)
    wage = db.Column(db.Integer)
    yard = db.Column(db.String(40), nullable=False, server_default="north")


class Horse(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40))
    ostler_id = db.Column(db.Integer, db.ForeignKey("ostler.id"))
    miles = db.Column(db.Integer, index=True)


class Tapster(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), nullable=False)
    cask = db.Column(db.String(30))


class Cask(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    ale = db.Column(db.String(30), unique=True)
    gallons = db.Column(db.Numeric(6, 1))


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///inn.db"
    db.init_app(app)
    Migrate(app, db)
    return app
'''


def rev_id(rnd: random.Random) -> str:
    return "".join(rnd.choice("0123456789abcdef") for _ in range(12))


def flask_revisions(rnd: random.Random, n: int, fault_at: int, branch: bool) -> dict:
    files, prev, ids = {}, None, []
    for k in range(1, n + 1):
        rid = rev_id(rnd)
        if k == 1:
            msg = "ostlers and horses"
            up = ('    op.create_table("ostler", sa.Column("id", sa.Integer, primary_key=True), '
                  'sa.Column("name", sa.String(80), nullable=False), sa.Column("wage", sa.Integer))\n'
                  '    op.create_table("horse", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String(40)), '
                  'sa.Column("ostler_id", sa.Integer, sa.ForeignKey("ostler.id")), sa.Column("miles", sa.Integer))\n')
            down = '    op.drop_table("horse")\n    op.drop_table("ostler")\n'
        elif k == fault_at:
            msg = "unique ostler names"
            up = '    op.create_index("ix_ostler_name", "ostler", ["name"], unique=True)\n'
            down = '    op.drop_index("ix_ostler_name", "ostler")\n'
        elif k % 2 == 0:
            msg = f"seed ostlers of the {TOWNS[k % 26]} yard"
            vals = ", ".join(f"('{FIRST[j]} {LAST[j]}', {rnd.randint(8, 30)})" for j in range(4))
            up = f'    op.execute("INSERT INTO ostler (name, wage) VALUES {vals}")\n'
            down = f'    op.execute("DELETE FROM ostler WHERE wage < 0")\n'
        else:
            msg = f"stage {TOWNS[k % 26]} to {TOWNS[(k + 5) % 26]}"
            up = (f'    op.create_table("stage_{k:03d}", sa.Column("id", sa.Integer, primary_key=True), '
                  f'sa.Column("town", sa.String(40)), sa.Column("miles", sa.Integer), sa.Column("fare", sa.Numeric(6, 2)))\n')
            down = f'    op.drop_table("stage_{k:03d}")\n'
        slug = re.sub(r"\W+", "_", msg.lower())
        files[f"migrations/versions/{rid}_{slug}.py"] = (
            f'"""{msg}\n\nRevision ID: {rid}\nRevises: {prev or ""}\nCreate Date: 2026-11-{(k % 28) + 1:02d} 09:{k % 60:02d}:00\n\n"""\n'
            f'from alembic import op\nimport sqlalchemy as sa\n\nrevision = "{rid}"\ndown_revision = {prev!r}\n'
            f'branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n{up}\n\ndef downgrade():\n{down}')
        ids.append(rid)
        prev = rid
    if branch:
        rid = rev_id(rnd)
        base = ids[len(ids) // 2]
        files[f"migrations/versions/{rid}_tap_room_casks.py"] = (
            f'"""tap room casks\n\nRevision ID: {rid}\nRevises: {base}\nCreate Date: 2026-11-30 18:00:00\n\n"""\n'
            f'from alembic import op\nimport sqlalchemy as sa\n\nrevision = "{rid}"\ndown_revision = "{base}"\n'
            f'branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n    op.create_table("cask", sa.Column("id", sa.Integer, primary_key=True), '
            f'sa.Column("ale", sa.String(30)))\n\n\ndef downgrade():\n    op.drop_table("cask")\n')
    return files


def flask_db(tmp: Path) -> None:
    e = env_py()
    e["FLASK_APP"] = "app:create_app"
    for name, n, fault_at, branch, seed in [("small", 7, 6, False, 57924), ("long", 120, 111, False, 57925),
                                            ("branch", 24, 0, True, 57926)]:
        root = tmp / f"flask-{name}"
        root.mkdir()
        (root / "app.py").write_text(FLASK_APP)
        run("flask db init", cwd=root, env=e)
        write_tree(root, flask_revisions(random.Random(seed), n, fault_at, branch))
        if name == "small":
            cap("flask-upgrade-small", "flask db upgrade; echo EXIT=$?", root, n_flask_upgrade, env=e)
            cap("flask-history-small", "flask db history --verbose; flask db current; echo EXIT=$?", root,
                n_flask_history, env=e)
        elif name == "long":
            cap("flask-upgrade-long", "flask db upgrade; echo EXIT=$?", root, n_flask_upgrade, env=e, timeout=300)
            cap("flask-history-long", "flask db history; echo EXIT=$?", root, n_flask_history, env=e)
            cap("flask-downgrade-long", "flask db downgrade -20; echo EXIT=$?", root, n_flask_upgrade, env=e,
                timeout=300)
            cap("flask-history-long-verbose", "flask db history --verbose -r -30:current; echo EXIT=$?", root,
                n_flask_history, env=e)
        else:
            cap("flask-heads-branch", "flask db heads --verbose; flask db branches; echo EXIT=$?", root,
                n_flask_history, env=e)
            cap("flask-upgrade-branch", "flask db upgrade; echo EXIT=$?", root, n_flask_upgrade, env=e)
            cap("flask-upgrade-heads", "flask db upgrade heads; echo EXIT=$?", root, n_flask_upgrade, env=e)
            cap("flask-migrate-detect", "flask db migrate -m 'yard and tapsters'; echo EXIT=$?", root,
                n_flask_migrate, env=e)
            cap("flask-check", "flask db check; echo EXIT=$?", root, n_flask_migrate, env=e)


# ------------------------------------------------------------------ SQLModel

SQLMODEL_SCRIPT = r'''
import random, sys
from typing import Optional
from sqlmodel import Field, Session, SQLModel, create_engine, select, text

N, FAULT, ECHO = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "echo"
rnd = random.Random(int(sys.argv[4]))


class Stage(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    town: str = Field(index=True, unique=True)
    miles: int
    fare_shillings: float


class PostChaise(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    plate: str = Field(unique=True)
    seats: int
    stage_id: Optional[int] = Field(default=None, foreign_key="stage.id")
    postboy: str


engine = create_engine("sqlite:///inn.db", echo=ECHO)
SQLModel.metadata.create_all(engine)
with Session(engine) as s:
    s.exec(text("PRAGMA foreign_keys=ON"))
    stages = [Stage(town=t, miles=rnd.randint(8, 22), fare_shillings=rnd.randint(10, 60) / 4) for t in TOWNS]
    s.add_all(stages)
    s.commit()
    for i in range(N):
        s.add(PostChaise(plate=f"PC-{i:04d}", seats=rnd.choice([2, 2, 3, 4]), stage_id=rnd.choice(stages).id,
                         postboy=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"))
        if i % 10 == 9:
            s.commit()
    s.commit()
    if FAULT == "unique":
        s.add(PostChaise(plate="PC-0003", seats=4, stage_id=stages[0].id, postboy="Sam Weller"))
        s.commit()
    elif FAULT == "column":
        q = text("SELECT st.town, st.miles, COUNT(pc.id) AS chaises, AVG(pc.seats) AS seats, SUM(st.fare_shillings * pc.seats) AS takings, "
                 "MAX(pc.postboy_wage) AS top_wage FROM stage AS st LEFT OUTER JOIN postchaise AS pc ON pc.stage_id = st.id "
                 "WHERE st.miles BETWEEN :lo AND :hi AND pc.seats >= :seats GROUP BY st.town, st.miles HAVING COUNT(pc.id) > :n "
                 "ORDER BY takings DESC, st.town")
        print(s.exec(q, params={"lo": 8, "hi": 20, "seats": 2, "n": 1}).all())
    elif FAULT == "fk":
        s.add(PostChaise(plate="PC-9999", seats=2, stage_id=4242, postboy="Job Trotter"))
        s.commit()
    elif FAULT == "notnull":
        s.exec(text("INSERT INTO postchaise (plate, seats, stage_id) VALUES (:p, :s, :st)"), params={"p": "PC-X1", "s": 2, "st": 1})
        s.commit()
    print(f"postinghouse: {len(s.exec(select(PostChaise)).all())} post-chaises on {len(stages)} stages")
'''


def sqlmodel(tmp: Path) -> None:
    root = tmp / "sqlmodel"
    root.mkdir()
    consts = f"FIRST = {FIRST!r}\nLAST = {LAST!r}\nTOWNS = {TOWNS!r}\n"
    (root / "chaises.py").write_text(SQLMODEL_SCRIPT.replace("N, FAULT, ECHO =", consts + "N, FAULT, ECHO =", 1))
    for name, args in [("unique-echo", "30 unique echo 57927"), ("column", "40 column quiet 57928"),
                       ("fk-echo-long", "210 fk echo 57929"), ("notnull-echo", "12 notnull echo 57930"),
                       ("column-echo", "60 column echo 57931")]:
        run("rm -f inn.db", cwd=root)
        cap(f"sqlmodel-{name}", f"python chaises.py {args}; echo EXIT=$?", root, n_sqlmodel, env=env_py(), timeout=200)


# ------------------------------------------------------------------ Pony ORM

PONY_SCRIPT = r'''
import random, sys
from decimal import Decimal
from pony.orm import *

N, FAULT = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(int(sys.argv[3]))
db = Database()


class Tapster(db.Entity):
    name = Required(str, unique=True)
    shift = Required(str)
    casks = Set("Cask")


class Cask(db.Entity):
    ale = Required(str)
    gallons = Required(Decimal, precision=6, scale=1)
    tapped_by = Optional(Tapster)
    cellar = Required(int)


if FAULT == "mapping":
    import sqlite3
    c = sqlite3.connect("tap.db")
    c.execute('CREATE TABLE "Tapster" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" TEXT UNIQUE NOT NULL)')
    c.commit(); c.close()
set_sql_debug(True)
db.bind(provider="sqlite", filename="tap.db", create_db=True)
db.generate_mapping(create_tables=True, check_tables=True)

with db_session:
    taps = [Tapster(name=f"{FIRST[i % 26]} {LAST[i % 22]}", shift=rnd.choice(["day", "night"])) for i in range(6)]
    for i in range(N):
        Cask(ale=rnd.choice(CASKS), gallons=Decimal(rnd.randint(40, 540)) / 10, tapped_by=rnd.choice(taps), cellar=rnd.randint(1, 3))
        if i % 25 == 24:
            commit()

with db_session:
    if FAULT == "unique":
        Tapster(name="Tom Weller", shift="day")
        commit()
    elif FAULT == "get":
        Cask.get(ale="porter")
    elif FAULT == "query":
        print(select((c.ale, sum(c.gallons * c.price)) for c in Cask)[:])
    print(f"postinghouse tap room: {count(c for c in Cask)} casks, {count(t for t in Tapster)} tapsters")
'''


def pony(tmp: Path) -> None:
    root = tmp / "pony"
    root.mkdir()
    consts = f"FIRST = {FIRST!r}\nLAST = {LAST!r}\nCASKS = {CASKS!r}\n"
    (root / "taproom.py").write_text(PONY_SCRIPT.replace("N, FAULT =", consts + "N, FAULT =", 1))
    for name, args in [("unique", "20 unique 57932"), ("get", "60 get 57933"), ("mapping", "5 mapping 57934"),
                       ("query-long", "400 query 57935")]:
        run("rm -f tap.db", cwd=root)
        cap(f"pony-{name}", f"python taproom.py {args}; echo EXIT=$?", root, n_pony, env=env_py(), timeout=200)


# ------------------------------------------------------------------ kysely's Migrator on PostgreSQL

KYSELY_RUN = r'''
import * as path from 'node:path'
import { promises as fs } from 'node:fs'
import pg from 'pg'
import { Kysely, Migrator, PostgresDialect, FileMigrationProvider } from 'kysely'

const verbose = process.argv.includes('--log')
const db = new Kysely({
  dialect: new PostgresDialect({ pool: new pg.Pool({ host: '127.0.0.1', port: PORT, user: 'postgres', database: process.env.PGDATABASE }) }),
  log: verbose ? (e) => console.log(`${e.level} ${e.queryDurationMillis.toFixed(1)}ms ${e.query.sql} ${JSON.stringify(e.query.parameters)}`) : undefined,
})
const migrator = new Migrator({ db, provider: new FileMigrationProvider({ fs, path, migrationFolder: path.resolve('migrations') }) })
const down = process.argv.includes('--down')
const { error, results } = down ? await migrator.migrateDown() : await migrator.migrateToLatest()
results?.forEach((it) => {
  if (it.status === 'Success') console.log(`migration "${it.migrationName}" was executed successfully`)
  else if (it.status === 'Error') console.error(`failed to execute migration "${it.migrationName}"`)
  else console.log(`migration "${it.migrationName}" was not executed (${it.status})`)
})
if (error) {
  console.error('failed to migrate')
  console.error(error)
  await db.destroy()
  process.exit(1)
}
await db.destroy()
'''


def kysely_migrations(rnd: random.Random, n: int, fault_at: int, fault: str) -> dict:
    files = {}
    for k in range(1, n + 1):
        if k == 1:
            name = "ostlers"
            up = ("await db.schema.createTable('ostler').addColumn('id', 'serial', (c) => c.primaryKey())"
                  ".addColumn('name', 'varchar(80)', (c) => c.notNull().unique()).addColumn('wage', 'integer').execute()\n"
                  "  await db.schema.createTable('horse').addColumn('id', 'serial', (c) => c.primaryKey())"
                  ".addColumn('name', 'varchar(40)').addColumn('ostler_id', 'integer', (c) => c.references('ostler.id'))"
                  ".addColumn('miles', 'integer').execute()")
            dn = "await db.schema.dropTable('horse').execute()\n  await db.schema.dropTable('ostler').execute()"
        elif k == fault_at:
            name = {"notnull": "horse_stall", "fk": "drop_ostler", "check": "wage_floor"}[fault]
            up = {"notnull": "await db.schema.alterTable('horse').addColumn('stall', 'integer', (c) => c.notNull()).execute()",
                  "fk": "await db.schema.dropTable('ostler').execute()",
                  "check": "await sql`ALTER TABLE ostler ADD CONSTRAINT wage_floor CHECK (wage >= 12)`.execute(db)"}[fault]
            dn = "/* nothing */"
        elif k % 2 == 0:
            name = f"seed_{TOWNS[k % 26].lower()}_yard"
            rows = ", ".join(f"{{ name: '{FIRST[(k + j) % 26]} {LAST[(k * 5 + j) % 22]} {k}', wage: {rnd.randint(8, 30)} }}" for j in range(3))
            up = (f"const ids = await db.insertInto('ostler').values([{rows}]).returning('id').execute()\n"
                  f"  await db.insertInto('horse').values(ids.map((r, i) => ({{ name: '{HORSES[k % 20]}', ostler_id: r.id, miles: 100 * i }}))).execute()")
            dn = f"await db.deleteFrom('ostler').where('name', 'like', '% {k}').execute()"
        else:
            name = f"stage_{TOWNS[k % 26].lower()}"
            up = (f"await db.schema.createTable('stage_{k:03d}').addColumn('id', 'serial', (c) => c.primaryKey())"
                  f".addColumn('town', 'text').addColumn('miles', 'integer').addColumn('fare', 'numeric').execute()")
            dn = f"await db.schema.dropTable('stage_{k:03d}').execute()"
        files[f"migrations/2026_11_{k:04d}_{name}.mjs"] = (
            "import { sql } from 'kysely'\n\n"
            f"export async function up(db) {{\n  {up}\n}}\n\nexport async function down(db) {{\n  {dn}\n}}\n")
    return files


def pg(sql: str) -> str:
    return run(f'psql -h 127.0.0.1 -p {PG_PORT} -U postgres -v ON_ERROR_STOP=1 -qc "{sql}"')


def kysely(tmp: Path) -> None:
    for name, n, fault_at, fault, seed, flags in [("small", 6, 5, "notnull", 57936, ""),
                                                  ("log", 40, 33, "check", 57937, " --log"),
                                                  ("long", 150, 142, "fk", 57938, ""),
                                                  ("log-long", 70, 64, "notnull", 57939, " --log")]:
        root = tmp / f"kysely-{name}"
        dbname = f"inn579_ky_{name.replace('-', '_')}"
        pg(f"DROP DATABASE IF EXISTS {dbname}")
        pg(f"CREATE DATABASE {dbname}")
        write_tree(root, kysely_migrations(random.Random(seed), n, fault_at, fault))
        (root / "migrate.mjs").write_text(KYSELY_RUN.replace("PORT", str(PG_PORT)))
        run(f"ln -s {JS}/node_modules node_modules", cwd=root)
        e = env_py()
        e["PGDATABASE"] = dbname
        cap(f"kysely-{name}", f"node migrate.mjs{flags}; echo EXIT=$?", root, n_kysely, env=e)
        if name == "small":
            cap("kysely-small-down", "node migrate.mjs --down; echo EXIT=$?", root, n_kysely, env=e)
        pg(f"DROP DATABASE IF EXISTS {dbname}")


# ------------------------------------------------------------------ umzug's CLI on PostgreSQL

UMZUG_RUN = r'''
const { Umzug, JSONStorage } = require('umzug')
const { Pool } = require('pg')

const pool = new Pool({ host: '127.0.0.1', port: PORT, user: 'postgres', database: process.env.PGDATABASE })
const umzug = new Umzug({
  migrations: { glob: 'migrations/*.js' },
  context: pool,
  storage: new JSONStorage({ path: 'executed.json' }),
  logger: console,
})
exports.umzug = umzug
if (require.main === module) {
  umzug.runAsCLI().finally(() => pool.end())
}
'''


def umzug_migrations(rnd: random.Random, n: int, fault_at: int, fault: str) -> dict:
    files = {}
    for k in range(1, n + 1):
        if k == 1:
            name, up, dn = "rooms", ("CREATE TABLE room (id serial PRIMARY KEY, name text UNIQUE NOT NULL, beds int)"
                                     "; CREATE TABLE booking (id serial PRIMARY KEY, guest text, room_id int REFERENCES room(id), nights int)"), \
                "DROP TABLE booking; DROP TABLE room"
        elif k == fault_at:
            name = {"unique": "seed_dolphin_again", "type": "nights_as_date", "missing": "drop_coach_column"}[fault]
            up = {"unique": "INSERT INTO room (name, beds) VALUES ('Dolphin 1', 2)",
                  "type": "ALTER TABLE booking ALTER COLUMN nights TYPE date",
                  "missing": "ALTER TABLE booking DROP COLUMN coach"}[fault]
            dn = "SELECT 1"
        elif k % 2 == 0:
            name = f"seed_rooms_{k:03d}"
            vals = ", ".join(f"('{ROOMS[(k + j) % 12]} {k // 2 + j * 100}', {rnd.randint(1, 4)})" for j in range(2))
            up, dn = f"INSERT INTO room (name, beds) VALUES {vals}", f"DELETE FROM room WHERE name LIKE '% {k // 2}'"
        else:
            name = f"bookings_{TOWNS[k % 26].lower()}_coach"
            vals = ", ".join(f"('{FIRST[(k + j) % 26]} {LAST[j % 22]}', 1, {rnd.randint(1, 5)})" for j in range(3))
            up, dn = f"INSERT INTO booking (guest, room_id, nights) VALUES {vals}", "SELECT 1"
        files[f"migrations/{k:03d}-{name}.js"] = (
            f"exports.up = async ({{ context: pool }}) => {{\n  await pool.query(`{up}`)\n}}\n"
            f"exports.down = async ({{ context: pool }}) => {{\n  await pool.query(`{dn}`)\n}}\n")
    return files


def umzug(tmp: Path) -> None:
    for name, n, fault_at, fault, seed in [("small", 8, 7, "unique", 57940), ("mid", 36, 29, "type", 57941),
                                           ("long", 160, 150, "missing", 57942)]:
        root = tmp / f"umzug-{name}"
        dbname = f"inn579_um_{name}"
        pg(f"DROP DATABASE IF EXISTS {dbname}")
        pg(f"CREATE DATABASE {dbname}")
        write_tree(root, umzug_migrations(random.Random(seed), n, fault_at, fault))
        (root / "migrate.js").write_text(UMZUG_RUN.replace("PORT", str(PG_PORT)))
        run(f"ln -s {JS}/node_modules node_modules", cwd=root)
        e = env_py()
        e["PGDATABASE"] = dbname
        if name != "small":
            cap(f"umzug-pending-{name}", "node migrate.js pending; echo EXIT=$?", root, n_umzug, env=e)
        cap(f"umzug-up-{name}", "node migrate.js up; echo EXIT=$?", root, n_umzug, env=e)
        cap(f"umzug-executed-{name}", "node migrate.js executed; echo EXIT=$?", root, n_umzug, env=e)
        if name == "mid":
            cap("umzug-down-mid", "node migrate.js down --to 010-seed_rooms_010.js; echo EXIT=$?", root, n_umzug, env=e)
        pg(f"DROP DATABASE IF EXISTS {dbname}")


STEPS = [playhouse, pw_migrate, aerich, tortoise, flask_db, sqlmodel, pony, kysely, umzug]


def main() -> None:
    cm.capture_round(__doc__, lambda: None, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide579", sys.modules["__main__"])
    main()
