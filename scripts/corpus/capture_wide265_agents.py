"""Round 265, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding cachetools (broken) and its git
history, the bulwark C project, the documentation CSV and the derrick log (its Bash, Read, Grep and Glob tools); Codex
in one holding jsonpointer (broken) and its git history, the gunwale project, the lanyard crate, the documentation
sqlite table and the grommet log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's raw output as round 200
reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read result
without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An item one
of whose needles is on no line of its text is dropped whole. Run through capture_wide265.py."""

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
from capture_wide265 import JS, VENV, add
from capture_wide265_mat import ISO, PT
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
    ct = root / "cachetools"
    return [
        B("cc-bash-pytest-v-cachetools", n_pytest,
          "cd cachetools && PYTHONPATH=src python -m pytest -p no:cacheprovider -v --tb=short tests 2>&1 | tail -n 260"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd cachetools", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the cachetools tests"),
        B("cc-bash-ruff-concise-cachetools", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise cachetools/src/cachetools "
          "cachetools/berth_cache.py | head -n 190"),
        B("cc-bash-ruff-full-cachetools", n_ruff,
          "cd cachetools && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,PT,S "
          "--output-format=full src/cachetools 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-cachetools", n_mypy,
          "cd cachetools && MYPYPATH=src mypy --strict --no-incremental --cache-dir=/dev/null -p cachetools "
          "2>&1 | tail -n 200"),
        B("cc-bash-traceback-berth-cache", n_chained, "cd cachetools && PYTHONPATH=src python berth_cache.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C bulwark -k 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build bulwark", before="make -C bulwark clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-bulwark", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ibulwark/src bulwark/src/ledger.c "
          "bulwark/src/stanchion_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-cachetools", n_log_p, "cd cachetools-git && git log -p --stat | head -n 600"),
        B("cc-bash-git-blame-cachetools", n_blame, "cd cachetools-git && git blame -L 1,250 src/cachetools/__init__.py"),
        B("cc-bash-git-show-cachetools-part", n_show, "cd cachetools-git && git show ':/^__init__: part 7 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd cachetools-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-bulwark-charset", n_ls_lR, f"ls -laR cachetools bulwark {SITE}/charset_normalizer"),
        B("cc-bash-ps-aux-sort-rss-80", n_ps_aux, "ps aux --sort=-rss | head -n 80"),
        B("cc-bash-csv-grep-changelog", n_csv, "(head -n 1 docs.csv; grep -iE ',(changelog|readme)' docs.csv) | head -n 240"),
        B("cc-bash-npm-view-fastest-levenshtein", n_npm_view, "npm view fastest-levenshtein --json 2>/dev/null"),
        B("cc-bash-log-grep-v-derrick", n_app_log,
          "grep -vE 'DEBUG|INFO derrick.ledger' derrick.log | tail -n 260"),
        ("cc-read-py-cachetools-init", "Read", {"file_path": f"{ct}/src/cachetools/__init__.py", "offset": 1, "limit": 420},
         read_ext("python")),
        ("cc-read-py-cachetools-tests", "Read", {"file_path": f"{ct}/tests/__init__.py", "offset": 40, "limit": 300},
         read_ext("python")),
        ("cc-read-py-charset-cd", "Read", {"file_path": f"{SITE}/charset_normalizer/cd.py"}, read_ext("python")),
        ("cc-grep-charset-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{SITE}/charset_normalizer", "glob": "*.py",
                                          "output_mode": "content", "-n": True, "head_limit": 120}, n_grep_rn),
        ("cc-grep-cachetools-return", "Grep", {"pattern": r"return ", "path": f"{ct}/src/cachetools",
                                               "glob": "*.py", "output_mode": "content", "-n": True,
                                               "head_limit": 90}, n_grep_rn),
        ("cc-glob-charset-all", "Glob", {"pattern": "**/*", "path": f"{SITE}/charset_normalizer"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-jsonpointer", n_pytest,
          "cd jsonpointer && python -m pytest -p no:cacheprovider -rA -vv --tb=long tests.py 2>&1 | tail -n 700"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd jsonpointer", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short tests.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-jsonpointer", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise jsonpointer/jsonpointer.py "
          "jsonpointer/hawser_locker.py jsonpointer/tests.py | head -n 700"),
        B("cx-exec-ruff-full-jsonpointer", n_ruff,
          "cd jsonpointer && ruff check --no-cache --isolated --select ALL --output-format=full jsonpointer.py | head -n 650"),
        B("cx-exec-mypy-strict-jsonpointer", n_mypy,
          "cd jsonpointer && mypy --strict jsonpointer.py hawser_locker.py 2>&1 | tail -n 300"),
        B("cx-exec-traceback-hawser-locker", n_chained, "cd jsonpointer && python hawser_locker.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd gunwale", None), Part("node --test spec/ 2>&1 | tail -n 700", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-gunwale", n_eslint, "cd gunwale && npx eslint lib spec | head -n 600"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd gunwale", None), Part("npx eslint lib/launch-plan.js lib/gunwale.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-lanyard", n_cargo_build, "cd lanyard && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd lanyard", None),
           Part("sed -i '/let label: String/d;/idx.push(deadeye_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 500", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-jsonpointer", n_log_p, "cd jsonpointer-git && git log -p | head -n 1300"),
        B("cx-exec-git-blame-jsonpointer", n_blame, "cd jsonpointer-git && git blame jsonpointer.py"),
        B("cx-exec-git-show-head-4", n_show, "cd jsonpointer-git && git show HEAD~4"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd jsonpointer-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-lark-markdown-it", n_tree, f"tree -a --noreport {SITE}/lark {SITE}/markdown_it | head -n 500"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-docs-large", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs ORDER BY size DESC LIMIT 260\""),
        B("cx-exec-npm-view-kolorist", n_npm_view, "npm view kolorist --json"),
        B("cx-exec-log-grep-v-grommet", n_app_log, "grep -vE 'DEBUG|grommet.db' grommet.log | tail -n 700"),
        B("cx-exec-grep-rn-lark-raise", n_grep_rn, f"grep -rn 'raise ' {SITE}/lark --include=*.py | head -n 320"),
        ("cx-exec-sed-n-markdown-it-main-py", "exec_command",
         {"cmd": f"sed -n '1,380p' {SITE}/markdown_it/main.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{ISO} cachetools && cp -r {tmp}/cachetools-git cachetools-git && "
          f"cp -r {tmp}/bulwark bulwark && cp {tmp}/data/docs.csv {tmp}/data/derrick.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PT} jsonpointer && cp -r {tmp}/jsonpointer-git jsonpointer-git && "
          f"cp -r {tmp}/lanyard lanyard && cp {tmp}/data/docs.db {tmp}/data/grommet.log . && mkdir gunwale && "
          f"cp -r {tmp}/gunwale/lib {tmp}/gunwale/spec {tmp}/gunwale/package.json "
          f"{tmp}/gunwale/eslint.config.js {tmp}/gunwale/tsconfig.json gunwale/ && "
          f"ln -s {JS}/node_modules gunwale/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
