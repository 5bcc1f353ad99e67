#!/usr/bin/env python3
"""Capture round 330 of the compression corpus: second samples of rounds 317 and 318's kinds (proof assistants,
rewriting logic and verifiers; engineering and creative tools in batch mode) on new material: `narrowboat`, a canal
narrowboat hire (lock flights, pound levels, moorings, water and diesel tanks, a hire fleet), written here for each
tool with faults put in. No rule is new and no extractor is written: every kind's extractor is imported from
capture_wide317_proof or capture_wide318 (NEEDLES.md's "Round 330"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide330.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide330.json  as {"version": 2, "items": [...]}, ids prefixed "wide330-".
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
from capture_more import run, write_tree  # noqa: E402

ID_PREFIX = "wide330-"
DEFAULT_OUT = HERE / "data" / "wide330.json"
TMP = Path(os.environ.get("HM_WIDE330_TMP", "/dev/shm/hm-corpus-wide330"))
VENV = Path(os.environ.get("HM_WIDE330_VENV", "/dev/shm/hm-corpus-wide330-venv"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

# the earlier rounds' extractors and input builders, imported (capture_wide317_proof imports capture_wide317's cap:
# this module's own `cap` is used below, under this round's prefix)
import capture_wide317_proof as p317  # noqa: E402
import capture_wide318 as p318  # noqa: E402
from capture_wide317_proof import (n_abc, n_acl2, n_agda, n_ats2, n_boolector, n_gappa, n_maude_mc,  # noqa: E402
                                   n_maude_run, n_mona, n_ott, n_spass)
from capture_wide318 import (n_admesh, n_ezdxf, n_fig2dev, n_gimp, n_gnucap, n_magic_drc, n_magic_extract,  # noqa: E402
                             n_pcb_rnd, n_pd_load, n_pd_print)


# ------------------------------------------------------------------ Agda

AGDA_BASE = (p317.AGDA_BASE.replace("Ferry.Base", "Narrowboat.Base")
             .replace("record Car : Set where\n  field\n    plate  : ℕ\n    weight : ℕ\n    lane   : ℕ\n",
                       "record Boat : Set where\n  field\n    hull   : ℕ\n    boatlen : ℕ\n    draught : ℕ\n"))

AGDA_LOCK = """
module Narrowboat.Lock where

open import Narrowboat.Base

data Gate : Set where
  opened closed : Gate

data Level : Set where
  upper lower : Level

record Lock : Set where
  field
    top    : Gate
    bottom : Gate
    water  : Level

fill : Lock → Lock
fill l = record l { water = upper }

empty : Lock → Lock
empty l = record l { water = lower; top = closed }

safe : Lock → Bool
safe record { top = opened ; bottom = opened } = false
safe _ = true

paddle-count : Lock → ℕ
paddle-count l = {! !}

rise : ℕ → ℕ → ℕ
rise zero    h = h
rise (suc n) h = rise n (h + 7)

flight-height : (n : ℕ) → rise n zero ≡ n * 7
flight-height zero    = refl
flight-height (suc n) = {! cong suc (flight-height n) !}

paddles : Vec Gate 4
paddles = opened ∷ closed ∷ opened ∷ closed ∷ []

wind : ℕ → ℕ → ℕ
wind zero    m = m
wind (suc n) m = wind (suc m) n

pound : {A : Set} → A → A
pound x = x

pound-level : ℕ
pound-level = pound {_} 12

moor : _ → ℕ
moor b = 3
"""

AGDA_GATES = """
module Narrowboat.Gates where

open import Narrowboat.Base
open import Narrowboat.Lock

swing : Gate → Gate
swing opened = closed
swing closed = opened

bottom-first : Lock → Lock
bottom-first l = record l { bottom = 1 }

pair : Vec Gate 2
pair = opened ∷ []
"""

AGDA_FLEET = """
module Narrowboat.Fleet where

open import Narrowboat.Base
open import Narrowboat.Tanks

berths : List Boat → ℕ
berths [] = zero
berths (b ∷ bs) = Boat.boatlen b + berths bs

longest : List Boat → Boat
longest (b ∷ bs) = b
"""

AGDA_STD = """
module Narrowboat.Moorings where

open import Data.Nat using (ℕ; zero; suc; _+_; _*_; _≤_; _<_)
open import Data.List using (List; []; _∷_; sum; map; length)
open import Data.Vec using (Vec; lookup)
open import Relation.Binary.PropositionalEquality using (_≡_; refl; cong; sym)

record Mooring : Set where
  field
    pins    : List ℕ
    maxstay : ℕ

stay : Mooring → ℕ
stay m = sum (Mooring.pins m)

*-two : ∀ n → n * 2 ≡ n + n
*-two zero    = refl
*-two (suc n) = cong suc {! !}

within : (m : Mooring) → stay m ≤ Mooring.maxstay m
within m = {! !}

tally : List ℕ → ℕ
tally xs = length xs + sum xs

visitor : stay record { pins = 4 ∷ 5 ∷ [] ; maxstay = 14 } ≡ 10
visitor = refl

tanks : Vec ℕ 3 → ℕ
tanks v = lookup v 3
"""


def _deck(rng: random.Random, n: int, faults: set[int], kinds) -> str:
    return (p317._agda_deck(rng, n, faults, kinds).replace("Ferry.", "Narrowboat.").replace("Deck", "Flight")
            .replace("lane", "pound"))


def cap_agda(tmp: Path) -> None:
    d = tmp / "agda"
    rng = random.Random(33001)
    files = {"Narrowboat/Base.agda": AGDA_BASE, "Narrowboat/Lock.agda": AGDA_LOCK,
             "Narrowboat/Fleet.agda": AGDA_FLEET,
             "Narrowboat/Gates.agda": AGDA_GATES, "Narrowboat/Moorings.agda": AGDA_STD}
    files["Narrowboat/Flight40.agda"] = _deck(rng, 40, {4, 9, 17, 26, 33}, ("hole", "loop", "meta", "hole"))
    files["Narrowboat/Flight160.agda"] = _deck(rng, 160, {i for i in range(5, 160, 9)}, ("hole", "meta", "loop", "meta"))
    write_tree(d, files)
    env = {"AGDA_DIR": str(tmp / "agda-home")}
    (tmp / "agda-home").mkdir(exist_ok=True)
    cap("agda-lock", "agda Narrowboat/Lock.agda; echo EXIT=$?", d, n_agda, env=env, timeout=300)
    cap("agda-gates-fleet-v2", "agda Narrowboat/Gates.agda; echo EXIT=$?; agda -v 2 Narrowboat/Fleet.agda; echo EXIT=$?",
        d, n_agda, env=env, timeout=300)
    cap("agda-flight40", "agda Narrowboat/Flight40.agda; echo EXIT=$?", d, n_agda, env=env, timeout=300)
    cap("agda-flight160-allow", "agda --allow-unsolved-metas Narrowboat/Flight160.agda; echo EXIT=$?", d, n_agda,
        env=env, timeout=600)
    cap("agda-moorings-stdlib-v2", "agda -v 2 -i . -i /usr/share/agda-stdlib Narrowboat/Moorings.agda; echo EXIT=$?", d, n_agda,
        env=env, timeout=600)


# ------------------------------------------------------------------ Maude

MAUDE_LOCKS = """mod CANAL is
  protecting NAT .
  sorts Boat Flight Pound .
  subsort Boat < Flight .
  op boat : Nat Nat -> Boat [ctor] .
  op none : -> Flight [ctor] .
  op __ : Flight Flight -> Flight [ctor assoc id: none] .
  op pound : Nat Flight -> Pound [ctor] .
  op len : Boat -> Nat .
  op count : Flight -> Nat .
  var B : Boat . var F : Flight . vars N M L D : Nat .
  eq len(boat(L, D)) = L .
  eq count(none) = 0 .
  eq count(B F) = s count(F) .
  crl [lock-up] : pound(N, B F) => pound(N + 1, F) if len(B) <= 70 .
  rl [wait] : pound(N, F) => pound(N, F) .
  op draught : Boat -> Nat .
  eq draught(boat(L, D)) = D .
  op deep : Pound -> Bool .
  eq deep(pound(N, F)) = N > 3 and F .
  op windlass : Nat -> Nat .
  eq windlass(N) = N * 2 + winding .
endm
%s
red in CANAL : count(boat(57, 2) boat(62, 3) boat(45, 2)) .
red in CANAL : len(boat(70, 3)) .
red in CANAL : lenght(boat(70, 3)) .
rew [20] in CANAL : pound(0, boat(57, 2) boat(72, 3) boat(45, 2)) .
search in CANAL : pound(0, boat(57, 2) boat(62, 3) boat(45, 2)) =>! pound(N:Nat, F:Flight) .
search in CANAL : pound(0, boat(57, 2) boat(72, 3)) =>* pound(2, none) .
search [3] in CANAL : pound(0, boat(30, 1) boat(40, 2) boat(50, 3) boat(60, 2)) =>+ pound(K:Nat, F:Flight) such that K:Nat > 1 .
red in CANAL : draught(boat(57, 2)) + draught(boat(62)) .
quit
"""


def _maude_fleet(rng: random.Random, n: int) -> str:
    cmds = []
    for i in range(n):
        cmds.append(f"red in CANAL : count({' '.join(f'boat({rng.randint(30, 72)}, {rng.randint(1, 4)})' for _ in range(rng.randint(1, 6)))}) .")
        cmds.append(f"red in CANAL : len(boat({rng.randint(20, 75)}, {rng.randint(1, 4)})) + {rng.randint(0, 9)} .")
    return "\n".join(cmds)


MAUDE_GATES = """load model-checker

mod LOCK-GATES is
  protecting NAT .
  sorts Gate Water State .
  ops open shut : -> Gate [ctor] .
  ops high low : -> Water [ctor] .
  op [_,_,_,_] : Gate Gate Water Nat -> State [ctor] .
  vars T B : Gate . var W : Water . var N : Nat .
  rl [open-top] : [shut, B, high, N] => [open, B, high, N] .
  rl [close-top] : [open, B, W, N] => [shut, B, W, N] .
  rl [open-bottom] : [T, shut, low, N] => [T, open, low, N] .
  rl [close-bottom] : [T, open, W, N] => [T, shut, W, N] .
  rl [fill] : [T, shut, low, N] => [T, shut, high, N] .
  rl [drain] : [shut, T, high, N] => [shut, T, low, N] .
  crl [boat-in] : [open, B, high, N] => [open, B, high, s N] if N < 4 .
  crl [boat-out] : [T, open, low, s N] => [T, open, low, N] if %s .
endm

mod LOCK-CHECK is
  including LOCK-GATES .
  including MODEL-CHECKER .
  including LTL-SIMPLIFIER .
  op init : -> State .
  eq init = [shut, shut, low, 0] .
  ops both-open top-open full crowded : -> Prop .
  vars T B : Gate . var W : Water . var N : Nat .
  eq [open, open, W, N] |= both-open = true .
  eq [open, B, W, N] |= top-open = true .
  eq [T, B, high, N] |= full = true .
  eq [T, B, W, N] |= crowded = N > %d .
  eq S:State |= P:Prop = false [owise] .
endm

red modelCheck(init, [] ~ both-open) .
red modelCheck(init, [] (top-open -> full)) .
red modelCheck(init, [] <> full) .
red modelCheck(init, [] ~ crowded) .
red modelCheck(init, <> flooded) .
quit
"""


def cap_maude(tmp: Path) -> None:
    d = tmp / "maude"
    rng = random.Random(33002)
    write_tree(d, {"locks.maude": MAUDE_LOCKS % "", "fleet.maude": MAUDE_LOCKS % _maude_fleet(rng, 200),
                   "gates.maude": MAUDE_GATES % ("N < 3", 1)})
    cap("maude-locks", "maude -no-banner -batch locks.maude; echo EXIT=$?", d, n_maude_run, timeout=120)
    cap("maude-fleet", "maude -no-banner -batch fleet.maude; echo EXIT=$?", d, n_maude_run, timeout=120)
    cap("maude-gates-mc", "maude -no-banner -batch gates.maude; echo EXIT=$?", d, n_maude_mc, timeout=120)


# ------------------------------------------------------------------ ACL2

def _acl2_tanks(rng: random.Random, n: int) -> str:
    ev = ["(defun litres (cm width) (* cm width 10))",
          "(defun fuel (xs) (if (endp xs) 0 (+ (car xs) (fuel (cdr xs)))))",
          "(defun moor-list (x) (if (endp x) nil (cons (car x) (moor-list (cdr x)))))",
          "(defthm fuel-append (equal (fuel (append a b)) (+ (fuel a) (fuel b))))",
          "(defthm moor-list-id (equal (moor-list x) x))",
          "(defun lock-wait (n) (if (zp n) 0 (lock-wait (+ 2 n))))",
          "(defthm litres-bigger (implies (and (natp cm) (natp w)) (< cm (litres cm w))))",
          "(defthm fuel-natp (implies (nat-listp xs) (natp (fuel xs))))",
          "(defun pound-depth (p) (declare (xargs :guard (natp p))) (- 120 (* p undefined-var)))"]
    for i in range(n):
        a = rng.randint(1, 12)
        ev.append(f"(defun tank{i} (x) (+ x {a}))")
        if i % 6 == 4:
            ev.append(f"(defthm tank{i}-drains (implies (acl2-numberp x) (< (tank{i} x) x)))")
        else:
            ev.append(f"(defthm tank{i}-fills (implies (acl2-numberp x) (< x (tank{i} x))))")
    return "\n".join(ev) + "\n(good-bye)\n"


def cap_acl2(tmp: Path) -> None:
    d = tmp / "acl2"
    rng = random.Random(33003)
    write_tree(d, {"tanks.lisp": _acl2_tanks(rng, 3), "fleet.lisp": _acl2_tanks(rng, 24)})
    books = tmp / "acl2-books"
    books.mkdir(exist_ok=True)
    acl2 = f"ACL2_SYSTEM_BOOKS={books}/ /usr/lib/acl2-8.5dfsg/saved_acl2 -dir /usr/share/acl2-8.5dfsg"
    cap("acl2-tanks", f"{acl2} < tanks.lisp", d, n_acl2, timeout=300, typed="acl2 < tanks.lisp")
    cap("acl2-fleet-grep", f"{acl2} < fleet.lisp 2>&1 | grep -v '^ *$' | tail -n 500", d, n_acl2, timeout=300,
        typed="acl2 < fleet.lisp 2>&1 | grep -v '^ *$' | tail -n 500")


# ------------------------------------------------------------------ SPASS, Boolector, MONA, Gappa

def _tptp(n: int, provable: bool) -> str:
    ax = [f"fof(lock{i}, axiom, ![B] : (below{i}(B) => below{i + 1}(B)))." for i in range(n)]
    ax.append("fof(start, axiom, below0(kingfisher)).")
    ax += [f"fof(moor{i}, axiom, ![X,Y] : ((pin{i}(X) & pin{i}(Y)) => alongside(X,Y)))." for i in range(n // 3)]
    goal = f"below{n}(kingfisher)" if provable else "below0(heron)"
    return "\n".join(ax) + f"\nfof(summit, conjecture, {goal}).\n"


def cap_spass(tmp: Path) -> None:
    d = tmp / "spass"
    write_tree(d, {"flight-long.p": _tptp(45, True), "heron.p": _tptp(24, False),
                   "broken.p": "fof(a, axiom, ![X] : (boat(X) => floats(X))).\nfof(b, axiom, boat(kingfisher)).\n"
                               "fof(g, conjecture, floats(kingfisher)) \nfof(h, axiom, moored(heron)).\n"})
    cap("spass-flight-long-given", "SPASS -TPTP -DocProof -PGiven=1 flight-long.p | head -n 1500", d, n_spass, timeout=120)
    cap("spass-heron-broken", "SPASS -TPTP -TimeLimit=15 heron.p; SPASS -TPTP broken.p; echo EXIT=$?", d, n_spass,
        timeout=120)


def _smt(rng: random.Random, n: int, sat: bool, typo: bool) -> str:
    return (p317._smt_bv(rng, n, sat, typo).replace("lane", "tank").replace("tanks2", "tank_2"))


def cap_boolector(tmp: Path) -> None:
    d = tmp / "btor"
    rng = random.Random(33004)
    write_tree(d, {"tanks-fleet.smt2": _smt(rng, 120, True, False),
                   "tanks-unsat.smt2": _smt(rng, 60, False, False), "tanks-typo.smt2": _smt(rng, 8, True, True)})
    cap("boolector-fleet-model", "boolector -m tanks-fleet.smt2 | head -n 400; boolector -m tanks-typo.smt2; echo EXIT=$?",
        d, n_boolector, timeout=120)
    cap("boolector-unsat-v", "boolector -v tanks-unsat.smt2; echo EXIT=$?", d, n_boolector, timeout=120)


MONA_POUNDS = """# pounds between locks as sets of positions
ws1s;
var2 Upper, Lower, Boats, Moored;
var1 b;
(Upper inter Lower = empty) & (Boats sub Upper union Lower) & (Moored sub Boats) => (b in Moored => b in Upper);
"""


def cap_mona(tmp: Path) -> None:
    d = tmp / "mona"
    n = 10
    decls = ", ".join(f"P{i}" for i in range(n))
    chain = " & ".join(f"(P{i} sub P{i + 1})" for i in range(n - 1))
    write_tree(d, {"pounds.mona": MONA_POUNDS,
                   "flight.mona": f"ws1s;\nvar2 {decls};\n{chain} => P0 sub P{n - 1};\n",
                   "flight-bad.mona": f"ws1s;\nvar2 {decls};\n{chain} => (P{n - 1} sub P0 & P3 = P4);\n",
                   "syntax.mona": "ws1s;\nvar2 Lock, Pound;\nLock sub Pound => Pound sub Lock union ;\n"})
    cap("mona-pounds", "mona pounds.mona; echo EXIT=$?; mona -t flight.mona; echo EXIT=$?", d, n_mona, timeout=120)
    cap("mona-flight-bad-stats", "mona -s flight-bad.mona; echo EXIT=$?; mona syntax.mona; echo EXIT=$?", d, n_mona,
        timeout=120)


GAPPA_FUEL = """@rnd = float<ieee_32, ne>;
h = rnd(hh);
r = rnd(rr);
burn rnd= h * r;
Burn = h * r;
{ h in [0, 12] /\\ r in [0.5, 2.5] -> burn in [0, 30] /\\ |burn - Burn| <= 1b-18 }
"""


def _gappa_leg(rng: random.Random, k: int) -> str:
    """One leg's fuel reckoning: hours and burn rate bounded, the burn's bound tight on some legs, open (`?`) on others."""
    hmax, rate = rng.randint(2, 10), rng.choice([1.5, 2, 2.5, 3])
    hi = int(hmax * rate) if k % 3 else int(hmax * rate) - 2
    goal = f"burn in [0, {hi}]" if k % 4 else "burn in ?"
    return (f"@rnd = float<ieee_32, ne>;\nh = rnd(hh);\nr = rnd(rr);\nburn rnd= h * r;\nBurn = h * r;\n"
            f"{{ h in [0, {hmax}] /\\ r in [0.5, {rate}] -> {goal} /\\ |burn - Burn| in ? }}\n")


def cap_gappa(tmp: Path) -> None:
    d = tmp / "gappa"
    rng = random.Random(33007)
    write_tree(d, {f"leg{k:02}.g": _gappa_leg(rng, k) for k in range(16)})
    write_tree(d, {"fuel.g": GAPPA_FUEL,
                   "fuel-tight.g": GAPPA_FUEL.replace("[0, 30]", "[0, 25]").replace("1b-18", "1b-30"),
                   "water.g": "@rnd = float<ieee_64, ne>;\nl = rnd(ll);\nw rnd= l * 0.2;\n{ l in [0, 400] -> w in ? }\n",
                   "syntax.g": "@rnd = float<ieee_32, ne>;\nd = rnd(dd);\ne rnd= d + d\n{ d in [0,1] -> e in [0, 2] }\n"})
    cap("gappa-legs-loop", 'for f in leg*.g; do echo "== $f"; timeout 30 gappa $f; echo EXIT=$?; done 2>&1', d, n_gappa,
        timeout=300)
    cap("gappa-fuel-water-syntax", "gappa fuel.g; echo EXIT=$?; gappa fuel-tight.g; echo EXIT=$?; gappa water.g; "
        "echo EXIT=$?; gappa syntax.g; echo EXIT=$?; gappa -Munconstrained fuel-tight.g; echo EXIT=$?", d, n_gappa,
        timeout=150)


# ------------------------------------------------------------------ ABC

def _blif_cmp(bits: int, bug: int | None, name: str) -> str:
    """a >= b comparator, ripple from the top bit; `bug` flips one stage's equal term."""
    L = [f".model {name}", ".inputs " + " ".join(f"a{i} b{i}" for i in range(bits)), ".outputs ge", f".names e{bits}\n1"]
    for i in reversed(range(bits)):
        L.append(f".names a{i} b{i} q{i}\n00 1\n11 1" if i != bug else f".names a{i} b{i} q{i}\n00 1")
        L.append(f".names a{i} b{i} g{i}\n10 1")
        L.append(f".names e{i + 1} q{i} e{i}\n11 1")
        L.append(f".names e{i + 1} g{i} h{i}\n11 1")
    L.append(".names " + " ".join(f"h{i}" for i in range(bits)) + " e0 ge\n" +
             "\n".join("-" * i + "1" + "-" * (bits - i) + " 1" for i in range(bits)) + "\n" + "-" * bits + "1 1")
    return "\n".join(L) + "\n.end\n"


def cap_abc(tmp: Path) -> None:
    d = tmp / "abc"
    write_tree(d, {"cycle.blif": p317._blif_counter(7, 99, "lock_cycle"),
                   "cycle-safe.blif": p317._blif_counter(6, 70, "lock_safe"),
                   "cmp.blif": _blif_cmp(12, None, "pound_cmp"), "cmp-bug.blif": _blif_cmp(12, 7, "pound_cmp"),
                   "broken.blif": ".model gate\n.inputs up down\n.outputs open\n.latch x\n.names up down open\n10 1\n.end\n"})
    cap("abc-cycle-pdr-bmc", 'berkeley-abc -c "read cycle.blif; strash; print_stats; pdr -v; bmc3 -F 120 -v"; echo EXIT=$?',
        d, n_abc, timeout=200)
    cap("abc-safe-int", 'berkeley-abc -c "read cycle-safe.blif; strash; print_stats; int -v; pdr"; echo EXIT=$?', d, n_abc,
        timeout=200)
    cap("abc-cmp-cec", 'berkeley-abc -c "cec -v cmp.blif cmp-bug.blif; read cmp.blif; strash; print_stats; '
        'cec cmp.blif cmp.blif; read broken.blif"; echo EXIT=$?', d, n_abc, timeout=200)


# ------------------------------------------------------------------ ATS2, Ott

ATS_LOCK = """#include "share/atspre_staload.hats"
fun rise (n: int): int = n * 7
fun fill{i} (x: int): bool = x + {a}
fun gate{i} (x: int): string = rise ("{a}")
fun pound{i} (): int = winding_hole{i} + {a}
fun tank{i} {{n:nat}} (xs: list (int, n)): int = case+ xs of list_cons (x, _) => x
fun moor{i} (w: int, k: int): int = w * k + {a}
fun stern{i} (x: double): int = x + {a}
"""


def _ats_lock(rng: random.Random, n: int, keep: list[int]) -> str:
    head, *defs = ATS_LOCK.strip().split("\n")
    out = [head, defs[0]]
    for i in range(n):
        out.append(defs[1 + keep[i % len(keep)]].format(i=i, a=rng.randint(1, 9)))
    out.append("implement main0 () = println! (rise 3)")
    return "\n".join(out) + "\n"


def cap_ats(tmp: Path) -> None:
    d = tmp / "ats"
    rng = random.Random(33005)
    files = {f"lock{k:02}.dats": _ats_lock(rng, 5 + k, [4, 4, k % 6]) for k in range(10)}
    files["flight.dats"] = _ats_lock(rng, 48, [0, 1, 4, 5, 3, 4])
    write_tree(d, files)
    cap("ats2-flight", "patsopt -tc -d flight.dats; echo EXIT=$?", d, n_ats2, timeout=120)
    cap("ats2-locks-loop", 'for f in lock*.dats; do echo "== $f"; patsopt -tc -d $f; done 2>&1 | grep -v "^$"', d, n_ats2,
        timeout=200)


OTT_BOAT = (p317.OTT_HEAD.replace("board t", "moor t").replace("sail t", "cruise t").replace("a car boards", "a boat moors")
            .replace("the ferry sails", "the boat cruises").replace(":: board", ":: moor").replace(":: sail", ":: cruise"))


def _ott_boat(rng: random.Random, n: int, bad: set[int]) -> str:
    rules = ["    --------------------------  :: ax_app\n    (\\x.t12) v2 -->  {v2/x}t12\n"]
    for i in range(n):
        prem = rng.choice(["t1 ==> t1'", "t1 --> t1' moor", "cruise --> t1'", "t1 --> t1' t1"]) if i in bad else "t1 --> t1'"
        concl = rng.choice(["moor t1 --> moor t1'", "cruise t1 --> cruise t1'", "t1 t --> t1' t"])
        rules.append(f"    {prem}\n    ---------------------- :: lock_{i}\n    {concl}\n")
    return OTT_BOAT + "\n".join(rules)


def cap_ott(tmp: Path) -> None:
    d = tmp / "ott"
    rng = random.Random(33006)
    write_tree(d, {"boat.ott": _ott_boat(rng, 8, {1, 5}), "boat-big.ott": _ott_boat(rng, 70, {6, 20, 21, 44, 58}),
                   "boat-ok.ott": _ott_boat(rng, 30, set())})
    cap("ott-boat", "ott -i boat.ott -o boat.tex; echo EXIT=$?; ott -i boat-ok.ott -o boat-ok.tex; echo EXIT=$?", d, n_ott,
        timeout=120)
    cap("ott-boat-big", "ott -i boat-big.ott -o boat-big.tex; echo EXIT=$?", d, n_ott, timeout=120)


# ------------------------------------------------------------------ Pure Data

def cap_pd(tmp: Path) -> None:
    d = tmp / "pd"
    d.mkdir()
    bad = ["towpath~ 3", "gverb~ 0.7", "lockgate_abs left", "iemlib/sigpack~", "expr $f1 *", "lop~ deep water",
           "else/drunkard 0 9", "freeze~", "tabplay~ nosuchtable", "moses 1 2 3 4", "delread~"]
    p318.pd_load_patch(d / "towpath.pd", 33011, 90, bad)
    cap("pd-load-towpath", "pd -nogui -stderr -open towpath.pd -send 'pd quit' 2>&1; echo EXIT=$?", d, n_pd_load,
        timeout=60)
    p318.pd_load_patch(d / "basin.pd", 33012, 600, bad[3:9])
    cap("pd-load-basin-verbose", "pd -nogui -stderr -verbose -open basin.pd -send 'pd quit' 2>&1 | tail -n 500", d,
        n_pd_load, timeout=60)
    p318.pd_print_patch(d / "levels.pd", 33013, [(30, "pound", "$f1*0.25+1.2"), (30, "lockfill", "1-exp(-$f1/8.)")],
                        ["send paddle-up 1", "obj sluice~"])
    cap("pd-batch-levels", "pd -nogui -batch -open levels.pd 2>&1; echo EXIT=$?", d, n_pd_print, timeout=60)
    p318.pd_print_patch(d / "flight.pd", 33014, [(250, "lock", "$f1%21"), (250, "rise", "$f1*2.13"),
                                                 (150, "queue", "int(abs(sin($f1*0.3))*6)")],
                        ["overflow", "send winding-hole 7", "msg ok route cruise"])
    cap("pd-batch-flight-head", "pd -nogui -batch -open flight.pd 2>&1 | head -n 900", d, n_pd_print, timeout=60)


# ------------------------------------------------------------------ Magic VLSI

def cap_magic(tmp: Path) -> None:
    d = tmp / "magic"
    d.mkdir()
    runs = [("drc-paddle", "paddle_drv", 33021, 60, ["box 0 0 1 4", "paint metal7"], p318.DRC_TAIL, n_magic_drc, "; echo EXIT=$?"),
            ("drc-sluice", "sluice_ctl", 33022, 320, [], p318.DRC_TAIL, n_magic_drc, " | tail -n 450"),
            ("drc-windlass-grep", "windlass", 33023, 180, ["box 5 5 9 9", "paint nwel", "paint cc"],
             p318.DRC_TAIL + ["drc find"], n_magic_drc, " | grep -v -e '^microns' -e '^lambda' -e 'width x height'"),
            ("extract-gatelogic", "gatelogic", 33024, 100, ["label GATE_OPEN n m1", "label GATE_OPEN s m2"],
             p318.EXT_TAIL, n_magic_extract, "; echo EXIT=$?; head -n 60 gatelogic.spice"),
            ("extract-levelsense", "levelsense", 33025, 240, ["label VSS c poly", "label LEVEL c m1", "port LEVEL"],
             p318.EXT_TAIL, n_magic_extract, " | tail -n 80")]
    for item, cell, seed, n, extra, tail, ext, pipe in runs:
        (d / f"{cell}.tcl").write_text(p318.magic_script(cell, seed, n, extra, tail))
        cap(f"magic-{item}", f"magic -dnull -noconsole -T scmos {cell}.tcl 2>&1{pipe}", d, ext, timeout=120)


# ------------------------------------------------------------------ GIMP

def cap_gimp(tmp: Path) -> None:
    d = tmp / "gimp"
    d.mkdir()
    (d / "out").mkdir()
    g = "gimp -i -b '{}' -b '(gimp-quit 0)' 2>&1; echo EXIT=$?"

    def batch(item: str, script: str) -> None:
        cap(f"gimp-{item}", g.format(script), d, n_gimp, timeout=150)

    batch("nameboards", """(let loop ((i 0)) (if (< i 16) (begin
  (let* ((img (car (gimp-image-new (+ 300 (* i 20)) 80 RGB)))
         (layer (car (gimp-layer-new img (+ 300 (* i 20)) 80 RGB-IMAGE "board" 100 LAYER-MODE-NORMAL))))
    (gimp-image-insert-layer img layer 0 0)
    (gimp-context-set-foreground (list (* i 15) 40 90))
    (gimp-drawable-fill layer FILL-FOREGROUND)
    (if (= i 11) (gimp-image-crop img 0 0 0 0))
    (gimp-message (string-append "nameboard " (number->string i) " " (number->string (car (gimp-image-width img))) "x80"))
    (gimp-file-save RUN-NONINTERACTIVE img layer (string-append "out/board" (number->string i) ".png") "b.png"))
  (loop (+ i 1)))))""")
    batch("unbound-livery", """(begin (let loop ((i 0)) (if (< i 20) (begin (gimp-message (string-append "livery panel "
  (number->string i) " colour " (number->string (* i 12)))) (loop (+ i 1)))))
  (gimp-message "applying livery") (gimp-image-flatten boat-image) (gimp-message "done"))""")
    batch("filters-cabin", """(let* ((img (car (gimp-image-new 200 120 RGB)))
       (layer (car (gimp-layer-new img 200 120 RGB-IMAGE "cabin" 100 LAYER-MODE-NORMAL))))
  (gimp-image-insert-layer img layer 0 0)
  (gimp-drawable-fill layer FILL-WHITE)
  (let loop ((r 1)) (if (< r 15) (begin (plug-in-pixelize RUN-NONINTERACTIVE img layer r)
    (gimp-message (string-append "pixelize " (number->string r) " layers "
      (number->string (car (gimp-image-get-layers img))))) (loop (+ r 1)))))
  (plug-in-oilify RUN-NONINTERACTIVE img layer 8 0)
  (gimp-message "oilified")
  (plug-in-canal-ripple RUN-NONINTERACTIVE img layer 4)
  (gimp-message "never"))""")


# ------------------------------------------------------------------ admesh, gnucap

def cap_admesh(tmp: Path) -> None:
    d = tmp / "stl"
    d.mkdir()
    p318.stl(d / "tillerpin.stl", 33031, 36, 12, 0.02, 0.08, 4, 6)
    p318.stl(d / "hull.stl", 33032, 160, 28, 0.0, 0.15, 12, 30)
    cap("admesh-hull-fix", "admesh -f -d -n -u -v --write-ascii-stl=hull-fixed.stl hull.stl 2>&1; echo EXIT=$?", d,
        n_admesh, timeout=180)
    (d / "fender.stl").write_text("solid fender\n  facet normal 0 0 1\n    outer loop\n      vertex 0 0 0\n"
                                  "      vertex 1 0 0\n      vertex 0 1\n    endloop\n  endfacet\n" * 4)
    cap("admesh-fender-loop", "for f in fender.stl tiller.stl tillerpin.stl; do echo \"== $f\"; admesh $f; echo EXIT=$?; "
        "done 2>&1", d, n_admesh, timeout=120)


def cap_gnucap(tmp: Path) -> None:
    d = tmp / "gnucap"
    d.mkdir()
    (d / "charger.ckt").write_text(p318.ladder(6, 33041).replace("rc ladder", "battery charger filter") +
                                   ".print ac vm(n6) vp(n6) vdb(n6)\n.ac dec 30 10 10Meg\n.end\n")
    cap("gnucap-charger-ac", "gnucap -b charger.ckt 2>&1; echo EXIT=$?", d, n_gnucap, timeout=120)
    (d / "pumptimer.ckt").write_text("* bilge pump timer\nV1 in 0 pulse (0 12 0 1u 1u 400u 1m)\nR1 in a 4.7k\n"
                                     "C1 a 0 47n\nR2 a b 10k\nC2 b 0 22n\nD1 b c dmodel_missing\nR3 c 0 1k\n"
                                     "R4 b 0 1e3x\nM1 d b 0 0 nmos_pump\nL1 vbat d 2m\nV2 vbat 0\n"
                                     ".print tran v(a) v(b) v(c)\n.tran 0 3m 5u\n.print op v(a) v(b)\n.op\n.end\n")
    fixed = (d / "pumptimer.ckt").read_text().replace("D1 b c dmodel_missing\n", "R6 b c 330\n").replace(
        "M1 d b 0 0 nmos_pump\n", "").replace("V2 vbat 0\n", "V2 vbat 0 12\n")
    (d / "pumptimer2.ckt").write_text(fixed)
    cap("gnucap-pumptimer-errors", "gnucap -b pumptimer.ckt 2>&1; echo EXIT=$?; gnucap -b pumptimer2.ckt 2>&1 | head -n 300; "
        "echo EXIT=$?", d, n_gnucap, timeout=120)
    (d / "nav.ckt").write_text("* navigation light driver\nV1 vcc 0 pulse (0 12 0 10u 10u 200u 500u)\nR1 vcc led 470\nR2 led 0 1.2k\n"
                               "R3 led sw 33\nC1 sw 0 100n\n.print tran v(led) v(sw) i(R1)\n.tran 0 1m 2u\n.end\n")
    cap("gnucap-nav-tran", "gnucap -b nav.ckt 2>&1 | head -n 400", d, n_gnucap, timeout=120)


# ------------------------------------------------------------------ ezdxf

EZDXF_MAKE = (p318.EZDXF_MAKE.replace('"WALLS", "DOORS", "DIMS", "FURNITURE"', '"HULL", "PORTHOLES", "DIMS", "CABIN"')
              .replace('"DOOR"', '"PORTHOLE"').replace('"WALLS"', '"HULL"').replace('"DOORS"', '"PORTHOLES"')
              .replace('"FURNITURE"', '"CABIN"').replace('"room %d"', '"berth %d"'))


def _damage(path: Path, seed: int, faults: dict[str, int]) -> None:
    txt = path.read_text()
    txt = txt.replace("\nHULL\n", "\nWALLS\n").replace("\nPORTHOLE\n", "\nDOOR\n").replace("\nCABIN\n", "\nFURNITURE\n")
    path.write_text(txt)
    p318.damage_dxf(path, seed, faults)
    txt = path.read_text()
    path.write_text(txt.replace("\nWALLS\n", "\nHULL\n").replace("\nFURNITURE\n", "\nCABIN\n")
                    .replace("\nDOOR\n", "\nPORTHOLE\n").replace("\nDOOR-RIGHT\n", "\nPORTHOLE-STBD\n"))


def cap_ezdxf(tmp: Path) -> None:
    d = tmp / "dxf"
    d.mkdir()
    (d / "make.py").write_text(EZDXF_MAKE)
    py, ez = VENV / "bin" / "python", VENV / "bin" / "ezdxf"
    env = {"PATH": f"{VENV}/bin:{os.environ['PATH']}"}
    for item, seed, n, faults in [("cabin-plan", 33051, 400, {"layer": 12, "block": 40, "style": 40}),
                                  ("fleet-sheet", 33052, 1800, {"layer": 4, "block": 8, "color": 5})]:
        f = d / f"{item}.dxf"
        run(f"{py} make.py {f.name} {seed} {n}", cwd=d, timeout=120)
        if f.exists():
            _damage(f, seed, faults)
        cap(f"ezdxf-audit-{item}", f"{ez} audit {f.name} 2>&1; echo EXIT=$?", d, n_ezdxf, timeout=180, env=env,
            typed=f"ezdxf audit {f.name} 2>&1; echo EXIT=$?")
    txt = (d / "fleet-sheet.dxf").read_text().split("\n")
    (d / "fleet-cut.dxf").write_text("\n".join(txt[: len(txt) // 2 // 2 * 2]))
    cap("ezdxf-audit-cut", f"{ez} audit fleet-cut.dxf cabin-plan.dxf nosuch.dxf 2>&1; echo EXIT=$?", d, n_ezdxf,
        timeout=180, env=env, typed="ezdxf audit fleet-cut.dxf cabin-plan.dxf nosuch.dxf 2>&1; echo EXIT=$?")


# ------------------------------------------------------------------ fig2dev, pcb-rnd

def cap_fig2dev(tmp: Path) -> None:
    d = tmp / "fig"
    d.mkdir()
    for k in range(30):
        (d / f"canalmap{k:02d}.fig").write_text(p318.fig(33061 + k, 25 + 6 * k, 6 if k % 4 == 1 else 0))
    cap("fig2dev-canalmaps-png", "for f in canalmap*.fig; do fig2dev -L png $f ${f%.fig}.png || echo \"FAILED $f\"; "
        "done 2>&1; echo EXIT=$?", d, n_fig2dev, timeout=300)
    cap("fig2dev-canalmaps-tikz", "for f in canalmap0*.fig canalmap1*.fig; do echo \"== $f\"; fig2dev -L tikz $f "
        "${f%.fig}.tex; echo \"exit $?\"; done 2>&1 | tail -n 300", d, n_fig2dev, timeout=300)


def cap_pcb(tmp: Path) -> None:
    d = tmp / "pcb"
    d.mkdir()

    def board(seed, n, **kw):
        return p318.pcb_board(seed, n, **kw).replace("sensor-node", "bilge-pump-ctl")

    (d / "bilge.pcb").write_text(board(33071, 90, dup=4))
    cap("pcb-rnd-bilge-bom", "pcb-rnd -x bom bilge.pcb 2>&1; echo EXIT=$?; cat bilge.bom", d, n_pcb_rnd, timeout=60)
    (d / "panel.pcb").write_text(board(33072, 200, dup=5))
    cap("pcb-rnd-panel-xy", "pcb-rnd -x XY panel.pcb 2>&1 && head -n 150 panel.xy", d, n_pcb_rnd, timeout=60)
    (d / "horn.pcb").write_text(board(33073, 80, bogus_at=33))
    cap("pcb-rnd-horn-exporters", "for x in gerber bom nosuch png; do echo \"== $x\"; pcb-rnd -x $x horn.pcb; "
        "echo EXIT=$?; done 2>&1; ls", d, n_pcb_rnd, timeout=120)


STEPS = [cap_agda, cap_maude, cap_acl2, cap_spass, cap_boolector, cap_mona, cap_gappa, cap_abc, cap_ats, cap_ott,
         cap_pd, cap_magic, cap_gimp, cap_admesh, cap_gnucap, cap_ezdxf, cap_fig2dev, cap_pcb]


def ensure_tools() -> None:
    cm.install_venv(VENV, "ezdxf", ["ezdxf"])


def steps() -> list:
    return STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide330", sys.modules["__main__"])
    main()
