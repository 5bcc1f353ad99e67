"""Round 282, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding pathspec (broken) and its git
history, the quillon C project, the documentation CSV and the ombrometer log (its Bash, Read, Grep and Glob tools);
Codex in one holding voluptuous (broken) and its git history, the spandrel project, the ventifact crate, the
documentation sqlite table and the tidewrack log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's raw output as round 200
reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read result
without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An item one
of whose needles is on no line of its text is dropped whole. Run through capture_wide282.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_app_log, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide282 import JS, VENV, add
from capture_wide282_mat import ISO, PT
from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    inf = root / "pathspec"
    return [
        B("cc-bash-pytest-v-pathspec", n_pytest,
          "cd pathspec && python -m pytest -p no:cacheprovider -v --tb=short tests 2>&1 | tail -n 420"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd pathspec", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the pathspec tests"),
        B("cc-bash-ruff-concise-pathspec", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pathspec/pathspec "
          "pathspec/rowel_paths.py | head -n 320"),
        B("cc-bash-ruff-full-pathspec", n_ruff,
          "cd pathspec && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,PT,S "
          "--output-format=full pathspec/patterns 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-pathspec", n_mypy,
          "cd pathspec && mypy --strict --disallow-any-expr --no-incremental --cache-dir=/dev/null pathspec "
          "rowel_paths.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-rowel-paths", n_chained, "cd pathspec && python rowel_paths.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C quillon -k 2>&1 | tail -n 450", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build quillon", before="make -C quillon clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-quillon", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iquillon/src quillon/src/ledger.c "
          "quillon/src/ricasso_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-pathspec", n_log_p, "cd pathspec-git && git log -p --stat | head -n 800"),
        B("cc-bash-git-blame-pathspec", n_blame,
          "cd pathspec-git && git blame -L 60,340 pathspec/patterns/gitignore/spec.py"),
        B("cc-bash-git-show-pathspec-part", n_show, "cd pathspec-git && git show ':/^util: part 4 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pathspec-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-quillon-pint", n_ls_lR, f"ls -laR pathspec quillon {SITE}/pint/facets"),
        B("cc-bash-ps-aux-sort-rss-80", n_ps_aux, "ps aux --sort=-rss | head -n 80"),
        B("cc-bash-csv-grep-changelog", n_csv,
          "(head -n 1 docs.csv; grep -iE ',(changelog|readme)' docs.csv) | head -n 300"),
        B("cc-bash-npm-view-tinyglobby", n_npm_view, "npm view tinyglobby --json 2>/dev/null"),
        B("cc-bash-log-grep-v-ombrometer", n_app_log,
          "grep -vE 'DEBUG|INFO ombrometer.ledger' ombrometer.log | tail -n 220"),
        ("cc-read-py-pathspec-pathspec", "Read", {"file_path": f"{inf}/pathspec/pathspec.py"}, read_ext("python")),
        ("cc-read-py-pathspec-tests", "Read", {"file_path": f"{inf}/tests/test_05_pathspec.py", "offset": 200,
                                               "limit": 220}, read_ext("python")),
        ("cc-read-py-pint-registry", "Read", {"file_path": f"{SITE}/pint/facets/plain/registry.py", "offset": 1,
                                              "limit": 700}, read_ext("python")),
        ("cc-grep-pint-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{SITE}/pint", "glob": "*.py",
                                       "output_mode": "content", "-n": True, "head_limit": 110}, n_grep_rn),
        ("cc-grep-pathspec-regex", "Grep", {"pattern": r"regex|re\.\w+\(", "path": f"{inf}/pathspec",
                                                 "glob": "*.py", "output_mode": "content", "-n": True,
                                                 "head_limit": 130}, n_grep_rn),
        ("cc-glob-pint-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/pint"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-voluptuous", n_pytest,
          "cd voluptuous && python -m pytest -p no:cacheprovider -rA -vv --tb=long --doctest-modules voluptuous 2>&1 "
          "| tail -n 700"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd voluptuous", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short --doctest-modules voluptuous", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-voluptuous", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise voluptuous/voluptuous "
          "voluptuous/wainscot_check.py | head -n 700"),
        B("cx-exec-ruff-full-voluptuous", n_ruff,
          "cd voluptuous && ruff check --no-cache --isolated --select ALL --output-format=full "
          "voluptuous/validators.py | head -n 650"),
        B("cx-exec-mypy-strict-voluptuous", n_mypy,
          "cd voluptuous && mypy --strict voluptuous wainscot_check.py 2>&1 | tail -n 300"),
        B("cx-exec-traceback-wainscot-check", n_chained, "cd voluptuous && python wainscot_check.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd spandrel", None), Part("node --test spec/ 2>&1 | tail -n 700", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-spandrel", n_eslint, "cd spandrel && npx eslint lib spec | head -n 600"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd spandrel", None), Part("npx eslint lib/panel-plan.js lib/spandrel.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-ventifact", n_cargo_build, "cd ventifact && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd ventifact", None),
           Part("sed -i '/let label: String/d;/idx.push(facet_site_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 500", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-voluptuous", n_log_p, "cd voluptuous-git && git log -p | head -n 1200"),
        B("cx-exec-git-blame-voluptuous", n_blame, "cd voluptuous-git && git blame -L 640,1100 voluptuous/validators.py"),
        B("cx-exec-git-show-head-4", n_show, "cd voluptuous-git && git show HEAD~4"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd voluptuous-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-uritools-whatthepatch-pint", n_tree,
          f"tree -a --noreport {SITE}/uritools {SITE}/whatthepatch {SITE}/pint | head -n 500"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-docs-largest", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs ORDER BY size DESC, file ASC LIMIT 260\""),
        B("cx-exec-npm-view-yocto-queue", n_npm_view, "npm view yocto-queue --json"),
        B("cx-exec-log-grep-v-tidewrack", n_app_log, "grep -vE 'DEBUG|tidewrack.db' tidewrack.log | tail -n 700"),
        B("cx-exec-grep-rn-whatthepatch-def", n_grep_rn,
          f"grep -rn 'def ' {SITE}/whatthepatch {SITE}/uritools {SITE}/pint/facets --include=*.py | head -n 320"),
        ("cx-exec-sed-n-whatthepatch-patch", "exec_command",
         {"cmd": f"sed -n '1,460p' {SITE}/whatthepatch/patch.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{ISO} pathspec && cp -r {tmp}/pathspec-git pathspec-git && "
          f"cp -r {tmp}/quillon quillon && cp {tmp}/data/docs.csv {tmp}/data/ombrometer.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PT} voluptuous && cp -r {tmp}/voluptuous-git voluptuous-git && "
          f"cp -r {tmp}/ventifact ventifact && cp {tmp}/data/docs.db {tmp}/data/tidewrack.log . && mkdir spandrel && "
          f"cp -r {tmp}/spandrel/lib {tmp}/spandrel/spec {tmp}/spandrel/package.json "
          f"{tmp}/spandrel/eslint.config.js {tmp}/spandrel/tsconfig.json spandrel/ && "
          f"ln -s {JS}/node_modules spandrel/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
