"""The trust bundle a launched program gets: the roots it would have trusted anyway, plus the session CA.

Python (ssl, httpx, requests), curl, git and Codex's rustls take ONE file that replaces their store
(SSL_CERT_FILE, REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, GIT_SSL_CAINFO, CODEX_CA_CERTIFICATE). Handing them
our CA alone would break every blind-tunnelled host (github.com, pypi, npm): those are verified against
the real roots, so the bundle starts with them.
"""

from __future__ import annotations

import os
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# Debian/Ubuntu, Fedora/RHEL, Alpine/openSUSE: where distributions keep the system store as one file.
_SYSTEM_BUNDLES = (
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/cert.pem",
    "/etc/ssl/ca-bundle.pem",
)

# Every variable that names the one file a runtime trusts (each replaces that runtime's store).
TRUST_VARS = ("SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "GIT_SSL_CAINFO", "CODEX_CA_CERTIFICATE")


@dataclass(frozen=True)
class Roots:
    path: Path
    source: str  # "SSL_CERT_FILE", "system" or "certifi": said in warnings and tests


def _readable_pem(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return b"-----BEGIN CERTIFICATE-----" in handle.read(1 << 20)
    except OSError:
        return False


def find_roots(env: Mapping[str, str]) -> tuple[Roots, list[str]]:
    """The user's SSL_CERT_FILE, else the system store, else certifi's bundle (and warnings to show)."""
    warnings: list[str] = []
    user = env.get("SSL_CERT_FILE")
    if user:
        if _readable_pem(Path(user)):
            return Roots(Path(user), "SSL_CERT_FILE"), warnings
        warnings.append(f"SSL_CERT_FILE={user} is not a readable PEM file; using the system roots instead")
    default = ssl.get_default_verify_paths().cafile
    for candidate in (default, *_SYSTEM_BUNDLES):
        if candidate and _readable_pem(Path(candidate)):
            return Roots(Path(candidate), "system"), warnings
    import certifi  # the last resort: not imported when the system has a store

    return Roots(Path(certifi.where()), "certifi"), warnings


def write_trust_bundle(destination: Path, roots: Path, session_ca_cert: Path) -> Path:
    """roots + our CA in one 0600 file."""
    data = roots.read_bytes().rstrip(b"\n") + b"\n" + session_ca_cert.read_bytes()
    fd = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return destination
