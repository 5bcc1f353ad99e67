"""Round 366, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (capture_agents.drive:
tests/e2e/agent_harness.py's AgentRun, a stub Script of ToolCallSteps, the launcher started with --no-compress so that
the stub records every tool result exactly as the agent wrote it and nothing compressed is ever seen). Claude Code
works in a directory holding python-dotenv (broken) and its git history, the arbors C project, the beattally Go module
(three copies: tests, vet findings, build errors), the documentation CSV and the regulating log (its Bash, Read, Grep
and Glob tools); Codex in one holding python-ulid (broken) and its git history, the dialwork project, the mainsprings
crate, the documentation sqlite table and the beating log (its exec_command tool). An item's text is the tool result
the agent sent back; its needles come from the extractor of the tool that printed the lines, imported, read on the
command's raw output as round 363 reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:`
header line, a Read result without its line-number gutter; a chain's from each part's own, the parts run again outside
the agent). An item one of whose needles is on no line of its text is dropped whole. Run through capture_wide366.py."""

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
from capture_wide366 import JS, VENV, add
from capture_wide366_mat import DV, UL

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    co = root / "dotenv"
    return [
        B("cc-bash-pytest-ra-dotenv", n_pytest,
          "cd dotenv && PYTHONPATH=src python -m pytest -p no:cacheprovider -rA --tb=short tests 2>&1 "
          "| tail -n 380"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd dotenv", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=line tests/test_parser.py "
                "tests/test_variables.py tests/test_main.py -k 'comment or unquoted or variable or interpolat'",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the dotenv parser tests"),
        B("cc-bash-ruff-concise-dotenv", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise dotenv/src/dotenv dotenv/tests "
          "dotenv/escapement_env.py | head -n 280"),
        B("cc-bash-ruff-full-escapement-env", n_ruff,
          "cd dotenv && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,N,S,RET,D,FBT "
          "--output-format=full escapement_env.py src/dotenv/cli.py src/dotenv/variables.py 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-dotenv", n_mypy,
          "cd dotenv && MYPYPATH=src mypy --strict --no-incremental --cache-dir=/dev/null src/dotenv tests "
          "escapement_env.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-escapement-env", n_chained, "cd dotenv && PYTHONPATH=src python escapement_env.py"),
        B("cc-bash-go-test-v-beattally", n_go_test, "cd beattally && go test -v ./... 2>&1 | tail -n 380"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd beattally", None), Part("go test -count=1 ./... 2>&1 | tail -n 70", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the beattally tests"),
        B("cc-bash-go-vet-beattally", n_go_vet, "cd beattally-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-beattally", n_go_build, "cd beattally-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C arbors -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build arbors", before="make -C arbors clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-arbors", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iarbors/src arbors/src/beat.c "
          "arbors/src/pinion_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-dotenv", n_log_p, "cd dotenv-git && git log -p --stat | head -n 620"),
        B("cc-bash-git-blame-dotenv", n_blame, "cd dotenv-git && git blame -L 1,260 src/dotenv/main.py"),
        B("cc-bash-git-show-main-part", n_show, "cd dotenv-git && git show ':/^main: part 4 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd dotenv-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-arbors-beattally", n_ls_lR, "ls -laR arbors beattally dotenv/tests"),
        B("cc-bash-ps-aux-sort-cpu-45", n_ps_aux, "ps aux --sort=-%cpu | head -n 45"),
        B("cc-bash-csv-grep-news-authors", n_csv,
          "(head -n 1 docs.csv; grep -E ',(NEWS|AUTHORS|TODO)[^,]*,' docs.csv) | head -n 260"),
        B("cc-bash-npm-view-neverthrow", n_npm_view, "npm view neverthrow --json 2>/dev/null"),
        B("cc-bash-log-grep-v-regulating", n_app_log,
          "grep -vE 'DEBUG|INFO regulating.api' regulating.log | tail -n 240"),
        ("cc-read-py-dotenv-main", "Read", {"file_path": f"{co}/src/dotenv/main.py"}, read_ext("python")),
        ("cc-read-py-dotenv-parser", "Read", {"file_path": f"{co}/src/dotenv/parser.py"}, read_ext("python")),
        ("cc-read-py-pypika-terms-part", "Read", {"file_path": f"{SITE}/pypika/terms.py", "offset": 300,
                                                  "limit": 330}, read_ext("python")),
        ("cc-grep-pypika-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+", "path": f"{SITE}/pypika",
                                         "glob": "*.py", "output_mode": "content", "-n": True,
                                         "head_limit": 90}, n_grep_rn),
        ("cc-grep-dotenv-raises", "Grep", {"pattern": r"raise \w+|^def \w+|logger\.\w+\(", "path": f"{co}/src/dotenv",
                                           "glob": "*.py", "output_mode": "content", "-n": True,
                                           "head_limit": 120}, n_grep_rn),
        ("cc-glob-pypika", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/pypika"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-ulid", n_pytest,
          "cd python-ulid && python -m pytest -p no:cacheprovider -rA -vv --tb=long tests 2>&1 | tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd python-ulid", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short tests/test_base32.py tests/test_ulid.py "
                "-k 'timestamp or decode or float or overflow'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-ulid", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise python-ulid/ulid "
          "python-ulid/tests python-ulid/pallet_ids.py | head -n 600"),
        B("cx-exec-ruff-full-base32", n_ruff,
          "cd python-ulid && ruff check --no-cache --isolated --select ALL --output-format=full "
          "ulid/base32.py ulid/__main__.py ulid/constants.py pallet_ids.py | head -n 560"),
        B("cx-exec-mypy-strict-ulid", n_mypy,
          "cd python-ulid && mypy --strict ulid tests pallet_ids.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-pallet-ids", n_chained, "cd python-ulid && python pallet_ids.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd dialwork", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-dialwork", n_eslint, "cd dialwork && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd dialwork", None), Part("npx eslint lib/regulating-plan.js lib/dialwork.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-mainsprings", n_cargo_build, "cd mainsprings && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd mainsprings", None),
           Part("sed -i '/let label: String/d;/idx.push(barrel_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-mainsprings", n_clippy,
          "cd mainsprings && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-git-log-p-ulid", n_log_p, "cd ulid-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-ulid-init", n_blame, "cd ulid-git && git blame ulid/__init__.py"),
        B("cx-exec-git-show-head-4", n_show, "cd ulid-git && git show HEAD~4"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd ulid-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-sortedcollections-parver", n_tree,
          f"tree -a --noreport {SITE}/sortedcollections {SITE}/parver {SITE}/srt_tools | head -n 380"),
        B("cx-exec-ps-aux-sort-vsz-55", n_ps_aux, "ps aux --sort=-vsz | head -n 55"),
        B("cx-exec-sqlite-docs-news", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE 'NEWS%' OR file LIKE 'README.Debian%' ORDER BY size DESC, directory ASC LIMIT 260\""),
        B("cx-exec-npm-view-remeda", n_npm_view, "npm view remeda --json"),
        B("cx-exec-log-grep-v-beating", n_app_log, "grep -vE 'DEBUG|beating.db' beating.log | tail -n 600"),
        B("cx-exec-grep-rn-parver-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/sortedcollections {SITE}/parver --include=*.py | head -n 300"),
        ("cx-exec-sed-n-srt", "exec_command",
         {"cmd": f"sed -n '1,320p' {SITE}/srt.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{DV} dotenv && cp -r {tmp}/dotenv-git dotenv-git && "
          f"cp -r {tmp}/arbors arbors && cp -r {tmp}/beattally {tmp}/beattally-vet {tmp}/beattally-build . && "
          f"cp {tmp}/data/docs.csv {tmp}/data/regulating.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{UL} python-ulid && cp -r {tmp}/ulid-git ulid-git && "
          f"cp -r {tmp}/mainsprings mainsprings && cp {tmp}/data/docs.db {tmp}/data/beating.log . && "
          f"mkdir dialwork && cp -r {tmp}/dialwork/lib {tmp}/dialwork/spec {tmp}/dialwork/package.json "
          f"{tmp}/dialwork/eslint.config.js {tmp}/dialwork/tsconfig.json dialwork/ && "
          f"ln -s {JS}/node_modules dialwork/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
