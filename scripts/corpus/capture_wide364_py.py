"""Round 364, Python and the machine: the sdist of dirtyjson (a real PyPI release: a JSON reader that forgives unquoted
keys, single quotes and trailing commas) with a few bugs put in, run through its own tests with pytest, through ruff and
mypy --strict, and its code run wrongly into a chained traceback; a git history built here by committing dirtyjson's
sources in steps (capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the
unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy
process started on purpose (ps aux, top -b); files of the machine (from find -printf) as a CSV and a sqlite table, and
pip inspect; a bell foundry's casting service's log (capture_material.app_log). Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide364.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, app_log as make_app_log, history, put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide364 import JS, SRC, VENV, cap

MK = "dirtyjson-1.0.8"
LOADER = "dirtyjson/loader.py"
NOCOV = "-o addopts="
PEOPLE = [("Greta Tenor", "greta@example.org"), ("Jost Clapper", "jost@example.org"),
          ("Ilse Mouldloft", "ilse@example.org")]

# The bugs put in dirtyjson: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# `true` reads as False; "\n" unescapes to a carriage return; a float without an exponent keeps only its integer part;
# a number with a leading zero is read as hexadecimal, not octal.
BUGS = [(LOADER, "'true': True,", "'true': False,"),
        (LOADER, "'n': u('\\n')", "'n': u('\\r')"),
        (LOADER, "if frac or exp:", "if exp:"),
        (LOADER, "integer = '0o' + integer[1:]", "integer = '0x' + integer[1:]")]

PURE: dict = {}


def py_tests(tmp: Path) -> None:
    tp = tmp / MK
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp), **PURE}
    cap("pytest-dirtyjson-v-tb-long", f"python -m pytest -v --tb=long {NOCOV} -p no:cacheprovider "
        "dirtyjson/tests 2>&1 | head -n 1500", tp, n_pytest, env=env, timeout=1200)
    chain("chain-dirtyjson-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOCOV} -p no:cacheprovider dirtyjson/tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    cap("pytest-dirtyjson-rA-decode-float", f"pytest -rA --tb=short {NOCOV} -p no:cacheprovider "
        "dirtyjson/tests/test_decode.py dirtyjson/tests/test_float.py dirtyjson/tests/test_unicode.py 2>&1",
        tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rf-tail-80", "chain-test", "test",
          [Part(f"cd {MK}", None), Part(f"python -m pytest -rf -q --tb=line {NOCOV} -p no:cacheprovider "
                                        "dirtyjson/tests 2>&1 | tail -n 80", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-dirtyjson", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise dirtyjson 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-dirtyjson-full", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,D,ANN,ERA,FBT,EM,TRY,PT,S dirtyjson 2>&1 | head -n 1300", cp, n_ruff)
    cap("mypy-strict-dirtyjson-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports dirtyjson 2>&1 | tail -n 700", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-loader", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S --output-format=concise "
                "dirtyjson/loader.py dirtyjson/attributed_containers.py 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {LOADER} dirtyjson/error.py "
                "2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=1200)


SHEET = r"""
import dirtyjson


class TuningSheetError(Exception):
    pass


# a bell foundry's tuning sheets, as the tuners type them: bell, founder, partials (Hz), weight, note
SHEETS = [
    ("tenor", "Greta", "{hum: 146.8, prime: 293.7, tierce: 349.2, 'weight kg': 1420, note: 'D', cast: true}"),
    ("treble", "Jost", "{hum: 440.0, prime: 880, tierce: 1046.5, 'weight kg': 212, note: 'A',}"),
    ("third", "Ilse", "{hum: 329.6, prime: 659.3, 'remark': 'nominal\\nflat by 4 cents', 'mould': 017}"),
    ("fourth", "Greta", "[{hum: 293.7}, {prime: 587.3}, // tuner's note\n {tierce: 698.5}]"),
    ("fifth", "Jost", "{hum: 261.6, prime: 523.3, tierce: 622.3 'weight kg': 480, note: 'C'}"),
]


def read_sheet(bell, founder, text):
    try:
        sheet = dirtyjson.loads(text)
    except Exception as exc:
        raise TuningSheetError(f"{bell} (cast by {founder}): the tuning sheet does not read: {text[:40]!r}") from exc
    return f"{bell} by {founder}: {dict(sheet) if hasattr(sheet, 'keys') else list(sheet)}"


def print_sheets():
    for n, (bell, founder, text) in enumerate(SHEETS, 1):
        try:
            print(read_sheet(bell, founder, text))
        except TuningSheetError as exc:
            raise RuntimeError(f"tuning stopped at bell {n} of {len(SHEETS)} ({bell!r})") from exc
    print("all bells tuned")


print_sheets()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "tuningsheet"
    d.mkdir()
    (d / "tuningsheet.py").write_text(SHEET)
    cap("python-chained-traceback-tuningsheet", "python3 tuningsheet.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """dirtyjson's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [LOADER, "dirtyjson/__init__.py", "dirtyjson/attributed_containers.py", "dirtyjson/error.py",
            "dirtyjson/compat.py", "dirtyjson/tests/test_decode.py", "dirtyjson/tests/test_float.py", "CHANGES.txt",
            "README.rst"]
    repo = history(tmp, SRC, "dirtyjson", MK, rels, PEOPLE, 36412, 25, BUGS)
    (repo / "NOTES.local").write_text("the tenor's sheet reads cast: false since the last pour; check before the peal\n")
    cap("git-log-p-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-loader-L1-260", f"git blame -L 1,260 {LOADER}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-1", "git show HEAD~1", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-dirtyjson", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-log-stat-dirtyjson", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-dirtyjson-mypy-head-1100", f"ls -laR {MK} {site}/mypy/typeshed/stdlib/json {site}/mypy/typeshed/stdlib/"
        f"concurrent {site}/_pytest/assertion {site}/pip/_internal/commands {site}/mypy/server | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/cssesc {JS}/node_modules/vite/dist "
        f"{JS}/node_modules/eslint/lib/linter {JS}/node_modules/typescript/lib {JS}/node_modules/@eslint "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 800", tmp, n_find)
    cap("tree-mypy-pytest-and-dirtyjson", f"tree -L 2 {site}/mypy/typeshed/stdlib/xml {site}/_pytest/_code "
        f"{site}/mypy/typeshed/stdlib/urllib {site}/pip/_internal/network {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 364029)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-364", "ps aux", tmp, n_ps_aux)
        chain("chain-ps-aux-sort-rss-head", "chain-ps", "listing",
              [Part("ps aux --sort=-rss | head -n 50", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("top-b-n1-w220", "top -b -n 1 -w 220", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/perl5 "
        "/usr/lib/python3.11/email -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > files.csv", cwd=d)
    cap("csv-america-perl5-email-head-1200", "head -n 1200 files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-smallest-260", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) ASC, name LIMIT 260\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-650", f"{VENV}/bin/pip inspect | head -n 650", d, n_pip_inspect,
        typed="pip inspect | head -n 650")


METALS = ["bell metal", "bronze", "tin", "copper", "loam", "horse dung", "goat hair", "brick core"]
LOG_MSGS = {
    "INFO": lambda r: (f"pit {r.randint(1, 5)} {r.choice(METALS)} pour: {r.randint(80, 2400)} kg cast, "
                       f"{r.randint(1, 8)} bells in moulds, furnace {r.randint(1080, 1180)} C"),
    "DEBUG": lambda r: (f"tuner {r.randint(1, 4)} partial {r.randint(1, 9)} at {r.randint(100, 2400)} Hz, "
                        f"lathe cut {r.randint(0, 40)} mm"),
    "WARNING": lambda r: (f"mould {r.randint(1, 60)} {r.choice(METALS)} cope cracked {r.randint(1, 9)} mm above "
                          "the crown, held back"),
    "ERROR": lambda r: (f"bell {r.randint(100, 999)} hum off by {r.randint(12, 60)} cents: flaw at "
                        f"the {r.choice(['lip', 'waist', 'shoulder', 'crown staple'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "pealcastd.log", 36413, 1300, ["pealcastd.furnace", "pealcastd.mould", "pealcastd.tuner",
                                                      "pealcastd.lathe"], LOG_MSGS, 36400, "2025-09-14")
    cap("log-grep-v-debug-head-800", "grep -v DEBUG pealcastd.log | head -n 800", tmp, n_app_log)
    chain("chain-log-grep-warn-error-pealcastd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 pealcastd.log | head -n 400", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
