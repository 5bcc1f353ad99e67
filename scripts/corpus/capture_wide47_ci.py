"""Round 47: CI and machine-readable report formats. A tide-gauge data cleaner (`tidemark`) written here with bugs
put in and widened by seeded generated modules, its deployment shell scripts, and the formats CI reads: ruff's
github / azure / pylint / junit / gitlab / json-lines / rdjson output, pylint's parseable / msvs / colorized / json2,
mypy's JUnit XML, bandit's csv / xml / sarif, shellcheck's diff, pytest under teamcity-messages, under
pytest-github-actions-annotate-failures and with --report-log. Each kind's extractor applies its rule in NEEDLES.md's
"Round 47" section. Run through capture_wide47.py."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import any_of, groups, kind, run, write_tree
from capture_wide47 import VENV, cap

CODE = re.compile(r"\b([A-Z]{1,3}\d{3,4})\b")
PATH = re.compile(r"([\w./-]+\.(?:py|sh))\b")


def _exit(lines):
    """round 9b's shell-status: an `EXIT=` line an agent's `; echo EXIT=$?` printed."""
    return [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip())]


def _line_groups(lines, pick):
    """finding groups from one-line findings: pick(line) -> (code, file) or None."""
    pairs = []
    for ln in lines:
        k = pick(ln)
        if k:
            pairs.append((k, ln))
    return groups(pairs)


def _json_body(lines):
    text = "\n".join(ln for ln in lines if not re.match(r"^EXIT=\d+$", ln.strip()))
    return json.loads(text)


def _enc(s: str) -> str:
    return json.dumps(s)[1:-1]


def _msg_groups(lines, records, key_line: str):
    """finding groups from JSON records (code, path, message): the lines holding `"key_line": "<message>"`."""
    pairs = []
    for code, path, msg in records:
        frag = f'"{key_line}": "{_enc(msg)}'
        hits = [ln for ln in lines if frag in ln]
        for h in hits:
            pairs.append(((code, path), h))
    return groups(pairs)


# ------------------------------------------------------------------ ruff

@kind("ruff-github", "lint")
def n_ruff_github(lines):
    """the `::error` annotation lines, one {any} per (rule code, file); `EXIT=`."""
    def pick(ln):
        m = re.search(r"title=[Rr]uff \(([A-Z]+\d+)\),file=([^,]+)", ln)
        return (m.group(1), m.group(2)) if ln.startswith("::") and m else None
    return _line_groups(lines, pick) + _exit(lines)


@kind("ruff-azure", "lint")
def n_ruff_azure(lines):
    """the `##vso[task.logissue ...]` lines, one {any} per (rule code, file); `EXIT=`."""
    def pick(ln):
        if not ln.startswith("##vso[task.logissue"):
            return None
        c = re.search(r"code=([A-Z]+\d+)", ln)
        p = re.search(r"sourcepath=([^;]+)", ln)
        return (c.group(1) if c else "?", p.group(1) if p else "?")
    return _line_groups(lines, pick) + _exit(lines)


@kind("ruff-pylint-format", "lint")
def n_ruff_pylint_format(lines):
    """the `path:line: [CODE] msg` lines, one {any} per (rule code, file); `EXIT=`."""
    def pick(ln):
        m = re.match(r"^(\S+?):\d+: \[([A-Z]+\d+)\]", ln)
        return (m.group(2), m.group(1)) if m else None
    return _line_groups(lines, pick) + _exit(lines)


@kind("ruff-junit", "lint")
def n_ruff_junit(lines):
    """`<testcase name="org.ruff.CODE">` lines, one {any} per (code, enclosing testsuite's file); the `<testsuites>` line."""
    pairs, suite, out = [], "?", []
    for ln in lines:
        s = re.search(r'<testsuite name="([^"]+)"', ln)
        if s:
            suite = s.group(1)
        c = re.search(r'<testcase name="org\.ruff\.([A-Z]+\d+)"', ln)
        if c:
            pairs.append(((c.group(1), suite), ln))
        if "<testsuites" in ln:
            out.append(ln)
    return out + groups(pairs) + _exit(lines)


@kind("ruff-gitlab", "lint")
def n_ruff_gitlab(lines):
    """each record's `"description"` line, one {any} per (check_name, location.path); `EXIT=`."""
    recs = [(r.get("check_name"), r["location"]["path"], r["description"]) for r in _json_body(lines)]
    return _msg_groups(lines, recs, "description") + _exit(lines)


@kind("ruff-json-lines", "lint")
def n_ruff_json_lines(lines):
    """each JSON line, one {any} per (code, filename); `EXIT=`."""
    def pick(ln):
        if not ln.startswith("{"):
            return None
        r = json.loads(ln)
        return (r.get("code"), r.get("filename"))
    return _line_groups(lines, pick) + _exit(lines)


@kind("ruff-rdjson", "lint")
def n_ruff_rdjson(lines):
    """each diagnostic's `"message"` line, one {any} per (code.value, location.path); `EXIT=`."""
    body = _json_body(lines)
    recs = [((d.get("code") or {}).get("value"), d["location"]["path"], d["message"]) for d in body["diagnostics"]]
    return _msg_groups(lines, recs, "message") + _exit(lines)


# ------------------------------------------------------------------ pylint

def _pylint_lines(lines, pat):
    out, pairs = [], []
    for ln in lines:
        m = re.search(pat, ln)
        if not m:
            continue
        path, mid = m.group("path"), m.group("mid")
        if mid[0] in "EF":
            out.append(ln)
        else:
            pairs.append(((mid, path), ln))
    rated = [ln for ln in lines if "Your code has been rated at" in ln]
    return out + groups(pairs) + rated + _exit(lines)


@kind("pylint-parseable", "lint")
def n_pylint_parseable(lines):
    """`path:line: [Xnnnn(symbol), obj] msg`: E/F lines each, others one {any} per (id, file); the rating line."""
    return _pylint_lines(lines, r"^(?P<path>\S+?):\d+: \[(?P<mid>[CRWEFI]\d{4})")


@kind("pylint-msvs", "lint")
def n_pylint_msvs(lines):
    """`path(line): [Xnnnn(symbol)obj] msg`: E/F lines each, others one {any} per (id, file); the rating line."""
    return _pylint_lines(lines, r"^(?P<path>\S+?)\(\d+\): \[(?P<mid>[CRWEFI]\d{4})")


@kind("pylint-colorized", "lint")
def n_pylint_colorized(lines):
    """`path:line:col: Xnnnn: msg` (ANSI removed): E/F lines each, others one {any} per (id, file); the rating line."""
    return _pylint_lines(lines, r"^(?P<path>\S+?):\d+:\d+: (?P<mid>[CRWEFI]\d{4})")


@kind("pylint-json2", "lint")
def n_pylint_json2(lines):
    """each message's `"message"` line: error/fatal each, others one {any} per (messageId, path); the `"score"` line."""
    body = _json_body(lines)
    bad = [(m["messageId"], m["path"], m["message"]) for m in body["messages"] if m["type"] in ("error", "fatal")]
    rest = [(m["messageId"], m["path"], m["message"]) for m in body["messages"] if m["type"] not in ("error", "fatal")]
    out = []
    for code, path, msg in bad:
        frag = f'"message": "{_enc(msg)}'
        out += [ln for ln in lines if frag in ln][:1]
    score = [ln for ln in lines if re.search(r'"score":', ln)]
    return out + _msg_groups(lines, rest, "message") + score + _exit(lines)


# ------------------------------------------------------------------ mypy, shellcheck, bandit

@kind("mypy-junit-xml-file", "lint")
def n_mypy_junit(lines):
    """every line holding `: error:`; the `<testsuite ...>` line with the counts."""
    return [ln for ln in lines if ": error:" in ln] + [ln for ln in lines if "<testsuite " in ln] + _exit(lines)


@kind("shellcheck-diff", "lint")
def n_shellcheck_diff(lines):
    """every file header (`--- a/...`) and hunk header (`@@`)."""
    return [ln.split("\t")[0] for ln in lines if ln.startswith("--- ")] + [ln for ln in lines if ln.startswith("@@")]


@kind("bandit-csv", "lint")
def n_bandit_csv(lines):
    """every HIGH-severity row; MEDIUM/LOW one {any} per (test id, file)."""
    out, pairs = [], []
    for ln in lines[1:]:
        cols = ln.split(",")
        if len(cols) < 6 or not cols[0].endswith(".py"):
            continue
        if "HIGH" == cols[3]:
            out.append(ln)
        else:
            pairs.append(((cols[2], cols[0]), ln))
    return lines[:1] + out + groups(pairs)


@kind("bandit-xml", "lint")
def n_bandit_xml(lines):
    """each `<error ... type="SEV" message="...` (from `type=`): HIGH each, others one {any} per (test, file); testsuite."""
    out, pairs = [], []
    pat = re.compile(r'<testcase classname="([^"]+)" name="[^"]*"><error more_info="[^"]*?#(b\d+)[^"]*" (type="(\w+)" message=".*)')
    for ln in lines:
        for m in re.finditer(r'<testcase classname=', ln):
            seg = pat.match(ln[m.start():])
            if not seg:
                continue
            frag = seg.group(3).split("<testcase")[0]
            if seg.group(4) == "HIGH":
                out.append(frag)
            else:
                pairs.append(((seg.group(2), seg.group(1)), frag))
    suite = [re.search(r"<testsuite [^>]*>", ln).group(0) for ln in lines if "<testsuite " in ln]
    return suite + out + groups(pairs)


@kind("bandit-sarif", "lint")
def n_bandit_sarif(lines):
    """each result's message `"text"` line: HIGH each, others one {any} per (ruleId, uri)."""
    body = _json_body(lines)
    out, recs = [], []
    for r in body["runs"][0]["results"]:
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        msg = r["message"]["text"]
        if (r.get("properties") or {}).get("issue_severity") == "HIGH":
            out += [ln for ln in lines if f'"text": "{_enc(msg)}' in ln][:1]
        else:
            recs.append((r["ruleId"], uri, msg))
    return out + _msg_groups(lines, recs, "text")


# ------------------------------------------------------------------ pytest in CI formats

PYTEST_COUNTS = re.compile(r"^=+ .*\b(failed|passed|error)\b.* in [\d.]+s")


@kind("pytest-teamcity", "test")
def n_pytest_teamcity(lines):
    """every `##teamcity[testFailed ...]` line from its ` name=` (past 200 chars); the pytest counts line; `EXIT=`."""
    return ([ln[ln.rindex(" name='") + 1:] for ln in lines if "##teamcity[testFailed" in ln] +
            [ln for ln in lines if PYTEST_COUNTS.search(ln)] + _exit(lines))


@kind("pytest-gha-annotate", "test")
def n_pytest_gha(lines):
    """every `::error file=` line, every `FAILED` line, each failure's first `E   ` line, the counts line; `EXIT=`."""
    out = [ln for ln in lines if ln.startswith("::error")] + [ln for ln in lines if ln.startswith("FAILED ")]
    in_fail = False
    for ln in lines:
        if re.match(r"^_{3,} .+ _{3,}$", ln):
            in_fail = True
        elif in_fail and re.match(r"^E\s{2,}\S", ln):
            out.append(ln)
            in_fail = False
    return out + [ln for ln in lines if PYTEST_COUNTS.search(ln)] + _exit(lines)


@kind("pytest-reportlog", "test")
def n_pytest_reportlog(lines):
    """every failed call/setup report line (its first 200 characters name the nodeid); the `SessionFinish` line."""
    out = []
    for ln in lines:
        if not ln.startswith("{"):
            continue
        r = json.loads(ln)
        if r.get("$report_type") == "TestReport" and r.get("outcome") == "failed":
            out.append(ln)
        if r.get("$report_type") == "SessionFinish":
            out.append(ln)
    return out + _exit(lines)


# ------------------------------------------------------------------ the kinds added before their capture

@kind("shellcheck-json", "lint")
def n_shellcheck_json(lines):
    """each record's JSON text (first 200 chars): error level each, others one {any} per (code, file)."""
    out, pairs = [], []
    for ln in lines:
        starts = [m.start() for m in re.finditer(r'\{"file":', ln)]
        for a, b in zip(starts, starts[1:] + [len(ln)]):
            seg = ln[a:b].rstrip(",]")
            r = json.loads(seg)
            if r["level"] == "error":
                out.append(seg)
            else:
                pairs.append(((r["code"], r["file"]), seg))
    return out + groups(pairs)


@kind("bandit-json", "lint")
def n_bandit_json(lines):
    """each result's `"issue_text"` line: HIGH each, others one {any} per (test_id, filename); the totals' HIGH line."""
    body = _json_body(lines)
    out, recs = [], []
    for r in body["results"]:
        if r["issue_severity"] == "HIGH":
            out += [ln for ln in lines if f'"issue_text": "{_enc(r["issue_text"])}' in ln][:1]
        else:
            recs.append((r["test_id"], r["filename"], r["issue_text"]))
    high = [ln for ln in lines if '"SEVERITY.HIGH"' in ln][-1:]
    return out + _msg_groups(lines, recs, "issue_text") + high


@kind("pytest-json-report", "test")
def n_pytest_json_report(lines):
    """the summary's "failed" and "total" lines; every failed test's "nodeid" line; each failure's crash "message"."""
    body = _json_body(lines)
    out = []
    summ = body["summary"]
    i0 = next(i for i, ln in enumerate(lines) if re.match(r'^\s*"summary": \{', ln))
    for key in ("failed", "total"):
        if key in summ:
            out += [ln for ln in lines[i0:i0 + 12] if re.match(rf'^\s*"{key}": \d+', ln)][:1]
    for t in body["tests"]:
        if t["outcome"] != "failed":
            continue
        out += [ln for ln in lines if f'"nodeid": "{_enc(t["nodeid"])}"' in ln][:1]
        for phase in ("setup", "call"):
            crash = (t.get(phase) or {}).get("crash")
            if crash:
                out += [ln for ln in lines if f'"message": "{_enc(crash["message"])[:150]}' in ln][:1]
                break
    return out


@kind("xmlrunner-junit", "test")
def n_xmlrunner(lines):
    """every `<testcase>` line holding a failure/error and its `<failure`/`<error` line; the `<testsuite>` lines."""
    out = []
    for i, ln in enumerate(lines):
        if "<testsuite " in ln:
            out.append(ln)
        if "<testcase " in ln:
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            for cand in (ln, nxt):
                if re.search(r"<(failure|error) ", cand):
                    out += [ln, cand]
                    break
    return out + _exit(lines)


@kind("ctest-junit", "test")
def n_ctest_junit(lines):
    """every `<testcase ... status="fail">` line, the `<testsuite>` line; ctest's `tests failed out of` and `***Failed`."""
    out = [ln for ln in lines if "<testcase " in ln and 'status="fail"' in ln]
    out += [ln for ln in lines if "<testsuite " in ln]
    out += [ln for ln in lines if "tests failed out of" in ln or "***Failed" in ln]
    return out + _exit(lines)


# ------------------------------------------------------------------ the project

PYPROJECT = """[project]
name = "tidemark"
version = "0.9.3"
requires-python = ">=3.10"

[tool.ruff]
line-length = 100

[tool.ruff.lint]
select = ["E", "F", "W", "B", "UP", "SIM", "S", "PL", "RUF"]

[tool.mypy]
python_version = "3.11"
"""

GAUGE = '''"""Tide-gauge readings: parsing, spike removal and datum conversion."""
from __future__ import annotations

import os
import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

DATUM_OFFSETS_M = {"LAT": 0.0, "MSL": 2.913, "CD": 0.41, "NAVD88": 1.07}
SPIKE_SIGMA = 4


@dataclass
class Reading:
    station: str
    at: datetime
    level_m: float
    flag: Optional[str] = None


def parse_line(line: str) -> Reading:
    station, stamp, level, *rest = line.strip().split(",")
    return Reading(station, datetime.fromisoformat(stamp), float(level), rest[0] if rest else None)


def to_datum(r: Reading, datum: str) -> float:
    return r.level_m - DATUM_OFFSETS_M[datum]  # bug: a datum's offset is added, not removed


def despike(readings: list[Reading], sigma: int = SPIKE_SIGMA) -> list[Reading]:
    levels = [r.level_m for r in readings]
    mu, sd = statistics.mean(levels), statistics.pstdev(levels)
    return [r for r in readings if abs(r.level_m - mu) < sigma * sd]  # bug: drops all when sd == 0


def gaps(readings: list[Reading], every: timedelta = timedelta(minutes=6)) -> list[tuple[datetime, datetime]]:
    out = []
    for a, b in zip(readings, readings[1:]):
        if b.at - a.at > every:
            out.append((a.at, b.at))
    return out


def high_water(readings: list[Reading]) -> Reading:
    return max(readings, key=lambda r: r.level_m) if readings else None


def station_label(code: str) -> str:
    return code.upper() + ":" + len(code)


def cache_dir() -> str:
    return os.environ.get("TIDEMARK_CACHE") or "/tmp/tidemark"


def mean_level(readings: list[Reading]) -> int:
    return sum(r.level_m for r in readings) / len(readings)


def flagged(readings) -> list[str]:
    return [r.flag.lower() for r in readings]
'''

EXPORT = '''"""Exporting cleaned series."""
import json
import pickle
import subprocess
import hashlib
import yaml
from tidemark.gauge import Reading, high_water, mean_level


def export_json(readings: list[Reading], path: str) -> None:
    with open(path, "w") as f:
        json.dump([r.__dict__ for r in readings], f, default=str)


def load_cache(blob: bytes):
    return pickle.loads(blob)


def load_config(text: str):
    return yaml.load(text)


def archive(path: str, dest: str) -> int:
    return subprocess.call("tar czf %s %s" % (dest, path), shell=True)


def checksum(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


def summary(readings: list[Reading]) -> str:
    hw = high_water(readings)
    return f"{hw.station} high {hw.level_m:.2f} m, mean {mean_level(readings):.3f}"


def evaluate(expr: str, level: float) -> bool:
    return eval(expr, {"level": level})
'''


def station_module(i: int) -> str:
    """A generated station driver with the usual smells, seeded."""
    rnd = random.Random(4700 + i)
    body = ["import os, sys, re", "import json", "from math import *", "import subprocess", ""]
    for j in range(rnd.randint(5, 9)):
        verb = rnd.choice(["poll", "calibrate", "flush", "resample", "upload", "rotate"])
        body += [f"def {verb}_{j}(port, cfg = {{}}, *a):",
                 f"    if port == None or cfg == []: return {rnd.randint(0, 9)}",
                 f"    steps = [s for s in range(port) if s%{rnd.randint(2, 7)}==0]",
                 "    try:", "        return json.loads(cfg)", "    except:", "        pass"]
        if rnd.random() < 0.35:
            body.append(f"    subprocess.call('logger gauge {i} ' + str(port), shell=True)")
        if rnd.random() < 0.3:
            body.append("    password = 'tide-admin-2024'")
        if rnd.random() < 0.25:
            body.append(f"    undefined_total_{j} += 1")
        body += [f"    print('station %s at %d' % (port, len(steps)))", ""]
    return "\n".join(body) + "\n"


def test_file(seed: int) -> str:
    rnd = random.Random(seed)
    rows = []
    for k in range(14):
        lvl = round(rnd.uniform(0.2, 4.8), 3)
        rows.append(f'    ("TM{k:02d}", "2026-03-{k + 1:02d}T0{k % 9}:00:00", {lvl}, "MSL", {round(lvl - 2.913, 3)}),')
    return '''import pytest
from datetime import datetime, timedelta
from tidemark.gauge import Reading, parse_line, to_datum, despike, gaps, high_water, station_label, mean_level, flagged

CASES = [
''' + "\n".join(rows) + '''
    ("TM99", "2026-03-20T04:00:00", 1.0, "CD", 1.41),
    ("TM98", "2026-03-21T05:00:00", 2.0, "NAVD88", 3.07),
]


@pytest.mark.parametrize("station,stamp,level,datum,expected", CASES)
def test_to_datum(station, stamp, level, datum, expected):
    r = parse_line(f"{station},{stamp},{level}")
    assert to_datum(r, datum) == pytest.approx(expected, abs=1e-3)


def test_despike_flat_series():
    t = datetime(2026, 3, 1)
    flat = [Reading("TM01", t + timedelta(minutes=6 * k), 1.5) for k in range(10)]
    assert len(despike(flat)) == 10


def test_gaps_found():
    t = datetime(2026, 3, 1)
    rs = [Reading("TM01", t + timedelta(minutes=m), 1.0) for m in (0, 6, 12, 30, 36)]
    assert gaps(rs) == [(t + timedelta(minutes=12), t + timedelta(minutes=30))]


def test_high_water_empty():
    assert high_water([]) is None


def test_station_label():
    assert station_label("tm07") == "TM07:4"


def test_mean_level():
    t = datetime(2026, 3, 1)
    assert mean_level([Reading("A", t, 1.0), Reading("A", t, 2.0)]) == 1.5


def test_flagged_skips_unflagged():
    t = datetime(2026, 3, 1)
    assert flagged([Reading("A", t, 1.0, "SPIKE"), Reading("A", t, 2.0)]) == ["spike"]


def test_parse_line_bad_level():
    with pytest.raises(ValueError, match="could not convert"):
        parse_line("TM01,2026-03-01T00:00:00,n/a")


def test_parse_line_missing_field():
    with pytest.raises(ValueError):
        parse_line("TM01,2026-03-01T00:00:00")
'''


DEPLOY = {
    "deploy/sync.sh": """#!/bin/bash
# push cleaned series to the archive host
SRC=$1
DEST=archive@tides.example.org:/srv/tides/$2
for f in `ls $SRC/*.csv`; do
  rsync -a $f $DEST
done
cd $SRC
rm -rf $SRC/tmp/*
echo "synced $(ls $SRC | wc -l) files"
""",
    "deploy/rotate.sh": """#!/bin/sh
LOGDIR=/var/log/tidemark
keep=${KEEP:-7}
for log in $(find $LOGDIR -name '*.log'); do
  if [ $(stat -c %Y $log) -lt $(( `date +%s` - keep*86400 )) ]; then
    gzip $log
  fi
done
read name
echo $name rotated
""",
    "deploy/install.sh": """#!/bin/bash
PREFIX=${1:-/opt/tidemark}
mkdir -p $PREFIX/bin $PREFIX/etc
cp bin/* $PREFIX/bin
cp -r etc/$ENVIRONMENT/* $PREFIX/etc
chmod +x $PREFIX/bin/*
if [ $? != 0 ]; then echo failed; fi
echo installed to $PREFIX
""",
}


def gen_script(i: int) -> str:
    rnd = random.Random(4790 + i)
    out = ["#!/bin/bash", f"# station {i} uploader"]
    for j in range(rnd.randint(6, 10)):
        out += [f"STATION_{j}=tm{rnd.randint(10, 99)}", f"for f in `ls /data/$STATION_{j}/*.dat`; do",
                f"  cp $f /spool/$STATION_{j}", "done", f"echo uploaded $STATION_{j} at `date`"]
    return "\n".join(out) + "\n"


def tidemark(tmp: Path) -> Path:
    root = tmp / "tidemark"
    files = {"pyproject.toml": PYPROJECT, "src/tidemark/__init__.py": '__version__ = "0.9.3"\n',
             "src/tidemark/gauge.py": GAUGE, "src/tidemark/export.py": EXPORT, "tests/test_gauge.py": test_file(47)}
    for i in range(6):
        files[f"src/tidemark/stations/st_{i}.py"] = station_module(i)
    files["src/tidemark/stations/__init__.py"] = ""
    for i in range(4):
        files[f"deploy/upload_{i}.sh"] = gen_script(i)
    files.update(DEPLOY)
    files["utests/test_units.py"] = UNITTESTS
    files["utests/__init__.py"] = ""
    files["CMakeLists.txt"] = CMAKE
    write_tree(root, files)
    return root


ENV = {"COLUMNS": "120"}


def ruff_formats(tmp: Path) -> None:
    root = tidemark(tmp)
    cap("ruff-github", "ruff check --no-cache --output-format=github src; echo EXIT=$?", root, n_ruff_github)
    cap("ruff-github-head-60", "ruff check --no-cache --output-format=github src tests | head -60", root, n_ruff_github)
    cap("ruff-azure", "ruff check --no-cache --output-format=azure src", root, n_ruff_azure)
    cap("ruff-pylint-format", "ruff check --no-cache --output-format=pylint src tests; echo EXIT=$?", root,
        n_ruff_pylint_format)
    cap("ruff-junit-file", "ruff check --no-cache --output-format=junit -o ruff-junit.xml src/tidemark/gauge.py "
        "src/tidemark/export.py src/tidemark/stations/st_0.py src/tidemark/stations/st_1.py; cat ruff-junit.xml",
        root, n_ruff_junit)
    cap("ruff-junit-tests", "ruff check --no-cache --output-format=junit --select ALL tests src/tidemark/gauge.py",
        root, n_ruff_junit)
    cap("ruff-pylint-format-sort-head", "ruff check --no-cache --output-format=pylint src | sort -t: -k1,1 -k2,2n "
        "| head -50", root, n_ruff_pylint_format)
    cap("ruff-gitlab", "ruff check --no-cache --output-format=gitlab src/tidemark/gauge.py src/tidemark/export.py "
        "src/tidemark/stations/st_0.py src/tidemark/stations/st_1.py", root, n_ruff_gitlab,
        env={"CI_PROJECT_DIR": str(root)})
    cap("ruff-json-lines", "ruff check --no-cache --output-format=json-lines src/tidemark/gauge.py "
        "src/tidemark/export.py src/tidemark/stations/st_2.py src/tidemark/stations/st_3.py", root, n_ruff_json_lines)
    cap("ruff-rdjson", "ruff check --no-cache --output-format=rdjson src/tidemark/gauge.py src/tidemark/export.py "
        "src/tidemark/stations/st_2.py src/tidemark/stations/st_3.py", root, n_ruff_rdjson)


def pylint_formats(tmp: Path) -> None:
    root = tmp / "tidemark"
    env = {"PYTHONPATH": str(root / "src")}
    cap("pylint-parseable", "pylint --output-format=parseable src/tidemark", root, n_pylint_parseable, env=env)
    cap("pylint-parseable-grep-e", "pylint --output-format=parseable src/tidemark | grep -E '\\[(E|W)[0-9]'; "
        "echo EXIT=$?", root, n_pylint_parseable, env=env)
    cap("pylint-msvs", "pylint --output-format=msvs src/tidemark/gauge.py src/tidemark/export.py "
        "src/tidemark/stations", root, n_pylint_msvs, env=env)
    cap("pylint-colorized", "pylint --output-format=colorized src/tidemark/stations src/tidemark/gauge.py", root,
        n_pylint_colorized, env={**env, "NO_COLOR": None, "TERM": "xterm-256color"})  # NO_COLOR turns colour off
    cap("pylint-json2", "pylint --output-format=json2 src/tidemark/gauge.py src/tidemark/export.py "
        "src/tidemark/stations/st_4.py", root, n_pylint_json2, env=env)


def mypy_bandit_shellcheck(tmp: Path) -> None:
    root = tmp / "tidemark"
    cap("mypy-junit-xml-cat", "mypy --no-incremental --junit-xml mypy-report.xml src/tidemark/gauge.py "
        "src/tidemark/export.py src/tidemark/stations > /dev/null; cat mypy-report.xml", root, n_mypy_junit)
    cap("mypy-junit-per-file", "mypy --no-incremental --junit-format per_file --junit-xml mypy-files.xml "
        "--check-untyped-defs src/tidemark >/dev/null; cat mypy-files.xml", root, n_mypy_junit)
    cap("bandit-csv", "bandit -q -r -f csv src", root, n_bandit_csv)
    cap("bandit-xml-file", "bandit -q -r -f xml -o bandit.xml src; cat bandit.xml", root, n_bandit_xml)
    cap("bandit-sarif", "bandit -q -f sarif src/tidemark/export.py src/tidemark/stations/st_0.py "
        "src/tidemark/stations/st_1.py", root, n_bandit_sarif)
    cap("bandit-json", "bandit -q -r -f json src", root, n_bandit_json)
    cap("bandit-json-file", "bandit -q -f json -o bandit.json src/tidemark/export.py src/tidemark/gauge.py; "
        "cat bandit.json", root, n_bandit_json)
    cap("shellcheck-diff", "shellcheck -f diff deploy/*.sh", root, n_shellcheck_diff)
    cap("shellcheck-json", "shellcheck -f json deploy/*.sh", root, n_shellcheck_json)
    cap("shellcheck-json-three", "shellcheck -f json deploy/sync.sh deploy/rotate.sh deploy/install.sh", root,
        n_shellcheck_json)
    cap("shellcheck-diff-head-80", "shellcheck -f diff deploy/upload_*.sh | head -80", root, n_shellcheck_diff)


def pytest_ci(tmp: Path) -> None:
    root = tmp / "tidemark"
    env = {"PYTHONPATH": str(root / "src"), "GITHUB_ACTIONS": None}
    cap("pytest-teamcity", "pytest --teamcity -p no:cacheprovider -p no:github-actions-annotate-failures "
        "-p no:reportlog", root, n_pytest_teamcity, env=env)
    cap("pytest-teamcity-env-exit", "pytest -q -p no:cacheprovider -p no:github-actions-annotate-failures; "
        "echo EXIT=$?", root, n_pytest_teamcity, env={**env, "TEAMCITY_VERSION": "2025.07"})
    gha = {**env, "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(root)}
    cap("pytest-gha-annotate", "pytest -p no:cacheprovider --tb=short", root, n_pytest_gha, env=gha)
    cap("pytest-gha-annotate-tail-60", "pytest -p no:cacheprovider -rf 2>&1 | tail -n 60", root, n_pytest_gha,
        env=gha)
    cap("pytest-reportlog-cat", "pytest -q -p no:cacheprovider -p no:github-actions-annotate-failures "
        "--report-log=report.jsonl >/dev/null; cat report.jsonl", root, n_pytest_reportlog, env=env)
    cap("pytest-json-report-cat", "pytest -q -p no:cacheprovider -p no:github-actions-annotate-failures "
        "--json-report --json-report-indent=2 >/dev/null; cat .report.json", root, n_pytest_json_report, env=env)
    cap("pytest-json-report-k", "pytest -q -p no:cacheprovider -p no:github-actions-annotate-failures -k 'label or "
        "despike or flagged or gaps' --json-report --json-report-indent=2 --json-report-file=r.json >/dev/null; "
        "cat r.json", root, n_pytest_json_report, env=env)


UNITTESTS = '''import unittest
from datetime import datetime, timedelta

from tidemark.gauge import Reading, despike, gaps, high_water, parse_line, station_label, to_datum


class ParseTests(unittest.TestCase):
    def test_parse_flag(self):
        r = parse_line("TM03,2026-03-01T00:00:00,1.25,SPIKE")
        self.assertEqual(r.flag, "SPIKE")

    def test_parse_bad_stamp(self):
        with self.assertRaises(ValueError):
            parse_line("TM03,yesterday,1.25")

    def test_parse_negative(self):
        self.assertEqual(parse_line("TM03,2026-03-01T00:00:00,-0.4").level_m, -0.4)


class DatumTests(unittest.TestCase):
    def test_cd(self):
        r = Reading("TM01", datetime(2026, 3, 1), 1.0)
        self.assertAlmostEqual(to_datum(r, "CD"), 1.41, places=3)

    def test_unknown_datum(self):
        r = Reading("TM01", datetime(2026, 3, 1), 1.0)
        self.assertEqual(to_datum(r, "ODN"), 1.0)


class SeriesTests(unittest.TestCase):
    def setUp(self):
        t = datetime(2026, 3, 1)
        self.flat = [Reading("TM02", t + timedelta(minutes=6 * k), 2.0) for k in range(12)]

    def test_despike_flat(self):
        self.assertEqual(len(despike(self.flat)), 12)

    def test_no_gaps(self):
        self.assertEqual(gaps(self.flat), [])

    def test_high_water(self):
        self.assertEqual(high_water(self.flat).level_m, 2.0)

    def test_label(self):
        self.assertEqual(station_label("tm02"), "TM02:4")


if __name__ == "__main__":
    unittest.main()
'''

CMAKE = """cmake_minimum_required(VERSION 3.20)
project(tidemark_checks NONE)
enable_testing()
foreach(script sync rotate install upload_0 upload_1 upload_2 upload_3)
  add_test(NAME shellcheck_${script} COMMAND shellcheck -S error ${CMAKE_SOURCE_DIR}/deploy/${script}.sh)
endforeach()
add_test(NAME unit_parse COMMAND python3 -m unittest utests.test_units.ParseTests WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME unit_datum COMMAND python3 -m unittest utests.test_units.DatumTests WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME unit_series COMMAND python3 -m unittest utests.test_units.SeriesTests WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME import_export COMMAND python3 -c "import tidemark.export" WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME gauge_selftest COMMAND python3 -c "import tidemark.gauge as g; assert g.DATUM_OFFSETS_M['MSL'] > 0")
set_tests_properties(unit_parse unit_datum unit_series import_export gauge_selftest PROPERTIES
  ENVIRONMENT "PYTHONPATH=${CMAKE_SOURCE_DIR}/src")
"""


def unit_ci(tmp: Path) -> None:
    root = tmp / "tidemark"
    env = {"PYTHONPATH": str(root / "src")}
    py = VENV / "bin" / "python"
    cap("xmlrunner-discover-cat", f"{py} -m xmlrunner discover -s utests -t . -o reports >/dev/null 2>&1; "
        "cat reports/TEST-*.xml", root, n_xmlrunner, env=env,
        typed="python -m xmlrunner discover -s utests -t . -o reports >/dev/null 2>&1; cat reports/TEST-*.xml")
    cap("xmlrunner-outsuffix-exit", f"{py} -m xmlrunner --output-file unit.xml utests/test_units.py >/dev/null 2>&1; "
        "echo EXIT=$?; cat unit.xml", root, n_xmlrunner, env=env,
        typed="python -m xmlrunner --output-file unit.xml utests/test_units.py >/dev/null 2>&1; echo EXIT=$?; "
        "cat unit.xml")
    run("cmake -S . -B build >/dev/null", cwd=root, timeout=120)
    cap("ctest-output-junit", "ctest --test-dir build --output-junit junit.xml; cat build/junit.xml", root,
        n_ctest_junit)
    cap("ctest-junit-cat", "ctest --test-dir build -j2 --output-junit ctest.xml >/dev/null; echo EXIT=$?; "
        "cat build/ctest.xml", root, n_ctest_junit)


STEPS = [ruff_formats, pylint_formats, mypy_bandit_shellcheck, pytest_ci, unit_ci]
