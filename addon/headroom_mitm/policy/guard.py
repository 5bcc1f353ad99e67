"""Stage 2, rules: refuse loops and blocked telemetry before anything is decoded or sent.

A request aimed at one of our own listening ports, or one that already carries our hop marker,
would come back to us forever: it is answered 508 at once instead.
"""

from __future__ import annotations

from mitmproxy import ctx, http

from ..facts import normalize_host
from ..facts import FlowClass, is_loopback_host
from ..forward.upstream import has_hop_marker
from ..options import declare
from . import headlimit
from .. import flowdata
from ..provider_errors import fail_closed, refuse


def aims_at_own_port(host: str, port: int, own: set[tuple[str, int]]) -> bool:
    """True when (host, port) is one of our listeners, by loopback name or by the bound address."""
    host = normalize_host(host)
    for bound_host, bound_port in own:
        if port != bound_port:
            continue
        if host == bound_host or is_loopback_host(host) or bound_host in ("", "0.0.0.0", "::"):
            return True
    return False


class Rules:
    def __init__(self) -> None:
        self.own: set[tuple[str, int]] = set()

    def load(self, loader) -> None:
        declare(loader, "headroom_telemetry")
        headlimit.install()

    def running(self) -> None:
        server = ctx.master.addons.get("proxyserver")
        self.own = {(str(a[0]), int(a[1])) for a in server.listen_addrs()}
        if getattr(ctx.options, "web_port", None):
            self.own.add((ctx.options.web_host, int(ctx.options.web_port)))

    def _check(self, flow: http.HTTPFlow) -> None:
        request = flow.request
        auth = flow.metadata.get(flowdata.PROXY_AUTH)
        if isinstance(auth, tuple) and not all(auth):
            # A validator that accepts an empty user or password is a misconfiguration: refuse anyway.
            flow.response = http.Response.make(407, b"Proxy credentials must name a user and a password.\n",
                                               {"Proxy-Authenticate": 'Basic realm="headroom-mitm"'})
        elif aims_at_own_port(request.host, request.port, self.own):
            refuse(
                flow, 508,
                f"Loop detected: {request.host}:{request.port} is headroom-mitm's own listening port; "
                "the request was not forwarded.",
                should_retry=False,
            )
        elif has_hop_marker(request.headers.get("Via")):
            refuse(
                flow, 508,
                "Loop detected: this request already passed through headroom-mitm (Via header); "
                "it was not forwarded again.",
                should_retry=False,
            )
        elif ctx.options.headroom_telemetry == "block":
            route = flowdata.route_of(flow)
            if route is not None and route.kind is FlowClass.TELEMETRY:
                refuse(flow, 403, f"Blocked by headroom-mitm: {route.host} is a telemetry host "
                                "(--telemetry block).", should_retry=False)

    @fail_closed("loop guard")
    def http_connect(self, flow: http.HTTPFlow) -> None:
        self._check(flow)

    @fail_closed("loop guard")
    def requestheaders(self, flow: http.HTTPFlow) -> None:
        if flow.response is None:
            self._check(flow)
