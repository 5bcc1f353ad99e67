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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..rotation import rotated_files, rotated_name, with_rotated
from ..options import DEFAULT_RECORDS_KEEP, DEFAULT_RECORDS_MAX_BYTES
from .usage import ESTIMATOR

try:  # flock serialises rotation between processes; absent on Windows
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from .usage import Usage

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


def _header(headers: Mapping[str, str], name: str) -> str | None:
    # Works on plain dicts as well as on case-insensitive header mappings.
    value = headers.get(name)
    if value is None and isinstance(headers, dict):  # mitmproxy's Headers already ignore case
        lname = name.lower()
        for key, val in headers.items():
            if isinstance(key, str) and key.lower() == lname:
                value = val
                break
    return value if isinstance(value, str) and value else None


def session_from_headers(headers: Mapping[str, str]) -> str | None:
    """The agent's session id: x-session-affinity (OpenCode's `ses_…`), else x-session-id."""
    return scrub(_header(headers, "x-session-affinity") or _header(headers, "x-session-id"))


def client_from_headers(headers: Mapping[str, str]) -> str | None:
    """The client's User-Agent, e.g. `opencode/1.18.33 ai-sdk/… runtime/bun/1.3.14`."""
    return scrub(_header(headers, "user-agent"))


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class FlowRecord(BaseModel):
    """One LLM flow. Token counts named `est_*` are our estimate (see `estimator`) of the request
    body before/after compression; `input/output/cache_*_tokens` are what the provider reported
    (None when it reported nothing), with the meanings defined in `headroom_mitm.meter.usage`."""

    model_config = ConfigDict(extra="ignore")

    v: int = RECORD_VERSION
    time: datetime = Field(default_factory=utcnow)
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
    transforms: dict[str, int] = Field(default_factory=dict)
    error: str | None = None

    @field_validator("time")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        # Naive times are taken as UTC so comparisons never mix naive and aware.
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)

    @field_validator("session", "client", "error")
    @classmethod
    def _scrubbed(cls, value: str | None) -> str | None:
        return scrub(value)

    @property
    def saved_tokens(self) -> int:
        """Estimated request tokens compression removed (0 when it grew or did nothing)."""
        return max(0, self.est_tokens_before - self.est_tokens_after)

    def with_usage(self, usage: Usage | None) -> FlowRecord:
        """A copy carrying the provider-reported usage (and its model, when the record has none)."""
        if usage is None:
            return self
        return self.model_copy(
            update={
                "input_tokens": usage.input_tokens,
                "output_tokens": usage.output_tokens,
                "cache_read_tokens": usage.cache_read_tokens,
                "cache_write_tokens": usage.cache_write_tokens,
                "model": self.model or usage.model,
            }
        )

    def to_line(self) -> str:
        return self.model_dump_json() + "\n"


DEFAULT_MAX_BYTES = DEFAULT_RECORDS_MAX_BYTES  # the active records file is rotated beyond this size
DEFAULT_KEEP = DEFAULT_RECORDS_KEEP  # rotated records files kept; older ones are deleted


def _same_file(path: Path, fd: int) -> bool:
    """Whether `path` still names the file `fd` writes (not rotated away or removed)."""
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    ours = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (ours.st_dev, ours.st_ino)


@contextmanager
def _flocked(fd: int) -> Iterator[None]:
    if fcntl is None:  # pragma: no cover - no flock on Windows: rotation is then per process only
        yield
        return
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


class RecordWriter:
    """Appends records to a JSONL file: 0600, one write(2) per record (O_APPEND keeps lines whole
    even with several writers), thread-safe. `write` never raises; failures land in `last_error`.

    Rotation: a record that would take the file past `max_bytes` (None or 0: no limit) starts a
    fresh file, the full one renamed to `<name>.<UTC timestamp>` (see rotation.py); only the newest
    `keep` rotated files stay. Several writers may share the file: each follows the path when it
    names another file (rotated by someone else, or removed), and rotation is serialised by an
    flock on the file being rotated, so one full file is renamed once.
    """

    def __init__(
        self, path: str | os.PathLike[str], max_bytes: int | None = DEFAULT_MAX_BYTES, keep: int = DEFAULT_KEEP
    ) -> None:
        if (max_bytes or 0) < 0 or keep < 0:
            raise ValueError("records rotation: max_bytes and keep must be >= 0")
        self.path = Path(path)
        self.max_bytes = max_bytes or None
        self.keep = keep
        self.last_error: str | None = None
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._rotation_failing = False

    def _open(self) -> int:
        if self._fd is None:
            if not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            os.fchmod(fd, 0o600)  # an older file with looser bits is tightened
            self._fd = fd
        return self._fd

    def _close_fd(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)

    def _current(self) -> tuple[int, int]:
        """The descriptor to append to and its file's size (one stat of the path, one fstat).

        Records must land where readers look, not in a file renamed or deleted behind our back."""
        if self._fd is not None:
            ours = os.fstat(self._fd)
            try:
                on_disk = os.stat(self.path)
            except OSError:
                on_disk = None
            if on_disk is not None and (on_disk.st_dev, on_disk.st_ino) == (ours.st_dev, ours.st_ino):
                return self._fd, ours.st_size
            self._close_fd()
        fd = self._open()
        return fd, os.fstat(fd).st_size

    def _full(self, size: int, adding: int) -> bool:
        return self.max_bytes is not None and size > 0 and size + adding > self.max_bytes

    def _rotate(self, fd: int) -> int:
        """Renames the full file away (unless another writer just did) and opens a fresh one."""
        try:
            with _flocked(fd):
                if _same_file(self.path, fd):
                    os.rename(self.path, rotated_name(self.path))
                    self._prune()
        except OSError as exc:
            # A file that cannot be rotated still takes records: losing them would be worse.
            self.last_error = f"rotation failed: {type(exc).__name__}: {exc}"
            if not self._rotation_failing:  # once, not on every record until it works again
                log.warning("%s: %s; records are still appended to it", self.path, self.last_error)
            self._rotation_failing = True
            return fd
        self._rotation_failing = False
        self._close_fd()
        return self._open()

    def _prune(self) -> None:
        rotated = rotated_files(self.path)
        for old in rotated[: max(0, len(rotated) - self.keep)]:
            try:
                old.unlink(missing_ok=True)
            except OSError as exc:  # an old file left behind is no reason to fail the rotation
                self.last_error = f"could not delete {old.name}: {exc}"
                log.warning("%s", self.last_error)

    def write(self, record: FlowRecord) -> bool:
        try:
            data = record.to_line().encode("utf-8")
            with self._lock:
                fd, size = self._current()
                if self._full(size, len(data)):
                    fd = self._rotate(fd)
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            return True
        except Exception as exc:  # disk full, permissions: telemetry must not break the flow
            self.last_error = f"{type(exc).__name__}: {exc}"
            return False

    def close(self) -> None:
        with self._lock:
            self._close_fd()

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
                    record = FlowRecord.model_validate(obj)
                except ValueError:
                    continue
                if cutoff is not None and record.time < cutoff:
                    continue
                yield record


def attempt_key(host: str, path: str, body: bytes) -> str:
    """Identity of a call for retry detection: the same endpoint and the same bytes sent upstream
    (the compressed body, which is deterministic, so a client retry hashes the same)."""
    h = hashlib.sha256()
    h.update(host.encode("utf-8", "replace"))
    h.update(b"\0")
    h.update(path.encode("utf-8", "replace"))
    h.update(b"\0")
    h.update(bytes(body))
    return h.hexdigest()


class AttemptTracker:
    """Counts sends of the same call: bounded LRU of keys (see `attempt_key`) → (count, last seen).

    A key unseen for `window_s` starts again at attempt 1: retries follow within minutes, while an
    identical body long after is a new call by the user."""

    def __init__(self, max_entries: int = 4096, window_s: float = 900.0) -> None:
        self.max_entries = max(1, max_entries)
        self.window_s = window_s
        self._seen: OrderedDict[str, tuple[int, float]] = OrderedDict()
        self._lock = threading.Lock()

    def attempt(self, key: str | bytes, now: float | None = None) -> int:
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
