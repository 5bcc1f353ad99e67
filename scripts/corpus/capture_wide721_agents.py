"""Round 721, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 713 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding svix-ksuid (broken, its suite)
and its git history, the hornworks C project, the beakerbook Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the beaker log (its Bash, Read, Grep and Glob tools); Codex in one holding
readable-number (broken, its suite) and its git history, the hornwarey JavaScript project, the combline crate,
the spoonscale Go module, the same files' sqlite table and the comb log (its exec_command tool). An item's text is
the tool result the agent sent back; its needles come from the extractor of the tool that printed the lines, imported,
read on the command's raw output as round 437 reads it (capture_agents). An item one of whose needles is on no line of
its text is dropped whole. Run through capture_wide721.py."""

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
from capture_wide721 import JS, VENV, add
from capture_wide721_mat import KS, RN

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
        B("cc-bash-pytest-rfe-ksuid", n_pytest,
          f"cd ksuid && PYTHONPATH=. {PYT} -rfE -vv --tb=short tests/test_hornworker_ids.py 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd ksuid", None),
           Part(f"PYTHONPATH=. {PYT} -q --tb=line tests/test_hornworker_ids.py -k 'order or sorted' 2>&1 | tail -n 150",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the order and sorted ware tests"),
        B("cc-bash-ruff-concise-ksuid", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise ksuid/tests/test_hornworker_ids.py "
          "ksuid/hornware_tally.py ksuid/ksuid 2>&1 | head -n 220"),
        B("cc-bash-mypy-strict-ksuid", n_mypy,
          "cd ksuid && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "ksuid/ksuid.py tests/test_hornworker_ids.py hornware_tally.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-hornware-tally", n_chained, "cd ksuid && PYTHONPATH=. python hornware_tally.py"),
        B("cc-bash-go-test-v-beakerbook", n_go_test, "cd beakerbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd beakerbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the beakerbook tests"),
        B("cc-bash-go-vet-beakerbook", n_go_vet, "cd beakerbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-beakerbook", n_go_build, "cd beakerbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C hornworks -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build hornworks", before="make -C hornworks clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-hornworks", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ihornworks/src hornworks/src/hornline.c "
          "hornworks/src/comb_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-ksuid", n_log_p, "cd ksuid-git && git log -p --stat | head -n 420"),
        B("cc-bash-git-blame-ksuid", n_blame, "cd ksuid-git && git blame ksuid/ksuid.py"),
        B("cc-bash-git-show-ksuid", n_show, "cd ksuid-git && git show HEAD~5"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd ksuid-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-hornworks-beakerbook", n_ls_lR,
          "ls -laR hornworks beakerbook beakerbook-vet beakerbook-build ksuid/ksuid ksuid/tests"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps auxww --sort=-rss | head -n 50 | cut -c1-300"),
        B("cc-bash-csv-hornstore", n_csv, "cat hornstore.csv | head -n 240"),
        B("cc-bash-npm-view-p-finally", n_npm_view, "npm view p-finally --json 2>/dev/null"),
        B("cc-bash-log-grep-v-beaker", n_app_log,
          "grep -vE 'DEBUG|INFO beaker.api' beaker.log | tail -n 220"),
        ("cc-read-py-readable-number", "Read", {"file_path": f"{SITE}/readable_number/readable_number.py"},
         read_ext("python")),
        ("cc-read-py-pip-package-finder", "Read", {"file_path": f"{SITE}/pip/_internal/index/package_finder.py"},
         read_ext("python")),
        ("cc-grep-pip-operations-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                                 "path": f"{SITE}/pip/_internal/operations", "glob": "*.py",
                                                 "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-ksuid-readable", "Glob",
         {"pattern": "{ksuid,baseconv,readable_number,svix_ksuid,_pytest,pluggy,iniconfig,pygments}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-readable-number", n_pytest,
          f"cd readablenumber && PYTHONPATH=. {PYT} -rfE -vv -l --tb=long tests/test_beaker_numbers.py 2>&1 | tail -n 1300"),
        B("cx-exec-ruff-concise-readable-number", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise readablenumber/readable_number "
          "readablenumber/tests readablenumber/beaker_ledger.py | head -n 900"),
        B("cx-exec-mypy-strict-readable-number", n_mypy,
          "cd readablenumber && mypy --strict readable_number/readable_number.py "
          "tests/test_beaker_numbers.py beaker_ledger.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-beaker-ledger", n_chained, "cd readablenumber && PYTHONPATH=. python beaker_ledger.py"),
        B("cx-exec-vitest-run-verbose-hornwarey", n_vitest,
          "cd hornwarey && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd hornwarey", None),
           Part("npx vitest run --reporter=dot -t 'beakerBand|spoonLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-hornwarey", n_eslint, "cd hornwarey && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-hornwarey", n_tsc, "cd hornwarey && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-combline", n_cargo_build, "cd combline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd combline", None),
           Part("sed -i '/let label: String/d;/idx.push(bench_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-combline", n_clippy,
          "cd combline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-spoonscale", n_go_test, "cd spoonscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-readable-number", n_log_p, "cd readablenumber-git && git log -p --stat | head -n 2200"),
        B("cx-exec-git-blame-readable-number", n_blame,
          "cd readablenumber-git && git blame -L 300,560 readable_number/readable_number.py"),
        B("cx-exec-tree-site-r-k-b-i", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'r*|k*|b*|i*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-hornstore-largest", n_sqlite_col,
          "sqlite3 -header -column hornstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM hornstore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-any", n_npm_view, "npm view p-any --json 2>/dev/null"),
        B("cx-exec-log-grep-v-comb", n_app_log, "grep -vE 'DEBUG|comb.db' comb.log | tail -n 600"),
        B("cx-exec-grep-rn-site-readable-ksuid", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/readable_number {SITE}/ksuid {SITE}/baseconv.py {SITE}/_pytest/assertion "
          f"{SITE}/mypy/dmypy {SITE}/pluggy --include=*.py | head -n 700"),
        ("cx-exec-sed-n-ksuid-pytest", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/ksuid/ksuid.py {SITE}/_pytest/capture.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{KS} ksuid && cp -r {tmp}/ksuid-git ksuid-git && "
          f"cp -r {tmp}/hornworks hornworks && cp -r {tmp}/beakerbook {tmp}/beakerbook-vet "
          f"{tmp}/beakerbook-build . && "
          f"cp {tmp}/data/hornstore.csv {tmp}/data/beaker.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{RN} readablenumber && cp -r {tmp}/readablenumber-git readablenumber-git && "
          f"cp -a {tmp}/hornwarey hornwarey && cp -r {tmp}/combline combline && cp -r {tmp}/spoonscale . && "
          f"cp {tmp}/data/hornstore.db {tmp}/data/comb.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
