"""Round 479, Python and the machine: the sdist of python-crontab 3.4.0 (a real PyPI release: crontab reading and
writing, pure Python) with a few bugs put in, run through its own tests with pytest (one run with colour forced on),
ruff and mypy --strict over its modules, and used by a lock flight's lengthsmen's script into a chained traceback; a
git history built here by committing python-crontab's sources in steps (capture_material.history: log -p, log --stat,
blame, show, status and diff); listings of the unpacked tree and the tools venv (ls -laR, find -printf, tree); the
machine's process table with a busy process started on purpose (ps aux); files of the machine (from find -printf) as
a CSV and a sqlite table, and pip inspect; a lock flight's lengthsmen's service's log (capture_material.app_log).
Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide479.py."""

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
from capture_wide479 import SRC, VENV, cap

CT = "python_crontab-3.4.0"
MOD = "crontab.py"
NOCACHE = "-p no:cacheprovider"
PEOPLE = [("Aled Lengthsman", "aled@example.org"), ("Bethan Lockkeeper", "bethan@example.org"),
          ("Dafydd Paddleman", "dafydd@example.org")]

# The bugs put in python-crontab (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A range slice's values stop one short of its end; a slice's maximum is refused as out of range; month and day
# names are looked up case-sensitively.
BUGS = [(MOD, "return range(int(self.vfrom), int(self.vto)+1, self.seq)",
         "return range(int(self.vfrom), int(self.vto), self.seq)"),
        (MOD, "if int(value) < self.min or int(value) > self.max:",
         "if int(value) < self.min or int(value) >= self.max:"),
        (MOD, "self.value = enums.index(value.lower())", "self.value = enums.index(value)")]


def py_tests(tmp: Path) -> None:
    tp = tmp / CT
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-crontab-v-color", f"python -m pytest -v --color=yes --tb=short {NOCACHE} tests 2>&1", tp, n_pytest,
        env=env, timeout=900)
    cap("pytest-crontab-v-tb-long-tail-2000", f"python -m pytest -v --tb=long {NOCACHE} tests 2>&1 | tail -n 2000", tp,
        n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-l-tb-short-tail-800", "chain-test", "test",
          [Part(f"cd {CT}", None), Part(f"python -m pytest -l --tb=short {NOCACHE} tests 2>&1 | tail -n 800",
                                        n_pytest, "&&")],
          tmp, env=env, timeout=900)
    chain("chain-pytest-q-not-scheduler-echo-exit", "chain-test-exit", "test",
          [Part(f"python -m pytest -q --tb=long {NOCACHE} tests -k 'not scheduler' 2>&1 | tail -n 600", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    tp = tmp / CT
    cap("ruff-select-all-crontab-head-1100", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise crontab.py crontabs.py cronlog.py tests 2>&1 | head -n 1100", tp, n_ruff)
    cap("ruff-crontab-full-head-1200", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,ARG,PTH crontab.py crontabs.py 2>&1 | head -n 1200",
        tp, n_ruff)
    cap("mypy-strict-crontab-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports crontab.py crontabs.py cronlog.py 2>&1 | tail -n 900", tp,
        n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-crontab-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF,D,PT --output-format=concise "
                "tests 2>&1 | head -n 700", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null --ignore-missing-imports tests "
                "2>&1 | tail -n 500", n_mypy, ";")],
          tp, timeout=1200)


SHEET = r'''
from crontab import CronTab


class FlightScheduleError(Exception):
    pass


# a lock flight's lengthsmen's rota: each line a job, read by the flight's scheduler every morning
ROTA = """# lengthsmen's rota, Caen Hill flight
0 6 * * * /opt/flight/check-pounds --all
30 6 * * 1-5 /opt/flight/paddle-gear --grease
15 7 1 * * /opt/flight/balance-beams --inspect
0 8 * Mar-Oct sat /opt/flight/side-ponds --level
45 9 * JAN,FEB * /opt/flight/ice-watch --pound 16
0 18 * * * /opt/flight/close-flight"""


def read_job(n, line):
    *fields, command = line.split(" ", 5)
    job = CronTab().new(command=command, comment=f"rota line {n}")
    try:
        job.setall(" ".join(fields))
        return job
    except (ValueError, KeyError) as exc:
        raise FlightScheduleError(f"rota line {n} unreadable: {line!r}") from exc


def schedule():
    lines = [ln for ln in ROTA.splitlines() if ln and not ln.startswith("#")]
    for n, line in enumerate(lines, 1):
        try:
            job = read_job(n, line)
        except FlightScheduleError as exc:
            raise RuntimeError(f"scheduler stopped at rota line {n} of {len(lines)}") from exc
        print(f"{job.slices} -> {job.command}")
    print(f"rota read: {len(lines)} jobs")


schedule()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "flightcheck"
    d.mkdir()
    (d / "flightcheck.py").write_text(SHEET)
    cap("python-chained-traceback-flightcheck", "python3 flightcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / CT)})


def git_history(tmp: Path) -> None:
    """python-crontab's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [MOD, "crontabs.py", "cronlog.py", "README.rst", "tests/test_usage.py", "tests/test_range.py"]
    repo = history(tmp, SRC, "crontab", CT, rels, PEOPLE, 47912, 40, BUGS)
    (repo / "NOTES.local").write_text("the flight's rota stops at the ice watch since month names went case-sensitive\n")
    cap("git-log-p-crontab-head-2000", "git log -p | head -n 2000", repo, n_log_p, env=GIT_ENV)
    cap("git-log-stat-crontab", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-blame-crontab-L1-700", f"git blame -L 1,700 {MOD}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-4", "git show HEAD~4", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-crontab", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-crontab-typeshed-head-1000", f"ls -laR {CT} {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/multiprocessing {site}/mypy/typeshed/stdlib/xml {site}/dateutil "
        "| head -n 1000", tmp, n_ls_lR)
    cap("find-printf-site-packages-head-700", f"find {site}/mypy {site}/_pytest {site}/pip/_internal "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 700", tmp, n_find)
    cap("tree-crontab-dateutil-typeshed", f"tree -L 3 {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/xml {site}/dateutil {site}/pip/_internal/commands {site}/mypyc/ir "
        f"{CT}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 479041)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-479", "ps aux", tmp, n_ps_aux)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/share/zoneinfo/Africa /usr/lib/python3.11/json /usr/lib/python3.11/http "
        "/usr/lib/python3.11/xml /usr/lib/python3.11/importlib /usr/lib/python3.11/sqlite3 "
        "-maxdepth 2 \\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sort) > files.csv", cwd=d)
    cap("csv-europe-asia-africa-json-http", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-500", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 500\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-1000", f"{VENV}/bin/pip inspect | head -n 1000", d, n_pip_inspect,
        typed="pip inspect | head -n 1000")


PLACES = ["top pound", "bottom pound", "side pond", "balance beam", "ground paddle", "gate paddle", "upper cill",
          "lock cottage", "by-wash", "towpath"]
LOG_MSGS = {
    "INFO": lambda r: (f"lockage {r.randint(1000, 9999)} {r.choice(PLACES)}: {r.randint(1, 4)} boats, "
                       f"rise {r.randint(150, 380)} cm, paddles {r.randint(1, 4)} up, {r.randint(6, 25)} min"),
    "DEBUG": lambda r: (f"gauge {r.randint(1, 400)}: {r.choice(PLACES)} level {r.randint(0, 300)} cm, "
                        f"flow {r.randint(0, 90)} l/s, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(PLACES)} low at {r.randint(20, 140)} cm in pound "
                          f"{r.choice('ABCDEFGH')}{r.randint(1, 29)}: lockage held {r.randint(2, 40)} min"),
    "ERROR": lambda r: (f"lockage {r.randint(1000, 9999)} stopped: {r.choice(PLACES)} "
                        f"{r.choice(['paddle spindle sheared', 'beam cracked', 'gate off its cill', 'pound drained'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "paddled.log", 47913, 2200, ["paddled.pounds", "paddled.beams", "paddled.rota",
                                                    "paddled.gauges"], LOG_MSGS, 47900, "2026-12-03")
    cap("log-grep-v-debug-head-700", "grep -v DEBUG paddled.log | head -n 700", tmp, n_app_log)
    chain("chain-log-grep-warn-error-paddled", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 paddled.log | head -n 750", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
