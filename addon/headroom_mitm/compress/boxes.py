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

# A line drawn across, corners and column joints included ("+-----+----+", "├────┼────┤"), possessive:
# no backtracking into a long run. Found from each newline in one C-level scan of the text; a run of
# five of one stroke on it (not a drawing's "|||…").
_RULE_BODY = r"[ \t]*+[-=~_+|─━═┼┬┴├┤┌┐└┘╞╡╪╒╕╘╛]{20,}+[ \t]*+"
RULE = re.compile(_RULE_BODY + "$")
_RULE_LINE = re.compile(r"\n" + _RULE_BODY + r"(?=\n|\Z)")
_STROKE = re.compile(r"-----|=====|~~~~~|─────|━━━━━|═════")
WORD = re.compile(r"[A-Za-z]{2}")
_MIN_LINES, _MAX_LINES = 2, 10  # a box's lines: one is a title; more than ten a section, sampled as any other


def _row(line: str) -> bool:
    """Cells apart by a gap or a bar, a word among them (not a progress bar's "  1%   3%")."""
    body = line.strip()
    return ("  " in body or "|" in body or "\t" in body) and WORD.search(body) is not None


def keep_small_boxes(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the lines of each short box between two consecutive rules, most of them rows."""
    rules = [index.line_of(m.start() + 1) for m in _RULE_LINE.finditer(index.text) if _STROKE.search(m.group())]
    lines = index.lines
    for a, b in pairwise(rules):
        if _MIN_LINES < b - a <= _MAX_LINES + 1 and 2 * sum(map(_row, lines[a + 1 : b])) >= b - a - 1:
            for k in range(a + 1, b):
                rank[k] = MUST
