"""The slowest and the fastest among a log's timed lines: the request that took 2.4 s among
hundreds of 3 ms ones, the longest GC pause, the slowest test. A duration is the numeric column a
log has (principle 3: each numeric column's minimum and maximum survive sampling), so the line
of the least and of the greatest stay, also where the log is sampled as rows."""

from __future__ import annotations

import re

from .lineindex import LineIndex
from .lines import lead
from .select import MUST

# A number with a time unit after a space, "(", "=", ":" or the line's start ("200 2ms", "(5 ms)",
# "took=1.2s", go's "0.02s", pytest --durations' "0.20s call …"; a bare "s" right after its
# number: "10 sheep" is no duration), not inside a bracketed stamp ("[1.345s][info]" is when, not
# how long). Searched in the reversed text, where the pattern opens with the unit's letter: a scan
# that starts with a literal is C-fast, one that starts with a digit class is tried at every
# character (~10x slower on a log); an "s" not after a digit or a unit's letter is given up at
# once (~25% of the scan: most are a word's).
_REVERSED = re.compile(r"s(?=[\dmun])(?:([mun]) ?)?(\d+(?:\.\d+)?)(?=[ \t(=:\n])")
_SCALE = {"n": 1e-6, "u": 1e-3, "m": 1.0, "": 1e3}
_MIN_COUNT = 5  # fewer durations are no column


def keep_duration_extremes(index: LineIndex, rank: list[int]) -> None:
    """Lift the line of the least and of the greatest duration to MUST (of equals the last: the
    text is read backwards). Durations that lead their lines are a column of their own (pytest's
    slowest tests under a run's "in 0.58s"): its extremes are looked for apart."""
    text = index.text[::-1]
    columns: tuple[list[re.Match[str]], list[re.Match[str]]] = ([], [])
    for m in _REVERSED.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue  # the unit's letters end a word ("12msgs")
        columns[text[m.end()] == "\n"].append(m)
    for found in columns:
        if len(found) < _MIN_COUNT:
            continue
        values = [float(m.group(2)[::-1]) * _SCALE[m.group(1) or ""] for m in found]
        where = [index.line_of(len(text) - 1 - m.start()) for m in found]
        groups: dict[str, list[int]] = {}  # the durations of lines of one lead, by their positions in found
        for k, i in enumerate(where):
            groups.setdefault(_NUMBER.sub("0", lead(index.lines[i])), []).append(k)
        for ks in [range(len(found))] + [g for g in groups.values() if _MIN_COUNT <= len(g) < len(found)]:
            for k in (min(ks, key=values.__getitem__), max(ks, key=values.__getitem__)):
                rank[where[k]] = MUST


# Lines of one kind open alike ("npm http fetch GET 200 …", "npm http cache …"): their durations
# are a column of their own, whose extremes a run's total ("added 113 packages in 5s") or another
# kind's hides. Numbers in a lead are masked so that stamped lines are one kind.
_NUMBER = re.compile(r"\d+")
