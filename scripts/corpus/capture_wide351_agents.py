"""Round 351, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (capture_agents.drive:
tests/e2e/agent_harness.py's AgentRun, a stub Script of ToolCallSteps, the launcher started with --no-compress so that
the stub records every tool result exactly as the agent wrote it and nothing compressed is ever seen). Claude Code
works in a directory holding multimethod (broken) and its git history, the copes C project, the battertally Go module
(three copies: tests, vet findings, build errors), the documentation CSV and the gapping log (its Bash, Read, Grep and
Glob tools); Codex in one holding pyhocon (broken) and its git history, the footings project, the cheekends crate, the
documentation sqlite table and the lunky log (its exec_command tool). An item's text is the tool result the agent sent
back; its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw
output as round 342 reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a
Read result without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An
item one of whose needles is on no line of its text is dropped whole. Run through capture_wide351.py."""

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
from capture_wide351 import JS, VENV, add
from capture_wide351_mat import MM, PH

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    mm = root / "multimethod"
    return [
        B("cc-bash-pytest-v-multimethod", n_pytest,
          "cd multimethod && python -m pytest -p no:cacheprovider -v --tb=short tests 2>&1 | tail -n 400"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd multimethod", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line tests/test_subscripts.py tests/test_dispatch.py",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the multimethod tests"),
        B("cc-bash-ruff-concise-multimethod", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise multimethod/multimethod "
          "multimethod/tests multimethod/hearting_fill.py | head -n 260"),
        B("cc-bash-ruff-full-multimethod-init", n_ruff,
          "cd multimethod && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,N,S,RET,PT,FBT "
          "--output-format=full multimethod/__init__.py hearting_fill.py 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-multimethod", n_mypy,
          "cd multimethod && mypy --strict --no-incremental --cache-dir=/dev/null tests hearting_fill.py 2>&1 "
          "| tail -n 220"),
        B("cc-bash-traceback-hearting", n_chained, "cd multimethod && python hearting_fill.py"),
        B("cc-bash-go-test-v-battertally", n_go_test, "cd battertally && go test -v ./... 2>&1 | tail -n 400"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd battertally", None), Part("go test ./... 2>&1 | tail -n 60", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the battertally tests"),
        B("cc-bash-go-vet-battertally", n_go_vet, "cd battertally-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-battertally", n_go_build, "cd battertally-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C copes -k 2>&1 | tail -n 400", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build copes", before="make -C copes clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-copes", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Icopes/src copes/src/course.c "
          "copes/src/hearting_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-multimethod", n_log_p, "cd multimethod-git && git log -p --stat | head -n 650"),
        B("cc-bash-git-blame-multimethod", n_blame, "cd multimethod-git && git blame -L 200,360 multimethod/__init__.py"),
        B("cc-bash-git-show-init-part", n_show, "cd multimethod-git && git show ':/^__init__: part 4 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd multimethod-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-copes-battertally", n_ls_lR, "ls -laR copes battertally multimethod/tests"),
        B("cc-bash-ps-aux-sort-vsz-50", n_ps_aux, "ps aux --sort=-vsz | head -n 50"),
        B("cc-bash-csv-grep-news-authors", n_csv,
          "(head -n 1 docs.csv; grep -E ',(NEWS|AUTHORS|changelog\\.Debian)[^,]*,' docs.csv) | head -n 280"),
        B("cc-bash-npm-view-radash", n_npm_view, "npm view radash --json 2>/dev/null"),
        B("cc-bash-log-grep-v-gapping", n_app_log,
          "grep -vE 'DEBUG|INFO gapping.api' gapping.log | tail -n 250"),
        ("cc-read-py-multimethod-init", "Read", {"file_path": f"{mm}/multimethod/__init__.py"}, read_ext("python")),
        ("cc-read-py-multimethod-tests", "Read", {"file_path": f"{mm}/tests/test_methods.py"}, read_ext("python")),
        ("cc-read-py-genson-builder", "Read", {"file_path": f"{SITE}/genson/schema/builder.py"}, read_ext("python")),
        ("cc-grep-genson-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+", "path": f"{SITE}/genson",
                                         "glob": "*.py", "output_mode": "content", "-n": True,
                                         "head_limit": 130}, n_grep_rn),
        ("cc-grep-multimethod-subtype", "Grep", {"pattern": r"subtype|def \w+", "path": f"{mm}/multimethod",
                                                 "glob": "*.py", "output_mode": "content", "-n": True,
                                                 "head_limit": 120}, n_grep_rn),
        ("cc-glob-ijson", "Glob", {"pattern": "**/*", "path": f"{SITE}/ijson"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-pyhocon", n_pytest,
          "cd pyhocon && python -m pytest -p no:cacheprovider -rA -vv --tb=long tests 2>&1 | tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pyhocon", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short tests -k 'period or bool or json'",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-pyhocon", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pyhocon/pyhocon "
          "pyhocon/smoot_config.py | head -n 600"),
        B("cx-exec-ruff-full-converter", n_ruff,
          "cd pyhocon && ruff check --no-cache --isolated --select ALL --output-format=full "
          "pyhocon/converter.py pyhocon/period_parser.py setup.py | head -n 560"),
        B("cx-exec-mypy-strict-pyhocon", n_mypy,
          "cd pyhocon && mypy --strict pyhocon smoot_config.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-smoot", n_chained, "cd pyhocon && python smoot_config.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd footings", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-footings", n_eslint, "cd footings && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd footings", None), Part("npx eslint lib/gapping-plan.js lib/footings.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-cheekends", n_cargo_build, "cd cheekends && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd cheekends", None),
           Part("sed -i '/let label: String/d;/idx.push(cope_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-cheekends", n_clippy, "cd cheekends && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-git-log-p-pyhocon", n_log_p, "cd pyhocon-git && git log -p | head -n 1000"),
        B("cx-exec-git-blame-period-parser", n_blame, "cd pyhocon-git && git blame pyhocon/period_parser.py"),
        B("cx-exec-git-show-head-6", n_show, "cd pyhocon-git && git show HEAD~6"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pyhocon-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-qrcode", n_tree,
          f"tree -a --noreport {SITE}/qrcode {SITE}/qrcode-8.2.dist-info {SITE}/gitignore_parser-0.1.13.dist-info "
          f"{SITE}/ijson {SITE}/ijson-3.6.0.dist-info | head -n 380"),
        B("cx-exec-ps-aux-sort-rss-60", n_ps_aux, "ps aux --sort=-rss | head -n 60"),
        B("cx-exec-sqlite-docs-news", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE 'news%' OR file LIKE 'authors%' ORDER BY size DESC, directory ASC LIMIT 280\""),
        B("cx-exec-npm-view-pkg-types", n_npm_view, "npm view pkg-types --json"),
        B("cx-exec-log-grep-v-lunky", n_app_log, "grep -vE 'DEBUG|lunky.db' lunky.log | tail -n 600"),
        B("cx-exec-grep-rn-qrcode-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/qrcode {SITE}/gitignore_parser.py --include=*.py | head -n 300"),
        ("cx-exec-sed-n-qrcode-main", "exec_command",
         {"cmd": f"sed -n '1,320p' {SITE}/qrcode/main.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{MM} multimethod && cp -r {tmp}/multimethod-git multimethod-git && "
          f"cp -r {tmp}/copes copes && cp -r {tmp}/battertally {tmp}/battertally-vet {tmp}/battertally-build . && "
          f"cp {tmp}/data/docs.csv {tmp}/data/gapping.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PH} pyhocon && cp -r {tmp}/pyhocon-git pyhocon-git && "
          f"cp -r {tmp}/cheekends cheekends && cp {tmp}/data/docs.db {tmp}/data/lunky.log . && mkdir footings && "
          f"cp -r {tmp}/footings/lib {tmp}/footings/spec {tmp}/footings/package.json "
          f"{tmp}/footings/eslint.config.js {tmp}/footings/tsconfig.json footings/ && "
          f"ln -s {JS}/node_modules footings/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
