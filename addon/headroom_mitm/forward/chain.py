"""The user's own proxy: upstream connections chained through the HTTPS_PROXY / HTTP_PROXY /
ALL_PROXY the launcher was started with, hosts in their NO_PROXY direct.

mitmproxy's upstream mode sends every connection through one proxy; NO_PROXY needs a decision per
connection, so the forward stage sets each server connection's `via` itself (see forward/hook.py).
Pure: environment → `Chain`; host → chained or direct.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..facts import ip_of, is_loopback_host, normalize_host

# curl's order: the lower-case spelling first; the proxy for https:// URLs before the others.
PROXY_ENV = ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "http_proxy", "HTTP_PROXY")
NO_PROXY_ENV = ("no_proxy", "NO_PROXY")
# The CA files a user's tools already trust: a TLS-inspecting corporate proxy re-signs with its CA.
CA_ENV = ("SSL_CERT_FILE", "NODE_EXTRA_CA_CERTS", "REQUESTS_CA_BUNDLE")


@dataclass(frozen=True)
class Chain:
    scheme: str  # "http" or "https": how we talk to the proxy itself
    host: str
    port: int
    auth: str | None  # "user:pass" for Proxy-Authorization; never logged
    source: str  # the variable it came from
    no_proxy: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        """The proxy's URL without credentials: safe to log and to pass as an option."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"

    def describe(self) -> str:
        who = " (with credentials)" if self.auth else ""
        direct = ", ".join(self.no_proxy) if self.no_proxy else "none"
        return f"upstream connections chained through {self.url}{who} from ${self.source}; direct (NO_PROXY): {direct}"


def parse_proxy_url(value: str, source: str = "--upstream-proxy") -> tuple[str, str, int, str | None]:
    """`[http[s]://][user:pass@]host[:port]` → (scheme, host, port, "user:pass" or None)."""
    raw = value.strip()
    if "://" not in raw:
        raw = "http://" + raw  # curl's reading of a bare host:port
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        raise ValueError(f"{source}: not a proxy URL") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"{source}: {parts.scheme}:// proxies are not supported (http:// or https:// only)")
    if not parts.hostname or parts.path not in ("", "/"):
        raise ValueError(f"{source}: expected http://[USER:PASS@]HOST:PORT")
    auth = None
    if parts.username is not None:
        auth = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80), auth


def no_proxy_entries(env: Mapping[str, str]) -> tuple[str, ...]:
    entries: list[str] = []
    for name in NO_PROXY_ENV:
        for item in (env.get(name) or "").split(","):
            item = item.strip().lower()
            if item and item not in entries:
                entries.append(item)
    return tuple(entries)


def chain_from_env(env: Mapping[str, str]) -> Chain | None:
    """The proxy the user's environment names, or None. Raises ValueError for one we cannot use."""
    for name in PROXY_ENV:
        value = (env.get(name) or "").strip()
        if value:
            scheme, host, port, auth = parse_proxy_url(value, f"${name}")
            return Chain(scheme, host, port, auth, name, no_proxy_entries(env))
    return None


def _entry_matches(entry: str, host: str, ip: ipaddress.IPv4Address | ipaddress.IPv6Address | None) -> bool:
    if entry == "*":
        return True
    if "/" in entry and ip is not None:
        try:
            return ip in ipaddress.ip_network(entry, strict=False)
        except ValueError:
            return False
    name = normalize_host(entry.removeprefix("*"))  # also drops a ":port"
    if not name:
        return False
    if name.startswith("."):
        return host.endswith(name) or host == name[1:]
    return host == name or host.endswith("." + name)


def goes_direct(host: str, no_proxy: Sequence[str]) -> bool:
    """Whether a connection to `host` bypasses the chained proxy: loopback always, and NO_PROXY."""
    h = normalize_host(host)
    if is_loopback_host(h):
        return True
    ip = ip_of(h)
    return any(_entry_matches(entry, h, ip) for entry in no_proxy)


def ca_files_from_env(env: Mapping[str, str]) -> list[str]:
    """The CA files named in the environment that exist, without repeats."""
    found: list[str] = []
    for name in CA_ENV:
        value = (env.get(name) or "").strip()
        if value and value not in found:
            found.append(value)
    return found
