"""Round 214, the items: ONE headless run of the real Claude Code and ONE of the real Codex CLI, each driven by the
project's model stub through the launcher the way tests/e2e/test_agents.py drives them (tests/e2e/agent_harness.py's
AgentRun, a stub Script of ToolCallSteps, `python -m headroom_mitm … claude|codex …` with the stub as the routed
provider), the launcher started with --no-compress so that the stub records every tool result exactly as the agent
wrote it and nothing compressed is ever seen. Claude Code works in a directory holding ftfy (broken) and its git
history, the jibsheet C project, the package CSV and the lighthouse log (its Bash, Read, Grep and Glob tools); Codex in
one holding termcolor (broken) and its git history, the slugline project, the sternpost crate, the package sqlite
table and the weighbridge log (its exec_command tool). An item's text is the tool result the agent sent back; its
needles come from the extractor of the tool that printed the lines, read on the command's raw output as round 200
reads it (capture_wide200_agents: a Bash result as it is, a Codex result after its `Output:` header line, a Read
result without its line-number gutter; a chain's from each part's own, the parts run again outside the agent). An
item one of whose needles is on no line of its text is dropped whole. Run through capture_wide214.py."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import capture_more as cm
import capture_wide6 as w6
from capture_more import n_app_log, n_tree, note, run
from capture_opencode import Spec, needles_bash_cat, needles_glob
from capture_wide import n_chained
from capture_wide9b import Part, chain_command, n_status_echo
from capture_wide9b_reads import n_grep_rn
from capture_wide15_data import n_csv, n_ls_lR, n_npm_view, n_ps_aux, n_sqlite_col
from capture_wide15_diag import n_mypy, n_pytest, n_ruff
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide15_langs import n_cargo_build, n_cargo_test, n_gcc, n_make
from capture_wide15_oc import n_blame, n_diff, n_log_p, n_show, n_status
from capture_wide191_oc import chain_ext
from capture_wide214 import JS, VENV, add
from capture_wide214_mat import FT, TC

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from headroom_mitm.stub import Script, StubServer, TextStep, ToolCallStep  # noqa: E402
from tests.e2e.agent_harness import AgentRun  # noqa: E402

SITE = f"{VENV}/lib/python3.11/site-packages"
RUN_TIMEOUT = 2400
TOOL_PATH = f"{VENV}/bin:{JS}/node_modules/.bin:/root/.cargo/bin"
RUST_ENV = {"RUSTUP_HOME": "/root/.rustup", "CARGO_HOME": "/root/.cargo", "CARGO_TERM_COLOR": "never"}


class Run(AgentRun):
    """AgentRun whose launcher does not compress (the stub sees what the agent sent) and waits longer."""

    def launch(self, agent: str, *args: str, routes: tuple[str, ...], timeout: float = RUN_TIMEOUT, **env: str):
        argv = [sys.executable, "-m", "headroom_mitm", "--state-dir", str(self.state), "--no-compress",
                *(f"--route={host}={self.stub.base_url}" for host in routes), agent, *args]
        return subprocess.run(argv, env=self.env(**env), cwd=self.work, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=timeout, start_new_session=True)


# --- how each agent's framing is read (the extractors are the earlier rounds', unchanged) ---------------------------

def after_output(ext):
    """`ext` on the lines after Codex's `Output:` header line (the command's own output)."""
    def f(lines):
        i = lines.index("Output:") if "Output:" in lines else -1
        return ext(lines[i + 1:])
    f.kind, f.__doc__ = ext.kind, ext.__doc__
    return f


GUTTER = re.compile(r"^\s*\d+\t")


def read_ext(lang: str):
    """The bash-cat-source rule (rule 6: the first line of every definition) on the file's lines, Read's gutter off."""
    def fn(lines):
        return needles_bash_cat("\n".join(GUTTER.sub("", ln, count=1) for ln in lines), Spec("", "", "", "", {}, lang))[0]
    return w6.reuse(f"claude-read-{lang}", "code", fn, needles_bash_cat.__doc__.strip().splitlines()[0])


def cat_ext(lang: str):
    def fn(lines):
        return needles_bash_cat("\n".join(lines), Spec("", "", "", "", {}, lang))[0]
    return after_output(w6.reuse("bash-cat-source", "code", fn, needles_bash_cat.__doc__.strip().splitlines()[0]))


n_claude_glob = w6.reuse("claude-glob", "listing", w6.oc(needles_glob), needles_glob.__doc__.strip().splitlines()[0])


def later(kind_name: str, family: str, parts: list, root: Path, env: dict, before: str = ""):
    """A chain's extractor (round 9b's rule, capture_wide191_oc.chain_ext), made after the agent's run: its parts are
    run again then, so that they change nothing the agent's own calls see (`before` first puts back what the agent's
    run of the chain left, e.g. a build's objects)."""
    def make():
        if before:
            run(before, cwd=root, env=env)
        return chain_ext(kind_name, family, parts, root, env)
    make.lazy = True
    return make


def claude_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Claude Code call, in order."""
    def B(item_id, ext, command, timeout=600_000):
        return (item_id, "Bash", {"command": command, "description": f"Run {command[:40]}", "timeout": timeout}, ext)

    def C(item_id, kind_name, family, parts, what, before=""):
        return (item_id, "Bash", {"command": chain_command(parts), "description": what, "timeout": 600_000},
                later(kind_name, family, parts, root, env, before))
    ft = root / "ftfy"
    return [
        B("cc-bash-pytest-v-ftfy", n_pytest,
          "cd ftfy && python -m pytest -p no:cacheprovider -v --tb=short tests ftfy 2>&1 | tail -n 300"),
        C("cc-bash-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd ftfy", None), Part("python -m pytest -q -p no:cacheprovider --tb=short tests ftfy", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")],
          "Run the ftfy tests"),
        B("cc-bash-ruff-concise-ftfy", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise ftfy/ftfy ftfy/tests | head -n 300"),
        B("cc-bash-ruff-full-ftfy", n_ruff,
          "cd ftfy && ruff check --no-cache --isolated --select E,F,B,UP,SIM,PL,RUF,C4,PERF --output-format=full "
          "ftfy 2>&1 | tail -n 260"),
        B("cc-bash-mypy-strict-ftfy", n_mypy,
          "cd ftfy && mypy --strict --no-incremental --cache-dir=/dev/null ftfy tests 2>&1 | tail -n 150"),
        B("cc-bash-traceback-ketch-manifest", n_chained, "cd ftfy && python ketch_manifest.py"),
        C("cc-bash-chain-make-k-exit", "chain-build-exit", "build",
          [Part("make -C jibsheet -k 2>&1 | tail -n 380", n_make), Part("echo EXIT=$?", n_status_echo, ";")],
          "Build jibsheet", before="make -C jibsheet clean >/dev/null 2>&1; true"),
        B("cc-bash-gcc-syntax-jibsheet", n_gcc,
          "gcc -Wall -Wextra -fsyntax-only -Ijibsheet/src jibsheet/src/ledger.c jibsheet/src/jib_2[0-9].c 2>&1"),
        B("cc-bash-git-log-p-ftfy", n_log_p, "cd ftfy-git && git log -p | head -n 500"),
        B("cc-bash-git-blame-fixes", n_blame, "cd ftfy-git && git blame -L 1,300 ftfy/fixes.py"),
        B("cc-bash-git-show-badness-part", n_show, "cd ftfy-git && git show ':/^badness: part 5'"),
        C("cc-bash-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd ftfy-git", None), Part("git status", n_status, "&&"), Part("git diff", n_diff, "&&")],
          "Show the working tree changes"),
        B("cc-bash-ls-laR-ftfy", n_ls_lR, f"ls -laR ftfy jibsheet/src {SITE}/iniconfig {SITE}/mypy/dmypy"),
        B("cc-bash-ps-aux-head-70", n_ps_aux, "ps aux --sort=-rss | head -n 70"),
        B("cc-bash-csv-grep-libs", n_csv, "(head -n 1 packages.csv; grep '^lib' packages.csv) | head -n 450"),
        B("cc-bash-npm-view-immer", n_npm_view, "npm view immer --json 2>/dev/null"),
        B("cc-bash-log-grep-warn-lighthouse", n_app_log, "grep -E 'WARNING|ERROR|INFO lighthouse.lamp' lighthouse.log | tail -n 300"),
        ("cc-read-py-ftfy-fixes", "Read", {"file_path": f"{ft}/ftfy/fixes.py"}, read_ext("python")),
        ("cc-read-py-ftfy-init", "Read", {"file_path": f"{ft}/ftfy/__init__.py", "offset": 200, "limit": 600},
         read_ext("python")),
        ("cc-read-py-mypy-errors", "Read", {"file_path": f"{SITE}/mypy/errors.py", "offset": 300, "limit": 650},
         read_ext("python")),
        ("cc-grep-ftfy-defs", "Grep", {"pattern": r"def \w+\(", "path": f"{ft}", "glob": "*.py",
                                       "output_mode": "content", "-n": True, "head_limit": 160}, n_grep_rn),
        ("cc-grep-mypy-raise", "Grep", {"pattern": r"raise \w+(Error|Exception)\(", "path": f"{SITE}/mypy",
                                        "glob": "*.py", "output_mode": "content", "-n": True, "head_limit": 90},
         n_grep_rn),
        ("cc-glob-mypy-typeshed-email", "Glob", {"pattern": "**/*.pyi", "path": f"{SITE}/mypy/typeshed/stdlib/email"},
         n_claude_glob),
        ("cc-glob-linux-include", "Glob", {"pattern": "*.h", "path": "/usr/include/linux"}, n_claude_glob),
    ]


def codex_specs(root: Path, env: dict) -> list:
    """(id, tool, arguments, extractor) of every Codex call, in order."""
    def B(item_id, ext, command):
        return (item_id, "exec_command", {"cmd": command, "yield_time_ms": 30000, "max_output_tokens": 40000, "login": False},
                after_output(ext))

    def C(item_id, kind_name, family, parts):
        return (item_id, "exec_command", {"cmd": chain_command(parts), "yield_time_ms": 30000, "max_output_tokens": 40000, "login": False},
                later(kind_name, family, parts, root, env))
    return [
        B("cx-exec-pytest-rA-termcolor", n_pytest,
          "cd termcolor && PYTHONPATH=src python -m pytest -p no:cacheprovider -rA -vv tests 2>&1 | tail -n 500"),
        C("cx-exec-chain-pytest-q-exit", "chain-test-exit", "test",
          [Part("cd termcolor", None),
           Part("PYTHONPATH=src python -m pytest -q -p no:cacheprovider --tb=line tests", n_pytest, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-ruff-concise-termcolor", n_ruff,
          "ruff check --no-cache --isolated --select ALL --output-format=concise termcolor/src termcolor/tests"
          " | head -n 600"),
        B("cx-exec-ruff-full-termcolor", n_ruff,
          "cd termcolor && ruff check --no-cache --isolated --select ALL --output-format=full tests | head -n 700"),
        B("cx-exec-mypy-strict-termcolor", n_mypy,
          "cd termcolor && mypy --strict --disallow-any-expr src tests semaphore_board.py 2>&1 | tail -n 300"),
        B("cx-exec-traceback-semaphore-board", n_chained, "cd termcolor && PYTHONPATH=src python semaphore_board.py"),
        C("cx-exec-chain-node-test-exit", "chain-test-exit", "test",
          [Part("cd slugline", None), Part("node --test spec/ 2>&1 | tail -n 500", n_node_test, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")]),
        B("cx-exec-eslint-slugline", n_eslint, "cd slugline && npx eslint lib spec | head -n 400"),
        C("cx-exec-chain-eslint-tsc", "chain-lint", "lint",
          [Part("cd slugline", None), Part("npx eslint lib/berth-path.js", n_eslint, "&&"),
           Part("npx tsc --noEmit -p . | head -n 200", n_tsc, ";")]),
        B("cx-exec-cargo-build-sternpost", n_cargo_build, "cd sternpost && cargo build 2>&1"),
        C("cx-exec-chain-fix-cargo-test", "chain-test", "test",
          [Part("cd sternpost", None),
           Part("sed -i '/let label: String/d;/idx.push(frame_count)/d' src/broken.rs", None, "&&"),
           Part("cargo test 2>&1 | tail -n 400", n_cargo_test, "&&")]),
        B("cx-exec-git-log-p-termcolor", n_log_p, "cd termcolor-git && git log -p --reverse | head -n 1200"),
        B("cx-exec-git-blame-termcolor", n_blame, "cd termcolor-git && git blame -w src/termcolor/termcolor.py"),
        B("cx-exec-git-show-head-3", n_show, "cd termcolor-git && git show HEAD~3"),
        C("cx-exec-chain-git-status-diff", "chain-git-status-diff", "git",
          [Part("cd termcolor-git", None), Part("git status --short", None, "&&"), Part("git diff", n_diff, "&&")]),
        B("cx-exec-tree-pygments", n_tree, f"tree -a --noreport {SITE}/pygments | head -n 450"),
        B("cx-exec-ps-aux-head-90", n_ps_aux, "ps aux | head -n 90"),
        B("cx-exec-sqlite-packages-sections", n_sqlite_col,
          "sqlite3 -header -column packages.db \"SELECT section, priority, package, version FROM packages "
          "WHERE section NOT LIKE 'lib%' ORDER BY section, package LIMIT 320\""),
        B("cx-exec-npm-view-valibot", n_npm_view, "npm view valibot --json"),
        B("cx-exec-log-grep-v-debug-weighbridge", n_app_log, "grep -v DEBUG weighbridge.log | tail -n 700"),
        ("cx-exec-sed-n-termcolor-tests-py", "exec_command",
         {"cmd": "sed -n '1,400p' termcolor/tests/test_termcolor.py", "yield_time_ms": 30000,
          "max_output_tokens": 40000, "login": False},
         cat_ext("python")),
    ]


# --- the two runs ----------------------------------------------------------------------------------------------------

def tool_env() -> dict:
    return {"PATH": os.pathsep.join([TOOL_PATH, str(REPO / ".tools" / "bin"), str(Path(sys.executable).parent),
                                     "/usr/bin", "/bin"]), **RUST_ENV, "COLUMNS": "120"}


def claude_results(stub) -> list[tuple[str, dict, str, bool]]:
    posts = [r for r in stub.requests if r.method == "POST" and r.path.split("?")[0].endswith("/v1/messages")
             and isinstance(r.json, dict)]
    uses, results = [], {}
    for message in posts[-1].json["messages"]:
        for block in message["content"] if isinstance(message["content"], list) else []:
            if block.get("type") == "tool_use":
                uses.append((block["id"], block["name"], block["input"]))
            elif block.get("type") == "tool_result":
                c = block["content"]
                text = c if isinstance(c, str) else "\n".join(p.get("text", "") for p in c if p.get("type") == "text")
                results[block["tool_use_id"]] = (text, bool(block.get("is_error")))
    return [(name, args, *results[uid]) for uid, name, args in uses if uid in results]


def codex_results(stub) -> list[tuple[str, dict, str, bool]]:
    calls, outputs = [], {}
    for r in stub.requests:
        if r.method not in ("POST", "WS") or not isinstance(r.json, dict):
            continue
        for it in r.json.get("input", []) or []:
            if it.get("type") == "function_call" and it["call_id"] not in [c[0] for c in calls]:
                calls.append((it["call_id"], it["name"], json.loads(it["arguments"])))
            elif it.get("type") == "function_call_output":
                o = it["output"]
                outputs[it["call_id"]] = o if isinstance(o, str) else "\n".join(p.get("text", "") for p in o)
    return [(name, args, outputs[cid], False) for cid, name, args in calls if cid in outputs]


def drive(agent: str, tmp: Path, copy: str, make_specs) -> None:
    base = tmp / f"agent-{agent}"
    base.mkdir()
    probe = Run(base, StubServer(Script(name="x", title="x", steps=(TextStep("x"),))))
    root = probe.work  # the agent's cwd: the material is copied in first
    probe.cleanup()
    run(copy, cwd=root)
    run("find . -name __pycache__ -prune -exec rm -rf {} + ; true", cwd=root)
    env = tool_env()
    specs = make_specs(root, env)
    steps = [ToolCallStep(tool, args) for _, tool, args, _ in specs]
    stub = StubServer(Script(name="corpus-capture", title="corpus capture", steps=(*steps, TextStep("Done.")))).start()
    busy = cm.start("timeout --foreground 900 python3 -c 'while True: sorted(str(i * 200003) for i in range(90000))'")
    agent_run = Run(base, stub)
    try:
        if agent == "claude":
            done = agent_run.launch("claude", "-p", "--allowedTools=Bash,Read,Grep,Glob", "run the tools",
                                    routes=("api.anthropic.com",), ANTHROPIC_API_KEY="sk-ant-e2e-0123456789abcdef",
                                    BASH_MAX_OUTPUT_LENGTH="200000", CLAUDE_BASH_MAINTAIN_PROJECT_WORKING_DIR="1",
                                    **env)
            got = claude_results(stub)
        else:
            (agent_run.home / ".codex").mkdir(exist_ok=True)
            done = agent_run.launch("codex", "-c", "tool_output_token_limit=40000", "exec", "-m", "stub-model",
                                    "--skip-git-repo-check", "--dangerously-bypass-approvals-and-sandbox", "run the tools",
                                    routes=("api.openai.com", "chatgpt.com"), CODEX_HOME=str(agent_run.home / ".codex"),
                                    CODEX_API_KEY="sk-e2e-0123456789abcdef", **env)
            got = codex_results(stub)
    finally:
        os.killpg(busy.pid, signal.SIGTERM)
        stub.stop()
        agent_run.cleanup()
    if done.returncode != 0:
        note(f"{agent} exited {done.returncode}: {done.stderr[-1500:]}")
    if len(got) != len(specs):
        note(f"{agent}: {len(got)} tool results for {len(specs)} calls")
    for (item_id, tool, args, ext), (name, sent, text, is_error) in zip(specs, got):
        if getattr(ext, "lazy", False):
            ext = ext()
        if name != tool or sent != args:
            note(f"skip {item_id}: call mismatch {name} {sent}")
            continue
        if text.startswith("<persisted-output>"):  # Claude Code kept a 2 KB preview: the output is not in the text
            note(f"skip {item_id}: Claude Code persisted the output ({text.splitlines()[1][:80]})")
            continue
        if is_error or len(text) < 400:
            note(f"note {item_id}: {'the agent marked the result an error; ' if is_error else ''}it begins {text[:300]!r}")
        command = sent["command"] if tool == "Bash" else sent["cmd"] if tool == "exec_command" else \
            json.dumps(sent, sort_keys=True)
        add(item_id, command, text, ext, tool=tool)


def claude(tmp: Path) -> None:
    drive("claude", tmp, f"cp -r {tmp}/{FT} ftfy && cp -r {tmp}/ftfy-git ftfy-git && "
          f"cp -r {tmp}/jibsheet jibsheet && cp {tmp}/data/packages.csv {tmp}/data/lighthouse.log .", claude_specs)


def codex(tmp: Path) -> None:
    drive("codex", tmp, f"cp -r {tmp}/{TC} termcolor && cp -r {tmp}/termcolor-git termcolor-git && "
          f"cp -r {tmp}/sternpost sternpost && cp {tmp}/data/packages.db {tmp}/data/weighbridge.log . && mkdir slugline && "
          f"cp -r {tmp}/slugline/lib {tmp}/slugline/spec {tmp}/slugline/package.json {tmp}/slugline/eslint.config.js "
          f"{tmp}/slugline/tsconfig.json slugline/ && ln -s {JS}/node_modules slugline/node_modules", codex_specs)


STEPS = [claude, codex]
