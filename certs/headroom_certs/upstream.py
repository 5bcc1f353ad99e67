"""Trust for upstream servers: the default store plus the CAs the user adds (`--upstream-ca`) or
already trusts (SSL_CERT_FILE and kin)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

import certifi
from cryptography import x509


def write_upstream_bundle(directory: Path, extra_ca: Path | None, also: Sequence[str | Path] = ()) -> Path:
    """certifi's bundle (mitmproxy's default trust) followed by the user's CA, in one file.

    mitmproxy's `ssl_verify_upstream_trusted_ca` replaces the default store, so the extra CA is
    appended to that store rather than passed alone. `also`: CA files the user's tools already
    trust (SSL_CERT_FILE and kin); one that cannot be read as PEM is left out, never fatal.
    """
    parts = [Path(certifi.where()).read_bytes().rstrip(b"\n") + b"\n"]
    if extra_ca is not None:
        try:
            extra = extra_ca.read_bytes()
        except OSError as exc:
            raise ValueError(f"--upstream-ca {extra_ca}: {exc.strerror}") from None
        try:
            x509.load_pem_x509_certificates(extra)
        except ValueError:
            raise ValueError(f"--upstream-ca {extra_ca}: not a PEM certificate file") from None
        parts.append(extra.rstrip(b"\n") + b"\n")
    for path in also:
        try:
            data = Path(path).read_bytes()
            x509.load_pem_x509_certificates(data)
        except (OSError, ValueError):
            continue
        parts.append(data.rstrip(b"\n") + b"\n")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / "upstream-trust.pem"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(b"".join(parts))
    return path
