"""Round 737, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 729 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding korean_romanizer (broken, its suite)
and its git history, the knackery C project, the boneyard Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the yard log (its Bash, Read, Grep and Glob tools); Codex in one holding
pyrankvote (broken, its suite) and its git history, the tallowry JavaScript project, the gluepot crate, the
bonemill Go module, the same files' sqlite table and the mill log (its exec_command tool). An item's text is the
tool result the agent sent back; its needles come from the extractor of the tool that printed the lines, imported
(capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide737.py."""

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
from capture_wide737 import JS, VENV, add
from capture_wide737_mat import KR, RV

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
YIELD = {"yield_time_ms": 30000, "max_output_tokens": 40000, "login": False}
PYT = "python -m pytest -p no:cacheprovider -o addopts="


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    return [
        B("cc-bash-pytest-rfe-korean-romanizer", n_pytest,
          f"cd korean_romanizer && PYTHONPATH=. {PYT} -rfE -vv --tb=short tests/test_knackery_names.py 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd korean_romanizer", None),
           Part(f"PYTHONPATH=. {PYT} -q --tb=line tests/test_knackery_names.py -k 'hide or bone' 2>&1 | tail -n 150",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the hide and bone yard tests"),
        B("cc-bash-ruff-concise-korean-romanizer", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise korean_romanizer/tests "
          "korean_romanizer/yard_roll.py korean_romanizer/korean_romanizer 2>&1 | head -n 220"),
        B("cc-bash-mypy-strict-korean-romanizer", n_mypy,
          "cd korean_romanizer && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "korean_romanizer/romanizer.py tests/test_knackery_names.py yard_roll.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-yard-roll", n_chained, "cd korean_romanizer && PYTHONPATH=. python yard_roll.py"),
        B("cc-bash-go-test-v-boneyard", n_go_test, "cd boneyard && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd boneyard", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the boneyard tests"),
        B("cc-bash-go-vet-boneyard", n_go_vet, "cd boneyard-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-boneyard", n_go_build, "cd boneyard-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C knackery -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build knackery", before="make -C knackery clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-knackery", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iknackery/src knackery/src/bonepress.c "
          "knackery/src/hide_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-korean-romanizer", n_log_p, "cd korean_romanizer-git && git log -p --stat | head -n 420"),
        B("cc-bash-git-blame-korean-romanizer", n_blame, "cd korean_romanizer-git && git blame korean_romanizer/romanizer.py"),
        B("cc-bash-git-show-korean-romanizer", n_show, "cd korean_romanizer-git && git show HEAD~5"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd korean_romanizer-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-knackery-boneyard", n_ls_lR,
          "ls -laR knackery boneyard boneyard-vet boneyard-build korean_romanizer/korean_romanizer korean_romanizer/tests"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps auxww --sort=-rss | head -n 50 | cut -c1-300"),
        B("cc-bash-csv-yardstore", n_csv, "cat yardstore.csv | head -n 240"),
        B("cc-bash-npm-view-p-limit", n_npm_view, "npm view p-limit --json 2>/dev/null"),
        B("cc-bash-log-grep-v-yard", n_app_log,
          "grep -vE 'DEBUG|INFO yard.api' yard.log | tail -n 220"),
        ("cc-read-py-pyrankvote-helpers", "Read", {"file_path": f"{SITE}/pyrankvote/helpers.py", "offset": 1, "limit": 420},
         read_ext("python")),
        ("cc-read-py-pip-req-file", "Read", {"file_path": f"{SITE}/pip/_internal/req/req_file.py"},
         read_ext("python")),
        ("cc-grep-pip-commands-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                                 "path": f"{SITE}/pip/_internal/commands", "glob": "*.py",
                                                 "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-romanizer-pyrankvote", "Glob",
         {"pattern": "{korean_romanizer,pyrankvote,tabulate,_pytest,pluggy,iniconfig}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-pyrankvote", n_pytest,
          f"cd pyrankvote && PYTHONPATH=. {PYT} -rfE -vv --tb=short tests/test_hide_ballots.py 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-pyrankvote", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pyrankvote/pyrankvote/helpers.py "
          "pyrankvote/tests/test_hide_ballots.py pyrankvote/tallow_poll.py | head -n 300"),
        B("cx-exec-mypy-strict-pyrankvote", n_mypy,
          "cd pyrankvote && mypy --strict pyrankvote/helpers.py "
          "tests/test_hide_ballots.py tallow_poll.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-tallow-poll", n_chained, "cd pyrankvote && PYTHONPATH=. python tallow_poll.py"),
        B("cx-exec-vitest-run-verbose-tallowry", n_vitest,
          "cd tallowry && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd tallowry", None),
           Part("npx vitest run --reporter=dot -t 'hideBand|boneLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-tallowry", n_eslint, "cd tallowry && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-tallowry", n_tsc, "cd tallowry && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-gluepot", n_cargo_build, "cd gluepot && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd gluepot", None),
           Part("sed -i '/let label: String/d;/idx.push(pot_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-gluepot", n_clippy,
          "cd gluepot && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-bonemill", n_go_test, "cd bonemill && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-pyrankvote", n_log_p, "cd pyrankvote-git && git log -p --stat | head -n 1500"),
        B("cx-exec-git-blame-pyrankvote", n_blame,
          "cd pyrankvote-git && git blame -L 1,300 pyrankvote/helpers.py"),
        B("cx-exec-tree-site-k-p-t-r", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'k*|p*|t*|r*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-yardstore-largest", n_sqlite_col,
          "sqlite3 -header -column yardstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM yardstore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-queue", n_npm_view, "npm view p-queue --json 2>/dev/null"),
        B("cx-exec-log-grep-v-mill", n_app_log, "grep -vE 'DEBUG|mill.db' mill.log | tail -n 600"),
        B("cx-exec-grep-rn-site-pyrankvote-romanizer", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/pyrankvote {SITE}/korean_romanizer {SITE}/tabulate "
          f"{SITE}/_pytest/mark {SITE}/mypy/server {SITE}/iniconfig --include=*.py | head -n 700"),
        ("cx-exec-sed-n-romanizer-pytest", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/korean_romanizer/pronouncer.py {SITE}/_pytest/fixtures.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{KR} korean_romanizer && cp -r {tmp}/korean_romanizer-git korean_romanizer-git && "
          f"cp -r {tmp}/knackery knackery && cp -r {tmp}/boneyard {tmp}/boneyard-vet "
          f"{tmp}/boneyard-build . && "
          f"cp {tmp}/data/yardstore.csv {tmp}/data/yard.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{RV} pyrankvote && cp -r {tmp}/pyrankvote-git pyrankvote-git && "
          f"cp -a {tmp}/tallowry tallowry && cp -r {tmp}/gluepot gluepot && cp -r {tmp}/bonemill . && "
          f"cp {tmp}/data/yardstore.db {tmp}/data/mill.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
