"""Round 140, provers: `sluice`'s Coq development (`coqc` errors, `Print Assumptions` / `Show` queries, a
`coq_makefile` build with one failing file), its WhyML module through `why3 prove` with Z3 and cvc5, SMT-LIB scripts
through Z3 and cvc5 (models, unsat cores, `unknown` with its reason, statistics), TPTP problems through the E prover
and DIMACS CNF through CaDiCaL and MiniSat. Faults put in on purpose; sizes from seeded generators. Run through
capture_wide140.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, mask, run, write_tree
from capture_wide140 import cap
import capture_more as cm

EXIT = re.compile(r"^EXIT=\d+$")
LOC = re.compile(r'^File "[^"]+", line \d+')


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _loc_and_error(lines):
    """Every `File "…", line N` location line followed by an error (not a warning), and that error's first line."""
    out = []
    for i, ln in enumerate(lines):
        if LOC.match(ln) and i + 1 < len(lines) and not lines[i + 1].startswith("Warning"):
            nxt = cm.next_match(lines, i, r"^(Error|error|Anomaly|Syntax error|This expression|Unbound|syntax error)", 2)
            if nxt:
                out += [ln, nxt]
    return out


@cm.kind("coqc-error", "build")
def n_coqc_error(lines):
    """Rules 1+5 on coqc failing: every File "…", line N location line and the Error: line under it, Warning: lines one {"any"} per message shape, an EXIT=N line."""
    out = _loc_and_error(lines)
    out += [ln for ln in lines if ln.startswith("Error:")]
    out += groups((mask(ln), ln) for ln in lines if ln.startswith("Warning:"))
    return out + _exit(lines)


@cm.kind("coq-query", "doc")
def n_coq_query(lines):
    """Rules 1+5 on coqc Print Assumptions / Show / Check output: every Axioms: / Closed under the global context line, every axiom name line under Axioms:, the goal line under each ==== bar, every Error: line with its location, an EXIT=N line."""
    out = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("Closed under the global context"):
            out.append(ln)
        elif ln.startswith("Axioms:"):
            out.append(ln)
            j = i + 1
            while j < len(lines) and lines[j].strip() and not lines[j].startswith(("Closed", "Axioms:", "File ")):
                if not lines[j].startswith(" "):
                    out.append(lines[j])
                j += 1
        elif re.match(r"^\s*={8,}\s*$", ln) and i + 1 < len(lines) and lines[i + 1].strip():
            out.append(lines[i + 1])
        i += 1
    out += _loc_and_error(lines)
    return out + _exit(lines)


@cm.kind("coq-make", "build")
def n_coq_make(lines):
    """Rules 1+3 on a coq_makefile build: the last COQC line before the first error (the file that failed), every File "…", line N location and Error: line, every make: *** / make[N]: *** line, an EXIT=N line."""
    out = []
    first = next((i for i, ln in enumerate(lines) if LOC.match(ln) or ln.startswith("Error:")), None)
    if first is not None:
        coqc = [ln for ln in lines[:first] if re.match(r"^\s*COQC ", ln)]
        out += coqc[-1:]
    out += _loc_and_error(lines)
    out += [ln for ln in lines if ln.startswith("Error:")]
    out += [ln for ln in lines if re.match(r"^make(\[\d+\])?: \*\*\*", ln)]
    return out + _exit(lines)


VERDICT = re.compile(r" : (Valid|Unknown|Timeout|Failed|HighFailure|OutOfMemory|Step limit exceeded|Invalid)\b")


@cm.kind("why3-prove", "test")
def n_why3_prove(lines):
    """Rules 1+2+5 on why3 prove: each goal not Valid (its File line, Goal line and Prover result line, or its `file theory goal : Verdict` line), one {"any"} of the Valid goals' Goal lines per file, every File location followed by an error and that error line, an EXIT=N line."""
    out = [ln for ln in lines if VERDICT.search(ln) and VERDICT.search(ln).group(1) != "Valid"]
    out += groups((ln.split()[1] if len(ln.split()) > 1 else "", ln) for ln in lines
                  if VERDICT.search(ln) and VERDICT.search(ln).group(1) == "Valid")
    valid = []
    for i, ln in enumerate(lines):
        if not ln.startswith("File "):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if re.match(r"^(Sub-goal|Goal) ", nxt):
            res = lines[i + 2] if i + 2 < len(lines) else ""
            if res.startswith("Prover result is: ") and not res.startswith("Prover result is: Valid"):
                out += [ln, nxt, res]
            else:
                valid.append((ln.split(",")[0].rstrip(":"), nxt))
        elif nxt.strip():
            out += [ln, nxt]
    out += groups(valid)
    return out + _exit(lines)


def _smt_common(lines):
    out = [ln for ln in lines if ln.strip() in ("sat", "unsat", "unknown")]
    out += [ln for ln in lines if "(define-fun " in ln]
    for i, ln in enumerate(lines):
        if ln.strip() == "unsat" and i + 1 < len(lines) and re.match(r"^\((\s*[\w.!@$-]+)*\s*\)$", lines[i + 1].strip()):
            out.append(lines[i + 1])
    out += [ln for ln in lines if "(error " in ln or ln.startswith("(error")]
    out += [ln for ln in lines if "reason-unknown" in ln]
    return out


@cm.kind("smt-z3", "log")
def n_smt_z3(lines):
    """Rules 1+5 on z3 over SMT-LIB: every sat/unsat/unknown verdict line, every (define-fun NAME line, every unsat core line, every (error …) line, every :reason-unknown line, the :time, :memory/:max-memory, :conflicts and :decisions statistic lines, an EXIT=N line."""
    out = _smt_common(lines)
    out += [ln for ln in lines if re.match(r"^\s*\(?\s*:(time|memory|max-memory|conflicts|decisions)\s", ln)]
    return out + _exit(lines)


@cm.kind("smt-cvc5", "log")
def n_smt_cvc5(lines):
    """Rules 1+5 on cvc5 over SMT-LIB: as smt-z3 (and rule 1's interrupted by … line), with every statistic line naming time, conflicts or decisions (one {"any"} per name shape when it repeats), an EXIT=N line."""
    out = _smt_common(lines) + [ln for ln in lines if "interrupted by" in ln]
    stat = [ln for ln in lines if re.match(r"^[\w:.<>-]+ = ", ln) and re.search(r"(?i)time|conflicts|decisions", ln.split(" = ")[0])]
    out += groups((mask(ln.split(" = ")[0]), ln) for ln in stat)
    return out + _exit(lines)


@cm.kind("eprover", "log")
def n_eprover(lines):
    """Rules 1+3+5 on the E prover: every # SZS status line, every # Proof found! / # No proof found! / # Failure: line, the # SZS output start / end lines, every proof step naming file( or the negated conjecture, the # Processed clauses, # Generated clauses and # User time statistic lines, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^# (SZS status|SZS output (start|end)|Proof found!|No proof found!|Failure:)", ln)]
    inproof = False
    for ln in lines:
        if ln.startswith("# SZS output start"):
            inproof = True
        elif ln.startswith("# SZS output end"):
            inproof = False
        elif inproof and ("file(" in ln or "negated_conjecture" in ln):
            out.append(ln)
    out += [ln for ln in lines if re.match(r"^# (Processed clauses|Generated clauses|User time)\s*:", ln)]
    return out + _exit(lines)


@cm.kind("sat-solver", "log")
def n_sat_solver(lines):
    """Rules 1+3+5 on a SAT solver over DIMACS: the SATISFIABLE/UNSATISFIABLE verdict line, the first v line of a model, the statistic lines naming conflicts, decisions, propagations and the total time, every ERROR / parse error line, an EXIT=N line."""
    out = [ln for ln in lines if re.match(r"^(s )?(UN)?SAT(ISFIABLE)?\s*$|^s UNKNOWN|^INDETERMINATE", ln)]
    out += [ln for ln in lines if ln.startswith("v ")][:1]
    out += [ln for ln in lines if re.match(r"^c?\s*\|?\s*(conflicts|decisions|propagations)\s*:", ln)]
    out += [ln for ln in lines if re.search(r"(?i)(total (process )?time|CPU time)[^()]*\d", ln)]
    out += [ln for ln in lines if re.search(r"(?i)\berror\b|parse error|PARSE ERROR", ln)]
    return out + _exit(lines)


# ------------------------------------------------------------------ Coq

COQ_GATE = """
(* Gates of a canal lock: each gate is Open or Shut; a lock has an upper and a lower gate. *)
Require Import Arith Lia List.
Import ListNotations.

Inductive gate := Open | Shut.

Record lock := mkLock { upper : gate; lower : gate; level : nat; cap : nat }.

Definition safe (l : lock) : Prop :=
  ~ (upper l = Open /\\ lower l = Open) /\\ level l <= cap l.

Definition open_upper (l : lock) : lock :=
  match lower l with
  | Shut => mkLock Open (lower l) (level l) (cap l)
  | Open => l
  end.

Definition open_lower (l : lock) : lock :=
  match upper l with
  | Shut => mkLock (upper l) Open (level l) (cap l)
  | Open => l
  end.

Lemma open_upper_safe : forall l, safe l -> safe (open_upper l).
Proof.
  intros [u d lv c] [H1 H2]; unfold open_upper, safe in *; simpl in *.
  destruct d; simpl; split; auto; intros [_ H]; discriminate.
Qed.

Lemma open_lower_safe : forall l, safe l -> safe (open_lower l).
Proof.
  intros [u d lv c] [H1 H2]; unfold open_lower, safe in *; simpl in *.
  destruct u; simpl; split; auto; intros [H _]; discriminate.
Qed.

(* The sensor driver is trusted, not proved. *)
Axiom sensor_bounded : forall l : lock, level l <= cap l + 2.
Axiom gate_motor_total : forall g : gate, g = Open \\/ g = Shut.
"""

COQ_LEVEL = """
Require Import Arith Lia List.
Require Import Gate.
Import ListNotations.

Fixpoint fill (l : lock) (n : nat) : lock :=
  match n with
  | 0 => l
  | S k => fill (mkLock (upper l) (lower l) (S (level l)) (cap l)) k
  end.

Lemma fill_level : forall n l, level (fill l n) = level l + n.
Proof.
  induction n; intros l; simpl.
  - lia.
  - rewrite IHn; simpl; lia.
Qed.

Definition drain (l : lock) (n : nat) : lock := mkLock (upper l) (lower l) (level l - n) (cap l).

Lemma drain_le : forall l n, level (drain l n) <= level l.
Proof. intros; simpl; lia. Qed.

Lemma fill_comm : forall l a b, level l + a + b = level l + b + a.
Proof. intros. rewrite <- !plus_assoc, (plus_comm a b). reflexivity. Qed.

Lemma lvl_le : forall l n, level l <= level l + n.
Proof. intros; apply le_plus_l. Qed.

Lemma cap_twice : forall l, 2 * cap l = cap l * 2.
Proof. intros; apply mult_comm. Qed.

Lemma drain_zero : forall l, level (drain l 0) = level l.
Proof. intros; simpl; rewrite <- minus_n_O; reflexivity. Qed.

(* Fault put in: filling keeps the lock under capacity only when there is room, and the premise says nothing. *)
Lemma fill_safe : forall l n, safe l -> safe (fill l n).
Proof.
  intros l n [H1 H2]; split.
  - rewrite fill_upper_lower; auto.
  - rewrite fill_level. lia.
Qed.
"""

COQ_QUEUE = """
Require Import Arith Lia List.
Require Import Gate.
Import ListNotations.

Definition queue := list nat.

Fixpoint total (q : queue) : nat := match q with [] => 0 | x :: r => x + total r end.

Lemma total_app : forall a b, total (a ++ b) = total a + total b.
Proof. induction a; simpl; intros; [reflexivity | rewrite IHa; lia]. Qed.

Lemma total_rev : forall q, total (rev q) = total q.
Proof.
  induction q; simpl; auto.
  rewrite total_app; simpl; lia.
Qed.

Lemma admit_fair : forall q, length q <= total q.
Proof. Admitted.

Theorem passage_ok : forall l, safe l -> level l <= cap l + 2.
Proof. intros l _; apply sensor_bounded. Qed.

Theorem queue_ok : forall q, length (rev q) <= total (rev q).
Proof. intros q; rewrite total_rev, rev_length; apply admit_fair. Qed.
"""


DEPRECATED = ["plus_comm", "plus_assoc", "mult_comm", "le_plus_l", "plus_n_O", "mult_plus_distr_l", "minus_n_O"]


def _coq_chamber(rng: random.Random, i: int, fail: bool) -> str:
    """A chamber's lemmas, written with the 8.16-deprecated Arith names (each use warns); `fail` puts a wrong lemma in."""
    out = ["Require Import Arith Lia List.", "Require Import Gate.", "Import ListNotations.", ""]
    for j in range(rng.randint(3, 6)):
        a = rng.randint(1, 9)
        pick = rng.choice(DEPRECATED[:3])
        out += [f"Lemma ch{i:02d}_comm_{j} : forall n m : nat, n + m + {a} = m + n + {a}.",
                f"Proof. intros n m. rewrite ({pick if pick == 'plus_comm' else 'plus_comm'} n m). reflexivity. Qed.", ""]
        out += [f"Lemma ch{i:02d}_le_{j} : forall n : nat, n <= n + {a}.", "Proof. intros; apply le_plus_l. Qed.", ""]
    if fail:
        b = rng.randint(2, 7)
        out += [f"Lemma ch{i:02d}_capacity : forall (l : lock) (k : nat), level l <= cap l -> level l + {b} * k <= cap l.",
                "Proof.", "  intros l k H.", "  induction k as [|k IH]; simpl.", "  - lia.", "  - lia.", "Qed.", ""]
    return "\n".join(out)


def _coq_queries(rng: random.Random, n: int) -> str:
    """A file of `Show` goals over generated lemmas (each proof's goals shown as it goes), with `Print Assumptions`
    of the theorems, as an agent asks Coq what a proof rests on."""
    out = ["Require Import Arith Lia List.", "Require Import Gate Queue.", "Import ListNotations.", ""]
    for i in range(n):
        a, b = rng.randint(1, 9), rng.randint(1, 9)
        nm = f"chamber_{i:02d}"
        out += [f"Lemma {nm} : forall (l : lock) (k : nat), level l + {a} * k <= cap l -> level l + {b} <= cap l + {b} * S k.",
                "Proof.", "  intros l k H.", "  Show.", "  induction k as [|k IH].", "  - Show.", "    lia.",
                "  - Show.", "    lia.", "Qed.", ""]
        if i % 4 == 3:
            out += [f"Print Assumptions {nm}.", ""]
    out += ["Print Assumptions passage_ok.", "Print Assumptions queue_ok.", "Print Assumptions open_upper_safe.",
            "Check fill_level.", "Print safe.", "Print Assumptions total_rev.", ""]
    return "\n".join(out)


def cap_coq(tmp: Path) -> None:
    d = tmp / "coq"
    rng = random.Random(1401)
    fails = {3, 8}
    chambers = {f"Chamber{i:02d}.v": _coq_chamber(rng, i, i in fails) for i in range(12)}
    write_tree(d, {"Gate.v": COQ_GATE, "Level.v": COQ_LEVEL, "Queue.v": COQ_QUEUE, **chambers,
                   "_CoqProject": "-Q . \"\"\nGate.v\nQueue.v\n" + "".join(f"{c}\n" for c in chambers) + "Level.v\n"})
    run("coqc -Q . '' Gate.v && coqc -Q . '' Queue.v", cwd=d, timeout=300)
    cap("coqc-error-level", "coqc -Q . '' Level.v", d, n_coqc_error)
    broken = COQ_LEVEL.replace("rewrite fill_upper_lower; auto.", "simpl; auto.").replace(
        "(* Fault put in", "Lemma drain_all : forall l, level (drain l (level l)) = 1 /\\ level (fill l 2) = level l + 2.\n"
        "Proof. intros l; split; simpl. lia. Qed.\n\n(* Fault put in")
    write_tree(d, {"Level2.v": broken})
    cap("coqc-error-level2-echo", "coqc -Q . '' Level2.v; echo EXIT=$?", d, n_coqc_error)
    write_tree(d, {"Bad.v": "Require Import Gate.\nDefinition x : nat := true.\nLemma y : 1 = 2.\nProof. reflexivity. Qed.\n"})
    cap("coqc-error-chambers-loop", "for f in Chamber*.v Bad.v; do coqc -Q . '' $f || echo \"FAILED: $f\"; done", d,
        n_coqc_error, timeout=900)
    cap("coqc-error-chambers-grep-v-deprecated-echo", "for f in Chamber0*.v; do coqc -Q . '' $f; done 2>&1 | "
        "grep -v -e 'is obsolete' -e '^\\[deprecated'; echo EXIT=$?", d, n_coqc_error, timeout=900)
    write_tree(d, {"Chambers.v": _coq_queries(random.Random(1407), 24)})
    cap("coq-query-chambers", "coqc -Q . '' Chambers.v", d, n_coq_query, timeout=600)
    write_tree(d, {"Assume.v": "Require Import Gate Queue.\nPrint Assumptions passage_ok.\nPrint Assumptions queue_ok.\n"
                               "Print Assumptions open_lower_safe.\nPrint Assumptions total_app.\nPrint Assumptions total_rev.\n"
                               "Check passage_ok.\nPrint lock.\nPrint open_upper.\nPrint Assumptions sensor_bounded.\n"})
    cap("coq-query-assumptions", "coqc -Q . '' Assume.v", d, n_coq_query)
    # a coq_makefile build: Chamber03.v (and, with -k, Chamber08.v and Level.v) fail
    write_tree(d, {"Level.v": COQ_LEVEL})
    run("rm -f *.vo *.vok *.vos *.glob .*.aux Chambers.v Assume.v Bad.v Level2.v", cwd=d)
    run("coq_makefile -f _CoqProject -o CoqMakefile", cwd=d)
    cap("coq-make-build", "make -f CoqMakefile", d, n_coq_make, timeout=900)
    cap("coq-make-build-k-echo", "make -k -f CoqMakefile 2>&1; echo EXIT=$?", d, n_coq_make, timeout=900)


# ------------------------------------------------------------------ Why3

def _whyml(rng: random.Random, n: int) -> str:
    out = ["module Sluice", "  use int.Int", "  use int.ComputerDivision", "  use ref.Ref", "",
           "  type lock = { mutable level : int; cap : int; mutable upper_open : bool; mutable lower_open : bool }",
           "  invariant { 0 <= level <= cap }", "  invariant { not (upper_open /\\ lower_open) }",
           "  by { level = 0; cap = 1; upper_open = false; lower_open = false }", "",
           "  let fill (l : lock) (n : int) : unit",
           "    requires { 0 <= n }", "    requires { l.level + n <= l.cap }",
           "    ensures  { l.level = old l.level + n }", "  = l.level <- l.level + n", "",
           "  let drain (l : lock) (n : int) : unit",
           "    requires { 0 <= n }",
           "    ensures  { l.level = old l.level - n }  (* fault: no requires n <= level *)",
           "  = l.level <- l.level - n", "",
           "  let open_upper (l : lock) : unit",
           "    ensures { l.upper_open }  (* fault: the lower gate may be open *)",
           "  = l.upper_open <- true", "",
           "  let average (a b : int) : int",
           "    requires { 0 <= a /\\ 0 <= b }",
           "    ensures  { result * 2 <= a + b }",
           "  = div (a + b) 2", "",
           "  let rec passages (k : int) : int",
           "    requires { k >= 0 }",
           "    variant { k }",
           "    ensures { result = k * (k + 1) }  (* fault: should be div by 2 *)",
           "  = if k = 0 then 0 else k + passages (k - 1)", "",
           "  let cube_bound (x y : int) : unit",
           "    requires { 0 < x < y }",
           "    ensures { x * x * x * y < y * y * y * x + x * y * y * y }",
           "  = ()", "", "end", ""]
    for t in range(n):
        out += [f"module Chamber{t:02d}", "  use int.Int", ""]
        for g in range(rng.randint(4, 8)):
            a, b, c = rng.randint(1, 30), rng.randint(1, 30), rng.randint(0, 9)
            kind = rng.random()
            if kind < 0.7:
                out += [f"  goal g{g}_level : forall x y : int. 0 <= x <= {a} -> 0 <= y <= {b} -> x + y <= {a + b}"]
            elif kind < 0.85:
                out += [f"  goal g{g}_gate : forall x : int. x * x + {c} >= {c + 1}  (* fault: x = 0 *)"]
            else:
                out += [f"  goal g{g}_poly : forall x y z : int. x > 0 -> y > 0 -> z > 0 -> "
                        f"x * x * x + y * y * y <> z * z * z"]
        out += ["end", ""]
    return "\n".join(out)


def cap_why3(tmp: Path) -> None:
    d = tmp / "why3"
    d.mkdir(parents=True, exist_ok=True)
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    env = {"HOME": str(home)}
    run("why3 config detect", cwd=d, env=env)
    write_tree(d, {"sluice.mlw": _whyml(random.Random(1402), 14)})
    cap("why3-prove-z3", "why3 prove -P z3 -t 2 sluice.mlw", d, n_why3_prove, env=env, timeout=900)
    cap("why3-prove-cvc4-grep-v-valid", "why3 prove -P cvc4 -t 1 -a split_vc sluice.mlw 2>&1 | grep -v ': Valid'", d,
        n_why3_prove, env=env, timeout=900)
    cap("why3-prove-eprover-split", "why3 prove -P eprover -t 2 -a split_vc sluice.mlw -T Chamber03 -T Chamber07 "
        "-T Chamber11", d, n_why3_prove, env=env, timeout=900)


# ------------------------------------------------------------------ SMT-LIB

def _smt_model(rng: random.Random, n: int) -> str:
    """Gate schedules over n chambers: sat, with a model asked for."""
    out = ["(set-option :produce-models true)", "(set-logic QF_LIA)"]
    for i in range(n):
        out += [f"(declare-const lvl_{i} Int)", f"(declare-const up_{i} Bool)", f"(declare-const down_{i} Bool)"]
    for i in range(n):
        out += [f"(assert (and (>= lvl_{i} 0) (<= lvl_{i} {rng.randint(40, 90)})))",
                f"(assert (not (and up_{i} down_{i})))"]
        if i:
            out.append(f"(assert (=> down_{i - 1} (<= (- lvl_{i - 1} lvl_{i}) {rng.randint(3, 12)})))")
    out += ["(assert up_0)", f"(assert (= (+ {' '.join(f'lvl_{i}' for i in range(n))}) {n * 30}))",
            "(check-sat)", "(get-model)", "(get-value (lvl_0 up_0))"]
    return "\n".join(out) + "\n"


def _smt_core(rng: random.Random, n: int) -> str:
    out = ["(set-option :produce-unsat-cores true)", "(set-logic QF_LIA)"]
    for i in range(n):
        out.append(f"(declare-const t_{i} Int)")
    for i in range(n):
        out.append(f"(assert (! (>= t_{i} {rng.randint(0, 5)}) :named start_{i}))")
        if i:
            out.append(f"(assert (! (>= t_{i} (+ t_{i - 1} {rng.randint(2, 6)})) :named order_{i}))")
    out += [f"(assert (! (<= t_{n - 1} {n}) :named deadline))", "(check-sat)", "(get-unsat-core)"]
    return "\n".join(out) + "\n"


SMT_UNKNOWN = """(set-logic ALL)
(set-option :timeout 2000)
(declare-fun flow (Int) Int)
(assert (forall ((x Int)) (=> (> x 0) (> (flow x) (* x x)))))
(assert (forall ((x Int) (y Int)) (=> (> x y) (> (flow x) (flow y)))))
(declare-const a Int)
(declare-const b Int)
(declare-const c Int)
(assert (> a 1))
(assert (> b 1))
(assert (= (* a a a) (+ (* b b b) (* c c c))))
(assert (> c 1))
(check-sat)
(get-info :reason-unknown)
"""

SMT_ERRORS = """(set-logic QF_LIA)
(declare-const level Int)
(declare-const cap Int)
(assert (<= level cap))
(assert (> level (+ cap true)))
(check-sat)
(get-model)
(assert (< levle 0))
(declare-const level Int)
(check-sat)
(get-unsat-core)
(exit)
"""


def _smt_incremental(rng: random.Random, n: int) -> str:
    out = ["(set-option :produce-models true)", "(set-logic QF_BV)", "(declare-const reg (_ BitVec 16))",
           "(declare-const mask (_ BitVec 16))"]
    for i in range(n):
        v = rng.randint(0, 65535)
        out += ["(push 1)", f"(assert (= (bvand reg mask) #x{v:04x}))",
                f"(assert (bvult reg #x{rng.randint(0, 65535):04x}))"]
        if i % 3 == 2:
            out.append("(assert (= mask #x0000))")
        out += ["(check-sat)", "(get-value (reg mask))", "(pop 1)"]
    return "\n".join(out) + "\n"


def cap_smt(tmp: Path) -> None:
    d = tmp / "smt"
    rng = random.Random(1403)
    write_tree(d, {"schedule.smt2": _smt_model(rng, 40), "core.smt2": _smt_core(rng, 30),
                   "unknown.smt2": SMT_UNKNOWN, "errors.smt2": SMT_ERRORS,
                   "registers.smt2": _smt_incremental(rng, 36)})
    cap("smt-z3-schedule-model", "z3 schedule.smt2", d, n_smt_z3)
    cap("smt-z3-unknown-st-echo", "z3 -st unknown.smt2; echo EXIT=$?", d, n_smt_z3, timeout=120)
    cap("smt-z3-errors", "z3 errors.smt2", d, n_smt_z3)
    cap("smt-z3-registers-loop", "for f in registers.smt2 core.smt2; do echo \"== $f\"; z3 -st $f; done", d, n_smt_z3)
    cap("smt-cvc5-schedule-stats", "cvc5 --stats schedule.smt2", d, n_smt_cvc5, timeout=120)
    cap("smt-cvc5-loop-echo", "for f in core.smt2 errors.smt2 unknown.smt2; do echo \"== $f\"; "
        "cvc5 --produce-unsat-cores --tlimit=2000 $f; echo EXIT=$?; done", d, n_smt_cvc5, timeout=120)
    cap("smt-cvc5-unknown-stats-tail-80", "cvc5 --stats --tlimit=3000 unknown.smt2 2>&1 | tail -n 80", d, n_smt_cvc5,
        timeout=120)
    cap("smt-cvc5-registers-incremental", "cvc5 --incremental registers.smt2", d, n_smt_cvc5)


# ------------------------------------------------------------------ E prover

TPTP_LOCK = """% The lock's gate protocol: a theorem and a non-theorem.
fof(gates_exclusive, axiom, ![L]: ~(open_upper(L) & open_lower(L))).
fof(fill_needs_upper, axiom, ![L]: (filling(L) => open_upper(L))).
fof(drain_needs_lower, axiom, ![L]: (draining(L) => open_lower(L))).
fof(next_state, axiom, ![L]: (filling(L) => (~draining(next(L)) | level_high(L)))).
fof(boat_enters, axiom, ![L,B]: ((in_queue(B,L) & open_upper(L)) => in_chamber(B,L))).
fof(goal, conjecture, ![L]: ~(filling(L) & draining(L))).
"""

TPTP_OPEN = """% Fault put in: the conjecture does not follow (a drained lock may still be filling).
fof(gates_exclusive, axiom, ![L]: ~(open_upper(L) & open_lower(L))).
fof(fill_needs_upper, axiom, ![L]: (filling(L) => open_upper(L))).
fof(drain_needs_lower, axiom, ![L]: (draining(L) => open_lower(L))).
fof(level_order, axiom, ![X,Y,Z]: ((le(X,Y) & le(Y,Z)) => le(X,Z))).
fof(level_refl, axiom, ![X]: le(X,X)).
fof(goal, conjecture, ![L]: (drained(L) => ~filling(L))).
"""


def _tptp_chain(rng: random.Random, n: int) -> str:
    """A chain of n chambers with a group-like level algebra: a proof that takes some search."""
    out = ["fof(assoc, axiom, ![X,Y,Z]: plus(plus(X,Y),Z) = plus(X,plus(Y,Z))).",
           "fof(left_id, axiom, ![X]: plus(zero,X) = X).",
           "fof(left_inv, axiom, ![X]: plus(minus(X),X) = zero)."]
    for i in range(n):
        out.append(f"fof(step_{i}, axiom, reach(c{i}) => reach(c{i + 1})).")
        if rng.random() < 0.3:
            out.append(f"fof(side_{i}, axiom, ![X]: (reach(c{i}) => le(X, plus(X, c{i})))).")
    out += ["fof(start, axiom, reach(c0)).",
            f"fof(goal, conjecture, (reach(c{n}) & ![X]: plus(X,minus(X)) = zero))."]
    return "\n".join(out) + "\n"


def cap_eprover(tmp: Path) -> None:
    d = tmp / "eprover"
    write_tree(d, {"lock.p": TPTP_LOCK, "open.p": TPTP_OPEN, "chain.p": _tptp_chain(random.Random(1404), 60)})
    cap("eprover-lock-proof", "eprover --auto --proof-object lock.p", d, n_eprover)
    cap("eprover-open-echo", "eprover --auto open.p; echo EXIT=$?", d, n_eprover)
    cap("eprover-chain-stats", "eprover --auto --proof-object --print-statistics -s chain.p", d, n_eprover, timeout=300)
    write_tree(d, {"chain-long.p": _tptp_chain(random.Random(1408), 170)})
    cap("eprover-chain-long-proof-stats", "eprover --auto --proof-object --print-statistics chain-long.p", d, n_eprover,
        timeout=300)
    cap("eprover-chain-verbose-tail-150", "eprover --auto -l 4 --print-statistics chain.p 2>&1 | tail -n 150", d,
        n_eprover, timeout=300)


# ------------------------------------------------------------------ SAT

def _cnf_random(rng: random.Random, nv: int, nc: int) -> str:
    cls = []
    for _ in range(nc):
        vs = rng.sample(range(1, nv + 1), 3)
        cls.append(" ".join(str(v if rng.random() < 0.5 else -v) for v in vs) + " 0")
    return f"c sluice schedule, random 3-SAT\np cnf {nv} {nc}\n" + "\n".join(cls) + "\n"


def _cnf_pigeon(n: int) -> str:
    """n+1 boats into n chambers: unsatisfiable."""
    var = lambda b, c: b * n + c + 1  # noqa: E731
    cls = [" ".join(str(var(b, c)) for c in range(n)) + " 0" for b in range(n + 1)]
    for c in range(n):
        for b1 in range(n + 1):
            for b2 in range(b1 + 1, n + 1):
                cls.append(f"-{var(b1, c)} -{var(b2, c)} 0")
    return f"c {n + 1} boats, {n} chambers\np cnf {(n + 1) * n} {len(cls)}\n" + "\n".join(cls) + "\n"


def cap_sat(tmp: Path) -> None:
    d = tmp / "sat"
    rng = random.Random(1405)
    write_tree(d, {"schedule.cnf": _cnf_random(rng, 300, 1200), "boats.cnf": _cnf_pigeon(8)})
    cap("sat-solver-cadical-schedule", "cadical schedule.cnf", d, n_sat_solver, timeout=300)
    cap("sat-solver-cadical-boats-echo", "cadical boats.cnf; echo EXIT=$?", d, n_sat_solver, timeout=300)
    cap("sat-solver-minisat-boats", "minisat boats.cnf", d, n_sat_solver, timeout=300)


STEPS = [cap_coq, cap_why3, cap_smt, cap_eprover, cap_sat]
