"""OpenCode's provider catalog: every provider it can reach is an LLM host with a format."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from headroom_mitm.facts import ApiFormat, FlowClass
from headroom_mitm.route.catalog import (
    SOURCE_CACHE,
    SOURCE_SNAPSHOT,
    compact,
    endpoints_of,
    load_catalog,
    load_snapshot,
    path_under,
)
from headroom_mitm.route.routing import Router

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = load_snapshot()
CATALOG = load_catalog({})  # no cache: the shipped snapshot alone
ROUTER = Router(catalog=CATALOG)
# A base URL that is one variable as a whole (${NEON_AI_GATEWAY_BASE_URL}): nothing to match until
# the variable is set (see the neon test).
HOSTLESS = {"neon"}
SUFFIX = {
    ApiFormat.OPENAI_CHAT: "/chat/completions",
    ApiFormat.OPENAI_RESPONSES: "/responses",
    ApiFormat.ANTHROPIC_MESSAGES: "/messages",
    ApiFormat.GEMINI: "/models/m:streamGenerateContent",
    None: "/chat/completions",
}


def _sample(host: str) -> str:
    return host.replace("*", "acct1")


def test_the_snapshot_is_opencodes_whole_catalog() -> None:
    assert len(SNAPSHOT) == 225
    assert {"deepinfra", "venice", "nebius", "huggingface", "nvidia", "vercel", "cloudflare-ai-gateway"} <= set(SNAPSHOT)


def test_every_non_loopback_provider_is_an_llm_host_with_a_format() -> None:
    checked = 0
    for provider in CATALOG:
        if provider.loopback or provider.id in HOSTLESS:
            continue
        assert provider.endpoints, provider.id
        for e in provider.endpoints:
            if e.loopback:
                continue
            host = _sample(e.host)
            assert ROUTER.classify_host(host).kind is FlowClass.LLM, (provider.id, host)
            path = e.base_path.replace("*", "acct1") + SUFFIX[e.api_format]
            route = ROUTER.classify_request(host, path)
            assert route.kind is FlowClass.LLM and route.api_format is not None, (provider.id, host, path, route)
            if e.api_format is not None:
                assert route.api_format is e.api_format, (provider.id, host, path)
            checked += 1
    assert checked > 230


def test_provider_ids_are_the_catalogs() -> None:
    cases = {
        ("api.deepinfra.com", "/v1/openai/chat/completions"): "deepinfra",
        ("api.venice.ai", "/api/v1/chat/completions"): "venice",
        ("api.tokenfactory.nebius.com", "/v1/chat/completions"): "nebius",
        ("open.bigmodel.cn", "/api/coding/paas/v4/chat/completions"): "zhipuai-coding-plan",
        ("open.bigmodel.cn", "/api/paas/v4/chat/completions"): "zhipuai",
        ("api.perplexity.ai", "/v1/responses"): "perplexity-agent",
        ("api.cloudflare.com", "/client/v4/accounts/abc/ai/v1/chat/completions"): "cloudflare-workers-ai",
        ("myacct.snowflakecomputing.com", "/api/v2/cortex/v1/chat/completions"): "snowflake-cortex",
        ("bedrock-mantle.eu-west-1.api.aws", "/v1/chat/completions"): "amazon-bedrock",
        ("adb-1.azuredatabricks.net", "/ai-gateway/mlflow/v1/chat/completions"): "databricks",
    }
    for (host, path), pid in cases.items():
        assert ROUTER.classify_request(host, path).provider == pid, (host, path)


def test_the_website_beside_an_api_is_not_llm() -> None:
    # api.cloudflare.com serves far more than Workers AI: only the AI path is LLM traffic.
    assert ROUTER.classify_request("api.cloudflare.com", "/client/v4/zones").kind is FlowClass.OTHER


def test_loopback_providers_stay_loopback() -> None:
    lmstudio = next(p for p in CATALOG if p.id == "lmstudio")
    assert lmstudio.loopback and SNAPSHOT["lmstudio"]["loopback"] is True
    assert {p.id for p in CATALOG if p.loopback} == {"atomic-chat", "lmstudio", "lynkr", "privatemode-ai", "qvac"}
    assert ROUTER.classify_request("127.0.0.1", "/v1/chat/completions").kind is FlowClass.LOOPBACK


def test_a_whole_host_variable_resolves_from_the_agents_environment() -> None:
    neon = endpoints_of("neon", SNAPSHOT["neon"], SOURCE_SNAPSHOT, {"NEON_AI_GATEWAY_BASE_URL": "https://gw.neon.example"})
    assert {(e.host, e.base_path) for e in neon.endpoints} == {("gw.neon.example", "/v1"), ("gw.neon.example", "/openai/v1")}
    assert not neon.unresolved
    unset = endpoints_of("neon", SNAPSHOT["neon"], SOURCE_SNAPSHOT, {})
    assert not unset.endpoints and unset.unresolved
    assert {p.id for p in CATALOG if not p.endpoints} == HOSTLESS


def _write_cache(home: Path, catalog: dict) -> dict[str, str]:
    cache = home / "cache"
    (cache / "opencode").mkdir(parents=True)
    (cache / "opencode" / "models.json").write_text(json.dumps(catalog))
    return {"XDG_CACHE_HOME": str(cache)}


def test_a_provider_only_in_the_agents_cache_is_picked_up(tmp_path: Path) -> None:
    env = _write_cache(tmp_path, {
        "acme-llm": {"id": "acme-llm", "name": "Acme", "npm": "@ai-sdk/openai-compatible",
                     "api": "https://llm.acme.example/v1", "models": {"m": {"id": "m"}}},
        "deepinfra": {"id": "deepinfra", "npm": "@ai-sdk/deepinfra", "models": {}},
    })
    catalog = load_catalog(env)
    sources = {p.id: p.source for p in catalog}
    assert sources["acme-llm"] == SOURCE_CACHE and sources["deepinfra"] == SOURCE_CACHE
    assert sources["venice"] == SOURCE_SNAPSHOT  # the snapshot fills in what the cache lacks
    router = Router(catalog=catalog)
    route = router.classify_request("llm.acme.example", "/v1/chat/completions")
    assert (route.kind, route.provider, route.api_format) == (FlowClass.LLM, "acme-llm", ApiFormat.OPENAI_CHAT)
    assert Router(catalog=CATALOG).classify_host("llm.acme.example").kind is FlowClass.OTHER
    # OPENCODE_MODELS_PATH names another file
    other = tmp_path / "models.json"
    other.write_text(json.dumps({"beta": {"npm": "@ai-sdk/anthropic", "api": "https://beta.example/v1", "models": {}}}))
    assert any(p.id == "beta" for p in load_catalog({"OPENCODE_MODELS_PATH": str(other)}))


def test_an_unreadable_cache_falls_back_to_the_snapshot(tmp_path: Path) -> None:
    (tmp_path / "cache" / "opencode").mkdir(parents=True)
    (tmp_path / "cache" / "opencode" / "models.json").write_text("{not json")
    catalog = load_catalog({"XDG_CACHE_HOME": str(tmp_path / "cache")})
    assert len(catalog) == 225 and {p.source for p in catalog} == {SOURCE_SNAPSHOT}


def test_compact_keeps_model_overrides() -> None:
    out = compact({"p": {"name": "P", "npm": "@ai-sdk/openai-compatible", "api": "https://p.example/v1",
                         "models": {"a": {}, "b": {"provider": {"npm": "@ai-sdk/anthropic", "api": "https://p.example/anthropic"}}}}})
    assert out["p"]["endpoints"] == [["https://p.example/anthropic", "@ai-sdk/anthropic"],
                                     ["https://p.example/v1", "@ai-sdk/openai-compatible"]]
    with pytest.raises(ValueError):
        compact([1, 2])


def test_path_under_matches_whole_segments_and_wildcards() -> None:
    assert path_under("/client/v4/accounts/x/ai/v1/chat/completions", "/client/v4/accounts/*/ai/v1")
    assert not path_under("/v10/chat", "/v1")
    assert path_under("/anything", "")


def test_refresh_script_rebuilds_the_snapshot_from_a_models_dev_file(tmp_path: Path) -> None:
    src = tmp_path / "api.json"
    src.write_text(json.dumps({
        "acme": {"id": "acme", "name": "Acme", "npm": "@ai-sdk/openai-compatible", "api": "https://api.acme.example/v1", "models": {}},
        "local": {"id": "local", "name": "Local", "npm": "@ai-sdk/openai-compatible", "api": "http://127.0.0.1:1234/v1", "models": {}},
    }))
    out = tmp_path / "catalog.json"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "refresh_catalog.py"), str(src), "--out", str(out),
                    "--source", "test"], check=True, capture_output=True, timeout=60)
    data = json.loads(out.read_text())
    assert data["count"] == 2 and data["source"] == "test"
    assert data["providers"]["acme"] == {"name": "Acme", "endpoints": [["https://api.acme.example/v1", "@ai-sdk/openai-compatible"]],
                                         "loopback": False}
    assert data["providers"]["local"]["loopback"] is True
