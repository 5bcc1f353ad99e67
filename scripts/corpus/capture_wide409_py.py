"""Round 409, Python and the machine: the sdist of xmldiff 3.0 (a real PyPI release: a tree-aware XML differ on lxml)
with a few bugs put in, run through its own tests with pytest (one run with colour forced on), through ruff and mypy
--strict; a git history built here by committing xmldiff's sources in steps (capture_material.history: log -p, log
--stat and blame); listings of the unpacked tree, the npm tools and the tools venv (ls -laR, find
-printf, tree); the machine's process table with a busy process started on purpose (ps aux, top -b); files of the
machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a brickworks' kiln-house service's log
(capture_material.app_log). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide409.py."""

from __future__ import annotations

import time
from pathlib import Path

import capture_more as cm
from capture_material import GIT_ENV, app_log as make_app_log, history, put_bugs
from capture_more import n_app_log, n_git_log_stat, n_tree, run
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_oc import n_blame, n_log_p
from capture_wide409 import JS, SRC, VENV, cap

XD = "xmldiff-3.0"
DIFF = "xmldiff/diff.py"
PATCH = "xmldiff/patch.py"
FORMATTING = "xmldiff/formatting.py"
UTILS = "xmldiff/utils.py"
NOADD = "-o addopts="
PEOPLE = [("Tamsin Moulder", "tamsin@example.org"), ("Idris Pugman", "idris@example.org"),
          ("Bryn Setter", "bryn@example.org")]

# The bugs put in xmldiff: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# child_ratio divides by one child too many; the patcher writes an UpdateTextAfter into the node's text instead of
# its tail; the diff formatter prints a move's position one too far; whitespace is removed instead of collapsed.
BUGS = [(DIFF, "        return count / child_count\n", "        return count / (child_count + 1)\n"),
        (PATCH, "[0].tail = action.text", "[0].text = action.text"),
        (FORMATTING, 'return "move", action.node, action.target, str(action.position)',
         'return "move", action.node, action.target, str(action.position + 1)'),
        (UTILS, 'return WHITESPACE.sub(" ", text)', 'return WHITESPACE.sub("", text)')]


def py_tests(tmp: Path) -> None:
    tp = tmp / XD
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-xmldiff-v-color-tb-short", f"python -m pytest -v --color=yes --tb=short {NOADD} -p no:cacheprovider "
        "tests 2>&1", tp, n_pytest, env=env, timeout=1200)
    cap("pytest-xmldiff-rA-diff-formatting", f"pytest -rA --tb=short {NOADD} -p no:cacheprovider "
        "tests/test_diff.py tests/test_formatting.py 2>&1", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-l-tb-short-tail-900", "chain-test", "test",
          [Part(f"cd {XD}", None), Part(f"python -m pytest -l --tb=short {NOADD} -p no:cacheprovider "
                                        "tests 2>&1 | tail -n 900", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / XD
    cap("ruff-select-all-xmldiff-tests-head-1100", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise xmldiff tests 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-xmldiff-full-color-head-1400", "FORCE_COLOR=1 ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,D,ARG,PTH xmldiff 2>&1 | head -n 1400", cp, n_ruff)
    cap("mypy-strict-xmldiff-tests-color-tail-1000", "MYPY_FORCE_COLOR=1 mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports --show-error-context xmldiff tests 2>&1 | tail -n 1000", cp, n_mypy,
        timeout=1200)
    chain("chain-ruff-then-mypy-diff-formatting", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S,RUF --output-format=concise "
                f"{DIFF} {FORMATTING} {PATCH} 2>&1 | head -n 500", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {DIFF} {FORMATTING} {PATCH} "
                "2>&1 | tail -n 400", n_mypy, ";")],
          cp, timeout=1200)


def git_history(tmp: Path) -> None:
    """xmldiff's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [DIFF, FORMATTING, PATCH, UTILS, "xmldiff/main.py", "tests/test_diff.py", "tests/test_formatting.py",
            "tests/test_patch.py", "CHANGES.rst", "README.rst"]
    repo = history(tmp, SRC, "xmldiff", XD, rels, PEOPLE, 40912, 45, BUGS)
    (repo / "NOTES.local").write_text("the kiln-book diff moves every setter one place too far since the formatter change\n")
    cap("git-log-p-head-2600", "git log -p | head -n 2600", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-formatting-L1-900", f"git blame -L 1,900 {FORMATTING}", repo, n_blame, env=GIT_ENV)
    cap("git-log-stat-xmldiff", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-lxml-mypy-head-1200", f"ls -laR {XD} {site}/lxml {site}/mypy/typeshed/stdlib/email "
        f"{site}/mypy/typeshed/stdlib/multiprocessing {site}/_pytest | head -n 1200", tmp, n_ls_lR)
    cap("find-printf-node-modules-head-900", f"find {JS}/node_modules/uri-js {JS}/node_modules/vitest "
        f"{JS}/node_modules/eslint/lib/rules {JS}/node_modules/@vitest {JS}/node_modules/typescript "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 900", tmp, n_find)
    cap("tree-lxml-typeshed-xmldiff", f"tree -L 3 {site}/lxml {site}/mypy/typeshed/stdlib/xml "
        f"{site}/mypy/typeshed/stdlib/os {site}/_pytest {site}/pip/_internal/operations {XD}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 409041)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-409", "ps aux", tmp, n_ps_aux)
        cap("top-b-n1-w250", "top -b -n 1 -w 250", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/Europe /usr/share/zoneinfo/Asia "
        "/usr/share/perl/5.36/unicore /usr/lib/python3.11/xml /usr/lib/python3.11/urllib -maxdepth 2 "
        "\\( -type f -o -type l \\) -printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > files.csv", cwd=d)
    cap("csv-europe-asia-unicore-xml", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-dir-700", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY directory, CAST(bytes AS INT) DESC LIMIT 700\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-1300", f"{VENV}/bin/pip inspect | head -n 1300", d, n_pip_inspect,
        typed="pip inspect | head -n 1300")


CLAY = ["red marl", "fireclay", "shale", "London stock", "blue Staffordshire", "grog", "breeze", "sand facing"]
LOG_MSGS = {
    "INFO": lambda r: (f"pug mill {r.randint(1, 4)} {r.choice(CLAY)}: moisture {r.randint(14, 24)}.{r.randint(0, 9)}%, "
                       f"{r.randint(200, 4000)} green bricks moulded, {r.randint(1, 6)} moulders on the bench"),
    "DEBUG": lambda r: (f"kiln chamber {r.randint(1, 24)} at {r.randint(300, 1150)} C, draught {r.randint(2, 40)} Pa, "
                        f"setter row {r.randint(1, 60)} hack {r.randint(1, 30)}"),
    "WARNING": lambda r: (f"clamp {r.randint(1, 9)} {r.choice(CLAY)}: firing front {r.randint(5, 90)} min behind, "
                          f"hack {r.randint(1, 30)} still {r.randint(8, 20)}% wet"),
    "ERROR": lambda r: (f"batch {r.randint(100, 999)} rejected: {r.randint(2, 40)} bricks cracked at the "
                        f"{r.choice(['wire cutter', 'drying hack', 'kiln crown', 'clamp face'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "clampd.log", 40913, 2400, ["clampd.pugmill", "clampd.moulder", "clampd.hack", "clampd.kiln"],
                 LOG_MSGS, 40900, "2025-12-02")
    cap("log-grep-v-debug-head-800", "grep -v DEBUG clampd.log | head -n 800", tmp, n_app_log)
    chain("chain-log-grep-warn-error-clampd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 clampd.log | head -n 900", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, git_history, listings, tables, app_log]
