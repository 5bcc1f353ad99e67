"""Line selection: the one way a lossy transform shortens line-oriented text.

A transform only says how much each line matters; this module decides what fits and renders the
kept lines byte-for-byte, with a marker where lines were left out. So every lossy rendering keeps
lines verbatim by construction: nothing here can rewrite a line.

Ranks, most important first:
  MUST     kept whatever the budget: diagnostics with their locations, failing tests, summaries,
           headers, anomalous rows
  HIGH     kept next: banners, head rows, one-off lines of repetitive output
  CONTEXT  lines around what went wrong (source excerpts, assertion details)
  NORMAL   everything else
  LOW      never chosen: passing tests, the middle of runs of one repeated template, repeats of
           a warning's (code, file)
"""

from __future__ import annotations

import re

MUST, HIGH, CONTEXT, NORMAL, LOW = range(5)
# Lines of one kind a rule keeps whatever the budget (a search's matches, what did not run because
# something failed, measures that failed), as an agent caps an answer: OpenCode's grep stops at 100,
# `| head -n 400` at 400 (~10K tokens). Past it they are ranked below.
MUST_AT_MOST = 400

# Tokens as cl100k counts them, within ~15% on tool outputs (chars are not: a padded pytest line
# is 3 characters a token, a marker's hex id 2): a word or a number of up to 3 digits, one
# character repeated (a rule of 79 dashes is 2 tokens, not 27: no marker is worth it) or a short
# run of punctuation, each with the space before it; a run of spaces; a non-ASCII character.
_TOKEN = re.compile(r" ?[A-Za-z]+| ?\d{1,3}| ?([!-/:-@\[-`{-~])\1{3,15}| ?[!-/:-@\[-`{-~]{1,3}|\s+|[^\x00-\x7f]")


def ends_first(order: list[int]) -> list[int]:
    """Items in the order first, last, second, second-to-last, … (root cause and final state
    matter most when only some fit)."""
    out: list[int] = []
    lo, hi = 0, len(order) - 1
    while lo <= hi:
        out.append(order[lo])
        if hi != lo:
            out.append(order[hi])
        lo, hi = lo + 1, hi - 1
    return out


def choose(lines: list[str], rank: list[int], room: int, units: dict[int, range] | None = None,
           middle: int | None = None) -> bytearray:
    """The kept-line mask. MUST lines are always kept; then each rank in turn, its lines taken
    ends-first while `room` characters last, NORMAL lines within `middle` of them. `units` ties a
    line's context to it: when line i is taken, the lines of units[i] come with it (if they fit too)."""
    n = len(lines)
    keep = bytearray(n)
    by_rank: list[list[int]] = [[] for _ in range(LOW + 1)]
    for i, r in enumerate(rank):
        by_rank[r].append(i)
    for i in by_rank[MUST]:
        keep[i] = 1
    units = units or {}
    for r in range(HIGH, LOW):  # LOW lines are never chosen: only a gap too short to mark keeps them
        if r == NORMAL and middle is not None:
            room = min(room, middle)
        for i in ends_first(by_rank[r]):
            if room <= 0:
                return keep
            if not keep[i]:
                cost = len(lines[i]) + 1
                if cost > room:
                    continue
                keep[i] = 1
                room -= cost
            for j in units.get(i, ()):
                if not keep[j] and rank[j] != LOW:
                    cost = len(lines[j]) + 1
                    if cost <= room:
                        keep[j] = 1
                        room -= cost
    return keep


def _worth_showing(lines: list[str], i: int, j: int, note: str, costs: dict[int, int]) -> bool:
    """Whether lines i..j-1 cost no more tokens than their marker `note` (a marker would cost
    more than it saves). A token is at least a character and seldom over three: most gaps are
    decided by their length alone; only the others are counted, up to the marker's count.
    `costs`: a rendering's markers differ only in their line numbers, so in cost only by length."""
    size = sum(map(len, lines[i:j])) + (j - i) if j - i < 64 else 4 * len(note)
    if size > 3 * len(note):
        return False
    limit = costs.get(len(note))
    if limit is None:
        limit = costs[len(note)] = len(_TOKEN.findall(note)) + 1
    if size <= limit:
        return True
    total = 0
    for k in range(i, j):
        total += len(_TOKEN.findall(lines[k])) + 1
        if total > limit:
            return False
    return True


def render(lines: list[str], keep: bytearray, marker, seen: list[str] | None = None) -> tuple[str, bool]:
    """(kept lines joined, whether anything was left out). `marker(first, last, count, again)` words
    a gap of lines first..last (1-based, inclusive), `again` once a gap above it was left out. A
    gap of no more tokens than its marker stays as it is, counted on `seen` (the lines behind a
    gutter: the gutter takes no room) if given."""
    seen = lines if seen is None else seen
    n = len(lines)
    total = n - 1 if n > 1 and lines[-1] == "" else n
    out: list[str] = []
    elided = False
    costs: dict[int, int] = {}
    i = 0
    while i < n:
        if keep[i]:
            j = keep.find(0, i, n)  # the run of kept lines, taken at once
            j = n if j == -1 else j
            out.extend(lines[i:j])
            i = j
            continue
        j = keep.find(1, i)
        j = n if j == -1 else j
        last = min(j, total)
        # Weighed against a marker that gives the id: a gap is left out as it would be in any output.
        note = marker(i + 1, last, last - i, False) if last >= i + 1 else ""
        if _worth_showing(seen, i, j, note, costs):
            out.extend(lines[i:j])
        else:
            if note:
                out.append(marker(i + 1, last, last - i, True) if elided else note)
                elided = True
            if j == n and total < n:
                out.append("")  # the text's final newline
        i = j
    return "\n".join(out), elided
