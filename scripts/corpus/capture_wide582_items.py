"""Round 582, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding hsluv and python-mimeparse (broken, with their own tests), hsluv's git history, the hempstore
script, the balehookbench C project, the site-packages CSV, the hemp store log, m3u8's `parser.py`, mimeparse's module
and copies of hsluv's, mimeparse's and m3u8's installed sources (run_shell_command, read_file, grep_search, glob), with
OpenSP's HTML release notes served on 127.0.0.1:18582; run 2 in one holding the hempstoretally Go module (and its vet
and build copies), the hacklerframe deploy scripts, the balehookjig crate, the sqlite table and the bale hook log
(run_shell_command). An item's text is the tool result Gemini CLI sent back; its needles come from the extractor of
the tool that printed the lines (round 289's reading; a chain's from each part's own, the parts run again outside the
agent). An item one of whose needles is on no line of its text is dropped whole. Run through capture_wide582.py; the
call specs' helpers are round 476's (capture_wide476_items' `_shell` and `_chain`, imported), the commands and names
this round's (round 567's, capture_wide567_items, is the shape)."""

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
from capture_wide582 import VENV, add
from capture_wide582_mat import HD, MP

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18582
PYTEST = "python -m pytest -p no:cacheprovider"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-v-mimeparse", n_pytest,
          f"cd mimeparse-src && timeout 300 {PYTEST} -v --tb=short mimeparse_test.py 2>&1 | tail -n 400"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd hsluv-src", None),
           Part(f"timeout 300 {PYTEST} -q --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-hsluv", n_pytest,
          f"cd hsluv-src && timeout 300 {PYTEST} -rA -l --tb=long tests 2>&1 | cut -c1-400 | tail -n 700"),
        S("gm-shell-pytest-long-mimeparse", n_pytest,
          f"cd mimeparse-src && timeout 300 {PYTEST} -rA -l --tb=long mimeparse_test.py 2>&1 | cut -c1-400 "
          "| tail -n 700"),
        S("gm-shell-ruff-concise-hemp", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise hsluv-src mimeparse-src "
          "vendor hempstore.py | head -n 520"),
        S("gm-shell-mypy-strict-hemp", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null hsluv-src/hsluv.py mimeparse-src/mimeparse.py "
          "vendor/m3u8 hempstore.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-hempstore", n_chained, "python hempstore.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C balehookbench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C balehookbench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-balehookbench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ibalehookbench/src "
          "balehookbench/src/balehookbench.c balehookbench/src/bench_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-hsluv", n_log_p, "cd hsluv-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-hsluv", n_blame, "cd hsluv-git && git --no-pager blame hsluv.py"),
        S("gm-shell-git-show-hsluv", n_show, "cd hsluv-git && git --no-pager show --no-ext-diff HEAD~3"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd hsluv-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-hsluv", n_diff, "cd hsluv-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-hemp-site", n_ls_lR,
          f"ls -laR hsluv-src mimeparse-src balehookbench {SITE}/m3u8 {SITE}/hsluv-*.dist-info "
          f"{SITE}/python_mimeparse-*.dist-info {SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/m3u8 {SITE}/hsluv.py {SITE}/mimeparse.py {SITE}/_pytest {SITE}/pluggy {SITE}/packaging "
          "-type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-mem-150", n_ps_aux, "ps aux --sort=-rss | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | head -n 480"),
        S("gm-shell-npm-view-gzip-size", n_npm_view, "npm view gzip-size --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 540"),
        S("gm-shell-log-grep-v-hempstore", n_app_log,
          "grep -vE 'DEBUG|INFO hemp.press' hempstore.log | tail -n 460"),
        S("gm-shell-curl-opensp-notes", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/releasenotes.html"),
        ("gm-read-py-m3u8-parser", "read_file", {"file_path": f"{root}/rd/parser.py"}, read_ext("python")),
        ("gm-read-py-mimeparse", "read_file", {"file_path": f"{root}/rd/mimeparse.py"}, read_ext("python")),
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
        S("gm-shell-go-test-v-hempstoretally", n_go_test, "cd hempstoretally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd hempstoretally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-hempstoretally", n_go_vet, "cd hempstoretally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-hempstoretally", n_go_build, "cd hempstoretally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-balehookjig", n_cargo_build, "cd balehookjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd balehookjig", None),
           Part("sed -i '/let label: String/d;/idx.push(bench_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-balehookjig", n_clippy, "cd balehookjig && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-balehookjig", n_cargo_meta,
          "cd balehookjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-hacklerframe", n_shellcheck, "shellcheck hacklerframe-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/m3u8 {SITE}/pluggy {SITE}/packaging "
          f"{SITE}/hsluv-*.dist-info {SITE}/_pytest | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 110"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-meow", n_npm_view, "npm view meow --json 2>/dev/null"),
        S("gm-shell-log-grep-v-balehook", n_app_log,
          "grep -vE 'DEBUG|rope.db' balehook.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/m3u8 {SITE}/hsluv.py {SITE}/mimeparse.py {SITE}/pluggy "
          f"{SITE}/_pytest/assertion --include=*.py | head -n 700"),
        S("gm-shell-sed-n-m3u8-model", sed_ext("python"), f"sed -n '1,420p' {SITE}/m3u8/model.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/libosp5")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{HD} hsluv-src && cp -r {tmp}/{MP} mimeparse-src && "
              f"cp -r {tmp}/hsluv-git hsluv-git && cp {tmp}/hempstore.py . && "
              f"cp -r {tmp}/balehookbench balehookbench && cp {tmp}/data/sitepk.csv {tmp}/data/hempstore.log . && "
              f"mkdir vendor rd && cp -r {SITE}/m3u8 {SITE}/hsluv.py {SITE}/mimeparse.py vendor/ && "
              f"cp {SITE}/m3u8/parser.py rd/parser.py && cp {SITE}/mimeparse.py rd/mimeparse.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/balehookjig balehookjig && cp -r {tmp}/hacklerframe-ops hacklerframe-ops && "
          f"cp -r {tmp}/hempstoretally {tmp}/hempstoretally-vet {tmp}/hempstoretally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/balehook.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
