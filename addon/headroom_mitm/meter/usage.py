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

import re
from dataclasses import dataclass, replace
from typing import Any

from ..facts import ApiFormat
from .. import bodies

API_FORMATS = tuple(f.value for f in ApiFormat)

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


def _loads(body: bytes) -> Any:
    try:
        return bodies.loads(body.decode("utf-8", "replace"))
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
            from .tap import UsageTap  # a whole SSE body is read the way a stream is

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
        elif isinstance(text_or_bytes, bytes):
            data = text_or_bytes
        elif isinstance(text_or_bytes, (bytearray, memoryview)):
            data = bytes(text_or_bytes)
        else:
            return 0  # bytes(int) would conjure zero bytes: refuse anything not text or bytes
        if data.isascii():  # the common case, in one word-at-a-time pass
            return (len(data) + 3) // 4
        non_ascii = data.translate(None, _ASCII)
        ascii_count = len(data) - len(non_ascii)
        chars = len(non_ascii.translate(None, _UTF8_CONTINUATION))
        return (ascii_count + 3) // 4 + chars
    except Exception:
        return 0
