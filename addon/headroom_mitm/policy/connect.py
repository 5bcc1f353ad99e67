"""Stage 2, rules (continued): the destination guard, on resolved addresses.

Each connection mitmproxy is about to open (`server_connect`) is resolved here, checked, and pinned to
the checked address, so a name that resolves differently a moment later (DNS rebinding) cannot dodge
the check. Refused there, the client sees mitmproxy's connect error; so that a refused request gets a
clear error in its provider's shape (and an audit record saying "deny"), CONNECTs and requests are
checked the same way earlier, before anything is probed or sent.

`headroom_private_destinations`: `refuse` (the `proxy` gateway) or `allow` (the launcher: agents may
use local providers). The loop guard (our own listeners, by resolved address and port) always applies.
`--route` targets are operator-configured and always allowed.
"""

from __future__ import annotations

import asyncio
import logging
import socket

from mitmproxy import ctx, exceptions, http
from mitmproxy.proxy import server_hooks

from .destinations import IP, AllowEntry, is_own_listener, literal_ip, non_public, parse_allow_list
from .model import Decision
from ..forward.upstream import parse_routes
from ..options import declare
from .. import flowdata
from ..provider_errors import refuse

log = logging.getLogger(__name__)
RULE = "destination-guard"


class DestinationGuard:
    def __init__(self) -> None:
        self.own: set[tuple[str, int]] = set()
        self.allow: tuple[AllowEntry, ...] = ()
        self.routed: set[tuple[str, int]] = set()
        self.routed_hosts: set[str] = set()

    def load(self, loader) -> None:
        declare(loader, "headroom_private_destinations", "headroom_allow_destinations")

    def configure(self, updated: set[str]) -> None:
        if "headroom_allow_destinations" in updated:
            try:
                self.allow = parse_allow_list(ctx.options.headroom_allow_destinations)
            except ValueError as exc:
                raise exceptions.OptionsError(str(exc)) from None
        if updated & {"headroom_routes", "mode"}:
            routes = parse_routes(ctx.options.headroom_routes)
            # Operator-configured targets: --route URLs and the --upstream-proxy itself.
            self.routed = {(t.host.lower(), t.port) for t in routes.values()} | _upstream_proxies(ctx.options.mode)
            self.routed_hosts = set(routes)

    def running(self) -> None:
        server = ctx.master.addons.get("proxyserver")
        self.own = {(str(a[0]), int(a[1])) for a in server.listen_addrs()}
        if getattr(ctx.options, "web_port", None):
            self.own.add((ctx.options.web_host, int(ctx.options.web_port)))

    # -- the verdict ---------------------------------------------------------------------------
    def verdict(self, host: str, ip: IP, port: int) -> tuple[int, str] | None:
        """(status, why) when (host → ip, port) may not be reached; None when it may."""
        if is_own_listener(ip, port, self.own):
            return 508, f"Loop detected: {host}:{port} resolves to {ip}, headroom-mitm's own listener"
        if ctx.options.headroom_private_destinations != "refuse" or (host.lower(), port) in self.routed:
            return None
        why = non_public(ip)
        if why is None or any(entry.allows(host, ip, port) for entry in self.allow):
            return None
        return 403, (f"{host}:{port} resolves to {ip}, {why}; the gateway does not connect there "
                     "(--allow-destination allows it)")

    async def resolve(self, host: str, port: int) -> list[IP]:
        ip = literal_ip(host)
        if ip is not None:
            return [ip]
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        found: list[IP] = []
        for info in infos:
            addr = literal_ip(str(info[4][0]))
            if addr is not None and addr not in found:
                found.append(addr)
        return found

    async def _refusal(self, host: str, port: int) -> tuple[int, str] | tuple[None, list[IP]] | None:
        """A refusal (status, why); or (None, the checked addresses); or None when nothing was checked."""
        if literal_ip(host) is None and (
            ctx.options.headroom_private_destinations != "refuse"  # the launcher: no lookup per request
            or any(str(mode).startswith("upstream") for mode in ctx.options.mode)  # its proxy resolves names
        ):
            return None  # server_connect still checks the resolved address
        try:
            addresses = await self.resolve(host, port)
        except OSError as exc:
            if ctx.options.headroom_private_destinations != "refuse":
                return None  # the launcher: the connection fails on its own (and is checked again then)
            return 502, f"{host} cannot be resolved ({exc.strerror or exc})"
        for ip in addresses:
            found = self.verdict(host, ip, port)
            if found is not None:
                return found
        return None, addresses

    def _refuse(self, flow: http.HTTPFlow, found: tuple[int, str]) -> None:
        status, why = found
        flowdata.set_decision(flow, Decision(False, "loop-guard" if status == 508 else RULE, why))
        refuse(flow, status, f"Blocked by headroom-mitm: {why}.", should_retry=status == 502)
        flowdata.hold_body(flow, 0)

    # -- early: a clear answer before anything is probed or sent --------------------------------
    async def http_connect(self, flow: http.HTTPFlow) -> None:
        if flow.response is not None or flowdata.original_host(flow) in self.routed_hosts:
            return  # refused already, or its requests go to a --route target
        await self._guard(flow, flow.request.host, flow.request.port)

    async def requestheaders(self, flow: http.HTTPFlow) -> None:
        if flow.response is not None or flow.error is not None:
            return
        await self._guard(flow, flow.request.host, flow.request.port)  # after any --route rewrite

    async def _guard(self, flow: http.HTTPFlow, host: str, port: int) -> None:
        try:
            found = await self._refusal(host, port)
        except Exception:  # fail closed: a destination we could not check is not reached
            log.exception("destination check failed")
            found = (403, f"{host}:{port} could not be checked")
        if found is None:
            return
        status, detail = found
        if status is None:
            # The forward stage's connect probe goes to exactly these checked addresses.
            flow.metadata[flowdata.CHECKED_ADDRESSES] = [str(ip) for ip in detail]
        else:
            self._refuse(flow, (status, str(detail)))

    # -- authoritative: the connection itself ----------------------------------------------------
    async def server_connect(self, data: server_hooks.ServerConnectionHookData) -> None:
        server = data.server
        if server.address is None or server.error:
            return
        host, port = str(server.address[0]), int(server.address[1])
        if server.via is not None:
            ip = literal_ip(host)  # the upstream proxy resolves names; only literal addresses are known
            found = self.verdict(host, ip, port) if ip is not None else None
        else:
            try:
                addresses = await self.resolve(host, port)
            except OSError as exc:
                server.error = f"cannot resolve {host}: {exc}"
                return
            except Exception as exc:  # fail closed
                server.error = f"destination check failed: {type(exc).__name__}"
                return
            found = next((v for v in (self.verdict(host, ip, port) for ip in addresses) if v is not None), None)
            pin = ctx.options.headroom_private_destinations == "refuse"
            if found is None and pin and addresses and literal_ip(host) is None:
                if server.sni is None:
                    server.sni = host  # TLS still names (and verifies) the host, not the address
                server.address = (str(addresses[0]), port)  # connect to exactly what was checked
        if found is not None:
            server.error = found[1]


def _upstream_proxies(modes) -> set[tuple[str, int]]:
    from mitmproxy.proxy.mode_specs import ProxyMode, UpstreamMode

    found: set[tuple[str, int]] = set()
    for spec in modes:
        mode = ProxyMode.parse(spec)
        if isinstance(mode, UpstreamMode):
            found.add((mode.address[0].lower(), int(mode.address[1])))
    return found
