"""Renders a Reply in each provider's wire format: SSE events, whole JSON bodies, errors, usage.

Usage is a pure function of the request bytes and the reply, so a test can predict exactly what
the stub reported, and a proxy that shrinks a request sees the stub report fewer input tokens.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import asdict, dataclass
from typing import Any, Mapping

from headroom_mitm.stub.cache import PromptCache, count_tokens
from headroom_mitm.stub.conversation import Api, Conversation
from headroom_mitm.stub.script import Reply

CREATED = 1_700_000_000  # fixed timestamp: responses stay deterministic


@dataclass(frozen=True)
class Usage:
    """Token counts the stub reported for one response.

    prompt_tokens is the whole prompt including cached parts (OpenAI's `prompt_tokens`);
    input_tokens is the wire field as sent (OpenAI: = prompt_tokens; Anthropic: the uncached part).
    """

    api: Api
    prompt_tokens: int
    input_tokens: int
    output_tokens: int
    cache_read_tokens: int
    cache_write_tokens: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _tokens(size: int) -> int:
    return math.ceil(size / 4)


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def _stable_prefix_chars(conversation: Conversation) -> int:
    """Size of the part a provider would cache: system prompt plus tool definitions."""
    body = conversation.raw
    if conversation.api == "responses":
        system = body.get("instructions") or []
    elif conversation.api == "gemini":
        system = body.get("systemInstruction") or []
    elif conversation.api == "openai":
        system = [m for m in body.get("messages") or [] if isinstance(m, Mapping) and m.get("role") in ("system", "developer")]
    else:
        system = body.get("system") or []
    tools = body.get("tools") or []
    return (len(_compact(system)) if system else 0) + (len(_compact(tools)) if tools else 0)


def _reply_chars(reply: Reply) -> str:
    text = reply.text
    if reply.tool_call is not None:
        text += reply.tool_call.name + _compact(reply.tool_call.arguments)
    return text


def emulated_usage(conversation: Conversation, reply: Reply, cache: PromptCache) -> Usage:
    """Usage with the provider's prompt cache emulated (see stub/cache.py); updates `cache`."""
    got = cache.usage(conversation.api, conversation.raw)
    output = max(1, count_tokens(_reply_chars(reply)))
    wire_input = got.prompt_tokens if conversation.api == "openai" else got.uncached_tokens
    return Usage(conversation.api, got.prompt_tokens, wire_input, output, got.cache_read_tokens, got.cache_write_tokens)


def compute_usage(conversation: Conversation, body: bytes, reply: Reply, cache: PromptCache | None = None) -> Usage:
    """Deterministic usage. With a PromptCache, the provider's caching is emulated; without one
    (the default), a fixed heuristic: prompt = bytes/4, the system prompt and tools count as a
    cache read on follow-up requests."""
    if cache is not None:
        return emulated_usage(conversation, reply, cache)
    prompt = _tokens(len(body))
    prefix = min(prompt, _tokens(_stable_prefix_chars(conversation)))
    # A request that already holds an assistant turn repeats its prefix: count that as a cache
    # read; a first request writes it (only Anthropic reports writes).
    follow_up = any(m.role == "assistant" for m in conversation.messages)
    cache_read = prefix if follow_up else 0
    cache_write = 0 if follow_up or conversation.api != "anthropic" else prefix
    out_chars = len(reply.text)
    if reply.tool_call is not None:
        out_chars += len(reply.tool_call.name) + len(_compact(reply.tool_call.arguments))
    output = max(1, _tokens(out_chars))
    # Only Anthropic's input_tokens leaves the cached part out.
    wire_input = prompt if conversation.api != "anthropic" else prompt - cache_read - cache_write
    return Usage(conversation.api, prompt, wire_input, output, cache_read, cache_write)


def response_id(prefix: str, body: bytes) -> str:
    return f"{prefix}{hashlib.sha256(body).hexdigest()[:24]}"


def tool_call_id(api: Api, step_index: int | None) -> str:
    # Unique within a session: each step index is used by exactly one call.
    return f"{'call' if api == 'openai' else 'toolu'}_stub_{step_index if step_index is not None else 0:03d}"


def text_pieces(text: str) -> list[str]:
    """Splits text into a few word groups so it streams as several deltas."""
    words = re.findall(r"\S+\s*|\s+", text)
    return ["".join(words[i : i + 3]) for i in range(0, len(words), 3)] or []


def json_pieces(encoded: str, parts: int = 3) -> list[str]:
    size = max(1, math.ceil(len(encoded) / parts))
    return [encoded[i : i + size] for i in range(0, len(encoded), size)] or [""]


def sse(data: Any, event: str | None = None) -> bytes:
    head = f"event: {event}\n" if event else ""
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return f"{head}data: {payload}\n\n".encode()


# --- OpenAI chat completions ---------------------------------------------------------------


def _openai_usage(usage: Usage) -> dict[str, Any]:
    return {
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.output_tokens,
        "total_tokens": usage.prompt_tokens + usage.output_tokens,
        "prompt_tokens_details": {"cached_tokens": usage.cache_read_tokens},
    }


def openai_stream(conversation: Conversation, reply: Reply, usage: Usage, body: bytes) -> list[bytes]:
    cid = response_id("chatcmpl-stub-", body)

    def chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
        choice = {"index": 0, "delta": delta, "finish_reason": finish}
        return sse({"id": cid, "object": "chat.completion.chunk", "created": CREATED, "model": conversation.model, "choices": [choice]})

    events = [chunk({"role": "assistant", "content": ""})]
    events += [chunk({"content": piece}) for piece in text_pieces(reply.text)]
    finish = "stop"
    if reply.tool_call is not None:
        finish = "tool_calls"
        call = reply.tool_call
        start = {"index": 0, "id": tool_call_id("openai", reply.step_index), "type": "function", "function": {"name": call.name, "arguments": ""}}
        events.append(chunk({"tool_calls": [start]}))
        for piece in json_pieces(_compact(call.arguments)):
            events.append(chunk({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]}))
    events.append(chunk({}, finish))
    if conversation.include_usage:
        events.append(
            sse({"id": cid, "object": "chat.completion.chunk", "created": CREATED, "model": conversation.model, "choices": [], "usage": _openai_usage(usage)})
        )
    events.append(sse("[DONE]"))
    return events


def openai_json(conversation: Conversation, reply: Reply, usage: Usage, body: bytes) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": reply.text or None}
    finish = "stop"
    if reply.tool_call is not None:
        finish = "tool_calls"
        message["tool_calls"] = [
            {
                "id": tool_call_id("openai", reply.step_index),
                "type": "function",
                "function": {"name": reply.tool_call.name, "arguments": _compact(reply.tool_call.arguments)},
            }
        ]
    return {
        "id": response_id("chatcmpl-stub-", body),
        "object": "chat.completion",
        "created": CREATED,
        "model": conversation.model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": _openai_usage(usage),
    }


# --- Anthropic Messages --------------------------------------------------------------------


def _anthropic_start_usage(usage: Usage) -> dict[str, int]:
    # Like the real API, message_start carries a provisional output count; message_delta's is final.
    return {
        "input_tokens": usage.input_tokens,
        "cache_creation_input_tokens": usage.cache_write_tokens,
        "cache_read_input_tokens": usage.cache_read_tokens,
        "output_tokens": 1,
    }


def anthropic_stream(conversation: Conversation, reply: Reply, usage: Usage, body: bytes) -> list[bytes]:
    message = {
        "id": response_id("msg_stub_", body),
        "type": "message",
        "role": "assistant",
        "model": conversation.model,
        "content": [],
        "stop_reason": None,
        "stop_sequence": None,
        "usage": _anthropic_start_usage(usage),
    }
    events = [sse({"type": "message_start", "message": message}, "message_start"), sse({"type": "ping"}, "ping")]
    index = 0
    if reply.text:
        events.append(sse({"type": "content_block_start", "index": index, "content_block": {"type": "text", "text": ""}}, "content_block_start"))
        for piece in text_pieces(reply.text):
            events.append(sse({"type": "content_block_delta", "index": index, "delta": {"type": "text_delta", "text": piece}}, "content_block_delta"))
        events.append(sse({"type": "content_block_stop", "index": index}, "content_block_stop"))
        index += 1
    stop_reason = "end_turn"
    if reply.tool_call is not None:
        stop_reason = "tool_use"
        block = {"type": "tool_use", "id": tool_call_id("anthropic", reply.step_index), "name": reply.tool_call.name, "input": {}}
        events.append(sse({"type": "content_block_start", "index": index, "content_block": block}, "content_block_start"))
        for piece in json_pieces(_compact(reply.tool_call.arguments)):
            delta = {"type": "input_json_delta", "partial_json": piece}
            events.append(sse({"type": "content_block_delta", "index": index, "delta": delta}, "content_block_delta"))
        events.append(sse({"type": "content_block_stop", "index": index}, "content_block_stop"))
    final = {"type": "message_delta", "delta": {"stop_reason": stop_reason, "stop_sequence": None}, "usage": {"output_tokens": usage.output_tokens}}
    events.append(sse(final, "message_delta"))
    events.append(sse({"type": "message_stop"}, "message_stop"))
    return events


def anthropic_json(conversation: Conversation, reply: Reply, usage: Usage, body: bytes) -> dict[str, Any]:
    content: list[dict[str, Any]] = []
    if reply.text:
        content.append({"type": "text", "text": reply.text})
    if reply.tool_call is not None:
        content.append(
            {"type": "tool_use", "id": tool_call_id("anthropic", reply.step_index), "name": reply.tool_call.name, "input": dict(reply.tool_call.arguments)}
        )
    wire_usage = _anthropic_start_usage(usage) | {"output_tokens": usage.output_tokens}
    return {
        "id": response_id("msg_stub_", body),
        "type": "message",
        "role": "assistant",
        "model": conversation.model,
        "content": content,
        "stop_reason": "tool_use" if reply.tool_call is not None else "end_turn",
        "stop_sequence": None,
        "usage": wire_usage,
    }


# --- errors and model lists ----------------------------------------------------------------

_ANTHROPIC_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    529: "overloaded_error",
}


def error_body(api: Api, status: int, message: str) -> dict[str, Any]:
    if api == "anthropic":
        kind = _ANTHROPIC_ERROR_TYPES.get(status, "api_error")
        return {"type": "error", "error": {"type": kind, "message": message}}
    kind = "invalid_request_error" if status < 500 else "server_error"
    if status == 429:
        kind = "rate_limit_exceeded"
    return {"error": {"message": message, "type": kind, "param": None, "code": None}}


def models_body(api: Api) -> dict[str, Any]:
    if api == "anthropic":
        data = [{"type": "model", "id": "claude-sonnet-4-5", "display_name": "Stub Sonnet", "created_at": "2025-01-01T00:00:00Z"}]
        return {"data": data, "has_more": False, "first_id": data[0]["id"], "last_id": data[-1]["id"]}
    return {"object": "list", "data": [{"id": "stub-model", "object": "model", "created": CREATED, "owned_by": "headroom-mitm"}]}
