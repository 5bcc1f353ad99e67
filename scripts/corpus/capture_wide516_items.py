"""Round 516, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding intspan (broken, with its own tests) and its git history, the retortbench C project, the
site-packages CSV, the retort house log, human_readable's `times.py` and copies of intspan's, human_readable's and
ifaddr's installed sources (run_shell_command, read_file, grep_search, glob), with Node's deprecations HTML page
served on 127.0.0.1:18516; run 2 in one holding the stokerstally Go module (and its vet and build copies), the
condenserhead deploy scripts, the scrubjig crate, the sqlite table and the condenser log (run_shell_command). An
item's text is the tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the
lines (round 289's reading; a chain's from each part's own, the parts run again outside the agent). An item one of
whose needles is on no line of its text is dropped whole. Run through capture_wide516.py; the call specs' helpers are
round 476's (capture_wide476_items' `_shell` and `_chain`, imported), the commands and names this round's."""

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
from capture_wide516 import VENV, add
from capture_wide516_mat import IS

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18516
PYTEST = "python -m pytest -p no:cacheprovider"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    ins, vd = root / "intspan", root / "vendor"
    return [
        S("gm-shell-pytest-v-intspan", n_pytest,
          f"cd intspan && PYTHONPATH=. timeout 300 {PYTEST} -v --tb=short test 2>&1 | tail -n 430"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd intspan", None),
           Part(f"PYTHONPATH=. timeout 300 {PYTEST} -q --tb=line test/test_intspan.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-intspan", n_pytest,
          f"cd intspan && PYTHONPATH=. timeout 300 {PYTEST} -rA --tb=long test 2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-intspan", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise intspan/intspan "
          "intspan/retortcheck.py intspan/test vendor | head -n 520"),
        S("gm-shell-mypy-strict-intspan", n_mypy,
          "cd intspan && mypy --strict --no-incremental --cache-dir=/dev/null "
          "intspan/core.py retortcheck.py test/test_intspan.py test/test_intspanlist.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-retortcheck", n_chained, "cd intspan && PYTHONPATH=. python retortcheck.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C retortbench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C retortbench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-retortbench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iretortbench/src "
          "retortbench/src/retortbench.c retortbench/src/retort_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-intspan", n_log_p,
          "cd intspan-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-intspan-core", n_blame,
          "cd intspan-git && git --no-pager blame intspan/core.py"),
        S("gm-shell-git-show-intspan", n_show,
          "cd intspan-git && git --no-pager show --no-ext-diff HEAD~3"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd intspan-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-intspan", n_diff,
          "cd intspan-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-intspan-retortbench", n_ls_lR,
          f"ls -laR intspan retortbench {SITE}/human_readable {SITE}/ifaddr {SITE}/intspan-*.dist-info {SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/intspan {SITE}/human_readable {SITE}/ifaddr {SITE}/_pytest -type f -name '*.py' "
          "-printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-mem-140", n_ps_aux, "ps aux --sort=-%mem | head -n 140"),
        S("gm-shell-csv-grep-sitepk", n_csv, "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy' | head -n 420"),
        S("gm-shell-npm-view-isarray", n_npm_view, "npm view isarray --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 480"),
        S("gm-shell-log-grep-v-retorthouse", n_app_log,
          "grep -vE 'DEBUG|INFO retort.store' retorthouse.log | tail -n 440"),
        S("gm-shell-curl-deprecations-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/deprecations.html | head -n 700"),
        ("gm-read-py-intspan-core", "read_file", {"file_path": f"{ins}/intspan/core.py"},
         read_ext("python")),
        ("gm-read-py-human-readable-times", "read_file", {"file_path": f"{root}/hr/times.py"},
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
        S("gm-shell-go-test-v-stokerstally", n_go_test, "cd stokerstally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd stokerstally", None), Part("go test ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-stokerstally", n_go_vet, "cd stokerstally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-stokerstally", n_go_build, "cd stokerstally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-scrubjig", n_cargo_build, "cd scrubjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd scrubjig", None),
           Part("sed -i '/let label: String/d;/idx.push(tower_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-scrubjig", n_clippy, "cd scrubjig && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-scrubjig", n_cargo_meta,
          "cd scrubjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-condenserhead", n_shellcheck, "shellcheck condenserhead-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/intspan {SITE}/human_readable {SITE}/ifaddr "
          f"{SITE}/human_readable-*.dist-info {SITE}/_pytest | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 120"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%__pycache__%' ORDER BY size DESC, file ASC LIMIT 240\""),
        S("gm-shell-npm-view-is-windows", n_npm_view, "npm view is-windows --json 2>/dev/null"),
        S("gm-shell-log-grep-v-condenser", n_app_log,
          "grep -vE 'DEBUG|condenser.db' condenser.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/intspan {SITE}/human_readable {SITE}/ifaddr "
          f"{SITE}/_pytest/assertion --include=*.py | head -n 700"),
        S("gm-shell-sed-n-ifaddr-shared", sed_ext("python"), f"sed -n '1,420p' {SITE}/ifaddr/_shared.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{IS} intspan && cp -r {tmp}/intspan-git intspan-git && "
              f"cp -r {tmp}/retortbench retortbench && cp {tmp}/data/sitepk.csv {tmp}/data/retorthouse.log . && "
              f"mkdir vendor hr && cp -r {SITE}/intspan {SITE}/human_readable {SITE}/ifaddr vendor/ && "
              f"cp {SITE}/human_readable/times.py hr/ && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/scrubjig scrubjig && cp -r {tmp}/condenserhead-ops condenserhead-ops && "
          f"cp -r {tmp}/stokerstally {tmp}/stokerstally-vet {tmp}/stokerstally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/condenser.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
