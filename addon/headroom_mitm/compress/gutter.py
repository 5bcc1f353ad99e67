"""A gutter every line of an output carries — CI's time stamps, a build step's number, an indent —
read past when its lines are ranked.

`gh run view --log` puts a job, a step and a stamp before each line of the pytest run it holds;
docker's builder puts its step number and seconds; a runner nested in another indents it all.
Ranked as they come, such lines look alike at their start, where most shapes are told (a failure
header, a finding's place, a verdict), and a pytest run reads as one uniform log. So the lines
are ranked by what follows the gutter; the lines kept are still the output's own, gutter and all.
"""

from __future__ import annotations

import re

# Gutters several tools put before every line of an output they relay, tried in this order on
# the first lines; the first that nearly all of them carry is the output's.
# A gutter ends in a space, or at the line's end where the line relayed was blank (and the space
# went with the trailing blanks).
_STAMP = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?(?: |$)"
_GUTTERS = (
    re.compile(r"[^\t\n]{1,100}\t[^\t\n]{1,200}\t" + _STAMP),  # gh run view --log: job, step, stamp
    re.compile(_STAMP),  # CI runners' raw logs, kubectl logs --timestamps, docker logs -t
    re.compile(r"#\d+ \d+\.\d+(?: |$)"),  # docker's builder (BuildKit): the step and its seconds
)
_SAMPLE = 200  # lines looked at to find the gutter
_SHARE = 0.9  # of the sample's non-blank lines that must carry it (a relayed line may be cut)
_MIN_INDENT = 2


def widths(lines: list[str]) -> list[int] | None:
    """Per line, the width of the gutter to read past (0 where a line carries none); None when
    the output has no gutter."""
    sample = [x for x in lines[:_SAMPLE] if x.strip()]
    if len(sample) < 8:
        return None
    misses = int((1 - _SHARE) * len(sample))
    for gutter in _GUTTERS:
        if _carried(gutter, sample, misses):
            return [m.end() if (m := gutter.match(x)) else 0 for x in lines]
    # An indent every non-blank line shares (most outputs' first line has none: decided there).
    indent = None
    for x in lines:
        if x.strip():
            n = len(x) - len(x.lstrip(" "))
            if n < _MIN_INDENT:
                return None
            indent = n if indent is None else min(indent, n)
    return [indent if x.strip() else 0 for x in lines] if indent else None


def _carried(gutter: re.Pattern[str], sample: list[str], misses: int) -> bool:
    """Whether all but `misses` lines of the sample carry the gutter (given up at one too many)."""
    for x in sample:
        if not gutter.match(x):
            misses -= 1
            if misses < 0:
                return False
    return True


def read_past(lines: list[str], found: list[int]) -> str:
    """The output as it reads behind its gutter, line for line."""
    return "\n".join(x[w:] for x, w in zip(lines, found))
