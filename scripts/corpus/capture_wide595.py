#!/usr/bin/env python3
"""Capture round 595 of the compression corpus: second samples of round 579's ORM and migration kinds
(NEEDLES.md's "Round 595"). `droveroad`, a drovers' road's schema written here (drovers, droves, pens, tolls,
tollgates, smithies, fairs; seeds 59510+) in peewee (playhouse.migrate, pw_migrate), tortoise-orm, Flask-Migrate,
SQLModel and Pony ORM on SQLite, with other faults than round 579's. No extractor is written here: every kind's
needles come from round 579's extractors, imported by name. Nothing captured here was compressed.

Usage:   nice python3 scripts/corpus/capture_wide595.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide595.json  as {"version": 2, "items": [...]}, ids prefixed "wide595-".
Needs:   a venv at /dev/shm/hm-corpus-wide595-tools/venv (peewee, peewee-migrate, tortoise-orm, aerich, sqlmodel,
         flask-migrate, flask-sqlalchemy, pony), made by cm.install_venv when missing.
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
from capture_wide579 import (n_aerich_cmd, n_aerich_history, n_flask_history, n_flask_migrate, n_flask_upgrade, n_playhouse, n_pony,  # noqa: E402
                             n_pw_list, n_pw_migrate, n_sqlmodel, n_tortoise)

ID_PREFIX = "wide595-"
DEFAULT_OUT = HERE / "data" / "wide595.json"
TMP = Path("/dev/shm/hm-corpus-wide595")
TOOLS = Path("/dev/shm/hm-corpus-wide595-tools")
VENV = TOOLS / "venv"
SEED = 59510
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
cap = _SIZED.cap

# ================================================================== material: droveroad

FIRST = ["Ianto", "Dai", "Evan", "Rhys", "Owen", "Gethin", "Huw", "Morgan", "Emrys", "Idris", "Aled", "Cai",
         "Angus", "Hamish", "Rab", "Dougal", "Fergus", "Lachlan", "Ewan", "Tam", "Jenny", "Morag", "Elen", "Gwen"]
LAST = ["Drover", "Pritchard", "Bowen", "Jenkins", "Vaughan", "MacRae", "Grant", "Fraser", "Lloyd", "Parry",
        "Herdman", "Shearer", "Tolley", "Penfold", "Stockman", "Bullock", "Heath", "Moorcroft"]
TOLLS = ["Llandovery", "Tregaron", "Abergwesyn", "Builth", "Kington", "Hereford", "Ledbury", "Stow", "Banbury",
         "Barnet", "Smithfield", "Falkirk", "Crieff", "Carlisle", "Penrith", "Kendal", "Skipton", "Northampton",
         "Dunstable", "St Albans", "Brecon", "Hay", "Leominster", "Tewkesbury", "Chipping Norton", "Hockley"]
BEASTS = ["black cattle", "Welsh runts", "Highland stirks", "geese", "turkeys", "sheep", "pigs", "ponies"]
FAIRS = ["Barnet Fair", "Falkirk Tryst", "Crieff Tryst", "Stagshaw Bank", "Smithfield", "Harlech", "Northampton"]


def env_py() -> dict:
    return {"PATH": f"{VENV}/bin:" + os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONUNBUFFERED": "1"}


def consts(*names: str) -> str:
    return "".join(f"{n} = {globals()[n]!r}\n" for n in names)


# ------------------------------------------------------------------ peewee + playhouse.migrate

PLAYHOUSE = r'''
import logging, random, sys
from peewee import *
from playhouse.migrate import SqliteMigrator, migrate

logging.basicConfig(level=logging.DEBUG, format="%(levelname)s:%(name)s:%(message)s")
N_TOLLS, N_ROWS, FAULT = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
db = SqliteDatabase("road.db")
rnd = random.Random(int(sys.argv[4]))

class Base(Model):
    class Meta:
        database = db

class Drover(Base):
    name = CharField()
    dogs = IntegerField()

class Pen(Base):
    field = CharField()
    keeper = CharField(null=True)
    head = IntegerField()
    drover = ForeignKeyField(Drover, backref="pens")

class Smithy(Base):
    village = CharField(index=True)
    shoes = IntegerField()

gates = []
for t in range(N_TOLLS):
    attrs = {"gate": CharField(), "beasts": CharField(), "pence": IntegerField(), "Meta": type("Meta", (), {"database": db, "table_name": f"toll_{t:03d}"})}
    gates.append(type(f"Toll{t:03d}", (Model,), attrs))

db.connect()
db.create_tables([Drover, Pen, Smithy] + gates)
for i in range(N_ROWS):
    d = Drover.create(name=f"{FIRST[i % len(FIRST)]} {LAST[(i * 5) % len(LAST)]}", dogs=rnd.randint(1, 4))
    Pen.create(field=f"{TOLLS[i % len(TOLLS)]} halfpenny field", keeper=None if i % 4 == 3 else f"{FIRST[(i + 3) % len(FIRST)]} {LAST[i % len(LAST)]}", head=rnd.randint(40, 400), drover=d)
    Smithy.create(village=TOLLS[(i * 3) % len(TOLLS)], shoes=rnd.randint(10, 300))
for g in gates:
    for i in range(2):
        g.create(gate=TOLLS[rnd.randrange(len(TOLLS))], beasts=rnd.choice(BEASTS), pence=rnd.randint(1, 24))

migrator = SqliteMigrator(db)
steps = [("add drover.licence", lambda: migrator.add_column("drover", "licence", CharField(null=True))),
         ("index pen.head", lambda: migrator.add_index("pen", ("head",), False)),
         ("rename smithy.shoes -> shoes_cast", lambda: migrator.rename_column("smithy", "shoes", "shoes_cast"))]
if FAULT == "nulls":
    steps.append(("pen.keeper NOT NULL", lambda: migrator.add_not_null("pen", "keeper")))
elif FAULT == "indexed":
    steps.append(("drop smithy.village (indexed)", lambda: db.execute_sql("ALTER TABLE smithy DROP COLUMN village")))
elif FAULT == "onto":
    steps.append(("rename smithy -> pen", lambda: migrator.rename_table("smithy", "pen")))
elif FAULT == "noindex":
    steps.append(("drop index pen_keeper", lambda: migrator.drop_index("pen", "pen_keeper")))
for t in range(N_TOLLS):
    steps.append((f"toll_{t:03d}: add paid_at", lambda t=t: migrator.add_column(f"toll_{t:03d}", "paid_at", DateTimeField(null=True))))
for label, op in steps:
    print(f"applying: {label}", flush=True)
    with db.atomic():
        migrate(op()) if not label.startswith("drop smithy") else op()
print(f"droveroad migrated: {len(steps)} steps applied to road.db")
'''


def playhouse(tmp: Path) -> None:
    root = tmp / "playhouse"
    root.mkdir()
    (root / "migrate_road.py").write_text(
        PLAYHOUSE.replace("gates = []", consts("FIRST", "LAST", "TOLLS", "BEASTS") + "gates = []", 1))
    for name, args in [("nulls", "3 12 nulls 59510"), ("indexed", "8 20 indexed 59511"),
                       ("onto", "12 16 onto 59512"), ("long-nulls", "70 30 nulls 59513"),
                       ("noindex", "4 10 noindex 59514")]:
        run("rm -f road.db", cwd=root)
        cap(f"playhouse-{name}", f"python migrate_road.py {args}; echo EXIT=$?", root, n_playhouse, env=env_py(),
            timeout=200)


# ------------------------------------------------------------------ peewee-migrate (pw_migrate)

def pw_migrations(rnd: random.Random, n: int, fault_at: int, fault: str) -> dict:
    files = {}
    for k in range(1, n + 1):
        gate = re.sub(r"\W+", "_", TOLLS[k % len(TOLLS)].lower())
        if k == 1:
            name = "drovers_and_pens"
            up = ('    migrator.sql("CREATE TABLE drover (id INTEGER PRIMARY KEY, name TEXT NOT NULL, dogs INTEGER CHECK (dogs BETWEEN 0 AND 6))")\n'
                  '    migrator.sql("CREATE TABLE pen (id INTEGER PRIMARY KEY, field TEXT, head INTEGER, drover_id INTEGER REFERENCES drover(id))")\n')
            down = '    migrator.sql("DROP TABLE pen")\n    migrator.sql("DROP TABLE drover")\n'
        elif k == fault_at:
            name = {"nameerror": "toll_rates", "check": "seed_drovers_dogs", "dup": "pens_again"}[fault]
            up = {"nameerror": '    migrator.sql("CREATE TABLE toll_rate (id INTEGER PRIMARY KEY, beasts TEXT, pence INTEGER)")\n'
                               '    migrator.sql(f"INSERT INTO toll_rate (beasts, pence) VALUES (\'black cattle\', {PENCE_PER_SCORE})")\n',
                  "check": '    migrator.sql("INSERT INTO drover (name, dogs) VALUES (\'Ianto Pritchard\', 9)")\n',
                  "dup": '    migrator.sql("CREATE TABLE pen (id INTEGER PRIMARY KEY, field TEXT, head INTEGER)")\n'}[fault]
            down = '    pass\n'
        elif k % 3 == 2:
            name = f"tollgate_{gate}"
            up = (f'    migrator.sql("CREATE TABLE tollgate_{k:03d} (id INTEGER PRIMARY KEY, gate TEXT, beasts TEXT, pence INTEGER)")\n'
                  f'    migrator.sql("INSERT INTO tollgate_{k:03d} (gate, beasts, pence) VALUES (\'{TOLLS[k % 26]}\', \'{rnd.choice(BEASTS)}\', {rnd.randint(1, 24)})")\n')
            down = f'    migrator.sql("DROP TABLE tollgate_{k:03d}")\n'
        elif k % 3 == 0:
            name = f"seed_drovers_{k:03d}"
            vals = ", ".join(f"('{FIRST[(k + j) % len(FIRST)]} {LAST[(k * 7 + j) % len(LAST)]} {k}-{j}', {rnd.randint(1, 5)})" for j in range(3))
            up = f'    migrator.sql("INSERT INTO drover (name, dogs) VALUES {vals}")\n'
            down = f'    migrator.sql("DELETE FROM drover WHERE name LIKE \'% {k}-%\'")\n'
        else:
            name = f"pen_{gate}"
            up = f'    migrator.sql("INSERT INTO pen (field, head, drover_id) VALUES (\'{TOLLS[k % 26]} field\', {rnd.randint(40, 400)}, 1)")\n'
            down = f'    migrator.sql("DELETE FROM pen WHERE field = \'{TOLLS[k % 26]} field\'")\n'
        files[f"migrations/{k:03d}_{name}.py"] = (
            f'"""Peewee migrations -- {k:03d}_{name}.py."""\n\nimport peewee as pw\nfrom peewee_migrate import Migrator\n\n\n'
            f'def migrate(migrator: Migrator, database: pw.Database, *, fake=False):\n{up}\n\n'
            f'def rollback(migrator: Migrator, database: pw.Database, *, fake=False):\n{down}')
    return files


def pw_migrate(tmp: Path) -> None:
    for name, n, fault_at, fault, seed in [("small", 9, 7, "check", 59515), ("mid", 34, 26, "nameerror", 59516),
                                           ("long", 110, 97, "dup", 59517)]:
        root = tmp / f"pw-{name}"
        root.mkdir()
        write_tree(root, pw_migrations(random.Random(seed), n, fault_at, fault))
        db = "--database sqlite:///road.db --directory migrations"
        cap(f"pw-migrate-{name}", f"pw_migrate migrate {db} -v; echo EXIT=$?", root, n_pw_migrate, env=env_py())
        cap(f"pw-list-{name}", f"pw_migrate list {db}", root, n_pw_list, env=env_py())
        if name == "long":
            cap("pw-rollback-long", f"pw_migrate rollback {db} --count 15 -v; echo EXIT=$?", root, n_pw_migrate,
                env=env_py())
            cap("pw-list-long-after", f"pw_migrate list {db}", root, n_pw_list, env=env_py())


# ------------------------------------------------------------------ tortoise-orm

TORTOISE_SCRIPT = r'''
import asyncio, logging, random, sys
from tortoise import Tortoise, fields, models
from tortoise.transactions import in_transaction

logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
for quiet in ("aiosqlite", "asyncio"):
    logging.getLogger(quiet).setLevel(logging.WARNING)
N, FAULT = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(int(sys.argv[3]))


class Fair(models.Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=30)
    month = fields.IntField()


class Drove(models.Model):
    id = fields.IntField(primary_key=True)
    drover = fields.CharField(max_length=60)
    fair = fields.ForeignKeyField("models.Fair", related_name="droves")
    beasts = fields.CharField(max_length=20)
    head = fields.IntField()
    toll_paid = fields.IntField(null=True)


async def main():
    await Tortoise.init(db_url="sqlite://road.db", modules={"models": ["__main__"]})
    await Tortoise.generate_schemas()
    fairs = [await Fair.create(name=f, month=rnd.randint(1, 12)) for f in FAIRS]
    for i in range(N):
        await Drove.create(drover=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", fair=rnd.choice(fairs),
                           beasts=rnd.choice(BEASTS), head=rnd.randint(20, 400), toll_paid=rnd.randint(1, 90))
    if FAULT == "notnull":
        await Drove.create(drover="Dai Bowen", fair=fairs[0], beasts="geese", head=None)
    elif FAULT == "multiple":
        await Fair.create(name="Barnet Fair", month=9)
        await Fair.get(name="Barnet Fair")
    elif FAULT == "table":
        conn = Tortoise.get_connection("default")
        await conn.execute_query("SELECT t.gate, SUM(d.head) FROM tollgate t JOIN drove d ON d.toll_paid = t.id "
                                 "GROUP BY t.gate ORDER BY 2 DESC")
    elif FAULT == "maxlen":
        async with in_transaction():
            await Drove.create(drover="Ianto", fair=fairs[1], beasts="Highland stirks and Welsh runts", head=80)
    print(f"droveroad: {await Drove.all().count()} droves for {len(fairs)} fairs")


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
    (root / "droves.py").write_text(
        TORTOISE_SCRIPT.replace("N, FAULT =", consts("FIRST", "LAST", "BEASTS", "FAIRS") + "N, FAULT =", 1))
    for name, args in [("notnull", "14 notnull 59518"), ("multiple", "50 multiple 59519"),
                       ("table", "180 table 59520"), ("maxlen", "9 maxlen 59521"), ("long-notnull", "540 notnull 59522")]:
        run("rm -f road.db*", cwd=root)
        cap(f"tortoise-{name}", f"python droves.py {args}; echo EXIT=$?", root, n_tortoise, env=env_py(), timeout=90)


# ------------------------------------------------------------------ Flask-Migrate

FLASK_APP = '''
from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Drover(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), nullable=False)
    dogs = db.Column(db.Integer)
    licence = db.Column(db.String(20), unique=True)


class Pen(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    field = db.Column(db.String(60))
    drover_id = db.Column(db.Integer, db.ForeignKey("drover.id"))
    head = db.Column(db.Integer, index=True)


class Smithy(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    village = db.Column(db.String(40), nullable=False)
    shoes = db.Column(db.Integer)


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///road.db"
    db.init_app(app)
    Migrate(app, db)
    return app
'''


def rev_id(rnd: random.Random) -> str:
    return "".join(rnd.choice("0123456789abcdef") for _ in range(12))


def flask_revisions(rnd: random.Random, n: int, fault_at: int, fault: str) -> dict:
    files, prev = {}, None
    for k in range(1, n + 1):
        rid = rev_id(rnd)
        down_rev = prev
        if k == 1:
            msg = "drovers and pens"
            up = ('    op.create_table("drover", sa.Column("id", sa.Integer, primary_key=True), '
                  'sa.Column("name", sa.String(80), nullable=False), sa.Column("dogs", sa.Integer))\n'
                  '    op.create_table("pen", sa.Column("id", sa.Integer, primary_key=True), sa.Column("field", sa.String(60)), '
                  'sa.Column("drover_id", sa.Integer, sa.ForeignKey("drover.id")), sa.Column("head", sa.Integer))\n')
            down = '    op.drop_table("pen")\n    op.drop_table("drover")\n'
        elif k == fault_at and fault == "nulls":
            msg = "pen field required"
            up = ('    with op.batch_alter_table("pen") as batch:\n'
                  '        batch.alter_column("field", existing_type=sa.String(60), nullable=False)\n')
            down = '    pass\n'
        elif k == fault_at and fault == "dup":
            msg = "create drover table"
            up = ('    op.create_table("drover", sa.Column("id", sa.Integer, primary_key=True), '
                  'sa.Column("name", sa.String(80)))\n')
            down = '    pass\n'
        elif k == fault_at and fault == "orphan":
            msg = "smithies on the road"
            down_rev = rev_id(rnd)
            up = ('    op.create_table("smithy", sa.Column("id", sa.Integer, primary_key=True), '
                  'sa.Column("village", sa.String(40), nullable=False), sa.Column("shoes", sa.Integer))\n')
            down = '    op.drop_table("smithy")\n'
        elif k % 2 == 0:
            msg = f"seed pens at {TOLLS[k % 26]}"
            vals = ", ".join(f"({'NULL' if (k + j) % 5 == 0 else repr(TOLLS[(k + j) % 26] + ' field')}, 1, {rnd.randint(40, 400)})"
                             for j in range(3))
            up = f'    op.execute("""INSERT INTO pen (field, drover_id, head) VALUES {vals}""")\n'
            down = '    op.execute("DELETE FROM pen WHERE head < 0")\n'
        else:
            msg = f"tollgate {TOLLS[k % 26]} to {TOLLS[(k + 7) % 26]}"
            up = (f'    op.create_table("tollgate_{k:03d}", sa.Column("id", sa.Integer, primary_key=True), '
                  f'sa.Column("gate", sa.String(40)), sa.Column("beasts", sa.String(20)), sa.Column("pence", sa.Integer))\n')
            down = f'    op.drop_table("tollgate_{k:03d}")\n'
        slug = re.sub(r"\W+", "_", msg.lower())
        files[f"migrations/versions/{rid}_{slug}.py"] = (
            f'"""{msg}\n\nRevision ID: {rid}\nRevises: {down_rev or ""}\nCreate Date: 2026-10-{(k % 28) + 1:02d} 06:{k % 60:02d}:00\n\n"""\n'
            f'from alembic import op\nimport sqlalchemy as sa\n\nrevision = "{rid}"\ndown_revision = {down_rev!r}\n'
            f'branch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n{up}\n\ndef downgrade():\n{down}')
        prev = rid
    return files


def flask_db(tmp: Path) -> None:
    e = env_py()
    e["FLASK_APP"] = "app:create_app"
    for name, n, fault_at, fault, seed in [("small", 8, 7, "nulls", 59523), ("long", 130, 118, "dup", 59524),
                                           ("orphan", 26, 14, "orphan", 59525)]:
        root = tmp / f"flask-{name}"
        root.mkdir()
        (root / "app.py").write_text(FLASK_APP)
        run("flask db init", cwd=root, env=e)
        write_tree(root, flask_revisions(random.Random(seed), n, fault_at, fault))
        if name == "small":
            cap("flask-upgrade-small", "flask db upgrade; echo EXIT=$?", root, n_flask_upgrade, env=e)
            cap("flask-history-small", "flask db history --verbose; flask db current --verbose; echo EXIT=$?", root,
                n_flask_history, env=e)
            cap("flask-migrate-small", "flask db stamp head && flask db migrate -m 'licences and smithies'; echo EXIT=$?", root,
                n_flask_migrate, env=e)
        elif name == "long":
            cap("flask-upgrade-long", "flask db upgrade; echo EXIT=$?", root, n_flask_upgrade, env=e, timeout=300)
            cap("flask-history-long", "flask db history -i; echo EXIT=$?", root, n_flask_history, env=e)
            cap("flask-downgrade-long", "flask db downgrade -- -25; echo EXIT=$?", root, n_flask_upgrade, env=e,
                timeout=300)
            cap("flask-check-long", "flask db stamp heads && flask db check; echo EXIT=$?", root, n_flask_migrate, env=e)
        else:
            cap("flask-history-orphan", "flask db history; flask db heads --verbose; echo EXIT=$?", root,
                n_flask_history, env=e)
            cap("flask-upgrade-orphan", "flask db upgrade; echo EXIT=$?", root, n_flask_upgrade, env=e)


# ------------------------------------------------------------------ SQLModel

SQLMODEL_SCRIPT = r'''
import random, sys
from typing import Optional
from sqlalchemy import CheckConstraint
from sqlmodel import Field, Session, SQLModel, create_engine, select, text

N, FAULT, ECHO = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "echo"
rnd = random.Random(int(sys.argv[4]))


class Tollgate(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    gate: str = Field(index=True)
    pence_per_score: int


class Drove(SQLModel, table=True):
    __table_args__ = (CheckConstraint("head > 0 AND head <= 1000", name="head_in_range"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    drover: str
    beasts: str
    head: int
    tollgate_id: Optional[int] = Field(default=None, foreign_key="tollgate.id")


engine = create_engine("sqlite:///road.db", echo=ECHO)
SQLModel.metadata.create_all(engine)
with Session(engine) as s:
    gates = [Tollgate(gate=t, pence_per_score=rnd.randint(4, 30)) for t in TOLLS]
    s.add_all(gates)
    s.commit()
    for i in range(N):
        s.add(Drove(drover=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", beasts=rnd.choice(BEASTS),
                    head=rnd.randint(20, 600), tollgate_id=rnd.choice(gates).id))
        if i % 10 == 9:
            s.commit()
    s.commit()
    if FAULT == "check":
        s.add(Drove(drover="Dai Bowen", beasts="Welsh runts", head=1400, tollgate_id=gates[2].id))
        s.commit()
    elif FAULT == "one":
        s.add(Tollgate(gate="Kington", pence_per_score=9))
        s.commit()
        print(s.exec(select(Tollgate).where(Tollgate.gate == "Kington")).one())
    elif FAULT == "table":
        q = text("SELECT tg.gate, COUNT(d.id) AS droves, SUM(d.head) AS head, SUM(d.head * tg.pence_per_score) / 20 AS pence, "
                 "MAX(f.name) AS fair FROM tollgate AS tg JOIN drove AS d ON d.tollgate_id = tg.id "
                 "JOIN fair AS f ON f.id = d.fair_id WHERE d.head >= :head GROUP BY tg.gate ORDER BY pence DESC")
        print(s.exec(q, params={"head": 100}).all())
    elif FAULT == "notnull":
        s.exec(text("UPDATE drove SET beasts = NULL WHERE head > :h"), params={"h": 500})
        s.commit()
    print(f"droveroad: {len(s.exec(select(Drove)).all())} droves through {len(gates)} tollgates")
'''


def sqlmodel(tmp: Path) -> None:
    root = tmp / "sqlmodel"
    root.mkdir()
    (root / "droves.py").write_text(
        SQLMODEL_SCRIPT.replace("N, FAULT, ECHO =", consts("FIRST", "LAST", "TOLLS", "BEASTS") + "N, FAULT, ECHO =", 1))
    for name, args in [("check-echo", "25 check echo 59526"), ("one", "30 one quiet 59527"),
                       ("table-echo-long", "190 table echo 59528"), ("notnull-echo", "15 notnull echo 59529"),
                       ("check", "80 check quiet 59530")]:
        run("rm -f road.db", cwd=root)
        cap(f"sqlmodel-{name}", f"python droves.py {args}; echo EXIT=$?", root, n_sqlmodel, env=env_py(), timeout=200)


# ------------------------------------------------------------------ Pony ORM

PONY_SCRIPT = r'''
import random, sys
from pony.orm import *

N, FAULT = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(int(sys.argv[3]))
db = Database()


class Drover(db.Entity):
    name = Required(str)
    dogs = Required(int, min=0, max=6)
    droves = Set("Drove")


class Drove(db.Entity):
    beasts = Required(str)
    head = Required(int)
    drover = Required(Drover)
    fair = Required(str)


set_sql_debug(True)
db.bind(provider="sqlite", filename="road.db", create_db=True)
db.generate_mapping(create_tables=True)

with db_session:
    drovers = [Drover(name=f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]}", dogs=rnd.randint(1, 4)) for i in range(6)]
    for i in range(N):
        Drove(beasts=rnd.choice(BEASTS), head=rnd.randint(20, 400), drover=rnd.choice(drovers), fair=rnd.choice(FAIRS))
        if i % 25 == 24:
            commit()

with db_session:
    if FAULT == "missing":
        print(Drove[9999].head)
    elif FAULT == "range":
        Drover(name="Tam Heath", dogs=11)
        commit()
    elif FAULT == "fk":
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("INSERT INTO Drove (beasts, head, drover, fair) VALUES ('geese', 300, 77, 'Barnet Fair')")
        commit()
    print(f"droveroad: {count(d for d in Drove)} droves, {count(d for d in Drover)} drovers")
'''


def pony(tmp: Path) -> None:
    root = tmp / "pony"
    root.mkdir()
    (root / "droves.py").write_text(
        PONY_SCRIPT.replace("N, FAULT =", consts("FIRST", "LAST", "BEASTS", "FAIRS") + "N, FAULT =", 1))
    for name, args in [("missing", "30 missing 59531"), ("range", "12 range 59532"), ("fk", "50 fk 59533"),
                       ("missing-long", "420 missing 59534")]:
        run("rm -f road.db", cwd=root)
        cap(f"pony-{name}", f"python droves.py {args}; echo EXIT=$?", root, n_pony, env=env_py(), timeout=200)


# ------------------------------------------------------------------ aerich (tortoise-orm's migrations)

AERICH_MODELS_V1 = """
from tortoise import fields, models


class Fair(models.Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=30)
    month = fields.IntField()


class Drove(models.Model):
    id = fields.IntField(primary_key=True)
    drover = fields.CharField(max_length=60)
    fair = fields.ForeignKeyField("models.Fair", related_name="droves")
    head = fields.IntField()
"""

AERICH_MODELS_V2 = AERICH_MODELS_V1.replace(
    "    drover = fields.CharField(max_length=60)\n",
    "    drover = fields.CharField(max_length=60, unique=True)\n    dogs = fields.IntField(default=2)\n",
).replace("    month = fields.IntField()\n", "    month = fields.IntField()\n    county = fields.CharField(max_length=30, default='Brecknock')\n") + """

class Tollgate(models.Model):
    id = fields.IntField(primary_key=True)
    gate = fields.CharField(max_length=40, unique=True)
    pence_per_score = fields.IntField()
"""

AERICH_SETTINGS = 'TORTOISE_ORM = {"connections": {"default": "sqlite://road.db"}, ' \
    '"apps": {"models": {"models": ["models", "aerich.models"], "default_connection": "default"}}}\n'


def aerich(tmp: Path) -> None:
    root = tmp / "aerich"
    write_tree(root, {"models.py": AERICH_MODELS_V1, "settings.py": AERICH_SETTINGS})
    e = env_py()
    e["PYTHONPATH"] = str(root)
    rnd = random.Random(59535)
    rows = ";".join([f"INSERT INTO fair (name, month) VALUES ('{f}', {rnd.randint(1, 12)})" for f in FAIRS] +
                    [f"INSERT INTO drove (drover, fair_id, head) VALUES ('{FIRST[i % 12]} {LAST[i % 3]}', "
                     f"{rnd.randint(1, len(FAIRS))}, {rnd.randint(20, 400)})" for i in range(60)])
    cap("aerich-init-db", "aerich init -t settings.TORTOISE_ORM && aerich init-db && aerich history && aerich heads && "
        "aerich inspectdb -t drove; aerich upgrade; echo EXIT=$?", root, n_aerich_cmd, env=e)
    run(f'sqlite3 road.db "{rows}"', cwd=root)
    (root / "models.py").write_text(AERICH_MODELS_V2)
    cap("aerich-migrate-unique", "aerich migrate --name unique_drovers && aerich upgrade; echo EXIT=$?", root,
        n_aerich_cmd, env=e)
    cap("aerich-history-heads", "aerich history; aerich heads; aerich inspectdb; echo EXIT=$?", root,
        n_aerich_history, env=e)


STEPS = [playhouse, pw_migrate, tortoise, aerich, flask_db, sqlmodel, pony]


def ensure_tools() -> None:
    cm.install_venv(VENV, "pw_migrate", ["peewee", "peewee-migrate", "tortoise-orm", "aerich", "sqlmodel",
                                         "flask-migrate", "flask-sqlalchemy", "pony"])


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, lambda: STEPS, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide595", sys.modules["__main__"])
    main()
