"""The per-flow contract: every key an earlier stage leaves on `flow.metadata` for a later one, in
one place, with its accessors. Dependency-free: importing it loads no stage, no mitmproxy.

  key                      written by         read by
  headroom.host            (first asker)      route, policy, forward, meter, audit: the host the client
                                              asked for, before any --route rewrite
  headroom.target          (first asker)      forward, audit: (host, port) before any --route rewrite
  headroom.route           route              every later stage: Route(kind, provider, api_format)
  headroom.model           (first asker)      policy, meter, audit: the requested model (a BodyModel)
  headroom.body_limit      policy             holdback: request-body bytes held before dropping the rest
  headroom.body_withheld   holdback           policy, audit: request-body bytes dropped, never forwarded
  headroom.policy          policy             audit: the policy Decision
  headroom.checked_addresses  rules (guard)   forward: the resolved addresses its connect probe may use
  headroom.compression     compress           meter, audit, web view: what compression did
  headroom.connect_failure forward            audit: why the upstream could not be reached
  headroom.meter           meter (intake)     meter: per-flow metering state
  headroom.original_body   meter (intake)     web view: the body as the client sent it (--web only)
  headroom.record          meter              web view: the FlowRecord once written
  headroom.audit.*         audit              audit: its own per-flow bookkeeping
  proxyauth                mitmproxy          rules, policy, audit: (user, password) the client sent

Plain values (host, target, connect_failure, audit.*) live in `flow.metadata`; objects (route,
policy, model, compression, meter, original_body, record, the parsed body) in `live(flow)`, so a
flow dump or a copy made by the web UI never meets an object it cannot serialize.
"""

from __future__ import annotations

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
ORIGINAL_TARGET = "headroom.target"
ROUTE = "headroom.route"
MODEL = "headroom.model"  # the model's name (plain); its reading, a BodyModel, is live under MODEL_READ
MODEL_READ = "headroom.model_read"
BODY = "headroom.body"  # an LLM request's JSON body, parsed once for the model; compress takes it
BODY_LIMIT = "headroom.body_limit"  # policy: the most request-body bytes to hold (the rest is withheld)
BODY_WITHHELD = "headroom.body_withheld"  # bytes of a request body read and dropped, never forwarded
DECISION = "headroom.policy"
CHECKED_ADDRESSES = "headroom.checked_addresses"  # destination guard: the addresses it resolved and allowed
COMPRESSION = "headroom.compression"
CONNECT_FAILURE = "headroom.connect_failure"
METER = "headroom.meter"
ORIGINAL_BODY = "headroom.original_body"  # kept only when the web UI is on (bounded by flow pruning)
RECORD = "headroom.record"
PROXY_AUTH = "proxyauth"  # mitmproxy's proxyauth addon: (user, password) of the client
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


def original_target(flow: http.HTTPFlow) -> tuple[str, int]:
    """(host, port) the client asked for, before any `--route` rewrite (the first asker fixes it)."""
    target = flow.metadata.get(ORIGINAL_TARGET)
    if target is None:
        target = (original_host(flow), flow.request.port)
        flow.metadata[ORIGINAL_TARGET] = target
    return target


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
        return len(raw) + flow.metadata.get(BODY_WITHHELD, 0)
    try:
        return int(flow.request.headers.get("content-length", "0"))
    except ValueError:
        return 0


# -- the requested model, parsed once per flow -----------------------------------------------------

_GEMINI_MODEL = re.compile(r"/models/([^/:?]+)")
MAX_MODEL_SCAN = 16 << 20  # the most body bytes held to find the model (larger ones are never buffered)
_FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


@dataclass(frozen=True)
class BodyModel:
    """What a request body says about its model; `problem` says why it could not be read."""

    model: str | None
    doc: dict[str, Any] | None = None
    problem: str | None = None
    too_large: bool = False
    undecodable: bool = False  # its Content-Encoding could not (or may not) be undone


def read_body_model(path: str, raw: bytes | None, content_encoding: str | None = None,
                    content_type: str | None = None, withheld: int = 0) -> BodyModel:
    """The requested model: the body's top-level "model" (OpenAI, Anthropic), else Gemini's
    /models/NAME: path. A non-empty body that is not a form must be a readable JSON object (decoded by
    the one bounded decoder, parsed with a depth limit); otherwise `problem` says why not."""
    from . import bodies

    if withheld or raw is None:
        return BodyModel(_model_in(path, None), problem="the request body is too large to read", too_large=True)
    if not raw:
        return BodyModel(_model_in(path, None))
    if len(raw) > MAX_MODEL_SCAN:
        return BodyModel(_model_in(path, None), problem="the request body is too large to read", too_large=True)
    try:
        data = bodies.decode_body(raw, content_encoding)
    except bodies.TooLarge:
        return BodyModel(_model_in(path, None), problem="the request body decodes past the size cap", too_large=True,
                         undecodable=True)
    except bodies.EncodingError as exc:
        return BodyModel(_model_in(path, None), problem=f"the request body cannot be decoded ({exc})",
                         undecodable=True)
    if (content_type or "").split(";", 1)[0].strip().lower() in _FORM_TYPES:
        return BodyModel(_model_in(path, None))
    try:
        doc = bodies.loads(data)
    except bodies.TooDeep as exc:
        return BodyModel(_model_in(path, None), problem=f"the request body is not readable JSON ({exc})")
    except (ValueError, UnicodeDecodeError):
        return BodyModel(_model_in(path, None), problem="the request body is not readable JSON")
    if not isinstance(doc, dict):
        return BodyModel(_model_in(path, None), problem="the request body is not a JSON object")
    return BodyModel(_model_in(path, doc), doc=doc)


def _model_in(path: str, doc: dict[str, Any] | None) -> str | None:
    model = doc.get("model") if doc is not None else None
    if isinstance(model, str) and model:
        return model[:200]
    m = _GEMINI_MODEL.search(path.split("?", 1)[0])
    return m.group(1) if m else None


def body_model(flow: http.HTTPFlow) -> BodyModel:
    """The requested model and whether it could be read (policy, meter and audit all ask).

    Compression never touches the "model" field, so the first answer holds for the sent body too.
    An LLM request's parsed body is kept for the compress stage, which takes it (one parse per flow).
    """
    found = live(flow).get(MODEL_READ)
    if not isinstance(found, BodyModel):
        request = flow.request
        found = read_body_model(request.path, request.raw_content, request.headers.get("content-encoding"),
                                request.headers.get("content-type"), flow.metadata.get(BODY_WITHHELD, 0))
        route = route_of(flow)
        if found.doc is not None and route is not None and route.kind is FlowClass.LLM \
                and not request.headers.get("content-encoding"):
            live(flow)[BODY] = found.doc
        found = BodyModel(found.model, None, found.problem, found.too_large, found.undecodable)  # no second doc
        live(flow)[MODEL_READ] = found
        flow.metadata[MODEL] = found.model
    return found


def known_undecodable(flow: http.HTTPFlow) -> bool:
    """True when an earlier reading of this body found its encoding undecodable (or a bomb): later
    stages then leave it as it came instead of decoding it again. Never reads the body itself."""
    found = live(flow).get(MODEL_READ)
    return isinstance(found, BodyModel) and found.undecodable


def model_of(flow: http.HTTPFlow) -> str | None:
    """The requested model, or None (unknown or unreadable: see body_model)."""
    return body_model(flow).model


def hold_body(flow: http.HTTPFlow, limit: int) -> None:
    """Keep at most `limit` bytes of this request's body and never stream it (see policy/holdback.py)."""
    flow.metadata[BODY_LIMIT] = limit
    flow.request.stream = False


def proxy_user(flow: http.HTTPFlow) -> str | None:
    """The user name the client authenticated with (mitmproxy's proxyauth leaves it), or None."""
    auth = flow.metadata.get(PROXY_AUTH)
    if isinstance(auth, tuple) and auth and isinstance(auth[0], str) and auth[0]:
        return auth[0][:200]
    return None


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
