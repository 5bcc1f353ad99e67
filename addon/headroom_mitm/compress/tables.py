"""Rows of records: column tables (`ps aux`, `docker ps`, `ls -l`, `df`) and CSV/TSV. Sampling
keeps, beside the head and the tail, the rows that differ from the majority (outliers.py reads
the columns for them) and every line of another shape. (A row that reports a failure is kept by the log ranking merged with these.)
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from operator import methodcaller
from functools import lru_cache
from itertools import chain, compress

from .anomalies import ERROR_LEVELS
from .lineindex import count_matches, zero_digits
from .lines import PATH, has_location, severity
from .logs import stamped
from .outliers import Rows, number, rank_columns
from .select import HIGH, MUST, NORMAL

MIN_ROWS = 10
_FIELD = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_FRAME_LINE = re.compile(r"\s+(?:at [\w$.<>/]+\(|File \"[^\"]+\", line \d)")


@lru_cache(maxsize=2)
def _delimiters(sample: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """(delimiter, width) of each delimiter that splits most sample lines into one number of fields.
    Kept for the next call: `delimited` and then `_split_rows` ask it of one text's sample."""
    found = []
    # Without a quote, a CR or a NUL, and under csv's field size limit, csv.reader splits a line
    # at every delimiter: the fields are counted without it (~4x faster).
    joined = "\n".join(sample)
    plain = len(joined) <= csv.field_size_limit() and '"' not in joined and "\r" not in joined and "\0" not in joined
    # A space-separated record with quoted fields (web server access logs) is a table too.
    for delim, least in ((",", 2), ("\t", 2), (";", 2), ("|", 2), ("│", 2), (" ", 6)):
        if sum(1 for s in sample if delim in s) < 0.8 * len(sample):
            continue
        if delim == "│" and sum(1 for s in sample if s.endswith("│")) < 0.8 * len(sample):
            continue  # a box's rows close on their bar (console.table, sqlite's boxes); diffoscope's nesting does not
        try:
            fields = [s.count(delim) + 1 for s in sample] if plain else map(len, csv.reader(sample, delimiter=delim))
            width, count = Counter(fields).most_common(1)[0]
        except csv.Error:
            continue
        if width >= least and count >= 0.8 * len(sample):
            found.append((delim, width))
    return tuple(found)


def delimited(lines: list[str]) -> bool:
    """CSV/TSV records of three fields or more, flush left: data, even where a line ends like code
    (an empty last field) or starts like it (`@scope/name`). Indented lines are code's (a literal
    table in source); one comma a line is a sentence's as often as a record's."""
    sample = [s for s in lines[:200] if s.strip()][:60]
    if len(sample) < MIN_ROWS or sum(1 for s in sample if s[:1] in " \t") > 0.2 * len(sample):
        return False
    return any(d in ",\t;" and width >= 3 for d, width in _delimiters(tuple(sample)))


def _padded(sample: list[str]) -> bool:
    """Most lines hold a run of spaces between two cells: columns aligned by padding (`ps`, `ss`,
    `ls -l`), not records of single-space-separated fields (a web server's access log)."""
    return sum(1 for s in sample if "  " in s.strip()) >= 0.6 * len(sample)


def _comma_in_cell(sample: list[str]) -> bool:
    """Most lines' first comma comes after four whitespace-separated fields: it sits inside a
    column of an aligned table, not between records' fields (nor in a log's timestamp)."""
    deep = sum(1 for s in sample if len(s.partition(",")[0].split()) >= 4)
    return deep >= 0.8 * len(sample)


def _directory_headers(lines: list[str]) -> int:
    """Lines of `ls -lR`'s directory headers ("lib/x:" over "total 48"): a listing's structure, not
    lines of another shape among its rows (a listing of small directories, or one cut by `| tail`,
    has nearly as many)."""
    if "\ntotal " not in "\n".join(lines):  # looked for in C first: most texts have none
        return 0
    return 2 * sum(1 for i in range(1, len(lines)) if lines[i].startswith("total ") and lines[i - 1].endswith(":"))


def _enough_rows(rows: int, lines: list[str], share: float, among: int) -> bool:
    """Whether `rows` are `share` of the `among` non-blank lines, ls -lR's directory headers not
    counted (looked for only when they would decide it)."""
    return rows >= share * among or rows >= share * (among - _directory_headers(lines))


def _split_rows(lines: list[str]) -> tuple[list[int], Rows] | None:
    """(line numbers of the table's rows, their cells): by a delimiter, by a fixed number of
    whitespace-separated fields, or by aligned columns whose last one may hold spaces. The
    shape is judged on a sample before any other line is split."""
    nonblank = list(compress(range(len(lines)), map(str.strip, lines)))  # C-level: no Python loop per line
    if len(nonblank) < MIN_ROWS:
        return None
    if (ruled := _ruled_rows(lines, nonblank)) is not None:
        return ruled
    sample = [lines[i] for i in nonblank[:60]]
    widths = Counter(min(len(s.split()), 12) for s in sample)
    width, count = widths.most_common(1)[0]
    for delim, dwidth in _delimiters(tuple(sample)):
        if dwidth < 3 and width >= 4 and (_comma_in_cell(sample) if delim == "," else count >= 0.8 * len(sample)):
            # The delimiter only splits off one cell of a whitespace table: a comma inside a cell
            # (lsof's DEVICE "254,0"), a tab before the last one (git ls-tree -l's path).
            continue
        if delim == " " and _padded(sample):
            continue  # runs of spaces pad aligned columns: split at each space, a cell would be "" and its row shifted
        at: list[int] = []
        cells: list[str] = []
        try:
            for i, r in zip(nonblank, csv.reader([lines[i] for i in nonblank], delimiter=delim)):
                if len(r) == dwidth:
                    at.append(i)
                    cells += r
        except csv.Error:
            continue
        if _enough_rows(len(at), lines, 0.7, len(nonblank)):
            return at, Rows(cells, dwidth)
    if width < 3:
        return None
    if _enough_rows(count, sample, 0.7, len(sample)):  # records of a fixed number of fields, aligned or not
        # C-level, as the filters below; each line's fields are freed once counted.
        fits = list(map(width.__eq__, map(len, map(str.split, map(lines.__getitem__, nonblank)))))
        at = list(compress(nonblank, fits))
        if _enough_rows(len(at), lines, 0.7, len(nonblank)):
            return at, Rows(" ".join(map(lines.__getitem__, at)).split(), width)  # `width` fields each
    titles = sample[0].split()
    if 3 <= len(titles) < width and sample[0].isupper() and not _DIGIT.search(sample[0]) and _aligned(sample, len(titles)):
        # A row of capitalised titles (ps, lsof, kubectl) names the columns: the last holds spaces (a command).
        width = len(titles)  # the sample is aligned at this width: just seen
    elif not _aligned(sample, width):
        return None
    at = []
    cells = []
    for i in nonblank:
        c = lines[i].split(None, width - 1)
        if len(c) == width:
            at.append(i)
            cells += c
    if not _enough_rows(len(at), lines, 0.6, len(nonblank)) or len(at) < MIN_ROWS:
        return None
    # Each block of adjacent rows (`ls -lR` pads every directory on its own) must be aligned.
    blocks: list[list[str]] = []
    prev = -2
    for i in at:
        if i != prev + 1:
            blocks.append([])
        blocks[-1].append(lines[i])
        prev = i
    if sum(len(b) for b in blocks if len(b) >= 3 and _aligned(b, width)) < 0.6 * len(at):
        return None
    return at, Rows(cells, width)


# A rule of dashes under the column titles ("----  ------------  -----", license-report's, pip
# list's, PowerShell's): each run spans its column, whose cells may hold spaces ("(MIT OR
# CC0-1.0)", an author's name), so the rows are cut where the runs start, not at every space.
_DASH_RULE = re.compile(r" *+-{2,}+(?: ++-{2,}+)++ *+")
_DASH_RUN = re.compile(r"-+")


def _ruled_rows(lines: list[str], nonblank: list[int]) -> tuple[list[int], Rows] | None:
    """(the titles' and rows' line numbers, their cells) of a table whose titles are underlined by
    a rule of dashes (after a few lines at most), the rows below it filling the rule's columns;
    else None."""
    at = next((j for j in range(1, min(6, len(nonblank))) if _DASH_RULE.fullmatch(lines[nonblank[j]])), None)
    if at is None or len(nonblank) - at < MIN_ROWS:
        return None
    starts = [m.start() for m in _DASH_RUN.finditer(lines[nonblank[at]])]
    ends = starts[1:] + [None]
    # A row fills its columns: a space before each column's start (no cell runs over into the next)
    # and something past the last one's. A second rule closes the table: what follows it (strace
    # -c's total) is no row.
    rows: list[int] = []
    seen = 0  # the titles and the lines read below the rule
    for i in nonblank[at - 1 : at] + nonblank[at + 1 :]:
        line = lines[i]
        if seen and _DASH_RULE.fullmatch(line):
            break
        seen += 1
        if len(line) > starts[-1] and all(line[k - 1] == " " for k in starts[1:]):
            rows.append(i)
    if not _enough_rows(len(rows), lines, 0.8, seen):
        return None
    cells = [lines[i][a:b].strip() for i in rows for a, b in zip(starts, ends)]
    return rows, Rows(cells, len(starts))


@lru_cache(maxsize=16)
def _fields(n: int) -> re.Pattern[str]:
    """A line's first n whitespace-separated fields (as _FIELD finds them), one group each,
    unmatched past the line's last field: one match gives every span, where finditer costs a
    Python step per cell."""
    inner = ""
    for _ in range(n - 1):
        inner = rf"(?:\s++(\S++){inner})?"
    return re.compile(rf"\s*+(?:(\S++){inner})?")


def _most(positions: list[int]) -> int:
    """How many rows share the commonest of one column's cell starts (or ends)."""
    counts = Counter(positions)
    counts.pop(-1, None)  # rows without this cell
    return max(counts.values())


def _aligned(rows: list[str], width: int) -> bool:
    """Columns padded to a common start or end (ps, ls -l, docker ps, df): the mark of a table,
    where a log's words fall anywhere."""
    rows = rows[:200]  # a sample says as much as the whole block
    # Every row's cell starts and ends from one match each, in one flat list of ints (no live
    # tuple per cell for the garbage collector to count), then counted per column in C.
    n = width - 1
    flat = list(chain.from_iterable(chain.from_iterable(m.regs[1:] for m in map(_fields(n).match, rows))))
    need = 0.6 * len(rows)
    good = sum(1 for k in range(n) if _most(flat[2 * k :: 2 * n]) >= need or _most(flat[2 * k + 1 :: 2 * n]) >= need)
    return good >= max(2, (2 * (width - 1) + 2) // 3)


# A row's continuation: a line indented past where its row's cells start (objdump -h's flags line
# under each section). Judged on a sample first: most outputs have none.
_CONT_INDENT = 8
_CONT_SAMPLE = 60


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _continuations(lines: list[str]) -> dict[int, int] | None:
    """{continuation line: its row's line} when every other line continues the row above
    (two-line records), else None."""
    sample = [x for x in lines[: 2 * _CONT_SAMPLE] if x.strip()][:_CONT_SAMPLE]
    deep = [_indent(x) >= _CONT_INDENT for x in sample]
    # Rows and continuations alternate: about half the lines, never two in a row (a compiler's
    # finding with its excerpt and notes under it is a block, not a record of a table).
    if len(sample) < MIN_ROWS or not 0.4 * len(sample) <= sum(deep) <= 0.6 * len(sample) \
            or any(a and b for a, b in zip(deep, deep[1:])):
        return None
    if any(x.endswith(":") for x, d in zip(sample, deep[1:]) if d):
        return None  # a line that ends in ":" heads what is under it (pydocstyle's place over its finding)
    owner: dict[int, int] = {}
    row = -1
    for i, x in enumerate(lines):
        if not x.strip():
            continue
        if _indent(x) >= _CONT_INDENT and row >= 0 and _indent(x) > _indent(lines[row]):
            owner[i] = row
        else:
            row = i
    return owner or None


def rank_table(lines: list[str]) -> list[int] | None:
    rank = _rank_table(lines)
    if rank is not None:
        _rank_each_file(lines, rank)
    return rank


_FILES_AT_MOST = 200  # files of one `head`/`tail` ranked each on its own, at most


def _rank_each_file(lines: list[str], rank: list[int]) -> None:
    """`head` and `tail` of several files print each under "==> name <==": each file is a table of
    its own, whose rows unlike the rest (its extremes) stay beside the whole's."""
    heads = [i for i, x in enumerate(lines) if x.startswith("==> ") and x.endswith(" <==")]
    if not 2 <= len(heads) <= _FILES_AT_MOST:
        return
    for a, b in zip(heads, [*heads[1:], len(lines)]):
        rank[a] = MUST
        part = _rank_table(lines[a + 1 : b])
        for k, r in enumerate(part or ()):
            rank[a + 1 + k] = min(rank[a + 1 + k], r)


def _rank_table(lines: list[str]) -> list[int] | None:
    split = _split_rows(lines)
    owner = None
    if split is None and (owner := _continuations(lines)) is not None:
        # Read the rows without their continuations, then give each continuation its row's rank.
        rows_only = ["" if i in owner else x for i, x in enumerate(lines)]
        rank = _rank_table(rows_only)
        if rank is not None:
            for i, row in owner.items():
                rank[i] = rank[row]
        return rank
    if split is None:
        return None
    at, rows = split
    stripped = list(map(str.strip, lines))
    if not _enough_rows(len(at), lines, 0.7, len(stripped) - stripped.count("")):
        return None  # too many lines of another shape to call this a table
    # Lines outside the table's shape: titles, totals, and records unlike the others.
    rank = [MUST if s else NORMAL for s in stripped]
    for i in at:
        rank[i] = NORMAL
    _other_streams(lines, rank)
    _frames_ranked_by_the_log(lines, at, rank)
    body = list(range(len(rows)))
    # A header is a first row whose numeric columns hold words, or one over a row of rules (a
    # markdown table's `|----|:---:|`, kept with it).
    second = rows.row(min(1, len(rows) - 1))
    ruled = len(rows) > 2 and "".join(second).strip() != "" and all(set(c.strip()) <= _RULE_CELL for c in second)
    if len(rows) and (ruled or any(number(c) is None and number(second[k]) is not None for k, c in enumerate(rows.row(0)))):
        rank[at[0]] = MUST
        body = body[1:]
        if ruled:
            rank[at[1]] = MUST
            body = body[1:]
    if not body:
        return None
    rank_columns(rows, at, body, rank, events=stamped(lines))
    _finding_rows(rows, at, body, rank)
    _first_of_each_place(rows, at, body, rank)
    rows_at = at[body[0] :]  # body is every row from its first on
    _keep_directories(lines, rows_at, rank)
    head = next(i for i, x in enumerate(lines) if x.strip())
    if head <= rows_at[0]:
        _failure_counts(lines, head, rows_at, rank)
    return rank  # rows that report a failure are ranked by the log ranking it is merged with


_STREAM = 5  # lines of one template outside the rows: another stream of records, not an odd line
_RULE_CELL = frozenset("-:=+")


def _other_streams(lines: list[str], rank: list[int]) -> None:
    """Lines outside the rows' shape that repeat one template (an app's INFO records among the
    access log's lines) are a second stream of records, sampled as a log is: its first and last
    stay, its middle is ranked as any line."""
    outside = [i for i, r in enumerate(rank) if r == MUST and not lines[i].endswith(":")]  # a title heads rows
    shapes: dict[str, list[int]] = {}
    # Zeroed in one pass, not one encode and decode per line (no line holds a newline).
    zeroed = zero_digits("\n".join(map(lines.__getitem__, outside))).split("\n")
    for i, shape in zip(outside, zeroed):
        shapes.setdefault(shape, []).append(i)
    for run in shapes.values():
        if len(run) >= _STREAM:
            for i in run[1:-1]:
                if severity(lines[i]) is None:  # a warning or failure among them stays as it was
                    rank[i] = NORMAL


# Columns of findings as rows (bandit's CSV, a scanner's table): how bad, which rule, which file.
_LEVEL_TITLES = frozenset({"severity", "level", "issue_severity", "severity_level"})
_CODE_TITLES = frozenset({"test_id", "code", "rule", "rule_id", "ruleid", "check_id"})
_FILE_TITLES = frozenset({"filename", "file", "path", "file_path", "filepath"})


def _cell(c: str) -> str:
    return c.strip().strip("\"'").lower()


# A headerless table of findings (cppcheck's `--template` with `|`): its columns read by their cells.
_LEVEL_WORDS = frozenset({*ERROR_LEVELS, "warning", "warn", "style", "information", "info", "note", "hint",
                          "performance", "portability", "notice", "medium", "low"})
_FILE_CELL = re.compile(PATH)  # a file name, with or without its directories


def _finding_columns(rows: Rows, body: list[int]) -> tuple[list[str], list[str], list[str]] | None:
    """(level, code, file) columns of a headerless table whose rows are findings: a column of level
    words, a column of file names (nine in ten cells: a tool's own notice has none), and as code
    the other wordy column of the fewest distinct values; None when any is missing."""
    columns = [rows.column(k) for k in range(rows.width)]
    # The first cell turns most columns away; a column of levels holds few values, each read once.
    level = next((k for k, c in enumerate(columns)
                  if _cell(c[0]) in _LEVEL_WORDS and all(_cell(x) in _LEVEL_WORDS for x in set(c))), None)
    if level is None:
        return None
    where = next((k for k, c in enumerate(columns) if _mostly_files(c)), None)
    if where is None:
        return None
    codes = [(len(set(c)), k) for k, c in enumerate(columns) if k not in (level, where) and number(c[0]) is None]
    if not codes or (fewest := min(codes))[0] * 2 > len(body):
        return None
    return columns[level], columns[fewest[1]], columns[where]


def _mostly_files(column: list[str]) -> bool:
    """Whether nine cells in ten name a file; read only until more than a tenth have not (a column
    of anything else is given up early, not read to its end)."""
    spare = len(column) // 10
    for x in column:
        if _FILE_CELL.fullmatch(x.strip()) is None:
            spare -= 1
            if spare < 0:
                return False
    return True


def _finding_rows(rows: Rows, at: list[int], body: list[int], rank: list[int]) -> None:
    """Findings as rows, as principle 2 keeps them: every row whose level column holds an error
    level, and the first row of each (rule, file) where both have a column (a table with a code
    column alone, countries', is no list of findings); the others are sampled as rows."""
    if body[0]:
        titles = ["_".join(_cell(t).split()) for t in rows.row(0)]  # checkov's "Check ID" is a check_id

        def titled(names: frozenset[str]) -> list[str] | None:
            return next((rows.column(k) for k, t in enumerate(titles) if t in names), None)

        level, code, where = titled(_LEVEL_TITLES), titled(_CODE_TITLES), titled(_FILE_TITLES)
    elif (found := _finding_columns(rows, body)) is not None:
        level, code, where = found
    else:
        return
    seen: set[tuple[str, str]] = set()
    for j in body:
        if level is not None and _cell(level[j]) in ERROR_LEVELS:
            rank[at[j]] = MUST
        elif code is not None and where is not None and (key := (code[j], where[j])) not in seen:
            seen.add(key)
            rank[at[j]] = MUST


_MAX_PLACES = 60  # distinct places whose first rows all stay; more are the table's bulk (a profile of every line)


def _first_of_each_place(rows: Rows, at: list[int], body: list[int], rank: list[int]) -> None:
    """A column of source places (mtrace's callers of unfreed blocks, a profile's `file.c:12`): the
    first row of each place stays, as principle 2 keeps one finding of each place."""
    probe = rows.row(body[0])
    k = next((k for k, c in enumerate(probe) if (":" in c or "(" in c) and has_location(c)), None)
    if k is None:
        return
    column = rows.column(k)  # the first column of places
    firsts: dict[str, int] = {}
    for j in body:
        firsts.setdefault(column[j], j)
    if len(firsts) <= _MAX_PLACES and len(firsts) < len(body) and has_location(column[body[-1]]):
        for j in firsts.values():
            rank[at[j]] = MUST


# A directory's row in a long listing (`ls -l`, `ls -li`, `find -ls`): its mode opens with "d".
_MAX_DIRECTORIES = 60
_MODE = re.compile(r"d[r-][w-][xsS-][r-][w-][xsS-][r-][w-][xtT-]")  # its mode, wherever it is
_DIRECTORY_MODE = re.compile(r"(?:\S+\s+){0,2}" + _MODE.pattern + r"[.+@]?\s")


def _keep_directories(lines: list[str], rows_at: list[int], rank: list[int]) -> None:
    """A long listing's directories stay, as a tree's directory lines do: they are its structure,
    and what the model asks about next (which to look into). Past _MAX_DIRECTORIES they are the
    listing's bulk (a `site-packages`): kept next, as room allows."""
    if _MODE.search("\n".join(map(lines.__getitem__, rows_at))) is None:
        return  # no row holds a directory's mode anywhere: one C-level scan, not a look per row
    dirs = [i for i in rows_at if ("dr" in (head := lines[i][:40]) or "d-" in head) and _DIRECTORY_MODE.match(lines[i].lstrip())]
    level = MUST if len(dirs) <= _MAX_DIRECTORIES else HIGH
    for i in dirs:
        rank[i] = min(rank[i], level)


def _frames_ranked_by_the_log(lines: list[str], at: list[int], rank: list[int]) -> None:
    """A stack trace among log records (over 5 frames, "\tat …" or '  File "…"') lies outside the
    table's shape but is no odd record: its frames are left to the log ranking it is merged with
    (where a frame repeated by a chained trace goes first); the line over them stays. Only the
    gaps of over 5 lines between rows (`at`) are looked at."""
    for a, b in zip([-1, *at], [*at, len(lines)]):
        if b - a <= 6:
            continue
        run = 0
        for i in range(a + 1, b + 1):
            if i < b and rank[i] == MUST and _FRAME_LINE.match(lines[i]):
                run += 1
                continue
            if run > 5:
                for k in range(i - run, i):
                    rank[k] = NORMAL
            run = 0


# Column titles that count what went wrong (strace -c's "errors", a test table's "failed").
_FAIL_HEADS = frozenset({"errors", "error", "errs", "failed", "failures", "fail", "failing", "dropped", "drops"})


def _failure_counts(lines: list[str], head: int, rows_at: list[int], rank: list[int]) -> None:
    """A row with a nonzero count under a column titled errors/failed reports what went wrong.
    The cell is found under its title (an empty cell leaves no field to count by)."""
    for m in _FIELD.finditer(lines[head]):
        if m.group(0).lower().strip("%:()") not in _FAIL_HEADS:
            continue
        a, b = m.span()
        for i in rows_at:
            for t in _FIELD.finditer(lines[i], max(0, a - 12)):
                if t.start() >= b:
                    break
                if t.end() > a and number(t.group(0)):
                    rank[i] = MUST


# A rule under a title row: the table of a report that prints other lines too (strace -c).
_RULE = re.compile(r"[ \t]*[-=]{3,}(?:[ \t+|]+[-=]{3,})*[ \t]*$")


def rank_table_block(lines: list[str]) -> list[int] | None:
    """The largest titled table (a title row, a rule, the rows up to a blank line) among other
    lines, ranked as rank_table ranks a table; the lines around it are left to the log ranking."""
    best: tuple[int, int] | None = None
    rules = [i for i, s in enumerate(lines) if i and s.lstrip(" \t").startswith(("---", "==="))]
    for i in rules:
        if _RULE.match(lines[i]) and lines[i - 1].strip() and not _RULE.match(lines[i - 1]):
            end = i + 1
            while end < len(lines) and lines[end].strip():
                end += 1
            if best is None or end - i > best[1] - best[0]:
                best = (i - 1, end)
    if best is None or best[1] - best[0] < MIN_ROWS + 2:
        return None
    sub = rank_table(lines[best[0] : best[1]])
    if sub is None:
        return None
    rank = [NORMAL] * len(lines)
    rank[best[0] : best[1]] = sub
    return rank


_TABS = 3  # cells a row splits into at tabs, at least, beyond the first


def rank_scattered(lines: list[str]) -> list[int] | None:
    """Rows of one tab-separated shape in runs split by other lines (`go test -bench ./...`: each
    package's goos/pkg/cpu lines over its benchmark rows): the columns are read across the runs,
    the other lines left to the log's ranking. None when there is no such table."""
    tabs = list(map(methodcaller("count", "\t"), lines))  # C-level: no Python loop per line
    counts = Counter(t for t in tabs if t >= _TABS)
    if not counts:
        return None
    width = counts.most_common(1)[0][0]
    at = [i for i, t in enumerate(tabs) if t == width]
    nonblank = len(lines) - list(map(str.strip, lines)).count("")
    runs = sum(1 for k, i in enumerate(at) if k == 0 or at[k - 1] != i - 1)
    if len(at) < MIN_ROWS or len(at) < 0.3 * nonblank or runs < 2:
        return None
    rows = [lines[i].split() for i in at]
    fields = Counter(map(len, rows)).most_common(1)[0][0]
    keep = [k for k, r in enumerate(rows) if len(r) == fields]
    if len(keep) < MIN_ROWS:
        return None
    at = [at[k] for k in keep]
    rank = [NORMAL] * len(lines)
    rank_columns(Rows([x for k in keep for x in rows[k]], fields), at, list(range(len(keep))), rank)
    return rank


# A dump of settings, one a line: a name, then padding or "=", then its value, which holds no
# padding of its own (a table's row holds more columns): `gcc -Q --help=warnings`'s
# "  -Wshadow    [disabled]" (and "  -Wformat=<0,2>  \t0"), `zabbix_agentd -p`'s "agent.ping    [u|1]",
# `python -m sysconfig`'s "    CC = "gcc"", and a bordered table of two columns
# (`mysqladmin extended-status`'s "| Innodb_deadlocks | 1 |"). A name alone (a setting with no
# value, its padding trimmed) neither counts nor breaks one; a name holding a "/" is a path's or a
# branch's, a listing's. Every line answers "what is X set to?": sent whole, as a document is.
_SETTING = re.compile(
    r"[ \t]*(-{0,2}[A-Za-z_][^\s=]*)(?:(?:=\S*)?(?:[ \t]{2,}|\t)|[ \t]*=[ \t]*)(?:\S+(?: \S+)*)?[ \t]*"
    r"|\|[ \t]*([A-Za-z_]\S*)[ \t]*\|[ \t]*(?:\S+(?: \S+)*)?[ \t]*\|"
)
_NAME_ALONE = re.compile(r"[ \t]*(-{0,2}[A-Za-z_][^\s=]*)=?[ \t]*")
_BORDER = re.compile(r"\+[-+]+\+")
_SETTINGS_AT_LEAST = 20


def settings_dump(lines: list[str]) -> bool:
    sample = [x for x in lines[:60] if x.strip()]
    if len(sample) < _SETTINGS_AT_LEAST or count_matches(_SETTING, sample) < 0.6 * len(sample):
        return False  # decided on a sample first: most outputs are no dump
    body = [x for x in lines if x.strip() and not _BORDER.fullmatch(x)]
    names, alone = [], []
    for x in body:
        if (m := _SETTING.fullmatch(x)) and "/" not in (name := m.group(1) or m.group(2)).split("[", 1)[0]:
            names.append(name)  # a name with a path in it is a listing's (`git branch -vv`'s feature/x)
        elif m := _NAME_ALONE.fullmatch(x):
            alone.append(m.group(1))
    if len(names) < 0.6 * len(body) or len(names) + len(alone) < 0.85 * len(body):
        return False
    names += alone
    return len(set(names)) >= 0.9 * len(names)
