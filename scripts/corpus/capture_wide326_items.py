"""Round 326, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding h11 (broken) and its git history, the rootstock
C project, the dist-packages CSV, the windfall log and copies of hpack's and hyperframe's installed sources
(run_shell_command, read_file, grep_search, glob; read_many_files is not registered in this Gemini CLI), with underscore.js's HTML documentation served on
127.0.0.1:18326; run 2 in one holding the espalier project, the graftwax Go module (and its vet and build copies), the
cidery deploy scripts, the budwood crate, the sqlite table and the ladderhook log (run_shell_command). An item's text
is the tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines, read
on the command's own lines inside Gemini CLI's frame (round 289's reading; a chain's from each part's own, the parts
run again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide326.py."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import capture_more as cm
from capture_agents import later
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide11_files import n_html
from capture_wide15_data import (n_cargo_meta, n_csv, n_find, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col,
                                 n_top)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff, n_shellcheck
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide289_gemini import drive, n_gemini_glob, n_gemini_grep, read_ext, sed_ext, shell
from capture_wide326 import JS, VENV, add
from capture_wide326_mat import H11

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18326
PYTEST = "python -m pytest -p no:cacheprovider"


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
    h11, hp, hf = root / "h11", root / "vendor" / "hpack", root / "vendor" / "hyperframe"
    return [
        S("gm-shell-pytest-v-h11", n_pytest, f"cd h11 && {PYTEST} -v --tb=short h11/tests 2>&1 | tail -n 480"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd h11", None),
           Part(f"{PYTEST} -q --tb=line -W ignore h11/tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-ruff-concise-h11", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise h11/h11 h11/grafter.py "
          "--exclude 'h11/h11/tests' | head -n 520"),
        S("gm-shell-ruff-full-h11-tests", n_ruff,
          "cd h11 && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,N,PT,PERF "
          "--output-format=full h11/tests 2>&1 | tail -n 400"),
        S("gm-shell-mypy-strict-h11", n_mypy,
          "cd h11 && mypy --strict --no-incremental --cache-dir=/dev/null h11 grafter.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-grafter", n_chained, "cd h11 && python grafter.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C rootstock -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C rootstock clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-rootstock", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Irootstock/src rootstock/src/nursery.c "
          "rootstock/src/scion_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-h11", n_log_p, "cd h11-git && git log -p --stat | head -n 900"),
        S("gm-shell-git-blame-h11", n_blame, "cd h11-git && git blame -L 150,420 h11/_connection.py"),
        S("gm-shell-git-show-h11", n_show, "cd h11-git && git show HEAD~3"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd h11-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-h11", n_diff, "cd h11-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-h11-rootstock", n_ls_lR, f"ls -laR h11/h11 rootstock {SITE}/hpack"),
        S("gm-shell-find-printf-site-py", n_find,
          f"find {SITE}/mpmath -type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 300"),
        S("gm-shell-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        S("gm-shell-csv-grep-dist-packages", n_csv,
          "(head -n 1 distfiles.csv; grep -E '/(SCons|cryptography|pygments|apt)[,/]' distfiles.csv) | head -n 460"),
        S("gm-shell-npm-view-p-map", n_npm_view, "npm view p-map --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 560"),
        S("gm-shell-log-grep-v-windfall", n_app_log,
          "grep -vE 'DEBUG|INFO windfall.store' windfall.log | tail -n 420"),
        S("gm-shell-curl-underscore-index", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/index.html | head -n 1600"),
        ("gm-read-py-h11-connection", "read_file", {"file_path": f"{h11}/h11/_connection.py"}, read_ext("python")),
        ("gm-read-py-h11-readers", "read_file", {"file_path": f"{h11}/h11/_readers.py"}, read_ext("python")),
        ("gm-read-py-hpack-hpack", "read_file", {"file_path": f"{hp}/hpack.py"}, read_ext("python")),
        ("gm-grep-vendor-classes", "grep_search", {"pattern": r"^class \w+", "dir_path": str(root / "vendor"),
                                                   "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-h11-raises", "grep_search", {"pattern": r"raise \w+Error|ProtocolError\(",
                                               "dir_path": str(h11 / "h11"), "include_pattern": "*.py"},
         n_gemini_grep),
        ("gm-glob-all-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        C("gm-shell-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd espalier", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-grep-espalier", n_node_test,
          "cd espalier && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 820"),
        S("gm-shell-eslint-espalier", n_eslint, "cd espalier && npx eslint lib spec | head -n 480"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd espalier", None), Part("npx eslint lib/tier-plan.js lib/espalier.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-graftwax", n_go_test, "cd graftwax && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd graftwax", None), Part("go test ./... 2>&1 | tail -n 60", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-graftwax", n_go_vet, "cd graftwax-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-graftwax", n_go_build, "cd graftwax-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-budwood", n_cargo_build, "cd budwood && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd budwood", None),
           Part("sed -i '/let label: String/d;/idx.push(row_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 440", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-budwood", n_clippy, "cd budwood && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-budwood", n_cargo_meta,
          "cd budwood && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-cidery", n_shellcheck, "shellcheck cidery-ops/scripts/*.sh"),
        S("gm-shell-tree-hpack-mpmath", n_tree,
          f"tree -a --noreport {SITE}/hpack {SITE}/hyperframe {SITE}/mpmath | head -n 420"),
        S("gm-shell-ps-aux-sort-cpu-45", n_ps_aux, "ps aux --sort=-%cpu | head -n 45"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 70"),
        S("gm-shell-sqlite-dist-largest", n_sqlite_col,
          "sqlite3 -header -column distfiles.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM distfiles WHERE directory LIKE '%cryptography%' OR directory LIKE '%pygments%' "
          "ORDER BY size DESC, file ASC LIMIT 280\""),
        S("gm-shell-npm-view-quick-lru", n_npm_view, "npm view quick-lru --json"),
        S("gm-shell-log-grep-v-ladderhook", n_app_log,
          "grep -vE 'DEBUG|ladderhook.db' ladderhook.log | tail -n 560"),
        S("gm-shell-grep-rn-mpmath-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/mpmath/libmp {SITE}/mpmath/calculus --include=*.py | head -n 1300"),
        S("gm-shell-sed-n-mpmath-ctx-base", sed_ext("python"), f"sed -n '1,520p' {SITE}/mpmath/ctx_base.py"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/libjs-underscore")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{H11} h11 && cp -r {tmp}/h11-git h11-git && "
              f"cp -r {tmp}/rootstock rootstock && cp {tmp}/data/distfiles.csv {tmp}/data/windfall.log . && "
              f"mkdir vendor && cp -r {SITE}/hpack {SITE}/hyperframe vendor/", run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/budwood budwood && cp -r {tmp}/cidery-ops cidery-ops && "
          f"cp -r {tmp}/graftwax {tmp}/graftwax-vet {tmp}/graftwax-build . && "
          f"cp {tmp}/data/distfiles.db {tmp}/data/ladderhook.log . && mkdir espalier && "
          f"cp -r {tmp}/espalier/lib {tmp}/espalier/spec {tmp}/espalier/package.json "
          f"{tmp}/espalier/eslint.config.js {tmp}/espalier/tsconfig.json espalier/ && "
          f"ln -s {JS}/node_modules espalier/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
