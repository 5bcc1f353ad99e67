"""Round 386, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding fqdn (broken) and its git history, the drawhole
C project, the man7 CSV, the kilnhead log and copies of execnet's, cachelib's and dicttoxml's installed sources
(run_shell_command, read_file, grep_search, glob), with Node's dns HTML page served on 127.0.0.1:18386; run 2 in one
holding the slakepit project, the chargetally Go module (and its vet and build copies), the limeworks deploy
scripts, the slaker crate, the sqlite table and the limeyard log (run_shell_command). An item's text is the tool
result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines, read on the
command's own lines inside Gemini CLI's frame (round 289's reading; a chain's from each part's own, the parts run
again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide386.py."""

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
from capture_wide386 import JS, VENV, add
from capture_wide386_mat import FQ

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18386
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
    fq, vd = root / "fqdn", root / "vendor"
    return [
        S("gm-shell-pytest-v-fqdn", n_pytest, f"cd fqdn && {PYTEST} -v --tb=short tests 2>&1 | tail -n 400"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd fqdn", None),
           Part(f"{PYTEST} -q --tb=line -o addopts='' tests/test_fqdn.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-fqdn", n_pytest,
          f"cd fqdn && {PYTEST} -o addopts='' -rA --tb=long tests 2>&1"),
        S("gm-shell-ruff-concise-fqdn", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise fqdn/fqdn "
          "fqdn/limeburner.py fqdn/docs/conf.py | head -n 520"),
        S("gm-shell-ruff-full-fqdn-tests", n_ruff,
          "cd fqdn && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,N,PT,PERF,ANN,D "
          "--output-format=full tests 2>&1 | tail -n 400"),
        S("gm-shell-mypy-strict-fqdn", n_mypy,
          "cd fqdn && mypy --strict --no-incremental --cache-dir=/dev/null fqdn limeburner.py tests 2>&1 "
          "| tail -n 260"),
        S("gm-shell-traceback-limeburner", n_chained, "cd fqdn && python limeburner.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C drawhole -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C drawhole clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-drawhole", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Idrawhole/src drawhole/src/kilnpot.c "
          "drawhole/src/charge_2[0-9].c 2>&1"),
        S("gm-shell-git-log-p-fqdn", n_log_p, "cd fqdn-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-fqdn", n_blame,
          "cd fqdn-git && git --no-pager blame -L 40,260 tests/test_fqdn.py"),
        S("gm-shell-git-show-fqdn", n_show, "cd fqdn-git && git --no-pager show --no-ext-diff HEAD~6"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd fqdn-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-fqdn", n_diff,
          "cd fqdn-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-fqdn-drawhole", n_ls_lR, f"ls -laR fqdn drawhole {SITE}/cachelib"),
        S("gm-shell-find-printf-execnet", n_find,
          f"find {SITE}/execnet {SITE}/cachelib -type f -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-rss-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        S("gm-shell-csv-grep-man7", n_csv, "grep -v ',EVP_\\|,OSSL_' man7.csv | head -n 360"),
        S("gm-shell-npm-view-chalk", n_npm_view, "npm view chalk --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 480"),
        S("gm-shell-log-grep-v-kilnhead", n_app_log,
          "grep -vE 'DEBUG|INFO kilnhead.store' kilnhead.log | tail -n 440"),
        S("gm-shell-curl-dns-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/dns.html | head -n 1200"),
        ("gm-read-py-fqdn-init", "read_file", {"file_path": f"{fq}/fqdn/__init__.py"}, read_ext("python")),
        ("gm-read-py-fqdn-tests", "read_file", {"file_path": f"{fq}/tests/test_fqdn.py"}, read_ext("python")),
        ("gm-read-py-execnet-gateway-base", "read_file", {"file_path": f"{vd}/execnet/gateway_base.py"},
         read_ext("python")),
        ("gm-grep-vendor-defs", "grep_search", {"pattern": r"^(class|def) \w+", "dir_path": str(vd),
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
        C("gm-shell-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd slakepit", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-grep-slakepit", n_node_test,
          "cd slakepit && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 1000"),
        S("gm-shell-eslint-slakepit", n_eslint, "cd slakepit && npx eslint lib spec | head -n 480"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd slakepit", None), Part("npx eslint lib/slaking-plan.js lib/slakepit.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-chargetally", n_go_test, "cd chargetally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd chargetally", None), Part("go test ./... 2>&1 | tail -n 70", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-chargetally", n_go_vet, "cd chargetally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-chargetally", n_go_build, "cd chargetally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-slaker", n_cargo_build, "cd slaker && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd slaker", None),
           Part("sed -i '/let label: String/d;/idx.push(pit_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 460", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-slaker", n_clippy, "cd slaker && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-slaker", n_cargo_meta, "cd slaker && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-limeworks", n_shellcheck, "shellcheck limeworks-ops/scripts/*.sh"),
        S("gm-shell-tree-execnet-cachelib", n_tree,
          f"tree -a --noreport {SITE}/execnet {SITE}/cachelib {SITE}/execnet-*.dist-info {SITE}/cachelib-*.dist-info | head -n 400"),
        S("gm-shell-ps-aux-sort-cpu-40", n_ps_aux, "ps aux --sort=-%cpu | head -n 40"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 75"),
        S("gm-shell-sqlite-man7-largest", n_sqlite_col,
          "sqlite3 -header -column man7.db \"SELECT file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM man7 WHERE file NOT LIKE 'EVP_%' ORDER BY size DESC, file ASC LIMIT 240\""),
        S("gm-shell-npm-view-fast-glob", n_npm_view, "npm view fast-glob --json"),
        S("gm-shell-log-grep-v-limeyard", n_app_log,
          "grep -vE 'DEBUG|limeyard.db' limeyard.log | tail -n 540"),
        S("gm-shell-grep-rn-cachelib-execnet-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/cachelib {SITE}/execnet --include=*.py | head -n 700"),
        S("gm-shell-sed-n-execnet-gateway", sed_ext("python"), f"sed -n '1,420p' {SITE}/execnet/gateway.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{FQ} fqdn && cp -r {tmp}/fqdn-git fqdn-git && "
              f"cp -r {tmp}/drawhole drawhole && cp {tmp}/data/man7.csv {tmp}/data/kilnhead.log . && "
              f"mkdir vendor && cp -r {SITE}/execnet {SITE}/cachelib {SITE}/dicttoxml.py vendor/",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/slaker slaker && cp -r {tmp}/limeworks-ops limeworks-ops && "
          f"cp -r {tmp}/chargetally {tmp}/chargetally-vet {tmp}/chargetally-build . && "
          f"cp {tmp}/data/man7.db {tmp}/data/limeyard.log . && mkdir slakepit && "
          f"cp -r {tmp}/slakepit/lib {tmp}/slakepit/spec {tmp}/slakepit/package.json "
          f"{tmp}/slakepit/eslint.config.js {tmp}/slakepit/tsconfig.json slakepit/ && "
          f"ln -s {JS}/node_modules slakepit/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
