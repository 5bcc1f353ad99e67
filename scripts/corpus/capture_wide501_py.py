"""Round 501, Python and the machine: the sdist of PyHamcrest 2.1.0 (a real PyPI release: matcher objects for
assertions, pure Python, typed, `src/hamcrest`) with a few bugs put in, run through its own tests with pytest (one run
with colour forced on), ruff and mypy --strict over its package and tests, and used by a slate quarry's dressers'
script into a chained traceback; a git history built here by committing PyHamcrest's sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and the
tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps
aux); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a slate quarry's incline
service's log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide501.py."""

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
from capture_wide501 import SRC, VENV, cap

PH = "pyhamcrest-2.1.0"
NOCACHE = "-p no:cacheprovider"
TESTS = "tests/hamcrest_unit_test"
PEOPLE = [("Gwen Splitter", "gwen@example.org"), ("Owain Dresser", "owain@example.org"),
          ("Nia Inclineman", "nia@example.org")]
CLOSE = "src/hamcrest/library/number/iscloseto.py"
ORDER = "src/hamcrest/library/number/ordering_comparison.py"
CASE = "src/hamcrest/library/text/isequal_ignoring_case.py"

# The bugs put in PyHamcrest (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# close_to no longer matches at exactly the delta; greater_than_or_equal_to compares strictly; equal_to_ignoring_case
# lowers only the expected string.
BUGS = [(CLOSE, "return self._diff(item) <= self.delta", "return self._diff(item) < self.delta"),
        (ORDER, "operator.ge, \"greater than or equal to\"", "operator.gt, \"greater than or equal to\""),
        (CASE, "return self.lowered_string == item.lower()", "return self.lowered_string == item")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp / "src")}
    cap("pytest-pyhamcrest-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {TESTS} 2>&1", tp,
        n_pytest, env=env, timeout=900)
    cap("pytest-pyhamcrest-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {TESTS} 2>&1 | tail -n 2000",
        tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {TESTS} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-core-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {TESTS} -k 'not core' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-pyhamcrest-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise src tests 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-pyhamcrest-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF src tests 2>&1 | head -n 1200",
        tp, n_ruff)
    cap("mypy-strict-pyhamcrest", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable src/hamcrest 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-pyhamcrest-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT "
                "--output-format=concise tests 2>&1 | head -n 450", n_ruff),
           Part("MYPYPATH=src mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports "
                f"{TESTS} 2>&1 | tail -n 300", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
from hamcrest import assert_that, close_to, equal_to_ignoring_case, greater_than_or_equal_to


class InclineDrumError(Exception):
    pass


# a slate quarry's incline book: the incline, the drum, the slate grade, blocks lowered, tonnes, the shift's quota
INCLINE_BOOK = """top-incline drum-a Princess 14 2.50 14
low-incline drum-b Duchess 9 1.75 9
gallery-nine drum-a countess 11 2.00 10
top-incline drum-c Princess 12 3.00 12
low-incline drum-b Duchess 8 1.25 8"""

GRADES = ("Princess", "Duchess", "Countess")


def lowered(n, line):
    incline, drum, grade, blocks, tonnes, quota = line.split()
    try:
        assert_that(grade, equal_to_ignoring_case(next(g for g in GRADES if g.lower() == grade.lower())))
        assert_that(int(blocks), greater_than_or_equal_to(int(quota)))
        assert_that(float(tonnes), close_to(int(blocks) * 0.25 - 1.0, 0.25))
    except AssertionError as exc:
        raise InclineDrumError(f"incline book line {n}: {incline} {drum} lowered {blocks} blocks of {grade}") from exc
    return incline, drum, grade, int(blocks)


def read_book():
    lines = INCLINE_BOOK.splitlines()
    for n, line in enumerate(lines, 1):
        try:
            incline, drum, grade, blocks = lowered(n, line)
        except InclineDrumError as exc:
            raise RuntimeError(f"drum house stopped at incline book line {n} of {len(lines)}") from exc
        print(f"{incline} ({drum}): {blocks} blocks of {grade} lowered")
    print(f"incline book read: {len(lines)} shifts")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "inclinecheck"
    d.mkdir()
    (d / "inclinecheck.py").write_text(SHEET)
    cap("python-chained-traceback-inclinecheck", "python3 inclinecheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH / "src")})


def git_history(tmp: Path) -> None:
    """PyHamcrest's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    blamed = "src/hamcrest/library/object/hasproperty.py"
    rels = [blamed, "src/hamcrest/core/core/raises.py", "src/hamcrest/library/collection/isdict_containingentries.py",
            CLOSE, ORDER, CASE, "README.rst", "tests/hamcrest_unit_test/number/iscloseto_test.py"]
    repo = history(tmp, SRC, "pyhamcrest", PH, rels, PEOPLE, 50112, 10, BUGS)
    (repo / "NOTES.local").write_text("the incline book stops where a grade's case or a drum's load is off\n")
    cap("git-log-p-pyhamcrest-head-2000", "git log -p | head -n 2000", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-pyhamcrest", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-pyhamcrest-hasproperty", f"git blame {blamed}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-7", "git show HEAD~7", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-pyhamcrest", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-pyhamcrest-mypy-typeshed-head-1000", f"ls -laR {PH} {site}/mypy/typeshed/stdlib/asyncio "
        f"{site}/mypy/typeshed/stdlib/concurrent {site}/ruff {site}/pluggy {site}/_pytest/_code | head -n 1000",
        tmp, n_ls_lR)
    cap("find-printf-mypy-pip-head-700", f"find {site}/mypy/typeshed {site}/pip/_vendor/urllib3 {site}/_pytest "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 700", tmp, n_find)
    cap("tree-typeshed-pip-pyhamcrest", f"tree -L 3 {site}/mypy/typeshed/stdlib/asyncio "
        f"{site}/pip/_internal/operations {site}/pluggy {PH}/src {PH}/tests", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 501017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-501", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Pacific "
        "/usr/share/zoneinfo/Australia /usr/lib/python3.11/email /usr/lib/python3.11/unittest "
        "/usr/lib/python3.11/asyncio /usr/lib/python3.11/logging /usr/lib/python3.11/concurrent "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-pacific-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-400", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-1000", f"{VENV}/bin/pip inspect | head -n 1000", d, n_pip_inspect,
        typed="pip inspect | head -n 1000")


PLACES = ["top incline", "low incline", "gallery nine", "drum house", "dressing shed", "waste tip", "splitting shed",
          "weigh house", "tip gate", "wagon road"]
LOG_MSGS = {
    "INFO": lambda r: (f"run {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 12)} wagons lowered, "
                       f"load {r.randint(300, 2400)} kg, drum turns {r.randint(20, 400)}, {r.randint(40, 900)} slates"),
    "DEBUG": lambda r: (f"brake {r.randint(1, 400)}: {r.choice(PLACES)} rope tension {r.randint(0, 300)} kN, "
                        f"speed {r.randint(0, 90)} m/min, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} rope wear at {r.randint(20, 140)} % on drum "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: run held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"run {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['brake slipped', 'wagon off the rails', 'drum pawl jammed', 'rope strand broken'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "splitterd.log", 50113, 2200, ["splitterd.inclines", "splitterd.drums", "splitterd.dressers",
                                                      "splitterd.brakes"], LOG_MSGS, 50100, "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG splitterd.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-splitterd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 splitterd.log | head -n 750", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
