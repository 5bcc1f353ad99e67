"""The stub's prompt-cache emulation (stub/cache.py): Anthropic breakpoints, OpenAI automatic
prefix caching, and the usage the stub reports over HTTP when it is switched on."""

from __future__ import annotations

import copy
import http.client
import json
from typing import Any

import pytest

from headroom_mitm.stub import PromptCache, Script, StubServer, TextStep, count_tokens, tokenize
from headroom_mitm.stub.cache import anthropic_segments, extends, openai_segments

EPHEMERAL = {"type": "ephemeral"}


def words(n: int, word: str = "alpha") -> str:
    """n tokens exactly: each ' word' is one token."""
    return f" {word}" * n


def text_block(text: str, cache: bool = False) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "text", "text": text}
    if cache:
        block["cache_control"] = dict(EPHEMERAL)
    return block


def anthropic_body(messages: list[dict[str, Any]], system: str = words(1500, "system"), system_cache: bool = True) -> dict[str, Any]:
    return {
        "model": "claude-sonnet-4-5",
        "system": [text_block(system, system_cache)],
        "tools": [{"name": "bash", "input_schema": {"type": "object"}}],
        "messages": messages,
        "max_tokens": 100,
        "stream": True,
    }


def turn(i: int, size: int = 300, cache: bool = False) -> list[dict[str, Any]]:
    """An assistant tool call and the user's tool result."""
    use: dict[str, Any] = {"type": "tool_use", "id": f"toolu_{i}", "name": "bash", "input": {"command": f"step {i}"}}
    result: dict[str, Any] = {"type": "tool_result", "tool_use_id": f"toolu_{i}", "content": words(size, f"out{i}x")}
    if cache:
        use["cache_control"] = dict(EPHEMERAL)
        result["cache_control"] = dict(EPHEMERAL)
    return [{"role": "assistant", "content": [use]}, {"role": "user", "content": [result]}]


def session(turns: int) -> dict[str, Any]:
    """Like OpenCode: breakpoints on the system block and on the last two messages."""
    messages: list[dict[str, Any]] = [{"role": "user", "content": [text_block("fix the failing test", cache=turns == 0)]}]
    for i in range(turns):
        messages += turn(i, cache=i == turns - 1)
    return anthropic_body(messages)


# --- tokens ---------------------------------------------------------------------------------


def test_tokenize_is_lossless_and_deterministic() -> None:
    text = "def load_config(path):\n    return {'timeout': 30}  # TODO ünïcode 1234567\n\n\tx"
    assert "".join(tokenize(text)) == text
    assert tokenize(text) == tokenize(text)
    assert count_tokens(words(37)) == 37
    assert 2 < len(text) / count_tokens(text) < 6


# --- Anthropic ------------------------------------------------------------------------------


def test_anthropic_follow_up_reads_the_prefix_the_first_request_wrote() -> None:
    cache = PromptCache()
    first = cache.anthropic(session(1))
    assert first.cache_read_tokens == 0
    assert first.cache_write_tokens == first.prompt_tokens  # the last block is a breakpoint
    assert first.uncached_tokens == 0
    second = cache.anthropic(session(2))
    assert second.cache_read_tokens == first.prompt_tokens  # everything the first request sent
    assert second.cache_write_tokens == second.prompt_tokens - first.prompt_tokens
    assert second.uncached_tokens == 0
    again = cache.anthropic(session(2))  # a client's retry: all of it is read
    assert (again.cache_read_tokens, again.cache_write_tokens) == (second.prompt_tokens, 0)


def test_anthropic_changed_byte_early_is_a_miss() -> None:
    cache = PromptCache()
    cache.anthropic(session(2))
    changed = session(3)
    changed["tools"][0]["name"] = "bask"  # tools come first in the cached prefix
    got = cache.anthropic(changed)
    assert got.cache_read_tokens == 0 and got.cache_write_tokens == got.prompt_tokens
    # A change in an early tool result also breaks everything after it, but not the system prefix.
    cache2 = PromptCache()
    cache2.anthropic(session(2))
    late = session(3)
    late["messages"][2]["content"][0]["content"] += "!"
    got2 = cache2.anthropic(late)
    system_prefix = sum(count_tokens(s.text) for s in anthropic_segments(late)[:2])
    assert got2.cache_read_tokens == system_prefix


def test_anthropic_cache_control_markers_are_not_content() -> None:
    cache = PromptCache()
    body = session(2)
    body["tools"][0]["cache_control"] = dict(EPHEMERAL)  # a breakpoint on the tool definitions
    cache.anthropic(body)
    moved = copy.deepcopy(body)
    del moved["tools"][0]["cache_control"]
    for message in moved["messages"]:
        for block in message["content"]:
            block.pop("cache_control", None)
    moved["messages"][0]["content"][0]["cache_control"] = dict(EPHEMERAL)
    moved["messages"][-1]["content"][0]["cache_control"] = dict(EPHEMERAL)
    got = cache.anthropic(moved)
    assert got.cache_read_tokens == got.prompt_tokens


def test_anthropic_without_breakpoints_caches_nothing() -> None:
    cache = PromptCache()
    body = anthropic_body([{"role": "user", "content": [text_block(words(2000))]}], system_cache=False)
    for _ in range(2):
        got = cache.anthropic(body)
        assert (got.cache_read_tokens, got.cache_write_tokens) == (0, 0)
        assert got.uncached_tokens == got.prompt_tokens
    assert len(cache) == 0


def test_anthropic_tokens_after_the_last_breakpoint_are_plain_input() -> None:
    cache = PromptCache()
    body = anthropic_body([{"role": "user", "content": [text_block(words(10), cache=False), text_block(words(250))]}])
    got = cache.anthropic(body)
    segments = anthropic_segments(body)
    head = sum(count_tokens(s.text) for s in segments[:2])  # tool + system (the breakpoint)
    assert got.cache_write_tokens == head
    assert got.uncached_tokens == got.prompt_tokens - head


def test_anthropic_lookback_is_twenty_blocks() -> None:
    def body(blocks: int) -> dict[str, Any]:
        content = [text_block(words(5, f"b{i}x"), cache=(i == blocks - 1)) for i in range(blocks)]
        return anthropic_body([{"role": "user", "content": content}])

    cache = PromptCache()
    first = cache.anthropic(body(2))
    near = cache.anthropic(body(21))  # the written boundary (block 1) is 19 blocks before block 20
    assert near.cache_read_tokens == first.prompt_tokens
    cache = PromptCache()
    first = cache.anthropic(body(2))
    far = cache.anthropic(body(23))  # 21 blocks before block 22: only the system breakpoint is found
    system_prefix = sum(count_tokens(s.text) for s in anthropic_segments(body(23))[:2])
    assert far.cache_read_tokens == system_prefix < first.prompt_tokens


def test_anthropic_minimum_cacheable_prefix() -> None:
    cache = PromptCache()
    small = anthropic_body([{"role": "user", "content": [text_block("hi", cache=True)]}], system=words(100))
    for _ in range(2):
        got = cache.anthropic(small)
        assert (got.cache_read_tokens, got.cache_write_tokens) == (0, 0)


# --- OpenAI ---------------------------------------------------------------------------------


def openai_body(user: str, system: str = "You are a coding agent.", extra: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    messages = [{"role": "system", "content": system}, {"role": "user", "content": user}, *(extra or [])]
    return {"model": "gpt-4.1", "messages": messages, "stream": True, "stream_options": {"include_usage": True}}


def test_openai_below_1024_tokens_is_never_cached() -> None:
    cache = PromptCache()
    body = openai_body(words(900))
    for _ in range(2):
        got = cache.openai(body)
        assert got.prompt_tokens < 1024 and got.cache_read_tokens == 0


def test_openai_caches_the_shared_prefix_in_128_token_increments() -> None:
    cache = PromptCache()
    first = cache.openai(openai_body(words(2000)))
    assert first.cache_read_tokens == 0 and first.uncached_tokens == first.prompt_tokens
    again = cache.openai(openai_body(words(2000)))
    assert again.cache_read_tokens == first.prompt_tokens // 128 * 128
    assert again.cache_read_tokens % 128 == 0 and again.prompt_tokens - again.cache_read_tokens < 128
    longer = cache.openai(openai_body(words(2000), extra=[{"role": "assistant", "content": words(700, "reply")}]))
    assert longer.cache_read_tokens == first.prompt_tokens // 128 * 128
    assert longer.cache_write_tokens == 0  # OpenAI never reports writes


def test_openai_changed_byte_early_is_a_miss_and_short_shared_prefix_counts_nothing() -> None:
    cache = PromptCache()
    cache.openai(openai_body(words(2000)))
    changed = cache.openai(openai_body(words(2000), system="You are a coding agent!"))
    assert changed.cache_read_tokens == 0
    cache = PromptCache()
    cache.openai(openai_body(words(600) + words(1000, "first")))
    shared_600 = cache.openai(openai_body(words(600) + words(1000, "second")))
    assert shared_600.cache_read_tokens == 0  # shared prefix under 1024 tokens
    shared_1100 = cache.openai(openai_body(words(600) + words(1000, "second") + words(5)))
    assert shared_1100.cache_read_tokens == (shared_600.prompt_tokens) // 128 * 128


def test_cache_is_per_model_and_bounded() -> None:
    cache = PromptCache(max_entries=8)
    body = openai_body(words(3000))
    cache.openai(body)
    assert len(cache) == 8  # bounded: only the newest boundaries are kept
    other = dict(body, model="gpt-4.1-mini")
    assert PromptCache().openai(other).cache_read_tokens == 0
    fresh = PromptCache()
    fresh.openai(body)
    assert fresh.openai(other).cache_read_tokens == 0
    with pytest.raises(ValueError):
        PromptCache(max_entries=0)


def test_extends_compares_units_without_breakpoints() -> None:
    a, b = session(1), session(2)
    assert extends(anthropic_segments(a), anthropic_segments(b))
    assert not extends(anthropic_segments(b), anthropic_segments(a))
    c = session(2)
    c["messages"][2]["content"][0]["content"] = "compressed"
    assert not extends(anthropic_segments(a), anthropic_segments(c))
    o1 = openai_body("x")
    o2 = openai_body("x", extra=[{"role": "assistant", "content": "y"}])
    assert extends(openai_segments(o1), openai_segments(o2))


# --- over HTTP ------------------------------------------------------------------------------


def _post(stub: StubServer, path: str, payload: dict[str, Any]) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", stub.port, timeout=10)
    try:
        conn.request("POST", path, body=json.dumps(payload).encode(), headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        assert resp.status == 200
        return resp.read()
    finally:
        conn.close()


def _data(raw: bytes) -> list[Any]:
    return [json.loads(line[6:]) for line in raw.decode().splitlines() if line.startswith("data: {")]


def test_stub_reports_emulated_usage_in_both_wire_formats() -> None:
    with StubServer(Script(steps=(TextStep("ok"),)), prompt_cache=True) as stub:
        _post(stub, "/v1/messages", session(1))
        start = _data(_post(stub, "/v1/messages", session(2)))[0]["message"]["usage"]
        _post(stub, "/v1/chat/completions", openai_body(words(2000)))
        usage = _data(_post(stub, "/v1/chat/completions", openai_body(words(2000))))[-1]["usage"]
        exchanges = stub.exchanges
    expected = PromptCache()
    expected.anthropic(session(1))
    want = expected.anthropic(session(2))
    assert start["cache_read_input_tokens"] == want.cache_read_tokens > 0
    assert start["cache_creation_input_tokens"] == want.cache_write_tokens
    assert start["input_tokens"] == want.uncached_tokens
    assert usage["prompt_tokens_details"]["cached_tokens"] > 1024
    assert usage["prompt_tokens_details"]["cached_tokens"] % 128 == 0
    assert [r.path for r, _ in exchanges] == ["/v1/messages"] * 2 + ["/v1/chat/completions"] * 2
    assert exchanges[1][1]["cache_read_tokens"] == want.cache_read_tokens


def test_stub_without_prompt_cache_keeps_the_heuristic() -> None:
    with StubServer(Script(steps=(TextStep("ok"),))) as stub:
        assert stub.prompt_cache is None
        _post(stub, "/v1/chat/completions", openai_body(words(2000)))
        usage = _data(_post(stub, "/v1/chat/completions", openai_body(words(2000))))[-1]["usage"]
    assert usage["prompt_tokens_details"]["cached_tokens"] == 0  # no assistant turn: no read
