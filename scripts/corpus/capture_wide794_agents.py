"""Round 794, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 745, 757 and 767 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding edn_format (broken,
its own suite) and its git history, the damselshaft C project, the runnerbook Go module (three copies: tests, vet
findings, build errors), the /usr/share files' CSV and the mill pick log (its Bash, Read, Grep and Glob tools); Codex
in one holding piexif (broken, its own suite) and its git history, the hopperboy JavaScript project, the shoestrap
crate, the furrowbook Go module, the same files' sqlite table and the stone crane's log (its exec_command tool). An
item's text is the tool result the agent sent back; its needles come from the extractor of the tool that printed the
lines, imported (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide794.py."""

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
from capture_wide794 import JS, VENV, add
from capture_wide794_mat import EF, PX

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
        B("cc-bash-pytest-rfe-edn-format", n_pytest,
          f"cd edn_format && PYTHONPATH=. {PYT} -rfE -vv --tb=short tests.py 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-edn-exit", "chain-test-exit", "test",
          [Part("cd edn_format", None),
           Part(f"PYTHONPATH=. {PYT} -q --tb=line tests.py -k 'EdnTest or CharTest or MetadataTest' 2>&1 "
                "| tail -n 150", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the EDN, char and metadata tests"),
        B("cc-bash-ruff-concise-edn-format", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise edn_format/edn_format "
          "edn_format/grist_card.py 2>&1 | head -n 190"),
        B("cc-bash-mypy-strict-edn-format", n_mypy,
          "cd edn_format && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "edn_format/edn_dump.py edn_format/edn_lex.py edn_format/edn_parse.py edn_format/char.py "
          "tests.py grist_card.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-grist-card", n_chained, "cd edn_format && PYTHONPATH=. python grist_card.py"),
        B("cc-bash-go-test-v-runnerbook", n_go_test, "cd runnerbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd runnerbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the runnerbook tests"),
        B("cc-bash-go-vet-runnerbook", n_go_vet, "cd runnerbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-runnerbook", n_go_build, "cd runnerbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C damselshaft -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build damselshaft", before="make -C damselshaft clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-damselshaft", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Idamselshaft/src damselshaft/src/hopper.c "
          "damselshaft/src/stone_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-edn-format", n_log_p, "cd edn_format-git && git log -p --stat | head -n 420"),
        B("cc-bash-git-blame-edn-format", n_blame,
          "cd edn_format-git && git blame -L 200,300 edn_format/edn_lex.py"),
        B("cc-bash-git-show-edn-format", n_show, "cd edn_format-git && git show HEAD~4"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd edn_format-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-damselshaft-runnerbook", n_ls_lR,
          "ls -laR damselshaft runnerbook runnerbook-vet runnerbook-build edn_format/edn_format"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux,
          "ps auxww --sort=-rss | grep -v binary_backend | head -n 50 | cut -c1-300"),
        B("cc-bash-csv-millbill", n_csv, "cat millbill.csv | head -n 240"),
        B("cc-bash-npm-view-p-cancelable", n_npm_view, "npm view p-cancelable --json 2>/dev/null"),
        B("cc-bash-log-grep-v-millpick", n_app_log,
          "grep -vE 'DEBUG|INFO mill.api' millpick.log | tail -n 220"),
        ("cc-read-py-edn-format-edn-parse", "Read",
         {"file_path": f"{SITE}/edn_format/edn_parse.py", "offset": 1, "limit": 420},
         read_ext("python")),
        ("cc-read-py-pip-req-install", "Read", {"file_path": f"{SITE}/pip/_internal/req/req_install.py",
                                               "offset": 1, "limit": 600},
         read_ext("python")),
        ("cc-grep-pip-resolution-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                                 "path": f"{SITE}/pip/_internal/resolution", "glob": "*.py",
                                                 "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-edn-piexif", "Glob",
         {"pattern": "{edn_format,piexif,ply,pyrfc3339,pluggy,iniconfig}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-piexif", n_pytest,
          f"cd piexif && {PYT} -rfE -vv --tb=short tests/s_test.py 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-piexif", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise piexif/piexif/helper.py "
          "piexif/piexif/_dump.py piexif/piexif/_load.py piexif/stone_ledger.py | head -n 300"),
        B("cx-exec-mypy-strict-piexif", n_mypy,
          "cd piexif && mypy --strict piexif/helper.py piexif/_dump.py piexif/_common.py "
          "stone_ledger.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-stone-ledger", n_chained, "cd piexif && python stone_ledger.py"),
        B("cx-exec-vitest-run-verbose-hopperboy", n_vitest,
          "cd hopperboy && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd hopperboy", None),
           Part("npx vitest run --reporter=dot -t 'furrowBand|runnerLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-hopperboy", n_eslint, "cd hopperboy && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-hopperboy", n_tsc, "cd hopperboy && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-shoestrap", n_cargo_build, "cd shoestrap && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd shoestrap", None),
           Part("sed -i '/let label: String/d;/idx.push(damsel_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-shoestrap", n_clippy,
          "cd shoestrap && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-furrowbook", n_go_test, "cd furrowbook && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-piexif", n_log_p, "cd piexif-git && git log -p --stat | head -n 1500"),
        B("cx-exec-git-blame-piexif", n_blame, "cd piexif-git && git blame piexif/helper.py"),
        B("cx-exec-tree-site-e-p-r", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'e*|p*|r*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux,
          "ps auxww --sort=-%cpu | grep -v binary_backend | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-millbill-largest", n_sqlite_col,
          "sqlite3 -header -column millbill.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM millbill ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-immediate", n_npm_view, "npm view p-immediate --json 2>/dev/null"),
        B("cx-exec-log-grep-v-stonecrane", n_app_log, "grep -vE 'DEBUG|crane.db' stonecrane.log | tail -n 600"),
        B("cx-exec-grep-rn-site-piexif-edn", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/piexif {SITE}/edn_format {SITE}/ply {SITE}/_pytest/assertion "
          f"{SITE}/pyrfc3339 --include=*.py | head -n 700"),
        ("cx-exec-sed-n-piexif-pytest", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/piexif/_load.py {SITE}/_pytest/python.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{EF} edn_format && cp -r {tmp}/edn_format-git edn_format-git && "
          f"cp -r {tmp}/damselshaft damselshaft && cp -r {tmp}/runnerbook {tmp}/runnerbook-vet "
          f"{tmp}/runnerbook-build . && "
          f"cp {tmp}/data/millbill.csv {tmp}/data/millpick.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PX} piexif && cp -r {tmp}/piexif-git piexif-git && "
          f"cp -a {tmp}/hopperboy hopperboy && cp -r {tmp}/shoestrap shoestrap && "
          f"cp -r {tmp}/furrowbook . && "
          f"cp {tmp}/data/millbill.db {tmp}/data/stonecrane.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
