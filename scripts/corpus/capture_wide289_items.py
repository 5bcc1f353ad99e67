"""Round 289, the items: TWO headless runs of the real Gemini CLI, each driven by the project's model stub through the
launcher the way tests/e2e/test_agents.py drives Gemini CLI (capture_wide289_gemini.drive: capture_agents' Run, a stub
Script of ToolCallSteps, `python -m headroom_mitm … gemini --yolo -p …` with the stub as the routed provider), the
launcher started with --no-compress so that the stub records every tool result exactly as Gemini CLI wrote it and
nothing compressed is ever seen. Run 1 works in a directory holding natsort (broken) and its git history, the gudgeon
C project, the documentation CSV, the cuddy log and a copy of marshmallow's installed sources (run_shell_command,
read_file, grep_search, glob); run 2 in one holding the pintle project, the tumblehome crate, strongback.sh, the
documentation sqlite table and the saxboard log (run_shell_command). An item's text is the tool result Gemini CLI sent
back; its needles come from the extractor of the tool that printed the lines, read on the command's own lines inside
Gemini CLI's frame (capture_wide289_gemini; a chain's from each part's own, the parts run again outside the agent).
An item one of whose needles is on no line of its text is dropped whole. Run through capture_wide289.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import n_app_log, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_find, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col, n_top
from capture_wide15_diag import n_mypy, n_pytest, n_ruff, n_shellcheck
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide289 import JS, VENV, add
from capture_wide289_mat import LOCPATH, NS
from capture_agents import later
from capture_wide289_gemini import drive, n_gemini_glob, n_gemini_grep, read_ext, sed_ext, shell

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
# natsort's conftest loads en_US.UTF-8: compiled by the material step into a directory of the round's own
LOCALE_ENV = {"LOCPATH": str(LOCPATH)}


def _shell(item_id, ext, command):
    return (item_id, "run_shell_command", {"command": command, "description": f"Run {command[:60]}"}, shell(ext))


def _chain(root, env):
    def C(item_id, kind_name, family, parts, before=""):
        return (item_id, "run_shell_command", {"command": chain_command(parts), "description": f"Run {kind_name}"},
                shell(later(kind_name, family, parts, root, env, before)))
    return C


def run1_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the first run, in order."""
    S, C = _shell, _chain(root, env)
    ns, mm = root / "natsort", root / "vendor" / "marshmallow"
    return [
        S("gm-shell-pytest-v-natsort", n_pytest,
          "cd natsort && python -m pytest -p no:cacheprovider -v --tb=short tests 2>&1 | tail -n 420"),
        C("gm-shell-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd natsort", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-ruff-concise-natsort", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise natsort/natsort "
          "natsort/cringle_order.py natsort/tests | head -n 520"),
        S("gm-shell-ruff-full-natsort-utils", n_ruff,
          "cd natsort && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,D,N,S,PERF "
          "--output-format=full natsort/utils.py natsort/natsort.py 2>&1 | tail -n 360"),
        S("gm-shell-mypy-strict-natsort", n_mypy,
          "cd natsort && mypy --strict --disallow-any-expr --no-incremental --cache-dir=/dev/null natsort "
          "cringle_order.py 2>&1 | tail -n 220"),
        S("gm-shell-traceback-cringle-order", n_chained, "cd natsort && python cringle_order.py"),
        C("gm-shell-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C gudgeon -k 2>&1 | tail -n 450", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          before="make -C gudgeon clean >/dev/null 2>&1; true"),
        S("gm-shell-gcc-syntax-gudgeon", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Igudgeon/src gudgeon/src/ledger.c "
          "gudgeon/src/pivot_2[0-9].c 2>&1"),
        S("gm-shell-git-log-p-natsort", n_log_p, "cd natsort-git && git log -p --stat | head -n 900"),
        S("gm-shell-git-blame-natsort", n_blame, "cd natsort-git && git blame -L 300,620 natsort/utils.py"),
        S("gm-shell-git-show-natsort-part", n_show, "cd natsort-git && git show HEAD~5"),
        C("gm-shell-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd natsort-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        # Gemini CLI's shell hands git an empty external diff command (its GIT_CONFIG_* entries): `git diff` fails
        # there as the chain above shows, and an agent then asks for the built-in diff
        S("gm-shell-git-diff-no-ext-natsort", n_diff, "cd natsort-git && git diff --no-ext-diff --stat -p"),
        S("gm-shell-ls-laR-natsort-gudgeon", n_ls_lR, f"ls -laR natsort gudgeon {SITE}/hypothesis/strategies"),
        S("gm-shell-find-printf-mypy", n_find,
          f"find {SITE}/mypy/typeshed/stdlib -type f -printf '%M %u %s %p\\n' | sort -k3 -n | tail -n 420"),
        S("gm-shell-ps-aux-sort-rss-80", n_ps_aux, "ps aux --sort=-rss | head -n 80"),
        S("gm-shell-csv-grep-copyright", n_csv,
          "(head -n 1 docs.csv; grep -iE ',(copyright|news)' docs.csv) | head -n 420"),
        S("gm-shell-npm-view-ohash", n_npm_view, "npm view ohash --json 2>/dev/null"),
        S("gm-shell-log-grep-v-cuddy", n_app_log, "grep -vE 'DEBUG|INFO cuddy.ledger' cuddy.log | tail -n 400"),
        ("gm-read-py-natsort-utils", "read_file", {"file_path": f"{ns}/natsort/utils.py"}, read_ext("python")),
        ("gm-read-py-natsort-tests", "read_file", {"file_path": f"{ns}/tests/test_natsorted.py", "start_line": 1,
                                                    "end_line": 260}, read_ext("python")),
        ("gm-read-py-marshmallow-fields", "read_file", {"file_path": f"{mm}/fields.py", "start_line": 1,
                                                         "end_line": 900}, read_ext("python")),
        ("gm-grep-marshmallow-defs", "grep_search", {"pattern": r"^\s*(class|def) \w+", "dir_path": str(mm),
                                                      "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-grep-natsort-regex", "grep_search", {"pattern": r"regex|re\.\w+\(", "dir_path": str(ns),
                                                  "include_pattern": "*.py"}, n_gemini_grep),
        ("gm-glob-vendor-py", "glob", {"pattern": "**/*.py", "dir_path": str(root)}, n_gemini_glob),
    ]


def run2_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every call of the second run, in order."""
    S, C = _shell, _chain(root, env)
    return [
        C("gm-shell-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd pintle", None), Part("node --test spec/ 2>&1 | tail -n 700", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        S("gm-shell-node-test-pintle-grep", n_node_test,
          "cd pintle && node --test spec/ 2>&1 | grep -vE '^ok |duration_ms' | head -n 900"),
        S("gm-shell-eslint-pintle", n_eslint, "cd pintle && npx eslint lib spec | head -n 600"),
        C("gm-shell-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd pintle", None), Part("npx eslint lib/hinge-plan.js lib/pintle.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        S("gm-shell-cargo-build-tumblehome", n_cargo_build, "cd tumblehome && cargo build 2>&1"),
        C("gm-shell-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd tumblehome", None),
           Part("sed -i '/let label: String/d;/idx.push(frame_site_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 500", n_cargo_test, "&&")]),
        S("gm-shell-cargo-clippy-tumblehome", n_clippy, "cd tumblehome && cargo clippy 2>&1 | tail -n 800"),
        S("gm-shell-shellcheck-strongback", n_shellcheck, "shellcheck strongback/strongback.sh"),
        S("gm-shell-tree-glom-marshmallow", n_tree,
          f"tree -a --noreport {SITE}/glom {SITE}/marshmallow {SITE}/hypothesis | head -n 500"),
        S("gm-shell-ps-aux-sort-cpu-70", n_ps_aux, "ps aux --sort=-%cpu | head -n 70"),
        S("gm-shell-top-b-n1", n_top, "top -b -n 1 -w 200 | head -n 90"),
        S("gm-shell-sqlite-docs-largest", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT file, directory, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs ORDER BY size DESC, file ASC LIMIT 320\""),
        S("gm-shell-npm-view-dlv", n_npm_view, "npm view dlv --json"),
        S("gm-shell-log-grep-v-saxboard", n_app_log, "grep -vE 'DEBUG|saxboard.db' saxboard.log | tail -n 700"),
        S("gm-shell-grep-rn-glom-def", n_grep_rn,
          f"grep -rn 'def ' {SITE}/glom --include=*.py | head -n 380"),
        S("gm-shell-sed-n-glom-core", sed_ext("python"), f"sed -n '1,620p' {SITE}/glom/core.py"),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def run1(tmp: Path) -> None:
    drive("run1", tmp, f"cp -r {tmp}/{NS} natsort && cp -r {tmp}/natsort-git natsort-git && "
          f"cp -r {tmp}/gudgeon gudgeon && cp {tmp}/data/docs.csv {tmp}/data/cuddy.log . && mkdir vendor && "
          f"cp -r {SITE}/marshmallow vendor/marshmallow", run1_specs, TOOL_PATH, add, LOCALE_ENV)


def run2(tmp: Path) -> None:
    drive("run2", tmp, f"cp -r {tmp}/tumblehome tumblehome && cp -r {tmp}/strongback strongback && "
          f"cp {tmp}/data/docs.db {tmp}/data/saxboard.log . && mkdir pintle && "
          f"cp -r {tmp}/pintle/lib {tmp}/pintle/spec {tmp}/pintle/package.json "
          f"{tmp}/pintle/eslint.config.js {tmp}/pintle/tsconfig.json pintle/ && "
          f"ln -s {JS}/node_modules pintle/node_modules", run2_specs, TOOL_PATH, add, LOCALE_ENV)


STEPS = [run1, run2]
