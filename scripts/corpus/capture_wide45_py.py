"""Round 45: a tide-gauge station's data pipeline (`tidemark`) written here with bugs put in, widened by seeded
generators, and run through pytest plugins and flags, debuggers, tracers, decorated tracebacks and memory tools
new to the corpus. The extractors of the round's new kinds sit here, next to the kinds (NEEDLES.md "Round 45"),
written before capture. Run through capture_wide45.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_diagnostics as dg
from capture_more import groups, mask, prev_match, run, write_tree
from capture_wide41_py import ext
from capture_wide45 import PRETTY, VENV, cap

OWN = ("tidemark", "Reading", "Gauge", "Station", "Surge", "Tide", "Harmonic")  # the project's own names


def _pytest(lines):
    return dg.needles_pytest(lines)


# ------------------------------------------------------------------ extractors of the round's new kinds

def _lf(lines):
    return _pytest(lines) + [ln for ln in lines if "run-last-failure:" in ln]


N_LF = ext("pytest-lf", "test", "pytest's rule 2 plus the run-last-failure: line", _lf)


def _sw(lines):
    return _pytest(lines) + [ln for ln in lines if ln.startswith("stepwise:") or "stepwise:" in ln[:40]]


N_SW = ext("pytest-stepwise", "test", "pytest's rule 2 plus the stepwise: line(s)", _sw)


def _showlocals(lines):
    out = _pytest(lines)
    sec = [i for i, ln in enumerate(lines) if re.match(r"_{3,} .+ _{3,}$", ln)] + [len(lines)]
    for a, b in zip(sec, sec[1:]):
        body = lines[a + 1:b]
        # the innermost frame's locals: the last run of `name = value` lines before its `path.py:N: Exc` line
        locs = [j for j, ln in enumerate(body) if re.match(r"\S+\.py:\d+: \w", ln)]
        end = locs[-1] if locs else len(body)
        run_, j = [], end - 1
        while j >= 0 and not re.match(r"^[A-Za-z_]\w*\s+= ", body[j]):
            j -= 1
        while j >= 0 and re.match(r"^[A-Za-z_]\w*\s+= ", body[j]):
            run_.insert(0, body[j])
            j -= 1
        out += run_[:6]
    return out


N_SHOWLOCALS = ext("pytest-showlocals", "test", "pytest's rule 2 plus each failure's innermost-frame local "
                   "lines (name = value), at most 6", _showlocals)


def _setup_show(lines):
    out = _pytest(lines)
    bad = set()
    for ln in lines:
        m = re.match(r"\s*SETUP\s+[FSMCP]\s+(\w+?)E$", ln.rstrip())
        if m:  # --setup-show marks the fixture whose setup errored with the test's E right after its name
            bad.add(m.group(1))
    for ln in lines:
        m = re.match(r"\s*(SETUP|TEARDOWN)\s+[FSMCP]\s+(\w+?)E?$", ln.rstrip())
        if m and m.group(2) in bad:
            out.append(ln)
    return out


N_SETUP_SHOW = ext("pytest-setup-show", "test", "pytest's rule 2 plus the SETUP/TEARDOWN lines of a fixture "
                   "whose test errored at setup", _setup_show)

N_INSTAFAIL = ext("pytest-instafail", "test", "pytest's rule 2 (failures printed as they happen)", _pytest)


def _subtests(lines):
    out = _pytest(lines) + [ln for ln in lines if "SUBFAIL" in ln]
    out += [ln for ln in lines if re.match(r"_{3,} .*\[.*\].* _{3,}$", ln) or re.match(r"_{3,} .*\(.+=.+\).* _{3,}$", ln)]
    return out


N_SUBTESTS = ext("pytest-subtests", "test", "pytest's rule 2 plus every SUBFAIL line and failing subtest header",
                 _subtests)


def _check(lines):
    return _pytest(lines) + [ln for ln in lines if re.match(r"^\s*FAILURE:", ln) or re.search(r"Failed Checks: \d+", ln)]


N_CHECK = ext("pytest-check", "test", "pytest's rule 2 plus every FAILURE: line and Failed Checks: N", _check)


def _asyncio(lines):
    pat = r"(was never awaited|Task was destroyed)"
    return _pytest(lines) + groups((mask(ln), ln) for ln in lines if re.search(pat, ln))


N_ASYNCIO = ext("pytest-asyncio", "test", "pytest's rule 2 plus never-awaited / Task-destroyed lines, one any "
                "per message shape", _asyncio)


def _pretty(lines):
    out = _pytest(lines)
    in_tab = False
    for ln in lines:
        if re.search(r"\bFile\b.*\bFunction\b.*\bFunction Line\b|\bFile\b.*\bFunction\b.*\bError\b", ln):
            in_tab = True
            out.append(ln)
            continue
        if in_tab:
            if "│" in ln and re.search(r"\w", ln):
                out.append(ln)
            elif not ln.strip() or ln.lstrip().startswith("└"):
                in_tab = False
        if re.search(r"^\s*Results \(", ln) or re.match(r"^\s*\d+ (passed|failed|skipped|errors?)\s*$", ln):
            out.append(ln)
    return out


N_PRETTY = ext("pytest-pretty", "test", "pytest's rule 2 plus every row of pytest-pretty's failures table and its "
               "Results counts lines", _pretty)


def _syrupy(lines):
    out = _pytest(lines)
    marks = [i for i, ln in enumerate(lines) if re.match(r"_{3,} .+ _{3,}$", ln) or re.match(r"FAILED \S+", ln)]
    for a, b in zip(marks, marks[1:] + [len(lines)]):
        body = lines[a:b]
        out += [ln for ln in body if re.search(r"== (\[- )?snapshot|Snapshot '.*' does not exist|does not match", ln)][:2]
        out.append(next((ln for ln in body[1:] if re.match(r"^(E)?\s+[-+]\s", ln)), None))
    out += [ln for ln in lines if re.search(r"\d+ snapshots? (failed|passed|unused|generated|updated)", ln)]
    return out


N_SYRUPY = ext("syrupy-snapshot", "test", "Failing ids, snapshot assertion / missing / mismatch lines, the first "
               "diff line per failure, the snapshot summary lines", _syrupy)


def _dead(lines):
    out = [ln for ln in lines if re.search(r"(dead fixtures|unused fixtures|Hey there)", ln, re.I)]
    out += [ln for ln in lines if re.match(r"^\s*Fixture name: ", ln) or re.match(r"^\s*Location: ", ln)]
    return out


N_DEAD = ext("pytest-deadfixtures", "test", "Every unused fixture's name and location lines and the header "
             "announcing them", _dead)


def _cache_show(lines):
    out = [ln for ln in lines if re.match(r"^cache/\S+ contains:", ln) or re.match(r"^cachedir: ", ln)]
    in_lf = False
    for ln in lines:
        if re.match(r"^cache/\S+ contains:", ln):
            in_lf = ln.startswith("cache/lastfailed")
        elif in_lf and re.match(r"^\s+'\S+::", ln):
            out.append(ln)
    return out


N_CACHE_SHOW = ext("pytest-cache-show", "test", "Every cache/... key line and every test id under "
                   "cache/lastfailed", _cache_show)


def _memprof(lines):
    out = []
    tables: list[list[str]] = []
    for ln in lines:
        if ln.startswith("Filename:"):
            out.append(ln)
        if re.match(r"^Line #\s+Mem usage\s+Increment", ln):
            out.append(ln)
            tables.append([])
        elif tables and re.match(r"^\s+\d+\s+[\d.]+ MiB\s+[-\d.]+ MiB", ln):
            tables[-1].append(ln)
    for rows in tables:
        if not rows:
            continue
        mem = lambda r: float(re.findall(r"([-\d.]+) MiB", r)[0])
        inc = lambda r: float(re.findall(r"([-\d.]+) MiB", r)[1])
        out += [max(rows, key=mem), max(rows, key=inc)]
    return out


N_MEMPROF = ext("memory-profiler", "table", "Filename and column header lines; per table the rows with the largest "
                "Mem usage and Increment", _memprof)


def _objgraph(lines):
    rows = [ln for ln in lines if re.match(r"^\S+\s+\d+\s+\+\d+\s*$", ln) or re.match(r"^\S+\s+\d+\s*$", ln)]
    if len(rows) <= 25:
        return rows
    return rows[:10] + [ln for ln in rows if any(o in ln for o in OWN)]


N_OBJGRAPH = ext("objgraph-growth", "table", "Every growth row when at most 25, else the first 10 and every row of "
                 "the project's own classes", _objgraph)


def _pympler(lines):
    hdr = [ln for ln in lines if re.search(r"types\s*\|\s*# objects\s*\|\s*total size", ln)]
    rows = [ln for ln in lines if ln.count("|") == 2 and not re.search(r"types\s*\|", ln) and re.search(r"\d", ln)]

    def size(r):
        m = re.match(r"\s*([\d.]+)\s*(B|KB|MB|GB)", r.split("|")[2].strip())
        if not m:
            return 0
        return float(m.group(1)) * {"B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9}[m.group(2)]
    top = sorted(rows, key=size, reverse=True)[:3]
    return hdr + top + [ln for ln in rows if any(o in ln for o in OWN)]


N_PYMPLER = ext("pympler-summary", "table", "The header, the three largest rows by total size, every row of the "
                "project's own classes", _pympler)


def _tracer(exc_pat: str, call_pat: str, fn_of):
    def f(lines):
        out = [ln for ln in lines if re.search(exc_pat, ln)]
        out += groups((fn_of(ln), ln) for ln in lines if re.search(call_pat, ln))
        out += [ln for ln in lines if "Elapsed time" in ln]
        return out
    return f


def _fn_after(word):
    return lambda ln: (re.search(word + r"\s+(\w+)", ln) or re.search(r"(\w+)", ln)).group(1)


N_SNOOP = ext("snoop-trace", "log", "Every !!! exception line, the first >>> Call to line of each function, "
              "Elapsed time lines", _tracer(r"!!! ", r">>> Call to \w+", _fn_after("Call to")))
N_PYSNOOPER = ext("pysnooper-trace", "log", "Every Exception / Call ended by exception line, the first call line "
                  "of each function, Elapsed time lines",
                  _tracer(r"(Exception:\.*|Call ended by exception)", r"\bcall\s+\d+\s+def \w+",
                          _fn_after("def")))
N_HUNTER = ext("hunter-trace", "log", "Every exception event line, the first call line of each function",
               _tracer(r"\bexception\b", r"\bcall\s+.*=>\s*\w+", _fn_after("=>")))


VAR = r"^\s+([\w.\[\]']+ = \S|[│\s]*└ )"
HDR = r'File "?[^"]+"?, line \d+, in \S+'


def _deco_tb(lines):
    out = []
    exc = [i for i, ln in enumerate(lines) if re.match(r"^[\w.]*(Error|Exception|Warning)\b(: |$)", ln)]
    for i in exc:
        out.append(lines[i])
        hdrs = [j for j in range(i) if re.search(HDR, lines[j])]
        if not hdrs:
            continue
        out.append(lines[hdrs[-1]])  # the innermost frame's header as printed last
        # the innermost frame printed with its variables: the last header whose block holds variable lines
        for h, nxt in reversed(list(zip(hdrs, hdrs[1:] + [i]))):
            vs = [ln for ln in lines[h + 1:nxt] if re.match(VAR, ln)]
            if vs:
                out += vs[:6]
                break
    return out


N_STACKPRINTER = ext("stackprinter-traceback", "build", "The exception line, the innermost frame header, up to 6 "
                     "variable lines under it", _deco_tb)
N_BETTER_EXC = ext("better-exceptions-traceback", "build", "The exception line, the innermost frame header, up to "
                   "6 variable lines under it", _deco_tb)


def _ic(lines):
    return groups((re.match(r"ic\|\s*(?:[^:]*:\d+ in \S+\s*)?(?:- )?([^:]+)", ln).group(1).strip(), ln)
                  for ln in lines if ln.startswith("ic|"))


N_ICECREAM = ext("icecream-debug", "log", "Every ic| line, one any per printed expression", _ic)


def _listfuncs(lines):
    return [ln for ln in lines if "funcname:" in ln and "tidemark" in ln]


N_LISTFUNCS = ext("python-trace-listfuncs", "log", "Every funcname: line of the project's own modules", _listfuncs)


def _trackcalls(lines):
    out = [ln for ln in lines if ln.startswith("calling relationships")]
    own = False
    for ln in lines:
        if ln.startswith("***"):
            own = "tidemark" in ln  # the project's files: its package and its scripts
        elif own and re.match(r"^\s+(--> |\S.* -> \S)", ln):
            out.append(ln)
    return out


N_TRACKCALLS = ext("python-trace-trackcalls", "log", "The calling relationships header and every --> line of the "
                   "project's own modules", _trackcalls)


def _gc(lines):
    gen2 = [ln for ln in lines if "collecting generation 2" in ln]
    out = gen2[:1] + gen2[-1:]
    out += groups((mask(ln), ln) for ln in lines
                  if re.search(r"gc: done, (?!0 unreachable, 0 uncollectable)", ln)
                  and re.search(r"[1-9]\d* (unreachable|uncollectable)", ln))
    return out


N_GC = ext("python-gc-debug", "log", "First and last collecting generation 2 lines; gc: done lines with non-zero "
           "unreachable/uncollectable, one any per shape", _gc)


def _malloc(lines):
    out = [ln for ln in lines if re.match(r"^class\s+size\s+num pools", ln)]
    rows = [ln for ln in lines if re.match(r"^\s*\d+\s+\d+\s+\d+\s+\d+\s+\d+\s*$", ln)]
    if rows:
        out.append(max(rows, key=lambda r: int(r.split()[3])))
        out.append(max(rows, key=lambda r: int(r.split()[4])))
    out += [ln for ln in lines if re.match(r"^# arenas (allocated total|highwater mark)", ln) or ln.startswith("Total")]
    return out


N_MALLOC = ext("python-debugmallocstats", "table", "The size-class header, the rows with most blocks in use and "
               "avail blocks, arenas allocated/highwater and Total lines", _malloc)


def _remote(lines):
    out = [ln for ln in lines if "_RemoteTraceback" in ln or ln.startswith("Exception in thread")]
    for i, ln in enumerate(lines):
        if re.match(r'^\s*[\w.]*(Error|Exception)\b(: |$)', ln) and not ln.startswith("Exception in thread"):
            out += [ln, prev_match(lines, i, r'^\s*File "', 12)]
    return out


N_REMOTE = ext("python-remote-traceback", "build", "Every _RemoteTraceback line, each exception line and its "
               "innermost File line, the final re-raised exception", _remote)
N_THREAD_EXC = ext("python-thread-exception", "build", "Every Exception in thread line, each exception line and "
                   "its innermost File line", _remote)


def _recursion(lines):
    out = [ln for ln in lines if "Previous line repeated" in ln]
    for i, ln in enumerate(lines):
        if ln.startswith("RecursionError"):
            out += [ln, prev_match(lines, i, r'^\s*File "', 12)]
    return out


N_RECURSION = ext("python-recursionerror", "build", "The RecursionError line, every Previous line repeated line, "
                  "the innermost File line", _recursion)


def _werror(lines):
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^[\w.]*Warning: ", ln):
            out += [ln, prev_match(lines, i, r'^\s*File "', 12)]
    own = [ln for ln in lines if re.match(r'^\s*File ".*tidemark', ln)]
    return out + own[:1]


N_WERROR = ext("python-w-error", "build", "The ...Warning exception line, its innermost File line, the first File "
               "line of the project's own code", _werror)


def _typeguard(lines):
    out = []
    for i, ln in enumerate(lines):
        if "TypeCheckError" in ln:
            out += [ln, prev_match(lines, i, r'^\s*File "', 12)]
    return out


N_TYPEGUARD = ext("typeguard-error", "build", "Every TypeCheckError line and its innermost File line", _typeguard)


def pdb_session(cmds: list[str]):
    """The extractor of one pdb session whose commands `cmds` were piped in: pdb does not echo them, so the
    output after the k-th `(Pdb) ` prompt is the k-th command's."""
    def f(lines):
        out = []
        for ln in lines:
            body = re.sub(r"^(\(Pdb\) )+", "", ln)
            if re.match(r"^> \S+\(\d+\)\S+\(\)", body):
                out.append(body)
            if re.search(r"(The program finished|Post mortem debugger|Uncaught exception)", ln):
                out.append(ln)
            if re.match(r"^[\w.]*(Error|Exception)\b: ", ln):
                out.append(ln)
        segs = "\n".join(lines).split("(Pdb) ")[1:]
        for cmd, seg in zip(cmds, segs):
            if re.match(r"^(p|pp) ", cmd):
                first = seg.split("\n")[0]
                out.append(first if first.strip() else None)
        return out
    return ext("pdb-session", "log", "Every > file(N)func() line, every value printed after p/pp, the exception "
               "line of a post-mortem, the program finished / post mortem line", f)



# ------------------------------------------------------------------ the project

GAUGE = '''"""Readings from a tide gauge: parsing, datum, despiking and surge detection."""
from __future__ import annotations

import statistics
from dataclasses import dataclass, field


@dataclass
class Reading:
    station: str
    ts: int  # minutes since the station's epoch
    level_mm: float
    flag: str = "ok"


@dataclass
class Station:
    code: str
    datum_offset_mm: float
    neighbours: list = field(default_factory=list)
    readings: list = field(default_factory=list)


def parse_line(line: str) -> Reading:
    station, ts, level, *rest = line.strip().split(",")
    return Reading(station, int(ts), float(level), rest[0] if rest else "ok")


def mean_level(readings: list[Reading]) -> float:
    good = [r.level_mm for r in readings if r.flag == "ok"]
    return sum(good) / len(readings)  # bug: flagged readings still count in the divisor


def to_chart_datum(level_mm: float, station: Station) -> float:
    return level_mm + station.datum_offset_mm  # bug: the offset is subtracted below chart datum


def despike(levels: list[float], window: int = 5) -> list[float]:
    out = []
    for i in range(len(levels)):
        win = levels[max(0, i - window // 2): i + window // 2]  # bug: the window misses its last sample
        out.append(statistics.median(win))
    return out


def surges(readings: list[Reading], predicted: list[float], threshold: float = 300.0) -> list[Reading]:
    return [r for r, p in zip(readings, predicted) if r.level_mm - p > threshold]  # bug: >= in the spec


def rate_of_change(readings: list[Reading]) -> list[float]:
    return [(b.level_mm - a.level_mm) / (b.ts - a.ts) for a, b in zip(readings, readings[1:])]


def network_codes(station: Station, seen=None) -> list[str]:
    codes = [station.code]
    for n in station.neighbours:  # bug: no `seen` check, a ring of stations recurses forever
        codes += network_codes(n)
    return codes
'''

HARMONICS = '''"""Harmonic tide prediction from a station's constituents."""
from __future__ import annotations

import math

SPEEDS = {"M2": 28.984104, "S2": 30.0, "N2": 28.43973, "K2": 30.082138, "K1": 15.041069, "O1": 13.943035,
          "P1": 14.958931, "Q1": 13.398661, "M4": 57.96821, "MS4": 58.984104}


class Harmonic:
    def __init__(self, name: str, amp_mm: float, phase_deg: float) -> None:
        self.name, self.amp_mm, self.phase_deg = name, amp_mm, phase_deg

    def at(self, t_hours: float) -> float:
        return self.amp_mm * math.cos(math.radians(SPEEDS[self.name] * t_hours - self.phase_deg))


def predict(constituents: list[Harmonic], t_hours: float, z0_mm: float = 0.0) -> float:
    return z0_mm + sum(c.at(t_hours) for c in constituents)


def high_waters(constituents: list[Harmonic], hours: int, step: float = 0.25) -> list[tuple[float, float]]:
    out, prev, rising = [], predict(constituents, 0.0), True
    t = step
    while t < hours:
        h = predict(constituents, t)
        if rising and h < prev:
            out.append((round(t - step, 2), round(prev, 1)))
        rising = h >= prev
        prev, t = h, t + step
    return out


def form_factor(constituents: list[Harmonic]) -> float:
    amp = {c.name: c.amp_mm for c in constituents}
    return (amp["K1"] + amp["O1"]) / (amp["M2"] + amp["S2"])
'''


def _readings_csv(seed: int, n: int, code: str = "NWL", repeats: bool = True) -> str:
    rnd = random.Random(seed)
    out, ts = [], 0
    for i in range(n):
        ts += rnd.choice([6, 6, 6, 6, 0 if repeats else 6]) if i else 0  # a repeated timestamp now and then
        level = 2400 + 1800 * __import__("math").sin(i / 20.7) + rnd.gauss(0, 40)
        flag = rnd.choice(["ok"] * 30 + ["spike", "gap"])
        out.append(f"{code},{ts},{level:.1f},{flag}")
    return "\n".join(out) + "\n"


def _tests(seed: int) -> dict[str, str]:
    rnd = random.Random(seed)
    cases = [(round(rnd.uniform(-200, 900), 1), round(rnd.uniform(-50, 50), 1)) for _ in range(18)]
    windows = [[round(rnd.uniform(1000, 4000), 1) for _ in range(rnd.randint(5, 9))] for _ in range(10)]
    t = {}
    t["tests/conftest.py"] = '''import pytest
from tidemark.gauge import Reading, Station
from tidemark.harmonics import Harmonic


@pytest.fixture
def station():
    return Station("NWL", datum_offset_mm=-3120.0)


@pytest.fixture
def readings():
    return [Reading("NWL", i * 6, 2400.0 + 35.0 * i, "ok" if i % 7 else "spike") for i in range(40)]


@pytest.fixture
def constituents():
    return [Harmonic("M2", 1620.0, 122.0), Harmonic("S2", 540.0, 165.0), Harmonic("K1", 110.0, 260.0),
            Harmonic("O1", 95.0, 232.0), Harmonic("N2", 310.0, 101.0)]


@pytest.fixture
def calibration_sheet():
    with open("calibration/NWL-2024.csv") as fh:  # bug: the sheet was never committed
        return fh.read()


@pytest.fixture
def legacy_predictions():
    return [0.0] * 40


@pytest.fixture
def kelvin_wave():
    return {"speed": 180.0}


@pytest.fixture
def sensor_firmware():
    return "v2.4.1"
'''
    t["tests/test_gauge.py"] = '''import pytest
from tidemark.gauge import Reading, despike, mean_level, parse_line, rate_of_change, surges, to_chart_datum

CASES = ''' + repr(cases) + '''
WINDOWS = ''' + repr(windows) + '''


def test_parse_line():
    r = parse_line("NWL,120,2431.5,ok")
    assert (r.station, r.ts, r.level_mm, r.flag) == ("NWL", 120, 2431.5, "ok")


def test_parse_line_without_flag():
    assert parse_line("NWL,6,2400").flag == "ok"


def test_mean_level_ignores_flagged(readings):
    good = [r.level_mm for r in readings if r.flag == "ok"]
    assert mean_level(readings) == pytest.approx(sum(good) / len(good))


@pytest.mark.parametrize("level,offset", CASES)
def test_chart_datum(level, offset, station):
    station.datum_offset_mm = offset
    assert to_chart_datum(level, station) == pytest.approx(level - offset)


@pytest.mark.parametrize("levels", WINDOWS)
def test_despike_keeps_length(levels):
    assert len(despike(levels)) == len(levels)


@pytest.mark.parametrize("levels", WINDOWS[:4])
def test_despike_flat_middle(levels):
    flat = [levels[0]] * len(levels)
    assert despike(flat)[len(flat) // 2] == levels[0]


def test_surge_on_threshold(readings):
    predicted = [r.level_mm - 300.0 for r in readings]
    assert len(surges(readings, predicted)) == len(readings)


def test_rate_of_change_repeated_stamp():
    rs = [Reading("NWL", 0, 2400.0), Reading("NWL", 6, 2430.0), Reading("NWL", 6, 2431.0)]
    assert rate_of_change(rs)[0] == 5.0
'''
    t["tests/test_harmonics.py"] = '''import pytest
from tidemark.harmonics import Harmonic, form_factor, high_waters, predict


def test_predict_at_zero(constituents):
    assert predict(constituents, 0.0) == pytest.approx(-1020.0, abs=1.0)


def test_two_high_waters_a_day(constituents):
    assert len(high_waters(constituents, 24)) == 2


def test_form_factor_semidiurnal(constituents):
    assert form_factor(constituents) < 0.25


def test_form_factor_needs_k1():
    with pytest.raises(KeyError):
        form_factor([Harmonic("M2", 1.0, 0.0)])


def test_unknown_constituent():
    assert Harmonic("MK3", 10.0, 0.0).at(1.0) == 0.0


def test_calibrated_range(calibration_sheet, constituents):
    assert "M2" in calibration_sheet
'''
    return t


def project(tmp: Path) -> Path:
    root = tmp / "tidemark"
    files = {"src/tidemark/__init__.py": "", "src/tidemark/gauge.py": GAUGE, "src/tidemark/harmonics.py": HARMONICS,
             "data/NWL-2024-03.csv": _readings_csv(45, 2500), "data/NWL-short.csv": _readings_csv(46, 300),
             "data/NWL-clean.csv": _readings_csv(47, 240, repeats=False),
             "pytest.ini": "[pytest]\npythonpath = src\nasyncio_default_fixture_loop_scope = function\n"}
    files.update(_tests(4501))
    write_tree(root, files)
    return root


def tests_lf_sw(tmp: Path) -> None:
    root = project(tmp)
    run("pytest -q -p no:randomly >/dev/null 2>&1", cwd=root)  # a first run fills .pytest_cache
    cap("pytest-lf-q-tail-80", "pytest --lf -q --tb=short 2>&1 | tail -n 80", root, N_LF)
    cap("pytest-lf-v-exit", "pytest --lf -v --tb=line; echo EXIT=$?", root, N_LF)
    cap("pytest-sw-first", "pytest --sw -q", root, N_SW)
    cap("pytest-sw-again-v", "pytest --sw -v --tb=short tests/", root, N_SW)
    cap("pytest-cache-show", "pytest --cache-show", root, N_CACHE_SHOW)
    cap("pytest-cache-show-lastfailed", "pytest --cache-show 'cache/lastfailed'", root, N_CACHE_SHOW)
    cap("pytest-showlocals-gauge-tail-120", "pytest -l --tb=long tests/test_gauge.py 2>&1 | tail -n 120", root,
        N_SHOWLOCALS)
    cap("pytest-showlocals-harmonics", "pytest --showlocals tests/test_harmonics.py", root, N_SHOWLOCALS)
    cap("pytest-setup-show-harmonics", "pytest --setup-show tests/test_harmonics.py", root, N_SETUP_SHOW)
    cap("pytest-instafail-q", "pytest --instafail -q -p no:cacheprovider", root, N_INSTAFAIL)
    cap("pytest-pretty-run", f"{PRETTY}/bin/pytest -p no:cacheprovider", root, N_PRETTY, typed="pytest")
    cap("pytest-pretty-tail-60", f"{PRETTY}/bin/pytest -p no:cacheprovider tests/test_gauge.py 2>&1 | tail -n 60",
        root, N_PRETTY, typed="pytest tests/test_gauge.py 2>&1 | tail -n 60")


PLUGINS = {
    "tests/test_subtests.py": '''import pytest
from tidemark.gauge import Reading, despike, to_chart_datum, Station

LEVELS = {levels}


def test_despike_each_window(subtests):
    for i, levels in enumerate(LEVELS):
        with subtests.test(msg="window", i=i, n=len(levels)):
            out = despike(levels)
            assert out[-1] == sorted(levels[-3:])[1]


def test_datum_each_station(subtests):
    for code, offset in {offsets}:
        with subtests.test(station=code):
            assert to_chart_datum(1000.0, Station(code, offset)) == 1000.0 - offset
''',
    "tests/test_checks.py": '''from pytest_check import check
from tidemark.harmonics import Harmonic, predict, high_waters

CONST = [Harmonic("M2", 1620.0, 122.0), Harmonic("S2", 540.0, 165.0), Harmonic("K1", 110.0, 260.0)]


def test_prediction_envelope():
    for t in range({hours}):
        h = predict(CONST, float(t))
        check.less(abs(h), 2100.0, f"hour {{t}}")


def test_high_water_spacing():
    hw = high_waters(CONST, 72)
    for a, b in zip(hw, hw[1:]):
        check.between(b[0] - a[0], 12.3, 12.5, f"gap {{a[0]}} -> {{b[0]}}")
''',
    "tests/test_async.py": '''import asyncio
import pytest
from tidemark.gauge import parse_line

LINES = {lines}


async def fetch(line):
    await asyncio.sleep(0)
    return parse_line(line)


async def push_to_archive(reading):
    await asyncio.sleep(0.01)


@pytest.mark.asyncio
async def test_fetch_all():
    out = await asyncio.gather(*(fetch(ln) for ln in LINES))
    for r in out:
        push_to_archive(r)  # bug: never awaited
    assert len(out) == len(LINES)


@pytest.mark.asyncio
async def test_fetch_flagged():
    out = [await fetch(ln) for ln in LINES]
    assert all(r.flag == "ok" for r in out)


@pytest.mark.asyncio
async def test_timeout():
    async def slow():
        await asyncio.sleep(1)
    await asyncio.wait_for(slow(), 0.01)
''',
}


def tests_plugins(tmp: Path) -> None:
    root = project(tmp)
    rnd = random.Random(4502)
    levels = [[round(rnd.uniform(1000, 4000), 1) for _ in range(rnd.randint(5, 8))] for _ in range(30)]
    offsets = [(f"S{k:02d}", round(rnd.uniform(-3000, 3000), 1)) for k in range(12)]
    lines = [f"NWL,{6 * i},{round(rnd.uniform(1000, 4000), 1)},{rnd.choice(['ok'] * 8 + ['spike'])}" for i in range(60)]
    write_tree(root, {
        "tests/test_subtests.py": PLUGINS["tests/test_subtests.py"].format(levels=repr(levels), offsets=repr(offsets)),
        "tests/test_checks.py": PLUGINS["tests/test_checks.py"].format(hours=48),
        "tests/test_async.py": PLUGINS["tests/test_async.py"].format(lines=repr(lines)),
    })
    cap("pytest-subtests", "pytest tests/test_subtests.py", root, N_SUBTESTS)
    cap("pytest-subtests-q-tail-60", "pytest -q tests/test_subtests.py 2>&1 | tail -n 60", root, N_SUBTESTS)
    cap("pytest-check", "pytest tests/test_checks.py", root, N_CHECK)
    cap("pytest-check-tb-no-exit", "pytest --tb=no -rf tests/test_checks.py; echo EXIT=$?", root, N_CHECK)
    cap("pytest-asyncio-w-default", "pytest -W default tests/test_async.py", root, N_ASYNCIO)
    cap("pytest-asyncio-v", "pytest -v --tb=short tests/test_async.py 2>&1 | tail -n 80", root, N_ASYNCIO)


SNAP = '''from tidemark.harmonics import Harmonic, high_waters, predict
import os

SHIFT = float(os.environ.get("TIDE_SHIFT", "0"))
CONST = [Harmonic("M2", 1620.0, 122.0 + SHIFT), Harmonic("S2", 540.0, 165.0), Harmonic("K1", 110.0, 260.0)]


def test_high_waters_week(snapshot):
    assert high_waters(CONST, 24 * 7) == snapshot


def test_hourly_day(snapshot):
    assert [round(predict(CONST, float(t)), 1) for t in range(24)] == snapshot


def test_station_summary(snapshot):
    hw = high_waters(CONST, 48)
    assert {"station": "NWL", "count": len(hw), "first": hw[0], "last": hw[-1]} == snapshot


def test_new_constituent_table(snapshot):
    assert sorted(c.name for c in CONST) == snapshot
'''


def tests_snapshots(tmp: Path) -> None:
    root = project(tmp)
    write_tree(root, {"tests/test_snap.py": SNAP})
    run("pytest --snapshot-update tests/test_snap.py -k 'not new_constituent' >/dev/null 2>&1", cwd=root)
    cap("syrupy-mismatch", "TIDE_SHIFT=7.5 pytest tests/test_snap.py", root, N_SYRUPY)
    cap("syrupy-mismatch-tail-80", "TIDE_SHIFT=3 pytest -q tests/test_snap.py 2>&1 | tail -n 80", root, N_SYRUPY)


# ------------------------------------------------------------------ debuggers, tracers, memory tools, runtime failures

LOAD = '''import sys
sys.path.insert(0, "src")
from tidemark.gauge import parse_line, mean_level, despike, rate_of_change, surges
from tidemark.harmonics import Harmonic, predict

CONST = [Harmonic("M2", 1620.0, 122.0), Harmonic("S2", 540.0, 165.0), Harmonic("K1", 110.0, 260.0)]


def load(path):
    with open(path) as fh:
        return [parse_line(ln) for ln in fh if ln.strip()]


def month(path):
    readings = load(path)
    levels = [r.level_mm for r in readings]
    smooth = despike(levels)
    predicted = [predict(CONST, r.ts / 60) + 2400 for r in readings]
    big = surges(readings, predicted, threshold=250)
    print(f"{len(readings)} readings, mean {mean_level(readings):.1f} mm, {len(big)} surges")
    return rate_of_change(readings)


if __name__ == "__main__":
    month(sys.argv[1] if len(sys.argv) > 1 else "data/NWL-short.csv")
'''

SCRIPTS = {
    "memprof_month.py": '''import sys
sys.path.insert(0, "src")
from memory_profiler import profile
from tidemark.gauge import parse_line, despike, Reading


@profile
def load_month(path):
    with open(path) as fh:
        text = fh.read()
    lines = text.splitlines()
    readings = [parse_line(ln) for ln in lines]
    copies = [Reading(r.station, r.ts, r.level_mm, r.flag) for r in readings * 20]
    levels = [r.level_mm for r in copies]
    smooth = despike(levels[:20000])
    del text
    return readings, smooth


@profile
def index_by_hour(readings):
    by_hour = {}
    for r in readings:
        by_hour.setdefault(r.ts // 60, []).append(r)
    keys = sorted(by_hour)
    return {k: by_hour[k] for k in keys}


if __name__ == "__main__":
    rs, _ = load_month("data/NWL-2024-03.csv")
    index_by_hour(rs)
''',
    "objgraph_growth.py": '''import sys
sys.path.insert(0, "src")
import objgraph
from tidemark.gauge import parse_line, Station
from tidemark.harmonics import Harmonic

CACHE = []
objgraph.show_growth(limit=3)
st = Station("NWL", -3120.0)
with open("data/NWL-2024-03.csv") as fh:
    for ln in fh:
        r = parse_line(ln)
        st.readings.append(r)
        CACHE.append({"ts": r.ts, "raw": ln, "harm": Harmonic("M2", r.level_mm, 0.0)})  # bug: the cache never drains
print("after loading one month:")
objgraph.show_growth(limit=40)
print("most common types:")
objgraph.show_most_common_types(limit=25)
''',
    "pympler_summary.py": '''import sys
sys.path.insert(0, "src")
from pympler import muppy, summary
from tidemark.gauge import parse_line, Station

stations = []
for k in range(6):
    st = Station(f"S{k:02d}", -3000.0 + k)
    with open("data/NWL-2024-03.csv") as fh:
        st.readings = [parse_line(ln) for ln in fh]
    stations.append(st)
summary.print_(summary.summarize(muppy.get_objects()), limit=40)
''',
    "snoop_despike.py": '''import sys
sys.path.insert(0, "src")
import snoop
from tidemark import gauge

gauge.despike = snoop(gauge.despike)
gauge.rate_of_change = snoop(gauge.rate_of_change)
rs = [gauge.parse_line(f"NWL,{t},{2400 + 13 * t}") for t in (0, 6, 12, 18, 18, 24)]
print(gauge.despike([r.level_mm for r in rs]))
print(gauge.rate_of_change(rs))
''',
    "pysnooper_surges.py": '''import sys
sys.path.insert(0, "src")
import pysnooper
from tidemark import gauge
from tidemark.harmonics import Harmonic, predict

CONST = [Harmonic("M2", 1620.0, 122.0), Harmonic("S2", 540.0, 165.0)]


@pysnooper.snoop(depth=2)
def check_day(lines):
    readings = [gauge.parse_line(ln) for ln in lines]
    predicted = [predict(CONST, r.ts / 60) + 2400 for r in readings]
    big = gauge.surges(readings, predicted, threshold=5000)
    return len(big), gauge.mean_level(readings) / len(big)


with open("data/NWL-short.csv") as fh:
    print(check_day(fh.readlines()[:24]))
''',
    "hunter_trace.py": '''import sys
sys.path.insert(0, "src")
import hunter
from tidemark import gauge
from tidemark.harmonics import Harmonic, high_waters, form_factor

hunter.trace(module_startswith="tidemark", kind_in=("call", "return", "exception"))
c = [Harmonic("M2", 1620.0, 122.0), Harmonic("S2", 540.0, 165.0)]
print(high_waters(c, 13, step=1.0))
rs = [gauge.parse_line(f"NWL,{t},{2400 + t}") for t in (0, 6, 6)]
try:
    gauge.rate_of_change(rs)
except ZeroDivisionError as e:
    print("rate failed:", e)
print(form_factor(c))
''',
    "stackprinter_run.py": '''import sys
sys.path.insert(0, "src")
import stackprinter
stackprinter.set_excepthook(style="plaintext")
from tidemark import gauge

with open("data/NWL-short.csv") as fh:
    readings = [gauge.parse_line(ln) for ln in fh]
rates = gauge.rate_of_change(readings)
print(max(rates))
''',
    "better_exc_run.py": '''import sys
sys.path.insert(0, "src")
import better_exceptions
better_exceptions.hook()
from tidemark.harmonics import Harmonic, form_factor

constituents = [Harmonic(n, a, p) for n, a, p in [("M2", 1620.0, 122.0), ("S2", 540.0, 165.0), ("O1", 95.0, 232.0)]]
print(form_factor(constituents))
''',
    "icecream_run.py": '''import sys
sys.path.insert(0, "src")
from icecream import ic
from tidemark import gauge
from tidemark.harmonics import Harmonic, predict

CONST = [Harmonic("M2", 1620.0, 122.0), Harmonic("S2", 540.0, 165.0)]
with open("data/NWL-short.csv") as fh:
    readings = [gauge.parse_line(ln) for ln in fh][:150]
for r in readings:
    p = predict(CONST, r.ts / 60) + 2400
    ic(r.ts, r.level_mm - p)
    if r.flag != "ok":
        ic(r)
ic(gauge.mean_level(readings))
ic(len(gauge.surges(readings, [predict(CONST, r.ts / 60) + 2400 for r in readings], 100)))
''',
    "gc_debug.py": '''import gc, sys
sys.path.insert(0, "src")
from tidemark.gauge import Station, parse_line

gc.set_debug(gc.DEBUG_STATS)
ring = []
for k in range(400):
    a, b = Station(f"A{k}", 0.0), Station(f"B{k}", 0.0)
    a.neighbours.append(b); b.neighbours.append(a)  # cycles the refcounts never free
    a.readings = [parse_line(f"A{k},{t},2400") for t in range(0, 600, 6)]
    ring.append(a)
    if k % 50 == 0:
        ring.clear()
gc.collect()
''',
    "mallocstats.py": '''import sys
sys.path.insert(0, "src")
from tidemark.gauge import parse_line
with open("data/NWL-2024-03.csv") as fh:
    keep = [parse_line(ln) for ln in fh]
sys._debugmallocstats()
''',
    "pool_run.py": '''import sys
sys.path.insert(0, "src")
from concurrent.futures import ProcessPoolExecutor
from tidemark import gauge


def station_rates(path):
    with open(path) as fh:
        return max(gauge.rate_of_change([gauge.parse_line(ln) for ln in fh]))


if __name__ == "__main__":
    with ProcessPoolExecutor(2) as pool:
        for path, r in zip(sys.argv[1:], pool.map(station_rates, sys.argv[1:])):
            print(path, r)
''',
    "thread_run.py": '''import sys, threading
sys.path.insert(0, "src")
from tidemark import gauge
from tidemark.harmonics import Harmonic, form_factor


def worker(code, lines):
    rs = [gauge.parse_line(ln.replace("NWL", code)) for ln in lines]
    if code.endswith("3"):
        form_factor([Harmonic("M2", 1.0, 0.0)])
    print(code, round(max(gauge.rate_of_change(rs)), 2))


with open("data/NWL-short.csv") as fh:
    lines = fh.readlines()
threads = [threading.Thread(target=worker, args=(f"S{k:02d}", lines[k * 40:(k + 1) * 40]), name=f"gauge-S{k:02d}")
           for k in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
''',
    "network_run.py": '''import sys
sys.path.insert(0, "src")
from tidemark.gauge import Station, network_codes

a, b, c = Station("NWL", 0.0), Station("LIV", 0.0), Station("HEY", 0.0)
a.neighbours.append(b); b.neighbours.append(c); c.neighbours.append(a)
print(network_codes(a))
''',
    "network_dict.py": '''import sys, json
sys.path.insert(0, "src")
from tidemark.gauge import Station


def to_dict(st):
    return {"code": st.code, "offset": st.datum_offset_mm, "neighbours": [to_dict(n) for n in st.neighbours]}


codes = ["NWL", "LIV", "HEY", "WHI", "IMM", "LOW", "SHE", "DOV"]
stations = {c: Station(c, -3000.0 - 10 * k) for k, c in enumerate(codes)}
for a, b in zip(codes, codes[1:] + codes[:1]):
    stations[a].neighbours.append(stations[b])
print(json.dumps(to_dict(stations["NWL"]), indent=2))
''',
    "legacy_run.py": '''import sys, datetime, warnings
sys.path.insert(0, "src")
from tidemark.gauge import parse_line


import locale


def stamp(r):
    return datetime.datetime.fromtimestamp(r.ts * 60, datetime.timezone.utc).isoformat()


with open("data/NWL-short.csv") as fh:
    for ln in list(fh)[:60]:
        r = parse_line(ln)
        print(stamp(r), f"{r.level_mm:8.1f}", r.flag)
lang, enc = locale.getdefaultlocale()  # deprecated since 3.11
print(f"report locale: {lang} {enc}")
''',
    "typeguard_run.py": '''import sys
sys.path.insert(0, "src")
from typeguard import install_import_hook
install_import_hook("tidemark")
from tidemark import gauge

rows = [ln.strip().split(",") for ln in open("data/NWL-short.csv")]
station = gauge.Station("NWL", -3120.0)
for r in rows[:30]:
    print(r[0], r[1], gauge.to_chart_datum(float(r[2]), station))
print(gauge.to_chart_datum(rows[30][2], station))  # the level left a str
''',
}


def debug_tools(tmp: Path) -> None:
    root = project(tmp)
    write_tree(root, {"load_month.py": LOAD, **SCRIPTS})
    cap("memory-profiler-month", "python -m memory_profiler memprof_month.py", root, N_MEMPROF)
    cap("objgraph-growth", "python objgraph_growth.py", root, N_OBJGRAPH)
    cap("pympler-summary", "python pympler_summary.py", root, N_PYMPLER)
    cap("snoop-despike", "python snoop_despike.py 2>&1", root, N_SNOOP)
    cap("pysnooper-surges", "python pysnooper_surges.py 2>&1 | tail -n 150", root, N_PYSNOOPER)
    cap("hunter-trace", "python hunter_trace.py", root, N_HUNTER)
    cap("hunter-env-load-month-tail", "PYTHONHUNTER=\"module='tidemark.gauge'\" "
        "python load_month.py data/NWL-short.csv 2>&1 | tail -n 150", root, N_HUNTER)
    cap("stackprinter-rates", "python stackprinter_run.py", root, N_STACKPRINTER)
    cap("better-exceptions-form-factor", "python better_exc_run.py; echo EXIT=$?", root, N_BETTER_EXC)
    cap("icecream-surges", "python icecream_run.py", root, N_ICECREAM)
    cap("trace-listfuncs", "python -m trace --listfuncs load_month.py data/NWL-clean.csv", root, N_LISTFUNCS)
    cap("trace-trackcalls", "python -m trace --trackcalls load_month.py data/NWL-clean.csv", root, N_TRACKCALLS)
    cap("gc-debug-stats-tail-120", "python gc_debug.py 2>&1 | tail -n 120", root, N_GC)
    cap("debugmallocstats", "python mallocstats.py", root, N_MALLOC)
    cap("process-pool-remote-tb", "python pool_run.py data/NWL-short.csv data/NWL-2024-03.csv", root, N_REMOTE)
    cap("thread-exceptions", "python thread_run.py", root, N_THREAD_EXC)
    cap("recursion-to-dict-tail-30", "python network_dict.py 2>&1 | tail -n 30", root, N_RECURSION)
    cap("recursion-network-full", "python network_run.py", root, N_RECURSION)
    cap("w-error-deprecation", "python -W error::DeprecationWarning legacy_run.py", root, N_WERROR)
    cap("typeguard-hook", "python typeguard_run.py; echo EXIT=$?", root, N_TYPEGUARD)
    steps = ["b src/tidemark/gauge.py:42", "c", "p i, levels[:4]", "p win", "c", "p i, win", "pp out", "c",
             "p len(levels), window", "cl 1", "b src/tidemark/gauge.py:51", "c", "p len(readings)",
             "pp readings[:3]", "p [r.ts for r in readings[:12]]", "c", "p a, b", "p b.ts - a.ts", "w", "q"]
    cap("pdb-stdin-breakpoints", "printf '%s\\n' " + " ".join(f"'{c}'" for c in steps) +
        " | python -m pdb load_month.py data/NWL-short.csv", root, pdb_session(steps))
    post = ["w", "p a.ts, b.ts", "p a", "up", "p len(readings)", "p readings[-3:]", "q"]
    cap("pdb-postmortem-rates", "printf '%s\\n' " + " ".join(f"'{c}'" for c in post) +
        " | python -m pdb -c continue load_month.py data/NWL-short.csv", root, pdb_session(post))

STEPS = [tests_lf_sw, tests_plugins, tests_snapshots, debug_tools]
