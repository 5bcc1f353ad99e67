#!/usr/bin/env python3
"""Capture round 575 of the compression corpus: JavaScript bench harnesses (vitest bench and --compare, tinybench,
mitata, benchmark.js), Go runtime traces (GODEBUG gctrace, schedtrace, inittrace), the Go compiler's bounds-check
report, httperf against a loopback server of the round's own, and `node --trace-opt`, all on programs written here
about a smithy (forges, anvils, farriers; seed 57510) with hot spots, a leak, a regression and faults put in.

The extractors are this round's (NEEDLES.md, "Round 575"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide575.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide575.json  as {"version": 2, "items": [...]}, ids prefixed "wide575-".
Tools:   npm packages (vitest@3, tinybench, mitata, benchmark) in TOOLS/js; Debian's httperf; go and node as found.
"""

from __future__ import annotations

import os
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import kind, run, write_tree  # noqa: E402
from capture_wide224 import exit_lines, pick  # noqa: E402

ID_PREFIX = "wide575-"
DEFAULT_OUT = HERE / "data" / "wide575.json"
TMP = Path(os.environ.get("HM_WIDE575_TMP", "/dev/shm/hm-corpus-wide575"))
TOOLS = Path(os.environ.get("HM_WIDE575_TOOLS", "/dev/shm/hm-corpus-wide575-tools"))
JS_TOOLS = TOOLS / "js"
PORT, CLOSED_PORT = 18575, 28575
SEED = 57510

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 575")

R1 = re.compile(r"Error|error:|FAIL|panic:|fatal error:|TypeError|RangeError|ReferenceError")
LOC = re.compile(r"\S+\.(?:c?js|mjs|c?ts|mts|go|py):\d+(?::\d+)?|❯ ")


def rule1(lines) -> list:
    """Rule 1 of the round: every error line and the first location line within the next six."""
    out: list = []
    for i, ln in enumerate(lines):
        if R1.search(ln):
            out.append(ln)
            loc = cm.next_match(lines, i, LOC.pattern, 6)
            if loc:
                out.append(loc)
    return out


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def extremes(rows, key=lambda r: r[0]) -> list:
    if not rows:
        return []
    return [min(rows, key=key)[1], max(rows, key=key)[1]]


VB_ROW = re.compile(r"^\s*[·•]\s+(.+?)\s{2,}([\d,]+(?:\.\d+)?)\s+.*?±([\d.]+)%")


@kind("vitest-bench", "table")
def n_vitest_bench(lines):
    """Round 575: headers, fastest/slowest rows, min/max hz rows, rme>=5% rows, BENCH Summary block, failing file lines, rule 1, EXIT."""
    out: list = pick(lines, r"^\s*name\s+hz\s+min\s+max")
    out += pick(lines, r"\s(fastest|slowest)\s*$")
    rows = []
    for ln in lines:
        m = VB_ROW.match(ln)
        if m:
            rows.append((_num(m.group(2)), ln))
            if float(m.group(3)) >= 5.0:
                out.append(ln)
    out += extremes(rows)
    summ = False
    for ln in lines:
        if re.search(r"BENCH\s+Summary", ln):
            summ = True
            out.append(ln)
            continue
        if summ and ln.strip() and not exit_lines([ln]):
            out.append(ln)
    out += pick(lines, r"^\s*(×|FAIL)\s")
    return out + rule1(lines) + exit_lines(lines)


@kind("vitest-bench-compare", "table")
def n_vitest_bench_compare(lines):
    """Round 575: as vitest-bench, plus every [baseline] row with the row below it and every x faster/x slower line."""
    out = n_vitest_bench(lines)
    for i, ln in enumerate(lines):
        if re.search(r"[(\[]baseline[)\]]", ln, re.I) and re.search(r"±[\d.]+%", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    out += pick(lines, r"[\d.]+x (faster|slower)")
    return out


@kind("tinybench-table", "table")
def n_tinybench_table(lines):
    """Round 575: header row, per numeric column the min/max rows, rows holding Error/NaN/undefined/null, rule 1, script lines with a colon, EXIT."""
    rows = [ln for ln in lines if ln.startswith("│")]
    out: list = rows[:1]
    data = rows[1:]
    cells = [[c.strip().strip("'") for c in r.strip("│").split("│")] for r in data]
    ncol = max((len(c) for c in cells), default=0)
    for j in range(ncol):
        vals = []
        for c, r in zip(cells, data):
            if j < len(c):
                m = re.match(r"^([\d,]+(?:\.\d+)?)", c[j])
                if m and j > 0:
                    vals.append((_num(m.group(1)), r))
        if len(vals) >= 2:
            out += extremes(vals)
    out += [r for r in data if re.search(r"Error|error|NaN|undefined|null", r)]
    out += [ln for ln in lines if ln.strip() and ln[0] not in "│┌├└" and ":" in ln and not exit_lines([ln])]
    return out + rule1(lines) + exit_lines(lines)


MT_UNITS = {"ps": 1e-12, "ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
MT_ROW = re.compile(r"^(\S.*?)\s+([\d.]+) (ps|ns|µs|us|ms|s)/iter")


@kind("mitata", "table")
def n_mitata(lines):
    """Round 575: clk/cpu/runtime lines, header, group headings, min/max avg rows, every summary-block line, rule 1, EXIT."""
    out: list = pick(lines, r"^(clk|cpu|runtime):")
    out += pick(lines, r"^benchmark\s+avg \(min … max\)")
    out += pick(lines, r"^\s*•")
    rows = []
    for ln in lines:
        m = MT_ROW.match(ln)
        if m:
            rows.append((float(m.group(2)) * MT_UNITS[m.group(3)], ln))
    out += extremes(rows)
    summ = False
    for ln in lines:
        if ln.strip() == "summary":
            summ = True
            out.append(ln)
            continue
        if summ:
            if ln.startswith(" ") and ln.strip():
                out.append(ln)
            else:
                summ = False
    return out + rule1(lines) + exit_lines(lines)


BJ_ROW = re.compile(r"^(.*) x ([\d,]+(?:\.\d+)?) ops/sec ±([\d.]+)% \(\d+ runs? sampled\)")


@kind("benchmark-js", "table")
def n_benchmark_js(lines):
    """Round 575: per suite the min/max ops/sec rows, rows with ±>=5%, error rows, Fastest is/Slowest is lines, rule 1, EXIT."""
    out: list = []
    suite: list = []
    for ln in lines + [""]:
        m = BJ_ROW.match(ln)
        if m:
            suite.append((_num(m.group(2)), ln))
            if float(m.group(3)) >= 5.0:
                out.append(ln)
            continue
        if suite:
            out += extremes(suite)
            suite = []
    out += [ln for ln in lines if re.search(r"Error", ln) and "ops/sec" not in ln]
    out += [ln for ln in lines if ln.strip() and "ops/sec" not in ln and not exit_lines([ln])
            and not re.match(r"^(Suite: |Fastest is|Slowest is|Error in )", ln)]  # a bench's toString without ops/sec
    out += pick(lines, r"^(Fastest|Slowest) is")
    return out + rule1(lines) + exit_lines(lines)


GC_ROW = re.compile(r"^gc (\d+) @([\d.]+)s (\d+)%: ([\d.]+)\+([\d.]+)\+([\d.]+) ms clock, .*?(\d+)->(\d+)->(\d+) MB, "
                    r"(\d+) MB goal")


def _own_last(lines) -> list:
    """The program's own last line before EXIT (its closing report)."""
    body = [ln for ln in lines if ln.strip() and not exit_lines([ln])]
    return body[-1:]


@kind("go-gctrace", "log")
def n_go_gctrace(lines):
    """Round 575: first/last gc lines, max P%, max clock sum, max live heap, max goal, (forced) lines, scvg/runtime shapes, rule 1, closing line, EXIT."""
    rows = []
    for ln in lines:
        m = GC_ROW.match(ln)
        if m:
            g = m.groups()
            rows.append((int(g[2]), float(g[3]) + float(g[4]) + float(g[5]), int(g[8]), int(g[9]), ln))
    out: list = []
    if rows:
        out += [rows[0][4], rows[-1][4]]
        for k in range(4):
            out.append(max(rows, key=lambda r: r[k])[4])
    out += [ln for ln in lines if ln.startswith("gc ") and "(forced)" in ln]
    out += cm.groups((cm.mask(ln), ln) for ln in lines if re.match(r"^(scvg|runtime:)", ln))
    return out + rule1(lines) + _own_last(lines) + exit_lines(lines)


SCHED_ROW = re.compile(r"^SCHED (\d+)ms: gomaxprocs=\d+ idleprocs=\d+ threads=(\d+) .*?runqueue=(\d+) ?\[([\d ]*)\]")


@kind("go-schedtrace", "log")
def n_go_schedtrace(lines):
    """Round 575: first/last SCHED lines, max threads / global runqueue / local queue sum lines, rule 1 with goroutine line, closing line, EXIT."""
    rows = []
    for ln in lines:
        m = SCHED_ROW.match(ln)
        if m:
            rows.append((int(m.group(2)), int(m.group(3)), sum(int(x) for x in m.group(4).split()), ln))
    out: list = []
    if rows:
        out += [rows[0][3], rows[-1][3]]
        for k in range(3):
            out.append(max(rows, key=lambda r: r[k])[3])
    for i, ln in enumerate(lines):
        if re.search(r"panic:|fatal error:", ln):
            g = cm.next_match(lines, i, r"^goroutine \d+ \[", 6)
            if g:
                out.append(g)
    return out + rule1(lines) + _own_last(lines) + exit_lines(lines)


INIT_ROW = re.compile(r"^init (\S+) @([\d.]+) ms, ([\d.]+) ms clock, (\d+) bytes, (\d+) allocs")


@kind("go-inittrace", "log")
def n_go_inittrace(lines):
    """Round 575: first/last init lines, max clock/bytes/allocs lines, every init of the smithy module, rule 1 with goroutine line, EXIT."""
    rows = []
    for ln in lines:
        m = INIT_ROW.match(ln)
        if m:
            rows.append((float(m.group(3)), int(m.group(4)), int(m.group(5)), m.group(1), ln))
    out: list = []
    if rows:
        out += [rows[0][4], rows[-1][4]]
        for k in range(3):
            out.append(max(rows, key=lambda r: r[k])[4])
        out += [r[4] for r in rows if r[3] == "smithy" or r[3].startswith("smithy/") or r[3] == "main"]
    for i, ln in enumerate(lines):
        if re.search(r"panic:|fatal error:", ln):
            g = cm.next_match(lines, i, r"^goroutine \d+ \[", 6)
            if g:
                out.append(g)
    return out + rule1(lines) + exit_lines(lines)


BCE_ROW = re.compile(r"^(\S+\.go):\d+:\d+: (Found \w+)")


@kind("go-bce-check", "lint")
def n_go_bce_check(lines):
    """Round 575: one any per (Found message, file), the # package lines, compile errors, EXIT."""
    out: list = pick(lines, r"^# \S")
    out += cm.groups(((m.group(2), m.group(1)), ln) for ln in lines if (m := BCE_ROW.match(ln)))
    out += [ln for ln in lines if re.match(r"^\S+\.go:\d+:\d+: ", ln) and not BCE_ROW.match(ln)]
    return out + rule1(lines) + exit_lines(lines)


@kind("httperf", "table")
def n_httperf(lines):
    """Round 575: command echo, warnings/errors, Total/Connection/Request/Reply/Errors/Session lines, rare RH status lines, EXIT."""
    out: list = pick(lines, r"^httperf --")
    out += pick(lines, r"^httperf: ")
    out += pick(lines, r"^(Total:|Connection rate:|Connection time \[ms\]: min|Request rate:|Reply rate \[replies/s\]:|"
                       r"Reply time \[ms\]:|Reply status:|Errors:|Session rate|Session:)")
    st = [(m.group(1), ln) for ln in lines if (m := re.match(r"^R[HS]\d+:HTTP/\d\.\d (\d{3})", ln))]
    if st:
        from collections import Counter
        c = Counter(s for s, _ in st)
        if c.most_common(1)[0][1] * 2 >= len(st):
            out += [ln for s, ln in st if c[s] <= 2]
    return out + rule1(lines) + exit_lines(lines)


TO_MARK = re.compile(r"^\[marking .*?<JSFunction (\S*) ?\(sfi")
TO_DONE = re.compile(r"^\[completed compiling .*took ([\d.]+), ([\d.]+), ([\d.]+) ms")


@kind("node-trace-opt", "log")
def n_node_trace_opt(lines):
    """Round 575: one any per function over its [marking lines, the longest [completed compiling line, aborted/bailout/failed/deopt lines, rule 1, last 3 own report lines, EXIT."""
    out: list = cm.groups((m.group(1), ln) for ln in lines if (m := TO_MARK.match(ln)))
    done = [(sum(float(x) for x in m.groups()), ln) for ln in lines if (m := TO_DONE.match(ln))]
    if done:
        out.append(max(done)[1])
    out += pick(lines, r"aborted|bailout|failed|deoptimiz")
    own = [ln for ln in lines if ln.strip() and not ln.startswith("[") and ":" in ln and not exit_lines([ln])]
    return out + rule1(lines) + own[-3:] + exit_lines(lines)


# ------------------------------------------------------------------ tools


def ensure_tools() -> None:
    cm.ensure_apt("httperf", "httperf")
    cm.install_npm(JS_TOOLS, "mitata", ["tinybench", "mitata", "benchmark", "vitest@3"])


def steps() -> list:
    import capture_wide575_js as js
    import capture_wide575_go as go
    import capture_wide575_net as net
    return js.STEPS + go.STEPS + net.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide575", sys.modules["__main__"])
    main()
