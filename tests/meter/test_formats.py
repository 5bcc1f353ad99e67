"""Usage taps through the real proxy for all four wire formats (OpenAI chat, OpenAI Responses,
Anthropic Messages, Gemini), streamed and whole, from a local upstream that answers like each
provider: SSE cut at awkward places (inside events, inside UTF-8, between CR and LF), several
events per chunk, small delays, optionally compressed. The record must carry the provider's
numbers, and the client must get every byte as the upstream sent it, without the proxy holding
the stream back.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import http.client
import json
import socket
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import cycle
from typing import Any

import pytest

from headroom_mitm.meter.records import FlowRecord, read_records
from tests.support import PROXY_AUTH
from tests.faults import read_http_request

NON_ASCII = "héllo — ✓ 世界 🙂"  # multibyte characters, so some cuts fall inside a UTF-8 sequence
# Chunk sizes, cycled: tiny cuts land everywhere, 700 carries several whole events at once.
CHUNK_SIZES = (1, 3, 17, 2, 700, 5, 41, 250, 9)
CHUNK_DELAY_S = 0.002
GATE_TIMEOUT_S = 5.0


# -- what each provider sends ---------------------------------------------------------------------

@dataclass(frozen=True)
class Expected:
    input: int
    output: int
    cache_read: int
    cache_write: int


@dataclass(frozen=True)
class Provider:
    fmt: str
    host: str
    model: str  # the model the client asks for (what the record must carry)
    stream_path: str
    plain_path: str
    request: Callable[[bool], dict[str, Any]]
    events: list[bytes]  # the SSE stream, one complete event per item
    whole: dict[str, Any]  # the non-streamed JSON answer
    expected: Expected


def sse(obj: dict[str, Any], event: str | None = None, eol: str = "\n") -> bytes:
    head = f"event: {event}{eol}" if event else ""
    return f"{head}data: {json.dumps(obj, ensure_ascii=False)}{eol}{eol}".encode()


def words() -> list[str]:
    return ["Hello", ", ", NON_ASCII, " and", " goodbye."]


def openai_chat() -> Provider:
    model, served = "gpt-4.1", "gpt-4.1-2025-04-14"

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> bytes:
        return sse({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": served,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], "usage": None, **extra})

    usage = {"prompt_tokens": 2345, "completion_tokens": 67, "total_tokens": 2412,
             "prompt_tokens_details": {"cached_tokens": 1920, "audio_tokens": 0},
             "completion_tokens_details": {"reasoning_tokens": 0}}
    events = [b": keep-alive\n\n", chunk({"role": "assistant", "content": ""})]  # gateways send comments
    events += [chunk({"content": w}) for w in words()]
    events.append(chunk({}, "stop"))
    events.append(sse({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 1, "model": served,
                       "choices": [], "usage": usage}))
    events.append(b"data: [DONE]\n\n")
    whole = {"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": served,
             "choices": [{"index": 0, "message": {"role": "assistant", "content": "".join(words())},
                          "finish_reason": "stop"}], "usage": usage}
    return Provider(
        "openai-chat", "chat.llm.test", model, "/v1/chat/completions", "/v1/chat/completions",
        lambda stream: {"model": model, "stream": stream, "messages": [{"role": "user", "content": "hi"}],
                        **({"stream_options": {"include_usage": True}} if stream else {})},
        events, whole, Expected(2345, 67, 1920, 0),
    )


def openai_responses() -> Provider:
    model, served = "gpt-5", "gpt-5-2025-08-07"
    usage = {"input_tokens": 4100, "input_tokens_details": {"cached_tokens": 3072},
             "output_tokens": 380, "output_tokens_details": {"reasoning_tokens": 320}, "total_tokens": 4480}
    text = "".join(words())
    message = {"id": "msg_1", "type": "message", "status": "completed", "role": "assistant",
               "content": [{"type": "output_text", "text": text, "annotations": []}]}
    final = {"id": "resp_1", "object": "response", "status": "completed", "model": served,
             "output": [{"id": "rs_1", "type": "reasoning", "summary": []}, message], "usage": usage}
    pending = {**final, "status": "in_progress", "output": [], "usage": None}
    seq = iter(range(1000))

    def ev(kind: str, **body: Any) -> bytes:
        return sse({"type": kind, "sequence_number": next(seq), **body}, event=kind)

    opened = {**message, "status": "in_progress", "content": []}
    events = [ev("response.created", response=pending), ev("response.in_progress", response=pending),
              ev("response.output_item.added", output_index=1, item=opened)]
    events += [ev("response.output_text.delta", item_id="msg_1", output_index=1, content_index=0, delta=w)
               for w in words()]
    events += [ev("response.output_text.done", item_id="msg_1", output_index=1, content_index=0, text=text),
               ev("response.output_item.done", output_index=1, item=message),
               ev("response.completed", response=final)]
    return Provider(
        "openai-responses", "responses.llm.test", model, "/v1/responses", "/v1/responses",
        lambda stream: {"model": model, "stream": stream, "input": [{"role": "user", "content": "hi"}]},
        events, final, Expected(4100, 380, 3072, 0),
    )


def anthropic_messages() -> Provider:
    model, served = "claude-sonnet-4-5", "claude-sonnet-4-5-20250929"
    start_usage = {"input_tokens": 14, "cache_creation_input_tokens": 2900, "cache_read_input_tokens": 5100,
                   "output_tokens": 1}
    events = [
        sse({"type": "message_start", "message": {"id": "msg_1", "type": "message", "role": "assistant",
                                                  "model": served, "content": [], "stop_reason": None,
                                                  "usage": start_usage}}, event="message_start"),
        sse({"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
            event="content_block_start"),
        sse({"type": "ping"}, event="ping"),
    ]
    events += [sse({"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": w}},
                   event="content_block_delta") for w in words()]
    events += [
        sse({"type": "content_block_stop", "index": 0}, event="content_block_stop"),
        sse({"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence": None},
             "usage": {"output_tokens": 58}}, event="message_delta"),
        sse({"type": "message_stop"}, event="message_stop"),
    ]
    whole = {"id": "msg_1", "type": "message", "role": "assistant", "model": served,
             "content": [{"type": "text", "text": "".join(words())}], "stop_reason": "end_turn",
             "usage": {**start_usage, "output_tokens": 58}}
    return Provider(
        "anthropic-messages", "anthropic.llm.test", model, "/v1/messages", "/v1/messages",
        lambda stream: {"model": model, "max_tokens": 256, "stream": stream,
                        "messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]},
        events, whole, Expected(14 + 2900 + 5100, 58, 5100, 2900),
    )


def gemini() -> Provider:
    model, served = "gemini-2.5-flash", "gemini-2.5-flash-preview-05-20"

    def part(text: str, usage: dict[str, int], finish: str | None = None) -> dict[str, Any]:
        cand: dict[str, Any] = {"content": {"parts": [{"text": text}], "role": "model"}, "index": 0}
        if finish:
            cand["finishReason"] = finish
        return {"candidates": [cand], "usageMetadata": usage, "modelVersion": served, "responseId": "r1"}

    running = {"promptTokenCount": 1500, "totalTokenCount": 1500}
    final = {"promptTokenCount": 1500, "candidatesTokenCount": 44, "thoughtsTokenCount": 120,
             "cachedContentTokenCount": 1024, "totalTokenCount": 1664}
    pieces = words()
    # Gemini ends SSE lines with CRLF, so some cuts fall between CR and LF.
    events = [sse(part(w, running), eol="\r\n") for w in pieces[:-1]]
    events.append(sse(part(pieces[-1], final, "STOP"), eol="\r\n"))
    return Provider(
        "gemini", "gemini.llm.test", model,
        f"/v1beta/models/{model}:streamGenerateContent?alt=sse", f"/v1beta/models/{model}:generateContent",
        lambda stream: {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]},
        events, part("".join(pieces), final, "STOP"), Expected(1500, 44 + 120, 1024, 0),
    )


PROVIDERS = {p.fmt: p for p in (openai_chat(), openai_responses(), anthropic_messages(), gemini())}


# -- a local upstream that answers with a fixed script ----------------------------------------------

def split(data: bytes, sizes: tuple[int, ...] = CHUNK_SIZES) -> list[bytes]:
    """Pieces of cycled sizes, plus a cut inside the last multibyte character and right after the
    last CR, so those two cases never depend on where the cycle happens to fall."""
    cuts, pos = set(), 0
    for size in cycle(sizes):
        pos += size
        if pos >= len(data):
            break
        cuts.add(pos)
    lead = next((i for i in range(len(data) - 1, -1, -1) if data[i] >= 0xC0), None)
    if lead is not None:
        cuts.add(lead + 1)
    if b"\r" in data:
        cuts.add(data.rindex(b"\r") + 1)
    bounds = [0, *sorted(cuts), len(data)]
    return [data[a:b] for a, b in zip(bounds, bounds[1:])]


def encode_pieces(chunks: list[bytes], encoding: str) -> list[bytes]:
    """Compress as a streaming server does: one compressed stream, flushed after every chunk."""
    if encoding in ("gzip", "deflate"):
        z = zlib.compressobj(wbits=31 if encoding == "gzip" else 15)
        out = [z.compress(c) + z.flush(zlib.Z_SYNC_FLUSH) for c in chunks]
        out[-1] += z.flush()
    elif encoding == "br":
        import brotli

        br = brotli.Compressor()
        out = [br.process(c) + br.flush() for c in chunks]
        out[-1] += br.finish()
    elif encoding == "zstd":
        import zstandard

        zs = zstandard.ZstdCompressor().compressobj()
        out = [zs.compress(c) + zs.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK) for c in chunks]
        out[-1] += zs.flush()
    else:
        raise ValueError(encoding)
    return [piece for piece in out if piece]


@dataclass
class Answer:
    headers: dict[str, str]
    chunks: list[bytes]  # body pieces as they go on the wire (already encoded)
    chunked: bool  # Transfer-Encoding: chunked, one HTTP chunk per piece, with delays
    gate: int | None = None  # pieces from this index on wait until `release` is set

    @property
    def body(self) -> bytes:
        return b"".join(self.chunks)


@dataclass
class ScriptedUpstream:
    """Loopback HTTP/1.1 server: reads one request per connection and sends `answer`."""

    answer: Answer
    release: threading.Event = field(default_factory=threading.Event)
    requests: list[bytes] = field(default_factory=list)
    gate_timed_out: bool = False

    def __post_init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.port = self._sock.getsockname()[1]
        self._sock.settimeout(0.2)
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._stop.set()
        self._sock.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):  # a client gone early is the test's to report
            conn.settimeout(10)
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # each piece leaves on its own
            request = read_http_request(conn.makefile("rb"))
            if request is None:
                return
            self.requests.append(request)
            self._send(conn)

    def _send(self, conn: socket.socket) -> None:
        a = self.answer
        lines = ["HTTP/1.1 200 OK", *(f"{k}: {v}" for k, v in a.headers.items())]
        lines.append("Transfer-Encoding: chunked" if a.chunked else f"Content-Length: {len(a.body)}")
        conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        if not a.chunked:
            conn.sendall(a.body)
            return
        for i, piece in enumerate(a.chunks):
            if i == a.gate and not self.release.wait(GATE_TIMEOUT_S):
                self.gate_timed_out = True
            conn.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
            time.sleep(CHUNK_DELAY_S)
        conn.sendall(b"0\r\n\r\n")


def streamed_answer(p: Provider, encoding: str | None) -> Answer:
    chunks = split(b"".join(p.events))
    headers = {"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
    if encoding is not None:
        chunks = encode_pieces(chunks, encoding)
        headers["Content-Encoding"] = encoding
    # Hold the last few pieces back until the client has seen the rest: a proxy that buffered the
    # stream would deadlock here until the gate times out.
    return Answer(headers, chunks, chunked=True, gate=len(chunks) - 3)


def plain_answer(p: Provider, encoding: str | None) -> Answer:
    body = json.dumps(p.whole, ensure_ascii=False).encode()
    headers = {"Content-Type": "application/json; charset=utf-8"}
    if encoding == "gzip":
        body = gzip.compress(body)
        headers["Content-Encoding"] = "gzip"
    return Answer(headers, [body], chunked=False)


# -- the client -------------------------------------------------------------------------------------

@dataclass
class Received:
    status: int
    headers: dict[str, str]
    body: bytes  # as it came off the wire (chunked framing removed, content encoding kept)


def call(proxy_port: int, host: str, path: str, body: bytes, upstream: ScriptedUpstream) -> Received:
    """POST through the proxy; on a gated answer, read up to the gate before letting the rest go."""
    conn = http.client.HTTPConnection("127.0.0.1", proxy_port, timeout=15)
    headers = {
        "Content-Type": "application/json", "Authorization": "Bearer sk-test-0123456789abcdef",
        "x-goog-api-key": "AIza-test-0123456789", "User-Agent": "opencode/1.18.33",
        "x-session-affinity": "ses_formats", "Accept-Encoding": "gzip",
        "Proxy-Authorization": "Basic " + base64.b64encode(PROXY_AUTH.encode()).decode(),
    }
    try:
        conn.request("POST", f"http://{host}{path}", body=body, headers=headers)
        response = conn.getresponse()
        received = b""
        answer = upstream.answer
        if answer.gate is not None:
            before_gate = len(b"".join(answer.chunks[:answer.gate]))
            while len(received) < before_gate:
                piece = response.read1(65536)
                if not piece:
                    break
                received += piece
            upstream.release.set()
        received += response.read()
        return Received(response.status, {k.lower(): v for k, v in response.getheaders()}, received)
    finally:
        conn.close()


def wait_for_record(path, timeout: float = 5.0) -> FlowRecord:
    deadline = time.monotonic() + timeout
    while True:
        found = list(read_records(path))
        if found or time.monotonic() > deadline:
            assert len(found) == 1, found
            return found[0]
        time.sleep(0.02)


# -- the tests --------------------------------------------------------------------------------------

def test_the_streams_really_have_the_awkward_cuts() -> None:
    """The scripts exercise what they claim: events split across pieces, several in one piece,
    cuts inside UTF-8 sequences and (Gemini) between CR and LF."""
    for p in PROVIDERS.values():
        chunks = split(b"".join(p.events))
        eol = b"\r\n\r\n" if p.fmt == "gemini" else b"\n\n"
        assert any(c.count(eol) >= 2 for c in chunks), p.fmt
        assert any(eol not in c for c in chunks), p.fmt
        assert any(_cut_inside_utf8(a, b) for a, b in zip(chunks, chunks[1:])), p.fmt
    gem = split(b"".join(PROVIDERS["gemini"].events))
    assert any(a.endswith(b"\r") and b.startswith(b"\n") for a, b in zip(gem, gem[1:]))


def _cut_inside_utf8(a: bytes, b: bytes) -> bool:
    return bool(a) and bool(b) and 0x80 <= b[0] < 0xC0


def check_flow(start_proxy, tmp_path, p: Provider, streamed: bool, encoding: str | None) -> FlowRecord:
    """One call through the proxy; checks what the client got and returns the flow's record."""
    answer = streamed_answer(p, encoding) if streamed else plain_answer(p, encoding)
    upstream = ScriptedUpstream(answer)
    try:
        proxy = start_proxy(llm_hosts=(f"{p.host}={p.fmt}",), routes=(f"{p.host}={upstream.url}",))
        request = json.dumps(p.request(streamed)).encode()
        got = call(proxy.address.port, p.host, p.stream_path if streamed else p.plain_path, request, upstream)
    finally:
        upstream.close()

    assert got.status == 200
    assert got.body == answer.body  # every byte, unchanged (still compressed when the upstream compressed)
    assert got.headers["content-type"] == answer.headers["Content-Type"]
    assert got.headers.get("content-encoding") == encoding
    assert not upstream.gate_timed_out  # the proxy passed the stream on before it had all of it
    assert len(upstream.requests) == 1

    rec = wait_for_record(tmp_path / "state" / "records" / "flows.jsonl")
    assert (rec.api_format, rec.host, rec.model, rec.stream) == (p.fmt, p.host, p.model, streamed)
    assert rec.status == 200 and rec.error is None and rec.attempt == 1
    assert rec.request_bytes_before == len(request)
    return rec


def usage_of(rec: FlowRecord) -> Expected:
    return Expected(rec.input_tokens, rec.output_tokens, rec.cache_read_tokens, rec.cache_write_tokens)


@pytest.mark.parametrize("encoding", [None, "gzip"])
@pytest.mark.parametrize("streamed", [True, False], ids=["sse", "json"])
@pytest.mark.parametrize("fmt", list(PROVIDERS))
def test_usage_is_recorded_for_every_format(start_proxy, tmp_path, fmt, streamed, encoding) -> None:
    p = PROVIDERS[fmt]
    rec = check_flow(start_proxy, tmp_path, p, streamed, encoding)
    assert usage_of(rec) == p.expected


@pytest.mark.parametrize("encoding", ["deflate", "br", "zstd"])
@pytest.mark.parametrize("fmt", ["openai-responses", "gemini"])
def test_compressed_streams_are_tapped_and_passed_on_compressed(start_proxy, tmp_path, fmt, encoding) -> None:
    """OpenCode offers gzip, deflate, br and zstd; the proxy streams the bytes still compressed."""
    p = PROVIDERS[fmt]
    rec = check_flow(start_proxy, tmp_path, p, True, encoding)
    assert usage_of(rec) == p.expected


def test_gemini_json_array_stream(start_proxy, tmp_path) -> None:
    """streamGenerateContent without alt=sse answers a JSON array, chunked: not SSE, so it is read
    whole when it ends; the last usageMetadata is the total."""
    p = PROVIDERS["gemini"]
    items = [json.loads(e.decode().removeprefix("data: ")) for e in p.events]
    body = json.dumps(items, ensure_ascii=False, indent=1).encode()
    upstream = ScriptedUpstream(Answer({"Content-Type": "application/json; charset=UTF-8"}, split(body), chunked=True))
    try:
        proxy = start_proxy(llm_hosts=(f"{p.host}={p.fmt}",), routes=(f"{p.host}={upstream.url}",))
        path = p.stream_path.split("?", 1)[0]
        got = call(proxy.address.port, p.host, path, json.dumps(p.request(True)).encode(), upstream)
    finally:
        upstream.close()
    assert got.status == 200 and got.body == body
    rec = wait_for_record(tmp_path / "state" / "records" / "flows.jsonl")
    assert (rec.api_format, rec.model, rec.stream) == ("gemini", p.model, False)
    assert usage_of(rec) == p.expected
