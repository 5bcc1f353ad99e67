"""Round 292, Python and the machine: the sdist of unidiff (a real PyPI release: a parser of unified diffs into patched
files, hunks and lines) with a few bugs put in, run through its own tests with pytest, through ruff and mypy --strict,
and its code run wrongly into a chained traceback; a git history built here by committing unidiff's sources in steps
(log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm tools and the tools venv
(ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps aux, top -b);
the machine's /usr/share files (from find -printf) as a CSV and a sqlite table, and pip inspect; a toll road's gate
service's log; an installed Debian package's HTML documentation (python3's policy) served by python3 -m http.server
and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round
9b). Run through capture_wide292.py."""

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
from capture_wide292 import JS, SRC, VENV, cap

MK = "unidiff-1.0.1"
PKG = "unidiff"
AST = "unidiff/constants.py"
UTIL = "unidiff/patch.py"
TESTS = "tests"
TFILE = "tests/test_parser.py"
NOCOV = "-o addopts="  # kept as round 285 typed it (unidiff sets no addopts)
GIT_ENV = {"GIT_AUTHOR_NAME": "Odile Quarrington", "GIT_AUTHOR_EMAIL": "odile@example.org",
           "GIT_COMMITTER_NAME": "Odile Quarrington", "GIT_COMMITTER_EMAIL": "odile@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A file whose one hunk starts at line 0 is no longer an added file (it must start at 1); every file whose names differ
# after their a/ b/ prefixes is a rename no longer, every file whose names match is one; a hunk header without a source
# length counts 0 source lines, not 1; a removed line counts twice.
BUGS = [(UTIL, "self[0].source_start == 0 and", "self[0].source_start == 1 and"),
        (UTIL, "and self.source_file[2:] != self.target_file[2:])", "and self.source_file[2:] == self.target_file[2:])"),
        (UTIL, "            src_len = 1\n", "            src_len = 0\n"),
        (UTIL, "                    removed += 1\n", "                    removed += 2\n")]

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
    cap("pytest-unidiff-v-tb-long", f"python -m pytest -v --tb=long {NOCOV} -p no:cacheprovider {TESTS} 2>&1", cp,
        n_pytest, env=env, timeout=1200)
    chain("chain-unidiff-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOCOV} -p no:cacheprovider {TFILE}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-unidiff-k-rename-added-rA-tb-short", f"pytest -rA --tb=short {NOCOV} -p no:cacheprovider "
        f"-k 'rename or added or hunk or binary or deleted or mode' {TFILE} 2>&1", cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-150", "chain-test", "test",
          [Part(f"cd {MK}", None), Part(f"python -m pytest -rA -q {NOCOV} -p no:cacheprovider "
                                        f"{TESTS} 2>&1 | tail -n 150", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-unidiff", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} {TESTS} 2>&1 | head -n 1000", cp, n_ruff)
    cap("ruff-unidiff-full-patch", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,PT,D,ANN {UTIL} 2>&1 | head -n 1500", cp, n_ruff)
    cap("mypy-strict-unidiff-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable {PKG} 2>&1 | tail -n 600", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-unidiff", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {UTIL} 2>&1 | tail -n 150",
                n_mypy, ";")],
          cp, timeout=1200)


SUBS = r"""
from unidiff import PatchSet, UnidiffParseError


class TollReviewError(Exception):
    pass


GOOD = '''--- a/gates.txt
+++ b/gates.txt
@@ -1,3 +1,4 @@
 north 2.40
-south 1.80
+south 1.95
+west 3.10
 east 2.05
'''
SHORT = '''--- a/tariff.txt
+++ b/tariff.txt
@@ -1,4 +1,5 @@
 car 1.20
-van 2.40
+van 2.55
+lorry 6.10
'''
PATCHES = {"gates": GOOD, "tariff": SHORT}


def review(name):
    try:
        patch = PatchSet(PATCHES[name])
    except UnidiffParseError as exc:
        raise TollReviewError(f"toll patch {name}: cannot review, the diff does not parse") from exc
    return patch.added, patch.removed


def review_all():
    for name in PATCHES:
        try:
            added, removed = review(name)
        except TollReviewError as exc:
            raise RuntimeError(f"toll review stopped at {name!r} ({len(PATCHES)} patches queued)") from exc
        print(f"{name:8} +{added} -{removed}")


review_all()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "tollreview"
    d.mkdir()
    (d / "review_patches.py").write_text(SUBS)
    cap("python-chained-traceback-tollreview", "python3 review_patches.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """asteval's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "unidiff-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('unidiff-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / UTIL, repo / AST, repo / TFILE]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, licence, README, samples'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-11 08:41:00",
                       "GIT_COMMITTER_DATE": "2025-03-11 08:41:00"})
    rnd = random.Random(29202)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 260 if rel == TFILE else 130
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Piers Tolladine", "GIT_AUTHOR_EMAIL": "piers@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("renamed files came out as renames of themselves in the toll diff; check is_rename\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-patch", f"git blame {UTIL}", repo, n_blame, env=GIT_ENV)
    cap("git-show-patch-part-5", "git show ':/^patch: part 5 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-unidiff-pip-mypy-head-1100", f"ls -laR {MK} {site}/pip/_internal/network "
        f"{site}/_pytest/assertion {site}/mypy/plugins {site}/pluggy | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/to-regex-range {JS}/node_modules/is-number {JS}/node_modules/@vitest "
        f"{JS}/node_modules/rollup/dist {JS}/node_modules/espree {JS}/node_modules/eslint/lib/linter "
        f"{JS}/node_modules/typescript -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k5 | head -n 800", tmp, n_find)
    cap("tree-unidiff-and-typeshed", f"tree -L 2 {site}/packaging {site}/mypyc/irbuild "
        f"{site}/mypy/typeshed/stdlib/os {site}/pip/_vendor/urllib3 {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 292011)) for i in range(250000))'")
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
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/i18n/charmaps /usr/share/mime /usr/share/vim "
        "-maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-charmaps-mime-vim-head-900", "head -n 900 share.csv", d, n_csv)
    run("sqlite3 share.db \".mode csv\" \".import share.csv f\"", cwd=d)
    cap("sqlite-column-share-largest-300", "sqlite3 -header -column share.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-800", f"{VENV}/bin/pip inspect | head -n 800", d, n_pip_inspect,
        typed="pip inspect | head -n 800")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(29203)
lane = logging.getLogger("tollgated.lane")
barrier = logging.getLogger("tollgated.barrier")
ledger = logging.getLogger("tollgated.ledger")
gates = ["north-4", "quayside", "ridgeway", "stonebridge", "turnpike-7", "wychford", "upmoor", "tarrant"]
for i in range(1500):
    gate = rnd.choice(gates)
    lane.debug("vehicle %d %s: class %d, tag read in %d ms, paid %d.%02d", i, gate, rnd.randint(1, 5),
               rnd.randint(3, 900), rnd.randint(1, 9), rnd.randint(0, 99))
    if i % 131 == 29:
        barrier.warning("%s: barrier arm took %s ms to rise, %d over the limit", gate,
                        rnd.choice(["2210", "3080", "1950"]), rnd.randint(400, 1500))
    elif i == 417:
        try:
            raise ValueError("could not convert string to float: '3,20'")
        except ValueError:
            ledger.exception("vehicle %d %s: tariff row 'class 3; 3,20' not parsed", i, gate)
    elif i == 958:
        barrier.error("lane of vehicle %d (%s) closed: loop detector 2 stuck after %d passes", i, gate, rnd.randint(3, 40) * 25)
    elif i == 1372:
        lane.critical("tag reader on %s lost after %d s, lane switched to cash only", gate, 600 + i)
    elif i % 197 == 53:
        ledger.info("settled %d transactions for %s", rnd.randint(10, 500), gate)
    lane.info("vehicle %d %s passed, fare %d pence", i, gate, rnd.randint(80, 950) if i != 1089 else 7400000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "tollgated.py").write_text(SVCLOG)
    run("python3 tollgated.py > tollgated.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG tollgated.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 tollgated.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOCS = [(Path("/usr/share/doc/python3"), "python-policy.html"), (Path("/usr/share/doc/w3m"), "MANUAL.html")]


def docs(tmp: Path) -> None:
    found = [(d, p) for d, p in DOCS if (d / p).is_file()]
    if not found:
        cm.note("skip docs: neither page is installed")
        return
    DOC, PAGE = found[0]
    server = cm.start(f"python3 -m http.server 18292 --bind 127.0.0.1 --directory {DOC}")
    try:
        time.sleep(1.5)
        cap(f"curl-html-{PAGE[:-5].lower()}", f"curl -s http://127.0.0.1:18292/{PAGE}", tmp, n_html)
    finally:
        stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
