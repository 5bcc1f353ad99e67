"""Stage 3, compress: tool outputs inside LLM request bodies, originals kept for retrieval.

The hook only reads the body, calls the pure engine (which never raises and returns the client's
bytes when it changes nothing), and puts the result back. Headers other than Content-Length are
not touched: auth, `stream` and the client's identity stay exactly as sent.
"""

from __future__ import annotations

from pathlib import Path
from mitmproxy import ctx, exceptions, http

from . import CompressionSettings, OriginalStore, compress_request
from ..facts import FlowClass
from ..options import check_mitm, declare
from .. import flowdata, wsturn


class Compress:
    def __init__(self) -> None:
        self.settings = CompressionSettings()
        self.store: OriginalStore | None = None

    def load(self, loader) -> None:
        declare(loader, "headroom_compress", "headroom_disable_transforms", "headroom_lossless_tools", "headroom_store", "headroom_tool_output_dirs")

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
        if "headroom_store" in updated:
            if self.store is not None:
                self.store.close()
            self.store = OriginalStore(Path(ctx.options.headroom_store)) if ctx.options.headroom_store else None

    def done(self) -> None:
        if self.store is not None:
            self.store.close()

    def request(self, flow: http.HTTPFlow) -> None:
        parsed = flowdata.take_body(flow)  # the earlier stages' parse of this body, if any
        route = flowdata.route_of(flow)
        if (
            flow.response is not None
            or not self.settings.enabled
            or route is None
            or route.kind is not FlowClass.LLM
            or route.api_format is None
            or flow.request.raw_content is None  # streamed (over the size we buffer): left alone
        ):
            return
        body = flow.request.raw_content
        result = compress_request(
            body,
            api_format=route.api_format.value,
            content_encoding=flow.request.headers.get("content-encoding"),
            settings=self.settings,
            store=self.store,
            parsed=parsed,
        )
        flowdata.set_compression(flow, flowdata.Compression(bytes_before=len(body), result=result))
        if result.changed:
            flow.request.raw_content = result.body
            if "content-length" in flow.request.headers:
                flow.request.headers["content-length"] = str(len(result.body))

    def websocket_message(self, flow: http.HTTPFlow) -> None:
        """A `response.create` over WebSocket is compressed like a Responses body, in place."""
        turn = flow.metadata.get(wsturn.WS_TURN)
        assert flow.websocket is not None
        message = flow.websocket.messages[-1]
        if turn is None or not self.settings.enabled:
            return
        known = flow.metadata.setdefault(wsturn.WS_CALLS, {})
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
