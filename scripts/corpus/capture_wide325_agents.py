"""Round 325, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (capture_agents.drive:
tests/e2e/agent_harness.py's AgentRun, a stub Script of ToolCallSteps, the launcher started with --no-compress so that
the stub records every tool result exactly as the agent wrote it and nothing compressed is ever seen). Claude Code
works in a directory holding decorator (broken) and its git history, the mews C project, the documentation CSV and
the gyrfalcon log (its Bash, Read, Grep and Glob tools); Codex in one holding pygtrie (broken) and its git history,
the tiercel project, the hoods crate, the documentation sqlite table and the kestrel log (its exec_command tool). An
item's text is the tool result the agent sent back; its needles come from the extractor of the tool that printed the
lines, imported, read on the command's raw output as rounds 299, 307 and 315 read it (capture_agents: a Bash result
as it is, a Codex result after its `Output:` header line, a Read result without its line-number gutter; a chain's from
each part's own, the parts run again outside the agent). An item one of whose needles is on no line of its text is
dropped whole. Run through capture_wide325.py."""

from __future__ import annotations

from pathlib import Path

from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext
from capture_more import n_app_log, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide325 import JS, VENV, add
from capture_wide325_mat import DE, PG

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    de = root / "decorator"
    return [
        B("cc-bash-pytest-v-decorator", n_pytest,
          "cd decorator && PYTHONPATH=src python -m pytest -p no:cacheprovider -v --tb=short tests/test.py 2>&1 "
          "| tail -n 400"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd decorator", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=line tests/test.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the decorator tests"),
        B("cc-bash-ruff-concise-decorator", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise decorator/src decorator/tests "
          "decorator/bewit_dispatch.py | head -n 260"),
        B("cc-bash-ruff-full-decorator-init", n_ruff,
          "cd decorator && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,S,RET,PT "
          "--output-format=full src/decorator/__init__.py bewit_dispatch.py 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-decorator", n_mypy,
          "cd decorator && mypy --strict --no-incremental --cache-dir=/dev/null src/decorator tests/documentation.py "
          "bewit_dispatch.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-bewit", n_chained, "cd decorator && PYTHONPATH=src python bewit_dispatch.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C mews -k 2>&1 | tail -n 420", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build mews", before="make -C mews clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-mews", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Imews/src mews/src/weathering.c "
          "mews/src/jesses_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-decorator", n_log_p, "cd decorator-git && git log -p --stat | head -n 700"),
        B("cc-bash-git-blame-decorator-init", n_blame,
          "cd decorator-git && git blame -L 296,420 src/decorator/__init__.py"),
        B("cc-bash-git-show-init-part", n_show, "cd decorator-git && git show ':/^__init__: part 3 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd decorator-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-mews-decorator", n_ls_lR, "ls -laR mews decorator/src decorator/tests decorator/docs"),
        B("cc-bash-ps-aux-sort-rss-45", n_ps_aux, "ps aux --sort=-rss | head -n 45"),
        B("cc-bash-csv-grep-changelog", n_csv,
          "(head -n 1 docs.csv; grep -iE ',(changelog|news|authors)[^,]*,' docs.csv) | head -n 300"),
        B("cc-bash-npm-view-mitt", n_npm_view, "npm view mitt --json 2>/dev/null"),
        B("cc-bash-log-grep-v-gyrfalcon", n_app_log,
          "grep -vE 'DEBUG|INFO gyrfalcon.api' gyrfalcon.log | tail -n 260"),
        ("cc-read-py-decorator-init", "Read", {"file_path": f"{de}/src/decorator/__init__.py"}, read_ext("python")),
        ("cc-read-py-decorator-tests", "Read", {"file_path": f"{de}/tests/test.py", "offset": 200,
                                               "limit": 260}, read_ext("python")),
        ("cc-read-py-box-config-box", "Read", {"file_path": f"{SITE}/box/config_box.py"}, read_ext("python")),
        ("cc-grep-box-defs", "Grep", {"pattern": r"^\s*def \w+\(", "path": f"{SITE}/box", "glob": "*.py",
                                      "output_mode": "content", "-n": True, "head_limit": 80}, n_grep_rn),
        ("cc-grep-decorator-calls", "Grep", {"pattern": r"FunctionMaker|decorate\(|def \w+", "path": f"{de}/src",
                                             "glob": "*.py", "output_mode": "content", "-n": True,
                                             "head_limit": 140}, n_grep_rn),
        ("cc-glob-box", "Glob", {"pattern": "**/*.py*", "path": f"{SITE}/box"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-pygtrie", n_pytest,
          "cd pygtrie && python -m pytest -p no:cacheprovider -rA -vv --tb=long test.py "
          "-k 'StringTrieTestCase or TraverseTest or EqualityTest' 2>&1 | tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pygtrie", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short test.py -k CharTrieTestCase", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-pygtrie", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pygtrie/pygtrie.py pygtrie/test.py "
          "pygtrie/creance_keys.py | head -n 600"),
        B("cx-exec-ruff-full-examples", n_ruff,
          "cd pygtrie && ruff check --no-cache --isolated --select ALL --output-format=full "
          "examples/ version.py | head -n 560"),
        B("cx-exec-mypy-strict-pygtrie", n_mypy,
          "cd pygtrie && mypy --strict pygtrie.py test.py creance_keys.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-creance", n_chained, "cd pygtrie && python creance_keys.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd tiercel", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-tiercel", n_eslint, "cd tiercel && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd tiercel", None), Part("npx eslint lib/hunt-plan.js lib/tiercel.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-hoods", n_cargo_build, "cd hoods && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd hoods", None),
           Part("sed -i '/let label: String/d;/idx.push(block_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-pygtrie", n_log_p, "cd pygtrie-git && git log -p | head -n 1000"),
        B("cx-exec-git-blame-pygtrie", n_blame, "cd pygtrie-git && git blame -L 1430,1660 pygtrie.py"),
        B("cx-exec-git-show-head-5", n_show, "cd pygtrie-git && git show HEAD~5"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pygtrie-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-dotmap-markdown2", n_tree,
          f"tree -a --noreport {SITE}/dotmap {SITE}/dotmap-1.3.30.dist-info {SITE}/markdown2-2.5.5.dist-info "
          "| head -n 380"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-docs-changelog", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE 'changelog%' ORDER BY size DESC, directory ASC LIMIT 280\""),
        B("cx-exec-npm-view-defu", n_npm_view, "npm view defu --json"),
        B("cx-exec-log-grep-v-kestrel", n_app_log, "grep -vE 'DEBUG|kestrel.db' kestrel.log | tail -n 600"),
        B("cx-exec-grep-rn-markdown2-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/markdown2.py {SITE}/dotmap --include=*.py | head -n 300"),
        ("cx-exec-sed-n-markdown2", "exec_command",
         {"cmd": f"sed -n '1,280p' {SITE}/markdown2.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{DE} decorator && cp -r {tmp}/decorator-git decorator-git && "
          f"cp -r {tmp}/mews mews && cp {tmp}/data/docs.csv {tmp}/data/gyrfalcon.log .", claude_specs,
          TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PG} pygtrie && cp -r {tmp}/pygtrie-git pygtrie-git && "
          f"cp -r {tmp}/hoods hoods && cp {tmp}/data/docs.db {tmp}/data/kestrel.log . && mkdir tiercel && "
          f"cp -r {tmp}/tiercel/lib {tmp}/tiercel/spec {tmp}/tiercel/package.json "
          f"{tmp}/tiercel/eslint.config.js {tmp}/tiercel/tsconfig.json tiercel/ && "
          f"ln -s {JS}/node_modules tiercel/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
