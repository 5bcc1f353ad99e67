"""Round 476, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding expandvars (broken) and its git history, the
logwoodvat C project, the site-packages CSV, the steeper log, pyperclip's `__init__.py` and copies of pure_eval's,
pyperclip's and proglog's installed sources (run_shell_command, read_file, grep_search, glob), with Node's tls HTML
page served on 127.0.0.1:18476; run 2 in one holding the fustictally Go module (and its vet and build copies), the
vathouse deploy scripts, the alumbath crate, the sqlite table and the skeinroom log (run_shell_command). An item's text
is the tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines, read
on the command's own lines inside Gemini CLI's frame (round 289's reading; a chain's from each part's own, the parts
run again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide476.py; the call specs' shape is round 468's (capture_wide468_items), the commands and names this
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
from capture_wide476 import VENV, add
from capture_wide476_mat import EV

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18476
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
    ev, vd = root / "expandvars", root / "vendor"
    return [
        S("gm-shell-pytest-v-expandvars", n_pytest,
          f"cd expandvars && {PYTEST} -v --tb=short tests 2>&1 | tail -n 430"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd expandvars", None),
           Part(f"{PYTEST} -q --tb=line tests/test_expandvars.py tests/test_option_nounset.py "
                "tests/test_recover_null.py tests/test_long_string.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-expandvars", n_pytest,
          f"cd expandvars && {PYTEST} -rA --tb=long tests/test_expandvars.py tests/test_option_nounset.py "
          "2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-expandvars", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise expandvars/expandvars.py "
          "expandvars/dyebook.py expandvars/tests | head -n 520"),
        S("gm-shell-mypy-strict-expandvars", n_mypy,
          "cd expandvars && mypy --strict --no-incremental --cache-dir=/dev/null "
          "expandvars.py dyebook.py tests/test_option_nounset.py tests/test_expandvars.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-dyebook", n_chained, "cd expandvars && python dyebook.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C logwoodvat -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C logwoodvat clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-logwoodvat", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ilogwoodvat/src logwoodvat/src/vatkeeper.c "
          "logwoodvat/src/mordant_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-expandvars", n_log_p,
          "cd expandvars-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-expandvars", n_blame,
          "cd expandvars-git && git --no-pager blame -L 200,441 expandvars.py"),
        S("gm-shell-git-show-expandvars", n_show,
          "cd expandvars-git && git --no-pager show --no-ext-diff HEAD~3"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd expandvars-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-expandvars", n_diff,
          "cd expandvars-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-expandvars-logwoodvat", n_ls_lR,
          f"ls -laR expandvars logwoodvat {SITE}/pyperclip-*.dist-info {SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/pure_eval {SITE}/pyperclip {SITE}/proglog {SITE}/expandvars.py {SITE}/_pytest -type f "
          "-name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-auxww-sort-rss-150", n_ps_aux, "ps auxww --sort=-rss | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv, "grep -v '/__pycache__' sitepk.csv | head -n 420"),
        S("gm-shell-npm-view-raw-body", n_npm_view, "npm view raw-body --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 520"),
        S("gm-shell-log-grep-v-steeper", n_app_log,
          "grep -vE 'DEBUG|INFO steeper.store' steeper.log | tail -n 440"),
        S("gm-shell-curl-tls-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/tls.html | head -n 1000"),
        ("gm-read-py-expandvars", "read_file", {"file_path": f"{ev}/expandvars.py"},
         read_ext("python")),
        ("gm-read-py-pyperclip", "read_file", {"file_path": f"{root}/clip/__init__.py"}, read_ext("python")),
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
        S("gm-shell-go-test-v-fustictally", n_go_test, "cd fustictally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd fustictally", None), Part("go test ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-fustictally", n_go_vet, "cd fustictally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-fustictally", n_go_build, "cd fustictally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-alumbath", n_cargo_build, "cd alumbath && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd alumbath", None),
           Part("sed -i '/let label: String/d;/idx.push(skein_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-alumbath", n_clippy, "cd alumbath && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-alumbath", n_cargo_meta,
          "cd alumbath && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-vathouse", n_shellcheck, "shellcheck vathouse-ops/scripts/*.sh"),
        S("gm-shell-tree-pure-eval-proglog", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/pure_eval {SITE}/expandvars-*.dist-info "
          f"{SITE}/proglog {SITE}/pyperclip-*.dist-info {SITE}/_pytest | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 140"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%__pycache__%' ORDER BY size ASC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-es-errors", n_npm_view, "npm view es-errors --json 2>/dev/null"),
        S("gm-shell-log-grep-v-skeinroom", n_app_log,
          "grep -vE 'DEBUG|skeinroom.db' skeinroom.log | tail -n 540"),
        S("gm-shell-grep-rn-pure-eval-proglog-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/pure_eval {SITE}/proglog --include=*.py | head -n 700"),
        S("gm-shell-sed-n-proglog", sed_ext("python"), f"sed -n '1,420p' {SITE}/proglog/proglog.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{EV} expandvars && cp -r {tmp}/expandvars-git expandvars-git && "
              f"cp -r {tmp}/logwoodvat logwoodvat && cp {tmp}/data/sitepk.csv {tmp}/data/steeper.log . && "
              f"mkdir vendor clip && cp -r {SITE}/pure_eval {SITE}/pyperclip {SITE}/proglog vendor/ && "
              f"cp {SITE}/pyperclip/__init__.py clip/ && find vendor -name __pycache__ -prune -exec rm -rf {{}} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/alumbath alumbath && cp -r {tmp}/vathouse-ops vathouse-ops && "
          f"cp -r {tmp}/fustictally {tmp}/fustictally-vet {tmp}/fustictally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/skeinroom.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
