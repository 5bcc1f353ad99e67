"""Round 471's Haskell material: `arborkeep`, a clock winder's round (arbors, chimes, a winding rota), a cabal package
written here with faults other than round 464's, run through Debian's GHC 9.0.2, cabal-install 3.4 (`--offline`,
installed packages only), hspec 2.8, QuickCheck 2.14 and ghc-pkg. No extractor is written here: every kind's needles
come from round 464's extractors, imported from capture_wide464_hs (NEEDLES.md, "Round 471")."""

from __future__ import annotations

import math
import random
from pathlib import Path

import capture_more as cm
import capture_wide464_hs as h464  # extractors only

SEED = 47140
_SZ = cm.Sized(400, 120_000)
add = _SZ.add


def cap(item_id, command, cwd, extractor, timeout=600, env=None):
    add(item_id, command, cm.run(f"nice timeout {timeout - 5} sh -c {_q(command)}", cwd=cwd, env=env, timeout=timeout),
        extractor)


def _q(s: str) -> str:
    return "'" + s.replace("'", "'\"'\"'") + "'"


# ================================================================== the material

TRAIN_HS = r'''
module Arbor.Train (Arbor (..), torqueAt, turnsPerWeek, toothRatio, trainRatio) where

data Arbor = Arbor
  { arborName :: String
  , teeth     :: Int
  , pinion    :: Int
  , radiusMm  :: Double
  } deriving (Show, Eq)

-- | Torque (N m) passed on by an arbor from a driving weight (kg) hung on a barrel of the given radius (mm).
torqueAt :: Double -> Arbor -> Double
torqueAt kg a = kg * 9.81 * radiusMm a / 1000 * fromIntegral (pinion a `div` teeth a)

-- | Crank turns to wind a clock for a week when the weight drops dropM metres a day on a barrel of barrelMm.
turnsPerWeek :: Double -> Double -> Int
turnsPerWeek dropM barrelMm = round (7 * dropM / (pi * barrelMm / 1000))

-- | Teeth per pinion leaf, in thousandths.
toothRatio :: Arbor -> Int
toothRatio a = teeth a * 1000 `div` pinion a

-- | The whole train's ratio: the product of the wheels' teeth.
trainRatio :: [Arbor] -> Int
trainRatio = product . map teeth
'''

CHIME_HS = r'''
module Arbor.Chime (quarterChime, strikesInDay, chimeBells) where

-- | The quarter chime: 4, 8, 12 and 16 notes at the first to fourth quarter.
quarterChime :: Int -> [Int]
quarterChime q = take (4 * q - 1) (cycle [4, 3, 2, 1, 5])

strikesInDay :: Int
strikesInDay = 2 * sum [1 .. 12]

chimeBells :: Int -> Int
chimeBells hour = if hour `mod` 12 == 0 then 12 else hour `mod` 12
'''

ROTA_HS = r'''
module Arbor.Rota (Stop (..), nextStop, rotaFor, windersOn) where

data Stop = Stop { clock :: String, day :: Int, winder :: String }
  deriving (Show, Eq)

-- | The first stop of the round after day d.
nextStop :: [Stop] -> Int -> Stop
nextStop stops d = head [s | s <- stops, day s > d]

rotaFor :: String -> [Stop] -> [Stop]
rotaFor w = filter ((== w) . winder)

windersOn :: Int -> [Stop] -> [String]
windersOn d ss = [winder s | s <- ss, day s == d]
'''

MAIN_HS = r'''
module Main (main) where

import qualified Data.Map.Strict as M
import Data.List (foldl')
import System.Environment (getArgs)
import Arbor.Chime
import Arbor.Rota
import Arbor.Train

clocks :: Int -> [Arbor]
clocks n = [Arbor ("clock-" ++ show k) (60 + k `mod` 40) (8 + k `mod` 5) (30 + fromIntegral (k `mod` 7)) | k <- [1 .. n]]

main :: IO ()
main = do
  args <- getArgs
  let (days, n, mode) = case args of
        [x, c, m] -> (read x, read c, m)
        [x, c] -> (read x, read c, "run")
        _ -> (7, 30, "run")
      arbors = clocks n
      windings = [(dy, a) | dy <- [1 .. days :: Int], a <- arbors]
      wound acc (dy, a) = M.insertWith (+) (arborName a)
        (turnsPerWeek (0.4 + fromIntegral (dy `mod` 3) / 10) (radiusMm a * 2) + length (quarterChime (dy `mod` 4 + 1))) acc
      turns = foldl' wound M.empty windings
  putStrLn ("arborkeep: " ++ show days ++ " days, " ++ show n ++ " clocks, " ++ show (length windings) ++ " windings")
  mapM_ (\(k, v) -> putStrLn ("  " ++ k ++ " wound " ++ show v ++ " turns")) (take 10 (M.toList turns))
  case mode of
    "book" -> do
      let book = [ (dy, arborName a, torqueAt (fromIntegral dy) a, show (quarterChime (dy `mod` 4 + 1))) | (dy, a) <- windings ]
      print (length book, maximum [ t | (_, _, t, _) <- book ], length (filter (\(_, _, _, c) -> length c > 10) book))
    "next" -> print (nextStop [Stop "st_marys" 1 "Ada", Stop "guildhall" 3 "Bert"] days)
    _ -> return ()
  putStrLn ("total turns: " ++ show (sum (M.elems turns)) ++ " over " ++ show (M.size turns) ++ " clocks")
'''

CLOCKS = ["St Mary's", "Town Hall", "Corn Exchange", "Market Cross", "All Saints", "Guildhall", "Station", "Almshouse"]
WHEELS = ["great wheel", "centre wheel", "third wheel", "escape wheel", "hoop wheel", "warning wheel", "fly arbor"]


def _torque_ref(kg, t, p, r):
    return kg * 9.81 * r / 1000 * (p / t)


def spec_hs(seed: int, n_arbors: int) -> str:
    """An hspec suite over the modules: expected values from the Python reference (the intended arithmetic)."""
    rnd = random.Random(seed)
    out = ["module Main (main) where", "", "import Control.Exception (evaluate)", "import Test.Hspec",
           "import Arbor.Chime", "import Arbor.Rota", "import Arbor.Train", "", "main :: IO ()", "main = hspec $ do"]
    out.append('  describe "Arbor.Train" $ do')
    for k in range(n_arbors):
        t, p = rnd.choice([48, 60, 64, 72, 80, 96, 120]), rnd.choice([6, 8, 10, 12, 16])
        r, kg = rnd.choice([25.0, 30.0, 35.0, 40.0]), rnd.choice([5.0, 12.5, 20.0, 35.0])
        name = f"{rnd.choice(CLOCKS)} {rnd.choice(WHEELS)} {k + 1}"
        mnm = round(_torque_ref(kg, t, p, r) * 1000)
        out.append(f'    it "passes {mnm} mN m through the {name} ({t}/{p}, {kg} kg on {r} mm)" $')
        out.append(f'      round (torqueAt {kg} (Arbor "{name}" {t} {p} {r}) * 1000) `shouldBe` ({mnm} :: Integer)')
        if k % 3 == 0:
            drop, barrel = rnd.choice([0.3, 0.45, 0.6]), rnd.choice([40.0, 50.0, 65.0])
            out.append(f'    it "winds the {name} in {round(7 * drop / (math.pi * barrel / 1000))} turns a week" $')
            out.append(f'      turnsPerWeek {drop} {barrel} `shouldBe` {round(7 * drop / (math.pi * barrel / 1000))}')
    out.append('    it "keeps the going train ratio positive" $')
    out.append('      trainRatio [Arbor "a" 96 8 30, Arbor "b" 80 10 30, Arbor "c" 75 10 30] `shouldSatisfy` (> 0)')
    out.append('  describe "Arbor.Chime" $ do')
    for q in range(1, 5):
        out.append(f'    it "rings {4 * q} notes at quarter {q}" $')
        out.append(f'      length (quarterChime {q}) `shouldBe` {4 * q}')
    for h in rnd.sample(range(0, 24), max(3, n_arbors // 10) if n_arbors // 10 < 24 else 24):
        out.append(f'    it "strikes {h % 12 or 12} at {h:02d}:00" $')
        out.append(f'      chimeBells {h} `shouldBe` {h % 12 or 12}')
    out.append('    it "strikes 156 blows a day" $')
    out.append('      strikesInDay `shouldBe` 156')
    out.append('  describe "Arbor.Rota" $ do')
    out.append('    it "finds the next stop after Monday" $')
    out.append('      clock (nextStop [Stop "St Mary\'s" 1 "Ada", Stop "Guildhall" 3 "Bert"] 1) `shouldBe` "Guildhall"')
    out.append('    it "finds no stop after the end of the week" $')
    out.append('      clock (nextStop [Stop "St Mary\'s" 1 "Ada", Stop "Guildhall" 3 "Bert"] 6) `shouldBe` "St Mary\'s"')
    out.append('    it "throws on an empty round" $')
    out.append('      evaluate (nextStop [] 0) `shouldThrow` anyException')
    out.append('    it "lists the winders on Wednesday" $')
    out.append('      windersOn 3 [Stop "Station" 3 "Cyril", Stop "Abbey" 3 "Dora"] `shouldBe` ["Dora", "Cyril"]')
    return "\n".join(out) + "\n"


PROPS_HS = r'''
module Main (main) where

import Test.QuickCheck
import Test.QuickCheck.Random (mkQCGen)
import Arbor.Chime
import Arbor.Rota
import Arbor.Train

instance Arbitrary Arbor where
  arbitrary = Arbor <$> elements ["great", "centre", "third", "escape", "fly"] <*> choose (30, 200) <*> choose (6, 16)
                    <*> elements [20, 25, 30, 40, 60]

rota :: [Stop]
rota = [Stop "St Mary's" 1 "Ada", Stop "Guildhall" 3 "Bert", Stop "Station" 5 "Cyril"]

prop_trainRatioPositive :: NonEmptyList Arbor -> Bool
prop_trainRatioPositive (NonEmpty as) = trainRatio as > 0

prop_torqueReaches :: Positive Double -> Arbor -> Bool
prop_torqueReaches (Positive kg) a = torqueAt kg a > 0

prop_chimeLength :: Property
prop_chimeLength = forAll (choose (1, 4)) $ \q -> length (quarterChime q) == 4 * q

prop_nextStopLater :: NonNegative Int -> Bool
prop_nextStopLater (NonNegative d) = day (nextStop rota d) > d

prop_turnsMonotone :: Positive Double -> Positive Double -> Bool
prop_turnsMonotone (Positive dropM) (Positive b) = turnsPerWeek dropM (b + 10) <= turnsPerWeek (dropM * 2) (b + 10)

prop_labelledArbors :: Arbor -> Property
prop_labelledArbors a =
  classify (teeth a > 150) "large wheel" $
  classify (pinion a < 8) "small pinion" $
  label (band (teeth a)) $
  cover 50 (pinion a >= 8) "pinion 8+" $
  tabulate "pinion leaves" [show (pinion a)] $
  toothRatio a > 0
  where band t | t < 60 = "30-59 teeth" | t < 100 = "60-99 teeth" | t < 150 = "100-149 teeth" | otherwise = "150+ teeth"

prop_labelledHours :: NonNegative Int -> Property
prop_labelledHours (NonNegative k) =
  let h = k `mod` 24 in
  classify (h < 12) "morning" $
  classify (h == 0 || h == 12) "twelve" $
  tabulate "blows struck" [show (chimeBells h)] $
  chimeBells h >= 1 && chimeBells h <= 12

prop_labelledChimes :: Positive Int -> Property
prop_labelledChimes (Positive k) =
  let q = k `mod` 4 + 1 in
  classify (q == 4) "full hour" $
  tabulate "quarter" [show q] $
  collect (length (quarterChime q)) $
  length (quarterChime q) == 4 * q

prop_labelledRota :: NonNegative Int -> Property
prop_labelledRota (NonNegative d) =
  label (if d < 5 then "inside the week" else "after the last stop") $
  checkCoverage $
  cover 70 (d < 5) "inside the week" $
  day (nextStop rota d) > d
'''


def props_driver(mode: str, n: int, seed: int) -> str:
    if mode == "verbose":
        props = ["prop_turnsMonotone", "prop_torqueReaches", "prop_trainRatioPositive", "prop_chimeLength",
                 "prop_nextStopLater"]
        call = "verboseCheckWith"
    else:
        props = ["prop_labelledArbors", "prop_labelledHours", "prop_labelledChimes", "prop_labelledRota"]
        call = "quickCheckWith"
    body = ["", "main :: IO ()", "main = do"]
    for p in props:
        body.append(f'  putStrLn "=== {p}"')
        body.append(f"  {call} stdArgs {{ maxSuccess = {n}, replay = Just (mkQCGen {seed}, 0) }} {p}")
    return "\n".join(body) + "\n"


CABAL = """cabal-version:      2.4
name:               arborkeep
version:            1.2.0
synopsis:           A clock winder's weekly round: arbors, chimes and the winding rota
license:            BSD-3-Clause
author:             The Borough Clock Winders
maintainer:         winders@borough.invalid
category:           Horology
build-type:         Simple

common shared
    default-language: Haskell2010
    ghc-options:      -Wall

library
    import:           shared
    exposed-modules:  Arbor.Train Arbor.Chime Arbor.Rota
    build-depends:    base >=4.14 && <5
    hs-source-dirs:   src

executable wind-round
    import:           shared
    main-is:          Main.hs
    hs-source-dirs:   app
    build-depends:    base, containers, arborkeep
    ghc-options:      -rtsopts

test-suite arbor-spec
    import:           shared
    type:             exitcode-stdio-1.0
    main-is:          Spec.hs
    hs-source-dirs:   test
    build-depends:    base, hspec, arborkeep
"""

DEPS = {"base", "containers", "hspec", "arborkeep"}


def write_project(root: Path, n_arbors: int, seed: int) -> None:
    cm.write_tree(root, {
        "arborkeep.cabal": CABAL,
        "src/Arbor/Train.hs": TRAIN_HS.lstrip("\n"),
        "src/Arbor/Chime.hs": CHIME_HS.lstrip("\n"),
        "src/Arbor/Rota.hs": ROTA_HS.lstrip("\n"),
        "app/Main.hs": MAIN_HS.lstrip("\n"),
        "test/Spec.hs": spec_hs(seed, n_arbors),
    })


def make_pkg_db(root: Path, seed: int, n: int) -> Path:
    """The winders' in-house libraries: some with import dirs never made, some depending on ids nobody registered,
    one hidden, some naming a library file that is not there."""
    rnd = random.Random(seed)
    db = root / "winders.package.conf.d"
    cm.run(f"ghc-pkg init {db}", timeout=60)
    words = ["arbor", "chime", "winder", "crank", "detent", "snail", "rack", "fly", "barrel", "square", "click",
             "turret", "weightline", "quarters"]
    seen = []
    for k in range(n):
        name = f"{rnd.choice(words)}-{rnd.choice(['rota', 'tables', 'sheets', 'gauge', 'ledger'])}"
        if name in seen:
            name = f"{name}{k}"
        seen.append(name)
        ver = f"{rnd.randint(1, 4)}.{rnd.randint(0, 9)}"
        lib = root / "libs" / name
        if rnd.random() < 0.5:
            lib.mkdir(parents=True, exist_ok=True)
        deps = ["base-4.15.1.0"]
        if rnd.random() < 0.3:
            deps.append(f"{rnd.choice(words)}-base-{rnd.randint(0, 2)}.{rnd.randint(0, 9)}")
        mods = [f"Winding.{name.split('-')[0].title()}.{m}" for m in rnd.sample(["Rota", "Sheet", "Train", "Bell"], 2)]
        conf = root / f"{name}.conf"
        conf.write_text(
            f"name: {name}\nversion: {ver}\nid: {name}-{ver}\nkey: {name}-{ver}\nlicense: MIT\n"
            f"maintainer: winders@borough.invalid\nsynopsis: {name} for the clock winders\n"
            f"exposed: {'False' if k % 7 == 3 else 'True'}\nexposed-modules: {' '.join(mods)}\n"
            f"import-dirs: {lib}\nlibrary-dirs: {lib}\nhs-libraries: HS{name}-{ver}\ndepends: {' '.join(deps)}\n")
        cm.run(f"ghc-pkg register --force --package-db={db} {conf}", timeout=60)
    return db


def step_ghc_pkg(tmp: Path) -> None:
    root = tmp / "pkgdb"
    root.mkdir()
    db = make_pkg_db(root, SEED + 1, 24)
    cap("pkg-check-winders", f"ghc-pkg check --package-db={db} 2>&1; echo EXIT=$?", root, h464.n_pkg_check, timeout=120)
    ext = cm.named("ghc-pkg-list", "listing", h464.PKG_LIST_DOC, h464.n_pkg_list_for(DEPS))
    cap("pkg-list-winders", f"ghc-pkg list --package-db={db}", root, ext, timeout=60)
    cap("pkg-describe-winders", f"ghc-pkg --global-package-db={db} --no-user-package-db describe '*' | head -n 200",
        root, h464.n_pkg_describe, timeout=60)
    cap("pkg-describe-base", "ghc-pkg describe base", root, h464.n_pkg_describe, timeout=60)


def _ghc(root: Path, main: str, out: str, odir: str, extra: str = "") -> bool:
    res = cm.run(f"nice timeout 590 ghc -O0 {extra} -isrc -itest -iprops -outputdir /dev/shm/hm-corpus-wide471-{odir} "
                 f"{main} -o {out}", cwd=root, timeout=600)
    if not (root / out).exists():
        cm.note(f"{out} did not build: {res[-2000:]}")
        return False
    return True


def step_hspec(tmp: Path) -> None:
    for tag, n, seed in (("a", 30, SEED + 3), ("b", 240, SEED + 4)):
        root = tmp / f"spec-{tag}"
        write_project(root, n, seed)
        if not _ghc(root, "test/Spec.hs", "spec", f"o{tag}"):
            continue
        if tag == "a":
            cap("hspec-fe-small", "./spec --format=failed-examples --seed 47143", root, h464.n_hspec_fe)
            cap("hspec-progress-small", "./spec --format=progress --seed 47143; echo EXIT=$?", root,
                h464.n_hspec_progress)
        else:
            cap("hspec-fe-large", "./spec --format=failed-examples --seed 47144 2>&1", root, h464.n_hspec_fe)
            cap("hspec-progress-rota", "./spec --format=progress -m Arbor.Rota -m Arbor.Chime --seed 47144", root,
                h464.n_hspec_progress)


def step_quickcheck(tmp: Path) -> None:
    root = tmp / "qc"
    write_project(root, 10, SEED + 5)
    runs = [("qc-verbose-small", "verbose", 20, SEED + 6), ("qc-verbose-large", "verbose", 300, SEED + 7),
            ("qc-labels-small", "labels", 200, SEED + 8), ("qc-labels-large", "labels", 3000, SEED + 9)]
    for item, mode, n, seed in runs:
        name = item.replace("-", "_")
        (root / "props").mkdir(exist_ok=True)
        (root / "props" / "Props.hs").write_text(PROPS_HS.lstrip("\n") + props_driver(mode, n, seed))
        if not _ghc(root, "props/Props.hs", name, "qc"):
            continue
        ext = h464.n_qc_verbose if mode == "verbose" else h464.n_qc_labels
        tail = " 2>&1 | tail -n 1200" if item == "qc-verbose-large" else "; echo EXIT=$?"
        cap(item, f"./{name}{tail}", root, ext, timeout=300)


def step_rts(tmp: Path) -> None:
    root = tmp / "rts"
    write_project(root, 10, SEED + 10)
    if not _ghc(root, "app/Main.hs", "wind-round", "rts", extra="-rtsopts -iapp"):
        return
    cap("gc-log-short", "./wind-round 14 40 +RTS -S -A512k -RTS", root, h464.n_gc_log, timeout=300)
    cap("gc-log-book", "./wind-round 400 150 book +RTS -S -A64k -RTS 2>&1 | tail -n 900", root, h464.n_gc_log,
        timeout=300)
    cap("gc-log-overflow", "./wind-round 3000 200 book +RTS -S -A1m -M16m -RTS; echo EXIT=$?", root, h464.n_gc_log,
        timeout=300)
    cap("mr-stats-next", "./wind-round 6 30 next +RTS -t --machine-readable -RTS 2>&1; echo EXIT=$?", root,
        h464.n_machine_readable, timeout=300)
    cap("mr-stats-book", "./wind-round 200 80 book +RTS -t --machine-readable -RTS", root, h464.n_machine_readable,
        timeout=300)


CABAL_DIR = Path("/dev/shm/hm-corpus-wide471-cabal")
CABAL_ENV = {"CABAL_DIR": str(CABAL_DIR)}


def step_cabal(tmp: Path) -> None:
    CABAL_DIR.mkdir(parents=True, exist_ok=True)
    (CABAL_DIR / "config").write_text("jobs: 1\n")  # no repository: installed packages only
    root = tmp / "cabal-a"
    write_project(root, 20, SEED + 11)
    cap("cabal-test-round", "cabal test --offline 2>&1 | tail -n 150", root, h464.n_cabal_test, timeout=900,
        env=CABAL_ENV)
    r = tmp / "check-abs"
    write_project(r, 5, SEED + 12)
    (r / "arborkeep.cabal").write_text(
        CABAL.replace("license:            BSD-3-Clause\n", "").replace("category:           Horology\n", "")
        .replace("hs-source-dirs:   src", "hs-source-dirs:   src, /srv/winders/shared")
        .replace("ghc-options:      -rtsopts", "ghc-options:      -rtsopts -O2 -threaded -with-rtsopts=-N")
        .replace("build-type:         Simple", "build-type:         Simple\nextra-doc-files:  ../ROUND.md\ndata-dir: /var/lib/winders"))
    cap("cabal-check-abs", "cabal check; echo EXIT=$?", r, h464.n_cabal_check, timeout=120, env=CABAL_ENV)
    r = tmp / "solver-bells"
    write_project(r, 5, SEED + 13)
    (r / "arborkeep.cabal").write_text(
        CABAL.replace("base >=4.14 && <5", "base >=4.14 && <5, bell-ringing >=0.3, time ^>=1.12")
        .replace("build-depends:    base, hspec, arborkeep", "build-depends:    base, hspec >=2.11, arborkeep, tasty"))
    cap("cabal-solver-bells", "cabal build all --enable-tests --offline; echo EXIT=$?", r, h464.n_cabal_solver,
        timeout=300, env=CABAL_ENV)


STEPS = [step_ghc_pkg, step_quickcheck, step_rts, step_hspec, step_cabal]
