"""Finding 5 of issue #12: the gateway must not be a way into its own machine or network. Checked on
resolved addresses; --route targets and --allow-destination entries still work."""

from __future__ import annotations

import ipaddress
import json

import pytest

from headroom_mitm.policy.destinations import is_own_listener, non_public, parse_allow
from tests.hostile.gateway import AUTH, LLM, basic, exchange, post, start, stop
from tests.faults import FaultyUpstream


def connect(port: int, target: str) -> int:
    status, _, _ = exchange(port, f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\nProxy-Authorization: {basic()}\r\n\r\n".encode(), timeout=10)
    return status


def get(port: int, url: str) -> tuple[int, bytes]:
    status, _, body = exchange(port, (f"GET {url} HTTP/1.1\r\nHost: x\r\nProxy-Authorization: {basic()}\r\n"
                                      "Connection: close\r\n\r\n").encode(), timeout=10)
    return status, body


def test_connect_to_a_service_on_the_gateways_loopback_is_refused(gateway):
    before = gateway.internal.connections
    assert connect(gateway.port, f"127.0.0.1:{gateway.internal.port}") == 403
    assert connect(gateway.port, f"localhost:{gateway.internal.port}") == 403  # a name resolving to loopback
    assert gateway.internal.connections == before


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "2130706433", "[::ffff:127.0.0.1]", "127.1"])
def test_plain_http_to_a_loopback_service_is_refused_however_spelt(gateway, host):
    before = len(gateway.internal.requests)
    status, body = get(gateway.port, f"http://{host}:{gateway.internal.port}/admin")
    assert status == 403, body
    assert "resolves to" in json.loads(body)["error"]["message"]
    assert len(gateway.internal.requests) == before
    record = [r for r in gateway.audit() if r.get("path") == "/admin"][-1]
    assert record["decision"] == "deny" and record["rule"] == "destination-guard"


def test_route_targets_on_loopback_keep_working(gateway):
    status, _, reply = exchange(gateway.port, post(LLM, b'{"model":"m","messages":[]}'))
    assert status == 200, reply


def test_allow_destination_opens_exactly_what_it_names(tmp_path):
    with FaultyUpstream() as allowed, FaultyUpstream() as other:
        proc, port = start(tmp_path, "--allow-destination", f"127.0.0.1:{allowed.port}")
        try:
            ok, _ = get(port, f"http://127.0.0.1:{allowed.port}/x")
            refused, _ = get(port, f"http://127.0.0.1:{other.port}/x")
        finally:
            stop(proc)
    assert (ok, refused) == (200, 403)
    assert len(allowed.requests) == 1 and not other.requests


def test_the_launcher_keeps_loopback_destinations(start_proxy):
    # `headroom-mitm opencode` / `run`: agents may use local providers; only the proxy subcommand refuses.
    from tests.support import PROXY_AUTH, request_via_proxy

    proxy = start_proxy()
    with FaultyUpstream() as local:
        status, _, _ = request_via_proxy(proxy.address.port, f"127.0.0.1:{local.port}", "/x", ca_file=None,
                                         https=False, proxy_auth=PROXY_AUTH)
    assert status == 200


# -- the pure parts -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("ip", "why"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("0.0.0.0", "loopback"), ("10.1.2.3", "private"),
    ("192.168.0.1", "private"), ("172.16.0.1", "private"), ("169.254.169.254", "metadata"),
    ("fe80::1", "link-local"), ("fd00:ec2::254", "metadata"), ("::ffff:10.0.0.1", "private"),
    ("100.64.0.1", "non-public"),
])
def test_non_public_addresses_are_named(ip, why):
    found = non_public(ipaddress.ip_address(ip))
    assert found is not None and why in found


def test_public_addresses_pass():
    assert non_public(ipaddress.ip_address("1.1.1.1")) is None
    assert non_public(ipaddress.ip_address("2606:4700::1111")) is None


def test_the_loop_guard_compares_addresses_and_ports():
    own = {("127.0.0.1", 8080)}
    assert is_own_listener(ipaddress.ip_address("127.0.0.1"), 8080, own)
    assert is_own_listener(ipaddress.ip_address("0.0.0.0"), 8080, own)
    assert not is_own_listener(ipaddress.ip_address("127.0.0.1"), 8081, own)
    assert is_own_listener(ipaddress.ip_address("127.0.0.1"), 9000, {("0.0.0.0", 9000)})  # every interface
    assert not is_own_listener(ipaddress.ip_address("1.1.1.1"), 9000, {("0.0.0.0", 9000)})


def test_allow_entries_parse_and_match():
    entry = parse_allow("10.0.0.0/8:443")
    assert entry.allows("x", ipaddress.ip_address("10.2.3.4"), 443)
    assert not entry.allows("x", ipaddress.ip_address("10.2.3.4"), 80)
    named = parse_allow("Internal.Corp")
    assert named.allows("internal.corp", ipaddress.ip_address("10.0.0.1"), 1234)
    assert parse_allow("[fd00::1]:8443").port == 8443
    with pytest.raises(ValueError):
        parse_allow("10.0.0.0/8:http")


def test_a_name_that_cannot_be_resolved_is_refused_before_anything_is_probed(gateway):
    status, body = get(gateway.port, "http://no-such-host.invalid/x")
    assert status == 502, body
    assert "cannot be resolved" in json.loads(body)["error"]["message"]
