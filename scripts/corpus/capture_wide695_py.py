"""Round 695, Python and the machine: the sdist of bitstruct 8.24.0 (a real PyPI release: packing and unpacking bit
fields to and from bytes, a C extension beside a pure-Python module; run from the sdist's `src`, the pure-Python module
is what runs) with a few bugs put in, run under its own `tests/test_bitstruct.py` and a button maker's suite written
here (one test per seeded card of bit fields, the expected bits worked out by the test apart from the package) with
pytest (one run with colour forced on), ruff and mypy --strict over the package's code and the tests, and used by a
drillbook script into a chained traceback; a git history built here by committing bitstruct's sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and the
tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps
aux); files of the machine as a CSV and a sqlite table, and pip inspect; a button maker's service log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The layout is capture_wide695_py's, its package-specific parts written for this package. Run through
capture_wide695.py."""

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
from capture_wide695 import SRC, VENV, cap

PH = "bitstruct-8.24.0"
CODE = "src/bitstruct"
PY = "src/bitstruct"
PEOPLE = [("Dorcas Blankfield", "dorcas@example.org"), ("Ebenezer Shankley", "ebenezer@example.org"),
          ("Thirza Pearlwright", "thirza@example.org")]

# The bugs put in bitstruct's pure-Python module (file, text, replacement); each text occurs exactly once in its file.
# A negative signed field is offset by half its range instead of all of it; an unsigned field's largest value is
# refused; a negative signed field of 8 bits or fewer unpacks as positive.
BUGS = [(f"{PY}/__init__.py", "            value += (1 << self.size)\n\n        value += (1 << self.size)",
         "            value += (1 << (self.size - 1))\n\n        value += (1 << self.size)"),
        (f"{PY}/__init__.py", "if value < 0 or value > self.maximum:", "if value < 0 or value >= self.maximum:"),
        (f"{PY}/__init__.py", "if bits[0] == '1':", "if bits[0] == '1' and len(bits) > 8:")]

TABLE_TEST = r'''"""A button maker's cards: each card of blanks packed into bit fields, checked by hand against the pattern book."""
import random

import pytest

from bitstruct import pack, unpack

_R = random.Random(69514)


def _field():
    kind = _R.choice("uus")
    size = _R.choice([1, 3, 4, 5, 7, 8, 8, 12, 16, 24])
    if kind == "s" and size == 1:
        size = 2
    if kind == "u":
        value = _R.choice([0, 2 ** size - 1, _R.randrange(2 ** size)])
    else:
        value = _R.choice([-(2 ** (size - 1)), 2 ** (size - 1) - 1, _R.randrange(-(2 ** (size - 1)), 2 ** (size - 1))])
    return kind, size, value


def bits_of(fields):
    """The bits of a card, worked out here field by field (two's complement for signed fields), padded to bytes."""
    out = "".join(format(v & ((1 << n) - 1), f"0{n}b") for _, n, v in fields)
    out += "0" * (-len(out) % 8)
    return int(out, 2).to_bytes(len(out) // 8, "big")


CARDS = []
for n in range(1, 161):
    fields = [_field() for _ in range(_R.randint(1, 5))]
    fmt = "".join(f"{k}{size}" for k, size, _ in fields)
    CARDS.append((f"card{n:03}", fmt, tuple(v for _, _, v in fields), bits_of(fields)))
IDS = [c[0] for c in CARDS]


@pytest.mark.parametrize("card,fmt,values,packed", CARDS, ids=IDS)
def test_blank_pack(card, fmt, values, packed):
    assert pack(fmt, *values) == packed, f"{card}: {fmt} {values}"


@pytest.mark.parametrize("card,fmt,values,packed", CARDS, ids=IDS)
def test_shank_unpack(card, fmt, values, packed):
    assert unpack(fmt, packed) == values, f"{card}: {fmt} {packed.hex()}"


@pytest.mark.parametrize("card,fmt,values,packed", CARDS[:80], ids=IDS[:80])
def test_pearl_round_trip(card, fmt, values, packed):
    assert unpack(fmt, pack(fmt, *values)) == values, f"{card}: {fmt}"
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests" / "test_buttoncards.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp / "src"), **LOCALE}
    tests = "tests/test_bitstruct.py tests/test_buttoncards.py"
    cap("pytest-bitstruct-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {tests} 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-bitstruct-v-l-tb-long-tail-1100", f"python -m pytest -v -l --tb=long {NOCACHE} {tests} 2>&1 "
        "| tail -n 1100", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-bitstruct", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {tests} 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-pearl-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {tests} -k 'not pearl' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-bitstruct-head-600", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests setup.py 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-bitstruct-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"tests {CODE} setup.py 2>&1 | head -n 1100", tp, n_ruff)
    # bitstruct is untyped: mypy --strict reads it beside the tests and pytest's own sources (copied with the
    # package into a folder of their own) for a run of real size
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/src/bitstruct {tp}/tests {site}/_pytest {tc}/")
    cap("mypy-strict-bitstruct-pytest-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable bitstruct tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-bitstruct", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise src/bitstruct tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "src/bitstruct tests/test_buttoncards.py 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp / "src")}, timeout=1200)


SHEET = r'''
from bitstruct import pack, unpack


class BlankError(Exception):
    pass


# a button maker's drill book: the card, the driller, the bit fields and the values to pack on it
BOOK = [
    {"card": "Horn 12", "driller": "Dorcas", "fields": "u4u4s8", "values": (3, 9, -5)},
    {"card": "Pearl 4", "driller": "Ebenezer", "fields": "u8u8", "values": (40, 12)},
    {"card": "Jet 9", "driller": "Thirza", "fields": "u4s4", "values": (7, "four")},
    {"card": "Bone 2", "driller": "Keziah", "fields": "u12", "values": (1200,)},
]


def drilled(row):
    try:
        packed = pack(row["fields"], *row["values"])
        return unpack(row["fields"], packed)
    except (ValueError, TypeError, KeyError) as exc:
        raise BlankError(f"{row['card']} ({row['driller']}): cannot drill {row['values']!r} as {row['fields']}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = drilled(row)
        except BlankError as exc:
            raise RuntimeError(f"drilling bench stopped at card {n} of {len(BOOK)}") from exc
        print(f"{row['card']} ({row['driller']}): holes {said}")
    print(f"drill book read: {len(BOOK)} cards")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "drillbook"
    d.mkdir()
    (d / "drillbook.py").write_text(SHEET)
    cap("python-chained-traceback-drillbook", "python3 drillbook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH / "src"), **LOCALE})


def git_history(tmp: Path) -> None:
    """bitstruct's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [f"{PY}/__init__.py", "tests/test_bitstruct.py", f"{PY}/bitstream.c", "README.rst", "setup.py"]
    repo = history(tmp, SRC, "bitstruct", PH, rels, PEOPLE, 69512, 45, BUGS)
    (repo / "NOTES.local").write_text("the jet cards pack wrong since the sign change\n")
    cap("git-log-p-bitstruct-head-2400", "git log -p | head -n 2400", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-bitstruct", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-bitstruct-init", f"git blame {PY}/__init__.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-bitstruct", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-bitstruct-typeshed-rich-head-1000", f"ls -laR {PH} {ts}/concurrent {ts}/email {ts}/json "
        f"{site}/rich {site}/_pytest/_code | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-rich-bitstruct-tail-420", f"find {site}/mypy {site}/rich {site}/_pytest {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 420", tmp, n_find)
    cap("tree-typeshed-email-pytest-bitstruct", f"tree -L 2 {ts}/email {site}/_pytest/assertion {PH}/src "
        f"{site}/pluggy", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 695076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-blankmill", "ps auxww | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/json /usr/lib/python3.11/http /usr/lib/python3.11/xml /usr/lib/python3.11/sqlite3 "
        "/usr/lib/python3.11/concurrent /usr/lib/python3.11/importlib /usr/lib/python3.11/ctypes "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-json-ctypes", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-320", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 320\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-500", f"{VENV}/bin/pip inspect | tail -n 500", d, n_pip_inspect,
        typed="pip inspect | tail -n 500")


PLACES = ["horn loft", "cutting room", "boiling pan", "polishing drum", "drilling bench", "carding bench",
          "blank saw", "shank press", "dyeing room", "packing room"]
LOG_MSGS = {
    "INFO": lambda r: (f"card {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 400)} blanks, "
                       f"{r.randint(1, 90)} holes drilled, {r.randint(5, 95)} % polished, "
                       f"{r.randint(1, 30)} cards sewn"),
    "DEBUG": lambda r: (f"driller {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(20, 300)} blanks/hour, "
                        f"lye at {r.randint(60, 140)} C, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} slow at {r.randint(40, 99)} % on bench "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: drilling held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"card {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['shank snapped', 'blank split', 'pearl chipped', 'hole off centre'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "holeworks.log", 69513, 2300, ["holeworks.cards", "holeworks.blanks", "holeworks.drillers",
                                                     "holeworks.lye"], LOG_MSGS, 69500, "2026-12-04")
    cap("log-grep-v-debug-head-440", "grep -v DEBUG holeworks.log | head -n 440", tmp, n_app_log)
    chain("chain-log-grep-warn-error-holeworks", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 holeworks.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
