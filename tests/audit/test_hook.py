"""The audit stage in a running proxy: one chained record per blind tunnel and per intercepted request."""

import json
import time
import urllib.request
import ssl

from headroom_mitm.audit.verify import verify
from headroom_mitm.redact import fingerprint
from tests.support import PROXY_AUTH
from tests.support import connect_status, write_policy
from tests.faults import FaultyUpstream, server_tls_context
from tests.support import request_via_proxy

SECRET = "sk-audit-test-SECRET-0123456789"


def audit_path(tmp_path):
    return tmp_path / "state" / "records" / "audit.jsonl"


def records(tmp_path, count, timeout=5.0):
    """The audit lines once at least `count` are there (tunnels are recorded when they close)."""
    deadline = time.monotonic() + timeout
    while True:
        path = audit_path(tmp_path)
        lines = [json.loads(x) for x in path.read_text().splitlines()] if path.exists() else []
        if len(lines) >= count or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def test_blind_tunnel_is_recorded_once_with_sni_and_byte_counts(start_proxy, tmp_path, fake_dns):
    fake_dns(["git.outside.test"])
    context, outside_ca = server_tls_context(tmp_path, ["git.outside.test"])
    proxy = start_proxy()
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({"https": f"http://{PROXY_AUTH}@127.0.0.1:{proxy.address.port}"}),
        urllib.request.HTTPSHandler(context=ssl.create_default_context(cafile=str(outside_ca))),
    )
    with FaultyUpstream(tls=context) as upstream:
        with opener.open(f"https://git.outside.test:{upstream.port}/repo?token={SECRET}", timeout=10) as response:
            assert json.loads(response.read()) == {"ok": True}
    assert b"headroom-mitm" not in upstream.requests[0]  # still blind: not decrypted
    lines = records(tmp_path, 1)
    time.sleep(0.3)
    assert len(records(tmp_path, 1)) == 1
    (rec,) = lines
    assert rec["kind"] == "tunnel" and rec["host"] == "git.outside.test" and rec["port"] == upstream.port
    assert rec["sni"] == "git.outside.test" and rec["class"] == "other" and rec["decision"] == "allow"
    assert rec["bytes_up"] > 200 and rec["bytes_down"] > 200  # a TLS handshake each way at least
    assert rec["method"] is None and rec["path"] is None and rec["client_ip"] == "127.0.0.1"
    assert verify([audit_path(tmp_path)]).ok
    assert SECRET not in audit_path(tmp_path).read_text()


def test_intercepted_request_record_has_method_path_model_fingerprint_and_no_secret(start_proxy, tmp_path, fake_dns, our_ca):
    fake_dns(["llm.test"])
    context, outside_ca = server_tls_context(tmp_path, ["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",), upstream_ca=outside_ca)
    body = json.dumps({"model": "gpt-test", "messages": [{"role": "user", "content": "hi"}]}).encode()
    with FaultyUpstream(tls=context) as upstream:
        status, _, reply = request_via_proxy(
            proxy.address.port, "llm.test", f"/v1/chat/completions?key={SECRET}", ca_file=our_ca.cert,
            proxy_auth=PROXY_AUTH, port=upstream.port, method="POST", body=body,
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {SECRET}",
                     "Cookie": f"session={SECRET}", "x-session-affinity": "ses_abc123"},
        )
    assert status == 200
    lines = records(tmp_path, 1)
    time.sleep(0.3)
    lines = records(tmp_path, 1)
    assert len(lines) == 1, lines  # the intercepted CONNECT adds no record of its own
    rec = lines[0]
    assert rec["kind"] == "request" and rec["method"] == "POST"
    assert rec["path"].startswith("/v1/chat/completions?key=") and SECRET not in rec["path"]
    assert rec["model"] == "gpt-test" and rec["class"] == "llm" and rec["status"] == 200
    assert rec["session"] == "ses_abc123" and rec["sni"] == "llm.test"
    assert rec["key_fingerprint"] == fingerprint(SECRET)
    assert rec["bytes_up"] == len(body) and rec["bytes_down"] == len(reply)
    assert SECRET not in audit_path(tmp_path).read_text()
    assert verify([audit_path(tmp_path)]).ok


def test_denied_connect_and_failed_proxy_auth_are_recorded_as_denials(start_proxy, tmp_path, fake_dns):
    import base64
    import socket

    fake_dns(["api.evil.test"])
    proxy = start_proxy(policy=write_policy(tmp_path))
    status, _ = connect_status(proxy.address.port, "api.evil.test:443")
    assert status == 403
    with socket.create_connection(("127.0.0.1", proxy.address.port), timeout=5) as sock:
        bad = base64.b64encode(b"u:wrong-password-XYZ").decode()
        sock.sendall(f"CONNECT x.test:443 HTTP/1.1\r\nProxy-Authorization: Basic {bad}\r\n\r\n".encode())
        assert b" 407 " in sock.recv(4096)
    lines = records(tmp_path, 2)
    denied, unauth = lines
    assert denied["decision"] == "deny" and denied["rule"] == "corp-deny" and denied["status"] == 403
    assert denied["kind"] == "tunnel" and denied["host"] == "api.evil.test"
    assert unauth["decision"] == "deny" and unauth["rule"] == "proxy-auth" and unauth["status"] == 407
    text = audit_path(tmp_path).read_text()
    assert "wrong-password-XYZ" not in text and bad not in text
    assert verify([audit_path(tmp_path)]).ok


def test_ocsf_format_writes_chained_http_activity(start_proxy, tmp_path, fake_dns):
    fake_dns(["api.evil.test"])
    proxy = start_proxy(policy=write_policy(tmp_path), audit_format="ocsf")
    assert connect_status(proxy.address.port, "api.evil.test:443")[0] == 403
    (line,) = records(tmp_path, 1)
    assert line["class_uid"] == 4002 and line["activity_name"] == "Connect"
    assert line["action"] == "Denied" and line["firewall_rule"]["name"] == "corp-deny"
    assert line["unmapped"]["chain"]["seq"] == 1
    assert verify([audit_path(tmp_path)]).ok


def test_edit_in_a_proxy_written_trail_is_caught(start_proxy, tmp_path, fake_dns):
    fake_dns(["api.evil.test"])
    proxy = start_proxy(policy=write_policy(tmp_path))
    for _ in range(3):
        connect_status(proxy.address.port, "api.evil.test:443")
    path = audit_path(tmp_path)
    records(tmp_path, 3)
    lines = path.read_text().splitlines(keepends=True)
    lines[1] = lines[1].replace('"deny"', '"allow"')
    path.write_text("".join(lines))
    result = verify([path])
    assert not result.ok and any(":2 (seq 2)" in p for p in result.problems)
