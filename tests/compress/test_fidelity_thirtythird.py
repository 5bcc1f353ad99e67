"""Fidelity rules of issue #11's thirty-third pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import json
import random

from tests.compress.support import lossy


def test_a_headerless_table_of_findings_keeps_one_of_each_rule_and_file() -> None:
    # cppcheck's `--template='{severity}|{id}|{file}|{line}|{message}'`: no header names the
    # columns, yet one holds levels and one files; the style findings of a file named in no other
    # row were sampled away with the table's middle.
    rng = random.Random(33)
    files = [f"src/retort_{k:02d}.c" for k in range(40)]
    rows = []
    for path in files:
        for k in range(rng.randint(5, 9)):
            rows.append(f"style|unusedFunction|{path}|{7 + 6 * k}|The function 'retort_{k}_vent' is never used.")
    rows.insert(3, f"error|zerodiv|{files[0]}|48|Division by zero.")
    rows.append("information|missingIncludeSystem|nofile|0|Cppcheck cannot find all the include files")
    kept = lossy("\n".join(rows) + "\n")
    assert [p for p in files if f"|unusedFunction|{p}|" not in kept] == []
    assert f"error|zerodiv|{files[0]}|48|Division by zero." in kept


def test_a_table_with_a_level_column_alone_is_still_sampled() -> None:
    # Log rows with a level column and no file column are no list of findings: the rule above
    # leaves them to sampling (else every row of a long log table would stay).
    rng = random.Random(3)
    rows = [f"info|worker-{rng.randint(1, 4)}|job {k} done in {rng.randint(10, 99)} ms" for k in range(600)]
    kept = lossy("\n".join(rows) + "\n")
    assert sum(1 for line in kept.splitlines() if line.startswith("info|")) < 300


def test_functions_a_coverage_report_never_ran_stay() -> None:
    # gcov's JSON: 60 functions, a third never ran (execution_count 0). A coverage question asks
    # which; sampling kept the head and tail of the array and one of the zeros.
    functions = [{"blocks": 6, "name": f"stoker_output_{k:02d}", "blocks_executed": 0 if k % 3 == 1 else 5,
                  "execution_count": 0 if k % 3 == 1 else 40, "start_line": 4 + 7 * k, "end_line": 10 + 7 * k}
                 for k in range(60)]
    lines = [{"line_number": n, "count": 0 if n % 5 else 3, "unexecuted_block": n % 5 != 0} for n in range(400)]
    doc = {"gcc_version": "12.2.0", "files": [{"file": "works.c", "functions": functions, "lines": lines}]}
    kept = lossy(json.dumps(doc, indent=4))
    assert [f["name"] for f in functions if f["execution_count"] == 0 and f'"{f["name"]}"' not in kept] == []
    # ...while the lines, mostly zero, are sampled as before
    assert kept.count('"line_number"') < 100


def test_a_validators_verdict_after_a_long_instance_is_an_error() -> None:
    # check-jsonschema prints "<file>::<path>: <the instance, often 1-2 KB> is not valid under
    # any of the given schemas": the verdict is past the 400 characters a line is judged by.
    rng = random.Random(7)
    out = ["Schema validation errors were encountered."]
    bad = []
    for k in range(40):
        steps = ", ".join(f"{{'name': 'step {s}', 'run': 'make bars-{rng.randint(1, 99)}'}}" for s in range(12))
        line = f"  .github/workflows/{k:02d}-kettle.yml::$.jobs.boil: {{'runs-on': 'ubuntu-latst', 'steps': [{steps}]}}"
        line += " is not valid under any of the given schemas"
        bad.append(line)
        out += [line, "  Underlying errors caused this.", "", "  Best Match:",
                "    $.jobs.boil: 'timeout-minutes' is a required property", "  Best Deep Match:",
                *(f"    $.jobs.boil.steps[{s}].with: {{'depth': {s}}} is of type 'object' among {k} others" for s in range(12)), ""]
    kept = lossy("\n".join(out) + "\n")
    assert [b[:60] for b in bad if b not in kept] == []


def test_each_measure_of_a_templated_column_keeps_its_extremes() -> None:
    # Go's gctrace, split at its commas: "gc N @Ts P%: a+b+c ms clock" is one cell of several
    # measures. The longest pause (the sum of the phases), the highest share and the largest live
    # heap (the end of "A->B->C MB") each stay.
    rng = random.Random(5)
    lines = []
    for n in range(1, 230):
        pct, pause, live = rng.randint(3, 6), round(rng.uniform(0.2, 2.0), 2), rng.randint(1, 9)
        if n == 61:
            pct = 9
        if n == 117:
            pause = 14.0
        if n == 173:
            live = 93
        lines.append(f"gc {n} @{n * 0.004:.3f}s {pct}%: 0.05+{pause}+0.002 ms clock, 0.1+0.04/0.06/0.1+0.004 ms cpu, "
                     f"{live + 2}->{live + 3}->{live} MB, {live + 3} MB goal, 0 MB stacks, 0 MB globals, 2 P")
    lines.append("smithy: cut 90000 bars")
    kept = lossy("\n".join(lines) + "\n")
    for n in (61, 117, 173):
        assert f"gc {n} @" in kept
