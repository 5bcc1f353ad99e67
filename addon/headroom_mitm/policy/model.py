"""Egress policy: which hosts, traffic classes, providers and models the agent may reach.

The policy file (YAML, or JSON when it ends in .json) looks like::

    version: 1
    default: allow            # what happens when no rule matches
    rules:
      - name: no-telemetry
        action: deny
        class: telemetry
      - name: no-big-gpt4
        action: deny
        provider: openai
        model: "gpt-4*"
      - name: llm-capped
        action: allow
        class: llm
        max_request_bytes: 4000000

Semantics (first match wins, like a firewall rule list):

* A rule matches when every condition it states matches; a condition given as a list matches when
  any entry matches. Host, provider and model conditions are case-insensitive globs (``*``, ``?``,
  ``[...]``); ``*.example.com`` matches sub-domains only, add ``example.com`` for the apex.
* Rules are tried in order; the first matching rule decides. No match: ``default``.
* ``max_request_bytes`` (allow rules only) is a cap: a request the rule matches that is larger is
  denied *by that rule*. Smaller requests are allowed by it.
* A request whose model is unknown never matches a ``model`` condition; a request whose body must be
  read for a ``model`` or size rule but cannot be (too large, undecodable, malformed or too deeply
  nested JSON) is refused before it is sent.
* ``users`` matches the proxy user name (``--proxy-auth``, an htpasswd file); a flow without one
  never matches it.
* At CONNECT time only host, port, class and provider are known. A rule that also needs the model or
  the size cannot decide the tunnel: a deny rule of that kind is skipped (it may still deny single
  requests later), an allow rule of that kind allows the tunnel so that the request-level check can
  run. ``Decision.inspect`` is then true: the proxy must intercept that connection and call
  ``decide_request`` for each request, and must refuse it if it cannot intercept.

First-match was chosen over deny-overrides because an ordered list is what firewall and proxy
administrators already read, and it allows narrow exceptions ("allow this model, deny the rest of
the provider") without a second rule language.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import stat
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Sequence

from ..facts import normalize_host

if TYPE_CHECKING:
    from .fileformat import PolicyModel

Action = Literal["allow", "deny"]


class PolicyError(Exception):
    """A policy file that cannot be used. `str()` names the file, the field and the problem."""

    def __init__(self, path: str, problems: Sequence[tuple[str, str]]):
        self.path = path
        self.problems = list(problems)  # (field, problem); field "" means the whole file
        parts = [f"{path}: {field}: {problem}" if field else f"{path}: {problem}" for field, problem in self.problems]
        super().__init__("; ".join(parts))


# ---- the compiled policy (plain dataclasses) --------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    allowed: bool
    rule: str  # rule name, "rules[i]" for an unnamed rule, or "default"
    reason: str
    inspect: bool = False  # tunnels only: request-level rules may still decide, so intercept


@dataclass(frozen=True)
class Rule:
    id: str
    action: Action
    hosts: tuple[str, ...] | None
    ports: tuple[int, ...] | None
    classes: tuple[str, ...] | None
    providers: tuple[str, ...] | None
    models: tuple[str, ...] | None
    max_request_bytes: int | None
    users: tuple[str, ...] | None = None

    @property
    def request_only(self) -> bool:
        """True when the rule needs facts only a request has (model, size)."""
        return self.models is not None or self.max_request_bytes is not None

    def matches_connection(
        self, host: str, port: int | None, flow_class: str, provider: str | None, user: str | None = None
    ) -> bool:
        if self.users is not None and (not user or not _glob_any(user, self.users)):
            return False
        if self.hosts is not None and not _glob_any(host, self.hosts):
            return False
        if self.ports is not None and port not in self.ports:
            return False
        if self.classes is not None and flow_class not in self.classes:
            return False
        if self.providers is not None and (provider is None or not _glob_any(provider, self.providers)):
            return False
        return True

    def matches_model(self, model: str | None) -> bool:
        return self.models is None or (model is not None and _glob_any(model, self.models))


def _glob_any(value: str, patterns: tuple[str, ...]) -> bool:
    value = value.lower()
    return any(fnmatch.fnmatchcase(value, pattern) for pattern in patterns)


def _lower(values: list[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(v.strip().lower() for v in values)


@dataclass(frozen=True)
class Policy:
    default: Action
    rules: tuple[Rule, ...]
    source: str = "<built-in>"
    digest: str = ""  # "sha256:…" of the file bytes, so an audit trail can say which policy decided

    @classmethod
    def allow_all(cls) -> "Policy":
        return cls(default="allow", rules=())

    @classmethod
    def from_model(cls, model: PolicyModel, source: str = "<inline>", digest: str = "") -> "Policy":
        rules = tuple(
            Rule(
                id=r.name or f"rules[{i}]",
                action=r.action,
                hosts=None if r.host is None else tuple(normalize_host(h) for h in r.host),
                ports=None if r.port is None else tuple(r.port),
                classes=None if r.flow_class is None else tuple(r.flow_class),
                providers=_lower(r.provider),
                models=_lower(r.model),
                max_request_bytes=r.max_request_bytes,
                users=_lower(r.users),
            )
            for i, r in enumerate(model.rules)
        )
        return cls(default=model.default, rules=rules, source=source, digest=digest)

    def _default(self, what: str) -> Decision:
        allowed = self.default == "allow"
        return Decision(allowed, "default", f"no rule matched {what}; default {self.default}")

    def needs_body(
        self, host: str, port: int | None, flow_class: str, provider: str | None, user: str | None = None
    ) -> bool:
        """True when a rule that needs the body (model, size) comes before any rule that decides this
        request from its headers alone: the body must then be read before the request may go."""
        host = normalize_host(host)
        for rule in self.rules:
            if rule.matches_connection(host, port, flow_class, provider, user):
                return rule.request_only
        return False

    def decide_connection(
        self, host: str, port: int | None, flow_class: str, provider: str | None, user: str | None = None
    ) -> Decision:
        """Decide a CONNECT (or any flow before its request is known). See the module docstring."""
        host = normalize_host(host)
        what = f"{host}:{port}" if port is not None else host
        deferred: list[str] = []  # request-level deny rules skipped on the way
        for rule in self.rules:
            if not rule.matches_connection(host, port, flow_class, provider, user):
                continue
            if rule.action == "allow":
                inspect = rule.request_only or bool(deferred)
                why = "allowed" + (" subject to request-level rules" if inspect else "")
                return Decision(True, rule.id, f"{what} {why} by rule {rule.id}", inspect=inspect)
            if not rule.request_only:
                return Decision(False, rule.id, f"{what} denied by rule {rule.id}")
            deferred.append(rule.id)
        decision = self._default(what)
        if decision.allowed and deferred:
            return Decision(True, "default", decision.reason + f" (requests checked against {', '.join(deferred)})", True)
        return decision

    def decide_request(
        self,
        host: str,
        flow_class: str,
        provider: str | None,
        model: str | None,
        request_bytes: int,
        port: int | None = None,
        user: str | None = None,
    ) -> Decision:
        """Decide one intercepted request; the first matching rule decides."""
        host = normalize_host(host)
        for rule in self.rules:
            if not (rule.matches_connection(host, port, flow_class, provider, user) and rule.matches_model(model)):
                continue
            subject = f"request to {host}" + (f" for model {model}" if model else "")
            if rule.action == "deny":
                return Decision(False, rule.id, f"{subject} denied by rule {rule.id}")
            if rule.max_request_bytes is not None and request_bytes > rule.max_request_bytes:
                return Decision(
                    False,
                    rule.id,
                    f"{subject} is {request_bytes} bytes, over max_request_bytes {rule.max_request_bytes} of rule {rule.id}",
                )
            return Decision(True, rule.id, f"{subject} allowed by rule {rule.id}")
        return self._default(f"request to {host}")


# ---- loading ----------------------------------------------------------------------------------------


def _parse(path: Path, raw: bytes) -> Any:
    text = raw.decode("utf-8")
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise PolicyError(str(path), [("", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")])
    import yaml  # only a YAML policy file pays for it

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise PolicyError(str(path), [("", f"invalid YAML{where}: {problem}")])


def parse_policy(data: Any, source: str = "<inline>", digest: str = "") -> Policy:
    """Validate already-parsed policy data (a mapping) and compile it."""
    if data is None:
        raise PolicyError(source, [("", "the policy file is empty")])
    if not isinstance(data, dict):
        raise PolicyError(source, [("", f"the top level must be a mapping, not {type(data).__name__}")])
    from .fileformat import validate  # pydantic: loaded only when there is a policy file

    return Policy.from_model(validate(data, source), source=source, digest=digest)


MAX_POLICY_BYTES = 4 << 20


def _read_regular(path: Path) -> bytes:
    """The file's bytes, if it is a regular file of a sane size. O_NONBLOCK: opening a FIFO must not
    wait for a writer (on the main thread, that would also hold off SIGTERM after a SIGHUP)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError("not a regular file (a FIFO, device or directory cannot be a policy)")
        if st.st_size > MAX_POLICY_BYTES:
            raise ValueError(f"larger than {MAX_POLICY_BYTES >> 20} MiB")
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_POLICY_BYTES:
                raise ValueError(f"larger than {MAX_POLICY_BYTES >> 20} MiB")
        return b"".join(chunks)
    finally:
        os.close(fd)


def load_policy(path: str | os.PathLike[str]) -> Policy:
    """Read, validate and compile a policy file. Raises PolicyError naming the file, field and problem."""
    path = Path(path)
    try:
        raw = _read_regular(path)
    except OSError as exc:
        raise PolicyError(str(path), [("", f"cannot read the file: {exc.strerror or exc}")]) from None
    except ValueError as exc:
        raise PolicyError(str(path), [("", str(exc))]) from None
    try:
        data = _parse(path, raw)
    except UnicodeDecodeError:
        raise PolicyError(str(path), [("", "the file is not UTF-8 text")]) from None
    digest = "sha256:" + hashlib.sha256(raw).hexdigest()
    return parse_policy(data, source=str(path), digest=digest)


class PolicyHolder:
    """The current policy of a running proxy, reloadable without a restart.

    A bad file at start-up raises (fail closed: the proxy should not run with an unknown policy);
    a bad file on reload keeps the policy that is in force and says why.
    """

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._policy = load_policy(self.path)

    @property
    def policy(self) -> Policy:
        with self._lock:
            return self._policy

    def reload(self) -> tuple[bool, str]:
        try:
            new = load_policy(self.path)
        except PolicyError as exc:
            with self._lock:
                kept = self._policy.digest or "previous policy"
            return False, f"policy not reloaded, keeping {kept}: {exc}"
        with self._lock:
            old = self._policy
            self._policy = new
        if old.digest == new.digest:
            return True, f"policy {self.path} unchanged ({new.digest})"
        return True, f"policy {self.path} reloaded: {len(new.rules)} rules, default {new.default} ({new.digest})"
