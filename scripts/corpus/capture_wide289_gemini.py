"""Round 289, driving the real Gemini CLI for a corpus round: each headless run (`gemini --yolo -p …`) goes through the
launcher with --no-compress against the project's model stub, whose Script of ToolCallSteps (in the stub's Gemini
format) makes Gemini CLI call its own tools (capture_agents' Run, as tests/e2e/test_agents.py drives Gemini CLI: a
settings file choosing API-key auth, GEMINI_CLI_TRUST_WORKSPACE=true), so that the stub records every functionResponse
exactly as Gemini CLI wrote it. This module reads Gemini CLI's framing (NEEDLES.md, "Round 289") and hands each result
to the extractor an earlier round used for its kind; no extractor is written here."""

from __future__ import annotations

import json
import os
import re
import signal
from pathlib import Path

import capture_more as cm
import capture_wide6 as w6
from capture_agents import Run, tool_env
from capture_more import note, run
from capture_opencode import Spec, cap, needles_bash_cat, needles_glob, needles_grep
from headroom_mitm.stub import Script, StubServer, TextStep, ToolCallStep

ROUTES = ("generativelanguage.googleapis.com", "play.googleapis.com")
SETTINGS = {"security": {"auth": {"selectedType": "gemini-api-key"}},
            # a shell result whole, as rounds 253-282 raise Claude Code's BASH_MAX_OUTPUT_LENGTH (default: 40,000)
            "tools": {"truncateToolOutputThreshold": 0}}

# --- how Gemini CLI's framing is read (the extractors are the earlier rounds', unchanged) ------------------------------

FRAME_TAIL = re.compile(r"^(Error: |Exit Code: |Signal: |Background PIDs: |Process Group PGID: |</untrusted_context>$)")
EXIT_LINE = re.compile(r"^Exit Code: (-?\d+)$")


def shell_output(lines: list[str]) -> list[str]:
    """The command's own lines in a run_shell_command result: after the frame's `Output: ` (taken off the first output
    line), before its closing frame lines."""
    out = list(lines)
    start = next((k for k, ln in enumerate(out) if ln.startswith("Output: ") or ln == "Output:"), None)
    if start is None:
        return []
    first = out[start][len("Output: "):] if out[start].startswith("Output: ") else ""
    out = ([first] if first or out[start] != "Output:" else []) + out[start + 1:]
    while out and FRAME_TAIL.match(out[-1]):
        out.pop()
    return out


def shell(ext):
    """`ext` on the command's own lines; the frame's `Exit Code: N` line too when the command failed (rule 3)."""
    if getattr(ext, "lazy", False):  # a chain's extractor, made after the run (capture_agents.later)
        def g():
            return None
        g.lazy, g.make = True, lambda: shell(ext())
        return g

    def f(lines):
        needles = list(ext(shell_output(lines)))
        needles += [ln for ln in lines if (m := EXIT_LINE.match(ln)) and m.group(1) != "0"]
        return needles
    f.kind, f.__doc__ = ext.kind, ext.__doc__
    return f


TRUNCATED = "--- FILE CONTENT (truncated) ---"


def read_ext(lang: str):
    """The bash-cat-source rule (rule 6: the first line of every definition) on the file's lines, read_file's truncation
    notice off."""
    def fn(lines):
        body = lines[lines.index(TRUNCATED) + 1:] if TRUNCATED in lines else lines
        return needles_bash_cat("\n".join(body), Spec("", "", "", "", {}, lang))[0]
    return w6.reuse(f"gemini-read-{lang}", "code", fn, needles_bash_cat.__doc__.strip().splitlines()[0])


def sed_ext(lang: str):
    def fn(lines):
        return needles_bash_cat("\n".join(lines), Spec("", "", "", "", {}, lang))[0]
    return w6.reuse("bash-cat-source", "code", fn, needles_bash_cat.__doc__.strip().splitlines()[0])  # shell() wraps it


GEM_FILE = re.compile(r"^File: (.+)$")
GEM_MATCH = re.compile(r"^L\d+: ")


def _grep(lines):
    """The oc-grep rule in Gemini CLI's rendering: the `Found N matches` line, every `File: <path>` line's path, every
    `L<N>: …` match line."""
    needles = [cap(ln) for ln in lines if ln.startswith("Found ") and "match" in ln]
    for ln in lines:
        m = GEM_FILE.match(ln)
        if m:
            needles.append(cap(m.group(1)))
        elif GEM_MATCH.match(ln):
            needles.append(cap(ln))
    return needles


n_gemini_grep = w6.reuse("gemini-grep", "search", _grep, needles_grep.__doc__.strip().splitlines()[0])
n_gemini_glob = w6.reuse("gemini-glob", "listing", w6.oc(needles_glob), needles_glob.__doc__.strip().splitlines()[0])


# --- the runs ----------------------------------------------------------------------------------------------------------

def gemini_results(stub) -> list[tuple[str, dict, dict]]:
    """Every call and its response as Gemini CLI first sent it (in the request right after the call: later requests
    may hold it masked, `<tool_output_masked>`, by Gemini CLI's own history management)."""
    posts = [r for r in stub.requests if r.method == "POST" and r.path.split("?")[0].endswith(":streamGenerateContent")
             and isinstance(r.json, dict)]
    calls, responses = [], {}
    for post in posts:
        for content in post.json["contents"]:
            for part in content.get("parts", []):
                if "functionCall" in part:
                    fc = part["functionCall"]
                    if fc.get("id") not in [c[0] for c in calls]:
                        calls.append((fc.get("id"), fc["name"], fc.get("args", {})))
                elif "functionResponse" in part:
                    fr = part["functionResponse"]
                    responses.setdefault(fr.get("id"), fr.get("response", {}))
    return [(name, args, responses[cid]) for cid, name, args in calls if cid in responses]


def drive(label: str, tmp: Path, copy: str, make_specs, tool_path: str, add, extra_env: dict | None = None) -> None:
    """One headless Gemini CLI run in a directory `copy` fills, calling what `make_specs(root, env)` lists; each
    result whose call went as scripted becomes an item through the round's `add`."""
    base = tmp / f"agent-{label}"
    base.mkdir()
    probe = Run(base, StubServer(Script(name="x", title="x", steps=(TextStep("x"),))))
    root = probe.work  # the agent's cwd: the material is copied in first
    probe.cleanup()
    run(copy, cwd=root)
    run("find . -name __pycache__ -prune -exec rm -rf {} + ; true", cwd=root)
    env = {**tool_env(tool_path), **(extra_env or {})}
    specs = make_specs(root, env)
    steps = [ToolCallStep(tool, args) for _, tool, args, _ in specs]
    stub = StubServer(Script(name="corpus-capture", title="corpus capture", steps=(*steps, TextStep("Done.")))).start()
    busy = cm.start("timeout --foreground 900 python3 -c 'while True: sorted(str(i * 200003) for i in range(90000))'")
    agent_run = Run(base, stub)
    (agent_run.home / ".gemini").mkdir(exist_ok=True)
    (agent_run.home / ".gemini" / "settings.json").write_text(json.dumps(SETTINGS))
    try:
        done = agent_run.launch("gemini", "--yolo", "-p", "run the tools", routes=ROUTES, timeout=1500,
                                GEMINI_API_KEY="AIza-e2e-0123456789abcdef", GEMINI_CLI_TRUST_WORKSPACE="true", **env)
        got = gemini_results(stub)
    finally:
        os.killpg(busy.pid, signal.SIGTERM)
        stub.stop()
        agent_run.cleanup()
    if done.returncode != 0:
        note(f"gemini {label} exited {done.returncode}: {done.stderr[-1500:]}")
    if len(got) != len(specs):
        note(f"gemini {label}: {len(got)} tool results for {len(specs)} calls")
    for (item_id, tool, args, ext), (name, sent, response) in zip(specs, got):
        if getattr(ext, "lazy", False):
            ext = ext.make()
        if name != tool or sent != args:
            note(f"skip {item_id}: call mismatch {name} {sent}")
            continue
        if "output" not in response:
            note(f"skip {item_id}: Gemini CLI returned an error: {json.dumps(response)[:300]}")
            continue
        text = response["output"]
        if len(text) < 400:
            note(f"note {item_id}: it begins {text[:300]!r}")
        command = sent["command"] if tool == "run_shell_command" else json.dumps(sent, sort_keys=True)
        add(item_id, command, text, ext, tool=tool)
