"""Round 150, round 140's prover and verifier kinds again on `vintner`'s cellar: Coq lemmas on fermentation tanks
(`coqc` errors, `Print Assumptions` / `Show` queries, a `coq_makefile` build with one failing file), WhyML through
`why3 prove`, SMT-LIB blending schedules through Z3 and cvc5, TPTP through the E prover, DIMACS through CaDiCaL and
MiniSat, a tank controller in C through Frama-C (Eva, WP, metrics) and splint, a Promela bottling line through SPIN.
Faults put in on purpose; sizes from seeded generators. Needles from round 140's extractors, imported. Run through
capture_wide150.py."""

from __future__ import annotations

import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide150 import cap
from capture_wide140_proof import (n_coq_make, n_coq_query, n_coqc_error, n_eprover, n_sat_solver, n_smt_cvc5,
                                   n_smt_z3, n_why3_prove)
from capture_wide140_check import n_frama_eva, n_frama_metrics, n_frama_wp, n_spin_pan, n_spin_trail, n_splint

# ------------------------------------------------------------------ Coq

COQ_TANK = """
(* A fermentation tank: volume, capacity, temperature band. *)
Require Import Arith Lia List.
Import ListNotations.

Record tank := mkTank { vol : nat; capa : nat; temp : nat; lid_closed : bool }.

Definition ok (t : tank) : Prop := vol t <= capa t /\\ 12 <= temp t /\\ temp t <= 28.

Definition pump_in (t : tank) (n : nat) : tank := mkTank (vol t + n) (capa t) (temp t) (lid_closed t).
Definition rack (t : tank) (n : nat) : tank := mkTank (vol t - n) (capa t) (temp t) (lid_closed t).
Definition chill (t : tank) : tank := mkTank (vol t) (capa t) (temp t - 2) (lid_closed t).

Lemma rack_ok : forall t n, ok t -> ok (rack t n).
Proof. intros t n [H1 [H2 H3]]; unfold ok; simpl; lia. Qed.

Lemma pump_room : forall t n, vol t + n <= capa t -> ok t -> ok (pump_in t n).
Proof. intros t n H [H1 [H2 H3]]; unfold ok; simpl; lia. Qed.

Axiom probe_calibrated : forall t : tank, temp t <= 40.
Axiom lid_sensor_reliable : forall t : tank, lid_closed t = true \\/ lid_closed t = false.
"""

COQ_BLEND = """
Require Import Arith Lia List.
Require Import Tank.
Import ListNotations.

Fixpoint litres (l : list tank) : nat := match l with [] => 0 | t :: r => vol t + litres r end.

Lemma litres_app : forall a b, litres (a ++ b) = litres a + litres b.
Proof. induction a; simpl; intros; [reflexivity | rewrite IHa; lia]. Qed.

Lemma litres_rev : forall l, litres (rev l) = litres l.
Proof. induction l; simpl; auto. rewrite litres_app; simpl; lia. Qed.

Lemma blend_comm : forall a b : nat, a + b = b + a.
Proof. intros. apply plus_comm. Qed.

(* Fault put in: chilling keeps the tank ok only when it is at least 14 degrees. *)
Lemma chill_ok : forall t, ok t -> ok (chill t).
Proof. intros t [H1 [H2 H3]]; unfold ok; simpl; split; [lia | split; lia]. Qed.

Lemma blend_bound : forall l, litres l <= litres l + length l.
Proof. intros; apply le_plus_l. Qed.

Lemma stuck_rack : forall t, vol (rack t (vol t)) = 0.
Proof. intros t; simpl; rewrite Nat.sub_diag; reflexivity. Qed.

Lemma pump_twice : forall t a b, vol (pump_in (pump_in t a) b) = vol t + b + a.
Proof. intros; simpl; reflexivity. Qed.
"""


def _coq_cellar(rng: random.Random, i: int, fail: bool) -> str:
    out = ["Require Import Arith Lia List.", "Require Import Tank.", ""]
    for j in range(rng.randint(3, 5)):
        a, b = rng.randint(1, 20), rng.randint(1, 20)
        out += [f"Lemma cellar{i:02d}_fill_{j} : forall t, vol t + {a} <= capa t -> vol (pump_in t {a}) <= capa t.",
                "Proof. intros t H; simpl; lia. Qed.", "",
                f"Lemma cellar{i:02d}_sum_{j} : forall n m : nat, n + m + {b} = m + n + {b}.",
                "Proof. intros n m. rewrite (plus_comm n m). reflexivity. Qed.", ""]
    if fail:
        c = rng.randint(2, 9)
        out += [f"Lemma cellar{i:02d}_overflow : forall t k, ok t -> vol t + {c} * k <= capa t.",
                "Proof.", "  intros t k [H1 _].", "  induction k; simpl.", "  - lia.", "  - lia.", "Qed.", ""]
    return "\n".join(out)


def _coq_queries(rng: random.Random, n: int) -> str:
    out = ["Require Import Arith Lia List.", "Require Import Tank.", ""]
    for i in range(n):
        a, b = rng.randint(1, 12), rng.randint(1, 12)
        nm = f"vat_{i:02d}"
        out += [f"Lemma {nm} : forall (t : tank) (k : nat), vol t + {a} * k <= capa t -> vol t + {b} <= capa t + {b} * S k.",
                "Proof.", "  intros t k H.", "  Show.", "  destruct k as [|k].", "  - Show.", "    lia.",
                "  - Show.", "    lia.", "Qed.", ""]
        if i % 5 == 4:
            out += [f"Print Assumptions {nm}.", ""]
    out += ["Lemma temp_bound : forall t, temp t <= 40.", "Proof. apply probe_calibrated. Qed.", "",
            "Print Assumptions temp_bound.", "Print Assumptions rack_ok.", "Print ok.", "Check pump_room.",
            "Print Assumptions lid_sensor_reliable.", ""]
    return "\n".join(out)


def cap_coq(tmp: Path) -> None:
    d = tmp / "coq"
    rng = random.Random(1502)
    cellars = {f"Cellar{i:02d}.v": _coq_cellar(rng, i, i in (2, 6)) for i in range(9)}
    write_tree(d, {"Tank.v": COQ_TANK, "Blend.v": COQ_BLEND, **cellars,
                   "_CoqProject": "-Q . \"\"\nTank.v\n" + "".join(f"{c}\n" for c in cellars) + "Blend.v\n"})
    run("coqc -Q . '' Tank.v", cwd=d, timeout=300)
    cap("coqc-error-cellars-loop-echo", "for f in Cellar0*.v Blend.v; do coqc -Q . '' $f || echo \"FAILED: $f\"; "
        "done; echo EXIT=$?", d, n_coqc_error, timeout=900)
    write_tree(d, {"Vats.v": _coq_queries(random.Random(1503), 18)})
    cap("coq-query-vats-head-150", "coqc -Q . '' Vats.v | head -n 150", d, n_coq_query, timeout=600)
    run("rm -f *.vo *.vok *.vos *.glob .*.aux Vats.v", cwd=d)
    run("coq_makefile -f _CoqProject -o CoqMakefile", cwd=d)
    cap("coq-make-k-tail-80", "make -k -f CoqMakefile 2>&1 | tail -n 80", d, n_coq_make, timeout=900)


# ------------------------------------------------------------------ Why3

def _whyml(rng: random.Random, n: int) -> str:
    out = ["module Cellar", "  use int.Int", "  use int.ComputerDivision", "",
           "  let rack (vol n : int) : int",
           "    requires { 0 <= n }",
           "    ensures  { 0 <= result }  (* fault: n may exceed vol *)",
           "  = vol - n", "",
           "  let blend (a b : int) : int",
           "    requires { 0 <= a /\\ 0 <= b }",
           "    ensures  { 2 * result <= a + b }",
           "  = div (a + b) 2", "",
           "  let rec bottles (k : int) : int",
           "    requires { k >= 0 }",
           "    variant { k }",
           "    ensures { result = 6 * k + 1 }  (* fault: should be 6 * k *)",
           "  = if k = 0 then 0 else 6 + bottles (k - 1)", "",
           "end", ""]
    for t in range(n):
        out += [f"module Tank{t:02d}", "  use int.Int", ""]
        for g in range(rng.randint(3, 7)):
            a, b, c = rng.randint(1, 50), rng.randint(1, 50), rng.randint(0, 9)
            r = rng.random()
            if r < 0.72:
                out += [f"  goal g{g}_vol : forall x y : int. 0 <= x <= {a} -> 0 <= y <= {b} -> x + y <= {a + b}"]
            elif r < 0.88:
                out += [f"  goal g{g}_temp : forall x : int. x * x + {c} > {c}  (* fault: x = 0 *)"]
            else:
                out += [f"  goal g{g}_mix : forall x y : int. x > 0 -> y > 0 -> x * y * {c + 2} > x + y"]
        out += ["end", ""]
    return "\n".join(out)


def cap_why3(tmp: Path) -> None:
    d = tmp / "why3"
    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {"HOME": str(home)}
    run("why3 config detect", cwd=tmp, env=env)
    write_tree(d, {"cellar.mlw": _whyml(random.Random(1504), 16)})
    cap("why3-prove-z3-split-echo", "why3 prove -P z3 -t 2 -a split_vc cellar.mlw; echo EXIT=$?", d, n_why3_prove,
        env=env, timeout=900)


# ------------------------------------------------------------------ SMT-LIB

def _smt_blend(rng: random.Random, n: int) -> str:
    out = ["(set-option :produce-models true)", "(set-logic QF_LIA)"]
    for i in range(n):
        out += [f"(declare-const lit_{i} Int)", f"(declare-const use_{i} Bool)"]
    for i in range(n):
        out += [f"(assert (and (>= lit_{i} 0) (<= lit_{i} {rng.randint(200, 900)})))",
                f"(assert (=> (not use_{i}) (= lit_{i} 0)))"]
        if i % 3 == 2:
            out.append(f"(assert (<= (+ lit_{i - 2} lit_{i - 1} lit_{i}) {rng.randint(900, 1500)}))")
    out += [f"(assert (= (+ {' '.join(f'lit_{i}' for i in range(n))}) {n * 180}))",
            f"(assert (not use_{n - 1}))", "(check-sat)", "(get-model)"]
    return "\n".join(out) + "\n"


def _smt_core(rng: random.Random, n: int) -> str:
    out = ["(set-option :produce-unsat-cores true)", "(set-logic QF_LIA)"]
    for i in range(n):
        out.append(f"(declare-const day_{i} Int)")
    for i in range(n):
        out.append(f"(assert (! (>= day_{i} {rng.randint(0, 3)}) :named earliest_{i}))")
        if i:
            out.append(f"(assert (! (>= day_{i} (+ day_{i - 1} {rng.randint(3, 8)})) :named ferment_{i}))")
    out += [f"(assert (! (<= day_{n - 1} {n * 2}) :named bottling_date))", "(check-sat)", "(get-unsat-core)"]
    return "\n".join(out) + "\n"


def cap_smt(tmp: Path) -> None:
    d = tmp / "smt"
    rng = random.Random(1505)
    write_tree(d, {"blend.smt2": _smt_blend(rng, 48), "schedule.smt2": _smt_core(rng, 36),
                   "bad.smt2": "(set-logic QF_LIA)\n(declare-const brix Int)\n(assert (> brix 22))\n"
                               "(assert (< brix (* 2 false)))\n(check-sat)\n(get-model)\n(assert (< birx 0))\n"
                               "(check-sat)\n(get-value (brix))\n"})
    cap("smt-z3-blend-model-st", "z3 -st blend.smt2", d, n_smt_z3, timeout=120)
    cap("smt-z3-loop-echo", "for f in schedule.smt2 bad.smt2; do echo \"== $f\"; z3 $f; echo EXIT=$?; done", d, n_smt_z3)
    cap("smt-cvc5-schedule-stats", "cvc5 --stats --produce-unsat-cores schedule.smt2", d, n_smt_cvc5, timeout=120)
    cap("smt-cvc5-blend-models-echo", "cvc5 --produce-models --stats blend.smt2 2>&1 | head -n 120; echo EXIT=$?", d,
        n_smt_cvc5, timeout=120)


# ------------------------------------------------------------------ E prover

def _tptp_cellar(rng: random.Random, n: int) -> str:
    out = ["fof(assoc, axiom, ![X,Y,Z]: mix(mix(X,Y),Z) = mix(X,mix(Y,Z))).",
           "fof(unit, axiom, ![X]: mix(water,X) = X).",
           "fof(inv, axiom, ![X]: mix(undo(X),X) = water)."]
    for i in range(n):
        out.append(f"fof(rack_{i}, axiom, clear(v{i}) => clear(v{i + 1})).")
        if rng.random() < 0.25:
            out.append(f"fof(fine_{i}, axiom, ![X]: (clear(v{i}) => fined(mix(X, v{i})))).")
    out += ["fof(start, axiom, clear(v0)).",
            f"fof(goal, conjecture, (clear(v{n}) & ![X]: mix(X,undo(X)) = water))."]
    return "\n".join(out) + "\n"


def cap_eprover(tmp: Path) -> None:
    d = tmp / "eprover"
    write_tree(d, {"cellar.p": _tptp_cellar(random.Random(1506), 90)})
    cap("eprover-cellar-proof-stats", "eprover --auto --proof-object --print-statistics cellar.p", d, n_eprover,
        timeout=300)


# ------------------------------------------------------------------ SAT

def _cnf_random(rng: random.Random, nv: int, nc: int) -> str:
    cls = []
    for _ in range(nc):
        vs = rng.sample(range(1, nv + 1), 3)
        cls.append(" ".join(str(v if rng.random() < 0.5 else -v) for v in vs) + " 0")
    return f"c vintner barrel rotation, random 3-SAT\np cnf {nv} {nc}\n" + "\n".join(cls) + "\n"


def _cnf_pigeon(n: int) -> str:
    var = lambda b, c: b * n + c + 1  # noqa: E731
    cls = [" ".join(str(var(b, c)) for c in range(n)) + " 0" for b in range(n + 1)]
    for c in range(n):
        for b1 in range(n + 1):
            for b2 in range(b1 + 1, n + 1):
                cls.append(f"-{var(b1, c)} -{var(b2, c)} 0")
    return f"c {n + 1} vats, {n} presses\np cnf {(n + 1) * n} {len(cls)}\n" + "\n".join(cls) + "\n"


def cap_sat(tmp: Path) -> None:
    d = tmp / "sat"
    rng = random.Random(1507)
    write_tree(d, {"rotation.cnf": _cnf_random(rng, 400, 1640), "vats.cnf": _cnf_pigeon(7)})
    cap("sat-solver-cadical-rotation-echo", "cadical rotation.cnf; echo EXIT=$?", d, n_sat_solver, timeout=300)
    cap("sat-solver-minisat-vats", "minisat vats.cnf", d, n_sat_solver, timeout=300)


# ------------------------------------------------------------------ Frama-C, splint

TANK_C = """
/* vintner: a fermentation tank controller. Faults put in: an index one past the probe array, a division by a
   count that may be zero, a contract the code does not keep. */
#define NPROBES 8

int probes[NPROBES];
int setpoint = 18;

/*@ requires 0 <= n <= NPROBES;
    assigns \\nothing;
    ensures \\result >= 0; */
int average_temp(int n)
{
  int i, sum = 0;
  for (i = 0; i <= n; i++) {
    sum += probes[i];
  }
  return sum / n;
}

/*@ requires vol >= 0 && cap > 0;
    ensures \\result <= cap; */
int pump_in(int vol, int cap, int litres)
{
  return vol + litres;
}

/*@ requires 0 <= t <= 40;
    ensures 12 <= \\result <= 28; */
int clamp_setpoint(int t)
{
  if (t < 12) return 12;
  if (t > 28) return 27;
  return t;
}

int tank_main(void)
{
  int t = average_temp(NPROBES);
  int v = pump_in(900, 1000, 250);
  setpoint = clamp_setpoint(t);
  return v + setpoint;
}
"""


def _gen_c(rng: random.Random, n: int) -> str:
    out = ["/* vintner: generated barrel handlers (C89). */", "#define NBARRELS 16", "int barrels[NBARRELS];", ""]
    for i in range(n):
        k = rng.randint(1, 20)
        off = NB = 16
        idx = rng.randint(0, NB - 1) if rng.random() < 0.85 else NB + rng.randint(0, 3)
        out += [f"int barrel_{i:02d}(int x)", "{", "  int r;", f"  r = barrels[{idx}] + x * {k};",
                f"  if (x > {rng.randint(5, 50)}) {{", f"    r = r / (x - {rng.randint(5, 50)});", "  }",
                "  return r;", "}", ""]
        del off
    out += ["int barrels_main(void)", "{", "  int s = 0;"] + [f"  s += barrel_{i:02d}(s);" for i in range(n)] + [
        "  return s;", "}", ""]
    return "\n".join(out)


def cap_frama(tmp: Path) -> None:
    d = tmp / "frama"
    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    env = {"HOME": str(home)}
    write_tree(d, {"tank.c": TANK_C, "barrels.c": _gen_c(random.Random(1508), 40)})
    cap("frama-c-eva-tank", "frama-c -eva -main tank_main tank.c", d, n_frama_eva, env=env, timeout=600)
    cap("frama-c-eva-barrels-tail-100", "frama-c -eva -main barrels_main barrels.c 2>&1 | tail -n 100", d, n_frama_eva,
        env=env, timeout=600)
    cap("frama-c-wp-tank-echo", "frama-c -wp -wp-prover z3 -wp-timeout 3 tank.c; echo EXIT=$?", d, n_frama_wp, env=env,
        timeout=600)
    cap("frama-c-metrics-barrels", "frama-c -metrics -metrics-by-function barrels.c", d, n_frama_metrics, env=env)
    cap("splint-tank-barrels", "splint tank.c barrels.c", d, n_splint)


# ------------------------------------------------------------------ SPIN

BOTTLING = """
/* vintner: a bottling line, filler and capper share a conveyor slot. Fault put in: the capper may take the slot while
   the filler still holds it when the line runs fast. */
#define BOTTLES %(n)d
bool filling = false, capping = false;
byte done = 0;
bool fast = false;

active proctype Filler() {
  byte i = 0;
  do
  :: i < BOTTLES -> filling = true; printf("fill bottle %%d\\n", i); filling = false; i++
  :: i == BOTTLES -> break
  od
}

active proctype Capper() {
  byte j = 0;
  do
  :: j < BOTTLES ->
     if
     :: fast -> capping = true
     :: !fast -> (!filling); capping = true
     fi;
     printf("cap bottle %%d\\n", j); capping = false; j++; done++
  :: j == BOTTLES -> break
  od
}

active proctype Speed() {
  do
  :: done > 3 -> fast = true; break
  :: done <= 3 -> skip
  od
}

active proctype Monitor() {
  do
  :: assert(!(filling && capping))
  od
}
"""


def cap_spin(tmp: Path) -> None:
    d = tmp / "spin"
    write_tree(d, {"bottling.pml": BOTTLING % {"n": 6}})
    cap("spin-pan-bottling-echo", "spin -a bottling.pml && gcc -O1 -DSAFETY -o pan pan.c && ./pan; echo EXIT=$?", d,
        n_spin_pan, timeout=600)
    cap("spin-trail-bottling-globals", "spin -t -p -g bottling.pml", d, n_spin_trail)


STEPS = [cap_coq, cap_why3, cap_smt, cap_eprover, cap_sat, cap_frama, cap_spin]
