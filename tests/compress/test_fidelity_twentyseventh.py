"""Fidelity rules of issue #11's twenty-seventh pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import json
import re

from tests.compress.support import corpus_text, sent


def test_every_member_of_a_container_named_errors_stays() -> None:
    # kacl-verify --json: 84 records under "errors", none with a level or a "message" key of the
    # usual names ("error_message", "line_number"); they were sampled to head, tail and anomalies.
    # A GraphQL response's "errors", a validator's "validationErrors" are of the same kind.
    errors = [{"error_message": "Link not referenced anywhere in the document" if k % 3 else "Version is not valid.",
               "line": f"[{k}.2.0]: https://mill.example/releases/v{k}.2.0", "line_number": 300 + 7 * k,
               "start_char_pos": 0, "end_character_pos": 40 + k % 5} for k in range(84)]
    packages = [{"name": f"vat{k}", "version": f"1.{k}.0", "ok": True} for k in range(300)]
    for key in ("errors", "validationErrors", "failures"):
        text = json.dumps({"valid": False, "packages": packages, key: errors}, indent=4)
        kept = sent(text)
        assert "elided" in kept  # the packages are sampled: the document was outlined
        assert [e["line_number"] for e in errors if f'"line_number":{e["line_number"]}' not in kept.replace(" ", "")] == []
    # A container of another name is sampled as before.
    kept = sent(json.dumps({"valid": False, "packages": packages, "links": errors}, indent=4))
    assert sum(f'"line_number":{e["line_number"]}' in kept.replace(" ", "") for e in errors) < len(errors)


def test_every_result_row_of_a_benchmark_run_stays() -> None:
    # libtest's `cargo bench`: each "... bench:" row is a figure asked about, not a pass to drop first
    # (18 of 46 rows were kept beside the failures' backtraces). Google Benchmark's rows, their header
    # cut off by `| tail`, the same.
    rows = [f"test benches::bench_vat_{k}_{8 << k % 4:<4} ... bench: {k * 37.5 % 1900:>12,.2f} ns/iter (+/- {k * 3.1:.2f})"
            for k in range(60)]
    out = [f"   Compiling felt-dep{k} v0.{k}.1" for k in range(300)]
    out += ["   Compiling feltbench v0.4.2 (/srv/feltbench)", "running 64 tests"]
    for k, row in enumerate(rows):
        out.append(row)
        if k % 15 == 7:
            out.append(f"test benches::bench_couch_{k} ... FAILED")
    out += ["", "failures:", ""]
    for k in range(4):
        out += [f"---- benches::bench_couch_{k} stdout ----", f"thread 'main' panicked at src/lib.rs:{40 + k}:9:",
                "attempt to divide by zero", "stack backtrace:"]
        out += [f"  {d}: felt::frame_{d}" for d in range(30)]
    out += ["test result: FAILED. 0 passed; 4 failed; 0 ignored; 0 measured; 60 filtered out"]
    kept = sent("\n".join(out))
    assert "elided" in kept and [r for r in rows if r not in kept] == []
    google = [f"BM_Felt/{8 << k % 6:<6} {900 + k * 17 % 400:>8} ns {280 + k % 9:>8} ns {96986 + k:>10} bytes_per_second=1.{k}G/s"
              for k in range(90)]
    logs = [f"2026-12-02T00:{k // 60:02d}:{k % 60:02d} drying cylinder {k % 7} at {60 + k % 13} C" for k in range(300)]
    kept = sent("\n".join(logs + google))
    assert "elided" in kept and [r for r in google if r not in kept] == []


def test_a_notebook_cells_place_is_a_place() -> None:
    # nbqa runs ruff and mypy over notebooks and prints each finding at `x.ipynb:cell_9:8:5:`: read
    # as no place, 150 ruff findings were ranked as a log's lines and 78 of 100 went.
    codes = (("F401", "[*] `os` imported but unused"), ("E722", "Do not use bare `except`"),
             ("F821", "Undefined name `undefined_frame`"), ("F541", "[*] f-string without any placeholders"))
    findings = [f"lint/season{k:02d}.ipynb:cell_{2 + 7 * (j % 3)}:{3 + j}:{5 + k % 9}: {code} {message}"
                for k in range(40) for j, (code, message) in enumerate(codes)]
    kept = sent("\n".join([*findings, "Found 160 errors.", "[*] 80 fixable with `--fix`."]))
    assert [f for f in findings if f not in kept] == []


def test_the_root_of_each_drawn_tree_stays() -> None:
    # `cargo tree -d`: one tree per duplicated crate, its root at the left margin over the inverted
    # paths to it (cargo's "│   [build-dependencies]" labels among them). The roots are what the
    # output answers, which versions are there twice: 55 of 72 went as a log's lines.
    text = corpus_text("wide398", "wide398-cargo-tree-d-3")
    roots = [x for x in text.splitlines() if x and x[0] not in " │├└"]
    kept = sent(text)
    assert len(roots) > 60 and "elided" in kept and [r for r in roots if r not in kept] == []


def test_a_comment_titled_section_keeps_its_title() -> None:
    # sqlglot over a file of queries: each statement it wrote under "-- qNN (teradata -> presto)",
    # a blank line between. The titles name the query each block (or error) is for; 54 of 84 went.
    blocks = []
    for k in range(40):
        body = ["SELECT", f'  "b"."pan_{k}" AS "pan",', f'  SUM("b"."salt_{k % 7}") AS "kg"', 'FROM "boilings" AS "b"',
                "WHERE", f"  \"b\".\"grade\" = 'fine{k % 3}'", "GROUP BY", f'  "b"."pan_{k}"']
        if k % 9 == 4:
            body = [f"ParseError: Expected END after CASE. Line 1, Col: {50 + k}."]
        blocks.append([f"-- q{k:02d} (teradata -> presto)", *body])
    kept = sent("\n\n".join("\n".join(b) for b in blocks))
    assert "elided" in kept and [b[0] for b in blocks if b[0] not in kept] == []
    # nbdiff's "## deleted /cells/4/outputs/0:" over each change to a notebook (34 of 50 went).
    text = corpus_text("wide414", "wide414-nbdiff-east-mortality")
    headers = [x for x in re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines() if x.startswith("## ")]
    kept = sent(text)
    assert len(headers) > 30 and "elided" in kept and [h for h in headers if h not in kept] == []


def test_a_finding_behind_taps_comment_mark_is_a_finding() -> None:
    # rubocop --format tap (and prove's diagnostics): each finding is a TAP comment, "# path:L:C: W:
    # Cop: message", under "not ok N - path". Read as comments, half of them went.
    out = ["1..30"]
    findings = []
    for k in range(30):
        out.append(f"not ok {k + 1} - lib/press/barrel{k}.rb")
        for j, (level, cop) in enumerate((("C", "Naming/MethodName"), ("W", "Lint/UselessAssignment"),
                                          ("C", "Style/RedundantReturn"), ("C", "Security/Eval"))):
            findings.append(f"# lib/press/barrel{k}.rb:{13 + 5 * j}:{7 + k % 5}: {level}: {cop}: the cop's message {j}.")
            out += [findings[-1], f"#       pomace_{j} = press(vat{k})", "#       ^^^^^^^^^^"]
    kept = sent("\n".join(out))
    assert [f for f in findings if f not in kept] == []


def test_each_failures_compared_values_stay() -> None:
    # pandas' assert_series_equal says what differs on "[left]:" and "[right]:" lines under its
    # message; a parametrized test fails the same way with other values each time, and only the
    # first failures' values were kept (152 of 272 needles of this pytest run over notebooks' data).
    text = corpus_text("wide414", "wide414-assert-tanks-many")
    compared = [x for x in text.splitlines() if x.startswith(("E   [left]:", "E   [right]:"))]
    kept = sent(text)
    assert len(compared) > 40 and "elided" in kept and [c for c in compared if c not in kept] == []
