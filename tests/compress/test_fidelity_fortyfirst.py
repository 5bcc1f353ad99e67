"""Fidelity rules of issue #11's forty-first pass: each test names the rule and fails without it."""

from __future__ import annotations

import json
import random
import traceback
from collections.abc import Callable
from pathlib import Path

from tests.compress.support import lossy


def _unused_report(rng: random.Random, files: int) -> tuple[dict, list[str]]:
    """A knip-style JSON report: one record per file, its findings placed by line and column with no
    message or level of their own; most records hold none. Returns it and each finding's name."""
    issues, names = [], []
    for f in range(files):
        found = [] if f % 3 else [{"name": f"unusedSpar{f}_{k}", "line": 10 + k, "col": 14, "pos": 300 + 40 * k}
                                  for k in range(rng.randint(1, 3))]
        names += [x["name"] for x in found]
        issues.append({"file": f"src/spar{f:03d}.ts", "dependencies": [], "devDependencies": [], "unlisted": [],
                       "unresolved": [], "exports": found, "types": [], "enumMembers": {}, "duplicates": []})
    return {"files": [f"src/legger{k}.ts" for k in range(5)], "issues": issues}, names


def test_a_json_report_grouped_by_file_keeps_every_file_it_places_findings_in() -> None:
    # Principle 2 on JSON: a record naming a file beside lists of entries placed by line (knip's
    # {"file": …, "exports": [{"name": …, "line": 15, "col": 17}]}) reports findings in that file;
    # one of each (kind, file) stays, so every such file's record outlives the array's sampling.
    report, names = _unused_report(random.Random(41), 150)
    text = json.dumps(report, indent=2)
    out = lossy(text)
    for name in names:
        assert f'"{name}"' in out
    assert len(out) < len(text) / 2  # the records without findings are sampled


def test_a_container_named_for_what_a_check_found_wrong_keeps_every_member() -> None:
    # reuse lint --json lists the files it faults by bare path under "missing_copyright_info":
    # the container's name says each member is a finding, as "errors" does ("badges" says nothing).
    rng = random.Random(41)
    paths = [f"/srv/thatchers/yard/data/reed_bundle_{k:03d}.txt" for k in range(300)]
    files = [{"path": path, "copyrights": [{"value": "SPDX-FileCopyrightText: 2026 Thatchers", "source": path}],
              "spdx_expressions": [{"value": "MIT", "is_valid": True}]} for path in paths]
    missing = sorted(rng.sample(paths, 120))
    badges = [{"name": f"b{k}", "colour": "green", "url": f"https://thatch.example/b{k}.svg"} for k in range(60)]
    report = {"lint_version": "1.0", "files": files,
              "non_compliant": {"missing_copyright_info": missing, "badges": badges},
              "summary": {"files_total": 300, "compliant": False}}
    out = lossy(json.dumps(report, indent=2))
    listed = out.split('"missing_copyright_info"', 1)[1]
    for path in missing:
        assert f'"{path}"' in listed
    assert sum(f'"b{k}"' in out for k in range(60)) < 30  # "badges" names no finding: sampled


def test_a_place_written_path_colon_line_col_keeps_one_finding_of_each_rule_per_file() -> None:
    # csslint's and jshint's compact form, "a.css: line 2, col 1, Warning - … (rule)": the file
    # before "line N" is the finding's place, so each file keeps one finding of each rule, not only
    # the first file.
    rules = [("Values of 0 shouldn't have units specified.", "zero-units"), ("Don't use IDs in selectors.", "ids"),
             ("Use of !important", "important"), ("Rule is empty.", "empty-rules")]
    rng = random.Random(41)
    lines, first = [], {}
    for f in range(12):
        path = f"/srv/thatch/styles/{f:02d}-ridge.css"
        for n in range(1, 40):
            message, rule = rng.choice(rules)
            line = f"{path}: line {n * 3}, col {rng.randint(1, 20)}, Warning - {message} ({rule})"
            lines.append(line)
            first.setdefault((path, rule), line)
        lines.append("")
    out = lossy("\n".join(lines)).split("\n")
    for line in first.values():
        assert line in out


def test_a_place_by_json_pointer_or_path_is_a_findings_place() -> None:
    # Schema validators place what they find by where it sits in the document, not by line: v8r's
    # "furnaces/02.json#/pots must be >= 1", check-jsonschema's "a.yml::$.updates[4].day: 'funday' …".
    # Those are findings of that file: each file keeps its own, among hundreds of lines of progress.
    rng = random.Random(41)
    messages = ["must be <= 1600", "must have required property 'spars'", "must be equal to one of the allowed values",
                "must NOT have additional properties"]
    lines, findings = [], []
    for f in range(40):
        name = f"ridges/{f:02d}-liggers.json"
        lines += [f"ℹ Processing {name}", f"ℹ Validating {name} against schema from schemas/ridge.schema.json ..."]
        if f % 4:
            lines += [f"✔ {name} is valid", ""]
            continue
        found = [f"{name}#/{rng.choice(['pitch', 'spars', 'reeds/0'])} {m}" for m in rng.sample(messages, 2)]
        found.append(f"cellars/{f:02d}/.github/dependabot.yml::$.updates[{f % 3}].schedule.day: 'funday' is not one of ['monday']")
        lines += [f"✖ {name} is invalid", "", *found, ""]
        findings += found
    out = lossy("\n".join(lines)).split("\n")
    for line in findings:
        assert line in out


def _leaf(k: int, where: Path) -> Callable[[int], object]:
    """A chain of calls in a file of its own (ridge_K.py under `where`, so tracebacks print its
    source and carets) whose last raises, odd ones an exception whose name says no "Error"
    (anyio's EndOfStream, trio's Cancelled): each innermost frame is a line no other prints."""
    calls = "".join(f"def step{j}(k):\n    return step{j + 1}(k) or None  # ridge {j}\n" for j in range(10))
    source = "class RidgeGap(Exception):\n    pass\n" + calls + "\n" * k + (
        "def step10(k):\n    if k % 2:\n        raise RidgeGap(f'no spars at {k}')  # a gap\n    return gaps[k] + 1  # the spar count\n")
    path = where / f"ridge_{k}.py"
    path.write_text(source)
    scope: dict = {"__name__": "ridges", "gaps": {}}
    exec(compile(source, str(path), "exec"), scope)
    return scope["step0"]


def test_an_exception_groups_boxed_tracebacks_keep_their_innermost_frames(tmp_path: Path) -> None:
    # Python 3.11 draws an ExceptionGroup's sub-tracebacks in a box ("    | Traceback …",
    # "    |   File …"): each is a traceback like any other, whose frame nearest its exception
    # (and that exception, named "Error" or not) says where it failed, as CPython prints it.
    errors = []
    for k in range(15):  # as many as CPython prints of a group
        try:
            _leaf(k, tmp_path)(k)
        except Exception as e:  # KeyError or ridges.RidgeGap
            errors.append(e)
    text = "".join(traceback.format_exception(ExceptionGroup("thatching failed", errors)))
    lines = text.split("\n")
    out = lossy(text).split("\n")
    ends = [i for i, line in enumerate(lines) if line.lstrip(" |").startswith(("KeyError", "ridges.RidgeGap"))]
    assert len(ends) == 15
    for i in ends:
        frame = max(k for k in range(i) if lines[k].lstrip(" |").startswith("File "))
        assert lines[frame] in out and lines[i] in out
