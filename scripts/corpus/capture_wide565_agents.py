"""Round 565, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 538, 547 and 554 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding fuzzysearch (broken)
and its git history, the pondgate C project, the floodline Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the pondhouse log (its Bash, Read, Grep and Glob tools); Codex in one holding
ansi2html (broken) and its git history, the floodtide crate, the ebbline Go module, the same files' sqlite table and
the tidehouse log (its exec_command tool). An item's text is the tool result the agent sent back; its needles come
from the extractor of the tool that printed the lines, imported, read on the command's raw output as round 437 reads
it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide565.py."""

from __future__ import annotations

from pathlib import Path

from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide565 import JS, VENV, add
from capture_wide565_mat import AH, FZ

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dp = root / "fuzzysearch"
    return [
        B("cc-bash-pytest-ra-fuzzysearch", n_pytest,
          "cd fuzzysearch && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=long "
          "tests -k 'not Base' 2>&1 | tail -n 400"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd fuzzysearch", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider -o addopts= --tb=short tests "
                "-k '(consolidat or overlap or find_near) and not Base'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the fuzzysearch match-grouping tests"),
        B("cc-bash-ruff-concise-fuzzysearch", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise fuzzysearch/src "
          "fuzzysearch/tests fuzzysearch/miller_ledger.py | head -n 260"),
        B("cc-bash-mypy-strict-fuzzysearch", n_mypy,
          "cd fuzzysearch && MYPYPATH=src mypy --strict --no-incremental --cache-dir=/dev/null src/fuzzysearch "
          "miller_ledger.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-miller-ledger", n_chained, "cd fuzzysearch && PYTHONPATH=src python miller_ledger.py"),
        B("cc-bash-go-test-v-floodline", n_go_test, "cd floodline && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd floodline", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the floodline tests"),
        B("cc-bash-go-vet-floodline", n_go_vet, "cd floodline-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-floodline", n_go_build, "cd floodline-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C pondgate -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build pondgate", before="make -C pondgate clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-pondgate", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ipondgate/src pondgate/src/millpond.c "
          "pondgate/src/sluice_1[5-9].c 2>&1"),
        B("cc-bash-git-log-p-fuzzysearch", n_log_p, "cd fuzzysearch-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-fuzzysearch", n_blame,
          "cd fuzzysearch-git && git blame -L 140,200 src/fuzzysearch/common.py"),
        B("cc-bash-git-show-fuzzysearch", n_show, "cd fuzzysearch-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd fuzzysearch-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-pondgate-floodline", n_ls_lR, "ls -laR pondgate floodline fuzzysearch/src/fuzzysearch"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-aspell-graphviz", n_csv, "cat share.csv | head -n 240"),
        B("cc-bash-npm-view-arr-diff", n_npm_view, "npm view arr-diff --json 2>/dev/null"),
        B("cc-bash-log-grep-v-pondhouse", n_app_log,
          "grep -vE 'DEBUG|INFO pondhouse.api' pondhouse.log | tail -n 240"),
        ("cc-read-py-fuzzysearch-common", "Read", {"file_path": f"{dp}/src/fuzzysearch/common.py"},
         read_ext("python")),
        ("cc-read-py-fuzzysearch-levenshtein", "Read",
         {"file_path": f"{SITE}/fuzzysearch/levenshtein.py", "offset": 1, "limit": 220}, read_ext("python")),
        ("cc-grep-fuzzysearch-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+",
                                              "path": f"{SITE}/fuzzysearch", "glob": "*.py",
                                              "output_mode": "content", "-n": True, "head_limit": 140},
         n_grep_rn),
        ("cc-glob-site-pytest-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/_pytest"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-ansi2html", n_pytest,
          "cd ansi2html && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= "
          "-rA -vv --tb=long tests 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-ansi2html", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise ansi2html/src ansi2html/tests "
          "ansi2html/sluice_board.py | head -n 600"),
        B("cx-exec-mypy-strict-ansi2html", n_mypy,
          "cd ansi2html && MYPYPATH=src mypy --strict src/ansi2html tests sluice_board.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-sluice-board", n_chained, "cd ansi2html && PYTHONPATH=src python sluice_board.py"),
        B("cx-exec-cargo-build-floodtide", n_cargo_build, "cd floodtide && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd floodtide", None),
           Part("sed -i '/let label: String/d;/idx.push(sluice_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-floodtide", n_clippy,
          "cd floodtide && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-ebbline", n_go_test, "cd ebbline && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-ebbline", n_go_vet, "cd ebbline-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-ansi2html", n_log_p, "cd ansi2html-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-ansi2html", n_blame,
          "cd ansi2html-git && git blame src/ansi2html/converter.py | head -n 320"),
        B("cx-exec-tree-site-a-f", n_tree, f"tree -a --noreport -I __pycache__ -P 'a*|f*|c*' {SITE} | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 100\""),
        B("cx-exec-npm-view-extend-shallow", n_npm_view, "npm view extend-shallow --json 2>/dev/null"),
        B("cx-exec-log-grep-v-tidehouse", n_app_log,
          "grep -vE 'DEBUG|tidehouse.db' tidehouse.log | tail -n 600"),
        B("cx-exec-grep-rn-site-a-f", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/ansi2html {SITE}/fuzzysearch {SITE}/attr {SITE}/_pytest/assertion "
          "--include=*.py | head -n 320"),
        ("cx-exec-sed-n-ansi2html", "exec_command",
         {"cmd": f"sed -n '1,300p' {SITE}/ansi2html/converter.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{FZ} fuzzysearch && cp -r {tmp}/fuzzysearch-git fuzzysearch-git && "
          f"cp -r {tmp}/pondgate pondgate && "
          f"cp -r {tmp}/floodline {tmp}/floodline-vet {tmp}/floodline-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/pondhouse.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{AH} ansi2html && cp -r {tmp}/ansi2html-git ansi2html-git && "
          f"cp -r {tmp}/floodtide floodtide && cp -r {tmp}/ebbline {tmp}/ebbline-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/tidehouse.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
