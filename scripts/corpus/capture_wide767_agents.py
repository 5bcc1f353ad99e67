"""Round 767, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 745 and 757 drive them (capture_agents.drive: a stub Script
of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the
agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding jsbeautifier (broken,
its own suite) and its git history, the prickingiron C project, the awlbook Go module (three copies: tests, vet
findings, build errors), the /usr/share files' CSV and the stitching log (its Bash, Read, Grep and Glob tools); Codex
in one holding pybtex (broken, its own suite) and its git history, the stirrupleather JavaScript project, the
girthstrap crate, the girthbook Go module, the same files' sqlite table and the tree room's log (its exec_command
tool). An item's text is the tool result the agent sent back; its needles come from the extractor of the tool that
printed the lines, imported (capture_agents). An item one of whose needles is on no line of its text is dropped
whole. Run through capture_wide767.py."""

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
from capture_wide767 import JS, VENV, add
from capture_wide767_mat import JB, PB

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
YIELD = {"yield_time_ms": 30000, "max_output_tokens": 40000, "login": False}
PYT = "python -m pytest -p no:cacheprovider -o addopts="
JBT = "-o 'python_files=test*.py'"  # jsbeautifier names its test modules testpacker.py, tests.py, ...


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    return [
        B("cc-bash-pytest-rfe-jsbeautifier", n_pytest,
          f"cd jsbeautifier && PYTHONPATH=. {PYT} {JBT} -rfE -vv --tb=short jsbeautifier 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-unpackers-exit", "chain-test-exit", "test",
          [Part("cd jsbeautifier", None),
           Part(f"PYTHONPATH=. {PYT} {JBT} -q --tb=line jsbeautifier/unpackers/tests "
                "jsbeautifier/tests/testindentation.py 2>&1 | tail -n 150", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the unpacker and indentation tests"),
        B("cc-bash-ruff-concise-jsbeautifier", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise jsbeautifier/jsbeautifier/unpackers "
          "jsbeautifier/stitch_card.py jsbeautifier/jsbeautifier/core/output.py 2>&1 | head -n 190"),
        B("cc-bash-mypy-strict-jsbeautifier", n_mypy,
          "cd jsbeautifier && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "jsbeautifier/unpackers/packer.py jsbeautifier/unpackers/urlencode.py "
          "jsbeautifier/unpackers/tests/testpacker.py jsbeautifier/core/output.py stitch_card.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-stitch-card", n_chained, "cd jsbeautifier && PYTHONPATH=. python stitch_card.py"),
        B("cc-bash-go-test-v-awlbook", n_go_test, "cd awlbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd awlbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the awlbook tests"),
        B("cc-bash-go-vet-awlbook", n_go_vet, "cd awlbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-awlbook", n_go_build, "cd awlbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C prickingiron -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build prickingiron", before="make -C prickingiron clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-prickingiron", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iprickingiron/src prickingiron/src/awlman.c "
          "prickingiron/src/stitch_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-jsbeautifier", n_log_p, "cd jsbeautifier-git && git log -p --stat | head -n 420"),
        B("cc-bash-git-blame-jsbeautifier", n_blame,
          "cd jsbeautifier-git && git blame -L 1,158 jsbeautifier/unpackers/packer.py"),
        B("cc-bash-git-show-jsbeautifier", n_show, "cd jsbeautifier-git && git show HEAD~5"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd jsbeautifier-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-prickingiron-awlbook", n_ls_lR,
          "ls -laR prickingiron awlbook awlbook-vet awlbook-build jsbeautifier/jsbeautifier/unpackers "
          "jsbeautifier/jsbeautifier/core"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps auxww --sort=-rss | grep -v binary_backend | head -n 50 | cut -c1-300"),
        B("cc-bash-csv-tack", n_csv, "cat tack.csv | head -n 240"),
        B("cc-bash-npm-view-p-throttle", n_npm_view, "npm view p-throttle --json 2>/dev/null"),
        B("cc-bash-log-grep-v-stitching", n_app_log,
          "grep -vE 'DEBUG|INFO shop.api' stitching.log | tail -n 220"),
        ("cc-read-py-jsbeautifier-tokenizer", "Read",
         {"file_path": f"{SITE}/jsbeautifier/javascript/tokenizer.py", "offset": 1, "limit": 420},
         read_ext("python")),
        ("cc-read-py-pip-prepare", "Read", {"file_path": f"{SITE}/pip/_internal/operations/prepare.py",
                                           "offset": 1, "limit": 600},
         read_ext("python")),
        ("cc-grep-pip-network-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                              "path": f"{SITE}/pip/_internal/network", "glob": "*.py",
                                              "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-jsbeautifier-pybtex", "Glob",
         {"pattern": "{jsbeautifier,pybtex,latexcodec,editorconfig,pluggy,iniconfig}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-pybtex", n_pytest,
          f"cd pybtex && PYTHONPATH=src {PYT} -rfE -vv --tb=short tests 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-pybtex", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pybtex/src/pybtex/style/labels/alpha.py "
          "pybtex/src/pybtex/textutils.py pybtex/tests/parse_name_test.py pybtex/tree_ledger.py | head -n 300"),
        B("cx-exec-mypy-strict-pybtex", n_mypy,
          "cd pybtex && MYPYPATH=src mypy --strict src/pybtex/style/labels/alpha.py src/pybtex/textutils.py "
          "tests/parse_name_test.py tree_ledger.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-tree-ledger", n_chained, "cd pybtex && PYTHONPATH=src python tree_ledger.py"),
        B("cx-exec-vitest-run-verbose-stirrupleather", n_vitest,
          "cd stirrupleather && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd stirrupleather", None),
           Part("npx vitest run --reporter=dot -t 'strapBand|treeLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-stirrupleather", n_eslint, "cd stirrupleather && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-stirrupleather", n_tsc, "cd stirrupleather && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-girthstrap", n_cargo_build, "cd girthstrap && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd girthstrap", None),
           Part("sed -i '/let label: String/d;/idx.push(buckle_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-girthstrap", n_clippy,
          "cd girthstrap && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-girthbook", n_go_test, "cd girthbook && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-pybtex", n_log_p, "cd pybtex-git && git log -p --stat | head -n 1500"),
        B("cx-exec-git-blame-pybtex", n_blame, "cd pybtex-git && git blame src/pybtex/textutils.py"),
        B("cx-exec-tree-site-p-l-e", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'p*|l*|e*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | grep -v binary_backend | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-tack-largest", n_sqlite_col,
          "sqlite3 -header -column tack.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM tack ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-timeout", n_npm_view, "npm view p-timeout --json 2>/dev/null"),
        B("cx-exec-log-grep-v-treeroom", n_app_log, "grep -vE 'DEBUG|room.db' treeroom.log | tail -n 600"),
        B("cx-exec-grep-rn-site-pybtex-jsbeautifier", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/pybtex {SITE}/jsbeautifier {SITE}/latexcodec {SITE}/_pytest/mark "
          f"{SITE}/editorconfig --include=*.py | head -n 700"),
        ("cx-exec-sed-n-pybtex-pytest", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/pybtex/richtext.py {SITE}/_pytest/fixtures.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{JB} jsbeautifier && cp -r {tmp}/jsbeautifier-git jsbeautifier-git && "
          f"cp -r {tmp}/prickingiron prickingiron && cp -r {tmp}/awlbook {tmp}/awlbook-vet "
          f"{tmp}/awlbook-build . && "
          f"cp {tmp}/data/tack.csv {tmp}/data/stitching.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PB} pybtex && cp -r {tmp}/pybtex-git pybtex-git && "
          f"cp -a {tmp}/stirrupleather stirrupleather && cp -r {tmp}/girthstrap girthstrap && "
          f"cp -r {tmp}/girthbook . && "
          f"cp {tmp}/data/tack.db {tmp}/data/treeroom.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
