"""`--route HOST=URL`: send what was meant for HOST to another upstream (a test stub, a gateway).

Classification, telemetry and audit still see HOST; only the connection goes elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable
from urllib.parse import urlsplit

from ..facts import normalize_host

HOP_MARKER = "headroom-mitm"


@dataclass(frozen=True)
class UpstreamTarget:
    scheme: str
    host: str
    port: int
    path_prefix: str = ""

    def rewrite_path(self, path: str) -> str:
        return self.path_prefix + path if self.path_prefix else path


def parse_route(spec: str) -> tuple[str, UpstreamTarget]:
    """Parse `HOST=URL`, e.g. `api.anthropic.com=http://127.0.0.1:18080`."""
    host, sep, url = spec.partition("=")
    host = host.strip()
    if not sep or not host.rstrip(".") or not url:
        raise ValueError(f"--route {spec!r}: expected HOST=URL, e.g. api.anthropic.com=http://127.0.0.1:18080")
    if "/" in host or ":" in host:
        raise ValueError(f"--route {spec!r}: HOST is a bare host name without scheme or port")
    host = normalize_host(host)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"--route {spec!r}: URL must be http://HOST[:PORT][/PREFIX] or https://…")
    if parts.query or parts.fragment or parts.username:
        raise ValueError(f"--route {spec!r}: URL may not carry a query, fragment or credentials")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise ValueError(f"--route {spec!r}: {exc}") from None
    return host, UpstreamTarget(parts.scheme, parts.hostname, port, parts.path.rstrip("/"))


def parse_routes(specs: Iterable[str]) -> dict[str, UpstreamTarget]:
    routes: dict[str, UpstreamTarget] = {}
    for spec in specs:
        host, target = parse_route(spec)
        if host in routes and routes[host] != target:
            raise ValueError(f"--route {host} is given twice with different URLs")
        routes[host] = target
    return routes


def add_hop_marker(via: str | None, protocol_version: str) -> str:
    """The Via value after our hop (RFC 9110 §7.6.3), so a request that comes back is recognisable."""
    version = protocol_version.removeprefix("HTTP/") or "1.1"
    ours = f"{version} {HOP_MARKER}"
    return f"{via}, {ours}" if via else ours


def has_hop_marker(via: str | None) -> bool:
    if not via:
        return False
    return any(part.strip().split(" ")[-1] == HOP_MARKER for part in via.split(","))
