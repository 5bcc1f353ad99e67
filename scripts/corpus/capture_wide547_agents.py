"""Round 547, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 515, 521 and 538 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding tap.py (broken) and
its git history, the treenailyard C project, the scarphline Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the caulkshed log (its Bash, Read, Grep and Glob tools); Codex in one holding
tree-format (broken) and its git history, the steambox crate, the wedgeline Go module, the same files' sqlite table and
the treenailshop log (its exec_command tool). An item's text is the tool result the agent sent back; its needles come
from the extractor of the tool that printed the lines, imported, read on the command's raw output as round 437 reads
it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide547.py."""

from __future__ import annotations

from pathlib import Path

from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide547 import JS, VENV, add
from capture_wide547_mat import TF, TP

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dp = root / "tap"
    return [
        B("cc-bash-pytest-ra-tap", n_pytest,
          "cd tap && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=short "
          "tests 2>&1 | tail -n 240"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd tap", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line tests "
                "-k 'parse or line or tracker'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the tap parser and line tests"),
        B("cc-bash-ruff-concise-tap", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise tap/tap "
          "tap/treenail_tally.py | head -n 220"),
        B("cc-bash-mypy-strict-tap", n_mypy,
          "cd tap && mypy --strict --no-incremental --cache-dir=/dev/null tap "
          "treenail_tally.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-treenail-tally", n_chained, "cd tap && PYTHONPATH=. python treenail_tally.py"),
        B("cc-bash-go-test-v-scarphline", n_go_test, "cd scarphline && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd scarphline", None), Part("go test -count=1 ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the scarphline tests"),
        B("cc-bash-go-vet-scarphline", n_go_vet, "cd scarphline-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-scarphline", n_go_build, "cd scarphline-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C treenailyard -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build treenailyard", before="make -C treenailyard clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-treenailyard", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Itreenailyard/src treenailyard/src/planks.c "
          "treenailyard/src/treenail_1[5-9].c 2>&1"),
        B("cc-bash-git-log-p-tap", n_log_p, "cd tap-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-tap", n_blame, "cd tap-git && git blame -L 90,200 tap/parser.py"),
        B("cc-bash-git-show-tap", n_show, "cd tap-git && git show HEAD~2"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd tap-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-treenailyard-scarphline", n_ls_lR, "ls -laR treenailyard scarphline tap/tap"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-wireshark-zsh", n_csv, "cat share.csv | head -n 240"),
        B("cc-bash-npm-view-validate-npm-package-name", n_npm_view,
          "npm view validate-npm-package-name --json 2>/dev/null"),
        B("cc-bash-log-grep-v-caulkshed", n_app_log,
          "grep -vE 'DEBUG|INFO caulkshed.api' caulkshed.log | tail -n 240"),
        ("cc-read-py-tap-line", "Read", {"file_path": f"{dp}/tap/line.py"}, read_ext("python")),
        ("cc-read-py-tap-tracker", "Read", {"file_path": f"{SITE}/tap/tracker.py", "offset": 1, "limit": 220},
         read_ext("python")),
        ("cc-grep-tap-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+",
                                      "path": f"{SITE}/tap", "glob": "*.py",
                                      "output_mode": "content", "-n": True, "head_limit": 140},
         n_grep_rn),
        ("cc-glob-site-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-tree-format", n_pytest,
          "cd tree-format && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= "
          "-rA -vv --tb=long tree_format/tests 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-tree-format", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise tree-format/tree_format "
          "tree-format/scarph_plan.py | head -n 600"),
        B("cx-exec-mypy-strict-tree-format", n_mypy,
          "cd tree-format && mypy --strict tree_format scarph_plan.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-scarph-plan", n_chained, "cd tree-format && PYTHONPATH=. python scarph_plan.py"),
        B("cx-exec-cargo-build-steambox", n_cargo_build, "cd steambox && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd steambox", None),
           Part("sed -i '/let label: String/d;/idx.push(strake_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-steambox", n_clippy,
          "cd steambox && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-wedgeline", n_go_test, "cd wedgeline && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-wedgeline", n_go_vet, "cd wedgeline-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-tree-format", n_log_p, "cd tree_format-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-tree-format", n_blame,
          "cd tree_format-git && git blame tree_format/tests/test_text.py | head -n 320"),
        B("cx-exec-tree-site-t-w", n_tree, f"tree -a --noreport -I __pycache__ -P 't*|u*|w*' {SITE} | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 100\""),
        B("cx-exec-npm-view-zwitch", n_npm_view, "npm view zwitch --json 2>/dev/null"),
        B("cx-exec-log-grep-v-treenailshop", n_app_log,
          "grep -vE 'DEBUG|treenailshop.db' treenailshop.log | tail -n 600"),
        B("cx-exec-grep-rn-site-t", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/tap {SITE}/tree_format {SITE}/_pytest/config "
          "--include=*.py | head -n 320"),
        ("cx-exec-sed-n-tap-parser", "exec_command",
         {"cmd": f"sed -n '1,300p' {SITE}/tap/parser.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{TP} tap && cp -r {tmp}/tap-git tap-git && "
          f"cp -r {tmp}/treenailyard treenailyard && "
          f"cp -r {tmp}/scarphline {tmp}/scarphline-vet {tmp}/scarphline-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/caulkshed.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{TF} tree-format && cp -r {tmp}/tree_format-git tree_format-git && "
          f"cp -r {tmp}/steambox steambox && cp -r {tmp}/wedgeline {tmp}/wedgeline-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/treenailshop.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
