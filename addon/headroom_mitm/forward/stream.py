"""Responses are streamed to the client as they arrive: an SSE answer is never held back whole.

Every streamed response carries one tap, `StreamTap`: it passes each chunk on unchanged, counts the
bytes (for the audit record) and hands the chunk to the stages that read along (the meter's usage
tap). One callable per chunk, whoever asks first installs it (`stream_tap`).
"""

from __future__ import annotations

from typing import Callable

from mitmproxy import http

Feeder = Callable[[bytes], None]


class StreamTap:
    """The stream callable of one response; never raises, never holds a byte back.

    mitmproxy drops a chunk silently when the stream callable raises, so every reader is guarded.
    An empty chunk is mitmproxy's end of stream (it may come more than once).
    """

    __slots__ = ("inner", "down", "feeders")

    def __init__(self, inner: Callable[[bytes], bytes | list[bytes]] | None = None) -> None:
        self.inner = inner
        self.down = 0  # bytes passed on, as received from upstream
        self.feeders: list[Feeder] = []

    def __call__(self, chunk: bytes) -> bytes | list[bytes]:
        out = chunk if self.inner is None else self.inner(chunk)
        try:
            self.down += len(chunk)
        except Exception:
            pass
        for feed in self.feeders:
            try:
                feed(chunk)
            except Exception:
                pass
        return out


def stream_tap(flow: http.HTTPFlow) -> StreamTap | None:
    """The response's one tap, installed on first ask; None when the response is not streamed."""
    response = flow.response
    if response is None or not response.stream:
        return None
    if isinstance(response.stream, StreamTap):
        return response.stream
    tap = StreamTap(response.stream if callable(response.stream) else None)
    response.stream = tap
    return tap


def tap_of(flow: http.HTTPFlow) -> StreamTap | None:
    """The tap already on the response, if any (never installs one)."""
    stream = flow.response.stream if flow.response is not None else None
    return stream if isinstance(stream, StreamTap) else None


class StreamResponses:
    def responseheaders(self, flow: http.HTTPFlow) -> None:
        assert flow.response is not None
        if "text/event-stream" in flow.response.headers.get("content-type", ""):
            flow.response.stream = True
