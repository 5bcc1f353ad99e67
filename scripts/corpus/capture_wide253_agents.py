"""Round 253, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding iso8601 (broken) and its git
history, the keelson C project, the documentation CSV and the capstay log (its Bash, Read, Grep and Glob tools); Codex
in one holding xmltodict (broken) and its git history, the painter project, the scuttle crate, the documentation
sqlite table and the taffrail log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's raw output as round 200
reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read result
without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An item one
of whose needles is on no line of its text is dropped whole. Run through capture_wide253.py."""

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
from capture_wide253 import JS, VENV, add
from capture_wide253_mat import ISO, PT
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
    iso = root / "iso8601"
    return [
        B("cc-bash-pytest-v-iso8601", n_pytest,
          "cd iso8601 && python -m pytest -p no:cacheprovider -v --tb=short iso8601 2>&1 | tail -n 170"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd iso8601", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line iso8601", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the iso8601 tests"),
        B("cc-bash-ruff-concise-iso8601", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise iso8601/iso8601 "
          "iso8601/drydock_schedule.py | head -n 220"),
        B("cc-bash-ruff-full-iso8601", n_ruff,
          "cd iso8601 && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,PT,S "
          "--output-format=full iso8601 2>&1 | tail -n 240"),
        B("cc-bash-mypy-strict-iso8601", n_mypy,
          "cd iso8601 && mypy --strict --no-incremental --cache-dir=/dev/null --disallow-any-expr iso8601 "
          "drydock_schedule.py 2>&1 | tail -n 180"),
        B("cc-bash-traceback-drydock-schedule", n_chained, "cd iso8601 && python drydock_schedule.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C keelson -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build keelson", before="make -C keelson clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-keelson", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ikeelson/src keelson/src/ledger.c "
          "keelson/src/frame_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-iso8601", n_log_p, "cd iso8601-git && git log -p --stat | head -n 520"),
        B("cc-bash-git-blame-iso8601", n_blame, "cd iso8601-git && git blame iso8601/test_iso8601.py"),
        B("cc-bash-git-show-iso8601-part", n_show, "cd iso8601-git && git show ':/^iso8601: part 9 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd iso8601-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-keelson-jmespath", n_ls_lR, f"ls -laR iso8601 keelson {SITE}/jmespath"),
        B("cc-bash-ps-aux-sort-rss-70", n_ps_aux, "ps aux --sort=-rss | head -n 70"),
        B("cc-bash-csv-grep-copyright", n_csv, "(head -n 1 docs.csv; grep -iE ',(copyright|todo)' docs.csv) | head -n 200"),
        B("cc-bash-npm-view-bluebird", n_npm_view, "npm view bluebird --json 2>/dev/null"),
        B("cc-bash-log-grep-v-capstay", n_app_log,
          "grep -vE 'DEBUG|INFO capstay.ledger' capstay.log | tail -n 230"),
        ("cc-read-py-iso8601-module", "Read", {"file_path": f"{iso}/iso8601/iso8601.py"}, read_ext("python")),
        ("cc-read-py-iso8601-tests", "Read", {"file_path": f"{iso}/iso8601/test_iso8601.py", "offset": 30, "limit": 230},
         read_ext("python")),
        ("cc-read-py-jmespath-lexer", "Read", {"file_path": f"{SITE}/jmespath/lexer.py"}, read_ext("python")),
        ("cc-grep-jmespath-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{SITE}/jmespath", "glob": "*.py",
                                           "output_mode": "content", "-n": True, "head_limit": 95}, n_grep_rn),
        ("cc-grep-mypy-raise", "Grep", {"pattern": r"raise \w+Error\(", "path": f"{SITE}/mypy",
                                        "glob": "*.py", "output_mode": "content", "-n": True,
                                        "head_limit": 110}, n_grep_rn),
        ("cc-glob-mypy-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/mypy"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-xmltodict", n_pytest,
          "cd xmltodict && python -m pytest -p no:cacheprovider -rA -vv --tb=long tests 2>&1 | tail -n 650"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd xmltodict", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-xmltodict", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise xmltodict/xmltodict.py "
          "xmltodict/victualling.py xmltodict/tests | head -n 650"),
        B("cx-exec-ruff-full-xmltodict", n_ruff,
          "cd xmltodict && ruff check --no-cache --isolated --select ALL --output-format=full xmltodict.py | head -n 700"),
        B("cx-exec-mypy-strict-xmltodict", n_mypy,
          "cd xmltodict && mypy --strict xmltodict.py victualling.py 2>&1 | tail -n 300"),
        B("cx-exec-traceback-victualling", n_chained, "cd xmltodict && python victualling.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd painter", None), Part("node --test spec/ 2>&1 | tail -n 650", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-painter", n_eslint, "cd painter && npx eslint lib spec | head -n 550"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd painter", None), Part("npx eslint lib/launch-plan.js lib/painter.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-scuttle", n_cargo_build, "cd scuttle && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd scuttle", None),
           Part("sed -i '/let label: String/d;/idx.push(butt_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 450", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-xmltodict", n_log_p, "cd xmltodict-git && git log -p | head -n 1200"),
        B("cx-exec-git-blame-xmltodict", n_blame, "cd xmltodict-git && git blame xmltodict.py"),
        B("cx-exec-git-show-head-3", n_show, "cd xmltodict-git && git show HEAD~3"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd xmltodict-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-tomli-urllib3", n_tree, f"tree -a --noreport {SITE}/tomli {SITE}/urllib3 | head -n 500"),
        B("cx-exec-ps-aux-sort-cpu-70", n_ps_aux, "ps aux --sort=-%cpu | head -n 70"),
        B("cx-exec-sqlite-docs-by-dir", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, COUNT(*) AS files, SUM(CAST(bytes AS INTEGER)) AS total "
          "FROM docs GROUP BY directory ORDER BY total DESC LIMIT 300\""),
        B("cx-exec-npm-view-rambda", n_npm_view, "npm view rambda --json"),
        B("cx-exec-log-grep-v-taffrail", n_app_log, "grep -vE 'DEBUG|taffrail.db' taffrail.log | tail -n 700"),
        B("cx-exec-grep-rn-urllib3-raise", n_grep_rn, f"grep -rn 'raise ' {SITE}/urllib3 --include=*.py | head -n 300"),
        ("cx-exec-sed-n-tomli-parser-py", "exec_command",
         {"cmd": f"sed -n '1,460p' {SITE}/tomli/_parser.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{ISO} iso8601 && cp -r {tmp}/iso8601-git iso8601-git && "
          f"cp -r {tmp}/keelson keelson && cp {tmp}/data/docs.csv {tmp}/data/capstay.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PT} xmltodict && cp -r {tmp}/xmltodict-git xmltodict-git && "
          f"cp -r {tmp}/scuttle scuttle && cp {tmp}/data/docs.db {tmp}/data/taffrail.log . && mkdir painter && "
          f"cp -r {tmp}/painter/lib {tmp}/painter/spec {tmp}/painter/package.json "
          f"{tmp}/painter/eslint.config.js {tmp}/painter/tsconfig.json painter/ && "
          f"ln -s {JS}/node_modules painter/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
