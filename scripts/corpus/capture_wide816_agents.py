"""Round 816, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 757, 767 and 794 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding caesarcipher (broken,
its own suite) and its git history, the flagonmould C project, the touchbook Go module (three copies: tests, vet
findings, build errors), the /usr/share files' CSV and the tin pot log (its Bash, Read, Grep and Glob tools); Codex in
one holding py_enigma (broken, its own suite) and its git history, the pewterpot JavaScript project, the porringerkit
crate, the alloybook Go module, the same files' sqlite table and the burnish room's log (its exec_command tool). An
item's text is the tool result the agent sent back; its needles come from the extractor of the tool that printed the
lines, imported (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide816.py."""

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
from capture_wide816 import JS, VENV, add
from capture_wide816_mat import CC, PE

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
        B("cc-bash-pytest-rfe-caesarcipher", n_pytest,
          f"cd caesarcipher && PYTHONPATH=. {PYT} -rfE -vv --tb=short tests/test_caesarcipher.py 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-caesar-exit", "chain-test-exit", "test",
          [Part("cd caesarcipher", None),
           Part(f"PYTHONPATH=. {PYT} -q --tb=line tests/test_caesarcipher.py -k 'Encode or Crack' 2>&1 "
                "| tail -n 150", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the encode and crack tests"),
        B("cc-bash-ruff-concise-caesarcipher", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise caesarcipher/caesarcipher "
          "caesarcipher/tests caesarcipher/touchplate.py 2>&1 | head -n 190"),
        B("cc-bash-mypy-strict-caesarcipher", n_mypy,
          "cd caesarcipher && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "caesarcipher/caesarcipher.py caesarcipher/cmdline.py tests/test_caesarcipher.py touchplate.py "
          "2>&1 | tail -n 200"),
        B("cc-bash-traceback-touchplate", n_chained, "cd caesarcipher && PYTHONPATH=. python touchplate.py"),
        B("cc-bash-go-test-v-touchbook", n_go_test, "cd touchbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd touchbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the touchbook tests"),
        B("cc-bash-go-vet-touchbook", n_go_vet, "cd touchbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-touchbook", n_go_build, "cd touchbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C flagonmould -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build flagonmould", before="make -C flagonmould clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-flagonmould", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iflagonmould/src flagonmould/src/mould.c "
          "flagonmould/src/flagon_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-caesarcipher", n_log_p, "cd caesarcipher-git && git log -p --stat | head -n 420"),
        B("cc-bash-git-blame-caesarcipher", n_blame,
          "cd caesarcipher-git && git blame -L 90,200 caesarcipher/caesarcipher.py"),
        B("cc-bash-git-show-caesarcipher", n_show, "cd caesarcipher-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd caesarcipher-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-flagonmould-touchbook", n_ls_lR,
          "ls -laR flagonmould touchbook touchbook-vet touchbook-build caesarcipher/caesarcipher caesarcipher/tests"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux,
          "ps auxww --sort=-rss | grep -v binary_backend | head -n 50 | cut -c1-300"),
        B("cc-bash-csv-pewterbill", n_csv, "cat pewterbill.csv | head -n 240"),
        B("cc-bash-npm-view-p-event", n_npm_view, "npm view p-event --json 2>/dev/null"),
        B("cc-bash-log-grep-v-tinpot", n_app_log,
          "grep -vE 'DEBUG|INFO shop.api' tinpot.log | tail -n 220"),
        ("cc-read-py-caesarcipher-caesarcipher", "Read",
         {"file_path": f"{SITE}/caesarcipher/caesarcipher.py", "offset": 1, "limit": 420},
         read_ext("python")),
        ("cc-read-py-pip-operations-prepare", "Read", {"file_path": f"{SITE}/pip/_internal/operations/prepare.py",
                                                      "offset": 1, "limit": 600},
         read_ext("python")),
        ("cc-grep-pip-network-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                              "path": f"{SITE}/pip/_internal/network", "glob": "*.py",
                                              "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-caesar-enigma", "Glob",
         {"pattern": "{caesarcipher,enigma,py_enigma,pluggy,iniconfig,mypy_extensions}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-py-enigma", n_pytest,
          f"cd py_enigma && {PYT} -rfE -vv --tb=short enigma/tests 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-py-enigma", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise py_enigma/enigma/plugboard.py "
          "py_enigma/enigma/rotors py_enigma/enigma/machine.py py_enigma/mould_ledger.py | head -n 300"),
        B("cx-exec-mypy-strict-py-enigma", n_mypy,
          "cd py_enigma && mypy --strict enigma/plugboard.py enigma/rotors/rotor.py enigma/machine.py "
          "mould_ledger.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-mould-ledger", n_chained, "cd py_enigma && python mould_ledger.py"),
        B("cx-exec-vitest-run-verbose-pewterpot", n_vitest,
          "cd pewterpot && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd pewterpot", None),
           Part("npx vitest run --reporter=dot -t 'alloyBand|touchLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-pewterpot", n_eslint, "cd pewterpot && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-pewterpot", n_tsc, "cd pewterpot && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-porringerkit", n_cargo_build, "cd porringerkit && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd porringerkit", None),
           Part("sed -i '/let label: String/d;/idx.push(ear_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-porringerkit", n_clippy,
          "cd porringerkit && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-alloybook", n_go_test, "cd alloybook && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-py-enigma", n_log_p, "cd py_enigma-git && git log -p --stat | head -n 1500"),
        B("cx-exec-git-blame-py-enigma", n_blame, "cd py_enigma-git && git blame enigma/rotors/rotor.py"),
        B("cx-exec-tree-site-c-m-t", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'c*|m*|t*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux,
          "ps auxww --sort=-%cpu | grep -v binary_backend | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-pewterbill-largest", n_sqlite_col,
          "sqlite3 -header -column pewterbill.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM pewterbill ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-filter", n_npm_view, "npm view p-filter --json 2>/dev/null"),
        B("cx-exec-log-grep-v-burnishroom", n_app_log, "grep -vE 'DEBUG|room.db' burnishroom.log | tail -n 600"),
        B("cx-exec-grep-rn-site-enigma-caesar", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/enigma {SITE}/caesarcipher {SITE}/_pytest/mark {SITE}/pluggy "
          f"{SITE}/iniconfig --include=*.py | head -n 700"),
        ("cx-exec-sed-n-enigma-pytest", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/enigma/machine.py {SITE}/_pytest/fixtures.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{CC} caesarcipher && cp -r {tmp}/caesarcipher-git caesarcipher-git && "
          f"cp -r {tmp}/flagonmould flagonmould && cp -r {tmp}/touchbook {tmp}/touchbook-vet "
          f"{tmp}/touchbook-build . && "
          f"cp {tmp}/data/pewterbill.csv {tmp}/data/tinpot.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PE} py_enigma && cp -r {tmp}/py_enigma-git py_enigma-git && "
          f"cp -a {tmp}/pewterpot pewterpot && cp -r {tmp}/porringerkit porringerkit && "
          f"cp -r {tmp}/alloybook . && "
          f"cp {tmp}/data/pewterbill.db {tmp}/data/burnishroom.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
