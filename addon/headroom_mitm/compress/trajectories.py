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
STEPS = 3  # lines of one template, at least, for a run's progress
# More such templates are a log's many kinds of line (each request's path with its numbers), not
# a run's few quantities: the log's own rules sample them.
_MAX_QUANTITIES = 20


def keep_trajectory_ends(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the first and the last line of each quantity's template that repeats with
    other lines between its steps (not a table's consecutive rows, sampled by the table's rules)."""
    shapes = index.shapes
    # One template whatever the values' signs and widths ("k =-0.1250 0.1250" and "k = 0.3750-0.3750").
    keys = {
        sh: _NUMBERS.sub(" ", sh) for sh in index.shape_counts
        if len(sh) <= _LONGEST and _QUANTITY.match(sh)
    }
    if not keys:
        return
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    steps: dict[str, int] = {}
    for i, sh in enumerate(shapes):
        if (key := keys.get(sh)) is not None:
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
        rank[first[k]] = rank[last[k]] = MUST
