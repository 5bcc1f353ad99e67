"""Shared test helpers: a recording HTTP upstream on loopback and a client that talks through a proxy."""

from __future__ import annotations

import base64
import copy
import http.client
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from headroom_mitm.audit.trail import line_hash
from headroom_mitm.compress.settings import CompressionSettings

# The rules' tests read shapes at the sizes the engine's floor (min_lossy_chars) lets through; the
# larger floor of logs and tables cut by rank alone (min_ranked_chars) has its own test.
RULES = CompressionSettings(min_ranked_chars=0)


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class RecordingUpstream:
    """A loopback HTTP server that answers 200 with a small JSON body and remembers each request."""

    seen: list[Seen] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def __enter__(self) -> "RecordingUpstream":
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                outer.seen.append(Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                reply = json.dumps({"ok": True, "path": self.path}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()


def request_via_proxy(
    proxy_port: int,
    url_host: str,
    path: str,
    *,
    ca_file: Path | None,
    proxy_auth: str | None = None,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    https: bool = True,
    port: int = 443,
    timeout: float = 10,
) -> tuple[int, dict[str, str], bytes]:
    """One request to url_host through an HTTP proxy on loopback (CONNECT for https)."""
    import base64

    auth_header = {}
    if proxy_auth:
        auth_header = {"Proxy-Authorization": "Basic " + base64.b64encode(proxy_auth.encode()).decode()}
    if https:
        context = ssl.create_default_context(cafile=str(ca_file)) if ca_file else ssl.create_default_context()
        conn: http.client.HTTPConnection = http.client.HTTPSConnection("127.0.0.1", proxy_port, timeout=timeout, context=context)
        conn.set_tunnel(url_host, port, headers=auth_header)
        target = path
    else:
        conn = http.client.HTTPConnection("127.0.0.1", proxy_port, timeout=timeout)
        target = f"http://{url_host}{path}"
    try:
        all_headers = dict(headers or {})
        if not https:
            all_headers.update(auth_header)
        conn.request(method, target, body=body, headers=all_headers)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


# OpenCode 1.18.33's limits for a tool output (bytes and lines).
OPENCODE_MAX_BYTES = 51_200
OPENCODE_MAX_LINES = 2_000


def opencode_shell_cut(full: str, saved_to: str, max_lines: int = OPENCODE_MAX_LINES, max_bytes: int = OPENCODE_MAX_BYTES) -> str:
    """What OpenCode's shell tool sends for a long output: its header, then whole lines from the end
    while they fit both limits (the same rule as OpenCode's own, re-implemented for tests)."""
    lines = full.split("\n")
    if len(lines) <= max_lines and len(full.encode()) <= max_bytes:
        return full
    kept: list[str] = []
    size = 0
    for line in reversed(lines):
        if len(kept) >= max_lines:
            break
        cost = len(line.encode()) + (1 if kept else 0)
        if size + cost > max_bytes:
            if not kept:  # one huge last line: its last max_bytes bytes, on a character boundary
                kept.append(line.encode()[-max_bytes:].decode("utf-8", "ignore"))
            break
        kept.insert(0, line)
        size += cost
    return f"...output truncated...\n\nFull output saved to: {saved_to}\n\n" + "\n".join(kept)


# -- a proxy started by the `start_proxy` fixture (tests/conftest.py), and LLM requests through it ----

PROXY_AUTH = "u:secret-pw"
KEY = "sk-test-secret-0123456789abcdef"
SESSION = "ses_meter_test_1"
UA = "opencode/1.18.33 ai-sdk/provider-utils/3 runtime/bun/1.3.14"


def openai_body(stream: bool, text: str = "say hello") -> bytes:
    body = {"model": "stub-model", "messages": [{"role": "user", "content": text}], "stream": stream}
    if stream:
        body["stream_options"] = {"include_usage": True}
    return json.dumps(body).encode()


def post(proxy, host, path, body, headers=None):
    all_headers = {"Content-Type": "application/json", "Authorization": f"Bearer {KEY}",
                   "x-session-affinity": SESSION, "User-Agent": UA, **(headers or {})}
    return request_via_proxy(proxy.address.port, host, path, ca_file=None, https=False, proxy_auth=PROXY_AUTH,
                             method="POST", body=body, headers=all_headers)


# -- an egress policy, and a CONNECT through the proxy -----------------------------------------------

POLICY = """
version: 1
default: allow
rules:
  - name: corp-deny
    action: deny
    host: ["*.evil.test", "evil.test"]
  - name: no-big-models
    action: deny
    model: ["gpt-4*", "claude-opus*", "gemini-1.5-pro"]
  - name: llm-capped
    action: allow
    class: llm
    max_request_bytes: 2000
"""


def write_policy(tmp_path, text=POLICY, name="policy.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def connect_status(proxy_port: int, target: str) -> tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", proxy_port), timeout=5) as sock:
        auth = base64.b64encode(PROXY_AUTH.encode()).decode()
        sock.sendall(f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\nProxy-Authorization: Basic {auth}\r\n\r\n".encode())
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
    return int(data.split(b" ", 2)[1]), data


def start_gateway(tmp: Path, *global_args: str, auth_args: tuple[str, ...] = (), env: dict | None = None,
                  ) -> tuple[subprocess.Popen[str], int]:
    """A real `headroom-mitm proxy` on an ephemeral loopback port, its state under tmp/state."""
    argv = [sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp / "state"), *global_args,
            "proxy", "--listen", "127.0.0.1:0", *auth_args]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    line = proc.stdout.readline() if proc.stdout is not None else ""
    if "listening on" not in line:
        proc.kill()
        raise AssertionError(f"gateway did not start: {line!r} {proc.stderr.read() if proc.stderr else ''}")
    return proc, int(line.rsplit(":", 1)[1])


def stop_gateway(proc: subprocess.Popen[str]) -> str:
    """SIGTERM (SIGKILL after 15 s); returns what the gateway wrote on stderr."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.communicate(timeout=15)[1]
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.communicate()[1]


def shape_candidates(found: list) -> list:
    """sift's lossy candidates but the reference to repeated blocks, offered beside any shape's."""
    return [c for c in found if c[0] != "repeated_blocks"]


def lossy_rendering(text: str, settings, tool: str = "bash") -> tuple[str, str]:
    """(transform, text) of the one lossy rendering of its shape sift offers for `text` (the
    reference to repeated blocks it may offer beside it is tested on its own); every kept line is
    checked to be a line of the input (or a marker)."""
    from headroom_mitm.compress import sift

    found = shape_candidates(sift.lossy_candidates(text, tool, settings))
    assert len(found) == 1, [n for n, _ in found]
    name, res = found[0]
    src = set(text.split("\n"))
    for line in res.text.split("\n"):  # kept lines verbatim
        assert line in src or line.startswith(("[…", "[warnings left out")), line
    return name, res.text


def reference_seal(payload: dict, seq: int, prev: str, prev_file: str | None = None,
                   hmac_key: bytes | None = None, *, lost: int | None = None) -> dict:
    """The audit line a payload becomes, built the plain way (as an object): what the writer's
    `seal_line` must produce byte for byte, and how a test forges a well-chained line."""
    chain: dict = {"seq": seq}
    if prev_file is not None:
        chain["prev_file"] = prev_file
    if lost:
        chain["lost"] = lost
    chain["prev"] = prev
    if "class_uid" in payload:
        line = copy.deepcopy(payload)
        line["metadata"]["sequence"] = seq
        line.setdefault("unmapped", {})["chain"] = chain
        chain["hash"] = line_hash(line, hmac_key)
        return line
    line = {"seq": seq, **payload, **{k: v for k, v in chain.items() if k != "seq"}}
    line["hash"] = line_hash(line, hmac_key)
    return line
