"""Round 705, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 697 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding roundrobin (broken, its suite)
and its git history, the vaneworks C project, the weathercockbook Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the vanework log (its Bash, Read, Grep and Glob tools); Codex in one holding
cashaddress (broken, its suite) and its git history, the cockerelry JavaScript project, the spindleline crate, the
finialscale Go module, the same files' sqlite table and the finial log (its exec_command tool). An item's text is the
tool result the agent sent back; its needles come from the extractor of the tool that printed the lines, imported,
read on the command's raw output as round 437 reads it (capture_agents). An item one of whose needles is on no line of
its text is dropped whole. Run through capture_wide705.py."""

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
from capture_wide705 import JS, VENV, add
from capture_wide705_mat import CA, RR

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
        B("cc-bash-pytest-rfe-roundrobin", n_pytest,
          "cd roundrobin && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "tests 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd roundrobin", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line tests/test_weathercock_rota.py -k 'arm-0' 2>&1 | tail -n 150",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the first hundred rota tests"),
        B("cc-bash-ruff-concise-roundrobin", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise roundrobin/roundrobin "
          "roundrobin/tests roundrobin/weathercock_tally.py roundrobin/setup.py | head -n 220"),
        B("cc-bash-mypy-strict-roundrobin", n_mypy,
          "cd roundrobin && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "roundrobin tests weathercock_tally.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-weathercock-tally", n_chained, "cd roundrobin && PYTHONPATH=. python weathercock_tally.py"),
        B("cc-bash-go-test-v-weathercockbook", n_go_test, "cd weathercockbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd weathercockbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the weathercockbook tests"),
        B("cc-bash-go-vet-weathercockbook", n_go_vet, "cd weathercockbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-weathercockbook", n_go_build, "cd weathercockbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C vaneworks -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build vaneworks", before="make -C vaneworks clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-vaneworks", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ivaneworks/src vaneworks/src/finialline.c "
          "vaneworks/src/vane_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-roundrobin", n_log_p, "cd roundrobin-git && git log -p --stat | head -n 480"),
        B("cc-bash-git-blame-roundrobin", n_blame, "cd roundrobin-git && git blame roundrobin/smooth_rr_stateful.py"),
        B("cc-bash-git-show-roundrobin", n_show, "cd roundrobin-git && git show HEAD~4"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd roundrobin-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-vaneworks-weathercockbook", n_ls_lR,
          "ls -laR vaneworks weathercockbook weathercockbook-vet weathercockbook-build roundrobin"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps auxww --sort=-rss | head -n 50 | cut -c1-300"),
        B("cc-bash-csv-vanestore", n_csv, "cat vanestore.csv | head -n 240"),
        B("cc-bash-npm-view-p-every", n_npm_view, "npm view p-every --json 2>/dev/null"),
        B("cc-bash-log-grep-v-vanework", n_app_log,
          "grep -vE 'DEBUG|INFO vanework.api' vanework.log | tail -n 220"),
        ("cc-read-py-cashaddress-convert", "Read", {"file_path": f"{SITE}/cashaddress/convert.py"}, read_ext("python")),
        ("cc-read-py-pip-prepare", "Read", {"file_path": f"{SITE}/pip/_internal/operations/prepare.py"},
         read_ext("python")),
        ("cc-grep-pip-index-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                               "path": f"{SITE}/pip/_internal/index", "glob": "*.py",
                                               "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-roundrobin-cashaddress", "Glob",
         {"pattern": "{roundrobin,cashaddress,_pytest,pluggy,iniconfig,packaging}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-cashaddress", n_pytest,
          "cd cashaddress && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv -l --tb=long "
          "tests 2>&1 | tail -n 1300"),
        B("cx-exec-ruff-concise-cashaddress", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise cashaddress/cashaddress "
          "cashaddress/setup.py cashaddress/tests cashaddress/finial_rota.py | head -n 900"),
        B("cx-exec-mypy-strict-cashaddress", n_mypy,
          "cd cashaddress && mypy --strict cashaddress tests finial_rota.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-finial-rota", n_chained, "cd cashaddress && PYTHONPATH=. python finial_rota.py"),
        B("cx-exec-vitest-run-verbose-cockerelry", n_vitest,
          "cd cockerelry && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd cockerelry", None),
           Part("npx vitest run --reporter=dot -t 'finialBand|vaneLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-cockerelry", n_eslint, "cd cockerelry && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-cockerelry", n_tsc, "cd cockerelry && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-spindleline", n_cargo_build, "cd spindleline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd spindleline", None),
           Part("sed -i '/let label: String/d;/idx.push(bearing_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-spindleline", n_clippy,
          "cd spindleline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-finialscale", n_go_test, "cd finialscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-cashaddress", n_log_p, "cd cashaddress-git && git log -p --stat | head -n 2200"),
        B("cx-exec-git-blame-cashaddress", n_blame, "cd cashaddress-git && git blame cashaddress/convert.py"),
        B("cx-exec-tree-site-c-r-p-i", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'c*|r*|p*|i*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-vanestore-largest", n_sqlite_col,
          "sqlite3 -header -column vanestore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM vanestore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-catch-if", n_npm_view, "npm view p-catch-if --json 2>/dev/null"),
        B("cx-exec-log-grep-v-finial", n_app_log, "grep -vE 'DEBUG|finial.db' finial.log | tail -n 600"),
        B("cx-exec-grep-rn-site-cashaddress-pluggy", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/cashaddress {SITE}/roundrobin {SITE}/pluggy {SITE}/_pytest/assertion "
          f"{SITE}/mypy/plugins {SITE}/iniconfig --include=*.py | head -n 700"),
        ("cx-exec-sed-n-roundrobin-cashaddress", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/roundrobin/smooth_rr_stateful.py {SITE}/roundrobin/weighted_rr.py "
                 f"{SITE}/cashaddress/base58.py {SITE}/_pytest/stepwise.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{RR} roundrobin && cp -r {tmp}/roundrobin-git roundrobin-git && "
          f"cp -r {tmp}/vaneworks vaneworks && cp -r {tmp}/weathercockbook {tmp}/weathercockbook-vet "
          f"{tmp}/weathercockbook-build . && "
          f"cp {tmp}/data/vanestore.csv {tmp}/data/vanework.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{CA} cashaddress && cp -r {tmp}/cashaddress-git cashaddress-git && "
          f"cp -a {tmp}/cockerelry cockerelry && cp -r {tmp}/spindleline spindleline && cp -r {tmp}/finialscale . && "
          f"cp {tmp}/data/vanestore.db {tmp}/data/finial.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
