"""Round 378, Python and the machine: the sdist of Mako 1.3.10 (a real PyPI release: a Python template library) with a
few bugs put in, run through its own tests with pytest, through ruff and mypy --strict, and its code run wrongly into a
chained traceback; a git history built here by committing Mako's sources in steps (capture_material.history: log -p,
log --stat, blame, show, status and diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR,
find -printf, tree); the machine's process table with a busy process started on purpose (ps aux, top -b); files of the
machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a slate quarry's splitting-shed service's log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide378.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, app_log as make_app_log, history, put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide378 import JS, SRC, VENV, cap

MK = "mako-1.3.10"
RUNTIME = "mako/runtime.py"
FILTERS = "mako/filters.py"
NOADD = "-o addopts="
PEOPLE = [("Gwen Splitter", "gwen@example.org"), ("Idris Dresser", "idris@example.org"),
          ("Mair Rivenhole", "mair@example.org")]

# The bugs put in Mako: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# loop.reverse_index is one too high; loop.last is never true; xml_escape writes &#39 without its semicolon;
# the `trim` filter strips only the left side.
BUGS = [(RUNTIME, "return len(self) - self.index - 1", "return len(self) - self.index"),
        (RUNTIME, "return self.index == len(self) - 1", "return self.index == len(self)"),
        (FILTERS, "\"'\": \"&#39;\",", "\"'\": \"&#39\","),
        (FILTERS, "return string.strip()", "return string.lstrip()")]


def py_tests(tmp: Path) -> None:
    tp = tmp / MK
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-mako-v-tb-short-tail-420", f"python -m pytest -v --tb=short {NOADD} -p no:cacheprovider "
        "test 2>&1 | tail -n 420", tp, n_pytest, env=env, timeout=1200)
    chain("chain-mako-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOADD} -p no:cacheprovider test", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    cap("pytest-mako-rA-loop-filters", f"pytest -rA --tb=short {NOADD} -p no:cacheprovider "
        "test/test_loop.py test/test_filters.py test/test_util.py 2>&1", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rf-tail-120", "chain-test", "test",
          [Part(f"cd {MK}", None), Part(f"python -m pytest -rf -q --tb=line {NOADD} -p no:cacheprovider "
                                        "test 2>&1 | tail -n 120", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / MK
    cap("ruff-select-all-mako-head-1100", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise mako 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-mako-full-head-1300", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S mako 2>&1 | head -n 1300", cp, n_ruff)
    cap("mypy-strict-mako-tail-700", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports mako 2>&1 | tail -n 700", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-runtime", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S --output-format=concise "
                f"{RUNTIME} {FILTERS} mako/lexer.py 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {RUNTIME} {FILTERS} "
                "2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=1200)


SHEET = r'''
from mako.template import Template


class DressingSheetError(Exception):
    pass


# a slate quarry's dressing sheets, as the dressers write them: stack, splitter, template of the label
SHEETS = [
    ("Duchess", "Gwen", "${stack} slates: % for s in sizes:\n${s} ${loop.index}\n% endfor\n"),
    ("Countess", "Idris", "% for s in sizes:\n${s | trim} ${'last' if loop.last else ''}\n% endfor\n"),
    ("Lady", "Mair", "${stack}: ${sizes | x} riven by ${splitter}\n"),
    ("Wide Lady", "Gwen", "% for s in sizes:\n${s} of ${stack}\n% if loop.first:\nfirst\n% endfor\n"),
    ("Princess", "Idris", "${stack} ${sizes}\n"),
]


def read_sheet(stack, splitter, text):
    try:
        return Template(text).render(stack=stack, splitter=splitter, sizes=["24x12 ", " 20x10", "16x8 '"])
    except Exception as exc:
        raise DressingSheetError(f"{stack} (split by {splitter}): the dressing sheet does not render: "
                                 f"{text[:40]!r}") from exc


def print_sheets():
    for n, (stack, splitter, text) in enumerate(SHEETS, 1):
        try:
            print(read_sheet(stack, splitter, text))
        except DressingSheetError as exc:
            raise RuntimeError(f"dressing stopped at stack {n} of {len(SHEETS)} ({stack!r})") from exc
    print("all stacks dressed")


print_sheets()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "dressingsheet"
    d.mkdir()
    (d / "dressingsheet.py").write_text(SHEET)
    cap("python-chained-traceback-dressingsheet", "python3 dressingsheet.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / MK)})


def git_history(tmp: Path) -> None:
    """Mako's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [RUNTIME, FILTERS, "mako/lexer.py", "mako/codegen.py", "mako/util.py", "mako/template.py",
            "test/test_loop.py", "test/test_filters.py", "CHANGES", "README.rst"]
    repo = history(tmp, SRC, "mako", MK, rels, PEOPLE, 37812, 60, BUGS)
    (repo / "NOTES.local").write_text("the Duchess stack's labels lost their last row since the filter change\n")
    cap("git-log-p-head-1600", "git log -p | head -n 1600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-runtime-L1-700", f"git blame -L 1,700 {RUNTIME}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-1", "git show HEAD~1", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-mako", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-log-stat-mako", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-mako-mypy-head-1100", f"ls -laR {MK} {site}/mypy/typeshed/stdlib/asyncio {site}/mypy/typeshed/stdlib/"
        f"email {site}/_pytest {site}/pip/_internal/operations | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-900", f"find {JS}/node_modules/minimatch {JS}/node_modules/vitest "
        f"{JS}/node_modules/eslint/lib/rules {JS}/node_modules/typescript/lib {JS}/node_modules/brace-expansion "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 900", tmp, n_find)
    cap("tree-mypy-pytest-and-mako", f"tree -L 2 {site}/mypy/typeshed/stdlib/os {site}/_pytest/mark "
        f"{site}/mypy/typeshed/stdlib/http {site}/pip/_internal/index {site}/mypy/test {MK}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 378037)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-378", "ps aux", tmp, n_ps_aux)
        cap("top-b-n1-w220", "top -b -n 1 -w 220", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Asia /usr/share/perl/5.36 "
        "/usr/lib/python3.11/asyncio -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > files.csv", cwd=d)
    cap("csv-asia-perl-asyncio-head-1400", "head -n 1400 files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-largest-400", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 400\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-900", f"{VENV}/bin/pip inspect | head -n 900", d, n_pip_inspect,
        typed="pip inspect | head -n 900")


ROCK = ["blue-grey slate", "purple slate", "green slate", "rag", "clog", "chert vein", "block", "waste tip"]
LOG_MSGS = {
    "INFO": lambda r: (f"gallery {r.randint(1, 9)} {r.choice(ROCK)}: {r.randint(2, 60)} t raised, "
                       f"{r.randint(40, 900)} slates riven, {r.randint(1, 12)} dressers on shift"),
    "DEBUG": lambda r: (f"splitter {r.randint(1, 14)} block {r.randint(100, 9999)} cleaved at "
                        f"{r.randint(3, 9)} mm, {r.randint(0, 30)} spoiled"),
    "WARNING": lambda r: (f"incline {r.randint(1, 6)} {r.choice(ROCK)} wagon {r.randint(1, 80)} held: "
                          f"brake drum at {r.randint(60, 110)} C"),
    "ERROR": lambda r: (f"stack {r.randint(100, 999)} rejected: {r.randint(5, 40)} slates under gauge at the "
                        f"{r.choice(['head', 'tail', 'nail hole', 'bevel'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "quarryd.log", 37813, 1400, ["quarryd.gallery", "quarryd.splitter", "quarryd.dresser",
                                                    "quarryd.incline"], LOG_MSGS, 37800, "2025-10-03")
    cap("log-grep-v-debug-head-900", "grep -v DEBUG quarryd.log | head -n 900", tmp, n_app_log)
    chain("chain-log-grep-warn-error-quarryd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 quarryd.log | head -n 500", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
