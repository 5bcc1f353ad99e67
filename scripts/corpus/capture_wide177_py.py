"""Round 177, Python and the machine: the sdist of cron-descriptor (a real PyPI release: cron expressions described in
English, with its parser, validator and casing / verbosity options) with a few bugs put in, run through its own test
suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history built
here by committing cron-descriptor's sources in steps (log -p, blame, show, status and diff); listings of the unpacked
tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process
started on purpose (ps aux, top -b); the machine's installed manual pages (find -printf) as a CSV and a sqlite table,
and pip inspect; a backup scheduler's log; an installed Debian package's HTML documentation (cli-common's CLI policy)
served by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide177.py."""


from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_tree, run
from capture_wide import n_chained
from capture_wide9b import Part, chain, n_status_echo
from capture_wide6_new2 import n_pip_inspect
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide177 import JS, SRC, VENV, cap

CD = "cron_descriptor-2.2.1"
DESC = "cron_descriptor/ExpressionDescriptor.py"
VALID = "cron_descriptor/ExpressionValidator.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Noor Haddad", "GIT_AUTHOR_EMAIL": "noor@example.org",
           "GIT_COMMITTER_NAME": "Noor Haddad", "GIT_COMMITTER_EMAIL": "noor@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# Noon is told as AM (hour > 12 for PM), a list of hours gets a comma before its "and", the terse form keeps
# ", every hour", and the validator lets hour 24 through.
BUGS = [(DESC, 'period = self.translate("PM") if (hour >= 12) else self.translate("AM")',
         'period = self.translate("PM") if (hour > 12) else self.translate("AM")'),
        (DESC, "                if i < (len(hour_parts) - 2):\n", "                if i < (len(hour_parts) - 1):\n"),
        (DESC, '            description = description.replace(self.translate(", every hour"), "")\n', ""),
        (VALID, "        mi, mx = (0, 23)\n", "        mi, mx = (0, 24)\n")]

# The sdist ships its tests without the repository's conftest.py, whose `options` fixture every test takes: one is
# written here (the US locale, so the expected AM/PM times apply).
CONFTEST = """import pytest

from cron_descriptor import Options


@pytest.fixture
def options() -> Options:
    return Options(locale_code="en_US")
"""


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / CD
    put_bugs(cp)
    (cp / "tests" / "conftest.py").write_text(CONFTEST)
    env = {"PYTHONPATH": str(cp), "LANG": "C.UTF-8"}
    cap("pytest-cron-descriptor-v-tail-1200", "python -m pytest -v -p no:cacheprovider tests 2>&1 | tail -n 1200", cp,
        n_pytest, env=env, timeout=900)
    chain("chain-cron-pytest-q-tb-short-exit", "chain-test-exit", "test",
          [Part("pytest -q -p no:cacheprovider --tb=short tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / CD
    cap("ruff-select-all-cron-descriptor-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise cron_descriptor tests tools 2>&1 | head -n 900", cp, n_ruff)
    # cron-descriptor passes plain --strict (its own CI runs it): the stricter Any checks and optional codes find errors
    cap("mypy-strict-any-expr-cron-descriptor-tests", "mypy --strict --disallow-any-expr --disallow-any-explicit "
        "--warn-unreachable --enable-error-code explicit-override --enable-error-code redundant-expr "
        "--enable-error-code truthy-bool --enable-error-code possibly-undefined --enable-error-code "
        "ignore-without-code --no-incremental cron_descriptor tests tools 2>&1 | tail -n 600", cp, n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-cron-descriptor", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,SIM --output-format=concise . | tail -n 400",
                n_ruff),
           Part("mypy --strict --disallow-any-expr --no-incremental tools cron_descriptor/__main__.py 2>&1 | "
                "tail -n 150",
                n_mypy, ";")], cp, timeout=900)


BACKUPS = r"""
from cron_descriptor import ExpressionDescriptor, Options


class ScheduleError(Exception):
    pass


JOBS = {"db-nightly": "30 2 * * *", "photos-weekly": "0 4 * * SUN", "logs-rotate": "*/15 * * * *",
        "mail-archive": "0 3 1-7 * MON-FRY", "nas-sync": "45 23 * * 1-5"}


def describe(name, expr):
    try:
        return ExpressionDescriptor(expr, Options(locale_code="en_US")).get_description()
    except Exception as exc:
        raise ScheduleError(f"job {name!r}: cannot read schedule {expr!r}") from exc


for name, expr in JOBS.items():
    print(f"{name:14} {expr:20} {describe(name, expr)}")
"""
def traceback_run(tmp: Path) -> None:
    d = tmp / "backups"
    d.mkdir()
    (d / "backups.py").write_text(BACKUPS)
    cap("python-chained-traceback-backups", "python3 backups.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / CD), "LANG": "C.UTF-8"})


def git_history(tmp: Path) -> None:
    """cron-descriptor's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "cron-descriptor-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('cron_descriptor-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / CD} {repo} && rm -rf {pristine}")
    files = [repo / DESC, repo / VALID, repo / "tests/test_formats.py", repo / "README.md"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, locales and "
        "tools'", cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2024-09-09 09:41:00",
                                       "GIT_COMMITTER_DATE": "2024-09-09 09:41:00"})
    rnd = random.Random(17702)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 60
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2024-{9 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Pavel Sorokin", "GIT_AUTHOR_EMAIL": "pavel@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("noon shows as AM in the nightly report? see format_time\n")
    cap("git-log-p-head-1800", "git log -p | head -n 1800", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-expression-descriptor-L-1-560", f"git blame -L 1,560 {DESC}", repo, n_blame, env=GIT_ENV)
    cap("git-show-validator-part-5", "git show ':/^ExpressionValidator: part 5'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-cron-descriptor-sdist-and-pytest", f"ls -laR {CD} {site}/_pytest {site}/mypy/plugins "
        f"{site}/mypy/server {site}/pluggy {site}/typing_extensions.py", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/number-to-words {JS}/node_modules/eslint/lib "
        f"{JS}/node_modules/vitest/dist {JS}/node_modules/typescript/lib -type f "
        f"-printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp, n_find)
    cap("tree-site-packages-pytest-mypy", f"tree -L 2 {site}/_pytest {site}/mypy/typeshed/stdlib/asyncio "
        f"{site}/mypy/typeshed/stdlib/concurrent {site}/mypy/test {site}/ruff", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 17717)) for i in range(150000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    os.killpg(busy.pid, signal.SIGTERM)


def tables(tmp: Path) -> None:
    d = tmp / "man"
    d.mkdir()
    run("(echo 'page,bytes,dir,links,modified'; find /usr/share/man -type f "
        "-printf '%f,%s,%h,%n,%TY-%Tm-%Td\\n' | sort) > man.csv", cwd=d)
    cap("csv-usr-share-man-pages-head-900", "head -n 900 man.csv", d, n_csv)
    run("sqlite3 man.db \".mode csv\" \".import man.csv man\"", cwd=d)
    cap("sqlite-column-largest-man-pages-limit-400", "sqlite3 -header -column man.db \"SELECT page, "
        "CAST(bytes AS INT) AS bytes, dir, links, modified FROM man ORDER BY CAST(bytes AS INT) DESC LIMIT 400\"",
        d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(17703)
sched = logging.getLogger("backup.scheduler")
run_ = logging.getLogger("backup.runner")
store = logging.getLogger("backup.store")
jobs = ["db-nightly", "photos-weekly", "logs-rotate", "mail-archive", "nas-sync", "wiki", "ci-cache", "vm-images"]
for i in range(1300):
    j = rnd.choice(jobs)
    sched.debug("tick %d: %s next run in %ds", i, j, rnd.randint(5, 86400))
    if i % 149 == 31:
        store.warning("volume %s: %d%% full, pruning oldest snapshot", rnd.choice(["nas1", "nas2", "s3-cold"]),
                      rnd.randint(85, 97))
    elif i == 377:
        try:
            {}["retention:" + j]
        except KeyError:
            run_.exception("run %d: no retention policy for %s", i, j)
    elif i == 811:
        sched.error("run %d: cron expression for %s rejected: hour 24 out of range", i, j)
    elif i == 1233:
        store.critical("snapshot store unreachable after %d runs, scheduler paused", i)
    elif i % 227 == 13:
        sched.info("checkpoint: %d runs, %d GB written", i, rnd.randint(10, 900))
    run_.info("run %d %s finished in %dms", i, j, rnd.randint(200, 9000) if i != 1022 else 3600400)
"""


def app_log(tmp: Path) -> None:
    (tmp / "backuplog.py").write_text(SVCLOG)
    run("python3 backuplog.py > backup.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG backup.log | tail -n 1000", tmp, n_app_log)


DOC = Path("/usr/share/doc/cli-common/cli-policy.html")


def docs(tmp: Path) -> None:
    if not (DOC / "ch-packaging.html").is_file():
        cm.note("skip docs: no cli-common ch-packaging.html")
        return
    cm.start(f"python3 -m http.server 18877 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-cli-policy-packaging", "curl -s http://127.0.0.1:18877/ch-packaging.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
