"""Round 643, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 607, 620 and 625 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding number-parser (broken)
and its git history, the hornpan C project, the blankbook Go module (three copies: tests, vet findings, build errors),
the /usr/share files' CSV and the buttonshed log (its Bash, Read, Grep and Glob tools); Codex in one holding text2digits
(broken) and its git history, the buttonfloor JavaScript project, the hornline crate, the lathescale Go module, the same
files' sqlite table and the lathewatch log (its exec_command tool). An item's text is the tool result the agent sent
back; its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw
output as round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped
whole. Run through capture_wide643.py."""

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
from capture_wide643 import JS, VENV, add
from capture_wide643_mat import CW, PR

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
YIELD = {"yield_time_ms": 30000, "max_output_tokens": 40000, "login": False}


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    return [
        B("cc-bash-pytest-rfe-number-parser", n_pytest,
          "cd number-parser && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=long "
          "tests 2>&1 | tail -n 240"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd number-parser", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=short tests "
                "-k 'language_en or number_parsing'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the number-parser English tests"),
        B("cc-bash-ruff-concise-number-parser", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise number-parser/number_parser/parser.py "
          "number-parser/tests number-parser/blank_tallies.py | head -n 260"),
        B("cc-bash-mypy-strict-number-parser", n_mypy,
          "cd number-parser && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "number_parser/parser.py tests blank_tallies.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-blank-tallies", n_chained, "cd number-parser && PYTHONPATH=. python blank_tallies.py"),
        B("cc-bash-go-test-v-blankbook", n_go_test, "cd blankbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd blankbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the blankbook tests"),
        B("cc-bash-go-vet-blankbook", n_go_vet, "cd blankbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-blankbook", n_go_build, "cd blankbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C hornpan -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build hornpan", before="make -C hornpan clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-hornpan", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ihornpan/src hornpan/src/shankline.c "
          "hornpan/src/hornblank_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-number-parser", n_log_p, "cd number-parser-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-number-parser", n_blame, "cd number-parser-git && git blame number_parser/parser.py | head -n 280"),
        B("cc-bash-git-show-number-parser", n_show, "cd number-parser-git && git show HEAD~2"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd number-parser-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-hornpan-blankbook", n_ls_lR, "ls -laR hornpan blankbook blankbook-vet blankbook-build number-parser"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-buttonstore", n_csv, "cat buttonstore.csv | head -n 240"),
        B("cc-bash-npm-view-p-whilst", n_npm_view, "npm view p-whilst --json 2>/dev/null"),
        B("cc-bash-log-grep-v-buttonshed", n_app_log,
          "grep -vE 'DEBUG|INFO buttonshed.api' buttonshed.log | tail -n 240"),
        ("cc-read-py-number-parser-parser", "Read", {"file_path": f"{SITE}/number_parser/parser.py"},
         read_ext("python")),
        ("cc-read-py-text2digits-tokens", "Read", {"file_path": f"{SITE}/text2digits/tokens_basic.py"},
         read_ext("python")),
        ("cc-grep-mypy-plugins-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                         "path": f"{SITE}/mypy/plugins", "glob": "*.py",
                                         "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-text2digits-number-parser", "Glob", {"pattern": "{text2digits,number_parser}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-text2digits", n_pytest,
          "cd text2digits && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "tests 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-text2digits", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise text2digits/text2digits text2digits/tests "
          "text2digits/lathe_counts.py "
          "| head -n 900"),
        B("cx-exec-mypy-strict-text2digits", n_mypy, "cd text2digits && mypy --strict text2digits lathe_counts.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-lathe-counts", n_chained, "cd text2digits && PYTHONPATH=. python lathe_counts.py"),
        B("cx-exec-vitest-run-verbose-buttonfloor", n_vitest, "cd buttonfloor && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd buttonfloor", None),
           Part("npx vitest run --reporter=dot -t 'hornBand|shankLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-buttonfloor", n_eslint, "cd buttonfloor && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-buttonfloor", n_tsc, "cd buttonfloor && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-hornline", n_cargo_build, "cd hornline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd hornline", None),
           Part("sed -i '/let label: String/d;/idx.push(lathe_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-hornline", n_clippy, "cd hornline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-lathescale", n_go_test, "cd lathescale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-text2digits", n_log_p, "cd text2digits-git && git log -p | head -n 2400"),
        B("cx-exec-git-blame-text2digits", n_blame, "cd text2digits-git && git blame text2digits/tokens_basic.py"),
        B("cx-exec-tree-site-c-p", n_tree, f"tree -a --noreport -I __pycache__ -P 'c*|p*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-buttonstore-largest", n_sqlite_col,
          "sqlite3 -header -column buttonstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM buttonstore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-wait-for", n_npm_view, "npm view p-wait-for --json 2>/dev/null"),
        B("cx-exec-log-grep-v-lathewatch", n_app_log, "grep -vE 'DEBUG|lathewatch.db' lathewatch.log | tail -n 600"),
        B("cx-exec-grep-rn-site-c-p", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/text2digits {SITE}/number_parser {SITE}/attr {SITE}/_pytest/config "
          f"{SITE}/mypy/test --include=*.py | head -n 640"),
        ("cx-exec-sed-n-text2digits", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/text2digits/text2digits.py {SITE}/text2digits/rules.py "
                 f"{SITE}/text2digits/tokens_rules.py {SITE}/number_parser/parser.py {SITE}/number_parser/__init__.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PR} number-parser && cp -r {tmp}/number-parser-git number-parser-git && "
          f"cp -r {tmp}/hornpan hornpan && cp -r {tmp}/blankbook {tmp}/blankbook-vet {tmp}/blankbook-build . && "
          f"cp {tmp}/data/buttonstore.csv {tmp}/data/buttonshed.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{CW} text2digits && cp -r {tmp}/text2digits-git text2digits-git && "
          f"cp -a {tmp}/buttonfloor buttonfloor && cp -r {tmp}/hornline hornline && cp -r {tmp}/lathescale . && "
          f"cp {tmp}/data/buttonstore.db {tmp}/data/lathewatch.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
