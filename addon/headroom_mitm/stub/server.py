"""The stub's HTTP/1.1 server: records every request and answers it from the script.

Streams are sent with chunked transfer encoding, one chunk per SSE event, written straight to
the socket, so a proxy in between sees a real stream rather than one buffered body.
"""

from __future__ import annotations

import gzip
import json
import socket
import threading
import time
import zlib
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Mapping

from headroom_mitm.stub.cache import PromptCache
from headroom_mitm.stub.conversation import Api, parse_conversation
from headroom_mitm.stub.library import get_script
from headroom_mitm.stub.script import ErrorStep, Reply, Script
from headroom_mitm.stub.formats import gemini_json, gemini_stream, responses_events, responses_json, responses_stream
from headroom_mitm.stub.websocket import serve_responses_websocket
from headroom_mitm.stub.wire import (
    anthropic_json,
    anthropic_stream,
    compute_usage,
    error_body,
    models_body,
    openai_json,
    openai_stream,
)

IDLE_TIMEOUT_SECONDS = 60.0  # bounds how long an idle keep-alive connection holds a thread


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lowercase names; repeated headers joined with ", "
    body: bytes  # as received, after undoing a gzip/deflate Content-Encoding
    json: Any | None


def api_for_path(path: str) -> Api | None:
    route = path.split("?", 1)[0].rstrip("/")
    if route.endswith("/chat/completions"):
        return "openai"
    if route.endswith("/messages"):
        return "anthropic"
    if route.endswith("/responses"):
        return "responses"
    if route.endswith((":streamGenerateContent", ":generateContent")):
        return "gemini"
    return None


def _gemini_model(path: str) -> str:
    return path.split("?", 1)[0].rsplit("/", 1)[-1].split(":", 1)[0]


def _decode_body(raw: bytes, encoding: str) -> bytes:
    encoding = encoding.strip().lower()
    if encoding == "gzip":
        return gzip.decompress(raw)
    if encoding == "deflate":
        return zlib.decompress(raw)
    return raw


def _parse_json(body: bytes) -> Any | None:
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as Bun's fetch expects
    timeout = IDLE_TIMEOUT_SECONDS
    server: "_Server"

    def setup(self) -> None:
        super().setup()
        self.server.stub._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.stub._track(self.connection, add=False)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.stub.log is not None:
            self.server.stub.log(format % args)

    # --- reading --------------------------------------------------------------------------

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            parts = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    break
                parts.append(self.rfile.read(size))
                self.rfile.readline()
            raw = b"".join(parts)
        else:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        return _decode_body(raw, self.headers.get("Content-Encoding", ""))

    def _record(self, body: bytes) -> RecordedRequest:
        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        request = RecordedRequest(self.command, self.path, headers, body, _parse_json(body) if body else None)
        self.server.stub._add_request(request)
        return request

    # --- writing --------------------------------------------------------------------------

    def _send_json(self, status: int, payload: Any, extra: Mapping[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _send_stream(self, events: list[bytes]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        delay = self.server.stub.event_delay
        try:
            for event in events:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(event), event))
                self.wfile.flush()
                if delay:
                    time.sleep(delay)
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client went away mid-stream

    # --- routes ---------------------------------------------------------------------------

    def do_GET(self) -> None:
        request = self._record(b"")
        if self.headers.get("Upgrade", "").lower() == "websocket" and api_for_path(self.path) == "responses":
            if self.server.stub.websocket:
                serve_responses_websocket(self, lambda body, raw: self._ws_answer(request, body, raw))
                return
            self._send_json(404, error_body("openai", 404, "this stub serves /responses over HTTP only"))
            return
        if self.path.split("?", 1)[0].rstrip("/").endswith("/models"):
            api: Api = "anthropic" if "anthropic-version" in self.headers else "openai"
            self._send_json(200, models_body(api))
            return
        self._send_json(404, error_body("openai", 404, f"no such route: {self.path}"))

    def _ws_answer(self, upgrade: RecordedRequest, body: dict[str, Any], raw: bytes) -> list[dict[str, Any]]:
        """One response.create message (the whole conversation rebuilt): recorded like a POST."""
        stub = self.server.stub
        request = RecordedRequest("WS", upgrade.path, upgrade.headers, raw, body)
        stub._add_request(request)
        conversation = parse_conversation("responses", body, stream=True)
        try:
            # `generate: false` only warms the connection up (Codex's first message): no turn of the script
            reply = Reply() if body.get("generate") is False else stub.script.reply(conversation)
        except Exception as exc:
            return [{"type": "error", "error": {"type": "invalid_request_error", "message": f"script step failed: {exc!r}"}}]
        if reply.error is not None:
            return [{"type": "error", "status": reply.error.status,
                     "error": {"type": "invalid_request_error", "message": reply.error.message}}]
        usage = compute_usage(conversation, raw, reply, stub.prompt_cache)
        stub._add_usage(usage.as_dict(), request)
        return responses_events(conversation, reply, usage, raw)

    def do_POST(self) -> None:
        body = self._read_body()
        request = self._record(body)
        api = api_for_path(self.path)
        if api is None:
            self._send_json(404, error_body("openai", 404, f"no such route: {self.path}"))
            return
        if not isinstance(request.json, dict):
            self._send_json(400, error_body(api, 400, "request body is not a JSON object"))
            return
        if api == "gemini":  # the model and streaming are in the path, not the body
            conversation = parse_conversation(api, {**request.json, "model": _gemini_model(self.path)},
                                              stream=":streamGenerateContent" in self.path)
        else:
            conversation = parse_conversation(api, request.json)
        stub = self.server.stub
        if stub.always_usage and not conversation.include_usage:
            conversation = replace(conversation, include_usage=True)
        try:
            # Gemini CLI's side calls in JSON mode (model router, next-speaker check) are not turns of the
            # script: an empty object makes it fall back to its defaults.
            json_mode = api == "gemini" and (request.json.get("generationConfig") or {}).get("responseMimeType") == "application/json"
            reply = Reply(text="{}") if json_mode else stub.script.reply(conversation)
        except Exception as exc:  # a bug in a script callable must fail the agent fast, not hang it
            reply = Reply(error=ErrorStep(400, f"headroom-mitm stub: script step failed: {exc!r}"))
        if reply.error is not None:
            self._send_json(reply.error.status, error_body(api, reply.error.status, reply.error.message), reply.error.headers)
            return
        usage = compute_usage(conversation, body, reply, stub.prompt_cache)
        stub._add_usage(usage.as_dict(), request)
        stream, whole = _RENDER[api]
        if conversation.stream:
            self._send_stream(stream(conversation, reply, usage, body))
        else:
            self._send_json(200, whole(conversation, reply, usage, body))


_RENDER = {
    "openai": (openai_stream, openai_json),
    "anthropic": (anthropic_stream, anthropic_json),
    "responses": (responses_stream, responses_json),
    "gemini": (gemini_stream, gemini_json),
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    stub: "StubServer"


class StubServer:
    """A fake OpenAI/Anthropic model server on loopback, driven by a Script."""

    def __init__(
        self,
        script: Script | str,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        event_delay: float = 0.0,
        log: Callable[[str], None] | None = None,
        prompt_cache: PromptCache | bool = False,
        always_usage: bool = False,
    ) -> None:
        """prompt_cache: True (or a PromptCache) reports usage with the provider's prompt cache
        emulated (stub/cache.py); False keeps the fixed heuristic of wire.compute_usage.
        always_usage: report usage in the last stream chunk even unasked (no `stream_options`), as
        many OpenAI-compatible providers do."""
        self.always_usage = always_usage
        self.script = get_script(script) if isinstance(script, str) else script
        self.host = host
        self.event_delay = event_delay  # seconds slept between SSE events
        self.log = log
        self._requested_port = port
        self._lock = threading.Condition()
        self._requests: list[RecordedRequest] = []
        self._usage: list[dict[str, Any]] = []
        self._exchanges: list[tuple[RecordedRequest, dict[str, Any]]] = []
        self.prompt_cache: PromptCache | None = (
            prompt_cache if isinstance(prompt_cache, PromptCache) else PromptCache() if prompt_cache else None
        )
        self._connections: set[socket.socket] = set()
        self.websocket = True  # serve /responses over WebSocket too (False: the upgrade gets a 404)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ------------------------------------------------------------------------

    def start(self) -> "StubServer":
        if self._server is not None:
            return self
        server = _Server((self.host, self._requested_port), _Handler)
        server.stub = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="headroom-stub", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        with self._lock:
            connections = list(self._connections)
        for conn in connections:  # idle keep-alive connections would otherwise linger
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "StubServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the stub server is not running")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # --- what it saw and said --------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def reported_usage(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(u) for u in self._usage]

    @property
    def exchanges(self) -> list[tuple[RecordedRequest, dict[str, Any]]]:
        """Each answered LLM request with the usage reported for it, in the order answered."""
        with self._lock:
            return [(r, dict(u)) for r, u in self._exchanges]

    def wait_for_requests(self, count: int, timeout: float = 10.0) -> list[RecordedRequest]:
        """Blocks until at least `count` requests arrived; raises TimeoutError otherwise."""
        with self._lock:
            if not self._lock.wait_for(lambda: len(self._requests) >= count, timeout):
                raise TimeoutError(f"{len(self._requests)} of {count} requests arrived in {timeout}s")
            return list(self._requests)

    def _add_request(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)
            self._lock.notify_all()

    def _add_usage(self, usage: dict[str, Any], request: RecordedRequest | None = None) -> None:
        with self._lock:
            self._usage.append(usage)
            if request is not None:
                self._exchanges.append((request, usage))

    def _track(self, conn: socket.socket, add: bool) -> None:
        with self._lock:
            (self._connections.add if add else self._connections.discard)(conn)
