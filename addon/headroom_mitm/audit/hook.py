"""Stage 6, record: one audit record per blind tunnel and per intercepted request.

Blind tunnels are relayed by a TCP layer that counts bytes (mitmproxy's own "ignored" TLS relay has
no hooks, so nothing could be counted or closed out); the record is written when the tunnel ends.
A CONNECT that is refused, or that carried nothing, is recorded when it is refused or when the
client goes away. An intercepted request is recorded in the `response` hook, which mitmproxy runs
before the response is (fully) sent: a client that got its response has its record on disk
(AuditWriter writes each line with one write(2), so even SIGKILL cannot lose it).

The hooks only collect plain values; `tunnel_record` / `request_record` build the records.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Mapping, Protocol

from mitmproxy import ctx, exceptions, http, tcp
from mitmproxy.proxy import layers
from mitmproxy.proxy.layers.tls import parse_client_hello

from .record import AuditError, AuditRecord
from .trail import AuditWriter, open_writer
from ..policy.model import Decision
from ..meter.records import session_from_headers
from ..redact import key_fingerprint
from ..facts import FlowClass
from ..route.routing import Route
from ..options import declare
from .. import flowdata, wsturn
from ..forward.stream import stream_tap, tap_of
from ..provider_errors import refuse

log = logging.getLogger(__name__)


# Refusals the proxy makes itself before the policy runs (or for reasons the policy does not own).
_REFUSAL_RULES = {407: "proxy-auth", 508: "loop-guard", 403: "telemetry-block"}


# ---- pure: plain data → records ---------------------------------------------------------------------


@dataclass
class Tunnel:
    """What is known about one CONNECT and the blind tunnel behind it."""

    started: float
    client: tuple[str, int] | None
    host: str
    port: int
    route: Route | None
    decision: Decision | None
    status: int | None = None
    sni: str | None = None
    up: int = 0
    down: int = 0
    requests: int = 0  # intercepted requests recorded on this connection
    user: str | None = None
    blind: bool = False
    recorded: bool = False
    note: str | None = None


def _utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, timezone.utc)


def _route_fields(route: Route | None) -> dict[str, object]:
    if route is None:
        return {"flow_class": FlowClass.OTHER.value, "provider": None}
    return {"flow_class": route.kind.value, "provider": route.provider}


def _decision_fields(decision: Decision | None, status: int | None, self_refused: bool, reason: str | None) -> dict[str, object]:
    if decision is not None and not decision.allowed:
        return {"decision": "deny", "rule": decision.rule, "reason": decision.reason}
    if self_refused and status in _REFUSAL_RULES:
        return {"decision": "deny", "rule": _REFUSAL_RULES[status], "reason": reason}
    if decision is not None:
        return {"decision": "allow", "rule": decision.rule, "reason": reason or decision.reason}
    return {"decision": "allow", "rule": "default", "reason": reason}


def tunnel_record(t: Tunnel, ended: float, *, self_refused: bool = False, reason: str | None = None) -> AuditRecord:
    return AuditRecord(
        time=_utc(t.started),
        client_ip=t.client[0] if t.client else None,
        client_port=t.client[1] if t.client else None,
        host=t.host,
        port=t.port,
        sni=t.sni,
        status=t.status,
        bytes_up=t.up,
        bytes_down=t.down,
        duration_ms=max(0.0, (ended - t.started) * 1000),
        user=t.user,
        kind="tunnel",
        **_route_fields(t.route),
        **_decision_fields(t.decision, t.status, self_refused, reason or t.note),
    )


@dataclass
class RequestFacts:
    started: float
    client: tuple[str, int] | None
    host: str
    port: int
    sni: str | None
    route: Route | None
    decision: Decision | None
    method: str
    path: str
    headers: Mapping[str, str]
    url: str
    model: str | None
    status: int | None
    up: int
    down: int
    self_refused: bool
    reason: str | None = None
    refusal_rule: str | None = None  # a refusal the audit stage made itself
    user: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


def request_record(f: RequestFacts, ended: float) -> AuditRecord:
    return AuditRecord(
        time=_utc(f.started),
        client_ip=f.client[0] if f.client else None,
        client_port=f.client[1] if f.client else None,
        session=session_from_headers(f.headers),
        host=f.host,
        port=f.port,
        sni=f.sni,
        model=f.model,
        method=f.method,
        path=f.path,  # the record redacts it
        status=f.status,
        bytes_up=f.up,
        bytes_down=f.down,
        duration_ms=max(0.0, (ended - f.started) * 1000),
        key_fingerprint=key_fingerprint(f.headers, f.url),
        user=f.user,
        kind="request",
        **_route_fields(f.route),
        **(
            {"decision": "deny", "rule": f.refusal_rule, "reason": f.reason}
            if f.refusal_rule
            else _decision_fields(f.decision, f.status, f.self_refused, f.reason)
        ),
    )


# ---- the addon ---------------------------------------------------------------------------------------


def _peer(conn) -> tuple[str, int] | None:
    peer = getattr(conn, "peername", None)
    return (str(peer[0]), int(peer[1])) if peer else None


class LossCounter(Protocol):
    def lost(self, trail: str) -> None: ...  # noqa: E704


AUDIT_DOWN = "headroom-mitm: the audit trail cannot be written, so this request is refused (--audit-failure block)"
AUDIT_LOST = "headroom-mitm: the answer is withheld because its audit record could not be written (--audit-failure block)"


class AuditTrail:
    """Writes the egress audit trail. `decrypts(host, client_id)`: is a tunnel intercepted; `losses`
    (the live stats) counts every record that could not be written; `on_blind(host, up, down)` hears
    of each blind tunnel as it ends (the meter's ledger). With --audit-failure block nothing is
    answered without its record: while the trail cannot be written, requests and tunnels are refused
    before a byte goes upstream, and an answer whose record fails is replaced by an error (a streamed
    one is cut off). The refusal's own record probes: once written, traffic flows."""

    def __init__(self, decrypts: Callable[[str, str], bool] | None = None, losses: LossCounter | None = None,
                 on_blind: Callable[[str, int, int], None] | None = None) -> None:
        self._decrypts = decrypts
        self._losses = losses
        self._on_blind = on_blind
        self.writer: AuditWriter | None = None
        self.block = True
        self.failing = False  # the last write failed
        self._tunnels: dict[str, Tunnel] = {}

    def load(self, loader) -> None:
        declare(loader, "headroom_audit_file", "headroom_audit_format", "headroom_audit_max_bytes", "headroom_audit_failure")

    def configure(self, updated: set[str]) -> None:
        if "headroom_audit_failure" in updated:
            self.block = ctx.options.headroom_audit_failure != "pass"
        if updated & {"headroom_audit_file", "headroom_audit_format", "headroom_audit_max_bytes"}:
            self._close()
            path = ctx.options.headroom_audit_file
            if path:
                try:
                    self.writer = open_writer(Path(path), ctx.options.headroom_audit_max_bytes, ctx.options.headroom_audit_format)
                except (AuditError, OSError, ValueError) as exc:
                    raise exceptions.OptionsError(f"audit trail: {exc}") from None

    def _close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    def done(self) -> None:
        self._close()

    def _write(self, record: AuditRecord) -> bool:
        """Whether the record is on disk; a failure is counted before anything else can fail."""
        if self.writer is None:
            return True
        try:
            self.writer.write(record)
        except AuditError as exc:
            self.failing = True
            if self._losses is not None:
                self._losses.lost("audit")
            log.error("audit record lost (%s): %s", "request refused" if self.block else "passed", exc)
            return False
        self.failing = False
        return True

    def _refusing(self) -> bool:
        return self.block and self.failing and self.writer is not None

    # -- tunnels ------------------------------------------------------------------------------
    def http_connect(self, flow: http.HTTPFlow) -> None:
        if self.writer is None:
            return
        if flow.response is None and self._refusing():
            flow.response = http.Response.make(503, AUDIT_DOWN.encode() + b"\n", {"content-type": "text/plain; charset=utf-8"})
        t = Tunnel(
            started=flow.request.timestamp_start or time.time(),
            client=_peer(flow.client_conn),
            host=flowdata.original_host(flow),
            port=flow.request.port,
            route=flowdata.route_of(flow),
            decision=flowdata.decision_of(flow),
            user=flowdata.proxy_user(flow),
        )
        if flow.response is not None:  # refused: the tunnel never opens
            t.status = flow.response.status_code
            t.recorded = True
            self._write(tunnel_record(t, time.time(), self_refused=True, reason=_refusal_text(flow.response)))
            return
        t.status = 200
        self._tunnels[flow.client_conn.id] = t

    def next_layer(self, nextlayer) -> None:
        # mitmproxy's ignored-TLS relay has no hooks: relay blind tunnels with a TCP layer that has.
        layer = nextlayer.layer
        if self.writer is None or not isinstance(layer, layers.ServerTLSLayer):
            return
        context = nextlayer.context
        t = self._tunnels.get(context.client.id)
        if t is None or context.server.address is None:
            return
        if self._decrypts is not None and self._decrypts(str(context.server.address[0]), context.client.id):
            return
        try:
            hello = parse_client_hello(nextlayer.data_client())
        except ValueError:
            hello = None
        t.sni = hello.sni if hello is not None else None
        t.blind = True
        nextlayer.layer = layers.TCPLayer(context)

    def tcp_message(self, flow: tcp.TCPFlow) -> None:
        t = self._tunnels.get(flow.client_conn.id)
        message = flow.messages[-1]
        if t is not None:
            if message.from_client:
                t.up += len(message.content)
            else:
                t.down += len(message.content)
        flow.messages.clear()  # the relay keeps its own reference; never hold a tunnel's bytes

    def tcp_end(self, flow: tcp.TCPFlow) -> None:
        self._finish_tunnel(flow.client_conn.id)

    def tcp_error(self, flow: tcp.TCPFlow) -> None:
        t = self._tunnels.get(flow.client_conn.id)
        if t is not None and flow.error is not None:
            t.note = f"tunnel error: {flow.error.msg}"
        self._finish_tunnel(flow.client_conn.id)

    def tls_failed_client(self, data) -> None:
        t = self._tunnels.get(data.context.client.id)
        if t is not None and t.note is None:
            t.note = f"client TLS handshake failed: {data.conn.error}"

    def client_disconnected(self, client) -> None:
        t = self._tunnels.pop(client.id, None)
        if t is not None and not t.recorded and t.requests == 0:
            if t.note is None and not t.blind:
                t.note = "tunnel opened but no request was completed"
            self._finish(t)

    def _finish_tunnel(self, client_id: str) -> None:
        t = self._tunnels.get(client_id)
        if t is not None and not t.recorded:
            self._finish(t)

    def _finish(self, t: Tunnel) -> None:
        t.recorded = True
        self._write(tunnel_record(t, time.time()))
        if t.blind and self._on_blind is not None:
            self._on_blind(t.host, t.up, t.down)

    # -- intercepted requests -------------------------------------------------------------------
    def requestheaders(self, flow: http.HTTPFlow) -> None:
        # Before the forward stage may rewrite host/port for a --route.
        flow.metadata[flowdata.AUDIT_TARGET] = flowdata.original_target(flow)

    def request(self, flow: http.HTTPFlow) -> None:
        if flow.response is None and self._refusing():
            refuse(flow, 503, AUDIT_DOWN, should_retry=True)  # nothing went upstream
            flow.metadata[flowdata.AUDIT_REFUSED] = True

    def responseheaders(self, flow: http.HTTPFlow) -> None:
        if self.writer is not None:
            stream_tap(flow)  # counts the streamed bytes for the record

    def response(self, flow: http.HTTPFlow) -> None:
        self._record_request(flow)

    def error(self, flow: http.HTTPFlow) -> None:
        self._record_request(flow, reason=f"error: {flow.error.msg}" if flow.error else None)

    # -- WebSocket turns: one record per response (the meter ends the turn first), one per refusal ----
    def websocket_message(self, flow: http.HTTPFlow) -> None:
        assert flow.websocket is not None
        del flow.websocket.messages[:-1]  # the relay holds what it sends; never keep a session's frames
        message, turn = flow.websocket.messages[-1], flowdata.live(flow).get(wsturn.WS_TURN)
        if message.from_client and message.dropped:  # refused by the policy: never sent
            model = (wsturn.parse_create(message.content) or {}).get("model")
            self._record_ws(flow, message.timestamp, model if isinstance(model, str) else None, len(message.content), 0)
        elif turn is not None and turn.ended is not None and not turn.audited:
            self.websocket_end(flow)

    def websocket_end(self, flow: http.HTTPFlow) -> None:
        turn = flowdata.live(flow).get(wsturn.WS_TURN)
        if turn is not None and not turn.audited:
            turn.audited = True
            up = turn.bytes_after if turn.bytes_after is not None else turn.bytes_before
            self._record_ws(flow, turn.started, turn.model, up, turn.down, turn.error)

    def _record_ws(self, flow: http.HTTPFlow, started: float, model: str | None, up: int, down: int,
                   reason: str | None = None) -> None:
        if self.writer is not None:
            facts = self.request_facts(flow, reason=reason)
            facts.started, facts.method, facts.model, facts.up, facts.down, facts.self_refused = started, "WS", model, up, down, False
            self._write(request_record(facts, time.time()))

    def _record_request(self, flow: http.HTTPFlow, reason: str | None = None) -> None:
        if self.writer is None or flow.metadata.get(flowdata.AUDITED) or not isinstance(flow, http.HTTPFlow):
            return
        if flow.request.method == "CONNECT":
            return  # the tunnel is recorded by its own hooks
        flow.metadata[flowdata.AUDITED] = True
        facts = self.request_facts(flow, reason)
        refused = bool(flow.metadata.get(flowdata.AUDIT_REFUSED))
        if refused:
            facts.refusal_rule = "audit-failure"
        if not self._write(request_record(facts, time.time())) and self.block and flow.response is not None and not refused:
            if flow.response.stream:
                flow.kill()  # already partly sent: cut it off rather than let it complete unrecorded
            else:
                refuse(flow, 503, AUDIT_LOST, should_retry=False)  # it may have reached the upstream
        t = self._tunnels.get(flow.client_conn.id)
        if t is not None:
            t.requests += 1

    @staticmethod
    def request_facts(flow: http.HTTPFlow, reason: str | None = None) -> RequestFacts:
        request, response = flow.request, flow.response
        host, port = flow.metadata.get(flowdata.AUDIT_TARGET) or (flowdata.original_host(flow), request.port)
        self_refused = response is not None and flow.server_conn.timestamp_start is None
        if response is None:
            down = 0
        elif (tap := tap_of(flow)) is not None:
            down = tap.down
        else:
            down = len(response.raw_content or b"")
        model = flowdata.model_of(flow)
        if reason is None and self_refused and response is not None:
            reason = _refusal_text(response)
        if reason is None and flow.metadata.get(flowdata.CONNECT_FAILURE):
            reason = f"upstream unreachable: {flow.metadata[flowdata.CONNECT_FAILURE]}"
        return RequestFacts(
            started=request.timestamp_start or time.time(),
            client=_peer(flow.client_conn),
            host=host,
            port=port,
            sni=flow.client_conn.sni,
            route=flowdata.route_of(flow),
            decision=flowdata.decision_of(flow),
            method=request.method,
            path=request.path,
            headers=request.headers,
            url=request.path,
            model=model,
            status=response.status_code if response is not None else None,
            up=flowdata.request_size(flow),
            down=down,
            self_refused=self_refused,
            reason=reason,
            user=flowdata.proxy_user(flow),
        )


def _refusal_text(response: http.Response) -> str | None:
    """The human message of a refusal the proxy made itself (bounded; never echoes headers)."""
    try:
        text = (response.get_text(strict=False) or "").strip()
    except ValueError:
        return None
    if text.startswith("{"):
        import json

        try:
            obj = json.loads(text)
            error = obj.get("error")
            text = error.get("message", text) if isinstance(error, dict) else text
        except (ValueError, AttributeError):
            pass
    return text[:300] or None
