"""Round 455, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 427, 437 and 449 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding confuse (broken) and
its git history, the cresset C project, the stavemill Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the hoopdriver log (its Bash, Read, Grep and Glob tools); Codex in one holding contextlib2
(broken) and its git history, the barrelwright project, the chimeplane crate, the dryhouse Go module, the same files'
sqlite table and the stavejoint log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, imported, read on the command's raw output as
round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide455.py."""

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
from capture_wide455 import JS, VENV, add
from capture_wide455_mat import CF, CL

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    co = root / "confuse"
    return [
        B("cc-bash-pytest-ra-confuse", n_pytest,
          "cd confuse && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=short test "
          "2>&1 | tail -n 200"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd confuse", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line test "
                "-k 'number or contains or float'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the confuse number and contains tests"),
        B("cc-bash-ruff-concise-confuse", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise confuse/confuse "
          "confuse/hoop_rota.py | head -n 200"),
        B("cc-bash-mypy-strict-confuse", n_mypy,
          "cd confuse && mypy --strict --no-incremental --cache-dir=/dev/null confuse hoop_rota.py "
          "2>&1 | tail -n 220"),
        B("cc-bash-traceback-hoop-rota", n_chained, "cd confuse && PYTHONPATH=. python hoop_rota.py"),
        B("cc-bash-go-test-v-stavemill", n_go_test, "cd stavemill && go test -v ./... 2>&1 | tail -n 380"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd stavemill", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the stavemill tests"),
        B("cc-bash-go-vet-stavemill", n_go_vet, "cd stavemill-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-stavemill", n_go_build, "cd stavemill-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C cresset -k 2>&1 | tail -n 340", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build cresset", before="make -C cresset clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-cresset", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Icresset/src cresset/src/toast.c "
          "cresset/src/stave_3[0-4].c 2>&1"),
        B("cc-bash-git-log-p-confuse", n_log_p, "cd confuse-git && git log -p --stat | head -n 600"),
        B("cc-bash-git-blame-confuse", n_blame, "cd confuse-git && git blame -L 150,330 confuse/core.py"),
        B("cc-bash-git-show-confuse", n_show, "cd confuse-git && git show HEAD~2"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd confuse-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-cresset-stavemill", n_ls_lR, "ls -laR cresset stavemill confuse/confuse"),
        B("cc-bash-ps-aux-sort-rss-45", n_ps_aux, "ps aux --sort=-rss | head -n 45"),
        B("cc-bash-csv-grep-groff-alsa", n_csv,
          "(head -n 1 share.csv; grep -E '^/usr/share/(groff/[^,]+|alsa/[^,]+|autoconf/[^,]+),' share.csv) "
          "| head -n 240"),
        B("cc-bash-npm-view-date-fns", n_npm_view, "npm view date-fns --json 2>/dev/null"),
        B("cc-bash-log-grep-v-hoopdriver", n_app_log,
          "grep -vE 'DEBUG|INFO hoopdriver.api' hoopdriver.log | tail -n 240"),
        ("cc-read-py-confuse-core", "Read", {"file_path": f"{co}/confuse/core.py", "limit": 640}, read_ext("python")),
        ("cc-read-py-blessed-terminal", "Read", {"file_path": f"{SITE}/blessed/terminal.py", "limit": 450},
         read_ext("python")),
        ("cc-grep-blessed-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+", "path": f"{SITE}/blessed",
                                          "glob": "*.py", "output_mode": "content", "-n": True,
                                          "head_limit": 120}, n_grep_rn),
        ("cc-glob-blessed", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/blessed"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-contextlib2", n_pytest,
          "cd contextlib2 && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=long test "
          "2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-contextlib2", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise contextlib2/contextlib2 "
          "contextlib2/test contextlib2/truss_log.py | head -n 600"),
        B("cx-exec-mypy-strict-contextlib2", n_mypy,
          "cd contextlib2 && mypy --strict contextlib2 test truss_log.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-truss-log", n_chained, "cd contextlib2 && PYTHONPATH=. python truss_log.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd barrelwright", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-barrelwright", n_eslint, "cd barrelwright && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd barrelwright", None), Part("npx eslint lib/raising-plan.js lib/barrelwright.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-chimeplane", n_cargo_build, "cd chimeplane && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd chimeplane", None),
           Part("sed -i '/let label: String/d;/idx.push(head_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-chimeplane", n_clippy,
          "cd chimeplane && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-dryhouse", n_go_test, "cd dryhouse && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-dryhouse", n_go_vet, "cd dryhouse-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-contextlib2", n_log_p, "cd contextlib2-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-contextlib2", n_blame, "cd contextlib2-git && git blame contextlib2/__init__.py"),
        B("cx-exec-tree-dateparser", n_tree, f"tree -a --noreport -I __pycache__ {SITE}/dateparser | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-55", n_ps_aux, "ps aux --sort=-%cpu | head -n 55"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share WHERE directory NOT LIKE '%/groff/%/font/%' ORDER BY size DESC, directory ASC LIMIT 230\""),
        B("cx-exec-npm-view-cheerio", n_npm_view, "npm view cheerio --json 2>/dev/null"),
        B("cx-exec-log-grep-v-stavejoint", n_app_log, "grep -vE 'DEBUG|stavejoint.db' stavejoint.log | tail -n 600"),
        B("cx-exec-grep-rn-dateparser", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/dateparser --include=*.py | head -n 320"),
        ("cx-exec-sed-n-dateparser-date", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/dateparser/date.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{CF} confuse && cp -r {tmp}/confuse-git confuse-git && "
          f"cp -r {tmp}/cresset cresset && cp -r {tmp}/stavemill {tmp}/stavemill-vet {tmp}/stavemill-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/hoopdriver.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{CL} contextlib2 && cp -r {tmp}/contextlib2-git contextlib2-git && "
          f"cp -r {tmp}/chimeplane chimeplane && cp -r {tmp}/dryhouse {tmp}/dryhouse-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/stavejoint.log . && "
          f"mkdir barrelwright && cp -r {tmp}/barrelwright/lib {tmp}/barrelwright/spec {tmp}/barrelwright/package.json "
          f"{tmp}/barrelwright/eslint.config.js {tmp}/barrelwright/tsconfig.json barrelwright/ && "
          f"ln -s {JS}/node_modules barrelwright/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
