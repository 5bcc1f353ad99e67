"""A quantity an iterative run reports again and again between its other lines (a solver's
"total energy = …" each iteration, a trainer's loss each epoch, an optimizer's step header):
where it started and where it ended are what is asked of it, the steps between are its progress.
The first and the last line of each such template stay."""

from __future__ import annotations

import re

from . import lines as ln
from .lineindex import LineIndex
from .select import MUST

# A short line that opens with the name of a quantity and gives its value ("total energy = -17.01
# Ry", "Epoch 3/10 - loss: 0.23"), as index.shapes reads it (digits made "0"): words, then "=",
# ": ", "<" or ">", then a number (not an address's "127.0.0.1"). A record's line (a stamp or a
# bracket first, a frame's "f (file:12:5)", an audit event, a JSON object) is no quantity's step.
_QUANTITY = re.compile(r"[ \t]*+[A-Za-z][\w .#/-]{0,40}?(?:[=<>]|: )[ \t]*+[-+]?\.?0++(?:\.0++)?(?![.0])")
_LONGEST = 100
_NUMBERS = re.compile(r"[-+0.\s]+")
# A row of values alone ("    1500        3.00000", "   -7.76972e+03   1.34766e+03"), its names on the line above.
_VALUES = re.compile(r"(?:[ \t]++[-+]?\.?0++(?:\.0++)?(?:[eEdD][-+]?0++)?)++[ \t]*+")
_LABEL = re.compile(r"[A-Za-z]{2}")
STEPS = 3  # lines of one template, at least, for a run's progress
# More such templates are a log's many kinds of line (each request's path with its numbers), not
# a run's few quantities: the log's own rules sample them.
_MAX_QUANTITIES = 20


def keep_trajectory_ends(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the first and the last line of each quantity's template that repeats with
    other lines between its steps (not a table's consecutive rows, sampled by the table's rules),
    and of each row of values printed under a repeated header of their names (GROMACS's "Step
    Time" over "1500  3.00000"), the header with it."""
    shapes = index.shapes
    # One template whatever the values' signs and widths ("k =-0.1250 0.1250" and "k = 0.3750-0.3750").
    keys: dict[str, str | None] = {}
    for sh in index.shape_counts:
        if len(sh) <= _LONGEST and _QUANTITY.match(sh):
            keys[sh] = _NUMBERS.sub(" ", sh)
        elif _VALUES.fullmatch(sh):
            keys[sh] = None  # named by the line above
    if not keys:
        return
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    steps: dict[str, int] = {}
    for i, sh in enumerate(shapes):
        if sh not in keys:
            continue
        key = keys[sh]
        if key is None:
            above = shapes[i - 1] if i else ""
            if "0" in above or not _LABEL.search(above):
                continue
            key = "\n" + above
        first.setdefault(key, i)
        last[key] = i
        steps[key] = steps.get(key, 0) + 1
    lines = index.lines
    spread = [
        k for k, n in steps.items()
        if n >= STEPS and last[k] - first[k] + 1 > n
        # a diagnostic repeated (a failure's place, its assertion line) is ranked as one: principle 2
        and ln.severity(lines[first[k]]) is None and not ln.has_location(lines[first[k]])
    ]
    if len(spread) > _MAX_QUANTITIES:
        return
    for k in spread:
        for i in (first[k], last[k]):
            rank[i] = MUST
            if k[0] == "\n":
                rank[i - 1] = MUST
