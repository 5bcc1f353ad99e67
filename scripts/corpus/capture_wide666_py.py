"""Round 666, Python and the machine: the sdist of python-iso639 2026.7.23 (a real PyPI release: ISO 639-1/2/3
language codes and names from the SIL tables, pure Python, shipping its own suite under `tests/`) with a few bugs put
in, run under its OWN suite and a thatcher's test written here (one test per seeded row of the package's own `.tab`
tables, the expected values read from the files apart from the package) with pytest (one run with colour forced on),
ruff and mypy --strict over the package's code and the tests, and used by a wadsheet script into a chained traceback;
a git history built here by committing python-iso639's sources in steps (capture_material.history: log -p, log
--stat, blame, show, status and diff); listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree);
the machine's process table with a busy process started on purpose (ps aux); files of the machine as a CSV and a
sqlite table, and pip inspect; a thatcher's service log (capture_material.app_log). Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). The layout is capture_wide657_py's; its shared
settings are imported. Run through capture_wide666.py."""

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
from capture_wide666 import SRC, VENV, cap

PH = "python_iso639-2026.7.23"
CODE = "src/iso639"
PEOPLE = [("Obadiah Reedcutter", "obadiah@example.org"), ("Keziah Sparwright", "keziah@example.org"),
          ("Ezekiel Yelmer", "ezekiel@example.org")]

# The bugs put in python-iso639 (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# An active language's ISO 639-2/B code is read from the 639-2/T column; a retired code's remedy from its change-to.
BUGS = [("src/iso639/language.py", "part2b = from_codes[_CodesColumn.PART2B]",
         "part2b = from_codes[_CodesColumn.PART2T]"),
        ("src/iso639/language.py", "retire_remedy = (from_retirements or {}).get(_RetirementsColumn.REMEDY)",
         "retire_remedy = (from_retirements or {}).get(_RetirementsColumn.CHANGE_TO)")]

TABLE_TEST = r'''"""A thatcher labels the bundles of reed by the tongue of the village they go to, read from the ISO tables."""
import csv
import os
import random

import pytest

import iso639
from iso639 import Language

_DATA = os.path.join(os.path.dirname(iso639.__file__), "_data")


def _rows(name):
    with open(os.path.join(_DATA, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


_R = random.Random(66614)
CODES = _rows("iso-639-3.tab")
WITH_2B = [r for r in CODES if r["Part2b"]]
BUNDLES = sorted(_R.sample(WITH_2B, 150) + _R.sample(CODES, 140), key=lambda r: r["Id"])
RETIRED = sorted(_R.sample(_rows("iso-639-3_Retirements.tab"), 90), key=lambda r: r["Id"])


@pytest.mark.parametrize("row", BUNDLES, ids=lambda r: r["Id"])
def test_reed_bundle_label(row):
    lang = Language.from_part3(row["Id"])
    assert (lang.name, lang.part2b, lang.part1) == (row["Ref_Name"], row["Part2b"] or None, row["Part1"] or None)


@pytest.mark.parametrize("row", RETIRED, ids=lambda r: r["Id"])
def test_retired_yelm_remedy(row):
    lang = Language.from_part3(row["Id"])
    assert lang.status == "R"
    assert lang.retire_remedy == (row["Ret_Remedy"] or None)
'''


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    (tp / "tests" / "test_thatchyard.py").write_text(TABLE_TEST)
    env = {"PYTHONPATH": str(tp / "src"), **LOCALE}
    cap("pytest-iso639-v-color-tail-750", f"python -m pytest -v --color=yes --tb=short {NOCACHE} tests 2>&1 "
        "| tail -n 750", tp, n_pytest, env=env, timeout=900)
    cap("pytest-iso639-v-l-tb-long-tail-1000", f"python -m pytest -v -l --tb=long {NOCACHE} tests 2>&1 "
        "| tail -n 1000", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} tests 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-yelm-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} tests -k 'not yelm' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-iso639-head-560", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests 2>&1 | head -n 560", tp, n_ruff)
    cap("ruff-iso639-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA,I,E501 "
        f"tests {CODE} 2>&1 | head -n 1200", tp, n_ruff)
    # python-iso639 is typed already: mypy --strict reads it beside the tests and pytest's own sources (copied with
    # the package into a folder of their own) for a run of real size
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/src/iso639 {tp}/tests {site}/_pytest {tc}/")
    cap("mypy-strict-iso639-pytest", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable iso639 tests _pytest 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-iso639", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise src tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "src/iso639/language.py src/iso639/_data/__init__.py tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp / "src")}, timeout=1200)


SHEET = r'''
from iso639 import Language, LanguageNotFoundError


class ThatchError(Exception):
    pass


# a thatcher's order book: the roof, the thatcher, and the tongue of the village the reed bundles are labelled in
BOOK = [
    {"roof": "Mill cottage ridge", "thatcher": "Obadiah", "tongue": "cym"},
    {"roof": "Church barn", "thatcher": "Keziah", "tongue": "Cornish"},
    {"roof": "Tithe barn hip", "thatcher": "Ezekiel", "tongue": "gla"},
    {"roof": "Forge porch", "thatcher": "Tabitha", "tongue": "Old Norfolk"},
]


def labelled(row):
    try:
        lang = Language.match(row["tongue"])
        return f"{lang.name} ({lang.part3}, scope {lang.scope})"
    except (LanguageNotFoundError, KeyError) as exc:
        raise ThatchError(f"{row['roof']} ({row['thatcher']}): no tongue {row['tongue']!r} for the yelms") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = labelled(row)
        except ThatchError as exc:
            raise RuntimeError(f"thatch yard stopped at roof {n} of {len(BOOK)}") from exc
        print(f"{row['roof']} ({row['thatcher']}): {said}")
    print(f"order book read: {len(BOOK)} roofs")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "wadsheet"
    d.mkdir()
    (d / "wadsheet.py").write_text(SHEET)
    cap("python-chained-traceback-wadsheet", "python3 wadsheet.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH / "src"), **LOCALE})


def git_history(tmp: Path) -> None:
    """python-iso639's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = ["src/iso639/language.py", "src/iso639/_data/__init__.py", "tests/test_language.py", "README.md",
            "CHANGELOG.md", "pyproject.toml"]
    repo = history(tmp, SRC, "iso639", PH, rels, PEOPLE, 66612, 45, BUGS)
    (repo / "NOTES.local").write_text("the tithe barn's bundles come back with the wrong 639-2 label since the change\n")
    cap("git-log-p-iso639-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-iso639", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-iso639-language", "git blame src/iso639/language.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-iso639", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-iso639-typeshed-rich-head-1000", f"ls -laR {PH} {ts}/email {ts}/concurrent {ts}/http "
        f"{site}/rich {site}/_pytest/_code | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-rich-iso639-tail-400", f"find {site}/mypy {site}/rich {site}/ruff {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 400", tmp, n_find)
    cap("tree-typeshed-email-pytest-iso639", f"tree -L 2 {ts}/email {site}/_pytest/assertion {PH}/src {PH}/tests",
        tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 666066)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-thatchyard", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/json /usr/lib/python3.11/http /usr/lib/python3.11/concurrent "
        "/usr/lib/python3.11/xml /usr/lib/python3.11/importlib /usr/lib/python3.11/sqlite3 "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-http-xml", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-300", "sqlite3 -header -column files.db \"SELECT directory, name, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-tail-450", f"{VENV}/bin/pip inspect | tail -n 450", d, n_pip_inspect,
        typed="pip inspect | tail -n 450")


PLACES = ["reed stack", "spar shed", "ridge", "eaves", "yelm floor", "liggers bench", "straw barn", "ladder yard",
          "wad store", "netting loft"]
LOG_MSGS = {
    "INFO": lambda r: (f"roof {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(2, 90)} bundles, "
                       f"{r.randint(1, 400)} spars driven, {r.randint(5, 95)} % course laid, "
                       f"{r.randint(1, 30)} yelms drawn"),
    "DEBUG": lambda r: (f"thatcher {r.randint(1, 60)}: {r.choice(PLACES)} at {r.randint(2, 30)} bundles/hour, "
                        f"reed damp {r.randint(2, 99)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} wet at {r.randint(40, 99)} % on course "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: laying held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"roof {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['reed too short', 'spar split', 'ligger snapped', 'ridge slipped'])}"),
}


def app_log(tmp: Path) -> None:
    from capture_material import app_log as make_app_log
    from capture_more import n_app_log
    make_app_log(tmp / "thatchd.log", 66613, 2300, ["thatchd.roofs", "thatchd.reed", "thatchd.thatchers",
                                                   "thatchd.ridges"], LOG_MSGS, 66600, "2026-12-03")
    cap("log-grep-v-debug-head-420", "grep -v DEBUG thatchd.log | head -n 420", tmp, n_app_log)
    chain("chain-log-grep-warn-error-thatchd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 thatchd.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
