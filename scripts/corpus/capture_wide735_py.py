"""Round 735, Python and the machine: the sdist of python-constraint 1.4.0 (a real PyPI release: constraint solving in
pure Python, the package `constraint/`; run from the sdist, which carries no test files) with a few bugs put in, run
under a fish-hook maker's suite written here (one test per seeded problem, the expected solutions worked out by the
test apart from the package, by brute force over the domains) and pytest's doctest run over the package's docstrings,
with pytest (one run with colour forced on), ruff and mypy --strict over the package's code and the tests, and used by
a barbbook script into a chained traceback; a git history built here by committing python-constraint's sources in
steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and
the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps
aux); files of the machine as a CSV and a sqlite table, and pip inspect; a fish-hook maker's service log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The layout is capture_wide727_py's, its package-specific parts written for this package. Run through
capture_wide735.py."""

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
from capture_wide735 import SRC, VENV, cap

PH = "python-constraint-1.4.0"
CODE = "constraint/__init__.py"
PEOPLE = [("Obadiah Barb", "obadiah@example.org"), ("Keziah Shank", "keziah@example.org"),
          ("Tobias Eyewire", "tobias@example.org")]

# The bugs put in constraint/__init__.py (file, text, replacement); each text occurs exactly once in its file.
# A minimum sum is missed when it is met exactly; an exact sum is met by any greater sum; all-different never
# refuses a value seen before.
BUGS = [(CODE, "return sum >= minsum", "return sum > minsum"),
        (CODE, "return sum == exactsum", "return sum >= exactsum"),
        (CODE, "if value in seen:\n                    return False",
         "if value in seen and seen[value] is False:\n                    return False")]

TABLE_TEST = r'''"""A fish-hook maker's batches: each batch a few hooks, their wire gauges drawn from the shop's bins."""
import itertools
import random

import pytest

import constraint as C

_R = random.Random(73514)

BATCHES = []
for n in range(1, 141):
    k = _R.randint(2, 3)
    bins = []
    for _ in range(k):
        lo = _R.randint(0, 6)
        bins.append(list(range(lo, lo + _R.randint(2, 5))))
    BATCHES.append((f"batch{n:03}", bins, _R.randint(3, 14)))
IDS = [c[0] for c in BATCHES]


def _brute(bins, ok):
    return sorted(combo for combo in itertools.product(*bins) if ok(combo))


def _solve(bins, con):
    p = C.Problem()
    names = [f"h{i}" for i in range(len(bins))]
    for name, b in zip(names, bins):
        p.addVariable(name, b)
    p.addConstraint(con, names)
    return sorted(tuple(s[name] for name in names) for s in p.getSolutions())


@pytest.mark.parametrize("batch,bins,target", BATCHES, ids=IDS)
def test_barb_min_sum(batch, bins, target):
    assert _solve(bins, C.MinSumConstraint(target)) == _brute(bins, lambda c: sum(c) >= target), f"{batch}: {bins}"


@pytest.mark.parametrize("batch,bins,target", BATCHES, ids=IDS)
def test_shank_exact_sum(batch, bins, target):
    assert _solve(bins, C.ExactSumConstraint(target)) == _brute(bins, lambda c: sum(c) == target), f"{batch}: {bins}"


@pytest.mark.parametrize("batch,bins,target", BATCHES, ids=IDS)
def test_eye_all_different(batch, bins, target):
    assert _solve(bins, C.AllDifferentConstraint()) == _brute(bins, lambda c: len(set(c)) == len(c)), f"{batch}"


@pytest.mark.parametrize("batch,bins,target", BATCHES[:80], ids=IDS[:80])
def test_temper_max_sum(batch, bins, target):
    assert _solve(bins, C.MaxSumConstraint(target)) == _brute(bins, lambda c: sum(c) <= target), f"{batch}: {bins}"
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests").mkdir()
    (tp / "tests" / "test_barbbook.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    both = "--doctest-modules constraint tests/test_barbbook.py"
    cap("pytest-constraint-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {both} 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-constraint-v-l-tb-long-tail-1100", f"python -m pytest -v -l --tb=long {NOCACHE} {both} 2>&1 "
        "| tail -n 1100", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-constraint", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {both} 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-temper-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {both} -k 'not temper' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    chain("chain-pytest-doctest-modules-tb-short-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest --doctest-modules --tb=short {NOCACHE} constraint 2>&1", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=600)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-constraint-head-600", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise constraint tests setup.py 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-constraint-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        "constraint tests setup.py 2>&1 | head -n 1100", tp, n_ruff)
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/constraint {tp}/tests {site}/_pytest {tc}/")
    cap("mypy-strict-constraint-pytest-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable constraint tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-constraint", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise constraint tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "constraint tests/test_barbbook.py 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
import constraint as C


class BarbError(Exception):
    pass


# a fish-hook maker's batch book: the batch, the smith, the fish and the wire gauges each batch may be drawn from
BOOK = [
    {"batch": "Limerick 12", "smith": "Obadiah", "fish": "salmon", "gauges": (2, 9), "hooks": 3},
    {"batch": "Kirby 4", "smith": "Keziah", "fish": "trout", "gauges": (1, 6), "hooks": 2},
    {"batch": "Sproat 9", "smith": "Tobias", "fish": "pike", "gauges": ("3", 8), "hooks": 3},
    {"batch": "Aberdeen 2", "smith": "Jerusha", "fish": "perch", "gauges": (4, 10), "hooks": 2},
]


def draw_wire(row):
    try:
        lo, hi = row["gauges"]
        p = C.Problem()
        p.addVariables([f"hook{i}" for i in range(row["hooks"])], range(lo, hi))
        p.addConstraint(C.AllDifferentConstraint())
        return row["batch"], len(p.getSolutions())
    except (ValueError, TypeError, KeyError) as exc:
        raise BarbError(f"{row['batch']} ({row['smith']}): cannot read gauges {row['gauges']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = draw_wire(row)
        except BarbError as exc:
            raise RuntimeError(f"batch book stopped at batch {n} of {len(BOOK)}") from exc
        print(f"{row['batch']} ({row['smith']}): {said}")
    print(f"batch book read: {len(BOOK)} batches")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "barbbook"
    d.mkdir()
    (d / "barbbook.py").write_text(SHEET)
    cap("python-chained-traceback-barbbook", "python3 barbbook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """python-constraint's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [CODE, "constraint/compat.py", "constraint/version.py", "README.rst", "setup.py"]
    repo = history(tmp, SRC, "constraint", PH, rels, PEOPLE, 73512, 12, BUGS)
    (repo / "NOTES.local").write_text("the Limerick batches count the same barbs twice since the forge was moved\n")
    cap("git-log-p-constraint-head-2400", "git log -p | head -n 2400", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-constraint", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-l-300-1250-constraint-init", f"git blame -L 300,1250 {CODE}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-constraint", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-constraint-typeshed-rich-head-1000", f"ls -laR {PH} {ts}/email {ts}/concurrent {ts}/importlib "
        f"{site}/rich {site}/_pytest/config | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-pygments-constraint-tail-420", f"find {site}/mypy {site}/_pytest {site}/pygments {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 420", tmp, n_find)
    cap("tree-typeshed-email-pytest-constraint", f"tree -L 2 {ts}/email {site}/_pytest/mark {PH} "
        f"{site}/iniconfig", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 735076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-barbbench", "ps auxww | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/json /usr/lib/python3.11/http /usr/lib/python3.11/xml /usr/lib/python3.11/sqlite3 "
        "/usr/lib/python3.11/concurrent /usr/lib/python3.11/importlib /usr/lib/python3.11/html "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-json-xml-importlib", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-300", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-480", f"{VENV}/bin/pip inspect | tail -n 480", d, n_pip_inspect,
        typed="pip inspect | tail -n 480")


PLACES = ["wire store", "drawing bench", "barbing block", "pointing wheel", "eye bender", "tempering oven",
          "japanning room", "scouring tub", "shank press", "packing room"]
LOG_MSGS = {
    "INFO": lambda r: (f"batch {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 900)} hooks, "
                       f"{r.randint(1, 90)} gross barbed, {r.randint(5, 95)} % tempered, "
                       f"{r.randint(1, 30)} lb of wire drawn"),
    "DEBUG": lambda r: (f"smith {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(20, 300)} hooks/hour, "
                        f"oven at {r.randint(180, 420)} C, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} soft at {r.randint(40, 99)} % on bench "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: tempering held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"batch {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['barb snapped', 'eye split', 'wire rusted', 'oven cold'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "fishhookworks.log", 73513, 2300, ["fishhookworks.wire", "fishhookworks.barbs",
                                                          "fishhookworks.ovens", "fishhookworks.store"],
                 LOG_MSGS, 73500, "2026-12-04")
    cap("log-grep-v-debug-head-440", "grep -v DEBUG fishhookworks.log | head -n 440", tmp, n_app_log)
    chain("chain-log-grep-warn-error-fishhookworks", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 fishhookworks.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
