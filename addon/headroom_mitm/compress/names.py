"""A few lines of one template, each naming a different thing: alembic's `Running upgrade A -> B`,
`find library=libssl.so.3` and `calling init: /lib/…/libz.so.1` of `LD_DEBUG=libs`. A template
repeated with only numbers, stamps or durations varying is noise (the middle of it goes first);
one whose instances differ by a name, and are few, is content: each says what was done to what.

A line's template is what it prints before its first name: a token with a letter that the text
prints at most a few times (numbers, durations and addresses are no names; digits are zeroed in
the template). Its lines are instances to keep when they are few, and three in four name another
thing also with their digits zeroed (`src/mod01.c`, `case_7`: a numbered series is a repeat; two
databases' `template0.pg_proc` and `template1.pg_proc` among tables named once are not). A template
whose fixed part holds a number after a word (a table's rows: `ls -l`, `ps`), a source excerpt
and a place are not this kind; a template of many instances (a log of 5,000 request
paths) is sampled as before, and so are all past the first few dozen kept this way."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from .lineindex import LineIndex, zero_digits
from .lines import GUTTER, has_location

_TOKEN = re.compile(r"[\w.@/+-]+")  # a template's words and numbers
# No name: a number with a unit or a percent ("18ms", "62M", "1.2s"), an address, "v2", in
# brackets or quotes or before a comma.
# A run of digits and their punctuation that holds a digit is read as the marks before its first
# digit, then the rest, possessively: "[\d.,:+-]*\d[\d.,:+-]*" split a long run (a stamp) at every
# digit in turn before a letter after it failed it (~3x slower on a log's tokens). Only whether it
# matches whole is asked: the same tokens match.
_NUMBERISH = re.compile(r"\W*(?:[.,:+-]*+\d[\d.,:+-]*+[A-Za-z]{0,3}%?|0x[0-9a-fA-F]+|[A-Za-z]\d+)\W*")
_LETTER = re.compile(r"[A-Za-z]")
_WORD = re.compile(r"[A-Za-z]{2}")
_ZONE = re.compile(r"[A-Z]{3,4}")  # a time zone's abbreviation in a stamp
_RARE = 3  # a name is printed at most this many times (a target: invoked, executed, copied)
_MIN = 3  # fewer instances are no template
_MAX = 32  # more are a stream to sample, not a list of things
_TOTAL = 96  # the lines kept this way in one text at most


def _wordy(head: str) -> bool:
    """Whether a template's fixed part is words after what stamps it (a pid, a time): a number
    after a word is a row's cell (`-rw-r--r-- root 14385 path`, `ps`, a polars frame)."""
    words = 0
    stamp = False  # the previous token a number of the stamp: capitals after it are its zone ("UTC")
    for tok in _TOKEN.findall(head):
        if _NUMBERISH.fullmatch(tok):
            if words:
                return False
            stamp = True
        elif stamp and not words and _ZONE.fullmatch(tok):
            continue  # postgres' "2026-12-01 13:36:44.347 UTC [29270] LOG:  automatic analyze of table …"
        elif _WORD.search(tok):
            words += 1
            stamp = False
    return words >= 2  # one word is a statement's ("return", "case"), not a template's


def named_instances(index: LineIndex, shapes: list[str], skip: Collection[int] = ()) -> list[int]:
    """The lines (but those in `skip`) of the templates whose few instances each name another
    thing; `shapes`: the lines with their digits zeroed."""
    lines = index.lines
    # Tokens apart by whitespace (a third of a pattern's cost), counted over the text at once (a
    # newline is whitespace too): a list of every line's tokens costs ~60 bytes a line, 30 times
    # a text of one-character lines.
    counts = Counter(index.text.split())
    rare = counts.__getitem__
    groups: dict[str, list[tuple[int, str]]] = {}
    for i, toks in enumerate(map(str.split, lines)):
        # A template's words, then a name: most lines (no rare token after their first) are
        # none, told at C speed.
        if len(toks) < 2 or min(map(rare, toks[1:])) > _RARE:
            continue
        for k, tok in enumerate(toks):
            if rare(tok) <= _RARE and _LETTER.search(tok) and not _NUMBERISH.fullmatch(tok):
                if k:
                    key, _, name = tok.rpartition("=")  # "library=libc.so.6": the key is the template's
                    groups.setdefault(" ".join((*shapes[i].split()[:k], zero_digits(key))), []).append((i, name))
                break
    found: list[int] = []
    kept = 0
    for head, members in groups.items():
        if not _MIN <= len(members) <= _MAX or not _wordy(head):
            continue
        if 4 * len({zero_digits(tok) for _, tok in members}) < 3 * len(members):
            continue  # names printed twice, or that differ by their digits alone (a numbered series)
        if any(has_location(lines[i]) or GUTTER.match(lines[i]) for i, _ in members):
            continue
        if kept + len(members) > _TOTAL:
            break
        kept += len(members)
        found += (i for i, _ in members if i not in skip)
    return found
