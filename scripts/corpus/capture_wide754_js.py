"""Round 754, JavaScript / TypeScript: a real npm package new to the corpus (@datastructures-js/binary-search-tree
5.4.0: a binary search tree and an AVL tree of values, CommonJS `index.js` and `src/*.js` with no dependency) copied
into a small app (`reteboard`, an astrolabe maker's board of the star altitudes waiting to be engraved) as `lib/bst/`
(its `index.js`, `src/*.js` and its `package.json`, no `.d.ts`) with a few bugs put in; the app's own vitest suite over
the copy (trees drawn by a seeded generator, the expected values worked out by the test apart from the package:
failures among many passes); eslint over the app and its copy; tsc --noEmit with checkJs over the copied JavaScript
and an app that uses it wrongly; npm view --json of the package. One eslint run has colour forced on (--color). Each
kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The eslint config and
the tsconfig are round 313's (capture_wide313_js), imported; the steps' layout is capture_wide743_js's, its
package-specific parts written for this package. Run through capture_wide754.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide754 import JS, cap

NM = JS / "node_modules"
PKG = NM / "@datastructures-js" / "binary-search-tree"
COPY = "lib/bst"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# floor() (lowerBound) keeps the first lower value it meets, not the greatest; remove() of a value greater than a
# node's removes that node instead of going right.
BUGS = [(f"{COPY}/src/binarySearchTree.js", "this._compare(lowerBound.getValue(), current.getValue()) <= 0",
         "this._compare(lowerBound.getValue(), current.getValue()) >= 0"),
        (f"{COPY}/src/binarySearchTree.js", "if (compare > 0) return removeRecursively(val, current.getRight());",
         "if (compare > 1) return removeRecursively(val, current.getRight());")]

TEST_JS = """import { describe, test, expect } from "vitest";
import bst from "../lib/bst/index.js";

const { BinarySearchTree, AvlTree } = bst;

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(75416);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const num = (n) => Math.floor(rand() * n);

// the astrolabe maker's clerk sorts the altitudes by hand
const sorted = (xs) => Array.from(new Set(xs)).sort((a, b) => a - b);
const inOrder = (t) => { const out = []; t.traverseInOrder((node) => { out.push(node.getValue()); }); return out; };

const STARS = "aldebaran vega capella arcturus sirius rigel altair deneb spica regulus procyon antares".split(" ");
const RETES = [];
for (let n = 1; n <= __RETES__; n++) {
  const alts = [];
  const count = 1 + num(40);
  for (let i = 0; i < count; i++) alts.push(num(90));
  RETES.push({ rete: "rete " + n, star: pick(STARS), alts, q: num(95), drop: pick(alts) });
}

describe("reteboard trees", () => {
  for (const r of RETES) {
    describe(r.rete + " (" + r.star + ", " + r.alts.length + " altitudes)", () => {
      test("keeps the altitudes in order", () => {
        const t = new AvlTree();
        r.alts.forEach((a) => t.insert(a));
        expect(inOrder(t)).toEqual(sorted(r.alts));
      });
      test("finds the floor of a sighting", () => {
        const t = new BinarySearchTree();
        r.alts.forEach((a) => t.insert(a));
        const below = sorted(r.alts).filter((a) => a <= r.q);
        const node = t.floor(r.q);
        expect(node === null ? null : node.getValue()).toBe(below.length ? below[below.length - 1] : null);
      });
      test("erases a star from the plate", () => {
        const t = new BinarySearchTree();
        r.alts.forEach((a) => t.insert(a));
        t.remove(r.drop);
        expect(inOrder(t)).toEqual(sorted(r.alts).filter((a) => a !== r.drop));
      });
    });
  }
  test("the board holds the retes", () => {
    expect(RETES.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import bst from "../lib/bst/index.js";

const plates = { "latitude51": ["latitude 51", 51], "latitude48": 48, "horizon": ["horizon"], "zodiac": "../rete", "latitude51": "x" };
export function treeFor(plate, label) {
  var row = plates[plate];
  for (var s in plates) {
    if (label == undefined) label = s;
  }
  const unused = plates.length * 2;
  var t = new bst.BinarySearchTree(function (a, b) { return a[1] < b[1] });
  if (t.insert(row) == null) return "no plate for " + plate;
  else return plate + " reads " + t.min()[label] + " on the limb";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => new bst.AvlTree().remove(r) == 0);
  return length + " stars engraved";
};
export function column(alts, sep, log) {
  let n = 0;
  alts.forEach(function (c) { if (bst.BinarySearchTree(c).count() != false) n++; });
  while (n = alts.length) { n--; }
  if (n) {}
  return n ? alts : null;
}
"""

APP_TS = """import bst from '../lib/bst/index.js'

interface Star { name: string; altitude: number; plate?: { latitude: string; degrees: number }; sighted?: Date }
interface Rete { maker: string; stars: Star[] }

export function stars(retes: Rete[]): string[] {
  const t = new bst.BinarySearchTree<Star>()
  return retes.map((r) => t.insert(r.stars) + r.maker)
}

export const order = (s: Star): number => new bst.AvlTree().remove(s.plate.latitude).length
export const degrees = (s: Star): string => new bst.BinarySearchTree(s.plate.degrees, 'deg').min()
export const when = (s: Star) => s.sighted.toUTCString()
export const letters = (s: Star): number => s.name.length.toFixed()
export const total: string = new bst.AvlTree().count() * 'stars'
export const both = (r: Rete): [string, number] => [new bst.BinarySearchTree().max().getValue().toFixed(), r.maker]
export const star = (s: Star): URL => new bst.AvlTree().find(s.name).toUpperCase()
export const finished: boolean = new bst.BinarySearchTree({ length: 5 }).clear().count()
"""


def app(tmp: Path) -> Path:
    root = tmp / "reteboard"
    for d in ("app", f"{COPY}/src", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "reteboard", "version": "0.3.7", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": r313.ESLINT_CONFIG, "app/astrolabe.js": APP_JS,
             "test/reteboard.test.mjs": TEST_JS.replace("__RETES__", "400"),
             # the package's CommonJS sources and its own package.json (no "type": CommonJS inside lib/bst)
             f"{COPY}/index.js": (PKG / "index.js").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    for f in sorted((PKG / "src").glob("*.js")):
        files[f"{COPY}/src/{f.name}"] = f.read_text()
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-rete-200-249-reteboard", "npx vitest run -t 'rete 2[0-4][0-9] ' 2>&1", root, n_vitest,
        timeout=900)
    cap("vitest-run-reteboard-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-reteboard-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-reteboard", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "reteboard"
    cap("eslint-color-app-lib-reteboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/reteboard.ts": APP_TS})
    cap("tsc-checkjs-bst-reteboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/bst/index.js lib/bst/src/*.js "
        "app/astrolabe.js ts/reteboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": r313.TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-reteboard", "chain-lint", "lint",
          [Part("cd reteboard", None), Part("npx eslint app/astrolabe.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-datastructures-js-binary-search-tree-json",
        "npm view @datastructures-js/binary-search-tree@5.4.0 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
