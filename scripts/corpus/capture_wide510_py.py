"""Round 510, Python and the machine: the sdist of bitstring 5.0.0 (a real PyPI release: bit arrays and bit-level
reads, pure Python over the `tibs` wheel, typed, `bitstring/`) with a few bugs put in, run through its own tests with
pytest (one run with colour forced on), ruff and mypy --strict over its package and tests, and used by a windmill's
millwrights' script into a chained traceback; a git history built here by committing bitstring's sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and the
tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps
aux); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a windmill's service's
log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide510.py."""

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
from capture_wide510 import SRC, VENV, cap

PH = "bitstring-5.0.0"
NOCACHE = "-p no:cacheprovider"
TESTS = "tests"
# the benchmarks need pytest-benchmark's fixture, which the round does not install
RUN = "tests --ignore=tests/test_benchmarks.py"
VFILES = "tests/test_bits.py tests/test_bitarray.py tests/test_bitarray_legacy.py tests/test_dtypes.py"
PEOPLE = [("Hendrik Sailmaker", "hendrik@example.org"), ("Agnes Millwright", "agnes@example.org"),
          ("Tobias Stocksman", "tobias@example.org")]
BITS = "bitstring/bits.py"

# The bugs put in bitstring (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# startswith no longer matches a prefix that ends exactly at `end`; endswith likewise for a suffix that fills the
# whole range; all() with positions skips the first position.
BUGS = [(BITS, "== prefix if end >= start + len(prefix) else False", "== prefix if end > start + len(prefix) else False"),
        (BITS, "== suffix if start + len(suffix) <= end else False", "== suffix if start + len(suffix) < end else False"),
        (BITS, "        for p in pos:\n            if self._bitstore.getindex(p) != value:",
         "        for p in list(pos)[1:]:\n            if self._bitstore.getindex(p) != value:")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-bitstring-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {VFILES} 2>&1", tp,
        n_pytest, env=env, timeout=900)
    cap("pytest-bitstring-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {RUN} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {RUN} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-array-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {RUN} -k 'not array' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-bitstring-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise bitstring tests 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-bitstring-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF bitstring tests 2>&1 | head -n 1200",
        tp, n_ruff)
    cap("mypy-strict-bitstring", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable bitstring 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-bitstring-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT "
                "--output-format=concise tests 2>&1 | head -n 450", n_ruff),
           Part("MYPYPATH=. mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports "
                f"{TESTS} 2>&1 | tail -n 300", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
from bitstring import Bits


class SailStockError(Exception):
    pass


# a windmill's sail book: the sail, the stock, the shutter pattern (bits, one per shutter bay), the pattern the
# millwright expects at the tip, the bays that must be closed
SAIL_BOOK = """north-sail stock-a 0b1101101101 0b101 1,3,4
east-sail stock-a 0b0110110110 0b110 1,2,4
south-sail stock-b 0b1111000011 0b011 0,1,2,3
west-sail stock-b 0b1010101010 0b010 0,2,4
north-sail stock-c 0b1100110011 0b0011 0,1,4"""


def shutters(n, line):
    sail, stock, pattern, tip, closed = line.split()
    bays = Bits(pattern)
    try:
        assert bays.endswith(Bits(tip), len(bays) - len(Bits(tip))), f"{sail}: tip shutters are not {tip}"
        assert bays.all(1, [int(c) for c in closed.split(",")]), f"{sail}: bays {closed} not all closed"
    except AssertionError as exc:
        raise SailStockError(f"sail book line {n}: {sail} on {stock} has shutters {bays.bin}") from exc
    return sail, stock, bays.count(1)


def read_book():
    lines = SAIL_BOOK.splitlines()
    for n, line in enumerate(lines, 1):
        try:
            sail, stock, shut = shutters(n, line)
        except SailStockError as exc:
            raise RuntimeError(f"mill cap stopped at sail book line {n} of {len(lines)}") from exc
        print(f"{sail} ({stock}): {shut} shutters closed")
    print(f"sail book read: {len(lines)} sails")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "sailcheck"
    d.mkdir()
    (d / "sailcheck.py").write_text(SHEET)
    cap("python-chained-traceback-sailcheck", "python3 sailcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH)})


def git_history(tmp: Path) -> None:
    """bitstring's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    blamed = "bitstring/dtypes.py"
    rels = [blamed, "bitstring/utils.py", "bitstring/methods.py", "bitstring/bitstore_helpers.py",
            "bitstring/colour.py", "bitstring/helpers.py", "README.md"]
    repo = history(tmp, SRC, "bitstring", PH, rels, PEOPLE, 51012, 12, BUGS)
    (repo / "NOTES.local").write_text("the sail book stops where a stock's tip shutters or closed bays are off\n")
    cap("git-log-p-bitstring-head-2000", "git log -p | head -n 2000", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-bitstring", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-bitstring-dtypes", f"git blame {blamed}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-5", "git show HEAD~5", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-bitstring", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-bitstring-mypy-typeshed-head-1000", f"ls -laR {PH} {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/importlib {site}/tibs {site}/iniconfig {site}/_pytest/config | head -n 1000",
        tmp, n_ls_lR)
    cap("find-printf-mypy-pip-head-700", f"find {site}/mypy/typeshed {site}/pip/_vendor/rich {site}/_pytest "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 700", tmp, n_find)
    cap("tree-typeshed-pip-bitstring", f"tree -L 3 {site}/mypy/typeshed/stdlib/email "
        f"{site}/pip/_internal/commands {site}/mypy/dmypy {PH}/bitstring {PH}/tests", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 510017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-510", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/share/zoneinfo/Africa /usr/lib/python3.11/json /usr/lib/python3.11/importlib "
        "/usr/lib/python3.11/http /usr/lib/python3.11/xml /usr/lib/python3.11/urllib /usr/lib/python3.11/sqlite3 "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-africa-json-xml", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-400", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-650", f"{VENV}/bin/pip inspect | head -n 650", d, n_pip_inspect,
        typed="pip inspect | head -n 650")


PLACES = ["north sail", "east sail", "south sail", "west sail", "cap", "fantail", "brake wheel", "windshaft",
          "stone floor", "meal floor"]
LOG_MSGS = {
    "INFO": lambda r: (f"turn {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 12)} sacks ground, "
                       f"meal {r.randint(300, 2400)} kg, sail rpm {r.randint(5, 30)}, {r.randint(40, 900)} revolutions"),
    "DEBUG": lambda r: (f"shutter {r.randint(1, 400)}: {r.choice(PLACES)} wind {r.randint(0, 60)} km/h, "
                        f"stock strain {r.randint(0, 300)} kN, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} stock flex at {r.randint(20, 140)} % on whip "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: sails held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"turn {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['brake band slipped', 'shutter bar jammed', 'stock split', 'fantail off the wind'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "millerd.log", 51013, 2200, ["millerd.sails", "millerd.stocks", "millerd.millwrights",
                                                  "millerd.brakes"], LOG_MSGS, 51000, "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG millerd.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-millerd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 millerd.log | head -n 750", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
