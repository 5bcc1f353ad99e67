"""Round 538, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 504, 515 and 521 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding pybars3 (broken) and
its git history, the braidloft C project, the floatline Go module (three copies: tests, vet findings, build errors),
the /usr/share files' CSV and the braidhouse log (its Bash, Read, Grep and Glob tools); Codex in one holding
nested-lookup (broken) and its git history, the beatsters project, the headrope crate, the corkline Go module, the same
files' sqlite table and the mendingshed log (its exec_command tool). An item's text is the tool result the agent sent
back; its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw
output as round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole.
Run through capture_wide538.py."""

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
from capture_wide538 import JS, VENV, add
from capture_wide538_mat import NL, PB

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dp = root / "pybars"
    return [
        B("cc-bash-pytest-ra-pybars", n_pytest,
          "cd pybars && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=short "
          "tests 2>&1 | tail -n 240"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd pybars", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line tests "
                "-k 'each or escap or first'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the pybars each and escaping tests"),
        B("cc-bash-ruff-concise-pybars", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pybars/pybars "
          "pybars/float_chart.py | head -n 220"),
        B("cc-bash-mypy-strict-pybars", n_mypy,
          "cd pybars && mypy --strict --no-incremental --cache-dir=/dev/null pybars "
          "float_chart.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-float-chart", n_chained, "cd pybars && PYTHONPATH=. python float_chart.py"),
        B("cc-bash-go-test-v-floatline", n_go_test, "cd floatline && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd floatline", None), Part("go test -count=1 ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the floatline tests"),
        B("cc-bash-go-vet-floatline", n_go_vet, "cd floatline-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-floatline", n_go_build, "cd floatline-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C braidloft -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build braidloft", before="make -C braidloft clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-braidloft", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ibraidloft/src braidloft/src/floats.c "
          "braidloft/src/mesh_2[0-4].c 2>&1"),
        B("cc-bash-git-log-p-pybars", n_log_p,
          "cd pybars-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-pybars", n_blame,
          "cd pybars-git && git blame -L 200,330 pybars/_compiler.py"),
        B("cc-bash-git-show-pybars", n_show, "cd pybars-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pybars-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-braidloft-floatline", n_ls_lR, "ls -laR braidloft floatline pybars/pybars"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-opencascade-puredata", n_csv, "cat share.csv | head -n 240"),
        B("cc-bash-npm-view-normalize-path", n_npm_view, "npm view normalize-path --json 2>/dev/null"),
        B("cc-bash-log-grep-v-braidhouse", n_app_log,
          "grep -vE 'DEBUG|INFO braidhouse.api' braidhouse.log | tail -n 240"),
        ("cc-read-py-pybars-init", "Read", {"file_path": f"{dp}/pybars/__init__.py"},
         read_ext("python")),
        ("cc-read-py-pybars-compiler", "Read", {"file_path": f"{SITE}/pybars/_compiler.py", "offset": 330, "limit": 300},
         read_ext("python")),
        ("cc-grep-pybars-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+",
                                         "path": f"{SITE}/pybars", "glob": "*.py",
                                         "output_mode": "content", "-n": True, "head_limit": 140},
         n_grep_rn),
        ("cc-glob-site-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}"},
         n_claude_glob),
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
        B("cx-exec-pytest-vv-nested-lookup", n_pytest,
          "cd nested-lookup && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= "
          "-rA -vv --tb=long nested_lookup/tests 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-nested-lookup", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise nested-lookup/nested_lookup "
          "nested-lookup/mend_book.py | head -n 600"),
        B("cx-exec-mypy-strict-nested-lookup", n_mypy,
          "cd nested-lookup && mypy --strict nested_lookup mend_book.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-mend-book", n_chained, "cd nested-lookup && PYTHONPATH=. python mend_book.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd beatsters", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-beatsters", n_eslint, "cd beatsters && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd beatsters", None), Part("npx eslint lib/loft-plan.js lib/beatsters.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-headrope", n_cargo_build, "cd headrope && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd headrope", None),
           Part("sed -i '/let label: String/d;/idx.push(net_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-headrope", n_clippy,
          "cd headrope && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-corkline", n_go_test, "cd corkline && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-corkline", n_go_vet, "cd corkline-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-nested-lookup", n_log_p, "cd nested_lookup-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-nested-lookup", n_blame,
          "cd nested_lookup-git && git blame nested_lookup/nested_lookup.py | head -n 320"),
        B("cx-exec-tree-site-n-s", n_tree, f"tree -a --noreport -I __pycache__ -P 'n*|p*|s*' {SITE} | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 100\""),
        B("cx-exec-npm-view-semver-regex", n_npm_view, "npm view semver-regex --json 2>/dev/null"),
        B("cx-exec-log-grep-v-mendingshed", n_app_log,
          "grep -vE 'DEBUG|mendingshed.db' mendingshed.log | tail -n 600"),
        B("cx-exec-grep-rn-site-n-p", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/nested_lookup {SITE}/pybars {SITE}/pymeta {SITE}/_pytest/config "
          "--include=*.py | head -n 320"),
        ("cx-exec-sed-n-nested-lookup", "exec_command",
         {"cmd": f"sed -n '1,300p' {SITE}/nested_lookup/nested_lookup.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PB} pybars && cp -r {tmp}/pybars-git pybars-git && "
          f"cp -r {tmp}/braidloft braidloft && cp -r {tmp}/floatline {tmp}/floatline-vet {tmp}/floatline-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/braidhouse.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{NL} nested-lookup && cp -r {tmp}/nested_lookup-git nested_lookup-git && "
          f"cp -r {tmp}/headrope headrope && cp -r {tmp}/corkline {tmp}/corkline-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/mendingshed.log . && "
          f"mkdir beatsters && cp -r {tmp}/beatsters/lib {tmp}/beatsters/spec {tmp}/beatsters/package.json "
          f"{tmp}/beatsters/eslint.config.js {tmp}/beatsters/tsconfig.json beatsters/ && "
          f"ln -s {JS}/node_modules beatsters/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
