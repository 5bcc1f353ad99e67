"""Round 296, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding parsedatetime (broken) and its git history, the
garboard C project, the man-page CSV, the deadeye log and a copy of bidict's installed sources (run_shell_command,
read_file, grep_search, glob), with a documentation page served on 127.0.0.1:18296; run 2 in one holding the bitts
project, the bowsprit Go module, the sheerstrake crate, bilgeboard.sh, the man-page sqlite table and the slipway log
(run_shell_command). An item's text is the tool result Gemini CLI sent back; its needles come from the extractor of
the tool that printed the lines, read on the command's own lines inside Gemini CLI's frame (round 289's reading; a
chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on no line of
its text is dropped whole. Run through capture_wide296.py."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import capture_more as cm
from capture_agents import later
from capture_more import n_app_log, n_tree
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide11_files import n_html
from capture_wide15_data import (n_cargo_meta, n_csv, n_find, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col,
                                 n_top)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff, n_shellcheck
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide289_gemini import drive, n_gemini_glob, n_gemini_grep, read_ext, sed_ext, shell
from capture_wide296 import JS, VENV, add
from capture_wide296_mat import PD

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18296
GO_ENV = {"GOFLAGS": "-count=1", "GOTOOLCHAIN": "local"}


def _shell(item_id, ext, command):
    return (item_id, "run_shell_command", {"command": command, "description": f"Run {command[:60]}"}, shell(ext))


def _chain(root, env):
    def C(item_id, kind_name, family, parts, before=""):
        return (item_id, "run_shell_command", {"command": chain_command(parts), "description": f"Run {kind_name}"},
                shell(later(kind_name, family, parts, root, env, before)))
    return C


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    pd, bd = root / "parsedatetime", root / "vendor" / "bidict"
    return [
        S("gm-shell-pytest-v-parsedatetime", n_pytest,
          "cd parsedatetime && python -m pytest -p no:cacheprovider -o python_files='Test*.py' -v --tb=short tests "
          "2>&1 | tail -n 400"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd parsedatetime", None),
           Part("python -m pytest -q -p no:cacheprovider -o python_files='Test*.py' --tb=line -W ignore tests",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-ruff-concise-parsedatetime", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise parsedatetime/parsedatetime "
          "parsedatetime/fothering.py | head -n 500"),
        S("gm-shell-ruff-full-parsedatetime-context", n_ruff,
          "cd parsedatetime && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,N,S,PERF "
          "--output-format=full parsedatetime/context.py parsedatetime/warns.py parsedatetime/pdt_locales 2>&1 "
          "| tail -n 380"),
        S("gm-shell-mypy-strict-parsedatetime", n_mypy,
          "cd parsedatetime && mypy --strict --no-incremental --cache-dir=/dev/null parsedatetime fothering.py "
          "2>&1 | tail -n 240"),
        S("gm-shell-traceback-fothering", n_chained, "cd parsedatetime && python fothering.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C garboard -k 2>&1 | tail -n 420", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C garboard clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-garboard", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Igarboard/src garboard/src/ledger.c "
          "garboard/src/seam_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-parsedatetime", n_log_p, "cd parsedatetime-git && git log -p --stat | head -n 850"),
        S("gm-shell-git-blame-parsedatetime", n_blame,
          "cd parsedatetime-git && git blame -L 1850,2150 parsedatetime/__init__.py"),
        S("gm-shell-git-show-parsedatetime", n_show, "cd parsedatetime-git && git show HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd parsedatetime-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-diff-no-ext-parsedatetime", n_diff,
          "cd parsedatetime-git && git diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-parsedatetime-garboard", n_ls_lR, f"ls -laR parsedatetime garboard {SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE} -type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 400"),
        S("gm-shell-ps-aux-sort-mem-75", n_ps_aux, "ps aux --sort=-%mem | head -n 75"),
        S("gm-shell-csv-grep-man3", n_csv,
          "(head -n 1 manpages.csv; grep -E '/man3,|/man5,' manpages.csv) | head -n 450"),
        S("gm-shell-npm-view-tiny-invariant", n_npm_view, "npm view tiny-invariant --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null"),
        S("gm-shell-log-grep-v-deadeye", n_app_log, "grep -vE 'DEBUG|INFO deadeye.store' deadeye.log | tail -n 420"),
        S("gm-shell-curl-bzip2-manual", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/manual.html | head -n 520"),
        ("gm-read-py-parsedatetime-init", "read_file", {"file_path": f"{pd}/parsedatetime/__init__.py",
                                                         "start_line": 1, "end_line": 1100}, read_ext("python")),
        ("gm-read-py-parsedatetime-tests", "read_file", {"file_path": f"{pd}/tests/TestUnits.py"},
         read_ext("python")),
        ("gm-read-py-bidict-base", "read_file", {"file_path": f"{bd}/_base.py"}, read_ext("python")),
        ("gm-grep-bidict-defs", "grep_search", {"pattern": r"^\s*(class|def) \w+", "dir_path": str(bd),
                                                 "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-parsedatetime-re", "grep_search", {"pattern": r"re\.(compile|search|match)\(|RE_\w+",
                                                      "dir_path": str(pd), "include_pattern": "*.py"},
         n_gemini_grep),
        ("gm-glob-all-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        C("gm-shell-chain-vitest-exit", "chain-test-exit", "test",
          [Part("cd bitts", None), Part("NO_COLOR=1 npx vitest run 2>&1 | tail -n 600",
                                        n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-vitest-bitts", n_vitest, "cd bitts && NO_COLOR=1 npx vitest run 2>&1"),
        S("gm-shell-eslint-bitts", n_eslint, "cd bitts && npx eslint lib spec | head -n 560"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd bitts", None), Part("npx eslint lib/warp-plan.js lib/bitts.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-bowsprit", n_go_test, "cd bowsprit && go test -v ./... 2>&1 | tail -n 500"),
        C("gm-shell-chain-go-test-exit", "chain-test-exit", "test",
          [Part("cd bowsprit", None), Part("go test ./... 2>&1", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-cargo-build-sheerstrake", n_cargo_build, "cd sheerstrake && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd sheerstrake", None),
           Part("sed -i '/let label: String/d;/idx.push(strake_site_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-sheerstrake", n_clippy, "cd sheerstrake && cargo clippy 2>&1 | tail -n 760"),
        S("gm-shell-cargo-metadata-sheerstrake", n_cargo_meta,
          "cd sheerstrake && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-bilgeboard", n_shellcheck, "shellcheck bilgeboard/bilgeboard.sh"),
        S("gm-shell-tree-bidict-dpath-pytest", n_tree,
          f"tree -a --noreport {SITE}/bidict {SITE}/dpath {SITE}/_pytest {SITE}/pluggy | head -n 480"),
        S("gm-shell-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 80"),
        S("gm-shell-sqlite-man-largest", n_sqlite_col,
          "sqlite3 -header -column manpages.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM manpages ORDER BY size DESC, file ASC LIMIT 300\""),
        S("gm-shell-npm-view-is-plain-obj", n_npm_view, "npm view is-plain-obj --json"),
        S("gm-shell-log-grep-v-slipway", n_app_log, "grep -vE 'DEBUG|slipway.db' slipway.log | tail -n 650"),
        S("gm-shell-grep-rn-dpath-def", n_grep_rn, f"grep -rn 'def \\|import ' {SITE}/dpath --include=*.py"),
        S("gm-shell-sed-n-dpath-segments", sed_ext("python"), f"sed -n '1,480p' {SITE}/dpath/segments.py"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/bzip2")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{PD} parsedatetime && cp -r {tmp}/parsedatetime-git parsedatetime-git && "
              f"cp -r {tmp}/garboard garboard && cp {tmp}/data/manpages.csv {tmp}/data/deadeye.log . && "
              f"mkdir vendor && cp -r {SITE}/bidict vendor/bidict", run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    drive("run2", tmp, f"cp -r {tmp}/sheerstrake sheerstrake && cp -r {tmp}/bilgeboard bilgeboard && "
          f"cp -r {tmp}/bowsprit bowsprit && cp {tmp}/data/manpages.db {tmp}/data/slipway.log . && mkdir bitts && "
          f"cp -r {tmp}/bitts/lib {tmp}/bitts/spec {tmp}/bitts/package.json "
          f"{tmp}/bitts/eslint.config.js {tmp}/bitts/tsconfig.json bitts/ && "
          f"ln -s {JS}/node_modules bitts/node_modules", run2_specs, TOOL_PATH, add, GO_ENV)


STEPS = [run1, run2]
