"""Request headers read in one pass: the same answers as mitmproxy's Headers, without its re-scans."""

from mitmproxy.http import Headers

from headroom_mitm.facts import header_map
from headroom_mitm.meter.records import client_from_headers, session_from_headers
from headroom_mitm.redact import fingerprint, key_fingerprint


def _headers() -> Headers:
    return Headers([(b"Host", b"api.test"), (b"X-API-Key", b"k-123"), (b"Accept", b"a/b"), (b"accept", b"c/d"),
                    (b"X-Session-Id", b"ses_2"), (b"User-Agent", b"opencode/1 \xc3\xa9")])


def test_header_map_answers_as_mitmproxy_headers_do():
    headers = _headers()
    lowered = header_map(headers)
    assert set(lowered) == {name.lower() for name in headers}
    for name in headers:
        assert lowered[name.lower()] == headers[name]  # repeated ones folded with ", " (accept: "a/b, c/d")
    assert lowered["accept"] == "a/b, c/d"
    assert header_map({"X-Session-Affinity": "ses_1"}) == {"x-session-affinity": "ses_1"}


def test_session_client_and_key_from_one_pass(monkeypatch):
    headers = _headers()
    # mitmproxy's lookups re-scan every field per name: none may be used
    monkeypatch.setattr(Headers, "get_all", lambda *a: (_ for _ in ()).throw(AssertionError("re-scan")))
    assert session_from_headers(headers) == "ses_2"
    assert client_from_headers(headers) == "opencode/1 é"
    assert key_fingerprint(headers) == fingerprint("k-123")
    assert session_from_headers({"x-session-affinity": "ses_1", "X-Session-Id": "ses_2"}) == "ses_1"


def test_header_map_of_named_headers_only():
    headers = _headers()
    assert header_map(headers, "accept", "x-absent") == {"accept": "a/b, c/d"}
    assert header_map({"User-Agent": "u", "Host": "h"}, "user-agent") == {"user-agent": "u"}
