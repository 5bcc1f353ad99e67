"""Round 421, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported: capture_agents' Run, a stub Script of ToolCallSteps, the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen). Run 1 works in a directory holding packageurl-python (broken) and its git history,
the kerfcut C project, the man1 CSV, the sawyerhead log and copies of pexpect's, scramp's and pyrfc3339's installed
sources (run_shell_command, read_file, grep_search, glob), with Node's stream HTML page served on 127.0.0.1:18421;
run 2 in one holding the edgerwalk project, the kerftally Go module (and its vet and build copies), the headrigworks
deploy scripts, the slabline crate, the sqlite table and the logdeck log (run_shell_command). An item's text is the
tool result Gemini CLI sent back; its needles come from the extractor of the tool that printed the lines, read on the
command's own lines inside Gemini CLI's frame (round 289's reading; a chain's from each part's own, the parts run
again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide421.py."""

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
from capture_wide421 import JS, VENV, add
from capture_wide421_mat import PU

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
PORT = 18421
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
    pu, vd = root / "packageurl", root / "vendor"
    return [
        S("gm-shell-pytest-v-packageurl", n_pytest,
          f"cd packageurl && {PYTEST} -v --tb=short --ignore=tests/test_purl_spec.py tests 2>&1 | tail -n 420"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd packageurl", None),
           Part(f"{PYTEST} -q --tb=line tests/test_packageurl.py tests/contrib/test_purl2url.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-packageurl", n_pytest,
          f"cd packageurl && {PYTEST} -rA --tb=long tests/test_packageurl.py tests/contrib/test_url2purl.py "
          "tests/contrib/test_utils.py "
          "2>&1 | tail -n 900"),
        S("gm-shell-ruff-concise-packageurl", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise packageurl/src/packageurl "
          "packageurl/edgerman.py packageurl/setup.py | head -n 520"),
        S("gm-shell-ruff-full-packageurl-tests", n_ruff,
          "cd packageurl && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,N,PT,PERF,ANN,D "
          "--output-format=full tests 2>&1 | tail -n 400"),
        S("gm-shell-mypy-strict-packageurl", n_mypy,
          "cd packageurl && MYPYPATH=src mypy --strict --no-incremental --cache-dir=/dev/null "
          "src/packageurl edgerman.py tests 2>&1 | tail -n 260"),
        S("gm-shell-traceback-edgerman", n_chained, "cd packageurl && PYTHONPATH=src python edgerman.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C kerfcut -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C kerfcut clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-kerfcut", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ikerfcut/src kerfcut/src/headrig.c "
          "kerfcut/src/cant_0[0-9].c 2>&1"),
        S("gm-shell-git-log-p-packageurl", n_log_p,
          "cd packageurl-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-packageurl", n_blame,
          "cd packageurl-git && git --no-pager blame -L 120,300 src/packageurl/__init__.py"),
        S("gm-shell-git-show-packageurl", n_show,
          "cd packageurl-git && git --no-pager show --no-ext-diff HEAD~4"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd packageurl-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-packageurl", n_diff,
          "cd packageurl-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-packageurl-kerfcut", n_ls_lR, f"ls -laR packageurl kerfcut {SITE}/scramp"),
        S("gm-shell-find-printf-pexpect", n_find,
          f"find {SITE}/pexpect {SITE}/scramp -type f -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-rss-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        S("gm-shell-csv-grep-man1", n_csv, "grep -v ',x86_64' man1.csv | head -n 360"),
        S("gm-shell-npm-view-picomatch", n_npm_view, "npm view picomatch --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 480"),
        S("gm-shell-log-grep-v-sawyerhead", n_app_log,
          "grep -vE 'DEBUG|INFO sawyerhead.store' sawyerhead.log | tail -n 440"),
        S("gm-shell-curl-stream-page", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/stream.html | head -n 1100"),
        ("gm-read-py-packageurl-init", "read_file",
         {"file_path": f"{pu}/src/packageurl/__init__.py"}, read_ext("python")),
        ("gm-read-py-packageurl-test", "read_file", {"file_path": f"{pu}/tests/test_packageurl.py"},
         read_ext("python")),
        ("gm-read-py-pexpect-pty-spawn", "read_file", {"file_path": f"{vd}/pexpect/pty_spawn.py"},
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
          [Part("cd edgerwalk", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-grep-edgerwalk", n_node_test,
          "cd edgerwalk && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 1000"),
        S("gm-shell-eslint-edgerwalk", n_eslint, "cd edgerwalk && npx eslint lib spec | head -n 480"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd edgerwalk", None), Part("npx eslint lib/edging-plan.js lib/edgerwalk.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-go-test-v-kerftally", n_go_test, "cd kerftally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd kerftally", None), Part("go test ./... 2>&1 | tail -n 70", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-kerftally", n_go_vet, "cd kerftally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-kerftally", n_go_build, "cd kerftally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-slabline", n_cargo_build, "cd slabline && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd slabline", None),
           Part("sed -i '/let label: String/d;/idx.push(slab_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 460", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-slabline", n_clippy, "cd slabline && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-slabline", n_cargo_meta,
          "cd slabline && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-headrigworks", n_shellcheck, "shellcheck headrigworks-ops/scripts/*.sh"),
        S("gm-shell-tree-pexpect-scramp", n_tree,
          f"tree -a --noreport {SITE}/pexpect {SITE}/scramp {SITE}/pexpect-*.dist-info {SITE}/scramp-*.dist-info "
          "| head -n 400"),
        S("gm-shell-ps-aux-sort-cpu-40", n_ps_aux, "ps aux --sort=-%cpu | head -n 40"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 75"),
        S("gm-shell-sqlite-man1-largest", n_sqlite_col,
          "sqlite3 -header -column man1.db \"SELECT file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM man1 WHERE file NOT LIKE 'x86_64%' ORDER BY size DESC, file ASC LIMIT 240\""),
        S("gm-shell-npm-view-rimraf", n_npm_view, "npm view rimraf --json"),
        S("gm-shell-log-grep-v-logdeck", n_app_log,
          "grep -vE 'DEBUG|logdeck.db' logdeck.log | tail -n 540"),
        S("gm-shell-grep-rn-pexpect-scramp-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/pexpect {SITE}/scramp --include=*.py | head -n 700"),
        S("gm-shell-sed-n-pexpect-spawnbase", sed_ext("python"), f"sed -n '1,420p' {SITE}/pexpect/spawnbase.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/nodejs/api")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{PU} packageurl && cp -r {tmp}/packageurl-git packageurl-git && "
              f"cp -r {tmp}/kerfcut kerfcut && cp {tmp}/data/man1.csv {tmp}/data/sawyerhead.log . && "
              f"mkdir vendor && cp -r {SITE}/pexpect {SITE}/scramp {SITE}/pyrfc3339 vendor/",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/slabline slabline && cp -r {tmp}/headrigworks-ops headrigworks-ops && "
          f"cp -r {tmp}/kerftally {tmp}/kerftally-vet {tmp}/kerftally-build . && "
          f"cp {tmp}/data/man1.db {tmp}/data/logdeck.log . && mkdir edgerwalk && "
          f"cp -r {tmp}/edgerwalk/lib {tmp}/edgerwalk/spec {tmp}/edgerwalk/package.json "
          f"{tmp}/edgerwalk/eslint.config.js {tmp}/edgerwalk/tsconfig.json edgerwalk/ && "
          f"ln -s {JS}/node_modules edgerwalk/node_modules", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
