"""Proxy-made errors in each provider's own error shape."""

from __future__ import annotations

import json
from typing import Any

import pytest
from headroom_mitm.provider_errors import ErrorReply, error_response
from headroom_mitm.route.routing import ApiFormat
from hypothesis import given
from hypothesis import strategies as st

ALL_FORMATS: list[ApiFormat | None] = [*ApiFormat, None]


def body(reply: ErrorReply) -> Any:
    return json.loads(reply.body.decode("utf-8"))


@pytest.mark.parametrize("fmt", [ApiFormat.OPENAI_CHAT, ApiFormat.OPENAI_RESPONSES])
def test_openai_shape(fmt: ApiFormat) -> None:
    reply = error_response(fmt, 403, "host denied by policy", should_retry=False)
    assert reply.status == 403
    assert body(reply) == {
        "error": {
            "message": "host denied by policy",
            "type": "invalid_request_error",
            "param": None,
            "code": "forbidden",
        }
    }


def test_openai_server_side_type_and_code() -> None:
    err = body(error_response(ApiFormat.OPENAI_CHAT, 502, "upstream unreachable", should_retry=True))["error"]
    assert err["type"] == "server_error"
    assert err["code"] == "bad_gateway"
    assert (
        body(error_response(ApiFormat.OPENAI_CHAT, 508, "loop", should_retry=False))["error"]["code"] == "loop_detected"
    )


@pytest.mark.parametrize(
    ("status", "etype"),
    [
        (400, "invalid_request_error"),
        (401, "authentication_error"),
        (402, "billing_error"),
        (403, "permission_error"),
        (404, "not_found_error"),
        (407, "invalid_request_error"),  # other 4xx: Anthropic's documented catch-all
        (413, "request_too_large"),
        (429, "rate_limit_error"),
        (500, "api_error"),
        (502, "api_error"),
        (504, "timeout_error"),
        (508, "api_error"),
        (529, "overloaded_error"),
    ],
)
def test_anthropic_shape_and_types(status: int, etype: str) -> None:
    reply = error_response(ApiFormat.ANTHROPIC_MESSAGES, status, "nope", should_retry=False)
    assert body(reply) == {"type": "error", "error": {"type": etype, "message": "nope"}}


@pytest.mark.parametrize(
    ("status", "google_status"),
    [
        (400, "INVALID_ARGUMENT"),
        (401, "UNAUTHENTICATED"),
        (403, "PERMISSION_DENIED"),
        (404, "NOT_FOUND"),
        (409, "ABORTED"),
        (418, "FAILED_PRECONDITION"),
        (429, "RESOURCE_EXHAUSTED"),
        (500, "INTERNAL"),
        (501, "UNIMPLEMENTED"),
        (502, "UNAVAILABLE"),
        (503, "UNAVAILABLE"),
        (504, "DEADLINE_EXCEEDED"),
        (508, "INTERNAL"),
    ],
)
def test_gemini_shape_and_status_names(status: int, google_status: str) -> None:
    reply = error_response(ApiFormat.GEMINI, status, "nope", should_retry=False)
    assert body(reply) == {"error": {"code": status, "message": "nope", "status": google_status}}


def test_lone_surrogate_does_not_break_the_reply() -> None:
    reply = error_response(ApiFormat.ANTHROPIC_MESSAGES, 502, "bad \udcff byte", should_retry=True)
    assert body(reply)["error"]["message"] == "bad ? byte"


def test_non_ascii_message_stays_readable_utf8() -> None:
    reply = error_response(ApiFormat.OPENAI_CHAT, 403, "refusé: 禁止", should_retry=False)
    assert "refusé: 禁止".encode() in reply.body


def test_unknown_format_is_plain_json() -> None:
    assert body(error_response(None, 508, "loop detected", should_retry=False)) == {
        "error": {"message": "loop detected"}
    }
    assert body(error_response(None, 403, "denied", should_retry=False, error_type="policy")) == {
        "error": {"message": "denied", "type": "policy"}
    }


def test_error_type_overrides_the_type_field() -> None:
    assert (
        body(error_response(ApiFormat.OPENAI_CHAT, 403, "m", should_retry=False, error_type="policy_denied"))["error"][
            "type"
        ]
        == "policy_denied"
    )
    assert (
        body(error_response(ApiFormat.ANTHROPIC_MESSAGES, 502, "m", should_retry=True, error_type="overloaded_error"))[
            "error"
        ]["type"]
        == "overloaded_error"
    )
    assert (
        body(error_response(ApiFormat.GEMINI, 403, "m", should_retry=False, error_type="FAILED_PRECONDITION"))["error"][
            "status"
        ]
        == "FAILED_PRECONDITION"
    )


@pytest.mark.parametrize("fmt", ALL_FORMATS)
@pytest.mark.parametrize("retry", [True, False])
def test_headers(fmt: ApiFormat | None, retry: bool) -> None:
    reply = error_response(fmt, 502, "m", should_retry=retry)
    assert reply.headers == {"content-type": "application/json", "x-should-retry": "true" if retry else "false"}


@pytest.mark.parametrize("status", [200, 302, 399, 600, 0, -1])
def test_non_error_status_is_refused(status: int) -> None:
    with pytest.raises(ValueError, match="4xx or 5xx"):
        error_response(ApiFormat.OPENAI_CHAT, status, "m", should_retry=False)


@given(
    fmt=st.sampled_from(ALL_FORMATS),
    status=st.integers(min_value=400, max_value=599),
    message=st.text(),
    retry=st.booleans(),
)
def test_any_message_gives_valid_utf8_json_carrying_it(
    fmt: ApiFormat | None, status: int, message: str, retry: bool
) -> None:
    reply = error_response(fmt, status, message, should_retry=retry)
    parsed = body(reply)
    err = parsed["error"]
    # Lone surrogates (which UTF-8 cannot carry) become "?"; everything else arrives unchanged.
    assert err["message"] == message.encode("utf-8", "replace").decode("utf-8")
    assert reply.status == status
    if fmt is ApiFormat.ANTHROPIC_MESSAGES:
        assert parsed["type"] == "error" and isinstance(err["type"], str) and err["type"]
    elif fmt is ApiFormat.GEMINI:
        assert err["code"] == status and isinstance(err["status"], str) and err["status"].isupper()
    elif fmt is not None:
        assert set(err) == {"message", "type", "param", "code"} and isinstance(err["code"], str)
