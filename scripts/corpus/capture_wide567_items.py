"""Round 567, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding csscompressor (broken, with its own tests) and its git history, the quicklimebench C project, the
site-packages CSV, the kiln eye log, fuzzyfinder's `main.py`, flatten_json's module and copies of csscompressor's,
fuzzyfinder's, flatten_json's, commentjson's and dunamai's installed sources (run_shell_command, read_file,
grep_search, glob), with stunnel's HTML manual served on 127.0.0.1:18567; run 2 in one holding the drawarchtally Go
module (and its vet and build copies), the burnerframe deploy scripts, the chargejig crate, the sqlite table and the
draw arch log (run_shell_command). An item's text is the tool result Gemini CLI sent back; its needles come from the
extractor of the tool that printed the lines (round 289's reading; a chain's from each part's own, the parts run
again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide567.py; the call specs' helpers are round 476's (capture_wide476_items' `_shell` and `_chain`, imported),
the commands and names this round's (round 553's, capture_wide553_items, is the shape)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide11_files import n_html
from capture_wide15_data import (n_cargo_meta, n_csv, n_find, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col,
                                 n_top)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff, n_shellcheck
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide289_gemini import drive, n_gemini_glob, n_gemini_grep, read_ext, sed_ext
from capture_wide476_items import _chain, _shell
from capture_wide567 import VENV, add
from capture_wide567_mat import HD

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18567
PYTEST = "python -m pytest -p no:cacheprovider"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-v-csscompressor", n_pytest,
          f"cd csscompressor && timeout 300 {PYTEST} -v --tb=short csscompressor/tests 2>&1 | cut -c1-400 | tail -n 430"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd csscompressor", None),
           Part(f"timeout 300 {PYTEST} -q --tb=line csscompressor/tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-csscompressor", n_pytest,
          f"cd csscompressor && timeout 300 {PYTEST} -rA -l --tb=long csscompressor/tests 2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-csscompressor", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise csscompressor "
          "vendor | head -n 520"),
        S("gm-shell-mypy-strict-csscompressor", n_mypy,
          "cd csscompressor && mypy --strict --no-incremental --cache-dir=/dev/null csscompressor "
          "burnsheet.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-burnsheet", n_chained, "cd csscompressor && python burnsheet.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C quicklimebench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C quicklimebench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-quicklimebench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iquicklimebench/src "
          "quicklimebench/src/quicklimebench.c quicklimebench/src/arch_2[0-9].c 2>&1"),
        S("gm-shell-git-log-p-csscompressor", n_log_p,
          "cd csscompressor-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-csscompressor", n_blame,
          "cd csscompressor-git && git --no-pager blame csscompressor/__init__.py"),
        S("gm-shell-git-show-csscompressor", n_show,
          "cd csscompressor-git && git --no-pager show --no-ext-diff HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd csscompressor-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-csscompressor", n_diff,
          "cd csscompressor-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-csscompressor-quicklimebench", n_ls_lR,
          f"ls -laR csscompressor quicklimebench {SITE}/csscompressor {SITE}/fuzzyfinder {SITE}/flatten_json "
          f"{SITE}/commentjson {SITE}/csscompressor-*.dist-info {SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/csscompressor {SITE}/fuzzyfinder {SITE}/flatten_json {SITE}/commentjson {SITE}/dunamai "
          f"{SITE}/_pytest -type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-cpu-150", n_ps_aux, "ps aux --sort=-%cpu | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | head -n 480"),
        S("gm-shell-npm-view-define-lazy-prop", n_npm_view, "npm view define-lazy-prop --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 540"),
        S("gm-shell-log-grep-v-kilneye", n_app_log,
          "grep -vE 'DEBUG|INFO kiln.weigh' kilneye.log | tail -n 460"),
        S("gm-shell-curl-stunnel-manual", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/stunnel.html"),
        ("gm-read-py-fuzzyfinder-main", "read_file", {"file_path": f"{root}/rd/main.py"},
         read_ext("python")),
        ("gm-read-py-flatten-json", "read_file", {"file_path": f"{root}/rd/flatten_json.py"},
         read_ext("python")),
        ("gm-grep-vendor-defs", "grep_search", {"pattern": r"^\s*(class|def) \w+", "dir_path": str(vd),
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
        S("gm-shell-go-test-v-drawarchtally", n_go_test, "cd drawarchtally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd drawarchtally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-drawarchtally", n_go_vet, "cd drawarchtally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-drawarchtally", n_go_build, "cd drawarchtally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-chargejig", n_cargo_build, "cd chargejig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd chargejig", None),
           Part("sed -i '/let label: String/d;/idx.push(arch_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-chargejig", n_clippy, "cd chargejig && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-chargejig", n_cargo_meta,
          "cd chargejig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-burnerframe", n_shellcheck, "shellcheck burnerframe-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/csscompressor {SITE}/commentjson {SITE}/dunamai "
          f"{SITE}/fuzzyfinder-*.dist-info {SITE}/_pytest | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 110"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-data-uri-to-buffer", n_npm_view, "npm view data-uri-to-buffer --json 2>/dev/null"),
        S("gm-shell-log-grep-v-drawarch", n_app_log,
          "grep -vE 'DEBUG|lime.db' drawarch.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/csscompressor {SITE}/fuzzyfinder {SITE}/flatten_json {SITE}/commentjson "
          f"{SITE}/dunamai {SITE}/_pytest/assertion --include=*.py | head -n 700"),
        S("gm-shell-sed-n-dunamai-init", sed_ext("python"), f"sed -n '1,420p' {SITE}/dunamai/__init__.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/stunnel4")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{HD} csscompressor && cp -r {tmp}/csscompressor-git csscompressor-git && "
              f"cp -r {tmp}/quicklimebench quicklimebench && cp {tmp}/data/sitepk.csv {tmp}/data/kilneye.log . && "
              f"mkdir vendor rd && cp -r {SITE}/csscompressor {SITE}/fuzzyfinder {SITE}/flatten_json {SITE}/commentjson "
              f"{SITE}/dunamai vendor/ && "
              f"cp {SITE}/fuzzyfinder/main.py rd/main.py && cp {SITE}/flatten_json/__init__.py rd/flatten_json.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/chargejig chargejig && cp -r {tmp}/burnerframe-ops burnerframe-ops && "
          f"cp -r {tmp}/drawarchtally {tmp}/drawarchtally-vet {tmp}/drawarchtally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/drawarch.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
