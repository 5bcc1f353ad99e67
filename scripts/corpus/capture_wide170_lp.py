"""Round 170, LP/MIP solvers from Debian: GLPK's glpsol on MathProg models (terminal log and `--output` report), cbc
and lp_solve on the same models written out as CPLEX LP / MPS, and lp_solve's own LP format. Extractors are the rules
of NEEDLES.md's "Round 170" section. Run through capture_wide170.py."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import capture_more as cm
from capture_more import any_of, run, write_tree
from capture_wide170 import add, exit_lines


def _num(s: str) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


# ------------------------------------------------------------------ extractors

GLPSOL_ERR = re.compile(r"^\S+:\d+: .+|^Context: |MathProg model processing error|^glp_\w+: .*(error|invalid|not)"
                        r"|\bError\b|^Assertion failed|^Unable to|^Input/output error|^ERROR", re.I)
GLPSOL_STATUS = re.compile(r"OPTIMAL|INTEGER OPTIMAL SOLUTION FOUND|NO PRIMAL FEASIBLE|NO DUAL FEASIBLE|UNBOUNDED|"
                           r"TIME LIMIT EXCEEDED|SEARCH TERMINATED|NO INTEGER FEASIBLE|INFEASIBLE", re.I)


def _glpsol_ok_line(ln: str) -> bool:
    # a `file:line:` prefix only counts as an error when the rest is a message (not a `Reading …` progress line)
    return not re.match(r"^(Reading|Writing|Generating|Model has|\s)", ln)


@cm.kind("glpsol-log", "build")
def n_glpsol_log(lines):
    """Rules 1/3/5 on glpsol's log: error lines with Context, the status lines, `Model has been successfully generated`, the last simplex and branch-and-bound lines, model output lines with ERROR/FAIL/WARN/infeasible."""
    out = []
    for ln in lines:
        if GLPSOL_ERR.search(ln) and _glpsol_ok_line(ln):
            out.append(ln)
        elif GLPSOL_STATUS.search(ln) and not ln.startswith(("*", "+", " ")):
            out.append(ln)
        elif ln.startswith("Model has been successfully generated"):
            out.append(ln)
        elif re.search(r"ERROR|FAIL|WARN|infeasible", ln, re.I) and not ln.startswith(("*", "+")):
            out.append(ln)
    simplex = [ln for ln in lines if re.match(r"^[* ]\s*\d+: obj = ", ln)]
    bb = [ln for ln in lines if re.match(r"^\+\s*\d+: (mip|>>>>>)", ln)]
    out += simplex[-1:] + bb[-1:]
    return out + exit_lines(lines)


def _glpk_table(lines, head_re):
    """The rows of a glpsol report table: (header, [(line, st, activity)]); a row's name may sit on its own line."""
    hi = next((i for i, ln in enumerate(lines) if re.match(head_re, ln)), None)
    if hi is None:
        return None, []
    rows = []
    i = hi + 2
    while i < len(lines):
        ln = lines[i]
        if not ln.strip():
            break
        m = re.match(r"^\s*\d+\s+(\S+)\s*(.*)$", ln)
        if not m:
            i += 1
            continue
        rest = m.group(2)
        name_line = None
        if not rest.strip() and i + 1 < len(lines):  # long name: the values are on the next line
            name_line = ln
            i += 1
            rest = lines[i]
            line = lines[i]
        else:
            line = ln
        f = rest.split()
        st = f[0] if f and not re.match(r"^-?[\d.]", f[0]) else ""
        vals = f[1:] if st else f
        act = _num(vals[0]) if vals else None
        rows.append(([name_line, line] if name_line else [line], st, act))
        i += 1
    return lines[hi], rows


@cm.kind("glpsol-report", "table")
def n_glpsol_report(lines):
    """Rules 4/5 on glpsol's --output report: Problem/Status/Objective lines, both table headers, rare St rows, min/max Activity rows, KKT Quality lines not High, End of output."""
    out = [ln for ln in lines if re.match(r"^(Problem|Status|Objective):", ln)]
    for head in (r"^\s*No\.\s+Row name", r"^\s*No\.\s+Column name"):
        header, rows = _glpk_table(lines, head)
        if not header:
            continue
        out.append(header)
        cnt = Counter(st for _, st, _ in rows)
        if cnt:
            top, topn = cnt.most_common(1)[0]
            if topn * 2 >= len(rows):
                out += [x for ln, st, _ in rows if cnt[st] <= 2 for x in ln]
        acts = [(a, ln) for ln, _, a in rows if a is not None]
        if acts:
            for f in (min, max):
                v = f(a for a, _ in acts)
                out += next(ln for a, ln in acts if a == v)
    for i, ln in enumerate(lines):  # each KKT block's verdict: the line after its `max.rel.err` line
        if ln.strip().startswith("max.rel.err") and i + 1 < len(lines) and lines[i + 1].strip() \
                and "High quality" not in lines[i + 1]:
            out.append(lines[i + 1])
    out += [ln for ln in lines if ln.startswith("End of output")]
    return out + exit_lines(lines)


CBC_ERR = re.compile(r"\*\* Error|Unable to|not found|Coin\d+E|Problem is infeasible|Problem is unbounded|"
                     r"\bError\b|\berror\b|infeasible|unbounded|Exiting|Aborting", re.I)
CBC_CLOSE = re.compile(r"^(Result - |Optimal - objective value|Objective value:|Lower bound:|Gap:|Enumerated nodes:|Total iterations:|"
                       r"Time \(CPU seconds\):|Optimal objective|Objective value )")


def cbc_needles(lines):
    """cbc's part of a log (shared by cbc-log, pulp-cbc-log and mip-log)."""
    out = []
    for ln in lines:
        if CBC_CLOSE.match(ln.strip()) or re.match(r"^(Cbc0012I|Cbc0004I)", ln):
            out.append(ln)
        elif CBC_ERR.search(ln) and not re.match(r"^(Cbc0010I|Clp\d+I .*Primal infeasibility|Coin\d+I)", ln):
            out.append(ln)
    prog = [ln for ln in lines if ln.startswith("Cbc0010I")]
    return out + prog[:1] + prog[-1:]


@cm.kind("cbc-log", "build")
def n_cbc_log(lines):
    """Rules 1/3/5 on cbc's log: error/infeasible/unbounded lines, Result and the closing block's objective/bound/gap/nodes/iterations/time lines, first and last Cbc0010I progress line, every Cbc0012I/Cbc0004I solution line."""
    return cbc_needles(lines) + exit_lines(lines)


@cm.kind("lp-solve", "build")
def n_lp_solve(lines):
    """Rules 1/4/5 on lp_solve: parse error and verdict lines, `Value of objective function:`, the listing headers and each listing's min/max value rows, Dual value headers."""
    out = []
    for ln in lines:
        if re.search(r"on line \d+|syntax error|\berror\b|set_\w+:|This problem is infeasible|This problem is unbounded|"
                     r"SUBOPTIMAL|INFEASIBLE|UNBOUNDED|Value of objective function:|^Dual value", ln, re.I):
            out.append(ln)
    sec_re = re.compile(r"^(Actual values of the (variables|constraints)|Dual value)")
    i = 0
    while i < len(lines):
        if sec_re.match(lines[i]):
            out.append(lines[i])
            rows = []
            k = i + 1
            while k < len(lines) and lines[k].strip() and not sec_re.match(lines[k]):
                f = lines[k].split()
                v = _num(f[1]) if len(f) >= 2 else None
                if v is not None:
                    rows.append((v, lines[k]))
                k += 1
            if rows:
                for f in (min, max):
                    v = f(x for x, _ in rows)
                    out.append(next(ln for x, ln in rows if x == v))
            i = k
        else:
            i += 1
    return out + exit_lines(lines)


# ------------------------------------------------------------------ models

TRANSPORT = """
# transport: depots ship to stores at least cost
set DEPOT;
set STORE;
param supply{DEPOT} >= 0;
param demand{STORE} >= 0;
param cost{DEPOT, STORE} >= 0;
param cap_route >= 0;
var ship{DEPOT, STORE} >= 0, <= cap_route;
minimize total: sum{d in DEPOT, s in STORE} cost[d, s] * ship[d, s];
s.t. out{d in DEPOT}: sum{s in STORE} ship[d, s] <= supply[d];
s.t. need{s in STORE}: sum{d in DEPOT} ship[d, s] >= demand[s];
solve;
printf "total supply %d, total demand %d\\n", sum{d in DEPOT} supply[d], sum{s in STORE} demand[s];
printf{s in STORE: sum{d in DEPOT} ship[d, s] < demand[s] - 1e-6} "WARN store %s short\\n", s;
printf{d in DEPOT, s in STORE: ship[d, s] > 0} "ship %s -> %s: %g of %d\\n", d, s, ship[d, s], demand[s];
printf "shipping cost: %.2f\\n", total;
end;
"""


def transport_data(seed: int, nd: int, ns: int, short: bool = False) -> str:
    r = random.Random(seed)
    depots = [f"D{i:02d}_{r.choice(['north', 'east', 'port', 'hill', 'mill'])}" for i in range(nd)]
    stores = [f"S{j:03d}" for j in range(ns)]
    dem = {s: r.randint(20, 140) for s in stores}
    tot = sum(dem.values())
    sup = {d: int(tot * (0.8 if short else 1.3) / nd) + r.randint(0, 30) for d in depots}
    out = ["data;", "set DEPOT := " + " ".join(depots) + ";", "set STORE := " + " ".join(stores) + ";",
           "param supply := " + " ".join(f"{d} {v}" for d, v in sup.items()) + ";",
           "param demand := " + " ".join(f"{s} {v}" for s, v in dem.items()) + ";", "param cap_route := 90;",
           "param cost :", "  " + " ".join(stores) + " :="]
    for d in depots:
        out.append(f"  {d} " + " ".join(str(r.randint(3, 60)) for _ in stores))
    out[-1] += " ;"
    return "\n".join(out) + "\nend;\n"


KNAPSACK = """
# cargo: items into trucks, each item at most once
set ITEM;
set TRUCK;
param w{ITEM} > 0;
param v{ITEM} > 0;
param vol{ITEM} > 0;
param cap{TRUCK} > 0;
param vcap{TRUCK} > 0;
var x{ITEM, TRUCK} binary;
maximize value: sum{i in ITEM, t in TRUCK} v[i] * x[i, t];
s.t. once{i in ITEM}: sum{t in TRUCK} x[i, t] <= 1;
s.t. weight{t in TRUCK}: sum{i in ITEM} w[i] * x[i, t] <= cap[t];
s.t. volume{t in TRUCK}: sum{i in ITEM} vol[i] * x[i, t] <= vcap[t];
solve;
printf{t in TRUCK} "truck %s: weight %d/%d, %d items\\n", t, sum{i in ITEM} w[i] * x[i, t], cap[t],
  sum{i in ITEM} x[i, t];
printf "value: %d\\n", value;
end;
"""


def knapsack_data(seed: int, n: int, nt: int) -> str:
    r = random.Random(seed)
    items = [f"c{i:03d}" for i in range(n)]
    w = {i: r.randint(40, 400) for i in items}
    v = {i: w[i] + r.randint(60, 90) for i in items}
    vol = {i: r.randint(5, 50) for i in items}
    trucks = [f"T{k}" for k in range(nt)]
    return "\n".join([
        "data;", "set ITEM := " + " ".join(items) + ";", "set TRUCK := " + " ".join(trucks) + ";",
        "param: w v vol :=", *[f"  {i} {w[i]} {v[i]} {vol[i]}" for i in items], ";",
        "param cap := " + " ".join(f"{t} {r.randint(900, 1500)}" for t in trucks) + ";",
        "param vcap := " + " ".join(f"{t} {r.randint(150, 260)}" for t in trucks) + ";", "end;"]) + "\n"


SHIFTS = """
# clinic shifts: nurses start at hour h and work 8 hours
set HOUR := 0..167;
param need{HOUR} >= 0;
param maxstart >= 0;
var start{HOUR} integer >= 0, <= maxstart;
minimize nurses: sum{h in HOUR} start[h];
s.t. cover{h in HOUR}: sum{k in 0..7} start[(h - k + 168) mod 168] >= need[h];
solve;
display{h in HOUR: start[h] > 0} start[h];
printf "nurse shifts: %d\\n", nurses;
end;
"""


def shifts_data(seed: int, tight: bool) -> str:
    r = random.Random(seed)
    need = []
    for h in range(168):
        base = [3, 3, 2, 2, 2, 3, 6, 9, 12, 12, 11, 10, 10, 11, 12, 12, 11, 10, 9, 8, 7, 6, 5, 4][h % 24]
        need.append(base + r.randint(0, 3) + (14 if tight and h == 100 else 0))
    return "data;\nparam maxstart := %d;\nparam need := %s;\nend;\n" % (
        1 if tight else 12, " ".join(f"{h} {v}" for h, v in enumerate(need)))


DIET_UNBOUNDED = """
# diet: the cost sign is wrong (maximize), and nothing bounds the servings above
set FOOD;
set NUTR;
param price{FOOD} > 0;
param amt{NUTR, FOOD} >= 0;
param lo{NUTR} >= 0;
var buy{FOOD} >= 0;
maximize cost: sum{f in FOOD} price[f] * buy[f];
s.t. diet{n in NUTR}: sum{f in FOOD} amt[n, f] * buy[f] >= lo[n];
solve;
printf "cost %.2f\\n", cost;
end;
"""


def diet_data(seed: int, nf: int) -> str:
    r = random.Random(seed)
    foods = [f"{r.choice(['oat', 'rice', 'bean', 'milk', 'egg', 'kale', 'fish', 'lentil'])}_{i}" for i in range(nf)]
    nutr = ["kcal", "protein", "fat", "carb", "fiber", "calcium", "iron", "vitA", "vitC"]
    lines = ["data;", "set FOOD := " + " ".join(foods) + ";", "set NUTR := " + " ".join(nutr) + ";",
             "param price := " + " ".join(f"{f} {r.uniform(0.2, 4):.2f}" for f in foods) + ";",
             "param lo := " + " ".join(f"{n} {r.randint(10, 2000)}" for n in nutr) + ";",
             "param amt : " + " ".join(foods) + " :="]
    for n in nutr:
        lines.append(f"  {n} " + " ".join(f"{r.uniform(0, 50):.1f}" for _ in foods))
    lines[-1] += " ;"
    return "\n".join(lines) + "\nend;\n"


# syntax errors put in: a missing semicolon, an undeclared set, a wrong data row
BROKEN_SYNTAX = TRANSPORT.replace("var ship{DEPOT, STORE} >= 0, <= cap_route;", "var ship{DEPOT, STORE} >= 0, <= cap_route")
BROKEN_SET = TRANSPORT.replace("s.t. need{s in STORE}: sum{d in DEPOT}", "s.t. need{s in STORES}: sum{d in DEPOT}")


def bad_data(text: str) -> str:
    """A cost row with one value missing (a column left out when the table was pasted)."""
    lines = text.splitlines()
    k = next(i for i, ln in enumerate(lines) if ln.startswith("  D03"))
    f = lines[k].split()
    lines[k] = "  " + " ".join(f[:20] + f[21:])
    return "\n".join(lines) + "\n"


def step_glpsol(tmp: Path) -> None:
    d = tmp / "glpk"
    write_tree(d, {
        "transport.mod": TRANSPORT, "transport.dat": transport_data(170, 10, 80),
        "transport_short.dat": transport_data(171, 6, 45, short=True),
        "cargo.mod": KNAPSACK, "cargo.dat": knapsack_data(172, 140, 5),
        "shifts.mod": SHIFTS, "shifts.dat": shifts_data(173, False), "shifts_tight.dat": shifts_data(173, True),
        "diet.mod": DIET_UNBOUNDED, "diet.dat": diet_data(174, 40),
        "broken.mod": BROKEN_SYNTAX, "badset.mod": BROKEN_SET,
        "transport_bad.dat": bad_data(transport_data(170, 10, 80)),
    })
    cmd = "glpsol -m transport.mod -d transport.dat -o transport.sol"
    add("glpsol-transport", cmd, run(cmd, cwd=d), n_glpsol_log)
    add("glpsol-transport-report", "cat transport.sol", run("cat transport.sol", cwd=d), n_glpsol_report)
    cmd = "glpsol -m transport.mod -d transport_short.dat -o short.sol; echo EXIT=$?"
    add("glpsol-transport-short", cmd, run(cmd, cwd=d), n_glpsol_log)
    add("glpsol-transport-short-report", "cat short.sol", run("cat short.sol", cwd=d), n_glpsol_report)
    cmd = "glpsol -m cargo.mod -d cargo.dat --tmlim 6 -o cargo.sol"
    add("glpsol-cargo-tmlim", cmd, run(cmd, cwd=d, timeout=60), n_glpsol_log)
    add("glpsol-cargo-report", "cat cargo.sol", run("cat cargo.sol", cwd=d), n_glpsol_report)
    cmd = "glpsol -m shifts.mod -d shifts.dat -o shifts.sol"
    add("glpsol-shifts", cmd, run(cmd, cwd=d, timeout=90), n_glpsol_log)
    cmd = "glpsol -m shifts.mod -d shifts_tight.dat; echo EXIT=$?"
    add("glpsol-shifts-tight", cmd, run(cmd, cwd=d, timeout=90), n_glpsol_log)
    cmd = "glpsol -m shifts.mod -d shifts.dat -o shifts.sol >/dev/null; grep -v '^$' shifts.sol | head -n 140"
    add("glpsol-shifts-report-head", cmd, run(cmd, cwd=d, timeout=90), n_glpsol_report)
    cmd = "glpsol -m diet.mod -d diet.dat -o diet.sol; echo EXIT=$?"
    add("glpsol-diet-unbounded", cmd, run(cmd, cwd=d), n_glpsol_log)
    cmd = "glpsol -m broken.mod -d transport.dat; echo EXIT=$?; glpsol -m badset.mod -d transport.dat; echo EXIT=$?"
    add("glpsol-model-errors", cmd, run(cmd, cwd=d), n_glpsol_log)
    cmd = "glpsol -m transport.mod -d transport_bad.dat; echo EXIT=$?; glpsol -m transport.mod -d transport.dat --check"
    add("glpsol-data-error", cmd, run(cmd, cwd=d), n_glpsol_log)
    # the models written out for the other solvers
    run("glpsol -m transport.mod -d transport.dat --check --wlp transport.lp --wfreemps transport.mps", cwd=d)
    run("glpsol -m transport.mod -d transport_short.dat --check --wlp short.lp --wfreemps short.mps", cwd=d)
    run("glpsol -m cargo.mod -d cargo.dat --check --wlp cargo.lp --wfreemps cargo.mps", cwd=d)
    run("glpsol -m shifts.mod -d shifts.dat --check --wlp shifts.lp", cwd=d)
    run("glpsol -m diet.mod -d diet.dat --check --wlp diet.lp --wfreemps diet.mps", cwd=d)


def step_cbc(tmp: Path) -> None:
    d = tmp / "glpk"
    cmd = "cbc cargo.lp sec 8 solve solu cargo.cbc"
    add("cbc-cargo-seclimit", cmd, run(cmd, cwd=d, timeout=90), n_cbc_log)
    cmd = "cbc cargo.lp sec 8 solve solu cargo.cbc | tail -n 40"
    add("cbc-cargo-tail", cmd, run(cmd, cwd=d, timeout=90), n_cbc_log)
    cmd = "cbc transport.mps solve solu transport.cbc; head -n 60 transport.cbc"
    add("cbc-transport-solu", cmd, run(cmd, cwd=d, timeout=90), n_cbc_log)
    cmd = "cbc short.lp solve; echo EXIT=$?"
    add("cbc-short-infeasible", cmd, run(cmd, cwd=d, timeout=90), n_cbc_log)
    cmd = "cbc diet.lp solve; echo EXIT=$?"
    add("cbc-diet-unbounded", cmd, run(cmd, cwd=d, timeout=90), n_cbc_log)


LPS_GOOD_HEAD = "/* a plant mix: products from shared machine hours */\n"


def lp_solve_model(seed: int, n: int, m: int, broken: bool = False) -> str:
    r = random.Random(seed)
    out = [LPS_GOOD_HEAD, "max: " + " + ".join(f"{r.randint(3, 40)} p{j}" for j in range(n)) + ";", ""]
    for i in range(m):
        terms = " + ".join(f"{r.randint(1, 9)} p{j}" for j in range(n) if r.random() < 0.4)
        if broken and i == m // 2:
            out.append(f"mach{i}: {terms} + <= {r.randint(200, 900)};")
        else:
            out.append(f"mach{i}: {terms} <= {r.randint(200, 900)};")
    out += [f"p{j} <= {r.randint(10, 60)};" for j in range(0, n, 3)]
    out.append("int " + ",".join(f"p{j}" for j in range(0, n, 2)) + ";")
    return "\n".join(out) + "\n"


def step_lp_solve(tmp: Path) -> None:
    d = tmp / "lpsolve"
    write_tree(d, {"mix.lp": lp_solve_model(175, 140, 50), "mix_broken.lp": lp_solve_model(175, 140, 50, broken=True),
                   "small.lp": lp_solve_model(176, 24, 14)})
    g = tmp / "glpk"
    cmd = "lp_solve -S4 mix.lp"
    add("lp-solve-mix-S4", cmd, run(cmd, cwd=d, timeout=90), n_lp_solve)
    cmd = "lp_solve -S3 mix_broken.lp; echo EXIT=$?; lp_solve -S3 mix.lp; echo EXIT=$?"
    add("lp-solve-syntax", cmd, run(cmd, cwd=d, timeout=90), n_lp_solve)
    cmd = f"lp_solve -fmps {g}/short.mps -S3; echo EXIT=$?; lp_solve -fmps {g}/transport.mps -S3 | head -n 60"
    add("lp-solve-infeasible", cmd.replace(str(g) + "/", "../glpk/"), run(cmd, cwd=d, timeout=90), n_lp_solve)
    cmd = f"lp_solve -max -fmps {g}/diet.mps -S4; echo EXIT=$?; lp_solve -min -fmps {g}/diet.mps -S3"
    add("lp-solve-unbounded", cmd.replace(str(g) + "/", "../glpk/"), run(cmd, cwd=d, timeout=90), n_lp_solve)


STEPS = [step_glpsol, step_cbc, step_lp_solve]
