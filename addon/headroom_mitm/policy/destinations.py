"""Where a gateway may connect: plain functions over resolved addresses (the hook is connect.py).

A gateway that serves other machines must not become their way into its own network: destinations
that resolve to loopback, private, link-local, cloud-metadata or otherwise non-public addresses are
refused unless `--allow-destination` names them. The check is made on the addresses a name resolves
to, so a public-looking name cannot dodge it; the loop guard likewise compares resolved addresses and
ports with the proxy's own listeners.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Iterable

from ..facts import ip_of, normalize_host

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Cloud metadata services; most are link-local anyway, named so the refusal says what they are.
_METADATA = tuple(ipaddress.ip_network(n) for n in ("169.254.169.254/32", "fd00:ec2::254/128", "100.100.100.200/32"))


@dataclass(frozen=True)
class AllowEntry:
    """One `--allow-destination` value: a network or a host name, with an optional port."""

    network: Network | None
    host: str | None
    port: int | None

    def allows(self, host: str, ip: IP, port: int) -> bool:
        if self.port is not None and port != self.port:
            return False
        if self.network is not None:
            return ip in self.network
        return normalize_host(host) == self.host


def parse_allow(spec: str) -> AllowEntry:
    """`CIDR`, `IP`, `HOST`, each optionally with `:PORT` (IPv6 in brackets: `[fd00::1]:443`)."""
    raw = spec.strip()
    port: int | None = None
    body = raw
    if raw.startswith("["):
        end = raw.find("]")
        if end == -1:
            raise ValueError(f"--allow-destination {spec!r}: unclosed '['")
        body, rest = raw[1:end], raw[end + 1 :]
        if rest:
            if not rest.startswith(":") or not rest[1:].isdigit():
                raise ValueError(f"--allow-destination {spec!r}: expected [IPV6]:PORT")
            port = int(rest[1:])
    elif raw.count(":") == 1:
        body, _, port_text = raw.partition(":")
        if not port_text.isdigit():
            raise ValueError(f"--allow-destination {spec!r}: the port must be a number")
        port = int(port_text)
    if port is not None and not 0 < port < 65536:
        raise ValueError(f"--allow-destination {spec!r}: port outside 1..65535")
    if not body:
        raise ValueError(f"--allow-destination {spec!r}: empty")
    try:
        return AllowEntry(ipaddress.ip_network(body, strict=False), None, port)
    except ValueError:
        pass
    if "/" in body or "*" in body:
        raise ValueError(f"--allow-destination {spec!r}: not a CIDR, an IP address or a host name")
    return AllowEntry(None, normalize_host(body), port)


def parse_allow_list(specs: Iterable[str]) -> tuple[AllowEntry, ...]:
    return tuple(parse_allow(s) for s in specs)


def _plain(ip: IP) -> IP:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def non_public(ip: IP) -> str | None:
    """Why `ip` is not a public destination ("loopback", "private", …), or None if it is one."""
    ip = _plain(ip)
    if any(ip in n for n in _METADATA):
        return "a cloud metadata address"
    if ip.is_loopback or ip.is_unspecified:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_private:
        return "a private address"
    if not ip.is_global or ip.is_multicast:
        return "a non-public address"
    return None


def is_local_address(ip: IP) -> bool:
    """True when `ip` is one of this machine's addresses (binding to it succeeds)."""
    ip = _plain(ip)
    if ip.is_loopback or ip.is_unspecified:
        return True
    family = socket.AF_INET6 if isinstance(ip, ipaddress.IPv6Address) else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as s:
            s.bind((str(ip), 0))
        return True
    except OSError:
        return False


def is_own_listener(ip: IP, port: int, own: Iterable[tuple[str, int]]) -> bool:
    """True when connecting to (ip, port) reaches one of our listeners (bound host, port)."""
    ip = _plain(ip)
    for bound_host, bound_port in own:
        if port != bound_port:
            continue
        bound = ip_of(normalize_host(bound_host)) if bound_host else None
        if bound is None or _plain(bound).is_unspecified:
            if is_local_address(ip):  # listening on every interface: any local address loops
                return True
        elif _plain(bound) == ip or (_plain(bound).is_loopback and (ip.is_loopback or ip.is_unspecified)):
            return True
    return False


def literal_ip(host: str) -> IP | None:
    """The address a host spells directly (any IPv4 spelling, IPv6, IPv4-mapped), else None."""
    return ip_of(normalize_host(host).split("%", 1)[0])
