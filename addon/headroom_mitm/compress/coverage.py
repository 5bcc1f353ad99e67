"""Source annotated with execution counts (`llvm-cov show`'s "  14|      0|  code", gcov's
"    #####:   14:  code", Erlang cover's "     0..|  code"): the lines never run are what a
coverage question asks for, as a failure is a test run's (principle 2). The first line of every
run of them stays, the rest of the run next; up to MUST_AT_MOST runs."""

from __future__ import annotations

import re

from .lineindex import LineIndex, matches_at_least
from .select import CONTEXT, MUST, MUST_AT_MOST

# The line number (read past as a gutter, or not), then the count, padded: blank where no code is,
# a number (llvm-cov writes "1.2k"), or gcov's marks: "-" for no code, "#####" / "=====" for never run.
_ANNOTATED = re.compile(r"(?: *\d+\|)? +(?:\d[\d.]*[kMGTPE]?)?\||(?: *(?:#####|=====|\d+\*?|-)): *\d+:")
_UNRUN = re.compile(r"(?: *\d+\|)? +0(?:\.\.)?\||(?: *(?:#####|=====)): *\d+:")


def keep_unrun_lines(index: LineIndex, rank: list[int]) -> None:
    first = index.lines[:12]
    if sum(1 for x in first if _ANNOTATED.match(x)) < 0.5 * len(first):
        return  # most outputs are told apart by their first lines
    sample = [x for x in index.lines[:100] if x.strip()][:60]
    if len(sample) < 10 or not matches_at_least(_ANNOTATED, sample, 0.8 * len(sample)):
        return  # decided on a sample: most outputs are no annotated source
    runs = 0
    previous = False
    for i, line in enumerate(index.lines):
        unrun = _UNRUN.match(line) is not None
        if unrun and not previous:
            runs += 1
            if runs > MUST_AT_MOST:
                return
        if unrun:
            rank[i] = min(rank[i], MUST if not previous else CONTEXT)
        previous = unrun
