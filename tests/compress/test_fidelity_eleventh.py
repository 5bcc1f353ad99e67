"""Fidelity rules of issue #11's eleventh pass, found on tuning items and on chained outputs:
each test names the rule, holds for outputs never seen, and fails without it."""

from __future__ import annotations

import json
from pathlib import Path

from headroom_mitm.compress import segments, severities
from headroom_mitm.compress.lineindex import LineIndex
from tests.compress.support import cut

CORPUS = Path(__file__).resolve().parents[2] / "scripts" / "corpus" / "data"


def test_a_passing_verdict_rules_over_the_words_of_the_test_name() -> None:
    # go test -v names tests after what they check ("TestReaderClearError"); jest and mocha
    # print what a test should do ("✓ throws an error on empty input"). Passing, they are the
    # first lines to go, whatever their names say.
    lines = [
        "--- PASS: TestReaderClearError (0.00s)",
        "✓ throws an error on empty input (3 ms)",
        "tests/test_io.py::test_read_error_is_raised PASSED",
        "test_decode_error (test.test_codecs.Test) ... ok",
        "ok 12 - rejects a malformed header with an error",
        "--- FAIL: TestWriterError (0.00s)",
        "FAILED tests/test_io.py::test_error - ValueError: bad",
        "Tests: 1 failed, 12 passed",
    ]
    text = "\n".join(lines)
    sev, passing = severities.severities(lines, LineIndex(text))
    assert set(range(5)) <= passing and not set(range(5)) & sev.keys()
    # A failure, or a count of failures beside the passes, still says something failed.
    assert {5, 6, 7} <= sev.keys() and not {5, 6, 7} & passing


def test_a_run_then_paths_is_two_outputs() -> None:
    # `ps aux; rg -l dataclass`: the table's rows and the list of files both open with a small
    # letter, but a row's first cell ends in a run of spaces and a path has none.
    rows = [f"{user:<8} {1000 + k:>6}  0.{k % 10}  0.1 123456  7890 ?        S    07:27   0:00 /usr/bin/worker-{k}"
            for k, user in enumerate(["root", "www-data", "postgres", "redis"] * 6)]
    paths = [f"{pkg}/anyio/{name}.py" for pkg in ("py", "lib") for name in
             ("itertools", "streams/memory", "streams/buffered", "streams/text", "streams/stapled",
              "abc/sockets", "abc/tasks", "from_thread", "lowlevel", "pytest_plugin", "to_thread", "_core/_eventloop")]
    lines = ["USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND", *rows, *paths]
    assert segments.shifts(lines) == [len(rows) + 1]


def test_a_listing_of_no_shape_beside_a_run_stays_whole() -> None:
    # `ls -lR && python manage.py test`: a listing of small directories is of no line-oriented
    # shape, sent whole alone, and so as a part; the run beside it is cut as alone.
    # A real `ls -lR` of a small project (the corpus's): its directories' "dir:" and "total" lines
    # are too many for a table.
    items = json.loads((CORPUS / "wide9a.json").read_text())["items"]
    listing = next(it["text"] for it in items if it["id"] == "wide9a-ls-lR-express-lib-qs").rstrip("\n").split("\n")
    run = ["Found 301 test(s).", "Creating test database for alias 'default'..."]
    run += [f"test_view_{k:02d} (clinic.tests.ViewTests.test_view_{k:02d}) ... ok" for k in range(300)]
    run += ["======================================================================",
            "FAIL: test_booking (clinic.tests.BookingTests.test_booking)",
            "----------------------------------------------------------------------",
            "Traceback (most recent call last):",
            '  File "/srv/clinic/tests.py", line 41, in test_booking',
            "    self.assertEqual(slot.status, 'booked')",
            "AssertionError: 'free' != 'booked'",
            "----------------------------------------------------------------------",
            "Ran 301 tests in 0.412s", "", "FAILED (failures=1)"]
    out = cut("\n".join(listing + run) + "\n").split("\n")
    assert all(x in out for x in listing if x)
    assert "AssertionError: 'free' != 'booked'" in out and "FAILED (failures=1)" in out
