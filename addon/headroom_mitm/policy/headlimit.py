"""Bounds on HTTP/1 request heads: a request line plus header fields over MAX_HEAD_BYTES is answered
431 and its connection closed, instead of being buffered while the client keeps sending; a head still
incomplete HEAD_TIMEOUT seconds after its first byte arrived is answered 408 when the next byte comes
(a client that sends nothing more is closed by clients.py's sweep, or mitmproxy's idle timeout).

HTTP/2 needs no wrapper: h2 advertises SETTINGS_MAX_HEADER_LIST_SIZE 64 KiB, its HPACK decoder stops
with a protocol error (the connection is closed) once a decoded header list passes it, and it buffers
at most 64 CONTINUATION frames (of 16 KiB) of one header block (tests/hostile/test_protocol.py).

mitmproxy 11 reads a request head until its blank line without any limit (its source says so), so
this wraps its HTTP/1 server's head reader, once per process, from the rules stage's `load`.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Generator

log = logging.getLogger(__name__)
MAX_HEAD_BYTES = 64 << 10  # common servers allow 8-64 KiB; agents send a few KiB
HEAD_TIMEOUT = 0.0  # seconds; 0: no deadline (set from headroom_client_head_timeout by clients.py)
_INSTALLED = False


def install() -> bool:
    """Wrap mitmproxy's HTTP/1 request-head reader (idempotent). False if this mitmproxy has none."""
    global _INSTALLED
    if _INSTALLED:
        return True
    try:
        from mitmproxy.proxy import commands
        from mitmproxy.proxy.layers.http._http1 import Http1Server, make_error_response

        original = Http1Server.read_headers
    except (ImportError, AttributeError):
        log.error("cannot bound request heads in this mitmproxy version")
        return False

    def refuse(self: Any, status: int, message: str) -> Generator[Any, Any, None]:
        yield commands.SendData(self.conn, make_error_response(status, message))
        yield commands.CloseConnection(self.conn)
        self.state = self.done

    def read_headers(self: Any, event: Any) -> Generator[Any, Any, None]:
        data = getattr(event, "data", b"")
        # The head must end within the first MAX_HEAD_BYTES buffered (a body may follow in the same read).
        if len(self.buf) > MAX_HEAD_BYTES and b"\r\n\r\n" not in bytes(self.buf)[: MAX_HEAD_BYTES + 4]:
            yield from refuse(self, 431, "Request header fields too large.")
            return
        if HEAD_TIMEOUT > 0 and data:
            now = time.monotonic()
            started = getattr(self, "headroom_head_started", None)
            if started is None or len(self.buf) == len(data):  # the first bytes of a new head
                self.headroom_head_started = now
            elif now - started > HEAD_TIMEOUT and b"\r\n\r\n" not in bytes(self.buf):
                yield from refuse(self, 408, "Request head not received in time.")
                return
        yield from original(self, event)
        if self.state != self.read_headers:
            self.headroom_head_started = None  # this head is complete; the next one has its own deadline

    Http1Server.read_headers = read_headers  # type: ignore[method-assign]
    _INSTALLED = True
    return True
