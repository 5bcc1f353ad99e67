"""Compression settings: one frozen value, hashable, with a stable fingerprint."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from os import PathLike
from typing import Any

from ..facts import RETRIEVE_TOOL

LOSSLESS_TRANSFORMS: tuple[str, ...] = (
    "strip_ansi",
    "collapse_cr",
    "trim_trailing_ws",
    "collapse_blank_runs",
    "compact_json",
)
LOSSY_TRANSFORMS: tuple[str, ...] = (
    "dedupe_lines",
    "repeated_blocks",
    "log_output",
    "table_rows",
    "path_list",
    "search_results",
    "json_outline",
    "long_json_strings",
    "git_output",
    "git_blame",
    "vcs_history",
)
# Not a rewrite of the block's text: its whole output, read back from OpenCode's saved file.
RECOVERY_TRANSFORMS: tuple[str, ...] = ("recover_truncated",)
ALL_TRANSFORMS: tuple[str, ...] = LOSSLESS_TRANSFORMS + LOSSY_TRANSFORMS + RECOVERY_TRANSFORMS

# Outputs the model edits against or that are instructions: not even whitespace changes.
# Matched case-insensitively, also with an MCP server prefix ("filesystem_read_file").
DEFAULT_VERBATIM_TOOLS: frozenset[str] = frozenset(
    {
        "read",  # OpenCode and Claude Code ("Read"): line-numbered file contents, edited against exactly
        "read_file",  # Gemini CLI, Codex
        "read_many_files",  # Gemini CLI
        "read_text_file",
        "read_multiple_files",
        "view",
        "headroom_retrieve",  # our own retrieval: compressing it again would loop
    }
)
# Never lossy. Superset of the verbatim tools plus outputs that are really authored text.
DEFAULT_LOSSLESS_ONLY_TOOLS: frozenset[str] = DEFAULT_VERBATIM_TOOLS | frozenset(
    {
        "skill",  # skill instructions (Gemini CLI's "activate_skill" by its suffix)
        "task",  # a subagent's final answer is assistant text
        "agent",  # Claude Code's name for it; Gemini CLI's "invoke_agent" by its suffix
        "todowrite",
        "todoread",
        "write_todos",  # Gemini CLI
        "webfetch",  # documents the model asked to read: never an elided middle
        "fetch",  # also Gemini CLI's "web_fetch", by its suffix
        "websearch",
        "web_search",  # also Gemini CLI's "google_web_search", by its suffix
        "get_internal_docs",  # Gemini CLI's own documentation
        "read_mcp_resource",  # Gemini CLI
        "readmcpresourcetool",  # Claude Code
    }
)


_SET_FIELDS = frozenset({"disabled_transforms", "verbatim_tools", "lossless_only_tools"})


@dataclass(frozen=True)
class CompressionSettings:
    enabled: bool = True
    disabled_transforms: frozenset[str] = frozenset()
    verbatim_tools: frozenset[str] = DEFAULT_VERBATIM_TOOLS
    lossless_only_tools: frozenset[str] = DEFAULT_LOSSLESS_ONLY_TOOLS
    # The request's own name for the retrieve tool; "" when its tool list has none (lossless only).
    retrieve_tool: str = RETRIEVE_TOOL
    # Without a resolvable tool name we cannot rule out a file read.
    lossy_for_unknown_tools: bool = False
    max_body_bytes: int = 8 * 1024 * 1024
    max_block_chars: int = 2 * 1024 * 1024
    min_lossy_chars: int = 6144  # smaller outputs save little and lose most (tune: +96 needles for 2.0 points of 54.6% saved)
    # a lossy rendering must save this share: below it the risk of a misread shape is not worth
    # the few tokens (at 0.15 a `dpkg -L` listing lost 56 of its executables for 0.2 points saved)
    min_saving_ratio: float = 0.25
    # A log or table where no line reports a failure or warning is cut by position and repetition
    # alone: below ~2,500 tokens what a cut saves is less than one call to retrieve what it misread
    # (tune: +315 needles for 1.0 point of 47.0% saved; applied to all logs and tables: +263 more
    # for 1.0 more point, and the sessions' US$ saved fell from 17.6% to 12.6%)
    min_ranked_chars: int = 10240
    error_lossless_cap: int = 16 * 1024
    max_line_chars: int = 400
    # line selection: beyond the lines that must stay, keep this share of the text, capped
    # (0.15 / 4000 chosen on the tuning corpus: 0.2 / 6000 kept no more needles, 0.12 lost some)
    keep_share: float = 0.15
    keep_cap_chars: int = 4000
    keep_floor_chars: int = 600
    # repeated lines
    dedupe_min_run: int = 3
    similar_min_run: int = 5
    # JSON documents
    json_sample_over: int = 40
    json_min_chars: int = 4096  # mid-size documents are outlined too (8192 kept no more needles)
    json_head_items: int = 5
    json_tail_items: int = 3
    json_max_anomalies: int = 40
    # OpenCode's truncated outputs: directories whose saved files may be read back, and a cap
    tool_output_dirs: tuple[str, ...] = ()
    recover_max_bytes: int = 2 * 1024 * 1024
    # in-process memo bounds
    memo_max_entries: int = 4096
    memo_max_chars: int = 64 * 1024 * 1024
    _fingerprint: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in sorted(_SET_FIELDS):
            value = getattr(self, name)
            norm = frozenset(str(v).lower() if name != "disabled_transforms" else str(v) for v in value)
            object.__setattr__(self, name, norm)
        object.__setattr__(self, "tool_output_dirs", tuple(map(str, self.tool_output_dirs)))
        unknown = self.disabled_transforms - set(ALL_TRANSFORMS)
        if unknown:
            raise ValueError(f"unknown transforms: {sorted(unknown)}")
        object.__setattr__(self, "_fingerprint", _compute_fingerprint(self))

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> CompressionSettings:
        """Build from plain config values (lists for the set fields); unknown keys are an error."""
        known = {f.name: f for f in fields(cls) if f.init}
        unknown = set(data) - set(known)
        if unknown:
            raise ValueError(f"unknown compression settings: {sorted(unknown)}")
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key in _SET_FIELDS:
                value = frozenset(value)
            elif isinstance(value, list):
                value = tuple(value)
            values[key] = value
        return cls(**values)

    @classmethod
    def from_user(
        cls,
        *,
        enabled: bool = True,
        disabled_transforms: Iterable[str] = (),
        extra_lossless_tools: Iterable[str] = (),
        tool_output_dirs: Iterable[str | PathLike[str]] = (),
    ) -> CompressionSettings:
        """The settings a user's switches make (--no-compress, --disable-transform, --lossless-tool,
        --tool-output-dir): extra lossless tools add to the defaults, never replace them."""
        return cls(
            enabled=enabled,
            disabled_transforms=frozenset(disabled_transforms),
            lossless_only_tools=DEFAULT_LOSSLESS_ONLY_TOOLS | frozenset(extra_lossless_tools),
            tool_output_dirs=tuple(map(str, tool_output_dirs)),
        )

    def with_room(self, cap: int) -> CompressionSettings:
        """These settings with at most `cap` characters of room beyond a selection's MUST lines (no
        floor): a rendering made to fit a budget (0: the MUST lines alone)."""
        return replace(self, keep_cap_chars=cap, keep_floor_chars=0)

    def room(self, total_chars: int) -> int:
        """Characters a line selection may keep beyond its MUST lines."""
        return max(self.keep_floor_chars, min(self.keep_cap_chars, int(total_chars * self.keep_share)))

    def search_room(self, total_chars: int) -> int:
        """Characters of a search's first hits kept complete and in order: a search is the answer
        the model asked for, so it gets twice the room of other outputs."""
        return 2 * self.room(total_chars)

    def transform_enabled(self, name: str) -> bool:
        return name not in self.disabled_transforms

    def fingerprint(self) -> str:
        """Stable across processes (sets are sorted): part of every memo key."""
        return self._fingerprint


def _compute_fingerprint(s: CompressionSettings) -> str:
    data: dict[str, object] = {}
    for f in fields(s):
        if f.name.startswith("_") or f.name.startswith("memo_"):
            continue  # memo bounds do not change any rendering
        value = getattr(s, f.name)
        data[f.name] = sorted(value) if isinstance(value, frozenset) else value
    raw = json.dumps(data, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def tool_matches(tool: str, names: frozenset[str]) -> bool:
    """Exact (case-insensitive) or as the suffix of an MCP-prefixed name."""
    t = tool.lower()
    if t in names:
        return True
    # OpenCode names MCP tools "<server>_<tool>"; others use "mcp__server__tool".
    for sep in ("__", "_", "."):
        idx = t.find(sep)
        while idx != -1:
            if t[idx + len(sep):] in names:
                return True
            idx = t.find(sep, idx + 1)
    return False
