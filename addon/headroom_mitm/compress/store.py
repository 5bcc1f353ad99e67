"""The store for what lossy transforms dropped, and for the first rendering of every block: the
`Store` interface, `open_store` (a SQLite file, the default, or a Redis URL) and the SQLite store.

One file shared by the proxy (writes) and the headroom_retrieve MCP server (reads), possibly in
different processes: WAL mode plus a busy timeout. Bounded by total bytes and by age; the oldest
rows go first. The file is created 0600 because tool outputs can hold secrets.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

_SCHEMA = """
CREATE TABLE IF NOT EXISTS originals (
    id TEXT PRIMARY KEY,
    text BLOB NOT NULL,
    size INTEGER NOT NULL,
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS originals_created ON originals(created);
CREATE TABLE IF NOT EXISTS renderings (
    key TEXT PRIMARY KEY,
    text BLOB,
    transforms TEXT NOT NULL,
    retrieve_id TEXT,
    size INTEGER NOT NULL,
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS renderings_created ON renderings(created);
"""


@dataclass(frozen=True)
class Rendering:
    """What a block became. text None means 'sent unchanged'."""

    text: str | None
    transforms: tuple[str, ...] = ()
    retrieve_id: str | None = None


class StoreUnavailable(Exception):
    """The store cannot be reached right now (the compressor falls back to lossless only)."""


class Store(Protocol):
    """What compression and retrieval need from a store. `path` names it (no secrets)."""

    path: object
    broken: str | None  # why it failed for good (a read or write error): then no lossy output relies on it

    def put(self, text: str, rid: str | None = None) -> str: ...
    def get(self, rid: str) -> str | None: ...
    def get_rendering(self, key: str) -> Rendering | None: ...
    def put_rendering(self, key: str, rendering: Rendering) -> Rendering: ...
    def close(self) -> None: ...


REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
DEFAULT_MAX_AGE_SECONDS = 7 * 24 * 3600


def is_redis_url(spec: str) -> bool:
    return spec.startswith(REDIS_SCHEMES)


def open_store(spec: str | os.PathLike[str], *, max_age_seconds: float = DEFAULT_MAX_AGE_SECONDS) -> Store:
    """A Redis URL (redis://, rediss://, unix://) or the path of a SQLite file."""
    if isinstance(spec, str) and is_redis_url(spec):
        from .redis_store import RedisStore  # the redis client is loaded only when asked for

        return RedisStore(spec, max_age_seconds=max_age_seconds)
    return OriginalStore(spec, max_age_seconds=max_age_seconds)


# An insert that says whether it took place saves reading the row back (RETURNING: SQLite 3.35+).
_RETURNING_KEY = " RETURNING key" if sqlite3.sqlite_version_info >= (3, 35) else ""


def _encode(text: str) -> bytes:
    # BLOBs, not TEXT: tool output may hold lone surrogates and must round-trip exactly.
    return text.encode("utf-8", "surrogatepass")


def _decode(blob: bytes | str) -> str:
    return blob if isinstance(blob, str) else bytes(blob).decode("utf-8", "surrogatepass")


class OriginalStore:
    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        max_bytes: int = 256 * 1024 * 1024,
        max_age_seconds: float = DEFAULT_MAX_AGE_SECONDS,
        clock: Callable[[], float] = time.time,
        evict_every: int = 64,
        evict_interval_seconds: float = 30.0,
        busy_timeout_ms: int = 1000,
    ) -> None:
        """busy_timeout_ms bounds how long a write may wait for another process: the proxy calls
        this on the request path and would rather skip the store than stall."""
        self.path = Path(path)
        self.max_bytes = max_bytes
        self.max_age_seconds = max_age_seconds
        self._clock = clock
        self._evict_every = max(1, evict_every)
        self._writes = 0
        self._evict_interval = evict_interval_seconds
        self._last_evict = float("-inf")
        self._lock = threading.RLock()  # re-entrant: a batch holds it around the writes it groups
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        os.chmod(self.path, 0o600)  # also tightens a file someone else created
        self._conn = sqlite3.connect(
            self.path, timeout=busy_timeout_ms / 1000, check_same_thread=False, isolation_level=None
        )
        self._conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")  # WAL: durable enough, no fsync per write
        self._conn.executescript(_SCHEMA)
        self._conn.execute("SELECT 1 FROM originals LIMIT 1").fetchall()  # a corrupt file fails here, not later
        self.broken: str | None = None  # set when a read or write failed: no lossy output relies on it then
        self._batching = False

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> OriginalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """The writes made inside commit together when it ends: one commit per request instead of
        one per block (~40 µs each). No other thread's statement joins it (the lock is held), and
        what it wrote is readable elsewhere only once it returns: markers are sent after that. The
        write lock is taken at the first write (a request whose blocks were all rendered before
        writes nothing and locks nothing); when it cannot be had, writes go one by one as outside a
        batch. An error inside, or in the commit, rolls everything back and is raised."""
        with self._lock:
            self._batching = True
            try:
                yield
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")
            except BaseException:
                with suppress(sqlite3.Error):  # a closed or failed connection has nothing to undo
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                raise
            finally:
                self._batching = False

    def _begin_batched_write(self) -> None:
        if self._batching and not self._conn.in_transaction:
            with suppress(sqlite3.Error):  # busy or broken: this write then succeeds or fails on its own
                self._conn.execute("BEGIN IMMEDIATE")  # the write lock now: no upgrade to fail later

    # ---------------------------------------------------------------- originals

    def put(self, text: str, rid: str | None = None) -> str:
        """Store an original; returns its content-addressed id."""
        from .transforms import retrieve_id

        rid = rid or retrieve_id(text)
        stored = _encode(text)
        with self._lock:
            self._begin_batched_write()
            # Content-addressed: an existing original is the same text, but its age is renewed so it
            # lives at least as long as the newer rendering about to point at it (as in Redis).
            self._conn.execute(
                "INSERT INTO originals(id, text, size, created) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET created = excluded.created",
                (rid, stored, len(stored), self._clock()),
            )
            self._after_write()
        return rid

    def get(self, rid: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT text FROM originals WHERE id = ?", (rid,)).fetchone()
        return None if row is None else _decode(row[0])

    # ---------------------------------------------------------------- renderings

    def get_rendering(self, key: str) -> Rendering | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT text, transforms, retrieve_id FROM renderings WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        text, transforms, rid = row
        names = tuple(t for t in str(transforms).split(",") if t)
        return Rendering(None if text is None else _decode(text), names, rid)

    def put_rendering(self, key: str, rendering: Rendering) -> Rendering:
        """Keep the first rendering ever stored for key; return whichever one won."""
        text = None if rendering.text is None else _encode(rendering.text)
        with self._lock:
            self._begin_batched_write()
            inserted = self._conn.execute(
                "INSERT OR IGNORE INTO renderings(key, text, transforms, retrieve_id, size, created)"
                " VALUES (?, ?, ?, ?, ?, ?)" + _RETURNING_KEY,
                (
                    key,
                    text,
                    ",".join(rendering.transforms),
                    rendering.retrieve_id,
                    len(text or "") + len(key),
                    self._clock(),
                ),
            ).fetchall()  # read to the end: the statement, and its write, are then complete
            self._after_write()
        if inserted:
            return rendering  # ours is the first: no need to read it back (SQLite < 3.35: always read)
        winner = self.get_rendering(key)
        return winner if winner is not None else rendering

    # ---------------------------------------------------------------- bounds

    def total_bytes(self) -> int:
        with self._lock:
            return self._total_locked()

    def _total_locked(self) -> int:
        a = self._conn.execute("SELECT COALESCE(SUM(size), 0) FROM originals").fetchone()[0]
        b = self._conn.execute("SELECT COALESCE(SUM(size), 0) FROM renderings").fetchone()[0]
        return int(a) + int(b)

    def _after_write(self) -> None:
        self._writes += 1
        # Summing sizes scans the tables: bounded by write count and by time.
        if self._writes % self._evict_every == 0 and self._clock() - self._last_evict >= self._evict_interval:
            self._evict_locked()

    def evict(self) -> None:
        with self._lock:
            self._evict_locked()

    def _evict_locked(self) -> None:
        self._last_evict = self._clock()
        cutoff = self._last_evict - self.max_age_seconds
        self._conn.execute("DELETE FROM originals WHERE created < ?", (cutoff,))
        self._conn.execute("DELETE FROM renderings WHERE created < ?", (cutoff,))
        total = self._total_locked()
        while total > self.max_bytes:
            # Oldest first across both tables: find the creation time that frees enough.
            rows = self._conn.execute(
                "SELECT created, size FROM originals UNION ALL SELECT created, size FROM renderings"
                " ORDER BY created ASC LIMIT 512"
            ).fetchall()
            if not rows:
                break
            freed = 0
            limit = rows[-1][0]
            for created, size in rows:
                freed += size
                if total - freed <= self.max_bytes:
                    limit = created
                    break
            self._conn.execute("DELETE FROM originals WHERE created <= ?", (limit,))
            self._conn.execute("DELETE FROM renderings WHERE created <= ?", (limit,))
            total = self._total_locked()


def try_open_store(spec: str | os.PathLike[str], **kwargs: float) -> tuple[Store | None, str | None]:
    """(store, None), or (None, why) when it cannot be used (a corrupt or unreadable file)."""
    try:
        return open_store(spec, **kwargs), None
    except (sqlite3.Error, OSError, StoreUnavailable) as exc:
        return None, f"{type(exc).__name__}: {exc}"


# -------------------------------------------------------------------- retrieval helpers


def retrieve_text(
    store: Store,
    rid: str,
    *,
    start_line: int | None = None,
    end_line: int | None = None,
    pattern: str | None = None,
    context: int = 0,
) -> str | None:
    """What headroom_retrieve returns: the whole original, a line range, or the lines matching a
    pattern (numbered, in the marker's line numbering). None when the id is unknown or evicted."""
    text = store.get(rid)
    if text is None:
        return None
    if pattern:
        return grep_lines(text, pattern, context=context)
    if start_line is not None or end_line is not None:
        return slice_lines(text, start_line, end_line)
    return text


def slice_lines(text: str, start: int | None = None, end: int | None = None, *, number: bool = True) -> str:
    """Lines start..end (1-based, inclusive) as markers count them (split on \\n only)."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    a = max(1, start or 1)
    b = min(len(lines), end if end is not None else len(lines))
    if a > b:
        return ""
    chosen = lines[a - 1 : b]
    if not number:
        return "\n".join(chosen)
    return "\n".join(f"{a + k}: {ln}" for k, ln in enumerate(chosen))


MAX_PATTERN = 1000  # characters of a retrieve pattern
PATTERN_BUDGET_S = 1.0  # time one pattern may spend on one original, all lines together


def grep_lines(
    text: str, pattern: str, *, context: int = 0, max_matches: int = 200, budget_s: float = PATTERN_BUDGET_S
) -> str:
    """Lines matching a regex (a plain substring if the regex does not compile), numbered.

    The pattern comes from the model and the text from a tool: `regex` (not `re`) runs it with a
    time limit, so a pattern that backtracks catastrophically costs at most `budget_s` and a note."""
    import regex

    if len(pattern) > MAX_PATTERN:
        raise ValueError(f"pattern longer than {MAX_PATTERN} characters")
    deadline = time.monotonic() + budget_s
    try:
        rx = regex.compile(pattern)

        def match(ln: str) -> bool:
            return rx.search(ln, timeout=max(0.001, deadline - time.monotonic())) is not None
    except regex.error:
        match = lambda ln: pattern in ln  # noqa: E731
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    keep: list[int] = []
    hits = 0
    timed_out = False
    for i, ln in enumerate(lines):
        try:
            found = match(ln)
        except TimeoutError:
            timed_out = True
            break
        if found:
            hits += 1
            if hits > max_matches:
                break
            keep.extend(range(max(0, i - context), min(len(lines), i + context + 1)))
    out: list[str] = []
    last = -2
    for i in sorted(set(keep)):
        if out and i != last + 1:
            out.append("--")
        out.append(f"{i + 1}: {lines[i]}")
        last = i
    if hits > max_matches:
        out.append(f"[… more than {max_matches} matches; narrow the pattern or use a line range]")
    if timed_out:
        out.append(f"[… the pattern took over {budget_s:g}s and was stopped at line {i + 1}; use a simpler pattern or a line range]")
    return "\n".join(out)
