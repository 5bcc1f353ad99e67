"""Round 777, JavaScript / TypeScript: a real npm package new to the corpus (@datastructures-js/trie 4.3.1: a trie of
words, CommonJS `index.js` and `src/*.js` with no dependency) copied into a small app (`keywayboard`, a locksmith's
board of the key bittings on file, each bitting a word of cut depths) as `lib/trie/` (its `index.js`, `src/*.js` and
its `package.json`, no `.d.ts`) with a few bugs put in; the app's own vitest suite over the copy (bittings drawn by a
seeded generator, the expected values worked out by the test apart from the package: failures among many passes);
eslint over the app and its copy; tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly;
npm view --json of the package. One eslint run has colour forced on (--color). Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's
(capture_wide313_js), imported; the steps' layout is capture_wide754_js's, its package-specific parts written for this
package. Run through capture_wide777.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide777 import JS, cap

NM = JS / "node_modules"
PKG = NM / "@datastructures-js" / "trie"
COPY = "lib/trie"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# remove() of a bitting climbs past a shorter bitting that ends on the way up and erases it too; hasPrefix() never
# looks at a prefix's last cut.
BUGS = [(f"{COPY}/src/trie.js", "      currentNode.isLeaf()\n      && !currentNode.isEndOfWord()\n",
         "      currentNode.isLeaf()\n"),
        (f"{COPY}/src/trie.js", "for (let i = 0; i < prefix.length; i += 1) {",
         "for (let i = 0; i < prefix.length - 1; i += 1) {")]

TEST_JS = """import { describe, test, expect } from "vitest";
import trie from "../lib/trie/index.js";

const { Trie } = trie;

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(77716);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const num = (n) => Math.floor(rand() * n);

// the locksmith's clerk sorts the bittings by hand
const sorted = (xs) => Array.from(new Set(xs)).sort();
const bitting = () => { let b = ""; const pins = 2 + num(4); for (let i = 0; i < pins; i++) b += String(1 + num(4)); return b; };

const KEYWAYS = "sc1 kw1 y1 c4 u3 e2 a6 m7 a12 m3 s22 c5".split(" ");
const LOCKS = [];
for (let n = 1; n <= __LOCKS__; n++) {
  const cuts = [];
  const count = 1 + num(30);
  for (let i = 0; i < count; i++) cuts.push(bitting());
  const probe = bitting().slice(0, 1 + num(3));
  LOCKS.push({ lock: "lock " + n, keyway: pick(KEYWAYS), cuts, probe, drop: pick(cuts) });
}

describe("keywayboard bittings", () => {
  for (const k of LOCKS) {
    describe(k.lock + " (" + k.keyway + ", " + k.cuts.length + " bittings)", () => {
      test("keeps every bitting on file", () => {
        const t = Trie.fromArray(k.cuts);
        expect(t.toArray().sort()).toEqual(sorted(k.cuts));
        expect(t.wordsCount()).toBe(sorted(k.cuts).length);
      });
      test("knows a master-key prefix", () => {
        const t = Trie.fromArray(k.cuts);
        expect(t.hasPrefix(k.probe)).toBe(k.cuts.some((c) => c.startsWith(k.probe)));
      });
      test("erases a bitting from the board", () => {
        const t = Trie.fromArray(k.cuts);
        t.remove(k.drop);
        expect(t.toArray().sort()).toEqual(sorted(k.cuts).filter((c) => c !== k.drop));
      });
    });
  }
  test("the board holds the locks", () => {
    expect(LOCKS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import trie from "../lib/trie/index.js";

const locks = { "front14": ["front door 14", 14], "shed": 3, "safe": ["safe lever"], "gate": "../ward", "front14": "x" };
export function bittingsFor(lock, label) {
  var row = locks[lock];
  for (var s in locks) {
    if (label == undefined) label = s;
  }
  const unused = locks.length * 2;
  var t = new trie.Trie(function (a, b) { return a[1] < b[1] });
  if (t.insert(row) == null) return "no lock for " + lock;
  else return lock + " cuts " + t.toArray()[label] + " on the blank";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => new trie.Trie().remove(r) == 0);
  return length + " keys cut";
};
export function column(cuts, sep, log) {
  let n = 0;
  cuts.forEach(function (c) { if (trie.Trie(c).wordsCount() != false) n++; });
  while (n = cuts.length) { n--; }
  if (n) {}
  return n ? cuts : null;
}
"""

APP_TS = """import trie from '../lib/trie/index.js'

interface Key { bitting: string; depth: number; lock?: { keyway: string; pins: number }; cut?: Date }
interface Lock { smith: string; keys: Key[] }

export function keys(locks: Lock[]): string[] {
  const t = new trie.Trie<Key>()
  return locks.map((l) => t.insert(l.keys) + l.smith)
}

export const order = (k: Key): number => new trie.Trie().remove(k.lock.keyway).length
export const pins = (k: Key): string => new trie.Trie(k.lock.pins, 'pins').toArray()
export const when = (k: Key) => k.cut.toUTCString()
export const depth = (k: Key): number => k.bitting.length.toFixed()
export const total: string = new trie.Trie().wordsCount() * 'keys'
export const both = (l: Lock): [string, number] => [new trie.Trie().find('35').getChar().toFixed(), l.smith]
export const key = (k: Key): URL => new trie.Trie().has(k.bitting).toUpperCase()
export const finished: boolean = new trie.Trie({ length: 5 }).clear().nodesCount()
"""


def app(tmp: Path) -> Path:
    root = tmp / "keywayboard"
    for d in ("app", f"{COPY}/src", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "keywayboard", "version": "0.7.7", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": r313.ESLINT_CONFIG, "app/locksmith.js": APP_JS,
             "test/keywayboard.test.mjs": TEST_JS.replace("__LOCKS__", "400"),
             # the package's CommonJS sources and its own package.json (no "type": CommonJS inside lib/trie)
             f"{COPY}/index.js": (PKG / "index.js").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    for f in sorted((PKG / "src").glob("*.js")):
        files[f"{COPY}/src/{f.name}"] = f.read_text()
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-lock-100-149-keywayboard", "npx vitest run -t 'lock 1[0-4][0-9] ' 2>&1", root, n_vitest,
        timeout=900)
    cap("vitest-run-keywayboard-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-keywayboard-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-keywayboard", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "keywayboard"
    cap("eslint-color-app-lib-keywayboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/keywayboard.ts": APP_TS})
    cap("tsc-checkjs-trie-keywayboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/trie/index.js lib/trie/src/*.js "
        "app/locksmith.js ts/keywayboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": r313.TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-keywayboard", "chain-lint", "lint",
          [Part("cd keywayboard", None), Part("npx eslint app/locksmith.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-datastructures-js-trie-json",
        "npm view @datastructures-js/trie@4.3.1 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
