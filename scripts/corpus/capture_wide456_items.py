"""Round 456, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding yaspin (broken) and its git history, the
imposingstone C project, the site-packages CSV, the composingroom log and copies of yaspin's, translitcodec's and
typing_inspect's installed sources (run_shell_command, read_file, grep_search, glob), with Node's util HTML page served
on 127.0.0.1:18456; run 2 in one holding the quointally Go module (and its vet and build copies), the compositorworks
deploy scripts, the typefoundry crate, the sqlite table and the platenroom log (run_shell_command). An item's text is
the tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines, read on
the command's own lines inside Gemini CLI's frame (round 289's reading; a chain's from each part's own, the parts run
again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide456.py; the call specs' shape is round 450's (capture_wide450_items), the commands and names this
round's."""

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
from capture_wide456 import VENV, add
from capture_wide456_mat import YS

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18456
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
    ys, vd = root / "yaspin", root / "vendor"
    return [
        S("gm-shell-pytest-v-yaspin", n_pytest,
          f"cd yaspin && {PYTEST} -v --tb=short tests 2>&1 | tail -n 420"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd yaspin", None),
           Part(f"{PYTEST} -q --tb=line tests/test_properties.py tests/test_attrs.py tests/test_in_out.py",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-yaspin", n_pytest,
          f"cd yaspin && {PYTEST} -rA --tb=long tests/test_properties.py tests/test_ellipsis.py "
          "tests/test_spinners.py 2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-yaspin", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise yaspin/yaspin "
          "yaspin/makeready.py | head -n 520"),
        S("gm-shell-mypy-strict-yaspin", n_mypy,
          "cd yaspin && mypy --strict --no-incremental --cache-dir=/dev/null "
          "yaspin makeready.py tests/conftest.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-makeready", n_chained, "cd yaspin && python makeready.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C imposingstone -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C imposingstone clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-imposingstone", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iimposingstone/src imposingstone/src/inkslab.c "
          "imposingstone/src/composing_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-yaspin", n_log_p,
          "cd yaspin-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-yaspin", n_blame,
          "cd yaspin-git && git --no-pager blame -L 150,350 yaspin/core.py"),
        S("gm-shell-git-show-yaspin", n_show,
          "cd yaspin-git && git --no-pager show --no-ext-diff HEAD~3"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd yaspin-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-yaspin", n_diff,
          "cd yaspin-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-yaspin-imposingstone", n_ls_lR,
          f"ls -laR yaspin/yaspin imposingstone {SITE}/translitcodec-*.dist-info"),
        S("gm-shell-find-printf-vendor", n_find,
          f"find {SITE}/yaspin {SITE}/translitcodec {SITE}/typing_inspect.py {SITE}/termcolor -type f "
          "-name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-rss-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        S("gm-shell-csv-grep-sitepk", n_csv, "grep -v '/__pycache__' sitepk.csv | head -n 380"),
        S("gm-shell-npm-view-through2", n_npm_view, "npm view through2 --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 480"),
        S("gm-shell-log-grep-v-composingroom", n_app_log,
          "grep -vE 'DEBUG|INFO composingroom.store' composingroom.log | tail -n 440"),
        S("gm-shell-curl-util-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/util.html | head -n 1000"),
        ("gm-read-py-yaspin-core", "read_file", {"file_path": f"{ys}/yaspin/core.py"}, read_ext("python")),
        ("gm-read-py-typing-inspect", "read_file", {"file_path": f"{vd}/typing_inspect.py"}, read_ext("python")),
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
        S("gm-shell-go-test-v-quointally", n_go_test, "cd quointally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd quointally", None), Part("go test ./... 2>&1 | tail -n 70", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-quointally", n_go_vet, "cd quointally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-quointally", n_go_build, "cd quointally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-typefoundry", n_cargo_build, "cd typefoundry && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd typefoundry", None),
           Part("sed -i '/let label: String/d;/idx.push(matrix_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 460", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-typefoundry", n_clippy, "cd typefoundry && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-typefoundry", n_cargo_meta,
          "cd typefoundry && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-compositorworks", n_shellcheck, "shellcheck compositorworks-ops/scripts/*.sh"),
        S("gm-shell-tree-yaspin", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/yaspin {SITE}/yaspin-*.dist-info {SITE}/translitcodec "
          f"{SITE}/typing_inspect-*.dist-info | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 75"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%__pycache__%' ORDER BY size DESC, file ASC LIMIT 240\""),
        S("gm-shell-npm-view-y18n", n_npm_view, "npm view y18n --json 2>/dev/null"),
        S("gm-shell-log-grep-v-platenroom", n_app_log,
          "grep -vE 'DEBUG|platenroom.db' platenroom.log | tail -n 540"),
        S("gm-shell-grep-rn-yaspin-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/yaspin {SITE}/termcolor --include=*.py | head -n 700"),
        S("gm-shell-sed-n-translitcodec", sed_ext("python"), f"sed -n '1,420p' {SITE}/translitcodec/__init__.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{YS} yaspin && cp -r {tmp}/yaspin-git yaspin-git && "
              f"cp -r {tmp}/imposingstone imposingstone && cp {tmp}/data/sitepk.csv {tmp}/data/composingroom.log . && "
              f"mkdir vendor && cp -r {SITE}/yaspin {SITE}/translitcodec {SITE}/typing_inspect.py vendor/ && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/typefoundry typefoundry && cp -r {tmp}/compositorworks-ops compositorworks-ops && "
          f"cp -r {tmp}/quointally {tmp}/quointally-vet {tmp}/quointally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/platenroom.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
