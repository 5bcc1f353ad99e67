"""Round 711, Python and the machine: the sdist of BitVector 3.5.0 (a real PyPI release: a packed bit array in pure
Python, one module; run from the sdist) with a few bugs put in, run under its own `TestBitVector` suite (its own
unittest runner, `Test.py`; the stale module copy the sdist ships beside that suite removed so that the suite imports
the package) and a furrier's suite written here (one test per seeded pattern, the expected values worked out by the
test apart from the package) with pytest (one run with colour forced on), ruff and mypy --strict over the package's
code and the tests, and used by a furbook script into a chained traceback; a git history built here by committing
BitVector's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of
the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process
started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and pip inspect; a furrier's service log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The layout is capture_wide703_py's, its package-specific parts written for this package. Run through
capture_wide711.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, history, put_bugs
from capture_more import n_git_log_stat, n_tree, n_unittest, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide641_py import LOCALE, NOCACHE
from capture_wide711 import SRC, VENV, cap

PH = "BitVector-3.5.0"
CODE = "BitVector/BitVector.py"
PEOPLE = [("Hepzibah Minkley", "hepzibah@example.org"), ("Ezekiel Sableman", "ezekiel@example.org"),
          ("Araminta Muffet", "araminta@example.org")]

# The bugs put in BitVector/BitVector.py (file, text, replacement); each text occurs exactly once in its file.
# int_val() drops the first (most significant) bit; a slice with both ends given stops one bit short; the Hamming
# distance counts the bits set in either vector instead of the bits that differ.
BUGS = [(CODE, "intVal += self[i] * (2 ** (self.size - i - 1))", "intVal += self[i] * (2 ** (self.size - i - 1)) if i else 0"),
        (CODE, "for x in range(i,j):", "for x in range(i,j-1):"),
        (CODE, "diff = self ^ other", "diff = self | other")]

TABLE_TEST = r'''"""A furrier's skins: each bundle a bit pattern of sound (1) and flawed (0) pelts, checked by hand against the book."""
import random

import pytest

from BitVector import BitVector

_R = random.Random(71114)


def _end(n):
    kind = _R.randrange(3)
    if kind == 0:
        return None
    if kind == 1:
        return _R.randrange(n + 1)
    return -_R.randrange(1, n + 1)


BUNDLES = []
for n in range(1, 161):
    size = _R.randint(3, 40)
    bits = "".join(_R.choice("01") for _ in range(size))
    other = "".join(b if _R.random() < 0.7 else _R.choice("01") for b in bits)
    BUNDLES.append((f"bundle{n:03}", bits, other, _end(size), _end(size)))
IDS = [b[0] for b in BUNDLES]


@pytest.mark.parametrize("bundle,bits,other,start,stop", BUNDLES, ids=IDS)
def test_mink_value(bundle, bits, other, start, stop):
    assert BitVector(bitstring=bits).int_val() == int(bits, 2), f"{bundle}: {bits}"


@pytest.mark.parametrize("bundle,bits,other,start,stop", BUNDLES, ids=IDS)
def test_lining_slice(bundle, bits, other, start, stop):
    n = len(bits)
    lo = 0 if start is None else start % n if start < 0 else start
    hi = n if stop is None else stop % n if stop < 0 else stop
    if lo > hi or (start is not None and start < 0 and stop is not None and stop >= 0):
        pytest.skip(f"{bundle}: the slice [{start}:{stop}] is refused by the package")
    got = BitVector(bitstring=bits)[start:stop]
    assert str(got) == bits[lo:hi], f"{bundle}: {bits} [{start}:{stop}]"


@pytest.mark.parametrize("bundle,bits,other,start,stop", BUNDLES[:80], ids=IDS[:80])
def test_muff_hamming(bundle, bits, other, start, stop):
    want = sum(1 for a, b in zip(bits, other) if a != b)
    assert BitVector(bitstring=bits).hamming_distance(BitVector(bitstring=other)) == want, f"{bundle}: {other}"
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    (tp / "TestBitVector" / "BitVector.py").unlink()  # the stale copy: the suite imports the package instead
    put_bugs(tp, BUGS)
    (tp / "tests").mkdir()
    (tp / "tests" / "test_furbundles.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    tests = "tests/test_furbundles.py"
    cap("pytest-bitvector-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {tests} 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-bitvector-v-l-tb-long-tail-1100", f"python -m pytest -v -l --tb=long {NOCACHE} {tests} 2>&1 "
        "| tail -n 1100", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-bitvector", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {tests} 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-muff-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {tests} -k 'not muff' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    chain("chain-cd-testbitvector-own-suite-echo-exit", "chain-test-exit", "test",
          [Part("cd TestBitVector", None), Part("python Test.py 2>&1", n_unittest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=600)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-bitvector-head-600", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests TestBitVector setup.py 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-bitvector-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"tests TestBitVector {CODE} setup.py 2>&1 | head -n 1100", tp, n_ruff)
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/BitVector {tp}/tests {site}/_pytest {tc}/")
    cap("mypy-strict-bitvector-pytest-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable BitVector tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-bitvector", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise BitVector tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "BitVector tests/test_furbundles.py 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
from BitVector import BitVector


class FurError(Exception):
    pass


# a furrier's book of coats: the coat, the cutter, the fur and the sound skins of each bundle as a bit pattern
BOOK = [
    {"coat": "Mink 12", "cutter": "Hepzibah", "fur": "mink", "skins": "1101101110", "bundle": 10},
    {"coat": "Sable 4", "cutter": "Ezekiel", "fur": "sable", "skins": "11110111", "bundle": 8},
    {"coat": "Ermine 9", "cutter": "Araminta", "fur": "ermine", "skins": "1O111011", "bundle": 8},
    {"coat": "Fox 2", "cutter": "Jedidiah", "fur": "fox", "skins": "111011", "bundle": 6},
]


def sound(row):
    try:
        skins = BitVector(bitstring=row["skins"])
        return row["coat"], skins.count_bits() * 100 // row["bundle"]
    except (ValueError, TypeError, KeyError) as exc:
        raise FurError(f"{row['coat']} ({row['cutter']}): cannot read skins {row['skins']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = sound(row)
        except FurError as exc:
            raise RuntimeError(f"fur book stopped at coat {n} of {len(BOOK)}") from exc
        print(f"{row['coat']} ({row['cutter']}): {said}")
    print(f"fur book read: {len(BOOK)} coats")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "furbook"
    d.mkdir()
    (d / "furbook.py").write_text(SHEET)
    cap("python-chained-traceback-furbook", "python3 furbook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """BitVector's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [CODE, "BitVector/__init__.py", "TestBitVector/Test.py", "TestBitVector/TestConstructors.py",
            "TestBitVector/TestBooleanLogic.py", "README", "setup.py"]
    repo = history(tmp, SRC, "BitVector", PH, rels, PEOPLE, 71112, 45, BUGS)
    (repo / "NOTES.local").write_text("the sable bundles count the same skins twice since the lining change\n")
    cap("git-log-p-bitvector-head-2400", "git log -p | head -n 2400", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-bitvector", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-L-1800-2200-bitvector-py", "git blame -L 1800,2200 BitVector/BitVector.py", repo, n_blame,
        env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-bitvector", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-bitvector-typeshed-rich-head-1000", f"ls -laR {PH} {ts}/email {ts}/concurrent {ts}/sqlite3 "
        f"{site}/rich {site}/_pytest/config | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-rich-bitvector-tail-420", f"find {site}/mypy {site}/rich {site}/pluggy {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 420", tmp, n_find)
    cap("tree-typeshed-email-pytest-bitvector", f"tree -L 2 {ts}/email {site}/_pytest/assertion {PH} "
        f"{site}/iniconfig", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 711076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-minkbench", "ps auxww | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/json /usr/lib/python3.11/http /usr/lib/python3.11/xml /usr/lib/python3.11/concurrent "
        "/usr/lib/python3.11/importlib /usr/lib/python3.11/sqlite3 /usr/lib/python3.11/ctypes "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-json-http", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-320", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 320\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-500", f"{VENV}/bin/pip inspect | tail -n 500", d, n_pip_inspect,
        typed="pip inspect | tail -n 500")


PLACES = ["skin loft", "cutting table", "nailing board", "sawdust drum", "lining bench", "cold store",
          "fitting room", "muff press", "stitching room", "packing room"]
LOG_MSGS = {
    "INFO": lambda r: (f"coat {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 400)} skins, "
                       f"{r.randint(1, 90)} linings cut, {r.randint(5, 95)} % stitched, "
                       f"{r.randint(1, 30)} muffs packed"),
    "DEBUG": lambda r: (f"cutter {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(20, 300)} skins/day, "
                        f"store at {r.randint(-10, 8)} C, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} slow at {r.randint(40, 99)} % on bale "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: cutting held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"coat {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['skin torn', 'moth found', 'lining puckered', 'store too warm'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "furworks.log", 71113, 2300, ["furworks.skins", "furworks.coats",
                                                     "furworks.cutters", "furworks.store"],
                 LOG_MSGS, 71100, "2026-12-04")
    cap("log-grep-v-debug-head-440", "grep -v DEBUG furworks.log | head -n 440", tmp, n_app_log)
    chain("chain-log-grep-warn-error-furworks", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 furworks.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
