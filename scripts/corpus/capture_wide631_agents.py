"""Round 631, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 607, 620 and 625 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding syllapy (broken) and
its git history, the tineyard C project, the tinebook Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the tinehouse log (its Bash, Read, Grep and Glob tools); Codex in one holding docopt-ng
(broken) and its git history, the rakefloor JavaScript project, the haftline crate, the headscale Go module, the same
files' sqlite table and the haftwatch log (its exec_command tool). An item's text is the tool result the agent sent
back; its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw
output as round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped
whole. Run through capture_wide631.py."""

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
from capture_wide631 import JS, VENV, add
from capture_wide631_mat import DO, SY

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
        B("cc-bash-pytest-rfe-syllapy", n_pytest,
          "cd syllapy && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=long "
          "tests 2>&1 | tail -n 420"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd syllapy", None),
           Part("PYTHONPATH=. python -m pytest -vv -rA -p no:cacheprovider -o addopts= --tb=short tests "
                "-k 'count or valid or simple or dict'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the syllapy counting tests"),
        B("cc-bash-ruff-concise-syllapy", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise syllapy/syllapy "
          "syllapy/tests syllapy/raker_counts.py | head -n 260"),
        B("cc-bash-mypy-strict-syllapy", n_mypy,
          "cd syllapy && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "syllapy tests raker_counts.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-raker-counts", n_chained, "cd syllapy && PYTHONPATH=. python raker_counts.py"),
        B("cc-bash-go-test-v-tinebook", n_go_test, "cd tinebook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd tinebook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the tinebook tests"),
        B("cc-bash-go-vet-tinebook", n_go_vet, "cd tinebook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-tinebook", n_go_build, "cd tinebook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C tineyard -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build tineyard", before="make -C tineyard clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-tineyard", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Itineyard/src tineyard/src/ashpole.c "
          "tineyard/src/tinehead_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-syllapy", n_log_p, "cd syllapy-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-syllapy", n_blame, "cd syllapy-git && git blame syllapy/__init__.py"),
        B("cc-bash-git-show-syllapy", n_show, "cd syllapy-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd syllapy-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-tineyard-tinebook", n_ls_lR, "ls -laR tineyard tinebook tinebook-vet tinebook-build syllapy syllapy-git"),
        B("cc-bash-ps-auxww-sort-rss", n_ps_aux, "ps auxww --sort=-rss"),
        B("cc-bash-csv-rakestore", n_csv, "cat rakestore.csv | head -n 240"),
        B("cc-bash-npm-view-p-settle", n_npm_view, "npm view p-settle --json 2>/dev/null"),
        B("cc-bash-log-grep-v-tinehouse", n_app_log,
          "grep -vE 'DEBUG|INFO tinehouse.api' tinehouse.log | tail -n 240"),
        ("cc-read-py-syllapy-init", "Read", {"file_path": f"{root}/syllapy/syllapy/__init__.py"},
         read_ext("python")),
        ("cc-read-py-docopt-init", "Read", {"file_path": f"{SITE}/docopt/__init__.py"}, read_ext("python")),
        ("cc-grep-mypy-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                       "path": f"{SITE}/mypy/server", "glob": "*.py",
                                       "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-docopt", "Glob", {"pattern": "**/*", "path": f"{SITE}/docopt"}, n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-docopt", n_pytest,
          "cd docopt && PYTHONPATH=. python -m pytest -p no:cacheprovider --noconftest -o addopts= -rfE -vv "
          "--tb=short tests 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-docopt", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise docopt/docopt docopt/rake_usage.py "
          "docopt/tests | head -n 900"),
        B("cx-exec-mypy-strict-docopt", n_mypy, "cd docopt && mypy --strict docopt rake_usage.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-rake-usage", n_chained, "cd docopt && PYTHONPATH=. python rake_usage.py"),
        B("cx-exec-vitest-run-rakefloor", n_vitest, "cd rakefloor && npx vitest run 2>&1 | tail -n 1200"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd rakefloor", None),
           Part("npx vitest run --reporter=dot -t 'ashBand|headLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-rakefloor", n_eslint, "cd rakefloor && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-rakefloor", n_tsc, "cd rakefloor && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-haftline", n_cargo_build, "cd haftline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd haftline", None),
           Part("sed -i '/let label: String/d;/idx.push(steamer_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-haftline", n_clippy, "cd haftline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-headscale", n_go_test, "cd headscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-docopt", n_log_p, "cd docopt-git && git log -p | head -n 2400"),
        B("cx-exec-git-blame-docopt", n_blame, "cd docopt-git && git blame docopt/__init__.py"),
        B("cx-exec-tree-site-d-s", n_tree, f"tree -a --noreport -I __pycache__ -P 'd*|s*|m*' {SITE} | head -n 900"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-rakestore-largest", n_sqlite_col,
          "sqlite3 -header -column rakestore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM rakestore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-times", n_npm_view, "npm view p-times --json 2>/dev/null"),
        B("cx-exec-log-grep-v-haftwatch", n_app_log, "grep -vE 'DEBUG|haftwatch.db' haftwatch.log | tail -n 600"),
        B("cx-exec-grep-rn-site-d-s", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/docopt {SITE}/syllapy {SITE}/_pytest/_code {SITE}/_pytest/config "
          f"{SITE}/mypy/plugins --include=*.py | head -n 640"),
        ("cx-exec-sed-n-docopt", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/docopt/__init__.py {SITE}/syllapy/__init__.py "
                 f"{SITE}/syllapy/data_loader.py", **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{SY} syllapy && cp -r {tmp}/syllapy-git syllapy-git && "
          f"cp -r {tmp}/tineyard tineyard && cp -r {tmp}/tinebook {tmp}/tinebook-vet {tmp}/tinebook-build . && "
          f"cp {tmp}/data/rakestore.csv {tmp}/data/tinehouse.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{DO} docopt && cp -r {tmp}/docopt-git docopt-git && "
          f"cp -a {tmp}/rakefloor rakefloor && cp -r {tmp}/haftline haftline && cp -r {tmp}/headscale . && "
          f"cp {tmp}/data/rakestore.db {tmp}/data/haftwatch.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
