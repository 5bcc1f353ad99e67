"""Round 363, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (capture_agents.drive:
tests/e2e/agent_harness.py's AgentRun, a stub Script of ToolCallSteps, the launcher started with --no-compress so that
the stub records every tool result exactly as the agent wrote it and nothing compressed is ever seen). Claude Code
works in a directory holding tablib (broken) and its git history, the pleachers C project, the hedgetally Go module
(three copies: tests, vet findings, build errors), the documentation CSV and the pleaching log (its Bash, Read, Grep
and Glob tools); Codex in one holding tldextract (broken) and its git history, the hedgers project, the binders crate,
the documentation sqlite table and the heathering log (its exec_command tool). An item's text is the tool result the
agent sent back; its needles come from the extractor of the tool that printed the lines, imported, read on the
command's raw output as round 359 reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:`
header line, a Read result without its line-number gutter; a chain's from each part's own, the parts run again outside
the agent). An item one of whose needles is on no line of its text is dropped whole. Run through capture_wide363.py."""

from __future__ import annotations

from pathlib import Path

from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide363 import JS, VENV, add
from capture_wide363_mat import TB, TL

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    co = root / "tablib"
    return [
        B("cc-bash-pytest-ra-tablib", n_pytest,
          "cd tablib && PYTHONPATH=src python -m pytest -o addopts= -p no:cacheprovider -rA --tb=short tests 2>&1 "
          "| tail -n 380"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd tablib", None),
           Part("PYTHONPATH=src python -m pytest -q -o addopts= -p no:cacheprovider --tb=line tests/test_tablib.py "
                "-k 'callable or column or formatter or dynamic'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the tablib column tests"),
        B("cc-bash-ruff-concise-tablib", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise tablib/src/tablib "
          "tablib/pleach_rows.py | head -n 280"),
        B("cc-bash-ruff-full-pleach-rows", n_ruff,
          "cd tablib && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,N,S,RET,D,FBT "
          "--output-format=full pleach_rows.py src/tablib/utils.py src/tablib/exceptions.py 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-tablib", n_mypy,
          "cd tablib && MYPYPATH=src mypy --strict --no-incremental --cache-dir=/dev/null src/tablib "
          "pleach_rows.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-pleach-rows", n_chained, "cd tablib && PYTHONPATH=src python pleach_rows.py"),
        B("cc-bash-go-test-v-hedgetally", n_go_test, "cd hedgetally && go test -v ./... 2>&1 | tail -n 380"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd hedgetally", None), Part("go test -count=1 ./... 2>&1 | tail -n 70", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the hedgetally tests"),
        B("cc-bash-go-vet-hedgetally", n_go_vet, "cd hedgetally-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-hedgetally", n_go_build, "cd hedgetally-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C pleachers -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build pleachers", before="make -C pleachers clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-pleachers", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ipleachers/src pleachers/src/lay.c "
          "pleachers/src/stake_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-tablib", n_log_p, "cd tablib-git && git log -p --stat | head -n 620"),
        B("cc-bash-git-blame-tablib", n_blame,
          "cd tablib-git && git blame -L 240,420 src/tablib/core.py"),
        B("cc-bash-git-show-core-part", n_show, "cd tablib-git && git show ':/^core: part 4 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd tablib-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-pleachers-hedgetally", n_ls_lR, "ls -laR pleachers hedgetally tablib/tests"),
        B("cc-bash-ps-aux-sort-cpu-45", n_ps_aux, "ps aux --sort=-%cpu | head -n 45"),
        B("cc-bash-csv-grep-copyright-readme", n_csv,
          "(head -n 1 docs.csv; grep -E ',(README|copyright)[^,]*,' docs.csv) | head -n 260"),
        B("cc-bash-npm-view-wretch", n_npm_view, "npm view wretch --json 2>/dev/null"),
        B("cc-bash-log-grep-v-pleaching", n_app_log,
          "grep -vE 'DEBUG|INFO pleaching.api' pleaching.log | tail -n 240"),
        ("cc-read-py-tablib-utils", "Read", {"file_path": f"{co}/src/tablib/utils.py"},
         read_ext("python")),
        ("cc-read-py-tablib-core-part", "Read", {"file_path": f"{co}/src/tablib/core.py", "offset": 250,
                                                   "limit": 260}, read_ext("python")),
        ("cc-read-py-defusedxml-elementtree", "Read", {"file_path": f"{SITE}/defusedxml/ElementTree.py"}, read_ext("python")),
        ("cc-grep-defusedxml-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+", "path": f"{SITE}/defusedxml",
                                            "glob": "*.py", "output_mode": "content", "-n": True,
                                            "head_limit": 140}, n_grep_rn),
        ("cc-grep-tablib-raises", "Grep", {"pattern": r"raise \w+|^class \w+", "path": f"{co}/src/tablib",
                                                 "glob": "*.py", "output_mode": "content", "-n": True,
                                                 "head_limit": 120}, n_grep_rn),
        ("cc-glob-xlwt", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/xlwt"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-tldextract", n_pytest,
          "cd tldextract && python -m pytest -p no:cacheprovider -rA -vv --tb=long tests 2>&1 "
          "| tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd tldextract", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short tests/main_test.py -k 'netloc or scheme or username or ipv6'",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-tldextract", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise tldextract/tldextract "
          "tldextract/tests tldextract/binder_hosts.py | head -n 600"),
        B("cx-exec-ruff-full-remote", n_ruff,
          "cd tldextract && ruff check --no-cache --isolated --select ALL --output-format=full "
          "tldextract/remote.py tldextract/cache.py tldextract/cli.py | head -n 560"),
        B("cx-exec-mypy-strict-tldextract", n_mypy,
          "cd tldextract && mypy --strict tldextract tests binder_hosts.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-binder-hosts", n_chained, "cd tldextract && python binder_hosts.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd hedgers", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-hedgers", n_eslint, "cd hedgers && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd hedgers", None), Part("npx eslint lib/laying-plan.js lib/hedgers.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-binders", n_cargo_build, "cd binders && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd binders", None),
           Part("sed -i '/let label: String/d;/idx.push(stake_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-binders", n_clippy, "cd binders && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-git-log-p-tldextract", n_log_p, "cd tldextract-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-remote", n_blame, "cd tldextract-git && git blame tldextract/tldextract.py"),
        B("cx-exec-git-show-head-5", n_show, "cd tldextract-git && git show HEAD~5"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd tldextract-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-pytest-mock-xlwt", n_tree,
          f"tree -a --noreport {SITE}/pytest_mock {SITE}/xlwt {SITE}/requests_file | head -n 380"),
        B("cx-exec-ps-aux-sort-vsz-55", n_ps_aux, "ps aux --sort=-vsz | head -n 55"),
        B("cx-exec-sqlite-docs-changelog", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE 'changelog%' ORDER BY size DESC, directory ASC LIMIT 260\""),
        B("cx-exec-npm-view-unstorage", n_npm_view, "npm view unstorage --json"),
        B("cx-exec-log-grep-v-heathering", n_app_log, "grep -vE 'DEBUG|heathering.db' heathering.log | tail -n 600"),
        B("cx-exec-grep-rn-pytest-mock-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/pytest_mock {SITE}/xlwt --include=*.py | head -n 300"),
        ("cx-exec-sed-n-requests-file", "exec_command",
         {"cmd": f"sed -n '1,300p' {SITE}/requests_file/__init__.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{TB} tablib && cp -r {tmp}/tablib-git tablib-git && "
          f"cp -r {tmp}/pleachers pleachers && cp -r {tmp}/hedgetally {tmp}/hedgetally-vet {tmp}/hedgetally-build . && "
          f"cp {tmp}/data/docs.csv {tmp}/data/pleaching.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{TL} tldextract && cp -r {tmp}/tldextract-git tldextract-git && "
          f"cp -r {tmp}/binders binders && cp {tmp}/data/docs.db {tmp}/data/heathering.log . && mkdir hedgers && "
          f"cp -r {tmp}/hedgers/lib {tmp}/hedgers/spec {tmp}/hedgers/package.json "
          f"{tmp}/hedgers/eslint.config.js {tmp}/hedgers/tsconfig.json hedgers/ && "
          f"ln -s {JS}/node_modules hedgers/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
