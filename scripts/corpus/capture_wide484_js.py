"""Round 484, JavaScript / TypeScript: two real n-z npm packages new to the corpus, each with its OWN test suite
(numeral 2.0.6: number formatting, `numeral.js` and `tests/` (mocha + chai); vec3 0.2.0: 3-d vector maths,
`index.js` and `test/test.js` (mocha + node:assert)), copied into a tile works' apps (`glazerboard`, `pressline`) with
a few bugs put in by capture_material.put_bugs, the shipped suites run against the broken copies with mocha, jest and
vitest (globals; jest and vitest read mocha's describe/it); eslint (stylish, unix) over the copies and apps with round
313's config (imported); tsc --noEmit over a strict-mode app (`tilestock`, round 313's strict tsconfig, imported);
esbuild and rollup builds failing (generated kiln sections, seed 48410); npm view --json; a real install
(`quarrystock`) whose package-lock.json is cat'ed and queried with jq, then broken by hand for npm ls --all;
minified bundles cat'ed; node crashing (`glazecheck`, `presscheck`). Each kind's extractor is an earlier round's,
imported; a chain's from each part's own (round 9b). Run through capture_wide484.py."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import n_esbuild, n_jq, run, write_tree
from capture_wide import n_node_uncaught
from capture_wide11 import n_min_js
from capture_wide15_data import n_lock, n_npm_ls, n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_tsc, n_vitest
from capture_wide44_js import N_ESLINT_UNIX
from capture_wide6_new import n_rollup
from capture_wide9b import Part, chain, n_status_echo
from capture_wide484 import JS, cap

NM = JS / "node_modules"
SEED = 48410

# The bugs put in the copies: (file, text, replacement); each text occurs exactly once in its file.
# numeral.js: millions are divided by a billion (a million shows as 0.00m); the ordinal of 11-13 is read from the
# last digit of the hundreds (number % 100 instead of % 10: 21 becomes 21th).
# vec3.js: subtract() adds z; distanceTo() takes dz unsquared; the euclidean modulus of an exact multiple is the
# divisor, not 0.
BUGS = [("numeral.js", "value = value / million;", "value = value / billion;"),
        ("numeral.js", "var b = number % 10;", "var b = number % 100;"),
        ("vec3.js", "this.z -= other.z", "this.z += other.z"),
        ("vec3.js", "return Math.sqrt(dx * dx + dy * dy + dz * dz)", "return Math.sqrt(dx * dx + dy * dy + dz)"),
        ("vec3.js", "return result < 0 ? result + denominator : result",
         "return result <= 0 ? result + denominator : result")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

GLAZES_JS = """import numeral from "../lib/numeral.js";

const glazes = { "celadon": 12.5, "tenmoku": "3,400", "majolica": [1200], "slip": "engobe", "celadon": 14 };
export function glazeWeight(name, kilos) {
  var w = glazes[name];
  for (var key in glazes) {
    if (name == undefined) name = key;
  }
  const unused = glazes.length * 2;
  if (w == null) return "no glaze " + name;
  else return numeral(w).multiply(kilos).format("0,0.00a");
}
export const firings = function (kilns) {
  const { length } = kilns.filter((k) => numeral(k.temp).value() > 1250 == true);
  return length + " kilns over cone 8";
};
export function batch(tiles, strict, log) {
  let n = 0;
  tiles.forEach(function (t) { if (numeral(t.price).format("$0.00") != "$0.00") n++; });
  while (n = tiles.length) { n--; }
  if (n) {}
  return n ? tiles : null;
}
"""

MAIN_JS = """import { glazeWeight, firings } from "./glazes.js";
import { press } from "./pressing.js";
import { sort } from "./sorting-line.js";

export const report = [glazeWeight("celadon", 2), firings([{ temp: 1280 }]), press(3), sort()];
"""

PRESSING_JS = """import numeral from "../lib/numeral.js";

export function press(tiles) {
  const load = numeral(tiles * 450;
  return load.format("0.0a") + " t";
}
"""

DIES_JS = """import v from "../lib/vec3.js";

const dies = { "quarry": [150, 150, 12], "encaustic": "(200, 200, 15)", "border": null, "quarry": [100, 100, 10] };
export function dieTravel(name, stroke) {
  var d = dies[name];
  for (var key in dies) {
    if (d == undefined) d = key;
  }
  const unused = dies.length * 2;
  if (d == null) return "no die " + name;
  else return v(d).distanceTo(v(d).offset(0, stroke, 0)).toFixed(1);
}
export const wornDies = function (log) {
  return log.filter((f) => v(f.was).minus(v(f.now)).norm() != 0).length + " dies worn";
};
"""

TILESTOCK_TS = """import numeral from '../lib/numeral.js'
import v from '../lib/vec3.js'

interface Kiln { name: string; cone: number; temp?: { peak: number; hold: string }; fired?: Date }
interface Die { press: string; pos: number[]; wear?: { depth: number } }

export function kilnSheet(kilns: Kiln[]): string[] {
  return kilns.map((k) => numeral(k.temp.peak).format('0,0') + k.cone.toFixed(k.temp.hold))
}

export const glazeLoad = (k: Kiln): number => numeral(k).multiply(k.name).format()
export const hot = (k: Kiln): boolean => numeral(k.temp).value() > '1250'
export const fired = (k: Kiln) => k.fired.toUTCString()
export const dieTravel = (a: Die, b: Die): string => v(a.pos).distanceTo(b.pos).toFixed('1')
export const press: number = v(1, 2).plus([3, 4, 5]).toString()
export const wearDepth = (d: Die): string => d.wear.depth.toFixed(d.press)
export const both = (d: Die): [number, string] => [v(d.pos).norm(), d.pos.at(-1)]
export const price = (k: Kiln): URL => numeral(k.cone, 'i').format(2, 3).valueOf().toLowerCase()
"""

GLAZECHECK_JS = """// glazecheck: the glaze room's nightly check of batch weights before the kilns are loaded
const numeral = require("../lib/numeral.js");

class GlazeCheckError extends Error {}

function weightOf(grams) {
  const shown = numeral(grams).format("0.0a");
  if (grams >= 1e6 && !shown.startsWith(String(Math.floor(grams / 1e6)))) {
    throw new RangeError(`glaze batch of ${grams} g shown as ${shown}`);
  }
  return shown;
}

function checkBatch(name, grams) {
  try {
    return weightOf(grams);
  } catch (e) {
    throw new GlazeCheckError(`glaze ${name} failed its weight check`, { cause: e });
  }
}

const batches = [["celadon", 4500], ["tenmoku", 98000], ["majolica white", 2400000], ["slip", 12000]];
for (const [name, grams] of batches) {
  console.log(name, checkBatch(name, grams));
}
"""

PRESSCHECK_JS = """// presscheck: measures each die's travel before the tile presses start their shift
const v = require("../lib/vec3.js");

function travelOf(press, from, to) {
  const d = v(from).distanceTo(v(to));
  const expected = Math.hypot(to[0] - from[0], to[1] - from[1], to[2] - from[2]);
  if (Math.abs(d - expected) > 1e-9) {
    throw new TypeError(`press ${press}: die travel ${d.toFixed(3)} mm, measured ${expected.toFixed(3)} mm`);
  }
  return d;
}

function checkPress(press, from, to) {
  try {
    return travelOf(press, from, to);
  } catch (e) {
    throw new Error(`die check of ${press} stopped`, { cause: e });
  }
}

const log = [["quarry press", [0, 0, 0], [3, 4, 0]], ["encaustic press", [0, 0, 0], [0, 3, 4]]];
for (const [press, from, to] of log) {
  console.log(press, checkPress(press, from, to), "mm");
}
"""


# numeral's suite uses mocha's before()/after(); jest and vitest name them beforeAll()/afterAll()
MOCHA_HOOKS = "globalThis.before = beforeAll;\nglobalThis.after = afterAll;\n"


def glazerboard(tmp: Path) -> Path:
    root = tmp / "glazerboard"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    pkg = NM / "numeral"
    files = {"package.json": json.dumps({"name": "glazerboard", "version": "2.4.0", "main": "lib/numeral.js",
                                         "scripts": {"test": "mocha tests/*.js tests/formats/*.js"}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["tests/**/*.js"], '
                                  'setupFiles: ["./mocha-hooks.cjs"] } };\n',
             "jest.config.js": 'module.exports = { setupFilesAfterEnv: ["<rootDir>/mocha-hooks.cjs"] };\n',
             "mocha-hooks.cjs": MOCHA_HOOKS,
             "app/glazes.js": GLAZES_JS, "app/main.js": MAIN_JS, "app/pressing.js": PRESSING_JS,
             "scripts/glazecheck.js": GLAZECHECK_JS}
    for t in [pkg / "tests" / "numeral.js", *sorted((pkg / "tests" / "formats").glob("*.js"))]:  # not tests/locales
        rel = t.relative_to(pkg)
        files[str(rel)] = (t.read_text().replace("require('../numeral')", "require('../lib/numeral.js')")
                           .replace("require('../../numeral')", "require('../../lib/numeral.js')"))
    write_tree(root, files)
    (root / "lib" / "numeral.js").write_text((pkg / "numeral.js").read_text())
    put_bugs(root / "lib", BUGS[:2])
    return root


def pressline(tmp: Path) -> Path:
    root = tmp / "pressline"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    pkg = NM / "vec3"
    test = (pkg / "test" / "test.js").read_text().replace("require('../')", "require('../lib/vec3.js')")
    write_tree(root, {"package.json": json.dumps({"name": "pressline", "version": "0.6.1", "main": "lib/vec3.js",
                                                  "scripts": {"test": "mocha test/*.js"}}, indent=2) + "\n",
                      "test/test.js": test, "eslint.config.js": ESLINT_CONFIG,
                      "vitest.config.mjs": 'export default { test: { globals: true, include: ["test/test.js"] } };\n',
                      "app/dies.js": DIES_JS, "scripts/presscheck.js": PRESSCHECK_JS})
    (root / "lib" / "vec3.js").write_text((pkg / "index.js").read_text())
    put_bugs(root / "lib", BUGS[2:])
    return root


def tests(tmp: Path) -> None:
    g, p = glazerboard(tmp), pressline(tmp)
    cap("mocha-numeral-own-suite-glazerboard", "npx mocha tests/numeral.js tests/formats/*.js 2>&1", g, n_mocha,
        timeout=300)
    cap("jest-numeral-own-suite-glazerboard", "npx jest --ci --testRegex 'tests/.*\\.js$' 2>&1", g, n_jest,
        timeout=300)
    cap("jest-color-numeral-own-suite-glazerboard-head", "FORCE_COLOR=1 npx jest --ci --testRegex 'tests/.*\\.js$' "
        "2>&1 | head -n 400", g, n_jest, timeout=300)
    cap("vitest-numeral-own-suite-glazerboard", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("vitest-verbose-numeral-own-suite-glazerboard", "npx vitest run --reporter=verbose 2>&1", g, n_vitest,
        timeout=300)
    chain("chain-cd-mocha-numeral-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd glazerboard", None), Part("npx mocha tests/numeral.js tests/formats/*.js 2>&1 | tail -n 80",
                                                 n_mocha), Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("mocha-vec3-own-suite-pressline", "npx mocha test/test.js 2>&1", p, n_mocha, timeout=300)
    cap("mocha-color-vec3-own-suite-pressline", "npx mocha --color test/test.js 2>&1", p, n_mocha, timeout=300)
    cap("jest-vec3-own-suite-pressline", "npx jest --ci --testRegex 'test/test\\.js$' 2>&1", p, n_jest, timeout=300)
    cap("vitest-vec3-own-suite-pressline", "npx vitest run 2>&1", p, n_vitest, timeout=300)
    chain("chain-jest-vec3-distance-tail-exit", "chain-test-exit", "test",
          [Part("npx jest --ci --testRegex 'test/test\\.js$' -t 'distance|modulus' 2>&1 | tail -n 120", n_jest),
           Part("echo EXIT=$?", n_status_echo, ";")], p, timeout=300)


def lint(tmp: Path) -> None:
    g, p = tmp / "glazerboard", tmp / "pressline"
    cap("eslint-stylish-glazerboard-app-lib", "npx eslint app lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-color-pressline-app-lib", "npx eslint --color app lib 2>&1", p, n_eslint, timeout=300)
    cap("eslint-unix-glazerboard-app-lib", "npx eslint -f unix app lib 2>&1", g, N_ESLINT_UNIX, timeout=300)
    cap("eslint-unix-pressline-app-lib", "npx eslint -f unix app lib 2>&1", p, N_ESLINT_UNIX, timeout=300)
    cap("eslint-unix-glazerboard-grep-v-warning", "npx eslint -f unix app lib 2>&1 | grep -v Warning", g,
        N_ESLINT_UNIX, timeout=300)
    chain("chain-cd-eslint-tests-glazerboard-tail-exit", "chain-lint-exit", "lint",
          [Part("cd glazerboard", None), Part("npx eslint tests 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("eslint-stylish-glazerboard-whole", "npx eslint . 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-glazerboard-whole-head", "npx eslint -f unix . 2>&1 | head -n 700", g, N_ESLINT_UNIX,
        timeout=300)
    cap("eslint-stylish-pressline-whole", "npx eslint . 2>&1", p, n_eslint, timeout=300)
    cap("tsc-checkjs-numeral-glazerboard-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/numeral.js app/glazes.js 2>&1 | head -n 800", g, n_tsc,
        timeout=300)
    cap("tsc-checkjs-vec3-pressline", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 --module "
        "nodenext --moduleResolution nodenext lib/vec3.js app/dies.js scripts/presscheck.js 2>&1", p, n_tsc,
        timeout=300)
    t = tmp / "tilestock"
    (t / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copy(g / "lib" / "numeral.js", t / "lib" / "numeral.js")
    shutil.copy(p / "lib" / "vec3.js", t / "lib" / "vec3.js")
    write_tree(t, {"package.json": json.dumps({"name": "tilestock", "version": "0.3.0", "type": "module"}, indent=2)
                   + "\n", "ts/tilestock.ts": TILESTOCK_TS, "app/glazes.js": GLAZES_JS, "app/dies.js": DIES_JS,
                   "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-tilestock-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/tilestock.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-tilestock-head", "npx tsc --noEmit 2>&1 | head -n 900", t, n_tsc, timeout=300)
    cap("tsc-pretty-tilestock-head", "npx tsc --noEmit --pretty 2>&1 | head -n 1500", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-tilestock", "chain-lint-typecheck", "lint",
          [Part("cd tilestock", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 300", n_tsc, ";")], tmp, timeout=300)


WORKS_WORDS = ["kiln", "press", "glazer", "saggar-free-rack", "quarry", "encaustic", "slip-tank", "pug-mill", "dryer",
               "sorter", "crate", "die", "bisque", "glost", "kiln-car"]


def kiln_sections(root: Path) -> None:
    """app/works.js re-exporting 24 section modules, each section's faults drawn with seed 48410: a sibling import
    that is not there (p 0.35), a package never installed (p 0.3), an unclosed call (p 0.2)."""
    rnd = random.Random(SEED)
    files, names = {}, []
    for k in range(24):
        name = f"{rnd.choice(WORKS_WORDS)}-{k:02}"
        names.append(name)
        body = ['import numeral from "../../lib/numeral.js";', 'import v from "../../lib/vec3.js";']
        if rnd.random() < 0.35:
            body.append(f'import {{ tally }} from "./{rnd.choice(WORKS_WORDS)}-tally.js";')
        if rnd.random() < 0.3:
            body.append(f'import {{ grade }} from "{rnd.choice(WORKS_WORDS)}-grades";')
        unclosed = rnd.random() < 0.2
        body.append(f"export function section{k}(tiles) {{")
        body.append(f"  const at = v(tiles, {k}, {rnd.randint(1, 9)}{'' if unclosed else ')'};")
        body.append('  return numeral(at.norm()).format("0,0.0");')
        body.append("}")
        files[f"app/sections/{name}.js"] = "\n".join(body) + "\n"
    files["app/works.js"] = "".join(f'export {{ section{k} }} from "./sections/{n}.js";\n' for k, n in enumerate(names))
    write_tree(root, files)


def builds(tmp: Path) -> None:
    g, p = tmp / "glazerboard", tmp / "pressline"
    shutil.copy(p / "lib" / "vec3.js", g / "lib" / "vec3.js")
    kiln_sections(g)
    cap("esbuild-bundle-glazerboard-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-glazerboard-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-glazerboard-main-exit", "npx esbuild app/main.js app/glazes.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-rollup-dies-then-esbuild-exit", "chain-build-exit", "build",
          [Part("npx rollup app/dies.js -d dist-rollup -f es 2>&1", n_rollup),
           Part("npx esbuild app/dies.js lib/nope.js --bundle --outdir=dist 2>&1", n_esbuild, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], p, timeout=300)
    chain("chain-esbuild-minify-cat-glazes", "chain-build-run", "code",
          [Part("npx esbuild app/glazes.js --bundle --minify --outfile=dist/glazes.min.js 2>/dev/null", None),
           Part("cat dist/glazes.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-tests-cat", "chain-build-run", "code",
          [Part("npx esbuild tests/numeral.js --bundle --minify --platform=node --outfile=dist/tests.min.js "
                "2>/dev/null", None), Part("cat dist/tests.min.js", n_min_js, "&&")], g, timeout=300)
    cap("cat-min-js-numeral", "cat node_modules/numeral/min/numeral.min.js", g, n_min_js)
    cap("cat-min-js-numeral-locales", "cat node_modules/numeral/min/locales.min.js", g, n_min_js)


def npm(tmp: Path) -> None:
    g = tmp / "glazerboard"
    for pkg in ("numeral", "vec3", "chai", "mocha"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "quarrystock"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "quarrystock", "version": "1.8.0", "private": True}, indent=2)
                   + "\n"})
    run("npm install --no-audit --no-fund numeral@2.0.6 vec3@0.2.0 chai@4 mocha eslint 2>&1", cwd=q, timeout=400)
    cap("package-lock-quarrystock", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-quarrystock", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-cd-jq-lock-tsv-sort", "chain-read-then-grep", "pkg",
          [Part("cd quarrystock", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | sort -k3,3 -k1,1", n_jq, "&&")], tmp)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["numeral"] = "^1.5.0"
    pj["dependencies"]["pug-mill"] = "^2.0.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/vec3 node_modules/pathval && cp -r node_modules/numeral node_modules/glost-rack "
        "&& sed -i 's/\"name\": \"numeral\"/\"name\": \"glost-rack\"/' node_modules/glost-rack/package.json", cwd=q)
    cap("npm-ls-all-quarrystock-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g, p = tmp / "glazerboard", tmp / "pressline"
    cap("node-uncaught-glazecheck", "node scripts/glazecheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-presscheck-crash", "chain-test-then-run-crash", "test",
          [Part("npx mocha test/test.js 2>&1 | tail -n 40", n_mocha),
           Part("node scripts/presscheck.js", n_node_uncaught, ";")], p, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
