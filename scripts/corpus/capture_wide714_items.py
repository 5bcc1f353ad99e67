"""Round 714, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding webvtt-py and jsonstreams (broken, with their tests), webvtt-py's git history, the pinshop script,
the headbench C project, the site-packages CSV, the pinshop log, the packages' modules and copies of their installed
sources (run_shell_command, read_file, grep_search, glob), with libffi's Arrays-Unions-Enums page served on
127.0.0.1:18714; run 2 in one holding the pointtally Go module (and its vet and build copies), the pinframe deploy
scripts, the pointjig crate, the sqlite table and the wireroom log (run_shell_command). An item's text is the tool
result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines (round 289's
reading; a chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on
no line of its text is dropped whole. Run through capture_wide714.py; the call specs' helpers are round 476's
(capture_wide476_items' `_shell` and `_chain`, imported), the commands and names this round's (round 706's,
capture_wide706_items, is the shape)."""

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
from capture_wide714 import VENV, add
from capture_wide714_mat import GA, SL

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18714
PYTEST = "python -m pytest -p no:cacheprovider"
PAGE_DIR = "/usr/share/doc/libffi-dev/html"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-vv-webvtt", n_pytest,
          f"cd webvtt-src && timeout 300 {PYTEST} -vv --tb=short tests/test_models.py 2>&1 | cut -c1-300 "
          "| tail -n 500"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd jsonstreams-src", None),
           Part(f"PYTHONPATH=. timeout 600 {PYTEST} -q --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-vv-jsonstreams", n_pytest,
          f"cd jsonstreams-src && PYTHONPATH=. timeout 300 {PYTEST} -vv -rA tests 2>&1 "
          "| cut -c1-300 | tail -n 700"),
        S("gm-shell-pytest-long-webvtt", n_pytest,
          f"cd webvtt-src && timeout 600 {PYTEST} -rA -l --tb=long -x tests 2>&1 "
          "| cut -c1-400 | tail -n 700"),
        S("gm-shell-ruff-concise-pipe", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise webvtt-src/webvtt "
          "jsonstreams-src/jsonstreams pinshop.py | head -n 520"),
        S("gm-shell-mypy-strict-pipe", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null webvtt-src/webvtt "
          "jsonstreams-src/jsonstreams pinshop.py 2>&1 | tail -n 400"),
        S("gm-shell-traceback-pinshop", n_chained, "python pinshop.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C headbench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C headbench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-headbench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iheadbench/src "
          "headbench/src/headbench.c headbench/src/head_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-webvtt", n_log_p,
          "cd webvtt-git && git --no-pager log -p --stat -- '*.py' | head -n 900"),
        S("gm-shell-git-blame-webvtt", n_blame,
          "cd webvtt-git && git --no-pager blame -L 300,520 webvtt/models.py"),
        S("gm-shell-git-show-webvtt", n_show, "cd webvtt-git && git --no-pager show --no-ext-diff HEAD~3"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd webvtt-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-webvtt", n_diff,
          "cd webvtt-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-pipe-site", n_ls_lR,
          f"ls -laR webvtt-src jsonstreams-src headbench {SITE}/webvtt {SITE}/_pytest {SITE}/iniconfig "
          f"{SITE}/pluggy"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/webvtt {SITE}/jsonstreams {SITE}/_pytest {SITE}/pluggy {SITE}/iniconfig {SITE}/mypy/plugins {SITE}/mypyc/irbuild "
          f"{SITE}/pygments/lexers -type f -name '*.py*' -printf '%M %u %s %p\\n' | sort -k3 -n | head -n 500"),
        S("gm-shell-ps-auxww-sort-cpu-160", n_ps_aux, "ps auxww --sort=-%cpu | cut -c1-300 | head -n 160"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | grep -v '^./mypyc' | head -n 520"),
        S("gm-shell-npm-view-snapdragon-util", n_npm_view, "npm view snapdragon-util --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 300"),
        S("gm-shell-log-grep-v-pinshop", n_app_log,
          "grep -vE 'DEBUG|INFO pins.store' pinshop.log | tail -n 460"),
        S("gm-shell-curl-libffi-arrays-unions-enums", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/Arrays-Unions-Enums.html"),
        ("gm-read-py-webvtt-models", "read_file", {"file_path": f"{root}/rd/webvtt_models.py"}, read_ext("python")),
        ("gm-read-py-jsonstreams-init", "read_file", {"file_path": f"{root}/rd/jsonstreams_init.py"}, read_ext("python")),
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
        S("gm-shell-go-test-v-pointtally", n_go_test, "cd pointtally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd pointtally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-pointtally", n_go_vet, "cd pointtally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-pointtally", n_go_build, "cd pointtally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-pointjig", n_cargo_build, "cd pointjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd pointjig", None),
           Part("sed -i '/let label: String/d;/idx.push(coil_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-pedantic-pointjig", n_clippy,
          "cd pointjig && cargo clippy -- -W clippy::pedantic 2>&1 | tail -n 900"),
        S("gm-shell-cargo-metadata-pointjig", n_cargo_meta,
          "cd pointjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-ruff-full-jsonstreams", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full jsonstreams-src/jsonstreams "
          "| head -n 900"),
        S("gm-shell-shellcheck-pinframe", n_shellcheck, "shellcheck pinframe-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/webvtt {SITE}/jsonstreams-*.dist-info {SITE}/iniconfig "
          f"{SITE}/mypy/plugins {SITE}/packaging {SITE}/_pytest {SITE}/pluggy | head -n 700"),
        S("gm-shell-top-b-n1-w240-mem", n_top, "top -b -n 1 -w 240 -o %MEM | head -n 280"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' AND directory NOT LIKE './mypyc%' "
          "ORDER BY size DESC, file ASC LIMIT 280\""),
        S("gm-shell-npm-view-assign-symbols", n_npm_view, "npm view assign-symbols --json 2>/dev/null"),
        S("gm-shell-log-grep-v-wireroom", n_app_log,
          "grep -vE 'DEBUG|wire.db' wireroom.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/webvtt {SITE}/jsonstreams {SITE}/pluggy {SITE}/_pytest/mark "
          f"{SITE}/iniconfig {SITE}/packaging --include=*.py | head -n 700"),
        S("gm-shell-sed-n-webvtt-models", sed_ext("python"), f"sed -n '1,420p' {SITE}/webvtt/models.py"),
        S("gm-shell-man-p-cat-truncate", n_help, "MANWIDTH=100 man -P cat truncate 2>/dev/null"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory {PAGE_DIR}")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{GA} webvtt-src && cp -r {tmp}/{SL} jsonstreams-src && "
              f"cp -r {tmp}/webvtt-git webvtt-git && cp {tmp}/pinshop.py . && "
              f"cp -r {tmp}/headbench headbench && cp {tmp}/data/sitepk.csv {tmp}/data/pinshop.log . && "
              f"mkdir vendor rd && cp -r {SITE}/webvtt {SITE}/jsonstreams {SITE}/_pytest {SITE}/iniconfig vendor/ && "
              f"cp {SITE}/webvtt/models.py rd/webvtt_models.py && "
              f"cp {SITE}/jsonstreams/__init__.py rd/jsonstreams_init.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "MANWIDTH": "100"}
    drive("run2", tmp, f"cp -r {tmp}/pointjig pointjig && cp -r {tmp}/pinframe-ops pinframe-ops && "
          f"cp -r {tmp}/pointtally {tmp}/pointtally-vet {tmp}/pointtally-build . && "
          f"cp -r {tmp}/{SL} jsonstreams-src && cp {tmp}/data/sitepk.db {tmp}/data/wireroom.log .", run2_specs,
          TOOL_PATH, add, go_env)


STEPS = [run1, run2]
