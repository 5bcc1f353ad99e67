"""Round 403, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding javaproperties (broken) and its git history, the
hatchel C project, the man5 CSV, the spinnerhead log and copies of gpxpy's, makefun's and isoduration's installed
sources (run_shell_command, read_file, grep_search, glob), with Node's diagnostics_channel HTML page served on
127.0.0.1:18403; run 2 in one holding the twistwalk project, the yarntally Go module (and its vet and build copies),
the ropeworks deploy scripts, the cablelay crate, the sqlite table and the topcart log (run_shell_command). An item's
text is the tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines,
read on the command's own lines inside Gemini CLI's frame (round 289's reading; a chain's from each part's own, the
parts run again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide403.py."""

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
from capture_wide403 import JS, VENV, add
from capture_wide403_mat import JP

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18403
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
    jp, vd = root / "javaproperties", root / "vendor"
    return [
        S("gm-shell-pytest-v-javaproperties", n_pytest,
          f"cd javaproperties && {PYTEST} -v --tb=short test 2>&1 | tail -n 400"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd javaproperties", None),
           Part(f"{PYTEST} -q --tb=line test/test_loads.py test/test_parse.py test/test_unescape.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-javaproperties", n_pytest,
          f"cd javaproperties && {PYTEST} -rA --tb=long test/test_escape.py test/test_dumps.py "
          "test/test_join_key_value.py test/test_to_comment.py test/test_propfile.py 2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-javaproperties", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise javaproperties/src/javaproperties "
          "javaproperties/hawserman.py javaproperties/docs/conf.py | head -n 520"),
        S("gm-shell-ruff-full-javaproperties-test", n_ruff,
          "cd javaproperties && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,N,PT,PERF,ANN,D "
          "--output-format=full test 2>&1 | tail -n 400"),
        S("gm-shell-mypy-strict-javaproperties", n_mypy,
          "cd javaproperties && MYPYPATH=src mypy --strict --no-incremental --cache-dir=/dev/null "
          "src/javaproperties hawserman.py test 2>&1 | tail -n 260"),
        S("gm-shell-traceback-hawserman", n_chained, "cd javaproperties && PYTHONPATH=src python hawserman.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C hatchel -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C hatchel clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-hatchel", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ihatchel/src hatchel/src/forming.c "
          "hatchel/src/twist_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-javaproperties", n_log_p,
          "cd javaproperties-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-javaproperties", n_blame,
          "cd javaproperties-git && git --no-pager blame -L 200,370 src/javaproperties/reading.py"),
        S("gm-shell-git-show-javaproperties", n_show,
          "cd javaproperties-git && git --no-pager show --no-ext-diff HEAD~5"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd javaproperties-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-javaproperties", n_diff,
          "cd javaproperties-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-javaproperties-hatchel", n_ls_lR, f"ls -laR javaproperties hatchel {SITE}/makefun"),
        S("gm-shell-find-printf-gpxpy", n_find,
          f"find {SITE}/gpxpy {SITE}/makefun -type f -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-rss-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        S("gm-shell-csv-grep-man5", n_csv, "grep -v ',systemd' man5.csv | head -n 360"),
        S("gm-shell-npm-view-minimist", n_npm_view, "npm view minimist --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 480"),
        S("gm-shell-log-grep-v-spinnerhead", n_app_log,
          "grep -vE 'DEBUG|INFO spinnerhead.store' spinnerhead.log | tail -n 440"),
        S("gm-shell-curl-diagnostics-channel-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/diagnostics_channel.html | head -n 1200"),
        ("gm-read-py-javaproperties-reading", "read_file",
         {"file_path": f"{jp}/src/javaproperties/reading.py"}, read_ext("python")),
        ("gm-read-py-javaproperties-test-loads", "read_file", {"file_path": f"{jp}/test/test_loads.py"},
         read_ext("python")),
        ("gm-read-py-gpxpy-gpx", "read_file", {"file_path": f"{vd}/gpxpy/gpx.py"}, read_ext("python")),
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
          [Part("cd twistwalk", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-grep-twistwalk", n_node_test,
          "cd twistwalk && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 1000"),
        S("gm-shell-eslint-twistwalk", n_eslint, "cd twistwalk && npx eslint lib spec | head -n 480"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd twistwalk", None), Part("npx eslint lib/twisting-plan.js lib/twistwalk.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-yarntally", n_go_test, "cd yarntally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd yarntally", None), Part("go test ./... 2>&1 | tail -n 70", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-yarntally", n_go_vet, "cd yarntally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-yarntally", n_go_build, "cd yarntally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-cablelay", n_cargo_build, "cd cablelay && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd cablelay", None),
           Part("sed -i '/let label: String/d;/idx.push(strand_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 460", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-cablelay", n_clippy, "cd cablelay && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-cablelay", n_cargo_meta,
          "cd cablelay && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-ropeworks", n_shellcheck, "shellcheck ropeworks-ops/scripts/*.sh"),
        S("gm-shell-tree-gpxpy-makefun", n_tree,
          f"tree -a --noreport {SITE}/gpxpy {SITE}/makefun {SITE}/gpxpy-*.dist-info {SITE}/makefun-*.dist-info "
          "| head -n 400"),
        S("gm-shell-ps-aux-sort-cpu-40", n_ps_aux, "ps aux --sort=-%cpu | head -n 40"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 75"),
        S("gm-shell-sqlite-man5-largest", n_sqlite_col,
          "sqlite3 -header -column man5.db \"SELECT file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM man5 WHERE file NOT LIKE 'systemd%' ORDER BY size DESC, file ASC LIMIT 240\""),
        S("gm-shell-npm-view-js-yaml", n_npm_view, "npm view js-yaml --json"),
        S("gm-shell-log-grep-v-topcart", n_app_log,
          "grep -vE 'DEBUG|topcart.db' topcart.log | tail -n 540"),
        S("gm-shell-grep-rn-gpxpy-makefun-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/gpxpy {SITE}/makefun --include=*.py | head -n 700"),
        S("gm-shell-sed-n-gpxpy-geo", sed_ext("python"), f"sed -n '1,420p' {SITE}/gpxpy/geo.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{JP} javaproperties && cp -r {tmp}/javaproperties-git javaproperties-git && "
              f"cp -r {tmp}/hatchel hatchel && cp {tmp}/data/man5.csv {tmp}/data/spinnerhead.log . && "
              f"mkdir vendor && cp -r {SITE}/gpxpy {SITE}/makefun {SITE}/isoduration vendor/",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/cablelay cablelay && cp -r {tmp}/ropeworks-ops ropeworks-ops && "
          f"cp -r {tmp}/yarntally {tmp}/yarntally-vet {tmp}/yarntally-build . && "
          f"cp {tmp}/data/man5.db {tmp}/data/topcart.log . && mkdir twistwalk && "
          f"cp -r {tmp}/twistwalk/lib {tmp}/twistwalk/spec {tmp}/twistwalk/package.json "
          f"{tmp}/twistwalk/eslint.config.js {tmp}/twistwalk/tsconfig.json twistwalk/ && "
          f"ln -s {JS}/node_modules twistwalk/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
