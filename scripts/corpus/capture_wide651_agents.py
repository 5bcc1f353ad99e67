"""Round 651, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 631, 638 and 643 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding business-calendar
(broken) and its git history, the shivepan C project, the corkbook Go module (three copies: tests, vet findings, build
errors), the /usr/share files' CSV and the corkshed log (its Bash, Read, Grep and Glob tools); Codex in one holding
ancient (broken) and its git history, the corkfloor JavaScript project, the shiveline crate, the barkscale Go module, the
same files' sqlite table and the barkwatch log (its exec_command tool). An item's text is the tool result the agent sent
back; its needles come from the extractor of the tool that printed the lines, imported, read on the command's raw
output as round 437 reads it (capture_agents). An item one of whose needles is on no line of its text is dropped
whole. Run through capture_wide651.py."""

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
from capture_wide651 import JS, VENV, add
from capture_wide651_mat import AN, BC

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
YIELD = {"yield_time_ms": 30000, "max_output_tokens": 40000, "login": False}


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    return [
        B("cc-bash-pytest-rfe-business-calendar", n_pytest,
          "cd business-calendar && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv "
          "--tb=short business_calendar/test 2>&1 | tail -n 220"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd business-calendar", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -p no:warnings -o addopts= --tb=line "
                "business_calendar/test -k 'holiday or count' 2>&1 | tail -n 150", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the business-calendar holiday and count tests"),
        B("cc-bash-ruff-concise-business-calendar", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise "
          "business-calendar/business_calendar business-calendar/shive_tallies.py | head -n 160"),
        B("cc-bash-mypy-strict-business-calendar", n_mypy,
          "cd business-calendar && mypy --strict --no-incremental --cache-dir=/dev/null --follow-imports=silent "
          "business_calendar shive_tallies.py 2>&1 | tail -n 200"),
        B("cc-bash-traceback-shive-tallies", n_chained,
          "cd business-calendar && PYTHONPATH=. python shive_tallies.py"),
        B("cc-bash-go-test-v-corkbook", n_go_test, "cd corkbook && go test -v ./... 2>&1 | tail -n 340"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd corkbook", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the corkbook tests"),
        B("cc-bash-go-vet-corkbook", n_go_vet, "cd corkbook-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-corkbook", n_go_build, "cd corkbook-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C shivepan -k 2>&1 | tail -n 300", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build shivepan", before="make -C shivepan clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-shivepan", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ishivepan/src shivepan/src/barkline.c "
          "shivepan/src/shive_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-business-calendar", n_log_p,
          "cd business-calendar-git && git log -p --stat | head -n 520"),
        B("cc-bash-git-blame-business-calendar", n_blame,
          "cd business-calendar-git && git blame business_calendar/business_calendar.py | sed -n '180,440p'"),
        B("cc-bash-git-show-business-calendar", n_show, "cd business-calendar-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd business-calendar-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-shivepan-corkbook", n_ls_lR,
          "ls -laR shivepan corkbook corkbook-vet corkbook-build business-calendar"),
        B("cc-bash-ps-aux-sort-rss-45", n_ps_aux, "ps aux --sort=-rss | head -n 45"),
        B("cc-bash-csv-corkstore", n_csv, "head -n 230 corkstore.csv"),
        B("cc-bash-npm-view-moment-business-days", n_npm_view, "npm view moment-business-days --json 2>/dev/null"),
        B("cc-bash-log-grep-v-corkshed", n_app_log,
          "grep -vE 'DEBUG|INFO corkshed.api' corkshed.log | tail -n 230"),
        ("cc-read-py-business-calendar", "Read", {"file_path": f"{SITE}/business_calendar/business_calendar.py"},
         read_ext("python")),
        ("cc-read-py-ancient-roman", "Read", {"file_path": f"{SITE}/ancient/roman.py"}, read_ext("python")),
        ("cc-grep-mypy-server-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|return |import ",
                                              "path": f"{SITE}/mypy/server", "glob": "*.py",
                                              "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-site-ancient-business-calendar", "Glob",
         {"pattern": "{ancient,business_calendar,dateutil}*/**/*", "path": SITE}, n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, **YIELD}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), **YIELD}, later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-vv-ancient", n_pytest,
          "cd ancient && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rfE -vv --tb=short "
          "test 2>&1 | tail -n 400"),
        B("cx-exec-ruff-concise-ancient", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise ancient/ancient ancient/test "
          "ancient/bark_counts.py | head -n 900"),
        B("cx-exec-mypy-strict-ancient", n_mypy, "cd ancient && mypy --strict ancient bark_counts.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-bark-counts", n_chained, "cd ancient && PYTHONPATH=. python bark_counts.py"),
        B("cx-exec-vitest-run-verbose-corkfloor", n_vitest,
          "cd corkfloor && npx vitest run --reporter=verbose 2>&1 | tail -n 700"),
        C("cx-exec-chain-vitest-t-exit", "chain-test-exit", "test",
          [Part("cd corkfloor", None),
           Part("npx vitest run --reporter=dot -t 'barkBand|shiveLabel' 2>&1 | tail -n 160", n_vitest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-corkfloor", n_eslint, "cd corkfloor && npx eslint lib 2>&1"),
        B("cx-exec-tsc-noemit-corkfloor", n_tsc, "cd corkfloor && npx tsc --noEmit -p . 2>&1 | head -n 200"),
        B("cx-exec-cargo-build-shiveline", n_cargo_build, "cd shiveline && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd shiveline", None),
           Part("sed -i '/let label: String/d;/idx.push(rasp_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-shiveline", n_clippy, "cd shiveline && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-barkscale", n_go_test, "cd barkscale && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-git-log-p-ancient", n_log_p, "cd ancient-git && git log -p | head -n 2200"),
        B("cx-exec-git-blame-ancient", n_blame, "cd ancient-git && git blame ancient/roman.py"),
        B("cx-exec-tree-site-a-d", n_tree, f"tree -a --noreport -I __pycache__ -P 'a*|d*|r*' {SITE} | head -n 900"),
        B("cx-exec-ps-aux-sort-cpu-55", n_ps_aux, "ps aux --sort=-%cpu | head -n 55"),
        B("cx-exec-sqlite-corkstore-largest", n_sqlite_col,
          "sqlite3 -header -column corkstore.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM corkstore ORDER BY size DESC, directory ASC LIMIT 240\""),
        B("cx-exec-npm-view-date-holidays", n_npm_view, "npm view date-holidays --json 2>/dev/null"),
        B("cx-exec-log-grep-v-barkwatch", n_app_log, "grep -vE 'DEBUG|barkwatch.db' barkwatch.log | tail -n 600"),
        B("cx-exec-grep-rn-site-a-d", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/ancient {SITE}/business_calendar {SITE}/dateutil {SITE}/_pytest/mark "
          f"{SITE}/mypy/server --include=*.py | head -n 640"),
        ("cx-exec-sed-n-ancient-dateutil", "exec_command",
         {"cmd": f"sed -n '1,1300p' {SITE}/ancient/roman.py {SITE}/business_calendar/business_calendar.py "
                 f"{SITE}/dateutil/relativedelta.py {SITE}/dateutil/easter.py",
          **YIELD},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{BC} business-calendar && cp -r {tmp}/business-calendar-git business-calendar-git && "
          f"cp -r {tmp}/shivepan shivepan && cp -r {tmp}/corkbook {tmp}/corkbook-vet {tmp}/corkbook-build . && "
          f"cp {tmp}/data/corkstore.csv {tmp}/data/corkshed.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{AN} ancient && cp -r {tmp}/ancient-git ancient-git && "
          f"cp -a {tmp}/corkfloor corkfloor && cp -r {tmp}/shiveline shiveline && cp -r {tmp}/barkscale . && "
          f"cp {tmp}/data/corkstore.db {tmp}/data/barkwatch.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
