"""Round 687, Python and the machine: the sdist of StringDist 1.0.9 (a real PyPI release: Levenshtein and restricted
Damerau-Levenshtein distances, a C extension with a pure-Python fallback; run from the sdist, the fallback is what
runs; the sdist ships no suite of its own) with a few bugs put in, run under a brushmaker's suite written here (one
test per seeded word pair, the expected distances worked out by the test apart from the package) with pytest (one run
with colour forced on), ruff and mypy --strict over the package's code and the tests, and used by a tuftbook script
into a chained traceback; a git history built here by committing StringDist's sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and the
tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps
aux); files of the machine as a CSV and a sqlite table, and pip inspect; a brushmaker's service log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The layout is capture_wide679_py's, its package-specific parts written for this package. Run through
capture_wide687.py."""

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
from capture_wide687 import SRC, VENV, cap

PH = "StringDist-1.0.9"
CODE = "stringdist"
PY = "stringdist/pystringdist"
PEOPLE = [("Tabitha Knotsetter", "tabitha@example.org"), ("Jethro Bristledrawer", "jethro@example.org"),
          ("Mehetabel Pitchpan", "mehetabel@example.org")]

# The bugs put in StringDist's pure-Python code (file, text, replacement); each text occurs exactly once in its file.
# Letters compare without case on one side; a transposition costs nothing; the normalised distance divides by the
# shorter string.
BUGS = [(f"{PY}/levenshtein_shared.py", "sub_trans_cost = 0 if source[i - 1] == target[j - 1] else 1",
         "sub_trans_cost = 0 if source[i - 1].lower() == target[j - 1] else 1"),
        (f"{PY}/levenshtein_shared.py", "trans_dist = matrix[i - 2][j - 2] + sub_trans_cost",
         "trans_dist = matrix[i - 2][j - 2]"),
        (f"{PY}/levenshtein.py", "return float(distance) / max(len(source), len(target))",
         "return float(distance) / min(len(source), len(target))")]

TABLE_TEST = r'''"""A brushmaker's round of tickets: each brush ticket as copied out, checked by hand against the stock card."""
import random

import pytest

from stringdist import levenshtein, levenshtein_norm, rdlevenshtein, rdlevenshtein_norm

WORDS = ("hearth scrubbing shaving paste sash flue dandy hat tooth banister stencil varnish hog bristle knot stock "
         "pitch tuft drawn bored trimmed combed bass fibre whisk crumb nail").split()
_R = random.Random(68714)


def _copied(word):
    """The ticket as a tired clerk copies it: a few letters dropped, added, changed or swapped."""
    w = list(word)
    for _ in range(_R.randint(0, 3)):
        op = _R.choice("dics")
        at = _R.randrange(len(w) + (op == "i")) if w else 0
        if op == "d" and w:
            del w[at]
        elif op == "i":
            w.insert(at, _R.choice("aeioursnt"))
        elif op == "s" and len(w) > 1:
            at = min(at, len(w) - 2)
            w[at], w[at + 1] = w[at + 1], w[at]
        elif w:
            w[at] = _R.choice("aeioursnt")
    return "".join(w)


def osa(a, b, swaps):
    """The edit distance (with adjacent swaps when asked), worked out here row by row."""
    d = [[i if j == 0 else j for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            c = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c)
            if swaps and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + c)
    return d[-1][-1]


TICKETS = []
for n in range(1, 171):
    card = " ".join(_R.sample(WORDS, _R.randint(1, 3)))
    if _R.random() < 0.4:
        card = card.title()
    copied = " ".join(_copied(w) for w in card.split())
    TICKETS.append((f"ticket{n:03}", copied, card))
IDS = [t[0] for t in TICKETS]


@pytest.mark.parametrize("ticket,copied,card", TICKETS, ids=IDS)
def test_knot_levenshtein(ticket, copied, card):
    assert levenshtein(copied, card) == osa(copied, card, False), f"{ticket}: {copied!r} against {card!r}"


@pytest.mark.parametrize("ticket,copied,card", TICKETS, ids=IDS)
def test_tuft_swaps(ticket, copied, card):
    assert rdlevenshtein(copied, card) == osa(copied, card, True), f"{ticket}: {copied!r} against {card!r}"


@pytest.mark.parametrize("ticket,copied,card", TICKETS[:90], ids=IDS[:90])
def test_stock_normalised(ticket, copied, card):
    n = max(len(copied), len(card))
    assert levenshtein_norm(copied, card) == pytest.approx(osa(copied, card, False) / n), f"{ticket}: {copied!r}"
    assert rdlevenshtein_norm(copied, card) == pytest.approx(osa(copied, card, True) / n), f"{ticket}: {copied!r}"
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests").mkdir()
    (tp / "tests" / "test_knotbench.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-stringdist-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} tests 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-stringdist-v-l-tb-long-tail-1100", f"python -m pytest -v -l --tb=long {NOCACHE} tests 2>&1 "
        "| tail -n 1100", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-stringdist", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} tests 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-tuft-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} tests -k 'not tuft' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-stringdist-head-600", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests setup.py 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-stringdist-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"tests {CODE} setup.py 2>&1 | head -n 1100", tp, n_ruff)
    # StringDist is untyped: mypy --strict reads it beside the tests and pytest's own sources (copied with the
    # package into a folder of their own) for a run of real size
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/stringdist {tp}/tests {site}/_pytest {tc}/")
    cap("mypy-strict-stringdist-pytest-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable stringdist tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-stringdist", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise stringdist tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "stringdist tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
from stringdist import rdlevenshtein_norm


class TuftError(Exception):
    pass


# a brushmaker's tuft book: the stock, the drawer, the ticket as copied and the card it should match
BOOK = [
    {"stock": "Hearth 12", "drawer": "Tabitha", "copied": "haerth", "card": "hearth"},
    {"stock": "Sash 4", "drawer": "Jethro", "copied": "sahs", "card": "sash"},
    {"stock": "Flue 9", "drawer": "Mehetabel", "copied": "", "card": ""},
    {"stock": "Banister 2", "drawer": "Keziah", "copied": "banistre", "card": "banister"},
]


def drawn(row):
    try:
        return rdlevenshtein_norm(row["copied"], row["card"])
    except (ZeroDivisionError, KeyError) as exc:
        raise TuftError(f"{row['stock']} ({row['drawer']}): nothing to weigh {row['copied']!r} against") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = drawn(row)
        except TuftError as exc:
            raise RuntimeError(f"drawing bench stopped at stock {n} of {len(BOOK)}") from exc
        print(f"{row['stock']} ({row['drawer']}): ticket off by {said:.3f}")
    print(f"tuft book read: {len(BOOK)} stocks")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "tuftbook"
    d.mkdir()
    (d / "tuftbook.py").write_text(SHEET)
    cap("python-chained-traceback-tuftbook", "python3 tuftbook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """StringDist's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [f"{PY}/levenshtein_shared.py", f"{PY}/levenshtein.py", f"{PY}/rdlevenshtein.py",
            "stringdist/cstringdist/levenshtein_shared.c", "stringdist/cstringdist/cstringdist.c",
            "README.rst", "setup.py"]
    repo = history(tmp, SRC, "stringdist", PH, rels, PEOPLE, 68712, 12, BUGS)
    (repo / "NOTES.local").write_text("the hearth tickets weigh light since the swap change\n")
    cap("git-log-p-stringdist-head-2400", "git log -p | head -n 2400", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-stringdist", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-stringdist-shared", f"git blame {PY}/levenshtein_shared.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-stringdist", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-stringdist-typeshed-rich-head-1000", f"ls -laR {PH} {ts}/asyncio {ts}/xml {ts}/urllib "
        f"{site}/rich {site}/_pytest/config | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-rich-stringdist-tail-420", f"find {site}/mypy {site}/rich {site}/_pytest {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 420", tmp, n_find)
    cap("tree-typeshed-asyncio-pytest-stringdist", f"tree -L 2 {ts}/asyncio {site}/_pytest/_code {PH}/stringdist "
        f"{site}/iniconfig", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 687076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-stockmill", "ps auxww | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/unittest "
        "/usr/lib/python3.11/urllib /usr/lib/python3.11/logging /usr/lib/python3.11/multiprocessing "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-asyncio-email", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-320", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 320\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-500", f"{VENV}/bin/pip inspect | tail -n 500", d, n_pip_inspect,
        typed="pip inspect | tail -n 500")


PLACES = ["bristle loft", "combing board", "drawing bench", "boring bench", "pitch pan", "trimming bench",
          "stock saw", "knot press", "finishing room", "packing room"]
LOG_MSGS = {
    "INFO": lambda r: (f"stock {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 400)} knots, "
                       f"{r.randint(1, 90)} holes bored, {r.randint(5, 95)} % drawn, "
                       f"{r.randint(1, 30)} brushes trimmed"),
    "DEBUG": lambda r: (f"drawer {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(20, 300)} knots/hour, "
                        f"pitch at {r.randint(60, 140)} C, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} slow at {r.randint(40, 99)} % on bench "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: drawing held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"stock {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['knot pulled', 'hole split', 'pitch cold', 'bristle short'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "bristled.log", 68713, 2300, ["bristled.stocks", "bristled.knots", "bristled.drawers",
                                                    "bristled.pitch"], LOG_MSGS, 68700, "2026-12-03")
    cap("log-grep-v-debug-head-440", "grep -v DEBUG bristled.log | head -n 440", tmp, n_app_log)
    chain("chain-log-grep-warn-error-bristled", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 bristled.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
