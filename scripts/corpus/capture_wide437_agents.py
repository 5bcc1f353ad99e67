"""Round 437, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 411 and 427 drive them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding nocasedict (broken) and its git
history, the drumhouse C project, the hidedrum Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the drumming log (its Bash, Read, Grep and Glob tools); Codex in one holding pysrt (broken)
and its git history, the hidework project, the fleshers crate, the same files' sqlite table and the unhairing log (its
exec_command tool). An item's text is the tool result the agent sent back; its needles come from the extractor of the
tool that printed the lines, imported, read on the command's raw output as round 427 reads it (capture_agents). An
item one of whose needles is on no line of its text is dropped whole. Run through capture_wide437.py."""

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
from capture_wide437 import JS, VENV, add
from capture_wide437_mat import NC, PS

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    co = root / "nocasedict"
    return [
        B("cc-bash-pytest-ra-nocasedict", n_pytest,
          "cd nocasedict && PYTHONPATH=. python -m pytest -p no:cacheprovider -rA -vv --tb=short tests/unittest "
          "2>&1 | tail -n 200"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd nocasedict", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider --tb=line tests/unittest -k 'setitem or eq'",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the nocasedict setitem and equality tests"),
        B("cc-bash-ruff-concise-nocasedict", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise nocasedict/nocasedict "
          "nocasedict/pit_rota.py | head -n 200"),
        B("cc-bash-mypy-strict-nocasedict", n_mypy,
          "cd nocasedict && mypy --strict --no-incremental --cache-dir=/dev/null nocasedict pit_rota.py "
          "2>&1 | tail -n 220"),
        B("cc-bash-traceback-pit-rota", n_chained, "cd nocasedict && PYTHONPATH=. python pit_rota.py"),
        B("cc-bash-go-test-v-hidedrum", n_go_test, "cd hidedrum && go test -v ./... 2>&1 | tail -n 380"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd hidedrum", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the hidedrum tests"),
        B("cc-bash-go-vet-hidedrum", n_go_vet, "cd hidedrum-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-hidedrum", n_go_build, "cd hidedrum-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C drumhouse -k 2>&1 | tail -n 340", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build drumhouse", before="make -C drumhouse clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-drumhouse", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Idrumhouse/src drumhouse/src/soak.c "
          "drumhouse/src/tanpit_2[0-4].c 2>&1"),
        B("cc-bash-git-log-p-nocasedict", n_log_p, "cd nocasedict-git && git log -p --stat | head -n 600"),
        B("cc-bash-git-blame-nocasedict", n_blame,
          "cd nocasedict-git && git blame -L 250,420 nocasedict/_nocasedict.py"),
        B("cc-bash-git-show-nocasedict-part", n_show, "cd nocasedict-git && git show HEAD~2"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd nocasedict-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-drumhouse-hidedrum", n_ls_lR, "ls -laR drumhouse hidedrum nocasedict/nocasedict"),
        B("cc-bash-ps-aux-sort-rss-45", n_ps_aux, "ps aux --sort=-rss | head -n 45"),
        B("cc-bash-csv-grep-lintian-completions", n_csv,
          "(head -n 1 share.csv; grep -E '^/usr/share/(lintian/[a-z-]+|bash-completion/completions),' share.csv) "
          "| head -n 240"),
        B("cc-bash-npm-view-ramda", n_npm_view, "npm view ramda --json 2>/dev/null"),
        B("cc-bash-log-grep-v-drumming", n_app_log,
          "grep -vE 'DEBUG|INFO drumming.api' drumming.log | tail -n 240"),
        ("cc-read-py-nocasedict-core", "Read", {"file_path": f"{co}/nocasedict/_nocasedict.py"}, read_ext("python")),
        ("cc-read-py-pyfiglet-init", "Read", {"file_path": f"{SITE}/pyfiglet/__init__.py", "limit": 600}, read_ext("python")),
        ("cc-grep-pyfiglet-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+", "path": f"{SITE}/pyfiglet",
                                           "glob": "*.py", "output_mode": "content", "-n": True,
                                           "head_limit": 120}, n_grep_rn),
        ("cc-glob-pyfiglet", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/pyfiglet"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-pysrt", n_pytest,
          "cd pysrt && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=long tests "
          "2>&1 | tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pysrt", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=short tests "
                "-k 'bom or minute or shift'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-pysrt", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pysrt/pysrt "
          "pysrt/tests pysrt/drum_cues.py | head -n 600"),
        B("cx-exec-mypy-strict-pysrt", n_mypy,
          "cd pysrt && mypy --strict pysrt tests drum_cues.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-drum-cues", n_chained, "cd pysrt && PYTHONPATH=. python drum_cues.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd hidework", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-hidework", n_eslint, "cd hidework && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd hidework", None), Part("npx eslint lib/fleshing-plan.js lib/hidework.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-fleshers", n_cargo_build, "cd fleshers && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd fleshers", None),
           Part("sed -i '/let label: String/d;/idx.push(beam_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-fleshers", n_clippy,
          "cd fleshers && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-git-log-p-pysrt", n_log_p, "cd pysrt-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-pysrt", n_blame, "cd pysrt-git && git blame pysrt/srtfile.py"),
        B("cx-exec-git-show-head-4", n_show, "cd pysrt-git && git show HEAD~4"),
        B("cx-exec-tree-oauthlib", n_tree, f"tree -a --noreport {SITE}/oauthlib | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-55", n_ps_aux, "ps aux --sort=-%cpu | head -n 55"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share WHERE directory NOT LIKE '%/bash-completion/%' ORDER BY size DESC, directory ASC LIMIT 230\""),
        B("cx-exec-npm-view-redux", n_npm_view, "npm view redux --json"),
        B("cx-exec-log-grep-v-unhairing", n_app_log, "grep -vE 'DEBUG|unhairing.db' unhairing.log | tail -n 600"),
        B("cx-exec-grep-rn-oauthlib-rfc6749", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/oauthlib/oauth2/rfc6749 --include=*.py | head -n 320"),
        ("cx-exec-sed-n-oauthlib-common", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/oauthlib/common.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{NC} nocasedict && cp -r {tmp}/nocasedict-git nocasedict-git && "
          f"cp -r {tmp}/drumhouse drumhouse && cp -r {tmp}/hidedrum {tmp}/hidedrum-vet {tmp}/hidedrum-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/drumming.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PS} pysrt && cp -r {tmp}/pysrt-git pysrt-git && "
          f"cp -r {tmp}/fleshers fleshers && cp {tmp}/data/share.db {tmp}/data/unhairing.log . && "
          f"mkdir hidework && cp -r {tmp}/hidework/lib {tmp}/hidework/spec {tmp}/hidework/package.json "
          f"{tmp}/hidework/eslint.config.js {tmp}/hidework/tsconfig.json hidework/ && "
          f"ln -s {JS}/node_modules hidework/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
