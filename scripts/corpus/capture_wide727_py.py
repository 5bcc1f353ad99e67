"""Round 727, Python and the machine: the sdist of python-intervals 1.10.0 (a real PyPI release: intervals as sets in
pure Python, one `intervals.py`; run from the sdist) with a few bugs put in, run under its own pytest suite
(`test_intervals.py`, its README's doctests among them) and an isinglass maker's suite written here (one test per
seeded set of spans, the expected values worked out by the test apart from the package) with pytest (one run with
colour forced on), ruff and mypy --strict over the package's code and the tests, and used by a swimbook script into a
chained traceback; a git history built here by committing python-intervals' sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and the
tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps aux);
files of the machine as a CSV and a sqlite table, and pip inspect; an isinglass maker's service log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The layout is capture_wide719_py's, its package-specific parts written for this package. Run through
capture_wide727.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, history, put_bugs
from capture_more import n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide641_py import LOCALE, NOCACHE
from capture_wide727 import SRC, VENV, cap

PH = "python-intervals-1.10.0"
CODE = "intervals.py"
PEOPLE = [("Ezekiel Sturgeon", "ezekiel@example.org"), ("Mehitabel Finings", "mehitabel@example.org"),
          ("Zebulon Bladder", "zebulon@example.org")]

# The bugs put in intervals.py (file, text, replacement); each text occurs exactly once in its file.
# Two intervals that only touch at an open end are said to overlap; a value on a closed upper bound is said to be
# outside and one just under an open upper bound inside; an intersection takes the greater upper bound.
BUGS = [(CODE, "return first._upper > second._lower", "return first._upper >= second._lower"),
        (CODE, "right = (item <= self._upper) if self._right == CLOSED else (item < self._upper)",
         "right = (item < self._upper) if self._right == CLOSED else (item <= self._upper)"),
        (CODE, "upper = min(self._upper, other._upper)", "upper = max(self._upper, other._upper)")]

TABLE_TEST = r'''"""An isinglass maker's racks: each rack a few spans of drying sheets, checked by hand against the loft book."""
import random

import pytest

import intervals as I

_R = random.Random(72714)

RACKS = []
for n in range(1, 141):
    k = _R.randint(1, 5)
    spans = []
    for _ in range(k):
        lo = _R.randint(0, 200)
        spans.append((lo, lo + _R.randint(1, 30)))
    RACKS.append((f"rack{n:03}", spans, _R.randint(0, 230)))
IDS = [c[0] for c in RACKS]


def _union(spans):
    out = I.empty()
    for lo, hi in spans:
        out = out | I.closed(lo, hi)
    return out


@pytest.mark.parametrize("rack,spans,point", RACKS, ids=IDS)
def test_bladder_contains(rack, spans, point):
    want = any(lo <= point <= hi for lo, hi in spans)
    assert (point in _union(spans)) == want, f"{rack}: {point} in {spans}"


@pytest.mark.parametrize("rack,spans,point", RACKS, ids=IDS)
def test_sheet_open_end(rack, spans, point):
    lo, hi = spans[0]
    assert (hi in I.closedopen(lo, hi)) is False, f"{rack}: {hi} in [{lo},{hi})"


@pytest.mark.parametrize("rack,spans,point", RACKS, ids=IDS)
def test_fining_overlap(rack, spans, point):
    lo, hi = spans[0]
    want = max(lo, point) <= min(hi, point + 10) and not (hi == point)
    assert I.closedopen(lo, hi).overlaps(I.closed(point, point + 10)) == want, f"{rack}: [{lo},{hi}) and [{point},{point + 10}]"


@pytest.mark.parametrize("rack,spans,point", RACKS[:80], ids=IDS[:80])
def test_shred_intersection(rack, spans, point):
    lo, hi = spans[0]
    got = I.closed(lo, hi) & I.closed(point, point + 40)
    a, b = max(lo, point), min(hi, point + 40)
    want = I.closed(a, b) if a <= b else I.empty()
    assert got == want, f"{rack}: [{lo},{hi}] & [{point},{point + 40}]"
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests").mkdir()
    (tp / "tests" / "test_loftbook.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    both = "test_intervals.py tests/test_loftbook.py"
    cap("pytest-intervals-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {both} 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-intervals-v-l-tb-long-tail-1100", f"python -m pytest -v -l --tb=long {NOCACHE} {both} 2>&1 "
        "| tail -n 1100", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-intervals", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {both} 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-shred-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {both} -k 'not shred' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    chain("chain-pytest-own-suite-tb-short-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest --tb=short {NOCACHE} test_intervals.py 2>&1", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=600)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-intervals-head-600", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests test_intervals.py setup.py 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-intervals-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"{CODE} tests test_intervals.py setup.py 2>&1 | head -n 1100", tp, n_ruff)
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/intervals.py {tp}/test_intervals.py {tp}/tests {site}/_pytest {tc}/")
    cap("mypy-strict-intervals-pytest-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable intervals.py test_intervals.py tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-intervals", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise intervals.py tests test_intervals.py 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "intervals.py tests/test_loftbook.py 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
import intervals as I


class FiningError(Exception):
    pass


# an isinglass maker's loft book: the rack, the dryer, the fish and the hours each rack of sheets hangs
BOOK = [
    {"rack": "Purse 12", "dryer": "Ezekiel", "fish": "beluga", "hours": (0, 40), "loft": 90},
    {"rack": "Leaf 4", "dryer": "Mehitabel", "fish": "sterlet", "hours": (5, 60), "loft": 64},
    {"rack": "Ribbon 9", "dryer": "Zebulon", "fish": "sevruga", "hours": ("32", 70), "loft": 72},
    {"rack": "Staple 2", "dryer": "Jerusha", "fish": "beluga", "hours": (10, 50), "loft": 50},
]


def dry_sheets(row):
    try:
        lo, hi = row["hours"]
        hung = I.closed(lo, hi) & I.closed(0, row["loft"])
        return row["rack"], (hung.upper - hung.lower) * 100 // row["loft"]
    except (ValueError, TypeError, KeyError) as exc:
        raise FiningError(f"{row['rack']} ({row['dryer']}): cannot read hours {row['hours']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = dry_sheets(row)
        except FiningError as exc:
            raise RuntimeError(f"loft book stopped at rack {n} of {len(BOOK)}") from exc
        print(f"{row['rack']} ({row['dryer']}): {said}")
    print(f"loft book read: {len(BOOK)} racks")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "swimbook"
    d.mkdir()
    (d / "swimbook.py").write_text(SHEET)
    cap("python-chained-traceback-swimbook", "python3 swimbook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """python-intervals' sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [CODE, "test_intervals.py", "README.md", "setup.py"]
    repo = history(tmp, SRC, "intervals", PH, rels, PEOPLE, 72712, 12, BUGS)
    (repo / "NOTES.local").write_text("the beluga racks count the same sheets twice since the loft was moved\n")
    cap("git-log-p-intervals-head-2400", "git log -p | head -n 2400", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-intervals", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-l-300-1300-intervals-py", "git blame -L 300,1300 intervals.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-intervals", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-intervals-typeshed-rich-head-1000", f"ls -laR {PH} {ts}/json {ts}/multiprocessing {ts}/asyncio "
        f"{site}/rich {site}/_pytest/_code | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-ruff-intervals-tail-420", f"find {site}/mypy {site}/_pytest {site}/pygments {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 420", tmp, n_find)
    cap("tree-typeshed-json-pytest-intervals", f"tree -L 2 {ts}/json {site}/_pytest/_io {PH} "
        f"{site}/pluggy", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 727076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-bladderbench", "ps auxww | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/unittest /usr/lib/python3.11/asyncio /usr/lib/python3.11/logging "
        "/usr/lib/python3.11/urllib /usr/lib/python3.11/wsgiref /usr/lib/python3.11/tomllib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-300", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-480", f"{VENV}/bin/pip inspect | tail -n 480", d, n_pip_inspect,
        typed="pip inspect | tail -n 480")


PLACES = ["soak room", "scraping room", "rolling bench", "sheet store", "drying loft", "shredding mill",
          "brine vat", "purse rack", "leaf press", "packing room"]
LOG_MSGS = {
    "INFO": lambda r: (f"rack {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 900)} bladders, "
                       f"{r.randint(1, 90)} sheets rolled, {r.randint(5, 95)} % dry, "
                       f"{r.randint(1, 30)} lb of finings shredded"),
    "DEBUG": lambda r: (f"dryer {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(20, 300)} sheets/hour, "
                        f"loft at {r.randint(8, 24)} C, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} damp at {r.randint(40, 99)} % on rack "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: drying held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"rack {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['sheet torn', 'bladder soured', 'brine fouled', 'shredder jammed'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "isinglassworks.log", 72713, 2300, ["isinglassworks.sheets", "isinglassworks.racks",
                                                           "isinglassworks.dryers", "isinglassworks.store"],
                 LOG_MSGS, 72700, "2026-12-04")
    cap("log-grep-v-debug-head-440", "grep -v DEBUG isinglassworks.log | head -n 440", tmp, n_app_log)
    chain("chain-log-grep-warn-error-isinglassworks", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 isinglassworks.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
