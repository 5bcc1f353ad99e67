"""Round 745, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 737 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding kanaconv (broken, its suite)
and its git history, the typefoundry C project, the punchcase Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the casting log (its Bash, Read, Grep and Glob tools); Codex in one holding
japanese-numbers-python (broken, its suite) and its git history, the sortcaster JavaScript project, the matrixbox
crate, the mouldshop Go module, the same files' sqlite table and the punch log (its exec_command tool). An item's text
is the tool result the agent sent back; its needles come from the extractor of the tool that printed the lines,
imported (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide745.py."""

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
from capture_wide745 import JS, VENV, add
from capture_wide745_mat import JN, KC

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
        B("cc-bash-pytest-rfe-kanaconv", n_pytest,
          f"cd kanaconv && PYTHONPATH=. {PYT} -rfE -vv --tb=short tests/test_foundry_sorts.py 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd kanaconv", None),
           Part(f"PYTHONPATH=. {PYT} -q --tb=line tests/test_foundry_sorts.py -k 'punch or matrix' 2>&1 | tail -n 150",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the punch and matrix sort tests"),
        B("cc-bash-ruff-concise-kanaconv", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise kanaconv/tests "
          "kanaconv/punch_roll.py kanaconv/kanaconv/utils.py kanaconv/kanaconv/converter.py 2>&1 | head -n 220"),
        B("cc-bash-mypy-strict-kanaconv", n_mypy,
          "cd kanaconv && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "kanaconv/utils.py tests/test_foundry_sorts.py punch_roll.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-punch-roll", n_chained, "cd kanaconv && PYTHONPATH=. python punch_roll.py"),
        B("cc-bash-go-test-v-punchcase", n_go_test, "cd punchcase && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd punchcase", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the punchcase tests"),
        B("cc-bash-go-vet-punchcase", n_go_vet, "cd punchcase-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-punchcase", n_go_build, "cd punchcase-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C typefoundry -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build typefoundry", before="make -C typefoundry clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-typefoundry", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Itypefoundry/src typefoundry/src/punchcutter.c "
          "typefoundry/src/matrix_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-kanaconv", n_log_p, "cd kanaconv-git && git log -p --stat | head -n 420"),
        B("cc-bash-git-blame-kanaconv", n_blame, "cd kanaconv-git && git blame -L 1,230 kanaconv/charsets.py"),
        B("cc-bash-git-show-kanaconv", n_show, "cd kanaconv-git && git show HEAD~7"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd kanaconv-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-typefoundry-punchcase", n_ls_lR,
          "ls -laR typefoundry punchcase punchcase-vet punchcase-build kanaconv/kanaconv kanaconv/tests"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps auxww --sort=-rss | head -n 50 | cut -c1-300"),
        B("cc-bash-csv-foundry", n_csv, "cat foundry.csv | head -n 240"),
        B("cc-bash-npm-view-p-map", n_npm_view, "npm view p-map --json 2>/dev/null"),
        B("cc-bash-log-grep-v-casting", n_app_log,
          "grep -vE 'DEBUG|INFO foundry.api' casting.log | tail -n 220"),
        ("cc-read-py-kanaconv-converter", "Read", {"file_path": f"{SITE}/kanaconv/converter.py", "offset": 1, "limit": 420},
         read_ext("python")),
        ("cc-read-py-pip-prepare", "Read", {"file_path": f"{SITE}/pip/_internal/operations/prepare.py"},
         read_ext("python")),
        ("cc-grep-pip-resolution-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                                 "path": f"{SITE}/pip/_internal/resolution", "glob": "*.py",
                                                 "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-kanaconv-japanese-numbers", "Glob",
         {"pattern": "{kanaconv,japanese_numbers,past,libpasteurize,_pytest,pluggy,iniconfig}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-japanese-numbers", n_pytest,
          f"cd japanese_numbers && PYTHONPATH=. {PYT} -rfE -vv --tb=short tests/test_matrix_counts.py 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-japanese-numbers", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise japanese_numbers/japanese_numbers "
          "japanese_numbers/tests/test_matrix_counts.py japanese_numbers/mould_tally.py | head -n 300"),
        B("cx-exec-mypy-strict-japanese-numbers", n_mypy,
          "cd japanese_numbers && mypy --strict japanese_numbers/token.py japanese_numbers/parser/to_arabic_parser.py "
          "tests/test_matrix_counts.py mould_tally.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-mould-tally", n_chained, "cd japanese_numbers && PYTHONPATH=. python mould_tally.py"),
        B("cx-exec-vitest-run-verbose-sortcaster", n_vitest,
          "cd sortcaster && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd sortcaster", None),
           Part("npx vitest run --reporter=dot -t 'punchBand|matrixLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-sortcaster", n_eslint, "cd sortcaster && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-sortcaster", n_tsc, "cd sortcaster && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-matrixbox", n_cargo_build, "cd matrixbox && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd matrixbox", None),
           Part("sed -i '/let label: String/d;/idx.push(mould_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-matrixbox", n_clippy,
          "cd matrixbox && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-mouldshop", n_go_test, "cd mouldshop && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-japanese-numbers", n_log_p, "cd japanese_numbers-git && git log -p --stat | head -n 1500"),
        B("cx-exec-git-blame-japanese-numbers", n_blame,
          "cd japanese_numbers-git && git blame japanese_numbers/parser/to_arabic_parser.py"),
        B("cx-exec-tree-site-k-j-p-i", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'k*|j*|p*|i*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-foundry-largest", n_sqlite_col,
          "sqlite3 -header -column foundry.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM foundry ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-retry", n_npm_view, "npm view p-retry --json 2>/dev/null"),
        B("cx-exec-log-grep-v-punch", n_app_log, "grep -vE 'DEBUG|shop.db' punch.log | tail -n 600"),
        B("cx-exec-grep-rn-site-kanaconv-japanese-numbers", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/kanaconv {SITE}/japanese_numbers {SITE}/past "
          f"{SITE}/_pytest/mark {SITE}/mypy/server {SITE}/iniconfig --include=*.py | head -n 700"),
        ("cx-exec-sed-n-kanaconv-pytest", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/kanaconv/charsets.py {SITE}/_pytest/fixtures.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{KC} kanaconv && cp -r {tmp}/kanaconv-git kanaconv-git && "
          f"cp -r {tmp}/typefoundry typefoundry && cp -r {tmp}/punchcase {tmp}/punchcase-vet "
          f"{tmp}/punchcase-build . && "
          f"cp {tmp}/data/foundry.csv {tmp}/data/casting.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{JN} japanese_numbers && cp -r {tmp}/japanese_numbers-git japanese_numbers-git && "
          f"cp -a {tmp}/sortcaster sortcaster && cp -r {tmp}/matrixbox matrixbox && cp -r {tmp}/mouldshop . && "
          f"cp {tmp}/data/foundry.db {tmp}/data/punch.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
