"""Entry point: compress the tool outputs inside one LLM request body.

compress_request never raises: anything unexpected forwards the original bytes. A block's
rendering is a pure function of (tool, error flag, text, settings); the in-process memo and the
store's first-rendering table only make it cheaper and keep it fixed once sent.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from . import transforms as tf
from ..facts import parse_api_format
from .adapters import ToolBlock, detect_format, find_blocks, retrieve_tool_name
from .encoding import EncodingError, TooLarge, UnsupportedEncoding, decode_body, encode_body, is_json_type
from . import colours
from .lossless import CLEAN_LINE, LINE_LOSSLESS
from .memo import Memo
from .jsonsplice import SpliceError, has_lone_surrogate, locate_strings, pointer, splice, uses_ascii_escapes
from .recovery import recover_full_output
from .settings import CompressionSettings, tool_matches
from .sift import lossy_candidates
from .store import Rendering, Store, StoreUnavailable
from .. import bodies

log = logging.getLogger(__name__)

UNCHANGED = Rendering(None)


@dataclass(frozen=True)
class BlockReport:
    tool: str
    block_path: str
    chars_before: int
    chars_after: int
    transforms: tuple[str, ...]
    retrieve_id: str | None
    cached: bool = False


@dataclass(frozen=True)
class CompressionResult:
    body: bytes
    changed: bool
    blocks: list[BlockReport] = field(default_factory=list)
    skipped_reason: str | None = None
    api_format: str | None = None
    lossless_only: str | None = None  # why no lossy transform could run on this request

    @property
    def chars_saved(self) -> int:
        return sum(b.chars_before - b.chars_after for b in self.blocks)


@dataclass(frozen=True)
class BlockOutcome:
    rendering: Rendering
    original: str | None = None  # what the markers' retrieve id points at (lossy only)


# ------------------------------------------------------------------ per-block policy

_ERROR_START = re.compile(r"\s*(?:error|fatal|exception|traceback|panic|\w+(?:Error|Exception)\b)", re.I)


def looks_like_error(text: str) -> bool:
    """Whether the output opens with an error, behind OpenCode's truncation header or another
    agent's frame ("Exit code 1", Codex's "Output:")."""
    body = tf.split_agent_frame(tf.split_truncation_header(text[:2000])[1])[1]
    return _ERROR_START.match(body[:200]) is not None


def block_policy(tool: str, is_error: bool, text: str, s: CompressionSettings) -> str:
    """'verbatim', 'lossless' or 'lossy'."""
    if tool and tool_matches(tool, s.verbatim_tools):
        return "verbatim"
    if not s.retrieve_tool:
        return "lossless"  # nothing dropped can be asked back for
    if not tool and not s.lossy_for_unknown_tools:
        return "lossless"
    if tool and tool_matches(tool, s.lossless_only_tools):
        return "lossless"
    if len(text) < s.min_lossy_chars:
        return "lossless"
    if (is_error or looks_like_error(text)) and len(text) <= s.error_lossless_cap:
        return "lossless"
    return "lossy"


def _smallest(candidates: list[tuple[str, tf.LossyResult]]) -> tuple[str, tf.LossyResult] | None:
    return min(candidates, key=lambda c: len(c[1].text), default=None)


def compress_text(text: str, tool: str, s: CompressionSettings, *, is_error: bool = False) -> BlockOutcome:
    """The pure per-block pipeline: lossless transforms, then at most one lossy transform."""
    if not text or len(text) > s.max_block_chars:
        return BlockOutcome(UNCHANGED)
    policy = block_policy(tool, is_error, text, s)
    if policy == "verbatim":
        return BlockOutcome(UNCHANGED)
    applied: list[str] = []
    # The clean-up sees the output only (a frame around it would hide a JSON document); the frame
    # and OpenCode's truncation header stay as they came.
    header, rest = tf.split_truncation_header(text)
    head, body, tail = tf.split_agent_frame(rest)
    # What the colours set apart is read before the clean-up removes them (lossy outputs only).
    marked = colours.marked_lines(body, CLEAN_LINE) if policy == "lossy" and s.transform_enabled("strip_ansi") else frozenset()
    for name, fn in LINE_LOSSLESS:
        if s.transform_enabled(name):
            cleaned = fn(body)
            if cleaned != body:
                applied.append(name)
                body = cleaned
    lossless = header + head + body + tail
    # A lone surrogate is no UTF-8, which the lossy transforms' word search reads: lossless only.
    lossy = None
    if policy == "lossy" and len(lossless) >= s.min_lossy_chars and not has_lone_surrogate(body):
        lossy = _lossy((header, head, tail), body, tool, s, marked)
    if lossy is not None:
        name, result, original, rid = lossy
        return BlockOutcome(Rendering(result, (*applied, name), rid), original)
    if lossless == text:
        return BlockOutcome(UNCHANGED)
    return BlockOutcome(Rendering(lossless, tuple(applied), None))


def _lossy(
    frame: tuple[str, str, str], body: str, tool: str, s: CompressionSettings, marked: frozenset[str] = frozenset()
) -> tuple[str, str, str, str] | None:
    """(transform, rendering, original, retrieve id) of the best lossy rendering of a cleaned
    output, if it saves enough. The frame (OpenCode's truncation header, another agent's head and
    tail) stays verbatim; the transforms see the output only, with CRLF line ends read as LF and
    put back."""
    header, head, tail = frame
    # The output's own line ends, whatever the frame's: OpenCode's header ends in LF.
    crlf = "\r" in body and body.count("\n") == body.count("\r\n")  # "\r" alone is found as memchr finds it
    if crlf:
        body = body.replace("\r\n", "\n")
    if len(body) < s.min_lossy_chars:
        return None  # too small to cut bare: its frame or line ends are no reason to
    best = _smallest(lossy_candidates(body, tool, s, marked))
    if best is not None and head.endswith("Output: ") and best[0] != "json_outline":
        first, _, rest = body.partition("\n")
        if not best[1].text.startswith(first + "\n"):
            # The line the frame's "Output: " opens must stay whole: it goes with the frame.
            head, body = head + first + ("\r\n" if crlf else "\n"), rest
            best = _smallest(lossy_candidates(body, tool, s, marked))
    if best is None or len(header) + len(head) + tf.judged_length(best[1].text, best[1].rid) + len(tail) > (
        len(header) + len(head) + len(body) + len(tail)
    ) * (1.0 - s.min_saving_ratio):
        return None
    name, res = best
    text, original, rid = res.text, res.original, res.rid
    if crlf:  # the lines as they came, and an id for the original as it came
        original = original.replace("\n", "\r\n")
        as_came = tf.retrieve_id(original)
        text, rid = text.replace(rid, as_came).replace("\n", "\r\n"), as_came
    return name, header + head + text + tail, original, rid


def _utf8_len(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def recover_truncated(text: str, tool: str, s: CompressionSettings, *, is_error: bool = False) -> BlockOutcome | None:
    """A block OpenCode cut, rebuilt from its whole saved output and compressed to no more than
    the block's own size; None leaves the block to the normal pipeline."""
    if (
        not s.tool_output_dirs
        or not s.transform_enabled("recover_truncated")
        or block_policy(tool, is_error, text, s) == "verbatim"
    ):
        return None
    found = recover_full_output(text, s.tool_output_dirs, s.recover_max_bytes)
    if found is None:
        return None
    cut, full = found
    # The budget is what OpenCode itself would have sent.
    inner = _within(full, tool, s, is_error, _utf8_len(text) - _utf8_len(cut.header + cut.suffix))
    if inner is None:
        return None
    result = cut.header + _body(inner, full) + cut.suffix
    rendering = Rendering(result, ("recover_truncated", *inner.rendering.transforms), inner.rendering.retrieve_id)
    return BlockOutcome(rendering, inner.original)


def _body(outcome: BlockOutcome, text: str) -> str:
    return text if outcome.rendering.text is None else outcome.rendering.text


def _within(full: str, tool: str, s: CompressionSettings, is_error: bool, budget: int) -> BlockOutcome | None:
    """`full` compressed to at most `budget` UTF-8 bytes, else None. As any block first; when that
    is too long (OpenCode's ring of chunks can leave 2 KB of a 200 KB output), with less room
    beyond the lines that must stay: what the block has left, half of it, none."""
    outcome = compress_text(full, tool, s, is_error=is_error)
    if _utf8_len(_body(outcome, full)) <= budget:
        return outcome
    tight = compress_text(full, tool, s.with_room(0), is_error=is_error)
    spare = budget - _utf8_len(_body(tight, full))
    if spare < 0:
        return None
    for room in filter(None, (spare, spare // 2)):  # a kept line can split a gap: markers cost too
        roomier = compress_text(full, tool, s.with_room(room), is_error=is_error)
        if _utf8_len(_body(roomier, full)) <= budget:
            return roomier
    return tight


def block_key(tool: str, is_error: bool, text: str, retrieve_tool: str = "") -> str:
    """Identity of a block independent of settings: the store's first-rendering key. The retrieve
    tool's name is part of it: a rendering with markers is only ever sent where it can be followed."""
    h = hashlib.sha256()
    h.update(tool.encode("utf-8", "surrogatepass"))
    h.update(b"\0e" if is_error else b"\0-")
    h.update(retrieve_tool.encode("utf-8", "surrogatepass") + b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# ------------------------------------------------------------------ memo


_MEMO = Memo()


def clear_memo() -> None:
    _MEMO.clear()


_PER_REQUEST: dict[tuple[str, str], CompressionSettings] = {}


def for_request(s: CompressionSettings, retrieve_tool: str | None) -> CompressionSettings:
    """The settings with this request's retrieve tool ("" when it has none); cached, so the
    fingerprint is not recomputed per request."""
    name = retrieve_tool or ""
    if name == s.retrieve_tool:
        return s
    key = (s.fingerprint(), name)
    found = _PER_REQUEST.get(key)
    if found is None:
        if len(_PER_REQUEST) > 64:
            _PER_REQUEST.clear()
        found = _PER_REQUEST[key] = replace(s, retrieve_tool=name)
    return found


def _render(block: ToolBlock, s: CompressionSettings) -> BlockOutcome:
    return recover_truncated(block.text, block.tool, s, is_error=block.is_error) or compress_text(
        block.text, block.tool, s, is_error=block.is_error
    )


def render_block(
    block: ToolBlock, s: CompressionSettings, store: Store | None
) -> tuple[Rendering, bool]:
    """(rendering, came from memo or store)."""
    key = block_key(block.tool, block.is_error, block.text, s.retrieve_tool)
    # Per store: a hit must also mean "this store holds the original" (tests, a second proxy).
    mkey = (s.fingerprint(), key, str(store.path) if store is not None else "")
    hit = _MEMO.get(mkey)
    if hit is not None:
        return hit, True
    if store is not None:
        try:
            first = store.get_rendering(key)
        except StoreUnavailable:  # the store logged the outage once
            store = None
            first = None
        except Exception as exc:  # a broken store must not stop compression
            log.warning("compression store unavailable: %s", exc)
            store.broken = str(exc)
            store = None
            first = None
        if first is not None:
            _MEMO.put(mkey, first, s.memo_max_entries, s.memo_max_chars)
            return first, True
    if store is None:
        s = for_request(s, None)  # nothing dropped could be asked back for
    try:
        outcome = _render(block, s)
    except Exception as exc:  # fail open for this output alone: the request's others are still compressed
        log.warning("compressing a %s output failed (sent unchanged): %s", block.tool or "tool", type(exc).__name__)
        _MEMO.put(mkey, UNCHANGED, s.memo_max_entries, s.memo_max_chars)  # the same text fails the same way
        return UNCHANGED, False
    rendering = outcome.rendering
    if store is not None:
        try:
            if outcome.original is not None:
                store.put(outcome.original, rendering.retrieve_id)
            rendering = store.put_rendering(key, rendering)
        except Exception as exc:
            if not isinstance(exc, StoreUnavailable):  # an outage is logged once by the store, and retried
                log.warning("compression store write failed: %s", exc)
                store.broken = str(exc)
            if outcome.original is not None:  # its markers would point at nothing: lossless instead
                rendering = _render(block, for_request(s, None)).rendering
    _MEMO.put(mkey, rendering, s.memo_max_entries, s.memo_max_chars)
    return rendering, False


# ------------------------------------------------------------------ request level

_TOOL_MARKERS = (b"tool", b"function_call_output", b"functionResponse", b"function_response")


def compress_request(
    body: bytes,
    *,
    api_format: str | None,
    content_encoding: str | None,
    settings: CompressionSettings,
    store: Store | None,
    parsed: dict[str, Any] | None = None,
    content_type: str | None = None,
    known_calls: Mapping[str, str] | None = None,
) -> CompressionResult:
    """Compress tool outputs in a request body; never raises (fail open). `parsed` is the body
    already parsed as JSON by an earlier stage (only used for a body sent without encoding);
    `known_calls` names the tools of calls made in earlier responses (see adapters).
    `content_type` (the request header; None: not known, e.g. the CLI) must name JSON."""
    if content_type is not None and not is_json_type(content_type):
        return _skip(body, f"content-type {content_type[:60]!r} is not JSON")
    try:
        return _compress_request(body, api_format, content_encoding, settings, store, parsed, known_calls)
    except Exception as exc:  # fail open: forward what the client sent
        log.exception("compression failed")
        return CompressionResult(body, False, [], f"internal error: {type(exc).__name__}: {exc}"[:300])


def _skip(
    body: bytes, reason: str, fmt: str | None = None, blocks: list[BlockReport] | None = None
) -> CompressionResult:
    return CompressionResult(body, False, blocks or [], reason, fmt)


def _compress_request(
    body: bytes,
    api_format: str | None,
    content_encoding: str | None,
    s: CompressionSettings,
    store: Store | None,
    parsed: dict[str, Any] | None = None,
    known_calls: Mapping[str, str] | None = None,
) -> CompressionResult:
    if not s.enabled:
        return _skip(body, "disabled")
    if not body:
        return _skip(body, "empty body")
    if len(body) > s.max_body_bytes:
        return _skip(body, "body over size cap")
    try:
        raw = decode_body(body, content_encoding, s.max_body_bytes)
    except UnsupportedEncoding as exc:
        return _skip(body, f"unsupported content-encoding: {exc}")
    except TooLarge:
        return _skip(body, "decoded body over size cap")
    except EncodingError as exc:
        return _skip(body, f"undecodable body: {exc}")
    if not raw.lstrip(b" \t\r\n").startswith(b"{"):
        return _skip(body, "not a JSON object")
    if not any(m in raw for m in _TOOL_MARKERS):
        return _skip(body, "no tool outputs")
    try:
        text = raw.decode("utf-8")
        doc = parsed if parsed is not None and not content_encoding else bodies.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return _skip(body, "malformed JSON")
    try:
        named = parse_api_format(api_format) if api_format else None
    except ValueError:
        return _skip(body, f"unknown format: {api_format}")
    fmt = named or detect_format(doc)
    if fmt is None:
        return _skip(body, "unknown body shape")
    blocks = find_blocks(doc, fmt, known_calls)
    if not blocks:
        return _skip(body, "no tool outputs", fmt)
    # Lossy only where the client can ask for the original back, and only once it is stored.
    if store is not None and store.broken:
        store = None  # a store that failed once (corrupt, full) takes no more originals: lossless only
    retrieve_tool = retrieve_tool_name(doc, fmt)
    s = for_request(s, retrieve_tool if store is not None else None)
    result = _rewrite_batched(body, text, raw, fmt, blocks, content_encoding, s, store)
    if s.retrieve_tool:
        return result
    why = "no originals store" if store is None else "no tool ending in headroom_retrieve in the request's tool list"
    return replace(result, lossless_only=why)


class _Undone(Exception):
    """A store write failed inside a batch: the batch's other writes are undone with it."""


def _rewrite_batched(
    body: bytes,
    text: str,
    raw: bytes,
    fmt: str,
    blocks: list[ToolBlock],
    content_encoding: str | None,
    s: CompressionSettings,
    store: Store | None,
) -> CompressionResult:
    """_rewrite with the store's writes committed together, where the store can group them
    (one commit per request). Should a write or the commit fail, nothing the batch stored is
    relied on: the request is sent lossless, as it is once a store broke."""
    batch = getattr(store, "batch", None)
    if store is None or batch is None:
        return _rewrite(body, text, raw, fmt, blocks, content_encoding, s, store)
    done = False
    try:
        with batch():
            result = _rewrite(body, text, raw, fmt, blocks, content_encoding, s, store)
            done = True
            if store.broken:
                raise _Undone(store.broken)
        return result
    except Exception as exc:
        if not done:
            raise  # the engine's own failure: compress_request fails open
        if not isinstance(exc, _Undone):
            log.warning("compression store write failed: %s", exc)
            store.broken = str(exc)
        clear_memo()  # what was memoised in the batch may point at originals it did not keep
        return _rewrite(body, text, raw, fmt, blocks, content_encoding, for_request(s, None), None)


def _rewrite(
    body: bytes,
    text: str,
    raw: bytes,
    fmt: str,
    blocks: list[ToolBlock],
    content_encoding: str | None,
    s: CompressionSettings,
    store: Store | None,
) -> CompressionResult:
    """The body with each block's rendering spliced in (the client's bytes when nothing changed)."""
    reports: list[BlockReport] = []
    edits: list[tuple[ToolBlock, Rendering]] = []
    for block in blocks:
        rendering, cached = render_block(block, s, store)
        new = rendering.text
        if new is not None and new != block.text:
            edits.append((block, rendering))
            after = len(new)
        else:
            after = len(block.text)
        reports.append(
            BlockReport(
                block.tool,
                pointer(block.path),
                len(block.text),
                after,
                rendering.transforms if new is not None else (),
                rendering.retrieve_id if new is not None else None,
                cached,
            )
        )
    if not edits:
        return _skip(body, "nothing to compress", fmt, reports)
    try:
        values: dict[tuple[str | int, ...], str] = {}  # the tokens decoded once, for splice's check
        spans = locate_strings(text, [b.path for b, _ in edits], values)
    except (SpliceError, ValueError, RecursionError) as exc:
        return _skip(body, f"cannot locate tool outputs: {exc}", fmt, reports)
    # A path left out (duplicate key) keeps its original text; report it as such.
    missing = {b.path for b, _ in edits if b.path not in spans}
    if missing:
        edits = [(b, r) for b, r in edits if b.path not in missing]
        reports = [
            BlockReport(r.tool, r.block_path, r.chars_before, r.chars_before, (), None, r.cached)
            if r.block_path in {pointer(p) for p in missing}
            else r
            for r in reports
        ]
        if not edits:
            return _skip(body, "tool outputs at ambiguous paths", fmt, reports)
    try:
        new_text = splice(
            text,
            spans,
            [(b.path, b.text, r.text or "") for b, r in edits],
            ascii_only=uses_ascii_escapes(raw),
            values=values,
        )
    except SpliceError as exc:
        return _skip(body, f"splice failed: {exc}", fmt, reports)
    out = new_text.encode("utf-8")
    if content_encoding:
        out = encode_body(out, content_encoding)
    return CompressionResult(out, True, reports, None, fmt)
