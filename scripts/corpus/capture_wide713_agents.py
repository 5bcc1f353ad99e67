"""Round 713, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 705 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding pyshp (broken, its suite) and
its git history, the compassworks C project, the hachurebook Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the hachure log (its Bash, Read, Grep and Glob tools); Codex in one holding
lat-lon-parser (broken, its suite) and its git history, the cartouchery JavaScript project, the graticuleline crate,
the rosescale Go module, the same files' sqlite table and the graticule log (its exec_command tool). An item's text is
the tool result the agent sent back; its needles come from the extractor of the tool that printed the lines, imported,
read on the command's raw output as round 437 reads it (capture_agents). An item one of whose needles is on no line of
its text is dropped whole. Run through capture_wide713.py."""

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
from capture_wide713 import JS, VENV, add
from capture_wide713_mat import LL, PS

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
YIELD = {"yield_time_ms": 30000, "max_output_tokens": 40000, "login": False}
PYT = "python -m pytest -p no:cacheprovider -o addopts="


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    return [
        B("cc-bash-pytest-rfe-pyshp", n_pytest,
          f"cd pyshp && PYTHONPATH=src {PYT} -rfE -vv --tb=short tests/test_cartouche_rings.py 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd pyshp", None),
           Part(f"PYTHONPATH=src {PYT} -q --tb=line tests/test_cartouche_rings.py -k 'area or overlap' 2>&1 | tail -n 150",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the area and overlap plate tests"),
        B("cc-bash-ruff-concise-pyshp", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pyshp/tests/test_cartouche_rings.py "
          "pyshp/cartouche_survey.py pyshp/src/shapefile.py | head -n 220"),
        B("cc-bash-mypy-strict-pyshp", n_mypy,
          "cd pyshp && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "src/shapefile.py tests/test_cartouche_rings.py cartouche_survey.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-cartouche-survey", n_chained, "cd pyshp && PYTHONPATH=src python cartouche_survey.py"),
        B("cc-bash-go-test-v-hachurebook", n_go_test, "cd hachurebook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd hachurebook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the hachurebook tests"),
        B("cc-bash-go-vet-hachurebook", n_go_vet, "cd hachurebook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-hachurebook", n_go_build, "cd hachurebook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C compassworks -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build compassworks", before="make -C compassworks clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-compassworks", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Icompassworks/src compassworks/src/cartoucheline.c "
          "compassworks/src/rose_1[0-9].c 2>&1"),
        B("cc-bash-git-log-p-pyshp", n_log_p, "cd pyshp-git && git log -p --stat | head -n 480"),
        B("cc-bash-git-blame-pyshp", n_blame, "cd pyshp-git && git blame -L 840,1010 src/shapefile.py"),
        B("cc-bash-git-show-pyshp", n_show, "cd pyshp-git && git show HEAD~7"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pyshp-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-compassworks-hachurebook", n_ls_lR,
          "ls -laR compassworks hachurebook hachurebook-vet hachurebook-build pyshp/src pyshp/tests"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps auxww --sort=-rss | head -n 50 | cut -c1-300"),
        B("cc-bash-csv-mapstore", n_csv, "cat mapstore.csv | head -n 240"),
        B("cc-bash-npm-view-p-defer", n_npm_view, "npm view p-defer --json 2>/dev/null"),
        B("cc-bash-log-grep-v-hachure", n_app_log,
          "grep -vE 'DEBUG|INFO hachure.api' hachure.log | tail -n 220"),
        ("cc-read-py-lat-lon-parser-parser", "Read", {"file_path": f"{SITE}/lat_lon_parser/parser.py"},
         read_ext("python")),
        ("cc-read-py-pip-req-install", "Read", {"file_path": f"{SITE}/pip/_internal/req/req_install.py"},
         read_ext("python")),
        ("cc-grep-pip-resolution-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                                 "path": f"{SITE}/pip/_internal/resolution", "glob": "*.py",
                                                 "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-shapefile-lat-lon", "Glob",
         {"pattern": "{shapefile,lat_lon_parser,pyshp,_pytest,pluggy,iniconfig,pygments}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-lat-lon-parser", n_pytest,
          f"cd latlonparser && PYTHONPATH=. {PYT} -rfE -vv -l --tb=long tests/test_graticule_parse.py 2>&1 | tail -n 1300"),
        B("cx-exec-ruff-concise-lat-lon-parser", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise latlonparser/lat_lon_parser "
          "latlonparser/tests latlonparser/hachure_ledger.py | head -n 900"),
        B("cx-exec-mypy-strict-lat-lon-parser", n_mypy,
          "cd latlonparser && mypy --strict lat_lon_parser/parser.py lat_lon_parser/lat_long.py "
          "tests/test_graticule_parse.py hachure_ledger.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-hachure-ledger", n_chained, "cd latlonparser && PYTHONPATH=. python hachure_ledger.py"),
        B("cx-exec-vitest-run-verbose-cartouchery", n_vitest,
          "cd cartouchery && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd cartouchery", None),
           Part("npx vitest run --reporter=dot -t 'hachureBand|roseLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-cartouchery", n_eslint, "cd cartouchery && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-cartouchery", n_tsc, "cd cartouchery && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-graticuleline", n_cargo_build, "cd graticuleline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd graticuleline", None),
           Part("sed -i '/let label: String/d;/idx.push(sheet_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-graticuleline", n_clippy,
          "cd graticuleline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-rosescale", n_go_test, "cd rosescale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-lat-lon-parser", n_log_p, "cd latlonparser-git && git log -p --stat | head -n 2200"),
        B("cx-exec-git-blame-lat-lon-parser", n_blame, "cd latlonparser-git && git blame lat_lon_parser/parser.py"),
        B("cx-exec-tree-site-l-s-p-m", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'l*|s*|p*|m*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-mapstore-largest", n_sqlite_col,
          "sqlite3 -header -column mapstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM mapstore ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-is-promise", n_npm_view, "npm view p-is-promise --json 2>/dev/null"),
        B("cx-exec-log-grep-v-graticule", n_app_log, "grep -vE 'DEBUG|graticule.db' graticule.log | tail -n 600"),
        B("cx-exec-grep-rn-site-lat-lon-shapefile", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/lat_lon_parser {SITE}/shapefile.py {SITE}/pluggy {SITE}/_pytest/mark "
          f"{SITE}/mypy/server {SITE}/iniconfig --include=*.py | head -n 700"),
        ("cx-exec-sed-n-lat-lon-shapefile", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/lat_lon_parser/lat_long.py {SITE}/lat_lon_parser/parser.py "
                 f"{SITE}/_pytest/skipping.py {SITE}/_pytest/tmpdir.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{PS} pyshp && cp -r {tmp}/pyshp-git pyshp-git && "
          f"cp -r {tmp}/compassworks compassworks && cp -r {tmp}/hachurebook {tmp}/hachurebook-vet "
          f"{tmp}/hachurebook-build . && "
          f"cp {tmp}/data/mapstore.csv {tmp}/data/hachure.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{LL} latlonparser && cp -r {tmp}/latlonparser-git latlonparser-git && "
          f"cp -a {tmp}/cartouchery cartouchery && cp -r {tmp}/graticuleline graticuleline && cp -r {tmp}/rosescale . && "
          f"cp {tmp}/data/mapstore.db {tmp}/data/graticule.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
