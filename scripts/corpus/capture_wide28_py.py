"""Round 28, the Python tools new to the corpus: green, ward, zope.testrunner, pytest-bdd and subunit on a small
'tollgate' package written here with bugs put in (toll-road billing); pyflakes, flake8-bugbear, pylama, pydoclint,
slotscheck, autoflake, docformatter, pyupgrade, dmypy over it, widened by seeded generated modules, and over the
boltons, tabulate and schedule sdists; pyroma and poetry check; docutils, csvkit, a Parquet schema and sqlite-utils
listings; hypercorn, waitress and huey logs with tracebacks; locust --headless against a loopback server. Rules:
NEEDLES.md (rules 1-5, and "Round 28" for the kind values). Run through capture_wide28.py."""

from __future__ import annotations

import os
import random
import re
import signal
import time
from pathlib import Path

from capture_data import python_exceptions, rule4
from capture_more import named, next_match, run, start, write_tree
from capture_wide24 import diag, table, tests
from capture_wide28 import VENV, add, cap

PY = str(VENV / "bin" / "python")
NOCACHE = {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": "."}
BOLTONS, TABULATE, SCHEDULE = "boltons-24.0.0", "tabulate-0.9.0", "schedule-1.2.2"

CORE = '''"""Toll plazas, vehicles and the fares they pay."""
from __future__ import annotations

from dataclasses import dataclass, field

CLASSES = {"car": 1.0, "van": 1.5, "truck": 3.0, "bus": 2.0, "moto": 0.5}


@dataclass
class Plaza:
    code: str
    km: int
    base: float = 1.20

    def fare(self, other: "Plaza", vclass: str) -> float:
        dist = abs(self.km - other.km)
        # slip: the class multiplier is looked up with the wrong default
        return round(self.base + dist * 0.07 * CLASSES.get(vclass, 0), 2)


@dataclass
class Trip:
    plate: str
    vclass: str
    entry: str
    exit: str | None = None
    stamps: list = field(default_factory=list)

    def close(self, exit_code: str) -> None:
        if self.exit is not None:
            raise ValueError(f"trip of {self.plate} already closed at {self.exit}")
        self.exit = exit_code


class Road:
    def __init__(self, plazas):
        self.plazas = {p.code: p for p in plazas}

    def charge(self, trip: Trip) -> float:
        a, b = self.plazas[trip.entry], self.plazas[trip.exit]
        fare = a.fare(b, trip.vclass)
        if trip.vclass == "bus" and fare > 9:
            fare = 9  # capped for buses
        return fare

    def monthly(self, trips) -> dict:
        out = {}
        for t in trips:
            out[t.plate] = out.get(t.plate, 0) + self.charge(t)
        # slip: rounds down instead of to the cent
        return {k: int(v * 100) / 100 for k, v in out.items()}
'''


def road_plazas() -> str:
    return "[" + ", ".join(f"Plaza('P{i:02d}', {i * 11 + (i % 3)})" for i in range(1, 31)) + "]"


def gen_module(i: int, rng: random.Random) -> str:
    """A generated helper module with the smells the linters look for (unused imports, mutable defaults, bare
    except, getattr with a constant, loop variables unused, old-style formatting, docstrings that disagree)."""
    parts = ['"""Generated helpers for toll zone %d."""\n' % i, "import os\nimport sys\nimport json\n"
             "from typing import Dict, List, Optional\n\n"]
    for j in range(rng.randint(4, 8)):
        pick = rng.randrange(8)
        name = f"zone{i}_f{j}"
        if pick == 0:
            parts.append(f"def {name}(plates, seen=[]):\n    for p in plates:\n        seen.append(p)\n    return seen\n\n")
        elif pick == 1:
            parts.append(f"def {name}(path):\n    try:\n        return open(path).read()\n    except:\n        return None\n\n")
        elif pick == 2:
            parts.append(f"def {name}(trip):\n    return getattr(trip, 'plate')\n\n")
        elif pick == 3:
            parts.append(f"def {name}(rows):\n    total = 0\n    for k in range(len(rows)):\n        total += 1\n"
                         f"    return 'zone %s: %d rows' % ({i}, total)\n\n")
        elif pick == 4:
            parts.append(f"def {name}(a: int, b: int) -> int:\n    \"\"\"Add two fares.\n\n    Args:\n        a: first.\n"
                         f"        c: second.\n\n    Returns:\n        The sum.\n    \"\"\"\n    return a + b\n\n")
        elif pick == 5:
            parts.append(f"class Zone{i}Cache{j}(object):\n    def __init__(self):\n        super(Zone{i}Cache{j}, self).__init__()\n"
                         f"        self.keys = set([1, 2, 3])\n\n    def get(self, k):\n        assert False, 'unreachable'\n\n")
        elif pick == 6:
            parts.append(f"def {name}(x):\n    '''   returns the zone fare   '''\n    unused = x * 2\n    return x\n\n")
        else:
            parts.append(f"def {name}(d: Dict[str, int]) -> Optional[List[int]]:\n    return [undefined_{j} for v in d.values()]\n\n")
    return "".join(parts)


SLOTS = '''"""Records with __slots__ (slotscheck checks them)."""


class Base:
    __slots__ = ("plate",)


class Stamp(Base):
    __slots__ = ("plate", "at")  # overlaps the base's slot


class Loose:
    pass


class Tight(Loose):
    __slots__ = ("x",)  # a slotted class under a class without slots


class Twice:
    __slots__ = ("a", "a")
'''

def gen_slots(rng: random.Random) -> str:
    """More slotted records, a seeded share of them with the three slot mistakes."""
    out = []
    for i in range(24):
        r = rng.random()
        out.append(f"\n\nclass Rec{i}Base:\n    __slots__ = (\"plate\", \"lane\")\n")
        if r < 0.3:
            out.append(f"\n\nclass Rec{i}(Rec{i}Base):\n    __slots__ = (\"lane\", \"fare{i}\")\n")
        elif r < 0.5:
            out.append(f"\n\nclass Rec{i}Loose:\n    pass\n\n\nclass Rec{i}(Rec{i}Loose):\n    __slots__ = (\"fare\",)\n")
        elif r < 0.6:
            out.append(f"\n\nclass Rec{i}(Rec{i}Base):\n    __slots__ = (\"fare\", \"fare\")\n")
        else:
            out.append(f"\n\nclass Rec{i}(Rec{i}Base):\n    __slots__ = (\"fare\",)\n")
    return "".join(out)


UNIT_TESTS = '''import unittest

from tollgate.core import Plaza, Road, Trip
from tollgate import PLAZAS


class FareTests(unittest.TestCase):
    def setUp(self):
        self.road = Road(PLAZAS)

    def test_plaza_count(self):
        self.assertEqual(len(self.road.plazas), 30)

    def test_close_twice(self):
        t = Trip("AB-123", "car", "P01")
        t.close("P02")
        with self.assertRaises(ValueError):
            t.close("P03")

    def test_unknown_class_pays_like_car(self):
        t = Trip("ZZ-1", "tractor", "P01", "P05")
        self.assertEqual(self.road.charge(t), self.road.charge(Trip("ZZ-2", "car", "P01", "P05")))

    def test_monthly_rounds_to_cent(self):
        trips = [Trip("Q-9", "van", "P01", "P0%d" % k) for k in range(2, 9)]
        total = sum(self.road.charge(t) for t in trips)
        self.assertEqual(self.road.monthly(trips)["Q-9"], round(total, 2))

'''


def gen_unit_cases(rng: random.Random) -> str:
    out = []
    for i in range(1, 31):
        for vclass in ("car", "van", "truck", "bus"):
            a, b = 1, i
            km = abs((a * 11 + a % 3) - (b * 11 + b % 3))
            want = round(1.20 + km * 0.07 * {"car": 1.0, "van": 1.5, "truck": 3.0, "bus": 2.0}[vclass], 2)
            if vclass == "bus" and want > 9:
                want = 9
            if rng.random() < 0.06:
                want = round(want + 0.1, 2)  # an expectation written against last year's tariff
            out.append(f"    def test_fare_{vclass}_p01_p{i:02d}(self):\n        self.assertAlmostEqual(self.road.charge("
                       f"Trip('T', '{vclass}', 'P01', 'P{i:02d}')), {want}, places=2)\n")
    return "\n".join(out)


WARD_TESTS = '''from ward import test, fixture

from tollgate import PLAZAS
from tollgate.core import Road, Trip


@fixture
def road():
    return Road(PLAZAS)

'''


def gen_ward(rng: random.Random) -> str:
    out = []
    for i in range(2, 40):
        p = (i % 30) + 1
        want = "car" if rng.random() > 0.08 else "lorry"
        out.append(f"@test('trip {i} from P01 to P{p:02d} is charged')\ndef _(r=road):\n    t = Trip('W{i}', '{want}', 'P01', "
                   f"'P{p:02d}')\n    assert r.charge(t) > 1.2\n\n")
    out.append("@test('a bus fare is capped at 9')\ndef _(r=road):\n    assert r.charge(Trip('B', 'bus', 'P01', 'P30')) == 9.0\n\n")
    out.append("@test('a trip closed twice raises')\ndef _():\n    t = Trip('X', 'car', 'P01')\n    t.close('P02')\n"
               "    t.close('P03')\n\n")
    return "".join(out)


FEATURE = '''Feature: Billing trips on the toll road
  Scenario Outline: A trip is charged by distance and class
    Given the road with thirty plazas
    When a <vclass> drives from <a> to <b>
    Then the fare is <fare>

    Examples:
      | vclass | a   | b   | fare |
%s

  Scenario: A monthly statement rounds to the cent
    Given the road with thirty plazas
    When a van makes seven trips from P01
    Then the statement for the van is the rounded sum
'''

BDD_STEPS = '''from pytest_bdd import given, parsers, scenarios, then, when

from tollgate import PLAZAS
from tollgate.core import Road, Trip

scenarios("billing.feature")


@given("the road with thirty plazas", target_fixture="road")
def road():
    return Road(PLAZAS)


@when(parsers.parse("a {vclass} drives from {a} to {b}"), target_fixture="charged")
def drive(road, vclass, a, b):
    return road.charge(Trip("BDD", vclass, a, b))


@then(parsers.parse("the fare is {fare:f}"))
def fare_is(charged, fare):
    assert abs(charged - fare) < 0.005, f"charged {charged}, the tariff says {fare}"


@when("a van makes seven trips from P01", target_fixture="trips")
def seven(road):
    return [Trip("V-7", "van", "P01", "P0%d" % k) for k in range(2, 9)]


@then("the statement for the van is the rounded sum")
def statement(road, trips):
    total = sum(road.charge(t) for t in trips)
    assert road.monthly(trips)["V-7"] == round(total, 2), f"statement {road.monthly(trips)['V-7']} != {round(total, 2)}"
'''


def project(tmp: Path, n_gen: int = 30, seed: int = 28) -> Path:
    root = tmp / "tollgate"
    if root.exists():
        return root
    rng = random.Random(seed)
    files = {"tollgate/__init__.py": f'"""Toll-road billing."""\nfrom tollgate.core import Plaza\n\nPLAZAS = {road_plazas()}\n',
             "tollgate/core.py": CORE, "tollgate/records.py": SLOTS + gen_slots(rng),
             "tests/__init__.py": "", "tests/test_fares.py": UNIT_TESTS + gen_unit_cases(rng),
             "wardtests/test_ward.py": WARD_TESTS + gen_ward(rng)}
    for i in range(n_gen):
        files[f"tollgate/zones/zone{i:02d}.py"] = gen_module(i, rng)
    files["tollgate/zones/__init__.py"] = ""
    rows = []
    for i in range(1, 31):
        for vclass in ("car", "truck"):
            km = abs(12 - (i * 11 + i % 3))
            fare = round(1.20 + km * 0.07 * {"car": 1.0, "truck": 3.0}[vclass], 2)
            if rng.random() < 0.07:
                fare = round(fare * 1.1, 2)  # last year's tariff sheet
            rows.append(f"      | {vclass} | P01 | P{i:02d} | {fare} |")
    files["bdd/billing.feature"] = FEATURE % "\n".join(rows)
    files["bdd/test_billing.py"] = BDD_STEPS
    files["pyproject.toml"] = ('[tool.poetry]\nname = "tollgate"\nversion = "0.1"\ndescription = ""\nauthors = []\n'
                               'license = "Propietary"\nreadme = "README.md"\n\n[tool.poetry.dependencies]\npython = "^3.9"\n'
                               'requests = "*"\nattrs = ">=21,<20"\n\n[tool.poetry.group.dev.dependencies]\npytest = "^8"\n\n'
                               '[build-system]\nrequires = ["poetry-core"]\nbuild-backend = "poetry.core.masonry.api"\n')
    write_tree(root, files)
    return root


# ------------------------------------------------------------------ test runners

N_GREEN = tests(
    "green", "green -vvv: each 'Failure in' / 'Error in' test header, its first exception line, the Ran / FAILED "
    "summary lines; rule 2 (NEEDLES.md, Round 28).",
    r"^(Failure|Error) in ", r"^\w*(Error|Exception)\b", r"^Ran \d+ tests? in|^FAILED \(|^OK \(",
    ahead=20)
N_WARD = tests(
    "ward", "ward: each FAIL test line, the first 'assert' / exception line of its failure, the closing "
    "'N tests ... FAILED/PASSED' summary; rule 2 (NEEDLES.md, Round 28).",
    r"^\s*FAIL\s", None, r"^\s*[─-]*\s*\d+ tests? |FAILED in|PASSED in|^\s*(FAILED|PASSED)\b.*\d+ (fail|pass)",
    err=r"^\s*Failed at |^\s*(\w+Error|Exception):")
N_ZOPE = tests(
    "zope-testrunner", "zope-testrunner: each 'Failure in test' / 'Error in test' header, its first exception line, "
    "the Ran / Total summary lines; rule 2 (NEEDLES.md, Round 28).",
    r"^(Failure|Error) in test ", r"^\w*(Error|Exception)\b", r"^\s*Ran \d+ tests|^Total: |^Tests with (failures|errors):",
    ahead=20)
N_PYTEST_BDD = tests(
    "pytest-bdd", "pytest with pytest-bdd scenarios: each FAILED line of the short summary, the first 'E ' line of each "
    "failure, the closing counts line; rule 2 (NEEDLES.md, Round 28).",
    r"^FAILED |^_{3,} test_\S+ _{3,}$", r"^E\s+\S", r"^=+ .*\d+ (failed|passed|error).* =+$", ahead=40)
N_SUBUNIT = tests(
    "subunit2pyunit", "python -m subunit.run | subunit2pyunit: each 'FAIL:' / 'ERROR:' header, its first exception "
    "line, the Ran / FAILED summary lines; rule 2 (NEEDLES.md, Round 28).",
    r"^(FAIL|ERROR): ", r"^\w*(Error|Exception)\b", r"^Ran \d+ tests?|^FAILED \(|^OK\b", ahead=25)


def runners(tmp: Path) -> None:
    root = project(tmp)
    cap("green-vvv-tollgate", "green -vvv tests 2>&1", root, N_GREEN, env=NOCACHE)
    cap("ward-tollgate", "ward --path wardtests 2>&1", root, N_WARD, env=NOCACHE)
    cap("zope-testrunner-tollgate", "zope-testrunner --test-path=. -s tests -vv 2>&1", root, N_ZOPE, env=NOCACHE)
    cap("pytest-bdd-tollgate", "pytest -p no:pylama bdd -p no:cacheprovider -rf --gherkin-terminal-reporter -v 2>&1", root,
        N_PYTEST_BDD, env=NOCACHE)
    cap("subunit-tollgate", "python -m subunit.run tests.test_fares | subunit2pyunit 2>&1", root, N_SUBUNIT,
        env=NOCACHE)


# ------------------------------------------------------------------ linters

def _nolevel(name: str, doc: str, pat: str, key: str, err: str | None = None, summary: str | None = None):
    return diag(name, "lint", doc, err=err, warn=pat, wkey=key, summary=summary)


N_PYFLAKES = _nolevel(
    "pyflakes", "pyflakes: findings carry no level: one {\"any\"} per (message shape, file); syntax errors their own "
    "needle; rule 1 (NEEDLES.md, Round 28).", r"^\S+?:\d+:\d+:? ", r"^(\S+?):\d+:\d+:? (\S+ \S+)",
    err=r"invalid syntax|SyntaxError")
N_BUGBEAR = _nolevel(
    "flake8-bugbear", "flake8 with flake8-bugbear: one {\"any\"} per (code, file); the --count total; rules 1,3 "
    "(NEEDLES.md, Round 28).", r"^\S+?:\d+:\d+: [A-Z]\d+ ", r"^(\S+?):\d+:\d+: ([A-Z]\d+)", summary=r"^\d+$")
N_PYLAMA = _nolevel(
    "pylama", "pylama: one {\"any\"} per (code, file); rule 1 (NEEDLES.md, Round 28).",
    r"^\S+?:\d+:\d+ ", r"^(\S+?):\d+:\d+ ([A-Z]\d+|\w+)")
N_PYDOCLINT = _nolevel(
    "pydoclint", "pydoclint: one {\"any\"} per (DOCnnn code, file); rule 1 (NEEDLES.md, Round 28).",
    r"^\s+\d+: DOC\d+", r"(DOC\d+)", summary=r"^\S+\.py$")
N_SLOTSCHECK = diag(
    "slotscheck", "lint", "slotscheck: every ERROR line (each names a class and its slot problem), the closing "
    "'Oh no, found some problems!' / 'All OK!' verdict and its count lines; rules 1,3 (NEEDLES.md, Round 28).",
    err=r"^ERROR: ", summary=r"^Oh no|^All OK|^Scanned ")
N_AUTOFLAKE = _nolevel(
    "autoflake-check", "autoflake --check: one {\"any\"} per file named as needing changes; rule 1 (NEEDLES.md, "
    "Round 28).", r": Unused imports/variables detected|^--- original/", r"^(?:--- original/)?(\S+?):? ")
N_DOCFORMATTER = _nolevel(
    "docformatter-check", "docformatter --check --diff: one {\"any\"} per file header (each names a file not "
    "formatted); every hunk header; rule 1 (NEEDLES.md, Round 28).", r"^--- before/", r"^--- before/(\S+)",
    summary=r"^@@ ")
N_PYUPGRADE = _nolevel(
    "pyupgrade", "pyupgrade: one {\"any\"} per 'Rewriting' file line; rule 1 (NEEDLES.md, Round 28).",
    r"^Rewriting ", r"^Rewriting (\S+)")
N_DMYPY = diag(
    "dmypy", "lint", "dmypy run: every 'error:' line; note lines one {\"any\"} per (message shape, file); the "
    "'Found N errors' / 'Success' summary; rules 1,3 (NEEDLES.md, Round 28).",
    err=r": error: ", warn=r": note: ", summary=r"^Found \d+ errors?|^Success:|^Daemon (started|stopped)")
N_PYROMA = diag(
    "pyroma", "pkg", "pyroma: the package name line, every problem line, the Final rating line; rule 5 (NEEDLES.md, "
    "Round 28).", values=r"^Found |^Name: |^Your package |^Your |^The |^You |^Final rating:|^Specifying ",
    summary=r"^Final rating:")
N_POETRY_CHECK = diag(
    "poetry-check", "pkg", "poetry check: every Error: / Warning: line and the verdict line; rules 1,3 (NEEDLES.md, "
    "Round 28).", err=r"^Error: ", warn=r"^Warning: ", summary=r"^All set!|^Error:")


N_POETRY_LOCK = diag(
    "poetry-lock", "pkg", "poetry lock -vv: the SolverProblemError line, every 'Because ...' line and the one ending "
    "'version solving failed.', every 'conflict:' line of the trace; rule 1 (NEEDLES.md, Round 28).",
    err=r"SolverProblemError|^\s*Because |version solving failed\.|^\s*\d+: conflict: ")

POETRY_CONFLICT = ('[tool.poetry]\nname = "tollgate"\nversion = "0.1"\ndescription = ""\nauthors = []\n\n'
                   '[tool.poetry.dependencies]\npython = "^3.9"\nrequests = ">=2.30"\nurllib3 = "<1.21"\n'
                   'attrs = ">=23"\n\n[build-system]\nrequires = ["poetry-core"]\n'
                   'build-backend = "poetry.core.masonry.api"\n')


def poetry_lock(tmp: Path) -> None:
    """poetry lock against PyPI on a manifest whose pins conflict (urllib3 below what every requests asks)."""
    d = tmp / "tollgate-lock"
    write_tree(d, {"pyproject.toml": POETRY_CONFLICT})
    cap("poetry-lock-vv-conflict", "poetry lock --no-interaction -vv 2>&1", d, N_POETRY_LOCK, timeout=300,
        env={"PIP_CONFIG_FILE": os.devnull, "POETRY_VIRTUALENVS_IN_PROJECT": "true",
             "POETRY_CACHE_DIR": str(tmp / "poetry-cache")})


def linters(tmp: Path) -> None:
    root = project(tmp)
    cap("pyflakes-tollgate-boltons", f"pyflakes tollgate ../{BOLTONS}/boltons 2>&1", root, N_PYFLAKES)
    cap("flake8-bugbear-tollgate", "flake8 --select=B,E722,F --count tollgate 2>&1", root, N_BUGBEAR)
    cap("pylama-schedule-tabulate", f"pylama {SCHEDULE}/schedule {TABULATE}/tabulate {BOLTONS}/boltons 2>&1", tmp, N_PYLAMA)
    cap("pydoclint-tollgate-boltons", f"pydoclint --style=google tollgate ../{BOLTONS}/boltons/iterutils.py 2>&1",
        root, N_PYDOCLINT)
    cap("slotscheck-tollgate", "slotscheck -v -m tollgate.records 2>&1", root, N_SLOTSCHECK, env=NOCACHE)
    cap("autoflake-check-tollgate", f"autoflake --check -r tollgate ../{BOLTONS}/boltons ../{TABULATE}/tabulate "
        f"../{SCHEDULE}/schedule 2>&1", root, N_AUTOFLAKE)
    cap("docformatter-check-tollgate", f"docformatter --check --diff -r tollgate ../{SCHEDULE}/schedule 2>&1",
        root, N_DOCFORMATTER)
    files = " ".join(str(p.relative_to(tmp)) for d in ("tollgate/tollgate/zones", f"{TABULATE}/tabulate",
                     f"{SCHEDULE}/schedule", f"{BOLTONS}/boltons") for p in sorted((tmp / d).glob("*.py")))
    cap("pyupgrade-tollgate-sdists", f"pyupgrade --py311-plus {files} 2>&1", tmp, N_PYUPGRADE,
        typed="pyupgrade --py311-plus tollgate/tollgate/zones/*.py tabulate-0.9.0/tabulate/*.py "
        "schedule-1.2.2/schedule/*.py boltons-24.0.0/boltons/*.py")
    cap("dmypy-run-tollgate", "dmypy run -- --strict tollgate 2>&1; dmypy stop >/dev/null 2>&1", root, N_DMYPY,
        typed="dmypy run -- --strict tollgate")
    cap("pyroma-tabulate", f"pyroma {TABULATE} 2>&1", tmp, N_PYROMA)
    cap("poetry-check-tollgate", "poetry check 2>&1", root, N_POETRY_CHECK)


# ------------------------------------------------------------------ docs and data

N_DOCUTILS = diag(
    "docutils-rst2html", "doc", "rst2html: every (ERROR/3) and (SEVERE/4) line; (WARNING/2) and (INFO/1) one "
    "{\"any\"} per (level, file); rule 1 (NEEDLES.md, Round 28).",
    err=r"\((ERROR|SEVERE)/\d\)", warn=r"\((WARNING|INFO)/\d\)", wkey=r"^(\S+?):\d+: \((\w+)/")


def gen_rst(rng: random.Random, n: int) -> str:
    out = ["Tollgate manual\n===============\n\n"]
    for i in range(n):
        out.append(f"Section {i}\n" + "-" * (10 if i % 5 else 4) + "\n\n")
        out.append(f"Plaza P{i:02d} charges by `distance`_ and :ref:`class-{i}`.\n\n")
        if rng.random() < 0.3:
            out.append(f".. note::\n   Unclosed *emphasis in plaza {i}\n\n")
        if rng.random() < 0.2:
            out.append(f".. figure:: missing{i}.png\n   :widht: 40\n\n")
        if rng.random() < 0.15:
            out.append("+-----+-----+\n| a   | b   |\n+-----+\n\n")
        if rng.random() < 0.2:
            out.append(f"See the `zone {i} <>`_ page and `footnote [#f{i}]_.\n\n")
    out.append(".. _distance:\n\nDistance\n--------\n\n.. _distance:\n\nText.\n")
    return "".join(out)


N_CSVCLEAN = diag(
    "csvclean", "table", "csvclean: every line naming a bad row (line number, expected vs actual columns) and the "
    "closing count; rules 1,3 (NEEDLES.md, Round 28).", err=r"[Ll]ine \d+|Expected \d+ columns", summary=r"errors?|rows")
N_CSVCUT_N = diag(
    "csvcut-n", "table", "csvcut -n: every numbered column line (the answer to 'which columns'); rule 5 (NEEDLES.md, "
    "Round 28).", values=r"^\s*\d+: ")


def csvsql_types(lines: list[str]) -> list:
    """csvsql: the CREATE TABLE line and every column line whose type is not the table's most common type (rule 4)."""
    out = [ln for ln in lines if ln.startswith("CREATE TABLE")]
    cols = [(ln, m.group(1)) for ln in lines if (m := re.match(r'^\s+"?\w+"? ([A-Z]+)', ln))]
    if cols:
        types = [t for _, t in cols]
        common = max(set(types), key=types.count)
        out += [ln for ln, t in cols if t != common]
    return out


N_CSVSQL = named("csvsql", "table", csvsql_types.__doc__.splitlines()[0], csvsql_types)


def parquet_fields(lines: list[str]) -> list:
    """Parquet schema print: every field line (name: type) and the num_rows / num_row_groups / created_by lines."""
    return [ln for ln in lines if re.match(r"^\w+: \S", ln) or re.search(r"num_rows|num_row_groups|created_by", ln)]


N_PARQUET = named("parquet-schema", "table", parquet_fields.__doc__.splitlines()[0], parquet_fields)
N_SU_TABLES = table(
    "sqlite-utils-tables", "table", "sqlite-utils tables --counts --table: rule 4 (header; the extremes of count) "
    "(NEEDLES.md, Round 28).", r"^table\s+count", ["table", "count"], nums=["count"], row=r"^\w+\s+\d+")
N_SU_SCHEMA = diag(
    "sqlite-utils-schema", "table", "sqlite-utils schema: every CREATE TABLE / CREATE INDEX line; rule 5 (NEEDLES.md, "
    "Round 28).", values=r"^CREATE (TABLE|INDEX|UNIQUE INDEX|VIEW)")

PARQUET_SCRIPT = '''import random, pyarrow as pa, pyarrow.parquet as pq
rng = random.Random(28)
n = 5000
cols = {"plate": [f"AB-{rng.randrange(10**4):04d}" for _ in range(n)], "vclass": [rng.choice(["car", "van", "truck", "bus"]) for _ in range(n)],
        "entry": [f"P{rng.randrange(1, 31):02d}" for _ in range(n)], "fare": [round(rng.random() * 9, 2) for _ in range(n)],
        "ts": pa.array([1_700_000_000_000 + i * 60_000 for i in range(n)], pa.timestamp("ms"))}
extra = {f"sensor_{k}_reading": [rng.random() for _ in range(n)] for k in range(40)}
t = pa.table({**cols, **extra, "tags": [[rng.choice("abc")] for _ in range(n)],
              "meta": [{"lane": rng.randrange(8), "ok": rng.random() > .1} for _ in range(n)]})
pq.write_table(t, "trips.parquet", row_group_size=1000)
'''


def _cell(col: str, i: int, rng: random.Random) -> str:
    """A value typed by the column's suffix; a few columns carry a stray value that changes their type."""
    kind = col.rsplit("_", 1)[1]
    if i == 117 and col in ("fare_amount", "booth_time", "lane_flag"):
        return "n/a"
    return {"code": f"C{rng.randrange(99)}", "time": f"2026-11-{rng.randrange(1, 29):02d}",
            "amount": f"{rng.random() * 90:.2f}", "status": rng.choice(["true", "false"]),
            "flag": str(rng.randrange(9)), "note": rng.choice(["ok", "late", "manual"])}[kind]


def docs_data(tmp: Path) -> None:
    root = project(tmp)
    rng = random.Random(2828)
    (root / "manual.rst").write_text(gen_rst(rng, 70))
    cap("rst2html-manual", "rst2html manual.rst /dev/null 2>&1", root, N_DOCUTILS)
    d = tmp / "data"
    d.mkdir(exist_ok=True)
    lines = ["plate,vclass,entry,exit,fare,paid_at,lane,operator,card_last4,notes"]
    for i in range(1, 900):
        row = [f"AB-{i:04d}", rng.choice(["car", "car", "van", "truck"]), f"P{rng.randrange(1, 31):02d}",
               f"P{rng.randrange(1, 31):02d}", f"{rng.random() * 9:.2f}", f"2026-11-{rng.randrange(1, 29):02d}",
               str(rng.randrange(1, 9)), rng.choice(["north", "south"]), f"{rng.randrange(10**4):04d}", ""]
        if i % 37 == 0:
            row = row[:6]
        elif i % 53 == 0:
            row += ["extra", "fields"]
        lines.append(",".join(row))
    (d / "trips.csv").write_text("\n".join(lines) + "\n")
    cap("csvclean-trips", "csvclean --length-mismatch --empty-columns trips.csv 2>&1 >clean.csv", d, N_CSVCLEAN)
    wide = ["id"] + [f"{a}_{b}" for a in ("entry", "exit", "fare", "tax", "lane", "sensor", "camera", "booth")
                     for b in ("code", "time", "amount", "status", "flag", "note")]
    (d / "wide.csv").write_text(",".join(wide) + "\n" + "\n".join(
        ",".join([str(i)] + [_cell(c, i, rng) for c in wide[1:]]) for i in range(200)) + "\n")
    cap("csvcut-n-wide", "csvcut -n wide.csv 2>&1", d, N_CSVCUT_N)
    cap("csvsql-wide", "csvsql -i sqlite wide.csv 2>&1", d, N_CSVSQL)
    (d / "mk.py").write_text(PARQUET_SCRIPT)
    run(f"{PY} mk.py", cwd=d, timeout=120)
    cap("parquet-schema-trips", f"{PY} -c \"import pyarrow.parquet as pq; f = pq.ParquetFile('trips.parquet'); "
        f"print(f.metadata); print(f.schema_arrow)\" 2>&1", d, N_PARQUET,
        typed="python -c \"import pyarrow.parquet as pq; f = pq.ParquetFile('trips.parquet'); print(f.metadata); "
        "print(f.schema_arrow)\"")
    db = "toll.db"
    for t in range(60):
        nrows = rng.randrange(0, 400) if t != 7 else 25000
        (d / "rows.json").write_text("[" + ",".join(f'{{"id":{k},"plate":"AB-{k:04d}","fare":{k % 9}}}'
                                                     for k in range(nrows)) + "]")
        if nrows:
            run(f"sqlite-utils insert {db} {['trips', 'plazas', 'audit', 'refunds', 'cards'][t % 5]}_{t:02d} rows.json "
                f"--pk id", cwd=d)
        else:
            run(f"sqlite-utils create-table {db} empty_{t:02d} id integer plate text --pk id", cwd=d)
        if t % 4 == 0:
            run(f"sqlite-utils create-index {db} {['trips', 'plazas', 'audit', 'refunds', 'cards'][t % 5]}_{t:02d} "
                f"plate 2>/dev/null", cwd=d)
    cap("sqlite-utils-tables-toll", f"sqlite-utils tables {db} --counts --table 2>&1", d, N_SU_TABLES)
    cap("sqlite-utils-schema-toll", f"sqlite-utils schema {db} 2>&1", d, N_SU_SCHEMA)


# ------------------------------------------------------------------ servers, workers, load

def server_log(lines: list[str]) -> list:
    """ERROR/CRITICAL/Exception lines, each traceback's exception and innermost File line, WARNING lines one
    {"any"} per message shape, the listening / workers start-up line (NEEDLES.md, Round 28)."""
    from capture_data import warning_groups
    out = [ln for ln in lines if re.search(r"\b(ERROR|CRITICAL)\b|Exception (in|while)|Running on|Serving on|"
                                           r"Listening at|Huey consumer started|workers?:", ln)]
    return out + python_exceptions(lines) + warning_groups(lines)


N_HYPERCORN = named("hypercorn-log", "log", server_log.__doc__.splitlines()[0], server_log)
N_WAITRESS = named("waitress-log", "log", server_log.__doc__.splitlines()[0], server_log)
N_HUEY = named("huey-consumer-log", "log", server_log.__doc__.splitlines()[0], server_log)

ASGI_APP = '''import json, logging
log = logging.getLogger("tollgate.api")


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    path = scope["path"]
    if path.startswith("/fare/"):
        a, b = path.split("/")[2:4]
        fare = 1.2 + abs(int(a[1:]) - int(b[1:])) * 0.77  # ValueError on a bad code
        body = json.dumps({"fare": round(fare, 2)}).encode()
    elif path.startswith("/statement/"):
        plate = path.rsplit("/", 1)[1]
        body = json.dumps({"plate": plate, "total": {"AB-1": 12.5}[plate]}).encode()  # KeyError for others
    elif path == "/slow":
        log.warning("slow path asked by %s", scope.get("client"))
        body = b"ok"
    else:
        await send({"type": "http.response.start", "status": 404, "headers": []})
        await send({"type": "http.response.body", "body": b"no"})
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})
'''

WSGI_APP = '''import json, logging
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
log = logging.getLogger("tollgate.wsgi")


def app(environ, start_response):
    path = environ["PATH_INFO"]
    if path.startswith("/fare/"):
        a, b = path.split("/")[2:4]
        body = json.dumps({"fare": 1.2 + abs(int(a[1:]) - int(b[1:])) * 0.77}).encode()
    elif path.startswith("/refund/"):
        amount = float(path.rsplit("/", 1)[1])
        if amount > 50:
            log.warning("refund of %s over the desk limit", amount)
        body = json.dumps({"refund": 100 / (amount - 13)}).encode()  # ZeroDivisionError at 13
    elif path.startswith("/lanes"):
        body = json.dumps([{"lane": i, "open": i % 3 != 0} for i in range(40)]).encode()
    else:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    start_response("200 OK", [("Content-Type", "application/json")])
    return [body]
'''

HUEY_TASKS = '''import logging, random
from huey import SqliteHuey

huey = SqliteHuey(filename="queue.db")
log = logging.getLogger("tollgate.tasks")


@huey.task(retries=1, retry_delay=0)
def bill(plate, cents):
    if cents < 0:
        raise ValueError(f"negative bill for {plate}: {cents}")
    if plate.endswith("7"):
        raise ConnectionError(f"card gateway refused {plate}")
    return cents


@huey.task()
def reconcile(day):
    if day % 9 == 0:
        log.warning("reconcile of day %s found a gap", day)
    return {"day": day, "rows": day * 10}["rows"] / (day % 5)
'''

HUEY_ENQUEUE = '''from tasks import bill, reconcile
for i in range(1, 61):
    bill(f"AB-{i:03d}", -5 if i % 13 == 0 else i * 10)
for d in range(1, 25):
    reconcile(d)
'''

LOCUSTFILE = '''from locust import HttpUser, task, constant


class Driver(HttpUser):
    wait_time = constant(0.05)

    @task(8)
    def fare(self):
        self.client.get("/fare/P01/P%02d" % (self.environment.runner.user_count % 30 + 1), name="/fare/[a]/[b]")

    @task(3)
    def lanes(self):
        self.client.get("/lanes")

    @task(2)
    def refund(self):
        self.client.get("/refund/13", name="/refund/[amount]")

    @task(1)
    def missing(self):
        self.client.get("/tariffs/2027")
'''


def _stop(p) -> None:
    """The server's whole process group (the shell and the server it started), ended."""
    try:
        os.killpg(p.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    p.wait(timeout=20)
    time.sleep(0.5)


def _curl_many(port: int, paths: list[str]) -> None:
    run(" ; ".join(f"curl -s -o /dev/null http://127.0.0.1:{port}{p}" for p in paths), timeout=120)


def servers(tmp: Path) -> None:
    d = tmp / "srv"
    write_tree(d, {"asgi.py": ASGI_APP, "wsgi.py": WSGI_APP, "tasks.py": HUEY_TASKS, "enqueue.py": HUEY_ENQUEUE,
                   "locustfile.py": LOCUSTFILE})
    rng = random.Random(280)
    paths = []
    for i in range(90):
        r = rng.random()
        paths.append(f"/fare/P01/P{rng.randrange(1, 31):02d}" if r < .6 else "/fare/P01/XX" if r < .67 else
                     f"/statement/AB-{rng.choice([1, 1, 1, 2])}" if r < .8 else "/slow" if r < .9 else "/nope")
    log = d / "hypercorn.log"
    with open(log, "wb") as fh:
        p = start("hypercorn --bind 127.0.0.1:18281 --access-logfile - --error-logfile - asgi:app", cwd=d, log=fh)
        time.sleep(3)
        _curl_many(18281, paths)
        time.sleep(1)
        _stop(p)
    add("hypercorn-tollgate", "hypercorn --bind 127.0.0.1:8000 --access-logfile - --error-logfile - asgi:app",
        log.read_text(errors="replace"), N_HYPERCORN)
    log = d / "waitress.log"
    wpaths = [f"/fare/P01/P{rng.randrange(1, 31):02d}" if rng.random() < .5 else
              f"/refund/{rng.choice([5, 13, 60, 20, 13])}" if rng.random() < .6 else "/lanes" for _ in range(70)]
    with open(log, "wb") as fh:
        p = start(f"{PY} -u -c \"import logging, waitress, wsgi; "
                  f"logging.getLogger('waitress').setLevel(logging.INFO); waitress.serve(wsgi.app, listen='127.0.0.1:18282', threads=4)\"",
                  cwd=d, log=fh)
        time.sleep(3)
        _curl_many(18282, wpaths + ["/fare/P01/QQ"])
        time.sleep(1)
        _stop(p)
    add("waitress-tollgate", "waitress-serve --listen=127.0.0.1:8080 --threads=4 wsgi:app", log.read_text(errors="replace"),
        N_WAITRESS)
    run(f"{PY} enqueue.py", cwd=d, timeout=60)
    cap("huey-consumer-tollgate", "timeout -s INT 12 huey_consumer tasks.huey -w 2 -v 2>&1", d, N_HUEY, timeout=60)
    with open(d / "w2.log", "wb") as fh:
        p = start(f"{PY} -c \"import waitress, wsgi; waitress.serve(wsgi.app, listen='127.0.0.1:18283', threads=8)\"",
                  cwd=d, log=fh)
        time.sleep(3)
        cap("locust-headless-tollgate", "locust --headless -u 12 -r 6 -t 15s -H http://127.0.0.1:18283 --only-summary "
            "2>&1", d, N_LOCUST, timeout=120)
        _stop(p)


def locust_stats(lines: list[str]) -> list:
    """locust --headless: the stats header, rows with failures, the Aggregated row, the extremes of median and max,
    every error-report row (NEEDLES.md, Round 28)."""
    out: list = []
    rows = []
    in_err = False
    for ln in lines:
        if re.search(r"^Type\s+Name\s+# reqs|^# occurrences\s+Error|^Error report|Aggregated", ln):
            out.append(ln)
        if re.search(r"^Error report|# occurrences", ln):
            in_err = True
            continue
        if in_err and re.match(r"^\s*\d+\s+\S", ln):
            out.append(ln)
        if not ln.strip() or ln.startswith("---"):
            continue
        m = re.match(r"^(GET|POST|PUT|DELETE)\s+(\S+)\s+(\d+)\s+(\d+)\(([\d.]+)%\)\s*\|\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", ln)
        if m:
            if m.group(4) != "0":
                out.append(ln)
            rows.append((ln, {"median": m.group(9), "max": m.group(8)}))
    return out + rule4(rows, nums=["median", "max"])


N_LOCUST = named("locust-headless", "log", locust_stats.__doc__.splitlines()[0], locust_stats)

STEPS = [runners, linters, poetry_lock, docs_data, servers]
