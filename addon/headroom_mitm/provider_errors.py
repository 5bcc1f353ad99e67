"""Errors the proxy makes itself (policy refusals, loop guard, upstream unreachable), in each provider's
own error shape, so the agent's SDK parses them like a real provider error and shows the message.

Shapes, as documented by the providers:
- OpenAI (Chat Completions and Responses): {"error": {"message", "type", "param", "code"}}.
- Anthropic: {"type": "error", "error": {"type", "message"}}, with the type named by status
  (platform.claude.com/docs/en/api/errors: 400 invalid_request_error — also "other 4XX not listed" —,
  401 authentication_error, 402 billing_error, 403 permission_error, 404 not_found_error,
  413 request_too_large, 429 rate_limit_error, 500 api_error, 504 timeout_error, 529 overloaded_error).
- Gemini: {"error": {"code": <http status>, "message", "status": <google.rpc.Code name>}}, the name from
  google.rpc.Code's documented HTTP mapping.

Every reply carries `x-should-retry: true|false`, the header the Stainless-generated OpenAI and Anthropic
SDKs obey over their own status-based retry rules.
"""

from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from .facts import ApiFormat

if TYPE_CHECKING:
    from mitmproxy import http

__all__ = ["ErrorReply", "error_response", "fail_closed", "refuse"]

log = logging.getLogger(__name__)
_Hook = TypeVar("_Hook", bound=Callable[..., Any])


@dataclass(frozen=True)
class ErrorReply:
    status: int
    headers: dict[str, str]
    body: bytes


_ANTHROPIC_TYPES: dict[int, str] = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "billing_error",
    403: "permission_error",
    404: "not_found_error",
    413: "request_too_large",
    429: "rate_limit_error",
    500: "api_error",
    504: "timeout_error",
    529: "overloaded_error",
}

_GOOGLE_STATUS: dict[int, str] = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    429: "RESOURCE_EXHAUSTED",
    499: "CANCELLED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    # A proxy that cannot reach the upstream: Google's "retry just this call" code.
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}


def _reason_code(status: int) -> str:
    """ "forbidden", "bad_gateway", "loop_detected": a stable machine-readable code from the status."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        return f"http_{status}"
    return "_".join(phrase.lower().replace("-", " ").split())


def _anthropic_type(status: int) -> str:
    if status in _ANTHROPIC_TYPES:
        return _ANTHROPIC_TYPES[status]
    return "invalid_request_error" if status < 500 else "api_error"


def _google_status(status: int) -> str:
    if status in _GOOGLE_STATUS:
        return _GOOGLE_STATUS[status]
    # The system is not in a state that allows the call (a policy, a loop): FAILED_PRECONDITION.
    return "FAILED_PRECONDITION" if status < 500 else "INTERNAL"


def _body(api_format: ApiFormat | None, status: int, message: str, error_type: str | None) -> dict[str, Any]:
    if api_format in (ApiFormat.OPENAI_CHAT, ApiFormat.OPENAI_RESPONSES):
        # OpenAI itself reports client errors as invalid_request_error and its own faults as server_error.
        default = "invalid_request_error" if status < 500 else "server_error"
        return {
            "error": {
                "message": message,
                "type": error_type or default,
                "param": None,
                "code": _reason_code(status),
            }
        }
    if api_format is ApiFormat.ANTHROPIC_MESSAGES:
        return {"type": "error", "error": {"type": error_type or _anthropic_type(status), "message": message}}
    if api_format is ApiFormat.GEMINI:
        return {"error": {"code": status, "message": message, "status": error_type or _google_status(status)}}
    error: dict[str, Any] = {"message": message}
    if error_type:
        error["type"] = error_type
    return {"error": error}


def error_response(
    api_format: ApiFormat | None,
    status: int,
    message: str,
    *,
    should_retry: bool,
    error_type: str | None = None,
) -> ErrorReply:
    """An error reply in the shape the client of `api_format` expects.

    `error_type` overrides the format's type field (OpenAI `type`, Anthropic `error.type`, Gemini
    `status`); by default it is derived from `status`. `should_retry` must be False whenever the request
    may have reached the upstream (a proxy must not invite a repeat of a non-idempotent call it may have
    delivered) and for refusals that a retry cannot change (policy, loop).
    """
    if not 400 <= status <= 599:
        raise ValueError(f"error status must be 4xx or 5xx, got {status}")
    # A message built from upstream text may hold lone surrogates, which UTF-8 cannot carry.
    message = message.encode("utf-8", "replace").decode("utf-8")
    payload = _body(api_format, status, message, error_type)
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    headers = {
        "content-type": "application/json",
        "x-should-retry": "true" if should_retry else "false",
    }
    return ErrorReply(status=status, headers=headers, body=body)


def refuse(flow: "http.HTTPFlow", status: int, message: str, *, should_retry: bool) -> None:
    """Answer the flow ourselves, in the provider's error shape when we know the provider."""
    from mitmproxy import http

    from .flowdata import api_format_of

    reply = error_response(api_format_of(flow), status, message, should_retry=should_retry)
    flow.response = http.Response.make(reply.status, reply.body, reply.headers)


def fail_closed(stage: str) -> Callable[[_Hook], _Hook]:
    """For a governing hook (route, rules, policy, forward's --route): if it raises, the flow is
    refused (500 in the provider's shape, not retryable) instead of going on unjudged, which is what
    mitmproxy does with a hook that fails."""

    def wrap(hook: _Hook) -> _Hook:
        @functools.wraps(hook)
        def run(self: Any, flow: "http.HTTPFlow") -> Any:
            try:
                return hook(self, flow)
            except Exception as exc:
                log.exception("%s stage failed on a request; refusing it", stage)
                from .flowdata import hold_body

                refuse(flow, 500, f"headroom-mitm could not apply its {stage} rules to this request "
                       f"({type(exc).__name__}); it was not forwarded.", should_retry=False)
                hold_body(flow, 0)
                return None

        return run  # type: ignore[return-value]

    return wrap
