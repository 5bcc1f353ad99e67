"""Round 299, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (capture_agents.drive:
tests/e2e/agent_harness.py's AgentRun, a stub Script of ToolCallSteps, the launcher started with --no-compress so that
the stub records every tool result exactly as the agent wrote it and nothing compressed is ever seen). Claude Code
works in a directory holding parsimonious (broken) and its git history, the propolis C project, the documentation
CSV and the smoker log (its Bash, Read, Grep and Glob tools); Codex in one holding simplejson (broken) and its git
history, the waggle project, the beebread crate, the documentation sqlite table and the honeycomb log (its
exec_command tool). An item's text is the tool result the agent sent back; its needles come from the extractor of the
tool that printed the lines, imported, read on the command's raw output as round 290 reads it (capture_agents: a Bash
result as it is, a Codex result after its `Output:` header line, a Read result without its line-number gutter; a
chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on no line of
its text is dropped whole. Run through capture_wide299.py."""

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
from capture_wide299 import JS, VENV, add
from capture_wide299_mat import GR, SJ

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    gr = root / "parsimonious"
    return [
        B("cc-bash-pytest-v-parsimonious", n_pytest,
          "cd parsimonious && python -m pytest -p no:cacheprovider -v --tb=short parsimonious/tests 2>&1 | tail -n 400"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd parsimonious", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line parsimonious/tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the parsimonious tests"),
        B("cc-bash-ruff-concise-parsimonious", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise parsimonious/parsimonious "
          "parsimonious/queencell_grammar.py | head -n 240"),
        B("cc-bash-ruff-full-expressions", n_ruff,
          "cd parsimonious && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,S,RET "
          "--output-format=full parsimonious/expressions.py parsimonious/nodes.py 2>&1 | tail -n 320"),
        B("cc-bash-mypy-strict-parsimonious", n_mypy,
          "cd parsimonious && mypy --strict --no-incremental --cache-dir=/dev/null parsimonious/expressions.py "
          "parsimonious/grammar.py parsimonious/nodes.py parsimonious/exceptions.py queencell_grammar.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-queencell", n_chained, "cd parsimonious && python queencell_grammar.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C propolis -k 2>&1 | tail -n 420", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build propolis", before="make -C propolis clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-propolis", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ipropolis/src propolis/src/ledger.c "
          "propolis/src/skep_0[0-9].c 2>&1"),
        B("cc-bash-git-log-p-parsimonious", n_log_p, "cd parsimonious-git && git log -p --stat | head -n 760"),
        B("cc-bash-git-blame-expressions", n_blame,
          "cd parsimonious-git && git blame -L 280,476 parsimonious/expressions.py"),
        B("cc-bash-git-show-expressions-part", n_show, "cd parsimonious-git && git show ':/^expressions: part 7 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd parsimonious-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-propolis-cattrs", n_ls_lR, f"ls -laR propolis {SITE}/cattrs"),
        B("cc-bash-ps-aux-sort-vsz-60", n_ps_aux, "ps aux --sort=-vsz | head -n 60"),
        B("cc-bash-csv-grep-readme", n_csv,
          "(head -n 1 docs.csv; grep -iE ',(readme|changelog)[^,]*,' docs.csv) | head -n 300"),
        B("cc-bash-npm-view-clsx", n_npm_view, "npm view clsx --json 2>/dev/null"),
        B("cc-bash-log-grep-v-smoker", n_app_log,
          "grep -vE 'DEBUG|INFO smoker.scale' smoker.log | tail -n 240"),
        ("cc-read-py-parsimonious-expressions", "Read", {"file_path": f"{gr}/parsimonious/expressions.py"},
         read_ext("python")),
        ("cc-read-py-parsimonious-tests", "Read", {"file_path": f"{gr}/parsimonious/tests/test_grammar.py",
                                                   "offset": 120, "limit": 300}, read_ext("python")),
        ("cc-read-py-cattrs-converters", "Read", {"file_path": f"{SITE}/cattrs/converters.py", "offset": 1,
                                                  "limit": 600}, read_ext("python")),
        ("cc-grep-cattrs-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{SITE}/cattrs", "glob": "*.py",
                                         "output_mode": "content", "-n": True, "head_limit": 120}, n_grep_rn),
        ("cc-grep-parsimonious-raise", "Grep", {"pattern": r"raise \w+|except \w+", "path": f"{gr}/parsimonious",
                                                "glob": "*.py", "output_mode": "content", "-n": True,
                                                "head_limit": 140}, n_grep_rn),
        ("cc-glob-cattrs-all", "Glob", {"pattern": "**/*", "path": f"{SITE}/cattrs"}, n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, "yield_time_ms": 30000, "max_output_tokens": 40000, "login": False},
                after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), "yield_time_ms": 30000, "max_output_tokens": 40000, "login": False},
                later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-rA-simplejson", n_pytest,
          "cd simplejson && python -m pytest -p no:cacheprovider -rA -vv --tb=long simplejson/tests 2>&1 | tail -n 650"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd simplejson", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short simplejson/tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-simplejson", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise simplejson/simplejson "
          "simplejson/nectary_dump.py | head -n 650"),
        B("cx-exec-ruff-full-encoder", n_ruff,
          "cd simplejson && ruff check --no-cache --isolated --select ALL --output-format=full "
          "simplejson/encoder.py | head -n 600"),
        B("cx-exec-mypy-strict-simplejson", n_mypy,
          "cd simplejson && mypy --strict simplejson nectary_dump.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-nectary-dump", n_chained, "cd simplejson && python nectary_dump.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd waggle", None), Part("node --test spec/ 2>&1 | tail -n 650", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-waggle", n_eslint, "cd waggle && npx eslint lib spec | head -n 550"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd waggle", None), Part("npx eslint lib/swarm-plan.js lib/waggle.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-beebread", n_cargo_build, "cd beebread && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd beebread", None),
           Part("sed -i '/let label: String/d;/idx.push(comb_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 500", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-simplejson", n_log_p, "cd simplejson-git && git log -p | head -n 1100"),
        B("cx-exec-git-blame-encoder", n_blame, "cd simplejson-git && git blame -L 120,420 simplejson/encoder.py"),
        B("cx-exec-git-show-head-4", n_show, "cd simplejson-git && git show HEAD~4"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd simplejson-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-pyee-tzlocal-cattrs", n_tree,
          f"tree -a --noreport {SITE}/pyee {SITE}/tzlocal {SITE}/cattrs | head -n 400"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-docs-copyright", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file = 'copyright' ORDER BY size DESC, directory ASC LIMIT 300\""),
        B("cx-exec-npm-view-fflate", n_npm_view, "npm view fflate --json"),
        B("cx-exec-log-grep-v-honeycomb", n_app_log, "grep -vE 'DEBUG|honeycomb.db' honeycomb.log | tail -n 650"),
        B("cx-exec-grep-rn-pyee-tzlocal-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/pyee {SITE}/tzlocal --include=*.py | head -n 300"),
        ("cx-exec-sed-n-pyee-base", "exec_command",
         {"cmd": f"sed -n '1,200p' {SITE}/pyee/base.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{GR} parsimonious && cp -r {tmp}/parsimonious-git parsimonious-git && "
          f"cp -r {tmp}/propolis propolis && cp {tmp}/data/docs.csv {tmp}/data/smoker.log .", claude_specs, TOOL_PATH,
          add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{SJ} simplejson && cp -r {tmp}/simplejson-git simplejson-git && "
          f"cp -r {tmp}/beebread beebread && cp {tmp}/data/docs.db {tmp}/data/honeycomb.log . && mkdir waggle && "
          f"cp -r {tmp}/waggle/lib {tmp}/waggle/spec {tmp}/waggle/package.json "
          f"{tmp}/waggle/eslint.config.js {tmp}/waggle/tsconfig.json waggle/ && "
          f"ln -s {JS}/node_modules waggle/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
