"""Token usage as the providers report it, read from responses on the side.

`UsageTap` observes a streamed (SSE) response chunk by chunk; `usage_from_body` reads a whole JSON
response. Neither ever changes or holds the bytes the proxy forwards, and the tap never raises:
mitmproxy silently drops a chunk when a stream callable raises.

Normalised fields (the same meaning for every provider):

- ``input_tokens``: every prompt token the model processed, INCLUDING those read from and written to
  the provider's prompt cache. OpenAI ``prompt_tokens`` / Responses ``input_tokens`` and Gemini
  ``promptTokenCount`` (+ ``toolUsePromptTokenCount``) already mean this; Anthropic's ``input_tokens``
  counts only the uncached remainder, so for Anthropic it is
  ``input_tokens + cache_creation_input_tokens + cache_read_input_tokens``.
- ``cache_read_tokens``: the part of ``input_tokens`` served from the prompt cache (OpenAI
  ``cached_tokens``, Anthropic ``cache_read_input_tokens``, Gemini ``cachedContentTokenCount``).
- ``cache_write_tokens``: the part of ``input_tokens`` written to the cache (Anthropic
  ``cache_creation_input_tokens``; 0 where the provider does not report writes, e.g. OpenAI).
- ``output_tokens``: every generated token, reasoning/thinking included (Gemini reports thoughts
  apart from candidates, so there it is ``candidatesTokenCount + thoughtsTokenCount``).
- ``model``: the model the provider says answered (may be more specific than the one requested).

The uncached, uncache-written input is therefore ``input_tokens - cache_read_tokens - cache_write_tokens``.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

API_FORMATS = ("openai-chat", "openai-responses", "anthropic-messages", "gemini")

# One SSE event (or one unterminated line) larger than this is skipped, not buffered.
MAX_EVENT_BYTES = 1 << 20
# Error text kept from an error event; enough to be useful, never a whole body.
MAX_ERROR_CHARS = 300

_EOL = re.compile(rb"\r\n|\r|\n")


@dataclass
class Usage:
    """Provider-reported token counts for one response; see the module docstring for meanings."""

    input_tokens: int = 0
    output_tokens: int = 0
    cache_read_tokens: int = 0
    cache_write_tokens: int = 0
    model: str | None = None


def _int(value: Any) -> int | None:
    """A non-negative token count, or None for anything else (bools are not counts)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    return None


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _openai_chat_usage(u: dict[str, Any]) -> Usage:
    details = _dict(u.get("prompt_tokens_details"))
    cached = _int(details.get("cached_tokens"))
    if cached is None:
        # DeepSeek-style OpenAI-compatible servers report hits at the top level instead.
        cached = _int(u.get("prompt_cache_hit_tokens"))
    written = _int(details.get("cache_write_tokens"))
    return Usage(
        input_tokens=_int(u.get("prompt_tokens")) or 0,
        output_tokens=_int(u.get("completion_tokens")) or 0,
        cache_read_tokens=cached or 0,
        cache_write_tokens=written or 0,
    )


def _openai_responses_usage(u: dict[str, Any]) -> Usage:
    details = _dict(u.get("input_tokens_details"))
    return Usage(
        input_tokens=_int(u.get("input_tokens")) or 0,
        output_tokens=_int(u.get("output_tokens")) or 0,
        cache_read_tokens=_int(details.get("cached_tokens")) or 0,
        cache_write_tokens=_int(details.get("cache_write_tokens")) or 0,
    )


def _gemini_usage(u: dict[str, Any]) -> Usage:
    prompt = (_int(u.get("promptTokenCount")) or 0) + (_int(u.get("toolUsePromptTokenCount")) or 0)
    output = (_int(u.get("candidatesTokenCount")) or 0) + (_int(u.get("thoughtsTokenCount")) or 0)
    return Usage(
        input_tokens=prompt,
        output_tokens=output,
        cache_read_tokens=_int(u.get("cachedContentTokenCount")) or 0,
    )


@dataclass
class _AnthropicCounts:
    """Anthropic's raw counters; message_delta may update any of them, so keep them apart."""

    uncached: int = 0
    cache_write: int = 0
    cache_read: int = 0
    output: int = 0

    def update(self, u: dict[str, Any]) -> None:
        for key, attr in (
            ("input_tokens", "uncached"),
            ("cache_creation_input_tokens", "cache_write"),
            ("cache_read_input_tokens", "cache_read"),
            ("output_tokens", "output"),
        ):
            value = _int(u.get(key))
            if value is not None:
                setattr(self, attr, value)

    def usage(self, model: str | None) -> Usage:
        return Usage(
            input_tokens=self.uncached + self.cache_write + self.cache_read,
            output_tokens=self.output,
            cache_read_tokens=self.cache_read,
            cache_write_tokens=self.cache_write,
            model=model,
        )


def _error_text(kind: Any, message: Any) -> str:
    kind_s = kind if isinstance(kind, (str, int)) and not isinstance(kind, bool) else None
    msg = message if isinstance(message, str) else None
    if kind_s is not None and msg:
        text = f"{kind_s}: {msg}"
    else:
        text = msg or (str(kind_s) if kind_s is not None else "error")
    return text[:MAX_ERROR_CHARS]


def _error_of(obj: dict[str, Any]) -> str | None:
    """The error an event or body carries, in any of the four providers' shapes."""
    err = obj.get("error")
    if isinstance(err, dict):
        return _error_text(err.get("type") or err.get("status") or err.get("code"), err.get("message"))
    if isinstance(err, str) and err:
        return _error_text(None, err)
    kind = obj.get("type")
    if kind == "error":  # Anthropic / Responses error event without a nested object
        return _error_text(obj.get("code"), obj.get("message"))
    if kind == "response.failed":
        resp_err = _dict(_dict(obj.get("response")).get("error"))
        return _error_text(resp_err.get("code") or "response.failed", resp_err.get("message"))
    return None


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
            if isinstance(chunk, (bytearray, memoryview)):
                chunk = bytes(chunk)
            elif isinstance(chunk, str):
                chunk = chunk.encode("utf-8", "replace")
            if not isinstance(chunk, bytes) or not chunk or self._decode is None:
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
        try:
            obj = json.loads(payload.decode("utf-8", "replace"))
        except ValueError:
            return
        if isinstance(obj, dict):
            self._event(name, obj)

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


def _loads(body: bytes) -> Any:
    try:
        return json.loads(body.decode("utf-8", "replace"))
    except (ValueError, AttributeError):
        return None


def _looks_like_sse(body: bytes) -> bool:
    head = body.lstrip()[:16]
    return head.startswith((b"data:", b"event:", b":", b"id:"))


def _usage_from_obj(api_format: str, obj: Any) -> Usage | None:
    if api_format == "gemini" and isinstance(obj, list):
        found: Usage | None = None
        for item in obj:  # a JSON-array stream: the last usageMetadata is the total
            got = _usage_from_obj("gemini", item)
            if got is not None:
                found = got
        return found
    if not isinstance(obj, dict):
        return None
    if api_format == "openai-chat":
        u = obj.get("usage")
        if isinstance(u, dict):
            return replace(_openai_chat_usage(u), model=_str(obj.get("model")))
    elif api_format == "openai-responses":
        resp = _dict(obj.get("response")) or obj  # a bare response object, or a wrapped event
        u = resp.get("usage")
        if isinstance(u, dict):
            return replace(_openai_responses_usage(u), model=_str(resp.get("model")))
    elif api_format == "anthropic-messages":
        u = obj.get("usage")
        if isinstance(u, dict):
            counts = _AnthropicCounts()
            counts.update(u)
            return counts.usage(_str(obj.get("model")))
    elif api_format == "gemini":
        u = obj.get("usageMetadata")
        if isinstance(u, dict):
            return replace(_gemini_usage(u), model=_str(obj.get("modelVersion")))
    return None


def usage_from_body(api_format: str, body: bytes) -> Usage | None:
    """Usage from a whole (non-streamed) response body of any of the four formats; never raises.

    A body that is really an SSE stream (buffered by someone) is read with a `UsageTap`; a Gemini
    JSON-array stream (streamGenerateContent without alt=sse) yields its last usageMetadata.
    """
    try:
        if isinstance(body, str):
            body = body.encode("utf-8", "replace")
        if not isinstance(body, (bytes, bytearray, memoryview)):
            return None
        body = bytes(body)
        if _looks_like_sse(body):
            tap = UsageTap(api_format)
            tap.feed(body)
            tap.finish()
            return tap.usage
        return _usage_from_obj(api_format, _loads(body))
    except Exception:
        return None


def error_from_body(body: bytes) -> str | None:
    """The provider error message in a whole JSON body (any of the four shapes), or None."""
    try:
        obj = _loads(bytes(body))
        if isinstance(obj, list) and obj and isinstance(obj[0], dict):
            obj = obj[0]  # Gemini wraps errors of array streams in a list
        if isinstance(obj, dict):
            return _error_of(obj)
        return None
    except Exception:
        return None


# -- request-size estimation ----------------------------------------------------------------------

# Named so every record says how its "estimated tokens" were counted; change the name with the method.
ESTIMATOR = "ascii/4+nonascii/1"

_ASCII = bytes(range(128))
_UTF8_CONTINUATION = bytes(range(0x80, 0xC0))


def estimate_tokens(text_or_bytes: str | bytes | bytearray | memoryview | None) -> int:
    """Estimated tokens of a request body, by the ESTIMATOR heuristic.

    BPE tokenizers average about four ASCII characters per token on English, code and JSON, while
    scripts outside ASCII (CJK above all) cost about one token per character, which plain chars/4
    would undercount threefold. So: ceil(ascii_bytes / 4) + one per non-ASCII character (counted as
    UTF-8 lead bytes). Linear, C-speed (bytes.translate), deterministic; the same function is used
    before and after compression so the saving ratio is comparable even where the absolute is off.
    """
    try:
        if text_or_bytes is None:
            return 0
        if isinstance(text_or_bytes, str):
            data = text_or_bytes.encode("utf-8", "surrogatepass")
        elif isinstance(text_or_bytes, (bytes, bytearray, memoryview)):
            data = bytes(text_or_bytes)
        else:
            return 0  # bytes(int) would conjure zero bytes: refuse anything not text or bytes
        non_ascii = data.translate(None, _ASCII)
        ascii_count = len(data) - len(non_ascii)
        chars = len(non_ascii.translate(None, _UTF8_CONTINUATION))
        return (ascii_count + 3) // 4 + chars
    except Exception:
        return 0
