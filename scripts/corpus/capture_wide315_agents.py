"""Round 315, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (capture_agents.drive:
tests/e2e/agent_harness.py's AgentRun, a stub Script of ToolCallSteps, the launcher started with --no-compress so that
the stub records every tool result exactly as the agent wrote it and nothing compressed is ever seen). Claude Code
works in a directory holding colorama (broken) and its git history, the endpaper C project, the documentation CSV and
the bonefolder log (its Bash, Read, Grep and Glob tools); Codex in one holding prettytable (broken) and its git
history, the colophon project, the vellum crate, the documentation sqlite table and the flyleaf log (its exec_command
tool). An item's text is the tool result the agent sent back; its needles come from the extractor of the tool that
printed the lines, imported, read on the command's raw output as rounds 290, 299 and 307 read it (capture_agents: a
Bash result as it is, a Codex result after its `Output:` header line, a Read result without its line-number gutter; a
chain's from each part's own, the parts run again outside the agent). An item one of whose needles is on no line of
its text is dropped whole. Run through capture_wide315.py."""

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
from capture_wide315 import JS, VENV, add
from capture_wide315_mat import CO, PT

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    co = root / "colorama"
    return [
        B("cc-bash-pytest-v-colorama", n_pytest,
          "cd colorama && python -m pytest -p no:cacheprovider -v --tb=short colorama/tests 2>&1 | tail -n 400"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd colorama", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line colorama/tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the colorama tests"),
        B("cc-bash-ruff-concise-colorama", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise colorama/colorama "
          "colorama/kettlestitch_codes.py | head -n 260"),
        B("cc-bash-ruff-full-ansitowin32", n_ruff,
          "cd colorama && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,S,RET,PT "
          "--output-format=full colorama/ansitowin32.py colorama/ansi.py 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-colorama", n_mypy,
          "cd colorama && mypy --strict --no-incremental --cache-dir=/dev/null colorama kettlestitch_codes.py 2>&1 "
          "| tail -n 220"),
        B("cc-bash-traceback-kettlestitch", n_chained, "cd colorama && python kettlestitch_codes.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C endpaper -k 2>&1 | tail -n 420", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build endpaper", before="make -C endpaper clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-endpaper", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iendpaper/src endpaper/src/binding.c "
          "endpaper/src/headband_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-colorama", n_log_p, "cd colorama-git && git log -p --stat | head -n 700"),
        B("cc-bash-git-blame-ansitowin32", n_blame, "cd colorama-git && git blame -L 170,277 colorama/ansitowin32.py"),
        B("cc-bash-git-show-ansi-part", n_show, "cd colorama-git && git show ':/^ansi: part 3 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd colorama-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-endpaper-colorama", n_ls_lR, "ls -laR endpaper colorama/colorama colorama/demos"),
        B("cc-bash-ps-aux-sort-vsz-45", n_ps_aux, "ps aux --sort=-vsz | head -n 45"),
        B("cc-bash-csv-grep-readme", n_csv,
          "(head -n 1 docs.csv; grep -iE ',(readme|todo|bugs)[^,]*,' docs.csv) | head -n 300"),
        B("cc-bash-npm-view-regexparam", n_npm_view, "npm view regexparam --json 2>/dev/null"),
        B("cc-bash-log-grep-v-bonefolder", n_app_log,
          "grep -vE 'DEBUG|INFO bonefolder.api' bonefolder.log | tail -n 260"),
        ("cc-read-py-colorama-ansitowin32", "Read", {"file_path": f"{co}/colorama/ansitowin32.py"}, read_ext("python")),
        ("cc-read-py-colorama-tests", "Read", {"file_path": f"{co}/colorama/tests/ansitowin32_test.py", "offset": 40,
                                              "limit": 260}, read_ext("python")),
        ("cc-read-py-pyrsistent-pmap", "Read", {"file_path": f"{SITE}/pyrsistent/_pmap.py", "offset": 1,
                                             "limit": 600}, read_ext("python")),
        ("cc-grep-pyrsistent-defs", "Grep", {"pattern": r"^\s*def \w+\(", "path": f"{SITE}/pyrsistent", "glob": "*.py",
                                             "output_mode": "content", "-n": True, "head_limit": 80}, n_grep_rn),
        ("cc-grep-colorama-calls", "Grep", {"pattern": r"winterm\.\w+|self\.wrapped|def \w+", "path": f"{co}/colorama",
                                            "glob": "*.py", "output_mode": "content", "-n": True,
                                            "head_limit": 140}, n_grep_rn),
        ("cc-glob-pyrsistent", "Glob", {"pattern": "**/*.py*", "path": f"{SITE}/pyrsistent"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-prettytable", n_pytest,
          "cd prettytable && PYTHONPATH=src python -m pytest -p no:cacheprovider -rA -vv --tb=long tests 2>&1 "
          "| tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd prettytable", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=short tests/test_sorting.py "
                "tests/test_json.py tests/test_prettytable.py", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-prettytable", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise prettytable/src prettytable/tests "
          "prettytable/marbling_rows.py | head -n 600"),
        B("cx-exec-ruff-full-colortable", n_ruff,
          "cd prettytable && ruff check --no-cache --isolated --select ALL --output-format=full "
          "src/prettytable/colortable.py tests/test_sorting.py | head -n 560"),
        B("cx-exec-mypy-strict-prettytable", n_mypy,
          "cd prettytable && mypy --strict src/prettytable tests marbling_rows.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-marbling", n_chained, "cd prettytable && PYTHONPATH=src python marbling_rows.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd colophon", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-colophon", n_eslint, "cd colophon && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd colophon", None), Part("npx eslint lib/bind-plan.js lib/colophon.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-vellum", n_cargo_build, "cd vellum && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd vellum", None),
           Part("sed -i '/let label: String/d;/idx.push(frame_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-prettytable", n_log_p, "cd prettytable-git && git log -p | head -n 1000"),
        B("cx-exec-git-blame-prettytable", n_blame,
          "cd prettytable-git && git blame -L 2100,2330 src/prettytable/prettytable.py"),
        B("cx-exec-git-show-head-4", n_show, "cd prettytable-git && git show HEAD~4"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd prettytable-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-yarl-frozendict", n_tree,
          f"tree -a --noreport {SITE}/yarl {SITE}/frozendict | head -n 380"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-docs-copyright", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file = 'copyright' ORDER BY size DESC, directory ASC LIMIT 280\""),
        B("cx-exec-npm-view-tiny-glob", n_npm_view, "npm view tiny-glob --json"),
        B("cx-exec-log-grep-v-flyleaf", n_app_log, "grep -vE 'DEBUG|flyleaf.db' flyleaf.log | tail -n 600"),
        B("cx-exec-grep-rn-yarl-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/yarl {SITE}/frozendict --include=*.py | head -n 300"),
        ("cx-exec-sed-n-yarl-url", "exec_command",
         {"cmd": f"sed -n '1,280p' {SITE}/yarl/_url.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{CO} colorama && cp -r {tmp}/colorama-git colorama-git && "
          f"cp -r {tmp}/endpaper endpaper && cp {tmp}/data/docs.csv {tmp}/data/bonefolder.log .", claude_specs,
          TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PT} prettytable && cp -r {tmp}/prettytable-git prettytable-git && "
          f"cp -r {tmp}/vellum vellum && cp {tmp}/data/docs.db {tmp}/data/flyleaf.log . && mkdir colophon && "
          f"cp -r {tmp}/colophon/lib {tmp}/colophon/spec {tmp}/colophon/package.json "
          f"{tmp}/colophon/eslint.config.js {tmp}/colophon/tsconfig.json colophon/ && "
          f"ln -s {JS}/node_modules colophon/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
