"""Round 563, Python and the machine: the sdist of munkres 1.1.4 (a real PyPI release: the Munkres / Hungarian
assignment algorithm, one module `munkres.py`, with its own `test/test_munkres.py`) with a few bugs put in, run through
its own tests and a coopers' table of assignment cases written here (`test/test_coopers.py`, seeded, each case checked
against a brute-force minimum) with pytest (one run with colour forced on), ruff and mypy --strict over its module and
tests, and used by a cooperage's script into a chained traceback; a git history built here by committing munkres'
sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked
tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on
purpose (ps aux); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a cooperage's
service's log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide563.py."""

from __future__ import annotations

import random
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
from capture_wide563 import SRC, VENV, cap

PH = "munkres-1.1.4"
NOCACHE = "-p no:cacheprovider"
TESTS = "test/test_coopers.py"
RUN = "test"
VFILES = "test/test_munkres.py test/test_coopers.py"
PEOPLE = [("Ellen Croze", "ellen@example.org"), ("Jonas Hooper", "jonas@example.org"),
          ("Ruth Stavely", "ruth@example.org")]
TW = "munkres.py"
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in munkres (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# a row one column short of the square is left unpadded; a last row entirely DISALLOWED is not caught;
# make_cost_matrix's default inversion turns profits into costs the wrong way round.
BUGS = [(TW, "            if total_rows > row_len:", "            if total_rows > row_len + 1:"),
        (TW, "            if len(vals) == 0:", "            if len(vals) == 0 and i < n - 1:"),
        (TW, "inversion_function = lambda x: maximum - x", "inversion_function = lambda x: x - maximum")]

_R = random.Random(56314)
COOPERS = ["Ellen", "Jonas", "Ruth", "Abel", "Marta", "Silas", "Nell", "Tobias"]
CASKS = ["Butt", "Puncheon", "Hogshead", "Barrique", "Tierce", "Kilderkin", "Firkin", "Pin", "Tun", "Rundlet"]
CASES = []
for _k in range(72):
    _rows, _cols = _R.randint(2, 6), _R.randint(2, 6)
    CASES.append([f"{CASKS[_k % len(CASKS)]}-{COOPERS[_k % len(COOPERS)]}-{_k:02}-{_rows}x{_cols}",
                  [[_R.randint(1, 60) for _ in range(_cols)] for _ in range(_rows)], _k % 8 == 0])

TEST_COOPERS = """import itertools

import pytest

from munkres import Munkres, make_cost_matrix

# the cooperage's raising table: a cooper (row) to each cask (column), the hours (or, for a profit case, the
# shillings) it takes; each case is checked against the best assignment found by trying them all
CASES = %s


def best(matrix, maximize):
    rows, cols = len(matrix), len(matrix[0])
    k = min(rows, cols)
    pick = max if maximize else min
    if rows <= cols:
        return pick(sum(matrix[r][c] for r, c in zip(range(rows), p)) for p in itertools.permutations(range(cols), k))
    return pick(sum(matrix[r][c] for r, c in zip(p, range(cols))) for p in itertools.permutations(range(rows), k))


@pytest.mark.parametrize("case,matrix,maximize", CASES, ids=[c[0] for c in CASES])
def test_raising_table(case, matrix, maximize):
    cost = make_cost_matrix(matrix) if maximize else matrix
    pairs = Munkres().compute(cost)
    assert len(pairs) == min(len(matrix), len(matrix[0])), f"{case}: {len(pairs)} coopers placed"
    assert sum(matrix[r][c] for r, c in pairs) == best(matrix, maximize)


@pytest.mark.parametrize("case,matrix,maximize", CASES[:18], ids=[c[0] for c in CASES[:18]])
def test_matrix_untouched(case, matrix, maximize):
    before = [row[:] for row in matrix]
    Munkres().compute(matrix)
    assert matrix == before
"""


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / TESTS).write_text(TEST_COOPERS % repr(CASES))
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-munkres-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {VFILES} 2>&1", tp,
        n_pytest, env=env, timeout=900)
    cap("pytest-munkres-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {RUN} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {RUN} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-untouched-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {RUN} -k 'not untouched' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-munkres-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise munkres.py test 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-munkres-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF munkres.py test 2>&1 | head -n 1200",
        tp, n_ruff)
    cap("mypy-strict-munkres", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable munkres.py test 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-munkres-test", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT "
                f"--output-format=concise {TESTS} 2>&1 | head -n 450", n_ruff),
           Part("MYPYPATH=. mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports "
                f"{TESTS} 2>&1 | tail -n 300", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
from munkres import Munkres, make_cost_matrix


class CooperageError(Exception):
    pass


# a cooperage's raising book: the day, the foreman, the shillings each cooper earns on each cask (the best
# assignment, earning the most, is what the foreman expects), and that best total
RAISING_BOOK = [
    ("Monday", "Ellen", [[12, 7, 9], [8, 11, 6], [7, 9, 14]], 37),
    ("Tuesday", "Jonas", [[5, 9, 3], [8, 4, 7], [6, 2, 9]], 26),
    ("Wednesday", "Ruth", [[10, 2], [3, 12]], 22),
    ("Thursday", "Jonas", [[4, 8, 6, 2], [9, 3, 5, 7], [6, 7, 8, 4], [3, 5, 2, 9]], 35),
]


def check(n, row):
    day, foreman, shillings, expected = row
    try:
        pairs = Munkres().compute(make_cost_matrix(shillings))
        earned = sum(shillings[r][c] for r, c in pairs)
        assert len(pairs) == len(shillings), f"{day}: {len(pairs)} of {len(shillings)} coopers placed"
        assert earned == expected, f"{day}: the coopers earn {earned} shillings, the book says {expected}"
    except (AssertionError, IndexError) as exc:
        raise CooperageError(f"raising book line {n}: {day} kept by {foreman}, {len(shillings)} casks") from exc
    return day, foreman, earned


def read_book():
    for n, row in enumerate(RAISING_BOOK, 1):
        try:
            day, foreman, earned = check(n, row)
        except CooperageError as exc:
            raise RuntimeError(f"cooperage stopped at raising book line {n} of {len(RAISING_BOOK)}") from exc
        print(f"{day} ({foreman}): {earned} shillings")
    print(f"raising book read: {len(RAISING_BOOK)} days")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "bungcheck"
    d.mkdir()
    (d / "bungcheck.py").write_text(SHEET)
    cap("python-chained-traceback-bungcheck", "python3 bungcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH)})


def git_history(tmp: Path) -> None:
    """munkres' sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    blamed = TW
    rels = [TW, "test/test_munkres.py", "README.md", "CHANGELOG.md", "setup.py", "setup.cfg"]
    repo = history(tmp, SRC, "munkres", PH, rels, PEOPLE, 56312, 9, BUGS)
    (repo / "NOTES.local").write_text("the raising book stops where a profit table is turned the wrong way\n")
    cap("git-log-p-munkres-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-munkres", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-L-1-600-munkres", f"git blame -L 1,600 {blamed}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-7", "git show HEAD~7", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-munkres", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-munkres-typeshed-pytest-head-1000", f"ls -laR {PH} "
        f"{site}/mypy/typeshed/stdlib/asyncio {site}/mypy/typeshed/stdlib/os {site}/_pytest/config | head -n 1000",
        tmp, n_ls_lR)
    cap("find-printf-mypy-pytest-munkres-head-700", f"find {site}/mypy {site}/pluggy {site}/_pytest {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 700", tmp, n_find)
    cap("tree-typeshed-munkres", f"tree -L 2 {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/importlib {site}/_pytest/_code {PH}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 563017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-563", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/unittest "
        "/usr/lib/python3.11/logging /usr/lib/python3.11/importlib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-asyncio-email", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-360", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) ASC, name LIMIT 360\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-640", f"{VENV}/bin/pip inspect | head -n 640", d, n_pip_inspect,
        typed="pip inspect | head -n 640")


PLACES = ["raising shop", "cresset floor", "truss bench", "croze bench", "stave stack", "hoop store", "bung shop",
          "steam chest", "cooling yard", "cask wharf"]
LOG_MSGS = {
    "INFO": lambda r: (f"raising run {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 40)} casks an hour, "
                       f"staves {r.randint(18, 36)} a cask, hoops {r.randint(4, 8)}, {r.randint(40, 900)} "
                       "blows of the driver"),
    "DEBUG": lambda r: (f"cask {r.randint(1, 400)}: {r.choice(PLACES)} fire {r.randint(60, 240)} C, "
                        f"staves {r.randint(2, 36)} bent, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} stave moisture at {r.randint(20, 140)} % on stack "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: coopers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"raising run {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['hoop sprang', 'stave split', 'head leaked', 'croze chipped'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "coopermand.log", 56313, 2300, ["coopermand.staves", "coopermand.hoops",
                                                     "coopermand.coopers", "coopermand.casks"], LOG_MSGS, 56300,
                 "2026-12-03")
    cap("log-grep-v-debug-head-720", "grep -v DEBUG coopermand.log | head -n 720", tmp, n_app_log)
    chain("chain-log-grep-warn-error-coopermand", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 coopermand.log | head -n 760", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
