"""Round 273, Python and the machine: the sdist of boltons (a real PyPI release: pure-Python utilities, iterutils,
strutils, mathutils, dictutils, cacheutils, timeutils and more) with a few bugs put in, run through its own tests and
its modules' doctests with pytest, through ruff and mypy --strict, and its code run wrongly into a chained traceback; a
git history built here by committing boltons' sources in steps (log -p, log --stat, blame, show, status and diff);
listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the machine's process
table with a busy process started on purpose (ps aux, top -b); the machine's /usr/share files (from find -printf) as a
CSV and a sqlite table, and pip inspect; a brewery mash tun service's log; an installed Debian package's HTML
documentation (expat's reference) served by python3 -m http.server and fetched with curl. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide273.py."""

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
from capture_wide273 import JS, SRC, VENV, cap

MK = "boltons-26.2.0"
PKG = "boltons"
STRU = "boltons/strutils.py"
ITER = "boltons/iterutils.py"
MATH = "boltons/mathutils.py"
TESTS = "tests"
GIT_ENV = {"GIT_AUTHOR_NAME": "Odile Ferrant", "GIT_AUTHOR_EMAIL": "odile@example.org",
           "GIT_COMMITTER_NAME": "Odile Ferrant", "GIT_COMMITTER_EMAIL": "odile@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# An ordinal looks at its last digit, not its tens digit, for the teens (1 becomes 1th, 21 becomes 21th); a filled last
# chunk comes out one short of the chunk size; the ceiling of a value that is one of the options is the next option up;
# ellipsize cuts before a space that sits just at the limit.
BUGS = [(STRU, "if numstr[-2] == '1':", "if numstr[-1] == '1':"),
        (ITER, "cur_chunk[lc:] = [fill_val] * (size - lc)", "cur_chunk[lc:] = [fill_val] * (size - lc - 1)"),
        (MATH, "i = bisect.bisect_left(options, x)\n    if i == len(options):",
         "i = bisect.bisect_right(options, x)\n    if i == len(options):"),
        (STRU, "cut_at = text.rfind(' ', 0, limit + 1)", "cut_at = text.rfind(' ', 0, limit)")]

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
    cap("pytest-boltons-doctest-v-tb-long", "python -m pytest -v --tb=long -p no:cacheprovider --doctest-modules "
        f"{PKG} {TESTS} 2>&1", cp, n_pytest, env=env, timeout=1200)
    chain("chain-boltons-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q -p no:cacheprovider --doctest-modules {STRU} {TESTS}/test_strutils.py", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-boltons-iter-math-str-tb-short-rA", "pytest -rA --tb=short -p no:cacheprovider --doctest-modules "
        f"{TESTS}/test_iterutils.py {TESTS}/test_mathutils.py {TESTS}/test_strutils.py {ITER} {MATH} {STRU} 2>&1", cp,
        n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-150", "chain-test", "test",
          [Part(f"cd {MK}", None), Part("python -m pytest -rA -q -p no:cacheprovider --doctest-modules "
                                        f"{PKG} {TESTS} 2>&1 | tail -n 150", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-boltons", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} {TESTS} 2>&1 | head -n 1000", cp, n_ruff)
    cap("ruff-boltons-full-str-iter-math", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,PT,D,ANN {STRU} {MATH} {TESTS}/test_mathutils.py 2>&1 | head -n 1500",
        cp, n_ruff)
    cap("mypy-strict-boltons-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable {PKG} 2>&1 | tail -n 600", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-boltons", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {STRU} {MATH} {ITER} 2>&1 | tail -n 150",
                n_mypy, ";")],
          cp, timeout=1200)


SUBS = r"""
from boltons import strutils, iterutils


class RotaError(Exception):
    pass


SHIFTS = {"brewer-a": "1-3,5,7-9", "brewer-b": "2,4,6", "cellar": "10-12", "mash-tun": "1,3-4,x",
          "bottling": "8-11,13"}


def rota(crew):
    spec = SHIFTS[crew]
    try:
        days = strutils.parse_int_list(spec)
    except ValueError as exc:
        raise RotaError(f"shift rota {crew}: day list {spec!r} is not a list of days") from exc
    weeks = list(iterutils.chunked(days, 3, fill=0))
    return [strutils.ordinalize(d) for d in days], weeks


for crew in SHIFTS:
    names, weeks = rota(crew)
    print(f"{crew:10} {', '.join(names)}  {weeks}")
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "rota"
    d.mkdir()
    (d / "rota.py").write_text(SUBS)
    cap("python-chained-traceback-rota", "python3 rota.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """boltons' sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "boltons-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('boltons-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / STRU, repo / ITER, repo / MATH, repo / f"{TESTS}/test_strutils.py"]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, licence, README, the other utils'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-02-11 10:41:00",
                       "GIT_COMMITTER_DATE": "2025-02-11 10:41:00"})
    rnd = random.Random(27302)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 150 if rel in (STRU, ITER) else 45
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{2 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Kai Halloran", "GIT_AUTHOR_EMAIL": "kai@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("21th on the rota page? check ordinalize teens\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-mathutils", f"git blame {MATH}", repo, n_blame, env=GIT_ENV)
    cap("git-show-strutils-part-6", "git show ':/^strutils: part 6 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-boltons-pip-ruff-head-1100", f"ls -laR {MK} {site}/pip/_internal/commands "
        f"{site}/_pytest/config {site}/mypy/plugins {site}/ruff | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/case-anything {JS}/node_modules/vitest "
        f"{JS}/node_modules/rollup/dist {JS}/node_modules/espree {JS}/node_modules/eslint/lib/linter "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k5 | head -n 800", tmp, n_find)
    cap("tree-boltons-and-typeshed", f"tree -L 2 {site}/pluggy {site}/mypyc/irbuild "
        f"{site}/mypy/typeshed/stdlib/email {site}/pip/_vendor/urllib3 {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 273017)) for i in range(250000))'")
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
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/i18n /usr/share/mime /usr/share/X11 "
        "-maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-i18n-mime-x11-head-900", "head -n 900 share.csv", d, n_csv)
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
rnd = random.Random(27303)
mash = logging.getLogger("mashtund.mash")
temps = logging.getLogger("mashtund.temps")
store = logging.getLogger("mashtund.store")
langs = ["pale-ale", "porter", "stout", "bitter", "mild", "saison", "kolsch", "dunkel"]
for i in range(1400):
    lang = rnd.choice(langs)
    mash.debug("mash %d %s: rest %d s at %d.%d C, %dms", i, lang, rnd.randint(600, 3600),
               rnd.randint(62, 72), rnd.randint(0, 9), rnd.randint(3, 900))
    if i % 131 == 29:
        temps.warning("%s: strike temperature drifted to %s C, %d degrees off", lang,
                     rnd.choice(["79", "81", "58"]), rnd.randint(4, 12))
    elif i == 412:
        try:
            raise ValueError("invalid literal for int() with base 10: 'x'")
        except ValueError:
            temps.exception("mash %d %s: rest schedule '1,3-4,x' not parsed", i, lang)
    elif i == 877:
        store.error("sparge of mash %d (%s) stopped: valve 3 stuck after %d litres", i, lang, rnd.randint(3, 40) * 25)
    elif i == 1288:
        mash.critical("tun probe lost after %d s, heating elements shut off", 600 + i)
    elif i % 197 == 41:
        store.info("cleaned %d grain sacks for %s", rnd.randint(10, 500), lang)
    mash.info("mash %d %s done, %d litres", i, lang, rnd.randint(200, 1800) if i != 1033 else 640000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "mashtund.py").write_text(SVCLOG)
    run("python3 mashtund.py > mashtund.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG mashtund.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 mashtund.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/libexpat1-dev/expat.html")


def docs(tmp: Path) -> None:
    if not (DOC / "reference.html").is_file():
        cm.note("skip docs: no expat reference.html")
        return
    server = cm.start(f"python3 -m http.server 18273 --bind 127.0.0.1 --directory {DOC}")
    try:
        time.sleep(1.5)
        cap("curl-html-expat-reference", "curl -s http://127.0.0.1:18273/reference.html", tmp, n_html)
    finally:
        stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
