"""Driving the real Claude Code and Codex CLI for a corpus round (rounds 200, 206, 214): each headless run goes
through the launcher with --no-compress against the project's model stub, whose Script of ToolCallSteps makes the
agent call its own tools (tests/e2e/agent_harness.py's AgentRun, as tests/e2e/test_agents.py drives them), so that the
stub records every tool result exactly as the agent wrote it. The rounds' own files give the calls (id, tool,
arguments, extractor) and the material; this module reads each agent's framing and turns its results into items."""

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
from capture_more import note, run
from capture_opencode import Spec, needles_bash_cat, needles_glob
from capture_wide191_oc import chain_ext

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from headroom_mitm.stub import Script, StubServer, TextStep, ToolCallStep  # noqa: E402
from tests.e2e.agent_harness import AgentRun  # noqa: E402

RUN_TIMEOUT = 2400
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



# --- the runs ----------------------------------------------------------------------------------------------------------

def tool_env(tool_path: str) -> dict:
    return {"PATH": os.pathsep.join([tool_path, str(REPO / ".tools" / "bin"), str(Path(sys.executable).parent),
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


def drive(agent: str, tmp: Path, copy: str, make_specs, tool_path: str, add) -> None:
    """One headless run of `agent` in a directory `copy` fills, calling what `make_specs(root, env)` lists; each
    result whose call went as scripted becomes an item through the round's `add`."""
    base = tmp / f"agent-{agent}"
    base.mkdir()
    probe = Run(base, StubServer(Script(name="x", title="x", steps=(TextStep("x"),))))
    root = probe.work  # the agent's cwd: the material is copied in first
    probe.cleanup()
    run(copy, cwd=root)
    run("find . -name __pycache__ -prune -exec rm -rf {} + ; true", cwd=root)
    env = tool_env(tool_path)
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


