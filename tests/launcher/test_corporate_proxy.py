"""The corporate chain: the launcher's HTTPS_PROXY is honoured, NO_PROXY hosts go direct, and the
corporate CA the user trusts is trusted upstream. A plain mitmdump plays the corporate proxy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from headroom_mitm.stub import StubServer, get_script
from tests.corp_proxy import CorpProxy

# A client that ignores NO_PROXY: it tunnels every call through the proxy the launcher gave it, so
# the direct/chained decision is the proxy's own.
CLIENT = r"""
import base64, http.client, json, os, ssl, sys
from urllib.parse import unquote, urlsplit
p = urlsplit(os.environ["HTTPS_PROXY"])
auth = "Basic " + base64.b64encode(f"{unquote(p.username)}:{unquote(p.password)}".encode()).decode()
ctx = ssl.create_default_context(cafile=os.environ["NODE_EXTRA_CA_CERTS"])
BODY = json.dumps({"model": "m", "stream": False, "messages": [{"role": "user", "content": "hi"}]})
def call(host, method, path, body=None):
    c = http.client.HTTPSConnection(p.hostname, p.port, context=ctx, timeout=30)
    c.set_tunnel(host, 443, headers={"Proxy-Authorization": auth})
    try:
        c.request(method, path, body=body, headers={"content-type": "application/json", "authorization": "Bearer sk-venice-0123456789"})
        r = c.getresponse()
        return [r.status, r.read().decode(errors="replace")[:300]]
    except Exception as e:
        return ["error", repr(e)]
print(json.dumps({
    "llm": call("api.venice.ai", "POST", "/api/v1/chat/completions", BODY),
    "blind": call("downloads.blind.example", "GET", "/v1/models"),
    "direct": call("api.minimax.io", "POST", "/anthropic/v1/messages", BODY),
}))
"""


def _run(tmp_path: Path, corp: CorpProxy, *options: str, extra_env: dict[str, str] | None = None) -> tuple[dict, str]:
    client = tmp_path / "client.py"
    client.write_text(CLIENT)
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update({
        "HOME": str(tmp_path), "HTTPS_PROXY": corp.url, "NO_PROXY": "api.minimax.io,intranet.corp",
        # The corporate CA, as the user's tools already trust it.
        "NODE_EXTRA_CA_CERTS": str(corp.ca), "SSL_CERT_FILE": str(corp.ca),
        **(extra_env or {}),
    })
    result = subprocess.run(
        [sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp_path / "state"), "--connect-retries", "0",
         *options, "run", "--", sys.executable, str(client)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


@pytest.fixture
def corp(tmp_path: Path):
    with StubServer(get_script("hello")) as stub:
        proxy = CorpProxy(tmp_path, stub.port)
        try:
            yield proxy
        finally:
            proxy.close()


def test_llm_and_blind_traffic_chain_through_the_corporate_proxy_and_no_proxy_goes_direct(tmp_path: Path, corp: CorpProxy) -> None:
    answers, _ = _run(tmp_path, corp)
    # Intercepted by us (the catalog knows venice), verified against the corporate CA, answered by the stub.
    assert answers["llm"][0] == 200, answers
    # Blind to us, and still through the corporate proxy (the client trusts the corporate CA too).
    assert answers["blind"][0] == 200, answers
    seen = corp.connects()
    assert {"api.venice.ai", "downloads.blind.example"} <= seen
    assert "api.minimax.io" not in seen and answers["direct"][0] == 502  # direct: no DNS offline
    assert "could not reach api.minimax.io" in answers["direct"][1]
    # (The corporate mitmdump demands credentials, proxyauth=corp:…: every CONNECT it logged carried them.)
    audit = [json.loads(x) for x in (tmp_path / "state" / "records" / "audit.jsonl").read_text().splitlines()]
    llm = [r for r in audit if r["host"] == "api.venice.ai" and r["kind"] == "request"]
    assert llm and llm[0]["class"] == "llm" and llm[0]["provider"] == "venice"
    log = (tmp_path / "state" / "logs" / "proxy.log").read_text()
    chained = [line for line in log.splitlines() if "chained through" in line]
    assert len(chained) == 1 and f"http://127.0.0.1:{corp.port} (with credentials) from $HTTPS_PROXY" in chained[0]
    assert "api.minimax.io" in chained[0]
    for path in (tmp_path / "state").rglob("*"):
        if path.is_file():
            assert b"corp-PW-4711" not in path.read_bytes(), path


def test_no_upstream_proxy_opts_out(tmp_path: Path, corp: CorpProxy) -> None:
    answers, _ = _run(tmp_path, corp, "--no-upstream-proxy")
    assert corp.connects() == set()
    assert answers["llm"][0] == 502  # direct, and api.venice.ai does not resolve offline
    assert "chained through" not in (tmp_path / "state" / "logs" / "proxy.log").read_text()


def test_without_the_corporate_ca_upstream_verification_fails(tmp_path: Path, corp: CorpProxy) -> None:
    # The same chain, but the user trusts only the system store: the re-signed certificate is refused.
    answers, _ = _run(tmp_path, corp, extra_env={"NODE_EXTRA_CA_CERTS": "", "SSL_CERT_FILE": ""})
    assert "api.venice.ai" in corp.connects()
    assert answers["llm"][0] == 502 and "certificate" in answers["llm"][1].lower(), answers


# An LLM API no list names, reached through a blind tunnel: a 60 KB prompt, three times.
UNLISTED_CLIENT = r"""
import base64, http.client, json, os, ssl
from urllib.parse import unquote, urlsplit
p = urlsplit(os.environ["HTTPS_PROXY"])
auth = "Basic " + base64.b64encode(f"{unquote(p.username)}:{unquote(p.password)}".encode()).decode()
ctx = ssl.create_default_context(cafile=os.environ["NODE_EXTRA_CA_CERTS"])
body = json.dumps({"model": "m", "stream": False, "messages": [{"role": "user", "content": "x" * 60000}]})
statuses = []
for _ in range(3):
    c = http.client.HTTPSConnection(p.hostname, p.port, context=ctx, timeout=30)
    c.set_tunnel("llm.unlisted.example", 443, headers={"Proxy-Authorization": auth})
    c.request("POST", "/v1/chat/completions", body=body, headers={"content-type": "application/json"})
    r = c.getresponse(); r.read(); statuses.append(r.status); c.close()
print(json.dumps(statuses))
"""


def test_the_summary_and_stats_name_a_blind_tunnelled_llm_looking_host(tmp_path: Path, corp: CorpProxy) -> None:
    client = tmp_path / "unlisted.py"
    client.write_text(UNLISTED_CLIENT)
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update({"HOME": str(tmp_path), "HTTPS_PROXY": corp.url, "NODE_EXTRA_CA_CERTS": str(corp.ca)})
    state = ["--state-dir", str(tmp_path / "state")]
    result = subprocess.run([sys.executable, "-m", "headroom_mitm", *state, "run", "--", sys.executable, str(client)],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and json.loads(result.stdout) == [200, 200, 200], result.stderr
    assert "llm.unlisted.example" in corp.connects()  # blind to us: the corporate proxy saw it
    named = [line for line in result.stderr.splitlines() if "not inspected: llm.unlisted.example" in line]
    assert len(named) == 1 and "3 blind tunnels" in named[0] and "--llm-host llm.unlisted.example" in named[0], result.stderr
    stats = subprocess.run([sys.executable, "-m", "headroom_mitm", *state, "stats"], env=env,
                           capture_output=True, text=True, timeout=60)
    assert "blind tunnels" in stats.stdout and "not inspected: llm.unlisted.example" in stats.stdout, stats.stdout
