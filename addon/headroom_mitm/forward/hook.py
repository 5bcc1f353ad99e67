"""Stage 4, forward: `--route` rewrites, the hop marker, connect-phase retries, and chaining
through the user's own proxy (NO_PROXY hosts direct).

See retry.py for why retries happen before mitmproxy's own connection and never after a
request byte may have left.
"""

from __future__ import annotations

import ssl

from mitmproxy import ctx, exceptions, http
from mitmproxy.proxy import layers, server_hooks
from mitmproxy.proxy.layers.http._upstream_proxy import HttpUpstreamProxy

from .chain import goes_direct, parse_proxy_url
from .retry import RetryPolicy, probe_once, upstream_tls_context, with_retries
from .upstream import UpstreamTarget, add_hop_marker, parse_routes
from ..options import check_mitm, declare
from .. import flowdata
from ..provider_errors import fail_closed, refuse


Via = tuple[str, tuple[str, int]]


class ChainedProxy:
    """The `headroom_chain_proxy` option, parsed: which connections go through it."""

    def __init__(self) -> None:
        self.via: Via | None = None
        self.no_proxy: tuple[str, ...] = ()

    def configure(self) -> None:
        url = ctx.options.headroom_chain_proxy
        try:
            scheme, host, port, _ = parse_proxy_url(url, "headroom_chain_proxy") if url else ("", "", 0, None)
        except ValueError as exc:
            raise exceptions.OptionsError(str(exc)) from None
        self.via = (scheme, (host, port)) if url else None
        self.no_proxy = tuple(ctx.options.headroom_chain_no_proxy)

    def via_for(self, *hosts: str) -> Via | None:
        """The proxy for a connection meant for these hosts (the client's and, rerouted, ours)."""
        if self.via is None or any(goes_direct(h, self.no_proxy) for h in hosts):
            return None
        return self.via


class Forward:
    def __init__(self, chain: ChainedProxy | None = None) -> None:
        self.chain = chain or ChainedProxy()
        self.routes: dict[str, UpstreamTarget] = {}
        self.policy = RetryPolicy()
        self._tls: ssl.SSLContext | None = None
        # Open upstream connections per client connection: mitmproxy reuses these for the next
        # request of the same client connection, so there is nothing to probe then.
        self._open: set[tuple[str, tuple[str, int]]] = set()
        self._asked: dict[str, tuple[str, int]] = {}  # server id → the address before the guard pins it

    def load(self, loader) -> None:
        declare(loader, "headroom_connect_retries", "headroom_connect_backoff", "headroom_connect_budget",
                "headroom_chain_proxy", "headroom_chain_no_proxy")

    def configure(self, updated: set[str]) -> None:
        if "headroom_routes" in updated:
            try:
                self.routes = parse_routes(ctx.options.headroom_routes)
            except ValueError as exc:
                raise exceptions.OptionsError(str(exc)) from None
        if updated & {"headroom_connect_retries", "headroom_connect_backoff", "headroom_connect_budget"}:
            check_mitm(updated, "headroom_connect_retries", "headroom_connect_backoff", "headroom_connect_budget")
            retries, backoff, budget = (
                ctx.options.headroom_connect_retries, ctx.options.headroom_connect_backoff, ctx.options.headroom_connect_budget,
            )
            self.policy = RetryPolicy(retries=retries, backoff=backoff, budget=budget)
        if updated & {"ssl_verify_upstream_trusted_ca", "ssl_insecure"}:
            self._tls = None  # rebuilt on next use
        if updated & {"headroom_chain_proxy", "headroom_chain_no_proxy"}:
            self.chain.configure()

    def _tls_context(self) -> ssl.SSLContext:
        if self._tls is None:
            self._tls = upstream_tls_context(ctx.options.ssl_verify_upstream_trusted_ca, ctx.options.ssl_insecure)
        return self._tls

    def server_connect(self, data: server_hooks.ServerConnectionHookData) -> None:
        if data.server.address:
            self._asked[data.server.id] = (data.server.address[0], data.server.address[1])

    def server_connected(self, data: server_hooks.ServerConnectionHookData) -> None:
        address = self._asked.get(data.server.id, data.server.address)
        if address:
            self._open.add((data.client.id, (address[0], address[1])))

    def server_disconnected(self, data: server_hooks.ServerConnectionHookData) -> None:
        address = self._asked.pop(data.server.id, data.server.address)
        if address:
            self._open.discard((data.client.id, (address[0], address[1])))

    @fail_closed("--route")
    def requestheaders(self, flow: http.HTTPFlow) -> None:
        # At request headers: a large body is streamed upstream right after this hook, so the target
        # and the hop marker must be set now, whatever the body's size.
        if flow.response is not None or flow.error is not None:
            return  # answered or refused by an earlier stage
        request = flow.request
        flowdata.original_target(flow)  # remembered before the rewrite
        request.headers["Via"] = add_hop_marker(request.headers.get("Via"), request.http_version)
        target = self.routes.get(flowdata.original_host(flow))
        if target is not None:
            request.scheme = target.scheme
            request.host = target.host
            request.port = target.port
            request.path = target.rewrite_path(request.path)
        via = self.chain.via_for(flowdata.original_host(flow), request.host)
        if via is not None and flow.server_conn.via is None:
            flow.server_conn.via = via  # mitmproxy opens the connection through the user's proxy

    async def request(self, flow: http.HTTPFlow) -> None:
        if flow.response is not None or flow.error is not None:
            return  # answered or refused by an earlier stage
        await self._ensure_reachable(flow)

    async def _ensure_reachable(self, flow: http.HTTPFlow) -> None:
        request = flow.request
        if (flow.client_conn.id, (request.host, request.port)) in self._open:
            return  # mitmproxy reuses this open connection: nothing to probe
        if flow.server_conn.via is not None or any(str(mode).startswith("upstream") for mode in ctx.options.mode):
            return  # only the upstream proxy may open connections; a direct probe would bypass it
        tls = self._tls_context() if request.scheme == "https" else None
        # The gateway's destination guard resolved and checked the target: probe exactly that address.
        checked = flow.metadata.get(flowdata.CHECKED_ADDRESSES) or [request.host]
        outcome = await with_retries(
            lambda: probe_once(checked[0], request.port, tls_context=tls, sni=request.host, timeout=self.policy.attempt_timeout),
            self.policy,
        )
        if outcome.ok:
            return
        failure = outcome.failure
        assert failure is not None
        refuse(
            flow, 502,
            f"headroom-mitm could not reach {flowdata.original_host(flow)} ({request.host}:{request.port}) "
            f"after {outcome.attempts} attempt(s): {failure}. Nothing was sent upstream"
            + ("; the request is safe to retry." if failure.retryable else "; retrying will not help."),
            should_retry=failure.retryable,
        )
        flow.metadata[flowdata.CONNECT_FAILURE] = str(failure)


class ChainTunnels:
    """Blind tunnels through the user's proxy too. Runs after every other `next_layer` hook: it
    wraps whatever relay the earlier stages chose for a connection that is not decrypted."""

    def __init__(self, chain: ChainedProxy) -> None:
        self.chain = chain

    def next_layer(self, nextlayer) -> None:
        layer, context = nextlayer.layer, nextlayer.context
        server = context.server
        if not isinstance(layer, layers.TCPLayer) or server.address is None or server.connected or server.via:
            return
        via = self.chain.via_for(str(server.address[0]), *([context.client.sni] if context.client.sni else []))
        if via is None:
            return
        server.via = via
        # The same layers mitmproxy's HTTP stage builds for an upstream-proxied connection: CONNECT
        # (with upstream_auth's credentials) first, then the relay over that tunnel.
        stack = HttpUpstreamProxy.make(context, True)
        stack /= layer
        nextlayer.layer = stack[0]
