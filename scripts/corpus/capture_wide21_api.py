"""Round 21, Python APIs and their database tooling: a FastAPI app under uvicorn (a 422 body printed by json.tool, a
500 in the debug log) and alembic (autogenerate against a drifted database, an upgrade that fails). Run through
capture_wide21.py."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from pathlib import Path

from capture_data import free_port, python_exceptions, stop, wait_port
from capture_more import kind, run, start, write_tree
from capture_wide10 import line_rule
from capture_wide10_py import n_uvicorn
from capture_wide21 import BIN, PY, add, cap

# ================================================================== FastAPI / uvicorn

@kind("fastapi-422-json", "json")
def n_fastapi_422(lines):
    """Rules 1+5 on a FastAPI 422 body printed by json.tool: every error's "msg" line and its "type" line (what failed, and how)."""
    return [ln for ln in lines if re.match(r'^\s+"(msg|type)": ', ln)]


FASTAPI_APP = '''import logging
from datetime import date
from typing import Literal

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, EmailStr, Field, conint

log = logging.getLogger("bookings")
app = FastAPI(title="bookings")


class Guest(BaseModel):
    name: str = Field(min_length=2)
    email: str = Field(pattern=r"^[^@]+@[^@]+$")
    age: conint(ge=0, le=120)


class Booking(BaseModel):
    room: Literal["single", "double", "suite"]
    arrive: date
    nights: conint(gt=0, le=30)
    guests: list[Guest] = Field(min_length=1, max_length=4)
    promo: str | None = Field(default=None, max_length=12)


ROOMS = {"single": 80, "double": 120, "suite": 300}


@app.post("/bookings")
def create(b: Booking):
    return {"total": ROOMS[b.room] * b.nights}


@app.post("/bookings/batch")
def batch(items: list[Booking]):
    return {"n": len(items)}


@app.get("/rooms/{room}/rate")
def rate(room: str, nights: int = 1):
    if room not in ROOMS:
        raise HTTPException(404, "no such room")
    return {"rate": ROOMS[room] / (nights - 1)}


@app.get("/occupancy")
def occupancy():
    log.info("computing occupancy")
    booked = {"single": 3, "double": 0}
    return {k: booked[k] / v for k, v in ROOMS.items()}
'''
BAD_BATCH = [
    {"room": "single", "arrive": "2025-03-01", "nights": 2, "guests": [{"name": "Ada", "email": "ada@example.org", "age": 36}]},
    {"room": "penthouse", "arrive": "2025-02-30", "nights": 0, "guests": []},
    {"room": "double", "arrive": "2025-04-01", "nights": 45, "guests": [{"name": "B", "email": "not-an-email", "age": -3},
                                                                     {"email": "x@y.z", "age": "old"}], "promo": "SPRINGSALE2025"},
    {"arrive": "tomorrow", "guests": [{"name": "Cy", "email": "cy@example.org", "age": 130}] * 5},
    {"room": "suite", "arrive": "2025-05-05", "nights": "three", "guests": [{"name": "Di", "email": "di@example.org", "age": 41}], "extra": 1},
]


def cap_fastapi(tmp: Path) -> None:
    root = tmp / "bookings"
    write_tree(root, {"main.py": FASTAPI_APP, "batch.json": json.dumps(BAD_BATCH, indent=1)})
    port = free_port()
    log = root / "uvicorn.log"
    with open(log, "wb") as fh:
        p = start([str(BIN / "uvicorn"), "main:app", "--port", str(port), "--log-level", "debug"], cwd=root, log=fh)
        if wait_port(port, 20):
            base = f"http://127.0.0.1:{port}"
            body = run(f"curl -s -X POST {base}/bookings/batch -H 'Content-Type: application/json' -d @batch.json "
                       f"| {PY} -m json.tool", cwd=root)
            add("fastapi-422-json", "curl -s -X POST localhost:8000/bookings/batch -H 'Content-Type: application/json' "
                "-d @batch.json | python -m json.tool", body, n_fastapi_422)
            for path in ["/rooms/single/rate?nights=3", "/rooms/attic/rate", "/rooms/double/rate?nights=1",
                         "/occupancy", "/docs", "/openapi.json", "/rooms/suite/rate?nights=two"] + \
                        [f"/rooms/{r}/rate?nights={n}" for r in ("single", "double") for n in (2, 4, 7)]:
                run(f"curl -s -o /dev/null {base}{path}")
            time.sleep(0.5)
        stop(p)
    add("uvicorn-debug-log", f"uvicorn main:app --port {port} --log-level debug  (18 requests; console)",
        log.read_text(), n_uvicorn)


# ================================================================== alembic

n_alembic_autogen = line_rule(
    "alembic-autogenerate", "build",
    "Rule 5 on alembic revision --autogenerate: every 'Detected …' line (each schema change found) and the 'Generating … done' line.",
    hit=r"Detected |Generating .* done")


@kind("alembic-upgrade-error", "build")
def n_alembic_upgrade_error(lines):
    """Rules 1+3 on a failing alembic upgrade: the last 'Running upgrade' line (the one that failed), each traceback's exception line with its location, the '[SQL: …]' line."""
    runs = [ln for ln in lines if "Running upgrade" in ln]
    return runs[-1:] + python_exceptions(lines) + [ln for ln in lines if ln.startswith("[SQL: ")][:1]


ALEMBIC_MODELS = '''from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, Numeric, String, UniqueConstraint, Index
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Customer(Base):
    __tablename__ = "customers"
    id = Column(Integer, primary_key=True)
    email = Column(String(200), nullable=False, unique=True)
    name = Column(String(120))
    vip = Column(Boolean, nullable=False, server_default="0")


class Order(Base):
    __tablename__ = "orders"
    id = Column(Integer, primary_key=True)
    customer_id = Column(ForeignKey("customers.id"), nullable=False, index=True)
    placed = Column(DateTime, nullable=False)
    total = Column(Numeric(10, 2))
    status = Column(String(16), nullable=False)
    __table_args__ = (Index("ix_orders_status_placed", "status", "placed"),)


class Shipment(Base):
    __tablename__ = "shipments"
    id = Column(Integer, primary_key=True)
    order_id = Column(ForeignKey("orders.id"), nullable=False)
    carrier = Column(String(40))
    tracking = Column(String(64))
    __table_args__ = (UniqueConstraint("carrier", "tracking"),)
'''
ALEMBIC_SEED = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, email VARCHAR(200), name VARCHAR(80), legacy_code VARCHAR(8));
INSERT INTO customers (email, name) VALUES ('ada@example.org', 'Ada'), ('ADA@example.org', 'Ada L'), (NULL, 'Ghost'), ('bob@example.org', 'Bob');
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, placed DATETIME, total FLOAT);
CREATE TABLE old_promos (code TEXT);
"""
ALEMBIC_FIX = '''"""make emails unique

Revision ID: b2c3d4e5f601
Revises: {prev}
"""
from alembic import op
import sqlalchemy as sa

revision = "b2c3d4e5f601"
down_revision = "{prev}"


def upgrade():
    op.execute("UPDATE customers SET email = lower(email)")
    with op.batch_alter_table("customers") as b:
        b.alter_column("email", existing_type=sa.String(200), nullable=False)
        b.create_unique_constraint("uq_customers_email", ["email"])


def downgrade():
    pass
'''


def cap_alembic(tmp: Path) -> None:
    root = tmp / "shopdb"
    root.mkdir()
    run(f"{BIN}/alembic init migrations", cwd=root)
    (root / "models.py").write_text(ALEMBIC_MODELS)
    ini = root / "alembic.ini"
    ini.write_text(re.sub(r"^sqlalchemy\.url = .*$", "sqlalchemy.url = sqlite:///shop.db", ini.read_text(), flags=re.M))
    env = root / "migrations" / "env.py"
    env.write_text(env.read_text().replace("target_metadata = None", "import sys, os\nsys.path.insert(0, os.getcwd())\n"
                                           "from models import Base\ntarget_metadata = Base.metadata"))
    con = sqlite3.connect(root / "shop.db")
    con.executescript(ALEMBIC_SEED)
    con.close()
    cap("alembic-autogenerate", f"{BIN}/alembic revision --autogenerate -m 'sync models'", root, n_alembic_autogen,
        typed="alembic revision --autogenerate -m 'sync models'")
    prev = next((root / "migrations" / "versions").glob("*_sync_models.py")).name.split("_")[0]
    # the autogenerated step is replaced by the hand-written fix a developer would try first
    for f in (root / "migrations" / "versions").glob("*.py"):
        f.unlink()
    (root / "migrations" / "versions" / "b2c3d4e5f601_emails.py").write_text(ALEMBIC_FIX.replace("{prev}", prev))
    (root / "migrations" / "versions" / f"{prev}_base.py").write_text(
        f'"""base"""\nrevision = "{prev}"\ndown_revision = None\n\n\ndef upgrade():\n    pass\n\n\ndef downgrade():\n    pass\n')
    cap("alembic-upgrade-error", f"{BIN}/alembic upgrade head", root, n_alembic_upgrade_error, typed="alembic upgrade head")


STEPS = [cap_fastapi, cap_alembic]
