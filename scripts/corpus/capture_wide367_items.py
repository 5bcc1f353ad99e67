"""Round 367, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding tqdm (broken) and its git history, the
cidermill C project, the man8 CSV, the vatroom log and copies of XlsxWriter's, zxcvbn's and yattag's installed
sources (run_shell_command, read_file, grep_search, glob), with Node's v8 HTML page served on 127.0.0.1:18367; run 2
in one holding the pomacerack project, the presstally Go module (and its vet and build copies), the millhouse deploy
scripts, the keeve crate, the sqlite table and the millyard log (run_shell_command). An item's text is the tool
result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines, read on the
command's own lines inside Gemini CLI's frame (round 289's reading; a chain's from each part's own, the parts run
again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide367.py."""

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
from capture_wide367 import JS, VENV, add
from capture_wide367_mat import TQ

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18367
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
    tq, vd = root / "tqdm", root / "vendor"
    return [
        S("gm-shell-pytest-v-tqdm", n_pytest, f"cd tqdm && {PYTEST} -v --tb=short tests 2>&1 | tail -n 560"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd tqdm", None),
           Part(f"{PYTEST} -q --tb=line tests/tests_tqdm.py tests/tests_utils.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-ruff-concise-tqdm", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise tqdm/tqdm "
          "tqdm/pressman.py | head -n 520"),
        S("gm-shell-ruff-full-tqdm-tests", n_ruff,
          "cd tqdm && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,N,PT,PERF "
          "--output-format=full tests 2>&1 | tail -n 400"),
        S("gm-shell-mypy-strict-tqdm", n_mypy,
          "cd tqdm && mypy --strict --no-incremental --cache-dir=/dev/null tqdm pressman.py 2>&1 "
          "| tail -n 260"),
        S("gm-shell-traceback-pressman", n_chained, "cd tqdm && python pressman.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C cidermill -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C cidermill clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-cidermill", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Icidermill/src cidermill/src/pressroom.c "
          "cidermill/src/vat_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-tqdm", n_log_p, "cd tqdm-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-tqdm", n_blame,
          "cd tqdm-git && git --no-pager blame -L 20,250 tqdm/utils.py"),
        S("gm-shell-git-show-tqdm", n_show, "cd tqdm-git && git --no-pager show --no-ext-diff HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd tqdm-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-tqdm", n_diff,
          "cd tqdm-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-tqdm-cidermill", n_ls_lR, f"ls -laR tqdm/tqdm cidermill {SITE}/yattag"),
        S("gm-shell-find-printf-xlsxwriter", n_find,
          f"find {SITE}/xlsxwriter -type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        S("gm-shell-csv-grep-man8", n_csv, "grep -v ',systemd' man8.csv | head -n 320"),
        S("gm-shell-npm-view-wrap-ansi", n_npm_view, "npm view wrap-ansi --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 520"),
        S("gm-shell-log-grep-v-vatroom", n_app_log,
          "grep -vE 'DEBUG|INFO vatroom.store' vatroom.log | tail -n 420"),
        S("gm-shell-curl-v8-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/v8.html | head -n 1150"),
        ("gm-read-py-tqdm-std", "read_file", {"file_path": f"{tq}/tqdm/std.py"}, read_ext("python")),
        ("gm-read-py-tqdm-cli", "read_file", {"file_path": f"{tq}/tqdm/cli.py"}, read_ext("python")),
        ("gm-read-py-xlsxwriter-format", "read_file", {"file_path": f"{vd}/xlsxwriter/format.py"},
         read_ext("python")),
        ("gm-grep-vendor-defs", "grep_search", {"pattern": r"^(class|def) \w+", "dir_path": str(vd),
                                                "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-tqdm-raises", "grep_search", {"pattern": r"raise \w+(Error|Exception)",
                                                "dir_path": str(tq / "tqdm"), "include_pattern": "*.py"},
         n_gemini_grep),
        ("gm-glob-all-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        C("gm-shell-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd pomacerack", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-grep-pomacerack", n_node_test,
          "cd pomacerack && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 1100"),
        S("gm-shell-eslint-pomacerack", n_eslint, "cd pomacerack && npx eslint lib spec | head -n 480"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd pomacerack", None), Part("npx eslint lib/pressing-plan.js lib/pomacerack.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-presstally", n_go_test, "cd presstally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd presstally", None), Part("go test ./... 2>&1 | tail -n 60", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-presstally", n_go_vet, "cd presstally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-presstally", n_go_build, "cd presstally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-keeve", n_cargo_build, "cd keeve && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd keeve", None),
           Part("sed -i '/let label: String/d;/idx.push(vat_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 440", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-keeve", n_clippy, "cd keeve && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-keeve", n_cargo_meta, "cd keeve && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-millhouse", n_shellcheck, "shellcheck millhouse-ops/scripts/*.sh"),
        S("gm-shell-tree-xlsxwriter-zxcvbn-yattag", n_tree,
          f"tree -a --noreport {SITE}/xlsxwriter {SITE}/zxcvbn {SITE}/yattag {SITE}/pytest_asyncio | head -n 420"),
        S("gm-shell-ps-aux-sort-cpu-45", n_ps_aux, "ps aux --sort=-%cpu | head -n 45"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 70"),
        S("gm-shell-sqlite-man8-largest", n_sqlite_col,
          "sqlite3 -header -column man8.db \"SELECT file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM man8 WHERE file NOT LIKE 'systemd%' ORDER BY size DESC, file ASC LIMIT 220\""),
        S("gm-shell-npm-view-yargs-parser", n_npm_view, "npm view yargs-parser --json"),
        S("gm-shell-log-grep-v-millyard", n_app_log,
          "grep -vE 'DEBUG|millyard.db' millyard.log | tail -n 560"),
        S("gm-shell-grep-rn-xlsxwriter-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/xlsxwriter --include=*.py | head -n 760"),
        S("gm-shell-sed-n-xlsxwriter-workbook", sed_ext("python"), f"sed -n '1,560p' {SITE}/xlsxwriter/workbook.py"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{TQ} tqdm && cp -r {tmp}/tqdm-git tqdm-git && "
              f"cp -r {tmp}/cidermill cidermill && cp {tmp}/data/man8.csv {tmp}/data/vatroom.log . && "
              f"mkdir vendor && cp -r {SITE}/xlsxwriter {SITE}/zxcvbn {SITE}/yattag vendor/",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/keeve keeve && cp -r {tmp}/millhouse-ops millhouse-ops && "
          f"cp -r {tmp}/presstally {tmp}/presstally-vet {tmp}/presstally-build . && "
          f"cp {tmp}/data/man8.db {tmp}/data/millyard.log . && mkdir pomacerack && "
          f"cp -r {tmp}/pomacerack/lib {tmp}/pomacerack/spec {tmp}/pomacerack/package.json "
          f"{tmp}/pomacerack/eslint.config.js {tmp}/pomacerack/tsconfig.json pomacerack/ && "
          f"ln -s {JS}/node_modules pomacerack/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
