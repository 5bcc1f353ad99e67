"""Round 532, JavaScript / TypeScript: real a-m npm packages new to the corpus with their OWN test suites (bitset 5.1.1:
an arbitrary-size bit vector, `bitset.js` and a mocha suite `tests/bitset.test.js` of 70 tests on assert and should,
which loads `../bitset.min`; dijkstrajs 1.0.3: shortest paths, `dijkstra.js` and a mocha suite `test/dijkstra.test.js`
on expect.js), copied into a pottery's throwing-room app (`wheelroom`) with a few bugs put in by
capture_material.put_bugs (the broken `bitset.js` is also the copy's `bitset.min.js`), the shipped suites run against
the broken copy with mocha, jest and vitest (the test files unchanged); eslint (stylish, unix) over the copy and app
with round 313's config (imported); tsc --noEmit over a strict-mode app (`wedgingbench`, round 313's strict tsconfig,
imported); esbuild and rollup builds failing (round 484's `kiln_sections`, imported, called with this round's words
and seed 53210); npm view --json; a real install (`throwstock`) whose package-lock.json is cat'ed and queried with jq,
then broken by hand for npm ls --all; minified bundles cat'ed; node crashing (`wheelcheck`). Each kind's extractor is
an earlier round's, imported; a chain's from each part's own (round 9b). Run through capture_wide532.py."""

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
from capture_wide532 import JS, cap

NM = JS / "node_modules"
SEED = 53210

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# popCount's second step shifts by one instead of two (wrong bit counts: cardinality, msb/lsb helpers, toArray);
# flip(i) of a single bit sets it instead of toggling it; xor's common words are or'ed; dijkstra counts every edge
# as costing 1.
BUGS = [("bitset.js", "v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);",
         "v = (v & 0x33333333) + ((v >>> 1) & 0x33333333);"),
        ("bitset.js", "this['data'][from >>> WORD_LOG] ^= (1 << from);",
         "this['data'][from >>> WORD_LOG] |= (1 << from);"),
        ("bitset.js", "d[i] ^= p[i];", "d[i] |= p[i];"),
        ("dijkstra.js", "cost_of_s_to_u_plus_cost_of_e = cost_of_s_to_u + cost_of_e;",
         "cost_of_s_to_u_plus_cost_of_e = cost_of_s_to_u + 1;")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

WHEELS_JS = """import BitSet from "../bitset.js";
import dijkstra from "../dijkstra.js";

const wheels = { "kick-1": 3, "wheel-2": "7", "banding": [4], "treadle": "bat", "kick-1": 12 };
export function batsOn(wheel, extra) {
  var n = wheels[wheel];
  for (var key in wheels) {
    if (wheel == undefined) wheel = key;
  }
  const unused = wheels.length * 2;
  if (n == null) return "no bats on " + wheel;
  else return new BitSet().setRange(0, n + extra, 1).toString(2);
}
export const fullWheels = function (sets) {
  const { length } = sets.filter((s) => new BitSet(s).cardinality() > 4 == true);
  return length + " wheels over four bats";
};
export function route(room, from, to, log) {
  let n = 0;
  Object.keys(room).forEach(function (k) { if (room[k] != null) n++; });
  while (n = Object.keys(room).length) { n--; }
  if (n) {}
  return n ? dijkstra.find_path(room, from, to) : null;
}
"""

MAIN_JS = """import { batsOn, fullWheels } from "./wheels.js";
import { wedge } from "./wedge.js";
import { pug } from "./pug-mill.js";

export const report = [batsOn("kick-1", 2), fullWheels(["1111", "101"]), wedge(7), pug()];
"""

WEDGE_JS = """import BitSet from "../bitset.js";

export function wedge(turns) {
  const bench = new BitSet(turns * 2.from("ram");
  return "wedged " + bench;
}
"""

WEDGING_TS = """import BitSet from '../bitset.js'
import { find_path } from '../dijkstra.js'

interface Wheel { name: string; speed: number; bats?: { count: number; size: string }; thrown?: Date }
interface Thrower { name: string; wheel: number; since?: { year: number } }

export function batSheet(wheels: Wheel[]): string[] {
  return wheels.map((w) => new BitSet(w.bats.count).toString(w.bats.size))
}

export const batCount = (w: Wheel): number => new BitSet(w).cardinality().toString()
export const busy = (w: Wheel): boolean => new BitSet(w.name).cardinality() > 'four'
export const thrown = (w: Wheel) => w.thrown.toUTCString()
export const benchMark = (turns: number): number => new BitSet(turns).toArray().join('-')
export const benchRoute: string[] = find_path({ bench: { wheel: 1 } }, 'bench')
export const tenure = (t: Thrower): string => t.since.year.toFixed(t.name)
export const both = (t: Thrower): [number, string] => [new BitSet(t.wheel).msb(), t.name.at(-1)]
export const clay = (w: Wheel): URL => new BitSet(w.speed).toString(16).toLowerCase()
"""

WHEELCHECK_JS = """// wheelcheck: the throwing room's check of the bats on each wheel before the boards go to the drying shelves
const BitSet = require("../bitset.js");
const dijkstra = require("../dijkstra.js");

class WheelCheckError extends Error {}

function batsOf(wheel, bats) {
  const set = new BitSet();
  for (const b of bats) set.set(b);
  const counted = set.cardinality();
  if (counted !== bats.length) {
    throw new RangeError(`wheel ${wheel}: ${bats.length} bats on the board, bitset counted ${counted}`);
  }
  return set.toString(2);
}

function checkWheel(wheel, bats) {
  try {
    return batsOf(wheel, bats);
  } catch (e) {
    throw new WheelCheckError(`bat check on ${wheel} failed`, { cause: e });
  }
}

const room = { wedging: { "kick-1": 2, pug: 1 }, pug: { "wheel-2": 1 }, "kick-1": { shelves: 4 }, "wheel-2": { shelves: 1 } };
console.log("route to the shelves:", dijkstra.find_path(room, "wedging", "shelves").join(" -> "));
const wheels = [["kick-1", [0, 1, 2]], ["wheel-2", [1, 3, 5, 7]], ["banding", [2, 3, 6, 7, 10, 11]],
                ["treadle", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]]];
for (const [wheel, bats] of wheels) {
  console.log(wheel, bats.length, checkWheel(wheel, bats));
}
"""

ROOM_WORDS = ["wheel", "kick-wheel", "bat", "splash-pan", "rib", "wedging-bench", "pug-mill", "thrower", "trimming-tool",
              "banding-wheel", "greenware", "leatherhard", "clay-ball", "slip-bucket", "drying-shelf"]


def wheelroom(tmp: Path) -> Path:
    root = tmp / "wheelroom"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    bs, dj = NM / "bitset", NM / "dijkstrajs"
    files = {"package.json": json.dumps({"name": "wheelroom", "version": "3.1.0", "main": "bitset.js",
                                         "scripts": {"test": "mocha tests/*.js test/*.js"},
                                         "jest": {"testMatch": ["**/tests/*.js", "**/test/*.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["tests/*.js", "test/*.js"] } };\n',
             "app/wheels.js": WHEELS_JS, "app/main.js": MAIN_JS, "app/wedge.js": WEDGE_JS,
             "scripts/wheelcheck.js": WHEELCHECK_JS,
             "tests/bitset.test.js": (bs / "tests" / "bitset.test.js").read_text(),
             "test/dijkstra.test.js": (dj / "test" / "dijkstra.test.js").read_text()}
    write_tree(root, files)
    shutil.copy(bs / "bitset.js", root / "bitset.js")
    shutil.copy(bs / "bitset.d.ts", root / "bitset.d.ts")
    shutil.copy(dj / "dijkstra.js", root / "dijkstra.js")
    put_bugs(root, BUGS)
    shutil.copy(root / "bitset.js", root / "bitset.min.js")  # the suite loads ../bitset.min: the broken copy
    return root


def tests(tmp: Path) -> None:
    g = wheelroom(tmp)
    cap("mocha-bitset-dijkstrajs-own-suites-wheelroom", "npx mocha tests/*.js test/*.js 2>&1", g, n_mocha,
        timeout=300)
    cap("mocha-color-bitset-wheelroom", "npx mocha --color tests/bitset.test.js 2>&1", g, n_mocha, timeout=300)
    cap("mocha-full-trace-bitset-dijkstrajs-wheelroom", "npx mocha --full-trace tests/*.js test/*.js 2>&1", g,
        n_mocha, timeout=300)
    cap("jest-bitset-dijkstrajs-own-suites-wheelroom", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-bitset-dijkstrajs-wheelroom", "npx jest --ci --verbose 2>&1", g, n_jest, timeout=300)
    cap("jest-color-bitset-wheelroom-head", "FORCE_COLOR=1 npx jest --ci tests 2>&1 | head -n 400", g, n_jest,
        timeout=300)
    cap("vitest-bitset-dijkstrajs-own-suites-wheelroom", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("vitest-verbose-bitset-dijkstrajs-wheelroom", "npx vitest run --reporter=verbose 2>&1", g, n_vitest,
        timeout=300)
    chain("chain-cd-mocha-bitset-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd wheelroom", None), Part("npx mocha tests/*.js 2>&1 | tail -n 250", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-jest-dijkstra-tail-exit", "chain-test-exit", "test",
          [Part("npx jest --ci test/dijkstra 2>&1 | tail -n 150", n_jest),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-vitest-bitset-grep", "chain-test-grep", "test",
          [Part("npx vitest run tests/bitset.test.js 2>&1 | grep -v '^ *$'", n_vitest)], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "wheelroom"
    cap("eslint-stylish-wheelroom-app-bitset-dijkstra", "npx eslint app bitset.js dijkstra.js 2>&1", g, n_eslint,
        timeout=300)
    cap("eslint-color-wheelroom-app", "npx eslint --color app 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-wheelroom-app-bitset", "npx eslint -f unix app bitset.js dijkstra.js 2>&1", g, N_ESLINT_UNIX,
        timeout=300)
    cap("eslint-unix-wheelroom-grep-v-warning", "npx eslint -f unix . 2>&1 | grep -v Warning", g,
        N_ESLINT_UNIX, timeout=300)
    chain("chain-cd-eslint-tests-wheelroom-tail-exit", "chain-lint-exit", "lint",
          [Part("cd wheelroom", None), Part("npx eslint tests test 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("eslint-stylish-wheelroom-whole", "npx eslint . 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-wheelroom-whole-head", "npx eslint -f unix . 2>&1 | head -n 900", g, N_ESLINT_UNIX,
        timeout=300)
    cap("tsc-checkjs-bitset-dijkstra-wheelroom-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext bitset.js dijkstra.js app/wheels.js scripts/wheelcheck.js "
        "2>&1 | head -n 1200", g, n_tsc, timeout=300)
    cap("tsc-checkjs-bitset-tests-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext bitset.js tests/*.js test/*.js 2>&1 | head -n 1500", g, n_tsc,
        timeout=300)
    t = tmp / "wedgingbench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    for f in ("bitset.js", "bitset.d.ts", "dijkstra.js"):
        shutil.copy(g / f, t / f)
    write_tree(t, {"package.json": json.dumps({"name": "wedgingbench", "version": "0.7.0", "type": "module"},
                                              indent=2) + "\n", "ts/wedgingbench.ts": WEDGING_TS,
                   "app/wheels.js": WHEELS_JS, "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-wedgingbench-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/wedgingbench.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-wedgingbench-head", "npx tsc --noEmit 2>&1 | head -n 900", t, n_tsc, timeout=300)
    cap("tsc-pretty-wedgingbench-head", "npx tsc --noEmit --pretty 2>&1 | head -n 1500", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-wedgingbench", "chain-lint-typecheck", "lint",
          [Part("cd wedgingbench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 300", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "wheelroom"
    # round 484's generator with this round's words and seed (its module constants, set before the call, as rounds
    # 500 and 514 did); its sections import ../../lib/numeral.js and ../../lib/vec3.js, which wheelroom does not have
    r484.SEED, r484.WORKS_WORDS = SEED, ROOM_WORDS
    r484.kiln_sections(g)
    cap("esbuild-bundle-wheelroom-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-wheelroom-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-wheelroom-main-exit", "npx esbuild app/main.js app/wheels.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-rollup-main-then-esbuild-exit", "chain-build-exit", "build",
          [Part("npx rollup app/main.js -d dist-rollup -f es 2>&1", n_rollup),
           Part("npx esbuild app/wedge.js lib/nope.js --bundle --outdir=dist 2>&1", n_esbuild, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-esbuild-minify-cat-bitset", "chain-build-run", "code",
          [Part("npx esbuild bitset.js --bundle --minify --platform=node --outfile=dist/bitset.min.js "
                "2>/dev/null", None), Part("cat dist/bitset.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-tests-cat", "chain-build-run", "code",
          [Part("npx esbuild tests/bitset.test.js test/dijkstra.test.js --bundle --minify --platform=node "
                "--outdir=dist/min-test 2>/dev/null", None), Part("cat dist/min-test/*/*.js", n_min_js, "&&")],
          g, timeout=300)
    chain("chain-esbuild-minify-should-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/should/cjs/should.js --bundle --minify --platform=node "
                "--outfile=dist/should.min.js 2>/dev/null", None), Part("cat dist/should.min.js", n_min_js, "&&")],
          g, timeout=300)
    cap("cat-bitset-shipped-min-js", "cat node_modules/bitset/bitset.min.js", g, n_min_js)
    chain("chain-esbuild-minify-expect-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/expect.js/index.js --bundle --minify --platform=node "
                "--outfile=dist/expect.min.js 2>/dev/null", None), Part("cat dist/expect.min.js", n_min_js, "&&")],
          g, timeout=300)
    cap("esbuild-minify-dijkstrajs-cat", "npx esbuild node_modules/dijkstrajs/dijkstra.js --bundle --minify "
        "--format=esm 2>/dev/null", g, n_min_js, timeout=300)


def npm(tmp: Path) -> None:
    g = tmp / "wheelroom"
    for pkg in ("bitset", "dijkstrajs", "kdbush", "bezier-easing"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "throwstock"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "throwstock", "version": "2.2.0", "private": True}, indent=2)
                   + "\n"})
    run("npm install --no-audit --no-fund bitset@5.1.1 dijkstrajs@1.0.3 kdbush bezier-easing should expect.js "
        "mocha eslint esbuild 2>&1", cwd=q, timeout=400)
    cap("package-lock-throwstock", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-throwstock", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-cd-jq-lock-tsv-sort", "chain-read-then-grep", "pkg",
          [Part("cd throwstock", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | sort -k3,3 -k1,1", n_jq, "&&")], tmp)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["bitset"] = "^6.0.0"
    pj["dependencies"]["splash-pan"] = "^1.4.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/kdbush node_modules/supports-color && cp -r node_modules/dijkstrajs "
        "node_modules/bat-router && sed -i 's/\"name\": \"dijkstrajs\"/\"name\": \"bat-router\"/' "
        "node_modules/bat-router/package.json", cwd=q)
    cap("npm-ls-all-throwstock-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "wheelroom"
    cap("node-uncaught-wheelcheck", "node scripts/wheelcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-wheelcheck-crash", "chain-test-then-run-crash", "test",
          [Part("npx mocha test/dijkstra.test.js 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/wheelcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
