"""Request bodies the policy must judge (or has refused) are held back, never streamed upstream.

mitmproxy decides to stream a large request body on its own (`stream_large_bodies`: a Content-Length
over the threshold before the `requestheaders` hook, a chunked body once its buffer passes it), and a
streamed body goes upstream before the `request` hook could judge it. For a flow whose policy decision
needs the body, or that is refused already, the policy stage sets `flowdata.BODY_LIMIT`: mitmproxy's
body-size check then keeps at most that many bytes and drops (and counts, in `flowdata.BODY_WITHHELD`)
the rest, so memory stays bounded and nothing is streamed; the `request` hook refuses what it cannot read.

mitmproxy 11 offers no per-flow streaming switch, so this wraps its HTTP stream's size check, once per
process. `installed()` says whether it could (the policy stage kills a flow it cannot hold back).
"""

from __future__ import annotations

import logging
from typing import Any, Generator

from .. import flowdata

log = logging.getLogger(__name__)
_INSTALLED = False


def _held(stream: Any, request: bool) -> int | None:
    if not request:
        return None
    flow = getattr(stream, "flow", None)
    limit = flow.metadata.get(flowdata.BODY_LIMIT) if flow is not None else None
    return limit if isinstance(limit, int) else None


def install() -> bool:
    """Wrap mitmproxy's request-body size check (idempotent). False if this mitmproxy has no such check."""
    global _INSTALLED
    if _INSTALLED:
        return True
    try:
        from mitmproxy.proxy.layers.http import HttpStream

        original = HttpStream.check_body_size
    except (ImportError, AttributeError):
        log.error("cannot hold back request bodies in this mitmproxy version; such flows are killed")
        return False

    def check_body_size(self: Any, request: bool) -> Generator[Any, Any, bool]:
        limit = _held(self, request)
        if limit is None:
            return (yield from original(self, request))
        self.flow.request.stream = False
        buf = self.request_body_buf
        if len(buf) > limit:
            flow = self.flow
            flow.metadata[flowdata.BODY_WITHHELD] = flow.metadata.get(flowdata.BODY_WITHHELD, 0) + len(buf)
            buf.clear()
        return False

    HttpStream.check_body_size = check_body_size  # type: ignore[method-assign]
    _INSTALLED = True
    return True


def installed() -> bool:
    return _INSTALLED
