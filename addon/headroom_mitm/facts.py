"""The vocabulary every stage shares, defined once: the API formats, the flow classes, and how a host
name is normalised and recognised as loopback. Dependency-free (standard library only)."""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import os
import re
import socket
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path


class ApiFormat(StrEnum):
    OPENAI_CHAT = "openai-chat"
    OPENAI_RESPONSES = "openai-responses"
    ANTHROPIC_MESSAGES = "anthropic-messages"
    GEMINI = "gemini"


class FlowClass(StrEnum):
    LLM = "llm"
    TELEMETRY = "telemetry"
    LOOPBACK = "loopback"
    OTHER = "other"


# ---------------------------------------------------------------------------------------------------
# API format names (--llm-host HOST=FORMAT, OpenCode's config)
# ---------------------------------------------------------------------------------------------------

_FORMAT_ALIASES: dict[str, ApiFormat | None] = {
    "auto": None,
    "openai-chat": ApiFormat.OPENAI_CHAT,
    "openai": ApiFormat.OPENAI_CHAT,
    "openai-compatible": ApiFormat.OPENAI_CHAT,
    "chat": ApiFormat.OPENAI_CHAT,
    "chat-completions": ApiFormat.OPENAI_CHAT,
    "openai-responses": ApiFormat.OPENAI_RESPONSES,
    "responses": ApiFormat.OPENAI_RESPONSES,
    "anthropic-messages": ApiFormat.ANTHROPIC_MESSAGES,
    "anthropic": ApiFormat.ANTHROPIC_MESSAGES,
    "messages": ApiFormat.ANTHROPIC_MESSAGES,
    "claude": ApiFormat.ANTHROPIC_MESSAGES,
    "gemini": ApiFormat.GEMINI,
    "google": ApiFormat.GEMINI,
}


API_FORMAT_NAMES: tuple[str, ...] = tuple(_FORMAT_ALIASES)


def header_map(headers: Mapping[str, str], *names: str) -> dict[str, str]:
    """Lower-cased header name → value in one pass (only `names`, lower-case, when given); repeated
    headers folded with ", " as mitmproxy's Headers.get folds them. On a mitmproxy Headers it walks
    the raw fields: its items() re-scans every field per name."""
    fields = getattr(headers, "fields", None)
    if fields is None:
        found = {str(name).lower(): value for name, value in headers.items()}
        return {n: found[n] for n in names if n in found} if names else found
    wanted = {n.encode("utf-8", "surrogateescape") for n in names} if names else None
    out: dict[str, str] = {}
    for raw_name, raw_value in fields:
        lowered = raw_name.lower()
        if wanted is not None and lowered not in wanted:
            continue
        name = lowered.decode("utf-8", "surrogateescape")
        value = raw_value.decode("utf-8", "surrogateescape")
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


def parse_api_format(value: str) -> ApiFormat | None:
    """An API format name or alias ("anthropic", "openai", "responses", …); "auto" means path-based."""
    key = value.strip().lower().replace("_", "-")
    if key not in _FORMAT_ALIASES:
        known = ", ".join(sorted(_FORMAT_ALIASES))
        raise ValueError(f"unknown API format {value!r}; use one of: {known}")
    return _FORMAT_ALIASES[key]


# ---------------------------------------------------------------------------------------------------
# Host names
# ---------------------------------------------------------------------------------------------------

# Legacy IPv4 spellings that resolvers still accept ("127.1", "0x7f.1", "2130706433").
_LEGACY_IPV4_RE = re.compile(r"^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}$")


@functools.lru_cache(maxsize=1024)  # pure; asked by most stages of every request, of a handful of names
def normalize_host(host: str) -> str:
    """Lower-case, without brackets, port or trailing dot; IDNs in their ASCII (punycode) form."""
    h = host.strip()
    if h.startswith("["):
        end = h.find("]")
        h = h[1:end] if end != -1 else h[1:]
    elif h.count(":") == 1:
        # "host:port"; two or more colons is a bare IPv6 literal and stays whole.
        h = h.split(":", 1)[0]
    h = h.rstrip(".").lower()
    if not h.isascii():
        # An unencodable name is left as is: it simply matches no pattern.
        with contextlib.suppress(UnicodeError):
            h = h.encode("idna").decode("ascii")
    return h


@functools.lru_cache(maxsize=1024)  # pure; a name costs three failed parses (exceptions) to answer
def ip_of(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _LEGACY_IPV4_RE.match(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


@functools.lru_cache(maxsize=1024)  # asked several times per request, of a handful of names
def is_loopback_host(host: str, *, unspecified: bool = True) -> bool:
    """localhost, *.localhost, 127.0.0.0/8, ::1 (also IPv4-mapped), and the unspecified addresses.

    0.0.0.0 and :: are included because connecting to them reaches this machine: the loop guard and
    the "loopback is never modified" rule must not be dodged by spelling the address differently.
    To *listen* on them is another matter (every interface): `unspecified=False` leaves them out.
    """
    h = normalize_host(host)
    if h == "localhost" or h.endswith(".localhost"):
        return True
    ip = ip_of(h.split("%", 1)[0])  # drop an IPv6 zone id ("fe80::1%eth0")
    if ip is None:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback or (unspecified and ip.is_unspecified)


# The proxy's own name: http://headroom.mitm/… is answered by the proxy itself (/stats, /metrics,
# /mcp), through the proxy, never forwarded.
RESERVED_HOST = "headroom.mitm"
MCP_PATH = "/mcp"  # the headroom_retrieve tool over MCP Streamable HTTP
# The name our retrieval MCP server goes by, in clients' configs and so in their tool names
# (OpenCode: headroom_headroom_retrieve; Claude Code: mcp__headroom__headroom_retrieve).
MCP_SERVER_NAME = "headroom"
# Its one tool. A lossy marker points at it as the client names it; a request may be compressed
# lossily only when its tool list holds a tool whose name ends in this.
RETRIEVE_TOOL = "headroom_retrieve"


def reserved_host_allowed(host_header: str | None) -> bool:
    """DNS-rebinding guard: the Host header may name only the reserved host or a loopback address."""
    if not host_header:
        return True  # HTTP/1.0 without Host: the absolute URL already named the reserved host
    host = normalize_host(host_header)
    return host == RESERVED_HOST or is_loopback_host(host)


# ---------------------------------------------------------------------------------------------------
# OpenCode's models cache (its copy of the models.dev catalog: providers, base URLs, prices)
# ---------------------------------------------------------------------------------------------------


def default_models_path(env: Mapping[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    if env.get("OPENCODE_MODELS_PATH"):
        return Path(env["OPENCODE_MODELS_PATH"])
    cache = env.get("XDG_CACHE_HOME") or str(Path(env.get("HOME") or Path.home()) / ".cache")
    return Path(cache) / "opencode" / "models.json"
