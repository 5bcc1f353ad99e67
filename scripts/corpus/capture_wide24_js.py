"""Round 24, JavaScript and TypeScript tools the corpus had not seen: yarn (v1) installing and listing a small app's
dependencies, bun test, deno lint / check / test on a TypeScript module with bugs put in, buf lint on protobuf
files, jscpd, cspell, html-validate, cucumber-js, remark-lint, publint and license-checker. Rules:
NEEDLES.md (rules 1-5, and "Round 24" for the kind values). Run through capture_wide24.py."""

from __future__ import annotations

from pathlib import Path

from capture_more import run, write_tree
from capture_wide24 import JS, cap, diag, table, tests

RATES = '''// Shipping rates by zone and weight band. We recieve the parcel, calcualte its band and keep the
// surchage seperate from the base price; the zones are kept in a lookup tabel (see the carrier's tarrif sheet).
export const ZONES = ["domestic", "eu", "world"] as const;
export type Zone = typeof ZONES[number];

export interface Parcel { grams: number; zone: Zone; insured?: boolean; value?: number }

const BANDS = [250, 500, 1000, 2000, 5000, 10000];
const BASE: Record<Zone, number[]> = {
  domestic: [3.2, 3.9, 4.8, 6.1, 8.9, 12.5],
  eu: [6.5, 7.9, 9.8, 12.9, 18.4, 26.0],
  world: [9.9, 12.4, 15.8, 21.2, 31.0, 44.7],
};

export function band(grams: number): number {
  // slip: '<' where '<=' was meant, a parcel of exactly 250 g falls into the next band
  const i = BANDS.findIndex((b) => grams < b);
  if (i < 0) throw new RangeError(`parcel of ${grams} g is over the 10 kg limit`);
  return i;
}

export function price(p: Parcel): number {
  var base = BASE[p.zone][band(p.grams)];
  let extra = 0;
  if (p.insured) extra = Math.max(1.5, (p.value ?? 0) * 0.01);
  const unused = p.zone == "eu";
  return Math.round((base + extra) * 100) / 100;
}

export function cheapest(parcels: Parcel[]): Parcel | undefined {
  let best;
  for (const p of parcels) if (!best || price(p) < price(best)) best = p;
  return best;
}

export function total(parcels: Parcel[]): string {
  const sum: number = parcels.reduce((s, p) => s + price(p), "0");
  return sum.toFixed(2);
}

export async function quote(zone: string, grams: number) {
  return price({ grams, zone });
}
'''


ZONES_TS = '''import { price, type Parcel, type Zone } from "./rates.ts";

export interface ZoneInfo { zone: Zone; label: string; days: [number, number] }

export const INFO: ZoneInfo[] = [
  { zone: "domestic", label: "Domestic", days: [1, 2] },
  { zone: "eu", label: "Europe", days: [2, 5, 7] },
  { zone: "mars", label: "Mars", days: [300, 400] },
];

export function eta(z: Zone): string {
  const info = INFO.find((i) => i.zone === z);
  return `${info.days[0]}-${info.days[1]} days`;
}

export function label(z: Zone): number {
  return INFO.find((i) => i.zone === z)?.label ?? "?";
}

export function quoteAll(ps: Parcel[]): Record<Zone, number> {
  const out: Record<Zone, number> = {};
  for (const p of ps) out[p.zone] = price(p, true);
  return out;
}

export const DEFAULT: Parcel = { grams: "250", zone: "eu" };
'''


def rate_cases() -> str:
    """Table-driven cases; some expectations meet the band slip."""
    rows = []
    for z, base in (("domestic", [3.2, 3.9, 4.8, 6.1, 8.9, 12.5]), ("eu", [6.5, 7.9, 9.8, 12.9, 18.4, 26.0]),
                    ("world", [9.9, 12.4, 15.8, 21.2, 31.0, 44.7])):
        for g, b in ((100, 0), (249, 0), (250, 0), (251, 1), (499, 1), (500, 1), (501, 2), (999, 2), (1000, 2),
                     (1500, 3), (2000, 3), (2500, 4), (5000, 4), (7000, 5), (10000, 5)):
            rows.append(f'  ["{z}", {g}, {base[b]}],')
    return "\n".join(rows)


BUN_TEST = '''import { describe, expect, test } from "bun:test";
import { band, cheapest, price, total } from "../src/rates";

const CASES: [string, number, number][] = [
%s
];

describe("price", () => {
  for (const [zone, grams, want] of CASES) {
    test(`${zone} ${grams} g costs ${want}`, () => {
      expect(price({ zone: zone as any, grams })).toBe(want);
    });
  }
  test("insured parcels pay at least 1.50", () => {
    expect(price({ zone: "eu", grams: 100, insured: true, value: 20 })).toBe(8.0);
  });
});

describe("band", () => {
  test("rejects parcels over 10 kg", () => {
    expect(() => band(10001)).toThrow(RangeError);
  });
  test("exactly 10 kg is the last band", () => {
    expect(band(10000)).toBe(5);
  });
});

describe("total and cheapest", () => {
  test("total formats two decimals", () => {
    expect(total([{ zone: "eu", grams: 300 }, { zone: "domestic", grams: 100 }])).toBe("11.10");
  });
  test("cheapest picks domestic", () => {
    expect(cheapest([{ zone: "world", grams: 100 }, { zone: "domestic", grams: 900 }])?.zone).toBe("domestic");
  });
});
'''

DENO_TEST = '''import { assertEquals, assertThrows } from "./assert.ts";
import { band, price, total } from "./rates.ts";

const CASES: [string, number, number][] = [
%s
];

for (const [zone, grams, want] of CASES) {
  Deno.test(`price ${zone} ${grams}g`, () => {
    assertEquals(price({ zone: zone as "eu", grams }), want);
  });
}

Deno.test("band rejects 12 kg", () => {
  assertThrows(() => band(12000), RangeError);
});

Deno.test("total of two", () => {
  assertEquals(total([{ zone: "eu", grams: 300 }, { zone: "domestic", grams: 100 }]), "11.10");
});
'''

# a tiny assert module written here (deno's std is on JSR, not reachable from this machine)
ASSERT_TS = '''export class AssertionError extends Error { override name = "AssertionError"; }
export function assertEquals<T>(actual: T, expected: T): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new AssertionError(`Values are not equal: actual ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}
export function assertThrows(fn: () => unknown, cls: new (...a: any[]) => Error): void {
  try { fn(); } catch (e) { if (e instanceof cls) return; throw new AssertionError(`threw ${e}, not ${cls.name}`); }
  throw new AssertionError(`expected ${cls.name} to be thrown`);
}
'''


def ts_app(tmp: Path) -> Path:
    root = tmp / "parcelrate"
    write_tree(root, {"src/rates.ts": RATES, "test/rates.test.ts": BUN_TEST % rate_cases(),
                      "deno/rates.ts": RATES, "deno/assert.ts": ASSERT_TS, "deno/zones.ts": ZONES_TS,
                      "deno/rates_test.ts": DENO_TEST % rate_cases()})
    return root


N_BUN_TEST = tests(
    "bun-test", "bun test: each '(fail)' test line, the first 'error:' / 'Expected' line before it (bun prints the "
    "failure above its name), the pass/fail/Ran summary lines; rule 2.",
    r"^\(fail\) ", None, r"^\s*\d+ (pass|fail)$|^Ran \d+ tests?", err=r"^error: ")


def runtimes(tmp: Path) -> None:
    root = ts_app(tmp)
    cap("bun-test-parcelrate", "bun test 2>&1", root, N_BUN_TEST)
    cap("deno-lint-parcelrate", "deno lint 2>&1", root, diag(
        "deno-lint", "lint", "deno lint: every 'error[rule]' finding with its '-->' / 'at' location; the 'Found N "
        "problems' summary; rules 1,3.", err=r"^error\[", loc=r"^\s+(-->|at) ", summary=r"^Found \d+ problems?"))
    cap("deno-check-parcelrate", "deno check deno/rates.ts deno/zones.ts 2>&1", root, diag(
        "deno-check", "lint", "deno check: every 'TSnnnn [ERROR]' line with its 'at file:L:C' location; the 'Found N "
        "errors' summary; rules 1,3.", err=r"TS\d+ \[ERROR\]", loc=r"^\s+at ", summary=r"^(error: )?Found \d+ errors?"))
    cap("deno-test-parcelrate", "deno test --no-check deno/ 2>&1", root, tests(
        "deno-test", "deno test: each failing test's header ('name => file:L:C' in ERRORS), its first 'error:' line, "
        "the FAILED/ok summary line; rule 2.",
        r"^.+ => \./?\S+:\d+:\d+$", r"^error: ", r"^(FAILED|ok) \| \d+ passed"))


PROTOS = {
    "proto/shipping/v1/rates.proto": '''syntax = "proto3";
package shipping.v1;

import "google/protobuf/timestamp.proto";

enum zone {
  DOMESTIC = 0;
  EU = 1;
  WORLD = 2;
}

message parcel_request {
  int32 Grams = 1;
  zone Zone = 2;
  bool insured = 3;
  double declared_value = 4;
  google.protobuf.Timestamp shipped_at = 5;
}

message RateReply {
  double price = 1;
  string currency = 2;
}

service RateService {
  rpc GetRate(parcel_request) returns (RateReply);
  rpc ListRates(stream parcel_request) returns (stream RateReply);
}
''',
    "proto/shipping/v1/tracking.proto": '''syntax = "proto3";
package shipping.tracking;

message TrackingEvent {
  string parcel_id = 1;
  string status = 2;
  int64 at_unix = 3;
}

message Empty {}

service Tracking {
  rpc Track(TrackingEvent) returns (Empty);
  rpc latest_event(TrackingEvent) returns (TrackingEvent);
}
''',
    "proto/billing/invoice.proto": '''syntax = "proto3";
package billing;

enum Status { PAID = 0; OPEN = 1; VOID = 2; }

message Invoice {
  string id = 1;
  repeated Line lines = 2;
  Status status = 3;
}

message Line { string sku = 1; int32 qty = 2; double unit_price = 3; }

service Billing {
  rpc Get(Invoice) returns (Invoice);
}
''',
    "buf.yaml": "version: v2\nmodules:\n  - path: proto\nlint:\n  use:\n    - STANDARD\n",
}


def tools(tmp: Path) -> None:
    root = ts_app(tmp)
    write_tree(root, PROTOS)
    cap("buf-lint-protos", "buf lint 2>&1", root, diag(
        "buf-lint", "lint", "buf lint: findings carry no level: one {\"any\"} per (message shape, file); rule 1.",
        warn=r"^\S+\.proto:\d+:\d+:", wkey=None))
    cap("cspell-parcelrate", "cspell --no-progress --no-color 'src/**' 'deno/**' 'test/**' 'proto/**' 2>&1", root, diag(
        "cspell", "lint", "cspell: 'Unknown word' findings one {\"any\"} per (word shape, file); the 'CSpell: Files "
        "checked' summary; rules 1,3.", warn=r" - Unknown word ", wkey=r"^(\S+?):\d+:\d+",
        summary=r"^CSpell: Files checked"))


STORE_PKG = '''{
  "name": "storefront-lite",
  "version": "1.4.0",
  "type": "module",
  "main": "./dist/index.cjs",
  "exports": {".": {"require": "./dist/index.cjs", "import": "./lib/index.mjs", "types": "./types.d.ts"}},
  "files": ["lib"],
  "scripts": {"test": "cucumber-js"},
  "dependencies": {"request": "^2.88.2", "p-limit": "^4.0.0", "escape-goat": "^4.0.0", "picocolors": "^1.0.0", "kleur": "^4.1.5"},
  "devDependencies": {"eslint-plugin-react": "7.33.2", "tap-spec": "^5.0.0"}
}
'''

CART_JS = '''import pLimit from "p-limit";
import { htmlEscape } from "escape-goat";
import chalk from "chalk";
import { format } from "date-fns";

export function lineTotal(line) {
  return line.qty * line.price;
}

export function cartTotal(lines) {
  let sum = 0;
  for (const l of lines) sum += lineTotal(l);
  return Math.round(sum * 100) / 100;
}

export function applyCoupon(total, coupon) {
  if (coupon.kind === "percent") return total - total * coupon.value / 100;
  if (coupon.kind === "fixed") return total - coupon.value;
  return total;
}

export function renderCart(lines) {
  const rows = lines.map((l) => `<tr><td>${htmlEscape(l.name)}</td><td>${l.qty}</td><td>${lineTotal(l)}</td></tr>`);
  return `<table>${rows.join("")}</table><p>${chalk.bold(format(new Date(0), "yyyy"))}</p>`;
}

export async function priceAll(skus, fetchPrice) {
  const limit = pLimit(4);
  return Promise.all(skus.map((s) => limit(() => fetchPrice(s))));
}
'''


def cart_copy(i: int) -> str:
    """A copy-pasted variant of the cart module (what jscpd is for)."""
    return (f"// variant {i} of the cart helpers, pasted into the checkout page\n" + CART_JS.split("\n", 4)[4]
            .replace("lineTotal", f"lineTotal{i}").replace("cartTotal", f"cartTotal{i}"))


# the pure part of the cart, which the cucumber steps import (cart.mjs pulls in packages not installed)
TOTALS_JS = "\n".join(CART_JS.split("\n")[5:20]) + "\n"

FEATURE_JS = '''Feature: Cart totals
  Scenario: Two lines
    Given a cart with 2 of "mug" at 7.50
    And 1 of "tea" at 4.25
    Then the total is 19.25

  Scenario: Percent coupon
    Given a cart with 4 of "mug" at 7.50
    When I apply a 10 percent coupon
    Then the total is 27.50

  Scenario: Fixed coupon never goes negative
    Given a cart with 1 of "tea" at 4.25
    When I apply a fixed coupon of 10
    Then the total is 0

  Scenario: Undefined step
    Given a cart with 1 of "tea" at 4.25
    When I pay with a gift card
    Then the total is 0
'''

STEPS_JS = '''import { Given, When, Then } from "@cucumber/cucumber";
import assert from "node:assert/strict";
import { cartTotal, applyCoupon } from "../../lib/totals.mjs";

Given("a cart with {int} of {string} at {float}", function (qty, name, price) {
  this.lines = [{ qty, name, price }];
  this.total = cartTotal(this.lines);
});
Given("{int} of {string} at {float}", function (qty, name, price) {
  this.lines.push({ qty, name, price });
  this.total = cartTotal(this.lines);
});
When("I apply a {int} percent coupon", function (v) { this.total = applyCoupon(this.total, { kind: "percent", value: v }); });
When("I apply a fixed coupon of {int}", function (v) { this.total = applyCoupon(this.total, { kind: "fixed", value: v }); });
Then("the total is {float}", function (want) { assert.equal(this.total, want); });
Then("the total is {int}", function (want) { assert.equal(this.total, want); });
'''

HTML = '''<!DOCTYPE html>
<html>
<head>
<title>Storefront</title>
<meta charset="utf-8">
<link rel="stylesheet" href="app.css">
</head>
<body>
<div id="cart">
  <img src="logo.png">
  <table>
    <tr><th>Item<th>Qty</tr>
    <tr><td>Mug</td><td>2</td></tr>
  </table>
  <button onclick="pay()">Pay</button>
  <a href="#" target="_blank">terms</a>
  <input type="text" id="coupon">
  <label>Coupon</label>
  <div id="cart">duplicate id</div>
  <p>Open <b>bold <i>mixed</b></i></p>
  <ul><li>one<li>two</ul>
  <font color="red">Sale!</font>
  <center>centred</center>
  <form><input type="submit"><button>Go</button></form>
</div>
</body>
</html>
'''

README_MD = '''# storefront-lite
A tiny cart.
## Install
* npm install storefront-lite
+ or yarn add storefront-lite
###### Usage
```
import { cartTotal } from "storefront-lite"
```
Some text with trailing spaces   
#Heading without space
1. one
1. two
3. three

[link][missing-ref]
## Install
'''


N_JSCPD = diag(
    "jscpd", "lint", "jscpd: every 'Clone found' line with the two location lines after it, the summary table's "
    "Total row and 'Found N clones' line (NEEDLES.md Round 24, duplication).",
    err=r"Clone found", summary=r"^│ Total|^Found \d+ clones", values=r"^\s+- \S+ \[\d+:\d+ - \d+:\d+\]|"
    r"^\s+\S+ \[\d+:\d+ - \d+:\d+\]")


N_LICENSE_CHECKER = table(
    "license-checker-csv", "table", "license-checker --csv: rule 4 (header; rare license values).",
    r'^"module name","license"', ["module", "license", "repo"], cat=["license"], sep=",")


N_YARN_LIST = diag(
    "yarn-list", "pkg", "yarn list: the version of every direct dependency (its top-level '├─ name@version' "
    "line; rule 5, NEEDLES.md Round 24) and the closing line.",
    values=r"^[├└]─ (p-limit|escape-goat|picocolors|kleur|eslint-plugin-react|tap-spec)@", summary=r"^Done in ")


def web(tmp: Path) -> None:
    root = tmp / "storefront"
    files = {"package.json": STORE_PKG, ".yarnrc": 'registry "https://registry.npmjs.org/"\n',
             "lib/cart.mjs": CART_JS, "lib/totals.mjs": TOTALS_JS, "features/cart.feature": FEATURE_JS,
             "features/steps/cart.steps.mjs": STEPS_JS,
             **{f"public/{p}.html": HTML.replace("Storefront", p.title()) for p in
                ("index", "checkout", "account", "orders", "help", "returns")},
             "README.md": README_MD, ".remarkrc.json": '{"plugins": ["remark-preset-lint-recommended"]}\n',
             "docs/CHANGELOG.md": README_MD.replace("storefront-lite", "changes")}
    files.update({f"lib/pages/checkout{i}.mjs": cart_copy(i) for i in range(1, 5)})
    write_tree(root, files)
    cap("yarn-install-storefront", "yarn install --non-interactive --no-progress 2>&1", root, diag(
        "yarn-install", "pkg", "yarn install (v1): every 'error' line; 'warning' lines one {\"any\"} per message "
        "shape; the 'success'/'Done in' closing lines; rules 1,3.", err=r"^error ", warn=r"^warning ",
        summary=r"^Done in |^success "), timeout=600)
    cap("yarn-list-storefront", "yarn list --no-progress 2>&1", root, N_YARN_LIST)
    for dev in ("@cucumber", "remark-preset-lint-recommended"):  # the dev tools the project runs, as installed
        run(f"ln -sfn {JS / 'node_modules' / dev} node_modules/{dev}", cwd=root)
    cap("license-checker-csv", "license-checker --csv 2>&1", root, N_LICENSE_CHECKER)
    cap("jscpd-storefront", "jscpd lib --min-lines 5 --reporters console 2>&1", root, N_JSCPD)
    cap("html-validate-storefront", "html-validate public 2>&1", root, diag(
        "html-validate", "lint", "html-validate (stylish): every 'error' finding line (with its file header); "
        "warnings one {\"any\"} per (rule, file); the '✖ N problems' summary; rules 1,3.",
        err=r"^\s+\d+:\d+\s+error\s", warn=r"^\s+\d+:\d+\s+warning\s", summary=r"✖ \d+ problems?"))
    cap("cucumber-js-storefront", "cucumber-js --format progress 2>&1", root, tests(
        "cucumber-js", "cucumber-js: each numbered failure header ('N) Scenario: … # file:line'), its first error "
        "line, the scenarios/steps count lines; rule 2.", r"^\d+\) Scenario: ",
        r"AssertionError|Error:|Undefined\. Implement", r"^\d+ scenarios? \(|^\d+ steps? \(", ahead=20))
    cap("remark-lint-storefront", "remark --no-color --quiet . 2>&1", root,
        diag("remark-lint", "lint", "remark-lint: warnings one {\"any\"} per (rule, file); errors each; the '⚠ N "
             "warnings' summary; rules 1,3.", err=r"\berror\b", warn=r"^\s*\d+:\d+(-\d+:\d+)?\s+warning\s",
             summary=r"^[⚠✖] \d+"))
    cap("publint-storefront", "publint 2>&1", root, diag(
        "publint", "pkg", "publint: every numbered item under Errors/Warnings/Suggestions and the section headers; "
        "rules 1,3.", values=r"^(Errors|Warnings|Suggestions):|^\d+\. "))


STEPS = [runtimes, tools, web]
