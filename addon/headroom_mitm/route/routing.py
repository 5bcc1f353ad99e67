"""Which upstream a flow talks to: an LLM API (and in which wire format), telemetry, loopback, or other.

Pure functions over host names and paths: the proxy addon calls `Router.classify_host` when only the
CONNECT / TLS ClientHello host is known, and `Router.classify_request` once the request path is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..facts import ApiFormat, FlowClass, ip_of, is_loopback_host, normalize_host, parse_api_format
from .catalog import CatalogIndex, CatalogProvider

__all__ = [
    "ApiFormat",
    "CustomProvider",
    "FlowClass",
    "Route",
    "Router",
    "api_format_for_path",
    "is_loopback_host",
    "normalize_host",
    "parse_api_format",
    "parse_llm_host_option",
]


@dataclass(frozen=True)
class Route:
    """Where a flow goes.

    `provider` is the LLM provider id (models.dev style: "anthropic", "openai", …, or a custom provider id
    from OpenCode's config) for `llm`, the vendor name ("sentry", "posthog", …) for `telemetry`, and None
    otherwise. `api_format` is only set for an `llm` flow whose format is known (from the path once the
    request is seen; from the host's default at CONNECT time).
    """

    kind: FlowClass
    host: str
    provider: str | None
    api_format: ApiFormat | None


@dataclass(frozen=True)
class CustomProvider:
    """An LLM endpoint found at runtime (OpenCode's config), not in the built-in registry."""

    id: str
    host: str
    base_url: str
    api_format: ApiFormat | None


# ---------------------------------------------------------------------------------------------------
# Host names and patterns
# ---------------------------------------------------------------------------------------------------

_LABEL_RE = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$")
_PATTERN_LABEL_RE = re.compile(r"^[a-z0-9_*-]+$")


def _compile_pattern(pattern: str) -> re.Pattern[str]:
    """A leading "*." matches one or more labels; any other "*" matches within a single label."""
    p = normalize_host(pattern)
    prefix = ""
    if p.startswith("*."):
        prefix = r"(?:[^.]+\.)+"
        p = p[2:]
    body = r"[^.]+".join(re.escape(part) for part in p.split("*"))
    return re.compile(rf"^{prefix}{body}$")


def _validate_pattern(pattern: str) -> str:
    """Normalise a host or wildcard pattern, or say clearly what is wrong with it."""
    raw = pattern.strip()
    if not raw:
        raise ValueError("empty host name")
    if "://" in raw or "/" in raw:
        hint = urlsplit(raw if "://" in raw else f"//{raw}").hostname or raw
        raise ValueError(f"{raw!r} looks like a URL; pass only the host name, e.g. {hint!r}")
    host = normalize_host(raw)
    if ip_of(host) is not None or ":" in host:
        if "*" in host:
            raise ValueError(f"{raw!r}: wildcards are not allowed in IP addresses")
        return host
    if raw.count(":") == 1 and not raw.startswith("["):
        raise ValueError(f"{raw!r}: give the host without a port (routing matches host names only)")
    labels = host.split(".")
    if any(not label for label in labels):
        raise ValueError(f"{raw!r}: empty label in host name")
    for label in labels:
        ok = _PATTERN_LABEL_RE.match(label) if "*" in label else _LABEL_RE.match(label)
        if not ok:
            raise ValueError(f"{raw!r}: {label!r} is not a valid host label")
    if "*" in host and len([label for label in labels if "*" not in label]) < 2:
        raise ValueError(f"{raw!r}: wildcard pattern is too broad (name at least two fixed labels)")
    return host


# ---------------------------------------------------------------------------------------------------
# Path → wire format
# ---------------------------------------------------------------------------------------------------

_GEMINI_METHOD_RE = re.compile(r":(?:generateContent|streamGenerateContent)$")
# Vertex AI serves Claude with the Messages body through rawPredict / streamRawPredict.
_VERTEX_ANTHROPIC_RE = re.compile(r"/publishers/anthropic/models/[^/]+:(?:stream)?rawPredict$", re.IGNORECASE)


def _clean_path(path: str) -> str:
    p = path.split("#", 1)[0].split("?", 1)[0]
    # Clients may percent-encode the ":" of "model:generateContent".
    p = unquote(p)
    return p.rstrip("/") or "/"


def api_format_for_path(path: str) -> ApiFormat | None:
    """The wire format of an LLM call, from its path alone; None for anything else (e.g. GET /v1/models).

    Providers and gateways often serve several formats on one host (opencode.ai/zen, DeepSeek, Moonshot,
    Z.ai, ZenMux, Vertex), and every SDK appends a fixed endpoint suffix to its base URL, so the suffix
    is what decides.
    """
    p = _clean_path(path)
    last = p.rsplit("/", 1)[-1]
    if _GEMINI_METHOD_RE.search(last):
        return ApiFormat.GEMINI
    if _VERTEX_ANTHROPIC_RE.search(p):
        return ApiFormat.ANTHROPIC_MESSAGES
    if p.endswith("/chat/completions"):
        return ApiFormat.OPENAI_CHAT
    if p.endswith("/responses"):
        return ApiFormat.OPENAI_RESPONSES
    # OpenAI's Assistants API also has ".../threads/{id}/messages", which is not a Messages call.
    if p.endswith("/messages") and "/threads/" not in p:
        return ApiFormat.ANTHROPIC_MESSAGES
    return None


# ---------------------------------------------------------------------------------------------------
# Registries
# ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _LlmHost:
    pattern: str
    provider: str
    default_format: ApiFormat | None
    # When set, only these path prefixes are the API (the host also serves a website); each maps to the
    # provider id that serves it. Other paths on the host are class "other".
    api_paths: tuple[tuple[str, str], ...] = ()


_F = ApiFormat
# Provider ids follow models.dev (what OpenCode calls them). Default formats are the CONNECT-time hint;
# per request the path decides (see api_format_for_path). None = the host serves several formats.
_LLM_HOSTS: tuple[_LlmHost, ...] = (
    _LlmHost("api.openai.com", "openai", _F.OPENAI_RESPONSES),  # OpenCode's openai provider uses Responses
    _LlmHost("api.anthropic.com", "anthropic", _F.ANTHROPIC_MESSAGES),
    _LlmHost("generativelanguage.googleapis.com", "google", _F.GEMINI),
    _LlmHost("api.deepseek.com", "deepseek", _F.OPENAI_CHAT),  # also /anthropic/v1/messages
    # OpenCode Zen and Go: Chat Completions, Responses and Messages under one base path each.
    _LlmHost("opencode.ai", "opencode", None, (("/zen/go/v1/", "opencode-go"), ("/zen/v1/", "opencode"))),
    _LlmHost("api.groq.com", "groq", _F.OPENAI_CHAT),  # base path /openai/v1
    _LlmHost("api.together.xyz", "togetherai", _F.OPENAI_CHAT),
    _LlmHost("api.fireworks.ai", "fireworks-ai", _F.OPENAI_CHAT),  # base path /inference/v1
    _LlmHost("api.x.ai", "xai", _F.OPENAI_CHAT),
    _LlmHost("api.perplexity.ai", "perplexity", _F.OPENAI_CHAT),
    _LlmHost("api.cerebras.ai", "cerebras", _F.OPENAI_CHAT),
    _LlmHost("api.mistral.ai", "mistral", _F.OPENAI_CHAT),
    # Cohere's native /v2/chat is its own shape; /compatibility/v1/chat/completions is OpenAI's.
    _LlmHost("api.cohere.ai", "cohere", None),
    _LlmHost("api.cohere.com", "cohere", None),
    _LlmHost("openrouter.ai", "openrouter", _F.OPENAI_CHAT, (("/api/v1/", "openrouter"),)),
    _LlmHost("api.moonshot.ai", "moonshotai", _F.OPENAI_CHAT),  # also /anthropic/v1/messages
    _LlmHost("api.z.ai", "zai", _F.OPENAI_CHAT),  # /api/paas/v4 and /api/anthropic
    _LlmHost("zenmux.ai", "zenmux", None, (("/api/", "zenmux"),)),  # /api/v1 and /api/anthropic
    _LlmHost("api.githubcopilot.com", "github-copilot", None),
    _LlmHost("api.*.githubcopilot.com", "github-copilot", None),  # individual / business / enterprise
    _LlmHost("*.openai.azure.com", "azure", None),
    _LlmHost("*.cognitiveservices.azure.com", "azure-cognitive-services", None),
    _LlmHost("*.services.ai.azure.com", "azure", None),  # Azure AI Foundry
    # Bedrock's InvokeModel / Converse bodies and event-stream responses are none of our formats.
    _LlmHost("bedrock-runtime.*.amazonaws.com", "amazon-bedrock", None),
    _LlmHost("bedrock-runtime-fips.*.amazonaws.com", "amazon-bedrock", None),
    # Vertex serves Gemini (generateContent) and Claude (rawPredict) on the same hosts.
    _LlmHost("*-aiplatform.googleapis.com", "google-vertex", None),
    _LlmHost("aiplatform.googleapis.com", "google-vertex", None),  # the "global" location
)

# Analytics, crash-report and tracing intake that agents and their tool chains phone home to.
_TELEMETRY_HOSTS: tuple[tuple[str, str], ...] = (
    ("sentry.io", "sentry"),  # Sentry error / crash reports
    ("*.sentry.io", "sentry"),  # o123.ingest.sentry.io, o123.ingest.us.sentry.io
    ("app.posthog.com", "posthog"),  # PostHog product analytics (legacy ingest)
    ("*.i.posthog.com", "posthog"),  # us.i.posthog.com, eu.i.posthog.com
    ("api.segment.io", "segment"),  # Segment tracking API
    ("*.datadoghq.com", "datadog"),  # Datadog log / RUM / metrics intake
    ("*.datadoghq.eu", "datadog"),
    ("browser-intake-datadoghq.com", "datadog"),  # Datadog browser RUM intake
    ("api.statsig.com", "statsig"),  # Statsig feature gates and event logging
    ("*.statsigapi.net", "statsig"),
    ("featuregates.org", "statsig"),  # Statsig's legacy SDK endpoint
    ("api.honeycomb.io", "honeycomb"),  # Honeycomb OpenTelemetry intake
    ("api.eu1.honeycomb.io", "honeycomb"),
    ("api2.amplitude.com", "amplitude"),  # Amplitude HTTP API
    ("api.eu.amplitude.com", "amplitude"),
    ("api.mixpanel.com", "mixpanel"),  # Mixpanel ingestion
    ("api-js.mixpanel.com", "mixpanel"),
    ("*.google-analytics.com", "google-analytics"),  # GA4 measurement protocol
    ("notify.bugsnag.com", "bugsnag"),  # Bugsnag error reports
    ("sessions.bugsnag.com", "bugsnag"),
    ("api.rollbar.com", "rollbar"),  # Rollbar error reports
    ("*.nr-data.net", "newrelic"),  # New Relic agent intake
)


@dataclass(frozen=True)
class _Compiled:
    regex: re.Pattern[str]
    exact: str | None  # set when the pattern has no wildcard: a dict lookup instead of a regex


def _compiled(pattern: str) -> _Compiled:
    host = normalize_host(pattern)
    return _Compiled(_compile_pattern(host), None if "*" in host else host)


def _matches(c: _Compiled, host: str) -> bool:
    return host == c.exact if c.exact is not None else bool(c.regex.match(host))


def _path_under(path: str, prefix: str) -> bool:
    """Segment-wise prefix test: "/v1" covers "/v1/chat/completions" but not "/v10/…"."""
    prefix = prefix.rstrip("/")
    if not prefix:
        return True
    return path == prefix or path.startswith(prefix + "/")


# ---------------------------------------------------------------------------------------------------
# Router
# ---------------------------------------------------------------------------------------------------

_EXTRA_PROVIDER_ID = "custom"


class Router:
    """Classifies hosts and requests.

    Precedence: loopback (always, whatever else lists the host) → `--llm-host` entries → custom
    providers from OpenCode's config → the built-in LLM registry → OpenCode's provider catalog →
    telemetry → other. A decrypted request on another host whose path is an LLM API call is LLM too.
    """

    def __init__(
        self,
        extra_llm_hosts: Mapping[str, ApiFormat | None] | None = None,
        custom_providers: Iterable[CustomProvider] = (),
        catalog: Iterable[CatalogProvider] = (),
    ) -> None:
        self._extra: list[tuple[_Compiled, ApiFormat | None]] = [
            (_compiled(_validate_pattern(pattern)), fmt) for pattern, fmt in (extra_llm_hosts or {}).items()
        ]
        by_host: dict[str, list[CustomProvider]] = {}
        for cp in custom_providers:
            by_host.setdefault(normalize_host(cp.host), []).append(cp)
        self._custom = by_host
        self._llm = [(_compiled(e.pattern), e) for e in _LLM_HOSTS]
        self._telemetry = [(_compiled(p), vendor) for p, vendor in _TELEMETRY_HOSTS]
        self._catalog = CatalogIndex(catalog)

    # -- lookups ------------------------------------------------------------------------------------

    def _extra_for(self, host: str) -> tuple[bool, ApiFormat | None]:
        for c, fmt in self._extra:
            if _matches(c, host):
                return True, fmt
        return False, None

    def _builtin_for(self, host: str) -> _LlmHost | None:
        for c, entry in self._llm:
            if _matches(c, host):
                return entry
        return None

    def _telemetry_for(self, host: str) -> str | None:
        for c, vendor in self._telemetry:
            if _matches(c, host):
                return vendor
        return None

    @staticmethod
    def _custom_default(providers: list[CustomProvider]) -> tuple[str, ApiFormat | None]:
        formats = {cp.api_format for cp in providers}
        fmt = formats.pop() if len(formats) == 1 else None  # disagreeing providers: leave it to the path
        return providers[0].id, fmt

    # -- public API ---------------------------------------------------------------------------------

    def classify_host(self, host: str) -> Route:
        """Classification from the host alone (CONNECT / TLS ClientHello time)."""
        h = normalize_host(host)
        if is_loopback_host(h):
            return Route(FlowClass.LOOPBACK, h, None, None)
        found, fmt = self._extra_for(h)
        if found:
            return Route(FlowClass.LLM, h, _EXTRA_PROVIDER_ID, fmt)
        customs = self._custom.get(h)
        if customs:
            pid, fmt = self._custom_default(customs)
            return Route(FlowClass.LLM, h, pid, fmt)
        entry = self._builtin_for(h)
        if entry is not None:
            return Route(FlowClass.LLM, h, entry.provider, entry.default_format)
        endpoints = self._catalog.endpoints(h)
        if endpoints:
            return Route(FlowClass.LLM, h, endpoints[0].provider, CatalogIndex.host_format(endpoints))
        vendor = self._telemetry_for(h)
        if vendor is not None:
            return Route(FlowClass.TELEMETRY, h, vendor, None)
        return Route(FlowClass.OTHER, h, None, None)

    def classify_request(self, host: str, path: str) -> Route:
        """Classification once the request line is known: the path decides the wire format."""
        route = self.classify_host(host)
        fmt = api_format_for_path(path)
        if route.kind is FlowClass.OTHER and fmt is not None:
            return Route(FlowClass.LLM, route.host, None, fmt)  # an LLM call to a host no list names
        if route.kind is not FlowClass.LLM:
            return route
        h = route.host
        clean = _clean_path(path)
        if self._extra_for(h)[0]:
            return Route(FlowClass.LLM, h, _EXTRA_PROVIDER_ID, fmt)

        customs = self._custom.get(h)
        if customs:
            # The custom provider whose base URL path is the longest prefix of this request wins.
            best: CustomProvider | None = None
            best_len = -1
            for cp in customs:
                base = urlsplit(cp.base_url).path.rstrip("/")
                if _path_under(clean, base) and len(base) > best_len:
                    best, best_len = cp, len(base)
            if best is not None:
                return Route(FlowClass.LLM, h, best.id, fmt)

        # The catalog's provider whose base path holds the request (perplexity vs perplexity-agent).
        endpoints = [] if customs else self._catalog.endpoints(h)
        best = CatalogIndex.best(endpoints, clean)
        if best is not None:
            return Route(FlowClass.LLM, h, best.provider, fmt)
        entry = self._builtin_for(h)
        if entry is None and endpoints and fmt is None and all(e.base_path for e in endpoints):
            return Route(FlowClass.OTHER, h, None, None)  # the website beside the API
        if entry is None:
            # Only custom providers know this host; a gateway host is all API.
            return Route(FlowClass.LLM, h, route.provider, fmt)
        if not entry.api_paths:
            return Route(FlowClass.LLM, h, entry.provider, fmt)
        for prefix, pid in entry.api_paths:
            if _path_under(clean, prefix):
                return Route(FlowClass.LLM, h, pid, fmt)
        # The website side of a host that also serves an API (opencode.ai/docs, openrouter.ai/models).
        return Route(FlowClass.OTHER, h, None, None)


# ---------------------------------------------------------------------------------------------------
# --llm-host HOST[=FORMAT]
# ---------------------------------------------------------------------------------------------------

def parse_llm_host_option(value: str) -> tuple[str, ApiFormat | None]:
    """Parse a `--llm-host HOST[=FORMAT]` value into a normalised host pattern and an optional format.

    HOST may be a wildcard pattern ("*.corp.example", "llm-*.corp.example"). Without FORMAT (or with
    "auto") the format is taken from each request's path. Loopback hosts are refused: loopback traffic
    is never intercepted.
    """
    raw = value.strip()
    host_part, sep, fmt_part = raw.partition("=")
    if not host_part.strip():
        raise ValueError(f"--llm-host {value!r}: expected HOST[=FORMAT], e.g. llm.corp.example=openai-chat")
    try:
        host = _validate_pattern(host_part)
    except ValueError as exc:
        raise ValueError(f"--llm-host {value!r}: {exc}") from None
    if "*" not in host and is_loopback_host(host):
        raise ValueError(f"--llm-host {value!r}: loopback hosts are never intercepted")
    if not sep:
        return host, None
    if not fmt_part.strip():
        raise ValueError(f"--llm-host {value!r}: nothing after '='; give a format or drop the '='")
    try:
        return host, parse_api_format(fmt_part)
    except ValueError as exc:
        raise ValueError(f"--llm-host {value!r}: {exc}") from None
