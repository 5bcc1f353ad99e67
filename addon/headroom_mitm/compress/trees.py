"""Hierarchies of paths: path lists (`find`, glob) and tree drawings (`tree`, with or without
bracketed fields). A path list keeps the first entry of each directory and of each file type; a
tree keeps its directories, and its bracketed fields are sampled as a table's rows."""

from __future__ import annotations

import re
from collections import Counter

from .lineindex import matches_at_least
from .select import MUST, NORMAL
from .outliers import Rows, rank_columns
from .tables import MIN_ROWS

# A name may hold single spaces ("My Documents"); a run of them pads a table's next column.
_PATH_LINE = re.compile(r"^\s*(?:\.{0,2}/)?[\w@.+~-]++(?:/[\w@.+~-]*+(?: [\w@.+~-]++)*+)*+\s*$")


def count_paths(lines: list[str]) -> int:
    return sum(1 for x in lines if "/" in x and _PATH_LINE.match(x))


def looks_path_list(lines: list[str]) -> bool:
    nonblank = list(filter(str.strip, lines))
    if len(nonblank) < MIN_ROWS:
        return False
    misses_allowed = len(nonblank) - 0.8 * len(nonblank)
    for s in nonblank:
        if not ("/" in s and _PATH_LINE.match(s)):
            misses_allowed -= 1
            if misses_allowed < 0:
                return False  # decided: no need to look at the rest
    return True


# `tree -s/-h/-p/-u/-D`: the drawing, then the entry's fields in one bracketed cell. A branch is
# "├──" or, for an entry with entries under it in `npm ls`, "├─┬".
DRAWING = re.compile(r"[│├└─┬|`\- \xa0]*")  # a tree's rails and branch before its entry
_TREE_ROW = re.compile(r"[│| \xa0]*(?:[├└]─[─┬]|[|`]--)[ \xa0]+\[([^\]]*)\][ \xa0]+\S")
_TREE_ENTRY = re.compile(r"[│| \xa0]*(?:[├└]─[─┬]|[|`]--)[ \xa0]+\S")
_RAILS = re.compile(r"[│| \xa0]*(?=[├└]─|[|`]--)")  # the rails before an entry's branch


def rank_tree(lines: list[str]) -> list[int] | None:
    """A tree drawing whose entries carry their fields (size, mode, owner) in a bracketed cell:
    those cells are the rows of a table, sampled as rank_table samples rows. A plain drawing's
    entries are sampled alike, its directories kept."""
    sample = [s for s in lines[:100] if s.strip()][:60]
    if not matches_at_least(_TREE_ROW, sample, 0.7 * len(sample)):
        if len(sample) < MIN_ROWS or not matches_at_least(_TREE_ENTRY, sample, 0.7 * len(sample)):
            return None  # decided on a sample
        rank = [NORMAL if _TREE_ENTRY.match(s) or not s.strip() else MUST for s in lines]
        _keep_directories(lines, rank)
        return rank
    found = [(i, m.group(1).split()) for i, s in enumerate(lines) if (m := _TREE_ROW.match(s))]
    nonblank = sum(1 for x in lines if x.strip())
    if len(found) < MIN_ROWS or len(found) < 0.7 * nonblank:
        return None
    width = Counter(len(c) for _, c in found).most_common(1)[0][0]
    rows = [(i, c) for i, c in found if len(c) == width]
    if width == 0 or len(rows) < 0.7 * len(found):
        return None
    rank = [MUST if s.strip() else NORMAL for s in lines]  # the root, the report, odd entries
    for i, _ in rows:
        rank[i] = NORMAL
    rank_columns(Rows([x for _, c in rows for x in c], width), [i for i, _ in rows], list(range(len(rows))), rank)
    _keep_directories(lines, rank)
    return rank


def _keep_directories(lines: list[str], rank: list[int]) -> None:
    """The directories are the tree's structure, as every directory's first path is a path list's.
    The first level (the roots' children: a project's direct dependencies in `npm ls`/`pnpm list`,
    a repository's top entries) is the tree's outline: it stays too, unless it is three in four of
    the tree's entries or more (a flat listing is sampled as a list; a package whose modules sit
    beside a few directories of caches, `tree -L 2`, is still an outline)."""
    depth = [len(DRAWING.match(s).group(0)) for s in lines]
    for i in range(len(lines) - 1):
        if depth[i + 1] > depth[i] and lines[i + 1].strip():
            rank[i] = MUST
    # An entry's level is where its branch ("├", "└", "|--", "`--") stands, after the rails.
    branch = [len(m.group(0)) if (m := _RAILS.match(s)) else -1 for s in lines]
    entries = [b for b in branch if b >= 0]
    if not entries:
        return
    top = min(entries)
    first = [i for i, b in enumerate(branch) if b == top]
    if len(first) * 4 <= len(entries) * 3:
        for i in first:
            rank[i] = MUST


_FEW = 6  # entries of a directory listed whole, at most


def rank_paths(lines: list[str]) -> list[int]:
    rank = [NORMAL] * len(lines)
    dirs: set[str] = set()
    exts: set[str] = set()
    for i, s in enumerate(lines):
        p = s.strip()
        if not p:
            continue
        d, _, name = p.rpartition("/")
        ext = name.rpartition(".")[2] if "." in name else ""
        if d not in dirs or ext not in exts:
            rank[i] = MUST
            dirs.add(d)
            exts.add(ext)
    # A directory of a few entries among large ones is listed whole: each is a name (a package's
    # commands in bin/ beside its hundreds of docs). A tree of small directories only is sampled.
    sizes = Counter(s.strip().rpartition("/")[0] for s in lines if s.strip())
    few = [i for i, s in enumerate(lines) if s.strip() and sizes[s.strip().rpartition("/")[0]] <= _FEW]
    if len(few) * 3 <= sum(sizes.values()):
        for i in few:
            rank[i] = MUST
    return rank
