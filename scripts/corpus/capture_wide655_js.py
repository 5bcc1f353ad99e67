"""Round 655, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites
(functional-red-black-tree 1.0.1: `rbtree.js` and its tape suite `test/test.js`, whose dev dependency iota-array is
installed for real; interval-tree-1d 1.0.4: `interval-tree.js` and its tape suite `test/test.js`), copied into a wire
drawer's app (`drawshop`) with a few bugs put in by capture_material.put_bugs, the shipped suites run unchanged against
the broken copy with mocha, jest, vitest and node --test (`require("tape")` met by a small shim in the copy's
node_modules, round 634's and 647's pattern widened to the assertions these suites call); eslint (stylish, json) with
round 313's config (imported); tsc --noEmit, pretty off and on, over a strict-mode app (`diebench`, round 313's strict
tsconfig, imported) and with checkJs over the copy; esbuild and rollup builds failing (round 484's `kiln_sections`,
imported, called with this round's words and seed 65510); npm view --json and npm outdated; a real install at old
pinned versions (`coilstore`) whose package.json and package-lock.json are cat'ed and queried with jq, then broken by
hand for npm ls --all; source and minified bundles cat'ed; node crashing (`gaugecheck`). Each kind's extractor is an
earlier round's, imported; a chain's from each part's own (round 9b). The layout follows round 647's module; run
through capture_wide655.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import capture_wide313_js as r313
import capture_wide484_js as r484
from capture_material import put_bugs
from capture_more import n_esbuild, n_jq, n_npm_outdated, run, write_tree
from capture_wide import n_node_uncaught
from capture_wide11 import n_min_js
from capture_wide15_data import n_lock, n_npm_ls, n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_node_test, n_tsc, n_vitest
from capture_wide634_js import NODE_TEST_SETUP
from capture_wide6_new import n_eslint_json, n_rollup
from capture_wide9b import Part, chain, n_source, n_status_echo
from capture_wide9b_chains import n_package_json
from capture_wide655 import JS, cap

NM = JS / "node_modules"
SEED = 65510

RB = "lib/functional-red-black-tree"
IT = "lib/interval-tree-1d"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# functional-red-black-tree: gt() takes an equal key as greater (it walks as ge() does).
# interval-tree-1d: a point query left of a node's midpoint misses the intervals that start exactly at the point.
BUGS = [(f"{RB}/rbtree.js", "if(d < 0) {\n      last_ptr = stack.length", "if(d <= 0) {\n      last_ptr = stack.length"),
        (f"{IT}/interval-tree.js", "arr[i][0] <= hi", "arr[i][0] < hi")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

# the suites are tape's: `tape(name, function (t) { t.equals(..); t.same(..); t.assert(..); t.end(); })`; each runs as
# one test of the host runner (its global `it`); the test files stay unchanged
TAPE_SHIM = """// tape shim: each tape test runs as one test of the host runner (mocha, jest, vitest, node:test's global it)
var assert = require("assert");
module.exports = function test(name, fn) {
  globalThis.it(name, function () {
    var t = { equal: function (a, b, msg) { assert.strictEqual(a, b, msg); },
              equals: function (a, b, msg) { assert.strictEqual(a, b, msg); },
              same: function (a, b, msg) { assert.deepStrictEqual(a, b, msg); },
              ok: function (v, msg) { assert.ok(v, msg); }, assert: function (v, msg) { assert.ok(v, msg); },
              end: function () {} };
    fn(t);
  });
};
"""

DRAWPLATE_JS = """import createTree from "../lib/functional-red-black-tree/rbtree.js";
import createIntervalTree from "../lib/interval-tree-1d/interval-tree.js";

const plates = { "swg-14": [2.03, 1.63, 1.29], "swg/18": [1.22, 0.91], "rod": 5.5, "fine": [0.2], "swg-14": [2.0] };
export function draw(plate, passes) {
  var holes = plates[plate];
  for (var key in plates) {
    if (plate == undefined) plate = key;
  }
  const unused = plates.length * 2;
  var tree = createTree();
  passes.forEach(function (p, i) { tree = tree.insert(p.gauge, i); p.next = tree.gt(p.gauge).key; });
  if (holes == null) return "no plate " + plate;
  else return tree.length + " passes through " + holes.length + " holes";
}
export const anneal = function (drawer, gauge) {
  const dies = createIntervalTree([[0.5, 1.2], [1.2, 2.0]]);
  var hits = 0;
  dies.queryPoint(gauge, function () { hits++ });
  return hits == true ? drawer + " " + hits.toString() : "no die for " + drawer;
};
export function coilTally(coils, copper, iron) {
  let n = 0;
  coils.forEach(function (c) { if (c.metal != "") n++; });
  while (n = coils.length) { n--; }
  if (n) {}
  return n ? coils : null;
}
"""

MAIN_JS = """import { draw, anneal } from "./drawplate.js";
import { coil } from "./coil.js";
import { pointer } from "./pointer.js";

export const report = [draw("swg-14", [{ gauge: 2.03, metal: "copper" }]), anneal("Hale", 1.2), coil(4), pointer()];
"""

COIL_JS = """import createTree from "../lib/functional-red-black-tree/rbtree.js";

export function coil(n) {
  const reel = createTree().insert(n * 12, "reel");
  return reel.find(Object.keys(reel n 2.from("swift")));
}
"""

DIEBENCH_TS = """import createTree from '../lib/functional-red-black-tree/rbtree.js'
import createIntervalTree from '../lib/interval-tree-1d/interval-tree.js'

interface Pass { metal: string; gauge: number; die?: { bore: number; taper: number }; drawn?: Date }
interface Drawer { name: string; perShift: number; bench?: { plate: string } }

export function boreSheet(ps: Pass[]): string[] {
  return ps.map((p) => p.die.bore.toFixed(p.die.taper > 1))
}

export const reach = (d: Drawer): number => createTree().insert(d.name, 4).length + d.perShift.toFixed(2)
export const dies = (d: Drawer): number => createIntervalTree(d.bench.plate).queryPoint('0')
export const fine = (p: Pass): boolean => p.gauge.toString(2).padStart(p.metal)
export const drawnOn = (p: Pass) => p.drawn.toUTCString()
export const mark: string = [createTree().keys, createIntervalTree].join(16, 2)
export const plateName = (d: Drawer): string => d.bench.plate.split('x')[1].toFixed(d.name)
export const pair = (d: Drawer): [number, string] => [d.name.length, d.name.at(-1), d.perShift]
export const same = (a: Pass, b: Pass): Date => a.gauge === b.metal
export const passes: Pass[] = [{ metal: 'copper', gauge: 8 }, { metal: 'iron' }, 'brass', { metal: 'silver', gauge: '4' }]
export function swage(mm: number): string { if (mm > 3) return 'coarse' }
export const reel = createTree().insert(1).remove()
export const found: number = createTree([1, 2, 3]).find(2, (a: string, b: string) => a.localeCompare(b))
"""

GAUGECHECK_JS = """// gaugecheck: the wiredrawer's weekly check; each coil's passes are kept in a red-black tree by gauge (the next
// finer die is found with gt) and the dies that can take a gauge are found in an interval tree of the plate's bores
const createTree = require("../lib/functional-red-black-tree/rbtree.js");
const createIntervalTree = require("../lib/interval-tree-1d/interval-tree.js");

class GaugeError extends Error {}

const BORES = [[0.5, 1.2], [1.2, 2.0], [2.0, 3.5], [3.5, 5.5]];
const works = { coils: [ { name: "copper 14", passes: [5.5, 3.5, 2.0, 1.63], start: 3.5 },
                         { name: "iron/18", passes: [5.5, 4.1, 3.2, 2.0, 1.22], start: 2.0 },
                         { name: "brass~fine", passes: [1.2, 0.9], start: 0.9 } ] };

function regulate(i) {
  const coil = works.coils[i];
  let tree = createTree();
  for (const g of coil.passes) tree = tree.insert(g, coil.name);
  const next = tree.gt(coil.start);
  const dies = [];
  createIntervalTree(BORES).queryPoint(coil.start, (d) => { dies.push(d); });
  if (next.valid && next.key <= coil.start) {
    throw new RangeError(`coil ${coil.name}: next pass ${next.key} is not coarser than ${coil.start} (${dies.length} dies take it)`);
  }
  return `${coil.passes.length} passes, start ${coil.start}, ${dies.length} dies`;
}

function check(i) {
  try {
    return regulate(i);
  } catch (e) {
    throw new GaugeError(`check of ${works.coils[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < works.coils.length; i++) {
  console.log(works.coils[i].name, check(i));
}
"""

WIRE_WORDS = ["drawplate", "die", "coil", "swift", "reel", "gauge", "bore", "taper", "anneal", "pickle", "pointer",
              "capstan", "block", "wiredrawer", "swage"]

R_TEST = f"{RB}/test/test.js"
I_TEST = f"{IT}/test/test.js"
TESTS = f"{R_TEST} {I_TEST}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"
PKGS = (("functional-red-black-tree", ["rbtree.js", "package.json", "test", "bench"]),
        ("interval-tree-1d", ["interval-tree.js", "package.json", "test"]))


def drawshop(tmp: Path) -> Path:
    root = tmp / "drawshop"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "drawshop", "version": "1.0.4", "main": f"{RB}/rbtree.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/lib/*/test/*.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/*/test/*.js"] } };\n',
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/drawplate.js": DRAWPLATE_JS, "app/main.js": MAIN_JS, "app/coil.js": COIL_JS,
             "scripts/gaugecheck.js": GAUGECHECK_JS}
    write_tree(root, files)
    for pkg, parts in PKGS:
        d = root / "lib" / pkg
        d.mkdir(parents=True, exist_ok=True)
        for f in parts:
            if (NM / pkg / f).exists():
                (shutil.copytree if (NM / pkg / f).is_dir() else shutil.copy)(NM / pkg / f, d / f)
        write_tree(d, {"node_modules/tape/index.js": TAPE_SHIM,
                       "node_modules/tape/package.json": '{"name": "tape", "version": "0.0.0-shim", "main": "index.js"}\n'})
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def tests(tmp: Path) -> None:
    g = drawshop(tmp)
    cap("mocha-rbtree-interval-tree-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("jest-rbtree-interval-tree-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-coverage-drawshop", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=300)
    cap("vitest-rbtree-interval-tree-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("node-test-drawshop-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=300)
    chain("chain-cd-vitest-verbose-interval-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd drawshop", None),
           Part(f"npx vitest run --reporter=verbose {IT} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "drawshop"
    cap("eslint-stylish-drawshop-app-lib", f"npx eslint app {RB}/rbtree.js {IT}/interval-tree.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-drawshop-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-drawshop-libs-suites", f"npx eslint -f json app {RB} {IT} 2>&1", g, n_eslint_json, timeout=300)
    chain("chain-cd-eslint-suites-drawshop-tail-exit", "chain-lint-exit", "lint",
          [Part("cd drawshop", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-rbtree-interval-drawshop", f"npx tsc {js_flags} {RB}/rbtree.js {IT}/interval-tree.js "
        "app/drawplate.js scripts/gaugecheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-checkjs-own-suites", f"npx tsc {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-bench-iota", f"npx tsc --pretty {js_flags} lib/*/*.js {RB}/bench/*.js "
        "node_modules/iota-array/iota.js scripts/gaugecheck.js app/drawplate.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "diebench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "diebench", "version": "0.0.1", "type": "module"},
                                              indent=2) + "\n", "ts/diebench.ts": DIEBENCH_TS,
                   "app/drawplate.js": DRAWPLATE_JS, "eslint.config.js": ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-diebench-app-only", f"npx tsc {ts_flags} ts/diebench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-diebench-app-only", f"npx tsc --pretty {ts_flags} ts/diebench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-diebench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-diebench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-diebench", "chain-lint-typecheck", "lint",
          [Part("cd diebench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "drawshop"
    r484.SEED, r484.WORKS_WORDS = SEED, WIRE_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-drawshop-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-drawshop-app-scripts-libs", "npx eslint -f json app scripts lib/*/*.js 2>&1", g, n_eslint_json,
        timeout=300)
    cap("esbuild-bundle-drawshop-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-drawshop-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-rbtree-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {RB}/rbtree.js --minify --format=cjs --outfile=dist/rbtree.min.js 2>/dev/null", None),
           Part("cat dist/rbtree.min.js", n_min_js, "&&")], g, timeout=300)
    cap("cat-js-yaml-min-js", "cat node_modules/js-yaml/dist/js-yaml.min.js", g, n_min_js)
    cap("cat-workerpool-min-js", "cat node_modules/workerpool/dist/workerpool.min.js", g, n_min_js)
    cap("cat-rbtree-source", f"cat {RB}/rbtree.js", g, n_source)
    cap("cat-interval-tree-source", f"cat {IT}/interval-tree.js", g, n_source)
    cap("cat-rbtree-own-suite-source", f"cat {R_TEST}", g, n_source)
    cap("cat-eslint-no-unused-vars-rule-source", "cat node_modules/eslint/lib/rules/no-unused-vars.js", g, n_source)
    cap("cat-esbuild-main-d-ts-source", "cat node_modules/esbuild/lib/main.d.ts", g, n_source)
    cap("cat-rollup-d-ts-source", "cat node_modules/rollup/dist/rollup.d.ts", g, n_source)
    cap("cat-mocha-lib-suite-source", "cat node_modules/mocha/lib/suite.js", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "drawshop"
    for pkg in ("functional-red-black-tree", "esbuild", "rollup"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "coilstore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "coilstore", "version": "0.3.5", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund functional-red-black-tree@0.0.0 interval-tree-1d@1.0.3 iota-array@0.0.1 "
        "2>&1 && npm install --no-audit --no-fund -D mocha@10.4.0 eslint@8.56.0 rollup@3.29.4 2>&1",
        cwd=q, timeout=400)
    cap("package-json-cat-coilstore-eslint", "cat node_modules/eslint/package.json", q, n_package_json)
    cap("package-lock-coilstore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-coilstore", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["functional-red-black-tree"] = "^1.0.1"
    pj["dependencies"]["drawbench"] = "^2.1.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/iota-array node_modules/ms && cp -r node_modules/interval-tree-1d "
        "node_modules/swiftreel && sed -i 's/\"name\": \"interval-tree-1d\"/\"name\": \"swiftreel\"/' "
        "node_modules/swiftreel/package.json", cwd=q)
    cap("npm-ls-all-coilstore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "drawshop"
    cap("node-uncaught-gaugecheck", "node scripts/gaugecheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-gaugecheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {R_TEST} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/gaugecheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, crash, lint, builds, npm]
