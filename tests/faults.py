"""A fault-injecting upstream on loopback that counts what it really received, and a fake resolver.

Each accepted connection reads whole HTTP/1.1 requests (head + Content-Length body) and answers
according to `mode`; `requests` counts requests that were read completely.
"""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from headroom_certs.ca import create_ca


def read_http_request(reader) -> bytes | None:
    """One HTTP/1.1 request (head and Content-Length body) from a socket file; None at EOF."""
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        line = reader.readline()
        if not line:
            return None
        head += line
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    return head + (reader.read(length) if length else b"")


@dataclass
class FaultyUpstream:
    mode: str = "ok"  # ok | close-after-request | status | sse-then-reset
    status: int = 200
    retry_after: str | None = None
    drop_first_connections: int = 0  # close these right after accept (before any TLS or HTTP byte)
    tls: ssl.SSLContext | None = None
    port: int = 0
    requests: list[bytes] = field(default_factory=list)
    connections: int = 0

    def __post_init__(self) -> None:
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", self.port))
        self.port = self._sock.getsockname()[1]
        self._stop = threading.Event()

    def start(self) -> "FaultyUpstream":
        self._sock.listen(16)
        self._sock.settimeout(0.2)
        threading.Thread(target=self._accept_loop, daemon=True).start()
        return self

    def close(self) -> None:
        self._stop.set()
        self._sock.close()

    def __enter__(self) -> "FaultyUpstream":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except (socket.timeout, OSError):
                continue
            self.connections += 1
            if self.connections <= self.drop_first_connections:
                conn.close()
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            conn.settimeout(5)
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)
            reader = conn.makefile("rb")
            while True:
                request = read_http_request(reader)
                if request is None:
                    return
                self.requests.append(request)
                if not self._answer(conn):
                    return
        except (OSError, ssl.SSLError):
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def _answer(self, conn: socket.socket) -> bool:
        if self.mode == "close-after-request":
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            return False  # RST without a byte of answer
        if self.mode == "sse-then-reset":
            conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n")
            for n in range(3):
                event = f"data: {{\"n\": {n}}}\n\n".encode()
                conn.sendall(f"{len(event):x}\r\n".encode() + event + b"\r\n")
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            return False
        body = b'{"ok": true}' if self.mode == "ok" else b'{"error": {"message": "upstream says no"}}'
        headers = [f"HTTP/1.1 {self.status} X", "content-type: application/json", f"content-length: {len(body)}"]
        if self.retry_after:
            headers.append(f"retry-after: {self.retry_after}")
        conn.sendall(("\r\n".join(headers) + "\r\n\r\n").encode() + body)
        return True


def server_tls_context(tmp: Path, names: list[str]) -> tuple[ssl.SSLContext, Path]:
    """A TLS context for a stand-in of the outside world, with its own CA (not ours)."""
    ca = create_ca(tmp / "outside-ca", "outside-world test CA", dt.timedelta(days=1))
    ca_key = serialization.load_pem_private_key(ca.key_and_cert.read_bytes(), None)
    ca_cert = x509.load_pem_x509_certificate(ca.cert.read_bytes())
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0])]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(n) for n in names]), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    chain = tmp / "outside-server.pem"
    chain.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        + cert.public_bytes(serialization.Encoding.PEM)
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(chain)
    context.set_alpn_protocols(["http/1.1"])
    return context, ca.cert


class FakeResolver:
    """Resolves chosen names to 127.0.0.1 inside this process (the proxy runs in-process in tests);
    can fail a name's first N look-ups to stand in for a flaky DNS."""

    def __init__(self, names: list[str], fail_first: dict[str, int] | None = None) -> None:
        self.names = set(names)
        self.fail_first = dict(fail_first or {})
        self.lookups: dict[str, int] = {}
        self._real = socket.getaddrinfo

    def __call__(self, host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name in self.names:
            self.lookups[name] = self.lookups.get(name, 0) + 1
            if self.lookups[name] <= self.fail_first.get(name, 0):
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            return self._real("127.0.0.1", port, *args, **kwargs)
        return self._real(host, port, *args, **kwargs)
