"""Round 729, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 721 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding chemparse (broken, its suite)
and its git history, the vitriolworks C project, the copperasbook Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the vat log (its Bash, Read, Grep and Glob tools); Codex in one holding
molmass (broken, its suite) and its git history, the vitriolry JavaScript project, the chamberline crate, the
leadscale Go module, the same files' sqlite table and the chamber log (its exec_command tool). An item's text is the
tool result the agent sent back; its needles come from the extractor of the tool that printed the lines, imported
(capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide729.py."""

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
from capture_wide729 import JS, VENV, add
from capture_wide729_mat import CP, MM

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
YIELD = {"yield_time_ms": 30000, "max_output_tokens": 40000, "login": False}
PYT = "python -m pytest -p no:cacheprovider -o addopts="


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    return [
        B("cc-bash-pytest-rfe-chemparse", n_pytest,
          f"cd chemparse && PYTHONPATH=. {PYT} -rfE -vv --tb=short tests/test_vitriol_formulas.py 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd chemparse", None),
           Part(f"PYTHONPATH=. {PYT} -q --tb=line tests/test_vitriol_formulas.py -k 'repeat or group' 2>&1 | tail -n 150",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the repeat and group vat tests"),
        B("cc-bash-ruff-concise-chemparse", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise chemparse/tests chemparse/test "
          "chemparse/vat_tally.py chemparse/chemparse 2>&1 | head -n 220"),
        B("cc-bash-mypy-strict-chemparse", n_mypy,
          "cd chemparse && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "chemparse/fun.py tests/test_vitriol_formulas.py vat_tally.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-vat-tally", n_chained, "cd chemparse && PYTHONPATH=. python vat_tally.py"),
        B("cc-bash-go-test-v-copperasbook", n_go_test, "cd copperasbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd copperasbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the copperasbook tests"),
        B("cc-bash-go-vet-copperasbook", n_go_vet, "cd copperasbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-copperasbook", n_go_build, "cd copperasbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C vitriolworks -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build vitriolworks", before="make -C vitriolworks clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-vitriolworks", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ivitriolworks/src vitriolworks/src/chamberflue.c "
          "vitriolworks/src/vat_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-chemparse", n_log_p, "cd chemparse-git && git log -p --stat | head -n 420"),
        B("cc-bash-git-blame-chemparse", n_blame, "cd chemparse-git && git blame chemparse/fun.py"),
        B("cc-bash-git-show-chemparse", n_show, "cd chemparse-git && git show HEAD~5"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd chemparse-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-vitriolworks-copperasbook", n_ls_lR,
          "ls -laR vitriolworks copperasbook copperasbook-vet copperasbook-build chemparse/chemparse chemparse/tests"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps auxww --sort=-rss | head -n 50 | cut -c1-300"),
        B("cc-bash-csv-vatstore", n_csv, "cat vatstore.csv | head -n 240"),
        B("cc-bash-npm-view-p-props", n_npm_view, "npm view p-props --json 2>/dev/null"),
        B("cc-bash-log-grep-v-vat", n_app_log,
          "grep -vE 'DEBUG|INFO vat.api' vat.log | tail -n 220"),
        ("cc-read-py-molmass-elements", "Read", {"file_path": f"{SITE}/molmass/elements.py", "offset": 1, "limit": 420},
         read_ext("python")),
        ("cc-read-py-pip-package-finder", "Read", {"file_path": f"{SITE}/pip/_internal/index/package_finder.py"},
         read_ext("python")),
        ("cc-grep-pip-operations-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                                 "path": f"{SITE}/pip/_internal/operations", "glob": "*.py",
                                                 "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-chemparse-molmass", "Glob",
         {"pattern": "{chemparse,molmass,_pytest,pluggy,iniconfig,pygments}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-molmass", n_pytest,
          f"cd molmass && PYTHONPATH=. {PYT} -rfE -vv --tb=short tests/test_chamber_masses.py 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-molmass", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise molmass/molmass/molmass.py "
          "molmass/tests/test_chamber_masses.py molmass/chamber_ledger.py | head -n 300"),
        B("cx-exec-mypy-strict-molmass", n_mypy,
          "cd molmass && mypy --strict molmass/molmass.py "
          "tests/test_chamber_masses.py chamber_ledger.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-chamber-ledger", n_chained, "cd molmass && PYTHONPATH=. python chamber_ledger.py"),
        B("cx-exec-vitest-run-verbose-vitriolry", n_vitest,
          "cd vitriolry && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd vitriolry", None),
           Part("npx vitest run --reporter=dot -t 'vatBand|copperasLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-vitriolry", n_eslint, "cd vitriolry && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-vitriolry", n_tsc, "cd vitriolry && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-chamberline", n_cargo_build, "cd chamberline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd chamberline", None),
           Part("sed -i '/let label: String/d;/idx.push(chamber_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-chamberline", n_clippy,
          "cd chamberline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-leadscale", n_go_test, "cd leadscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-molmass", n_log_p, "cd molmass-git && git log -p --stat | head -n 1500"),
        B("cx-exec-git-blame-molmass", n_blame,
          "cd molmass-git && git blame -L 1420,1620 molmass/molmass.py"),
        B("cx-exec-tree-site-c-m-p-t", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'c*|m*|p*|t*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-vatstore-largest", n_sqlite_col,
          "sqlite3 -header -column vatstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM vatstore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-timeout", n_npm_view, "npm view p-timeout --json 2>/dev/null"),
        B("cx-exec-log-grep-v-chamber", n_app_log, "grep -vE 'DEBUG|chamber.db' chamber.log | tail -n 600"),
        B("cx-exec-grep-rn-site-molmass-chemparse", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/molmass {SITE}/chemparse {SITE}/_pytest/assertion "
          f"{SITE}/mypy/dmypy {SITE}/pluggy --include=*.py | head -n 700"),
        ("cx-exec-sed-n-chemparse-pytest", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/chemparse/fun.py {SITE}/_pytest/capture.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{CP} chemparse && cp -r {tmp}/chemparse-git chemparse-git && "
          f"cp -r {tmp}/vitriolworks vitriolworks && cp -r {tmp}/copperasbook {tmp}/copperasbook-vet "
          f"{tmp}/copperasbook-build . && "
          f"cp {tmp}/data/vatstore.csv {tmp}/data/vat.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{MM} molmass && cp -r {tmp}/molmass-git molmass-git && "
          f"cp -a {tmp}/vitriolry vitriolry && cp -r {tmp}/chamberline chamberline && cp -r {tmp}/leadscale . && "
          f"cp {tmp}/data/vatstore.db {tmp}/data/chamber.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
