"""Round 308, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding semver (broken) and its git history, the annealer
C project, the perl CSV, the lehr log and a copy of WebOb's installed sources (run_shell_command, read_file,
grep_search, glob), with ninja-build's manual.html served on 127.0.0.1:18308; run 2 in one holding the punty project,
the blowpipe Go module (and its vet and build copies), the cullet deploy scripts, the marver crate, the sqlite table
and the gloryhole log (run_shell_command). An item's text is the tool result Gemini CLI sent back; its needles come
from the extractor of the tool that printed the lines, read on the command's own lines inside Gemini CLI's frame
(round 289's reading; a chain's from each part's own, the parts run again outside the agent). An item one of whose
needles is on no line of its text is dropped whole. Run through capture_wide308.py."""

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
from capture_wide308 import JS, VENV, add
from capture_wide308_mat import SV

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18308


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
    sv, wo = root / "semver", root / "vendor" / "webob"
    return [
        S("gm-shell-pytest-v-semver", n_pytest,
          "cd semver && python -m pytest -p no:cacheprovider -o addopts= -v --tb=short tests 2>&1 | tail -n 430"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd semver", None),
           Part("python -m pytest -q -p no:cacheprovider -o addopts= --tb=line -W ignore tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-ruff-concise-semver", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise semver/src/semver "
          "semver/gaffer.py | head -n 520"),
        S("gm-shell-ruff-full-semver-tests", n_ruff,
          "cd semver && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,N,PT,PERF,D "
          "--output-format=full tests 2>&1 | tail -n 400"),
        S("gm-shell-mypy-strict-semver", n_mypy,
          "cd semver && mypy --strict --no-incremental --cache-dir=/dev/null src/semver tests gaffer.py "
          "2>&1 | tail -n 260"),
        S("gm-shell-traceback-gaffer", n_chained, "cd semver && PYTHONPATH=src python gaffer.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C annealer -k 2>&1 | tail -n 420", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C annealer clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-annealer", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iannealer/src annealer/src/ledger.c "
          "annealer/src/lehr_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-semver", n_log_p, "cd semver-git && git log -p --stat | head -n 900"),
        S("gm-shell-git-blame-semver", n_blame, "cd semver-git && git blame -L 150,460 src/semver/version.py"),
        S("gm-shell-git-show-semver", n_show, "cd semver-git && git show HEAD~5"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd semver-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-diff-no-ext-semver", n_diff, "cd semver-git && git diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-semver-annealer", n_ls_lR, f"ls -laR semver annealer {SITE}/webob"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE} -type f -name '*.pyi' -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 430"),
        S("gm-shell-ps-aux-sort-rss-65", n_ps_aux, "ps aux --sort=-rss | head -n 65"),
        S("gm-shell-csv-grep-perl-modules", n_csv,
          "(head -n 1 perllib.csv; grep -E '/(Encode|IO|Unicode|File|Time)[,/]' perllib.csv) | head -n 470"),
        S("gm-shell-npm-view-sade", n_npm_view, "npm view sade --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 620"),
        S("gm-shell-log-grep-v-lehr", n_app_log, "grep -vE 'DEBUG|INFO lehr.store' lehr.log | tail -n 440"),
        S("gm-shell-curl-ninja-manual", n_html, f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/manual.html"),
        ("gm-read-py-semver-version", "read_file", {"file_path": f"{sv}/src/semver/version.py"}, read_ext("python")),
        ("gm-read-py-semver-deprecated", "read_file", {"file_path": f"{sv}/src/semver/_deprecated.py"},
         read_ext("python")),
        ("gm-read-py-webob-request", "read_file", {"file_path": f"{wo}/request.py", "start_line": 1,
                                                   "end_line": 1200}, read_ext("python")),
        ("gm-grep-webob-defs", "grep_search", {"pattern": r"^\s*(class|def) \w+", "dir_path": str(wo),
                                               "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-semver-raises", "grep_search", {"pattern": r"raise \w+Error|ValueError\(", "dir_path": str(sv),
                                                  "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-glob-all-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        C("gm-shell-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd punty", None), Part("node --test spec/ 2>&1 | tail -n 640", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-grep-punty", n_node_test,
          "cd punty && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 880"),
        S("gm-shell-eslint-punty", n_eslint, "cd punty && npx eslint lib spec | head -n 530"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd punty", None), Part("npx eslint lib/gather-plan.js lib/punty.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-blowpipe", n_go_test, "cd blowpipe && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd blowpipe", None), Part("go test ./... 2>&1 | tail -n 60", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-blowpipe", n_go_vet, "cd blowpipe-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-blowpipe", n_go_build, "cd blowpipe-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-marver", n_cargo_build, "cd marver && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd marver", None),
           Part("sed -i '/let label: String/d;/idx.push(bench_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 450", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-marver", n_clippy, "cd marver && cargo clippy 2>&1 | tail -n 700"),
        S("gm-shell-cargo-metadata-marver", n_cargo_meta, "cd marver && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-cullet", n_shellcheck, "shellcheck cullet-ops/scripts/*.sh"),
        S("gm-shell-tree-ecdsa-webob", n_tree,
          f"tree -a --noreport {SITE}/ecdsa {SITE}/webob {SITE}/pluggy | head -n 450"),
        S("gm-shell-ps-aux-sort-cpu-50", n_ps_aux, "ps aux --sort=-%cpu | head -n 50"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 70"),
        S("gm-shell-sqlite-perllib-largest", n_sqlite_col,
          "sqlite3 -header -column perllib.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM perllib WHERE file LIKE '%.pm' ORDER BY size DESC, file ASC LIMIT 300\""),
        S("gm-shell-npm-view-escalade", n_npm_view, "npm view escalade --json"),
        S("gm-shell-log-grep-v-gloryhole", n_app_log, "grep -vE 'DEBUG|gloryhole.db' gloryhole.log | tail -n 620"),
        S("gm-shell-grep-rn-ecdsa-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/ecdsa --include=*.py --exclude='test_*'"),
        S("gm-shell-sed-n-ecdsa-curve", sed_ext("python"), f"sed -n '1,540p' {SITE}/ecdsa/ellipticcurve.py"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/ninja-build")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{SV} semver && cp -r {tmp}/semver-git semver-git && "
              f"cp -r {tmp}/annealer annealer && cp {tmp}/data/perllib.csv {tmp}/data/lehr.log . && "
              f"mkdir vendor && cp -r {SITE}/webob vendor/webob", run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/marver marver && cp -r {tmp}/cullet-ops cullet-ops && "
          f"cp -r {tmp}/blowpipe {tmp}/blowpipe-vet {tmp}/blowpipe-build . && "
          f"cp {tmp}/data/perllib.db {tmp}/data/gloryhole.log . && mkdir punty && "
          f"cp -r {tmp}/punty/lib {tmp}/punty/spec {tmp}/punty/package.json "
          f"{tmp}/punty/eslint.config.js {tmp}/punty/tsconfig.json punty/ && "
          f"ln -s {JS}/node_modules punty/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
