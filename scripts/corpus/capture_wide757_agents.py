"""Round 757, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way round 745 drives them (capture_agents.drive: a stub Script of
ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen). Claude Code works in a directory holding pynmea2 (broken, its own suite)
and its git history, the fathomline C project, the soundbook Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the sounding log (its Bash, Read, Grep and Glob tools); Codex in one holding
metar (broken, its own suite) and its git history, the chartwork JavaScript project, the fathomset crate, the
surveybook Go module, the same files' sqlite table and the chart log (its exec_command tool). An item's text
is the tool result the agent sent back; its needles come from the extractor of the tool that printed the lines,
imported (capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide757.py."""

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
from capture_wide757 import JS, VENV, add
from capture_wide757_mat import MT, NM

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
        B("cc-bash-pytest-rfe-pynmea2", n_pytest,
          f"cd pynmea2 && PYTHONPATH=. {PYT} -rfE -vv --tb=short test 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd pynmea2", None),
           Part(f"PYTHONPATH=. {PYT} -q --tb=line test/test_types.py test/test_utils.py 2>&1 | tail -n 150",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the sentence type and utility tests"),
        B("cc-bash-ruff-concise-pynmea2", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise pynmea2/test "
          "pynmea2/sounding_book.py pynmea2/pynmea2/nmea_utils.py pynmea2/pynmea2/nmea.py 2>&1 | head -n 220"),
        B("cc-bash-mypy-strict-pynmea2", n_mypy,
          "cd pynmea2 && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "pynmea2/nmea_utils.py pynmea2/nmea.py test/test_utils.py sounding_book.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-sounding-book", n_chained, "cd pynmea2 && PYTHONPATH=. python sounding_book.py"),
        B("cc-bash-go-test-v-soundbook", n_go_test, "cd soundbook && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd soundbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the soundbook tests"),
        B("cc-bash-go-vet-soundbook", n_go_vet, "cd soundbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-soundbook", n_go_build, "cd soundbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C fathomline -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build fathomline", before="make -C fathomline clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-fathomline", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ifathomline/src fathomline/src/leadsman.c "
          "fathomline/src/sounding_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-pynmea2", n_log_p, "cd pynmea2-git && git log -p --stat | head -n 420"),
        B("cc-bash-git-blame-pynmea2", n_blame, "cd pynmea2-git && git blame -L 1,230 pynmea2/nmea.py"),
        B("cc-bash-git-show-pynmea2", n_show, "cd pynmea2-git && git show HEAD~7"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd pynmea2-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-fathomline-soundbook", n_ls_lR,
          "ls -laR fathomline soundbook soundbook-vet soundbook-build pynmea2/pynmea2 pynmea2/test"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps auxww --sort=-rss | head -n 50 | cut -c1-300"),
        B("cc-bash-csv-survey", n_csv, "cat survey.csv | head -n 240"),
        B("cc-bash-npm-view-p-limit", n_npm_view, "npm view p-limit --json 2>/dev/null"),
        B("cc-bash-log-grep-v-sounding", n_app_log,
          "grep -vE 'DEBUG|INFO survey.api' sounding.log | tail -n 220"),
        ("cc-read-py-pynmea2-talker", "Read", {"file_path": f"{SITE}/pynmea2/types/talker.py", "offset": 1, "limit": 420},
         read_ext("python")),
        ("cc-read-py-pip-req-install", "Read", {"file_path": f"{SITE}/pip/_internal/req/req_install.py",
                                                "offset": 1, "limit": 600},
         read_ext("python")),
        ("cc-grep-pip-index-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                            "path": f"{SITE}/pip/_internal/index", "glob": "*.py",
                                            "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-pynmea2-metar", "Glob",
         {"pattern": "{pynmea2,metar,_pytest,pluggy,iniconfig,packaging}*/**/*", "path": SITE},
         n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-metar", n_pytest,
          f"cd metar && PYTHONPATH=. {PYT} -rfE -vv --tb=short test 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-metar", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise metar/metar/Datatypes.py "
          "metar/test/test_speed.py metar/test/test_temperature.py metar/chart_notes.py | head -n 300"),
        B("cx-exec-mypy-strict-metar", n_mypy,
          "cd metar && mypy --strict metar/Datatypes.py test/test_speed.py test/test_temperature.py "
          "chart_notes.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-chart-notes", n_chained, "cd metar && PYTHONPATH=. python chart_notes.py"),
        B("cx-exec-vitest-run-verbose-chartwork", n_vitest,
          "cd chartwork && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd chartwork", None),
           Part("npx vitest run --reporter=dot -t 'fathomBand|chartLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-chartwork", n_eslint, "cd chartwork && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-chartwork", n_tsc, "cd chartwork && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-fathomset", n_cargo_build, "cd fathomset && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd fathomset", None),
           Part("sed -i '/let label: String/d;/idx.push(sheet_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-fathomset", n_clippy,
          "cd fathomset && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-surveybook", n_go_test, "cd surveybook && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-metar", n_log_p, "cd metar-git && git log -p --stat | head -n 1500"),
        B("cx-exec-git-blame-metar", n_blame,
          "cd metar-git && git blame -L 1,300 metar/Datatypes.py"),
        B("cx-exec-tree-site-m-p-i", n_tree,
          f"tree -a --noreport -I __pycache__ -P 'm*|p*|i*' {SITE} | head -n 900"),
        B("cx-exec-ps-auxww-sort-cpu-60", n_ps_aux, "ps auxww --sort=-%cpu | head -n 60 | cut -c1-300"),
        B("cx-exec-sqlite-survey-largest", n_sqlite_col,
          "sqlite3 -header -column survey.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, "
          "modified FROM survey ORDER BY size DESC, directory ASC LIMIT 245\""),
        B("cx-exec-npm-view-p-queue", n_npm_view, "npm view p-queue --json 2>/dev/null"),
        B("cx-exec-log-grep-v-chart", n_app_log, "grep -vE 'DEBUG|room.db' chart.log | tail -n 600"),
        B("cx-exec-grep-rn-site-pynmea2-metar", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/pynmea2 {SITE}/metar {SITE}/_pytest/_code "
          f"{SITE}/mypy/server {SITE}/iniconfig --include=*.py | head -n 700"),
        ("cx-exec-sed-n-metar-pytest", "exec_command",
         {"cmd": f"sed -n '1,700p' {SITE}/metar/Metar.py {SITE}/_pytest/python.py",
          **YIELD},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{NM} pynmea2 && cp -r {tmp}/pynmea2-git pynmea2-git && "
          f"cp -r {tmp}/fathomline fathomline && cp -r {tmp}/soundbook {tmp}/soundbook-vet "
          f"{tmp}/soundbook-build . && "
          f"cp {tmp}/data/survey.csv {tmp}/data/sounding.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{MT} metar && cp -r {tmp}/metar-git metar-git && "
          f"cp -a {tmp}/chartwork chartwork && cp -r {tmp}/fathomset fathomset && cp -r {tmp}/surveybook . && "
          f"cp {tmp}/data/survey.db {tmp}/data/chart.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
