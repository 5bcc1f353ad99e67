"""Round 644, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding hurry.filesize and datasize (broken, with their own tests), datasize's git history, the rushyard
script, the rushbench C project, the site-packages CSV, the rushyard log, the two packages' main modules and copies of
their installed sources (run_shell_command, read_file, grep_search, glob), with valgrind's Solaris readme page served
on 127.0.0.1:18644; run 2 in one holding the rushtally Go module (and its vet and build copies), the rushframe deploy
scripts, the pithjig crate, the sqlite table and the dipping log (run_shell_command). An item's text is the tool result
Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines (round 289's reading; a
chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on no line of
its text is dropped whole. Run through capture_wide644.py; the call specs' helpers are round 476's
(capture_wide476_items' `_shell` and `_chain`, imported), the commands and names this round's (round 632's,
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
from capture_wide644 import VENV, add
from capture_wide644_mat import DS, HF

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18644
PYTEST = "python -m pytest -p no:cacheprovider"
PAGE_DIR = "/usr/share/doc/valgrind/html"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-vv-datasize", n_pytest,
          f"cd datasize-src && timeout 600 {PYTEST} -vv --tb=short datasize/test.py 2>&1 | tail -n 400"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd filesize-src/src", None),
           Part(f"timeout 300 {PYTEST} -q --tb=line --import-mode=importlib --doctest-modules "
                f"--doctest-glob='*.txt' hurry/filesize",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-filesize", n_pytest,
          f"cd filesize-src/src && timeout 300 {PYTEST} -vv -rA -l --tb=long --import-mode=importlib "
          "--doctest-modules --doctest-glob='*.txt' hurry/filesize 2>&1 | cut -c1-400 | tail -n 700"),
        S("gm-shell-pytest-long-datasize", n_pytest,
          f"cd datasize-src && timeout 600 {PYTEST} -vv -rA -l --tb=long --import-mode=importlib "
          "--continue-on-collection-errors --doctest-modules datasize/__datasize__.py datasize/test.py 2>&1 | cut -c1-300 "
          "| tail -n 300"),
        S("gm-shell-ruff-concise-rush", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise datasize-src/datasize/__datasize__.py "
          "datasize-src/datasize/test.py datasize-src/setup.py filesize-src/src/hurry filesize-src/setup.py rushyard.py "
          "| head -n 520"),
        S("gm-shell-mypy-strict-rush", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null datasize-src/datasize/__datasize__.py "
          "datasize-src/datasize/test.py filesize-src/src/hurry/filesize/filesize.py rushyard.py 2>&1 | tail -n 400"),
        S("gm-shell-traceback-rushyard", n_chained, "python rushyard.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C rushbench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C rushbench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-rushbench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Irushbench/src "
          "rushbench/src/rushbench.c rushbench/src/rushpan_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-datasize", n_log_p,
          "cd datasize-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-datasize", n_blame,
          "cd datasize-git && git --no-pager blame -L 60,335 datasize/__datasize__.py"),
        S("gm-shell-git-show-datasize", n_show, "cd datasize-git && git --no-pager show --no-ext-diff HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd datasize-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-datasize", n_diff,
          "cd datasize-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-rush-site", n_ls_lR,
          f"ls -laR filesize-src datasize-src rushbench {SITE}/hurry {SITE}/datasize {SITE}/pluggy "
          f"{SITE}/datasize-*.dist-info {SITE}/_pytest {SITE}/iniconfig"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/hurry {SITE}/datasize {SITE}/_pytest {SITE}/pluggy {SITE}/packaging {SITE}/iniconfig "
          f"{SITE}/pygments/lexers -type f -name '*.py*' -printf '%M %u %s %p\\n' | sort -k3 -n | head -n 500"),
        S("gm-shell-ps-aux-sort-mem-150", n_ps_aux, "ps aux --sort=-rss | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | head -n 480"),
        S("gm-shell-npm-view-arr-union", n_npm_view, "npm view arr-union --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 540"),
        S("gm-shell-log-grep-v-rushyard", n_app_log,
          "grep -vE 'DEBUG|INFO rush.store' rushyard.log | tail -n 460"),
        S("gm-shell-curl-valgrind-readme-solaris", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/dist.readme-solaris.html"),
        ("gm-read-py-datasize", "read_file", {"file_path": f"{root}/rd/__datasize__.py"}, read_ext("python")),
        ("gm-read-py-filesize", "read_file", {"file_path": f"{root}/rd/filesize.py"}, read_ext("python")),
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
        S("gm-shell-go-test-v-rushtally", n_go_test, "cd rushtally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd rushtally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-rushtally", n_go_vet, "cd rushtally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-rushtally", n_go_build, "cd rushtally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-pithjig", n_cargo_build, "cd pithjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd pithjig", None),
           Part("sed -i '/let label: String/d;/idx.push(pan_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-pithjig", n_clippy, "cd pithjig && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-pithjig", n_cargo_meta,
          "cd pithjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-rushframe", n_shellcheck, "shellcheck rushframe-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/hurry {SITE}/datasize {SITE}/pluggy "
          f"{SITE}/pygments {SITE}/datasize-*.dist-info {SITE}/iniconfig {SITE}/mypy/plugins {SITE}/packaging "
          f"{SITE}/_pytest | head -n 700"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 220"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-array-unique", n_npm_view, "npm view array-unique --json 2>/dev/null"),
        S("gm-shell-log-grep-v-dipping", n_app_log,
          "grep -vE 'DEBUG|shed.db' dipping.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/hurry {SITE}/datasize {SITE}/iniconfig "
          f"{SITE}/pluggy {SITE}/_pytest/mark {SITE}/_pytest/config --include=*.py | head -n 700"),
        S("gm-shell-sed-n-pytest-python", sed_ext("python"), f"sed -n '1,400p' {SITE}/_pytest/python.py"),
        S("gm-shell-man-p-cat-ptx", n_help, "MANWIDTH=100 man -P cat ptx 2>/dev/null"),
        S("gm-shell-man-p-cat-numfmt", n_help, "MANWIDTH=100 man -P cat numfmt 2>/dev/null"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory {PAGE_DIR}")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{DS} datasize-src && cp -r {tmp}/{HF} filesize-src && "
              f"cp -r {tmp}/datasize-git datasize-git && cp {tmp}/rushyard.py . && "
              f"cp -r {tmp}/rushbench rushbench && cp {tmp}/data/sitepk.csv {tmp}/data/rushyard.log . && "
              f"mkdir vendor rd && cp -r {SITE}/hurry {SITE}/datasize {SITE}/iniconfig {SITE}/pluggy vendor/ && "
              f"cp {SITE}/datasize/__datasize__.py rd/__datasize__.py && "
              f"cp {SITE}/hurry/filesize/filesize.py rd/filesize.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "MANWIDTH": "100"}
    drive("run2", tmp, f"cp -r {tmp}/pithjig pithjig && cp -r {tmp}/rushframe-ops rushframe-ops && "
          f"cp -r {tmp}/rushtally {tmp}/rushtally-vet {tmp}/rushtally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/dipping.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
