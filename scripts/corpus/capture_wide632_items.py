"""Round 632, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding pickleDB and jaconv (broken, with their own tests), jaconv's git history, the besomyard script, the
besombench C project, the site-packages CSV, the besom yard log, jaconv's `jaconv.py` and pickleDB's `pickledb.py`
and copies of jaconv's and pickleDB's installed sources (run_shell_command, read_file, grep_search, glob), with
valgrind's developers' readme page served on 127.0.0.1:18632; run 2 in one holding the besomtally Go module (and its
vet and build copies), the besomframe deploy scripts, the stalejig crate, the sqlite table and the binding log
(run_shell_command). An item's text is the tool result Gemini CLI sent back; its needles come from the extractor of
the tool that printed the lines (round 289's reading; a chain's from each part's own, the parts run again outside the
agent). An item one of whose needles is on no line of its text is dropped whole. Run through capture_wide632.py; the
call specs' helpers are round 476's (capture_wide476_items' `_shell` and `_chain`, imported), the commands and names
this round's (round 621's, capture_wide621_items, is the shape)."""

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
from capture_wide632 import VENV, add
from capture_wide632_mat import JC, PK

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18632
PYTEST = "python -m pytest -p no:cacheprovider"
PAGE_DIR = "/usr/share/doc/valgrind/html"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-v-jaconv", n_pytest,
          f"cd jaconv-src && timeout 600 {PYTEST} -vv --tb=short test_jaconv.py 2>&1 | tail -n 400"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pickledb-src", None),
           Part(f"timeout 300 {PYTEST} -q --tb=line test_pickledb.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-pickledb", n_pytest,
          f"cd pickledb-src && timeout 300 {PYTEST} -rA -l --tb=long test_pickledb.py 2>&1 "
          "| cut -c1-400 | tail -n 700"),
        S("gm-shell-pytest-long-jaconv", n_pytest,
          f"cd jaconv-src && timeout 600 {PYTEST} -vv -rA -l --tb=long test_jaconv.py 2>&1 | cut -c1-300 "
          "| tail -n 300"),
        S("gm-shell-ruff-concise-besom", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise jaconv-src/jaconv "
          "pickledb-src/pickledb.py pickledb-src/test_pickledb.py jaconv-src/test_jaconv.py besomyard.py "
          "| head -n 520"),
        S("gm-shell-mypy-strict-besom", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null jaconv-src/jaconv/jaconv.py jaconv-src/test_jaconv.py "
          "pickledb-src/pickledb.py pickledb-src/test_pickledb.py besomyard.py 2>&1 | tail -n 400"),
        S("gm-shell-traceback-besomyard", n_chained, "python besomyard.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C besombench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C besombench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-besombench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ibesombench/src "
          "besombench/src/besombench.c besombench/src/besomrack_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-jaconv", n_log_p,
          "cd jaconv-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-jaconv", n_blame,
          "cd jaconv-git && git --no-pager blame -L 300,700 jaconv/jaconv.py"),
        S("gm-shell-git-show-jaconv", n_show, "cd jaconv-git && git --no-pager show --no-ext-diff HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd jaconv-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-jaconv", n_diff,
          "cd jaconv-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-besom-site", n_ls_lR,
          f"ls -laR pickledb-src jaconv-src besombench {SITE}/jaconv {SITE}/aiofiles {SITE}/aiosqlite "
          f"{SITE}/pickledb-*.dist-info {SITE}/pytest_asyncio {SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/jaconv {SITE}/aiofiles {SITE}/aiosqlite {SITE}/pytest_asyncio {SITE}/_pytest {SITE}/pluggy "
          f"{SITE}/packaging {SITE}/iniconfig -type f -name '*.py*' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-mem-150", n_ps_aux, "ps aux --sort=-rss | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | head -n 480"),
        S("gm-shell-npm-view-arr-flatten", n_npm_view, "npm view arr-flatten --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 540"),
        S("gm-shell-log-grep-v-besomyard", n_app_log,
          "grep -vE 'DEBUG|INFO besom.store' besomyard.log | tail -n 460"),
        S("gm-shell-curl-valgrind-readme-developers", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/dist.readme-developers.html"),
        ("gm-read-py-jaconv", "read_file", {"file_path": f"{root}/rd/jaconv.py"}, read_ext("python")),
        ("gm-read-py-pickledb", "read_file", {"file_path": f"{root}/rd/pickledb.py"}, read_ext("python")),
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
        S("gm-shell-go-test-v-besomtally", n_go_test, "cd besomtally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd besomtally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-besomtally", n_go_vet, "cd besomtally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-besomtally", n_go_build, "cd besomtally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-stalejig", n_cargo_build, "cd stalejig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd stalejig", None),
           Part("sed -i '/let label: String/d;/idx.push(bench_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-stalejig", n_clippy, "cd stalejig && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-stalejig", n_cargo_meta,
          "cd stalejig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-besomframe", n_shellcheck, "shellcheck besomframe-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/jaconv {SITE}/aiofiles {SITE}/aiosqlite {SITE}/pluggy "
          f"{SITE}/pygments {SITE}/jaconv-*.dist-info {SITE}/pytest_asyncio {SITE}/orjson {SITE}/packaging "
          f"{SITE}/_pytest | head -n 700"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 220"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-is-primitive", n_npm_view, "npm view is-primitive --json 2>/dev/null"),
        S("gm-shell-log-grep-v-binding", n_app_log,
          "grep -vE 'DEBUG|shed.db' binding.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/jaconv {SITE}/aiofiles {SITE}/aiosqlite {SITE}/pickledb.py "
          f"{SITE}/pluggy {SITE}/_pytest/mark {SITE}/_pytest/config --include=*.py | head -n 700"),
        S("gm-shell-sed-n-pytest-fixtures", sed_ext("python"), f"sed -n '1,420p' {SITE}/_pytest/fixtures.py"),
        S("gm-shell-man-p-cat-csplit", n_help, "MANWIDTH=100 man -P cat csplit 2>/dev/null"),
        S("gm-shell-man-p-cat-paste", n_help, "MANWIDTH=100 man -P cat paste 2>/dev/null"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory {PAGE_DIR}")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{JC} jaconv-src && cp -r {tmp}/{PK} pickledb-src && "
              f"cp -r {tmp}/jaconv-git jaconv-git && cp {tmp}/besomyard.py . && "
              f"cp -r {tmp}/besombench besombench && cp {tmp}/data/sitepk.csv {tmp}/data/besomyard.log . && "
              f"mkdir vendor rd && cp -r {SITE}/jaconv {SITE}/aiofiles {SITE}/aiosqlite {SITE}/pickledb.py vendor/ && "
              f"cp {SITE}/jaconv/jaconv.py rd/jaconv.py && cp {SITE}/pickledb.py rd/pickledb.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "MANWIDTH": "100"}
    drive("run2", tmp, f"cp -r {tmp}/stalejig stalejig && cp -r {tmp}/besomframe-ops besomframe-ops && "
          f"cp -r {tmp}/besomtally {tmp}/besomtally-vet {tmp}/besomtally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/binding.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
