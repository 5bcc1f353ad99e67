"""The head anchor: the chain's last (seq, hash) and the count of records lost, kept beside the trail.

``<trail>.head`` lets ``audit verify`` tell a trail whose tail was cut off (the anchor names a seq
the trail does not reach) and how many records could not be written at all. It is a fixed 512-byte
file of two 256-byte slots, written alternately in place with one ``pwrite``: overwriting bytes the
file already holds needs no new disk blocks, so the anchor still records a loss on a full disk, and
a write torn by a crash spoils one slot while the other still holds the previous state. Each slot
carries a check over its content (an HMAC when the trail is keyed, so it cannot be forged without
the key); the reader takes the valid slot with the highest ``n``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

SLOT = 256
_PAD = b" "


@dataclass(frozen=True)
class Head:
    seq: int  # last record written (0: none yet)
    hash: str  # its hash (GENESIS when none)
    lost: int = 0  # records that could not be written and are not yet noted in the trail
    n: int = 0  # update counter: picks the newer slot


def head_path(trail: str | os.PathLike[str]) -> Path:
    trail = Path(trail)
    return trail.with_name(trail.name + ".head")


def _check(body: bytes, key: bytes | None) -> str:
    if key is not None:
        return hmac.new(key, body, hashlib.sha256).hexdigest()[:32]
    return hashlib.sha256(body).hexdigest()[:32]


def encode_slot(head: Head, key: bytes | None = None) -> bytes:
    # Formatted by hand (once per audit record): the same bytes json.dumps gives for these fields,
    # the hash being our own "sha256:<hex>" text.
    body = f'{{"seq":{int(head.seq)},"hash":"{head.hash}","lost":{int(head.lost)},"n":{int(head.n)}}}'
    line = f'{{"head":{body},"check":"{_check(body.encode(), key)}"}}'.encode()
    if len(line) >= SLOT:
        raise ValueError("head anchor slot overflow")
    return line + _PAD * (SLOT - 1 - len(line)) + b"\n"


def decode_slot(raw: bytes, key: bytes | None = None) -> Head | None:
    try:
        obj = json.loads(raw)
        fields = obj["head"]
        body = json.dumps(fields, separators=(",", ":")).encode()
        if not hmac.compare_digest(str(obj["check"]), _check(body, key)):
            return None
        head = Head(int(fields["seq"]), str(fields["hash"]), int(fields["lost"]), int(fields["n"]))
    except (ValueError, KeyError, TypeError):
        return None
    return head if head.seq >= 0 and head.lost >= 0 else None


def read_head(path: str | os.PathLike[str], key: bytes | None = None) -> Head | None:
    """The newest valid slot, or None (no file, or neither slot valid)."""
    try:
        data = Path(path).read_bytes()[: 2 * SLOT]
    except OSError:
        return None
    slots = [decode_slot(data[i : i + SLOT], key) for i in (0, SLOT)]
    valid = [h for h in slots if h is not None]
    return max(valid, key=lambda h: h.n) if valid else None


class HeadAnchor:
    """Writer side; its owner serialises calls. `update` raises OSError when the slot could not be written."""

    def __init__(self, path: str | os.PathLike[str], key: bytes | None = None) -> None:
        self.path = Path(path)
        self._key = key
        existing = read_head(self.path, key)
        self._n = existing.n if existing is not None else 0
        self.found = existing
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(self._fd, 0o600)
            if os.fstat(self._fd).st_size < 2 * SLOT:
                # Allocate both slots now, while there is room: later updates overwrite in place.
                blank = encode_slot(existing or Head(0, ""), key) if existing else _PAD * (SLOT - 1) + b"\n"
                os.pwrite(self._fd, blank * 2, 0)
        except BaseException:
            os.close(self._fd)
            raise

    def update(self, seq: int, digest: str, lost: int) -> None:
        self._n += 1
        os.pwrite(self._fd, encode_slot(Head(seq, digest, lost, self._n), self._key), (self._n % 2) * SLOT)

    def close(self) -> None:
        os.close(self._fd)
