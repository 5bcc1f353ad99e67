"""Round 427, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 411 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding jsonmerge (broken) and its git
history, the slakehouse C project, the hydrator Go module (three copies: tests, vet findings, build errors), the
documentation CSV and the slaking log (its Bash, Read, Grep and Glob tools); Codex in one holding jsonlines (broken)
and its git history, the limewash project, the chalkpit crate, the documentation sqlite table and the burning log (its
exec_command tool). An item's text is the tool result the agent sent back; its needles come from the extractor of the
tool that printed the lines, imported, read on the command's raw output as round 411 reads it (capture_agents). An
item one of whose needles is on no line of its text is dropped whole. Run through capture_wide427.py."""

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
from capture_wide427 import JS, VENV, add
from capture_wide427_mat import JL, JM

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    co = root / "jsonmerge"
    return [
        B("cc-bash-pytest-ra-jsonmerge", n_pytest,
          "cd jsonmerge && PYTHONPATH=. python -m pytest -p no:cacheprovider -rA -vv --tb=long tests "
          "2>&1 | tail -n 400"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd jsonmerge", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider --tb=line tests -k 'version or sort'",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the jsonmerge version and sort tests"),
        B("cc-bash-ruff-concise-jsonmerge", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise jsonmerge/jsonmerge "
          "jsonmerge/hydrator_log.py | head -n 200"),
        B("cc-bash-ruff-full-hydrator-log", n_ruff,
          "cd jsonmerge && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,N,S,RET,D,FBT,PTH "
          "--output-format=full hydrator_log.py jsonmerge/strategies.py 2>&1 | tail -n 320"),
        B("cc-bash-mypy-strict-jsonmerge", n_mypy,
          "cd jsonmerge && mypy --strict --no-incremental --cache-dir=/dev/null jsonmerge hydrator_log.py "
          "2>&1 | tail -n 220"),
        B("cc-bash-traceback-hydrator-log", n_chained, "cd jsonmerge && PYTHONPATH=. python hydrator_log.py"),
        B("cc-bash-go-test-v-hydrator", n_go_test, "cd hydrator && go test -v ./... 2>&1 | tail -n 380"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd hydrator", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the hydrator tests"),
        B("cc-bash-go-vet-hydrator", n_go_vet, "cd hydrator-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-hydrator", n_go_build, "cd hydrator-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C slakehouse -k 2>&1 | tail -n 340", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build slakehouse", before="make -C slakehouse clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-slakehouse", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Islakehouse/src slakehouse/src/burn.c "
          "slakehouse/src/drawface_1[0-4].c 2>&1"),
        B("cc-bash-git-log-p-jsonmerge", n_log_p, "cd jsonmerge-git && git log -p --stat | head -n 600"),
        B("cc-bash-git-blame-jsonmerge", n_blame,
          "cd jsonmerge-git && git blame -L 80,230 jsonmerge/strategies.py"),
        B("cc-bash-git-show-jsonmerge-part", n_show, "cd jsonmerge-git && git show HEAD~2"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd jsonmerge-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-slakehouse-hydrator", n_ls_lR, "ls -laR slakehouse hydrator jsonmerge/jsonmerge"),
        B("cc-bash-ps-aux-sort-rss-45", n_ps_aux, "ps aux --sort=-rss | head -n 45"),
        B("cc-bash-csv-grep-changelog-news", n_csv,
          "(head -n 1 docs.csv; grep -E ',(changelog|NEWS|README)[^,]*,' docs.csv) | head -n 240"),
        B("cc-bash-npm-view-lru-cache", n_npm_view, "npm view lru-cache --json 2>/dev/null"),
        B("cc-bash-log-grep-v-slaking", n_app_log,
          "grep -vE 'DEBUG|INFO slaking.api' slaking.log | tail -n 240"),
        ("cc-read-py-jsonmerge-strategies", "Read", {"file_path": f"{co}/jsonmerge/strategies.py"},
         read_ext("python")),
        ("cc-read-py-jsonmerge-init", "Read", {"file_path": f"{co}/jsonmerge/__init__.py"}, read_ext("python")),
        ("cc-read-py-hupper-reloader", "Read", {"file_path": f"{SITE}/hupper/reloader.py"}, read_ext("python")),
        ("cc-grep-hupper-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+", "path": f"{SITE}/hupper",
                                         "glob": "*.py", "output_mode": "content", "-n": True,
                                         "head_limit": 100}, n_grep_rn),
        ("cc-grep-jsonmerge-raises", "Grep", {"pattern": r"return \w+|def \w+|raise \w+",
                                              "path": f"{co}/jsonmerge", "glob": "*.py",
                                              "output_mode": "content", "-n": True, "head_limit": 130},
         n_grep_rn),
        ("cc-glob-hupper", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/hupper"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-jsonlines", n_pytest,
          "cd jsonlines && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=long tests "
          "2>&1 | tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd jsonlines", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=short tests "
                "-k 'bom or invalid or compact'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-jsonlines", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise jsonlines/jsonlines "
          "jsonlines/tests jsonlines/kiln_charges.py | head -n 600"),
        B("cx-exec-ruff-full-kiln-charges", n_ruff,
          "cd jsonlines && ruff check --no-cache --isolated --select ALL --output-format=full "
          "kiln_charges.py jsonlines/jsonlines.py | head -n 560"),
        B("cx-exec-mypy-strict-jsonlines", n_mypy,
          "cd jsonlines && mypy --strict jsonlines tests kiln_charges.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-kiln-charges", n_chained, "cd jsonlines && PYTHONPATH=. python kiln_charges.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd limewash", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-limewash", n_eslint, "cd limewash && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd limewash", None), Part("npx eslint lib/drawing-plan.js lib/limewash.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-chalkpit", n_cargo_build, "cd chalkpit && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd chalkpit", None),
           Part("sed -i '/let label: String/d;/idx.push(face_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-chalkpit", n_clippy,
          "cd chalkpit && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-git-log-p-jsonlines", n_log_p, "cd jsonlines-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-jsonlines", n_blame, "cd jsonlines-git && git blame -L 180,560 jsonlines/jsonlines.py"),
        B("cx-exec-git-show-head-4", n_show, "cd jsonlines-git && git show HEAD~4"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd jsonlines-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-hvac", n_tree, f"tree -a --noreport {SITE}/hvac | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-55", n_ps_aux, "ps aux --sort=-%cpu | head -n 55"),
        B("cx-exec-sqlite-docs-changelog", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE 'changelog%' ORDER BY size DESC, directory ASC LIMIT 230\""),
        B("cx-exec-npm-view-kysely", n_npm_view, "npm view kysely --json"),
        B("cx-exec-log-grep-v-burning", n_app_log, "grep -vE 'DEBUG|burning.db' burning.log | tail -n 600"),
        B("cx-exec-grep-rn-hvac-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/hvac/api/secrets_engines --include=*.py | head -n 320"),
        ("cx-exec-sed-n-hvac-adapters", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/hvac/adapters.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{JM} jsonmerge && cp -r {tmp}/jsonmerge-git jsonmerge-git && "
          f"cp -r {tmp}/slakehouse slakehouse && cp -r {tmp}/hydrator {tmp}/hydrator-vet {tmp}/hydrator-build . && "
          f"cp {tmp}/data/docs.csv {tmp}/data/slaking.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{JL} jsonlines && cp -r {tmp}/jsonlines-git jsonlines-git && "
          f"cp -r {tmp}/chalkpit chalkpit && cp {tmp}/data/docs.db {tmp}/data/burning.log . && "
          f"mkdir limewash && cp -r {tmp}/limewash/lib {tmp}/limewash/spec {tmp}/limewash/package.json "
          f"{tmp}/limewash/eslint.config.js {tmp}/limewash/tsconfig.json limewash/ && "
          f"ln -s {JS}/node_modules limewash/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
