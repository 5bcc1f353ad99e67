"""Round 397, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 382 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding pyphen (broken) and its git
history, the puncheon C project, the kilderkin Go module (three copies: tests, vet findings, build errors), the
documentation CSV and the coopering log (its Bash, Read, Grep and Glob tools); Codex in one holding pymitter (broken)
and its git history, the hogshead project, the caskworks crate, the documentation sqlite table and the seasoning log
(its exec_command tool). An item's text is the tool result the agent sent back; its needles come from the extractor
of the tool that printed the lines, imported, read on the command's raw output as round 382 reads it (capture_agents:
a Bash result as it is, a Codex result after its `Output:` header line, a Read result without its line-number gutter;
a chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on no line of
its text is dropped whole. Run through capture_wide397.py."""

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
from capture_wide397 import JS, VENV, add
from capture_wide397_mat import PM, PY

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    co = root / "pyphen"
    return [
        B("cc-bash-pytest-ra-pyphen", n_pytest,
          "cd pyphen && python -m pytest -p no:cacheprovider -rA -vv --tb=long tests 2>&1 | tail -n 400"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd pyphen", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line tests/test_pyphen.py "
                "-k 'inserted or wrap or iterate or left or right'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the pyphen hyphenation tests"),
        B("cc-bash-ruff-concise-pyphen", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pyphen/pyphen pyphen/tests "
          "pyphen/stave_labels.py pyphen/docs/conf.py | head -n 280"),
        B("cc-bash-ruff-full-stave-labels", n_ruff,
          "cd pyphen && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,N,S,RET,D,FBT,PTH "
          "--output-format=full stave_labels.py pyphen/__init__.py 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-pyphen", n_mypy,
          "cd pyphen && mypy --strict --no-incremental --cache-dir=/dev/null pyphen tests stave_labels.py 2>&1 "
          "| tail -n 220"),
        B("cc-bash-traceback-stave-labels", n_chained, "cd pyphen && python stave_labels.py"),
        B("cc-bash-go-test-v-kilderkin", n_go_test, "cd kilderkin && go test -v ./... 2>&1 | tail -n 380"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd kilderkin", None), Part("go test -count=1 ./... 2>&1 | tail -n 70", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the kilderkin tests"),
        B("cc-bash-go-vet-kilderkin", n_go_vet, "cd kilderkin-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-kilderkin", n_go_build, "cd kilderkin-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C puncheon -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build puncheon", before="make -C puncheon clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-puncheon", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ipuncheon/src puncheon/src/batch.c "
          "puncheon/src/firkin_1[0-4].c 2>&1"),
        B("cc-bash-git-log-p-pyphen", n_log_p, "cd pyphen-git && git log -p --stat | head -n 620"),
        B("cc-bash-git-blame-pyphen-init", n_blame, "cd pyphen-git && git blame -L 100,297 pyphen/__init__.py"),
        B("cc-bash-git-show-pyphen-part", n_show, "cd pyphen-git && git show ':/^__init__: part 6 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pyphen-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-puncheon-kilderkin", n_ls_lR, "ls -laR puncheon kilderkin pyphen/tests pyphen/docs"),
        B("cc-bash-ps-aux-sort-mem-45", n_ps_aux, "ps aux --sort=-%mem | head -n 45"),
        B("cc-bash-csv-grep-news-changelog", n_csv,
          "(head -n 1 docs.csv; grep -E ',(NEWS|changelog\\.Debian)[^,]*,' docs.csv) | head -n 240"),
        B("cc-bash-npm-view-superstruct", n_npm_view, "npm view superstruct --json 2>/dev/null"),
        B("cc-bash-log-grep-v-coopering", n_app_log,
          "grep -vE 'DEBUG|INFO coopering.api' coopering.log | tail -n 240"),
        ("cc-read-py-pyphen-init", "Read", {"file_path": f"{co}/pyphen/__init__.py"}, read_ext("python")),
        ("cc-read-py-pyphen-tests", "Read", {"file_path": f"{co}/tests/test_pyphen.py"}, read_ext("python")),
        ("cc-read-py-stdnum-iban", "Read", {"file_path": f"{SITE}/stdnum/iban.py"}, read_ext("python")),
        ("cc-grep-stdnum-defs", "Grep", {"pattern": r"^def \w+\(|^class \w+", "path": f"{SITE}/stdnum",
                                         "glob": "*.py", "output_mode": "content", "-n": True,
                                         "head_limit": 80}, n_grep_rn),
        ("cc-grep-pyphen-returns", "Grep", {"pattern": r"return \w+|def \w+|raise \w+",
                                            "path": f"{co}/pyphen", "glob": "*.py",
                                            "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-stdnum", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/stdnum"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-pymitter", n_pytest,
          "cd pymitter && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=long tests "
          "2>&1 | tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pymitter", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider -o addopts= --tb=short tests "
                "-k 'ttl or wildcard or reverse or listeners'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-pymitter", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pymitter/src pymitter/tests "
          "pymitter/hoop_events.py pymitter/examples.py | head -n 600"),
        B("cx-exec-ruff-full-hoop-events", n_ruff,
          "cd pymitter && ruff check --no-cache --isolated --select ALL --output-format=full "
          "hoop_events.py examples.py src/pymitter/__init__.py | head -n 560"),
        B("cx-exec-mypy-strict-pymitter", n_mypy,
          "cd pymitter && mypy --strict src/pymitter tests hoop_events.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-hoop-events", n_chained, "cd pymitter && PYTHONPATH=src python hoop_events.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd hogshead", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-hogshead", n_eslint, "cd hogshead && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd hogshead", None), Part("npx eslint lib/cooping-plan.js lib/hogshead.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-caskworks", n_cargo_build, "cd caskworks && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd caskworks", None),
           Part("sed -i '/let label: String/d;/idx.push(cask_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-caskworks", n_clippy,
          "cd caskworks && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-git-log-p-pymitter", n_log_p, "cd pymitter-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-pymitter", n_blame, "cd pymitter-git && git blame src/pymitter/__init__.py"),
        B("cx-exec-git-show-head-4", n_show, "cd pymitter-git && git show HEAD~4"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pymitter-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-wrapt-vobject", n_tree,
          f"tree -a --noreport {SITE}/wrapt {SITE}/vobject {SITE}/stdnum/eu {SITE}/stdnum/nl | head -n 380"),
        B("cx-exec-ps-aux-sort-cpu-55", n_ps_aux, "ps aux --sort=-%cpu | head -n 55"),
        B("cx-exec-sqlite-docs-news", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE 'NEWS%' OR file LIKE 'README%' ORDER BY size DESC, directory ASC LIMIT 260\""),
        B("cx-exec-npm-view-zustand", n_npm_view, "npm view zustand --json"),
        B("cx-exec-log-grep-v-seasoning", n_app_log, "grep -vE 'DEBUG|seasoning.db' seasoning.log | tail -n 600"),
        B("cx-exec-grep-rn-wrapt-vobject-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/wrapt {SITE}/vobject --include=*.py | head -n 300"),
        ("cx-exec-sed-n-vobject-base", "exec_command",
         {"cmd": f"sed -n '1,380p' {SITE}/vobject/base.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PY} pyphen && cp -r {tmp}/pyphen-git pyphen-git && "
          f"cp -r {tmp}/puncheon puncheon && cp -r {tmp}/kilderkin {tmp}/kilderkin-vet {tmp}/kilderkin-build . && "
          f"cp {tmp}/data/docs.csv {tmp}/data/coopering.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PM} pymitter && cp -r {tmp}/pymitter-git pymitter-git && "
          f"cp -r {tmp}/caskworks caskworks && cp {tmp}/data/docs.db {tmp}/data/seasoning.log . && "
          f"mkdir hogshead && cp -r {tmp}/hogshead/lib {tmp}/hogshead/spec {tmp}/hogshead/package.json "
          f"{tmp}/hogshead/eslint.config.js {tmp}/hogshead/tsconfig.json hogshead/ && "
          f"ln -s {JS}/node_modules hogshead/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
