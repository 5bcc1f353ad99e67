"""Stage 3, compress: tool outputs inside LLM request bodies, originals kept for retrieval.

The hook only reads the body, calls the pure engine (which never raises and returns the client's
bytes when it changes nothing), and puts the result back. Headers other than Content-Length are
not touched: auth, `stream` and the client's identity stay exactly as sent.
"""

from __future__ import annotations

import logging

from mitmproxy import ctx, exceptions, http

from . import CompressionSettings, Store, compress_request
from .store import try_open_store
from ..redact import redact_url
from ..facts import FlowClass
from ..options import check_mitm, declare
from .. import flowdata, wsturn


log = logging.getLogger(__name__)


class Compress:
    def __init__(self) -> None:
        self.settings = CompressionSettings()
        self.store: Store | None = None

    def load(self, loader) -> None:
        declare(loader, "headroom_compress", "headroom_disable_transforms", "headroom_lossless_tools",
                "headroom_store", "headroom_store_days", "headroom_tool_output_dirs")

    def configure(self, updated: set[str]) -> None:
        keys = {"headroom_compress", "headroom_disable_transforms", "headroom_lossless_tools", "headroom_tool_output_dirs"}
        if updated & keys:
            check_mitm(updated, "headroom_tool_output_dirs")
            dirs = tuple(ctx.options.headroom_tool_output_dirs)
            try:
                self.settings = CompressionSettings.from_user(
                    enabled=ctx.options.headroom_compress,
                    disabled_transforms=ctx.options.headroom_disable_transforms,
                    extra_lossless_tools=ctx.options.headroom_lossless_tools,
                    tool_output_dirs=dirs,
                )
            except ValueError as exc:
                raise exceptions.OptionsError(f"--disable-transform: {exc}") from None
        if updated & {"headroom_store", "headroom_store_days"}:
            check_mitm(updated, "headroom_store_days")
            if self.store is not None:
                self.store.close()
            self.store = None
            spec = ctx.options.headroom_store
            if spec:
                self.store, why = try_open_store(spec, max_age_seconds=ctx.options.headroom_store_days * 86400)
                if why is not None:  # fail open, but lossless: no marker may point at nothing
                    log.error("originals store %s unusable (%s): compression is lossless only", redact_url(str(spec)), why)

    def done(self) -> None:
        if self.store is not None:
            self.store.close()

    def request(self, flow: http.HTTPFlow) -> None:
        route = flowdata.route_of(flow)
        if (
            flow.response is not None
            or not self.settings.enabled
            or route is None
            or route.kind is not FlowClass.LLM
            or route.api_format is None
            or flow.request.raw_content is None  # streamed (over the size we buffer): left alone
            or flowdata.known_undecodable(flow)  # a bomb or a corrupt encoding: forwarded as it came
        ):
            flowdata.take_body(flow)  # nobody else wants it
            return
        # The one parse of this body: the policy's if it read it, else this one, which the meter and
        # audit stages then reuse for the model (compression never changes it).
        flowdata.body_model(flow)
        parsed = flowdata.take_body(flow)
        body = flow.request.raw_content
        result = compress_request(
            body,
            api_format=route.api_format.value,
            content_encoding=flow.request.headers.get("content-encoding"),
            settings=self.settings,
            store=self.store,
            parsed=parsed,
            content_type=flow.request.headers.get("content-type", ""),  # only JSON is rewritten as JSON
        )
        flowdata.set_compression(flow, flowdata.Compression(bytes_before=len(body), result=result))
        if result.changed:
            flow.request.raw_content = result.body
            if "content-length" in flow.request.headers:
                flow.request.headers["content-length"] = str(len(result.body))

    def websocket_message(self, flow: http.HTTPFlow) -> None:
        """A `response.create` over WebSocket is compressed like a Responses body, in place."""
        turn = flowdata.live(flow).get(wsturn.WS_TURN)
        assert flow.websocket is not None
        message = flow.websocket.messages[-1]
        if turn is None or not self.settings.enabled:
            return
        known = flowdata.live(flow).setdefault(wsturn.WS_CALLS, {})
        if not message.from_client:
            event = wsturn.final_event(message.content) if turn.ended is None else None
            if event is not None:
                wsturn.remember_calls(known, event)
            return
        if turn.compression is not None:
            return
        parsed, turn.request = turn.request, None
        result = compress_request(message.content, api_format=wsturn.API_FORMAT.value, content_encoding=None,
                                  settings=self.settings, store=self.store, parsed=parsed, known_calls=known)
        turn.compression = flowdata.Compression(bytes_before=len(message.content), result=result)
        if result.changed:
            message.content = result.body
