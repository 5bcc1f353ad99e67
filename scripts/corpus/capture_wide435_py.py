"""Round 435, Python and the machine: the sdist of aenum 3.1.17 (a real PyPI release: advanced enumerations, named
tuples and constants) with a few bugs put in, run through its own tests with pytest (one run with colour forced on),
through ruff and mypy --strict, and used by a salt works' pan-register script into a chained traceback; a git history
built here by committing aenum's sources in steps (capture_material.history: log -p, log --stat, blame, show, status
and diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the
machine's process table with a busy process started on purpose (ps aux); files of the machine (from find
-printf) as a CSV and a sqlite table, and pip inspect; a salt works' boiling-house service's log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide435.py."""

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
from capture_wide435 import JS, SRC, VENV, cap

PS = "aenum-3.1.17"
ENUM = "aenum/_enum.py"
TUPLE = "aenum/_tuple.py"
CONST = "aenum/_constant.py"
COMMON = "aenum/_common.py"
T = "aenum/test.py"
T3 = "aenum/test_v3.py"
NOCACHE = "-p no:cacheprovider"
PEOPLE = [("Hepzibah Brinewell", "hepzibah@example.org"), ("Josiah Raker", "josiah@example.org"),
          ("Tamsin Lumpkin", "tamsin@example.org")]

# The sdist ships aenum/test.py, which imports aenum/test_v37.py on Python 3.7+, without that file: the one import
# line is replaced so that the suite can be collected at all (not a bug put in).
SDIST_FIX = [(T, "    from .test_v37 import TestEnumV37\n", "    pass  # aenum/test_v37.py is not in the sdist\n")]

# The bugs put in aenum: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# _high_bit is one bit too high; a named tuple's repr writes `field: value` instead of `field=value`; auto() steps by
# two after the last value; an Enum member's str joins class and member with ':' instead of '.'.
BUGS = [(ENUM, "    return value.bit_length() - 1\n", "    return value.bit_length()\n"),
        (TUPLE, "'%s=%r' % (f, o)", "'%s: %r' % (f, o)"),
        (ENUM, "            new_value = last_value + 1\n", "            new_value = last_value + 2\n"),
        (ENUM, '    return "%s.%s" % (self.__class__.__name__, self._name_)\n',
         '    return "%s:%s" % (self.__class__.__name__, self._name_)\n')]


def py_tests(tmp: Path) -> None:
    tp = tmp / PS
    put_bugs(tp, SDIST_FIX)
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-aenum-v-color-test-v3", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {T3} 2>&1", tp,
        n_pytest, env=env, timeout=1200)
    cap("pytest-aenum-v-test-tail-900", f"python -m pytest -v --tb=line {NOCACHE} {T} 2>&1 | tail -n 900", tp,
        n_pytest, env=env, timeout=1200)
    cap("pytest-aenum-rA-namedtuple-flag", f"pytest -rA --tb=short {NOCACHE} {T} -k 'NamedTuple or Flag' 2>&1 "
        "| tail -n 1400", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-l-tb-short-tail-900", "chain-test", "test",
          [Part(f"cd {PS}", None), Part(f"python -m pytest -l --tb=short {NOCACHE} {T} {T3} 2>&1 | tail -n 900",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / PS
    cap("ruff-select-all-aenum-head-1100", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise aenum 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-aenum-full-color-head-1300", "FORCE_COLOR=1 ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH {ENUM} {TUPLE} {CONST} {COMMON} 2>&1 "
        "| head -n 1300", cp, n_ruff)
    cap("mypy-strict-aenum-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports --exclude 'aenum/_py2\\.py' aenum 2>&1 | tail -n 900", cp,
        n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-tuple-constant", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF --output-format=concise "
                f"{TUPLE} {CONST} {COMMON} 2>&1 | head -n 500", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {TUPLE} {CONST} {COMMON} "
                "2>&1 | tail -n 400", n_mypy, ";")],
          cp, timeout=1200)


SHEET = r'''
from aenum import Enum, NamedTuple, auto


class PanRegisterError(Exception):
    pass


# a salt works' pan register: each pan's number in the boiling-house book, by the enum's own values
class Pan(Enum):
    NORTH = auto()
    SOUTH = auto()
    LEADING = auto()
    FISHERY = auto()
    LUMP = auto()


class Boiling(NamedTuple):
    pan = 0, "the pan"
    raker = 1, "who raked it"
    bushels = 2, "salt drawn"


BOOK = {1: "north pan, Nantwich house", 2: "south pan, Nantwich house", 3: "leading pan, Middlewich",
        4: "fishery pan, Northwich", 5: "lump pan, Droitwich"}
BOILINGS = [Boiling(Pan.NORTH, "Hepzibah", 31), Boiling(Pan.SOUTH, "Josiah", 27), Boiling(Pan.LEADING, "Tamsin", 44),
            Boiling(Pan.FISHERY, "Josiah", 19), Boiling(Pan.LUMP, "Hepzibah", 12)]


def book_entry(b):
    try:
        return f"{BOOK[b.pan.value]}: {b.bushels} bushels raked by {b.raker}"
    except KeyError as exc:
        raise PanRegisterError(f"{b.pan} has no page in the pan book ({b!r})") from exc


def write_register():
    for n, b in enumerate(BOILINGS, 1):
        try:
            print(str(b.pan), "->", book_entry(b))
        except PanRegisterError as exc:
            raise RuntimeError(f"pan register stopped at boiling {n} of {len(BOILINGS)}") from exc
    print("register written")


write_register()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "pancheck"
    d.mkdir()
    (d / "pancheck.py").write_text(SHEET)
    cap("python-chained-traceback-pancheck", "python3 pancheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PS)})


def git_history(tmp: Path) -> None:
    """aenum's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [ENUM, TUPLE, CONST, COMMON, "aenum/__init__.py", T3, "README.md", "setup.py"]
    repo = history(tmp, SRC, "aenum", PS, rels, PEOPLE, 43512, 55, BUGS)
    (repo / "NOTES.local").write_text("the pan book shows every lump pan two pages on since the auto() change\n")
    cap("git-log-p-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-enum-L1-1000", f"git blame -L 1,1000 {ENUM}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-aenum", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-log-stat-aenum", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-aenum-mypy-head-1100", f"ls -laR {PS} {site}/mypy/typeshed/stdlib/multiprocessing "
        f"{site}/mypy/typeshed/stdlib/xml {site}/mypy/typeshed/stdlib/email {site}/pip/_internal | head -n 1100",
        tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/bignumber.js {JS}/node_modules/vitest "
        f"{JS}/node_modules/@eslint {JS}/node_modules/eslint/lib/linter {JS}/node_modules/typescript/lib "
        f"{JS}/node_modules/chai -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 800", tmp,
        n_find)
    cap("tree-aenum-typeshed-pytest", f"tree -L 3 {site}/mypy/typeshed/stdlib/multiprocessing "
        f"{site}/mypy/typeshed/stdlib/xml {site}/_pytest {site}/pip/_internal/operations {site}/mypy/plugins "
        f"{site}/pip/_vendor/rich {site}/mypy/typeshed/stdlib/importlib {site}/mypy/typeshed/stdlib/os {PS}",
        tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 435041)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-435", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Asia /usr/share/zoneinfo/Africa "
        "/usr/share/zoneinfo/Europe /usr/lib/python3.11/xml /usr/lib/python3.11/unittest /usr/lib/python3.11/json "
        "/usr/lib/python3.11/http -maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-asia-africa-europe-xml-unittest", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-600", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 600\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-1100", f"{VENV}/bin/pip inspect | head -n 1100", d, n_pip_inspect,
        typed="pip inspect | head -n 1100")


PANS = ["north pan", "south pan", "leading pan", "fishery pan", "lump pan", "stove house", "brine cistern",
        "hurry", "drying shelf", "wich house"]
LOG_MSGS = {
    "INFO": lambda r: (f"boiling {r.randint(1000, 9999)} {r.choice(PANS)}: {r.randint(1, 60)} bushels raked, "
                       f"brine {r.randint(180, 310)} g/l, crust {r.randint(0, 12)} mm"),
    "DEBUG": lambda r: (f"pan sensor {r.randint(1, 400)}: {r.choice(PANS)} temp {r.randint(60, 108)} C, "
                        f"level {r.randint(20, 120)} cm, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PANS)} brine weak at {r.randint(120, 179)} g/l in house "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 30)}: boil held {r.randint(2, 30)} min"),
    "ERROR": lambda r: (f"boiling {r.randint(1000, 9999)} failed: {r.choice(PANS)} "
                        f"{r.choice(['pan cracked', 'furnace out', 'raker not booked', 'salt book locked'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "boilhoused.log", 43513, 2200, ["boilhoused.pans", "boilhoused.brine", "boilhoused.rakers",
                                                       "boilhoused.furnace"], LOG_MSGS, 43500, "2026-12-03")
    cap("log-grep-v-debug-head-750", "grep -v DEBUG boilhoused.log | head -n 750", tmp, n_app_log)
    chain("chain-log-grep-warn-error-boilhoused", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 boilhoused.log | head -n 800", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
