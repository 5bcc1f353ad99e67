"""Round 687, JavaScript / TypeScript: a real npm package new to the corpus (damerau-levenshtein 1.0.8: the restricted
Damerau-Levenshtein steps between two strings with their relative distance and similarity, one CommonJS `index.js`,
no dependencies) copied into a small app (`drawboard`, a brushmaker's board that matches each copied brush ticket to
the stock cards) as `lib/damerau-levenshtein/` (its `index.js` and `package.json`) with a few bugs put in; the app's
own vitest suite over the copy (word pairs drawn by a seeded generator, the expected steps worked out by the test
apart from the package: failures among many passes); eslint over the app and its copy; tsc --noEmit with checkJs over
the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has colour
forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round
9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the steps' layout is
capture_wide679_js's, its package-specific parts written for this package. Run through capture_wide687.py."""

from __future__ import annotations

import json
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide687 import JS, cap

NM = JS / "node_modules"
PKG = NM / "damerau-levenshtein"
COPY = "lib/damerau-levenshtein"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# A changed letter costs two steps; the relative distance divides by one more than the longer length; a swap is
# seen where the letter before does not match.
BUGS = [(f"{COPY}/index.js", "cost = (this_i === that_j) ? 0 : 1;", "cost = (this_i === that_j) ? 0 : 2;"),
        (f"{COPY}/index.js", ": (steps / length);", ": (steps / (length + 1));"),
        (f"{COPY}/index.js", "__this[i-2] === that_j", "__this[i-1] === that_j")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

TEST_JS = """import { describe, test, expect } from "vitest";
import damlev from "../lib/damerau-levenshtein/index.js";

// a seeded generator (mulberry32) so the board is the same on every run
function rng(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(68716);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

// the steps, worked out here as the brushmaker's clerk counts a copied ticket's edits (adjacent swaps count one)
function steps(a, b) {
  const d = [];
  for (let i = 0; i <= a.length; i++) { d.push([i]); for (let j = 1; j <= b.length; j++) d[i].push(i ? 0 : j); }
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const c = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + c);
    }
  }
  return d[a.length][b.length];
}

const STOCKS = "hearth scrub sash flue dandy hat tooth stencil hog knot tuft pitch bass".split(" ");
function copied(word) {
  const w = word.split("");
  const n = Math.floor(rand() * 3);
  for (let k = 0; k < n; k++) {
    const op = pick(["drop", "add", "swap", "change"]);
    const at = Math.floor(rand() * w.length);
    if (op === "drop" && w.length > 1) w.splice(at, 1);
    else if (op === "add") w.splice(at, 0, pick("aeioursnt".split("")));
    else if (op === "swap" && at + 1 < w.length) [w[at], w[at + 1]] = [w[at + 1], w[at]];
    else w[at] = pick("aeioursnt".split(""));
  }
  return w.join("");
}

// the tickets: each brush ticket as copied out, and the stock card it was copied from
const TICKETS = [];
for (let n = 1; n <= __TICKETS__; n++) {
  const card = pick(STOCKS);
  TICKETS.push({ ticket: "ticket " + n, card, copy: copied(card) });
}

describe("drawboard tickets", () => {
  for (const t of TICKETS) {
    describe(t.ticket + " (" + t.copy + ")", () => {
      test("counts the steps from copy to card", () => {
        expect(damlev(t.copy, t.card).steps).toBe(steps(t.copy, t.card));
      });
      test("weighs the copy against the card", () => {
        const n = Math.max(t.copy.length, t.card.length);
        expect(damlev(t.copy, t.card).relative).toBeCloseTo(steps(t.copy, t.card) / n, 6);
      });
      test("counts the same steps from card to copy", () => {
        expect(damlev(t.card, t.copy).steps).toBe(steps(t.card, t.copy));
      });
    });
  }
  test("the board holds the tickets", () => {
    expect(TICKETS.length).toBeGreaterThan(100);
  });
});
"""

APP_JS = """import damlev from "../lib/damerau-levenshtein/index.js";

const stocks = { "hearth": ["hearth", 12], "sash": 4, "flue": ["flue"], "tooth": "../stocks", "hearth": "x" };
export function ticketFor(stock, copy) {
  var row = stocks[stock];
  for (var s in stocks) {
    if (copy == undefined) copy = s;
  }
  const unused = stocks.length * 2;
  if (damlev(row[0], copy) == null) return "no card for " + stock;
  else return stock + " is " + damlev(copy, row[0]).steps + " steps from its card";
}
export const ledger = async function (rows) {
  const { length } = rows.filter((r) => damlev(r.copy, r.card).similarity == 1);
  return length + " tickets matched";
};
export function column(copies, sep, log) {
  let n = 0;
  copies.forEach(function (c) { if (damlev(c, sep).steps.length != false) n++; });
  while (n = copies.length) { n--; }
  if (n) {}
  return n ? copies : null;
}
"""

APP_TS = """import damlev from '../lib/damerau-levenshtein/index.js'

interface Ticket { name: string; knots: number; copy?: { text: string; bench: number }; drawn?: Date }
interface Stock { drawer: string; tickets: Ticket[] }

export function tickets(stocks: Stock[]): string[] {
  return stocks.map((s) => damlev(s.tickets, s.drawer).steps + 1)
}

export const steps = (t: Ticket): number => damlev(t.copy.text, t.drawn).steps.length
export const bench = (t: Ticket): string => damlev(t.copy.bench, { limit: 'two' }).relative
export const when = (t: Ticket) => t.drawn.toUTCString()
export const letters = (t: Ticket): number => t.name.length.toFixed()
export const total: string = damlev('hearth', 'heart').steps * 'knots'
export const both = (s: Stock): [string, number] => [damlev(s).similarity, damlev(s.drawer)]
export const card = (t: Ticket): URL => damlev(t.name, 'sash').relative.toUpperCase()
export const drawn: boolean = damlev({ knots: 5 }, 'x').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "drawboard"
    for d in ("app", COPY, "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "drawboard", "version": "1.0.8", "type": "module",
                                         "scripts": {"test": "vitest run"}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG, "app/tickets.js": APP_JS,
             "test/drawboard.test.mjs": TEST_JS.replace("__TICKETS__", "400"),
             # the package's CommonJS source and its own package.json (no "type": the copy stays CommonJS)
             f"{COPY}/index.js": (PKG / "index.js").read_text(),
             f"{COPY}/package.json": (PKG / "package.json").read_text()}
    write_tree(root, files)
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-t-ticket-3-drawboard", "npx vitest run -t 'ticket 3' 2>&1", root, n_vitest, timeout=900)
    cap("vitest-run-drawboard-tail-1200", "npx vitest run 2>&1 | tail -n 1200", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-drawboard-tail-520", "npx vitest run --reporter=verbose 2>&1 | tail -n 520", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit-drawboard", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 320", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "drawboard"
    cap("eslint-color-app-lib-drawboard-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/drawboard.ts": APP_TS})
    cap("tsc-checkjs-damlev-drawboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/damerau-levenshtein/index.js "
        "app/tickets.js ts/drawboard.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-drawboard", "chain-lint", "lint",
          [Part("cd drawboard", None), Part("npx eslint app/tickets.js lib 2>&1 | head -n 450", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 380", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-damerau-levenshtein-json", "npm view damerau-levenshtein@1.0.8 --json", root, n_npm_view,
        timeout=300)


STEPS = [js_tests, js_lint]
