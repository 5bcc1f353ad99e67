"""Round 411, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 382 and 397 drive them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding flatten-dict (broken) and its
git history, the stonenut C project, the runnerstone Go module (three copies: tests, vet findings, build errors), the
documentation CSV and the milling log (its Bash, Read, Grep and Glob tools); Codex in one holding environs (broken)
and its git history, the sackhoist project, the wallower crate, the documentation sqlite table and the winding log
(its exec_command tool). An item's text is the tool result the agent sent back; its needles come from the extractor
of the tool that printed the lines, imported, read on the command's raw output as rounds 382 and 397 read it
(capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read result without its
line-number gutter; a chain's from each part's own, the parts run again outside the agent). An item one of whose
needles is on no line of its text is dropped whole. Run through capture_wide411.py."""

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
from capture_wide411 import JS, VENV, add
from capture_wide411_mat import EV, FD

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    co = root / "flatten-dict"
    return [
        B("cc-bash-pytest-ra-flatten-dict", n_pytest,
          "cd flatten-dict && PYTHONPATH=src python -m pytest -p no:cacheprovider -rA -vv --tb=long "
          "src/flatten_dict/tests 2>&1 | tail -n 420"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd flatten-dict", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=line src/flatten_dict/tests "
                "-k 'depth_limit or splitter'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the flatten-dict depth and splitter tests"),
        B("cc-bash-ruff-concise-flatten-dict", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise flatten-dict/src "
          "flatten-dict/sail_settings.py | head -n 190"),
        B("cc-bash-ruff-full-sail-settings", n_ruff,
          "cd flatten-dict && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,N,S,RET,D,FBT,PTH "
          "--output-format=full sail_settings.py src/flatten_dict/flatten_dict.py src/flatten_dict/splitters.py "
          "2>&1 | tail -n 320"),
        B("cc-bash-mypy-strict-flatten-dict", n_mypy,
          "cd flatten-dict && mypy --strict --no-incremental --cache-dir=/dev/null src/flatten_dict sail_settings.py "
          "2>&1 | tail -n 220"),
        B("cc-bash-traceback-sail-settings", n_chained, "cd flatten-dict && PYTHONPATH=src python sail_settings.py"),
        B("cc-bash-go-test-v-runnerstone", n_go_test, "cd runnerstone && go test -v ./... 2>&1 | tail -n 380"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd runnerstone", None), Part("go test -count=1 ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the runnerstone tests"),
        B("cc-bash-go-vet-runnerstone", n_go_vet, "cd runnerstone-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-runnerstone", n_go_build, "cd runnerstone-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C stonenut -k 2>&1 | tail -n 360", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build stonenut", before="make -C stonenut clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-stonenut", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Istonenut/src stonenut/src/wind.c "
          "stonenut/src/sweep_2[0-4].c 2>&1"),
        B("cc-bash-git-log-p-flatten-dict", n_log_p, "cd flatten-dict-git && git log -p --stat | head -n 640"),
        B("cc-bash-git-blame-flatten-dict", n_blame,
          "cd flatten-dict-git && git blame -L 20,160 src/flatten_dict/flatten_dict.py"),
        B("cc-bash-git-show-flatten-dict-part", n_show, "cd flatten-dict-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd flatten-dict-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-stonenut-runnerstone", n_ls_lR, "ls -laR stonenut runnerstone flatten-dict/src"),
        B("cc-bash-ps-aux-sort-mem-50", n_ps_aux, "ps aux --sort=-%mem | head -n 50"),
        B("cc-bash-csv-grep-copyright-readme", n_csv,
          "(head -n 1 docs.csv; grep -E ',(README|TODO|AUTHORS)[^,]*,' docs.csv) | head -n 260"),
        B("cc-bash-npm-view-eventemitter3", n_npm_view, "npm view eventemitter3 --json 2>/dev/null"),
        B("cc-bash-log-grep-v-milling", n_app_log,
          "grep -vE 'DEBUG|INFO milling.api' milling.log | tail -n 250"),
        ("cc-read-py-flatten-dict", "Read", {"file_path": f"{co}/src/flatten_dict/flatten_dict.py"},
         read_ext("python")),
        ("cc-read-py-flatten-dict-tests", "Read", {"file_path": f"{co}/src/flatten_dict/tests/flatten_dict_test.py"},
         read_ext("python")),
        ("cc-read-py-feedparser-api", "Read", {"file_path": f"{SITE}/feedparser/api.py"}, read_ext("python")),
        ("cc-grep-feedparser-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+", "path": f"{SITE}/feedparser",
                                             "glob": "*.py", "output_mode": "content", "-n": True,
                                             "head_limit": 90}, n_grep_rn),
        ("cc-grep-flatten-dict-returns", "Grep", {"pattern": r"return \w+|def \w+|raise \w+",
                                                  "path": f"{co}/src/flatten_dict", "glob": "*.py",
                                                  "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-feedparser", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/feedparser"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-environs", n_pytest,
          "cd environs && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=long tests "
          "2>&1 | tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd environs", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider -o addopts= --tb=short tests "
                "-k 'prefix or dict or expand'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-environs", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise environs/src environs/tests "
          "environs/millstone_env.py | head -n 600"),
        B("cx-exec-ruff-full-millstone-env", n_ruff,
          "cd environs && ruff check --no-cache --isolated --select ALL --output-format=full "
          "millstone_env.py src/environs/__init__.py | head -n 560"),
        B("cx-exec-mypy-strict-environs", n_mypy,
          "cd environs && mypy --strict src/environs tests millstone_env.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-millstone-env", n_chained, "cd environs && PYTHONPATH=src python millstone_env.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd sackhoist", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-sackhoist", n_eslint, "cd sackhoist && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd sackhoist", None), Part("npx eslint lib/winding-plan.js lib/sackhoist.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-wallower", n_cargo_build, "cd wallower && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd wallower", None),
           Part("sed -i '/let label: String/d;/idx.push(stone_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-wallower", n_clippy,
          "cd wallower && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-git-log-p-environs", n_log_p, "cd environs-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-environs", n_blame, "cd environs-git && git blame -L 200,640 src/environs/__init__.py"),
        B("cx-exec-git-show-head-5", n_show, "cd environs-git && git show HEAD~5"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd environs-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-fsspec-dj", n_tree,
          f"tree -a --noreport {SITE}/fsspec {SITE}/dj_database_url {SITE}/django_cache_url "
          "| head -n 380"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-docs-copyright", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE 'copyright%' ORDER BY size DESC, directory ASC LIMIT 240\""),
        B("cx-exec-npm-view-fp-ts", n_npm_view, "npm view fp-ts --json"),
        B("cx-exec-log-grep-v-winding", n_app_log, "grep -vE 'DEBUG|winding.db' winding.log | tail -n 600"),
        B("cx-exec-grep-rn-fsspec-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/fsspec/implementations {SITE}/dj_database_url --include=*.py "
          "| head -n 320"),
        ("cx-exec-sed-n-fsspec-spec", "exec_command",
         {"cmd": f"sed -n '1,400p' {SITE}/fsspec/spec.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{FD} flatten-dict && cp -r {tmp}/flatten-dict-git flatten-dict-git && "
          f"cp -r {tmp}/stonenut stonenut && cp -r {tmp}/runnerstone {tmp}/runnerstone-vet {tmp}/runnerstone-build . && "
          f"cp {tmp}/data/docs.csv {tmp}/data/milling.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{EV} environs && cp -r {tmp}/environs-git environs-git && "
          f"cp -r {tmp}/wallower wallower && cp {tmp}/data/docs.db {tmp}/data/winding.log . && "
          f"mkdir sackhoist && cp -r {tmp}/sackhoist/lib {tmp}/sackhoist/spec {tmp}/sackhoist/package.json "
          f"{tmp}/sackhoist/eslint.config.js {tmp}/sackhoist/tsconfig.json sackhoist/ && "
          f"ln -s {JS}/node_modules sackhoist/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
