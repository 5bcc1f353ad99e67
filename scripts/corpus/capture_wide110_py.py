"""Round 110, Python and the machine: the sdist of diff-match-patch (a real PyPI release: Google's text diffing, matching
and patching library) with a few bugs put in, run through its own test suite with pytest, through ruff and mypy
--strict, and its code run wrongly into a chained traceback; a git history built here by committing diff-match-patch's
sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm tools and
the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose (ps
aux, top -b); the machine's installed Debian packages as a CSV and a sqlite table, and pip inspect; a sync service's
log; an installed Debian package's HTML documentation (a page of groff's mom manual) served by python3 -m http.server
and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round
9b). Run through capture_wide110.py."""

from __future__ import annotations

import random
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
from capture_wide110 import JS, SRC, VENV, cap

DMP = "diff_match_patch-20241021"
MOD = "diff_match_patch/diff_match_patch.py"
TESTS = "diff_match_patch/tests"
GIT_ENV = {"GIT_AUTHOR_NAME": "Tomasz Wierzbicki", "GIT_AUTHOR_EMAIL": "tomasz@example.org",
           "GIT_COMMITTER_NAME": "Tomasz Wierzbicki", "GIT_COMMITTER_EMAIL": "tomasz@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
BUGS = [(MOD, "        levenshtein += max(insertions, deletions)\n        return levenshtein",
         "        levenshtein += min(insertions, deletions)\n        return levenshtein"),
        (MOD, "elif self.length1 == 1:\n            coords1 = str(self.start1 + 1)",
         "elif self.length1 == 1:\n            coords1 = str(self.start1)"),
        (MOD, 'text.append("+" + urllib.parse.quote(data, "!~*\'();/?:@&=+$,# "))',
         'text.append("+" + urllib.parse.quote(data, "!~*\'();/?:@&=+$,#"))')]


def put_bugs(root: Path) -> None:
    for rel, old, new in BUGS:
        f = root / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))


def py_tests(tmp: Path) -> None:
    cp = tmp / DMP
    put_bugs(cp)
    env = {"PYTHONPATH": str(cp)}
    cap("pytest-diff-match-patch-tests", f"python -m pytest -p no:cacheprovider {TESTS} 2>&1 | tail -n 1500", cp,
        n_pytest, env=env, timeout=900)
    chain("chain-dmp-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {TESTS}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-dmp-tb-long-rA-tail-600", f"pytest -q --tb=long -rA -p no:cacheprovider {TESTS} 2>&1 | "
        "tail -n 600", cp, n_pytest, env=env, timeout=900)
    cap("pytest-dmp-k-patch-v", f"pytest -v -p no:cacheprovider {TESTS} -k 'patch or Patch or delta' 2>&1 | "
        "tail -n 300", cp, n_pytest, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / DMP
    cap("ruff-select-all-dmp-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise diff_match_patch 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-dmp-module", f"ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N {MOD}", cp, n_ruff)
    cap("mypy-strict-dmp", f"mypy --strict --no-incremental {MOD} 2>&1 | tail -n 600", cp, n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-dmp", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N --output-format=concise .", n_ruff),
           Part(f"mypy --strict --no-incremental {TESTS}/diff_match_patch_test.py 2>&1 | tail -n 150",
                n_mypy, ";")], cp, timeout=900)


SYNC = r'''
from diff_match_patch import diff_match_patch


class SyncConflict(Exception):
    pass


def apply_edit(doc_id, base, patch_text):
    dmp = diff_match_patch()
    try:
        patches = dmp.patch_fromText(patch_text)
    except ValueError as exc:
        raise SyncConflict(f"document {doc_id!r}: edit not applicable") from exc
    text, ok = dmp.patch_apply(patches, base)
    return text, all(ok)


EDITS = {
    "notes/standup.md": ("Monday: deploy\n", "@@ -1,7 +1,8 @@\n Monday:\n+ \n  deploy\n"),
    "notes/retro.md": ("went well: tests\n", "@@ -1,5 +1,5 @@\n went\n- well\n+ fine\n"),
    "notes/plan.md": ("Q3: search, sync\n", "@@ -1,4 +1,6 @@\n Q3:\n* search\n"),
}
for doc_id, (base, patch_text) in EDITS.items():
    print(doc_id, apply_edit(doc_id, base, patch_text))
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "sync"
    d.mkdir()
    (d / "sync.py").write_text(SYNC)
    cap("python-chained-traceback-sync", "python3 sync.py", d, n_chained, env={"PYTHONPATH": str(tmp / DMP)})


def git_history(tmp: Path) -> None:
    """diff-match-patch's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "dmp-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('diff_match_patch-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / DMP} {repo} && rm -rf {pristine}")
    files = [repo / MOD, repo / TESTS / "diff_match_patch_test.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && git commit -qm 'Skeleton: packaging, speed test'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-02-11 10:05:00",
                       "GIT_COMMITTER_DATE": "2025-02-11 10:05:00"})
    rnd = random.Random(11002)
    n = 0
    for rel in sorted(keep):
        body = keep[rel].splitlines(keepends=True)
        step = 240
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{2 + n // 14:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Aiyana Redcloud", "GIT_AUTHOR_EMAIL": "aiyana@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("delta encoding: spaces now %20? check diff_toDelta's safe set\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-dmp-L", f"git blame -L 1150,1750 {MOD}", repo, n_blame, env=GIT_ENV)
    cap("git-show-dmp-part-5", "git show ':/^diff_match_patch: part 5'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-5", f"git diff HEAD~5 -- {MOD}", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-dmp-sdist-and-mypyc", f"ls -laR {DMP} {site}/pluggy {site}/iniconfig", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/vitest {JS}/node_modules/fast-diff "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700", tmp, n_find)
    cap("tree-site-packages-pytest-typeshed", f"tree -L 2 {site}/_pytest {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/concurrent", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(hash(str(i)) for i in range(90000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 25", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "debs"
    d.mkdir()
    run("(echo 'package,version,arch,section,priority,installed_kb'; dpkg-query -W "
        "-f='\"${Package}\",\"${Version}\",\"${Architecture}\",\"${Section}\",\"${Priority}\",${Installed-Size}\\n' "
        "| sort) > debs.csv", cwd=d)
    cap("csv-debian-packages-head-900", "head -n 900 debs.csv", d, n_csv)
    run("sqlite3 debs.db \".mode csv\" \".import debs.csv debs\"", cwd=d)
    cap("sqlite-column-debs-by-size-limit-400", "sqlite3 -header -column debs.db \"SELECT package, version, arch, "
        "section, priority, CAST(installed_kb AS INT) AS installed_kb FROM debs ORDER BY CAST(installed_kb AS INT) "
        "DESC LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SYNCLOG = r'''
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(11003)
merge = logging.getLogger("docsync.merge")
store = logging.getLogger("docsync.store")
peers = logging.getLogger("docsync.peers")
docs = ["notes/standup.md", "notes/retro.md", "notes/plan.md", "wiki/onboarding.md", "wiki/oncall.md"]
for i in range(1400):
    rev = 52000 + i
    merge.debug("rev %d diffed %s: %d hunks", rev, rnd.choice(docs), rnd.randint(1, 14))
    if i % 211 == 37:
        peers.warning("peer %s lagging by %d revisions", rnd.choice(["ws-7", "ws-12", "ws-31"]), rnd.randint(40, 300))
    elif i == 402:
        try:
            raise ValueError("Invalid patch string: * search")
        except ValueError:
            merge.exception("rev %d patch for 'notes/plan.md' rejected", rev)
    elif i == 915:
        store.error("rev %d not persisted: disk quota exceeded on /srv/docsync", rev)
    elif i == 1288:
        store.critical("write-ahead log corrupt at offset 7340032, sync stopped")
    elif i % 230 == 19:
        store.info("compacted %d revisions into %d snapshots", rnd.randint(200, 900), rnd.randint(3, 12))
    merge.info("rev %d applied in %dms", rev, rnd.randint(2, 180) if i != 1111 else 48200)
'''


def app_log(tmp: Path) -> None:
    (tmp / "synclog.py").write_text(SYNCLOG)
    run("python3 synclog.py > docsync.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-800", "grep -v DEBUG docsync.log | tail -n 800", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 docsync.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/groff-base/html/mom")
# fontconfig's user manual was the page chosen first: its DocBook HTML breaks every heading tag across lines
# ("><H2" alone on a line), so the html rule finds no heading in it; groff's mom manual page replaced it.


def docs(tmp: Path) -> None:
    if not (DOC / "goodies.html").is_file():
        cm.note("skip docs: no goodies.html")
        return
    cm.start(f"python3 -m http.server 18810 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-groff-mom-goodies", "curl -s http://127.0.0.1:18810/goodies.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
