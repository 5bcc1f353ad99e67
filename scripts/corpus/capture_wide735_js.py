"""Round 735, JavaScript / TypeScript: a real npm package new to the corpus (avl 2.0.0: an AVL tree of keys and data,
its ESM build `dist/index.mjs` with no dependency) copied into a small app (`hookboard`, a fish-hook maker's board of
the batches waiting to be tempered) as `lib/avl/` (its `dist/index.mjs` as `index.mjs` and its `package.json`) with a
few bugs put in; the app's own vitest suite over the copy (trees drawn by a seeded generator, the expected order worked
out by the test apart from the package: failures among many passes); eslint over the app and its copy; tsc --noEmit
with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint
run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's
own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the steps' layout
is capture_wide727_js's, its package-specific parts written for this package. Run through capture_wide735.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide735 import JS, cap

NM = JS / "node_modules"
PKG = NM / "avl"
COPY = "lib/avl"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# A range stops before a key equal to its upper end; at(i) returns the node after the i-th.
BUGS = [(f"{COPY}/index.mjs", "if (cmp > 0) break;", "if (cmp >= 0) break;"),
        (f"{COPY}/index.mjs", "if (i === index) return current;", "if (i === index + 1) return current;")]

TEST_JS = """import { describe, test, expect } from "vitest";
import { AVLTree } from "../lib/avl/index.mjs";

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(73516);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const num = (n) => Math.floor(rand() * n);

// the fish-hook maker's clerk sorts the gauges by hand
const sorted = (xs) => xs.slice().sort((a, b) => a - b);

const WORK = "limerick kirby sproat aberdeen octopus circle treble jig baitholder carp salmon pike".split(" ");
const BOARDS = [];
for (let n = 1; n <= __BOARDS__; n++) {
  const gauges = [];
  const count = 1 + num(40);
  for (let i = 0; i < count; i++) gauges.push(num(60));
  const lo = num(30);
  BOARDS.push({ board: "board " + n, work: pick(WORK), gauges, k: num(count), lo, hi: lo + num(30) });
}

describe("hookboard trees", () => {
  for (const b of BOARDS) {
    describe(b.board + " (" + b.work + ", " + b.gauges.length + " hooks)", () => {
      test("keeps the gauges in order", () => {
        const t = new AVLTree();
        b.gauges.forEach((g) => t.insert(g, g));
        expect(t.keys()).toEqual(sorted(b.gauges));
      });
      test("tempers the gauges in a range", () => {
        const t = new AVLTree();
        b.gauges.forEach((g) => t.insert(g, g));
        const out = [];
        t.range(b.lo, b.hi, (node) => { out.push(node.key); });
        expect(out).toEqual(sorted(b.gauges).filter((g) => g >= b.lo && g <= b.hi));
      });
      test("finds the k-th lightest hook", () => {
        const t = new AVLTree();
        b.gauges.forEach((g) => t.insert(g, "hook " + g));
        expect(t.at(b.k).key).toBe(sorted(b.gauges)[b.k]);
      });
    });
  }
  test("the board holds the trees", () => {
    expect(BOARDS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import { AVLTree } from "../lib/avl/index.mjs";

const gauges = { "limerick": ["limerick 12", 12], "kirby": 4, "sproat": ["sproat"], "jig": "../barbs", "limerick": "x" };
export function treeFor(kind, label) {
  var row = gauges[kind];
  for (var s in gauges) {
    if (label == undefined) label = s;
  }
  const unused = gauges.length * 2;
  var t = new AVLTree(function (a, b) { return a[1] < b[1] });
  if (t.insert(row) == null) return "no batch for " + kind;
  else return kind + " waits " + t.min()[label] + " in the oven";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => new AVLTree().remove(r) == 0);
  return length + " hooks tempered";
};
export function column(hooks, sep, log) {
  let n = 0;
  hooks.forEach(function (c) { if (AVLTree(c).size != false) n++; });
  while (n = hooks.length) { n--; }
  if (n) {}
  return n ? hooks : null;
}
"""

APP_TS = """import { AVLTree } from '../lib/avl/index.mjs'

interface Hook { name: string; gauge: number; fish?: { kind: string; grams: number }; tempered?: Date }
interface Batch { smith: string; hooks: Hook[] }

export function hooks(batches: Batch[]): string[] {
  const t = new AVLTree<Hook>()
  return batches.map((b) => t.insert(b.hooks) + b.smith)
}

export const order = (h: Hook): number => new AVLTree().remove(h.fish.kind).length
export const grams = (h: Hook): string => new AVLTree(h.fish.grams, 'g').min()
export const when = (h: Hook) => h.tempered.toUTCString()
export const letters = (h: Hook): number => h.name.length.toFixed()
export const total: string = new AVLTree().size * 'hooks'
export const both = (b: Batch): [string, number] => [new AVLTree().pop().key.toFixed(), b.smith]
export const hook = (h: Hook): URL => new AVLTree().find(h.name).toUpperCase()
export const finished: boolean = new AVLTree({ gauge: 5 }).clear().size
"""


def app(tmp: Path) -> Path:
    root = tmp / "hookboard"
    for d in ("app", COPY, "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "hookboard", "version": "0.9.1", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": r313.ESLINT_CONFIG, "app/hooks.js": APP_JS,
             "test/hookboard.test.mjs": TEST_JS.replace("__BOARDS__", "400"),
             # the package's ESM build and its own package.json
             f"{COPY}/index.mjs": (PKG / "dist" / "index.mjs").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-board-200-249-hookboard", "npx vitest run -t 'board 2[0-4][0-9] ' 2>&1", root, n_vitest,
        timeout=900)
    cap("vitest-run-hookboard-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-hookboard-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-hookboard", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "hookboard"
    cap("eslint-color-app-lib-hookboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/hookboard.ts": APP_TS})
    cap("tsc-checkjs-avl-hookboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/avl/index.mjs "
        "app/hooks.js ts/hookboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": r313.TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-hookboard", "chain-lint", "lint",
          [Part("cd hookboard", None), Part("npx eslint app/hooks.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-avl-json", "npm view avl@2.0.0 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
