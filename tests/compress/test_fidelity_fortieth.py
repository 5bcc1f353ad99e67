"""Fidelity rules of issue #11's fortieth pass: each test names the rule and fails without it."""

from __future__ import annotations

import random

import pytest

from headroom_mitm.compress.structured import COMMIT_LED
from tests.compress.support import corpus_text, lossy, sent


def _access_log(rng: random.Random) -> tuple[str, list[str]]:
    """log4js lines of a tannery's service, as round 771 made them: most requests answered 200, some
    202, failures logged with their stack, and a few statuses seen once or twice (returned apart)."""
    statuses = ["200"] * 49 + ["500"] * 9 + ["202"] * 6 + ["206", "206", "504", "504", "404", "503"]
    rng.shuffle(statuses)
    lines, odd = [], []
    for k, status in enumerate(statuses):
        stamp = f"[2026-12-04T14:35:02.{k:03d}]"
        if status in ("500", "504"):
            lines.append(f"{stamp} [ERROR] tannery.app - unhandled Error in POST /vats/V-{k % 12:02d}/liquor Error: vat holds no hides")
            lines += [f"    at step{j} (/srv/tannery/tannery.js:{50 + j}:{10 + j})" for j in range(10)]
        level = "ERROR" if status[0] == "5" else "INFO"
        line = (f"{stamp} [{level}] tannery.access - request method={rng.choice(['GET', 'POST', 'PUT'])} "
                f"path=/hides/H-{rng.randint(1, 60):04d} status={status} duration_ms={rng.uniform(0.002, 0.2):.3f}")
        lines.append(line)
        if status in ("206", "404", "503"):
            odd.append(line)
    return "\n".join(lines), odd


def test_a_fields_odd_values_stay_where_one_value_holds_most_lines() -> None:
    # Rule 4 on a log's key=value fields: "status=206" twice among seventy requests most of them
    # "status=200" is the odd row out, as a table's rare status is; the extremes alone (200, 504) miss it.
    text, odd = _access_log(random.Random(40))
    out = lossy(text).split("\n")
    for line in odd:
        assert line in out
    assert len(out) < len(text.split("\n")) * 2 / 3


def test_ids_are_no_code() -> None:
    # A field of whole numbers most of whose values are seen once or twice is an id (a request's
    # number), not a code: its values are no odd ones out, and lifting them all would send the log whole.
    text, _ = _access_log(random.Random(41))
    rng = random.Random(42)
    lines = [f"{line} req={rng.randrange(10**5, 10**6)}" if "tannery.access" in line else line for line in text.split("\n")]
    out = lossy("\n".join(lines)).split("\n")
    assert sum("req=" in x for x in out) < sum("req=" in x for x in lines) / 2


def test_logurus_diagnose_traceback_keeps_its_innermost_frame() -> None:
    # loguru's `diagnose=True` prints each frame over the values of its variables, frames set apart
    # by blank lines, the frame that caught it marked ">": the frame just over the exception is still
    # where it failed, however far its annotations push it up (a tuning item of round 771).
    text = corpus_text("wide771", "wide771-loguru-diagnose-200-77134")
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line == "Traceback (most recent call last):"]
    assert len(starts) >= 10
    out = lossy(text)
    for i in starts:
        end = next(k for k in range(i + 1, len(lines)) if lines[k][:1] not in ("", " ", ">"))
        innermost = max(k for k in range(i, end) if lines[k].lstrip("> ").startswith("File "))
        assert lines[innermost] in out and lines[end] in out


def test_an_lcov_tracefile_keeps_what_never_ran_with_its_file() -> None:
    # lcov (node --test's, jest's, c8's, coverage.py's): "FNDA:0,name" is a function no test called,
    # "DA:12,0" a line never run; they and the "SF:" line naming their file are what a coverage
    # question asks for, among hundreds of lines that ran.
    rng = random.Random(40)
    records, unrun = [], []
    for f in range(24):
        source = f"SF:lib/wheel{f}.js"
        fns = [f"spoke{f}_{k}" for k in range(8)]
        cold = {rng.randrange(8)} if f % 3 == 0 else set()
        dark = set(range(30, 33)) if f % 4 == 1 else set()
        body = [f"FN:{3 + 4 * k},{name}" for k, name in enumerate(fns)]
        body += [f"FNDA:{0 if k in cold else rng.randint(1, 9)},{name}" for k, name in enumerate(fns)]
        body += [f"FNF:{len(fns)}", f"FNH:{len(fns) - len(cold)}"]
        body += [f"DA:{n},{0 if n in dark else rng.randint(1, 9)}" for n in range(1, 60)]
        body += ["LF:59", f"LH:{59 - len(dark)}", "end_of_record"]
        records += [source, *body]
        unrun += [source] * bool(cold or dark) + [f"FNDA:0,{fns[k]}" for k in cold] + [f"DA:{n},0" for n in sorted(dark)[:1]]
    out = lossy("TN:\n" + "\n".join(records)).split("\n")
    for line in unrun:
        assert line in out
    assert len(out) < len(records) / 3


@pytest.mark.parametrize("style", ["markdown", "istanbul", "text"])
def test_a_coverage_reports_rows_with_lines_not_run_stay(style: str) -> None:
    # coverage.py's report (`--format=markdown -m`, or pytest-cov's term-missing) and istanbul's text
    # table (jest, nyc, c8) list under "Missing" / "Uncovered Line #s" the lines no test ran: each
    # such row is what a coverage question asks for, as a line never run is in annotated source.
    rng = random.Random(40)
    rows, missing = [], []
    for k in range(150):
        name = f"works/press_{k:03d}.py"
        gaps = f"{rng.randint(10, 40)}-{rng.randint(41, 90)}, {rng.randint(91, 99)}" if k % 11 == 3 else ""
        cover = 100 if not gaps else rng.randint(40, 95)
        if style == "markdown":
            row = f"| {name:<24} | {rng.randint(5, 200):>6} | {0 if not gaps else 7:>5} | {cover:>5}% | {gaps:>20} |"
        elif style == "istanbul":
            row = f" {name:<24} | {cover:>7} | {cover:>8} | {cover:>7} | {cover:>7} | {gaps:<17} "
        else:
            row = f"{name:<28} {rng.randint(5, 200):>5} {0 if not gaps else 7:>5} {cover:>5}%   {gaps}".rstrip()
        rows.append(row)
        if gaps:
            missing.append(row)
    header = {"markdown": ["| Name                     |  Stmts |  Miss | Cover |              Missing |",
                           "|------------------------- | -----: | ----: | ----: | -------------------: |"],
              "istanbul": [" File                     | % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s ",
                           "--------------------------|---------|----------|---------|---------|-------------------"],
              "text": ["Name                         Stmts  Miss  Cover   Missing", "-" * 56]}[style]
    out = lossy("\n".join(header + rows)).split("\n")
    for row in missing:
        assert row.rstrip() in out or row in out
    assert len(out) < len(rows) / 2


@pytest.mark.parametrize("item", ["wide783-dirstat-log", "wide783-raw-log"])
def test_a_history_with_details_keeps_every_commit_line(item: str) -> None:
    # `git log --oneline --dirstat` (or --raw, --stat, --name-status): a commit a line, its details
    # under it. The commit lines are the list the model may name back, as `git log --oneline`'s are;
    # only the details may go (round 783's tuning items).
    text = corpus_text("wide783", item)
    commits = [line for line in text.split("\n") if COMMIT_LED.match(line)]
    assert len(commits) >= 50
    out = sent(text).split("\n")
    for commit in commits:
        assert commit in out
