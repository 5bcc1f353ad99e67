"""Round 251, Python and the machine: the sdist of bitmath (a real PyPI release: file sizes in bit and byte units, NIST
and SI prefixes, conversion between units, best-prefix humanizing, parsing size strings) with a few bugs put in, run
through its own test suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained
traceback; a git history built here by committing bitmath's sources in steps (log -p, log --stat, blame, show, status
and diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's
process table with a busy process started on purpose (ps aux, top -b); the machine's /usr/share files (from find
-printf) as a CSV and a sqlite table, and pip inspect; a backup service's log; an installed Debian package's HTML
documentation served by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide251.py."""



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
from capture_wide251 import JS, SRC, VENV, cap

MK = "bitmath-2.1.1"
PKG = "bitmath"
INIT = "bitmath/__init__.py"
TESTS = "tests"
GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Oduya", "GIT_AUTHOR_EMAIL": "maren@example.org",
           "GIT_COMMITTER_NAME": "Maren Oduya", "GIT_COMMITTER_EMAIL": "maren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# best_prefix rounds the prefix's power instead of truncating it (600 KiB comes out in MiB); a <= b is a < b between
# two bitmath instances; the lenient parser puts an upper-case I into a NIST unit ("4Ki" reads as "KIB").
BUGS = [(INIT, "_index = int(math.log(abs(_inst.bytes), _base))", "_index = round(math.log(abs(_inst.bytes), _base))"),
        (INIT, "return self._byte_value <= other.bytes", "return self._byte_value < other.bytes"),
        (INIT, "_unit.insert(1, 'i')", "_unit.insert(1, 'I')")]

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
    cap("pytest-bitmath-v-tb-long", "python -m pytest -v --tb=long -p no:cacheprovider "
        f"{TESTS} 2>&1", cp, n_pytest, env=env, timeout=1200)
    chain("chain-bitmath-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider {TESTS}/test_rich_comparison.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-bitmath-best-prefix-tb-short-rA", f"pytest -rA --tb=short -p no:cacheprovider "
        f"{TESTS}/test_best_prefix_NIST.py {TESTS}/test_best_prefix_SI.py {TESTS}/test_parse_unsafe.py 2>&1", cp,
        n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-150", "chain-test", "test",
          [Part(f"cd {MK}", None), Part("python -m pytest -rA -q -p no:cacheprovider "
                                        f"{TESTS} 2>&1 | tail -n 150", n_pytest, "&&")], tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-bitmath", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} {TESTS} 2>&1 | head -n 1000", cp, n_ruff)
    cap("ruff-bitmath-full-init-tests", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,PT,D,ANN {INIT} {TESTS}/test_parse_strict.py 2>&1 | head -n 1500", cp,
        n_ruff)
    cap("mypy-strict-bitmath-and-tests", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable {PKG} {TESTS} 2>&1 | tail -n 600", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-bitmath", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {PKG} 2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=1200)


QUOTA = r"""
import bitmath


class QuotaError(Exception):
    pass


VOLUMES = {"home": ("2.5 TiB", "1.9 TiB"), "scratch": ("800 GiB", "612.4 GiB"), "media": ("12 TB", "9.75 TB"),
           "backup": ("4 TiB", "3.1 tebibytes"), "logs": ("200 GiB", "41 GiB")}


def usage(name):
    size, used = VOLUMES[name]
    try:
        total, taken = bitmath.parse_string(size), bitmath.parse_string(used)
    except ValueError as exc:
        raise QuotaError(f"volume {name}: cannot read sizes {size!r} / {used!r}") from exc
    return taken / total, (total - taken).best_prefix()


for name in VOLUMES:
    share, free = usage(name)
    print(f"{name:8} {share:6.1%} used, {free} free")
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "quota"
    d.mkdir()
    (d / "quota.py").write_text(QUOTA)
    cap("python-chained-traceback-quota", "python3 quota.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})

def git_history(tmp: Path) -> None:
    """bitmath's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "bitmath-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('bitmath-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / INIT, repo / f"{TESTS}/test_best_prefix_NIST.py", repo / f"{TESTS}/test_parse_unsafe.py",
             repo / f"{TESTS}/test_rich_comparison.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, licence, README'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-02-03 10:41:00",
                       "GIT_COMMITTER_DATE": "2025-02-03 10:41:00"})
    rnd = random.Random(25102)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 110 if rel == INIT else 45
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{2 + n // 14:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Pell Arkwright", "GIT_AUTHOR_EMAIL": "pell@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("600 KiB prints as MiB after the prefix change? check best_prefix\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-test-best-prefix-nist", f"git blame {TESTS}/test_best_prefix_NIST.py", repo, n_blame, env=GIT_ENV)
    cap("git-show-init-part-9", "git show ':/^__init__: part 9 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-bitmath-hypothesis-pip", f"ls -laR {MK} {site}/hypothesis/strategies {site}/pip/_internal/commands "
        f"{site}/_pytest/config {site}/mypy/plugins", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/compare-versions {JS}/node_modules/vitest "
        f"{JS}/node_modules/rollup/dist {JS}/node_modules/espree {JS}/node_modules/eslint/lib/linter "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k5 | head -n 800", tmp, n_find)
    cap("tree-hypothesis-and-typeshed", f"tree -L 2 {site}/hypothesis {site}/mypyc/ir "
        f"{site}/mypy/typeshed/stdlib/asyncio {site}/pip/_vendor/rich {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 251017)) for i in range(250000))'")
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
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/i18n /usr/share/mime /usr/share/doc "
        "/usr/share/doc -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-i18n-mime-doc-head-900", "head -n 900 share.csv", d, n_csv)
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
rnd = random.Random(25103)
snap = logging.getLogger("vaultd.snapshot")
quota = logging.getLogger("vaultd.quota")
prune = logging.getLogger("vaultd.prune")
vols = ["home", "scratch", "media", "backup", "logs", "mail", "builds"]
for i in range(1300):
    vol = rnd.choice(vols)
    snap.debug("snapshot %d %s: %d chunks scanned, %d new, %dms", i, vol, rnd.randint(200, 9000),
               rnd.randint(0, 400), rnd.randint(3, 900))
    if i % 149 == 37:
        quota.warning("%s: %d%% of quota used, best prefix %s", vol, rnd.randint(85, 98),
                      rnd.choice(["GiB", "TiB", "MiB"]))
    elif i == 412:
        try:
            raise ValueError("The unit tebibytes is not a valid bitmath unit")
        except ValueError:
            quota.exception("snapshot %d %s: quota string '3.1 tebibytes' not parsed", i, vol)
    elif i == 877:
        prune.error("prune of %s kept %d snapshots past retention, lock held by pid %d", vol, rnd.randint(3, 40),
                    rnd.randint(2000, 9000))
    elif i == 1190:
        snap.critical("repository index checksum mismatch after %d s, snapshots paused", 600 + i)
    elif i % 211 == 23:
        prune.info("prune of %s freed %d chunks", vol, rnd.randint(10, 5000))
    snap.info("snapshot %d of %s stored, %d MiB", i, vol, rnd.randint(1, 900) if i != 1033 else 88000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "vaultd.py").write_text(SVCLOG)
    run("python3 vaultd.py > vaultd.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG vaultd.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 vaultd.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/astyle/html")


def docs(tmp: Path) -> None:
    if not (DOC / "astyle.html").is_file():
        cm.note("skip docs: no astyle astyle.html")
        return
    server = cm.start(f"python3 -m http.server 18251 --bind 127.0.0.1 --directory {DOC}")
    try:
        time.sleep(1.5)
        cap("curl-html-astyle-manual", "curl -s http://127.0.0.1:18251/astyle.html", tmp, n_html)
    finally:
        stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
