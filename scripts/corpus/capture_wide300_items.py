"""Round 300, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding boolean.py (broken) and its git history, the fusee
C project, the /usr/lib/python3* CSV, the belfry log and a copy of configobj's installed sources (run_shell_command,
read_file, grep_search, glob), with zlib1g-dev's zlib_how.html served on 127.0.0.1:18300; run 2 in one holding the
crownwheel project, the tourbillon Go module (and its vet and build copies), the carillon deploy scripts, the
remontoire crate, the sqlite table and the hairspring log (run_shell_command). An item's text is the tool result Gemini
CLI sent back; its needles come from the extractor of the tool that printed the lines, read on the command's own lines
inside Gemini CLI's frame (round 289's reading; a chain's from each part's own, the parts run again outside the agent).
An item one of whose needles is on no line of its text is dropped whole. Run through capture_wide300.py."""

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
from capture_wide300 import JS, VENV, add
from capture_wide300_mat import BP

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18300


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
    bp, co = root / "boolean", root / "vendor" / "configobj"
    return [
        S("gm-shell-pytest-v-boolean", n_pytest,
          "cd boolean && python -m pytest -p no:cacheprovider -o addopts= -v --tb=short boolean/test_boolean.py "
          "2>&1 | tail -n 420"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd boolean", None),
           Part("python -m pytest -q -p no:cacheprovider -o addopts= --tb=line -W ignore boolean/test_boolean.py",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-ruff-concise-boolean", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise boolean/boolean "
          "boolean/quarterjack.py | head -n 520"),
        S("gm-shell-ruff-full-boolean-tests", n_ruff,
          "cd boolean && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,N,PT,PERF "
          "--output-format=full boolean/test_boolean.py 2>&1 | tail -n 400"),
        S("gm-shell-mypy-strict-boolean", n_mypy,
          "cd boolean && mypy --strict --no-incremental --cache-dir=/dev/null boolean quarterjack.py "
          "2>&1 | tail -n 260"),
        S("gm-shell-traceback-quarterjack", n_chained, "cd boolean && python quarterjack.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C fusee -k 2>&1 | tail -n 420", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C fusee clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-fusee", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ifusee/src fusee/src/ledger.c "
          "fusee/src/chain_2[0-9].c 2>&1"),
        S("gm-shell-git-log-p-boolean", n_log_p, "cd boolean-git && git log -p --stat | head -n 900"),
        S("gm-shell-git-blame-boolean", n_blame,
          "cd boolean-git && git blame -L 1380,1662 boolean/boolean.py"),
        S("gm-shell-git-show-boolean", n_show, "cd boolean-git && git show HEAD~6"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd boolean-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-diff-no-ext-boolean", n_diff, "cd boolean-git && git diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-boolean-fusee", n_ls_lR, f"ls -laR boolean fusee {SITE}/mypy/test"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE} -type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 420"),
        S("gm-shell-ps-aux-sort-rss-70", n_ps_aux, "ps aux --sort=-rss | head -n 70"),
        S("gm-shell-csv-grep-email-json", n_csv,
          "(head -n 1 pylib.csv; grep -E '/(email|json|asyncio|unittest)[,/]' pylib.csv) | head -n 460"),
        S("gm-shell-npm-view-totalist", n_npm_view, "npm view totalist --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null"),
        S("gm-shell-log-grep-v-belfry", n_app_log, "grep -vE 'DEBUG|INFO belfry.store' belfry.log | tail -n 430"),
        S("gm-shell-curl-zlib-how", n_html, f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/zlib_how.html"),
        ("gm-read-py-boolean-core", "read_file", {"file_path": f"{bp}/boolean/boolean.py", "start_line": 1,
                                                  "end_line": 1000}, read_ext("python")),
        ("gm-read-py-boolean-tests", "read_file", {"file_path": f"{bp}/boolean/test_boolean.py"}, read_ext("python")),
        ("gm-read-py-configobj-validate", "read_file", {"file_path": f"{co}/validate.py"}, read_ext("python")),
        ("gm-grep-configobj-defs", "grep_search", {"pattern": r"^\s*(class|def) \w+", "dir_path": str(co),
                                                   "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-boolean-tokens", "grep_search", {"pattern": r"TOKEN_\w+|ParseError\(", "dir_path": str(bp),
                                                   "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-glob-all-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        C("gm-shell-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd crownwheel", None), Part("node --test spec/ 2>&1 | tail -n 650", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-grep-crownwheel", n_node_test,
          "cd crownwheel && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 900"),
        S("gm-shell-eslint-crownwheel", n_eslint, "cd crownwheel && npx eslint lib spec | head -n 540"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd crownwheel", None), Part("npx eslint lib/wind-plan.js lib/crownwheel.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-tourbillon", n_go_test, "cd tourbillon && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd tourbillon", None), Part("go test ./... 2>&1 | tail -n 60", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-tourbillon", n_go_vet, "cd tourbillon-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-tourbillon", n_go_build, "cd tourbillon-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-remontoire", n_cargo_build, "cd remontoire && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd remontoire", None),
           Part("sed -i '/let label: String/d;/idx.push(wheel_site_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 460", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-remontoire", n_clippy, "cd remontoire && cargo clippy 2>&1 | tail -n 700"),
        S("gm-shell-cargo-metadata-remontoire", n_cargo_meta,
          "cd remontoire && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-carillon", n_shellcheck, "shellcheck carillon-ops/scripts/*.sh"),
        S("gm-shell-tree-pyasn1-configobj", n_tree,
          f"tree -a --noreport {SITE}/pyasn1 {SITE}/configobj {SITE}/jsonpatch* {SITE}/iniconfig | head -n 460"),
        S("gm-shell-ps-aux-sort-cpu-55", n_ps_aux, "ps aux --sort=-%cpu | head -n 55"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 75"),
        S("gm-shell-sqlite-pylib-largest", n_sqlite_col,
          "sqlite3 -header -column pylib.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM pylib WHERE file LIKE '%.py' ORDER BY size DESC, file ASC LIMIT 320\""),
        S("gm-shell-npm-view-tinydate", n_npm_view, "npm view tinydate --json"),
        S("gm-shell-log-grep-v-hairspring", n_app_log,
          "grep -vE 'DEBUG|hairspring.db' hairspring.log | tail -n 640"),
        S("gm-shell-grep-rn-pyasn1-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/pyasn1/type --include=*.py"),
        S("gm-shell-sed-n-pyasn1-decoder", sed_ext("python"), f"sed -n '1,520p' {SITE}/pyasn1/codec/ber/decoder.py"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/zlib1g-dev/examples")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{BP} boolean && cp -r {tmp}/boolean-git boolean-git && "
              f"cp -r {tmp}/fusee fusee && cp {tmp}/data/pylib.csv {tmp}/data/belfry.log . && "
              f"mkdir vendor && cp -r {SITE}/configobj vendor/configobj", run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/remontoire remontoire && cp -r {tmp}/carillon-ops carillon-ops && "
          f"cp -r {tmp}/tourbillon {tmp}/tourbillon-vet {tmp}/tourbillon-build . && "
          f"cp {tmp}/data/pylib.db {tmp}/data/hairspring.log . && mkdir crownwheel && "
          f"cp -r {tmp}/crownwheel/lib {tmp}/crownwheel/spec {tmp}/crownwheel/package.json "
          f"{tmp}/crownwheel/eslint.config.js {tmp}/crownwheel/tsconfig.json crownwheel/ && "
          f"ln -s {JS}/node_modules crownwheel/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
