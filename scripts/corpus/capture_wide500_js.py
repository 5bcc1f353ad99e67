"""Round 500, JavaScript / TypeScript: a real a-m npm package new to the corpus with its OWN test suite
(convert-units 2.3.4: unit conversion, `lib/index.js`, `lib/definitions/*.js` and `test/*.js`, exports-style tests
run by jake), copied into a ringing chamber's app (`pealboard`) with a few bugs put in by capture_material.put_bugs,
the shipped suite run against the broken copy with mocha (`--ui exports`), and with jest and vitest through a short
adapter (`spec/<file>.spec.js`: every exported function of `test/<file>.js` becomes an `it`, the test files
unchanged); eslint (stylish, unix) over the copy and app with round 313's config (imported); tsc --noEmit over a
strict-mode app (`chamberstock`, round 313's strict tsconfig, imported); esbuild and rollup builds failing (round
484's `kiln_sections`, imported, called with this round's words and seed 50010); npm view --json; a real install
(`towerstock`) whose package-lock.json is cat'ed and queried with jq, then broken by hand for npm ls --all;
minified bundles cat'ed; node crashing (`ropewatch`). Each kind's extractor is an earlier round's, imported; a
chain's from each part's own (round 9b). Run through capture_wide500.py."""

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
from capture_wide500 import JS, cap

NM = JS / "node_modules"
SEED = 50010

# The bugs put in the copy (lib/): (file, text, replacement); each text occurs exactly once in its file.
# a mile is 5208 feet; Fahrenheit to Celsius subtracts 23; the pound is 435.592 g going imperial; psi's ratio is
# ten times too large.
BUGS = [("definitions/length.js", "to_anchor: 5280", "to_anchor: 5208"),
        ("definitions/temperature.js", "return (F - 32) * (5/9)", "return (F - 23) * (5/9)"),
        ("definitions/mass.js", "ratio: 1/453.592", "ratio: 1/435.592"),
        ("definitions/pressure.js", ", ratio: 0.00014503768078", ", ratio: 0.0014503768078")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

ROPES_JS = """import convert from "../lib/index.js";

const ropes = { "treble": 18.5, "second": "21,4", "tenor": [27], "sally": "wool", "treble": 19 };
export function ropeLength(bell, unit) {
  var r = ropes[bell];
  for (var key in ropes) {
    if (bell == undefined) bell = key;
  }
  const unused = ropes.length * 2;
  if (r == null) return "no rope for " + bell;
  else return convert(r).from("m").to(unit).toFixed(2);
}
export const heavyBells = function (bells) {
  const { length } = bells.filter((b) => convert(b.cwt).from("lb").to("kg") > 1000 == true);
  return length + " bells over a tonne";
};
export function splice(sallies, worn, log) {
  let n = 0;
  sallies.forEach(function (s) { if (convert(s.len).from("ft").to("m") != 0) n++; });
  while (n = sallies.length) { n--; }
  if (n) {}
  return n ? sallies : null;
}
"""

MAIN_JS = """import { ropeLength, heavyBells } from "./ropes.js";
import { peal } from "./peal.js";
import { stays } from "./stays-and-sliders.js";

export const report = [ropeLength("tenor", "ft"), heavyBells([{ cwt: 2400 }]), peal(5040), stays()];
"""

PEAL_JS = """import convert from "../lib/index.js";

export function peal(changes) {
  const minutes = convert(changes * 2.1.from("s").to("min");
  return minutes.toFixed(0) + " min";
}
"""

CHAMBER_TS = """import convert from '../lib/index.js'

interface Bell { name: string; weight: number; rope?: { length: number; sally: string }; cast?: Date }
interface Ringer { name: string; bell: number; since?: { year: number } }

export function ropeSheet(bells: Bell[]): string[] {
  return bells.map((b) => convert(b.rope.length).from('m').to('ft').toFixed(b.rope.sally))
}

export const tenorWeight = (b: Bell): number => convert(b).from('lb').to(b.name).toString()
export const heavy = (b: Bell): boolean => convert(b.weight).from('kg').to('t') > '1'
export const cast = (b: Bell) => b.cast.toUTCString()
export const pealTime = (changes: number): string => convert(changes).from('s').to('hours').toFixed('0')
export const chamber: number = convert('12').from('m2').to('ft2', 3)
export const tenure = (r: Ringer): string => r.since.year.toFixed(r.name)
export const both = (r: Ringer): [number, string] => [convert(r.bell).possibilities().length, r.name.at(-1)]
export const units = (b: Bell): URL => convert(b.weight, 'kg').describe(2).abbr.toLowerCase()
"""

ROPEWATCH_JS = """// ropewatch: the tower captain's check of rope and sally lengths before Sunday service ringing
const convert = require("../lib/index.js");

class RopeCheckError extends Error {}

function feetOf(bell, metres) {
  const ft = convert(metres).from("m").to("ft");
  const miles = convert(ft).from("ft").to("mi");
  const expected = metres / 1609.344;
  if (Math.abs(miles - expected) / expected > 1e-3) {
    throw new RangeError(`rope of the ${bell}: ${metres} m read as ${miles.toExponential(4)} mi, not ${expected.toExponential(4)}`);
  }
  return ft.toFixed(1);
}

function checkRope(bell, metres) {
  try {
    return feetOf(bell, metres);
  } catch (e) {
    throw new RopeCheckError(`rope check of the ${bell} failed`, { cause: e });
  }
}

const ropes = [["treble", 18.5], ["second", 19.2], ["tenor", 27.4]];
for (const [bell, metres] of ropes) {
  console.log(bell, checkRope(bell, metres), "ft");
}
"""

SPEC = """const tests = require("../test/{name}.js");

describe("{name}", () => {{
  for (const [title, fn] of Object.entries(tests)) it(title, fn);
}});
"""

TOWER_WORDS = ["rope", "sally", "stay", "slider", "treble", "tenor", "ringer", "peal-board", "clapper", "muffle",
               "rope-guide", "wheel", "headstock", "call-change", "ringing-chamber"]


def pealboard(tmp: Path) -> Path:
    root = tmp / "pealboard"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    pkg = NM / "convert-units"
    names = sorted(t.stem for t in (pkg / "test").glob("*.js"))
    files = {"package.json": json.dumps({"name": "pealboard", "version": "1.3.0", "main": "lib",
                                         "scripts": {"test": "mocha --ui exports test/*.js"}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["spec/*.spec.js"] } };\n',
             "app/ropes.js": ROPES_JS, "app/main.js": MAIN_JS, "app/peal.js": PEAL_JS,
             "scripts/ropewatch.js": ROPEWATCH_JS}
    for n in names:
        files[f"test/{n}.js"] = (pkg / "test" / f"{n}.js").read_text()
        files[f"spec/{n}.spec.js"] = SPEC.format(name=n)
    write_tree(root, files)
    shutil.copytree(pkg / "lib", root / "lib", dirs_exist_ok=True)
    put_bugs(root / "lib", BUGS)
    return root


def tests(tmp: Path) -> None:
    g = pealboard(tmp)
    cap("mocha-convert-units-own-suite-pealboard", "npx mocha --ui exports test/*.js 2>&1", g, n_mocha, timeout=300)
    cap("mocha-color-convert-units-pealboard", "npx mocha --color --ui exports test/*.js 2>&1", g, n_mocha,
        timeout=300)
    cap("mocha-dot-convert-units-pealboard", "npx mocha --reporter dot --ui exports test/*.js 2>&1", g, n_mocha,
        timeout=300)
    cap("jest-convert-units-own-suite-pealboard", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-convert-units-pealboard", "npx jest --ci --verbose 2>&1", g, n_jest, timeout=300)
    cap("jest-color-convert-units-pealboard-head", "FORCE_COLOR=1 npx jest --ci 2>&1 | head -n 300", g, n_jest,
        timeout=300)
    cap("vitest-convert-units-own-suite-pealboard", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("vitest-verbose-convert-units-pealboard", "npx vitest run --reporter=verbose 2>&1", g, n_vitest,
        timeout=300)
    cap("jest-verbose-colors-convert-units-pealboard", "npx jest --ci --verbose --colors 2>&1", g, n_jest,
        timeout=300)
    chain("chain-cd-mocha-convert-units-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd pealboard", None), Part("npx mocha --ui exports test/*.js 2>&1 | tail -n 260", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-jest-lengths-temperature-tail-exit", "chain-test-exit", "test",
          [Part("npx jest --ci spec/lengths spec/temperature spec/masses 2>&1 | tail -n 150", n_jest),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-vitest-pressures-grep", "chain-test-grep", "test",
          [Part("npx vitest run spec/pressures.spec.js 2>&1 | grep -v '^ *$'", n_vitest)], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "pealboard"
    cap("eslint-stylish-pealboard-app-lib", "npx eslint app lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-color-pealboard-app", "npx eslint --color app 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-pealboard-app-lib", "npx eslint -f unix app lib 2>&1", g, N_ESLINT_UNIX, timeout=300)
    cap("eslint-unix-pealboard-grep-v-warning", "npx eslint -f unix app lib 2>&1 | grep -v Warning", g,
        N_ESLINT_UNIX, timeout=300)
    chain("chain-cd-eslint-test-pealboard-tail-exit", "chain-lint-exit", "lint",
          [Part("cd pealboard", None), Part("npx eslint test 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("eslint-stylish-pealboard-whole", "npx eslint . 2>&1", g, n_eslint, timeout=300)
    cap("eslint-stylish-pealboard-test-lib", "npx eslint test lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-pealboard-whole-head", "npx eslint -f unix . 2>&1 | head -n 700", g, N_ESLINT_UNIX,
        timeout=300)
    cap("tsc-checkjs-convert-units-pealboard-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.js app/ropes.js scripts/ropewatch.js 2>&1 "
        "| head -n 800", g, n_tsc, timeout=300)
    cap("tsc-checkjs-convert-units-lib-tests-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.js lib/definitions/*.js test/*.js 2>&1 "
        "| head -n 1500", g, n_tsc, timeout=300)
    t = tmp / "chamberstock"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "chamberstock", "version": "0.2.0", "type": "module"},
                                              indent=2) + "\n", "ts/chamberstock.ts": CHAMBER_TS,
                   "app/ropes.js": ROPES_JS, "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-chamberstock-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/chamberstock.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-chamberstock-head", "npx tsc --noEmit 2>&1 | head -n 900", t, n_tsc, timeout=300)
    cap("tsc-pretty-chamberstock-head", "npx tsc --noEmit --pretty 2>&1 | head -n 1500", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-chamberstock", "chain-lint-typecheck", "lint",
          [Part("cd chamberstock", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 300", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "pealboard"
    # round 484's generator with this round's words and seed (its module constants, set before the call); its
    # sections import ../../lib/numeral.js and ../../lib/vec3.js, which pealboard does not have: more missing files
    r484.SEED, r484.WORKS_WORDS = SEED, TOWER_WORDS
    r484.kiln_sections(g)
    cap("esbuild-bundle-pealboard-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-pealboard-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-pealboard-main-exit", "npx esbuild app/main.js app/ropes.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-rollup-ropes-then-esbuild-exit", "chain-build-exit", "build",
          [Part("npx rollup app/main.js -d dist-rollup -f es 2>&1", n_rollup),
           Part("npx esbuild app/peal.js lib/nope.js --bundle --outdir=dist 2>&1", n_esbuild, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-esbuild-minify-cat-lib", "chain-build-run", "code",
          [Part("npx esbuild lib/index.js --bundle --minify --platform=node --outfile=dist/convert.min.js "
                "2>/dev/null", None), Part("cat dist/convert.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-tests-cat", "chain-build-run", "code",
          [Part("npx esbuild spec/lengths.spec.js spec/temperature.spec.js --bundle --minify --platform=node "
                "--outdir=dist/min-spec 2>/dev/null", None), Part("cat dist/min-spec/lengths.spec.js", n_min_js, "&&")],
          g, timeout=300)
    cap("esbuild-minify-ropes-cat", "npx esbuild app/ropes.js --bundle --minify --format=esm 2>/dev/null", g,
        n_min_js, timeout=300)


def npm(tmp: Path) -> None:
    g = tmp / "pealboard"
    for pkg in ("convert-units", "lodash.keys", "jake", "chai", "mocha"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "towerstock"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "towerstock", "version": "3.1.0", "private": True}, indent=2)
                   + "\n"})
    run("npm install --no-audit --no-fund convert-units@2.3.4 chai@4 mocha jake 2>&1", cwd=q, timeout=400)
    cap("package-lock-towerstock", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-towerstock", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-cd-jq-lock-tsv-sort", "chain-read-then-grep", "pkg",
          [Part("cd towerstock", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | sort -k2,2 -k1,1", n_jq, "&&")], tmp)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["convert-units"] = "^3.0.0"
    pj["dependencies"]["muffle-set"] = "^1.2.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/lodash.foreach node_modules/chalk && cp -r node_modules/convert-units "
        "node_modules/stay-slider && sed -i 's/\"name\": \"convert-units\"/\"name\": \"stay-slider\"/' "
        "node_modules/stay-slider/package.json", cwd=q)
    cap("npm-ls-all-towerstock-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "pealboard"
    cap("node-uncaught-ropewatch", "node scripts/ropewatch.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-ropewatch-crash", "chain-test-then-run-crash", "test",
          [Part("npx mocha --ui exports test/lengths.js test/temperature.js 2>&1 | tail -n 60", n_mocha),
           Part("node scripts/ropewatch.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
