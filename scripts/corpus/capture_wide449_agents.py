"""Round 449, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way rounds 411, 427 and 437 drive them (capture_agents.drive,
--no-compress: the stub records every tool result exactly as the agent wrote it). Claude Code works in a directory
holding the leverframe Go module (tests, vet findings, build errors) and its git history, the signalbox C project,
the /usr/share files' CSV and the blockbell log; Codex in one holding the tablethouse Go module and its git history,
the interlocking crate, the same files' sqlite table and the trainsignal log. Each item's needles come from the
extractor of the tool that printed the lines, imported (NEEDLES.md's round 449). Run through capture_wide449.py."""

from __future__ import annotations

from pathlib import Path

from capture_agents import after_output, cat_ext, drive, later, n_claude_glob, read_ext
from capture_more import n_app_log, n_go_vet, n_tree
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_clippy, n_gcc, n_go_build, n_go_test, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide449 import add

TOOL_PATH = "/root/.cargo/bin"
PYLIB = "/usr/lib/python3.11"


def claude_specs(root: Path, env: dict) -> list:
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    return [
        B("cc-bash-go-test-v-leverframe", n_go_test, "cd leverframe && go test -v ./... 2>&1 | tail -n 380"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd leverframe", None), Part("go test -count=1 ./... 2>&1 | tail -n 90", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the leverframe tests"),
        B("cc-bash-go-vet-leverframe", n_go_vet, "cd leverframe-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-leverframe", n_go_build, "cd leverframe-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C signalbox -k 2>&1 | tail -n 340", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build signalbox", before="make -C signalbox clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-signalbox", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Isignalbox/src signalbox/src/block.c "
          "signalbox/src/lever_1[0-4].c 2>&1"),
        B("cc-bash-git-log-p-leverframe", n_log_p, "cd leverframe-git && git log -p --stat | head -n 600"),
        B("cc-bash-git-blame-leverframe", n_blame, "cd leverframe-git && git blame tally_test.go | head -n 200"),
        B("cc-bash-git-show-leverframe", n_show, "cd leverframe-git && git show HEAD~2"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd leverframe-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-signalbox-leverframe", n_ls_lR, "ls -laR signalbox leverframe leverframe-vet"),
        B("cc-bash-ps-aux-sort-rss-45", n_ps_aux, "ps aux --sort=-rss | head -n 45"),
        B("cc-bash-csv-grep-tcltk-info", n_csv,
          "(head -n 1 share.csv; grep -E '^/usr/share/(tcltk|info|gcc)' share.csv) | head -n 240"),
        B("cc-bash-npm-view-tslib", n_npm_view, "npm view tslib --json 2>/dev/null"),
        B("cc-bash-log-grep-v-blockbell", n_app_log,
          "grep -vE 'DEBUG|INFO blockbell.api' blockbell.log | tail -n 240"),
        ("cc-read-py-textwrap", "Read", {"file_path": f"{PYLIB}/textwrap.py"}, read_ext("python")),
        ("cc-grep-signalbox-defs", "Grep", {"pattern": r"^(static |int |double |void |struct )", "path":
                                            f"{root}/signalbox/src", "glob": "*.c", "output_mode": "content",
                                            "-n": True, "head_limit": 160}, n_grep_rn),
        ("cc-glob-signalbox", "Glob", {"pattern": "**/*.[ch]", "path": f"{root}/signalbox"}, n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, "yield_time_ms": 30000, "max_output_tokens": 40000,
                                          "login": False}, after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), "yield_time_ms": 30000,
                                          "max_output_tokens": 40000, "login": False},
                later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-go-test-v-tablethouse", n_go_test, "cd tablethouse && go test -v ./... 2>&1 | tail -n 600"),
        B("cx-exec-go-vet-tablethouse", n_go_vet, "cd tablethouse-vet && go vet ./... 2>&1"),
        B("cx-exec-cargo-build-interlocking", n_cargo_build, "cd interlocking && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd interlocking", None),
           Part("sed -i '/let label: String/d;/idx.push(frame_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-interlocking", n_clippy,
          "cd interlocking && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-git-log-p-tablethouse", n_log_p, "cd tablethouse-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-tablethouse", n_blame, "cd tablethouse-git && git blame tally.go"),
        B("cx-exec-git-show-head-3", n_show, "cd tablethouse-git && git show HEAD~3"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd tablethouse-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-tcltk", n_tree, "tree -a --noreport /usr/share/tcltk | head -n 360"),
        B("cx-exec-ps-aux-sort-cpu-55", n_ps_aux, "ps aux --sort=-%cpu | head -n 55"),
        B("cx-exec-sqlite-share-largest", n_sqlite_col,
          "sqlite3 -header -column share.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM share ORDER BY size DESC, directory ASC LIMIT 230\""),
        B("cx-exec-npm-view-winston", n_npm_view, "npm view winston --json"),
        B("cx-exec-log-grep-v-trainsignal", n_app_log,
          "grep -vE 'DEBUG|trainsignal.db' trainsignal.log | tail -n 600"),
        B("cx-exec-grep-rn-interlocking", n_grep_rn, "grep -rn 'fn \\|struct \\|impl ' interlocking/src | head -n 320"),
        ("cx-exec-sed-n-tablethouse-tally", "exec_command",
         {"cmd": "sed -n '1,200p' tablethouse/tally.go", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False}, cat_ext("go")),
    ]


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/leverframe {tmp}/leverframe-vet {tmp}/leverframe-build {tmp}/leverframe-git "
          f"{tmp}/signalbox . && cp {tmp}/data/share.csv {tmp}/data/blockbell.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/tablethouse {tmp}/tablethouse-vet {tmp}/tablethouse-git {tmp}/interlocking . "
          f"&& cp {tmp}/data/share.db {tmp}/data/trainsignal.log .", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
