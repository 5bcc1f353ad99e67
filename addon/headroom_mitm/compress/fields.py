"""A log's key=value fields as the columns of a table (principle 3): a grid search's "[CV 2/5]
END C=0.1, …;, score=0.912", logfmt's "status=200 ms=12". Of each field many lines hold, the
lines of its least and greatest value stay, and those whose value is no number where the field
holds numbers (a fit that failed: "score=nan"; NaN and infinities however many). Of a code (a
field of whole numbers: a status, an exit code) one value holds on half its lines or more, the lines
of the values seen on one or two lines stay: "status=206" among two hundred "status=200"."""

from __future__ import annotations

import re
from collections import Counter

from .lineindex import LineIndex
from .select import MUST, MUST_AT_MOST

_VALUE = r"([^\s,;\"'=\])]+)"
_END = r"(?![^\s,;\"'=\])])"  # a value ends where _VALUE would end it
_DIGITS = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_UNIT = r"(?:%|[a-zµ]{1,3})?"  # a unit may follow
_NUMBER = f"({_DIGITS}){_UNIT}"
_EQUALS_DIGIT = re.compile(r"=(?=[-+.]?\d)")
_KEY_BEFORE = re.compile(r"(?<![\w.])([A-Za-z_][\w.]{0,40})$")
_NUMBERS = re.compile(rf"^({_NUMBER})$", re.M)  # (value, its number) of each value that is one
_WORDS = re.compile(rf"^(?!{_DIGITS}{_UNIT}$).+$", re.M)
_PROBE_CHARS = 8_000  # the fields are found in the text's opening; their values anywhere
_MIN_LINES = 10  # values a field must hold: fewer are a few records, not a column
_FEW_WORDS = 3  # distinct values that are no number ("nan", "-", "None"); ids are many
_RARE = 2  # lines a value is seen on, at most, to be a code's odd one out
_ODD_SHARE = 5  # odd lines of a code, at most one in this many: more are ids, not a code
# A measure that failed, however many did ("score=(train=nan, test=nan)" for 100 fits of 160).
_FAILED_NUMBERS = frozenset({"nan", "NaN", "inf", "-inf", "Infinity", "-Infinity"})


def _key(key: str) -> str:
    # The key first, its start checked behind it: a pattern that opens with a literal is scanned in C.
    return re.escape(key) + r"(?<![\w.]" + re.escape(key) + ")="


def keep_field_anomalies(index: LineIndex, rank: list[int]) -> None:
    """Lift to MUST the lines that hold a numeric field's extremes, or a word where it holds numbers,
    and a code's odd values."""
    text = index.text
    # Each "=" before a number found in C, then the key behind it (a pattern that opens with a
    # class, as a key does, is tried at every character).
    keys = Counter(
        m.group(1) for e in _EQUALS_DIGIT.finditer(text, 0, _PROBE_CHARS)
        if (m := _KEY_BEFORE.search(text, max(0, e.start() - 42), e.start())) is not None
    )
    out: set[int] = set()
    for key, seen in keys.items():
        if seen < _MIN_LINES // 4:
            continue
        values = re.findall(_key(key) + _VALUE, text)
        if len(values) < _MIN_LINES:
            continue
        out.update(_odd_codes(index, key, values))
        joined = "\n".join(values)
        numbers = _NUMBERS.findall(joined)
        if len({n for _, n in numbers[:50]}) < 3:
            continue  # words (a name, a state) or a handful of codes: a category, not a measure
        words = set(_WORDS.findall(joined)) if len(numbers) < len(values) else set()
        if len(words) > _FEW_WORDS or (len(numbers) * 2 < len(values) and not words <= _FAILED_NUMBERS):
            continue  # ids ("00001b" among "000042"); mostly words: a category, not a measure
        measured = list(map(float, (n for _, n in numbers)))
        extremes = {numbers[measured.index(min(measured))][0], numbers[measured.index(max(measured))][0]}
        for value in extremes:
            m = re.search(_key(key) + re.escape(value) + _END, text)
            if m is not None:
                out.add(index.line_of(m.start()))
        if words:
            found = re.finditer(_key(key) + "(?:" + "|".join(map(re.escape, words)) + ")" + _END, text)
            out.update(index.line_of(m.start()) for _, m in zip(range(MUST_AT_MOST), found))
    for i in out:
        rank[i] = MUST


def _odd_codes(index: LineIndex, key: str, values: list[str]) -> list[int]:
    """The lines of a code's values seen once or twice, when one value holds half the lines (codes
    are whole numbers: words after "=" are as often a call's keyword arguments as a log's fields)."""
    counts = Counter(values)
    if len(counts) < 2 or max(counts.values()) * 2 < len(values) or not all(v.isdigit() for v in counts):
        return []
    odd = [v for v, n in counts.items() if n <= _RARE]
    if not odd or sum(counts[v] for v in odd) * _ODD_SHARE > len(values):
        return []
    found = re.finditer(_key(key) + "(?:" + "|".join(map(re.escape, odd)) + ")" + _END, index.text)
    return [index.line_of(m.start()) for m in found]
