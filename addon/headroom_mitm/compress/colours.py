"""What a terminal's colours marked. The lossless clean-up removes the escapes, and with them the
only sign some tools give of what matters (icdiff paints the changed cells of its side-by-side
rows; a test runner paints its failures red). Read before the clean-up: the lines coloured
otherwise than most lines are marked, by their text as the clean-up leaves it, for the ranking
to lift."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

_SGR = re.compile(r"\x1b\[([0-9;]*)m")
_RESETS = frozenset(("", "0", "00", "39", "49", "22", "23", "24", "27"))  # back to plain: no colour of its own
_MAX_SHARE = 4  # marked lines, at most one in this many: more is how the tool colours everything


def marked_lines(text: str, clean: Iterable[Callable[[str], str]]) -> frozenset[str]:
    """The lines of `text` (raw, escapes and all) coloured otherwise than most lines are, as
    `clean` leaves them; empty when the text has no colours, no colouring most lines share, or
    too many lines stand out for any to."""
    if "\x1b" not in text:  # one character is looked for as memchr does: ~100x faster than two
        return frozenset()
    lines = text.split("\n")
    plain: frozenset[str] = frozenset()
    signatures = [frozenset(p for p in _SGR.findall(x) if p not in _RESETS) if "\x1b" in x else plain for x in lines]
    nonblank = len(lines) - lines.count("")
    usual, held = Counter(signatures).most_common(1)[0]
    found = [x for x, sig in zip(lines, signatures) if sig != usual and sig]
    if not found or 2 * held < nonblank or len(found) > nonblank // _MAX_SHARE:
        return frozenset()
    out = set()
    for x in found:
        for fn in clean:
            x = fn(x)
        if x.strip():
            out.add(x)
    return frozenset(out)
