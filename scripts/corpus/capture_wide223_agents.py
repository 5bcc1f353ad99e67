"""Round 223, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding munch (broken) and its git
history, the capstan C project, the documentation CSV and the lockkeeper log (its Bash, Read, Grep and Glob tools);
Codex in one holding ordered-set (broken) and its git history, the quillwright project, the whipstaff crate, the
documentation sqlite table and the tidemill log (its exec_command tool). An item's text is the tool result the agent
sent back; its needles come from the extractor of the tool that printed the lines, read on the command's raw output
as round 200 reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read
result without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An
item one of whose needles is on no line of its text is dropped whole. Run through capture_wide223.py."""

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
from capture_wide223 import JS, VENV, add
from capture_wide223_mat import MU, OS
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
    mu = root / "munch"
    return [
        B("cc-bash-pytest-v-munch", n_pytest,
          "cd munch && python -m pytest -p no:cacheprovider -v --tb=short tests 2>&1 | tail -n 260"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd munch", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short --doctest-modules munch tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the munch tests"),
        B("cc-bash-ruff-concise-munch", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise munch/munch munch/tests | head -n 280"),
        B("cc-bash-ruff-full-munch", n_ruff,
          "cd munch && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,PERF,ANN,D --output-format=full "
          "munch 2>&1 | tail -n 240"),
        B("cc-bash-mypy-strict-munch", n_mypy,
          "cd munch && mypy --strict --no-incremental --cache-dir=/dev/null munch tests anchorage_chart.py 2>&1 "
          "| tail -n 150"),
        B("cc-bash-traceback-anchorage-chart", n_chained, "cd munch && python anchorage_chart.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C capstan -k 2>&1 | tail -n 360", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build capstan", before="make -C capstan clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-capstan", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Icapstan/src capstan/src/ledger.c capstan/src/drum_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-munch", n_log_p, "cd munch-git && git log -p | head -n 480"),
        B("cc-bash-git-blame-munch-init", n_blame, "cd munch-git && git blame -L 1,280 munch/__init__.py"),
        B("cc-bash-git-show-init-part", n_show, "cd munch-git && git show ':/^__init__: part 7 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd munch-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-munch", n_ls_lR, f"ls -laR munch capstan/src {SITE}/jinja2 {SITE}/markupsafe"),
        B("cc-bash-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cc-bash-csv-grep-changelogs", n_csv, "(head -n 1 docs.csv; grep -i ',changelog' docs.csv) | head -n 300"),
        B("cc-bash-npm-view-kysely", n_npm_view, "npm view kysely --json 2>/dev/null"),
        B("cc-bash-log-grep-warn-lockkeeper", n_app_log,
          "grep -E 'WARNING|ERROR|INFO lockkeeper.paddle' lockkeeper.log | tail -n 280"),
        ("cc-read-py-munch-init", "Read", {"file_path": f"{mu}/munch/__init__.py"}, read_ext("python")),
        ("cc-read-py-munch-tests", "Read", {"file_path": f"{mu}/tests/test_munch.py", "offset": 120, "limit": 420},
         read_ext("python")),
        ("cc-read-py-jinja2-lexer", "Read", {"file_path": f"{SITE}/jinja2/lexer.py", "offset": 250, "limit": 560},
         read_ext("python")),
        ("cc-grep-munch-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{mu}", "glob": "*.py",
                                        "output_mode": "content", "-n": True, "head_limit": 160}, n_grep_rn),
        ("cc-grep-jinja2-raise", "Grep", {"pattern": r"raise \w+(Error|Exception)\(", "path": f"{SITE}/jinja2",
                                          "glob": "*.py", "output_mode": "content", "-n": True, "head_limit": 90},
         n_grep_rn),
        ("cc-glob-jinja2-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/jinja2"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-ordered-set", n_pytest,
          "cd ordered-set && python -m pytest -p no:cacheprovider -rA -vv ordered_set test 2>&1 | tail -n 500"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd ordered-set", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short ordered_set test", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-ordered-set", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise ordered-set/ordered_set "
          "ordered-set/test | head -n 600"),
        B("cx-exec-ruff-full-ordered-set", n_ruff,
          "cd ordered-set && ruff check --no-cache --isolated --select ALL --output-format=full test | head -n 700"),
        B("cx-exec-mypy-strict-ordered-set", n_mypy,
          "cd ordered-set && mypy --strict --disallow-any-expr ordered_set test rollcall.py 2>&1 | tail -n 300"),
        B("cx-exec-traceback-rollcall", n_chained, "cd ordered-set && python rollcall.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd quillwright", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-quillwright", n_eslint, "cd quillwright && npx eslint lib spec | head -n 400"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd quillwright", None), Part("npx eslint lib/folio-heading.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-whipstaff", n_cargo_build, "cd whipstaff && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd whipstaff", None),
           Part("sed -i '/let label: String/d;/idx.push(helm_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 400", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-ordered-set", n_log_p, "cd ordered-set-git && git log -p --reverse | head -n 1100"),
        B("cx-exec-git-blame-ordered-set", n_blame, "cd ordered-set-git && git blame -w ordered_set/__init__.py"),
        B("cx-exec-git-show-head-4", n_show, "cd ordered-set-git && git show HEAD~4"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd ordered-set-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-pip", n_tree, f"tree -a --noreport {SITE}/pip | head -n 450"),
        B("cx-exec-ps-aux-head-80", n_ps_aux, "ps aux | head -n 80"),
        B("cx-exec-sqlite-docs-largest", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, bytes, modified FROM docs "
          "WHERE file <> 'copyright' AND file NOT LIKE 'changelog%' ORDER BY CAST(bytes AS INTEGER) DESC LIMIT 300\""),
        B("cx-exec-npm-view-zustand", n_npm_view, "npm view zustand --json"),
        B("cx-exec-log-grep-v-debug-tidemill", n_app_log, "grep -v DEBUG tidemill.log | tail -n 650"),
        B("cx-exec-grep-rn-yaml-defs", n_grep_rn, f"grep -rn 'def ' {SITE}/yaml --include=*.py | head -n 260"),
        ("cx-exec-sed-n-ordered-set-init-py", "exec_command",
         {"cmd": "sed -n '1,420p' ordered-set/ordered_set/__init__.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{MU} munch && cp -r {tmp}/munch-git munch-git && "
          f"cp -r {tmp}/capstan capstan && cp {tmp}/data/docs.csv {tmp}/data/lockkeeper.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{OS} ordered-set && cp -r {tmp}/ordered-set-git ordered-set-git && "
          f"cp -r {tmp}/whipstaff whipstaff && cp {tmp}/data/docs.db {tmp}/data/tidemill.log . && mkdir quillwright && "
          f"cp -r {tmp}/quillwright/lib {tmp}/quillwright/spec {tmp}/quillwright/package.json "
          f"{tmp}/quillwright/eslint.config.js {tmp}/quillwright/tsconfig.json quillwright/ && "
          f"ln -s {JS}/node_modules quillwright/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
