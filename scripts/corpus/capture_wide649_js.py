"""Round 649, JavaScript / TypeScript: a real npm package new to the corpus (decimal.js-light 2.5.1: arbitrary-precision
decimal arithmetic, the light build of decimal.js; one file, `decimal.js`, no dependencies) copied into a small app
(`pencilcart`, a pencil maker's order board: what each maker's orders come to and how they print on a box slip) as
`lib/decimal/decimal.cjs` with a few bugs put in; the app's own vitest suite over the copy (a table of made-up orders,
benches and grosses, `vitest run`: failures among many passes); eslint over the app and its copy; tsc --noEmit with
checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package. One eslint run has
colour forced on (--color). Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported; the steps' layout is
capture_wide641_js's, its package-specific parts rewritten. Run through capture_wide649.py."""

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
from capture_wide649 import JS, cap

NM = JS / "node_modules"
SC = NM / "decimal.js-light" / "decimal.js"
COPY = "lib/decimal/decimal.cjs"

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once.
# The default rounding mode is ROUND_DOWN instead of ROUND_HALF_UP; toFixed drops the minus sign of a negative number
# (and puts one on a negative zero).
BUGS = [(COPY, "      rounding: 4,                           // 0 to 8",
         "      rounding: 1,                           // 0 to 8"),
        (COPY, "return x.isneg() && !x.isZero() ? '-' + str : str;",
         "return x.isneg() && x.isZero() ? '-' + str : str;")]
ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

_R = random.Random(64916)
FIRST = ["Abel", "Prudence", "Gideon", "Tamsin", "Ambrose", "Lettice", "Caleb", "Damaris", "Ephraim", "Jemima", "Hosea",
         "Kezia", "Lemuel", "Mahala", "Nahum", "Orpah"]
BENCHES = ["Saw Shop", "Grooving Bench", "Glue Press", "Lacquer Vat", "Drying Loft", "Kiln", "Ferrule Press",
           "Lead Mill", "Packing Room", "Carrier's Yard"]
ORDERS = sorted({f"{_R.choice(FIRST)} of {_R.choice(BENCHES)}" for _ in range(80)})[:40]
BOARD = [{"order": o, "cents": _R.randint(101, 2500000), "gross": _R.randint(2, 900)} for o in ORDERS]

TEST_JS = """import { describe, test, expect } from "vitest";
import { createRequire } from "node:module";

const Decimal = createRequire(import.meta.url)("../lib/decimal/decimal.cjs");

// the box slip, worked out here by hand from whole cents: what the pencil works' clerk writes
function slip(cents) {
  const neg = cents < 0 ? "-" : "";
  const c = Math.abs(cents);
  return neg + String(Math.floor(c / 100)) + "." + String(c %% 100).padStart(2, "0");
}

// the pencil works' orders, what each gross costs in cents
const BOARD = %s;

describe("pencilcart order board", () => {
  for (const o of BOARD) {
    describe(o.order + " (" + o.gross + " gross)", () => {
      for (const extra of [0, 7, 1000]) {
        const cents = o.cents + extra;
        test("+" + extra + ": the slip prints the price", () => {
          expect(new Decimal(cents).div(100).toFixed(2)).toBe(slip(cents));
        });
        test("+" + extra + ": the order comes to price times gross", () => {
          expect(new Decimal(cents).times(o.gross).div(100).toFixed(2)).toBe(slip(cents * o.gross));
        });
        test("+" + extra + ": a third of the bill rounds to the nearest cent", () => {
          expect(new Decimal(cents).div(300).toFixed(2)).toBe(slip(Math.round(cents / 3)));
        });
        test("+" + extra + ": a credit note prints negative", () => {
          expect(new Decimal(-cents).div(100).toFixed(2)).toBe(slip(-cents));
        });
        test("+" + extra + ": the slip reads back", () => {
          expect(new Decimal(slip(cents)).times(100).toNumber()).toBe(cents);
        });
      }
    });
  }
  test("prints one bill the same twice", () => {
    expect(new Decimal(649.16).toFixed(2)).toEqual(new Decimal("649.16").toFixed(2));
  });
});
"""

APP_JS = """import Decimal from "../lib/decimal/decimal.cjs";

const benches = { "saw": [1250, "HB"], "groove": 7, "lacquer": ["Red"], "kiln": "../orders", "saw": "x" };
export function billFor(bench, gross) {
  var price = benches[bench];
  for (var b in benches) {
    if (gross == undefined) gross = b;
  }
  const unused = benches.length * 2;
  if (new Decimal(price[0]).times(gross).toFixed(2) == null) return "no bill for " + bench;
  else return bench + " bills " + gross;
}
export const board = async function (rows) {
  const { length } = rows.filter((r) => new Decimal(r.amount).toNumber() == r.units);
  return length + " orders billed";
};
export function column(bills, grade, log) {
  let n = 0;
  bills.forEach(function (b) { if (new Decimal(b).toFixed(grade).length != false) n++; });
  while (n = bills.length) { n--; }
  if (n) {}
  return n ? bills : null;
}
"""

APP_TS = """import Decimal from '../lib/decimal/decimal.cjs'

interface Order { bench: string; gross: number; price?: { amount: number; grade: string }; due?: Date }
interface Board { name: string; orders: Order[] }

export function bills(boards: Board[]): string[] {
  return boards.map((b) => new Decimal(b.orders).toFixed(2) + 1)
}

export const due = (o: Order): number => new Decimal(o.price.amount).plus(o.due).length
export const unit = (o: Order): string => new Decimal(o.price.amount).toFixed(o.price.grade)
export const when = (o: Order) => o.due.toUTCString()
export const gross = (o: Order): number => o.bench.length.toFixed()
export const total: string = Decimal.precision * 'orders'
export const both = (b: Board): [string, number] => [new Decimal(b).toString(), Decimal.normalise(b.name)]
export const split = (o: Order): URL => new Decimal(o.gross).toFixed().toLowerCase()
export const rounded: boolean = new Decimal(5).toFixed('two').size
"""


def app(tmp: Path) -> Path:
    root = tmp / "pencilcart"
    for d in ("app", "lib/decimal", "test", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "pencilcart", "version": "0.6.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "eslint.config.js": ESLINT_CONFIG, "app/orders.js": APP_JS,
                      "test/pencilcart.test.mjs": TEST_JS % json.dumps(BOARD, indent=2, ensure_ascii=False),
                      COPY: SC.read_text()})
    put_bugs(root, BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-pencilcart", "npx vitest run 2>&1", root, n_vitest, timeout=900)
    # the whole run may print more than the round's bound: its last lines as well
    cap("vitest-run-pencilcart-tail-1300", "npx vitest run 2>&1 | tail -n 1300", root, n_vitest, timeout=900)
    cap("vitest-run-verbose-pencilcart-tail-500", "npx vitest run --reporter=verbose 2>&1 | tail -n 500", root,
        n_vitest, timeout=900)
    chain("chain-npm-test-tail-echo-exit", "chain-test-exit", "test",
          [Part("npm test 2>&1 | tail -n 300", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=900)


def js_lint(tmp: Path) -> None:
    root = tmp / "pencilcart"
    cap("eslint-color-app-lib-pencilcart-head-450", "npx eslint --color app lib 2>&1 | head -n 450", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/pencilcart.ts": APP_TS})
    cap("tsc-checkjs-decimal-pencilcart-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/decimal/*.cjs "
        "app/orders.js ts/pencilcart.ts 2>&1 | head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-head-then-tsc-pencilcart", "chain-lint", "lint",
          [Part("cd pencilcart", None), Part("npx eslint app/orders.js lib 2>&1 | head -n 520", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-decimal-js-light-json", "npm view decimal.js-light@2.5.1 --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
