"""Connect-phase retries: the only retries a proxy may make on its own for a paid LLM call.

RFC 9110 §9.2.2: a proxy MUST NOT automatically retry a non-idempotent request, because it cannot
know whether the first attempt reached the server. So we retry only what fails before any request
byte could leave: name resolution, the TCP connect and the TLS handshake. mitmproxy connects on its
own after the request hook and offers no way to retry that, so before a NEW upstream connection is
opened we probe the same path (resolve, connect, handshake, with the proxy's trust settings), with
bounded, jittered backoff. The probe carries no request bytes and is closed before the request goes
out on mitmproxy's own connection.
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import ssl
import time
from dataclasses import dataclass
from typing import Awaitable, Callable


@dataclass(frozen=True)
class RetryPolicy:
    retries: int = 3  # after the first attempt
    backoff: float = 0.2  # seconds before the first retry; doubles each time
    budget: float = 5.0  # for all attempts and waits together
    jitter: float = 0.25  # ± this fraction of each wait
    attempt_timeout: float = 3.0

    def delays(self, rng: random.Random) -> list[float]:
        """The waits before each retry, jittered, never exceeding the budget together."""
        waits: list[float] = []
        spent = 0.0
        for n in range(self.retries):
            wait = self.backoff * (2**n)
            wait *= 1 + rng.uniform(-self.jitter, self.jitter)
            if spent + wait > self.budget:
                break
            waits.append(wait)
            spent += wait
        return waits


@dataclass(frozen=True)
class ConnectFailure:
    stage: str  # "dns" | "connect" | "tls" | "tls-verify" | "timeout"
    message: str

    @property
    def retryable(self) -> bool:
        # A certificate that does not verify will not verify on the next attempt either.
        return self.stage != "tls-verify"

    def __str__(self) -> str:
        return f"{self.stage}: {self.message}"


@dataclass(frozen=True)
class ConnectOutcome:
    ok: bool
    attempts: int
    failure: ConnectFailure | None = None


Probe = Callable[[], Awaitable[ConnectFailure | None]]


async def with_retries(
    probe: Probe,
    policy: RetryPolicy,
    *,
    rng: random.Random | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> ConnectOutcome:
    """Run probe until it succeeds, fails for good, or the count or time budget is spent."""
    deadline = clock() + policy.budget
    waits = policy.delays(rng or random.Random())
    attempts = 0
    failure: ConnectFailure | None = None
    while True:
        attempts += 1
        failure = await probe()
        if failure is None:
            return ConnectOutcome(True, attempts)
        if not failure.retryable or attempts > len(waits):
            return ConnectOutcome(False, attempts, failure)
        wait = waits[attempts - 1]
        if clock() + wait >= deadline:
            return ConnectOutcome(False, attempts, failure)
        await sleep(wait)


async def probe_once(
    host: str,
    port: int,
    *,
    tls_context: ssl.SSLContext | None,
    sni: str | None,
    timeout: float,
) -> ConnectFailure | None:
    """Resolve, connect and (for https) handshake once; None when all of it worked."""
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), timeout)
    except asyncio.TimeoutError:
        return ConnectFailure("timeout", f"resolving {host} took longer than {timeout:.1f} s")
    except OSError as exc:
        return ConnectFailure("dns", f"{host}: {exc.strerror or exc}")
    family, _, _, _, address = infos[0]
    try:
        _, writer = await asyncio.wait_for(
            asyncio.open_connection(
                address[0], address[1], ssl=tls_context, server_hostname=sni if tls_context else None
            ),
            timeout,
        )
    except asyncio.TimeoutError:
        return ConnectFailure("timeout", f"connecting to {host}:{port} took longer than {timeout:.1f} s")
    except ssl.SSLCertVerificationError as exc:
        return ConnectFailure("tls-verify", f"{host}:{port}: {exc.verify_message or exc}")
    except ssl.SSLError as exc:
        return ConnectFailure("tls", f"{host}:{port}: {exc.reason or exc}")
    except OSError as exc:
        stage = "tls" if tls_context is not None and isinstance(exc, (ConnectionResetError, BrokenPipeError)) else "connect"
        # asyncio's "Connect call failed (addr)" hides the reason; errno has it.
        reason = os.strerror(exc.errno) if exc.errno else str(exc)
        return ConnectFailure(stage, f"{host}:{port}: {reason}")
    writer.close()
    try:
        await asyncio.wait_for(writer.wait_closed(), 1.0)
    except (OSError, asyncio.TimeoutError, ssl.SSLError):
        pass
    return None


def upstream_tls_context(trusted_ca: str | None, insecure: bool) -> ssl.SSLContext:
    """The probe verifies upstreams the way mitmproxy will: certifi, or the configured bundle."""
    import certifi

    context = ssl.create_default_context(cafile=trusted_ca or certifi.where())
    context.set_alpn_protocols(["http/1.1"])
    if insecure:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context
