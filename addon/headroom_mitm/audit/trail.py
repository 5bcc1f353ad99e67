"""Egress audit trail: one JSON line per tunnel or request, hash-chained and append-only.

Each line carries ``seq`` (1, 2, 3 … across rotated files), ``prev`` (the ``hash`` of the line
before it; the first line of a chain has ``GENESIS``) and ``hash`` = "sha256:" + SHA-256 over the
canonical JSON (sorted keys, no spaces, UTF-8) of the whole line without ``hash`` — so it covers
``prev`` and ``seq``. Changing, removing, inserting or reordering any line breaks the chain at that
point; ``verify`` says where. With an HMAC key the hash is "hmac-sha256:…" and cannot be recomputed
by someone who can edit the file but does not hold the key.

Durability: each line is written with one ``write(2)`` on an O_APPEND descriptor, without a
user-space buffer (jsonl.AppendOnlyFile). Once ``write()`` returns the bytes are in the kernel, so
killing the process (SIGKILL included) loses no record that was written. ``fsync=True`` additionally
forces them to disk per record, which only matters for power loss or a kernel crash.

Loss: a record that cannot be written (full disk) raises AuditError and is counted; the head anchor
(``<name>.head``, see head.py) keeps the count, and the next line written carries ``lost`` = the
records that were not, so neither the trail nor ``verify`` can read as complete when it is not. The
anchor also keeps the last seq and hash: a trail cut off at the tail is refused on start and
reported by ``verify``.

Crash and restart: a crash during a write can leave a torn (unterminated) last line. On start the
writer resumes the chain from the last complete line; if the active file ends in a torn line it
is rotated away untouched (evidence is never rewritten) and the chain continues in a fresh file,
from the last complete record. ``verify`` reports a torn final line of a file as an incomplete
tail, not as tampering, and verifies everything before it.

Rotation: when the next line would take the file past ``max_bytes`` the file is renamed to
``<name>.<UTC timestamp>`` (a name that never changes again) and a new file is started; its first
line carries ``prev_file`` = the rotated file's name and continues ``seq``/``prev``.

Formats: ``native`` (the AuditRecord fields at top level) or ``ocsf`` (OCSF 1.3.0 HTTP Activity,
class_uid 4002). In OCSF lines the chain lives in ``unmapped.chain`` ({seq, prev, hash,
prev_file}) and ``metadata.sequence`` repeats ``seq``; see docs/audit.md.

One writer per file: a second process opening the same file gets an AuditError (advisory lock
on ``<name>.lock``).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import logging
import os
import threading
from pathlib import Path
from typing import Any

from headroom_mitm.jsonl import AppendOnlyFile
from headroom_mitm.rotation import rotated_files, rotated_name, with_rotated
from headroom_mitm.options import DEFAULT_AUDIT_MAX_BYTES

try:  # advisory single-writer lock; absent on Windows, where we simply skip it
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

from .head import Head, HeadAnchor, head_path
from .record import AuditError, AuditRecord, Format, to_ocsf

log = logging.getLogger(__name__)

GENESIS = "sha256:" + "0" * 64
DEFAULT_MAX_BYTES = DEFAULT_AUDIT_MAX_BYTES


# ---- the chain (pure) ---------------------------------------------------------------------------------


# One encoder for every line: json.dumps with arguments builds a new one per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(obj: Any) -> bytes:
    return _CANONICAL.encode(obj).encode("utf-8")


def _digest(obj: Any, hmac_key: bytes | None) -> str:
    data = canonical_json(obj)
    if hmac_key is not None:
        return "hmac-sha256:" + hmac.new(hmac_key, data, hashlib.sha256).hexdigest()
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _chain_of(obj: dict[str, Any]) -> dict[str, Any]:
    """The dict that holds seq/prev/hash: the line itself (native) or unmapped.chain (OCSF)."""
    if "class_uid" in obj:
        chain = obj.get("unmapped", {}).get("chain")
        if not isinstance(chain, dict):
            raise ValueError("OCSF line without unmapped.chain")
        return chain
    return obj


_OCSF_CHAIN = b'"unmapped":{"chain":{'


def seal_line(
    payload: dict[str, Any],
    seq: int,
    prev: str,
    prev_file: str | None = None,
    hmac_key: bytes | None = None,
    *,
    lost: int | None = None,
) -> tuple[bytes, str]:
    """(line bytes, hash) of a native or OCSF record, serialized once: the line is the canonical JSON
    the hash covers with the hash spliced in (native: as its last key; OCSF: as the first key of
    unmapped.chain, where sorting puts it). Verify re-sorts, so the position is free. An OCSF
    payload is completed in place (it is built fresh for each record)."""
    if "class_uid" in payload:
        chain: dict[str, Any] = {"seq": seq, "prev": prev}
        line = payload
        line["metadata"]["sequence"] = seq
        line.setdefault("unmapped", {})["chain"] = chain
    else:
        chain = line = {"seq": seq, **payload, "prev": prev}
    if prev_file is not None:
        chain["prev_file"] = prev_file
    if lost:
        chain["lost"] = lost
    data = canonical_json(line)
    if hmac_key is not None:
        digest = "hmac-sha256:" + hmac.new(hmac_key, data, hashlib.sha256).hexdigest()
    else:
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
    if line is chain:
        return data[:-1] + b',"hash":"' + digest.encode() + b'"}\n', digest
    # Sorted keys put "unmapped" last at the top and "chain" first in it; inside JSON strings every
    # quote is escaped, so this byte sequence occurs exactly once.
    at = data.rindex(_OCSF_CHAIN) + len(_OCSF_CHAIN)
    return data[:at] + b'"hash":"' + digest.encode() + b'",' + data[at:] + b"\n", digest


def line_hash(line: dict[str, Any], hmac_key: bytes | None = None) -> str:
    """Recompute the hash a line should carry."""
    unsealed = copy.deepcopy(line)
    _chain_of(unsealed).pop("hash", None)
    return _digest(unsealed, hmac_key)


def _read_tail(path: Path, block: int = 65536) -> tuple[bytes | None, bool]:
    """(last complete line, torn) of a file. torn: the file does not end with a newline."""
    with open(path, "rb") as fh:
        end = fh.seek(0, os.SEEK_END)
        if end == 0:
            return None, False
        buf = b""
        pos = end
        while pos > 0:
            step = min(block, pos)
            pos -= step
            fh.seek(pos)
            buf = fh.read(step) + buf
            if buf.count(b"\n") >= 2:  # enough to hold the whole last complete line
                break
    torn = not buf.endswith(b"\n")
    cut = buf.rfind(b"\n")
    if cut < 0:
        return None, torn
    body = buf[:cut]
    start = body.rfind(b"\n")  # -1 when the line starts the file: the slice below still works
    return body[start + 1 :], torn


def chain_files(path: str | os.PathLike[str]) -> list[Path]:
    """All files of a chain in order: rotated files oldest first, then the active file."""
    return with_rotated(path)


# ---- the writer ---------------------------------------------------------------------------------------


class AuditWriter:
    """Thread-safe, append-only, hash-chained JSONL writer with size-based rotation and a head anchor."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        max_bytes: int | None = DEFAULT_MAX_BYTES,
        fmt: Format = "native",
        *,
        fsync: bool = False,
        hmac_key: bytes | None = None,
    ):
        if fmt not in ("native", "ocsf"):
            raise ValueError(f"unknown audit format {fmt!r}")
        self.path = Path(path)
        self.fmt: Format = fmt
        self._key = hmac_key
        self._lock = threading.Lock()
        self._closed = False
        self.lost_total = 0  # records this writer could not write (all of them, noted or not)
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._lock_fd = self._take_process_lock()
        try:
            self._seq, self._prev, self._prev_file = self._resume()
            self._head = HeadAnchor(head_path(self.path), hmac_key)
            self._lost = self._check_head(self._head.found)
            self._file = AppendOnlyFile(self.path, max_bytes, fsync=fsync)
            self._file._ensure()
        except BaseException:
            self._release_process_lock()
            raise

    @property
    def max_bytes(self) -> int | None:
        return self._file.max_bytes

    @property
    def fsync(self) -> bool:
        return self._file.fsync

    # -- setup

    def _take_process_lock(self) -> int | None:
        if fcntl is None:  # pragma: no cover
            return None
        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise AuditError(f"{self.path}: another process is writing this audit file") from None
        return fd

    def _release_process_lock(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing drops the flock
            self._lock_fd = None

    def _check_head(self, head: Head | None) -> int:
        """Records lost before this start (carried into the next line); refuses a cut-off trail."""
        if head is None:
            return 0
        if head.seq > self._seq:
            raise AuditError(
                f"{self.path}: the trail ends at seq {self._seq} but its head anchor says {head.seq}: "
                f"{head.seq - self._seq} record(s) are missing at the tail; run `headroom-mitm audit verify` "
                "and move the files aside before writing to it"
            )
        return head.lost

    def _state_from(self, source: Path, raw: bytes) -> tuple[int, str]:
        try:
            obj = json.loads(raw)
            chain = _chain_of(obj)
            seq, digest = chain["seq"], chain["hash"]
            if not isinstance(seq, int) or not isinstance(digest, str):
                raise ValueError("bad chain fields")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise AuditError(
                f"{source}: the last line is not a chained audit record ({exc}); "
                "verify the file and move it aside before writing to it"
            ) from None
        return seq, digest

    def _resume(self) -> tuple[int, str, str | None]:
        """(last seq, last hash, prev_file for the next line) from what is on disk."""
        if self.path.exists() and self.path.stat().st_size > 0:
            raw, torn = _read_tail(self.path)
            if raw is not None and not torn:
                seq, digest = self._state_from(self.path, raw)
                return seq, digest, None
            # A torn tail stays where it is: the file is rotated away and a new one continues.
            os.rename(self.path, rotated_name(self.path))
        older = rotated_files(self.path)
        prev_file = older[-1].name if older else None
        for candidate in reversed(older):
            raw, _torn = _read_tail(candidate)
            if raw is not None:
                seq, digest = self._state_from(candidate, raw)
                return seq, digest, prev_file
        return 0, GENESIS, prev_file

    # -- writing

    def _encode(self, payload: dict[str, Any], seq: int) -> tuple[bytes, str]:
        return seal_line(payload, seq, self._prev, self._prev_file, self._key, lost=self._lost or None)

    def write(self, record: AuditRecord) -> int:
        """Append one record; returns its seq. Raises AuditError when it could not be written; the
        loss is then counted, kept in the head anchor, and stated by the next line that is written."""
        payload = record.to_native() if self.fmt == "native" else to_ocsf(record)
        with self._lock:
            if self._closed:
                raise AuditError(f"{self.path}: writer is closed")
            seq = self._seq + 1
            try:
                data, digest = self._encode(payload, seq)
                if self._file.must_rotate(len(data)):
                    rotated = self._file.rotate()
                    if rotated is not None:
                        self._prev_file = rotated.name
                        data, digest = self._encode(payload, seq)  # now with prev_file
                self._file.append(data)
            except OSError as exc:
                self._lost += 1
                self.lost_total += 1
                self._anchor()
                raise AuditError(f"{self.path}: audit record {seq} not written: {exc}") from exc
            self._seq, self._prev, self._prev_file, self._lost = seq, digest, None, 0
            self._anchor()
            return seq

    def _anchor(self) -> None:
        try:
            self._head.update(self._seq, self._prev, self._lost)
        except OSError:
            pass  # the trail itself is what counts; verify reports an anchor behind the trail

    @property
    def last(self) -> tuple[int, str]:
        """(seq, hash) of the last record written or resumed: an anchor worth keeping elsewhere."""
        with self._lock:
            return self._seq, self._prev

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                self._file.close()
                self._head.close()
            finally:
                self._release_process_lock()

    def __enter__(self) -> "AuditWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_BUSY_FALLBACKS = 20


def open_writer(path: Path, max_bytes: int, fmt: str) -> AuditWriter:
    """The writer for `path`; if another process holds it (a second session), a numbered sibling."""
    try:
        return AuditWriter(path, max_bytes, fmt)  # type: ignore[arg-type]
    except AuditError as exc:
        if "another process" not in str(exc):
            raise
    for n in range(2, _BUSY_FALLBACKS + 1):
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        try:
            writer = AuditWriter(candidate, max_bytes, fmt)  # type: ignore[arg-type]
        except AuditError as exc:
            if "another process" not in str(exc):
                raise
            continue
        log.warning("audit file %s is in use by another process; this one writes %s", path, candidate)
        return writer
    raise AuditError(f"{path}: it and {_BUSY_FALLBACKS - 1} numbered siblings are all in use")
