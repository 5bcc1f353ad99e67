"""Replies in the OpenAI Responses API (SSE events, also the frames of its WebSocket transport) and in
Gemini's generateContent / streamGenerateContent shapes."""

from __future__ import annotations

from typing import Any

from headroom_mitm.stub.conversation import Conversation
from headroom_mitm.stub.script import Reply
from headroom_mitm.stub.wire import CREATED, Usage, _compact, response_id, sse, text_pieces, tool_call_id

# --- OpenAI Responses ----------------------------------------------------------------------


def _responses_usage(usage: Usage) -> dict[str, Any]:
    return {
        "input_tokens": usage.prompt_tokens,
        "input_tokens_details": {"cached_tokens": usage.cache_read_tokens},
        "output_tokens": usage.output_tokens,
        "output_tokens_details": {"reasoning_tokens": 0},
        "total_tokens": usage.prompt_tokens + usage.output_tokens,
    }


def _namespace_of(conversation: Conversation, name: str) -> str | None:
    """The namespace tool (Codex: one per MCP server) whose inner tools include `name`."""
    for tool in conversation.raw.get("tools") or []:
        if isinstance(tool, dict) and tool.get("type") == "namespace":
            if any(isinstance(t, dict) and t.get("name") == name for t in tool.get("tools") or []):
                return str(tool.get("name"))
    return None


def responses_events(conversation: Conversation, reply: Reply, usage: Usage, body: bytes) -> list[dict[str, Any]]:
    """The event objects of one response, in order: SSE data lines or WebSocket text frames."""
    rid = response_id("resp_stub_", body)
    base = {"id": rid, "object": "response", "created_at": CREATED, "model": conversation.model}
    events: list[dict[str, Any]] = [{"type": "response.created", "response": base | {"status": "in_progress", "output": []}}]
    output: list[dict[str, Any]] = []
    if reply.text:
        item_id = f"msg_{rid[10:]}"
        index = len(output)
        events.append({"type": "response.output_item.added", "output_index": index,
                       "item": {"type": "message", "id": item_id, "role": "assistant", "status": "in_progress", "content": []}})
        for piece in text_pieces(reply.text):
            events.append({"type": "response.output_text.delta", "item_id": item_id, "output_index": index,
                           "content_index": 0, "delta": piece})
        item = {"type": "message", "id": item_id, "role": "assistant", "status": "completed",
                "content": [{"type": "output_text", "text": reply.text, "annotations": []}]}
        events.append({"type": "response.output_item.done", "output_index": index, "item": item})
        output.append(item)
    if reply.tool_call is not None:
        call_id = tool_call_id("openai", reply.step_index)
        item = {"type": "function_call", "id": f"fc_{call_id}", "call_id": call_id, "name": reply.tool_call.name,
                "arguments": _compact(reply.tool_call.arguments), "status": "completed"}
        namespace = _namespace_of(conversation, reply.tool_call.name)
        if namespace:
            item["namespace"] = namespace
        events.append({"type": "response.output_item.added", "output_index": len(output), "item": item | {"arguments": ""}})
        events.append({"type": "response.output_item.done", "output_index": len(output), "item": item})
        output.append(item)
    events.append({"type": "response.completed",
                   "response": base | {"status": "completed", "output": output, "usage": _responses_usage(usage)}})
    return events


def responses_stream(conversation: Conversation, reply: Reply, usage: Usage, body: bytes) -> list[bytes]:
    return [sse(event, event["type"]) for event in responses_events(conversation, reply, usage, body)]


def responses_json(conversation: Conversation, reply: Reply, usage: Usage, body: bytes) -> dict[str, Any]:
    return responses_events(conversation, reply, usage, body)[-1]["response"]


# --- Gemini --------------------------------------------------------------------------------


def _gemini_usage(usage: Usage) -> dict[str, Any]:
    return {"promptTokenCount": usage.prompt_tokens, "candidatesTokenCount": usage.output_tokens,
            "cachedContentTokenCount": usage.cache_read_tokens, "totalTokenCount": usage.prompt_tokens + usage.output_tokens}


def _gemini_chunk(conversation: Conversation, parts: list[dict[str, Any]], finish: str | None, usage: Usage | None,
                  rid: str) -> dict[str, Any]:
    candidate: dict[str, Any] = {"content": {"role": "model", "parts": parts}, "index": 0}
    if finish:
        candidate["finishReason"] = finish
    chunk: dict[str, Any] = {"candidates": [candidate], "modelVersion": conversation.model or "gemini-stub", "responseId": rid}
    if usage is not None:
        chunk["usageMetadata"] = _gemini_usage(usage)
    return chunk


def gemini_chunks(conversation: Conversation, reply: Reply, usage: Usage, body: bytes) -> list[dict[str, Any]]:
    rid = response_id("gem_stub_", body)
    chunks = [_gemini_chunk(conversation, [{"text": piece}], None, None, rid) for piece in text_pieces(reply.text)]
    final: list[dict[str, Any]] = []
    if reply.tool_call is not None:
        final.append({"functionCall": {"id": tool_call_id("openai", reply.step_index), "name": reply.tool_call.name,
                                       "args": dict(reply.tool_call.arguments)}})
    chunks.append(_gemini_chunk(conversation, final or [{"text": ""}], "STOP", usage, rid))
    return chunks


def gemini_stream(conversation: Conversation, reply: Reply, usage: Usage, body: bytes) -> list[bytes]:
    return [sse(chunk) for chunk in gemini_chunks(conversation, reply, usage, body)]


def gemini_json(conversation: Conversation, reply: Reply, usage: Usage, body: bytes) -> dict[str, Any]:
    chunks = gemini_chunks(conversation, reply, usage, body)
    parts = [p for c in chunks for p in c["candidates"][0]["content"]["parts"] if p.get("text") or "functionCall" in p]
    whole = chunks[-1]
    whole["candidates"][0]["content"]["parts"] = parts or [{"text": ""}]
    return whole
