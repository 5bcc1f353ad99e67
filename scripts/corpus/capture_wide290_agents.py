"""Round 290, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding affine (broken) and its git
history, the gudgeon C project, the documentation CSV and the bitts log (its Bash, Read, Grep and Glob tools);
Codex in one holding dpath (broken) and its git history, the hawsehole project, the limber crate, the
documentation sqlite table and the garboard log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's raw output as round 200
reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read result
without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An item one
of whose needles is on no line of its text is dropped whole. Run through capture_wide290.py."""

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
from capture_wide290 import JS, VENV, add
from capture_wide290_mat import ISO, PT
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
    inf = root / "affine"
    return [
        B("cc-bash-pytest-v-affine", n_pytest,
          "cd affine && python -m pytest -p no:cacheprovider -v --tb=short tests 2>&1 | tail -n 420"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd affine", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the affine tests"),
        B("cc-bash-ruff-concise-affine", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise affine/src affine/tests "
          "affine/cathead_spans.py | head -n 320"),
        B("cc-bash-ruff-full-affine", n_ruff,
          "cd affine && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,PT,S "
          "--output-format=full src/affine 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-affine", n_mypy,
          "cd affine && mypy --strict --disallow-any-expr --no-incremental --cache-dir=/dev/null src/affine tests "
          "cathead_spans.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-cathead-spans", n_chained, "cd affine && PYTHONPATH=src python cathead_spans.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C gudgeon -k 2>&1 | tail -n 450", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build gudgeon", before="make -C gudgeon clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-gudgeon", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Igudgeon/src gudgeon/src/ledger.c "
          "gudgeon/src/pintle_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-affine", n_log_p, "cd affine-git && git log -p --stat | head -n 800"),
        B("cc-bash-git-blame-affine", n_blame,
          "cd affine-git && git blame -L 230,520 src/affine/__init__.py"),
        B("cc-bash-git-show-affine-part", n_show, "cd affine-git && git show ':/^__init__: part 9 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd affine-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-gudgeon-marshmallow", n_ls_lR, f"ls -laR affine gudgeon {SITE}/marshmallow"),
        B("cc-bash-ps-aux-sort-rss-80", n_ps_aux, "ps aux --sort=-rss | head -n 80"),
        B("cc-bash-csv-grep-changelog", n_csv,
          "(head -n 1 docs.csv; grep -iE ',(copyright|news)' docs.csv) | head -n 280"),
        B("cc-bash-npm-view-ansi-regex", n_npm_view, "npm view ansi-regex --json 2>/dev/null"),
        B("cc-bash-log-grep-v-bitts", n_app_log,
          "grep -vE 'DEBUG|INFO bitts.ledger' bitts.log | tail -n 220"),
        ("cc-read-py-affine-init", "Read", {"file_path": f"{inf}/src/affine/__init__.py"}, read_ext("python")),
        ("cc-read-py-affine-tests", "Read", {"file_path": f"{inf}/tests/test_transform.py", "offset": 200,
                                               "limit": 260}, read_ext("python")),
        ("cc-read-py-marshmallow-schema", "Read", {"file_path": f"{SITE}/marshmallow/schema.py", "offset": 1,
                                              "limit": 650}, read_ext("python")),
        ("cc-grep-marshmallow-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{SITE}/marshmallow", "glob": "*.py",
                                       "output_mode": "content", "-n": True, "head_limit": 110}, n_grep_rn),
        ("cc-grep-affine-self", "Grep", {"pattern": r"self\.[a-f]\b", "path": f"{inf}/src/affine",
                                                 "glob": "*.py", "output_mode": "content", "-n": True,
                                                 "head_limit": 130}, n_grep_rn),
        ("cc-glob-marshmallow-all", "Glob", {"pattern": "**/*", "path": f"{SITE}/marshmallow"}, n_claude_glob),
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
        B("cx-exec-pytest-rA-dpath", n_pytest,
          "cd dpath && python -m pytest -p no:cacheprovider -rA -vv --tb=long --ignore=tests/test_segments.py tests 2>&1 | tail -n 700"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd dpath", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short --ignore=tests/test_segments.py tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-dpath", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise dpath/dpath dpath/tests "
          "dpath/dolphin_check.py | head -n 700"),
        B("cx-exec-ruff-full-dpath", n_ruff,
          "cd dpath && ruff check --no-cache --isolated --select ALL --output-format=full "
          "dpath/segments.py | head -n 650"),
        B("cx-exec-mypy-strict-dpath", n_mypy,
          "cd dpath && mypy --strict dpath dolphin_check.py 2>&1 | tail -n 300"),
        B("cx-exec-traceback-dolphin-check", n_chained, "cd dpath && python dolphin_check.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd hawsehole", None), Part("node --test spec/ 2>&1 | tail -n 700", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-hawsehole", n_eslint, "cd hawsehole && npx eslint lib spec | head -n 600"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd hawsehole", None), Part("npx eslint lib/launch-plan.js lib/hawsehole.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-limber", n_cargo_build, "cd limber && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd limber", None),
           Part("sed -i '/let label: String/d;/idx.push(frame_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 500", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-dpath", n_log_p, "cd dpath-git && git log -p | head -n 1200"),
        B("cx-exec-git-blame-dpath", n_blame, "cd dpath-git && git blame -L 40,400 dpath/segments.py"),
        B("cx-exec-git-show-head-3", n_show, "cd dpath-git && git show HEAD~3"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd dpath-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-mistletoe-hyperlink", n_tree,
          f"tree -a --noreport {SITE}/mistletoe {SITE}/hyperlink {SITE}/marshmallow | head -n 500"),
        B("cx-exec-ps-aux-sort-cpu-70", n_ps_aux, "ps aux --sort=-%cpu | head -n 70"),
        B("cx-exec-sqlite-docs-largest", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE '%.gz' ORDER BY size DESC, file ASC LIMIT 280\""),
        B("cx-exec-npm-view-diff-match-patch", n_npm_view, "npm view diff-match-patch --json"),
        B("cx-exec-log-grep-v-garboard", n_app_log, "grep -vE 'DEBUG|garboard.db' garboard.log | tail -n 700"),
        B("cx-exec-grep-rn-mistletoe-def", n_grep_rn,
          f"grep -rn 'def ' {SITE}/mistletoe {SITE}/hyperlink --include=*.py | head -n 320"),
        ("cx-exec-sed-n-hyperlink-hyperlink", "exec_command",
         {"cmd": f"sed -n '1,460p' {SITE}/hyperlink/_url.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{ISO} affine && cp -r {tmp}/affine-git affine-git && "
          f"cp -r {tmp}/gudgeon gudgeon && cp {tmp}/data/docs.csv {tmp}/data/bitts.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PT} dpath && cp -r {tmp}/dpath-git dpath-git && "
          f"cp -r {tmp}/limber limber && cp {tmp}/data/docs.db {tmp}/data/garboard.log . && mkdir hawsehole && "
          f"cp -r {tmp}/hawsehole/lib {tmp}/hawsehole/spec {tmp}/hawsehole/package.json "
          f"{tmp}/hawsehole/eslint.config.js {tmp}/hawsehole/tsconfig.json hawsehole/ && "
          f"ln -s {JS}/node_modules hawsehole/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
