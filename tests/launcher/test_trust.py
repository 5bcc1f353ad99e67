"""The child's trust: one bundle = the roots it would have trusted anyway + the session CA.

The "public" CA here is a test CA the user's SSL_CERT_FILE names; a loopback TLS server signed by it
stands for github.com or pypi: tools the agent runs must still reach it through the launcher.
"""

from __future__ import annotations

import datetime as dt
import http.server
import ipaddress
import shutil
import ssl
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from headroom_certs.roots import TRUST_VARS, find_roots, write_trust_bundle


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_public_pki(directory: Path) -> tuple[Path, Path, Path]:
    """(ca.pem, leaf.pem, leaf.key) for 127.0.0.1, signed by a CA that plays a public root."""
    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("Test Public Root")).issuer_name(_name("Test Public Root"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
                                       key_encipherment=False, data_encipherment=False, key_agreement=False,
                                       encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    leaf = (x509.CertificateBuilder().subject_name(_name("127.0.0.1")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = directory / "public-ca.pem", directory / "leaf.pem", directory / "leaf.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


class _Handler(http.server.BaseHTTPRequestHandler):
    seen: list[str]

    def do_GET(self) -> None:  # noqa: N802
        self.seen.append(self.path)
        body = b"public host reached\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def public_host(tmp_path):
    ca, leaf, key = make_public_pki(tmp_path)
    seen: list[str] = []
    handler = type("Handler", (_Handler,), {"seen": seen})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(leaf, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}", ca, seen
    server.shutdown()
    server.server_close()


def test_roots_come_from_the_users_ssl_cert_file_first(tmp_path):
    ca, _, _ = make_public_pki(tmp_path)
    roots, warnings = find_roots({"SSL_CERT_FILE": str(ca)})
    assert (roots.path, roots.source, warnings) == (ca, "SSL_CERT_FILE", [])


def test_an_unreadable_ssl_cert_file_falls_back_to_the_system_store_with_a_warning(tmp_path):
    roots, warnings = find_roots({"SSL_CERT_FILE": str(tmp_path / "missing.pem")})
    assert roots.source in ("system", "certifi") and roots.path.is_file()
    assert "SSL_CERT_FILE=" in warnings[0]


def test_the_bundle_holds_the_roots_then_our_ca(tmp_path):
    ca, leaf, _ = make_public_pki(tmp_path)
    out = write_trust_bundle(tmp_path / "bundle.pem", ca, leaf)
    certs = x509.load_pem_x509_certificates(out.read_bytes())
    assert [c.subject.rfc4514_string() for c in certs] == ["CN=Test Public Root", "CN=127.0.0.1"]
    assert out.stat().st_mode & 0o777 == 0o600


CHILD = r"""
set -u
for v in SSL_CERT_FILE REQUESTS_CA_BUNDLE CURL_CA_BUNDLE GIT_SSL_CAINFO CODEX_CA_CERTIFICATE; do
  eval "echo $v=\$$v"
done
cp "$SSL_CERT_FILE" "$COPY_TO"
echo "curl: $(curl -sS --max-time 10 "$URL/curl" 2>&1)"
echo "git: $(git ls-remote "$URL/repo.git" 2>&1 | head -3)"
echo "python: $("$PY" -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode().strip())' "$URL/python" 2>&1 | tail -1)"
"""


def test_a_childs_curl_git_and_python_reach_a_host_signed_by_the_users_roots(tmp_path, public_host):
    url, public_ca, seen = public_host
    if not (shutil.which("curl") and shutil.which("git")):
        pytest.fail("curl and git are needed for this test (scripts/setup.sh expects them)")
    copy = tmp_path / "bundle-seen-by-child.pem"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TMPDIR": str(tmp_path), "SSL_CERT_FILE": str(public_ca),
           # the ambient values of a build machine: the launcher must replace them, or git and curl miss our roots
           "GIT_SSL_CAINFO": "/etc/ssl/certs/ca-certificates.crt", "CURL_CA_BUNDLE": "/etc/ssl/certs/ca-certificates.crt",
           "URL": url, "PY": sys.executable, "COPY_TO": str(copy), "GIT_TERMINAL_PROMPT": "0"}
    done = subprocess.run([sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp_path / "state"),
                           "run", "--", "sh", "-c", CHILD],
                          env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    lines = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line and not line.startswith(("curl", "git", "python")))
    assert {lines[v] for v in TRUST_VARS} == {lines["SSL_CERT_FILE"]}  # one bundle for every runtime
    assert lines["SSL_CERT_FILE"] != str(public_ca)
    subjects = [c.subject.rfc4514_string() for c in x509.load_pem_x509_certificates(copy.read_bytes())]
    assert subjects[0] == "CN=Test Public Root" and "session CA" in subjects[-1]
    assert "curl: public host reached" in done.stdout, done.stdout
    assert "python: public host reached" in done.stdout, done.stdout
    assert "/curl" in seen and "/python" in seen
    # git got past TLS and asked for the refs (the server is no git server, so git then gives up)
    assert any(p.startswith("/repo.git/info/refs") for p in seen), done.stdout
    git_line = next(line for line in done.stdout.splitlines() if line.startswith("git:"))
    assert "certificate" not in git_line.lower() and "ssl" not in git_line.lower(), git_line
