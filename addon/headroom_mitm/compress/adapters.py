"""Format adapters: find tool-output string values in a parsed request body.

Each adapter returns ToolBlocks (JSON path, text, producing tool name, error flag). Only these
paths are ever rewritten; everything else in the body is a protected zone by construction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .jsonsplice import JsonPath
from ..facts import ApiFormat
from ..facts import RETRIEVE_TOOL

@dataclass(frozen=True)
class ToolBlock:
    path: JsonPath
    text: str
    tool: str  # "" when the producing call cannot be found in the body
    is_error: bool = False


def detect_format(body: Any) -> ApiFormat | None:
    if not isinstance(body, dict):
        return None
    if isinstance(body.get("contents"), list):
        return ApiFormat.GEMINI
    messages = body.get("messages")
    if isinstance(messages, list):
        for m in messages:
            if not isinstance(m, dict):
                continue
            if m.get("role") in ("tool", "function") or "tool_calls" in m:
                return ApiFormat.OPENAI_CHAT
            content = m.get("content")
            if isinstance(content, list):
                for b in content:
                    if isinstance(b, dict) and b.get("type") in ("tool_result", "tool_use"):
                        return ApiFormat.ANTHROPIC_MESSAGES
        if "anthropic_version" in body or isinstance(body.get("system"), (list, str)):
            return ApiFormat.ANTHROPIC_MESSAGES
        return ApiFormat.OPENAI_CHAT
    if "input" in body:
        return ApiFormat.OPENAI_RESPONSES
    return None


def _str(x: object) -> str:
    return x if isinstance(x, str) else ""


def _is_text_part(part: object, types: tuple[str, ...] | frozenset[str]) -> bool:
    return isinstance(part, dict) and part.get("type") in types and isinstance(part.get("text"), str)


def openai_chat_blocks(body: dict[str, Any]) -> list[ToolBlock]:
    messages = body.get("messages")
    if not isinstance(messages, list):
        return []
    names: dict[str, str] = {}
    for m in messages:
        if isinstance(m, dict) and isinstance(m.get("tool_calls"), list):
            for tc in m["tool_calls"]:
                if isinstance(tc, dict) and isinstance(tc.get("id"), str):
                    fn = tc.get("function")
                    names[tc["id"]] = _str(fn.get("name")) if isinstance(fn, dict) else ""
    out: list[ToolBlock] = []
    for i, m in enumerate(messages):
        if not isinstance(m, dict) or m.get("role") not in ("tool", "function"):
            continue
        call_id = m.get("tool_call_id")
        tool = names.get(call_id, "") if isinstance(call_id, str) else ""
        tool = tool or _str(m.get("name"))
        content = m.get("content")
        if isinstance(content, str):
            out.append(ToolBlock(("messages", i, "content"), content, tool))
        elif isinstance(content, list):
            for j, part in enumerate(content):
                if _is_text_part(part, ("text",)):
                    out.append(ToolBlock(("messages", i, "content", j, "text"), part["text"], tool))
    return out


_RESPONSES_CALLS = {"function_call": "function_call_output", "custom_tool_call": "custom_tool_call_output"}
_RESPONSES_OUTPUTS = frozenset(_RESPONSES_CALLS.values())
_TEXT_PART_TYPES = frozenset({"input_text", "output_text", "text"})


def openai_responses_blocks(body: dict[str, Any], known_calls: Mapping[str, str] | None = None) -> list[ToolBlock]:
    """`known_calls`: call id → tool name of calls made in earlier responses, for input that continues
    one (`previous_response_id`, the WebSocket transport) and so lacks the calls its outputs answer."""
    items = body.get("input")
    if not isinstance(items, list):
        return []
    names: dict[str, str] = dict(known_calls or {})
    for it in items:
        if isinstance(it, dict) and it.get("type") in _RESPONSES_CALLS and isinstance(it.get("call_id"), str):
            names[it["call_id"]] = _str(it.get("name"))
    out: list[ToolBlock] = []
    for i, it in enumerate(items):
        if not isinstance(it, dict) or it.get("type") not in _RESPONSES_OUTPUTS:
            continue
        call_id = it.get("call_id")
        tool = names.get(call_id, "") if isinstance(call_id, str) else ""
        output = it.get("output")
        if isinstance(output, str):
            out.append(ToolBlock(("input", i, "output"), output, tool))
        elif isinstance(output, list):
            for j, part in enumerate(output):
                if _is_text_part(part, _TEXT_PART_TYPES):
                    out.append(ToolBlock(("input", i, "output", j, "text"), part["text"], tool))
    return out


def anthropic_blocks(body: dict[str, Any]) -> list[ToolBlock]:
    messages = body.get("messages")
    if not isinstance(messages, list):
        return []
    names: dict[str, str] = {}
    for m in messages:
        content = m.get("content") if isinstance(m, dict) else None
        if isinstance(content, list):
            for b in content:
                if (
                    isinstance(b, dict)
                    and b.get("type") in ("tool_use", "server_tool_use")
                    and isinstance(b.get("id"), str)
                ):
                    names[b["id"]] = _str(b.get("name"))
    out: list[ToolBlock] = []
    for i, m in enumerate(messages):
        content = m.get("content") if isinstance(m, dict) else None
        if not isinstance(content, list):
            continue
        for j, b in enumerate(content):
            if not isinstance(b, dict) or b.get("type") != "tool_result":
                continue
            use_id = b.get("tool_use_id")
            tool = names.get(use_id, "") if isinstance(use_id, str) else ""
            is_error = b.get("is_error") is True
            inner = b.get("content")
            if isinstance(inner, str):
                out.append(ToolBlock(("messages", i, "content", j, "content"), inner, tool, is_error))
            elif isinstance(inner, list):
                for k, part in enumerate(inner):
                    if _is_text_part(part, ("text",)):
                        path = ("messages", i, "content", j, "content", k, "text")
                        out.append(ToolBlock(path, part["text"], tool, is_error))
    return out


def _string_leaves(value: object, path: JsonPath, depth: int) -> list[tuple[JsonPath, str]]:
    if isinstance(value, str):
        return [(path, value)]
    if depth <= 0:
        return []
    found: list[tuple[JsonPath, str]] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if k != "name":  # identifiers, not output
                found.extend(_string_leaves(v, path + (k,), depth - 1))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found.extend(_string_leaves(v, path + (i,), depth - 1))
    return found


def gemini_blocks(body: dict[str, Any]) -> list[ToolBlock]:
    contents = body.get("contents")
    if not isinstance(contents, list):
        return []
    out: list[ToolBlock] = []
    for i, c in enumerate(contents):
        parts = c.get("parts") if isinstance(c, dict) else None
        if not isinstance(parts, list):
            continue
        for j, part in enumerate(parts):
            if not isinstance(part, dict):
                continue
            key = "functionResponse" if "functionResponse" in part else "function_response"
            fr = part.get(key)
            if not isinstance(fr, dict) or not isinstance(fr.get("response"), dict):
                continue
            response = fr["response"]
            tool = _str(fr.get("name"))
            is_error = "error" in response
            base: JsonPath = ("contents", i, "parts", j, key, "response")
            for path, text in _string_leaves(response, base, 4):
                out.append(ToolBlock(path, text, tool, is_error))
    return out


ADAPTERS: dict[ApiFormat, Callable[[dict[str, Any]], list[ToolBlock]]] = {
    ApiFormat.OPENAI_CHAT: openai_chat_blocks,
    ApiFormat.OPENAI_RESPONSES: openai_responses_blocks,
    ApiFormat.ANTHROPIC_MESSAGES: anthropic_blocks,
    ApiFormat.GEMINI: gemini_blocks,
}


def find_blocks(body: Any, api_format: ApiFormat, known_calls: Mapping[str, str] | None = None) -> list[ToolBlock]:
    if not isinstance(body, dict):
        return []
    if api_format is ApiFormat.OPENAI_RESPONSES:
        return openai_responses_blocks(body, known_calls)
    return ADAPTERS[api_format](body)


def _tool_names(body: dict[str, Any], api_format: ApiFormat) -> list[str]:
    names: list[str] = []
    tools = body.get("tools")
    if not isinstance(tools, list):
        tools = []
    for t in tools:
        if not isinstance(t, dict):
            continue
        if api_format is ApiFormat.GEMINI:
            for key in ("functionDeclarations", "function_declarations"):
                decls = t.get(key)
                if isinstance(decls, list):
                    names += [_str(d.get("name")) for d in decls if isinstance(d, dict)]
        elif isinstance(t.get("function"), dict):  # OpenAI chat
            names.append(_str(t["function"].get("name")))
        elif t.get("type") == "namespace" and isinstance(t.get("tools"), list):
            # Responses namespaces (Codex puts each MCP server's tools in one): the model calls the inner names
            names += [_str(inner.get("name")) for inner in t["tools"] if isinstance(inner, dict)]
        else:  # Anthropic, OpenAI Responses
            names.append(_str(t.get("name")))
    if api_format is ApiFormat.OPENAI_CHAT and isinstance(body.get("functions"), list):
        names += [_str(f.get("name")) for f in body["functions"] if isinstance(f, dict)]
    return names


def retrieve_tool_name(body: Any, api_format: ApiFormat) -> str | None:
    """The request's own name for the retrieve tool (OpenCode: `headroom_headroom_retrieve`,
    Claude Code: `mcp__headroom__headroom_retrieve`), or None when its tool list has none."""
    if not isinstance(body, dict):
        return None
    for name in _tool_names(body, api_format):
        if name.endswith(RETRIEVE_TOOL):
            return name
    return None
