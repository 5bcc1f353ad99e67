"""Multi-line records: each entry printed as the same run of labelled lines (`stat FILE…`'s
"File: / Size: / Device: / Access: …", `pip show a b c`). They are a table written one field a
line, so they are sampled as one: whole records, the first and last ones, and every record unlike
the rest (a value of a field that few records hold, a record shaped differently, the smallest and
largest quantity of a field) stay.
"""

from __future__ import annotations

import re
from collections import Counter

from .lineindex import LineIndex
from .select import HIGH, MUST, MUST_AT_MOST, NORMAL
from .trees import DRAWING

_LABEL = re.compile(r"[ \t]*[A-Za-z][A-Za-z \t-]{0,23}:")
_DIGIT_RUNS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_HAS_DIGIT = re.compile(r"\d")
# A quantity: the label's value is a number standing alone ("Size: 14020  Blocks: 32"), not part
# of a date, a device pair or a version ("2025-04-28", "254,0", "1.2.3").
_QUANTITY = re.compile(r"[ \t]*(\d+)(?=\s|$)")
_MIN_RECORDS = 8
_MAX_NAMED = 60  # records whose openers all stay, at most; more are sampled as a table's rows
_SHORT = 160  # a field's line short enough to name its record
_MAX_UNLIKE = 40  # records whose value of a field is not the usual one that all stay


def _label(line: str) -> str | None:
    m = _LABEL.match(line)
    return m.group(0) if m else None


def rank_records(lines: list[str], text: str) -> list[int] | None:
    """Ranks for text made of records that each open with the same label and hold the same
    sequence of labelled lines; None for any other text. `text`: the lines joined, after a
    newline (LineIndex.text): the openers are counted in it by one C-level scan."""
    first = next((i for i, x in enumerate(lines) if x.strip()), None)
    if first is None:
        return None
    opener = _label(lines[first])
    if opener is None or text.count("\n" + opener) < _MIN_RECORDS:
        return None
    starts = [i for i, x in enumerate(lines) if x.startswith(opener)]
    ends = starts[1:] + [len(lines)]
    while ends[-1] > starts[-1] + 1 and not lines[ends[-1] - 1].strip():
        ends[-1] -= 1
    labels = [_label(x) for x in lines]
    shapes = [tuple(labels[starts[r]:ends[r]]) for r in range(len(starts))]
    usual, count = Counter(shapes).most_common(1)[0]
    size = len(usual)
    if not 2 <= size <= 30 or count < 0.8 * len(starts) or sum(1 for x in usual if x) < 0.6 * size:
        return None
    # A label with nothing after it over deeper lines opens a nested mapping: YAML, a document.
    head = lines[starts[shapes.index(usual)]:]
    for p in range(size - 1):
        a, b = head[p], head[p + 1]
        if usual[p] and not a[len(usual[p]):].strip() and len(b) - len(b.lstrip()) > len(a) - len(a.lstrip()):
            return None
    covered = sum(ends[r] - starts[r] for r in range(len(starts)))
    if covered < 0.9 * sum(1 for x in lines if x.strip()):
        return None
    rank = [MUST if x.strip() else NORMAL for x in lines]  # a title or a total outside the records
    same = [r for r in range(len(starts)) if shapes[r] == usual]
    usual_shaped = set(same)
    for r in range(len(starts)):
        for i in range(starts[r], ends[r]):
            rank[i] = NORMAL if r in usual_shaped else MUST  # a record shaped differently stays whole
    odd: set[int] = set()
    for p in range(size):
        values = [_value(lines[starts[r] + p], usual[p]) for r in same]
        kinds = [_shape(v) for v in values]
        counts = Counter(kinds)
        if len(counts) > 1 and counts.most_common(1)[0][1] * 2 >= len(values):  # one kind dominates
            rare = max(2, len(values) // 20)
            odd.update(r for r, k in zip(same, kinds) if counts[k] <= rare)
        nums = [(int(m.group(1)), r) for r, v in zip(same, values) if (m := _QUANTITY.match(v))]
        if len(nums) >= 0.8 * len(values) and min(nums)[0] != max(nums)[0]:
            odd.add(min(nums)[1])
            odd.add(max(nums, key=lambda t: (t[0], -t[1]))[1])
    for r in odd:
        for i in range(starts[r], ends[r]):
            rank[i] = MUST
    for r in same[:1] + same[-1:]:
        for i in range(starts[r], ends[r]):
            rank[i] = min(rank[i], HIGH)
    if len(starts) <= _MAX_NAMED:
        _keep_names(lines, starts, ends, rank)
    return rank


def _keep_names(lines: list[str], starts: list[int], ends: list[int], rank: list[int]) -> None:
    """Each record's opener names it (a file, a date, a package): it stays. So do the short lines
    of a field whose value says another thing in every record (the command of each entry of apt's
    history)."""
    by_label: dict[str, list[int]] = {}
    for r, start in enumerate(starts):
        rank[start] = MUST
        for i in range(start + 1, ends[r]):
            label = _label(lines[i])
            if label and len(lines[i]) <= _SHORT:
                by_label.setdefault(label, []).append(i)
    for label, found in by_label.items():
        # Told apart by their words, not their numbers (a size, an inode, a date are measures).
        shapes = {_DIGIT_RUNS.sub("0", _value(lines[i], label).strip()) for i in found}
        if len(found) >= len(starts) // 2 and len(shapes) == len(found):
            for i in found:
                rank[i] = MUST


def keep_record_openers(index: LineIndex, rank: list[int]) -> None:
    """Too few records to sample as a table (`/proc/cpuinfo` of two cores, `pip show a b`): each
    block after a blank line that opens with the first block's label, that line names its record
    and stays."""
    lines = index.lines
    first = next((i for i, x in enumerate(lines) if x.strip()), None)
    opener = None if first is None else _label(lines[first])
    if opener is None or not 2 <= index.text.count("\n\n" + opener) + 1 < _MIN_RECORDS:
        return
    found = [first] + [i for i in range(first + 1, len(lines)) if lines[i].startswith(opener) and not lines[i - 1].strip()]
    if len(found) * 4 <= len(lines):  # blocks of several lines each, not a list of "key:" lines
        for i in found:
            rank[i] = MUST


def keep_rare_fields(index: LineIndex, rank: list[int]) -> None:
    """Blocks, each naming its thing on its first line and sharing labelled fields though not
    their shape (npm audit's advisories: "braces  <3.0.3" over "Severity: high", some with a fix
    line, some without): a field's value that few blocks hold is an anomaly, as a table's rare
    value is, and so are a quantity's least and greatest (ogrinfo's "area_m2 (Real) = 180.5").
    Each stays, with its block's first line (what it is about). Blocks are apart by blank
    lines, or drawn as a tree's entries with their fields under them (license-checker's
    "├─ argparse@3.0.4" over "│  ├─ licenses: PSF-2.0")."""
    lines = index.lines
    if index.text.count(_BRANCH) >= _MIN_RECORDS:
        fields = _tree_fields(lines)
    elif index.text.count("\n\n") >= _MIN_RECORDS:
        fields = _block_fields(lines)
    elif not (fields := _opened_fields(lines, index.text)):
        return
    _keep_block_names(lines, fields, rank)
    _keep_measures(lines, fields, rank)
    for label, found in fields.items():
        if len(found) < _MIN_RECORDS:
            continue
        values = [_value(lines[i], label).strip() for i, _ in found]
        numbers = [n for v in values if (n := _number(v)) is not None]
        if len(numbers) == len(values):
            # A quantity's least and greatest (principle 3), each with its block's first line.
            for k in {numbers.index(min(numbers)), numbers.index(max(numbers))}:
                i, first = found[k]
                rank[i] = rank[first] = MUST
            continue
        shapes = [_shape(v) for v in values]
        kinds = Counter(shapes)
        if len(kinds) == 1 or kinds.most_common(1)[0][1] * 2 < len(found):
            continue  # no usual value: each says another thing
        rare = max(2, len(found) // 20)
        usual, held = kinds.most_common(1)[0]
        if held >= 0.6 * len(found) and len(found) - held <= _MAX_UNLIKE:
            rare = len(found)  # few unlike the usual value: each stays (a goal not proved among proved ones)
        unlike = [(i, first) for (i, first), shape in zip(found, shapes) if shape != usual and kinds[shape] <= rare]
        if unlike:
            # Beside the anomalies, one block with the usual value: what they differ from
            # (OCSP's one "Cert Status: good" among the revoked ones).
            unlike.append(found[shapes.index(usual)])
        for i, first in unlike:
            rank[i] = rank[first] = MUST


_NAMES = 2  # fields that name records opening alike, at most


def _keep_block_names(lines: list[str], fields: dict[str, list[tuple[int, int]]], rank: list[int]) -> None:
    """Blocks that all hold the same fields are records: each block's first line names its record
    (frama-c's "Stats for function <f>" over its counts) and stays, when they are few enough to
    name each, as rank_records keeps a record's opener. When every block opens alike (openssl's
    "Certificate:"), the first fields each record holds once with a value of its own name it
    instead ("Serial Number:", "Subject:")."""
    firsts = {first for found in fields.values() for _, first in found}
    if not _MIN_RECORDS <= len(firsts) <= _MAX_NAMED:
        return
    shared = [found for found in fields.values() if len({first for _, first in found}) >= 0.8 * len(firsts)]
    if len(shared) < 2:
        return  # one label in common is no record's shape
    for first in firsts:
        rank[first] = MUST
    if len({lines[first] for first in firsts}) > 1:
        return
    named = 0
    for found in shared:
        values = {lines[i].strip() for i, _ in found}
        if len(found) == len({first for _, first in found}) and len(values) >= 0.9 * len(found):
            for i, _ in found:
                rank[i] = MUST
            named += 1
            if named == _NAMES:
                return


_MEASURES = 3  # fields of a record that say how much of it there is, at most, that all stay


def _keep_measures(lines: list[str], fields: dict[str, list[tuple[int, int]]], rank: list[int]) -> None:
    """Records few enough to name each (a report per file: ogginfo's "Total data length: 25732
    bytes", "Playback length: 0m:02.700s"): the fields every record holds with a number of its
    own are what is asked of a record, and stay for each; fields all records share ("Channels:
    2") say nothing of one."""
    held = {label: len({first for _, first in found}) for label, found in fields.items()}
    records = max(held.values(), default=0)  # blocks of another shape between them (a header's) aside
    if not _MIN_RECORDS <= records <= _MAX_NAMED:
        return
    kept = 0
    for label, found in fields.items():
        if held[label] < 0.8 * records or len(found) > held[label]:
            continue  # not in every record, or more than once in one
        values = [_value(lines[i], label).strip() for i, _ in found]
        if len(set(values)) < 0.9 * len(values) or not all(map(_HAS_DIGIT.search, values)):
            continue
        for i, _ in found:
            rank[i] = MUST
        kept += 1
        if kept == _MEASURES:
            return


def _block_fields(lines: list[str]) -> dict[str, list[tuple[int, int]]]:
    """label -> (its line, its block's first line), of blocks apart by blank lines."""
    fields: dict[str, list[tuple[int, int]]] = {}
    opener: int | None = None
    for i, x in enumerate(lines):
        if not x.strip():
            opener = None
        elif opener is None:
            opener = i
        elif len(x) <= _SHORT and (label := _label(x) or _assigned(x)) is not None:
            fields.setdefault(label, []).append((i, opener))
    return fields


def _opened_fields(lines: list[str], text: str) -> dict[str, list[tuple[int, int]]]:
    """label -> (its line, its block's first line), of blocks not apart by blank lines but each
    opening with the label the output's first labelled line has (a loop's `kadmin getprinc`
    printed one principal after another); {} unless most blocks hold fields of their own."""
    opener = next((found for x in lines[:8] if (found := _label(x)) is not None), None)
    if opener is None or text.count("\n" + opener) < _MIN_RECORDS:
        return {}
    fields: dict[str, list[tuple[int, int]]] = {}
    first: int | None = None
    blocks = 0
    for i, x in enumerate(lines):
        if x.startswith(opener):
            first, blocks = i, blocks + 1
        elif first is not None and len(x) <= _SHORT and (label := _label(x) or _assigned(x)) is not None:
            fields.setdefault(label, []).append((i, first))
    # A log whose lines open with a level ("INFO: …") is no run of blocks: its lines hold no fields.
    return fields if sum(map(len, fields.values())) >= 2 * blocks else {}


# A field given as an assignment, its type maybe beside its name (ogrinfo's "  area_m2 (Real) = 180.5").
_ASSIGNED = re.compile(r"[ \t]+[A-Za-z_][\w.-]*(?: \([^)\n]{1,40}\))? = ")


def _assigned(line: str) -> str | None:
    m = _ASSIGNED.match(line)
    return m.group(0) if m else None


_BRANCH = "├─"


def _tree_fields(lines: list[str]) -> dict[str, list[tuple[int, int]]]:
    """label -> (its line, its entry's line), of a tree whose entries hold labelled fields one
    level under them; a field's label is read past its rails."""
    fields: dict[str, list[tuple[int, int]]] = {}
    opener: tuple[int, int] | None = None  # (line, where its entry's name starts)
    for i, x in enumerate(lines):
        at = DRAWING.match(x).end()
        if opener is not None and at > opener[1] and len(x) <= _SHORT and (label := _label(x[at:])) is not None:
            fields.setdefault(label, []).append((i, opener[0]))
        else:
            opener = (i, at)
    return fields


def _shape(value: str) -> str:
    """A value's kind: its words, its numbers all alike."""
    return _SPACES.sub(" ", _DIGIT_RUNS.sub("0", value))


def _number(value: str) -> float | None:
    # A bare number only: a field's value with a unit ("82%", outliers.number reads it) is text here.
    try:
        return float(value)
    except ValueError:
        return None


def _value(line: str, label: str | None) -> str:
    return line.partition(label)[2] if label else line  # the label may sit behind a tree's rails


# A labelled line naming a file or page: "File: night1/fen_0001.fits", "Filename: t01.gif",
# "Getting links from: http://127.0.0.1:8080/a.html" (found after the newline before it).
_NAMED_INPUT = re.compile(
    r"\n[ \t]*([A-Z][A-Za-z ]{0,24}?)[ \t]*:[ \t]+['\"]?[^\s'\"]*[\w-]\.[A-Za-z][A-Za-z0-9]{0,4}['\"]?[ \t]*(?=\n|$)"
)
_MIN_INPUTS = 3


def keep_named_inputs(index: LineIndex, rank: list[int]) -> None:
    """A tool run over many inputs (a loop, a glob) prints a report for each, titled by the file it
    read ("File: x.fits" over fitsverify's report, identify's "Filename:"): each title says which
    report is which, as a loop's "== x ==" header does. One label, three or more lines, each a
    different file: they stay."""
    by_label: dict[str, list[int]] = {}
    for m in _NAMED_INPUT.finditer(index.text):
        by_label.setdefault(m.group(1), []).append(m.start())
    for found in by_label.values():
        if len(found) < _MIN_INPUTS or len(found) > MUST_AT_MOST:
            continue
        at = [index.line_of(p) for p in found]
        if len({index.lines[i].split(":", 1)[1].strip() for i in at}) == len(at):
            for i in at:
                rank[i] = MUST
