"""Round 638, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 607, 620 and 625 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding words2num (broken)
and its git history, the waxroom C project, the sealpan Go module (three copies: tests, vet findings, build errors),
the /usr/share files' CSV and the meltshed log (its Bash, Read, Grep and Glob tools); Codex in one holding haikunator
(broken) and its git history, the stickfloor JavaScript project, the waxline crate, the waxscale Go module, the same
files' sqlite table and the stickwatch log (its exec_command tool). An item's text is the tool result the agent sent
back; its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw
output as round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped
whole. Run through capture_wide638.py."""

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
from capture_wide638 import JS, VENV, add
from capture_wide638_mat import CW, PR

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
        B("cc-bash-pytest-rfe-words2num", n_pytest,
          "cd words2num && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=long "
          "tests 2>&1 | tail -n 420"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd words2num", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=short tests "
                "-k 'en_us'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the words2num en_US tests"),
        B("cc-bash-ruff-concise-words2num", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise words2num/words2num "
          "words2num/tests words2num/stick_tallies.py | head -n 260"),
        B("cc-bash-mypy-strict-words2num", n_mypy,
          "cd words2num && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "words2num tests stick_tallies.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-stick-tallies", n_chained, "cd words2num && PYTHONPATH=. python stick_tallies.py"),
        B("cc-bash-go-test-v-sealpan", n_go_test, "cd sealpan && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd sealpan", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the sealpan tests"),
        B("cc-bash-go-vet-sealpan", n_go_vet, "cd sealpan-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-sealpan", n_go_build, "cd sealpan-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C waxroom -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build waxroom", before="make -C waxroom clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-waxroom", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iwaxroom/src waxroom/src/stickline.c "
          "waxroom/src/shellac_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-words2num", n_log_p, "cd words2num-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-words2num", n_blame, "cd words2num-git && git blame words2num/lang_EN_US.py"),
        B("cc-bash-git-show-words2num", n_show, "cd words2num-git && git show HEAD~2"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd words2num-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-waxroom-sealpan", n_ls_lR, "ls -laR waxroom sealpan sealpan-vet sealpan-build words2num"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-waxstore", n_csv, "cat waxstore.csv | head -n 240"),
        B("cc-bash-npm-view-p-throttle", n_npm_view, "npm view p-throttle --json 2>/dev/null"),
        B("cc-bash-log-grep-v-meltshed", n_app_log,
          "grep -vE 'DEBUG|INFO meltshed.api' meltshed.log | tail -n 240"),
        ("cc-read-py-words2num-lang-en-us", "Read", {"file_path": f"{SITE}/words2num/lang_EN_US.py"},
         read_ext("python")),
        ("cc-read-py-words2num-base", "Read", {"file_path": f"{SITE}/words2num/base.py"}, read_ext("python")),
        ("cc-grep-mypy-plugins-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                         "path": f"{SITE}/mypy/plugins", "glob": "*.py",
                                         "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-haikunator-words2num", "Glob", {"pattern": "{haikunator,words2num}*/**/*", "path": SITE}, n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-haikunator", n_pytest,
          "cd haikunator && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "haikunator/tests.py 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-haikunator", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise haikunator/haikunator haikunator/pan_labels.py "
          "| head -n 900"),
        B("cx-exec-mypy-strict-haikunator", n_mypy, "cd haikunator && mypy --strict haikunator pan_labels.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-pan-labels", n_chained, "cd haikunator && PYTHONPATH=. python pan_labels.py"),
        B("cx-exec-vitest-run-verbose-stickfloor", n_vitest, "cd stickfloor && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd stickfloor", None),
           Part("npx vitest run --reporter=dot -t 'redBand|meltLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-stickfloor", n_eslint, "cd stickfloor && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-stickfloor", n_tsc, "cd stickfloor && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-waxline", n_cargo_build, "cd waxline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd waxline", None),
           Part("sed -i '/let label: String/d;/idx.push(pan_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-waxline", n_clippy, "cd waxline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-waxscale", n_go_test, "cd waxscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-haikunator", n_log_p, "cd haikunator-git && git log -p | head -n 2400"),
        B("cx-exec-git-blame-haikunator", n_blame, "cd haikunator-git && git blame haikunator/haikunator.py"),
        B("cx-exec-tree-site-c-p", n_tree, f"tree -a --noreport -I __pycache__ -P 'c*|p*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-waxstore-largest", n_sqlite_col,
          "sqlite3 -header -column waxstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM waxstore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-debounce", n_npm_view, "npm view p-debounce --json 2>/dev/null"),
        B("cx-exec-log-grep-v-stickwatch", n_app_log, "grep -vE 'DEBUG|stickwatch.db' stickwatch.log | tail -n 600"),
        B("cx-exec-grep-rn-site-c-p", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/haikunator {SITE}/words2num {SITE}/num2words {SITE}/_pytest/config "
          f"{SITE}/mypy/test --include=*.py | head -n 640"),
        ("cx-exec-sed-n-haikunator", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/haikunator/haikunator.py {SITE}/haikunator/__init__.py "
                 f"{SITE}/haikunator/tests.py {SITE}/words2num/lang_EN_US.py {SITE}/words2num/base.py", **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PR} words2num && cp -r {tmp}/words2num-git words2num-git && "
          f"cp -r {tmp}/waxroom waxroom && cp -r {tmp}/sealpan {tmp}/sealpan-vet {tmp}/sealpan-build . && "
          f"cp {tmp}/data/waxstore.csv {tmp}/data/meltshed.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{CW} haikunator && cp -r {tmp}/haikunator-git haikunator-git && "
          f"cp -a {tmp}/stickfloor stickfloor && cp -r {tmp}/waxline waxline && cp -r {tmp}/waxscale . && "
          f"cp {tmp}/data/waxstore.db {tmp}/data/stickwatch.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
