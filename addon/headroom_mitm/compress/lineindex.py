"""The text's lines and where words and patterns are in them: one index per text, built once and
asked by every detector (which lines hold a word, where a pattern matches, a line's number from
a character's position).

Words are searched in the lowered text, all in one Aho-Corasick pass (far faster than a regex per
line); only the lines they hit are looked at with regular expressions.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import cached_property, lru_cache
from itertools import accumulate, compress

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation


class LineIndex:
    """Lines of a text and the lines that hold given words."""

    def __init__(self, text: str) -> None:
        self.text = "\n" + text  # a leading newline lets "\nword" find a word at any line start
        self.lines = text.split("\n")

    # Made on first use: code and prose are told apart from the lines alone, without them.
    @cached_property
    def low(self) -> str:
        """The text lowered, each character to one ("İ" alone lowers to two, and every later
        position would then name the wrong line)."""
        return self.text.replace("İ", "i").lower()

    @cached_property
    def starts(self) -> list[int]:
        """Where each line's newline sits in self.text (the first is the one put before it)."""
        return list(accumulate([len(x) + 1 for x in self.lines[:-1]], initial=0))

    @cached_property
    def zeroed(self) -> str:
        """self.text with its digits made "0" (the same offsets): a template's lines read alike."""
        return zero_digits(self.text)

    @cached_property
    def shapes(self) -> list[str]:
        """Each line as self.zeroed reads it."""
        return self.zeroed[1:].split("\n")

    @cached_property
    def shape_counts(self) -> Counter[str]:
        """How many lines read as each template (self.shapes)."""
        return Counter(self.shapes)

    @cached_property
    def _ascii(self) -> bytes | None:
        """The text as bytes when it is ASCII: a byte offset is then a character offset, and the
        bytes automaton skips ahead with memchr where the str one pays for character offsets over
        the whole text (~35 µs per 50 KB and per pass)."""
        return self.text.encode("ascii") if self.text.isascii() else None

    @cached_property
    def _ascii_low(self) -> bytes:
        """self._ascii lowered (asked for only where that is not None): made apart, so that a
        text searched with case alone is never lowered."""
        return self.low.encode("ascii")

    @cached_property
    def caps_digits(self) -> bytes | None:
        """The text as ASCII bytes with every capital made "A" and every digit "0" (None when it is
        not ASCII): a code such as "E501" is then found as b"A00" by a C-level find, where a
        pattern that starts with a class is tried at every character (~5x slower)."""
        raw = self._ascii
        return None if raw is None else raw.translate(_CAPS_DIGITS)

    def _matches(
        self, words: tuple[str, ...], case: bool, overlapping: bool = True, lo: int = 0, hi: int | None = None
    ) -> tuple[list[tuple[int, int, int]], tuple[int, ...]]:
        """(word index, start, end) of every occurrence in self.text[lo:hi], counted from lo (of
        those that overlap no earlier one unless `overlapping`), and each word's lead."""
        raw = self._ascii
        whole = lo == 0 and hi is None
        if raw is not None:
            hay = raw if case else self._ascii_low
            hay = hay if whole else hay[lo:hi]
            groups, lead = _bytes_automata(words)
            if len(groups) == 1:
                found = groups[0][0].find_matches_as_indexes(hay, overlapping=overlapping)
            else:
                found = []
                for automaton, index in groups:
                    part = automaton.find_matches_as_indexes(hay, overlapping=overlapping)
                    found += [(index[w], start, end) for w, start, end in part]
        else:
            automaton, lead = _automaton(words)
            hay = self.text if case else self.low
            found = automaton.find_matches_as_indexes(hay if whole else hay[lo:hi], overlapping=overlapping)
        return found, lead

    def _chunks(self, words: tuple[str, ...]) -> list[tuple[int, int | None]]:
        """Spans of ~_CHUNK_CHARS each, for words that hold no newline: a text of a million "|"
        holds one span's matches at a time, not a million tuples at once. A span ends at a
        newline where one comes within twice that (no match crosses it, and the automaton starts
        the next span at a line start as it would have reached it); a longer line is cut anywhere,
        the next span starting a word's length early, so that a match across the cut is found
        whole (found twice, its line is still one line)."""
        text = self.text
        if len(text) <= _CHUNK_CHARS or _spans_lines(words):
            return [(0, None)]
        back = max(map(len, words)) - 1
        spans: list[tuple[int, int | None]] = []
        lo = 0
        while lo + _CHUNK_CHARS < len(text):
            hi = text.find("\n", lo + _CHUNK_CHARS, lo + 2 * _CHUNK_CHARS)
            if hi != -1:
                spans.append((lo, hi))
                lo = hi
            else:
                hi = lo + 2 * _CHUNK_CHARS
                spans.append((lo, hi))
                lo = hi - back
        spans.append((lo, None))
        return spans

    def hits(self, words: tuple[str, ...], *, case: bool = False) -> set[int]:
        # Lines, not occurrences, are asked for: where no word spans a newline, an occurrence a
        # reported match overlaps lies on that match's line, and runs ("=====", "-----") are one
        # match each instead of one per character.
        overlapping = _spans_lines(words)
        starts = self.starts
        lines: set[int] = set()
        if len(words) <= _FEW_WORDS and not overlapping and (not self.text.isascii() or min(map(len, words)) == 1):
            # A few words: a C-level find per word and line that holds one, not a match per
            # occurrence (a table's "|" a hundred times a row). Each word's next place is kept
            # until passed, so each word's finds scan the text once. Not for words of two
            # characters or more in ASCII text: the bytes automaton skips to their first bytes
            # with memchr where str.find of an absent word reads every character (~35 µs per
            # 50 KB and word), and such words are no table's hundred marks a row.
            hay = self.text if case else self.low
            ahead = [hay.find(w) for w in words]
            while True:
                pos = min((p for p in ahead if p != -1), default=-1)
                if pos == -1:
                    return lines
                line = bisect_right(starts, pos) - 1
                lines.add(line)
                if line + 1 == len(starts):
                    return lines
                end = starts[line + 1]
                ahead = [p if p == -1 or p >= end else hay.find(w, end) for w, p in zip(words, ahead)]
        for lo, hi in self._chunks(words):
            found, lead = self._matches(words, case, overlapping, lo, hi)
            lines.update(bisect_right(starts, lo + start + lead[w]) - 1 for w, start, _ in found)
        return lines

    def word_starts(self, words: tuple[str, ...], *, case: bool = False) -> list[int] | None:
        """Where in self.text each occurrence of `words` that overlaps no earlier one starts, in
        one pass; None for a text of more than one span (its matches are not gathered at once:
        a text of a million words would be a million matches)."""
        if len(self._chunks(words)) > 1:
            return None
        return [start for _, start, _ in self._matches(words, case, False)[0]]

    def holds(self, word: str) -> bool:
        """Whether self.text holds `word` (with case): found by the automaton (~1 µs per 50 KB), so
        that a pattern which needs the word is not scanned for where it is not."""
        return next(self.occurrences(word), None) is not None

    def occurrences(self, word: str, *, case: bool = True) -> Iterator[int]:
        """Where `word` starts in self.text (in self.low without `case`), every place in order, as
        str.find from each place + 1 gives them. In ASCII text found by an automaton that skips
        with memchr, a window at a time (a str.find of a word that is not there reads the whole
        text: ~10-30 µs per 50 KB); a window doubling each time lets a caller stop early."""
        raw = self._ascii
        if raw is None:
            hay = self.text if case else self.low
            at = hay.find(word)
            while at != -1:
                yield at
                at = hay.find(word, at + 1)
            return
        yield from windowed_matches(word_automaton(word), raw if case else self._ascii_low, len(word) - 1, overlapping=True)

    def word_lines(self, words: tuple[str, ...], *, case: bool = False) -> list[tuple[int, int]]:
        """(word index, line) of the occurrences, each pair once, in the order first found: what
        `hits` gives, for several lists of words searched in one pass."""
        starts = self.starts
        pairs: dict[tuple[int, int], None] = {}
        for lo, hi in self._chunks(words):
            found, lead = self._matches(words, case, True, lo, hi)
            pairs.update(dict.fromkeys((w, bisect_right(starts, lo + start + lead[w]) - 1) for w, start, _ in found))
        return list(pairs)

    def where(self, check: re.Pattern[str], words: tuple[str, ...] = (), probe: re.Pattern[str] | None = None) -> list[int]:
        """Lines that `check` matches at their start, looked at only where one of `words`, or a
        match of `probe`, is found (a pattern that starts with a literal is scanned in C; one
        anchored at every line start is not)."""
        found = self.hits(words, case=True) if words else set()
        if probe is not None:
            starts = self.starts
            found.update(bisect_right(starts, m.start()) - 1 for m in probe.finditer(self.text, 1))
        hit = sorted(found)
        return list(compress(hit, map(check.match, map(self.lines.__getitem__, hit))))  # C-level

    def line_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1


def count_matches(pattern: re.Pattern[str], lines: list[str]) -> int:
    """How many of `lines` `pattern` matches at their start: a C-level map (a generator that
    counts costs ~50 ns a line more), for the detectors that judge a sample of lines."""
    return len(lines) - list(map(pattern.match, lines)).count(None)


_CHUNK = 8
# Matches are gathered a span of this many characters at a time (LineIndex._chunks).
_CHUNK_CHARS = 1 << 16
_FEW_WORDS = 3  # LineIndex.hits finds up to this many words line by line


def matches_at_least(pattern: re.Pattern[str], lines: list[str], need: float) -> bool:
    """count_matches(pattern, lines) >= need, decided as soon as it can be, a few lines at a
    time: most texts are ruled out by their first lines."""
    found, left = 0, len(lines)
    for k in range(0, len(lines), _CHUNK):
        part = lines[k : k + _CHUNK]
        found += count_matches(pattern, part)
        left -= len(part)
        if found >= need or found + left < need:
            break
    return found >= need


_ZERO_DIGITS = bytes.maketrans(b"123456789", b"000000000")


def zero_digits(text: str) -> str:
    """`text` with every ASCII digit made "0" (lines of one template then read alike). Through
    UTF-8, where no byte of another character is a digit: str.translate looks every character of
    a text that is not ASCII up in a dict (~40x slower)."""
    return text.encode("utf-8", "surrogatepass").translate(_ZERO_DIGITS).decode("utf-8", "surrogatepass")


_CAPS_DIGITS = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", b"A" * 26 + b"0" * 10)


def windowed_matches(automaton: BytesAhoCorasick, raw: bytes, reach: int, *, overlapping: bool = False) -> Iterator[int]:
    """Where the automaton matches in raw, in order, a window at a time: it lists every match of
    what it is given, so a window doubling each time lets a caller stop at the first ones.
    `reach`: the longest match's length less one, by which windows overlap (a match across a
    window's end is found in the next; one of several lengths may then be given twice)."""
    view = memoryview(raw)
    lo, size = 0, 1 << 14
    while True:
        hi = lo + size
        for _, start, _ in automaton.find_matches_as_indexes(view[lo:hi], overlapping=overlapping):
            yield lo + start
        if hi >= len(view):
            return
        lo, size = hi - reach, size * 2


@lru_cache(maxsize=64)
def word_automaton(word: str) -> BytesAhoCorasick:
    """One word's bytes automaton (for windowed_matches), built once a process."""
    return BytesAhoCorasick([word.encode("utf-8")], implementation=Implementation.DFA)


@lru_cache(maxsize=64)
def _spans_lines(words: tuple[str, ...]) -> bool:
    return any("\n" in w for w in words)


@lru_cache(maxsize=64)
def _automaton(words: tuple[str, ...]) -> tuple[AhoCorasick, tuple[int, ...]]:
    """All of `words` found in one pass over the text (str.find per word scanned it once per
    word: ~10x slower on a 50 KB output), and for each word, 1 when it starts with the newline
    that begins its line. A DFA: built once per list of words, it scans a text ~1.5x faster than
    the default for a list of hundreds (lines.candidates': ~155 µs per 50 KB, not ~220)."""
    return AhoCorasick(words, implementation=Implementation.DFA), _leads(words)


def _leads(words: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(1 if w.startswith("\n") else 0 for w in words)


@lru_cache(maxsize=64)
def _bytes_automata(
    words: tuple[str, ...],
) -> tuple[tuple[tuple[BytesAhoCorasick, tuple[int, ...]], ...], tuple[int, ...]]:
    """_automaton for ASCII text as bytes (a word that is not ASCII is never found there): one
    automaton, or up to three (each with its words' indexes in `words`) when that lets each see
    its words start with at most three distinct bytes: it then skips to them with memchr (a
    banner probe's pass over 50 KB: ~85 µs in one, ~17 µs in three)."""
    encoded = [w.encode("utf-8") for w in words]
    firsts = list(dict.fromkeys(w[:1] for w in encoded))
    parts = [firsts] if len(firsts) <= 3 or len(firsts) > 9 else [firsts[k : k + 3] for k in range(0, len(firsts), 3)]
    groups = []
    for part in parts:
        index = tuple(i for i, w in enumerate(encoded) if w[:1] in part)
        groups.append((BytesAhoCorasick([encoded[i] for i in index], implementation=Implementation.DFA), index))
    return tuple(groups), _leads(words)  # not _automaton's: ASCII text never needs the str one built
