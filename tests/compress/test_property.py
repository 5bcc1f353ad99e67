"""Property test over generated request bodies in all four formats.

compress_request never fails internally; an unchanged body is the same bytes; a changed body is
valid JSON whose every value outside the tool outputs is equal, byte for byte outside their spans.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from headroom_mitm.compress import CompressionSettings, clear_memo, compress_request
from headroom_mitm.compress.adapters import find_blocks
from headroom_mitm.compress.jsonsplice import locate_strings

S = CompressionSettings()
TOOLS = ["bash", "grep", "read", "webfetch", "glob", "task", "mcp_read_file", "custom_tool", ""]
Calls = list[tuple[str, str, bool]]
SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]


def _gen_output(kind: str, seed: int, size: int) -> str:
    r = random.Random(seed)
    if kind == "log":
        words = ["ok", "building", "linking", "warning: slow", "ERROR bad"]
        return "\n".join(f"step {i}: {r.choice(words)}" for i in range(size)) + r.choice(["", "\n", "\r\n"])
    if kind == "grep":
        return "\n".join(f"src/m{r.randrange(20)}.py:{r.randrange(900)}:  x = {i}" for i in range(size))
    if kind == "json":
        items = [{"id": i, "v": r.choice(["a", "é", None, 1.5])} for i in range(size)]
        return json.dumps(items, indent=r.choice([None, 2]))
    if kind == "progress":
        return "".join(f"\x1b[32m{i}%\x1b[0m\r" for i in range(size)) + "done   \n\n\n\n\nend"
    if kind == "repeat":
        return ("same line\n" * size) + "tail"
    if kind == "prose":
        words = ["lorem", "ipsum", "dolor", "ünï", "😀", "\t", "\u2028"]
        return " ".join(r.choice(words) for _ in range(size * 8))
    return "x" * size


generated = st.builds(
    _gen_output,
    st.sampled_from(["log", "grep", "json", "progress", "repeat", "prose", "plain"]),
    st.integers(0, 10_000),
    st.integers(0, 1500),
)
outputs = st.one_of(
    generated,
    generated,
    generated,
    st.text(max_size=300),
    st.sampled_from(["\ud800 lone surrogate", "nul \x00 ctl \x1f", '"quoted" \\ back']),
)
json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
json_value = st.recursive(
    json_leaf,
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3),
    max_leaves=8,
)
tools = st.one_of(st.sampled_from(TOOLS), st.sampled_from(["bash", "grep", "webfetch"]))
calls = st.lists(st.tuples(tools, outputs, st.booleans()), min_size=0, max_size=4)


def _openai_chat(calls: Calls, extra: Any) -> dict[str, Any]:
    msgs: list[dict[str, Any]] = [
        {"role": "system", "content": "sys"},
        {"role": "user", "content": "hi", "x": extra},
    ]
    for i, (tool, out, parts) in enumerate(calls):
        call = {"id": f"c{i}", "type": "function", "function": {"name": tool, "arguments": "{}"}}
        msgs.append({"role": "assistant", "content": None, "tool_calls": [call]})
        content: Any = [{"type": "text", "text": out}] if parts else out
        msgs.append({"role": "tool", "tool_call_id": f"c{i}", "content": content})
    return {"model": "m", "stream": True, "messages": msgs, "extra": extra}


def _openai_responses(calls: Calls, extra: Any) -> dict[str, Any]:
    items: list[dict[str, Any]] = [
        {"role": "user", "content": [{"type": "input_text", "text": "hi"}]},
        {"type": "reasoning", "encrypted_content": "enc"},
    ]
    for i, (tool, out, parts) in enumerate(calls):
        items.append({"type": "function_call", "call_id": f"k{i}", "name": tool, "arguments": "{}"})
        output: Any = [{"type": "input_text", "text": out}] if parts else out
        items.append({"type": "function_call_output", "call_id": f"k{i}", "output": output})
    return {"model": "m", "input": items, "store": False, "extra": extra}


def _anthropic(calls: Calls, extra: Any) -> dict[str, Any]:
    msgs: list[dict[str, Any]] = [{"role": "user", "content": "hi"}]
    for i, (tool, out, parts) in enumerate(calls):
        use = {"type": "tool_use", "id": f"t{i}", "name": tool, "input": {"e": extra}}
        msgs.append({"role": "assistant", "content": [use]})
        content: Any = [{"type": "text", "text": out}] if parts else out
        result = {"type": "tool_result", "tool_use_id": f"t{i}", "content": content, "is_error": parts and i % 2 == 0}
        msgs.append({"role": "user", "content": [result]})
    return {"model": "claude", "system": [{"type": "text", "text": "sys"}], "messages": msgs, "metadata": extra}


def _gemini(calls: Calls, extra: Any) -> dict[str, Any]:
    contents: list[dict[str, Any]] = [{"role": "user", "parts": [{"text": "hi"}]}]
    for tool, out, parts in calls:
        contents.append({"role": "model", "parts": [{"functionCall": {"name": tool, "args": {}}}]})
        response: Any = {"output": {"stdout": out, "code": 0}} if parts else {"name": tool, "content": out}
        contents.append({"role": "user", "parts": [{"functionResponse": {"name": tool, "response": response}}]})
    return {"contents": contents, "generationConfig": {"x": extra}}


BUILDERS = {
    "openai-chat": _openai_chat,
    "openai-responses": _openai_responses,
    "anthropic-messages": _anthropic,
    "gemini": _gemini,
}


def _serialize(doc: Any, style: int) -> bytes:
    if style == 0:  # JSON.stringify style
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    if style == 1:  # Python style: ASCII escapes
        return json.dumps(doc).encode()
    if style == 2:
        return json.dumps(doc, indent=2, ensure_ascii=False).encode()
    return json.dumps(doc, indent="\t", separators=(" ,", " : ")).encode()


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> None:
    for p in path[:-1]:
        doc = doc[p]
    doc[path[-1]] = value


@settings(max_examples=200, deadline=None, suppress_health_check=SLOW_OK)
@given(
    fmt=st.sampled_from(sorted(BUILDERS)),
    calls=calls,
    extra=json_value,
    style=st.integers(0, 3),
    give_format=st.booleans(),
    memo=st.booleans(),
)
def test_compress_request_properties(
    fmt: str, calls: Calls, extra: Any, style: int, give_format: bool, memo: bool
) -> None:
    _check(fmt, calls, extra, style, give_format, memo)


big_outputs = st.builds(
    _gen_output,
    st.sampled_from(["log", "grep", "json", "progress", "repeat", "prose"]),
    st.integers(0, 10_000),
    st.integers(300, 3000),
)


@settings(max_examples=60, deadline=None, suppress_health_check=SLOW_OK)
@given(
    fmt=st.sampled_from(sorted(BUILDERS)),
    calls=st.lists(
        st.tuples(st.sampled_from(["bash", "grep", "read", "webfetch"]), big_outputs, st.booleans()),
        min_size=1,
        max_size=3,
    ),
    extra=json_value,
    style=st.integers(0, 3),
)
def test_compress_request_properties_on_compressible_bodies(
    fmt: str, calls: Calls, extra: Any, style: int
) -> None:
    _check(fmt, calls, extra, style, True, True)


def _check(fmt: str, calls: Calls, extra: Any, style: int, give_format: bool, memo: bool) -> None:
    doc = BUILDERS[fmt](calls, extra)
    try:
        raw = _serialize(doc, style)
    except UnicodeError:
        raw = json.dumps(doc).encode()  # lone surrogates only survive as escapes
    if not memo:
        clear_memo()
    api_format = fmt if give_format else None
    res = compress_request(raw, api_format=api_format, content_encoding=None, settings=S, store=None)
    assert not (res.skipped_reason or "").startswith("internal error"), res.skipped_reason
    again = compress_request(raw, api_format=api_format, content_encoding=None, settings=S, store=None)
    assert again.body == res.body  # a retry is byte-identical
    event(f"{fmt} changed={res.changed} lossy={any(r.retrieve_id for r in res.blocks)}")
    if not res.changed:
        assert res.body is raw
        return
    assert res.skipped_reason is None
    out = json.loads(res.body)
    original = json.loads(raw)
    blocks = find_blocks(original, fmt)
    paths = [b.path for b in blocks]
    # Put the original tool outputs back: everything must then be equal.
    restored = copy.deepcopy(out)
    for b in blocks:
        _set(restored, b.path, b.text)
    assert restored == original
    assert [b.path for b in find_blocks(out, fmt)] == paths
    assert any(r.chars_after != r.chars_before or r.transforms for r in res.blocks)
    for r in res.blocks:
        assert r.chars_after <= r.chars_before
    # Byte level: the text between rewritten values is exactly the client's.
    t1, t2 = raw.decode(), res.body.decode()
    s1, s2 = locate_strings(t1, paths), locate_strings(t2, paths)
    pos1 = pos2 = 0
    for p in sorted(paths, key=lambda p: s1[p]):
        a1, b1 = s1[p]
        a2, b2 = s2[p]
        assert t1[pos1:a1] == t2[pos2:a2]
        pos1, pos2 = b1, b2
    assert t1[pos1:] == t2[pos2:]
