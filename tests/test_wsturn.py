"""Plain helpers of the WebSocket turns and the stub's Responses / Gemini renderings."""

from __future__ import annotations

import json

from headroom_mitm import wsturn
from headroom_mitm.meter.usage import usage_from_body
from headroom_mitm.stub import parse_conversation
from headroom_mitm.stub.formats import gemini_chunks, responses_events
from headroom_mitm.stub.script import Reply, ToolInvocation
from headroom_mitm.stub.wire import compute_usage


def test_only_response_create_starts_a_turn():
    assert wsturn.parse_create(b'{"type":"response.create","model":"m"}') == {"type": "response.create", "model": "m"}
    assert wsturn.parse_create(b'{"type":"response.cancel"}') is None
    assert wsturn.parse_create(b"not json") is None and wsturn.parse_create(b"[1]") is None


def test_final_events_are_found_and_deltas_are_not_parsed():
    done = {"type": "response.completed", "response": {"id": "r", "usage": {"input_tokens": 5, "output_tokens": 2}}}
    assert wsturn.final_event(json.dumps(done).encode()) == done
    assert wsturn.final_event(b'{"type":"response.output_text.delta","delta":"response.completed"}') is None
    assert wsturn.turn_error(done) is None
    failed = {"type": "response.failed", "response": {"error": {"message": "overloaded"}}}
    assert wsturn.turn_error(failed) == "response.failed: overloaded"
    usage = usage_from_body("openai-responses", wsturn.response_body(done))
    assert usage is not None and (usage.input_tokens, usage.output_tokens) == (5, 2)


def test_calls_answered_earlier_are_remembered_boundedly():
    known: dict[str, str] = {}
    for i in range(wsturn.MAX_KNOWN_CALLS + 5):
        wsturn.remember_calls(known, {"response": {"output": [{"type": "function_call", "call_id": f"c{i}", "name": "shell"}]}})
    assert len(known) == wsturn.MAX_KNOWN_CALLS and "c0" not in known and known[f"c{wsturn.MAX_KNOWN_CALLS + 4}"] == "shell"


def test_responses_and_gemini_conversations_are_read_back():
    body = {"model": "m", "instructions": "sys", "tools": [{"type": "function", "name": "shell"}], "input": [
        {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "go"}]},
        {"type": "function_call", "call_id": "c1", "name": "shell", "arguments": "{\"cmd\":\"ls\"}"},
        {"type": "function_call_output", "call_id": "c1", "output": "a.txt"}]}
    conv = parse_conversation("responses", body)
    assert conv.system == "sys" and conv.user_texts == ["go"] and conv.tool_names == ("shell",)
    assert [(r.name, r.content) for r in conv.tool_results] == [("shell", "a.txt")]
    gem = {"systemInstruction": {"parts": [{"text": "sys"}]}, "tools": [{"functionDeclarations": [{"name": "run"}]}],
           "contents": [{"role": "user", "parts": [{"text": "go"}]},
                        {"role": "model", "parts": [{"functionCall": {"name": "run", "args": {"c": 1}}}]},
                        {"role": "user", "parts": [{"functionResponse": {"name": "run", "response": {"output": "ok"}}}]}]}
    conv = parse_conversation("gemini", gem, stream=True)
    assert conv.stream and conv.tool_names == ("run",) and conv.tool_calls[0].arguments == {"c": 1}
    assert conv.last_tool_output == "ok"


def test_stub_replies_carry_the_usage_it_reports():
    body = {"model": "m", "input": [{"type": "message", "role": "user", "content": "hi"}],
            "tools": [{"type": "namespace", "name": "mcp__x", "tools": [{"type": "function", "name": "t"}]}]}
    conv = parse_conversation("responses", body)
    reply = Reply(tool_call=ToolInvocation("t", {"a": 1}), step_index=0)
    raw = json.dumps(body).encode()
    usage = compute_usage(conv, raw, reply)
    events = responses_events(conv, reply, usage, raw)
    call = events[-1]["response"]["output"][0]
    assert call["namespace"] == "mcp__x" and call["name"] == "t"  # the way Codex calls an MCP tool
    assert events[-1]["response"]["usage"]["input_tokens"] == usage.prompt_tokens
    chunks = gemini_chunks(parse_conversation("gemini", {"contents": []}, stream=True), reply, usage, b"{}")
    assert chunks[-1]["candidates"][0]["content"]["parts"][0]["functionCall"]["name"] == "t"
    assert chunks[-1]["usageMetadata"]["promptTokenCount"] == usage.prompt_tokens
