"""Round 465, Python and the machine: the sdist of parsy 2.2 (a real PyPI release: parser combinators, pure Python, no
dependencies) with a few bugs put in, run through its own tests with pytest (one run with colour forced on) and used by
a rope ferry's ferrymen's script into a chained traceback; the sdist of python-statemachine 3.2.2 (pure Python) through
ruff and mypy --strict, and a ruff-then-mypy chain over parsy; git histories built here by committing parsy's and
python-statemachine's sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff);
listings of the unpacked trees and the tools venv (ls -laR, find -printf, tree); the machine's process table with a
busy process started on purpose (ps aux); files of the machine (from find -printf) as a CSV and a sqlite table, and
pip inspect; a rope ferry's landing-stage service's log (capture_material.app_log). Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide465.py."""

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
from capture_wide465 import SRC, VENV, cap

PS = "parsy-2.2"
SM = "python_statemachine-3.2.2"
INIT = "src/parsy/__init__.py"
TESTS = "tests/test_parsy.py tests/test_sexpr.py examples"
NOCACHE = "-p no:cacheprovider"
PEOPLE = [("Morwenna Chainman", "morwenna@example.org"), ("Jory Ferryman", "jory@example.org"),
          ("Tamsin Pontoon", "tamsin@example.org")]

# The bugs put in parsy (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# Columns in line_info_at come out one too many; string_from tries its shortest strings first; a failure's
# expected messages are no longer merged when two alternatives fail at the same place.
BUGS = [(INIT, "    col = index - (last_nl + 1)\n", "    col = index - last_nl\n"),
        (INIT, "sorted(strings, key=len, reverse=True)", "sorted(strings, key=len)"),
        (INIT, "        if self.furthest > other.furthest:\n", "        if self.furthest >= other.furthest:\n")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PS
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp / "src")}
    cap("pytest-parsy-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {TESTS} 2>&1", tp, n_pytest,
        env=env, timeout=900)
    cap("pytest-parsy-v-tb-long", f"python -m pytest -v --tb=long {NOCACHE} {TESTS} 2>&1", tp, n_pytest, env=env,
        timeout=900)
    cap("pytest-parsy-rA-string-from-line-info", f"pytest -rA --tb=short {NOCACHE} {TESTS} -k 'string or line or "
        "mark or alt or desc' 2>&1 | tail -n 1300", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-l-tb-short-tail-900", "chain-test", "test",
          [Part(f"cd {PS}", None), Part(f"python -m pytest -l --tb=short {NOCACHE} {TESTS} 2>&1 | tail -n 900",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-sexpr-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=long {NOCACHE} {TESTS} -k 'not sexpr' 2>&1 | tail -n 700", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    sp = tmp / SM
    cap("ruff-select-all-statemachine-head-1100", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise statemachine 2>&1 | head -n 1100", sp, n_ruff)
    cap("ruff-statemachine-full-head-1300", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH statemachine/statemachine.py "
        "statemachine/invoke.py statemachine/spec_parser.py 2>&1 | head -n 1300", sp, n_ruff)
    cap("mypy-strict-statemachine-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports statemachine 2>&1 | tail -n 900", sp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-parsy", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D --output-format=concise "
                "src tests examples 2>&1 | head -n 700", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports src/parsy "
                "examples 2>&1 | tail -n 500", n_mypy, ";")],
          tmp / PS, timeout=1200)


SHEET = r'''
import parsy
from parsy import regex, seq, string, string_from


class CrossingLogError(Exception):
    pass


# a rope ferry's crossing log: each line a crossing, read by the ferrymen's tally at the end of the day
LOG = """north slip -> south slip 07:10 cars=4 foot=11 chain=ok
south slip -> north slip 07:32 cars=6 foot=3 chain=ok
north slip -> south slip 07:55 cars=2 foot=19 chain=slack
south slip -> north slip 08:20 cars=5 foot=7 chain=ok
north slip -> south slipway 08:41 cars=3 foot=2 chain=ok
south slipway -> north slip 09:05 cars=1 foot=9 chain=ok"""

landing = string_from("north slip", "south slip", "south slipway")
number = regex(r"[0-9]+").map(int)
crossing = seq(
    src=landing << string(" -> "),
    dst=landing << string(" "),
    time=regex(r"[0-9]{2}:[0-9]{2}") << string(" "),
    cars=string("cars=") >> number << string(" "),
    foot=string("foot=") >> number << string(" "),
    chain=string("chain=") >> regex(r"[a-z]+"),
)


def read_line(n, line):
    try:
        return crossing.parse(line)
    except parsy.ParseError as exc:
        raise CrossingLogError(f"crossing {n} unreadable: {line!r}") from exc


def tally():
    cars = foot = 0
    lines = LOG.splitlines()
    for n, line in enumerate(lines, 1):
        try:
            c = read_line(n, line)
        except CrossingLogError as exc:
            raise RuntimeError(f"tally stopped at crossing {n} of {len(lines)}") from exc
        cars += c["cars"]
        foot += c["foot"]
        print(f"{c['time']} {c['src']} -> {c['dst']}: {c['cars']} cars, {c['foot']} on foot, chain {c['chain']}")
    print(f"day's tally: {cars} cars, {foot} on foot")


tally()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "ferrycheck"
    d.mkdir()
    (d / "ferrycheck.py").write_text(SHEET)
    cap("python-chained-traceback-ferrycheck", "python3 ferrycheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PS / "src")})


def git_history(tmp: Path) -> None:
    """parsy's and python-statemachine's sources committed in pieces (capture_material.history), then parsy's bugs
    left unstaged."""
    rels = [INIT, "tests/test_parsy.py", "README.rst", "examples/sql_select.py", "examples/json.py"]
    repo = history(tmp, SRC, "parsy", PS, rels, PEOPLE, 46512, 40, BUGS)
    (repo / "NOTES.local").write_text("the crossing tally stops at the south slipway since string_from changed\n")
    cap("git-log-p-parsy-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-parsy-init", f"git blame {INIT}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-5", "git show HEAD~5", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-parsy", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    sm_rels = ["statemachine/statemachine.py", "statemachine/invoke.py", "statemachine/spec_parser.py",
               "statemachine/state.py", "README.md"]
    smrepo = history(tmp, SRC, "statemachine", SM, sm_rels, PEOPLE[::-1], 46515, 50, [])
    cap("git-log-stat-statemachine", "git log --stat", smrepo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-statemachine-invoke-L1-600", "git blame -L 1,600 statemachine/invoke.py", smrepo, n_blame,
        env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-statemachine-typeshed-head-1100", f"ls -laR {SM} {site}/mypy/typeshed/stdlib/concurrent "
        f"{site}/mypy/typeshed/stdlib/asyncio {site}/mypy/typeshed/stdlib/unittest {site}/_pytest "
        "| head -n 1100", tmp, n_ls_lR)
    cap("find-printf-site-packages-head-800", f"find {site}/mypy {site}/_pytest {site}/pip/_vendor "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 800", tmp, n_find)
    cap("tree-statemachine-pytest-typeshed", f"tree -L 3 {site}/mypy/typeshed/stdlib/concurrent "
        f"{site}/mypy/typeshed/stdlib/asyncio {site}/_pytest {site}/pip/_vendor/urllib3 {site}/mypy/server "
        f"{SM}/statemachine {SM}/tests {PS}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 465041)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-465", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Pacific "
        "/usr/share/zoneinfo/Australia /usr/lib/python3.11/email /usr/lib/python3.11/asyncio "
        "/usr/lib/python3.11/concurrent /usr/lib/python3.11/unittest /usr/lib/python3.11/logging "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-america-pacific-email-asyncio", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-600", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 600\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-1100", f"{VENV}/bin/pip inspect | head -n 1100", d, n_pip_inspect,
        typed="pip inspect | head -n 1100")


PLACES = ["north slip", "south slip", "chain wheel", "pontoon", "landing stage", "toll house", "capstan house",
          "chain pit", "ferry deck", "approach road"]
LOG_MSGS = {
    "INFO": lambda r: (f"crossing {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(0, 12)} cars, "
                       f"{r.randint(0, 40)} foot, chain tension {r.randint(200, 900)} kN, {r.randint(4, 15)} min"),
    "DEBUG": lambda r: (f"sensor {r.randint(1, 400)}: {r.choice(PLACES)} tide {r.randint(0, 600)} cm, "
                        f"wind {r.randint(0, 60)} kt, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} chain slack at {r.randint(50, 190)} kN on run "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 30)}: crossing held {r.randint(2, 30)} min"),
    "ERROR": lambda r: (f"crossing {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['chain jumped the wheel', 'pontoon grounded', 'ramp jammed', 'rota locked'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "landingd.log", 46513, 2200, ["landingd.chain", "landingd.ramp", "landingd.rota",
                                                     "landingd.tolls"], LOG_MSGS, 46500, "2026-12-03")
    cap("log-grep-v-debug-head-750", "grep -v DEBUG landingd.log | head -n 750", tmp, n_app_log)
    chain("chain-log-grep-warn-error-landingd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 landingd.log | head -n 800", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
