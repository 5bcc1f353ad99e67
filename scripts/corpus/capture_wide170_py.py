"""Round 170, optimization from PyPI: PuLP and python-mip models (their CBC logs and the scripts' status lines),
OR-Tools CP-SAT with its search log, CVXPY verbose solves; models of the round's own (a facility location, a job-shop
schedule, a portfolio, a diet) with faults put in (an infeasible capacity, a time limit that leaves a gap, a
non-convex objective, a solver error). Extractors are the rules of NEEDLES.md's "Round 170" section. Run through
capture_wide170.py."""

from __future__ import annotations

import re
from pathlib import Path

import capture_more as cm
from capture_more import any_of, mask, prev_match, run, write_tree
from capture_wide170 import VENV, add, exit_lines
from capture_wide170_lp import cbc_needles

# ------------------------------------------------------------------ extractors


def traceback_needles(lines):
    """Rule 1 on a Python traceback: the exception line and the innermost File line of the script (not site-packages)."""
    out = []
    for i, ln in enumerate(lines):
        if re.match(r"^[A-Za-z_][\w.]*(Error|Exception|Warning)\b(: .*)?$", ln) and i and (
                re.match(r"^\s", lines[i - 1]) or lines[i - 1].startswith("Traceback")):
            out.append(ln)
            for k in range(i - 1, -1, -1):
                if lines[k].startswith("Traceback"):
                    break
                if re.match(r'^\s+File "', lines[k]) and "site-packages" not in lines[k]:
                    out.append(lines[k])
                    break
    return out


STATUS_RE = re.compile(r"Status|status:|OptimizationStatus\.|[Oo]bjective|\bgap\b|Gap", re.I)


def _script_lines(lines):
    return [ln for ln in lines if re.match(r"^(Status|status|objective|Objective|gap|Gap|RESULT|result|optimal value|"
                                           r"OptimizationStatus)\S*\s*[:=]", ln.strip()) and not ln.startswith(("Cbc", "Clp"))]


@cm.kind("pulp-cbc-log", "build")
def n_pulp_cbc(lines):
    """Rules 1/3/5 on a PuLP script with msg=True: cbc's needles, the script's Status and objective lines, rule 1 on a traceback."""
    return cbc_needles(lines) + _script_lines(lines) + traceback_needles(lines) + exit_lines(lines)


@cm.kind("mip-log", "build")
def n_mip_log(lines):
    """Rules 1/3/5 on a python-mip script: cbc's needles, the OptimizationStatus and gap lines, the script's status and objective lines, rule 1 on a traceback."""
    out = cbc_needles(lines) + _script_lines(lines)
    out += [ln for ln in lines if "OptimizationStatus." in ln or re.search(r"\bgap\b", ln, re.I)]
    return out + traceback_needles(lines) + exit_lines(lines)


@cm.kind("ortools-cpsat-log", "build")
def n_cpsat_log(lines):
    """Rules 1/3/5 on a CP-SAT search log: the response summary line and its status/objective/best_bound/gap_integral/walltime lines, first and last #N solution line, #Done/#Model lines, INVALID/INFEASIBLE/error lines, the script's result lines, a traceback."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith("CpSolverResponse summary"):
            out.append(ln)
            out += [x for x in lines[i + 1:i + 40] if re.match(r"^(status|objective|best_bound|gap_integral|walltime):", x)]
    sols = [ln for ln in lines if re.match(r"^#\d+\s", ln)]
    out += sols[:1] + sols[-1:]
    out += [ln for ln in lines if re.match(r"^#(Done|Model)\b", ln)]
    out += [ln for ln in lines if re.search(r"INVALID|INFEASIBLE|\berror\b", ln, re.I) and not ln.startswith("#")]
    out += _script_lines(lines)
    return out + traceback_needles(lines) + exit_lines(lines)


@cm.kind("cvxpy-verbose", "build")
def n_cvxpy_verbose(lines):
    """Rules 1/3/5 on CVXPY verbose solves: solver status lines, optimal value lines, each iteration table's header and last row, Warning lines one any per shape, the script's result lines, a traceback."""
    out, warns = [], []
    for ln in lines:
        if re.search(r"Problem status:|^\s*status:|Terminated with status|\bSOLVED\b|infeasible|unbounded|"
                     r"[Oo]ptimal value|Optimal objective", ln, re.I) and not re.match(r"^\s*\d+\s", ln):
            out.append(ln)
        if re.search(r"Warning\b", ln):
            warns.append((mask(ln), ln))
    out += cm.groups(warns)
    # iteration tables: a header line holding `iter` and the last numeric row before the next blank/rule line
    for i, ln in enumerate(lines):
        if re.match(r"^\s*iter\b", ln, re.I) and ":" not in ln and len(ln.split()) >= 4:
            last = None
            for x in lines[i + 1:]:
                if re.match(r"^\s*\d+\s*\|?\s*[-+\d.]", x):
                    last = x
                elif x.strip() and not set(x.strip()) <= set("-=| "):
                    break
            out.append(ln)
            out.append(last)
    out += _script_lines(lines)
    return out + traceback_needles(lines) + exit_lines(lines)


# ------------------------------------------------------------------ models

FACILITY_PULP = '''
"""Facility location: open depots and assign stores, with PuLP and CBC."""
import random
import sys
import pulp

R = random.Random(int(sys.argv[1]))
N_SITES, N_STORES = int(sys.argv[2]), int(sys.argv[3])
TIGHT = len(sys.argv) > 4 and sys.argv[4] == "tight"
sites = [f"site{i:02d}" for i in range(N_SITES)]
stores = [f"store{j:03d}" for j in range(N_STORES)]
fixed = {s: R.randint(800, 3000) for s in sites}
cap = {s: R.randint(60, 200) // (3 if TIGHT else 1) for s in sites}
dem = {t: R.randint(5, 25) for t in stores}
cost = {(s, t): R.randint(2, 40) for s in sites for t in stores}

prob = pulp.LpProblem("facility", pulp.LpMinimize)
y = pulp.LpVariable.dicts("open", sites, cat="Binary")
x = pulp.LpVariable.dicts("assign", (sites, stores), cat="Binary")
prob += pulp.lpSum(fixed[s] * y[s] for s in sites) + pulp.lpSum(cost[s, t] * dem[t] * x[s][t] for s in sites for t in stores)
for t in stores:
    prob += pulp.lpSum(x[s][t] for s in sites) == 1, f"serve_{t}"
for s in sites:
    prob += pulp.lpSum(dem[t] * x[s][t] for t in stores) <= cap[s] * y[s], f"cap_{s}"
limit = float(sys.argv[5]) if len(sys.argv) > 5 else None
prob.solve(pulp.PULP_CBC_CMD(msg=True, timeLimit=limit))
print("Status:", pulp.LpStatus[prob.status])
print("objective:", pulp.value(prob.objective))
opened = [s for s in sites if (y[s].value() or 0) > 0.5]
print("opened:", ", ".join(opened))
if sys.argv[-1] == "report":
    load = {s: sum(dem[t] for t in stores if (x[s][t].value() or 0) > 0.5) for s in opened}
    worst = max(load, key=lambda s: load[s] / cap[s])
    print("busiest:", worst, load[worst], "/", cap[worst])
    print("unused capacity:", sum(cap[s] for s in opened) - sum(dem.values()) / len(opened[0]))
'''

JOBS_MIP = '''
"""Job shop on parallel machines with python-mip: assign jobs, minimize the makespan."""
import random
import sys
from mip import Model, xsum, BINARY, CONTINUOUS, MINIMIZE, OptimizationStatus

R = random.Random(int(sys.argv[1]))
NJ, NM = int(sys.argv[2]), int(sys.argv[3])
limit = float(sys.argv[4])
p = [[R.randint(5, 60) for _ in range(NM)] for _ in range(NJ)]
m = Model(sense=MINIMIZE)
x = [[m.add_var(var_type=BINARY, name=f"x_{j}_{k}") for k in range(NM)] for j in range(NJ)]
cmax = m.add_var(var_type=CONTINUOUS, name="makespan")
for j in range(NJ):
    m += xsum(x[j][k] for k in range(NM)) == 1
for k in range(NM):
    m += xsum(p[j][k] * x[j][k] for j in range(NJ)) <= cmax
if len(sys.argv) > 5 and sys.argv[5] == "deadline":
    m += cmax <= min(sum(r) for r in zip(*p)) // (NM * 2)  # the deadline no schedule meets
m.objective = cmax
status = m.optimize(max_seconds=limit)
print("status:", status)
if status in (OptimizationStatus.OPTIMAL, OptimizationStatus.FEASIBLE):
    print(f"objective: {m.objective_value:.1f}  bound: {m.objective_bound:.1f}  gap: {m.gap:.4f}")
    for k in range(NM):
        js = [j for j in range(NJ) if x[j][k].x >= 0.99]
        print(f"machine {k}: {len(js)} jobs, load {sum(p[j][k] for j in js)}")
else:
    print("no schedule; status", status.name)
    print("makespan", cmax.x + 1)
'''

CPSAT = '''
"""Nurse rostering with OR-Tools CP-SAT: shifts over days, requests, a minimum rest rule."""
import random
import sys
from ortools.sat.python import cp_model

R = random.Random(int(sys.argv[1]))
NN, ND, NS = int(sys.argv[2]), int(sys.argv[3]), 3
limit = float(sys.argv[4])
mode = sys.argv[5] if len(sys.argv) > 5 else ""
m = cp_model.CpModel()
work = {(n, d, s): m.NewBoolVar(f"w{n}_{d}_{s}") for n in range(NN) for d in range(ND) for s in range(NS)}
need = 2 if mode != "short" else NN // 2
for d in range(ND):
    for s in range(NS):
        m.Add(sum(work[n, d, s] for n in range(NN)) >= need)
for n in range(NN):
    for d in range(ND):
        m.AddAtMostOne(work[n, d, s] for s in range(NS))
    for d in range(ND - 1):
        m.AddImplication(work[n, d, 2], work[n, d + 1, 0].Not())  # no early shift after a night
    m.Add(sum(work[n, d, s] for d in range(ND) for s in range(NS)) <= (ND * 5) // 7)
req = {(n, d, s): R.randint(0, 3) for n in range(NN) for d in range(ND) for s in range(NS)}
if mode == "invalid":
    m.Add(work[0, 0, 0] * work[1, 0, 0] == 1)  # a product of literals, written as a linear constraint
m.Maximize(sum(req[k] * work[k] for k in work))
solver = cp_model.CpSolver()
solver.parameters.max_time_in_seconds = limit
solver.parameters.log_search_progress = True
solver.parameters.num_workers = 2
status = solver.Solve(m)
print("status:", solver.StatusName(status))
print("objective:", solver.ObjectiveValue(), "best bound:", solver.BestObjectiveBound())
'''

CVX = '''
"""Portfolio and diet problems with CVXPY, solved verbosely."""
import sys
import numpy as np
import cvxpy as cp

rng = np.random.default_rng(int(sys.argv[1]))
case = sys.argv[2]
n = int(sys.argv[3])
if case == "portfolio":
    mu = rng.normal(0.06, 0.04, n)
    F = rng.normal(0, 0.1, (n, 8))
    S = F @ F.T + np.diag(rng.uniform(0.01, 0.05, n))
    w = cp.Variable(n)
    prob = cp.Problem(cp.Maximize(mu @ w - 2.0 * cp.quad_form(w, S)), [cp.sum(w) == 1, w >= 0, w <= 0.15])
    prob.solve(solver=cp.CLARABEL, verbose=True)
    print("status:", prob.status)
    print("optimal value:", prob.value)
    print("largest weights:", np.round(np.sort(w.value)[-5:], 4))
elif case == "diet_infeasible":
    A = rng.uniform(0, 30, (12, n))
    lo, hi = rng.uniform(200, 400, 12), rng.uniform(150, 250, 12)  # some upper limits below the lower ones
    x = cp.Variable(n)
    prob = cp.Problem(cp.Minimize(rng.uniform(0.5, 3, n) @ x), [A @ x >= lo, A @ x <= hi, x >= 0])
    prob.solve(solver=cp.SCS, verbose=True)
    print("status:", prob.status)
    print("optimal value:", prob.value)
elif case == "lasso":
    A = rng.normal(size=(4 * n, n))
    b = A @ (rng.normal(size=n) * (rng.uniform(size=n) < 0.2)) + rng.normal(0, 0.1, 4 * n)
    x = cp.Variable(n)
    prob = cp.Problem(cp.Minimize(cp.sum_squares(A @ x - b) + 0.5 * cp.norm1(x)))
    prob.solve(solver=cp.OSQP, verbose=True, max_iter=int(sys.argv[4]))
    print("status:", prob.status)
    print("optimal value:", prob.value)
elif case == "nonconvex":
    x = cp.Variable(n)
    P = rng.normal(size=(n, n))
    prob = cp.Problem(cp.Maximize(cp.sum_squares(P @ x)), [cp.norm(x, 2) <= 1])
    print("is_dcp:", prob.is_dcp())
    prob.solve(verbose=True)
'''


def _py(script: str, args: str) -> str:
    return f"{VENV}/bin/python {script} {args}"


def step_pulp(tmp: Path) -> None:
    d = tmp / "pypulp"
    write_tree(d, {"facility.py": FACILITY_PULP})
    for iid, args, typed in (
            ("pulp-facility", "170 12 60", "python facility.py 170 12 60"),
            ("pulp-facility-timelimit", "171 25 140 x 6 report", "python facility.py 171 25 140 x 6 report; echo EXIT=$?"),
            ("pulp-facility-tight", "172 10 70 tight", "python facility.py 172 10 70 tight 2>&1 | tail -n 60"),
            ("pulp-facility-grep", "173 16 90 x 10",
             "python facility.py 173 16 90 x 10 2>&1 | grep -E 'Cbc0010I|Cbc0012I|Result|Objective|Gap|Status|objective'")):
        cmd = _py("facility.py", args) + typed[len("python facility.py " + args):]
        add(iid, typed, run(cmd, cwd=d, timeout=120), n_pulp_cbc)


def step_mip(tmp: Path) -> None:
    d = tmp / "pymip"
    write_tree(d, {"jobs.py": JOBS_MIP})
    for iid, args, tail in (("mip-jobs", "174 40 6 20", ""), ("mip-jobs-limit", "175 120 8 8", "; echo EXIT=$?"),
                            ("mip-jobs-deadline", "176 30 4 10 deadline", " 2>&1 | tail -n 50")):
        add(iid, f"python jobs.py {args}{tail}", run(_py("jobs.py", args) + tail, cwd=d, timeout=120), n_mip_log)


def step_cpsat(tmp: Path) -> None:
    d = tmp / "cpsat"
    write_tree(d, {"roster.py": CPSAT})
    for iid, args, tail in (("cpsat-roster", "177 14 14 8", ""), ("cpsat-roster-short", "178 10 14 5 short", "; echo EXIT=$?"),
                            ("cpsat-roster-invalid", "179 8 7 5 invalid", "")):
        add(iid, f"python roster.py {args}{tail}", run(_py("roster.py", args) + tail, cwd=d, timeout=120),
            n_cpsat_log)


def step_cvxpy(tmp: Path) -> None:
    d = tmp / "cvx"
    write_tree(d, {"opt.py": CVX})
    for iid, args, tail in (("cvxpy-portfolio", "181 60", ""), ("cvxpy-diet-infeasible", "182 diet_infeasible 30", "; echo EXIT=$?"),
                            ("cvxpy-lasso-maxiter", "183 lasso 80 60", ""),
                            ("cvxpy-nonconvex", "184 nonconvex 10", "; echo EXIT=$?")):
        a = args.split()
        if len(a) == 2:
            args = f"{a[0]} portfolio {a[1]}"
        add(iid, f"python opt.py {args}{tail}", run(_py("opt.py", args) + tail, cwd=d, timeout=180), n_cvxpy_verbose)


STEPS = [step_pulp, step_mip, step_cpsat, step_cvxpy]
