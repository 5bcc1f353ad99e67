"""Round 297, Python and the machine: the sdist of jsonpatch (a real PyPI release: RFC 6902 JSON patches applied to a
document and made from two documents) with a few bugs put in, run through its own tests with pytest, through ruff and
mypy --strict, and its code run wrongly into a chained traceback; a git history built here by committing jsonpatch's
sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm tools and
the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps
aux, top -b); the machine's /usr/share files (from find -printf) as a CSV and a sqlite table, and pip inspect; a canal
sluice gate service's log; an installed Debian package's HTML documentation (zlib's how-to) served by python3 -m
http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's
own (round 9b). Run through capture_wide297.py."""

from __future__ import annotations

import random
import time
from pathlib import Path

import capture_more as cm
from capture_material import put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide11_files import n_html
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide297 import JS, SRC, VENV, cap

MK = "jsonpatch-1.48"
MOD = "jsonpatch.py"
CLI = "jsonpatch_cli.py"
TFILE = "tests.py"
NOCOV = "-o addopts="  # as rounds 285 and 292 typed it
GIT_ENV = {"GIT_AUTHOR_NAME": "Wenna Trethowan", "GIT_AUTHOR_EMAIL": "wenna@example.org",
           "GIT_COMMITTER_NAME": "Wenna Trethowan", "GIT_COMMITTER_EMAIL": "wenna@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# An add at index len(list) (one past the end) is refused as outside the list; an add at `-` puts the value first, not
# last; `true` equals `1` when only one side is a bool; two objects with the same keys are equal whatever their values.
BUGS = [(MOD, "elif part > len(subobj) or part < 0:", "elif part >= len(subobj) or part < 0:"),
        (MOD, "                journal.append(subobj, value)\n", "                journal.insert(subobj, 0, value)\n"),
        (MOD, "return isinstance(first, bool) and isinstance(second, bool) and \\",
         "return (isinstance(first, bool) or isinstance(second, bool)) and \\"),
        (MOD, "key in second and _json_equal(first[key], second[key])", "key in second")]

PURE: dict = {}


def py_tests(tmp: Path) -> None:
    cp = tmp / MK
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), **PURE}
    cap("pytest-jsonpatch-v-tb-line-maxfail-60", f"python -m pytest -v --tb=line --maxfail=60 {NOCOV} -p no:cacheprovider {TFILE} 2>&1", cp,
        n_pytest, env=env, timeout=1200)
    chain("chain-jsonpatch-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOCOV} -p no:cacheprovider {TFILE}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-jsonpatch-k-add-equal-rA-tb-short", f"pytest -rA --tb=short {NOCOV} -p no:cacheprovider "
        f"-k 'add or append or equal or test_op or bool' {TFILE} 2>&1", cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-160", "chain-test", "test",
          [Part(f"cd {MK}", None), Part(f"python -m pytest -rA -q {NOCOV} -p no:cacheprovider "
                                        f"{TFILE} 2>&1 | tail -n 160", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-jsonpatch", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {MOD} {CLI} {TFILE} 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-jsonpatch-full", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,D,ANN {MOD} 2>&1 | head -n 1500", cp, n_ruff)
    cap("mypy-strict-jsonpatch-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable {MOD} {CLI} 2>&1 | tail -n 600", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-jsonpatch", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TFILE} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {TFILE} 2>&1 | tail -n 150",
                n_mypy, ";")],
          cp, timeout=1200)


SUBS = r"""
import jsonpatch


class WeirPlanError(Exception):
    pass


PLAN = {"flight": "Caen Hill", "locks": [{"no": 29, "rise": 2.1}, {"no": 30, "rise": 2.0}],
        "keeper": {"name": "A. Brimble", "shift": "early"}}
PATCHES = {
    "summer": [{"op": "replace", "path": "/keeper/shift", "value": "late"},
               {"op": "add", "path": "/locks/-", "value": {"no": 31, "rise": 1.9}}],
    "winter": [{"op": "remove", "path": "/locks/1"},
               {"op": "remove", "path": "/paddles/upper"}],
}


def apply(name):
    try:
        return jsonpatch.apply_patch(PLAN, PATCHES[name])
    except (jsonpatch.JsonPatchException, jsonpatch.JsonPointerException) as exc:
        raise WeirPlanError(f"weir plan {name}: patch does not fit the flight") from exc


def apply_all():
    for name in PATCHES:
        try:
            plan = apply(name)
        except WeirPlanError as exc:
            raise RuntimeError(f"lock plan stopped at {name!r} ({len(PATCHES)} patches queued)") from exc
        print(f"{name:8} {len(plan['locks'])} locks, keeper on {plan['keeper']['shift']}")


apply_all()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "weirplan"
    d.mkdir()
    (d / "weirplan.py").write_text(SUBS)
    cap("python-chained-traceback-weirplan", "python3 weirplan.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """jsonpatch's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "jsonpatch-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('jsonpatch-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / MOD, repo / CLI, repo / TFILE]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, licence, README, docs, stubs'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-06 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-05-06 09:12:00"})
    rnd = random.Random(29702)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 400 if rel == TFILE else 150
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Jory Pascoe", "GIT_AUTHOR_EMAIL": "jory@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo, BUGS)
    (repo / "NOTES.local").write_text("adding at /locks/- put the new lock first; check AddOperation._add\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1500", "git log -p | head -n 1500", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-jsonpatch-L560-900", f"git blame -L 560,900 {MOD}", repo, n_blame, env=GIT_ENV)
    cap("git-show-jsonpatch-part-6", "git show ':/^jsonpatch: part 6 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-jsonpatch-pip-mypy-head-1100", f"ls -laR {MK} {site}/pip/_internal/operations "
        f"{site}/_pytest/_code {site}/mypy/server {site}/jsonpointer* | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/fill-range {JS}/node_modules/to-regex-range "
        f"{JS}/node_modules/vitest/dist {JS}/node_modules/@eslint {JS}/node_modules/eslint/lib/rules "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k3 -n | head -n 800", tmp, n_find)
    cap("tree-jsonpatch-and-typeshed", f"tree -L 2 {site}/pluggy {site}/mypy/typeshed/stdlib/email "
        f"{site}/_pytest/config {site}/pip/_vendor/rich {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 297013)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
        chain("chain-ps-aux-sort-rss-head", "chain-ps", "listing",
              [Part("ps aux --sort=-rss | head -n 45", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("top-b-n1-w220", "top -b -n 1 -w 220", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "share"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/perl5 "
        "/usr/share/X11 -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-zoneinfo-perl5-x11-head-900", "head -n 900 share.csv", d, n_csv)
    run("sqlite3 share.db \".mode csv\" \".import share.csv f\"", cwd=d)
    cap("sqlite-column-share-largest-280", "sqlite3 -header -column share.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 280\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-800", f"{VENV}/bin/pip inspect | head -n 800", d, n_pip_inspect,
        typed="pip inspect | head -n 800")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(29703)
gate = logging.getLogger("sluicegated.gate")
level = logging.getLogger("sluicegated.level")
ledger = logging.getLogger("sluicegated.ledger")
locks = ["caen-29", "caen-44", "bath-top", "widcombe", "devizes-50", "seend-21", "foxhangers", "bradford"]
for i in range(1500):
    lock = rnd.choice(locks)
    gate.debug("passage %d %s: boat %d ft, paddles open in %d s, fill %d.%02d m", i, lock, rnd.randint(20, 72),
               rnd.randint(3, 240), rnd.randint(1, 3), rnd.randint(0, 99))
    if i % 127 == 31:
        level.warning("%s: pound level %s mm under weir crest, %d min to recover", lock,
                      rnd.choice(["180", "240", "310"]), rnd.randint(4, 90))
    elif i == 433:
        try:
            raise ValueError("invalid literal for int() with base 10: '12a'")
        except ValueError:
            ledger.exception("passage %d %s: licence row 'boat 12a; narrowboat' not parsed", i, lock)
    elif i == 966:
        gate.error("passage %d (%s) refused: bottom gate paddle 3 jammed after %d cycles", i, lock, rnd.randint(3, 40) * 25)
    elif i == 1391:
        level.critical("level sensor on %s lost after %d s, flight closed to traffic", lock, 600 + i)
    elif i % 191 == 57:
        ledger.info("booked %d passages for %s", rnd.randint(10, 500), lock)
    gate.info("passage %d %s done, %d litres used", i, lock, rnd.randint(90000, 250000) if i != 1107 else 98000000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "sluicegated.py").write_text(SVCLOG)
    run("python3 sluicegated.py > sluicegated.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG sluicegated.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 sluicegated.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOCS = [(Path("/usr/share/doc/zlib1g-dev/examples"), "zlib_how.html"),
        (Path("/usr/share/doc/libxslt1-dev/html"), "xslt.html")]


def docs(tmp: Path) -> None:
    found = [(d, p) for d, p in DOCS if (d / p).is_file()]
    if not found:
        cm.note("skip docs: neither page is installed")
        return
    doc, page = found[0]
    server = cm.start(f"python3 -m http.server 18297 --bind 127.0.0.1 --directory {doc}")
    try:
        time.sleep(1.5)
        cap(f"curl-html-{page[:-5].lower().replace('_', '-')}",
            f"curl -s --noproxy '*' http://127.0.0.1:18297/{page}", tmp, n_html)
    finally:
        cm.stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
