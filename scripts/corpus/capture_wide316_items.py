"""Round 316, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding pyrsistent (broken) and its git history, the
endpaper C project, the C++-header CSV, the deckle log and a copy of asn1crypto's installed sources (run_shell_command,
read_file, grep_search, glob), with valgrind's HTML manual served on 127.0.0.1:18316; run 2 in one holding the flyleaf
project, the bonefolder Go module (and its vet and build copies), the colophon deploy scripts, the tailband crate, the
sqlite table and the headband log (run_shell_command). An item's text is the tool result Gemini CLI sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's own lines inside Gemini
CLI's frame (round 289's reading; a chain's from each part's own, the parts run again outside the agent). An item one
of whose needles is on no line of its text is dropped whole. Run through capture_wide316.py."""

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
from capture_wide316 import JS, VENV, add
from capture_wide316_mat import PV

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18316
PYTEST = "python -m pytest -p no:cacheprovider --ignore tests/hypothesis_vector_test.py"


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
    pv, an = root / "pyrsistent", root / "vendor" / "asn1crypto"
    return [
        S("gm-shell-pytest-v-pyrsistent", n_pytest,
          f"cd pyrsistent && {PYTEST} -v --tb=short tests 2>&1 | tail -n 460"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pyrsistent", None),
           Part(f"{PYTEST} -q --tb=line -W ignore tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-ruff-concise-pyrsistent", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pyrsistent/pyrsistent "
          "pyrsistent/bodkin.py | head -n 540"),
        S("gm-shell-ruff-full-pyrsistent-tests", n_ruff,
          "cd pyrsistent && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,N,PT,PERF "
          "--output-format=full tests 2>&1 | tail -n 420"),
        S("gm-shell-mypy-strict-pyrsistent", n_mypy,
          "cd pyrsistent && mypy --strict --no-incremental --cache-dir=/dev/null pyrsistent bodkin.py "
          "2>&1 | tail -n 280"),
        S("gm-shell-traceback-bodkin", n_chained, "cd pyrsistent && python bodkin.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C endpaper -k 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C endpaper clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-endpaper", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iendpaper/src endpaper/src/ledger.c "
          "endpaper/src/folio_2[0-9].c 2>&1"),
        S("gm-shell-git-log-p-pyrsistent", n_log_p, "cd pyrsistent-git && git log -p --stat | head -n 950"),
        S("gm-shell-git-blame-pyrsistent", n_blame,
          "cd pyrsistent-git && git blame -L 120,430 pyrsistent/_pvector.py"),
        S("gm-shell-git-show-pyrsistent", n_show, "cd pyrsistent-git && git show HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pyrsistent-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-diff-no-ext-pyrsistent", n_diff,
          "cd pyrsistent-git && git diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-pyrsistent-endpaper", n_ls_lR, f"ls -laR pyrsistent endpaper {SITE}/asn1crypto"),
        S("gm-shell-find-printf-site-so", n_find,
          f"find {SITE} -type f -name '*.so' -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 400"),
        S("gm-shell-ps-aux-sort-vsz-60", n_ps_aux, "ps aux --sort=-vsz | head -n 60"),
        S("gm-shell-csv-grep-cxx-bits", n_csv,
          "(head -n 1 cxxfiles.csv; grep -E '/(bits|ext|debug|tr1|pstl)[,/]' cxxfiles.csv) | head -n 480"),
        S("gm-shell-npm-view-p-limit", n_npm_view, "npm view p-limit --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 600"),
        S("gm-shell-log-grep-v-deckle", n_app_log, "grep -vE 'DEBUG|INFO deckle.store' deckle.log | tail -n 450"),
        S("gm-shell-curl-valgrind-mc-manual", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/mc-manual.html | head -n 1500"),
        ("gm-read-py-pyrsistent-pmap", "read_file", {"file_path": f"{pv}/pyrsistent/_pmap.py"}, read_ext("python")),
        ("gm-read-py-pyrsistent-plist", "read_file", {"file_path": f"{pv}/pyrsistent/_plist.py"},
         read_ext("python")),
        ("gm-read-py-asn1crypto-x509", "read_file", {"file_path": f"{an}/x509.py", "start_line": 1,
                                                     "end_line": 1100}, read_ext("python")),
        ("gm-grep-asn1crypto-classes", "grep_search", {"pattern": r"^class \w+", "dir_path": str(an),
                                                       "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-pyrsistent-raises", "grep_search", {"pattern": r"raise \w+Error|TypeError\(",
                                                      "dir_path": str(pv / "pyrsistent"),
                                                      "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-glob-all-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        C("gm-shell-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd flyleaf", None), Part("node --test spec/ 2>&1 | tail -n 620", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-grep-flyleaf", n_node_test,
          "cd flyleaf && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 860"),
        S("gm-shell-eslint-flyleaf", n_eslint, "cd flyleaf && npx eslint lib spec | head -n 500"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd flyleaf", None), Part("npx eslint lib/stitch-plan.js lib/flyleaf.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-bonefolder", n_go_test, "cd bonefolder && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd bonefolder", None), Part("go test ./... 2>&1 | tail -n 60", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-bonefolder", n_go_vet, "cd bonefolder-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-bonefolder", n_go_build, "cd bonefolder-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-tailband", n_cargo_build, "cd tailband && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd tailband", None),
           Part("sed -i '/let label: String/d;/idx.push(spine_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 460", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-tailband", n_clippy, "cd tailband && cargo clippy 2>&1 | tail -n 700"),
        S("gm-shell-cargo-metadata-tailband", n_cargo_meta,
          "cd tailband && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-colophon", n_shellcheck, "shellcheck colophon-ops/scripts/*.sh"),
        S("gm-shell-tree-elftools-asn1crypto", n_tree,
          f"tree -a --noreport {SITE}/elftools {SITE}/asn1crypto {SITE}/iniconfig | head -n 440"),
        S("gm-shell-ps-aux-sort-mem-55", n_ps_aux, "ps aux --sort=-%mem | head -n 55"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 75"),
        S("gm-shell-sqlite-cxx-largest", n_sqlite_col,
          "sqlite3 -header -column cxxfiles.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM cxxfiles WHERE directory LIKE '%/bits' OR directory LIKE '%/ext' ORDER BY size DESC, file ASC "
          "LIMIT 300\""),
        S("gm-shell-npm-view-scule", n_npm_view, "npm view scule --json"),
        S("gm-shell-log-grep-v-headband", n_app_log, "grep -vE 'DEBUG|headband.db' headband.log | tail -n 600"),
        S("gm-shell-grep-rn-elftools-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/elftools/elf {SITE}/elftools/dwarf --include=*.py"),
        S("gm-shell-sed-n-elftools-elffile", sed_ext("python"), f"sed -n '1,560p' {SITE}/elftools/elf/elffile.py"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/valgrind/html")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{PV} pyrsistent && cp -r {tmp}/pyrsistent-git pyrsistent-git && "
              f"cp -r {tmp}/endpaper endpaper && cp {tmp}/data/cxxfiles.csv {tmp}/data/deckle.log . && "
              f"mkdir vendor && cp -r {SITE}/asn1crypto vendor/asn1crypto", run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/tailband tailband && cp -r {tmp}/colophon-ops colophon-ops && "
          f"cp -r {tmp}/bonefolder {tmp}/bonefolder-vet {tmp}/bonefolder-build . && "
          f"cp {tmp}/data/cxxfiles.db {tmp}/data/headband.log . && mkdir flyleaf && "
          f"cp -r {tmp}/flyleaf/lib {tmp}/flyleaf/spec {tmp}/flyleaf/package.json "
          f"{tmp}/flyleaf/eslint.config.js {tmp}/flyleaf/tsconfig.json flyleaf/ && "
          f"ln -s {JS}/node_modules flyleaf/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
