"""Round 464's material and extractors: `sluicekeep`, a salt marsh's sluice keepers (gates, tides, culverts, sluice
logs), a cabal package written here with faults put in, run through Debian's GHC 9.0.2, cabal-install 3.4
(`--offline`, installed packages only), hspec 2.8, QuickCheck 2.14 and ghc-pkg. The rules are NEEDLES.md's
"Round 464" section; each extractor's docstring's first line is its rule line."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_data import any_of

SEED = 46410
_SZ = cm.Sized(400, 120_000)
add, cap = _SZ.add, _SZ.cap
EXIT_RE = re.compile(r"^EXIT=\d+$")


def _exit(lines):
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


# ================================================================== extractors (fixed before capture)

@cm.kind("ghc-pkg-check", "pkg")
def n_pkg_check(lines):
    """rule 1: every `There are problems in package` line, its problems one {"any"} per (field, masked message), the `following packages are broken` line and every id listed after it."""
    out, groups, pkg = [], {}, None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("There are problems in package"):
            out.append(ln)
            pkg = s
        elif pkg and s and (s.startswith("Warning:") or s.startswith("Error:") or ":" in s) \
                and not s.startswith("The following"):
            body = re.sub(r"^(Warning|Error):\s*", "", s)
            field = body.split(":", 1)[0]
            groups.setdefault((pkg, field, cm.mask(body)), []).append(ln)
        if s.startswith("The following packages are broken"):
            out.append(ln)
            pkg = None
            for k in range(i + 1, len(lines)):
                t = lines[k].strip()
                if not t:
                    if k > i + 1:
                        break
                    continue
                if re.fullmatch(r"[\w.-]+-\d[\d.]*", t):  # a package id, not the header's second line
                    out.append(lines[k])
    out += [any_of(v) for v in groups.values()]
    return out


def n_pkg_list_for(deps):
    def ext(lines):
        out = []
        for ln in lines:
            s = ln.strip()
            if not s:
                continue
            if not ln[:1].isspace() and ("/" in ln or "package.conf" in ln):
                out.append(ln)
            elif re.fullmatch(r"[({][A-Za-z0-9.-]+[)}]", s):
                out.append(ln)
            else:
                name = re.sub(r"-[0-9.]+$", "", s.strip("(){}"))
                if name in deps:
                    out.append(ln)
        return out
    return ext


PKG_LIST_DOC = ("rules 4+5: every package-db path header line, every hidden `(pkg)` or broken `{pkg}` entry, "
                "the line of every package the .cabal file's build-depends names.")


@cm.kind("ghc-pkg-describe", "pkg")
def n_pkg_describe(lines):
    """rule 5: per record its name/version/id/exposed/license lines, the first line of exposed-modules and depends, the `---` separators."""
    out = []
    for ln in lines:
        if re.match(r"^(name|version|id|exposed|license|exposed-modules|depends):", ln):
            out.append(ln)
        elif ln.strip() == "---":
            out.append(ln)
    return out


def _hspec_failures(lines):
    """The hspec rule: failure headers, their location lines, the first message line, rerun lines, seed, summary."""
    out = []
    # an output cut by `tail` has lost its `Failures:` line: the failures section is then all of it
    in_fail = not any(ln.strip() == "Failures:" for ln in lines)
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s == "Failures:":
            in_fail = True
            continue
        if re.match(r"^\d+ examples?, \d+ failures?", s):
            out.append(ln)
            in_fail = False
        if s.startswith("Randomized with seed"):
            out.append(ln)
        if in_fail and re.match(r"^\s{2}\d+\) ", ln):
            out.append(ln)
            if i > 0 and re.match(r"^\s*\S+\.hs:\d+:\d+:", lines[i - 1]):
                out.append(lines[i - 1])
            for k in range(i + 1, min(len(lines), i + 12)):
                t = lines[k].strip()
                if t:
                    out.append(lines[k])
                    break
        if in_fail and "To rerun use: --match" in ln:
            out.append(ln)
    return out


n_hspec_fe = cm.named("hspec-failed-examples", "test",
                      "rule 2: every `N) path` failure header, its location line above, its first message line, "
                      "every `To rerun use` line, the seed line, the `N examples, M failures` summary.",
                      _hspec_failures)
n_hspec_progress = cm.named("hspec-progress", "test",
                            "rule 2: every `N) path` failure header, its location line above, its first message "
                            "line, every `To rerun use` line, the seed line, the `N examples, M failures` summary.",
                            _hspec_failures)


@cm.kind("cabal-test", "test")
def n_cabal_test(lines):
    """rules 1-3: Test suite FAIL/PASS and logged-to lines, the `N of M test suites` line, cabal: failure lines, ghc error lines with their location, hspec failures, EXIT=."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^Test suite \S+: (FAIL|PASS)", s) or s.startswith("Test suite logged to:"):
            out.append(ln)
        elif re.match(r"^\d+ of \d+ test suites", s):
            out.append(ln)
        elif s.startswith("cabal:") or s.startswith("Error: cabal:"):
            out.append(ln)
        elif re.search(r"\berror:", s) and re.match(r"^\S+\.hs:\d+:\d+", s):
            out.append(ln)
        elif re.search(r"\berror:$", s):
            out.append(ln)
    out += _hspec_failures(lines) + _exit(lines)
    return out


@cm.kind("cabal-check", "lint")
def n_cabal_check(lines):
    """rule 1+3: every section header line, the first line of every `*` finding, the closing verdict."""
    out = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^(The following (errors|warnings)|These warnings)", s):
            out.append(ln)
        elif s.startswith("* "):
            out.append(ln)
        elif s.startswith("Hackage would reject") or s.startswith("No errors or warnings could be found"):
            out.append(ln)
        elif s.startswith("Error:") or s.startswith("Warning:") or s.startswith("cabal:"):
            out.append(ln)
    return out + _exit(lines)


@cm.kind("cabal-solver", "build")
def n_cabal_solver(lines):
    """rule 1: the `Could not resolve dependencies` line, every solver line with rejecting/unknown package/fail/conflict, the `After searching` line and its goal lines."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if "Could not resolve dependencies" in s:
            out.append(ln)
        elif re.search(r"rejecting:|unknown package:|\bfail\b|conflict", s):
            out.append(ln)
        elif s.startswith("After searching the rest"):
            out.append(ln)
            for k in range(i + 1, len(lines)):
                if not lines[k].strip():
                    break
                out.append(lines[k])
    return out + _exit(lines)


def _counterexample(lines, i):
    out = []
    for k in range(i + 1, len(lines)):
        t = lines[k].strip()
        if not t or t.startswith("==="):
            break
        out.append(lines[k])
    return out


@cm.kind("quickcheck-verbose", "test")
def n_qc_verbose(lines):
    """rule 2: every `=== prop` name line, every `*** Failed!`/`+++ OK`/`*** Gave up!` line, the counterexample lines after `*** Failed!` up to a blank or `===` line."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s.startswith("=== "):
            out.append(ln)
        elif s.startswith("+++ OK") or s.startswith("*** Gave up!"):
            out.append(ln)
        elif s.startswith("*** Failed!"):
            out.append(ln)
            out += _counterexample(lines, i)
    return out + _exit(lines)


@cm.kind("quickcheck-labels", "test")
def n_qc_labels(lines):
    """rules 2+4: every +++ OK/*** Failed!/*** Insufficient coverage line, counterexample lines, `Only N% … expected` lines, table titles, each distribution's highest and lowest row."""
    out = []
    pct = re.compile(r"^\s*(\d+(?:\.\d+)?)% \S")
    block: list[tuple[float, str]] = []

    def flush():
        if block:
            out.append(max(block)[1])
            out.append(min(block)[1])
        block.clear()

    for i, ln in enumerate(lines):
        s = ln.strip()
        m = pct.match(ln)
        if m and not s.startswith("Only"):
            block.append((float(m.group(1)), ln))
            continue
        flush()
        if s.startswith("=== "):
            out.append(ln)
        elif s.startswith("+++ OK") or s.startswith("*** Insufficient coverage"):
            out.append(ln)
        elif s.startswith("*** Failed!"):
            out.append(ln)
            out += _counterexample(lines, i)
        elif s.startswith("Only ") and "expected" in s:
            out.append(ln)
        elif s and i + 1 < len(lines) and pct.match(lines[i + 1]) and not pct.match(ln):
            out.append(ln)  # a table's title: a line alone before its percentage rows
    flush()
    return out + _exit(lines)


GC_SUMMARY = ("bytes allocated in the heap", "maximum residency", "MUT     time", "GC      time", "Total   time",
              "Productivity", "MUT time", "GC time", "Total time")


@cm.kind("ghc-rts-gc-log", "log")
def n_gc_log(lines):
    """rules 1+3+4: the column header, the rows with min and max Alloc, Live and GC elap, the program's error lines, the summary lines (allocated, residency, MUT/GC/Total time, Productivity)."""
    out, rows = [], []
    for ln in lines:
        s = ln.strip()
        if s.startswith("Alloc") and "Copied" in s:
            out.append(ln)
            continue
        parts = s.split()
        if len(parts) >= 8 and all(re.fullmatch(r"-?\d+(\.\d+)?", p) for p in parts[:7]):
            rows.append((parts, ln))
            continue
        if any(k in s for k in GC_SUMMARY):
            out.append(ln)
        elif re.search(r"(heap overflow|Heap exhausted|maximum heap size|Exception|error|CallStack|Prelude\.|"
                       r"Non-exhaustive)", s):
            out.append(ln)
    # columns: Alloc Copied Live GC(cpu) GC(elap) TOT(cpu) TOT(elap) ...
    for col in (0, 2, 4):
        if rows:
            vals = [(float(p[col]), ln) for p, ln in rows]
            out.append(max(vals)[1])
            out.append(min(vals)[1])
    return out + _exit(lines)


MR_KEYS = ('"bytes allocated"', '"num_GCs"', '"max_bytes_used"', '"peak_megabytes_allocated"',
           '"mutator_cpu_seconds"', '"GC_cpu_seconds"', '"total_wall_seconds"')


@cm.kind("ghc-rts-machine-readable", "json")
def n_machine_readable(lines):
    """rule 5: the bytes allocated/num_GCs/max_bytes_used/peak_megabytes_allocated/mutator/GC cpu/total wall entries, the program's error lines, its closing summary line."""
    out = []
    first_stat = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if any(k in s for k in MR_KEYS):
            out.append(ln)
            if first_stat is None:
                first_stat = i
        elif re.search(r"(heap overflow|Heap exhausted|maximum heap size|Exception|error|CallStack|Prelude\.|"
                       r"Non-exhaustive)", s):
            out.append(ln)
    stop = first_stat if first_stat is not None else len(lines)
    for k in range(stop - 1, -1, -1):
        t = lines[k].strip()
        if t and not t.startswith("[(") and not t.startswith("EXIT="):
            out.append(lines[k])
            break
    return out + _exit(lines)


# ================================================================== the material

GATES_HS = r'''
module Sluice.Gate
  ( GateState (..), Gate (..), openGate, closeGate, flowThrough, dischargeCoeff, headDifference
  ) where

data GateState = Open | Closed | Jammed deriving (Show, Eq)

data Gate = Gate
  { gateName  :: String
  , gateWidth :: Double
  , sillLevel :: Double
  , gateState :: GateState
  } deriving (Show, Eq)

openGate :: Gate -> Gate
openGate g = case gateState g of
  Closed -> g { gateState = Open }
  Open   -> g

closeGate :: Gate -> Gate
closeGate g = g { gateState = Closed }

headDifference :: Double -> Double -> Double
headDifference inner outer = inner - outer

-- | The weir coefficient: wide gates were re-measured in 2019 (1.66), narrow ones keep 1.70.
dischargeCoeff :: Gate -> Double
dischargeCoeff g
  | gateWidth g > 4.0 = 1.70
  | otherwise         = 1.70

-- | Flow (m3/s) through an open gate from the higher side; zero when closed.
flowThrough :: Gate -> Double -> Double -> Double
flowThrough g inner outer
  | gateState g /= Open = 0
  | otherwise = dischargeCoeff g * gateWidth g * h ** 1.5
  where h = inner - outer - sillLevel g * 0
'''

TIDE_HS = r'''
module Sluice.Tide (tideLevel, highWaters, slackAfter, springRange) where

tideLevel :: Double -> Double -> Double -> Double
tideLevel amp period t = amp * sin (2 * pi * t / period)

-- | The times of the first n high waters after t = 0.
highWaters :: Double -> Int -> [Double]
highWaters period n = [period / 4 + fromIntegral k * period | k <- [0 .. n]]

slackAfter :: Double -> Double -> Double
slackAfter period t = fromIntegral (ceiling (t / (period / 2)) :: Int) * (period / 2)

springRange :: [Double] -> Double
springRange levels = maximum levels - minimum levels
'''

CULVERT_HS = r'''
module Sluice.Culvert (Culvert (..), capacity, clearOrder, worstSilted) where

import Data.List (sortOn)

data Culvert = Culvert
  { culvertId :: Int
  , diameter  :: Double
  , lengthM   :: Double
  , siltPct   :: Int
  } deriving (Show, Eq)

-- | Open cross-section left after silting (m2).
capacity :: Culvert -> Double
capacity c = pi * (diameter c / 2) ^ (2 :: Int) * (1 - fromIntegral (siltPct c) / 100)

-- | Culverts in the order the crew clears them: most silted first.
clearOrder :: [Culvert] -> [Culvert]
clearOrder = sortOn siltPct

worstSilted :: [Culvert] -> Culvert
worstSilted = head . reverse . clearOrder
'''

LOG_HS = r'''
module Sluice.Log (Entry (..), parseEntry, parseLog, keeperOf) where

data Entry = Entry { hour :: Int, minute :: Int, gate :: String, action :: String }
  deriving (Show, Eq)

parseEntry :: String -> Entry
parseEntry line = case words line of
  [hm, g, a] -> let (h, m) = break (== ':') hm in Entry (read h) (read (drop 1 m)) g a
  (hm : g : rest) | not (null rest) -> Entry (read (take 2 hm)) (read (drop 3 hm)) g (unwords rest)

parseLog :: String -> [Entry]
parseLog = map parseEntry . lines

keeperOf :: [(String, String)] -> String -> String
keeperOf rota g = case lookup g rota of
  Just k -> k
  Nothing -> error ("no keeper on the rota for gate " ++ g)
'''

MAIN_HS = r'''
module Main (main) where

import qualified Data.Map.Strict as M
import Data.List (foldl')
import System.Environment (getArgs)
import Sluice.Culvert
import Sluice.Gate
import Sluice.Tide

marsh :: Int -> [Gate]
marsh n = [Gate ("G-" ++ show k) (2 + fromIntegral (k `mod` 5)) 0.2 (if even k then Open else Closed) | k <- [1 .. n]]

step :: M.Map String Double -> (Double, Gate) -> M.Map String Double
step acc (t, g) = M.insertWith (+) (gateName g) (flowThrough g (1.2 + tideLevel 1.1 12.42 t) 0.3) acc

main :: IO ()
main = do
  args <- getArgs
  let (days, gates, mode) = case args of
        [d, n, m] -> (read d, read n, m)
        [d, n] -> (read d, read n, "run")
        _ -> (10, 40, "run")
      ts = [fromIntegral k / 4 | k <- [0 .. days * 96 :: Int]]
      gs = marsh gates
      totals = foldl' step M.empty [(t, g) | t <- ts, g <- gs]
      hist = [ (t, tideLevel 1.1 12.42 t) | t <- ts ]
  putStrLn ("sluicekeep: " ++ show days ++ " days, " ++ show gates ++ " gates, " ++ show (length ts) ++ " tide steps")
  mapM_ (\(k, v) -> putStrLn ("  " ++ k ++ " passed " ++ show (round v :: Int) ++ " m3")) (take 12 (M.toList totals))
  let culverts = [Culvert k 0.8 12 ((k * 37) `mod` 130) | k <- [1 .. gates]]
  case mode of
    "silt" -> print (capacity (worstSilted culverts))
    "keep" -> putStrLn (show (length (filter ((> 0) . snd) hist)) ++ " flood steps") >> print (worstSilted [])
    "hold" -> do
      let book = [ (t, gateName g, flowThrough g (1.2 + lvl) 0.3) | (t, lvl) <- hist, g <- gs ]
      print (length book, maximum [ f | (_, _, f) <- book, not (isNaN f) ], length (filter (\(_, n, _) -> n == "G-2") book))
    _ -> return ()
  putStrLn ("total passed: " ++ show (round (sum (M.elems totals)) :: Int) ++ " m3 over " ++ show (M.size totals) ++ " gates")
'''


def _flow(width, inner, outer):
    coeff = 1.66 if width > 4.0 else 1.70
    h = inner - outer
    return coeff * width * h ** 1.5


def spec_hs(seed: int, n_gates: int) -> str:
    """An hspec suite over the modules: the expected values are the marsh's own (the Python reference below)."""
    rnd = random.Random(seed)
    out = ["module Main (main) where", "", "import Control.Exception (evaluate)", "import Test.Hspec",
           "import Test.QuickCheck", "import Sluice.Culvert", "import Sluice.Gate", "import Sluice.Log",
           "import Sluice.Tide", "", "main :: IO ()", "main = hspec $ do"]
    out.append('  describe "Sluice.Gate.flowThrough" $ do')
    for k in range(n_gates):
        w = rnd.choice([2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 6.0])
        inner = round(rnd.uniform(1.0, 2.6), 2)
        outer = round(rnd.uniform(0.1, 0.9), 2)
        cents = round(_flow(w, inner, outer) * 100)
        name = f"{rnd.choice(['Saltings', 'Fleet', 'Creek', 'Reedbed', 'Oyster', 'Sea Wall', 'Decoy'])}-{k + 1}"
        out.append(f'    it "passes {cents / 100:.2f} m3/s through {name} (width {w}, head {inner} over {outer})" $')
        out.append(f'      round (flowThrough (Gate "{name}" {w} 0.2 Open) {inner} {outer} * 100) `shouldBe` ({cents} :: Integer)')
    out.append('    it "passes nothing through a closed gate" $')
    out.append('      flowThrough (Gate "Decoy-0" 3 0.2 Closed) 2 0.5 `shouldBe` 0')
    out.append('    it "opens a jammed gate only after it is freed" $')
    out.append('      gateState (openGate (Gate "Fleet-0" 3 0.2 Jammed)) `shouldBe` Jammed')
    out.append('    it "never passes water uphill" $ property $ \\(Positive w) a b ->')
    out.append('      flowThrough (Gate "q" w 0 Open) a b >= (0 :: Double)')
    out.append('  describe "Sluice.Tide" $ do')
    for k in range(max(3, n_gates // 8)):
        n = rnd.randint(2, 9)
        out.append(f'    it "lists {n} high waters after slack {k}" $')
        out.append(f'      length (highWaters 12.42 {n}) `shouldBe` {n}')
    out.append('    it "finds the spring range of a neap week" $')
    out.append('      springRange [] `shouldBe` 0')
    out.append('  describe "Sluice.Culvert" $ do')
    for k in range(max(3, n_gates // 6)):
        silt = rnd.choice([0, 10, 35, 60, 90, 120, 140])
        out.append(f'    it "keeps culvert C{k + 1} ({silt}% silted) open or shut, never negative" $')
        out.append(f'      capacity (Culvert {k + 1} 0.9 14 {silt}) `shouldSatisfy` (>= 0)')
    out.append('    it "clears the most silted culvert first" $')
    out.append('      map culvertId (clearOrder [Culvert 1 1 9 20, Culvert 2 1 9 80, Culvert 3 1 9 50]) `shouldBe` [2, 3, 1]')
    out.append('  describe "Sluice.Log" $ do')
    lines_ok = ["06:15 G-4 open", "07:40 G-9 close", "11:05 G-2 inspect weed screen"]
    for k, ln in enumerate(lines_ok):
        out.append(f'    it "reads the keeper\'s line {k + 1}" $')
        out.append(f'      gate (parseEntry "{ln}") `shouldBe` "{ln.split()[1]}"')
    out.append('    it "reads a line with the hour missing" $')
    out.append('      evaluate (hour (parseEntry "G-7 shut")) `shouldThrow` anyErrorCall')
    out.append('    it "names the keeper of the decoy gate" $')
    out.append('      keeperOf [("G-1", "Ada"), ("G-2", "Bert")] "G-9" `shouldBe` "Ada"')
    out.append('    it "reads an empty tide sheet" $')
    out.append('      (hour . head . parseLog) "" `shouldBe` 0')
    return "\n".join(out) + "\n"


PROPS_HS = r'''
module Main (main) where

import Test.QuickCheck
import Sluice.Culvert
import Sluice.Gate
import Sluice.Tide

instance Arbitrary Culvert where
  arbitrary = Culvert <$> choose (1, 400) <*> elements [0.6, 0.8, 0.9, 1.2] <*> choose (4, 40) <*> choose (0, 150)

prop_capacityNonNegative :: Culvert -> Bool
prop_capacityNonNegative c = capacity c >= 0

prop_clearOrderMostSiltedFirst :: [Culvert] -> Property
prop_clearOrderMostSiltedFirst cs = not (null cs) ==> siltPct (head (clearOrder cs)) == maximum (map siltPct cs)

prop_highWatersCount :: Positive Double -> NonNegative Int -> Bool
prop_highWatersCount (Positive p) (NonNegative n) = length (highWaters p n) == n

prop_flowMonotone :: Positive Double -> Double -> Double -> Property
prop_flowMonotone (Positive w) a b = a > b ==> flowThrough (Gate "q" w 0 Open) a b >= 0

prop_slackAfterLater :: Positive Double -> NonNegative Double -> Bool
prop_slackAfterLater (Positive p) (NonNegative t) = slackAfter p t > t

prop_labelledSilt :: Culvert -> Property
prop_labelledSilt c =
  classify (siltPct c == 0) "clean" $
  classify (siltPct c > 100) "over-silted" $
  label (band (siltPct c)) $
  cover 30 (siltPct c < 50) "lightly silted" $
  tabulate "diameter" [show (diameter c)] $
  capacity c >= 0
  where band s | s < 25 = "0-24%" | s < 50 = "25-49%" | s < 75 = "50-74%" | s < 100 = "75-99%" | otherwise = "100%+"

prop_labelledTide :: Positive Double -> NonNegative Double -> Property
prop_labelledTide (Positive p) (NonNegative t) =
  let lvl = tideLevel 1.1 p t in
  classify (lvl > 0) "flood" $
  classify (lvl <= 0) "ebb" $
  cover 60 (lvl > 0) "flood" $
  tabulate "hour of cycle" [show (floor (t `mod'` p) :: Int)] $
  collect (lvl > 1.0) $
  abs lvl <= 1.1
  where mod' x y = x - fromIntegral (floor (x / y) :: Int) * y

prop_labelledGates :: Positive Double -> Property
prop_labelledGates (Positive w) =
  let g = Gate "q" w 0 Open in
  label (if w > 4 then "wide" else "narrow") $
  checkCoverage $
  cover 40 (w > 4) "wide" $
  dischargeCoeff g == (if w > 4 then 1.66 else 1.70)
'''


def props_driver(mode: str, n: int, seed: int) -> str:
    """A driver for one run: `verbose` runs verboseCheckWith on the plain properties; `labels` quickCheckWith on the
    labelled ones (replay fixed by the seed)."""
    if mode == "verbose":
        props = ["prop_capacityNonNegative", "prop_highWatersCount", "prop_slackAfterLater", "prop_flowMonotone",
                 "prop_clearOrderMostSiltedFirst"]
        call = "verboseCheckWith"
    else:
        props = ["prop_labelledSilt", "prop_labelledTide", "prop_labelledGates"]
        call = "quickCheckWith"
    body = ["", "main :: IO ()", "main = do"]
    for p in props:
        body.append(f'  putStrLn "=== {p}"')
        body.append(f"  {call} stdArgs {{ maxSuccess = {n}, replay = Just (mkQCGen {seed}, 0) }} {p}")
    return "\n".join(body) + "\n"


CABAL = """cabal-version:      2.4
name:               sluicekeep
version:            0.4.1
synopsis:           Sluice keepers' tide and gate book for a salt marsh
license:            BSD-3-Clause
author:             The Marsh Sluice Keepers
maintainer:         keepers@marsh.invalid
category:           Hydrology
build-type:         Simple

common shared
    default-language: Haskell2010
    ghc-options:      -Wall

library
    import:           shared
    exposed-modules:  Sluice.Gate Sluice.Tide Sluice.Culvert Sluice.Log
    build-depends:    base >=4.14 && <5, containers >=0.6
    hs-source-dirs:   src

executable sluice-run
    import:           shared
    main-is:          Main.hs
    hs-source-dirs:   app
    build-depends:    base, containers, sluicekeep
    ghc-options:      -rtsopts

test-suite sluice-spec
    import:           shared
    type:             exitcode-stdio-1.0
    main-is:          Spec.hs
    hs-source-dirs:   test
    build-depends:    base, hspec, QuickCheck, sluicekeep

test-suite sluice-props
    import:           shared
    type:             exitcode-stdio-1.0
    main-is:          Props.hs
    hs-source-dirs:   props
    build-depends:    base, QuickCheck, sluicekeep
"""

DEPS = {"base", "containers", "hspec", "QuickCheck"}


def write_project(root: Path, n_gates: int, seed: int) -> None:
    props = PROPS_HS.lstrip("\n").replace("import Sluice.Tide\n", "import Sluice.Tide\nimport Test.QuickCheck.Random (mkQCGen)\n")
    cm.write_tree(root, {
        "sluicekeep.cabal": CABAL,
        "src/Sluice/Gate.hs": GATES_HS.lstrip("\n"),
        "src/Sluice/Tide.hs": TIDE_HS.lstrip("\n"),
        "src/Sluice/Culvert.hs": CULVERT_HS.lstrip("\n"),
        "src/Sluice/Log.hs": LOG_HS.lstrip("\n"),
        "app/Main.hs": MAIN_HS.lstrip("\n"),
        "test/Spec.hs": spec_hs(seed, n_gates),
        "props/Props.hs": props + props_driver("verbose", 40, seed),
    })


def fake_conf(name: str, ver: str, lib_dir: str, depends: list[str], exposed: bool, mods: list[str]) -> str:
    return (f"name: {name}\nversion: {ver}\nid: {name}-{ver}\nkey: {name}-{ver}\nlicense: BSD-3-Clause\n"
            f"maintainer: keepers@marsh.invalid\nsynopsis: {name} for the sluice keepers\n"
            f"exposed: {'True' if exposed else 'False'}\nexposed-modules: {' '.join(mods)}\n"
            f"import-dirs: {lib_dir}\nlibrary-dirs: {lib_dir}\nhs-libraries: HS{name}-{ver}\n"
            f"depends: {' '.join(depends)}\n")


def make_pkg_db(root: Path, seed: int, n: int) -> Path:
    """A package db of the marsh's in-house libraries: some with missing dirs, one hidden, some depending on
    ids nobody registered."""
    rnd = random.Random(seed)
    db = root / "marsh.package.conf.d"
    cm.run(f"ghc-pkg init {db}", timeout=60)
    words = ["tide", "gate", "culvert", "sluice", "saltings", "reedbed", "fleet", "creek", "seawall", "decoy",
             "oyster", "samphire", "lagoon", "outfall", "penstock", "flap", "weir", "dyke"]
    names = []
    for k in range(n):
        name = f"{rnd.choice(words)}-{rnd.choice(['tables', 'book', 'log', 'gauge', 'rota', 'survey'])}"
        if name in names:
            name = f"{name}{k}"
        names.append(name)
        ver = f"{rnd.randint(0, 3)}.{rnd.randint(0, 12)}.{rnd.randint(0, 9)}"
        real = root / "libs" / name
        if rnd.random() < 0.6:
            real.mkdir(parents=True, exist_ok=True)
        deps = ["base-4.15.1.0"]
        if rnd.random() < 0.25:
            deps.append(f"{rnd.choice(words)}-core-0.{rnd.randint(1, 9)}")
        if rnd.random() < 0.3:
            deps.append("containers-0.6.4.1")
        mods = [f"Marsh.{name.split('-')[0].title()}.{m}" for m in rnd.sample(["Types", "Parse", "Render", "Io", "Plan"], 2)]
        conf = root / f"{name}.conf"
        conf.write_text(fake_conf(name, ver, str(real), deps, rnd.random() > 0.15, mods))
        cm.run(f"ghc-pkg register --force --package-db={db} {conf}", timeout=60)
    return db


def step_ghc_pkg(tmp: Path) -> None:
    root = tmp / "pkgdb"
    root.mkdir()
    db = make_pkg_db(root, SEED + 1, 14)
    cap("pkg-check-marsh", f"ghc-pkg check --package-db={db} 2>&1", root, n_pkg_check, timeout=120)
    (root / "b").mkdir()
    db2 = make_pkg_db(root / "b", SEED + 2, 40)
    cap("pkg-check-wide", f"ghc-pkg check --package-db={db2} 2>&1; echo EXIT=$?", root, n_pkg_check, timeout=120)
    ext = cm.named("ghc-pkg-list", "listing", PKG_LIST_DOC, n_pkg_list_for(DEPS))
    cap("pkg-list-global", "ghc-pkg list", root, ext, timeout=60)
    cap("pkg-list-marsh", f"ghc-pkg list --package-db={db}", root, ext, timeout=60)
    cap("pkg-list-wide", f"ghc-pkg list --package-db={db2} 2>&1 | head -n 160", root, ext, timeout=60)
    cap("pkg-describe-marsh", f"ghc-pkg --global-package-db={db} --no-user-package-db describe '*'", root,
        n_pkg_describe, timeout=60)
    cap("pkg-describe-containers", "ghc-pkg describe containers", root, n_pkg_describe, timeout=60)
    cap("pkg-describe-hspec", "ghc-pkg describe 'hspec*' 2>&1 | head -n 400", root, n_pkg_describe, timeout=60)


def step_hspec(tmp: Path) -> None:
    for tag, n_gates, seed in (("a", 60, SEED + 3), ("b", 260, SEED + 4), ("c", 520, SEED + 17)):
        root = tmp / f"spec-{tag}"
        write_project(root, n_gates, seed)
        out = cm.run(f"ghc -O0 -isrc -itest -outputdir /dev/shm/hm-corpus-wide464-o{tag} test/Spec.hs -o spec",
                     cwd=root, timeout=600)
        if not (root / "spec").exists():
            cm.note(f"spec-{tag} did not build: {out[-2000:]}")
            continue
        if tag == "a":
            cap("hspec-fe-small", "./spec --format=failed-examples --seed 46413", root, n_hspec_fe)
            cap("hspec-progress-small", "./spec --format=progress --seed 46413", root, n_hspec_progress)
            cap("hspec-fe-log", "./spec --format=failed-examples --match Sluice.Log --seed 46413; echo EXIT=$?",
                root, n_hspec_fe)
        elif tag == "c":
            cap("hspec-fe-huge", "./spec --format=failed-examples --seed 46417 2>&1", root, n_hspec_fe)
        else:
            cap("hspec-fe-full", "./spec --format=failed-examples --seed 46414", root, n_hspec_fe)
            cap("hspec-progress-full", "./spec --format=progress --seed 46414 2>&1 | tail -n 300", root, n_hspec_progress)
            cap("hspec-progress-gate", "./spec --format=progress -m flowThrough --seed 46414; echo EXIT=$?", root,
                n_hspec_progress)


def step_quickcheck(tmp: Path) -> None:
    root = tmp / "qc"
    write_project(root, 10, SEED + 5)
    body = PROPS_HS.lstrip("\n").replace("import Sluice.Tide\n", "import Sluice.Tide\nimport Test.QuickCheck.Random (mkQCGen)\n")
    runs = [("qc-verbose-small", "verbose", 12, SEED + 6), ("qc-verbose-mid", "verbose", 60, SEED + 7),
            ("qc-verbose-large", "verbose", 240, SEED + 8), ("qc-verbose-huge", "verbose", 360, SEED + 18),
            ("qc-labels-small", "labels", 100, SEED + 9), ("qc-labels-mid", "labels", 400, SEED + 10),
            ("qc-labels-large", "labels", 2000, SEED + 11)]
    for item, mode, n, seed in runs:
        name = item.replace("-", "_")
        (root / "props" / "Props.hs").write_text(body + props_driver(mode, n, seed))
        out = cm.run(f"ghc -O0 -isrc -iprops -outputdir /dev/shm/hm-corpus-wide464-qc props/Props.hs -o {name}",
                     cwd=root, timeout=600)
        if not (root / name).exists():
            cm.note(f"{item} did not build: {out[-2000:]}")
            continue
        ext = n_qc_verbose if mode == "verbose" else n_qc_labels
        tail = " 2>&1 | tail -n 900" if item == "qc-verbose-large" else "; echo EXIT=$?"
        cap(item, f"./{name}{tail}", root, ext, timeout=300)


def step_rts(tmp: Path) -> None:
    root = tmp / "rts"
    write_project(root, 10, SEED + 12)
    out = cm.run("ghc -O1 -rtsopts -isrc -iapp -outputdir /dev/shm/hm-corpus-wide464-rts app/Main.hs -o sluice-run",
                 cwd=root, timeout=600)
    if not (root / "sluice-run").exists():
        cm.note(f"sluice-run did not build: {out[-2000:]}")
        return
    cap("gc-log-short", "./sluice-run 2 30 +RTS -S -A256k -RTS", root, n_gc_log, timeout=300)
    cap("gc-log-long", "./sluice-run 20 80 hold +RTS -S -A64k -RTS 2>&1 | tail -n 700", root, n_gc_log, timeout=300)
    cap("gc-log-overflow", "./sluice-run 60 120 hold +RTS -S -A1m -M24m -RTS; echo EXIT=$?", root, n_gc_log, timeout=300)
    cap("gc-log-silt", "./sluice-run 4 60 keep +RTS -S -A128k -RTS; echo EXIT=$?", root, n_gc_log, timeout=300)
    cap("mr-stats-run", "./sluice-run 10 60 +RTS -t --machine-readable -RTS", root, n_machine_readable, timeout=300)
    cap("mr-stats-silt", "./sluice-run 6 40 silt +RTS -t --machine-readable -RTS; echo EXIT=$?", root,
        n_machine_readable, timeout=300)
    cap("mr-stats-keep", "./sluice-run 3 20 keep +RTS -t --machine-readable -RTS 2>&1; echo EXIT=$?", root,
        n_machine_readable, timeout=300)


CABAL_DIR = Path("/dev/shm/hm-corpus-wide464-cabal")
CABAL_ENV = {"CABAL_DIR": str(CABAL_DIR)}


def _cabal_project(root: Path, cabal_text: str, seed: int, n_gates: int = 40) -> None:
    write_project(root, n_gates, seed)
    (root / "sluicekeep.cabal").write_text(cabal_text)


def step_cabal(tmp: Path) -> None:
    # cabal test: the whole package, one suite with direct details, and a build broken by a type error
    CABAL_DIR.mkdir(parents=True, exist_ok=True)
    (CABAL_DIR / "config").write_text("jobs: 1\n")  # no repository: installed packages only
    root = tmp / "cabal-a"
    _cabal_project(root, CABAL, SEED + 13, 30)
    cap("cabal-test-all", "cabal test --offline 2>&1 | tail -n 120", root, n_cabal_test, timeout=900, env=CABAL_ENV)
    cap("cabal-test-direct", "cabal test sluice-spec --offline --test-show-details=direct; echo EXIT=$?", root,
        n_cabal_test, timeout=900, env=CABAL_ENV)
    root_b = tmp / "cabal-b"
    _cabal_project(root_b, CABAL, SEED + 14, 20)
    tide = root_b / "src/Sluice/Tide.hs"
    tide.write_text(tide.read_text().replace("springRange levels = maximum levels - minimum levels",
                                             "springRange levels = maximum levels - length levels"))
    cap("cabal-test-broken", "cabal test --offline; echo EXIT=$?", root_b, n_cabal_test, timeout=900, env=CABAL_ENV)
    # cabal check: three .cabal files with portability problems
    variants = {
        "check-bare": CABAL.replace("license:            BSD-3-Clause\n", "")
                           .replace("author:             The Marsh Sluice Keepers\n", "")
                           .replace("maintainer:         keepers@marsh.invalid\n", "")
                           .replace("    ghc-options:      -rtsopts", "    ghc-options:      -rtsopts -O2 -fno-warn-orphans")
                           .replace("    build-depends:    base, QuickCheck, sluicekeep", "    build-depends:    base, QuickCheck, sluicekeep\n    extensions:       CPP")
                           .replace("synopsis:           Sluice keepers' tide and gate book for a salt marsh\n", "")
                           .replace("category:           Hydrology\n", ""),
        "check-flags": CABAL.replace("ghc-options:      -Wall", "ghc-options:      -Wall -O2 -Werror -fllvm")
                            .replace("    build-depends:    base, hspec", "    build-depends:    base, hspec, containers")
                            .replace("base >=4.14 && <5, containers >=0.6", "base, containers"),
        "check-paths": CABAL.replace("hs-source-dirs:   src", "hs-source-dirs:   src, /srv/marsh/shared-src")
                            .replace("cabal-version:      2.4", "cabal-version:      2.4\nlicense-file:       LICENCE.txt")
                            .replace("build-type:         Simple", "build-type:         Simple\ndata-files:       ../tides/*.csv\nextra-source-files: /etc/marsh/gates.conf")
                            .replace("main-is:          Main.hs", "main-is:          Main.hs\n    cpp-options:      -DSLUICE_DEBUG -O0\n    ghc-prof-options: -fprof-auto"),
    }
    for item, text in variants.items():
        r = tmp / item
        _cabal_project(r, text, SEED + 15, 10)
        cap(item, "cabal check; echo EXIT=$?", r, n_cabal_check, timeout=120, env=CABAL_ENV)
    # the solver: packages nobody has installed, versions the installed ones do not have
    solver = {
        "solver-unknown": CABAL.replace("containers >=0.6", "containers >=0.6, tide-predict >=1.2, saltmarsh-gis"),
        "solver-bounds": CABAL.replace("containers >=0.6", "containers >=0.7 && <0.8, text >=2.0"),
        "solver-mixed": CABAL.replace("base, hspec, QuickCheck", "base, hspec >=2.10, QuickCheck >=2.15, hspec-golden")
                             .replace("containers >=0.6", "containers ^>=0.6.7, aeson <2"),
    }
    for item, text in solver.items():
        r = tmp / item
        _cabal_project(r, text, SEED + 16, 10)
        cap(item, "cabal build all --enable-tests --offline; echo EXIT=$?", r, n_cabal_solver, timeout=300, env=CABAL_ENV)


STEPS = [step_ghc_pkg, step_quickcheck, step_rts, step_hspec, step_cabal]
