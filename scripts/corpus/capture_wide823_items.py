"""Round 823, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding geomag and pure-salsa20 (broken, each with the round's seeded test file), pure-salsa20's git history,
the lanternbook script, the beakerpress C project, the site-packages CSV, the lanternbook log, the packages' modules
and copies of their sources (run_shell_command, read_file, grep_search, glob), with libxslt's libxslt-keys page served
on 127.0.0.1:18823; run 2 in one holding the combsift Go module (and its vet and build copies), the lanternledger
deploy scripts, the platejig crate, the sqlite table and the combfloor log (run_shell_command). An item's text is the tool
result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines (round 289's
reading; a chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on
no line of its text is dropped whole. Run through capture_wide823.py; the call specs' helpers are round 476's
(capture_wide476_items' `_shell` and `_chain`, imported), the commands and names this round's (round 808's,
capture_wide808_items, is the shape: its item list, with this round's material in place of its own)."""

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
from capture_wide823 import VENV, add
from capture_wide823_mat import PA, QG

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18823
PYTEST = "python -m pytest -p no:cacheprovider"
PAGE_DIR = "/usr/share/doc/libxslt1-dev/html/html"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-vv-geomag-plates", n_pytest,
          f"cd geomag-src && PYTHONPATH=. timeout 300 {PYTEST} -vv --tb=short tests/test_geomag_plates.py 2>&1 "
          "| cut -c1-300 | tail -n 500"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd salsa20-src", None),
           Part(f"PYTHONPATH=. timeout 600 {PYTEST} -q --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-vv-ra-salsa20-lanterns", n_pytest,
          f"cd salsa20-src && PYTHONPATH=. timeout 300 {PYTEST} -vv -rA --tb=short "
          "tests/test_salsa20_lanterns.py 2>&1 | cut -c1-300 | tail -n 700"),
        S("gm-shell-pytest-long-geomag", n_pytest,
          f"cd geomag-src && PYTHONPATH=. timeout 600 {PYTEST} -rA -l --tb=long tests geomag/geomag.py 2>&1 "
          "| cut -c1-400 | tail -n 700"),
        S("gm-shell-ruff-concise-pipe", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise geomag-src/geomag/geomag.py "
          "geomag-src/geomag/__init__.py salsa20-src/pure_salsa20.py lanternbook.py | head -n 520"),
        S("gm-shell-mypy-strict-pipe", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null geomag-src/geomag "
          "salsa20-src/pure_salsa20.py lanternbook.py 2>&1 | tail -n 400"),
        S("gm-shell-traceback-lanternbook", n_chained, "PYTHONPATH=geomag-src:salsa20-src python lanternbook.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C beakerpress -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C beakerpress clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-beakerpress", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ibeakerpress/src "
          "beakerpress/src/beakerpress.c beakerpress/src/beaker_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-salsa20", n_log_p,
          "cd salsa20-git && git --no-pager log -p --stat -- '*.py' | head -n 800"),
        S("gm-shell-git-blame-salsa20", n_blame,
          "cd salsa20-git && git --no-pager blame pure_salsa20.py"),
        S("gm-shell-git-show-salsa20", n_show,
          "cd salsa20-git && git --no-pager show --no-ext-diff HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd salsa20-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-salsa20", n_diff,
          "cd salsa20-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-site", n_ls_lR,
          f"ls -laR geomag-src salsa20-src beakerpress {SITE}/geomag {SITE}/pure_salsa20.py {SITE}/iniconfig "
          f"{SITE}/_pytest {SITE}/pluggy {SITE}/mypy/plugins"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/geomag {SITE}/pure_salsa20.py {SITE}/_pytest {SITE}/pluggy {SITE}/iniconfig "
          f"{SITE}/mypy/plugins {SITE}/mypyc/irbuild {SITE}/pygments/lexers -type f -name '*.py*' "
          "-printf '%M %u %s %p\\n' | sort -k3 -n | head -n 500"),
        S("gm-shell-ps-auxww-sort-mem-150", n_ps_aux,
          "ps auxww --sort=-%mem | grep -v binary_backend | cut -c1-300 | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | grep -v '^./mypyc' "
          "| grep -v '^./pygments/lexers' | head -n 520"),
        S("gm-shell-npm-view-strip-indent", n_npm_view, "npm view strip-indent --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 300"),
        S("gm-shell-log-grep-v-lanternbook", n_app_log,
          "grep -vE 'DEBUG|INFO shop.store' lanternbook.log | tail -n 460"),
        S("gm-shell-curl-libxslt-keys", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/libxslt-keys.html"),
        ("gm-read-py-salsa20", "read_file", {"file_path": f"{root}/rd/pure_salsa20.py"},
         read_ext("python")),
        ("gm-read-py-geomag-geomag", "read_file", {"file_path": f"{root}/rd/geomag_geomag.py"},
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
        S("gm-shell-go-test-v-combsift", n_go_test, "cd combsift && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd combsift", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-combsift", n_go_vet, "cd combsift-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-combsift", n_go_build, "cd combsift-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-platejig", n_cargo_build, "cd platejig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd platejig", None),
           Part("sed -i '/let label: String/d;/idx.push(press_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-pedantic-platejig", n_clippy,
          "cd platejig && cargo clippy -- -W clippy::pedantic 2>&1 | tail -n 900"),
        S("gm-shell-cargo-metadata-platejig", n_cargo_meta,
          "cd platejig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-ruff-full-geomag", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full geomag-src/geomag/geomag.py geomag-src/geomag/__init__.py "
          "| head -n 900"),
        S("gm-shell-shellcheck-lanternledger", n_shellcheck, "shellcheck lanternledger-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/geomag {SITE}/iniconfig {SITE}/pluggy "
          f"{SITE}/mypy/plugins {SITE}/_pytest {SITE}/pygments/styles {SITE}/mypyc/irbuild | head -n 700"),
        S("gm-shell-top-b-n1-w240-mem", n_top, "top -b -n 1 -w 240 -o %MEM | head -n 260"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' AND directory NOT LIKE './mypyc%' "
          "AND directory NOT LIKE './pygments%' "
          "ORDER BY size DESC, file ASC LIMIT 280\""),
        S("gm-shell-npm-view-slash", n_npm_view, "npm view slash --json 2>/dev/null"),
        S("gm-shell-log-grep-v-combfloor", n_app_log,
          "grep -vE 'DEBUG|comb.db' combfloor.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/geomag {SITE}/pure_salsa20.py {SITE}/iniconfig {SITE}/pluggy "
          f"{SITE}/_pytest --include=*.py | head -n 700"),
        S("gm-shell-sed-n-geomag-geomag", sed_ext("python"), f"sed -n '1,191p' {SITE}/geomag/geomag.py"),
        S("gm-shell-man-p-cat-base32", n_help, "MANWIDTH=100 man -P cat base32 2>/dev/null"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory {PAGE_DIR}")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{QG} geomag-src && cp -r {tmp}/{PA} salsa20-src && "
              f"cp -r {tmp}/pure_salsa20-git salsa20-git && cp {tmp}/lanternbook.py . && "
              f"cp -r {tmp}/beakerpress beakerpress && cp {tmp}/data/sitepk.csv {tmp}/data/lanternbook.log . && "
              f"mkdir vendor rd && cp -r {SITE}/geomag {SITE}/pure_salsa20.py {SITE}/iniconfig {SITE}/pluggy "
              f"{SITE}/_pytest vendor/ && "
              f"cp {tmp}/{PA}/pure_salsa20.py rd/pure_salsa20.py && "
              f"cp {SITE}/geomag/geomag.py rd/geomag_geomag.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "MANWIDTH": "100"}
    drive("run2", tmp, f"cp -r {tmp}/platejig platejig && cp -r {tmp}/lanternledger-ops lanternledger-ops && "
          f"cp -r {tmp}/combsift {tmp}/combsift-vet {tmp}/combsift-build . && "
          f"cp -r {tmp}/{QG} geomag-src && cp {tmp}/data/sitepk.db {tmp}/data/combfloor.log .", run2_specs,
          TOOL_PATH, add, go_env)


STEPS = [run1, run2]
