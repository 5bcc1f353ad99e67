"""Round 357, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding svgwrite (broken) and its git history, the
turbary C project, the man3 CSV, the turfshed log and copies of xlrd's, smmap's and sniffio's installed sources
(run_shell_command, read_file, grep_search, glob), with Node's worker_threads HTML page served on 127.0.0.1:18357;
run 2 in one holding the turfrick project, the turftally Go module (and its vet and build copies), the bogroad deploy
scripts, the slane crate, the sqlite table and the cuttingbank log (run_shell_command). An item's text is the tool
result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines, read on the
command's own lines inside Gemini CLI's frame (round 289's reading; a chain's from each part's own, the parts run
again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide357.py."""

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
from capture_wide357 import JS, VENV, add
from capture_wide357_mat import SVG

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18357
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
    sv, vd = root / "svgwrite", root / "vendor"
    return [
        S("gm-shell-pytest-v-svgwrite", n_pytest, f"cd svgwrite && {PYTEST} -v --tb=short tests 2>&1 | tail -n 560"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd svgwrite", None),
           Part(f"{PYTEST} -q --tb=line -W ignore tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-ruff-concise-svgwrite", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise svgwrite/svgwrite "
          "svgwrite/turfcutter.py | head -n 520"),
        S("gm-shell-ruff-full-svgwrite-tests", n_ruff,
          "cd svgwrite && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,N,PT,PERF "
          "--output-format=full tests 2>&1 | tail -n 400"),
        S("gm-shell-mypy-strict-svgwrite", n_mypy,
          "cd svgwrite && mypy --strict --no-incremental --cache-dir=/dev/null svgwrite turfcutter.py 2>&1 "
          "| tail -n 260"),
        S("gm-shell-traceback-turfcutter", n_chained, "cd svgwrite && python turfcutter.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C turbary -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C turbary clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-turbary", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iturbary/src turbary/src/footing.c "
          "turbary/src/bank_2[0-9].c 2>&1"),
        S("gm-shell-git-log-p-svgwrite", n_log_p, "cd svgwrite-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-svgwrite", n_blame,
          "cd svgwrite-git && git --no-pager blame -L 30,266 svgwrite/utils.py"),
        S("gm-shell-git-show-svgwrite", n_show, "cd svgwrite-git && git --no-pager show --no-ext-diff HEAD~3"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd svgwrite-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-svgwrite", n_diff,
          "cd svgwrite-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-svgwrite-turbary", n_ls_lR, f"ls -laR svgwrite/svgwrite turbary {SITE}/smmap"),
        S("gm-shell-find-printf-prompt-toolkit", n_find,
          f"find {SITE}/prompt_toolkit -type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        S("gm-shell-csv-grep-man3", n_csv, "grep -v 'Pod::' man3.csv | head -n 300"),
        S("gm-shell-npm-view-yallist", n_npm_view, "npm view yallist --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 520"),
        S("gm-shell-log-grep-v-turfshed", n_app_log,
          "grep -vE 'DEBUG|INFO turfshed.store' turfshed.log | tail -n 420"),
        S("gm-shell-curl-worker-threads-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/worker_threads.html | head -n 1250"),
        ("gm-read-py-svgwrite-utils", "read_file", {"file_path": f"{sv}/svgwrite/utils.py"}, read_ext("python")),
        ("gm-read-py-svgwrite-mixins", "read_file", {"file_path": f"{sv}/svgwrite/mixins.py"}, read_ext("python")),
        ("gm-read-py-xlrd-sheet", "read_file", {"file_path": f"{vd}/xlrd/sheet.py"}, read_ext("python")),
        ("gm-grep-vendor-defs", "grep_search", {"pattern": r"^(class|def) \w+", "dir_path": str(vd),
                                                "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-svgwrite-raises", "grep_search", {"pattern": r"raise \w+(Error|Exception)",
                                                    "dir_path": str(sv / "svgwrite"), "include_pattern": "*.py"},
         n_gemini_grep),
        ("gm-glob-all-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        C("gm-shell-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd turfrick", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-grep-turfrick", n_node_test,
          "cd turfrick && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 900"),
        S("gm-shell-eslint-turfrick", n_eslint, "cd turfrick && npx eslint lib spec | head -n 480"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd turfrick", None), Part("npx eslint lib/footing-plan.js lib/turfrick.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-turftally", n_go_test, "cd turftally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd turftally", None), Part("go test ./... 2>&1 | tail -n 60", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-turftally", n_go_vet, "cd turftally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-turftally", n_go_build, "cd turftally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-slane", n_cargo_build, "cd slane && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd slane", None),
           Part("sed -i '/let label: String/d;/idx.push(face_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 440", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-slane", n_clippy, "cd slane && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-slane", n_cargo_meta, "cd slane && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-bogroad", n_shellcheck, "shellcheck bogroad-ops/scripts/*.sh"),
        S("gm-shell-tree-xlrd-smmap-ptk", n_tree,
          f"tree -a --noreport {SITE}/xlrd {SITE}/smmap {SITE}/sniffio {SITE}/prompt_toolkit | head -n 420"),
        S("gm-shell-ps-aux-sort-cpu-45", n_ps_aux, "ps aux --sort=-%cpu | head -n 45"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 70"),
        S("gm-shell-sqlite-man3-largest", n_sqlite_col,
          "sqlite3 -header -column man3.db \"SELECT file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM man3 WHERE file NOT LIKE 'Pod::%' ORDER BY size DESC, file ASC LIMIT 220\""),
        S("gm-shell-npm-view-string-width", n_npm_view, "npm view string-width --json"),
        S("gm-shell-log-grep-v-cuttingbank", n_app_log,
          "grep -vE 'DEBUG|cuttingbank.db' cuttingbank.log | tail -n 560"),
        S("gm-shell-grep-rn-prompt-toolkit-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/prompt_toolkit/layout {SITE}/prompt_toolkit/key_binding "
          "--include=*.py | head -n 760"),
        S("gm-shell-sed-n-xlrd-book", sed_ext("python"), f"sed -n '1,560p' {SITE}/xlrd/book.py"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{SVG} svgwrite && cp -r {tmp}/svgwrite-git svgwrite-git && "
              f"cp -r {tmp}/turbary turbary && cp {tmp}/data/man3.csv {tmp}/data/turfshed.log . && "
              f"mkdir vendor && cp -r {SITE}/xlrd {SITE}/smmap {SITE}/sniffio vendor/",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/slane slane && cp -r {tmp}/bogroad-ops bogroad-ops && "
          f"cp -r {tmp}/turftally {tmp}/turftally-vet {tmp}/turftally-build . && "
          f"cp {tmp}/data/man3.db {tmp}/data/cuttingbank.log . && mkdir turfrick && "
          f"cp -r {tmp}/turfrick/lib {tmp}/turfrick/spec {tmp}/turfrick/package.json "
          f"{tmp}/turfrick/eslint.config.js {tmp}/turfrick/tsconfig.json turfrick/ && "
          f"ln -s {JS}/node_modules turfrick/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
