"""Round 669, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 659 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding zhdate (broken, its suite) and
its git history, the buckramworks C project, the hatbook Go module (three copies: tests, vet findings, build errors),
the /usr/share files' CSV and the hatblockshed log (its Bash, Read, Grep and Glob tools); Codex in one holding
ummalqura (broken, its suite) and its git history, the millinery JavaScript project, the buckramline crate, the
toquescale Go module, the same files' sqlite table and the toquewatch log (its exec_command tool). An item's text is
the tool result the agent sent back; its needles come from the extractor of the tool that printed the lines,
imported, read on the command's raw output as round 437 reads it (capture_agents). An item one of whose needles is on
no line of its text is dropped whole. Run through capture_wide669.py."""

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
from capture_wide669 import JS, VENV, add
from capture_wide669_mat import CW, PR

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
        B("cc-bash-pytest-rfe-zhdate", n_pytest,
          "cd zhdate && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "tests 2>&1 | tail -n 240"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd zhdate", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line tests -k 'back'",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the zhdate round-trip tests"),
        B("cc-bash-ruff-concise-zhdate", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise zhdate/zhdate/__init__.py "
          "zhdate/tests/test_toque_lunar.py zhdate/toque_tallies.py zhdate/setup.py | head -n 220"),
        B("cc-bash-mypy-strict-zhdate", n_mypy,
          "cd zhdate && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "zhdate tests toque_tallies.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-toque-tallies", n_chained, "cd zhdate && PYTHONPATH=. python toque_tallies.py"),
        B("cc-bash-go-test-v-hatbook", n_go_test, "cd hatbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd hatbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the hatbook tests"),
        B("cc-bash-go-vet-hatbook", n_go_vet, "cd hatbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-hatbook", n_go_build, "cd hatbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C buckramworks -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build buckramworks", before="make -C buckramworks clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-buckramworks", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ibuckramworks/src buckramworks/src/hatblockline.c "
          "buckramworks/src/toque_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-zhdate", n_log_p, "cd zhdate-git && git log -p --stat | head -n 520"),
        B("cc-bash-git-blame-zhdate", n_blame, "cd zhdate-git && git blame zhdate/__init__.py | head -n 260"),
        B("cc-bash-git-show-zhdate", n_show, "cd zhdate-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd zhdate-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-buckramworks-hatbook", n_ls_lR,
          "ls -laR buckramworks hatbook hatbook-vet hatbook-build zhdate"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-buckramstore", n_csv, "cat buckramstore.csv | head -n 240"),
        B("cc-bash-npm-view-p-series", n_npm_view, "npm view p-series --json 2>/dev/null"),
        B("cc-bash-log-grep-v-hatblockshed", n_app_log,
          "grep -vE 'DEBUG|INFO hatblockshed.api' hatblockshed.log | tail -n 220"),
        ("cc-read-py-zhdate-init", "Read", {"file_path": f"{SITE}/zhdate/__init__.py"}, read_ext("python")),
        ("cc-read-py-ummalqura-hijri-date", "Read", {"file_path": f"{SITE}/ummalqura/hijri_date.py"},
         read_ext("python")),
        ("cc-grep-pip-operations-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                                 "path": f"{SITE}/pip/_internal/operations", "glob": "*.py",
                                                 "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-zhdate-ummalqura", "Glob", {"pattern": "{zhdate,ummalqura,_pytest,pluggy}*/**/*",
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
        B("cx-exec-pytest-vv-ummalqura", n_pytest,
          "cd ummalqura && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv -l --tb=long "
          "tests 2>&1 | tail -n 1500"),
        B("cx-exec-ruff-concise-ummalqura", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise ummalqura/ummalqura "
          "ummalqura/tests ummalqura/hatblock_dates.py | head -n 900"),
        B("cx-exec-mypy-strict-ummalqura", n_mypy,
          "cd ummalqura && mypy --strict ummalqura hatblock_dates.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-hatblock-dates", n_chained, "cd ummalqura && PYTHONPATH=. python hatblock_dates.py"),
        B("cx-exec-vitest-run-verbose-millinery", n_vitest,
          "cd millinery && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd millinery", None),
           Part("npx vitest run --reporter=dot -t 'feltBand|toqueLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-millinery", n_eslint, "cd millinery && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-millinery", n_tsc, "cd millinery && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-buckramline", n_cargo_build, "cd buckramline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd buckramline", None),
           Part("sed -i '/let label: String/d;/idx.push(block_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-buckramline", n_clippy,
          "cd buckramline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-toquescale", n_go_test, "cd toquescale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-ummalqura", n_log_p, "cd ummalqura-git && git log -p | head -n 2200"),
        B("cx-exec-git-blame-ummalqura", n_blame, "cd ummalqura-git && git blame ummalqura/hijri_date.py"),
        B("cx-exec-tree-site-p-u-z", n_tree, f"tree -a --noreport -I __pycache__ -P 'p*|u*|z*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-buckramstore-largest", n_sqlite_col,
          "sqlite3 -header -column buckramstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM buckramstore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-waterfall", n_npm_view, "npm view p-waterfall --json 2>/dev/null"),
        B("cx-exec-log-grep-v-toquewatch", n_app_log, "grep -vE 'DEBUG|toquewatch.db' toquewatch.log | tail -n 600"),
        B("cx-exec-grep-rn-site-z-u", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/zhdate {SITE}/ummalqura {SITE}/pluggy {SITE}/_pytest/assertion "
          f"{SITE}/mypy/dmypy {SITE}/mypy/server --include=*.py | head -n 1100"),
        ("cx-exec-sed-n-ummalqura", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/ummalqura/hijri.py {SITE}/ummalqura/hijri_date.py "
                 f"{SITE}/zhdate/__init__.py {SITE}/_pytest/python_api.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PR} zhdate && cp -r {tmp}/zhdate-git zhdate-git && "
          f"cp -r {tmp}/buckramworks buckramworks && cp -r {tmp}/hatbook {tmp}/hatbook-vet {tmp}/hatbook-build . && "
          f"cp {tmp}/data/buckramstore.csv {tmp}/data/hatblockshed.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{CW} ummalqura && cp -r {tmp}/ummalqura-git ummalqura-git && "
          f"cp -a {tmp}/millinery millinery && cp -r {tmp}/buckramline buckramline && cp -r {tmp}/toquescale . && "
          f"cp {tmp}/data/buckramstore.db {tmp}/data/toquewatch.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
