"""Round 599, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 554, 565 and 591 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding unicodecsv (broken) and its
git history, the ferrychain C project, the ferrybell Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the chainhouse log (its Bash, Read, Grep and Glob tools); Codex in one holding typepy (broken)
and its git history, the ferrystage JavaScript project, the slackchain crate, the chainlocker Go module, the same
files' sqlite table and the stagehouse log (its exec_command tool). An item's text is the tool result the agent sent back;
its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw output as
round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide599.py."""

from __future__ import annotations

from pathlib import Path

from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide599 import JS, VENV, add
from capture_wide599_mat import TP, UC

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dl = root / "unicodecsv"
    return [
        B("cc-bash-pytest-rfe-unicodecsv", n_pytest,
          "cd unicodecsv && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "unicodecsv/test.py 2>&1 | tail -n 330"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd unicodecsv", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line unicodecsv/test.py "
                "-k 'write or dict or header'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the unicodecsv writer tests"),
        B("cc-bash-ruff-concise-unicodecsv", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise unicodecsv/unicodecsv "
          "unicodecsv/landing_toll.py | head -n 190"),
        B("cc-bash-mypy-strict-unicodecsv", n_mypy,
          "cd unicodecsv && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "unicodecsv/py3.py unicodecsv/__init__.py landing_toll.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-landing-toll", n_chained, "cd unicodecsv && PYTHONPATH=. python landing_toll.py"),
        B("cc-bash-go-test-v-ferrybell", n_go_test, "cd ferrybell && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd ferrybell", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the ferrybell tests"),
        B("cc-bash-go-vet-ferrybell", n_go_vet, "cd ferrybell-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-ferrybell", n_go_build, "cd ferrybell-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C ferrychain -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build ferrychain", before="make -C ferrychain clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-ferrychain", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iferrychain/src ferrychain/src/guidechain.c "
          "ferrychain/src/landing_1[0-4].c 2>&1"),
        B("cc-bash-git-log-p-unicodecsv", n_log_p, "cd unicodecsv-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-unicodecsv", n_blame,
          "cd unicodecsv-git && git blame unicodecsv/py3.py"),
        B("cc-bash-git-show-unicodecsv", n_show, "cd unicodecsv-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd unicodecsv-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-ferrychain-ferrybell", n_ls_lR, "ls -laR ferrychain ferrybell unicodecsv"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-ferryrope", n_csv, "cat ferryrope.csv | head -n 240"),
        B("cc-bash-npm-view-unique-string", n_npm_view, "npm view unique-string --json 2>/dev/null"),
        B("cc-bash-log-grep-v-chainhouse", n_app_log,
          "grep -vE 'DEBUG|INFO chainhouse.api' chainhouse.log | tail -n 240"),
        ("cc-read-py-unicodecsv-py3", "Read", {"file_path": f"{dl}/unicodecsv/py3.py"}, read_ext("python")),
        ("cc-read-py-unicodecsv-test", "Read",
         {"file_path": f"{SITE}/unicodecsv/test.py", "offset": 1, "limit": 220}, read_ext("python")),
        ("cc-grep-unicodecsv-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+|return ",
                                                "path": f"{SITE}/unicodecsv", "glob": "*.py",
                                                "output_mode": "content", "-n": True, "head_limit": 140},
         n_grep_rn),
        ("cc-glob-site-typepy-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/typepy"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-typepy", n_pytest,
          "cd typepy && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= "
          "-W default::pytest.PytestRemovedIn10Warning -rA -vv --tb=long test 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-typepy", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise typepy/typepy typepy/test "
          "typepy/chain_log.py | head -n 600"),
        B("cx-exec-mypy-strict-typepy", n_mypy,
          "cd typepy && mypy --strict typepy chain_log.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-chain-log", n_chained, "cd typepy && PYTHONPATH=. python chain_log.py"),
        B("cx-exec-vitest-run-ferrystage", n_vitest, "cd ferrystage && npx vitest run 2>&1 | tail -n 400"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd ferrystage", None),
           Part("npx vitest run --reporter=dot -t 'slackBand|fareLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-ferrystage", n_eslint, "cd ferrystage && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-ferrystage", n_tsc, "cd ferrystage && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-slackchain", n_cargo_build, "cd slackchain && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd slackchain", None),
           Part("sed -i '/let label: String/d;/idx.push(landing_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-slackchain", n_clippy,
          "cd slackchain && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-chainlocker", n_go_test, "cd chainlocker && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-typepy", n_log_p, "cd typepy-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-typepy", n_blame, "cd typepy-git && git blame typepy/checker/_integer.py | head -n 320"),
        B("cx-exec-tree-site-t-z", n_tree,
          f"tree -a --noreport -I __pycache__ -P 't*|u*|v*|w*|x*|y*|z*' {SITE} | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-ferryrope-largest", n_sqlite_col,
          "sqlite3 -header -column ferryrope.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM ferryrope ORDER BY size DESC, directory ASC LIMIT 100\""),
        B("cx-exec-npm-view-widest-line", n_npm_view, "npm view widest-line --json 2>/dev/null"),
        B("cx-exec-log-grep-v-stagehouse", n_app_log,
          "grep -vE 'DEBUG|stagehouse.db' stagehouse.log | tail -n 600"),
        B("cx-exec-grep-rn-site-t-z", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/typepy {SITE}/unicodecsv {SITE}/mbstrdecoder {SITE}/_pytest/mark "
          f"{SITE}/mypy/test --include=*.py | head -n 320"),
        ("cx-exec-sed-n-typepy", "exec_command",
         {"cmd": f"sed -n '1,260p' {SITE}/typepy/_function.py {SITE}/typepy/checker/_checker.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{UC} unicodecsv && cp -r {tmp}/unicodecsv-git unicodecsv-git && "
          f"cp -r {tmp}/ferrychain ferrychain && "
          f"cp -r {tmp}/ferrybell {tmp}/ferrybell-vet {tmp}/ferrybell-build . && "
          f"cp {tmp}/data/ferryrope.csv {tmp}/data/chainhouse.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{TP} typepy && cp -r {tmp}/typepy-git typepy-git && "
          f"cp -a {tmp}/ferrystage ferrystage && "
          f"cp -r {tmp}/slackchain slackchain && cp -r {tmp}/chainlocker . && "
          f"cp {tmp}/data/ferryrope.db {tmp}/data/stagehouse.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
