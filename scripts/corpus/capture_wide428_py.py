"""Round 428, Python and the machine: the sdist of parso 0.8.7 (a real PyPI release: a Python parser with error
recovery) with a few bugs put in, run through its own tests with pytest (one run with colour forced on), through ruff
and mypy --strict, and called wrongly by a ship chandlery's stock-check script into a chained traceback; a git history
built here by committing parso's sources in steps (capture_material.history: log -p, log --stat, blame, show, status
and diff); listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find -printf, tree); the
machine's process table with a busy process started on purpose (ps aux, top -b); files of the machine (from find
-printf) as a CSV and a sqlite table, and pip inspect; a chandlery's stores service's log (capture_material.app_log).
Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide428.py."""

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
from capture_wide428 import JS, SRC, VENV, cap

PS = "parso-0.8.7"
TREE = "parso/tree.py"
ERRORS = "parso/python/errors.py"
UTILS = "parso/utils.py"
PTREE = "parso/python/tree.py"
NOADD = "-o addopts="
PEOPLE = [("Morwenna Blockley", "morwenna@example.org"), ("Tobias Cleat", "tobias@example.org"),
          ("Annis Lanyard", "annis@example.org")]

# The bugs put in parso: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# A multi-line leaf's end column is one too far; the nesting limit for blocks is one too low; the repeated keyword
# argument error has lost Python's wording; split_lines no longer ends a text ending in a bare '\r' with ''.
BUGS = [(TREE, "            end_pos_column = len(lines[-1])\n", "            end_pos_column = len(lines[-1]) + 1\n"),
        (ERRORS, "_MAX_BLOCK_SIZE = 20\n", "_MAX_BLOCK_SIZE = 19\n"),
        (ERRORS, 'message = "keyword argument repeated"', 'message = "keyword argument given twice"'),
        (UTILS, "if string.endswith('\\n') or string.endswith('\\r') or string == '':",
         "if string.endswith('\\n') or string == '':")]


def py_tests(tmp: Path) -> None:
    tp = tmp / PS
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-parso-v-color-tree-utils-prefix", f"python -m pytest -v --color=yes --tb=short {NOADD} "
        "-p no:cacheprovider test/test_parser_tree.py test/test_utils.py test/test_prefix.py test/test_get_code.py "
        "test/test_tokenize.py 2>&1", tp, n_pytest, env=env, timeout=1200)
    cap("pytest-parso-v-errors-tail-900", f"python -m pytest -v --tb=line {NOADD} -p no:cacheprovider "
        "test/test_python_errors.py 2>&1 | tail -n 900", tp, n_pytest, env=env, timeout=1200)
    cap("pytest-parso-rA-utils-tree", f"pytest -rA --tb=short {NOADD} -p no:cacheprovider "
        "test/test_utils.py test/test_parser_tree.py 2>&1", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-l-tb-short-tail-900", "chain-test", "test",
          [Part(f"cd {PS}", None), Part(f"python -m pytest -l --tb=short {NOADD} -p no:cacheprovider "
                                        "test 2>&1 | tail -n 900", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / PS
    cap("ruff-select-all-parso-test-head-1100", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise parso test 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-parso-full-color-head-1300", "FORCE_COLOR=1 ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,D,ARG,PTH parso 2>&1 | head -n 1300", cp, n_ruff)
    cap("mypy-strict-parso-tail-900", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports parso 2>&1 | tail -n 900", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-tree-errors", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF --output-format=concise "
                f"{TREE} {ERRORS} {PTREE} 2>&1 | head -n 500", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {TREE} {ERRORS} {PTREE} "
                "2>&1 | tail -n 400", n_mypy, ";")],
          cp, timeout=1200)


SHEET = r'''
import parso


class StockCheckError(Exception):
    pass


# a ship chandlery's stock rules, as the storemen write them: shelf, storeman, a Python expression over the stock
GRAMMAR = parso.load_grammar(version="3.12")
RULES = [
    ("Blocks, single sheave", "Morwenna", "blocks['single'] >= 12"),
    ("Cleats, horn", "Tobias", "sum(cleats[k] for k in ('horn', 'cam')) > 4"),
    ("Lanyards", "Annis", "lanyards.get('spliced', 0) + lanyards['whipped']"),
    ("Shackles, bow", "Morwenna", "reorder(shackles, size=8, size=10)"),
    ("Thimbles", "Tobias", "thimbles['galvanised'] > = 20"),
]


def check(shelf, storeman, rule):
    module = GRAMMAR.parse(rule)
    errors = list(GRAMMAR.iter_errors(module))
    if errors:
        first = errors[0]
        raise StockCheckError(f"{shelf} (set by {storeman}): {first.message} at column {first.start_pos[1]}: "
                              f"{rule!r}")
    return module.children[0].get_code()


def check_shelves():
    for n, (shelf, storeman, rule) in enumerate(RULES, 1):
        try:
            print(shelf, "->", check(shelf, storeman, rule))
        except StockCheckError as exc:
            raise RuntimeError(f"stock check stopped at rule {n} of {len(RULES)} ({shelf!r})") from exc
    print("all shelves checked")


check_shelves()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "stockcheck"
    d.mkdir()
    (d / "stockcheck.py").write_text(SHEET)
    cap("python-chained-traceback-stockcheck", "python3 stockcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / PS)})


def git_history(tmp: Path) -> None:
    """parso's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [TREE, ERRORS, UTILS, PTREE, "parso/python/prefix.py", "test/test_utils.py", "test/test_parser_tree.py",
            "test/test_python_errors.py", "CHANGELOG.rst", "README.rst"]
    repo = history(tmp, SRC, "parso", PS, rels, PEOPLE, 42812, 55, BUGS)
    (repo / "NOTES.local").write_text("the block-shelf rules report a shackle's end one column too far since the tree change\n")
    cap("git-log-p-head-2200", "git log -p | head -n 2200", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-errors-L1-1000", f"git blame -L 1,1000 {ERRORS}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-3", "git show HEAD~3", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-parso", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-log-stat-parso", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-parso-mypy-head-1100", f"ls -laR {PS} {site}/mypy/typeshed/stdlib/asyncio "
        f"{site}/mypy/typeshed/stdlib/concurrent {site}/_pytest | head -n 1100", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-800", f"find {JS}/node_modules/papaparse {JS}/node_modules/mocha "
        f"{JS}/node_modules/eslint/lib/rules {JS}/node_modules/@vitest {JS}/node_modules/typescript/lib "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 800", tmp, n_find)
    cap("tree-parso-typeshed-pytest", f"tree -L 3 {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/json {site}/_pytest {site}/pip/_internal/commands {PS}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 428041)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-428", "ps aux", tmp, n_ps_aux)
        cap("top-b-n1-w250", "top -b -n 1 -w 250", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/zoneinfo/Pacific "
        "/usr/share/perl/5.36/Unicode /usr/lib/python3.11/email /usr/lib/python3.11/asyncio -maxdepth 2 "
        "\\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > files.csv", cwd=d)
    cap("csv-america-pacific-unicode-email", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-size-600", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY CAST(bytes AS INT) DESC, name LIMIT 600\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-1100", f"{VENV}/bin/pip inspect | head -n 1100", d, n_pip_inspect,
        typed="pip inspect | head -n 1100")


GEAR = ["single block", "fiddle block", "horn cleat", "cam cleat", "bow shackle", "D shackle", "galvanised thimble",
        "spliced lanyard", "fender", "halyard"]
LOG_MSGS = {
    "INFO": lambda r: (f"order {r.randint(1000, 9999)} {r.choice(GEAR)}: {r.randint(1, 40)} picked from shelf "
                       f"{r.choice('ABCDEFGH')}{r.randint(1, 30)}, {r.randint(0, 200)} left"),
    "DEBUG": lambda r: (f"stock sync bin {r.randint(1, 400)}: {r.choice(GEAR)} count {r.randint(0, 300)}, "
                        f"sheave {r.randint(20, 120)} mm, lag {r.randint(1, 900)} ms"),
    "WARNING": lambda r: (f"{r.choice(GEAR)} below reorder level on shelf {r.choice('ABCDEFGH')}{r.randint(1, 30)}: "
                          f"{r.randint(0, 5)} left, supplier lead {r.randint(2, 30)} days"),
    "ERROR": lambda r: (f"order {r.randint(1000, 9999)} failed: {r.choice(GEAR)} "
                        f"{r.choice(['not on shelf', 'size mismatch', 'payment refused', 'chandlery ledger locked'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "chandlerd.log", 42813, 2200, ["chandlerd.orders", "chandlerd.stock", "chandlerd.shelf",
                                                      "chandlerd.supplier"], LOG_MSGS, 42800, "2025-12-03")
    cap("log-grep-v-debug-head-750", "grep -v DEBUG chandlerd.log | head -n 750", tmp, n_app_log)
    chain("chain-log-grep-warn-error-chandlerd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 chandlerd.log | head -n 800", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
