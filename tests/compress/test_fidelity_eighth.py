"""Fidelity rules of issue #11's eighth pass, found on rounds 14 and 17's tuning items: each test
names the rule, holds for outputs never seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress import lines as ln
from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress import severities
from tests.compress.support import cut


def test_a_files_name_says_nothing_of_how_things_went() -> None:
    # parso's "normalizer_issue_files/", a test module named for what it tests: the level is in
    # the message, never in the path or the test's id.
    assert ln.severity("test/normalizer_issue_files/E101.py:8:5: F821 undefined name 'x'") is None
    assert ln.severity("tests/test_error.py::test_error_paths PASSED [ 50%]") is None
    assert ln.severity("/var/log/app/error.log") is None
    assert ln.severity("src/issue_tracker.py:3:1: error: Name 'y' is not defined") == ln.FAIL
    assert ln.severity("FAILED tests/test_ok.py::test_a - AssertionError: 1 != 2") == ln.FAIL
    assert ln.severity("lib/errors.js:12:3: warning: unused variable") == ln.WARN
    assert ln.severity("java.lang.NullPointerException: boom") == ln.FAIL
    text = "\n".join(["tests/test_error.py::test_error_paths PASSED [ 50%]",
                      "tests/test_error.py::test_raise FAILED [100%]"])
    sev, passing = severities.severities(text.split("\n"), LineIndex(text))
    assert passing == {0} and sev == {1: ln.FAIL}


def test_flake8s_error_and_pyflakes_codes_are_error_level() -> None:
    # flake8 over a package: hundreds of F821 (a NameError when the line runs) and E findings in
    # a few files, W findings beside them. pycodestyle's E codes are its errors, pyflakes' F codes
    # its errors: each stays; the W codes are warnings, one of each (code, file) enough.
    lines = []
    for f in range(4):
        for k in range(60):
            if k % 3 == 0:
                lines.append(f"test/normalizer_issue_files/E1{f}.py:{k + 3}:5: F821 undefined name 'x{k % 7}'")
            lines.append(f"test/normalizer_issue_files/E1{f}.py:{k + 3}:1: W191 indentation contains tabs")
            if k % 5 == 0:
                lines.append(f"test/normalizer_issue_files/E1{f}.py:{k + 3}:9: E225 missing whitespace around operator")
    out = cut("\n".join(lines) + "\n").split("\n")
    kept = set(out)
    assert [x for x in lines if " F821 " in x or " E225 " in x] == [x for x in lines if x in kept and " W191 " not in x]
    assert sum(" W191 " in x for x in out) < 60
    assert any("W191 ×" in x for x in out)


def test_pytests_slowest_and_fastest_durations_stay() -> None:
    # `pytest --durations=15` after failures (cachetools, a real run): its rows lead with the
    # duration, under a run whose closing "in 0.58s" is longer than any of them. The slowest and
    # the fastest row stay (of equal fastest, the last).
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "pytest-durations.txt").read_text()
    lines = text.split("\n")
    rows = lines[lines.index(next(x for x in lines if "slowest 15 durations" in x)) + 1 :][:15]
    assert rows[0].startswith("0.20s") and rows[-1].startswith("0.00s")
    out = cut(text).split("\n")
    assert rows[0] in out and rows[-1] in out


def test_phps_built_in_server_errors_stay() -> None:
    # `php -S 127.0.0.1:8080` under load: the status is printed before the request; the one 500
    # and the one 404 among hundreds of 200s are the log's errors.
    lines = []
    for k in range(300):
        stamp = f"[Mon Nov 30 20:{k // 60:02d}:{k % 60:02d} 2026]"
        status = {117: 500, 233: 404}.get(k, 200)
        lines += [f"{stamp} 127.0.0.1:{41000 + k} Accepted",
                  f"{stamp} 127.0.0.1:{41000 + k} [{status}]: {'POST' if k % 3 else 'GET'} /api/items/{k * 7 % 50}",
                  f"{stamp} 127.0.0.1:{41000 + k} Closing"]
    out = cut("\n".join(lines) + "\n").split("\n")
    errors = [x for x in lines if "[500]" in x or "[404]" in x]
    assert len(errors) == 2 and all(x in out for x in errors)


def test_a_rare_field_value_among_blocks_stays_with_what_it_is_about() -> None:
    # `npm audit`: one advisory a block, shaped differently (a fix line or none, "Depends on"
    # blocks without a severity); the one "Severity: critical" among lows and moderates stays with
    # the package it is about.
    lines = ["# npm audit report", ""]
    for k in range(40):
        sev = "critical" if k == 23 else ("moderate", "low", "moderate")[k % 3]
        lines += [f"pkg-{k}  <{k}.2.1", f"Severity: {sev}",
                  f"Prototype Pollution in pkg-{k} - https://github.com/advisories/GHSA-{k:04x}-{k * 7:04x}-{k * 13:04x}"]
        lines += ["fix available via `npm audit fix`"] if k % 4 else ["No fix available"]
        lines += [f"node_modules/pkg-{k}", ""]
        if k % 5 == 0:
            lines += [f"dependent-{k}  *", f"Depends on vulnerable versions of pkg-{k}", f"node_modules/dependent-{k}", ""]
    lines += ["48 vulnerabilities (13 low, 34 moderate, 1 critical)", "", "To address all issues, run:", "  npm audit fix"]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert "pkg-23  <23.2.1" in out and "Severity: critical" in out


def test_each_failing_jest_tests_place_stays_under_its_diff() -> None:
    # jest with sixty failing cases: each prints its place ("at Object.<anonymous> (file:line:col)")
    # a dozen lines under its header, past a diff whose "Expected" words read as failures.
    lines = []
    for k in range(60):
        lines += [f"  ● orders › pricing › case {k} rounds to cents", "", "    expect(received).toEqual(expected) // deep equality", "",
                  "    - Expected  - 1", "    + Received  + 1", "", "      Object {", f"    -   \"total\": {k}.05,", f"    +   \"total\": {k}.04,",
                  "      }", "", f"      {20 + k} |   it('case {k}', () => {{", f"    > {21 + k} |     expect(price({k})).toEqual({{ total: {k}.05 }});",
                  "         |                        ^", "", f"      at Object.<anonymous> (src/pricing.test.ts:{21 + k}:24)", ""]
    lines += ["Test Suites: 1 failed, 12 passed, 13 total", "Tests:       60 failed, 300 passed, 360 total"]
    out = cut("\n".join(lines) + "\n").split("\n")
    places = [x for x in lines if x.startswith("      at Object.<anonymous>")]
    assert len(places) == 60 and all(x in out for x in places)


def test_a_turkish_capital_i_does_not_shift_the_lines_words_are_found_on() -> None:
    # "İ".lower() is two characters: found in the lowered text, every later word's position
    # named the line after its own, and the failure line went unread.
    text = "\n".join(["İSTANBUL İZMİR İNEGÖL"] * 8 + ["fatal: connection refused"] + ["ok"] * 20)
    fail, _, _ = ln.candidates(LineIndex(text))
    assert fail == {8}


def test_a_log_that_opens_and_ends_with_a_bracket_is_read_as_lines() -> None:
    # rich's logging handler stamps each line "[11/30/26 10:00:01]"; the run ends on a pydantic
    # error's "[type=…, input_type=str]". It starts and ends like a JSON array but is none: it
    # is ranked as lines, the error kept, the INFO lines thinned.
    lines = [f"[11/30/26 10:00:{k % 60:02d}] INFO     processed batch {k} rows={100 + k}{' ' * 20}pipeline.py:{40 + k % 9}"
             for k in range(200)]
    lines += ["ValidationError: 1 validation error for Row", "price",
              "  Input should be a valid number [type=float_parsing, input_value='n/a', input_type=str]"]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert lines[-3] in out and lines[-1] in out


def test_go_test_json_keeps_each_failing_tests_messages() -> None:
    # `go test -json` of subtests: each case's messages are "output" records of that case as it
    # runs; the cases' "--- FAIL" lines and "fail" records come after all of them, when the parent
    # ends. 29 failing cases among 200, each message printed alike.
    def rec(action: str, test: str, output: str | None = None) -> str:
        out = f',"Output":"{output}\\n"' if output is not None else ""
        return f'{{"Time":"2026-12-01T00:08:17.3Z","Action":"{action}","Package":"example.com/ledger/money","Test":"{test}"{out}}}'

    cases = [f"TestSplit/case_{k}" for k in range(200)]
    failing = set(cases[3::7])
    lines = [rec("run", "TestSplit")]
    for t in cases:
        lines += [rec("run", t), rec("output", t, f"=== RUN   {t}")]
        if t in failing:
            lines += [rec("output", t, f"    money_test.go:31: Split({t[-3:]}, 3) sums to 9, want 10"),
                      rec("output", t, f"    money_test.go:34: Split({t[-3:]}, 3)[0] = 3, want 4")]
    for t in cases:
        verdict = "FAIL" if t in failing else "PASS"
        lines += [rec("output", t, f"    --- {verdict}: {t} (0.00s)"), rec(verdict.lower(), t)]
    lines += [rec("fail", "TestSplit"), '{"Time":"2026-12-01T00:08:17.4Z","Action":"fail","Package":"example.com/ledger/money","Elapsed":0.005}']
    out = cut("\n".join(lines) + "\n").split("\n")
    first = [x for x in lines if "sums to" in x]
    assert len(first) == 29 and all(x in out for x in first)


def test_a_phases_success_line_in_the_middle_stays() -> None:
    # `pip install -v` of several sdists: each builds in its own environment and says what it
    # installed there; the closing summary is not the only one. Eleven or more are a job's
    # progress ("Successfully processed chunk 12"), not phases' results.
    from headroom_mitm.compress.select import MUST, NORMAL
    from headroom_mitm.compress.verdicts import keep_phase_results

    lines = []
    for k, name in enumerate(["sqlparse", "h11", "jmespath", "xmltodict"]):
        lines += [f"Processing ./{name}-0.{k}.1", *[f"  Collecting dep{j}>=1.{j}" for j in range(20)],
                  "  Successfully installed packaging-26.4 setuptools-84.2.1 wheel-0.48.0", f"  Building wheel for {name}: started"]
    lines += ["Successfully installed h11-0.1.1 jmespath-0.2.1 sqlparse-0.0.1 xmltodict-0.3.1"]
    rank = [NORMAL] * len(lines)
    keep_phase_results(LineIndex("\n".join(lines)), rank)
    assert [x for x, r in zip(lines, rank) if r == MUST] == [x for x in lines if "Successfully" in x]
    progress = [f"Successfully processed chunk {k}" for k in range(11)]
    rank = [NORMAL] * len(progress)
    keep_phase_results(LineIndex("\n".join(progress)), rank)
    assert MUST not in rank


def test_npm_ls_all_keeps_the_direct_dependencies() -> None:
    # `npm ls --all` draws a package with dependencies as "├─┬ name@1.2.3": the tree is a tree,
    # and its first level, the project's direct dependencies, stays.
    lines = ["js@1.0.0 /tmp/js"]
    direct = []
    for d in range(12):
        last = d == 11
        direct.append(f"{'└' if last else '├'}─┬ pkg-{d}@{d}.1.0")
        rail = "  " if last else "│ "
        lines.append(direct[-1])
        for k in range(18):
            end = k == 17
            if k % 2 == 0:
                lines += [f"{rail}{'└' if end else '├'}─┬ dep-{d}-{k}@1.{k}.0", f"{rail}{'  ' if end else '│ '}└── leaf-{d}-{k}@0.{k}.1"]
            else:
                lines.append(f"{rail}{'└' if end else '├'}── dep-{d}-{k}@1.{k}.0{' deduped' if k % 5 == 0 else ''}")
        if d == 4:
            lines.insert(-3, f"{rail}├── UNMET OPTIONAL DEPENDENCY fsevents@~2.3.2")
    from headroom_mitm.compress.select import MUST
    from headroom_mitm.compress.trees import rank_tree

    rank = rank_tree(lines)
    assert rank is not None and all(rank[lines.index(x)] == MUST for x in direct)


def test_a_table_whose_rows_end_in_a_clock_time_is_no_count_list() -> None:
    # `sqlite3 -header -column`: each row ends with its "created" time, "… 2026-05-05 16:28", which
    # read as grep -c's "path:count"; it is a table, whose rare status and extreme amount stay.
    from headroom_mitm.compress.counts import rank_counts

    lines = ["id   customer   country  status      amount  items  created         ",
             "---  ---------  -------  ----------  ------  -----  ----------------"]
    for k in range(1, 501):
        status, amount = {88: ("refunded", 302.78), 431: ("chargeback", 9999.0)}.get(k, ("paid", 10 + k * 37 % 380 + 0.25))
        lines.append(f"{k:<4} cust-{k * 7919 % 9000 + 1000:<5} {['NL', 'FR', 'BE', 'DE'][k % 4]:<8} {status:<11} {amount:<7} {k % 9 + 1:<6} "
                     f"2026-05-{k % 28 + 1:02d} {k % 24:02d}:{k % 60:02d}")
    assert rank_counts(lines) is None
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(any(x.startswith(f"{k} ") for x in out) for k in (88, 431))
