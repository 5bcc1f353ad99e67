"""Round 801, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding qrcodegen and pyaes (broken, each with the round's seeded test file), pyaes's git history, the
firingbook script, the tilepress C project, the site-packages CSV, the firingbook log, the packages' modules and
copies of their sources (run_shell_command, read_file, grep_search, glob), with libxslt's libxslt-security page served
on 127.0.0.1:18801; run 2 in one holding the claysift Go module (and its vet and build copies), the tileledger deploy
scripts, the pugjig crate, the sqlite table and the pugfloor log (run_shell_command). An item's text is the tool
result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines (round 289's
reading; a chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on
no line of its text is dropped whole. Run through capture_wide801.py; the call specs' helpers are round 476's
(capture_wide476_items' `_shell` and `_chain`, imported), the commands and names this round's (round 786's,
capture_wide786_items, is the shape: its item list, with this round's material in place of its own)."""

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
from capture_wide801 import VENV, add
from capture_wide801_mat import PA, QG

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18801
PYTEST = "python -m pytest -p no:cacheprovider"
PAGE_DIR = "/usr/share/doc/libxslt1-dev/html/html"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-vv-qrcodegen-tiles", n_pytest,
          f"cd qrcodegen-src && PYTHONPATH=. timeout 300 {PYTEST} -vv --tb=short tests/test_qrcodegen_tiles.py 2>&1 "
          "| cut -c1-300 | tail -n 500"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pyaes-src", None),
           Part(f"PYTHONPATH=. timeout 600 {PYTEST} -q --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-vv-ra-pyaes-kilns", n_pytest,
          f"cd pyaes-src && PYTHONPATH=. timeout 300 {PYTEST} -vv -rA --tb=short "
          "tests/test_pyaes_kilns.py 2>&1 | cut -c1-300 | tail -n 700"),
        S("gm-shell-pytest-long-qrcodegen", n_pytest,
          f"cd qrcodegen-src && PYTHONPATH=. timeout 600 {PYTEST} -rA -l --tb=long tests 2>&1 "
          "| cut -c1-400 | tail -n 700"),
        S("gm-shell-ruff-concise-pipe", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise qrcodegen-src/qrcodegen.py "
          "pyaes-src/pyaes/util.py pyaes-src/pyaes/blockfeeder.py firingbook.py | head -n 520"),
        S("gm-shell-mypy-strict-pipe", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null qrcodegen-src/qrcodegen.py "
          "pyaes-src/pyaes firingbook.py 2>&1 | tail -n 400"),
        S("gm-shell-traceback-firingbook", n_chained, "PYTHONPATH=qrcodegen-src:pyaes-src python firingbook.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C tilepress -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C tilepress clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-tilepress", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Itilepress/src "
          "tilepress/src/tilepress.c tilepress/src/press_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-pyaes", n_log_p,
          "cd pyaes-git && git --no-pager log -p --stat -- '*.py' | head -n 800"),
        S("gm-shell-git-blame-pyaes", n_blame,
          "cd pyaes-git && git --no-pager blame pyaes/blockfeeder.py"),
        S("gm-shell-git-show-pyaes", n_show,
          "cd pyaes-git && git --no-pager show --no-ext-diff HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pyaes-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-pyaes", n_diff,
          "cd pyaes-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-site", n_ls_lR,
          f"ls -laR qrcodegen-src pyaes-src tilepress {SITE}/qrcodegen.py {SITE}/pyaes {SITE}/iniconfig "
          f"{SITE}/_pytest {SITE}/pluggy {SITE}/mypy/plugins"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/qrcodegen.py {SITE}/pyaes {SITE}/_pytest {SITE}/pluggy {SITE}/iniconfig "
          f"{SITE}/mypy/plugins {SITE}/mypyc/irbuild {SITE}/pygments/lexers -type f -name '*.py*' "
          "-printf '%M %u %s %p\\n' | sort -k3 -n | head -n 500"),
        S("gm-shell-ps-auxww-sort-mem-150", n_ps_aux,
          "ps auxww --sort=-%mem | grep -v binary_backend | cut -c1-300 | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | grep -v '^./mypyc' "
          "| grep -v '^./pygments/lexers' | head -n 520"),
        S("gm-shell-npm-view-camelcase", n_npm_view, "npm view camelcase --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 300"),
        S("gm-shell-log-grep-v-firingbook", n_app_log,
          "grep -vE 'DEBUG|INFO works.store' firingbook.log | tail -n 460"),
        S("gm-shell-curl-libxslt-security", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/libxslt-security.html"),
        ("gm-read-py-pyaes-util", "read_file", {"file_path": f"{root}/rd/pyaes_util.py"},
         read_ext("python")),
        ("gm-read-py-qrcodegen", "read_file", {"file_path": f"{root}/rd/qrcodegen.py"},
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
        S("gm-shell-go-test-v-claysift", n_go_test, "cd claysift && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd claysift", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-claysift", n_go_vet, "cd claysift-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-claysift", n_go_build, "cd claysift-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-pugjig", n_cargo_build, "cd pugjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd pugjig", None),
           Part("sed -i '/let label: String/d;/idx.push(kiln_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-pedantic-pugjig", n_clippy,
          "cd pugjig && cargo clippy -- -W clippy::pedantic 2>&1 | tail -n 900"),
        S("gm-shell-cargo-metadata-pugjig", n_cargo_meta,
          "cd pugjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-ruff-full-qrcodegen", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full qrcodegen-src/qrcodegen.py "
          "| head -n 900"),
        S("gm-shell-shellcheck-tileledger", n_shellcheck, "shellcheck tileledger-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/pyaes {SITE}/iniconfig {SITE}/pluggy "
          f"{SITE}/mypy/plugins {SITE}/_pytest {SITE}/pygments/styles {SITE}/mypyc/irbuild | head -n 700"),
        S("gm-shell-top-b-n1-w240-mem", n_top, "top -b -n 1 -w 240 -o %MEM | head -n 260"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' AND directory NOT LIKE './mypyc%' "
          "AND directory NOT LIKE './pygments%' "
          "ORDER BY size DESC, file ASC LIMIT 280\""),
        S("gm-shell-npm-view-locate-path", n_npm_view, "npm view locate-path --json 2>/dev/null"),
        S("gm-shell-log-grep-v-pugfloor", n_app_log,
          "grep -vE 'DEBUG|pug.db' pugfloor.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/qrcodegen.py {SITE}/pyaes {SITE}/iniconfig {SITE}/pluggy "
          f"{SITE}/_pytest --include=*.py | head -n 700"),
        S("gm-shell-sed-n-pyaes-blockfeeder", sed_ext("python"), f"sed -n '1,227p' {SITE}/pyaes/blockfeeder.py"),
        S("gm-shell-man-p-cat-basenc", n_help, "MANWIDTH=100 man -P cat basenc 2>/dev/null"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory {PAGE_DIR}")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{QG} qrcodegen-src && cp -r {tmp}/{PA} pyaes-src && "
              f"cp -r {tmp}/pyaes-git pyaes-git && cp {tmp}/firingbook.py . && "
              f"cp -r {tmp}/tilepress tilepress && cp {tmp}/data/sitepk.csv {tmp}/data/firingbook.log . && "
              f"mkdir vendor rd && cp -r {SITE}/qrcodegen.py {SITE}/pyaes {SITE}/iniconfig {SITE}/pluggy "
              f"{SITE}/_pytest vendor/ && "
              f"cp {tmp}/{PA}/pyaes/util.py rd/pyaes_util.py && "
              f"cp {SITE}/qrcodegen.py rd/qrcodegen.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "MANWIDTH": "100"}
    drive("run2", tmp, f"cp -r {tmp}/pugjig pugjig && cp -r {tmp}/tileledger-ops tileledger-ops && "
          f"cp -r {tmp}/claysift {tmp}/claysift-vet {tmp}/claysift-build . && "
          f"cp -r {tmp}/{QG} qrcodegen-src && cp {tmp}/data/sitepk.db {tmp}/data/pugfloor.log .", run2_specs,
          TOOL_PATH, add, go_env)


STEPS = [run1, run2]
