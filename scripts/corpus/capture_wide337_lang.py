"""Round 337: `tanhouse`, a tannery's hides, vats and tanners, through GHC's hpc, haddock and ghci, Erlang's cover,
fprof and shell, SBCL's FiveAM and sb-sprof, SWI-Prolog's plunit and check/0, with faults put in on purpose (other
than round 328's); sizes from seeded generators (seeds 33710 and up). Every extractor is round 328's, imported.
Run through capture_wide337.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import write_tree
from capture_wide337 import cap
from capture_wide328_lang import (n_cover_out, n_erl_shell, n_fiveam, n_fprof, n_ghci, n_haddock,  # noqa: F401
                                  n_hpc_report, n_plunit, n_sprof, n_swipl_check)

STEPS: list = []


# ================================================================== Haskell: hpc, haddock, ghci

HS_CORE = {
    "src/Tanhouse/Hide.hs": '''
-- | Hides as they come to the yard: their weight, thickness and grade.
module Tanhouse.Hide
  ( Grade(..)
  , Hide(..)
  , gradeHide
  , trimWeight
  , splitHide
  , hideValue
  , thickest
  ) where

import Data.List (maximumBy)
import Data.Ord (comparing)

-- | The grade a sorter gives a hide.
data Grade = Prime | Second | Third | Reject
  deriving (Show, Eq, Ord, Enum, Bounded)

data Hide = Hide
  { hideTag       :: String
  , hideKg        :: Double
  , hideThickness :: Double
  , hideScars     :: Int
  } deriving (Show, Eq)

-- | Grade by scars and thickness.
gradeHide :: Hide -> Grade
gradeHide h
  | hideScars h == 0 && hideThickness h >= 4.0 = Prime
  | hideScars h <= 2 = Second
  | hideScars h <= 6 = Third
  | otherwise = Reject

trimWeight :: Hide -> Double
trimWeight h
  | hideKg h > 40 = hideKg h * 0.88
  | hideKg h > 20 = hideKg h * 0.91
  | otherwise = hideKg h * 0.95

-- | Split a hide into grain and flesh layers.
splitHide :: Double -> Hide -> (Hide, Hide)
splitHide at h
  | at <= 0 || at >= hideThickness h = (h, h { hideThickness = 0, hideKg = 0 })
  | otherwise = ( h { hideThickness = at, hideKg = hideKg h * at / hideThickness h }
                , h { hideThickness = hideThickness h - at, hideKg = hideKg h * (1 - at / hideThickness h) } )

hideValue :: Hide -> Int
hideValue h = case gradeHide h of
  Prime -> round (hideKg h * 9)
  Second -> round (hideKg h * 6)
  Third -> round (hideKg h * 3)

thickest :: [Hide] -> Hide
thickest = maximumBy (comparing hideThickness)
''',
    "src/Tanhouse/Vat.hs": '''
module Tanhouse.Vat
  ( VatKind(..)
  , Vat(..)
  , soakDays
  , liquorStrength
  , nextVat
  , vatFor
  , grade
  ) where

data VatKind = Lime | Bate | Bark | Retan
  deriving (Show, Eq, Ord, Enum, Bounded)

data Vat = Vat { vatNo :: Int, vatKind :: VatKind, barkometer :: Int }

-- | Days a hide soaks in a vat of this kind.
soakDays :: VatKind -> Double -> Int
soakDays Lime kg
  | kg > 30 = 9
  | otherwise = 7
soakDays Bate _ = 1
soakDays Bark kg = ceiling (kg / 2)
soakDays Retan kg
  | kg < 0 = error "soakDays: negative weight"
  | otherwise = 3

liquorStrength :: Vat -> Double
liquorStrength v = fromIntegral (barkometer v) / 100

nextVat :: VatKind -> VatKind
nextVat Lime = Bate
nextVat Bate = Bark
nextVat Bark = Retan

vatFor :: Int -> [Vat] -> Maybe Vat
vatFor n = foldr (\\v acc -> if vatNo v == n then Just v else acc) Nothing

-- | The liquor grade of a vat: weak, middling or strong.
grade :: Vat -> String
grade v
  | barkometer v < 20 = "weak"
  | barkometer v < 60 = "middling"
  | otherwise = "strong"
''',
    "src/Tanhouse/Yard.hs": '''
-- | Tanners and their shifts in the yard.
module Tanhouse.Yard
  ( Tanner(..)
  , shiftHours
  , rota
  , hidesPerShift
  , overtime
  , grade
  ) where

data Tanner = Tanner { tannerName :: String, tannerSkill :: Int, tannerShifts :: [Int] }
  deriving (Show)

shiftHours :: Tanner -> Int
shiftHours = sum . tannerShifts

rota :: Int -> [Tanner] -> [(Int, String)]
rota days ts = [ (d, tannerName t) | d <- [1 .. days], t <- ts, d `mod` length ts == tannerSkill t `mod` length ts ]

hidesPerShift :: Tanner -> Int
hidesPerShift t
  | tannerSkill t >= 8 = 14
  | tannerSkill t >= 5 = 10
  | tannerSkill t >= 1 = 6
  | otherwise = 0

overtime :: Int -> Tanner -> Int
overtime limit t = max 0 (shiftHours t - limit)

grade :: Tanner -> Int
grade t = tannerSkill t * 10 + length (tannerShifts t)
''',
}

HS_MAIN = '''
module Main (main) where

import Tanhouse.Hide
import Tanhouse.Vat hiding (grade)
import Tanhouse.Yard
{imports}

main :: IO ()
main = do
  let h = Hide "ox-17" 32.5 4.6 1
  print (gradeHide h, trimWeight h, hideValue h)
  print (soakDays Lime 32.5, soakDays Bark 18, liquorStrength (Vat 3 Bark 45))
  let t = Tanner "Ada" 6 [8, 8, 10]
  print (shiftHours t, hidesPerShift t, overtime 24 t, length (rota 10 [t]))
{calls}
'''

PIT_WORDS = ["limeDays", "bateTemp", "liquorDrop", "sammying", "shavingLoss", "stakingPull", "oilUptake",
             "dryingHours", "fleshWeight", "bellyCut"]


def _hs_pit(i: int, rnd: random.Random, doc_share: float, fault: str | None = None) -> str:
    """A generated module Tanhouse.Pit.PNN: a pit's hide treatments, some documented, some branches never taken."""
    name = f"P{i:02d}"
    fns, exports = [], []
    for j in range(rnd.randint(3, 8)):
        f = rnd.choice(PIT_WORDS) + str(j)
        exports.append(f)
        doc = f"-- | The {f} of vat {j} in pit {name}.\n" if rnd.random() < doc_share else ""
        a, b = rnd.randint(2, 30), rnd.randint(50, 300)
        if rnd.random() < 0.5:
            fns.append(f"{doc}{f} :: Int -> Maybe Int\n{f} x\n  | x `mod` {rnd.randint(3, 9)} == 0 = Nothing\n"
                       f"  | x > {b} && even x = Just (x `div` {rnd.randint(2, 5)})\n  | otherwise = Just (x + {a})\n")
        else:
            fns.append(f"{doc}{f} :: Int -> Int\n{f} x = if x < {a} then {j + 1} * x else case x `mod` {rnd.randint(2, 4)} of\n"
                       f"  0 -> x - {a}\n  1 -> x + {b}\n  _ -> {rnd.randint(1, 99)}\n")
    dead = f"spareVats{name} :: [(Int, Int)]\nspareVats{name} = [{', '.join(f'({k}, {rnd.randint(10, 90)})' for k in range(3))}]\n"
    head = f"-- | Pit {name}.\n" if rnd.random() < doc_share else ""
    imports = ""
    extra = ""
    if fault == "import":
        imports = "import Tanhouse.Currying (currierRate)\n\n"
        extra = f"curried{name} :: Int -> Int\ncurried{name} = currierRate . (+ 1)\n"
        exports.append(f"curried{name}")
    if fault == "instance":
        extra = f"bestVat{name} :: Int -> Int\nbestVat{name} = maximum [negate, abs]\n"
        exports.append(f"bestVat{name}")
    return (f"{head}module Tanhouse.Pit.{name}\n  ( " + "\n  , ".join(exports + [f"spareVats{name}"]) + "\n  ) where\n\n"
            + imports + "\n".join(fns) + "\n" + dead + extra)


def _hs_project(root: Path, n_pits: int, seed: int, doc_share: float = 0.5, faults: dict | None = None) -> list[str]:
    rnd = random.Random(seed)
    files = dict(HS_CORE)
    mods, imports, call_lines = [], [], []
    for i in range(n_pits):
        src = _hs_pit(i, rnd, doc_share, (faults or {}).get(i))
        files[f"src/Tanhouse/Pit/P{i:02d}.hs"] = src
        mods.append(f"Tanhouse.Pit.P{i:02d}")
        imports.append(f"import qualified Tanhouse.Pit.P{i:02d} as P{i:02d}")
        first = re.search(r"^(\w+) ::", src, re.M).group(1)
        if rnd.random() < 0.7:
            call_lines.append(f"  print (P{i:02d}.{first} {rnd.randint(0, 400)})")
    files["src/Main.hs"] = HS_MAIN.format(imports="\n".join(imports), calls="\n".join(call_lines))
    write_tree(root, files)
    return mods


def cap_hpc(tmp: Path) -> None:
    for tag, n, seed, extra in (("yard", 3, 33710, ""), ("pits", 24, 33711, " --decl-list"), ("works", 64, 33712, "")):
        d = tmp / f"hpc-{tag}"
        _hs_project(d, n, seed)
        cm.run("nice ghc -j1 -fhpc -isrc -outputdir build -o tanhouse src/Main.hs", cwd=d, timeout=900)
        cm.run("./tanhouse", cwd=d, timeout=60)
        cap(f"hpc-report-{tag}", f"hpc report --per-module{extra} tanhouse.tix; echo EXIT=$?", d, n_hpc_report)


STEPS += [cap_hpc]


def cap_haddock(tmp: Path) -> None:
    for tag, n, seed, share, faults in (("pits", 16, 33713, 0.35, {}), ("works", 70, 33714, 0.55, {}),
                                         ("currier", 9, 33715, 0.5, {4: "import"})):
        d = tmp / f"haddock-{tag}"
        mods = _hs_project(d, n, seed, share, faults)
        srcs = "src/Tanhouse/*.hs " + " ".join(f"src/{m.replace('.', '/')}.hs" for m in mods)
        cap(f"haddock-{tag}", f"nice haddock --html -o doc {srcs}; echo EXIT=$?", d, n_haddock,
            typed="haddock --html -o doc src/Tanhouse/*.hs src/Tanhouse/Pit/*.hs; echo EXIT=$?")


STEPS += [cap_haddock]


GHCI_SESSION = '''
:set -Wall
:load src/Tanhouse/Hide.hs src/Tanhouse/Vat.hs src/Tanhouse/Yard.hs
:module + *Tanhouse.Hide *Tanhouse.Vat *Tanhouse.Yard
:type gradeHide
:type splitHide
:type rota
let h = Hide "calf-3" 12.0 2.5 9
gradeHide h
hideValue h
trimWeight h
grade (Vat 2 Bark 70)
nextVat Retan
import Data.Maybe (fromJust)
fromJust (vatFor 9 [Vat 1 Lime 10])
read "12x" :: Int
vatFor 1 [Vat 1 Lime 10]
thickest []
soakDays Retan (-2)
:type liquorStrength
:info VatKind
[minBound .. maxBound] :: [Grade]
{more}
:load src/Tanhouse/Pit/P02.hs src/Tanhouse/Pit/P03.hs
:type hidesPerShift
:quit
'''


def cap_ghci(tmp: Path) -> None:
    for tag, n, seed, k in (("yard", 5, 33716, 0), ("pits", 10, 33717, 30), ("works", 20, 33718, 70)):
        d = tmp / f"ghci-{tag}"
        _hs_project(d, n, seed, 0.5, {3: "instance"})
        rnd = random.Random(seed)
        more = []
        for _ in range(k):
            more.append(rnd.choice([f"soakDays {rnd.choice(['Lime', 'Bate', 'Bark', 'Retan'])} {rnd.randint(5, 60)}",
                                    f":type {rnd.choice(['trimWeight', 'hideValue', 'nextVat', 'overtime', 'vatFor'])}",
                                    f"gradeHide (Hide \"h{rnd.randint(1, 99)}\" {rnd.randint(5, 50)} {rnd.randint(1, 6)} {rnd.randint(0, 9)})",
                                    f"hideValue (Hide \"h{rnd.randint(1, 99)}\" {rnd.randint(5, 50)} 4.5 {rnd.randint(0, 9)})",
                                    f"nextVat {rnd.choice(['Lime', 'Bate', 'Bark', 'Retan'])}",
                                    f"overtime {rnd.randint(10, 40)} (Tanner \"t\" {rnd.randint(0, 9)} [{rnd.randint(4, 12)}, {rnd.randint(4, 12)}])"]))
        (d / "session.ghci").write_text(GHCI_SESSION.lstrip().replace("{more}", "\n".join(more)))
        cap(f"ghci-{tag}", "ghci -isrc < session.ghci", d, n_ghci, timeout=300)


STEPS += [cap_ghci]


# ================================================================== Erlang: cover, fprof, the shell

ERL_CORE = {
    "hide.erl": '''
-module(hide).
-export([grade/1, trim/1, value/1, split/2, sort_by_weight/1]).

grade({_Tag, _Kg, Thick, 0}) when Thick >= 4.0 -> prime;
grade({_Tag, _Kg, _Thick, Scars}) when Scars =< 2 -> second;
grade({_Tag, _Kg, _Thick, Scars}) when Scars =< 6 -> third;
grade({_Tag, _Kg, _Thick, _}) -> reject.

trim({_, Kg, _, _}) when Kg > 40 -> Kg * 0.88;
trim({_, Kg, _, _}) when Kg > 20 -> Kg * 0.91;
trim({_, Kg, _, _}) -> Kg * 0.95.

value(Hide = {_, Kg, _, _}) ->
    case grade(Hide) of
        prime -> round(Kg * 9);
        second -> round(Kg * 6);
        third -> round(Kg * 3)
    end.

split(At, {Tag, Kg, Thick, S}) when At > 0, At < Thick ->
    {{Tag, Kg * At / Thick, At, S}, {Tag, Kg * (1 - At / Thick), Thick - At, S}}.

sort_by_weight(Hides) -> lists:sort(fun({_, A, _, _}, {_, B, _, _}) -> A >= B end, Hides).
''',
    "vat.erl": '''
-module(vat).
-export([soak_days/2, strength/1, next/1, liquor/1, strengthen/2]).

soak_days(lime, Kg) when Kg > 30 -> 9;
soak_days(lime, _) -> 7;
soak_days(bate, _) -> 1;
soak_days(bark, Kg) -> trunc(Kg / 2) + 1;
soak_days(retan, _) -> 3.

strength({_No, _Kind, Barko}) -> Barko / 100.

next(lime) -> bate;
next(bate) -> bark;
next(bark) -> retan.

liquor({_, _, B}) when B < 20 -> weak;
liquor({_, _, B}) when B < 60 -> middling;
liquor({_, _, _}) -> strong.

strengthen({No, Kind, B}, Bark) ->
    {ok, Added} = add_bark(B, Bark),
    {No, Kind, Added}.

add_bark(B, Bark) when Bark > 0 -> {ok, B + Bark * 2};
add_bark(_, _) -> {error, no_bark}.
''',
    "tanner.erl": '''
-module(tanner).
-export([hours/1, per_shift/1, overtime/2, rota/2]).

hours({_Name, _Skill, Shifts}) -> lists:sum(Shifts).

per_shift({_, Skill, _}) when Skill >= 8 -> 14;
per_shift({_, Skill, _}) when Skill >= 5 -> 10;
per_shift({_, Skill, _}) when Skill >= 1 -> 6;
per_shift(_) -> 0.

overtime(Limit, T) -> max(0, hours(T) - Limit).

rota(Days, Tanners) ->
    N = length(Tanners),
    [{D, Name} || D <- lists:seq(1, Days), {Name, Skill, _} <- Tanners, D rem N =:= Skill rem N].
''',
}

ERL_PIT_WORDS = ["lime_days", "bate_temp", "liquor_drop", "sammying", "shaving_loss", "staking_pull", "oil_uptake",
                 "drying_hours", "flesh_weight", "belly_cut"]


def _erl_pit(i: int, rnd: random.Random) -> str:
    name = f"pit_{i:02d}"
    fns, exps = [], []
    for j in range(rnd.randint(3, 9)):
        f = rnd.choice(ERL_PIT_WORDS) + f"_{j}"
        exps.append(f"{f}/1")
        a, b = rnd.randint(2, 30), rnd.randint(50, 300)
        if rnd.random() < 0.5:
            body = [f"{f}(X) when X rem {rnd.randint(3, 9)} =:= 0 -> none;",
                    f"{f}(X) when X > {b} ->",
                    f"    case X rem 2 of",
                    f"        0 -> {{ok, X div {rnd.randint(2, 5)}}};",
                    f"        1 -> {{ok, X - {a}}}",
                    "    end;",
                    f"{f}(X) -> {{ok, X + {a}}}."]
        else:
            body = [f"{f}(X) when X < {a} -> {j + 1} * X;",
                    f"{f}(X) ->",
                    f"    Acc = lists:foldl(fun(K, S) -> S + K rem {rnd.randint(3, 11)} end, 0, lists:seq(1, X rem {rnd.randint(20, 60)} + 1)),",
                    f"    if Acc > {rnd.randint(40, 200)} -> {{heavy, Acc}}; true -> {{light, Acc + {b}}} end."]
        fns.append("\n".join(body))
    return f"-module({name}).\n-export([{', '.join(exps)}]).\n\n" + "\n\n".join(fns) + "\n"


def _erl_project(d: Path, n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    files = dict(ERL_CORE)
    mods = ["hide", "vat", "tanner"]
    for i in range(n):
        files[f"pit_{i:02d}.erl"] = _erl_pit(i, rnd)
        mods.append(f"pit_{i:02d}")
    write_tree(d, files)
    return mods


def _erl_calls(mods: list[str], rnd: random.Random, k: int) -> str:
    calls = ["hide:grade({ox17, 32.5, 4.6, 1})", "hide:trim({calf3, 12.0, 2.5, 9})",
             "hide:sort_by_weight([{a, 30, 4, 0}, {b, 41, 3, 2}, {c, 18, 5, 7}])",
             "vat:soak_days(lime, 32)", "vat:soak_days(bark, 18)", "vat:liquor({3, bark, 45})",
             "tanner:rota(10, [{ada, 6, [8, 8]}, {bo, 3, [10]}])", "tanner:overtime(20, {ada, 6, [8, 8, 10]})",
             "catch hide:value({calf9, 10, 2, 9})", "catch vat:strengthen({4, bark, 30}, 0)"]
    pits = [m for m in mods if m.startswith("pit_")]
    for _ in range(k):
        m = rnd.choice(pits)
        calls.append(f"[catch {m}:F({rnd.randint(0, 400)}) || {{F, 1}} <- lists:sublist({m}:module_info(exports), {rnd.randint(1, 3)})]")
    return ", ".join(calls)


def cap_cover(tmp: Path) -> None:
    d = tmp / "cover"
    mods = _erl_project(d, 10, 33719)
    calls = _erl_calls(mods, random.Random(33719), 8)
    ev = (f"[{{ok, _}} = cover:compile_module(M) || M <- [{', '.join(mods)}]], {calls}, "
          f"[cover:analyse_to_file(M, atom_to_list(M) ++ \".COVER.out\", []) || M <- [{', '.join(mods)}]], init:stop().")
    cm.run(f"nice erl -noshell -eval '{ev}'", cwd=d, timeout=300)
    for m in ("hide", "vat", "tanner", "pit_04"):
        cap(f"cover-{m}", f"cat {m}.COVER.out", d, n_cover_out)
    cap("cover-pits", "cat pit_*.COVER.out", d, n_cover_out)


STEPS += [cap_cover]


def cap_fprof(tmp: Path) -> None:
    for tag, n, k, seed, reps in (("yard", 0, 0, 33720, 300), ("pits", 8, 16, 33721, 15), ("works", 20, 40, 33722, 15)):
        d = tmp / f"fprof-{tag}"
        mods = _erl_project(d, n, seed)
        cm.run("nice erlc *.erl", cwd=d, timeout=300)
        calls = _erl_calls(mods, random.Random(seed), k)
        (d / "work.erl").write_text("-module(work).\n-export([run/0]).\n\nrun() ->\n    [begin " + calls +
                                    " end || _ <- lists:seq(1, " + str(reps) + ")],\n    ok.\n")
        cm.run("nice erlc work.erl", cwd=d, timeout=120)
        ev = "fprof:apply(work, run, []), fprof:profile(), fprof:analyse([{dest, []}]), init:stop()."
        cap(f"fprof-{tag}", f"erl -noshell -eval '{ev}'; cat fprof.analysis", d, n_fprof, timeout=600)


STEPS += [cap_fprof]


ERL_BROKEN = '''
-module(currier).
-export([dress/2, stuff/1]).

dress(Hide, Oil) ->
    case Oil of
        tallow -> Finish = waxed;
        cod -> ok
    end,
    {Hide, Finish}.

stuff(Hide) ->
    hide:trim(Hide) * 1.1.
'''

ERL_WARN = '''
-module(yardbook).
-import(lists, [foldl/3, reverse/1]).
-export([tally/1]).

tally(Hides) ->
    Total = length(Hides),
    [hide:grade(H) || H <- Hides].

spare_entry(X) -> X.
'''


def cap_erl_shell(tmp: Path) -> None:
    for tag, n, k, seed in (("yard", 2, 5, 33723), ("pits", 6, 35, 33724), ("works", 12, 80, 33725)):
        d = tmp / f"shell-{tag}"
        mods = _erl_project(d, n, seed)
        write_tree(d, {"currier.erl": ERL_BROKEN, "yardbook.erl": ERL_WARN})
        rnd = random.Random(seed)
        cmds = [f"c({m})." for m in mods] + ["c(currier).", "c(yardbook).", "hide:grade({ox17, 32.5, 4.6, 1}).",
                                              "hide:value({calf9, 10, 2, 9}).", "vat:next(retan).",
                                              "vat:strengthen({4, bark, 30}, 0).", "hide:split(0, {ox2, 30, 4.0, 0}).",
                                              "vat:strength({1, lime, barko}).",
                                              "yardbook:tally([{a, 30, 4, 0}]).",
                                              "spawn(fun() -> vat:soak_days(tan, 10) end).", "timer:sleep(200).",
                                              "tanner:rota(3, []).", "lists:nth(0, [lime, bate])."]
        for _ in range(k):
            m = rnd.choice([x for x in mods if x.startswith("pit_")])
            cmds.append(rnd.choice([f"{m}:module_info(exports).",
                                    f"vat:soak_days({rnd.choice(['lime', 'bate', 'bark', 'retan'])}, {rnd.randint(5, 60)}).",
                                    f"hide:grade({{h{rnd.randint(1, 99)}, {rnd.randint(5, 50)}, {rnd.randint(1, 6)}, {rnd.randint(0, 9)}}}).",
                                    f"hide:value({{h{rnd.randint(1, 99)}, {rnd.randint(5, 50)}, 4.5, {rnd.randint(0, 9)}}}).",
                                    f"vat:next({rnd.choice(['lime', 'bate', 'bark', 'retan'])}).",
                                    f"tanner:overtime({rnd.randint(10, 40)}, {{t, {rnd.randint(0, 9)}, [{rnd.randint(4, 12)}, {rnd.randint(4, 12)}]}})."]))
        cmds.append("q().")
        (d / "session.txt").write_text("\n".join(cmds) + "\n")
        cap(f"erl-shell-{tag}", "erl < session.txt", d, n_erl_shell, timeout=300)


STEPS += [cap_erl_shell]


# ================================================================== SBCL: FiveAM and sb-sprof

LISP_CORE = '''
(defpackage :tanhouse (:use :cl))
(in-package :tanhouse)

(defstruct hide tag kg thickness scars)

(defun grade-hide (h)
  (cond ((and (zerop (hide-scars h)) (>= (hide-thickness h) 4.0)) :prime)
        ((<= (hide-scars h) 2) :second)
        ((<= (hide-scars h) 6) :third)
        (t :reject)))

(defun trim-weight (kg)
  (cond ((> kg 40) (* kg 0.88))
        ((> kg 20) (* kg 0.91))
        (t (* kg 0.95))))

(defun hide-value (h)
  (ecase (grade-hide h)
    (:prime (round (* 9 (hide-kg h))))
    (:second (round (* 6 (hide-kg h))))
    (:third (round (* 3 (hide-kg h))))))

(defun soak-days (kind kg)
  (ecase kind
    (:lime (if (> kg 30) 9 7))
    (:bate 1)
    (:bark (ceiling kg 2))
    (:retan 3)))

(defun liquor-strength (barkometer) (/ barkometer 100))

(defun next-vat (kind)
  (ecase kind (:lime :bate) (:bate :bark) (:bark :retan)))

(defun shift-hours (shifts) (reduce #'+ shifts))

(defun overtime (limit shifts) (max 0 (- (shift-hours shifts) limit)))
'''


def _lisp_tests(rnd: random.Random, n: int) -> str:
    out = ['(in-package :tanhouse)', '(5am:def-suite tanhouse :description "tanhouse")', '(5am:in-suite tanhouse)',
           '(5am:test grade-prime (5am:is (eq :prime (grade-hide (make-hide :kg 30 :thickness 4.5 :scars 0)))))',
           '(5am:test grade-thin (5am:is (eq :prime (grade-hide (make-hide :kg 30 :thickness 3.5 :scars 0)))))',
           '(5am:test trim-heavy (5am:is (= 44.0 (trim-weight 50))))',
           '(5am:test value-reject (5am:is (= 0 (hide-value (make-hide :kg 20 :thickness 3 :scars 9)))))',
           '(5am:test soak-lime (5am:is (= 9 (soak-days :lime 31))))',
           '(5am:test soak-string (5am:is (= 9 (soak-days :bark "18"))))',
           '(5am:test next-retan (5am:signals error (next-vat :retan)))',
           '(5am:test next-retan-crash (5am:is (eq :lime (next-vat :retan))))',
           '(5am:test liquor-half (5am:is (= 0.45 (liquor-strength 45))))',
           '(5am:test currier-rate (5am:is (= 12 (currier-rate 3))))',
           '(5am:test overtime-none (5am:is (zerop (overtime 40 (list 8 8 8)))))']
    for i in range(n):
        kg = rnd.randint(5, 60)
        exp = kg * (0.88 if kg > 40 else 0.91 if kg > 20 else 0.95)
        if rnd.random() < 0.1:
            exp = round(exp, 1)
        out.append(f'(5am:test trim-{i:03d} (5am:is (= {exp!r} (trim-weight {kg}))))')
        if rnd.random() < 0.5:
            kind = rnd.choice([":lime", ":bate", ":bark", ":retan"])
            w = rnd.randint(5, 60)
            want = {":lime": 9 if w > 30 else 7, ":bate": 1, ":bark": -(-w // 2), ":retan": 3}[kind]
            if rnd.random() < 0.1:
                want += 1
            out.append(f'(5am:test soak-{i:03d} (5am:is (= {want} (soak-days {kind} {w}))))')
        if rnd.random() < 0.3:
            shifts = [rnd.randint(4, 12) for _ in range(3)]
            out.append(f'(5am:test hours-{i:03d} (5am:is-true (<= {min(shifts)} (shift-hours (list {" ".join(map(str, shifts))})))) '
                       f'(5am:is (= {sum(shifts) + rnd.choice([0, 0, 0, 1])} (shift-hours (list {" ".join(map(str, shifts))})))))')
    return "\n".join(out) + "\n"


LISP_RUN = '''
(require :asdf)
(setf *compile-verbose* nil *load-verbose* nil)
(let ((*error-output* (make-broadcast-stream))) (asdf:load-system :fiveam))
(load "tanhouse.lisp")
(let ((*error-output* (make-broadcast-stream))) (load "tests.lisp"))
(in-package :tanhouse)
(5am:run! 'tanhouse)
'''


def cap_fiveam(tmp: Path) -> None:
    for tag, n, seed in (("yard", 0, 33726), ("pits", 50, 33727), ("works", 200, 33728), ("county", 480, 33729)):
        d = tmp / f"fiveam-{tag}"
        write_tree(d, {"tanhouse.lisp": LISP_CORE, "tests.lisp": _lisp_tests(random.Random(seed), n),
                       "run-tests.lisp": LISP_RUN})
        cap(f"fiveam-{tag}", "sbcl --script run-tests.lisp", d, n_fiveam, timeout=300)


STEPS += [cap_fiveam]


def _lisp_work(rnd: random.Random, n: int) -> str:
    fns, calls = [], []
    for i in range(n):
        name = rnd.choice(["lime-soak", "bate-warm", "bark-leach", "flesh-scrape", "unhair", "sammy-press",
                           "shave-even", "stake-soften", "oil-stuff", "dry-hang"]) + f"-{i}"
        weight = rnd.choice([1, 1, 1, 2, 4, 10, 25])
        fns.append(f"(defun {name} (x)\n  (let ((acc 0))\n    (dotimes (i (* {weight} 150000) acc)\n"
                   f"      (setf acc (mod (+ acc (* i x) (soak-days :bark (mod i {rnd.randint(20, 60)})) "
                   f"(round (trim-weight (mod i 50)))) 1000003)))))")
        calls.append(f"({name} {rnd.randint(1, 99)})")
    return ("\n".join(fns) + "\n(defun tan-batch ()\n  (dotimes (r 5)\n    " + "\n    ".join(calls) +
            "\n    (shift-hours (list r 8 8))))\n")


SPROF_RUN = '''
(require :sb-sprof)
(load "tanhouse.lisp")
(in-package :tanhouse)
(load "work.lisp")
(sb-sprof:with-profiling (:max-samples 100000 :sample-interval 0.002 :report :flat :mode :cpu)
  (tan-batch))
'''


def cap_sprof(tmp: Path) -> None:
    for tag, n, seed in (("yard", 8, 33730), ("pits", 36, 33731), ("works", 100, 33732)):
        d = tmp / f"sprof-{tag}"
        write_tree(d, {"tanhouse.lisp": LISP_CORE, "work.lisp": _lisp_work(random.Random(seed), n),
                       "profile.lisp": SPROF_RUN})
        cap(f"sb-sprof-{tag}", "sbcl --script profile.lisp", d, n_sprof, timeout=400)


STEPS += [cap_sprof]


# ================================================================== SWI-Prolog: plunit and check/0

PL_CORE = '''
:- module(tanhouse, [grade_hide/2, trim_weight/2, hide_value/2, soak_days/3, liquor/2, next_vat/2,
                     shift_hours/2, overtime/3, rota/3]).

grade_hide(hide(_, _, Thick, 0), prime) :- Thick >= 4.0, !.
grade_hide(hide(_, _, _, S), second) :- S =< 2, !.
grade_hide(hide(_, _, _, S), third) :- S =< 6, !.
grade_hide(hide(_, _, _, _), reject).

trim_weight(Kg, T) :- Kg > 40, !, T is Kg * 0.88.
trim_weight(Kg, T) :- Kg > 20, !, T is Kg * 0.91.
trim_weight(Kg, T) :- T is Kg * 0.95.

hide_value(H, V) :- H = hide(_, Kg, _, _), grade_hide(H, G), rate(G, R), V is round(Kg * R).
rate(prime, 9).
rate(second, 6).
rate(third, 3).

soak_days(lime, Kg, D) :- ( Kg > 30 -> D = 9 ; D = 7 ).
soak_days(bate, _, 1).
soak_days(bark, Kg, D) :- D is ceiling(Kg / 2).
soak_days(retan, _, 3).
soak_days(Kind, _, _) :- \\+ memberchk(Kind, [lime, bate, bark, retan]),
    throw(error(domain_error(vat_kind, Kind), soak_days/3)).

liquor(B, weak) :- B < 20.
liquor(B, middling) :- B >= 20, B < 60.
liquor(B, strong) :- B >= 60.

next_vat(lime, bate).
next_vat(bate, bark).
next_vat(bark, retan).

shift_hours(Shifts, H) :- sum_list(Shifts, H).
overtime(Limit, Shifts, O) :- shift_hours(Shifts, H), O is max(0, H - Limit).

rota(Days, Tanners, Rota) :-
    length(Tanners, N),
    findall(D-Name, (between(1, Days, D), member(tanner(Name, Skill), Tanners), D mod N =:= Skill mod N), Rota).
'''


def _pl_tests(rnd: random.Random, n: int) -> str:
    out = [":- use_module(library(plunit)).", ":- use_module(tanhouse).", "", ":- begin_tests(hides)."]
    out += ["test(prime) :- grade_hide(hide(ox, 30, 4.5, 0), prime).",
            "test(thin_prime) :- grade_hide(hide(ox, 30, 3.5, 0), prime).",
            "test(trim_heavy, [true(T =:= 44.0)]) :- trim_weight(50, T).",
            "test(value_reject, [true(V == 0)]) :- hide_value(hide(c, 20, 3, 9), V).",
            "test(value_second) :- hide_value(hide(c, 20, 3, 1), 120).",
            "test(splitting) :- split_hide(2.0, hide(ox, 30, 4.5, 0), _, _).",
            ":- end_tests(hides).", "", ":- begin_tests(vats)."]
    out += ["test(soak_lime, [true(D == 9)]) :- soak_days(lime, 31, D).",
            "test(soak_tan, [throws(error(domain_error(vat_kind, tan), _))]) :- soak_days(tan, 10, _).",
            "test(soak_atom) :- soak_days(bark, heavy, _).",
            "test(liquor_mid) :- liquor(45, middling).",
            "test(next_retan, [fail]) :- next_vat(retan, _).",
            "test(next_retan_lime) :- next_vat(retan, lime).",
            "test(overtime_none, [true(O == 0)]) :- overtime(40, [8, 8, 8], O)."]
    for i in range(n):
        kg = rnd.randint(5, 60)
        exp = kg * (0.88 if kg > 40 else 0.91 if kg > 20 else 0.95)
        if rnd.random() < 0.1:
            exp += rnd.choice([0.5, 1, 2])
        out.append(f"test(trim_{i:03d}, [true(T =:= {exp!r})]) :- trim_weight({kg}, T).")
        if rnd.random() < 0.5:
            kind = rnd.choice(["lime", "bate", "bark", "retan"])
            w = rnd.randint(5, 60)
            want = {"lime": 9 if w > 30 else 7, "bate": 1, "bark": -(-w // 2), "retan": 3}[kind]
            if rnd.random() < 0.1:
                want += 1
            out.append(f"test(soak_{i:03d}, [true(D =:= {want})]) :- soak_days({kind}, {w}, D).")
    out.append(":- end_tests(vats).")
    return "\n".join(out) + "\n"


PL_CHECK = '''
:- use_module(tanhouse).

receive_hide(Tag, Kg, hide(Tag, Kg, Thick, Scars)) :-
    measure_thickness(Tag, Thick),
    count_scars(Tag, Scars).

lime_batch(Hides, Days) :-
    maplist(lime_one, Hides, Ds),
    max_list(Ds, Days).

lime_one(hide(_, Kg, _, _), D) :- soak_days(lime, Kg, D).

pay_tanner(tanner(Name, Skill), Shifts, Wage) :-
    shift_hours(Shifts, H),
    Wage is H * Rate.

dispatch(Hide) :-
    grade_hide(Hide, Grade),
    ship_to(Grade, Buyer, Price).

lime_one(cracked, 0).

ledger(Hide) :- record_sale(Hide, _).
{extra}
'''


def _pl_check_extra(rnd: random.Random, n: int) -> str:
    out = []
    for i in range(n):
        name = rnd.choice(["flesher", "unhairer", "setter", "shaver", "stuffer", "currier"]) + f"_{i}"
        callee = rnd.choice(["blade_of", "oil_for", "stack_hides", "weigh_pack", "order_bark"])
        if rnd.random() < 0.4:
            callee += f"_{i}"
        out.append(f"{name}(Hide, Out) :- trim_weight(Hide, W), W > {rnd.randint(5, 40)}, {callee}(W, Z), Out is Z * {rnd.randint(2, 9)}.")
        if rnd.random() < 0.3:
            out.append(f"{name}(Hide, Out, Note) :- Out = Hide.")
    return "\n".join(out)


def cap_plunit(tmp: Path) -> None:
    for tag, n, seed in (("yard", 0, 33733), ("pits", 50, 33734), ("works", 250, 33735), ("county", 650, 33736)):
        d = tmp / f"plunit-{tag}"
        write_tree(d, {"tanhouse.pl": PL_CORE, "tests.pl": _pl_tests(random.Random(seed), n)})
        cap(f"plunit-{tag}", "swipl -g run_tests -t halt tests.pl", d, n_plunit, timeout=300)


STEPS += [cap_plunit]


def cap_swipl_check(tmp: Path) -> None:
    for tag, n, seed in (("ledger", 0, 33737), ("pits", 30, 33738), ("works", 170, 33739)):
        d = tmp / f"check-{tag}"
        write_tree(d, {"tanhouse.pl": PL_CORE,
                       "ledger.pl": PL_CHECK.replace("{extra}", _pl_check_extra(random.Random(seed), n))})
        cap(f"swipl-check-{tag}", "swipl -g check -t halt ledger.pl", d, n_swipl_check, timeout=300)


STEPS += [cap_swipl_check]
