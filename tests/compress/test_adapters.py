"""Format adapters: where the tool outputs are and which tool produced them."""

from __future__ import annotations

import pytest

from headroom_mitm.compress.adapters import ToolBlock, detect_format, find_blocks
from headroom_mitm.facts import ApiFormat, parse_api_format


def test_openai_chat_string_and_parts() -> None:
    body = {
        "model": "m",
        "messages": [
            {"role": "system", "content": "sys"},
            {"role": "user", "content": "hi"},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": "c1", "type": "function", "function": {"name": "bash", "arguments": "{}"}},
                    {"id": "c2", "type": "function", "function": {"name": "read", "arguments": "{}"}},
                ],
            },
            {"role": "tool", "tool_call_id": "c1", "content": "out1"},
            {"role": "tool", "tool_call_id": "c2", "content": [{"type": "text", "text": "out2"}, {"type": "image_url"}]},
            {"role": "tool", "tool_call_id": "zz", "content": "orphan"},
        ],
    }
    assert detect_format(body) == "openai-chat"
    assert find_blocks(body, "openai-chat") == [
        ToolBlock(("messages", 3, "content"), "out1", "bash"),
        ToolBlock(("messages", 4, "content", 0, "text"), "out2", "read"),
        ToolBlock(("messages", 5, "content"), "orphan", ""),
    ]


def test_openai_responses_function_call_output() -> None:
    body = {
        "model": "m",
        "input": [
            {"role": "user", "content": [{"type": "input_text", "text": "hi"}]},
            {"type": "reasoning", "encrypted_content": "xxx"},
            {"type": "function_call", "call_id": "k1", "name": "grep", "arguments": "{}"},
            {"type": "function_call_output", "call_id": "k1", "output": "a:1:b"},
            {"type": "function_call", "call_id": "k2", "name": "bash", "arguments": "{}"},
            {"type": "function_call_output", "call_id": "k2", "output": [{"type": "input_text", "text": "x"}, {"type": "input_image"}]},
        ],
    }
    assert detect_format(body) == "openai-responses"
    assert find_blocks(body, "openai-responses") == [
        ToolBlock(("input", 3, "output"), "a:1:b", "grep"),
        ToolBlock(("input", 5, "output", 0, "text"), "x", "bash"),
    ]


def test_anthropic_tool_result_string_blocks_and_error_flag() -> None:
    body = {
        "model": "claude",
        "system": [{"type": "text", "text": "sys"}],
        "messages": [
            {"role": "user", "content": "hi"},
            {
                "role": "assistant",
                "content": [
                    {"type": "thinking", "thinking": "hmm", "signature": "s"},
                    {"type": "tool_use", "id": "t1", "name": "bash", "input": {}},
                    {"type": "tool_use", "id": "t2", "name": "webfetch", "input": {}},
                ],
            },
            {
                "role": "user",
                "content": [
                    {"type": "tool_result", "tool_use_id": "t1", "content": "plain", "is_error": True},
                    {
                        "type": "tool_result",
                        "tool_use_id": "t2",
                        "content": [{"type": "text", "text": "page"}, {"type": "image", "source": {}}],
                    },
                    {"type": "text", "text": "user words", "cache_control": {"type": "ephemeral"}},
                ],
            },
        ],
    }
    assert detect_format(body) == "anthropic-messages"
    assert find_blocks(body, "anthropic-messages") == [
        ToolBlock(("messages", 2, "content", 0, "content"), "plain", "bash", True),
        ToolBlock(("messages", 2, "content", 1, "content", 0, "text"), "page", "webfetch", False),
    ]


def test_gemini_function_response() -> None:
    body = {
        "contents": [
            {"role": "user", "parts": [{"text": "hi"}]},
            {"role": "model", "parts": [{"functionCall": {"name": "bash", "args": {}}}]},
            {
                "role": "user",
                "parts": [
                    {"functionResponse": {"name": "bash", "response": {"name": "bash", "content": "out", "meta": {"n": 1}}}},
                    {"function_response": {"name": "grep", "response": {"error": "bad"}}},
                ],
            },
        ],
        "systemInstruction": {"parts": [{"text": "sys"}]},
    }
    assert detect_format(body) == "gemini"
    assert find_blocks(body, "gemini") == [
        ToolBlock(("contents", 2, "parts", 0, "functionResponse", "response", "content"), "out", "bash"),
        ToolBlock(("contents", 2, "parts", 1, "function_response", "response", "error"), "bad", "grep", True),
    ]


def test_unknown_shapes_and_format_names() -> None:
    assert detect_format([1, 2]) is None
    assert detect_format({"prompt": "x"}) is None
    assert find_blocks({"messages": "nope"}, "openai-chat") == []
    assert find_blocks({"messages": [None, 3, {"role": "tool", "content": 5}]}, "openai-chat") == []
    assert parse_api_format("anthropic") == "anthropic-messages"
    assert parse_api_format("OpenAI-Responses") == "openai-responses"
    with pytest.raises(ValueError):
        parse_api_format("bogus")


def test_the_retrieve_tool_inside_a_responses_namespace_counts():
    from headroom_mitm.compress.adapters import retrieve_tool_name

    body = {"tools": [{"type": "function", "name": "exec_command"},
                      {"type": "namespace", "name": "mcp__headroom", "tools": [{"type": "function", "name": "headroom_retrieve"}]}]}
    assert retrieve_tool_name(body, ApiFormat.OPENAI_RESPONSES) == "headroom_retrieve"
    assert retrieve_tool_name({"tools": body["tools"][:1]}, ApiFormat.OPENAI_RESPONSES) is None
