"""Round 504, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 481, 487 and 493 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding docstring-parser
(broken) and its git history, the forgeworks C project, the bellows Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the forgeyard log (its Bash, Read, Grep and Glob tools); Codex in one holding
circuitbreaker (broken) and its git history, the hammerman project, the swageblock crate, the quenchtub Go module, the
same files' sqlite table and the strikershop log (its exec_command tool). An item's text is the tool result the agent
sent back; its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw
output as round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped
whole. Run through capture_wide504.py."""

from __future__ import annotations

from pathlib import Path

from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide504 import JS, VENV, add
from capture_wide504_mat import CB, DP

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dp = root / "docstring_parser"
    return [
        B("cc-bash-pytest-ra-docstring-parser", n_pytest,
          "cd docstring_parser && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=short "
          "docstring_parser/tests 2>&1 | tail -n 220"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd docstring_parser", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line docstring_parser/tests "
                "-k 'rest or google'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the docstring_parser rest and google tests"),
        B("cc-bash-ruff-concise-docstring-parser", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise docstring_parser/docstring_parser "
          "docstring_parser/anvil_tally.py | head -n 220"),
        B("cc-bash-mypy-strict-docstring-parser", n_mypy,
          "cd docstring_parser && mypy --strict --no-incremental --cache-dir=/dev/null docstring_parser "
          "anvil_tally.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-anvil-tally", n_chained, "cd docstring_parser && PYTHONPATH=. python anvil_tally.py"),
        B("cc-bash-go-test-v-bellows", n_go_test, "cd bellows && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd bellows", None), Part("go test -count=1 ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the bellows tests"),
        B("cc-bash-go-vet-bellows", n_go_vet, "cd bellows-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-bellows", n_go_build, "cd bellows-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C forgeworks -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build forgeworks", before="make -C forgeworks clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-forgeworks", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iforgeworks/src forgeworks/src/blasts.c "
          "forgeworks/src/anvil_1[0-4].c 2>&1"),
        B("cc-bash-git-log-p-docstring-parser", n_log_p,
          "cd docstring_parser-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-docstring-parser", n_blame,
          "cd docstring_parser-git && git blame -L 200,320 docstring_parser/google.py"),
        B("cc-bash-git-show-docstring-parser", n_show, "cd docstring_parser-git && git show HEAD~2"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd docstring_parser-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-forgeworks-bellows", n_ls_lR, "ls -laR forgeworks bellows docstring_parser/docstring_parser"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-avra-cxxtest-coturn", n_csv, "cat share.csv | head -n 240"),
        B("cc-bash-npm-view-array-union", n_npm_view, "npm view array-union --json 2>/dev/null"),
        B("cc-bash-log-grep-v-forgeyard", n_app_log,
          "grep -vE 'DEBUG|INFO forgeyard.api' forgeyard.log | tail -n 240"),
        ("cc-read-py-docstring-parser-rest", "Read", {"file_path": f"{dp}/docstring_parser/rest.py"},
         read_ext("python")),
        ("cc-read-py-docstring-parser-common", "Read", {"file_path": f"{SITE}/docstring_parser/common.py"},
         read_ext("python")),
        ("cc-grep-docstring-parser-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+",
                                                    "path": f"{SITE}/docstring_parser", "glob": "*.py",
                                                    "output_mode": "content", "-n": True, "head_limit": 140},
         n_grep_rn),
        ("cc-glob-docstring-parser-site", "Glob", {"pattern": "**/*.py", "path": f"{SITE}"},
         n_claude_glob),
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
        B("cx-exec-pytest-vv-circuitbreaker", n_pytest,
          "cd circuitbreaker && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -o asyncio_mode=auto "
          "-rA -vv --tb=long tests 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-circuitbreaker", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise circuitbreaker/circuitbreaker.py "
          "circuitbreaker/tests circuitbreaker/striker_log.py | head -n 600"),
        B("cx-exec-mypy-strict-circuitbreaker", n_mypy,
          "cd circuitbreaker && mypy --strict circuitbreaker.py tests striker_log.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-striker-log", n_chained, "cd circuitbreaker && PYTHONPATH=. python striker_log.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd hammerman", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-hammerman", n_eslint, "cd hammerman && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd hammerman", None), Part("npx eslint lib/forging-plan.js lib/hammerman.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-swageblock", n_cargo_build, "cd swageblock && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd swageblock", None),
           Part("sed -i '/let label: String/d;/idx.push(anvil_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-swageblock", n_clippy,
          "cd swageblock && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-quenchtub", n_go_test, "cd quenchtub && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-quenchtub", n_go_vet, "cd quenchtub-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-circuitbreaker", n_log_p, "cd circuitbreaker-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-circuitbreaker", n_blame,
          "cd circuitbreaker-git && git blame circuitbreaker.py | head -n 320"),
        B("cx-exec-tree-site-c-d", n_tree, f"tree -a --noreport -I __pycache__ -P 'c*|d*' {SITE} | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 100\""),
        B("cx-exec-npm-view-detect-indent", n_npm_view, "npm view detect-indent --json 2>/dev/null"),
        B("cx-exec-log-grep-v-strikershop", n_app_log,
          "grep -vE 'DEBUG|strikershop.db' strikershop.log | tail -n 600"),
        B("cx-exec-grep-rn-site-c-d", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/circuitbreaker.py {SITE}/docstring_parser {SITE}/_pytest/mark "
          "--include=*.py | head -n 320"),
        ("cx-exec-sed-n-circuitbreaker", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/circuitbreaker.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{DP} docstring_parser && cp -r {tmp}/docstring_parser-git docstring_parser-git && "
          f"cp -r {tmp}/forgeworks forgeworks && cp -r {tmp}/bellows {tmp}/bellows-vet {tmp}/bellows-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/forgeyard.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{CB} circuitbreaker && cp -r {tmp}/circuitbreaker-git circuitbreaker-git && "
          f"cp -r {tmp}/swageblock swageblock && cp -r {tmp}/quenchtub {tmp}/quenchtub-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/strikershop.log . && "
          f"mkdir hammerman && cp -r {tmp}/hammerman/lib {tmp}/hammerman/spec {tmp}/hammerman/package.json "
          f"{tmp}/hammerman/eslint.config.js {tmp}/hammerman/tsconfig.json hammerman/ && "
          f"ln -s {JS}/node_modules hammerman/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
