"""Column titles over rows among other lines: a profile's "ncalls  tottime  percall  cumtime …"
over its rows, a report's "Ir  file:function". The title row says what every number under it
means, and the first row under it is the top of what the table sorts by (the hottest function,
the largest file): both stay wherever the table sits, also where the text around it is ranked
as a log, and its rows are ranked as a table's rows are. A table recognised whole keeps its
header by its own ranking."""

from __future__ import annotations

import re

from .lineindex import LineIndex
from .select import HIGH, MUST
from .tables import rank_table

# A digit-free line (titles are words; a row has numbers) after a blank line or a rule, where a
# table among other lines starts: found by one scan that starts with a literal newline (C-fast;
# one tried at every line start costs ~3x more on a 200 KB request). The blank line is tried
# first and the rule's parts are possessive (none gives back what the next needs): ~55% less CPU
# than an optional rule, backtracked at every line.
# A table printed as a reporter's notes has each line behind the note's sign: node --test's
# coverage report behind "ℹ " (spec) or "# " (TAP).
_NOTE_SIGNS = ("ℹ ", "# ")
_NOTE = "(?:" + "|".join(map(re.escape, _NOTE_SIGNS)) + ")?+"
_TITLES = re.compile(r"\n(?:\n|" + _NOTE + r"[ \t]*+[-=─━]{3,}+[-=─━ \t]*+\n)(?=" + _NOTE + r"[ \t]*[A-Za-z][^\d\n]*(?:\n|$))")
# A rule line (`dpkg -l`'s "+++-====-===", dashes under a report's titles): found first, as it
# opens with a literal newline (a scan for the line above it, tried at every line, costs ~20x).
_RULE_LINE = re.compile(r"\n" + _NOTE + r"[ \t|+]*+[-=]{3,}+[-=+| \t]*+(?=\n|$)")
_LETTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")
_ROWS = 3  # rows under titles that make them a table's
_MAX = 10  # more title rows are a listing's own lines, not the heads of a few tables


def _is_rule(line: str) -> bool:
    rest = line.strip("-=─━ ")
    for sign in _NOTE_SIGNS:  # a rule behind a note's sign
        rest = rest.removeprefix(sign[0])
    return bool(line.strip()) and not rest


def _opens_table(lines: list[str], i: int) -> bool:
    """Line i follows a blank line or a rule (a table among other lines starts there; one that
    opens the text is ranked as a table whole, its head first anyway)."""
    return i > 0 and (not lines[i - 1].strip() or _is_rule(lines[i - 1]))


def _cells(line: str) -> int:
    """A row's cells: apart by bars where it has them (a title of two words is one cell), else by
    whitespace."""
    return line.count("|") + 1 if "|" in line else len(line.split())


def _first_row(lines: list[str], i: int) -> int | None:
    """The first row under titles i (past a rule under them) when the _ROWS lines from it are rows
    of their table: each holds a number and at least as many cells as the titles."""
    cells = _cells(lines[i])
    first = i + 2 if i + 1 < len(lines) and _is_rule(lines[i + 1]) else i + 1
    below = lines[first : first + _ROWS]
    ok = len(below) == _ROWS and all(_DIGIT.search(x) and _cells(x) >= cells for x in below)
    return first if ok else None


def keep_column_titles(index: LineIndex, rank: list[int]) -> None:
    """Lift each table's title row to MUST and its first row to HIGH, and its rows as far as a
    table's ranking ranks them."""
    lines = index.lines
    for m in _RULE_LINE.finditer(index.text):
        # the digit-free line over a rule names the columns below it ("||/ Name   Version")
        i = index.line_of(m.start() + 1) - 1
        titles = lines[i]
        if "  " in titles.strip() and _LETTER.search(titles) and not _DIGIT.search(titles):
            rank[i] = rank[i + 1] = MUST
    found: list[tuple[int, int]] = []
    for m in _TITLES.finditer(index.text):
        i = index.line_of(m.end())
        if "  " not in lines[i].strip() or not _opens_table(lines, i):
            continue
        first = _first_row(lines, i)
        if first is not None:
            found.append((i, first))
            if len(found) > _MAX:
                return
    n = len(lines)
    for i, first in found:
        rank[i] = MUST
        rank[first] = min(rank[first], HIGH)
        end = first
        while end < n and lines[end].strip():
            end += 1
        # its rows ranked as a table's (numeric extremes, rare values), where that ranks higher
        note = lines[i][:2] if lines[i][:2] in _NOTE_SIGNS else ""
        sub = rank_table([x.removeprefix(note) for x in lines[i:end]])
        for k, r in enumerate(sub or ()):
            if r < rank[i + k]:
                rank[i + k] = r
