"""Round 285, Python and the machine: the sdist of asteval (a real PyPI release: a safe, minimal evaluator of Python
expressions and statements over the ast module) with a few bugs put in, run through its own tests with pytest, through
ruff and mypy --strict, and its code run wrongly into a chained traceback; a git history built here by committing
asteval's sources in steps (log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm
tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on
purpose (ps aux, top -b); the machine's /usr/share files (from find -printf) as a CSV and a sqlite table, and pip
inspect; a hop kiln's drying service's log; an installed Debian package's HTML documentation (jam's manual) served by
python3 -m http.server and fetched with curl. Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). Run through capture_wide285.py."""

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
from capture_wide285 import JS, SRC, VENV, cap

MK = "asteval-1.0.10"
PKG = "asteval"
AST = "asteval/asteval.py"
UTIL = "asteval/astutils.py"
TESTS = "tests"
TFILE = "tests/test_asteval.py"
NOCOV = "-o addopts="  # the sdist's pyproject asks for pytest-cov, which the tools venv does not hold
GIT_ENV = {"GIT_AUTHOR_NAME": "Maren Iddesleigh", "GIT_AUTHOR_EMAIL": "maren@example.org",
           "GIT_COMMITTER_NAME": "Maren Iddesleigh", "GIT_COMMITTER_EMAIL": "maren@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"}

# The bugs put in: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# `>=` is strict (3 >= 3 is False); a chained comparison compares every right side with the first left side; a string
# repeated to exactly the length limit is refused; the modulo of a negative left side takes the sign of the left side.
BUGS = [(UTIL, "ast.GtE: lambda a, b: a >= b,", "ast.GtE: lambda a, b: a > b,"),
        (AST, "                lval = rval\n", "                lval = lval\n"),
        (UTIL, "isinstance(arg2, int) and len(arg1) * arg2 > MAX_STR_LEN", "isinstance(arg2, int) and len(arg1) * arg2 >= MAX_STR_LEN"),
        (UTIL, "ast.Mod: lambda a, b: a % b,", "ast.Mod: lambda a, b: a % b if a >= 0 else -(-a % b),")]

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
    cap("pytest-asteval-v-tb-long", f"python -m pytest -v --tb=long {NOCOV} -p no:cacheprovider {TESTS} 2>&1", cp,
        n_pytest, env=env, timeout=1200)
    chain("chain-asteval-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOCOV} -p no:cacheprovider {TFILE}", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], cp, env=env, timeout=900)
    cap("pytest-asteval-k-compare-ops-rA-tb-short", f"pytest -rA --tb=short {NOCOV} -p no:cacheprovider "
        f"-k 'compar or op or string or mod or basic or safe' {TFILE} 2>&1", cp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rA-tail-150", "chain-test", "test",
          [Part(f"cd {MK}", None), Part(f"python -m pytest -rA -q {NOCOV} -p no:cacheprovider "
                                        f"{TESTS} 2>&1 | tail -n 150", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-asteval", "ruff check --no-cache --isolated --select ALL "
        f"--output-format=concise {PKG} {TESTS} 2>&1 | head -n 1000", cp, n_ruff)
    cap("ruff-asteval-full-astutils", "ruff check --no-cache --isolated --output-format=full "
        f"--select E,F,W,B,UP,SIM,PL,N,RET,C4,PT,D,ANN {UTIL} 2>&1 | head -n 1500", cp, n_ruff)
    cap("mypy-strict-asteval-warn-unreachable", "mypy --strict --no-incremental --config-file /dev/null "
        f"--warn-unreachable {PKG} 2>&1 | tail -n 600", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-asteval", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PT,PLR,ANN --output-format=concise "
                f"{TESTS} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {UTIL} 2>&1 | tail -n 150",
                n_mypy, ";")],
          cp, timeout=1200)


SUBS = r"""
from asteval import Interpreter


class GlazeError(Exception):
    pass


RECIPES = {"celadon": "silica * 0.42 + feldspar * 0.31", "tenmoku": "iron / (silica - 40)",
           "shino": "feldspar * 0.6 + clay", "ash": "ash_wt * 0.5 + whiting", "temmoku-2": "iron / (silica - 40.0)"}
BATCH = {"silica": 40, "feldspar": 25.0, "clay": 12.5, "ash_wt": 18.0, "whiting": 7.5, "iron": 9.0}


def weigh(name):
    aeval = Interpreter(user_symbols=dict(BATCH))
    value = aeval(RECIPES[name], show_errors=False, raise_errors=True)
    try:
        return round(float(value), 2)
    except TypeError as exc:
        raise GlazeError(f"glaze {name}: recipe {RECIPES[name]!r} did not give a weight") from exc


def batch_sheet():
    for name in RECIPES:
        try:
            grams = weigh(name)
        except ZeroDivisionError as exc:
            raise GlazeError(f"glaze {name}: batch sheet stopped at {RECIPES[name]!r}") from exc
        print(f"{name:10} {grams:8.2f} g")


batch_sheet()
"""


def traceback_run(tmp: Path) -> None:
    d = tmp / "glazes"
    d.mkdir()
    (d / "batch_sheet.py").write_text(SUBS)
    cap("python-chained-traceback-glazes", "python3 batch_sheet.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK), **PURE})


def git_history(tmp: Path) -> None:
    """asteval's sources committed in pieces (a history built here), then the bugs' edits left unstaged."""
    repo = tmp / "asteval-git"
    pristine = tmp / "pristine"
    pristine.mkdir()
    run(f"tar --no-same-owner -xzf {next(SRC.glob('asteval-*.tar.gz'))}", cwd=pristine)
    run(f"cp -r {pristine / MK} {repo} && rm -rf {pristine}")
    files = [repo / UTIL, repo / AST, repo / TFILE]
    keep = {p.relative_to(repo).as_posix(): p.read_text() for p in files}
    for p in files:
        p.unlink()
    run("git -c init.defaultBranch=main init -q && git add -A && "
        "git commit -qm 'Skeleton: packaging, licence, README, docs'",
        cwd=repo, env={**GIT_ENV, "GIT_AUTHOR_DATE": "2025-05-19 09:12:00",
                       "GIT_COMMITTER_DATE": "2025-05-19 09:12:00"})
    rnd = random.Random(28502)
    n = 0
    for rel in keep:
        body = keep[rel].splitlines(keepends=True)
        step = 260 if rel == TFILE else 130
        cuts = list(range(step, len(body), step)) + [len(body)]
        stem = rel.rsplit("/", 1)[-1][:-3]
        for j, cut in enumerate(cuts):
            n += 1
            stamp = f"2025-{5 + n // 12:02d}-{1 + n % 27:02d} {8 + j % 9:02d}:{rnd.randint(10, 59)}:00"
            who = {} if n % 3 else {"GIT_AUTHOR_NAME": "Bram Lestocq", "GIT_AUTHOR_EMAIL": "bram@example.org"}
            (repo / rel).write_text("".join(body[:cut]))
            msg = f"Add {stem}" if j == 0 else f"{stem}: part {j + 1} of {len(cuts)}"
            run(f"git add -A && git commit -qm '{msg}'", cwd=repo,
                env={**GIT_ENV, **who, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    put_bugs(repo)
    (repo / "NOTES.local").write_text("3 >= 3 came out False in the glaze sheet; check GtE\n")
    cap("git-log-stat", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-astutils", f"git blame {UTIL}", repo, n_blame, env=GIT_ENV)
    cap("git-show-asteval-part-5", "git show ':/^asteval: part 5 '", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-asteval-pip-ruff-head-1100", f"ls -laR {MK} {site}/pip/_internal/operations "
        f"{site}/_pytest/_code {site}/mypy/server {site}/ruff | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/change-case {JS}/node_modules/@vitest "
        f"{JS}/node_modules/vite/dist {JS}/node_modules/ajv/lib {JS}/node_modules/eslint/lib/rules "
        f"{JS}/node_modules/typescript/lib -type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' "
        "| sort -k5 | head -n 800", tmp, n_find)
    cap("tree-asteval-and-typeshed", f"tree -L 2 {site}/iniconfig {site}/mypyc/codegen "
        f"{site}/mypy/typeshed/stdlib/asyncio {site}/pip/_vendor/rich {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 285011)) for i in range(250000))'")
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
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo /usr/share/perl/5.36 /usr/share/gcc "
        "-maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > share.csv", cwd=d)
    cap("csv-usr-share-zoneinfo-perl-gcc-head-900", "head -n 900 share.csv", d, n_csv)
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
rnd = random.Random(28503)
floor = logging.getLogger("hopkilnd.floor")
burner = logging.getLogger("hopkilnd.burner")
press = logging.getLogger("hopkilnd.press")
langs = ["fuggle", "goldings", "challenger", "target", "bramling", "progress", "admiral", "northdown"]
for i in range(1400):
    lang = rnd.choice(langs)
    floor.debug("load %d %s: dried %d s at %d.%d C, %dms", i, lang, rnd.randint(600, 3600),
               rnd.randint(52, 68), rnd.randint(0, 9), rnd.randint(3, 900))
    if i % 127 == 31:
        burner.warning("%s: floor temperature drifted to %s C, %d degrees off", lang,
                     rnd.choice(["74", "77", "41"]), rnd.randint(4, 12))
    elif i == 388:
        try:
            raise ValueError("invalid literal for int() with base 10: 'x'")
        except ValueError:
            burner.exception("load %d %s: turning schedule '2,4-6,x' not parsed", i, lang)
    elif i == 902:
        press.error("pocket of load %d (%s) stopped: press ram 2 stuck after %d kilos", i, lang, rnd.randint(3, 40) * 25)
    elif i == 1311:
        floor.critical("kiln floor probe lost after %d s, burner shut off", 600 + i)
    elif i % 193 == 47:
        press.info("pressed %d hop pockets for %s", rnd.randint(10, 500), lang)
    floor.info("load %d %s done, %d kilos", i, lang, rnd.randint(200, 1800) if i != 1033 else 640000)
"""


def app_log(tmp: Path) -> None:
    (tmp / "hopkilnd.py").write_text(SVCLOG)
    run("python3 hopkilnd.py > hopkilnd.log 2>&1", cwd=tmp)
    cap("log-grep-v-debug-tail-1000", "grep -v DEBUG hopkilnd.log | tail -n 1000", tmp, n_app_log)
    chain("chain-log-grep-warn-error", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR|CRITICAL' -B2 -A3 hopkilnd.log", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


DOC = Path("/usr/share/doc/jam")
PAGE = "Jam.html"


def docs(tmp: Path) -> None:
    if not (DOC / PAGE).is_file():
        cm.note(f"skip docs: no {PAGE}")
        return
    server = cm.start(f"python3 -m http.server 18285 --bind 127.0.0.1 --directory {DOC}")
    try:
        time.sleep(1.5)
        cap("curl-html-jam-manual", f"curl -s http://127.0.0.1:18285/{PAGE}", tmp, n_html)
    finally:
        stop(server)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log, docs]
