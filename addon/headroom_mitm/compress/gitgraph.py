"""`git log --graph` in full format: each line starts with the graph's drawing ("| * commit …",
"| |     subject"). Read without it, it is a git log, ranked as one: every commit, author, date
and subject stays. Only the ranking reads the stripped lines; the kept lines are the original's.
"""

from __future__ import annotations

import re

_GRAPH_COMMIT = re.compile(r"([*|\\/ _.-]*[*|][*|\\/ _.-]* )commit [0-9a-f]{7,64}\b")
_DRAWING = frozenset("*|\\/ _.-")


def ungraphed(lines: list[str]) -> list[str] | None:
    """The lines without the graph's drawing, when the text opens as a full-format graph log
    (a commit line among its first 12, where `| tail` may have cut one commit's lines above the
    next; three among its first 60); None otherwise."""
    if not any("commit " in x and _GRAPH_COMMIT.match(x) for x in lines[:12]):
        return None  # decided by its first lines for almost every text
    if sum(1 for x in lines[:60] if _GRAPH_COMMIT.match(x)) < 3:
        return None
    out: list[str] = []
    width = 0
    for x in lines:
        m = _GRAPH_COMMIT.match(x)
        if m is not None:
            width = len(m.group(1))  # the drawing is as wide as on its commit line until the next
        cut = width if all(c in _DRAWING for c in x[:width]) else 0
        out.append(x[cut:])
    return out
