"""Attacks on the HTTP framing itself, through a real gateway: request smuggling (CL+TE, duplicate
Content-Length) and oversized request heads. Nothing smuggled or oversized reaches the upstream."""

from __future__ import annotations

import pytest

from tests.hostile.gateway import LLM, basic, exchange

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


def _h2_connection(port: int):
    """A real HTTP/2 client (h2) through a CONNECT tunnel the gateway intercepts: (tls socket, H2Connection)."""
    import socket
    import ssl

    import h2.config
    import h2.connection

    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(f"CONNECT {LLM}:443 HTTP/1.1\r\nHost: {LLM}:443\r\nProxy-Authorization: {basic()}\r\n\r\n".encode())
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = sock.recv(4096)
        assert chunk
        answer += chunk
    assert answer.startswith(b"HTTP/1.1 200")
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # the gateway's CA is not the point here
    context.set_alpn_protocols(["h2"])
    tls = context.wrap_socket(sock, server_hostname=LLM)
    assert tls.selected_alpn_protocol() == "h2"
    conn = h2.connection.H2Connection(h2.config.H2Configuration(client_side=True, header_encoding="utf-8"))
    conn.initiate_connection()
    tls.sendall(conn.data_to_send())
    return tls, conn


def _h2_events(tls, conn, until, rounds: int = 50) -> list:
    """Read frames until an event of one of the `until` types (or the connection ends); bounded."""
    seen: list = []
    for _ in range(rounds):
        try:
            data = tls.recv(65536)
        except (ConnectionResetError, OSError):
            data = b""
        if not data:
            return seen
        events = conn.receive_data(data)
        tls.sendall(conn.data_to_send())
        seen += events
        if any(isinstance(e, until) for e in events):
            return seen
    raise AssertionError(f"no {until} within {rounds} reads")


def _h2_get(conn, headers: list[tuple[str, str]]) -> None:
    conn.send_headers(1, [(":method", "GET"), (":scheme", "https"), (":authority", LLM),
                          (":path", "/v1/models"), *headers], end_stream=True)


def test_http2_heads_are_bounded_and_the_bound_is_advertised(gateway):
    # h2 (not our code) enforces this bound; the test pins it against a dependency change.
    import h2.events
    from h2.settings import SettingCodes

    seen = len(gateway.upstream.requests)
    tls, conn = _h2_connection(gateway.port)
    with tls:
        events = _h2_events(tls, conn, (h2.events.RemoteSettingsChanged,))
        settings = next(e for e in events if isinstance(e, h2.events.RemoteSettingsChanged)).changed_settings
        assert settings[SettingCodes.MAX_HEADER_LIST_SIZE].new_value == 64 << 10
        # A client may ignore the advertised size; the gateway still refuses to decode past it.
        conn.remote_settings.max_header_list_size = 1 << 30
        conn.max_outbound_frame_size = 16384
        _h2_get(conn, [(f"x-pad-{i}", "a" * 1000) for i in range(200)])  # ~200 KB of header fields
        tls.sendall(conn.data_to_send())
        events = _h2_events(tls, conn, (h2.events.ConnectionTerminated, h2.events.StreamReset,
                                        h2.events.ResponseReceived))
    assert not any(isinstance(e, h2.events.ResponseReceived) for e in events)
    assert len(gateway.upstream.requests) == seen


def test_a_normal_http2_head_passes(gateway):
    import h2.events

    seen = len(gateway.upstream.requests)
    tls, conn = _h2_connection(gateway.port)
    with tls:
        _h2_get(conn, [(f"x-ok-{i}", "b" * 500) for i in range(40)])  # ~20 KB
        tls.sendall(conn.data_to_send())
        events = _h2_events(tls, conn, (h2.events.ResponseReceived,))
    response = next(e for e in events if isinstance(e, h2.events.ResponseReceived))
    assert dict(response.headers)[":status"] == "200"
    assert len(gateway.upstream.requests) == seen + 1
