"""Round 246's models and runs: the `berth` allocator as ASP (clingo), LP (lp_solve -S4, HiGHS, Pyomo + GLPK),
Promela (spin -c, spin -f, spin -a on a model that does not parse), C (frama-c -rte -print, frama-c on C that does
not parse) and WhyML (why3 prove on files that do not type), with faults put in on purpose and sizes widened by
seeded generators. The extractors apply NEEDLES.md's "Round 246" rules. Run through capture_wide246.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import groups, mask, write_tree
from capture_wide246 import VENV, cap

EXIT = re.compile(r"^EXIT=\d+$")
PY = f"{VENV}/bin/python"


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


# ---------------------------------------------------------------------------------------------- extractors

@cm.kind("clingo", "test")
def n_clingo(lines):
    """Rules 1+3+5 on clingo's answer sets: the verdict line, the Models/Optimum/Optimization summary lines, the last Answer: line and the model under it, the last Optimization: line, info:/warning: lines one {"any"} per shape, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^(SATISFIABLE|UNSATISFIABLE|OPTIMUM FOUND|UNKNOWN)\s*$", ln)]
    out += [ln for ln in lines if re.match(r"^(Models|  Optimum|Optimization) +:", ln)]
    ans = [i for i, ln in enumerate(lines) if ln.startswith("Answer: ")]
    if ans:
        out.append(lines[ans[-1]])
        if ans[-1] + 1 < len(lines) and lines[ans[-1] + 1].strip():
            out.append(lines[ans[-1] + 1])
    opt = [ln for ln in lines if ln.startswith("Optimization: ")]
    out += opt[-1:]
    out += groups((mask(ln), ln) for ln in lines if re.search(r"\b(info|warning): ", ln))
    return out + _exit(lines)


CLINGO_STATS = ("Models", "Time", "CPU Time", "Choices", "Conflicts", "Rules", "Atoms", "Constraints", "Variables")


@cm.kind("clingo-stats", "table")
def n_clingo_stats(lines):
    """Rules 3+5 on clingo --stats: the verdict line, the Models, Time, CPU Time, Choices, Conflicts, Rules, Atoms, Constraints and Variables lines, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^(SATISFIABLE|UNSATISFIABLE|OPTIMUM FOUND|UNKNOWN)\s*$", ln)]
    out += [ln for ln in lines if re.match(r"^(%s) +:" % "|".join(CLINGO_STATS), ln)]
    return out + _exit(lines)


@cm.kind("clingo-error", "build")
def n_clingo_error(lines):
    """Rules 1+3 on clingo/gringo errors: every error: line with its file:L:C location, the *** ERROR: line, the exception line of a traceback, info: lines one {"any"} per shape, the UNKNOWN verdict, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"\berror: ", ln) or ln.startswith("*** ERROR")
           or re.match(r"^\w*(Error|Exception): ", ln)]
    out += [ln for ln in lines if re.match(r"^UNKNOWN\s*$", ln)]
    out += groups((mask(ln), ln) for ln in lines if re.search(r"\binfo: ", ln))
    return out + _exit(lines)


@cm.kind("gringo-text", "code")
def n_gringo_text(lines):
    """Rule 5 on a grounded program (clingo --text): every #show/#minimize/#maximize line, every integrity constraint line (:-), the first and last fact line, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^#(show|minimize|maximize)\b", ln) or ln.startswith(":-")]
    facts = [ln for ln in lines if re.match(r"^[a-z]\w*(\(.*\))?\.$", ln)]
    return out + facts[:1] + facts[-1:] + _exit(lines)


@cm.kind("highs-log", "log")
def n_highs_log(lines):
    """Rules 1+3+5 on HiGHS's log: the Running HiGHS line, Model status, Objective value / Primal bound / Dual bound / Gap lines, the presolve reductions line, infeasible/unbounded lines, the name = value lines the script prints, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^Running HiGHS", ln)
           or re.match(r"^\s*(Model status|Objective value|Primal bound|Dual bound|Gap)\b", ln)
           or re.search(r"(?i)presolve.*reductions|infeasible\b|unbounded", ln)
           or re.match(r"^[A-Za-z_][\w\[\],]* = \S", ln)]
    return out + _exit(lines)


@cm.kind("pyomo-pprint", "doc")
def n_pyomo_pprint(lines):
    """Rule 5 on Pyomo's model.pprint(): every component header (N Set/Var/Constraint/Objective/Param Declarations, N Declarations:), each variable, constraint and objective name line, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^\d+ (\w+ )?Declarations?:?", ln)]
    out += [ln for ln in lines if re.match(r"^    \w+ : (Size=|Index=|Dim=)", ln)]
    return out + _exit(lines)


@cm.kind("pyomo-results", "log")
def n_pyomo_results(lines):
    """Rules 1+3+5 on Pyomo's results with GLPK: the Status: and Termination condition: lines, Lower bound / Upper bound lines, every WARNING/ERROR line (rule 1: glpsol's warning: lines one {"any"} per shape, its NO … FEASIBLE SOLUTION line), the name = value lines the script prints, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^\s*(Status|Termination condition|Lower bound|Upper bound): ", ln)
           or re.match(r"^(WARNING|ERROR)\b", ln) or re.match(r"^\w*(Error|Exception): ", ln)
           or re.search(r"NO (PRIMAL |DUAL |INTEGER )?FEASIBLE SOLUTION|SOLUTION FOUND|UNBOUNDED", ln)
           or re.match(r"^[A-Za-z_][\w\[\],]* = \S", ln)]
    out += groups((mask(ln), ln) for ln in lines if re.search(r"\bwarning: ", ln))
    return out + _exit(lines)


@cm.kind("spin-ltl-never", "code")
def n_spin_never(lines):
    """Rule 5 on spin -f: every never { line with its formula, every state label line (T0_init:, accept_…:), every tl_spin:/spin: error line, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("never") or re.match(r"^\w+:\s*$", ln)
           or ln.startswith(("tl_spin:", "spin:"))]
    return out + _exit(lines)


@cm.kind("spin-msc", "log")
def n_spin_msc(lines):
    """Rules 1+3+5 on spin -c: every spin: assertion violated / error line, the timeout line, the #processes: / N processes created lines, the first and last column line of the chart, every printf output line, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("spin:") and re.search(r"(?i)assert|error|violat", ln)]
    out += [ln for ln in lines if ln.strip() == "timeout"][:1]
    out += [ln for ln in lines if re.search(r"#processes:|\d+ process(es)? created", ln)]
    col = [ln for ln in lines if re.match(r"^\s*\d+\s+(\.\s+)*[\w\[\]]+[!?]", ln)]
    out += col[:1] + col[-1:]
    out += [ln for ln in lines if re.match(r"^ {6,}\S", ln) and not re.search(r"[!?]", ln)
            and ln.strip() not in ("timeout",) and not ln.strip().startswith(("proc ", "q\\p"))]
    return out + _exit(lines)


@cm.kind("spin-error", "build")
def n_spin_error(lines):
    """Rule 1 on spin -a with a model that does not parse: every spin: file:N, Error: line, an EXIT=N line."""
    return [ln for ln in lines if re.match(r"^spin: .*Error", ln) or ln.startswith("spin: ")] + _exit(lines)


@cm.kind("frama-c-print", "code")
def n_frama_print(lines):
    """Rule 5 on frama-c -rte -print: every assert rte: line (or its rte: line when the assert is cut), every function definition's first line, [kernel] warnings one {"any"} per shape, an EXIT=N line."""
    out = [ln for ln in lines if re.search(r"assert rte:", ln) or re.match(r"^\s+rte: \w+", ln)]
    out += [ln for ln in lines if re.match(r"^[a-z_][\w ]*[\s*](\w+)\(.*\)\s*$", ln) and not ln.endswith(";")]
    out += groups((mask(ln), ln) for ln in lines if re.match(r"^\[kernel[^\]]*\] .*[Ww]arning", ln))
    return out + _exit(lines)


@cm.kind("frama-c-kernel-error", "build")
def n_frama_kernel_error(lines):
    """Rule 1 on frama-c with C that does not parse or type: every [kernel] file:line: / User Error: line and the message or Location line under it, the Frama-C aborted line, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^\[kernel[^\]]*\] (\S+:\d+:|User Error)", ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].startswith(" ") and lines[i + 1].strip():
                out.append(lines[i + 1])
            loc = cm.next_match(lines, i, r"^\s+Location: ")
            if loc:
                out.append(loc)
        elif "Frama-C aborted" in ln:
            out.append(ln)
    return out + _exit(lines)


def _table_rows(lines, start_pat):
    """Rows of the lp_solve section opened by the line matching `start_pat`: (name, numbers...) up to a blank."""
    rows, on = [], False
    for ln in lines:
        if re.match(start_pat, ln):
            on = True
            continue
        if on:
            if not ln.strip():
                if rows:
                    break
                continue
            m = re.match(r"^(\S+)\s+(-?[\d.e+]+)", ln)
            if not m:
                if re.match(r"^\s+(Dual value|From)", ln):
                    continue
                break
            rows.append((ln, float(m.group(2))))
    return rows


@cm.kind("lp-solve-sensitivity", "table")
def n_lp_sensitivity(lines):
    """Rules 3+4+5 on lp_solve -S4: the Value of objective function: line, the Dual value header and every dual row not 0, the extremes of the variables table, infeasible/unbounded lines, an EXIT=N line."""
    out = [ln for ln in lines if ln.startswith("Value of objective function:") or re.search(r"(?i)infeasible|unbounded", ln)]
    for i, ln in enumerate(lines):
        if re.match(r"^Dual value", ln):
            out.append(ln)
            out += [r for r, v in _table_rows(lines[i:], r"^Dual value") if v != 0]
            break
    var = _table_rows(lines, r"^Actual values of the variables")
    if var:
        out += [min(var, key=lambda r: r[1])[0], max(var, key=lambda r: r[1])[0]]
    return out + _exit(lines)


@cm.kind("why3-error", "build")
def n_why3_error(lines):
    """Rule 1 on why3 prove with WhyML that does not type or parse: every File "…", line N, characters A-B: line and the message line under it, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r'^File ".*", line \d+', ln):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
    return out + _exit(lines)


@cm.kind("minizinc", "test")
def n_minizinc(lines):
    """Rules 1+3+5 on minizinc's solutions: every =====UNSATISFIABLE===== / =====UNKNOWN===== / ========== line, the last solution's lines (between the last two ---------- separators), % comment and Warning: lines one {"any"} per shape, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^=====\w+=====$|^==========$", ln)]
    seps = [i for i, ln in enumerate(lines) if ln == "----------"]
    if seps:
        lo = seps[-2] + 1 if len(seps) > 1 else 0
        out += [ln for ln in lines[lo:seps[-1]] if ln.strip() and not ln.startswith(("%", "Warning"))]
    out += groups((mask(ln), ln) for ln in lines if ln.startswith(("% ", "Warning:")))
    return out + _exit(lines)


@cm.kind("minizinc-error", "build")
def n_minizinc_error(lines):
    """Rule 1 on minizinc with a model that does not type-check or parse: every Error: / type error / syntax error line and every file.mzn:L.C location line within six lines of it, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"(?i)\berror\b", ln):
            out.append(ln)
            out += [x for x in lines[max(0, i - 6):i + 7] if re.search(r"\.mzn:\d+(\.\d+)?", x) and x != ln]
    return out + _exit(lines)


# ---------------------------------------------------------------------------------------------- ASP (clingo)

BERTH_LP = """% berth allocation: every ship gets one berth and one start slot inside its tide window
{ at(S,B,T) : berth(B,_), slot(T), T >= A, T <= D } = 1 :- ship(S,_,A,D).
busy(B,T+K) :- at(S,B,T), ship(S,L,_,_), K = 0..L-1.
:- busy(B,T), 2 { at(S,B,T2) : ship(S,L,_,_), T2 <= T, T < T2+L }.
% a ship longer than the berth cannot moor there
:- at(S,B,_), ship(S,L,_,_), berth(B,C), L > C.
% crane gangs: at most `gangs` ships worked in one slot
:- slot(T), #count { S : at(S,_,T) } > gangs.
late(S,T-A) :- at(S,_,T), ship(S,_,A,_), T > A.
#minimize { W,S : late(S,W) }.
#show at/3.
#show late/2.
"""


def asp_instance(seed: int, ships: int, berths: int, slots: int, gangs: int, tight: bool = False) -> str:
    rnd = random.Random(seed)
    out = [f"#const gangs = {gangs}.", f"slot(1..{slots})."]
    for b in range(1, berths + 1):
        out.append(f"berth(b{b},{rnd.randint(2, 4)}).")
    for s in range(1, ships + 1):
        a = rnd.randint(1, max(1, slots - 4))
        d = a + (0 if tight and s % 5 == 0 else rnd.randint(2, 5))
        out.append(f"ship(s{s},{rnd.randint(1, 3)},{a},{min(d, slots)}).")
    if tight:  # the fault: one ship longer than every berth, with no room to wait
        out.append(f"ship(s{ships + 1},5,1,1).")
    return "\n".join(out) + "\n"


CRANE_LP = """% crane knapsack: pick lifts within the crane's capacity, maximise value
{ pick(I) } :- item(I,_,_).
:- #sum { W,I : pick(I), item(I,W,_) } > cap.
#maximize { V,I : pick(I), item(I,_,V) }.
#show pick/1.
"""

ASP_BAD = {
    "unsafe.lp": """% fault: Y and W are unsafe (they occur in no positive body literal)
assign(S,B) :- ship(S,_,_,_), berth(B,C), C >= L.
window(S,Y) :- ship(S,_,A,_), Y > A.
ship(s1,2,1,4). ship(s2,3,2,5). berth(b1,3).
late(S,W) :- assign(S,B), not early(S).
#show assign/2.
""",
    "syntax.lp": """% fault: a missing period and an unclosed aggregate
ship(s1,2,1,4)
ship(s2,3,2,5).
berth(b1,3).
ok(S) :- ship(S,L,_,_), #count { B : berth(B,C), C >= L } >= 1.
bad(S) :- ship(S,_,_,_), #count { B : berth(B,_) .
""",
    "undefined.lp": """% fault: atoms that occur in no rule head (a typo: berths/2, tides/1)
ship(s1,2,1,4). ship(s2,3,2,5). berth(b1,3). berth(b2,2).
fits(S,B) :- ship(S,L,_,_), berths(B,C), L <= C.
open(T) :- tides(T).
moored(S) :- fits(S,_), open(_).
:- ship(S,_,_,_), not moored(S).
#show fits/2.
""",
}


def unsafe_many(seed: int, n: int) -> str:
    """Tide-window rules written in a hurry: about a third leave a head or comparison variable unbound."""
    rnd = random.Random(seed)
    out = ["% tide windows, generated from the harbour's table"]
    for i in range(n):
        k = rnd.randint(0, 2)
        if k == 0:
            out.append(f"window{i}(S,T) :- ship(S,_,A,D), slot(T), T >= A + {i % 3}, T <= D.")
        elif k == 1:
            out.append(f"window{i}(S,W) :- ship(S,L,A,_), W > A + L.")
        else:
            out.append(f"crane{i}(S,G) :- ship(S,L,_,_), berth(B,C), C >= L, not busy{i}(B).")
    return "\n".join(out) + "\n"


def asp(tmp: Path) -> None:
    d = tmp / "berth" / "asp"
    files = {"berth.lp": BERTH_LP, "crane.lp": CRANE_LP, **ASP_BAD,
             "small.lp": asp_instance(2461, 7, 2, 10, 2), "fleet.lp": asp_instance(2482, 40, 6, 30, 4), "week.lp": asp_instance(2462, 22, 4, 24, 3),
             "storm.lp": asp_instance(2463, 12, 3, 12, 2, tight=True)}
    rnd = random.Random(2464)
    files["lifts.lp"] = "#const cap = 60.\n" + "\n".join(
        f"item(l{i},{rnd.randint(3, 25)},{rnd.randint(5, 60)})." for i in range(1, 23)) + "\n"
    files["unsafe_many.lp"] = unsafe_many(2483, 30)
    write_tree(d, files)
    cap("clingo-berth-three-tail-echo", "for f in small storm week; do clingo berth.lp $f.lp --time-limit=5 | tail -n 12; "
        "done; echo EXIT=$?", d, n_clingo, timeout=120)
    cap("clingo-crane-tail", "clingo crane.lp lifts.lp 0 | tail -n 80", d, n_clingo, timeout=120)
    cap("clingo-berth-week-time", "clingo berth.lp week.lp --time-limit=8 -t 1", d, n_clingo, timeout=120)
    cap("clingo-crane-enum-opt", "clingo crane.lp lifts.lp --opt-mode=optN 0", d, n_clingo, timeout=120)
    cap("clingo-berth-small-ignore-300", "clingo berth.lp small.lp --opt-mode=ignore 300", d, n_clingo, timeout=120)
    cap("clingo-berth-fleet-head", "clingo berth.lp fleet.lp 0 -t 1 --time-limit=6 | head -n 100", d, n_clingo, timeout=120)
    cap("clingo-stats-berth-small", "clingo berth.lp small.lp --stats", d, n_clingo_stats, timeout=120)
    cap("clingo-stats-crane-tail", "clingo crane.lp lifts.lp --stats=2 | tail -n 60", d, n_clingo_stats, timeout=120)
    cap("clingo-stats-week-full", "clingo berth.lp week.lp --stats=2 -t 2 --time-limit=5", d, n_clingo_stats, timeout=120)
    cap("clingo-error-unsafe", "clingo unsafe.lp; echo EXIT=$?", d, n_clingo_error, timeout=60)
    cap("clingo-error-syntax-undefined", 'for f in syntax undefined; do clingo "$f.lp"; done', d, n_clingo_error, timeout=60)
    cap("clingo-error-unsafe-many", "clingo unsafe_many.lp small.lp", d, n_clingo_error, timeout=60)
    cap("gringo-text-berth-small", "clingo --text berth.lp small.lp", d, n_gringo_text, timeout=60)
    cap("gringo-text-crane-head", "clingo --text crane.lp lifts.lp | head -n 100", d, n_gringo_text, timeout=60)


# ---------------------------------------------------------------------------------------------- LP (lp_solve, HiGHS, Pyomo)

def lp_model(seed: int, nvar: int, ncon: int, infeasible: bool = False, ints: bool = False) -> str:
    """A crane-hours LP in lp_solve's format: maximise throughput under gang, crane and tide limits."""
    rnd = random.Random(seed)
    obj = " + ".join(f"{rnd.randint(2, 19)} x{v}" for v in range(1, nvar + 1))
    out = [f"/* berth crane-hours, seed {seed} */", f"max: {obj};", ""]
    for c in range(1, ncon + 1):
        vs = rnd.sample(range(1, nvar + 1), k=min(nvar, rnd.randint(3, 7)))
        out.append(f"gang{c}: " + " + ".join(f"{rnd.randint(1, 9)} x{v}" for v in vs) + f" <= {rnd.randint(40, 200)};")
    for v in range(1, nvar + 1):
        out.append(f"x{v} <= {rnd.randint(5, 30)};")
    if infeasible:  # the fault: a minimum shift the crane limit cannot cover
        out.append("shift: x1 + x2 >= 500;")
    if ints:
        out.append("int " + ",".join(f"x{v}" for v in range(1, nvar + 1, 2)) + ";")
    return "\n".join(out) + "\n"


def cplex_lp(seed: int, nvar: int, ncon: int, infeasible: bool = False, mip: bool = False, unbounded: bool = False) -> str:
    """The same kind of model in CPLEX LP format, for HiGHS."""
    rnd = random.Random(seed)
    out = ["\\ berth crane-hours", "Maximize", " obj: " + " + ".join(f"{rnd.randint(2, 19)} x{v}" for v in range(1, nvar + 1)),
           "Subject To"]
    for c in range(1, ncon + 1):
        vs = rnd.sample(range(1, nvar + 1), k=min(nvar, rnd.randint(3, 7)))
        out.append(f" gang{c}: " + " + ".join(f"{rnd.randint(1, 9)} x{v}" for v in vs) + f" <= {rnd.randint(40, 200)}")
    if infeasible:
        out.append(" shift: x1 + x2 >= 500")
    out.append("Bounds")
    for v in range(1, nvar + 1):
        out.append(f" 0 <= x{v} <= {rnd.randint(5, 30)}" if not (unbounded and v == 3) else f" x{v} >= 0")
    if unbounded:
        out.append(" x3 free")
    if mip:
        out += ["General"] + [f" x{v}" for v in range(1, nvar + 1, 2)]
    out.append("End")
    return "\n".join(out) + "\n"


HIGHS_PY = """import sys
import highspy

h = highspy.Highs()
h.setOptionValue("threads", 1)
h.readModel(sys.argv[1])
h.run()
print("status =", h.modelStatusToString(h.getModelStatus()))
info = h.getInfo()
print("objective =", info.objective_function_value)
sol = h.getSolution()
lp = h.getLp()
for i, v in enumerate(sol.col_value):
    if abs(v) > 1e-9:
        print(f"{lp.col_names_[i]} = {v:g}")
"""

PYOMO_PY = """import random
import sys

import pyomo.environ as pyo

seed, ships, bad = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "bad"
rnd = random.Random(seed)
m = pyo.ConcreteModel(name="berth_cranes")
m.S = pyo.Set(initialize=[f"s{i}" for i in range(1, ships + 1)])
m.B = pyo.Set(initialize=["north", "south", "east"])
m.hours = pyo.Param(m.S, initialize={s: rnd.randint(4, 20) for s in m.S})
m.cap = pyo.Param(m.B, initialize={"north": 12 * ships, "south": 10 * ships, "east": 6 * ships if not bad else 2})
m.x = pyo.Var(m.S, m.B, within=pyo.Binary)
m.late = pyo.Var(m.S, bounds=(0, 12), within=pyo.NonNegativeReals)
m.one = pyo.Constraint(m.S, rule=lambda m, s: sum(m.x[s, b] for b in m.B) == 1)
m.capacity = pyo.Constraint(m.B, rule=lambda m, b: sum(m.hours[s] * m.x[s, b] for s in m.S) <= m.cap[b] - (0 if not bad else 9 * ships))
m.wait = pyo.Constraint(m.S, rule=lambda m, s: m.late[s] >= m.hours[s] / 4 - 2 * m.x[s, "north"])
m.cost = pyo.Objective(expr=sum(m.late[s] for s in m.S) + sum(3 * m.x[s, "east"] for s in m.S), sense=pyo.minimize)
if "--pprint" in sys.argv:
    m.pprint()
    sys.exit(0)
res = pyo.SolverFactory("glpk").solve(m, tee="--tee" in sys.argv)
res.write()
if res.solver.termination_condition == pyo.TerminationCondition.optimal:
    for s in m.S:
        for b in m.B:
            if pyo.value(m.x[s, b]) > 0.5:
                print(f"x[{s},{b}] = 1")
    print(f"cost = {pyo.value(m.cost):g}")
"""


def lp(tmp: Path) -> None:
    d = tmp / "berth" / "lp"
    write_tree(d, {
        "crane.lp": lp_model(2465, 6, 4), "week.lp": lp_model(2466, 60, 45), "storm.lp": lp_model(2467, 12, 8, infeasible=True),
        "gangs.lp": lp_model(2468, 30, 20, ints=True),
        "week-cplex.lp": cplex_lp(2469, 80, 60), "gangs-cplex.lp": cplex_lp(2470, 40, 30, mip=True),
        "open-cplex.lp": cplex_lp(2472, 10, 6, unbounded=True),
        "fleet-cplex.lp": cplex_lp(2485, 160, 120, mip=True), "fleet.lp": lp_model(2486, 140, 110),
        "solve_highs.py": HIGHS_PY, "cranes.py": PYOMO_PY,
    })
    cap("lp-solve-S4-crane", "lp_solve -S4 crane.lp", d, n_lp_sensitivity)
    cap("lp-solve-S4-week", "lp_solve -S4 week.lp", d, n_lp_sensitivity)
    cap("lp-solve-S4-storm-crane-echo", 'for f in storm crane; do echo "== $f"; lp_solve -S4 $f.lp; done; echo EXIT=$?', d,
        n_lp_sensitivity)
    cap("lp-solve-S4-gangs-head", "lp_solve -S4 gangs.lp | head -n 100", d, n_lp_sensitivity)
    cap("highs-log-week", f"{PY} solve_highs.py week-cplex.lp", d, n_highs_log, typed="python solve_highs.py week-cplex.lp")
    cap("highs-log-gangs-mip", f"{PY} solve_highs.py gangs-cplex.lp", d, n_highs_log,
        typed="python solve_highs.py gangs-cplex.lp")
    cap("highs-log-fleet-mip-echo", f"{PY} solve_highs.py fleet-cplex.lp; echo EXIT=$?", d, n_highs_log, timeout=120,
        typed="python solve_highs.py fleet-cplex.lp; echo EXIT=$?")
    cap("lp-solve-S4-fleet", "lp_solve -S4 fleet.lp", d, n_lp_sensitivity, timeout=120)
    cap("highs-log-open", f"{PY} solve_highs.py open-cplex.lp", d, n_highs_log, typed="python solve_highs.py open-cplex.lp")
    cap("pyomo-pprint-cranes", f"{PY} cranes.py 2473 8 ok --pprint", d, n_pyomo_pprint,
        typed="python cranes.py 2473 8 ok --pprint")
    cap("pyomo-pprint-cranes-head", f"{PY} cranes.py 2474 30 ok --pprint | head -n 100", d, n_pyomo_pprint,
        typed="python cranes.py 2474 30 ok --pprint | head -n 100")
    cap("pyomo-results-cranes", f"{PY} cranes.py 2475 10 ok", d, n_pyomo_results, typed="python cranes.py 2475 10 ok")
    cap("pyomo-results-cranes-bad-echo", f"{PY} cranes.py 2476 10 bad; echo EXIT=$?", d, n_pyomo_results,
        typed="python cranes.py 2476 10 bad; echo EXIT=$?")
    cap("pyomo-results-cranes-tee-tail", f"{PY} cranes.py 2477 16 ok --tee | tail -n 80", d, n_pyomo_results,
        typed="python cranes.py 2477 16 ok --tee | tail -n 80")
    cap("pyomo-results-fleet-tee", f"{PY} cranes.py 2484 60 ok --tee", d, n_pyomo_results,
        typed="python cranes.py 2484 60 ok --tee")


# ---------------------------------------------------------------------------------------------- SPIN, Frama-C, Why3

def promela_berths(seed: int, ships: int, bug: bool) -> str:
    """Ships ask a harbour master for a berth over a channel; the master grants berths. The bug: the master checks
    `free > 0` and then decrements in two steps, so two grants can pass one check."""
    rnd = random.Random(seed)
    out = ["mtype = { ask, grant, leave };", f"#define SHIPS {ships}", "#define BERTHS 2",
           "chan toMaster = [4] of { mtype, byte };", "chan toShip[SHIPS] = [1] of { mtype };",
           "byte moored = 0;", "byte free = BERTHS;", "",
           "proctype Ship(byte id) {", "  byte visits = 0;", "  do",
           "  :: visits < %d ->" % rnd.randint(2, 3),
           "     toMaster!ask,id;", "     toShip[id]?grant;", "     moored++;",
           "     assert(moored <= BERTHS);", '     printf("ship %d moored (%d at quay)\\n", id, moored);',
           "     moored--;", "     toMaster!leave,id;", "     visits++",
           "  :: visits >= 2 -> break", "  od", "}", "",
           "active proctype Master() {", "  mtype m; byte s;", "  do",
           "  :: toMaster?m,s ->", "     if"]
    if bug:
        out += ["     :: m == ask && free > 0 -> toShip[s]!grant; free--",
                "     :: m == ask && free == 0 -> toShip[s]!grant  /* fault: grants with no berth free */"]
    else:
        out += ["     :: m == ask && free > 0 -> toShip[s]!grant; free--",
                "     :: m == ask && free == 0 -> toMaster!ask,s"]
    out += ["     :: m == leave -> free++", "     fi", "  :: timeout -> break", "  od;",
            '  printf("master: %d berths free\\n", free)', "}", "",
            "init {", "  byte i = 0;", "  atomic {", "    do", "    :: i < SHIPS -> run Ship(i); i++",
            "    :: else -> break", "    od", "  }", "}"]
    return "\n".join(out) + "\n"


PML_BAD = """mtype = { ask, grant };
chan q = [2] of { mtype, byte };
byte free = 2

proctype Ship(byte id) {
  q!ask,id;
  q?grant,id
  moored++;
  assert(moored <= 2)
}

active proctype Master() {
  mtype m; byte s;
  do
  :: q?m,s -> if :: m == ask -> q!grant,s; free-- fi
  :: timeout -> break
  od
  printf("free %d\\n", free);
}

init { run Ship(0); run Shp(1) }
"""

PML_MORE_BAD = {
    "bad_chan.pml": "chan q = [2] of { byte };\nactive proctype A() { q!1,2; q?x }\n",
    "bad_mtype.pml": "mtype = { ask };\nactive proctype A() { mtype m = grant; printf(\"%e\\n\", m) }\n",
    "bad_syntax.pml": "active proctype A() {\n  byte i;\n  do\n  :: i < 3 -> i++\n  :: else break\n  od\n}\n",
    "bad_proc.pml": "init { run Missing(1) }\nproctype Ship(byte id) { skip }\n",
    "bad_macro.pml": "#define BERTHS\nbyte free = BERTHS;\nactive proctype A() { free = free - ; }\n",
}

LTL_FORMULAS = [
    "[] (ask -> <> grant)",
    "[] <> moored",
    "<> [] (free == 2)",
    "[] (ask -> (! grant U leave))",
    "[] ((ask && ! full) -> <> (grant && X moored))",
    "(<> [] p) -> ([] <> q)",
    "[] (p -> <> (q && <> (r && <> s)))",
    "[] <> p && [] <> q && [] <> r",
    "! ([] (ask -> <> grant))",
    "[] (ask -> <> grant",
]

BERTH_C = r"""#include <stddef.h>

#define BERTHS 8

typedef struct { int length; int draught; int crane; } ship_t;

int quay[BERTHS];
int tide_cm[24];

/* fault: `<=` reads one past the end of quay */
int free_berths(void) {
    int n = 0;
    for (int i = 0; i <= BERTHS; i++)
        if (quay[i] == 0) n++;
    return n;
}

/* fault: hours - 6 is 0 at noon: a division by zero */
int tide_rate(int hour) {
    return (tide_cm[hour % 24] - tide_cm[(hour + 1) % 24]) / (hour - 6);
}

int fits(const ship_t *s, int berth) {
    return s->length * 10 <= quay[berth] * 12 && s->draught <= tide_cm[berth * 3];
}

int crane_hours(const ship_t *ships, size_t n) {
    int total = 0;
    for (size_t i = 0; i < n; i++)
        total += ships[i].crane * ships[i].length * 3600;
    return total;
}

int moor(ship_t *s, int berth) {
    if (!fits(s, berth)) return -1;
    quay[berth] = s->length;
    return berth;
}
"""


def c_widen(seed: int, n: int) -> str:
    """More berth helpers, each with arithmetic and indexing RTE must guard."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        a, b = rnd.randint(2, 9), rnd.randint(1, 7)
        out.append(f"int quay_load_{i}(int *loads, int k, int m) {{\n"
                   f"    int acc = {a};\n"
                   f"    for (int j = 0; j < k; j++)\n"
                   f"        acc += loads[j] * {b} / (m - {i % 5});\n"
                   f"    return acc << {rnd.randint(1, 4)};\n}}\n")
    return BERTH_C + "\n" + "\n".join(out)


C_BAD = {
    "dock.c": """#define BERTHS 8
struct dock { int id; int depth[BERTHS]; };
int deepest(struct dock d) {
    int best = d.depth[0];
    for (int i = 1; i < BERTHS; i++)
        if (d.depth[i] > best) best = d.depth[i];
    return best
}
int total(struct dock *d, int n) { int t = 0; for (int i = 0; i < n; i++) t += deepest(d[i]); return t; }
""",
    "tide.c": """#include <stdio.h>
int tide_cm[24];
int level(int h) {
    int x = tide_cm[h] +;
    return x;
}
""",
    "quay.c": """typedef struct { int length; } ship_t;
int quay[8];
int moor(ship_t *s, int b) {
    quay[b] = s->lenght;
    return undeclared_helper(b);
}
""",
}

WHY_BAD = {
    "berth_count.mlw": """module BerthCount
  use int.Int
  let free (quay: int) (moored: int) : bool = quay - moored + true
end
""",
    "tide.mlw": """module Tide
  use int.Int
  use array.Array
  let rate (a: array int) (h: int) : int
    requires { 0 <= h < length a }
  = a[h] - a[h + 1] / (h - 6
end
""",
    "crane.mlw": """module Crane
  use int.Int
  let hours (n: int) : int
    ensures { result >= 0 }
  = let x = n * lifts in x
end
""",
    "moor.mlw": """module Moor
  use int.Int
  use list.List
  let rec count (l: list int) : int
    variant { l }
  = match l with Nil -> 0 | Cons _ t -> 1 + count t | Cons x -> x end
end
""",
    "queue.mlw": """module Queue
  use int.Int
  type ship = { length: int; draught: int }
  let first (s: ship) : int = s.lenght
end
""",
}


def verify(tmp: Path) -> None:
    d = tmp / "berth" / "verify"
    files = {"harbour.pml": promela_berths(2478, 3, bug=True), "harbour_ok.pml": promela_berths(2479, 4, bug=False),
             "fleet.pml": promela_berths(2480, 6, bug=True), "armada.pml": promela_berths(2487, 9, bug=True),
             "bad.pml": PML_BAD, **PML_MORE_BAD,
             "berth.c": BERTH_C, "berths_all.c": c_widen(2481, 40), **C_BAD, **WHY_BAD}
    files["ltl.txt"] = "\n".join(LTL_FORMULAS) + "\n"
    write_tree(d, files)
    cap("spin-msc-harbour-ok-tail", "spin -c -n7 harbour_ok.pml | tail -n 80", d, n_spin_msc, timeout=60)
    cap("spin-msc-armada", "spin -c -n2487 armada.pml", d, n_spin_msc, timeout=60)
    cap("spin-msc-fleet-echo", "spin -c -n11 -u2000 fleet.pml; echo EXIT=$?", d, n_spin_msc, timeout=60)
    cap("spin-ltl-never-loop", 'while read -r f; do echo "# $f"; spin -f "$f"; done < ltl.txt', d, n_spin_never,
        timeout=60)
    cap("spin-error-bad-loop-echo", 'for f in bad*.pml; do echo "== $f"; spin -a "$f"; done; echo EXIT=$?', d,
        n_spin_error, timeout=60)
    cap("frama-c-print-rte-berth", "frama-c -rte -print berth.c", d, n_frama_print, timeout=120)
    cap("frama-c-print-rte-all-head", "frama-c -rte -print berths_all.c | head -n 100", d, n_frama_print, timeout=120)
    cap("frama-c-print-rte-all", "frama-c -rte -warn-signed-overflow -print berths_all.c", d, n_frama_print, timeout=120)
    cap("frama-c-kernel-error-loop", 'for f in tide.c quay.c dock.c; do frama-c -rte -print "$f"; done', d,
        n_frama_kernel_error, timeout=120)
    cap("why3-error-loop", 'for f in *.mlw; do why3 prove "$f"; done; echo EXIT=$?', d, n_why3_error, timeout=120)



BERTH_MZN = """% berth schedule: ships get a berth and a start hour inside their tide window; no two overlap on one berth
int: nships; int: nberths; int: horizon;
array[1..nships] of int: len;      % hours at the quay
array[1..nships] of int: arrive;
array[1..nships] of int: leave_by;
array[1..nberths] of int: depth;
array[1..nships] of int: draught;
array[1..nships] of var 1..nberths: berth;
array[1..nships] of var 0..horizon: start;
constraint forall(s in 1..nships)(start[s] >= arrive[s] /\\ start[s] + len[s] <= leave_by[s]);
constraint forall(s in 1..nships)(depth[berth[s]] >= draught[s]);
constraint forall(s, t in 1..nships where s < t)(
  berth[s] != berth[t] \\/ start[s] + len[s] <= start[t] \\/ start[t] + len[t] <= start[s]);
var int: lateness = sum(s in 1..nships)(start[s] - arrive[s]);
solve minimize lateness;
output ["berth = \\(berth)\\nstart = \\(start)\\nlateness = \\(lateness)\\n"];
"""

KNAP_MZN = """% crane lifts knapsack
int: n; int: capacity;
array[1..n] of int: weight; array[1..n] of int: value;
array[1..n] of var bool: pick;
constraint sum(i in 1..n)(weight[i] * pick[i]) <= capacity;
solve satisfy;
output ["pick = \\([i | i in 1..n where fix(pick[i])]) value = \\(sum(i in 1..n)(value[i] * fix(pick[i])))\\n"];
"""

MZN_BAD = {
    "typo.mzn": """int: n = 4;
array[1..n] of var 0..10: load;
constraint sum(load) <= capacity;
constraint load[1] = "heavy";
solve maximize sum(load);
""",
    "syntax.mzn": """int: n = 4;
array[1..n] of var 0..10: load
constraint forall(i in 1..n)(load[i] <= i * 2;
solve maximize sum(load);
""",
    "types.mzn": """int: n = 3;
array[1..n] of var bool: pick;
var int: total = sum(i in 1..n)(pick[i] * 2.5);
constraint total > 3;
solve satisfy;
""",
}


def dzn(seed: int, nships: int, nberths: int, horizon: int, storm: bool = False) -> str:
    rnd = random.Random(seed)
    ln = [rnd.randint(2, 6) for _ in range(nships)]
    ar = [rnd.randint(0, horizon - 10) for _ in range(nships)]
    lv = [min(horizon, a + l + rnd.randint(2, 10)) for a, l in zip(ar, ln)]
    dr = [rnd.randint(8, 14) for _ in range(nships)]
    if storm:  # the fault: a deep-draught ship no berth can take
        dr[-1] = 20
    dp = [rnd.randint(12, 16) for _ in range(nberths)]
    return (f"nships = {nships}; nberths = {nberths}; horizon = {horizon};\nlen = {ln};\narrive = {ar};\n"
            f"leave_by = {lv};\ndraught = {dr};\ndepth = {dp};\n")


def knap_dzn(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    return (f"n = {n}; capacity = {n * 6};\nweight = {[rnd.randint(3, 20) for _ in range(n)]};\n"
            f"value = {[rnd.randint(5, 50) for _ in range(n)]};\n")


def mzn(tmp: Path) -> None:
    d = tmp / "berth" / "mzn"
    write_tree(d, {"berth.mzn": BERTH_MZN, "knap.mzn": KNAP_MZN, **MZN_BAD,
                   "small.dzn": dzn(2490, 6, 2, 40), "week.dzn": dzn(2491, 14, 3, 80), "storm.dzn": dzn(2492, 8, 2, 40, storm=True),
                   "month.dzn": dzn(2494, 30, 4, 160),
                   "lifts.dzn": knap_dzn(2493, 10)})
    g = "minizinc --solver gecode"
    cap("minizinc-berth-week-stats", f"{g} -a -s --time-limit 8000 berth.mzn week.dzn", d, n_minizinc, timeout=60)
    cap("minizinc-berth-storm-echo", f"{g} berth.mzn storm.dzn; echo EXIT=$?", d, n_minizinc, timeout=60)
    cap("minizinc-berth-month-tail", f"{g} -a --time-limit 5000 berth.mzn month.dzn | tail -n 80", d, n_minizinc, timeout=60)
    cap("minizinc-knap-all", f"{g} -a knap.mzn lifts.dzn", d, n_minizinc, timeout=60)
    cap("minizinc-error-loop", 'for f in typo syntax types; do minizinc --solver gecode "$f.mzn"; done; echo EXIT=$?', d,
        n_minizinc_error, timeout=60)
    cap("minizinc-error-berth-nodata", f"{g} berth.mzn; echo EXIT=$?", d, n_minizinc_error, timeout=60)


STEPS = [asp, lp, verify, mzn]
