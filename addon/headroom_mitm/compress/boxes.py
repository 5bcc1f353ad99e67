"""Short blocks drawn between two rules ("=====" over and under a model's fit statistics, "-----"
under a table's header and "=====" under its last row, "+----+----+" around a statistics
package's table): a box a tool draws around a few facts, each line one of them (a coefficient, a
deviance, a count). Sampling a few lines out of it saves little and loses what it was drawn to
show: such a box, most lines of it rows of cells, is kept whole."""

from __future__ import annotations

import re
from itertools import pairwise

from .lineindex import LineIndex
from .select import MUST

# A line drawn across, corners and column joints included ("+-----+----+", "├────┼────┤").
_RULE = re.compile(r"[ \t]*[-=~_+|─━═┼┬┴├┤┌┐└┘╞╡╪╒╕╘╛]{20,}[ \t]*$")
_RULE_WORDS = ("-----", "=====", "~~~~~", "_____", "─────", "━━━━━", "═════")
_WORD = re.compile(r"[A-Za-z]{2}")
_MIN_LINES, _MAX_LINES = 2, 10  # a box's lines: one is a title; more than ten a section, sampled as any other


def _row(line: str) -> bool:
    """Cells apart by a gap or a bar, a word among them (not a progress bar's "  1%   3%")."""
    body = line.strip()
    return ("  " in body or "|" in body or "\t" in body) and _WORD.search(body) is not None


def keep_small_boxes(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the lines of each short box between two consecutive rules, most of them rows."""
    rules = index.where(_RULE, _RULE_WORDS)
    lines = index.lines
    for a, b in pairwise(rules):
        if _MIN_LINES < b - a <= _MAX_LINES + 1 and 2 * sum(map(_row, lines[a + 1 : b])) >= b - a - 1:
            for k in range(a + 1, b):
                rank[k] = MUST


# Three numbers in a row, apart by blanks (a missing one printed NA or NaN), a fraction on the
# line: a row of a table of measures (a coefficient's estimate, error and z value; an ANOVA's sums
# and means), not a listing's counts and sizes. Found in one C-level scan of the text.
_CELL = r"(?:[-+]?(?:\d[\d.]*|\.\d+)(?:e[-+]?\d+)?|NA|NaN)"
_NUMBERS = re.compile(rf"(?<=[ \t]){_CELL}[ \t]+{_CELL}[ \t]+{_CELL}(?![\w.])")
_FRACTION = re.compile(r"\d\.\d|\de[-+]\d|\bNA\b|\bNaN\b")
_MIN_ROWS, _MAX_ROWS = 2, 10


def keep_small_tables(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST each short table of measures under its header line (R's "Estimate Std. Error
    z value Pr(>|z|)" over a model's coefficients): a few rows, each a fact asked about by name;
    long tables are sampled by their own rules."""
    lines = index.lines
    rows = sorted({index.line_of(m.start()) for m in _NUMBERS.finditer(index.text)})
    rows = [i for i in rows if _FRACTION.search(lines[i])]
    run: list[int] = []
    for i in [*rows, -2]:
        if run and i == run[-1] + 1:
            run.append(i)
            continue
        head = run[0] - 1 if run else -1
        if head > 0 and _RULE.match(lines[head]):
            head -= 1  # the header over a rule under it (gretl's "coefficient  std. error" over "-----")
        if _MIN_ROWS <= len(run) <= _MAX_ROWS and head >= 0 and _WORD.search(lines[head]) and len(lines[head].split()) >= 2:
            for k in range(head, run[-1] + 1):
                rank[k] = MUST
        run = [i]
