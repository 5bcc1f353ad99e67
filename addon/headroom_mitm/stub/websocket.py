"""The Responses API over WebSocket (Codex's default transport), on the stub's HTTP server.

After the 101, each client text frame `{"type": "response.create", …Responses body…}` is answered with
the same events the SSE transport carries, one text frame each. A message may continue an earlier
response of the same connection (`previous_response_id`) and carry only the new input items; the
stub then rebuilds the whole conversation from what it saw, as the real service does.
"""

from __future__ import annotations

import json
import socket
from typing import TYPE_CHECKING, Any, Callable

from wsproto.connection import Connection, ConnectionType
from wsproto.events import CloseConnection, Message, Ping, TextMessage
from wsproto.utilities import generate_accept_token

if TYPE_CHECKING:
    from http.server import BaseHTTPRequestHandler

MAX_MESSAGE = 64 << 20  # bounds what one client message may buffer

# (the whole Responses body, the raw message) → the events of the reply, as dicts
Answer = Callable[[dict[str, Any], bytes], list[dict[str, Any]]]


def serve_responses_websocket(handler: BaseHTTPRequestHandler, answer: Answer) -> None:
    """Complete the upgrade (no extensions: frames stay plain) and answer until the client closes."""
    handler.send_response(101, "Switching Protocols")
    handler.send_header("Upgrade", "websocket")
    handler.send_header("Connection", "Upgrade")
    handler.send_header("Sec-WebSocket-Accept", generate_accept_token(handler.headers.get("Sec-WebSocket-Key", "").encode()).decode())
    handler.end_headers()
    handler.wfile.flush()
    handler.close_connection = True
    ws = Connection(ConnectionType.SERVER)
    sock: socket.socket = handler.connection
    history: dict[str, list[Any]] = {}  # response id → the whole input and output so far
    parts: list[str] = []
    while True:
        try:
            data = sock.recv(65536)
        except OSError:
            return
        ws.receive_data(data or None)
        for event in ws.events():
            if isinstance(event, CloseConnection):
                try:
                    sock.sendall(ws.send(event.response()))
                except OSError:
                    pass
                return
            if isinstance(event, Ping):
                sock.sendall(ws.send(event.response()))
            elif isinstance(event, TextMessage):
                parts.append(event.data)
                if sum(map(len, parts)) > MAX_MESSAGE:
                    return
                if event.message_finished:
                    text, parts = "".join(parts), []
                    for reply in _answer(text, history, answer):
                        sock.sendall(ws.send(Message(data=json.dumps(reply))))
        if not data:
            return


def _answer(text: str, history: dict[str, list[Any]], answer: Answer) -> list[dict[str, Any]]:
    try:
        message = json.loads(text)
    except ValueError:
        return [{"type": "error", "error": {"type": "invalid_request_error", "message": "not JSON"}}]
    if not isinstance(message, dict) or message.get("type") != "response.create":
        return []  # e.g. a warm-up or keep-alive we do not model
    body = {k: v for k, v in message.items() if k != "type"}
    earlier = history.get(str(body.get("previous_response_id") or ""), [])
    body["input"] = [*earlier, *(body.get("input") or [])]
    events = answer(body, text.encode())
    done = events[-1].get("response") or {}
    if done.get("id"):
        history[done["id"]] = [*body["input"], *done.get("output", [])]
    return events
