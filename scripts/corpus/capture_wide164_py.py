"""Round 164, Python and the machine: the sdist of wcmatch (a real PyPI release: wildcard path matching with
fnmatch, glob and globmatch, brace, extglob and globstar syntax) with a few bugs put in, run
through its own test suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained
traceback; a git history built here by committing wcmatch's sources in steps (log -p, log --stat, blame,
show, status and diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree);
the machine's process table with a busy process started on purpose (ps aux, top -b); the machine's shared libraries (from
find -printf) as a CSV and a sqlite table, and pip inspect; a backup agent's log; an installed Debian package's
HTML documentation (texlive-doc's urlbst page) served by python3 -m http.server and fetched with curl. Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide164.py."""


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
from capture_wide164 import JS, SRC, VENV, cap

MK = "wcmatch-12.0.3"
FB = "wcmatch/_wcparse.py"
EXT = "wcmatch/glob.py"
SUB = "tests/test_fnmatch.py tests/test_wcparse.py tests/test_globmatch.py tests/test_wcmatch.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ilse Vandenberghe", "GIT_AUTHOR_EMAIL": "ilse@example.org",
           "GIT_COMMITTER_NAME": "Ilse Vandenberghe", "GIT_COMMITTER_EMAIL": "ilse@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# escape() no longer doubles backslashes; with EXTMATCH a pattern starting `!(` counts as a negation while a plain
# `!` one does not (the bracket test inverted); the pattern limit trips when the expansions reach it, not exceed it.
BUGS = [(FB, "    pattern = pattern.replace(slash, double_slash)", "    pattern = pattern.replace(slash, slash)"),
        (FB, "and pattern[1:2] not in ROUND_BRACKET)", "and pattern[1:2] in ROUND_BRACKET)"),
        (FB, "if 0 < limit < total:", "if 0 < limit <= total:")]

PURE: dict = {}


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
    # the whole suite takes minutes here (test_glob and test_pathlib walk real trees): most runs take the four
    # matching-only modules, as an agent narrows a slow suite
    cap("pytest-wcmatch-v-tail-1500", f"python -m pytest -v -p no:cacheprovider {SUB} 2>&1 | tail -n 1500", cp,
        n_pytest, env=env, timeout=900)
    chain("chain-wcmatch-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-wcmatch-tb-long-tail-900", "pytest -q --tb=long -p no:cacheprovider tests/test_wcparse.py "
        "tests/test_wcmatch.py 2>&1 | tail -n 900", cp, n_pytest, env=env, timeout=900)
    cap("pytest-wcmatch-k-escape-limit-rA", "pytest -q -rA -p no:cacheprovider tests/test_fnmatch.py "
        "tests/test_globmatch.py -k 'escape or limit or negat' 2>&1 | tail -n 500", cp, n_pytest, env=env,
        timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-wcmatch-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise wcmatch tests 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-glob-wcmatch-util-pathlib", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN "
        f"{EXT} wcmatch/wcmatch.py wcmatch/util.py wcmatch/pathlib.py wcmatch/fnmatch.py", cp, n_ruff)
    cap("mypy-strict-wcmatch-tests", "mypy --strict --no-incremental wcmatch tests "
        "2>&1 | tail -n 600", cp, n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-wcmatch", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP --output-format=concise .", n_ruff),
           Part("mypy --strict --no-incremental tests/test_glob.py 2>&1 | tail -n 150", n_mypy, ";")], cp,
          timeout=900)


BACKUP = r"""
import os
from wcmatch import glob


class BackupError(Exception):
    pass


def select(root, includes, excludes):
    try:
        return glob.glob(includes, root_dir=root, exclude=excludes,
                         flags=glob.GLOBSTAR | glob.BRACE | glob.EXTGLOB | glob.NEGATE | glob.DOTGLOB)
    except Exception as exc:
        raise BackupError(f"backup set {root!r}: {len(includes)} include patterns could not be expanded") from exc


root = os.path.dirname(os.path.abspath(__file__))
for name in ("ledger", "photos"):
    os.makedirs(os.path.join(root, name, "2026"), exist_ok=True)
    for m in range(1, 4):
        open(os.path.join(root, name, "2026", f"{name}-{m:02}.dat"), "w").close()
print("set daily", sorted(select(root, ["**/*.dat"], ["**/photos-03.dat"])))
print("set months", sorted(select(root, ["*/2026/*-{01..02}.dat"], [])))
# a rule written to cover every day of every month of every year of the archive
print("set archive", select(root, ["archive/{2019..2026}/{01..12}/{01..31}/*.{tar,zst}"], []))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "backup"
    d.mkdir()
    (d / "backup.py").write_text(BACKUP)
    cap("python-chained-traceback-backup", "python3 backup.py", d, n_chained, env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """wcmatch's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "wcmatch-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('wcmatch-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / "wcmatch/util.py", repo / FB, repo / "wcmatch/fnmatch.py", repo / "tests/test_fnmatch.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, glob, pathlib, docs'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-02-17 10:41:00",
                       "GIT_COMMITTER_DATE": "2025-02-17 10:41:00"})
    rnd = random.Random(16402)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 75
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{4 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Tomasz Wierzbicki", "GIT_AUTHOR_EMAIL": "tomasz@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("escape() stopped doubling backslashes, see _wcparse.escape\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-L-wcparse-py", f"git blame -L 430,900 {FB}", repo, n_blame, env=GIT_ENV)
    cap("git-show-wcparse-part-9", "git show ':/^_wcparse: part 9'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-25", "git diff HEAD~25 -- wcmatch", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-wcmatch-sdist-and-bracex-pytest", f"ls -laR {MK} {site}/_pytest/_code {site}/_pytest/mark {site}/bracex "
        f"{site}/pluggy {site}/pygments/lexers", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/eslint/lib/linter {JS}/node_modules/eslint/lib/cli-engine "
        f"{JS}/node_modules/ini {JS}/node_modules/vite {JS}/node_modules/@vitest "
        f"{JS}/node_modules/typescript/lib {JS}/node_modules/espree -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700",
        tmp, n_find)
    cap("tree-site-packages-typeshed-mypyc", f"tree -L 2 {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/multiprocessing {site}/mypy/typeshed/stdlib/concurrent {site}/mypyc/codegen "
        f"{site}/mypyc/lib-rt {site}/bracex {site}/_pytest/assertion", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 7919)) for i in range(230000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w220", "top -b -n 1 -w 220", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "libs"
    d.mkdir()
    run("(echo 'name,dir,bytes,type,links,modified'; find /usr/lib/x86_64-linux-gnu -maxdepth 2 "
        "\\( -type f -o -type l \\) -name '*.so*' -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sed 's#,/usr/lib/x86_64-linux-gnu#,.#' | sort) > libs.csv", cwd=d)
    cap("csv-shared-libs-head-1000", "head -n 1000 libs.csv", d, n_csv)
    run("sqlite3 libs.db \".mode csv\" \".import libs.csv lib\"", cwd=d)
    cap("sqlite-column-libs-largest-400", "sqlite3 -header -column libs.db \"SELECT name, dir, CAST(bytes AS INT) "
        "AS bytes, type, links, modified FROM lib WHERE type = 'f' ORDER BY CAST(bytes AS INT) DESC, name LIMIT 400\"",
        d, n_sqlite_col)
    cap("pip-inspect-tools-venv", f"{VENV}/bin/pip inspect", d, n_pip_inspect, typed="pip inspect")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(16403)
scan = logging.getLogger("coffer.scan")
rules = logging.getLogger("coffer.rules")
vault = logging.getLogger("coffer.vault")
hosts = ["ws-ledger-01", "ws-ledger-02", "nas-photos", "build-07", "build-08", "laptop-ilse"]
for i in range(1300):
    h = rnd.choice(hosts)
    scan.debug("pass %d on %s matched %d files (%d bytes)", i, h, rnd.randint(1, 900), rnd.randint(300, 9_000_000))
    if i % 163 == 47:
        rules.warning("%s: pattern '**/.cache/**' excluded %d files larger than the quota", h, rnd.randint(5, 900))
    elif i == 402:
        try:
            raise ValueError("Pattern limit exceeded the limit of %d" % rnd.choice([1000, 2000]))
        except ValueError:
            rules.exception("pass %d on %s: include set unreadable", i, h)
    elif i == 871:
        vault.error("pass %d for %s rejected: chunk %d checksum mismatch", i, h, rnd.randint(10**9, 2 * 10**9))
    elif i == 1244:
        vault.critical("vault volume full after %d passes, refusing writes", i)
    elif i % 211 == 29:
        scan.info("walker pool %s resized to %d", rnd.choice(["fast", "deep"]), rnd.randint(4, 16))
    vault.info("pass %d of %s stored in %dms", i, h, rnd.randint(3, 220) if i != 1017 else 38700)
"""


def app_log(tmp: Path) -> None:
    (tmp / "coffer.py").write_text(SVCLOG)
    run("python3 coffer.py > coffer.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG coffer.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 coffer.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/texlive-doc/bibtex/urlbst")


def docs(tmp: Path) -> None:
    if not (DOC / "urlbst.html").is_file():
        cm.note("skip docs: no urlbst.html")
        return
    cm.start(f"python3 -m http.server 18964 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-urlbst", "curl -s http://127.0.0.1:18964/urlbst.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
