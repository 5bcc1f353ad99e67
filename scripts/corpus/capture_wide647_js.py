"""Round 647, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites (union-find
1.0.2: `index.js` and its tape suite `test/test.js`; binary-search-bounds 2.0.5: `search-bounds.js`, its
`search-bounds.d.ts` and its tape suite `test/test.js`), copied into a whip maker's app (`whipshop`) with a few bugs put
in by capture_material.put_bugs, the shipped suites run unchanged against the broken copy with mocha, jest, vitest and
node --test (`require("tape")` met by a small shim in the copy's node_modules, round 634's pattern widened to the
assertions these suites call); eslint (stylish, json) with round 313's config (imported); tsc --noEmit, pretty off and
on, over a strict-mode app (`plaitbench`, round 313's strict tsconfig, imported) and with checkJs over the copy;
esbuild and rollup builds failing (round 484's `kiln_sections`, imported, called with this round's words and seed
64710); npm view --json and npm outdated; a real install at old pinned versions (`cropstore`) whose package.json and
package-lock.json are cat'ed and queried with jq, then broken by hand for npm ls --all; source and minified bundles
cat'ed; node crashing (`crackcheck`). Each kind's extractor is an earlier round's, imported; a chain's from each
part's own (round 9b). The layout follows round 634's module; run through capture_wide647.py."""

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
from capture_wide647 import JS, cap

NM = JS / "node_modules"
SEED = 64710

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# union-find: link() of a lower-ranked root onto a higher one leaves it its own root.
# binary-search-bounds: gt() takes an equal element as greater; le() stops short of an equal element.
BUGS = [("lib/union-find/index.js", "roots[xr] = yr;", "roots[xr] = xr;"),
        ("lib/binary-search-bounds/search-bounds.js", "if (p > 0) { i = m; h = m - 1 }",
         "if (p >= 0) { i = m; h = m - 1 }"),
        ("lib/binary-search-bounds/search-bounds.js", "if (p <= 0) { i = m; l = m + 1 }",
         "if (p < 0) { i = m; l = m + 1 }")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

# the suites are tape's: `tape(name, function (t) { t.equals(..); t.notEquals(..); t.end(); })`; each runs as one
# test of the host runner (its global `it`); the test files stay unchanged
TAPE_SHIM = """// tape shim: each tape test runs as one test of the host runner (mocha, jest, vitest, node:test's global it)
var assert = require("assert");
module.exports = function test(name, fn) {
  globalThis.it(name, function () {
    var t = { equal: function (a, b, msg) { assert.strictEqual(a, b, msg); },
              equals: function (a, b, msg) { assert.strictEqual(a, b, msg); },
              notEquals: function (a, b, msg) { assert.notStrictEqual(a, b, msg); },
              ok: function (v, msg) { assert.ok(v, msg); }, end: function () {} };
    fn(t);
  });
};
"""

LASHES_JS = """import UnionFind from "../lib/union-find/index.js";
import bounds from "../lib/binary-search-bounds/search-bounds.js";

const thongs = { "kangaroo-12": [3, 5, 8], "redhide/8": [2, 4], "stockwhip": 16, "crop": [1], "kangaroo-12": [4] };
export function plait(thong, strands) {
  var lengths = thongs[thong];
  for (var key in thongs) {
    if (thong == undefined) thong = key;
  }
  const unused = thongs.length * 2;
  var sets = new UnionFind(strands.length);
  strands.forEach(function (s, i) { s.group = sets.find(i) + bounds.ge(lengths, s.length); });
  if (lengths == null) return "no thong " + thong;
  else return sets.length + " strand plait for " + strands.length + " strands";
}
export const taper = function (plaiter, inches) {
  const at = bounds.le([1, 2, 4, 8], inches);
  return at == true ? plaiter + " " + at.toString() : "bad taper for " + plaiter;
};
export function strandTally(strands, kangaroo, cow) {
  let n = 0;
  strands.forEach(function (s) { if (s.colour != "") n++; });
  while (n = strands.length) { n--; }
  if (n) {}
  return n ? strands : null;
}
"""

MAIN_JS = """import { plait, taper } from "./lashes.js";
import { crop } from "./crop.js";
import { cracker } from "./cracker.js";

export const report = [plait("kangaroo-12", [{ length: 4, colour: "tan" }]), taper("Ward", 3), crop(4), cracker()];
"""

CROP_JS = """import bounds from "../lib/binary-search-bounds/search-bounds.js";

export function crop(n) {
  const keeper = bounds.gt([1, 3, 5], n * 12);
  return bounds.eq(Object.keys(keeper n 2.from("handle")));
}
"""

PLAITBENCH_TS = """import UnionFind from '../lib/union-find/index.js'
import bounds from '../lib/binary-search-bounds/search-bounds.js'

interface Strand { colour: string; length: number; bevel?: { width: number; skive: number }; cut?: Date }
interface Plaiter { name: string; perDay: number; whip?: { plait: string } }

export function cutSheet(ss: Strand[]): string[] {
  return ss.map((s) => s.bevel.width.toFixed(s.bevel.skive > 1))
}

export const reach = (p: Plaiter): number => bounds.ge(p.name, 4) + p.perDay.toFixed(2)
export const groups = (p: Plaiter): number => new UnionFind(p.whip.plait).find('0')
export const even = (s: Strand): boolean => s.length.toString(2).padStart(s.colour)
export const cutOn = (s: Strand) => s.cut.toUTCString()
export const mark: string = [bounds.lt([1, 2], 1), bounds.gt].join(16, 2)
export const plaitName = (p: Plaiter): string => p.whip.plait.split('x')[1].toFixed(p.name)
export const pair = (p: Plaiter): [number, string] => [p.name.length, p.name.at(-1), p.perDay]
export const same = (a: Strand, b: Strand): Date => a.length === b.colour
export const strands: Strand[] = [{ colour: 'tan', length: 8 }, { colour: 'black' }, 'red', { colour: 'white', length: '4' }]
export function fall(inches: number): string { if (inches > 3) return 'long' }
export const keeper = new UnionFind().link(1)
export const found: number = bounds.eq([1, 2, 3], 2, (a: string, b: string) => a.localeCompare(b))
"""

CRACKCHECK_JS = """// crackcheck: the plaiter's weekly check; each whip's strands are joined into plait groups with union-find and
// each fall's length is found in the shop's sorted length table with binary-search-bounds
const UnionFind = require("../lib/union-find/index.js");
const bounds = require("../lib/binary-search-bounds/search-bounds.js");

class CrackError extends Error {}

const LENGTHS = [2, 4, 4, 6, 8, 8, 10, 12];
const shop = { whips: [ { name: "stockwhip 8", joins: [[0, 1], [2, 3], [1, 2]], strands: 4, fall: 5 },
                        { name: "bullwhip/10", joins: [[0, 1], [1, 2], [3, 4], [0, 3], [5, 4]], strands: 6, fall: 8 },
                        { name: "crop~2", joins: [[0, 1]], strands: 2, fall: 4 } ] };

function regulate(i) {
  const whip = shop.whips[i];
  const sets = new UnionFind(whip.strands);
  for (const [a, b] of whip.joins) sets.link(a, b);
  const roots = new Set();
  for (let s = 0; s < whip.strands; s++) roots.add(sets.find(s));
  const at = bounds.le(LENGTHS, whip.fall);
  if (roots.size !== 1) {
    throw new RangeError(`whip ${whip.name}: ${roots.size} plait groups from ${whip.joins.length} joins, wanted 1 (fall at ${at})`);
  }
  return `${whip.strands} strands in one plait, fall ${whip.fall} at ${at}`;
}

function check(i) {
  try {
    return regulate(i);
  } catch (e) {
    throw new CrackError(`check of ${shop.whips[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < shop.whips.length; i++) {
  console.log(shop.whips[i].name, check(i));
}
"""

WHIP_WORDS = ["thong", "fall", "cracker", "keeper", "handle", "plait", "strand", "belly", "bolster", "knot", "lash",
              "crop", "quirt", "stockwhip", "plaiter"]

U_TEST = "lib/union-find/test/test.js"
B_TEST = "lib/binary-search-bounds/test/test.js"
TESTS = f"{U_TEST} {B_TEST}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"
PKGS = (("union-find", ["index.js", "package.json", "test", "example"]),
        ("binary-search-bounds", ["search-bounds.js", "search-bounds.d.ts", "package.json", "test", "example"]))


def whipshop(tmp: Path) -> Path:
    root = tmp / "whipshop"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "whipshop", "version": "2.0.5", "main": "lib/union-find/index.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/lib/*/test/*.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/*/test/*.js"] } };\n',
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/lashes.js": LASHES_JS, "app/main.js": MAIN_JS, "app/crop.js": CROP_JS,
             "scripts/crackcheck.js": CRACKCHECK_JS}
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
    g = whipshop(tmp)
    cap("mocha-union-find-binary-search-bounds-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("jest-union-find-binary-search-bounds-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-coverage-whipshop", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=300)
    cap("vitest-union-find-binary-search-bounds-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("node-test-whipshop-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=300)
    cap("node-test-binary-search-bounds-spec", f"{NODE_TEST} --test-reporter=spec {B_TEST} 2>&1", g, n_node_test,
        timeout=300)
    chain("chain-cd-vitest-verbose-bounds-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd whipshop", None),
           Part("npx vitest run --reporter=verbose lib/binary-search-bounds 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "whipshop"
    cap("eslint-stylish-whipshop-app-lib", "npx eslint app lib/union-find/index.js "
        "lib/binary-search-bounds/search-bounds.js scripts 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-whipshop-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-whipshop-libs-suites", "npx eslint -f json app lib/union-find lib/binary-search-bounds 2>&1", g,
        n_eslint_json, timeout=300)
    chain("chain-cd-eslint-suites-whipshop-tail-exit", "chain-lint-exit", "lint",
          [Part("cd whipshop", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("tsc-checkjs-union-find-bounds-whipshop", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/union-find/index.js "
        "lib/binary-search-bounds/search-bounds.js app/lashes.js scripts/crackcheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-checkjs-own-suites", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target "
        f"es2022 --module nodenext --moduleResolution nodenext {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-examples-guarded-array", "npx tsc --noEmit --pretty --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/*/*.js lib/*/example/*.js "
        "node_modules/guarded-array/guarded-array.js scripts/crackcheck.js app/lashes.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "plaitbench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "plaitbench", "version": "1.0.2", "type": "module"},
                                              indent=2) + "\n", "ts/plaitbench.ts": PLAITBENCH_TS,
                   "app/lashes.js": LASHES_JS, "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-plaitbench-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/plaitbench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-plaitbench-app-only", "npx tsc --noEmit --pretty --strict --target es2022 --module "
        "nodenext --moduleResolution nodenext ts/plaitbench.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-plaitbench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-plaitbench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-plaitbench", "chain-lint-typecheck", "lint",
          [Part("cd plaitbench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "whipshop"
    r484.SEED, r484.WORKS_WORDS = SEED, WHIP_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-whipshop-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-whipshop-whole", "npx eslint -f json app scripts lib 2>&1", g, n_eslint_json, timeout=300)
    cap("esbuild-bundle-whipshop-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-whipshop-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-whipshop-main-exit", "npx esbuild app/main.js app/lashes.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-esbuild-minify-esbuild-main-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/esbuild/lib/main.js --minify --platform=node "
                "--outfile=dist/esbuild-main.min.js 2>/dev/null", None),
           Part("cat dist/esbuild-main.min.js", n_min_js, "&&")], g, timeout=300)
    cap("cat-diff-min-js", "cat node_modules/diff/dist/diff.min.js", g, n_min_js)
    cap("cat-esquery-min-js", "cat node_modules/esquery/dist/esquery.min.js", g, n_min_js)
    cap("cat-union-find-source", "cat lib/union-find/index.js", g, n_source)
    cap("cat-binary-search-bounds-source", "cat lib/binary-search-bounds/search-bounds.js", g, n_source)
    cap("cat-eslint-indent-rule-source", "cat node_modules/eslint/lib/rules/indent.js", g, n_source)
    cap("cat-yargs-parser-source", "cat node_modules/yargs-parser/build/lib/yargs-parser.js", g, n_source)
    cap("cat-mocha-lib-runner-source", "cat node_modules/mocha/lib/runner.js", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "whipshop"
    for pkg in ("union-find", "binary-search-bounds", "mocha"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "cropstore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "cropstore", "version": "0.9.1", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund union-find@0.0.4 binary-search-bounds@1.0.0 guarded-array@1.0.0 2>&1 && "
        "npm install --no-audit --no-fund -D mocha@10.2.0 eslint@8.57.0 esbuild@0.19.12 2>&1",
        cwd=q, timeout=400)
    cap("package-json-cat-cropstore-mocha", "cat node_modules/mocha/package.json", q, n_package_json)
    cap("package-lock-cropstore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-cropstore", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["union-find"] = "^1.0.2"
    pj["dependencies"]["cracker"] = "^1.4.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/guarded-array node_modules/ms && cp -r node_modules/union-find "
        "node_modules/plaitknot && sed -i 's/\"name\": \"union-find\"/\"name\": \"plaitknot\"/' "
        "node_modules/plaitknot/package.json", cwd=q)
    cap("npm-ls-all-cropstore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "whipshop"
    cap("node-uncaught-crackcheck", "node scripts/crackcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-crackcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {U_TEST} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/crackcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, crash, lint, builds, npm]
