"""Round 206, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding hjson (broken) and its git
history, the hawsepipe C project, the package CSV and the harbour log (its Bash, Read, Grep and Glob tools); Codex in
one holding pathvalidate (broken) and its git history, the wordplate project, the tackline crate, the package sqlite
table and the tollgate log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's raw output as round 200
reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read
result without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An
item one of whose needles is on no line of its text is dropped whole. Run through capture_wide206.py."""

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
from capture_wide206 import JS, VENV, add
from capture_wide206_mat import HJ, PV
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
    hj = root / "hjson"
    return [
        B("cc-bash-pytest-v-hjson", n_pytest,
          "cd hjson && python -m pytest -p no:cacheprovider -v --tb=short hjson/tests --ignore=hjson/tests/test_hjson.py 2>&1 | tail -n 250"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd hjson", None), Part("python -m pytest -q -p no:cacheprovider --tb=short hjson/tests --ignore=hjson/tests/test_hjson.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the hjson tests"),
        B("cc-bash-ruff-concise-hjson", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise hjson/hjson | head -n 220"),
        B("cc-bash-ruff-full-hjson", n_ruff,
          "cd hjson && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF --output-format=full "
          "hjson 2>&1 | tail -n 260"),
        B("cc-bash-mypy-strict-hjson", n_mypy,
          "cd hjson && mypy --strict --no-incremental --cache-dir=/dev/null hjson 2>&1 | tail -n 150"),
        B("cc-bash-traceback-hawser-config", n_chained, "cd hjson && python hawser_config.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C hawsepipe -k 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build hawsepipe", before="make -C hawsepipe clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-hawsepipe", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ihawsepipe/src hawsepipe/src/ledger.c hawsepipe/src/hawse_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-hjson", n_log_p, "cd hjson-git && git log -p | head -n 450"),
        B("cc-bash-git-blame-decoder", n_blame, "cd hjson-git && git blame -L 1,260 hjson/decoder.py"),
        B("cc-bash-git-show-encoderh-part", n_show, "cd hjson-git && git show ':/^encoderH: part 6'"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd hjson-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-hjson", n_ls_lR, f"ls -laR hjson hawsepipe/src {SITE}/click"),
        B("cc-bash-ps-aux-head-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cc-bash-csv-head-packages", n_csv, "head -n 420 packages.csv"),
        B("cc-bash-npm-view-kysely", n_npm_view, "npm view kysely --json 2>/dev/null"),
        B("cc-bash-log-tail-harbour", n_app_log, "tail -n 260 harbour.log"),
        ("cc-read-py-hjson-decoder", "Read", {"file_path": f"{hj}/hjson/decoder.py"}, read_ext("python")),
        ("cc-read-py-hjson-encoderh", "Read", {"file_path": f"{hj}/hjson/encoderH.py"}, read_ext("python")),
        ("cc-read-py-attr-make", "Read", {"file_path": f"{SITE}/attr/_make.py", "offset": 400, "limit": 700},
         read_ext("python")),
        ("cc-grep-hjson-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{hj}/hjson", "glob": "*.py",
                                        "output_mode": "content", "-n": True, "head_limit": 150}, n_grep_rn),
        ("cc-grep-click-raise", "Grep", {"pattern": r"raise \w+(Error|Exception)\(", "path": f"{SITE}/click",
                                         "output_mode": "content", "-n": True, "head_limit": 120}, n_grep_rn),
        ("cc-glob-faker-providers", "Glob", {"pattern": "**/__init__.py", "path": f"{SITE}/faker/providers/address"},
         n_claude_glob),
        ("cc-glob-linux-gnu-bits", "Glob", {"pattern": "*.h", "path": "/usr/include/x86_64-linux-gnu/bits"},
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
    tests = "test/test_filename.py test/test_common.py"
    return [
        B("cx-exec-pytest-rA-pathvalidate", n_pytest,
          f"cd pathvalidate && python -m pytest -o addopts= -p no:cacheprovider -rA {tests} 2>&1 | tail -n 500"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pathvalidate", None),
           Part(f"python -m pytest -o addopts= -q -p no:cacheprovider --tb=line {tests}", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-pathvalidate", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pathvalidate/pathvalidate pathvalidate/test"
          " | head -n 800"),
        B("cx-exec-mypy-strict-pathvalidate", n_mypy,
          "cd pathvalidate && mypy --strict pathvalidate test 2>&1 | tail -n 300"),
        B("cx-exec-traceback-ward-export", n_chained, "cd pathvalidate && python ward_export.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd wordplate", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-wordplate", n_eslint, "cd wordplate && npx eslint lib spec | head -n 400"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd wordplate", None), Part("npx eslint lib/cheque-words.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p .", n_tsc, ";")]),
        B("cx-exec-cargo-build-tackline", n_cargo_build, "cd tackline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd tackline", None),
           Part("sed -i '/let label: String/d;/idx.push(cleat_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 400", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-pathvalidate", n_log_p, "cd pathvalidate-git && git log -p | head -n 1300"),
        B("cx-exec-git-blame-filepath", n_blame, "cd pathvalidate-git && git blame -w pathvalidate/_filepath.py"),
        B("cx-exec-git-show-head-2", n_show, "cd pathvalidate-git && git show HEAD~2"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pathvalidate-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-pip", n_tree, f"tree -a --noreport {SITE}/pip/_internal | head -n 500"),
        B("cx-exec-ps-aux-head-80", n_ps_aux, "ps aux | head -n 80"),
        B("cx-exec-sqlite-packages-largest", n_sqlite_col,
          "sqlite3 -header -column packages.db \"SELECT package, version, section, CAST(installed_kb AS INT) AS kb "
          "FROM packages ORDER BY CAST(installed_kb AS INT) DESC LIMIT 300\""),
        B("cx-exec-npm-view-zustand", n_npm_view, "npm view zustand --json"),
        B("cx-exec-log-grep-v-debug-tollgate", n_app_log, "grep -v DEBUG tollgate.log | tail -n 800"),
        ("cx-exec-sed-n-filepath-py", "exec_command",
         {"cmd": "sed -n '1,420p' pathvalidate/pathvalidate/_filepath.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
        B("cx-exec-grep-rn-pathvalidate-defs", n_grep_rn, r"grep -rn 'def [a-z_]*(' pathvalidate/pathvalidate"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{HJ} hjson && cp -r {tmp}/hjson-git hjson-git && "
          f"cp -r {tmp}/hawsepipe hawsepipe && cp {tmp}/data/packages.csv {tmp}/data/harbour.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PV} pathvalidate && cp -r {tmp}/pathvalidate-git pathvalidate-git && "
          f"cp -r {tmp}/tackline tackline && cp {tmp}/data/packages.db {tmp}/data/tollgate.log . && mkdir wordplate && "
          f"cp -r {tmp}/wordplate/lib {tmp}/wordplate/spec {tmp}/wordplate/package.json {tmp}/wordplate/eslint.config.js "
          f"{tmp}/wordplate/tsconfig.json wordplate/ && ln -s {JS}/node_modules wordplate/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
