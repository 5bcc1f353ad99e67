"""Round 187, round 140's prover and verifier kinds a fourth time on `ropeway`, an aerial cable car: Coq lemmas on
cabins and the haul rope (`coqc` errors, `Print Assumptions` / `Show` queries, a `coq_makefile` build with one failing
file), WhyML through `why3 prove`, SMT-LIB cabin spacing and maintenance schedules through Z3 and cvc5, TPTP through
the E prover (one theorem, one non-theorem), DIMACS through CaDiCaL and MiniSat, the station controller in C through
Frama-C (Eva, WP, metrics) and splint, a Promela boarding platform through SPIN. Faults put in on purpose; sizes from
seeded generators (seeds 1871-1879). Needles from round 140's extractors, imported. Run through capture_wide187.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide187 import cap
from capture_wide140_proof import (n_coq_make, n_coq_query, n_coqc_error, n_eprover, n_sat_solver, n_smt_cvc5,
                                   n_smt_z3, n_why3_prove)
from capture_wide140_check import n_frama_eva, n_frama_metrics, n_frama_wp, n_spin_pan, n_spin_trail, n_splint

# ------------------------------------------------------------------ Coq

COQ_ROPE = """
(* ropeway: a cabin on the haul rope, its load, the wind speed at its tower, the doors. *)
Require Import Arith Lia List.
Import ListNotations.

Record cabin := mkCabin { load : nat; maxload : nat; wind : nat; doors_shut : bool }.

Definition safe (c : cabin) : Prop := load c <= maxload c /\\ wind c <= 60.

Definition board (c : cabin) (k : nat) : cabin := mkCabin (load c + k) (maxload c) (wind c) (doors_shut c).
Definition alight (c : cabin) (k : nat) : cabin := mkCabin (load c - k) (maxload c) (wind c) (doors_shut c).
Definition gust (c : cabin) (w : nat) : cabin := mkCabin (load c) (maxload c) (wind c + w) (doors_shut c).

Lemma alight_safe : forall c k, safe c -> safe (alight c k).
Proof. intros c k [H1 H2]; unfold safe; simpl; lia. Qed.

Lemma board_room : forall c k, load c + k <= maxload c -> safe c -> safe (board c k).
Proof. intros c k H [H1 H2]; unfold safe; simpl; lia. Qed.

Axiom anemometer_sound : forall c : cabin, wind c <= 120.
Axiom grip_holds : forall c : cabin, doors_shut c = true -> load c <= maxload c.
"""

COQ_LINE = """
Require Import Arith Lia List.
Require Import Rope.
Import ListNotations.

Fixpoint riders (l : list cabin) : nat := match l with [] => 0 | c :: r => load c + riders r end.

Lemma riders_app : forall a b, riders (a ++ b) = riders a + riders b.
Proof. induction a; simpl; intros; [reflexivity | rewrite IHa; lia]. Qed.

Lemma line_comm : forall a b : nat, a + b = b + a.
Proof. intros. apply plus_comm. Qed.

(* Fault put in: a gust keeps the cabin safe only below 60 - w. *)
Lemma gust_safe : forall c w, safe c -> safe (gust c w).
Proof. intros c w [H1 H2]; unfold safe; simpl; split; lia. Qed.

Lemma riders_bound : forall l, riders l <= riders l + length l.
Proof. intros; apply le_plus_l. Qed.

Lemma empty_cabin : forall c, load (alight c (load c)) = 0.
Proof. intros c; simpl; rewrite Nat.sub_diag; reflexivity. Qed.

(* Fault put in: boarding twice adds in the other order, the goal is not syntactic. *)
Lemma board_twice : forall c a b, load (board (board c a) b) = load c + b + a.
Proof. intros; simpl; reflexivity. Qed.
"""


def _coq_tower(rng: random.Random, i: int, fail: bool) -> str:
    out = ["Require Import Arith Lia List.", "Require Import Rope.", ""]
    for j in range(rng.randint(3, 6)):
        a, b = rng.randint(1, 12), rng.randint(1, 30)
        out += [f"Lemma tower{i:02d}_board_{j} : forall c, load c + {a} <= maxload c -> load (board c {a}) <= maxload c.",
                "Proof. intros c H; simpl; lia. Qed.", "",
                f"Lemma tower{i:02d}_span_{j} : forall n m : nat, n + m + {b} = m + n + {b}.",
                "Proof. intros n m. rewrite (plus_comm n m). reflexivity. Qed.", ""]
    if fail:
        c = rng.randint(2, 7)
        out += [f"Lemma tower{i:02d}_sag : forall c k, safe c -> wind (gust c ({c} * k)) <= 60.",
                "Proof.", "  intros c k [_ H2].", "  induction k as [|k IH]; simpl.", "  - lia.", "  - lia.", "Qed.", ""]
    return "\n".join(out)


def _coq_queries(rng: random.Random, n: int) -> str:
    out = ["Require Import Arith Lia List.", "Require Import Rope.", ""]
    for i in range(n):
        a, b = rng.randint(1, 9), rng.randint(1, 9)
        nm = f"span_{i:02d}"
        out += [f"Lemma {nm} : forall (c : cabin) (k : nat), load c + {a} * k <= maxload c -> "
                f"load c + {b} <= maxload c + {b} * S k.",
                "Proof.", "  intros c k H.", "  Show.", "  destruct k as [|k].", "  - Show.", "    lia.",
                "  - lia.", "Qed.", ""]
        if i % 4 == 3:
            out += [f"Print Assumptions {nm}.", ""]
    out += ["Lemma wind_bound : forall c, wind c <= 120.", "Proof. apply anemometer_sound. Qed.", "",
            "Lemma shut_safe_load : forall c, doors_shut c = true -> load c <= maxload c.",
            "Proof. apply grip_holds. Qed.", "",
            "Print Assumptions wind_bound.", "Print Assumptions shut_safe_load.", "Print Assumptions alight_safe.",
            "Print safe.", "Check board_room.", "Check gust_missing.", ""]
    return "\n".join(out)


def cap_coq(tmp: Path) -> None:
    d = tmp / "coq"
    rng = random.Random(1871)
    towers = {f"Tower{i:02d}.v": _coq_tower(rng, i, i in (3, 7)) for i in range(10)}
    write_tree(d, {"Rope.v": COQ_ROPE, "Line.v": COQ_LINE, **towers,
                   "_CoqProject": "-Q . \"\"\nRope.v\n" + "".join(f"{t}\n" for t in towers) + "Line.v\n"})
    run("coqc -Q . '' Rope.v", cwd=d, timeout=300)
    cap("coqc-error-towers-loop-echo", "for f in Tower*.v; do coqc -Q . '' $f || echo \"FAILED: $f\"; done; "
        "echo EXIT=$?", d, n_coqc_error, timeout=900)
    cap("coqc-error-line-head-60", "coqc -Q . '' Line.v 2>&1 | head -n 60", d, n_coqc_error, timeout=300)
    write_tree(d, {"Spans.v": _coq_queries(random.Random(1872), 16)})
    cap("coq-query-spans-echo", "coqc -Q . '' Spans.v; echo EXIT=$?", d, n_coq_query, timeout=600)
    run("rm -f *.vo *.vok *.vos *.glob .*.aux Spans.v", cwd=d)
    run("coq_makefile -f _CoqProject -o CoqMakefile", cwd=d)
    cap("coq-make-tail-70", "make -f CoqMakefile 2>&1 | tail -n 70", d, n_coq_make, timeout=900)


# ------------------------------------------------------------------ Why3

def _whyml(rng: random.Random, n: int) -> str:
    out = ["module Station", "  use int.Int", "  use int.ComputerDivision", "",
           "  let alight (load k : int) : int",
           "    requires { 0 <= k }",
           "    ensures  { 0 <= result }  (* fault: k may exceed load *)",
           "  = load - k", "",
           "  let headway (cabins len : int) : int",
           "    requires { 0 < cabins /\\ 0 <= len }",
           "    ensures  { result * cabins <= len }",
           "  = div len cabins", "",
           "  let rec seats (k : int) : int",
           "    requires { k >= 0 }",
           "    variant { k }",
           "    ensures { result = 8 * k + 2 }  (* fault: should be 8 * k *)",
           "  = if k = 0 then 0 else 8 + seats (k - 1)", "",
           "end", ""]
    for t in range(n):
        out += [f"module Tower{t:02d}", "  use int.Int", ""]
        for g in range(rng.randint(3, 6)):
            a, b, c = rng.randint(1, 60), rng.randint(1, 60), rng.randint(0, 9)
            r = rng.random()
            if r < 0.7:
                out += [f"  goal g{g}_load : forall x y : int. 0 <= x <= {a} -> 0 <= y <= {b} -> x + y <= {a + b}"]
            elif r < 0.87:
                out += [f"  goal g{g}_sag : forall x : int. x * x + {c} > {c}  (* fault: x = 0 *)"]
            else:
                out += [f"  goal g{g}_wind : forall x y : int. x > 1 -> y > 1 -> x * y * {c + 1} > x + y"]
        out += ["end", ""]
    return "\n".join(out)


def cap_why3(tmp: Path) -> None:
    d = tmp / "why3"
    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {"HOME": str(home)}
    run("why3 config detect", cwd=tmp, env=env)
    write_tree(d, {"ropeway.mlw": _whyml(random.Random(1873), 22), "small.mlw": _whyml(random.Random(1874), 6)})
    cap("why3-prove-z3-ropeway-echo", "why3 prove -P z3 -t 2 ropeway.mlw; echo EXIT=$?", d, n_why3_prove,
        env=env, timeout=900)
    cap("why3-prove-split-small-tail-90", "why3 prove -P z3 -t 1 -a split_vc small.mlw 2>&1 | tail -n 90", d,
        n_why3_prove, env=env, timeout=900)


# ------------------------------------------------------------------ SMT-LIB

def _smt_spacing(rng: random.Random, n: int) -> str:
    out = ["(set-option :produce-models true)", "(set-logic QF_LIA)"]
    for i in range(n):
        out += [f"(declare-const pos_{i} Int)", f"(declare-const open_{i} Bool)"]
    for i in range(n):
        out += [f"(assert (and (>= pos_{i} 0) (<= pos_{i} {rng.randint(6000, 9000)})))",
                f"(assert (=> open_{i} (>= pos_{i} {rng.randint(10, 300)})))"]
        if i:
            out.append(f"(assert (>= pos_{i} (+ pos_{i - 1} {rng.randint(20, 60)})))")
    out += [f"(assert (= (+ {' '.join(f'pos_{i}' for i in range(0, n, 4))}) {n * 300}))",
            f"(assert open_{n // 2})", "(check-sat)", "(get-model)"]
    return "\n".join(out) + "\n"


def _smt_core(rng: random.Random, n: int) -> str:
    out = ["(set-option :produce-unsat-cores true)", "(set-logic QF_LIA)"]
    for i in range(n):
        out.append(f"(declare-const hour_{i} Int)")
    for i in range(n):
        out.append(f"(assert (! (>= hour_{i} {rng.randint(0, 4)}) :named opens_{i}))")
        if i:
            out.append(f"(assert (! (>= hour_{i} (+ hour_{i - 1} {rng.randint(2, 6)})) :named inspect_{i}))")
    out += [f"(assert (! (<= hour_{n - 1} {n * 2}) :named season_start))", "(check-sat)", "(get-unsat-core)"]
    return "\n".join(out) + "\n"


BAD_SMT = ("(set-logic QF_LIA)\n(declare-const sag Int)\n(assert (> sag 3))\n(assert (< sag (+ 1 true)))\n"
           "(check-sat)\n(get-model)\n(assert (< sga 0))\n(check-sat)\n(get-value (sag))\n")
HARD_SMT = ("(set-logic QF_NIA)\n(declare-const a Int)\n(declare-const b Int)\n(declare-const c Int)\n"
            "(assert (> a 0))\n(assert (> b 0))\n(assert (> c 0))\n"
            "(assert (= (+ (* a a a) (* b b b)) (* c c c)))\n(check-sat)\n(get-info :reason-unknown)\n")


def cap_smt(tmp: Path) -> None:
    d = tmp / "smt"
    rng = random.Random(1875)
    write_tree(d, {"spacing.smt2": _smt_spacing(rng, 56), "season.smt2": _smt_core(rng, 40), "bad.smt2": BAD_SMT,
                   "cubes.smt2": HARD_SMT})
    cap("smt-z3-spacing-model-st", "z3 -st spacing.smt2", d, n_smt_z3, timeout=120)
    cap("smt-z3-loop-core-bad-cubes-echo", "for f in season.smt2 bad.smt2 cubes.smt2; do echo \"== $f\"; "
        "z3 -T:5 $f; echo EXIT=$?; done", d, n_smt_z3, timeout=120)
    cap("smt-cvc5-season-core-stats", "cvc5 --stats --produce-unsat-cores season.smt2 2>&1 | head -n 140", d,
        n_smt_cvc5, timeout=120)
    cap("smt-cvc5-spacing-model-echo", "cvc5 --produce-models spacing.smt2; echo EXIT=$?", d, n_smt_cvc5, timeout=120)


# ------------------------------------------------------------------ E prover

def _tptp_line(rng: random.Random, n: int, provable: bool) -> str:
    out = ["fof(haul_assoc, axiom, ![X,Y,Z]: splice(splice(X,Y),Z) = splice(X,splice(Y,Z))).",
           "fof(haul_unit, axiom, ![X]: splice(bare,X) = X).",
           "fof(haul_inv, axiom, ![X]: splice(unsplice(X),X) = bare)."]
    for i in range(n):
        out.append(f"fof(tower_{i}, axiom, inspected(t{i}) => inspected(t{i + 1})).")
        if rng.random() < 0.2:
            out.append(f"fof(grip_{i}, axiom, ![X]: (inspected(t{i}) => gripped(splice(X, t{i})))).")
    out.append("fof(base, axiom, inspected(t0)).")
    if provable:
        out.append(f"fof(goal, conjecture, (inspected(t{n}) & ![X]: splice(X,unsplice(X)) = bare)).")
    else:
        out.append(f"fof(goal, conjecture, (inspected(t{n}) & gripped(splice(bare, t{n})))).")
    return "\n".join(out) + "\n"


def cap_eprover(tmp: Path) -> None:
    d = tmp / "eprover"
    write_tree(d, {"line.p": _tptp_line(random.Random(1876), 110, True),
                   "grip.p": _tptp_line(random.Random(1877), 40, False)})
    cap("eprover-line-proof-stats", "eprover --auto --proof-object --print-statistics line.p", d, n_eprover,
        timeout=300)
    cap("eprover-grip-no-proof-echo", "eprover --auto --print-statistics --cpu-limit=20 grip.p; echo EXIT=$?", d,
        n_eprover, timeout=300)


# ------------------------------------------------------------------ SAT

def _cnf_random(rng: random.Random, nv: int, nc: int) -> str:
    cls = []
    for _ in range(nc):
        vs = rng.sample(range(1, nv + 1), 3)
        cls.append(" ".join(str(v if rng.random() < 0.5 else -v) for v in vs) + " 0")
    return f"c ropeway cabin-to-slot assignment, random 3-SAT\np cnf {nv} {nc}\n" + "\n".join(cls) + "\n"


def _cnf_pigeon(n: int) -> str:
    var = lambda b, c: b * n + c + 1  # noqa: E731
    cls = [" ".join(str(var(b, c)) for c in range(n)) + " 0" for b in range(n + 1)]
    for c in range(n):
        for b1 in range(n + 1):
            for b2 in range(b1 + 1, n + 1):
                cls.append(f"-{var(b1, c)} -{var(b2, c)} 0")
    return f"c {n + 1} cabins, {n} parking rails\np cnf {(n + 1) * n} {len(cls)}\n" + "\n".join(cls) + "\n"


def cap_sat(tmp: Path) -> None:
    d = tmp / "sat"
    rng = random.Random(1878)
    write_tree(d, {"slots.cnf": _cnf_random(rng, 320, 1300), "rails.cnf": _cnf_pigeon(8)})
    cap("sat-solver-cadical-slots-echo", "cadical slots.cnf | head -n 120; echo EXIT=$?", d, n_sat_solver, timeout=300)
    cap("sat-solver-minisat-rails", "minisat rails.cnf", d, n_sat_solver, timeout=300)


# ------------------------------------------------------------------ Frama-C, splint

STATION_C = """
/* ropeway: the station controller. Faults put in: a loop reading one past the anemometer array, a division by a
   cabin count that may be zero, a contract the code does not keep, a speed read before it is set. */
#define NANEMO 6

int anemo[NANEMO];
int rope_speed;

/*@ requires 0 <= n <= NANEMO;
    assigns \\nothing;
    ensures \\result >= 0; */
int mean_wind(int n)
{
  int i, sum = 0;
  for (i = 0; i <= n; i++) {
    sum += anemo[i];
  }
  return sum / n;
}

/*@ requires load >= 0 && maxload > 0;
    ensures \\result <= maxload; */
int board(int load, int maxload, int riders)
{
  return load + riders;
}

/*@ requires 0 <= w <= 120;
    ensures 0 <= \\result <= 6; */
int speed_for_wind(int w)
{
  if (w > 60) return 0;
  if (w > 40) return 3;
  return 7;
}

int station_main(void)
{
  int s;
  int w = mean_wind(NANEMO);
  int l = board(30, 35, 8);
  if (w < 100) s = speed_for_wind(w);
  rope_speed = s;
  return l + rope_speed;
}
"""


def _gen_c(rng: random.Random, n: int) -> str:
    out = ["/* ropeway: generated tower handlers (C89). */", "#define NTOWERS 12", "int towers[NTOWERS];", ""]
    for i in range(n):
        k = rng.randint(1, 15)
        idx = rng.randint(0, 11) if rng.random() < 0.85 else 12 + rng.randint(0, 2)
        lo = rng.randint(3, 40)
        out += [f"int tower_{i:02d}(int x)", "{", "  int r;", f"  r = towers[{idx}] + x * {k};",
                f"  if (x > {lo}) {{", f"    r = r / (x - {rng.randint(3, 40)});", "  }",
                *(["  while (r > 1000) {", "    r = r - 7;", "  }"] if rng.random() < 0.3 else []),
                "  return r;", "}", ""]
    out += ["int towers_main(void)", "{", "  int s = 0;"] + [f"  s += tower_{i:02d}(s);" for i in range(n)] + [
        "  return s;", "}", ""]
    return "\n".join(out)


def cap_frama(tmp: Path) -> None:
    d = tmp / "frama"
    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {"HOME": str(home)}
    write_tree(d, {"station.c": STATION_C, "towers.c": _gen_c(random.Random(1879), 48)})
    cap("frama-c-eva-station-echo", "frama-c -eva -main station_main station.c; echo EXIT=$?", d, n_frama_eva,
        env=env, timeout=600)
    cap("frama-c-eva-towers-head-150", "frama-c -eva -main towers_main towers.c 2>&1 | head -n 150", d, n_frama_eva,
        env=env, timeout=600)
    cap("frama-c-wp-station", "frama-c -wp -wp-prover z3 -wp-timeout 3 station.c", d, n_frama_wp, env=env, timeout=600)
    cap("frama-c-metrics-towers-by-function", "frama-c -metrics -metrics-by-function towers.c station.c", d,
        n_frama_metrics, env=env)
    cap("splint-station-towers-echo", "splint station.c towers.c; echo EXIT=$?", d, n_splint)


# ------------------------------------------------------------------ SPIN

PLATFORM = """
/* ropeway: the boarding platform. The gate opens while a cabin is in the station; the drive moves cabins on. Fault put
   in: in manual mode the drive may move a cabin while the gate is still open. */
#define CABINS %(n)d
bool gate_open = false, moving = false;
byte boarded = 0;
bool manual = false;

active proctype Gate() {
  byte i = 0;
  do
  :: i < CABINS -> (!moving); gate_open = true; printf("board cabin %%d\\n", i); gate_open = false; i++
  :: i == CABINS -> break
  od
}

active proctype Drive() {
  byte j = 0;
  do
  :: j < CABINS ->
     if
     :: manual -> moving = true
     :: !manual -> (!gate_open); moving = true
     fi;
     printf("move cabin %%d\\n", j); moving = false; j++; boarded++
  :: j == CABINS -> break
  od
}

active proctype Operator() {
  do
  :: boarded > 2 -> manual = true; break
  :: boarded <= 2 -> skip
  od
}

active proctype Interlock() {
  do
  :: assert(!(gate_open && moving))
  od
}
"""


def cap_spin(tmp: Path) -> None:
    d = tmp / "spin"
    write_tree(d, {"platform.pml": PLATFORM % {"n": 5}})
    cap("spin-pan-platform-echo", "spin -a platform.pml && gcc -O1 -DSAFETY -o pan pan.c && ./pan; echo EXIT=$?", d,
        n_spin_pan, timeout=600)
    cap("spin-trail-platform-head-200", "spin -t -p -g -l platform.pml | head -n 200", d, n_spin_trail)


STEPS = [cap_coq, cap_why3, cap_smt, cap_eprover, cap_sat, cap_frama, cap_spin]
