"""Round 395, Python and the machine: the sdist of cssselect2 0.10.1 (a real PyPI release: CSS selectors for
ElementTree) with a few bugs put in, run through its own tests with pytest, through ruff and mypy --strict, and its
code run wrongly into a chained traceback; a git history built here by committing cssselect2's sources in steps
(capture_material.history: log -p, log --stat, blame, show, status and diff); listings of the unpacked tree, the npm
tools and the tools venv (ls -laR, find -printf, tree); the machine's process table with a busy process started on
purpose (ps aux, top -b); files of the machine (from find -printf) as a CSV and a sqlite table, and pip inspect; a paper
mill's machine-house service's log (capture_material.app_log). Each kind's extractor is the earlier rounds', imported;
a chain's from each part's own (round 9b). Run through capture_wide395.py."""

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
from capture_wide395 import JS, SRC, VENV, cap

CS = "cssselect2-0.10.1"
COMPILER = "cssselect2/compiler.py"
TREE = "cssselect2/tree.py"
PARSER = "cssselect2/parser.py"
NOADD = "-o addopts="
PEOPLE = [("Nia Coucher", "nia@example.org"), ("Owain Vatman", "owain@example.org"),
          ("Ffion Layboy", "ffion@example.org")]

# The bugs put in cssselect2: (file under the unpacked sdist, text, replacement); each text occurs exactly once.
# :last-child never matches; `$=` tests the start of the value instead of its end; :nth-*() counts one too far;
# :first-of-type counts the element itself among the siblings before it.
BUGS = [(COMPILER, "return 'el.index + 1 == len(el.etree_siblings)'", "return 'el.index == len(el.etree_siblings)'"),
        (COMPILER, "f'{attribute_value}.endswith({value!r})' if value else '0')",
         "f'{attribute_value}.startswith({value!r})' if value else '0')"),
        (COMPILER, "B = b - 1  # noqa: N806", "B = b  # noqa: N806"),
        (COMPILER, "'    for s in el.etree_siblings[:el.index])')", "'    for s in el.etree_siblings[:el.index + 1])')")]


def py_tests(tmp: Path) -> None:
    tp = tmp / CS
    put_bugs(tp, BUGS)
    env = {"PYTHONPATH": str(tp)}
    cap("pytest-cssselect2-v-tb-short-tail-900", f"python -m pytest -v --tb=short {NOADD} -p no:cacheprovider "
        "tests 2>&1 | tail -n 900", tp, n_pytest, env=env, timeout=1200)
    chain("chain-cssselect2-pytest-x-q-exit", "chain-test-exit", "test",
          [Part(f"pytest -x -q {NOADD} -p no:cacheprovider tests", n_pytest),
           Part("echo EXIT=$?", n_status_echo, ";")], tp, env=env, timeout=900)
    cap("pytest-cssselect2-rA-select-k", f"pytest -rA --tb=short {NOADD} -p no:cacheprovider "
        "tests/test_cssselect2.py -k 'select and not shakespeare' 2>&1", tp, n_pytest, env=env, timeout=900)
    chain("chain-cd-pytest-rf-tail-150", "chain-test", "test",
          [Part(f"cd {CS}", None), Part(f"python -m pytest -rf -q --tb=line {NOADD} -p no:cacheprovider "
                                        "tests 2>&1 | tail -n 150", n_pytest, "&&")],
          tmp, env=env, timeout=900)


def py_lint(tmp: Path) -> None:
    cp = tmp / CS
    cap("ruff-select-all-cssselect2-tests", "ruff check --no-cache --isolated --select ALL "
        "--output-format=concise cssselect2 tests 2>&1 | head -n 1100", cp, n_ruff)
    cap("ruff-cssselect2-full-head-1300", "ruff check --no-cache --isolated --output-format=full "
        "--select E,F,W,B,UP,SIM,PL,N,RET,C4,ANN,FBT,EM,TRY,S,D cssselect2 2>&1 | head -n 1300", cp, n_ruff)
    cap("mypy-strict-cssselect2-tests", "mypy --strict --no-incremental --config-file /dev/null "
        "--warn-unreachable --ignore-missing-imports cssselect2 tests 2>&1 | tail -n 700", cp, n_mypy, timeout=1200)
    chain("chain-ruff-then-mypy-compiler", "chain-lint-typecheck", "lint",
          [Part("ruff check --no-cache --isolated --select E,F,W,B,N,UP,ARG,PLR,ANN,S --output-format=concise "
                f"{COMPILER} {TREE} {PARSER} 2>&1 | head -n 400", n_ruff),
           Part(f"mypy --strict --no-incremental --config-file /dev/null {COMPILER} {TREE} "
                "2>&1 | tail -n 150", n_mypy, ";")],
          cp, timeout=1200)


SHEET = r'''
import xml.etree.ElementTree as etree

import cssselect2


class FeltCheckError(Exception):
    pass


# a paper mill's felt inspections, as the machine crew write them: felt, crew member, selector of the rows to check
PAGE = etree.fromstring(
    "<mill><felt id='pickup' class='wet'><ream n='1'/><ream n='2'/></felt>"
    "<felt id='press' class='wet'><ream n='3'/></felt><felt id='dryer' class='dry'/></mill>")
CHECKS = [
    ("Pickup felt", "Nia", "felt.wet > ream"),
    ("Press felt", "Owain", "felt:last-child, ream[n$='3']"),
    ("Dryer felt", "Ffion", "felt#dryer.dry"),
    ("Couch roll", "Nia", "felt > ream:nth-child(2n+1)"),
    ("Drying cylinder 4", "Owain", "felt[class~=dry] >> ream:not(]"),
    ("Reel", "Ffion", "mill felt"),
]


def rows(felt, crew, selector):
    try:
        matchers = cssselect2.compile_selector_list(selector)
    except cssselect2.SelectorError as exc:
        raise FeltCheckError(f"{felt} (checked by {crew}): the inspection selector does not parse: "
                             f"{selector!r}") from exc
    root = cssselect2.ElementWrapper.from_xml_root(PAGE)
    return [el.etree_element.get("id") or el.etree_element.get("n") for m in matchers for el in root.iter_subtree()
            if m.test(el)]


def inspect_felts():
    for n, (felt, crew, selector) in enumerate(CHECKS, 1):
        try:
            print(felt, rows(felt, crew, selector))
        except FeltCheckError as exc:
            raise RuntimeError(f"felt inspection stopped at check {n} of {len(CHECKS)} ({felt!r})") from exc
    print("all felts inspected")


inspect_felts()
'''


def traceback_run(tmp: Path) -> None:
    d = tmp / "feltcheck"
    d.mkdir()
    (d / "feltcheck.py").write_text(SHEET)
    cap("python-chained-traceback-feltcheck", "python3 feltcheck.py", d, n_chained,
        env={"PYTHONPATH": str(tmp / CS)})


def git_history(tmp: Path) -> None:
    """cssselect2's sources committed in pieces (capture_material.history), then the bugs left unstaged."""
    rels = [COMPILER, PARSER, TREE, "cssselect2/__init__.py", "tests/test_cssselect2.py", "tests/w3_selectors.py",
            "docs/changelog.rst", "README.rst"]
    repo = history(tmp, SRC, "cssselect2", CS, rels, PEOPLE, 39512, 60, BUGS)
    (repo / "NOTES.local").write_text("the press felt's last ream is no longer selected since the compiler change\n")
    cap("git-log-p-head-1700", "git log -p | head -n 1700", repo, n_log_p, env=GIT_ENV)
    cap("git-blame-compiler-L1-430", f"git blame -L 1,430 {COMPILER}", repo, n_blame, env=GIT_ENV)
    cap("git-show-head-2", "git show HEAD~2", repo, n_show, env=GIT_ENV)
    chain("chain-git-status-diff-cssselect2", "chain-git-status-diff", "git",
          [Part("git status", n_status), Part("git diff", n_diff, "&&")], repo, env=GIT_ENV)
    cap("git-log-stat-cssselect2", "git log --stat", repo, n_git_log_stat, env=GIT_ENV)


def listings(tmp: Path) -> None:
    site = next(VENV.glob("lib/python3*/site-packages"))
    cap("ls-laR-cssselect2-mypy-head-1100", f"ls -laR {CS} {site}/mypy/typeshed/stdlib/concurrent "
        f"{site}/mypy/typeshed/stdlib/xml {site}/_pytest/config {site}/pip/_internal/commands | head -n 1100",
        tmp, n_ls_lR)
    cap("find-printf-node-modules-head-900", f"find {JS}/node_modules/decimal.js {JS}/node_modules/vite "
        f"{JS}/node_modules/eslint/lib/linter {JS}/node_modules/@eslint {JS}/node_modules/typescript/lib "
        "-type f -printf '%M %u %9s %TY-%Tm-%Td %p\\n' | sort -k3 -n -r | head -n 900", tmp, n_find)
    cap("tree-mypy-pytest-and-cssselect2", f"tree -L 2 {site}/mypy/typeshed/stdlib/importlib {site}/_pytest/_code "
        f"{site}/mypy/typeshed/stdlib/json {site}/pip/_internal/req {site}/tinycss2 {CS}", tmp, n_tree)
    busy = cm.start("timeout --foreground 25 python3 -c "
                    "'while True: sum(len(str(i * 395039)) for i in range(250000))'")
    try:
        time.sleep(3)
        cap("ps-aux-busy-395", "ps aux", tmp, n_ps_aux)
        cap("top-b-n1-w200", "top -b -n 1 -w 200", tmp, n_top)
    finally:
        cm.stop(busy)


def tables(tmp: Path) -> None:
    d = tmp / "files"
    d.mkdir()
    run("(echo 'name,directory,bytes,type,links,modified'; find /usr/share/zoneinfo/America /usr/share/perl/5.36/Pod "
        "/usr/lib/python3.11/email -maxdepth 2 \\( -type f -o -type l \\) "
        "-printf '%f,%h,%s,%y,%n,%TY-%Tm-%Td\\n' | sort) > files.csv", cwd=d)
    cap("csv-america-pod-email", "cat files.csv", d, n_csv)
    run("sqlite3 files.db \".mode csv\" \".import files.csv f\"", cwd=d)
    cap("sqlite-column-files-by-dir-300", "sqlite3 -header -column files.db \"SELECT name, directory, "
        "CAST(bytes AS INT) AS bytes, type, links, modified FROM f "
        "ORDER BY directory, CAST(bytes AS INT) DESC LIMIT 300\"", d, n_sqlite_col)
    cap("pip-inspect-tools-venv-head-800", f"{VENV}/bin/pip inspect | head -n 800", d, n_pip_inspect,
        typed="pip inspect | head -n 800")


STOCK = ["rag pulp", "kraft pulp", "broke", "esparto", "cotton linters", "china clay", "size", "alum"]
LOG_MSGS = {
    "INFO": lambda r: (f"vat {r.randint(1, 8)} {r.choice(STOCK)}: consistency {r.randint(2, 9)}.{r.randint(0, 9)}%, "
                       f"{r.randint(40, 900)} sheets couched, {r.randint(1, 6)} couchers on shift"),
    "DEBUG": lambda r: (f"drying cylinder {r.randint(1, 40)} steam {r.randint(100, 400)} kPa, surface "
                        f"{r.randint(80, 125)} C, felt {r.randint(1, 5)} tension {r.randint(2, 9)} kN/m"),
    "WARNING": lambda r: (f"felt {r.randint(1, 5)} {r.choice(STOCK)} wet end: moisture {r.randint(50, 80)}% "
                          f"after press {r.randint(1, 3)}"),
    "ERROR": lambda r: (f"reel {r.randint(100, 999)} rejected: {r.randint(2, 30)} breaks at the "
                        f"{r.choice(['couch roll', 'first press', 'size press', 'calender'])}"),
}


def app_log(tmp: Path) -> None:
    make_app_log(tmp / "vatd.log", 39513, 1500, ["vatd.vat", "vatd.couch", "vatd.press", "vatd.dryer"],
                 LOG_MSGS, 39500, "2025-11-14")
    cap("log-grep-v-debug-head-950", "grep -v DEBUG vatd.log | head -n 950", tmp, n_app_log)
    chain("chain-log-grep-warn-error-vatd", "chain-log", "log",
          [Part("grep -E 'WARNING|ERROR' -B1 -A1 vatd.log | head -n 520", n_app_log),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp)


STEPS = [py_tests, py_lint, traceback_run, git_history, listings, tables, app_log]
