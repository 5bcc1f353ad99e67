"""http(s)://headroom.mitm/mcp: the `headroom_retrieve` tool over MCP Streamable HTTP, answered by
the proxy itself from the compress stage's store, so that any MCP-capable client behind the launcher
or a gateway adds retrieval by URL. Over https the proxy accepts the CONNECT itself and answers inside
the TLS with a certificate from its CA (which its clients trust already): what a gateway returns then
never crosses the network in clear.

The official SDK's session manager does the protocol (stateless, JSON responses: every call is one
POST answered whole, which is what an addon-made response can be); mitmproxy's ASGI bridge hands it
the flow. Guarded like the control endpoints, plus the gateway case: a loopback client, or one that
passed the proxy's credentials; the Host header must be the reserved name or loopback and a browser
Origin is refused. Nothing is forwarded. The SDK is loaded on the first call only.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from mitmproxy import http

from ..facts import MCP_PATH, RESERVED_HOST, is_loopback_host, normalize_host, reserved_host_allowed
from .store import Store

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20  # a tool call is a few hundred bytes


def refusal(*, client_loopback: bool, authenticated: bool, host_header: str | None,
            origin: str | None) -> tuple[int, str] | None:
    """Pure: why this client may not use the endpoint (status, message), or None."""
    if not (client_loopback or authenticated):
        return 403, "the retrieval endpoint answers loopback clients and clients that passed the proxy's credentials"
    if not reserved_host_allowed(host_header):
        return 403, f"Host must be {RESERVED_HOST} or a loopback address"
    if origin is not None:
        return 403, "requests from web pages (an Origin header) are refused"
    return None


def is_endpoint(host: str, path: str) -> bool:
    return normalize_host(host) == RESERVED_HOST and path.split("?", 1)[0].rstrip("/") == MCP_PATH


class RetrieveEndpoint:
    def __init__(self, store_of: Callable[[], Store | None]) -> None:
        self._store_of = store_of
        self._manager: Any = None
        self._started: asyncio.Future[None] | None = None
        self._stop: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None

    def http_connect(self, flow: http.HTTPFlow) -> None:
        # Accepted here, not tunnelled: there is no upstream; the route stage decrypts this host.
        if flow.response is None and normalize_host(flow.request.host) == RESERVED_HOST and flow.request.port == 443:
            now = time.time()
            flow.response = http.Response(flow.request.data.http_version, 200, b"Connection established",
                                          http.Headers(), b"", None, now, now)

    async def request(self, flow: http.HTTPFlow) -> None:
        if flow.response is not None or not is_endpoint(flow.request.host, flow.request.path):
            return
        peer = flow.client_conn.peername
        refused = refusal(
            client_loopback=bool(peer) and is_loopback_host(str(peer[0])),
            authenticated="proxyauth" in flow.metadata,  # set by mitmproxy's proxyauth once checked
            host_header=flow.request.headers.get("host"),
            origin=flow.request.headers.get("origin"),
        )
        if refused is None and len(flow.request.raw_content or b"") > MAX_BODY:
            refused = 413, "request too large"
        if refused is not None:
            status, message = refused
            flow.response = http.Response.make(status, f"headroom-mitm: {message}\n".encode(),
                                               {"content-type": "text/plain; charset=utf-8"})
            return
        from mitmproxy.addons.asgiapp import serve

        try:
            await self._ensure_started()
        except Exception:
            log.exception("the retrieval endpoint could not start")
            flow.response = http.Response.make(503, b"headroom-mitm: retrieval endpoint unavailable\n")
            return
        await serve(self._manager.handle_request, flow)

    async def _ensure_started(self) -> None:
        if self._started is None:
            loop = asyncio.get_running_loop()
            self._started = loop.create_future()
            self._stop = asyncio.Event()
            self._task = loop.create_task(self._serve(self._started, self._stop))
        await asyncio.shield(self._started)

    async def _serve(self, started: asyncio.Future[None], stop: asyncio.Event) -> None:
        try:
            from mcp.server.streamable_http_manager import StreamableHTTPSessionManager

            from .retrieval import build_server

            self._manager = StreamableHTTPSessionManager(
                build_server(self._store_of), json_response=True, stateless=True
            )
            async with self._manager.run():
                started.set_result(None)
                await stop.wait()
        except Exception as exc:
            if started.done():
                log.exception("the retrieval endpoint stopped")
            else:
                started.set_exception(exc)

    async def done(self) -> None:
        if self._stop is not None and self._task is not None:
            self._stop.set()
            try:
                await asyncio.wait_for(self._task, 5)
            except (asyncio.TimeoutError, Exception):
                log.debug("retrieval endpoint stopped uncleanly", exc_info=True)
