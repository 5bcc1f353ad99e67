"""Per-file counts (`grep -c`, `rg -c`, `git grep --count`: `path:count`; `uniq -c`, `wc -l`:
`count text`) are a search's answer in numbers: which files hold the most, which the fewest.
Ranked as such: a list of up to 60 nonzero rows is the answer itself and stays whole; of a longer
one the 20 largest counts and the smallest nonzero stay beside the head, and zero rows (files
that do not match) go first.
"""

from __future__ import annotations

import re

from .select import HIGH, LOW, MUST, NORMAL

_PATH_COUNT = re.compile(r"(\S[^:]*?):(\d+)")  # grep -c's "path:count"
# uniq -c's and wc -l's "   count text": one count, then text with no cells (no "|", tab or run of
# spaces: a psql or ps row that opens with a number is a table's). Ten digits or more are an epoch
# stamp opening a log's record ("1796149012633 worker-1 ERROR …", CloudWatch's), not a count; nor
# is a number padded with zeros, a record's index (scapy's nsummary "0072 Ether / IP / TCP …").
_COUNT_TEXT = re.compile(r" *(0|[1-9]\d{0,8}) (?:[^\s|]| (?! ))+")
_CLOCK_IN_LINE = re.compile(r"\b\d\d:\d\d(?::\d\d)?\b")
_MIN_ROWS = 12
WHOLE_UP_TO = 60  # nonzero rows: a list this short is read whole
LARGEST = 20
HEAD = 10


def _count(line: str) -> int | None:
    m = _PATH_COUNT.fullmatch(line)
    # A path holds no cells: a table's row ending in a clock time ("… 302.78  2  2026-05-05 16:28")
    # is no "path:count".
    if m and ("/" in m.group(1) or "." in m.group(1)) and "  " not in m.group(1) and "\t" not in m.group(1):
        return int(m.group(2))
    m = _COUNT_TEXT.fullmatch(line)
    return int(m.group(1)) if m else None


def rank_counts(lines: list[str]) -> list[int] | None:
    """The ranks of a count list's lines; None unless nearly every line is a count row of one form."""
    sample = [x for x in lines[:60] if x.strip()][:40]  # most outputs are ruled out here, cheaply
    if not sample or not any(x[-1:].isdigit() or x.lstrip()[:1].isdigit() for x in sample[:4]):
        return None
    if sum(1 for x in sample if len(x) < 1024 and _count(x) is not None) < 0.9 * len(sample):
        return None
    if sum(1 for x in sample if _CLOCK_IN_LINE.search(x, 0, 200)) >= 0.9 * len(sample):
        return None  # each row stamped: a listing's size and time columns (`jar tvf`), no counts
    counts = [_count(x) if len(x) < 1024 else None for x in lines]
    rows = [i for i, c in enumerate(counts) if c is not None]
    nonblank = sum(1 for x in lines if x.strip())
    if len(rows) < _MIN_ROWS or len(rows) < 0.9 * nonblank:
        return None
    # One form only: a mix is some other listing that happens to hold numbers.
    if len({bool(_PATH_COUNT.fullmatch(lines[i])) for i in rows}) > 1:
        return None
    nonzero = [i for i in rows if counts[i]]
    rank = [HIGH] * len(lines)  # notices, a total line: anything that is no row
    for i in rows:
        rank[i] = NORMAL if counts[i] else LOW
    if len(nonzero) <= WHOLE_UP_TO:
        for i in nonzero:
            rank[i] = MUST
    else:
        for i in nonzero[:HEAD]:
            rank[i] = HIGH
        by_size = sorted(nonzero, key=lambda i: (-(counts[i] or 0), i))
        for i in by_size[:LARGEST] + [by_size[-1]]:
            rank[i] = MUST
    # The smallest of all, 0 too: in `grep -r . /proc/sys` the numbers are values, not counts.
    rank[min(rows, key=lambda i: counts[i] or 0)] = MUST
    return rank
