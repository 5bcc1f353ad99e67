"""What earlier stages leave on a flow for later ones (flow.metadata), in one place."""

from __future__ import annotations

from dataclasses import dataclass

from mitmproxy import http

from ..compress import CompressionResult

from ..metering import requested_model
from ..provider_errors import error_response
from ..routing import ApiFormat, Route

ORIGINAL_HOST = "headroom.host"
MODEL = "headroom.model"
ROUTE = "headroom.route"


def original_host(flow: http.HTTPFlow) -> str:
    """The host the client asked for, before any `--route` rewrite."""
    host = flow.metadata.get(ORIGINAL_HOST)
    if host is None:
        host = flow.request.host.lower().rstrip(".")
        flow.metadata[ORIGINAL_HOST] = host
    return host


def model_of(flow: http.HTTPFlow) -> str | None:
    """The requested model, parsed from the body once per flow (policy, meter and audit all ask).

    Compression never touches the "model" field, so the first answer holds for the sent body too.
    """
    if MODEL not in flow.metadata:
        flow.metadata[MODEL] = requested_model(flow.request.path, flow.request.raw_content)
    return flow.metadata[MODEL]


def route_of(flow: http.HTTPFlow) -> Route | None:
    return flow.metadata.get(ROUTE)


def api_format_of(flow: http.HTTPFlow) -> ApiFormat | None:
    route = route_of(flow)
    return route.api_format if route is not None else None


def refuse(flow: http.HTTPFlow, status: int, message: str, *, should_retry: bool) -> None:
    """Answer the flow ourselves, in the provider's error shape when we know the provider."""
    reply = error_response(api_format_of(flow), status, message, should_retry=should_retry)
    flow.response = http.Response.make(reply.status, reply.body, reply.headers)


# -- compression, as the compress stage leaves it (read defensively: any shape, never raises) -----

COMPRESSION = "headroom.compression"


@dataclass(frozen=True)
class Compression:
    """What the compress stage did to a request body."""

    bytes_before: int
    result: CompressionResult

    @property
    def bytes_after(self) -> int:
        return len(self.result.body)

    @property
    def changed(self) -> bool:
        return self.result.changed

    @property
    def blocks(self) -> list:
        return self.result.blocks


def set_compression(flow: http.HTTPFlow, compression: Compression) -> None:
    flow.metadata[COMPRESSION] = compression


def compression_of(flow: http.HTTPFlow) -> Compression | None:
    return flow.metadata.get(COMPRESSION)


def compression_changed(flow: http.HTTPFlow) -> bool:
    """True when the compress stage rewrote this flow's request body."""
    try:
        return bool(getattr(flow.metadata.get(COMPRESSION), "changed", False))
    except Exception:
        return False


def compression_transforms(flow: http.HTTPFlow) -> dict[str, int]:
    """How many blocks each transform was applied to, e.g. {"dedupe": 2, "log-tail": 1}."""
    counts: dict[str, int] = {}
    try:
        for block in getattr(flow.metadata.get(COMPRESSION), "blocks", None) or ():
            for name in getattr(block, "transforms", None) or ():
                counts[str(name)] = counts.get(str(name), 0) + 1
    except Exception:
        return {}
    return counts
