"""Round 200, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding humanfriendly (broken) and its
git history, the loomtally C project, the manual-page CSV and the foundry log (its Bash, Read, Grep and Glob tools);
Codex in one holding nameparser (broken) and its git history, the titlekit project, the ropewalk crate, the
manual-page sqlite table and the signalbox log (its exec_command tool). An item's text is the tool result the agent
sent back (Claude Code's tool_result content, Codex's function_call_output output); its needles come from the
extractor of the tool that printed the lines, read on the command's raw output: a Bash result as it is, a Codex
result after its `Output:` header line, a Read result without its line-number gutter; a chain's from each part's own
(round 9b, the parts run again outside the agent). An item one of whose needles is on no line of its text is
dropped whole. The agents are driven by capture_agents, shared with rounds 206 and 214 (it starts the busy process
of `ps aux` with `timeout --foreground`, so that it ends with the run; round 200's capture used a plain `timeout`). Run through capture_wide200.py."""

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
from capture_wide200 import JS, VENV, add
from capture_wide200_mat import HF, NP
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
    hf = root / "humanfriendly"
    return [
        B("cc-bash-pytest-v-humanfriendly", n_pytest,
          "cd humanfriendly && python -m pytest -p no:cacheprovider -v --tb=short humanfriendly/tests.py 2>&1 | tail -n 250"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd humanfriendly", None), Part("python -m pytest -q -p no:cacheprovider --tb=short humanfriendly/tests.py",
                                                 n_pytest, "&&"), Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the humanfriendly tests"),
        B("cc-bash-ruff-concise-humanfriendly", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise humanfriendly/humanfriendly | head -n 220"),
        B("cc-bash-ruff-full-humanfriendly", n_ruff,
          "cd humanfriendly && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF --output-format=full "
          "humanfriendly 2>&1 | tail -n 260"),
        B("cc-bash-mypy-strict-humanfriendly", n_mypy,
          "cd humanfriendly && mypy --strict --no-incremental --cache-dir=/dev/null humanfriendly 2>&1 | tail -n 150"),
        B("cc-bash-traceback-kiln-settings", n_chained, "cd humanfriendly && python kiln_settings.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C loomtally -k 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build loomtally", before="make -C loomtally clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-loomtally", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Iloomtally/src loomtally/src/ledger.c loomtally/src/loom_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-humanfriendly", n_log_p, "cd humanfriendly-git && git log -p | head -n 450"),
        B("cc-bash-git-blame-text", n_blame, "cd humanfriendly-git && git blame -L 1,260 humanfriendly/text.py"),
        B("cc-bash-git-show-init-part", n_show, "cd humanfriendly-git && git show ':/^__init__: part 12'"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd humanfriendly-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-humanfriendly", n_ls_lR, f"ls -laR humanfriendly loomtally/src {SITE}/coloredlogs"),
        B("cc-bash-ps-aux-head-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cc-bash-csv-head-manpages", n_csv, "head -n 480 manpages.csv"),
        B("cc-bash-npm-view-dompurify", n_npm_view, "npm view dompurify --json 2>/dev/null"),
        B("cc-bash-log-tail-foundry", n_app_log, "tail -n 260 foundry.log"),
        ("cc-read-py-humanfriendly-init", "Read", {"file_path": f"{hf}/humanfriendly/__init__.py"}, read_ext("python")),
        ("cc-read-py-humanfriendly-tables", "Read", {"file_path": f"{hf}/humanfriendly/tables.py"}, read_ext("python")),
        ("cc-read-py-coloredlogs-init", "Read", {"file_path": f"{SITE}/coloredlogs/__init__.py", "offset": 300,
                                                 "limit": 900}, read_ext("python")),
        ("cc-grep-humanfriendly-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{hf}/humanfriendly", "glob": "*.py",
                                                "output_mode": "content", "-n": True, "head_limit": 150}, n_grep_rn),
        ("cc-grep-docutils-raise", "Grep", {"pattern": r"raise \w+(Error|Exception)\(", "path": f"{SITE}/docutils",
                                            "output_mode": "content", "-n": True, "head_limit": 120}, n_grep_rn),
        ("cc-glob-docutils-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/docutils"}, n_claude_glob),
        ("cc-glob-linux-headers", "Glob", {"pattern": "*.h", "path": "/usr/include/linux"}, n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, "yield_time_ms": 30000, "max_output_tokens": 40000, "login": False},
                after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), "yield_time_ms": 30000, "max_output_tokens": 40000, "login": False},
                later(kind_name, family, parts, root, env))
    tests = "tests/test_suffixes.py tests/test_capitalization.py tests/test_titles.py tests/test_initials.py"
    return [
        B("cx-exec-pytest-rA-nameparser", n_pytest,
          f"cd nameparser && python -m pytest -o addopts= -p no:cacheprovider -rA {tests} 2>&1 | tail -n 500"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd nameparser", None),
           Part(f"python -m pytest -o addopts= -q -p no:cacheprovider --tb=line {tests}", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-nameparser", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise nameparser/nameparser | head -n 800"),
        B("cx-exec-mypy-strict-nameparser", n_mypy, "cd nameparser && mypy --strict nameparser 2>&1 | tail -n 300"),
        B("cx-exec-traceback-roster-import", n_chained, "cd nameparser && python roster_import.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd titlekit", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-titlekit", n_eslint, "cd titlekit && npx eslint lib spec | head -n 400"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd titlekit", None), Part("npx eslint lib", n_eslint, "&&"), Part("npx tsc --noEmit -p .", n_tsc, ";")]),
        B("cx-exec-cargo-build-ropewalk", n_cargo_build, "cd ropewalk && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd ropewalk", None),
           Part("sed -i '/let label: String/d;/idx.push(splice_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 400", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-nameparser", n_log_p, "cd nameparser-git && git log -p | head -n 1300"),
        B("cx-exec-git-blame-parser", n_blame, "cd nameparser-git && git blame -w nameparser/_parser.py"),
        B("cx-exec-git-show-head-3", n_show, "cd nameparser-git && git show HEAD~3"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd nameparser-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-pygments", n_tree, f"tree -a --noreport {SITE}/pygments | head -n 500"),
        B("cx-exec-ps-aux-head-80", n_ps_aux, "ps aux | head -n 80"),
        B("cx-exec-sqlite-manpages-largest", n_sqlite_col,
          "sqlite3 -header -column manpages.db \"SELECT page, directory, CAST(bytes AS INT) AS bytes, modified "
          "FROM pages ORDER BY CAST(bytes AS INT) DESC LIMIT 300\""),
        B("cx-exec-npm-view-title-case", n_npm_view, "npm view title-case --json"),
        B("cx-exec-log-grep-v-debug-signalbox", n_app_log, "grep -v DEBUG signalbox.log | tail -n 800"),
        ("cx-exec-sed-n-render-py", "exec_command",
         {"cmd": "sed -n '1,420p' nameparser/nameparser/_render.py", "yield_time_ms": 30000, "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
        B("cx-exec-rg-n-nameparser-defs", n_grep_rn, r"rg -n --sort path 'def \w+' nameparser/nameparser"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{HF} humanfriendly && cp -r {tmp}/humanfriendly-git humanfriendly-git && "
          f"cp -r {tmp}/loomtally loomtally && cp {tmp}/data/manpages.csv {tmp}/data/foundry.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{NP} nameparser && cp -r {tmp}/nameparser-git nameparser-git && "
          f"cp -r {tmp}/ropewalk ropewalk && cp {tmp}/data/manpages.db {tmp}/data/signalbox.log . && mkdir titlekit && "
          f"cp -r {tmp}/titlekit/lib {tmp}/titlekit/spec {tmp}/titlekit/package.json {tmp}/titlekit/eslint.config.js "
          f"{tmp}/titlekit/tsconfig.json titlekit/ && ln -s {JS}/node_modules titlekit/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
