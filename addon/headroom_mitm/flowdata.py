"""The per-flow contract: every key an earlier stage leaves on `flow.metadata` for a later one, in
one place, with its accessors. Dependency-free: importing it loads no stage, no mitmproxy.

  key                      written by         read by
  headroom.host            (first asker)      route, policy, forward, meter, audit: the host the client
                                              asked for, before any --route rewrite
  headroom.route           route              every later stage: Route(kind, provider, api_format)
  headroom.model           (first asker)      policy, meter, audit: the requested model
  headroom.policy          policy             audit: the policy Decision
  headroom.compression     compress           meter, audit, web view: what compression did
  headroom.connect_failure forward            audit: why the upstream could not be reached
  headroom.meter           meter (intake)     meter: per-flow metering state
  headroom.original_body   meter (intake)     web view: the body as the client sent it (--web only)
  headroom.record          meter              web view: the FlowRecord once written
  headroom.audit.*         audit              audit: its own per-flow bookkeeping

Plain values (host, model, connect_failure, audit.*) live in `flow.metadata`; objects (route,
policy, compression, meter, original_body, record, the parsed body) in `live(flow)`, so a flow
dump or a copy made by the web UI never meets an object it cannot serialize.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .facts import FlowClass, normalize_host

if TYPE_CHECKING:
    from mitmproxy import http

    from .compress import CompressionResult
    from .facts import ApiFormat
    from .policy.model import Decision
    from .route.routing import Route

ORIGINAL_HOST = "headroom.host"
ROUTE = "headroom.route"
MODEL = "headroom.model"
BODY = "headroom.body"  # an LLM request's JSON body, parsed once for the model; compress takes it
DECISION = "headroom.policy"
COMPRESSION = "headroom.compression"
CONNECT_FAILURE = "headroom.connect_failure"
METER = "headroom.meter"
ORIGINAL_BODY = "headroom.original_body"  # kept only when the web UI is on (bounded by flow pruning)
RECORD = "headroom.record"
AUDIT_TARGET = "headroom.audit.target"
AUDITED = "headroom.audit.done"
AUDIT_REFUSED = "headroom.audit.refused"  # refused because the trail cannot be written


LIVE = "headroom_live"  # the flow attribute holding the per-flow objects (never in flow.metadata)


def live(flow: http.HTTPFlow) -> dict[str, Any]:
    """The per-flow objects (Route, Decision, meter state, compression, record, parsed body): beside
    `flow.metadata`, not in it, because mitmproxy deep-copies and serializes metadata (flow dumps,
    the web UI's edit, duplicate and revert), so it holds plain values only (str, bool, tuples)."""
    state = flow.__dict__.get(LIVE)
    if state is None:
        state = flow.__dict__[LIVE] = {}
    return state


def original_host(flow: http.HTTPFlow) -> str:
    """The host the client asked for, before any `--route` rewrite."""
    host = flow.metadata.get(ORIGINAL_HOST)
    if host is None:
        host = normalize_host(flow.request.host)
        flow.metadata[ORIGINAL_HOST] = host
    return host


def route_of(flow: http.HTTPFlow) -> Route | None:
    return live(flow).get(ROUTE)


def set_route(flow: http.HTTPFlow, route: Route) -> None:
    live(flow)[ROUTE] = route


def decision_of(flow: http.HTTPFlow) -> Decision | None:
    return live(flow).get(DECISION)


def set_decision(flow: http.HTTPFlow, decision: Decision) -> None:
    live(flow)[DECISION] = decision


def api_format_of(flow: http.HTTPFlow) -> ApiFormat | None:
    route = route_of(flow)
    return route.api_format if route is not None else None


def request_size(flow: http.HTTPFlow) -> int:
    """Body bytes of the request; the Content-Length when the body is streamed and not held."""
    raw = flow.request.raw_content
    if raw is not None:
        return len(raw)
    try:
        return int(flow.request.headers.get("content-length", "0"))
    except ValueError:
        return 0


# -- the requested model, parsed once per flow -----------------------------------------------------

_GEMINI_MODEL = re.compile(r"/models/([^/:?]+)")
MAX_MODEL_SCAN = 8 << 20  # bodies larger than this are not parsed just to find the model name


def json_object(body: bytes | None) -> dict[str, Any] | None:
    """The body as a JSON object, or None (not JSON, not an object, encoded, or too large to scan)."""
    if not body or len(body) > MAX_MODEL_SCAN or body.lstrip()[:1] != b"{":
        return None
    try:
        doc = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    return doc if isinstance(doc, dict) else None


def requested_model(path: str, body: bytes | None) -> str | None:
    """The model the client asked for: the body's top-level "model" (OpenAI, Anthropic), else
    Gemini's /models/NAME: path. Callers go through model_of, which parses once per flow."""
    return _model_in(path, json_object(body))


def _model_in(path: str, doc: dict[str, Any] | None) -> str | None:
    model = doc.get("model") if doc is not None else None
    if isinstance(model, str) and model:
        return model[:200]
    m = _GEMINI_MODEL.search(path.split("?", 1)[0])
    return m.group(1) if m else None


def model_of(flow: http.HTTPFlow) -> str | None:
    """The requested model (policy, meter and audit all ask).

    Compression never touches the "model" field, so the first answer holds for the sent body too.
    An LLM request's parsed body is kept for the compress stage, which takes it (one parse per flow).
    """
    if MODEL not in flow.metadata:
        doc = json_object(flow.request.raw_content)
        route = route_of(flow)
        if doc is not None and route is not None and route.kind is FlowClass.LLM:
            live(flow)[BODY] = doc
        flow.metadata[MODEL] = _model_in(flow.request.path, doc)
    return flow.metadata[MODEL]


def take_body(flow: http.HTTPFlow) -> dict[str, Any] | None:
    """The parsed body model_of kept, handed over once (it describes the body as the client sent it)."""
    return live(flow).pop(BODY, None)


# -- compression, as the compress stage leaves it (read defensively: any shape, never raises) -----


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
    def blocks(self) -> list[Any]:
        return self.result.blocks


def set_compression(flow: http.HTTPFlow, compression: Compression) -> None:
    live(flow)[COMPRESSION] = compression


def compression_changed(flow: http.HTTPFlow) -> bool:
    """True when the compress stage rewrote this flow's request body."""
    try:
        return bool(getattr(live(flow).get(COMPRESSION), "changed", False))
    except Exception:
        return False


def compression_transforms(flow: http.HTTPFlow) -> dict[str, int]:
    """How many blocks each transform was applied to, e.g. {"dedupe": 2, "log-tail": 1}."""
    counts: dict[str, int] = {}
    try:
        for block in getattr(live(flow).get(COMPRESSION), "blocks", None) or ():
            for name in getattr(block, "transforms", None) or ():
                counts[str(name)] = counts.get(str(name), 0) + 1
    except Exception:
        return {}
    return counts
