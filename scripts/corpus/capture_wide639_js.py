"""Round 639, JavaScript / TypeScript: a real npm package new to the corpus (dinero.js 1.9.1: immutable money objects,
amounts in minor units, arithmetic, allocation, rounding modes and formatting, its CommonJS build
`build/cjs/dinero.js`, one file, no dependencies) copied into a small app (`brushcart`, a brush maker's order board:
what each brush drawer's orders come to and how a bill is split) as `lib/dinero/dinero.cjs` with a few bugs put in; the
app's own vitest suite over the copy (a table of made-up orders, benches and currencies, `vitest run`: failures among
many passes); eslint over the app and its copy; tsc --noEmit with checkJs over the copied JavaScript and an app that
uses it wrongly; npm view --json of the package. One eslint run has colour forced on (--color). Each kind's extractor is
the earlier rounds', imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are round
313's (capture_wide313_js), imported; the steps' layout is capture_wide629_js's, its package-specific parts rewritten.
Run through capture_wide639.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide639 import JS, cap

NM = JS / "node_modules"
SC = NM / "dinero.js" / "build" / "cjs" / "dinero.js"
COPY = "lib/dinero/dinero.cjs"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# half-to-even rounding (the default) rounds a half to the odd neighbour; allocate rounds each share to the nearest
# unit instead of down, so the shares can come to more than the bill; lessThan is true for equal amounts.
BUGS = [(COPY, "isEven(rounded) ? rounded : rounded - 1", "isEven(rounded) ? rounded - 1 : rounded"),
        (COPY, "var share = Math.floor(", "var share = Math.round("),
        (COPY, "return comparators[0].getAmount() < comparators[1].getAmount();",
         "return comparators[0].getAmount() <= comparators[1].getAmount();")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(63916)
FIRST = ["Hepzibah", "Amos", "Lettice", "Jabez", "Keturah", "Ephraim", "Thirza", "Reuben", "Damaris", "Gideon",
         "Tryphena", "Caleb", "Sabina", "Hezekiah", "Lydia", "Abner"]
BENCHES = ["Drawing Bench", "Boring Shop", "Pan Room", "Bristle Loft", "Dressing Table", "Hackle Board", "Pitch Pot",
           "Stock Yard", "Packing Room", "Carrier's Yard"]
ORDERS = sorted({f"{_R.choice(FIRST)} of {_R.choice(BENCHES)}" for _ in range(80)})[:40]
BOARD = [{"order": o, "amount": _R.randint(101, 250000), "currency": _R.choice(["GBP", "EUR", "USD"]),
          "split": [_R.randint(0, 5) or 1 for _ in range(_R.randint(2, 5))], "brushes": _R.randint(6, 900)}
         for o in ORDERS]

TEST_JS = """import { describe, test, expect } from "vitest";
import { createRequire } from "node:module";

const Dinero = createRequire(import.meta.url)("../lib/dinero/dinero.cjs");

// half to even, worked out here by hand: what the brush works' ledger clerk does
function halfEven(x) {
  const f = Math.floor(x);
  const d = x - f;
  if (Math.abs(d - 0.5) > 1e-9) return Math.round(x);
  return f %% 2 === 0 ? f : f + 1;
}

// the brush works' orders, what each comes to in minor units and how its bill is split
const BOARD = %s;

describe("brushcart order board", () => {
  for (const o of BOARD) {
    describe(o.order + " (" + o.brushes + " brushes, " + o.currency + ")", () => {
      for (const extra of [0, 1, 50]) {
        const amount = o.amount + extra;
        const bill = Dinero({ amount, currency: o.currency });
        test("+" + extra + ": shares of " + o.split.join(":") + " come to the bill", () => {
          const shares = bill.allocate(o.split);
          expect(shares.reduce((a, s) => a + s.getAmount(), 0)).toBe(amount);
        });
        test("+" + extra + ": a bill is not less than itself", () => {
          expect(bill.lessThan(Dinero({ amount, currency: o.currency }))).toBe(false);
          expect(bill.lessThan(bill.add(Dinero({ amount: 1, currency: o.currency })))).toBe(true);
        });
        test("+" + extra + ": half the bill rounds half to even", () => {
          expect(bill.multiply(0.5).getAmount()).toBe(halfEven(amount / 2));
        });
        test("+" + extra + ": 15 %% duty rounds half to even", () => {
          expect(bill.percentage(15).getAmount()).toBe(halfEven((amount * 15) / 100));
        });
        test("+" + extra + ": units and back", () => {
          expect(Math.round(bill.toUnit() * 100)).toBe(amount);
          expect(bill.subtract(bill).isZero()).toBe(true);
        });
      }
    });
  }
  test("gives one bill the same amount twice", () => {
    expect(Dinero({ amount: 63916 }).getAmount()).toEqual(Dinero({ amount: 63916 }).getAmount());
  });
});
"""

APP_JS = """import Dinero from "../lib/dinero/dinero.cjs";

const benches = { "drawing": [1250, "GBP"], "boring": 7, "pan": ["Pitch"], "loft": "../orders", "drawing": "x" };
export function billFor(bench, brushes) {
  var price = benches[bench];
  for (var b in benches) {
    if (brushes == undefined) brushes = b;
  }
  const unused = benches.length * 2;
  if (Dinero({ amount: price[0] * brushes, currency: price[1] }).isZero() == null) return "no bill for " + bench;
  else return bench + " bills " + brushes;
}
export const board = async function (rows) {
  const { length } = rows.filter((r) => Dinero({ amount: r.amount }).toUnit() == r.units);
  return length + " orders billed";
};
export function shares(bills, ratios, log) {
  let n = 0;
  bills.forEach(function (b) { if (Dinero({ amount: b }).allocate(ratios).length != false) n++; });
  while (n = bills.length) { n--; }
  if (n) {}
  return n ? bills : null;
}
"""

APP_TS = """import Dinero from '../lib/dinero/dinero.cjs'

interface Order { bench: string; brushes: number; price?: { amount: number; currency: string }; due?: Date }
interface Board { name: string; orders: Order[] }

export function bills(boards: Board[]): string[] {
  return boards.map((b) => Dinero({ amount: b.orders }).toFormat(2) + 1)
}

export const due = (o: Order): number => Dinero({ amount: o.price.amount, currency: o.due }).getAmount
export const unit = (o: Order): string => Dinero(o.price.amount, o.price.currency).toUnit()
export const when = (o: Order) => o.due.toUTCString()
export const brushes = (o: Order): number => o.bench.length.toFixed()
export const total: string = Dinero.defaultAmount * 'orders'
export const both = (b: Board): [string, number] => [Dinero(b).toFormat(), Dinero.normalise(b.name)]
export const split = (o: Order): URL => Dinero({ amount: o.brushes }).allocate(3).toLowerCase()
export const rounded: boolean = Dinero({ amount: 5 }).toRoundedUnit('two', 'HALF').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "brushcart"
    for d in ("app", "lib/dinero", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "brushcart", "version": "0.3.9", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/orders.js": APP_JS,
                      "test/brushcart.test.mjs": TEST_JS % json.dumps(BOARD, indent=2),
                      COPY: SC.read_text()})
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-brushcart", "npx vitest run 2>&1", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-brushcart-tail-500", "npx vitest run --reporter=verbose 2>&1 | tail -n 500", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "brushcart"
    cap("eslint-color-app-lib-brushcart-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/brushcart.ts": APP_TS})
    cap("tsc-checkjs-dinero-brushcart-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/dinero/*.cjs "
        "app/orders.js ts/brushcart.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-brushcart", "chain-lint", "lint",
          [Part("cd brushcart", None), Part("npx eslint app/orders.js lib 2>&1 | head -n 700", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-dinero-json", "npm view dinero.js@1.9.1 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
