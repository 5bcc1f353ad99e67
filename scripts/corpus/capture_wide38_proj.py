"""Round 38's project, `spokes` (a bicycle-share depot's maintenance service), written here with problems put in and
widened by seeded generators: Python modules (layered imports broken, debug statements, exception smells, unused
imports, %-formatting, missing docstrings, a tab-indented and a broken module, undeclared imports, hard-coded
secrets), YAML / TOML / XML / HTML configs and pages with their schemas, Markdown docs, package.json files, a CMake
build, SQLAlchemy models with an alembic tree, and a git history whose messages break conventions."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree

DEPOTS = ["harbour", "station", "campus", "old-mill", "riverside", "market", "airfield", "quarry", "library",
          "museum", "stadium", "hospital"]
THIRD = ["attr", "boto3", "redis", "pandas", "numpy", "arrow", "marshmallow", "celery", "jinja2", "requests"]
PARTS = ["chain", "brake_pad", "tube", "tyre", "cable", "saddle", "pedal", "light", "bell", "spoke", "crank"]


def module(k: int, rnd: random.Random) -> str:
    """One generated service module: each carries some of the problems the round's tools report."""
    p = PARTS[k % len(PARTS)]
    d = DEPOTS[k % len(DEPOTS)]
    imports = ["import os", "import sys", "import json", "import logging", "from collections import OrderedDict",
               "from typing import Dict, List, Optional"]
    rnd.shuffle(imports)
    body = [f'"""Maintenance of {p} stock at the {d} depot."""' if k % 3 else "",
            *imports[: 3 + k % 3],
            "from spokes import db" if k % 4 == 0 else "from spokes.models import Bike",
            "",
            "log = logging.getLogger(__name__)" if "import logging" in imports[: 3 + k % 3] else "",
            f'DEPOT_PASSWORD = "s3cret-{k:03d}"' if k % 5 == 0 else "",
            "",
            f"def restock_{p}_{k}(bikes, qty):",
            f'    """Order {p} parts for the bikes that need them."""' if k % 2 else "",
            "    try:",
            "        need = [b for b in bikes if b.wear > 0.8]",
            "        if not need:",
            f'            raise ValueError("no bike at %s needs a {p}" % "{d}")',
            "    except Exception as e:",
            f'        raise RuntimeError("restock failed for {d}: %s" % e)',
            f'    return {{"depot": "{d}", "part": "{p}", "qty": qty * len(need)}}',
            "",
            "",
            f"def audit_{k}(rows):",
            "    total = 0",
            "    for r in rows:",
            "        try:",
            "            total += int(r['km'])",
            "        except:",
            "            pass",
            '    print("audit: %d km over %d rows" % (total, len(rows)))' ,
            "    breakpoint()" if k % 7 == 3 else "    return total",
            "",
            "",
            f"class Workshop{k}:",
            f"    def queue_{k}(self, bike):",
            "        if bike is None:",
            '            raise Exception("no bike")',
            "        return self.helper(bike)",
            "",
            "    def helper(self, bike):",
            '        return "{} waits at {}".format(bike, "' + d + '")',
            ""]
    if k % 6 == 1:
        body.insert(0, "import pdb")
    if k % 3 == 2:
        body.insert(2, f"import {THIRD[k % len(THIRD)]}")
    return "\n".join(x for x in body if x is not None) + "\n"


MODELS = '''"""Bikes, docks and repairs."""
from sqlalchemy import Column, Integer, String, Float, ForeignKey, DateTime
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Dock(Base):
    __tablename__ = "docks"
    id = Column(Integer, primary_key=True)
    depot = Column(String(40), nullable=False)
    capacity = Column(Integer, nullable=False)
    postcode = Column(String(10))


class Bike(Base):
    __tablename__ = "bikes"
    id = Column(Integer, primary_key=True)
    dock_id = Column(Integer, ForeignKey("docks.id"))
    frame = Column(String(20), nullable=False)
    wear = Column(Float, default=0.0)
    last_service = Column(DateTime)


class Repair(Base):
    __tablename__ = "repairs"
    id = Column(Integer, primary_key=True)
    bike_id = Column(Integer, ForeignKey("bikes.id"), nullable=False)
    part = Column(String(30), nullable=False)
    minutes = Column(Integer)
    mechanic = Column(String(40))
'''

DB = '''"""Database access; the api layer must not be imported from here."""
import sqlite3

from spokes import api


def connect(path="spokes.db"):
    return sqlite3.connect(path)


def fetch_bikes(conn):
    return conn.execute("SELECT * FROM bikes").fetchall()
'''

API = '''"""HTTP api for the depots."""
import requests
import yaml
from flask import Flask

from spokes import db, service_0

app = Flask(__name__)


@app.get("/depots")
def depots():
    cfg = yaml.safe_load(open("depots.yaml"))
    return {"depots": list(cfg)}


def notify(url, payload):
    return requests.post(url, json=payload, timeout=3)
'''

REPORT = '''"""Weekly repair report."""
import dateutil.parser
import tabulate
from spokes import db


def weekly(rows):
	total = 0
	for r in rows:
	    total += r[3]
	return tabulate.tabulate(rows), total
'''

BROKEN = '''"""Fleet statistics (half-edited)."""


def fleet_size(docks):
    return sum(d.capacity for d in docks


def average_wear(bikes):
    return sum(b.wear for b in bikes) / len(bikes)
'''

PYPROJECT = '''[project]
version = "0.4.0"
name = "spokes"
dependencies = ["sqlalchemy>=2", "flask", "click", "pendulum"]
requires-python = ">=3.9"
description = "Bike-share depot maintenance"
classifiers = ["Programming Language :: Python :: 3", "License :: OSI Approved :: MIT License", "Framework :: Flask"]

[build-system]
build-backend = "setuptools.build_meta"
requires = ["setuptools>=61"]

[tool.importlinter]
root_package = "spokes"

[[tool.importlinter.contracts]]
name = "Layers: api above service above db"
type = "layers"
layers = ["spokes.api", "spokes.service_0 | spokes.service_1 | spokes.service_2", "spokes.db"]

[[tool.importlinter.contracts]]
name = "Models stay independent of the api"
type = "forbidden"
source_modules = ["spokes.models"]
forbidden_modules = ["spokes.api"]

[[tool.importlinter.contracts]]
name = "Reports do not reach the database"
type = "forbidden"
source_modules = ["spokes.report"]
forbidden_modules = ["spokes.db"]

[[tool.importlinter.contracts]]
name = "Services are independent"
type = "independence"
modules = ["spokes.service_1", "spokes.service_2", "spokes.service_3"]
'''


def depots_yaml(rnd: random.Random, n: int, bad: bool = True) -> str:
    out = ["depots:"]
    for k in range(n):
        d = DEPOTS[k % len(DEPOTS)] + (f"-{k // len(DEPOTS)}" if k >= len(DEPOTS) else "")
        cap = rnd.randint(8, 60)
        out += [f"  - name: {d}", f"    capacity: {cap if not (bad and k % 9 == 4) else 'forty'}",
                f"    postcode: {'BS' + str(rnd.randint(1, 16))} {rnd.randint(1, 9)}{rnd.choice('ABDEFG')}{rnd.choice('HJLNPQ')}",
                f"    open: {'true' if k % 5 else ('maybe' if bad and k % 10 == 5 else 'false')}",
                "    mechanics:"]
        for m in range(1 + k % 3):
            out.append(f"      - {rnd.choice(['Ana', 'Bo', 'Cy', 'Dee', 'Eli', 'Fen'])}")
        if bad and k % 11 == 7:
            out.append("    manager: 12")
        if bad and k % 13 == 2:
            out.append("    docks: -3")
    return "\n".join(out) + "\n"


YAMALE_SCHEMA = """depots: list(include('depot'), min=1)
---
depot:
  name: str()
  capacity: int(min=1, max=80)
  postcode: regex('^[A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2}$')
  open: bool()
  mechanics: list(str(), min=1)
  docks: int(min=0, required=False)
"""

KWALIFY_SCHEMA = """type: map
mapping:
  depots:
    type: seq
    required: true
    sequence:
      - type: map
        mapping:
          name: {type: str, required: true}
          capacity: {type: int, range: {min: 1, max: 80}}
          postcode: {type: str, pattern: '^[A-Z]{1,2}[0-9]{1,2} [0-9][A-Z]{2}$'}
          open: {type: bool}
          mechanics: {type: seq, sequence: [{type: str}]}
          docks: {type: int, range: {min: 0}}
"""


def tariffs_toml(rnd: random.Random, n: int) -> str:
    out = ['title = "spokes tariffs"', "[zones]"]
    for k in range(n):
        out.append(f'zone_{(k * 7) % n:02d} = {{ base = {rnd.randint(50, 400)}, per_min = {rnd.randint(1, 9)}, '
                   f'cap = {rnd.randint(800, 2000)} }}')
    out += ["", "[discounts]", "student=0.5", "  senior = 0.6", 'staff =   "free"', "", "[alerts]",
            'email = "ops@spokes.example"', 'sms = ["+440000", "+440001"]', "[zones.zone_99]", "base = 1"]
    return "\n".join(out) + "\n"


def fleet_xml(rnd: random.Random, n: int) -> str:
    out = ['<?xml version="1.0"?>', "<fleet>"]
    for k in range(n):
        frame = rnd.choice(["step-through", "diamond", "cargo"]) if k % 17 != 9 else "tandem"
        wear = f"{rnd.random():.2f}" if k % 23 != 11 else "worn"
        out.append(f'  <bike id="B{k:04d}" frame="{frame}"><dock>{DEPOTS[k % len(DEPOTS)]}</dock>'
                   f"<wear>{wear}</wear>" + ("<colour>red</colour>" if k % 29 == 5 else "") + "</bike>")
    out.append("</fleet>")
    return "\n".join(out) + "\n"


FLEET_XSD = """<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:simpleType name="frameT"><xs:restriction base="xs:string">
    <xs:enumeration value="step-through"/><xs:enumeration value="diamond"/><xs:enumeration value="cargo"/>
  </xs:restriction></xs:simpleType>
  <xs:element name="fleet"><xs:complexType><xs:sequence>
    <xs:element name="bike" maxOccurs="unbounded"><xs:complexType><xs:sequence>
      <xs:element name="dock" type="xs:string"/>
      <xs:element name="wear" type="xs:decimal"/>
    </xs:sequence>
    <xs:attribute name="id" type="xs:ID" use="required"/>
    <xs:attribute name="frame" type="frameT" use="required"/>
    </xs:complexType></xs:element>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>
"""


def page_html(rnd: random.Random, k: int) -> str:
    d = DEPOTS[k % len(DEPOTS)]
    rows = "".join(f"<tr><td>B{rnd.randint(1, 999):03d}<td>{rnd.choice(PARTS)}</td>\n" for _ in range(6 + k))
    bad = ["<center>", "<font color=red>", "<img src='dock.png'>", "<p>Open <b>daily</i></p>",
           "<table><tr><td>x</td></tr>", "<a href='#'>map<a>", '<div id="dup"></div><div id="dup"></div>']
    return (f"<html><head><title>{d} depot</title></head>\n<body>\n<h1>{d}</h1>\n"
            + "\n".join(bad[: 2 + k % len(bad)]) + f"\n<table>\n{rows}</table>\n<p>Call us<br/>\n</body></html>\n")


DOC_PARAS = [
    "The mechanics should simply replace the chain when it is obviously worn, which is basically always.",
    "Every chairman of a depot is responsible for his own stock; the guys at the workshop only fix bikes.",
    "It is very important that the bike is cleaned before it is inspected by the mechanic on duty.",
    "Brake pads are replaced by the crew when they are found to be worn down past the line.",
    "Riders who are crippled by a flat tyre can call the depot; a whitelist of numbers is kept.",
    "There are many reasons that the tyre may be flat, and it is extremely easy to fix most of them.",
    "The master dock pushes its counts to the slave docks every hour, so the totals are really quite fresh.",
    "A crazy amount of cables was ordered last spring; so the store is, in fact, full.",
]


def doc_md(rnd: random.Random, k: int, n: int) -> str:
    out = [f"Depot handbook part {k}", "=" * 22, ""]
    for s in range(n):
        out += [f"## Section {s}: {rnd.choice(PARTS)}", "", rnd.choice(DOC_PARAS) + " " + rnd.choice(DOC_PARAS), "",
                "* item one", "+ item two", "", f"1) step {s}", "", "Text with trailing spaces   ", ""]
    return "\n".join(out)


def package_json(k: int) -> str:
    pkg = {"version": "1.0", "name": f"Spokes_Widget_{k}", "scripts": {"test": "node test.js"},
           "dependencies": {"left-pad": "^1.3.0", "express": "latest"}, "description": "",
           "main": "index.js", "author": "depot team"}
    if k % 2:
        pkg["devDependencies"] = {"mocha": "*"}
        pkg["license"] = "MITT"
    return json.dumps(pkg, indent=2) + "\n"


def cmake_lists(rnd: random.Random, n: int) -> str:
    out = ["cmake_minimum_required(VERSION 3.10)", "PROJECT( spokes_fw C )", ""]
    for k in range(n):
        name = f"{rnd.choice(PARTS)}_{k}"
        out += [f"add_library({name} STATIC src/{name}.c)",
                f"TARGET_INCLUDE_DIRECTORIES( {name} PUBLIC include )" if k % 2 else
                f"target_include_directories({name}  PUBLIC include)",
                f"if(ENABLE_{name.upper()})\n\tadd_definitions(-DUSE_{name.upper()}=1)\nendif()" if k % 3 == 0 else
                f"set_target_properties({name} PROPERTIES C_STANDARD 99 POSITION_INDEPENDENT_CODE ON VERSION 1.{k} SOVERSION 1)",
                ""]
    out.append("add_executable(spokesfw src/main.c)  ")
    return "\n".join(out) + "\n"


LEGACY = '''"""Old rota code, tabs and spaces mixed."""


def rota(days):
    for d in days:
        if d.weekend:
	    yield d.name, "weekend"
        else:
            yield d.name, "weekday"
'''

FLEET_WIP = '''"""Fleet moves (half-edited)."""


def move(bike, dock)
    bike.dock = dock
    return bike
'''

ROTA_WIP = '''"""Mechanic rota (half-edited)."""


def shifts(names):
    out = []
    for n in names:
        out.append(n)
      return out
'''


BROKEN_XML = """<?xml version="1.0"?>
<fleet>
  <bike id="B1" frame="cargo"><dock>harbour</dock><wear>0.2</wear></bike>
  <bike id="B2" frame="diamond"><dock>station</bike>
  <bike id="B3" frame="diamond" frame="cargo"><dock>campus</dock><wear>0.4</wear></bike>
  <bike id="B4" frame='cargo><dock>market</dock></bike>
  <bike id="B5">&nbsp;<dock>museum</dock></bike>
</fleet>
<fleet/>
"""

BROKEN_TOML = """title = "tariffs"
[zones]
zone_01 = { base = 120, per_min = 3 }
zone_01 = { base = 150, per_min = 4 }
[discounts]
student = 0.5
senior = .6
staff = free
[alerts
email = "ops@spokes.example"
"""


def project(root: Path, n_mod: int = 90, seed: int = 3800, wip: bool = False) -> Path:
    """The service's tree; `wip` adds the half-edited modules that do not parse."""
    rnd = random.Random(seed)
    files = {f"src/spokes/service_{k}.py": module(k, rnd) for k in range(n_mod)}
    files.update({"src/spokes/__init__.py": "", "src/spokes/models.py": MODELS, "src/spokes/db.py": DB,
                  "src/spokes/api.py": API, "src/spokes/report.py": REPORT, "pyproject.toml": PYPROJECT,
                  "requirements.txt": "sqlalchemy>=2\nflask\nclick\npendulum\ngunicorn\nstructlog\nsentry-sdk\nnumpy\n",
                  "tools/legacy_rota.py": LEGACY, "tools/legacy_fleet.py": LEGACY.replace("rota", "fleet")})
    if wip:
        files.update({"src/spokes/stats.py": BROKEN, "src/spokes/fleet.py": FLEET_WIP, "src/spokes/rota.py": ROTA_WIP})
    # service_1 and service_2 lean on each other, and on the api (the layers contract breaks)
    files["src/spokes/service_1.py"] += "\nfrom spokes import service_2\nfrom spokes import api\n"
    files["src/spokes/service_2.py"] += "\nfrom spokes import service_3\n"
    files["src/spokes/models.py"] += "\nfrom spokes.api import app\n"
    write_tree(root, files)
    return root


def configs(root: Path, seed: int = 3801) -> Path:
    rnd = random.Random(seed)
    files = {"config/depots.yaml": depots_yaml(rnd, 200), "config/depots.schema.yaml": YAMALE_SCHEMA,
             "config/depots.kwalify.yaml": KWALIFY_SCHEMA, "config/tariffs.toml": tariffs_toml(rnd, 40),
             "config/fleet.xml": fleet_xml(rnd, 700), "config/fleet.xsd": FLEET_XSD,
             "config/broken.yaml": "depots:\n  - name: x\n    capacity: 3\n   open: true\n  - name: [y\n",
             "config/broken.xml": BROKEN_XML, "config/broken.toml": BROKEN_TOML,
             "CMakeLists.txt": cmake_lists(rnd, 120)}
    for k in range(8):
        files[f"docs/handbook_{k}.md"] = doc_md(rnd, k, 6 + k * 2)
    for k in range(24):
        files[f"site/{DEPOTS[k % 12]}-{k}.html"] = page_html(rnd, k)
        files[f"docs/notes/note_{k:02d}.md"] = doc_md(rnd, 100 + k, 2)
    for k in range(60):
        files[f"packages/widget_{k}/package.json"] = package_json(k)
    for k in range(50):
        rota = "\n".join(f"- day: {d}\n  mechanic: {rnd.choice(['Ana', 'Bo', 'Cy'])}\n  depot: {DEPOTS[k % 12]}"
                         for d in ("mon", "tue", "wed", "thu", "fri"))
        if k % 4 == 1:
            rota = rota.replace("  depot:", "   depot:", 1)
        elif k % 4 == 3:
            rota += "\n- day: [sat\n"
        elif k % 8 == 2:
            rota += "\n---\n- day: sun\n"
        elif k % 8 == 6:
            rota = rota.replace("mechanic: ", "mechanic: *", 1)
        files[f"config/rotas/rota_{k:02d}.yaml"] = rota + "\n"
    for k in range(120):
        d = DEPOTS[k % len(DEPOTS)] + f"-{k}"
        files[f"config/depots/{d}.toml"] = (f'name = "{d}"\ncapacity = {rnd.randint(8, 60)}\n'
                                            f'[hours]\nopen="07:00"\nclose = "{rnd.randint(18, 23)}:00"\n'
                                            f'[contact]\nphone = "0117 {rnd.randint(100, 999)} {rnd.randint(1000, 9999)}"\n'
                                            + ("[closures]\nsunday = false\n" if k % 9 == 4 else ""))
    for k in range(70):
        body = json.dumps({"dock": k, "bikes": [rnd.randint(1, 500) for _ in range(5)], "ok": True}, indent=1)
        if k % 5 == 2:
            body = body.replace('"ok": true', '"ok": true,')
        elif k % 7 == 3:
            body = body.replace('"dock"', "'dock'")
        elif k % 11 == 6:
            body = body[:-3]
        files[f"config/docks/dock_{k:02d}.json"] = body + "\n"
    write_tree(root, files)
    return root


MESSAGES = [
    "Fix chain tension calc", "WIP", "feat: add the harbour depot to the rota of weekend mechanics and on-call staff",
    "fix(api): return 404 for unknown depots", "update stuff.", "Merge branch 'tyres'", "chore: bump sqlalchemy",
    "feat(tariffs) add student discount", "docs: ", "refactor: split service module\nno blank line here",
    "fixed the brake pad reorder threshold which was wrong", "test: cover audit rows", "Hotfix!!!",
    "feat: stock alert e-mails\n\nSends an e-mail to the depot manager when a part runs out, at most once per day "
    "and never during the night shift because the managers complained about that a lot last winter.",
]


def history(root: Path, n: int = 130, seed: int = 3802) -> Path:
    rnd = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    run("git init -q -b main && git config user.name 'Dee Mechanic' && git config user.email dee@spokes.example",
        cwd=root)
    for k in range(n):
        (root / f"notes_{k % 9}.txt").write_text(f"entry {k} {rnd.random()}\n" * (k % 4 + 1))
        msg = MESSAGES[k % len(MESSAGES)] if k % 3 else rnd.choice(MESSAGES)
        (root / ".msg").write_text(msg + "\n")
        run(f"git add notes_{k % 9}.txt && git commit -q -F .msg --date '2026-0{1 + k % 9}-1{k % 10}T10:00:00'",
            cwd=root, env={"GIT_COMMITTER_DATE": f"2026-0{1 + k % 9}-1{k % 10}T10:00:00"})
    (root / ".msg").unlink()
    return root
