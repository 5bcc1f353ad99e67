"""The large shares of a profile: rows that open with a percentage of a whole (perf report's
"47.70%  46.55%  pktsim  [.] reassemble", pprof's "120  45.3%  45.3% …"). A question about a
profile asks where the time or the memory went: the rows holding a tenth of it or more stay,
however far apart the report's call graphs put them (principle 3's extremes, read as a share)."""

from __future__ import annotations

import re

from .lineindex import LineIndex
from .select import MUST

# A row's share among its first two fields: "  47.70%", "120  45.3%".
_SHARE = re.compile(r"[ \t]*+(?:[\d.]++[a-zA-Z]*+[ \t]++)?(\d{1,3}(?:\.\d+)?)%(?=[ \t])")
_LARGE = 10.0  # percent of the whole
_MIN_ROWS = 5  # fewer shares are no profile
_MAX_LARGE = 30  # more large shares are an inclusive column (every caller of main): kept as ranked


def keep_large_shares(index: LineIndex, rank: list[int]) -> None:
    rows = [(i, float(m.group(1))) for i in index.hits(("%",), case=True) if (m := _SHARE.match(index.lines[i]))]
    if len(rows) < _MIN_ROWS:
        return
    large = [i for i, share in rows if share >= _LARGE]
    if len(large) <= _MAX_LARGE:
        for i in large:
            rank[i] = MUST
