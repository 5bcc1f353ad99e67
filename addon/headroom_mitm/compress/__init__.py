"""Compression engine: deterministic, model-free transforms of tool outputs in LLM request bodies.

The proxy addon calls compress_request() with raw bytes; nothing here knows about mitmproxy.
"""

from .adapters import ToolBlock, detect_format, find_blocks
from .engine import (
    BlockOutcome,
    BlockReport,
    CompressionResult,
    block_key,
    block_policy,
    clear_memo,
    compress_request,
    compress_text,
    recover_truncated,
)
from .report import format_report, run_compress_cli
from .settings import ALL_TRANSFORMS, LOSSLESS_TRANSFORMS, LOSSY_TRANSFORMS, CompressionSettings
from .store import OriginalStore, Rendering, Store, StoreUnavailable, grep_lines, open_store, retrieve_text, slice_lines
from .transforms import retrieve_id

__all__ = [
    "ALL_TRANSFORMS",
    "LOSSLESS_TRANSFORMS",
    "LOSSY_TRANSFORMS",
    "BlockOutcome",
    "BlockReport",
    "CompressionResult",
    "CompressionSettings",
    "OriginalStore",
    "Rendering",
    "Store",
    "StoreUnavailable",
    "ToolBlock",
    "block_key",
    "block_policy",
    "clear_memo",
    "compress_request",
    "compress_text",
    "detect_format",
    "find_blocks",
    "open_store",
    "format_report",
    "recover_truncated",
    "grep_lines",
    "retrieve_id",
    "retrieve_text",
    "run_compress_cli",
    "slice_lines",
]
