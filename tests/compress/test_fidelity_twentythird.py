"""Fidelity rules of issue #11's twenty-third pass: each test names the rule, holds for outputs never
seen, and fails without it; one guard (a references list alone makes no page) fails if the rule
reaches too far."""

from __future__ import annotations

import re

from headroom_mitm.compress.lines import FAIL, severity
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


def test_tests_skipped_by_the_runners_filter_go_with_the_passes_when_one_fails() -> None:
    # node --test with --test-name-pattern: TAP reports each filtered-out test as passed and
    # skipped ("ok 7 - x # SKIP …"); they say nothing about the one that failed.
    out = ["TAP version 13", "# Subtest: settings"]
    for k in range(1, 301):
        name = f"case {k:03d}"
        if k == 150:
            out += [f"    # Subtest: {name}", f"    not ok {k} - {name}", "      ---", "      duration_ms: 3.4",
                    "      location: '/srv/app/spec/settings.test.mjs:28:5'", "      failureType: 'testCodeFailure'",
                    "      error: 'Expected values to be strictly equal:\\n\\n1 !== 2\\n'", "      ..."]
        else:
            out += [f"    # Subtest: {name}", f"    ok {k} - {name} # SKIP test name does not match pattern",
                    "      ---", f"      duration_ms: 0.{k:04d}", "      ..."]
    out += ["1..300", "# tests 300", "# suites 1", "# pass 0", "# fail 1", "# skipped 299"]
    text = "\n".join(out) + "\n"
    kept = sent(text)
    assert "    not ok 150 - case 150" in kept and "# fail 1" in kept
    assert "      location: '/srv/app/spec/settings.test.mjs:28:5'" in kept
    assert len(kept) < len(text) / 3


def test_a_field_repeated_under_each_failure_of_a_tap_run_goes_with_the_copies() -> None:
    # node --test's TAP: each failure's YAML block repeats "code: 'ERR_ASSERTION'" and "name:
    # 'AssertionError'" over the same runner frames; the failing tests' own lines say which is which.
    text = corpus_text("wide198", "wide198-node-test-shortlink-spec")
    kept = sent(text)
    failing = [line for line in text.split("\n") if line.lstrip().startswith("not ok ")]
    assert len(failing) > 40 and all(line in kept for line in failing)
    assert text.count("name: 'AssertionError'") > 40 and kept.count("name: 'AssertionError'") < 10


def test_a_web_page_rendered_by_a_text_mode_browser_is_a_document_and_is_not_cut() -> None:
    # lynx and ELinks `-dump`: links marked [N] in the text, listed under "References" at the end.
    for source, item in (("wide270", "wide270-elinks-dump-manual"), ("wide270", "wide270-lynx-dump-w3m-manual-full")):
        text = corpus_text(source, item)
        assert "\nReferences\n" in text
        assert sent(text).rstrip() == text.rstrip(), item


def test_a_list_of_references_alone_does_not_make_a_page() -> None:
    # A log that ends in a numbered list of URLs, with no link marks in its text, is still a log.
    log = [f"2025-06-01T10:{k // 60:02d}:{k % 60:02d}Z INFO fetched page {k} in {k % 7}ms" for k in range(600)]
    log[300] = "2025-06-01T10:05:00Z ERROR fetch failed: connection reset by peer"
    text = "\n".join(log + ["", "References", ""] + [f"   {k}. https://example.org/p/{k}" for k in range(1, 6)]) + "\n"
    kept = sent(text)
    assert len(kept) < len(text) / 2 and log[300] in kept


def test_a_rendered_documents_numbered_headings_stay_when_its_lines_are_cut() -> None:
    # links -dump of a manual, cut by head: no References list, so it is cut as lines; its numbered
    # headings ("2.1. NAME", "3.4.2. BZ2_bzRead") are its outline and stay.
    text = corpus_text("wide288", "wide288-links-dump-bzip2-head-400")
    lines = text.split("\n")
    headings = [lines[i] for i in range(1, len(lines) - 1)
                if not lines[i - 1] and not lines[i + 1] and re.fullmatch(r"\s*\d+(?:\.\d+)*\.? [A-Z].*", lines[i])]
    kept = sent(text)
    assert len(kept) < len(text) * 0.8 and len(headings) > 40
    assert all(line in kept for line in headings)


def test_a_check_word_in_lines_a_logger_filed_below_warning_is_traffic_not_a_failure() -> None:
    # "INFO … gate 5 passed lot 420: 522 spools of linen, reject 9%" on every line: the logger said
    # how it went; the ERROR lines are the failures, and they stay.
    text = corpus_text("wide291", "wide291-app-log-spoolgate-tail-750")
    errors = [line for line in text.split("\n") if " ERROR " in line]
    assert severity("2026-12-01 10:22:30,378 INFO spoolgate.gate [9131] gate 5 passed lot 420, reject 9%") != FAIL
    assert severity("2026-12-01 10:22:31,002 ERROR spoolgate.gate [9131] lot 421 rejected: spindle seized") == FAIL
    assert severity("550 5.1.1 <nobody@example.lan>: Recipient address rejected") == FAIL
    kept = sent(text)
    assert len(errors) >= 5 and all(line in kept for line in errors)
    assert len(kept) < len(text) / 2
