"""Round 514, JavaScript / TypeScript: a real n-z npm package new to the corpus with its OWN test suite
(roman-numerals 0.3.2: arabic to roman and back, `index.js`, `lib/toRoman.js`, `lib/toArabic.js` and a mocha bdd
suite `test/*.js`), copied into a paper mill finishing room's app (`reelboard`) with a few bugs put in by
capture_material.put_bugs, the shipped suite run against the broken copy with mocha, jest and vitest (the test files
unchanged); eslint (stylish, unix) over the copy and app with round 313's config (imported); tsc --noEmit over a
strict-mode app (`calenderstock`, round 313's strict tsconfig, imported); esbuild and rollup builds failing (round
484's `kiln_sections`, imported, called with this round's words and seed 51410); npm view --json; a real install
(`finishstock`) whose package-lock.json is cat'ed and queried with jq, then broken by hand for npm ls --all;
minified bundles cat'ed; node crashing (`reelcheck`). Each kind's extractor is an earlier round's, imported; a
chain's from each part's own (round 9b). Run through capture_wide514.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import capture_wide313_js as r313
import capture_wide484_js as r484
from capture_material import put_bugs
from capture_more import n_esbuild, n_jq, run, write_tree
from capture_wide import n_node_uncaught
from capture_wide11 import n_min_js
from capture_wide15_data import n_lock, n_npm_ls, n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_tsc, n_vitest
from capture_wide44_js import N_ESLINT_UNIX
from capture_wide6_new import n_rollup
from capture_wide9b import Part, chain, n_status_echo
from capture_wide514 import JS, cap

NM = JS / "node_modules"
SEED = 51410

# The bugs put in the copy (lib/): (file, text, replacement); each text occurs exactly once in its file.
# a four is written five-then-one (4 -> VI, 40 -> LX, 400 -> DC); an L read back counts 90 instead of 50.
BUGS = [("toRoman.js", "case 4: return one + five;", "case 4: return five + one;"),
        ("toArabic.js", "(roman[3][0] === 'L' ? 40 : 0)", "(roman[3][0] === 'L' ? 80 : 0)")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

REELS_JS = """import { toRoman, toArabic } from "../index.js";

const reels = { "calender-1": 12, "winder": "XIV", "slitter": [4], "sheeter": "core", "calender-1": 40 };
export function reelMark(stand, offset) {
  var n = reels[stand];
  for (var key in reels) {
    if (stand == undefined) stand = key;
  }
  const unused = reels.length * 2;
  if (n == null) return "no reel on " + stand;
  else return toRoman(n + offset).toLowerCase();
}
export const heavyReels = function (marks) {
  const { length } = marks.filter((m) => toArabic(m) > 40 == true);
  return length + " reels over forty";
};
export function rewind(sets, worn, log) {
  let n = 0;
  sets.forEach(function (s) { if (toArabic(s.mark) != 0) n++; });
  while (n = sets.length) { n--; }
  if (n) {}
  return n ? sets : null;
}
"""

MAIN_JS = """import { reelMark, heavyReels } from "./reels.js";
import { stack } from "./stack.js";
import { doctor } from "./doctor-blades.js";

export const report = [reelMark("winder", 2), heavyReels(["XL", "LX"]), stack(7), doctor()];
"""

STACK_JS = """import { toRoman } from "../index.js";

export function stack(nips) {
  const mark = toRoman(nips * 2.from("nip");
  return "stack " + mark;
}
"""

CALENDER_TS = """import { toRoman, toArabic } from '../index.js'

interface Reel { mark: string; width: number; core?: { diameter: number; grade: string }; wound?: Date }
interface Finisher { name: string; calender: number; since?: { year: number } }

export function reelSheet(reels: Reel[]): string[] {
  return reels.map((r) => toRoman(r.core.diameter).padStart(r.core.grade))
}

export const reelNumber = (r: Reel): number => toArabic(r).toString()
export const wide = (r: Reel): boolean => toArabic(r.mark) > 'XL'
export const wound = (r: Reel) => r.wound.toUTCString()
export const stackMark = (nips: number): number => toRoman(nips).toFixed(0)
export const calenderRoll: string = toRoman('12', 3)
export const tenure = (f: Finisher): string => f.since.year.toFixed(f.name)
export const both = (f: Finisher): [number, string] => [toRoman(f.calender).length, f.name.at(-1)]
export const units = (r: Reel): URL => toRoman(r.width).toLowerCase()
"""

REELCHECK_JS = """// reelcheck: the finishing room's check of reel marks before the reels go to the wrapping line
const { toRoman, toArabic } = require("../index.js");

class ReelMarkError extends Error {}

function markOf(stand, number) {
  const mark = toRoman(number);
  const back = toArabic(mark);
  if (back !== number) {
    throw new RangeError(`reel ${number} off the ${stand}: marked ${mark}, read back as ${back}`);
  }
  return mark;
}

function checkReel(stand, number) {
  try {
    return markOf(stand, number);
  } catch (e) {
    throw new ReelMarkError(`reel mark check on the ${stand} failed`, { cause: e });
  }
}

const reels = [["calender-1", 12], ["winder", 27], ["slitter", 44], ["sheeter", 61]];
for (const [stand, number] of reels) {
  console.log(stand, number, checkReel(stand, number));
}
"""

MILL_WORDS = ["calender", "reel", "winder", "slitter", "sheeter", "rewinder", "nip", "doctor-blade", "core", "ream",
              "supercalender", "trimmer", "guillotine", "reel-spool", "finishing-room"]


def reelboard(tmp: Path) -> Path:
    root = tmp / "reelboard"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    pkg = NM / "roman-numerals"
    files = {"package.json": json.dumps({"name": "reelboard", "version": "2.4.0", "main": "index.js",
                                         "scripts": {"test": "mocha test/*.js"},
                                         "jest": {"testMatch": ["**/test/*.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["test/*.js"] } };\n',
             "app/reels.js": REELS_JS, "app/main.js": MAIN_JS, "app/stack.js": STACK_JS,
             "scripts/reelcheck.js": REELCHECK_JS}
    for t in sorted((pkg / "test").glob("*.js")):
        files[f"test/{t.name}"] = t.read_text()
    write_tree(root, files)
    shutil.copy(pkg / "index.js", root / "index.js")
    (root / "vendor").mkdir(exist_ok=True)
    shutil.copy(NM / "victor" / "index.js", root / "vendor" / "victor.js")  # the real victor 1.1.0, vendored
    shutil.copytree(pkg / "lib", root / "lib", dirs_exist_ok=True)
    put_bugs(root / "lib", BUGS)
    return root


def tests(tmp: Path) -> None:
    g = reelboard(tmp)
    cap("mocha-roman-numerals-own-suite-reelboard", "npx mocha test/*.js 2>&1", g, n_mocha, timeout=300)
    cap("mocha-color-roman-numerals-reelboard", "npx mocha --color test/*.js 2>&1", g, n_mocha, timeout=300)
    cap("mocha-full-trace-roman-numerals-reelboard", "npx mocha --full-trace test/*.js 2>&1", g, n_mocha,
        timeout=300)
    cap("jest-roman-numerals-own-suite-reelboard", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-roman-numerals-reelboard", "npx jest --ci --verbose 2>&1", g, n_jest, timeout=300)
    cap("jest-color-roman-numerals-reelboard-head", "FORCE_COLOR=1 npx jest --ci 2>&1 | head -n 300", g, n_jest,
        timeout=300)
    cap("vitest-roman-numerals-own-suite-reelboard", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("vitest-verbose-roman-numerals-reelboard", "npx vitest run --reporter=verbose 2>&1", g, n_vitest,
        timeout=300)
    chain("chain-cd-mocha-roman-numerals-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd reelboard", None), Part("npx mocha test/*.js 2>&1 | tail -n 200", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-jest-toroman-module-tail-exit", "chain-test-exit", "test",
          [Part("npx jest --ci test/toRoman test/module 2>&1 | tail -n 150", n_jest),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-vitest-toarabic-grep", "chain-test-grep", "test",
          [Part("npx vitest run test/toArabic.js 2>&1 | grep -v '^ *$'", n_vitest)], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "reelboard"
    cap("eslint-stylish-reelboard-app-lib", "npx eslint app lib index.js 2>&1", g, n_eslint, timeout=300)
    cap("eslint-color-reelboard-app", "npx eslint --color app 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-reelboard-app-lib", "npx eslint -f unix app lib 2>&1", g, N_ESLINT_UNIX, timeout=300)
    cap("eslint-unix-reelboard-grep-v-warning", "npx eslint -f unix app lib 2>&1 | grep -v Warning", g,
        N_ESLINT_UNIX, timeout=300)
    chain("chain-cd-eslint-test-reelboard-tail-exit", "chain-lint-exit", "lint",
          [Part("cd reelboard", None), Part("npx eslint test 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("eslint-unix-reelboard-vendor-victor-app", "npx eslint -f unix vendor app 2>&1", g, N_ESLINT_UNIX,
        timeout=300)
    cap("tsc-checkjs-vendor-victor-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext vendor/victor.js 2>&1 | head -n 1500", g, n_tsc, timeout=300)
    cap("eslint-stylish-reelboard-whole", "npx eslint . 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-reelboard-whole-head", "npx eslint -f unix . 2>&1 | head -n 700", g, N_ESLINT_UNIX,
        timeout=300)
    cap("tsc-checkjs-roman-numerals-reelboard-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext index.js lib/*.js app/reels.js scripts/reelcheck.js 2>&1 "
        "| head -n 800", g, n_tsc, timeout=300)
    cap("tsc-checkjs-roman-numerals-lib-tests-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext index.js lib/*.js test/*.js 2>&1 "
        "| head -n 1500", g, n_tsc, timeout=300)
    t = tmp / "calenderstock"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    shutil.copy(g / "index.js", t / "index.js")
    write_tree(t, {"package.json": json.dumps({"name": "calenderstock", "version": "0.5.0", "type": "module"},
                                              indent=2) + "\n", "ts/calenderstock.ts": CALENDER_TS,
                   "app/reels.js": REELS_JS, "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-calenderstock-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/calenderstock.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-calenderstock-head", "npx tsc --noEmit 2>&1 | head -n 900", t, n_tsc, timeout=300)
    cap("tsc-pretty-calenderstock-head", "npx tsc --noEmit --pretty 2>&1 | head -n 1500", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-calenderstock", "chain-lint-typecheck", "lint",
          [Part("cd calenderstock", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 300", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "reelboard"
    # round 484's generator with this round's words and seed (its module constants, set before the call, as round
    # 500 did); its sections import ../../lib/numeral.js and ../../lib/vec3.js, which reelboard does not have
    r484.SEED, r484.WORKS_WORDS = SEED, MILL_WORDS
    r484.kiln_sections(g)
    cap("esbuild-bundle-reelboard-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-reelboard-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-reelboard-main-exit", "npx esbuild app/main.js app/reels.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-rollup-main-then-esbuild-exit", "chain-build-exit", "build",
          [Part("npx rollup app/main.js -d dist-rollup -f es 2>&1", n_rollup),
           Part("npx esbuild app/stack.js lib/nope.js --bundle --outdir=dist 2>&1", n_esbuild, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-esbuild-minify-cat-roman-numerals", "chain-build-run", "code",
          [Part("npx esbuild index.js --bundle --minify --platform=node --outfile=dist/roman.min.js "
                "2>/dev/null", None), Part("cat dist/roman.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-tests-cat", "chain-build-run", "code",
          [Part("npx esbuild test/toRoman.js test/toArabic.js test/module.js --bundle --minify --platform=node "
                "--outdir=dist/min-test 2>/dev/null", None), Part("cat dist/min-test/*.js", n_min_js, "&&")],
          g, timeout=300)
    chain("chain-esbuild-minify-chai-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/chai/index.js --bundle --minify --platform=node --outfile=dist/chai.min.js "
                "2>/dev/null", None), Part("cat dist/chai.min.js", n_min_js, "&&")], g, timeout=300)
    cap("esbuild-minify-victor-cat", "npx esbuild node_modules/victor/index.js --bundle --minify --format=esm "
        "2>/dev/null", g, n_min_js, timeout=300)


def npm(tmp: Path) -> None:
    g = tmp / "reelboard"
    for pkg in ("roman-numerals", "victor", "vlq", "rollup"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "finishstock"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "finishstock", "version": "1.8.0", "private": True}, indent=2)
                   + "\n"})
    run("npm install --no-audit --no-fund roman-numerals@0.3.2 victor wordwrap vlq chai@4 mocha "
        "eslint 2>&1", cwd=q,
        timeout=400)
    cap("package-lock-finishstock", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-finishstock", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-cd-jq-lock-tsv-sort", "chain-read-then-grep", "pkg",
          [Part("cd finishstock", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | sort -k3,3 -k1,1", n_jq, "&&")], tmp)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["roman-numerals"] = "^1.0.0"
    pj["dependencies"]["doctor-blade"] = "^2.1.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/wordwrap node_modules/supports-color && cp -r node_modules/roman-numerals "
        "node_modules/nip-roll && sed -i 's/\"name\": \"roman-numerals\"/\"name\": \"nip-roll\"/' "
        "node_modules/nip-roll/package.json", cwd=q)
    cap("npm-ls-all-finishstock-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "reelboard"
    cap("node-uncaught-reelcheck", "node scripts/reelcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-reelcheck-crash", "chain-test-then-run-crash", "test",
          [Part("npx mocha test/toRoman.js 2>&1 | tail -n 60", n_mocha),
           Part("node scripts/reelcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
