"""Content-Encoding decode/encode for request bodies (gzip, deflate, br, zstd).

Decoding is bounded (a small compressed body must not balloon past the body cap) and
re-encoding is deterministic (gzip mtime 0, fixed levels) so a retried call yields the same bytes.
"""

from __future__ import annotations

import gzip
import zlib



class EncodingError(ValueError):
    pass


class UnsupportedEncoding(EncodingError):
    pass


class TooLarge(EncodingError):
    pass


def parse_codings(header: str | None) -> list[str]:
    """Codings in the order they were applied; 'identity' dropped."""
    if not header:
        return []
    codings = [c.strip().lower() for c in header.split(",")]
    return [c for c in codings if c and c != "identity"]


def decode_body(body: bytes, header: str | None, limit: int) -> bytes:
    data = body
    for coding in reversed(parse_codings(header)):
        data = _decode_one(data, coding, limit)
    return data


def encode_body(data: bytes, header: str | None) -> bytes:
    for coding in parse_codings(header):
        data = _encode_one(data, coding)
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
    except TooLarge:
        raise
    except Exception as exc:  # each codec has its own error type
        raise EncodingError(f"cannot decode {coding}: {type(exc).__name__}") from exc
    raise UnsupportedEncoding(coding)


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
    for pos in range(0, len(data), 4096):
        out += d.process(data[pos : pos + 4096])
        if len(out) > limit:
            raise TooLarge("decoded body over the cap")
    if not d.is_finished():
        raise EncodingError("truncated stream")
    return bytes(out)


def _zstd_bounded(data: bytes, limit: int) -> bytes:
    import zstandard

    out = bytearray()
    rest = data
    while rest:
        d = zstandard.ZstdDecompressor().decompressobj()
        for pos in range(0, len(rest), 4096):
            out += d.decompress(rest[pos : pos + 4096])
            if len(out) > limit:
                raise TooLarge("decoded body over the cap")
            if d.eof:
                break
        if not d.eof:
            raise EncodingError("truncated stream")
        rest = d.unused_data + rest[pos + 4096 :]
    return bytes(out)


def is_json_type(content_type: str) -> bool:
    """application/json or a +json type (parameters such as charset ignored)."""
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime == "application/json" or (mime.startswith("application/") and mime.endswith("+json"))
