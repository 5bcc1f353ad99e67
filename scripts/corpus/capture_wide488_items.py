"""Round 488, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding stringcase (broken, with a test file written here) and its git history, the vacuumpan C project,
the site-packages CSV, the centrifuge log, sqlitedict's `sqlitedict.py` and copies of stringcase's, sqlitedict's,
readchar's and pyaml's installed sources (run_shell_command, read_file, grep_search, glob), with Node's policy HTML
page served on 127.0.0.1:18488; run 2 in one holding the massecuitetally Go module (and its vet and build copies), the
boilerhouse deploy scripts, the affination crate, the sqlite table and the charhouse log (run_shell_command). An
item's text is the tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the
lines (round 289's reading; a chain's from each part's own, the parts run again outside the agent). An item one of
whose needles is on no line of its text is dropped whole. Run through capture_wide488.py; the call specs' helpers are
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
from capture_wide488 import VENV, add
from capture_wide488_mat import SC

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18488
PYTEST = "python -m pytest -p no:cacheprovider"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    sc, vd = root / "stringcase", root / "vendor"
    return [
        S("gm-shell-pytest-v-stringcase", n_pytest,
          f"cd stringcase && PYTHONPATH=. {PYTEST} -v --tb=short test_stringcase.py 2>&1 | tail -n 430"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd stringcase", None),
           Part(f"PYTHONPATH=. {PYTEST} -q --tb=line test_stringcase.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-stringcase", n_pytest,
          f"cd stringcase && PYTHONPATH=. {PYTEST} -rA --tb=long test_stringcase.py 2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-stringcase", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise stringcase/stringcase.py "
          "stringcase/sugarboiler.py stringcase/test_stringcase.py vendor | head -n 520"),
        S("gm-shell-mypy-strict-stringcase", n_mypy,
          "cd stringcase && mypy --strict --no-incremental --cache-dir=/dev/null "
          "stringcase.py sugarboiler.py test_stringcase.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-sugarboiler", n_chained, "cd stringcase && PYTHONPATH=. python sugarboiler.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C vacuumpan -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C vacuumpan clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-vacuumpan", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ivacuumpan/src vacuumpan/src/vacuumpan.c "
          "vacuumpan/src/centrifuge_2[0-9].c 2>&1"),
        S("gm-shell-git-log-p-stringcase", n_log_p,
          "cd stringcase-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-stringcase", n_blame,
          "cd stringcase-git && git --no-pager blame stringcase.py"),
        S("gm-shell-git-show-stringcase", n_show,
          "cd stringcase-git && git --no-pager show --no-ext-diff HEAD~2"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd stringcase-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-stringcase", n_diff,
          "cd stringcase-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-stringcase-vacuumpan", n_ls_lR,
          f"ls -laR stringcase vacuumpan {SITE}/sqlitedict-*.dist-info {SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/sqlitedict.py {SITE}/readchar {SITE}/pyaml {SITE}/stringcase.py {SITE}/_pytest -type f "
          "-name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-auxww-sort-rss-150", n_ps_aux, "ps auxww --sort=-rss | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv, "grep -v '/__pycache__' sitepk.csv | head -n 420"),
        S("gm-shell-npm-view-pseudomap", n_npm_view, "npm view pseudomap --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 520"),
        S("gm-shell-log-grep-v-centrifuge", n_app_log,
          "grep -vE 'DEBUG|INFO centrifuge.store' centrifuge.log | tail -n 440"),
        S("gm-shell-curl-policy-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/policy.html | head -n 1000"),
        ("gm-read-py-stringcase", "read_file", {"file_path": f"{sc}/stringcase.py"},
         read_ext("python")),
        ("gm-read-py-sqlitedict", "read_file", {"file_path": f"{root}/lop/sqlitedict.py"}, read_ext("python")),
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
        S("gm-shell-go-test-v-massecuitetally", n_go_test, "cd massecuitetally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd massecuitetally", None), Part("go test ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-massecuitetally", n_go_vet, "cd massecuitetally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-massecuitetally", n_go_build, "cd massecuitetally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-affination", n_cargo_build, "cd affination && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd affination", None),
           Part("sed -i '/let label: String/d;/idx.push(pan_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-affination", n_clippy, "cd affination && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-affination", n_cargo_meta,
          "cd affination && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-boilerhouse", n_shellcheck, "shellcheck boilerhouse-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/readchar {SITE}/stringcase-*.dist-info "
          f"{SITE}/pyaml {SITE}/sqlitedict-*.dist-info {SITE}/_pytest | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 140"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%__pycache__%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-stream-shift", n_npm_view, "npm view stream-shift --json 2>/dev/null"),
        S("gm-shell-log-grep-v-charhouse", n_app_log,
          "grep -vE 'DEBUG|charhouse.db' charhouse.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/sqlitedict.py {SITE}/readchar {SITE}/pyaml --include=*.py | head -n 700"),
        S("gm-shell-sed-n-pyaml-init", sed_ext("python"), f"sed -n '1,420p' {SITE}/pyaml/__init__.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{SC} stringcase && cp -r {tmp}/stringcase-git stringcase-git && "
              f"cp -r {tmp}/vacuumpan vacuumpan && cp {tmp}/data/sitepk.csv {tmp}/data/centrifuge.log . && "
              f"mkdir vendor lop && cp -r {SITE}/sqlitedict.py {SITE}/readchar {SITE}/pyaml {SITE}/stringcase.py vendor/ && "
              f"cp {SITE}/sqlitedict.py lop/ && find vendor -name __pycache__ -prune -exec rm -rf {{}} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/affination affination && cp -r {tmp}/boilerhouse-ops boilerhouse-ops && "
          f"cp -r {tmp}/massecuitetally {tmp}/massecuitetally-vet {tmp}/massecuitetally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/charhouse.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
