"""The per-flow telemetry record: one JSONL line per LLM flow, written as it completes.

A record holds counts, timings and a few named, non-secret request attributes (session id,
User-Agent). It never holds headers beyond those, bodies, or credentials; free-text fields are
scrubbed of anything shaped like a key as a second line of defence.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta, timezone
from pathlib import Path
from time import monotonic
from typing import Any

from ..facts import header_map
from ..jsonl import AppendOnlyFile
from ..rotation import with_rotated
from ..options import DEFAULT_RECORDS_KEEP, DEFAULT_RECORDS_MAX_BYTES
from .usage import ESTIMATOR

log = logging.getLogger(__name__)

RECORD_VERSION = 1
MAX_TEXT = 300  # longest free-text value kept (client, session, error)

# Key-shaped strings: provider API keys, bearer tokens, JWTs, Google keys. Redacted on sight.
_SECRET = re.compile(
    r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"
    r"|\b(?:sk|pk|rk|sess|ak)-[A-Za-z0-9_-]{12,}"
    r"|\bAIza[0-9A-Za-z_-]{20,}"
    r"|\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*"
    r"|(?:api[_-]?key|token|secret|password)\s*[=:]\s*\S{6,}"
)


def scrub(text: str | None, limit: int = MAX_TEXT) -> str | None:
    """Free text made safe to store: secrets redacted, length capped."""
    if text is None:
        return None

    def _redact(m: re.Match[str]) -> str:
        return (m.group(1) or "") + "[redacted]"

    return _SECRET.sub(_redact, str(text))[:limit]


def _present(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def session_from_headers(headers: Mapping[str, str]) -> str | None:
    """The agent's session id: x-session-affinity (OpenCode's `ses_…`), else x-session-id."""
    lowered = header_map(headers, "x-session-affinity", "x-session-id")  # one pass, any case
    return scrub(_present(lowered.get("x-session-affinity")) or _present(lowered.get("x-session-id")))


def client_from_headers(headers: Mapping[str, str]) -> str | None:
    """The client's User-Agent, e.g. `opencode/1.18.33 ai-sdk/… runtime/bun/1.3.14`."""
    return scrub(_present(header_map(headers, "user-agent").get("user-agent")))


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class FlowRecord:
    """One LLM flow. Token counts named `est_*` are our estimate (see `estimator`) of the request
    body before/after compression; `input/output/cache_*_tokens` are what the provider reported
    (None when it reported nothing), with the meanings defined in `headroom_mitm.meter.usage`.

    Plain data on the hot path: built once per flow, serialized once (`to_line`); naive times are
    taken as UTC and free text is scrubbed when it is built or read back (`from_json`)."""

    v: int = RECORD_VERSION
    time: datetime = field(default_factory=utcnow)
    session: str | None = None
    client: str | None = None
    provider: str | None = None
    host: str = ""
    api_format: str | None = None
    model: str | None = None
    stream: bool = False
    status: int | None = None
    # 1 for a first send; 2, 3… for a client's retry of the very same (compressed) body.
    attempt: int = 1
    request_bytes_before: int = 0
    request_bytes_after: int = 0
    est_tokens_before: int = 0
    est_tokens_after: int = 0
    estimator: str = ESTIMATOR
    input_tokens: int | None = None
    output_tokens: int | None = None
    cache_read_tokens: int | None = None
    cache_write_tokens: int | None = None
    ttfb_ms: float | None = None
    total_ms: float | None = None
    addon_ms: float | None = None
    transforms: dict[str, int] = field(default_factory=dict)
    error: str | None = None

    def __post_init__(self) -> None:
        # Naive times are taken as UTC so comparisons never mix naive and aware.
        t = self.time
        self.time = t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t.astimezone(timezone.utc)
        self.session, self.client, self.error = scrub(self.session), scrub(self.client), scrub(self.error)

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> FlowRecord:
        """A record from a parsed JSONL line; unknown keys are dropped. Raises ValueError on a bad shape."""
        values = {k: obj[k] for k in _FIELDS if k in obj}
        when = values.get("time")
        if isinstance(when, str):
            values["time"] = datetime.fromisoformat(when.replace("Z", "+00:00").replace("z", "+00:00"))
        elif when is not None and not isinstance(when, datetime):
            raise ValueError("time is not a timestamp")
        for name in _INTS:
            value = values.get(name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"{name} is not an integer")
        if not isinstance(values.get("transforms", {}), dict):
            raise ValueError("transforms is not an object")
        return cls(**values)

    @property
    def saved_tokens(self) -> int:
        """Estimated request tokens compression removed (0 when it grew or did nothing)."""
        return max(0, self.est_tokens_before - self.est_tokens_after)

    def to_json(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in _FIELDS}
        out["time"] = self.time.isoformat().replace("+00:00", "Z")
        return out

    def to_line(self) -> str:
        return _LINE.encode(self.to_json()) + "\n"


_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(FlowRecord))
_LINE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # one encoder, not one per record
_INTS = ("v", "status", "attempt", "request_bytes_before", "request_bytes_after", "est_tokens_before",
         "est_tokens_after", "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens")


DEFAULT_MAX_BYTES = DEFAULT_RECORDS_MAX_BYTES  # the active records file is rotated beyond this size
DEFAULT_KEEP = DEFAULT_RECORDS_KEEP  # rotated records files kept; older ones are deleted


class RecordWriter:
    """Appends records to a JSONL file (jsonl.AppendOnlyFile: 0600, one write(2) per record,
    rotation with the newest `keep` rotated files kept), thread-safe. `write` never raises;
    failures land in `last_error`. Several proxies may share the file (`shared`): the full file is
    renamed once and each writer follows the path; a file that cannot be rotated still takes records.
    """

    def __init__(
        self, path: str | os.PathLike[str], max_bytes: int | None = DEFAULT_MAX_BYTES, keep: int = DEFAULT_KEEP
    ) -> None:
        self._file = AppendOnlyFile(path, max_bytes, keep=keep, shared=True)
        self.path = self._file.path
        self.last_error: str | None = None
        self._lock = threading.Lock()
        self._rotation_failing = False

    @property
    def max_bytes(self) -> int | None:
        return self._file.max_bytes

    @max_bytes.setter
    def max_bytes(self, value: int | None) -> None:
        self._file.max_bytes = value or None

    @property
    def keep(self) -> int:
        return self._file.keep or 0

    def _rotate(self) -> None:
        try:
            self._file.rotate()
        except OSError as exc:
            # A file that cannot be rotated still takes records: losing them would be worse.
            self.last_error = f"rotation failed: {type(exc).__name__}: {exc}"
            if not self._rotation_failing:  # once, not on every record until it works again
                log.warning("%s: %s; records are still appended to it", self.path, self.last_error)
            self._rotation_failing = True
            return
        self._rotation_failing = False
        if self._file.last_error:
            self.last_error, self._file.last_error = self._file.last_error, None
            log.warning("%s", self.last_error)

    def write(self, record: FlowRecord) -> bool:
        try:
            data = record.to_line().encode("utf-8")
            with self._lock:
                if self._file.must_rotate(len(data)):
                    self._rotate()
                self._file.append(data)
            return True
        except Exception as exc:  # disk full, permissions: telemetry must not break the flow
            self.last_error = f"{type(exc).__name__}: {exc}"
            return False

    def close(self) -> None:
        with self._lock:
            self._file.close()

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_RELATIVE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_since(text: str | datetime | None, now: datetime | None = None) -> datetime | None:
    """`--since` value to an aware UTC datetime: relative ("90s", "30m", "2h", "7d", "1w"), "today"
    (UTC midnight), or ISO 8601 date/time (naive = UTC). Raises ValueError on anything else."""
    if text is None:
        return None
    if isinstance(text, datetime):
        return text if text.tzinfo else text.replace(tzinfo=timezone.utc)
    now = now or utcnow()
    s = text.strip()
    m = _RELATIVE.match(s)
    if m:
        return now - timedelta(seconds=float(m.group(1)) * _UNITS[m.group(2).lower()])
    if s.lower() == "today":
        return now.astimezone(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    try:
        when = datetime.fromisoformat(s.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ValueError(f"--since: expected e.g. 2h, 7d, 2025-01-31 or 2025-01-31T12:00, got {text!r}") from None
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)


# A rotated file's mtime is its last write, so it holds no record newer than that; the slack
# covers coarse file-system clocks and the moment between a record's time and its write.
_MTIME_SLACK = timedelta(minutes=10)


def _active_files(path_or_dir: str | os.PathLike[str]) -> list[Path]:
    path = Path(path_or_dir)
    if path.is_dir():
        return sorted(p for p in path.glob("*.jsonl") if p.is_file())
    return [path]


def record_files(path_or_dir: str | os.PathLike[str], since: datetime | None = None) -> list[Path]:
    """The files `read_records` reads, in order: for each active file (the one given, or every
    *.jsonl in a directory, by name) its rotated predecessors oldest first, then itself. With
    `since`, rotated files last written before it are left out: they cannot hold a newer record."""
    out: list[Path] = []
    for active in _active_files(path_or_dir):
        for file in with_rotated(active):
            if since is not None and file != active and _last_write(file) < since - _MTIME_SLACK:
                continue
            out.append(file)
    return out


def _last_write(file: Path) -> datetime:
    try:
        return datetime.fromtimestamp(file.stat().st_mtime, timezone.utc)
    except OSError:
        return datetime.max.replace(tzinfo=timezone.utc)  # unknown: read it


def read_records(
    path_or_dir: str | os.PathLike[str], since: datetime | str | None = None
) -> Iterator[FlowRecord]:
    """Records from a JSONL file and its rotated predecessors, or from every *.jsonl file in a
    directory (by name) with theirs; oldest file first, in write order within each (see
    `record_files`). Lines that do not parse (a truncated last line while a writer is mid-way, a
    foreign line) are skipped, never fatal."""
    cutoff = parse_since(since)
    for file in record_files(path_or_dir, cutoff):
        try:
            handle = open(file, "rb")
        except OSError:
            continue
        with handle:
            for raw in handle:
                try:
                    obj: Any = json.loads(raw)
                    if not isinstance(obj, dict):
                        continue
                    record = FlowRecord.from_json(obj)
                except (ValueError, TypeError):
                    continue
                if cutoff is not None and record.time < cutoff:
                    continue
                yield record


def attempt_key(host: str, path: str, body: bytes) -> int:
    """Identity of a call for retry detection: the same endpoint and the same bytes sent upstream
    (the compressed body, which is deterministic, so a client retry hashes the same). Python's own
    hash: keyed afresh in each process (SipHash) and only ever held in this process's memory, so no
    client can aim a collision at it; twice as fast as SHA-256 on a request body."""
    return hash((host, path, bytes(body)))


class AttemptTracker:
    """Counts sends of the same call: bounded LRU of keys (see `attempt_key`) → (count, last seen).

    A key unseen for `window_s` starts again at attempt 1: retries follow within minutes, while an
    identical body long after is a new call by the user."""

    def __init__(self, max_entries: int = 4096, window_s: float = 900.0) -> None:
        self.max_entries = max(1, max_entries)
        self.window_s = window_s
        self._seen: OrderedDict[Hashable, tuple[int, float]] = OrderedDict()
        self._lock = threading.Lock()

    def attempt(self, key: Hashable, now: float | None = None) -> int:
        """Register one send of `key`; returns its attempt number (1 for the first)."""
        if isinstance(key, bytes):
            key = hashlib.sha256(key).hexdigest()
        t = monotonic() if now is None else now
        with self._lock:
            previous = self._seen.pop(key, None)
            count = 1
            if previous is not None and t - previous[1] <= self.window_s:
                count = previous[0] + 1
            self._seen[key] = (count, t)
            while len(self._seen) > self.max_entries:
                self._seen.popitem(last=False)
            return count

    def __len__(self) -> int:
        return len(self._seen)
