"""Round 382, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (capture_agents.drive:
tests/e2e/agent_harness.py's AgentRun, a stub Script of ToolCallSteps, the launcher started with --no-compress so that
the stub records every tool result exactly as the agent wrote it and nothing compressed is ever seen). Claude Code
works in a directory holding url-normalize (broken) and its git history, the pillars C project, the sacktally Go
module (three copies: tests, vet findings, build errors), the documentation CSV and the evaporating log (its Bash,
Read, Grep and Glob tools); Codex in one holding typing_inspect (broken) and its git history, the rocksalt project, the
brinewells crate, the documentation sqlite table and the hauling log (its exec_command tool). An item's text is the
tool result the agent sent back; its needles come from the extractor of the tool that printed the lines, imported,
read on the command's raw output as round 366 reads it (capture_agents: a Bash result as it is, a Codex result after
its `Output:` header line, a Read result without its line-number gutter; a chain's from each part's own, the parts run
again outside the agent). An item one of whose needles is on no line of its text is dropped whole. Run through
capture_wide382.py."""

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
from capture_wide382 import JS, VENV, add
from capture_wide382_mat import TI, UN

SITE = f"{VENV}/lib/python3.11/site-packages"
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    co = root / "url-normalize"
    return [
        B("cc-bash-pytest-ra-url-normalize", n_pytest,
          "cd url-normalize && python -m pytest -o addopts= -p no:cacheprovider -rA --tb=short tests 2>&1 "
          "| tail -n 180"),
        C("cc-bash-chain-pytest-q-k-exit", "chain-test-exit", "test",
          [Part("cd url-normalize", None),
           Part("python -m pytest -o addopts= -q -p no:cacheprovider --tb=line tests/test_normalize_port.py "
                "tests/test_normalize_path.py tests/test_url_normalize.py -k 'port or path or dot or default'",
                n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the url-normalize port and path tests"),
        B("cc-bash-ruff-concise-url-normalize", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise url-normalize/url_normalize "
          "url-normalize/tests url-normalize/gallery_links.py | head -n 280"),
        B("cc-bash-ruff-full-gallery-links", n_ruff,
          "cd url-normalize && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,ANN,N,S,RET,D,FBT "
          "--output-format=full gallery_links.py url_normalize/cli.py url_normalize/tools.py 2>&1 | tail -n 300"),
        B("cc-bash-mypy-strict-url-normalize", n_mypy,
          "cd url-normalize && mypy --strict --no-incremental --cache-dir=/dev/null url_normalize tests/test_*.py "
          "gallery_links.py 2>&1 | tail -n 220"),
        B("cc-bash-traceback-gallery-links", n_chained, "cd url-normalize && python gallery_links.py"),
        B("cc-bash-go-test-v-sacktally", n_go_test, "cd sacktally && go test -v ./... 2>&1 | tail -n 380"),
        C("cc-bash-chain-go-test-tail-exit", "chain-test-exit", "test",
          [Part("cd sacktally", None), Part("go test -count=1 ./... 2>&1 | tail -n 70", n_go_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the sacktally tests"),
        B("cc-bash-go-vet-sacktally", n_go_vet, "cd sacktally-vet && go vet ./... 2>&1"),
        B("cc-bash-go-build-sacktally", n_go_build, "cd sacktally-build && go build ./... 2>&1"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C pillars -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build pillars", before="make -C pillars clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-pillars", n_gcc,
          "gcc -Wall -Wextra -Wshadow -Wconversion -fsyntax-only -Ipillars/src pillars/src/shift.c "
          "pillars/src/chamber_2[0-4].c 2>&1"),
        B("cc-bash-git-log-p-urlnorm", n_log_p, "cd urlnorm-git && git log -p --stat | head -n 620"),
        B("cc-bash-git-blame-urlnorm-tools", n_blame, "cd urlnorm-git && git blame url_normalize/tools.py"),
        B("cc-bash-git-show-humanize-part", n_show, "cd urlnorm-git && git show ':/^url_humanize: part 3 '"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd urlnorm-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-pillars-sacktally", n_ls_lR, "ls -laR pillars sacktally url-normalize/tests"),
        B("cc-bash-ps-aux-sort-cpu-45", n_ps_aux, "ps aux --sort=-%cpu | head -n 45"),
        B("cc-bash-csv-grep-changelog-copyright", n_csv,
          "(head -n 1 docs.csv; grep -E ',(changelog|README)[^,]*,' docs.csv) | head -n 240"),
        B("cc-bash-npm-view-valibot", n_npm_view, "npm view valibot --json 2>/dev/null"),
        B("cc-bash-log-grep-v-evaporating", n_app_log,
          "grep -vE 'DEBUG|INFO evaporating.api' evaporating.log | tail -n 240"),
        ("cc-read-py-url-normalize-tools", "Read", {"file_path": f"{co}/url_normalize/tools.py"},
         read_ext("python")),
        ("cc-read-py-url-normalize-humanize", "Read", {"file_path": f"{co}/url_normalize/url_humanize.py"},
         read_ext("python")),
        ("cc-read-py-vcr-cassette-part", "Read", {"file_path": f"{SITE}/vcr/cassette.py", "offset": 180,
                                                  "limit": 340}, read_ext("python")),
        ("cc-grep-vcr-defs", "Grep", {"pattern": r"^\s*def \w+\(|^class \w+", "path": f"{SITE}/vcr",
                                      "glob": "*.py", "output_mode": "content", "-n": True,
                                      "head_limit": 150}, n_grep_rn),
        ("cc-grep-url-normalize-returns", "Grep", {"pattern": r"return \w+|^def \w+|raise \w+",
                                                   "path": f"{co}/url_normalize", "glob": "*.py",
                                                   "output_mode": "content", "-n": True, "head_limit": 120},
         n_grep_rn),
        ("cc-glob-vcr", "Glob", {"pattern": "**/*.py", "path": f"{SITE}/vcr"}, n_claude_glob),
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
        B("cx-exec-pytest-vv-typing-inspect", n_pytest,
          "cd typing-inspect && python -m pytest -p no:cacheprovider -rA -vv --tb=long test_typing_inspect.py 2>&1 "
          "| tail -n 600"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd typing-inspect", None),
           Part("python -m pytest -q -p no:cacheprovider --tb=short test_typing_inspect.py "
                "-k 'optional or union or origin or generic'", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-typing-inspect", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise typing-inspect/typing_inspect.py "
          "typing-inspect/test_typing_inspect.py typing-inspect/packer_manifest.py | head -n 600"),
        B("cx-exec-ruff-full-packer-manifest", n_ruff,
          "cd typing-inspect && ruff check --no-cache --isolated --select ALL --output-format=full "
          "packer_manifest.py setup.py typing_inspect.py | head -n 560"),
        B("cx-exec-mypy-strict-typing-inspect", n_mypy,
          "cd typing-inspect && mypy --strict typing_inspect.py test_typing_inspect.py packer_manifest.py 2>&1 "
          "| tail -n 280"),
        B("cx-exec-traceback-packer-manifest", n_chained, "cd typing-inspect && python packer_manifest.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd rocksalt", None), Part("node --test spec/ 2>&1 | tail -n 600", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-rocksalt", n_eslint, "cd rocksalt && npx eslint lib spec | head -n 500"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd rocksalt", None), Part("npx eslint lib/packing-plan.js lib/rocksalt.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-brinewells", n_cargo_build, "cd brinewells && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd brinewells", None),
           Part("sed -i '/let label: String/d;/idx.push(well_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 480", n_cargo_test, "&&")]),
        B("cx-exec-cargo-clippy-brinewells", n_clippy,
          "cd brinewells && cargo clippy --all-targets 2>&1 | tail -n 500"),
        B("cx-exec-git-log-p-tinspect", n_log_p, "cd tinspect-git && git log -p | head -n 900"),
        B("cx-exec-git-blame-typing-inspect", n_blame, "cd tinspect-git && git blame -L 1,700 typing_inspect.py"),
        B("cx-exec-git-show-head-3", n_show, "cd tinspect-git && git show HEAD~3"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd tinspect-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-treelib-tinytag-tomli-w", n_tree,
          f"tree -a --noreport {SITE}/treelib {SITE}/tinytag {SITE}/tomli_w {SITE}/vcr | head -n 380"),
        B("cx-exec-ps-aux-sort-rss-55", n_ps_aux, "ps aux --sort=-rss | head -n 55"),
        B("cx-exec-sqlite-docs-copyright", n_sqlite_col,
          "sqlite3 -header -column docs.db \"SELECT directory, file, CAST(bytes AS INTEGER) AS size, modified "
          "FROM docs WHERE file LIKE 'copyright%' OR file LIKE 'TODO%' ORDER BY size DESC, directory ASC LIMIT 260\""),
        B("cx-exec-npm-view-ts-pattern", n_npm_view, "npm view ts-pattern --json"),
        B("cx-exec-log-grep-v-hauling", n_app_log, "grep -vE 'DEBUG|hauling.db' hauling.log | tail -n 600"),
        B("cx-exec-grep-rn-treelib-tinytag-def", n_grep_rn,
          f"grep -rn 'def \\|class ' {SITE}/treelib {SITE}/tinytag --include=*.py | head -n 300"),
        ("cx-exec-sed-n-tinytag", "exec_command",
         {"cmd": f"sed -n '1,380p' {SITE}/tinytag/tinytag.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs -----------------------------------------------------------------------------------------------------

def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{UN} url-normalize && cp -r {tmp}/urlnorm-git urlnorm-git && "
          f"cp -r {tmp}/pillars pillars && cp -r {tmp}/sacktally {tmp}/sacktally-vet {tmp}/sacktally-build . && "
          f"cp {tmp}/data/docs.csv {tmp}/data/evaporating.log .", claude_specs, TOOL_PATH, add)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{TI} typing-inspect && cp -r {tmp}/tinspect-git tinspect-git && "
          f"cp -r {tmp}/brinewells brinewells && cp {tmp}/data/docs.db {tmp}/data/hauling.log . && "
          f"mkdir rocksalt && cp -r {tmp}/rocksalt/lib {tmp}/rocksalt/spec {tmp}/rocksalt/package.json "
          f"{tmp}/rocksalt/eslint.config.js {tmp}/rocksalt/tsconfig.json rocksalt/ && "
          f"ln -s {JS}/node_modules rocksalt/node_modules", codex_specs, TOOL_PATH, add)


STEPS = [claude, codex]
