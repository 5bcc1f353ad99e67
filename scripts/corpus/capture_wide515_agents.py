"""Round 515, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 487, 493 and 504 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding wasabi (broken) and
its git history, the winchhouse C project, the ratchetbox Go module (three copies: tests, vet findings, build errors),
the /usr/share files' CSV and the winchyard log (its Bash, Read, Grep and Glob tools); Codex in one holding giturlparse
(broken) and its git history, the winchmen project, the ferryslip crate, the chainway Go module, the same files'
sqlite table and the ferrydeck log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, imported, read on the command's raw output as round
437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide515.py."""

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
from capture_wide515 import JS, VENV, add
from capture_wide515_mat import GU, WA

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dp = root / "wasabi"
    return [
        B("cc-bash-pytest-ra-wasabi", n_pytest,
          "cd wasabi && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=short "
          "wasabi/tests --ignore=wasabi/tests/test_jupyter.py 2>&1 | tail -n 220"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd wasabi", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line wasabi/tests "
                "--ignore=wasabi/tests/test_jupyter.py -k 'table or util'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the wasabi table and util tests"),
        B("cc-bash-ruff-concise-wasabi", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise wasabi/wasabi "
          "wasabi/drum_tally.py | head -n 220"),
        B("cc-bash-mypy-strict-wasabi", n_mypy,
          "cd wasabi && mypy --strict --no-incremental --cache-dir=/dev/null wasabi "
          "drum_tally.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-drum-tally", n_chained, "cd wasabi && PYTHONPATH=. python drum_tally.py"),
        B("cc-bash-go-test-v-ratchetbox", n_go_test, "cd ratchetbox && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd ratchetbox", None), Part("go test -count=1 ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the ratchetbox tests"),
        B("cc-bash-go-vet-ratchetbox", n_go_vet, "cd ratchetbox-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-ratchetbox", n_go_build, "cd ratchetbox-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C winchhouse -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build winchhouse", before="make -C winchhouse clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-winchhouse", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iwinchhouse/src winchhouse/src/hauls.c "
          "winchhouse/src/winchdrum_1[0-4].c 2>&1"),
        B("cc-bash-git-log-p-wasabi", n_log_p,
          "cd wasabi-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-wasabi", n_blame,
          "cd wasabi-git && git blame -L 1,150 wasabi/tables.py"),
        B("cc-bash-git-show-wasabi", n_show, "cd wasabi-git && git show HEAD~2"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd wasabi-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-winchhouse-ratchetbox", n_ls_lR, "ls -laR winchhouse ratchetbox wasabi/wasabi"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-git-core-gnuplot-gtk-doc", n_csv, "cat share.csv | head -n 240"),
        B("cc-bash-npm-view-escape-goat", n_npm_view, "npm view escape-goat --json 2>/dev/null"),
        B("cc-bash-log-grep-v-winchyard", n_app_log,
          "grep -vE 'DEBUG|INFO winchyard.api' winchyard.log | tail -n 240"),
        ("cc-read-py-wasabi-tables", "Read", {"file_path": f"{dp}/wasabi/tables.py"},
         read_ext("python")),
        ("cc-read-py-wasabi-printer", "Read", {"file_path": f"{SITE}/wasabi/printer.py"},
         read_ext("python")),
        ("cc-grep-wasabi-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+",
                                                    "path": f"{SITE}/wasabi", "glob": "*.py",
                                                    "output_mode": "content", "-n": True, "head_limit": 140},
         n_grep_rn),
        ("cc-glob-wasabi-giturlparse-site", "Glob", {"pattern": "**/*.py", "path": f"{SITE}"},
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
        B("cx-exec-pytest-vv-giturlparse", n_pytest,
          "cd giturlparse && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= "
          "-rA -vv --tb=long giturlparse/tests 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-giturlparse", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise giturlparse/giturlparse "
          "giturlparse/pawl_log.py | head -n 600"),
        B("cx-exec-mypy-strict-giturlparse", n_mypy,
          "cd giturlparse && mypy --strict giturlparse pawl_log.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-pawl-log", n_chained, "cd giturlparse && PYTHONPATH=. python pawl_log.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd winchmen", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-winchmen", n_eslint, "cd winchmen && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd winchmen", None), Part("npx eslint lib/haul-plan.js lib/winchmen.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-ferryslip", n_cargo_build, "cd ferryslip && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd ferryslip", None),
           Part("sed -i '/let label: String/d;/idx.push(drum_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-ferryslip", n_clippy,
          "cd ferryslip && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-chainway", n_go_test, "cd chainway && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-chainway", n_go_vet, "cd chainway-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-giturlparse", n_log_p, "cd giturlparse-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-giturlparse", n_blame,
          "cd giturlparse-git && git blame giturlparse/result.py | head -n 320"),
        B("cx-exec-tree-site-g-w", n_tree, f"tree -a --noreport -I __pycache__ -P 'g*|w*' {SITE} | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 100\""),
        B("cx-exec-npm-view-to-fast-properties", n_npm_view, "npm view to-fast-properties --json 2>/dev/null"),
        B("cx-exec-log-grep-v-ferrydeck", n_app_log,
          "grep -vE 'DEBUG|ferrydeck.db' ferrydeck.log | tail -n 600"),
        B("cx-exec-grep-rn-site-g-w", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/giturlparse {SITE}/wasabi {SITE}/_pytest/mark "
          "--include=*.py | head -n 320"),
        ("cx-exec-sed-n-giturlparse", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/giturlparse/result.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{WA} wasabi && cp -r {tmp}/wasabi-git wasabi-git && "
          f"cp -r {tmp}/winchhouse winchhouse && cp -r {tmp}/ratchetbox {tmp}/ratchetbox-vet {tmp}/ratchetbox-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/winchyard.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{GU} giturlparse && cp -r {tmp}/giturlparse-git giturlparse-git && "
          f"cp -r {tmp}/ferryslip ferryslip && cp -r {tmp}/chainway {tmp}/chainway-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/ferrydeck.log . && "
          f"mkdir winchmen && cp -r {tmp}/winchmen/lib {tmp}/winchmen/spec {tmp}/winchmen/package.json "
          f"{tmp}/winchmen/eslint.config.js {tmp}/winchmen/tsconfig.json winchmen/ && "
          f"ln -s {JS}/node_modules winchmen/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
