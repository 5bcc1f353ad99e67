"""Client connections, bounded: how many at once (per source address and in total) and how long a
client may take to send its first request head. A slowloris client (many connections, each sending
its head a byte at a time, or nothing) cannot hold the gateway's sockets and memory.

mitmproxy 11 only closes a connection after 10 minutes without any byte, so:
- `client_connected` refuses a connection past a cap at once (mitmproxy closes it before reading);
- a periodic sweep closes connections whose first authenticated request head (a CONNECT's included)
  has not arrived within `headroom_client_head_timeout` seconds of connecting. What follows a granted
  CONNECT is not timed: a blind tunnel's layer only starts with the client's first byte, and
  server-speaks-first protocols send none;
- later heads on a kept-alive connection are bounded by headlimit.py, which answers 408 to a head
  still incomplete that long after its first byte.
The ledger is plain data; the addon turns mitmproxy's hooks into calls on it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from mitmproxy import ctx, http

from ..options import check_mitm, declare
from . import headlimit

log = logging.getLogger(__name__)
OPTIONS = ("headroom_client_head_timeout", "headroom_max_client_connections", "headroom_max_connections")


@dataclass
class ClientLedger:
    """Open client connections by source address, and those still waiting for their first head."""

    per_address: int = 0  # 0: no cap
    total: int = 0  # 0: no cap
    by_address: dict[str, int] = field(default_factory=dict)
    addresses: dict[str, str] = field(default_factory=dict)  # client id → its source address
    waiting: dict[str, float] = field(default_factory=dict)  # client id → since when
    refused: int = 0
    timed_out: int = 0

    def admit(self, client_id: str, address: str, now: float) -> str | None:
        """Count a new connection in; or say why it is refused (and count nothing)."""
        if self.total and len(self.addresses) >= self.total:
            self.refused += 1
            return f"too many client connections ({self.total} open)"
        if self.per_address and self.by_address.get(address, 0) >= self.per_address:
            self.refused += 1
            return f"too many client connections from {address} ({self.per_address} open)"
        self.addresses[client_id] = address
        self.by_address[address] = self.by_address.get(address, 0) + 1
        self.waiting[client_id] = now
        return None

    def head_done(self, client_id: str) -> None:
        self.waiting.pop(client_id, None)

    def gone(self, client_id: str) -> None:
        address = self.addresses.pop(client_id, None)
        self.waiting.pop(client_id, None)
        if address is None:
            return  # refused: never counted
        left = self.by_address.get(address, 1) - 1
        if left > 0:
            self.by_address[address] = left
        else:
            self.by_address.pop(address, None)

    def overdue(self, now: float, timeout: float) -> list[str]:
        """Connections past the head deadline (each reported once)."""
        late = [cid for cid, since in self.waiting.items() if now - since > timeout]
        for cid in late:
            del self.waiting[cid]
        self.timed_out += len(late)
        return late


def _refused_auth(flow: http.HTTPFlow) -> bool:
    # mitmproxy's proxyauth addon runs before ours and answers 407: not yet a client we serve.
    return flow.response is not None and flow.response.status_code == 407


def close_clients(client_ids: set[str], reason: str) -> int:
    """Close these client connections now, the way mitmproxy's own idle timeout does; how many."""
    server = ctx.master.addons.get("proxyserver")
    closed = 0
    for handler in list(getattr(server, "connections", {}).values()):
        client = getattr(handler, "client", None)
        if client is None or client.id not in client_ids:
            continue
        try:
            task = handler.transports[client].handler
        except (AttributeError, KeyError):
            continue  # closing already
        if task is not None:
            task.cancel(reason)
            closed += 1
    return closed


class ClientLimits:
    def __init__(self) -> None:
        self.ledger = ClientLedger()
        self.timeout = 0.0
        self._sweeper: asyncio.Task | None = None

    def load(self, loader: Any) -> None:
        declare(loader, *OPTIONS)

    def configure(self, updated: set[str]) -> None:
        check_mitm(updated, *OPTIONS)
        self.timeout = float(ctx.options.headroom_client_head_timeout)
        self.ledger.per_address = int(ctx.options.headroom_max_client_connections)
        self.ledger.total = int(ctx.options.headroom_max_connections)
        headlimit.HEAD_TIMEOUT = self.timeout

    def running(self) -> None:
        if self._sweeper is None:
            self._sweeper = asyncio.get_running_loop().create_task(self._sweep())

    def done(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            self._sweeper = None

    async def _sweep(self) -> None:
        while True:
            # A fraction of the deadline: a late head is cut within 1.25 × the timeout.
            await asyncio.sleep(min(1.0, self.timeout / 4) if self.timeout > 0 else 1.0)
            if self.timeout <= 0:
                continue
            try:
                late = self.ledger.overdue(time.time(), self.timeout)
                if late:
                    closed = close_clients(set(late), "request head timeout")
                    log.info("closed %d connections without a request head after %g s", closed, self.timeout)
            except Exception:  # the sweep must outlive any one failure
                log.exception("closing slow clients failed")

    def client_connected(self, client: Any) -> None:
        address = str(client.peername[0]) if client.peername else ""
        reason = self.ledger.admit(client.id, address, time.time())
        if reason is not None:
            client.error = reason  # mitmproxy closes the connection before reading from it
            if self.ledger.refused in (1, 10, 100, 1000) or self.ledger.refused % 10_000 == 0:
                log.warning("refused a client connection: %s (%d refused so far)", reason, self.ledger.refused)

    def client_disconnected(self, client: Any) -> None:
        self.ledger.gone(client.id)

    def http_connect(self, flow: http.HTTPFlow) -> None:
        if not _refused_auth(flow):
            self.ledger.head_done(flow.client_conn.id)

    def requestheaders(self, flow: http.HTTPFlow) -> None:
        if not _refused_auth(flow):
            self.ledger.head_done(flow.client_conn.id)
