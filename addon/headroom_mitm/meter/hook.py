"""Stages 5-6, meter and record: usage read on the side of each LLM response, one record per flow.

`MeterIntake` runs first in the `request` hook, before compression: it notes the request as the
client sent it (size, estimated tokens, the time our hooks started). `Meter` runs after Forward: it
notes what is actually sent, taps the response for the provider's usage without holding a byte
back, and writes the record (JSONL) and the live totals when the flow ends.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from mitmproxy import ctx, http

from .live import FlowFacts, LiveStats, PriceSource, build_record
from .records import (
    AttemptTracker,
    FlowRecord,
    RecordWriter,
    attempt_key,
    client_from_headers,
    session_from_headers,
)
from ..facts import FlowClass
from .tap import UsageTap
from .usage import estimate_tokens, usage_from_body
from ..options import check_mitm, declare
from .. import flowdata, wsturn
from ..bodies import decode_body
from ..forward.stream import stream_tap

log = logging.getLogger(__name__)

MAX_ERROR_BODY = 64 << 10


@dataclass
class FlowMeter:
    """Per-flow metering state, plain data."""

    provider: str | None
    api_format: str
    t_in: float
    bytes_before: int
    est_before: int
    t_out: float | None = None
    bytes_after: int | None = None
    est_after: int | None = None
    model: str | None = None
    attempt: int = 1
    tap: UsageTap | None = None
    done: bool = False


def _body(message: http.Message) -> bytes:
    """The body as sent, decoded with the one bounded decoder (size and ratio caps); a body it cannot
    or may not decode is counted as the bytes that came."""
    raw = message.raw_content or b""
    encoding = message.headers.get("content-encoding")
    if not raw or not encoding:
        return raw
    try:
        return decode_body(raw, encoding)
    except Exception:
        return raw


def _llm_format(flow: http.HTTPFlow) -> str | None:
    route = flowdata.route_of(flow)
    if route is None or route.kind is not FlowClass.LLM or route.api_format is None:
        return None
    return str(route.api_format.value if hasattr(route.api_format, "value") else route.api_format)


class MeterIntake:
    """First in the request hook: the request as the client sent it, before any rewrite."""

    def __init__(self, keep_originals: bool = False) -> None:
        self.keep_originals = keep_originals

    def request(self, flow: http.HTTPFlow) -> None:
        try:
            fmt = _llm_format(flow)
            if fmt is None or flow.request.headers.get("upgrade", "").lower() == "websocket":
                return  # a WebSocket upgrade is no LLM call: each response over it is (websocket_message)
            body = (flow.request.raw_content or b"") if flowdata.known_undecodable(flow) else _body(flow.request)
            route = flowdata.route_of(flow)
            flowdata.live(flow)[flowdata.METER] = FlowMeter(
                provider=route.provider if route else None,
                api_format=fmt,
                t_in=time.time(),
                bytes_before=len(body),
                est_before=estimate_tokens(body),
            )
            if self.keep_originals:
                flowdata.live(flow)[flowdata.ORIGINAL_BODY] = bytes(body)
        except Exception:
            log.exception("meter intake failed (the flow is not affected)")


    def websocket_message(self, flow: http.HTTPFlow) -> None:
        """A client `response.create` starts a turn, measured before compression."""
        try:
            assert flow.websocket is not None
            message = flow.websocket.messages[-1]
            if not message.from_client or message.dropped or not wsturn.is_llm_websocket(flow):
                return  # dropped: refused by the policy, never sent
            create = wsturn.parse_create(message.content)
            if create is None:
                return
            model = create.get("model")
            flowdata.live(flow)[wsturn.WS_TURN] = wsturn.WsTurn(
                started=time.time(), request=create, model=model[:200] if isinstance(model, str) else None,
                bytes_before=len(message.content), est_before=estimate_tokens(message.content),
            )
        except Exception:
            log.exception("meter intake failed on a WebSocket message (it is relayed unchanged)")


class Meter:
    def __init__(self, stats: LiveStats | None = None, writer: RecordWriter | None = None) -> None:
        self.stats = stats or LiveStats(PriceSource())
        self.writer = writer
        self.attempts = AttemptTracker()

    def load(self, loader) -> None:
        declare(loader, "headroom_records", "headroom_records_max_bytes", "headroom_records_keep")

    def configure(self, updated: set[str]) -> None:
        if updated & {"headroom_records", "headroom_records_max_bytes", "headroom_records_keep"}:
            check_mitm(updated, "headroom_records_max_bytes", "headroom_records_keep")
            max_bytes, keep = ctx.options.headroom_records_max_bytes, ctx.options.headroom_records_keep
            if self.writer is not None:
                self.writer.close()
            path = ctx.options.headroom_records
            self.writer = RecordWriter(path, max_bytes=max_bytes, keep=keep) if path else None

    def done(self) -> None:
        if self.writer is not None:
            self.writer.close()

    # -- request: what is actually sent -----------------------------------------------------------
    def request(self, flow: http.HTTPFlow) -> None:
        try:
            state = flowdata.live(flow).get(flowdata.METER)
            if state is None:
                return
            body = (flow.request.raw_content or b"") if flowdata.known_undecodable(flow) else _body(flow.request)
            state.t_out = time.time()
            state.bytes_after = len(body)
            # Compression is the only stage that rewrites a body: unchanged, it was measured at intake.
            unchanged = not flowdata.compression_changed(flow) and state.bytes_after == state.bytes_before
            state.est_after = state.est_before if unchanged else estimate_tokens(body)
            state.model = flowdata.model_of(flow)
            if flow.response is None:  # a refused flow was never sent: not an attempt
                state.attempt = self.attempts.attempt(attempt_key(flowdata.original_host(flow), flow.request.path, body))
        except Exception:
            log.exception("meter request hook failed (the flow is not affected)")

    # -- response: tap the stream on the side -----------------------------------------------------
    def responseheaders(self, flow: http.HTTPFlow) -> None:
        try:
            state = flowdata.live(flow).get(flowdata.METER)
            if state is None:
                return
            stream = stream_tap(flow)
            if stream is None:
                return
            assert flow.response is not None
            state.tap = UsageTap(state.api_format, flow.response.headers.get("content-encoding"))
            stream.feeders.append(state.tap.on_chunk)
        except Exception:
            log.exception("meter could not tap the response (it is forwarded untapped)")

    def response(self, flow: http.HTTPFlow) -> None:
        self._finish(flow, None)

    def error(self, flow: http.HTTPFlow) -> None:
        self._finish(flow, str(flow.error.msg) if flow.error else "error")

    def _finish(self, flow: http.HTTPFlow, error: str | None) -> None:
        try:
            state = flowdata.live(flow).get(flowdata.METER)
            if state is None or state.done:
                return
            state.done = True
            record = self.record_for(flow, state, error)
            flowdata.live(flow)[flowdata.RECORD] = record
            if self.writer is not None and not self.writer.write(record):
                self.stats.lost("flows")
                log.warning("could not write a flow record: %s", self.writer.last_error)
            self.stats.add(record)
        except Exception:
            log.exception("meter could not record a flow")

    # -- WebSocket turns: one record per response ------------------------------------------------
    def websocket_message(self, flow: http.HTTPFlow) -> None:
        try:
            turn = flowdata.live(flow).get(wsturn.WS_TURN)
            assert flow.websocket is not None
            message = flow.websocket.messages[-1]
            if turn is None or turn.ended is not None:
                return
            if message.from_client:
                turn.bytes_after = len(message.content)
                changed = turn.compression is not None and turn.compression.changed
                turn.est_after = estimate_tokens(message.content) if changed else turn.est_before
                return
            turn.down += len(message.content)
            turn.first_event = turn.first_event or time.time()
            event = wsturn.final_event(message.content)
            if event is not None:
                turn.final, turn.error = event, wsturn.turn_error(event)
                self._finish_turn(flow, turn)
        except Exception:
            log.exception("meter could not read a WebSocket message (it is relayed unchanged)")

    def websocket_end(self, flow: http.HTTPFlow) -> None:
        turn = flowdata.live(flow).get(wsturn.WS_TURN)
        if turn is not None and turn.ended is None:
            turn.error = "the WebSocket closed before the response completed"
            self._finish_turn(flow, turn)

    def _finish_turn(self, flow: http.HTTPFlow, turn: wsturn.WsTurn) -> None:
        turn.ended = time.time()
        try:
            usage = usage_from_body(wsturn.API_FORMAT.value, wsturn.response_body(turn.final)) if turn.final else None
            route = flowdata.route_of(flow)
            blocks = turn.compression.blocks if turn.compression is not None else ()
            transforms: dict[str, int] = {}
            for block in blocks:
                for name in getattr(block, "transforms", None) or ():
                    transforms[str(name)] = transforms.get(str(name), 0) + 1
            facts = FlowFacts(
                host=flowdata.original_host(flow), provider=route.provider if route else None,
                api_format=wsturn.API_FORMAT.value, session=session_from_headers(flow.request.headers),
                client=client_from_headers(flow.request.headers), model=turn.model, stream=True,
                status=101, bytes_before=turn.bytes_before,
                bytes_after=turn.bytes_after if turn.bytes_after is not None else turn.bytes_before,
                est_before=turn.est_before, est_after=turn.est_after if turn.est_after is not None else turn.est_before,
                usage=usage, ttfb_ms=(turn.first_event - turn.started) * 1000 if turn.first_event else None,
                total_ms=(turn.ended - turn.started) * 1000, transforms=transforms, error=turn.error,
            )
            record = build_record(facts)
            if self.writer is not None and not self.writer.write(record):
                log.warning("could not write a flow record: %s", self.writer.last_error)
            self.stats.add(record)
        except Exception:
            log.exception("meter could not record a WebSocket response")

    @staticmethod
    def record_for(flow: http.HTTPFlow, state: FlowMeter, error: str | None) -> FlowRecord:
        response = flow.response
        request = flow.request
        usage = None
        error_body = None
        if state.tap is not None:
            state.tap.finish()
            usage = state.tap.usage
            if error is None and state.tap.error:
                error = state.tap.error
        elif response is not None:
            content = _body(response)
            usage = usage_from_body(state.api_format, content)
            if response.status_code >= 400:
                error_body = content[:MAX_ERROR_BODY]
        ttfb = total = None
        start = request.timestamp_start
        if response is not None and start:
            if response.timestamp_start:
                ttfb = (response.timestamp_start - start) * 1000
            end = response.timestamp_end or time.time()
            total = (end - start) * 1000
        elif start:
            total = (time.time() - start) * 1000
        addon_ms = (state.t_out - state.t_in) * 1000 if state.t_out is not None else None
        facts = FlowFacts(
            host=flowdata.original_host(flow),
            provider=state.provider,
            api_format=state.api_format,
            session=session_from_headers(request.headers),
            client=client_from_headers(request.headers),
            model=state.model,
            stream=response is not None and "text/event-stream" in response.headers.get("content-type", ""),
            status=response.status_code if response is not None else None,
            attempt=state.attempt,
            bytes_before=state.bytes_before,
            bytes_after=state.bytes_after if state.bytes_after is not None else state.bytes_before,
            est_before=state.est_before,
            est_after=state.est_after if state.est_after is not None else state.est_before,
            usage=usage,
            ttfb_ms=ttfb,
            total_ms=total,
            addon_ms=addon_ms,
            transforms=flowdata.compression_transforms(flow),
            error=error,
            error_body=error_body,
        )
        return build_record(facts)
