"""Fidelity rules of issue #11's fourteenth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.lines import FAIL, WARN, severity
from headroom_mitm.compress.lossless import collapse_cr
from headroom_mitm.compress.select import LOW, MUST
from headroom_mitm.compress.transforms import keep_numbered_matches
from tests.compress.support import corpus_text, cut, sent


def test_a_bracketed_rule_at_any_level_is_a_finding() -> None:
    # rustc's reporters (here zizmor over two workflows) name the rule in brackets at every level:
    # an info or help finding over its " --> place" is one of its (rule, file) kind like a
    # warning, not a line among the excerpts of the errors around it.
    out = cut(corpus_text("wide64", "wide64-zizmor-offline-pedantic-all")).split("\n")
    for line in ("info[anonymous-definition]: workflow or action definition without a name",
                 "help[concurrency-limits]: insufficient job-level concurrency limits",
                 "help[undocumented-permissions]: permissions without explanatory comments"):
        assert line in out


def test_a_name_alone_over_an_indented_block_is_a_title() -> None:
    # A listing of groups (systemd-analyze syscall-filter: "@aio" over its system calls, a blank
    # line between groups) is an outline whose titles carry no ":": each group's name stays when
    # its members are sampled.
    text = corpus_text("wide66", "wide66-systemd-analyze-syscall-filter")
    titles = [x for x in text.split("\n") if x.startswith("@")]
    out = cut(text).split("\n")
    assert len(titles) > 20 and all(t in out for t in titles)
    # Right after the block before it too: turbo's dry run, each task's "pkg#task" over its fields.
    text = corpus_text("wide67", "wide67-turbo-dry-text")
    tasks = [x for x in text.split("\n") if x.startswith("@harbourkit/") and "#" in x and " " not in x]
    out = cut(text).split("\n")
    assert len(tasks) > 20 and all(t in out for t in tasks)


def test_a_code_of_one_digit_after_a_line_number_is_a_finding() -> None:
    # gitlint prints "1: T8 Title is too short (4<5): …" under each "Commit <sha>:": a code of a
    # capital and one digit, placed by its line alone. One of each (code or message, commit) stays.
    out = sent(corpus_text("wide65", "wide65-gitlint-commits-80")).split("\n")
    for line in ("1: T5 Title contains the word 'WIP' (case-insensitive): \"WIP\"",
                 "1: T1 Title exceeds max length (105>72): \"Recalibrated the Whitby radar gauge after the January "
                 "storm moved the stilling well by eleven millimetres\""):
        assert line in out


def test_a_template_of_mostly_distinct_names_is_a_list_of_things() -> None:
    # A server log grepped for its autovacuum events: "automatic analyze of table "X"" once per
    # table, a few names alike but for a digit ("template0…pg_proc", "template1…pg_proc"). Its
    # instances name things, as a numbered series ("case_1" … "case_40") does not: they stay.
    text = corpus_text("wide62", "wide62-server-log-autovacuum")
    analyzed = [x for x in text.split("\n") if "automatic analyze of table" in x and x[:4].isdigit()]
    out = sent(text).split("\n")
    assert len(analyzed) > 20 and all(x in out for x in analyzed)


def test_the_matches_of_a_numbered_grep_with_context_stay() -> None:
    # `grep -n -A 30 'duration:' server.log`: the lines numbered "47:" are what the search found
    # (each slow statement), the "48-" lines its context: the matches stay whatever else is cut.
    text = corpus_text("wide62", "wide62-server-log-explain")
    matches = [x for x in text.split("\n") if x.split(":", 1)[0].isdigit()]
    out = sent(text).split("\n")
    assert len(matches) > 10 and all(x in out for x in matches)


def test_numbered_lines_without_context_are_no_search() -> None:
    # A log whose lines open with a number and a colon (redis' "9497:M 01 Dec …") is no grep: its
    # lines keep their ranks; with "N-" context lines beside them the "N:" ones are matches.
    log = [f"{9000 + k}:M 01 Dec 2026 10:00:{k % 60:02d}.000 * Background saving started" for k in range(40)]
    rank = [LOW] * len(log)
    keep_numbered_matches(LineIndex("\n".join(log)), rank)
    assert rank == [LOW] * len(log)
    grep = ["12:LOG: duration: 2248.9 ms", "13-  Query Text: INSERT …", "14-  Seq Scan on t", "--", "40:LOG: duration: 35.1 ms"]
    rank = [LOW] * len(grep)
    keep_numbered_matches(LineIndex("\n".join(grep)), rank)
    assert rank == [MUST, LOW, LOW, LOW, MUST]


def test_carriage_returns_collapse_a_progress_display_only() -> None:
    # A carriage return redraws a progress display, which shows its progress (a percentage, a
    # count of a total, a bar, a spinner, a rate or a time left): its final state is what it says.
    # Records that carriage returns separate (old Mac line ends, a hostile output) and a failure
    # drawn over are kept: the clean-up is lossless.
    for bar in ("  45%|████▌     | 45/100 [00:01<00:01, 40.1it/s]", "⠙ reify:lodash: timing", "x  1.2 MB/s",
                "  0  1234    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0"):
        assert collapse_cr(f"{bar}\r{bar}\rdone\n") == "done\n", bar
    records = "\r".join(f"record {i}: value={i * 7}" for i in range(2000)) + "\r\n"
    assert collapse_cr(records) == records
    failed = "\r".join(f"FAILED tests/test_m.py::test_{i} - AssertionError" for i in range(60))
    assert collapse_cr(failed) == failed
    mac = "name,qty\r1,2\r3,4\r5,6\r"
    assert collapse_cr(mac) == mac


def test_a_finding_that_ends_on_its_place_in_words_is_one_of_its_kind_per_file() -> None:
    # write-good prints each finding as its message then its place in words ("… on line 37 at
    # column 47") under its file's "In docs/x.md": a finding, one of each message per file (the
    # words before the place are its kind, not the column after it), under its file's header.
    text = corpus_text("wide65", "wide65-write-good-rb-four")
    out = sent(text).split("\n")
    for line in ("In rb/wick_10.md", '"obviously" is a weasel word on line 37 at column 47',
                 '"So" adds no meaning on line 58 at column 167'):
        assert line in out


def test_a_logged_errors_statement_and_detail_records_stay_with_it() -> None:
    # postgres logs the statement that failed, and the detail of why, as records of their own
    # under each ERROR: what failed is in them.
    text = corpus_text("wide60", "wide60-server-log-duration")
    lines = text.split("\n")
    after = [lines[k + 2] for k, x in enumerate(lines[:-2]) if "ERROR:  duplicate key value" in x]
    out = sent(text).split("\n")
    assert after and all("STATEMENT:  INSERT INTO berths" in x and x in out for x in after)


def test_an_output_where_nothing_failed_nor_warned_is_cut_less() -> None:
    # No level says what matters in a dump or a quiet log (a heap trace, a server's stats, events
    # each naming a table): its lines get twice the room an output with failures gets beside them.
    rows = [f"Call trace for block $00007FC18{k * 7919 % 65536:05X}0 size {16 << k % 5}\n  $000000000040{k % 97:04X}  main,  line {100 + k % 41} of plan.pas"
            for k in range(400)]
    quiet = "\n".join(rows) + "\n"
    loud = "\n".join(rows[:200] + ["Error: heap corrupted at block 201"] + rows[200:]) + "\n"
    kept_quiet, kept_loud = len(cut(quiet)), len(cut(loud)) - len("Error: heap corrupted at block 201")
    assert kept_quiet > 1.5 * kept_loud


def test_a_finding_behind_a_loggers_stamp_and_tag_is_placed_in_its_file() -> None:
    # vite-plugin-svelte logs each warning behind a clock time and its tag: "2:42:08 PM
    # [vite-plugin-svelte] src/A.svelte:10:7 Avoid using autofocus". The place makes it a finding
    # of its file, one of each message per file; the tag in brackets is the logger's, not a code.
    text = corpus_text("wide69", "wide69-vite-build-svelte")
    findings = [x for x in text.split("\n") if "[vite-plugin-svelte] src/docks/TanneryDock.svelte:" in x]
    out = sent(text).split("\n")
    assert len(findings) >= 4 and all(x in out for x in findings)


def test_a_json_record_names_its_level_past_the_line_head() -> None:
    # dbt's --log-format json puts its "info": {…, "level": "error"} after a long "data" object:
    # the field says the record's level wherever it sits.
    data = '{"data": {"node_info": {"materialized": "test", "node_name": "' + "x" * 600 + '"}}, '
    assert severity(data + '"info": {"code": "Z046", "level": "error", "msg": "7 of 53 FAIL 1"}}') == FAIL
    assert severity(data + '"info": {"code": "Z046", "level": "warn", "msg": "Got 6 results"}}') == WARN
    assert severity(data + '"info": {"code": "Q011", "level": "info", "msg": "1 of 53 PASS"}}') is None


def test_what_did_not_run_because_something_failed_stays() -> None:
    # dbt build: a model that failed and the models and tests it feeds, each skipped ("SKIP
    # relation main.fct_trips … [SKIP]"): they are what the failure cost, 221 of them under one
    # broken model. Past 400, kept next.
    text = corpus_text("wide74", "wide74-dbt-build-head")
    skipped = [x for x in text.split("\n") if " SKIP " in x and "[SKIP]" in x]
    out = sent(text).split("\n")
    assert len(skipped) > 20 and all(x in out for x in skipped)
    text = corpus_text("wide75", "wide75-dbt-build")
    skipped = [x for x in text.split("\n") if " SKIP " in x and "[SKIP]" in x]
    out = sent(text).split("\n")
    assert len(skipped) > 200 and all(x in out for x in skipped)
