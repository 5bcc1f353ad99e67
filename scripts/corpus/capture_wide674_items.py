"""Round 674, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding confusables and pysbd (broken, with their tests), confusables' git history, the plasteryard
script, the covebench C project, the site-packages CSV, the plasteryard log, two of the packages' modules and copies
of their installed sources (run_shell_command, read_file, grep_search, glob), with valgrind's FreeBSD readme page
served on 127.0.0.1:18674; run 2 in one holding the screedtally Go module (and its vet and build copies), the
lathframe deploy scripts, the skimjig crate, the sqlite table and the screedrim log (run_shell_command). An item's
text is the tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines
(round 289's reading; a chain's from each part's own, the parts run again outside the agent). An item one of whose
needles is on no line of its text is dropped whole. Run through capture_wide674.py; the call specs' helpers are round
476's (capture_wide476_items' `_shell` and `_chain`, imported), the commands and names this round's (round 662's,
capture_wide662_items, is the shape)."""

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
from capture_wide674 import VENV, add
from capture_wide674_mat import CF, SB

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18674
PYTEST = "python -m pytest -p no:cacheprovider"
PAGE_DIR = "/usr/share/doc/valgrind/html"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-vv-confusables", n_pytest,
          f"cd confusables-src && timeout 300 {PYTEST} -vv --tb=short tests 2>&1 | tail -n 400"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pysbd-src", None),
           Part(f"timeout 600 {PYTEST} -q --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-pysbd", n_pytest,
          f"cd pysbd-src && timeout 600 {PYTEST} -vv -rA -l --tb=long tests 2>&1 "
          "| cut -c1-300 | tail -n 700"),
        S("gm-shell-pytest-long-confusables", n_pytest,
          f"cd confusables-src && timeout 300 {PYTEST} -vv -rA -l --tb=long tests 2>&1 "
          "| cut -c1-400 | tail -n 700"),
        S("gm-shell-ruff-concise-plaster", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise confusables-src/confusables "
          "pysbd-src/pysbd pysbd-src/tests plasteryard.py | head -n 520"),
        S("gm-shell-mypy-strict-plaster", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null confusables-src/confusables "
          "pysbd-src/pysbd plasteryard.py 2>&1 "
          "| tail -n 400"),
        S("gm-shell-traceback-plasteryard", n_chained, "python plasteryard.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C covebench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C covebench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-covebench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Icovebench/src "
          "covebench/src/covebench.c covebench/src/cove_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-confusables", n_log_p,
          "cd confusables-git && git --no-pager log -p --stat -- '*.py' | head -n 900"),
        S("gm-shell-git-blame-confusables", n_blame,
          "cd confusables-git && git --no-pager blame confusables/__init__.py"),
        S("gm-shell-git-show-confusables", n_show, "cd confusables-git && git --no-pager show --no-ext-diff HEAD~3"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd confusables-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-confusables", n_diff,
          "cd confusables-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-plaster-site", n_ls_lR,
          f"ls -laR confusables-src pysbd-src covebench {SITE}/confusables {SITE}/pysbd "
          f"{SITE}/pluggy {SITE}/_pytest {SITE}/iniconfig"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/confusables {SITE}/pysbd {SITE}/_pytest {SITE}/pluggy {SITE}/packaging {SITE}/iniconfig "
          f"{SITE}/pygments/formatters {SITE}/pygments/lexers -type f -name '*.py*' -printf '%M %u %s %p\\n' "
          "| sort -k3 -n | head -n 500"),
        S("gm-shell-ps-auxww-sort-mem-150", n_ps_aux, "ps auxww --sort=-rss | cut -c1-400 | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | head -n 480"),
        S("gm-shell-npm-view-cache-base", n_npm_view, "npm view cache-base --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 300"),
        S("gm-shell-log-grep-v-plasteryard", n_app_log,
          "grep -vE 'DEBUG|INFO plaster.store' plasteryard.log | tail -n 460"),
        S("gm-shell-curl-valgrind-readme-freebsd", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/dist.readme-freebsd.html"),
        ("gm-read-py-confusables", "read_file", {"file_path": f"{root}/rd/confusables.py"}, read_ext("python")),
        ("gm-read-py-pysbd-processor", "read_file", {"file_path": f"{root}/rd/processor.py"}, read_ext("python")),
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
        S("gm-shell-go-test-v-screedtally", n_go_test, "cd screedtally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd screedtally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-screedtally", n_go_vet, "cd screedtally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-screedtally", n_go_build, "cd screedtally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-skimjig", n_cargo_build, "cd skimjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd skimjig", None),
           Part("sed -i '/let label: String/d;/idx.push(wall_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-pedantic-skimjig", n_clippy,
          "cd skimjig && cargo clippy -- -W clippy::pedantic 2>&1 | tail -n 900"),
        S("gm-shell-cargo-metadata-skimjig", n_cargo_meta,
          "cd skimjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-ruff-full-pysbd", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=full pysbd-src/pysbd | head -n 900"),
        S("gm-shell-shellcheck-lathframe", n_shellcheck, "shellcheck lathframe-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/confusables {SITE}/pysbd {SITE}/pluggy "
          f"{SITE}/pygments {SITE}/pysbd-*.dist-info {SITE}/iniconfig {SITE}/mypy/plugins {SITE}/packaging "
          f"{SITE}/_pytest | head -n 700"),
        S("gm-shell-top-b-n1-w250", n_top, "top -b -n 1 -w 250 | head -n 300"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-class-utils", n_npm_view, "npm view class-utils --json 2>/dev/null"),
        S("gm-shell-log-grep-v-screedrim", n_app_log,
          "grep -vE 'DEBUG|shop.db' screedrim.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/confusables {SITE}/pysbd {SITE}/iniconfig "
          f"{SITE}/pluggy {SITE}/_pytest/mark {SITE}/_pytest/config --include=*.py | head -n 700"),
        S("gm-shell-sed-n-pytest-python", sed_ext("python"), f"sed -n '1,400p' {SITE}/_pytest/python.py"),
        S("gm-shell-man-p-cat-fold", n_help, "MANWIDTH=100 man -P cat fold 2>/dev/null"),
        S("gm-shell-man-p-cat-tac", n_help, "MANWIDTH=100 man -P cat tac 2>/dev/null"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory {PAGE_DIR}")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{CF} confusables-src && cp -r {tmp}/{SB} pysbd-src && "
              f"cp -r {tmp}/confusables-git confusables-git && cp {tmp}/plasteryard.py . && "
              f"cp -r {tmp}/covebench covebench && cp {tmp}/data/sitepk.csv {tmp}/data/plasteryard.log . && "
              f"mkdir vendor rd && cp -r {SITE}/confusables {SITE}/pysbd {SITE}/iniconfig {SITE}/pluggy vendor/ && "
              f"cp {SITE}/confusables/__init__.py rd/confusables.py && "
              f"cp {SITE}/pysbd/processor.py rd/processor.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache"), "MANWIDTH": "100"}
    drive("run2", tmp, f"cp -r {tmp}/skimjig skimjig && cp -r {tmp}/lathframe-ops lathframe-ops && "
          f"cp -r {tmp}/screedtally {tmp}/screedtally-vet {tmp}/screedtally-build . && "
          f"cp -r {tmp}/{SB} pysbd-src && cp {tmp}/data/sitepk.db {tmp}/data/screedrim.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
