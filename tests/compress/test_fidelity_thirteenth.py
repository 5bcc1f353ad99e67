"""Fidelity rules of issue #11's thirteenth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.select import render
from headroom_mitm.compress.transforms import gap_marker
from headroom_mitm.compress.settings import CompressionSettings

S = CompressionSettings()


def test_a_rule_of_one_repeated_character_is_cheaper_than_a_marker() -> None:
    # Catch2 and many reporters rule their sections with 79 dashes, dots or tildes: cl100k reads
    # such a run as 2-6 tokens, a marker costs ~26. A gap of one rule is shown as it is.
    for ch in "-.~=_*#":
        rule = ch * 79
        lines = ["ring of 3 after 4 pushes", rule, "ring_catch.cc:13: FAILED:", "  CHECK( r.oldest() == 45 )"]
        out, elided = render(lines, bytearray([1, 0, 1, 1]), gap_marker("x", "hr_0123456789abcdef", S))
        assert not elided and out.split("\n") == lines, ch
    # A gap of words as long is still worth its marker.
    words = " ".join(f"word{k} value{k}" for k in range(8))
    out, elided = render(["a", words, "b"], bytearray([1, 0, 1]), gap_marker("x", "hr_0123456789abcdef", S))
    assert elided and words not in out
