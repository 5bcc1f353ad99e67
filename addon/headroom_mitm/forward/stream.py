"""Responses are streamed to the client as they arrive: an SSE answer is never held back whole."""

from __future__ import annotations

from mitmproxy import http


class StreamResponses:
    def responseheaders(self, flow: http.HTTPFlow) -> None:
        assert flow.response is not None
        if "text/event-stream" in flow.response.headers.get("content-type", ""):
            flow.response.stream = True
