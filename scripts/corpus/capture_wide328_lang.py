"""Round 328: `bellfoundry` through GHC's hpc, haddock and ghci, Erlang's cover, fprof and shell, SBCL's FiveAM and
sb-sprof, SWI-Prolog's plunit and check/0, with faults put in on purpose; sizes from seeded generators. Each kind's
extractor (NEEDLES.md's "Round 328", fixed before capture) sits at the top. Run through capture_wide328.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

from capture_more import groups, mask, write_tree
from capture_wide328 import cap
import capture_more as cm

EXIT = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    return [ln for ln in lines if EXIT.match(ln)]


def _next_nonempty(lines, i, ahead=6):
    for k in range(i + 1, min(len(lines), i + 1 + ahead)):
        if lines[k].strip():
            return lines[k]
    return None


# ------------------------------------------------------------------ extractors (fixed before capture)

@cm.kind("hpc-report", "test")
def n_hpc_report(lines):
    """Rule 5 on hpc report --per-module: every <module M> header, every expressions used / top-level declarations used / alternatives used line, every always True / always False / unevaluated line, an EXIT=N line."""
    out = []
    for ln in lines:
        if "<module " in ln or re.search(r"expressions used|top-level declarations used|alternatives used", ln) \
                or re.search(r"always True|always False|unevaluated", ln):
            out.append(ln)
    return out + _exit(lines)


@cm.kind("haddock-coverage", "doc")
def n_haddock(lines):
    """Rules 1+5 on haddock: every N% ( a / b) in 'M' coverage line, every indented line under Missing documentation for:, every error line with the next non-empty line, Warning:/warning: lines one {"any"} per (shape, file), an EXIT=N line."""
    out, warns = [], []
    under = False
    for i, ln in enumerate(lines):
        if re.search(r"\d+% \(\s*\d+\s*/\s*\d+\) in '", ln):
            out.append(ln)
            under = False
            continue
        if "Missing documentation for:" in ln:
            under = True
            continue
        if under:
            if ln.startswith((" ", "\t")) and ln.strip():
                out.append(ln)
                continue
            under = False
        if re.search(r"\berror\b", ln):
            out.append(ln)
            nx = _next_nonempty(lines, i)
            if nx:
                out.append(nx)
        elif ln.lstrip().startswith("Warning:") or re.search(r"\bwarning:", ln):
            f = re.search(r"(\S+\.hs)\b", ln)
            warns.append(((mask(ln.split("arning:", 1)[1]) if "arning:" in ln else mask(ln), f.group(1) if f else ""), ln))
    return out + groups(warns) + _exit(lines)


@cm.kind("ghci-session", "build")
def n_ghci(lines):
    """Rules 1+5 on a ghci session: every error: line with the next non-empty line, every *** Exception: line, every Failed, / Ok, modules-loaded line, warning: lines one {"any"} per (flag or shape, file), every unindented line holding ' :: '."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if "error:" in ln:
            out.append(ln)
            nx = _next_nonempty(lines, i)
            if nx:
                out.append(nx)
        elif "*** Exception:" in ln:
            out.append(ln)
        elif re.search(r"\b(Failed|Ok), ", ln) and "loaded" in ln:
            out.append(ln)
        elif "warning:" in ln:
            flag = re.search(r"\[-W[^\]]+\]", ln)
            f = re.search(r"(\S+\.hs)\b", ln)
            warns.append(((flag.group(0) if flag else mask(ln.split("warning:", 1)[1]), f.group(1) if f else ""), ln))
        elif " :: " in ln and not ln.startswith((" ", "\t")):
            out.append(ln)
    return out + groups(warns)


@cm.kind("erlang-cover-out", "test")
def n_cover_out(lines):
    """Rule 5 on an Erlang cover listing: the File generated from line and every line whose count is 0 (     0..|)."""
    return [ln for ln in lines if "File generated from" in ln or re.match(r"^\s*0\.\.\|", ln)]


FPROF_ROW = re.compile(r"^\s*\{\s*\{[^}]*\},\s*(\d+),\s*([\d.]+|undefined),\s*([\d.]+)\},\s*%")


@cm.kind("erlang-fprof", "log")
def n_fprof(lines):
    """Rule 5 on fprof:analyse: the totals line, every process line, every marked function line whose OWN is at least 10% of the totals' OWN."""
    out = []
    total = None
    for ln in lines:
        m = re.search(r"\{\s*totals,\s*\d+,\s*[\d.]+,\s*([\d.]+)\}", ln)
        if m:
            out.append(ln)
            total = float(m.group(1))
        elif re.match(r'^\s*\[\{\s*"<\d+\.\d+\.\d+>",', ln):
            out.append(ln)
    if total:
        for ln in lines:
            m = FPROF_ROW.match(ln)
            if m and float(m.group(3)) >= 0.10 * total:
                out.append(ln)
    return out


@cm.kind("erl-shell", "build")
def n_erl_shell(lines):
    """Rule 1 on an erl shell session: every ** exception, error/Error and =ERROR REPORT/=CRASH REPORT line (a report header with the next non-empty line), Warning: lines one {"any"} per (shape, file)."""
    out, warns = [], []
    for i, ln in enumerate(lines):
        if re.search(r"=(ERROR|CRASH) REPORT", ln):
            out.append(ln)
            nx = _next_nonempty(lines, i)
            if nx:
                out.append(nx)
        elif "** exception" in ln or re.search(r"\b[eE]rror\b", ln):
            out.append(ln)
        elif "Warning:" in ln:
            f = re.search(r"(\S+\.erl)\b", ln)
            warns.append(((mask(ln.split("Warning:", 1)[1]), f.group(1) if f else ""), ln))
    return out + groups(warns)


@cm.kind("fiveam", "test")
def n_fiveam(lines):
    """Rules 1-3 on FiveAM's run!: the Did N checks. line with its Pass:/Skip:/Fail: lines, the line after each dashed separator in the failure details with the next non-empty line, every Unexpected Error / error line."""
    out = []
    details = False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^Did \d+ checks?\.", s) or re.match(r"^(Pass|Skip|Fail): \d+", s):
            out.append(ln)
        if "Failure Details:" in ln:
            details = True
        if details and re.match(r"^-{8,}$", s):
            nx = _next_nonempty(lines, i, 2)
            if nx and not re.match(r"^-{8,}$", nx.strip()):
                out.append(nx)
                k = lines.index(nx, i + 1)
                nx2 = _next_nonempty(lines, k)
                if nx2 and not re.match(r"^-{8,}$", nx2.strip()):
                    out.append(nx2)
        if re.search(r"Unexpected Error|\berror\b", ln, re.I) and "Failure Details" not in ln:
            out.append(ln)
    return out


@cm.kind("sb-sprof-report", "log")
def n_sprof(lines):
    """Rule 5 on sb-sprof's flat report: the Number of samples / Sample interval / Total sampling time lines, the column header (Function), every row with Self % >= 10, the elsewhere row."""
    out = []
    for ln in lines:
        s = ln.strip()
        if s.startswith(("Number of samples", "Sample interval", "Total sampling time")):
            out.append(ln)
        elif re.search(r"\bCount\b.*\bFunction\b", ln):
            out.append(ln)
        elif s.endswith("elsewhere"):
            out.append(ln)
        else:
            m = re.match(r"^\s*\d+\s+\d+\s+([\d.]+)\s+\d+\s+[\d.]+", ln)
            if m and float(m.group(1)) >= 10:
                out.append(ln)
    return out


SWI_LOC = re.compile(r"^Warning:\s+(/\S+?):\d+(:\d+)?:\s*$")


@cm.kind("plunit", "test")
def n_plunit(lines):
    """Rules 1-3 on plunit: every ERROR: line and the tab-indented line after an ERROR: location line (the failing test), every % line naming test(s) (the counts), Warning: lines (and the tab-indented message after a Warning: file:L: line) one {"any"} per (shape, file)."""
    out, warns = [], []
    cur = ""
    after_err = False
    for ln in lines:
        # changed after the first capture (see the round's notes): plunit prints the failing test's name, and a
        # warning's message, on a tab-indented line right after the ERROR:/Warning: location line
        if ln.startswith("\t") and ln.strip():
            if after_err:
                out.append(ln)
            elif cur:
                f = cur
                warns.append(((mask(ln), f), ln))
            after_err = False
            continue
        after_err = False
        if ln.startswith("ERROR:"):
            out.append(ln)
            after_err = bool(re.match(r"^ERROR:\s+/\S+:\d+(:\d+)?:\s*$", ln))
            continue
        if ln.startswith("%") and re.search(r"\btests?\b", ln):
            out.append(ln)
            continue
        if ln.startswith("Warning:"):
            m = SWI_LOC.match(ln)
            if m:
                cur = m.group(1)
                continue
            if ln[8:].strip():
                f = re.search(r"(/\S+\.pl)", ln)
                warns.append(((mask(ln[8:]), f.group(1) if f else cur), ln))
        else:
            cur = ""
    return out + groups(warns)


@cm.kind("swipl-check", "lint")
def n_swipl_check(lines):
    """Rule 1 on SWI-Prolog's check/0: every ERROR: line and every Warning: line naming a predicate indicator (name/N) or a location (file:L:C or file:L)."""
    return [ln for ln in lines if ln.startswith("ERROR:")
            or (ln.startswith("Warning:") and re.search(r"\w/\d+\b|\S+:\d+(:\d+)?\b", ln))]


STEPS: list = []


# ================================================================== Haskell: hpc, haddock, ghci

HS_CORE = {
    "src/Foundry/Partials.hs": '''
-- | The partials of a cast bell, in cents relative to the nominal.
module Foundry.Partials
  ( Partial(..)
  , Bell(..)
  , partialCents
  , tuneBell
  , isTrueHarmonic
  , describeBell
  , hummingRatio
  ) where

-- | One partial of a bell.
data Partial = Hum | Prime | Tierce | Quint | Nominal
  deriving (Show, Eq, Ord, Enum, Bounded)

-- | A bell: its weight in kilograms and the measured frequency of each partial.
data Bell = Bell
  { bellName   :: String
  , bellWeight :: Double
  , bellFreqs  :: [(Partial, Double)]
  } deriving (Show)

partialCents :: Double -> Double -> Double
partialCents nominal f = 1200 * logBase 2 (f / nominal)

-- | Shave metal from the lip so the hum sits an octave below the nominal.
tuneBell :: Double -> Bell -> Bell
tuneBell shave b
  | shave < 0 = b
  | shave > bellWeight b = b { bellWeight = 0 }
  | otherwise = b { bellWeight = bellWeight b - shave
                  , bellFreqs = [ (p, f * (1 + shave / 1000)) | (p, f) <- bellFreqs b ] }

isTrueHarmonic :: Bell -> Bool
isTrueHarmonic b = case (lookup Hum fs, lookup Nominal fs) of
    (Just h, Just n) -> abs (partialCents n (2 * h)) < 5
    _ -> False
  where fs = bellFreqs b

describeBell :: Bell -> String
describeBell b = bellName b ++ " (" ++ show (bellWeight b) ++ " kg)"

hummingRatio :: Bell -> Maybe Double
hummingRatio b = do
  h <- lookup Hum (bellFreqs b)
  n <- lookup Nominal (bellFreqs b)
  if n == 0 then Nothing else Just (h / n)
''',
    "src/Foundry/Alloy.hs": '''
module Foundry.Alloy
  ( Batch(..)
  , bronzeRatio
  , meltBatch
  , scrapAllowance
  , pourTemperature
  ) where

data Batch = Batch { copperKg :: Double, tinKg :: Double, scrapKg :: Double }
  deriving (Show, Eq)

-- | Tin as a fraction of the batch.
bronzeRatio :: Batch -> Double
bronzeRatio (Batch c t s)
  | c + t + s == 0 = 0
  | otherwise = t / (c + t + s)

meltBatch :: [Batch] -> Batch
meltBatch = foldr (\\(Batch a b c) (Batch x y z) -> Batch (a + x) (b + y) (c + z)) (Batch 0 0 0)

scrapAllowance :: Double -> Double
scrapAllowance w
  | w < 50 = 0.05 * w
  | w < 500 = 0.08 * w
  | w < 2000 = 0.10 * w
  | otherwise = 0.12 * w

pourTemperature :: Batch -> Int
pourTemperature b
  | r > 0.25 = 1120
  | r > 0.22 = 1100
  | r > 0.0 = 1080
  | otherwise = error "pourTemperature: no tin in the batch"
  where r = bronzeRatio b
''',
    "src/Foundry/Ring.hs": '''
-- | Rings of bells and change-ringing rows.
module Foundry.Ring
  ( Row
  , rounds
  , plainHuntRow
  , isTrueTouch
  , courseOf
  , callChange
  ) where

import Data.List (nub)

type Row = [Int]

-- | Rounds on n bells.
rounds :: Int -> Row
rounds n = [1 .. n]

swapPairs :: Bool -> Row -> Row
swapPairs _ [] = []
swapPairs _ [x] = [x]
swapPairs True (a:b:rest) = b : a : swapPairs True rest
swapPairs False (a:rest) = a : swapPairs True rest

plainHuntRow :: Int -> Int -> Row
plainHuntRow n k = iterate step (rounds n) !! k
  where step r = swapPairs (even (length r)) r

-- | A touch is true when no row repeats.
isTrueTouch :: [Row] -> Bool
isTrueTouch rs = length (nub rs) == length rs

courseOf :: Int -> [Row]
courseOf n = takeWhile (/= []) (map (plainHuntRow n) [0 .. 2 * n])

callChange :: Int -> Int -> Row -> Row
callChange a b r
  | a == b = r
  | a `notElem` r || b `notElem` r = error ("callChange: bell not in row " ++ show (a, b))
  | otherwise = map sw r
  where sw x | x == a = b
             | x == b = a
             | otherwise = x
''',
}

HS_MAIN = '''
module Main (main) where

import Foundry.Partials
import Foundry.Alloy
import Foundry.Ring
{imports}

main :: IO ()
main = do
  let b = Bell "tenor" 1250 [(Hum, 220.5), (Prime, 440.2), (Tierce, 523.1), (Nominal, 880.9)]
  print (isTrueHarmonic b, hummingRatio b, describeBell (tuneBell 12 b))
  print (bronzeRatio (Batch 780 220 40), scrapAllowance 300, pourTemperature (Batch 780 230 0))
  print (plainHuntRow 6 3, isTrueTouch (courseOf 5))
{calls}
'''


def _hs_tower(i: int, rnd: random.Random, doc_share: float, fault: str | None = None) -> str:
    """A generated module Foundry.Tower.TNN: a tower's bells, some documented, some guards never taken."""
    name = f"T{i:02d}"
    fns, exports = [], []
    for j in range(rnd.randint(4, 9)):
        f = rnd.choice(["clapperWear", "headstockLoad", "frameStress", "ropeLength", "stayCheck", "wheelPitch",
                        "gudgeonTemp", "pealTime", "sallyHeight", "bearingNoise"]) + str(j)
        exports.append(f)
        doc = f"-- | The {f} of bell {j} in tower {name}.\n" if rnd.random() < doc_share else ""
        lo, hi = rnd.randint(1, 40), rnd.randint(60, 400)
        fns.append(f"{doc}{f} :: Int -> Int\n{f} x\n  | x < {lo} = x * {j + 2}\n  | x > {hi} = x - {hi}\n"
                   f"  | otherwise = x + {rnd.randint(1, 99)}\n")
    dead = f"unusedTable{name} :: [Int]\nunusedTable{name} = [{', '.join(str(rnd.randint(1, 99)) for _ in range(5))}]\n"
    extra = ""
    if fault == "type":
        extra = f"brokenWeight{name} :: Int -> String\nbrokenWeight{name} x = x + 1\n"
        exports.append(f"brokenWeight{name}")
    if fault == "scope":
        extra = f"missingRef{name} :: Int\nmissingRef{name} = tenorWeight{name} + 1\n"
        exports.append(f"missingRef{name}")
    head = f"-- | Tower {name}.\n" if rnd.random() < doc_share else ""
    return (f"{head}module Foundry.Tower.{name}\n  ( " + "\n  , ".join(exports + [f"unusedTable{name}"]) + "\n  ) where\n\n"
            + "\n".join(fns) + "\n" + dead + extra)


def _hs_project(root: Path, n_towers: int, seed: int, doc_share: float = 0.5, faults: dict | None = None,
                calls: bool = True) -> list[str]:
    rnd = random.Random(seed)
    files = dict(HS_CORE)
    mods = []
    imports, call_lines = [], []
    for i in range(n_towers):
        src = _hs_tower(i, rnd, doc_share, (faults or {}).get(i))
        files[f"src/Foundry/Tower/T{i:02d}.hs"] = src
        mods.append(f"Foundry.Tower.T{i:02d}")
        imports.append(f"import qualified Foundry.Tower.T{i:02d} as T{i:02d}")
        first = re.search(r"^(\w+) ::", src, re.M).group(1)
        if calls and rnd.random() < 0.8:
            call_lines.append(f"  print (T{i:02d}.{first} {rnd.randint(0, 500)})")
    files["src/Main.hs"] = HS_MAIN.format(imports="\n".join(imports), calls="\n".join(call_lines))
    write_tree(root, files)
    return mods


def cap_hpc(tmp: Path) -> None:
    for tag, n, seed, extra in (("small", 2, 3281, ""), ("towers", 14, 3282, " --decl-list"), ("diocese", 60, 3283, ""),
                                ("cathedral", 120, 3284, " --decl-list")):
        d = tmp / f"hpc-{tag}"
        _hs_project(d, n, seed)
        cm.run("ghc -fhpc -isrc -outputdir build -o bells src/Main.hs", cwd=d, timeout=900)
        cm.run("./bells", cwd=d, timeout=60)
        cap(f"hpc-report-{tag}", f"hpc report --per-module{extra} bells.tix; echo EXIT=$?", d, n_hpc_report)


STEPS += [cap_hpc]


def cap_haddock(tmp: Path) -> None:
    for tag, n, seed, share, faults in (("towers", 10, 3285, 0.4, {}), ("diocese", 45, 3286, 0.6, {}),
                                         ("cathedral", 110, 3311, 0.3, {}),
                                         ("broken", 8, 3287, 0.5, {3: "type", 5: "scope"})):
        d = tmp / f"haddock-{tag}"
        mods = _hs_project(d, n, seed, share, faults)
        srcs = "src/Foundry/*.hs " + " ".join(f"src/{m.replace('.', '/')}.hs" for m in mods)
        cap(f"haddock-{tag}", f"haddock --html -o doc {srcs}; echo EXIT=$?", d, n_haddock,
            typed=f"haddock --html -o doc src/Foundry/*.hs src/Foundry/Tower/*.hs; echo EXIT=$?")


STEPS += [cap_haddock]


GHCI_SESSION = '''
:set -Wall
:load src/Foundry/Partials.hs src/Foundry/Alloy.hs src/Foundry/Ring.hs
:module + *Foundry.Alloy *Foundry.Ring *Foundry.Partials
:type tuneBell
:type plainHuntRow
:type meltBatch
plainHuntRow 8 5
courseOf 4
isTrueTouch (courseOf 6)
pourTemperature (Batch 500 0 10)
callChange 3 9 (rounds 6)
head (filter (> 12) (rounds 6))
bronzeRatio (Batch 780 220 40)
let b = Bell "treble" 240 [(Hum, 1320.4), (Nominal, 2650.3)]
hummingRatio b
:type hummingRatio
:info Partial
[minBound .. maxBound] :: [Partial]
scrapAllowance (-3)
10 `div` (length (filter (> 9) (rounds 6)))
{more}
:load src/Foundry/Tower/T03.hs src/Foundry/Tower/T05.hs
:type rounds
:quit
'''


def cap_ghci(tmp: Path) -> None:
    for tag, n, seed, k in (("plain", 6, 3288, 0), ("mid", 12, 3312, 25), ("long", 24, 3289, 60)):
        d = tmp / f"ghci-{tag}"
        _hs_project(d, n, seed, 0.5, {3: "type", 5: "scope"})
        rnd = random.Random(seed)
        more = []
        for _ in range(k):
            more.append(rnd.choice([f"plainHuntRow {rnd.randint(4, 12)} {rnd.randint(0, 30)}",
                                    f":type {rnd.choice(['courseOf', 'isTrueHarmonic', 'partialCents', 'scrapAllowance'])}",
                                    f"scrapAllowance {rnd.randint(10, 4000)}",
                                    f"callChange {rnd.randint(1, 9)} {rnd.randint(1, 9)} (rounds {rnd.randint(4, 8)})",
                                    f"pourTemperature (Batch {rnd.randint(0, 900)} {rnd.randint(0, 3) * 100} 5)"]))
        (d / "session.ghci").write_text(GHCI_SESSION.lstrip().replace("{more}", "\n".join(more)))
        cap(f"ghci-{tag}", "ghci -isrc < session.ghci", d, n_ghci, timeout=300)


STEPS += [cap_ghci]


# ================================================================== Erlang: cover, fprof, the shell

ERL_CORE = {
    "alloy.erl": '''
-module(alloy).
-export([ratio/1, melt/1, scrap_allowance/1, pour_temp/1, grade/1]).

ratio({Cu, Sn, Scrap}) when Cu + Sn + Scrap > 0 -> Sn / (Cu + Sn + Scrap);
ratio({_, _, _}) -> 0.0.

melt(Batches) ->
    lists:foldl(fun({A, B, C}, {X, Y, Z}) -> {A + X, B + Y, C + Z} end, {0, 0, 0}, Batches).

scrap_allowance(W) when W < 50 -> 0.05 * W;
scrap_allowance(W) when W < 500 -> 0.08 * W;
scrap_allowance(W) when W < 2000 -> 0.10 * W;
scrap_allowance(W) -> 0.12 * W.

pour_temp(Batch) ->
    case ratio(Batch) of
        R when R > 0.25 -> 1120;
        R when R > 0.22 -> 1100;
        R when R > 0.0 -> 1080
    end.

grade(Batch) ->
    case pour_temp(Batch) of
        1120 -> bell_metal_hard;
        1100 -> bell_metal;
        1080 -> bronze_soft
    end.
''',
    "ring.erl": '''
-module(ring).
-export([rounds/1, hunt_row/2, course/1, true_touch/1, call_change/3, swap_pairs/2]).

rounds(N) -> lists:seq(1, N).

swap_pairs(_, []) -> [];
swap_pairs(_, [X]) -> [X];
swap_pairs(true, [A, B | Rest]) -> [B, A | swap_pairs(true, Rest)];
swap_pairs(false, [A | Rest]) -> [A | swap_pairs(true, Rest)].

hunt_row(N, K) -> hunt(rounds(N), K, true).

hunt(Row, 0, _) -> Row;
hunt(Row, K, Even) -> hunt(swap_pairs(Even, Row), K - 1, not Even).

course(N) -> [hunt_row(N, K) || K <- lists:seq(0, 2 * N)].

true_touch(Rows) -> length(lists:usort(Rows)) =:= length(Rows).

call_change(A, A, Row) -> Row;
call_change(A, B, Row) ->
    true = lists:member(A, Row) andalso lists:member(B, Row),
    [case X of A -> B; B -> A; _ -> X end || X <- Row].
''',
    "partials.erl": '''
-module(partials).
-export([cents/2, tune/2, true_harmonic/1, hum_ratio/1, describe/1]).

cents(Nominal, F) -> 1200 * math:log2(F / Nominal).

tune(Shave, {Name, W, _Fs}) when Shave > W -> {Name, 0, []};
tune(Shave, {Name, W, Fs}) when Shave >= 0 ->
    {Name, W - Shave, [{P, F * (1 + Shave / 1000)} || {P, F} <- Fs]}.

true_harmonic({_, _, Fs}) ->
    case {proplists:get_value(hum, Fs), proplists:get_value(nominal, Fs)} of
        {H, N} when is_number(H), is_number(N) -> abs(cents(N, 2 * H)) < 5;
        _ -> false
    end.

hum_ratio({_, _, Fs}) ->
    H = proplists:get_value(hum, Fs),
    N = proplists:get_value(nominal, Fs),
    H / N.

describe({Name, W, _}) -> io_lib:format("~s (~p kg)", [Name, W]).
''',
}


def _erl_tower(i: int, rnd: random.Random) -> str:
    name = f"tower_{i:02d}"
    fns, exps = [], []
    for j in range(rnd.randint(4, 10)):
        f = rnd.choice(["clapper_wear", "headstock_load", "frame_stress", "rope_length", "stay_check", "wheel_pitch",
                        "gudgeon_temp", "peal_time", "sally_height", "bearing_noise"]) + f"_{j}"
        exps.append(f"{f}/1")
        lo, hi = rnd.randint(1, 40), rnd.randint(60, 400)
        body = [f"{f}(X) when X < {lo} -> X * {j + 2};",
                f"{f}(X) when X > {hi} ->",
                f"    Y = X - {hi},",
                f"    case Y rem {rnd.randint(2, 5)} of",
                f"        0 -> {{even_load, Y}};",
                f"        _ -> {{odd_load, Y + {rnd.randint(1, 9)}}}",
                "    end;",
                f"{f}(X) ->",
                f"    lists:sum([K * {rnd.randint(1, 7)} || K <- lists:seq(1, X rem {rnd.randint(5, 30)} + 1)]) + {rnd.randint(1, 99)}."]
        fns.append("\n".join(body))
    return f"-module({name}).\n-export([{', '.join(exps)}]).\n\n" + "\n\n".join(fns) + "\n"


def _erl_project(d: Path, n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    files = dict(ERL_CORE)
    mods = ["alloy", "ring", "partials"]
    for i in range(n):
        files[f"tower_{i:02d}.erl"] = _erl_tower(i, rnd)
        mods.append(f"tower_{i:02d}")
    write_tree(d, files)
    return mods


def _erl_calls(mods: list[str], rnd: random.Random, k: int) -> str:
    calls = ["alloy:grade({780, 220, 40})", "alloy:scrap_allowance(300)", "alloy:melt([{1, 2, 3}, {4, 5, 6}])",
             "ring:course(6)", "ring:true_touch(ring:course(5))", "ring:call_change(2, 5, ring:rounds(6))",
             "partials:true_harmonic({tenor, 1250, [{hum, 220.5}, {nominal, 440.9}]})",
             "catch alloy:pour_temp({500, 0, 10})", "catch partials:hum_ratio({treble, 240, [{nominal, 2650.3}]})"]
    towers = [m for m in mods if m.startswith("tower_")]
    for _ in range(k):
        m = rnd.choice(towers)
        src_funs = rnd.randint(0, 3)
        calls.append(f"[catch {m}:F({rnd.randint(0, 500)}) || {{F, 1}} <- lists:sublist({m}:module_info(exports), {src_funs + 1})]")
    return ", ".join(calls)


def cap_cover(tmp: Path) -> None:
    d = tmp / "cover"
    mods = _erl_project(d, 12, 3290)
    rnd = random.Random(3290)
    calls = _erl_calls(mods, rnd, 10)
    ev = (f"[{{ok, _}} = cover:compile_module(M) || M <- [{', '.join(mods)}]], {calls}, "
          f"[cover:analyse_to_file(M, atom_to_list(M) ++ \".COVER.out\", []) || M <- [{', '.join(mods)}]], init:stop().")
    cm.run(f"erl -noshell -eval '{ev}'", cwd=d, timeout=300)
    for m in ("alloy", "ring", "partials", "tower_03", "tower_07"):
        cap(f"cover-{m}", f"cat {m}.COVER.out", d, n_cover_out)
    cap("cover-towers", "cat tower_0*.COVER.out", d, n_cover_out)


STEPS += [cap_cover]


def cap_fprof(tmp: Path) -> None:
    for tag, n, k, seed in (("core", 0, 0, 3291), ("towers", 6, 12, 3292), ("parish", 14, 30, 3293),
                            ("diocese", 24, 50, 3296)):
        d = tmp / f"fprof-{tag}"
        mods = _erl_project(d, n, seed)
        cm.run("erlc *.erl", cwd=d, timeout=300)
        calls = _erl_calls(mods, random.Random(seed), k)
        (d / "work.erl").write_text("-module(work).\n-export([run/0]).\n\nrun() ->\n    [begin " + calls +
                                    " end || _ <- lists:seq(1, 20)],\n    ok.\n")
        cm.run("erlc work.erl", cwd=d, timeout=120)
        ev = "fprof:apply(work, run, []), fprof:profile(), fprof:analyse([{dest, []}]), init:stop()."
        cap(f"fprof-{tag}", f"erl -noshell -eval '{ev}'; cat fprof.analysis", d, n_fprof, timeout=600)


STEPS += [cap_fprof]


ERL_BROKEN = '''
-module(casting).
-export([pour/2, cool/1, inspect/1]).

pour(Mould, Batch) ->
    Temp = alloy:pour_temp(Batch),
    {Mould, Temp, Unused}.

cool(Bell) ->
    Hours = weight(Bell) / 40,
    {cooled, Bell, Hours}

inspect(Bell) ->
    case Bell of
        {_, W, _} when W > 0 -> ok;
        cracked -> scrap
    end.
'''

ERL_WARN = '''
-module(tuning).
-export([tune_all/1, report/1]).

tune_all(Bells) ->
    [partials:tune(10, B) || B <- Bells].

report(Bells) ->
    Count = length(Bells),
    io:format("~p bells~n", [length(Bells)]).

old_report(B) -> B.
'''


def cap_erl_shell(tmp: Path) -> None:
    for tag, n, k, seed in (("plain", 3, 4, 3294), ("mid", 6, 30, 3313), ("long", 12, 70, 3295)):
        d = tmp / f"shell-{tag}"
        mods = _erl_project(d, n, seed)
        write_tree(d, {"casting.erl": ERL_BROKEN, "tuning.erl": ERL_WARN})
        rnd = random.Random(seed)
        cmds = [f"c({m})." for m in mods] + ["c(casting).", "c(tuning).", "alloy:grade({780, 220, 40}).",
                                              "alloy:pour_temp({500, 0, 10}).", "ring:call_change(2, 9, ring:rounds(6)).",
                                              "{ok, X} = partials:tune(10, {tenor, 1250, []}).",
                                              "partials:hum_ratio({treble, 240, [{nominal, 2650.3}]}).",
                                              "tuning:report([a, b]).", "casting:pour(m1, {1, 1, 1}).",
                                              "spawn(fun() -> alloy:grade({0, 0, 0}) end).", "timer:sleep(200).",
                                              "ring:course(5).", "lists:nth(9, ring:rounds(6))."]
        for _ in range(k):
            m = rnd.choice([x for x in mods if x.startswith("tower_")])
            cmds.append(rnd.choice([f"{m}:module_info(exports).", f"ring:hunt_row({rnd.randint(4, 10)}, {rnd.randint(0, 20)}).",
                                    f"alloy:scrap_allowance({rnd.randint(10, 4000)}).",
                                    f"alloy:grade({{{rnd.randint(0, 900)}, {rnd.randint(0, 3) * 100}, 5}}).",
                                    f"ring:call_change({rnd.randint(1, 9)}, {rnd.randint(1, 9)}, ring:rounds({rnd.randint(4, 8)}))."]))
        cmds.append("q().")
        (d / "session.txt").write_text("\n".join(cmds) + "\n")
        cap(f"erl-shell-{tag}", "erl < session.txt", d, n_erl_shell, timeout=300)


STEPS += [cap_erl_shell]


# ================================================================== SBCL: FiveAM and sb-sprof

LISP_CORE = '''
(defpackage :bellfoundry (:use :cl))
(in-package :bellfoundry)

(defun bronze-ratio (cu sn scrap)
  (let ((total (+ cu sn scrap)))
    (if (zerop total) 0 (/ sn total))))

(defun scrap-allowance (w)
  (cond ((< w 50) (* 0.05 w))
        ((< w 500) (* 0.08 w))
        ((< w 2000) (* 0.10 w))
        (t (* 0.12 w))))

(defun pour-temp (cu sn scrap)
  (let ((r (bronze-ratio cu sn scrap)))
    (cond ((> r 1/4) 1120)
          ((> r 22/100) 1100)
          ((> r 0) 1080)
          (t (error "pour-temp: no tin in batch ~a/~a/~a" cu sn scrap)))))

(defun rounds (n) (loop for i from 1 to n collect i))

(defun swap-pairs (evenp row)
  (cond ((null row) nil)
        ((null (cdr row)) row)
        (evenp (list* (second row) (first row) (swap-pairs t (cddr row))))
        (t (cons (first row) (swap-pairs t (cdr row))))))

(defun hunt-row (n k)
  (let ((row (rounds n)) (evenp t))
    (dotimes (i k row)
      (setf row (swap-pairs evenp row) evenp (not evenp)))))

(defun course (n) (loop for k from 0 to (* 2 n) collect (hunt-row n k)))

(defun true-touch-p (rows) (= (length (remove-duplicates rows :test #'equal)) (length rows)))

(defun cents (nominal f) (* 1200 (log (/ f nominal) 2)))

(defun hum-ratio (hum nominal) (/ hum nominal))
'''


def _lisp_tests(rnd: random.Random, n: int) -> str:
    out = ['(in-package :bellfoundry)', '(5am:def-suite foundry :description "bellfoundry")', '(5am:in-suite foundry)',
           '(5am:test ratio-basic (5am:is (= 1/4 (bronze-ratio 75 25 0))))',
           '(5am:test ratio-empty (5am:is (= 0 (bronze-ratio 0 0 0))))',
           '(5am:test scrap-large (5am:is (= 240.0 (scrap-allowance 2000))))',
           '(5am:test pour-soft (5am:is (= 1100 (pour-temp 900 100 0))))',
           '(5am:test pour-no-tin (5am:signals error (pour-temp 100 0 0)))',
           '(5am:test pour-no-tin-crash (5am:is (= 1080 (pour-temp 100 0 0))))',
           '(5am:test hunt-six (5am:is (equal (list 2 1 4 3 6 5) (hunt-row 6 1))))',
           '(5am:test course-true (5am:is-true (true-touch-p (course 5))))',
           '(5am:test hum-octave (5am:is (= 1/2 (hum-ratio 220 441))))',
           '(5am:test cents-zero (5am:is (< (abs (cents 440 440)) 1d-9)))',
           '(5am:test hum-zero (5am:is (= 0 (hum-ratio 220 0))))']
    for i in range(n):
        w = rnd.randint(10, 4000)
        exp = {0: 0.05, 1: 0.08, 2: 0.10, 3: 0.12}[0 if w < 50 else 1 if w < 500 else 2 if w < 2000 else 3] * w
        if rnd.random() < 0.12:
            exp += rnd.choice([1, 5, 10])
        b, k = rnd.randint(4, 10), rnd.randint(0, 12)
        out.append(f'(5am:test scrap-{i:03d} (5am:is (= {exp!r} (scrap-allowance {w}))))'.replace("(= ", "(= ", 1))
        if rnd.random() < 0.5:
            n_rows = "(length (course %d))" % b
            want = 2 * b + 1 if rnd.random() > 0.1 else 2 * b
            out.append(f'(5am:test course-len-{i:03d} (5am:is (= {want} {n_rows})))')
        if rnd.random() < 0.3:
            out.append(f'(5am:test hunt-{i:03d} (5am:is-true (= {b} (length (hunt-row {b} {k})))) '
                       f'(5am:is (equal (rounds {b}) (hunt-row {b} {rnd.choice([0, 2 * b, k])}))))')
    return "\n".join(out) + "\n"


LISP_RUN = '''
(require :asdf)
(setf *compile-verbose* nil *load-verbose* nil)
(let ((*error-output* (make-broadcast-stream))) (asdf:load-system :fiveam))
(load "foundry.lisp")
(load "tests.lisp")
(in-package :bellfoundry)
(5am:run! 'foundry)
'''


def cap_fiveam(tmp: Path) -> None:
    for tag, n, seed in (("core", 0, 3297), ("scrap", 40, 3298), ("peal", 160, 3299), ("tower", 420, 3300)):
        d = tmp / f"fiveam-{tag}"
        write_tree(d, {"foundry.lisp": LISP_CORE, "tests.lisp": _lisp_tests(random.Random(seed), n),
                       "run-tests.lisp": LISP_RUN})
        cap(f"fiveam-{tag}", "sbcl --script run-tests.lisp", d, n_fiveam, timeout=300)


STEPS += [cap_fiveam]


def _lisp_work(rnd: random.Random, n: int) -> str:
    fns, calls = [], []
    for i in range(n):
        name = rnd.choice(["strike-note", "clapper-swing", "wheel-turn", "frame-load", "rope-pull", "stay-set",
                           "partial-sweep", "tuning-cut", "lip-shave", "mould-dry"]) + f"-{i}"
        weight = rnd.choice([1, 1, 1, 2, 3, 8, 20])
        fns.append(f"(defun {name} (x)\n  (let ((acc 0))\n    (dotimes (i (* {weight} 20000) acc)\n"
                   f"      (setf acc (mod (+ acc (* i x) (length (hunt-row {rnd.randint(4, 8)} (mod i 7)))) 1000003)))))")
        calls.append(f"({name} {rnd.randint(1, 99)})")
    return ("\n".join(fns) + "\n(defun peal ()\n  (dotimes (r 6)\n    " + "\n    ".join(calls) +
            "\n    (sqrt (float (bronze-ratio r 1 0)))))\n")


SPROF_RUN = '''
(require :sb-sprof)
(load "foundry.lisp")
(in-package :bellfoundry)
(load "work.lisp")
(sb-sprof:with-profiling (:max-samples 100000 :sample-interval 0.002 :report :flat :mode :cpu)
  (peal))
'''


def cap_sprof(tmp: Path) -> None:
    for tag, n, seed in (("few", 6, 3301), ("ring", 30, 3302), ("diocese", 120, 3303)):
        d = tmp / f"sprof-{tag}"
        write_tree(d, {"foundry.lisp": LISP_CORE, "work.lisp": _lisp_work(random.Random(seed), n),
                       "profile.lisp": SPROF_RUN})
        cap(f"sb-sprof-{tag}", "sbcl --script profile.lisp", d, n_sprof, timeout=300)


STEPS += [cap_sprof]


# ================================================================== SWI-Prolog: plunit and check/0

PL_CORE = '''
:- module(foundry, [bronze_ratio/4, scrap_allowance/2, pour_temp/4, rounds/2, hunt_row/3, course/2,
                    true_touch/1, call_change/4, hum_ratio/3, grade/4]).

bronze_ratio(Cu, Sn, Scrap, R) :- T is Cu + Sn + Scrap, ( T =:= 0 -> R = 0 ; R is Sn / T ).

scrap_allowance(W, A) :- W < 50, !, A is 0.05 * W.
scrap_allowance(W, A) :- W < 500, !, A is 0.08 * W.
scrap_allowance(W, A) :- W < 2000, !, A is 0.10 * W.
scrap_allowance(W, A) :- A is 0.12 * W.

pour_temp(Cu, Sn, Scrap, T) :-
    bronze_ratio(Cu, Sn, Scrap, R),
    (   R > 0.25 -> T = 1120
    ;   R > 0.22 -> T = 1100
    ;   R > 0 -> T = 1080
    ;   throw(error(domain_error(tin_batch, Cu-Sn-Scrap), pour_temp/4))
    ).

grade(Cu, Sn, Scrap, G) :- pour_temp(Cu, Sn, Scrap, T), temp_grade(T, G).
temp_grade(1120, hard).
temp_grade(1100, bell_metal).

rounds(N, Row) :- numlist(1, N, Row).

swap_pairs(_, [], []).
swap_pairs(_, [X], [X]).
swap_pairs(true, [A, B | Rest], [B, A | Out]) :- swap_pairs(true, Rest, Out).
swap_pairs(false, [A | Rest], [A | Out]) :- swap_pairs(true, Rest, Out).

hunt_row(N, K, Row) :- rounds(N, R0), hunt(R0, K, true, Row).
hunt(Row, 0, _, Row) :- !.
hunt(Row, K, Even, Out) :- swap_pairs(Even, Row, R1), K1 is K - 1, flip(Even, E1), hunt(R1, K1, E1, Out).
flip(true, false).
flip(false, true).

course(N, Rows) :- M is 2 * N, findall(R, (between(0, M, K), hunt_row(N, K, R)), Rows).

true_touch(Rows) :- sort(Rows, S), length(S, L), length(Rows, L).

call_change(A, B, Row, Out) :- memberchk(A, Row), memberchk(B, Row), maplist(sw(A, B), Row, Out).
sw(A, B, A, B) :- !.
sw(A, B, B, A) :- !.
sw(_, _, X, X).

hum_ratio(H, N, R) :- R is H / N.
'''


def _pl_tests(rnd: random.Random, n: int) -> str:
    out = [":- use_module(library(plunit)).", ":- use_module(foundry).", "", ":- begin_tests(alloy)."]
    out += ["test(ratio) :- bronze_ratio(75, 25, 0, R), R =:= 0.25.",
            "test(ratio_empty) :- bronze_ratio(0, 0, 0, 0).",
            "test(pour_soft, [true(T == 1100)]) :- pour_temp(900, 100, 0, T).",
            "test(no_tin, [throws(error(domain_error(tin_batch, _), _))]) :- pour_temp(100, 0, 0, _).",
            "test(no_tin_crash) :- pour_temp(100, 0, 0, T), T > 0.",
            "test(grade_soft, [true(G == bronze_soft)]) :- grade(900, 100, 0, G).",
            "test(grade_hard) :- grade(700, 300, 0, hard).",
            "test(hum_zero) :- hum_ratio(220, 0, _).",
            ":- end_tests(alloy).", "", ":- begin_tests(ring)."]
    out += ["test(hunt_six, [true(R == [2,1,4,3,6,5])]) :- hunt_row(6, 1, R).",
            "test(course_true) :- course(5, Rs), true_touch(Rs).",
            "test(call_change_missing) :- call_change(3, 9, [1,2,3,4,5,6], _).",
            "test(swap_choice) :- swap_pairs(true, [1], _).",
            "test(rounds_five, [nondet]) :- rounds(5, [1,2,3,4,5])."]
    for i in range(n):
        w = rnd.randint(10, 4000)
        exp = {0: 0.05, 1: 0.08, 2: 0.10, 3: 0.12}[0 if w < 50 else 1 if w < 500 else 2 if w < 2000 else 3] * w
        if rnd.random() < 0.12:
            exp += rnd.choice([1, 5, 10])
        out.append(f"test(scrap_{i:03d}, [true(A =:= {exp!r})]) :- scrap_allowance({w}, A).")
        if rnd.random() < 0.5:
            b = rnd.randint(4, 10)
            want = 2 * b + 1 if rnd.random() > 0.1 else 2 * b
            out.append(f"test(course_len_{i:03d}, [true(L == {want})]) :- course({b}, Rs), length(Rs, L).")
    out.append(":- end_tests(ring).")
    return "\n".join(out) + "\n"


PL_CHECK = '''
:- use_module(foundry).

cast_bell(Name, Cu, Sn, bell(Name, T, G)) :-
    pour_temp(Cu, Sn, 0, T),
    grade_of(Cu, Sn, G).

tune_ring(Bells, Tuned) :-
    maplist(tune_one, Bells, Tuned).

tune_one(bell(N, T, G), bell(N, T2, G)) :-
    shave_lip(T, Cut),
    T2 is T - Cut.

peal_length(N, Rows, Minutes) :-
    course(N, Rows),
    length(Rows, L),
    Minutes is L * 2 / 60.

report(Bell) :-
    format("~w~n", [Bell]),
    log_casting(Bell, Unused).

inspect(bell(_, T, _)) :- T > 1000, mould_ok(T).
inspect(cracked) :- scrap_bell(cracked).

mould_ok(_).
{extra}
'''


def _pl_check_extra(rnd: random.Random, n: int) -> str:
    out = []
    for i in range(n):
        name = rnd.choice(["frame", "wheel", "stay", "rope", "clapper", "headstock"]) + f"_{i}"
        callee = rnd.choice(["inspect_bearing", "measure_rope", "torque_of", "pitch_of", "order_part"])
        if rnd.random() < 0.4:
            callee += f"_{i}"
        out.append(f"{name}(X, Y) :- X > {rnd.randint(1, 50)}, {callee}(X, Z), Y is Z + {rnd.randint(1, 9)}.")
        if rnd.random() < 0.3:
            out.append(f"{name}(X, Y, Extra) :- Y = X.")
    return "\n".join(out)


def cap_plunit(tmp: Path) -> None:
    for tag, n, seed in (("core", 0, 3304), ("scrap", 40, 3305), ("peal", 200, 3306), ("tower", 600, 3307)):
        d = tmp / f"plunit-{tag}"
        write_tree(d, {"foundry.pl": PL_CORE, "tests.pl": _pl_tests(random.Random(seed), n)})
        cap(f"plunit-{tag}", "swipl -g run_tests -t halt tests.pl", d, n_plunit, timeout=300)


STEPS += [cap_plunit]


def cap_swipl_check(tmp: Path) -> None:
    for tag, n, seed in (("casting", 0, 3308), ("tower", 25, 3309), ("diocese", 160, 3310)):
        d = tmp / f"check-{tag}"
        write_tree(d, {"foundry.pl": PL_CORE,
                       "casting.pl": PL_CHECK.replace("{extra}", _pl_check_extra(random.Random(seed), n))})
        cap(f"swipl-check-{tag}", "swipl -g check -t halt casting.pl", d, n_swipl_check, timeout=300)


STEPS += [cap_swipl_check]
