"""Fidelity rules of issue #11's twentieth pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

from headroom_mitm.compress.lines import FAIL, severity
from tests.compress.support import corpus_text, lossy


def test_a_closing_box_drawn_with_rules_is_the_summary_and_stays_whole() -> None:
    text = corpus_text("wide196", "wide196-borg-create-filter-unreadable")  # a backup's list, then its stats
    out = lossy(text)
    box = text[text.index("-" * 78 + "\nRepository:"):]
    for line in box.splitlines():
        assert line in out


def test_a_spreadsheet_cell_that_could_not_be_computed_is_a_failure() -> None:
    for cell in ("#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#N/A", "#NUM!", "#NULL!"):
        assert severity(f"Guard 4,L. Nowak,{cell},12") == FAIL, cell
    assert severity("Guard 4,L. Nowak,19.50,12") is None


def test_mail_that_cannot_be_delivered_is_a_failure() -> None:
    assert severity("ghost10@quayside.test is undeliverable: Unrouteable address") == FAIL
    assert severity("Dec 01 18:08:58 mail postfix/smtp[2041]: 4F1A2: to=<a@b.test>, status=bounced (host said: 550)") == FAIL
    assert severity("pilot@quayside.test -> /var/mail/pilot transport = local_delivery") is None


def test_a_finding_rated_by_a_number_is_a_finding_kept_whatever_its_scale() -> None:
    assert severity('PHP_System_Get [severity =9,scope="webroot"] share//webroot/img028.php') == FAIL
    assert severity("Code before strictures are enabled at line 4, column 1.  (Severity: 5)") == FAIL
    assert severity("   Severity: 3   Confidence: High") is None  # a field of the block above, not a finding


def test_every_thread_of_a_stack_dump_keeps_its_header_and_the_line_under_it() -> None:
    out = []
    for t in range(1, 41):
        out.append(f"  thread #{t}, name = 'worker', stop reason = signal SIGSTOP")
        out.append(f"    frame #0: 0x00007fda9379112b libc.so.6`__GI___lll_lock_wait at futex-internal.h:{146 if t % 9 else 57}:13")
        out += [f"    frame #{f}: 0x0000563fc34b17{f}5 app`worker(arg=0x00007fffdb4ae{t:03x}) at app.c:{90 + f}:9" for f in range(1, 6)]
    kept = lossy("(lldb) thread backtrace all\n" + "\n".join(out) + "\n(lldb) detach\n")
    for t in range(1, 41):
        assert f"thread #{t}, name" in kept
    assert kept.count("__GI___lll_lock_wait at futex-internal.h:57:13") == 4


def test_each_report_of_a_tool_run_over_many_files_keeps_the_line_naming_its_file() -> None:
    text = corpus_text("wide202", "wide202-fitsverify-errors-only")  # fitsverify over a glob of files
    kept = lossy(text)
    named = [x for x in text.splitlines() if x.startswith("File: ")]
    assert len(named) > 20
    for line in named:
        assert line in kept


def test_what_a_debugger_printed_when_asked_stays() -> None:
    # lldb stopped at a crash, then asked for the variables of each frame up the stack.
    text = corpus_text("wide203", "wide203-lldb-tides-null-fr-v-up")
    kept = lossy(text)
    lines = text.splitlines()
    asked = [x for x in lines if x.startswith("(") and ") " in x and " = " in x and not x.startswith("(lldb)")]
    assert len(asked) > 10
    for line in asked:
        assert line in kept
    for line in lines:
        if line.lstrip().startswith(("frame #1:", "frame #2:")):  # where `up` went: the program's own callers
            assert line in kept
