"""Round 239, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding addict (broken) and its git
history, the kedge C project, the documentation CSV and the halyard log (its Bash, Read, Grep and Glob tools); Codex
in one holding toposort (broken) and its git history, the ratline project, the yardarm crate, the documentation
sqlite table and the scupper log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's raw output as round 200
reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read result
without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An item one
of whose needles is on no line of its text is dropped whole. Run through capture_wide239.py."""

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
from capture_wide239 import JS, VENV, add
from capture_wide239_mat import AD, TP
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
    ad = root / "addict"
    return [
        B("cc-bash-pytest-v-addict", n_pytest,
          "cd addict && python -m pytest -p no:cacheprovider -v --tb=short test_addict.py 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd addict", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line test_addict.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the addict tests"),
        B("cc-bash-ruff-concise-addict", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise addict/addict addict/test_addict.py "
          "| head -n 220"),
        B("cc-bash-ruff-full-addict", n_ruff,
          "cd addict && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N "
          "--output-format=full addict 2>&1 | tail -n 260"),
        B("cc-bash-mypy-strict-addict", n_mypy,
          "cd addict && mypy --strict --no-incremental --cache-dir=/dev/null addict test_addict.py mooring_plan.py 2>&1 "
          "| tail -n 200"),
        B("cc-bash-traceback-mooring-plan", n_chained, "cd addict && python mooring_plan.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C kedge -k 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build kedge", before="make -C kedge clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-kedge", n_gcc,
          "gcc -Wall -Wextra -Wconversion -fsyntax-only -Ikedge/src kedge/src/ledger.c kedge/src/warp_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-addict", n_log_p, "cd addict-git && git log -p --stat | head -n 520"),
        B("cc-bash-git-blame-addict", n_blame, "cd addict-git && git blame addict/addict.py"),
        B("cc-bash-git-show-test-part", n_show, "cd addict-git && git show ':/^test_addict: part 9 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd addict-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-kedge-md", n_ls_lR, f"ls -laR addict kedge {SITE}/markdown_it {SITE}/mdurl"),
        B("cc-bash-ps-aux-sort-mem-70", n_ps_aux, "ps aux --sort=-%mem | head -n 70"),
        B("cc-bash-csv-grep-readme", n_csv, "(head -n 1 docs.csv; grep -iE ',(readme|news)' docs.csv) | head -n 320"),
        B("cc-bash-npm-view-ky", n_npm_view, "npm view ky --json 2>/dev/null"),
        B("cc-bash-log-grep-halyard", n_app_log,
          "grep -E 'WARNING|ERROR|INFO halyard.winch' halyard.log | tail -n 300"),
        ("cc-read-py-addict", "Read", {"file_path": f"{ad}/addict/addict.py"}, read_ext("python")),
        ("cc-read-py-addict-tests", "Read", {"file_path": f"{ad}/test_addict.py", "offset": 180, "limit": 380},
         read_ext("python")),
        ("cc-read-py-markdown-it-state-block", "Read",
         {"file_path": f"{SITE}/markdown_it/rules_block/state_block.py"}, read_ext("python")),
        ("cc-grep-addict-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{ad}", "glob": "*.py",
                                         "output_mode": "content", "-n": True, "head_limit": 180}, n_grep_rn),
        ("cc-grep-markdown-it-state", "Grep", {"pattern": r"state\.(push|md)\b", "path": f"{SITE}/markdown_it",
                                               "glob": "*.py", "output_mode": "content", "-n": True,
                                               "head_limit": 110}, n_grep_rn),
        ("cc-glob-markdown-it-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/markdown_it"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-toposort", n_pytest,
          "cd toposort && PYTHONPATH=src python -m pytest -p no:cacheprovider -rA -vv --tb=long test 2>&1 | tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd toposort", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=short test", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-toposort", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise toposort/src toposort/test "
          "| head -n 600"),
        B("cx-exec-ruff-full-toposort", n_ruff,
          "cd toposort && ruff check --no-cache --isolated --select ALL --output-format=full src test | head -n 700"),
        B("cx-exec-mypy-strict-toposort", n_mypy,
          "cd toposort && MYPYPATH=src mypy --strict --disallow-any-expr src test shipwright_order.py 2>&1 | tail -n 300"),
        B("cx-exec-traceback-shipwright-order", n_chained, "cd toposort && PYTHONPATH=src python shipwright_order.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd ratline", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-ratline", n_eslint, "cd ratline && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd ratline", None), Part("npx eslint lib/passage-plan.js lib/ratline.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-yardarm", n_cargo_build, "cd yardarm && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd yardarm", None),
           Part("sed -i '/let label: String/d;/idx.push(yard_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 450", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-toposort", n_log_p, "cd toposort-git && git log -p | head -n 1200"),
        B("cx-exec-git-blame-toposort-tests", n_blame, "cd toposort-git && git blame test/test_toposort.py"),
        B("cx-exec-git-show-head-3", n_show, "cd toposort-git && git show HEAD~3"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd toposort-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-tomlkit", n_tree, f"tree -a --noreport {SITE}/tomlkit {SITE}/pygments | head -n 500"),
        B("cx-exec-ps-aux-head-90", n_ps_aux, "ps aux | head -n 90"),
        B("cx-exec-sqlite-docs-newest", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, bytes, modified FROM docs "
          "WHERE file <> 'copyright' ORDER BY modified DESC, CAST(bytes AS INTEGER) DESC LIMIT 280\""),
        B("cx-exec-npm-view-preact", n_npm_view, "npm view preact --json"),
        B("cx-exec-log-grep-v-debug-scupper", n_app_log, "grep -v DEBUG scupper.log | tail -n 700"),
        B("cx-exec-grep-rn-tomlkit-defs", n_grep_rn, f"grep -rn 'def ' {SITE}/tomlkit --include=*.py | head -n 300"),
        ("cx-exec-sed-n-tomlkit-items-py", "exec_command",
         {"cmd": f"sed -n '1,520p' {SITE}/tomlkit/items.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{AD} addict && cp -r {tmp}/addict-git addict-git && "
          f"cp -r {tmp}/kedge kedge && cp {tmp}/data/docs.csv {tmp}/data/halyard.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{TP} toposort && cp -r {tmp}/toposort-git toposort-git && "
          f"cp -r {tmp}/yardarm yardarm && cp {tmp}/data/docs.db {tmp}/data/scupper.log . && mkdir ratline && "
          f"cp -r {tmp}/ratline/lib {tmp}/ratline/spec {tmp}/ratline/package.json "
          f"{tmp}/ratline/eslint.config.js {tmp}/ratline/tsconfig.json ratline/ && "
          f"ln -s {JS}/node_modules ratline/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
