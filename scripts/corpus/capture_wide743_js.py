"""Round 743, JavaScript / TypeScript: a real npm package new to the corpus (splaytree 3.2.3: a splay tree of keys
and data, its ESM build `dist/splaytree.js` with no dependency) copied into a small app (`organpipeboard`, an organ
builder's board of the pipes waiting to be voiced) as `lib/splaytree/` (its `dist/splaytree.js` as `index.mjs` and its
`package.json`) with a few bugs put in; the app's own vitest suite over the copy (trees drawn by a seeded generator,
the expected order worked out by the test apart from the package: failures among many passes); eslint over the app and
its copy; tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the
package. One eslint run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js),
imported; the steps' layout is capture_wide735_js's, its package-specific parts written for this package. Run through
capture_wide743.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide743 import JS, cap

NM = JS / "node_modules"
PKG = NM / "splaytree"
COPY = "lib/splaytree"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# A range stops before a key equal to its upper end; at(i) returns the node after the i-th.
BUGS = [(f"{COPY}/index.mjs", "h = o(s.key, e), h > 0", "h = o(s.key, e), h >= 0"),
        (f"{COPY}/index.mjs", "if (e = i.pop(), l === t) return e;", "if (e = i.pop(), l === t + 1) return e;")]

TEST_JS = """import { describe, test, expect } from "vitest";
import SplayTree from "../lib/splaytree/index.mjs";

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(74316);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const num = (n) => Math.floor(rand() * n);

// the organ builder's clerk sorts the pipe lengths by hand
const sorted = (xs) => xs.slice().sort((a, b) => a - b);

const STOPS = "diapason principal bourdon gedackt flute trumpet oboe cornet mixture tierce nazard sesquialtera".split(" ");
const BOARDS = [];
for (let n = 1; n <= __BOARDS__; n++) {
  const pipes = [];
  const count = 1 + num(40);
  for (let i = 0; i < count; i++) pipes.push(num(60));
  const lo = num(30);
  BOARDS.push({ board: "chest " + n, stop: pick(STOPS), pipes, k: num(count), lo, hi: lo + num(30) });
}

describe("organpipeboard trees", () => {
  for (const b of BOARDS) {
    describe(b.board + " (" + b.stop + ", " + b.pipes.length + " pipes)", () => {
      test("keeps the pipes in order", () => {
        const t = new SplayTree();
        b.pipes.forEach((g) => t.insert(g, g));
        expect(t.keys()).toEqual(sorted(b.pipes));
      });
      test("voices the pipes in a range", () => {
        const t = new SplayTree();
        b.pipes.forEach((g) => t.insert(g, g));
        const out = [];
        t.range(b.lo, b.hi, (node) => { out.push(node.key); });
        expect(out).toEqual(sorted(b.pipes).filter((g) => g >= b.lo && g <= b.hi));
      });
      test("finds the k-th shortest pipe", () => {
        const t = new SplayTree();
        b.pipes.forEach((g) => t.insert(g, "pipe " + g));
        expect(t.at(b.k).key).toBe(sorted(b.pipes)[b.k]);
      });
    });
  }
  test("the board holds the trees", () => {
    expect(BOARDS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import SplayTree from "../lib/splaytree/index.mjs";

const ranks = { "diapason": ["diapason 8", 8], "bourdon": 16, "trumpet": ["trumpet"], "oboe": "../reeds", "diapason": "x" };
export function treeFor(stop, label) {
  var row = ranks[stop];
  for (var s in ranks) {
    if (label == undefined) label = s;
  }
  const unused = ranks.length * 2;
  var t = new SplayTree(function (a, b) { return a[1] < b[1] });
  if (t.insert(row) == null) return "no rank for " + stop;
  else return stop + " speaks " + t.min()[label] + " on the great";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => new SplayTree().remove(r) == 0);
  return length + " pipes voiced";
};
export function column(pipes, sep, log) {
  let n = 0;
  pipes.forEach(function (c) { if (SplayTree(c).size != false) n++; });
  while (n = pipes.length) { n--; }
  if (n) {}
  return n ? pipes : null;
}
"""

APP_TS = """import SplayTree from '../lib/splaytree/index.mjs'

interface Pipe { name: string; length: number; stop?: { kind: string; feet: number }; voiced?: Date }
interface Rank { voicer: string; pipes: Pipe[] }

export function pipes(ranks: Rank[]): string[] {
  const t = new SplayTree<Pipe>()
  return ranks.map((r) => t.insert(r.pipes) + r.voicer)
}

export const order = (p: Pipe): number => new SplayTree().remove(p.stop.kind).length
export const feet = (p: Pipe): string => new SplayTree(p.stop.feet, 'ft').min()
export const when = (p: Pipe) => p.voiced.toUTCString()
export const letters = (p: Pipe): number => p.name.length.toFixed()
export const total: string = new SplayTree().size * 'pipes'
export const both = (r: Rank): [string, number] => [new SplayTree().pop().key.toFixed(), r.voicer]
export const pipe = (p: Pipe): URL => new SplayTree().find(p.name).toUpperCase()
export const finished: boolean = new SplayTree({ length: 5 }).clear().size
"""


def app(tmp: Path) -> Path:
    root = tmp / "organpipeboard"
    for d in ("app", COPY, "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "organpipeboard", "version": "0.4.2", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": r313.ESLINT_CONFIG, "app/pipes.js": APP_JS,
             "test/organpipeboard.test.mjs": TEST_JS.replace("__BOARDS__", "400"),
             # the package's ESM build and its own package.json
             f"{COPY}/index.mjs": (PKG / "dist" / "splaytree.js").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-chest-200-249-organpipeboard", "npx vitest run -t 'chest 2[0-4][0-9] ' 2>&1", root, n_vitest,
        timeout=900)
    cap("vitest-run-organpipeboard-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-organpipeboard-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-organpipeboard", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "organpipeboard"
    cap("eslint-color-app-lib-organpipeboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/organpipeboard.ts": APP_TS})
    cap("tsc-checkjs-splaytree-organpipeboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/splaytree/index.mjs "
        "app/pipes.js ts/organpipeboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": r313.TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-organpipeboard", "chain-lint", "lint",
          [Part("cd organpipeboard", None), Part("npx eslint app/pipes.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-splaytree-json", "npm view splaytree@3.2.3 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
