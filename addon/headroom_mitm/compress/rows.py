"""Which row-wise ranking fits a text: a path list, a tree, a titled table among other lines, a
column table, or rows scattered between other lines."""

from __future__ import annotations

from .tables import rank_scattered, rank_table, rank_table_block
from .trees import count_paths, looks_path_list, rank_paths, rank_tree


def rank_rows(lines: list[str]) -> tuple[str, list[int] | None] | None:
    """(name, ranks) for a table or a path list, None for anything else. A path list the size
    OpenCode's own glob returns is read whole: its ranks are None."""
    if looks_path_list(lines):
        # Counted as paths: OpenCode's glob adds a truncation notice under its 100 paths.
        if count_paths(lines) <= 100:
            return "path_list", None
        return "path_list", rank_paths(lines)
    rank = rank_tree(lines)
    if rank is None:  # a titled table first: the lines around it are not its rows
        rank = rank_table_block(lines)
    if rank is None:
        rank = rank_table(lines)
    if rank is None:
        rank = rank_scattered(lines)
    return None if rank is None else ("table_rows", rank)
