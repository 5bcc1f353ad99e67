"""Round 494, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding cached-property (broken, with its own tests) and its git history, the servitorbench C project, the
site-packages CSV, the servitor log, colorlog's `formatter.py` and copies of cached_property's, colorlog's,
async_timeout's and cfgv's installed sources (run_shell_command, read_file, grep_search, glob), with Node's debugger
HTML page served on 127.0.0.1:18494; run 2 in one holding the gaffertally Go module (and its vet and build copies),
the blockhouse deploy scripts, the jackshop crate, the sqlite table and the gloryreheat log (run_shell_command). An
item's text is the tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the
lines (round 289's reading; a chain's from each part's own, the parts run again outside the agent). An item one of
whose needles is on no line of its text is dropped whole. Run through capture_wide494.py; the call specs' helpers are
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
from capture_wide494 import VENV, add
from capture_wide494_mat import CP

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18494
PYTEST = "python -m pytest -p no:cacheprovider"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    cp, vd = root / "cached-property", root / "vendor"
    return [
        S("gm-shell-pytest-v-cached-property", n_pytest,
          f"cd cached-property && PYTHONPATH=. {PYTEST} -v --tb=short --ignore=tests/test_coroutine_cached_property.py tests 2>&1 | tail -n 430"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd cached-property", None),
           Part(f"PYTHONPATH=. {PYTEST} -q --tb=line tests/test_cached_property.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-cached-property", n_pytest,
          f"cd cached-property && PYTHONPATH=. {PYTEST} -rA --tb=long --ignore=tests/test_coroutine_cached_property.py tests 2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-cached-property", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise cached-property/cached_property.py "
          "cached-property/gaffercheck.py cached-property/tests vendor | head -n 520"),
        S("gm-shell-mypy-strict-cached-property", n_mypy,
          "cd cached-property && mypy --strict --no-incremental --cache-dir=/dev/null "
          "cached_property.py gaffercheck.py tests/test_cached_property.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-gaffercheck", n_chained, "cd cached-property && PYTHONPATH=. python gaffercheck.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C servitorbench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C servitorbench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-servitorbench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iservitorbench/src "
          "servitorbench/src/servitorbench.c servitorbench/src/servitor_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-cached-property", n_log_p,
          "cd cached-property-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-cached-property", n_blame,
          "cd cached-property-git && git --no-pager blame cached_property.py"),
        S("gm-shell-git-show-cached-property", n_show,
          "cd cached-property-git && git --no-pager show --no-ext-diff HEAD~3"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd cached-property-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-cached-property", n_diff,
          "cd cached-property-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-cached-property-servitorbench", n_ls_lR,
          f"ls -laR cached-property servitorbench {SITE}/colorlog {SITE}/cfgv-*.dist-info {SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/cached_property.py {SITE}/colorlog {SITE}/async_timeout {SITE}/cfgv.py {SITE}/_pytest "
          "-type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-auxww-sort-rss-150", n_ps_aux, "ps auxww --sort=-rss | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv, "grep -v '/__pycache__' sitepk.csv | head -n 420"),
        S("gm-shell-npm-view-dashdash", n_npm_view, "npm view dashdash --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 520"),
        S("gm-shell-log-grep-v-servitor", n_app_log,
          "grep -vE 'DEBUG|INFO servitor.store' servitor.log | tail -n 440"),
        S("gm-shell-curl-debugger-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/debugger.html | head -n 1000"),
        ("gm-read-py-cached-property", "read_file", {"file_path": f"{cp}/cached_property.py"},
         read_ext("python")),
        ("gm-read-py-colorlog-formatter", "read_file", {"file_path": f"{root}/lop/formatter.py"},
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
        S("gm-shell-go-test-v-gaffertally", n_go_test, "cd gaffertally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd gaffertally", None), Part("go test ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-gaffertally", n_go_vet, "cd gaffertally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-gaffertally", n_go_build, "cd gaffertally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-jackshop", n_cargo_build, "cd jackshop && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd jackshop", None),
           Part("sed -i '/let label: String/d;/idx.push(bench_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-jackshop", n_clippy, "cd jackshop && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-jackshop", n_cargo_meta,
          "cd jackshop && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-blockhouse", n_shellcheck, "shellcheck blockhouse-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/colorlog {SITE}/cached_property-*.dist-info "
          f"{SITE}/async_timeout {SITE}/cfgv-*.dist-info {SITE}/_pytest | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 140"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%__pycache__%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-amdefine", n_npm_view, "npm view amdefine --json 2>/dev/null"),
        S("gm-shell-log-grep-v-gloryreheat", n_app_log,
          "grep -vE 'DEBUG|gloryreheat.db' gloryreheat.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/cached_property.py {SITE}/colorlog {SITE}/async_timeout {SITE}/cfgv.py "
          "--include=*.py | head -n 700"),
        S("gm-shell-sed-n-cfgv", sed_ext("python"), f"sed -n '1,420p' {SITE}/cfgv.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{CP} cached-property && cp -r {tmp}/cached-property-git cached-property-git && "
              f"cp -r {tmp}/servitorbench servitorbench && cp {tmp}/data/sitepk.csv {tmp}/data/servitor.log . && "
              f"mkdir vendor lop && cp -r {SITE}/cached_property.py {SITE}/colorlog {SITE}/async_timeout "
              f"{SITE}/cfgv.py vendor/ && cp {SITE}/colorlog/formatter.py lop/ && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/jackshop jackshop && cp -r {tmp}/blockhouse-ops blockhouse-ops && "
          f"cp -r {tmp}/gaffertally {tmp}/gaffertally-vet {tmp}/gaffertally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/gloryreheat.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
