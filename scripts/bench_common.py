"""What the proxy benchmarks share (bench_latency.py, bench_streaming.py): a test PKI for a local
HTTPS upstream named bench.test, the upstream's TLS server, the two proxies under test (bare
mitmproxy and headroom-mitm) each in a spawned process of its own, and the client's connection.

Every process reports its port on a pipe and runs until the pipe says stop (or it is terminated).
"""

from __future__ import annotations

import base64
import datetime as dt
import http.client
import multiprocessing as mp
import os
import socket
import ssl
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

from machine import describe  # scripts/machine.py

HOST = "bench.test"


# --------------------------------------------------------------------------------------------
# Test PKI: a CA of its own (headroom_certs.ca.create_ca) and a leaf for bench.test signed by it.
# --------------------------------------------------------------------------------------------
def make_upstream_pki(tmp: Path) -> tuple[Path, Path]:
    """Returns (server chain PEM with key, CA certificate PEM)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    from headroom_certs.ca import create_ca

    ca = create_ca(tmp / "bench-ca", "headroom-mitm bench upstream CA", dt.timedelta(days=1))
    ca_key = serialization.load_pem_private_key(ca.key_and_cert.read_bytes(), None)
    ca_cert = x509.load_pem_x509_certificate(ca.cert.read_bytes())
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.timezone.utc)
    leaf = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    chain = tmp / "bench-upstream.pem"
    chain.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        + leaf.public_bytes(serialization.Encoding.PEM)
    )
    os.chmod(chain, 0o600)
    return chain, ca.cert


# --------------------------------------------------------------------------------------------
# The upstream's server: threaded HTTP/1.1 over TLS, a handler thread per connection.
# --------------------------------------------------------------------------------------------
class TlsServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, chain: Path, handler: type, backlog: int = 5) -> None:
        self.request_queue_size = backlog  # listen(2) backlog, read by server_activate
        self.connections = 0  # TLS connections accepted
        self._count_lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), handler)
        self.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.tls.load_cert_chain(chain)
        self.tls.set_alpn_protocols(["http/1.1"])

    def finish_request(self, request, client_address) -> None:  # TLS handshake in the handler thread
        with self._count_lock:
            self.connections += 1
        request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conn = self.tls.wrap_socket(request, server_side=True)
        self.RequestHandlerClass(conn, client_address, self)


def resolve_bench_host_locally() -> None:
    """In a proxy process: bench.test → 127.0.0.1 (mitmproxy resolves through socket.getaddrinfo)."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        return real("127.0.0.1" if name == HOST else host, port, *args, **kwargs)

    socket.getaddrinfo = getaddrinfo


# --------------------------------------------------------------------------------------------
# The proxies under test
# --------------------------------------------------------------------------------------------
class StreamSse:
    """Streams SSE answers instead of buffering them whole (mitmproxy's default): the one switch a
    bare-mitmproxy user needs for LLM streams, and the same one as headroom-mitm's forward/stream.py."""

    def responseheaders(self, flow) -> None:
        if "text/event-stream" in flow.response.headers.get("content-type", ""):
            flow.response.stream = True


def bare_mitmproxy_main(confdir: str, upstream_ca: str, pipe, extra_addons: tuple = ()) -> None:
    import asyncio

    from mitmproxy import addons, master, options

    resolve_bench_host_locally()

    class Ready:
        def running(self) -> None:
            from mitmproxy import ctx

            pipe.send(ctx.master.addons.get("proxyserver").listen_addrs()[0][1])

    async def main() -> None:
        opts = options.Options()
        m = master.Master(opts, with_termlog=False)
        m.addons.add(*addons.default_addons())
        m.addons.add(*extra_addons, Ready())
        opts.update(
            confdir=confdir,
            listen_host="127.0.0.1",
            listen_port=0,
            connection_strategy="lazy",
            ssl_verify_upstream_trusted_ca=upstream_ca,
        )
        loop = asyncio.get_running_loop()
        threading.Thread(target=lambda: (pipe.recv(), loop.call_soon_threadsafe(m.shutdown)), daemon=True).start()
        await m.run()

    asyncio.run(main())


def bare_mitmproxy_streaming_main(confdir: str, upstream_ca: str, pipe) -> None:
    """Bare mitmproxy plus `StreamSse` (and nothing else)."""
    bare_mitmproxy_main(confdir, upstream_ca, pipe, (StreamSse(),))


_HOOKS = ("client_connected", "http_connect", "requestheaders", "request", "responseheaders", "response",
          "error", "tls_clienthello", "tls_start_client", "tls_start_server", "server_connect", "server_connected")


def _time_hooks(addons: list[object], profiler=None) -> dict[str, list[float]]:
    """Wraps each addon's mitmproxy hooks with a timer (in-process only; for finding where time goes);
    with a cProfile.Profile, also profiles inside the (synchronous) hooks."""
    import functools
    import inspect

    spent: dict[str, list[float]] = {}
    for addon in addons:
        for hook in _HOOKS:
            fn = getattr(addon, hook, None)
            if fn is None or not callable(fn):
                continue
            key = f"{type(addon).__name__}.{hook}"
            bucket = spent.setdefault(key, [])
            if inspect.iscoroutinefunction(fn):
                async def wrapped(*a, _fn=fn, _b=bucket, **k):
                    t = time.perf_counter()
                    try:
                        return await _fn(*a, **k)
                    finally:
                        _b.append(time.perf_counter() - t)
            elif profiler is not None:
                def wrapped(*a, _fn=fn, _b=bucket, **k):
                    t = time.perf_counter()
                    profiler.enable()
                    try:
                        return _fn(*a, **k)
                    finally:
                        profiler.disable()
                        _b.append(time.perf_counter() - t)
            else:
                def wrapped(*a, _fn=fn, _b=bucket, **k):
                    t = time.perf_counter()
                    try:
                        return _fn(*a, **k)
                    finally:
                        _b.append(time.perf_counter() - t)
            setattr(addon, hook, functools.wraps(fn)(wrapped))
    return spent


def headroom_main(confdir: str, scratch: str, upstream_ca: str, state_dir: str, proxy_auth: str,
                  extra: dict, hook_timing: bool | str, pipe) -> None:
    """headroom-mitm's EmbeddedProxy with `addons.make_addons`, bench.test as an OpenAI-chat LLM host."""
    from headroom_mitm.addons import make_addons
    from headroom_mitm.launcher.app import proxy_config
    from headroom_mitm.launcher.proxy import EmbeddedProxy
    from headroom_mitm.launcher.settings import GlobalOptions

    resolve_bench_host_locally()
    options = GlobalOptions(
        state_dir=Path(state_dir),
        llm_hosts=(f"{HOST}=openai-chat",),
        upstream_ca=Path(upstream_ca),
        **extra,
    )
    addons = make_addons(options)
    profiler = None
    if isinstance(hook_timing, str):  # a path: also write a cProfile of the hooks there
        import cProfile

        profiler = cProfile.Profile()
    spent = _time_hooks(addons, profiler) if hook_timing else {}
    proxy = EmbeddedProxy(
        proxy_config(options, Path(confdir), scratch=Path(scratch), proxy_auth=proxy_auth),
        addons,
    )
    address = proxy.start()
    pipe.send(address.port)
    pipe.recv()
    pipe.send({k: v for k, v in spent.items() if v})
    proxy.stop()
    if profiler is not None:
        profiler.dump_stats(hook_timing)


class Child:
    """A benchmark process that reports a port."""

    def __init__(self, target, *args) -> None:
        ctx = mp.get_context("spawn")
        self.pipe, child_end = ctx.Pipe()
        self.process = ctx.Process(target=target, args=(*args, child_end), daemon=True)
        self.process.start()
        deadline = time.monotonic() + 60
        while not self.pipe.poll(0.1):
            if not self.process.is_alive() or time.monotonic() > deadline:
                self.process.terminate()
                raise RuntimeError(f"{target.__name__} did not start (see its traceback above)")
        self.port: int = self.pipe.recv()

    def stop(self) -> None:
        try:
            self.pipe.send("stop")
        except OSError:
            pass
        self.process.join(10)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(5)


# --------------------------------------------------------------------------------------------
# The client
# --------------------------------------------------------------------------------------------
def open_connection(path: str, upstream_port: int, proxy_port: int | None, trust: Path, auth: str | None,
                    timeout: float = 30):
    """A keep-alive HTTPS connection to bench.test: direct (proxy_port None) or through a proxy (CONNECT)."""
    ctx = ssl.create_default_context(cafile=str(trust))
    ctx.set_alpn_protocols(["http/1.1"])
    if proxy_port is None:
        conn = http.client.HTTPSConnection("127.0.0.1", upstream_port, context=ctx, timeout=timeout)
        # Present bench.test in SNI and for verification while dialling 127.0.0.1 directly.
        conn.host = HOST
        conn._bench_dial = ("127.0.0.1", upstream_port)  # type: ignore[attr-defined]

        def connect(c=conn) -> None:
            sock = socket.create_connection(c._bench_dial, c.timeout)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            c.sock = ctx.wrap_socket(sock, server_hostname=HOST)

        conn.connect = connect  # type: ignore[method-assign]
    else:
        conn = http.client.HTTPSConnection("127.0.0.1", proxy_port, context=ctx, timeout=timeout)
        headers = {}
        if auth:
            headers["Proxy-Authorization"] = "Basic " + base64.b64encode(auth.encode()).decode()
        conn.set_tunnel(HOST, upstream_port, headers=headers)
    return conn


def percentile(values, q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def machine() -> dict:
    import mitmproxy.version

    return {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        **describe(),
        "mitmproxy": mitmproxy.version.VERSION,
    }
