"""Keep credentials out of logs, telemetry and audit records.

Pure functions over plain strings and mappings; the addon converts mitmproxy objects before calling.
Everything here errs towards over-redaction: a redacted harmless value costs nothing, a leaked key
is an incident.
"""

from __future__ import annotations

import hashlib
import re
from typing import Mapping
from urllib.parse import unquote_plus, urlsplit, urlunsplit

from .facts import header_map

REDACTED = "[redacted]"

# Header names (lower case) whose values are credentials or session state.
SENSITIVE_HEADERS: frozenset[str] = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "x-api-key",
        "api-key",
        "x-goog-api-key",
        "cookie",
        "set-cookie",
        "x-amz-security-token",
        "x-auth-token",
    }
)

# Query parameter names (lower case) that carry credentials or signatures.
SENSITIVE_PARAMS: frozenset[str] = frozenset(
    {
        "key",
        "api_key",
        "apikey",
        "api-key",
        "token",
        "access_token",
        "refresh_token",
        "id_token",
        "auth",
        "authorization",
        "sig",
        "signature",
        "password",
        "passwd",
        "secret",
        "client_secret",
        "code",
        "x-amz-signature",
        "x-amz-credential",
        "x-amz-security-token",
        "x-goog-signature",
        "x-goog-credential",
    }
)
# A parameter whose last word is one of these is treated as sensitive too ("session_token", "sas-sig").
_SENSITIVE_SUFFIXES: frozenset[str] = frozenset(
    {"key", "apikey", "token", "secret", "sig", "signature", "password", "passwd", "pwd", "credential"}
)

# Headers that key_fingerprint reads, in order of preference.
_KEY_HEADERS: tuple[str, ...] = ("x-api-key", "api-key", "x-goog-api-key")

def _param_is_sensitive(name: str) -> bool:
    lowered = unquote_plus(name).strip().lower()
    if lowered in SENSITIVE_PARAMS:
        return True
    words = [w for w in re.split(r"[_\-.\[\]]+", lowered) if w]
    return bool(words) and words[-1] in _SENSITIVE_SUFFIXES


def _redact_query(query: str) -> str:
    # Work on the raw string so untouched parameters keep their exact encoding and order.
    parts = []
    for part in query.split("&"):
        name, sep, _value = part.partition("=")
        if sep and _param_is_sensitive(name):
            parts.append(f"{name}={REDACTED}")
        else:
            parts.append(part)
    return "&".join(parts)


def redact_url(url: str) -> str:
    """Redact userinfo and credential query parameters of a URL or of a bare path ("/v1/x?key=…").

    Idempotent: redacting an already redacted URL changes nothing.
    """
    if url.startswith("/") and not url.startswith("//") and not any(c in url for c in "?#@"):
        return url  # a bare path with nowhere to carry a secret (every request's audit record asks)
    try:
        parts = urlsplit(url)
    except ValueError:
        # Unparseable (e.g. a bad IPv6 literal): keep only what cannot carry a secret.
        return url.split("?", 1)[0].split("#", 1)[0] + ("?" + REDACTED if "?" in url else "")
    netloc = parts.netloc
    if "@" in netloc:
        netloc = REDACTED + "@" + netloc.rsplit("@", 1)[1]
    query = _redact_query(parts.query) if parts.query else parts.query
    # OAuth implicit flows put tokens in the fragment with query syntax.
    fragment = _redact_query(parts.fragment) if "=" in parts.fragment else parts.fragment
    redacted = urlunsplit((parts.scheme, netloc, parts.path, query, fragment))
    # urlunsplit drops a lone "?" or "#"; keep the caller's shape otherwise.
    if url.endswith("?") and not redacted.endswith("?"):
        redacted += "?"
    return redacted


def fingerprint(secret: str) -> str:
    """Short, stable, non-reversible identifier of a secret: "sha256:" + 12 hex digits."""
    return "sha256:" + hashlib.sha256(secret.encode("utf-8")).hexdigest()[:12]


def _key_from_url(url: str) -> str | None:
    try:
        query = urlsplit(url).query
    except ValueError:
        return None
    for part in query.split("&"):
        name, sep, value = part.partition("=")
        if sep and unquote_plus(name).lower() == "key" and value:
            return unquote_plus(value)
    return None


def key_fingerprint(headers: Mapping[str, str], url: str | None = None) -> str | None:
    """Fingerprint of the API key a request carries, or None when it carries none.

    Looks at Authorization: Bearer, then x-api-key, api-key, x-goog-api-key, then ?key= in `url`.
    """
    lowered = header_map(headers, "authorization", *_KEY_HEADERS)
    auth = lowered.get("authorization", "").strip()
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return fingerprint(token.strip())
    for name in _KEY_HEADERS:
        value = lowered.get(name, "").strip()
        if value:
            return fingerprint(value)
    if url:
        key = _key_from_url(url)
        if key:
            return fingerprint(key)
    return None
