"""Round 817, JavaScript / TypeScript: a real npm package new to the corpus (@datastructures-js/linked-list 6.1.4:
singly and doubly linked lists, CommonJS `index.js` and `src/*.js` with no dependency) copied into a small app
(`curbchain`, a lorimer's rack of stirrups, hung and taken down at both ends and in between) as `lib/linked-list/`
(its `index.js`, `src/*.js` and its `package.json`, no `.d.ts`) with a few bugs put in; the app's own vitest suite
over the copy (inserts and removes drawn by a seeded generator, the expected values worked out by the test apart from
the package, on a plain array: failures among many passes); eslint over the app and its copy; tsc --noEmit with
checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has
colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the steps' layout is
capture_wide795_js's, its package-specific parts written for this package. Run through capture_wide817.py."""


from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide817 import JS, cap

NM = JS / "node_modules"
PKG = NM / "@datastructures-js" / "linked-list"
COPY = "lib/linked-list"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# The doubly linked list's removeLast no longer cuts the new tail's link to the removed node; its removeAt starts
# counting at the head instead of the head's successor.
BUGS = [(f"{COPY}/src/doublyLinkedList.js", "      this._tail = this._tail.getPrev();\n      this._tail.setNext(null);\n",
         "      this._tail = this._tail.getPrev();\n"),
        (f"{COPY}/src/doublyLinkedList.js", "    let current = this._head.getNext();\n",
         "    let current = this._head;\n")]

TEST_JS = """import { describe, test, expect } from "vitest";
import linkedList from "../lib/linked-list/index.js";

const { DoublyLinkedList } = linkedList;

// a seeded generator (mulberry32) so the rack is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(81716);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const num = (n) => Math.floor(rand() * n);

const KINDS = "hunting racing safety peacock fillis kournakoff side-saddle tread bent-leg offset box english".split(" ");
const OPS = ["insertFirst", "insertLast", "insertLast", "insertAt", "removeFirst", "removeLast", "removeAt"];
const RACKS = [];
for (let n = 1; n <= __RACKS__; n++) {
  const stirrups = [];
  const start = rand() < 0.3 ? 0 : 1 + num(8);
  for (let i = 0; i < start; i++) stirrups.push(100 + num(60));
  const ops = [];
  const count = 1 + num(30);
  for (let i = 0; i < count; i++) ops.push([pick(OPS), 100 + num(60), num(12)]);
  RACKS.push({ rack: "rack " + n, kind: pick(KINDS), stirrups, ops });
}

// the lorimer's apprentice keeps the same rack on a plain array
function play(k) {
  const l = DoublyLinkedList.fromArray([...k.stirrups]);
  const model = [...k.stirrups];
  const taken = [];
  const want = [];
  const val = (node) => (node ? node.getValue() : null);
  for (const [op, mm, at] of k.ops) {
    if (op === "insertFirst") { l.insertFirst(mm); model.unshift(mm); }
    else if (op === "insertLast") { l.insertLast(mm); model.push(mm); }
    else if (op === "insertAt") { const p = at % (model.length + 1); l.insertAt(p, mm); model.splice(p, 0, mm); }
    else if (op === "removeFirst") { taken.push(val(l.removeFirst())); want.push(model.length ? model.shift() : null); }
    else if (op === "removeLast") { taken.push(val(l.removeLast())); want.push(model.length ? model.pop() : null); }
    else {
      const p = model.length ? at % model.length : 0;
      taken.push(val(l.removeAt(p)));
      want.push(model.length ? model.splice(p, 1)[0] : null);
    }
  }
  return { l, model, taken, want, val };
}

describe("curbchain racks", () => {
  for (const k of RACKS) {
    describe(k.rack + " (" + k.kind + ", " + k.ops.length + " moves)", () => {
      test("keeps the stirrups in order", () => {
        const { l, model } = play(k);
        expect(l.toArray().map((n) => n.getValue())).toEqual(model);
        expect(l.count()).toBe(model.length);
      });
      test("hangs the right stirrups at the ends", () => {
        const { l, model, val } = play(k);
        expect([val(l.head()), val(l.tail())]).toEqual([model.length ? model[0] : null, model.length ? model[model.length - 1] : null]);
      });
      test("takes stirrups down", () => {
        const { taken, want } = play(k);
        expect(taken).toEqual(want);
      });
    });
  }
  test("the board holds the racks", () => {
    expect(RACKS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import linkedList from "../lib/linked-list/index.js";

const bits = { "pelham": ["Pelham 14", 14], "kimblewick": 6, "weymouth": ["Weymouth curb"], "snaffle": "../cheek", "pelham": "x" };
export function mouthpieceFor(bit, label) {
  var row = bits[bit];
  for (var s in bits) {
    if (label == undefined) label = s;
  }
  const unused = bits.length * 2;
  var l = new linkedList.DoublyLinkedList(function (a, b) { return a[1] < b[1] });
  if (l.insertLast(row) == null) return "no bit for " + bit;
  else return bit + " measures " + l.toArray()[label] + " on the bench";
}
export const tin = async function (rows) {
  const { length } = rows.filter((r) => new linkedList.LinkedList().removeFirst(r) == 0);
  return length + " bits tinned";
};
export function rack(spurs, sep, log) {
  let n = 0;
  spurs.forEach(function (b) { if (linkedList.LinkedList(b).count() != false) n++; });
  while (n = spurs.length) { n--; }
  if (n) {}
  return n ? spurs : null;
}
"""

APP_TS = """import linkedList from '../lib/linked-list/index.js'

interface Stirrup { tread: string; width: number; leather?: { buckle: string; holes: number }; forged?: Date }
interface Order { lorimer: string; stirrups: Stirrup[] }

export function stirrups(orders: Order[]): string[] {
  const l = new linkedList.DoublyLinkedList<Stirrup>()
  return orders.map((o) => l.insertLast(o.stirrups) + o.lorimer)
}

export const order = (s: Stirrup): number => new linkedList.LinkedList().removeFirst(s.leather.buckle).length
export const holes = (s: Stirrup): string => new linkedList.LinkedList(s.leather.holes, 'holes').toArray()
export const when = (s: Stirrup) => s.forged.toUTCString()
export const tread = (s: Stirrup): number => s.tread.length.toFixed()
export const total: string = new linkedList.DoublyLinkedList().count() * 'stirrups'
export const both = (o: Order): [string, number] => [new linkedList.LinkedList().head().toFixed(), o.lorimer]
export const spur = (s: Stirrup): URL => new linkedList.DoublyLinkedList().tail(s.tread).toUpperCase()
export const cleared: boolean = new linkedList.LinkedList({ length: 5 }).clear().isEmpty()
"""


def app(tmp: Path) -> Path:
    root = tmp / "curbchain"
    for d in ("app", f"{COPY}/src", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "curbchain", "version": "0.8.17", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": r313.ESLINT_CONFIG, "app/lorimer.js": APP_JS,
             "test/curbchain.test.mjs": TEST_JS.replace("__RACKS__", "400"),
             # the package's CommonJS sources and its own package.json (no "type": CommonJS inside lib/linked-list)
             f"{COPY}/index.js": (PKG / "index.js").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    for f in sorted((PKG / "src").glob("*.js")):
        files[f"{COPY}/src/{f.name}"] = f.read_text()
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-rack-100-149-curbchain", "npx vitest run -t 'rack 1[0-4][0-9] ' 2>&1", root, n_vitest,
        timeout=900)
    cap("vitest-run-curbchain-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-curbchain-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-curbchain", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "curbchain"
    cap("eslint-color-app-lib-curbchain-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/curbchain.ts": APP_TS})
    cap("tsc-checkjs-linked-list-curbchain-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/linked-list/index.js "
        "lib/linked-list/src/*.js app/lorimer.js ts/curbchain.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": r313.TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-curbchain", "chain-lint", "lint",
          [Part("cd curbchain", None), Part("npx eslint app/lorimer.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-datastructures-js-linked-list-json",
        "npm view @datastructures-js/linked-list@6.1.4 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
