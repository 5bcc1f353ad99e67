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
from ..facts import is_loopback_host, normalize_host

RESERVED_HOST = "headroom.mitm"


def host_allowed(host_header: str | None) -> bool:
    """The Host header may name only the reserved host or a loopback address (any port)."""
    if not host_header:
        return True  # HTTP/1.0 without Host: the absolute URL already named the reserved host
    host = normalize_host(host_header)
    return host == RESERVED_HOST or is_loopback_host(host)


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
    return 404, b"headroom-mitm: try /stats or /metrics\n", plain


class Control:
    def __init__(self, stats: LiveStats) -> None:
        self.stats = stats

    async def requestheaders(self, flow: http.HTTPFlow) -> None:
        if flow.response is not None or normalize_host(flow.request.host) != RESERVED_HOST:
            return
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
        # https://headroom.mitm would otherwise be tunnelled to a host that does not exist.
        if normalize_host(flow.request.host) == RESERVED_HOST:
            flow.response = http.Response.make(
                400, b"headroom-mitm: use http://headroom.mitm/stats (plain HTTP through the proxy)\n",
                {"content-type": "text/plain; charset=utf-8"},
            )
