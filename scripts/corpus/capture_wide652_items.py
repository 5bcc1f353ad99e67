"""Round 652, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding sre_yield and diceware (broken, with their own tests), sre_yield's git history, the bodgeyard
script, the coppicebench C project, the site-packages CSV, the bodgeyard log, the two packages' main modules and
copies of their installed sources (run_shell_command, read_file, grep_search, glob), with valgrind's MIPS readme page
served on 127.0.0.1:18652; run 2 in one holding the bodgetally Go module (and its vet and build copies), the
bodgeframe deploy scripts, the billetjig crate, the sqlite table and the coppice log (run_shell_command). An item's
text is the tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines
(round 289's reading; a chain's from each part's own, the parts run again outside the agent). An item one of whose
needles is on no line of its text is dropped whole. Run through capture_wide652.py; the call specs' helpers are round
476's (capture_wide476_items' `_shell` and `_chain`, imported), the commands and names this round's (round 644's,
capture_wide644_items, is the shape)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, n_help, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide11_files import n_html
from capture_wide15_data import (n_cargo_meta, n_csv, n_find, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col,
                                 n_top)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff, n_shellcheck
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide289_gemini import drive, n_gemini_glob, n_gemini_grep, read_ext, sed_ext
from capture_wide476_items import _chain, _shell
from capture_wide652 import VENV, add
from capture_wide652_mat import DW, SY

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18652
PYTEST = "python -m pytest -p no:cacheprovider"
PAGE_DIR = "/usr/share/doc/valgrind/html"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-vv-sreyield", n_pytest,
          f"cd sreyield-src && timeout 600 {PYTEST} -vv --tb=short --ignore=sre_yield/tests/test_sre_yield_slow.py "
          "sre_yield/tests 2>&1 | tail -n 400"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd diceware-src", None),
           Part(f"timeout 300 {PYTEST} -q --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-diceware", n_pytest,
          f"cd diceware-src && timeout 300 {PYTEST} -vv -rA -l --tb=long tests 2>&1 | cut -c1-400 | tail -n 700"),
        S("gm-shell-pytest-long-sreyield", n_pytest,
          f"cd sreyield-src && timeout 600 {PYTEST} -vv -rA -l --tb=long --continue-on-collection-errors "
          "--doctest-modules --ignore=sre_yield/tests/test_sre_yield_slow.py sre_yield 2>&1 | cut -c1-300 "
          "| tail -n 700"),
        S("gm-shell-ruff-concise-bodge", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise sreyield-src/sre_yield "
          "sreyield-src/setup.py diceware-src/diceware diceware-src/setup.py bodgeyard.py | head -n 520"),
        S("gm-shell-mypy-strict-bodge", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null sreyield-src/sre_yield/__init__.py "
          "sreyield-src/sre_yield/fastdivmod.py diceware-src/diceware/__init__.py diceware-src/diceware/wordlist.py "
          "bodgeyard.py 2>&1 | tail -n 400"),
        S("gm-shell-traceback-bodgeyard", n_chained, "python bodgeyard.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C coppicebench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C coppicebench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-coppicebench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Icoppicebench/src "
          "coppicebench/src/coppicebench.c coppicebench/src/lathe_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-sreyield", n_log_p,
          "cd sreyield-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-sreyield", n_blame,
          "cd sreyield-git && git --no-pager blame -L 80,360 sre_yield/__init__.py"),
        S("gm-shell-git-show-sreyield", n_show, "cd sreyield-git && git --no-pager show --no-ext-diff HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd sreyield-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-sreyield", n_diff,
          "cd sreyield-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-bodge-site", n_ls_lR,
          f"ls -laR sreyield-src/sre_yield diceware-src/diceware diceware-src/tests coppicebench {SITE}/sre_yield "
          f"{SITE}/diceware {SITE}/pluggy {SITE}/_pytest {SITE}/iniconfig"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/sre_yield {SITE}/diceware {SITE}/_pytest {SITE}/pluggy {SITE}/packaging {SITE}/iniconfig "
          f"{SITE}/pygments/formatters {SITE}/pygments/lexers -type f -name '*.py*' -printf '%M %u %s %p\\n' "
          "| sort -k3 -n | head -n 500"),
        S("gm-shell-ps-aux-sort-mem-150", n_ps_aux, "ps aux --sort=-rss | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | head -n 480"),
        S("gm-shell-npm-view-repeat-element", n_npm_view, "npm view repeat-element --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 300"),
        S("gm-shell-log-grep-v-bodgeyard", n_app_log,
          "grep -vE 'DEBUG|INFO bodge.store' bodgeyard.log | tail -n 460"),
        S("gm-shell-curl-valgrind-readme-mips", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/dist.readme-mips.html"),
        ("gm-read-py-sreyield", "read_file", {"file_path": f"{root}/rd/sre_yield.py"}, read_ext("python")),
        ("gm-read-py-diceware", "read_file", {"file_path": f"{root}/rd/diceware.py"}, read_ext("python")),
        ("gm-grep-vendor-defs", "grep_search", {"pattern": r"^\s*(async def|class|def) \w+", "dir_path": str(vd),
                                                "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-vendor-raises", "grep_search", {"pattern": r"raise \w+(Error|Exception)",
                                                  "dir_path": str(vd), "include_pattern": "*.py"},
         n_gemini_grep),
        ("gm-glob-all-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        S("gm-shell-go-test-v-bodgetally", n_go_test, "cd bodgetally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd bodgetally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-bodgetally", n_go_vet, "cd bodgetally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-bodgetally", n_go_build, "cd bodgetally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-billetjig", n_cargo_build, "cd billetjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd billetjig", None),
           Part("sed -i '/let label: String/d;/idx.push(lathe_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-billetjig", n_clippy, "cd billetjig && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-billetjig", n_cargo_meta,
          "cd billetjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-bodgeframe", n_shellcheck, "shellcheck bodgeframe-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/sre_yield {SITE}/diceware {SITE}/pluggy "
          f"{SITE}/pygments {SITE}/diceware-*.dist-info {SITE}/iniconfig {SITE}/mypy/plugins {SITE}/packaging "
          f"{SITE}/_pytest | head -n 700"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 220"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-object-visit", n_npm_view, "npm view object-visit --json 2>/dev/null"),
        S("gm-shell-log-grep-v-coppice", n_app_log,
          "grep -vE 'DEBUG|camp.db' coppice.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/sre_yield {SITE}/diceware {SITE}/iniconfig "
          f"{SITE}/pluggy {SITE}/_pytest/mark {SITE}/_pytest/config --include=*.py | head -n 700"),
        S("gm-shell-sed-n-pytest-fixtures", sed_ext("python"), f"sed -n '1,400p' {SITE}/_pytest/fixtures.py"),
        S("gm-shell-man-p-cat-pr", n_help, "MANWIDTH=100 man -P cat pr 2>/dev/null"),
        S("gm-shell-man-p-cat-fmt", n_help, "MANWIDTH=100 man -P cat fmt 2>/dev/null"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory {PAGE_DIR}")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{SY} sreyield-src && cp -r {tmp}/{DW} diceware-src && "
              f"cp -r {tmp}/sreyield-git sreyield-git && cp {tmp}/bodgeyard.py . && "
              f"cp -r {tmp}/coppicebench coppicebench && cp {tmp}/data/sitepk.csv {tmp}/data/bodgeyard.log . && "
              f"mkdir vendor rd && cp -r {SITE}/sre_yield {SITE}/diceware {SITE}/iniconfig {SITE}/pluggy vendor/ && "
              f"cp {SITE}/sre_yield/__init__.py rd/sre_yield.py && "
              f"cp {SITE}/diceware/__init__.py rd/diceware.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "MANWIDTH": "100"}
    drive("run2", tmp, f"cp -r {tmp}/billetjig billetjig && cp -r {tmp}/bodgeframe-ops bodgeframe-ops && "
          f"cp -r {tmp}/bodgetally {tmp}/bodgetally-vet {tmp}/bodgetally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/coppice.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
