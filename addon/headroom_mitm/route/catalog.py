"""The providers OpenCode can reach, from its models.dev catalog: which hosts are LLM APIs, in which
wire format, under which provider id.

Two sources, in order: the agent's own models cache (`$XDG_CACHE_HOME/opencode/models.json` or
`OPENCODE_MODELS_PATH`, models.dev's `api.json` shape) and the snapshot shipped beside this module
(catalog.json, built by scripts/refresh_catalog.py with `compact`). Both are reduced to the same
compact form once, at start-up; the per-request lookups are dict and regex matches only.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..facts import ApiFormat, default_models_path, is_loopback_host, normalize_host

SNAPSHOT_NAME = "catalog.json"
SOURCE_CACHE = "opencode-cache"
SOURCE_SNAPSHOT = "snapshot"

# The AI SDK package a provider is driven by decides the wire format. None: the package speaks
# something else (Bedrock's Converse, Cohere's v2 chat, Vercel's gateway protocol) or several
# formats; then each request's path decides.
NPM_FORMATS: dict[str, ApiFormat | None] = {
    "@ai-sdk/openai-compatible": ApiFormat.OPENAI_CHAT,
    "@ai-sdk/openai": ApiFormat.OPENAI_RESPONSES,
    "@ai-sdk/anthropic": ApiFormat.ANTHROPIC_MESSAGES,
    "@ai-sdk/google-vertex/anthropic": ApiFormat.ANTHROPIC_MESSAGES,
    "@ai-sdk/google": ApiFormat.GEMINI,
    "@ai-sdk/google-vertex": ApiFormat.GEMINI,
    # Packages that wrap an OpenAI-compatible Chat Completions API.
    "@ai-sdk/deepinfra": ApiFormat.OPENAI_CHAT,
    "@ai-sdk/cerebras": ApiFormat.OPENAI_CHAT,
    "@ai-sdk/groq": ApiFormat.OPENAI_CHAT,
    "@ai-sdk/togetherai": ApiFormat.OPENAI_CHAT,
    "@ai-sdk/xai": ApiFormat.OPENAI_CHAT,
    "@ai-sdk/mistral": ApiFormat.OPENAI_CHAT,
    "@ai-sdk/perplexity": ApiFormat.OPENAI_CHAT,
    "@ai-sdk/vercel": ApiFormat.OPENAI_CHAT,
    "@openrouter/ai-sdk-provider": ApiFormat.OPENAI_CHAT,
    "@aihubmix/ai-sdk-provider": ApiFormat.OPENAI_CHAT,
    "venice-ai-sdk-provider": ApiFormat.OPENAI_CHAT,
    "@ai-sdk/amazon-bedrock/mantle": ApiFormat.OPENAI_CHAT,
    "@saladtechnologies-oss/ai-sdk-provider": ApiFormat.OPENAI_CHAT,
    "@qvac/ai-sdk-provider": ApiFormat.OPENAI_CHAT,
}

# Base URLs of the SDK packages used when a catalog entry names no `api` (the package's default).
# Facts read from the packages bundled in OpenCode 1.18.33 and from the vendors' API docs.
# `*` stands for a per-account or per-region label.
SDK_DEFAULT_URLS: dict[str, tuple[str, ...]] = {
    "@ai-sdk/openai": ("https://api.openai.com/v1",),
    "@ai-sdk/anthropic": ("https://api.anthropic.com/v1",),
    "@ai-sdk/google": ("https://generativelanguage.googleapis.com/v1beta",),
    "@ai-sdk/google-vertex": ("https://*-aiplatform.googleapis.com/v1", "https://aiplatform.googleapis.com/v1"),
    "@ai-sdk/google-vertex/anthropic": ("https://*-aiplatform.googleapis.com/v1", "https://aiplatform.googleapis.com/v1"),
    "@ai-sdk/deepinfra": ("https://api.deepinfra.com/v1/openai",),
    "@ai-sdk/cerebras": ("https://api.cerebras.ai/v1",),
    "@ai-sdk/groq": ("https://api.groq.com/openai/v1",),
    "@ai-sdk/togetherai": ("https://api.together.xyz/v1",),
    "@ai-sdk/xai": ("https://api.x.ai/v1",),
    "@ai-sdk/mistral": ("https://api.mistral.ai/v1",),
    "@ai-sdk/perplexity": ("https://api.perplexity.ai",),
    "@ai-sdk/cohere": ("https://api.cohere.com/v2",),
    "@ai-sdk/vercel": ("https://api.v0.dev/v1",),
    "@ai-sdk/gateway": ("https://ai-gateway.vercel.sh/v3/ai",),
    "@ai-sdk/azure": ("https://*.openai.azure.com/openai", "https://*.cognitiveservices.azure.com/openai"),
    "@ai-sdk/amazon-bedrock": ("https://bedrock-runtime.*.amazonaws.com", "https://bedrock-runtime-fips.*.amazonaws.com"),
    "venice-ai-sdk-provider": ("https://api.venice.ai/api/v1",),
    "@aihubmix/ai-sdk-provider": ("https://aihubmix.com/v1",),
    "ai-gateway-provider": ("https://gateway.ai.cloudflare.com/v1",),
    "watsonx-ai-provider": ("https://*.ml.cloud.ibm.com",),
    "@jerome-benoit/sap-ai-provider-v2": ("https://*.ml.hana.ondemand.com",),
    # GitLab Duo's AI gateway; gitlab.com itself also carries git traffic and stays tunnelled.
    "gitlab-ai-provider": ("https://cloud.gitlab.com",),
    "@saladtechnologies-oss/ai-sdk-provider": ("https://ai.salad.cloud/v1",),  # its dist/index.cjs, 0.2.0
    "@qvac/ai-sdk-provider": ("http://127.0.0.1:11435/v1",),  # a local server it spawns (0.7.0): loopback
}

# A base URL whose whole host is a variable: the hosts that variable names in practice.
HOST_VARIABLE_PATTERNS: dict[str, tuple[str, ...]] = {
    "DATABRICKS_HOST": ("*.cloud.databricks.com", "*.azuredatabricks.net", "*.gcp.databricks.com"),
    "GOOGLE_VERTEX_ENDPOINT": ("*-aiplatform.googleapis.com", "aiplatform.googleapis.com"),
}

_VAR_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class Endpoint:
    """One place a provider's API lives: a host (or `*` pattern) and the base path under it."""

    provider: str
    host: str
    base_path: str
    npm: str
    api_format: ApiFormat | None
    loopback: bool
    source: str


@dataclass(frozen=True)
class CatalogProvider:
    id: str
    name: str
    endpoints: tuple[Endpoint, ...]
    unresolved: tuple[str, ...]  # base URLs we could not turn into a host (a variable not set)
    source: str

    @property
    def loopback(self) -> bool:
        return bool(self.endpoints) and all(e.loopback for e in self.endpoints)


# ---------------------------------------------------------------------------------------------------
# models.dev api.json → compact form (shared by the runtime and scripts/refresh_catalog.py)
# ---------------------------------------------------------------------------------------------------


def _pairs_of_provider(provider: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(base URL or "", npm) pairs a provider and its models use (a model may override both)."""
    npm = str(provider.get("npm") or "")
    api = str(provider.get("api") or "")
    pairs = {(api, npm)}
    models = provider.get("models")
    for model in (models.values() if isinstance(models, Mapping) else models or ()):
        if not isinstance(model, Mapping):
            continue
        over = model.get("provider")
        if isinstance(over, Mapping) and (over.get("npm") or over.get("api")):
            pairs.add((str(over.get("api") or api), str(over.get("npm") or npm)))
        served = model.get("api")  # OpenCode's /provider answer: the model's resolved api
        if isinstance(served, Mapping) and (served.get("npm") or served.get("url")):
            pairs.add((str(served.get("url") or ""), str(served.get("npm") or npm)))
    if len(pairs) > 1:
        pairs.discard(("", ""))
    return sorted(pairs)


def compact(catalog: Any) -> dict[str, dict[str, Any]]:
    """A models.dev `api.json` (or OpenCode's `GET /provider` answer) → {provider id: {name, endpoints}}.

    Each endpoint is [base URL, npm package]; a URL left empty takes the package's default.
    """
    if isinstance(catalog, Mapping) and isinstance(catalog.get("all"), list):
        providers: Iterable[Any] = catalog["all"]
    elif isinstance(catalog, Mapping):
        providers = [{"id": key, **value} for key, value in catalog.items() if isinstance(value, Mapping)]
    else:
        raise ValueError("not a models.dev catalog: expected an object of providers")
    out: dict[str, dict[str, Any]] = {}
    for provider in providers:
        if not isinstance(provider, Mapping) or not provider.get("id"):
            continue
        pid = str(provider["id"])
        out[pid] = {"name": str(provider.get("name") or pid), "endpoints": [list(p) for p in _pairs_of_provider(provider)]}
    return out


# ---------------------------------------------------------------------------------------------------
# compact form → endpoints
# ---------------------------------------------------------------------------------------------------


def _expand(url: str, env: Mapping[str, str]) -> str:
    return _VAR_RE.sub(lambda m: env.get(m.group(1)) or m.group(0), url)


def _split_url(url: str) -> list[tuple[str, str]]:
    """(host pattern, base path) for a base URL that may hold ${VAR} parts; [] if none can be had."""
    _, sep, rest = url.partition("://")
    if not sep:
        rest = url
    authority, _, path = rest.partition("/")
    path = "/" + path if path else ""
    host_vars = _VAR_RE.fullmatch(authority)
    if host_vars:
        hosts = list(HOST_VARIABLE_PATTERNS.get(host_vars.group(1), ()))
    elif _VAR_RE.search(authority.split(":", 1)[0]) or "*" in authority:
        hosts = [_VAR_RE.sub("*", authority)]
    elif "$" in authority or not authority:
        hosts = []
    else:
        hosts = [urlsplit(f"//{authority}").hostname or ""]
    clean_path = _VAR_RE.sub("*", path).rstrip("/")
    return [(normalize_host(h), clean_path) for h in hosts if h]


def endpoints_of(pid: str, entry: Mapping[str, Any], source: str, env: Mapping[str, str] | None = None) -> CatalogProvider:
    """A compact entry → the hosts and base paths to match (`${VAR}` parts filled from `env` if set)."""
    env = env or {}
    endpoints: list[Endpoint] = []
    unresolved: list[str] = []
    for url, npm in entry.get("endpoints", ()):
        urls = (_expand(url, env),) if url else SDK_DEFAULT_URLS.get(npm, ())
        if not urls:
            unresolved.append(f"{npm or '?'} (no base URL)")
        for one in urls:
            split = _split_url(one)
            if not split:
                unresolved.append(one)
            for host, path in split:
                endpoints.append(Endpoint(pid, host, path, npm, NPM_FORMATS.get(npm), is_loopback_host(host), source))
    unique = tuple(dict.fromkeys(endpoints))
    return CatalogProvider(pid, str(entry.get("name") or pid), unique, tuple(unresolved), source)


def load_snapshot() -> dict[str, dict[str, Any]]:
    data = json.loads(resources.files(__package__).joinpath(SNAPSHOT_NAME).read_text(encoding="utf-8"))
    return data["providers"]


def load_cache(path: Path) -> dict[str, dict[str, Any]] | None:
    """The agent's models cache in compact form; None when it is missing or unreadable."""
    try:
        return compact(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def load_catalog(env: Mapping[str, str] | None = None) -> list[CatalogProvider]:
    """Every provider known: the agent's cache first, then the shipped snapshot for the rest."""
    env = os.environ if env is None else env
    found: dict[str, CatalogProvider] = {}
    cache = load_cache(default_models_path(env))
    for pid, entry in (cache or {}).items():
        found[pid] = endpoints_of(pid, entry, SOURCE_CACHE, env)
    for pid, entry in load_snapshot().items():
        if pid not in found:
            found[pid] = endpoints_of(pid, entry, SOURCE_SNAPSHOT, env)
    return list(found.values())


# ---------------------------------------------------------------------------------------------------
# lookups
# ---------------------------------------------------------------------------------------------------


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    return re.compile("^" + "[^.]+".join(re.escape(part) for part in pattern.split("*")) + "$")


def path_under(path: str, base: str) -> bool:
    """Segment-wise prefix test; a `*` segment of `base` matches any one segment."""
    base_parts = [p for p in base.split("/") if p]
    parts = [p for p in path.split("/") if p]
    if len(parts) < len(base_parts):
        return False
    return all(b == "*" or b == p for b, p in zip(base_parts, parts))


class CatalogIndex:
    """Host → the catalog's endpoints on it. Loopback endpoints are left out: never intercepted."""

    def __init__(self, providers: Iterable[CatalogProvider]) -> None:
        self._exact: dict[str, list[Endpoint]] = {}
        self._patterns: list[tuple[re.Pattern[str], list[Endpoint]]] = []
        by_pattern: dict[str, list[Endpoint]] = {}
        for provider in providers:
            for e in provider.endpoints:
                if e.loopback:
                    continue
                if "*" in e.host:
                    by_pattern.setdefault(e.host, []).append(e)
                else:
                    self._exact.setdefault(e.host, []).append(e)
        self._patterns = [(_pattern_regex(p), es) for p, es in by_pattern.items()]

    def endpoints(self, host: str) -> list[Endpoint]:
        found = self._exact.get(host)
        if found:
            return found
        for regex, es in self._patterns:
            if regex.match(host):
                return es
        return []

    @staticmethod
    def host_format(endpoints: list[Endpoint]) -> ApiFormat | None:
        formats = {e.api_format for e in endpoints}
        return formats.pop() if len(formats) == 1 else None

    @staticmethod
    def best(endpoints: list[Endpoint], path: str) -> Endpoint | None:
        """The endpoint whose base path is the longest prefix of `path`."""
        under = [e for e in endpoints if path_under(path, e.base_path)]
        return max(under, key=lambda e: len(e.base_path)) if under else None
