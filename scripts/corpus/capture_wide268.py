#!/usr/bin/env python3
"""Capture round 268 of the compression corpus: computer algebra systems and number-theory calculators, new shapes.
Debian's GAP (`gap -q`), PARI/GP (`gp -q`), Singular, Yacas and bc/dc run on scripts of the round's own (some from a
seeded generator for size) with faults put in on purpose: a division by zero, an undefined variable, a type mismatch,
a syntax error, an index out of range, a computation cut by a time limit or a stack limit. Stdin is the script or
/dev/null. About a third of the command lines are typed as agents type them.

The extractors are this round's (NEEDLES.md, "Round 268"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide268.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide268.json  as {"version": 2, "items": [...]}, ids prefixed "wide268-".
"""

from __future__ import annotations

import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind, run  # noqa: E402
from capture_wide224 import exit_lines, shaped  # noqa: E402

ID_PREFIX = "wide268-"
DEFAULT_OUT = HERE / "data" / "wide268.json"
TMP = Path(os.environ.get("HM_WIDE268_TMP", "/dev/shm/hm-corpus-wide268"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 268")

RESULT_RE = re.compile(r"^\s*[A-Za-z][\w .()\[\],^*+/-]{0,60}?\s*[:=]\s*\S")
INT_RE = re.compile(r"[:=]\s*\[?\s*(-?\d+)")


def _results(lines, rx=RESULT_RE):
    return [ln for ln in lines if rx.match(ln) and not re.search(r"Error|error|\*\*\*|^\s*\?", ln)]


def _first_last(rows):
    return [rows[0], rows[-1]] if rows else []


def _extremes_int(rows, rx=INT_RE):
    vals = []
    for ln in rows:
        m = rx.search(ln)
        if m:
            vals.append((int(m.group(1)), ln))
    if not vals:
        return []
    return [min(vals, key=lambda t: t[0])[1], max(vals, key=lambda t: t[0])[1]]


def _within(lines, i, pat, ahead=6):
    for k in range(i + 1, min(len(lines), i + 1 + ahead)):
        if re.search(pat, lines[k]):
            return lines[k]
    return None


def _caret_src(lines):
    """The source line quoted above each `^` marker line."""
    return [lines[i - 1] for i, ln in enumerate(lines) if i and re.match(r"^\s*\^+\s*$", ln) and lines[i - 1].strip()]


GAP_ERR = r"^Error,|Syntax error:|Syntax warning:"
GAP_LOC = r"\bat \S+:\d+|\bin \S+:\d+"


def _gap_faults(lines):
    out: list = []
    errs = [(i, ln) for i, ln in enumerate(lines) if re.search(GAP_ERR, ln)]
    out += shaped([ln for _, ln in errs])
    for i, ln in errs:
        loc = ln if re.search(GAP_LOC, ln) else _within(lines, i, GAP_LOC)
        if loc:
            out.append(loc)
    return out + _caret_src(lines)


@kind("gap-results", "log")
def n_gap_results(lines):
    """Rule 5: first and last result line, the result lines with the largest and smallest integer; Error, lines and their location; EXIT=."""
    rows = _results(lines)
    return _first_last(rows) + _extremes_int(rows) + _gap_faults(lines) + exit_lines(lines)


@kind("gap-chartable", "table")
def n_gap_chartable(lines):
    """Rule 5: each table's name line, class-names row, first and last character row; errors as gap-results; EXIT=."""
    out: list = []
    i = 0
    while i < len(lines):
        if re.match(r"^X\.1\s", lines[i]):
            j = i
            while j + 1 < len(lines) and re.match(r"^X\.\d+\s", lines[j + 1]):
                j += 1
            out += [lines[i], lines[j]]
            # back to the class-names row and the name line
            k = i - 1
            while k >= 0 and not re.match(r"^\s+1a(\s|$)", lines[k]):
                k -= 1
            if k >= 0:
                out.append(lines[k])
                n = k - 1
                while n >= 0 and lines[n].strip() and not re.match(r"^\S", lines[n]):
                    n -= 1
                while n >= 0 and not lines[n].strip():
                    n -= 1
                if n >= 0 and re.match(r"^\S", lines[n]):
                    out.append(lines[n])
            i = j + 1
        else:
            i += 1
    return out + _gap_faults(lines) + exit_lines(lines)


@kind("gap-error", "log")
def n_gap_error(lines):
    """Rule 1: every Error, / Syntax error / Syntax warning line, its location, called-from lines naming a function, the source above each ^; EXIT=."""
    out = _gap_faults(lines)
    out += [ln for ln in lines if re.search(r'<function "[^"]+">', ln)]
    return out + exit_lines(lines)


GP_FAULT = re.compile(r"\*\*\*")


def _gp_faults(lines):
    out: list = []
    for i, ln in enumerate(lines):
        if not GP_FAULT.search(ln):
            continue
        body = ln.split("***", 1)[1].strip()
        if body.startswith("at top-level") or re.match(r"^\^-*$", body) or not body:
            continue
        out.append(ln)
        for k in range(i - 1, max(-1, i - 4), -1):
            if "at top-level" in lines[k]:
                out.append(lines[k])
                break
    return out


@kind("gp-factor", "log")
def n_gp_factor(lines):
    """Rule 5: first and last result line, result lines with the largest and smallest integer, the last row of each factor matrix; *** faults and their at top-level line; EXIT=."""
    rows = _results(lines)
    out = _first_last(rows) + _extremes_int(rows)
    for i, ln in enumerate(lines):
        if re.match(r"^\[\d+ \d+\]$", ln.strip()) and (i + 1 >= len(lines) or not re.match(r"^\[\d+ \d+\]$", lines[i + 1].strip())):
            out.append(ln)
    return out + _gp_faults(lines) + exit_lines(lines)


@kind("gp-elliptic", "log")
def n_gp_elliptic(lines):
    """Rule 4+5: first and last curve line, curves with the largest and smallest conductor, curves of a rare rank or torsion; faults as gp-factor; EXIT=."""
    curves = [ln for ln in lines if re.search(r"\bconductor=\d+", ln)]
    out = _first_last(curves)
    if curves:
        cond = [(int(re.search(r"conductor=(\d+)", c).group(1)), c) for c in curves]
        out += [min(cond)[1], max(cond)[1]]
        for key in ("rank", "torsion"):
            vals = [(re.search(key + r"=(\S+)", c).group(1), c) for c in curves if re.search(key + r"=(\S+)", c)]
            if len(vals) >= 4:
                cnt = Counter(v for v, _ in vals)
                if cnt.most_common(1)[0][1] * 2 >= len(vals):
                    out += [c for v, c in vals if cnt[v] <= 2]
    return out + _gp_faults(lines) + exit_lines(lines)


@kind("gp-error", "log")
def n_gp_error(lines):
    """Rule 1: every *** line naming a fault and its at top-level line, the last result line before the first fault; EXIT=."""
    out = _gp_faults(lines)
    first = next((i for i, ln in enumerate(lines) if GP_FAULT.search(ln)), None)
    if first:
        before = [ln for ln in lines[:first] if ln.strip() and not GP_FAULT.search(ln)]
        if before:
            out.append(before[-1])
    return out + exit_lines(lines)


def _sing_faults(lines):
    out: list = []
    q = [ln for ln in lines if re.match(r"^\s*\? ", ln)]
    out += shaped([ln for ln in q if "error occurred" not in ln])
    out += [ln for ln in q if "error occurred" in ln]
    out += shaped([ln for ln in lines if ln.lstrip().startswith("// **")])
    return out


@kind("singular-groebner", "log")
def n_singular_groebner(lines):
    """Rule 5: first and last generator of each printed ideal, every result line the script labels; ? errors with their line; // ** warnings; EXIT=."""
    out: list = []
    gen = re.compile(r"^(\w+)\[(\d+)\]=")
    i = 0
    while i < len(lines):
        m = gen.match(lines[i])
        if m and m.group(2) == "1":
            j = i
            while j + 1 < len(lines) and gen.match(lines[j + 1]) and gen.match(lines[j + 1]).group(1) == m.group(1):
                j += 1
            out += [lines[i], lines[j]]
            i = j + 1
        else:
            i += 1
    out += [ln for ln in lines if re.match(r"^[A-Za-z][\w -]*: \S", ln)]
    return out + _sing_faults(lines) + exit_lines(lines)


@kind("singular-error", "log")
def n_singular_error(lines):
    """Rule 1: every ? line, every // ** line, the last result line before the first fault; EXIT=."""
    out = _sing_faults(lines)
    first = next((i for i, ln in enumerate(lines) if re.match(r"^\s*\? ", ln)), None)
    if first:
        before = [ln for ln in lines[:first] if ln.strip()]
        if before:
            out.append(before[-1])
    return out + exit_lines(lines)


YACAS_FAULT = r"Error|error|In function|CommandLine|Undefined|wrong|^(In> )?String\(\d+\) :"  # the last: rule 1's error lines as Yacas prints them


def _yacas_faults(lines):
    out: list = []
    idx = [i for i, ln in enumerate(lines) if re.search(YACAS_FAULT, ln)]
    out += shaped([lines[i] for i in idx])
    for i in idx:
        if i + 1 < len(lines) and lines[i + 1].strip() and not re.search(YACAS_FAULT, lines[i + 1]):
            out.append(lines[i + 1])
    return out


def _yacas_rows(lines):
    return [ln for ln in lines if re.search(r"Out> \S", ln) or RESULT_RE.match(ln)]


@kind("yacas-results", "log")
def n_yacas_results(lines):
    """Rule 5: first and last result line, result lines with the largest and smallest first integer; fault lines and the line after; EXIT=."""
    rows = [ln for ln in _yacas_rows(lines) if not re.search(YACAS_FAULT, ln)]
    return _first_last(rows) + _extremes_int(rows, re.compile(r"(?:Out>|[:=])\s*(-?\d+)")) + _yacas_faults(lines) + exit_lines(lines)


@kind("yacas-error", "log")
def n_yacas_error(lines):
    """Rule 1: every fault line and the line after it, the last result line before the first fault; EXIT=."""
    out = _yacas_faults(lines)
    first = next((i for i, ln in enumerate(lines) if re.search(YACAS_FAULT, ln)), None)
    if first:
        rows = [ln for ln in _yacas_rows(lines[:first]) if ln.strip()]
        if rows:
            out.append(rows[-1])
    return out + exit_lines(lines)


NUM_LINE = re.compile(r"^\s*(-?\d*\.?\d+)\s*$")


def _num_extremes(lines):
    vals = []
    for ln in lines:
        m = NUM_LINE.match(ln)
        if m:
            try:
                vals.append((float(m.group(1)), ln))
            except ValueError:
                pass
    if not vals:
        return []
    return [min(vals, key=lambda t: t[0])[1], max(vals, key=lambda t: t[0])[1]]


def _outputs(lines, fault):
    return [ln for ln in lines if ln.strip() and not re.search(fault, ln) and not ln.startswith("EXIT=")]


BC_FAULT = r"\(standard_in\) \d+:|Runtime error|Runtime warning"


@kind("bc-results", "log")
def n_bc_results(lines):
    """Rule 5: first and last output line, lines with the largest and smallest value; every (standard_in) N: and Runtime error/warning line; EXIT=."""
    outs = _outputs(lines, BC_FAULT)
    return _first_last(outs) + _num_extremes(lines) + shaped([ln for ln in lines if re.search(BC_FAULT, ln)]) + exit_lines(lines)


DC_FAULT = r"^dc:"


@kind("dc-results", "log")
def n_dc_results(lines):
    """Rule 5: first and last output line, lines with the largest and smallest value; every dc: fault line; EXIT=."""
    outs = _outputs(lines, DC_FAULT)
    return _first_last(outs) + _num_extremes(lines) + shaped([ln for ln in lines if re.search(DC_FAULT, ln)]) + exit_lines(lines)


def ensure_tools() -> None:
    """The tools from Debian (offline mirror), installed once."""
    for tool, pkg in [("gap", "gap"), ("gp", "pari-gp"), ("Singular", "singular"), ("yacas", "yacas"),
                      ("bc", "bc"), ("dc", "dc")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide268_cas as cas
    return cas.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide268", sys.modules["__main__"])
    main()
