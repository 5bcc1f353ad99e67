"""Certificate authority generation and the on-disk layout mitmproxy reads.

A CA directory holds:
  mitmproxy-ca.pem       private key + certificate (what mitmproxy's CertStore loads from its confdir)
  mitmproxy-ca-cert.pem  the certificate alone (what agents are told to trust)
Files are 0600 and the directory 0700: whoever reads the key can impersonate any host to the agent.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # cryptography is imported where a CA is made or read: a launch that takes a spare
    from cryptography import x509  # session CA (spare.py) reaches the agent's spawn without it
    from cryptography.hazmat.primitives.asymmetric import ec

# mitmproxy derives these names from its CONF_BASENAME ("mitmproxy").
CA_KEY_AND_CERT = "mitmproxy-ca.pem"
CA_CERT_ONLY = "mitmproxy-ca-cert.pem"

SESSION_VALIDITY = dt.timedelta(days=2)
PERSISTENT_VALIDITY = dt.timedelta(days=365)
# Clocks drift between machines and containers; a certificate that starts "now" can look
# not-yet-valid to a client whose clock lags a little.
BACKDATE = dt.timedelta(hours=1)


@dataclass(frozen=True)
class CaFiles:
    """Where a CA lives on disk."""

    directory: Path

    @property
    def key_and_cert(self) -> Path:
        return self.directory / CA_KEY_AND_CERT

    @property
    def cert(self) -> Path:
        return self.directory / CA_CERT_ONLY

    def exists(self) -> bool:
        return self.key_and_cert.is_file() and self.cert.is_file()


def generate_ca(
    common_name: str, validity: dt.timedelta, *, now: dt.datetime | None = None
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A fresh EC P-256 CA that may sign leaf certificates and nothing below them."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = now or dt.datetime.now(dt.timezone.utc)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "headroom-mitm"),
        ]
    )
    public_key = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - BACKDATE)
        .not_valid_after(now + validity)
        # path_length=0: leaves only; a stolen key cannot mint intermediate CAs.
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, cert


def write_private(path: Path, data: bytes) -> None:
    # O_EXCL-free but mode-at-creation: the key never exists on disk with wider permissions.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, data)
    finally:
        os.close(fd)


def write_ca(
    directory: Path, key: ec.EllipticCurvePrivateKey, cert: x509.Certificate
) -> CaFiles:
    """Write a CA in mitmproxy's confdir layout, private to the current user."""
    from cryptography.hazmat.primitives import serialization

    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    cert_pem = cert.public_bytes(serialization.Encoding.PEM)
    files = CaFiles(directory)
    write_private(files.key_and_cert, key_pem + cert_pem)
    write_private(files.cert, cert_pem)
    return files


def create_ca(directory: Path, common_name: str, validity: dt.timedelta) -> CaFiles:
    key, cert = generate_ca(common_name, validity)
    return write_ca(directory, key, cert)


def load_cert(files: CaFiles) -> x509.Certificate:
    from cryptography import x509

    return x509.load_pem_x509_certificate(files.cert.read_bytes())


@dataclass(frozen=True)
class CaInfo:
    subject: str
    not_before: dt.datetime
    not_after: dt.datetime
    sha256: str

    def describe(self) -> str:
        return (
            f"subject:     {self.subject}\n"
            f"valid from:  {self.not_before.isoformat()}\n"
            f"valid until: {self.not_after.isoformat()}\n"
            f"sha256:      {self.sha256}"
        )


def ca_info(files: CaFiles) -> CaInfo:
    from cryptography.hazmat.primitives import hashes

    cert = load_cert(files)
    return CaInfo(
        subject=cert.subject.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        sha256=cert.fingerprint(hashes.SHA256()).hex(":").upper(),
    )
