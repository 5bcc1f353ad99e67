from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headroom_mitm.redact import (
    REDACTED,
    fingerprint,
    key_fingerprint,
    redact_url,
)

SECRET = "sk-ant-api03-SECRETSECRETSECRET"


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


def test_a_bare_path_is_answered_without_parsing(monkeypatch):
    import headroom_mitm.redact as redact

    assert [redact_url(u) for u in ("//u:pw@h/x", "/v1/x?key=k")] == ["//[redacted]@h/x", "/v1/x?key=[redacted]"]
    monkeypatch.setattr(redact, "urlsplit", lambda *a: (_ for _ in ()).throw(AssertionError("parsed")))
    assert redact_url("/v1/chat/completions") == "/v1/chat/completions"  # every audit record's path


@settings(max_examples=200, deadline=None)
@given(path=st.text(alphabet="/abc:%.;=~-_ \u00e9", max_size=20).map(lambda t: "/" + t))
def test_the_shortcut_answers_what_parsing_answers(path):
    from urllib.parse import urlsplit, urlunsplit

    if not path.startswith("//"):
        assert redact_url(path) == urlunsplit(urlsplit(path))
