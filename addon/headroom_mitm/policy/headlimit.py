"""A bound on HTTP/1 request heads: a request line plus header fields over MAX_HEAD_BYTES is answered
431 and its connection closed, instead of being buffered while the client keeps sending.

mitmproxy 11 reads a request head until its blank line without any limit (its source says so), so
this wraps its HTTP/1 server's head reader, once per process, from the rules stage's `load`.
"""

from __future__ import annotations

import logging
from typing import Any, Generator

log = logging.getLogger(__name__)
MAX_HEAD_BYTES = 64 << 10  # common servers allow 8-64 KiB; agents send a few KiB
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

    def read_headers(self: Any, event: Any) -> Generator[Any, Any, None]:
        # The head must end within the first MAX_HEAD_BYTES buffered (a body may follow in the same read).
        if len(self.buf) > MAX_HEAD_BYTES and b"\r\n\r\n" not in bytes(self.buf)[: MAX_HEAD_BYTES + 4]:
            yield commands.SendData(self.conn, make_error_response(431, "Request header fields too large."))
            yield commands.CloseConnection(self.conn)
            self.state = self.done
            return
        yield from original(self, event)

    Http1Server.read_headers = read_headers  # type: ignore[method-assign]
    _INSTALLED = True
    return True
