"""compress_request: pass-through, byte-faithfulness, protected zones, cache safety."""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from headroom_mitm.compress import (
    LOSSY_TRANSFORMS,
    CompressionSettings,
    OriginalStore,
    clear_memo,
    compress_request,
    compress_text,
    run_compress_cli,
)
from headroom_mitm.compress import engine as engine_mod
from headroom_mitm.compress.encoding import encode_body
from headroom_mitm.compress.jsonsplice import locate_strings

S = CompressionSettings()


RETRIEVE_TOOLS = [{"type": "function", "function": {"name": "headroom_retrieve", "parameters": {"type": "object"}}}]
ANTHROPIC_RETRIEVE_TOOL = {"name": "headroom_retrieve", "input_schema": {"type": "object"}}
_STORE: list[OriginalStore] = []


@pytest.fixture(autouse=True)
def _fresh_memo(tmp_path) -> Any:
    clear_memo()
    _STORE[:] = [OriginalStore(tmp_path / "originals.db")]
    yield
    _STORE.pop().close()


def big_log(seed: int = 0, n: int = 800) -> str:
    lines = [f"[{seed}] compiling unit {i} of {n} with flags -O2" for i in range(n)]
    lines[n // 2] = f"[{seed}] src/main.rs:10:5: error[E0308]: mismatched types"
    return "\n".join(lines) + "\n"


def chat_body(tool_outputs: list[tuple[str, str]], **extra: Any) -> dict[str, Any]:
    messages: list[dict[str, Any]] = [
        {"role": "system", "content": "You are OpenCode. " + big_log(99)},
        {"role": "user", "content": "please run it\n" + big_log(98)},
    ]
    for i, (tool, out) in enumerate(tool_outputs):
        messages.append(
            {
                "role": "assistant",
                "content": "running " + big_log(97) if i == 0 else None,
                "tool_calls": [{"id": f"call_{i}", "type": "function", "function": {"name": tool, "arguments": "{}"}}],
            }
        )
        messages.append({"role": "tool", "tool_call_id": f"call_{i}", "content": out})
    extra.setdefault("tools", RETRIEVE_TOOLS)
    return {"model": "gpt-x", "stream": True, "stream_options": {"include_usage": True}, "messages": messages, **extra}


def run(body: bytes, **kw: Any) -> Any:
    kw.setdefault("api_format", None)
    kw.setdefault("content_encoding", None)
    kw.setdefault("settings", S)
    kw.setdefault("store", _STORE[0])
    return compress_request(body, **kw)


# ------------------------------------------------------------------ pass-through


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty body"),
        (b"not json at all, tool", "not a JSON object"),
        (b'{"messages": [{"role": "tool", "content": "x"', "malformed JSON"),
        (b'[{"role": "tool"}]', "not a JSON object"),
        (b'{"prompt": "tool"}', "unknown body shape"),
        (b'{"messages": [{"role": "user", "content": "hi"}]}', "no tool outputs"),
        (b'\xef\xbb\xbf{"messages": [{"role": "tool", "content": "x"}]}', "not a JSON object"),
        (b'{"messages": [{"role": "tool", "content": "\xff\xfe"}]}', "malformed JSON"),
    ],
)
def test_pass_through_returns_the_same_object(body: bytes, reason: str) -> None:
    res = run(body)
    assert res.body is body and not res.changed
    assert res.skipped_reason is not None and res.skipped_reason.startswith(reason)


def test_over_cap_and_disabled_and_unknown_encoding_pass_through() -> None:
    body = json.dumps(chat_body([("bash", big_log())])).encode()
    small_cap = CompressionSettings(max_body_bytes=1000)
    assert run(body, settings=small_cap).body is body
    assert run(body, settings=CompressionSettings(enabled=False)).body is body
    res = run(body, content_encoding="compress")
    assert res.body is body and "unsupported content-encoding" in (res.skipped_reason or "")
    res = run(b"\x1f\x8b garbage", content_encoding="gzip")
    assert not res.changed and "undecodable" in (res.skipped_reason or "")
    bomb = gzip.compress(b"{" + b" " * 5_000_000 + b"}", mtime=0)
    res = run(bomb, content_encoding="gzip", settings=CompressionSettings(max_body_bytes=1_000_000))
    assert res.body is bomb and "over size cap" in (res.skipped_reason or "")


def test_unchanged_when_nothing_to_compress() -> None:
    body = json.dumps(chat_body([("bash", "short output")])).encode()
    res = run(body)
    assert res.body is body and res.skipped_reason == "nothing to compress"
    assert [b.tool for b in res.blocks] == ["bash"]


def test_internal_error_fails_open(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*a: Any, **k: Any) -> Any:
        raise RuntimeError("splice bug")

    monkeypatch.setattr(engine_mod, "locate_strings", boom)
    body = json.dumps(chat_body([("bash", big_log())])).encode()
    res = run(body)
    assert res.body is body and not res.changed
    assert res.skipped_reason is not None and "RuntimeError" in res.skipped_reason


def test_an_output_that_breaks_the_engine_is_sent_unchanged_and_the_others_compressed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An output the lossy transforms fail on (a bug) fails, alone, every time the conversation is sent.
    real = engine_mod.lossy_candidates

    def breaks_on_odd(text: str, *a: Any, **k: Any) -> Any:
        if "[3] compiling" in text:
            raise UnicodeEncodeError("utf-8", text, 0, 1, "a bug")
        return real(text, *a, **k)

    monkeypatch.setattr(engine_mod, "lossy_candidates", breaks_on_odd)
    odd = big_log(3)
    body = json.dumps(chat_body([("bash", odd), ("bash", big_log(4))])).encode()
    for _ in range(2):  # the second time from the memo
        res = run(body)
        assert res.changed and res.skipped_reason is None
        assert [b.chars_after == b.chars_before for b in res.blocks] == [True, False]
        outs = [m["content"] for m in json.loads(res.body)["messages"] if m["role"] == "tool"]
        assert outs[0] == odd and outs[1] != big_log(4)


# ------------------------------------------------------------------ byte-faithful


def _outside_spans_equal(before: bytes, after: bytes, paths: list[tuple[Any, ...]]) -> None:
    t1, t2 = before.decode(), after.decode()
    s1, s2 = locate_strings(t1, paths), locate_strings(t2, paths)
    cuts1 = sorted(s1.values())
    cuts2 = sorted(s2.values())
    pos1 = pos2 = 0
    for (a1, b1), (a2, b2) in zip(cuts1, cuts2, strict=True):
        assert t1[pos1:a1] == t2[pos2:a2]
        pos1, pos2 = b1, b2
    assert t1[pos1:] == t2[pos2:]


def test_changed_body_keeps_every_other_byte() -> None:
    doc = chat_body([("bash", big_log(1)), ("read", big_log(2)), ("grep", "tiny")])
    raw = json.dumps(doc, indent=3, ensure_ascii=False).replace('"stream": true', '"stream" :true').encode()
    raw = raw.replace(b'"model": "gpt-x"', b'"model":"gpt\\u002dx", "t":"caf\\u00e9 \\/"')
    res = run(raw)
    assert res.changed and res.api_format == "openai-chat"
    out = json.loads(res.body)
    assert out["messages"][3]["content"] != doc["messages"][3]["content"]
    assert out["messages"][5]["content"] == doc["messages"][5]["content"]  # read: verbatim
    _outside_spans_equal(raw, res.body, [("messages", 3, "content")])
    assert b'"model":"gpt\\u002dx", "t":"caf\\u00e9 \\/"' in res.body
    assert b'"stream" :true' in res.body


def test_ascii_escaping_client_gets_ascii_escapes_back() -> None:
    log = big_log(3).replace("compiling", "compilación")
    raw = json.dumps(chat_body([("bash", log)])).encode()  # ensure_ascii=True, like Python clients
    assert raw.isascii()
    res = run(raw)
    assert res.changed and res.body.isascii()
    assert "compilación" in json.loads(res.body)["messages"][3]["content"]


def test_non_ascii_client_gets_raw_utf8_back() -> None:
    log = big_log(3).replace("compiling", "compilación")
    raw = json.dumps(chat_body([("bash", log)]), ensure_ascii=False).encode()
    res = run(raw)
    assert res.changed and "compilación".encode() in res.body and b"\\u00f3" not in res.body


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br", "zstd", "gzip, br"])
def test_encoded_bodies_are_decoded_and_re_encoded(encoding: str) -> None:
    raw = json.dumps(chat_body([("bash", big_log(4))])).encode()
    plain = run(raw)
    assert plain.changed
    res = run(encode_body(raw, encoding), content_encoding=encoding)
    assert res.changed
    from headroom_mitm.compress.encoding import decode_body

    assert decode_body(res.body, encoding, 10**8) == plain.body
    again = run(encode_body(raw, encoding), content_encoding=encoding)
    assert again.body == res.body  # a retry produces identical bytes


def test_duplicate_key_tool_output_is_left_alone() -> None:
    log = big_log(5)
    raw = (
        '{"messages":[{"role":"assistant","tool_calls":[{"id":"a","function":{"name":"bash"}}]},'
        f'{{"role":"tool","tool_call_id":"a","content":{json.dumps(log)},"content":{json.dumps(log)}}}]}}'
    ).encode()
    res = run(raw)
    assert res.body is raw and not res.changed


# ------------------------------------------------------------------ protected zones


def test_protected_zones_are_untouched() -> None:
    log = big_log(6)
    doc = {
        "model": "claude",
        "system": [{"type": "text", "text": "system " + log}],
        "tools": [
            {"name": "bash", "description": "tool def " + log, "input_schema": {"type": "object"}},
            ANTHROPIC_RETRIEVE_TOOL,
        ],
        "messages": [
            {"role": "user", "content": [{"type": "text", "text": "user typed " + log}]},
            {
                "role": "assistant",
                "content": [
                    {"type": "thinking", "thinking": "reasoning " + log, "signature": "sig"},
                    {"type": "redacted_thinking", "data": "enc " + log},
                    {"type": "text", "text": "assistant " + log},
                    {"type": "tool_use", "id": "r", "name": "read", "input": {}},
                    {"type": "tool_use", "id": "b", "name": "bash", "input": {}},
                    {"type": "tool_use", "id": "e", "name": "bash", "input": {}},
                    {"type": "tool_use", "id": "s", "name": "filesystem_read_text_file", "input": {}},
                ],
            },
            {
                "role": "user",
                "content": [
                    {"type": "tool_result", "tool_use_id": "r", "content": log},
                    {
                        "type": "tool_result",
                        "tool_use_id": "b",
                        "content": [{"type": "text", "text": log}, {"type": "image", "source": {"data": "QUJD" * 3000}}],
                    },
                    {"type": "tool_result", "tool_use_id": "e", "is_error": True, "content": "Error: " + log[:5000]},
                    {"type": "tool_result", "tool_use_id": "s", "content": log},
                    {"type": "tool_result", "tool_use_id": "unknown", "content": log},
                ],
            },
        ],
    }
    raw = json.dumps(doc).encode()
    res = run(raw)
    assert res.changed
    out = json.loads(res.body)
    results = out["messages"][2]["content"]
    assert results[1]["content"][0]["text"] != log  # bash output: compressed
    assert results[1]["content"][1] == doc["messages"][2]["content"][1]["content"][1]  # image
    for i in (0, 2, 3, 4):  # read, small error, MCP file read, unknown tool
        assert results[i] == doc["messages"][2]["content"][i], i
    for key in ("system", "tools", "model"):
        assert out[key] == doc[key]
    assert out["messages"][:2] == doc["messages"][:2]


def test_large_error_output_may_be_lossy_and_small_one_not() -> None:
    err = "Error: build failed\n" + big_log(7)
    assert compress_text(err, "bash", S, is_error=True).rendering.retrieve_id is not None
    small = "Error: x\n" + big_log(7)[:3000]
    r = compress_text(small, "bash", S, is_error=True).rendering
    assert r.retrieve_id is None


def test_lossless_only_tools_are_configurable() -> None:
    log = big_log(8)
    assert compress_text(log, "bash", S).rendering.retrieve_id is not None
    custom = CompressionSettings(lossless_only_tools=frozenset({"Bash"}))
    assert compress_text(log, "bash", custom).rendering.retrieve_id is None
    for tool in ("task", "webfetch", "websearch", "fetch", "mcp_webfetch"):
        assert compress_text(log, tool, S).rendering.retrieve_id is None, tool
    # Other agents' names for the same tools (Claude Code, Gemini CLI), as the pinned agents send them.
    for tool in ("WebFetch", "WebSearch", "Agent", "Skill", "ReadMcpResourceTool", "web_fetch",
                 "google_web_search", "invoke_agent", "activate_skill", "write_todos", "get_internal_docs",
                 "read_mcp_resource", "read_many_files", "Read"):
        assert compress_text(log, tool, S).rendering.retrieve_id is None, tool
    # Gemini CLI's grep is a search whose content decides, not a web search.
    assert compress_text(log, "grep_search", S).rendering.retrieve_id is not None
    # glob and list are no longer lossless-only: the content decides.
    assert compress_text(log, "glob", S).rendering.retrieve_id is not None
    off = CompressionSettings(disabled_transforms=frozenset(LOSSY_TRANSFORMS))
    assert compress_text(log, "bash", off).rendering.text is None


# ------------------------------------------------------------------ cache safety


def _anthropic_turns(n: int) -> list[bytes]:
    """Request bodies of a conversation growing turn by turn, serialized like a JS client."""
    msgs: list[dict[str, Any]] = [{"role": "user", "content": [{"type": "text", "text": "fix the build"}]}]
    bodies = []
    for t in range(n):
        tool = ["bash", "grep", "read", "webfetch"][t % 4]
        out = {
            "bash": big_log(t),
            "grep": "\n".join(f"src/f{i}.py:{k}:needle {t}" for i in range(30) for k in range(9)),
            "read": big_log(t),
            "webfetch": "word " * 5000,
        }[tool]
        msgs.append({"role": "assistant", "content": [{"type": "tool_use", "id": f"t{t}", "name": tool, "input": {}}]})
        msgs.append({"role": "user", "content": [{"type": "tool_result", "tool_use_id": f"t{t}", "content": out}]})
        doc = {
            "model": "claude",
            "stream": True,
            "system": [{"type": "text", "text": "sys"}],
            "tools": [ANTHROPIC_RETRIEVE_TOOL],
            "messages": msgs,
        }
        bodies.append(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode())
    return bodies


def test_multi_turn_replay_is_prefix_stable() -> None:
    bodies = _anthropic_turns(8)
    outs = [run(b).body for b in bodies]
    assert all(run(b).changed for b in bodies)
    assert b"headroom_retrieve id=hr_" in outs[-1]  # lossy renderings among them
    for prev, cur in zip(outs, outs[1:]):
        assert prev.endswith(b"]}")
        assert cur.startswith(prev[:-2]), "an earlier turn's bytes changed"


def test_prefix_stable_without_memo_and_with_store(tmp_path: Path) -> None:
    bodies = _anthropic_turns(5)
    with OriginalStore(tmp_path / "s.db") as store:
        outs = []
        for b in bodies:
            clear_memo()
            outs.append(run(b, store=store).body)
        for prev, cur in zip(outs, outs[1:]):
            assert cur.startswith(prev[:-2])
        # Without memo or store, the pure pipeline gives the very same bytes.
        clear_memo()
        assert [run(b).body for b in bodies] == outs


def test_store_keeps_first_rendering_across_setting_changes(tmp_path: Path) -> None:
    body = json.dumps(chat_body([("bash", big_log(9))])).encode()
    with OriginalStore(tmp_path / "s.db") as store:
        first = run(body, store=store)
        clear_memo()
        changed_settings = CompressionSettings(disabled_transforms=frozenset(LOSSY_TRANSFORMS))
        assert compress_text(big_log(9), "bash", changed_settings).rendering.text != json.loads(first.body)["messages"][3]["content"]
        again = run(body, store=store, settings=changed_settings)
        assert again.body == first.body
        assert again.blocks[0].cached
        rid = first.blocks[0].retrieve_id
        assert rid and store.get(rid) is not None and "error[E0308]" in (store.get(rid) or "")


def test_broken_store_means_lossless_not_a_marker_to_nowhere(tmp_path: Path) -> None:
    store = OriginalStore(tmp_path / "s.db")
    store.close()  # every call now raises
    body = json.dumps(chat_body([("bash", big_log(10) + "  \n")])).encode()
    res = run(body, store=store)
    assert res.changed  # the lossless clean-up still runs
    assert b"elided" not in res.body and all(b.retrieve_id is None for b in res.blocks)


def test_an_original_that_cannot_be_stored_is_sent_losslessly(tmp_path: Path, monkeypatch) -> None:
    store = OriginalStore(tmp_path / "s.db")

    def full_disk(*args: Any, **kwargs: Any) -> None:
        raise OSError("database or disk is full")

    monkeypatch.setattr(store, "put", full_disk)
    body = json.dumps(chat_body([("bash", big_log(11))])).encode()
    res = run(body, store=store)
    assert b"elided" not in res.body and all(b.retrieve_id is None for b in res.blocks)
    store.close()


def test_determinism_across_fresh_processes(tmp_path: Path) -> None:
    bodies = _anthropic_turns(4)
    body = bodies[-1]
    src = tmp_path / "body.json"
    src.write_bytes(body)
    script = textwrap.dedent(
        """
        import hashlib, sys
        from headroom_mitm.compress import CompressionSettings, compress_request
        from headroom_mitm.compress import OriginalStore
        raw = open(sys.argv[1], "rb").read()
        store = OriginalStore(sys.argv[2])
        r = compress_request(raw, api_format=None, content_encoding=None, settings=CompressionSettings(), store=store)
        print(r.changed, hashlib.sha256(r.body).hexdigest())
        """
    )
    digests = set()
    for seed in ("1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        p = subprocess.run([sys.executable, "-c", script, str(src), str(tmp_path / f"{seed}.db")], env=env, capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, p.stderr
        digests.add(p.stdout.strip())
    import hashlib

    assert digests == {f"True {hashlib.sha256(run(body).body).hexdigest()}"}


# ------------------------------------------------------------------ reports and CLI


def test_block_reports() -> None:
    raw = json.dumps(chat_body([("bash", big_log(11)), ("read", "file")])).encode()
    res = run(raw)
    b0, b1 = res.blocks
    assert (b0.tool, b0.block_path) == ("bash", "/messages/3/content")
    assert b0.chars_before == len(big_log(11)) and b0.chars_after < b0.chars_before
    assert b0.transforms[-1] in LOSSY_TRANSFORMS and b0.retrieve_id and b0.retrieve_id.startswith("hr_")
    assert (b1.tool, b1.transforms, b1.retrieve_id, b1.chars_after) == ("read", (), None, 4)
    assert res.chars_saved == b0.chars_before - b0.chars_after


def test_run_compress_cli() -> None:
    raw = json.dumps(chat_body([("bash", big_log(12))])).encode()
    body, report = run_compress_cli(raw, "auto", S, _STORE[0])
    assert body == run(raw).body
    assert b"headroom_retrieve id=hr_" in body
    # Without a store nothing dropped could be read back: lossless only.
    body0, report0 = run_compress_cli(raw, "auto", S)
    assert b"elided" not in body0 and "id=hr_" not in report0
    assert "format=openai-chat" in report and "/messages/3/content tool=bash" in report and "id=hr_" in report
    body2, report2 = run_compress_cli(raw, "anthropic", S)
    assert body2 == raw and "no tool outputs" in report2
    body3, report3 = run_compress_cli(b"hello", "auto", S)
    assert body3 == b"hello" and "not a JSON object" in report3
    with pytest.raises(ValueError):
        run_compress_cli(raw, "bogus", S)


def test_settings_fingerprint_is_stable_and_sensitive() -> None:
    assert CompressionSettings().fingerprint() == S.fingerprint()
    assert CompressionSettings(min_lossy_chars=10).fingerprint() != S.fingerprint()
    assert CompressionSettings(memo_max_entries=3).fingerprint() == S.fingerprint()
    with pytest.raises(ValueError):
        CompressionSettings(disabled_transforms=frozenset({"nope"}))
    loaded = CompressionSettings.from_mapping({"lossless_only_tools": ["Bash"], "min_lossy_chars": 100})
    assert loaded.lossless_only_tools == frozenset({"bash"}) and loaded.min_lossy_chars == 100
    assert dataclasses.replace(loaded, min_lossy_chars=2048, min_ranked_chars=2048).fingerprint() != loaded.fingerprint()
    with pytest.raises(ValueError):
        CompressionSettings.from_mapping({"no_such_setting": 1})


# ------------------------------------------------------------------ lossy only where the original can be read back


def _sent(res: Any, i: int = 3) -> str:
    return json.loads(res.body)["messages"][i]["content"]


def test_without_the_retrieve_tool_only_lossless_transforms_run() -> None:
    log = big_log(13).replace("-O2", "-O2   ")  # trailing blanks: something lossless to do
    with_tool = run(json.dumps(chat_body([("bash", log)])).encode())
    assert with_tool.changed and "elided" in _sent(with_tool)
    for tools in ([], [{"type": "function", "function": {"name": "bash", "parameters": {"type": "object"}}}], None):
        doc = chat_body([("bash", log)], tools=tools)
        if tools is None:
            del doc["tools"]
        res = run(json.dumps(doc).encode())
        assert res.changed, tools
        sent = _sent(res)
        assert "elided" not in sent and "[…" not in sent and "headroom_retrieve" not in sent
        assert sent == log.replace("-O2   ", "-O2")  # only the trailing blanks went
        assert res.blocks[0].retrieve_id is None
        assert not set(res.blocks[0].transforms) & set(LOSSY_TRANSFORMS)


def test_without_a_store_only_lossless_transforms_run() -> None:
    res = run(json.dumps(chat_body([("bash", big_log(14))])).encode(), store=None)
    assert not res.changed and res.skipped_reason == "nothing to compress"
    assert res.blocks[0].retrieve_id is None


def test_marker_names_the_retrieve_tool_as_the_request_does() -> None:
    for name in ("mcp__headroom__headroom_retrieve", "headroom_headroom_retrieve"):
        clear_memo()
        tools = [{"type": "function", "function": {"name": name, "parameters": {"type": "object"}}}]
        res = run(json.dumps(chat_body([("bash", big_log(15))], tools=tools)).encode())
        sent = _sent(res)
        rid = res.blocks[0].retrieve_id
        assert rid and f"; {name} id={rid} …]" in sent, name
        markers = [x for x in sent.split("\n") if x.startswith("[…")]
        assert markers and f" {name} id=" in markers[0] and all(m.endswith(f" {name}, id as above …]") for m in markers[1:])
    # A tool whose name only contains the word is not the retrieve tool.
    tools = [{"type": "function", "function": {"name": "headroom_retrieve_v2", "parameters": {"type": "object"}}}]
    res = run(json.dumps(chat_body([("bash", big_log(15))], tools=tools)).encode())
    assert "elided" not in _sent(res)


def test_anthropic_and_gemini_tool_lists_enable_lossy() -> None:
    log = big_log(16)
    base = {
        "model": "claude",
        "messages": [
            {"role": "assistant", "content": [{"type": "tool_use", "id": "b", "name": "bash", "input": {}}]},
            {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "b", "content": log}]},
        ],
    }
    off = run(json.dumps(base).encode())
    assert "elided" not in off.body.decode()
    on = run(json.dumps({**base, "tools": [{"name": "mcp__headroom__headroom_retrieve", "input_schema": {}}]}).encode())
    assert "mcp__headroom__headroom_retrieve id=hr_" in json.loads(on.body)["messages"][1]["content"][0]["content"]
    gem = {
        "contents": [
            {"role": "model", "parts": [{"functionCall": {"name": "bash", "args": {}}}]},
            {"role": "user", "parts": [{"functionResponse": {"name": "bash", "response": {"output": log}}}]},
        ],
    }
    assert "elided" not in run(json.dumps(gem).encode(), api_format="gemini").body.decode()
    gem["tools"] = [{"functionDeclarations": [{"name": "headroom_headroom_retrieve"}]}]
    assert "headroom_headroom_retrieve id=hr_" in run(json.dumps(gem).encode(), api_format="gemini").body.decode()


def test_a_body_parsed_by_an_earlier_stage_is_not_parsed_again(monkeypatch) -> None:
    doc = chat_body([("bash", big_log(12))])
    raw = json.dumps(doc).encode()
    expected = run(raw)
    clear_memo()

    def no_second_parse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("parsed twice")

    monkeypatch.setattr(engine_mod.bodies, "loads", no_second_parse)
    assert run(raw, parsed=json.JSONDecoder().decode(raw.decode())).body == expected.body
    with pytest.raises(AssertionError):
        engine_mod.bodies.loads("{}")  # the patch is live: without `parsed` the engine would have failed open
