"""Find the exact source span of chosen JSON string values and splice new strings in.

The body is never re-serialized: only the bytes of the rewritten string tokens change, so
whitespace, key order, number spellings and escapes elsewhere stay as the client sent them.
Skipping uninteresting subtrees uses the C scanner, so the walk costs about one json.loads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from json.decoder import scanstring
from json.encoder import encode_basestring, encode_basestring_ascii

from ahocorasick_rs import BytesAhoCorasick

from .lineindex import windowed_matches

JsonPath = tuple[str | int, ...]

_WS = re.compile(r"[ \t\n\r]*")
_scan_once = json.JSONDecoder().scan_once
_LEAF = object()
_SURROGATE = re.compile("[\ud800-\udfff]")
# A \u escape of a non-ASCII code point: the client escapes like Python's json.dumps default.
_NON_ASCII_ESCAPE = re.compile(rb"\\u(?!00[0-7])[0-9a-fA-F]{4}")
# Its leads, the lookahead spelled out ("\\u" and a hex digit but "0"; "\\u0" and one but "0";
# "\\u00" and one of 8-f): no terminal's "\\u001b" is a candidate, only escapes the pattern may match.
_HEX = b"123456789abcdefABCDEF"
_ESCAPE_LEADS = BytesAhoCorasick(
    [b"\\u" + bytes([c]) for c in _HEX] + [b"\\u0" + bytes([c]) for c in _HEX] + [b"\\u00" + bytes([c]) for c in _HEX[7:]]
)


def has_lone_surrogate(text: str) -> bool:
    """Whether `text` holds a lone UTF-16 surrogate (a JSON string may: "\\ud800"), which no UTF-8 encodes."""
    return not text.isascii() and _SURROGATE.search(text) is not None


class SpliceError(ValueError):
    """The located spans do not agree with the parsed document."""


def pointer(path: JsonPath) -> str:
    """RFC 6901 JSON pointer, for reports."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def locate_strings(
    text: str, paths: Iterable[JsonPath], values: dict[JsonPath, str] | None = None
) -> dict[JsonPath, tuple[int, int]]:
    """Map each path to the [start, end) span of its string token (quotes included).

    Paths seen twice (duplicate keys) are left out: which copy a server reads is not ours to guess.
    `values`, if given, gets each path's decoded string (as scanstring reads its span), so that
    splice need not decode the same tokens again.
    """
    trie: dict[object, object] = {}
    for path in paths:
        node = trie
        for key in path:
            node = node.setdefault(key, {})  # type: ignore[assignment]
        node[_LEAF] = True
    out: dict[JsonPath, tuple[int, int]] = {}
    dups: set[JsonPath] = set()
    start = _WS.match(text, 0).end()  # type: ignore[union-attr]
    end = _walk(text, start, trie, (), out, dups, values)
    if _WS.match(text, end).end() != len(text):  # type: ignore[union-attr]
        raise SpliceError("trailing data after the JSON value")
    for d in dups:
        out.pop(d, None)
    return out


def _walk(
    text: str,
    i: int,
    node: dict[object, object],
    path: JsonPath,
    out: dict[JsonPath, tuple[int, int]],
    dups: set[JsonPath],
    values: dict[JsonPath, str] | None = None,
) -> int:
    ch = text[i : i + 1]
    if _LEAF in node:
        if ch != '"':
            raise SpliceError(f"not a string at {pointer(path)}")
        value, end = scanstring(text, i + 1)
        if path in out:
            dups.add(path)
        out[path] = (i, end)
        if values is not None:
            values[path] = value  # overwritten with its span (a duplicate's later copy)
        return end
    if ch == "{":
        i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        if text[i : i + 1] == "}":
            return i + 1
        while True:
            if text[i : i + 1] != '"':
                raise SpliceError("expected a key")
            key, i = scanstring(text, i + 1)
            i = _WS.match(text, i).end()  # type: ignore[union-attr]
            if text[i : i + 1] != ":":
                raise SpliceError("expected ':'")
            i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            child = node.get(key)
            if isinstance(child, dict):
                i = _walk(text, i, child, path + (key,), out, dups, values)
            else:
                i = _skip(text, i)
            i = _WS.match(text, i).end()  # type: ignore[union-attr]
            sep = text[i : i + 1]
            if sep == ",":
                i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            elif sep == "}":
                return i + 1
            else:
                raise SpliceError("expected ',' or '}'")
    if ch == "[":
        i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
        if text[i : i + 1] == "]":
            return i + 1
        idx = 0
        while True:
            child = node.get(idx)
            if isinstance(child, dict):
                i = _walk(text, i, child, path + (idx,), out, dups, values)
            else:
                i = _skip(text, i)
            idx += 1
            i = _WS.match(text, i).end()  # type: ignore[union-attr]
            sep = text[i : i + 1]
            if sep == ",":
                i = _WS.match(text, i + 1).end()  # type: ignore[union-attr]
            elif sep == "]":
                return i + 1
            else:
                raise SpliceError("expected ',' or ']'")
    # A scalar where the path wanted a container: nothing of ours lives below it.
    return _skip(text, i)


def _skip(text: str, i: int) -> int:
    try:
        _, end = _scan_once(text, i)
    except StopIteration as exc:
        raise SpliceError(f"bad value at offset {i}") from exc
    return int(end)


def uses_ascii_escapes(raw: bytes) -> bool:
    """True when the client writes non-ASCII as \\uXXXX (Python's default) rather than raw UTF-8.
    Its leads are found by the automaton, a window at a time, and only there is the pattern
    tried: its search stepped through every backslash of the body's escaped newlines (~95 µs per
    200 KB); a window doubling each time stops early where an escape comes early."""
    return raw.isascii() and any(_NON_ASCII_ESCAPE.match(raw, at) for at in windowed_matches(_ESCAPE_LEADS, raw, 4))


def encode_string(value: str, *, ascii_only: bool = False) -> str:
    """A JSON string token the way JSON.stringify writes it (or ASCII-escaped when asked)."""
    if ascii_only:
        return encode_basestring_ascii(value)
    token: str = encode_basestring(value)
    if not token.isascii() and _SURROGATE.search(token):  # isascii: O(1), where the search reads it all
        # Lone surrogates cannot be UTF-8; JSON.stringify writes them as lowercase \\udxxx.
        token = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", token)
    return token


def splice(
    text: str,
    spans: dict[JsonPath, tuple[int, int]],
    replacements: Sequence[tuple[JsonPath, str, str]],
    *,
    ascii_only: bool = False,
    values: dict[JsonPath, str] | None = None,
) -> str:
    """Replace string values: replacements are (path, expected old value, new value).

    Raises SpliceError when a span does not decode to the expected old value. `values`: the
    decoded strings locate_strings gave with these spans (each token is then not decoded twice).
    """
    edits: list[tuple[int, int, str]] = []
    for path, old, new in replacements:
        span = spans.get(path)
        if span is None:
            raise SpliceError(f"no span for {pointer(path)}")
        start, end = span
        if values is not None and path in values:
            decoded, dec_end = values[path], end  # what scanstring read at this very span
        else:
            decoded, dec_end = scanstring(text, start + 1)
        if dec_end != end or decoded != old:
            raise SpliceError(f"span mismatch at {pointer(path)}")
        edits.append((start, end, encode_string(new, ascii_only=ascii_only)))
    edits.sort()
    pieces: list[str] = []
    pos = 0
    for start, end, token in edits:
        if start < pos:
            raise SpliceError("overlapping spans")
        pieces.append(text[pos:start])
        pieces.append(token)
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)
