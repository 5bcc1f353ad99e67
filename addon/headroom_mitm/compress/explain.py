"""pytest says why a test failed on lines that open with "E   " under the failure (the assertion
with its values, the exception and its message). Their words need not read like a failure
("shop.cart.OutOfStock: sku 'sku5' has only 0 left"), so the first line of each such run is
made a must-stay line of its own: it is the failure's message. Under an exception named alone,
the message is on the lines after it, and they stay too (but for values wrapped onto deeper lines).
"""

from __future__ import annotations

import re

from .lineindex import LineIndex
from .select import MUST

_TOLD = 16  # lines of a message under an exception named alone, at most
_BARE = re.compile(r"E +[\w.]*(?:Error|Exception|Failure|Failed)\w*:?")
# Or a message whose lines under it compare the values (pandas' assert_series_equal: "[left]:  [29.0,
# …]" over "[right]: […]"): what differs is the failure.
_COMPARED = re.compile(r"E +\[(?:left|right)\]:")
_SECTIONS = ("= FAILURES =", "= ERRORS =")  # pytest's banners: the "E" lines are its own


def keep_first_explanations(index: LineIndex, rank: list[int]) -> None:
    if not any(s in index.text for s in _SECTIONS) or "\nE " not in index.text:
        return
    runs: list[list[int]] = []
    for i in sorted(index.hits(("\nE   ", "\nE\n"), case=True)):  # a bare "E" continues the run
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        elif index.lines[i] != "E":
            runs.append([i])
    for run in runs:
        rank[run[0]] = MUST
        if _BARE.fullmatch(index.lines[run[0]]) is None and not any(_COMPARED.match(index.lines[i]) for i in run[1:_TOLD]):
            continue
        # A message told on the lines under a bare exception name (numpy's assert_allclose:
        # "AssertionError:" over the tolerance, the mismatched elements, the first mismatches and
        # the largest differences) stays, but for its values wrapped onto deeper lines.
        rest = [i for i in run[1:] if index.lines[i] != "E"]
        base = _indent(index.lines[rest[0]]) if rest else 0
        for i in [i for i in rest if _indent(index.lines[i]) <= base + 1][:_TOLD]:
            rank[i] = MUST


def _indent(line: str) -> int:
    return len(line) - len(line[1:].lstrip()) - 1  # after the "E"
