"""Round 523, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding queuelib (broken, with its own tests) and its git history, the pugbench C project, the
site-packages CSV, the brickfield log, sexpdata's `sexpdata.py` and copies of queuelib's, sexpdata's, pampy's and
pymorton's installed sources (run_shell_command, read_file, grep_search, glob), with Node's events HTML page served on
127.0.0.1:18523; run 2 in one holding the moulderstally Go module (and its vet and build copies), the pugmillhead
deploy scripts, the hackjig crate, the sqlite table and the hack stack log (run_shell_command). An item's text is the
tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines (round
289's reading; a chain's from each part's own, the parts run again outside the agent). An item one of whose needles
is on no line of its text is dropped whole. Run through capture_wide523.py; the call specs' helpers are round 476's
(capture_wide476_items' `_shell` and `_chain`, imported), the commands and names this round's."""

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
from capture_wide523 import VENV, add
from capture_wide523_mat import QL

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18523
PYTEST = "python -m pytest -p no:cacheprovider"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    ql, vd = root / "queuelib", root / "vendor"
    return [
        S("gm-shell-pytest-v-queuelib", n_pytest,
          f"cd queuelib && PYTHONPATH=. timeout 300 {PYTEST} -v --tb=short queuelib/tests 2>&1 | tail -n 430"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd queuelib", None),
           Part(f"PYTHONPATH=. timeout 300 {PYTEST} -q --tb=line queuelib/tests/test_pqueue.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-queuelib", n_pytest,
          f"cd queuelib && PYTHONPATH=. timeout 300 {PYTEST} -rA --tb=long queuelib/tests 2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-queuelib", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise queuelib/queuelib "
          "queuelib/clampsheet.py vendor | head -n 520"),
        S("gm-shell-mypy-strict-queuelib", n_mypy,
          "cd queuelib && mypy --strict --no-incremental --cache-dir=/dev/null queuelib/pqueue.py "
          "queuelib/queue.py clampsheet.py queuelib/tests/test_pqueue.py queuelib/tests/test_queue.py "
          "2>&1 | tail -n 260"),
        S("gm-shell-traceback-clampsheet", n_chained, "cd queuelib && PYTHONPATH=. python clampsheet.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C pugbench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C pugbench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-pugbench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ipugbench/src "
          "pugbench/src/pugbench.c pugbench/src/pug_2[0-9].c 2>&1"),
        S("gm-shell-git-log-p-queuelib", n_log_p,
          "cd queuelib-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-queuelib-queue", n_blame,
          "cd queuelib-git && git --no-pager blame queuelib/queue.py"),
        S("gm-shell-git-show-queuelib", n_show,
          "cd queuelib-git && git --no-pager show --no-ext-diff HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd queuelib-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-queuelib", n_diff,
          "cd queuelib-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-queuelib-pugbench", n_ls_lR,
          f"ls -laR queuelib pugbench {SITE}/queuelib {SITE}/pampy {SITE}/pymorton {SITE}/sexpdata-*.dist-info "
          f"{SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/queuelib {SITE}/pampy {SITE}/pymorton {SITE}/sexpdata.py {SITE}/_pytest -type f "
          "-name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-cpu-150", n_ps_aux, "ps aux --sort=-%cpu | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | head -n 460"),
        S("gm-shell-npm-view-setprototypeof", n_npm_view, "npm view setprototypeof --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 520"),
        S("gm-shell-log-grep-v-brickfield", n_app_log,
          "grep -vE 'DEBUG|INFO brick.store' brickfield.log | tail -n 460"),
        S("gm-shell-curl-events-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/events.html | head -n 640"),
        ("gm-read-py-queuelib-queue", "read_file", {"file_path": f"{ql}/queuelib/queue.py"},
         read_ext("python")),
        ("gm-read-py-sexpdata", "read_file", {"file_path": f"{root}/sx/sexpdata.py"},
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
        S("gm-shell-go-test-v-moulderstally", n_go_test, "cd moulderstally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd moulderstally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-moulderstally", n_go_vet, "cd moulderstally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-moulderstally", n_go_build, "cd moulderstally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-hackjig", n_cargo_build, "cd hackjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd hackjig", None),
           Part("sed -i '/let label: String/d;/idx.push(row_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-hackjig", n_clippy, "cd hackjig && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-hackjig", n_cargo_meta,
          "cd hackjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-pugmillhead", n_shellcheck, "shellcheck pugmillhead-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/queuelib {SITE}/pampy {SITE}/pymorton "
          f"{SITE}/queuelib-*.dist-info {SITE}/_pytest | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 110"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' ORDER BY size DESC, file ASC LIMIT 250\""),
        S("gm-shell-npm-view-path-is-absolute", n_npm_view, "npm view path-is-absolute --json 2>/dev/null"),
        S("gm-shell-log-grep-v-hackstack", n_app_log,
          "grep -vE 'DEBUG|hack.db' hackstack.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/queuelib {SITE}/pampy {SITE}/pymorton {SITE}/sexpdata.py "
          f"{SITE}/_pytest/assertion --include=*.py | head -n 700"),
        S("gm-shell-sed-n-pampy", sed_ext("python"), f"sed -n '1,400p' {SITE}/pampy/pampy.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{QL} queuelib && cp -r {tmp}/queuelib-git queuelib-git && "
              f"cp -r {tmp}/pugbench pugbench && cp {tmp}/data/sitepk.csv {tmp}/data/brickfield.log . && "
              f"mkdir vendor sx && cp -r {SITE}/queuelib {SITE}/pampy {SITE}/pymorton {SITE}/sexpdata.py vendor/ && "
              f"cp {SITE}/sexpdata.py sx/ && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/hackjig hackjig && cp -r {tmp}/pugmillhead-ops pugmillhead-ops && "
          f"cp -r {tmp}/moulderstally {tmp}/moulderstally-vet {tmp}/moulderstally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/hackstack.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
