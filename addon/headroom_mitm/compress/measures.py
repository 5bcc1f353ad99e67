"""Tables of measures inside an output (a model's coefficients under their header, a simulator's
columns of values): rows of numbers, each a fact asked about by its name or by its extreme. A short
table stays whole; a long one keeps, for each column, the rows of its least and greatest value
(principle 3), wherever the output's other lines cut it into pages."""

from __future__ import annotations

import re

from .boxes import RULE, WORD
from .lineindex import LineIndex
from .select import MUST, MUST_AT_MOST

# A row of a table of measures: its name (a word or a few, not a number), then three numbers or
# more apart by blanks (a missing one printed NA or NaN), a fraction on the line (a coefficient's
# estimate, error and z value; an ANOVA's sums and means), not a listing's counts and sizes. Found
# from each newline (a literal the scan jumps between), the name's words taken possessively.
_CELL = r"(?:[-+]?(?:\d[\d.]*+|\.\d++)(?:[eE][-+]?\d++)?|NA|NaN)"
_ROW = re.compile(rf"\n[ \t]*+[^\s\d.+-]\S{{0,30}}+(?: [^\s\d.+-]\S{{0,20}}+){{0,3}}+[ \t]++{_CELL}[ \t]++{_CELL}[ \t]++{_CELL}(?![\w.])")
# Or the numbers first and the name after them, words to the line's end (HMMER's hits: "1.2e-57
# 190.0  0.0 … kinA_hit00"; not two records side by side, "2  0.338  1 N s   17  0.338  2 N s").
_ROW_NAMED_LAST = re.compile(rf"\n[ \t]*+{_CELL}(?:[ \t]++{_CELL}){{2,30}}+(?:[ \t]++[^\s\d.+-]\S*+)++[ \t]*+(?=\n|\Z)")
_FRACTION = re.compile(r"\d\.\d|\d[eE][-+]\d|\bNA\b|\bNaN\b")
_MIN_ROWS, _MAX_ROWS = 2, 10
# The rule under a header, drawn across each column apart ("    ------- ------ -----"), or whole.
_COLUMN_RULES = re.compile(r"[ \t]*+(?:[-=]{2,}+[ \t]*+){2,}+$")


def keep_small_tables(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST each short table of measures under its header line (R's "Estimate Std. Error
    z value Pr(>|z|)" over a model's coefficients): a few rows, each a fact asked about by name;
    long tables are sampled by their own rules."""
    lines = index.lines
    found = [m.start() + 1 for pattern in (_ROW, _ROW_NAMED_LAST) for m in pattern.finditer(index.text)]
    rows = sorted(i for i in map(index.line_of, found) if _FRACTION.search(lines[i]))
    run: list[int] = []
    for i in [*rows, -2]:
        if run and i == run[-1] + 1:
            run.append(i)
            continue
        head = run[0] - 1 if run else -1
        if head > 0 and (RULE.match(lines[head]) or _COLUMN_RULES.match(lines[head])):
            head -= 1  # the header over a rule under it (gretl's "coefficient  std. error" over "-----")
        if _MIN_ROWS <= len(run) <= _MAX_ROWS and head >= 0 and WORD.search(lines[head]) and len(lines[head].split()) >= 2:
            for k in range(head, run[-1] + 1):
                rank[k] = MUST
        run = [i]


# A row of numbers only, three or more apart by blanks (ngspice's "87\t7.457293e-04\t-9.99640e-02"),
# found from each newline in one C-level scan of the text.
_NUMERIC_ROW = re.compile(r"\n[ \t]*+[-+]?\.?\d[\d.]*+(?:[eE][-+]?\d++)?(?:[ \t]++[-+]?\.?\d[\d.]*+(?:[eE][-+]?\d++)?){2,}+[ \t]*+(?=\n|\Z)")
_MIN_TABLE = 20  # rows of one width, at least, for a table whose extremes are looked for


def keep_column_extremes(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST, in a long table of numbers printed among other lines (paged under repeated
    headers, beside a simulator's notes), the first row of each column's least and greatest value."""
    by_width: dict[int, list[tuple[int, list[str]]]] = {}
    for m in _NUMERIC_ROW.finditer(index.text):
        cells = m.group().split()
        by_width.setdefault(len(cells), []).append((index.line_of(m.start() + 1), cells))
    for rows in by_width.values():
        if len(rows) < _MIN_TABLE:
            continue
        try:
            columns = list(zip(*(list(map(float, cells)) for _, cells in rows)))
        except ValueError:
            continue  # "1.2.3": a version, not a measure
        for values in columns[1:]:  # the first is the row's index or its time: its ends are the table's ends
            for v in (min(values), max(values)):
                rank[rows[values.index(v)][0]] = MUST


# A benchmark's result: each row is the figure asked about (libtest's "test NAME ... bench: 1,575.14
# ns/iter (+/- 1,531.89)"; Google Benchmark's "BM_Fnv1a/64   149 ns   39.6 ns   708532", its header
# cut off by `| tail` or not), not a passing test's line to drop first.
_LIBTEST_BENCH = re.compile(r"test \S+ +\.\.\. bench: +[\d,.]+ \S+/iter")
# Benchmark.js's "spineConcat 40 x 62,384 ops/sec ±23.98% (5 runs sampled)".
_OPS_PER_SEC = re.compile(r"\S[^\n]*? x [\d,.]+ ops/sec ±")
# Possessive throughout: a word, a number or a run of blanks given back shorter is followed by
# more of itself, which nothing after it matches (each number was tried digit by digit).
_TIME = r"[\d.]++ ?+(?:ns|us|µs|ms|s|%)"
_TIMED_ROW = re.compile(rf"\S++ ++{_TIME} ++{_TIME} ")
_TIMED_ROW_AFTER_NEWLINE = re.compile("\n" + _TIMED_ROW.pattern)  # found from each newline, in C
_MIN_TIMED_ROWS = 3
# Or a row under a header that names the statistics of its columns (tinybench's and vitest's
# "name  hz  min  max  mean  p75  p99 …", pytest-benchmark's "Name (time in us)  Min  Max  Mean …"):
# the header gives the units its rows' cells leave out. A row holds three numbers or more.
_STATISTICS = frozenset(
    ("min", "max", "mean", "median", "avg", "stddev", "stdev", "hz", "ops", "p50", "p75", "p90", "p95", "p99", "p995", "p999", "rme")
)
_STATISTICS_AT_LEAST = 4
_HEADER_CELL_EDGES = "()[]|┃│"
_NUMBERS = re.compile(r"(?:^|\s)[-+±]?\d[\d,.]*%?(?=\s|$)")


def _statistics_rows(index: LineIndex) -> list[int]:
    """Each header of statistics and the rows under it, up to the first line that is no row (a
    blank, a group's title); a rule drawn under the header is skipped."""
    lines = index.lines
    rows: list[int] = []
    for h in sorted(index.hits(("mean",))):
        words = {w.strip(_HEADER_CELL_EDGES).lower() for w in lines[h].split()}
        if len(words & _STATISTICS) < _STATISTICS_AT_LEAST:
            continue
        k = first = h + 2 if h + 1 < len(lines) and RULE.match(lines[h + 1]) else h + 1
        while k < len(lines) and len(_NUMBERS.findall(lines[k], 0, 400)) >= 3:
            k += 1
        if k > first:
            rows += [h, *range(first, k)]
    return rows


def keep_benchmark_results(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST every result row of a benchmark run, up to MUST_AT_MOST."""
    rows = index.where(_LIBTEST_BENCH, ("... bench:",)) + index.where(_OPS_PER_SEC, (" ops/sec ±",))
    timed = [index.line_of(m.start() + 1) for m in _TIMED_ROW_AFTER_NEWLINE.finditer(index.text)]
    if _TIMED_ROW.match(index.lines[0]):
        timed.insert(0, 0)
    if len(timed) >= _MIN_TIMED_ROWS:
        rows += timed
    found = {*rows, *_statistics_rows(index)}  # a row two rules find counts once against the cap
    if len(found) <= MUST_AT_MOST:
        for i in found:
            rank[i] = MUST
