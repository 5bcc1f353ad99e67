"""Round 719, JavaScript / TypeScript: a real npm package new to the corpus (fastpriorityqueue 0.8.0: a binary-heap
priority queue, one CommonJS `FastPriorityQueue.js` with no dependency) copied into a small app (`teethboard`, a card
maker's board of the wire teeth waiting to be set) as `lib/fastpriorityqueue/` (its `FastPriorityQueue.js` and
`package.json`) with a few bugs put in; the app's own vitest suite over the copy (queues drawn by a seeded generator,
the expected order worked out by the test apart from the package: failures among many passes); eslint over the app and
its copy; tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the
package. One eslint run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js),
imported; the steps' layout is capture_wide711_js's, its package-specific parts written for this package. Run through
capture_wide719.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide719 import JS, cap

NM = JS / "node_modules"
PKG = NM / "fastpriorityqueue"
COPY = "lib/fastpriorityqueue"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# Sifting down never looks at the last right child; kSmallest copies too small a top of the heap.
BUGS = [(f"{COPY}/FastPriorityQueue.js", "if (r < size) {", "if (r < size - 1) {"),
        (f"{COPY}/FastPriorityQueue.js", "const newSize = Math.min(this.size, (2 ** (k - 1)) + 1);",
         "const newSize = Math.min(this.size, (2 ** (k - 2)) + 1);")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

TEST_JS = """import { describe, test, expect } from "vitest";
import FastPriorityQueue from "../lib/fastpriorityqueue/FastPriorityQueue.js";

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(71916);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const num = (n) => Math.floor(rand() * n);

// the card maker's clerk sorts the gauges by hand
const sorted = (xs) => xs.slice().sort((a, b) => a - b);

const WORK = "doffer swift worker stripper fancy fillet sheet comb tooth wire leather coil".split(" ");
const BOARDS = [];
for (let n = 1; n <= __BOARDS__; n++) {
  const teeth = [];
  const count = 1 + num(40);
  for (let i = 0; i < count; i++) teeth.push(num(60));
  BOARDS.push({ board: "board " + n, work: pick(WORK), teeth, k: 1 + num(8), top: num(60) });
}

describe("teethboard queues", () => {
  for (const b of BOARDS) {
    describe(b.board + " (" + b.work + ", " + b.teeth.length + " coils)", () => {
      test("polls the gauges in order", () => {
        const q = new FastPriorityQueue();
        b.teeth.forEach((t) => q.add(t));
        const out = [];
        while (!q.isEmpty()) out.push(q.poll());
        expect(out).toEqual(sorted(b.teeth));
      });
      test("finds the k finest", () => {
        const q = new FastPriorityQueue();
        b.teeth.forEach((t) => q.add(t));
        expect(q.kSmallest(b.k)).toEqual(sorted(b.teeth).slice(0, b.k));
      });
      test("peeks after a top is replaced", () => {
        const q = new FastPriorityQueue();
        b.teeth.forEach((t) => q.add(t));
        q.replaceTop(b.top);
        const rest = sorted(b.teeth).slice(1).concat([b.top]);
        expect(q.peek()).toBe(Math.min(...rest));
      });
    });
  }
  test("the board holds the queues", () => {
    expect(BOARDS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import FastPriorityQueue from "../lib/fastpriorityqueue/FastPriorityQueue.js";

const gauges = { "doffer": ["doffer 12", 12], "swift": 4, "worker": ["worker"], "fancy": "../teeth", "doffer": "x" };
export function queueFor(kind, label) {
  var row = gauges[kind];
  for (var s in gauges) {
    if (label == undefined) label = s;
  }
  const unused = gauges.length * 2;
  var q = new FastPriorityQueue(function (a, b) { return a[1] < b[1] });
  if (q.add(row) == null) return "no card for " + kind;
  else return kind + " waits " + q.peek()[label] + " at the bench";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => new FastPriorityQueue().poll(r) == 0);
  return length + " coils queued";
};
export function column(teeth, sep, log) {
  let n = 0;
  teeth.forEach(function (c) { if (FastPriorityQueue(c).size != false) n++; });
  while (n = teeth.length) { n--; }
  if (n) {}
  return n ? teeth : null;
}
"""

APP_TS = """import FastPriorityQueue from '../lib/fastpriorityqueue/FastPriorityQueue.js'

interface Card { name: string; teeth: number; leather?: { hide: string; pricks: number }; set?: Date }
interface Bench { setter: string; cards: Card[] }

export function cards(benches: Bench[]): string[] {
  const q = new FastPriorityQueue((a: Card, b: Card) => a.teeth < b.teeth)
  return benches.map((b) => q.add(b.cards) + b.setter)
}

export const order = (c: Card): number => new FastPriorityQueue().kSmallest(c.leather.hide).length
export const pricks = (c: Card): string => new FastPriorityQueue(c.leather.pricks, 'hh:mm').peek()
export const when = (c: Card) => c.set.toUTCString()
export const letters = (c: Card): number => c.name.length.toFixed()
export const total: string = new FastPriorityQueue().size * 'teeth'
export const both = (b: Bench): [string, number] => [new FastPriorityQueue().poll().toFixed(), b.setter]
export const card = (c: Card): URL => new FastPriorityQueue().removeOne(c.name).toUpperCase()
export const finished: boolean = new FastPriorityQueue({ teeth: 5 }).trim().size
"""


def app(tmp: Path) -> Path:
    root = tmp / "teethboard"
    for d in ("app", COPY, "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "teethboard", "version": "1.2.0", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG, "app/teeth.js": APP_JS,
             "test/teethboard.test.mjs": TEST_JS.replace("__BOARDS__", "400"),
             # the package's CommonJS source and its own package.json (no "type": the copy stays CommonJS)
             f"{COPY}/FastPriorityQueue.js": (PKG / "FastPriorityQueue.js").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-board-300-349-teethboard", "npx vitest run -t 'board 3[0-4][0-9] ' 2>&1", root, n_vitest,
        timeout=900)
    cap("vitest-run-teethboard-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-teethboard-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-teethboard", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "teethboard"
    cap("eslint-color-app-lib-teethboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/teethboard.ts": APP_TS})
    cap("tsc-checkjs-fastpriorityqueue-teethboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/fastpriorityqueue/FastPriorityQueue.js "
        "app/teeth.js ts/teethboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-teethboard", "chain-lint", "lint",
          [Part("cd teethboard", None), Part("npx eslint app/teeth.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-fastpriorityqueue-json", "npm view fastpriorityqueue@0.8.0 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
