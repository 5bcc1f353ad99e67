"""Round 481, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 455, 467 and 475 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding geojson (broken) and
its git history, the boilery C project, the rakehouse Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the saltstore log (its Bash, Read, Grep and Glob tools); Codex in one holding zeep
(broken) and its git history, the saltloft project, the lumpsalt crate, the drawrake Go module, the same files'
sqlite table and the brinetally log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, imported, read on the command's raw output as
round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide481.py."""

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
from capture_wide481 import JS, VENV, add
from capture_wide481_mat import GJ, ZP

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    gj = root / "geojson"
    return [
        B("cc-bash-pytest-ra-geojson", n_pytest,
          "cd geojson && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=short "
          "tests 2>&1 | tail -n 200"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd geojson", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line tests "
                "-k 'coords or polygon or valid'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the geojson coordinate and validation tests"),
        B("cc-bash-ruff-concise-geojson", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise geojson/geojson "
          "geojson/pan_tally.py | head -n 200"),
        B("cc-bash-mypy-strict-geojson", n_mypy,
          "cd geojson && mypy --strict --no-incremental --cache-dir=/dev/null geojson tests pan_tally.py "
          "2>&1 | tail -n 220"),
        B("cc-bash-traceback-pan-tally", n_chained, "cd geojson && PYTHONPATH=. python pan_tally.py"),
        B("cc-bash-go-test-v-rakehouse", n_go_test, "cd rakehouse && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd rakehouse", None), Part("go test -count=1 ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the rakehouse tests"),
        B("cc-bash-go-vet-rakehouse", n_go_vet, "cd rakehouse-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-rakehouse", n_go_build, "cd rakehouse-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C boilery -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build boilery", before="make -C boilery clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-boilery", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iboilery/src boilery/src/tallies.c "
          "boilery/src/pan_2[0-4].c 2>&1"),
        B("cc-bash-git-log-p-geojson", n_log_p, "cd geojson-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-geojson", n_blame, "cd geojson-git && git blame -L 20,150 geojson/geometry.py"),
        B("cc-bash-git-show-geojson", n_show, "cd geojson-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd geojson-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-boilery-rakehouse", n_ls_lR, "ls -laR boilery rakehouse geojson/geojson"),
        B("cc-bash-ps-aux-sort-rss-45", n_ps_aux, "ps aux --sort=-rss | head -n 45"),
        B("cc-bash-csv-grep-wireshark-gitweb", n_csv,
          "(head -n 1 share.csv; grep -E '^/usr/share/(wireshark/[a-m][^,]*|gitweb[^,]*|systemtap[^,]*),' share.csv) "
          "| head -n 240"),
        B("cc-bash-npm-view-toidentifier", n_npm_view, "npm view toidentifier --json 2>/dev/null"),
        B("cc-bash-log-grep-v-saltstore", n_app_log,
          "grep -vE 'DEBUG|INFO saltstore.api' saltstore.log | tail -n 240"),
        ("cc-read-py-geojson-geometry", "Read", {"file_path": f"{gj}/geojson/geometry.py"},
         read_ext("python")),
        ("cc-read-py-urwid-canvas", "Read", {"file_path": f"{SITE}/urwid/canvas.py", "limit": 450},
         read_ext("python")),
        ("cc-grep-urwid-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+", "path": f"{SITE}/urwid",
                                         "glob": "*.py", "output_mode": "content", "-n": True,
                                         "head_limit": 120}, n_grep_rn),
        ("cc-glob-urwid", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/urwid"},
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
        B("cx-exec-pytest-vv-zeep", n_pytest,
          "cd zeep && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= -o required_plugins= "
          "-rA -vv --tb=long tests/test_xsd_*.py tests/test_helpers.py 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-zeep", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise zeep/src/zeep/xsd zeep/rake_log.py "
          "| head -n 600"),
        B("cx-exec-mypy-strict-zeep", n_mypy,
          "cd zeep && mypy --strict src/zeep rake_log.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-rake-log", n_chained, "cd zeep && PYTHONPATH=src python rake_log.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd saltloft", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-saltloft", n_eslint, "cd saltloft && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd saltloft", None), Part("npx eslint lib/raking-plan.js lib/saltloft.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-lumpsalt", n_cargo_build, "cd lumpsalt && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd lumpsalt", None),
           Part("sed -i '/let label: String/d;/idx.push(pan_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-lumpsalt", n_clippy,
          "cd lumpsalt && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-drawrake", n_go_test, "cd drawrake && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-drawrake", n_go_vet, "cd drawrake-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-zeep", n_log_p, "cd zeep-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-zeep", n_blame, "cd zeep-git && git blame src/zeep/utils.py"),
        B("cx-exec-tree-tornado", n_tree, f"tree -a --noreport -I __pycache__ {SITE}/tornado | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 230\""),
        B("cx-exec-npm-view-fast-json-stable-stringify", n_npm_view,
          "npm view fast-json-stable-stringify --json 2>/dev/null"),
        B("cx-exec-log-grep-v-brinetally", n_app_log, "grep -vE 'DEBUG|brinetally.db' brinetally.log | tail -n 600"),
        B("cx-exec-grep-rn-tornado", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/tornado --include=*.py | head -n 320"),
        ("cx-exec-sed-n-tornado-httputil", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/tornado/httputil.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{GJ} geojson && cp -r {tmp}/geojson-git geojson-git && "
          f"cp -r {tmp}/boilery boilery && cp -r {tmp}/rakehouse {tmp}/rakehouse-vet {tmp}/rakehouse-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/saltstore.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{ZP} zeep && cp -r {tmp}/zeep-git zeep-git && "
          f"cp -r {tmp}/lumpsalt lumpsalt && cp -r {tmp}/drawrake {tmp}/drawrake-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/brinetally.log . && "
          f"mkdir saltloft && cp -r {tmp}/saltloft/lib {tmp}/saltloft/spec {tmp}/saltloft/package.json "
          f"{tmp}/saltloft/eslint.config.js {tmp}/saltloft/tsconfig.json saltloft/ && "
          f"ln -s {JS}/node_modules saltloft/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
