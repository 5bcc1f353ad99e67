"""Round 10, data and terminal formatting: pandas prints (a frame, describe(), info()), polars and duckdb box tables,
duckdb EXPLAIN ANALYZE, rich tables and tracebacks, tqdm's final bars, SQLAlchemy's echo log, alembic upgrade and
history, loguru and pydantic errors, TAB-separated outputs (git log --format with %x09, sqlite3 -separator TAB),
and very long lines (a minified JSON API answer, a 10 KB one-line error). Run through capture_wide10.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import capture_wide6 as w6
from capture_data import rule4
from capture_more import add_or_skip as add, kind, mask, run, write_tree
from capture_wide10 import COLOR, PY, VENV, grouped_rule, line_rule

# one seeded order table shared by the data prints: 40 rows, one dominant status, a few rare ones, a NaN or two
ORDERS = '''import random
random.seed(10)
STATUS = ["shipped"] * 34 + ["refunded", "lost", "refunded", "held", "shipped", "shipped"]
ROWS = [{"order_id": 1000 + i, "region": random.choice(["eu-west", "us-east", "ap-south"]),
         "status": STATUS[i], "qty": random.randint(1, 9) if i != 17 else 250,
         "amount": round(random.uniform(5, 400), 2) if i not in (8, 29) else None,
         "sku": f"SKU-{random.randint(100, 999)}", "channel": "phone" if i in (5, 31) else random.choice(["web"] * 5 + ["app"]),
         "weight_kg": round(random.uniform(0.1, 12), 3), "created": f"2025-11-{1 + i % 28:02d}T{i % 24:02d}:{(i * 7) % 60:02d}:00"}
        for i in range(40)]
'''
COLS = ["order_id", "region", "status", "qty", "amount", "sku", "channel", "weight_kg", "created"]
CATS = ("status", "region", "channel")
NUMS = ("qty", "amount", "weight_kg")

# ================================================================== pandas / polars / duckdb


def ws_table(lines: list[str], cols: list[str], cat: tuple, nums: tuple, header_re: str, row_re: str) -> list:
    """Rule 4 on a whitespace table printed by a dataframe library: header = the line matching header_re."""
    header = [ln for ln in lines if re.search(header_re, ln)][:1]
    rows = []
    for ln in lines:
        if re.match(row_re, ln):
            cells = ln.split()
            if len(cells) >= len(cols):
                rows.append((ln, dict(zip(cols, cells[-len(cols):]))))
    return rule4(rows, cat=cat, nums=nums, header=header)


@kind("pandas-frame", "table")
def n_pandas_frame(lines):
    """Rule 4 on a printed pandas DataFrame: the column header line; rows whose status, region or channel is rare while one value dominates; the rows of min and max qty, amount and weight_kg (NaN ignored)."""
    return ws_table(lines, COLS, CATS, NUMS, r"order_id\s+region", r"^\d+\s+\d{4}\s")


@kind("pandas-describe", "table")
def n_pandas_describe(lines):
    """Rule 5 on DataFrame.describe(): the column header line and the count, min and max rows (what a question about ranges and missing values asks)."""
    return [ln for ln in lines if re.match(r"^\s+\w.*\s{2,}\w", ln) and not re.match(r"^\s+\d", ln)][:1] + \
        [ln for ln in lines if re.match(r"^(count|min|max|unique|top)\s", ln)]


@kind("pandas-info", "table")
def n_pandas_info(lines):
    """Rule 5 on DataFrame.info(): the RangeIndex/entries line, the column-table header, every column whose Non-Null Count is below the entry count, the dtypes and memory lines."""
    n = next((int(m.group(1)) for ln in lines for m in [re.search(r"(\d+) entries", ln)] if m), None)
    out = [ln for ln in lines if "entries" in ln or re.match(r"^ #\s+Column", ln) or ln.startswith(("dtypes:", "memory usage:"))]
    for ln in lines:
        m = re.match(r"^\s*\d+\s+\S+\s+(\d+) non-null", ln)
        if m and n is not None and int(m.group(1)) < n:
            out.append(ln)
    return out


@kind("polars-frame", "table")
def n_polars(lines):
    """Rule 4 on a printed polars DataFrame (box drawing): the 'shape: (r, c)' line, the column-name header row; rows whose status, region or channel is rare while one dominates; the rows of min and max qty, amount and weight_kg."""
    out = [ln for ln in lines if ln.startswith("shape:")]
    boxed = [ln for ln in lines if ln.startswith("│")]
    head = boxed[:1]
    rows = []
    for ln in boxed[1:]:
        cells = [c.strip() for c in ln.strip("│").split("┆")]
        if len(cells) == len(COLS) and cells[0].isdigit():
            rows.append((ln, dict(zip(COLS, cells))))
    return out + rule4(rows, cat=CATS, nums=NUMS, header=head)


@kind("duckdb-box", "table")
def n_duckdb_box(lines):
    """Rule 4 on a duckdb result printed as a box (show()): the column-name row; rows whose status or channel is rare while one dominates; the rows of min and max n and total."""
    boxed = [ln for ln in lines if ln.startswith("│")]
    rows = []
    for ln in boxed:
        cells = [c.strip() for c in ln.strip("│").split("│")]
        if len(cells) == 8 and re.match(r"^\d+$", cells[3]):
            rows.append((ln, dict(zip(["region", "status", "channel", "n", "total", "avg_kg", "first", "last"], cells))))
    return rule4(rows, cat=("status", "channel"), nums=("n", "total"), header=boxed[:1])


n_explain = line_rule(
    "duckdb-explain-analyze", "table",
    "Rule 5 on duckdb EXPLAIN ANALYZE (an operator tree in boxes): the 'Total Time' line, every operator box's title line ('╭─ Hash Group By ──╮') and every operator's 'N rows  time' line.",
    hit=r"Total Time|^\s*╭─ [A-Z]|│\s*[\d,]+ rows\s")

DATA_SCRIPT = ORDERS + '''
import sys
import pandas as pd
pd.set_option("display.max_rows", 100)
pd.set_option("display.width", 120)
df = pd.DataFrame(ROWS)
what = sys.argv[1]
if what == "frame":
    print(df)
elif what == "describe":
    print(df.describe(include="all"))
elif what == "info":
    df.loc[[3, 11], "region"] = None
    df = df.join(pd.get_dummies(df[["region", "status", "channel"]], dtype="int8"))
    df.loc[[5, 6, 7], "status_lost"] = None
    df.info()
elif what == "polars":
    import polars as pl
    pl.Config.set_tbl_rows(100)
    print(pl.DataFrame(ROWS))
elif what in ("duck", "explain"):
    import duckdb
    con = duckdb.connect()
    con.register("orders", df)
    q = ("SELECT region, status, channel, count(*) AS n, round(sum(amount), 2) AS total, round(avg(weight_kg), 3) AS avg_kg, "
         "min(created) AS first, max(created) AS last FROM orders GROUP BY ALL ORDER BY region, status, channel")
    if what == "duck":
        con.sql(q).show()
    else:
        con.sql("CREATE TABLE skus AS SELECT DISTINCT sku, length(sku) AS w FROM orders")
        q = ("WITH t AS (SELECT o.region, o.channel, o.amount, s.w, row_number() OVER (PARTITION BY o.region ORDER BY o.amount DESC) AS rk "
             "FROM orders o JOIN skus s USING (sku) WHERE o.status <> 'lost') "
             "SELECT region, channel, count(*) AS n, max(amount) AS top, avg(w) FROM t WHERE rk <= 10 GROUP BY ALL ORDER BY n DESC")
        print(con.sql("EXPLAIN ANALYZE " + q).fetchall()[0][1])
'''


def cap_frames(tmp: Path) -> None:
    d = tmp / "frames"
    write_tree(d, {"orders.py": DATA_SCRIPT})
    add("pandas-print-frame", "python orders.py frame  (print(df))", run(f"{PY} orders.py frame", cwd=d), n_pandas_frame)
    add("pandas-describe-all", "python orders.py describe  (df.describe(include='all'))", run(f"{PY} orders.py describe", cwd=d), n_pandas_describe)
    add("pandas-info", "python orders.py info  (df.info())", run(f"{PY} orders.py info", cwd=d), n_pandas_info)
    add("polars-print-frame", "python orders.py polars  (print(pl.DataFrame))", run(f"{PY} orders.py polars", cwd=d), n_polars)
    add("duckdb-show-groupby", "python orders.py duck  (duckdb .show())", run(f"{PY} orders.py duck", cwd=d), n_duckdb_box)
    add("duckdb-explain-analyze", "python orders.py explain  (EXPLAIN ANALYZE)", run(f"{PY} orders.py explain", cwd=d), n_explain)


# ================================================================== rich, tqdm, loguru, pydantic


@kind("rich-table", "table")
def n_rich_table(lines):
    """Rule 4 on a rich Table (box drawing): the title and column-header row; rows whose status is rare while one dominates; the rows of min and max qty and amount."""
    boxed = [ln for ln in lines if ln.startswith(("│", "┃"))]
    rows = []
    for ln in boxed:
        cells = [c.strip() for c in re.split(r"[│┃]", ln.strip("│┃"))]
        if len(cells) == 5 and cells[0].isdigit():
            rows.append((ln, dict(zip(["order_id", "region", "status", "qty", "amount"], cells))))
    title = [ln for ln in lines if ln.strip() and not ln.lstrip().startswith(("┏", "│", "┃", "└", "┡", "├", "┗"))][:1]
    return title + rule4(rows, cat=("status",), nums=("qty", "amount"), header=[ln for ln in lines if ln.startswith("┃")][:1])


@kind("rich-traceback", "log")
def n_rich_tb(lines):
    """Rule 1 on a rich traceback (boxed frames): the final exception line ('XError: msg' below the box) and the innermost frame's location line ('/path/file.py:N in fn' in the last frame box)."""
    locs = [ln for ln in lines if re.search(r"\S+\.py:\d+ in \S+", ln)]
    exc = [ln for ln in lines if re.match(r"^\w+(\.\w+)*(Error|Exception): ", ln)]
    return exc + locs[-1:]


n_tqdm = line_rule(
    "tqdm-progress", "log",
    "Rules 1+3 on a job printing tqdm bars among log lines: every bar's final state (the line with 'it/s]' or 's/it]' after the carriage-return clean-up), and every WARNING/ERROR line.",
    hit=r"(it/s|s/it|B/s)\]|WARNING|ERROR")

n_loguru = grouped_rule(
    "loguru-log", "log",
    "Rule 1 on a loguru log ('time | LEVEL | module:fn:line - msg'): every ERROR/CRITICAL line and the final exception line of each traceback (loguru's '…Error: msg'); WARNING lines as one needle per (message shape, module:function).",
    warn=r"\| WARNING\s*\| (\S+) - (.*)", key=lambda m: (mask(m.group(2)), m.group(1).rsplit(":", 1)[0]),
    hit=r"\| (ERROR|CRITICAL)\s*\||^\w+(Error|Exception): ")


@kind("pydantic-validation-error", "log")
def n_pydantic(lines):
    """Rule 1 on a pydantic ValidationError: the 'N validation errors for Model' line and every error's message line ('  Input should be … [type=…' lines), with the field path above it."""
    out = [ln for ln in lines if re.search(r"\d+ validation errors? for ", ln)]
    for i, ln in enumerate(lines):
        if "[type=" in ln:
            out += [lines[i - 1], ln]
    return out


RICH_SCRIPT = ORDERS + '''
import sys
from rich.console import Console
from rich.table import Table
console = Console(width=110, force_terminal=True, color_system="truecolor")
if sys.argv[1] == "table":
    t = Table(title="Orders, week 48")
    for c in ("order", "region", "status", "qty", "amount"):
        t.add_column(c, justify="right" if c in ("qty", "amount") else "left")
    for r in ROWS:
        t.add_row(str(r["order_id"]), r["region"], r["status"], str(r["qty"]), "-" if r["amount"] is None else f"{r['amount']:.2f}")
    console.print(t)
else:
    from rich.traceback import install
    install(console=console, width=110, show_locals=True)

    def load_rates(path):
        with open(path) as f:
            return {ln.split(",")[0]: float(ln.split(",")[1]) for ln in f}

    def convert(order, rates):
        return order["amount"] * rates[order["region"]]

    def report(rows):
        rates = {"eu-west": 1.0, "us-east": 0.93}
        return [convert(r, rates) for r in rows]

    report(ROWS)
'''

TQDM_SCRIPT = '''import logging, sys, time
from tqdm import tqdm
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
log = logging.getLogger("etl")
for name, n in (("extract", 120), ("transform", 300), ("load", 80)):
    log.info("stage %s: %d batches", name, n)
    for i in tqdm(range(n), desc=name, file=sys.stderr, mininterval=0, ncols=100):
        if name == "transform" and i in (77, 203):
            tqdm.write(f"WARNING batch {i}: 3 rows with null amount dropped", file=sys.stderr)
        if name == "load" and i == 61:
            log.error("batch 61: unique violation on orders.order_id=1061, aborting stage")
            break
        time.sleep(0.001)
for name in ("index", "vacuum"):
    for _ in tqdm(range(2_000_000), desc=name, unit="B", unit_scale=True, file=sys.stderr, miniters=100000, ncols=100):
        pass
'''

LOGURU_SCRIPT = '''import sys
from loguru import logger
logger.remove()
logger.add(sys.stderr, colorize=False, backtrace=False, diagnose=False)


def parse(line):
    user, amount = line.split(";")
    return user, float(amount)


@logger.catch(reraise=False)
def ingest(lines):
    total = 0.0
    for i, line in enumerate(lines):
        if i % 9 == 0:
            logger.debug("checkpoint at line {}", i)
        user, amount = parse(line)
        if amount > 1000:
            logger.warning("large amount {} for {}", amount, user)
        total += amount
        logger.info("line {} ok: {} {:.2f}", i, user, amount)
    return total


rows = [f"user{i};{(i * 37) % 1200}.5" for i in range(45)] + ["user45;12,50"] + [f"user{i};3" for i in range(46, 50)]
ingest(rows)
logger.critical("ingest aborted: {} of {} lines processed", 45, len(rows))
'''

PYDANTIC_SCRIPT = '''from datetime import date
from pydantic import BaseModel, Field, EmailStr, ValidationError, conint
from typing import Literal


class Line(BaseModel):
    sku: str = Field(pattern=r"^SKU-\\\\d{3}$")
    qty: conint(gt=0, le=100)
    unit_cents: int


class Customer(BaseModel):
    id: int
    name: str = Field(min_length=2)
    tier: Literal["free", "pro", "enterprise"]


class Order(BaseModel):
    id: int
    placed: date
    customer: Customer
    lines: list[Line]
    notes: str | None = None


payload = {"id": "A-17", "placed": "2025-13-45", "customer": {"id": 7, "name": "X", "tier": "gold"},
           "lines": [{"sku": "SKU-101", "qty": 2, "unit_cents": 999}, {"sku": "sku_7", "qty": 0, "unit_cents": "12.5"},
                     {"sku": "SKU-330", "qty": 500}] + [{"sku": f"SKU-{i}", "qty": 1, "unit_cents": 100} for i in range(200, 212)],
           "notes": 42}
try:
    Order.model_validate(payload)
except ValidationError as e:
    print(e)
    raise
'''


def cap_terminal(tmp: Path) -> None:
    d = tmp / "term"
    write_tree(d, {"rich_demo.py": RICH_SCRIPT, "etl.py": TQDM_SCRIPT, "ingest.py": LOGURU_SCRIPT, "order_model.py": PYDANTIC_SCRIPT})
    add("rich-table-orders", "python rich_demo.py table", run(f"{PY} rich_demo.py table", cwd=d, env=COLOR), n_rich_table)
    add("rich-traceback-locals", "python rich_demo.py crash  (rich.traceback.install(show_locals=True))",
        run(f"{PY} rich_demo.py crash", cwd=d, env=COLOR), n_rich_tb)
    add("tqdm-etl-bars", "python etl.py", run(f"{PY} etl.py", cwd=d), n_tqdm)
    add("loguru-ingest", "python ingest.py", run(f"{PY} ingest.py", cwd=d), n_loguru)
    add("pydantic-validation-error", "python order_model.py", run(f"{PY} order_model.py", cwd=d), n_pydantic)


# ================================================================== SQLAlchemy echo, alembic

n_sa_echo = line_rule(
    "sqlalchemy-echo", "log",
    "Rules 1+5 on SQLAlchemy's echo log: every exception line ('sqlalchemy.exc.…Error: …') with its '[SQL: …]' line, every CREATE TABLE line, and every ROLLBACK line.",
    hit=r"sqlalchemy\.exc\.\w+|CREATE TABLE|ROLLBACK", loc=r"^\[SQL: ")

n_alembic = line_rule(
    "alembic-upgrade", "log",
    "Rules 1+5 on alembic upgrade: every 'Running upgrade A -> B, msg' line, the final exception line and its '[SQL: …]' line.",
    hit=r"Running upgrade|^\w+(\.\w+)*(Error|Exception): ", loc=r"^\[SQL: ")


@kind("alembic-history", "listing")
def n_alembic_history(lines):
    """Rule 5 on alembic history --verbose: every 'Rev: X (head)' / 'Rev:' line and the message line under each (the revision and what it does)."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("Rev: "):
            out.append(ln)
            out.append(next((x for x in lines[i + 1:i + 9] if x.startswith("    ") and x.strip()), None))
    return out


SA_SCRIPT = ORDERS + '''
from sqlalchemy import create_engine, String, Integer, Float, ForeignKey, select, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session


class Base(DeclarativeBase):
    pass


class Customer(Base):
    __tablename__ = "customer"
    id: Mapped[int] = mapped_column(primary_key=True)
    region: Mapped[str] = mapped_column(String(20))


class Order(Base):
    __tablename__ = "orders"
    order_id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    status: Mapped[str] = mapped_column(String(12))
    qty: Mapped[int] = mapped_column(Integer)
    amount: Mapped[float | None] = mapped_column(Float)


engine = create_engine("sqlite://", echo=True)
Base.metadata.create_all(engine)
with Session(engine) as s:
    s.add_all([Customer(id=i, region=r) for i, r in enumerate(["eu-west", "us-east", "ap-south"])])
    s.add_all([Order(order_id=r["order_id"], customer_id=i % 3, status=r["status"], qty=r["qty"], amount=r["amount"]) for i, r in enumerate(ROWS)])
    s.commit()
    for st in ("shipped", "refunded"):
        s.execute(select(Order.status, func.count(), func.sum(Order.amount)).where(Order.status == st).group_by(Order.status)).all()
    s.add(Order(order_id=1017, customer_id=1, status="held", qty=1, amount=3.0))
    s.commit()
'''

ALEMBIC_REVS = [
    ("a1f0c3d2e4b5", None, "create customer", "op.create_table('customer', sa.Column('id', sa.Integer, primary_key=True), sa.Column('name', sa.String(80)))"),
    ("b2e1d4c3f5a6", "a1f0c3d2e4b5", "create orders", "op.create_table('orders', sa.Column('id', sa.Integer, primary_key=True), sa.Column('customer_id', sa.Integer), sa.Column('status', sa.String(12)))"),
    ("c3d2e5f4a6b7", "b2e1d4c3f5a6", "add amount to orders", "op.add_column('orders', sa.Column('amount_cents', sa.Integer))"),
    ("d4e3f6a5b7c8", "c3d2e5f4a6b7", "index orders status", "op.create_index('ix_orders_status', 'orders', ['status'])"),
    ("e5f4a7b6c8d9", "d4e3f6a5b7c8", "backfill status", "op.execute(\"UPDATE orders SET status = 'new' WHERE status IS NULL\")"),
    ("f6a5b8c7d9e0", "e5f4a7b6c8d9", "rename customer name", "op.execute('ALTER TABLE customer RENAME COLUMN fullname TO display_name')"),
    ("a7b6c9d8e0f1", "f6a5b8c7d9e0", "add refunds", "op.create_table('refunds', sa.Column('id', sa.Integer, primary_key=True))"),
]


def cap_sql_logs(tmp: Path) -> None:
    d = tmp / "sa"
    write_tree(d, {"orders_db.py": SA_SCRIPT})
    add("sqlalchemy-echo-integrity", "python orders_db.py  (create_engine(echo=True))", run(f"{PY} orders_db.py", cwd=d), n_sa_echo)
    a = tmp / "alembic"
    a.mkdir()
    run(f"{VENV}/bin/alembic init migrations", cwd=a)
    ini = a / "alembic.ini"
    ini.write_text(ini.read_text().replace("driver://user:pass@localhost/dbname", f"sqlite:///{a}/app.db"))
    for rev, down, msg, body in ALEMBIC_REVS:
        (a / "migrations" / "versions" / f"{rev}_{msg.replace(' ', '_')}.py").write_text(
            f'"""{msg}\n\nRevision ID: {rev}\nRevises: {down or ""}\nCreate Date: 2025-11-{20 + ALEMBIC_REVS.index((rev, down, msg, body))} 10:00:00\n"""\n'
            f"from alembic import op\nimport sqlalchemy as sa\n\nrevision = {rev!r}\ndown_revision = {down!r}\nbranch_labels = None\n"
            f"depends_on = None\n\n\ndef upgrade():\n    {body}\n\n\ndef downgrade():\n    pass\n")
    add("alembic-upgrade-fail", "alembic upgrade head", run(f"{VENV}/bin/alembic upgrade head", cwd=a, timeout=120), n_alembic)
    add("alembic-history-verbose", "alembic history --verbose", run(f"{VENV}/bin/alembic history --verbose", cwd=a), n_alembic_history)


# ================================================================== TAB-separated and very long lines


@kind("git-log-tsv", "git")
def n_git_tsv(lines):
    """Rule 5 on git log --format with TAB separators (%h%x09%an%x09%ad%x09%s): every commit's hash and subject, i.e. every row line."""
    return [ln for ln in lines if re.match(r"^[0-9a-f]{7,}\t", ln)]


@kind("sqlite-tsv", "table")
def n_sqlite_tsv(lines):
    """Rule 4 on sqlite3 -header -separator TAB output: the header row; rows whose status, region or channel is rare while one dominates; rows of min and max qty, amount and weight_kg."""
    rows = [(ln, dict(zip(COLS, ln.split("\t")))) for ln in lines[1:] if "\t" in ln]
    return rule4(rows, cat=CATS, nums=NUMS, header=lines[:1])


@kind("json-minified-api", "json")
def n_json_min(lines):
    """Rules 4+5 on a minified (one-line) JSON API answer {meta, data: [records]}: the meta object's text; every record whose status, region or channel is rare while one dominates, and the records of min and max qty, amount and weight_kg, each as its own '{"order_id":…}' text (first 200 characters)."""
    text = "\n".join(lines)
    doc = json.loads(text)
    out = [json.dumps(doc["meta"], separators=(",", ":"))]
    rows = [(json.dumps(r, separators=(",", ":")), {k: str(v) if v is not None else "NaN" for k, v in r.items()}) for r in doc["data"]]
    return out + rule4(rows, cat=CATS, nums=NUMS)


@kind("long-line-error", "log")
def n_long_line(lines):
    """Rule 1 on a crash whose error message is one very long line: the exception line (its first 200 characters) and the frame location above it."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\w+(Error|Exception): ", ln):
            out += [ln, next((x for x in reversed(lines[:i]) if x.strip().startswith("File ")), None)]
    return out


def cap_long_and_tabs(tmp: Path) -> None:
    d = tmp / "tabs"
    d.mkdir()
    run("git init -q -b main .", cwd=d, env=w6.GIT_ENV)
    subjects = ["Add order export", "Fix rounding in VAT", "Bump sqlalchemy to 2.1", "Refactor checkout flow", "Document refunds API",
                "Speed up report query", "Revert \"Speed up report query\"", "Handle empty cart", "Add retry to webhook", "Lint"]
    for i in range(46):
        (d / f"f{i % 7}.txt").write_text(f"rev {i}\n")
        who = ("Ada Dev", "ada@example.org") if i % 9 else ("Bot CI", "ci-bot@example.org")
        env = {**w6.GIT_ENV, "GIT_AUTHOR_NAME": who[0], "GIT_AUTHOR_EMAIL": who[1],
               "GIT_AUTHOR_DATE": f"2025-11-{1 + i // 2:02d}T{8 + i % 10}:00:00+00:00", "GIT_COMMITTER_DATE": f"2025-11-{1 + i // 2:02d}T{8 + i % 10}:00:00+00:00"}
        run(f"git add -A && git commit -q -m '{subjects[i % 10]} (#{100 + i})'", cwd=d, env=env)
    add("git-log-format-tabs", "git log --date=iso-strict --format='%h%x09%an%x09%ad%x09%s'",
        run("git log --date=iso-strict --format='%h%x09%an%x09%ad%x09%s'", cwd=d, env=w6.GIT_ENV), n_git_tsv)
    write_tree(d, {"mk.py": ORDERS + f"COLS = {COLS!r}\n" + "import json, sqlite3, sys\ncon = sqlite3.connect(sys.argv[1])\n"
                   "con.execute('CREATE TABLE orders (' + ', '.join(COLS) + ')')\n"
                   "con.executemany('INSERT INTO orders VALUES (' + ', '.join(':' + c for c in COLS) + ')', ROWS)\ncon.commit()\n"
                   "big = [dict(r, order_id=r['order_id'] + 100 * k) for k in range(6) for r in ROWS]\n"
                   "print(json.dumps({'meta': {'page': 1, 'per_page': len(big), 'total': len(big), 'generated': '2025-11-30T12:00:00Z'}, 'data': big}, separators=(',', ':')))\n"})
    api = run(f"{PY} mk.py orders.db", cwd=d)
    (d / "api.json").write_text(api)
    add("sqlite-tsv-orders", "sqlite3 -header -separator $'\\t' orders.db 'SELECT * FROM orders'",
        run("sqlite3 -header -separator \"$(printf '\\t')\" orders.db 'SELECT * FROM orders'", cwd=d), n_sqlite_tsv)
    add("curl-minified-json-api", "curl -s http://127.0.0.1:8000/api/orders?per_page=240  (served from api.json)",
        run("cat api.json", cwd=d), n_json_min)
    write_tree(d, {"load.py": LONG_ERR})
    add("python-10kb-one-line-error", "python load.py", run(f"{PY} load.py", cwd=d), n_long_line)


LONG_ERR = '''import json


def check(batch):
    bad = [r for r in batch if r["qty"] < 0]
    if bad:
        raise ValueError(f"{len(bad)} rows with negative qty in batch: {bad!r}")


def run():
    batch = [{"order_id": 5000 + i, "qty": -(i % 7) - 1 if i % 2 else i, "sku": f"SKU-{i:04d}", "note": "imported"} for i in range(260)]
    check(batch)


run()
'''

STEPS = [cap_frames, cap_terminal, cap_sql_logs, cap_long_and_tabs]
