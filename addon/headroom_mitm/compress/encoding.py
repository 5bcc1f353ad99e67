"""Content-Encoding re-encoding for request bodies (gzip, deflate, br, zstd); decoding is the one
bounded decoder of bodies.py. Re-encoding is deterministic (gzip mtime 0, fixed levels) so a retried call yields the same bytes.
"""

from __future__ import annotations

import gzip
import zlib

from ..bodies import EncodingError, TooLarge, UnsupportedEncoding, decode_body, parse_codings

__all__ = ["EncodingError", "TooLarge", "UnsupportedEncoding", "decode_body", "encode_body", "parse_codings"]


def encode_body(data: bytes, header: str | None) -> bytes:
    for coding in parse_codings(header):
        data = _encode_one(data, coding)
    return data


def _encode_one(data: bytes, coding: str) -> bytes:
    if coding in ("gzip", "x-gzip"):
        return gzip.compress(data, compresslevel=6, mtime=0)
    if coding == "deflate":
        return zlib.compress(data, 6)
    if coding == "br":
        import brotli

        return bytes(brotli.compress(data, quality=5))
    if coding == "zstd":
        import zstandard

        return bytes(zstandard.ZstdCompressor(level=3).compress(data))
    raise UnsupportedEncoding(coding)


def is_json_type(content_type: str) -> bool:
    """application/json or a +json type (parameters such as charset ignored)."""
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime == "application/json" or (mime.startswith("application/") and mime.endswith("+json"))
