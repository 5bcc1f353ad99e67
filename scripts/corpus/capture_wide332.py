#!/usr/bin/env python3
"""Capture round 332 of the compression corpus: mathematical, statistical and optimisation tools' other outputs, from
Debian 12, offline. Real runs of SWI-Prolog (plunit test runs; load warnings and `check`), Maxima's test mode
(`batch(…, test)`), PARI/GP's `gp2c` / `gp2c-run`, GLPK's sensitivity report (`glpsol --ranges`), COIN-OR Clp's log,
gnuplot's `stats`, R (`Rscript`: hypothesis tests; `nls` fits with trace) and GAP's `Test`, on the material of a
seaweed farm (`kelpline`: longline plots, harvest yields, drying racks, boat rota, nutrient samples) written in
capture_wide332_math.py with faults put in on purpose. Command lines are typed as agents type them (`; echo EXIT=$?`).
The needles come from the rules NEEDLES.md's "Round 332" section fixed before capture, applied by the extractors
below. Nothing captured here was compressed. No server is started.

Usage:   python3 scripts/corpus/capture_wide332.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide332.json  as {"version": 2, "items": [...]}, ids prefixed "wide332-".
"""

from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind  # noqa: E402

ID_PREFIX = "wide332-"
DEFAULT_OUT = HERE / "data" / "wide332.json"
TMP = Path(os.environ.get("HM_WIDE332_TMP", "/dev/shm/hm-corpus-wide332/run"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 332")

EXIT_RE = re.compile(r"^EXIT=\d+$")
FAULT_RE = re.compile(r"error|fail|fatal|abort|exception|cannot|can't|unable|invalid|unknown|undefined|not defined"
                      r"|no such|not found|illegal|syntax|infeasib|unbounded|singular|exceeded|did not converge"
                      r"|not converge", re.I)


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def pick(lines, pat: str, flags: int = 0) -> list[str]:
    rx = re.compile(pat, flags)
    return [ln for ln in lines if rx.search(ln)]


def faults_grouped(fl: list[str]) -> list:
    """Fault lines, one {"any"} per shape when a shape covers more than 3 lines."""
    g: dict[str, list[str]] = {}
    for ln in fl:
        g.setdefault(cm.mask(ln), []).append(ln)
    out: list = []
    for v in g.values():
        out += [cm.any_of(v)] if len(v) > 3 else v
    return out


def after(lines: list[str], i: int) -> str | None:
    """The first non-blank line after index i."""
    for k in range(i + 1, len(lines)):
        if lines[k].strip():
            return lines[k]
    return None


def file_of(ln: str) -> str:
    m = re.search(r"(/?[\w./-]+\.\w+):\d+", ln)
    return m.group(1) if m else ""


@kind("swipl-plunit", "test")
def n_plunit(lines):
    """Fault / `wrong answer` lines (one {"any"} per shape over 3) with the first Expected/Got/Assertion/goal line within six; every `%` summary line naming tests passed/failed/skipped/blocked/fixme; Warning: lines one {"any"} per (shape, file); EXIT=N."""
    fl, extra = [], []
    for i, ln in enumerate(lines):
        if FAULT_RE.search(ln) or "wrong answer" in ln:
            fl.append(ln)
            for k in range(i + 1, min(len(lines), i + 7)):
                s = lines[k]
                if re.search(r"Expected|Got|Assertion|goal", s) and not (FAULT_RE.search(s) or "wrong answer" in s):
                    extra.append(s)
                    break
    out = faults_grouped(fl) + extra
    out += [ln for ln in lines if ln.lstrip().startswith("%") and re.search(r"\btests?\b", ln)
            and re.search(r"passed|failed|skipped|blocked|fixme", ln)]
    out += pick(lines, r"All \d+ tests passed")
    warns = [ln for ln in lines if ln.startswith("Warning:") and ln not in fl]
    out += cm.groups(((cm.mask(ln), file_of(ln)), ln) for ln in warns)
    return out + exit_lines(lines)


@kind("swipl-check", "lint")
def n_swipl_check(lines):
    """ERROR: location lines with the next ERROR: line, every other ERROR: line; each Warning: message one {"any"} per (shape of its first message line, file) holding its message lines; every predicate line under `The predicates below are not defined`; Checking … lines with a fault word; EXIT=N."""
    loc = re.compile(r"^(ERROR|Warning):\s+(\S+):(\d+)(:\d+)?:\s*(.*)$")
    out: list = []
    i = 0
    warn_groups: dict = {}
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("ERROR:"):
            out.append(ln)
            m = loc.match(ln)
            if m and i + 1 < len(lines) and lines[i + 1].startswith("ERROR:"):
                out.append(lines[i + 1])
        elif ln.startswith("Warning:"):
            m = loc.match(ln)
            if m:
                msg = []
                if m.group(5).strip():
                    msg.append(ln)
                k = i + 1
                while k < len(lines) and lines[k].startswith("Warning:") and not loc.match(lines[k]):
                    msg.append(lines[k])
                    k += 1
                if msg:
                    key = (cm.mask(re.sub(r"^Warning:\s*", "", msg[0]) if msg[0] is not ln else m.group(5)),
                           m.group(2))
                    warn_groups.setdefault(key, []).extend(msg)
        i += 1
    out += [cm.any_of(v) for v in warn_groups.values()]
    in_undef = False
    for ln in lines:
        if "The predicates below are not defined" in ln:
            in_undef = True
            continue
        if in_undef:
            if re.search(r"\w+/\d+|which is referenced by", ln):
                out.append(ln)
            elif not ln.startswith("Warning:") or not ln[8:].strip():
                in_undef = False
    out += [ln for ln in lines if "Checking" in ln and FAULT_RE.search(ln)]
    return out + exit_lines(lines)


@kind("maxima-rtest", "test")
def n_maxima_rtest(lines):
    """Every `Problem N` header line, the first non-blank line after each Result: and each `This differed from the expected result:`; fault-word lines; summary lines (N/M tests passed, The following N problems failed, No errors found, Error summary, problems attempted); EXIT=N."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.search(r"Problem\s+\d+", ln) and not re.search(r"problems? failed", ln):
            out.append(ln)
        if ln.strip() in ("Result:", "Result :") or ln.strip().startswith("This differed from the expected result"):
            a = after(lines, i)
            if a:
                out.append(a)
        if FAULT_RE.search(ln):
            out.append(ln)
    out += pick(lines, r"\d+/\d+ tests? passed|The following \d+ problems? failed|No errors found|Error summary"
                       r"|problems attempted")
    return out + exit_lines(lines)


@kind("gp2c", "build")
def n_gp2c(lines):
    """Fault-word lines with their FILE:L: location within six; warning lines one {"any"} per (shape, file); the C compiler's error: lines, warning: one {"any"} per (shape, file); every RESULT line of the script's calls; EXIT=N."""
    out: list = []
    warns = []
    for i, ln in enumerate(lines):
        if re.search(r"warning", ln, re.I) and not re.search(r"\berror\b", ln, re.I):
            warns.append(ln)
            continue
        if FAULT_RE.search(ln):
            out.append(ln)
            if not re.search(r"\S+:\d+", ln):
                nx = cm.next_match(lines, i, r"\S+\.(gp|c):\d+")
                if nx:
                    out.append(nx)
    out += cm.groups(((cm.mask(ln), file_of(ln)), ln) for ln in warns)
    out += pick(lines, r"^\s*RESULT\b")
    return out + exit_lines(lines)


def _glpsol_entries(lines):
    """(section, entry first line, status, activity) for a --ranges report."""
    sec = None
    ents = []
    for ln in lines:
        if re.match(r"^\s*No\.\s+Row name", ln):
            sec = "row"
            continue
        if re.match(r"^\s*No\.\s+Column name", ln):
            sec = "col"
            continue
        if sec is None:
            continue
        m = re.match(r"^\s*(\d+)\s+(\S+)\s+(BS|NL|NU|NF|NS|B\*|\S{2})\s+(-?[\d.e+-]+)", ln)
        if m:
            try:
                act = float(m.group(4))
            except ValueError:
                continue
            ents.append((sec, ln, m.group(3), act))
        else:
            # a long name puts the rest of the entry on the next line: "  N name" then the values
            m2 = re.match(r"^\s*(\d+)\s+(\S+)\s*$", ln)
            if m2:
                ents.append((sec, ln, None, None))
            elif ents and ents[-1][2] is None:
                m3 = re.match(r"^\s+(BS|NL|NU|NF|NS|\S{2})\s+(-?[\d.e+-]+)", ln)
                if m3:
                    try:
                        ents[-1] = (ents[-1][0], ents[-1][1], m3.group(1), float(m3.group(2)))
                    except ValueError:
                        pass
    return [e for e in ents if e[2] is not None]


@kind("glpsol-ranges", "table")
def n_glpsol_ranges(lines):
    """glpsol's fault-word and verdict lines (OPTIMAL/INTEGER OPTIMAL/NO PRIMAL|DUAL FEASIBLE/UNBOUNDED, glp_*); Problem:/Objective: lines and the No. Row name / No. Column name headers one {"any"} each; rule 4 per section on status and activity; Non-optimal basis / not available; End of report; EXIT=N."""
    out: list = [ln for ln in lines if FAULT_RE.search(ln)]
    out += pick(lines, r"OPTIMAL LP SOLUTION FOUND|INTEGER OPTIMAL SOLUTION FOUND|PROBLEM HAS NO PRIMAL FEASIBLE"
                       r"|PROBLEM HAS NO DUAL FEASIBLE|PROBLEM HAS UNBOUNDED SOLUTION|^glp_")
    for pat in (r"^Problem:", r"^Objective:", r"^\s*No\.\s+Row name", r"^\s*No\.\s+Column name"):
        out.append(cm.any_of(pick(lines, pat)))
    ents = _glpsol_entries(lines)
    for sec in ("row", "col"):
        e = [x for x in ents if x[0] == sec]
        if not e:
            continue
        c = Counter(x[2] for x in e)
        if c.most_common(1)[0][1] * 2 >= len(e):
            out += [x[1] for x in e if c[x[2]] <= 2]
        acts = [x[3] for x in e]
        out += [x[1] for x in e if x[3] == min(acts)][:1] + [x[1] for x in e if x[3] == max(acts)][:1]
    out += pick(lines, r"Non-optimal basis|not available")
    out += pick(lines, r"End of report")
    return out + exit_lines(lines)


@kind("clp-log", "log")
def n_clp(lines):
    """ClpNNNNE and fault-word lines; ClpNNNNW one {"any"} per code; verdict lines (Optimal objective, Primal/Dual infeasible, Problem is infeasible/unbounded, Stopped, Result - ); Presolve lines, Total time, Statistics; rule 4 min/max value rows of a printed solution; EXIT=N."""
    out: list = [ln for ln in lines if re.search(r"Clp\d{4}E", ln) or FAULT_RE.search(ln)]
    out += cm.groups((re.search(r"Clp\d{4}W", ln).group(0), ln) for ln in lines if re.search(r"Clp\d{4}W", ln))
    out += pick(lines, r"Optimal objective|Optimal - objective value|Primal infeasible|Dual infeasible"
                       r"|Problem is infeasible|Problem is unbounded|Stopped|Result - ")
    out += pick(lines, r"^\s*Presolve")
    out += pick(lines, r"Total time|Statistics")
    rows = []
    for ln in lines:
        m = re.match(r"^\s*\**\s*(\d+)\s+(\S+)\s+(-?[\d.]+(?:e[+-]?\d+)?)(\s+-?[\d.]+(?:e[+-]?\d+)?)?\s*$", ln)
        if m:
            rows.append((float(m.group(3)), ln))
    if rows:
        vals = [v for v, _ in rows]
        out += [ln for v, ln in rows if v == min(vals)][:1] + [ln for v, ln in rows if v == max(vals)][:1]
    return out + exit_lines(lines)


@kind("gnuplot-stats", "table")
def n_gnuplot_stats(lines):
    """Fault-word lines and line N: location lines (with the source line above the caret); warning: one {"any"} per shape; * FILE:/COLUMN:/COLUMNS: headers, Records/Out of range/Invalid/Header records/Blank, Mean/Minimum/Maximum/Correlation lines; RESULT lines; EXIT=N."""
    out: list = []
    warns = []
    for i, ln in enumerate(lines):
        if re.search(r"warning:", ln, re.I):
            warns.append(ln)
            continue
        if FAULT_RE.search(ln):
            out.append(ln)
        if re.search(r"\bline \d+:", ln):
            out.append(ln)
            if i >= 2 and lines[i - 1].strip() == "^":
                out.append(lines[i - 2])
            elif i >= 2 and lines[i - 1].strip().startswith("^"):
                out.append(lines[i - 2])
    out += cm.groups((cm.mask(ln), ln) for ln in warns)
    out += pick(lines, r"^\s*\* (FILE|COLUMN|COLUMNS):")
    out += pick(lines, r"^\s*(Records|Out of range|Invalid|Header records|Blank):")
    out += pick(lines, r"^\s*(Mean|Minimum|Maximum|Correlation):")
    out += pick(lines, r"^\s*RESULT\b")
    return out + exit_lines(lines)


def r_rule1(lines) -> list:
    """Every Error line and the line after it, Execution halted, In … lines under Warning message(s) one {"any"} per shape, fault-word lines."""
    out: list = []
    warn_in = []
    in_warn = False
    for i, ln in enumerate(lines):
        if re.match(r"^\s*Error", ln) or "Error in " in ln or "Error :" in ln:
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif FAULT_RE.search(ln) and not in_warn:
            out.append(ln)
        if "Execution halted" in ln:
            out.append(ln)
        if re.match(r"^Warning messages?:", ln):
            in_warn = True
            continue
        if in_warn:
            if re.match(r"^\s*(\d+: )?In ", ln) or re.match(r"^\s*\d+: ", ln):
                warn_in.append(ln)
            elif not ln.strip() or not ln.startswith(" "):
                in_warn = False
    out += cm.groups((cm.mask(re.sub(r"^.*?\) :\s*", "", ln)), ln) for ln in warn_in)
    return out


@kind("r-htest", "table")
def n_r_htest(lines):
    """Per test: title line, data:, the p-value statistic line, alternative hypothesis:, the line after `percent confidence interval:`; rule 1 (Error lines and the next, Execution halted, Warning In … one {"any"} per shape, fault words); EXIT=N."""
    out: list = []
    for i, ln in enumerate(lines):
        if (re.search(r"\btest\b|\bTest\b|t-test", ln) and i > 0 and not lines[i - 1].strip()
                and ln.startswith("\t")):
            out.append(ln)
        if ln.startswith("data:"):
            out.append(ln)
        if "p-value" in ln:
            out.append(ln)
        if ln.startswith("alternative hypothesis:"):
            out.append(ln)
        if "percent confidence interval:" in ln and i + 1 < len(lines):
            out.append(lines[i + 1])
    return out + r_rule1(lines) + exit_lines(lines)


@kind("r-nls", "log")
def n_r_nls(lines):
    """Rule 1 as r-htest; the first and last trace line of each fit; Formula: lines, every Parameters: row, Residual standard error / Number of iterations to convergence / Achieved convergence tolerance lines; EXIT=N."""
    out: list = r_rule1(lines)
    trace = re.compile(r"^\s*-?[\d.]+(e[+-]?\d+)?\s+(\([\d.e+-]+\)|:)\s*(par = )?.*\d")
    run_: list[str] = []
    for ln in lines + [""]:
        if trace.match(ln) and not re.match(r"^\s*\d+:\s+In ", ln):
            run_.append(ln)
        else:
            if run_:
                out += [run_[0], run_[-1]]
            run_ = []
    in_par = False
    for ln in lines:
        if ln.startswith("Formula:"):
            out.append(ln)
        if re.search(r"Estimate\s+Std\. Error", ln):
            in_par = True
            continue
        if in_par:
            if not ln.strip() or ln.startswith("---"):
                in_par = False
            else:
                out.append(ln)
    out += pick(lines, r"Residual standard error:|Number of iterations to convergence:"
                       r"|Achieved convergence tolerance:")
    return out + exit_lines(lines)


@kind("gap-test", "test")
def n_gap_test(lines):
    """Every ########> Diff in FILE:L line, the first non-blank line after # Expected output: and # But found:; Error, lines with the next called from / location line; Syntax error lines and the next; true/false alone (with RESULT); EXIT=N."""
    out: list = []
    for i, ln in enumerate(lines):
        if ln.startswith("########> Diff in"):
            out.append(ln)
        if ln.strip() in ("# Expected output:", "# But found:"):
            a = after(lines, i)
            if a:
                out.append(a)
        if ln.startswith("Error,"):
            out.append(ln)
            nx = cm.next_match(lines, i, r"called from|\S+:\d+")
            if nx:
                out.append(nx)
        if "Syntax error" in ln:
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        if re.match(r"^\s*(RESULT\s+\S*\s*)?(true|false)\s*$", ln):
            out.append(ln)
    return out + exit_lines(lines)


def steps() -> list:
    import capture_wide332_math as m  # the material and the runs
    return m.STEPS


def ensure_tools() -> None:
    """The tools from Debian, installed once."""
    for tool, pkg in [("swipl", "swi-prolog-nox"), ("maxima", "maxima"), ("gp2c", "pari-gp2c pari-gp"),
                      ("glpsol", "glpk-utils"), ("clp", "coinor-clp"), ("gnuplot", "gnuplot-nox"),
                      ("Rscript", "r-base-core"), ("gap", "gap-core gap-libs")]:
        cm.ensure_apt(tool, pkg)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide332", sys.modules["__main__"])
    main()
