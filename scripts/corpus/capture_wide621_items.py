"""Round 621, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding Arpeggio and patiencediff (broken, with their own tests), patiencediff's git history, the cressbeds
script, the cressbench C project, the site-packages CSV, the cress beds log, Arpeggio's `__init__.py` and `peg.py`
and copies of Arpeggio's and patiencediff's installed sources (run_shell_command, read_file, grep_search, glob), with
libxslt's extensions API page served on 127.0.0.1:18621; run 2 in one holding the cresstally Go module (and its vet
and build copies), the bunchersframe deploy scripts, the bunchjig crate, the sqlite table and the bunching log
(run_shell_command). An item's text is the tool result Gemini CLI sent back; its needles come from the extractor of
the tool that printed the lines (round 289's reading; a chain's from each part's own, the parts run again outside the
agent). An item one of whose needles is on no line of its text is dropped whole. Run through capture_wide621.py; the
call specs' helpers are round 476's (capture_wide476_items' `_shell` and `_chain`, imported), the commands and names
this round's (round 609's, capture_wide609_items, is the shape)."""

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
from capture_wide621 import VENV, add
from capture_wide621_mat import AP, PD

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18621
PYTEST = "python -m pytest -p no:cacheprovider"
PAGE_DIR = "/usr/share/doc/libxslt1-dev/html/html"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-v-arpeggio", n_pytest,
          f"cd arpeggio-src && timeout 600 {PYTEST} -v --tb=short arpeggio/tests 2>&1 | tail -n 400"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd patiencediff-src", None),
           Part(f"timeout 300 {PYTEST} -q --tb=line patiencediff", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-patiencediff", n_pytest,
          f"cd patiencediff-src && timeout 300 {PYTEST} -rA -l --tb=long patiencediff/test_patiencediff.py 2>&1 "
          "| cut -c1-400 | tail -n 700"),
        S("gm-shell-pytest-long-arpeggio", n_pytest,
          f"cd arpeggio-src && timeout 600 {PYTEST} -rA -l --tb=long arpeggio/tests/test_error_reporting.py "
          "arpeggio/tests/test_peg_parser.py arpeggio/tests/test_python_parser.py 2>&1 | cut -c1-300 "
          "| tail -n 500"),
        S("gm-shell-ruff-concise-cress", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise arpeggio-src/arpeggio "
          "patiencediff-src/patiencediff cressbeds.py | head -n 520"),
        S("gm-shell-mypy-strict-cress", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null arpeggio-src/arpeggio/__init__.py "
          "arpeggio-src/arpeggio/peg.py patiencediff-src/patiencediff cressbeds.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-cressbeds", n_chained, "python cressbeds.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C cressbench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C cressbench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-cressbench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Icressbench/src "
          "cressbench/src/cressbench.c cressbench/src/cressbed_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-patiencediff", n_log_p,
          "cd patiencediff-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-patiencediff", n_blame,
          "cd patiencediff-git && git --no-pager blame patiencediff/_patiencediff_py.py"),
        S("gm-shell-git-show-patiencediff", n_show, "cd patiencediff-git && git --no-pager show --no-ext-diff HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd patiencediff-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-patiencediff", n_diff,
          "cd patiencediff-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-cress-site", n_ls_lR,
          f"ls -laR patiencediff-src cressbench {SITE}/arpeggio {SITE}/patiencediff "
          f"{SITE}/Arpeggio-*.dist-info {SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/arpeggio {SITE}/patiencediff {SITE}/_pytest {SITE}/pluggy {SITE}/packaging {SITE}/iniconfig "
          "-type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-mem-150", n_ps_aux, "ps aux --sort=-rss | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | head -n 480"),
        S("gm-shell-npm-view-is-odd", n_npm_view, "npm view is-odd --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 540"),
        S("gm-shell-log-grep-v-cressbeds", n_app_log,
          "grep -vE 'DEBUG|INFO cress.store' cressbeds.log | tail -n 460"),
        S("gm-shell-curl-libxslt-extensions", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/libxslt-extensions.html"),
        ("gm-read-py-arpeggio-init", "read_file", {"file_path": f"{root}/rd/__init__.py"}, read_ext("python")),
        ("gm-read-py-arpeggio-peg", "read_file", {"file_path": f"{root}/rd/peg.py"}, read_ext("python")),
        ("gm-grep-vendor-defs", "grep_search", {"pattern": r"^\s*(class|def) \w+", "dir_path": str(vd),
                                                "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-vendor-raises", "grep_search", {"pattern": r"raise \w+(Error|Exception|Match)",
                                                  "dir_path": str(vd), "include_pattern": "*.py"},
         n_gemini_grep),
        ("gm-glob-all-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        S("gm-shell-go-test-v-cresstally", n_go_test, "cd cresstally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd cresstally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-cresstally", n_go_vet, "cd cresstally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-cresstally", n_go_build, "cd cresstally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-bunchjig", n_cargo_build, "cd bunchjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd bunchjig", None),
           Part("sed -i '/let label: String/d;/idx.push(bed_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-bunchjig", n_clippy, "cd bunchjig && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-bunchjig", n_cargo_meta,
          "cd bunchjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-bunchersframe", n_shellcheck, "shellcheck bunchersframe-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/arpeggio {SITE}/patiencediff {SITE}/pluggy {SITE}/pygments "
          f"{SITE}/patiencediff-*.dist-info {SITE}/_pytest | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 110"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-decamelize", n_npm_view, "npm view decamelize --json 2>/dev/null"),
        S("gm-shell-log-grep-v-bunching", n_app_log,
          "grep -vE 'DEBUG|shed.db' bunching.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/arpeggio {SITE}/patiencediff {SITE}/pluggy {SITE}/_pytest/mark "
          f"{SITE}/_pytest/config --include=*.py | head -n 700"),
        S("gm-shell-sed-n-pytest-python", sed_ext("python"), f"sed -n '1,420p' {SITE}/_pytest/python.py"),
        S("gm-shell-man-p-cat-xargs", n_help, "MANWIDTH=100 man -P cat xargs 2>/dev/null"),
        S("gm-shell-man-p-cat-diff", n_help, "MANWIDTH=100 man -P cat diff 2>/dev/null"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory {PAGE_DIR}")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{AP} arpeggio-src && cp -r {tmp}/{PD} patiencediff-src && "
              f"cp -r {tmp}/patiencediff-git patiencediff-git && cp {tmp}/cressbeds.py . && "
              f"cp -r {tmp}/cressbench cressbench && cp {tmp}/data/sitepk.csv {tmp}/data/cressbeds.log . && "
              f"mkdir vendor rd && cp -r {SITE}/arpeggio {SITE}/patiencediff vendor/ && "
              f"cp {SITE}/arpeggio/__init__.py rd/__init__.py && cp {SITE}/arpeggio/peg.py rd/peg.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "MANWIDTH": "100"}
    drive("run2", tmp, f"cp -r {tmp}/bunchjig bunchjig && cp -r {tmp}/bunchersframe-ops bunchersframe-ops && "
          f"cp -r {tmp}/cresstally {tmp}/cresstally-vet {tmp}/cresstally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/bunching.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
