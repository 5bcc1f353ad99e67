"""The lines around a failure or finding that say where it is, what failed and why: its place
printed on a line of its own, the line it sits under, the lines that explain it."""

from __future__ import annotations

from . import lines as ln

AFTER = 8  # lines after a failure that belong to it at most
_PARENT_LOOK = 6  # lines above an indented failure searched for the line it sits under


def location_near(lines: list[str], i: int, sev: dict[int, str]) -> int | None:
    """The line that places a finding printed without its place: " --> file:line:col" or
    "Location: file:line" under it (rustc, ruff, bandit), or a short "In file line N:" header over
    it (shellcheck)."""
    for k in (i + 1, i + 2, i + 3, i + 4):
        if k >= len(lines) or k in sev or not lines[k].strip():
            break  # past a blank line or another finding, an arrow places that next finding
        if lines[k].lstrip().lower().startswith(("-->", "location:")) and ln.has_location(lines[k]):
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
