"""Round 777, Python and the machine: the sdist of fenwick 0.2.0 (a real PyPI release: a pure-Python Fenwick tree,
the package `fenwick/`; run from the sdist, which carries its own `tests/`) with a few bugs put in, run under its own
suite and a locksmith's suite written here (one test per seeded key cabinet of hook counts, the expected answers worked
out by the test apart from the package, by summing), with pytest (one run with colour forced on), ruff and mypy
--strict over the package's code and the tests, and used by a bittingbook script into a chained traceback; a git
history built here by committing fenwick's sources in steps (capture_material.history: log -p, log --stat, blame, show,
status and diff); listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process
table with a busy process started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and pip
inspect; a locksmith's service log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported;
a chain's from each part's own (round 9b). The layout is capture_wide754_py's (its package-free parts re-aimed at other
folders), its package-specific parts written for this package. Run through capture_wide777.py."""

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
from capture_wide777 import SRC, VENV, cap

PH = "fenwick-0.2.0"
CODE = "fenwick/fenwick.py"
PEOPLE = [("Tobias Tumbler", "tobias@example.org"), ("Wilhelmina Ward", "wilhelmina@example.org"),
          ("Barnaby Lever", "barnaby@example.org")]

# The bugs put in fenwick/fenwick.py (file, text, replacement); each text occurs exactly once in its file.
# find_stop's strict and non-strict comparisons are swapped; range_sum forgets to take off the prefix before a start
# of 1; init adds the next frequency up the update tree instead of this one.
BUGS = [(CODE, "compare = operator.ge if strict else operator.gt", "compare = operator.gt if strict else operator.ge"),
        (CODE, "        if start > 0:\n", "        if start > 1:\n"),
        (CODE, "self._v[parent_idx - 1] += self._v[idx - 1]", "self._v[parent_idx - 1] += self._v[idx]")]

TABLE_TEST = r"""# A locksmith's key cabinets: each cabinet a row of hooks, each hook holding the keys cut to one bitting.
import itertools
import random

import pytest

from fenwick import FenwickTree

_R = random.Random(77714)
KEYWAYS = ["SC1", "KW1", "Y1", "C4", "U3", "E2", "A6", "M7", "A12", "M3"]

CABINETS = []
for n in range(1, 151):
    hooks = [_R.choice([0, 0, 1, 2, 3, 5, 8, 13]) for _ in range(_R.randint(3, 40))]
    lo = _R.randint(0, len(hooks) - 1)
    hi = _R.randint(lo + 1, len(hooks))
    want = _R.randint(1, sum(hooks) + 3)
    CABINETS.append((f"cabinet{n:03}-{_R.choice(KEYWAYS)}", hooks, lo, hi, want))
IDS = [c[0] for c in CABINETS]


def _cut_one_by_one(hooks):
    t = FenwickTree(len(hooks))
    for i, k in enumerate(hooks):
        t.add(i, k)
    return t


@pytest.mark.parametrize("cabinet,hooks,lo,hi,want", CABINETS, ids=IDS)
def test_tumbler_counts_up_to_each_hook(cabinet, hooks, lo, hi, want):
    t = FenwickTree(len(hooks))
    t.init(hooks)
    got = [t.prefix_sum(stop) for stop in range(1, len(hooks) + 1)]
    assert got == list(itertools.accumulate(hooks)), cabinet


@pytest.mark.parametrize("cabinet,hooks,lo,hi,want", CABINETS, ids=IDS)
def test_ward_keys_between_hooks(cabinet, hooks, lo, hi, want):
    got = _cut_one_by_one(hooks).range_sum(lo, hi)
    assert got == sum(hooks[lo:hi]), f"{cabinet}: hooks {lo}..{hi}"


@pytest.mark.parametrize("cabinet,hooks,lo,hi,want", CABINETS[:100], ids=IDS[:100])
def test_lever_finds_the_hook_holding_key(cabinet, hooks, lo, hi, want):
    total = list(itertools.accumulate(hooks))
    expected = next((stop for stop, c in enumerate(total, 1) if c >= want), -1)
    assert _cut_one_by_one(hooks).find_stop(want) == expected, f"{cabinet}: key {want}"
"""


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests" / "test_key_cabinets.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-fenwick-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} tests 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-fenwick-v-l-tb-long-tail-1000", f"python -m pytest -v -l --tb=long {NOCACHE} tests 2>&1 "
        "| tail -n 1000", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-fenwick", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} tests 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-lever-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} tests -k 'not lever' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    chain("chain-pytest-own-suite-tb-long-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest --tb=long {NOCACHE} tests/test_fenwick.py 2>&1", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=600)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-fenwick-head-600", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise fenwick tests example.py setup.py 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-fenwick-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        "fenwick tests example.py setup.py 2>&1 | head -n 1100", tp, n_ruff)
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/fenwick {tp}/tests {site}/_pytest {site}/pluggy {site}/iniconfig {tc}/")
    cap("mypy-strict-fenwick-pytest-pluggy-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable fenwick tests _pytest pluggy iniconfig 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-fenwick", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise fenwick tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "fenwick tests example.py 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r"""
from fenwick import FenwickTree


class BittingCutError(Exception):
    pass


# a locksmith's bitting book: the keyway, the locksmith, the lock and the keys cut at each depth 0-9
BOOK = [
    {"keyway": "SC1", "smith": "Tobias", "lock": "front door 14", "cuts": [0, 3, 5, 2, 7, 1, 0, 4, 2, 1]},
    {"keyway": "KW1", "smith": "Wilhelmina", "lock": "shed padlock", "cuts": [2, 2, 0, 6, 1, 3, 3, 0, 0, 5]},
    {"keyway": "Y1", "smith": "Barnaby", "lock": "front door 14", "cuts": [1, 4, "7 cuts", 2, 0, 3, 1, 1, 0, 2]},
    {"keyway": "C4", "smith": "Ezekiel", "lock": "safe lever", "cuts": [0, 0, 2, 4, 6, 1, 0, 3, 2, 2]},
]


def cut_keyway(row):
    try:
        tree = FenwickTree(len(row["cuts"]))
        for depth, keys in enumerate(row["cuts"]):
            tree.add(depth, keys)
        return row["keyway"], tree.prefix_sum(5), tree.range_sum(5, 10), tree.find_stop(10)
    except (ValueError, TypeError, IndexError) as exc:
        raise BittingCutError(f"{row['keyway']} ({row['smith']}): cannot cut bittings {row['cuts']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = cut_keyway(row)
        except BittingCutError as exc:
            raise RuntimeError(f"bitting book stopped at keyway {n} of {len(BOOK)}") from exc
        print(f"{row['keyway']} ({row['smith']}): {said}")
    print(f"bitting book read: {len(BOOK)} keyways")


read_book()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "bittingbook"
    d.mkdir()
    (d / "bittingbook.py").write_text(SHEET)
    cap("python-chained-traceback-bittingbook", "python3 bittingbook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """fenwick's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [CODE, "fenwick/__init__.py", "tests/test_fenwick.py", "example.py", "documentation.md", "setup.py",
            "README.rst"]
    repo = history(tmp, SRC, "fenwick", PH, rels, PEOPLE, 77712, 4, BUGS)
    (repo / "NOTES.local").write_text("the front door 14 lock's third tumbler sticks since the plug was re-pinned\n")
    cap("git-log-p-fenwick-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-fenwick", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-fenwick-fenwick", f"git blame {CODE}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-5", "git show HEAD~5", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-fenwick", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-fenwick-typeshed-head-1000", f"ls -laR {PH} {ts}/asyncio {ts}/json {ts}/multiprocessing "
        f"{site}/rich/_unicode_data {site}/pluggy {site}/_pytest/config | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-typeshed-rich-pytest-fenwick-tail-440", f"find {ts}/asyncio {ts}/unittest {site}/rich "
        f"{site}/_pytest {site}/pluggy {PH} -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n "
        "| tail -n 440", tmp, n_find)
    cap("tree-typeshed-json-pytest-fenwick", f"tree -L 2 {ts}/json {ts}/wsgiref {site}/_pytest/assertion {PH} "
        f"{site}/pluggy", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 777076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-tumblerbench", "ps auxww | grep -v binary_backend | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Pacific "
        "/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/unittest /usr/lib/python3.11/logging "
        "/usr/lib/python3.11/urllib /usr/lib/python3.11/html /usr/lib/python3.11/ctypes "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-pacific-email-asyncio-unittest", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-bytes-340", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 340\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-480", f"{VENV}/bin/pip inspect | tail -n 480", d, n_pip_inspect,
        typed="pip inspect | tail -n 480")


PLACES = ["key machine", "pinning bench", "lever bench", "ward file", "keyway broach", "spring drawer",
          "plug follower", "cam shop", "blank rack", "graphite store"]
LOG_MSGS = {
    "INFO": lambda r: (f"lock {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 900)} keys, "
                       f"{r.randint(1, 61)} bittings cut, {r.randint(5, 95)} % pinned, "
                       f"{r.randint(1, 30)} thou wear"),
    "DEBUG": lambda r: (f"locksmith {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(20, 300)} keys/day, "
                        f"blank at {r.randint(50, 120)} thou, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} off by {r.randint(1, 40)} thou on tumbler "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: cut held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"lock {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['ward bent', 'spring snapped', 'lever jammed', 'tumbler seized'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "keycutters.log", 77713, 2300, ["keycutters.wards", "keycutters.tumblers",
                                                     "keycutters.levers", "keycutters.keyways"],
                 LOG_MSGS, 77700, "2026-12-04")
    cap("log-grep-v-debug-head-480", "grep -v DEBUG keycutters.log | head -n 480", tmp, n_app_log)
    chain("chain-log-grep-warn-error-keycutters", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 keycutters.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
