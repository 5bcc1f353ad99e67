"""Round 554, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 521, 538 and 547 drive them (capture_agents.drive: a stub
Script of ToolCallSteps, the launcher started with --no-compress so that the stub records every tool result exactly as
the agent wrote it and nothing compressed is ever seen). Claude Code works in a directory holding glob2 (broken) and
its git history, the grindstone C project, the hopperline Go module (three copies: tests, vet findings, build errors),
the /usr/share files' CSV and the barkshed log (its Bash, Read, Grep and Glob tools); Codex in one holding mnemonic
(broken) and its git history, the barkwheel crate, the spudline Go module, the same files' sqlite table and the
chipperhouse log (its exec_command tool). An item's text is the tool result the agent sent back; its needles come from
the extractor of the tool that printed the lines, imported, read on the command's raw output as round 437 reads it
(capture_agents). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide554.py."""

from __future__ import annotations

from pathlib import Path

from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide554 import JS, VENV, add
from capture_wide554_mat import GL, MN

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    dp = root / "glob2"
    return [
        B("cc-bash-pytest-ra-glob2", n_pytest,
          "cd glob2 && PYTHONPATH=. python -m pytest -p no:cacheprovider -o addopts= -rA -vv --tb=long "
          "test.py 2>&1 | tail -n 400"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd glob2", None),
           Part("PYTHONPATH=. python -m pytest -q -p no:cacheprovider -o addopts= --tb=short test.py "
                "-k 'filter or match or Glob'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the glob2 filter and match tests"),
        B("cc-bash-ruff-concise-glob2", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise glob2/glob2 glob2/test.py "
          "glob2/barker_tally.py | head -n 260"),
        B("cc-bash-mypy-strict-glob2", n_mypy,
          "cd glob2 && mypy --strict --no-incremental --cache-dir=/dev/null glob2 "
          "barker_tally.py test.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-barker-tally", n_chained, "cd glob2 && PYTHONPATH=. python barker_tally.py"),
        B("cc-bash-go-test-v-hopperline", n_go_test, "cd hopperline && go test -v ./... 2>&1 | tail -n 360"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd hopperline", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the hopperline tests"),
        B("cc-bash-go-vet-hopperline", n_go_vet, "cd hopperline-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-hopperline", n_go_build, "cd hopperline-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C grindstone -k 2>&1 | tail -n 320", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build grindstone", before="make -C grindstone clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-grindstone", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Igrindstone/src grindstone/src/hoppers.c "
          "grindstone/src/stone_2[0-4].c 2>&1"),
        B("cc-bash-git-log-p-glob2", n_log_p, "cd glob2-git && git log -p --stat | head -n 560"),
        B("cc-bash-git-blame-glob2", n_blame, "cd glob2-git && git blame -L 100,141 glob2/fnmatch.py"),
        B("cc-bash-git-show-glob2", n_show, "cd glob2-git && git show HEAD~3"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd glob2-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-grindstone-hopperline", n_ls_lR, "ls -laR grindstone hopperline glob2/glob2"),
        B("cc-bash-ps-aux-sort-rss-50", n_ps_aux, "ps aux --sort=-rss | head -n 50"),
        B("cc-bash-csv-gap-emacs", n_csv, "cat share.csv | head -n 240"),
        B("cc-bash-npm-view-humanize-ms", n_npm_view, "npm view humanize-ms --json 2>/dev/null"),
        B("cc-bash-log-grep-v-barkshed", n_app_log,
          "grep -vE 'DEBUG|INFO barkshed.api' barkshed.log | tail -n 240"),
        ("cc-read-py-glob2-fnmatch", "Read", {"file_path": f"{dp}/glob2/fnmatch.py"}, read_ext("python")),
        ("cc-read-py-glob2-impl", "Read", {"file_path": f"{SITE}/glob2/impl.py", "offset": 1, "limit": 220},
         read_ext("python")),
        ("cc-grep-glob2-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+|raise \w+",
                                        "path": f"{SITE}/mnemonic", "glob": "*.py",
                                        "output_mode": "content", "-n": True, "head_limit": 140},
         n_grep_rn),
        ("cc-glob-site-py", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/mypy"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-mnemonic", n_pytest,
          "cd mnemonic && PYTHONPATH=src python -m pytest -p no:cacheprovider -o addopts= "
          "-rA -vv --tb=long tests 2>&1 | tail -n 600"),
        B("cx-exec-ruff-concise-mnemonic", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise mnemonic/src mnemonic/tests "
          "mnemonic/stone_dress.py | head -n 600"),
        B("cx-exec-mypy-strict-mnemonic", n_mypy,
          "cd mnemonic && MYPYPATH=src mypy --strict src/mnemonic tests stone_dress.py 2>&1 | tail -n 280"),
        B("cx-exec-traceback-stone-dress", n_chained, "cd mnemonic && PYTHONPATH=src python stone_dress.py"),
        B("cx-exec-cargo-build-barkwheel", n_cargo_build, "cd barkwheel && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd barkwheel", None),
           Part("sed -i '/let label: String/d;/idx.push(stone_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-barkwheel", n_clippy,
          "cd barkwheel && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-go-test-v-spudline", n_go_test, "cd spudline && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-spudline", n_go_vet, "cd spudline-vet && go vet ./... 2>&1"),
        B("cx-exec-git-log-p-mnemonic", n_log_p, "cd mnemonic-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-mnemonic", n_blame,
          "cd mnemonic-git && git blame src/mnemonic/mnemonic.py | head -n 320"),
        B("cx-exec-tree-site-e-m", n_tree, f"tree -a --noreport -I __pycache__ -P 'g*|m*|i*' {SITE} | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-60", n_ps_aux, "ps aux --sort=-%cpu | head -n 60"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 100\""),
        B("cx-exec-npm-view-ee-first", n_npm_view, "npm view ee-first --json 2>/dev/null"),
        B("cx-exec-log-grep-v-chipperhouse", n_app_log,
          "grep -vE 'DEBUG|chipperhouse.db' chipperhouse.log | tail -n 600"),
        B("cx-exec-grep-rn-site-g-m", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/glob2 {SITE}/mnemonic {SITE}/_pytest/mark {SITE}/iniconfig "
          "--include=*.py | head -n 320"),
        ("cx-exec-sed-n-mnemonic", "exec_command",
         {"cmd": f"sed -n '1,300p' {SITE}/mnemonic/mnemonic.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]

# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{GL} glob2 && cp -r {tmp}/glob2-git glob2-git && "
          f"cp -r {tmp}/grindstone grindstone && "
          f"cp -r {tmp}/hopperline {tmp}/hopperline-vet {tmp}/hopperline-build . && "
          f"cp {tmp}/data/share.csv {tmp}/data/barkshed.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{MN} mnemonic && cp -r {tmp}/mnemonic-git mnemonic-git && "
          f"cp -r {tmp}/barkwheel barkwheel && cp -r {tmp}/spudline {tmp}/spudline-vet . && "
          f"cp {tmp}/data/share.db {tmp}/data/chipperhouse.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
