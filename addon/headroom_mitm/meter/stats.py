"""Aggregates flow records into rows: requests, estimated tokens before → after compression,
provider-reported usage, cache-read share and dollars saved where prices are known.

Retries (attempt > 1) count as requests and their provider usage counts (they were billed), but
their compression saving does not: the first send already claimed it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .pricing import Prices, saved_dollars
from .records import FlowRecord, parse_since

__all__ = ["Row", "summarize", "total", "format_table", "format_session_summary", "parse_since", "GROUP_KEYS"]

GroupKey = Literal["provider", "model", "session", "day"]
GROUP_KEYS: tuple[str, ...] = ("provider", "model", "session", "day")
TOTAL = "total"


@dataclass
class Row:
    key: str = TOTAL
    requests: int = 0
    retries: int = 0
    errors: int = 0
    # estimated request tokens, first attempts only
    est_tokens_before: int = 0
    est_tokens_after: int = 0
    # provider-reported, every attempt
    reported: int = 0  # requests whose provider reported usage
    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    dollars_saved: float | None = None  # None: no request of this row had a known price
    unpriced: int = 0  # first attempts that saved tokens but whose model has no known price

    @property
    def saved_tokens(self) -> int:
        return self.est_tokens_before - self.est_tokens_after

    @property
    def saved_pct(self) -> float | None:
        if self.est_tokens_before <= 0:
            return None
        return 100.0 * self.saved_tokens / self.est_tokens_before

    @property
    def cache_read_share(self) -> float | None:
        """Share of provider-reported input tokens that were cache reads (0..1)."""
        if self.input_tokens <= 0:
            return None
        return self.cache_read_tokens / self.input_tokens

    def add(self, record: FlowRecord, prices: Prices | None = None) -> None:
        self.requests += 1
        if record.error or (record.status is not None and record.status >= 400):
            self.errors += 1
        first = record.attempt <= 1
        if not first:
            self.retries += 1
        else:
            self.est_tokens_before += record.est_tokens_before
            self.est_tokens_after += record.est_tokens_after
        if record.input_tokens is not None or record.output_tokens is not None:
            self.reported += 1
            self.input_tokens += record.input_tokens or 0
            self.output_tokens += record.output_tokens or 0
            self.cache_read_tokens += record.cache_read_tokens or 0
            self.cache_write_tokens += record.cache_write_tokens or 0
        if first:
            dollars = saved_dollars(record, prices)
            if dollars is not None:
                self.dollars_saved = (self.dollars_saved or 0.0) + dollars
            elif record.saved_tokens > 0:
                self.unpriced += 1

    def merge(self, other: Row) -> None:
        for name in (
            "requests", "retries", "errors", "est_tokens_before", "est_tokens_after", "reported",
            "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "unpriced",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if other.dollars_saved is not None:
            self.dollars_saved = (self.dollars_saved or 0.0) + other.dollars_saved


def _key(record: FlowRecord, by: str | None) -> str:
    if by is None:
        return TOTAL
    if by == "day":
        return record.time.date().isoformat()  # UTC day, like every time in the records
    value = getattr(record, by)
    return str(value) if value else "-"


def summarize(
    records: Iterable[FlowRecord], by: GroupKey | None = None, prices: Prices | None = None
) -> list[Row]:
    """One row per value of `by` ("provider", "model", "session", "day"), or a single total row for
    None. Days sort chronologically; other keys by requests, most first."""
    if by is not None and by not in GROUP_KEYS:
        raise ValueError(f"cannot group by {by!r}; choose one of {', '.join(GROUP_KEYS)}")
    rows: dict[str, Row] = {}
    for record in records:
        key = _key(record, by)
        row = rows.get(key)
        if row is None:
            row = rows[key] = Row(key=key)
        row.add(record, prices)
    if by is None:
        return list(rows.values()) or [Row()]
    if by == "day":
        return sorted(rows.values(), key=lambda r: r.key)
    return sorted(rows.values(), key=lambda r: (-r.requests, r.key))


def total(rows: Iterable[Row]) -> Row:
    out = Row(key=TOTAL)
    for row in rows:
        out.merge(row)
    return out


def _n(value: int) -> str:
    return f"{value:,}"


def _pct(value: float | None, scale: float = 1.0) -> str:
    return "-" if value is None else f"{value * scale:.1f}%"


def _usd(value: float | None) -> str:
    if value is None:
        return "-"
    return f"${value:,.2f}" if value >= 0.01 or value == 0 else f"${value:.4f}"


def format_table(rows: Sequence[Row], key_header: str = "group") -> str:
    """An aligned plain-text table; a total line is added when there is more than one row."""
    header = [key_header, "requests", "retries", "est.before", "est.after", "saved",
              "input", "output", "cache.read", "cache.write", "cache%", "$saved"]
    body = list(rows)
    if len(body) > 1:
        body.append(total(body))
    cells = [header] + [
        [
            r.key, _n(r.requests), _n(r.retries), _n(r.est_tokens_before), _n(r.est_tokens_after),
            _pct(r.saved_pct), _n(r.input_tokens), _n(r.output_tokens), _n(r.cache_read_tokens),
            _n(r.cache_write_tokens), _pct(r.cache_read_share, 100.0), _usd(r.dollars_saved),
        ]
        for r in body
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    lines = []
    for n, line in enumerate(cells):
        parts = [line[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(line[1:], widths[1:])]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
        elif n == len(cells) - 2 and len(body) > 1:
            lines.append("  ".join("-" * w for w in widths))  # rule above the total
    return "\n".join(lines)


def format_session_summary(rows_or_totals: Row | Iterable[Row], prefix: str = "headroom: ") -> str:
    """A few lines for stderr after the agent exits (plain ASCII: the terminal may not be UTF-8)."""
    row = rows_or_totals if isinstance(rows_or_totals, Row) else total(rows_or_totals)
    retries = f"{row.retries} retr{'y' if row.retries == 1 else 'ies'}"
    errors = f"{row.errors} error{'' if row.errors == 1 else 's'}"
    lines = [f"{_n(row.requests)} LLM request{'' if row.requests == 1 else 's'} ({retries}, {errors})"]
    if row.est_tokens_before > 0:
        lines.append(
            f"est. request tokens {_n(row.est_tokens_before)} -> {_n(row.est_tokens_after)}"
            f" (saved {_n(row.saved_tokens)}, {_pct(row.saved_pct)})"
        )
    if row.reported:
        share = _pct(row.cache_read_share, 100.0)
        lines.append(
            f"provider-reported input {_n(row.input_tokens)} (cache read {_n(row.cache_read_tokens)} = {share},"
            f" cache write {_n(row.cache_write_tokens)}), output {_n(row.output_tokens)}"
        )
    else:
        lines.append("provider-reported usage: none")
    if row.dollars_saved is not None:
        note = f" ({row.unpriced} request{'' if row.unpriced == 1 else 's'} without a known price)" if row.unpriced else ""
        lines.append(f"saved ~{_usd(row.dollars_saved)}{note}")
    return "\n".join(prefix + line for line in lines)
