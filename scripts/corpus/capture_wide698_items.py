"""Round 698, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding pyPEG2 and cstruct (broken, with their tests), pyPEG2's git history, the quillyard script, the
dutchbench C project, the site-packages CSV, the quillyard log, the packages' modules and copies of their installed
sources (run_shell_command, read_file, grep_search, glob), with libffi's Size-and-Alignment page served on
127.0.0.1:18698; run 2 in one holding the nibtally Go module (and its vet and build copies), the quillframe deploy
scripts, the penknifejig crate, the sqlite table and the nibroom log (run_shell_command). An item's text is the tool
result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines (round 289's
reading; a chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on
no line of its text is dropped whole. Run through capture_wide698.py; the call specs' helpers are round 476's
(capture_wide476_items' `_shell` and `_chain`, imported), the commands and names this round's (round 690's,
capture_wide690_items, is the shape)."""

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
from capture_wide698 import VENV, add
from capture_wide698_mat import GP, SG

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18698
PYTEST = "python -m pytest -p no:cacheprovider"
PAGE_DIR = "/usr/share/doc/libffi-dev/html"


# capture fix after the first run: cstruct's sdist lacks the `mbr` file two of its test modules read at import, so
# pytest stopped at collection and ran none of the other tests; its three cstruct commands now carry pytest's own
# --continue-on-collection-errors (the two errors stay in the output); with -x a collection error still stops the run
# (second run), so the --tb=long -x run (third run) leaves those two modules out with --ignore
def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-vv-pypeg2", n_pytest,
          f"cd pypeg2-src && timeout 300 {PYTEST} -vv --tb=short pypeg2/test/test_pyPEG2.py 2>&1 | cut -c1-300 "
          "| tail -n 500"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd cstruct-src", None),
           Part(f"timeout 600 {PYTEST} -q --tb=line --continue-on-collection-errors tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-vv-cstruct", n_pytest,
          f"cd cstruct-src && timeout 300 {PYTEST} -vv -rA --continue-on-collection-errors tests 2>&1 "
          "| cut -c1-300 | tail -n 700"),
        S("gm-shell-pytest-long-cstruct", n_pytest,
          f"cd cstruct-src && timeout 600 {PYTEST} -rA -l --tb=long -x --ignore=tests/test_cstruct.py --ignore=tests/test_memcstruct.py tests 2>&1 "
          "| cut -c1-400 | tail -n 700"),
        S("gm-shell-ruff-concise-pipe", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pypeg2-src/pypeg2 "
          "cstruct-src/cstruct quillyard.py | head -n 520"),
        S("gm-shell-mypy-strict-pipe", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null pypeg2-src/pypeg2 "
          "cstruct-src/cstruct quillyard.py 2>&1 | tail -n 400"),
        S("gm-shell-traceback-quillyard", n_chained, "python quillyard.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C dutchbench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C dutchbench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-dutchbench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Idutchbench/src "
          "dutchbench/src/dutchbench.c dutchbench/src/dutch_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-pypeg2", n_log_p,
          "cd pypeg2-git && git --no-pager log -p --stat -- '*.py' | head -n 900"),
        S("gm-shell-git-blame-pypeg2", n_blame,
          "cd pypeg2-git && git --no-pager blame -L 900,1100 pypeg2/__init__.py"),
        S("gm-shell-git-show-pypeg2", n_show, "cd pypeg2-git && git --no-pager show --no-ext-diff HEAD~3"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pypeg2-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-pypeg2", n_diff,
          "cd pypeg2-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-pipe-site", n_ls_lR,
          f"ls -laR pypeg2-src cstruct-src dutchbench {SITE}/pypeg2 {SITE}/_pytest {SITE}/iniconfig "
          f"{SITE}/pluggy"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/pypeg2 {SITE}/_pytest {SITE}/pluggy {SITE}/iniconfig {SITE}/mypy/plugins {SITE}/mypyc/irbuild "
          f"{SITE}/pygments/lexers -type f -name '*.py*' -printf '%M %u %s %p\\n' | sort -k3 -n | head -n 500"),
        S("gm-shell-ps-auxww-sort-cpu-160", n_ps_aux, "ps auxww --sort=-%cpu | cut -c1-300 | head -n 160"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | grep -v '^./mypyc' | head -n 520"),
        S("gm-shell-npm-view-collection-visit", n_npm_view, "npm view collection-visit --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 300"),
        S("gm-shell-log-grep-v-quillyard", n_app_log,
          "grep -vE 'DEBUG|INFO quill.store' quillyard.log | tail -n 460"),
        S("gm-shell-curl-libffi-size-and-alignment", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/Size-and-Alignment.html"),
        ("gm-read-py-pypeg2-init", "read_file", {"file_path": f"{root}/rd/pypeg2_init.py"}, read_ext("python")),
        ("gm-read-py-cstruct-abstract", "read_file", {"file_path": f"{root}/rd/cstruct_abstract.py"}, read_ext("python")),
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
        S("gm-shell-go-test-v-nibtally", n_go_test, "cd nibtally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd nibtally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-nibtally", n_go_vet, "cd nibtally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-nibtally", n_go_build, "cd nibtally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-penknifejig", n_cargo_build, "cd penknifejig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd penknifejig", None),
           Part("sed -i '/let label: String/d;/idx.push(batch_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-pedantic-penknifejig", n_clippy,
          "cd penknifejig && cargo clippy -- -W clippy::pedantic 2>&1 | tail -n 900"),
        S("gm-shell-cargo-metadata-penknifejig", n_cargo_meta,
          "cd penknifejig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-ruff-full-cstruct", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full cstruct-src/cstruct "
          "| head -n 900"),
        S("gm-shell-shellcheck-quillframe", n_shellcheck, "shellcheck quillframe-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/pypeg2 {SITE}/cstruct-*.dist-info {SITE}/iniconfig "
          f"{SITE}/mypy/plugins {SITE}/packaging {SITE}/_pytest {SITE}/pluggy | head -n 700"),
        S("gm-shell-top-b-n1-w240-mem", n_top, "top -b -n 1 -w 240 -o %MEM | head -n 280"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' AND directory NOT LIKE './mypyc%' "
          "ORDER BY size DESC, file ASC LIMIT 280\""),
        S("gm-shell-npm-view-union-value", n_npm_view, "npm view union-value --json 2>/dev/null"),
        S("gm-shell-log-grep-v-nibroom", n_app_log,
          "grep -vE 'DEBUG|room.db' nibroom.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/pypeg2 {SITE}/cstruct {SITE}/pluggy {SITE}/_pytest/mark "
          f"{SITE}/iniconfig {SITE}/packaging --include=*.py | head -n 700"),
        S("gm-shell-sed-n-pypeg2-init", sed_ext("python"), f"sed -n '1,420p' {SITE}/pypeg2/__init__.py"),
        S("gm-shell-man-p-cat-join", n_help, "MANWIDTH=100 man -P cat join 2>/dev/null"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory {PAGE_DIR}")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{GP} pypeg2-src && cp -r {tmp}/{SG} cstruct-src && "
              f"cp -r {tmp}/pypeg2-git pypeg2-git && cp {tmp}/quillyard.py . && "
              f"cp -r {tmp}/dutchbench dutchbench && cp {tmp}/data/sitepk.csv {tmp}/data/quillyard.log . && "
              f"mkdir vendor rd && cp -r {SITE}/pypeg2 {SITE}/cstruct {SITE}/_pytest {SITE}/iniconfig vendor/ && "
              f"cp {SITE}/pypeg2/__init__.py rd/pypeg2_init.py && "
              f"cp {SITE}/cstruct/abstract.py rd/cstruct_abstract.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "MANWIDTH": "100"}
    drive("run2", tmp, f"cp -r {tmp}/penknifejig penknifejig && cp -r {tmp}/quillframe-ops quillframe-ops && "
          f"cp -r {tmp}/nibtally {tmp}/nibtally-vet {tmp}/nibtally-build . && "
          f"cp -r {tmp}/{SG} cstruct-src && cp {tmp}/data/sitepk.db {tmp}/data/nibroom.log .", run2_specs,
          TOOL_PATH, add, go_env)


STEPS = [run1, run2]
