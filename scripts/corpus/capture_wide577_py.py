"""Round 577, Python and the machine: the sdist of wordsegment 1.3.1 (a real PyPI release: English word segmentation
after Norvig's chapter in Beautiful Data, one package `wordsegment/__init__.py` with its unigram and bigram tables; the
sdist ships no tests) with a few bugs put in, run through a brewers' table of segmentation cases written here
(`tests/test_brewers.py`, seeded: each phrase's words, its letters kept, and long runs across the module's
250-character chunks) with pytest (one run with colour forced on), ruff and mypy --strict over the package and the
tests, and used by a brewers' script into a chained traceback; a git history built here by committing wordsegment's
sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the
unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process
started on purpose (ps aux); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a
brewery's service's log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's
from each part's own (round 9b). Run through capture_wide577.py."""

from __future__ import annotations

import pprint
import random
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
from capture_wide577 import SRC, VENV, cap

PH = "wordsegment-1.3.1"
NOCACHE = "-p no:cacheprovider"
TESTS = "tests/test_brewers.py"
RUN = "tests"
PEOPLE = [("Hannah Maltby", "hannah@example.org"), ("Oswin Copperwaite", "oswin@example.org"),
          ("Ada Sparger", "ada@example.org")]
TW = "wordsegment/__init__.py"
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in wordsegment (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# the digit 9 is no longer kept by clean(); each 250-character chunk of a long text loses its last letter; no word
# longer than 12 letters is tried whole.
BUGS = [(TW, "ALPHABET = set('abcdefghijklmnopqrstuvwxyz0123456789')",
         "ALPHABET = set('abcdefghijklmnopqrstuvwxyz012345678')"),
        (TW, "chunk = clean_text[offset:(offset + size)]", "chunk = clean_text[offset:(offset + size - 1)]"),
        (TW, "LIMIT = 24", "LIMIT = 12")]

_R = random.Random(57714)
BREWERS = ["Hannah", "Oswin", "Ada", "Jethro", "Mercy", "Tobit", "Keziah", "Amos"]
GRISTS = ["Pale", "Crystal", "Amber", "Brown", "Chocolate", "Black", "Mild", "Wheat", "Oats", "Roast"]
WORDS = ["the", "brewer", "mash", "copper", "hops", "malt", "water", "barley", "yeast", "boil", "cool", "beer",
         "ale", "cask", "barrel", "brew", "house", "floor", "grain", "sugar", "bitter", "strong", "dark", "light",
         "hot", "cold", "morning", "night", "first", "second", "runnings", "tank", "pump", "steam", "stout",
         "porter", "harvest", "kettle", "cellar", "gravity", "temperature", "fresh", "sweet", "spent"]
LONG = ["international", "refrigeration", "responsibilities", "thermodynamics", "manufacturers", "fermentations"]
CASES = []
for _k in range(90):
    _words = [_R.choice(WORDS) for _ in range(_R.randint(3, 7))]
    if _k % 5 == 2:
        _words.insert(_R.randint(0, len(_words)), str(_R.randint(10, 99)))
    if _k % 9 == 4:
        _words.insert(_R.randint(0, len(_words)), _R.choice(LONG))
    CASES.append([f"{GRISTS[_k % len(GRISTS)]}-{BREWERS[_k % len(BREWERS)]}-{_k:02}", " ".join(_words)])
RUNS = [[f"brew-book-{_j:02}", " ".join(c[1] for c in CASES[_j * 6:_j * 6 + 14])] for _j in range(12)]

TEST_BREWERS = """import re

import pytest

from wordsegment import clean, load, segment

load()

# the brewhouse's book: each phrase a brewer wrote with its spaces lost; its words are what segment() should find,
# and every letter and digit of it must be kept, also across the module's 250-character chunks
CASES = %s
RUNS = %s


def kept(text):
    return re.sub("[^a-z0-9]", "", text.lower())


@pytest.mark.parametrize("case,phrase", CASES, ids=[c[0] for c in CASES])
def test_words_found(case, phrase):
    assert segment(phrase.replace(" ", "")) == phrase.split(), f"{case}: {phrase!r}"


@pytest.mark.parametrize("case,phrase", CASES, ids=[c[0] for c in CASES])
def test_letters_kept(case, phrase):
    assert "".join(segment(phrase)) == kept(phrase)


@pytest.mark.parametrize("book,text", RUNS, ids=[r[0] for r in RUNS])
def test_long_run_kept(book, text):
    words = segment(text)
    assert len(kept(text)) > 250
    assert "".join(words) == kept(text), f"{book}: {len(''.join(words))} of {len(kept(text))} letters"


def test_clean_lowercases():
    assert clean("Mash-Tun No. 19!") == "mashtunno19"
"""


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests").mkdir()
    (tp / TESTS).write_text(TEST_BREWERS % (pprint.pformat(CASES, width=116), pprint.pformat(RUNS, width=116)))
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-wordsegment-v-color-tail-900", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {RUN} 2>&1 "
        "| tail -n 900", tp,
        n_pytest, env=env, timeout=900)
    cap("pytest-wordsegment-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {RUN} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {RUN} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-long-run-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {RUN} -k 'not long_run' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-wordsegment-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise wordsegment tests setup.py 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-wordsegment-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,UP wordsegment tests setup.py "
        "2>&1 | head -n 1200", tp, n_ruff)
    cap("mypy-strict-wordsegment", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable wordsegment tests setup.py 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-wordsegment-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT,Q,COM "
                f"--output-format=concise {TESTS} 2>&1 | head -n 450", n_ruff),
           Part("MYPYPATH=. mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports "
                f"{TESTS} 2>&1 | tail -n 300", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
from wordsegment import load, segment


class BrewhouseError(Exception):
    pass


# a brewery's brewing book: the day, the brewer, the note written on the mash tun's slate with its spaces lost, and
# the words the head brewer reads in it
BREWING_BOOK = [
    ("Monday", "Hannah", "mashtun19strikeat72", ["mash", "tun", "19", "strike", "at", "72"]),
    ("Tuesday", "Oswin", "coppertwoboilforninetyminutes", ["copper", "two", "boil", "for", "ninety", "minutes"]),
    ("Wednesday", "Ada", "pitchtheyeastatsixteen", ["pitch", "the", "yeast", "at", "sixteen"]),
    ("Thursday", "Jethro", "spargewithhotliquor", ["sparge", "with", "hot", "liquor"]),
]


def check(n, row):
    day, brewer, slate, expected = row
    try:
        words = segment(slate)
        assert "".join(words) == slate, f"{day}: the slate reads {''.join(words)!r}, {brewer} wrote {slate!r}"
        assert words == expected, f"{day}: {words} is not {expected}"
    except (AssertionError, ValueError) as exc:
        raise BrewhouseError(f"brewing book line {n}: {day} kept by {brewer}, {len(slate)} letters") from exc
    return day, brewer, words


def read_book():
    load()
    for n, row in enumerate(BREWING_BOOK, 1):
        try:
            day, brewer, words = check(n, row)
        except BrewhouseError as exc:
            raise RuntimeError(f"brewhouse stopped at brewing book line {n} of {len(BREWING_BOOK)}") from exc
        print(f"{day} ({brewer}): {' '.join(words)}")
    print(f"brewing book read: {len(BREWING_BOOK)} days")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "maltcheck"
    d.mkdir()
    (d / "maltcheck.py").write_text(SHEET)
    cap("python-chained-traceback-maltcheck", "python3 maltcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH)})


def git_history(tmp: Path) -> None:
    """wordsegment's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [TW, "README.rst", "setup.py", "wordsegment/__main__.py", "setup.cfg", "MANIFEST.in"]
    repo = history(tmp, SRC, "wordsegment", PH, rels, PEOPLE, 57712, 8, BUGS)
    (repo / "NOTES.local").write_text("the brewing book stops where a slate holds a 9\n")
    cap("git-log-p-wordsegment-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-wordsegment", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-wordsegment-init", f"git blame {TW}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-5", "git show HEAD~5", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-wordsegment", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-wordsegment-typeshed-pytest-head-1000", f"ls -laR {PH} "
        f"{site}/mypy/typeshed/stdlib/json {site}/mypy/typeshed/stdlib/concurrent {site}/mypy/typeshed/stdlib/xml "
        f"{site}/_pytest/assertion {site}/_pytest/mark | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-pytest-wordsegment-tail-700", f"find {site}/mypy {site}/iniconfig {site}/_pytest {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 700", tmp, n_find)
    cap("tree-typeshed-wordsegment", f"tree -L 2 {site}/mypy/typeshed/stdlib/json "
        f"{site}/mypy/typeshed/stdlib/concurrent {site}/mypy/typeshed/stdlib/xml {site}/_pytest/mark {PH}", tmp,
        n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 577017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-577", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/json /usr/lib/python3.11/http /usr/lib/python3.11/xml "
        "/usr/lib/python3.11/concurrent /usr/lib/python3.11/multiprocessing "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-json-multiprocessing", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-desc-340", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 340\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-600", f"{VENV}/bin/pip inspect | head -n 600", d, n_pip_inspect,
        typed="pip inspect | head -n 600")


PLACES = ["mash tun", "copper", "hop back", "underback", "cool ship", "fermenting round", "malt floor", "grist case",
          "liquor tank", "racking cellar"]
LOG_MSGS = {
    "INFO": lambda r: (f"brew {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(10, 90)} barrels, "
                       f"gravity {r.randint(1030, 1080)}, grist {r.randint(8, 40)} quarters, {r.randint(40, 900)} "
                       "strokes of the mash rake"),
    "DEBUG": lambda r: (f"vessel {r.randint(1, 400)}: {r.choice(PLACES)} at {r.randint(10, 100)} C, "
                        f"run-off {r.randint(2, 36)} barrels, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} temperature at {r.randint(20, 140)} % of set point on round "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: brewers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"brew {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['stuck mash', 'copper boiled over', 'infected round', 'pump seized'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "brewmand.log", 57713, 2300, ["brewmand.mash", "brewmand.copper",
                                                   "brewmand.brewers", "brewmand.rounds"], LOG_MSGS, 57700,
                 "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG brewmand.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-brewmand", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 brewmand.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
