"""Round 15, JavaScript and TypeScript: a small cart library with real bugs run under five test runners (jest 29,
vitest 2, mocha 10, ava 6, node --test, and node --test on a mostly passing suite), type-checked (tsc 5.4), linted
(eslint 8 with an eslintrc, stylelint, markdownlint, prettier --check) and, for the Python package of
capture_wide15_diag.py, pyright. The runners come from the round's tool dir, linked in as node_modules. Extractors
are the first rounds' (capture_diagnostics.py, capture_more.py, capture_redund.py). Run through capture_wide15.py."""

from __future__ import annotations

from pathlib import Path

import capture_diagnostics as dg
import capture_more as cm
import capture_redund as rd
from capture_more import add_or_skip as add
from capture_more import run, write_tree
from capture_wide15_diag import orig

JS_TOOLS = Path("/tmp/hm-corpus-wide15-tools/js/node_modules")

n_jest = orig("jest", "test", dg.needles_jest)
n_vitest = orig("vitest", "test", dg.needles_vitest)
n_mocha = orig("mocha", "test", dg.needles_mocha)
n_node_test = orig("node-test", "test", dg.needles_node_test)
n_eslint = orig("eslint", "lint", dg.needles_eslint)
n_tsc = orig("tsc", "lint", dg.needles_tsc)


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 300) -> None:
    add(item_id, command, run(command, cwd=cwd, timeout=timeout), extractor)


SRC = {
    "package.json": '{\n  "name": "cartjs",\n  "version": "1.2.0",\n  "private": true,\n  "main": "src/index.js",\n'
                    '  "scripts": {"test": "jest tests/jest", "lint": "eslint src"}\n}\n',
    "src/money.js": """
'use strict';

function toCents(amount) {
  return Math.round(amount * 100);
}

function format(cents, currency = 'EUR') {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${abs % 100} ${currency}`; // bug: 5 cents prints as .5
}

function allocate(total, ratios) {
  const sum = ratios.reduce((a, b) => a + b, 0);
  return ratios.map((r) => Math.floor((total * r) / sum)); // bug: the remainder is dropped
}

module.exports = { toCents, format, allocate };
""",
    "src/cart.js": """
'use strict';

const { toCents, format } = require('./money');

class Cart {
  constructor(currency = 'EUR') {
    this.currency = currency;
    this.lines = new Map();
  }

  add(sku, price, qty = 1) {
    if (qty <= 0) throw new RangeError(`qty must be positive, got ${qty}`);
    const line = this.lines.get(sku) || { sku, unit: toCents(price), qty: 0 };
    line.qty += qty;
    this.lines.set(sku, line);
    return this;
  }

  remove(sku) {
    this.lines.delete(sku);
  }

  get count() {
    let n = 0;
    for (const l of this.lines.values()) n += l.qty;
    return n;
  }

  subtotal() {
    let s = 0;
    for (const l of this.lines.values()) s += l.unit * l.qty;
    return s;
  }

  discount(code) {
    const codes = { SPRING10: 0.1, VIP: 0.2 };
    const rate = codes[code.toUpperCase()];
    return Math.round(this.subtotal() * rate); // bug: an unknown code gives NaN
  }

  total(code) {
    return this.subtotal() - (code ? this.discount(code) : 0);
  }

  receipt(code) {
    return [...this.lines.values()].map((l) => `${l.sku} x${l.qty}`).concat(format(this.total(code), this.currency));
  }
}

module.exports = { Cart };
""",
}

CASES = """
  test('adds lines and counts items', () => {
    const c = new Cart().add('apple', 0.5, 3).add('pear', 0.75);
    expect(c.count).toBe(4);
  });
  test('merges the same sku', () => {
    const c = new Cart().add('apple', 0.5).add('apple', 0.5, 2);
    expect(c.lines.size).toBe(1);
    expect(c.subtotal()).toBe(150);
  });
  test('rejects a zero quantity', () => {
    expect(() => new Cart().add('apple', 0.5, 0)).toThrow(RangeError);
  });
  test('applies a known discount code', () => {
    const c = new Cart().add('tv', 499.99);
    expect(c.total('spring10')).toBe(44999);
  });
  test('ignores an unknown discount code', () => {
    const c = new Cart().add('tv', 499.99);
    expect(c.total('BOGUS')).toBe(49999);
  });
  test('formats small amounts', () => {
    expect(format(5)).toBe('0.05 EUR');
  });
  test('allocates the whole total', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });
  test('receipt lists lines then the total', () => {
    const c = new Cart().add('apple', 0.5, 2);
    expect(c.receipt()).toEqual(['apple x2', '1.00 EUR']);
  });
"""

TESTS = {
    "tests/jest/cart.test.js": "const { Cart } = require('../../src/cart');\nconst { format, allocate } = require('../../src/money');\n\n"
                               "describe('Cart', () => {" + CASES + "});\n",
    "tests/vitest/cart.test.mjs": "import { describe, test, expect } from 'vitest';\nimport { Cart } from '../../src/cart.js';\n"
                                  "import { format, allocate } from '../../src/money.js';\n\ndescribe('Cart', () => {" + CASES + "});\n",
    "tests/mocha/cart.spec.js": "const assert = require('node:assert/strict');\nconst { Cart } = require('../../src/cart');\n"
                                "const { format, allocate } = require('../../src/money');\nconst expect = (v) => ({ toBe: (w) => assert.equal(v, w), "
                                "toEqual: (w) => assert.deepEqual(v, w), toThrow: (e) => assert.throws(v, e) });\nconst test = it;\n\n"
                                "describe('Cart', () => {" + CASES + "});\n",
    "tests/ava/cart.test.mjs": """
import test from 'ava';
import { Cart } from '../../src/cart.js';
import { format, allocate } from '../../src/money.js';

test('adds lines and counts items', (t) => { t.is(new Cart().add('apple', 0.5, 3).add('pear', 0.75).count, 4); });
test('rejects a zero quantity', (t) => { t.throws(() => new Cart().add('apple', 0.5, 0), { instanceOf: RangeError }); });
test('ignores an unknown discount code', (t) => { t.is(new Cart().add('tv', 499.99).total('BOGUS'), 49999); });
test('formats small amounts', (t) => { t.is(format(5), '0.05 EUR'); });
test('allocates the whole total', (t) => { t.deepEqual(allocate(100, [1, 1, 1]), [34, 33, 33]); });
test('discount rate table', (t) => { t.snapshot === undefined; t.is(new Cart().add('tv', 100).total('VIP'), 8000); });
""",
    "tests/node/cart.test.mjs": "import { describe, test } from 'node:test';\nimport assert from 'node:assert/strict';\n"
                                "import { Cart } from '../../src/cart.js';\nimport { format, allocate } from '../../src/money.js';\n"
                                "const expect = (v) => ({ toBe: (w) => assert.equal(v, w), toEqual: (w) => assert.deepEqual(v, w), "
                                "toThrow: (e) => assert.throws(v, e) });\n\ndescribe('Cart', () => {" + CASES + "});\n",
}


def many_node_tests() -> str:
    """A long table of format() cases, one of them failing: the mostly-passing suite of redund.json's kind."""
    rows = []
    odd = next(i for i in range(80, 161) if i * 137 % 100 < 10)  # the one case that expects the padded cents
    for i in range(1, 161):
        cents = i * 137
        want = f"{cents // 100}.{cents % 100} EUR" if i != odd else f"{cents // 100}.{cents % 100:02d} EUR"
        rows.append(f"  test('format({cents})', () => assert.equal(format({cents}), '{want}'));")
    return ("import { describe, test } from 'node:test';\nimport assert from 'node:assert/strict';\n"
            "import { format } from '../../src/money.js';\n\ndescribe('format table', () => {\n" + "\n".join(rows) + "\n});\n")


ESLINTRC = """{
  "root": true,
  "env": {"node": true, "es2022": true},
  "parserOptions": {"ecmaVersion": 2022, "sourceType": "script"},
  "extends": "eslint:recommended",
  "rules": {"eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn", "no-shadow": "warn",
            "no-param-reassign": "error", "max-len": ["warn", {"code": 90}], "no-console": "warn"}
}
"""

LEGACY = """
var fs = require('fs');
var path = require('path');

function loadRates(file) {
  var raw = fs.readFileSync(path.join(__dirname, file), 'utf8');
  var rates = JSON.parse(raw);
  for (var k in rates) {
    if (rates[k] == null) delete rates[k];
  }
  return rates;
}

function convert(amount, from, to, rates) {
  if (from == to) return amount;
  let rate = rates[from + '_' + to];
  if (!rate) { console.log('no rate for ' + from + '_' + to + ', falling back to the inverse of ' + to + '_' + from); rate = 1 / rates[to + '_' + from]; }
  amount = amount * rate;
  return Math.round(amount * 100) / 100;
}

function summarize(lines) {
  let total = 0, unused = 0;
  lines.forEach(function (lines) {
    total += lines.amount;
  });
  if (total = 0) console.warn('empty');
  return total;
}

module.exports = { loadRates, convert, summarize, undefinedHelper };
"""

TS = {
    "tsconfig.json": '{\n  "compilerOptions": {"target": "ES2022", "module": "commonjs", "strict": true, "noEmit": true,\n'
                     '    "noUnusedLocals": true, "exactOptionalPropertyTypes": true},\n  "include": ["ts/**/*.ts"]\n}\n',
    "ts/types.ts": """
export interface Line { sku: string; unitCents: number; qty: number; note?: string }
export type Currency = 'EUR' | 'USD' | 'GBP';
export interface Order { id: string; lines: Line[]; currency: Currency; placedAt: Date; coupon?: string }
""",
    "ts/order.ts": """
import { Line, Order, Currency } from './types';

export function total(order: Order): number {
  return order.lines.reduce((s, l) => s + l.unitCents * l.qty, '');
}

export function byCurrency(orders: Order[]): Record<Currency, number> {
  const out = {} as Record<Currency, number>;
  for (const o of orders) out[o.currency] += total(o);
  return out;
}

export function parseOrder(raw: any): Order {
  const unused = 1;
  return { id: raw.id, lines: raw.lines, currency: raw.currency.toUpperCase(), placedAt: raw.placedAt, coupon: undefined };
}

export function firstLine(order: Order): Line {
  return order.lines.find((l) => l.qty > 0);
}

export function describe(order: Order, style: 'short' | 'long'): string {
  switch (style) {
    case 'short': return order.id;
    case 'long': return `${order.id} ${order.lines.length} lines ${order.placedAt.toISOString()}`;
    case 'json': return JSON.stringify(order);
  }
}

export const rates: Map<Currency, number> = new Map([['EUR', 1], ['USD', 1.08], ['CHF', 0.96]]);

export function applyCoupon(order: Order): number {
  return total(order) * (1 - couponRate(order.coupon));
}
""",
}

CSS = """
:root { --brand: #3366FF; --gap: 8px }
.cart { display: flex; gap: var(--gap); color: #FFF; }
.cart .line { margin: 0px 0px 4px 0px; font-family: Helvetica; }
.cart .line:hover { color: #ff0000; color: red; }
.cart .total{ font-weight: bold; font-size: 14PX; }
.badge { background: url(img/badge.png); transition: all .3s; }
.cart .line .sku { }
@media (min-width:600px) { .cart { flex-direction: row; } }
.button--primary { colour: blue; }
"""

README = """# cartjs
A tiny cart library.
## Install
    npm install cartjs
## Usage
```
const { Cart } = require('cartjs')
```
* add(sku, price, qty)
+ remove(sku)
* total(code)
### Discount codes
Codes are case-insensitive.See `src/cart.js`.
#### Known issues  
- unknown codes give NaN
## License
MIT
"""


def js(tmp: Path) -> None:
    d = tmp / "cartjs"
    write_tree(d, {**SRC, **TESTS, "tests/node-many/format.test.mjs": many_node_tests(), ".eslintrc.json": ESLINTRC,
                   "src/legacy.js": LEGACY, **TS, "styles/cart.css": CSS, "README.md": README,
                   ".stylelintrc.json": '{"extends": "stylelint-config-standard"}\n'})
    (d / "node_modules").symlink_to(JS_TOOLS)
    cap("jest-cartjs", "npx jest tests/jest 2>&1", d, n_jest)
    cap("vitest-run-cartjs", "npx vitest run tests/vitest 2>&1", d, n_vitest)
    cap("mocha-cartjs", "npx mocha 'tests/mocha/*.spec.js' 2>&1", d, n_mocha)
    cap("ava-cartjs", "npx ava tests/ava/cart.test.mjs 2>&1", d, cm.n_ava)
    cap("node-test-cartjs", "node --test tests/node/ 2>&1", d, n_node_test)
    cap("node-test-spec-format-table", "node --test --test-reporter=spec tests/node-many/ 2>&1", d, rd.n_node_many)
    cap("tsc-noemit-orders", "npx tsc --noEmit -p . 2>&1", d, n_tsc)
    cap("eslint-src-cartjs", "npx eslint src 2>&1", d, n_eslint)
    cap("stylelint-cart-css", "npx stylelint 'styles/**/*.css' 2>&1", d, cm.n_stylelint)
    cap("markdownlint-readme", "npx markdownlint README.md 2>&1", d, cm.n_markdownlint)
    cap("prettier-check-cartjs", "npx prettier --check . 2>&1", d, cm.n_prettier)
    meter = tmp / "meter"
    if meter.exists():
        (meter / "pyrightconfig.json").write_text('{"typeCheckingMode": "strict", "pythonVersion": "3.11"}\n')
        cap("pyright-meter", "pyright meter tests 2>&1 | tail -n 80", meter, cm.n_pyright, timeout=400)


STEPS = [js]
