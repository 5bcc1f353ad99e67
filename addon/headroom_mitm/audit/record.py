"""The audit record (native) and its OCSF 1.3 HTTP Activity (class 4002) rendering."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

from headroom_mitm import __version__
from headroom_mitm.redact import redact_url

from ..facts import FlowClass


OCSF_VERSION = "1.3.0"
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_FINGERPRINT = re.compile(r"^sha256:[0-9a-f]{12}$")
_CLASSES = frozenset(c.value for c in FlowClass)
_DECISIONS = frozenset({"allow", "deny"})
_KINDS = frozenset({"tunnel", "request"})

Format = Literal["native", "ocsf"]


class AuditError(Exception):
    """The audit trail cannot be written (or resumed) safely."""


# ---- the record (plain data, built once per flow on the hot path) ------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditRecord:
    """One audited flow. Built by the addon from plain data; never holds a secret. The checks in
    __post_init__ are the few that keep a secret or an unhashable value out of the trail; they are
    set lookups and one short regex, not a validation pass."""

    time: datetime  # when the flow started (CONNECT or request), serialised as ISO-8601 UTC
    host: str
    port: int
    flow_class: str  # "class" in the JSON line
    decision: str  # "allow" | "deny"
    kind: str  # "tunnel" | "request"
    client_ip: str | None = None
    client_port: int | None = None
    session: str | None = None  # OpenCode session id, when known
    user: str | None = None  # the proxy user the client authenticated as (never the password)
    sni: str | None = None
    provider: str | None = None
    model: str | None = None
    method: str | None = None  # intercepted requests only
    path: str | None = None  # intercepted requests only; query secrets redacted here
    status: int | None = None
    bytes_up: int = 0
    bytes_down: int = 0
    duration_ms: int = 0
    rule: str | None = None
    reason: str | None = None
    key_fingerprint: str | None = None

    def __post_init__(self) -> None:
        if self.time.tzinfo is None:
            raise ValueError("time must be timezone-aware")
        if self.flow_class not in _CLASSES or self.decision not in _DECISIONS or self.kind not in _KINDS:
            raise ValueError(f"bad class/decision/kind: {self.flow_class!r}/{self.decision!r}/{self.kind!r}")
        if self.key_fingerprint is not None and not _FINGERPRINT.match(self.key_fingerprint):
            raise ValueError('key_fingerprint must be "sha256:" + 12 hex digits (see redact.fingerprint)')
        if isinstance(self.duration_ms, float):
            # Floats would make the canonical JSON (and so the hash) depend on float formatting.
            object.__setattr__(self, "duration_ms", round(self.duration_ms))
        if self.bytes_up < 0 or self.bytes_down < 0 or self.duration_ms < 0:
            raise ValueError("byte counts and duration must be ≥ 0")
        if self.path is not None:
            # The one place paths are redacted: a key in the audit trail is unrecoverable.
            object.__setattr__(self, "path", redact_url(self.path))

    def iso_time(self) -> str:
        return self.time.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def to_native(self) -> dict[str, Any]:
        """The JSON shape of a native line (without the chain fields)."""
        return {
            "v": 1,
            "time": self.iso_time(),
            "client_ip": self.client_ip,
            "client_port": self.client_port,
            "session": self.session,
            "user": self.user,
            "host": self.host,
            "port": self.port,
            "sni": self.sni,
            "class": str(self.flow_class),
            "provider": self.provider,
            "model": self.model,
            "method": self.method,
            "path": self.path,
            "status": self.status,
            "bytes_up": self.bytes_up,
            "bytes_down": self.bytes_down,
            "duration_ms": self.duration_ms,
            "decision": self.decision,
            "rule": self.rule,
            "reason": self.reason,
            "key_fingerprint": self.key_fingerprint,
            "kind": self.kind,
        }


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
            "class": str(record.flow_class),
            "provider": record.provider,
            "model": record.model,
            "session": record.session,
            "user": record.user,
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
