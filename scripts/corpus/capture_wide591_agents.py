"""Round 591, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 554, 565 and 578 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding language_tags (broken) and its
git history, the greencharge C project, the millbelt Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the dustinghouse log (its Bash, Read, Grep and Glob tools); Codex in one holding mailbits (broken)
and its git history, the cornings JavaScript project, the brimstone crate, the corningbelt Go module, the same
files' sqlite table and the glazehouse log (its exec_command tool). An item's text is the tool result the agent sent back;
its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw output as
round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide591.py."""

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
from capture_wide591 import JS, VENV, add
from capture_wide591_mat import LT, MB

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dl = root / "language_tags"
    return [
        B("cc-bash-pytest-rfe-language-tags", n_pytest,
          "cd language_tags && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "tests 2>&1 | tail -n 330"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd language_tags", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line tests "
                "-k 'format or region or script'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the language_tags format tests"),
        B("cc-bash-ruff-concise-language-tags", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise language_tags/language_tags "
          "language_tags/corning_sieve.py | head -n 190"),
        B("cc-bash-mypy-strict-language-tags", n_mypy,
          "cd language_tags && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "language_tags/Tag.py language_tags/Subtag.py language_tags/tags.py corning_sieve.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-corning-sieve", n_chained, "cd language_tags && PYTHONPATH=. python corning_sieve.py"),
        B("cc-bash-go-test-v-millbelt", n_go_test, "cd millbelt && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd millbelt", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the millbelt tests"),
        B("cc-bash-go-vet-millbelt", n_go_vet, "cd millbelt-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-millbelt", n_go_build, "cd millbelt-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C greencharge -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build greencharge", before="make -C greencharge clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-greencharge", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Igreencharge/src greencharge/src/glazedrum.c "
          "greencharge/src/incorp_1[0-4].c 2>&1"),
        B("cc-bash-git-log-p-language-tags", n_log_p, "cd language_tags-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-language-tags", n_blame,
          "cd language_tags-git && git blame -L 100,170 language_tags/Tag.py"),
        B("cc-bash-git-show-language-tags", n_show, "cd language_tags-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd language_tags-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-greencharge-millbelt", n_ls_lR, "ls -laR greencharge millbelt language_tags/tests"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-magazine", n_csv, "cat magazine.csv | head -n 240"),
        B("cc-bash-npm-view-make-dir", n_npm_view, "npm view make-dir --json 2>/dev/null"),
        B("cc-bash-log-grep-v-dustinghouse", n_app_log,
          "grep -vE 'DEBUG|INFO dustinghouse.api' dustinghouse.log | tail -n 240"),
        ("cc-read-py-language-tags-tag", "Read", {"file_path": f"{dl}/language_tags/Tag.py"}, read_ext("python")),
        ("cc-read-py-language-tags-tags", "Read",
         {"file_path": f"{SITE}/language_tags/tags.py", "offset": 1, "limit": 220}, read_ext("python")),
        ("cc-grep-language-tags-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+|return ",
                                                "path": f"{SITE}/language_tags", "glob": "*.py",
                                                "output_mode": "content", "-n": True, "head_limit": 140},
         n_grep_rn),
        ("cc-glob-site-mypy-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/mypy/test"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-mailbits", n_pytest,
          "cd mailbits && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= "
          "-W default::pytest.PytestRemovedIn10Warning -rA -vv --tb=long test 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-mailbits", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise mailbits/src mailbits/test "
          "mailbits/stove_roll.py | head -n 600"),
        B("cx-exec-mypy-strict-mailbits", n_mypy,
          "cd mailbits && MYPYPATH=src mypy --strict src test stove_roll.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-stove-roll", n_chained, "cd mailbits && PYTHONPATH=src python stove_roll.py"),
        B("cx-exec-vitest-run-cornings", n_vitest, "cd cornings && npx vitest run 2>&1 | tail -n 400"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd cornings", None),
           Part("npx vitest run --reporter=dot -t 'sieveBand|caskLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-cornings", n_eslint, "cd cornings && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-cornings", n_tsc, "cd cornings && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-brimstone", n_cargo_build, "cd brimstone && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd brimstone", None),
           Part("sed -i '/let label: String/d;/idx.push(stove_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-brimstone", n_clippy,
          "cd brimstone && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-corningbelt", n_go_test, "cd corningbelt && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-mailbits", n_log_p, "cd mailbits-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-mailbits", n_blame, "cd mailbits-git && git blame src/mailbits/misc.py | head -n 320"),
        B("cx-exec-tree-site-h-m", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'h*|i*|l*|m*' {SITE} | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-magazine-largest", n_sqlite_col,
          "sqlite3 -header -column magazine.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM magazine ORDER BY size DESC, directory ASC LIMIT 100\""),
        B("cx-exec-npm-view-hard-rejection", n_npm_view, "npm view hard-rejection --json 2>/dev/null"),
        B("cx-exec-log-grep-v-glazehouse", n_app_log,
          "grep -vE 'DEBUG|glazehouse.db' glazehouse.log | tail -n 600"),
        B("cx-exec-grep-rn-site-h-m", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/mailbits {SITE}/language_tags {SITE}/iniconfig {SITE}/_pytest/mark "
          f"{SITE}/mypy/test --include=*.py | head -n 320"),
        ("cx-exec-sed-n-mailbits", "exec_command",
         {"cmd": f"sed -n '1,260p' {SITE}/mailbits/email2dict.py {SITE}/mailbits/misc.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{LT} language_tags && cp -r {tmp}/language_tags-git language_tags-git && "
          f"cp -r {tmp}/greencharge greencharge && "
          f"cp -r {tmp}/millbelt {tmp}/millbelt-vet {tmp}/millbelt-build . && "
          f"cp {tmp}/data/magazine.csv {tmp}/data/dustinghouse.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{MB} mailbits && cp -r {tmp}/mailbits-git mailbits-git && "
          f"cp -a {tmp}/cornings cornings && "
          f"cp -r {tmp}/brimstone brimstone && cp -r {tmp}/corningbelt . && "
          f"cp {tmp}/data/magazine.db {tmp}/data/glazehouse.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
