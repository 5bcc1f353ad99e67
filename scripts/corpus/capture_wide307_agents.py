"""Round 307, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (capture_agents.drive:
tests/e2e/agent_harness.py's AgentRun, a stub Script of ToolCallSteps, the launcher started with --no-compress so that
the stub records every tool result exactly as the agent wrote it and nothing compressed is ever seen). Claude Code
works in a directory holding dacite (broken) and its git history, the engobe C project, the documentation CSV and the
pugmill log (its Bash, Read, Grep and Glob tools); Codex in one holding blinker (broken) and its git history, the
slipcast project, the grogmix crate, the documentation sqlite table and the wedging log (its exec_command tool). An
item's text is the tool result the agent sent back; its needles come from the extractor of the tool that printed the
lines, imported, read on the command's raw output as rounds 290 and 299 read it (capture_agents: a Bash result as it
is, a Codex result after its `Output:` header line, a Read result without its line-number gutter; a chain's from each
part's own, the parts run again outside the agent). An item one of whose needles is on no line of its text is dropped
whole. Run through capture_wide307.py."""

from __future__ import annotations

from pathlib import Path

from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext
from capture_more import n_app_log, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide307 import JS, VENV, add
from capture_wide307_mat import BL, DA

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    da = root / "dacite"
    return [
        B("cc-bash-pytest-v-dacite", n_pytest,
          "cd dacite && python -m pytest -p no:cacheprovider -v --tb=short tests 2>&1 | tail -n 380"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd dacite", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the dacite tests"),
        B("cc-bash-ruff-concise-dacite", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise dacite/dacite dacite/tests "
          "dacite/slipware_load.py | head -n 240"),
        B("cc-bash-ruff-full-types", n_ruff,
          "cd dacite && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,S,RET,PT "
          "--output-format=full dacite/types.py dacite/core.py 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-dacite", n_mypy,
          "cd dacite && mypy --strict --no-incremental --cache-dir=/dev/null dacite tests slipware_load.py 2>&1 "
          "| tail -n 220"),
        B("cc-bash-traceback-slipware", n_chained, "cd dacite && python slipware_load.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C engobe -k 2>&1 | tail -n 420", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build engobe", before="make -C engobe clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-engobe", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iengobe/src engobe/src/firing.c "
          "engobe/src/sgraffito_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-dacite", n_log_p, "cd dacite-git && git log -p --stat | head -n 700"),
        B("cc-bash-git-blame-types", n_blame, "cd dacite-git && git blame -L 95,181 dacite/types.py"),
        B("cc-bash-git-show-types-part", n_show, "cd dacite-git && git show ':/^types: part 5 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd dacite-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-engobe-dacite", n_ls_lR, "ls -laR engobe dacite/dacite dacite/tests"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-grep-news", n_csv,
          "(head -n 1 docs.csv; grep -iE ',(news|authors|thanks)[^,]*,' docs.csv) | head -n 280"),
        B("cc-bash-npm-view-sade", n_npm_view, "npm view sade --json 2>/dev/null"),
        B("cc-bash-log-grep-v-pugmill", n_app_log,
          "grep -vE 'DEBUG|INFO pugmill.api' pugmill.log | tail -n 240"),
        ("cc-read-py-dacite-types", "Read", {"file_path": f"{da}/dacite/types.py"}, read_ext("python")),
        ("cc-read-py-dacite-tests", "Read", {"file_path": f"{da}/tests/test_types.py", "offset": 100, "limit": 260},
         read_ext("python")),
        ("cc-read-py-beartype-doorabc", "Read", {"file_path": f"{SITE}/beartype/door/_cls/doorabc.py", "offset": 1,
                                              "limit": 600}, read_ext("python")),
        ("cc-grep-beartype-defs", "Grep", {"pattern": r"^def \w+\(", "path": f"{SITE}/beartype/_util", "glob": "*.py",
                                           "output_mode": "content", "-n": True, "head_limit": 130}, n_grep_rn),
        ("cc-grep-dacite-raise", "Grep", {"pattern": r"raise \w+|except \w+|isinstance\(", "path": f"{da}/dacite",
                                          "glob": "*.py", "output_mode": "content", "-n": True,
                                          "head_limit": 140}, n_grep_rn),
        ("cc-glob-beartype-door", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/beartype/door"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-blinker", n_pytest,
          "cd blinker && PYTHONPATH=src python -m pytest -p no:cacheprovider -rA -vv --tb=long tests 2>&1 | tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd blinker", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=short tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-blinker", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise blinker/src blinker/tests "
          "blinker/fettling_signals.py | head -n 600"),
        B("cx-exec-ruff-full-base", n_ruff,
          "cd blinker && ruff check --no-cache --isolated --select ALL --output-format=full "
          "src/blinker/base.py | head -n 560"),
        B("cx-exec-mypy-strict-blinker", n_mypy,
          "cd blinker && mypy --strict src/blinker tests fettling_signals.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-fettling", n_chained, "cd blinker && PYTHONPATH=src python fettling_signals.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd slipcast", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-slipcast", n_eslint, "cd slipcast && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd slipcast", None), Part("npx eslint lib/kiln-plan.js lib/slipcast.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-grogmix", n_cargo_build, "cd grogmix && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd grogmix", None),
           Part("sed -i '/let label: String/d;/idx.push(bin_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-blinker", n_log_p, "cd blinker-git && git log -p | head -n 1000"),
        B("cx-exec-git-blame-base", n_blame, "cd blinker-git && git blame -L 200,460 src/blinker/base.py"),
        B("cx-exec-git-show-head-3", n_show, "cd blinker-git && git show HEAD~3"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd blinker-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-plumbum-ptyprocess", n_tree,
          f"tree -a --noreport {SITE}/plumbum {SITE}/ptyprocess | head -n 380"),
        B("cx-exec-ps-aux-sort-cpu-55", n_ps_aux, "ps aux --sort=-%cpu | head -n 55"),
        B("cx-exec-sqlite-docs-changelog", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE 'changelog%' ORDER BY size DESC, directory ASC LIMIT 300\""),
        B("cx-exec-npm-view-dset", n_npm_view, "npm view dset --json"),
        B("cx-exec-log-grep-v-wedging", n_app_log, "grep -vE 'DEBUG|wedging.db' wedging.log | tail -n 620"),
        B("cx-exec-grep-rn-plumbum-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/plumbum/commands {SITE}/ptyprocess --include=*.py | head -n 300"),
        ("cx-exec-sed-n-ptyprocess", "exec_command",
         {"cmd": f"sed -n '1,260p' {SITE}/ptyprocess/ptyprocess.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{DA} dacite && cp -r {tmp}/dacite-git dacite-git && "
          f"cp -r {tmp}/engobe engobe && cp {tmp}/data/docs.csv {tmp}/data/pugmill.log .", claude_specs, TOOL_PATH,
          add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{BL} blinker && cp -r {tmp}/blinker-git blinker-git && "
          f"cp -r {tmp}/grogmix grogmix && cp {tmp}/data/docs.db {tmp}/data/wedging.log . && mkdir slipcast && "
          f"cp -r {tmp}/slipcast/lib {tmp}/slipcast/spec {tmp}/slipcast/package.json "
          f"{tmp}/slipcast/eslint.config.js {tmp}/slipcast/tsconfig.json slipcast/ && "
          f"ln -s {JS}/node_modules slipcast/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
