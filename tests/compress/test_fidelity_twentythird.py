"""Fidelity rules of issue #11's twenty-third pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from tests.compress.support import corpus_text, sent


def test_a_failure_that_names_only_its_subject_keeps_the_reason_printed_over_it() -> None:
    # pngcheck prints why a file failed on one line ("x.png  EOF while reading IDAT data"), with no
    # level word, then "ERROR: x.png": the verdict alone does not say what is wrong.
    text = corpus_text("wide260", "wide260-pngcheck-all-intake-exit")
    lines = text.split("\n")
    reasons = [lines[i - 1] for i, line in enumerate(lines) if line.startswith("ERROR: ") and line[7:] in lines[i - 1]]
    kept = sent(text)
    assert len(kept) < len(text) * 0.8 and len(reasons) > 40
    assert all(reason in kept for reason in reasons)
