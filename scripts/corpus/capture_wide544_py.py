"""Round 544, Python and the machine: the sdist of beautifultable 1.1.0 (a real PyPI release: text tables in pure
Python, `beautifultable/`, with its own `test.py`) with a few bugs put in, run through its own tests with pytest (one
run with colour forced on), ruff and mypy --strict over its package and test, and used by a fulling mill's fullers'
script into a chained traceback; a git history built here by committing beautifultable's sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and the
tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps
aux); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a fulling mill's
service's log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide544.py."""

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
from capture_wide544 import SRC, VENV, cap

PH = "beautifultable-1.1.0"
NOCACHE = "-p no:cacheprovider"
TESTS = "test.py"
RUN = "test.py"
VFILES = "test.py"
PEOPLE = [("Agnes Tenter", "agnes@example.org"), ("Josiah Fuller", "josiah@example.org"),
          ("Ruth Stockwell", "ruth@example.org")]
UTILS, ANSI, HELPERS = "beautifultable/utils.py", "beautifultable/ansi.py", "beautifultable/helpers.py"
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in beautifultable (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# a None cell prints as "None" instead of empty; text wraps one column early; sorting rows by a column sorts the data
# the other way from the row headers; a float is rounded to one digit more than the precision asks.
BUGS = [(UTILS, '    if item is None:\n        return ""\n', '    if item is None:\n        return "None"\n'),
        (ANSI, "if cwidth + _width > width:", "if cwidth + _width >= width:"),
        (HELPERS, "self._table._data._sort(key=key, reverse=reverse)",
         "self._table._data._sort(key=key, reverse=not reverse)"),
        (UTILS, "item = round(item, precision)", "item = round(item, precision + 1)")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-beautifultable-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {VFILES} 2>&1", tp,
        n_pytest, env=env, timeout=900)
    cap("pytest-beautifultable-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {RUN} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {RUN} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-style-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {RUN} -k 'not style' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-beautifultable-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise beautifultable test.py 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-beautifultable-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF beautifultable 2>&1 | head -n 1200",
        tp, n_ruff)
    cap("mypy-strict-beautifultable", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable beautifultable 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-beautifultable-test", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT "
                "--output-format=concise test.py 2>&1 | head -n 450", n_ruff),
           Part("MYPYPATH=. mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports "
                f"{TESTS} 2>&1 | tail -n 300", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
from beautifultable.utils import pre_process, termwidth, textwrap


class FullingMillError(Exception):
    pass


# a fulling mill's stock book: the piece, the fuller, the tenter it hangs on (empty when none), its length in yards
# before fulling, the shrink in per cent and the width of the tenter's label in characters
STOCK_BOOK = [
    ("broadcloth", "Agnes", None, 24.25, 20, 8),
    ("kersey", "Josiah", "T2", 18.5, 15, 6),
    ("serge", "Ruth", "T3", 30.75, 12, 5),
    ("baize", "Josiah", "T1", 22.0, 18, 7),
    ("frieze", "Agnes", "T4", 16.5, 25, 6),
]


def full(n, row):
    piece, fuller, tenter, yards, shrink, label = row
    try:
        hung = pre_process(tenter, True, 2, "-")
        assert hung == "" or hung.startswith("T"), f"{piece}: tenter {hung!r} is no frame of this mill"
        left = pre_process(yards * (100 - shrink) / 100, True, 2, "-")
        assert len(left.split(".")[-1]) <= 2, f"{piece}: {left} yards written past two places"
        parts = textwrap(f"{piece} {fuller}", label)
        assert all(termwidth(p) == label for p in parts[:-1]), f"{piece}: label wraps early: {parts}"
    except (AssertionError, ValueError) as exc:
        raise FullingMillError(f"stock book line {n}: {piece} fulled by {fuller} on {tenter}") from exc
    return piece, fuller, left


def read_book():
    for n, row in enumerate(STOCK_BOOK, 1):
        try:
            piece, fuller, left = full(n, row)
        except FullingMillError as exc:
            raise RuntimeError(f"mill stopped at stock book line {n} of {len(STOCK_BOOK)}") from exc
        print(f"{piece} ({fuller}): {left} yards off the stocks")
    print(f"stock book read: {len(STOCK_BOOK)} pieces")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "fullercheck"
    d.mkdir()
    (d / "fullercheck.py").write_text(SHEET)
    cap("python-chained-traceback-fullercheck", "python3 fullercheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH)})


def git_history(tmp: Path) -> None:
    """beautifultable's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    blamed = "beautifultable/helpers.py"
    rels = [blamed, "beautifultable/utils.py", "beautifultable/ansi.py", "beautifultable/beautifultable.py",
            "beautifultable/styles.py", "beautifultable/base.py", "README.rst"]
    repo = history(tmp, SRC, "beautifultable", PH, rels, PEOPLE, 54412, 12, BUGS)
    (repo / "NOTES.local").write_text("the stock book stops where a tenter or a piece's yards do not read\n")
    cap("git-log-p-beautifultable-head-2000", "git log -p | head -n 2000", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-beautifultable", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-L-1-900-beautifultable-helpers", f"git blame -L 1,900 {blamed}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-beautifultable", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-beautifultable-typeshed-pygments-head-1000", f"ls -laR {PH}/beautifultable {PH}/docs "
        f"{site}/mypy/typeshed/stdlib/os {site}/pygments/lexers {site}/_pytest/_code | head -n 1000",
        tmp, n_ls_lR)
    cap("find-printf-typeshed-pygments-head-700", f"find {site}/mypy/typeshed {site}/pygments {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 700", tmp, n_find)
    cap("tree-typeshed-pygments-beautifultable", f"tree -L 3 {site}/mypy/typeshed/stdlib/os "
        f"{site}/pygments/styles {PH}/beautifultable {PH}/docs", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 544017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-544", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/share/zoneinfo/Pacific /usr/lib/python3.11/email /usr/lib/python3.11/unittest "
        "/usr/lib/python3.11/asyncio /usr/lib/python3.11/logging /usr/lib/python3.11/concurrent /usr/lib/python3.11/urllib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-400", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-650", f"{VENV}/bin/pip inspect | head -n 650", d, n_pip_inspect,
        typed="pip inspect | head -n 650")


PLACES = ["stock room", "fulling stocks", "tenter field", "teasel gig", "scouring vat", "drying loft", "burling table",
          "shearing board", "dye house", "wheel pit"]
LOG_MSGS = {
    "INFO": lambda r: (f"piece {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 40)} hooks set, "
                       f"cloth {r.randint(4, 60)} yd, shrink {r.randint(5, 30)} %, {r.randint(40, 900)} "
                       "strokes of the stocks"),
    "DEBUG": lambda r: (f"stroke {r.randint(1, 400)}: {r.choice(PLACES)} water {r.randint(0, 60)} C, "
                        f"fullers' earth {r.randint(2, 12)} kg, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} running dry at {r.randint(20, 140)} % on frame "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: fullers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"piece {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['tenter hook tore', 'stock hammer jammed', 'cloth cockled', 'wheel race ran low'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "fullerd.log", 54413, 2200, ["fullerd.stocks", "fullerd.tenters", "fullerd.fullers",
                                                  "fullerd.teasels"], LOG_MSGS, 54400, "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG fullerd.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-fullerd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 fullerd.log | head -n 750", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
