"""A format-neutral view of the conversation inside one request body (OpenAI chat, Anthropic Messages,
OpenAI Responses, Gemini).

The stub's script decides each reply from this view, so it must not care which wire format
OpenCode used; only what was said, which tools were called and what they returned.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal, Mapping

Api = Literal["openai", "anthropic", "responses", "gemini"]


@dataclass(frozen=True)
class ToolCall:
    """A tool call the assistant made earlier in the conversation."""

    call_id: str
    name: str
    arguments: Mapping[str, Any]


@dataclass(frozen=True)
class ToolResult:
    """A tool's output as the client sent it back (name resolved from the matching call)."""

    call_id: str
    name: str
    content: str
    is_error: bool = False


@dataclass(frozen=True)
class Message:
    role: str
    text: str = ""
    tool_calls: tuple[ToolCall, ...] = ()
    tool_results: tuple[ToolResult, ...] = ()


@dataclass(frozen=True)
class Conversation:
    api: Api
    model: str
    system: str
    tool_names: tuple[str, ...]
    messages: tuple[Message, ...]
    stream: bool
    include_usage: bool
    raw: Mapping[str, Any] = field(repr=False, default_factory=dict)

    @property
    def tool_calls(self) -> list[ToolCall]:
        return [c for m in self.messages for c in m.tool_calls]

    @property
    def tool_results(self) -> list[ToolResult]:
        return [r for m in self.messages for r in m.tool_results]

    @property
    def user_texts(self) -> list[str]:
        return [m.text for m in self.messages if m.role == "user" and m.text]

    @property
    def last_tool_output(self) -> str:
        results = self.tool_results
        return results[-1].content if results else ""

    @property
    def is_title_request(self) -> bool:
        # OpenCode's title call carries no tools and a "title generator" system prompt.
        return not self.tool_names and "title generator" in self.system.lower()


def _text_of(content: Any) -> str:
    """Joins the text of a string or a list of content parts/blocks; other parts are skipped."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, Mapping) and isinstance(part.get("text"), str):
                parts.append(part["text"])
        return "\n".join(parts)
    return ""


def _parse_arguments(raw: Any) -> Mapping[str, Any]:
    if isinstance(raw, Mapping):
        return raw
    if isinstance(raw, str):
        try:
            value = json.loads(raw or "{}")
        except json.JSONDecodeError:
            return {"_raw": raw}
        return value if isinstance(value, Mapping) else {"_value": value}
    return {}


def _openai_messages(body: Mapping[str, Any]) -> tuple[str, list[Message]]:
    system: list[str] = []
    messages: list[Message] = []
    names: dict[str, str] = {}
    for item in body.get("messages") or []:
        if not isinstance(item, Mapping):
            continue
        role = str(item.get("role", ""))
        text = _text_of(item.get("content"))
        if role in ("system", "developer"):
            system.append(text)
            continue
        if role == "tool":
            call_id = str(item.get("tool_call_id", ""))
            result = ToolResult(call_id, names.get(call_id, ""), text)
            messages.append(Message(role, tool_results=(result,)))
            continue
        calls = []
        for raw_call in item.get("tool_calls") or []:
            fn = raw_call.get("function") or {}
            call = ToolCall(str(raw_call.get("id", "")), str(fn.get("name", "")), _parse_arguments(fn.get("arguments")))
            names[call.call_id] = call.name
            calls.append(call)
        messages.append(Message(role, text, tuple(calls)))
    return "\n".join(system), messages


def _anthropic_messages(body: Mapping[str, Any]) -> tuple[str, list[Message]]:
    messages: list[Message] = []
    names: dict[str, str] = {}
    for item in body.get("messages") or []:
        if not isinstance(item, Mapping):
            continue
        role = str(item.get("role", ""))
        content = item.get("content")
        blocks = content if isinstance(content, list) else [{"type": "text", "text": _text_of(content)}]
        texts: list[str] = []
        calls: list[ToolCall] = []
        results: list[ToolResult] = []
        for block in blocks:
            if not isinstance(block, Mapping):
                continue
            kind = block.get("type")
            if kind == "text":
                texts.append(str(block.get("text", "")))
            elif kind == "tool_use":
                call = ToolCall(str(block.get("id", "")), str(block.get("name", "")), _parse_arguments(block.get("input")))
                names[call.call_id] = call.name
                calls.append(call)
            elif kind == "tool_result":
                call_id = str(block.get("tool_use_id", ""))
                results.append(
                    ToolResult(call_id, names.get(call_id, ""), _text_of(block.get("content")), bool(block.get("is_error")))
                )
        messages.append(Message(role, "\n".join(t for t in texts if t), tuple(calls), tuple(results)))
    return _text_of(body.get("system")), messages


def _responses_items(body: Mapping[str, Any]) -> tuple[str, list[Message]]:
    system = [_text_of(body.get("instructions"))] if body.get("instructions") else []
    messages: list[Message] = []
    names: dict[str, str] = {}
    items = body.get("input")
    for item in [{"role": "user", "content": items}] if isinstance(items, str) else items or []:
        if not isinstance(item, Mapping):
            continue
        kind = item.get("type", "message")
        if kind == "message":
            role = str(item.get("role", ""))
            text = _text_of(item.get("content"))
            if role in ("system", "developer"):
                system.append(text)
            else:
                messages.append(Message(role, text))
        elif kind in ("function_call", "custom_tool_call"):
            raw = item.get("arguments", item.get("input"))
            call = ToolCall(str(item.get("call_id", "")), str(item.get("name", "")), _parse_arguments(raw))
            names[call.call_id] = call.name
            messages.append(Message("assistant", tool_calls=(call,)))
        elif kind in ("function_call_output", "custom_tool_call_output"):
            call_id = str(item.get("call_id", ""))
            output = item.get("output")
            text = output if isinstance(output, str) else _text_of(output)
            messages.append(Message("tool", tool_results=(ToolResult(call_id, names.get(call_id, ""), text),)))
    return "\n".join(system), messages


def _gemini_contents(body: Mapping[str, Any]) -> tuple[str, list[Message]]:
    instruction = body.get("systemInstruction") or body.get("system_instruction") or {}
    system = _text_of(instruction.get("parts")) if isinstance(instruction, Mapping) else _text_of(instruction)
    messages: list[Message] = []
    for index, item in enumerate(body.get("contents") or []):
        if not isinstance(item, Mapping):
            continue
        texts, calls, results = [], [], []
        for n, part in enumerate(item.get("parts") or []):
            if not isinstance(part, Mapping):
                continue
            if isinstance(part.get("text"), str) and not part.get("thought"):
                texts.append(part["text"])
            elif isinstance(part.get("functionCall"), Mapping):
                fc = part["functionCall"]
                calls.append(ToolCall(str(fc.get("id") or f"{index}.{n}"), str(fc.get("name", "")), _parse_arguments(fc.get("args"))))
            elif isinstance(part.get("functionResponse"), Mapping):
                fr = part["functionResponse"]
                response = fr.get("response")
                if isinstance(response, Mapping) and isinstance(response.get("output"), str):
                    text = response["output"]
                else:
                    text = json.dumps(response, ensure_ascii=False)
                results.append(ToolResult(str(fr.get("id") or f"{index}.{n}"), str(fr.get("name", "")), text))
        role = "assistant" if item.get("role") == "model" else str(item.get("role", "user"))
        messages.append(Message(role, "\n".join(texts), tuple(calls), tuple(results)))
    return system, messages


def _tool_names(api: Api, body: Mapping[str, Any]) -> tuple[str, ...]:
    tools = [t for t in body.get("tools") or [] if isinstance(t, Mapping)]
    if api == "openai":
        return tuple(str((t.get("function") or {}).get("name", "")) for t in tools)
    if api == "gemini":
        return tuple(str(d.get("name", "")) for t in tools for d in t.get("functionDeclarations") or t.get("function_declarations") or []
                     if isinstance(d, Mapping))
    return tuple(str(t.get("name", "")) for t in tools)


def parse_conversation(api: Api, body: Mapping[str, Any], *, stream: bool | None = None) -> Conversation:
    """`stream`: for Gemini the path says it (`:streamGenerateContent`), not the body."""
    if api in ("responses", "gemini"):
        system, messages = (_responses_items if api == "responses" else _gemini_contents)(body)
        return Conversation(api=api, model=str(body.get("model", "")), system=system, tool_names=_tool_names(api, body),
                            messages=tuple(messages), stream=bool(body.get("stream")) if stream is None else stream,
                            include_usage=True, raw=body)
    if api == "openai":
        system, messages = _openai_messages(body)
        tool_names = tuple(
            str((t.get("function") or {}).get("name", "")) for t in body.get("tools") or [] if isinstance(t, Mapping)
        )
        include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
    else:
        system, messages = _anthropic_messages(body)
        tool_names = tuple(str(t.get("name", "")) for t in body.get("tools") or [] if isinstance(t, Mapping))
        include_usage = True  # Anthropic always reports usage
    return Conversation(
        api=api,
        model=str(body.get("model", "")),
        system=system,
        tool_names=tool_names,
        messages=tuple(messages),
        stream=bool(body.get("stream")),
        include_usage=include_usage,
        raw=body,
    )
