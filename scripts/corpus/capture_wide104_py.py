"""Round 104, Python: a public library's catalogue code (`libcat`: loans, fines, holds) written here with weak tests
and mistakes put in, widened by seeded branch modules, run through mutmut (run, results, show) and cosmic-ray (exec,
cr-report, dump); its loans API (FastAPI, served by uvicorn on 127.0.0.1, with bugs put in, widened by seeded branch
operations) run through schemathesis and tavern. The extractors are round 98's, imported. Run through
capture_wide104.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide104 import TAV, VENV, cap
from capture_wide98_py import (n_cr_dump, n_cr_report, n_mutmut_results, n_mutmut_run, n_mutmut_show,
                               n_schemathesis, n_tavern)

# ------------------------------------------------------------------ the libcat package, weak tests

LOANS = '''"""Loans: due dates, renewals and overdue fines."""

LOAN_DAYS = {"book": 21, "dvd": 7, "magazine": 7, "reference": 0}
FINE_PER_DAY = {"book": 0.25, "dvd": 1.0, "magazine": 0.1}
FINE_CAP = 8.0
MAX_RENEWALS = 2


def due_day(kind, day_out):
    days = LOAN_DAYS[kind]
    if days == 0:
        raise ValueError("reference items do not leave the library")
    return day_out + days


def fine(kind, days_late, child=False):
    if days_late <= 0:
        return 0.0
    amount = FINE_PER_DAY[kind] * days_late
    if child:
        amount = amount / 2
    if amount > FINE_CAP:
        amount = FINE_CAP
    return round(amount, 2)


def can_renew(renewals, holds_waiting):
    if holds_waiting > 0:
        return False
    return renewals <= MAX_RENEWALS  # bug: allows a third renewal


def loan_limit(member_years, child):
    if child:
        return 5
    if member_years >= 10:
        return 20
    if member_years > 2:  # bug: the tariff says 2 years or more
        return 12
    return 8
'''

HOLDS = '''"""Holds queue: position, pickup window, expiry."""


def queue_position(queue, member):
    for i, m in enumerate(queue):
        if m == member:
            return i  # bug: positions are 1-based at the desk
    return -1


def pickup_deadline(day_ready, weekend):
    if weekend:
        return day_ready + 9
    return day_ready + 7


def expired(day_ready, today, weekend=False):
    return today > pickup_deadline(day_ready, weekend)


def shelf_for(call_number):
    head = call_number.split(".")[0]
    if not head.isdigit():
        return "fiction"
    n = int(head)
    if n < 300:
        return "humanities"
    if n < 600:
        return "science"
    return "arts"
'''

TESTS = '''from libcat.loans import due_day, fine, loan_limit
from libcat.holds import shelf_for


def test_book_due():
    assert due_day("book", 10) == 31


def test_fine_capped():
    assert fine("dvd", 30) == 8.0


def test_limit_child():
    assert loan_limit(1, True) == 5


def test_shelf_fiction():
    assert shelf_for("FIC.ROW") == "fiction"
'''

CONFTEST = 'import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), "src"))\n'

BRANCHES = ["Northgate", "Riverside", "Elm Park", "Castle Hill", "Harbourview", "Millbrook", "Old Town", "Westfield",
            "Kingsmead", "Ashby", "Fairholme", "Greenbank"]


def branch_module(rnd: random.Random, b: int) -> tuple[str, str]:
    """A branch's module (three functions worth 25+ mutants) and a weak test touching two of them."""
    seats, open_h, close_h, per_page = rnd.randint(20, 140), rnd.randint(8, 10), rnd.randint(17, 21), \
        round(rnd.uniform(0.05, 0.3), 2)
    name = rnd.choice(BRANCHES)
    src = f'''"""Branch {b}: {name}."""

BRANCH = "{name}"
SEATS = {seats}


def branch{b}_open(hour, saturday=False):
    if saturday:
        return {open_h + 1} <= hour < {close_h - 4}
    return {open_h} <= hour < {close_h}


def branch{b}_print_cost(pages, colour=False):
    cost = pages * {per_page}
    if colour:
        cost = cost * 3
    if pages > 50:
        cost = cost - 1.0
    return round(cost, 2)


def branch{b}_study_seats(booked):
    left = SEATS - booked
    if left < {seats // 10}:
        return BRANCH + " nearly full"
    return BRANCH + " " + str(left) + " seats"
'''
    test = f'''from libcat.branch_{b:02d} import branch{b}_open, branch{b}_print_cost


def test_branch{b}_open_noon():
    assert branch{b}_open(12)


def test_branch{b}_print_cost_positive():
    assert branch{b}_print_cost(10) > 0
'''
    return src, test


PYPROJECT = '''[project]
name = "libcat"
version = "1.4.0"
requires-python = ">=3.9"

[tool.mutmut]
source_paths = ["src/libcat/"]
pytest_add_cli_args = ["-q", "-p", "no:cacheprovider"]
'''


def make_libcat(root: Path, branches: int, seed: int, pyproject: str = PYPROJECT) -> None:
    rnd = random.Random(seed)
    files = {"pyproject.toml": pyproject, "conftest.py": CONFTEST, "src/libcat/__init__.py": "",
             "src/libcat/loans.py": LOANS, "src/libcat/holds.py": HOLDS, "tests/test_core.py": TESTS}
    for b in range(1, branches + 1):
        src, test = branch_module(rnd, b)
        files[f"src/libcat/branch_{b:02d}.py"] = src
        files[f"tests/test_branch_{b:02d}.py"] = test
    write_tree(root, files)


def mutmut(tmp: Path) -> None:
    big = tmp / "libcat"
    make_libcat(big, 7, 10401)
    cap("mutmut-run-libcat-exit", "mutmut run; echo EXIT=$?", big, n_mutmut_run, timeout=900)
    cap("mutmut-results-libcat", "mutmut results", big, n_mutmut_results)
    cap("mutmut-results-all-head-100", "mutmut results --all true | head -n 100", big, n_mutmut_results)
    cap("mutmut-results-loans-holds-grep", "mutmut results | grep -E 'loans|holds|branch_0[12]'", big,
        n_mutmut_results)
    cap("mutmut-show-loans-survivors",
        "for m in $(mutmut results 2>/dev/null | grep survived | grep -E 'loans|holds' | head -n 10 | cut -d: -f1); "
        "do echo \"== $m\"; mutmut show $m; done", big, n_mutmut_show)
    cap("mutmut-show-branch03-chain",
        "mutmut show libcat.branch_03.x_branch3_open__mutmut_2; mutmut show libcat.branch_03.x_branch3_print_cost__mutmut_4;"
        " mutmut show libcat.branch_03.x_branch3_study_seats__mutmut_3; echo EXIT=$?", big, n_mutmut_show)
    # a small package: two branches, typed as agents type it
    small = tmp / "libcat-small"
    make_libcat(small, 2, 10402)
    cap("mutmut-run-small-tail-30", "mutmut run 2>&1 | tail -n 30", small, n_mutmut_run, timeout=600)
    cap("mutmut-results-small-exit", "mutmut results; echo EXIT=$?", small, n_mutmut_results)
    # a package whose own tests do not import: mutmut stops at the clean run
    broken = tmp / "libcat-broken"
    make_libcat(broken, 2, 10403)
    (broken / "tests" / "test_holds.py").write_text(
        "from libcat.holds import queue_position, pickup_window\n\n\ndef test_front_of_queue():\n"
        "    assert queue_position(['ann', 'bo'], 'ann') == 1\n")
    cap("mutmut-run-clean-tests-import-error", "mutmut run 2>&1 | tail -n 60; echo EXIT=$?", broken, n_mutmut_run,
        timeout=300)


CR_TOML = '''[cosmic-ray]
module-path = "{path}"
timeout = 10.0
excluded-modules = []
test-command = "{py} -m pytest -x -q -p no:cacheprovider tests/test_core.py"

[cosmic-ray.distributor]
name = "local"

[cosmic-ray.filters.operators-filter]
exclude-operators = ["core/ReplaceBinaryOperator_.*_(BitOr|BitAnd|BitXor|LShift|RShift|Pow|FloorDiv|Mod|Div|Mul)",
                     "core/ReplaceComparisonOperator_.*_(Is|IsNot|In|NotIn)"]
'''


def cosmic_ray(tmp: Path) -> None:
    root = tmp / "libcat-cr"
    make_libcat(root, 0, 10404)
    (root / "cr.toml").write_text(CR_TOML.format(path="src/libcat/holds.py", py=VENV / "bin" / "python"))
    run("cosmic-ray init cr.toml holds.sqlite && cr-filter-operators holds.sqlite cr.toml"
        " && cosmic-ray exec cr.toml holds.sqlite", cwd=root, timeout=900)
    cap("cr-report-holds-exit", "cr-report holds.sqlite; echo EXIT=$?", root, n_cr_report)
    cap("cr-report-surviving-diff", "cr-report --show-diff --surviving-only holds.sqlite", root, n_cr_report)
    cap("cr-report-show-diff-head-100", "cr-report --show-diff holds.sqlite | head -n 100", root, n_cr_report)
    cap("cosmic-ray-dump-holds-tail", "cosmic-ray dump holds.sqlite | tail -n 40", root, n_cr_dump)


# ------------------------------------------------------------------ the loans API: schemathesis, tavern

API_HEAD = '''"""libcat's loans API, with bugs put in; {n} seeded branch operations widen it."""
from typing import Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="libcat loans", version="1.4.0")


class Loan(BaseModel):
    barcode: str = Field(min_length=6, max_length=14)
    member: int = Field(ge=1)
    kind: str = "book"
    renewals: Optional[int] = None


class LoanOut(BaseModel):
    id: int
    barcode: str
    due_day: int
    fine: float


class Title(BaseModel):
    isbn: str
    title: str
    copies: int
    on_shelf: int = Field(ge=0)


LOANS: dict = {{}}
DAYS = {{"book": 21, "dvd": 7, "magazine": 7}}


@app.post("/loans", response_model=LoanOut, status_code=201)
def checkout(loan: Loan):
    days = DAYS[loan.kind]  # bug: an unknown kind is a 500, not a 422
    i = len(LOANS) + 1
    LOANS[i] = loan
    return {{"id": i, "barcode": loan.barcode, "due_day": days * (1 + (loan.renewals or 0)), "fine": 0.0}}


@app.get("/loans/{{lid}}", response_model=LoanOut)
def get_loan(lid: int):
    if lid not in LOANS:
        raise HTTPException(404, "no such loan")  # bug: 404 is not documented
    loan = LOANS[lid]
    return {{"id": lid, "barcode": loan.barcode, "due_day": "soon", "fine": 0.0}}  # bug: due_day not an int


@app.post("/loans/{{lid}}/return", status_code=204)
def return_loan(lid: int, days_late: int = 0):
    fine = 0.25 * days_late
    if fine > 8:
        fine = 8 / (days_late - 40)  # bug: a ZeroDivisionError at 40 days late
    LOANS.pop(lid, None)
    return None


@app.get("/titles/{{isbn}}", response_model=Title)
def title(isbn: str, branch: int = 1):
    return {{"isbn": isbn, "title": "Collected Essays", "copies": 3, "on_shelf": 3 - branch}}  # bug: negative
'''


def api_source(n_branches: int, seed: int) -> str:
    """The API with `n_branches` seeded branch operations (three each), about one in three with a mistake put in."""
    rnd = random.Random(seed)
    names = ["northgate", "riverside", "elmpark", "castlehill", "harbourview", "millbrook", "oldtown", "westfield",
             "kingsmead", "ashby", "fairholme", "greenbank"]
    body = [API_HEAD.format(n=n_branches)]
    for r in range(n_branches):
        b = f"{names[r % len(names)]}{r // len(names) or ''}"
        body.append(f'''

@app.get("/branches/{b}/hours")
def hours_{r}(weekday: int = 1):
    opening = [9, 9, 9, 9, 9, 10, {rnd.randint(11, 13)}]
    return {{"branch": "{b}", "opens": opening[weekday{" % 7" if rnd.random() < 0.6 else ""}]}}


@app.get("/branches/{b}/printing")
def printing_{r}(pages: int = 1, colour: bool = False):
    cost = pages * {round(rnd.uniform(0.05, 0.3), 2)} * (3 if colour else 1)
    return {{"branch": "{b}", "cost": round(cost{" / pages" if rnd.random() < 0.3 else ""}, 2)}}


@app.get("/branches/{b}/title", response_model=Title)
def branch_title_{r}(copies: int = 2):
    return {{"isbn": "978{rnd.randint(1000000000, 9999999999)}", "title": "Local History", "copies": copies,
            "on_shelf": {"copies - 1" if rnd.random() < 0.4 else "min(copies, 1) if copies > 0 else 0"}}}
''')
    return "".join(body)


def start_api(tmp: Path, name: str, n_branches: int, seed: int, port: int) -> None:
    d = tmp / name
    d.mkdir(parents=True, exist_ok=True)
    (d / "app.py").write_text(api_source(n_branches, seed))
    cm.start(f"{VENV}/bin/uvicorn app:app --host 127.0.0.1 --port {port} --log-level warning", cwd=d)
    for _ in range(40):
        if "openapi" in run(f"curl -s http://127.0.0.1:{port}/openapi.json | head -c 200", cwd=d):
            return
        time.sleep(0.5)


def schemathesis(tmp: Path) -> None:
    start_api(tmp, "api-big", 11, 10411, 19041)
    start_api(tmp, "api-small", 1, 10412, 19042)
    d, s = tmp / "api-big", tmp / "api-small"
    cap("schemathesis-run-37-ops-exit", "schemathesis run http://127.0.0.1:19041/openapi.json --max-examples 20 "
        "--seed 104; echo EXIT=$?", d, n_schemathesis, timeout=900)
    cap("schemathesis-run-printing-tail-80", "st run http://127.0.0.1:19041/openapi.json --max-examples 15 --seed 1041 "
        "--include-path-regex '/printing$' 2>&1 | tail -n 80", d, n_schemathesis, timeout=600)
    cap("schemathesis-run-small", "schemathesis run http://127.0.0.1:19042/openapi.json --max-examples 30 --seed 1042",
        s, n_schemathesis, timeout=600)
    cap("schemathesis-run-loans-post-head-100",
        "schemathesis run http://127.0.0.1:19042/openapi.json --include-method POST --max-examples 40 --seed 1043 "
        "2>&1 | head -n 100", s, n_schemathesis, timeout=600)
    cap("schemathesis-run-titles-max-failures",
        "schemathesis run http://127.0.0.1:19041/openapi.json --include-path-regex 'title' --max-failures 4 "
        "--max-examples 25 --seed 1044; echo EXIT=$?", d, n_schemathesis, timeout=600)


TAVERN_TESTS = {
    "test_loans.tavern.yaml": '''test_name: check out then look up a loan
stages:
  - name: check out a book
    request:
      url: http://127.0.0.1:19042/loans
      method: POST
      json: {barcode: "31000123", member: 7, kind: book}
    response:
      status_code: 201
      save:
        json:
          lid: id
  - name: look the loan up
    request:
      url: "http://127.0.0.1:19042/loans/{lid}"
      method: GET
    response:
      status_code: 200
      json: {id: !int "{lid}", barcode: "31000123", due_day: 21, fine: 0.0}
---
test_name: an audiobook kind is refused
stages:
  - name: check out an audiobook
    request:
      url: http://127.0.0.1:19042/loans
      method: POST
      json: {barcode: "31000999", member: 7, kind: audiobook}
    response:
      status_code: 422
---
test_name: a very late return
stages:
  - name: return 40 days late
    request:
      url: http://127.0.0.1:19042/loans/1/return?days_late=40
      method: POST
    response:
      status_code: 204
---
test_name: title on shelf
stages:
  - name: title at branch 1
    request:
      url: http://127.0.0.1:19042/titles/9780141439518
      method: GET
    response:
      status_code: 200
      json: {isbn: "9780141439518", title: Collected Essays, copies: 3, on_shelf: 3}
''',
    "test_branches.tavern.yaml": '''test_name: northgate opens at nine
stages:
  - name: monday hours
    request:
      url: http://127.0.0.1:19042/branches/northgate/hours?weekday=1
      method: GET
    response:
      status_code: 200
      json: {branch: northgate, opens: 9}
---
test_name: northgate sunday
stages:
  - name: sunday hours
    request:
      url: http://127.0.0.1:19042/branches/northgate/hours?weekday=7
      method: GET
    response:
      status_code: 200
---
test_name: northgate printing
stages:
  - name: ten colour pages
    request:
      url: http://127.0.0.1:19042/branches/northgate/printing?pages=10&colour=true
      method: GET
    response:
      status_code: 200
      json: {branch: northgate, cost: 1.5}
''',
}


def tavern(tmp: Path) -> None:
    d = tmp / "tavern"
    write_tree(d, TAVERN_TESTS)
    (d / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    py = f"{TAV}/bin/python"
    cap("tavern-pytest-rA-exit", f"{py} -m pytest -rA; echo EXIT=$?", d, n_tavern,
        typed="python -m pytest -rA; echo EXIT=$?")
    cap("tavern-pytest-branches-tail", f"{py} -m pytest -q test_branches.tavern.yaml 2>&1 | tail -n 60", d, n_tavern,
        typed="python -m pytest -q test_branches.tavern.yaml 2>&1 | tail -n 60")


STEPS = [mutmut, cosmic_ray, schemathesis, tavern]
