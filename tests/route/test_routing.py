"""Routing: hosts and paths to flow classes, providers and wire formats."""

from __future__ import annotations

import pytest
from headroom_mitm.route.routing import (
    ApiFormat,
    CustomProvider,
    FlowClass,
    Route,
    Router,
    api_format_for_path,
    is_loopback_host,
    normalize_host,
    parse_llm_host_option,
)
from hypothesis import given
from hypothesis import strategies as st

F = ApiFormat
ROUTER = Router()

# Every host the brief lists, with the provider id and CONNECT-time default format expected.
LISTED_LLM_HOSTS: list[tuple[str, str, ApiFormat | None]] = [
    ("api.openai.com", "openai", F.OPENAI_RESPONSES),
    ("api.anthropic.com", "anthropic", F.ANTHROPIC_MESSAGES),
    ("generativelanguage.googleapis.com", "google", F.GEMINI),
    ("api.deepseek.com", "deepseek", F.OPENAI_CHAT),
    ("opencode.ai", "opencode", None),
    ("api.groq.com", "groq", F.OPENAI_CHAT),
    ("api.together.xyz", "togetherai", F.OPENAI_CHAT),
    ("api.fireworks.ai", "fireworks-ai", F.OPENAI_CHAT),
    ("api.x.ai", "xai", F.OPENAI_CHAT),
    ("api.perplexity.ai", "perplexity", F.OPENAI_CHAT),
    ("api.cerebras.ai", "cerebras", F.OPENAI_CHAT),
    ("api.mistral.ai", "mistral", F.OPENAI_CHAT),
    ("api.cohere.ai", "cohere", None),
    ("api.cohere.com", "cohere", None),
    ("openrouter.ai", "openrouter", F.OPENAI_CHAT),
    ("api.moonshot.ai", "moonshotai", F.OPENAI_CHAT),
    ("api.z.ai", "zai", F.OPENAI_CHAT),
    ("zenmux.ai", "zenmux", None),
    ("myresource.openai.azure.com", "azure", None),
    ("bedrock-runtime.us-east-1.amazonaws.com", "amazon-bedrock", None),
    ("bedrock-runtime.eu-central-1.amazonaws.com", "amazon-bedrock", None),
    ("us-central1-aiplatform.googleapis.com", "google-vertex", None),
    ("europe-west4-aiplatform.googleapis.com", "google-vertex", None),
]


@pytest.mark.parametrize(("host", "provider", "fmt"), LISTED_LLM_HOSTS)
def test_every_listed_llm_host_is_llm(host: str, provider: str, fmt: ApiFormat | None) -> None:
    assert ROUTER.classify_host(host) == Route(FlowClass.LLM, host, provider, fmt)


@pytest.mark.parametrize(
    "host",
    [
        "sentry.io",
        "o4504.ingest.sentry.io",
        "o4504.ingest.us.sentry.io",
        "app.posthog.com",
        "us.i.posthog.com",
        "eu.i.posthog.com",
        "api.segment.io",
        "http-intake.logs.datadoghq.com",
        "browser-intake-datadoghq.com",
        "api.statsig.com",
        "events.statsigapi.net",
        "api.honeycomb.io",
        "api2.amplitude.com",
        "api.mixpanel.com",
        "region1.google-analytics.com",
        "notify.bugsnag.com",
        "api.rollbar.com",
    ],
)
def test_telemetry_hosts(host: str) -> None:
    route = ROUTER.classify_host(host)
    assert route.kind is FlowClass.TELEMETRY
    assert route.provider  # the vendor is named for the audit trail
    assert route.api_format is None


@pytest.mark.parametrize(
    "host",
    ["example.com", "github.com", "registry.npmjs.org", "pypi.org", "models.opencode.ai", "openai.com"],
)
def test_other_hosts(host: str) -> None:
    assert ROUTER.classify_host(host) == Route(FlowClass.OTHER, host, None, None)


# -- normalisation and wildcards ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    ["API.ANTHROPIC.COM", "api.anthropic.com.", "Api.Anthropic.Com.", " api.anthropic.com ", "api.anthropic.com:443"],
)
def test_case_trailing_dot_and_port_are_ignored(spelling: str) -> None:
    route = ROUTER.classify_host(spelling)
    assert route == Route(FlowClass.LLM, "api.anthropic.com", "anthropic", F.ANTHROPIC_MESSAGES)


@pytest.mark.parametrize(
    "host",
    [
        "openai.azure.com",  # "*." needs at least one label in front
        "evil-openai.azure.com.attacker.net",
        "bedrock-runtime.amazonaws.com",  # the region label is required
        "bedrock-runtime.a.b.amazonaws.com",  # "*" inside the pattern is exactly one label
        "aiplatform.googleapis.com.evil.net",
        "x.us-central1-aiplatform.googleapis.com",
        "api.openai.com.evil.net",
        "notapi.openai.com",
    ],
)
def test_wildcards_do_not_overmatch(host: str) -> None:
    assert ROUTER.classify_host(host).kind is not FlowClass.LLM


def test_wildcard_leading_label_spans_several_labels() -> None:
    assert ROUTER.classify_host("a.b.openai.azure.com").provider == "azure"


def test_idn_host_is_normalised_to_punycode() -> None:
    assert normalize_host("BÜCHER.example") == "xn--bcher-kva.example"


# -- loopback ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "LOCALHOST.",
        "foo.localhost",
        "127.0.0.1",
        "127.1.2.3",
        "127.0.0.1:4000",
        "::1",
        "[::1]",
        "[::1]:8080",
        "0:0:0:0:0:0:0:1",
        "::ffff:127.0.0.1",
        "[::ffff:7f00:1]",
        "127.1",  # legacy spellings a resolver accepts
        "2130706433",
        "0x7f.0.0.1",
        "0.0.0.0",
        "::",
    ],
)
def test_loopback_spellings(host: str) -> None:
    assert is_loopback_host(host)
    route = ROUTER.classify_host(host)
    assert route.kind is FlowClass.LOOPBACK
    assert route.provider is None and route.api_format is None


@pytest.mark.parametrize(
    "host", ["128.0.0.1", "10.0.0.1", "::2", "[2001:db8::1]", "localhost.example.com", "mylocalhost", "1.2.3.4"]
)
def test_not_loopback(host: str) -> None:
    assert not is_loopback_host(host)
    assert ROUTER.classify_host(host).kind is not FlowClass.LOOPBACK


def test_loopback_wins_over_every_llm_listing() -> None:
    router = Router(
        {"localhost": F.OPENAI_CHAT, "127.0.0.1": None},
        [CustomProvider("local", "127.0.0.1", "http://127.0.0.1:11434/v1", F.OPENAI_CHAT)],
    )
    for host in ("localhost", "127.0.0.1"):
        assert router.classify_request(host, "/v1/chat/completions").kind is FlowClass.LOOPBACK


@given(st.integers(min_value=0, max_value=2**24 - 1))
def test_all_of_127_slash_8_is_loopback(n: int) -> None:
    host = f"127.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"
    assert ROUTER.classify_host(host).kind is FlowClass.LOOPBACK


# -- path-based format -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("/v1/chat/completions", F.OPENAI_CHAT),
        ("/chat/completions", F.OPENAI_CHAT),
        ("/openai/deployments/gpt/chat/completions?api-version=2024-10-21", F.OPENAI_CHAT),
        ("/v1/responses", F.OPENAI_RESPONSES),
        ("/v1/responses/", F.OPENAI_RESPONSES),
        ("/v1/messages", F.ANTHROPIC_MESSAGES),
        ("/messages", F.ANTHROPIC_MESSAGES),
        ("/v1/messages?beta=true", F.ANTHROPIC_MESSAGES),
        ("/v1beta/models/gemini-2.5-pro:generateContent", F.GEMINI),
        ("/v1beta/models/gemini-2.5-pro:streamGenerateContent?alt=sse", F.GEMINI),
        ("/v1beta/models/gemini-2.5-pro%3AstreamGenerateContent", F.GEMINI),
        ("/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude:streamRawPredict", F.ANTHROPIC_MESSAGES),
        ("/v1/models", None),
        ("/v1/models/gpt-5", None),
        ("/v1/messages/count_tokens", None),
        ("/v1/messages/batches", None),
        ("/v1/responses/resp_123", None),
        ("/v1/threads/thread_abc/messages", None),  # OpenAI Assistants, not Anthropic
        ("/v1beta/models/gemini:countTokens", None),
        ("/v1/embeddings", None),
        ("/", None),
        ("", None),
    ],
)
def test_format_for_path(path: str, fmt: ApiFormat | None) -> None:
    assert api_format_for_path(path) == fmt


def test_path_beats_host_default_on_mixed_hosts() -> None:
    # DeepSeek's default is Chat Completions, but it serves a Messages endpoint too.
    assert ROUTER.classify_request("api.deepseek.com", "/anthropic/v1/messages").api_format is F.ANTHROPIC_MESSAGES
    assert ROUTER.classify_request("api.openai.com", "/v1/chat/completions").api_format is F.OPENAI_CHAT


def test_non_llm_path_on_llm_host_is_llm_without_format() -> None:
    assert ROUTER.classify_request("api.openai.com", "/v1/models") == Route(
        FlowClass.LLM, "api.openai.com", "openai", None
    )


@pytest.mark.parametrize(
    ("path", "provider", "fmt"),
    [
        ("/zen/v1/chat/completions", "opencode", F.OPENAI_CHAT),
        ("/zen/v1/responses", "opencode", F.OPENAI_RESPONSES),
        ("/zen/v1/messages", "opencode", F.ANTHROPIC_MESSAGES),
        ("/zen/v1/models/gemini-3-pro:streamGenerateContent", "opencode", F.GEMINI),
        ("/zen/go/v1/chat/completions", "opencode-go", F.OPENAI_CHAT),
        ("/zen/v1/models", "opencode", None),
    ],
)
def test_opencode_zen_paths(path: str, provider: str, fmt: ApiFormat | None) -> None:
    assert ROUTER.classify_request("opencode.ai", path) == Route(FlowClass.LLM, "opencode.ai", provider, fmt)


@pytest.mark.parametrize(
    ("host", "path"),
    [
        ("opencode.ai", "/docs"),
        ("opencode.ai", "/zen"),
        ("opencode.ai", "/zenith/v1/messages"),
        ("openrouter.ai", "/models"),
    ],
)
def test_website_side_of_api_hosts_is_other(host: str, path: str) -> None:
    assert ROUTER.classify_request(host, path) == Route(FlowClass.OTHER, host, None, None)


def test_openrouter_and_zenmux_api_paths() -> None:
    assert ROUTER.classify_request("openrouter.ai", "/api/v1/chat/completions").api_format is F.OPENAI_CHAT
    assert ROUTER.classify_request("zenmux.ai", "/api/anthropic/v1/messages").api_format is F.ANTHROPIC_MESSAGES
    assert ROUTER.classify_request("zenmux.ai", "/api/v1/chat/completions").api_format is F.OPENAI_CHAT


def test_telemetry_and_loopback_ignore_the_path() -> None:
    assert ROUTER.classify_request("sentry.io", "/v1/messages").kind is FlowClass.TELEMETRY
    assert ROUTER.classify_request("127.0.0.1", "/v1/chat/completions").kind is FlowClass.LOOPBACK


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("/v1/openai/chat/completions", F.OPENAI_CHAT),  # deepinfra's layout
        ("/v1/responses", F.OPENAI_RESPONSES),
        ("/anthropic/v1/messages", F.ANTHROPIC_MESSAGES),
        ("/v1beta/models/gemini-2.5-pro:streamGenerateContent", F.GEMINI),
    ],
)
def test_an_llm_api_path_is_llm_on_any_host(path: str, fmt: F) -> None:
    # A decrypted request (a --route target, --inspect all) to a host no list names.
    assert ROUTER.classify_request("llm.unknown.example", path) == Route(FlowClass.LLM, "llm.unknown.example", None, fmt)
    assert ROUTER.classify_request("llm.unknown.example", "/v1/models").kind is FlowClass.OTHER


# -- extra hosts and custom providers ----------------------------------------------------------------


def test_extra_llm_hosts_exact_and_wildcard() -> None:
    router = Router({"gw.corp.example": F.ANTHROPIC_MESSAGES, "*.llm.corp.example": None})
    assert router.classify_host("GW.corp.example.") == Route(
        FlowClass.LLM, "gw.corp.example", "custom", F.ANTHROPIC_MESSAGES
    )
    assert router.classify_host("a.b.llm.corp.example").kind is FlowClass.LLM
    assert router.classify_host("llm.corp.example").kind is FlowClass.OTHER
    assert router.classify_request("a.llm.corp.example", "/v1/responses").api_format is F.OPENAI_RESPONSES


def test_router_rejects_bad_extra_host() -> None:
    with pytest.raises(ValueError, match="URL"):
        Router({"https://gw.corp.example/v1": None})


def test_custom_provider_host_and_default_format() -> None:
    router = Router(
        custom_providers=[CustomProvider("fake", "LLM.Corp.Example", "https://llm.corp.example/v1", F.OPENAI_CHAT)]
    )
    assert router.classify_host("llm.corp.example") == Route(FlowClass.LLM, "llm.corp.example", "fake", F.OPENAI_CHAT)
    assert router.classify_request("llm.corp.example", "/v1/models") == Route(
        FlowClass.LLM, "llm.corp.example", "fake", None
    )


def test_custom_providers_sharing_a_host() -> None:
    providers = [
        CustomProvider("gw-openai", "gw.example", "https://gw.example/openai/v1", F.OPENAI_CHAT),
        CustomProvider("gw-claude", "gw.example", "https://gw.example/anthropic", F.ANTHROPIC_MESSAGES),
    ]
    router = Router(custom_providers=providers)
    # At CONNECT time the formats disagree, so none is claimed.
    assert router.classify_host("gw.example") == Route(FlowClass.LLM, "gw.example", "gw-openai", None)
    claude = router.classify_request("gw.example", "/anthropic/v1/messages")
    assert (claude.provider, claude.api_format) == ("gw-claude", F.ANTHROPIC_MESSAGES)
    gpt = router.classify_request("gw.example", "/openai/v1/chat/completions")
    assert (gpt.provider, gpt.api_format) == ("gw-openai", F.OPENAI_CHAT)
    # "/openai/v10" is not under "/openai/v1".
    assert router.classify_request("gw.example", "/openai/v10/x").provider == "gw-openai"  # falls back to the first


def test_custom_provider_overrides_builtin_provider_id() -> None:
    router = Router(custom_providers=[CustomProvider("corp-zen", "opencode.ai", "https://opencode.ai/zen/v1", None)])
    assert router.classify_request("opencode.ai", "/zen/v1/messages").provider == "corp-zen"
    # Outside its base path the built-in rules apply again.
    assert router.classify_request("opencode.ai", "/zen/go/v1/messages").provider == "opencode-go"
    assert router.classify_request("opencode.ai", "/docs").kind is FlowClass.OTHER


def test_extra_host_beats_custom_and_builtin() -> None:
    router = Router(
        {"api.openai.com": F.OPENAI_CHAT},
        [CustomProvider("mine", "api.openai.com", "https://api.openai.com/v1", F.OPENAI_RESPONSES)],
    )
    assert router.classify_host("api.openai.com") == Route(FlowClass.LLM, "api.openai.com", "custom", F.OPENAI_CHAT)


# -- --llm-host parsing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("gw.corp.example", ("gw.corp.example", None)),
        ("GW.Corp.Example.", ("gw.corp.example", None)),
        ("gw.corp.example=anthropic", ("gw.corp.example", F.ANTHROPIC_MESSAGES)),
        ("gw.corp.example=Anthropic-Messages", ("gw.corp.example", F.ANTHROPIC_MESSAGES)),
        ("gw.corp.example=openai", ("gw.corp.example", F.OPENAI_CHAT)),
        ("gw.corp.example=openai_chat", ("gw.corp.example", F.OPENAI_CHAT)),
        ("gw.corp.example=responses", ("gw.corp.example", F.OPENAI_RESPONSES)),
        ("gw.corp.example=gemini", ("gw.corp.example", F.GEMINI)),
        ("gw.corp.example=auto", ("gw.corp.example", None)),
        ("*.llm.corp.example=openai-chat", ("*.llm.corp.example", F.OPENAI_CHAT)),
        ("llm-*.corp.example", ("llm-*.corp.example", None)),
        ("10.1.2.3", ("10.1.2.3", None)),
        ("[2001:db8::1]=gemini", ("2001:db8::1", F.GEMINI)),
    ],
)
def test_parse_llm_host_option(value: str, expected: tuple[str, ApiFormat | None]) -> None:
    assert parse_llm_host_option(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "HOST"),
        ("=openai", "HOST"),
        ("gw.corp.example=", "nothing after"),
        ("gw.corp.example=cobol", "unknown API format 'cobol'"),
        ("https://gw.corp.example/v1", "looks like a URL.*gw.corp.example"),
        ("gw.corp.example/v1", "looks like a URL"),
        ("gw.corp.example:8443", "without a port"),
        ("localhost", "loopback"),
        ("127.0.0.1=openai", "loopback"),
        ("[::1]", "loopback"),
        ("*", "too broad"),
        ("*.com", "too broad"),
        ("bad_host!.example", "not a valid host label"),
        ("a..b", "empty label"),
        ("2001:db8::*", "wildcards"),
    ],
)
def test_parse_llm_host_option_errors(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        parse_llm_host_option(value)
    assert "--llm-host" in str(info.value)


def test_parsed_option_feeds_the_router() -> None:
    host, fmt = parse_llm_host_option("*.gw.example=anthropic")
    router = Router({host: fmt})
    assert router.classify_host("eu.gw.example") == Route(
        FlowClass.LLM, "eu.gw.example", "custom", F.ANTHROPIC_MESSAGES
    )
