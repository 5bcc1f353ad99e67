"""Round 475, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 449, 455 and 467 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding pystache (broken) and
its git history, the scratter C project, the pressbed Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the pomacebin log (its Bash, Read, Grep and Glob tools); Codex in one holding pycountry
(broken) and its git history, the appleloft project, the cheeserack crate, the juicetrough Go module, the same files'
sqlite table and the keeving log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, imported, read on the command's raw output as
round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide475.py."""

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
from capture_wide475 import JS, VENV, add
from capture_wide475_mat import PC, PS

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    ps = root / "pystache"
    return [
        B("cc-bash-pytest-ra-pystache", n_pytest,
          "cd pystache && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=short "
          "pystache/tests 2>&1 | tail -n 200"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd pystache", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=line pystache/tests "
                "-k 'context or render or escape'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the pystache context and render tests"),
        B("cc-bash-ruff-concise-pystache", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pystache/pystache "
          "pystache/press_rota.py | head -n 200"),
        B("cc-bash-mypy-strict-pystache", n_mypy,
          "cd pystache && mypy --strict --no-incremental --cache-dir=/dev/null pystache press_rota.py "
          "2>&1 | tail -n 220"),
        B("cc-bash-traceback-press-rota", n_chained, "cd pystache && PYTHONPATH=. python press_rota.py"),
        B("cc-bash-go-test-v-pressbed", n_go_test, "cd pressbed && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd pressbed", None), Part("go test -count=1 ./... 2>&1 | tail -n 80", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the pressbed tests"),
        B("cc-bash-go-vet-pressbed", n_go_vet, "cd pressbed-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-pressbed", n_go_build, "cd pressbed-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C scratter -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build scratter", before="make -C scratter clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-scratter", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iscratter/src scratter/src/pomace.c "
          "scratter/src/press_1[0-4].c 2>&1"),
        B("cc-bash-git-log-p-pystache", n_log_p, "cd pystache-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-pystache", n_blame, "cd pystache-git && git blame -L 30,230 pystache/context.py"),
        B("cc-bash-git-show-pystache", n_show, "cd pystache-git && git show HEAD~4"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pystache-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-scratter-pressbed", n_ls_lR, "ls -laR scratter pressbed pystache/pystache"),
        B("cc-bash-ps-aux-sort-rss-45", n_ps_aux, "ps aux --sort=-rss | head -n 45"),
        B("cc-bash-csv-grep-pcb-rnd-yosys", n_csv,
          "(head -n 1 share.csv; grep -E '^/usr/share/(pcb-rnd/[^,]+|yosys|coturn|cxxtest|fig2dev|lighttpd),' share.csv) "
          "| head -n 240"),
        B("cc-bash-npm-view-serialize-javascript", n_npm_view, "npm view serialize-javascript --json 2>/dev/null"),
        B("cc-bash-log-grep-v-pomacebin", n_app_log,
          "grep -vE 'DEBUG|INFO pomacebin.api' pomacebin.log | tail -n 240"),
        ("cc-read-py-pystache-renderer", "Read", {"file_path": f"{ps}/pystache/renderer.py"},
         read_ext("python")),
        ("cc-read-py-ruyaml-constructor", "Read", {"file_path": f"{SITE}/ruyaml/constructor.py", "limit": 450},
         read_ext("python")),
        ("cc-grep-ruyaml-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+", "path": f"{SITE}/ruyaml",
                                          "glob": "*.py", "output_mode": "content", "-n": True,
                                          "head_limit": 120}, n_grep_rn),
        ("cc-glob-ruyaml", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/ruyaml"},
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
        B("cx-exec-pytest-vv-pycountry", n_pytest,
          "cd pycountry && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= -o required_plugins= "
          "-rA -vv --tb=long "
          "src/pycountry/tests 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-pycountry", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pycountry/src pycountry/pomace_log.py "
          "| head -n 600"),
        B("cx-exec-mypy-strict-pycountry", n_mypy,
          "cd pycountry && mypy --strict src/pycountry pomace_log.py 2>&1 "
          "| tail -n 280"),
        B("cx-exec-traceback-pomace-log", n_chained, "cd pycountry && PYTHONPATH=src python pomace_log.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd appleloft", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-appleloft", n_eslint, "cd appleloft && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd appleloft", None), Part("npx eslint lib/pressing-plan.js lib/appleloft.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-cheeserack", n_cargo_build, "cd cheeserack && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd cheeserack", None),
           Part("sed -i '/let label: String/d;/idx.push(cloth_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-cheeserack", n_clippy,
          "cd cheeserack && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-juicetrough", n_go_test, "cd juicetrough && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-juicetrough", n_go_vet, "cd juicetrough-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-pycountry", n_log_p, "cd pycountry-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-pycountry", n_blame, "cd pycountry-git && git blame src/pycountry/db.py"),
        B("cx-exec-tree-rdflib", n_tree, f"tree -a --noreport -I __pycache__ {SITE}/rdflib | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share WHERE directory NOT LIKE '%/pcb-rnd/%' ORDER BY size DESC, directory ASC LIMIT 230\""),
        B("cx-exec-npm-view-prop-types", n_npm_view, "npm view prop-types --json 2>/dev/null"),
        B("cx-exec-log-grep-v-keeving", n_app_log, "grep -vE 'DEBUG|keeving.db' keeving.log | tail -n 600"),
        B("cx-exec-grep-rn-rdflib", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/rdflib --include=*.py | head -n 320"),
        ("cx-exec-sed-n-rdflib-term", "exec_command",
         {"cmd": f"sed -n '1,420p' {SITE}/rdflib/term.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PS} pystache && cp -r {tmp}/pystache-git pystache-git && "
          f"cp -r {tmp}/scratter scratter && cp -r {tmp}/pressbed {tmp}/pressbed-vet {tmp}/pressbed-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/pomacebin.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{PC} pycountry && cp -r {tmp}/pycountry-git pycountry-git && "
          f"cp -r {tmp}/cheeserack cheeserack && cp -r {tmp}/juicetrough {tmp}/juicetrough-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/keeving.log . && "
          f"mkdir appleloft && cp -r {tmp}/appleloft/lib {tmp}/appleloft/spec {tmp}/appleloft/package.json "
          f"{tmp}/appleloft/eslint.config.js {tmp}/appleloft/tsconfig.json appleloft/ && "
          f"ln -s {JS}/node_modules appleloft/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
