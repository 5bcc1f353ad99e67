"""Source annotated with execution counts (`llvm-cov show`'s "  14|      0|  code", gcov's
"    #####:   14:  code", Erlang cover's "     0..|  code"): the lines never run are what a
coverage question asks for, as a failure is a test run's (principle 2). The first line of every
run of them stays, the rest of the run next; up to MUST_AT_MOST runs. So do an lcov tracefile's
(genhtml's input, written by jest, c8, node --test, cargo llvm-cov): its functions never called
("FNDA:0,name") and lines never run ("DA:12,0"), with the "SF:" line of their file. And a coverage
report's rows that list lines not run (coverage.py's "Missing" column, istanbul's "Uncovered Line #s")."""

from __future__ import annotations

import re

from .lineindex import LineIndex, matches_at_least
from .select import CONTEXT, MUST, MUST_AT_MOST

# The line number (read past as a gutter, or not), then the count, padded: blank where no code is,
# a number (llvm-cov writes "1.2k"), or gcov's marks: "-" for no code, "#####" / "=====" for never run.
_ANNOTATED = re.compile(r"(?: *\d+\|)? +(?:\d[\d.]*[kMGTPE]?)?\||(?: *(?:#####|=====|\d+\*?|-)): *\d+:")
_UNRUN = re.compile(r"(?: *\d+\|)? +0(?:\.\.)?\||(?: *(?:#####|=====)): *\d+:")
_LCOV_UNRUN = re.compile(r"FNDA:0,|DA:\d+,0(?:,|$)")


def _lift_runs(lines: list[str], unrun: re.Pattern[str], rank: list[int], continues: tuple[str, ...] = ("",),
               source: str | None = None) -> None:
    """Lift to MUST the first of each run of lines never run (a line `continues` a run when it opens
    with one of them), and the line opening with `source` above it that names its file; the rest of
    each run next. Up to MUST_AT_MOST runs."""
    runs = 0
    previous = False
    place = None
    for i, line in enumerate(lines):
        if source is not None and line.startswith(source):
            place = i
        if unrun.match(line) is None:
            previous = False
            continue
        if previous and line.startswith(continues):
            rank[i] = min(rank[i], CONTEXT)
        else:
            runs += 1
            if runs > MUST_AT_MOST:
                return
            rank[i] = MUST
            if place is not None:
                rank[place] = MUST
        previous = True


def keep_unrun_lines(index: LineIndex, rank: list[int]) -> None:
    if "\nSF:" in index.text and "\nend_of_record" in index.text:  # Python's warnings may come first
        # a function never called is a run of its own; lines never run are runs of DA: lines
        _lift_runs(index.lines, _LCOV_UNRUN, rank, continues=("DA:",), source="SF:")
        return
    first = index.lines[:12]
    if sum(1 for x in first if _ANNOTATED.match(x)) < 0.5 * len(first):
        return  # most outputs are told apart by their first lines
    sample = [x for x in index.lines[:100] if x.strip()][:60]
    if len(sample) < 10 or not matches_at_least(_ANNOTATED, sample, 0.8 * len(sample)):
        return  # decided on a sample: most outputs are no annotated source
    _lift_runs(index.lines, _UNRUN, rank)


# A coverage report's column of the lines not run: coverage.py's text and markdown reports,
# istanbul's (jest, nyc, c8) text table.
_MISSING_TITLES = ("Missing", "Uncovered Line #s")
_MISSING_HEADER = re.compile(r".*(?:\||\s)(?:Missing|Uncovered Line #s)\s*\|?\s*$")
_RULE_ROW = re.compile(r"[\s|:=+-]*$")


def keep_uncovered_rows(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST each row of a coverage report whose cell under its missing-lines title is not empty."""
    lines = index.lines
    for h in index.where(_MISSING_HEADER, _MISSING_TITLES)[:8]:
        header = lines[h]
        piped = header.count("|") >= 2
        if piped:
            column = len(header.rstrip().rstrip("|").split("|")) - 1  # the last title's cell
        else:
            column = max(header.rfind(t) for t in _MISSING_TITLES)
        lifted = 0
        for k in range(h + 1, len(lines)):
            row = lines[k]
            if not row.strip():
                break
            if _RULE_ROW.match(row):
                continue
            if piped:
                cells = row.rstrip().rstrip("|").split("|")
                missing = cells[column].strip() if len(cells) > column else ""
            else:
                missing = row[column:].strip() if len(row) > column and row[column - 1] == " " else ""
            if missing and lifted < MUST_AT_MOST:
                rank[k] = MUST
                lifted += 1
