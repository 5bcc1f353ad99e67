"""Round 260, second samples of round 246's kinds: `railyard`, a freight yard's shunting planner of this round's own
(cars sorted onto classification tracks, locomotives, hump windows), as ASP for clingo, MiniZinc, LP for lp_solve, for
HiGHS and for Pyomo with GLPK, Promela for SPIN, C for Frama-C and WhyML for Why3, with other faults put in and sizes
widened by seeded generators. Every extractor is round 246's, imported (NEEDLES.md, "Round 260"). Run through
capture_wide260.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import write_tree
from capture_wide246 import VENV
from capture_wide246_solve import (n_clingo, n_clingo_error, n_clingo_stats, n_frama_kernel_error, n_frama_print,
                                   n_gringo_text, n_highs_log, n_lp_sensitivity, n_minizinc, n_minizinc_error,
                                   n_pyomo_pprint, n_pyomo_results, n_spin_error, n_spin_msc, n_spin_never,
                                   n_why3_error)
from capture_wide260 import cap

PY = f"{VENV}/bin/python"

# ---------------------------------------------------------------------------------------------- ASP (clingo)

YARD_LP = """% hump yard: every car goes to one classification track in one hump slot
{ put(C,K,T) : track(K,_), slot(T), T >= R } = 1 :- car(C,_,R,_).
% a track holds at most its length in cars
:- track(K,Len), #count { C : put(C,K,_) } > Len.
% cars of different blocks never share a track
:- put(C1,K,_), put(C2,K,_), car(C1,B1,_,_), car(C2,B2,_,_), B1 != B2.
% one car over the hump per slot
:- slot(T), 2 { put(C,_,T) : car(C,_,_,_) }.
wait(C,T-R) :- put(C,_,T), car(C,_,R,_), T > R.
hazmat_late(C) :- put(C,_,T), car(C,_,_,haz), T > haz_by.
#minimize { W@1,C : wait(C,W) }.
#minimize { 5@2,C : hazmat_late(C) }.
#show put/3.
#show wait/2.
"""

LOCO_LP = """% locomotive rostering: pick engines whose power covers the trains, minimise fuel
{ use(E) } :- engine(E,_,_).
covers(T) :- train(T,P), #sum { H,E : use(E), engine(E,H,_) } >= P.
:- train(T,_), not covers(T).
#minimize { F,E : use(E), engine(E,_,F) }.
#show use/1.
"""


def yard_instance(seed: int, cars: int, tracks: int, slots: int, blocks: int, haz_by: int) -> str:
    rnd = random.Random(seed)
    out = [f"#const haz_by = {haz_by}.", f"slot(1..{slots})."]
    out += [f"track(k{k},{rnd.randint(2, 6)})." for k in range(1, tracks + 1)]
    for c in range(1, cars + 1):
        kind = "haz" if rnd.random() < 0.15 else rnd.choice(["box", "tank", "flat", "hopper"])
        out.append(f"car(c{c},b{rnd.randint(1, blocks)},{rnd.randint(1, max(1, slots - cars // 2))},{kind}).")
    return "\n".join(out) + "\n"


ASP_BAD = {
    "unsafe_yard.lp": """% fault: N and H are unbound
track(k1,4). car(c1,b1,1,box).
full(K) :- track(K,L), N > L.
heavy(C,H) :- car(C,_,_,_), H >= 80.
#show full/1.
""",
    "syntax_yard.lp": """% fault: a stray comma and a rule with no period
car(c1,b1,1,box). car(c2,b2,2,tank).
track(k1,4),
same(C1,C2) :- car(C1,B,_,_), car(C2,B,_,_), C1 < C2
pairs(N) :- N = #count { C1,C2 : same(C1,C2) }.
""",
    "undef_yard.lp": """% fault: tracks/2 and blocks/1 occur in no head (typos)
car(c1,b1,1,box). track(k1,4).
fits(C,K) :- car(C,_,_,_), tracks(K,L), L > 0.
sorted(B) :- blocks(B).
:- car(C,_,_,_), not fits(C,_).
""",
}


def unsafe_yard_many(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = ["% hump timings, pasted from the yardmaster's sheet"]
    for i in range(n):
        k = rnd.randint(0, 3)
        if k == 0:
            out.append(f"ready{i}(C,T) :- car(C,_,R,_), slot(T), T >= R + {i % 4}.")
        elif k == 1:
            out.append(f"slow{i}(C,V) :- car(C,_,R,_), V < R * {rnd.randint(2, 5)}.")
        elif k == 2:
            out.append(f"blocked{i}(K,M) :- track(K,L), M = L + X.")
        else:
            out.append(f"spare{i}(K) :- track(K,L), L > {rnd.randint(1, 5)}, not used{i}(K).")
    return "\n".join(out) + "\n"


def asp(tmp: Path) -> None:
    d = tmp / "railyard" / "asp"
    rnd = random.Random(2601)
    engines = "\n".join(f"engine(e{i},{rnd.randint(8, 45)},{rnd.randint(3, 30)})." for i in range(1, 19))
    trains = "\n".join(f"train(t{i},{rnd.randint(20, 90)})." for i in range(1, 7))
    write_tree(d, {"yard.lp": YARD_LP, "loco.lp": LOCO_LP, **ASP_BAD,
                   "shift.lp": yard_instance(2602, 8, 3, 10, 3, 6),
                   "night.lp": yard_instance(2603, 18, 5, 20, 4, 10),
                   "peak.lp": yard_instance(2604, 34, 7, 30, 5, 14),
                   "jam.lp": yard_instance(2605, 14, 2, 10, 5, 4),
                   "fleet.lp": engines + "\n" + trains + "\n",
                   "unsafe_many.lp": unsafe_yard_many(2606, 36)})
    cap("clingo-yard-night-ignore-110", "clingo yard.lp night.lp --opt-mode=ignore 110", d, n_clingo, timeout=60)
    cap("clingo-loco-optn-tail-60", "clingo loco.lp fleet.lp --opt-mode=optN 0 | tail -n 60; echo EXIT=$?", d,
        n_clingo, timeout=60)
    cap("clingo-stats-yard-night", "clingo yard.lp night.lp --stats=2 -t 1 --time-limit=4", d, n_clingo_stats,
        timeout=60)
    cap("clingo-stats-jam-loco", "clingo yard.lp jam.lp --stats --time-limit=4; clingo loco.lp fleet.lp --stats", d,
        n_clingo_stats, timeout=60)
    cap("clingo-error-yard-loop-exit", 'for f in unsafe_yard syntax_yard undef_yard unsafe_many; do echo "== $f"; '
        'clingo "$f.lp" shift.lp; done; echo EXIT=$?', d, n_clingo_error, timeout=60)
    cap("gringo-text-yard-shift-grep", "clingo --text yard.lp shift.lp | grep -v '^wait(' | head -n 400", d,
        n_gringo_text, timeout=60)


# ---------------------------------------------------------------------------------------------- MiniZinc

HUMP_MZN = """% hump sequence: cars get a track and a position in the push; blocks stay together on a track
int: ncars; int: ntracks; int: nblocks;
array[1..ncars] of 1..nblocks: block;
array[1..ncars] of int: weight;
array[1..ntracks] of int: cap;
array[1..ncars] of var 1..ntracks: track;
array[1..ncars] of var 1..ncars: pos;
include "alldifferent.mzn";
constraint alldifferent(pos);
constraint forall(k in 1..ntracks)(sum(c in 1..ncars)(bool2int(track[c] = k)) <= cap[k]);
constraint forall(c, d in 1..ncars where c < d /\\ block[c] != block[d])(track[c] != track[d]);
var int: switches = sum(c in 1..ncars-1)(bool2int(track[c] != track[c+1]));
var int: heavy_late = sum(c in 1..ncars)(weight[c] * pos[c]);
solve minimize switches * 1000 + heavy_late;
output ["track = \\(track)\\npos = \\(pos)\\nswitches = \\(switches)\\n"];
"""

MZN_BAD = {
    "hump_typo.mzn": """int: n = 5;
array[1..n] of var 1..3: track;
constraint forall(i in 1..n)(track[i] <= tracks);
constraint track[1] = 2.0;
solve satisfy;
""",
    "hump_syntax.mzn": """int: n = 5;
array[1..n] of var 1..3: track;
constraint forall(i in 1..n-1)(track[i] <= track[i+1]
solve minimize sum(track)
""",
}


def hump_dzn(seed: int, ncars: int, ntracks: int, nblocks: int, tight: bool = False) -> str:
    rnd = random.Random(seed)
    block = [rnd.randint(1, nblocks) for _ in range(ncars)]
    cap = [rnd.randint(ncars // ntracks + 1, ncars // ntracks + 3) for _ in range(ntracks)]
    if tight:  # the fault: more blocks than tracks can separate
        cap = [2] * ntracks
    return (f"ncars = {ncars}; ntracks = {ntracks}; nblocks = {nblocks};\nblock = {block};\n"
            f"weight = {[rnd.randint(20, 120) for _ in range(ncars)]};\ncap = {cap};\n")


def mzn(tmp: Path) -> None:
    d = tmp / "railyard" / "mzn"
    write_tree(d, {"hump.mzn": HUMP_MZN, **MZN_BAD, "day.dzn": hump_dzn(2611, 12, 4, 3),
                   "rush.dzn": hump_dzn(2612, 22, 5, 4), "jam.dzn": hump_dzn(2613, 10, 3, 5, tight=True)})
    g = "minizinc --solver gecode"
    cap("minizinc-hump-rush-all", f"{g} -a --time-limit 6000 hump.mzn rush.dzn", d, n_minizinc, timeout=60)
    cap("minizinc-hump-day-jam-exit", f"{g} -a -s --time-limit 4000 hump.mzn day.dzn | tail -n 40; "
        f"{g} hump.mzn jam.dzn; echo EXIT=$?", d, n_minizinc, timeout=60)
    cap("minizinc-error-hump-loop", 'for f in hump_typo hump_syntax; do minizinc --solver gecode "$f.mzn"; done; '
        f"{g} hump.mzn rush.dzn day.dzn; echo EXIT=$?", d, n_minizinc_error, timeout=60)


# ---------------------------------------------------------------------------------------------- LP (lp_solve, HiGHS, Pyomo)

def yard_lp(seed: int, nvar: int, ncon: int, ints: bool = False, infeasible: bool = False) -> str:
    """Train makeup in lp_solve's format: cars of each type per outbound train, under track and engine limits."""
    rnd = random.Random(seed)
    out = [f"/* railyard makeup, seed {seed} */",
           "max: " + " + ".join(f"{rnd.randint(3, 27)} y{v}" for v in range(1, nvar + 1)) + ";", ""]
    for c in range(1, ncon + 1):
        vs = rnd.sample(range(1, nvar + 1), k=min(nvar, rnd.randint(2, 6)))
        out.append(f"trk{c}: " + " + ".join(f"{rnd.randint(1, 12)} y{v}" for v in vs) + f" <= {rnd.randint(30, 260)};")
    for v in range(1, nvar + 1):
        out.append(f"y{v} <= {rnd.randint(3, 40)};")
    if infeasible:
        out.append("minload: y1 + y2 + y3 >= 900;")
    if ints:
        out.append("int " + ",".join(f"y{v}" for v in range(2, nvar + 1, 3)) + ";")
    return "\n".join(out) + "\n"


def yard_mps(seed: int, nvar: int, ncon: int, mip: bool = False) -> str:
    """The same kind of model in CPLEX LP format, read by HiGHS."""
    rnd = random.Random(seed)
    out = ["\\ railyard makeup", "Maximize", " load: " + " + ".join(f"{rnd.randint(3, 27)} y{v}" for v in range(1, nvar + 1)),
           "Subject To"]
    for c in range(1, ncon + 1):
        vs = rnd.sample(range(1, nvar + 1), k=min(nvar, rnd.randint(2, 6)))
        out.append(f" trk{c}: " + " + ".join(f"{rnd.randint(1, 12)} y{v}" for v in vs) + f" <= {rnd.randint(30, 260)}")
    out.append("Bounds")
    out += [f" 0 <= y{v} <= {rnd.randint(3, 40)}" for v in range(1, nvar + 1)]
    if mip:
        out += ["General"] + [f" y{v}" for v in range(2, nvar + 1, 3)]
    out.append("End")
    return "\n".join(out) + "\n"


HIGHS_PY = """import sys
import highspy

h = highspy.Highs()
h.setOptionValue("threads", 1)
h.setOptionValue("time_limit", 20.0)
h.readModel(sys.argv[1])
h.run()
print("status =", h.modelStatusToString(h.getModelStatus()))
print("load =", h.getInfo().objective_function_value)
names = h.getLp().col_names_
for i, v in enumerate(h.getSolution().col_value):
    if v > 0.5:
        print(f"{names[i]} = {v:g}")
"""

SHUNT_PY = """import random
import sys

import pyomo.environ as pyo

seed, cars, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rnd = random.Random(seed)
m = pyo.ConcreteModel(name="railyard_shunt")
m.C = pyo.Set(initialize=[f"car{i}" for i in range(1, cars + 1)])
m.K = pyo.Set(initialize=["k1", "k2", "k3", "k4"])
m.len = pyo.Param(m.C, initialize={c: rnd.randint(12, 25) for c in m.C})
m.room = pyo.Param(m.K, initialize={k: rnd.randint(6, 9) * cars for k in m.K})
m.y = pyo.Var(m.C, m.K, within=pyo.Binary)
m.moves = pyo.Var(m.K, bounds=(0, cars), within=pyo.NonNegativeIntegers)
m.assign = pyo.Constraint(m.C, rule=lambda m, c: sum(m.y[c, k] for k in m.K) == 1)
m.fit = pyo.Constraint(m.K, rule=lambda m, k: sum(m.len[c] * m.y[c, k] for c in m.C) <= m.room[k])
m.count = pyo.Constraint(m.K, rule=lambda m, k: m.moves[k] >= sum(m.y[c, k] for c in m.C) - 2)
if mode == "short":  # the fault: track k4 closed and the others cut to a third
    m.closed = pyo.Constraint(expr=sum(m.y[c, "k4"] for c in m.C) == 0)
    m.cut = pyo.Constraint(m.K, rule=lambda m, k: sum(m.len[c] * m.y[c, k] for c in m.C) <= m.room[k] / 3)
m.obj = pyo.Objective(expr=sum(m.moves[k] for k in m.K) + sum(2 * m.y[c, "k1"] for c in m.C), sense=pyo.minimize)
if "--pprint" in sys.argv:
    m.pprint()
    sys.exit(0)
res = pyo.SolverFactory("glpk").solve(m, tee="--tee" in sys.argv)
res.write()
if res.solver.termination_condition == pyo.TerminationCondition.optimal:
    for k in m.K:
        print(f"moves[{k}] = {pyo.value(m.moves[k]):g}")
    print(f"obj = {pyo.value(m.obj):g}")
"""


def lp(tmp: Path) -> None:
    d = tmp / "railyard" / "lp"
    write_tree(d, {"makeup.lp": yard_lp(2621, 90, 70), "small.lp": yard_lp(2622, 8, 5),
                   "short.lp": yard_lp(2623, 10, 7, infeasible=True), "mixed.lp": yard_lp(2624, 40, 26, ints=True),
                   "makeup-cplex.lp": yard_mps(2625, 120, 90, mip=True), "solve_highs.py": HIGHS_PY, "shunt.py": SHUNT_PY})
    cap("lp-solve-S4-makeup", "lp_solve -S4 makeup.lp", d, n_lp_sensitivity, timeout=60)
    cap("lp-solve-S4-three-exit", 'for f in small short mixed; do echo "== $f"; lp_solve -S4 $f.lp; done | tail -n 150; '
        "echo EXIT=$?", d, n_lp_sensitivity, timeout=60)
    cap("highs-log-makeup-mip", f"{PY} solve_highs.py makeup-cplex.lp", d, n_highs_log, timeout=60,
        typed="python solve_highs.py makeup-cplex.lp")
    cap("pyomo-pprint-shunt", f"{PY} shunt.py 2627 14 ok --pprint", d, n_pyomo_pprint, timeout=60,
        typed="python shunt.py 2627 14 ok --pprint")
    cap("pyomo-results-shunt-tee-tail", f"{PY} shunt.py 2628 24 ok --tee | tail -n 70", d, n_pyomo_results,
        timeout=90, typed="python shunt.py 2628 24 ok --tee | tail -n 70")
    cap("pyomo-results-short-exit", f"{PY} shunt.py 2629 12 short; echo EXIT=$?", d, n_pyomo_results, timeout=60,
        typed="python shunt.py 2629 12 short; echo EXIT=$?")


# ---------------------------------------------------------------------------------------------- SPIN, Frama-C, Why3

def promela_yard(seed: int, locos: int, bug: bool) -> str:
    """Locomotives ask a tower for the single lead track; the tower grants it. The bug: the tower grants on a
    stale `busy` flag when a release and a request cross."""
    rnd = random.Random(seed)
    out = ["mtype = { req, ok, done };", f"#define LOCOS {locos}",
           "chan tower = [3] of { mtype, byte };", "chan reply[LOCOS] = [1] of { mtype };",
           "byte onlead = 0;", "bool busy = false;", "",
           "proctype Loco(byte id) {", "  byte runs = 0;", "  do",
           f"  :: runs < {rnd.randint(2, 4)} ->",
           "     tower!req,id;", "     reply[id]?ok;", "     onlead++;",
           "     assert(onlead == 1);", '     printf("loco %d on lead (runs %d)\\n", id, runs);',
           "     onlead--;", "     tower!done,id;", "     runs++",
           "  :: else -> break", "  od", "}", "",
           "active proctype Tower() {", "  mtype m; byte who;", "  do", "  :: tower?m,who ->", "     if"]
    if bug:
        out += ["     :: m == req -> reply[who]!ok; busy = true  /* fault: no check of busy */"]
    else:
        out += ["     :: m == req && !busy -> reply[who]!ok; busy = true",
                "     :: m == req && busy -> tower!req,who"]
    out += ["     :: m == done -> busy = false", "     fi", "  :: timeout -> break", "  od;",
            '  printf("tower: lead %d\\n", busy)', "}", "",
            "init {", "  byte i = 0;", "  atomic {", "    do", "    :: i < LOCOS -> run Loco(i); i++",
            "    :: else -> break", "    od", "  }", "}"]
    return "\n".join(out) + "\n"


PML_BAD = {
    "bad_tower.pml": "chan t = [2] of { mtype, byte };\nactive proctype T() {\n  do\n  :: t?req,x -> skip\n  od\n}\n",
    "bad_loco.pml": "active proctype L() {\n  byte n = 0\n  n++;\n  if\n  :: n > 1 -> printf(\"x\\n\")\n  :: else skip\n  fi\n}\n",
    "bad_init.pml": "init { run Loco(0); run Tower() }\nproctype Tower() { skip }\n",
    "bad_expr.pml": "byte lead;\nactive proctype A() { lead = (lead + ) * 2; assert(lead <) }\n",
    "bad_array.pml": "byte cars[4];\nactive proctype A() { cars[9 = 1; cars[0] = tracks }\n",
    "bad_goto.pml": "active proctype A() {\nstart:\n  skip;\n  goto finish\n}\n",
    "bad_run.pml": "proctype L(byte id, byte k) { skip }\ninit { run L(1); run L(1, 2, 3) }\n",
}

LTL = [
    "[] (req -> <> ok)", "[] ! (onlead > 1)", "<> [] ! busy", "[] (req -> (busy U done))",
    "[] <> done && [] <> req", "[] (ok -> X (onlead == 1))", "(<> ok) -> ([] <> ok)",
    "[] (a -> <> (b && <> (c && <> d)))", "! (<> [] busy)", "[] (p U q) || <> r", "[] (req -> <> ok))",
]

YARD_C = r"""#include <stddef.h>

#define TRACKS 12
#define SLOTS 48

int track_len[TRACKS];
int cars_on[TRACKS];
int hump_load[SLOTS];

/* fault: the loop runs to TRACKS inclusive */
int spare_room(void) {
    int room = 0;
    for (int k = 0; k <= TRACKS; k++)
        room += track_len[k] - cars_on[k];
    return room;
}

/* fault: divides by the cars on a track, which may be 0 */
int mean_weight(int k, int total) {
    return total / cars_on[k];
}

int push_rate(int slot, int speed) {
    return hump_load[slot % SLOTS] * speed * 1000 / (speed - 4);
}

int place(int car_len, int k) {
    if (cars_on[k] * 15 + car_len > track_len[k] * 15) return -1;
    cars_on[k]++;
    return k;
}
"""


def yard_c_widen(seed: int, n: int) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        a, b = rnd.randint(2, 11), rnd.randint(1, 9)
        out.append(f"int block_cost_{i}(int *w, int n, int d) {{\n"
                   f"    int acc = {a};\n"
                   f"    for (int j = 0; j <= n; j++)\n"
                   f"        acc += w[j] * {b} - w[j + 1] / (d + {i % 3 - 1});\n"
                   f"    return acc * {rnd.randint(100, 9000)};\n}}\n")
    return YARD_C + "\n" + "\n".join(out)


C_BAD = {
    "lead.c": "int lead[4];\nint take(int k) {\n    lead[k] = 1\n    return k;\n}\n",
    "hump.c": "struct car { int len; };\nint weigh(struct car *c) {\n    return c->weight + missing_scale(c);\n}\n",
    "block.c": "int blocks[8];\nint first(void) { return blocks[0] * ; }\n",
}

WHY_BAD = {
    "track.mlw": "module Track\n  use int.Int\n  let room (len: int) (cars: int) : int = len - cars * true\nend\n",
    "hump.mlw": "module Hump\n  use int.Int\n  let rate (s: int) : int\n    requires { s > 4 }\n  = 1000 / (s - 4\nend\n",
    "loco.mlw": "module Loco\n  use int.Int\n  let power (n: int) : int\n    ensures { result >= 0 }\n  = n * horsepower\nend\n",
    "switch.mlw": "module Switch\n  use int.Int\n  let set (a: int) (b: int) : int = if a then b else 0\nend\n",
    "lead.mlw": "module Lead\n  use int.Int\n  let f (x: int) : int\n    ensures { result > x \n  = x + 1\nend\n",
    "wagon.mlw": "module Wagon\n  use int.Int\n  use list.List\n  let g (l: list int) : int = match l with Nil -> 0 | Cons x -> x end\nend\n",
    "block.mlw": "module Block\n  use int.Int\n  type car = { len: int; block: int }\n  let b (c: car) : int = c.blok\nend\n",
}


def verify(tmp: Path) -> None:
    d = tmp / "railyard" / "verify"
    write_tree(d, {"lead.pml": promela_yard(2631, 3, bug=True), "lead_many.pml": promela_yard(2633, 7, bug=True), **PML_BAD,
                   "yard.c": YARD_C, "yard_all.c": yard_c_widen(2634, 34), **C_BAD, **WHY_BAD,
                   "ltl.txt": "\n".join(LTL) + "\n"})
    cap("spin-msc-lead-many", "spin -c -n2633 lead_many.pml", d, n_spin_msc, timeout=60)
    cap("spin-ltl-never-loop", 'while read -r f; do echo "## $f"; spin -f "$f" 2>&1; done < ltl.txt', d, n_spin_never,
        timeout=60)
    cap("spin-error-bad-loop", 'for f in bad_*.pml; do echo "== $f"; spin -a "$f" 2>&1; done; echo EXIT=$?', d,
        n_spin_error, timeout=60)
    cap("frama-c-print-rte-yard-all", "frama-c -rte -print yard_all.c", d, n_frama_print, timeout=120)
    cap("frama-c-print-rte-yard-tail", "frama-c -rte -warn-signed-overflow -print yard.c | tail -n 80", d,
        n_frama_print, timeout=120)
    cap("frama-c-kernel-error-loop-exit", 'for f in lead.c hump.c block.c; do frama-c -rte -print "$f"; '
        "echo EXIT=$?; done", d, n_frama_kernel_error, timeout=120)
    cap("why3-error-loop", 'for f in *.mlw; do echo "== $f"; why3 prove "$f"; done; echo EXIT=$?', d, n_why3_error,
        timeout=120)


STEPS = [asp, mzn, lp, verify]
