"""Round 176, Python and the machine: the sdist of stamina (a real PyPI release: retries with exponential backoff and
jitter over tenacity, for functions, context blocks and async code) with a few bugs put in, run through its own test
suite with pytest, through ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history
built here by committing stamina's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the
unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy
process started on purpose (ps aux, top -b); the machine's C headers under /usr/include (from find -printf) as a CSV and
a sqlite table, and pip inspect; a mirror-sync agent's log; an installed Debian package's HTML documentation
(ninja-build's manual) served by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide176.py."""


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
from capture_wide176 import JS, SRC, VENV, cap

MK = "stamina-26.1.0"
CORE = "src/stamina/_core.py"
CONF = "src/stamina/_config.py"
DATA = "src/stamina/instrumentation/_data.py"
GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Oyelaran", "GIT_AUTHOR_EMAIL": "maren@example.org",
           "GIT_COMMITTER_NAME": "Maren Oyelaran", "GIT_COMMITTER_EMAIL": "maren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# The backoff's exponent no longer starts at 0 (every wait doubled before the clamp); a retried callable is named by
# its bare `__name__`, not its qualified name; the attempts limit lets one attempt more through; the testing mode's
# attempt cap takes the larger of the two counts, not the smaller.
BUGS = [(CORE, "initial * (exp_base ** (num - 1)) + jitter", "initial * (exp_base ** num) + jitter"),
        (DATA, 'name = getattr(obj, "__qualname__", None)', 'name = getattr(obj, "__name__", None)'),
        (CORE, "stops.append(_t.stop_after_attempt(attempts))", "stops.append(_t.stop_after_attempt(attempts + 1))"),
        (CONF, "return min(self.attempts, non_testing_attempts or self.attempts)",
         "return max(self.attempts, non_testing_attempts or self.attempts)")]

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
    # the suite's conftest and test_packaging read stamina's installed metadata: the sdist's PKG-INFO is put beside
    # the sources as the dist-info `pip install -e .` would leave
    meta = cp / "src" / f"{MK}.dist-info"
    meta.mkdir()
    (meta / "METADATA").write_text((cp / "PKG-INFO").read_text())
    env = {"PYTHONPATH": str(cp / "src"), **PURE}
    cap("pytest-stamina-v", "python -m pytest -v -p no:cacheprovider tests 2>&1", cp, n_pytest, env=env, timeout=900)
    chain("chain-stamina-pytest-x-q-exit", "chain-test-exit", "test",
          [Part("pytest -x -q -p no:cacheprovider tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-stamina-tb-long-tail-900", "pytest -q --tb=long -p no:cacheprovider tests/test_sync.py "
        "tests/test_instrumentation.py 2>&1 | tail -n 900", cp, n_pytest, env=env, timeout=900)
    cap("pytest-stamina-k-guess-hooks-cap-rA", "pytest -q -rA -p no:cacheprovider tests/test_instrumentation.py "
        "tests/test_config.py -k 'guess or hooks or cap' 2>&1 | tail -n 500", cp, n_pytest, env=env,
        timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-stamina-head-900", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise src tests 2>&1 | head -n 900", cp, n_ruff)
    cap("ruff-stamina-src-test-sync", "ruff check --no-cache --isolated --select E,F,W,B,UP,SIM,PL,N,ANN,PT,RET "
        "src/stamina tests/test_sync.py", cp, n_ruff)
    cap("mypy-strict-stamina-tests", "mypy --strict --no-incremental --config-file /dev/null src/stamina tests "
        "2>&1 | tail -n 600", cp, n_mypy, timeout=900)
    chain("chain-ruff-then-mypy-stamina", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT --output-format=concise .", n_ruff),
           Part("mypy --strict --no-incremental --config-file /dev/null tests/test_instrumentation.py 2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=900)


MIRROR = r"""
import datetime as dt
import stamina


class MirrorSyncError(Exception):
    pass


class Upstream:
    def __init__(self, name, failures):
        self.name, self.failures, self.calls = name, failures, 0

    def fetch_index(self, release):
        self.calls += 1
        if self.calls <= self.failures:
            raise ConnectionResetError(f"{self.name}: connection reset while reading {release}/Release")
        return {"release": release, "files": 4210 + self.calls}


@stamina.retry(on=ConnectionResetError, attempts=4, wait_initial=0.01, wait_max=0.05, wait_jitter=0.0,
               timeout=dt.timedelta(seconds=5))
def pull(up, release):
    return up.fetch_index(release)


def sync(up, release):
    try:
        return pull(up, release)
    except ConnectionResetError as exc:
        raise MirrorSyncError(f"mirror of {release} from {up.name} gave up after {up.calls} calls") from exc


print("bookworm", sync(Upstream("deb.example.net", 2), "bookworm"))
print("trixie", sync(Upstream("deb.example.net", 3), "trixie"))
# the far mirror drops every connection
print("sid", sync(Upstream("ftp.far.example.org", 99), "sid"))
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "mirror"
    d.mkdir()
    (d / "mirror.py").write_text(MIRROR)
    cap("python-chained-traceback-mirror", "python3 mirror.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK / "src"), **PURE})


def git_history(tmp: Path) -> None:
    """stamina's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "stamina-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('stamina-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / CONF, repo / CORE, repo / DATA, repo / "tests/test_sync.py",
             repo / "tests/test_async.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, instrumentation hooks, docs'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-04 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-03-04 09:12:00"})
    rnd = random.Random(17602)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 60
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{4 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Dawit Haile", "GIT_AUTHOR_EMAIL": "dawit@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("waits look doubled in staging, see _core._compute_backoff\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-L-core-py", f"git blame -L 440,913 {CORE}", repo, n_blame, env=GIT_ENV)
    cap("git-show-core-part-8", "git show ':/^_core: part 8'", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-diff-head-30", "git diff HEAD~30 -- src", repo, n_diff, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-stamina-sdist-and-tenacity-anyio", f"ls -laR {MK} {site}/tenacity {site}/anyio {site}/structlog "
        f"{site}/dirty_equals {site}/prometheus_client", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-700", f"find {JS}/node_modules/json5 {JS}/node_modules/eslint/lib/rules "
        f"{JS}/node_modules/vitest/dist {JS}/node_modules/@vitest/runner {JS}/node_modules/typescript/lib "
        f"{JS}/node_modules/rollup -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k5 | head -n 700",
        tmp, n_find)
    cap("tree-site-packages-trio-anyio-typeshed", f"tree -L 2 {site}/trio {site}/anyio {site}/mypy/typeshed/stdlib/asyncio "
        f"{site}/mypy/typeshed/stdlib/xml {site}/tenacity {site}/prometheus_client", tmp, n_tree)
    busy = cm.start("timeout 25 python3 -c 'while True: sum(len(str(i * 104729)) for i in range(240000))'")
    time.sleep(3)
    cap("ps-aux-busy", "ps aux", tmp, n_ps_aux)
    chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
          [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
    cap("top-b-n1-w220", "top -b -n 1 -w 220", tmp, n_top)
    busy.kill()


def tables(tmp: Path) -> None:
    d = tmp / "headers"
    d.mkdir()
    run("(echo 'name,dir,bytes,type,links,modified'; find /usr/include -maxdepth 3 "
        "\\( -type f -o -type l \\) -name '*.h' -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' "
        "| sed 's#,/usr/include#,.#' | sort) > headers.csv", cwd=d)
    cap("csv-usr-include-headers-head-1000", "head -n 1000 headers.csv", d, n_csv)
    run("sqlite3 headers.db \".mode csv\" \".import headers.csv hdr\"", cwd=d)
    cap("sqlite-column-headers-largest-400", "sqlite3 -header -column headers.db \"SELECT name, dir, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM hdr WHERE type = 'f' ORDER BY CAST(bytes AS INT) "
        "DESC, name LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-800", f"{VENV}/bin/pip inspect | head -n 800", d, n_pip_inspect,
        typed="pip inspect | head -n 800")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(17603)
fetch = logging.getLogger("debmirror.fetch")
retry = logging.getLogger("debmirror.retry")
store = logging.getLogger("debmirror.store")
suites = ["bookworm/main", "bookworm/contrib", "trixie/main", "trixie/non-free", "sid/main", "bookworm-security"]
for i in range(1300):
    s = rnd.choice(suites)
    fetch.debug("round %d %s: %d packages listed (%d bytes)", i, s, rnd.randint(20, 6000), rnd.randint(900, 9_000_000))
    if i % 157 == 41:
        retry.warning("%s: retrying Packages.xz after connection reset, attempt %d of 10", s, rnd.randint(2, 9))
    elif i == 388:
        try:
            raise ConnectionResetError("[Errno 104] Connection reset by peer")
        except ConnectionResetError:
            retry.exception("round %d %s: gave up after 10 attempts", i, s)
    elif i == 902:
        store.error("round %d %s rejected: Release.gpg signature by unknown key %X", i, s, rnd.randint(2**40, 2**44))
    elif i == 1251:
        store.critical("pool volume full after %d rounds, refusing writes", i)
    elif i % 203 == 17:
        fetch.info("connection pool %s resized to %d", rnd.choice(["near", "far"]), rnd.randint(2, 12))
    store.info("round %d of %s stored in %dms", i, s, rnd.randint(4, 260) if i != 1033 else 41200)
"""


def app_log(tmp: Path) -> None:
    (tmp / "debmirror.py").write_text(SVCLOG)
    run("python3 debmirror.py > debmirror.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG debmirror.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 debmirror.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/ninja-build")


def docs(tmp: Path) -> None:
    if not (DOC / "manual.html").is_file():
        cm.note("skip docs: no ninja-build manual.html")
        return
    cm.start(f"python3 -m http.server 18976 --bind 127.0.0.1 --directory {DOC}")
    time.sleep(1.5)
    cap("curl-html-ninja-manual", "curl -s http://127.0.0.1:18976/manual.html", tmp, n_html)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
