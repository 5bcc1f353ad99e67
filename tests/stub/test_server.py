"""The built-in LLM stub, driven by real HTTP clients on loopback (the real OpenCode: tests/e2e/test_stub_opencode.py)."""

from __future__ import annotations

import gzip
import http.client
import json
import math
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from headroom_mitm.stub import (
    HELLO_TEXT,
    Conversation,
    ErrorStep,
    Script,
    StubServer,
    TextStep,
    ToolCallStep,
    build_log_command,
    error_script,
    parse_conversation,
)
from headroom_mitm.stub.library import summarize_demo

REPO = Path(__file__).resolve().parents[2]
TITLE_SYSTEM = "You are a title generator. You output ONLY a thread title. Nothing else."
BASH_TOOL_OPENAI = {"type": "function", "function": {"name": "bash", "parameters": {"type": "object"}}}
BASH_TOOL_ANTHROPIC = {"name": "bash", "input_schema": {"type": "object"}}


# --- helpers ------------------------------------------------------------------------------


def post(stub: StubServer, path: str, payload: Any, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", stub.port, timeout=10)
    try:
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        conn.request("POST", path, body=body, headers={"Content-Type": "application/json", **(headers or {})})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def sse_events(raw: bytes) -> list[tuple[str | None, str]]:
    """Parses an SSE body into (event, data) pairs, checking the blank-line framing on the way."""
    text = raw.decode()
    assert text.endswith("\n\n"), "an SSE body ends with a blank line"
    events = []
    for block in text.split("\n\n")[:-1]:
        event, data = None, []
        for line in block.split("\n"):
            field, _, value = line.partition(": ")
            if field == "event":
                event = value
            elif field == "data":
                data.append(value)
            else:
                raise AssertionError(f"unexpected SSE line {line!r}")
        events.append((event, "\n".join(data)))
    return events


def openai_request(messages: list[dict[str, Any]], tools: bool = True, stream: bool = True) -> dict[str, Any]:
    body: dict[str, Any] = {"model": "stub-model", "messages": messages, "stream": stream}
    if stream:
        body["stream_options"] = {"include_usage": True}
    if tools:
        body["tools"] = [BASH_TOOL_OPENAI]
    return body


def anthropic_request(messages: list[dict[str, Any]], tools: bool = True, stream: bool = True, system: str = "You are OpenCode.") -> dict[str, Any]:
    body: dict[str, Any] = {"model": "claude-sonnet-4-5", "max_tokens": 100, "system": [{"type": "text", "text": system}], "messages": messages, "stream": stream}
    if tools:
        body["tools"] = [BASH_TOOL_ANTHROPIC]
    return body


def openai_tool_turn(call_id: str, name: str, args: dict[str, Any], output: str) -> list[dict[str, Any]]:
    call = {"id": call_id, "type": "function", "function": {"name": name, "arguments": json.dumps(args)}}
    return [{"role": "assistant", "content": "", "tool_calls": [call]}, {"role": "tool", "tool_call_id": call_id, "content": output}]


def anthropic_tool_turn(call_id: str, name: str, args: dict[str, Any], output: str) -> list[dict[str, Any]]:
    return [
        {"role": "assistant", "content": [{"type": "tool_use", "id": call_id, "name": name, "input": args}]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": call_id, "content": output}]},
    ]


def openai_collect(raw: bytes) -> dict[str, Any]:
    """Folds OpenAI stream chunks into text, tool call, finish reason and usage."""
    events = sse_events(raw)
    assert all(event is None for event, _ in events)
    assert events[-1][1] == "[DONE]"
    text, finish, usage, call = "", None, None, {"id": None, "name": None, "arguments": ""}
    for _, data in events[:-1]:
        chunk = json.loads(data)
        assert chunk["object"] == "chat.completion.chunk"
        if chunk.get("usage"):
            usage = chunk["usage"]
        for choice in chunk["choices"]:
            delta = choice["delta"]
            text += delta.get("content") or ""
            for tc in delta.get("tool_calls") or []:
                call["id"] = tc.get("id") or call["id"]
                call["name"] = (tc.get("function") or {}).get("name") or call["name"]
                call["arguments"] += (tc.get("function") or {}).get("arguments") or ""
            finish = choice["finish_reason"] or finish
    return {"text": text, "finish": finish, "usage": usage, "call": call, "events": len(events)}


def anthropic_collect(raw: bytes) -> dict[str, Any]:
    events = sse_events(raw)
    names = [event for event, _ in events]
    datas = [json.loads(data) for _, data in events]
    for name, data in zip(names, datas):
        assert name == data["type"], "event name and payload type agree"
    assert names[0] == "message_start" and names[-2:] == ["message_delta", "message_stop"]
    text, blocks, partial = "", [], ""
    for data in datas:
        if data["type"] == "content_block_start":
            blocks.append(data["content_block"])
        elif data["type"] == "content_block_delta":
            delta = data["delta"]
            if delta["type"] == "text_delta":
                text += delta["text"]
            elif delta["type"] == "input_json_delta":
                partial += delta["partial_json"]
    return {
        "names": names,
        "text": text,
        "blocks": blocks,
        "input_json": partial,
        "start_usage": datas[0]["message"]["usage"],
        "delta": datas[-2],
    }


# --- pure parts ---------------------------------------------------------------------------


def test_conversation_resolves_tool_result_names_in_both_formats() -> None:
    oa = parse_conversation("openai", openai_request([{"role": "user", "content": "hi"}, *openai_tool_turn("c1", "grep", {"pattern": "x"}, "found")]))
    an = parse_conversation("anthropic", anthropic_request([{"role": "user", "content": "hi"}, *anthropic_tool_turn("t1", "grep", {"pattern": "x"}, "found")]))
    for conv, call_id in ((oa, "c1"), (an, "t1")):
        assert [(r.call_id, r.name, r.content) for r in conv.tool_results] == [(call_id, "grep", "found")]
        assert conv.tool_calls[0].arguments == {"pattern": "x"}
        assert conv.user_texts == ["hi"]
        assert conv.tool_names == ("bash",) and not conv.is_title_request


def test_demo_log_command_prints_a_long_log_with_one_failure_and_the_summary_reads_it() -> None:
    out = subprocess.run(["sh", "-c", build_log_command(2500)], capture_output=True, text=True, timeout=20, check=True).stdout
    lines = out.splitlines()
    assert len(lines) > 2500
    assert sum("FAILED" in line for line in lines) == 2  # the result line and the short summary
    assert lines[-1].startswith("=") and "1 failed, 2499 passed" in lines[-1]
    conv = parse_conversation(
        "openai",
        openai_request(
            [{"role": "user", "content": "go"}, *openai_tool_turn("a", "bash", {}, out), *openai_tool_turn("b", "grep", {}, "Found 3 matches\n/x.py:\n")]
        ),
    )
    summary = summarize_demo(conv)
    assert "1 failed, 2499 passed" in summary
    assert "tests/unit/test_config.py::test_reload_keeps_defaults" in summary
    assert "grep found 3 matches" in summary


def test_demo_summary_says_when_the_failure_was_not_visible() -> None:
    conv = parse_conversation("openai", openai_request([{"role": "user", "content": "go"}, *openai_tool_turn("a", "bash", {}, "PASSED\n" * 10)]))
    assert "No failing test was visible" in summarize_demo(conv)


# --- HTTP: streaming framing, usage, recording --------------------------------------------


def test_openai_stream_hello_framing_usage_and_recording() -> None:
    payload = openai_request([{"role": "system", "content": "sys"}, {"role": "user", "content": "say hello"}])
    body = json.dumps(payload).encode()
    with StubServer("hello") as stub:
        status, headers, raw = post(stub, "/v1/chat/completions", body, {"Authorization": "Bearer k", "X-Session-Id": "ses_1"})
        assert status == 200
        assert headers["content-type"].startswith("text/event-stream")
        assert headers.get("transfer-encoding") == "chunked"
        got = openai_collect(raw)
        assert got["text"] == HELLO_TEXT and got["finish"] == "stop"
        assert got["events"] >= 5, "text is streamed in several deltas"
        assert got["usage"]["prompt_tokens"] == math.ceil(len(body) / 4)
        assert got["usage"]["completion_tokens"] == math.ceil(len(HELLO_TEXT) / 4)
        assert "cached_tokens" in got["usage"]["prompt_tokens_details"]
        [usage] = stub.reported_usage
        assert usage["prompt_tokens"] == got["usage"]["prompt_tokens"] and usage["output_tokens"] == got["usage"]["completion_tokens"]
        assert usage["cache_read_tokens"] == got["usage"]["prompt_tokens_details"]["cached_tokens"] == 0
        [rec] = stub.requests
        assert (rec.method, rec.path, rec.body, rec.json) == ("POST", "/v1/chat/completions", body, payload)
        assert rec.headers["authorization"] == "Bearer k" and rec.headers["x-session-id"] == "ses_1"


def test_openai_usage_chunk_only_when_asked() -> None:
    payload = openai_request([{"role": "user", "content": "hi"}])
    del payload["stream_options"]
    with StubServer("hello") as stub:
        got = openai_collect(post(stub, "/v1/chat/completions", payload)[2])
    assert got["usage"] is None and got["text"] == HELLO_TEXT


def test_anthropic_stream_hello_framing_and_usage() -> None:
    payload = anthropic_request([{"role": "user", "content": [{"type": "text", "text": "say hello"}]}])
    body = json.dumps(payload).encode()
    with StubServer("hello") as stub:
        status, headers, raw = post(stub, "/v1/messages", body, {"x-api-key": "fake", "anthropic-version": "2023-06-01"})
        assert status == 200 and headers["content-type"].startswith("text/event-stream")
        got = anthropic_collect(raw)
        assert got["names"][:2] == ["message_start", "ping"]
        assert got["text"] == HELLO_TEXT and got["blocks"] == [{"type": "text", "text": ""}]
        assert got["delta"]["delta"]["stop_reason"] == "end_turn"
        start = got["start_usage"]
        assert set(start) >= {"input_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"}
        total = start["input_tokens"] + start["cache_creation_input_tokens"] + start["cache_read_input_tokens"]
        assert total == math.ceil(len(body) / 4)
        assert start["cache_creation_input_tokens"] > 0, "a first request writes its system+tools prefix"
        [usage] = stub.reported_usage
        assert usage["output_tokens"] == got["delta"]["usage"]["output_tokens"] == math.ceil(len(HELLO_TEXT) / 4)
        assert usage["input_tokens"] == start["input_tokens"] and usage["prompt_tokens"] == total
        assert stub.requests[0].headers["anthropic-version"] == "2023-06-01"


def test_follow_up_request_reports_a_cache_read() -> None:
    messages = [{"role": "user", "content": "go"}, *anthropic_tool_turn("toolu_stub_000", "bash", {"command": "ls"}, "a\nb")]
    with StubServer(Script(steps=(ToolCallStep("bash", {"command": "ls"}), TextStep("done")))) as stub:
        got = anthropic_collect(post(stub, "/v1/messages", anthropic_request(messages))[2])
    assert got["start_usage"]["cache_read_input_tokens"] > 0 and got["start_usage"]["cache_creation_input_tokens"] == 0
    assert got["text"] == "done"


def test_stream_is_sent_event_by_event() -> None:
    delay = 0.05
    with StubServer("hello", event_delay=delay) as stub:
        conn = http.client.HTTPConnection("127.0.0.1", stub.port, timeout=10)
        conn.request("POST", "/v1/chat/completions", body=json.dumps(openai_request([{"role": "user", "content": "x"}])))
        resp = conn.getresponse()
        t0 = time.monotonic()
        first = resp.readline()
        t_first = time.monotonic() - t0
        rest = resp.read()
        t_all = time.monotonic() - t0
        conn.close()
    assert first.startswith(b"data: ")
    events = 1 + rest.count(b"\n\ndata: ")
    assert t_all - t_first >= delay * (events - 2), "the events arrived spread out, not in one buffer"


def test_keep_alive_serves_several_requests_on_one_connection() -> None:
    with StubServer("hello") as stub:
        conn = http.client.HTTPConnection("127.0.0.1", stub.port, timeout=10)
        conn.request("POST", "/v1/chat/completions", body=json.dumps(openai_request([{"role": "user", "content": "a"}])))
        r1 = conn.getresponse()
        r1.read()
        sock = conn.sock
        conn.request("POST", "/v1/messages", body=json.dumps(anthropic_request([{"role": "user", "content": "b"}])))
        r2 = conn.getresponse()
        r2.read()
        assert conn.sock is sock, "the second request reused the connection"
        assert (r1.status, r2.status) == (200, 200)
        conn.close()
        assert len(stub.requests) == 2


def test_non_streaming_json_in_both_formats() -> None:
    with StubServer("hello") as stub:
        s1, h1, b1 = post(stub, "/v1/chat/completions", openai_request([{"role": "user", "content": "a"}], stream=False))
        s2, h2, b2 = post(stub, "/anthropic/v1/messages", anthropic_request([{"role": "user", "content": "b"}], stream=False))
    oa, an = json.loads(b1), json.loads(b2)
    assert (s1, s2) == (200, 200) and h1["content-type"] == h2["content-type"] == "application/json"
    assert oa["choices"][0]["message"]["content"] == HELLO_TEXT and oa["usage"]["prompt_tokens"] > 0
    assert an["content"] == [{"type": "text", "text": HELLO_TEXT}] and an["usage"]["output_tokens"] > 0


def test_same_request_gets_the_same_bytes() -> None:
    payload = openai_request([{"role": "user", "content": "x"}])
    with StubServer("hello") as stub:
        assert post(stub, "/v1/chat/completions", payload)[2] == post(stub, "/v1/chat/completions", payload)[2]


def test_gzip_request_body_is_decoded() -> None:
    payload = openai_request([{"role": "user", "content": "zipped"}])
    with StubServer("hello") as stub:
        status, _, _ = post(stub, "/v1/chat/completions", gzip.compress(json.dumps(payload).encode()), {"Content-Encoding": "gzip"})
        assert status == 200 and stub.requests[0].json == payload


def test_models_list_and_unknown_route() -> None:
    with StubServer("hello") as stub:
        conn = http.client.HTTPConnection("127.0.0.1", stub.port, timeout=10)
        conn.request("GET", "/v1/models")
        resp = conn.getresponse()
        models = json.loads(resp.read())
        conn.request("GET", "/v1/nothing")
        missing = conn.getresponse()
        missing.read()
        conn.close()
        status, _, _ = post(stub, "/v1/embeddings", {"input": "x"})
        assert [r.method for r in stub.requests] == ["GET", "GET", "POST"]
    assert resp.status == 200 and models["data"][0]["id"] == "stub-model"
    assert missing.status == 404 and status == 404


# --- the script: title, tool-call steps, errors -------------------------------------------


def test_title_request_gets_the_title_even_in_the_error_script() -> None:
    oa = openai_request([{"role": "system", "content": TITLE_SYSTEM}, {"role": "user", "content": "say hello"}], tools=False)
    an = anthropic_request([{"role": "user", "content": "say hello"}], tools=False, system=TITLE_SYSTEM)
    with StubServer(error_script()) as stub:
        status, _, raw = post(stub, "/v1/chat/completions", oa)
        assert status == 200 and openai_collect(raw)["text"] == "Provider error"
        status, _, raw = post(stub, "/v1/messages", an)
        assert status == 200 and anthropic_collect(raw)["text"] == "Provider error"
        # The same system prompt with tools is a normal step, not a title request.
        status, _, _ = post(stub, "/v1/chat/completions", {**oa, "tools": [BASH_TOOL_OPENAI]})
        assert status == 400


def _stepping_script() -> Script:
    def use_id(conv: Conversation) -> dict[str, Any]:
        # The id only exists in the previous tool output, as with headroom_retrieve.
        return {"pattern": conv.last_tool_output.split("id=", 1)[1].split()[0]}

    return Script(
        steps=(
            ToolCallStep("bash", {"command": "echo id=abc123"}, preamble="Checking."),
            ToolCallStep("grep", use_id),
            TextStep(lambda conv: f"saw {len(conv.tool_results)} results"),
        )
    )


def test_openai_tool_call_steps_follow_the_tool_results() -> None:
    base = [{"role": "user", "content": "go"}]
    first_turn = openai_tool_turn("call_stub_000", "bash", {"command": "echo id=abc123"}, "id=abc123 done")
    second_turn = openai_tool_turn("call_stub_001", "grep", {"pattern": "abc123"}, "Found 1 matches")
    with StubServer(_stepping_script()) as stub:
        step0 = openai_collect(post(stub, "/v1/chat/completions", openai_request(base))[2])
        step1 = openai_collect(post(stub, "/v1/chat/completions", openai_request(base + first_turn))[2])
        step2 = openai_collect(post(stub, "/v1/chat/completions", openai_request(base + first_turn + second_turn))[2])
        beyond = openai_collect(post(stub, "/v1/chat/completions", openai_request(base + first_turn + second_turn + first_turn))[2])
    assert step0["finish"] == "tool_calls" and step0["text"] == "Checking."
    assert step0["call"]["id"] == "call_stub_000" and step0["call"]["name"] == "bash"
    assert json.loads(step0["call"]["arguments"]) == {"command": "echo id=abc123"}
    assert step1["finish"] == "tool_calls" and step1["call"]["name"] == "grep"
    assert json.loads(step1["call"]["arguments"]) == {"pattern": "abc123"}
    assert step1["call"]["id"] != step0["call"]["id"]
    assert (step2["finish"], step2["text"], step2["call"]["name"]) == ("stop", "saw 2 results", None)
    assert beyond["finish"] == "stop" and beyond["text"]


def test_anthropic_tool_call_step_streams_input_json() -> None:
    base = [{"role": "user", "content": [{"type": "text", "text": "go"}]}]
    first_turn = anthropic_tool_turn("toolu_stub_000", "bash", {"command": "echo id=xyz9"}, "id=xyz9 ok")
    with StubServer(_stepping_script()) as stub:
        step0 = anthropic_collect(post(stub, "/v1/messages", anthropic_request(base))[2])
        step1 = anthropic_collect(post(stub, "/v1/messages", anthropic_request(base + first_turn))[2])
    assert step0["delta"]["delta"]["stop_reason"] == "tool_use"
    assert [b["type"] for b in step0["blocks"]] == ["text", "tool_use"]
    tool_block = step0["blocks"][1]
    assert tool_block["name"] == "bash" and tool_block["id"] == "toolu_stub_000" and tool_block["input"] == {}
    assert json.loads(step0["input_json"]) == {"command": "echo id=abc123"}
    assert step0["names"].count("content_block_delta") >= 3, "text and input arrive in several deltas"
    assert json.loads(step1["input_json"]) == {"pattern": "xyz9"}
    assert step1["blocks"][0]["type"] == "tool_use", "no preamble means the tool call comes first"


def test_error_step_uses_each_provider_error_shape() -> None:
    with StubServer("error") as stub:
        s1, h1, b1 = post(stub, "/v1/chat/completions", openai_request([{"role": "user", "content": "x"}]))
        s2, _, b2 = post(stub, "/v1/messages", anthropic_request([{"role": "user", "content": "x"}]))
        assert stub.reported_usage == [], "an error reports no usage"
    assert s1 == s2 == 400 and h1["content-type"] == "application/json"
    assert json.loads(b1)["error"]["message"] and json.loads(b1)["error"]["type"] == "invalid_request_error"
    err = json.loads(b2)
    assert err["type"] == "error" and err["error"]["type"] == "invalid_request_error"


def test_error_step_with_status_and_headers() -> None:
    script = Script(steps=(ErrorStep(429, "slow down", {"Retry-After": "7"}),))
    with StubServer(script) as stub:
        status, headers, raw = post(stub, "/v1/messages", anthropic_request([{"role": "user", "content": "x"}]))
    assert status == 429 and headers["retry-after"] == "7"
    assert json.loads(raw)["error"] == {"type": "rate_limit_error", "message": "slow down"}


def test_failing_script_callable_becomes_a_400() -> None:
    script = Script(steps=(ToolCallStep("bash", lambda conv: {"command": conv.last_tool_output.split("=")[1]}),))
    with StubServer(script) as stub:
        status, _, raw = post(stub, "/v1/chat/completions", openai_request([{"role": "user", "content": "x"}]))
    assert status == 400 and "script step failed" in json.loads(raw)["error"]["message"]


def test_malformed_body_is_a_provider_400() -> None:
    with StubServer("hello") as stub:
        status, _, raw = post(stub, "/v1/messages", b"{not json")
        assert stub.requests[0].json is None and stub.requests[0].body == b"{not json"
    assert status == 400 and json.loads(raw)["type"] == "error"


# --- lifecycle and CLI --------------------------------------------------------------------


def test_stop_closes_idle_keep_alive_connections_and_frees_the_port() -> None:
    stub = StubServer("hello").start()
    port = stub.port
    assert stub.base_url == f"http://127.0.0.1:{port}"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("GET", "/v1/models")
    conn.getresponse().read()
    sock = conn.sock  # now idle, its handler thread waiting for the next request
    assert sock is not None
    stub.stop()
    assert sock.recv(1) == b"", "the idle connection was closed by stop()"
    conn.close()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    with pytest.raises(RuntimeError):
        _ = stub.port


def test_wait_for_requests_times_out() -> None:
    with StubServer("hello") as stub:
        with pytest.raises(TimeoutError):
            stub.wait_for_requests(1, timeout=0.2)


def test_unknown_script_name_is_rejected() -> None:
    with pytest.raises(ValueError, match="known: demo, error, hello"):
        StubServer("nope")


def test_module_cli_prints_base_url_and_serves() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "addon"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "headroom_mitm.stub", "--port", "0", "--script", "hello"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        host, port = url.removeprefix("http://").split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        conn.request("POST", "/v1/chat/completions", body=json.dumps(openai_request([{"role": "user", "content": "x"}])))
        assert openai_collect(conn.getresponse().read())["text"] == HELLO_TEXT
        conn.close()
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0
