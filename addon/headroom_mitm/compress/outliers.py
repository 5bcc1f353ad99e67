"""A table's columns read for the rows that differ from the majority (principle 3): the few
rows at the top and bottom of each measure (numbers, sizes, times), one row for each rare value
of a column of a few kinds (a status, a state, an exit code, a user), at most a bounded number
of them. A column of hundreds of values (PIDs, commands, paths) has no majority to differ from.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress, repeat
from operator import itemgetter

from .select import HIGH, MUST

_NUMBER = re.compile(r"^[-+]?\d[\d,_]*(?:\.\d+)?\s*(?:%|[kKMGTP]i?[bB]?|[bB])?$")
_UNIT = {"k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12, "p": 1e15}

def number(cell: str) -> float | None:
    c = cell.strip()
    return _value(c) if _NUMBER.match(c) else None


def numbers(cells: list[str]) -> list[float | None]:
    """number of each stripped cell: the pattern tried by a C-level map, Python only where it matched."""
    return _values(list(map(_NUMBER.match, cells)))


def _values(found: Iterable[re.Match[str] | None]) -> list[float | None]:
    """The value of each cell whose _NUMBER match is given (None: no number)."""
    return [None if m is None else _value(m.string) for m in found]


def _value(c: str) -> float | None:
    """The value of a stripped cell _NUMBER matched."""
    if c.isdigit():  # matched, so every character is a decimal digit: the common case
        return float(c)
    if c[-1].isdigit() and "," not in c and "_" not in c:
        return float(c)  # a sign or a fraction, no unit: read as it is
    c = c.rstrip("%bB").replace(",", "").replace("_", "")
    scale = 1.0
    if c and c[-1] in "iI":
        c = c[:-1]
    if c and c[-1].lower() in _UNIT:
        scale = _UNIT[c[-1].lower()]
        c = c[:-1]
    try:
        return float(c) * scale
    except ValueError:
        return None



# Zero-padded hex (objdump's and readelf's sizes and addresses): numbers, where a hash is an id.
_HEX = re.compile(r"(?:0x)?0[0-9a-f]{3,15}")


def _zero_padded_hex(probe: list[str]) -> bool:
    return bool(probe) and all(_HEX.fullmatch(c) for c in probe) and any(not c.isdigit() for c in probe)


def _hex(cell: str) -> float | None:
    return float(int(cell, 16)) if _HEX.fullmatch(cell) else None



@dataclass(frozen=True)
class Rows:
    """A table's cells, row after row, in one list: a list per row would be hundreds of live
    objects, and as many allocations make Python's garbage collector run (~0.1 ms, and now and
    then a full collection of the whole process) in the middle of the request."""

    cells: list[str]
    width: int

    def __len__(self) -> int:
        return len(self.cells) // self.width

    def row(self, j: int) -> list[str]:
        return self.cells[j * self.width : (j + 1) * self.width]

    def column(self, k: int, start: int = 0) -> list[str]:
        """Cell k of every row from row `start` on."""
        return self.cells[start * self.width + k :: self.width]



_LABEL = re.compile(r"[A-Za-z][A-Za-z ]*(?::\s*|\s+)")


def _shared_label(probe: list[str], column: list[str]) -> str:
    """The words every cell of a column opens with before its number (python -X importtime's
    "import time:"), or ""."""
    label = os.path.commonprefix(probe).rstrip("0123456789.,+-")
    # words then a colon or a gap: not the "Nov" of "Nov30", nor the "127.0.0.1:" of an address
    if not _LABEL.fullmatch(label) or number(probe[0][len(label) :].strip()) is None:
        return ""
    return label if all(c.startswith(label) for c in column) else ""


# A clock time or a duration (ps's START 07:27 and TIME 0:06, etime's 1-02:03:04): a measure,
# read in seconds, whose earliest and latest stand out, not a category of a few kinds.
_TIME_CELL = re.compile(r"(?:(\d+)-)?(\d{1,3}):(\d\d)(?::(\d\d))?(?:\.\d+)?")


def _seconds(m: re.Match[str] | None) -> float | None:
    """The seconds of a cell _TIME_CELL matched whole (None: no time)."""
    if m is None:
        return None
    days, a, b, c = m.groups()
    seconds = int(a) * 60 + int(b) if c is None else (int(a) * 60 + int(b)) * 60 + int(c)
    return float(seconds + (int(days) * 86400 if days else 0))


def _measure(column: list[str], probe: list[str]) -> list[float | None] | None:
    """The value of each cell of a column of numbers, zero-padded hex or times (typed from the
    probe, a sample of it); None for a column of words."""
    if all(map(str.isdecimal, column)):
        return list(map(float, column))  # whole numbers only (PIDs, sizes, counts): read in C
    if _zero_padded_hex(probe):
        return [_hex(c) for c in column]
    # The probe is typed by its matches alone; a probe that is the whole column (under 100 rows)
    # is not matched twice. A longer column's matches are read one at a time: a list of them all
    # would be as many live objects for the garbage collector.
    whole = len(probe) == len(column)
    found = list(map(_NUMBER.match, probe))
    if len(probe) - found.count(None) >= 0.8 * len(probe):
        return _values(found if whole else map(_NUMBER.match, column))
    found = list(map(_TIME_CELL.fullmatch, probe))
    if len(probe) - found.count(None) >= 0.8 * len(probe):
        return list(map(_seconds, found if whole else map(_TIME_CELL.fullmatch, column)))
    return None


# A cell of one template whose measures vary (Go's gctrace: "gc 35 @0.059s 7%: 0.011+3.6+0.023 ms
# clock", "3->18->16 MB"): each a measure of its own. A measure is a number with a unit after it,
# or one in parts: read as the parts' sum ("0.011+3.6+0.023" ms of three phases) or as where a
# change came to ("3->18->16"), or a value given with its spread ("7874.2 ± 168.94%" of a
# benchmark's table: the mean and its error both). Bare numbers in a template (a line, an index, a
# file's) are no measure.
_MEASURE = re.compile(r"\d+(?:\.\d+)?(?:(?:\+|->|/)\d+(?:\.\d+)?)*")
_UNIT_OR_SPREAD_AFTER = re.compile(r" ?(?:%|[kKMGT]i?B\b|[mµnu]?s\b|± ?\d|\+/?- ?\d)")
_PLUS_OR_SLASH = re.compile(r"[+/]")
_MAX_PARTS = 8


def _part(token: str) -> float:
    if "->" in token:
        return float(token.rpartition("->")[2].partition("/")[0].partition("+")[0])
    return sum(map(float, _PLUS_OR_SLASH.split(token)))


def measures_in(column: list[str], probe: list[str]) -> list[list[float | None]]:
    """The measures of a column whose cells share one template, each a list of one value a row
    (None where a cell is of another template); [] for any other column."""
    first = probe[0]
    found = list(_MEASURE.finditer(first))
    if not 0 < len(found) <= _MAX_PARTS:
        return []
    wanted = [k for k, m in enumerate(found)
              if "+" in m.group() or "->" in m.group() or _UNIT_OR_SPREAD_AFTER.match(first, m.end()) is not None]
    shape = _MEASURE.sub("#", first)
    if not wanted or any(_MEASURE.sub("#", c) != shape for c in probe[1:]):
        return []
    parts: list[list[float | None]] = [[] for _ in wanted]
    for c in column:
        tokens = _MEASURE.findall(c)
        for part, k in zip(parts, wanted):
            part.append(_part(tokens[k]) if len(tokens) == len(found) else None)
    return parts


_FIRST_WORD = itemgetter(0)  # of a cell's str.partition(" ")
_FEW = 12  # kinds in a column of categories (a status, a state, a user)
RARE = 2  # rows a rare value may hold (principle 3: a status unlike the others, once or twice)
_EXTREME = 0  # a column's minimum or maximum: kept before any rare value


def _cap(rows: int) -> int:
    """Anomalies a table keeps whatever the budget (the rarest first): a fifth of its rows, so
    that a table of many odd rows is still sampled, not sent whole."""
    return max(12, rows // 5)


def rank_columns(rows: Rows, at: list[int], body: list[int], rank: list[int], events: bool = False) -> None:
    """Rows unlike the rest made MUST (line at[j] holds rows.row(j)), up to _cap of them, the
    others HIGH; the head and tail rows HIGH."""
    # body is every row from the first after the header on.
    if not body:
        return
    found: dict[int, int] = {}  # row -> how many rows share what makes it stand out (extremes first)
    uncommon: set[int] = set()  # rows of a value neither rare nor common: kept next, as room allows

    def mark(j: int, weight: int) -> None:
        found[j] = min(found.get(j, weight), weight)

    for k in range(rows.width):
        column = list(map(str.strip, rows.column(k, body[0])))
        probe = column[:: max(1, len(column) // 50)]  # type the column from a sample first
        label = _shared_label(probe, column)
        if label:  # "import time:      3008": the numbers after a label every cell repeats
            column = [c[len(label) :].strip() for c in column]
            probe = column[:: max(1, len(column) // 50)]
        nums = _measure(column, probe)
        if nums is None:
            for part in measures_in(column, probe):
                values = [v for v in part if v is not None]
                if len(values) > 1:
                    mark(body[part.index(min(values))], _EXTREME)
                    mark(body[part.index(max(values))], _EXTREME)
        if nums is not None:
            values = [v for v in nums if v is not None]
            if values:  # the first row of the least and of the greatest value (no tuple per row)
                mark(body[nums.index(min(values))], _EXTREME)
                mark(body[nums.index(max(values))], _EXTREME)
            # A word among numbers (top's "rt" priority, a "-" size) is a row unlike the rest.
            if len(values) < len(nums):
                words = [j for j, v, c in zip(body, nums, column) if v is None and c]
                if len(words) <= max(RARE, len(column) // 20):
                    for j in words:
                        mark(j, RARE)
            # A handful of whole numbers (nice levels, exit codes) is a category written in
            # digits; fractions (%MEM's 0.3) and times are measures, whatever their count.
            kinds = set(probe)  # each value looked at once
            if len(kinds) > _FEW or not all(c.lstrip("-").isdigit() for c in kinds if number(c) is not None):
                continue
            counts = Counter(column)
            if len(counts) > _FEW:
                continue
            common = RARE
        else:
            counts = Counter(column)
            # hundreds of values (the peers' ports of `ss`, commands, paths) are ids, not anomalies,
            # but their first words may be a few kinds (an access log's "POST /x HTTP/1.1" among GETs).
            # Beside a value most rows hold, values held ten times each on average are a category's
            # (the authors of a commit table, one of whom wrote most, cut by `| tail` to fewer rows).
            # The commonest value's count as max of the counts: most_common(1) pays a key call per value.
            ids = len(column) // (10 if max(counts.values()) * 2 >= len(column) else 20)
            if len(counts) > max(_FEW, ids):
                column = list(map(_FIRST_WORD, map(str.partition, column, repeat(" "))))
                counts = Counter(column)
                if len(counts) > _FEW or len(counts) == len(column):
                    continue
            common = max(RARE, len(column) // 10)
        if max(counts.values()) * 2 < len(column):
            continue  # no majority to differ from
        # Only the cells of a value held by few rows are looked at, picked out in C.
        few = {c for c, n in counts.items() if n <= common}
        if events and nums is None and len(counts) <= _FEW:
            # A log's records of a few kinds: each kind but the one most rows are is an event.
            top = counts.most_common(1)[0][0]
            for j, c in zip(body, column):
                if c != top:
                    mark(j, counts[c])
            continue
        for j, c in compress(zip(body, column), map(few.__contains__, column)):
            n = counts[c]
            if n <= RARE:
                mark(j, n)
            else:
                uncommon.add(j)
    # A row printed again cell for cell says nothing its first copy did not: the copies go with the rest.
    shown: set[tuple[str, ...]] = set()
    kept = 0
    for j in sorted(found, key=lambda j: (found[j], j)) + sorted(uncommon.difference(found)):
        cells = tuple(rows.row(j))
        if cells in shown:
            continue
        shown.add(cells)
        if j in found and kept < _cap(len(body)):
            rank[at[j]] = MUST
            kept += 1
        else:
            rank[at[j]] = min(rank[at[j]], HIGH)
    for j in body[:3] + body[-2:]:
        rank[at[j]] = min(rank[at[j]], HIGH)
