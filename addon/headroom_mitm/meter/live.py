"""Live metering, pure: plain per-flow facts → a FlowRecord; running totals for /stats, /metrics
and the launcher's end-of-session summary. No mitmproxy here; meter/hook.py feeds it.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from time import monotonic
from typing import Any

from .blind import BlindLedger
from .pricing import Prices, default_models_path, load_prices
from .records import FlowRecord, utcnow
from .stats import Row
from .usage import Usage, error_from_body


@dataclass
class FlowFacts:
    """Everything a record needs, already turned into plain data by the hook."""

    host: str
    provider: str | None
    api_format: str | None
    session: str | None = None
    client: str | None = None
    model: str | None = None
    stream: bool = False
    status: int | None = None
    attempt: int = 1
    bytes_before: int = 0
    bytes_after: int = 0
    est_before: int = 0
    est_after: int = 0
    usage: Usage | None = None
    ttfb_ms: float | None = None
    total_ms: float | None = None
    addon_ms: float | None = None
    transforms: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    error_body: bytes | None = None  # a small non-streamed error body, to name the provider's error


def build_record(facts: FlowFacts, time: datetime | None = None) -> FlowRecord:
    error = facts.error
    if error is None and facts.status is not None and facts.status >= 400 and facts.error_body:
        error = error_from_body(facts.error_body)
    if error is None and facts.status is not None and facts.status >= 400:
        error = f"HTTP {facts.status}"
    record = FlowRecord(
        time=time or utcnow(),
        session=facts.session,
        client=facts.client,
        provider=facts.provider,
        host=facts.host,
        api_format=facts.api_format,
        stream=facts.stream,
        status=facts.status,
        attempt=facts.attempt,
        request_bytes_before=facts.bytes_before,
        request_bytes_after=facts.bytes_after,
        est_tokens_before=facts.est_before,
        est_tokens_after=facts.est_after,
        ttfb_ms=_ms(facts.ttfb_ms),
        total_ms=_ms(facts.total_ms),
        addon_ms=_ms(facts.addon_ms),
        transforms=dict(facts.transforms),
        error=error,
        **({"model": facts.model} | _usage_fields(facts)),
    )
    return record


def _usage_fields(facts: FlowFacts) -> dict[str, Any]:
    usage = facts.usage  # built into the record at once: one object per flow, no copy
    if usage is None:
        return {}
    return {
        "input_tokens": usage.input_tokens,
        "output_tokens": usage.output_tokens,
        "cache_read_tokens": usage.cache_read_tokens,
        "cache_write_tokens": usage.cache_write_tokens,
        "model": facts.model or usage.model,
    }


def _ms(value: float | None) -> float | None:
    if value is None or value < 0:
        return None
    return round(value, 2)


class PriceSource:
    """Prices from OpenCode's models cache, re-read when the file changes (OpenCode writes it at
    start-up), at most every `recheck_s`. No file: None, so no dollar figure."""

    def __init__(self, path: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None,
                 recheck_s: float = 10.0) -> None:
        self.path = Path(path) if path is not None else default_models_path(env)
        self.recheck_s = recheck_s
        self._stamp: tuple[int, int] | None = None
        self._prices: Prices | None = None
        self._checked = -1e18
        self._lock = threading.Lock()

    def get(self) -> Prices | None:
        with self._lock:
            now = monotonic()
            if now - self._checked < self.recheck_s:
                return self._prices
            self._checked = now
            try:
                st = self.path.stat()
                stamp = (st.st_mtime_ns, st.st_size)
            except OSError:
                self._stamp, self._prices = None, None
                return None
            if stamp != self._stamp:
                self._stamp = stamp
                self._prices = load_prices(self.path)
            return self._prices


def _label(value: str | None) -> str:
    return (value or "-")[:MAX_LABEL_CHARS]


def _row_json(row: Row) -> dict[str, Any]:
    return {
        "requests": row.requests,
        "retries": row.retries,
        "errors": row.errors,
        "est_tokens_before": row.est_tokens_before,
        "est_tokens_after": row.est_tokens_after,
        "saved_tokens": row.saved_tokens,
        "saved_pct": None if row.saved_pct is None else round(row.saved_pct, 2),
        "reported_requests": row.reported,
        "input_tokens": row.input_tokens,
        "output_tokens": row.output_tokens,
        "cache_read_tokens": row.cache_read_tokens,
        "cache_write_tokens": row.cache_write_tokens,
        "cache_read_share": None if row.cache_read_share is None else round(row.cache_read_share, 4),
        "dollars_saved": None if row.dollars_saved is None else round(row.dollars_saved, 6),
    }


MAX_LABELS = 100  # distinct (provider, model) rows beyond the priced catalog; the rest fold into "other"
MAX_LABEL_CHARS = 100
OTHER = "other"


class LiveStats:
    """Running totals since the proxy started: overall and per (provider, model). Thread-safe.

    The rows are bounded (they become Prometheus labels and /stats entries, and a client chooses
    the model string): a model with a price in the catalog always has its own row, any other one
    only while fewer than `max_labels` such rows exist; after that it is counted under "other"."""

    def __init__(self, prices: PriceSource | None = None, max_labels: int = MAX_LABELS) -> None:
        self.prices = prices
        self.max_labels = max_labels
        self._unpriced_rows = 0
        self.started = utcnow()
        self._lock = threading.Lock()
        self._total = Row()
        self._by: dict[tuple[str, str], Row] = {}
        self._lost: dict[str, int] = {}  # trail ("audit", "flows") → records that could not be written
        self.blind = BlindLedger()  # fed by the audit stage as blind tunnels end

    def add(self, record: FlowRecord) -> None:
        prices = self.prices.get() if self.prices is not None else None
        key = (_label(record.provider), _label(record.model))
        with self._lock:
            self._total.add(record, prices)
            row = self._by.get(key)
            if row is None:
                priced = prices is not None and prices.lookup(record.provider, record.model) is not None
                if not priced and self._unpriced_rows >= self.max_labels:
                    key = (key[0], OTHER)  # providers come from the route table: bounded by configuration
                    row = self._by.get(key)
                elif not priced:
                    self._unpriced_rows += 1
                if row is None:
                    row = self._by[key] = Row(key=f"{key[0]}/{key[1]}")
            row.add(record, prices)


    def lost(self, trail: str) -> None:
        """One record of `trail` could not be written (counted in memory: the disk may be what failed)."""
        with self._lock:
            self._lost[trail] = self._lost.get(trail, 0) + 1

    def losses(self) -> dict[str, int]:
        with self._lock:
            return dict(self._lost)

    def total(self) -> Row:
        with self._lock:
            copy = Row()
            copy.merge(self._total)
            return copy

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "since": self.started.isoformat(),
                "lost_records": {"audit": self._lost.get("audit", 0), "flows": self._lost.get("flows", 0)},
                "total": _row_json(self._total),
                "by_model": [
                    {"provider": p, "model": m, **_row_json(row)} for (p, m), row in sorted(self._by.items())
                ],
                "blind_tunnels": [h.as_json() for h in self.blind.noteworthy()],
            }

    def prometheus(self) -> bytes:
        from prometheus_client import CollectorRegistry, generate_latest  # only when /metrics is asked for

        registry = CollectorRegistry(auto_describe=False)
        registry.register(_Collector(self))
        return generate_latest(registry)

    def _rows(self) -> list[tuple[str, str, Row]]:
        with self._lock:
            out = []
            for (p, m), row in sorted(self._by.items()):
                copy = Row()
                copy.merge(row)
                out.append((p, m, copy))
            return out


class _Collector:
    def __init__(self, stats: LiveStats) -> None:
        self.stats = stats

    def collect(self):
        from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

        labels = ["provider", "model"]
        requests = CounterMetricFamily("headroom_requests", "LLM requests seen (retries included)", labels=labels)
        retries = CounterMetricFamily("headroom_retries", "Client retries of an identical request", labels=labels)
        errors = CounterMetricFamily("headroom_errors", "LLM requests that failed or got status >= 400", labels=labels)
        est = CounterMetricFamily(
            "headroom_estimated_request_tokens",
            "Estimated request tokens before/after compression (first attempts only)",
            labels=[*labels, "stage"],
        )
        reported = CounterMetricFamily(
            "headroom_provider_tokens", "Tokens the provider reported", labels=[*labels, "kind"]
        )
        dollars = CounterMetricFamily(
            "headroom_saved_dollars", "Estimated US$ saved (only models with a known price)", labels=labels
        )
        for provider, model, row in self.stats._rows():
            lv = [provider, model]
            requests.add_metric(lv, row.requests)
            retries.add_metric(lv, row.retries)
            errors.add_metric(lv, row.errors)
            est.add_metric([*lv, "before"], row.est_tokens_before)
            est.add_metric([*lv, "after"], row.est_tokens_after)
            for kind in ("input", "output", "cache_read", "cache_write"):
                reported.add_metric([*lv, kind], getattr(row, f"{kind}_tokens"))
            if row.dollars_saved is not None:
                dollars.add_metric(lv, row.dollars_saved)
        up = GaugeMetricFamily("headroom_started_timestamp_seconds", "When this proxy started (Unix time)")
        up.add_metric([], self.stats.started.timestamp())
        lost = CounterMetricFamily("headroom_lost_records", "Audit or flow records that could not be written", labels=["trail"])
        losses = self.stats.losses()
        for trail in ("audit", "flows"):
            lost.add_metric([trail], losses.get(trail, 0))
        yield from (requests, retries, errors, est, reported, dollars, up, lost)
