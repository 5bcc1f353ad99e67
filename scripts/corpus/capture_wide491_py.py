"""Round 491, Python and the machine: the sdist of jdatetime 6.1.1 (a real PyPI release: Jalali (Persian calendar)
dates and datetimes shaped like the standard library's, pure Python, on jalali-core) with a few bugs put in, run
through its own tests with pytest (one run with colour forced on), ruff and mypy --strict over its package and tests,
and used by a tide mill's millers' script into a chained traceback; a git history built here by committing
jdatetime's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of
the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process
started on purpose (ps aux); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a
tide mill's sluice service's log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide491.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, app_log as make_app_log, history, put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide491 import SRC, VENV, cap

JD = "jdatetime-6.1.1"
MOD = "jdatetime/__init__.py"
NOCACHE = "-p no:cacheprovider"
PEOPLE = [("Mabel Sluicer", "mabel@example.org"), ("Jonah Millwright", "jonah@example.org"),
          ("Ruth Pondkeeper", "ruth@example.org")]

# The bugs put in jdatetime (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# The 33-year cycle's leap year 22 becomes 21; weekdays are counted one day off; a date's ordinal is one day off.
BUGS = [(MOD, "(1, 5, 9, 13, 17, 22, 26, 30)", "(1, 5, 9, 13, 17, 21, 26, 30)"),
        (MOD, "(gd.weekday() - 5) % 7", "(gd.weekday() - 4) % 7"),
        (MOD, "return d.toordinal() - 226894", "return d.toordinal() - 226895")]


# jdatetime's sdist ships its tests without `tests/__init__.py` (the helpers they import: two tzinfo classes and a
# pickle loader) or the pickles; the round writes the helpers (the two pickle tests fail on their missing files).
TESTS_INIT = """import datetime
import pickle
from pathlib import Path


class TehranTime(datetime.tzinfo):
    def utcoffset(self, dt):
        return datetime.timedelta(hours=3, minutes=30)

    def tzname(self, dt):
        return "IRST"

    def dst(self, dt):
        return datetime.timedelta(0)


class GMTTime(datetime.tzinfo):
    def utcoffset(self, dt):
        return datetime.timedelta(0)

    def tzname(self, dt):
        return "GMT"

    def dst(self, dt):
        return datetime.timedelta(0)


def load_pickle(name):
    with open(Path(__file__).parent / "pickled_objects" / name, "rb") as f:
        return pickle.load(f)
"""


def py_tests(tmp: Path) -> None:
    tp = tmp / JD
    (tp / "tests" / "__init__.py").write_text(TESTS_INIT)
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-jdatetime-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} tests 2>&1", tp, n_pytest,
        env=env, timeout=900)
    cap("pytest-jdatetime-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} tests 2>&1 | tail -n 2000", tp,
        n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {JD}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} tests 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-locale-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} tests -k 'not locale' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / JD
    cap("ruff-select-all-jdatetime-head-1100", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise jdatetime tests 2>&1 | head -n 1100", tp, n_ruff)
    cap("ruff-jdatetime-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,DTZ,D jdatetime tests 2>&1 | head -n 1200",
        tp, n_ruff)
    cap("mypy-strict-jdatetime", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable jdatetime 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-jdatetime-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT,DTZ "
                "--output-format=concise tests 2>&1 | head -n 700", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports tests "
                "2>&1 | tail -n 500", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
import jdatetime


class MillpondTideError(Exception):
    pass


# a tide mill's millers' sluice book: the day (Jalali) each sluice was drawn, its wheel and the hours it ran
SLUICE_BOOK = """1403/12/30 east-sluice undershot 5
1404/01/01 west-sluice breastshot 4
1405/06/31 east-sluice undershot 6
1408/12/30 west-sluice breastshot 3
1409/02/14 east-sluice undershot 5"""


def drawn(n, line):
    day, sluice, wheel, hours = line.split()
    y, m, d = (int(p) for p in day.split("/"))
    try:
        return jdatetime.date(y, m, d), sluice, wheel, int(hours)
    except ValueError as exc:
        raise MillpondTideError(f"sluice book line {n}: {day} is not a day of the Jalali calendar") from exc


def read_book():
    lines = SLUICE_BOOK.splitlines()
    for n, line in enumerate(lines, 1):
        try:
            when, sluice, wheel, hours = drawn(n, line)
        except MillpondTideError as exc:
            raise RuntimeError(f"millpond stopped at sluice book line {n} of {len(lines)}") from exc
        print(f"{when.isoformat()} ({when.togregorian()}): {sluice} drawn, {wheel} wheel {hours} h")
    print(f"sluice book read: {len(lines)} draws")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "millpondcheck"
    d.mkdir()
    (d / "millpondcheck.py").write_text(SHEET)
    cap("python-chained-traceback-millpondcheck", "python3 millpondcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / JD)})


def git_history(tmp: Path) -> None:
    """jdatetime's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [MOD, "README.rst", "tests/test_jdate.py", "tests/test_jdatetime.py", "tests/test_jdatetime_comparisons.py"]
    repo = history(tmp, SRC, "jdatetime", JD, rels, PEOPLE, 49112, 30, BUGS)
    (repo / "NOTES.local").write_text("the sluice book stops at the last day of Esfand since leap years moved\n")
    cap("git-log-p-jdatetime-head-2000", "git log -p | head -n 2000", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-jdatetime", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-L-1-1000-jdatetime-init", f"git blame -L 1,1000 {MOD}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-5", "git show HEAD~5", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-jdatetime", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-jdatetime-mypy-typeshed-head-1000", f"ls -laR {JD} {site}/jalali_core {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/multiprocessing {site}/ruff {site}/_pytest | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-pip-head-700", f"find {site}/mypy {site}/pip/_vendor/rich {site}/pygments "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 700", tmp, n_find)
    cap("tree-typeshed-pytest-jdatetime", f"tree -L 3 {site}/mypy/typeshed/stdlib/email "
        f"{site}/pip/_internal/resolution {site}/_pytest {site}/jalali_core {JD}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 491041)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-491", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Asia /usr/share/zoneinfo/Europe "
        "/usr/share/zoneinfo/Africa /usr/lib/python3.11/json /usr/lib/python3.11/xml "
        "/usr/lib/python3.11/http /usr/lib/python3.11/sqlite3 /usr/lib/python3.11/importlib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-asia-europe-africa-json-xml", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-420", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 420\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-1000", f"{VENV}/bin/pip inspect | head -n 1000", d, n_pip_inspect,
        typed="pip inspect | head -n 1000")


PLACES = ["east sluice", "west sluice", "millpond", "tail race", "wheel pit", "hoppers", "stone floor",
          "tide gate", "sack hoist", "mill dam"]
LOG_MSGS = {
    "INFO": lambda r: (f"draw {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 4)} hours milled, "
                       f"head {r.randint(30, 240)} cm, wheel turns {r.randint(200, 4000)}, {r.randint(2, 40)} sacks"),
    "DEBUG": lambda r: (f"gauge {r.randint(1, 400)}: {r.choice(PLACES)} level {r.randint(0, 300)} cm, "
                        f"ebb {r.randint(0, 90)} cm/h, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} silting at {r.randint(20, 140)} cm on paddle "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: draw held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"draw {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['paddle jammed', 'sluice gate stuck', 'wheel float split', 'tide over the dam'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "floodgated.log", 49113, 2200, ["floodgated.sluices", "floodgated.wheel", "floodgated.millers",
                                                       "floodgated.gauges"], LOG_MSGS, 49100, "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG floodgated.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-floodgated", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 floodgated.log | head -n 750", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
