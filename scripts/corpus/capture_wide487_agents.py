"""Round 487, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 467, 475 and 481 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding ldap3 (broken) and
its git history, the ragboiler C project, the ragsort Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the ragroom log (its Bash, Read, Grep and Glob tools); Codex in one holding httpcore
(broken) and its git history, the ragcutter project, the halfstuff crate, the sortloft Go module, the same files'
sqlite table and the beatertally log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, imported, read on the command's raw output as
round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide487.py."""

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
from capture_wide487 import JS, VENV, add
from capture_wide487_mat import HC, LD

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    ld = root / "ldap3"
    return [
        B("cc-bash-pytest-ra-ldap3", n_pytest,
          "cd ldap3 && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=short "
          "test/testDnParsing.py test/testRdns.py 2>&1 | tail -n 200"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd ldap3", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line test/testDnParsing.py "
                "-k 'hex or escaped or multi'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the ldap3 DN parsing tests"),
        B("cc-bash-ruff-concise-ldap3", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise ldap3/ldap3/utils "
          "ldap3/rag_tally.py | head -n 200"),
        B("cc-bash-mypy-strict-ldap3", n_mypy,
          "cd ldap3 && mypy --strict --no-incremental --cache-dir=/dev/null ldap3/utils rag_tally.py "
          "2>&1 | tail -n 220"),
        B("cc-bash-traceback-rag-tally", n_chained, "cd ldap3 && PYTHONPATH=. python rag_tally.py"),
        B("cc-bash-go-test-v-ragsort", n_go_test, "cd ragsort && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd ragsort", None), Part("go test -count=1 ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the ragsort tests"),
        B("cc-bash-go-vet-ragsort", n_go_vet, "cd ragsort-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-ragsort", n_go_build, "cd ragsort-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C ragboiler -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build ragboiler", before="make -C ragboiler clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-ragboiler", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iragboiler/src ragboiler/src/sortings.c "
          "ragboiler/src/beater_1[0-4].c 2>&1"),
        B("cc-bash-git-log-p-ldap3", n_log_p, "cd ldap3-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-ldap3", n_blame, "cd ldap3-git && git blame -L 150,300 ldap3/utils/dn.py"),
        B("cc-bash-git-show-ldap3", n_show, "cd ldap3-git && git show HEAD~4"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd ldap3-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-ragboiler-ragsort", n_ls_lR, "ls -laR ragboiler ragsort ldap3/ldap3/utils"),
        B("cc-bash-ps-aux-sort-rss-45", n_ps_aux, "ps aux --sort=-rss | head -n 45"),
        B("cc-bash-csv-happy-hlint-lighttpd", n_csv, "cat share.csv | head -n 240"),
        B("cc-bash-npm-view-has-flag", n_npm_view, "npm view has-flag --json 2>/dev/null"),
        B("cc-bash-log-grep-v-ragroom", n_app_log,
          "grep -vE 'DEBUG|INFO ragroom.api' ragroom.log | tail -n 240"),
        ("cc-read-py-ldap3-dn", "Read", {"file_path": f"{ld}/ldap3/utils/dn.py"},
         read_ext("python")),
        ("cc-read-py-ldap3-connection", "Read", {"file_path": f"{SITE}/ldap3/core/connection.py", "limit": 450},
         read_ext("python")),
        ("cc-grep-ldap3-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+", "path": f"{SITE}/ldap3",
                                         "glob": "*.py", "output_mode": "content", "-n": True,
                                         "head_limit": 120}, n_grep_rn),
        ("cc-glob-ldap3", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/ldap3"},
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
        B("cx-exec-pytest-vv-httpcore", n_pytest,
          "cd httpcore && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -o required_plugins= "
          "-o filterwarnings= -rA -vv --tb=long tests/test_models.py tests/_sync/test_connection_pool.py "
          "tests/_sync/test_http11.py 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-httpcore", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise httpcore/httpcore "
          "httpcore/beater_log.py | head -n 600"),
        B("cx-exec-mypy-strict-httpcore", n_mypy,
          "cd httpcore && mypy --strict httpcore beater_log.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-beater-log", n_chained, "cd httpcore && PYTHONPATH=. python beater_log.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd ragcutter", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-ragcutter", n_eslint, "cd ragcutter && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd ragcutter", None), Part("npx eslint lib/sorting-plan.js lib/ragcutter.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-halfstuff", n_cargo_build, "cd halfstuff && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd halfstuff", None),
           Part("sed -i '/let label: String/d;/idx.push(vat_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-halfstuff", n_clippy,
          "cd halfstuff && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-sortloft", n_go_test, "cd sortloft && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-sortloft", n_go_vet, "cd sortloft-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-httpcore", n_log_p, "cd httpcore-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-httpcore", n_blame, "cd httpcore-git && git blame httpcore/_models.py | head -n 320"),
        B("cx-exec-tree-httpcore", n_tree, f"tree -a --noreport -I __pycache__ {SITE}/httpcore | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 230\""),
        B("cx-exec-npm-view-mimic-fn", n_npm_view, "npm view mimic-fn --json 2>/dev/null"),
        B("cx-exec-log-grep-v-beatertally", n_app_log, "grep -vE 'DEBUG|beatertally.db' beatertally.log | tail -n 600"),
        B("cx-exec-grep-rn-httpcore", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/httpcore --include=*.py | head -n 320"),
        ("cx-exec-sed-n-httpcore-models", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/httpcore/_models.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{LD} ldap3 && cp -r {tmp}/ldap3-git ldap3-git && "
          f"cp -r {tmp}/ragboiler ragboiler && cp -r {tmp}/ragsort {tmp}/ragsort-vet {tmp}/ragsort-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/ragroom.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{HC} httpcore && cp -r {tmp}/httpcore-git httpcore-git && "
          f"cp -r {tmp}/halfstuff halfstuff && cp -r {tmp}/sortloft {tmp}/sortloft-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/beatertally.log . && "
          f"mkdir ragcutter && cp -r {tmp}/ragcutter/lib {tmp}/ragcutter/spec {tmp}/ragcutter/package.json "
          f"{tmp}/ragcutter/eslint.config.js {tmp}/ragcutter/tsconfig.json ragcutter/ && "
          f"ln -s {JS}/node_modules ragcutter/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
