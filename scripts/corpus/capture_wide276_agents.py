"""Round 276, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding inflection (broken) and its git
history, the hatchway C project, the documentation CSV and the futtock log (its Bash, Read, Grep and Glob tools); Codex
in one holding texttable (broken) and its git history, the wherry project, the windlass crate, the documentation
sqlite table and the sternway log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's raw output as round 200
reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read result
without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An item one
of whose needles is on no line of its text is dropped whole. Run through capture_wide276.py."""

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
from capture_wide276 import JS, VENV, add
from capture_wide276_mat import ISO, PT
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
    inf = root / "inflection"
    return [
        B("cc-bash-pytest-v-inflection", n_pytest,
          "cd inflection && python -m pytest -p no:cacheprovider -v --tb=short test_inflection.py 2>&1 | tail -n 320"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd inflection", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line test_inflection.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the inflection tests"),
        B("cc-bash-ruff-concise-inflection", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise inflection/inflection "
          "inflection/hatch_labels.py inflection/test_inflection.py | head -n 200"),
        B("cc-bash-ruff-full-inflection", n_ruff,
          "cd inflection && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,PT,S "
          "--output-format=full inflection 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-inflection", n_mypy,
          "cd inflection && mypy --strict --disallow-any-expr --no-incremental --cache-dir=/dev/null inflection "
          "hatch_labels.py test_inflection.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-hatch-labels", n_chained, "cd inflection && python hatch_labels.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C hatchway -k 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build hatchway", before="make -C hatchway clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-hatchway", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ihatchway/src hatchway/src/ledger.c "
          "hatchway/src/coaming_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-inflection", n_log_p, "cd inflection-git && git log -p --stat | head -n 650"),
        B("cc-bash-git-blame-inflection", n_blame, "cd inflection-git && git blame -L 80,330 inflection/__init__.py"),
        B("cc-bash-git-show-inflection-part", n_show, "cd inflection-git && git show ':/^__init__: part 5 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd inflection-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-hatchway-boltons", n_ls_lR, f"ls -laR inflection hatchway {SITE}/boltons"),
        B("cc-bash-ps-aux-sort-rss-70", n_ps_aux, "ps aux --sort=-rss | head -n 70"),
        B("cc-bash-csv-grep-copyright", n_csv, "(head -n 1 docs.csv; grep -iE ',(copyright|news)' docs.csv) | head -n 260"),
        B("cc-bash-npm-view-klona", n_npm_view, "npm view klona --json 2>/dev/null"),
        B("cc-bash-log-grep-v-futtock", n_app_log,
          "grep -vE 'DEBUG|INFO futtock.ledger' futtock.log | tail -n 280"),
        ("cc-read-py-inflection-init", "Read", {"file_path": f"{inf}/inflection/__init__.py"}, read_ext("python")),
        ("cc-read-py-inflection-tests", "Read", {"file_path": f"{inf}/test_inflection.py", "offset": 300, "limit": 140},
         read_ext("python")),
        ("cc-read-py-boltons-strutils", "Read", {"file_path": f"{SITE}/boltons/strutils.py", "offset": 1, "limit": 700},
         read_ext("python")),
        ("cc-grep-boltons-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{SITE}/boltons", "glob": "*.py",
                                          "output_mode": "content", "-n": True, "head_limit": 140}, n_grep_rn),
        ("cc-grep-inflection-re-sub", "Grep", {"pattern": r"re\.(sub|search)", "path": f"{inf}/inflection",
                                               "glob": "*.py", "output_mode": "content", "-n": True,
                                               "head_limit": 90}, n_grep_rn),
        ("cc-glob-boltons-all", "Glob", {"pattern": "**/*", "path": f"{SITE}/boltons"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-texttable", n_pytest,
          "cd texttable && python -m pytest -p no:cacheprovider -rA -vv --tb=long tests.py 2>&1 | tail -n 700"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd texttable", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short tests.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-texttable", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise texttable/texttable.py "
          "texttable/sternway_tally.py texttable/tests.py | head -n 700"),
        B("cx-exec-ruff-full-texttable", n_ruff,
          "cd texttable && ruff check --no-cache --isolated --select ALL --output-format=full texttable.py | head -n 650"),
        B("cx-exec-mypy-strict-texttable", n_mypy,
          "cd texttable && mypy --strict texttable.py sternway_tally.py 2>&1 | tail -n 300"),
        B("cx-exec-traceback-sternway-tally", n_chained, "cd texttable && python sternway_tally.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd wherry", None), Part("node --test spec/ 2>&1 | tail -n 700", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-wherry", n_eslint, "cd wherry && npx eslint lib spec | head -n 600"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd wherry", None), Part("npx eslint lib/crossing-plan.js lib/wherry.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-windlass", n_cargo_build, "cd windlass && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd windlass", None),
           Part("sed -i '/let label: String/d;/idx.push(gypsy_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 500", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-texttable", n_log_p, "cd texttable-git && git log -p | head -n 1200"),
        B("cx-exec-git-blame-texttable", n_blame, "cd texttable-git && git blame -L 180,640 texttable.py"),
        B("cx-exec-git-show-head-3", n_show, "cd texttable-git && git show HEAD~3"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd texttable-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-sortedcontainers-wcwidth", n_tree,
          f"tree -a --noreport {SITE}/sortedcontainers {SITE}/wcwidth | head -n 500"),
        B("cx-exec-ps-aux-sort-cpu-50", n_ps_aux, "ps aux --sort=-%cpu | head -n 50"),
        B("cx-exec-sqlite-docs-oldest", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs ORDER BY modified ASC, size DESC LIMIT 240\""),
        B("cx-exec-npm-view-picocolors", n_npm_view, "npm view picocolors --json"),
        B("cx-exec-log-grep-v-sternway", n_app_log, "grep -vE 'DEBUG|sternway.db' sternway.log | tail -n 650"),
        B("cx-exec-grep-rn-sortedcontainers-def", n_grep_rn,
          f"grep -rn 'def ' {SITE}/sortedcontainers {SITE}/wcwidth --include=*.py | head -n 300"),
        ("cx-exec-sed-n-sortedcontainers-sorteddict", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/sortedcontainers/sorteddict.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{ISO} inflection && cp -r {tmp}/inflection-git inflection-git && "
          f"cp -r {tmp}/hatchway hatchway && cp {tmp}/data/docs.csv {tmp}/data/futtock.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PT} texttable && cp -r {tmp}/texttable-git texttable-git && "
          f"cp -r {tmp}/windlass windlass && cp {tmp}/data/docs.db {tmp}/data/sternway.log . && mkdir wherry && "
          f"cp -r {tmp}/wherry/lib {tmp}/wherry/spec {tmp}/wherry/package.json "
          f"{tmp}/wherry/eslint.config.js {tmp}/wherry/tsconfig.json wherry/ && "
          f"ln -s {JS}/node_modules wherry/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
