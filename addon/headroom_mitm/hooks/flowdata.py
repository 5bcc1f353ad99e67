"""What earlier stages leave on a flow for later ones (flow.metadata), in one place."""

from __future__ import annotations

from mitmproxy import http

from ..provider_errors import error_response
from ..routing import ApiFormat, Route

ORIGINAL_HOST = "headroom.host"
ROUTE = "headroom.route"


def original_host(flow: http.HTTPFlow) -> str:
    """The host the client asked for, before any `--route` rewrite."""
    host = flow.metadata.get(ORIGINAL_HOST)
    if host is None:
        host = flow.request.host.lower().rstrip(".")
        flow.metadata[ORIGINAL_HOST] = host
    return host


def route_of(flow: http.HTTPFlow) -> Route | None:
    return flow.metadata.get(ROUTE)


def api_format_of(flow: http.HTTPFlow) -> ApiFormat | None:
    route = route_of(flow)
    return route.api_format if route is not None else None


def refuse(flow: http.HTTPFlow, status: int, message: str, *, should_retry: bool) -> None:
    """Answer the flow ourselves, in the provider's error shape when we know the provider."""
    reply = error_response(api_format_of(flow), status, message, should_retry=should_retry)
    flow.response = http.Response.make(reply.status, reply.body, reply.headers)
