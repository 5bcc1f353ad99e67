"""Stage 1, route: what kind of host each connection and request goes to.

Only LLM API hosts (and hosts with a `--route`) are decrypted by default; everything else is
tunnelled as opaque TLS, so tools that do not trust our CA (git, pip, curl) keep working and
nothing private is decrypted needlessly. `--inspect all` decrypts everything for audits.
"""

from __future__ import annotations

from typing import Iterable

from mitmproxy import ctx, exceptions, http, tls

from .catalog import CatalogProvider
from .routing import CustomProvider, FlowClass, Router, parse_llm_host_option
from ..facts import RESERVED_HOST, normalize_host
from ..forward.upstream import parse_routes
from ..options import declare
from .. import flowdata
from ..provider_errors import fail_closed


class Classify:
    def __init__(self, custom_providers: Iterable[CustomProvider] = (), catalog: Iterable[CatalogProvider] = ()) -> None:
        self._custom = list(custom_providers)
        self._catalog = list(catalog)
        self.router = Router(custom_providers=self._custom, catalog=self._catalog)
        self._rerouted: set[str] = set()

    def load(self, loader) -> None:
        declare(loader, "headroom_llm_hosts", "headroom_routes", "headroom_inspect")

    def configure(self, updated: set[str]) -> None:
        if "headroom_llm_hosts" in updated:
            try:
                extra = dict(parse_llm_host_option(spec) for spec in ctx.options.headroom_llm_hosts)
                self.router = Router(extra_llm_hosts=extra, custom_providers=self._custom, catalog=self._catalog)
            except ValueError as exc:
                raise exceptions.OptionsError(str(exc)) from None
        if "headroom_routes" in updated:
            self._rerouted = set(parse_routes(ctx.options.headroom_routes))

    def decrypts(self, host: str) -> bool:
        if normalize_host(host) == RESERVED_HOST:
            return True  # the proxy's own name: it answers https://headroom.mitm/mcp itself
        if normalize_host(host) in self._rerouted:
            return True  # a rerouted host must be seen to be rerouted
        kind = self.router.classify_host(host).kind
        if kind is FlowClass.LOOPBACK:
            return False  # never decrypted, whatever --inspect says
        return kind is FlowClass.LLM or ctx.options.headroom_inspect == "all"

    def tls_clienthello(self, data: tls.ClientHelloData) -> None:
        address = data.context.server.address
        host = address[0] if address else data.client_hello.sni
        if host and not self.decrypts(host):
            data.ignore_connection = True

    @fail_closed("routing")
    def http_connect(self, flow: http.HTTPFlow) -> None:
        flowdata.set_route(flow, self.router.classify_host(flowdata.original_host(flow)))

    @fail_closed("routing")
    def requestheaders(self, flow: http.HTTPFlow) -> None:
        flowdata.set_route(flow, self.router.classify_request(flowdata.original_host(flow), flow.request.path))
