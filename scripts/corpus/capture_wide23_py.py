"""Round 23, the Python projects: the networkx, mistune, docutils, bitarray and bottle sdists with a few bugs put in,
run as an agent runs them on a big suite (pytest -v and -rA over hundreds of tests, unittest -v), linted (ruff,
pylint, flake8, mypy over whole packages: hundreds of findings, one error-level among them), python-lz4's C
extensions built with warnings on and a typo in one, and three real programs' logs (a bottle app on wsgiref, an
aiohttp app, SQLAlchemy's echo) with one error among thousands of INFO lines. Run through capture_wide23.py."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import capture_data as cd
from capture_data import free_port, python_exceptions, rule4, stop, wait_port
from capture_more import groups, kind, mask, n_unittest, run, start
from capture_wide15_data import orig
from capture_wide15_diag import n_flake8, n_mypy, n_pylint, n_pytest, n_ruff
from capture_wide15_langs import n_gcc
from capture_wide17_runs import patch
from capture_wide23 import BIN, cap

NX, MI, DU, BA, BO, LZ = ("networkx-3.2.1", "mistune-3.0.2", "docutils-0.21.2", "bitarray-2.9.2", "bottle-0.12.25",
                          "lz4-4.3.3")
NC = "-p no:cacheprovider"
PY = BIN / "python"

n_wsgi_log = orig("wsgiref-app-log", "log", cd.needles_wsgi_log)


def bugs(tmp: Path) -> None:
    """The slips a day of edits leaves: one or two per package."""
    patch(tmp / NX / "networkx/algorithms/shortest_paths/generic.py", "    return s / (n * (n - 1))",
          "    return s / (n * n - 1)")
    patch(tmp / NX / "networkx/classes/function.py", "    if m == 0 or n <= 1:", "    if m == 0 or n < 1:")
    patch(tmp / MI / "src/mistune/util.py", "    return key.lower().upper()", "    return key.lower()")
    patch(tmp / DU / "docutils/nodes.py", "    0x0131: 'i',       # dotless i", "    0x0131: 'l',       # dotless i")
    patch(tmp / BA / "bitarray/util.py", "    start = None if mode == 'right' else __a.find(1)",
          "    start = None if mode != 'left' else __a.find(1)")
    patch(tmp / NX / "networkx/algorithms/flow/maxflow.py",
          "        flow_func = default_flow_func\n\n    if not callable",
          "        flow_func = defualt_flow_func\n\n    if not callable")
    patch(tmp / BO / "bottle.py", "def html_escape(string):",
          "def html_escape(string):\n    if not string: return strng")


def tests(tmp: Path) -> None:
    bugs(tmp)
    cap("pytest-v-networkx-paths-traversal-flow",
        f"python -m pytest -v {NC} networkx/algorithms/shortest_paths networkx/algorithms/traversal "
        "networkx/algorithms/flow networkx/algorithms/components", tmp / NX, n_pytest)
    cap("pytest-ra-networkx-classes", f"python -m pytest -q -rA {NC} networkx/classes", tmp / NX, n_pytest)
    cap("pytest-v-mistune", f"python -m pytest -v {NC} tests", tmp / MI, n_pytest, env={"PYTHONPATH": "src"})
    cap("pytest-v-docutils", f"python -m pytest -v {NC} test", tmp / DU, n_pytest)


def lint(tmp: Path) -> None:
    cap("ruff-networkx-flow-algorithms", "ruff check --no-cache --select E,F,W,B,UP,SIM,C4,PIE,RET "
        "networkx/algorithms/flow networkx/algorithms/shortest_paths", tmp / NX, n_ruff)
    cap("pylint-networkx-flow", "pylint networkx/algorithms/flow", tmp / NX, n_pylint)
    cap("flake8-bottle", "flake8 bottle.py", tmp / BO, n_flake8)
    cap("mypy-mistune-strict", "mypy --strict --no-incremental src/mistune", tmp / MI, n_mypy)
    cap("pylint-docutils-rst-states", "pylint --disable=C0301 docutils/parsers/rst/states.py", tmp / DU, n_pylint)


def build(tmp: Path) -> None:
    """python-lz4's C extensions (its bundled liblz4) with the warnings a hardening pass turns on, and a typo in
    _frame.c; then bitarray built in place and its own unittest suite run verbose (a bug in util.strip)."""
    patch(tmp / LZ / "lz4/frame/_frame.c", "  source_size = py_source.len;", "  source_size = py_src.len;")
    flags = ("-Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wcast-qual -Wcast-align=strict "
             "-Wwrite-strings -Wundef -Wmissing-prototypes -Wstrict-prototypes -Wformat=2 -Wswitch-default")
    cap("setup-build-ext-lz4-warnings", "python setup.py build_ext --inplace 2>&1", tmp / LZ, n_gcc,
        env={"CFLAGS": flags, "PYLZ4_USE_SYSTEM_LZ4": "False"},
        typed=f"PYLZ4_USE_SYSTEM_LZ4=False CFLAGS='{flags}' python setup.py build_ext --inplace 2>&1")
    run(f"{PY} setup.py build_ext --inplace -q", cwd=tmp / BA, timeout=600)
    cap("unittest-v-bitarray", "python -m unittest -v bitarray.test_bitarray bitarray.test_util", tmp / BA,
        n_unittest)


# ------------------------------------------------------------------ logs of real programs

BOTTLE_APP = '''import logging
import random
import sys

from bottle import abort, request, response, route, run

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("stockroom")
rng = random.Random(23)
STOCK = {f"sku-{i:04d}": {"qty": rng.randint(0, 400), "bin": f"A{i % 40:02d}", "price": rng.randint(99, 9999)}
         for i in range(1, 601)}
STOCK["sku-0417"]["bin"] = None  # re-shelved by hand, never given a bin


@route("/items/<sku>")
def item(sku):
    if sku not in STOCK:
        abort(404, "no such item")
    return STOCK[sku]


@route("/items/<sku>/reserve", method="POST")
def reserve(sku):
    n = int(request.query.get("n", 1))
    it = STOCK.get(sku) or abort(404, "no such item")
    if it["qty"] < n:
        log.warning("short stock for %s: wanted %d, have %d", sku, n, it["qty"])
        response.status = 409
        return {"error": "short"}
    it["qty"] -= n
    aisle = it["bin"][0]
    log.info("reserved %d x %s from aisle %s", n, sku, aisle)
    return {"sku": sku, "left": it["qty"]}


run(host="127.0.0.1", port=int(sys.argv[1]), quiet=False)
'''

AIOHTTP_APP = '''import logging
import sys

from aiohttp import web

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("quotes")
RATES = {c: 1 + k / 100 for k, c in enumerate(["EUR", "USD", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN"])}


async def quote(req):
    cur = req.match_info["cur"]
    amount = float(req.query.get("amount", "1"))
    if cur not in RATES:
        log.warning("unknown currency %s", cur)
        raise web.HTTPNotFound(text="unknown currency")
    fee = amount * 0.002 / (amount - 1250.0)
    return web.json_response({"cur": cur, "amount": round(amount * RATES[cur] + fee, 2)})


async def health(req):
    return web.json_response({"ok": True})


app = web.Application()
app.add_routes([web.get("/quote/{cur}", quote), web.get("/health", health)])
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=lambda *a: log.info(" ".join(map(str, a))))
'''

SA_SCRIPT = '''import logging
import random

from sqlalchemy import Column, ForeignKey, Integer, String, create_engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
log = logging.getLogger("import_members")
Base = declarative_base()


class Club(Base):
    __tablename__ = "clubs"
    id = Column(Integer, primary_key=True)
    name = Column(String, unique=True, nullable=False)


class Member(Base):
    __tablename__ = "members"
    id = Column(Integer, primary_key=True)
    email = Column(String, unique=True, nullable=False)
    club_id = Column(Integer, ForeignKey("clubs.id"), nullable=False)


engine = create_engine("sqlite:///members.db", echo=True)
Base.metadata.create_all(engine)
rng = random.Random(23)
with Session(engine) as s:
    s.add_all([Club(id=i, name=f"club-{i}") for i in range(1, 13)])
    s.commit()
    for i in range(1, 181):
        email = f"member{i}@example.org" if i != 127 else "member38@example.org"
        s.add(Member(email=email, club_id=rng.randint(1, 12)))
        try:
            s.commit()
        except IntegrityError:
            log.exception("row %d skipped", i)
            s.rollback()
    total = len(s.scalars(select(Member)).all())
log.info("imported %d members", total)
'''


@kind("python-logging-access-log", "log")
def n_logging_access(lines):
    """Rules 1+4 on a Python app's logging output with an access logger: every ERROR/CRITICAL line, each traceback's exception line and innermost File line; WARNING lines one {"any"} per (logger, message shape); access rows with a rare method or status while one dominates."""
    out = [ln for ln in lines if re.search(r"\b(ERROR|CRITICAL)\b", ln)] + python_exceptions(lines)
    pairs, rows = [], []
    for ln in lines:
        m = re.search(r" WARNING (\S+): (.*)$", ln)
        if m:
            pairs.append(((m.group(1), mask(m.group(2))), ln))
        a = re.search(r'"(GET|POST|PUT|DELETE|HEAD|PATCH) \S+ HTTP/[\d.]+" (\d{3}) ', ln)
        if a:
            rows.append((ln, {"method": a.group(1), "status": a.group(2)}))
    return out + groups(pairs) + rule4(rows, cat=("method", "status"))


@kind("sqlalchemy-echo-log", "log")
def n_sa_echo(lines):
    """Rules 1+3 on SQLAlchemy's echo=True log around an import: every ERROR line, each traceback's exception line and innermost File line, the statement and parameters lines just above the first ERROR (what failed), and the script's closing summary line."""
    out = [ln for ln in lines if re.search(r"\bERROR\b", ln)] + python_exceptions(lines)
    first = next((i for i, ln in enumerate(lines) if re.search(r"\bERROR\b", ln)), None)
    if first is not None:
        above = lines[max(0, first - 8):first]
        sql = [ln for ln in above if re.search(r"\b(INSERT|UPDATE|DELETE)\b|\[generated in|\[cached since", ln)]
        out += sql[-2:]
    return out + [ln for ln in lines if " imported " in ln][-1:]


def _hit(url: str, method: str = "GET") -> None:
    try:
        urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=10).read()
    except urllib.error.HTTPError:
        pass
    except OSError:
        pass


def logs(tmp: Path) -> None:
    d = tmp / "stockroom"
    d.mkdir()
    (d / "app.py").write_text(BOTTLE_APP)
    port = free_port()
    with open(d / "server.log", "w") as f:
        p = start(f"{PY} app.py {port}", cwd=d, log=f)
        try:
            wait_port(port)
            base = f"http://127.0.0.1:{port}"
            for i in range(1, 1100):
                sku = f"sku-{(i * 37) % 620 + 1:04d}"
                if i % 3 == 0:
                    _hit(f"{base}/items/{sku}/reserve?n={1 + i % 5}", "POST")
                else:
                    _hit(f"{base}/items/{sku}")
        finally:
            stop(p)
    cap("tail-server-log-bottle-stockroom", "tail -n 4000 server.log", d, n_wsgi_log)

    q = tmp / "quotes"
    q.mkdir()
    (q / "app.py").write_text(AIOHTTP_APP)
    port = free_port()
    with open(q / "app.log", "w") as f:
        p = start(f"{PY} app.py {port}", cwd=q, log=f)
        try:
            wait_port(port)
            curs = ["EUR", "USD", "GBP", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN"]
            for i in range(1, 1000):
                if i % 50 == 0:
                    _hit(f"http://127.0.0.1:{port}/health")
                    continue
                cur = curs[i % 9] if i != 611 else "XBT"
                amount = 1250 if i == 433 else 10 + (i * 7) % 900
                _hit(f"http://127.0.0.1:{port}/quote/{cur}?amount={amount}")
            time.sleep(0.3)
        finally:
            stop(p)
    cap("cat-app-log-aiohttp-quotes", "cat app.log", q, n_logging_access)

    m = tmp / "members"
    m.mkdir()
    (m / "import_members.py").write_text(SA_SCRIPT)
    cap("python-import-members-sqlalchemy-echo", "python import_members.py", m, n_sa_echo)


STEPS = [tests, lint, build, logs]
