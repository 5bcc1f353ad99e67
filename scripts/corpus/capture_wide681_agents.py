"""Round 681, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 673 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding hebrew-numbers (broken, its
suite) and its git history, the counterpunchworks C project, the minionbook Go module (three copies: tests, vet findings,
build errors), the /usr/share files' CSV and the graverhouse log (its Bash, Read, Grep and Glob tools); Codex in one
holding dms2dec (broken, its suite) and its git history, the punchcuttery JavaScript project, the graverline
crate, the smokeproofscale Go module, the same files' sqlite table and the smokeproofwatch log (its exec_command tool). An
item's text is the tool result the agent sent back; its needles come from the extractor of the tool that printed the
lines, imported, read on the command's raw output as round 437 reads it (capture_agents). An item one of whose needles
is on no line of its text is dropped whole. Run through capture_wide681.py."""

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
from capture_wide681 import JS, VENV, add
from capture_wide681_mat import DM, HN

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
        B("cc-bash-pytest-rfe-hebrew", n_pytest,
          "cd hebrew && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "--ignore=tests/test_hebrew_filters.py tests 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd hebrew", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider -o addopts= --tb=line tests/test_counterpunch_hebrew.py -k cardinal 2>&1 | tail -n 150",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the hebrew-numbers cardinal tests"),
        B("cc-bash-ruff-concise-hebrew", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise hebrew/src hebrew/tests "
          "hebrew/minion_tally.py hebrew/scripts | head -n 220"),
        B("cc-bash-mypy-strict-hebrew", n_mypy,
          "cd hebrew && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "src/hebrew_numbers tests minion_tally.py scripts 2>&1 | tail -n 200"),
        B("cc-bash-traceback-minion-tally", n_chained, "cd hebrew && PYTHONPATH=src python minion_tally.py"),
        B("cc-bash-go-test-v-minionbook", n_go_test, "cd minionbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd minionbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the minionbook tests"),
        B("cc-bash-go-vet-minionbook", n_go_vet, "cd minionbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-minionbook", n_go_build, "cd minionbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C counterpunchworks -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build counterpunchworks", before="make -C counterpunchworks clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-counterpunchworks", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Icounterpunchworks/src counterpunchworks/src/smokeproofline.c "
          "counterpunchworks/src/punch_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-hebrew", n_log_p, "cd hebrew_numbers-git && git log -p --stat | head -n 520"),
        B("cc-bash-git-blame-hebrew", n_blame, "cd hebrew_numbers-git && git blame src/hebrew_numbers/hebrew_numbers.py | head -n 260"),
        B("cc-bash-git-show-hebrew", n_show, "cd hebrew_numbers-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd hebrew_numbers-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-counterpunchworks-minionbook", n_ls_lR,
          "ls -laR counterpunchworks minionbook minionbook-vet minionbook-build hebrew"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-fountstore", n_csv, "cat fountstore.csv | head -n 240"),
        B("cc-bash-npm-view-p-some", n_npm_view, "npm view p-some --json 2>/dev/null"),
        B("cc-bash-log-grep-v-graverhouse", n_app_log,
          "grep -vE 'DEBUG|INFO graverhouse.api' graverhouse.log | tail -n 220"),
        ("cc-read-py-hebrew-numbers", "Read", {"file_path": f"{SITE}/hebrew_numbers/hebrew_numbers.py"}, read_ext("python")),
        ("cc-read-py-hebrew-jinja", "Read", {"file_path": f"{SITE}/hebrew_numbers/jinja.py"},
         read_ext("python")),
        ("cc-grep-pip-operations-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                                 "path": f"{SITE}/pip/_internal/operations", "glob": "*.py",
                                                 "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-hebrew-dms2dec", "Glob", {"pattern": "{hebrew_numbers,dms2dec,typing_extensions,_pytest,pluggy,iniconfig}*/**/*",
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
        B("cx-exec-pytest-vv-dms2dec", n_pytest,
          "cd dms2dec && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv -l --tb=long "
          "tests 2>&1 | tail -n 1500"),
        B("cx-exec-ruff-concise-dms2dec", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise dms2dec/dms2dec dms2dec/setup.py "
          "dms2dec/tests dms2dec/graver_sites.py | head -n 900"),
        B("cx-exec-mypy-strict-dms2dec", n_mypy,
          "cd dms2dec && mypy --strict dms2dec tests graver_sites.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-graver-sites", n_chained, "cd dms2dec && PYTHONPATH=. python graver_sites.py"),
        B("cx-exec-vitest-run-verbose-punchcuttery", n_vitest,
          "cd punchcuttery && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd punchcuttery", None),
           Part("npx vitest run --reporter=dot -t 'proofBand|punchLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-punchcuttery", n_eslint, "cd punchcuttery && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-punchcuttery", n_tsc, "cd punchcuttery && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-graverline", n_cargo_build, "cd graverline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd graverline", None),
           Part("sed -i '/let label: String/d;/idx.push(punch_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-graverline", n_clippy,
          "cd graverline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-smokeproofscale", n_go_test, "cd smokeproofscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-dms2dec", n_log_p, "cd dms2dec-git && git log -p --stat | head -n 2200"),
        B("cx-exec-git-blame-dms2dec", n_blame, "cd dms2dec-git && git blame dms2dec/dms_convert.py"),
        B("cx-exec-tree-site-p-n-e-s", n_tree, f"tree -a --noreport -I __pycache__ -P 'p*|n*|e*|s*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-fountstore-largest", n_sqlite_col,
          "sqlite3 -header -column fountstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM fountstore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-forever", n_npm_view, "npm view p-forever --json 2>/dev/null"),
        B("cx-exec-log-grep-v-smokeproofwatch", n_app_log, "grep -vE 'DEBUG|smokeproofwatch.db' smokeproofwatch.log | tail -n 600"),
        B("cx-exec-grep-rn-site-n-e", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/hebrew_numbers {SITE}/dms2dec {SITE}/pluggy {SITE}/_pytest/assertion "
          f"{SITE}/mypy/dmypy {SITE}/mypy/server --include=*.py | head -n 1100"),
        ("cx-exec-sed-n-dms2dec-hebrew", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/dms2dec/dms_convert.py {SITE}/hebrew_numbers/__init__.py "
                 f"{SITE}/hebrew_numbers/jinja.py {SITE}/_pytest/python_api.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{HN} hebrew && cp -r {tmp}/hebrew_numbers-git hebrew_numbers-git && "
          f"cp -r {tmp}/counterpunchworks counterpunchworks && cp -r {tmp}/minionbook {tmp}/minionbook-vet {tmp}/minionbook-build . && "
          f"cp {tmp}/data/fountstore.csv {tmp}/data/graverhouse.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{DM} dms2dec && cp -r {tmp}/dms2dec-git dms2dec-git && "
          f"cp -a {tmp}/punchcuttery punchcuttery && cp -r {tmp}/graverline graverline && cp -r {tmp}/smokeproofscale . && "
          f"cp {tmp}/data/fountstore.db {tmp}/data/smokeproofwatch.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
