"""Round 578, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 547, 554 and 565 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding petl (broken) and its
git history, the glorybox C project, the lehrbelt Go module (three copies: tests, vet findings, build errors), the
/usr/share files' CSV and the conehouse log (its Bash, Read, Grep and Glob tools); Codex in one holding pyxdg (broken)
and its git history, the teazers JavaScript project, the cullethouse crate, the lehrgate Go module, the same files'
sqlite table and the teazehouse log (its exec_command tool). An item's text is the tool result the agent sent back;
its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw output as
round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run
through capture_wide578.py."""

from __future__ import annotations

from pathlib import Path

from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide578 import JS, VENV, add
from capture_wide578_mat import PT, XG

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dp = root / "petl"
    return [
        B("cc-bash-pytest-ra-petl", n_pytest,
          "cd petl && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=long "
          "petl/test/transform 2>&1 | tail -n 380"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd petl", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=short petl/test "
                "-k 'sort or stack or join'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the petl sort and stack tests"),
        B("cc-bash-ruff-concise-petl", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise petl/petl/transform "
          "petl/gaffer_chair.py | head -n 190"),
        B("cc-bash-mypy-strict-petl", n_mypy,
          "cd petl && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "petl/transform/sorts.py petl/transform/basics.py gaffer_chair.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-gaffer-chair", n_chained, "cd petl && PYTHONPATH=. python gaffer_chair.py"),
        B("cc-bash-go-test-v-lehrbelt", n_go_test, "cd lehrbelt && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd lehrbelt", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the lehrbelt tests"),
        B("cc-bash-go-vet-lehrbelt", n_go_vet, "cd lehrbelt-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-lehrbelt", n_go_build, "cd lehrbelt-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C glorybox -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build glorybox", before="make -C glorybox clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-glorybox", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Iglorybox/src glorybox/src/blowhouse.c "
          "glorybox/src/glory_2[0-4].c 2>&1"),
        B("cc-bash-git-log-p-petl", n_log_p, "cd petl-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-petl", n_blame, "cd petl-git && git blame -L 170,240 petl/transform/sorts.py"),
        B("cc-bash-git-show-petl", n_show, "cd petl-git && git show HEAD~4"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd petl-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-glorybox-lehrbelt", n_ls_lR, "ls -laR glorybox lehrbelt petl/petl/transform"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-pcb-rnd-printer", n_csv, "cat share.csv | head -n 240"),
        B("cc-bash-npm-view-object-inspect", n_npm_view, "npm view object-inspect --json 2>/dev/null"),
        B("cc-bash-log-grep-v-conehouse", n_app_log,
          "grep -vE 'DEBUG|INFO conehouse.api' conehouse.log | tail -n 240"),
        ("cc-read-py-petl-sorts", "Read", {"file_path": f"{dp}/petl/transform/sorts.py"}, read_ext("python")),
        ("cc-read-py-petl-basics", "Read",
         {"file_path": f"{SITE}/petl/transform/basics.py", "offset": 1, "limit": 220}, read_ext("python")),
        ("cc-grep-petl-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+",
                                       "path": f"{SITE}/petl/transform", "glob": "*.py",
                                       "output_mode": "content", "-n": True, "head_limit": 140},
         n_grep_rn),
        ("cc-glob-site-petl-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/petl"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-pyxdg", n_pytest,
          "cd pyxdg && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= "
          "-rA -vv --tb=long test 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-pyxdg", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pyxdg/xdg pyxdg/test "
          "pyxdg/lehr_chart.py | head -n 600"),
        B("cx-exec-mypy-strict-pyxdg", n_mypy,
          "cd pyxdg && mypy --strict xdg test lehr_chart.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-lehr-chart", n_chained, "cd pyxdg && PYTHONPATH=. python lehr_chart.py"),
        B("cx-exec-vitest-run-teazers", n_vitest, "cd teazers && npx vitest run 2>&1 | tail -n 400"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd teazers", None),
           Part("npx vitest run --reporter=dot -t 'lehrBand|gobLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-teazers", n_eslint, "cd teazers && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-teazers", n_tsc, "cd teazers && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-cullethouse", n_cargo_build, "cd cullethouse && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd cullethouse", None),
           Part("sed -i '/let label: String/d;/idx.push(pot_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-cullethouse", n_clippy,
          "cd cullethouse && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-lehrgate", n_go_test, "cd lehrgate && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-pyxdg", n_log_p, "cd pyxdg-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-pyxdg", n_blame, "cd pyxdg-git && git blame xdg/IniFile.py | head -n 320"),
        B("cx-exec-tree-site-p-x", n_tree, f"tree -a --noreport -I __pycache__ -P 'p*|x*|r*' {SITE} | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 100\""),
        B("cx-exec-npm-view-run-parallel", n_npm_view, "npm view run-parallel --json 2>/dev/null"),
        B("cx-exec-log-grep-v-teazehouse", n_app_log,
          "grep -vE 'DEBUG|teazehouse.db' teazehouse.log | tail -n 600"),
        B("cx-exec-grep-rn-site-p-x", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/xdg {SITE}/petl/io {SITE}/petl/util {SITE}/_pytest/assertion "
          "--include=*.py | head -n 320"),
        ("cx-exec-sed-n-pyxdg", "exec_command",
         {"cmd": f"sed -n '1,300p' {SITE}/xdg/IniFile.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PT} petl && cp -r {tmp}/petl-git petl-git && "
          f"cp -r {tmp}/glorybox glorybox && "
          f"cp -r {tmp}/lehrbelt {tmp}/lehrbelt-vet {tmp}/lehrbelt-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/conehouse.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{XG} pyxdg && cp -r {tmp}/pyxdg-git pyxdg-git && "
          f"cp -a {tmp}/teazers teazers && "
          f"cp -r {tmp}/cullethouse cullethouse && cp -r {tmp}/lehrgate . && "
          f"cp {tmp}/data/share.db {tmp}/data/teazehouse.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
