"""The position-tracking locator and the byte-faithful splice."""

from __future__ import annotations

import json

import pytest

from headroom_mitm.compress.jsonsplice import (
    SpliceError,
    encode_string,
    locate_strings,
    pointer,
    splice,
    uses_ascii_escapes,
)

ODD = (
    '{ "model" :"m",\t"stream":true ,\r\n "n": 1.50e+2, "messages" : [\n'
    '  {"role":"user","content":"caf\\u00e9 \\ud83d\\ude00 \\/ \\"q\\""},\n'
    '  {"role":"tool" , "content" :   "line1\\nline2\\u0001 \u00e9",   "x":[1,{"y":"z"}]}\n'
    "] , \"tail\" : null }"
)


def test_locate_finds_exact_spans_with_odd_whitespace_and_escapes() -> None:
    spans = locate_strings(ODD, [("messages", 1, "content"), ("messages", 0, "content"), ("model",)])
    s, e = spans[("messages", 1, "content")]
    assert ODD[s:e] == '"line1\\nline2\\u0001 \u00e9"'
    s, e = spans[("messages", 0, "content")]
    assert json.loads(ODD[s:e]) == 'café \U0001f600 / "q"'
    assert ODD[slice(*spans[("model",)])] == '"m"'


def test_splice_changes_only_the_target_bytes() -> None:
    path = ("messages", 1, "content")
    spans = locate_strings(ODD, [path])
    out = splice(ODD, spans, [(path, "line1\nline2\x01 \u00e9", "short\tand \u00e9 \x02")])
    s, e = spans[path]
    new_token = '"short\\tand \u00e9 \\u0002"'
    assert out == ODD[:s] + new_token + ODD[e:]
    doc = json.loads(out)
    assert doc["messages"][1]["content"] == "short\tand \u00e9 \x02"
    assert doc["n"] == 150.0


def test_splice_rejects_a_stale_expected_value() -> None:
    path = ("messages", 1, "content")
    spans = locate_strings(ODD, [path])
    with pytest.raises(SpliceError):
        splice(ODD, spans, [(path, "something else", "x")])


def test_locate_rejects_non_string_target_and_trailing_garbage() -> None:
    with pytest.raises(SpliceError):
        locate_strings('{"a": 1}', [("a",)])
    with pytest.raises(SpliceError):
        locate_strings('{"a": "x"} junk', [("a",)])


def test_duplicate_keys_are_left_out() -> None:
    text = '{"a": "first", "a": "second", "b": "ok"}'
    spans = locate_strings(text, [("a",), ("b",)])
    assert ("a",) not in spans and ("b",) in spans


def test_missing_paths_are_simply_absent() -> None:
    assert locate_strings('{"a": [1, 2]}', [("a", 5), ("z",)]) == {}


def test_encode_string_matches_json_stringify_style() -> None:
    value = 'tab\there "q" back\\slash nl\n cr\r bs\b ff\f nul\x00 del\x7f é 😀 \u2028'
    token = encode_string(value)
    assert token == '"tab\\there \\"q\\" back\\\\slash nl\\n cr\\r bs\\b ff\\f nul\\u0000 del\x7f é 😀 \u2028"'
    assert json.loads(token) == value


def test_encode_string_lone_surrogates_stay_encodable() -> None:
    token = encode_string("a\ud800b")
    assert token == '"a\\ud800b"'
    token.encode("utf-8")
    assert json.loads(token) == "a\ud800b"


def test_ascii_style_detection_and_encoding() -> None:
    assert uses_ascii_escapes(json.dumps({"a": "é"}).encode())
    assert not uses_ascii_escapes(json.dumps({"a": "é"}, ensure_ascii=False).encode())
    assert not uses_ascii_escapes(b'{"a": "\\u0001 plain"}')
    assert encode_string("é😀", ascii_only=True) == '"\\u00e9\\ud83d\\ude00"'


def test_pointer() -> None:
    assert pointer(("messages", 3, "content", 0, "text")) == "/messages/3/content/0/text"
    assert pointer(("a/b", "c~d")) == "/a~1b/c~0d"


def test_many_targets_in_one_walk() -> None:
    doc = {"messages": [{"role": "tool", "content": f"out {i}"} for i in range(200)], "tools": [{"x": list(range(50))}] * 20}
    text = json.dumps(doc, indent=2)
    paths = [("messages", i, "content") for i in range(0, 200, 3)]
    spans = locate_strings(text, paths)
    assert len(spans) == len(paths)
    out = splice(text, spans, [(p, f"out {p[1]}", f"new {p[1]}") for p in paths])
    doc2 = json.loads(out)
    for i in range(200):
        assert doc2["messages"][i]["content"] == (f"new {i}" if i % 3 == 0 else f"out {i}")
    assert doc2["tools"] == doc["tools"]
