"""Round 165, Python and the machine: the sdist of pqdict (a real PyPI release: an indexed priority queue, a dict
whose items are kept in a binary heap by priority) with a few bugs put in, run through its own test suite with pytest,
through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history built here by
committing pqdict's sources in steps (log -p, blame, show, status and diff); listings of the unpacked tree, the npm
tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on
purpose (ps aux, top -b); the machine's shared libraries under /usr/lib (find -printf) as a CSV and a sqlite table, and
pip inspect; a print-queue dispatcher's log; an installed Debian package's HTML documentation (reprepro's
manual) served by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide165.py."""


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
from capture_wide165 import JS, SRC, VENV, cap

PQ = "pqdict-1.5.1"
INIT = "pqdict/__init__.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ines Okafor", "GIT_AUTHOR_EMAIL": "ines@example.org",
           "GIT_COMMITTER_NAME": "Ines Okafor", "GIT_COMMITTER_EMAIL": "ines@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# The sink step never looks at the last right child (endpos - 1), a repaired node whose parent is the root never swims
# up (parent_pos > 0), and nlargest seeds its heap with n - 1 items.
BUGS = [(INIT, "        if other_pos < endpos and not precedes(\n",
         "        if other_pos < endpos - 1 and not precedes(\n"),
        (INIT, "    if parent_pos > -1 and precedes(heap[pos].prio",
         "    if parent_pos > 0 and precedes(heap[pos].prio"),
        (INIT, "    pq = pqdict(key=key, precedes=lt)\n    try:\n        for _ in range(n):\n",
         "    pq = pqdict(key=key, precedes=lt)\n    try:\n        for _ in range(n - 1):\n")]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / PQ
    put_bugs(cp)
    # pqdict reads its version from its installed metadata: the pristine sdist goes into the tools venv, the broken
    # copy comes first on PYTHONPATH
    run(f"{VENV}/bin/pip install -q --no-deps {next(SRC.glob('pqdict-*.tar.gz'))}", env=cm.PIP_ENV, timeout=600)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-pqdict-v-tail-1200", "python -m pytest -v -p no:cacheprovider tests 2>&1 | tail -n 1200", cp, n_pytest,
        env=env, timeout=900)
    chain("chain-pqdict-pytest-q-tb-short-exit", "chain-test-exit", "test",
          [Part("pytest -q -p no:cacheprovider --tb=short tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / PQ
    cap("ruff-select-all-pqdict-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise pqdict tests bench 2>&1 | head -n 900", cp, n_ruff)
    cap("mypy-strict-pqdict-tests", "mypy --strict --no-incremental pqdict tests 2>&1 | tail -n 600",
        cp, n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-pqdict", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise . | tail -n 400",
                n_ruff),
           Part("mypy --strict --no-incremental tests/test_pqdict.py 2>&1 | tail -n 150",
                n_mypy, ";")], cp, timeout=900)


SPOOL = r"""
from pqdict import pqdict


class DispatchError(Exception):
    pass


jobs = pqdict({"invoice-2231": 3, "label-88": 1, "poster-a1": 7, "report-q3": 2})


def dispatch(queue, job, prio):
    try:
        queue.additem(job, prio)
    except Exception as exc:
        raise DispatchError(f"cannot queue {job!r} at priority {prio!r}") from exc


for job, prio in [("label-89", 1), ("memo-4", 5), ("invoice-2231", 4)]:
    dispatch(jobs, job, prio)
    print("queued", job, "next:", jobs.top())
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "spool"
    d.mkdir()
    (d / "spool.py").write_text(SPOOL)
    cap("python-chained-traceback-spool", "python3 spool.py", d, n_chained, env={"PYTHONPATH": str(tmp / PQ)})


def git_history(tmp: Path) -> None:
    """pqdict's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "pqdict-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('pqdict-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / PQ} {repo} && rm -rf {pristine}")
    files = [repo / INIT, repo / "tests/test_pqdict.py", repo / "tests/test_typing.py", repo / "README.rst"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, docs and "
        "benchmarks'", cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-03 10:12:00",
                                       "GIT_COMMITTER_DATE": "2025-03-03 10:12:00"})
    rnd = random.Random(16502)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 75
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tomasz Wrona", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("popitem order wrong after updateitem near the root? see heaprepair\n")
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-pqdict-init-L-1-520", f"git blame -L 1,520 {INIT}", repo, n_blame, env=GIT_ENV)
    cap("git-show-init-part-4", "git show ':/^__init__: part 4'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-pqdict-sdist-and-pytest", f"ls -laR {PQ} {site}/_pytest {site}/mypy/plugins {site}/mypy/dmypy "
        f"{site}/pluggy", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/word-wrap {JS}/node_modules/eslint/lib/rules "
        f"{JS}/node_modules/vitest/dist {JS}/node_modules/typescript/lib -type f "
        f"-printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp, n_find)
    cap("tree-site-packages-pytest-mypy", f"tree -L 2 {site}/_pytest {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/multiprocessing {site}/ruff", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 16517)) for i in range(150000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    os.killpg(busy.pid, signal.SIGTERM)


def tables(tmp: Path) -> None:
    d = tmp / "libs"
    d.mkdir()
    run("(echo 'library,bytes,dir,links,modified'; find /usr/lib -name '*.so*' -type f "
        "-printf '%f,%s,%h,%n,%TY-%Tm-%Td\\n' | sort) > libs.csv", cwd=d)
    cap("csv-usr-lib-shared-libs-head-900", "head -n 900 libs.csv", d, n_csv)
    run("sqlite3 libs.db \".mode csv\" \".import libs.csv libs\"", cwd=d)
    cap("sqlite-column-largest-libs-limit-400", "sqlite3 -header -column libs.db \"SELECT library, "
        "CAST(bytes AS INT) AS bytes, dir, links, modified FROM libs ORDER BY CAST(bytes AS INT) DESC LIMIT 400\"",
        d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(16503)
disp = logging.getLogger("spool.dispatch")
queue = logging.getLogger("spool.queue")
prn = logging.getLogger("spool.printer")
printers = ["lobby", "finance-2", "plotter", "label-a", "label-b", "warehouse", "hr", "studio"]
for i in range(1300):
    p = rnd.choice(printers)
    queue.debug("job %d prio=%d printer=%s enqueued in %dms", i, rnd.randint(1, 9), p, rnd.randint(1, 30))
    if i % 151 == 29:
        prn.warning("printer %s: toner at %d%%, jobs rerouted", p, rnd.randint(1, 9))
    elif i == 388:
        try:
            {}["tray:" + p]
        except KeyError:
            disp.exception("job %d: could not pick a tray on %s", i, p)
    elif i == 802:
        queue.error("job %d: updateitem on a key not in the queue (job-%d)", i, rnd.randint(1000, 9999))
    elif i == 1241:
        prn.critical("spooler socket closed after %d jobs, dispatch stopped", i)
    elif i % 230 == 11:
        disp.info("checkpoint: %d jobs, %d pages printed", i, rnd.randint(100, 4000))
    disp.info("job %d %s printed in %dms", i, p, rnd.randint(40, 900) if i != 1017 else 61200)
"""


def app_log(tmp: Path) -> None:
    (tmp / "spoollog.py").write_text(SVCLOG)
    run("python3 spoollog.py > spool.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG spool.log | tail -n 1000", tmp, n_app_log)


DOC = Path("/usr/share/doc/reprepro")


def docs(tmp: Path) -> None:
    if not (DOC / "manual.html").is_file():
        cm.note("skip docs: no reprepro manual.html")
        return
    cm.start(f"python3 -m http.server 18865 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-reprepro-manual", "curl -s http://127.0.0.1:18865/manual.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
