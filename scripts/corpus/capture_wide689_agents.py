"""Round 689, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 681 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding PyLuhn (broken, its
suite) and its git history, the netloftworks C project, the knotbook Go module (three copies: tests, vet findings,
build errors), the /usr/share files' CSV and the netloft log (its Bash, Read, Grep and Glob tools); Codex in one
holding morse-talk (broken, its suite) and its git history, the meshboardery JavaScript project, the sinkerline
crate, the twinehousescale Go module, the same files' sqlite table and the twinehouse log (its exec_command tool). An
item's text is the tool result the agent sent back; its needles come from the extractor of the tool that printed the
lines, imported, read on the command's raw output as round 437 reads it (capture_agents). An item one of whose needles
is on no line of its text is dropped whole. Run through capture_wide689.py."""

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
from capture_wide689 import JS, VENV, add
from capture_wide689_mat import DM, HN

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
        B("cc-bash-pytest-rfe-luhn", n_pytest,
          "cd luhn && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "tests 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd luhn", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider -o addopts= --tb=line tests/test_meshboard_luhn.py -k b10 2>&1 | tail -n 150",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the PyLuhn base-10 tests"),
        B("cc-bash-ruff-concise-luhn", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise luhn/src luhn/tests "
          "luhn/knotbook_tally.py luhn/setup.py | head -n 220"),
        B("cc-bash-mypy-strict-luhn", n_mypy,
          "cd luhn && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "src/pyluhn.py tests knotbook_tally.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-knotbook-tally", n_chained, "cd luhn && PYTHONPATH=src python knotbook_tally.py"),
        B("cc-bash-go-test-v-knotbook", n_go_test, "cd knotbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd knotbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the knotbook tests"),
        B("cc-bash-go-vet-knotbook", n_go_vet, "cd knotbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-knotbook", n_go_build, "cd knotbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C netloftworks -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build netloftworks", before="make -C netloftworks clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-netloftworks", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Inetloftworks/src netloftworks/src/knotline.c "
          "netloftworks/src/net_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-luhn", n_log_p, "cd pyluhn-git && git log -p --stat | head -n 520"),
        B("cc-bash-git-blame-luhn", n_blame, "cd pyluhn-git && git blame src/pyluhn.py | head -n 260"),
        B("cc-bash-git-show-luhn", n_show, "cd pyluhn-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pyluhn-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-netloftworks-knotbook", n_ls_lR,
          "ls -laR netloftworks knotbook knotbook-vet knotbook-build luhn"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-twinestore", n_csv, "cat twinestore.csv | head -n 240"),
        B("cc-bash-npm-view-p-map-series", n_npm_view, "npm view p-map-series --json 2>/dev/null"),
        B("cc-bash-log-grep-v-netloft", n_app_log,
          "grep -vE 'DEBUG|INFO netloft.api' netloft.log | tail -n 220"),
        ("cc-read-py-morse-encoding", "Read", {"file_path": f"{SITE}/morse_talk/encoding.py"}, read_ext("python")),
        ("cc-read-py-pip-req-file", "Read", {"file_path": f"{SITE}/pip/_internal/req/req_file.py"},
         read_ext("python")),
        ("cc-grep-pip-resolution-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                                 "path": f"{SITE}/pip/_internal/resolution", "glob": "*.py",
                                                 "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-luhn-morse", "Glob", {"pattern": "{pyluhn,PyLuhn,morse_talk,morse_talk,_pytest,pluggy,iniconfig,packaging}*/**/*",
                                                   "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-morse", n_pytest,
          "cd morse && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv -l --tb=long "
          "tests 2>&1 | tail -n 1300"),
        B("cx-exec-ruff-concise-morse", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise morse/morse_talk morse/setup.py "
          "morse/tests morse/twinehouse_signals.py | head -n 900"),
        B("cx-exec-mypy-strict-morse", n_mypy,
          "cd morse && mypy --strict morse_talk tests twinehouse_signals.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-twinehouse-signals", n_chained, "cd morse && PYTHONPATH=. python twinehouse_signals.py"),
        B("cx-exec-vitest-run-verbose-meshboardery", n_vitest,
          "cd meshboardery && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd meshboardery", None),
           Part("npx vitest run --reporter=dot -t 'loftBand|netLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-meshboardery", n_eslint, "cd meshboardery && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-meshboardery", n_tsc, "cd meshboardery && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-sinkerline", n_cargo_build, "cd sinkerline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd sinkerline", None),
           Part("sed -i '/let label: String/d;/idx.push(lead_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-sinkerline", n_clippy,
          "cd sinkerline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-twinehousescale", n_go_test, "cd twinehousescale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-morse", n_log_p, "cd morse_talk-git && git log -p --stat | head -n 2200"),
        B("cx-exec-git-blame-morse", n_blame, "cd morse_talk-git && git blame morse_talk/encoding.py"),
        B("cx-exec-tree-site-m-t-i-c", n_tree, f"tree -a --noreport -I __pycache__ -P 'm*|t*|i*|c*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-twinestore-largest", n_sqlite_col,
          "sqlite3 -header -column twinestore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM twinestore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-each-series", n_npm_view, "npm view p-each-series --json 2>/dev/null"),
        B("cx-exec-log-grep-v-twinehouse", n_app_log, "grep -vE 'DEBUG|twinehouse.db' twinehouse.log | tail -n 600"),
        B("cx-exec-grep-rn-site-morse-pluggy", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/morse_talk {SITE}/pyluhn.py {SITE}/pluggy {SITE}/_pytest/config "
          f"{SITE}/mypy/plugins {SITE}/packaging --include=*.py | head -n 700"),
        ("cx-exec-sed-n-morse-luhn", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/morse_talk/decoding.py {SITE}/pyluhn.py "
                 f"{SITE}/morse_talk/encoding.py {SITE}/_pytest/monkeypatch.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{HN} luhn && cp -r {tmp}/pyluhn-git pyluhn-git && "
          f"cp -r {tmp}/netloftworks netloftworks && cp -r {tmp}/knotbook {tmp}/knotbook-vet {tmp}/knotbook-build . && "
          f"cp {tmp}/data/twinestore.csv {tmp}/data/netloft.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{DM} morse && cp -r {tmp}/morse_talk-git morse_talk-git && "
          f"cp -a {tmp}/meshboardery meshboardery && cp -r {tmp}/sinkerline sinkerline && cp -r {tmp}/twinehousescale . && "
          f"cp {tmp}/data/twinestore.db {tmp}/data/twinehouse.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
