"""Round 342, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (capture_agents.drive:
tests/e2e/agent_harness.py's AgentRun, a stub Script of ToolCallSteps, the launcher started with --no-compress so that
the stub records every tool result exactly as the agent wrote it and nothing compressed is ever seen). Claude Code
works in a directory holding pyhumps (broken) and its git history, the ridges C project, the documentation CSV and
the reedbed log (its Bash, Read, Grep and Glob tools); Codex in one holding strsimpy (broken) and its git history,
the eaves project, the liggers crate, the documentation sqlite table and the wadding log (its exec_command tool). An
item's text is the tool result the agent sent back; its needles come from the extractor of the tool that printed the
lines, imported, read on the command's raw output as rounds 307, 315 and 325 read it (capture_agents: a Bash result
as it is, a Codex result after its `Output:` header line, a Read result without its line-number gutter; a chain's from
each part's own, the parts run again outside the agent). An item one of whose needles is on no line of its text is
dropped whole. Run through capture_wide342.py."""

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
from capture_wide342 import JS, VENV, add
from capture_wide342_mat import HU, SS

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    hu = root / "pyhumps"
    return [
        B("cc-bash-pytest-v-pyhumps", n_pytest,
          "cd pyhumps && python -m pytest -p no:cacheprovider -v --tb=short tests 2>&1 | tail -n 420"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pyhumps", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line tests/test_humps.py tests/test_kebabize.py",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the pyhumps tests"),
        B("cc-bash-ruff-concise-pyhumps", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pyhumps/humps pyhumps/tests "
          "pyhumps/yealm_keys.py | head -n 280"),
        B("cc-bash-ruff-full-humps-main", n_ruff,
          "cd pyhumps && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,S,RET,PT "
          "--output-format=full humps/main.py yealm_keys.py 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-pyhumps", n_mypy,
          "cd pyhumps && mypy --strict --no-incremental --cache-dir=/dev/null tests yealm_keys.py 2>&1 "
          "| tail -n 220"),
        B("cc-bash-traceback-yealm", n_chained, "cd pyhumps && python yealm_keys.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C ridges -k 2>&1 | tail -n 420", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build ridges", before="make -C ridges clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-ridges", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iridges/src ridges/src/coat.c "
          "ridges/src/spars_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-pyhumps", n_log_p, "cd pyhumps-git && git log -p --stat | head -n 700"),
        B("cc-bash-git-blame-humps-main", n_blame, "cd pyhumps-git && git blame -L 40,200 humps/main.py"),
        B("cc-bash-git-show-main-part", n_show, "cd pyhumps-git && git show ':/^main: part 3 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pyhumps-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-ridges-pyhumps", n_ls_lR, "ls -laR ridges pyhumps/humps pyhumps/tests"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-grep-copyright", n_csv,
          "(head -n 1 docs.csv; grep -iE ',(readme|todo|thanks)[^,]*,' docs.csv) | head -n 300"),
        B("cc-bash-npm-view-destr", n_npm_view, "npm view destr --json 2>/dev/null"),
        B("cc-bash-log-grep-v-reedbed", n_app_log,
          "grep -vE 'DEBUG|INFO reedbed.api' reedbed.log | tail -n 260"),
        ("cc-read-py-humps-main", "Read", {"file_path": f"{hu}/humps/main.py"}, read_ext("python")),
        ("cc-read-py-humps-tests", "Read", {"file_path": f"{hu}/tests/test_humps.py"}, read_ext("python")),
        ("cc-read-py-quantiphy-part", "Read", {"file_path": f"{SITE}/quantiphy/quantiphy.py", "offset": 1200,
                                               "limit": 620}, read_ext("python")),
        ("cc-grep-quantiphy-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+", "path": f"{SITE}/quantiphy",
                                            "glob": "*.py", "output_mode": "content", "-n": True,
                                            "head_limit": 120}, n_grep_rn),
        ("cc-grep-humps-re", "Grep", {"pattern": r"_RE\b|def \w+", "path": f"{hu}/humps", "glob": "*.py",
                                      "output_mode": "content", "-n": True, "head_limit": 140}, n_grep_rn),
        ("cc-glob-strsimpy", "Glob", {"pattern": "**/*.py*", "path": f"{SITE}/strsimpy"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-strsimpy", n_pytest,
          "cd strsimpy && python -m pytest -p no:cacheprovider -rA -vv --tb=long strsimpy 2>&1 | tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd strsimpy", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short strsimpy -k 'levenshtein or jaro'",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-strsimpy", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise strsimpy/strsimpy "
          "strsimpy/leggett_match.py | head -n 600"),
        B("cx-exec-ruff-full-sift4", n_ruff,
          "cd strsimpy && ruff check --no-cache --isolated --select ALL --output-format=full "
          "strsimpy/sift4.py strsimpy/weighted_levenshtein.py setup.py | head -n 560"),
        B("cx-exec-mypy-strict-strsimpy", n_mypy,
          "cd strsimpy && mypy --strict strsimpy leggett_match.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-leggett", n_chained, "cd strsimpy && python leggett_match.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd eaves", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-eaves", n_eslint, "cd eaves && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd eaves", None), Part("npx eslint lib/ridge-plan.js lib/eaves.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-liggers", n_cargo_build, "cd liggers && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd liggers", None),
           Part("sed -i '/let label: String/d;/idx.push(ridge_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-strsimpy", n_log_p, "cd strsimpy-git && git log -p | head -n 1000"),
        B("cx-exec-git-blame-sift4", n_blame, "cd strsimpy-git && git blame strsimpy/sift4.py"),
        B("cx-exec-git-show-head-4", n_show, "cd strsimpy-git && git show HEAD~4"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd strsimpy-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-multipledispatch", n_tree,
          f"tree -a --noreport {SITE}/multipledispatch {SITE}/multipledispatch-1.0.0.dist-info {SITE}/mergedeep "
          f"{SITE}/mergedeep-1.3.4.dist-info {SITE}/word2number {SITE}/word2number-1.1.dist-info | head -n 380"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-docs-readme", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE 'readme%' ORDER BY size DESC, directory ASC LIMIT 280\""),
        B("cx-exec-npm-view-pathe", n_npm_view, "npm view pathe --json"),
        B("cx-exec-log-grep-v-wadding", n_app_log, "grep -vE 'DEBUG|wadding.db' wadding.log | tail -n 600"),
        B("cx-exec-grep-rn-multipledispatch-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/multipledispatch {SITE}/mergedeep {SITE}/word2number --include=*.py "
          "| head -n 300"),
        ("cx-exec-sed-n-dispatcher", "exec_command",
         {"cmd": f"sed -n '1,300p' {SITE}/multipledispatch/dispatcher.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{HU} pyhumps && cp -r {tmp}/pyhumps-git pyhumps-git && "
          f"cp -r {tmp}/ridges ridges && cp {tmp}/data/docs.csv {tmp}/data/reedbed.log .", claude_specs,
          TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{SS} strsimpy && cp -r {tmp}/strsimpy-git strsimpy-git && "
          f"cp -r {tmp}/liggers liggers && cp {tmp}/data/docs.db {tmp}/data/wadding.log . && mkdir eaves && "
          f"cp -r {tmp}/eaves/lib {tmp}/eaves/spec {tmp}/eaves/package.json "
          f"{tmp}/eaves/eslint.config.js {tmp}/eaves/tsconfig.json eaves/ && "
          f"ln -s {JS}/node_modules eaves/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
