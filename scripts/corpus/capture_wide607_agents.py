"""Round 607, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 591 and 599 drive them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding Inflector (broken) and its git
history, the culchbed C project, the smackhouse Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the cullhouse log (its Bash, Read, Grep and Glob tools); Codex in one holding json2xml
(broken) and its git history, the bawleyyard JavaScript project, the culchline crate, the spatgauge Go module, the same
files' sqlite table and the watchboat log (its exec_command tool). An item's text is the tool result the agent sent
back; its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw
output as round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole.
Run through capture_wide607.py."""

from __future__ import annotations

from pathlib import Path

from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide607 import JS, VENV, add
from capture_wide607_mat import IN, JX

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dl = root / "inflector"
    return [
        B("cc-bash-pytest-rfe-inflector", n_pytest,
          "cd inflector && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=long "
          "tests/tests.py 2>&1 | tail -n 330"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd inflector", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=short tests/tests.py "
                "-k 'plural or tableize'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the inflector plural tests"),
        B("cc-bash-ruff-concise-inflector", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise inflector/inflector "
          "inflector/tests inflector/culling_book.py | head -n 190"),
        B("cc-bash-mypy-strict-inflector", n_mypy,
          "cd inflector && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "inflector culling_book.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-culling-book", n_chained, "cd inflector && PYTHONPATH=. python culling_book.py"),
        B("cc-bash-go-test-v-smackhouse", n_go_test, "cd smackhouse && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd smackhouse", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the smackhouse tests"),
        B("cc-bash-go-vet-smackhouse", n_go_vet, "cd smackhouse-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-smackhouse", n_go_build, "cd smackhouse-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C culchbed -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build culchbed", before="make -C culchbed clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-culchbed", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iculchbed/src culchbed/src/dredgeline.c "
          "culchbed/src/oysterbed_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-inflector", n_log_p, "cd inflector-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-inflector", n_blame,
          "cd inflector-git && git blame inflector/languages/english.py"),
        B("cc-bash-git-show-inflector", n_show, "cd inflector-git && git show HEAD~4"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd inflector-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-culchbed-smackhouse", n_ls_lR, "ls -laR culchbed smackhouse smackhouse-vet smackhouse-build inflector"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-spatfall", n_csv, "cat spatfall.csv | head -n 240"),
        B("cc-bash-npm-view-clean-stack", n_npm_view, "npm view clean-stack --json 2>/dev/null"),
        B("cc-bash-log-grep-v-cullhouse", n_app_log,
          "grep -vE 'DEBUG|INFO cullhouse.api' cullhouse.log | tail -n 240"),
        ("cc-read-py-inflector-english", "Read", {"file_path": f"{dl}/inflector/languages/english.py"},
         read_ext("python")),
        ("cc-read-py-inflector-base", "Read",
         {"file_path": f"{SITE}/inflector/languages/base.py", "offset": 1, "limit": 160}, read_ext("python")),
        ("cc-grep-inflector-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|re\.sub|return ",
                                            "path": f"{SITE}/inflector", "glob": "*.py",
                                            "output_mode": "content", "-n": True, "head_limit": 140},
         n_grep_rn),
        ("cc-glob-site-json2xml-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/json2xml"}, n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, "yield_time_ms": 30000, "max_output_tokens": 40000,
                                          "login": False}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), "yield_time_ms": 30000,
                                          "max_output_tokens": 40000, "login": False},
                later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-json2xml", n_pytest,
          "cd json2xml && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -o log_cli=false "
          "--continue-on-collection-errors --ignore=tests/test_cli.py -rfE -vv --tb=short tests 2>&1 | tail -n 900"),
        B("cx-exec-ruff-concise-json2xml", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise json2xml/json2xml json2xml/tests "
          "json2xml/smack_manifest.py | head -n 900"),
        B("cx-exec-mypy-strict-json2xml", n_mypy,
          "cd json2xml && mypy --strict json2xml tests smack_manifest.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-smack-manifest", n_chained, "cd json2xml && PYTHONPATH=. python smack_manifest.py"),
        B("cx-exec-vitest-run-bawleyyard", n_vitest, "cd bawleyyard && npx vitest run 2>&1 | tail -n 400"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd bawleyyard", None),
           Part("npx vitest run --reporter=dot -t 'spatBand|cullLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-bawleyyard", n_eslint, "cd bawleyyard && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-bawleyyard", n_tsc, "cd bawleyyard && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-culchline", n_cargo_build, "cd culchline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd culchline", None),
           Part("sed -i '/let label: String/d;/idx.push(bed_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-culchline", n_clippy,
          "cd culchline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-spatgauge", n_go_test, "cd spatgauge && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-json2xml", n_log_p, "cd json2xml-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-json2xml", n_blame, "cd json2xml-git && git blame json2xml/utils.py | head -n 320"),
        B("cx-exec-tree-site-d-j", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'd*|i*|j*' {SITE} | head -n 900"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-spatfall-largest", n_sqlite_col,
          "sqlite3 -header -column spatfall.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM spatfall ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-retry", n_npm_view, "npm view p-retry --json 2>/dev/null"),
        B("cx-exec-log-grep-v-watchboat", n_app_log,
          "grep -vE 'DEBUG|watchboat.db' watchboat.log | tail -n 600"),
        B("cx-exec-grep-rn-site-d-j", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/json2xml {SITE}/inflector {SITE}/defusedxml {SITE}/xmltodict.py "
          f"{SITE}/_pytest/mark {SITE}/mypy/test --include=*.py | head -n 320"),
        ("cx-exec-sed-n-json2xml", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/json2xml/json2xml.py {SITE}/json2xml/utils.py "
                f"{SITE}/json2xml/dicttoxml_fast.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{IN} inflector && cp -r {tmp}/inflector-git inflector-git && "
          f"cp -r {tmp}/culchbed culchbed && "
          f"cp -r {tmp}/smackhouse {tmp}/smackhouse-vet {tmp}/smackhouse-build . && "
          f"cp {tmp}/data/spatfall.csv {tmp}/data/cullhouse.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{JX} json2xml && cp -r {tmp}/json2xml-git json2xml-git && "
          f"cp -a {tmp}/bawleyyard bawleyyard && "
          f"cp -r {tmp}/culchline culchline && cp -r {tmp}/spatgauge . && "
          f"cp {tmp}/data/spatfall.db {tmp}/data/watchboat.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
