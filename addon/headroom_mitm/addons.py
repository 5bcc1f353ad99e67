"""The proxy's addons, in the order data flows through them (mitmproxy calls each hook in this order).

  rules    ClientLimits     connections per source address and in all; a deadline for the first request head
  route    Classify         host → Route (llm | telemetry | other | loopback, provider, API format)
  rules    Rules            loop guard (our own ports, our hop marker) and --telemetry block
  compress RetrieveEndpoint http(s)://headroom.mitm/mcp: headroom_retrieve over MCP, from Compress's store
                            (answered by the proxy itself, so before the egress policy, like /stats)
           EgressPolicy     the --policy file: allow/deny, intercept or tunnel
  meter    MeterIntake      the request as the client sent it (size, tokens), before any rewrite
  compress Compress         tool outputs in LLM request bodies, originals stored for retrieval
  forward  Forward          connect-phase retries, --route / --upstream-proxy targets, hop marker
  rules    DestinationGuard resolved destinations: own listeners (loop), non-public ones (gateway)
           StreamResponses  SSE answers streamed chunk by chunk, never held back whole
  meter    Meter            usage tapped on the side of the response; one record per flow
           Control          http://headroom.mitm/stats and /metrics, answered by the proxy itself
           WebView          (--web only) savings shown in mitmweb
  audit    AuditTrail       one tamper-evident audit record per flow
  forward  ChainTunnels     blind tunnels through the user's HTTPS_PROXY too (NO_PROXY hosts direct)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from .audit.hook import AuditTrail
from .compress.hook import Compress
from .compress.retrieve_endpoint import RetrieveEndpoint
from .forward.hook import ChainedProxy, ChainTunnels, Forward
from .forward.stream import StreamResponses
from .meter.control import Control
from .meter.hook import Meter, MeterIntake
from .meter.live import LiveStats, PriceSource
from .policy.clients import ClientLimits
from .policy.connect import DestinationGuard
from .policy.guard import Rules
from .policy.hook import EgressPolicy
from .route.catalog import load_catalog
from .route.hook import Classify

if TYPE_CHECKING:
    from .launcher.settings import GlobalOptions
    from .route.catalog import CatalogProvider
    from .route.routing import CustomProvider


def make_addons(
    options: GlobalOptions,
    custom_providers: Sequence[CustomProvider] = (),
    prices: PriceSource | None = None,
    catalog: Sequence[CatalogProvider] | None = None,
) -> list[object]:
    """`catalog`: the providers OpenCode knows; None loads them for this process's environment."""
    classify = Classify(custom_providers, load_catalog() if catalog is None else catalog)
    policy = EgressPolicy()
    meter = Meter(LiveStats(prices or PriceSource()))
    compress = Compress()
    chain = ChainedProxy()  # the user's proxy, shared by the two forward-stage addons
    return [
        ClientLimits(),  # first: a connection past a cap is closed before any other hook sees it
        classify,
        Rules(),
        RetrieveEndpoint(lambda: compress.store),
        policy,
        MeterIntake(keep_originals=options.web),
        compress,
        Forward(chain),
        DestinationGuard(),
        StreamResponses(),
        meter,
        Control(meter.stats),
        *_web_view(options),
        AuditTrail(
            decrypts=lambda host, client_id: classify.decrypts(host) or policy.must_inspect(client_id),
            losses=meter.stats,
            on_blind=meter.stats.blind.add,
        ),
        ChainTunnels(chain),  # last: wraps the blind relay AuditTrail's next_layer chose
    ]


def _web_view(options: GlobalOptions) -> list[object]:
    if not options.web:
        return []
    from .meter.webview import WebView  # mitmweb's content views: only loaded when the UI is asked for

    return [WebView()]
