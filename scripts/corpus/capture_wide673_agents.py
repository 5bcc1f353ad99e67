"""Round 673, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 669 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding nepali-datetime (broken, its
suite) and its git history, the deedboxworks C project, the scrivbook Go module (three copies: tests, vet findings,
build errors), the /usr/share files' CSV and the sandaracshed log (its Bash, Read, Grep and Glob tools); Codex in one
holding ethiopian-date (broken, its suite) and its git history, the scrivenery JavaScript project, the sandaracline
crate, the copyistscale Go module, the same files' sqlite table and the inkwellwatch log (its exec_command tool). An
item's text is the tool result the agent sent back; its needles come from the extractor of the tool that printed the
lines, imported, read on the command's raw output as round 437 reads it (capture_agents). An item one of whose needles
is on no line of its text is dropped whole. Run through capture_wide673.py."""

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
from capture_wide673 import JS, VENV, add
from capture_wide673_mat import CW, PR

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
        B("cc-bash-pytest-rfe-nepali", n_pytest,
          "cd nepali && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "tests 2>&1 | tail -n 520"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd nepali", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line tests -k 'deed_bs or strftime' 2>&1 | tail -n 150",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the nepali-datetime conversion tests"),
        B("cc-bash-ruff-concise-nepali", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise nepali/nepali_datetime/__init__.py "
          "nepali/tests/test_inkwell_bs.py nepali/inkwell_tallies.py nepali/setup.py | head -n 220"),
        B("cc-bash-mypy-strict-nepali", n_mypy,
          "cd nepali && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "nepali_datetime tests inkwell_tallies.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-inkwell-tallies", n_chained, "cd nepali && PYTHONPATH=. python inkwell_tallies.py"),
        B("cc-bash-go-test-v-scrivbook", n_go_test, "cd scrivbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd scrivbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the scrivbook tests"),
        B("cc-bash-go-vet-scrivbook", n_go_vet, "cd scrivbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-scrivbook", n_go_build, "cd scrivbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C deedboxworks -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build deedboxworks", before="make -C deedboxworks clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-deedboxworks", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ideedboxworks/src deedboxworks/src/sealwaxline.c "
          "deedboxworks/src/indenture_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-nepali", n_log_p, "cd nepali_datetime-git && git log -p --stat | head -n 520"),
        B("cc-bash-git-blame-nepali", n_blame, "cd nepali_datetime-git && git blame nepali_datetime/__init__.py | head -n 260"),
        B("cc-bash-git-show-nepali", n_show, "cd nepali_datetime-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd nepali_datetime-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-deedboxworks-scrivbook", n_ls_lR,
          "ls -laR deedboxworks scrivbook scrivbook-vet scrivbook-build nepali"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-deedboxstore", n_csv, "cat deedboxstore.csv | head -n 240"),
        B("cc-bash-npm-view-p-lazy", n_npm_view, "npm view p-lazy --json 2>/dev/null"),
        B("cc-bash-log-grep-v-sandaracshed", n_app_log,
          "grep -vE 'DEBUG|INFO sandaracshed.api' sandaracshed.log | tail -n 220"),
        ("cc-read-py-nepali-init", "Read", {"file_path": f"{SITE}/nepali_datetime/__init__.py"}, read_ext("python")),
        ("cc-read-py-ethiopian-date-conv", "Read", {"file_path": f"{SITE}/ethiopian_date/ethiopian_date.py"},
         read_ext("python")),
        ("cc-grep-pip-operations-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                                 "path": f"{SITE}/pip/_internal/operations", "glob": "*.py",
                                                 "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-nepali-ethiopian", "Glob", {"pattern": "{nepali_datetime,ethiopian_date,six,_pytest,pluggy}*/**/*",
                                                   "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-ethiopian", n_pytest,
          "cd ethiopian && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv -l --tb=long "
          "tests 2>&1 | tail -n 1500"),
        B("cx-exec-ruff-concise-ethiopian", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise ethiopian/ethiopian_date "
          "ethiopian/tests ethiopian/sealwax_dates.py | head -n 900"),
        B("cx-exec-mypy-strict-ethiopian", n_mypy,
          "cd ethiopian && mypy --strict ethiopian_date sealwax_dates.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-sealwax-dates", n_chained, "cd ethiopian && PYTHONPATH=. python sealwax_dates.py"),
        B("cx-exec-vitest-run-verbose-scrivenery", n_vitest,
          "cd scrivenery && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd scrivenery", None),
           Part("npx vitest run --reporter=dot -t 'sealBand|deedLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-scrivenery", n_eslint, "cd scrivenery && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-scrivenery", n_tsc, "cd scrivenery && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-sandaracline", n_cargo_build, "cd sandaracline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd sandaracline", None),
           Part("sed -i '/let label: String/d;/idx.push(deed_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-sandaracline", n_clippy,
          "cd sandaracline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-copyistscale", n_go_test, "cd copyistscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-ethiopian", n_log_p, "cd ethiopian_date-git && git log -p | head -n 2200"),
        B("cx-exec-git-blame-ethiopian", n_blame, "cd ethiopian_date-git && git blame ethiopian_date/ethiopian_date.py"),
        B("cx-exec-tree-site-p-n-e-s", n_tree, f"tree -a --noreport -I __pycache__ -P 'p*|n*|e*|s*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-deedboxstore-largest", n_sqlite_col,
          "sqlite3 -header -column deedboxstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM deedboxstore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-min-delay", n_npm_view, "npm view p-min-delay --json 2>/dev/null"),
        B("cx-exec-log-grep-v-inkwellwatch", n_app_log, "grep -vE 'DEBUG|inkwellwatch.db' inkwellwatch.log | tail -n 600"),
        B("cx-exec-grep-rn-site-n-e", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/nepali_datetime {SITE}/ethiopian_date {SITE}/pluggy {SITE}/_pytest/assertion "
          f"{SITE}/mypy/dmypy {SITE}/mypy/server --include=*.py | head -n 1100"),
        ("cx-exec-sed-n-ethiopian", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/ethiopian_date/__init__.py {SITE}/ethiopian_date/ethiopian_date.py "
                 f"{SITE}/nepali_datetime/__init__.py {SITE}/_pytest/python_api.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PR} nepali && cp -r {tmp}/nepali_datetime-git nepali_datetime-git && "
          f"cp -r {tmp}/deedboxworks deedboxworks && cp -r {tmp}/scrivbook {tmp}/scrivbook-vet {tmp}/scrivbook-build . && "
          f"cp {tmp}/data/deedboxstore.csv {tmp}/data/sandaracshed.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{CW} ethiopian && cp -r {tmp}/ethiopian_date-git ethiopian_date-git && "
          f"cp -a {tmp}/scrivenery scrivenery && cp -r {tmp}/sandaracline sandaracline && cp -r {tmp}/copyistscale . && "
          f"cp {tmp}/data/deedboxstore.db {tmp}/data/inkwellwatch.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
