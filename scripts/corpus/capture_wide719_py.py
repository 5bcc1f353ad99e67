"""Round 719, Python and the machine: the sdist of rangeset 0.0.15 (a real PyPI release: continuous ranges as a set in
pure Python over sortedcontainers, one module; run from the sdist) with a few bugs put in, run under its own doctest
suite (`rangeset/test/basic.txt` and `datetime.txt` through its `test.py`'s `suite()`, by unittest and by pytest's
doctest glob) and a card maker's suite written here (one test per seeded set of spans, the expected values worked out
by the test apart from the package) with pytest (one run with colour forced on), ruff and mypy --strict over the
package's code and the tests, and used by a teethbook script into a chained traceback; a git history built here by
committing rangeset's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff);
listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy
process started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and pip inspect; a card maker's
service log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). The layout is capture_wide711_py's, its package-specific parts written for this package. Run
through capture_wide719.py."""

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
from capture_wide719 import SRC, VENV, cap

PH = "rangeset-0.0.15"
CODE = "rangeset/__init__.py"
PEOPLE = [("Obadiah Cardwright", "obadiah@example.org"), ("Keziah Wireman", "keziah@example.org"),
          ("Tabitha Fillet", "tabitha@example.org")]

# The bugs put in rangeset/__init__.py (file, text, replacement); each text occurs exactly once in its file.
# A union keeps a second start where spans overlap; measure() takes one off every piece; range() measures from the
# first piece's end; a point inside a piece (not on an end) is said to be outside.
BUGS = [(CODE, "    def __or__(self, *other):\n        sorted_ends = self.__merged_ends(*other)\n        new_ends = []\n"
               "        for _, end, state in RangeSet.__iterate_state(sorted_ends):\n            if state > 1 and end == _START:",
         "    def __or__(self, *other):\n        sorted_ends = self.__merged_ends(*other)\n        new_ends = []\n"
         "        for _, end, state in RangeSet.__iterate_state(sorted_ends):\n            if state > 2 and end == _START:"),
        (CODE, "val = self.ends[i + 1][0] - self.ends[i][0]", "val = self.ends[i + 1][0] - self.ends[i][0] - 1"),
        (CODE, "return self.ends[-1][0] - self.ends[0][0]", "return self.ends[-1][0] - self.ends[1][0]"),
        (CODE, "return last_end == _START", "return last_end == _END")]

TABLE_TEST = r'''"""A card maker's cards: each card a few spans of wire teeth set along the leather, checked by hand against the book."""
import random

import pytest

from rangeset import RangeSet

_R = random.Random(71914)

CARDS = []
for n in range(1, 151):
    k = _R.randint(1, 6)
    spans = []
    for _ in range(k):
        lo = _R.randint(0, 200)
        spans.append((lo, lo + _R.randint(0, 30)))
    CARDS.append((f"card{n:03}", spans, _R.randint(0, 230)))
IDS = [c[0] for c in CARDS]


def _merged(spans):
    out = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


@pytest.mark.parametrize("card,spans,point", CARDS, ids=IDS)
def test_wire_pieces(card, spans, point):
    assert list(RangeSet.mutual_union(*spans)) == _merged(spans), f"{card}: {spans}"


@pytest.mark.parametrize("card,spans,point", CARDS, ids=IDS)
def test_leather_measure(card, spans, point):
    want = sum(hi - lo for lo, hi in _merged(spans))
    assert RangeSet.mutual_union(*spans).measure() == want, f"{card}: {spans}"


@pytest.mark.parametrize("card,spans,point", CARDS, ids=IDS)
def test_tooth_contains(card, spans, point):
    want = any(lo <= point <= hi for lo, hi in spans)
    assert (point in RangeSet.mutual_union(*spans)) == want, f"{card}: {point} in {spans}"


@pytest.mark.parametrize("card,spans,point", CARDS[:80], ids=IDS[:80])
def test_sliver_span(card, spans, point):
    want = max(hi for _, hi in spans) - min(lo for lo, _ in spans)
    assert RangeSet.mutual_union(*spans).range() == want, f"{card}: {spans}"
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests").mkdir()
    (tp / "tests" / "test_cardbench.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    tests = "tests/test_cardbench.py"
    cap("pytest-rangeset-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {tests} 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-rangeset-v-l-tb-long-tail-1100", f"python -m pytest -v -l --tb=long {NOCACHE} {tests} 2>&1 "
        "| tail -n 1100", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-rangeset", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {tests} 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-sliver-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {tests} -k 'not sliver' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    chain("chain-unittest-own-doctests-echo-exit", "chain-test-exit", "test",
          [Part("python -m unittest -v rangeset.test.test.suite 2>&1", n_unittest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=600)
    cap("pytest-doctest-glob-own-suite-rangeset", f"python -m pytest --doctest-glob='*.txt' -p no:cacheprovider "
        "rangeset/test 2>&1", tp, n_pytest, env=env, timeout=600)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-rangeset-head-600", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests rangeset/test docs/conf.py setup.py 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-rangeset-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"tests rangeset docs/conf.py setup.py 2>&1 | head -n 1100", tp, n_ruff)
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/rangeset {tp}/tests {site}/_pytest {tc}/")
    cap("mypy-strict-rangeset-pytest-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --exclude 'mergeinfo[.]py' rangeset tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-rangeset", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise rangeset tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "--exclude 'mergeinfo[.]py' rangeset tests/test_cardbench.py 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
from rangeset import RangeSet


class CardError(Exception):
    pass


# a card maker's book of cards: the card, the setter, the wire and the spans of teeth set along each leather
BOOK = [
    {"card": "Doffer 12", "setter": "Obadiah", "wire": "hardened", "spans": [(0, 40), (44, 90)], "leather": 90},
    {"card": "Swift 4", "setter": "Keziah", "wire": "tempered", "spans": [(5, 60)], "leather": 64},
    {"card": "Worker 9", "setter": "Tabitha", "wire": "plated", "spans": [(0, 30), ("32", 70)], "leather": 72},
    {"card": "Stripper 2", "setter": "Jedidiah", "wire": "hardened", "spans": [(10, 50)], "leather": 50},
]


def set_teeth(row):
    try:
        teeth = RangeSet.mutual_union(*row["spans"])
        return row["card"], teeth.measure() * 100 // row["leather"]
    except (ValueError, TypeError, KeyError) as exc:
        raise CardError(f"{row['card']} ({row['setter']}): cannot read spans {row['spans']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = set_teeth(row)
        except CardError as exc:
            raise RuntimeError(f"card book stopped at card {n} of {len(BOOK)}") from exc
        print(f"{row['card']} ({row['setter']}): {said}")
    print(f"card book read: {len(BOOK)} cards")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "teethbook"
    d.mkdir()
    (d / "teethbook.py").write_text(SHEET)
    cap("python-chained-traceback-teethbook", "python3 teethbook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """rangeset's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [CODE, "rangeset/test/test.py", "rangeset/test/basic.txt", "rangeset/test/datetime.txt",
            "rangeset/test/mergeinfo.py", "docs/index.txt", "setup.py"]
    repo = history(tmp, SRC, "rangeset", PH, rels, PEOPLE, 71912, 12, BUGS)
    (repo / "NOTES.local").write_text("the doffer cards count the same teeth twice since the wire change\n")
    cap("git-log-p-rangeset-head-2400", "git log -p | head -n 2400", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-rangeset", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-rangeset-init-py", "git blame rangeset/__init__.py", repo, n_blame,
        env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-rangeset", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-rangeset-typeshed-rich-head-1000", f"ls -laR {PH} {ts}/email {ts}/concurrent {ts}/sqlite3 "
        f"{site}/rich {site}/_pytest/config | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-rich-rangeset-tail-420", f"find {site}/mypy {site}/rich {site}/pluggy {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 420", tmp, n_find)
    cap("tree-typeshed-email-pytest-rangeset", f"tree -L 2 {ts}/email {site}/_pytest/assertion {PH} "
        f"{site}/iniconfig", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 719076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-toothbench", "ps auxww | cut -c1-300", tmp, n_ps_aux)
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


PLACES = ["wire room", "pricking bench", "setting bench", "leather store", "fillet press", "grinding frame",
          "staple machine", "doffer bench", "swift bench", "packing room"]
LOG_MSGS = {
    "INFO": lambda r: (f"card {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(200, 4000)} teeth, "
                       f"{r.randint(1, 90)} leathers pricked, {r.randint(5, 95)} % set, "
                       f"{r.randint(1, 30)} fillets wound"),
    "DEBUG": lambda r: (f"setter {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(200, 3000)} teeth/hour, "
                        f"wire at {r.randint(18, 34)} gauge, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} slow at {r.randint(40, 99)} % on coil "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: setting held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"card {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['wire snapped', 'leather split', 'teeth bent', 'staples jammed'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "cardworks.log", 71913, 2300, ["cardworks.teeth", "cardworks.cards",
                                                     "cardworks.setters", "cardworks.store"],
                 LOG_MSGS, 71900, "2026-12-04")
    cap("log-grep-v-debug-head-440", "grep -v DEBUG cardworks.log | head -n 440", tmp, n_app_log)
    chain("chain-log-grep-warn-error-cardworks", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 cardworks.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
