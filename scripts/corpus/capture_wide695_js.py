"""Round 695, JavaScript / TypeScript: a real npm package new to the corpus (javascript-natural-sort 0.7.1: a compare
function that orders strings with numbers, hex codes and dates in them as a person would, one CommonJS
`naturalSort.js`, no dependencies) copied into a small app (`pearlboard`, a button maker's board that puts the button
cards in order) as `lib/javascript-natural-sort/` (its `naturalSort.js` and `package.json`) with a few bugs put in;
the app's own vitest suite over the copy (card labels drawn by a seeded generator, the expected order worked out by the
test apart from the package: failures among many passes); eslint over the app and its copy; tsc --noEmit with checkJs
over the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has colour
forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round
9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the steps' layout is
capture_wide687_js's, its package-specific parts written for this package. Run through capture_wide695.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide695 import JS, cap

NM = JS / "node_modules"
PKG = NM / "javascript-natural-sort"
COPY = "lib/javascript-natural-sort"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# Numbers with a leading zero are read as numbers too; a number sorts after a word instead of before it; the
# case-insensitive switch lowers nothing.
BUGS = [(f"{COPY}/naturalSort.js", "oFxNcL = !(xN[cLoc] || '').match(ore) && parseFloat(xN[cLoc])",
         "oFxNcL = parseFloat(xN[cLoc])"),
        (f"{COPY}/naturalSort.js", "return (isNaN(oFxNcL)) ? 1 : -1;", "return (isNaN(oFxNcL)) ? -1 : 1;"),
        (f"{COPY}/naturalSort.js", "('' + s).toLowerCase()", "('' + s)")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

TEST_JS = """import { describe, test, expect } from "vitest";
import naturalSort from "../lib/javascript-natural-sort/naturalSort.js";

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(69516);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const num = (n) => Math.floor(rand() * n);

// the order, worked out here as the button maker's clerk files the cards: split into words and whole numbers,
// numbers before words, numbers by value, words by their letters (upper case before lower)
function parts(s) { return s.match(/\\d+|\\D+/g) || []; }
function clerk(a, b) {
  const x = parts(a), y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i], q = y[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    const pn = /^\\d+$/.test(p), qn = /^\\d+$/.test(q);
    if (pn && qn) { if (+p !== +q) return +p < +q ? -1 : 1; if (p !== q) return p < q ? -1 : 1; continue; }
    if (pn !== qn) return pn ? -1 : 1;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

const KINDS = "horn bone pearl jet brass linen dorset toggle shirt coat glove".split(" ");
function label() {
  const k = pick(KINDS);
  const shape = num(5);
  if (shape === 0) return k + " " + num(40);
  if (shape === 1) return k + " card " + num(12) + "-" + num(30);
  if (shape === 2) return k.toUpperCase().slice(0, 1) + k.slice(1) + num(200);
  if (shape === 3) return num(3) + num(10) + " " + k;
  return "card " + (num(2) ? "0" : "") + num(99) + " " + k;
}

// the boards: each a handful of button cards, to be put in order
const BOARDS = [];
for (let n = 1; n <= __BOARDS__; n++) {
  const cards = [];
  for (let k = 2 + num(4); k > 0; k--) cards.push(label());
  BOARDS.push({ board: "board " + n, cards });
}

describe("pearlboard cards", () => {
  for (const b of BOARDS) {
    describe(b.board + " (" + b.cards.join(", ") + ")", () => {
      test("puts the cards in order", () => {
        expect([...b.cards].sort(naturalSort)).toEqual([...b.cards].sort(clerk));
      });
      test("compares the first two cards", () => {
        expect(Math.sign(naturalSort(b.cards[0], b.cards[1]))).toBe(Math.sign(clerk(b.cards[0], b.cards[1])));
      });
      test("puts the cards in order backwards", () => {
        expect([...b.cards].sort((p, q) => naturalSort(q, p))).toEqual([...b.cards].sort((p, q) => clerk(q, p)));
      });
    });
  }
  test("the board holds the cards", () => {
    expect(BOARDS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import naturalSort from "../lib/javascript-natural-sort/naturalSort.js";

const cards = { "horn": ["horn 12", 12], "jet": 4, "pearl": ["pearl"], "bone": "../cards", "horn": "x" };
export function cardFor(kind, label) {
  var row = cards[kind];
  for (var s in cards) {
    if (label == undefined) label = s;
  }
  const unused = cards.length * 2;
  if (naturalSort(row[0], label) == null) return "no card for " + kind;
  else return kind + " sorts " + naturalSort(label, row[0]) + " from its card";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => naturalSort(r.label, r.card) == 0);
  return length + " cards matched";
};
export function column(labels, sep, log) {
  let n = 0;
  labels.forEach(function (c) { if (naturalSort(c, sep).length != false) n++; });
  while (n = labels.length) { n--; }
  if (n) {}
  return n ? labels : null;
}
"""

APP_TS = """import naturalSort from '../lib/javascript-natural-sort/naturalSort.js'

interface Card { name: string; blanks: number; shank?: { size: string; holes: number }; sewn?: Date }
interface Board { carder: string; cards: Card[] }

export function cards(boards: Board[]): string[] {
  return boards.map((b) => naturalSort(b.cards, b.carder) + 1)
}

export const order = (c: Card): number => naturalSort(c.shank.size, c.sewn).length
export const holes = (c: Card): string => naturalSort(c.shank.holes, { insensitive: 'yes' })
export const when = (c: Card) => c.sewn.toUTCString()
export const letters = (c: Card): number => c.name.length.toFixed()
export const total: string = naturalSort('horn 2', 'horn 10') * 'blanks'
export const both = (b: Board): [string, number] => [naturalSort(b).toFixed(), naturalSort(b.carder)]
export const card = (c: Card): URL => naturalSort(c.name, 'jet').toUpperCase()
export const sewn: boolean = naturalSort({ blanks: 5 }, 'x').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "pearlboard"
    for d in ("app", COPY, "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "pearlboard", "version": "0.7.1", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG, "app/cards.js": APP_JS,
             "test/pearlboard.test.mjs": TEST_JS.replace("__BOARDS__", "400"),
             # the package's CommonJS source and its own package.json (no "type": the copy stays CommonJS)
             f"{COPY}/naturalSort.js": (PKG / "naturalSort.js").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    # 'board 3' (boards 3, 30-39 and 300-399) printed 139,765 characters in the first run, over the bound: boards
    # 300-349 only
    cap("vitest-run-t-board-300-349-pearlboard", "npx vitest run -t 'board 3[0-4][0-9] ' 2>&1", root, n_vitest,
        timeout=900)
    cap("vitest-run-pearlboard-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-pearlboard-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-pearlboard", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "pearlboard"
    cap("eslint-color-app-lib-pearlboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/pearlboard.ts": APP_TS})
    cap("tsc-checkjs-natsort-pearlboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/javascript-natural-sort/naturalSort.js "
        "app/cards.js ts/pearlboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-pearlboard", "chain-lint", "lint",
          [Part("cd pearlboard", None), Part("npx eslint app/cards.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-javascript-natural-sort-json", "npm view javascript-natural-sort@0.7.1 --json", root, n_npm_view,
        timeout=300)


STEPS = [js_tests, js_lint]
