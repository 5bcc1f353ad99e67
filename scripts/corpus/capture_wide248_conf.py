"""Round 248, configuration and business languages: Jsonnet on a service-config generator (evaluation errors: a
missing field, a string where a number goes, a missing import, an assertion, a bad index, a deep recursion, a syntax
error; large manifests as JSON and as `-m` files), bwBASIC and yabasic on a payroll and a matrix routine (an index out
of range, a missing line or label, a division by zero, a syntax error), and GnuCOBOL on a payroll (its listing with a
cross-reference, a subscript out of bounds and a missing module at run time, a run under `COB_SET_TRACE`). Seeded
generators for size. The extractors are this round's (NEEDLES.md, "Round 248"). Run through capture_wide248.py."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import kind, run
from capture_wide224 import exit_lines, pick, shaped
from capture_wide248 import add
from capture_wide248_old import first_index, last_output

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 248")

JSONNET_ERR = r"^(RUNTIME|STATIC) ERROR:"


@kind("jsonnet-error", "build")
def n_jsonnet_error(lines):
    """Rule 1: the RUNTIME/STATIC ERROR line, its innermost and outermost frame lines naming a file, During manifestation/evaluation; EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(JSONNET_ERR, ln):
            out.append(ln)
            frames = []
            for f in lines[i + 1:]:
                if not f.startswith(("\t", " ")) or re.match(JSONNET_ERR, f):
                    break
                frames.append(f)
            named = [f for f in frames if re.search(r"\S+\.(jsonnet|libsonnet|json):[(\d]", f)]
            if named:
                out += [named[0], named[-1]]
            out += [f for f in frames if re.search(r"During (manifestation|evaluation)", f)]
    return out + exit_lines(lines)


@kind("jsonnet-manifest", "json")
def n_jsonnet_manifest(lines):
    """Rule 4+5: every top-level key line; in arrays of similar objects the name line of each record with a rare categorical value and the lines of each numeric field's min and max; -m file names; error lines; EXIT=."""
    out: list = []
    tops = [ln for ln in lines if re.match(r'^ {3}"[^"]+": ', ln)]
    out += tops
    recs: list[dict[str, str]] = []
    stack: list = []  # an array element's object is a record; a keyed object ("limits": {) is not
    for ln in lines:
        m = re.match(r'^(\s+)"([^"]+)": (.+?),?$', ln)
        if re.match(r"^\s+\{$", ln):
            stack.append({})
            recs.append(stack[-1])
        elif m and m.group(3) in ("{", "["):
            stack.append(None)
        elif m and stack and stack[-1] is not None:
            stack[-1].setdefault(m.group(2), ln)
        elif re.match(r"^\s+[}\]]", ln) and stack:
            stack.pop()
    by_keys: dict[tuple, list[dict[str, str]]] = {}
    for r in recs:
        if r:
            by_keys.setdefault(tuple(sorted(r)), []).append(r)
    for key, rs in by_keys.items():
        if len(rs) < 5:
            continue
        namek = next((k for k in ("name", "id", "host", "service") if k in key), key[0])
        for k in key:
            vals = [re.sub(r'^\s+"[^"]+": ', "", r[k]).rstrip(",") for r in rs]
            nums = [float(v) for v in vals if re.fullmatch(r"-?\d+(\.\d+)?", v)]
            if len(nums) == len(vals):
                lo, hi = vals.index(min(vals, key=float)), vals.index(max(vals, key=float))
                out += [rs[lo][k], rs[hi][k]]
            elif k != namek:
                c = Counter(vals)
                if c.most_common(1)[0][1] * 2 >= len(vals):
                    for r, v in zip(rs, vals):
                        if c[v] <= 2:
                            out += [r[namek], r[k]]
    out += [ln for ln in lines if re.match(r"^[\w./-]+\.(json|yaml|yml|ini|txt)$", ln)]
    out += n_jsonnet_error(lines)
    return out


@kind("bwbasic-error", "build")
def n_bwbasic(lines):
    """Rule 1+5: every ERROR in line N: line and its wrapped continuation, the last output line before the first error; EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if re.match(r"^ERROR in line \d+|^ERROR:", ln):
            out.append(ln)
            if len(ln) >= 79 and i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].startswith("ERROR"):
                out.append(lines[i + 1])
    first = first_index(lines, r"^ERROR")
    if first is not None:
        out += last_output(lines, first, r"^ERROR|^bwBASIC:|^Bywater|^Copyright")
    return out + exit_lines(lines)


@kind("yabasic-error", "build")
def n_yabasic(lines):
    """Rule 1: every ---Error in F, line N: line, every ---Error: message line, the source line quoted after it, every ---Dump: line, ---Warning lines one {"any"} per shape; EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if "---Error" in ln:
            out.append(ln)
            if ln.startswith("---Error: ") and i + 1 < len(lines) and not lines[i + 1].startswith("---") \
                    and lines[i + 1].strip() and not re.match(r"^\s*\^$", lines[i + 1]):
                out.append(lines[i + 1])
        elif ln.startswith("---Dump:"):
            out.append(ln)
    out += cm.groups((cm.mask(ln), ln) for ln in lines if ln.startswith("---Warning"))
    return out + exit_lines(lines)


@kind("cobc-listing", "build")
def n_cobc_listing(lines):
    """Rule 1+3+5: every error/warning line, the N warnings/errors in compilation group lines, the PROGRAM-ID line, the cross-reference header and every defined-never-referenced row; EXIT=."""
    out: list = pick(lines, r"\b(error|warning)\b:|^\s*(\*\*\*|warning|error)\b", re.I)
    out = [ln for ln in out if "compilation group" not in ln]
    out += pick(lines, r"\d+ (warnings?|errors?) in compilation group")
    out += pick(lines, r"PROGRAM-ID\.")
    hdr = pick(lines, r"^NAME\s+DEFINED\s+REFERENCES")
    out += hdr[:1]
    for ln in lines:
        if re.match(r"^[A-Z0-9][A-Z0-9-]*\s+\d+\s+not referenced$", ln):
            out.append(ln)
    return out + exit_lines(lines)


@kind("libcob-runtime-error", "build")
def n_libcob(lines):
    """Rule 1+5: every libcob: line and the indented detail line under it, the program's last output line before it; EXIT=."""
    out: list = []
    for i, ln in enumerate(lines):
        if "libcob: " in ln:
            out.append(ln)
            if i + 1 < len(lines) and re.match(r"^\s+\S", lines[i + 1]):
                out.append(lines[i + 1])
    first = first_index(lines, r"libcob: ")
    if first is not None:
        out += last_output(lines, first, r"libcob: |^Program-Id:|^Source:")
    return out + exit_lines(lines)


@kind("libcob-trace", "log")
def n_libcob_trace(lines):
    """Rule 1+4+5: the Source: and first Program-Id: lines, the trace line before a libcob: error and the error lines, rare Entry/Paragraph/Section lines, the last trace line; EXIT=."""
    out: list = pick(lines, r"^Source:")[:1] + pick(lines, r"^Program-Id:")[:1]
    trace = [(i, ln) for i, ln in enumerate(lines) if ln.startswith("Program-Id:")]
    for i, ln in enumerate(lines):
        if "libcob: " in ln:
            before = [t for j, t in trace if j < i]
            if before:
                out.append(before[-1])
            out.append(ln)
            if i + 1 < len(lines) and re.match(r"^\s+\S", lines[i + 1]):
                out.append(lines[i + 1])
    names = Counter()
    marks = []
    for _, ln in trace:
        m = re.search(r"(Entry|Paragraph|Section):\s+(\S+)", ln)
        if m:
            names[m.group(2)] += 1
            marks.append((m.group(2), ln))
    out += [ln for n, ln in marks if names[n] <= 2]
    if trace:
        out.append(trace[-1][1])
    return out + exit_lines(lines)


# ------------------------------------------------------------------ Jsonnet: a service-config generator

JSONNET_LIB = """{
  port(svc):: svc.base + svc.offset,
  host(svc, zone):: '%s.%s.internal' % [svc.name, zone],
  replicas(svc, load):: std.max(1, std.ceil(load / svc.capacity)),
  limits(svc):: { cpu: svc.cpu, memory: '%dMi' % svc.mem },
}
"""


def jsonnet_services(seed: int, n: int, faults: dict[int, str]) -> str:
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        tier = "batch" if i in (7, 31) else rnd.choice(["web", "web", "web", "api"])
        cap = 50 if i == 19 else rnd.randint(200, 900)
        svc = {"name": f"svc-{i:03d}", "tier": tier, "base": 8000, "offset": i, "capacity": cap,
               "cpu": rnd.choice(["250m", "500m"]), "mem": rnd.choice([256, 512])}
        if faults.get(i) == "string":
            svc["capacity"] = f"{cap}"
        if faults.get(i) == "nocap":
            del svc["capacity"]
        rows.append(json.dumps(svc))
    return "[\n  " + ",\n  ".join(rows) + "\n]\n"


JSONNET_MAIN = """local lib = import 'lib.libsonnet';
local svcs = import '{data}';
local zone = '{zone}';
{{
  zone: zone,
  generated_by: 'cfggen 2.3',
  services: [
    {{
      name: s.name,
      tier: s.tier,
      host: lib.host(s, zone),
      port: lib.port(s),
      replicas: lib.replicas(s, {load}),
      limits: lib.limits(s),
    }}
    for s in svcs
  ],
  ports_in_use: std.length(self.services),
  {extra}
}}
"""

JSONNET_MULTI = """local lib = import 'lib.libsonnet';
local svcs = import 'svcs.json';
{
  ['%s.json' % s.name]: { name: s.name, port: lib.port(s), replicas: lib.replicas(s, 1800), limits: lib.limits(s) }
  for s in svcs
}
"""

JSONNET_DEEP = """local lib = import 'lib.libsonnet';
local svcs = import 'svcs.json';
local budget(i, left) =
  if i >= std.length(svcs) then left
  else if left < 0 then error 'budget exhausted at %s (%d left)' % [svcs[i].name, left]
  else budget(i + 1, left - lib.replicas(svcs[i], 2400) * 7);
{ remaining: budget(0, START) }
"""

JSONNET_ASSERT = """local lib = import 'lib.libsonnet';
local svcs = import 'svcs.json';
local check(s) = assert lib.port(s) < 8040 : 'port %d of %s is outside the allowed range' % [lib.port(s), s.name]; s;
{ services: [check(s).name for s in svcs] }
"""

JSONNET_SYNTAX = """local lib = import 'lib.libsonnet';
{
  zone: 'eu-1'
  services: [
    { name: 'a', port: 8001 },
    { name: 'b', port: 8002 },
  ],
}
"""


def jsonnet(tmp: Path) -> None:
    d = tmp / "jsonnet"
    cm.write_tree(d, {
        "lib.libsonnet": JSONNET_LIB,
        "svcs.json": jsonnet_services(2501, 200, {}),
        "svcs_bad.json": jsonnet_services(2502, 60, {23: "string"}),
        "svcs_nocap.json": jsonnet_services(2503, 60, {41: "nocap"}),
        "cluster.jsonnet": JSONNET_MAIN.format(data="svcs.json", zone="eu-1", load=2400, extra=""),
        "cluster_bad.jsonnet": JSONNET_MAIN.format(data="svcs_bad.json", zone="eu-2", load=2400, extra=""),
        "cluster_nocap.jsonnet": JSONNET_MAIN.format(data="svcs_nocap.json", zone="eu-3", load=2400, extra=""),
        "cluster_import.jsonnet": JSONNET_MAIN.format(data="svcs.json", zone="eu-1", load=2400,
                                                      extra="alerts: (import 'alerts.libsonnet').rules,"),
        "per_service.jsonnet": JSONNET_MULTI,
        "deep.jsonnet": JSONNET_DEEP.replace("START", "7000"),
        "ports.jsonnet": JSONNET_ASSERT,
        "syntax.jsonnet": JSONNET_SYNTAX,
    })
    (d / "out").mkdir(exist_ok=True)

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=120), ext)

    go("jsonnet-error-type", "jsonnet cluster_bad.jsonnet; echo EXIT=$?", n_jsonnet_error)
    go("jsonnet-error-field", "jsonnet cluster_nocap.jsonnet", n_jsonnet_error)
    go("jsonnet-error-deep", "jsonnet deep.jsonnet; echo EXIT=$?", n_jsonnet_error)
    go("jsonnet-error-deep-trace", "jsonnet --max-trace 200 deep.jsonnet 2>&1 | head -n 150", n_jsonnet_error)
    go("jsonnet-error-all-files", 'for f in *.jsonnet; do echo "== $f"; jsonnet $f >/dev/null; done', n_jsonnet_error)
    go("jsonnet-manifest-cluster", "jsonnet cluster.jsonnet", n_jsonnet_manifest)
    go("jsonnet-manifest-cluster-head", "jsonnet cluster.jsonnet | head -n 100", n_jsonnet_manifest)
    go("jsonnet-manifest-multi", "jsonnet -m out per_service.jsonnet; echo EXIT=$?", n_jsonnet_manifest)


# ------------------------------------------------------------------ bwBASIC and yabasic: a payroll and a matrix routine


def basic_payroll(seed: int, n: int, fault: str) -> str:
    rnd = random.Random(seed)
    out = ["10 REM PAYROLL RUN", f"20 N = {n}", "30 DIM H(%d), G(%d)" % (n, n),
           "40 FOR I = 1 TO N", "50 READ H(I), G(I)", "60 NEXT I", "70 T = 0",
           "80 FOR I = 1 TO N + %d" % (6 if fault == "dim" else 0), "90 R = G(I) / H(I)", "100 T = T + G(I)",
           '110 PRINT "EMP"; I; " HOURS "; H(I); " GROSS "; G(I); " RATE "; INT(R * 100) / 100', "120 NEXT I"]
    if fault == "gosub":
        out.append("130 GOSUB 900")
    out += ['140 PRINT "TOTAL "; T', "150 END"]
    data = [f"{0 if fault == 'zero' and i == n - 9 else rnd.randint(20, 45)}, {rnd.randint(600, 3800)}"
            for i in range(n)]
    for k in range(0, n, 8):
        out.append(f"{1000 + k} DATA " + ", ".join(data[k:k + 8]))
    return "\n".join(out) + "\n"


YAB_MATRIX = """// matrix routine
n = {n}
dim m(n, n), t(n, n)
for i = 1 to n
  for j = 1 to n
    m(i, j) = mod(i * 7 + j * 3, 11)
  next j
next i
sub rowsum(r)
  local s, j
  for j = 1 to n + {over}
    s = s + m(r, j)
  next j
  return s
end sub
sub report(r)
  print "row ", r, " sum ", rowsum(r)
  if r < n then report(r + 1) : fi
end sub
for i = 1 to n
  for j = 1 to n
    print m(i, j) using "###";
  next j
  print
next i
report(1)
"""

YAB_SYNTAX = """// payroll with typos
dim h(10), g(10)
for i = 1 to 10
  h(i) = 30 + i
  g(i) = 1200 + i * 75
next i
for i = 1 to 10
  r = g(i) / h(i)
  print "emp ", i, " rate ", r using "##.##"
next
print "total " + sum
gosub report
end
"""


def basic(tmp: Path) -> None:
    d = tmp / "basic"
    cm.write_tree(d, {
        "payroll.bas": basic_payroll(2511, 240, "dim"),
        "payroll_gosub.bas": basic_payroll(2512, 60, "gosub"),
        "payroll_zero.bas": basic_payroll(2513, 150, "zero"),
        "matrix.yab": YAB_MATRIX.format(n=40, over=0).replace("report(r + 1) : fi", "report(r + 1)\n  fi")
                      .replace("if r < n then report", "if r < n + 3 then\n    report"),
        "matrix_over.yab": YAB_MATRIX.format(n=24, over=1).replace("report(r + 1) : fi", "report(r + 1)\n  fi")
                           .replace("if r < n then report", "if r < n then\n    report"),
        "payroll.yab": YAB_SYNTAX,
    })

    def go(item, cmd, ext):
        add(item, cmd, run(cmd, cwd=d, timeout=60), ext)

    go("bwbasic-payroll", "bwbasic payroll.bas </dev/null; echo EXIT=$?", n_bwbasic)
    go("bwbasic-payroll-gosub", "bwbasic payroll_gosub.bas </dev/null", n_bwbasic)
    go("bwbasic-payroll-zero", "bwbasic payroll_zero.bas </dev/null; echo EXIT=$?", n_bwbasic)
    go("yabasic-matrix", "yabasic matrix.yab; echo EXIT=$?", n_yabasic)
    go("yabasic-matrix-over-tail", "yabasic matrix_over.yab 2>&1 | tail -n 50", n_yabasic)
    go("yabasic-payroll-syntax", "yabasic payroll.yab; yabasic matrix_over.yab 2>&1 | grep -- '---'; echo EXIT=$?",
       n_yabasic)


# ------------------------------------------------------------------ GnuCOBOL: a payroll


def cobol_payroll(seed: int, n_items: int, occurs: int, loops: int, extra: str = "") -> str:
    rnd = random.Random(seed)
    ws = []
    used = []
    for k in range(n_items):
        name = f"WS-{rnd.choice(['RATE', 'HOURS', 'TAX', 'BONUS', 'DEDUCT', 'UNION', 'PENSION'])}-{k:03d}"
        ws.append(f"       01 {name} PIC 9(5)V99 VALUE {rnd.randint(1, 999)}.")
        if k % 9:
            used.append(name)
    proc = []
    for k, name in enumerate(used):
        proc.append(f"           ADD {name} TO WS-TOTAL")
        if k % 25 == 0:
            proc.append(f"           PERFORM CALC-{k // 25}")
    paras = []
    for p in range(len(used) // 25 + 1):
        paras += [f"       CALC-{p}.", f"           COMPUTE WS-NET = WS-TOTAL * 0.{70 + p % 20}",
                  f"           DISPLAY 'CALC-{p} NET ' WS-NET."]
    return "\n".join([
        "       IDENTIFICATION DIVISION.", "       PROGRAM-ID. PAYRUN.", "       DATA DIVISION.",
        "       WORKING-STORAGE SECTION.", "       01 WS-TABLE.", f"          05 WS-AMT PIC 9(5) OCCURS {occurs} TIMES.",
        "       01 WS-I PIC 999.", "       01 WS-TOTAL PIC 9(9)V99 VALUE 0.", "       01 WS-NET PIC 9(9)V99 VALUE 0.",
        *ws, "       PROCEDURE DIVISION.", "       MAIN-PARA.", *proc,
        f"           PERFORM VARYING WS-I FROM 1 BY 1 UNTIL WS-I > {loops}",
        "               COMPUTE WS-AMT(WS-I) = WS-I * 17", "               DISPLAY 'SLOT ' WS-I ' AMT ' WS-AMT(WS-I)",
        "           END-PERFORM", extra or "           DISPLAY 'TOTAL ' WS-TOTAL", "           STOP RUN.", *paras,
    ]) + "\n"


COBOL_BAD = """       IDENTIFICATION DIVISION.
       PROGRAM-ID. LEDGER.
       DATA DIVISION.
       WORKING-STORAGE SECTION.
       01 WS-BAL PIC S9(7)V99 VALUE 0.
       01 WS-AMT PIC 9(5)V99.
       01 WS-NAME PIC X(20).
       01 WS-UNUSED PIC X(8).
       PROCEDURE DIVISION.
           MOVE 125.50 TO WS-AMT
           ADD WS-AMT TO WS-BALANCE
           MOVE WS-NAME TO WS-AMT
           COMPUTE WS-BAL = WS-BAL + WS-NAME
           PERFORM POST-ENTRY
           DISPLAY 'BALANCE ' WS-BAL
           STOP RUN.
"""


def cobol(tmp: Path) -> None:
    d = tmp / "cobol"
    cm.write_tree(d, {
        "payrun.cob": cobol_payroll(2521, 260, 40, 40),
        "payrun_over.cob": cobol_payroll(2522, 60, 60, 75),
        "payrun_call.cob": cobol_payroll(2523, 40, 20, 20, extra="           CALL 'TAXCALC' USING WS-TOTAL"),
        "ledger.cob": COBOL_BAD,
    })

    def go(item, cmd, ext, env=None):
        add(item, cmd, run(cmd, cwd=d, timeout=180, env=env), ext)

    go("cobc-listing-payrun-xref", "cobc -fsyntax-only -t - -Xref payrun.cob", n_cobc_listing)
    go("cobc-listing-ledger", "cobc -fsyntax-only -Wall -t - -Xref ledger.cob; echo EXIT=$?", n_cobc_listing)
    go("cobc-listing-payrun-tail", "cobc -x -t payrun.lst -Xref payrun.cob && tail -n 120 payrun.lst", n_cobc_listing)
    run("nice cobc -x -debug payrun_over.cob && nice cobc -x payrun_call.cob", cwd=d, timeout=240)
    run("nice cobc -x -ftraceall -debug -o payrun_trace payrun_over.cob", cwd=d, timeout=240)
    go("libcob-runtime-subscript", "./payrun_over; echo EXIT=$?", n_libcob)
    go("libcob-runtime-call", "./payrun_call", n_libcob)
    go("libcob-trace-payrun", "COB_SET_TRACE=Y ./payrun_trace 2>&1 | tail -n 150; echo EXIT=$?", n_libcob_trace,
       )
    go("libcob-trace-payrun-full", "COB_SET_TRACE=Y ./payrun_trace", n_libcob_trace)


STEPS = [jsonnet, basic, cobol]
