"""Round 242, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding isodate (broken) and its git
history, the gammon C project, the documentation CSV and the jackstay log (its Bash, Read, Grep and Glob tools); Codex
in one holding pytimeparse (broken) and its git history, the thole project, the stemson crate, the documentation
sqlite table and the oarlock log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's raw output as round 200
reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read result
without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An item one
of whose needles is on no line of its text is dropped whole. Run through capture_wide242.py."""

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
from capture_wide242 import JS, VENV, add
from capture_wide242_mat import ISO, PT
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
    iso = root / "isodate"
    return [
        B("cc-bash-pytest-v-isodate", n_pytest,
          "cd isodate && PYTHONPATH=src python -m pytest -p no:cacheprovider -v --tb=short tests 2>&1 | tail -n 190"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd isodate", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the isodate tests"),
        B("cc-bash-ruff-concise-isodate", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise isodate/src isodate/tests "
          "| head -n 230"),
        B("cc-bash-ruff-full-isodate", n_ruff,
          "cd isodate && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N "
          "--output-format=full src/isodate 2>&1 | tail -n 260"),
        B("cc-bash-mypy-strict-isodate", n_mypy,
          "cd isodate && MYPYPATH=src mypy --strict --no-incremental --cache-dir=/dev/null src/isodate tests "
          "gangway_rota.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-gangway-rota", n_chained, "cd isodate && PYTHONPATH=src python gangway_rota.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C gammon -k 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build gammon", before="make -C gammon clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-gammon", n_gcc,
          "gcc -Wall -Wextra -Wconversion -fsyntax-only -Igammon/src gammon/src/ledger.c gammon/src/rowl_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-isodate", n_log_p, "cd isodate-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-isodate", n_blame, "cd isodate-git && git blame src/isodate/duration.py"),
        B("cc-bash-git-show-duration-part", n_show, "cd isodate-git && git show ':/^test_duration: part 7 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd isodate-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-gammon-its", n_ls_lR, f"ls -laR isodate gammon {SITE}/itsdangerous"),
        B("cc-bash-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cc-bash-csv-grep-changelog", n_csv, "(head -n 1 docs.csv; grep -iE ',(changelog|authors)' docs.csv) | head -n 300"),
        B("cc-bash-npm-view-dayjs", n_npm_view, "npm view dayjs --json 2>/dev/null | head -c 22000"),
        B("cc-bash-log-grep-jackstay", n_app_log,
          "grep -E 'WARNING|ERROR|INFO jackstay.api' jackstay.log | tail -n 280"),
        ("cc-read-py-isodate-duration", "Read", {"file_path": f"{iso}/src/isodate/duration.py"}, read_ext("python")),
        ("cc-read-py-isodate-tests", "Read", {"file_path": f"{iso}/tests/test_duration.py", "offset": 120, "limit": 300},
         read_ext("python")),
        ("cc-read-py-itsdangerous-signer", "Read", {"file_path": f"{SITE}/itsdangerous/signer.py"}, read_ext("python")),
        ("cc-grep-isodate-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{iso}", "glob": "*.py",
                                          "output_mode": "content", "-n": True, "head_limit": 180}, n_grep_rn),
        ("cc-grep-itsdangerous-self", "Grep", {"pattern": r"self\.\w+\(", "path": f"{SITE}/itsdangerous",
                                               "glob": "*.py", "output_mode": "content", "-n": True,
                                               "head_limit": 120}, n_grep_rn),
        ("cc-glob-mypy-typeshed-pyi", "Glob", {"pattern": "**/*.pyi", "path": f"{SITE}/mypy/typeshed/stdlib"},
         n_claude_glob),
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
        B("cx-exec-pytest-rA-pytimeparse", n_pytest,
          "cd pytimeparse && python -m pytest -p no:cacheprovider -rA -vv --tb=long pytimeparse/tests/testtimeparse.py 2>&1 | tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pytimeparse", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short pytimeparse/tests/testtimeparse.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-pytimeparse", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pytimeparse/pytimeparse "
          "pytimeparse/watchkeeper.py | head -n 600"),
        B("cx-exec-ruff-full-pytimeparse", n_ruff,
          "cd pytimeparse && ruff check --no-cache --isolated --select ALL --output-format=full pytimeparse | head -n 700"),
        B("cx-exec-mypy-strict-pytimeparse", n_mypy,
          "cd pytimeparse && mypy --strict --disallow-any-expr pytimeparse watchkeeper.py 2>&1 | tail -n 300"),
        B("cx-exec-traceback-watchkeeper", n_chained, "cd pytimeparse && python watchkeeper.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd thole", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-thole", n_eslint, "cd thole && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd thole", None), Part("npx eslint lib/outing-plan.js lib/thole.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-stemson", n_cargo_build, "cd stemson && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd stemson", None),
           Part("sed -i '/let label: String/d;/idx.push(joint_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 450", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-pytimeparse", n_log_p, "cd pytimeparse-git && git log -p | head -n 1100"),
        B("cx-exec-git-blame-pytimeparse-tests", n_blame, "cd pytimeparse-git && git blame pytimeparse/tests/testtimeparse.py"),
        B("cx-exec-git-show-head-4", n_show, "cd pytimeparse-git && git show HEAD~4"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pytimeparse-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-sqlparse-pyparsing", n_tree, f"tree -a --noreport {SITE}/sqlparse {SITE}/pyparsing | head -n 500"),
        B("cx-exec-ps-aux-head-80", n_ps_aux, "ps aux | head -n 80"),
        B("cx-exec-sqlite-docs-largest", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, bytes, modified FROM docs "
          "WHERE file NOT LIKE '%.gz' ORDER BY CAST(bytes AS INTEGER) DESC LIMIT 260\""),
        B("cx-exec-npm-view-nanoid", n_npm_view, "npm view nanoid --json"),
        B("cx-exec-log-grep-v-debug-oarlock", n_app_log, "grep -v DEBUG oarlock.log | tail -n 650"),
        B("cx-exec-grep-rn-sqlparse-defs", n_grep_rn, f"grep -rn 'def ' {SITE}/sqlparse --include=*.py | head -n 300"),
        ("cx-exec-sed-n-pyparsing-helpers-py", "exec_command",
         {"cmd": f"sed -n '1,480p' {SITE}/pyparsing/helpers.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{ISO} isodate && cp -r {tmp}/isodate-git isodate-git && "
          f"cp -r {tmp}/gammon gammon && cp {tmp}/data/docs.csv {tmp}/data/jackstay.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PT} pytimeparse && cp -r {tmp}/pytimeparse-git pytimeparse-git && "
          f"cp -r {tmp}/stemson stemson && cp {tmp}/data/docs.db {tmp}/data/oarlock.log . && mkdir thole && "
          f"cp -r {tmp}/thole/lib {tmp}/thole/spec {tmp}/thole/package.json "
          f"{tmp}/thole/eslint.config.js {tmp}/thole/tsconfig.json thole/ && "
          f"ln -s {JS}/node_modules thole/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
