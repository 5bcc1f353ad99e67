"""Fidelity rules of issue #11's thirty-first pass: each test names the rule, holds for outputs never
seen, and fails without it."""

from __future__ import annotations

import random

from tests.compress.support import sent

_RULES = (
    ("Jinja statements should be on separate lines, ignoring raw block contents", "single-statement-per-line"),
    ("Indentation should not use tabulation but 4 spaces", "jinja-statements-no-tabs"),
    ("Jinja statements should not have {%- or {%+ or -%} as delimiters", "jinja-statements-delimiter"),
    ("All variables should use lower case: '{{ variable }}': bellCode", "jinja-variable-lower-case"),
)
_SYNTAX = ("expected token 'end of statement block', got '-'", "jinja-syntax-error")


def test_findings_placed_behind_a_tree_branch_are_findings() -> None:
    # j2lint lists each template's findings under its name as "├── path:line message (rule)",
    # with no level word: read as ordinary lines, two thirds of the errors were cut.
    rng = random.Random(31)
    out = ["─" * 40 + " JINJA2 LINT ERRORS " + "─" * 40]
    findings = []
    for f in range(30):
        path = f"templates/levers/lever_{f:02d}.j2"
        out.append(path)
        lines = sorted(rng.sample(range(1, 40), rng.randrange(6, 14)))
        for k, at in enumerate(lines):
            message, rule = rng.choice(_RULES) if (f, k) != (4, 2) else _SYNTAX
            branch = "└──" if k == len(lines) - 1 else "├──"
            finding = f"{branch} {path}:{at} {message}"
            findings.append(finding)
            out.append(f"{finding} ({rule})")
    out += ["", f"Jinja2 linting finished with {len(findings)} error(s) and 0 warning(s)"]
    text = "\n".join(out)
    assert len(text) > 20_000
    kept = sent(text)
    assert [f for f in findings if f not in kept] == []
    assert "Jinja2 linting finished with" in kept
