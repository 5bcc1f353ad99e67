"""Round 743, Python and the machine: the sdist of pyinter 0.2.0 (a real PyPI release: intervals and interval sets in
pure Python, the package `pyinter/`; run from the sdist, which carries its own `tests/`) with a few bugs put in, run
under its own suite and an organ builder's suite written here (one test per seeded rank of pipes, the expected answers
worked out by the test apart from the package, over integer points), with pytest (one run with colour forced on), ruff
and mypy --strict over the package's code and the tests, and used by a voicebook script into a chained traceback; a
git history built here by committing pyinter's sources in steps (capture_material.history: log -p, log --stat, blame,
show, status and diff); listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's
process table with a busy process started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and
pip inspect; an organ builder's service log (capture_material.app_log). Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). The layout is capture_wide735_py's (its people-free parts
re-aimed at other folders), its package-specific parts written for this package. Run through capture_wide743.py."""

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
from capture_wide743 import SRC, VENV, cap

PH = "pyinter-0.2.0"
CODE = "pyinter/interval.py"
PEOPLE = [("Ezekiel Stopknob", "ezekiel@example.org"), ("Mehitabel Diapason", "mehitabel@example.org"),
          ("Thaddeus Voicer", "thaddeus@example.org")]

# The bugs put in pyinter/interval.py (file, text, replacement); each text occurs exactly once in its file.
# A closed upper end no longer holds its own value; two intervals touching at a closed and an open end overlap;
# two intervals whose ends meet inside never overlap.
BUGS = [(CODE, "else operator.le", "else operator.lt"),
        (CODE, "smaller._upper == smaller.CLOSED and larger._lower", "smaller._upper == smaller.CLOSED or larger._lower"),
        (CODE, "return larger._lower_value < smaller._upper_value", "return larger._lower_value < smaller._upper_value - 1")]

TABLE_TEST = r'''"""An organ builder's ranks: each rank a run of pipes, its compass an interval of notes."""
import random

import pytest

import pyinter as P

_R = random.Random(74314)
KINDS = {"open": (False, False), "closed": (True, True), "openclosed": (False, True), "closedopen": (True, False)}

RANKS = []
for n in range(1, 151):
    lo = _R.randint(0, 40)
    a = (_R.choice(list(KINDS)), lo, lo + _R.randint(1, 12))
    lo2 = _R.randint(0, 52)
    b = (_R.choice(list(KINDS)), lo2, lo2 + _R.randint(1, 12))
    RANKS.append((f"rank{n:03}", a, b))
IDS = [c[0] for c in RANKS]


def _make(spec):
    kind, lo, hi = spec
    return getattr(P, kind)(lo, hi)


def _notes(spec):
    """the half-notes a rank sounds, counted by hand: every point x/2 between its ends, ends as its kind says"""
    kind, lo, hi = spec
    with_lo, with_hi = KINDS[kind]
    return {x for x in range(2 * lo, 2 * hi + 1)
            if (x > 2 * lo or with_lo) and (x < 2 * hi or with_hi)}


@pytest.mark.parametrize("rank,a,b", RANKS, ids=IDS)
def test_stopknob_sounds_its_compass(rank, a, b):
    iv = _make(a)
    heard = {x for x in range(0, 2 * 60) if x / 2 in iv}
    assert heard == _notes(a), f"{rank}: {iv}"


@pytest.mark.parametrize("rank,a,b", RANKS, ids=IDS)
def test_pipes_overlap(rank, a, b):
    both = bool(_notes(a) & _notes(b))
    assert _make(a).overlaps(_make(b)) == both, f"{rank}: {_make(a)} and {_make(b)}"


@pytest.mark.parametrize("rank,a,b", RANKS[:90], ids=IDS[:90])
def test_voicing_intersect(rank, a, b):
    got = _make(a).intersect(_make(b))
    want = _notes(a) & _notes(b)
    heard = {x for x in range(0, 2 * 60) if got is not None and x / 2 in got}
    assert heard == want, f"{rank}: {_make(a)} & {_make(b)} gave {got}"
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests" / "test_organ_ranks.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-pyinter-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} tests 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-pyinter-v-l-tb-long-tail-1000", f"python -m pytest -v -l --tb=long {NOCACHE} tests 2>&1 "
        "| tail -n 1000", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short-pyinter", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} tests 2>&1 | tail -n 850",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-voicing-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} tests -k 'not voicing' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    chain("chain-pytest-own-suite-tb-short-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest --tb=short {NOCACHE} tests/test_interval.py tests/test_interval_set.py "
                "tests/test_interval_comparison.py 2>&1", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=600)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-pyinter-head-600", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise pyinter tests setup.py 2>&1 | head -n 600", tp, n_ruff)
    cap("ruff-pyinter-full-head-1100", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        "pyinter tests setup.py 2>&1 | head -n 1100", tp, n_ruff)
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/pyinter {tp}/tests {site}/_pytest {tc}/")
    cap("mypy-strict-pyinter-pytest-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable pyinter tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-pyinter", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise pyinter tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "pyinter tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
import pyinter as P


class PipeVoicingError(Exception):
    pass


# an organ builder's voicing book: the rank, the voicer, the division and the compass each rank may sound
BOOK = [
    {"rank": "Open Diapason 8", "voicer": "Ezekiel", "division": "great", "compass": (36, 96)},
    {"rank": "Stopped Flute 4", "voicer": "Mehitabel", "division": "swell", "compass": (48, 91)},
    {"rank": "Trumpet 8", "voicer": "Thaddeus", "division": "swell", "compass": ("C2", 96)},
    {"rank": "Bourdon 16", "voicer": "Jerusha", "division": "pedal", "compass": (24, 55)},
]


def voice_rank(row):
    try:
        lo, hi = row["compass"]
        iv = P.closed(lo, hi)
        return row["rank"], iv, iv.intersect(P.closed(60, 72))
    except (ValueError, TypeError, KeyError) as exc:
        raise PipeVoicingError(f"{row['rank']} ({row['voicer']}): cannot voice compass {row['compass']!r}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = voice_rank(row)
        except PipeVoicingError as exc:
            raise RuntimeError(f"voicing book stopped at rank {n} of {len(BOOK)}") from exc
        print(f"{row['rank']} ({row['voicer']}): {said}")
    print(f"voicing book read: {len(BOOK)} ranks")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "voicebook"
    d.mkdir()
    (d / "voicebook.py").write_text(SHEET)
    cap("python-chained-traceback-voicebook", "python3 voicebook.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """pyinter's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [CODE, "pyinter/interval_set.py", "pyinter/extrema.py", "tests/test_interval.py",
            "tests/test_interval_set.py", "tests/test_interval_comparison.py", "setup.py"]
    repo = history(tmp, SRC, "pyinter", PH, rels, PEOPLE, 74312, 9, BUGS)
    (repo / "NOTES.local").write_text("the swell trumpet speaks late in the top octave since the chest was releathered\n")
    cap("git-log-p-pyinter-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-pyinter", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-pyinter-interval", f"git blame {CODE}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-pyinter", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-pyinter-typeshed-ruff-head-1000", f"ls -laR {PH} {ts}/asyncio {ts}/multiprocessing {ts}/json "
        f"{site}/rich/_unicode_data {site}/_pytest/assertion | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-rich-pyinter-tail-440", f"find {site}/mypy/typeshed {site}/rich {site}/pluggy {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 440", tmp, n_find)
    cap("tree-typeshed-asyncio-pytest-pyinter", f"tree -L 2 {ts}/asyncio {site}/_pytest/_code {PH} "
        f"{site}/pluggy", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 743076)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-stopknobbench", "ps auxww | grep -v binary_backend | cut -c1-300", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/asyncio /usr/lib/python3.11/unittest /usr/lib/python3.11/logging "
        "/usr/lib/python3.11/urllib /usr/lib/python3.11/collections /usr/lib/python3.11/tomllib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-email-asyncio-unittest", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-name-320", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY name, directory LIMIT 320\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-460", f"{VENV}/bin/pip inspect | tail -n 460", d, n_pip_inspect,
        typed="pip inspect | tail -n 460")


PLACES = ["great chest", "swell box", "pedal tower", "choir division", "reed room", "voicing jack",
          "blower house", "console", "pipe shop", "tuning slide store"]
LOG_MSGS = {
    "INFO": lambda r: (f"rank {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 900)} pipes, "
                       f"{r.randint(1, 61)} notes voiced, {r.randint(5, 95)} % regulated, "
                       f"{r.randint(1, 30)} mm wind"),
    "DEBUG": lambda r: (f"voicer {r.randint(1, 40)}: {r.choice(PLACES)} at {r.randint(20, 300)} pipes/day, "
                        f"wind at {r.randint(50, 120)} mm, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} flat by {r.randint(1, 40)} cents on stop "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: tuning held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"rank {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['cipher on pallet', 'reed cracked', 'wind leak', 'stopknob jammed'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "organworks.log", 74313, 2300, ["organworks.pipes", "organworks.ranks",
                                                       "organworks.wind", "organworks.console"],
                 LOG_MSGS, 74300, "2026-12-04")
    cap("log-grep-v-debug-head-460", "grep -v DEBUG organworks.log | head -n 460", tmp, n_app_log)
    chain("chain-log-grep-warn-error-organworks", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 organworks.log | head -n 700", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
