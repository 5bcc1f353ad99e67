"""Live numbers: GET http://headroom.mitm/stats (JSON) and /metrics (Prometheus text), answered by
the addon itself, through the proxy, never forwarded.

Only clients on loopback get an answer, and only when the Host header is the reserved name or a
loopback address (DNS-rebinding guard); anything else aimed at the reserved name is refused.
"""

from __future__ import annotations

import asyncio
import json

from mitmproxy import http

from .live import LiveStats
from ..facts import MCP_PATH, RESERVED_HOST, is_loopback_host, normalize_host
from ..facts import reserved_host_allowed as host_allowed

__all__ = ["RESERVED_HOST", "Control", "answer", "host_allowed"]


def answer(stats: LiveStats, method: str, path: str, *, client_loopback: bool, host_header: str | None) -> tuple[int, bytes, dict[str, str]]:
    """Pure: the control endpoint's reply (status, body, headers)."""
    plain = {"content-type": "text/plain; charset=utf-8", "cache-control": "no-store"}
    if not client_loopback:
        return 403, b"headroom-mitm: the control endpoints answer loopback clients only\n", plain
    if not host_allowed(host_header):
        return 403, b"headroom-mitm: Host must be headroom.mitm or a loopback address\n", plain
    if method not in ("GET", "HEAD"):
        return 405, b"headroom-mitm: GET only\n", {**plain, "allow": "GET, HEAD"}
    route = path.split("?", 1)[0].rstrip("/") or "/"
    if route == "/stats":
        body = json.dumps(stats.snapshot(), indent=1).encode() + b"\n"
        return 200, body, {"content-type": "application/json", "cache-control": "no-store"}
    if route == "/metrics":
        from prometheus_client import CONTENT_TYPE_LATEST  # loaded when /metrics is first asked for

        return 200, stats.prometheus(), {"content-type": CONTENT_TYPE_LATEST, "cache-control": "no-store"}
    return 404, b"headroom-mitm: try /stats, /metrics or /mcp (MCP)\n", plain


class Control:
    def __init__(self, stats: LiveStats) -> None:
        self.stats = stats

    async def requestheaders(self, flow: http.HTTPFlow) -> None:
        if flow.response is not None or normalize_host(flow.request.host) != RESERVED_HOST:
            return
        if flow.request.path.split("?", 1)[0].rstrip("/") == MCP_PATH:
            return  # the retrieval endpoint's (compress/retrieve_endpoint.py): it needs the body
        peer = flow.client_conn.peername
        # Rendered in a worker thread: a scrape never holds the event loop (and so other traffic).
        status, body, headers = await asyncio.to_thread(
            answer, self.stats, flow.request.method, flow.request.path,
            client_loopback=bool(peer) and is_loopback_host(str(peer[0])),
            host_header=flow.request.headers.get("host"),
        )
        if flow.request.method == "HEAD":
            body = b""
        flow.response = http.Response.make(status, body, headers)

    def http_connect(self, flow: http.HTTPFlow) -> None:
        # Only port 443 is accepted (by the retrieval endpoint, before us); any other port would be
        # tunnelled to a host that does not exist.
        if flow.response is None and normalize_host(flow.request.host) == RESERVED_HOST:
            flow.response = http.Response.make(
                400, b"headroom-mitm: use http://headroom.mitm/stats, or https://headroom.mitm (port 443)\n",
                {"content-type": "text/plain; charset=utf-8"},
            )
