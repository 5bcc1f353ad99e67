"""Round 808, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding tinyec and pure25519 (broken, each with the round's seeded test file), pure25519's git history, the
saddlebook script, the skirtpress C project, the site-packages CSV, the saddlebook log, the packages' modules and
copies of their sources (run_shell_command, read_file, grep_search, glob), with libxslt's libxslt-documents page served
on 127.0.0.1:18808; run 2 in one holding the panelsift Go module (and its vet and build copies), the treeledger deploy
scripts, the girthjig crate, the sqlite table and the girthfloor log (run_shell_command). An item's text is the tool
result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines (round 289's
reading; a chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on
no line of its text is dropped whole. Run through capture_wide808.py; the call specs' helpers are round 476's
(capture_wide476_items' `_shell` and `_chain`, imported), the commands and names this round's (round 801's,
capture_wide801_items, is the shape: its item list, with this round's material in place of its own)."""

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
from capture_wide808 import VENV, add
from capture_wide808_mat import PA, QG

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18808
PYTEST = "python -m pytest -p no:cacheprovider"
PAGE_DIR = "/usr/share/doc/libxslt1-dev/html/html"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-vv-tinyec-trees", n_pytest,
          f"cd tinyec-src && PYTHONPATH=. timeout 300 {PYTEST} -vv --tb=short tests/test_tinyec_trees.py 2>&1 "
          "| cut -c1-300 | tail -n 500"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pure25519-src", None),
           Part(f"PYTHONPATH=. timeout 600 {PYTEST} -q --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-vv-ra-pure25519-girths", n_pytest,
          f"cd pure25519-src && PYTHONPATH=. timeout 300 {PYTEST} -vv -rA --tb=short "
          "tests/test_pure25519_girths.py 2>&1 | cut -c1-300 | tail -n 700"),
        S("gm-shell-pytest-long-tinyec", n_pytest,
          f"cd tinyec-src && PYTHONPATH=. timeout 600 {PYTEST} -rA -l --tb=long tests test 2>&1 "
          "| cut -c1-400 | tail -n 700"),
        S("gm-shell-ruff-concise-pipe", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise tinyec-src/tinyec/ec.py "
          "pure25519-src/pure25519/basic.py pure25519-src/pure25519/eddsa.py saddlebook.py | head -n 520"),
        S("gm-shell-mypy-strict-pipe", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null tinyec-src/tinyec "
          "pure25519-src/pure25519 saddlebook.py 2>&1 | tail -n 400"),
        S("gm-shell-traceback-saddlebook", n_chained, "PYTHONPATH=tinyec-src:pure25519-src python saddlebook.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C skirtpress -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C skirtpress clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-skirtpress", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iskirtpress/src "
          "skirtpress/src/skirtpress.c skirtpress/src/skirt_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-pure25519", n_log_p,
          "cd pure25519-git && git --no-pager log -p --stat -- '*.py' | head -n 800"),
        S("gm-shell-git-blame-pure25519", n_blame,
          "cd pure25519-git && git --no-pager blame pure25519/eddsa.py"),
        S("gm-shell-git-show-pure25519", n_show,
          "cd pure25519-git && git --no-pager show --no-ext-diff HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pure25519-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-pure25519", n_diff,
          "cd pure25519-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-site", n_ls_lR,
          f"ls -laR tinyec-src pure25519-src skirtpress {SITE}/tinyec {SITE}/pure25519 {SITE}/iniconfig "
          f"{SITE}/_pytest {SITE}/pluggy {SITE}/mypy/plugins"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/tinyec {SITE}/pure25519 {SITE}/_pytest {SITE}/pluggy {SITE}/iniconfig "
          f"{SITE}/mypy/plugins {SITE}/mypyc/irbuild {SITE}/pygments/lexers -type f -name '*.py*' "
          "-printf '%M %u %s %p\\n' | sort -k3 -n | head -n 500"),
        S("gm-shell-ps-auxww-sort-mem-150", n_ps_aux,
          "ps auxww --sort=-%mem | grep -v binary_backend | cut -c1-300 | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | grep -v '^./mypyc' "
          "| grep -v '^./pygments/lexers' | head -n 520"),
        S("gm-shell-npm-view-dedent", n_npm_view, "npm view dedent --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 300"),
        S("gm-shell-log-grep-v-saddlebook", n_app_log,
          "grep -vE 'DEBUG|INFO shop.store' saddlebook.log | tail -n 460"),
        S("gm-shell-curl-libxslt-documents", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/libxslt-documents.html"),
        ("gm-read-py-pure25519-basic", "read_file", {"file_path": f"{root}/rd/pure25519_basic.py"},
         read_ext("python")),
        ("gm-read-py-tinyec-ec", "read_file", {"file_path": f"{root}/rd/tinyec_ec.py"},
         read_ext("python")),
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
        S("gm-shell-go-test-v-panelsift", n_go_test, "cd panelsift && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd panelsift", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-panelsift", n_go_vet, "cd panelsift-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-panelsift", n_go_build, "cd panelsift-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-girthjig", n_cargo_build, "cd girthjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd girthjig", None),
           Part("sed -i '/let label: String/d;/idx.push(tree_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-pedantic-girthjig", n_clippy,
          "cd girthjig && cargo clippy -- -W clippy::pedantic 2>&1 | tail -n 900"),
        S("gm-shell-cargo-metadata-girthjig", n_cargo_meta,
          "cd girthjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-ruff-full-tinyec", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full tinyec-src/tinyec/ec.py tinyec-src/tinyec/registry.py "
          "| head -n 900"),
        S("gm-shell-shellcheck-treeledger", n_shellcheck, "shellcheck treeledger-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/pure25519 {SITE}/tinyec {SITE}/iniconfig {SITE}/pluggy "
          f"{SITE}/mypy/plugins {SITE}/_pytest {SITE}/pygments/styles {SITE}/mypyc/irbuild | head -n 700"),
        S("gm-shell-top-b-n1-w240-mem", n_top, "top -b -n 1 -w 240 -o %MEM | head -n 260"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' AND directory NOT LIKE './mypyc%' "
          "AND directory NOT LIKE './pygments%' "
          "ORDER BY size DESC, file ASC LIMIT 280\""),
        S("gm-shell-npm-view-filesize", n_npm_view, "npm view filesize --json 2>/dev/null"),
        S("gm-shell-log-grep-v-girthfloor", n_app_log,
          "grep -vE 'DEBUG|girth.db' girthfloor.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/tinyec {SITE}/pure25519 {SITE}/iniconfig {SITE}/pluggy "
          f"{SITE}/_pytest --include=*.py | head -n 700"),
        S("gm-shell-sed-n-pure25519-ed25519-oop", sed_ext("python"), f"sed -n '1,191p' {SITE}/pure25519/ed25519_oop.py"),
        S("gm-shell-man-p-cat-cksum", n_help, "MANWIDTH=100 man -P cat cksum 2>/dev/null"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory {PAGE_DIR}")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{QG} tinyec-src && cp -r {tmp}/{PA} pure25519-src && "
              f"cp -r {tmp}/pure25519-git pure25519-git && cp {tmp}/saddlebook.py . && "
              f"cp -r {tmp}/skirtpress skirtpress && cp {tmp}/data/sitepk.csv {tmp}/data/saddlebook.log . && "
              f"mkdir vendor rd && cp -r {SITE}/tinyec {SITE}/pure25519 {SITE}/iniconfig {SITE}/pluggy "
              f"{SITE}/_pytest vendor/ && "
              f"cp {tmp}/{PA}/pure25519/basic.py rd/pure25519_basic.py && "
              f"cp {SITE}/tinyec/ec.py rd/tinyec_ec.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "MANWIDTH": "100"}
    drive("run2", tmp, f"cp -r {tmp}/girthjig girthjig && cp -r {tmp}/treeledger-ops treeledger-ops && "
          f"cp -r {tmp}/panelsift {tmp}/panelsift-vet {tmp}/panelsift-build . && "
          f"cp -r {tmp}/{QG} tinyec-src && cp {tmp}/data/sitepk.db {tmp}/data/girthfloor.log .", run2_specs,
          TOOL_PATH, add, go_env)


STEPS = [run1, run2]
