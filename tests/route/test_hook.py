"""Classification decides what is decrypted; loopback is never touched; loops are refused with 508."""

import json
import shutil
import subprocess
import urllib.request
import ssl

import pytest

from tests.support import PROXY_AUTH
from tests.faults import FaultyUpstream, server_tls_context
from tests.support import RecordingUpstream, request_via_proxy


@pytest.fixture()
def outside_world(tmp_path, fake_dns):
    """A TLS server with its own CA, standing in for a non-LLM host on the internet."""
    fake_dns(["git.outside.test"])
    context, outside_ca = server_tls_context(tmp_path, ["git.outside.test"])
    with FaultyUpstream(mode="ok", tls=context) as server:
        yield server, outside_ca


def proxy_env(proxy):
    url = f"http://{PROXY_AUTH}@127.0.0.1:{proxy.address.port}"
    return {"PATH": "/usr/bin:/bin", "HTTPS_PROXY": url, "https_proxy": url, "HTTP_PROXY": url, "NO_PROXY": ""}


def test_curl_with_its_own_trust_reaches_a_non_llm_host_through_a_blind_tunnel(start_proxy, outside_world):
    server, outside_ca = outside_world
    proxy = start_proxy()
    result = subprocess.run(
        ["curl", "-sS", "--cacert", str(outside_ca), f"https://git.outside.test:{server.port}/info"],
        env=proxy_env(proxy), capture_output=True, text=True, timeout=20,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"ok": True}
    # Not decrypted: our hop marker would be in the request if the proxy had seen it.
    assert len(server.requests) == 1 and b"headroom-mitm" not in server.requests[0]


def test_python_urllib_reaches_a_non_llm_host_unharmed(start_proxy, outside_world):
    server, outside_ca = outside_world
    proxy = start_proxy()
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({"https": f"http://{PROXY_AUTH}@127.0.0.1:{proxy.address.port}"}),
        urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=str(outside_ca))),
    )
    with opener.open(f"https://git.outside.test:{server.port}/x", timeout=10) as response:
        assert json.loads(response.read()) == {"ok": True}
    assert b"headroom-mitm" not in server.requests[0]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_with_its_own_trust_gets_through_the_tunnel(start_proxy, outside_world, tmp_path):
    server, outside_ca = outside_world
    proxy = start_proxy()
    env = proxy_env(proxy) | {"GIT_SSL_CAINFO": str(outside_ca), "HOME": str(tmp_path), "GIT_TERMINAL_PROMPT": "0"}
    result = subprocess.run(
        ["git", "ls-remote", f"https://git.outside.test:{server.port}/repo.git"],
        env=env, capture_output=True, text=True, timeout=30,
    )
    # The stand-in is no git server, so git fails, but only after a verified TLS session and an HTTP answer.
    assert "SSL" not in result.stderr and "certificate" not in result.stderr, result.stderr
    assert server.requests and server.requests[0].startswith(b"GET /repo.git/info/refs")


def test_inspect_all_decrypts_non_llm_hosts(start_proxy, outside_world, our_ca, tmp_path):
    server, outside_ca = outside_world
    proxy = start_proxy(inspect="all", upstream_ca=outside_ca)
    status, _, body = request_via_proxy(
        proxy.address.port, "git.outside.test", "/seen", ca_file=our_ca.cert, proxy_auth=PROXY_AUTH,
        port=server.port,
    )
    assert status == 200, body
    assert b"via: 1.1 headroom-mitm" in server.requests[0].lower()


def test_loopback_plain_http_is_forwarded_untouched(start_proxy):
    proxy = start_proxy()
    body = b'{"messages": [{"role": "tool", "content": "' + b"x" * 5000 + b'"}]}'
    with RecordingUpstream() as upstream:
        port = int(upstream.url.rsplit(":", 1)[1])
        status, _, _ = request_via_proxy(
            proxy.address.port, f"127.0.0.1:{port}", "/v1/chat/completions", ca_file=None, https=False,
            proxy_auth=PROXY_AUTH, method="POST", body=body, headers={"Content-Type": "application/json", "X-Keep": "1"},
        )
    assert status == 200
    seen = upstream.seen[0]
    assert seen.body == body and seen.headers["x-keep"] == "1"


def test_loopback_tls_is_tunnelled_without_decryption(start_proxy, tmp_path):
    context, outside_ca = server_tls_context(tmp_path, ["localhost"])
    proxy = start_proxy(inspect="all")  # even when everything else is decrypted
    with FaultyUpstream(mode="ok", tls=context) as server:
        status, _, body = request_via_proxy(
            proxy.address.port, "localhost", "/x", ca_file=outside_ca, proxy_auth=PROXY_AUTH, port=server.port
        )
    assert status == 200 and json.loads(body) == {"ok": True}
    assert b"headroom-mitm" not in server.requests[0]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_request_to_the_proxys_own_port_is_refused_with_508(start_proxy, host):
    proxy = start_proxy()
    status, headers, body = request_via_proxy(
        proxy.address.port, f"{host}:{proxy.address.port}", "/", ca_file=None, https=False, proxy_auth=PROXY_AUTH
    )
    assert status == 508
    assert "own listening port" in body.decode() and headers["x-should-retry"] == "false"


def test_connect_to_the_proxys_own_port_is_refused_with_508(start_proxy):
    import http.client

    proxy = start_proxy()
    conn = http.client.HTTPConnection("127.0.0.1", proxy.address.port, timeout=5)
    import base64

    conn.request("CONNECT", f"127.0.0.1:{proxy.address.port}", headers={
        "Host": f"127.0.0.1:{proxy.address.port}",
        "Proxy-Authorization": "Basic " + base64.b64encode(PROXY_AUTH.encode()).decode(),
    })
    response = conn.getresponse()
    assert response.status == 508
    conn.close()


def test_a_request_that_already_carries_our_hop_marker_is_refused(start_proxy):
    proxy = start_proxy(routes=("api.openai.com=http://127.0.0.1:9",))
    with RecordingUpstream() as upstream:
        port = int(upstream.url.rsplit(":", 1)[1])
        status, _, body = request_via_proxy(
            proxy.address.port, f"127.0.0.1:{port}", "/", ca_file=None, https=False, proxy_auth=PROXY_AUTH,
            headers={"Via": "1.1 corp-proxy, 1.1 headroom-mitm"},
        )
    assert status == 508 and "Via" in body.decode()
    assert upstream.seen == []


def test_every_forwarded_request_carries_the_hop_marker(start_proxy):
    proxy = start_proxy()
    with RecordingUpstream() as upstream:
        port = int(upstream.url.rsplit(":", 1)[1])
        request_via_proxy(
            proxy.address.port, f"127.0.0.1:{port}", "/", ca_file=None, https=False, proxy_auth=PROXY_AUTH,
            headers={"Via": "1.0 corp"},
        )
    assert upstream.seen[0].headers["via"] == "1.0 corp, 1.1 headroom-mitm"


def test_telemetry_block(start_proxy):
    proxy = start_proxy(telemetry="block")
    status, _, body = request_via_proxy(
        proxy.address.port, "o1.ingest.sentry.io", "/api/1/envelope/", ca_file=None, https=False, proxy_auth=PROXY_AUTH,
        method="POST", body=b"{}",
    )
    assert status == 403 and b"telemetry" in body
