"""Round 697, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 689 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding damm (broken, its suite) and
its git history, the goreworks C project, the meridianbook Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the gorework log (its Bash, Read, Grep and Glob tools); Codex in one holding
isbn-hyphenate (broken, its suite) and its git history, the horizonringery JavaScript project, the goreline crate, the
orreryscale Go module, the same files' sqlite table and the orrery log (its exec_command tool). An item's text is the
tool result the agent sent back; its needles come from the extractor of the tool that printed the lines, imported,
read on the command's raw output as round 437 reads it (capture_agents). An item one of whose needles is on no line of
its text is dropped whole. Run through capture_wide697.py."""

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
from capture_wide697 import JS, VENV, add
from capture_wide697_mat import DM, HN

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
        B("cc-bash-pytest-rfe-damm", n_pytest,
          "cd damm && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "tests 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd damm", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line tests/test_meridian_damm.py -k 'gore-0' 2>&1 | tail -n 150",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the first hundred gore tests"),
        B("cc-bash-ruff-concise-damm", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise damm/damm damm/tests "
          "damm/meridian_tally.py damm/setup.py | head -n 220"),
        B("cc-bash-mypy-strict-damm", n_mypy,
          "cd damm && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "damm tests meridian_tally.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-meridian-tally", n_chained, "cd damm && PYTHONPATH=. python meridian_tally.py"),
        B("cc-bash-go-test-v-meridianbook", n_go_test, "cd meridianbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd meridianbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the meridianbook tests"),
        B("cc-bash-go-vet-meridianbook", n_go_vet, "cd meridianbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-meridianbook", n_go_build, "cd meridianbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C goreworks -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build goreworks", before="make -C goreworks clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-goreworks", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Igoreworks/src goreworks/src/meridianline.c "
          "goreworks/src/gore_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-damm", n_log_p, "cd damm-git && git log -p --stat | head -n 480"),
        B("cc-bash-git-blame-damm", n_blame, "cd damm-git && git blame damm/damm16.py | head -n 260"),
        B("cc-bash-git-show-damm", n_show, "cd damm-git && git show HEAD~5"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd damm-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-goreworks-meridianbook", n_ls_lR,
          "ls -laR goreworks meridianbook meridianbook-vet meridianbook-build damm"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps auxww --sort=-rss | head -n 50 | cut -c1-300"),
        B("cc-bash-csv-globestore", n_csv, "cat globestore.csv | head -n 240"),
        B("cc-bash-npm-view-p-do-whilst", n_npm_view, "npm view p-do-whilst --json 2>/dev/null"),
        B("cc-bash-log-grep-v-gorework", n_app_log,
          "grep -vE 'DEBUG|INFO gorework.api' gorework.log | tail -n 220"),
        ("cc-read-py-isbn-hyphenate", "Read", {"file_path": f"{SITE}/isbn_hyphenate/isbn_hyphenate.py"}, read_ext("python")),
        ("cc-read-py-pip-wheel-builder", "Read", {"file_path": f"{SITE}/pip/_internal/wheel_builder.py"},
         read_ext("python")),
        ("cc-grep-pip-network-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                                 "path": f"{SITE}/pip/_internal/network", "glob": "*.py",
                                                 "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-damm-isbn", "Glob", {"pattern": "{damm,isbn_hyphenate,_pytest,pluggy,iniconfig,packaging}*/**/*",
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
        B("cx-exec-pytest-vv-isbn", n_pytest,
          "cd isbn && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv -l --tb=long "
          "tests 2>&1 | tail -n 1300"),
        B("cx-exec-ruff-concise-isbn", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise isbn/isbn_hyphenate isbn/setup.py "
          "isbn/tests isbn/orrery_atlases.py | head -n 900"),
        B("cx-exec-mypy-strict-isbn", n_mypy,
          "cd isbn && mypy --strict isbn_hyphenate tests orrery_atlases.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-orrery-atlases", n_chained, "cd isbn && PYTHONPATH=. python orrery_atlases.py"),
        B("cx-exec-vitest-run-verbose-horizonringery", n_vitest,
          "cd horizonringery && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd horizonringery", None),
           Part("npx vitest run --reporter=dot -t 'meridianBand|globeLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-horizonringery", n_eslint, "cd horizonringery && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-horizonringery", n_tsc, "cd horizonringery && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-goreline", n_cargo_build, "cd goreline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd goreline", None),
           Part("sed -i '/let label: String/d;/idx.push(seam_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-goreline", n_clippy,
          "cd goreline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-orreryscale", n_go_test, "cd orreryscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-isbn", n_log_p, "cd isbn_hyphenate-git && git log -p --stat | head -n 2200"),
        B("cx-exec-git-blame-isbn", n_blame, "cd isbn_hyphenate-git && git blame isbn_hyphenate/isbn_hyphenate.py"),
        B("cx-exec-tree-site-d-i-p-t", n_tree, f"tree -a --noreport -I __pycache__ -P 'd*|i*|p*|t*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-globestore-largest", n_sqlite_col,
          "sqlite3 -header -column globestore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM globestore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-race", n_npm_view, "npm view p-race --json 2>/dev/null"),
        B("cx-exec-log-grep-v-orrery", n_app_log, "grep -vE 'DEBUG|orrery.db' orrery.log | tail -n 600"),
        B("cx-exec-grep-rn-site-isbn-pluggy", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/isbn_hyphenate {SITE}/damm {SITE}/pluggy {SITE}/_pytest/mark "
          f"{SITE}/mypy/server {SITE}/iniconfig --include=*.py | head -n 700"),
        ("cx-exec-sed-n-damm-isbn", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/damm/damm16.py {SITE}/damm/damm.py "
                 f"{SITE}/isbn_hyphenate/isbn_xml2py.py {SITE}/_pytest/tmpdir.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{HN} damm && cp -r {tmp}/damm-git damm-git && "
          f"cp -r {tmp}/goreworks goreworks && cp -r {tmp}/meridianbook {tmp}/meridianbook-vet {tmp}/meridianbook-build . && "
          f"cp {tmp}/data/globestore.csv {tmp}/data/gorework.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{DM} isbn && cp -r {tmp}/isbn_hyphenate-git isbn_hyphenate-git && "
          f"cp -a {tmp}/horizonringery horizonringery && cp -r {tmp}/goreline goreline && cp -r {tmp}/orreryscale . && "
          f"cp {tmp}/data/globestore.db {tmp}/data/orrery.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
