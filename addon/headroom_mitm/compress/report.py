"""`headroom-mitm compress`: one request body in, the body to send and a per-block report out."""

from __future__ import annotations

from ..facts import parse_api_format
from .engine import CompressionResult, compress_request
from .settings import CompressionSettings
from .store import Store


def format_report(result: CompressionResult) -> str:
    lines: list[str] = []
    before = sum(b.chars_before for b in result.blocks)
    after = sum(b.chars_after for b in result.blocks)
    changed = sum(1 for b in result.blocks if b.chars_after != b.chars_before or b.transforms)
    pct = f" ({(before - after) / before:.1%} saved)" if before else ""
    head = f"format={result.api_format or '?'} tool outputs={len(result.blocks)} changed={changed}"
    head += f" chars {before:,} -> {after:,}{pct}"
    if result.skipped_reason:
        head += f"; body unchanged: {result.skipped_reason}"
    if result.lossless_only:
        head += f"; lossless only: {result.lossless_only}"
    lines.append(head)
    for b in result.blocks:
        saved = f"-{(b.chars_before - b.chars_after) / b.chars_before:.1%}" if b.chars_before else "0%"
        rid = f" id={b.retrieve_id}" if b.retrieve_id else ""
        lines.append(
            f"  {b.block_path} tool={b.tool or '?'} {b.chars_before:,} -> {b.chars_after:,} ({saved})"
            f" {','.join(b.transforms) or 'unchanged'}{rid}"
        )
    return "\n".join(lines) + "\n"


def run_compress_cli(
    stdin: bytes, fmt: str, settings: CompressionSettings, store: Store | None = None
) -> tuple[bytes, str]:
    """`headroom-mitm compress`: (body to send upstream, per-block report)."""
    named = parse_api_format(fmt)  # a clear ValueError for an unknown name
    result = compress_request(
        stdin, api_format=named.value if named else None, content_encoding=None, settings=settings, store=store
    )
    return result.body, format_report(result)
