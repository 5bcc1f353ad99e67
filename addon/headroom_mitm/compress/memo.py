"""The renderings of blocks already compressed, by their key and settings: a request repeats every
earlier turn's tool outputs, so each is compressed once per process, not once per request."""

from __future__ import annotations

import threading
from collections import OrderedDict

from .store import Rendering


class Memo:
    """Bounded LRU of renderings, by entries and by characters held."""

    def __init__(self) -> None:
        self._data: OrderedDict[tuple[str, ...], Rendering] = OrderedDict()
        self._chars = 0
        self._lock = threading.Lock()

    def get(self, key: tuple[str, ...]) -> Rendering | None:
        with self._lock:
            r = self._data.get(key)
            if r is not None:
                self._data.move_to_end(key)
            return r

    def put(self, key: tuple[str, ...], r: Rendering, max_entries: int, max_chars: int) -> None:
        size = len(r.text or "")
        if size > max_chars:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._chars -= len(old.text or "")
            self._data[key] = r
            self._chars += size
            while self._data and (len(self._data) > max_entries or self._chars > max_chars):
                _, ev = self._data.popitem(last=False)
                self._chars -= len(ev.text or "")

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._chars = 0
