"""Round 98, Python: a ferry operator's booking code (`ferrytix`) written here with weak tests and mistakes put in,
widened by seeded fare-zone modules, run through mutmut (run, results, show) and cosmic-ray (exec, cr-report, dump);
its booking API (FastAPI, served by uvicorn on 127.0.0.1, with bugs put in, widened by seeded route operations) run
through schemathesis and tavern. The extractors are this round's (NEEDLES.md, "Round 98"). Run through
capture_wide98.py."""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import capture_diagnostics as dg
import capture_more as cm
from capture_more import any_of, groups, kind, mask, next_match, run, write_tree
from capture_wide98 import TAV, VENV, cap, exit_lines

ERR_RE = re.compile(r"Traceback|\b\w*(Error|Exception)\b:|\bFAILED\b|\berror\b|\bfailed\b", re.I)
LOC_RE = r'File "[^"]+", line \d+|\S+\.py:\d+'


def _errors(lines: list[str]) -> list:
    """Rule 1: error lines with their location line within six; warnings one {"any"} per shape."""
    out, warn = [], []
    for i, ln in enumerate(lines):
        if re.search(r"\w*Warning\b:", ln):
            warn.append((mask(ln.split("Warning:", 1)[-1]), ln))
        elif ERR_RE.search(ln) and not ln.lstrip().startswith("warnings.warn"):
            out.append(ln)
            if not re.search(LOC_RE, ln):
                out.append(next_match(lines, i, LOC_RE))
    return out + groups(warn)


@kind("mutmut-run", "test")
def n_mutmut_run(lines):
    """Round 98: the last state of mutmut's counts line (killed, survived, timed out, suspicious, skipped), every error line with its location, the mutations-per-second / time closing line, any EXIT= line."""
    out = []
    counts = [ln for ln in lines if re.search(r"\d+/\d+\s+\S+ \d+", ln) and "🙁" in ln]
    if counts:
        out.append(counts[-1])
    out += _errors(lines)
    out += [ln for ln in lines if re.search(r"mutations/second|done in \d", ln)][-1:]
    return out + exit_lines(lines)


@kind("mutmut-results", "test")
def n_mutmut_results(lines):
    """Round 98: every line naming a survived, timed-out, suspicious, no-tests or segfault mutant (its module, function and number), with its group header when grouped; any EXIT= line."""
    out = []
    for ln in lines:
        if re.search(r"__mutmut_\d+\S*:\s*(survived|timeout|suspicious|no tests|segfault|check was interrupted)", ln):
            out.append(ln)
    return out + _errors([ln for ln in lines if "__mutmut_" not in ln]) + exit_lines(lines)


@kind("mutmut-show", "test")
def n_mutmut_show(lines):
    """Round 98: the mutant's name line, every ---/+++ file line and @@ hunk header, and every changed -/+ line (the mutation); any EXIT= line."""
    out = []
    for ln in lines:
        if re.match(r"^# \S+__mutmut_\d+", ln) or re.match(r"^(---|\+\+\+) ", ln) or ln.startswith("@@"):
            out.append(ln)
        elif re.match(r"^[-+]", ln) and ln[1:].strip():
            out.append(ln)
    return out + exit_lines(lines)


BAD_OUTCOME = re.compile(r"TestOutcome\.(SURVIVED|INCOMPETENT)|WorkerOutcome\.(TIMEOUT|EXCEPTION|ABNORMAL)")


@kind("cosmic-ray-report", "test")
def n_cr_report(lines):
    """Round 98: for every survived, incompetent or timed-out job, its [job-id] line, its module/operator/occurrence line and the first changed -/+ lines of its diff; the total jobs / complete / surviving mutants lines; any EXIT= line."""
    out, starts = [], [i for i, ln in enumerate(lines) if ln.startswith("[job-id]")] + [len(lines)]
    for a, b in zip(starts, starts[1:]):
        block = lines[a:b]
        if not any(BAD_OUTCOME.search(ln) for ln in block):
            continue
        out += block[:2]
        minus = [ln for ln in block if ln.startswith("-") and not ln.startswith("---")]
        plus = [ln for ln in block if ln.startswith("+") and not ln.startswith("+++")]
        out += minus[:1] + plus[:1]
    out += [ln for ln in lines if re.match(r"^(total jobs|complete|surviving mutants):", ln)]
    return out + exit_lines(lines)


@kind("cosmic-ray-dump", "json")
def n_cr_dump(lines):
    """Round 98 (rules 4+5): every job record whose test outcome is survived, and every record whose test_outcome value occurs in at most 2 records while the commonest covers half; any EXIT= line."""
    recs = []
    for ln in lines:
        try:
            job, res = json.loads(ln)
        except (ValueError, TypeError):
            continue
        recs.append(((res or {}).get("test_outcome"), ln))
    counts: dict = {}
    for o, _ in recs:
        counts[o] = counts.get(o, 0) + 1
    top = max(counts.values()) if counts else 0
    out = []
    for o, ln in recs:
        if o == "survived" or (counts[o] <= 2 and top * 2 >= len(recs)):
            out.append(ln)
    return out + _errors([ln for ln in lines if not ln.startswith("[{")]) + exit_lines(lines)


OP_HDR = re.compile(r"^_{3,} (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE) \S+ _{3,}$")


@kind("schemathesis-run", "test")
def n_schemathesis(lines):
    """Round 98: every failing operation's header, every failure title under it (`- ST… …`) and its reproduction command line (`curl -X …`); the summary's operations, failures and test-case counts and the closing `N failures in Xs` line; error lines; warnings one {"any"} per shape; any EXIT= line."""
    out, warn, section = [], [], ""
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^=+ [A-Z ]+ =+$", s):
            section = s.strip("= ")
        if OP_HDR.match(s):
            out.append(s)
        elif re.match(r"^- (ST\d+ )?[A-Z][\w -]+$", s) and section in ("FAILURES", "ERRORS"):
            out.append(s)
        elif s.startswith("curl -X"):
            out.append(s)
        elif re.match(r"^(Selected|Tested|Skipped|Errored): ", s) or re.match(r"^\d+ generated, ", s):
            out.append(s)
        elif section == "SUMMARY" and re.match(r"^(❌|✅|⚠️?|🚫) ", s):
            out.append(s)
        elif re.match(r"^=+ .*\b(failures?|passed|errors?)\b.* in [\d.]+s =+$", s):
            out.append(s)
        elif re.search(r"\b(Error|Exception)\b:|Network Error|Connection refused", s) and section != "FAILURES":
            out.append(s)
        elif section == "WARNINGS" and s.startswith("- "):
            warn.append((mask(s), s))
    return out + groups(warn) + exit_lines(lines)


@kind("tavern-pytest", "test")
def n_tavern(lines):
    """Round 98: pytest's rule 2 (failing test ids, first assertion line, the summary), plus every `Test '<stage>' failed:` line and each `- ` reason line under it; any EXIT= line."""
    out = list(dg.needles_pytest(lines))
    for i, ln in enumerate(lines):
        if re.search(r"Test '.+' failed:?", ln):
            out.append(ln)
            for nxt in lines[i + 1:i + 12]:
                body = re.sub(r"^E\s+", "", nxt).strip()
                if body.startswith("- "):
                    out.append(nxt)
                elif body and not body.startswith(("- ", "{", "}", '"')):
                    break
    return out + exit_lines(lines)


# ------------------------------------------------------------------ the ferrytix package, weak tests

FARES = '''"""Fares: the base fare by distance, discounts by age, surcharges."""

BASE = 2.5
PER_KM = 0.12
PEAK_SURCHARGE = 1.0
VEHICLE = {"car": 18.0, "van": 26.0, "bike": 3.0, "motorbike": 7.5}


def fare(age, distance_km, peak=False):
    base = BASE + PER_KM * distance_km
    if age < 12:
        base = base * 0.5
    elif age >= 65:  # bug: the senior discount starts at 66 in the tariff
        base = base * 0.7
    if peak:
        base += PEAK_SURCHARGE
    return round(base, 2)


def vehicle_fare(kind, length_m):
    price = VEHICLE[kind]
    if length_m > 5.0:
        price = price + (length_m - 5.0) * 4.0
    return round(price, 2)


def group_discount(n):
    if n >= 10:
        return 0.15
    if n >= 5:
        return 0.05
    return 0.0
'''

BERTHS = '''"""Berths and capacity."""


def capacity_left(booked, capacity):
    if booked > capacity:  # bug: overbooking by one is allowed
        return 0
    return capacity - booked


def deck_load(cars, vans, limit_t=420.0):
    load = cars * 1.4 + vans * 2.8
    return load <= limit_t


def berth_for(length_m):
    if length_m < 60:
        return "B"
    if length_m < 120:
        return "A"
    return "deep"
'''

TESTS = '''from ferrytix.fares import fare, group_discount
from ferrytix.berths import capacity_left


def test_adult_fare():
    assert fare(30, 10) == 3.7


def test_group_discount_big():
    assert group_discount(12) > 0


def test_capacity():
    assert capacity_left(3, 10) == 7
'''

CONFTEST = 'import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), "src"))\n'


def zone_module(rnd: random.Random, z: int) -> tuple[str, str]:
    """A fare zone's module (three functions worth 30+ mutants) and a weak test touching one of them."""
    a, b, c = rnd.randint(2, 9), round(rnd.uniform(0.05, 0.4), 2), rnd.randint(20, 90)
    harbour = rnd.choice(["Kirkwall", "Stromness", "Lerwick", "Oban", "Mallaig", "Ullapool", "Tarbert", "Brodick"])
    src = f'''"""Zone {z}: {harbour} crossings."""

HARBOUR = "{harbour}"


def zone{z}_price(km, night=False):
    price = {a} + {b} * km
    if km > {c}:
        price = price - (km - {c}) * {b / 2:.3f}
    if night and km < {c // 2}:
        price *= 1.25
    return round(price, 2)


def zone{z}_slots(first_h, last_h, every_min):
    slots = []
    for t in range(first_h * 60, last_h * 60 + 1, every_min):
        slots.append("%02d:%02d" % (t // 60, t % 60))
    return slots


def zone{z}_label(km):
    if km < {c // 3}:
        return HARBOUR + " short hop"
    return HARBOUR + " crossing " + str(int(km)) + " km"
'''
    test = f'''from ferrytix.zone_{z:02d} import zone{z}_price, zone{z}_slots


def test_zone{z}_price_positive():
    assert zone{z}_price(10) > 0


def test_zone{z}_slots_first():
    assert zone{z}_slots(6, 7, 30)[0] == "06:00"
'''
    return src, test


PYPROJECT = '''[project]
name = "ferrytix"
version = "0.3.0"
requires-python = ">=3.9"

[tool.mutmut]
source_paths = ["src/ferrytix/"]
pytest_add_cli_args = ["-q", "-p", "no:cacheprovider"]
'''


def make_ferrytix(root: Path, zones: int, seed: int, pyproject: str = PYPROJECT) -> None:
    rnd = random.Random(seed)
    files = {"pyproject.toml": pyproject, "conftest.py": CONFTEST, "src/ferrytix/__init__.py": "",
             "src/ferrytix/fares.py": FARES, "src/ferrytix/berths.py": BERTHS, "tests/test_core.py": TESTS}
    for z in range(1, zones + 1):
        src, test = zone_module(rnd, z)
        files[f"src/ferrytix/zone_{z:02d}.py"] = src
        files[f"tests/test_zone_{z:02d}.py"] = test
    write_tree(root, files)


def mutmut(tmp: Path) -> None:
    big = tmp / "ferrytix"
    make_ferrytix(big, 9, 9801)
    cap("mutmut-run-ferrytix", "mutmut run", big, n_mutmut_run, timeout=900)
    cap("mutmut-results", "mutmut results", big, n_mutmut_results)
    cap("mutmut-results-all", "mutmut results --all true", big, n_mutmut_results)
    cap("mutmut-results-zone-grep", "mutmut results | grep -E 'zone_0[1-4]'", big, n_mutmut_results)
    cap("mutmut-show-survivors-loop",
        "for m in $(mutmut results 2>/dev/null | grep survived | grep -E 'fares|berths' | head -n 12 | cut -d: -f1); "
        "do mutmut show $m; done", big, n_mutmut_show)
    cap("mutmut-show-zone07-chain",
        "mutmut show ferrytix.zone_07.x_zone7_price__mutmut_1 && mutmut show ferrytix.zone_07.x_zone7_slots__mutmut_5"
        " && mutmut show ferrytix.zone_07.x_zone7_label__mutmut_2", big, n_mutmut_show)
    # a small package with the deprecated configuration names, typed as agents type it
    small = tmp / "ferrytix-small"
    make_ferrytix(small, 2, 9802, PYPROJECT.replace("source_paths", "paths_to_mutate")
                  .replace('pytest_add_cli_args = ["-q", "-p", "no:cacheprovider"]', 'tests_dir = ["tests/"]'))
    cap("mutmut-run-small-tail", "mutmut run 2>&1 | tail -n 40; echo EXIT=$?", small, n_mutmut_run, timeout=600)
    cap("mutmut-results-small-exit", "mutmut results; echo EXIT=$?", small, n_mutmut_results)
    # a package whose own tests fail before any mutant: mutmut stops at the clean run
    broken = tmp / "ferrytix-broken"
    make_ferrytix(broken, 3, 9803)
    (broken / "tests" / "test_berths.py").write_text(
        "from ferrytix.berths import berth_for, capacity_left\n\n\ndef test_berth_long():\n"
        "    assert berth_for(130) == 'A'\n\n\ndef test_overbooked():\n    assert capacity_left(11, 10) == -1\n")
    cap("mutmut-run-clean-tests-fail", "mutmut run; echo EXIT=$?", broken, n_mutmut_run, timeout=300)


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
    root = tmp / "ferrytix-cr"
    make_ferrytix(root, 1, 9804)
    (root / "cr.toml").write_text(CR_TOML.format(path="src/ferrytix/berths.py", py=VENV / "bin" / "python"))
    # cosmic-ray runs the whole test command per mutant (about 2-4 s here under load): the operators that only
    # multiply the jobs (bitwise, power, floor division, identity tests) are filtered out before exec
    run("cosmic-ray init cr.toml berths.sqlite && cr-filter-operators berths.sqlite cr.toml"
        " && cosmic-ray exec cr.toml berths.sqlite", cwd=root, timeout=900)
    cap("cr-report-berths", "cr-report berths.sqlite", root, n_cr_report)
    cap("cr-report-show-diff-berths", "cr-report --show-diff berths.sqlite", root, n_cr_report)
    cap("cr-report-show-diff-tail-80", "cr-report --show-diff --show-output berths.sqlite 2>&1 | tail -n 80", root,
        n_cr_report)
    cap("cosmic-ray-dump-berths", "cosmic-ray dump berths.sqlite", root, n_cr_dump)


# ------------------------------------------------------------------ the booking API: schemathesis, tavern

API_HEAD = '''"""ferrytix's booking API, with bugs put in; {n} seeded route operations widen it."""
from typing import Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="ferrytix bookings", version="0.3.0")


class Booking(BaseModel):
    route: str = Field(min_length=3, max_length=12)
    seats: int = Field(ge=1, le=400)
    vehicle: Optional[str] = None


class BookingOut(BaseModel):
    id: int
    route: str
    seats: int
    fare: float


class Sailing(BaseModel):
    route: str
    depart: str
    capacity: int
    left: int


DB: dict = {{}}


@app.post("/bookings", response_model=BookingOut, status_code=201)
def create_booking(b: Booking):
    if b.vehicle and b.vehicle not in ("car", "van", "bike"):
        raise KeyError(b.vehicle)  # bug: an unknown vehicle is a 500, not a 422
    i = len(DB) + 1
    DB[i] = b
    return {{"id": i, "route": b.route, "seats": b.seats, "fare": 2.5 * b.seats}}


@app.get("/bookings/{{bid}}", response_model=BookingOut)
def get_booking(bid: int):
    if bid not in DB:
        raise HTTPException(404, "no such booking")  # bug: 404 is not documented
    b = DB[bid]
    return {{"id": bid, "route": b.route, "seats": b.seats, "fare": None}}  # bug: fare null against the schema


@app.delete("/bookings/{{bid}}", status_code=204)
def cancel_booking(bid: int):
    DB.pop(bid)  # bug: cancelling an unknown booking is a KeyError
    return None


@app.get("/sailings", response_model=list[Sailing])
def sailings(route: str, day: int = 1):
    return [{{"route": route, "depart": "%02d:00" % (6 + k), "capacity": 300, "left": 300 - 40 * k * day}}
            for k in range(4)]  # bug: "left" goes negative on later days, no check
'''


def api_source(n_routes: int, seed: int) -> str:
    """The API with `n_routes` seeded route operations (three each), one in four with a mistake put in."""
    rnd = random.Random(seed)
    ports = ["kirkwall", "stromness", "lerwick", "oban", "mallaig", "ullapool", "tarbert", "brodick", "craignure",
             "tobermory", "stornoway", "castlebay", "lochboisdale", "armadale", "colonsay", "islay"]
    body = [API_HEAD.format(n=n_routes)]
    for r in range(n_routes):
        port = f"{ports[r % len(ports)]}{r // len(ports) or ''}"
        bug = rnd.random() < 0.3
        body.append(f'''

@app.get("/routes/{port}/fare")
def fare_{r}(age: int = 30, km: float = 10.0):
    return {{"route": "{port}", "fare": round(2.5 + 0.12 * km{" / age" if bug else ""}, 2)}}


@app.get("/routes/{port}/timetable")
def timetable_{r}(day: int = 1, every: int = {rnd.choice([30, 45, 60, 90])}):
    return {{"route": "{port}", "sailings": [(6 * 60 + k * every) // 60 for k in range({rnd.randint(3, 9)} {"// every * 60" if rnd.random() < 0.25 else ""})]}}


@app.get("/routes/{port}/berth", response_model=Sailing)
def berth_{r}(length_m: float = 50.0):
    return {{"route": "{port}", "depart": "{rnd.randint(6, 20):02d}:00", "capacity": {rnd.randint(80, 400)},
            "left": {"int(length_m)" if rnd.random() < 0.3 else rnd.randint(0, 80)}{" , 'note': None" if False else ""}}}
''')
    return "".join(body)


def start_api(tmp: Path, name: str, n_routes: int, seed: int, port: int) -> None:
    d = tmp / name
    d.mkdir(parents=True, exist_ok=True)
    (d / "app.py").write_text(api_source(n_routes, seed))
    cm.start(f"{VENV}/bin/uvicorn app:app --host 127.0.0.1 --port {port} --log-level warning", cwd=d)
    for _ in range(40):
        if "openapi" in run(f"curl -s http://127.0.0.1:{port}/openapi.json | head -c 200", cwd=d):
            return
        time.sleep(0.5)


def schemathesis(tmp: Path) -> None:
    start_api(tmp, "api-big", 14, 9811, 18981)
    start_api(tmp, "api-small", 1, 9812, 18982)
    d = tmp / "api-big"
    cap("schemathesis-run-46-ops", "schemathesis run http://127.0.0.1:18981/openapi.json --max-examples 25 --seed 98",
        d, n_schemathesis, timeout=900)
    cap("schemathesis-run-tail-80", "st run http://127.0.0.1:18981/openapi.json --max-examples 10 --seed 981 "
        "--include-path-regex '/routes/(oban|lerwick|islay)' 2>&1 | tail -n 80", d, n_schemathesis, timeout=600)
    cap("schemathesis-run-small-exit", "schemathesis run http://127.0.0.1:18982/openapi.json --max-examples 40 "
        "--seed 982; echo EXIT=$?", tmp / "api-small", n_schemathesis, timeout=600)
    cap("schemathesis-run-bookings-checks",
        "schemathesis run http://127.0.0.1:18982/openapi.json --include-path-regex '^/bookings' "
        "--checks not_a_server_error,response_schema_conformance --max-examples 30 --seed 983 2>&1 | head -n 120",
        tmp / "api-small", n_schemathesis, timeout=600)
    cap("schemathesis-run-get-only-workers", "schemathesis run http://127.0.0.1:18981/openapi.json --include-method GET "
        "--max-examples 15 --seed 984 -w 2", d, n_schemathesis, timeout=900)


TAVERN_TESTS = {
    "test_bookings.tavern.yaml": '''test_name: book then fetch a booking
stages:
  - name: create booking
    request:
      url: http://127.0.0.1:18982/bookings
      method: POST
      json: {route: oban, seats: 2}
    response:
      status_code: 201
      save:
        json:
          bid: id
  - name: fetch booking
    request:
      url: "http://127.0.0.1:18982/bookings/{bid}"
      method: GET
    response:
      status_code: 200
      json: {id: !int "{bid}", route: oban, seats: 2, fare: 5.0}
---
test_name: unknown vehicle is rejected
stages:
  - name: book with a hovercraft
    request:
      url: http://127.0.0.1:18982/bookings
      method: POST
      json: {route: oban, seats: 1, vehicle: hovercraft}
    response:
      status_code: 422
---
test_name: cancel an unknown booking
stages:
  - name: cancel 9999
    request:
      url: http://127.0.0.1:18982/bookings/9999
      method: DELETE
    response:
      status_code: 404
---
test_name: sailings list
stages:
  - name: sailings on day 1
    request:
      url: http://127.0.0.1:18982/sailings?route=oban
      method: GET
    response:
      status_code: 200
''',
    "test_routes.tavern.yaml": '''test_name: kirkwall fare for an adult
stages:
  - name: fare 10 km
    request:
      url: http://127.0.0.1:18982/routes/kirkwall/fare?km=10
      method: GET
    response:
      status_code: 200
      json: {route: kirkwall, fare: 3.70}
---
test_name: kirkwall berth for a long ship
stages:
  - name: berth 130 m
    request:
      url: http://127.0.0.1:18982/routes/kirkwall/berth?length_m=130
      method: GET
    response:
      status_code: 200
      json: {route: kirkwall, depart: "07:00"}
---
test_name: kirkwall timetable
stages:
  - name: timetable day 2
    request:
      url: http://127.0.0.1:18982/routes/kirkwall/timetable?day=2
      method: GET
    response:
      status_code: 200
''',
}


def tavern(tmp: Path) -> None:
    d = tmp / "tavern"
    write_tree(d, TAVERN_TESTS)
    (d / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    py = f"{TAV}/bin/python"
    cap("tavern-pytest-q", f"{py} -m pytest -q", d, n_tavern, typed="python -m pytest -q")
    cap("tavern-pytest-v-tail", f"{py} -m pytest -v test_bookings.tavern.yaml 2>&1 | tail -n 80; echo EXIT=$?", d,
        n_tavern, typed="python -m pytest -v test_bookings.tavern.yaml 2>&1 | tail -n 80; echo EXIT=$?")


STEPS = [mutmut, cosmic_ray, schemathesis, tavern]
