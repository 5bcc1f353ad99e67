"""What mitmweb shows never holds a credential: headers and URL query secrets are redacted in the
flow list, its live updates and flow dumps (which also carry the proxy password mitmproxy's proxyauth
addon keeps in flow.metadata) (redact.py decides what is secret). The flows themselves
are untouched: they are what went upstream; only what leaves for the browser is redacted."""

from __future__ import annotations

from typing import Any

from mitmproxy import http
from mitmproxy.tools.web import app as web_app

from ..flowdata import PROXY_AUTH
from ..redact import REDACTED, SENSITIVE_HEADERS, redact_url


def _headers(pairs: Any) -> tuple[tuple[str, str], ...]:
    return tuple((k, REDACTED if str(k).lower() in SENSITIVE_HEADERS else v) for k, v in pairs)


def redact_flow_json(obj: dict[str, Any]) -> dict[str, Any]:
    """mitmweb's JSON of a flow (app.flow_to_json), its credentials replaced."""
    for part in ("request", "response"):
        message = obj.get(part)
        if isinstance(message, dict) and "headers" in message:
            message["headers"] = _headers(message["headers"])
    request = obj.get("request")
    if isinstance(request, dict) and isinstance(request.get("path"), str):
        request["path"] = redact_url(request["path"])
    return obj


def redacted_copy(flow: Any) -> Any:
    """A copy of a flow for a dump, its credentials replaced."""
    copy = flow.copy()
    if isinstance(copy, http.HTTPFlow):
        for message in (copy.request, copy.response):
            if message is None:
                continue
            for name in {k.lower() for k in message.headers if k.lower() in SENSITIVE_HEADERS}:
                message.headers[name] = REDACTED
        copy.request.path = redact_url(copy.request.path)
    auth = copy.metadata.get(PROXY_AUTH)
    if isinstance(auth, tuple) and len(auth) == 2:  # mitmproxy's proxyauth addon: (user, password)
        copy.metadata[PROXY_AUTH] = (auth[0], REDACTED)
    return copy


def redact_flow_lists() -> None:
    """Wrap mitmweb's flow serializer (the flow list and its websocket updates); idempotent."""
    original = web_app.flow_to_json
    if getattr(original, "headroom_redacted", False):
        return

    def flow_to_json(flow: Any) -> dict[str, Any]:
        return redact_flow_json(original(flow))

    flow_to_json.headroom_redacted = True  # type: ignore[attr-defined]
    web_app.flow_to_json = flow_to_json


class RedactedDumpFlows(web_app.DumpFlows):
    @property
    def view(self) -> Any:  # type: ignore[override]
        view = super().view
        if self.request.method != "GET":
            return view  # an upload (POST) loads into the real view
        return [redacted_copy(f) for f in view]


def redact_handler(delegate: Any) -> None:
    """Serve flow dumps through RedactedDumpFlows."""
    if getattr(delegate, "handler_class", None) is web_app.DumpFlows:
        delegate.handler_class = RedactedDumpFlows
