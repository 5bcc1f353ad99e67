"""Attacks on the HTTP framing itself, through a real gateway: request smuggling (CL+TE, duplicate
Content-Length) and oversized request heads. Nothing smuggled or oversized reaches the upstream."""

from __future__ import annotations

import pytest

from tests.hostile.conftest import LLM, basic, exchange

SMUGGLED = b"GET /smuggled HTTP/1.1\r\nHost: llm.gw.test\r\n\r\n"


def _head(extra: str) -> bytes:
    return (f"POST http://{LLM}/v1/chat/completions HTTP/1.1\r\nHost: {LLM}\r\nProxy-Authorization: {basic()}\r\n"
            f"Content-Type: application/json\r\n{extra}\r\n").encode()


@pytest.mark.parametrize("framing", [
    "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n",
    "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n",
    "Content-Length: 4\r\nContent-Length: 60\r\n",
    "Content-Length: 4, 60\r\n",
    "Transfer-Encoding: chunked, identity\r\n",
])
def test_ambiguous_framing_is_refused_and_nothing_is_smuggled(gateway, framing):
    seen = len(gateway.upstream.requests)
    body = b"0\r\n\r\n" + SMUGGLED
    status, _, _ = exchange(gateway.port, _head(framing) + body, timeout=10)
    assert status == 400
    assert len(gateway.upstream.requests) == seen
    assert not any(b"/smuggled" in r for r in gateway.upstream.requests)


def test_an_oversized_request_head_is_refused_not_buffered(gateway):
    seen = len(gateway.upstream.requests)
    huge = "".join(f"X-Pad-{i}: {'a' * 1000}\r\n" for i in range(200))  # ~200 KB of header fields
    status, _, _ = exchange(gateway.port, _head(huge + "Content-Length: 2\r\n") + b"{}", timeout=10)
    assert status == 431
    assert len(gateway.upstream.requests) == seen


def test_an_oversized_url_is_refused(gateway):
    seen = len(gateway.upstream.requests)
    raw = (f"GET http://{LLM}/v1/models?q={'a' * 100_000} HTTP/1.1\r\nHost: {LLM}\r\n"
           f"Proxy-Authorization: {basic()}\r\n\r\n").encode()
    status, _, _ = exchange(gateway.port, raw, timeout=10)
    assert status == 431
    assert len(gateway.upstream.requests) == seen


def test_a_normal_head_of_some_kilobytes_passes(gateway):
    seen = len(gateway.upstream.requests)
    fields = "".join(f"X-Ok-{i}: {'b' * 500}\r\n" for i in range(40))  # ~20 KB
    status, _, _ = exchange(gateway.port, _head(fields + "Content-Length: 2\r\nConnection: close\r\n") + b"{}")
    assert status == 200
    assert len(gateway.upstream.requests) == seen + 1
