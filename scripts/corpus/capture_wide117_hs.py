"""Round 117, Haskell: a sail loft's cutting planner (`sailcut`, written here with bugs put in and widened by a seeded
generator) through Debian's GHC: hspec specs, QuickCheck properties (quickCheckAll), a tasty tree of HUnit cases and
properties, `ghc --make -Wall` over 30 modules, `cabal build --offline` of a package needing only base, and a run
with `+RTS -s`. The extractors are this round's (NEEDLES.md, "Round 117"). Run through capture_wide117.py."""

from __future__ import annotations

import random
import re
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide117 import cap, exit_lines

# ------------------------------------------------------------------ the extractors (NEEDLES.md, "Round 117")


@cm.kind("hspec", "test")
def n_hspec(lines):
    """Rule 2 on hspec: every numbered failure line of the Failures: section with the location line above it, the first expected: (or exception) line of each, every tree line marked FAILED [N], the N examples, M failures line; EXIT=N."""
    out, in_fail = [], False
    for i, ln in enumerate(lines):
        s = ln.strip()
        if s == "Failures:":
            in_fail = True
            continue
        if re.search(r"FAILED \[\d+\]\s*$", ln):
            out.append(ln)
        elif in_fail and re.match(r"^\s+\d+\) \S", ln):
            if i and re.match(r"^\s*\S+\.hs:\d+:\d+:\s*$", lines[i - 1]):
                out.append(lines[i - 1])
            out.append(ln)
            first = cm.next_match(lines, i, r"^\s+(expected:|uncaught exception:|Falsifiable|predicate failed|\S+Exception|Prelude\.|but got)", 6)
            if first:
                out.append(first)
        elif re.match(r"^\d+ examples?, \d+ failures?", s):
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("quickcheck", "test")
def n_quickcheck(lines):
    """Rule 2 on QuickCheck: every *** Failed! / *** Gave up! line, the === prop from File.hs:N === line above it, the first counterexample line after it, any exception line it names; EXIT=N."""
    out, name = [], None
    for i, ln in enumerate(lines):
        if ln.startswith("=== ") and ln.rstrip().endswith("==="):
            name = ln
        elif re.match(r"^\*\*\* (Failed!|Gave up!)", ln):
            if name:
                out.append(name)
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].startswith(("===", "***", "+++")):
                out.append(lines[i + 1])
                if lines[i + 1].strip() == "Exception:" and i + 2 < len(lines) and lines[i + 2].strip():
                    out.append(lines[i + 2])
        elif re.search(r"Exception|exception|Prelude\.\w+:|CallStack", ln) and "***" not in ln and ln not in out:
            out.append(ln)
    return out + exit_lines(lines)


@cm.kind("tasty", "test")
def n_tasty(lines):
    """Rule 2 on tasty: every test line ending FAIL with the first message line under it, every Use -p '...' to rerun line, the N out of M tests failed / All N tests passed line; EXIT=N."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.rstrip()
        if re.search(r":\s+FAIL( \(\d[\d.]*s\))?$", s) or s.endswith(": FAIL"):
            out.append(ln)
            if i + 1 < len(lines) and lines[i + 1].strip():
                out.append(lines[i + 1])
        elif "to rerun this test only" in s or re.match(r"^\s+Use -p '", s):
            out.append(ln)
        elif re.match(r"^(\d+ out of \d+ tests failed|All \d+ tests passed)", s.strip()):
            out.append(ln)
    return out + exit_lines(lines)


GHC_LOC = re.compile(r"^(\S+\.hs):\d+:\d+(-\d+)?: (error|warning)(: \[(-W[\w-]+)[^\]]*\]|:)?")


def _ghc(lines):
    out, warns, last = [], [], None
    for i, ln in enumerate(lines):
        m = GHC_LOC.match(ln.strip())
        if m:
            if m.group(3) == "error":
                out.append(ln)
                if i + 1 < len(lines) and lines[i + 1].strip():
                    out.append(lines[i + 1])
            else:
                flag = m.group(5)
                if not flag:
                    fm = re.search(r"\[(-W[\w-]+)", " ".join(lines[i:i + 3]))
                    flag = fm.group(1) if fm else "?"
                warns.append(((flag, m.group(1)), ln))
        elif re.match(r"^\[\s*\d+ of \d+\] Compiling", ln.strip()):
            last = ln
    return out + cm.groups(warns) + ([last] if last else [])


@cm.kind("ghc-make-wall", "build")
def n_ghc_make(lines):
    """Rule 1 on ghc --make -Wall: every error: line (file:line:col on it) and the first message line under it, warnings one {"any"} per (warning flag, file), the last [N of M] Compiling line; EXIT=N."""
    return _ghc(lines) + exit_lines(lines)


@cm.kind("cabal-build", "build")
def n_cabal(lines):
    """Rules 1+3 on cabal build --offline: as ghc-make-wall, plus every Building / Preprocessing line naming a component and the Failed to build / cabal: error lines; EXIT=N."""
    extra = [ln for ln in lines if re.match(r"^(Building|Preprocessing) ", ln.strip())
             or re.search(r"Failed to build|^cabal: |^Error: ", ln.strip())]
    return extra + _ghc(lines) + exit_lines(lines)


@cm.kind("ghc-rts-stats", "log")
def n_rts(lines):
    """Rule 5 on +RTS -s: the bytes allocated in the heap, maximum residency, total memory in use, GC time, Total time, %GC time and Productivity lines, and any uncaught exception line; EXIT=N."""
    pat = r"bytes allocated in the heap|maximum residency|total memory in use|^\s*GC\s+time|^\s*Total\s+time|%GC\s+time|Productivity|: Prelude\.|Heap exhausted|Exception|^\S+: .*error"
    return [ln for ln in lines if re.search(pat, ln)] + exit_lines(lines)


# ------------------------------------------------------------------ the project

CUT = """module Sailcut.Cut (Panel(..), area, seamAllowance, cutList, clothWidth, panelsFor, parseDims) where

data Panel = Panel { pName :: String, pWidth :: Double, pHeight :: Double } deriving (Show, Eq)

area :: Panel -> Double
area (Panel _ w h) = w * h / 2

seamAllowance :: Double -> Double
seamAllowance w = w + 0.02

clothWidth :: Double
clothWidth = 0.915

panelsFor :: Double -> Int
panelsFor luff = floor (luff / clothWidth)

cutList :: [Panel] -> [(String, Double)]
cutList ps = [(pName p, seamAllowance (pWidth p)) | p <- ps, pHeight p > 0]

parseDims :: String -> (Double, Double)
parseDims s = let (a, _:b) = break (== 'x') s in (read a, read b)
"""

SPEC = """import Test.Hspec
import Test.QuickCheck
import Control.Exception (evaluate)
import Sailcut.Cut

main :: IO ()
main = hspec $ do
{blocks}
"""


def gen_hspec(seed: int) -> str:
    rnd = random.Random(seed)
    blocks = []
    for g in range(34):
        its = []
        for t in range(rnd.randint(5, 9)):
            w, h = rnd.randint(1, 9), rnd.randint(1, 9)
            r = rnd.random()
            if r < 0.08:
                its.append(f'    it "computes the area of a {w}x{h} panel" $ area (Panel "p{g}" {w} {h}) `shouldBe` {w * h}')
            elif r < 0.13:
                its.append(f'    it "parses the dims {w}-{h}" $ parseDims "{w}-{h}" `shouldBe` ({w}, {h})')
            elif r < 0.17:
                its.append(f'    it "counts panels for a {w * 3} m luff" $ panelsFor {w * 3} `shouldBe` {round(w * 3 / 0.915)}')
            elif r < 0.20:
                its.append(f'    it "never cuts narrower than the cloth" $ property $ \\x -> seamAllowance x >= x + 0.02 - 1e-9 && x /= {w}')
            elif r < 0.22:
                its.append(f'    it "rejects an empty cut list" $ evaluate (head (cutList [])) `shouldThrow` anyErrorCall')
            elif r < 0.24:
                its.append(f'    it "reads the first panel of an empty plan" $ fst (head (cutList [])) `shouldBe` "main"')
            else:
                its.append(f'    it "computes the area of a {w}x{h} panel (#{t})" $ area (Panel "p{g}" {w} {h}) `shouldBe` {w * h / 2}')
        blocks.append(f'  describe "{rnd.choice(["mainsail", "jib", "genoa", "spinnaker", "mizzen"])} {g}" $ do\n' + "\n".join(its))
    return SPEC.replace("{blocks}", "\n".join(blocks))


PROPS = """{-# LANGUAGE TemplateHaskell #-}
import Test.QuickCheck
import Data.List (sort, nub)
import Sailcut.Cut

prop_seamWidens :: Double -> Bool
prop_seamWidens w = seamAllowance w > w

prop_areaPositive :: Double -> Double -> Property
prop_areaPositive w h = w > 0 && h > 0 ==> area (Panel "p" w h) > 0

prop_areaHalf :: Double -> Double -> Bool
prop_areaHalf w h = area (Panel "p" w h) == w * h / 2

prop_panelsCover :: Positive Double -> Bool
prop_panelsCover (Positive luff) = fromIntegral (panelsFor luff) * clothWidth >= luff

prop_cutListKeeps :: [(String, Double, Double)] -> Bool
prop_cutListKeeps xs = length (cutList [Panel n w h | (n, w, h) <- xs]) == length xs

prop_sortIdem :: [Int] -> Bool
prop_sortIdem xs = sort (sort xs) == sort xs

prop_nubShorter :: [Int] -> Bool
prop_nubShorter xs = length (nub xs) < length xs || null xs

prop_parseRoundTrip :: Positive Int -> Positive Int -> Bool
prop_parseRoundTrip (Positive a) (Positive b) = parseDims (show a ++ "x" ++ show b) == (fromIntegral a, fromIntegral b)

prop_parseAny :: String -> Bool
prop_parseAny s = fst (parseDims s) >= 0

prop_rarePanel :: Int -> Int -> Property
prop_rarePanel a b = a > 90 && b > 90 && a < 100 ==> panelsFor (fromIntegral (a + b)) > 0

prop_bigLuff :: Property
prop_bigLuff = forAll (choose (1, 60)) $ \\l -> panelsFor l >= 1

return []
main :: IO ()
main = $quickCheckAll >>= print
"""

TASTY = """import Test.Tasty
import Test.Tasty.HUnit
import Test.Tasty.QuickCheck as QC
import Sailcut.Cut

main :: IO ()
main = defaultMain $ testGroup "sailcut" [{groups}]
"""


def gen_tasty(seed: int) -> str:
    rnd = random.Random(seed)
    groups = []
    for g in range(26):
        cases = []
        for t in range(rnd.randint(4, 8)):
            w, h = rnd.randint(1, 12), rnd.randint(1, 12)
            r = rnd.random()
            if r < 0.12:
                cases.append(f'testCase "area {w}x{h}" $ area (Panel "x" {w} {h}) @?= {w * h}')
            elif r < 0.18:
                cases.append(f'QC.testProperty "seam grows {t}" $ \\x -> seamAllowance x > x + 0.0{rnd.randint(2, 5)}')
            elif r < 0.22:
                cases.append(f'testCase "panels for {w} m" $ assertEqual "panel count" {w + 1} (panelsFor {w})')
            elif r < 0.25:
                cases.append(f'testCase "parse {w}x{h}" $ parseDims "{w}*{h}" @?= ({w}, {h})')
            else:
                cases.append(f'testCase "area {w}x{h} #{t}" $ area (Panel "x" {w} {h}) @?= {w * h / 2}')
        groups.append(f'testGroup "{rnd.choice(["loft", "cutting table", "batten pockets", "reef points"])} {g}" [\n      '
                      + ",\n      ".join(cases) + "]")
    return TASTY.replace("{groups}", ",\n    ".join(groups))


def gen_wall_module(k: int, n: int, rnd: random.Random) -> str:
    imps = [f"import Sailcut.M{j:02d}" for j in range(max(0, k - 2), k)]
    imps += ["import Data.List (sortBy, nub, foldl')", "import qualified Data.Map as M", "import Data.Maybe (fromMaybe)"]
    body = []
    for j in range(rnd.randint(3, 6)):
        f = f"{rnd.choice(['batten', 'reef', 'clew', 'tack', 'luff', 'leech'])}{k}_{j}"
        r = rnd.random()
        if r < 0.2:
            body.append(f"{f} xs = sum xs * {rnd.randint(2, 9)}")
        elif r < 0.35:
            body.append(f"{f} :: Maybe Int -> Int\n{f} (Just x) = x")
        elif r < 0.5:
            body.append(f"{f} :: [Int] -> Int\n{f} xs = let unused{j} = length xs in head xs")
        elif r < 0.6:
            body.append(f"{f} :: Int -> Int\n{f} x = let x = 3 in x * 2")
        elif r < 0.7:
            body.append(f"{f} :: Int -> Integer\n{f} x = fromIntegral x ^ 2")
        else:
            body.append(f"{f} :: Int -> Int\n{f} n = n + {rnd.randint(1, 99)}")
    if k == 17:
        body.append(f"broken{k} :: Int -> String\nbroken{k} n = n ++ \"cm\"")
    if k == 23:
        body.append(f"missing{k} :: Int\nmissing{k} = clewOffset 4")
    return f"module Sailcut.M{k:02d} where\n\n" + "\n".join(imps) + "\n\n" + "\n\n".join(body) + "\n"


CABAL = """cabal-version: 2.4
name:          sailcut
version:       0.2.0
build-type:    Simple

library
  exposed-modules: Sailcut.Cut, Sailcut.Loft, {wall}
  hs-source-dirs:  src
  build-depends:   base >=4 && <5, containers
  default-language: Haskell2010
  ghc-options: -Wall

executable sailcut
  main-is: Main.hs
  hs-source-dirs: app
  build-depends: base, sailcut
  default-language: Haskell2010
  ghc-options: -Wall
"""

LOFT = """module Sailcut.Loft (plan, Plan(..)) where

import Sailcut.Cut
import Data.List (sortOn)

data Plan = Plan { panels :: [Panel], waste :: Double } deriving Show

plan :: Double -> Double -> Plan
plan luff foot =
  let n = panelsFor luff
      ps = [Panel ("P" ++ show i) clothWidth (foot / fromIntegral n) | i <- [1 .. n]]
      total = sum (map area ps)
  in Plan (sortOn pName ps) (luff * foot / 2 - total)

summary :: Plan -> String
summary (Plan ps w) = show (length ps) ++ " panels, waste " ++ show w
"""

APP_MAIN = """module Main where

import Sailcut.Loft
import Sailcut.Cut (Panel(..))

main :: IO ()
main = do
  let p = plan 11.5 4.2
  mapM_ (putStrLn . pName) (panels p)
  print (waste p)
  print (panelCount p)
"""

RTS_MAIN = """import qualified Data.Map.Strict as M
import Data.List (foldl')
import Sailcut.Cut

main :: IO ()
main = do
  let panels = [Panel (show i) (fromIntegral (i `mod` 97)) (fromIntegral (i `mod` 13)) | i <- [1 .. 400000 :: Int]]
      byWidth = foldl' (\\m p -> M.insertWith (++) (round (pWidth p) :: Int) [p] m) M.empty panels
      total = sum (map area panels)
  print (M.size byWidth, total)
  print (length (cutList (take 1000 panels)))
  print (parseDims "12.5x")
"""


def haskell(tmp: Path) -> None:
    root = tmp / "sailcut"
    files = {"src/Sailcut/Cut.hs": CUT, "test/Spec.hs": gen_hspec(11740), "test/Props.hs": PROPS,
             "test/Tasty.hs": gen_tasty(11741), "bench/Rts.hs": RTS_MAIN}
    rnd = random.Random(11742)
    for k in range(30):
        files[f"wall/Sailcut/M{k:02d}.hs"] = gen_wall_module(k, 30, rnd)
    files["wall/All.hs"] = "module Main where\n\n" + "\n".join(f"import Sailcut.M{k:02d} ()" for k in range(30)) + \
        "\n\nmain :: IO ()\nmain = pure ()\n"
    write_tree(root, files)
    g = "ghc -isrc -outputdir /tmp/hm-corpus-wide117/ghc-out -v1"
    run(f"{g} -o spec test/Spec.hs && {g} -o props test/Props.hs && {g} -o tasty test/Tasty.hs && "
        f"{g} -rtsopts -O1 -o rts bench/Rts.hs", cwd=root, timeout=900)
    cap("hspec-all", "./spec", root, n_hspec)
    cap("hspec-tail-40-echo", "./spec 2>&1 | tail -n 40; echo EXIT=$?", root, n_hspec)
    cap("hspec-match-mainsail", "./spec --match mainsail --seed 117", root, n_hspec)
    cap("quickcheck-all", "./props", root, n_quickcheck)
    cap("tasty-all", "./tasty", root, n_tasty)
    cap("tasty-quickcheck-tests-echo", "./tasty --quickcheck-tests 500 --hide-successes; echo EXIT=$?", root, n_tasty)
    cap("ghc-make-wall-30", "ghc --make -Wall -iwall -outputdir /tmp/hm-corpus-wide117/wall-out -o all-wall wall/All.hs",
        root, n_ghc_make, timeout=900)
    cap("ghc-make-wall-head-120-echo", "ghc --make -Wall -fforce-recomp -iwall -outputdir /tmp/hm-corpus-wide117/wall-out2 "
        "-o all-wall wall/All.hs 2>&1 | head -n 120; echo EXIT=$?", root, n_ghc_make, timeout=900)
    cap("rts-stats", "./rts +RTS -s", root, n_rts)
    cap("rts-stats-hmax-echo", "./rts +RTS -s -M64m -RTS; echo EXIT=$?", root, n_rts)
    if cm.have("cabal", "cabal-build"):
        pkg = tmp / "sailcut-pkg"
        wall = {f"src/Sailcut/M{k:02d}.hs": files[f"wall/Sailcut/M{k:02d}.hs"] for k in range(14)}
        write_tree(pkg, {"sailcut.cabal": CABAL.replace("{wall}", ", ".join(f"Sailcut.M{k:02d}" for k in range(14))),
                         "src/Sailcut/Cut.hs": CUT, "src/Sailcut/Loft.hs": LOFT, "app/Main.hs": APP_MAIN, **wall})
        # no network here: cabal is told there is no package repository (a package needing only boot libraries)
        write_tree(tmp / "cabal", {"config": "active-repositories: :none\noffline: True\n"})
        env = {"HOME": str(tmp / "home"), "CABAL_DIR": str(tmp / "cabal")}
        cap("cabal-build-offline", "cabal build --offline", pkg, n_cabal, env=env, timeout=900)
        cap("cabal-build-offline-echo", "rm -rf dist-newstyle && cabal build --offline all 2>&1 | tail -n 60; "
            "echo EXIT=$?", pkg, n_cabal, env=env, timeout=900)


STEPS = [haskell]
