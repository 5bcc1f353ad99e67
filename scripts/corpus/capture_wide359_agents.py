"""Round 359, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (capture_agents.drive:
tests/e2e/agent_harness.py's AgentRun, a stub Script of ToolCallSteps, the launcher started with --no-compress so that
the stub records every tool result exactly as the agent wrote it and nothing compressed is ever seen). Claude Code
works in a directory holding colander (broken) and its git history, the clamps C project, the cordtally Go module
(three copies: tests, vet findings, build errors), the documentation CSV and the coaling log (its Bash, Read, Grep and
Glob tools); Codex in one holding fuzzywuzzy (broken) and its git history, the colliers project, the billets crate,
the documentation sqlite table and the sootfall log (its exec_command tool). An item's text is the tool result the
agent sent back; its needles come from the extractor of the tool that printed the lines, imported, read on the
command's raw output as round 351 reads it (capture_agents: a Bash result as it is, a Codex result after its `Output:`
header line, a Read result without its line-number gutter; a chain's from each part's own, the parts run again outside
the agent). An item one of whose needles is on no line of its text is dropped whole. Run through capture_wide359.py."""

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
from capture_wide359 import JS, VENV, add
from capture_wide359_mat import CO, FW

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    co = root / "colander"
    return [
        B("cc-bash-pytest-ra-colander", n_pytest,
          "cd colander && PYTHONPATH=src python -m pytest -p no:cacheprovider -rA --tb=short tests 2>&1 "
          "| tail -n 380"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd colander", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=line tests/test_colander.py "
                "-k 'Range or Length or luhn or Boolean'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the colander validator tests"),
        B("cc-bash-ruff-concise-colander", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise colander/src/colander "
          "colander/kiln_charge.py | head -n 280"),
        B("cc-bash-ruff-full-kiln-charge", n_ruff,
          "cd colander && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,N,S,RET,D,FBT "
          "--output-format=full kiln_charge.py src/colander/interfaces.py 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-colander", n_mypy,
          "cd colander && MYPYPATH=src mypy --strict --no-incremental --cache-dir=/dev/null src/colander "
          "kiln_charge.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-kiln-charge", n_chained, "cd colander && PYTHONPATH=src python kiln_charge.py"),
        B("cc-bash-go-test-v-cordtally", n_go_test, "cd cordtally && go test -v ./... 2>&1 | tail -n 380"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd cordtally", None), Part("go test -count=1 ./... 2>&1 | tail -n 70", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the cordtally tests"),
        B("cc-bash-go-vet-cordtally", n_go_vet, "cd cordtally-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-cordtally", n_go_build, "cd cordtally-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C clamps -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build clamps", before="make -C clamps clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-clamps", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iclamps/src clamps/src/burn.c "
          "clamps/src/meiler_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-colander", n_log_p, "cd colander-git && git log -p --stat | head -n 620"),
        B("cc-bash-git-blame-colander", n_blame,
          "cd colander-git && git blame -L 480,640 src/colander/__init__.py"),
        B("cc-bash-git-show-init-part", n_show, "cd colander-git && git show ':/^__init__: part 4 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd colander-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-clamps-cordtally", n_ls_lR, "ls -laR clamps cordtally colander/tests"),
        B("cc-bash-ps-aux-sort-cpu-45", n_ps_aux, "ps aux --sort=-%cpu | head -n 45"),
        B("cc-bash-csv-grep-copyright-readme", n_csv,
          "(head -n 1 docs.csv; grep -E ',(README|copyright)[^,]*,' docs.csv) | head -n 260"),
        B("cc-bash-npm-view-consola", n_npm_view, "npm view consola --json 2>/dev/null"),
        B("cc-bash-log-grep-v-coaling", n_app_log,
          "grep -vE 'DEBUG|INFO coaling.api' coaling.log | tail -n 240"),
        ("cc-read-py-colander-interfaces", "Read", {"file_path": f"{co}/src/colander/interfaces.py"},
         read_ext("python")),
        ("cc-read-py-colander-init-part", "Read", {"file_path": f"{co}/src/colander/__init__.py", "offset": 440,
                                                   "limit": 260}, read_ext("python")),
        ("cc-read-py-diskcache-fanout", "Read", {"file_path": f"{SITE}/diskcache/fanout.py"}, read_ext("python")),
        ("cc-grep-diskcache-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+", "path": f"{SITE}/diskcache",
                                            "glob": "*.py", "output_mode": "content", "-n": True,
                                            "head_limit": 140}, n_grep_rn),
        ("cc-grep-colander-validators", "Grep", {"pattern": r"raise Invalid|^class \w+", "path": f"{co}/src/colander",
                                                 "glob": "*.py", "output_mode": "content", "-n": True,
                                                 "head_limit": 120}, n_grep_rn),
        ("cc-glob-cssutils", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/cssutils"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-fuzzywuzzy", n_pytest,
          "cd fuzzywuzzy && python -m pytest -p no:cacheprovider -rA -vv --tb=long test_fuzzywuzzy.py 2>&1 "
          "| tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd fuzzywuzzy", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short test_fuzzywuzzy.py -k 'partial or Utils or WRatio'",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-fuzzywuzzy", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise fuzzywuzzy/fuzzywuzzy "
          "fuzzywuzzy/test_fuzzywuzzy.py fuzzywuzzy/clamp_match.py | head -n 600"),
        B("cx-exec-ruff-full-fuzz", n_ruff,
          "cd fuzzywuzzy && ruff check --no-cache --isolated --select ALL --output-format=full "
          "fuzzywuzzy/fuzz.py fuzzywuzzy/utils.py setup.py | head -n 560"),
        B("cx-exec-mypy-strict-fuzzywuzzy", n_mypy,
          "cd fuzzywuzzy && mypy --strict fuzzywuzzy clamp_match.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-clamp-match", n_chained, "cd fuzzywuzzy && python clamp_match.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd colliers", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-colliers", n_eslint, "cd colliers && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd colliers", None), Part("npx eslint lib/coaling-plan.js lib/colliers.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-billets", n_cargo_build, "cd billets && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd billets", None),
           Part("sed -i '/let label: String/d;/idx.push(kiln_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-billets", n_clippy, "cd billets && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-git-log-p-fuzzywuzzy", n_log_p, "cd fuzzywuzzy-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-fuzz", n_blame, "cd fuzzywuzzy-git && git blame fuzzywuzzy/fuzz.py"),
        B("cx-exec-git-show-head-5", n_show, "cd fuzzywuzzy-git && git show HEAD~5"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd fuzzywuzzy-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-fastjsonschema", n_tree,
          f"tree -a --noreport {SITE}/fastjsonschema {SITE}/filelock {SITE}/diskcache | head -n 380"),
        B("cx-exec-ps-aux-sort-vsz-55", n_ps_aux, "ps aux --sort=-vsz | head -n 55"),
        B("cx-exec-sqlite-docs-changelog", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE 'changelog%' ORDER BY size DESC, directory ASC LIMIT 260\""),
        B("cx-exec-npm-view-citty", n_npm_view, "npm view citty --json"),
        B("cx-exec-log-grep-v-sootfall", n_app_log, "grep -vE 'DEBUG|sootfall.db' sootfall.log | tail -n 600"),
        B("cx-exec-grep-rn-filelock-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/filelock {SITE}/fastjsonschema --include=*.py | head -n 300"),
        ("cx-exec-sed-n-fastjsonschema-draft04", "exec_command",
         {"cmd": f"sed -n '1,300p' {SITE}/fastjsonschema/draft04.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{CO} colander && cp -r {tmp}/colander-git colander-git && "
          f"cp -r {tmp}/clamps clamps && cp -r {tmp}/cordtally {tmp}/cordtally-vet {tmp}/cordtally-build . && "
          f"cp {tmp}/data/docs.csv {tmp}/data/coaling.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{FW} fuzzywuzzy && cp -r {tmp}/fuzzywuzzy-git fuzzywuzzy-git && "
          f"cp -r {tmp}/billets billets && cp {tmp}/data/docs.db {tmp}/data/sootfall.log . && mkdir colliers && "
          f"cp -r {tmp}/colliers/lib {tmp}/colliers/spec {tmp}/colliers/package.json "
          f"{tmp}/colliers/eslint.config.js {tmp}/colliers/tsconfig.json colliers/ && "
          f"ln -s {JS}/node_modules colliers/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
