"""What earlier stages leave on a flow for later ones (flow.metadata), in one place."""

from __future__ import annotations

from mitmproxy import http

ORIGINAL_HOST = "headroom.host"


def original_host(flow: http.HTTPFlow) -> str:
    """The host the client asked for, before any `--route` rewrite."""
    host = flow.metadata.get(ORIGINAL_HOST)
    if host is None:
        host = flow.request.host.lower().rstrip(".")
        flow.metadata[ORIGINAL_HOST] = host
    return host
