"""Fidelity rules of issue #11's thirty-fourth pass: each test names the rule and fails without it
(three on the corpus's tuning items they came from, the others on outputs made here); two guards."""

from __future__ import annotations

import json
import random

from headroom_mitm.compress.lineindex import LineIndex
from headroom_mitm.compress.lossless import trim_trailing_ws
from headroom_mitm.compress.segments import runs
from tests.compress.support import corpus_text, lossy


def _crlf_diff(rng: random.Random) -> tuple[str, list[str]]:
    """A `git diff` of files with CRLF line ends: a blank context line is " \\r", which the
    clean-up trims to "\\r". One file's long rewrite gives the cut room; every other file's hunk
    changes one line under two blank context lines."""
    out: list[str] = []
    changed: list[str] = []
    for k in range(24):
        path = f"src/holder_{k:02d}.py"
        old, new = f"-\treturn lift * {k}\r", f"+\treturn lift * ({k} + 1)\r"
        changed += [old, new]
        out += [f"diff --git a/{path} b/{path}", f"index {rng.getrandbits(28):07x}..{rng.getrandbits(28):07x} 100644",
                f"--- a/{path}", f"+++ b/{path}", f"@@ -{10 + k},4 +{10 + k},4 @@ class Holder{k}:",
                " \r", " \r", f" def lift_{k}(lift: float) -> float:\r", old, new]
    out += ["diff --git a/data/readings.csv b/data/readings.csv", "index 1fa8816..d0172dc 100644",
            "--- a/data/readings.csv", "+++ b/data/readings.csv", "@@ -1,0 +1,400 @@"]
    out += [f"+{k},{rng.randint(1000, 9999)},{rng.random():.6f},gasholder-{rng.randint(1, 9)}\r" for k in range(400)]
    return "\n".join(out) + "\n", changed


def test_a_crlf_diffs_blank_context_line_does_not_end_its_hunk() -> None:
    # The hunk's walk ended at the first "\r" line, so the changed lines after it were read as
    # stray text and sampled away.
    text, changed = _crlf_diff(random.Random(34))
    kept = lossy(text).split("\n")
    assert [line for line in changed if line not in kept] == []


def test_a_crlf_diff_chained_before_a_log_ends_where_its_last_hunk_does() -> None:
    # The same walk tells where a diff ends when outputs are chained (`git diff; make`): its last
    # hunk's changed lines after a "\r" context line belong to the diff, not to the log after it.
    diff = ["diff --git a/holder.py b/holder.py", "index 1fa8816..d0172dc 100644", "--- a/holder.py",
            "+++ b/holder.py", "@@ -12,4 +12,4 @@ class Holder:", " \r", " \r", " def lift(h):\r",
            "-\treturn h.rise\r", "+\treturn h.rise + 1\r"]
    log = [f"INFO lift {k} read {k * 7} mm" for k in range(60)]
    text = trim_trailing_ws("\n".join(diff + log))
    assert (0, len(diff), "git") in runs(LineIndex(text))


def test_a_record_without_a_value_every_other_record_has_stays() -> None:
    # jq's records of a package-lock: one package of 140 has no license (null). A licence question
    # asks for it; the array was sampled to its head, tail and rare licences, and null was no value.
    rng = random.Random(34)
    licences = ["MIT"] * 8 + ["ISC", "Apache-2.0", "BSD-3-Clause"]
    records = [{"name": f"retort-{k:03d}", "version": f"{rng.randint(0, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}",
                "license": rng.choice(licences), "dev": False, "deps": rng.randint(0, 6)} for k in range(140)]
    records[71]["license"] = None
    kept = lossy(json.dumps(records, indent=2))
    assert '"name": "retort-071"' in kept


def test_nulls_common_in_a_field_are_no_gap() -> None:
    # An optional field that is null in many records: its nulls are the field's usual value.
    records = [{"name": f"lift-{k:03d}", "alias": None if k % 3 else f"l{k}", "rise_mm": 1000 + k} for k in range(300)]
    kept = lossy(json.dumps(records, indent=2))
    assert kept.count('"alias": null') < 20


def test_a_box_tables_columns_are_its_cells_and_each_keeps_its_extremes() -> None:
    # tinybench's console.table: a cell is "'7874.2 ± 168.94%'", a mean and its spread. Split at
    # spaces, the columns past the twelfth field were one cell, and the greatest median latency
    # and average throughput were sampled away.
    kept = lossy(corpus_text("wide613", "wide613-tinybench-120"))
    assert "'nockSortSelection #34'  │ '245602 ± 153.71%'" in kept
    assert "'drawWeight #17'         │ '3786.7 ± 141.83%'" in kept


def test_a_nesting_gutter_of_bars_is_no_box_table() -> None:
    # diffoscope nests each file's diff behind "│ " bars that do not close the line: its hunk
    # headers stay as a diff's, not sampled as a table's rows.
    assert "│ │ @@ -1,13 +1,13 @@" in lossy(corpus_text("wide106", "wide106-diffoscope-tarballs"))


def test_a_table_under_a_rule_of_dashes_is_cut_at_the_rules_columns() -> None:
    # license-report's table: cells hold spaces ("(MIT OR CC0-1.0)", an author's name), so split
    # at spaces no two rows had one width and it was read as a log; its rare licences mid-table,
    # which a table keeps, were sampled away.
    kept = lossy(corpus_text("wide509", "wide509-lr-table-prod"))
    for name, licence in (("mdn-data", "CC0-1.0"), ("argparse", "Python-2.0"), ("fendoff-rota", "UNLICENSED")):
        assert any(line.startswith(name + " ") and f" {licence} " in line for line in kept.splitlines()), name
