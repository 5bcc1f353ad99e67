"""Slow and many clients against a real gateway (slowloris): heads trickled a byte at a time or never
sent are cut within the head deadline, connections past the caps are closed at once, and a normal
client is still answered while hundreds of idle connections are open. Loopback only; every loop is
bounded by a count of bytes or of sockets."""

from __future__ import annotations

import contextlib
import select
import socket
import time

import pytest

from tests.faults import FaultyUpstream
from tests.hostile.gateway import LLM, basic, exchange, start, stop

HEAD_TIMEOUT = 2  # seconds, for the deadline tests
PER_ADDRESS, TOTAL = 200, 300


@pytest.fixture(scope="module")
def upstream():
    with FaultyUpstream() as up:
        yield up


def _gateway(tmp, upstream, *args):
    return start(tmp, "--llm-host", f"{LLM}=openai-chat", "--route", f"{LLM}=http://127.0.0.1:{upstream.port}", *args)


@pytest.fixture(scope="module")
def strict(tmp_path_factory, upstream):
    """A gateway with a short head deadline."""
    proc, port = _gateway(tmp_path_factory.mktemp("strict"), upstream, "--client-head-timeout", str(HEAD_TIMEOUT),
                          "--allow-destination", f"127.0.0.1:{upstream.port}")
    yield port
    stop(proc)


@pytest.fixture(scope="module")
def capped(tmp_path_factory, upstream):
    """A gateway with small connection caps and a deadline longer than the tests that use it."""
    proc, port = _gateway(tmp_path_factory.mktemp("capped"), upstream, "--client-head-timeout", "120",
                          "--max-client-connections", str(PER_ADDRESS), "--max-connections", str(TOTAL))
    yield port
    stop(proc)


def _get(keep_alive: bool = True) -> bytes:
    return (f"GET http://{LLM}/v1/models HTTP/1.1\r\nHost: {LLM}\r\nProxy-Authorization: {basic()}\r\n"
            + ("" if keep_alive else "Connection: close\r\n") + "\r\n").encode()


def _trickle(sock: socket.socket, data: bytes, pause: float) -> tuple[int, bytes]:
    """Send one byte at a time until the proxy answers or closes: (bytes sent, what it sent back)."""
    for sent, byte in enumerate(data, 1):
        try:
            sock.sendall(bytes([byte]))
        except (BrokenPipeError, ConnectionResetError):
            return sent, b""
        if select.select([sock], [], [], pause)[0]:
            try:
                return sent, sock.recv(4096)
            except ConnectionResetError:
                return sent, b""
    raise AssertionError(f"still open after {len(data)} bytes, one per {pause} s")


def _read_response(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        assert chunk, "closed before answering"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(int(x.split(b":")[1]) for x in head.split(b"\r\n") if x.lower().startswith(b"content-length:"))
    while len(body) < length:
        body += sock.recv(4096)
    return head


def test_a_head_sent_one_byte_per_second_is_cut(strict):
    with socket.create_connection(("127.0.0.1", strict), timeout=10) as sock:
        sent, answer = _trickle(sock, _get() * 4, pause=1.0)
    # Cut by the deadline (2 s, swept every 0.5 s), long before the head could end (~100 bytes).
    assert sent <= HEAD_TIMEOUT * 2 + 1
    assert b"200" not in answer


def test_a_connection_that_sends_nothing_is_closed(strict):
    with socket.create_connection(("127.0.0.1", strict), timeout=HEAD_TIMEOUT * 4) as sock:
        assert sock.recv(1) == b""  # EOF, not the socket timeout


def test_a_client_refused_credentials_is_not_kept_waiting(strict):
    with socket.create_connection(("127.0.0.1", strict), timeout=HEAD_TIMEOUT * 4) as sock:
        sock.sendall(f"CONNECT {LLM}:443 HTTP/1.1\r\nHost: {LLM}:443\r\n\r\n".encode())
        assert b" 407 " in _read_response(sock).split(b"\r\n")[0]
        with contextlib.suppress(ConnectionResetError):
            assert sock.recv(1) == b""


def test_kept_alive_connections_are_not_cut_but_a_later_slow_head_is(strict):
    with socket.create_connection(("127.0.0.1", strict), timeout=10) as sock:
        sock.sendall(_get())
        assert b" 200 " in _read_response(sock)
        time.sleep(HEAD_TIMEOUT + 1)  # idle between requests is not a slow head
        sock.sendall(_get())
        assert b" 200 " in _read_response(sock)
        sent, answer = _trickle(sock, _get(), pause=0.5)
    assert answer.startswith(b"HTTP/1.1 408")
    assert sent <= HEAD_TIMEOUT * 2 + 2


def test_a_quiet_blind_tunnel_is_not_cut(strict, upstream):
    with socket.create_connection(("127.0.0.1", strict), timeout=10) as sock:
        target = f"127.0.0.1:{upstream.port}"
        sock.sendall(f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\nProxy-Authorization: {basic()}\r\n\r\n".encode())
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")
        time.sleep(HEAD_TIMEOUT * 2)  # the tunnel's own bytes are not a request head to wait for
        sock.sendall(b"GET / HTTP/1.1\r\nHost: upstream\r\nContent-Length: 0\r\n\r\n")
        assert b" 200 " in _read_response(sock)


def _open(port: int, count: int, source: str) -> list[socket.socket]:
    socks = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0))
        socks.append(sock)
    return socks


def _closed_by_proxy(socks: list[socket.socket], expected: int, wait: float = 15.0) -> int:
    """How many of these sockets the proxy closed, waiting (bounded) until `expected` have been."""
    closed: set[int] = set()
    deadline = time.monotonic() + wait
    while len(closed) < expected and time.monotonic() < deadline:
        open_ = [s for i, s in enumerate(socks) if i not in closed]
        for s in select.select(open_, [], [], 0.2)[0]:
            with contextlib.suppress(ConnectionResetError):
                assert s.recv(1) == b""
            closed.add(socks.index(s))
    time.sleep(0.3)  # anything closed past `expected` would show now
    open_ = [s for i, s in enumerate(socks) if i not in closed]
    return len(closed) + len(select.select(open_, [], [], 0)[0]) if open_ else len(closed)


def _normal_request(port: int, source: str, timeout: float = 2.0) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0)) as sock:
        sock.sendall(_get(keep_alive=False))
        return int(_read_response(sock).split(b" ")[1])


def test_500_idle_connections_from_one_address(capped):
    socks = _open(capped, 500, "127.0.0.1")
    try:
        assert _closed_by_proxy(socks, 500 - PER_ADDRESS) == 500 - PER_ADDRESS
        # Another client is answered within the bar (2 s) while they are open.
        assert _normal_request(capped, "127.0.0.2") == 200
    finally:
        for s in socks:
            s.close()


def test_the_total_cap_refuses_every_address(capped):
    first = _open(capped, PER_ADDRESS, "127.0.0.3")
    second: list[socket.socket] = []
    try:
        second = _open(capped, 150, "127.0.0.4")
        assert _closed_by_proxy(second, PER_ADDRESS + 150 - TOTAL) == PER_ADDRESS + 150 - TOTAL
        with pytest.raises((ConnectionResetError, AssertionError, BrokenPipeError)):
            _normal_request(capped, "127.0.0.2")  # closed unanswered: the gateway is full
    finally:
        for s in first + second:
            s.close()
    for _ in range(50):  # the closed connections are counted out (bounded wait)
        try:
            assert _normal_request(capped, "127.0.0.2") == 200
            break
        except (ConnectionResetError, AssertionError, BrokenPipeError):
            time.sleep(0.1)
    else:
        raise AssertionError("the gateway did not free its connection slots")
