"""Round 212, Python and the machine: the sdist of cronsim (a real PyPI release: a cron-expression parser, a schedule
iterator forwards and backwards, an English explainer of expressions) with a few bugs put in, run through its own test
suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history
built here by committing cronsim's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the
unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy
process started on purpose (ps aux, top -b); the machine's /usr/share files (from find -printf) as a CSV and a sqlite
table, and pip inspect; a backup scheduler's log; an installed Debian package's HTML documentation served by python3
-m http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide212.py."""


from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide212 import JS, SRC, VENV, cap

MK = "cronsim-2.6"
PKG = "cronsim"
CORE = "cronsim/cronsim.py"
EXPLAIN = "cronsim/explain.py"
TESTS = "tests"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ilse Varga", "GIT_AUTHOR_EMAIL": "ilse@example.org",
           "GIT_COMMITTER_NAME": "Ilse Varga", "GIT_COMMITTER_EMAIL": "ilse@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A fifth weekday of the month (`1#5`) is refused; `L` in day-of-week also matches the second-to-last week's day when
# the month ends a week after it; a step from a single start (`5/15`) stops one short of the field's maximum; the
# explainer's ordinals past its table end in "nd" ("every 15nd minute").
BUGS = [(CORE, "if nth < 1 or nth > 5:", "if nth < 1 or nth > 4:"),
        (CORE, "if d.day + 7 > last:", "if d.day + 7 >= last:"),
        (CORE, "tail = range(start, end + 1)", "tail = range(start, end)"),
        (EXPLAIN, 'return ORDINALS.get(x, f"{x}th")', 'return ORDINALS.get(x, f"{x}nd")')]

PURE: dict = {}


def stop(p) -> None:
    """End a process this round started, with its whole session (it was started in a new one)."""
    try:
        os.killpg(p.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    p.wait(timeout=10)


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / MK
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp), **PURE}
    cap("pytest-cronsim-v-tb-long", f"python -m pytest -v --tb=long -p no:cacheprovider {TESTS} 2>&1",
        cp, n_pytest, env=env, timeout=1200)
    chain("chain-cronsim-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {TESTS}/test_cronsim.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-cronsim-explain-tb-short-rA", f"pytest -rA --tb=short -p no:cacheprovider "
        f"{TESTS}/test_explain.py {TESTS}/test_cronsim.py 2>&1", cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-120", "chain-test", "test",
          [Part(f"cd {MK}", None), Part(f"python -m pytest -rA -q -p no:cacheprovider {TESTS} 2>&1 | tail -n 150",
                                        n_pytest, "&&")], tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-cronsim", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} {TESTS} 2>&1", cp, n_ruff)
    cap("ruff-cronsim-full-explain-tests", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,PT,D,ANN {EXPLAIN} {TESTS}/test_explain.py 2>&1 | head -n 1500", cp,
        n_ruff)
    cap("mypy-strict-no-any-cronsim-and-tests", "mypy --strict --no-incremental --config-file /dev/null "
        f"--disallow-any-expr --disallow-any-explicit --warn-unreachable {PKG} {TESTS} 2>&1 | tail -n 600", cp,
        n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-cronsim", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {PKG} 2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=1200)


BACKUPS = r"""
from datetime import datetime
from cronsim import CronSim, CronSimError


class ScheduleError(Exception):
    pass


JOBS = {"db-nightly": "30 2 * * *", "photos-weekly": "0 4 * * 0", "mail-monthly": "15 3 L * *",
        "archive-quarter": "0 5 1 */3 *", "logs-fifth-friday": "0 6 * * 5#5"}


def next_run(name, expr, now):
    try:
        return next(CronSim(expr, now))
    except CronSimError as exc:
        raise ScheduleError(f"backup job {name!r} has a bad schedule {expr!r}") from exc


now = datetime(2026, 1, 30, 12, 0)
for name, expr in JOBS.items():
    print(f"{name:20} {expr:14} next {next_run(name, expr, now):%Y-%m-%d %H:%M}")
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "backups"
    d.mkdir()
    (d / "backups.py").write_text(BACKUPS)
    cap("python-chained-traceback-backups", "python3 backups.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """cronsim's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "cronsim-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('cronsim-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / CORE, repo / EXPLAIN, repo / "tests/test_cronsim.py", repo / "tests/test_explain.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, licence, README'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-12 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-05-12 09:12:00"})
    rnd = random.Random(21202)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 40
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 14:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Kofi Brandvold", "GIT_AUTHOR_EMAIL": "kofi@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("1#5 refused again? check Field.parse\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-cronsim-py", f"git blame {CORE}", repo, n_blame, env=GIT_ENV)
    cap("git-show-cronsim-part-9", "git show ':/^cronsim: part 9 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-cronsim-pygments-pluggy", f"ls -laR {MK} {site}/pygments/lexers {site}/pluggy {site}/_pytest/_code "
        f"{site}/mypy/server", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/filenamify {JS}/node_modules/filename-reserved-regex "
        f"{JS}/node_modules/vite/dist {JS}/node_modules/@eslint {JS}/node_modules/eslint/lib/rules "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k5 | head -n 800", tmp, n_find)
    cap("tree-pygments-and-typeshed", f"tree -L 2 {site}/pygments {site}/mypy/typeshed/stdlib/concurrent "
        f"{site}/mypy/typeshed/stdlib/json {site}/_pytest {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 212011)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
        chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
              [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    finally:
        stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "share"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/perl5 /usr/share/zoneinfo/Europe "
        "/usr/share/zoneinfo/America -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-files-head-900", "head -n 900 share.csv", d, n_csv)
    run("sqlite3 share.db \".mode csv\" \".import share.csv f\"", cwd=d)
    cap("sqlite-column-share-largest-350", "sqlite3 -header -column share.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 350\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-800", f"{VENV}/bin/pip inspect | head -n 800", d, n_pip_inspect,
        typed="pip inspect | head -n 800")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(21203)
sched = logging.getLogger("backupd.schedule")
store = logging.getLogger("backupd.store")
snap = logging.getLogger("backupd.snapshot")
jobs = ["db-nightly", "photos-weekly", "mail-monthly", "archive-quarter", "logs-hourly", "wiki-daily"]
for i in range(1250):
    job = rnd.choice(jobs)
    sched.debug("tick %d %s: next run computed, %d candidates skipped, %dms", i, job, rnd.randint(0, 60),
                rnd.randint(1, 900))
    if i % 149 == 37:
        store.warning("%s: bucket %s above 85%% quota, pruning oldest", job,
                      rnd.choice(["s3://backups-eu", "nfs://vault02/backups", "b2://cold-archive"]))
    elif i == 412:
        try:
            raise ValueError("Bad day-of-week")
        except ValueError:
            sched.exception("tick %d %s: schedule '0 6 * * 5#6' unparsable", i, job)
    elif i == 877:
        snap.error("snapshot %d %s failed: %d chunks unreadable on source volume", i, job, rnd.randint(2, 9))
    elif i == 1190:
        store.critical("vault02 unreachable for %d s, backups held in spool", 2400 + i)
    elif i % 211 == 23:
        snap.info("job %s pruned, %d old snapshots removed", job, rnd.randint(1, 30))
    snap.info("snapshot %d of %s stored, %d MB", i, job, rnd.randint(1, 900) if i != 1033 else 48000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "backupd.py").write_text(SVCLOG)
    run("python3 backupd.py > backupd.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG backupd.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 backupd.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/dnsmasq-base")


def docs(tmp: Path) -> None:
    if not (DOC / "setup.html").is_file():
        cm.note("skip docs: no dnsmasq-base setup.html")
        return
    server = cm.start(f"python3 -m http.server 18212 --bind 127.0.0.1 --directory {DOC}")
    try:
        time.sleep(1.5)
        cap("curl-html-dnsmasq-setup", "curl -s http://127.0.0.1:18212/setup.html", tmp, n_html)
    finally:
        stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
