"""Fidelity rules of issue #11's fifteenth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.counters import keep_failure_counters
from headroom_mitm.compress.fields import keep_field_anomalies
from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.lines import FAIL, WARN, finding_key, severity
from headroom_mitm.compress.select import MUST, NORMAL
from headroom_mitm.compress.severities import severities
from headroom_mitm.compress.structured import looks_git
from tests.compress.support import corpus_text, cut, sent


_WORDS = ("Quoted", "Header", "Escape", "Bom", "Trim", "Lazy", "Comment", "Field", "Crlf", "Empty", "Wide", "Tab",
          "Utf", "Reuse", "Sniff", "Dialect", "Strict", "Blank", "Multi", "Line")


def _go_test_v(passed: int) -> str:
    lines: list[str] = []
    for k in range(passed):
        name = "Test" + _WORDS[k % 20] + _WORDS[k // 20 % 20] + _WORDS[k // 400 % 20]
        lines += [f"=== RUN   {name}", f"--- PASS: {name} (0.00s)"]
    lines += ["=== RUN   TestQuotedComma", "    reader_test.go:88: field 2: got \"a\", want \"a,b\"",
              "--- FAIL: TestQuotedComma (0.00s)", "FAIL", "FAIL\texample.com/csvlite\t0.012s", "FAIL"]
    return "\n".join(lines) + "\n"


def test_the_start_line_of_a_passed_test_goes_with_its_pass() -> None:
    # go test -v opens each test with "=== RUN   TestX" and closes it with "--- PASS: TestX": the
    # opening of a test that passed says no more than its pass, and both are the first to go.
    text = _go_test_v(400)
    out = cut(text).split("\n")
    assert "--- FAIL: TestQuotedComma (0.00s)" in out
    assert '    reader_test.go:88: field 2: got "a", want "a,b"' in out
    started = [x for x in out if x.startswith("=== RUN") and "QuotedComma" not in x]
    assert len(started) <= 4, started


def _mocha(passed: int, failed: int) -> str:
    lines = ["", "  pretty-size"]
    lines += [f"    ✔ formats {k * 37} bytes" for k in range(passed)]
    lines += [f"    {k + 1}) formats {k * 1013 + 7} bytes" for k in range(failed)]
    lines += ["", "", f"  {passed} passing (41ms)", f"  {failed} failing", ""]
    for k in range(failed):
        lines += [f"  {k + 1}) pretty-size", "       when the locale groups digits with a narrow no-break space",
                  f"         formats {k * 1013 + 7} bytes with one decimal and the SI unit symbol after it:", "",
                  "      AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:", "",
                  f"'{k + 1}.0 kB' !== '{k + 1} kB'", "",
                  "      + expected - actual", "", f"      -{k + 1}.0 kB", f"      +{k + 1} kB", "",
                  "      at Context.<anonymous> (file:///srv/size/test/size.spec.mjs:14:12)",
                  "      at process.processImmediate (node:internal/timers:483:21)", ""]
    return "\n".join(lines)


def test_a_numbered_failure_keeps_the_title_under_it() -> None:
    # mocha numbers each failure "  3) suite" and prints the test's title on the lines under it,
    # one per nested describe. The titles repeat one template ("formats N bytes …:"), but each
    # names a failing test: none is sampled away as the middle of a repeated template.
    text = _mocha(300, 200)
    out = sent(text).split("\n")
    titles = [f"         formats {k * 1013 + 7} bytes with one decimal and the SI unit symbol after it:" for k in range(200)]
    assert all(t in out for t in titles), [t for t in titles if t not in out]


def test_a_test_runners_diff_is_not_a_git_diff() -> None:
    # vitest prints a long value's diff with hunk headers ("@@ -1,23 +1,23 @@" under "- Expected /
    # + Received"). Without a file's "+++" header that is no git diff: the output stays a test
    # run, its failing tests' headers and its summary kept.
    text = corpus_text("wide80", "wide80-vitest-run-kilnctl-tail-900")
    assert "\n@@ -1,23 +1,23 @@\n" in text
    out = cut(text).split("\n")
    failed = [x for x in text.split("\n") if x.startswith(" FAIL  test/toml.test.js > ")]
    assert len(failed) > 20 and all(x in out for x in failed)
    assert " Test Files  2 failed (2)" in out and "      Tests  88 failed | 32 passed (120)" in out
    # A diff's hunks under its file headers stay one (flynt --dry-run prints "+++" bare).
    assert "+++" in corpus_text("wide38", "wide38-flynt-dry-run-src")
    assert looks_git(corpus_text("wide38", "wide38-flynt-dry-run-src"))


def test_a_trees_first_level_stays_when_half_its_entries_are_deeper() -> None:
    # `tree -L 2` of a package: its ~230 modules at the first level beside a few directories
    # (__pycache__, typeshed) whose entries make the other half. The first level is the outline
    # a model navigates by; only a listing that is nearly flat is sampled as a list.
    text = corpus_text("wide80", "wide80-tree-site-packages-mypy-L2")
    first = [x for x in text.split("\n") if x.startswith(("├── ", "└── "))]
    deeper = [x for x in text.split("\n") if "── " in x and x not in first]
    assert len(first) > 200 and len(deeper) > len(first) // 2
    out = cut(text).split("\n")
    assert all(x in out for x in first)


def test_code_over_a_caret_line_reports_nothing() -> None:
    # lintr prints each finding's source line under it with a caret line below ("   ^~~~"), no
    # gutter. A word in that code ("rlang::abort(…)", "… is missing …") is no failure: the findings
    # stay style findings, one of each (linter, file) kept and their repeats the first to go.
    text = corpus_text("wide78", "wide78-lintr-package")
    found = [x for x in text.split("\n") if ": style: [" in x or ": warning: [" in x]
    kinds = {(x.split(":", 1)[0], x.split("[", 1)[1].split("]", 1)[0]) for x in found}
    out = cut(text)
    assert len(out) < len(text) // 2
    kept = {(x.split(":", 1)[0], x.split("[", 1)[1].split("]", 1)[0]) for x in out.split("\n") if x in found}
    assert len(kinds) > 40 and kept == kinds


def test_a_message_under_a_bare_exception_name_stays_whole() -> None:
    # numpy's assert_allclose fails as "E   AssertionError:" alone, its message on the "E" lines
    # under it: the tolerance, the mismatched elements, the first mismatches, the largest
    # differences. That is the failure's message, kept but for the values wrapped onto deeper
    # lines; under an exception with its message on its line, the first line says it.
    for source, item in (("wide77", "wide77-pytest-q-lactation"), ("wide82", "wide82-pytest-q-gridcalc")):
        text = corpus_text(source, item)
        told = [x for x in text.split("\n") if x.startswith(("E       Mismatched elements", "E       Max "))]
        out = sent(text).split("\n")
        assert len(told) >= 30 and all(x in out for x in told)


def test_a_logs_key_value_fields_keep_their_extremes_and_their_non_numbers() -> None:
    # A grid search logs a line per fit, "…;, score=0.912 total time=…": score is a column of
    # numbers. The fits whose score is "nan" (their parameters failed) and the best and worst
    # score are the rows unlike the rest: they stay, however the repeated lines are sampled.
    text = corpus_text("wide77", "wide77-search-grid-ignore-future")
    fits = [x for x in text.split("\n") if x.startswith("[CV ") and ", score=" in x]
    failed = [x for x in fits if ", score=nan " in x]
    scores = [float(x.split(", score=")[1].split()[0]) for x in fits if x not in failed]
    out = cut(text).split("\n")
    assert len(failed) > 40 and all(x in out for x in failed)
    assert any(f", score={max(scores):.3f} " in x for x in out if x in fits)
    assert any(f", score={min(scores):.3f} " in x for x in out if x in fits)


def test_ids_among_numbers_are_no_anomalies() -> None:
    # logfmt's req_id=00001b among req_id=000042: hex ids, many distinct, not a measure's odd value.
    rank = [NORMAL] * 300
    text = "\n".join(f"t=1 level=info dur_ms={(k * 37) % 90 + 5} req_id={k:06x}" for k in range(300))
    keep_field_anomalies(LineIndex(text), rank)
    assert sorted(i for i, r in enumerate(rank) if r == MUST) == [0, 17]  # the least and the greatest dur_ms


def test_a_refused_authorisation_is_a_failure() -> None:
    # mosquitto logs "Client <unknown> disconnected, not authorised." for each refused login; an
    # HTTP log "401 Unauthorized": failures, whatever level word the line carries (none here).
    assert severity("2026-12-01T16:25:59: Client <unknown> disconnected, not authorised.") == FAIL
    assert severity("GET /admin -> 401 Unauthorized") == FAIL
    assert severity("user rota authorized for /admin") is None


def test_a_count_of_failures_that_is_not_zero_stays() -> None:
    # nstat -az prints ~400 counters, most 0: "TcpAttemptFails 1954", "TcpExtListenOverflows 571"
    # and "TcpExtTCPAbortOnData 4489" report failures among them. Zero counts, settings
    # ("tcp_fin_timeout = 60") and a file's place ("errors.py:12:1") are no such count.
    text = corpus_text("wide79", "wide79-nstat-az")
    out = cut(text).split("\n")
    for line in ("TcpAttemptFails                 1954               0.0",
                 "TcpExtListenOverflows           571                0.0",
                 "TcpExtTCPAbortOnData            4489               0.0"):
        assert line in out
    rows = ["IpInHdrErrors 0", "net.ipv4.tcp_fin_timeout = 60", "src/errors.py:12:1 1", "rejected_connections:3",
            "total_connections_received:1207", "keyspace_hits:88"]
    rank = [NORMAL] * len(rows)
    keep_failure_counters(LineIndex("\n".join(rows)), rank)
    assert rank == [NORMAL, NORMAL, NORMAL, MUST, NORMAL, NORMAL]


def test_a_dump_drawn_by_indentation_keeps_its_titles() -> None:
    # tshark -V prints each frame as flush-left titles ("Frame 144: 94 bytes on wire …", "Transmission
    # Control Protocol, Src Port: …") over indented fields. The titles are the dump's outline: each
    # frame's stays; one the dump repeats word for word ("Hypertext Transfer Protocol") says it once.
    # With `-O tcp` the other layers are one line each over TCP's block: they title it too.
    for source, item in (("wide79", "wide79-tshark-V-http-404"), ("wide86", "wide86-tshark-V-O-tcp-rst-tail-300-echo")):
        text = corpus_text(source, item)
        frames = [x for x in text.split("\n") if x.startswith("Frame ")]
        out = cut(text).split("\n")
        assert len(frames) >= 5 and all(x in out for x in frames)


def test_a_name_that_does_not_resolve_is_a_failure() -> None:
    # A resolver's reply "NXDOMAIN" or "SERVFAIL" (unbound's log, dig's "status: NXDOMAIN") says the
    # lookup failed, under an info level: it outranks the NOERROR replies around it.
    assert severity("[1796142378] unbound[7768:0] info: 127.0.0.1 nosuch6.meteo.test. A IN NXDOMAIN 0.000000 1 47") == FAIL
    assert severity(";; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 4242") == FAIL
    assert severity("[1796142378] unbound[7768:0] info: 127.0.0.1 oslo-32.meteo.test. A IN NOERROR 0.000000 0 61") is None


def test_a_short_column_of_key_value_numbers_keeps_its_extremes() -> None:
    # Eighteen farms' results, "farm-07: n=141 cases=7 lr_acc=0.979 mlp_acc=0.050", between
    # library warnings: ten lines hold a field enough to be a column with a least and a greatest.
    lines = [f"farm-{k:02d}: n={120 + (k * 7) % 30} cases={1 + k % 7} acc={0.9 + (k * 13 % 10) / 100:.3f}" for k in range(12)]
    rank = [NORMAL] * 12
    keep_field_anomalies(LineIndex("\n".join(lines)), rank)
    acc = [0.9 + (k * 13 % 10) / 100 for k in range(12)]
    assert rank[acc.index(max(acc))] == MUST and rank[acc.index(min(acc))] == MUST


def test_a_response_or_a_packet_that_failed_is_a_failure() -> None:
    # A status line of 400 or more says the request failed, whatever its reason phrase ("422
    # Unprocessable Entity" holds no failure word): tshark's packet list, curl -i, wget -S.
    text = "\n".join([
        "    4   0.000064    127.0.0.1 → 127.0.0.1    HTTP 213 GET /api/parcels/77 HTTP/1.1 ",
        "    6   0.000774    127.0.0.1 → 127.0.0.1    TCP 211 HTTP/1.0 200 OK  [TCP segment of a reassembled PDU]",
        "   32   0.063135    127.0.0.1 → 127.0.0.1    TCP 228 HTTP/1.0 422 Unprocessable Entity  [TCP segment of a reassembled PDU]",
        "HTTP/2 503 ",
    ])
    sev, _ = severities(text.split("\n"), LineIndex(text))
    assert sev.get(2) == FAIL and sev.get(3) == FAIL and 0 not in sev and 1 not in sev
    # A packet list marks a reset and a malformed packet (failures), a retransmission (a warning).
    text = "\n".join([
        "  156   0.674919    127.0.0.1 → 127.0.0.1    TCP 66 48011 → 36106 [RST, ACK] Seq=1 Ack=133 Win=65536 Len=0",
        "  157   0.674950    127.0.0.1 → 127.0.0.1    TCP 74 [TCP Retransmission] 59312 → 48011 [SYN] Seq=0 Win=65495",
        "  158   0.675001    127.0.0.1 → 127.0.0.1    TCP 66 48011 → 59312 [ACK] Seq=1 Ack=1 Win=65536 Len=0",
    ])
    sev, _ = severities(text.split("\n"), LineIndex(text))
    assert sev.get(0) == FAIL and sev.get(1) == WARN and 2 not in sev


def test_lines_of_key_value_fields_are_a_log_not_a_configuration() -> None:
    # A training loop's "step=40 loss=0.412 lr=0.001" lines, no stamp: several fields a line with
    # no space around "=" are a record's, not a configuration's "key = value". The output is a log
    # to sample, not a file the model asked to read; its failed steps stay.
    lines = [f"step={k} loss={1 / (k + 1):.4f} lr=0.001 grad_norm={k % 7 + 0.5}" for k in range(1500)]
    lines[777] = "step=777 loss=nan lr=0.001 grad_norm=inf"
    text = "\n".join(lines)
    out = cut(text).split("\n")
    assert len("\n".join(out)) < len(text) // 4 and lines[777] in out


def test_a_codespan_reporters_place_line_places_its_finding() -> None:
    # ast-grep (and other codespan reporters) print "warning[rule]: message" over "   ┌─ file:12:5":
    # that line is the finding's place, as rustc's " --> file:12:5" is, at any level ("help[rule]"). One of each (rule, file)
    # keeps its place; a rewrite's hunks without git's headers are still a diff's.
    for source, item in (("wide85", "wide85-sg-scan-all-echo"), ("wide90", "wide90-sg-scan-all-echo")):
        text = corpus_text(source, item)
        lines = text.split("\n")
        placed = {}
        for k, x in enumerate(lines[:-1]):
            if x.startswith(("warning[", "error[", "help[")) and lines[k + 1].lstrip().startswith("┌─ "):
                placed.setdefault((x.split("]")[0], lines[k + 1].split(":")[0].strip()), []).append(lines[k + 1])
        out = cut(text).split("\n")
        assert len(placed) > 20 and all(any(p in out for p in places) for places in placed.values())
    rewrite = corpus_text("wide85", "wide85-sg-rewrite-none")
    hunks = [x for x in rewrite.split("\n") if x.startswith("@@ ")]
    assert looks_git(rewrite) and len(hunks) > 10 and all(h in sent(rewrite).split("\n") for h in hunks)


def test_a_measure_that_failed_stays_however_many_failed() -> None:
    # A random search whose fits mostly fail: "score=(train=nan, test=nan)" on 100 of 160 lines.
    # NaN is a measure that failed, not a category's word: its lines stay even as the majority.
    text = corpus_text("wide89", "wide89-search-hgb-random")
    failed = [x for x in text.split("\n") if x.startswith("[CV ") and "test=nan" in x]
    out = sent(text).split("\n")
    assert len(failed) > 60 and all(x in out for x in failed)


def test_tex_errors_stay_with_their_input_lines() -> None:
    # TeX prints an error as "! Missing $ inserted." over the input line it stopped at ("l.349 …"):
    # the error and that line stay. A warning placed "on input line 23." is a finding of its words
    # (the full stop after its place is no message): citations and references are two kinds.
    text = corpus_text("wide92", "wide92-pdflatex-thesis-first-pass")
    lines = text.split("\n")
    errors = [k for k, x in enumerate(lines) if x.startswith("! ") and any(y.startswith("l.") for y in lines[k + 1 : k + 7])]
    out = sent(text).split("\n")
    assert len(errors) >= 3 and all(lines[k] in out for k in errors)
    citation = finding_key("LaTeX Warning: Citation `mill16' on page 3 undefined on input line 25.", "")
    reference = finding_key("LaTeX Warning: Reference `sec:3-6' on page 3 undefined on input line 23.", "")
    assert citation[0] and reference[0] and citation != reference
