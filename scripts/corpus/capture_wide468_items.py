"""Round 468, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding awesomeversion (broken) and its git history, the
binnacle C project, the site-packages CSV, the ropestore log, olefile's `olefile.py` and copies of awesomeversion's,
chevron's and binaryornot's installed sources (run_shell_command, read_file, grep_search, glob), with Node's
child_process HTML page served on 127.0.0.1:18468; run 2 in one holding the parreltally Go module (and its vet and
build copies), the riggingloft deploy scripts, the marlinspike crate, the sqlite table and the deadlight log
(run_shell_command). An item's text is the tool result Gemini CLI sent back; its needles come from the extractor of the
tool that printed the lines, read on the command's own lines inside Gemini CLI's frame (round 289's reading; a chain's
from each part's own, the parts run again outside the agent). An item one of whose needles is on no line of its text is
dropped whole. Run through capture_wide468.py; the call specs' shape is round 456's (capture_wide456_items), the
commands and names this round's."""

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
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide289_gemini import drive, n_gemini_glob, n_gemini_grep, read_ext, sed_ext, shell
from capture_wide468 import VENV, add
from capture_wide468_mat import AV

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18468
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
    av, vd = root / "awesomeversion", root / "vendor"
    return [
        S("gm-shell-pytest-v-awesomeversion", n_pytest,
          f"cd awesomeversion && {PYTEST} -v --tb=short tests 2>&1 | tail -n 430"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd awesomeversion", None),
           Part(f"{PYTEST} -q --tb=line tests/test_compare.py tests/test_versions.py tests/test_snapshots.py "
                "tests/test_awesomeversion.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-awesomeversion", n_pytest,
          f"cd awesomeversion && {PYTEST} -rA --tb=long tests/test_handlers.py tests/test_strategy.py "
          "tests/test_equals.py tests/issues 2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-awesomeversion", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise awesomeversion/awesomeversion "
          "awesomeversion/bullseye.py | head -n 520"),
        S("gm-shell-mypy-strict-awesomeversion", n_mypy,
          "cd awesomeversion && mypy --strict --no-incremental --cache-dir=/dev/null "
          "awesomeversion bullseye.py tests/test_compare.py tests/test_handlers.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-bullseye", n_chained, "cd awesomeversion && python bullseye.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C binnacle -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C binnacle clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-binnacle", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ibinnacle/src binnacle/src/lamplighter.c "
          "binnacle/src/sidelight_0[0-9].c 2>&1"),
        S("gm-shell-git-log-p-awesomeversion", n_log_p,
          "cd awesomeversion-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-awesomeversion", n_blame,
          "cd awesomeversion-git && git --no-pager blame -L 180,380 awesomeversion/awesomeversion.py"),
        S("gm-shell-git-show-awesomeversion", n_show,
          "cd awesomeversion-git && git --no-pager show --no-ext-diff HEAD~2"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd awesomeversion-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-awesomeversion", n_diff,
          "cd awesomeversion-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-awesomeversion-binnacle", n_ls_lR,
          f"ls -laR awesomeversion/awesomeversion binnacle {SITE}/olefile-*.dist-info"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/awesomeversion {SITE}/olefile {SITE}/chevron {SITE}/binaryornot -type f "
          "-name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-rss-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        S("gm-shell-csv-grep-sitepk", n_csv, "grep -v '/__pycache__' sitepk.csv | head -n 380"),
        S("gm-shell-npm-view-balanced-match", n_npm_view, "npm view balanced-match --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 480"),
        S("gm-shell-log-grep-v-ropestore", n_app_log,
          "grep -vE 'DEBUG|INFO ropestore.store' ropestore.log | tail -n 440"),
        S("gm-shell-curl-child-process-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/child_process.html | head -n 1000"),
        ("gm-read-py-awesomeversion", "read_file", {"file_path": f"{av}/awesomeversion/awesomeversion.py"},
         read_ext("python")),
        ("gm-read-py-olefile", "read_file", {"file_path": f"{root}/ole/olefile.py"}, read_ext("python")),
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
        S("gm-shell-go-test-v-parreltally", n_go_test, "cd parreltally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd parreltally", None), Part("go test ./... 2>&1 | tail -n 70", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-parreltally", n_go_vet, "cd parreltally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-parreltally", n_go_build, "cd parreltally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-marlinspike", n_cargo_build, "cd marlinspike && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd marlinspike", None),
           Part("sed -i '/let label: String/d;/idx.push(strand_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 460", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-marlinspike", n_clippy, "cd marlinspike && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-marlinspike", n_cargo_meta,
          "cd marlinspike && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-riggingloft", n_shellcheck, "shellcheck riggingloft-ops/scripts/*.sh"),
        S("gm-shell-tree-awesomeversion", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/awesomeversion {SITE}/awesomeversion-*.dist-info "
          f"{SITE}/olefile {SITE}/binaryornot-*.dist-info | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 75"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%__pycache__%' ORDER BY size DESC, file ASC LIMIT 240\""),
        S("gm-shell-npm-view-on-finished", n_npm_view, "npm view on-finished --json 2>/dev/null"),
        S("gm-shell-log-grep-v-deadlight", n_app_log,
          "grep -vE 'DEBUG|deadlight.db' deadlight.log | tail -n 540"),
        S("gm-shell-grep-rn-chevron-olefile-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/chevron {SITE}/olefile --include=*.py | head -n 700"),
        S("gm-shell-sed-n-chevron-renderer", sed_ext("python"), f"sed -n '1,420p' {SITE}/chevron/renderer.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{AV} awesomeversion && cp -r {tmp}/awesomeversion-git awesomeversion-git && "
              f"cp -r {tmp}/binnacle binnacle && cp {tmp}/data/sitepk.csv {tmp}/data/ropestore.log . && "
              f"mkdir vendor ole && cp -r {SITE}/awesomeversion {SITE}/chevron {SITE}/binaryornot vendor/ && "
              f"cp {SITE}/olefile/olefile.py ole/ && find vendor -name __pycache__ -prune -exec rm -rf {{}} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/marlinspike marlinspike && cp -r {tmp}/riggingloft-ops riggingloft-ops && "
          f"cp -r {tmp}/parreltally {tmp}/parreltally-vet {tmp}/parreltally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/deadlight.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
