"""Round 305, Python and the machine: the sdist of furl (a real PyPI release: URLs parsed, built and changed as
objects, with their path, query and fragment) with a few bugs put in, run through its own tests with pytest, through
ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history built here by committing
furl's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm tools
and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on purpose
(ps aux, top -b); the machine's /usr/share files (from find -printf) as a CSV and a sqlite table, and pip inspect; a
water mill's hopper service's log; an installed Debian package's HTML documentation (libxslt's tutorial) served by
python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). Run through capture_wide305.py."""

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
from capture_wide305 import JS, SRC, VENV, cap

MK = "furl-2.1.4"
MOD = "furl/furl.py"
OMD = "furl/omdict1D.py"
TFILE = "tests/test_furl.py"
TESTS = "tests"
NOCOV = "-o addopts="  # as rounds 285, 292 and 297 typed it
GIT_ENV = {"GIT_AUTHOR_NAME": "Morwenna Polglase", "GIT_AUTHOR_EMAIL": "morwenna@example.org",
           "GIT_COMMITTER_NAME": "Morwenna Polglase", "GIT_COMMITTER_EMAIL": "morwenna@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# Port 65535 is refused as invalid; joining path segments keeps an empty segment it should drop; removing a relative
# path from the end no longer leaves the trailing slash (and a rooted one leaves it); a '+' in a query key stays a '+'.
BUGS = [(MOD, "if not port.isdigit() or not 0 < int(port) <= 65535:",
         "if not port.isdigit() or not 0 < int(port) < 65535:"),
        (MOD, "            if finals[-1] == '' and (segments[0] != '' or len(segments) > 1):",
         "            if finals[-1] == '' and segments[0] != '':"),
        (MOD, "            if remove[0] != '' and ret:", "            if remove[0] == '' and ret:"),
        (MOD, "            key_decoded = unquote(key.replace('+', ' '))", "            key_decoded = unquote(key)")]

PURE: dict = {}


def py_tests(tmp: Path) -> None:
    cp = tmp / MK
    put_bugs(cp, BUGS)
    env = {"PYTHONPATH": str(cp), **PURE}
    cap("pytest-furl-v-tb-short", f"python -m pytest -v --tb=short {NOCOV} -p no:cacheprovider {TESTS} 2>&1", cp,
        n_pytest, env=env, timeout=1200)
    chain("chain-furl-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOCOV} -p no:cacheprovider {TESTS}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-furl-k-port-path-query-rA-tb-long", f"pytest -rA --tb=long {NOCOV} -p no:cacheprovider "
        f"-k 'port or path or query or join' {TFILE} 2>&1 | head -n 1600", cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rf-tail-120", "chain-test", "test",
          [Part(f"cd {MK}", None), Part(f"python -m pytest -rf -q --tb=line {NOCOV} -p no:cacheprovider "
                                        f"{TESTS} 2>&1 | tail -n 120", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-furl", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise furl {TESTS} 2>&1 | head -n 1200", cp, n_ruff)
    cap("ruff-furl-full", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,D,ANN {MOD} 2>&1 | head -n 1400", cp, n_ruff)
    cap("mypy-strict-furl-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable --ignore-missing-imports furl 2>&1 | tail -n 700", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-tests", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TESTS} 2>&1 | head -n 450", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {OMD} 2>&1 | tail -n 150",
                n_mypy, ";")],
          cp, timeout=1200)


SUBS = r"""
from furl import furl


class HopperConfigError(Exception):
    pass


HOPPERS = {
    "stones": ("http://hopper.millrace.test/feed?grain=maris+widgeon", 8081),
    "bolter": ("http://hopper.millrace.test/sift?mesh=60", 9090),
    "sack-hoist": ("https://hoist.millrace.test/lift", 65535),
    "kiln": ("http://kiln.millrace.test/heat", 70110),
}


def endpoint(name):
    url, port = HOPPERS[name]
    try:
        return furl(url).set(port=port)
    except ValueError as exc:
        raise HopperConfigError(f"hopper {name}: endpoint {url} with port {port} is not usable") from exc


def wire_all():
    for name in HOPPERS:
        try:
            f = endpoint(name)
        except HopperConfigError as exc:
            raise RuntimeError(f"mill start stopped at {name!r} ({len(HOPPERS)} hoppers configured)") from exc
        print(f"{name:10} -> {f.url}")


wire_all()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "hopperwire"
    d.mkdir()
    (d / "hopperwire.py").write_text(SUBS)
    cap("python-chained-traceback-hopperwire", "python3 hopperwire.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """furl's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "furl-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('furl-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine} {repo}/furl.egg-info")
    files = [repo / MOD, repo / OMD, repo / TFILE]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: setup.py, licence, README, package stubs'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-03-11 10:04:00",
                       "GIT_COMMITTER_DATE": "2025-03-11 10:04:00"})
    rnd = random.Random(30502)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 350 if rel == TFILE else 140
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{3 + n // 10:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 4 else {"GIT_AUTHOR_NAME": "Tamsin Kitto", "GIT_AUTHOR_EMAIL": "tamsin@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo, BUGS)
    (repo / "NOTES.local").write_text("port 65535 refused by is_valid_port? check the upper bound\n")
    cap("git-log-stat-furl", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1400", "git log -p | head -n 1400", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-furl-L360-700", f"git blame -L 360,700 {MOD}", repo, n_blame, env=GIT_ENV)
    cap("git-show-furl-part-7", "git show ':/^furl: part 7 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-furl", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-furl-pip-mypy-head-1200", f"ls -laR {MK} {site}/pip/_internal/resolution "
        f"{site}/_pytest/assertion {site}/mypy/plugins {site}/orderedmultidict* | head -n 1200", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-900", f"find {JS}/node_modules/cookie {JS}/node_modules/@vitest "
        f"{JS}/node_modules/eslint/lib/linter {JS}/node_modules/espree {JS}/node_modules/typescript/lib "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 900", tmp, n_find)
    cap("tree-furl-and-mypyc", f"tree -L 2 {site}/six* {site}/mypy/typeshed/stdlib/concurrent "
        f"{site}/_pytest/_io {site}/pip/_vendor/urllib3 {site}/mypyc/lib-rt {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 305017)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-305", "ps aux", tmp, n_ps_aux)
        chain("chain-ps-aux-sort-cpu-head", "chain-ps", "listing",
              [Part("ps aux --sort=-%cpu | head -n 40", n_ps_aux), Part("echo EXIT=$?", n_status_echo, ";")], tmp)
        cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "share"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/i18n/locales "
        "/usr/share/mime /usr/share/bash-completion/completions -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-europe-locales-mime-head-1000", "head -n 1000 share.csv", d, n_csv)
    run("sqlite3 share.db \".mode csv\" \".import share.csv f\"", cwd=d)
    cap("sqlite-column-share-largest-300", "sqlite3 -header -column share.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-900", f"{VENV}/bin/pip inspect | head -n 900", d, n_pip_inspect,
        typed="pip inspect | head -n 900")


SVCLOG = r"""
import logging, random, sys
logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
                    stream=sys.stdout)
rnd = random.Random(30503)
wheel = logging.getLogger("hopperd.wheel")
stones = logging.getLogger("hopperd.stones")
sacks = logging.getLogger("hopperd.sacks")
mills = ["eling", "sturminster", "mapledurham", "houghton", "cotehele", "crabble", "bursledon", "felin-geri"]
for i in range(1600):
    mill = rnd.choice(mills)
    wheel.debug("turn %d %s: head %d mm, wheel %d rpm, sluice open %d%%, grist %d.%02d kg", i, mill,
                rnd.randint(300, 1900), rnd.randint(4, 12), rnd.randint(5, 100), rnd.randint(10, 60), rnd.randint(0, 99))
    if i % 131 == 29:
        stones.warning("%s: runner stone gap %s mm over setting, %d min to dress", mill,
                       rnd.choice(["0.4", "0.7", "1.1"]), rnd.randint(5, 80))
    elif i == 377:
        try:
            raise KeyError("bushel_weight")
        except KeyError:
            sacks.exception("turn %d %s: sack docket 'wheat; 56 lb' missing its weight", i, mill)
    elif i == 1042:
        wheel.error("turn %d (%s) stopped: shroud board cracked after %d revolutions", i, mill, rnd.randint(3, 40) * 100)
    elif i == 1488:
        stones.critical("bearing on %s overheated after %d s, stones lifted and mill stopped", mill, 900 + i)
    elif i % 173 == 61:
        sacks.info("filled %d sacks of meal at %s", rnd.randint(10, 400), mill)
    wheel.info("turn %d %s done, %d kg ground", i, mill, rnd.randint(40, 900) if i != 1207 else 640000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "hopperd.py").write_text(SVCLOG)
    run("python3 hopperd.py > hopperd.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-head-1100", "grep -v DEBUG hopperd.log | head -n 1100", tmp, n_app_log)
    chain("chain-log-grep-warn-error-hopperd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B3 -A2 hopperd.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOCS = [(Path("/usr/share/doc/libxslt1-dev/html/tutorial"), "libxslttutorial.html"),
        (Path("/usr/share/doc/libxslt1-dev/html/html"), "libxslt-transform.html")]


def docs(tmp: Path) -> None:
    found = [(d, p) for d, p in DOCS if (d / p).is_file()]
    if not found:
        cm.note("skip docs: neither page is installed")
        return
    doc, page = found[0]
    server = cm.start(f"python3 -m http.server 18305 --bind 127.0.0.1 --directory {doc}")
    try:
        time.sleep(1.5)
        cap(f"curl-html-{page[:-5].lower().replace('_', '-')}",
            f"curl -s --noproxy '*' http://127.0.0.1:18305/{page}", tmp, n_html)
    finally:
        cm.stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
