"""Round 795, JavaScript / TypeScript: a real npm package new to the corpus (@datastructures-js/deque 1.0.8: a
double-ended queue on two arrays, CommonJS `index.js` and `src/deque.js` with no dependency) copied into a small app
(`searboard`, a gunsmith's board of the barrels on the rack, put on and taken off at both ends) as `lib/deque/` (its
`index.js`, `src/*.js` and its `package.json`, no `.d.ts`) with a few bugs put in; the app's own vitest suite over the
copy (pushes and pops drawn by a seeded generator, the expected values worked out by the test apart from the package,
on a plain array: failures among many passes); eslint over the app and its copy; tsc --noEmit with checkJs over the
copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has colour forced on
(--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The eslint
config and the tsconfig are round 313's (capture_wide313_js), imported; the steps' layout is capture_wide777_js's, its
package-specific parts written for this package. Run through capture_wide795.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide795 import JS, cap

NM = JS / "node_modules"
PKG = NM / "@datastructures-js" / "deque"
COPY = "lib/deque"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# toArray() no longer reverses the barrels pushed at the front; back() reads the front stack's top instead of its
# bottom when the back stack is empty.
BUGS = [(f"{COPY}/src/deque.js", "return frontElements.reverse().concat(backElements);",
         "return frontElements.concat(backElements);"),
        (f"{COPY}/src/deque.js", "return this._frontElements[this._frontOffset];",
         "return this._frontElements[this._frontElements.length - 1];")]

TEST_JS = """import { describe, test, expect } from "vitest";
import deque from "../lib/deque/index.js";

const { Deque } = deque;

// a seeded generator (mulberry32) so the rack is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(79516);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const num = (n) => Math.floor(rand() * n);

const PATTERNS = "bess baker kentucky manton purdey wogdon jaeger ferguson nock egg durs charleville".split(" ");
const OPS = ["pushFront", "pushFront", "pushBack", "popFront", "popBack"];
const RACKS = [];
for (let n = 1; n <= __RACKS__; n++) {
  const barrels = [];
  const start = rand() < 0.4 ? 0 : 1 + num(8);
  for (let i = 0; i < start; i++) barrels.push(10 + num(37));
  const ops = [];
  const count = 1 + num(30);
  for (let i = 0; i < count; i++) ops.push([pick(OPS), 10 + num(37)]);
  RACKS.push({ rack: "rack " + n, pattern: pick(PATTERNS), barrels, ops });
}

// the gunsmith's apprentice keeps the same rack on a plain array
function play(k) {
  const d = Deque.fromArray([...k.barrels]);
  const model = [...k.barrels];
  const popped = [];
  const want = [];
  for (const [op, len] of k.ops) {
    if (op === "pushFront") { d.pushFront(len); model.unshift(len); }
    else if (op === "pushBack") { d.pushBack(len); model.push(len); }
    else if (op === "popFront") { popped.push(d.popFront()); want.push(model.length ? model.shift() : null); }
    else { popped.push(d.popBack()); want.push(model.length ? model.pop() : null); }
  }
  return { d, model, popped, want };
}

describe("searboard racks", () => {
  for (const k of RACKS) {
    describe(k.rack + " (" + k.pattern + ", " + k.ops.length + " moves)", () => {
      test("keeps the barrels in order", () => {
        const { d, model } = play(k);
        expect(d.toArray()).toEqual(model);
        expect(d.size()).toBe(model.length);
      });
      test("sights the front and back barrels", () => {
        const { d, model } = play(k);
        expect([d.front(), d.back()]).toEqual([model.length ? model[0] : null, model.length ? model[model.length - 1] : null]);
      });
      test("takes barrels off both ends", () => {
        const { popped, want } = play(k);
        expect(popped).toEqual(want);
      });
    });
  }
  test("the board holds the racks", () => {
    expect(RACKS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import deque from "../lib/deque/index.js";

const guns = { "bess14": ["Brown Bess 14", 14], "baker": 6, "fowler": ["Manton fowler"], "pistol": "../frizzen", "bess14": "x" };
export function barrelsFor(gun, label) {
  var row = guns[gun];
  for (var s in guns) {
    if (label == undefined) label = s;
  }
  const unused = guns.length * 2;
  var d = new deque.Deque(function (a, b) { return a[1] < b[1] });
  if (d.pushBack(row) == null) return "no gun for " + gun;
  else return gun + " bores " + d.toArray()[label] + " on the bench";
}
export const proof = async function (rows) {
  const { length } = rows.filter((r) => new deque.Deque().popFront(r) == 0);
  return length + " barrels proofed";
};
export function rack(barrels, sep, log) {
  let n = 0;
  barrels.forEach(function (b) { if (deque.Deque(b).size() != false) n++; });
  while (n = barrels.length) { n--; }
  if (n) {}
  return n ? barrels : null;
}
"""

APP_TS = """import deque from '../lib/deque/index.js'

interface Barrel { bore: string; inches: number; lock?: { frizzen: string; flints: number }; proofed?: Date }
interface Gun { smith: string; barrels: Barrel[] }

export function barrels(guns: Gun[]): string[] {
  const d = new deque.Deque<Barrel>()
  return guns.map((g) => d.pushBack(g.barrels) + g.smith)
}

export const order = (b: Barrel): number => new deque.Deque().popFront(b.lock.frizzen).length
export const flints = (b: Barrel): string => new deque.Deque(b.lock.flints, 'flints').toArray()
export const when = (b: Barrel) => b.proofed.toUTCString()
export const bore = (b: Barrel): number => b.bore.length.toFixed()
export const total: string = new deque.Deque().size() * 'barrels'
export const both = (g: Gun): [string, number] => [new deque.Deque().front().toFixed(), g.smith]
export const stock = (b: Barrel): URL => new deque.Deque().back(b.bore).toUpperCase()
export const cleared: boolean = new deque.Deque({ length: 5 }).clear().isEmpty()
"""


def app(tmp: Path) -> Path:
    root = tmp / "searboard"
    for d in ("app", f"{COPY}/src", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "searboard", "version": "0.7.95", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": r313.ESLINT_CONFIG, "app/gunsmith.js": APP_JS,
             "test/searboard.test.mjs": TEST_JS.replace("__RACKS__", "400"),
             # the package's CommonJS sources and its own package.json (no "type": CommonJS inside lib/deque)
             f"{COPY}/index.js": (PKG / "index.js").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    for f in sorted((PKG / "src").glob("*.js")):
        files[f"{COPY}/src/{f.name}"] = f.read_text()
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-rack-100-149-searboard", "npx vitest run -t 'rack 1[0-4][0-9] ' 2>&1", root, n_vitest,
        timeout=900)
    cap("vitest-run-searboard-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-searboard-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-searboard", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "searboard"
    cap("eslint-color-app-lib-searboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/searboard.ts": APP_TS})
    cap("tsc-checkjs-deque-searboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/deque/index.js lib/deque/src/*.js "
        "app/gunsmith.js ts/searboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": r313.TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-searboard", "chain-lint", "lint",
          [Part("cd searboard", None), Part("npx eslint app/gunsmith.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-datastructures-js-deque-json",
        "npm view @datastructures-js/deque@1.0.8 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
