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
# Ry", "Epoch 3/10 - loss: 0.23"), as index.zeroed reads it (digits made "0"): words, then "=",
# ": ", "<" or ">", then a number (not an address's "127.0.0.1"). A record's line (a stamp or a
# bracket first, a frame's "f (file:12:5)", an audit event, a JSON object) is no quantity's step.
# Found from each newline in one C-level scan.
_QUANTITY = re.compile(r"\n([ \t]*+[A-Za-z][\w .#/-]{0,40}+(?:[=<>]|: )[ \t]*+[-+]?\.?0++(?:\.0++)?(?![.0])[^\n]*+)")
_LONGEST = 100
_NUMBERS = re.compile(r"[-+0.\s]+")
# A row of values alone ("    1500        3.00000", "   -7.76972e+03   1.34766e+03") under the line
# of their names (words, no digit).
_HEADED_VALUES = re.compile(
    r"\n([^\n0]*+)\n(?:[ \t]++[-+]?\.?0++(?:\.0++)?(?:[eEdD][-+]?0++)?)++[ \t]*+(?=\n|\Z)"
)
# Looked for from the values (a line that opens with a blank and a number, rare) up to the line
# above, not from every line down (a scan of each line's characters, ~8% of a 200 KB request):
# a line of names holds no "0" and a line of values does, so no two matches overlap and each is
# the match at the newline over its values' line. The names' two letters are looked for last.
_VALUES_START = re.compile(r"\n[ \t]++[-+]?\.?0")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")


def _headed_values(zeroed: str) -> list[re.Match[str]]:
    """What _HEADED_VALUES.finditer(zeroed) finds whose line of names holds two letters in a row."""
    found = []
    for v in _VALUES_START.finditer(zeroed):
        at = zeroed.rfind("\n", 0, v.start())
        if at != -1 and (m := _HEADED_VALUES.match(zeroed, at)) is not None and _TWO_LETTERS.search(m.group(1)):
            found.append(m)
    return found


STEPS = 3  # lines of one template, at least, for a run's progress
# More such templates are a log's many kinds of line (each request's path with its numbers), not
# a run's few quantities: the log's own rules sample them.
_MAX_QUANTITIES = 20


def keep_trajectory_ends(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the first and the last line of each quantity's template that repeats with
    other lines between its steps (not a table's consecutive rows, sampled by the table's rules),
    and of each row of values printed under a repeated header of their names (GROMACS's "Step
    Time" over "1500  3.00000"), the header with it."""
    zeroed = index.zeroed
    steps: dict[str, list[int]] = {}
    # One template whatever the values' signs and widths ("k =-0.1250 0.1250" and "k = 0.3750-0.3750").
    keys: dict[str, str] = {}
    for m in _QUANTITY.finditer(zeroed):
        shape = m.group(1)
        if len(shape) <= _LONGEST:
            if (key := keys.get(shape)) is None:
                key = keys[shape] = _NUMBERS.sub(" ", shape)
            steps.setdefault(key, []).append(index.line_of(m.start() + 1))
    for m in _headed_values(zeroed):
        steps.setdefault("\n" + m.group(1), []).append(index.line_of(m.start() + 1) + 1)  # named by the line above
    lines = index.lines
    spread = [
        (key, at) for key, at in steps.items()
        if len(at) >= STEPS and at[-1] - at[0] + 1 > len(at)
        # a diagnostic repeated (a failure's place, its assertion line) is ranked as one: principle 2
        and ln.severity(lines[at[0]]) is None and not ln.has_location(lines[at[0]])
    ]
    if len(spread) > _MAX_QUANTITIES:
        return
    for key, at in spread:
        for i in (at[0], at[-1]):
            rank[i] = MUST
            if key[0] == "\n":
                rank[i - 1] = MUST


# A row led by its step's number ("     1 P_Mix/Diag. 0.40E+00  0.2  0.68521227  -16.96"): rows
# that count 1, 2, 3 … one under the other are an iterative run's table of steps.
_COUNTED = re.compile(r"\n[ \t]*+(\d{1,6}+)[ \t]++\S")
_MAX_RUNS = 30  # more are a listing's numbered rows, not a few runs' tables


def keep_counted_run_ends(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the first and the last row of each table of steps (three rows or more that
    count up by one): where each run of an iterative solver (an SCF per geometry step) started
    and where it ended, however many runs the output holds."""
    runs: list[list[int]] = []
    last_line = last_step = -2
    for m in _COUNTED.finditer(index.text):
        i, step = index.line_of(m.start() + 1), int(m.group(1))
        if i == last_line + 1 and step == last_step + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
        last_line, last_step = i, step
    runs = [r for r in runs if len(r) >= STEPS]
    if len(runs) > _MAX_RUNS:
        return
    for r in runs:
        rank[r[0]] = rank[r[-1]] = MUST
