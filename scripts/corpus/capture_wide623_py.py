"""Round 623, Python and the machine: the sdist of persiantools 6.2.0 (a real PyPI release: Jalali dates, Persian
digits and numbers in words, pure Python, shipping its own suite `tests/`) with a few bugs put in, run under its OWN
suite with pytest (one run with colour forced on), ruff and mypy --strict over the package and its tests, and used by
a lead washers' script into a chained traceback; a git history built here by committing persiantools' sources in
steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and
the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps
aux); files of the machine as a CSV and a sqlite table, and pip inspect; a lead mine's service's log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The steps' layout is round 617's (capture_wide617_py). Run through capture_wide623.py."""

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
from capture_wide623 import SRC, VENV, cap

PH = "persiantools-6.2.0"
NOCACHE = "-p no:cacheprovider"
# persiantools' own suite, its timing test left out (it measures this shared machine)
TESTS = "tests --ignore=tests/test_performance.py"
EP = "persiantools/jdatetime.py"
PEOPLE = [("Hannah Raine", "hannah@example.org"), ("Elijah Coatsworth", "elijah@example.org"),
          ("Dinah Peart", "dinah@example.org")]
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in persiantools (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# the 33-year leap rule counts one year too many; Esfand gets its 30th day in common years instead of leap ones;
# numbers from 19 up are read as tens.
BUGS = [(EP, "            return (25 * year + 11) % 33 < 8", "            return (25 * year + 11) % 33 <= 8"),
        (EP, "if month == 12 and cls.is_leap(year):", "if month == 12 and not cls.is_leap(year):"),
        ("persiantools/digits.py", "if number < 20:", "if number < 19:")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-persiantools-v-color-tail-900", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 900", tp, n_pytest, env=env, timeout=900)
    cap("pytest-persiantools-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {TESTS} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {TESTS} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-kabise-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {TESTS} -k 'not kabise' 2>&1 | tail -n 600",
                n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-persiantools-head-560", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise persiantools tests 2>&1 | head -n 560", tp, n_ruff)
    cap("ruff-persiantools-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA "
        "persiantools tests 2>&1 | head -n 1200", tp, n_ruff)
    cap("mypy-strict-persiantools", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable persiantools tests 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-persiantools-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
from persiantools.jdatetime import JalaliDate


class LeadOreError(Exception):
    pass


# a lead mine's washing book: the buddle, the washer, and the Jalali day the bouse was washed
BOOK = [
    {"buddle": "Low Level Buddle", "washer": "Jonas", "day": (1405, 1, 14)},
    {"buddle": "Knocking Floor", "washer": "Miriam", "day": (1405, 6, 31)},
    {"buddle": "Settling Sump", "washer": "Reuben", "day": (1405, 7, 31)},
    {"buddle": "Smelt Mill Yard", "washer": "Abigail", "day": (1405, 9, 2)},
]


def washed(row):
    try:
        return JalaliDate(*row["day"]).to_gregorian()
    except (TypeError, ValueError) as exc:
        raise LeadOreError(f"{row['buddle']} washed by {row['washer']}: no such day {row['day']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            when = washed(row)
        except LeadOreError as exc:
            raise RuntimeError(f"smelt mill stopped at washing book line {n} of {len(BOOK)}") from exc
        print(f"{row['buddle']} ({row['washer']}): washed {when:%a %d %b %Y}")
    print(f"washing book read: {len(BOOK)} buddles")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "washing"
    d.mkdir()
    (d / "washing.py").write_text(SHEET)
    cap("python-chained-traceback-washing", "python3 washing.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """persiantools' sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [EP, "persiantools/digits.py", "tests/test_jalalidate.py", "README.md"]
    repo = history(tmp, SRC, "persiantools", PH, rels, PEOPLE, 62312, 60, BUGS)
    (repo / "NOTES.local").write_text("Esfand 30 turns up in common years since the washing-book change\n")
    cap("git-log-p-persiantools-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-persiantools", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-L-1-600-persiantools-jdatetime", f"git blame -L 1,600 {EP}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-persiantools", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-persiantools-typeshed-pytest-head-1000", f"ls -laR {PH} {ts}/json {ts}/concurrent {ts}/xml "
        f"{ts}/multiprocessing {site}/_pytest/_code {site}/_pytest/assertion | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-pytest-persiantools-tail-400", f"find {site}/mypy {site}/_pytest/_code {site}/pluggy "
        f"{site}/_pytest {PH} -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 400", tmp, n_find)
    cap("tree-typeshed-pytest-persiantools", f"tree -L 2 {ts}/json {ts}/concurrent {site}/_pytest/_code {PH}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 623023)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-623", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/http "
        "/usr/lib/python3.11/logging /usr/lib/python3.11/unittest "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-desc-300", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-400", f"{VENV}/bin/pip inspect | head -n 400", d, n_pip_inspect,
        typed="pip inspect | head -n 400")


PLACES = ["low level", "high level", "washing buddle", "knocking floor", "ore hearth", "smelt mill", "bouse team",
          "settling sump", "slag hearth", "peat store"]
LOG_MSGS = {
    "INFO": lambda r: (f"bing {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(2, 60)} bings, "
                       f"water {r.randint(8, 30)} gal, hearth {r.randint(300, 900)} C, {r.randint(40, 900)} "
                       "lb of pig lead"),
    "DEBUG": lambda r: (f"pump {r.randint(1, 120)}: {r.choice(PLACES)} at {r.randint(10, 60)} gal/min, "
                        f"galena {r.randint(2, 36)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} air at {r.randint(20, 140)} % of set point in shaft "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: washers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"bing {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['level flooded', 'buddle choked', 'hearth cold', 'bellows split'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "leadminesd.log", 62313, 2300, ["leadminesd.levels", "leadminesd.buddles",
                                                      "leadminesd.washers", "leadminesd.hearths"], LOG_MSGS, 62300,
                 "2026-12-03")
    cap("log-grep-v-debug-head-420", "grep -v DEBUG leadminesd.log | head -n 420", tmp, n_app_log)
    chain("chain-log-grep-warn-error-leadminesd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 leadminesd.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
