"""Fidelity rules of issue #11's seventeenth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import json
from collections import Counter

from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.lineindex import zero_digits
from headroom_mitm.compress.lines import FAIL, WARN, finding_key, severity
from headroom_mitm.compress.logs import _section_openers
from headroom_mitm.compress.settings import CompressionSettings
from tests.compress.support import corpus_text, cut

S = CompressionSettings()


def _service_log(records: int, error: bool) -> str:
    """A service's log: INFO records, with one ERROR in the middle or none."""
    lines = [f"2026-12-01 10:{k // 60 % 60:02d}:{k % 60:02d} INFO worker-{k % 4} polled queue orders ({k * 7 % 90} jobs)"
             for k in range(records)]
    if error:
        lines[records // 2] = "2026-12-01 10:00:00 ERROR worker-2 lost its lease on orders"
    return "\n".join(lines) + "\n"


def test_a_log_that_reports_nothing_is_sent_whole_under_the_ranked_floor() -> None:
    # Where no line reports a failure or warning, a log or table is cut by position and repetition
    # alone: this small, what a cut saves is less than one retrieval of what it misread.
    quiet = _service_log(110, error=False)
    assert S.min_lossy_chars < len(quiet) < S.min_ranked_chars
    assert compress_text(quiet, "bash", S).rendering.retrieve_id is None
    # Past the floor it is cut; under it, one that reports an error is cut around it.
    assert compress_text(_service_log(200, error=False), "bash", S).rendering.retrieve_id is not None
    out = compress_text(_service_log(110, error=True), "bash", S).rendering
    assert out.retrieve_id is not None and "ERROR worker-2 lost its lease" in out.text


def test_a_json_document_under_the_ranked_floor_is_still_outlined() -> None:
    # A document's structure says what each part is: its outline starts at the engine's own floor.
    doc = json.dumps([{"id": k, "name": f"pkg-{k}", "version": f"1.{k}.0", "deps": [f"d{k % 7}"]} for k in range(100)], indent=1)
    assert S.min_lossy_chars < len(doc) < S.min_ranked_chars
    out = compress_text(doc, "bash", S).rendering
    assert out.retrieve_id is not None and len(out.text) < len(doc) // 2


def test_a_linkers_own_lines_are_why_the_link_failed() -> None:
    # GNU ld, lld and mold say nothing when a link succeeds: a line they print is a failure,
    # unless it says it warns.
    assert severity("/usr/lib/gcc/arm-none-eabi/12.2.1/../../../arm-none-eabi/bin/ld: region `FLASH' overflowed by 73940 bytes") == FAIL
    assert severity("arm-none-eabi-ld: build/fw.elf section `.bss' will not fit in region `RAM'") == FAIL
    assert severity("ld.lld: duplicate symbol: crc16") == FAIL and severity("wasm-ld-14: duplicate symbol: tick") == FAIL
    assert severity("/usr/bin/ld: warning: main.o: missing .note.GNU-stack section implies executable stack") == WARN
    assert severity("old: 3 entries") is None and severity("build: done") is None
    # In a build, under many warnings with their excerpts.
    lines = []
    for k in range(120):
        lines += [f"src/bank/filters.c:{7 + k}:9: warning: unused variable 'acc{k}' [-Wunused-variable]",
                  f"   {7 + k} |     int acc{k};", "      |         ^~~~~"]
    failed = ["/usr/bin/arm-none-eabi-ld: build/fw.elf section `.text' will not fit in region `FLASH'",
              "/usr/bin/arm-none-eabi-ld: region `FLASH' overflowed by 73940 bytes"]
    lines += failed + ["Memory region         Used Size  Region Size  %age Used",
                       "           FLASH:      106708 B        32 KB    325.65%", "             RAM:        3208 B         8 KB     39.16%",
                       "collect2: error: ld returned 1 exit status", "make: *** [Makefile:15: build/fw.elf] Error 1"]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert all(x in out for x in failed)


def test_undefined_names_told_apart_by_their_digits_are_each_kept() -> None:
    # A warning with no code is keyed by its message with the numbers that stand alone blanked
    # (a page, a line): digits inside a name ("pugh1927", "sec:c2s0") are the name, and an
    # undefined citation of each is another finding. A real latexmk run (the corpus's, tuning part).
    text = corpus_text("wide118", "wide118-latexmk-mid-full")
    cited = {x.split("'")[1] for x in text.split("\n") if x.startswith("LaTeX Warning: Citation")}
    kept = {x.split("'")[1] for x in cut(text).split("\n") if x.startswith("LaTeX Warning: Citation")}
    assert len(cited) > 10 and cited == kept  # (a key cited on two pages is one finding)
    # So are the numbers of a file the message names; a count's are not.
    fetch = "[WARNING] Could not fetch resource figures/curve-{}.png: replacing image {} of 40"
    assert finding_key(fetch.format(3, 1), "") != finding_key(fetch.format(6, 2), "")
    assert finding_key(fetch.format(3, 1), "") == finding_key(fetch.format(3, 2), "")
    # And of a name the message quotes, however its digits are set apart.
    ref = "LaTeX Warning: Reference `sec:{}-5' on page {} undefined on input line 12."
    assert finding_key(ref.format(26, 7), "") != finding_key(ref.format(19, 7), "")
    assert finding_key(ref.format(26, 7), "") == finding_key(ref.format(26, 78), "")


def test_the_case_a_failure_is_recorded_under_stays() -> None:
    # common_test's log writes each case as "=key value" records: the failure's "=result" line
    # does not name its case; the "=case" line over it does.
    lines = ["=== Suite started at 2026-12-01 20:19:16", "=cases         120"]
    failed = []
    for k in range(120):
        result = "ok" if k % 23 != 7 else "failed: {badarith,[{erlang,'div',[50,0]}]}"
        lines += [f"=case          tide_SUITE:ebb_tide_{k}", f"=logfile       tide_suite.ebb_tide_{k}.html",
                  "=started       2026-12-01 20:19:17", "=ended         2026-12-01 20:19:17", f"=result        {result}",
                  "=elapsed       1.0e-6"]
        if result != "ok":
            failed.append(lines[-6])
    lines += ["=== TEST COMPLETE, 115 ok, 5 failed of 120 test cases"]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert failed and [x for x in failed if x not in out] == []


def test_json_lines_keep_their_odd_records_and_sampled_values_count_as_numbers() -> None:
    # `jq -c '.data.result[]'` of a Prometheus query: one series a line, its sample [time, "value"]
    # with the value's digits in a string. The series of the least and greatest value stay, as a
    # JSON array's members would.
    lines = []
    for k in range(400):
        volts = 12.0 + (k * 37 % 100) / 100 if k not in (123, 311) else (9.412 if k == 123 else 14.977)
        lines.append(json.dumps({"metric": {"__name__": "lamp_voltage", "mark": f"L{k:03d}", "job": "harbour"},
                                 "value": [1796157315.701, f"{volts:.3f}"]}, separators=(",", ":")))
    out = cut("\n".join(lines) + "\n").split("\n")
    assert lines[123] in out and lines[311] in out


def test_the_line_that_opens_each_section_names_it_and_stays() -> None:
    # `promtool query range`: each series' labels over its values. The series' lines are few, each
    # another, spread over the whole output, and open otherwise than the lines under them: each
    # names what follows, as a record's opener does.
    lines, series = [], []
    for g in range(40):
        series.append(f'tide_level_metres{{basin="inner", gauge="TG{g:03d}"}} =>')
        lines.append(series[-1])
        lines += [f"{((g * 7 + t * 13) % 400 - 200) / 100} @[{1796121295 + 1200 * t}]" for t in range(24)]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert [x for x in series if x not in out] == []
    # A line printed again over each section (a source excerpt under each failure) names nothing new.
    repeated = [x if k % 25 else "    @pytest.mark.parametrize('label', ['L1', 'F20'])" for k, x in enumerate(lines)]
    shapes = [zero_digits(x) for x in repeated]
    assert _section_openers(repeated, shapes, Counter(shapes)) == []


def test_a_verdict_field_keeps_the_record_it_closes() -> None:
    # `oscap xccdf eval`: each rule a record of "Title", "Rule", "Result" set apart by blank lines.
    # A failure that is a verdict alone ("Result  fail") says nothing of what failed: the record's
    # lines over it do.
    lines, failed = ["--- Starting Evaluation ---", ""], []
    for k in range(200):
        result = "fail" if k % 9 == 4 else "pass"
        record = [f"Title\r\tEnsure setting {k} of the login policy is hardened", f"Rule\r\txccdf_org.example.content_rule_policy_{k}",
                  f"Result\r\t{result}"]
        lines += [*record, ""]
        if result == "fail":
            failed += record[:2]
    out = compress_text("\n".join(lines) + "\n", "bash", S).rendering.text.split("\n")
    assert failed and [x for x in failed if x not in out] == []


def test_each_file_that_head_prints_keeps_its_own_extremes() -> None:
    # `tail -n +1 csv/*/cpu-*`: each file under "==> name <==" is a table of its own; its least and
    # greatest rows stay, not only the whole's (another metric's scale hides them).
    lines, extremes = [], []
    for f, scale in enumerate((1, 1000, 5, 80000, 2)):
        lines += [f"==> csv/host/cpu-{f}/cpu-{('idle', 'user', 'nice', 'system', 'steal')[f]} <==", "epoch,value"]
        values = [scale * (40 + (k * 37) % 20) / 100 for k in range(90)]
        values[30 + f], values[60 - f] = scale * 0.011, scale * 0.977
        rows = [f"{1796157438 + k}.369,{v:.6f}" for k, v in enumerate(values)]
        extremes += [rows[30 + f], rows[60 - f]]
        lines += [*rows, ""]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert [x for x in extremes if x not in out] == []


def test_a_failure_list_at_the_margin_under_its_title_stays() -> None:
    # rspec closes with "Failed examples:", a blank line, then one `rspec path:line # name` a
    # failing example, at the margin: each names a failing test.
    lines = [f"  Station{k:03d}#range is twice the amplitude" for k in range(600)]
    failed = [f"rspec ./spec/stations/station_{k:03d}_spec.rb:21 # Tidewell::Stations::Station{k:03d}#range is twice the amplitude"
              for k in range(0, 600, 43)]
    lines += ["", "Finished in 0.5068 seconds (files took 0.32373 seconds to load)", "600 examples, 14 failures", "",
              "Failed examples:", "", *failed, "", "Randomized with seed 1320", ""]
    out = cut("\n".join(lines) + "\n").split("\n")
    assert [x for x in failed if x not in out] == []


def test_an_undefined_method_is_a_failure_before_its_class_is_named() -> None:
    # Ruby names the error's class at the end, after the receiver's inspect: past the 400
    # characters a line is read in, "undefined method" says it alone.
    receiver = "#<Tidewell::TideTable:0x00007fd0fbe7e950 @station=#<Tidewell::Stations::Station003 " + "@slots=[…] " * 50 + ">"
    assert severity(f"(irb):8:in `<main>': undefined method `hight_water' for {receiver} (NoMethodError)") == FAIL
    assert severity("app.rb:3:in `run': undefined local variable or method `tide' for main:Object (NameError)") == FAIL
