"""Prompt-cache emulation for the stub: usage reported the way the provider would report it.

A request whose prefix is identical to a prefix an earlier request left in the cache reads that
part from the cache. Two providers' rules are emulated:

Anthropic Messages — explicit breakpoints. The prompt is the sequence of blocks tools → system →
messages (each content block one unit). A block with `cache_control` is a breakpoint: after the
request, the prefix ending at each breakpoint is written to the cache (if it reaches the model's
minimum cacheable length, 1024 tokens for Sonnet). A request reads the longest cached prefix that
ends at one of its breakpoints or at one of the 20 block boundaries before each breakpoint (the
API's lookback window). Usage: `cache_read_input_tokens` (the prefix read),
`cache_creation_input_tokens` (from there to the last breakpoint that is written),
`input_tokens` (the rest, after the last breakpoint). Without any breakpoint nothing is cached.

OpenAI chat completions — automatic prefix caching. Prompts of 1024 tokens or more are cached;
a request reads the longest prefix it shares with an earlier cached prompt, counted in 128-token
increments, and only when that is at least 1024 tokens. Usage: `prompt_tokens` (all of it) with
`prompt_tokens_details.cached_tokens`.

`cache_control` markers are not part of the cached content (moving a breakpoint does not change the
prefix), entries never expire (a scripted session lasts seconds, far below the 5-minute TTL), and the
cache is per model. The cache is bounded: least recently used entries are dropped past `max_entries`.

Tokens: tiktoken is not a dependency and its vocabulary cannot be fetched offline, so the count is a
deterministic approximation: a cl100k-like pre-tokenizer (letter runs with their leading space,
digit groups of up to 3, punctuation runs, whitespace runs) whose pieces are cut into tokens of at
most 8 letters / 3 digits / 2 punctuation characters / 8 whitespace characters. It is not calibrated
against cl100k; it is stable, so compressed and uncompressed runs are counted alike.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

ANTHROPIC_MIN_CACHE_TOKENS = 1024  # Claude Sonnet / Opus 4.x minimum cacheable prompt
ANTHROPIC_LOOKBACK_BLOCKS = 20  # block boundaries checked before each breakpoint
OPENAI_MIN_CACHE_TOKENS = 1024
OPENAI_CACHE_INCREMENT = 128
DEFAULT_MAX_ENTRIES = 100_000

_PIECE = re.compile(
    r"'(?:[sdmt]|ll|ve|re)"  # English contractions
    r"|[^\r\n\w]?[^\W\d_]+"  # a letter run with one leading non-letter (usually a space)
    r"|\d{1,3}"  # digit groups
    r"| ?[^\s\w]+[\r\n]*"  # punctuation runs
    r"|\s*[\r\n]+"  # newlines with the indentation before them
    r"|\s+(?!\S)|\s+",  # other whitespace
)


def _split(piece: str) -> list[str]:
    if piece.strip() == "":
        size = 8
    elif piece[-1:].isalpha() or piece[-1:] == "_":
        size = 8 + (1 if not piece[0].isalnum() else 0)  # the leading space rides along
    elif piece[-1:].isdigit():
        size = 3
    else:
        size = 2
    return [piece[i : i + size] for i in range(0, len(piece), size)]


def tokenize(text: str) -> list[str]:
    """The deterministic approximate tokenization described in the module docstring."""
    tokens: list[str] = []
    pos = 0
    for match in _PIECE.finditer(text):
        if match.start() > pos:  # characters no alternative matched (e.g. "_" runs): one per token
            tokens.extend(text[pos : match.start()])
        tokens.extend(_split(match.group()))
        pos = match.end()
    if pos < len(text):
        tokens.extend(text[pos:])
    return tokens


def count_tokens(text: str) -> int:
    return len(tokenize(text))


# --- rendering a request as the provider's cached unit sequence ---------------------------------


@dataclass(frozen=True)
class Segment:
    """One cacheable unit of a prompt (a tool definition, a system block, a content block)."""

    text: str
    breakpoint: bool = False


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def _without_cache_control(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _without_cache_control(v) for k, v in value.items() if k != "cache_control"}
    if isinstance(value, list):
        return [_without_cache_control(v) for v in value]
    return value


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if isinstance(part, Mapping) and isinstance(part.get("text"), str):
                parts.append(part["text"])
            elif isinstance(part, str):
                parts.append(part)
            else:
                parts.append(_compact(_without_cache_control(part)))
        return "\n".join(parts)
    if content is None:
        return ""
    return _compact(_without_cache_control(content))


def _has_cache_control(block: Any) -> bool:
    return isinstance(block, Mapping) and isinstance(block.get("cache_control"), Mapping)


def _anthropic_block(block: Any) -> str:
    if not isinstance(block, Mapping):
        return str(block)
    kind = block.get("type")
    if kind == "text":
        return str(block.get("text", ""))
    if kind == "tool_use":
        return f"<tool_use {block.get('id', '')} {block.get('name', '')}>{_compact(block.get('input'))}"
    if kind == "tool_result":
        error = " error" if block.get("is_error") else ""
        return f"<tool_result {block.get('tool_use_id', '')}{error}>{_content_text(block.get('content'))}"
    if kind == "thinking":
        return f"<thinking>{block.get('thinking', '')}{block.get('signature', '')}"
    return _compact(_without_cache_control(block))


def anthropic_segments(body: Mapping[str, Any]) -> list[Segment]:
    """tools → system → messages, one segment per tool, system block and content block."""
    segments: list[Segment] = []
    for tool in body.get("tools") or []:
        segments.append(Segment(_compact(_without_cache_control(tool)), _has_cache_control(tool)))
    system = body.get("system")
    if isinstance(system, str) and system:
        segments.append(Segment(system))
    elif isinstance(system, list):
        for block in system:
            segments.append(Segment(_anthropic_block(block), _has_cache_control(block)))
    for message in body.get("messages") or []:
        if not isinstance(message, Mapping):
            continue
        header = f"\n\n{message.get('role', '')}: "
        content = message.get("content")
        blocks = content if isinstance(content, list) else [content if isinstance(content, Mapping) else {"type": "text", "text": _content_text(content)}]
        for i, block in enumerate(blocks):
            segments.append(Segment((header if i == 0 else "") + _anthropic_block(block), _has_cache_control(block)))
        if not blocks:
            segments.append(Segment(header))
    return segments


def openai_segments(body: Mapping[str, Any]) -> list[Segment]:
    """tools, then one segment per message (role, content, tool calls, tool call id)."""
    segments = [Segment(_compact(_without_cache_control(tool))) for tool in body.get("tools") or []]
    for message in body.get("messages") or []:
        if not isinstance(message, Mapping):
            continue
        text = f"\n\n{message.get('role', '')}"
        if message.get("tool_call_id"):
            text += f" {message['tool_call_id']}"
        text += ": " + _content_text(message.get("content"))
        for call in message.get("tool_calls") or []:
            fn = call.get("function") if isinstance(call, Mapping) else None
            if isinstance(fn, Mapping):
                text += f"<tool_call {call.get('id', '')} {fn.get('name', '')}>{fn.get('arguments', '')}"
        segments.append(Segment(text))
    return segments


def segments_for(api: str, body: Mapping[str, Any]) -> list[Segment]:
    return openai_segments(body) if api == "openai" else anthropic_segments(body)


# --- the cache ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CacheUsage:
    """prompt_tokens = uncached_tokens + cache_read_tokens + cache_write_tokens."""

    prompt_tokens: int
    uncached_tokens: int
    cache_read_tokens: int
    cache_write_tokens: int


def _chain(previous: bytes, text: str) -> bytes:
    return hashlib.sha256(previous + b"\x1f" + text.encode("utf-8", "surrogatepass")).digest()


class PromptCache:
    """The provider-side cache of one stub process: prefix hash → prefix length in tokens."""

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES, *, anthropic_min_tokens: int = ANTHROPIC_MIN_CACHE_TOKENS) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be positive")
        self.max_entries = max_entries
        self.anthropic_min_tokens = anthropic_min_tokens
        self._entries: OrderedDict[bytes, int] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def _get(self, key: bytes) -> int | None:
        value = self._entries.get(key)
        if value is not None:
            self._entries.move_to_end(key)
        return value

    def _put(self, key: bytes, tokens: int) -> None:
        self._entries[key] = tokens
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def usage(self, api: str, body: Mapping[str, Any]) -> CacheUsage:
        if api == "openai":
            return self.openai(body)
        return self.anthropic(body)

    def anthropic(self, body: Mapping[str, Any]) -> CacheUsage:
        segments = anthropic_segments(body)
        seed = _chain(b"anthropic", str(body.get("model", "")))
        hashes: list[bytes] = []
        ends: list[int] = []  # cumulative tokens at the end of each segment
        h, total = seed, 0
        for seg in segments:
            h = _chain(h, seg.text)
            total += count_tokens(seg.text)
            hashes.append(h)
            ends.append(total)
        breakpoints = [i for i, seg in enumerate(segments) if seg.breakpoint]
        if not breakpoints:
            return CacheUsage(total, total, 0, 0)
        with self._lock:
            read = 0
            for b in breakpoints:
                for j in range(b, max(-1, b - ANTHROPIC_LOOKBACK_BLOCKS), -1):
                    hit = self._get(hashes[j])
                    if hit is not None:
                        read = max(read, hit)
                        break  # the nearest boundary before b is the longest for this breakpoint
            written = read
            for b in breakpoints:
                if ends[b] >= self.anthropic_min_tokens:
                    self._put(hashes[b], ends[b])
                    written = max(written, ends[b])
        creation = written - read
        return CacheUsage(total, total - written, read, creation)

    def openai(self, body: Mapping[str, Any]) -> CacheUsage:
        tokens = [t for seg in openai_segments(body) for t in tokenize(seg.text)]
        total = len(tokens)
        if total < OPENAI_MIN_CACHE_TOKENS:
            return CacheUsage(total, total, 0, 0)
        h = _chain(b"openai", str(body.get("model", "")))
        chunk_hashes: list[bytes] = []
        step = OPENAI_CACHE_INCREMENT
        for k in range(step, total + 1, step):
            h = _chain(h, "\x00".join(tokens[k - step : k]))
            chunk_hashes.append(h)
        with self._lock:
            matched = 0
            for k in range(len(chunk_hashes), 0, -1):
                if self._get(chunk_hashes[k - 1]) is not None:
                    matched = k * step
                    break
            cached = matched if matched >= OPENAI_MIN_CACHE_TOKENS else 0
            for k, key in enumerate(chunk_hashes, 1):
                self._put(key, k * step)
        return CacheUsage(total, total - cached, cached, 0)


def extends(previous: Iterable[Segment], current: Iterable[Segment]) -> bool:
    """Whether `current` starts with every unit of `previous` unchanged (breakpoints ignored)."""
    prev = [s.text for s in previous]
    cur = [s.text for s in current]
    return len(cur) >= len(prev) and cur[: len(prev)] == prev
