"""Round 336, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding wsproto (broken) and its git history, the
chainferry C project, the /usr/share/javascript CSV, the tollhouse log and copies of pluggy's and iniconfig's installed
sources (run_shell_command, read_file, grep_search, glob), with nettle's HTML manual served on 127.0.0.1:18336; run 2
in one holding the towline project, the ferrytoll Go module (and its vet and build copies), the landingstage deploy
scripts, the pontoon crate, the sqlite table and the wharfinger log (run_shell_command). An item's text is the tool
result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines, read on the
command's own lines inside Gemini CLI's frame (round 289's reading; a chain's from each part's own, the parts run
again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide336.py."""

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
from capture_wide336 import JS, VENV, add
from capture_wide336_mat import WSP

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18336
PYTEST = "PYTHONPATH=src python -m pytest -p no:cacheprovider"


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
    wsp, pl = root / "wsproto", root / "vendor" / "pluggy"
    return [
        S("gm-shell-pytest-v-wsproto", n_pytest, f"cd wsproto && {PYTEST} -v --tb=short tests 2>&1 | tail -n 480"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd wsproto", None),
           Part(f"{PYTEST} -q --tb=line -W ignore tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-ruff-concise-wsproto", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise wsproto/src wsproto/ferryman.py "
          "| head -n 520"),
        S("gm-shell-ruff-full-wsproto-tests", n_ruff,
          "cd wsproto && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,N,PT,PERF "
          "--output-format=full tests 2>&1 | tail -n 400"),
        S("gm-shell-mypy-strict-wsproto", n_mypy,
          "cd wsproto && MYPYPATH=src mypy --strict --no-incremental --cache-dir=/dev/null src/wsproto ferryman.py "
          "2>&1 | tail -n 260"),
        S("gm-shell-traceback-ferryman", n_chained, "cd wsproto && PYTHONPATH=src python ferryman.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C chainferry -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C chainferry clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-chainferry", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ichainferry/src chainferry/src/landing.c "
          "chainferry/src/slip_0[0-9].c 2>&1"),
        S("gm-shell-git-log-p-wsproto", n_log_p, "cd wsproto-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-wsproto", n_blame,
          "cd wsproto-git && git --no-pager blame -L 120,400 src/wsproto/handshake.py"),
        S("gm-shell-git-show-wsproto", n_show, "cd wsproto-git && git --no-pager show --no-ext-diff HEAD~2"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd wsproto-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-wsproto", n_diff,
          "cd wsproto-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-wsproto-chainferry", n_ls_lR, f"ls -laR wsproto/src chainferry {SITE}/iniconfig"),
        S("gm-shell-find-printf-pip-internal", n_find,
          f"find {SITE}/pip/_internal -type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 300"),
        S("gm-shell-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        S("gm-shell-csv-grep-jsfiles", n_csv, "grep -vE '/themes/[a-z-]+/images' jsfiles.csv | head -n 300"),
        S("gm-shell-npm-view-escape-string-regexp", n_npm_view, "npm view escape-string-regexp --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 560"),
        S("gm-shell-log-grep-v-tollhouse", n_app_log,
          "grep -vE 'DEBUG|INFO tollhouse.store' tollhouse.log | tail -n 420"),
        S("gm-shell-curl-nettle-manual", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/nettle.html | head -n 1400"),
        ("gm-read-py-wsproto-connection", "read_file", {"file_path": f"{wsp}/src/wsproto/connection.py"},
         read_ext("python")),
        ("gm-read-py-wsproto-frame-protocol", "read_file", {"file_path": f"{wsp}/src/wsproto/frame_protocol.py"},
         read_ext("python")),
        ("gm-read-py-pluggy-manager", "read_file", {"file_path": f"{pl}/_manager.py"}, read_ext("python")),
        ("gm-grep-vendor-classes", "grep_search", {"pattern": r"^class \w+", "dir_path": str(root / "vendor"),
                                                   "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-wsproto-raises", "grep_search", {"pattern": r"raise \w+(Error|Failed)|LocalProtocolError\(",
                                                   "dir_path": str(wsp / "src"), "include_pattern": "*.py"},
         n_gemini_grep),
        ("gm-glob-all-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        C("gm-shell-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd towline", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-grep-towline", n_node_test,
          "cd towline && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 820"),
        S("gm-shell-eslint-towline", n_eslint, "cd towline && npx eslint lib spec | head -n 480"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd towline", None), Part("npx eslint lib/crossing-plan.js lib/towline.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-ferrytoll", n_go_test, "cd ferrytoll && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd ferrytoll", None), Part("go test ./... 2>&1 | tail -n 60", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-ferrytoll", n_go_vet, "cd ferrytoll-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-ferrytoll", n_go_build, "cd ferrytoll-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-pontoon", n_cargo_build, "cd pontoon && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd pontoon", None),
           Part("sed -i '/let label: String/d;/idx.push(berth_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 440", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-pontoon", n_clippy, "cd pontoon && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-pontoon", n_cargo_meta,
          "cd pontoon && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-landingstage", n_shellcheck, "shellcheck landingstage-ops/scripts/*.sh"),
        S("gm-shell-tree-pluggy-pip", n_tree,
          f"tree -a --noreport {SITE}/pluggy {SITE}/iniconfig {SITE}/asttokens {SITE}/pip/_internal | head -n 420"),
        S("gm-shell-ps-aux-sort-cpu-45", n_ps_aux, "ps aux --sort=-%cpu | head -n 45"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 70"),
        S("gm-shell-sqlite-jsfiles-largest", n_sqlite_col,
          "sqlite3 -header -column jsfiles.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM jsfiles WHERE directory LIKE '%jquery-ui%' ORDER BY size DESC, file ASC LIMIT 280\""),
        S("gm-shell-npm-view-strip-json-comments", n_npm_view, "npm view strip-json-comments --json"),
        S("gm-shell-log-grep-v-wharfinger", n_app_log,
          "grep -vE 'DEBUG|wharfinger.db' wharfinger.log | tail -n 560"),
        S("gm-shell-grep-rn-pip-internal-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/pip/_internal/req {SITE}/pip/_internal/resolution "
          f"{SITE}/pip/_internal/operations --include=*.py | head -n 1300"),
        S("gm-shell-sed-n-asttokens", sed_ext("python"), f"sed -n '1,480p' {SITE}/asttokens/asttokens.py"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nettle-dev")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{WSP} wsproto && cp -r {tmp}/wsproto-git wsproto-git && "
              f"cp -r {tmp}/chainferry chainferry && cp {tmp}/data/jsfiles.csv {tmp}/data/tollhouse.log . && "
              f"mkdir vendor && cp -r {SITE}/pluggy {SITE}/iniconfig vendor/", run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/pontoon pontoon && cp -r {tmp}/landingstage-ops landingstage-ops && "
          f"cp -r {tmp}/ferrytoll {tmp}/ferrytoll-vet {tmp}/ferrytoll-build . && "
          f"cp {tmp}/data/jsfiles.db {tmp}/data/wharfinger.log . && mkdir towline && "
          f"cp -r {tmp}/towline/lib {tmp}/towline/spec {tmp}/towline/package.json "
          f"{tmp}/towline/eslint.config.js {tmp}/towline/tsconfig.json towline/ && "
          f"ln -s {JS}/node_modules towline/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
