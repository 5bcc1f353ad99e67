"""Round 795, Python and the machine: the sdist of pyllist 0.3 (a real PyPI release: pure-Python singly and doubly
linked lists, the package `pyllist/`; run from the sdist, which carries its own `test/`) with a few bugs put in, run
under its own suite and a gunsmith's suite written here (one test per seeded gun rack of barrel lengths, the expected
answers worked out by the test apart from the package, by list slicing), with pytest (one run with colour forced on),
ruff and mypy --strict over the package's code and the tests, and used by a ramrodbook script into a chained
traceback; a git history built here by committing pyllist's sources in steps (capture_material.history: log -p, log
--stat, blame, show, status and diff); listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree);
the machine's process table with a busy process started on purpose (ps aux); files of the machine as a CSV and a
sqlite table, and pip inspect; a gunsmith's workshop log (capture_material.app_log). Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). The layout is capture_wide777_py's (its
package-free parts re-aimed at other folders), its package-specific parts written for this package. Run through
capture_wide795.py."""

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
from capture_wide795 import SRC, VENV, cap

PH = "pyllist-0.3"
SL, DL = "pyllist/sllist.py", "pyllist/dllist.py"
PEOPLE = [("Josiah Manton", "josiah@example.org"), ("Hepzibah Nock", "hepzibah@example.org"),
          ("Durs Wogdon", "durs@example.org")]

# The bugs put in pyllist (file, text, replacement); each text occurs exactly once in its file.
# sllist.insertafter never moves the tail on when it inserts after the last node; dllist.remove of the last node makes
# the removed node's successor (None) the new last; sllist.nodeat takes one too many off a negative index.
BUGS = [(SL, "            raise ValueError(\"Node is not element of this list\")\n        if isinstance(value, sllistnode):\n"
             "            value = value.value\n        new_node = sllistnode(value=value, next=None, list=self)\n"
             "        new_node._sllistnode__next = node.next\n        node._sllistnode__next = new_node\n"
             "        if self.__last is node:\n",
         "            raise ValueError(\"Node is not element of this list\")\n        if isinstance(value, sllistnode):\n"
         "            value = value.value\n        new_node = sllistnode(value=value, next=None, list=self)\n"
         "        new_node._sllistnode__next = node.next\n        node._sllistnode__next = new_node\n"
         "        if self.__last is new_node:\n"),
        (DL, "        if self.__last is node:\n            self.__last = node.prev\n        self.__size -= 1\n\n"
             "        if node.prev is not None:\n            node.prev._dllistnode__next = node.next\n"
             "        if node.next is not None:\n            node.next._dllistnode__prev = node.prev\n\n"
             "        node._dllistnode__prev = None\n        node._dllistnode__next = None\n",
         "        if self.__last is node:\n            self.__last = node.next\n        self.__size -= 1\n\n"
         "        if node.prev is not None:\n            node.prev._dllistnode__next = node.next\n"
         "        if node.next is not None:\n            node.next._dllistnode__prev = node.prev\n\n"
         "        node._dllistnode__prev = None\n        node._dllistnode__next = None\n"),
        (SL, "            index = self.__size + index\n", "            index = self.__size + index - 1\n")]

TABLE_TEST = r"""# A gunsmith's racks: each rack a row of barrels, each barrel's length in inches.
import random

import pytest

from pyllist import dllist, sllist

_R = random.Random(79514)
PATTERNS = ["Brown Bess", "Baker", "Kentucky", "Manton", "Purdey", "Wogdon", "Jaeger", "Ferguson", "Nock", "Egg"]

RACKS = []
for n in range(1, 151):
    barrels = [_R.randint(10, 46) for _ in range(_R.randint(3, 40))]
    at = len(barrels) - 1 if _R.random() < 0.4 else _R.randint(0, len(barrels) - 1)
    off = len(barrels) - 1 if _R.random() < 0.4 else _R.randint(0, len(barrels) - 1)
    back = _R.randint(1, len(barrels))
    RACKS.append((f"rack{n:03}-{_R.choice(PATTERNS).replace(' ', '')}", barrels, at, off, back))
IDS = [r[0] for r in RACKS]


@pytest.mark.parametrize("rack,barrels,at,off,back", RACKS, ids=IDS)
def test_stock_fitted_after_barrel(rack, barrels, at, off, back):
    ll = sllist(barrels)
    ll.insertafter(ll.nodeat(at), 99)
    ll.append(7)
    assert list(ll) == barrels[:at + 1] + [99] + barrels[at + 1:] + [7], f"{rack}: after barrel {at}"


@pytest.mark.parametrize("rack,barrels,at,off,back", RACKS, ids=IDS)
def test_lock_taken_off_read_from_the_muzzle(rack, barrels, at, off, back):
    ll = dllist(barrels)
    ll.remove(ll.nodeat(off))
    left = barrels[:off] + barrels[off + 1:]
    assert list(reversed(ll)) == left[::-1], f"{rack}: barrel {off} off"


@pytest.mark.parametrize("rack,barrels,at,off,back", RACKS[:100], ids=IDS[:100])
def test_frizzen_counts_from_the_end(rack, barrels, at, off, back):
    assert sllist(barrels)[-back] == barrels[-back], f"{rack}: barrel -{back}"
"""


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "test" / "test_gun_racks.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-pyllist-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} test 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-pyllist-v-l-tb-long-tail-1000", f"python -m pytest -v -l --tb=long {NOCACHE} test 2>&1 "
        "| tail -n 1000", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-pyllist", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} test 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-frizzen-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} test -k 'not frizzen' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    chain("chain-pytest-own-suite-tb-long-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest --tb=long {NOCACHE} test/test_pyllist.py 2>&1", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=600)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-pyllist-head-600", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise pyllist test examples setup.py docs/conf.py 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-pyllist-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        "pyllist test examples setup.py 2>&1 | head -n 1100", tp, n_ruff)
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/pyllist {tp}/test {site}/_pytest {site}/pluggy {site}/iniconfig {tc}/")
    cap("mypy-strict-pyllist-pytest-pluggy-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable pyllist test _pytest pluggy iniconfig 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-pyllist", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise pyllist test 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "pyllist test examples 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r"""
from pyllist import dllist


class RamrodChargeError(Exception):
    pass


# a gunsmith's ramrod book: the gun, the gunsmith, the lock to prime and the grains rammed down at each charge
BOOK = [
    {"gun": "Brown Bess 14", "smith": "Josiah", "lock": 3, "grains": [70, 68, 72, 70, 65, 71, 69]},
    {"gun": "Baker rifle 6", "smith": "Hepzibah", "lock": 1, "grains": [84, 80, 82, 86, 81]},
    {"gun": "Manton fowler 2", "smith": "Durs", "lock": "2nd", "grains": [60, 62, 61, 59, 63, 60]},
    {"gun": "Wogdon pistol 9", "smith": "Ezekiel", "lock": 0, "grains": [30, 32, 31]},
]


def ram_charges(row):
    try:
        rod = dllist(row["grains"])
        primed = rod.nodeat(row["lock"])
        return row["gun"], primed.value, sum(rod), len(rod)
    except (ValueError, TypeError, IndexError) as exc:
        raise RamrodChargeError(f"{row['gun']} ({row['smith']}): cannot prime lock {row['lock']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = ram_charges(row)
        except RamrodChargeError as exc:
            raise RuntimeError(f"ramrod book stopped at gun {n} of {len(BOOK)}") from exc
        print(f"{row['gun']} ({row['smith']}): {said}")
    print(f"ramrod book read: {len(BOOK)} guns")


read_book()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "ramrodbook"
    d.mkdir()
    (d / "ramrodbook.py").write_text(SHEET)
    cap("python-chained-traceback-ramrodbook", "python3 ramrodbook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """pyllist's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [SL, DL, "pyllist/compat.py", "pyllist/__init__.py", "test/test_pyllist.py", "examples/insertion_sort.py",
            "examples/lucky_numbers.py", "docs/index.rst", "setup.py", "README", "CHANGES"]
    repo = history(tmp, SRC, "pyllist", PH, rels, PEOPLE, 79512, 4, BUGS)
    (repo / "NOTES.local").write_text("the Brown Bess 14's frizzen sparks late since the mainspring was re-tempered\n")
    cap("git-log-p-pyllist-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-pyllist", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-pyllist-dllist", f"git blame {DL}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-7", "git show HEAD~7", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-pyllist", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-pyllist-typeshed-head-1000", f"ls -laR {PH} {ts}/email {ts}/xml {ts}/concurrent "
        f"{site}/rich/_unicode_data {site}/iniconfig {site}/_pytest/_code | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-typeshed-rich-pytest-pyllist-tail-440", f"find {ts}/email {ts}/importlib {site}/rich "
        f"{site}/_pytest {site}/iniconfig {PH} -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n "
        "| tail -n 440", tmp, n_find)
    cap("tree-typeshed-xml-pytest-pyllist", f"tree -L 2 {ts}/xml {ts}/http {site}/_pytest/_code {PH} "
        f"{site}/iniconfig", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 795076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-barrelbench", "ps auxww | grep -v binary_backend | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/xml /usr/lib/python3.11/json /usr/lib/python3.11/http /usr/lib/python3.11/concurrent "
        "/usr/lib/python3.11/sqlite3 /usr/lib/python3.11/wsgiref /usr/lib/python3.11/importlib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-xml-json-http-importlib", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-bytes-320", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 320\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-520", f"{VENV}/bin/pip inspect | head -n 520", d, n_pip_inspect,
        typed="pip inspect | head -n 520")


PLACES = ["lock bench", "barrel shop", "stock bench", "rifling bench", "proof house", "frizzen forge",
          "flint knapper", "breeching vice", "engraving desk", "powder store"]
LOG_MSGS = {
    "INFO": lambda r: (f"gun {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(2, 90)} barrels, "
                       f"{r.randint(1, 61)} locks fitted, {r.randint(5, 95)} % proofed, "
                       f"{r.randint(1, 30)} thou bore wear"),
    "DEBUG": lambda r: (f"gunsmith {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(2, 30)} stocks/day, "
                        f"bore at {r.randint(550, 800)} thou, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} off by {r.randint(1, 40)} thou on barrel "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: proof held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"gun {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['frizzen cracked', 'mainspring snapped', 'sear jammed', 'barrel burst at proof'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "gunsmiths.log", 79513, 2300, ["gunsmiths.locks", "gunsmiths.barrels",
                                                    "gunsmiths.stocks", "gunsmiths.frizzens"],
                 LOG_MSGS, 79500, "2026-12-04")
    cap("log-grep-v-debug-head-480", "grep -v DEBUG gunsmiths.log | head -n 480", tmp, n_app_log)
    chain("chain-log-grep-warn-error-gunsmiths", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 gunsmiths.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
