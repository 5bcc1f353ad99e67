"""A real `headroom-mitm proxy` gateway in a subprocess, shared by the hostile tests of a module, and the
raw-socket client they attack it with (loopback only)."""

from __future__ import annotations

import base64
import json
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.faults import FaultyUpstream
from tests.support import start_gateway, stop_gateway

AUTH = "gw:gateway-secret-PW"
LLM = "llm.gw.test"  # model rules apply here
BIG = "big.gw.test"  # no body rule: large bodies stream to its --route target
POLICY = """\
default: allow
rules:
  - name: no-gpt4
    action: deny
    host: llm.gw.test
    model: "gpt-4*"
  - name: no-secret
    action: deny
    host: secret.gw.test
"""


@dataclass
class Gateway:
    proc: subprocess.Popen
    port: int
    state: Path
    upstream: FaultyUpstream
    internal: FaultyUpstream  # a service on the gateway's own loopback, never routed to

    def audit(self) -> list[dict]:
        path = self.state / "records" / "audit.jsonl"
        return [json.loads(x) for x in path.read_text().splitlines() if x.endswith("}")] if path.exists() else []


def start(tmp: Path, *args: str, auth_args: tuple[str, ...] = ("--proxy-auth", AUTH), env: dict | None = None,
          ) -> tuple[subprocess.Popen, int]:
    return start_gateway(tmp, *args, auth_args=auth_args, env=env)


stop = stop_gateway


def basic(auth: str = AUTH) -> str:
    return "Basic " + base64.b64encode(auth.encode()).decode()


def exchange(port: int, raw: bytes | list[bytes], timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes (or pieces) to the proxy on one connection; (status, headers, body) of its answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        try:
            for piece in raw if isinstance(raw, list) else [raw]:
                sock.sendall(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the proxy may answer and close before the whole body is sent
        data = b""
        while True:
            try:
                chunk = sock.recv(1 << 16)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            data += chunk
            head, sep, rest = data.partition(b"\r\n\r\n")
            if sep:
                length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), None)
                if length is not None and len(rest) >= length:
                    break
    head, _, body = data.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/"):
        return 0, {}, data
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split(" ", 2)[1]), headers, body


def post(host: str, body: bytes, *, path: str = "/v1/chat/completions", extra: str = "", auth: str = AUTH,
         length: int | None = None) -> bytes:
    """An absolute-form POST through the proxy (the way agents send plain-HTTP requests)."""
    size = len(body) if length is None else length
    head = (f"POST http://{host}{path} HTTP/1.1\r\nHost: {host}\r\nProxy-Authorization: {basic(auth)}\r\n"
            f"Content-Type: application/json\r\n{extra}Content-Length: {size}\r\nConnection: close\r\n\r\n")
    return head.encode() + body
