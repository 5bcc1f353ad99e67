"""Providers the old host registry lacked, reached by the real OpenCode through the launcher WITHOUT
--route: their names come from OpenCode's catalog, the connection goes through the user's HTTPS_PROXY
(a plain mitmdump that delivers every name to the local stub over TLS it signs), and the proxy trusts
that TLS through --upstream-ca. Compressed, metered with the provider's usage, audited as LLM."""

from __future__ import annotations

import json
import re

import pytest

from headroom_mitm.stub import Script, StubServer, TextStep, ToolCallStep
from headroom_mitm.stub.library import build_log_command
from tests.corp_proxy import CorpProxy
from tests.e2e.harness import OpenCodeRun

MARKER = re.compile(r"headroom_retrieve id=hr_[0-9a-f]+")

CASES = {
    "deepinfra": ("deepinfra/meta-llama/Llama-3.3-70B-Instruct-Turbo", "api.deepinfra.com", "/v1/openai/chat/completions",
                  "DEEPINFRA_API_KEY"),
    "venice": ("venice/grok-4-5", "api.venice.ai", "/api/v1/chat/completions", "VENICE_API_KEY"),
}


@pytest.mark.e2e
@pytest.mark.parametrize("provider", sorted(CASES))
def test_catalog_provider_without_route_is_compressed_metered_and_audited(tmp_path, provider):
    model, host, path, key_var = CASES[provider]
    script = Script(name="catalog", title="catalog", steps=(
        ToolCallStep("bash", {"command": build_log_command(1500), "description": "Run the tests"}),
        TextStep("Done."),
    ))
    # The SDKs of these two do not ask for stream usage; the providers report it anyway.
    oc = OpenCodeRun(tmp_path, StubServer(script, always_usage=True).start())
    corp = CorpProxy(tmp_path, oc.stub.port)
    try:
        result = oc.run("run", "the", "tests", model=model, timeout=120,
                        options=("--upstream-ca", str(corp.ca)),
                        HTTPS_PROXY=corp.url, **{key_var: "sk-e2e-catalog-0123456789"})
    finally:
        corp.close()
        oc.stub.stop()
    assert result.returncode == 0, result.stderr[-3000:]
    assert host in corp.connects()  # by its own name, no --route

    chats = [r for r in oc.llm_requests() if r.path == path]
    assert len(chats) >= 2, [r.path for r in oc.llm_requests()]
    tool_outputs = [m["content"] for m in chats[-1].json["messages"] if m.get("role") == "tool"]
    assert tool_outputs and MARKER.search(str(tool_outputs[0])), str(tool_outputs)[:1500]  # compressed

    records = [json.loads(x) for x in (oc.state / "records" / "flows.jsonl").read_text().splitlines()]
    ours = [r for r in records if r["host"] == host]
    assert ours and {r["provider"] for r in ours} == {provider}
    assert all(r["input_tokens"] for r in ours)  # the provider's (the stub's) reported usage
    assert any(r["est_tokens_after"] < r["est_tokens_before"] for r in ours)

    audit = [json.loads(x) for x in (oc.state / "records" / "audit.jsonl").read_text().splitlines()]
    requests = [r for r in audit if r["kind"] == "request" and r["host"] == host]
    assert requests and {(r["class"], r["provider"]) for r in requests} == {("llm", provider)}
    assert "sk-e2e-catalog" not in (oc.state / "records" / "audit.jsonl").read_text()
