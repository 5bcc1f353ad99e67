"""Egress policy enforcement in a running proxy: 403 to a CONNECT, provider-shaped 403 to a request, reload."""

import json

import pytest

from headroom_mitm.policy.hook import EgressPolicy
from tests.faults import FaultyUpstream, server_tls_context
from tests.support import PROXY_AUTH, RecordingUpstream, connect_status, request_via_proxy, write_policy

def post(proxy, host_port, path, body, headers=None):
    return request_via_proxy(
        proxy.address.port, host_port, path, ca_file=None, https=False, proxy_auth=PROXY_AUTH,
        method="POST", body=body, headers={"Content-Type": "application/json", **(headers or {})},
    )


def policy_addon(proxy) -> EgressPolicy:
    return next(a for a in proxy._addons if isinstance(a, EgressPolicy))


def test_denied_tunnel_gets_403_to_its_connect_and_nothing_leaves(start_proxy, tmp_path, fake_dns):
    fake_dns(["api.evil.test"])
    proxy = start_proxy(policy=write_policy(tmp_path))
    with FaultyUpstream() as upstream:
        status, head = connect_status(proxy.address.port, f"api.evil.test:{upstream.port}")
        allowed, _ = connect_status(proxy.address.port, f"fine.test:{upstream.port}")
    assert status == 403, head
    assert b"x-should-retry: false" in head.lower()
    assert upstream.connections == 0
    assert allowed == 200  # default allow


@pytest.mark.parametrize(
    ("llm_host", "path", "model", "check"),
    [
        ("oai.test=openai-chat", "/v1/chat/completions", "gpt-4o",
         lambda b: b["error"]["type"] == "invalid_request_error" and b["error"]["code"] == "forbidden"),
        ("ant.test=anthropic-messages", "/v1/messages", "claude-opus-4",
         lambda b: b["type"] == "error" and b["error"]["type"] == "permission_error"),
        ("gem.test=gemini", "/v1beta/models/gemini-1.5-pro:generateContent", None,
         lambda b: b["error"]["code"] == 403 and b["error"]["status"] == "PERMISSION_DENIED"),
    ],
)
def test_denied_llm_request_gets_403_in_the_providers_shape(start_proxy, tmp_path, llm_host, path, model, check):
    host = llm_host.split("=")[0]
    proxy = start_proxy(policy=write_policy(tmp_path), llm_hosts=(llm_host,))
    body = json.dumps({"model": model, "messages": []} if model else {"contents": []}).encode()
    with RecordingUpstream() as upstream:
        port = int(upstream.url.rsplit(":", 1)[1])
        status, headers, reply = post(proxy, f"{host}:{port}", path, body)
    assert status == 403, reply
    assert headers["x-should-retry"] == "false"
    parsed = json.loads(reply)
    assert check(parsed), parsed
    assert "no-big-models" in reply.decode()
    assert upstream.seen == []  # fail closed: nothing reached the provider


def test_size_cap_denies_by_the_rule_that_caps_and_allows_smaller(start_proxy, tmp_path, fake_dns):
    fake_dns(["oai.test"])
    proxy = start_proxy(policy=write_policy(tmp_path), llm_hosts=("oai.test=openai-chat",))
    small = json.dumps({"model": "gpt-3.5", "messages": []}).encode()
    big = json.dumps({"model": "gpt-3.5", "messages": [{"role": "user", "content": "x" * 3000}]}).encode()
    with RecordingUpstream() as upstream:
        port = int(upstream.url.rsplit(":", 1)[1])
        ok, _, _ = post(proxy, f"oai.test:{port}", "/v1/chat/completions", small)
        status, _, reply = post(proxy, f"oai.test:{port}", "/v1/chat/completions", big)
    assert ok == 200
    assert status == 403 and "llm-capped" in reply.decode() and "max_request_bytes" in reply.decode()
    assert len(upstream.seen) == 1


def test_request_level_rule_makes_a_tunnel_intercepted(start_proxy, tmp_path, fake_dns, our_ca):
    """A deny rule with a model on a non-LLM host: the tunnel must be decrypted so each request is checked."""
    fake_dns(["tools.outside.test"])
    context, outside_ca = server_tls_context(tmp_path, ["tools.outside.test"])
    policy = write_policy(tmp_path, "rules:\n  - name: no-bad-model\n    action: deny\n    host: tools.outside.test\n    model: bad\n")
    proxy = start_proxy(policy=policy, upstream_ca=outside_ca)
    with FaultyUpstream(tls=context) as upstream:
        denied = request_via_proxy(
            proxy.address.port, "tools.outside.test", "/x", ca_file=our_ca.cert, proxy_auth=PROXY_AUTH,
            port=upstream.port, method="POST", body=b'{"model": "bad"}', headers={"Content-Type": "application/json"},
        )
        allowed = request_via_proxy(
            proxy.address.port, "tools.outside.test", "/x", ca_file=our_ca.cert, proxy_auth=PROXY_AUTH,
            port=upstream.port, method="POST", body=b'{"model": "good"}', headers={"Content-Type": "application/json"},
        )
    assert denied[0] == 403 and "no-bad-model" in denied[2].decode()
    assert allowed[0] == 200
    assert len(upstream.requests) == 1 and b'"good"' in upstream.requests[0]


def test_reload_applies_a_new_policy_and_keeps_the_old_one_when_the_new_is_bad(start_proxy, tmp_path, fake_dns):
    fake_dns(["oai.test"])
    path = write_policy(tmp_path, "default: allow\n")
    proxy = start_proxy(policy=path, llm_hosts=("oai.test=openai-chat",))
    addon = policy_addon(proxy)
    body = json.dumps({"model": "m", "messages": []}).encode()
    with RecordingUpstream() as upstream:
        target = f"oai.test:{upstream.url.rsplit(':', 1)[1]}"
        assert post(proxy, target, "/v1/chat/completions", body)[0] == 200
        path.write_text("rules:\n  - name: lockdown\n    action: deny\n    class: llm\n")
        ok, message = addon.reload()
        assert ok, message
        status, _, reply = post(proxy, target, "/v1/chat/completions", body)
        assert status == 403 and "lockdown" in reply.decode()
        path.write_text("rules:\n  - name: broken\n    action: maybe\n")
        ok, message = addon.reload()
        assert not ok
        assert str(path) in message and "rules[0].action" in message
        assert post(proxy, target, "/v1/chat/completions", body)[0] == 403  # old policy still in force


def test_bad_policy_at_start_up_names_file_field_and_problem(tmp_path):
    from headroom_mitm.launcher.cli import main

    path = write_policy(tmp_path, "rules:\n  - action: deny\n    class: spy\n")
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["--state-dir", str(tmp_path / "s"), "--policy", str(path), "proxy", "--listen", "127.0.0.1:0"])
    assert code == 2
    assert str(path) in err.getvalue() and "rules[0].class[0]" in err.getvalue() and "spy" in err.getvalue()
