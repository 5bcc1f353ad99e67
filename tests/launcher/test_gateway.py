"""`headroom-mitm proxy` as a standalone gateway: refusal to listen openly, SIGHUP reload, corporate
upstream proxy, durability under SIGKILL, and a bounded loopback load test (all offline)."""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


from headroom_mitm.audit.verify import verify
from tests.faults import FaultyUpstream, server_tls_context
from tests.support import start_gateway as shared_start, stop_gateway

AUTH = "gw:gateway-secret-PW"
LLM = "llm.gw.test"


def start_gateway(tmp_path: Path, *global_args: str, extra_env: dict | None = None) -> tuple[subprocess.Popen, int]:
    return shared_start(tmp_path, *global_args, auth_args=("--proxy-auth", AUTH), env=extra_env)


stop = stop_gateway


def audit_lines(tmp_path: Path) -> list[dict]:
    path = tmp_path / "state" / "records" / "audit.jsonl"
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text().splitlines() if x.endswith("}")]


def basic(auth: str = AUTH) -> str:
    return "Basic " + base64.b64encode(auth.encode()).decode()


def llm_post(port: int, model: str = "m", timeout: float = 10) -> tuple[int, int, bytes]:
    """One plain-HTTP LLM call on its own connection: (client port, status, body)."""
    body = json.dumps({"model": model, "messages": [{"role": "user", "content": "hi"}]}).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        local = sock.getsockname()[1]
        sock.sendall(
            f"POST http://{LLM}/v1/chat/completions HTTP/1.1\r\nHost: {LLM}\r\nProxy-Authorization: {basic()}\r\n"
            f"Authorization: Bearer sk-gw-KEY-123456\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body
        )
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/"):
        raise ConnectionError(f"no HTTP answer: {data[:80]!r}")
    return local, int(head.split(b" ", 2)[1]), rest


def tunnel_get(port: int, target_port: int, ca: Path, timeout: float = 10) -> tuple[int, bytes]:
    """A blind TLS tunnel to localhost:target_port, one GET inside: (client port, answer body)."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    local = sock.getsockname()[1]
    try:
        sock.sendall(f"CONNECT localhost:{target_port} HTTP/1.1\r\nProxy-Authorization: {basic()}\r\n\r\n".encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(1)
            if not chunk:
                raise OSError("proxy closed the CONNECT")
            head += chunk
        assert b" 200 " in head.split(b"\r\n")[0], head
        tls = ssl.create_default_context(cafile=str(ca)).wrap_socket(sock, server_hostname="localhost")
        tls.sendall(b"GET /blind HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        data = b""
        while True:
            try:
                chunk = tls.recv(65536)
            except (ssl.SSLError, ConnectionResetError):
                break
            if not chunk:
                break
            data += chunk
            if b'{"ok": true}' in data:
                break
        tls.close()
        return local, data.partition(b"\r\n\r\n")[2]
    finally:
        sock.close()


def wait_for(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


# ---- start-up refusals -------------------------------------------------------------------------------


def test_listening_beyond_loopback_without_credentials_is_refused(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp_path / "s"), "proxy", "--listen", "0.0.0.0:0"],
        capture_output=True, text=True, timeout=30,
    )
    assert result.returncode != 0
    assert "refusing to listen on 0.0.0.0 without proxy credentials" in result.stderr


def test_upstream_proxy_url_is_validated_without_echoing_credentials(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "headroom_mitm", "--state-dir", str(tmp_path / "s"),
         "--upstream-proxy", "ftp://corp:Hunter2secret@proxy.corp:21", "proxy"],
        capture_output=True, text=True, timeout=30,
    )
    assert result.returncode == 2 and "--upstream-proxy" in result.stderr
    assert "Hunter2secret" not in result.stderr


# ---- SIGHUP reload ------------------------------------------------------------------------------------


def test_sighup_reloads_the_policy_and_a_bad_one_keeps_the_old(tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text("default: allow\n")
    with FaultyUpstream() as upstream:
        proc, port = start_gateway(
            tmp_path, "--policy", str(policy), "--llm-host", f"{LLM}=openai-chat",
            "--route", f"{LLM}=http://127.0.0.1:{upstream.port}",
        )
        allowed = []  # requests answered before the reload landed reach the upstream, as they should

        def denied() -> bool:
            status = llm_post(port)[1]
            allowed.append(status == 200)
            return status == 403

        try:
            assert llm_post(port)[1] == 200
            policy.write_text("rules:\n  - name: friday-freeze\n    action: deny\n    class: llm\n")
            proc.send_signal(signal.SIGHUP)
            assert wait_for(denied)
            _, status, body = llm_post(port)
            assert status == 403 and "friday-freeze" in body.decode()
            policy.write_text("rules:\n  - name: broken\n    action: allow\n    class: nonsense\n")
            proc.send_signal(signal.SIGHUP)
            time.sleep(0.5)
            assert llm_post(port)[1] == 403  # the old policy is still in force
            assert proc.poll() is None  # and the gateway still runs
        finally:
            err = stop(proc)
    assert "policy not reloaded" in err and "rules[0].class[0]" in err and str(policy) in err
    assert len(upstream.requests) == 1 + sum(allowed)  # nothing reached it once denied
    assert verify([tmp_path / "state" / "records" / "audit.jsonl"]).ok


def test_a_fifo_policy_is_refused_on_reload_and_sigterm_still_stops_the_gateway(tmp_path):
    policy = tmp_path / "policy.yaml"
    policy.write_text("default: allow\n")
    with FaultyUpstream() as upstream:
        proc, port = start_gateway(
            tmp_path, "--policy", str(policy), "--llm-host", f"{LLM}=openai-chat",
            "--route", f"{LLM}=http://127.0.0.1:{upstream.port}",
        )
        try:
            policy.unlink()
            os.mkfifo(policy)  # nobody ever writes to it: opening it for reading would wait forever
            proc.send_signal(signal.SIGHUP)
            time.sleep(0.5)
            assert llm_post(port)[1] == 200  # the policy in force stays, the proxy still answers
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=10)
        finally:
            err = stop(proc)
    assert "policy not reloaded" in err and "not a regular file" in err


# ---- corporate upstream proxy -------------------------------------------------------------------------


class CorpProxy:
    """A minimal forward proxy (CONNECT and absolute-form) that demands credentials and logs what it saw."""

    def __init__(self, required: str) -> None:
        self.required = basic(required)
        self.seen: list[tuple[str, str | None]] = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        try:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = conn.recv(1)
                if not chunk:
                    return
                head += chunk
            lines = head.decode("latin-1").split("\r\n")
            auth = next((l.split(":", 1)[1].strip() for l in lines if l.lower().startswith("proxy-authorization:")), None)
            self.seen.append((lines[0], auth))
            if auth != self.required:
                conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
                return
            method, target, _ = lines[0].split(" ", 2)
            if method == "CONNECT":
                host, port = target.rsplit(":", 1)
                upstream = socket.create_connection(("127.0.0.1", int(port)), timeout=10)
                conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            else:
                hostport = target.split("/")[2]
                port = int(hostport.rsplit(":", 1)[1]) if ":" in hostport else 80
                upstream = socket.create_connection(("127.0.0.1", port), timeout=10)
                upstream.sendall(head)
            self._pipe(conn, upstream)
        except OSError:
            pass
        finally:
            conn.close()

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        def copy(src, dst):
            try:
                while chunk := src.recv(65536):
                    dst.sendall(chunk)
            except OSError:
                pass
            finally:
                try:
                    dst.shutdown(socket.SHUT_WR)
                except OSError:
                    pass

        t = threading.Thread(target=copy, args=(b, a), daemon=True)
        t.start()
        copy(a, b)
        t.join(10)
        b.close()

    def close(self) -> None:
        self.sock.close()


def test_upstream_proxy_carries_intercepted_and_blind_traffic_with_its_credentials(tmp_path):
    corp = CorpProxy("corp:corp-PW-777")
    context, outside_ca = server_tls_context(tmp_path, ["localhost"])
    with FaultyUpstream() as llm, FaultyUpstream(tls=context) as blind:
        proc, port = start_gateway(
            tmp_path, "--upstream-proxy", f"http://corp:corp-PW-777@127.0.0.1:{corp.port}",
            "--llm-host", f"{LLM}=openai-chat", "--route", f"{LLM}=http://127.0.0.1:{llm.port}",
        )
        try:
            _, status, _ = llm_post(port)
            _, answer = tunnel_get(port, blind.port, outside_ca)
        finally:
            err = stop(proc)
            corp.close()
    assert status == 200, err
    assert json.loads(answer) == {"ok": True}
    lines = [line for line, _ in corp.seen]
    assert any(l.startswith("POST http://127.0.0.1:") for l in lines), corp.seen
    assert any(l.startswith(f"CONNECT localhost:{blind.port}") for l in lines), corp.seen
    assert all(auth == basic("corp:corp-PW-777") for _, auth in corp.seen)
    assert len(llm.requests) == 1 and len(blind.requests) == 1
    state = tmp_path / "state"
    for path in state.rglob("*"):
        if path.is_file():
            assert b"corp-PW-777" not in path.read_bytes(), path


# ---- durability ---------------------------------------------------------------------------------------


def test_sigkill_under_load_loses_no_record_of_an_answered_request(tmp_path):
    with FaultyUpstream() as upstream:
        upstream._sock.listen(256)
        proc, port = start_gateway(
            tmp_path, "--llm-host", f"{LLM}=openai-chat", "--route", f"{LLM}=http://127.0.0.1:{upstream.port}",
        )
        answered: list[int] = []
        stop_flag = threading.Event()

        def client() -> None:
            while not stop_flag.is_set():
                try:
                    local, status, _ = llm_post(port, timeout=5)
                except OSError:
                    return
                if status == 200:
                    answered.append(local)

        threads = [threading.Thread(target=client) for _ in range(16)]
        for t in threads:
            t.start()
        time.sleep(2.0)
        proc.send_signal(signal.SIGKILL)  # no shutdown code runs
        proc.wait(10)
        stop_flag.set()
        for t in threads:
            t.join(10)
        proc.communicate()
    path = tmp_path / "state" / "records" / "audit.jsonl"
    result = verify([path])
    assert result.ok, result.problems
    recorded = {line["client_port"] for line in audit_lines(tmp_path) if line["kind"] == "request"}
    assert len(answered) > 20
    missing = [p for p in answered if p not in recorded]
    assert missing == []


# ---- bounded load test ----------------------------------------------------------------------------------


def test_200_concurrent_clients_every_connection_audited_exactly_once(tmp_path):
    context, outside_ca = server_tls_context(tmp_path, ["localhost"])
    with FaultyUpstream() as llm, FaultyUpstream(tls=context) as blind:
        llm._sock.listen(512)
        blind._sock.listen(512)
        proc, port = start_gateway(
            tmp_path, "--allow-destination", f"localhost:{blind.port}", "--llm-host", f"{LLM}=openai-chat", "--route", f"{LLM}=http://127.0.0.1:{llm.port}",
        )
        started = time.monotonic()
        try:
            barrier = threading.Barrier(200, timeout=20)

            def one(i: int) -> tuple[str, int, bool]:
                barrier.wait()
                if i % 2:
                    local, status, _ = llm_post(port, timeout=20)
                    return "request", local, status == 200
                local, answer = tunnel_get(port, blind.port, outside_ca, timeout=20)
                return "tunnel", local, json.loads(answer) == {"ok": True}

            with ThreadPoolExecutor(200) as pool:
                results = list(pool.map(one, range(200)))
            assert all(ok for _, _, ok in results), [r for r in results if not r[2]]
            assert wait_for(lambda: len(audit_lines(tmp_path)) >= 200, 15)
            time.sleep(0.5)  # any duplicate would show up by now
        finally:
            stop(proc)
        elapsed = time.monotonic() - started
    lines = audit_lines(tmp_path)
    by_port: dict[int, list[str]] = {}
    for line in lines:
        by_port.setdefault(line["client_port"], []).append(line["kind"])
    expected = {local: kind for kind, local, _ in results}
    assert {p: kinds for p, kinds in by_port.items()} == {p: [k] for p, k in expected.items()}
    assert verify([tmp_path / "state" / "records" / "audit.jsonl"]).ok
    assert elapsed < 30, elapsed
