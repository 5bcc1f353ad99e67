"""Round 34, Python and Node tools new to the corpus, on `tidelog` (a tide-gauge station's data logger, written here
with bugs put in and widened by a seeded generator): pytest's TAP, testdox and Markdown reporters and --fixtures,
robot, Twisted's trial, QUnit and @hapi/lab, autopep8 / yapf diffs, mccabe, validate-pyproject,
lockfile-lint, detect-secrets, diff-cover, yappi, tracemalloc, py-spy dump, invoke, just and proselint.
Each kind's extractor sits next to it and applies NEEDLES.md's "Round 34" rule. Run through capture_wide34.py."""

from __future__ import annotations

import json
import math
import random
import re
import time
from pathlib import Path

import capture_more as cm
from capture_more import diff_u_needles, groups, named, next_match, prev_match, run, start, write_tree
from capture_wide15_diag import n_pytest
from capture_wide24 import diag, tests
from capture_wide34 import JS, VENV, cap

PY = VENV / "bin" / "python"

# ------------------------------------------------------------------ the project

TIDE = '''"""Tide-gauge readings: parse, clean, and summarise."""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field


@dataclass
class Reading:
    station: str
    minute: int
    level_mm: float
    flags: list = field(default_factory=list)


def parse_line(line: str) -> Reading:
    station, minute, level = line.strip().split(",")
    return Reading(station, int(minute), float(level))


def despike(readings, limit_mm=250.0):
    out = []
    for prev, cur in zip(readings, readings[1:]):
        if abs(cur.level_mm - prev.level_mm) > limit_mm:
            cur.flags.append("spike")
            continue
        out.append(cur)
    return out  # BUG: drops the first reading


def mean_level(readings):
    return sum(r.level_mm for r in readings) / len(readings)  # BUG: ZeroDivisionError on empty


def high_water(readings):
    best = readings[0]
    for r in readings:
        if r.level_mm < best.level_mm:  # BUG: finds low water
            best = r
    return best


def datum_offset(level_mm, datum="LAT"):
    offsets = {"LAT": 0.0, "MSL": -1820.0, "CD": 12.5}
    return level_mm + offsets[datum]


def tidal_range(readings):
    levels = [r.level_mm for r in readings]
    return round(max(levels) - min(levels), 1)


def harmonic(minute, amp=1200.0, period_min=745.2, phase=0.0):
    return amp * math.sin(2 * math.pi * minute / period_min + phase)


def stdev_mm(readings):
    return statistics.pstdev([r.level_mm for r in readings])
'''

CONFTEST = '''import pytest
from tidelog.tide import Reading


@pytest.fixture
def calm():
    """Ten readings a few millimetres apart, no spikes."""
    return [Reading("NEWLYN", m, 3000.0 + m) for m in range(10)]


@pytest.fixture(scope="module")
def stormy():
    """A surge at minute 5: one spike of 600 mm."""
    lv = [3000, 3010, 3020, 3030, 3040, 3640, 3060, 3070]
    return [Reading("DOVER", m, float(v)) for m, v in enumerate(lv)]


@pytest.fixture(scope="session")
def station_file(tmp_path_factory):
    """A CSV file of one station's readings, written once per session."""
    p = tmp_path_factory.mktemp("gauge") / "readings.csv"
    p.write_text("\\n".join(f"PORTSMOUTH,{m},{2000 + m * 3}" for m in range(30)))
    return p


@pytest.fixture
def empty():
    """No readings at all (a gauge that was offline)."""
    return []
'''


def gen_tests(k: int) -> str:
    rnd = random.Random(3400 + k)
    out = ["import math", "import pytest", "from tidelog.tide import *", ""]
    for j in range(rnd.randint(7, 11)):
        m = rnd.randint(0, 700)
        amp = rnd.choice([900.0, 1200.0, 1500.0])
        ok = rnd.random() > 0.18
        want = round(amp * math.sin(2 * math.pi * m / 745.2), 3) if ok else round(amp * math.cos(2 * math.pi * m / 745.2), 3)
        out += [f"def test_harmonic_{k}_{j}_minute_{m}():",
                f"    assert round(harmonic({m}, amp={amp}), 3) == {want}", ""]
    datum = rnd.choice(["MSL", "CD", "LAT", "ODN"])
    out += [f"def test_datum_{k}_{datum.lower()}():", f"    assert datum_offset(3000.0, {datum!r}) > 0", ""]
    return "\n".join(out) + "\n"


FIXED_TESTS = '''import pytest
from tidelog.tide import *


def test_parse_line():
    r = parse_line("NEWLYN,12,3012.5\\n")
    assert (r.station, r.minute, r.level_mm) == ("NEWLYN", 12, 3012.5)


def test_parse_line_rejects_units():
    with pytest.raises(ValueError):
        parse_line("NEWLYN,12,3012.5mm")


def test_despike_keeps_calm(calm):
    assert len(despike(calm)) == len(calm)


def test_despike_drops_surge(stormy):
    assert [r.minute for r in despike(stormy)] == [0, 1, 2, 3, 4, 6, 7]


def test_mean_level_empty(empty):
    assert mean_level(empty) is None


def test_high_water(stormy):
    assert high_water(stormy).minute == 5


def test_tidal_range(calm):
    assert tidal_range(calm) == 9.0


def test_station_file(station_file):
    rows = [parse_line(l) for l in station_file.read_text().splitlines()]
    assert stdev_mm(rows) == pytest.approx(25.96, abs=0.01)
'''


def tidelog(tmp: Path) -> Path:
    root = tmp / "tidelog"
    files = {"pyproject.toml": cm.src_pyproject("tidelog", "0.7.1"), "src/tidelog/__init__.py": "",
             "src/tidelog/tide.py": TIDE, "tests/conftest.py": CONFTEST, "tests/test_tide.py": FIXED_TESTS}
    for k in range(14):
        files[f"tests/test_harmonics_{k}.py"] = gen_tests(k)
    write_tree(root, files)
    run(f"{PY} -m pip install -q -e . --no-deps", cwd=root, env=cm.PIP_ENV)
    return root


# ------------------------------------------------------------------ test reporters

N_PYTEST_TAP = tests("pytest-tap", "Round 34 (TAP): every `not ok` line, the first `# E` line of its diagnostic, the "
                     "plan line.", fail=r"^not ok \d+", first=r"^# E\s", summary=r"^1\.\.\d+$", ahead=60)


def testdox(lines: list[str]) -> list:
    """Round 34 (test reporters, rule 2): every unchecked testdox line, each failure's first `E` line, the summary."""
    return [ln for ln in lines if re.match(r"^\s*\[ \]\s", ln)] + n_pytest(lines)


N_TESTDOX = named("pytest-testdox", "test", testdox.__doc__, testdox)


def md_report(lines: list[str]) -> list:
    """Round 34 (test reporters): the header row, every Markdown row whose failed or error count is not 0, the TOTAL row."""
    out, names = [], None
    for ln in lines:
        if not ln.startswith("|"):
            continue
        cells = [c.strip() for c in ln.strip("|").split("|")]
        if names is None and any(c.lower() == "failed" for c in cells):
            names = [c.lower() for c in cells]
            out.append(ln)
            continue
        if names and len(cells) == len(names):
            row = dict(zip(names, cells))
            bad = any(row.get(k, "0") not in ("0", "") and row.get(k, "0").isdigit() for k in ("failed", "error"))
            if bad or "TOTAL" in ln.upper():
                out.append(ln)
    return out


N_MD_REPORT = named("pytest-md-report", "test", md_report.__doc__, md_report)


def fixtures(lines: list[str]) -> list:
    """Round 34 (pytest --fixtures): every fixture the project defines (conftest / test modules) with its section header."""
    out, mine = [], False
    for ln in lines:
        m = re.match(r"^-+ fixtures defined from (\S+)", ln)
        if m:
            mine = "conftest" in m.group(1) or "test" in m.group(1).split(".")[-1]
            if mine:
                out.append(ln)
        elif mine and re.match(r"^\w[\w\[\]-]* ", ln):
            out.append(ln)
    return out


N_FIXTURES = named("pytest-fixtures", "test", fixtures.__doc__, fixtures)

ROBOT = """*** Settings ***
Library    OperatingSystem
Library    Collections

*** Variables ***
${STATION}    NEWLYN

*** Test Cases ***
""" + "\n".join(
    f"Gauge {i} Reports Level\n    ${{level}}=    Evaluate    {3000 + i * 7} + {i % 5}\n"
    f"    Should Be True    ${{level}} < {3000 + i * 7 + (2 if i % 9 == 4 else 10)}    gauge {i} over the alarm level\n"
    for i in range(110)) + """
Station File Exists
    File Should Exist    /var/lib/tidelog/${STATION}.csv

Datum List Holds MSL
    ${datums}=    Create List    LAT    CD
    List Should Contain Value    ${datums}    MSL
"""

N_ROBOT = tests("robot", "Round 34 (test reporters): every `| FAIL |` line and the message line under it, every "
                "`N tests, N passed, N failed` line.", fail=r"\| FAIL \|$", first=r"\S", ahead=2,
                summary=r"^\d+ tests?, \d+ passed, \d+ failed")

TRIAL = '''from twisted.trial import unittest
from twisted.internet import defer, task
from tidelog.tide import Reading, despike, mean_level, high_water, datum_offset


class DespikeTests(unittest.TestCase):
    def test_first_reading_kept(self):
        rs = [Reading("X", m, 100.0) for m in range(4)]
        self.assertEqual(len(despike(rs)), 4)

    def test_spike_flagged(self):
        rs = [Reading("X", 0, 100.0), Reading("X", 1, 900.0), Reading("X", 2, 110.0)]
        despike(rs)
        self.assertIn("spike", rs[1].flags)


class LevelTests(unittest.TestCase):
    def test_mean_empty(self):
        self.assertIsNone(mean_level([]))

    def test_high_water(self):
        rs = [Reading("X", m, float(v)) for m, v in enumerate([5, 9, 2])]
        self.assertEqual(high_water(rs).level_mm, 9.0)

    def test_datum_unknown(self):
        self.assertRaises(ValueError, datum_offset, 10.0, "ODN")

    @defer.inlineCallbacks
    def test_deferred_poll(self):
        clock = task.Clock()
        d = task.deferLater(clock, 5, lambda: datum_offset(3000.0, "MSL"))
        clock.advance(5)
        v = yield d
        self.assertEqual(v, 1180.0)

''' + "\n".join(f'''
class Harmonic{k}Tests(unittest.TestCase):
''' + "\n".join(f'''    def test_minute_{m}(self):
        from tidelog.tide import harmonic
        self.assertAlmostEqual(harmonic({m}), {round(1200 * __import__("math").sin(2 * 3.141592653589793 * m / 745.2), 2) + (0.5 if (m * 7 + k) % 23 == 0 else 0)}, places=1)
''' for m in range(k * 40, k * 40 + 24, 3)) for k in range(5))


def trial_needles(lines: list[str]) -> list:
    """Round 34 (test reporters): every `[FAIL]` / `[ERROR]` block's test id and its exception line, the summary lines."""
    out = []
    for i, ln in enumerate(lines):
        if ln.strip() in ("[FAIL]", "[ERROR]"):
            exc = next_match(lines, i, r"^[\w.]+(Error|Exception|FailTest|Failure)\b.*:|^[\w.]+(Error|FailTest)$", 40)
            out.append(exc)
            end = next((k for k in range(i + 1, len(lines)) if re.match(r"^(=|-){20,}$", lines[k])), len(lines))
            out.append(prev_match(lines, end, r"^[a-z_][\w]*(\.[\w]+){2,}$", 4))  # the block's last line names it
        if re.match(r"^(FAILED|PASSED) \(|^Ran \d+ tests? in", ln):
            out.append(ln)
    return out


N_TRIAL = named("trial", "test", trial_needles.__doc__, trial_needles)


def tests_step(tmp: Path) -> None:
    root = tidelog(tmp)
    cap("pytest-tap-stream-tidelog", f"{PY} -m pytest --tap-stream tests", root, N_PYTEST_TAP,
        typed="pytest --tap-stream tests")
    cap("pytest-tap-stream-grep-not-ok-a3", f"{PY} -m pytest --tap-stream -p no:cacheprovider tests 2>&1 | "
        "grep -A3 '^not ok' | head -80", root, N_PYTEST_TAP,
        typed="pytest --tap-stream tests 2>&1 | grep -A3 '^not ok' | head -80")
    cap("pytest-testdox-tidelog", f"{PY} -m pytest --testdox -p no:cacheprovider tests", root, N_TESTDOX,
        typed="pytest --testdox tests")
    cap("pytest-md-report-tail-160", f"{PY} -m pytest -q --md-report --md-report-verbose=1 --md-report-color never "
        "-p no:cacheprovider tests 2>&1 | tail -n 160", root, N_MD_REPORT,
        typed="pytest -q --md-report --md-report-verbose=1 --md-report-color never tests 2>&1 | tail -n 160")
    cap("pytest-fixtures-tidelog", f"{PY} -m pytest --fixtures -p no:cacheprovider tests", root, N_FIXTURES,
        typed="pytest --fixtures tests")
    write_tree(root, {"robot/gauges.robot": ROBOT, "tests_trial/__init__.py": "", "tests_trial/test_trial.py": TRIAL})
    cap("robot-gauges-suite", f"{VENV}/bin/robot --output NONE --report NONE --log NONE robot/gauges.robot", root,
        N_ROBOT, typed="robot --output NONE --report NONE --log NONE robot/gauges.robot")
    cap("trial-tidelog-echo-exit", f"{VENV}/bin/trial tests_trial; echo EXIT=$?", root, N_TRIAL,
        typed="PYTHONPATH=. trial tests_trial; echo EXIT=$?", env={"PYTHONPATH": "."})


# ------------------------------------------------------------------ Node test runners

QUNIT = "const { harmonic, despike } = require('../tide');\n" + "\n".join(
    f"QUnit.module('gauge {k}', () => {{\n" + "\n".join(
        f"  QUnit.test('level at minute {m}', (assert) => {{\n"
        f"    assert.equal(Math.round(harmonic({m})), {round(1200 * __import__('math').sin(2 * 3.141592653589793 * m / 745.2)) + (1 if (m + k) % 17 == 0 else 0)});\n  }});"
        for m in range(k * 30, k * 30 + 30, 4)) + "\n  QUnit.test('despike keeps the first', (assert) => {\n"
    f"    assert.deepEqual(despike([1, 2, 900, 3]).length, {3 if k % 2 else 2});\n  }});\n}});" for k in range(14)) + "\n"

TIDE_JS = """function harmonic(minute, amp = 1200, period = 745.2) {
  return amp * Math.sin((2 * Math.PI * minute) / period);
}
function despike(levels, limit = 250) {
  const out = [];
  for (let i = 1; i < levels.length; i++) {
    if (Math.abs(levels[i] - levels[i - 1]) > limit) continue;
    out.push(levels[i]);
  }
  return out;
}
module.exports = { harmonic, despike };
"""

LAB = """const Code = require('@hapi/code');
const Lab = require('@hapi/lab');
const { harmonic, despike } = require('../tide');
const { expect } = Code;
const { describe, it } = exports.lab = Lab.script();
""" + "\n".join(f"""
describe('station {k}', () => {{
""" + "\n".join(f"""    it('harmonic at {m} is near {round(1200 * __import__('math').sin(2 * 3.141592653589793 * m / 745.2))}', () => {{
        expect(Math.round(harmonic({m}))).to.equal({round(1200 * __import__('math').sin(2 * 3.141592653589793 * m / 745.2)) + (2 if (m * 3 + k) % 19 == 0 else 0)});
    }});""" for m in range(k * 25, k * 25 + 25, 3)) + f"""
    it('despike drops the surge', () => {{
        expect(despike([10, 20, 800, 30])).to.equal([20, 30]);
    }});
}});""" for k in range(12)) + "\n"

N_QUNIT = tests("qunit", "Round 34 (TAP): every `not ok` line, its first `message:` / `actual:` line, the plan and "
                "closing count lines.", fail=r"^not ok \d+", first=r"^\s+(message|actual):", ahead=6,
                summary=r"^1\.\.\d+$|^# (pass|fail|skip|todo)\b")
N_LAB = tests("hapi-lab", "Round 34 (test reporters): every numbered failure title, its first expectation / error "
              "line, the `N of M tests failed` summary.", fail=r"^\s+\d+\) \S", first=r"(Expected|Error|expected)",
              ahead=6, summary=r"\d+ of \d+ tests? failed|\d+ tests? complete|^Test duration")


def node_tests(tmp: Path) -> None:
    root = tmp / "tide-js"
    write_tree(root, {"tide.js": TIDE_JS, "test/gauge.test.js": QUNIT, "labtest/station.js": LAB,
                      "package.json": '{"name": "tide-js", "version": "1.0.0"}\n'})
    run(f"ln -s {JS}/node_modules node_modules", cwd=root)
    cap("qunit-tap-gauges", "npx qunit test/gauge.test.js", root, N_QUNIT)
    cap("lab-stations-echo-exit", "npx lab labtest/station.js; echo EXIT=$?", root, N_LAB)


# ------------------------------------------------------------------ formatters, complexity, validators, scanners

UGLY = '''import os,sys
def station_summary( readings,datum = "LAT" ) :
    if readings==None : return None
    total=0
    for r in readings :
        if r.level_mm>{hi} and r.flags!=[] : total+=r.level_mm*2
        elif r.level_mm<{lo}:
            if datum=="MSL" : total -= 1820
            elif datum=="CD":total+=12.5
            else :
                for f in r.flags :
                    if f=="spike" : continue
                    elif f=="gap" : total+=0
                    elif f=="clip" and r.minute%2==0 : total-=1
                    elif f in ("late","early") or r.minute>1440 : total+=3
        else : total+=r.level_mm
    return {{ "total":total,"n":len( readings ) }}
class Gauge{k} :
  def __init__(self,name,offset = 0.0) :
      self.name=name ; self.offset=offset
  def correct(self,v) : return v+self.offset if v!=None else None
'''


def mccabe_needles(lines: list[str]) -> list:
    """Round 34 (complexity): every function reported with complexity at least 10, and the maximum's row."""
    rows = [(ln, int(m.group(1))) for ln in lines if re.match(r"^\S+:\d+", ln)
            for m in [re.search(r"(\d+)\s*$", ln)] if m]
    out = [ln for ln, c in rows if c >= 10]
    if rows:
        out.append(max(rows, key=lambda t: t[1])[0])
    return out


N_MCCABE = named("mccabe", "lint", mccabe_needles.__doc__, mccabe_needles)
N_AUTOPEP8 = named("autopep8-diff", "lint", "Round 34 (formatter diffs): every file header and every hunk header "
                   "(and the +/- lines of small hunks).", diff_u_needles)
N_YAPF = named("yapf-diff", "lint", "Round 34 (formatter diffs): every file header and every hunk header (and the "
               "+/- lines of small hunks).", diff_u_needles)
N_VALIDATE_PYPROJECT = diag(
    "validate-pyproject", "lint", "Round 34 (config validators): every error line naming a field and what is wrong, "
    "the verdict line.", err=r"ERROR|[Ii]nvalid|must be|must not|cannot|GIVEN VALUE|OFFENDING RULE|DESCRIPTION",
    summary=r"[Vv]alid file|Invalid file")
N_LOCKFILE_LINT = diag("lockfile-lint", "pkg", "Round 34 (config validators): every error line naming a package and "
                       "the rule it breaks, the closing verdict.", err=r"detected|invalid|[Ee]rror",
                       summary=r"[Ll]ockfile lint|✖|✔")


def detect_secrets(lines: list[str]) -> list:
    """Round 34 (scanners): every result's file key line and each distinct `"type"` line."""
    out, inres = [], False
    for ln in lines:
        if re.match(r'^\s*"results": \{', ln):
            inres = True
        elif inres and re.match(r'^  \}', ln):
            inres = False
        elif inres and re.match(r'^    "[^"]+": \[', ln):
            out.append(ln)
        if inres and re.search(r'"type": "', ln):
            out.append(ln.strip())
    return out


N_DETECT_SECRETS = named("detect-secrets-scan", "json", detect_secrets.__doc__, detect_secrets)
N_DIFF_COVER = diag("diff-cover", "test", "Round 34 (diff-cover): every file line with its coverage and missing "
                    "lines, the Total / Missing / Coverage lines.",
                    values=r"\(\d+(\.\d+)?%\)|^Total:|^Missing:|^Coverage:")
N_PROSELINT = named("proselint", "lint", "Round 34 (prose lint): findings one {\"any\"} per (check name, file).",
                    lambda lines: groups((m.group(1) + "|" + m.group(2), ln) for ln in lines
                                         for m in [re.match(r"^(\S+?):\d+:\d+: ([\w.]+):", ln)] if m))

SECRETS = {
    "config/settings.py": 'AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"\nAWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n',
    "config/uplink.ini": "[modem]\npassword = Tide!Gauge#2026\napi_token = ghp_1234567890abcdefghijABCDEFGHIJ123456\n",
    "scripts/deploy.sh": "#!/bin/sh\ncurl -u admin:s3cr3tPa55 https://gauge.example.org/upload\n"
                         "export SLACK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\n",
    "keys/station.pem": "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1234\n-----END RSA PRIVATE KEY-----\n",
}

BAD_PYPROJECT = """[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "tidelog"
version = "0.7.1-beta"
requires-python = ">=3.9"
license = "MIT"
authors = [{name = "Harbour Office", mail = "office@example.org"}]
dependencies = ["numpy>=1.24", 42]
dynamic = ["version"]

[project.scripts]
tidelog = "tidelog.cli:main"

[tool.setuptools]
packages = "tidelog"
"""

PROSE = """# Operating the tide gauge

Very unique readings appear when the float sticks. In order to fix this, at this point in time the
technician must actually basically reset the float. It is very unique and a case in point of poor design.

The gauge was erected in 1903 and it's performance has been very impressive. Irregardless of the weather the
float is read every minute. In the event that the float is stuck, the alarm sounds. Needless to say, the
technician comes at 3 a.m. in the morning.
"""


def site_envs() -> dict[str, str]:
    """One env file per outstation; a few hold a real-looking credential."""
    rnd = random.Random(3437)
    out = {}
    for k in range(16):
        lines = [f"STATION=OUT{k:02d}", f"SAMPLE_HZ={rnd.choice([1, 2, 4])}", f"DATUM={rnd.choice(['LAT', 'CD'])}"]
        if k % 3 == 1:
            lines.append(f"MODEM_PASSWORD={''.join(rnd.choice('abcdefXYZ0123456789!#') for _ in range(14))}")
        if k % 5 == 2:
            lines.append(f"UPLINK_KEY={''.join(rnd.choice('ABCDEFabcdef0123456789') for _ in range(40))}")
        out[f"stations/out{k:02d}/gauge.env"] = "\n".join(lines) + "\n"
    return out


def lockfile(bad: int) -> str:
    pk = {"": {"name": "tide-js", "version": "1.0.0"}}
    rnd = random.Random(3434)
    for i in range(400):
        stem, part = rnd.choice(["gauge", "tide", "datum", "surge", "float"]), rnd.choice(["util", "core", "io", "fmt"])
        name = f"{stem}-{part}-{i}"
        host = "https://registry.npmjs.org"
        if i % bad == 3:
            host = rnd.choice(["http://registry.npmjs.org", "https://npm.evil-mirror.example", "http://10.0.0.7:4873"])
        version = f"1.{i % 7}.{i % 3}"
        pk[f"node_modules/{name}"] = {"version": version, "resolved": f"{host}/{name}/-/{name}-{version}.tgz",
                                      "integrity": "sha512-" + "A" * 20}
    return json.dumps({"name": "tide-js", "version": "1.0.0", "lockfileVersion": 3, "requires": True,
                       "packages": pk}, indent=2)


def lint_step(tmp: Path) -> None:
    root = tmp / "tidelog"
    mods = {f"src/tidelog/station_{k}.py": UGLY.format(k=k, hi=4000 + k * 10, lo=1000 + k) for k in range(14)}
    write_tree(root, mods)
    cap("autopep8-diff-stations", "autopep8 --diff src/tidelog/station_*.py", root, N_AUTOPEP8)
    cap("yapf-diff-recursive-head-400", "yapf --diff -r src/tidelog | head -400", root, N_YAPF)
    cap("mccabe-min-1-stations", "for f in src/tidelog/station_*.py src/tidelog/tide.py; do echo \"== $f\"; "
        f"{PY} -m mccabe --min 1 $f; done", root, N_MCCABE,
        typed="for f in src/tidelog/station_*.py src/tidelog/tide.py; do echo \"== $f\"; python -m mccabe --min 1 $f; done")
    bad = tmp / "badproj"
    write_tree(bad, {"pyproject.toml": BAD_PYPROJECT, "docs/operating.md": PROSE,
                     "docs/maintenance.md": PROSE.replace("gauge", "float well").replace("1903", "1911"),
                     **SECRETS, **site_envs()})
    cap("validate-pyproject-bad", "validate-pyproject pyproject.toml; echo EXIT=$?", bad, N_VALIDATE_PYPROJECT)
    cap("detect-secrets-scan-all", "detect-secrets scan --all-files .", bad, N_DETECT_SECRETS)
    cap("proselint-check-docs", "proselint check docs", bad, N_PROSELINT)
    js = tmp / "lock"
    write_tree(js, {"package-lock.json": lockfile(9)})
    cap("lockfile-lint-hosts-https", f"{JS}/node_modules/.bin/lockfile-lint --path package-lock.json --type npm "
        "--allowed-hosts npm --validate-https", js, N_LOCKFILE_LINT,
        typed="npx lockfile-lint --path package-lock.json --type npm --allowed-hosts npm --validate-https")


# ------------------------------------------------------------------ coverage, profiles, stack dumps

def cover_step(tmp: Path) -> None:
    root = tmp / "tidelog"
    g = lambda c: run(c, cwd=root, env={"GIT_AUTHOR_NAME": "Harbour Office", "GIT_AUTHOR_EMAIL": "h@example.org",
                                        "GIT_COMMITTER_NAME": "Harbour Office", "GIT_COMMITTER_EMAIL": "h@example.org"})
    g("git init -q -b main && git add -A && git commit -qm 'tidelog 0.7.1'")
    tide = root / "src/tidelog/tide.py"
    tide.write_text(tide.read_text() + "\n\n" + "\n\n".join(
        f"def surge_{k}(readings, limit={200 + k * 25}):\n    hits = [r for r in readings if r.level_mm > limit]\n"
        f"    if not hits:\n        return None\n    worst = max(hits, key=lambda r: r.level_mm)\n"
        f"    return (worst.minute, worst.level_mm - limit)" for k in range(12)) + "\n")
    (root / "tests/test_surge.py").write_text("from tidelog.tide import *\n\n" + "\n".join(
        f"def test_surge_{k}(calm):\n    assert surge_{k}(calm) is None\n" for k in range(0, 12, 3)))
    for k in range(14):
        st = root / f"src/tidelog/station_{k}.py"
        st.write_text(st.read_text() + "\n\ndef alarm(level):\n    if level > 5000:\n        return 'red'\n    return None\n")
    g("git checkout -q -b surge && git add -A && git commit -qm 'surge detectors'")
    run(f"{PY} -m coverage run --source=src -m pytest -q -p no:cacheprovider tests; {PY} -m coverage xml -o cov.xml",
        cwd=root)
    cap("diff-cover-compare-main", "diff-cover cov.xml --compare-branch=main", root, N_DIFF_COVER)


YAPPI_SCRIPT = '''import yappi, math, random
from tidelog.tide import Reading, despike, harmonic, stdev_mm, tidal_range

def synth(n):
    rnd = random.Random(34)
    return [Reading("NEWLYN", m, 3000 + harmonic(m) + rnd.gauss(0, 30)) for m in range(n)]

def smooth(rs, w=15):
    out = []
    for i in range(len(rs)):
        win = rs[max(0, i - w):i + w]
        out.append(sum(r.level_mm for r in win) / len(win))
    return out

def report(n):
    rs = synth(n)
    clean = despike(rs)
    sm = smooth(clean)
    return tidal_range(clean), stdev_mm(clean), max(sm)

yappi.set_clock_type("cpu")
yappi.start()
for n in (2000, 4000, 6000):
    report(n)
yappi.stop()
yappi.get_func_stats().print_all(columns={0: ("name", 60), 1: ("ncall", 8), 2: ("tsub", 8), 3: ("ttot", 8), 4: ("tavg", 8)})
'''


def yappi_needles(lines: list[str]) -> list:
    """Round 24's profile rule: the column header and every function whose ttot is at least 10% of the largest."""
    rows = []
    hdr = next((ln for ln in lines if re.search(r"\bname\b.*\bncall\b.*\bttot\b", ln)), None)
    for ln in lines:
        p = ln.split()
        if len(p) >= 5 and re.match(r"^\d+(/\d+)?$", p[-4]):
            try:
                rows.append((ln, float(p[-2])))
            except ValueError:
                pass
    top = max((t for _, t in rows), default=0)
    return [hdr] + [ln for ln, t in rows if top and t >= 0.1 * top]


N_YAPPI = named("yappi", "table", yappi_needles.__doc__, yappi_needles)

TRACEMALLOC_SCRIPT = '''import tracemalloc, random
tracemalloc.start()
from tidelog.tide import Reading, harmonic
rnd = random.Random(34)
archive = {s: [Reading(s, m, 3000 + harmonic(m)) for m in range(20000)] for s in ("NEWLYN", "DOVER")}
labels = [f"{s}-{m:05d}" for s in archive for m in range(20000)]
index = {lab: i for i, lab in enumerate(labels)}
blobs = [bytes(rnd.getrandbits(8) for _ in range(64)) for _ in range(3000)]
snap = tracemalloc.take_snapshot()
stats = snap.statistics("lineno")
print("[ Top 25 ]")
for st in stats[:25]:
    print(st)
total = sum(st.size for st in stats)
print("Total allocated size: %.1f KiB" % (total / 1024))
'''


def tracemalloc_needles(lines: list[str]) -> list:
    """Round 24's profile rule: the header and total lines, every entry whose size is at least 10% of the total."""
    tot = next((ln for ln in lines if ln.startswith("Total allocated size")), None)
    total_kib = float(re.search(r"([\d.]+) KiB", tot).group(1)) if tot else 0
    out = [next((ln for ln in lines if ln.startswith("[ Top")), None), tot]
    for ln in lines:
        m = re.search(r"size=([\d.]+) (B|KiB|MiB)", ln)
        if m:
            kib = float(m.group(1)) * {"B": 1 / 1024, "KiB": 1, "MiB": 1024}[m.group(2)]
            if total_kib and kib >= 0.1 * total_kib:
                out.append(ln)
    return out


N_TRACEMALLOC = named("python-tracemalloc", "table", tracemalloc_needles.__doc__, tracemalloc_needles)

SPY_TARGET = '''import threading, time
from tidelog.tide import harmonic

def poll_gauge(name, period):
    while True:
        v = harmonic(time.time() % 745)
        time.sleep(period)

def spin_filter():
    acc = 0.0
    while True:
        for m in range(10000):
            acc += harmonic(m) * 1e-9

for i, name in enumerate(["NEWLYN", "DOVER", "PORTSMOUTH", "HOLYHEAD", "WHITBY", "LERWICK", "AVONMOUTH"]):
    threading.Thread(target=poll_gauge, args=(name, 0.2 + i / 10), name=f"poll-{name}", daemon=True).start()
threading.Thread(target=spin_filter, name="filter", daemon=True).start()
time.sleep(600)
'''


def pyspy_needles(lines: list[str]) -> list:
    """Round 34 (stack dumps): every thread header line and the innermost frame of each thread with its location."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^Thread (0x)?[0-9A-Fa-f]+ \(", ln):
            out.append(ln)
            out.append(next_match(lines, i, r"^\s+\S.*\(.*:\d+\)|^\s+\S", 1))
    return out


N_PYSPY = named("py-spy-dump", "log", pyspy_needles.__doc__, pyspy_needles)


def profile_step(tmp: Path) -> None:
    root = tmp / "tidelog"
    write_tree(root, {"bench/yappi_report.py": YAPPI_SCRIPT, "bench/mem.py": TRACEMALLOC_SCRIPT,
                      "bench/spy_target.py": SPY_TARGET})
    cap("yappi-func-stats-report", f"{PY} bench/yappi_report.py", root, N_YAPPI, typed="python bench/yappi_report.py")
    cap("tracemalloc-top-25", f"{PY} bench/mem.py", root, N_TRACEMALLOC, typed="python bench/mem.py")
    p = start(f"exec {PY} bench/spy_target.py", cwd=root)
    time.sleep(3)
    cap("py-spy-dump-gauge-poller", f"py-spy dump --pid {p.pid}", root, N_PYSPY)
    cap("py-spy-dump-locals-head-60", f"py-spy dump --locals --pid {p.pid} | head -60", root, N_PYSPY)
    p.kill()


# ------------------------------------------------------------------ task runners

TASKS = '''from invoke import task


@task
def lint(c):
    c.run("python -m pyflakes src || true")


@task
def ingest(c, station="NEWLYN"):
    """Load a station's CSV into the archive."""
    c.run(f"python -c 'from tidelog.tide import parse_line; [parse_line(l) for l in open(\\"data/{station}.csv\\")]'")


@task(pre=[lint])
def nightly(c):
    ingest(c, station="DOVER")
'''

JUSTFILE = """set shell := ["bash", "-cu"]

# list the recipes
default:
    @just --list

# load a station's readings into the archive
ingest station="NEWLYN":
    python -c 'from tidelog.tide import parse_line; print(sum(1 for l in open("data/{{station}}.csv") if parse_line(l)))'

# despike and summarise one day
summary station day: (ingest station)
    python -c 'import sys; from tidelog.tide import mean_level; print(mean_level([]))'

# rebuild the HTML report
report: (summary "DOVER" "2026-11-30")
    echo report

# remove build output
clean:
    rm -rf build dist

# run the test-suite
test *args:
    pytest -q {{args}}
""" + "".join(f"""
# plot {s}'s last day against the harmonic prediction
plot-{s.lower()} day="today":
    python -m tidelog.plot {s} {{{{day}}}}
""" for s in ["DOVER", "NEWLYN", "PORTSMOUTH", "HOLYHEAD", "ABERDEEN", "WHITBY", "LERWICK", "AVONMOUTH"])

DATA_DOVER = "\n".join(f"DOVER,{m},{3000 + m * 2}" for m in range(40)) + "\nDOVER,40,3080mm\n" + "\n".join(
    f"DOVER,{m},{3000 + m * 2}" for m in range(41, 60)) + "\n"

N_INVOKE = diag("invoke-fail", "build", "Round 34 (task runners): rule 1 for the failing command's diagnostics, and "
                "invoke's failure lines (`Encountered a bad command exit code`, `Command:`, `Exit code:`).",
                err=r"^\w*(Error|Exception)\b.*:|^Encountered a bad command|^Command: |^Exit code: ",
                loc=r'File "[^"]+", line \d+')
N_JUST = diag("just-fail", "build", "Round 34 (task runners): rule 1 for the failing command's diagnostics, and "
              "just's `error: Recipe … failed` line.", err=r"^\w*(Error|Exception)\b.*:|^error: ",
              loc=r'File "[^"]+", line \d+')
N_JUST_LIST = diag("just-list", "listing", "Round 34 (task runners): for `just --list`, every recipe line.",
                   values=r"^    \S")


def tasks_step(tmp: Path) -> None:
    root = tmp / "tidelog"
    write_tree(root, {"tasks.py": TASKS, "justfile": JUSTFILE, "data/DOVER.csv": DATA_DOVER, "data/NEWLYN.csv": ""})
    env = {"PATH": f"{VENV}/bin:/usr/local/bin:/usr/bin:/bin"}
    cap("invoke-echo-nightly-echo-exit", "invoke --echo nightly; echo EXIT=$?", root, N_INVOKE, env=env)
    cap("just-summary-dover-echo-exit", "just summary DOVER 2026-11-30; echo EXIT=$?", root, N_JUST, env=env)
    cap("just-list-tidelog", "just --list --unsorted", root, N_JUST_LIST, env=env)


STEPS = [tests_step, node_tests, lint_step, cover_step, profile_step, tasks_step]
