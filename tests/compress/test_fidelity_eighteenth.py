"""Fidelity rules of issue #11's eighteenth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import json

from headroom_mitm.compress.documents import looks_like_code_or_prose
from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.logs import rank_lines
from headroom_mitm.compress.select import MUST
from headroom_mitm.compress.settings import CompressionSettings
from tests.compress.support import corpus_text, cut

S = CompressionSettings()


def _rustc_warnings(count: int) -> str:
    """The tail of a clippy run: warnings whose excerpts are code, under gutters with and without
    line numbers, and no `Checking` line above them (cut away by `| tail`)."""
    blocks = []
    for k in range(count):
        n = 9 + 8 * (k // 2)
        blocks.append(
            f"warning: unneeded `return` statement\n  --> src/probe{k % 7}.rs:{n}:{18 + 19 * (k % 2)}\n   |\n"
            f"{n} |     if bt == 0 {{ return 0; }} else {{ return bt - {k % 30}; }}\n"
            f"   |                  ^^^^^^^^\n   |\n"
            "   = help: for further information visit https://rust-lang.github.io/rust-clippy/index.html#needless_return\n"
            f"help: remove `return`\n   |\n{n} -     if bt == 0 {{ return 0; }} else {{ return bt - {k % 30}; }}\n"
            f"{n} +     if bt == 0 {{ 0 }} else {{ return bt - {k % 30}; }}\n   |\n"
        )
    return "\n".join(blocks) + f"\nwarning: `roastlog` (lib) generated {count} warnings\n    Finished `dev` profile [unoptimized + debuginfo] target(s) in 0.35s\n"


def test_a_diagnostics_bare_gutter_marks_its_excerpts_as_no_code_to_read() -> None:
    # rustc's and ruff's gutters hold a number only on the excerpt's own line; the bars alone and
    # the bars over carets are as much the diagnostic's as the `-->` place.
    text = _rustc_warnings(120)
    assert not looks_like_code_or_prose(text)
    out = compress_text(text, "bash", S).rendering
    assert out.retrieve_id is not None and len(out.text) < len(text) // 4
    assert "generated 120 warnings" in out.text
    assert all(f"--> src/probe{k}.rs:" in out.text for k in range(7))  # one of each file


def test_code_with_bars_of_its_own_is_still_code() -> None:
    # OCaml's variants and match arms open with a bar, but hold more than carets after it.
    arms = "\n".join(
        f"type shape{k} =\n  | Circle of float\n  | Rect of float * float\n\nlet area{k} = function\n"
        f"  | Circle r -> 3.14 *. r *. r\n  | Rect (w, h) -> w *. h;;\n"
        for k in range(30))
    assert looks_like_code_or_prose(arms)


def _principals(count: int) -> str:
    """A loop's `kadmin.local -q "getprinc …"`: one principal after another, no blank line between."""
    out = []
    for k in range(count):
        odd = k == count // 2
        out += [
            "Authenticating as principal root/admin@EXAMPLE.TEST with password." if k % 3 == 0 else "",
            f"Principal: user{k:02d}@EXAMPLE.TEST",
            "Expiration date: [never]",
            f"Last password change: Tue Dec 01 22:{k:02d}:43 UTC 2026",
            f"Failed password attempts: {k % 2}",
            "Number of keys: 2",
            "Key: vno 1, aes256-cts-hmac-sha1-96",
            "Key: vno 1, aes128-cts-hmac-sha1-96",
            "MKey: vno 1",
            "Attributes: DISALLOW_ALL_TIX" if odd else "Attributes: REQUIRES_PRE_AUTH",
            "Policy: quarantine" if odd else "Policy: office",
        ]
    return "\n".join(x for x in out if x) + "\n"


def test_records_that_open_with_one_label_keep_their_rare_values_without_blank_lines() -> None:
    # A loop prints records back to back: each opens with the first labelled line's label, and a
    # value few of them hold stays with the line that names its record.
    text = _principals(24)
    out = cut(text)
    assert out != text
    assert "Attributes: DISALLOW_ALL_TIX" in out and "Policy: quarantine" in out
    assert "Principal: user12@EXAMPLE.TEST" in out


def test_a_log_whose_lines_open_with_a_level_is_no_run_of_records() -> None:
    from headroom_mitm.compress.records import _opened_fields

    log = [f"INFO: worker {k % 4} polled orders ({k * 7 % 90} jobs)" for k in range(60)]
    log[30] = "WARNING: worker 2 slow"
    assert _opened_fields(log, "\n" + "\n".join(log)) == {}


def test_a_column_of_places_keeps_the_first_row_of_each_place() -> None:
    # mtrace's unfreed blocks: a row per block, a few callers each many times. Each caller is a
    # place the model is asked about (principle 2: one of each place).
    rows = [f"0x{0x55c891f7f2a0 + 0x40 * k:016x} {hex(16 + k * 7 % 90):>8}  at /src/tilecache/tilecache.c:{18 + 11 * (k * 7 % 60)}"
            for k in range(1500)]
    text = "\nMemory not freed:\n-----------------\n           Address     Size     Caller\n" + "\n".join(rows) + "\n"
    out = cut(text)
    for line in {18 + 11 * j for j in range(60)}:
        assert f"tilecache.c:{line}\n" in out


def _lsan_loop(reports: int, odd: int) -> str:
    """A shell loop running a leaky program per input: LeakSanitizer's report each time, alike but
    for the reports from `odd` on, which hold a second leak, allocated at another place."""
    out = []
    for r in range(reports):
        out += [f"fwinfo: samples/beacon-{r:02d}.bfw: section table runs past the image", "",
                "=" * 65, f"=={8500 + r}==ERROR: LeakSanitizer: detected memory leaks", ""]
        for place in ["fwimg.c:25:24"] + (["fwimg.c:33:19"] if r >= odd else []):
            out += [f"{'Direct' if place.endswith('24') else 'Indirect'} leak of {24 + r} byte(s) in 1 object(s) allocated from:",
                    f"    #0 0x55bc5e27{r:02x}6c in __interceptor_calloc (/src/fw/fwinfo_lsan+0x3126c) (BuildId: e035638ff7db0e6e)",
                    f"    #1 0x55bc5e27{r:02x}79 in fw_parse_sections /src/fw/{place}",
                    f"    #2 0x55bc5e27{r:02x}c2 in main /src/fw/fwinfo.c:39:13",
                    f"    #3 0x7f23d006{r:02x}49 in __libc_start_call_main csu/../sysdeps/nptl/libc_start_call_main.h:58:16", ""]
        out += [f"SUMMARY: LeakSanitizer: {24 + r} byte(s) leaked in 1 allocation(s).", "EXIT=23"]
        out += [f"checked samples/clean-{r:02d}-{k}.bfw (version 3, {k + 2} sections)" for k in range(40)] + ["EXIT=0"]
    return "\n".join(out) + "\n"


def test_each_reports_summary_at_the_margin_stays() -> None:
    # A loop printed a report per input; each report's "SUMMARY:" is its verdict.
    out = cut(_lsan_loop(12, odd=8))
    assert all(f"SUMMARY: LeakSanitizer: {24 + r} byte(s) leaked" in out for r in range(12))


def test_a_native_frame_at_a_place_no_frame_before_named_stays() -> None:
    # Reports a loop repeats say their path once; a frame at a new place is where a report differs
    # (LeakSanitizer's indirect leaks, allocated at fwimg.c:33 in some reports only).
    text = corpus_text("wide137", "wide137-lsan-report-fwinfo-per-file-loop")
    out = compress_text(text, "bash", S).rendering.text
    assert out is not None and len(out) < len(text) and "in fw_parse_sections /tmp/hm-corpus-wide137/beaconfw/fwimg.c:33:19" in out


def test_records_unlike_the_usual_value_all_stay_when_they_are_few() -> None:
    # A prover's goals: most Valid, a few dozen not proved. Each record whose verdict is not the
    # usual one names a goal to look at, however many share that verdict.
    blocks = []
    for k in range(90):
        verdict = "Unknown (sat) (0.01s, 1130 steps)." if k % 7 == 3 else f"Valid (0.0{k % 9}s, {900 + k} steps)."
        blocks.append(f'File "sluice.mlw", line {40 + k}, characters 17-48:\nGoal g{k}_gate.\nProver result is: {verdict}')
    text = "\n\n".join(blocks) + "\n"
    out = cut(text)
    assert all(f"Goal g{k}_gate." in out for k in range(90) if k % 7 == 3)


def test_json_records_that_did_not_pass_all_stay() -> None:
    # A validation's results: a record per expectation, a dozen of 90 failed. Each failed one is a
    # failure (principle 2), not a row to sample, however many share the verdict.
    results = [{"success": k % 7 != 2, "expectation_config": {"type": "expect_column_values_to_not_be_null",
                "kwargs": {"column": f"col_{k:02d}", "mostly": 0.95}},
                "result": {"element_count": 300, "unexpected_count": 0 if k % 7 != 2 else k, "unexpected_percent": 0.0 if k % 7 != 2 else k / 3}}
               for k in range(90)]
    text = json.dumps({"success": False, "results": results, "statistics": {"evaluated_expectations": 90}}, indent=2)
    out = compress_text(text, "bash", S).rendering
    assert out.retrieve_id is not None and len(out.text) < len(text) // 2
    assert all(f'"col_{k:02d}"' in out.text for k in range(90) if k % 7 == 2)


def test_a_table_whose_first_column_is_paths_is_a_table() -> None:
    # sqlite3 -column pads each cell with runs of spaces: a row is not a path with spaces in its
    # name, and its rows are sampled as a table's (the largest and smallest stay).
    from headroom_mitm.compress.trees import looks_path_list

    rows = [f"{f'/usr/include/pkg{k % 13}/sub/header_{k:03d}.h':<60}  {900000 - k * 2011:<7}  1      644   root   2023-05-19"
            for k in range(400)]
    text = f"{'path':<60}  bytes    links  mode  owner  modified\n{'-' * 60}  -------  -----  ----  -----  ----------\n" + "\n".join(rows) + "\n"
    assert not looks_path_list(text.split("\n"))
    assert looks_path_list([f"/home/ana/My Documents/report {k}.pdf" for k in range(40)])
    out = compress_text(text, "bash", S).rendering
    assert out.retrieve_id is not None and len(out.text) < len(text) // 4
    assert rows[0] in out.text and rows[-1] in out.text


def test_a_tap_stream_with_yaml_diagnostics_is_no_configuration() -> None:
    # node --test prints TAP: each test's YAML block ("duration_ms: 0.1", "location: '…'") and the
    # diff under a failure read as configuration and code, but the stream is a test run, cut as one.
    text = corpus_text("wide143", "wide143-chain-node-test-exit")
    assert not looks_like_code_or_prose(text)
    out = compress_text(text, "bash", S).rendering
    assert out.retrieve_id is not None and len(out.text) < len(text) * 3 // 4
    assert "# fail 102" in out.text and "not ok 243 - set 242:" in out.text


def test_a_profiles_large_shares_stay_between_its_call_graphs() -> None:
    # perf report --stdio --children: a row per symbol, its call graph under it. The rows holding a
    # tenth of the samples or more are where the time went, however far apart the graphs put them.
    text = corpus_text("wide138", "wide138-perf-report-spread-children")
    out = cut(text)
    for row in ("41.48%     1.48%  tilecache  tilecache             [.] main",
                "27.41%    26.30%  tilecache  tilecache             [.] checksum",
                "21.85%     1.85%  tilecache  libc.so.6             [.] _int_malloc"):
        assert row in out


def test_a_check_that_refused_what_it_was_given_is_a_failure() -> None:
    from headroom_mitm.compress.lines import FAIL, severity

    for line in ("Dec 01 23:12:07 auth: Info: passwd-file(billing@harbour.test,127.0.0.1,<Xhe7>): Password mismatch",
                 "Login incorrect", "[2026/12/01 22:40:01] status [NT_STATUS_WRONG_PASSWORD] workstation [FGFS1]",
                 "sha256 checksum mismatch for pkg-1.2.tgz", " ! [rejected]        main -> main (fetch first)",
                 "NOQUEUE: reject: RCPT from x[127.0.0.1]: 450 4.2.0 <a@b.test>: Recipient address rejected: Greylisted"):
        assert severity(line) == FAIL, line
    assert severity("0 mismatches") is None and severity("Mismatched elements: 3 / 100 (3%)") is None
    # In an IMAP server's log, among the logins that went through.
    log = []
    for k in range(300):
        user = f"crew{k % 40:02d}@harbour.test"
        if k % 37 == 5:
            log.append(f"Dec 01 23:{k // 60:02d}:{k % 60:02d} auth: Info: passwd-file({user},127.0.0.1,<S{k:04d}>): Password mismatch")
        log.append(f"Dec 01 23:{k // 60:02d}:{k % 60:02d} imap-login: Info: Login: user=<{user}>, method=PLAIN, rip=127.0.0.1, session=<S{k:04d}>")
    out = cut("\n".join(log) + "\n")
    assert out.count("Password mismatch") == sum(1 for k in range(300) if k % 37 == 5)


def test_titles_at_the_margin_name_their_sections_whatever_their_words() -> None:
    # A script that runs each solver in turn prints "L-BFGS-B (rosen, n=6):" over each report: a
    # title per section, though no two read alike.
    # (Each report's figures are now kept for every solver, so the output is sent whole: the titles
    # are asked of the log ranking itself.)
    text = corpus_text("wide154", "wide154-minimize-ch4-3-dims")
    index = LineIndex(text)
    ranked = rank_lines(index.lines, index)
    assert ranked is not None
    for title in ("L-BFGS-B (rosen, n=6):", "Newton-CG (rosen, n=6):", "Nelder-Mead (rosen, n=3):"):
        assert ranked.rank[index.lines.index(title)] == MUST, title


def test_blocks_holding_the_same_fields_keep_the_line_that_names_each() -> None:
    # frama-c -metrics -metrics-by-function: a block per function, its title over the same counts.
    blocks = []
    for k in range(48):
        title = f"  Stats for function <gauges.c/gauge_{k:02d}>"
        blocks.append("\n".join([title, "  " + "=" * (len(title) - 2)] + [
            f"  {name} = {(k * 7 + j) % 5 + (j == 0) * 3}" for j, name in enumerate(
                ("Sloc", "Decision point", "Global variables", "If", "Loop", "Goto", "Assignment", "Exit point",
                 "Function", "Function call", "Pointer dereferencing", "Cyclomatic complexity"))]))
    text = "[kernel] Parsing gauges.c (with preprocessing)\n[metrics] Cil AST\n\n" + "\n\n".join(blocks) + "\n"
    out = cut(text)
    assert all(f"Stats for function <gauges.c/gauge_{k:02d}>" in out for k in range(48))
