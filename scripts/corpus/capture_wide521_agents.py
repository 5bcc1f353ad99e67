"""Round 521, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 493, 504 and 515 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding honcho (broken) and
its git history, the bellpit C project, the tunerbench Go module (three copies: tests, vet findings, build errors),
the /usr/share files' CSV and the castinghall log (its Bash, Read, Grep and Glob tools); Codex in one holding dict2xml
(broken) and its git history, the bellfounders project, the lipring crate, the clapperway Go module, the same files'
sqlite table and the tuningshop log (its exec_command tool). An item's text is the tool result the agent sent back;
its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw output as
round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide521.py."""

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
from capture_wide521 import JS, VENV, add
from capture_wide521_mat import DX, HO

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dp = root / "honcho"
    return [
        B("cc-bash-pytest-ra-honcho", n_pytest,
          "cd honcho && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=short "
          "tests --ignore=tests/integration 2>&1 | tail -n 220"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd honcho", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line tests "
                "--ignore=tests/integration -k 'environ or manager'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the honcho environ and manager tests"),
        B("cc-bash-ruff-concise-honcho", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise honcho/honcho "
          "honcho/pour_rota.py | head -n 220"),
        B("cc-bash-mypy-strict-honcho", n_mypy,
          "cd honcho && mypy --strict --no-incremental --cache-dir=/dev/null honcho "
          "pour_rota.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-pour-rota", n_chained, "cd honcho && PYTHONPATH=. python pour_rota.py"),
        B("cc-bash-go-test-v-tunerbench", n_go_test, "cd tunerbench && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd tunerbench", None), Part("go test -count=1 ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the tunerbench tests"),
        B("cc-bash-go-vet-tunerbench", n_go_vet, "cd tunerbench-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-tunerbench", n_go_build, "cd tunerbench-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C bellpit -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build bellpit", before="make -C bellpit clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-bellpit", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ibellpit/src bellpit/src/casts.c "
          "bellpit/src/mould_1[0-4].c 2>&1"),
        B("cc-bash-git-log-p-honcho", n_log_p,
          "cd honcho-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-honcho", n_blame,
          "cd honcho-git && git blame -L 1,123 honcho/environ.py"),
        B("cc-bash-git-show-honcho", n_show, "cd honcho-git && git show HEAD~2"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd honcho-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-bellpit-tunerbench", n_ls_lR, "ls -laR bellpit tunerbench honcho/honcho"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-maude-checkstyle-cups", n_csv, "cat share.csv | head -n 240"),
        B("cc-bash-npm-view-is-stream", n_npm_view, "npm view is-stream --json 2>/dev/null"),
        B("cc-bash-log-grep-v-castinghall", n_app_log,
          "grep -vE 'DEBUG|INFO castinghall.api' castinghall.log | tail -n 240"),
        ("cc-read-py-honcho-manager", "Read", {"file_path": f"{dp}/honcho/manager.py"},
         read_ext("python")),
        ("cc-read-py-honcho-command", "Read", {"file_path": f"{SITE}/honcho/command.py"},
         read_ext("python")),
        ("cc-grep-honcho-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+",
                                                    "path": f"{SITE}/honcho", "glob": "*.py",
                                                    "output_mode": "content", "-n": True, "head_limit": 140},
         n_grep_rn),
        ("cc-glob-site-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}"},
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
        B("cx-exec-pytest-vv-dict2xml", n_pytest,
          "cd dict2xml && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= "
          "-rA -vv --tb=long tests 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-dict2xml", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise dict2xml/dict2xml dict2xml/tests "
          "dict2xml/peal_sheet.py | head -n 600"),
        B("cx-exec-mypy-strict-dict2xml", n_mypy,
          "cd dict2xml && mypy --strict dict2xml peal_sheet.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-peal-sheet", n_chained, "cd dict2xml && PYTHONPATH=. python peal_sheet.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd bellfounders", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-bellfounders", n_eslint, "cd bellfounders && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd bellfounders", None), Part("npx eslint lib/cast-plan.js lib/bellfounders.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-lipring", n_cargo_build, "cd lipring && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd lipring", None),
           Part("sed -i '/let label: String/d;/idx.push(bell_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-lipring", n_clippy,
          "cd lipring && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-clapperway", n_go_test, "cd clapperway && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-clapperway", n_go_vet, "cd clapperway-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-dict2xml", n_log_p, "cd dict2xml-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-dict2xml", n_blame,
          "cd dict2xml-git && git blame dict2xml/logic.py | head -n 320"),
        B("cx-exec-tree-site-d-h", n_tree, f"tree -a --noreport -I __pycache__ -P 'd*|h*' {SITE} | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 100\""),
        B("cx-exec-npm-view-indent-string", n_npm_view, "npm view indent-string --json 2>/dev/null"),
        B("cx-exec-log-grep-v-tuningshop", n_app_log,
          "grep -vE 'DEBUG|tuningshop.db' tuningshop.log | tail -n 600"),
        B("cx-exec-grep-rn-site-d-h", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/dict2xml {SITE}/honcho {SITE}/_pytest/config "
          "--include=*.py | head -n 320"),
        ("cx-exec-sed-n-dict2xml", "exec_command",
         {"cmd": f"sed -n '1,300p' {SITE}/dict2xml/logic.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{HO} honcho && cp -r {tmp}/honcho-git honcho-git && "
          f"cp -r {tmp}/bellpit bellpit && cp -r {tmp}/tunerbench {tmp}/tunerbench-vet {tmp}/tunerbench-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/castinghall.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{DX} dict2xml && cp -r {tmp}/dict2xml-git dict2xml-git && "
          f"cp -r {tmp}/lipring lipring && cp -r {tmp}/clapperway {tmp}/clapperway-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/tuningshop.log . && "
          f"mkdir bellfounders && cp -r {tmp}/bellfounders/lib {tmp}/bellfounders/spec {tmp}/bellfounders/package.json "
          f"{tmp}/bellfounders/eslint.config.js {tmp}/bellfounders/tsconfig.json bellfounders/ && "
          f"ln -s {JS}/node_modules bellfounders/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
