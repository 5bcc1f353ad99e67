"""Fidelity rules of issue #11's eleventh pass, found on tuning items and on chained outputs:
each test names the rule, holds for outputs never seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress import segments, severities
from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.lines import FAIL, severity
from tests.compress.support import corpus_text, cut


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
    # `cargo test; find . -name '*.py'`: "test roman_1999 ... ok" and "networkx/algorithms/dag.py" both
    # open with a letter, but a path is a line of one word.
    tests = [f"test roman_{k} ... ok" for k in range(20)] + ["", "test result: ok. 20 passed; 0 failed", ""]
    assert segments.shifts(tests + paths) == [len(tests)]


def test_a_listing_of_no_shape_beside_a_run_stays_whole() -> None:
    # `ls -lR && python manage.py test`: a listing of small directories is of no line-oriented
    # shape, sent whole alone, and so as a part; the run beside it is cut as alone.
    # A real `ls -lR` of a small project (the corpus's): its directories' "dir:" and "total" lines
    # are too many for a table.
    listing = corpus_text("wide9a", "wide9a-ls-lR-express-lib-qs").rstrip("\n").split("\n")
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


def test_a_category_with_one_value_most_rows_hold_keeps_its_rare_values() -> None:
    # A commit table cut by `| tail` (no header): one author wrote most rows; 25 others a few
    # each, too many values for a category by count alone, but beside a value most rows hold
    # they are one: an author of one or two rows is a row unlike the others.
    others = [f"Dev{chr(65 + k)}{chr(97 + k)} Smith" for k in range(25)]
    rows = []
    for k in range(470):
        author = others[k // 5 % 25] if k % 5 == 0 else "Hsiaoming Yang"
        rows.append(f"2024-{1 + k % 12:02d}-{1 + k % 28:02d},{k * 7919 % 16**7:07x},\"{author}\",src/mod{k % 40}.py,{k % 50},{k % 13}")
    for k in (121, 311):  # rows like the others but for an author of one row
        rows[k] = rows[k].replace("Hsiaoming Yang", f"Once{k} Only")
    rare = [rows[121], rows[311]]
    text = "\n".join(rows) + "\n"
    out = cut(text).split("\n")
    assert all(r in out for r in rare)


def test_a_listing_cut_by_tail_keeps_its_directories() -> None:
    # `ls -lR /usr/share/perl5 | tail -n 250`: many small directories, each a "dir:" and a "total"
    # line over a row or two; cut by `| tail` the listing opens mid-directory. Its directory
    # headers are its structure, not lines of another shape among the rows: it stays a table.
    lines = [f"-rw-r--r-- 1 root root {200 + k * 37:>5} Jan  8  2023 Part{k}.pm" for k in range(9)]
    headers = []
    for d in range(40):
        headers.append(f"/usr/share/perl5/Lib{d // 4}/Sub{d}:")
        lines += ["", headers[-1], f"total {4 * (d % 5 + 1)}"]
        lines += [f"-rw-r--r-- 1 root root {300 + d * 53 + k:>5} Jan  8  2023 {name}.pm"
                  for k, name in enumerate(("Client", "Template", "Element")[: 1 + d % 3])]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(h in out for h in headers)


def test_a_logs_records_of_a_few_kinds_keep_every_event() -> None:
    # `tail -n 600 /var/log/dpkg.log`: most records are dpkg's state changes ("status unpacked",
    # "status installed"); the install, configure and trigproc records are what happened. A log
    # of a few kinds of records keeps every record of the kinds most records are not (to a fifth
    # of its rows), not only the kinds seen once or twice.
    lines, installs = [], []
    for k in range(60):
        t = f"2026-12-01 04:{k // 6:02d}:{k % 60:02d}"
        pkg, ver = f"lib{k:02d}-java:all", f"1.{k}.0-1"
        installs.append(f"{t} install {pkg} <none> {ver}")
        lines += [installs[-1], f"{t} status half-installed {pkg} {ver}", f"{t} status unpacked {pkg} {ver}"]
        lines += [f"{t} status unpacked {pkg} {ver}", f"{t} status half-configured {pkg} {ver}",
                  f"{t} status installed {pkg} {ver}", f"{t} status installed {pkg} {ver}"]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in installs)


def test_a_finding_placed_by_its_line_alone_under_its_files_header() -> None:
    # pydoclint prints each file's path, then its findings placed by line alone ("    16: DOC109: …"):
    # findings of their file, one of each (code, file) kept, not lines of one long run.
    lines = ["Skipping files that match this pattern: \\.git|\\.tox"]
    firsts = []
    for f in range(30):
        lines += ["", f"shop/zones/zone{f:02d}.py"]
        for fn in range(4):
            for code, msg in (("DOC109", "there are no type hints in the docstring arg list"),
                              ("DOC110", "not all args in the docstring arg list have type hints"),
                              ("DOC203", "return type(s) in docstring not consistent with the return annotation")):
                lines.append(f"    {16 + 12 * fn}: {code}: Function `zone{f}_f{fn}`: {msg}")
                if fn == 0 and code == "DOC109":
                    firsts.append(lines[-1])
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in firsts)
    # A count before a code (ruff's `--statistics`) places nothing.
    assert not severities._PLACED_CODE.match("   12\tF401\t[*] unused-import")


def test_a_failures_title_between_rules_and_its_labelled_values() -> None:
    # Catch2 prints each failing test case's name (and section) between two rules, then the place
    # and each failed check: "x.cc:13: FAILED:", the check, "with expansion:", the values compared.
    rule, dots = "-" * 79, "." * 79
    lines = ["", "~" * 79, "ring_catch is a Catch v2.13.10 host application.", "Run with -? for options", ""]
    titles, values = [], []
    for k in range(40):
        titles.append(f"ring of {2 + k % 4} after {1 + k % 9} pushes ({k})")
        values.append(f"  {k * 7 % 50} == {k * 11 % 50 + 1}")
        lines += [rule, titles[-1], "  oldest", rule, "ring_catch.cc:13", dots, "",
                  "ring_catch.cc:13: FAILED:", f"  CHECK( r.oldest() == {k * 11 % 50 + 1} )", "with expansion:",
                  values[-1], ""]
    lines += ["=" * 79, "test cases: 40 | 0 passed | 40 failed", "assertions: 80 | 40 passed | 40 failed", ""]
    out = cut("\n".join(lines)).split("\n")
    assert all(t in out for t in titles) and all(v in out for v in values)


def test_a_deadlock_is_a_failure() -> None:
    # jstack's "Found one Java-level deadlock:" heads what the dump is about; Go's runtime says
    # "all goroutines are asleep - deadlock!".
    assert severity("Found one Java-level deadlock:") == FAIL
    assert severity("Found 2 deadlocked threads") == FAIL


def test_a_count_of_nothing_does_not_hide_the_failures_beside_it() -> None:
    # Surefire: "Errors: 0" says no test erred; "Failures: 8" and "<<< FAILURE!" on the same line
    # still say tests failed. A line whose every failure count is 0 reports nothing.
    assert severity("Tests run: 15, Failures: 8, Errors: 0, Skipped: 0, Time elapsed: 0.099 s <<< FAILURE! -- in depot.T3") == FAIL
    assert severity("Ran 3 tests: 0 failures, 1 error") == FAIL
    assert severity("Tests run: 5, Failures: 0, Errors: 0, Skipped: 0") is None
    assert severity("no errors found") is None
