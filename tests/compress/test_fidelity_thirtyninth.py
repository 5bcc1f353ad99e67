"""Fidelity rules of issue #11's thirty-ninth pass: each test names the rule and fails without it (the
code-literal test guards the first rule's limit: it fails if that rule reads code as JSON)."""

from __future__ import annotations

import json
import random
import re

import pytest

from headroom_mitm.compress.engine import compress_text
from headroom_mitm.compress.settings import CompressionSettings
from tests.compress.support import lossy, sent

_MARKER = re.compile(r'\[… lines (\d+)–(\d+) elided \("(\w+)": a string of ([\d,]+) chars\); ')


def _pip_inspect_cut(rng: random.Random, end: str, packages: int = 12) -> tuple[str, list[str]]:
    """`pip inspect | head -n N` (or `tail`): pretty JSON cut short, each package's README one line
    of thousands of characters."""
    installed = []
    for k in range(packages):
        readme = "\n".join(f"Line {j} of the ropewalk{k} README: " + "twist and lay the strands " * rng.randint(3, 9)
                           for j in range(rng.randint(60, 200)))
        installed.append({"metadata": {"metadata_version": "2.1", "name": f"ropewalk{k}", "version": f"{k}.{rng.randint(0, 9)}.0",
                                       "summary": f"Ropewalk {k}: hemp, tar and a long shed", "description": readme,
                                       "classifier": ["Programming Language :: Python :: 3"] * 3},
                          "metadata_location": f"/srv/venv/lib/python3.11/site-packages/ropewalk{k}-{k}.0.dist-info",
                          "installer": "pip", "requested": k % 2 == 0})
    lines = json.dumps({"version": "1", "pip_version": "23.2.1", "installed": installed}, indent=2).split("\n")
    cut = len(lines) // 5  # inside the first or the last packages
    lines = lines[:-cut] if end == "head" else lines[cut:]
    return "\n".join(lines), lines


@pytest.mark.parametrize("end", ["head", "tail"])
def test_long_strings_of_json_cut_short_are_left_out_line_by_line(end: str) -> None:
    # Pretty JSON cut by `head` or `tail` does not parse, so json_outline cannot leave out its long
    # strings; yet a README on one line is as unreadable there. Each such line alone goes, named by
    # its key and length; every other line is sent as it came, in order.
    text, lines = _pip_inspect_cut(random.Random(39), end)
    outcome = compress_text(text, "bash", CompressionSettings())
    out = outcome.rendering.text
    assert out is not None and outcome.rendering.transforms[-1] == "long_json_strings"
    assert outcome.original == text
    sent = out.split("\n")
    assert len(sent) == len(lines)
    elided = 0
    for i, (got, was) in enumerate(zip(sent, lines)):
        if m := _MARKER.match(got):
            elided += 1
            first, last, key, size = int(m[1]), int(m[2]), m[3], int(m[4].replace(",", ""))
            assert first == last == i + 1 and key == "description"
            assert size == len(json.loads("{" + was.strip().removesuffix(",") + "}")["description"])
        else:
            assert got == was
    assert elided == sum('"description": ' in x for x in lines) > 0
    assert len(out) < len(text) / 4


def test_a_long_failure_message_in_json_cut_short_stays() -> None:
    # A failure's message (jest's failureMessages) is a diagnostic, not a long string to leave out,
    # whether the JSON around it parses or not.
    failure = ("Error: expect(received).toBe(expected) // Object.is equality\\n\\nExpected: 42\\nReceived: 41\\n"
               + "    at Object.<anonymous> (/srv/ropewalk/test/strand.test.js:12:5)\\n" * 40)
    blob = "x" * 5000
    lines = ["{", '  "numFailedTests": 1,', '  "testResults": [', "    {",
             f'      "failureMessages": "{failure}",', f'      "blob": "{blob}",'] + [f'      "k{i}": {i},' for i in range(300)]
    out = compress_text("\n".join(lines), "bash", CompressionSettings()).rendering.text
    assert out is not None
    assert lines[4] in out.split("\n") and blob not in out


def test_a_long_string_literal_in_code_stays() -> None:
    # Code is what the model asked to read: a module holding a long string literal on a line of its
    # own, as pretty JSON would, is not pretty JSON (its other lines are statements).
    literal = '    "' + "hemp strand " * 400 + '",'
    lines = ["// strands.js: the ropewalk's fixtures", "export const STRANDS = ["]
    for k in range(30):
        lines += [literal.replace("hemp", f"hemp{k}"), f"  // fixture {k}"]
    lines += ["];", "export function lay(strands) {", "  return strands.join('');", "}"]
    text = "\n".join(lines)
    outcome = compress_text(text, "bash", CompressionSettings())
    assert "long_json_strings" not in outcome.rendering.transforms
    assert (outcome.rendering.text or text).split("\n") == lines


def test_every_change_of_a_table_diff_stays() -> None:
    # daff's diff of two tables: the header opens with "@@" and each row's first cell says what
    # became of it. The changed, added and removed rows are the diff; context rows may go.
    rng = random.Random(391)
    head = "@@,lot,kiln,moisture_pct,yield_kg,grade"
    rows = [head]
    changes = []
    for k in range(600):
        cells = [f"SW-{k:05d}", f"kiln-{rng.choice(['north', 'south', 'east'])}", f"{rng.uniform(9, 14):.2f}",
                 f"{rng.uniform(800, 1200):.1f}", rng.choice("ABC")]
        roll = rng.random()
        if roll < 0.06:
            cells[3] = f"{cells[3]}->{rng.uniform(800, 1200):.1f}"
            row = "->," + ",".join(cells)
        elif roll < 0.09:
            row = rng.choice(["+++,", "---,"]) + ",".join(cells)
        elif roll < 0.5:
            row = "," + ",".join(cells)
        else:
            continue
        rows.append(row)
        if not row.startswith(","):
            changes.append(row)
    text = "\n".join(rows)
    out = lossy(text).split("\n")
    assert head in out and changes and [r for r in changes if r not in out] == []


def test_markdownlint_findings_in_json_are_findings() -> None:
    # markdownlint-cli2's JSON formatter names a finding's file "fileName" and says what is wrong in
    # "ruleDescription"; each carries "severity": "error", so none is sampled away.
    rng = random.Random(392)
    rules = [("MD009", "no-trailing-spaces", "Trailing spaces"), ("MD013", "line-length", "Line length"),
             ("MD034", "no-bare-urls", "Bare URL used"), ("MD029", "ol-prefix", "Ordered list item prefix")]
    findings = []
    for k in range(160):
        code, name, description = rng.choice(rules)
        findings.append({"fileName": f"docs/{k % 9:02d}-wax.md", "lineNumber": rng.randint(1, 400), "ruleNames": [code, name],
                         "ruleDescription": description, "ruleInformation": f"https://example.invalid/{code.lower()}.md",
                         "errorDetail": f"Expected: 80; Actual: {rng.randint(81, 300)}", "errorContext": None,
                         "errorRange": [rng.randint(1, 80), rng.randint(1, 9)], "fixInfo": None, "severity": "error"})
    out = sent(json.dumps(findings, indent=2))
    assert all(f'"errorDetail": "{f["errorDetail"]}"' in out or f'"errorDetail":"{f["errorDetail"]}"' in out for f in findings)


def test_ci_annotations_keep_one_finding_of_each_rule_and_file() -> None:
    # GitHub's workflow commands place a finding in their properties (`file=`, `line=`) and name
    # its rule in `title=`: one warning of each (rule, file) stays, as for `path:line: message`.
    rng = random.Random(393)
    rules = {"operation-description": 'Operation "description" must be present and non-empty string.',
             "operation-tags": 'Operation must have non-empty "tags" array.',
             "operation-tag-defined": "Operation tags must be defined in global tags.",
             "oas3-unused-component": "Potentially unused component has been detected.",
             "info-contact": 'Info object must have "contact" object.'}
    lines, groups = [], set()
    for f in range(12):
        for title, message in rules.items():
            if rng.random() < 0.3:
                continue
            groups.add((title, f"api/{f:02d}-winder.yaml"))
            for _ in range(rng.randint(1, 6)):
                at = rng.randint(2, 400)
                lines.append(f"::warning title={title},file=api/{f:02d}-winder.yaml,col={rng.randint(2, 14)},endColumn=30,"
                             f"line={at},endLine={at + rng.randint(0, 12)}::{message}%0ADocumentation: https://example.invalid/rules#{title}")
    out = sent("\n".join(lines)).split("\n")
    kept = {(x.split("title=", 1)[1].split(",", 1)[0], x.split("file=", 1)[1].split(",", 1)[0]) for x in out if x.startswith("::warning")}
    assert groups - kept == set()


def test_a_json_finding_whose_source_is_a_path_is_placed_by_it() -> None:
    # spectral's JSON names a finding's file "source" (others' "source" is the offending line's
    # text): where it reads as a path, one finding of each (code, file) stays.
    rng = random.Random(394)
    codes = ["operation-tags", "oas3-unused-component", "info-contact", "operation-description"]
    findings, groups = [], set()
    for f in range(10):
        source = f"/srv/colliery/api/{f:02d}-cage.yaml"
        for code in codes:
            if rng.random() < 0.3:
                continue
            groups.add((code, source))
            for _ in range(rng.randint(1, 5)):
                line = rng.randint(1, 300)
                findings.append({"code": code, "path": ["paths", f"/cages/{line}", "get"], "message": f"Rule {code} is not met.",
                                 "severity": 1, "range": {"start": {"line": line, "character": 8}, "end": {"line": line + 4, "character": 20}},
                                 "source": source})
    out = sent(json.dumps(findings, indent=2))
    for code, source in groups:
        assert re.search(r'"code": ?"%s",(?:(?!"code").)*?"source": ?"%s"' % (re.escape(code), re.escape(source)), out, re.S), (code, source)
