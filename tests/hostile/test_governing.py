"""Findings 1-3 of issue #12 against a real gateway: nesting, size and decompression bombs must not get a
request past the policy or the --route, and the audit record says what happened."""

from __future__ import annotations

import gzip
import json
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from headroom_mitm import bodies, flowdata
from tests.hostile.gateway import BIG, LLM, basic, exchange, post

MIB = 1 << 20


def nested(model: str, depth: int = 1000) -> bytes:
    return (f'{{"model":"{model}","messages":[],"metadata":{{"a":' + "[" * depth + "1" + "]" * depth + "}}").encode()


def audit_for(gateway, path: str, before: int) -> list[dict]:
    return [r for r in gateway.audit()[before:] if r.get("kind") == "request" and r.get("path") == path]


def test_a_deeply_nested_body_cannot_slip_a_denied_model_past_the_policy(gateway):
    before, seen = len(gateway.audit()), len(gateway.upstream.requests)
    body = nested("gpt-4o")
    assert len(body) < 2100
    status, headers, reply = exchange(gateway.port, post(LLM, body, path="/v1/chat/completions?nest"))
    assert status in (400, 403), reply
    assert headers["x-should-retry"] == "false"
    assert json.loads(reply)["error"]["message"].startswith("Blocked by headroom-mitm egress policy")
    assert len(gateway.upstream.requests) == seen  # nothing left
    [record] = audit_for(gateway, "/v1/chat/completions?nest", before)
    assert record["decision"] == "deny" and record["status"] == status


def test_an_allowed_model_with_a_sane_body_still_goes_through(gateway):
    seen = len(gateway.upstream.requests)
    status, _, reply = exchange(gateway.port, post(LLM, nested("claude-x", depth=20)))
    assert status == 200, reply
    assert len(gateway.upstream.requests) == seen + 1


def test_a_body_too_large_to_read_is_refused_when_a_model_rule_applies(gateway):
    before, seen = len(gateway.audit()), len(gateway.upstream.requests)
    body = b'{"model":"gpt-4o","pad":"' + b"a" * (17 * MIB) + b'"}'
    status, headers, reply = exchange(gateway.port, post(LLM, body, path="/v1/chat/completions?big"))
    assert status == 413, reply
    assert "too large to read" in json.loads(reply)["error"]["message"]
    assert len(gateway.upstream.requests) == seen
    [record] = audit_for(gateway, "/v1/chat/completions?big", before)
    assert record["decision"] == "deny" and record["status"] == 413 and record["bytes_up"] >= 17 * MIB


def test_a_chunked_body_too_large_to_read_is_refused_not_streamed(gateway):
    seen = len(gateway.upstream.requests)
    head = (f"POST http://{LLM}/v1/chat/completions HTTP/1.1\r\nHost: {LLM}\r\n"
            f"Proxy-Authorization: {basic()}\r\n"
            "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").encode()
    piece = b'{"model":"gpt-4o","pad":"' + b"a" * MIB
    chunks = [head] + [f"{len(piece):x}\r\n".encode() + piece + b"\r\n" for _ in range(18)] + [b'2\r\n"}\r\n0\r\n\r\n']
    status, _, reply = exchange(gateway.port, chunks)
    assert status == 413, reply
    assert len(gateway.upstream.requests) == seen


def test_a_large_body_no_rule_needs_still_streams_to_the_route_target(gateway):
    before, seen = len(gateway.audit()), len(gateway.upstream.requests)
    body = b'{"model":"gpt-4o","pad":"' + b"b" * (17 * MIB) + b'"}'
    status, _, reply = exchange(gateway.port, post(BIG, body, path="/v1/chat/completions?stream"))
    assert status == 200, reply
    assert len(gateway.upstream.requests) == seen + 1
    assert gateway.upstream.requests[-1].endswith(body)
    [record] = audit_for(gateway, "/v1/chat/completions?stream", before)
    assert record["decision"] == "allow" and record["status"] == 200


def _bomb(coding: str) -> bytes:
    data = b'{"model":"gpt-4o-mini","pad":"' + b"0" * (64 * MIB) + b'"}'
    if coding == "gzip":
        return gzip.compress(data, compresslevel=9)
    if coding == "deflate":
        return zlib.compress(data, 9)
    if coding == "br":
        import brotli

        return brotli.compress(data, quality=5)
    import zstandard

    return zstandard.ZstdCompressor(level=3).compress(data)


@pytest.mark.parametrize("coding", ["gzip", "br", "zstd"])
def test_a_decompression_bomb_is_refused_where_the_model_must_be_read(gateway, coding):
    seen = len(gateway.upstream.requests)
    bomb = _bomb(coding)
    status, headers, reply = exchange(gateway.port, post(LLM, bomb, extra=f"Content-Encoding: {coding}\r\n"))
    assert status == 413, reply
    assert headers["content-type"] == "application/json" and "error" in json.loads(reply)
    assert len(gateway.upstream.requests) == seen


def test_a_decompression_bomb_elsewhere_is_forwarded_undecoded(gateway):
    bomb = _bomb("gzip")
    status, _, reply = exchange(gateway.port, post(BIG, bomb, extra="Content-Encoding: gzip\r\n"))
    assert status == 200, reply
    assert gateway.upstream.requests[-1].endswith(bomb)


# -- the pure parts -----------------------------------------------------------------------------------

def test_the_one_decoder_caps_size_and_ratio():
    bomb = gzip.compress(b"0" * (8 * MIB))
    with pytest.raises(bodies.TooLarge):
        bodies.decode_body(bomb, "gzip")  # 8 MiB is under the size cap, but 1000x over the ratio cap
    fine = gzip.compress(json.dumps({"text": "x" * 1000}).encode())
    assert json.loads(bodies.decode_body(fine, "gzip"))["text"] == "x" * 1000
    with pytest.raises(bodies.UnsupportedEncoding):
        bodies.decode_body(b"abc", "compress")


def test_json_depth_is_checked_without_recursion():
    deep = b"[" * 100_000 + b"]" * 100_000
    assert bodies.json_depth(deep) == 100_000
    with pytest.raises(bodies.TooDeep):
        bodies.loads(deep)
    assert bodies.json_depth(b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}') == 1
    assert bodies.loads('{"a": [[1]]}') == {"a": [[1]]}


@pytest.mark.parametrize(("raw", "encoding", "problem"), [
    (nested("gpt-4o"), None, "not readable JSON"),
    (b'{"model": "gpt-4o", ', None, "not readable JSON"),
    (b"\x1f\x8b garbage", "gzip", "cannot be decoded"),
    (b'{"model": "gpt-4o"}', "snappy", "cannot be decoded"),
])
def test_an_unreadable_body_says_why(raw, encoding, problem):
    found = flowdata.read_body_model("/v1/chat/completions", raw, encoding)
    assert found.problem is not None and problem in found.problem


def test_a_form_body_has_no_model_and_no_problem():
    found = flowdata.read_body_model("/v1/files", b"--x\r\n", None, "multipart/form-data; boundary=x")
    assert found.model is None and found.problem is None


def _true_depth(value) -> int:
    if isinstance(value, dict):
        return 1 + max(map(_true_depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(_true_depth, value), default=0)
    return 0


_TRICKY = st.text(alphabet='[]{}"\\ab\n\u00e9', max_size=12)  # escapes and brackets inside strings
_JSON = st.recursive(
    st.none() | st.integers() | _TRICKY,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TRICKY, inner, max_size=4),
    max_leaves=60,
)


@settings(max_examples=150, deadline=None)
@given(value=_JSON, padding=st.integers(min_value=0, max_value=3))
def test_json_depth_is_the_nesting_of_any_json(value, padding):
    # Wrapped so the bracket count passes the cheap bound and the exact scan runs.
    wrapped = {"pad": [[]] * (bodies.MAX_JSON_DEPTH + 1), "v": [value] * (padding + 1)}
    raw = json.dumps(wrapped, ensure_ascii=bool(padding % 2)).encode()
    assert bodies.json_depth(raw) == _true_depth(wrapped)
    # the other way to skip strings: quotes that stay apart (a bracket between) past the split's limit
    many_strings = {"s": [["["]] * (bodies._SPLIT_QUOTES // 2 + 1), "v": wrapped}
    assert bodies.json_depth(json.dumps(many_strings).encode()) == 1 + _true_depth(wrapped)


class _CountingPattern:
    def __init__(self, pattern):
        self.pattern, self.subs = pattern, 0

    def search(self, data):
        return self.pattern.search(data)

    def sub(self, repl, data):
        self.subs += 1
        return self.pattern.sub(repl, data)


def test_a_body_whose_escapes_touch_no_quote_or_bracket_needs_no_escape_pass(monkeypatch):
    counting = _CountingPattern(bodies._ESCAPE)
    monkeypatch.setattr(bodies, "_ESCAPE", counting)
    doc = {"tools": [{"a": [1]}] * bodies.MAX_JSON_DEPTH, "text": "line\none\ttab \u00e9 [not {nesting"}
    assert bodies.json_depth(json.dumps(doc).encode()) == 4 and counting.subs == 0
    assert bodies.json_depth(json.dumps({**doc, "q": 'say "hi" \\'}).encode()) == 4 and counting.subs == 1


@settings(max_examples=300, deadline=None)
@given(raw=st.binary(max_size=40).map(lambda b: bytes(b"[]{}\"\\an"[x % 8] for x in b)))
def test_the_escapes_the_scan_removes_leave_what_removing_every_escape_leaves(raw):
    # Any bytes, JSON or not: the quotes and brackets kept are those a parser's left-to-right reading leaves.
    import re

    every = re.compile(rb"\\.", re.DOTALL).sub(b"", raw).translate(None, bodies._NOT_STRUCTURE)
    assert bodies._ESCAPE.sub(b"", raw).translate(None, bodies._NOT_STRUCTURE) == every


def test_quotes_in_a_row_are_dropped_before_strings_are_skipped(monkeypatch):
    # Empty strings (and a string's end next to the next one's start) hold no bracket: never scanned.
    counting = _CountingPattern(bodies._STRING)
    monkeypatch.setattr(bodies, "_STRING", counting)
    doc = {"pad": [[]] * (bodies.MAX_JSON_DEPTH + 1), "s": [""] * (bodies._SPLIT_QUOTES // 2 + 1), "t": ["[", "]]"]}
    assert bodies.json_depth(json.dumps(doc).encode()) == 3 and counting.subs == 0
