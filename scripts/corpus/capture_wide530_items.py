"""Round 530, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding argh (broken, with its own tests) and its git history, the kilnbench C project, the site-packages
CSV, the maltings log, biplist's `__init__.py` and copies of argh's, atpublic's, biplist's, cuid's and ansicolors'
installed sources (run_shell_command, read_file, grep_search, glob), with Node's assert HTML page served on
127.0.0.1:18530; run 2 in one holding the maltsterstally Go module (and its vet and build copies), the couchframe
deploy scripts, the steepjig crate, the sqlite table and the kiln floor log (run_shell_command). An item's text is the
tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines (round
289's reading; a chain's from each part's own, the parts run again outside the agent). An item one of whose needles
is on no line of its text is dropped whole. Run through capture_wide530.py; the call specs' helpers are round 476's
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
from capture_wide530 import VENV, add
from capture_wide530_mat import AR

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18530
PYTEST = "python -m pytest -p no:cacheprovider"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    ar, vd = root / "argh", root / "vendor"
    return [
        S("gm-shell-pytest-v-argh", n_pytest,
          f"cd argh && PYTHONPATH=src timeout 300 {PYTEST} -v --tb=short tests 2>&1 | tail -n 430"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd argh", None),
           Part(f"PYTHONPATH=src timeout 300 {PYTEST} -q --tb=line tests/test_utils.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-argh", n_pytest,
          f"cd argh && PYTHONPATH=src timeout 300 {PYTEST} -rA --tb=long tests 2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-argh", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise argh/src/argh "
          "argh/steepsheet.py vendor | head -n 520"),
        S("gm-shell-mypy-strict-argh", n_mypy,
          "cd argh && mypy --strict --no-incremental --cache-dir=/dev/null src/argh/utils.py "
          "src/argh/assembling.py steepsheet.py tests/test_utils.py tests/base.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-steepsheet", n_chained, "cd argh && PYTHONPATH=src python steepsheet.py --week 50"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C kilnbench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C kilnbench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-kilnbench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ikilnbench/src "
          "kilnbench/src/kilnbench.c kilnbench/src/kiln_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-argh", n_log_p,
          "cd argh-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-argh-utils", n_blame,
          "cd argh-git && git --no-pager blame src/argh/utils.py"),
        S("gm-shell-git-show-argh", n_show,
          "cd argh-git && git --no-pager show --no-ext-diff HEAD~6"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd argh-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-argh", n_diff,
          "cd argh-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-argh-kilnbench", n_ls_lR,
          f"ls -laR argh kilnbench {SITE}/argh {SITE}/public {SITE}/colors {SITE}/biplist-*.dist-info "
          f"{SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/argh {SITE}/public {SITE}/biplist {SITE}/colors {SITE}/cuid.py {SITE}/_pytest -type f "
          "-name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-mem-150", n_ps_aux, "ps aux --sort=-%mem | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | head -n 480"),
        S("gm-shell-npm-view-depd", n_npm_view, "npm view depd --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 540"),
        S("gm-shell-log-grep-v-maltings", n_app_log,
          "grep -vE 'DEBUG|INFO malt.store' maltings.log | tail -n 460"),
        S("gm-shell-curl-assert-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/assert.html | head -n 600"),
        ("gm-read-py-argh-assembling", "read_file", {"file_path": f"{ar}/src/argh/assembling.py"},
         read_ext("python")),
        ("gm-read-py-biplist", "read_file", {"file_path": f"{root}/bp/biplist.py"},
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
        S("gm-shell-go-test-v-maltsterstally", n_go_test, "cd maltsterstally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd maltsterstally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-maltsterstally", n_go_vet, "cd maltsterstally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-maltsterstally", n_go_build, "cd maltsterstally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-steepjig", n_cargo_build, "cd steepjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd steepjig", None),
           Part("sed -i '/let label: String/d;/idx.push(tank_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-steepjig", n_clippy, "cd steepjig && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-steepjig", n_cargo_meta,
          "cd steepjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-couchframe", n_shellcheck, "shellcheck couchframe-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/argh {SITE}/public {SITE}/colors {SITE}/biplist "
          f"{SITE}/argh-*.dist-info {SITE}/_pytest | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 110"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-utils-merge", n_npm_view, "npm view utils-merge --json 2>/dev/null"),
        S("gm-shell-log-grep-v-kilnfloor", n_app_log,
          "grep -vE 'DEBUG|kiln.db' kilnfloor.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/argh {SITE}/public {SITE}/colors {SITE}/biplist {SITE}/cuid.py "
          f"{SITE}/_pytest/assertion --include=*.py | head -n 700"),
        S("gm-shell-sed-n-argh-dispatching", sed_ext("python"), f"sed -n '1,420p' {SITE}/argh/dispatching.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{AR} argh && cp -r {tmp}/argh-git argh-git && "
              f"cp -r {tmp}/kilnbench kilnbench && cp {tmp}/data/sitepk.csv {tmp}/data/maltings.log . && "
              f"mkdir vendor bp && cp -r {SITE}/argh {SITE}/public {SITE}/biplist {SITE}/colors {SITE}/cuid.py vendor/ && "
              f"cp {SITE}/biplist/__init__.py bp/biplist.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/steepjig steepjig && cp -r {tmp}/couchframe-ops couchframe-ops && "
          f"cp -r {tmp}/maltsterstally {tmp}/maltsterstally-vet {tmp}/maltsterstally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/kilnfloor.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
