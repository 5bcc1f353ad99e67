"""Blind tunnels worth a word: hosts the agent sent a lot to through tunnels we did not decrypt.

LLM prompts are tens of KB upward per call while git and package fetches mostly flow downward, so a
host that received much more than a few KB, and not far less than it returned, may be an LLM API no
list names. It is named, with its bytes and the option that would inspect it. Pure and bounded.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..facts import is_loopback_host

NOTICE_UP_BYTES = 32 * 1024  # a single OpenCode call sends more than this
NOTICE_DOWN_RATIO = 4  # named unless it returned over 4x what it received (a download)
MAX_HOSTS = 1024  # hosts tracked per session; later ones are pooled under OTHER_HOSTS
OTHER_HOSTS = "(other hosts)"


@dataclass
class BlindHost:
    host: str
    connections: int = 0
    up: int = 0
    down: int = 0

    @property
    def noteworthy(self) -> bool:
        if self.host == OTHER_HOSTS or is_loopback_host(self.host):
            return False  # loopback is never inspected, whatever it carries
        return self.up >= NOTICE_UP_BYTES and self.up * NOTICE_DOWN_RATIO >= self.down

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "inspect_with": inspect_hint(self.host)}


def inspect_hint(host: str) -> str:
    return f"--llm-host {host}"


class BlindLedger:
    """Bytes per blind-tunnelled host since the proxy started. Thread-safe."""

    def __init__(self, max_hosts: int = MAX_HOSTS) -> None:
        self._hosts: dict[str, BlindHost] = {}
        self._max = max_hosts
        self._lock = threading.Lock()

    def add(self, host: str, up: int, down: int) -> None:
        with self._lock:
            entry = self._hosts.get(host)
            if entry is None:
                key = host if len(self._hosts) < self._max else OTHER_HOSTS
                entry = self._hosts.setdefault(key, BlindHost(key))
            entry.connections += 1
            entry.up += up
            entry.down += down

    def rows(self) -> list[BlindHost]:
        with self._lock:
            return sorted((BlindHost(**asdict(h)) for h in self._hosts.values()), key=lambda h: (-h.up, h.host))

    def noteworthy(self) -> list[BlindHost]:
        return [h for h in self.rows() if h.noteworthy]


def _kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB" if n >= 1024 else f"{n} B"


def format_blind(hosts: Iterable[BlindHost], prefix: str = "headroom: ") -> str:
    """One line per noteworthy host (plain ASCII)."""
    lines = [
        f"{prefix}not inspected: {h.host} received {_kb(h.up)} and sent back {_kb(h.down)} through "
        f"{h.connections} blind tunnel{'' if h.connections == 1 else 's'}; if it is an LLM API, inspect it with "
        f"{inspect_hint(h.host)}"
        for h in hosts
        if h.noteworthy
    ]
    return "\n".join(lines)


def _audit_tunnels(path: Path) -> Iterator[dict[str, Any]]:
    try:
        handle = open(path, "rb")
    except OSError:
        return
    with handle:
        for raw in handle:
            try:
                obj = json.loads(raw)
            except ValueError:
                continue
            if isinstance(obj, dict) and obj.get("kind") == "tunnel" and obj.get("status") == 200:
                yield obj


def ledger_from_audit(path: Path, since: datetime | None = None) -> BlindLedger:
    """The blind tunnels of a (native) audit trail, as the live ledger would have counted them."""
    ledger = BlindLedger()
    for record in _audit_tunnels(path):
        if since is not None:
            try:
                if datetime.fromisoformat(str(record.get("time"))) < since:
                    continue
            except ValueError:
                continue
        up, down = record.get("bytes_up"), record.get("bytes_down")
        if isinstance(up, int) and isinstance(down, int) and isinstance(record.get("host"), str):
            ledger.add(record["host"], up, down)
    return ledger
