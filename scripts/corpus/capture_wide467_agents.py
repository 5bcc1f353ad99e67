"""Round 467, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 437, 449 and 455 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding injector (broken) and
its git history, the firebox C project, the brinetub Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the racktender log (its Bash, Read, Grep and Glob tools); Codex in one holding icalendar
(broken) and its git history, the hickoryhall project, the damperline crate, the kilnhouse Go module, the same files'
sqlite table and the coldsmoke log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, imported, read on the command's raw output as
round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide467.py."""

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
from capture_wide467 import JS, VENV, add
from capture_wide467_mat import IC, IJ

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
# the icalendar tests Codex runs (the whole suite would outlast Codex's 30 s yield)
IC_TESTS = " ".join(f"src/icalendar/tests/{t}.py" for t in ("test_unit_caselessdict", "test_unit_cal",
                                                              "test_icalendar", "test_parsing", "test_property_params"))


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    ij = root / "injector"
    return [
        B("cc-bash-pytest-ra-injector", n_pytest,
          "cd injector && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=short "
          "injector_test.py 2>&1 | tail -n 200"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd injector", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line injector_test.py "
                "-k 'singleton or multibind or scope'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the injector singleton and multibind tests"),
        B("cc-bash-ruff-concise-injector", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise injector/injector "
          "injector/rack_rota.py | head -n 200"),
        B("cc-bash-mypy-strict-injector", n_mypy,
          "cd injector && mypy --strict --no-incremental --cache-dir=/dev/null injector injector_test.py rack_rota.py "
          "2>&1 | tail -n 220"),
        B("cc-bash-traceback-rack-rota", n_chained, "cd injector && PYTHONPATH=. python rack_rota.py"),
        B("cc-bash-go-test-v-brinetub", n_go_test, "cd brinetub && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd brinetub", None), Part("go test -count=1 ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the brinetub tests"),
        B("cc-bash-go-vet-brinetub", n_go_vet, "cd brinetub-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-brinetub", n_go_build, "cd brinetub-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C firebox -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build firebox", before="make -C firebox clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-firebox", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ifirebox/src firebox/src/ember.c "
          "firebox/src/rack_2[0-4].c 2>&1"),
        B("cc-bash-git-log-p-injector", n_log_p, "cd injector-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-injector", n_blame, "cd injector-git && git blame -L 860,1040 injector/__init__.py"),
        B("cc-bash-git-show-injector", n_show, "cd injector-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd injector-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-firebox-brinetub", n_ls_lR, "ls -laR firebox brinetub injector/injector"),
        B("cc-bash-ps-aux-sort-rss-40", n_ps_aux, "ps aux --sort=-rss | head -n 40"),
        B("cc-bash-csv-grep-gnuplot-maude", n_csv,
          "(head -n 1 share.csv; grep -E '^/usr/share/(gnuplot/[^,]+|maude|i18nspector|hlint|happy),' share.csv) "
          "| head -n 240"),
        B("cc-bash-npm-view-mustache", n_npm_view, "npm view mustache --json 2>/dev/null"),
        B("cc-bash-log-grep-v-racktender", n_app_log,
          "grep -vE 'DEBUG|INFO racktender.api' racktender.log | tail -n 240"),
        ("cc-read-py-injector-init", "Read", {"file_path": f"{ij}/injector/__init__.py", "offset": 700, "limit": 560},
         read_ext("python")),
        ("cc-read-py-linkify-main", "Read", {"file_path": f"{SITE}/linkify_it/main.py", "limit": 450},
         read_ext("python")),
        ("cc-grep-linkify-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+", "path": f"{SITE}/linkify_it",
                                          "glob": "*.py", "output_mode": "content", "-n": True,
                                          "head_limit": 120}, n_grep_rn),
        ("cc-glob-holidays-countries", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/holidays/countries"},
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
        B("cx-exec-pytest-vv-icalendar", n_pytest,
          f"cd icalendar && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=long "
          f"{IC_TESTS} 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-icalendar", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise icalendar/src/icalendar/caselessdict.py "
          "icalendar/src/icalendar/cal icalendar/src/icalendar/parser icalendar/brine_log.py | head -n 600"),
        B("cx-exec-mypy-strict-icalendar", n_mypy,
          "cd icalendar && mypy --strict src/icalendar/caselessdict.py src/icalendar/cal brine_log.py 2>&1 "
          "| tail -n 280"),
        B("cx-exec-traceback-brine-log", n_chained, "cd icalendar && PYTHONPATH=src python brine_log.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd hickoryhall", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-hickoryhall", n_eslint, "cd hickoryhall && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd hickoryhall", None), Part("npx eslint lib/smoking-plan.js lib/hickoryhall.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-damperline", n_cargo_build, "cd damperline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd damperline", None),
           Part("sed -i '/let label: String/d;/idx.push(flue_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-damperline", n_clippy,
          "cd damperline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-kilnhouse", n_go_test, "cd kilnhouse && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-kilnhouse", n_go_vet, "cd kilnhouse-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-icalendar", n_log_p, "cd icalendar-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-icalendar", n_blame, "cd icalendar-git && git blame src/icalendar/caselessdict.py"),
        B("cx-exec-tree-holidays", n_tree, f"tree -a --noreport -I __pycache__ {SITE}/holidays | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-50", n_ps_aux, "ps aux --sort=-%cpu | head -n 50"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share WHERE directory NOT LIKE '%/graphviz/%' ORDER BY size DESC, directory ASC LIMIT 230\""),
        B("cx-exec-npm-view-micromatch", n_npm_view, "npm view micromatch --json 2>/dev/null"),
        B("cx-exec-log-grep-v-coldsmoke", n_app_log, "grep -vE 'DEBUG|coldsmoke.db' coldsmoke.log | tail -n 600"),
        B("cx-exec-grep-rn-holidays", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/holidays --include=*.py | head -n 320"),
        ("cx-exec-sed-n-holidays-base", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/holidays/holiday_base.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{IJ} injector && cp -r {tmp}/injector-git injector-git && "
          f"cp -r {tmp}/firebox firebox && cp -r {tmp}/brinetub {tmp}/brinetub-vet {tmp}/brinetub-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/racktender.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{IC} icalendar && cp -r {tmp}/icalendar-git icalendar-git && "
          f"cp -r {tmp}/damperline damperline && cp -r {tmp}/kilnhouse {tmp}/kilnhouse-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/coldsmoke.log . && "
          f"mkdir hickoryhall && cp -r {tmp}/hickoryhall/lib {tmp}/hickoryhall/spec {tmp}/hickoryhall/package.json "
          f"{tmp}/hickoryhall/eslint.config.js {tmp}/hickoryhall/tsconfig.json hickoryhall/ && "
          f"ln -s {JS}/node_modules hickoryhall/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
