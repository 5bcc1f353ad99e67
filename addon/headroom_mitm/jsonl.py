"""The one append-only JSONL file with size rotation, used by the flow records and the audit trail.

Each line goes out with one ``write(2)`` on an O_APPEND descriptor (no user-space buffer), so a line
is whole once ``append`` returns and even SIGKILL cannot lose it. The file is 0600 in a 0700 dir.

Size is tracked in memory: a file only this process writes costs no stat per line. A ``shared``
file (several proxies appending to one records file) needs the real size and identity for rotation,
so it costs one fstat per line; the path is only looked at when rotating.

Rotation renames the full file to ``<name>.<UTC timestamp>`` (see rotation.py) and starts a fresh
one; an empty file is never rotated, and a failed write that left nothing behind does not rotate
either (a full disk must not leave a trail of empty files). A write cut short mid-line leaves a torn
tail: the next line starts a new file, the torn one stays as it is (evidence is never rewritten).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .rotation import rotated_files, rotated_name

try:  # rotation of a shared file is serialised with an flock; absent on Windows
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


@contextmanager
def _flocked(fd: int) -> Iterator[None]:
    if fcntl is None:  # pragma: no cover
        yield
        return
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _same_file(path: Path, fd: int) -> bool:
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    ours = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (ours.st_dev, ours.st_ino)


class AppendOnlyFile:
    """Not thread-safe by itself: its owner serialises calls (both owners hold a lock)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        max_bytes: int | None = None,
        *,
        keep: int | None = None,
        shared: bool = False,
        fsync: bool = False,
    ) -> None:
        if (max_bytes or 0) < 0 or (keep is not None and keep < 0):
            raise ValueError("rotation: max_bytes and keep must be >= 0")
        self.path = Path(path)
        self.max_bytes = max_bytes or None
        self.keep = keep  # None: rotated files are kept forever (the audit trail)
        self.shared = shared
        self.fsync = fsync
        self.last_error: str | None = None
        self._fd: int | None = None
        self._size = 0
        self._torn = False

    # -- the descriptor

    def _ensure(self) -> int:
        if self._fd is None:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # tighten a file someone created with a looser mode
            self._fd, self._size = fd, os.fstat(fd).st_size
        return self._fd

    def close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)

    def _size_now(self) -> int:
        fd = self._ensure()
        if self.shared:
            st = os.fstat(fd)
            if st.st_nlink == 0:  # removed behind our back: records must land where readers look
                self.close()
                self._ensure()
            else:
                self._size = st.st_size
        return self._size

    # -- rotation

    def must_rotate(self, adding: int) -> bool:
        """Whether the next line of `adding` bytes has to start a new file."""
        if self._torn:
            return True
        if self.max_bytes is None and not self.shared:
            return False
        size = self._size_now()  # shared: also follows a file removed behind our back
        return self.max_bytes is not None and size > 0 and size + adding > self.max_bytes

    def rotate(self) -> Path | None:
        """Rename the file away and open a fresh one; the rotated name, or None when there was
        nothing to rotate (an empty file, or another writer rotated it first). Raises OSError."""
        fd = self._ensure()
        with _flocked(fd):
            if self.shared and not _same_file(self.path, fd):
                target = None  # someone else rotated or removed it: follow the path
            elif os.fstat(fd).st_size == 0:
                self._torn = False
                return None
            else:
                target = rotated_name(self.path)
                os.rename(self.path, target)
        self.close()
        self._torn = False
        if target is not None and self.keep is not None:
            self._prune()
        self._ensure()
        return target

    def _prune(self) -> None:
        rotated = rotated_files(self.path)
        for old in rotated[: max(0, len(rotated) - (self.keep or 0))]:
            try:
                old.unlink(missing_ok=True)
            except OSError as exc:  # an old file left behind is no reason to fail the rotation
                self.last_error = f"could not delete {old.name}: {exc}"

    # -- writing

    def append(self, data: bytes) -> None:
        """Write one line (one write(2) in the usual case); raises OSError when it did not land whole."""
        fd = self._ensure()
        before = self._size
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(fd, view) :]
            if self.fsync:
                os.fsync(fd)
        except OSError:
            self._after_failure(fd, before)
            raise
        self._size = before + len(data)

    def _after_failure(self, fd: int, before: int) -> None:
        # Only on failure: did part of the line land? Then the file ends torn and the next line
        # must start a new one; if nothing landed, the file is as it was and stays in use.
        try:
            now = os.fstat(fd).st_size
        except OSError:
            self._torn = True
            return
        if now != before:  # (shared: another writer's line also counts; one spare rotation, no loss)
            self._torn, self._size = True, now
