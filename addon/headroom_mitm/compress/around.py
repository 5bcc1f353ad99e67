"""The lines around a failure or finding that say where it is, what failed and why: its place
printed on a line of its own, the line it sits under, the lines that explain it."""

from __future__ import annotations

import re

from . import lines as ln

AFTER = 8  # lines after a failure that belong to it at most
_PARENT_LOOK = 6  # lines above an indented failure searched for the line it sits under


def location_near(lines: list[str], i: int, sev: dict[int, str]) -> int | None:
    """The line that places a finding printed without its place: " --> file:line:col",
    " ┌─ file:line:col" or "Location: file:line" under it (rustc, codespan's reporters such as
    ast-grep, ruff, bandit), the place alone on the line under it (Stryker), or a short "In file
    line N:" header over it (shellcheck)."""
    for k in (i + 1, i + 2, i + 3, i + 4):
        if k >= len(lines) or k in sev or not lines[k].strip():
            break  # past a blank line or another finding, an arrow places that next finding
        if lines[k].lstrip().lower().startswith(("-->", "┌─", "location:")) and ln.has_location(lines[k]):
            return k
        if k == i + 1 and (ln.bare_place(lines[k]) or ln.indented_place(lines[k])):
            return k
    for k in (i - 1, i - 2, i - 3):
        if k >= 0 and k not in sev and len(lines[k]) < 160 and ln.has_location(lines[k]):
            return k
    return None


def header_above(lines: list[str], i: int, sev: dict[int, str]) -> int | None:
    """A short "In file line N:" header over finding i, past the source line it quotes and the
    other findings on that line (shellcheck prints each finding of one line under one header)."""
    quoted = False
    for k in range(i - 1, max(-1, i - 8), -1):
        if k in sev:
            continue
        if len(lines[k]) < 160 and lines[k].endswith(":") and ln.has_location(lines[k]):
            return k
        if quoted or not lines[k].strip():
            return None
        quoted = True  # the one source line the header quotes
    return None


_TITLE_LOOK = 8  # lines above a failure searched for the rule that closes its test's title
_TITLE_LINES = 4  # a title's lines between its two rules, at most
RULE = re.compile(r"[ \t]*[-=~_]{20,}[ \t]*$")  # a line drawn across: ---- or ==== (with lines.where)
RULE_WORDS = ("-----", "=====", "~~~~~", "_____")


def title_above(lines: list[str], i: int, rules: set[int]) -> range | None:
    """The lines between two rules a few lines over failure i: the title of the test it failed in
    (Catch2 prints the test case and its section so, then the place and the failure). `rules`:
    the text's rule lines."""
    for k in range(i - 1, max(-1, i - _TITLE_LOOK - 1), -1):
        if k in rules:
            for j in range(k - 1, max(-1, k - _TITLE_LINES - 2), -1):
                if j in rules:
                    return range(j + 1, k) if j + 1 < k else None
                if not lines[j].strip():
                    return None
            return None
    return None


def title_below(lines: list[str], i: int, rules: set[int]) -> int | None:
    """The line alone between a blank line and a rule a few lines under failure i: the id of the
    test it failed in, as Twisted's trial prints it after the traceback. `rules`: as title_above."""
    for k in range(i + 2, min(len(lines), i + _TITLE_LOOK + 1)):
        if k in rules:
            return k - 1 if lines[k - 1].strip() and not lines[k - 2].strip() else None
    return None


def parent_line(lines: list[str], i: int) -> int | None:
    """The line an indented failure sits under, a few lines up (checkov's `Check: CKV_K8S_12: …`
    over `\tFAILED for resource: …`, mocha's `1) suite` over its assertion): it names what failed."""
    indent = len(lines[i]) - len(lines[i].lstrip())
    for k in range(i - 1, max(-1, i - _PARENT_LOOK - 1), -1):
        line = lines[k]
        if not line.strip():
            return None
        if len(line) - len(line.lstrip()) < indent:
            return k
    return None


def failure_block(lines: list[str], i: int, stops: set[int]) -> range:
    """The lines after failure i that explain it: up to the next failure, banner or blank-after-text."""
    n = len(lines)
    end = i + 1
    seen_text = False
    while end < n and end - i <= AFTER:
        if end in stops:
            break
        if not lines[end].strip():
            if seen_text and end + 1 < n and not lines[end + 1].startswith((" ", "\t")):
                break
        else:
            seen_text = True
        end += 1
    return range(i + 1, end)
