"""Round 641, JavaScript / TypeScript: a real npm package new to the corpus (accounting 0.4.1: number, money and column
formatting, toFixed that rounds like a ledger clerk, unformat; one file, `accounting.js`, no dependencies) copied into a
small app (`tincart`, a whitesmith's order board: what each tinsmith's orders come to and how they print on a price
slip) as `lib/accounting/accounting.cjs` with a few bugs put in; the app's own vitest suite over the copy (a table of
made-up orders, benches and currencies, `vitest run`: failures among many passes); eslint over the app and its copy;
tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package.
One eslint run has colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the
steps' layout is capture_wide639_js's, its package-specific parts rewritten. Run through capture_wide641.py."""

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
from capture_wide641 import JS, cap

NM = JS / "node_modules"
SC = NM / "accounting" / "accounting.js"
COPY = "lib/accounting/accounting.cjs"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# toFixed rounds down instead of to the nearest; a number of four digits gets no thousands separator; a bracketed
# amount is no longer read as a negative one.
BUGS = [(COPY, "return (Math.round(lib.unformat(value) * power) / power).toFixed(precision);",
         "return (Math.floor(lib.unformat(value) * power) / power).toFixed(precision);"),
        (COPY, "mod = base.length > 3 ? base.length % 3 : 0;", "mod = base.length > 4 ? base.length % 3 : 0;"),
        (COPY, '.replace(/\\((.*)\\)/, "-$1")', '.replace(/\\((.*)\\)/, "$1")')]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(64116)
FIRST = ["Obadiah", "Mercy", "Silas", "Keziah", "Jethro", "Tabitha", "Ezra", "Dorcas", "Phineas", "Zillah", "Asa",
         "Bathsheba", "Enoch", "Huldah", "Micah", "Rhoda"]
BENCHES = ["Cutting Shop", "Folding Bench", "Tinning Vat", "Solder Pot", "Seaming Bench", "Rivet Board", "Flux Jar",
           "Plate Store", "Packing Room", "Carrier's Yard"]
ORDERS = sorted({f"{_R.choice(FIRST)} of {_R.choice(BENCHES)}" for _ in range(80)})[:40]
BOARD = [{"order": o, "cents": _R.randint(101, 2500000), "symbol": _R.choice(["£", "€", "$"]),
          "wares": _R.randint(6, 900)} for o in ORDERS]

TEST_JS = """import { describe, test, expect } from "vitest";
import { createRequire } from "node:module";

const accounting = createRequire(import.meta.url)("../lib/accounting/accounting.cjs");

// the price slip, worked out here by hand: what the tin shop's ledger clerk writes
function slip(cents) {
  const neg = cents < 0 ? "-" : "";
  const c = Math.abs(cents);
  const whole = String(Math.floor(c / 100)).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ",");
  return neg + whole + "." + String(c %% 100).padStart(2, "0");
}

// the tin shop's orders, what each comes to in cents
const BOARD = %s;

describe("tincart order board", () => {
  for (const o of BOARD) {
    describe(o.order + " (" + o.wares + " wares)", () => {
      for (const extra of [0, 7, 1000]) {
        const cents = o.cents + extra;
        test("+" + extra + ": the slip prints the amount", () => {
          expect(accounting.formatNumber(cents / 100, 2)).toBe(slip(cents));
        });
        test("+" + extra + ": the money column carries the symbol", () => {
          expect(accounting.formatMoney(cents / 100, o.symbol)).toBe(o.symbol + slip(cents));
        });
        test("+" + extra + ": a third of the bill rounds to the nearest cent", () => {
          expect(accounting.toFixed(cents / 300, 2)).toBe((Math.round(cents / 3) / 100).toFixed(2));
        });
        test("+" + extra + ": a credit note in brackets reads back negative", () => {
          expect(accounting.unformat("(" + slip(cents) + ")")).toBe(-cents / 100);
        });
        test("+" + extra + ": the slip reads back", () => {
          expect(accounting.unformat(o.symbol + slip(cents))).toBe(cents / 100);
        });
      }
    });
  }
  test("prints one bill the same twice", () => {
    expect(accounting.formatMoney(641.16)).toEqual(accounting.formatMoney(641.16));
  });
});
"""

APP_JS = """import accounting from "../lib/accounting/accounting.cjs";

const benches = { "cutting": [1250, "£"], "folding": 7, "tinning": ["Flux"], "solder": "../orders", "cutting": "x" };
export function billFor(bench, wares) {
  var price = benches[bench];
  for (var b in benches) {
    if (wares == undefined) wares = b;
  }
  const unused = benches.length * 2;
  if (accounting.formatMoney(price[0] * wares, price[1]) == null) return "no bill for " + bench;
  else return bench + " bills " + wares;
}
export const board = async function (rows) {
  const { length } = rows.filter((r) => accounting.unformat(r.amount) == r.units);
  return length + " orders billed";
};
export function column(bills, symbol, log) {
  let n = 0;
  bills.forEach(function (b) { if (accounting.formatColumn(b, symbol).length != false) n++; });
  while (n = bills.length) { n--; }
  if (n) {}
  return n ? bills : null;
}
"""

APP_TS = """import accounting from '../lib/accounting/accounting.cjs'

interface Order { bench: string; wares: number; price?: { amount: number; symbol: string }; due?: Date }
interface Board { name: string; orders: Order[] }

export function bills(boards: Board[]): string[] {
  return boards.map((b) => accounting.formatMoney(b.orders) + 1)
}

export const due = (o: Order): number => accounting.unformat(o.price.amount, o.due).length
export const unit = (o: Order): string => accounting.toFixed(o.price.amount, o.price.symbol)
export const when = (o: Order) => o.due.toUTCString()
export const wares = (o: Order): number => o.bench.length.toFixed()
export const total: string = accounting.settings.currency.precision * 'orders'
export const both = (b: Board): [string, number] => [accounting.formatNumber(b), accounting.normalise(b.name)]
export const split = (o: Order): URL => accounting.formatColumn(o.wares).toLowerCase()
export const rounded: boolean = accounting.toFixed(5, 'two').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "tincart"
    for d in ("app", "lib/accounting", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "tincart", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/orders.js": APP_JS,
                      "test/tincart.test.mjs": TEST_JS % json.dumps(BOARD, indent=2, ensure_ascii=False),
                      COPY: SC.read_text()})
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-tincart", "npx vitest run 2>&1", root, n_vitest, timeout=900)
    # the whole run prints about 177 KB here (over the round's bound): its last lines as well
    cap("vitest-run-tincart-tail-1300", "npx vitest run 2>&1 | tail -n 1300", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-tincart-tail-500", "npx vitest run --reporter=verbose 2>&1 | tail -n 500", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "tincart"
    cap("eslint-color-app-lib-tincart-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/tincart.ts": APP_TS})
    cap("tsc-checkjs-accounting-tincart-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/accounting/*.cjs "
        "app/orders.js ts/tincart.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-tincart", "chain-lint", "lint",
          [Part("cd tincart", None), Part("npx eslint app/orders.js lib 2>&1 | head -n 700", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-accounting-json", "npm view accounting@0.4.1 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
