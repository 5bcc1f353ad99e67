"""Round 27, Node and TypeScript: a recipe scaler written here in JS with bugs put in, under jest, vitest, mocha
and node --test; tsc on a typed version with errors; minified JS as npm installed it (source-map, js-yaml). Each
kind's extractor is the earlier rounds', imported; the test files are written by round 26's suite(). Run through
capture_wide27.py."""

from __future__ import annotations

import json
from pathlib import Path

from capture_more import write_tree
from capture_wide4 import n_node_junit
from capture_wide6_fresh import n_md
from capture_wide11 import n_min_js
from capture_wide15_data import n_npm_install, n_npm_ls
from capture_wide15_js import n_jest, n_mocha, n_node_test, n_tsc, n_vitest
from capture_wide26_js import link, suite
from capture_wide27 import JS25, add, cap

SCALER = """'use strict';
// recipe scaling: quantities as numbers, units as strings
const GRAMS = { g: 1, kg: 1000, oz: 28.35, lb: 453.6 };
const ML = { ml: 1, l: 1000, tsp: 5, tbsp: 15, cup: 240 };

function parseQty(text) {
  const m = /^(\\d+)(?:\\/(\\d+))?\\s*(\\w+)?\\s+(.*)$/.exec(text.trim());  // "1 1/2 cup" is not understood
  if (!m) return null;
  const qty = m[2] ? Number(m[1]) / Number(m[2]) : Number(m[1]);
  return { qty, unit: m[3] || 'pc', name: m[4] };
}

function scale(items, from, to) {
  const f = Math.floor(to / from);  // 4 -> 6 servings scales by 1
  return items.map((i) => ({ ...i, qty: i.qty * f }));
}

function toGrams(qty, unit) {
  if (!(unit in GRAMS)) throw new TypeError(`not a weight: ${unit}`);
  return qty * GRAMS[unit];
}

function toMl(qty, unit) {
  return qty * ML[unit];  // NaN for an unknown unit
}

function nice(q) {
  if (q < 1) return Math.round(q * 4) / 4;
  if (q < 10) return Math.round(q * 2) / 2;
  return Math.round(q);
}

function fraction(q) {
  const whole = Math.floor(q);
  const rest = q - whole;
  const part = { 0.25: '1/4', 0.5: '1/2', 0.75: '3/4' }[rest] || '';
  return whole ? `${whole} ${part}`.trim() : part;  // 0 gives ''
}

function shoppingList(recipes) {
  const totals = {};
  for (const r of recipes) for (const i of r) totals[i.name] = (totals[i.name] || 0) + i.qty;  // ignores units
  return Object.entries(totals).sort();
}

module.exports = { parseQty, scale, toGrams, toMl, nice, fraction, shoppingList };
"""

CASES = [
    ("parses grams", "parseQty('250 g flour')", "{ qty: 250, unit: 'g', name: 'flour' }"),
    ("parses a fraction", "parseQty('1/2 cup milk')", "{ qty: 0.5, unit: 'cup', name: 'milk' }"),
    ("parses a mixed number", "parseQty('1 1/2 cup sugar')", "{ qty: 1.5, unit: 'cup', name: 'sugar' }"),
    ("rejects text", "parseQty('some salt')", "null"),
    ("doubles", "scale([{ qty: 2, unit: 'pc', name: 'egg' }], 2, 4)", "[{ qty: 4, unit: 'pc', name: 'egg' }]"),
    ("four to six", "scale([{ qty: 200, unit: 'g', name: 'flour' }], 4, 6)",
     "[{ qty: 300, unit: 'g', name: 'flour' }]"),
    ("halves", "scale([{ qty: 3, unit: 'pc', name: 'egg' }], 4, 2)", "[{ qty: 1.5, unit: 'pc', name: 'egg' }]"),
    ("kilos", "toGrams(1.5, 'kg')", "1500"),
    ("ounces", "toGrams(4, 'oz')", "113.4"),
    ("cups", "toMl(2, 'cup')", "480"),
    ("pints", "toMl(1, 'pint')", "473"),
    ("nice small", "nice(0.3)", "0.25"),
    ("nice mid", "nice(2.7)", "2.5"),
    ("nice big", "nice(12.4)", "12"),
    ("fraction half", "fraction(1.5)", "'1 1/2'"),
    ("fraction quarter", "fraction(0.25)", "'1/4'"),
    ("fraction zero", "fraction(0)", "'0'"),
    ("fraction third", "fraction(2.33)", "'2 1/3'"),
    ("shopping totals", "shoppingList([[{ qty: 200, unit: 'g', name: 'flour' }], "
     "[{ qty: 1, unit: 'kg', name: 'flour' }]])", "[['flour', 1200]]"),
    ("shopping sorted", "shoppingList([[{ qty: 1, unit: 'pc', name: 'egg' }, { qty: 2, unit: 'pc', name: 'apple' }]])",
     "[['apple', 2], ['egg', 1]]"),
]
NAMES = "parseQty, scale, toGrams, toMl, nice, fraction, shoppingList"


def mocha_suite() -> str:
    body = [f"  it('{n}', () => {{\n    assert.deepStrictEqual({e}, {w});\n  }});\n" for n, e, w in CASES]
    return ("const assert = require('node:assert/strict');\n"
            f"const {{ {NAMES} }} = require('../lib/scaler');\n\ndescribe('scaler', () => {{\n"
            + "\n".join(body) + "});\n")


TS_SCALER = """export type Unit = 'g' | 'kg' | 'ml' | 'l' | 'cup' | 'pc';
export interface Ingredient { name: string; qty: number; unit: Unit; }
export interface Recipe { title: string; serves: number; items: Ingredient[]; }

export function scale(r: Recipe, to: number): Recipe {
  return { ...r, serves: to, items: r.items.map((i) => ({ ...i, qty: i.qty * to / r.serves })) };
}

export function parse(line: string): Ingredient {
  const [qty, unit, ...name] = line.split(' ');
  return { qty: Number(qty), unit, name: name.join(' ') };
}

export function total(r: Recipe, unit: Unit): number {
  return r.items.filter((i) => i.unit === unit).reduce((a, i) => a + i.qty);
}

export function label(i: Ingredient): string {
  return `${i.qty.toFixed(1)} ${i.unit} ${i.name.toUpperCase}`;
}

export function byName(r: Recipe): Map<string, Ingredient> {
  return new Map(r.items.map((i) => [i.name, i.qty]));
}

export function serves(r: Recipe, guests: string[]): Recipe {
  return scale(r, guests);
}

export const pancakes: Recipe = {
  title: 'Pancakes', serves: 4,
  items: [parse('250 g flour'), parse('500 ml milk'), { name: 'eggs', qty: '2', unit: 'pc' }],
};
"""

TS_CLI = """import { scale, pancakes, Recipe, Unit } from './scaler';

function main(argv: string[]): void {
  const to = parseInt(argv[2]);
  const r: Recipe = scale(pancakes, to);
  for (const i of r.items) console.log(i.qty, i.unit, i.name);
  const u: Unit = argv[3];
  console.log(r.items.find((i) => i.unit === u).qty);
  process.exit(r.serve);
}

main(process.argv);
"""


def runners(tmp: Path) -> None:
    d = tmp / "recipe-scaler-js"
    write_tree(d, {"lib/scaler.js": SCALER, "__tests__/scaler.test.js": suite("jest", CASES, NAMES, "../lib/scaler"),
                   "test/scaler.test.js": suite("node", CASES, NAMES, "../lib/scaler"),
                   "spec/scaler.spec.js": mocha_suite(),
                   "vt/scaler.test.js": suite("vitest", CASES, NAMES, "../lib/scaler.js"),
                   "package.json": json.dumps({"name": "recipe-scaler", "version": "2.0.0", "private": True})})
    link(d)
    cap("jest-ci-recipe-scaler", "npx jest --ci 2>&1", d, n_jest)
    cap("jest-verbose-recipe-scaler", "npx jest --ci --verbose 2>&1", d, n_jest)
    cap("vitest-run-recipe-scaler", "npx vitest run vt 2>&1", d, n_vitest, env={"NO_COLOR": "1"})
    cap("mocha-spec-recipe-scaler", "npx mocha spec 2>&1", d, n_mocha)
    cap("node-test-recipe-scaler", "node --test test/ 2>&1", d, n_node_test)
    cap("node-test-junit-recipe-scaler", "node --test --test-reporter=junit test/ 2>&1", d, n_node_junit)


def typescript(tmp: Path) -> None:
    d = tmp / "recipe-scaler-ts"
    write_tree(d, {"src/scaler.ts": TS_SCALER, "src/cli.ts": TS_CLI,
                   "tsconfig.json": json.dumps({"compilerOptions": {"strict": True, "target": "ES2022",
                                                                    "module": "commonjs", "outDir": "dist",
                                                                    "noEmit": True, "skipLibCheck": True}, "include": ["src"]})})
    link(d)
    cap("tsc-noemit-recipe-scaler", f"{JS25}/node_modules/.bin/tsc --noEmit -p . 2>&1", d, n_tsc,
        typed="npx tsc --noEmit -p .")


def minified(tmp: Path) -> None:
    cap("cat-source-map-min-js", "cat node_modules/source-map/dist/source-map.min.js", JS25, n_min_js)
    cap("cat-js-yaml-min-js", "cat node_modules/js-yaml/dist/js-yaml.min.js", JS25, n_min_js)


def npm(tmp: Path) -> None:
    d = tmp / "feed-fetcher"
    write_tree(d, {"package.json": json.dumps({"name": "feed-fetcher", "version": "0.1.0", "private": True})})
    cap("npm-install-loglevel-http-feed-fetcher", "npm install --no-audit --loglevel http citty consola ofetch "
        "tinyglobby 2>&1", d, n_npm_install, timeout=300, env={"npm_config_cache": str(tmp / "npm-cache")})
    pkg = json.loads((d / "package.json").read_text())
    pkg["dependencies"]["consola"] = "^2.15.0"  # pinned back by hand: the installed 3.x is now invalid
    pkg["dependencies"]["defu"] = "^6.1.4"  # declared, never installed
    (d / "package.json").write_text(json.dumps(pkg, indent=2))
    cap("npm-ls-all-feed-fetcher", "npm ls --all 2>&1", d, n_npm_ls)


def docs(tmp: Path) -> None:
    """README pages of packages npm installed, as OpenCode's webfetch returns a Markdown file."""
    for sid, pkg, repo in [("webfetch-cosmiconfig-readme", "cosmiconfig", "cosmiconfig/cosmiconfig"),
                           ("webfetch-expect-type-readme", "expect-type", "mmkal/expect-type")]:
        add(sid, f"webfetch https://raw.githubusercontent.com/{repo}/main/README.md (format: markdown)",
            (JS25 / "node_modules" / pkg / "README.md").read_text(), n_md, tool="webfetch")


STEPS = [runners, typescript, minified, npm, docs]
