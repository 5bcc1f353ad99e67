"""Round 482, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding looseversion (broken) and its git history, the
postinghouse C project, the site-packages CSV, the ostler log, lazy-object-proxy's `slots.py` and copies of
hexbytes', lazy-object-proxy's and looseversion's installed sources (run_shell_command, read_file, grep_search, glob),
with Node's http2 HTML page served on 127.0.0.1:18482; run 2 in one holding the posthorsetally Go module (and its vet
and build copies), the coachhouse deploy scripts, the waybill crate, the sqlite table and the stableyard log
(run_shell_command). An item's text is the tool result Gemini CLI sent back; its needles come from the extractor of
the tool that printed the lines, read on the command's own lines inside Gemini CLI's frame (round 289's reading; a
chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on no line of
its text is dropped whole. Run through capture_wide482.py; the call specs' helpers are round 476's
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
from capture_wide482 import VENV, add
from capture_wide482_mat import LV

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18482
PYTEST = "python -m pytest -p no:cacheprovider"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    lv, vd = root / "looseversion", root / "vendor"
    return [
        S("gm-shell-pytest-v-looseversion", n_pytest,
          f"cd looseversion && PYTHONPATH=src {PYTEST} -v --tb=short tests.py 2>&1 | tail -n 430"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd looseversion", None),
           Part(f"PYTHONPATH=src {PYTEST} -q --tb=line tests.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-looseversion", n_pytest,
          f"cd looseversion && PYTHONPATH=src {PYTEST} -rA --tb=long tests.py 2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-looseversion", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise looseversion/src "
          "looseversion/postchaise.py looseversion/tests.py vendor | head -n 520"),
        S("gm-shell-mypy-strict-looseversion", n_mypy,
          "cd looseversion && mypy --strict --no-incremental --cache-dir=/dev/null "
          "src/looseversion/__init__.py postchaise.py tests.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-postchaise", n_chained, "cd looseversion && PYTHONPATH=src python postchaise.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C postinghouse -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C postinghouse clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-postinghouse", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ipostinghouse/src postinghouse/src/stagecoach.c "
          "postinghouse/src/ostler_2[0-9].c 2>&1"),
        S("gm-shell-git-log-p-looseversion", n_log_p,
          "cd looseversion-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-looseversion", n_blame,
          "cd looseversion-git && git --no-pager blame src/looseversion/__init__.py"),
        S("gm-shell-git-show-looseversion", n_show,
          "cd looseversion-git && git --no-pager show --no-ext-diff HEAD~2"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd looseversion-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-looseversion", n_diff,
          "cd looseversion-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-looseversion-postinghouse", n_ls_lR,
          f"ls -laR looseversion postinghouse {SITE}/hexbytes-*.dist-info {SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/hexbytes {SITE}/lazy_object_proxy {SITE}/looseversion {SITE}/_pytest -type f "
          "-name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-auxww-sort-rss-150", n_ps_aux, "ps auxww --sort=-rss | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv, "grep -v '/__pycache__' sitepk.csv | head -n 420"),
        S("gm-shell-npm-view-merge-descriptors", n_npm_view, "npm view merge-descriptors --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 520"),
        S("gm-shell-log-grep-v-ostler", n_app_log,
          "grep -vE 'DEBUG|INFO ostler.store' ostler.log | tail -n 440"),
        S("gm-shell-curl-http2-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/http2.html | head -n 1000"),
        ("gm-read-py-looseversion", "read_file", {"file_path": f"{lv}/src/looseversion/__init__.py"},
         read_ext("python")),
        ("gm-read-py-lazy-slots", "read_file", {"file_path": f"{root}/lop/slots.py"}, read_ext("python")),
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
        S("gm-shell-go-test-v-posthorsetally", n_go_test, "cd posthorsetally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd posthorsetally", None), Part("go test ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-posthorsetally", n_go_vet, "cd posthorsetally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-posthorsetally", n_go_build, "cd posthorsetally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-waybill", n_cargo_build, "cd waybill && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd waybill", None),
           Part("sed -i '/let label: String/d;/idx.push(horse_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-waybill", n_clippy, "cd waybill && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-waybill", n_cargo_meta,
          "cd waybill && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-coachhouse", n_shellcheck, "shellcheck coachhouse-ops/scripts/*.sh"),
        S("gm-shell-tree-hexbytes-lop", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/hexbytes {SITE}/looseversion-*.dist-info "
          f"{SITE}/lazy_object_proxy {SITE}/hexbytes-*.dist-info {SITE}/_pytest | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 140"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%__pycache__%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-hasown", n_npm_view, "npm view hasown --json 2>/dev/null"),
        S("gm-shell-log-grep-v-stableyard", n_app_log,
          "grep -vE 'DEBUG|stableyard.db' stableyard.log | tail -n 540"),
        S("gm-shell-grep-rn-hexbytes-lop-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/hexbytes {SITE}/lazy_object_proxy --include=*.py | head -n 700"),
        S("gm-shell-sed-n-lop-simple", sed_ext("python"), f"sed -n '1,420p' {SITE}/lazy_object_proxy/simple.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{LV} looseversion && cp -r {tmp}/looseversion-git looseversion-git && "
              f"cp -r {tmp}/postinghouse postinghouse && cp {tmp}/data/sitepk.csv {tmp}/data/ostler.log . && "
              f"mkdir vendor lop && cp -r {SITE}/hexbytes {SITE}/lazy_object_proxy {SITE}/looseversion vendor/ && "
              f"cp {SITE}/lazy_object_proxy/slots.py lop/ && find vendor -name __pycache__ -prune -exec rm -rf {{}} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/waybill waybill && cp -r {tmp}/coachhouse-ops coachhouse-ops && "
          f"cp -r {tmp}/posthorsetally {tmp}/posthorsetally-vet {tmp}/posthorsetally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/stableyard.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
