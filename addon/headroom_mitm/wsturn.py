"""LLM traffic over WebSocket (the Responses API's WebSocket transport, Codex's default).

One client `response.create` message and the server events that answer it are one *turn*: what the
stages treat as one request (compressed like a Responses body, metered from `response.completed`, one
flow record and one audit record). Frames are relayed as they come: a hook may rewrite a client
message in place, nothing is held back. Plain data and parsing only; the hooks live in each stage.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from mitmproxy import http

from .facts import ApiFormat, FlowClass
from .flowdata import Compression, route_of

WS_TURN = "headroom.ws.turn"  # flowdata.live(flow) key: the turn in progress on this WebSocket
WS_CALLS = "headroom.ws.calls"  # flowdata.live(flow) key: call id → tool name of the calls answered so far
MAX_KNOWN_CALLS = 512  # per connection; older calls are forgotten (their outputs were sent long ago)
API_FORMAT = ApiFormat.OPENAI_RESPONSES
# Events that end a response (`error` ends the turn it answers, too).
FINAL_EVENTS = ("response.completed", "response.failed", "response.incomplete", "error")
_TYPE_SCAN = 256  # event types come first in the frames the API sends: no need to parse every delta


@dataclass
class WsTurn:
    """One response.create and its answer, as the stages see them (plain data)."""

    started: float
    request: dict[str, Any] | None  # the parsed message (handed to compress once, then dropped)
    model: str | None
    bytes_before: int
    est_before: int = 0
    bytes_after: int | None = None
    est_after: int | None = None
    compression: Compression | None = None
    first_event: float | None = None
    down: int = 0
    final: dict[str, Any] | None = None
    ended: float | None = None
    error: str | None = None
    audited: bool = False


def is_llm_websocket(flow: http.HTTPFlow) -> bool:
    route = route_of(flow)
    return (flow.websocket is not None and route is not None and route.kind is FlowClass.LLM
            and flow.request.path.split("?", 1)[0].rstrip("/").endswith("/responses"))


def parse_create(content: bytes) -> dict[str, Any] | None:
    """The message when it is a `response.create`, else None (never raises)."""
    if not content.lstrip()[:1] == b"{":
        return None
    try:
        message = json.loads(content)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return message if isinstance(message, dict) and message.get("type") == "response.create" else None


def final_event(content: bytes) -> dict[str, Any] | None:
    """The event when it ends a response, else None; deltas are recognised without a full parse."""
    head = content[:_TYPE_SCAN]
    if not any(f'"{name}"'.encode() in head for name in FINAL_EVENTS):
        return None
    try:
        event = json.loads(content)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return event if isinstance(event, dict) and event.get("type") in FINAL_EVENTS else None


def turn_error(event: dict[str, Any]) -> str | None:
    """The error a final event reports (None for a completed response)."""
    kind = event.get("type")
    if kind == "response.completed":
        return None
    response = event.get("response") if isinstance(event.get("response"), dict) else {}
    error = event.get("error") or response.get("error") or {}
    message = error.get("message") if isinstance(error, dict) else str(error)
    return f"{kind}: {message}" if message else str(kind)


def response_body(event: dict[str, Any]) -> bytes:
    """The response object of a final event, as a Responses body (what the usage parser reads)."""
    response = event.get("response")
    return json.dumps(response).encode() if isinstance(response, dict) else b"{}"


def remember_calls(known: dict[str, str], event: dict[str, Any]) -> None:
    """Add the tool calls a final event's response made: later turns send only their outputs."""
    response = event.get("response")
    for item in (response.get("output") if isinstance(response, dict) else None) or []:
        if isinstance(item, dict) and item.get("type") in ("function_call", "custom_tool_call"):
            call_id, name = item.get("call_id"), item.get("name")
            if isinstance(call_id, str) and isinstance(name, str):
                known[call_id] = name
    while len(known) > MAX_KNOWN_CALLS:
        del known[next(iter(known))]


def error_event(status: int, message: str) -> bytes:
    """An `error` event as the Responses WebSocket sends one, for a turn the proxy refuses itself."""
    return json.dumps({"type": "error", "status": status,
                       "error": {"type": "invalid_request_error", "code": "blocked_by_proxy", "message": message}}).encode()
