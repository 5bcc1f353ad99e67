"""Round 639, Python and the machine: the sdist of hdate 1.2.2 (a real PyPI release: the Hebrew calendar, its holidays,
parashot, omer and zmanim, pure Python, needing num2words, shipping its own suite `tests/`, which needs hypothesis and
syrupy as well) with a few bugs put in, run under its OWN suite with pytest (one run with colour forced on), ruff and
mypy --strict over the package's code and its tests, and used by a brush drawers' script into a chained traceback; a
git history built here by committing hdate's sources in steps (capture_material.history: log -p, log --stat, blame,
show, status and diff); listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the machine's
process table with a busy process started on purpose (ps aux); files of the machine as a CSV and a sqlite table, and
pip inspect; a brush works' service's log (capture_material.app_log). Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). The steps' layout is round 629's (capture_wide629_py), its
package-specific parts rewritten. Run through capture_wide639.py."""

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
from capture_wide639 import SRC, VENV, cap

PH = "hdate-1.2.2"
# hdate's own addopts ask for pytest-xdist and pytest-timeout (not installed): emptied; hypothesis seeded
NOCACHE = "-p no:cacheprovider -o addopts= --hypothesis-seed=639"
TESTS = "tests"  # hdate's own suite, whole
CONV = "hdate/hebrew_date.py"
# the package's code (its translations JSON is data, not code)
CODE = "hdate"
PEOPLE = [("Hepzibah Bristow", "hepzibah@example.org"), ("Amos Kember", "amos@example.org"),
          ("Lettice Hogsbristle", "lettice@example.org")]
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in hdate (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# 16 is written in gematria as yod-vav (the name's letters) instead of tet-zayin, while 15 still turns; the daf yomi
# cycle counts one page too many in Kiddushin (every daf after it is off by one); candle lighting is put after sunset
# instead of before it.
BUGS = [("hdate/gematria.py", "        if num in [15, 16]:", "        if num in [15]:"),
        ("hdate/daf_yomi.py", 'Masechta("kiddushin", 81),', 'Masechta("kiddushin", 82),'),
        ("hdate/zmanim.py", "self.shkia.minutes - self.candle_lighting_offset",
         "self.shkia.minutes + self.candle_lighting_offset")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-hdate-v-color-tail-900", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 900", tp, n_pytest, env=env, timeout=900)
    cap("pytest-hdate-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {TESTS} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {TESTS} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-zmanim-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {TESTS} -k 'not zmanim' 2>&1 | tail -n 600",
                n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-hdate-head-560", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {CODE} tests 2>&1 | head -n 560", tp, n_ruff)
    cap("ruff-hdate-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA "
        f"{CODE} tests 2>&1 | head -n 1200", tp, n_ruff)
    # hdate is typed (over `hdate tests` alone mypy --strict finds 1 error, 333 characters): its one dependency,
    # num2words (untyped), is checked beside it, copied with the package and its tests into a folder of their own
    tc = tmp / "typecheck"
    tc.mkdir()
    site = next(VENV.glob("lib/python3*/site-packages"))
    run(f"cp -r {tp}/hdate {tp}/tests {site}/num2words {tc}/")
    cap("mypy-strict-hdate-num2words", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable hdate tests num2words 2>&1 | tail -n 900", tc, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-hdate-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM,D "
                "--output-format=concise tests 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                "tests 2>&1 | tail -n 300", n_mypy, ";")],
          tp, env={"MYPYPATH": str(tp)}, timeout=1200)


SHEET = r'''
from hdate import HebrewDate, HDateInfo
from hdate.hebrew_date import Months


class BristleShedError(Exception):
    pass


# a brush maker's order book: the brush drawer, the stock, and the Hebrew date the buyer wrote on the order
BOOK = [
    {"bench": "Drawing Bench", "drawer": "Hepzibah", "year": 5786, "month": "TISHREI", "day": 12},
    {"bench": "Boring Shop", "drawer": "Amos", "year": 5787, "month": "ADAR_II", "day": 3},
    {"bench": "Pan Room", "drawer": "Lettice", "year": 5786, "month": "ADAR_II", "day": 9},
    {"bench": "Bristle Loft", "drawer": "Jabez", "year": 5786, "month": "NISAN", "day": 15},
]


def dated(row):
    try:
        day = HebrewDate(row["year"], Months[row["month"]], row["day"])
        return f"{day} ({HDateInfo(day.to_gdate()).gdate})"
    except (KeyError, TypeError, ValueError) as exc:
        raise BristleShedError(f"{row['bench']} drawn by {row['drawer']}: cannot date {row['month']} {row['day']}, "
                               f"{row['year']}") from exc


def read_book():
    for n, row in enumerate(BOOK, 1):
        try:
            said = dated(row)
        except BristleShedError as exc:
            raise RuntimeError(f"brush works stopped at order line {n} of {len(BOOK)}") from exc
        print(f"{row['bench']} ({row['drawer']}): {said}")
    print(f"order book read: {len(BOOK)} benches")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "drawing"
    d.mkdir()
    (d / "drawing.py").write_text(SHEET)
    cap("python-chained-traceback-drawing", "python3 drawing.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH), **LOCALE})


def git_history(tmp: Path) -> None:
    """hdate's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [CONV, "hdate/zmanim.py", "hdate/gematria.py", "hdate/daf_yomi.py", "tests/test_hebrew_date.py", "README.rst"]
    repo = history(tmp, SRC, "hdate", PH, rels, PEOPLE, 63912, 60, BUGS)
    (repo / "NOTES.local").write_text("the 16th prints as yod-vav on the order slips since the gematria change\n")
    cap("git-log-p-hdate-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-hdate", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-hdate-hebrew-date", f"git blame {CONV}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-5", "git show HEAD~5", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-hdate", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-hdate-typeshed-pytest-head-1000", f"ls -laR {PH} {ts}/http {ts}/importlib {ts}/xml "
        f"{ts}/asyncio {site}/_pytest/config {site}/hypothesis/strategies | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-hypothesis-hdate-tail-400", f"find {site}/mypy {site}/hypothesis {site}/num2words {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 400", tmp, n_find)
    cap("tree-typeshed-hypothesis-hdate", f"tree -L 2 {ts}/http {site}/hypothesis/strategies {PH}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 639039)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-639", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Africa "
        "/usr/lib/python3.11/email /usr/lib/python3.11/logging /usr/lib/python3.11/asyncio "
        "/usr/lib/python3.11/http /usr/lib/python3.11/unittest /usr/lib/python3.11/ctypes "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-africa-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-desc-300", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-400", f"{VENV}/bin/pip inspect | head -n 400", d, n_pip_inspect,
        typed="pip inspect | head -n 400")


PLACES = ["drawing bench", "boring shop", "pan room", "bristle loft", "dressing table", "hackle board", "pitch pot",
          "stock yard", "packing room", "carrier's yard"]
LOG_MSGS = {
    "INFO": lambda r: (f"order {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(20, 600)} brushes, "
                       f"{r.randint(2, 40)} stocks bored, {r.randint(5, 90)} % best hog, "
                       f"{r.randint(1, 60)} crates packed"),
    "DEBUG": lambda r: (f"drawer {r.randint(1, 120)}: {r.choice(PLACES)} at {r.randint(10, 60)} knots/min, "
                        f"waste {r.randint(2, 36)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} pitch at {r.randint(20, 140)} % of heat in pan "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: drawers held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"order {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['pitch boiled over', 'stock split', 'wire snapped', 'bristle short'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "brushworksd.log", 63913, 2300, ["brushworksd.benches", "brushworksd.stocks",
                                                       "brushworksd.drawers", "brushworksd.packing"], LOG_MSGS, 63900,
                 "2026-12-03")
    cap("log-grep-v-debug-head-420", "grep -v DEBUG brushworksd.log | head -n 420", tmp, n_app_log)
    chain("chain-log-grep-warn-error-brushworksd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 brushworksd.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
