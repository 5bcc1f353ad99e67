"""Round 214, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding ftfy (broken) and its git
history, the jibsheet C project, the package CSV and the lighthouse log (its Bash, Read, Grep and Glob tools); Codex in
one holding termcolor (broken) and its git history, the slugline project, the sternpost crate, the package sqlite
table and the weighbridge log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's raw output as round 200
reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read
result without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An
item one of whose needles is on no line of its text is dropped whole. Run through capture_wide214.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_app_log, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide214 import JS, VENV, add
from capture_wide214_mat import FT, TC
from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    ft = root / "ftfy"
    return [
        B("cc-bash-pytest-v-ftfy", n_pytest,
          "cd ftfy && python -m pytest -p no:cacheprovider -v --tb=short tests ftfy 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd ftfy", None), Part("python -m pytest -q -p no:cacheprovider --tb=short tests ftfy", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the ftfy tests"),
        B("cc-bash-ruff-concise-ftfy", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise ftfy/ftfy ftfy/tests | head -n 300"),
        B("cc-bash-ruff-full-ftfy", n_ruff,
          "cd ftfy && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,PERF --output-format=full "
          "ftfy 2>&1 | tail -n 260"),
        B("cc-bash-mypy-strict-ftfy", n_mypy,
          "cd ftfy && mypy --strict --no-incremental --cache-dir=/dev/null ftfy tests 2>&1 | tail -n 150"),
        B("cc-bash-traceback-ketch-manifest", n_chained, "cd ftfy && python ketch_manifest.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C jibsheet -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build jibsheet", before="make -C jibsheet clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-jibsheet", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ijibsheet/src jibsheet/src/ledger.c jibsheet/src/jib_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-ftfy", n_log_p, "cd ftfy-git && git log -p | head -n 500"),
        B("cc-bash-git-blame-fixes", n_blame, "cd ftfy-git && git blame -L 1,300 ftfy/fixes.py"),
        B("cc-bash-git-show-badness-part", n_show, "cd ftfy-git && git show ':/^badness: part 5'"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd ftfy-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-ftfy", n_ls_lR, f"ls -laR ftfy jibsheet/src {SITE}/iniconfig {SITE}/mypy/dmypy"),
        B("cc-bash-ps-aux-head-70", n_ps_aux, "ps aux --sort=-rss | head -n 70"),
        B("cc-bash-csv-grep-libs", n_csv, "(head -n 1 packages.csv; grep '^lib' packages.csv) | head -n 450"),
        B("cc-bash-npm-view-immer", n_npm_view, "npm view immer --json 2>/dev/null"),
        B("cc-bash-log-grep-warn-lighthouse", n_app_log, "grep -E 'WARNING|ERROR|INFO lighthouse.lamp' lighthouse.log | tail -n 300"),
        ("cc-read-py-ftfy-fixes", "Read", {"file_path": f"{ft}/ftfy/fixes.py"}, read_ext("python")),
        ("cc-read-py-ftfy-init", "Read", {"file_path": f"{ft}/ftfy/__init__.py", "offset": 200, "limit": 600},
         read_ext("python")),
        ("cc-read-py-mypy-errors", "Read", {"file_path": f"{SITE}/mypy/errors.py", "offset": 300, "limit": 650},
         read_ext("python")),
        ("cc-grep-ftfy-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{ft}", "glob": "*.py",
                                       "output_mode": "content", "-n": True, "head_limit": 160}, n_grep_rn),
        ("cc-grep-mypy-raise", "Grep", {"pattern": r"raise \w+(Error|Exception)\(", "path": f"{SITE}/mypy",
                                        "glob": "*.py", "output_mode": "content", "-n": True, "head_limit": 90},
         n_grep_rn),
        ("cc-glob-mypy-typeshed-email", "Glob", {"pattern": "**/*.pyi", "path": f"{SITE}/mypy/typeshed/stdlib/email"},
         n_claude_glob),
        ("cc-glob-linux-include", "Glob", {"pattern": "*.h", "path": "/usr/include/linux"}, n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, "yield_time_ms": 30000, "max_output_tokens": 40000, "login": False},
                after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), "yield_time_ms": 30000, "max_output_tokens": 40000, "login": False},
                later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-rA-termcolor", n_pytest,
          "cd termcolor && PYTHONPATH=src python -m pytest -p no:cacheprovider -rA -vv tests 2>&1 | tail -n 500"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd termcolor", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-termcolor", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise termcolor/src termcolor/tests"
          " | head -n 600"),
        B("cx-exec-ruff-full-termcolor", n_ruff,
          "cd termcolor && ruff check --no-cache --isolated --select ALL --output-format=full tests | head -n 700"),
        B("cx-exec-mypy-strict-termcolor", n_mypy,
          "cd termcolor && mypy --strict --disallow-any-expr src tests semaphore_board.py 2>&1 | tail -n 300"),
        B("cx-exec-traceback-semaphore-board", n_chained, "cd termcolor && PYTHONPATH=src python semaphore_board.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd slugline", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-slugline", n_eslint, "cd slugline && npx eslint lib spec | head -n 400"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd slugline", None), Part("npx eslint lib/berth-path.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-sternpost", n_cargo_build, "cd sternpost && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd sternpost", None),
           Part("sed -i '/let label: String/d;/idx.push(frame_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 400", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-termcolor", n_log_p, "cd termcolor-git && git log -p --reverse | head -n 1200"),
        B("cx-exec-git-blame-termcolor", n_blame, "cd termcolor-git && git blame -w src/termcolor/termcolor.py"),
        B("cx-exec-git-show-head-3", n_show, "cd termcolor-git && git show HEAD~3"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd termcolor-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-pygments", n_tree, f"tree -a --noreport {SITE}/pygments | head -n 450"),
        B("cx-exec-ps-aux-head-90", n_ps_aux, "ps aux | head -n 90"),
        B("cx-exec-sqlite-packages-sections", n_sqlite_col,
          "sqlite3 -header -column packages.db \"SELECT section, priority, package, version FROM packages "
          "WHERE section NOT LIKE 'lib%' ORDER BY section, package LIMIT 320\""),
        B("cx-exec-npm-view-valibot", n_npm_view, "npm view valibot --json"),
        B("cx-exec-log-grep-v-debug-weighbridge", n_app_log, "grep -v DEBUG weighbridge.log | tail -n 700"),
        ("cx-exec-sed-n-termcolor-tests-py", "exec_command",
         {"cmd": "sed -n '1,400p' termcolor/tests/test_termcolor.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{FT} ftfy && cp -r {tmp}/ftfy-git ftfy-git && "
          f"cp -r {tmp}/jibsheet jibsheet && cp {tmp}/data/packages.csv {tmp}/data/lighthouse.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{TC} termcolor && cp -r {tmp}/termcolor-git termcolor-git && "
          f"cp -r {tmp}/sternpost sternpost && cp {tmp}/data/packages.db {tmp}/data/weighbridge.log . && mkdir slugline && "
          f"cp -r {tmp}/slugline/lib {tmp}/slugline/spec {tmp}/slugline/package.json {tmp}/slugline/eslint.config.js "
          f"{tmp}/slugline/tsconfig.json slugline/ && ln -s {JS}/node_modules slugline/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
