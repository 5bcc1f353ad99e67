"""Round 453, Python and the machine: the sdist of jsonpickle 4.1.1 (a real PyPI release: pure Python, no dependencies)
with a few bugs put in, run through its own tests with pytest (one run with colour forced on), through ruff and mypy
--strict, and used by a lime kiln's burners' script into a chained traceback; `npm view get-func-name --json` and `npm
view eastasianwidth --json`; a git history built here by committing jsonpickle's sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree and the
tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps aux);
files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a lime kiln's draw-hole
service's log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide453.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, app_log as make_app_log, history, put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide453 import SRC, VENV, cap

PS = "jsonpickle-4.1.1"
UTIL = "jsonpickle/util.py"
PICKLER = "jsonpickle/pickler.py"
TESTS = ("tests/jsonpickle_test.py tests/object_test.py tests/util_test.py tests/collections_test.py "
         "tests/datetime_test.py tests/handler_test.py tests/stdlib_test.py tests/document_test.py "
         "tests/wizard_test.py tests/backend_test.py tests/zoneinfo_test.py")
NOCACHE = "-p no:cacheprovider"
PEOPLE = [("Eluned Burner", "eluned@example.org"), ("Hywel Quarryman", "hywel@example.org"),
          ("Catrin Drawhole", "catrin@example.org")]

# The bugs put in jsonpickle (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# Sets are no longer counted as sequences; b64encode drops the last character of its text; the pickler's
# max_depth check fires one level late.
BUGS = [(UTIL, "SEQUENCES_SET = {list, set, tuple}\n", "SEQUENCES_SET = {list, tuple}\n"),
        (UTIL, "    return base64.b64encode(data).decode('ascii')\n",
         "    return base64.b64encode(data).decode('ascii')[:-1]\n"),
        (PICKLER, "        return self._depth == self._max_depth\n",
         "        return self._depth - 1 == self._max_depth\n")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PS
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-jsonpickle-v-color-tail-1400", f"python -m pytest -v --color=yes --tb=short {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 1400", tp, n_pytest, env=env, timeout=1200)
    cap("pytest-jsonpickle-v-tb-long-tail-1500", f"python -m pytest -v --tb=long {NOCACHE} {TESTS} 2>&1 "
        "| tail -n 1500", tp, n_pytest, env=env, timeout=1200)
    cap("pytest-jsonpickle-rA-set-bytes-depth", f"pytest -rA --tb=short {NOCACHE} {TESTS} -k 'set or bytes or depth "
        "or b64' 2>&1 | tail -n 1300", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-l-tb-short-tail-900", "chain-test", "test",
          [Part(f"cd {PS}", None), Part(f"python -m pytest -l --tb=short {NOCACHE} {TESTS} 2>&1 | tail -n 900",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-handler-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=long {NOCACHE} {TESTS} -k 'not handler' 2>&1 | tail -n 700", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / PS
    cap("ruff-select-all-jsonpickle-head-1100", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise jsonpickle 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-unpickler-full-head-1300", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH jsonpickle/unpickler.py jsonpickle/util.py "
        "2>&1 | head -n 1300", cp, n_ruff)
    cap("mypy-strict-jsonpickle-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports jsonpickle 2>&1 | tail -n 900", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-tests-helpers", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF --output-format=concise "
                "tests/helper.py tests/util_test.py tests/wizard_test.py jsonpickle_benchmarks.py 2>&1 | head -n 500",
                n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports jsonpickle/handlers.py "
                "jsonpickle/backend.py jsonpickle/tags.py 2>&1 | tail -n 400", n_mypy, ";")],
          cp, timeout=1200)


SHEET = r"""
import struct

import jsonpickle


class BurnLogError(Exception):
    pass


# a lime kiln's burners' book: each burn's record pickled to JSON overnight, read back at the draw hole in the morning
BURNS = {"Kiln pot 1": (14, 3), "Kiln pot 2": (11, 2), "Kiln pot 3": (16, 4), "Draw arch east": (9, 1),
         "Draw arch west": (12, 2), "Charging hole": (15, 3), "Slaking floor": (8, 1)}


def record(name, tons, coal):
    seal = struct.pack(">II", tons * 1000 + coal, len(name))
    return {"kiln": name, "tons": tons, "coal": coal, "seal": seal, "burners": {"Eluned", "Hywel"}}


def read_back(name, text):
    rec = jsonpickle.decode(text)
    try:
        load, n = struct.unpack(">II", rec["seal"])
        return load, n
    except struct.error as exc:
        raise BurnLogError(f"seal of {name} unreadable ({len(rec['seal'])} bytes back)") from exc


def morning_draw():
    for n, (name, (tons, coal)) in enumerate(BURNS.items(), 1):
        try:
            load, ln = read_back(name, jsonpickle.encode(record(name, tons, coal)))
            print(f"{name}: {load // 1000} tons drawn, coal {load % 1000}")
        except BurnLogError as exc:
            raise RuntimeError(f"draw stopped at kiln {n} of {len(BURNS)}") from exc
    print("morning draw done")


morning_draw()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "burntcheck"
    d.mkdir()
    (d / "burntcheck.py").write_text(SHEET)
    cap("python-chained-traceback-burntcheck", "python3 burntcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PS)})


def npm_view(tmp: Path) -> None:
    cap("npm-view-get-func-name-json", "npm view get-func-name --json", tmp, n_npm_view, timeout=300)
    cap("npm-view-eastasianwidth-json", "npm view eastasianwidth --json", tmp, n_npm_view, timeout=300)


def git_history(tmp: Path) -> None:
    """jsonpickle's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [UTIL, PICKLER, "jsonpickle/unpickler.py", "tests/jsonpickle_test.py", "README.rst"]
    repo = history(tmp, SRC, "jsonpickle", PS, rels, PEOPLE, 45312, 60, BUGS)
    (repo / "NOTES.local").write_text("the burners' book loses its seals since the b64 change; sets come back odd\n")
    cap("git-log-p-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-unpickler-L1-1000", "git blame -L 1,1000 jsonpickle/unpickler.py", repo, n_blame, env=GIT_ENV)
    cap("git-log-p-reverse-util-head-1500", f"git log -p --reverse -- {UTIL} | head -n 1500", repo, n_log_p,
        env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-jsonpickle", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-log-stat-jsonpickle", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-jsonpickle-typeshed-head-1100", f"ls -laR {PS} {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/multiprocessing {site}/mypy/typeshed/stdlib/xml {site}/pip/_internal/operations "
        "| head -n 1100", tmp, n_ls_lR)
    cap("find-printf-site-packages-head-800", f"find {site}/mypy {site}/pygments {site}/pip/_internal "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 800", tmp, n_find)
    cap("tree-jsonpickle-typeshed-pygments", f"tree -L 3 {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/multiprocessing {site}/pygments/formatters {site}/pip/_internal/operations "
        f"{site}/mypy/dmypy {site}/pip/_vendor/rich {site}/mypy/typeshed/stdlib/xml {PS}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 453041)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-453", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/share/zoneinfo/Africa /usr/lib/python3.11/json /usr/lib/python3.11/xml "
        "/usr/lib/python3.11/http /usr/lib/python3.11/urllib /usr/lib/python3.11/importlib "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-africa-json-xml", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-600", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 600\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-1100", f"{VENV}/bin/pip inspect | head -n 1100", d, n_pip_inspect,
        typed="pip inspect | head -n 1100")


PLACES = ["kiln pot 1", "kiln pot 2", "kiln pot 3", "draw arch east", "draw arch west", "charging hole",
          "slaking floor", "coal bunker", "quarry face", "weighhouse"]
LOG_MSGS = {
    "INFO": lambda r: (f"barrow {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 40)} lumps drawn, "
                       f"load {r.randint(200, 900)} kg, burn {r.randint(20, 72)} h"),
    "DEBUG": lambda r: (f"thermocouple {r.randint(1, 400)}: {r.choice(PLACES)} {r.randint(700, 1200)} C, "
                        f"draught {r.randint(0, 120)} Pa, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} running cold at {r.randint(600, 850)} C on burn "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 30)}: draw held {r.randint(2, 30)} min"),
    "ERROR": lambda r: (f"barrow {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['draw hole choked', 'eye collapsed', 'coal short', 'burners book locked'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "drawholed.log", 45313, 2200, ["drawholed.draw", "drawholed.burn", "drawholed.barrows",
                                                      "drawholed.book"], LOG_MSGS, 45300, "2026-12-03")
    cap("log-grep-v-debug-head-750", "grep -v DEBUG drawholed.log | head -n 750", tmp, n_app_log)
    chain("chain-log-grep-warn-error-drawholed", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 drawholed.log | head -n 800", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, npm_view, git_history, listings, tables, app_log]
