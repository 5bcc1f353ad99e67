"""Round 485, Python and the machine: the sdist of xmljson 0.2.1 (a real PyPI release: XML to JSON and back by the
BadgerFish, GData, Parker, Abdera, Cobra and Yahoo conventions, pure Python) with a few bugs put in, run through its
own tests with pytest (one run with colour forced on), ruff and mypy --strict over its package and tests, and used by
a horse ferry's ferrymen's script into a chained traceback; a git history built here by committing xmljson's sources
in steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree
and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose
(ps aux); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a horse ferry's
service's log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide485.py."""

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
from capture_wide485 import SRC, VENV, cap

XJ = "xmljson-0.2.1"
MOD = "xmljson/__init__.py"
NOCACHE = "-p no:cacheprovider"
PEOPLE = [("Ned Ferryman", "ned@example.org"), ("Hester Towpath", "hester@example.org"),
          ("Amos Capstan", "amos@example.org")]

# The bugs put in xmljson (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# False is written out as 'False'; a number with a fraction is read as an int (its fraction dropped); positive
# infinity is read as a float instead of being left a string.
BUGS = [(MOD, "            value = 'false'", "            value = 'False'"),
        (MOD, "            return int(value)", "            return int(float(value))"),
        (MOD, "if float('-inf') < float(value) < float('inf'):", "if float('-inf') < float(value) <= float('inf'):")]


def py_tests(tmp: Path) -> None:
    tp = tmp / XJ
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-xmljson-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} tests 2>&1", tp, n_pytest,
        env=env, timeout=900)
    cap("pytest-xmljson-v-tb-long-l", f"python -m pytest -v -l --tb=long {NOCACHE} tests 2>&1 | tail -n 2000", tp,
        n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tb-short", "chain-test", "test",
          [Part(f"cd {XJ}", None), Part(f"python -m pytest -rA --tb=short {NOCACHE} tests 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-cli-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=line {NOCACHE} tests -k 'not cli' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / XJ
    cap("ruff-select-all-xmljson-head-1100", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise xmljson tests docs/conf.py setup.py 2>&1 | head -n 1100", tp, n_ruff)
    cap("ruff-xmljson-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH,UP xmljson tests 2>&1 | head -n 1200",
        tp, n_ruff)
    cap("mypy-strict-xmljson", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable xmljson 2>&1 | tail -n 900", tp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-xmljson-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT --output-format=concise "
                "tests 2>&1 | head -n 700", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports tests "
                "2>&1 | tail -n 500", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
from lxml.etree import fromstring
from xmljson import badgerfish


class CrossingManifestError(Exception):
    pass


# a horse ferry's ferrymen's manifest: each crossing's fare (shillings) and its tow, as the ferry house writes it
MANIFEST = """<manifest ferry="Hampton Loade">
<crossing n="1"><horse>Dobbin</horse><fare>1</fare><tow>capstan</tow></crossing>
<crossing n="2"><horse>Captain</horse><fare>0.75</fare><tow>towpath</tow></crossing>
<crossing n="3"><horse>Bess</horse><fare>2.5</fare><tow>chain</tow></crossing>
<crossing n="4"><horse>Prince</horse><fare>1</fare><tow>capstan</tow></crossing>
</manifest>"""

# the fare table: a fare's toll band
TOLLS = {1: "foot and horse", 0.75: "horse alone", 2.5: "horse and cart"}


def toll(n, crossing):
    fare = crossing["fare"]["$"]
    try:
        return TOLLS[fare]
    except KeyError as exc:
        raise CrossingManifestError(f"crossing {n}: fare {fare!r} not in the toll table") from exc


def read_manifest():
    crossings = badgerfish.data(fromstring(MANIFEST))["manifest"]["crossing"]
    for crossing in crossings:
        n = crossing["@n"]
        try:
            band = toll(n, crossing)
        except CrossingManifestError as exc:
            raise RuntimeError(f"manifest stopped at crossing {n} of {len(crossings)}") from exc
        print(f"crossing {n}: {crossing['horse']['$']} by {crossing['tow']['$']}, {band}")
    print(f"manifest read: {len(crossings)} crossings")


read_manifest()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "crossingcheck"
    d.mkdir()
    (d / "crossingcheck.py").write_text(SHEET)
    cap("python-chained-traceback-crossingcheck", "python3 crossingcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / XJ)})


def git_history(tmp: Path) -> None:
    """xmljson's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [MOD, "xmljson/__main__.py", "README.rst", "HISTORY.rst", "tests/test_xmljson.py", "docs/conf.py"]
    repo = history(tmp, SRC, "xmljson", XJ, rels, PEOPLE, 48512, 30, BUGS)
    (repo / "NOTES.local").write_text("the ferry's manifest stops at the horse and cart since fares lost their pence\n")
    cap("git-log-p-xmljson-head-2000", "git log -p | head -n 2000", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-xmljson", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-xmljson-init", f"git blame {MOD}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-xmljson", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-xmljson-lxml-typeshed-head-1000", f"ls -laR {XJ} {site}/lxml {site}/mypy/typeshed/stdlib/asyncio "
        f"{site}/mypy/typeshed/stdlib/concurrent {site}/ruff | head -n 1000", tmp, n_ls_lR)
    cap("find-printf-lxml-mypyc-head-700", f"find {site}/lxml {site}/mypyc {site}/pip/_vendor "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 700", tmp, n_find)
    cap("tree-lxml-typeshed-xmljson", f"tree -L 3 {site}/lxml {site}/mypy/typeshed/stdlib/asyncio "
        f"{site}/pip/_internal/operations {site}/_pytest {XJ}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 485041)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-485", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Pacific "
        "/usr/share/zoneinfo/Australia /usr/lib/python3.11/email /usr/lib/python3.11/asyncio "
        "/usr/lib/python3.11/unittest /usr/lib/python3.11/logging /usr/lib/python3.11/concurrent "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-pacific-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-450", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 450\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-1000", f"{VENV}/bin/pip inspect | head -n 1000", d, n_pip_inspect,
        typed="pip inspect | head -n 1000")


PLACES = ["upper landing", "lower landing", "capstan", "chain slip", "towpath", "ferry house", "horse stable",
          "hawser post", "punt mooring", "toll gate"]
LOG_MSGS = {
    "INFO": lambda r: (f"crossing {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 3)} horses, "
                       f"fare {r.randint(1, 30)}d, capstan turns {r.randint(8, 40)}, {r.randint(4, 20)} min"),
    "DEBUG": lambda r: (f"gauge {r.randint(1, 400)}: {r.choice(PLACES)} river {r.randint(0, 300)} cm, "
                        f"current {r.randint(0, 90)} cm/s, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} flooded at {r.randint(20, 140)} cm on landing "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: crossing held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"crossing {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['hawser parted', 'capstan pawl slipped', 'horse bolted', 'chain off its drum'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "towpathd.log", 48513, 2200, ["towpathd.crossings", "towpathd.capstan", "towpathd.fares",
                                                     "towpathd.gauges"], LOG_MSGS, 48500, "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG towpathd.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-towpathd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 towpathd.log | head -n 750", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
