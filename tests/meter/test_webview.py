"""mitmweb: never served without the token, never reachable through the proxy, annotated flows,
and a bounded flow list."""

import http.client
import json

import pytest

from headroom_mitm.addons import make_addons
from headroom_mitm.launcher.app import proxy_config
from headroom_mitm.meter.webview import _lines, excess, flow_comment
from headroom_mitm.launcher.proxy import EmbeddedProxy
from headroom_mitm.meter.records import FlowRecord
from headroom_mitm.launcher.settings import GlobalOptions
from headroom_mitm.stub import StubServer, get_script
from headroom_mitm.launcher.webui import cookie_name
from tests.support import PROXY_AUTH
from tests.support import openai_body, post
from tests.support import request_via_proxy

TOKEN = "test-token-0123456789"


@pytest.fixture()
def web_proxy(tmp_path, our_ca):
    stub = StubServer(get_script("hello")).start()
    options = GlobalOptions(state_dir=tmp_path / "state", web=True, web_max_flows=10,
                            llm_hosts=("llm.test=openai-chat",), routes=(f"llm.test={stub.base_url}",))
    config = proxy_config(options, our_ca.directory, scratch=tmp_path, proxy_auth=PROXY_AUTH)
    config = config.__class__(**{**config.__dict__, "web_token": TOKEN})
    proxy = EmbeddedProxy(config, make_addons(options))
    proxy.start()
    yield proxy
    proxy.stop()
    stub.stop()


def web_get(proxy, path, headers=None):
    port = int(proxy.web_url.split(":")[2].split("/")[0])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        headers["set-cookie"] = " || ".join(response.msg.get_all("set-cookie") or [])
        return response.status, headers, response.read()
    finally:
        conn.close()


def test_url_is_loopback_and_carries_the_token(web_proxy):
    assert web_proxy.web_url.startswith("http://127.0.0.1:") and web_proxy.web_url.endswith(f"/?token={TOKEN}")


def test_refused_without_the_token(web_proxy):
    for path in ("/", "/flows", "/options.json", "/updates", f"/?token=wrong-{TOKEN}"):
        status, _, body = web_get(web_proxy, path)
        assert status == 403, path
        assert b"token" in body
    assert web_get(web_proxy, "/flows", {"Cookie": f"{cookie_name(TOKEN)}=nope"})[0] == 403


def test_served_with_the_token_and_the_cookie_it_sets(web_proxy):
    status, headers, body = web_get(web_proxy, f"/?token={TOKEN}")
    assert status == 200 and b"mitmproxy" in body.lower()
    cookie = headers["set-cookie"]
    assert f"{cookie_name(TOKEN)}={TOKEN}" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert web_get(web_proxy, "/flows", {"Cookie": f"{cookie_name(TOKEN)}={TOKEN}"})[0] == 200
    assert web_get(web_proxy, "/flows", {"Authorization": f"Bearer {TOKEN}"})[0] == 200


def test_ui_port_is_unreachable_through_the_proxy(web_proxy):
    port = int(web_proxy.web_url.split(":")[2].split("/")[0])
    status, _, body = request_via_proxy(web_proxy.address.port, f"127.0.0.1:{port}", f"/flows?token={TOKEN}",
                                        ca_file=None, https=False, proxy_auth=PROXY_AUTH)
    assert status == 508, body


def test_llm_flows_are_commented_and_old_flows_pruned(web_proxy):
    for n in range(14):
        assert post(web_proxy, "llm.test", "/v1/chat/completions", openai_body(True, f"hello {n}"))[0] == 200
    status, _, body = web_get(web_proxy, "/flows", {"Authorization": f"Bearer {TOKEN}"})
    flows = json.loads(body)
    assert 0 < len(flows) <= 10  # web_max_flows
    comments = [f["comment"] for f in flows]
    assert all("stub-model" in c and "est. tokens" in c and "reported in" in c for c in comments), comments
    auth = {"Authorization": f"Bearer {TOKEN}"}
    newest = flows[-1]["id"]
    assert b"hello 13" in web_get(web_proxy, f"/flows/{newest}/request/content.data", auth)[2]  # oldest went first
    status, _, body = web_get(web_proxy, f"/flows/{newest}/request/content/headroom%20original%20vs%20sent.json", auth)
    assert status == 200, body
    view = json.loads(body)
    text = json.dumps(view["lines"])
    assert "original request" in text and "sent upstream" in text and "transforms applied" in text
    assert "original" in view["description"] and "tokens" in view["description"]


def test_flow_comment_and_prune_arithmetic():
    rec = FlowRecord(provider="anthropic", model="claude", est_tokens_before=1000, est_tokens_after=600,
                     input_tokens=900, output_tokens=20, cache_read_tokens=500, transforms={"dedupe": 2}, attempt=2)
    text = flow_comment(rec, compressed=True)
    assert text.startswith("saved 40.0% | anthropic claude | est. tokens 1,000 -> 600 |") and "dedupe x2" in text
    assert "cache read 500" in text and "retry #2" in text and text.endswith("compressed")
    assert excess(12, 10) == 2 and excess(3, 10) == 0


def test_each_ui_has_its_own_cookie(web_proxy):
    # Browsers keep cookies per host, not per port: a second UI on 127.0.0.1 must not overwrite
    # this one's cookie (found in Chromium: the first UI answered 403 once a second was opened).
    other = "another-ui-token-9876543210"
    assert cookie_name(other) != cookie_name(TOKEN) and TOKEN not in cookie_name(TOKEN)
    both = f"{cookie_name(other)}={other}; {cookie_name(TOKEN)}={TOKEN}"
    assert web_get(web_proxy, "/flows", {"Cookie": both})[0] == 200
    assert web_get(web_proxy, "/flows", {"Cookie": f"{cookie_name(other)}={other}"})[0] == 403


def test_flow_list_has_the_comment_column_and_the_footer_the_real_port(web_proxy):
    options = web_proxy.master.options
    assert "comment" in options.web_columns and "path" in options.web_columns
    assert options.listen_port == web_proxy.address.port != 0  # mitmweb's footer showed 8080 for 0
    assert options.stream_large_bodies == str(16 * 2**20)  # its footer could not format "16m"


def test_original_vs_sent_is_readable_line_by_line():
    log = "\n".join(f"line {i}" for i in range(5)) + "\nFAILED boom"
    original = json.dumps({"model": "m", "messages": [{"role": "tool", "content": log}]}).encode()
    sent = json.dumps({"model": "m", "messages": [{"role": "tool", "content": "FAILED boom [4 lines dropped]"}]}).encode()
    lines = ["".join(text for _, text in line) for line in _lines(original, sent, {"dedupe": 1})]
    assert lines[0] == "transforms applied: dedupe x1"
    sent_at = lines.index("===== sent upstream =====")
    original_at = lines.index("===== original request (as the client sent it) =====")
    assert sent_at < original_at  # the shorter body first: mitmweb shows 512 lines until "Show more"
    assert '      "content": "FAILED boom [4 lines dropped]"' in lines[sent_at:original_at]
    assert [line.strip() for line in lines[original_at:]].count("FAILED boom") == 1  # the tool output, line by line
    assert "line 3" in [line.strip() for line in lines[original_at:]]
    assert max(map(len, lines)) < 80
    not_json = [text for line in _lines(b"a\nb", b"a", {}) for _, text in line]
    assert not_json == ["transforms applied: none", "===== sent upstream =====", "a",
                        "===== original request (as the client sent it) =====", "a", "b"]


SECRET = "sk-live-SECRET-0123456789abcdef"
IN_BODY = "sk-body-SECRET-0123456789abcdef"


def test_the_ui_never_shows_a_credential_and_dumps_flows(web_proxy):
    from mitmproxy import io as flow_io
    import io

    body = json.dumps({"model": "stub-model", "messages": [{"role": "user", "content": f"my key is {IN_BODY}"}],
                       "stream": False}).encode()
    status, _, _ = post(web_proxy, "llm.test", f"/v1/chat/completions?key={SECRET}", body,
                        {"Authorization": f"Bearer {SECRET}", "x-api-key": SECRET})
    assert status == 200
    auth = {"Authorization": f"Bearer {TOKEN}"}
    status, _, listing = web_get(web_proxy, "/flows", auth)
    assert status == 200 and SECRET.encode() not in listing
    flow = json.loads(listing)[-1]
    headers = dict((k.lower(), v) for k, v in flow["request"]["headers"])
    assert headers["authorization"] == headers["x-api-key"] == "[redacted]" and "key=[redacted]" in flow["request"]["path"]
    status, _, view = web_get(web_proxy, f"/flows/{flow['id']}/request/content/headroom%20original%20vs%20sent.json", auth)
    assert status == 200 and IN_BODY.encode() not in view and b"[redacted]" in view
    status, _, dump = web_get(web_proxy, "/flows/dump", auth)  # was a 500: a Route in flow.metadata
    assert status == 200 and SECRET.encode() not in dump  # bodies are dumped as sent; credentials are not
    flows = list(flow_io.FlowReader(io.BytesIO(dump)).stream())
    assert flows and flows[-1].request.headers["authorization"] == "[redacted]"
    # mitmproxy's proxyauth addon keeps (user, password) in flow.metadata, which a dump carries.
    user, password = PROXY_AUTH.split(":", 1)
    assert password.encode() not in dump and password.encode() not in listing
    assert tuple(flows[-1].metadata["proxyauth"]) == (user, "[redacted]")


def test_an_unauthenticated_huge_body_is_refused_at_the_headers(web_proxy):
    import socket

    port = int(web_proxy.web_url.split(":")[2].split("/")[0])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"POST /flows/dump HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1073741824\r\n\r\n" + b"x" * 65536)
        reply = sock.recv(4096)  # answered before the body: nothing is buffered (it was 2.2 GB)
    assert reply.startswith(b"HTTP/1.1 403")
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:  # with the token: bounded too
        sock.sendall(f"POST /flows/dump HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n"
                     "Content-Length: 1073741824\r\n\r\n".encode())
        reply = sock.recv(4096)
    assert reply == b"" or not reply.startswith(b"HTTP/1.1 2")
