"""Round 597, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through
round 289's driver (capture_wide289_gemini.drive, imported; the launcher started with --no-compress so that the stub
records every tool result exactly as Gemini CLI wrote it and nothing compressed is ever seen). Run 1 works in a
directory holding yamlloader and zc.lockfile (broken, with their own tests), zc.lockfile's git history, the ciderhouse
script, the pomacebench C project, the site-packages CSV, the cider house log, ulid's `ulid.py`, uri_template's
`uritemplate.py` and copies of yamlloader's, zc.lockfile's, ulid's and uri_template's installed sources
(run_shell_command, read_file, grep_search, glob), with ICU4J's HTML API change report served on 127.0.0.1:18597; run 2
in one holding the pomacetally Go module (and its vet and build copies), the orchardmenframe deploy scripts, the
pressjig crate, the sqlite table and the scratter log (run_shell_command). An item's text is the tool result Gemini
CLI sent back; its needles come from the extractor of the tool that printed the lines (round 289's reading; a chain's
from each part's own, the parts run again outside the agent). An item one of whose needles is on no line of its text
is dropped whole. Run through capture_wide597.py; the call specs' helpers are round 476's (capture_wide476_items'
`_shell` and `_chain`, imported), the commands and names this round's (round 582's, capture_wide582_items, is the
shape)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import capture_more as cm
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide6_new2 import n_pip_inspect
from capture_wide9b import Part, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide11_files import n_html
from capture_wide15_data import (n_cargo_meta, n_csv, n_find, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col,
                                 n_top)
from capture_wide15_diag import n_mypy, n_pytest, n_ruff, n_shellcheck
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide289_gemini import drive, n_gemini_glob, n_gemini_grep, read_ext, sed_ext
from capture_wide476_items import _chain, _shell
from capture_wide597 import VENV, add
from capture_wide597_mat import YL, ZC

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:/root/.cargo/bin"
PORT = 18597
PYTEST = "python -m pytest -p no:cacheprovider"


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    vd = root / "vendor"
    return [
        S("gm-shell-pytest-v-yamlloader", n_pytest,
          f"cd yamlloader-src && PYTHONPATH=src timeout 600 {PYTEST} -v --tb=short tests 2>&1 | tail -n 400"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd zclockfile-src", None),
           Part(f"PYTHONPATH=src timeout 300 {PYTEST} -q --tb=line src/zc/lockfile/tests.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-pytest-long-zclockfile", n_pytest,
          f"cd zclockfile-src && PYTHONPATH=src timeout 300 {PYTEST} -rA -l --tb=long src/zc/lockfile/tests.py 2>&1 | cut -c1-400 | tail -n 700"),
        S("gm-shell-pytest-long-yamlloader", n_pytest,
          f"cd yamlloader-src && PYTHONPATH=src timeout 600 {PYTEST} -rA -l --tb=long tests/test_ext_anatools.py 2>&1 | cut -c1-400 "
          "| tail -n 700"),
        S("gm-shell-ruff-concise-cider", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise yamlloader-src zclockfile-src "
          "vendor ciderhouse.py | head -n 520"),
        S("gm-shell-mypy-strict-cider", n_mypy,
          "mypy --strict --no-incremental --cache-dir=/dev/null yamlloader-src/src/yamlloader zclockfile-src/src/zc "
          "vendor/ulid vendor/uri_template ciderhouse.py 2>&1 | tail -n 260"),
        S("gm-shell-traceback-ciderhouse", n_chained, "python ciderhouse.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C pomacebench -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C pomacebench clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-pomacebench", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ipomacebench/src "
          "pomacebench/src/pomacebench.c pomacebench/src/press_1[0-9].c 2>&1"),
        S("gm-shell-git-log-p-zclockfile", n_log_p, "cd zclockfile-git && git --no-pager log -p --stat | head -n 900"),
        S("gm-shell-git-blame-zclockfile", n_blame, "cd zclockfile-git && git --no-pager blame src/zc/lockfile/tests.py"),
        S("gm-shell-git-show-zclockfile", n_show, "cd zclockfile-git && git --no-pager show --no-ext-diff HEAD~3"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd zclockfile-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        S("gm-shell-git-no-pager-diff-zclockfile", n_diff, "cd zclockfile-git && git --no-pager diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-cider-site", n_ls_lR,
          f"ls -laR yamlloader-src zclockfile-src pomacebench {SITE}/yamlloader {SITE}/zc {SITE}/ulid "
          f"{SITE}/uri_template {SITE}/zc.lockfile-*.dist-info {SITE}/_pytest"),
        S("gm-shell-find-printf-site", n_find,
          f"find {SITE}/yamlloader {SITE}/zc {SITE}/ulid {SITE}/uri_template {SITE}/_pytest {SITE}/pluggy {SITE}/packaging "
          "-type f -name '*.py' -printf '%M %u %s %p\\n' | sort -k3 -n"),
        S("gm-shell-ps-aux-sort-mem-150", n_ps_aux, "ps aux --sort=-rss | head -n 150"),
        S("gm-shell-csv-grep-sitepk", n_csv,
          "grep -v '/__pycache__' sitepk.csv | grep -v '^./mypy/typeshed' | head -n 480"),
        S("gm-shell-npm-view-trim-newlines", n_npm_view, "npm view trim-newlines --json 2>/dev/null"),
        S("gm-shell-pip-inspect-venv-head", n_pip_inspect, f"{VENV}/bin/pip inspect 2>/dev/null | head -n 540"),
        S("gm-shell-log-grep-v-ciderhouse", n_app_log,
          "grep -vE 'DEBUG|INFO cider.vat' ciderhouse.log | tail -n 460"),
        S("gm-shell-curl-icu4j-api-changes", n_html,
          f"curl -s --noproxy '*' http://127.0.0.1:{PORT}/APIChangeReport.html"),
        ("gm-read-py-ulid-ulid", "read_file", {"file_path": f"{root}/rd/ulid.py"}, read_ext("python")),
        ("gm-read-py-uri-template", "read_file", {"file_path": f"{root}/rd/uritemplate.py"}, read_ext("python")),
        ("gm-grep-vendor-defs", "grep_search", {"pattern": r"^\s*(class|def) \w+", "dir_path": str(vd),
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
        S("gm-shell-go-test-v-pomacetally", n_go_test, "cd pomacetally && go test -v ./... 2>&1"),
        C("gm-shell-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd pomacetally", None), Part("go test ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-go-vet-pomacetally", n_go_vet, "cd pomacetally-vet && go vet ./... 2>&1"),
        S("gm-shell-go-build-pomacetally", n_go_build, "cd pomacetally-build && go build ./... 2>&1"),
        S("gm-shell-cargo-build-pressjig", n_cargo_build, "cd pressjig && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd pressjig", None),
           Part("sed -i '/let label: String/d;/idx.push(press_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-pressjig", n_clippy, "cd pressjig && cargo clippy 2>&1 | tail -n 650"),
        S("gm-shell-cargo-metadata-pressjig", n_cargo_meta,
          "cd pressjig && cargo metadata --format-version 1 --no-deps"),
        S("gm-shell-shellcheck-orchardmenframe", n_shellcheck, "shellcheck orchardmenframe-ops/scripts/*.sh"),
        S("gm-shell-tree-site", n_tree,
          f"tree -a --noreport -I __pycache__ {SITE}/hypothesis {SITE}/yaml {SITE}/zope "
          f"{SITE}/yamlloader-*.dist-info {SITE}/_pytest | head -n 400"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 110"),
        S("gm-shell-sqlite-sitepk-largest", n_sqlite_col,
          "sqlite3 -header -column sitepk.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM sitepk WHERE directory NOT LIKE '%typeshed%' ORDER BY size DESC, file ASC LIMIT 260\""),
        S("gm-shell-npm-view-xml2js", n_npm_view, "npm view xml2js --json 2>/dev/null"),
        S("gm-shell-log-grep-v-scratter", n_app_log,
          "grep -vE 'DEBUG|mill.db' scratter.log | tail -n 540"),
        S("gm-shell-grep-rn-site-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/ulid {SITE}/uri_template {SITE}/yamlloader {SITE}/zc {SITE}/pluggy "
          f"{SITE}/_pytest/assertion --include=*.py | head -n 700"),
        S("gm-shell-sed-n-hypothesis-core", sed_ext("python"), f"sed -n '1,420p' {SITE}/hypothesis/strategies/_internal/core.py"),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    page = cm.start(f"python3 -m http.server {PORT} --bind 127.0.0.1 --directory /usr/share/doc/libicu4j-java")
    try:
        drive("run1", tmp, f"cp -r {tmp}/{YL} yamlloader-src && cp -r {tmp}/{ZC} zclockfile-src && "
              f"cp -r {tmp}/zclockfile-git zclockfile-git && cp {tmp}/ciderhouse.py . && "
              f"cp -r {tmp}/pomacebench pomacebench && cp {tmp}/data/sitepk.csv {tmp}/data/ciderhouse.log . && "
              f"mkdir vendor rd && cp -r {SITE}/ulid {SITE}/uri_template {SITE}/yamlloader vendor/ && "
              f"cp {SITE}/ulid/ulid.py rd/ulid.py && cp {SITE}/uri_template/uritemplate.py rd/uritemplate.py && "
              "find vendor -name __pycache__ -prune -exec rm -rf {} +",
              run1_specs, TOOL_PATH, add)
    finally:
        os.killpg(page.pid, signal.SIGTERM)


def run2(tmp: Path) -> None:
    go_env = {"GOFLAGS": "-count=1 -mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local",
              "GOPATH": str(tmp / "gopath"), "GOCACHE": str(tmp / "gocache")}
    drive("run2", tmp, f"cp -r {tmp}/pressjig pressjig && cp -r {tmp}/orchardmenframe-ops orchardmenframe-ops && "
          f"cp -r {tmp}/pomacetally {tmp}/pomacetally-vet {tmp}/pomacetally-build . && "
          f"cp {tmp}/data/sitepk.db {tmp}/data/scratter.log .", run2_specs, TOOL_PATH, add, go_env)


STEPS = [run1, run2]
