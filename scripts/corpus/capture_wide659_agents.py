"""Round 659, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 631, 638 and 643 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding bai2 (broken) and its
git history, the buskpan C project, the staybook Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the stayshed log (its Bash, Read, Grep and Glob tools); Codex in one holding adblockparser
(broken) and its git history, the stayfloor JavaScript project, the stayline crate, the lacingscale Go module, the same
files' sqlite table and the eyeletwatch log (its exec_command tool). An item's text is the tool result the agent sent
back; its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw
output as round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped
whole. Run through capture_wide659.py."""

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
from capture_wide659 import JS, VENV, add
from capture_wide659_mat import CW, PR

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
        B("cc-bash-pytest-rfe-bai2", n_pytest,
          "cd bai2 && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=long "
          "tests 2>&1 | tail -n 240"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd bai2", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=short tests "
                "-k 'Parser or Military'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the bai2 parser tests"),
        B("cc-bash-ruff-concise-bai2", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise bai2/bai2/parsers.py "
          "bai2/bai2/utils.py bai2/tests/test_utils.py bai2/busk_tallies.py | head -n 220"),
        B("cc-bash-mypy-strict-bai2", n_mypy,
          "cd bai2 && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "bai2 tests busk_tallies.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-busk-tallies", n_chained, "cd bai2 && PYTHONPATH=. python busk_tallies.py"),
        B("cc-bash-go-test-v-staybook", n_go_test, "cd staybook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd staybook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the staybook tests"),
        B("cc-bash-go-vet-staybook", n_go_vet, "cd staybook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-staybook", n_go_build, "cd staybook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C buskpan -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build buskpan", before="make -C buskpan clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-buskpan", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ibuskpan/src buskpan/src/eyeletline.c "
          "buskpan/src/staybone_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-bai2", n_log_p, "cd bai2-git && git log -p --stat | head -n 520"),
        B("cc-bash-git-blame-bai2", n_blame, "cd bai2-git && git blame bai2/parsers.py | head -n 260"),
        B("cc-bash-git-show-bai2", n_show, "cd bai2-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd bai2-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-buskpan-staybook", n_ls_lR, "ls -laR buskpan staybook staybook-vet staybook-build bai2"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-staystore", n_csv, "cat staystore.csv | head -n 240"),
        B("cc-bash-npm-view-p-reflect", n_npm_view, "npm view p-reflect --json 2>/dev/null"),
        B("cc-bash-log-grep-v-stayshed", n_app_log,
          "grep -vE 'DEBUG|INFO stayshed.api' stayshed.log | tail -n 220"),
        ("cc-read-py-bai2-parsers", "Read", {"file_path": f"{SITE}/bai2/parsers.py"}, read_ext("python")),
        ("cc-read-py-adblockparser-parser", "Read", {"file_path": f"{SITE}/adblockparser/parser.py"},
         read_ext("python")),
        ("cc-grep-pip-commands-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                               "path": f"{SITE}/pip/_internal/commands", "glob": "*.py",
                                               "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-bai2-adblockparser", "Glob", {"pattern": "{bai2,adblockparser,_pytest}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-adblockparser", n_pytest,
          "cd adblockparser && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=long "
          "tests 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-adblockparser", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise adblockparser/adblockparser "
          "adblockparser/tests adblockparser/eyelet_rules.py | head -n 900"),
        B("cx-exec-mypy-strict-adblockparser", n_mypy,
          "cd adblockparser && mypy --strict adblockparser eyelet_rules.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-eyelet-rules", n_chained, "cd adblockparser && PYTHONPATH=. python eyelet_rules.py"),
        B("cx-exec-vitest-run-verbose-stayfloor", n_vitest,
          "cd stayfloor && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd stayfloor", None),
           Part("npx vitest run --reporter=dot -t 'whaleboneBand|eyeletLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-stayfloor", n_eslint, "cd stayfloor && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-stayfloor", n_tsc, "cd stayfloor && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-stayline", n_cargo_build, "cd stayline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd stayline", None),
           Part("sed -i '/let label: String/d;/idx.push(busk_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-stayline", n_clippy, "cd stayline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-lacingscale", n_go_test, "cd lacingscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-adblockparser", n_log_p, "cd adblockparser-git && git log -p | head -n 2200"),
        B("cx-exec-git-blame-adblockparser", n_blame, "cd adblockparser-git && git blame adblockparser/parser.py"),
        B("cx-exec-tree-site-a-b", n_tree, f"tree -a --noreport -I __pycache__ -P 'a*|b*|t*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-staystore-largest", n_sqlite_col,
          "sqlite3 -header -column staystore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM staystore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-memoize", n_npm_view, "npm view p-memoize --json 2>/dev/null"),
        B("cx-exec-log-grep-v-eyeletwatch", n_app_log, "grep -vE 'DEBUG|eyeletwatch.db' eyeletwatch.log | tail -n 600"),
        B("cx-exec-grep-rn-site-a-b", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/adblockparser {SITE}/bai2 {SITE}/pluggy {SITE}/_pytest/_code "
          f"{SITE}/mypy/server --include=*.py | head -n 640"),
        ("cx-exec-sed-n-adblockparser", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/adblockparser/parser.py {SITE}/adblockparser/utils.py "
                 f"{SITE}/bai2/models.py {SITE}/bai2/writers.py {SITE}/bai2/utils.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PR} bai2 && cp -r {tmp}/bai2-git bai2-git && "
          f"cp -r {tmp}/buskpan buskpan && cp -r {tmp}/staybook {tmp}/staybook-vet {tmp}/staybook-build . && "
          f"cp {tmp}/data/staystore.csv {tmp}/data/stayshed.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{CW} adblockparser && cp -r {tmp}/adblockparser-git adblockparser-git && "
          f"cp -a {tmp}/stayfloor stayfloor && cp -r {tmp}/stayline stayline && cp -r {tmp}/lacingscale . && "
          f"cp {tmp}/data/staystore.db {tmp}/data/eyeletwatch.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
