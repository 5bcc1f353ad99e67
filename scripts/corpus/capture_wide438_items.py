"""Round 438, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding WTForms (broken) and its git history, the
bedstone C project, the site-packages CSV, the tailpole log and copies of elementpath's and exrex's installed sources
(run_shell_command, read_file, grep_search, glob), with Node's fs HTML page served on 127.0.0.1:18438; run 2 in one
holding the sailcloth project, the stonetally Go module (and its vet and build copies), the cogpitworks deploy
scripts, the tentering crate, the sqlite table and the bedstonehouse log (run_shell_command). An item's text is the
tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines, read on the
command's own lines inside Gemini CLI's frame (round 289's reading; a chain's from each part's own, the parts run
again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide438.py."""

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
from capture_wide438 import JS, VENV, add
from capture_wide438_mat import WT

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18438
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
    wt, vd = root / "wtforms", root / "vendor"
    return [
        S("gm-shell-pytest-v-wtforms", n_pytest,
          f"cd wtforms && {PYTEST} -v --tb=short tests 2>&1 | tail -n 420"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd wtforms", None),
           Part(f"{PYTEST} -q --tb=line tests/validators tests/fields/test_float.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-wtforms", n_pytest,
          f"cd wtforms && {PYTEST} -rA --tb=long tests/validators/test_length.py "
          "tests/validators/test_number_range.py tests/validators/test_url.py tests/fields/test_float.py "
          "2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-wtforms", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise wtforms/src/wtforms "
          "wtforms/tenterman.py | head -n 520"),
        S("gm-shell-mypy-strict-wtforms", n_mypy,
          "cd wtforms && MYPYPATH=src mypy --strict --no-incremental --cache-dir=/dev/null "
          "src/wtforms tenterman.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-tenterman", n_chained, "cd wtforms && PYTHONPATH=src python tenterman.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C bedstone -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C bedstone clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-bedstone", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ibedstone/src bedstone/src/spurwheel.c "
          "bedstone/src/crowntree_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-wtforms", n_log_p,
          "cd wtforms-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-wtforms", n_blame,
          "cd wtforms-git && git --no-pager blame -L 100,320 src/wtforms/validators.py"),
        S("gm-shell-git-show-wtforms", n_show,
          "cd wtforms-git && git --no-pager show --no-ext-diff HEAD~6"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd wtforms-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-wtforms", n_diff,
          "cd wtforms-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-wtforms-bedstone", n_ls_lR, f"ls -laR wtforms/src bedstone {SITE}/genshi/filters"),
        S("gm-shell-find-printf-elementpath", n_find,
          f"find {SITE}/elementpath {SITE}/exrex.py -type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-rss-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        S("gm-shell-csv-grep-sitepk", n_csv, "grep -v '/__pycache__' sitepk.csv | head -n 380"),
        S("gm-shell-npm-view-undici", n_npm_view, "npm view undici --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 480"),
        S("gm-shell-log-grep-v-tailpole", n_app_log,
          "grep -vE 'DEBUG|INFO tailpole.store' tailpole.log | tail -n 440"),
        S("gm-shell-curl-fs-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/fs.html | head -n 1000"),
        ("gm-read-py-wtforms-validators", "read_file",
         {"file_path": f"{wt}/src/wtforms/validators.py"}, read_ext("python")),
        ("gm-read-py-elementpath-tokens", "read_file", {"file_path": f"{vd}/elementpath/xpath_tokens/tokens.py"},
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
          [Part("cd sailcloth", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-eslint-sailcloth", n_eslint, "cd sailcloth && npx eslint lib spec | head -n 480"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd sailcloth", None), Part("npx eslint lib/reefing-plan.js lib/sailcloth.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-stonetally", n_go_test, "cd stonetally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd stonetally", None), Part("go test ./... 2>&1 | tail -n 70", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-stonetally", n_go_vet, "cd stonetally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-stonetally", n_go_build, "cd stonetally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-tentering", n_cargo_build, "cd tentering && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd tentering", None),
           Part("sed -i '/let label: String/d;/idx.push(stone_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 460", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-tentering", n_clippy, "cd tentering && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-tentering", n_cargo_meta,
          "cd tentering && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-cogpitworks", n_shellcheck, "shellcheck cogpitworks-ops/scripts/*.sh"),
        S("gm-shell-tree-genshi-exrex", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/genshi {SITE}/genshi-*.dist-info {SITE}/exrex-*.dist-info "
          "| head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 75"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%__pycache__%' ORDER BY size DESC, file ASC LIMIT 240\""),
        S("gm-shell-npm-view-follow-redirects", n_npm_view, "npm view follow-redirects --json"),
        S("gm-shell-log-grep-v-bedstonehouse", n_app_log,
          "grep -vE 'DEBUG|bedstonehouse.db' bedstonehouse.log | tail -n 540"),
        S("gm-shell-grep-rn-genshi-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/genshi --include=*.py | head -n 700"),
        S("gm-shell-sed-n-exrex", sed_ext("python"), f"sed -n '1,420p' {SITE}/exrex.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{WT} wtforms && cp -r {tmp}/wtforms-git wtforms-git && "
              f"cp -r {tmp}/bedstone bedstone && cp {tmp}/data/sitepk.csv {tmp}/data/tailpole.log . && "
              f"mkdir vendor && cp -r {SITE}/elementpath {SITE}/exrex.py vendor/ && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/tentering tentering && cp -r {tmp}/cogpitworks-ops cogpitworks-ops && "
          f"cp -r {tmp}/stonetally {tmp}/stonetally-vet {tmp}/stonetally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/bedstonehouse.log . && mkdir sailcloth && "
          f"cp -r {tmp}/sailcloth/lib {tmp}/sailcloth/spec {tmp}/sailcloth/package.json "
          f"{tmp}/sailcloth/eslint.config.js {tmp}/sailcloth/tsconfig.json sailcloth/ && "
          f"ln -s {JS}/node_modules sailcloth/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
