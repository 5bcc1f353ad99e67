"""Round 493, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 475, 481 and 487 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding pyotp (broken) and
its git history, the hidehouse C project, the barkmill Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the barkyard log (its Bash, Read, Grep and Glob tools); Codex in one holding rstr (broken)
and its git history, the hidecutter project, the hidetally crate, the oozepit Go module, the same files' sqlite table
and the curryshop log (its exec_command tool). An item's text is the tool result the agent sent back; its needles come
from the extractor of the tool that printed the lines, imported, read on the command's raw output as round 437 reads it
(capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide493.py."""

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
from capture_wide493 import JS, VENV, add
from capture_wide493_mat import PO, RS

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    po = root / "pyotp"
    return [
        B("cc-bash-pytest-ra-pyotp", n_pytest,
          "cd pyotp && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=short "
          "test.py 2>&1 | tail -n 220"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd pyotp", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider -o addopts= --tb=line test.py "
                "-k 'TOTP or verify'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the pyotp TOTP tests"),
        B("cc-bash-ruff-concise-pyotp", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pyotp/src/pyotp "
          "pyotp/pit_tally.py | head -n 220"),
        B("cc-bash-mypy-strict-pyotp", n_mypy,
          "cd pyotp && mypy --strict --no-incremental --cache-dir=/dev/null src/pyotp test.py pit_tally.py "
          "2>&1 | tail -n 220"),
        B("cc-bash-traceback-pit-tally", n_chained, "cd pyotp && PYTHONPATH=src python pit_tally.py"),
        B("cc-bash-go-test-v-barkmill", n_go_test, "cd barkmill && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd barkmill", None), Part("go test -count=1 ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the barkmill tests"),
        B("cc-bash-go-vet-barkmill", n_go_vet, "cd barkmill-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-barkmill", n_go_build, "cd barkmill-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C hidehouse -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build hidehouse", before="make -C hidehouse clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-hidehouse", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ihidehouse/src hidehouse/src/hides.c "
          "hidehouse/src/pit_2[0-4].c 2>&1"),
        B("cc-bash-git-log-p-pyotp", n_log_p, "cd pyotp-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-pyotp", n_blame, "cd pyotp-git && git blame -L 80,200 src/pyotp/totp.py"),
        B("cc-bash-git-show-pyotp", n_show, "cd pyotp-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pyotp-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-hidehouse-barkmill", n_ls_lR, "ls -laR hidehouse barkmill pyotp/src"),
        B("cc-bash-ps-aux-sort-rss-45", n_ps_aux, "ps aux --sort=-rss | head -n 45"),
        B("cc-bash-csv-privoxy-sass-swig", n_csv, "cat share.csv | head -n 240"),
        B("cc-bash-npm-view-pify", n_npm_view, "npm view pify --json 2>/dev/null"),
        B("cc-bash-log-grep-v-barkyard", n_app_log,
          "grep -vE 'DEBUG|INFO barkyard.api' barkyard.log | tail -n 240"),
        ("cc-read-py-pyotp-totp", "Read", {"file_path": f"{po}/src/pyotp/totp.py"},
         read_ext("python")),
        ("cc-read-py-pyotp-utils", "Read", {"file_path": f"{SITE}/pyotp/utils.py"},
         read_ext("python")),
        ("cc-grep-pyotp-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+", "path": f"{SITE}/pyotp",
                                         "glob": "*.py", "output_mode": "content", "-n": True,
                                         "head_limit": 120}, n_grep_rn),
        ("cc-glob-pyotp-site", "Glob", {"pattern": "**/*.py", "path": f"{SITE}"},
         n_claude_glob),
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
        B("cx-exec-pytest-vv-rstr", n_pytest,
          "cd rstr && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=long tests "
          "2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-rstr", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise rstr/rstr rstr/tests "
          "rstr/currier_log.py | head -n 600"),
        B("cx-exec-mypy-strict-rstr", n_mypy,
          "cd rstr && mypy --strict rstr tests currier_log.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-currier-log", n_chained, "cd rstr && PYTHONPATH=. python currier_log.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd hidecutter", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-hidecutter", n_eslint, "cd hidecutter && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd hidecutter", None), Part("npx eslint lib/tanning-plan.js lib/hidecutter.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-hidetally", n_cargo_build, "cd hidetally && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd hidetally", None),
           Part("sed -i '/let label: String/d;/idx.push(pit_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-hidetally", n_clippy,
          "cd hidetally && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-oozepit", n_go_test, "cd oozepit && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-oozepit", n_go_vet, "cd oozepit-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-rstr", n_log_p, "cd rstr-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-rstr", n_blame, "cd rstr-git && git blame rstr/rstr_base.py | head -n 320"),
        B("cx-exec-tree-site-r-s", n_tree, f"tree -a --noreport -I __pycache__ -P 'r*|s*' {SITE} | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 230\""),
        B("cx-exec-npm-view-onetime", n_npm_view, "npm view onetime --json 2>/dev/null"),
        B("cx-exec-log-grep-v-curryshop", n_app_log, "grep -vE 'DEBUG|curryshop.db' curryshop.log | tail -n 600"),
        B("cx-exec-grep-rn-site-r", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/rstr {SITE}/pyotp {SITE}/ruff --include=*.py | head -n 320"),
        ("cx-exec-sed-n-rstr-base", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/rstr/rstr_base.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PO} pyotp && cp -r {tmp}/pyotp-git pyotp-git && "
          f"cp -r {tmp}/hidehouse hidehouse && cp -r {tmp}/barkmill {tmp}/barkmill-vet {tmp}/barkmill-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/barkyard.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{RS} rstr && cp -r {tmp}/rstr-git rstr-git && "
          f"cp -r {tmp}/hidetally hidetally && cp -r {tmp}/oozepit {tmp}/oozepit-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/curryshop.log . && "
          f"mkdir hidecutter && cp -r {tmp}/hidecutter/lib {tmp}/hidecutter/spec {tmp}/hidecutter/package.json "
          f"{tmp}/hidecutter/eslint.config.js {tmp}/hidecutter/tsconfig.json hidecutter/ && "
          f"ln -s {JS}/node_modules hidecutter/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
