"""Round 281, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding dictdiffer (broken) and its git
history, the bollard C project, the documentation CSV and the fairlead log (its Bash, Read, Grep and Glob tools); Codex
in one holding funcy (broken) and its git history, the davit project, the dunnage crate, the documentation sqlite
table and the cleat log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's raw output as round 200
reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read result
without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An item one
of whose needles is on no line of its text is dropped whole. Run through capture_wide281.py."""

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
from capture_wide281 import JS, VENV, add
from capture_wide281_mat import ISO, PT
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
    inf = root / "dictdiffer"
    return [
        B("cc-bash-pytest-v-dictdiffer", n_pytest,
          "cd dictdiffer && python -m pytest -p no:cacheprovider -v --tb=short tests 2>&1 | tail -n 320"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd dictdiffer", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the dictdiffer tests"),
        B("cc-bash-ruff-concise-dictdiffer", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise dictdiffer/dictdiffer "
          "dictdiffer/bollard_plan.py dictdiffer/tests/test_merge.py | head -n 200"),
        B("cc-bash-ruff-full-dictdiffer", n_ruff,
          "cd dictdiffer && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,PT,S "
          "--output-format=full dictdiffer 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-dictdiffer", n_mypy,
          "cd dictdiffer && mypy --strict --no-incremental --cache-dir=/dev/null dictdiffer "
          "bollard_plan.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-bollard-plan", n_chained, "cd dictdiffer && python bollard_plan.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C bollard -k 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build bollard", before="make -C bollard clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-bollard", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ibollard/src bollard/src/ledger.c "
          "bollard/src/mooring_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-dictdiffer", n_log_p, "cd dictdiffer-git && git log -p --stat | head -n 650"),
        B("cc-bash-git-blame-dictdiffer", n_blame, "cd dictdiffer-git && git blame -L 120,370 dictdiffer/__init__.py"),
        B("cc-bash-git-show-dictdiffer-part", n_show, "cd dictdiffer-git && git show ':/^__init__: part 6 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd dictdiffer-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-bollard-deepdiff", n_ls_lR, f"ls -laR dictdiffer bollard {SITE}/deepdiff"),
        B("cc-bash-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cc-bash-csv-grep-changelog", n_csv, "(head -n 1 docs.csv; grep -iE ',(changelog|readme)[^,]*,' docs.csv) | head -n 300"),
        B("cc-bash-npm-view-dequal", n_npm_view, "npm view dequal --json 2>/dev/null"),
        B("cc-bash-log-grep-v-fairlead", n_app_log,
          "grep -vE 'DEBUG|INFO fairlead.store' fairlead.log | tail -n 300"),
        ("cc-read-py-dictdiffer-init", "Read", {"file_path": f"{inf}/dictdiffer/__init__.py"}, read_ext("python")),
        ("cc-read-py-dictdiffer-tests", "Read", {"file_path": f"{inf}/tests/test_dictdiffer.py", "offset": 280, "limit": 200},
         read_ext("python")),
        ("cc-read-py-deepdiff-diff", "Read", {"file_path": f"{SITE}/deepdiff/diff.py", "offset": 1, "limit": 600},
         read_ext("python")),
        ("cc-grep-deepdiff-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{SITE}/deepdiff", "glob": "*.py",
                                          "output_mode": "content", "-n": True, "head_limit": 90}, n_grep_rn),
        ("cc-grep-dictdiffer-isinstance", "Grep", {"pattern": r"isinstance\(", "path": f"{inf}/dictdiffer",
                                               "glob": "*.py", "output_mode": "content", "-n": True,
                                               "head_limit": 90}, n_grep_rn),
        ("cc-glob-deepdiff-all", "Glob", {"pattern": "**/*", "path": f"{SITE}/deepdiff"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-funcy", n_pytest,
          "cd funcy && python -m pytest -p no:cacheprovider -rA -vv --tb=long tests/test_seqs.py tests/test_colls.py 2>&1 | tail -n 700"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd funcy", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-funcy", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise funcy/funcy/seqs.py "
          "funcy/cleat_report.py funcy/tests/test_seqs.py | head -n 700"),
        B("cx-exec-ruff-full-funcy", n_ruff,
          "cd funcy && ruff check --no-cache --isolated --select ALL --output-format=full funcy/colls.py | head -n 650"),
        B("cx-exec-mypy-strict-funcy", n_mypy,
          "cd funcy && mypy --strict funcy/seqs.py cleat_report.py 2>&1 | tail -n 300"),
        B("cx-exec-traceback-cleat-report", n_chained, "cd funcy && python cleat_report.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd davit", None), Part("node --test spec/ 2>&1 | tail -n 700", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-davit", n_eslint, "cd davit && npx eslint lib spec | head -n 600"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd davit", None), Part("npx eslint lib/launch-plan.js lib/davit.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-dunnage", n_cargo_build, "cd dunnage && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd dunnage", None),
           Part("sed -i '/let label: String/d;/idx.push(stack_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 500", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-funcy", n_log_p, "cd funcy-git && git log -p | head -n 1200"),
        B("cx-exec-git-blame-funcy", n_blame, "cd funcy-git && git blame -L 150,480 funcy/seqs.py"),
        B("cx-exec-git-show-head-4", n_show, "cd funcy-git && git show HEAD~4"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd funcy-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-mistune-croniter", n_tree,
          f"tree -a --noreport {SITE}/mistune {SITE}/croniter | head -n 500"),
        B("cx-exec-ps-aux-sort-rss-55", n_ps_aux, "ps aux --sort=-rss | head -n 55"),
        B("cx-exec-sqlite-docs-largest", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs ORDER BY size DESC, modified ASC LIMIT 260\""),
        B("cx-exec-npm-view-kleur", n_npm_view, "npm view kleur --json"),
        B("cx-exec-log-grep-v-cleat", n_app_log, "grep -vE 'DEBUG|cleat.db' cleat.log | tail -n 650"),
        B("cx-exec-grep-rn-mistune-def", n_grep_rn,
          f"grep -rn 'def ' {SITE}/mistune {SITE}/croniter --include=*.py | head -n 300"),
        ("cx-exec-sed-n-mistune-inline-parser", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/mistune/inline_parser.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{ISO} dictdiffer && cp -r {tmp}/dictdiffer-git dictdiffer-git && "
          f"cp -r {tmp}/bollard bollard && cp {tmp}/data/docs.csv {tmp}/data/fairlead.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PT} funcy && cp -r {tmp}/funcy-git funcy-git && "
          f"cp -r {tmp}/dunnage dunnage && cp {tmp}/data/docs.db {tmp}/data/cleat.log . && mkdir davit && "
          f"cp -r {tmp}/davit/lib {tmp}/davit/spec {tmp}/davit/package.json "
          f"{tmp}/davit/eslint.config.js {tmp}/davit/tsconfig.json davit/ && "
          f"ln -s {JS}/node_modules davit/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
