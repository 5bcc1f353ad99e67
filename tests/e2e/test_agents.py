"""The other real agents through their named launchers against the stub: a long tool output is
compressed on the wire and its original comes back through headroom_retrieve, registered the agent's
own way; the answer is printed, metered with the stub's usage and audited."""

from __future__ import annotations

import json
import re

from headroom_mitm.stub import Script, TextStep, ToolCallStep
from headroom_mitm.stub.library import build_log_command
from tests.e2e.agent_harness import MARKER_ID, AgentRun, retrieve_arguments

ELIDED_LINE = "::test_case_0100[variant-0] PASSED"
NEEDLE = "FAILED tests/unit/test_config.py::test_reload_keeps_defaults"
ANSWER = "Retrieved the original: one test failed."


def _script(shell_tool: str, shell_args: dict, retrieve_tool: str) -> Script:
    return Script(name="agent-retrieve", title="retrieve", steps=(
        ToolCallStep(shell_tool, shell_args),
        ToolCallStep(retrieve_tool, retrieve_arguments(re.escape("test_case_0100["))),
        TextStep(ANSWER),
    ))


def _anthropic_tool_results(request) -> list[str]:
    out = []
    for message in request.json["messages"]:
        for block in message["content"] if isinstance(message["content"], list) else []:
            if block.get("type") == "tool_result":
                content = block["content"]
                out.append(content if isinstance(content, str) else json.dumps(content))
    return out


def _check_metered_and_audited(run: AgentRun, host: str, posts: int) -> None:
    reported = run.stub.reported_usage
    records = [r for r in run.records() if r.host == host and r.input_tokens is not None]
    assert len(records) == posts == len(reported)
    assert sum(r.input_tokens or 0 for r in records) == sum(u["prompt_tokens"] for u in reported)
    assert sum(r.output_tokens or 0 for r in records) == sum(u["output_tokens"] for u in reported)
    assert sum(r.saved_tokens for r in records) > 0
    audited = [a for a in run.audit() if a["host"] == host and a["method"] == "POST" and a["class"] == "llm"]
    assert len(audited) >= posts


def test_claude_code_compressed_and_retrieved(stub_for_agents):
    # 400 log lines (~26 KB): under what Claude Code's Bash tool keeps inline once its limit is raised
    script = _script("Bash", {"command": build_log_command(400), "description": "Run the tests"},
                     "mcp__headroom__headroom_retrieve")
    run = stub_for_agents(script)
    done = run.launch("claude", "-p", "--allowedTools=Bash", "run the tests", routes=("api.anthropic.com",),
                      ANTHROPIC_API_KEY="sk-ant-e2e-0123456789abcdef", BASH_MAX_OUTPUT_LENGTH="200000")
    assert done.returncode == 0, done.stderr[-3000:]
    assert ANSWER in done.stdout
    posts = run.llm_posts("/v1/messages")
    assert len(posts) == 3, [r.path for r in run.stub.requests]
    assert "mcp__headroom__headroom_retrieve" in [t["name"] for t in posts[0].json["tools"]]
    compressed = _anthropic_tool_results(posts[1])[0]
    assert MARKER_ID.search(compressed) and NEEDLE in compressed and ELIDED_LINE not in compressed
    retrieved = _anthropic_tool_results(posts[2])[-1]
    assert ELIDED_LINE in retrieved
    _check_metered_and_audited(run, "api.anthropic.com", 3)


def _gemini_tool_results(request) -> list[str]:
    out = []
    for content in request.json["contents"]:
        for part in content.get("parts", []):
            if "functionResponse" in part:
                response = part["functionResponse"]["response"]
                out.append(response.get("output") or json.dumps(response))
    return out


def test_gemini_cli_compressed_and_retrieved(stub_for_agents):
    script = _script("run_shell_command", {"command": build_log_command(400), "description": "Run the tests"},
                     "mcp_headroom_headroom_retrieve")  # Gemini CLI's name for an MCP tool: mcp_SERVER_TOOL
    run = stub_for_agents(script)
    (run.home / ".gemini").mkdir()
    (run.home / ".gemini" / "settings.json").write_text(json.dumps({"security": {"auth": {"selectedType": "gemini-api-key"}}}))
    done = run.launch("gemini", "--yolo", "-p", "run the tests",
                      routes=("generativelanguage.googleapis.com", "play.googleapis.com"),
                      GEMINI_API_KEY="AIza-e2e-0123456789abcdef", GEMINI_CLI_TRUST_WORKSPACE="true")
    assert done.returncode == 0, done.stderr[-3000:]
    assert ANSWER in done.stdout
    posts = run.llm_posts(":streamGenerateContent")
    assert len(posts) == 3, [r.path for r in run.stub.requests]
    names = [d["name"] for t in posts[0].json["tools"] for d in t.get("functionDeclarations", [])]
    assert "mcp_headroom_headroom_retrieve" in names
    compressed = _gemini_tool_results(posts[1])[0]
    assert MARKER_ID.search(compressed) and NEEDLE in compressed and ELIDED_LINE not in compressed
    assert ELIDED_LINE in _gemini_tool_results(posts[2])[-1]
    # the router's JSON-mode call is an LLM flow too: metered and audited with the others
    _check_metered_and_audited(run, "generativelanguage.googleapis.com", len(run.llm_posts("enerateContent")))


def _responses_tool_outputs(request) -> list[str]:
    out = []
    for item in request.json["input"]:
        if item.get("type") == "function_call_output":
            output = item["output"]
            out.append(output if isinstance(output, str) else "\n".join(p.get("text", "") for p in output))
    return out


CODEX_ARGS = (
    # a model outside Codex's catalog gets plain function tools (catalog models defer MCP tools behind
    # tool_search or use code mode); the raised limit keeps Codex's own truncation out of the way
    "-c", "tool_output_token_limit=20000", "exec", "-m", "stub-model", "--skip-git-repo-check",
    "--dangerously-bypass-approvals-and-sandbox", "run the tests",
)


def _codex_script() -> Script:
    # Codex puts each MCP server's tools in a namespace (`mcp__headroom`): the inner name is called
    return _script("exec_command", {"cmd": build_log_command(400)}, "headroom_retrieve")


def _run_codex(run: AgentRun):
    return run.launch("codex", *CODEX_ARGS, routes=("api.openai.com", "chatgpt.com"),
                      CODEX_HOME=str(run.home / ".codex"), CODEX_API_KEY="sk-e2e-0123456789abcdef")


def _check_codex_posts(posts) -> None:
    # the launcher makes Codex wait for the MCP server: its first request already lists the tool
    namespaces = [t for t in posts[0].json["tools"] if t.get("type") == "namespace"]
    assert any(inner["name"] == "headroom_retrieve" for ns in namespaces for inner in ns["tools"])
    compressed = _responses_tool_outputs(posts[1])[0]
    assert MARKER_ID.search(compressed) and NEEDLE in compressed and ELIDED_LINE not in compressed
    assert ELIDED_LINE in _responses_tool_outputs(posts[2])[-1]


def test_codex_over_http_after_the_websocket_upgrade_fails(stub_for_agents):
    run = stub_for_agents(_codex_script())
    run.stub.websocket = False  # the upgrade gets a 404: Codex falls back to POST /v1/responses
    (run.home / ".codex").mkdir()
    done = _run_codex(run)
    assert done.returncode == 0, done.stderr[-3000:]
    assert ANSWER in done.stdout
    assert "Falling back from WebSockets to HTTPS" in done.stderr
    posts = run.llm_posts("/v1/responses")
    assert len(posts) == 3, [r.path for r in run.stub.requests]
    _check_codex_posts(posts)
    _check_metered_and_audited(run, "api.openai.com", 3)


def test_codex_over_its_default_websocket_transport(stub_for_agents):
    run = stub_for_agents(_codex_script())
    (run.home / ".codex").mkdir()
    done = _run_codex(run)
    assert done.returncode == 0, done.stderr[-3000:]
    assert ANSWER in done.stdout
    assert not run.llm_posts("/v1/responses"), "Codex fell back to HTTP"
    turns = [r for r in run.stub.requests if r.method == "WS"]
    # Codex warms the socket up with `generate: false`, then sends each turn's new input only
    assert [r.json.get("generate") for r in turns] == [False, None, None, None]
    _check_codex_posts(turns[1:])
    # each response over the socket is one flow record (usage from response.completed) and one audit record
    reported = run.stub.reported_usage
    records = [r for r in run.records() if r.host == "api.openai.com" and r.input_tokens is not None]
    assert len(records) == len(turns) == len(reported)
    assert [r.input_tokens for r in records] == [u["prompt_tokens"] for u in reported]
    assert [r.output_tokens for r in records] == [u["output_tokens"] for u in reported]
    assert records[2].request_bytes_after < records[2].request_bytes_before  # the turn carrying the log
    audited = [a for a in run.audit() if a["method"] == "WS"]
    assert len(audited) == len(turns) and all(a["model"] == "stub-model" for a in audited)
    assert [a["bytes_up"] for a in audited] == [len(r.body) for r in turns]  # what was sent, after compression
