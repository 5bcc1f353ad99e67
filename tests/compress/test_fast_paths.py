"""The C-level fast paths of the table readers give what the plain per-cell reading gave: each
reference below is the reading they replaced, kept here to pin them."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from headroom_mitm.compress import outliers
from headroom_mitm.compress.tables import _aligned

_FIELD = re.compile(r"\S+")


def _aligned_by_finditer(rows: list[str], width: int) -> bool:
    rows = rows[:200]
    starts: list[list[int]] = [[] for _ in range(width - 1)]
    ends: list[list[int]] = [[] for _ in range(width - 1)]
    for row in rows:
        for s, e, m in zip(starts, ends, _FIELD.finditer(row)):
            s.append(m.start())
            e.append(m.end())
    need = 0.6 * len(rows)
    good = sum(1 for s, e in zip(starts, ends) if max(Counter(s).values()) >= need or max(Counter(e).values()) >= need)
    return good >= max(2, (2 * (width - 1) + 2) // 3)


def _outcome(f, *args):  # noqa: ANN001, ANN202 - a value or the error it raised
    try:
        return f(*args)
    except ValueError as exc:
        return type(exc)


_CELLS = st.lists(st.sampled_from(["ab", "7", " ", "  ", "\t", "\u3000", "\xa0", "x y"]), max_size=14).map("".join)


@given(rows=st.lists(_CELLS, min_size=3, max_size=14), width=st.integers(3, 12))
def test_alignment_from_one_match_per_row_is_the_fields_found_one_by_one(rows: list[str], width: int) -> None:
    assert _outcome(_aligned, rows, width) == _outcome(_aligned_by_finditer, rows, width)


def test_an_aligned_table_is_aligned_and_ragged_words_are_not() -> None:
    table = [f"user{k % 3}  {1000 + k:>6}  {k % 7:>3}.0  /usr/bin/cmd{k}" for k in range(12)]
    words = [" ".join(["w" * (1 + (k * j) % 5) for j in range(5)]) for k in range(12)]
    assert _aligned(table, 4) and _aligned_by_finditer(table, 4)
    assert not _aligned(words, 5) and not _aligned_by_finditer(words, 5)


_NUMBERISH = st.text(alphabet=st.sampled_from(list("0123456789.,_-+%kKMGTPibB ") + ["٣", "²"]), min_size=1, max_size=7)


@given(cells=st.lists(_NUMBERISH.map(str.strip).filter(bool), min_size=1, max_size=30))
def test_numbers_read_by_their_fast_paths_are_the_numbers_matched_one_by_one(cells: list[str]) -> None:
    one_by_one = [outliers.number(c) for c in cells]
    assert outliers.numbers(cells) == one_by_one
    if outliers._measure(cells, cells) is not None and all(map(str.isdecimal, cells)):
        assert outliers._measure(cells, cells) == one_by_one  # whole numbers: read by float in C


def test_whole_numbers_in_any_script_are_read_as_the_pattern_reads_them() -> None:
    cells = ["12", "٣", "1٣", "007"]
    assert outliers._measure(cells, cells) == [12.0, 3.0, 13.0, 7.0] == [outliers.number(c) for c in cells]
    assert outliers.number("²") is None  # a digit, not a decimal one: no number, and no float either


def test_failures_past_what_a_cut_could_save_are_ranked_whole_at_once() -> None:
    # Every failure stays: where they fill more than a cut may keep (1 - min_saving_ratio), the
    # output goes whole; rank_lines says so at once instead of ranking 20,000 errors' context.
    from headroom_mitm.compress import logs
    from headroom_mitm.compress.engine import compress_text
    from headroom_mitm.compress.lineindex import LineIndex
    from headroom_mitm.compress.select import MUST
    from headroom_mitm.compress.settings import CompressionSettings

    s = CompressionSettings()
    errors = "\n".join(f"ERROR e{i}: bad" for i in range(3000))
    lines = errors.split("\n")
    fast = logs.rank_lines(lines, LineIndex(errors), whole_at=(1 - s.min_saving_ratio) * len(errors))
    assert fast is not None and fast.rank == [MUST] * len(lines)
    assert compress_text(errors, "bash", s).rendering.text is None  # sent whole, as the slow look sent it
    # Fewer failures: the ranking is the one without the bound.
    mixed = "\n".join(f"ERROR e{i}: bad" if i % 10 == 0 else f"INFO step {i} ok" for i in range(3000))
    lines = mixed.split("\n")
    bounded = logs.rank_lines(lines, LineIndex(mixed), whole_at=(1 - s.min_saving_ratio) * len(mixed))
    assert bounded is not None and bounded.rank == logs.rank_lines(lines, LineIndex(mixed)).rank
    assert bounded.rank.count(MUST) < len(lines)


_INDEX_ALPHABET = st.sampled_from(["a", "b", " ", "\n", "|", "=", "e", "r", "o", "É", "İ"])


@given(st.lists(_INDEX_ALPHABET, max_size=300).map("".join))
def test_the_line_index_finds_the_lines_and_places_a_plain_search_does(text: str) -> None:
    """LineIndex.hits (str.find per line, or an automaton) gives the lines a search line by line
    gives, and word_starts the occurrences str.count counts where none can overlap another."""
    from headroom_mitm.compress.lineindex import LineIndex

    index = LineIndex(text)
    lines = text.split("\n")
    for words in (("|",), ("|", "=="), ("== ", "=> "), ("er", "ro"), (" error", " bar")):
        for case in (True, False):
            seen = lines if case else [x.replace("İ", "i").lower() for x in lines]
            assert index.hits(words, case=case) == {i for i, x in enumerate(seen) if any(w in x for w in words)}
    starts = index.word_starts((" error", " bar"))
    assert starts is not None and len(starts) == sum(index.low.count(w) for w in (" error", " bar"))
    assert {index.line_of(p) for p in starts} == index.hits((" error", " bar"))


@given(st.lists(_INDEX_ALPHABET, max_size=300).map("".join), st.sampled_from(["a", "ab", "aba", "\nok", " e", "İ", "er ro"]))
def test_the_line_index_finds_every_place_of_a_word_as_str_find_does(text: str, word: str) -> None:
    from headroom_mitm.compress.lineindex import LineIndex

    index = LineIndex(text * 200)  # past the first window
    for case in (True, False):
        hay = index.text if case else index.low
        places, at = [], hay.find(word)
        while at != -1:
            places.append(at)
            at = hay.find(word, at + 1)
        assert list(index.occurrences(word, case=case)) == places


def test_a_match_across_a_windows_end_is_found() -> None:
    # The windowed scans (lossless._holds, jsonsplice.uses_ascii_escapes) read 16 KB, then 32 KB,
    # 64 KB … overlapping by the longest match less one: a match cut by a window's end is found.
    from headroom_mitm.compress.jsonsplice import uses_ascii_escapes
    from headroom_mitm.compress.lossless import _holds

    for end in (1 << 14, (1 << 14) + (1 << 15)):  # the first two windows' ends
        for cut in range(1, 4):
            text = "x" * (end - cut) + "\n\n\n\n" + "y" * 100
            assert _holds(text, "\n\n\n\n") and not _holds(text.replace("\n", "-"), "\n\n\n\n")
        for cut in range(1, 6):
            raw = b"x" * (end - cut) + b"\\u00e9" + b"y" * 100
            assert uses_ascii_escapes(raw) and not uses_ascii_escapes(raw.replace(b"\\u00e9", b"\\u001b"))
