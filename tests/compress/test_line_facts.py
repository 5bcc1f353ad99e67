"""The per-line facts of lines.py and documents.py that were split or pre-filtered for speed:
each form of the patterns they were made from still decides as before."""

from __future__ import annotations

import pytest

from headroom_mitm.compress import lines as ln

SUMMARIES = [
    "==== 3 passed in 0.1s ====",  # a banner, whole line
    "  Tests:  1 failed, 2 total",  # at the line's start, behind indentation
    "ok  \tpkg\t0.01s",
    "make[2]: *** [all] Error 2",
    "ℹ tests 4",
    "error: could not compile `x`",
    "12 passed, 1 skipped",  # a count anywhere on the line
    "[x] 3 warnings emitted",
    "2 files changed, 3 insertions(+)",  # "files changed" behind its count
    "1 file left unchanged",
    "4 reformatted",
    "process exit code 1",  # words anywhere on the line
    "Exit Status 2",
    "Checked 12 files",
    "==12== LEAK SUMMARY:",
]
NOT_SUMMARIES = [
    "x ==== y ====",  # a banner not at the start
    "==== y ====\nmore",  # `$` before the final newline only
    "the tests are fine",
    "12 passedx",  # a count's word ends at a word boundary
    "exit now",
    "checked out",
    "presummary: x",  # "summary:" starts a word
    "adduser/oldstable,now 3.134 all [installed,automatic]",
]


@pytest.mark.parametrize("line", SUMMARIES)
def test_summary_lines_are_summaries(line: str) -> None:
    assert ln.is_summary(line)


@pytest.mark.parametrize("line", NOT_SUMMARIES)
def test_other_lines_are_not_summaries(line: str) -> None:
    assert not ln.is_summary(line)


def test_summary_is_judged_on_the_first_400_characters() -> None:
    assert not ln.is_summary("x" * 400 + " 3 passed")
    assert ln.is_summary("x" * 390 + " 3 passed")
