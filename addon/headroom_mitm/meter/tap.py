"""The stream tap: watches one streamed (SSE) response as it passes, decodes its Content-Encoding
incrementally, and extracts usage and errors without holding a byte back (see usage.py for the
meanings of the numbers)."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from .usage import MAX_EVENT_BYTES, Usage, _AnthropicCounts, _EOL, _dict, _error_of, _gemini_usage, _list, _loads, _looks_like_sse, _openai_chat_usage, _openai_responses_usage, _str, _usage_from_obj, error_from_body
from .. import bodies

_CHAT_MODEL = re.compile(rb'"model"\s*:\s*"([^"\\]*)"')
_FINISH_SET = re.compile(rb'"finish_reason"\s*:\s*(?!\s|null\b)')  # set, not null


def _zlib_pieces(decomp: Any, data: bytes) -> Iterator[bytes]:
    # max_length keeps one compressed chunk from inflating into one huge buffer.
    while data:
        out = decomp.decompress(data, MAX_EVENT_BYTES)
        if out:
            yield out
        data = decomp.unconsumed_tail


def _decoder(content_encoding: str | None) -> Callable[[bytes], Iterator[bytes]] | None:
    """Incremental decoder for the response's Content-Encoding, or None if we cannot decode it.

    A proxy that streams sees the bytes as sent, still compressed; OpenCode offers gzip, deflate,
    br and zstd, so an upstream may well compress its SSE."""
    enc = (content_encoding or "identity").strip().lower()
    if enc in ("", "identity"):
        return lambda data: iter((data,))  # nothing to decode, nothing that can fail
    if enc in ("gzip", "x-gzip"):
        gz = zlib.decompressobj(wbits=47)  # 32 + 15: gzip or zlib header, detected
        return lambda data: _zlib_pieces(gz, data)
    if enc == "deflate":
        # The zlib header check fails within the first two bytes; keep those to replay as raw.
        state: dict[str, Any] = {"d": zlib.decompressobj(), "head": b"", "checked": False}

        def deflate(data: bytes) -> Iterator[bytes]:
            if state["checked"]:
                yield from _zlib_pieces(state["d"], data)
                return
            state["head"] += data
            try:
                yield from _zlib_pieces(state["d"], data)
                if len(state["head"]) >= 2:
                    state["checked"], state["head"] = True, b""
            except zlib.error:
                # Some servers send raw deflate without the zlib wrapper.
                head = state["head"]
                state["checked"], state["head"] = True, b""
                state["d"] = zlib.decompressobj(wbits=-15)
                yield from _zlib_pieces(state["d"], head)

        return deflate
    if enc == "br":
        try:
            import brotli
        except ImportError:
            return None
        br = brotli.Decompressor()

        def brotli_pieces(data: bytes) -> Iterator[bytes]:
            yield br.process(data)

        return brotli_pieces
    if enc == "zstd":
        try:
            import zstandard
        except ImportError:
            return None
        zd = zstandard.ZstdDecompressor().decompressobj()

        def zstd_pieces(data: bytes) -> Iterator[bytes]:
            yield zd.decompress(data)

        return zstd_pieces
    return None


class UsageTap:
    """Watches one streamed response and extracts its usage. Feed it every chunk, then `finish()`.

    It parses SSE incrementally: events may be split at any byte (inside a UTF-8 sequence, between
    CR and LF) and several may share a chunk. It keeps at most one partial event (capped at
    MAX_EVENT_BYTES; bigger events are skipped) and never raises. Pass the response's
    Content-Encoding when the proxy streams undecoded bytes (gzip, deflate, br, zstd); an encoding
    it cannot decode, or a corrupt one, leaves `usage` None and sets `undecodable`.
    """

    def __init__(self, api_format: str, content_encoding: str | None = None) -> None:
        self.api_format = api_format
        self.content_encoding = content_encoding
        self._decode = _decoder(content_encoding)
        self._identity = (content_encoding or "identity").strip().lower() in ("", "identity")
        self._seen_model: bytes | None = None  # openai-chat: the "model" of the last event parsed
        self.undecodable = self._decode is None
        self.error: str | None = None
        self.done = False  # the stream's own end marker was seen (not just EOF)
        self.events = 0
        self.internal_errors = 0  # our own bugs swallowed; should stay 0
        self._usage: Usage | None = None
        self._model: str | None = None
        self._anthropic = _AnthropicCounts()
        self._anthropic_seen = False
        # SSE parser state
        self._partial = bytearray()
        self._line_overflow = False  # the current line outgrew the cap: drop it up to its end
        self._pending_cr = False  # last chunk ended in CR: a leading LF in the next one is the same EOL
        self._data: list[bytes] = []
        self._data_size = 0
        self._event_name = ""
        self._skip_event = False
        self._saw_field = False
        # A non-SSE body (a JSON error, say) is kept, capped, only until the first SSE field shows up.
        self._raw: bytearray | None = bytearray()
        self._finished = False

    # -- public ---------------------------------------------------------------------------------

    @property
    def usage(self) -> Usage | None:
        try:
            if self._usage is None:
                return None
            return replace(self._usage, model=self._usage.model or self._model)
        except Exception:
            return None

    def feed(self, chunk: bytes) -> None:
        try:
            if self._finished:
                return
            if type(chunk) is not bytes:
                if isinstance(chunk, (bytearray, memoryview)):
                    chunk = bytes(chunk)
                elif isinstance(chunk, str):
                    chunk = chunk.encode("utf-8", "replace")
            if not isinstance(chunk, bytes) or not chunk or self._decode is None:
                return
            if self._identity:  # nothing to decode: no generator per chunk
                if self._raw is not None:
                    self._keep_raw(chunk)
                self._feed(chunk)
                return
            pieces = self._decode(chunk)
            while True:
                try:
                    piece = next(pieces)
                except StopIteration:
                    break
                except Exception:
                    # Corrupt or mislabelled compression: stop here rather than parse garbage.
                    self._decode = None
                    self.undecodable = True
                    return
                if piece:
                    self._keep_raw(piece)
                    self._feed(piece)
        except Exception:
            self.internal_errors += 1
            self._reset_event()

    def on_chunk(self, chunk: bytes) -> None:
        """A `StreamTap` feeder: a chunk, or (empty) mitmproxy's end of stream."""
        if chunk:
            self.feed(chunk)
        else:
            self.finish()  # may come more than once: finish is idempotent

    def finish(self) -> None:
        try:
            if self._finished:
                return
            self._finished = True
            if self._partial and not self._line_overflow:
                self._line(bytes(self._partial))
            self._partial = bytearray()
            # Be lenient at EOF: an event missing only its blank line still counts.
            self._dispatch()
            if self.events == 0 and self._raw:
                self._from_raw(bytes(self._raw))
            self._raw = None
        except Exception:
            self.internal_errors += 1

    # -- SSE framing ----------------------------------------------------------------------------

    def _keep_raw(self, chunk: bytes) -> None:
        if self._raw is None:
            return
        if self._saw_field or len(self._raw) + len(chunk) > MAX_EVENT_BYTES:
            self._raw = None
        else:
            self._raw += chunk

    def _feed(self, data: bytes) -> None:
        if data[-1:] == b"\n" and not (self._partial or self._pending_cr or self._line_overflow) and b"\r" not in data:
            # The common chunk: whole LF-terminated lines and nothing left over from the last one.
            for line in data.split(b"\n")[:-1]:
                self._line(line)
            return
        if self._pending_cr:
            self._pending_cr = False
            if data[:1] == b"\n":
                data = data[1:]
        pos = 0
        n = len(data)
        for m in _EOL.finditer(data):
            if self._line_overflow:
                self._line_overflow = False
                self._skip_event = True
                self._saw_field = True
            elif self._partial:
                self._partial += data[pos : m.start()]
                line = bytes(self._partial)
                self._partial = bytearray()
                self._line(line)
            else:
                self._line(data[pos : m.start()])
            pos = m.end()
            if m.group() == b"\r" and pos == n:
                self._pending_cr = True
        rest = data[pos:]
        if not rest or self._line_overflow:
            return
        if len(self._partial) + len(rest) + self._data_size > MAX_EVENT_BYTES:
            self._partial = bytearray()
            self._line_overflow = True
            self._data = []
            self._data_size = 0
        else:
            self._partial += rest

    def _line(self, line: bytes) -> None:
        if not line:
            self._dispatch()
            return
        if line[:1] == b":":
            return  # comment / keep-alive
        field, sep, value = line.partition(b":")
        if sep and value[:1] == b" ":
            value = value[1:]
        if field == b"data":
            self._saw_field = True
            if self._skip_event:
                return
            self._data_size += len(value) + 1
            if self._data_size > MAX_EVENT_BYTES:
                self._skip_event = True
                self._data = []
                self._data_size = 0
            else:
                self._data.append(value)
        elif field == b"event":
            self._saw_field = True
            self._event_name = value.decode("utf-8", "replace")

    def _reset_event(self) -> None:
        self._data = []
        self._data_size = 0
        self._event_name = ""
        self._skip_event = False

    def _dispatch(self) -> None:
        data, name, skip = self._data, self._event_name, self._skip_event
        self._reset_event()
        if skip or not data:
            return
        payload = b"\n".join(data)
        if payload.strip() == b"[DONE]":
            self.done = True
            return
        self.events += 1
        if not self._worth_parsing(name, payload):
            return
        try:
            obj = bodies.loads(payload.decode("utf-8", "replace"))
        except ValueError:
            return
        if isinstance(obj, dict):
            self._event(name, obj)

    def _worth_parsing(self, name: str, payload: bytes) -> bool:
        """A cheap bytes check before any JSON parse: False only for an event whose parse could
        change nothing here (a text delta, a ping). Errors, usage, ends and model changes are parsed."""
        if name == "error" or b'"error"' in payload or b"response.failed" in payload:
            return True
        fmt = self.api_format
        if fmt == "openai-chat":
            m = _CHAT_MODEL.search(payload)
            model = m.group(1) if m else None
            if model is not None and model == self._seen_model and b'"usage"' not in payload \
                    and not _FINISH_SET.search(payload):
                return False
            self._seen_model = model
            return True
        if fmt == "openai-responses":
            return b'"response"' in payload  # lifecycle events carry it; deltas do not
        if fmt == "anthropic-messages":
            return b"message_" in payload or name.startswith("message_")
        return True

    # -- per-format events ----------------------------------------------------------------------

    def _note_error(self, obj: dict[str, Any], name: str = "") -> None:
        if self.error is not None:
            return
        err = _error_of(obj)
        if err is None and name == "error":
            err = "error"
        if err is not None:
            self.error = err

    def _event(self, name: str, obj: dict[str, Any]) -> None:
        self._note_error(obj, name)
        fmt = self.api_format
        if fmt == "openai-chat":
            self._model = _str(obj.get("model")) or self._model
            u = obj.get("usage")
            if isinstance(u, dict):
                self._usage = _openai_chat_usage(u)
            for choice in _list(obj.get("choices")):
                if isinstance(choice, dict) and choice.get("finish_reason"):
                    self.done = True
        elif fmt == "openai-responses":
            kind = obj.get("type")
            resp = _dict(obj.get("response"))
            self._model = _str(resp.get("model")) or self._model
            # incomplete/failed responses are billed too, so take their usage as well
            if kind in ("response.completed", "response.incomplete", "response.failed"):
                self.done = True
                u = resp.get("usage")
                if isinstance(u, dict):
                    self._usage = _openai_responses_usage(u)
        elif fmt == "anthropic-messages":
            kind = obj.get("type") or name
            if kind == "message_start":
                msg = _dict(obj.get("message"))
                self._model = _str(msg.get("model")) or self._model
                u = msg.get("usage")
                if isinstance(u, dict):
                    self._anthropic.update(u)
                    self._anthropic_seen = True
            elif kind == "message_delta":
                u = obj.get("usage")
                if isinstance(u, dict):
                    self._anthropic.update(u)
                    self._anthropic_seen = True
            elif kind == "message_stop":
                self.done = True
            if self._anthropic_seen:
                self._usage = self._anthropic.usage(self._model)
        elif fmt == "gemini":
            self._model = _str(obj.get("modelVersion")) or self._model
            u = obj.get("usageMetadata")
            if isinstance(u, dict):
                self._usage = _gemini_usage(u)
            for cand in _list(obj.get("candidates")):
                if isinstance(cand, dict) and cand.get("finishReason"):
                    self.done = True

    def _from_raw(self, raw: bytes) -> None:
        """The response was not SSE after all (an error body, a plain JSON reply): read it whole."""
        if _looks_like_sse(raw):
            return  # an SSE stream that produced no event: nothing more to learn
        u = _usage_from_obj(self.api_format, _loads(raw))
        if u is not None:
            self._usage = u
        if self.error is None:
            self.error = error_from_body(raw)
