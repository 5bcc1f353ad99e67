"""Round 596, Python and the machine: the sdist of schema 0.7.8 (a real PyPI release: a data validation library,
`schema/__init__.py`, shipping its own suite `test_schema.py`) with a few bugs put in, run under its OWN suite with
pytest (one run with colour forced on), ruff and mypy --strict over the package and its tests, and used by a tinners'
script into a chained traceback; a git history built here by committing schema's sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and the
tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps aux);
files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a tin mine's service's log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide596.py."""

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
from capture_wide596 import SRC, VENV, cap

PH = "schema-0.7.8"
NOCACHE = "-p no:cacheprovider"
TESTS = "test_schema.py"
MOD = "schema/__init__.py"
PEOPLE = [("Jenifer Trevithick", "jenifer@example.org"), ("Loveday Penhallow", "loveday@example.org"),
          ("Hedley Bolitho", "hedley@example.org")]
LOCALE = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}

# The bugs put in schema (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# Regex matches at the start only (search became match); Or(only_one=True) lets two keys through (needs three to
# fail); error messages name "key" for two keys (the plural needs three).
BUGS = [(MOD, "            if self._pattern.search(data):", "            if self._pattern.match(data):"),
        (MOD, "failed: bool = self.match_count > 1 and self.only_one",
         "failed: bool = self.match_count > 2 and self.only_one"),
        (MOD, 'return "s" if len(sized) > 1 else ""', 'return "s" if len(sized) > 2 else ""')]


def py_tests(tmp: Path) -> None:
    tp = tmp / PH
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp), **LOCALE}
    cap("pytest-schema-v-color-tail-900", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 900", tp, n_pytest, env=env, timeout=900)
    cap("pytest-schema-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} {TESTS} 2>&1 | tail -n 1000",
        tp, n_pytest, env=env, timeout=1200)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {PH}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} {TESTS} 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=1200)
    chain("chain-pytest-q-not-json-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} {TESTS} -k 'not json_schema' 2>&1 | tail -n 600",
                n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=1200)


def py_lint(tmp: Path) -> None:
    tp = tmp / PH
    cap("ruff-select-all-schema-head-900", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise schema {TESTS} setup.py 2>&1 | head -n 900", tp, n_ruff)
    cap("ruff-schema-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,D,PT,RUF,Q,COM,ERA "
        f"schema {TESTS} setup.py 2>&1 | head -n 1200", tp, n_ruff)
    cap("mypy-strict-schema", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable schema {TESTS} setup.py 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-schema-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,PT,Q,COM "
                f"--output-format=concise {TESTS} 2>&1 | head -n 450", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null "
                f"{TESTS} 2>&1 | tail -n 300", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
from schema import And, Regex, Schema, SchemaError, Use


class StampStopError(Exception):
    pass


# a tin mine's vanning book: the day, the tinner, the line the dresser wrote on the ticket, the stamps' tons
TICKET = Schema({"day": str, "tinner": And(str, len), "note": Regex(r"\d+ tons of (black|white) tin"),
                 "tons": And(Use(int), lambda n: 0 < n < 90)})
VANNING_BOOK = [
    {"day": "Monday", "tinner": "Jenifer", "note": "adit 4: 12 tons of black tin", "tons": "12"},
    {"day": "Tuesday", "tinner": "Loveday", "note": "38 tons of white tin", "tons": "38"},
    {"day": "Wednesday", "tinner": "Hedley", "note": "stamps 2: 7 tons of black tin", "tons": "7"},
    {"day": "Thursday", "tinner": "Morwenna", "note": "21 tons of black tin", "tons": "21"},
]


def check(n, row):
    try:
        return TICKET.validate(row)
    except SchemaError as exc:
        raise StampStopError(f"vanning book line {n}: {row['day']} kept by {row['tinner']}, "
                             f"{len(row['note'])} characters") from exc


def read_book():
    for n, row in enumerate(VANNING_BOOK, 1):
        try:
            ticket = check(n, row)
        except StampStopError as exc:
            raise RuntimeError(f"dressing floor stopped at vanning book line {n} of {len(VANNING_BOOK)}") from exc
        print(f"{ticket['day']} ({ticket['tinner']}): {ticket['tons']} tons")
    print(f"vanning book read: {len(VANNING_BOOK)} days")


read_book()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "vanning"
    d.mkdir()
    (d / "vanning.py").write_text(SHEET)
    cap("python-chained-traceback-vanning", "python3 vanning.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PH)})


def git_history(tmp: Path) -> None:
    """schema's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [MOD, TESTS, "README.rst", "setup.py"]
    repo = history(tmp, SRC, "schema", PH, rels, PEOPLE, 59612, 60, BUGS)
    (repo / "NOTES.local").write_text("the dressing floor stops where a ticket's note does not start with its tons\n")
    cap("git-log-p-schema-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-schema", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-schema-init", f"git blame {MOD}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-schema", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    ts = f"{site}/mypy/typeshed/stdlib"
    cap("ls-laR-schema-typeshed-pytest-head-1000", f"ls -laR {PH} {ts}/xml {ts}/json {ts}/http {ts}/multiprocessing "
        f"{site}/_pytest/assertion {site}/_pytest/mark | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-mypy-pytest-schema-tail-650", f"find {site}/mypy {site}/_pytest {site}/pygments {PH} "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n | tail -n 650", tmp, n_find)
    cap("tree-typeshed-schema", f"tree -L 2 {ts}/xml {ts}/json {site}/_pytest/assertion {PH}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 596017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-596", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/lib/python3.11/json /usr/lib/python3.11/xml /usr/lib/python3.11/http "
        "/usr/lib/python3.11/multiprocessing /usr/lib/python3.11/concurrent "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-json-xml-http", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-desc-300", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-600", f"{VENV}/bin/pip inspect | head -n 600", d, n_pip_inspect,
        typed="pip inspect | head -n 600")


PLACES = ["stamp battery", "buddle", "vanner", "round frame", "dressing floor", "burning house", "adit mouth",
          "engine shaft", "kibble hoist", "count house"]
LOG_MSGS = {
    "INFO": lambda r: (f"parcel {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(2, 60)} tons, "
                       f"grade {r.randint(1, 9)}, water {r.randint(8, 90)} gal/min, {r.randint(40, 900)} "
                       "falls of the stamps"),
    "DEBUG": lambda r: (f"head {r.randint(1, 120)}: {r.choice(PLACES)} at {r.randint(10, 60)} blows/min, "
                        f"slimes {r.randint(2, 36)} %, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} flow at {r.randint(20, 140)} % of set point on level "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: tinners held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"parcel {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['lifter broken', 'buddle choked', 'adit flooded', 'kibble rope frayed'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "stampd.log", 59613, 2300, ["stampd.battery", "stampd.buddles",
                                                  "stampd.tinners", "stampd.adits"], LOG_MSGS, 59600,
                 "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG stampd.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-stampd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 stampd.log | head -n 740", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
