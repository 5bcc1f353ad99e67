from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headroom_mitm.redact import (
    REDACTED,
    fingerprint,
    key_fingerprint,
    redact_headers,
    redact_url,
    scrub_text,
)

SECRET = "sk-ant-api03-SECRETSECRETSECRET"


def test_redact_headers_hides_every_credential_header_case_insensitively() -> None:
    headers = {
        "Authorization": f"Bearer {SECRET}",
        "Proxy-Authorization": "Basic dXNlcjpwYXNz",
        "X-Api-Key": SECRET,
        "api-key": SECRET,
        "x-goog-api-key": SECRET,
        "Cookie": "sid=abc",
        "Set-Cookie": "sid=abc; HttpOnly",
        "Content-Type": "application/json",
        "anthropic-version": "2023-06-01",
    }
    out = redact_headers(headers)
    assert list(out) == list(headers)  # names and order kept
    for name in list(headers)[:7]:
        assert out[name] == REDACTED, name
    assert out["Content-Type"] == "application/json"
    assert out["anthropic-version"] == "2023-06-01"
    assert SECRET not in repr(out)


def test_redact_headers_extra_names() -> None:
    out = redact_headers({"X-Custom-Token": "abc", "Accept": "*/*"}, extra=["x-custom-token"])
    assert out == {"X-Custom-Token": REDACTED, "Accept": "*/*"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://generativelanguage.googleapis.com/v1beta/models/x:generateContent?key=AIzaSECRET&alt=sse",
            f"https://generativelanguage.googleapis.com/v1beta/models/x:generateContent?key={REDACTED}&alt=sse",
        ),
        ("/v1/x?api_key=s1&token=s2&access_token=s3&sig=s4", f"/v1/x?api_key={REDACTED}&token={REDACTED}&access_token={REDACTED}&sig={REDACTED}"),
        ("https://user:pa55@host.example/p?q=1", f"https://{REDACTED}@host.example/p?q=1"),
        ("https://blob.example/c?sv=2020&X-Amz-Signature=abc&session_token=t", f"https://blob.example/c?sv=2020&X-Amz-Signature={REDACTED}&session_token={REDACTED}"),
        ("/v1/messages?beta=true", "/v1/messages?beta=true"),
        ("/cb#access_token=abc&state=1", f"/cb#access_token={REDACTED}&state=1"),
        ("/plain/path", "/plain/path"),
    ],
)
def test_redact_url(url: str, expected: str) -> None:
    assert redact_url(url) == expected


@settings(max_examples=200, deadline=None)
@given(
    secret=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=12, max_size=30),
    name=st.sampled_from(["key", "api_key", "token", "access_token", "sig", "client_secret", "X-Goog-Credential"]),
    other=st.text(alphabet="abcdefghij", min_size=1, max_size=5),
)
def test_redact_url_never_leaks_and_is_idempotent(secret: str, name: str, other: str) -> None:
    url = f"https://h.example/p?{other}=1&{name}={secret}&z=2"
    once = redact_url(url)
    assert secret not in once
    assert redact_url(once) == once
    assert f"{other}=1" in once and "z=2" in once


def test_fingerprint_shape_and_stability() -> None:
    fp = fingerprint(SECRET)
    assert fp == "sha256:" + hashlib.sha256(SECRET.encode()).hexdigest()[:12]
    assert SECRET not in fp
    assert fingerprint(SECRET + "x") != fp


@pytest.mark.parametrize(
    ("headers", "url"),
    [
        ({"Authorization": f"Bearer {SECRET}"}, None),
        ({"authorization": f"bearer   {SECRET}"}, None),
        ({"x-api-key": SECRET}, None),
        ({"Api-Key": SECRET}, None),
        ({"X-Goog-Api-Key": SECRET}, None),
        ({}, f"https://g.example/v1?alt=sse&key={SECRET}"),
    ],
)
def test_key_fingerprint_sources(headers: dict[str, str], url: str | None) -> None:
    assert key_fingerprint(headers, url) == fingerprint(SECRET)


def test_key_fingerprint_none_and_precedence() -> None:
    assert key_fingerprint({"Content-Type": "application/json"}) is None
    assert key_fingerprint({"Authorization": "Basic dXNlcjpwYXNz"}) is None
    both = {"Authorization": "Bearer first-key-value", "x-api-key": "second-key-value"}
    assert key_fingerprint(both) == fingerprint("first-key-value")


def test_scrub_text_given_secrets_longest_first() -> None:
    text = f"proxy auth hr:{SECRET} and part {SECRET[:10]}"
    out = scrub_text(text, [SECRET[:10], SECRET, "", "ab"])
    assert SECRET not in out and SECRET[:10] not in out
    assert out == f"proxy auth hr:{REDACTED} and part {REDACTED}"
    # too-short secrets are ignored rather than shredding the text
    assert scrub_text("a b c", ["a"], patterns=False) == "a b c"


@pytest.mark.parametrize(
    "line",
    [
        "sending Authorization: Bearer abcdefghijklmnop123 upstream",
        "key sk-proj-ABCDEFGHIJKLMNOPQRSTUV leaked",
        "google AIzaSyA1234567890abcdefghijklmnopqrstu",
        'headers x-api-key: s3cr3tvalue0001, accept',
    ],
)
def test_scrub_text_patterns(line: str) -> None:
    out = scrub_text(line)
    assert REDACTED in out
    for token in ("abcdefghijklmnop123", "sk-proj-ABCDEFGHIJKLMNOPQRSTUV", "AIzaSyA1234567890abcdefghijklmnopqrstu", "s3cr3tvalue0001"):
        assert token not in out
    assert scrub_text(line, patterns=False) == line
