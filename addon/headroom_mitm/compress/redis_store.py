"""Redis store for originals and first renderings: several gateway instances, one store.

Same contract as the SQLite store (compress/store.py): content-addressed originals, first rendering
of a block wins. Every key carries a TTL (the retention), refreshed on an original each time a new
rendering points at it, so a marker never outlives its original. Memory is bounded by the server's
own `maxmemory` (see docs/gateway.md).

Fail open: a Redis that does not answer within `timeout` raises StoreUnavailable, which the engine
turns into lossless-only compression; after a failure the store is not asked again for
`retry_after` seconds, so an outage costs one timeout, not one per block. One log line says when
it went away and one when it is back; the URL in them never shows a password.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from ..redact import redact_url
from .store import Rendering, StoreUnavailable

log = logging.getLogger(__name__)

DEFAULT_PREFIX = "headroom-mitm:"


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # tool output may hold lone surrogates


def _decode(blob: bytes) -> str:
    return blob.decode("utf-8", "surrogatepass")


def _rendering_value(r: Rendering) -> bytes:
    # json escapes lone surrogates and gives them back on load: the text round-trips exactly.
    return json.dumps({"t": r.text, "x": list(r.transforms), "r": r.retrieve_id}).encode()


def _rendering_from(value: bytes) -> Rendering:
    data = json.loads(value)
    return Rendering(data["t"], tuple(data["x"]), data["r"])


class RedisStore:
    def __init__(
        self,
        url: str,
        *,
        max_age_seconds: float = 7 * 24 * 3600,
        timeout: float = 0.5,
        retry_after: float = 5.0,
        prefix: str = DEFAULT_PREFIX,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        self.path = redact_url(url)  # the store's identity (memo keys, log lines): no password
        self.broken: str | None = None  # an outage is not this: it is retried (StoreUnavailable)
        self.ttl = max(1, int(max_age_seconds))
        self._prefix = prefix
        self._retry_after = retry_after
        self._clock = clock
        self._down_until = float("-inf")
        self._down = False
        self._lock = threading.Lock()
        self._errors: tuple[type[BaseException], ...] = (redis.RedisError, OSError)
        # No client-side retries: the request path waits at most one timeout.
        self._client: Any = redis.Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 0)
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> RedisStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- availability

    def _call(self, what: Callable[[Any], Any]) -> Any:
        with self._lock:
            if self._clock() < self._down_until:
                raise StoreUnavailable(f"Redis store {self.path} is unreachable")
        try:
            result = what(self._client)
        except self._errors as exc:
            with self._lock:
                self._down_until = self._clock() + self._retry_after
                first = not self._down
                self._down = True
            if first:
                log.warning(
                    "Redis store %s unreachable (%s): compressing losslessly only until it answers again",
                    self.path, type(exc).__name__,
                )
            raise StoreUnavailable(f"Redis store {self.path} is unreachable") from None
        with self._lock:
            back, self._down = self._down, False
        if back:
            log.warning("Redis store %s answers again: lossy compression resumes", self.path)
        return result

    # ---------------------------------------------------------------- originals

    def put(self, text: str, rid: str | None = None) -> str:
        from .transforms import retrieve_id

        rid = rid or retrieve_id(text)
        key = f"{self._prefix}o:{rid}"
        value = _encode(text)

        def write(client: Any) -> None:
            # Content-addressed: an existing original is the same text; only its TTL is renewed,
            # so it lives at least as long as the rendering about to point at it.
            if not client.set(key, value, ex=self.ttl, nx=True):
                client.expire(key, self.ttl)

        self._call(write)
        return rid

    def get(self, rid: str) -> str | None:
        value = self._call(lambda client: client.get(f"{self._prefix}o:{rid}"))
        return None if value is None else _decode(value)

    # ---------------------------------------------------------------- renderings

    def get_rendering(self, key: str) -> Rendering | None:
        value = self._call(lambda client: client.get(f"{self._prefix}r:{key}"))
        return None if value is None else _rendering_from(value)

    def put_rendering(self, key: str, rendering: Rendering) -> Rendering:
        """Keep the first rendering ever stored for key (any instance); return whichever one won."""
        name = f"{self._prefix}r:{key}"

        def write(client: Any) -> bytes | None:
            if client.set(name, _rendering_value(rendering), ex=self.ttl, nx=True):
                return None
            return client.get(name)

        winner = self._call(write)
        return rendering if winner is None else _rendering_from(winner)
