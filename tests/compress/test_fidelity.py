"""Fidelity rules found on outputs the engine was not written for: each test names the rule."""

from __future__ import annotations

import random

from headroom_mitm.compress import logs, sift
from headroom_mitm.compress import structured as st
from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.select import MUST

from tests.support import RULES, lossy_rendering

S = RULES


def _lossy(text: str) -> tuple[str, str]:
    return lossy_rendering(text, S)


def test_levelless_findings_recurring_across_files_keep_one_of_each_message_and_file() -> None:
    rng = random.Random(1)
    words = [("recieve", "receive"), ("seperate", "separate"), ("lenght", "length"), ("occured", "occurred")]
    lines, pairs = [], set()
    for i in range(160):
        f = f"./pkg/mod_{i % 12}.py"
        bad, good = words[rng.randrange(len(words))]
        lines.append(f"{f}:{10 + i}: {bad} ==> {good}")
        pairs.add((f, bad))
    name, out = _lossy("\n".join(lines) + "\n")
    assert name != "search_results"
    kept = [ln for ln in out.split("\n") if " ==> " in ln and not ln.startswith("[")]
    assert {(ln.split(":")[0], ln.split(": ")[1].split()[0]) for ln in kept} == pairs
    assert len(kept) < len(lines)


def test_grep_hits_of_varied_source_lines_stay_search_results() -> None:
    rng = random.Random(2)
    names = ["total", "rate", "items", "price", "order", "cart", "user", "tax", "sum", "row", "cell", "key"]
    lines = [f"src/mod_{i % 9}.py:{i + 1}:    {rng.choice(names)}_{rng.choice(names)} = compute({rng.choice(names)})"
             for i in range(520)]
    name, _ = _lossy("\n".join(lines) + "\n")
    assert name == "search_results"


def test_merge_conflicts_are_failures_every_one_kept() -> None:
    lines = []
    conflicts = []
    for i in range(220):
        lines.append(f"Auto-merging conf/mod_{i:03d}.py")
        if i % 11 == 3:
            c = f"CONFLICT (content): Merge conflict in conf/mod_{i:03d}.py"
            lines.append(c)
            conflicts.append(c)
    lines.append("Automatic merge failed; fix conflicts and then commit the result.")
    _, out = _lossy("\n".join(lines) + "\n")
    kept = set(out.split("\n"))
    assert all(c in kept for c in conflicts)
    assert len(out) < len("\n".join(lines)) / 2


def test_git_output_keeps_what_git_reports_between_diffs() -> None:
    lines = ["diff --git a/x.py b/x.py", "--- a/x.py", "+++ b/x.py", "@@ -1,2 +1,2 @@", "-a = 1", "+a = 2", " b = 3",
             "error: could not apply 1a2b3c4... retune settings",
             "CONFLICT (modify/delete): conf/y.py deleted in HEAD and modified in 1a2b3c4.",
             "Auto-merging conf/z.py"]
    rank = st.rank_git(lines)
    assert rank[7] == MUST and rank[8] == MUST and rank[9] == MUST  # every line git says between diffs
    assert rank[6] != MUST  # a context line


def test_the_list_under_a_closing_summary_header_is_kept_behind_a_line_prefix() -> None:
    lines = ["==42== Memcheck, a memory error detector", "==42== Command: ./app"]
    lines += [f"==42== thread {i} touched block {i * 7} in frame_{i % 17} (app.c:{i})" for i in range(300)]
    summary = ["==42==    definitely lost: 152 bytes in 12 blocks", "==42==    indirectly lost: 180 bytes in 8 blocks",
               "==42==      possibly lost: 0 bytes in 0 blocks", "==42==    still reachable: 64 bytes in 1 blocks"]
    lines += ["==42==", "==42== LEAK SUMMARY:", *summary, "==42==", "==42== For lists of detected errors, rerun with: -s",
              "==42== ERROR SUMMARY: 13 errors from 2 contexts (suppressed: 0 from 0)"]
    ranked = logs.rank_lines(lines, LineIndex("\n".join(lines)))
    assert ranked is not None
    at = lines.index("==42== LEAK SUMMARY:")
    assert [ranked.rank[k] for k in range(at, at + 5)] == [MUST] * 5
    assert ranked.rank[at - 2] != MUST


def test_a_pipe_table_with_numbers_last_is_not_git_stat() -> None:
    rows = [f" {i:3} | job_{i:<5} | {'failed' if i == 137 else 'done':9} | {1 + i % 3:8} | {100 + (i * 7919) % 5000:10}"
            for i in range(1, 261)]
    text = "\n".join([" id   | name       | state     | attempts | runtime_ms", "-" * 60, *rows, "(260 rows)"]) + "\n"
    assert not st.looks_git(text)
    assert st.looks_git(" src/a.py | 12 +++---\n src/b.py |  3 +-\n src/c.py | 40 ++++\n 3 files changed\n")
    name, out = _lossy(text)
    assert name == "table_rows"
    assert next(r for r in rows if "failed" in r) in out.split("\n")


def test_csv_records_with_an_empty_last_field_are_data_not_code() -> None:
    rng = random.Random(3)
    rows = [f"Z{i:03d},{rng.uniform(-80, 80):.4f},{rng.uniform(-170, 170):.4f},Region/City_{i},Area{i % 4},1.0,2.0,"
            for i in range(300)]
    rows[150] = rows[150][:-1] + "Casey"
    text = "countries,latitude,longitude,tz,region,jan,jul,comment\n" + "\n".join(rows) + "\n"
    name, out = _lossy(text)
    assert name == "table_rows"
    kept = out.split("\n")
    assert "countries,latitude,longitude,tz,region,jan,jul,comment" in kept and rows[150] in kept
    assert len(out) < len(text) / 2


def test_syslog_lines_opening_with_a_priority_are_a_log_not_markup() -> None:
    lines = []
    for i in range(240):
        if i % 60 == 17:
            lines.append(f"<11>1 2026-11-30T08:26:{i % 60:02d}.1Z vm billing - ERR - payment gateway refused invoice {i}")
        else:
            lines.append(f"<134>1 2026-11-30T08:26:{i % 60:02d}.1Z vm billing - INV - invoice {10000 + i} generated")
    text = "\n".join(lines) + "\n"
    _, out = _lossy(text)
    kept = set(out.split("\n"))
    assert all(x in kept for x in lines if "refused" in x)
    assert len(out) < len(text) / 2


def test_a_literal_table_in_source_code_stays_code() -> None:
    body = [f'    ("item_{i}", {i}, {i * 0.5}, "note {i}"),' for i in range(300)]
    text = "ROWS = [\n" + "\n".join(body) + "\n]\n\n\ndef total():\n    return sum(r[1] for r in ROWS)\n"
    assert sift.lossy_candidates(text, "bash", S) == []


def test_stamped_log_lines_that_read_like_prose_are_a_log() -> None:
    lines = [f"Nov 30 08:{i // 60:02d}:{i % 60:02d} vm billing: the service handled the request from a customer and "
             f"returned the invoice page to the browser without trouble" for i in range(240)]
    lines[131] = "Nov 30 08:02:11 vm billing: the service could not reach the payment gateway for this customer"
    text = "\n".join(lines) + "\n"
    _, out = _lossy(text)
    assert lines[131] in out.split("\n")
    assert len(out) < len(text) / 2


def test_one_comma_a_line_is_not_csv() -> None:
    from headroom_mitm.compress import tables
    prose = [f"Paragraph {i} of the guide explains the setting, and what it changes for the user" for i in range(40)]
    assert not tables.delimited(prose)
    assert tables.delimited([f"a{i},b{i},c{i}" for i in range(40)])
