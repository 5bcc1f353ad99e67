"""Round 317: `ferry` through Agda, Maude, ACL2, SPASS, Boolector, MONA, Gappa, ABC, ATS2 and Ott, with faults put
in on purpose; sizes from seeded generators. Each kind's extractor (NEEDLES.md's "Round 317", fixed before capture)
sits above its capture. Run through capture_wide317.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, mask, write_tree
from capture_wide317 import cap
import capture_more as cm

EXIT = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


# ------------------------------------------------------------------ extractors

AGDA_LOC = re.compile(r"^\s*(/\S+\.agda):\d+,\d+-\d+(,\d+)?\s*$")
AGDA_HEADERS = ("Termination checking failed for the following functions:", "Unsolved metas at the following locations:",
                "Unsolved interaction metas at the following locations:", "Unsolved constraints")


@cm.kind("agda-typecheck", "build")
def n_agda(lines):
    """Rules 1+3 on Agda's batch type checker: every error location line with its message's first line, every when checking line, the termination / unsolved-metas / unsolved-constraints headers with the indented lines under them, the last Checking line before the first error, warnings one {"any"} per (name, file), an EXIT=N line."""
    out, warns = [], []
    first_err = None
    for i, ln in enumerate(lines):
        m = AGDA_LOC.match(ln)
        if m:
            nxt = [x for x in lines[i + 1:i + 3] if x.strip()]
            if not nxt:
                continue
            msg = nxt[0]
            if re.search(r"warning", msg, re.I):
                wm = re.search(r"-W\S+|warning\S*", msg)
                warns.append(((wm.group(0) if wm else mask(msg), m.group(1)), msg))
                continue
            out += [ln, msg]
            if first_err is None:
                first_err = i
        elif ln.lstrip().startswith("when checking"):
            out.append(ln)
        elif any(ln.strip().startswith(h) for h in AGDA_HEADERS):
            out.append(ln)
            if first_err is None:
                first_err = i
            j = i + 1
            while j < len(lines) and lines[j].startswith((" ", "\t")) and lines[j].strip():
                out.append(lines[j])
                j += 1
    if first_err is not None:
        out += [ln for ln in lines[:first_err] if ln.startswith("Checking ")][-1:]
    out += groups(warns)
    return out + _exit(lines)


MAUDE_CMD = re.compile(r"^(reduce|red|rewrite|rew|frewrite|frew|erewrite|erew|search|srewrite|srew) in \S+ :")


def _maude_common(lines):
    out = [ln for ln in lines if ln.startswith("Warning:") or re.search(r"\bError\b", ln)]
    out += groups(((mask(ln), (re.search(r'"[^"]+"', ln) or re.match("", "")).group(0)), ln)
                  for ln in lines if ln.startswith("Advisory:"))
    return out


@cm.kind("maude-run", "build")
def n_maude_run(lines):
    """Rules 1+5 on Maude running a module's commands: every Warning: and Error line, Advisory: one {"any"} per (shape, file), every result line, every command echo line, every No solution. / No more solutions. / Solution N line, an EXIT=N line."""
    out = _maude_common(lines)
    for ln in lines:
        if ln.startswith("result ") or MAUDE_CMD.match(ln) or ln.startswith(("No solution.", "No more solutions.")) \
                or re.match(r"^Solution \d+", ln):
            out.append(ln)
    return out + _exit(lines)


@cm.kind("maude-model-check", "test")
def n_maude_mc(lines):
    """Rules 1+2+5 on Maude's LTL model checker: every result ModelCheckResult / result Bool line, every Warning: / Error line, every command echo line, the rewrites: line under each model-check command, an EXIT=N line."""
    out = _maude_common(lines)
    for i, ln in enumerate(lines):
        if ln.startswith(("result ModelCheckResult", "result Bool")) or MAUDE_CMD.match(ln):
            out.append(ln)
        if MAUDE_CMD.match(ln) and "modelCheck" in ln:
            r = cm.next_match(lines, i, r"^rewrites:", 4)
            if r:
                out.append(r)
    return out + _exit(lines)


@cm.kind("acl2-session", "test")
def n_acl2(lines):
    """Rules 1+2 on ACL2 admitting events: every ACL2 Error / HARD ACL2 ERROR line, every FAILED line, the Form: line of each Summary followed by a failure, each Key checkpoint header and the goal line under it, ACL2 Warning [TYPE] one {"any"} per TYPE, the Q.E.D. lines one {"any"}."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if "ACL2 Error" in ln or "HARD ACL2 ERROR" in ln:
            out.append(ln)
        elif "******** FAILED ********" in ln:
            out.append(ln)
        elif ln.startswith("Form:") and any("FAILED" in x or "ACL2 Error" in x for x in lines[i + 1:i + 13]):
            out.append(ln)
        elif ln.startswith("*** Key checkpoint"):
            out.append(ln)
            nxt = next((x for x in lines[i + 1:i + 4] if x.strip()), None)
            if nxt:
                out.append(nxt)
        m = re.search(r"ACL2 Warning \[([^\]]+)\]", ln)
        if m:
            warns.append((m.group(1), ln))
    out += groups(warns)
    qed = [ln for ln in lines if ln.strip() == "Q.E.D."]
    if qed:
        out.append(qed[0])
    return out


@cm.kind("spass", "test")
def n_spass(lines):
    """Rules 1+3 on SPASS: the SPASS beiseite: verdict line, the Problem: line, the SPASS derived / allocated / spent statistic lines, every Here is a proof / Formulae used in the proof line, every error line or line starting Line N."""
    out = []
    for ln in lines:
        if ln.startswith(("SPASS beiseite:", "Problem:", "SPASS derived", "SPASS allocated", "SPASS spent",
                          "Here is a proof", "Formulae used in the proof")) or re.search(r"\b[Ee]rror\b", ln) \
                or re.match(r"^\s*Line \d+", ln):
            out.append(ln)
    return out


@cm.kind("smt-boolector", "test")
def n_boolector(lines):
    """Rules 1+5 on Boolector: every sat / unsat / unknown line, every model line naming a symbol, every boolector: / error line, with -v one {"any"} per shape of the conflicts / decisions / propagations lines and the last seconds line."""
    out, stats = [], []
    for ln in lines:
        s = ln.strip()
        if s in ("sat", "unsat", "unknown"):
            out.append(ln)
        elif re.match(r"^\s*\(define-fun \S+", ln) or re.match(r"^\d+ [01x]+ \S+", s) or re.match(r"^\S+ [01x]+$", s):
            out.append(ln)
        elif s.startswith("boolector:") or re.search(r"\berror\b", s, re.I):
            out.append(ln)
        elif re.search(r"\b(conflicts|decisions|propagations)\b", s):
            stats.append((shape(s), ln))
    out += groups(stats)
    secs = [ln for ln in lines if re.search(r"\bsec(onds)?\b", ln)]
    return out + secs[-1:]


def shape(s):
    return re.sub(r"\d+(?:\.\d+)*", "<n>", s)


@cm.kind("mona", "test")
def n_mona(lines):
    """Rules 1+5 on MONA: every verdict line and the assignment lines under a counter-example / example, every error line, every Automaton has N states line, the Total time: line."""
    out = []
    for i, ln in enumerate(lines):
        if ln.startswith(("Formula is valid", "Formula is unsatisfiable")) or \
                re.match(r"^A (counter-example|satisfying example) of least length", ln):
            out.append(ln)
            if ln.startswith("A "):
                j = i + 1
                while j < len(lines) and lines[j].strip():
                    if re.match(r"^\s*\S+ = ", lines[j]):
                        out.append(lines[j])
                    j += 1
        elif re.search(r"\berror\b", ln, re.I) or re.match(r"^Automaton has \d+ state", ln) \
                or ln.startswith("Total time:"):
            out.append(ln)
    return out


@cm.kind("gappa", "test")
def n_gappa(lines):
    """Rules 1+5 on Gappa: every Error: / Warning: line and its location line, every property line under a failure header, the Results: heading and every line under it, an EXIT=N line."""
    out = []
    for i, ln in enumerate(lines):
        if re.search(r"\b(Error|Warning):", ln):
            out.append(ln)
            prv = lines[i - 1] if i else ""
            if re.search(r"line \d+|:\d+:", prv):
                out.append(prv)
            if re.search(r"not satisfied|failed", ln):
                j = i + 1
                while j < len(lines) and re.search(r"BND\(|REL\(|ABS\(|best:|^\s", lines[j]) and lines[j].strip():
                    out.append(lines[j])
                    j += 1
        elif ln.startswith("Results"):
            out.append(ln)
            j = i + 1
            while j < len(lines) and lines[j].strip():
                out.append(lines[j])
                j += 1
    return out + _exit(lines)


ABC_VERDICT = re.compile(r"Property proved|was asserted in frame|Networks are equivalent|Networks are NOT EQUIVALENT|"
                         r"UNDECIDED|Counter-example|\bSATISFIABLE|\bUNSATISFIABLE")


@cm.kind("abc-verify", "test")
def n_abc(lines):
    """Rules 1+5 on ABC: every verdict line (proved, asserted in frame, equivalent / NOT EQUIVALENT, UNDECIDED, counter-example, (UN)SATISFIABLE), every print_stats line, Error / Cannot / Warning lines (one {"any"} per repeated shape), an EXIT=N line."""
    out, diag = [], []
    for ln in lines:
        if ABC_VERDICT.search(ln) or "i/o =" in ln:
            out.append(ln)
        elif re.search(r"Error|Cannot|Warning", ln):
            diag.append((mask(ln), ln))
    out += groups(diag)
    return out + _exit(lines)


@cm.kind("ats2-patsopt", "build")
def n_ats2(lines):
    """Rule 1 on ATS2's patsopt: every error( line, every there are [N] errors in total line, every exit(ATS) / uncaught exception line, warning( lines one {"any"} per (shape, file)."""
    out, warns = [], []
    for ln in lines:
        if "error(" in ln or "errors in total" in ln or "exit(ATS)" in ln or "uncaught exception" in ln:
            out.append(ln)
        elif "warning(" in ln:
            warns.append(((mask(ln.split("warning(", 1)[1]), ln.split(":", 1)[0]), ln))
    return out + groups(warns)


@cm.kind("ott", "build")
def n_ott(lines):
    """Rules 1+3 on Ott: every error / no parses / multiple parses line, every File "…" on line location line, the Definition rules: / Definition rule clauses: count lines, warnings one {"any"} per shape."""
    out, warns = [], []
    for ln in lines:
        if re.search(r"error|no parses|multiple parses", ln, re.I) or re.match(r'^\s*File "?[^"\s]+"? on line', ln) \
                or re.match(r"^\s*Definition rule(s| clauses):", ln):
            out.append(ln)
        elif re.search(r"warning", ln, re.I):
            warns.append((mask(ln), ln))
    return out + groups(warns)


# ------------------------------------------------------------------ Agda

AGDA_BASE = """
module Ferry.Base where

data Bool : Set where
  true false : Bool

data ℕ : Set where
  zero : ℕ
  suc  : ℕ → ℕ
{-# BUILTIN NATURAL ℕ #-}
infixl 6 _+_
infixl 7 _*_

_+_ : ℕ → ℕ → ℕ
zero  + n = n
suc m + n = suc (m + n)

_*_ : ℕ → ℕ → ℕ
zero  * n = zero
suc m * n = n + (m * n)

data _≡_ {A : Set} (x : A) : A → Set where
  refl : x ≡ x
infix 4 _≡_

cong : {A B : Set} (f : A → B) {x y : A} → x ≡ y → f x ≡ f y
cong f refl = refl

data List (A : Set) : Set where
  []  : List A
  _∷_ : A → List A → List A
infixr 5 _∷_

data Vec (A : Set) : ℕ → Set where
  []  : Vec A zero
  _∷_ : {n : ℕ} → A → Vec A n → Vec A (suc n)

length : {A : Set} → List A → ℕ
length []       = zero
length (_ ∷ xs) = suc (length xs)

record Car : Set where
  field
    plate  : ℕ
    weight : ℕ
    lane   : ℕ
"""


def _agda_deck(rng: random.Random, n: int, faults: set[int], kinds=("type", "hole", "meta", "loop")) -> str:
    """A module of n small definitions; fault kinds by index: 'type', 'hole', 'meta', 'loop'."""
    parts = ["module Ferry.Deck%d where\n\nopen import Ferry.Base\n" % n]
    for i in range(n):
        k = kinds[i % 4] if i in faults else None
        a = rng.randint(1, 9)
        name = f"lane{i}"
        if k == "type":
            parts.append(f"{name}-load : ℕ → ℕ\n{name}-load w = true\n")
        elif k == "hole":
            parts.append(f"{name}-load : ℕ → ℕ\n{name}-load w = w + {{! {a} !}}\n")
        elif k == "meta":
            parts.append(f"{name}-id : {{A : Set}} → A → A\n{name}-id x = x\n\n{name}-use : ℕ\n{name}-use = {name}-id {{_}} {a}\n\n"
                         f"{name}-pick : _ → ℕ\n{name}-pick x = {a}\n")
        elif k == "loop":
            parts.append(f"{name}-shuttle : ℕ → ℕ\n{name}-shuttle zero = zero\n{name}-shuttle (suc n) = {name}-shuttle (suc (suc n))\n")
        else:
            parts.append(f"{name}-load : ℕ → ℕ\n{name}-load w = w * {a} + {a}\n\n"
                         f"{name}-ok : {name}-load zero ≡ {a}\n{name}-ok = refl\n")
    return "\n".join(parts)


STD_AGDA = """
module Ferry.Std where

open import Data.Nat using (ℕ; zero; suc; _+_; _*_; _≤_)
open import Data.List using (List; []; _∷_; sum; map)
open import Relation.Binary.PropositionalEquality using (_≡_; refl; cong)

record Crossing : Set where
  field
    cars  : List ℕ
    limit : ℕ

load : Crossing → ℕ
load c = sum (Crossing.cars c)

+-identityʳ : ∀ n → n + 0 ≡ n
+-identityʳ zero    = refl
+-identityʳ (suc n) = cong suc (+-identityʳ n)

fits : (c : Crossing) → load c ≤ Crossing.limit c
fits c = {! !}

doubled : List ℕ → List ℕ
doubled xs = map (λ x → x * 2) xs

wrong : load record { cars = 1 ∷ 2 ∷ [] ; limit = 5 } ≡ 4
wrong = refl
"""


def cap_agda(tmp: Path) -> None:
    d = tmp / "agda"
    rng = random.Random(31701)
    files = {"Ferry/Base.agda": AGDA_BASE,
             "Ferry/Schedule.agda": """
module Ferry.Schedule where

open import Ferry.Base

crossings : ℕ → ℕ
crossings zero = zero
crossings (suc n) = suc (suc (crossings n))

fare : Bool → ℕ → ℕ
fare true  n = n * 3
fare false n = {! n * 2 !}

board : {n : ℕ} → Vec ℕ n → ℕ → Vec ℕ (suc n)
board xs c = c ∷ xs

unload : {n : ℕ} → Vec ℕ (suc n) → Vec ℕ n
unload (x ∷ xs) = {! !}

+-zero : (n : ℕ) → n + zero ≡ n
+-zero zero    = refl
+-zero (suc n) = cong suc {! +-zero n !}

drift : ℕ → ℕ → ℕ
drift zero    m = m
drift (suc n) m = drift m (suc n)
""",
             "Ferry/Manifest.agda": """
module Ferry.Manifest where

open import Ferry.Base

total-weight : List Car → ℕ
total-weight [] = zero
total-weight (c ∷ cs) = Car.weight c + total-weight cs

heaviest : List Car → Bool
heaviest [] = zero
heaviest (c ∷ cs) = true

lanes : List Car → Vec ℕ 3
lanes cs = length cs ∷ zero ∷ []
"""}
    files["Ferry/Deck24.agda"] = _agda_deck(rng, 24, {2, 5, 11, 19})
    files["Ferry/Deck120.agda"] = _agda_deck(rng, 120, {7, 13, 30, 45, 61, 62, 83, 100, 111}, ("hole", "meta", "loop", "hole"))
    files["Ferry/Deck200.agda"] = _agda_deck(rng, 200, {i for i in range(3, 200, 5)}, ("meta", "hole", "loop", "loop"))
    files["Ferry/Std.agda"] = STD_AGDA
    write_tree(d, files)
    env = {"AGDA_DIR": str(tmp / "agda-home")}
    (tmp / "agda-home").mkdir(exist_ok=True)
    cap("agda-schedule", "agda Ferry/Schedule.agda; echo EXIT=$?", d, n_agda, env=env)
    cap("agda-manifest-schedule", "agda Ferry/Manifest.agda; echo EXIT=$?; agda Ferry/Schedule.agda; echo EXIT=$?", d,
        n_agda, env=env)
    cap("agda-deck24", "agda Ferry/Deck24.agda; echo EXIT=$?", d, n_agda, env=env)
    cap("agda-deck120-allow", "agda --allow-unsolved-metas Ferry/Deck120.agda; echo EXIT=$?", d, n_agda, env=env)
    cap("agda-deck200-v2", "agda -v 2 Ferry/Deck200.agda; echo EXIT=$?", d, n_agda, env=env, timeout=600)
    cap("agda-deck200", "agda Ferry/Deck200.agda; echo EXIT=$?", d, n_agda, env=env, timeout=600)
    cap("agda-stdlib-crossing-v2", "agda -v 2 -i . -i /usr/share/agda-stdlib Ferry/Std.agda; echo EXIT=$?", d, n_agda,
        env=env, timeout=600)


STEPS = [cap_agda]


# ------------------------------------------------------------------ Maude

def _maude_ferry(rng: random.Random, n: int, faults: bool) -> str:
    eqs, cmds = [], []
    for i in range(n):
        a, b = rng.randint(1, 40), rng.randint(1, 40)
        eqs.append(f"  eq fare{i}(C) = weight(C) * {a} + {b} .")
        cmds.append(f"red in FERRY : fare{i}(car({rng.randint(100, 999)}, {rng.randint(1, 9)}, {rng.randint(1, 4)})) .")
    ops = "\n".join(f"  op fare{i} : Car -> Nat ." for i in range(n))
    bad = ""
    if faults:
        bad = ("  eq fare0(C) = weight(C) + lane(C, C) .\n  op dock : Deck -> Bool .\n  eq dock(D) = D < 3 .\n"
               "  var Q : Queue .\n  eq size(Q) = 0\n")
    mod = f"""mod FERRY is
  protecting NAT .
  sorts Car Deck Queue .
  subsort Car < Queue .
  op car : Nat Nat Nat -> Car [ctor] .
  op weight : Car -> Nat .
  op lane : Car -> Nat .
  op nil : -> Queue [ctor] .
  op _;_ : Queue Queue -> Queue [ctor assoc id: nil] .
  op deck : Queue Nat -> Deck [ctor] .
  op size : Queue -> Nat .
  var C : Car . vars P W L K : Nat . var Q : Queue .
  eq weight(car(P, W, L)) = W .
  eq lane(car(P, W, L)) = L .
  eq size(nil) = 0 .
  eq size(C ; Q) = s size(Q) .
{ops}
{chr(10).join(eqs)}
{bad}  crl [board] : deck(C ; Q, K) => deck(Q, K + weight(C)) if K + weight(C) <= 12 .
endm
"""
    q = " ; ".join(f"car({100 + j}, {rng.randint(1, 6)}, {j % 3})" for j in range(6))
    cmds += [f"rew in FERRY : deck({q}, 0) .",
             f"search in FERRY : deck({q}, 0) =>! deck(Q:Queue, K:Nat) .",
             f"search in FERRY : deck({q}, 0) =>* deck(nil, K:Nat) .",
             "red in FERRY : size(car(1, 2, 3) ; car(4, 5, 6)) .",
             "red in FERRY : weigth(car(1, 2, 3)) ."]
    return mod + "\n".join(cmds) + "\nquit\n"


MAUDE_MC = """load model-checker

mod FERRY-RIVER is
  protecting NAT .
  sorts Side State .
  ops west east : -> Side [ctor] .
  op other : Side -> Side .
  eq other(west) = east .
  eq other(east) = west .
  op <_|_|_> : Side Nat Nat -> State [ctor] .
  vars S : Side . vars W E : Nat .
  rl [load-west] : < west | s W | E > => < west | W | s E > .
  rl [sail] : < S | W | E > => < other(S) | W | E > .
  rl [arrive] : < east | W | s E > => < east | W | E > .
endm

mod FERRY-CHECK is
  including FERRY-RIVER .
  including MODEL-CHECKER .
  including LTL-SIMPLIFIER .
  op init : -> State .
  eq init = < west | %d | 0 > .
  ops docked-west empty overloaded : -> Prop .
  vars S : Side . vars W E : Nat .
  eq < west | W | E > |= docked-west = true .
  eq < S | W | E > |= empty = (W + E == 0) .
  eq < S | W | E > |= overloaded = (E > %d) .
  eq < S | W | E > |= P:Prop = false [owise] .
endm

red modelCheck(init, [] ~ overloaded) .
red modelCheck(init, <> empty) .
red modelCheck(init, [] <> docked-west) .
red modelCheck(init, [] (empty -> [] empty)) .
red modelCheck(init, [] ~ sunk) .
quit
"""


def cap_maude(tmp: Path) -> None:
    d = tmp / "maude"
    rng = random.Random(31702)
    write_tree(d, {"ferry.maude": _maude_ferry(rng, 12, True), "fares.maude": _maude_ferry(rng, 150, False),
                   "fares-broken.maude": _maude_ferry(rng, 60, True),
                   "river.maude": MAUDE_MC % (3, 2), "river-big.maude": MAUDE_MC % (9, 4)})
    cap("maude-ferry", "maude -no-banner -batch ferry.maude; echo EXIT=$?", d, n_maude_run)
    cap("maude-fares", "maude -no-banner -batch fares.maude; echo EXIT=$?", d, n_maude_run)
    cap("maude-fares-broken", "maude -batch fares-broken.maude; echo EXIT=$?", d, n_maude_run)
    cap("maude-river-mc", "maude -no-banner -batch river.maude; echo EXIT=$?", d, n_maude_mc)
    cap("maude-river-big-mc", "maude -no-banner -batch river-big.maude; echo EXIT=$?", d, n_maude_mc)


# ------------------------------------------------------------------ Gappa

def _gappa(rng: random.Random, n: int, fail_every: int) -> str:
    out = ["@rnd = float<ieee_32, ne>;", "@rnd64 = float<ieee_64, ne>;"]
    goals = []
    for i in range(n):
        a = rng.randint(1, 9)
        out.append(f"w{i} = rnd(ww{i});")
        out.append(f"f{i} rnd= w{i} * {a} + w{i};")
        out.append(f"F{i} = w{i} * {a} + w{i};")
        hi = (a + 1) * 100 if i % fail_every else (a + 1) * 50
        goals.append(f"w{i} in [0, 100] -> f{i} in [0, {hi}]")
    return "\n".join(out) + "\n\n{ " + "\n  /\\ ".join(f"({g})" for g in goals) + " }\n"


def cap_gappa(tmp: Path) -> None:
    d = tmp / "gappa"
    rng = random.Random(31703)
    write_tree(d, {f"toll{k:02}.g": _gappa(rng, 2, 2 + k % 3) for k in range(14)})
    write_tree(d, {"toll.g": _gappa(rng, 3, 2),
                   "syntax.g": "@rnd = float<ieee_32, ne>;\nx = rnd(xx);\ny rnd= x * x;\n{ x in [0,1] -> y in [0 1] }\n",
                   "ratio.g": "@rnd = float<ieee_64, ne>;\nx = rnd(xx);\ny = rnd(yy);\nq rnd= x / y;\nQ = x / y;\n"
                              "{ x in [1,100] /\\ y in [0,4] -> q in [0,1000] /\\ |q - Q| <= 1b-40 }\n"})
    cap("gappa-toll", "timeout 30 gappa toll.g; echo EXIT=$?", d, n_gappa)
    cap("gappa-tolls-loop", 'for f in toll0*.g toll1*.g; do echo "== $f"; timeout 30 gappa $f; echo EXIT=$?; done', d,
        n_gappa)
    cap("gappa-syntax-ratio", "gappa syntax.g; echo EXIT=$?; gappa ratio.g; echo EXIT=$?; gappa toll03.g; echo EXIT=$?; gappa toll.g; echo EXIT=$?", d, n_gappa)


# ------------------------------------------------------------------ MONA

MONA_SMALL = """# ferry lanes as sets of positions
ws1s;
var2 West, East, Deck;
var1 p;
(West inter East = empty) & (Deck sub West union East) => (p in Deck => p in West);
"""


def _mona(rng: random.Random, n: int, valid: bool) -> str:
    decls = ", ".join(f"L{i}" for i in range(n))
    body = " & ".join(f"(L{i} sub L{i + 1})" for i in range(n - 1))
    goal = f"L0 sub L{n - 1}" if valid else f"L{n - 1} sub L0"
    return f"ws1s;\nvar2 {decls};\n{body} => {goal};\n"


def cap_mona(tmp: Path) -> None:
    d = tmp / "mona"
    rng = random.Random(31704)
    write_tree(d, {"lanes.mona": MONA_SMALL, "chain.mona": _mona(rng, 8, True), "chain-bad.mona": _mona(rng, 12, False),
                   "broken.mona": "ws1s;\nvar2 A, B;\nA sub B => B sub ;\n",
                   "count.mona": "m2l-str;\nvar1 $ where ~ex1 p where true: p notin $ & p < $;\nvar2 Cars;\n"
                                 "all1 p: (p in Cars => p+1 in Cars) => Cars = empty;\n"})
    cap("mona-lanes", "mona lanes.mona; echo EXIT=$?", d, n_mona)
    cap("mona-chain-time", "mona -t chain.mona; echo EXIT=$?", d, n_mona)
    cap("mona-chain-bad-stats", "mona -s chain-bad.mona; echo EXIT=$?", d, n_mona)
    cap("mona-broken-count", "mona broken.mona; echo EXIT=$?; mona -w -t count.mona; echo EXIT=$?", d, n_mona)


STEPS += [cap_maude, cap_gappa, cap_mona]


# ------------------------------------------------------------------ SPASS

def _tptp(rng: random.Random, n: int, provable: bool) -> str:
    ax = [f"fof(dock{i}, axiom, ![X] : (berth{i}(X) => berth{i + 1}(X)))." for i in range(n)]
    ax.append("fof(start, axiom, berth0(ferry)).")
    ax += [f"fof(noise{i}, axiom, ![X,Y] : ((lane{i}(X) & lane{i}(Y)) => same(X,Y)))." for i in range(n // 2)]
    goal = f"berth{n}(ferry)" if provable else f"berth0(barge)"
    return "\n".join(ax) + f"\nfof(goal, conjecture, {goal}).\n"


def cap_spass(tmp: Path) -> None:
    d = tmp / "spass"
    rng = random.Random(31705)
    write_tree(d, {"berths.p": _tptp(rng, 12, True), "berths-long.p": _tptp(rng, 60, True),
                   "barge.p": _tptp(rng, 20, False),
                   "broken.p": "fof(a, axiom, ![X] : (p(X) => q(X))).\nfof(b, axiom, p(ferry)\nfof(g, conjecture, q(ferry)).\n"})
    cap("spass-berths-proof", "SPASS -TPTP -DocProof berths.p", d, n_spass)
    cap("spass-berths-long", "SPASS -TPTP -DocProof -PGiven=1 berths-long.p", d, n_spass)
    cap("spass-barge", "SPASS -TPTP -TimeLimit=20 barge.p; SPASS -TPTP broken.p", d, n_spass)


# ------------------------------------------------------------------ Boolector

def _smt_bv(rng: random.Random, n: int, sat: bool, typo: bool) -> str:
    out = ["(set-logic QF_BV)"]
    for i in range(n):
        out.append(f"(declare-fun lane{i} () (_ BitVec 8))")
    for i in range(n):
        out.append(f"(assert (bvule lane{i} #x{rng.randint(20, 200):02x}))")
    s = "lane0"
    for i in range(1, n):
        s = f"(bvadd {s} lane{i})"
    out.append(f"(assert (= {s} #x{rng.randint(1, 250):02x}))")
    if not sat:
        out.append("(assert (bvugt lane0 #xf0))")
    if typo:
        out.append("(assert (bvult lane1 lanes2))")
    out += ["(check-sat)", "(exit)"]
    return "\n".join(out) + "\n"


def cap_boolector(tmp: Path) -> None:
    d = tmp / "btor"
    rng = random.Random(31706)
    write_tree(d, {"deck.smt2": _smt_bv(rng, 12, True, False), "deck-big.smt2": _smt_bv(rng, 160, True, False),
                   "deck-unsat.smt2": _smt_bv(rng, 40, False, False), "deck-typo.smt2": _smt_bv(rng, 10, True, True)})
    cap("boolector-deck-model", "boolector -m deck.smt2; echo EXIT=$?; boolector -m deck-typo.smt2; echo EXIT=$?", d, n_boolector)
    cap("boolector-deck-big-model", "boolector -m deck-big.smt2; echo EXIT=$?", d, n_boolector)
    cap("boolector-deck-unsat-v", "boolector -v deck-unsat.smt2; echo EXIT=$?", d, n_boolector)
    cap("boolector-typo-v", "boolector -v -m deck.smt2; boolector deck-typo.smt2; echo EXIT=$?", d, n_boolector)


# ------------------------------------------------------------------ ABC

def _blif_counter(bits: int, bad_at: int, name: str) -> str:
    """A bits-wide counter with an enable input; the output (the property's bad signal) is 1 when count == bad_at."""
    L = [f".model {name}", ".inputs en", ".outputs bad"]
    for i in range(bits):
        L.append(f".latch n{i} c{i} 0")
    L.append(".names en t0\n1 1")
    for i in range(bits):
        L.append(f".names c{i} t{i} n{i}\n10 1\n01 1")
        L.append(f".names c{i} t{i} t{i + 1}\n11 1")
    pat = "".join("1" if bad_at >> i & 1 else "0" for i in range(bits))
    L.append(".names " + " ".join(f"c{i}" for i in range(bits)) + " bad\n" + pat + " 1")
    return "\n".join(L) + "\n.end\n"


def _blif_adder(bits: int, bug: int | None, name: str) -> str:
    L = [f".model {name}", ".inputs " + " ".join(f"a{i} b{i}" for i in range(bits)),
         ".outputs " + " ".join(f"s{i}" for i in range(bits + 1)), ".names k0", ]
    for i in range(bits):
        if i == bug:
            L.append(f".names a{i} b{i} k{i} s{i}\n100 1\n010 1\n001 1")
        else:
            L.append(f".names a{i} b{i} k{i} s{i}\n100 1\n010 1\n001 1\n111 1")
        L.append(f".names a{i} b{i} k{i} k{i + 1}\n11- 1\n1-1 1\n-11 1")
    L.append(f".names k{bits} s{bits}\n1 1")
    return "\n".join(L) + "\n.end\n"


def cap_abc(tmp: Path) -> None:
    d = tmp / "abc"
    write_tree(d, {"counter.blif": _blif_counter(6, 45, "ferry_counter"),
                   "safe.blif": _blif_counter(5, 40, "ferry_safe"),
                   "wide.blif": _blif_counter(14, 9000, "ferry_wide"),
                   "adder.blif": _blif_adder(16, None, "toll_adder"), "adder-bug.blif": _blif_adder(16, 11, "toll_adder"),
                   "broken.blif": ".model x\n.inputs a b\n.outputs y\n.names a b c y\n11 1\n.end\n"})
    cap("abc-counter-pdr", 'berkeley-abc -c "read counter.blif; strash; print_stats; pdr -v; bmc3 -F 60"; echo EXIT=$?',
        d, n_abc)
    cap("abc-safe-pdr-int", 'berkeley-abc -c "read safe.blif; strash; print_stats; pdr -v; int -v"; echo EXIT=$?',
        d, n_abc)
    cap("abc-wide-bmc", 'berkeley-abc -c "read wide.blif; strash; print_stats; bmc3 -v -F 40 -T 30; pdr -T 30"; echo EXIT=$?',
        d, n_abc, timeout=200)
    cap("abc-adder-cec", 'berkeley-abc -c "cec -v adder.blif adder-bug.blif; cec adder.blif adder.blif; read broken.blif"; '
        'echo EXIT=$?', d, n_abc)


STEPS += [cap_spass, cap_boolector, cap_abc]


# ------------------------------------------------------------------ ACL2

def _acl2(rng: random.Random, n: int) -> str:
    ev = ["(defun fare (w k) (+ (* w k) 3))",
          "(defun total (xs) (if (endp xs) 0 (+ (car xs) (total (cdr xs)))))",
          "(defun rev (x) (if (endp x) nil (append (rev (cdr x)) (list (car x)))))",
          "(defthm total-append (equal (total (append a b)) (+ (total a) (total b))))",
          "(defthm rev-rev (equal (rev (rev x)) x))",
          "(defun shuttle (n) (if (zp n) 0 (shuttle (+ n 1))))",
          "(defthm fare-positive (implies (and (natp w) (natp k)) (< 3 (fare w k))))",
          "(defthm total-nonneg (implies (nat-listp xs) (<= 0 (total xs))))"]
    for i in range(n):
        a = rng.randint(1, 9)
        ev.append(f"(defun lane{i} (x) (+ x {a}))")
        if i % 5 == 3:
            ev.append(f"(defthm lane{i}-grows (implies (acl2-numberp x) (< (lane{i} x) x)))")
        else:
            ev.append(f"(defthm lane{i}-grows (implies (acl2-numberp x) (< x (lane{i} x))))")
    return "\n".join(ev) + "\n(good-bye)\n"


def cap_acl2(tmp: Path) -> None:
    d = tmp / "acl2"
    rng = random.Random(31707)
    write_tree(d, {"ferry.lisp": _acl2(rng, 4), "lanes.lisp": _acl2(rng, 30)})
    # Debian's `acl2` wrapper points ACL2_SYSTEM_BOOKS at acl2-books (not installed: 500 MB); an empty dir stands in
    books = tmp / "acl2-books"
    books.mkdir(exist_ok=True)
    acl2 = f"ACL2_SYSTEM_BOOKS={books}/ /usr/lib/acl2-8.5dfsg/saved_acl2 -dir /usr/share/acl2-8.5dfsg"
    cap("acl2-ferry", f"{acl2} < ferry.lisp", d, n_acl2, timeout=300, typed="acl2 < ferry.lisp")
    cap("acl2-lanes-tail", f"{acl2} < lanes.lisp 2>&1 | tail -n 600", d, n_acl2, timeout=300,
        typed="acl2 < lanes.lisp 2>&1 | tail -n 600")


STEPS += [cap_acl2]


# ------------------------------------------------------------------ ATS2

ATS_FAULTS = [
    "fun bad{i} (x: int): bool = x + {a}",
    "fun lane{i} (x: int): string = fare (x, \"{a}\")",
    "fun use{i} (): int = undefined_berth{i} + {a}",
    "fun head{i} {{n:nat}} (xs: list (int, n)): int = case+ xs of list_cons (x, _) => x",
    "fun pick{i} {{n:pos}} (xs: list (int, n)): int = let val+ list_cons (x, _) = xs in x + {a} end",
    "fun fare{i} (w: int, k: int): int = w * k + {a}",
]


def _ats(rng: random.Random, n: int, kinds: list[int]) -> str:
    out = ['#include "share/atspre_staload.hats"', "fun fare (w: int, k: int): int = w * k + 3"]
    for i in range(n):
        k = kinds[i % len(kinds)]
        out.append(ATS_FAULTS[k].format(i=i, a=rng.randint(1, 9)))
    out.append("implement main0 () = println! (fare (1, 2))")
    return "\n".join(out) + "\n"


def cap_ats(tmp: Path) -> None:
    d = tmp / "ats"
    rng = random.Random(31708)
    files = {f"berth{k:02}.dats": _ats(rng, 6 + k, [5, 5, k % 5]) for k in range(12)}
    files["types.dats"] = _ats(rng, 40, [0, 1, 5, 5, 3, 5])
    files["scope.dats"] = _ats(rng, 30, [2, 5, 5])
    write_tree(d, files)
    cap("ats2-types", "patsopt -tc -d types.dats; echo EXIT=$?", d, n_ats2)
    cap("ats2-scope", "patsopt -tc -d scope.dats; echo EXIT=$?", d, n_ats2)
    cap("ats2-berths-loop", 'for f in berth*.dats; do echo "== $f"; patsopt -tc -d $f; done', d, n_ats2)


STEPS += [cap_ats]


# ------------------------------------------------------------------ Ott

OTT_HEAD = """metavar termvar, x ::= {{ com term variable }}
grammar
t :: 't_' ::= {{ com term }}
  | x            ::   :: var  {{ com variable }}
  | \\ x . t      ::   :: lam  (+ bind x in t +) {{ com lambda }}
  | t t'         ::   :: app  {{ com application }}
  | board t      ::   :: board {{ com a car boards }}
  | sail t       ::   :: sail {{ com the ferry sails }}
  | ( t )        :: S :: paren
  | { t / x } t' :: M :: tsub {{ icho (tsubst_t [[t]] [[x]] [[t']]) }}
v :: 'v_' ::=
  | \\ x . t      ::   :: lam
terminals :: 'terminals_' ::=
  | \\            ::   :: lambda  {{ tex \\lambda }}
  | -->          ::   :: red     {{ tex \\longrightarrow }}
formula :: formula_ ::=
  | judgement    ::   :: judgement
defns
Jop :: '' ::=
defn
t1 --> t2 :: :: reduce :: '' by
"""


def _ott(rng: random.Random, n: int, bad: set[int]) -> str:
    rules = ["    --------------------------  :: ax_app\n    (\\x.t12) v2 -->  {v2/x}t12\n"]
    for i in range(n):
        if i in bad:
            prem = rng.choice(["t1 ==> t1'", "t1 --> t1' t q", "board --> t1'"])
        else:
            prem = "t1 --> t1'"
        concl = rng.choice(["board t1 --> board t1'", "sail t1 --> sail t1'", "t1 t --> t1' t"])
        rules.append(f"    {prem}\n    ---------------------- :: ctx_{i}\n    {concl}\n")
    return OTT_HEAD + "\n".join(rules)


def cap_ott(tmp: Path) -> None:
    d = tmp / "ott"
    rng = random.Random(31709)
    write_tree(d, {"ferry.ott": _ott(rng, 6, {2, 4}), "ferry-big.ott": _ott(rng, 90, {3, 17, 18, 40, 66, 81}),
                   "ferry-ok.ott": _ott(rng, 20, set())})
    cap("ott-ferry", "ott -i ferry.ott -o ferry.tex; echo EXIT=$?", d, n_ott)
    cap("ott-ferry-big", "ott -i ferry-big.ott -o ferry-big.tex; echo EXIT=$?", d, n_ott)
    cap("ott-ferry-ok-coq", "ott -i ferry-ok.ott -o ferry-ok.tex; echo EXIT=$?; ott -i ferry.ott -o ferry.v; echo EXIT=$?", d,
        n_ott)


STEPS += [cap_ott]
