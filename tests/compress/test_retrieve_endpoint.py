"""http://headroom.mitm/mcp: the official MCP SDK's Streamable HTTP client, through a real proxy,
retrieves what that proxy compressed; the endpoint's guard; two proxies sharing one Redis store."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import ssl

import httpx
from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client

from headroom_certs.ca import create_ca
from headroom_mitm.addons import make_addons
from headroom_mitm.compress import clear_memo
from headroom_mitm.compress.retrieve_endpoint import refusal
from headroom_mitm.launcher.app import proxy_config
from headroom_mitm.launcher.proxy import EmbeddedProxy
from headroom_mitm.launcher.settings import GlobalOptions
from tests.compress.support import LOG, chat_body, send
from tests.support import PROXY_AUTH, RecordingUpstream, connect_status, request_via_proxy, write_policy

URL = "http://headroom.mitm/mcp"


async def _mcp(proxy_port: int, *calls: dict, auth: str = PROXY_AUTH, ca=None) -> tuple[list[str], list[str]]:
    """(tool names listed, the text of each headroom_retrieve call) through the proxy; over https
    when given the proxy's CA."""
    verify = ssl.create_default_context(cafile=str(ca)) if ca else True
    url = URL.replace("http:", "https:") if ca else URL
    async with httpx.AsyncClient(proxy=f"http://{auth}@127.0.0.1:{proxy_port}", timeout=10, verify=verify) as client:
        async with streamable_http_client(url, http_client=client) as (read, write, _):
            async with ClientSession(read, write) as session:
                await session.initialize()
                names = [t.name for t in (await session.list_tools()).tools]
                texts = []
                for args in calls:
                    result = await session.call_tool("headroom_retrieve", args)
                    texts.append(result.content[0].text)
                return names, texts


def mcp(proxy_port: int, *calls: dict, auth: str = PROXY_AUTH, ca=None) -> tuple[list[str], list[str]]:
    return asyncio.run(asyncio.wait_for(_mcp(proxy_port, *calls, auth=auth, ca=ca), 30))


def compress_through(proxy, body: bytes) -> str:
    with RecordingUpstream() as upstream:
        status, _, _ = send(proxy, upstream.url.rsplit(":", 1)[1], body, {"Content-Type": "application/json"})
    assert status == 200
    return json.loads(upstream.seen[0].body)["messages"][2]["content"]


def marker_id(sent: str) -> str:
    return sent.split("headroom_retrieve id=")[1][:19]


def test_the_sdk_client_retrieves_through_the_proxy_what_it_compressed(start_proxy, fake_dns):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    rid = marker_id(compress_through(proxy, chat_body(LOG)))
    names, (whole, part, missing) = mcp(
        proxy.address.port, {"id": rid}, {"id": rid, "pattern": "FAILED"}, {"id": "hr_0000000000000000"}
    )
    # OpenCode lists a remote server's tool as SERVER_TOOL: "headroom_headroom_retrieve", which
    # ends with headroom_retrieve as lossy compression requires.
    assert names == ["headroom_retrieve"]
    assert whole == LOG
    assert part == "3001: FAILED tests/test_mod.py::test_boom - KeyError: 'x'"
    assert "no original is stored" in missing


def test_the_endpoint_needs_the_proxy_credentials_and_refuses_rebinding_and_web_pages(start_proxy):
    proxy = start_proxy()
    port = proxy.address.port
    init = json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}}}).encode()
    headers = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}

    def post(extra: dict[str, str], auth: str | None = PROXY_AUTH) -> int:
        return request_via_proxy(port, "headroom.mitm", "/mcp", ca_file=None, https=False, proxy_auth=auth,
                                 method="POST", body=init, headers={**headers, **extra})[0]

    assert post({}) == 200
    assert post({}, auth=None) == 407
    assert post({"Host": "evil.example"}) == 403
    assert post({"Origin": "http://evil.example"}) == 403


def test_the_endpoint_is_answered_before_the_egress_policy(start_proxy, tmp_path, our_ca):
    policy = write_policy(tmp_path, "default: deny\nrules: []\n")
    proxy = start_proxy(policy=policy)
    assert mcp(proxy.address.port)[0] == ["headroom_retrieve"]
    assert mcp(proxy.address.port, ca=our_ca.cert)[0] == ["headroom_retrieve"]


def test_over_https_the_proxy_answers_inside_its_own_tls(start_proxy, fake_dns, our_ca):
    fake_dns(["llm.test"])
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",))
    rid = marker_id(compress_through(proxy, chat_body(LOG)))
    assert mcp(proxy.address.port, {"id": rid}, ca=our_ca.cert) == (["headroom_retrieve"], [LOG])
    # Any other port of the reserved name is still refused, never tunnelled.
    assert connect_status(proxy.address.port, "headroom.mitm:8443")[0] == 400


def test_behind_a_corporate_upstream_proxy_nothing_goes_upstream(start_proxy, our_ca):
    # The upstream proxy is a closed loopback port: any attempt to use it would fail the calls.
    proxy = start_proxy(upstream_proxy="http://127.0.0.1:9")
    assert mcp(proxy.address.port)[0] == ["headroom_retrieve"]
    assert mcp(proxy.address.port, ca=our_ca.cert)[0] == ["headroom_retrieve"]


def test_refusal_lets_in_loopback_or_authenticated_clients_only():
    ok = dict(host_header="headroom.mitm", origin=None)
    assert refusal(client_loopback=True, authenticated=False, **ok) is None
    assert refusal(client_loopback=False, authenticated=True, **ok) is None  # a gateway's user
    assert refusal(client_loopback=False, authenticated=False, **ok)[0] == 403
    assert refusal(client_loopback=True, authenticated=True, host_header="[::1]:8080", origin=None) is None
    assert refusal(client_loopback=True, authenticated=True, host_header="evil.example", origin=None)[0] == 403
    assert refusal(client_loopback=True, authenticated=True, host_header="headroom.mitm", origin="null")[0] == 403


def test_two_proxies_share_one_redis_store(tmp_path, fake_dns, redis_server):
    """One instance compresses; the other answers the retrieval and renders the same block the same way."""
    fake_dns(["llm.test"])
    ca = create_ca(tmp_path / "ca", "test CA", dt.timedelta(days=1))
    proxies = []
    try:
        for name in ("a", "b"):
            options = GlobalOptions(state_dir=tmp_path / name, store=redis_server.url, llm_hosts=("llm.test=openai-chat",))
            proxy = EmbeddedProxy(proxy_config(options, ca.directory, scratch=tmp_path / name, proxy_auth=PROXY_AUTH),
                                  make_addons(options))
            proxy.start()
            proxies.append(proxy)
        a, b = proxies
        clear_memo()
        sent_a = compress_through(a, chat_body(LOG))
        rid = marker_id(sent_a)
        assert not (tmp_path / "a" / "originals.sqlite").exists()  # nothing kept locally
        _, (whole,) = mcp(b.address.port, {"id": rid})
        assert whole == LOG
        clear_memo()  # b must find the first rendering in Redis, not in this process's memo
        assert compress_through(b, chat_body(LOG)) == sent_a
    finally:
        for proxy in proxies:
            proxy.stop()
        clear_memo()


def test_with_redis_down_the_proxy_compresses_losslessly_and_says_so(start_proxy, fake_dns, redis_server, caplog):
    import logging

    fake_dns(["llm.test"])
    url = redis_server.url
    redis_server.stop()  # an outage from the start: the proxy must still forward every request
    caplog.set_level(logging.WARNING)
    proxy = start_proxy(llm_hosts=("llm.test=openai-chat",), store=url)
    clear_memo()
    try:
        body = chat_body(LOG.replace("test_mod", "test_outage"))
        sent = compress_through(proxy, body)
        assert sent == LOG.replace("test_mod", "test_outage") and "headroom_retrieve" not in sent
        _, (answer,) = mcp(proxy.address.port, {"id": "hr_0123456789abcdef"})
        assert "unreachable" in answer
        assert any("unreachable" in r.getMessage() and "losslessly" in r.getMessage() for r in caplog.records)
    finally:
        clear_memo()
