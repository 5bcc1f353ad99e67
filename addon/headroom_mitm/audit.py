"""Egress audit trail: one JSON line per tunnel or request, hash-chained and append-only.

Each line carries ``seq`` (1, 2, 3 … across rotated files), ``prev`` (the ``hash`` of the line
before it; the first line of a chain has ``GENESIS``) and ``hash`` = "sha256:" + SHA-256 over the
canonical JSON (sorted keys, no spaces, UTF-8) of the whole line without ``hash`` — so it covers
``prev`` and ``seq``. Changing, removing, inserting or reordering any line breaks the chain at that
point; ``verify`` says where. With an HMAC key the hash is "hmac-sha256:…" and cannot be recomputed
by someone who can edit the file but does not hold the key.

Durability: each line is written with one ``write(2)`` on an O_APPEND descriptor, without a
user-space buffer. Once ``write()`` returns the bytes are in the kernel, so killing the process
(SIGKILL included) loses no record that was written. ``fsync=True`` additionally forces them to
disk per record, which only matters for power loss or a kernel crash, at a real latency cost.

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

import argparse
import copy
import hashlib
import hmac
import ipaddress
import json
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Literal, Sequence

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

from headroom_mitm import __version__
from headroom_mitm.redact import redact_url
from headroom_mitm.rotation import rotated_files, rotated_name, with_rotated

try:  # advisory single-writer lock; absent on Windows, where we simply skip it
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

GENESIS = "sha256:" + "0" * 64
OCSF_VERSION = "1.3.0"
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_FINGERPRINT = re.compile(r"^sha256:[0-9a-f]{12}$")

FlowClass = Literal["llm", "telemetry", "loopback", "other"]
Format = Literal["native", "ocsf"]


class AuditError(Exception):
    """The audit trail cannot be written (or resumed) safely."""


# ---- the record (pydantic, at the edge) -------------------------------------------------------------


class AuditRecord(BaseModel):
    """One audited flow. Built by the addon from plain data; never holds a secret."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    v: Literal[1] = 1
    time: datetime  # when the flow started (CONNECT or request), serialised as ISO-8601 UTC
    client_ip: str | None = None
    client_port: int | None = None
    session: str | None = None  # OpenCode session id, when known
    host: str
    port: int
    sni: str | None = None
    flow_class: FlowClass = Field(alias="class")
    provider: str | None = None
    model: str | None = None
    method: str | None = None  # intercepted requests only
    path: str | None = None  # intercepted requests only; query secrets redacted on the way in
    status: int | None = None
    bytes_up: int = Field(default=0, ge=0)
    bytes_down: int = Field(default=0, ge=0)
    duration_ms: int = Field(default=0, ge=0)
    decision: Literal["allow", "deny"]
    rule: str | None = None
    reason: str | None = None
    key_fingerprint: str | None = None
    kind: Literal["tunnel", "request"]

    @field_validator("time")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("time must be timezone-aware")
        return value.astimezone(timezone.utc)

    @field_validator("path")
    @classmethod
    def _redacted_path(cls, value: str | None) -> str | None:
        # Defence in depth: the caller should redact, but a key in the audit trail is unrecoverable.
        return None if value is None else redact_url(value)

    @field_validator("key_fingerprint")
    @classmethod
    def _fingerprint_shape(cls, value: str | None) -> str | None:
        if value is not None and not _FINGERPRINT.match(value):
            raise ValueError('key_fingerprint must be "sha256:" + 12 hex digits (see redact.fingerprint)')
        return value

    @field_validator("duration_ms", mode="before")
    @classmethod
    def _whole_ms(cls, value: Any) -> Any:
        # Floats would make the canonical JSON (and so the hash) depend on float formatting.
        return round(value) if isinstance(value, float) else value

    @field_serializer("time")
    def _iso(self, value: datetime) -> str:
        return value.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def to_native(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


# ---- OCSF HTTP Activity (4002) ------------------------------------------------------------------------

_ACTIVITY = {"CONNECT": 1, "DELETE": 2, "GET": 3, "HEAD": 4, "OPTIONS": 5, "POST": 6, "PUT": 7, "TRACE": 8}


def _ms(value: datetime) -> int:
    return (value - _EPOCH) // timedelta(milliseconds=1)


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        return False
    return True


def _compact(obj: dict[str, Any]) -> dict[str, Any]:
    # OCSF omits absent attributes rather than sending nulls.
    return {k: v for k, v in obj.items() if v is not None and v != {}}


def to_ocsf(record: AuditRecord) -> dict[str, Any]:
    """Map a record onto an OCSF 1.3.0 HTTP Activity event (without the chain fields)."""
    method = (record.method or ("CONNECT" if record.kind == "tunnel" else "")).upper()
    if method in _ACTIVITY:
        activity_id, activity_name = _ACTIVITY[method], method.capitalize()
    elif method:
        activity_id, activity_name = 99, method
    else:
        activity_id, activity_name = 0, "Unknown"
    type_caption = "Other" if activity_id == 99 else activity_name
    start = _ms(record.time)
    denied = record.decision == "deny"
    failed = denied or (record.status is not None and record.status >= 400)

    path: str | None = None
    query: str | None = None
    if record.path is not None:
        path, _, q = record.path.partition("?")
        query = q or None
    dst: dict[str, Any] = {"ip": record.host.strip("[]")} if _is_ip(record.host) else {"hostname": record.host}
    dst["port"] = record.port

    extras = _compact(
        {
            "class": record.flow_class,
            "provider": record.provider,
            "model": record.model,
            "session": record.session,
            "sni": record.sni,
            "key_fingerprint": record.key_fingerprint,
            "kind": record.kind,
        }
    )
    return _compact(
        {
            "activity_id": activity_id,
            "activity_name": activity_name,
            "category_uid": 4,
            "category_name": "Network Activity",
            "class_uid": 4002,
            "class_name": "HTTP Activity",
            "type_uid": 4002 * 100 + activity_id,
            "type_name": f"HTTP Activity: {type_caption}",
            "severity_id": 1,
            "severity": "Informational",
            "time": start,
            "start_time": start,
            "end_time": start + record.duration_ms,
            "duration": record.duration_ms,
            "status_id": 2 if failed else 1,
            "status": "Failure" if failed else "Success",
            "status_detail": record.reason,
            "action_id": 2 if denied else 1,
            "action": "Denied" if denied else "Allowed",
            "disposition_id": 2 if denied else 1,
            "disposition": "Blocked" if denied else "Allowed",
            "message": f"{record.decision} {method or '?'} {record.host}:{record.port}{record.path or ''}",
            "metadata": {
                "version": OCSF_VERSION,
                "product": {"name": "headroom-mitm", "vendor_name": "headroom-mitm", "version": __version__},
                "profiles": ["security_control"],
                "log_name": "egress-audit",
            },
            "src_endpoint": _compact({"ip": record.client_ip, "port": record.client_port}),
            "dst_endpoint": dst,
            "http_request": _compact(
                {
                    "http_method": method or None,
                    "url": _compact({"hostname": record.host, "port": record.port, "path": path, "query_string": query}),
                }
            ),
            "http_response": {"code": record.status} if record.status is not None else None,
            "http_status": record.status,
            "traffic": {"bytes_out": record.bytes_up, "bytes_in": record.bytes_down, "bytes": record.bytes_up + record.bytes_down},
            "firewall_rule": {"name": record.rule} if record.rule else None,
            "unmapped": {"headroom": extras},
        }
    )


# ---- the chain (pure) ---------------------------------------------------------------------------------


def canonical_json(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


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


def seal(payload: dict[str, Any], seq: int, prev: str, prev_file: str | None = None, hmac_key: bytes | None = None) -> dict[str, Any]:
    """Add the chain fields to a native or OCSF payload and return the line object."""
    chain: dict[str, Any] = {"seq": seq}
    if prev_file is not None:
        chain["prev_file"] = prev_file
    chain["prev"] = prev
    if "class_uid" in payload:
        line = copy.deepcopy(payload)
        line["metadata"]["sequence"] = seq
        line.setdefault("unmapped", {})["chain"] = chain
        chain["hash"] = _digest(line, hmac_key)
        return line
    line = {"seq": seq, **payload, **{k: v for k, v in chain.items() if k != "seq"}}
    line["hash"] = _digest(line, hmac_key)
    return line


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
    """Thread-safe, append-only, hash-chained JSONL writer with size-based rotation."""

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
        self.max_bytes = max_bytes or None
        self.fmt: Format = fmt
        self.fsync = fsync
        self._key = hmac_key
        self._lock = threading.Lock()
        self._closed = False
        self._broken = False  # a failed write may have left a partial line: rotate before the next one
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._lock_fd = self._take_process_lock()
        try:
            self._seq, self._prev, self._prev_file = self._resume()
            self._fd = self._open()
            self._size = os.fstat(self._fd).st_size
        except BaseException:
            self._release_process_lock()
            raise

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

    def _open(self) -> int:
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # tighten a file someone created with a looser mode
        return fd

    def _rotated_name(self) -> Path:
        return rotated_name(self.path)

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
            os.rename(self.path, self._rotated_name())
        older = rotated_files(self.path)
        prev_file = older[-1].name if older else None
        for candidate in reversed(older):
            raw, _torn = _read_tail(candidate)
            if raw is not None:
                seq, digest = self._state_from(candidate, raw)
                return seq, digest, prev_file
        return 0, GENESIS, prev_file

    # -- writing

    def _rotate_locked(self) -> None:
        os.close(self._fd)
        target = self._rotated_name()
        try:
            os.rename(self.path, target)
            self._prev_file = target.name
        except FileNotFoundError:
            pass  # removed behind our back; the next file still chains by prev
        self._fd = self._open()
        self._size = os.fstat(self._fd).st_size
        self._broken = False

    def _encode(self, payload: dict[str, Any], seq: int) -> tuple[bytes, str]:
        line = seal(payload, seq, self._prev, self._prev_file, self._key)
        data = (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
        return data, _chain_of(line)["hash"]

    def write(self, record: AuditRecord) -> int:
        """Append one record; returns its seq. Raises AuditError when it could not be written."""
        payload = record.to_native() if self.fmt == "native" else to_ocsf(record)
        with self._lock:
            if self._closed:
                raise AuditError(f"{self.path}: writer is closed")
            seq = self._seq + 1
            try:
                data, digest = self._encode(payload, seq)
                too_big = self.max_bytes is not None and self._size > 0 and self._size + len(data) > self.max_bytes
                if self._broken or too_big:
                    self._rotate_locked()
                    data, digest = self._encode(payload, seq)  # now with prev_file
                view = memoryview(data)
                while view:
                    written = os.write(self._fd, view)
                    view = view[written:]
                if self.fsync:
                    os.fsync(self._fd)
            except OSError as exc:
                self._broken = True
                raise AuditError(f"{self.path}: audit record {seq} not written: {exc}") from exc
            self._size += len(data)
            self._seq, self._prev, self._prev_file = seq, digest, None
            return seq

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
                os.close(self._fd)
            finally:
                self._release_process_lock()

    def __enter__(self) -> "AuditWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---- verification -------------------------------------------------------------------------------------


@dataclass
class VerifyResult:
    ok: bool
    records: int
    problems: list[str]
    notes: list[str] = field(default_factory=list)  # not tampering: torn tails, where the chain starts
    last_seq: int | None = None
    last_hash: str | None = None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A duplicated key could show one value to a reader and hash another.
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError(f"duplicate key {key!r}")
        obj[key] = value
    return obj


def verify(
    paths: Sequence[str | os.PathLike[str]],
    *,
    hmac_key: bytes | None = None,
    anchor: str | None = None,
) -> VerifyResult:
    """Check the chain across `paths` (oldest first; see chain_files).

    Every problem names file:line and, where readable, the record's seq. `anchor` is the hash the
    first record must follow when the files do not start at the beginning of the chain (e.g. the
    ``last_hash`` of an earlier verification); without it the chain must start at GENESIS.
    """
    files = [Path(p) for p in paths]
    problems: list[str] = []
    notes: list[str] = []
    expected_prev = anchor or GENESIS
    expected_seq: int | None = None if anchor else 1
    last_where: str | None = None
    resync = False  # after an unreadable line, take the next good line as the new baseline
    count = 0
    last_seq: int | None = None

    for index, path in enumerate(files):
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(f"{path}: cannot read: {exc.strerror or exc}")
            resync = True
            continue
        lines = data.split(b"\n")
        tail = lines.pop()
        if not lines and not tail:
            notes.append(f"{path}: empty file")
        first_in_file = True
        for lineno, raw in enumerate(lines, 1):
            loc = f"{path}:{lineno}"
            if not raw.strip():
                problems.append(f"{loc}: blank line inside the trail (lines were removed or edited)")
                continue
            try:
                obj = json.loads(raw, object_pairs_hook=_no_duplicate_keys)
                chain = _chain_of(obj)
                seq, prev, digest = chain["seq"], chain["prev"], chain["hash"]
                if not (isinstance(seq, int) and isinstance(prev, str) and isinstance(digest, str)):
                    raise ValueError("seq/prev/hash have the wrong types")
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                problems.append(f"{loc}: not a chained audit record ({exc}): edited or corrupted")
                resync = True
                first_in_file = False
                continue
            where = f"{loc} (seq {seq})"

            keyed = digest.startswith("hmac-sha256:")
            if keyed and hmac_key is None:
                problems.append(f"{where}: record is HMAC-keyed; verify with the key")
            elif hmac_key is not None and not keyed:
                problems.append(f"{where}: unkeyed record in a keyed trail: rewritten without the key")
            elif line_hash(obj, hmac_key if keyed else None) != digest:
                problems.append(f"{where}: content does not match its hash: the record was edited")

            if first_in_file and index > 0:
                given = files[index - 1].name
                stated = chain.get("prev_file")
                if stated is not None and stated != given:
                    problems.append(
                        f"{where}: file says it follows {stated!r} but the file given before it is {given!r} "
                        "(files missing or out of order)"
                    )

            if not resync:
                if expected_seq is not None and seq != expected_seq and last_where is not None:
                    if seq > expected_seq:
                        problems.append(
                            f"{where}: seq jumps from {expected_seq - 1} to {seq}: "
                            f"{seq - expected_seq} record(s) missing before this line"
                        )
                    else:
                        problems.append(
                            f"{where}: seq {seq} does not follow seq {expected_seq - 1} ({last_where}): "
                            "a record was inserted, duplicated or reordered"
                        )
                if last_where is None and anchor is None and prev == GENESIS and seq != 1:
                    problems.append(f"{where}: the chain starts at seq {seq}, not 1")
                if prev != expected_prev:
                    if last_where is None:
                        origin = "the given anchor" if anchor else "the start of the chain"
                        after = f" (it follows file {chain['prev_file']!r})" if chain.get("prev_file") else ""
                        problems.append(
                            f"{where}: does not follow {origin}{after}: earlier records or files are missing; "
                            "pass them too, or pass anchor="
                        )
                    else:
                        problems.append(
                            f"{where}: prev does not match the hash of the record before it ({last_where}): "
                            "a record was edited, removed, inserted or reordered"
                        )
            resync = False
            expected_prev, expected_seq, last_where = digest, seq + 1, where
            last_seq = seq
            count += 1
            first_in_file = False
        if tail:
            notes.append(
                f"{path}:{len(lines) + 1}: incomplete tail ({len(tail)} bytes without a newline), not verified: "
                "a write cut short by a crash"
            )
    if count and last_where is not None:
        notes.append(f"verified through {last_where}")
    return VerifyResult(
        ok=not problems,
        records=count,
        problems=problems,
        notes=notes,
        last_seq=last_seq,
        last_hash=expected_prev if count else None,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m headroom_mitm.audit verify FILE…` — exit 0 when the chain holds, 1 otherwise."""
    parser = argparse.ArgumentParser(prog="headroom-mitm-audit", description="Verify a headroom-mitm audit trail.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("verify", help="verify the hash chain")
    check.add_argument("files", nargs="+", type=Path, help="files oldest first; a single active file pulls in its rotated siblings")
    check.add_argument("--hmac-key-file", type=Path, help="file holding the HMAC key the trail was written with")
    check.add_argument("--anchor", help="hash the first record must follow (from an earlier verification)")
    args = parser.parse_args(argv)

    files: list[Path] = args.files
    if len(files) == 1:
        files = chain_files(files[0]) or files  # the active file brings its rotated predecessors
    key = args.hmac_key_file.read_bytes().strip() if args.hmac_key_file else None
    result = verify(files, hmac_key=key, anchor=args.anchor)
    for problem in result.problems:
        print(f"PROBLEM {problem}")
    for note in result.notes:
        print(f"note    {note}")
    status = "OK" if result.ok else "FAILED"
    print(f"{status}: {result.records} records in {len(files)} file(s); last seq {result.last_seq}, last hash {result.last_hash}")
    return 0 if result.ok else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
