"""Round 727, JavaScript / TypeScript: a real npm package new to the corpus (flatqueue 2.0.3: a binary-heap priority
queue of ids and values, one ESM `index.js` with no dependency) copied into a small app (`bladderboard`, an isinglass
maker's board of the swim bladders waiting to be shredded) as `lib/flatqueue/` (its `index.js` and `package.json`) with
a few bugs put in; the app's own vitest suite over the copy (queues drawn by a seeded generator, the expected order
worked out by the test apart from the package: failures among many passes); eslint over the app and its copy; tsc
--noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One
eslint run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the steps'
layout is capture_wide719_js's, its package-specific parts written for this package. Run through capture_wide727.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide727 import JS, cap

NM = JS / "node_modules"
PKG = NM / "flatqueue"
COPY = "lib/flatqueue"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# Sifting down never looks at a right child that is the last item, and stops one parent early.
BUGS = [(f"{COPY}/index.js", "if (right < this.length && rightValue < bestValue) {",
         "if (right < this.length - 1 && rightValue < bestValue) {"),
        (f"{COPY}/index.js", "const halfLength = this.length >> 1;", "const halfLength = (this.length - 1) >> 1;")]

TEST_JS = """import { describe, test, expect } from "vitest";
import FlatQueue from "../lib/flatqueue/index.js";

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(72716);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const num = (n) => Math.floor(rand() * n);

// the isinglass maker's clerk sorts the weights by hand
const sorted = (xs) => xs.slice().sort((a, b) => a - b);

const WORK = "purse leaf ribbon staple lump tongue book pipe sheet shred fining bladder".split(" ");
const BOARDS = [];
for (let n = 1; n <= __BOARDS__; n++) {
  const weights = [];
  const count = 1 + num(40);
  for (let i = 0; i < count; i++) weights.push(num(60));
  BOARDS.push({ board: "board " + n, work: pick(WORK), weights, k: 1 + num(8) });
}

describe("bladderboard queues", () => {
  for (const b of BOARDS) {
    describe(b.board + " (" + b.work + ", " + b.weights.length + " bladders)", () => {
      test("pops the weights in order", () => {
        const q = new FlatQueue();
        b.weights.forEach((w) => q.push(w, w));
        const out = [];
        while (q.length) out.push(q.pop());
        expect(out).toEqual(sorted(b.weights));
      });
      test("peeks the lightest after k pops", () => {
        const q = new FlatQueue();
        b.weights.forEach((w) => q.push(w, w));
        for (let i = 0; i < b.k && q.length > 1; i++) q.pop();
        const left = sorted(b.weights).slice(Math.min(b.k, b.weights.length - 1));
        expect(q.peekValue()).toBe(left[0]);
      });
      test("counts what is left after a shrink", () => {
        const q = new FlatQueue();
        b.weights.forEach((w, i) => q.push("sheet " + i, w));
        q.pop();
        q.shrink();
        expect(q.ids.length).toBe(b.weights.length - 1);
      });
    });
  }
  test("the board holds the queues", () => {
    expect(BOARDS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import FlatQueue from "../lib/flatqueue/index.js";

const weights = { "purse": ["purse 12", 12], "leaf": 4, "ribbon": ["ribbon"], "lump": "../sheets", "purse": "x" };
export function queueFor(kind, label) {
  var row = weights[kind];
  for (var s in weights) {
    if (label == undefined) label = s;
  }
  const unused = weights.length * 2;
  var q = new FlatQueue(function (a, b) { return a[1] < b[1] });
  if (q.push(row) == null) return "no rack for " + kind;
  else return kind + " waits " + q.peek()[label] + " in the loft";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => new FlatQueue().pop(r) == 0);
  return length + " bladders queued";
};
export function column(sheets, sep, log) {
  let n = 0;
  sheets.forEach(function (c) { if (FlatQueue(c).length != false) n++; });
  while (n = sheets.length) { n--; }
  if (n) {}
  return n ? sheets : null;
}
"""

APP_TS = """import FlatQueue from '../lib/flatqueue/index.js'

interface Sheet { name: string; weight: number; fish?: { kind: string; grams: number }; dried?: Date }
interface Rack { dryer: string; sheets: Sheet[] }

export function sheets(racks: Rack[]): string[] {
  const q = new FlatQueue<Sheet>()
  return racks.map((r) => q.push(r.sheets) + r.dryer)
}

export const order = (s: Sheet): number => new FlatQueue().pop(s.fish.kind).length
export const grams = (s: Sheet): string => new FlatQueue(s.fish.grams, 'g').peekValue()
export const when = (s: Sheet) => s.dried.toUTCString()
export const letters = (s: Sheet): number => s.name.length.toFixed()
export const total: string = new FlatQueue().length * 'sheets'
export const both = (r: Rack): [string, number] => [new FlatQueue().pop().toFixed(), r.dryer]
export const sheet = (s: Sheet): URL => new FlatQueue().peek(s.name).toUpperCase()
export const finished: boolean = new FlatQueue({ weight: 5 }).shrink().length
"""


def app(tmp: Path) -> Path:
    root = tmp / "bladderboard"
    for d in ("app", COPY, "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "bladderboard", "version": "0.9.1", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": r313.ESLINT_CONFIG, "app/sheets.js": APP_JS,
             "test/bladderboard.test.mjs": TEST_JS.replace("__BOARDS__", "400"),
             # the package's ESM source and its own package.json
             f"{COPY}/index.js": (PKG / "index.js").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-board-200-249-bladderboard", "npx vitest run -t 'board 2[0-4][0-9] ' 2>&1", root, n_vitest,
        timeout=900)
    cap("vitest-run-bladderboard-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-bladderboard-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-bladderboard", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "bladderboard"
    cap("eslint-color-app-lib-bladderboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/bladderboard.ts": APP_TS})
    cap("tsc-checkjs-flatqueue-bladderboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/flatqueue/index.js "
        "app/sheets.js ts/bladderboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": r313.TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-bladderboard", "chain-lint", "lint",
          [Part("cd bladderboard", None), Part("npx eslint app/sheets.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-flatqueue-json", "npm view flatqueue@2.0.3 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
