"""Round 347, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding yamllint (broken) and its git history, the
silkhouse C project, the gconv CSV, the cocoonery log and copies of venusian's, translationstring's and
text_unidecode's installed sources (run_shell_command, read_file, grep_search, glob), with Node's webstreams HTML page
served on 127.0.0.1:18347; run 2 in one holding the filature project, the cocoontally Go module (and its vet and build
copies), the mulberryrow deploy scripts, the leafpick crate, the sqlite table and the reelroom log
(run_shell_command). An item's text is the tool result Gemini CLI sent back; its needles come from the extractor of
the tool that printed the lines, read on the command's own lines inside Gemini CLI's frame (round 289's reading; a
chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on no line of
its text is dropped whole. Run through capture_wide347.py."""

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
from capture_wide347 import JS, VENV, add
from capture_wide347_mat import YL

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18347
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
    yl, vd = root / "yamllint", root / "vendor"
    return [
        S("gm-shell-pytest-v-yamllint", n_pytest, f"cd yamllint && {PYTEST} -v --tb=short tests 2>&1 | tail -n 520"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd yamllint", None),
           Part(f"{PYTEST} -q --tb=line -W ignore tests/rules", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-ruff-concise-yamllint", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise yamllint/yamllint yamllint/reeler.py "
          "| head -n 520"),
        S("gm-shell-ruff-full-yamllint-tests", n_ruff,
          "cd yamllint && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,N,PT,PERF "
          "--output-format=full tests/rules 2>&1 | tail -n 400"),
        S("gm-shell-mypy-strict-yamllint", n_mypy,
          "cd yamllint && mypy --strict --no-incremental --cache-dir=/dev/null yamllint reeler.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-reeler", n_chained, "cd yamllint && python reeler.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C silkhouse -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C silkhouse clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-silkhouse", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Isilkhouse/src silkhouse/src/rearing.c "
          "silkhouse/src/tray_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-yamllint", n_log_p, "cd yamllint-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-yamllint", n_blame,
          "cd yamllint-git && git --no-pager blame -L 200,470 yamllint/rules/indentation.py"),
        S("gm-shell-git-show-yamllint", n_show, "cd yamllint-git && git --no-pager show --no-ext-diff HEAD~1"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd yamllint-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-yamllint", n_diff,
          "cd yamllint-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-yamllint-silkhouse", n_ls_lR, f"ls -laR yamllint/yamllint silkhouse {SITE}/venusian"),
        S("gm-shell-find-printf-yaml-pytest", n_find,
          f"find {SITE}/yaml {SITE}/_pytest -type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        S("gm-shell-csv-grep-gconv", n_csv, "grep -vE ',(IBM|CP)[0-9]' gconv.csv | head -n 300"),
        S("gm-shell-npm-view-universalify", n_npm_view, "npm view universalify --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 520"),
        S("gm-shell-log-grep-v-cocoonery", n_app_log,
          "grep -vE 'DEBUG|INFO cocoonery.store' cocoonery.log | tail -n 420"),
        S("gm-shell-curl-webstreams-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/webstreams.html | head -n 1300"),
        ("gm-read-py-yamllint-linter", "read_file", {"file_path": f"{yl}/yamllint/linter.py"}, read_ext("python")),
        ("gm-read-py-yamllint-indentation", "read_file", {"file_path": f"{yl}/yamllint/rules/indentation.py"},
         read_ext("python")),
        ("gm-read-py-venusian-init", "read_file", {"file_path": f"{vd}/venusian/__init__.py"}, read_ext("python")),
        ("gm-grep-vendor-defs", "grep_search", {"pattern": r"^(class|def) \w+", "dir_path": str(vd),
                                                "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-yamllint-problems", "grep_search", {"pattern": r"LintProblem\(|raise \w+Error",
                                                      "dir_path": str(yl / "yamllint"), "include_pattern": "*.py"},
         n_gemini_grep),
        ("gm-glob-all-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        C("gm-shell-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd filature", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-grep-filature", n_node_test,
          "cd filature && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 900"),
        S("gm-shell-eslint-filature", n_eslint, "cd filature && npx eslint lib spec | head -n 480"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd filature", None), Part("npx eslint lib/reeling-plan.js lib/filature.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-cocoontally", n_go_test, "cd cocoontally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd cocoontally", None), Part("go test ./... 2>&1 | tail -n 60", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-cocoontally", n_go_vet, "cd cocoontally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-cocoontally", n_go_build, "cd cocoontally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-leafpick", n_cargo_build, "cd leafpick && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd leafpick", None),
           Part("sed -i '/let label: String/d;/idx.push(row_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 440", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-leafpick", n_clippy, "cd leafpick && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-leafpick", n_cargo_meta,
          "cd leafpick && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-mulberryrow", n_shellcheck, "shellcheck mulberryrow-ops/scripts/*.sh"),
        S("gm-shell-tree-yaml-venusian", n_tree,
          f"tree -a --noreport {SITE}/yaml {SITE}/venusian {SITE}/translationstring {SITE}/text_unidecode "
          f"{SITE}/_pytest | head -n 420"),
        S("gm-shell-ps-aux-sort-cpu-45", n_ps_aux, "ps aux --sort=-%cpu | head -n 45"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 70"),
        S("gm-shell-sqlite-gconv-largest", n_sqlite_col,
          "sqlite3 -header -column gconv.db \"SELECT file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM gconv WHERE file NOT LIKE 'IBM%' ORDER BY size DESC, file ASC LIMIT 200\""),
        S("gm-shell-npm-view-untildify", n_npm_view, "npm view untildify --json"),
        S("gm-shell-log-grep-v-reelroom", n_app_log,
          "grep -vE 'DEBUG|reelroom.db' reelroom.log | tail -n 560"),
        S("gm-shell-grep-rn-yaml-pytest-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/yaml {SITE}/_pytest/_code {SITE}/_pytest/mark {SITE}/_pytest/config "
          "--include=*.py | head -n 1300"),
        S("gm-shell-sed-n-yaml-constructor", sed_ext("python"), f"sed -n '1,520p' {SITE}/yaml/constructor.py"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{YL} yamllint && cp -r {tmp}/yamllint-git yamllint-git && "
              f"cp -r {tmp}/silkhouse silkhouse && cp {tmp}/data/gconv.csv {tmp}/data/cocoonery.log . && "
              f"mkdir vendor && cp -r {SITE}/venusian {SITE}/translationstring {SITE}/text_unidecode vendor/",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/leafpick leafpick && cp -r {tmp}/mulberryrow-ops mulberryrow-ops && "
          f"cp -r {tmp}/cocoontally {tmp}/cocoontally-vet {tmp}/cocoontally-build . && "
          f"cp {tmp}/data/gconv.db {tmp}/data/reelroom.log . && mkdir filature && "
          f"cp -r {tmp}/filature/lib {tmp}/filature/spec {tmp}/filature/package.json "
          f"{tmp}/filature/eslint.config.js {tmp}/filature/tsconfig.json filature/ && "
          f"ln -s {JS}/node_modules filature/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
