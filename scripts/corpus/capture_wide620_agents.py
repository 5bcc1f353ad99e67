"""Round 620, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 591, 599 and 607 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding Metaphone (broken)
and its git history, the pestlerow C project, the rasphouse Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the stamphouse log (its Bash, Read, Grep and Glob tools); Codex in one holding
case-converter (broken) and its git history, the mullyard JavaScript project, the snuffline crate, the jarscale Go
module, the same files' sqlite table and the kilnwatch log (its exec_command tool). An item's text is the tool result
the agent sent back; its needles come from the extractor of the tool that printed the lines, imported, read on the
command's raw output as round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is
dropped whole. Run through capture_wide620.py."""

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
from capture_wide620 import JS, VENV, add
from capture_wide620_mat import CC, MP

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dl = root / "metaphone"
    return [
        B("cc-bash-pytest-rfe-metaphone", n_pytest,
          "cd metaphone && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=long "
          "metaphone/tests 2>&1 | tail -n 420"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd metaphone", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=short metaphone/tests "
                "-k 'general or double or word'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the metaphone word tests"),
        B("cc-bash-ruff-concise-metaphone", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise metaphone/metaphone "
          "metaphone/blend_roll.py | head -n 260"),
        B("cc-bash-mypy-strict-metaphone", n_mypy,
          "cd metaphone && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "metaphone blend_roll.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-blend-roll", n_chained, "cd metaphone && PYTHONPATH=. python blend_roll.py"),
        B("cc-bash-go-test-v-rasphouse", n_go_test, "cd rasphouse && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd rasphouse", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the rasphouse tests"),
        B("cc-bash-go-vet-rasphouse", n_go_vet, "cd rasphouse-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-rasphouse", n_go_build, "cd rasphouse-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C pestlerow -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build pestlerow", before="make -C pestlerow clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-pestlerow", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ipestlerow/src pestlerow/src/stampline.c "
          "pestlerow/src/mortar_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-metaphone", n_log_p, "cd metaphone-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-metaphone", n_blame,
          "cd metaphone-git && git blame metaphone/word.py"),
        B("cc-bash-git-show-metaphone", n_show, "cd metaphone-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd metaphone-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-pestlerow-rasphouse", n_ls_lR,
          "ls -laR pestlerow rasphouse rasphouse-vet rasphouse-build metaphone"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-leafstore", n_csv, "cat leafstore.csv | head -n 240"),
        B("cc-bash-npm-view-p-locate", n_npm_view, "npm view p-locate --json 2>/dev/null"),
        B("cc-bash-log-grep-v-stamphouse", n_app_log,
          "grep -vE 'DEBUG|INFO stamphouse.api' stamphouse.log | tail -n 240"),
        ("cc-read-py-metaphone-metaphone", "Read", {"file_path": f"{dl}/metaphone/metaphone.py"},
         read_ext("python")),
        ("cc-read-py-metaphone-word", "Read",
         {"file_path": f"{SITE}/metaphone/word.py", "offset": 1, "limit": 160}, read_ext("python")),
        ("cc-grep-metaphone-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|self\.next = |return ",
                                            "path": f"{SITE}/metaphone", "glob": "*.py",
                                            "output_mode": "content", "-n": True, "head_limit": 100},
         n_grep_rn),
        ("cc-glob-site-caseconverter-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/caseconverter"},
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
        B("cx-exec-pytest-vv-caseconverter", n_pytest,
          "cd caseconverter && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "caseconverter 2>&1 | tail -n 900"),
        B("cx-exec-ruff-concise-caseconverter", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise caseconverter/caseconverter "
          "caseconverter/jar_labels.py | head -n 900"),
        B("cx-exec-mypy-strict-caseconverter", n_mypy,
          "cd caseconverter && mypy --strict caseconverter jar_labels.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-jar-labels", n_chained, "cd caseconverter && PYTHONPATH=. python jar_labels.py"),
        B("cx-exec-vitest-run-mullyard", n_vitest, "cd mullyard && npx vitest run 2>&1 | tail -n 400"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd mullyard", None),
           Part("npx vitest run --reporter=dot -t 'grainBand|blendLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-mullyard", n_eslint, "cd mullyard && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-mullyard", n_tsc, "cd mullyard && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-snuffline", n_cargo_build, "cd snuffline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd snuffline", None),
           Part("sed -i '/let label: String/d;/idx.push(mill_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-snuffline", n_clippy,
          "cd snuffline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-jarscale", n_go_test, "cd jarscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-caseconverter", n_log_p, "cd caseconverter-git && git log -p | head -n 2400"),
        B("cx-exec-git-blame-caseconverter", n_blame,
          "cd caseconverter-git && git blame caseconverter/boundaries.py | head -n 320"),
        B("cx-exec-tree-site-c-m", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'c*|m*' {SITE} | head -n 900"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-leafstore-largest", n_sqlite_col,
          "sqlite3 -header -column leafstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM leafstore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-try", n_npm_view, "npm view p-try --json 2>/dev/null"),
        B("cx-exec-log-grep-v-kilnwatch", n_app_log,
          "grep -vE 'DEBUG|kilnwatch.db' kilnwatch.log | tail -n 600"),
        B("cx-exec-grep-rn-site-c-m", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/caseconverter {SITE}/metaphone {SITE}/_pytest/mark "
          f"{SITE}/mypy/test --include=*.py | head -n 640"),
        ("cx-exec-sed-n-caseconverter", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/caseconverter/caseconverter.py {SITE}/caseconverter/boundaries.py "
                f"{SITE}/caseconverter/title.py {SITE}/caseconverter/macro.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{MP} metaphone && cp -r {tmp}/metaphone-git metaphone-git && "
          f"cp -r {tmp}/pestlerow pestlerow && "
          f"cp -r {tmp}/rasphouse {tmp}/rasphouse-vet {tmp}/rasphouse-build . && "
          f"cp {tmp}/data/leafstore.csv {tmp}/data/stamphouse.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{CC} caseconverter && cp -r {tmp}/caseconverter-git caseconverter-git && "
          f"cp -a {tmp}/mullyard mullyard && "
          f"cp -r {tmp}/snuffline snuffline && cp -r {tmp}/jarscale . && "
          f"cp {tmp}/data/leafstore.db {tmp}/data/kilnwatch.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
