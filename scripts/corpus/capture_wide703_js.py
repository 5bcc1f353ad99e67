"""Round 703, JavaScript / TypeScript: a real npm package new to the corpus (string-natural-compare 3.0.1: a compare
function that orders strings with numbers in them as a person would, one CommonJS `natural-compare.js`, no
dependencies) copied into a small app (`starchboard`, a starch maker's board that puts the batch labels in order) as
`lib/string-natural-compare/` (its `natural-compare.js` and `package.json`) with a few bugs put in; the app's own
vitest suite over the copy (batch labels drawn by a seeded generator, the expected order worked out by the test apart
from the package: failures among many passes); eslint over the app and its copy; tsc --noEmit with checkJs over the
copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has colour forced
on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The
eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the steps' layout is
capture_wide695_js's, its package-specific parts written for this package. Run through capture_wide703.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide703 import JS, cap

NM = JS / "node_modules"
PKG = NM / "string-natural-compare"
COPY = "lib/string-natural-compare"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# Numbers are compared by where they end instead of by their length; a longer string sorts before its own prefix;
# the case-insensitive switch raises the second string instead of lowering it.
BUGS = [(f"{COPY}/natural-compare.js", "let difference = numEndA - numStartA - numEndB + numStartB;",
         "let difference = numEndA - numEndB;"),
        (f"{COPY}/natural-compare.js", "if (indexA < lengthA) { // `b` is a substring of `a`\n    return 1;",
         "if (indexA < lengthA) { // `b` is a substring of `a`\n    return -1;"),
        (f"{COPY}/natural-compare.js", "b = b.toLowerCase();", "b = b.toUpperCase();")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

TEST_JS = """import { describe, test, expect } from "vitest";
import naturalCompare from "../lib/string-natural-compare/natural-compare.js";

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(70316);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const num = (n) => Math.floor(rand() * n);

// the order, worked out here as the starch maker's clerk files the labels: runs of digits by their value (leading
// zeros aside), any other character by its code, a label before a longer one it begins, then fewer leading zeros first
function parts(s) { return s.match(/\\d+|\\D/g) || []; }
function clerk(a, b, lower) {
  if (lower) { a = a.toLowerCase(); b = b.toLowerCase(); }
  const x = parts(a), y = parts(b);
  let zeros = 0;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i], q = y[i];
    const pn = /^\\d/.test(p), qn = /^\\d/.test(q);
    if (pn && qn) {
      const ps = p.replace(/^0+(?=.)/, ""), qs = q.replace(/^0+(?=.)/, "");
      if (ps.length !== qs.length) return ps.length - qs.length;
      if (ps !== qs) return ps < qs ? -1 : 1;
      if (zeros === 0 && p.length - ps.length !== q.length - qs.length) zeros = (p.length - ps.length) - (q.length - qs.length);
      continue;
    }
    if (p !== q) return p.charCodeAt(0) - q.charCodeAt(0);
  }
  if (x.length !== y.length) return x.length - y.length;
  return zeros;
}

const KINDS = "wheat rice potato maize blueing lye vat stove cakes crate".split(" ");
function label() {
  const k = pick(KINDS);
  const shape = num(5);
  if (shape === 0) return k + " " + num(40);
  if (shape === 1) return k + " vat " + num(12) + "-" + num(30);
  if (shape === 2) return k.toUpperCase().slice(0, 1) + k.slice(1) + num(200);
  if (shape === 3) return num(3) + "" + num(10) + " " + k;
  return "batch " + (num(2) ? "0" : "") + num(99) + " " + k;
}

// the boards: each a handful of batch labels, to be put in order
const BOARDS = [];
for (let n = 1; n <= __BOARDS__; n++) {
  const labels = [];
  for (let k = 2 + num(4); k > 0; k--) labels.push(label());
  BOARDS.push({ board: "board " + n, labels });
}

describe("starchboard labels", () => {
  for (const b of BOARDS) {
    describe(b.board + " (" + b.labels.join(", ") + ")", () => {
      test("puts the labels in order", () => {
        expect([...b.labels].sort(naturalCompare)).toEqual([...b.labels].sort((p, q) => clerk(p, q)));
      });
      test("compares the first two labels", () => {
        expect(Math.sign(naturalCompare(b.labels[0], b.labels[1]))).toBe(Math.sign(clerk(b.labels[0], b.labels[1])));
      });
      test("puts the labels in order, case aside", () => {
        const opts = { caseInsensitive: true };
        expect(Math.sign(naturalCompare(b.labels[1], b.labels[0], opts)))
          .toBe(Math.sign(clerk(b.labels[1], b.labels[0], true)));
      });
    });
  }
  test("the board holds the labels", () => {
    expect(BOARDS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import naturalCompare from "../lib/string-natural-compare/natural-compare.js";

const vats = { "wheat": ["wheat 12", 12], "rice": 4, "potato": ["potato"], "maize": "../vats", "wheat": "x" };
export function vatFor(kind, label) {
  var row = vats[kind];
  for (var s in vats) {
    if (label == undefined) label = s;
  }
  const unused = vats.length * 2;
  if (naturalCompare(row[0], label) == null) return "no vat for " + kind;
  else return kind + " sorts " + naturalCompare(label, row[0]) + " from its vat";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => naturalCompare(r.label, r.vat) == 0);
  return length + " vats matched";
};
export function column(labels, sep, log) {
  let n = 0;
  labels.forEach(function (c) { if (naturalCompare(c, sep).length != false) n++; });
  while (n = labels.length) { n--; }
  if (n) {}
  return n ? labels : null;
}
"""

APP_TS = """import naturalCompare from '../lib/string-natural-compare/natural-compare.js'

interface Batch { name: string; cakes: number; vat?: { size: string; days: number }; dried?: Date }
interface Board { steeper: string; batches: Batch[] }

export function batches(boards: Board[]): string[] {
  return boards.map((b) => naturalCompare(b.batches, b.steeper) + 1)
}

export const order = (c: Batch): number => naturalCompare(c.vat.size, c.dried).length
export const days = (c: Batch): string => naturalCompare(c.vat.days, 'x', { caseInsensitive: 'yes' })
export const when = (c: Batch) => c.dried.toUTCString()
export const letters = (c: Batch): number => c.name.length.toFixed()
export const total: string = naturalCompare('wheat 2', 'wheat 10') * 'cakes'
export const both = (b: Board): [string, number] => [naturalCompare(b).toFixed(), naturalCompare(b.steeper)]
export const batch = (c: Batch): URL => naturalCompare(c.name, 'rice').toUpperCase()
export const dried: boolean = naturalCompare({ cakes: 5 }, 'x').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "starchboard"
    for d in ("app", COPY, "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "starchboard", "version": "3.0.1", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG, "app/vats.js": APP_JS,
             "test/starchboard.test.mjs": TEST_JS.replace("__BOARDS__", "400"),
             # the package's CommonJS source and its own package.json (no "type": the copy stays CommonJS)
             f"{COPY}/natural-compare.js": (PKG / "natural-compare.js").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-board-300-349-starchboard", "npx vitest run -t 'board 3[0-4][0-9] ' 2>&1", root, n_vitest,
        timeout=900)
    cap("vitest-run-starchboard-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-starchboard-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-starchboard", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "starchboard"
    cap("eslint-color-app-lib-starchboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/starchboard.ts": APP_TS})
    cap("tsc-checkjs-natcompare-starchboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/string-natural-compare/natural-compare.js "
        "app/vats.js ts/starchboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-starchboard", "chain-lint", "lint",
          [Part("cd starchboard", None), Part("npx eslint app/vats.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-string-natural-compare-json", "npm view string-natural-compare@3.0.1 --json", root, n_npm_view,
        timeout=300)


STEPS = [js_tests, js_lint]
