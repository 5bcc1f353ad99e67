"""Round 185, round 170's kinds on `granary`, a grain cooperative's planning of the round's own: a feed blend, a truck
dispatch to fields, a grain resale, silo assignments, a harvest crew roster and a price-risk portfolio (MathProg, LP
files, PuLP, python-mip, OR-Tools CP-SAT, CVXPY), and Maxima, PARI/GP and GAP sessions of its own, with faults put in.
Needles come from round 170's extractors, imported. Run through capture_wide185.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide170 import VENV
from capture_wide170_cas import n_gap_session, n_gp_script, n_maxima_batch
from capture_wide170_lp import n_cbc_log, n_glpsol_log, n_glpsol_report, n_lp_solve
from capture_wide170_py import n_cpsat_log, n_cvxpy_verbose, n_mip_log, n_pulp_cbc
from capture_wide185 import add

BLEND = """/* granary: feed blend from the cooperative's lots, nutrient floors and ceilings */
set LOT;
set NUTR;
param cost{LOT} > 0;
param avail{LOT} >= 0;
param content{LOT, NUTR} >= 0;
param lo{NUTR} >= 0;
param hi{NUTR} >= 0;
param demand > 0;
var buy{l in LOT} >= 0, <= avail[l];
minimize total: sum{l in LOT} cost[l] * buy[l];
s.t. amount: sum{l in LOT} buy[l] = demand;
s.t. floor{n in NUTR}: sum{l in LOT} content[l, n] * buy[l] >= lo[n] * demand;
s.t. ceil{n in NUTR}: sum{l in LOT} content[l, n] * buy[l] <= hi[n] * demand;
solve;
printf "blend cost %.2f for %d t\\n", total, demand;
for {n in NUTR: sum{l in LOT} content[l, n] * buy[l] <= lo[n] * demand + 1e-6}
    printf "WARN floor of %s is binding\\n", n;
end;
"""

DISPATCH = """/* granary: trucks to fields at harvest, each field served by one truck */
set TRUCK;
set FIELD;
param cap{TRUCK} > 0;
param fixed{TRUCK} >= 0;
param load{FIELD} > 0;
param dist{TRUCK, FIELD} >= 0;
var x{TRUCK, FIELD} binary;
var use{TRUCK} binary;
minimize cost: sum{t in TRUCK} fixed[t] * use[t] + sum{t in TRUCK, f in FIELD} dist[t, f] * load[f] * x[t, f];
s.t. one{f in FIELD}: sum{t in TRUCK} x[t, f] = 1;
s.t. capacity{t in TRUCK}: sum{f in FIELD} load[f] * x[t, f] <= cap[t] * use[t];
solve;
printf "trucks used: %d\\n", sum{t in TRUCK} use[t];
end;
"""

RESALE = """/* granary: resale of grain bought on the spot market */
set GRAIN;
param price{GRAIN} > 0;
param cost{GRAIN} > 0;
param stock{GRAIN} >= 0;
var buy{GRAIN} >= 0;
var sell{GRAIN} >= 0;
maximize margin: sum{g in GRAIN} (price[g] * sell[g] - cost[g] * buy[g]);
s.t. balance{g in GRAIN}: sell[g] <= buy[g] + stock[g];
solve;
end;
"""

NUTRS = ["protein", "fat", "fibre", "ash", "starch", "moisture", "lysine", "calcium"]


def blend_data(seed: int, nl: int, infeasible: bool = False) -> str:
    r = random.Random(seed)
    lots = [f"{r.choice(['wheat', 'barley', 'oats', 'maize', 'rye', 'soy', 'pea', 'bran'])}_{k:03d}" for k in range(nl)]
    out = ["data;", "set LOT := " + " ".join(lots) + ";", "set NUTR := " + " ".join(NUTRS) + ";",
           "param demand := %d;" % r.randint(800, 2400), "param cost :="]
    out += [f"  {lot} {r.randint(140, 420)}" for lot in lots]
    out[-1] += ";"
    out.append("param avail :=")
    out += [f"  {lot} {r.randint(40, 400)}" for lot in lots]
    out[-1] += ";"
    out.append("param content : " + " ".join(NUTRS) + " :=")
    for lot in lots:
        out.append(f"  {lot} " + " ".join(f"{r.uniform(0.01, 0.4):.3f}" for _ in NUTRS))
    out[-1] += ";"
    out.append("param lo := " + " ".join(f"{n} {(0.42 if infeasible and n == 'protein' else r.uniform(0.04, 0.12)):.3f}"
                                         for n in NUTRS) + ";")
    out.append("param hi := " + " ".join(f"{n} {r.uniform(0.3, 0.38):.3f}" for n in NUTRS) + ";")
    return "\n".join(out) + "\nend;\n"


def dispatch_data(seed: int, nt: int, nf: int) -> str:
    r = random.Random(seed)
    trucks = [f"T{k:02d}" for k in range(nt)]
    fields = [f"F{k:03d}" for k in range(nf)]
    out = ["data;", "set TRUCK := " + " ".join(trucks) + ";", "set FIELD := " + " ".join(fields) + ";",
           "param cap := " + " ".join(f"{t} {r.randint(110, 240)}" for t in trucks) + ";",
           "param fixed := " + " ".join(f"{t} {r.randint(300, 1200)}" for t in trucks) + ";",
           "param load := " + " ".join(f"{f} {r.randint(4, 22)}" for f in fields) + ";",
           "param dist : " + " ".join(fields) + " :="]
    for t in trucks:
        out.append(f"  {t} " + " ".join(str(r.randint(1, 30)) for _ in fields))
    out[-1] += ";"
    return "\n".join(out) + "\nend;\n"


def resale_data(seed: int, n: int) -> str:
    r = random.Random(seed)
    gs = [f"g{k:02d}" for k in range(n)]
    return "data;\nset GRAIN := %s;\nparam price := %s;\nparam cost := %s;\nparam stock := %s;\nend;\n" % (
        " ".join(gs), " ".join(f"{g} {r.randint(150, 300)}" for g in gs),
        " ".join(f"{g} {r.randint(160, 320)}" for g in gs), " ".join(f"{g} {r.randint(0, 90)}" for g in gs))


BLEND_SYNTAX = BLEND.replace("var buy{l in LOT} >= 0, <= avail[l];", "var buy{l in LOT} >= 0, <= avail[l]")
BLEND_PARAM = BLEND.replace("cost[l] * buy[l];", "costs[l] * buy[l];")


def step_glpsol(tmp: Path) -> None:
    d = tmp / "granary"
    write_tree(d, {"blend.mod": BLEND, "blend.dat": blend_data(1851, 90), "blend_lean.dat": blend_data(1851, 90, True),
                   "dispatch.mod": DISPATCH, "dispatch.dat": dispatch_data(1852, 16, 140),
                   "resale.mod": RESALE, "resale.dat": resale_data(1853, 12),
                   "blend_syntax.mod": BLEND_SYNTAX, "blend_param.mod": BLEND_PARAM})
    cmd = "glpsol -m dispatch.mod -d dispatch.dat --tmlim 8 -o dispatch.sol 2>&1 | tail -n 80"
    add("glpsol-dispatch-tmlim-tail-80", cmd, run(cmd, cwd=d, timeout=90), n_glpsol_log)
    cmd = ("glpsol -m blend_syntax.mod -d blend.dat; echo EXIT=$?; glpsol -m blend_param.mod -d blend.dat; echo EXIT=$?; "
           "glpsol -m blend.mod -d blend_lean.dat; echo EXIT=$?; glpsol -m resale.mod -d resale.dat; echo EXIT=$?")
    add("glpsol-blend-faults-echo-exit", cmd, run(cmd, cwd=d, timeout=90), n_glpsol_log)
    run("glpsol -m blend.mod -d blend.dat -o blend.sol", cwd=d, timeout=90)
    add("glpsol-blend-report", "cat blend.sol", run("cat blend.sol", cwd=d), n_glpsol_report)
    cmd = "grep -v '^$' dispatch.sol | head -n 400"
    add("glpsol-dispatch-report-head-400", cmd, run(cmd, cwd=d), n_glpsol_report)
    run("glpsol -m dispatch.mod -d dispatch.dat --check --wlp dispatch.lp --wfreemps dispatch.mps", cwd=d)
    run("glpsol -m blend.mod -d blend.dat --check --wlp blend.lp --wfreemps blend.mps", cwd=d)
    run("glpsol -m blend.mod -d blend_lean.dat --check --wlp lean.lp --wfreemps lean.mps", cwd=d)
    run("glpsol -m resale.mod -d resale.dat --check --wlp resale.lp", cwd=d)


def step_cbc(tmp: Path) -> None:
    d = tmp / "granary"
    cmd = "cbc dispatch.lp sec 10 solve solu dispatch.cbc"
    add("cbc-dispatch-sec10", cmd, run(cmd, cwd=d, timeout=90), n_cbc_log)
    cmd = "cbc lean.lp solve; echo EXIT=$?; cbc resale.lp solve; echo EXIT=$?; cbc blend.lp solve | tail -n 12"
    add("cbc-lean-resale-blend-echo-exit", cmd, run(cmd, cwd=d, timeout=90), n_cbc_log)


def silo_lp(seed: int, n: int, m: int, broken: bool = False) -> str:
    r = random.Random(seed)
    out = ["/* granary: silo fill plan, tonnes of each lot into each silo */",
           "min: " + " + ".join(f"{r.randint(2, 19)} s{i}_{j}" for i in range(n) for j in range(m)) + ";", ""]
    for i in range(n):
        out.append(f"lot{i}: " + " + ".join(f"s{i}_{j}" for j in range(m)) + f" = {r.randint(20, 90)};")
    for j in range(m):
        terms = " + ".join(f"s{i}_{j}" for i in range(n))
        if broken and j == m // 2:
            out.append(f"silo{j}: {terms} <= {r.randint(150, 400)} +;")
        else:
            out.append(f"silo{j}: {terms} <= {r.randint(150, 400)};")
    out.append("int " + ",".join(f"s{i}_{j}" for i in range(0, n, 4) for j in range(m)) + ";")
    return "\n".join(out) + "\n"


def step_lp_solve(tmp: Path) -> None:
    d = tmp / "granary"
    write_tree(d, {"silo.lp": silo_lp(1854, 40, 9), "silo_bad.lp": silo_lp(1854, 40, 9, broken=True)})
    cmd = "lp_solve -S4 silo.lp"
    add("lp-solve-silo-S4", cmd, run(cmd, cwd=d, timeout=90), n_lp_solve)
    cmd = "lp_solve -S3 silo_bad.lp; echo EXIT=$?; lp_solve -S4 -fmps lean.mps; echo EXIT=$?; lp_solve -S3 -fmps blend.mps | head -n 60"
    add("lp-solve-silo-bad-lean-echo-exit", cmd, run(cmd, cwd=d, timeout=90), n_lp_solve)


def maxima_sheet(seed: int, n: int, faults: list[str]) -> str:
    r = random.Random(seed)
    body = ["/* granary: drying kinetics and storage losses */", "display2d: false$"]
    for k in range(n):
        a, b, c = r.randint(2, 9), r.randint(1, 6), r.randint(3, 10)
        body.append(r.choice([
            f"laplace(t^{b} * exp(-{a}*t) * cos({c}*t), t, s);",
            f"limit((1 + {a}/n)^(n*{b}), n, inf);",
            f"expand(charpoly(matrix([{a}, {b}, 0], [{b}, {c}, 1], [0, 1, {a + c}]), x));",
            f"partfrac(1/((x + {a})*(x - {b})^2*(x^2 + {c})), x);",
            f"trigreduce(sin(x)^{2 * b} + cos(x)^{2 * b});",
            f"float(integrate(exp(-x^2/{a}), x, 0, {c}));",
            f"powerseries(log(1 + {a}*x), x, 0);",
            f"ifactors({r.randint(10**9, 10**12)});",
        ]))
    body += faults  # batch stops at the first error
    body.append("print(\"sheet done\");")
    return "\n".join(body) + "\n"


def step_maxima(tmp: Path) -> None:
    d = tmp / "maxima"
    write_tree(d, {"drying.mac": maxima_sheet(1855, 90, ["k: 0$ rate: 5/k;"]),
                   "losses.mac": maxima_sheet(1856, 50, ["invert(matrix([1, 2], [2, 4]));"]),
                   })
    cmd = "maxima -q -b drying.mac"
    add("maxima-drying", cmd, run(cmd, cwd=d, timeout=240), n_maxima_batch)
    cmd = "maxima --very-quiet -b losses.mac 2>&1 | tail -n 60; echo EXIT=$?"
    add("maxima-losses-tail-60", cmd, run(cmd, cwd=d, timeout=240), n_maxima_batch)


def gp_sheet(seed: int, n: int, faults: list[str]) -> str:
    r = random.Random(seed)
    body = ["\\\\ granary: lot numbers, checksums and curves", "#"]
    for k in range(n):
        a, b = r.randint(10**10, 10**18), r.randint(5, 80)
        body.append(r.choice([
            f"eulerphi({a})", f"znorder(Mod(2, nextprime({a})))", f"bernfrac({2 * b})", f"numdiv({a})",
            f"ellap(ellinit([0, {b}]), nextprime({b * 97}))", f"polredabs(x^3 - {b}*x - 1)",
            f"quadclassunit({-8 * b - 7}).no", f"contfrac(sqrt({b * 3 + 2}), 20)", f"digits({a}, 7)",
            f"sumdiv({b * 360}, d, d^2)", f"primepi({b * 20000})",
        ]))
    for k, f in enumerate(faults):
        body.insert((k + 1) * len(body) // (len(faults) + 1), f)
    return "\n".join(body) + "\n"


GP_FAULTS = ["Mod(6, 9)^-1", "znorder(Mod(3, 12))", "lotcheck(44)", "w = vector(4); w[9]", "log(0)",
             "matdet([1, 2, 3; 4, 5, 6])", "polredabs(0)", "error(\"silo ledger out of balance\", 3)"]


def step_gp(tmp: Path) -> None:
    d = tmp / "gp"
    write_tree(d, {"lots1.gp": gp_sheet(1857, 150, GP_FAULTS[:4]), "lots2.gp": gp_sheet(1858, 90, GP_FAULTS[4:])})
    cmd = "gp -q < lots1.gp"
    add("gp-lots1", cmd, run(cmd, cwd=d, timeout=240), n_gp_script)
    cmd = "gp -q < lots2.gp 2>&1 | tail -n 100; echo EXIT=$?"
    add("gp-lots2-tail-100", cmd, run(cmd, cwd=d, timeout=240), n_gp_script)


def gap_sheet(seed: int, n: int, faults: list[str]) -> str:
    r = random.Random(seed)
    body = []
    for k in range(n):
        d = r.randint(3, 7)
        body.append(r.choice([
            f"D := DihedralGroup({2 * d});; Size(D); NrConjugacyClasses(D);",
            f"Collected(Factors({r.randint(10**8, 10**13)}));",
            f"List(ConjugacyClasses(DihedralGroup({2 * d})), Size);",
            f"C := CyclicGroup({d * 4});; List(AllSubgroups(C), Size);",
            f"Binomial({d * 6}, {d});",
            f"Q := QuaternionGroup(8);; Center(Q); IsAbelian(Q);",
            f"P := PermList([{', '.join(str(x) for x in r.sample(range(1, d + 3), d + 2))}]);; Order(P); CycleStructurePerm(P);",
        ]))
    for k, f in enumerate(faults):
        body.insert((k + 1) * len(body) // (len(faults) + 1), f + "\nquit;")
    return "\n".join(body) + "\n"


def step_gap(tmp: Path) -> None:
    d = tmp / "gap"
    write_tree(d, {"silos.g": gap_sheet(1859, 110, ["Inverse(0 * Z(5)) + 1;", "Size(DihedralGroup(7));",
                                                    "g := function(x) return x + ; end;", "Lotcount(3);"])})
    cmd = "gap -q < silos.g; echo EXIT=$?"
    add("gap-silos-echo-exit", cmd, run(cmd, cwd=d, timeout=240), n_gap_session)


SILO_PULP = '''
"""Silo assignment with PuLP and CBC: each lot into one silo, silos by capacity and cleaning cost."""
import random
import sys
import pulp

R = random.Random(int(sys.argv[1]))
NS, NL = int(sys.argv[2]), int(sys.argv[3])
limit = float(sys.argv[4]) if len(sys.argv) > 4 else None
silos = [f"silo{i:02d}" for i in range(NS)]
lots = [f"lot{j:03d}" for j in range(NL)]
cap = {s: R.randint(80, 260) for s in silos}
clean = {s: R.randint(200, 900) for s in silos}
tons = {l: R.randint(6, 30) for l in lots}
mix = {(s, l): R.randint(1, 25) for s in silos for l in lots}
prob = pulp.LpProblem("silos", pulp.LpMinimize)
u = pulp.LpVariable.dicts("used", silos, cat="Binary")
x = pulp.LpVariable.dicts("put", (silos, lots), cat="Binary")
prob += pulp.lpSum(clean[s] * u[s] for s in silos) + pulp.lpSum(mix[s, l] * tons[l] * x[s][l] for s in silos for l in lots)
for l in lots:
    prob += pulp.lpSum(x[s][l] for s in silos) == 1, f"place_{l}"
for s in silos:
    prob += pulp.lpSum(tons[l] * x[s][l] for l in lots) <= cap[s] * u[s], f"cap_{s}"
prob.solve(pulp.PULP_CBC_CMD(msg=True, timeLimit=limit))
print("Status:", pulp.LpStatus[prob.status])
print("objective:", pulp.value(prob.objective))
print("silos used:", sum(1 for s in silos if (u[s].value() or 0) > 0.5), "of", NS)
'''

CREW_MIP = '''
"""Harvest crews to fields with python-mip: minimize the latest finishing crew."""
import random
import sys
from mip import Model, xsum, BINARY, CONTINUOUS, MINIMIZE, OptimizationStatus

R = random.Random(int(sys.argv[1]))
NF, NC = int(sys.argv[2]), int(sys.argv[3])
limit = float(sys.argv[4])
hours = [[R.randint(3, 40) for _ in range(NC)] for _ in range(NF)]
m = Model(sense=MINIMIZE)
x = [[m.add_var(var_type=BINARY) for _ in range(NC)] for _ in range(NF)]
t = m.add_var(var_type=CONTINUOUS, name="finish")
for f in range(NF):
    m += xsum(x[f][c] for c in range(NC)) == 1
for c in range(NC):
    m += xsum(hours[f][c] * x[f][c] for f in range(NF)) <= t
if len(sys.argv) > 5:
    m += t <= float(sys.argv[5])  # the weather window
m.objective = t
status = m.optimize(max_seconds=limit)
print("status:", status)
if status in (OptimizationStatus.OPTIMAL, OptimizationStatus.FEASIBLE):
    print(f"objective: {m.objective_value:.1f}  bound: {m.objective_bound:.1f}  gap: {m.gap:.4f}")
else:
    print("no plan inside the weather window")
    print("latest crew finishes at", round(t.x, 1))
'''

ROSTER = '''
"""Harvest week roster with OR-Tools CP-SAT: drivers on combine, grain cart and dryer shifts."""
import random
import sys
from ortools.sat.python import cp_model

R = random.Random(int(sys.argv[1]))
NW, ND, NS = int(sys.argv[2]), int(sys.argv[3]), 3
m = cp_model.CpModel()
on = {(w, d, s): m.NewBoolVar(f"on{w}_{d}_{s}") for w in range(NW) for d in range(ND) for s in range(NS)}
for d in range(ND):
    for s in range(NS):
        m.Add(sum(on[w, d, s] for w in range(NW)) >= (3 if s == 0 else 2))
for w in range(NW):
    for d in range(ND):
        m.AddAtMostOne(on[w, d, s] for s in range(NS))
    m.Add(sum(on[w, d, s] for d in range(ND) for s in range(NS)) <= ND - 1)
pref = {k: R.randint(0, 4) for k in on}
m.Maximize(sum(pref[k] * on[k] for k in on))
solver = cp_model.CpSolver()
solver.parameters.max_time_in_seconds = float(sys.argv[4])
solver.parameters.log_search_progress = True
solver.parameters.num_workers = 2
status = solver.Solve(m)
print("status:", solver.StatusName(status))
print("objective:", solver.ObjectiveValue(), "best bound:", solver.BestObjectiveBound())
'''

HEDGE = '''
"""Grain price-risk: forward contracts against a price scenario matrix, with CVXPY."""
import sys
import numpy as np
import cvxpy as cp

rng = np.random.default_rng(int(sys.argv[1]))
case, n = sys.argv[2], int(sys.argv[3])
P = rng.normal(0.0, 0.08, (200, n))
mu = rng.normal(0.02, 0.03, n)
h = cp.Variable(n)
if case == "cvar":
    alpha, t, z = 0.95, cp.Variable(), cp.Variable(200)
    prob = cp.Problem(cp.Minimize(t + cp.sum(z) / (200 * (1 - alpha))),
                      [z >= 0, z >= -P @ h - t, mu @ h >= 0.015, cp.sum(h) == 1, h >= -0.1, h <= 0.3])
    prob.solve(solver=cp.CLARABEL, verbose=True)
elif case == "sqrt":
    prob = cp.Problem(cp.Minimize(cp.sqrt(cp.sum_squares(P @ h))), [cp.sum(h) == 1])
    print("is_dcp:", prob.is_dcp())
    prob.solve(verbose=True)
print("status:", prob.status)
print("optimal value:", prob.value)
'''


def _py(script: str, args: str) -> str:
    return f"{VENV}/bin/python {script} {args}"


def step_py(tmp: Path) -> None:
    d = tmp / "granary-py"
    write_tree(d, {"silos.py": SILO_PULP, "crews.py": CREW_MIP, "roster.py": ROSTER, "hedge.py": HEDGE})
    for iid, script, args, tail, ext in (
            ("pulp-silos", "silos.py", "1860 14 70", "", n_pulp_cbc),
            ("pulp-silos-limit-grep", "silos.py", "1861 22 160 8",
             " 2>&1 | grep -E 'Cbc0010I|Cbc0012I|Cbc0004I|Result|Objective|Gap|Status|objective'", n_pulp_cbc),
            ("mip-crews", "crews.py", "1862 60 7 10", "", n_mip_log),
            ("mip-crews-window-echo-exit", "crews.py", "1863 40 5 8 20", "; echo EXIT=$?", n_mip_log),
            ("cpsat-harvest-roster", "roster.py", "1864 12 10 6", "", n_cpsat_log),
            ("cvxpy-hedge-cvar", "hedge.py", "1865 cvar 24", "", n_cvxpy_verbose),
            ("cvxpy-hedge-sqrt-echo-exit", "hedge.py", "1866 sqrt 12", "; echo EXIT=$?", n_cvxpy_verbose)):
        add(iid, f"python {script} {args}{tail}", run(_py(script, args) + tail, cwd=d, timeout=180), ext)


STEPS = [step_glpsol, step_cbc, step_lp_solve, step_maxima, step_gp, step_gap, step_py]
