"""A gutter every line of an output carries — CI's time stamps, a build step's number, line
numbers, an indent — read past when its lines are ranked.

`gh run view --log` puts a job, a step and a stamp before each line of the pytest run it holds;
docker's builder puts its step number and seconds; a runner nested in another indents it all.
Ranked as they come, such lines look alike at their start, where most shapes are told (a failure
header, a finding's place, a verdict), and a pytest run reads as one uniform log. So the lines
are ranked by what follows the gutter; the lines kept are still the output's own, gutter and all.
"""

from __future__ import annotations

import os
import re

# A gutter ends in a space, or at the line's end where the line relayed was blank (and the space
# went with the trailing blanks).
_STAMP = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?(?: |$)"
# Gutters several tools put before every line of an output they relay, tried in this order on
# the first lines; the first that nearly all of them carry is the output's. Each with a character
# its lines hold (a line without it is not tried: the pattern would scan it for nothing).
_GUTTERS = (
    (re.compile(r"[^\t\n]{1,100}\t[^\t\n]{1,200}\t" + _STAMP), "\t"),  # gh run view --log: job, step, stamp
    # CI runners' raw logs (GitLab's add a stream and a continuation mark: "00O+ "), kubectl logs
    # --timestamps, docker logs -t
    (re.compile(_STAMP + r"(?:\d\d[OE]\+?(?: |$))?"), "T"),
    (re.compile(r"#\d+ \d+\.\d+(?: |$)"), "#"),  # docker's builder (BuildKit): the step and its seconds
)
# A line's number before a tab, an arrow or a bar (`cat -n`, `nl`, an agent's file view; numbers
# before a space alone are a table's index column): a gutter when the lines run on by one.
_NUMBERED = re.compile(r" *+(\d++)(?:\t|→|[ ]?[│|┃:][ ]?|$)")
_SAMPLE = 200  # lines looked at to find the gutter
_SHARE = 0.9  # of the sample's non-blank lines that must carry it (a relayed line may be cut)
_MIN_PREFIX = 2


def widths(lines: list[str]) -> list[int] | None:
    """Per line, the width of the gutter to read past (0 where a line carries none); None when
    the output has no gutter."""
    sample = [x for x in lines[:_SAMPLE] if x.strip()]
    if len(sample) < 8:
        return None
    misses = int((1 - _SHARE) * len(sample))
    for gutter, held in _GUTTERS:
        if _carried(gutter, held, sample, misses):
            return [m.end() if (m := gutter.match(x)) else 0 for x in lines]
    if _NUMBERED.match(sample[0]) and _numbered(sample, misses):
        return [m.end() if (m := _NUMBERED.match(x)) else 0 for x in lines]
    # Text every non-blank line opens with, up to a blank (a runner's indent, one service's
    # "api-1  | "): most outputs' first two lines share none, decided there.
    prefix = None
    for x in lines:
        if prefix is not None and (x.startswith(prefix) or prefix.startswith(x)):  # (or a relayed blank line, trimmed)
            continue
        if x.strip():
            if prefix is None:
                prefix = x
            else:
                prefix = x[: len(os.path.commonprefix((prefix, x)))]
                if len(prefix) < _MIN_PREFIX:
                    return None
    if prefix is None:
        return None
    if prefix.endswith("|") and all(x[len(prefix) : len(prefix) + 1] in ("", " ") for x in lines if x.startswith(prefix)):
        prefix += " "  # the first line was a relayed blank, trimmed to the bar: the bar's space is the gutter's
    # Only what a relaying tool adds: blanks, or a column closed by a bar. Words all lines share
    # ("import time:", a client's address) are the output's own.
    bar = prefix.find("| ")
    named = bar > 0 and prefix[:bar].strip()  # a markdown table's rows open with a bar of their own
    prefix = prefix[: bar + 2] if named else prefix[: len(prefix) - len(prefix.lstrip())]
    if len(prefix) < _MIN_PREFIX:
        return None
    return [len(prefix) if x.startswith(prefix) else len(x) if prefix.startswith(x) else 0 for x in lines]


def _numbered(sample: list[str], misses: int) -> bool:
    """Whether the sample's lines are numbered one after the other (all but `misses` of them)."""
    last = None
    for x in sample:
        m = _NUMBERED.match(x)
        k = int(m.group(1)) if m else None
        if k is None or (last is not None and k != last + 1):
            misses -= 1
            if misses < 0:
                return False
        last = k
    return True


def _carried(gutter: re.Pattern[str], held: str, sample: list[str], misses: int) -> bool:
    """Whether all but `misses` lines of the sample carry the gutter (given up at one too many)."""
    for x in sample:
        if held not in x or not gutter.match(x):
            misses -= 1
            if misses < 0:
                return False
    return True


def read_past(lines: list[str], found: list[int]) -> str:
    """The output as it reads behind its gutter, line for line."""
    return "\n".join(x[w:] for x, w in zip(lines, found))
