"""UsageTap / usage_from_body / estimate_tokens: real-shaped streams of the four API formats, split
at every byte, merged, re-terminated with CRLF or CR, and fed garbage."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from headroom_mitm.meter.usage import API_FORMATS, ESTIMATOR, MAX_EVENT_BYTES, Usage, error_from_body, estimate_tokens, usage_from_body
from headroom_mitm.meter.tap import UsageTap


def _sse(*events: tuple[str | None, dict | str]) -> bytes:
    out = []
    for name, data in events:
        if name:
            out.append(f"event: {name}\n")
        payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
        out.append(f"data: {payload}\n\n")
    return "".join(out).encode("utf-8")


def _chat_chunk(delta: dict, finish: str | None = None, usage: dict | None = None, choices: bool = True) -> dict:
    return {
        "id": "chatcmpl-9x",
        "object": "chat.completion.chunk",
        "created": 1731000000,
        "model": "gpt-4o-2024-08-06",
        "system_fingerprint": "fp_1",
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}] if choices else [],
        "usage": usage,
    }


OPENAI_CHAT = _sse(
    (None, _chat_chunk({"role": "assistant", "content": "", "refusal": None})),
    (None, _chat_chunk({"content": "Héllo, 日本語 ✓"})),
    (None, _chat_chunk({"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
                                         "function": {"name": "bash", "arguments": "{\"cmd\":\"ls\"}"}}]})),
    (None, _chat_chunk({}, finish="tool_calls")),
    (None, _chat_chunk({}, choices=False, usage={
        "prompt_tokens": 1234, "completion_tokens": 56, "total_tokens": 1290,
        "prompt_tokens_details": {"cached_tokens": 1024, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0},
    })),
    (None, "[DONE]"),
)
OPENAI_CHAT_USAGE = Usage(1234, 56, 1024, 0, "gpt-4o-2024-08-06")


def _resp(status: str, usage: dict | None) -> dict:
    return {"id": "resp_1", "object": "response", "created_at": 1731000000, "status": status,
            "model": "gpt-5-2025-08-07", "output": [], "usage": usage, "error": None}


OPENAI_RESPONSES = _sse(
    ("response.created", {"type": "response.created", "sequence_number": 0, "response": _resp("in_progress", None)}),
    ("response.in_progress", {"type": "response.in_progress", "sequence_number": 1, "response": _resp("in_progress", None)}),
    ("response.output_item.added", {"type": "response.output_item.added", "sequence_number": 2, "output_index": 0,
                                    "item": {"id": "msg_1", "type": "message", "status": "in_progress", "role": "assistant", "content": []}}),
    ("response.output_text.delta", {"type": "response.output_text.delta", "sequence_number": 3, "item_id": "msg_1",
                                    "output_index": 0, "content_index": 0, "delta": "Ça va 🙂 très bien"}),
    ("response.output_text.done", {"type": "response.output_text.done", "sequence_number": 4, "item_id": "msg_1",
                                   "output_index": 0, "content_index": 0, "text": "Ça va 🙂 très bien"}),
    ("response.completed", {"type": "response.completed", "sequence_number": 5, "response": _resp("completed", {
        "input_tokens": 5000, "input_tokens_details": {"cached_tokens": 4096},
        "output_tokens": 300, "output_tokens_details": {"reasoning_tokens": 200}, "total_tokens": 5300})}),
)
OPENAI_RESPONSES_USAGE = Usage(5000, 300, 4096, 0, "gpt-5-2025-08-07")

ANTHROPIC = (
    _sse(
        ("message_start", {"type": "message_start", "message": {
            "id": "msg_01", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
            "content": [], "stop_reason": None, "stop_sequence": None,
            "usage": {"input_tokens": 12, "cache_creation_input_tokens": 2000, "cache_read_input_tokens": 30000,
                      "output_tokens": 1, "service_tier": "standard"}}}),
        ("content_block_start", {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}),
    )
    + b": keep-alive comment\n\n"
    + _sse(
        ("ping", {"type": "ping"}),
        ("content_block_delta", {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Grüße ✓ — 你好"}}),
        ("content_block_stop", {"type": "content_block_stop", "index": 0}),
        ("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                           "usage": {"output_tokens": 87}}),
        ("message_stop", {"type": "message_stop"}),
    )
)
ANTHROPIC_USAGE = Usage(32012, 87, 30000, 2000, "claude-sonnet-4-20250514")


def _gemini(text: str, usage: dict, finish: str | None = None) -> dict:
    cand: dict = {"content": {"parts": [{"text": text}], "role": "model"}, "index": 0}
    if finish:
        cand["finishReason"] = finish
    return {"candidates": [cand], "usageMetadata": usage, "modelVersion": "gemini-2.5-flash", "responseId": "r-1"}


# Gemini's alt=sse separates events with CRLF CRLF.
GEMINI = _sse(
    (None, _gemini("Hola señor", {"promptTokenCount": 800, "totalTokenCount": 800})),
    (None, _gemini(" 你好", {"promptTokenCount": 800, "candidatesTokenCount": 40, "totalTokenCount": 1040,
                             "cachedContentTokenCount": 512, "thoughtsTokenCount": 200,
                             "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 800}]}, finish="STOP")),
).replace(b"\n", b"\r\n")
GEMINI_USAGE = Usage(800, 240, 512, 0, "gemini-2.5-flash")

STREAMS = {
    "openai-chat": (OPENAI_CHAT, OPENAI_CHAT_USAGE),
    "openai-responses": (OPENAI_RESPONSES, OPENAI_RESPONSES_USAGE),
    "anthropic-messages": (ANTHROPIC, ANTHROPIC_USAGE),
    "gemini": (GEMINI, GEMINI_USAGE),
}


def _variants(stream: bytes) -> dict[str, bytes]:
    lf = stream.replace(b"\r\n", b"\n")
    return {"lf": lf, "crlf": lf.replace(b"\n", b"\r\n"), "cr": lf.replace(b"\n", b"\r")}


def run(fmt: str, chunks: list[bytes]) -> UsageTap:
    tap = UsageTap(fmt)
    for chunk in chunks:
        tap.feed(chunk)
    tap.finish()
    assert tap.internal_errors == 0
    return tap


def test_fixtures_really_contain_multibyte_utf8() -> None:
    # Otherwise the split tests would never cut inside a UTF-8 sequence.
    for stream, _ in STREAMS.values():
        assert any(b >= 0x80 for b in stream)


@pytest.mark.parametrize("fmt", API_FORMATS)
def test_whole_stream_in_one_chunk(fmt: str) -> None:
    stream, expected = STREAMS[fmt]
    tap = run(fmt, [stream])
    assert tap.usage == expected
    assert tap.error is None
    assert tap.done


@pytest.mark.parametrize("fmt", API_FORMATS)
@pytest.mark.parametrize("eol", ["lf", "crlf", "cr"])
def test_every_two_way_split(fmt: str, eol: str) -> None:
    stream, expected = STREAMS[fmt]
    data = _variants(stream)[eol]
    for i in range(len(data) + 1):
        tap = run(fmt, [data[:i], data[i:]])
        assert tap.usage == expected, f"split at {i}: {data[max(0, i - 20):i]!r} | {data[i:i + 20]!r}"


@pytest.mark.parametrize("fmt", API_FORMATS)
def test_one_byte_chunks(fmt: str) -> None:
    stream, expected = STREAMS[fmt]
    for data in _variants(stream).values():
        assert run(fmt, [data[i : i + 1] for i in range(len(data))]).usage == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fmt=st.sampled_from(API_FORMATS),
    eol=st.sampled_from(["lf", "crlf", "cr"]),
    cuts=st.lists(st.integers(min_value=0, max_value=10_000), max_size=12),
)
def test_arbitrary_splits(fmt: str, eol: str, cuts: list[int]) -> None:
    stream, expected = STREAMS[fmt]
    data = _variants(stream)[eol]
    points = sorted({c % (len(data) + 1) for c in cuts})
    chunks = [data[a:b] for a, b in zip([0, *points], [*points, len(data)])]
    assert b"".join(chunks) == data
    assert run(fmt, chunks).usage == expected


@pytest.mark.parametrize("fmt", API_FORMATS)
def test_finish_twice_and_feed_after_finish(fmt: str) -> None:
    stream, expected = STREAMS[fmt]
    tap = UsageTap(fmt)
    tap.feed(stream)
    tap.finish()
    tap.finish()
    tap.feed(b'data: {"usage": {"prompt_tokens": 1}}\n\n')
    tap.finish()
    assert tap.usage == expected


@pytest.mark.parametrize("fmt", API_FORMATS)
def test_stream_cut_before_usage_gives_none(fmt: str) -> None:
    stream, _ = STREAMS[fmt]
    first_event = stream.replace(b"\r\n", b"\n").split(b"\n\n")[0] + b"\n\n"
    tap = run(fmt, [first_event])
    if fmt in ("openai-responses", "openai-chat"):
        assert tap.usage is None
    assert not tap.done


@pytest.mark.parametrize("fmt", API_FORMATS)
def test_missing_final_blank_line_still_counts(fmt: str) -> None:
    stream, expected = STREAMS[fmt]
    assert run(fmt, [stream.rstrip(b"\r\n")]).usage == expected


@pytest.mark.parametrize("fmt", API_FORMATS)
@pytest.mark.parametrize("junk", [None, 123, 4.5, object(), ["data: x"], {"a": 1}])
def test_non_bytes_feed_never_raises(fmt: str, junk: object) -> None:
    stream, expected = STREAMS[fmt]
    tap = UsageTap(fmt)
    tap.feed(junk)  # type: ignore[arg-type]
    tap.feed(stream)
    tap.feed(junk)  # type: ignore[arg-type]
    tap.finish()
    assert tap.usage == expected


def test_bytearray_memoryview_and_str_are_accepted() -> None:
    half = len(OPENAI_CHAT) // 2
    tap = UsageTap("openai-chat")
    tap.feed(bytearray(OPENAI_CHAT[:10]))
    tap.feed(memoryview(OPENAI_CHAT[10:half]))
    tap.feed(OPENAI_CHAT[half:].decode("utf-8"))  # type: ignore[arg-type]
    tap.finish()
    assert tap.usage == OPENAI_CHAT_USAGE


@settings(max_examples=200, deadline=None)
@given(fmt=st.sampled_from([*API_FORMATS, "unknown-format"]), chunks=st.lists(st.binary(max_size=300), max_size=8))
def test_garbage_never_raises(fmt: str, chunks: list[bytes]) -> None:
    tap = UsageTap(fmt)
    for c in chunks:
        tap.feed(c)
    tap.finish()
    tap.finish()
    assert tap.usage is None or isinstance(tap.usage, Usage)
    assert tap.internal_errors == 0


@settings(max_examples=200, deadline=None)
@given(
    fmt=st.sampled_from(API_FORMATS),
    values=st.lists(
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=5),
                  st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)),
        min_size=12, max_size=12,
    ),
)
def test_wrongly_typed_json_never_raises(fmt: str, values: list) -> None:
    # Every field the parsers read, with a value of the wrong type.
    events = [
        {"model": values[0], "usage": values[1], "choices": values[2], "error": values[3]},
        {"usage": {"prompt_tokens": values[4], "prompt_tokens_details": values[5]}},
        {"type": "message_start", "message": values[6]},
        {"type": "message_start", "message": {"usage": values[7], "model": values[8]}},
        {"type": "message_delta", "usage": {"output_tokens": values[9]}},
        {"type": "response.completed", "response": {"usage": values[10]}},
        {"usageMetadata": values[11], "candidates": values[2], "modelVersion": values[0]},
        {"type": "response.failed", "response": values[5]},
    ]
    body = b"".join(b"data: " + json.dumps(e).encode() + b"\n\n" for e in events)
    tap = run(fmt, [body])
    u = tap.usage
    if u is not None:
        assert all(isinstance(x, int) and x >= 0 for x in (u.input_tokens, u.output_tokens, u.cache_read_tokens, u.cache_write_tokens))
    for e in events:  # must not raise either
        got = usage_from_body(fmt, json.dumps(e).encode())
        assert got is None or isinstance(got, Usage)


def test_multiline_data_comments_and_other_fields() -> None:
    usage = {"prompt_tokens": 10, "completion_tokens": 2, "prompt_tokens_details": {"cached_tokens": 4}}
    pretty = json.dumps({"model": "m", "choices": [], "usage": usage}, indent=1).split("\n")
    stream = (
        b": comment first\n"
        b"retry: 1000\n"
        b"id: 7\n"
        + b"".join(b"data:" + line.encode() + b"\n" for line in pretty)  # no space after the colon
        + b"\n"
        b"data: [DONE]\n\n"
    )
    tap = run("openai-chat", [stream])
    assert tap.usage == Usage(10, 2, 4, 0, "m")
    assert tap.done


def test_multiline_data_split_everywhere_with_every_line_ending() -> None:
    # A CR at a chunk end followed by LF in the next is ONE line ending; taking it for two would
    # end the event between its data lines and break the JSON.
    usage = {"prompt_tokens": 10, "completion_tokens": 2, "prompt_tokens_details": {"cached_tokens": 4}}
    pretty = json.dumps({"model": "m", "choices": [], "usage": usage}, indent=1).split("\n")
    stream = b"".join(b"data: " + line.encode() + b"\n" for line in pretty) + b"\n"
    for data in _variants(stream).values():
        for i in range(len(data) + 1):
            assert run("openai-chat", [data[:i], data[i:]]).usage == Usage(10, 2, 4, 0, "m"), (i, data[i - 3 : i + 3])


def test_openai_chat_null_usage_chunks_do_not_clear_final_usage() -> None:
    after = _sse((None, _chat_chunk({"content": "late"})))  # usage: null after the usage chunk
    tap = run("openai-chat", [OPENAI_CHAT.replace(b"data: [DONE]\n\n", b""), after])
    assert tap.usage == OPENAI_CHAT_USAGE


def test_openai_chat_deepseek_style_cache_hits() -> None:
    body = _sse((None, {"model": "deepseek-chat", "choices": [], "usage": {
        "prompt_tokens": 100, "completion_tokens": 5, "prompt_cache_hit_tokens": 64, "prompt_cache_miss_tokens": 36}}))
    assert run("openai-chat", [body]).usage == Usage(100, 5, 64, 0, "deepseek-chat")


def test_anthropic_message_delta_updates_input_and_cache_numbers() -> None:
    stream = _sse(
        ("message_start", {"type": "message_start", "message": {"model": "claude-x", "usage": {
            "input_tokens": 5, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0, "output_tokens": 1}}}),
        ("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn"}, "usage": {
            "input_tokens": 7, "cache_creation_input_tokens": 100, "cache_read_input_tokens": 900, "output_tokens": 40}}),
    )
    assert run("anthropic-messages", [stream]).usage == Usage(1007, 40, 900, 100, "claude-x")


def test_gemini_takes_the_last_usage_metadata() -> None:
    stream = _sse(
        (None, _gemini("a", {"promptTokenCount": 10, "candidatesTokenCount": 99})),
        (None, _gemini("b", {"promptTokenCount": 10, "candidatesTokenCount": 3}, finish="STOP")),
    )
    assert run("gemini", [stream]).usage == Usage(10, 3, 0, 0, "gemini-2.5-flash")


def test_responses_incomplete_is_billed_too() -> None:
    stream = _sse(("response.incomplete", {"type": "response.incomplete", "response": _resp("incomplete", {
        "input_tokens": 9, "output_tokens": 1, "input_tokens_details": {"cached_tokens": 0}})}))
    tap = run("openai-responses", [stream])
    assert tap.usage == Usage(9, 1, 0, 0, "gpt-5-2025-08-07")


@pytest.mark.parametrize(
    ("fmt", "stream", "needle"),
    [
        ("anthropic-messages", _sse(("error", {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}})),
         "overloaded_error: Overloaded"),
        ("openai-chat", _sse((None, {"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}})),
         "requests: Rate limit reached"),
        ("openai-responses", _sse(("response.failed", {"type": "response.failed", "response": {
            "status": "failed", "error": {"code": "server_error", "message": "boom"}, "usage": None}})), "server_error: boom"),
        ("openai-responses", _sse(("error", {"type": "error", "code": "invalid_prompt", "message": "bad", "param": None})),
         "invalid_prompt: bad"),
        ("gemini", _sse((None, {"error": {"code": 503, "message": "The model is overloaded.", "status": "UNAVAILABLE"}})),
         "UNAVAILABLE: The model is overloaded."),
    ],
)
def test_error_events(fmt: str, stream: bytes, needle: str) -> None:
    tap = run(fmt, [stream])
    assert tap.error == needle


def test_anthropic_error_after_partial_stream_keeps_usage_and_error() -> None:
    start = ANTHROPIC.split(b"event: content_block_start")[0]
    err = _sse(("error", {"type": "error", "error": {"type": "api_error", "message": "Internal"}}))
    tap = run("anthropic-messages", [start, err])
    assert tap.error == "api_error: Internal"
    assert tap.usage == Usage(32012, 1, 30000, 2000, "claude-sonnet-4-20250514")
    assert not tap.done


def test_successful_streams_have_no_error() -> None:
    for fmt, (stream, _) in STREAMS.items():
        assert run(fmt, [stream]).error is None


def test_non_sse_json_body_fed_to_tap() -> None:
    body = json.dumps({"type": "error", "error": {"type": "invalid_request_error", "message": "prompt is too long"}}).encode()
    tap = run("anthropic-messages", [body[:7], body[7:]])
    assert tap.error == "invalid_request_error: prompt is too long"
    assert tap.usage is None
    whole = json.dumps({"model": "claude-x", "usage": {"input_tokens": 3, "output_tokens": 4}}).encode()
    assert run("anthropic-messages", [whole]).usage == Usage(3, 4, 0, 0, "claude-x")


def test_oversize_event_is_skipped_and_memory_stays_bounded() -> None:
    big = b"data: " + b"x" * (MAX_EVENT_BYTES + 10) + b"\n\n"
    tap = UsageTap("openai-chat")
    for i in range(0, len(big), 64 * 1024):  # arrives in 64 KiB pieces, like a socket would deliver it
        tap.feed(big[i : i + 64 * 1024])
        assert len(tap._partial) + tap._data_size <= MAX_EVENT_BYTES
    tap.feed(OPENAI_CHAT)
    tap.finish()
    assert tap.usage == OPENAI_CHAT_USAGE


def test_oversize_multiline_event_is_skipped() -> None:
    line = b"data: " + b"y" * (256 * 1024) + b"\n"
    tap = UsageTap("openai-chat")
    for _ in range(6):  # 1.5 MB of data lines in one event
        tap.feed(line)
        assert tap._data_size <= MAX_EVENT_BYTES
    tap.feed(b"\n")
    tap.feed(OPENAI_CHAT)
    tap.finish()
    assert tap.usage == OPENAI_CHAT_USAGE


def test_endless_line_without_newline_is_bounded() -> None:
    tap = UsageTap("gemini")
    for _ in range(40):
        tap.feed(b"z" * 100_000)
    assert len(tap._partial) <= MAX_EVENT_BYTES
    assert tap._raw is None or len(tap._raw) <= MAX_EVENT_BYTES
    tap.finish()
    assert tap.usage is None


# -- whole bodies ---------------------------------------------------------------------------------

BODIES = {
    "openai-chat": ({
        "id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-4o-mini-2024-07-18",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 2006, "completion_tokens": 300, "total_tokens": 2306,
                  "prompt_tokens_details": {"cached_tokens": 1920}, "completion_tokens_details": {"reasoning_tokens": 0}},
    }, Usage(2006, 300, 1920, 0, "gpt-4o-mini-2024-07-18")),
    "openai-responses": ({
        "id": "resp_1", "object": "response", "status": "completed", "model": "o4-mini", "output": [],
        "usage": {"input_tokens": 328, "input_tokens_details": {"cached_tokens": 0}, "output_tokens": 52,
                  "output_tokens_details": {"reasoning_tokens": 0}, "total_tokens": 380},
    }, Usage(328, 52, 0, 0, "o4-mini")),
    "anthropic-messages": ({
        "id": "msg_1", "type": "message", "role": "assistant", "model": "claude-opus-4-1-20250805",
        "content": [{"type": "text", "text": "hi"}], "stop_reason": "end_turn",
        "usage": {"input_tokens": 50, "cache_creation_input_tokens": 1000, "cache_read_input_tokens": 4000, "output_tokens": 20},
    }, Usage(5050, 20, 4000, 1000, "claude-opus-4-1-20250805")),
    "gemini": ({
        "candidates": [{"content": {"parts": [{"text": "hi"}], "role": "model"}, "finishReason": "STOP"}],
        "usageMetadata": {"promptTokenCount": 70, "candidatesTokenCount": 9, "thoughtsTokenCount": 11,
                          "cachedContentTokenCount": 32, "toolUsePromptTokenCount": 5, "totalTokenCount": 95},
        "modelVersion": "gemini-2.5-pro",
    }, Usage(75, 20, 32, 0, "gemini-2.5-pro")),
}


@pytest.mark.parametrize("fmt", API_FORMATS)
def test_usage_from_json_body(fmt: str) -> None:
    body, expected = BODIES[fmt]
    assert usage_from_body(fmt, json.dumps(body).encode()) == expected


@pytest.mark.parametrize("fmt", API_FORMATS)
def test_usage_from_buffered_sse_body(fmt: str) -> None:
    stream, expected = STREAMS[fmt]
    assert usage_from_body(fmt, stream) == expected


def test_usage_from_gemini_json_array_stream() -> None:
    items = [_gemini("a", {"promptTokenCount": 5}), _gemini("b", {"promptTokenCount": 5, "candidatesTokenCount": 2}, "STOP")]
    assert usage_from_body("gemini", json.dumps(items).encode()) == Usage(5, 2, 0, 0, "gemini-2.5-flash")


@pytest.mark.parametrize("body", [b"", b"not json", b"[]", b"null", b'{"usage": 5}', b"\xff\xfe", None, 42])
@pytest.mark.parametrize("fmt", [*API_FORMATS, "nope"])
def test_usage_from_bad_body_is_none(fmt: str, body: object) -> None:
    assert usage_from_body(fmt, body) is None  # type: ignore[arg-type]


def test_usage_from_body_of_wrong_format_is_none() -> None:
    body, _ = BODIES["gemini"]
    assert usage_from_body("anthropic-messages", json.dumps(body).encode()) is None


def test_error_from_body() -> None:
    assert error_from_body(b'{"error":{"message":"Incorrect API key provided","type":"invalid_request_error"}}') == (
        "invalid_request_error: Incorrect API key provided")
    assert error_from_body(b'[{"error":{"code":400,"message":"bad","status":"INVALID_ARGUMENT"}}]') == "INVALID_ARGUMENT: bad"
    assert error_from_body(json.dumps(BODIES["openai-chat"][0]).encode()) is None
    assert error_from_body(b"<html>502</html>") is None
    long = json.dumps({"error": {"message": "m" * 5000}}).encode()
    assert len(error_from_body(long) or "") <= 300


# -- estimator ------------------------------------------------------------------------------------

def test_estimator_is_named() -> None:
    assert ESTIMATOR == "ascii/4+nonascii/1"


def test_estimate_tokens_values() -> None:
    assert estimate_tokens("") == 0
    assert estimate_tokens(None) == 0
    assert estimate_tokens("abcd") == 1
    assert estimate_tokens("abcde") == 2
    assert estimate_tokens("a" * 400) == 100
    assert estimate_tokens("日本語") == 3  # one per non-ASCII character, not per byte
    assert estimate_tokens("é" * 10) == 10
    assert estimate_tokens("🙂") == 1
    assert estimate_tokens("abcd日本") == 3


def test_estimate_tokens_str_bytes_agree_and_grow() -> None:
    text = json.dumps(BODIES["anthropic-messages"][0], ensure_ascii=False) + "Grüße 你好"
    assert estimate_tokens(text) == estimate_tokens(text.encode()) == estimate_tokens(bytearray(text.encode()))
    assert estimate_tokens(text + text) >= estimate_tokens(text)
    assert estimate_tokens(12345) == 0  # type: ignore[arg-type]  # never raises


# -- compressed streams ---------------------------------------------------------------------------

def _compress(enc: str, data: bytes) -> bytes:
    import gzip
    import zlib

    if enc == "gzip":
        return gzip.compress(data)
    if enc == "deflate":
        return zlib.compress(data)
    if enc == "deflate-raw":
        c = zlib.compressobj(wbits=-15)
        return c.compress(data) + c.flush()
    if enc == "br":
        import brotli

        return brotli.compress(data)
    if enc == "zstd":
        import zstandard

        return zstandard.ZstdCompressor().compress(data)
    return data


@pytest.mark.parametrize("enc", ["gzip", "deflate", "deflate-raw", "br", "zstd", "identity", None])
@pytest.mark.parametrize("fmt", API_FORMATS)
def test_compressed_stream_split_everywhere(fmt: str, enc: str | None) -> None:
    stream, expected = STREAMS[fmt]
    data = _compress(enc or "", stream)
    header = "deflate" if enc == "deflate-raw" else enc
    assert (data != stream) == (enc not in ("identity", None))
    for i in [*range(0, 8), *range(8, len(data) + 1, 7)]:
        tap = UsageTap(fmt, content_encoding=header)
        tap.feed(data[:i])
        tap.feed(data[i:])
        tap.finish()
        assert tap.usage == expected, (enc, i)
        assert not tap.undecodable


def test_compressed_stream_is_inflated_in_bounded_pieces() -> None:
    import gzip

    pad = b": " + b"p" * 1000 + b"\n"
    stream = pad * 3000 + OPENAI_CHAT  # 3 MB that gzip shrinks to a few KB
    tap = UsageTap("openai-chat", "gzip")
    seen: list[int] = []
    real_feed = tap._feed

    def spy(piece: bytes) -> None:
        seen.append(len(piece))
        real_feed(piece)

    tap._feed = spy  # type: ignore[method-assign]
    tap.feed(gzip.compress(stream))
    tap.finish()
    assert tap.usage == OPENAI_CHAT_USAGE
    assert max(seen) <= MAX_EVENT_BYTES and sum(seen) == len(stream)


@pytest.mark.parametrize("enc", ["gzip", "br", "zstd", "compress", "gzip, br"])
def test_undecodable_stream_gives_no_usage_and_never_raises(enc: str) -> None:
    tap = UsageTap("openai-chat", enc)
    tap.feed(OPENAI_CHAT)  # not actually compressed: mislabelled or unsupported
    tap.feed(OPENAI_CHAT)
    tap.finish()
    assert tap.usage is None
    assert tap.undecodable
    assert tap.internal_errors == 0
