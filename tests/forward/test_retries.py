"""Retry rules, against a fault-injecting upstream that counts what it really received.

RFC 9110 §9.2.2: only what failed before a request byte left is retried by the proxy.
"""

import json
import socket
import threading
import time
import http.client
import base64

import pytest

from tests.support import PROXY_AUTH
from tests.faults import FaultyUpstream, server_tls_context
from tests.support import request_via_proxy

FAST = dict(connect_backoff=0.05, connect_budget=3.0)
BODY = json.dumps({"model": "m", "messages": [{"role": "user", "content": "hi"}], "stream": False}).encode()


def post(proxy, host, port, *, https=False, ca=None, path="/v1/chat/completions"):
    return request_via_proxy(
        proxy.address.port, host if https else f"{host}:{port}", path, ca_file=ca, https=https, port=port,
        proxy_auth=PROXY_AUTH, method="POST", body=BODY, headers={"Content-Type": "application/json"},
    )


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_r1_connection_refused_then_success_delivers_exactly_once(start_proxy, fake_dns):
    fake_dns(["flaky.test"])
    proxy = start_proxy(llm_hosts=("flaky.test=openai-chat",), connect_backoff=0.2)
    port = free_port()
    upstream = FaultyUpstream(port=port)
    timer = threading.Timer(0.3, upstream.start)  # nothing listens for the first attempts
    timer.start()
    try:
        status, _, body = post(proxy, "flaky.test", port)
    finally:
        timer.join()
        upstream.close()
    assert status == 200, body
    assert json.loads(body) == {"ok": True}
    assert len(upstream.requests) == 1


def test_r1_dns_failure_then_success_delivers_exactly_once(start_proxy, fake_dns):
    resolver = fake_dns(["dnsflaky.test"], fail_first={"dnsflaky.test": 2})
    proxy = start_proxy(llm_hosts=("dnsflaky.test",), **FAST)
    with FaultyUpstream() as upstream:
        status, _, body = post(proxy, "dnsflaky.test", upstream.port)
    assert status == 200, body
    assert resolver.lookups["dnsflaky.test"] >= 3
    assert len(upstream.requests) == 1


def test_r1_tls_handshake_failure_then_success_delivers_exactly_once(start_proxy, fake_dns, our_ca, tmp_path):
    fake_dns(["tlsflaky.test"])
    context, outside_ca = server_tls_context(tmp_path, ["tlsflaky.test"])
    proxy = start_proxy(llm_hosts=("tlsflaky.test",), upstream_ca=outside_ca, **FAST)
    with FaultyUpstream(tls=context, drop_first_connections=2) as upstream:
        status, _, body = post(proxy, "tlsflaky.test", upstream.port, https=True, ca=our_ca.cert)
    assert status == 200, body
    assert upstream.connections >= 3
    assert len(upstream.requests) == 1


def test_r2_upstream_resets_after_reading_the_request_is_not_resent(start_proxy, fake_dns):
    fake_dns(["reset.test"])
    proxy = start_proxy(llm_hosts=("reset.test",), **FAST)
    with FaultyUpstream(mode="close-after-request") as upstream:
        status, _, body = post(proxy, "reset.test", upstream.port)
        time.sleep(0.5)  # a re-send, if any, would arrive now
    assert status == 502, body
    assert len(upstream.requests) == 1


@pytest.mark.parametrize("status", [429, 500, 503, 529])
def test_r3_upstream_errors_pass_through_unchanged_and_are_not_retried(start_proxy, fake_dns, status):
    fake_dns(["busy.test"])
    proxy = start_proxy(llm_hosts=("busy.test",), **FAST)
    with FaultyUpstream(mode="status", status=status, retry_after="7") as upstream:
        got, headers, body = post(proxy, "busy.test", upstream.port)
    assert got == status
    assert headers["retry-after"] == "7"
    assert json.loads(body) == {"error": {"message": "upstream says no"}}
    assert len(upstream.requests) == 1


def test_r4_connect_retries_exhausted_gives_a_provider_shaped_502_safe_to_retry(start_proxy, fake_dns):
    fake_dns(["dead.test"])
    proxy = start_proxy(llm_hosts=("dead.test=anthropic-messages",), connect_retries=2, connect_backoff=0.05)
    port = free_port()
    started = time.monotonic()
    status, headers, body = post(proxy, "dead.test", port, path="/v1/messages")
    assert time.monotonic() - started < 5
    assert status == 502
    assert headers["x-should-retry"] == "true"
    error = json.loads(body)
    assert error["type"] == "error" and error["error"]["type"]  # Anthropic's error shape
    message = error["error"]["message"]
    assert "dead.test" in message and "3 attempt" in message and "refused" in message.lower()


def test_r5_failure_after_sse_bytes_ends_the_stream_in_an_error(start_proxy, fake_dns):
    fake_dns(["sse.test"])
    proxy = start_proxy(llm_hosts=("sse.test",), **FAST)
    with FaultyUpstream(mode="sse-then-reset") as upstream:
        conn = http.client.HTTPConnection("127.0.0.1", proxy.address.port, timeout=10)
        conn.request("POST", f"http://sse.test:{upstream.port}/v1/chat/completions", body=BODY, headers={
            "Content-Type": "application/json",
            "Proxy-Authorization": "Basic " + base64.b64encode(PROXY_AUTH.encode()).decode(),
        })
        response = conn.getresponse()
        assert response.status == 200
        received = b""
        with pytest.raises((http.client.IncompleteRead, ConnectionError)):
            while chunk := response.read1(65536):
                received += chunk
            raise ConnectionError("stream ended without its terminating chunk")  # read1 returned b"" early
        conn.close()
        time.sleep(0.3)
    assert b'data: {"n": 0}' in received  # what arrived before the failure was forwarded, not restarted
    assert len(upstream.requests) == 1


def test_r6_idempotent_get_is_not_retried_after_a_reset(start_proxy, fake_dns):
    fake_dns(["get.test"])
    proxy = start_proxy(llm_hosts=("get.test",), **FAST)
    with FaultyUpstream(mode="close-after-request") as upstream:
        status, _, _ = request_via_proxy(
            proxy.address.port, f"get.test:{upstream.port}", "/v1/models", ca_file=None, https=False, proxy_auth=PROXY_AUTH
        )
        time.sleep(0.5)
    assert status == 502
    assert len(upstream.requests) == 1  # mitmproxy cannot re-send a live flow: see docs/how-it-works.md


def test_keep_alive_requests_are_not_probed_again(start_proxy, fake_dns):
    fake_dns(["warm.test"])
    proxy = start_proxy(llm_hosts=("warm.test",), **FAST)
    with FaultyUpstream() as upstream:
        conn = http.client.HTTPConnection("127.0.0.1", proxy.address.port, timeout=10)
        auth = "Basic " + base64.b64encode(PROXY_AUTH.encode()).decode()
        for _ in range(3):
            conn.request("POST", f"http://warm.test:{upstream.port}/v1/chat/completions", body=BODY,
                         headers={"Content-Type": "application/json", "Proxy-Authorization": auth})
            assert conn.getresponse().read() == b'{"ok": true}'
        conn.close()
    assert len(upstream.requests) == 3
    assert upstream.connections == 2  # one probe, then one kept-alive connection for all three
