"""Request bodies, read safely: the one bounded Content-Encoding decoder and the one depth-limited JSON
parse. Every stage that looks inside a client's body (policy, meter intake, compress, audit) goes
through here, so no input can inflate past a cap or exhaust the recursion limit. Standard library at
import time; brotli and zstandard are loaded only for bodies that use them.

Caps: a decoded body may not exceed `limit` (at most MAX_DECODED_BODY) nor MAX_RATIO times its encoded
size once past RATIO_FLOOR. Every codec is driven so that its output per step is bounded too: zlib with
`max_length`, zstd through a stream reader, brotli (whose 1.1 binding has no output limit) fed a few
bytes at a time, which bounds one step's output by a meta-block (16 MiB).
"""

from __future__ import annotations

import io
import json
import re
import zlib
from itertools import accumulate
from typing import Any

MAX_DECODED_BODY = 32 << 20
MAX_RATIO = 200  # legitimate JSON compresses 5-50x; bombs reach 10^5-10^6
RATIO_FLOOR = 1 << 20  # small bodies may decode to 1 MiB whatever their ratio
MAX_JSON_DEPTH = 128  # LLM bodies nest tens deep (tool schemas); Python's own limit is ~1000 frames
_BROTLI_STEP = 16
_READ_STEP = 1 << 16


class EncodingError(ValueError):
    pass


class UnsupportedEncoding(EncodingError):
    pass


class TooLarge(EncodingError):
    pass


class TooDeep(ValueError):
    pass


def parse_codings(header: str | None) -> list[str]:
    """Codings in the order they were applied; 'identity' dropped."""
    if not header:
        return []
    codings = [c.strip().lower() for c in header.split(",")]
    return [c for c in codings if c and c != "identity"]


def decoded_cap(encoded_size: int, limit: int = MAX_DECODED_BODY) -> int:
    """The most bytes a body of `encoded_size` may decode to (size cap and ratio cap together)."""
    return min(limit, MAX_DECODED_BODY, max(RATIO_FLOOR, encoded_size * MAX_RATIO))


def decode_body(body: bytes, header: str | None, limit: int = MAX_DECODED_BODY) -> bytes:
    """`body` with its Content-Encoding undone, or TooLarge / UnsupportedEncoding / EncodingError."""
    codings = parse_codings(header)
    if not codings:
        return body
    cap = decoded_cap(len(body), limit)
    data = body
    for coding in reversed(codings):
        data = _decode_one(data, coding, cap)
    return data


def _decode_one(data: bytes, coding: str, limit: int) -> bytes:
    try:
        if coding in ("gzip", "x-gzip"):
            return _zlib_bounded(data, 16 + zlib.MAX_WBITS, limit)
        if coding == "deflate":
            try:
                return _zlib_bounded(data, zlib.MAX_WBITS, limit)
            except zlib.error:
                # Some clients send raw deflate despite RFC 9110 saying zlib-wrapped.
                return _zlib_bounded(data, -zlib.MAX_WBITS, limit)
        if coding == "br":
            return _brotli_bounded(data, limit)
        if coding == "zstd":
            return _zstd_bounded(data, limit)
    except EncodingError:
        raise
    except Exception as exc:  # each codec has its own error type
        raise EncodingError(f"cannot decode {coding}: {type(exc).__name__}") from exc
    raise UnsupportedEncoding(coding)


def _zlib_bounded(data: bytes, wbits: int, limit: int) -> bytes:
    out = bytearray()
    d = zlib.decompressobj(wbits)
    buf = data
    while True:
        out += d.decompress(buf, limit + 1 - len(out))
        if len(out) > limit:
            raise TooLarge("decoded body over the cap")
        buf = d.unconsumed_tail
        if d.eof:
            rest = d.unused_data
            if rest and wbits > 16:
                # Concatenated gzip members are legal.
                d = zlib.decompressobj(wbits)
                buf = rest
                continue
            return bytes(out)
        if not buf:
            raise EncodingError("truncated stream")


def _brotli_bounded(data: bytes, limit: int) -> bytes:
    import brotli

    d = brotli.Decompressor()
    out = bytearray()
    for pos in range(0, len(data), _BROTLI_STEP):
        out += d.process(data[pos : pos + _BROTLI_STEP])
        if len(out) > limit:
            raise TooLarge("decoded body over the cap")
    if not d.is_finished():
        raise EncodingError("truncated stream")
    return bytes(out)


def _zstd_bounded(data: bytes, limit: int) -> bytes:
    import zstandard

    out = bytearray()
    reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data), read_across_frames=True)
    while True:
        chunk = reader.read(_READ_STEP)
        if not chunk:
            return bytes(out)
        out += chunk
        if len(out) > limit:
            raise TooLarge("decoded body over the cap")


# -- JSON ------------------------------------------------------------------------------------------

# Escapes are read as a JSON parser reads them: a backslash and the byte after it, left to right.
# Only those whose second byte is a backslash, a quote or a bracket change what the scan keeps
# (`\n` and `\u00e9` drop out with the text); removing just these, left to right, keeps the same
# quotes and brackets as removing every escape, and a body without any needs no pass at all.
_ESCAPE = re.compile(rb'\\[\\"\[\]{}]')
# Once escapes are gone, a JSON string is a quote, non-quotes, a quote.
_STRING = re.compile(rb'"[^"]*"')
_SPLIT_QUOTES = 1 << 16  # above this, a regex (no list of pieces) skips the strings
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in _DEPTH_STEP and b != ord('"'))


def json_depth(raw: bytes) -> int:
    """How deep `raw` nests (strings skipped), in C-speed passes: no input can make it recurse.
    Only quotes and brackets are kept (escapes dropped first); with escapes gone, quotes alternate
    opening and closing strings, so every other piece between quotes is outside the strings."""
    kept = raw.translate(None, _NOT_STRUCTURE)
    opening = kept.count(b"[") + kept.count(b"{")
    if opening <= MAX_JSON_DEPTH:
        return opening  # an upper bound, cheap and enough
    if _ESCAPE.search(raw) is not None:
        kept = _ESCAPE.sub(b"", raw).translate(None, _NOT_STRUCTURE)
    # Two quotes in a row (a string without brackets, or one string's end and the next one's start)
    # go: every bracket keeps the parity of the quotes before it, and most pieces never get made.
    kept = kept.replace(b'""', b"")
    if kept.count(b'"') <= _SPLIT_QUOTES:
        brackets = b"".join(kept.split(b'"')[::2])
    else:  # bounded memory for a body of quotes
        brackets = _STRING.sub(b"", kept).replace(b'"', b"")
    return max(accumulate(map(_DEPTH_STEP.__getitem__, brackets)), default=0)


def loads(raw: bytes | str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """json.loads that refuses (TooDeep) what nests deeper than `max_depth` before parsing it."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    if json_depth(data) > max_depth:
        raise TooDeep(f"JSON nested deeper than {max_depth} levels")
    try:
        return json.loads(raw)
    except RecursionError:  # belt and braces: the scan above should make this unreachable
        raise TooDeep("JSON nested too deeply") from None
