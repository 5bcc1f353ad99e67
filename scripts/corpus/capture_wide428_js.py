"""Round 428, JavaScript / TypeScript: a real npm package new to the issue's rounds (papaparse 5.7.1: CSV parsing and
writing, one UMD file) copied into a small app (`cleatport`, a ship chandlery's order and stock pages) with a few bugs
put in; generated vitest, mocha and node --test suites over the copy whose expectations come from the unbroken package
(seed 42810); eslint over the copy and the app; tsc --noEmit with checkJs over the copied JavaScript and an app that
uses it wrongly; npm view --json of the package. Some runs have colour forced on (FORCE_COLOR=1, --color) as agents
sometimes run them. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b).
The eslint config and the tsconfig are round 313's (capture_wide313_js), imported. Run through capture_wide428.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_mocha, n_node_test, n_tsc, n_vitest
from capture_wide428 import JS, cap

NM = JS / "node_modules"
PKG = NM / "papaparse"

# The bugs put in the copy (lib/papaparse.cjs, the package's papaparse.js): (file, text, replacement); each text occurs
# exactly once. Dynamic typing no longer reads `FALSE` as false; an empty typed field stays '' instead of null; a value
# ending in a space is no longer quoted when written; a repeated header is renamed without its underscore.
BUGS = [("papaparse.cjs", "else if (value === 'false' || value === 'FALSE')", "else if (value === 'false')"),
        ("papaparse.cjs", "return (value === '' ? null : value);", "return value;"),
        ("papaparse.cjs", "|| escapedQuoteStr.charAt(escapedQuoteStr.length - 1) === ' ';",
         "|| escapedQuoteStr.charAt(escapedQuoteStr.length - 1) === '\\t';"),
        ("papaparse.cjs", "newHeader = `${header}_${suffixCount}`;", "newHeader = `${header}${suffixCount}`;")]

OPS = ["parse", "header", "dynamic", "unparse", "quotes", "comments", "guess", "dupes"]
GEAR = ["single block", "fiddle block", "horn cleat", "cam cleat", "bow shackle", "D shackle", "thimble",
        "spliced lanyard", "fender ", " halyard", "sheave, 60 mm", 'snatch "block"', "", "cleat;horn"]
FLAGS = ["TRUE", "FALSE", "true", "false", "", "yes", "0"]
NUMS = ["12", "0", "-3", "4.5", "", "1e3", "007", " 8 "]
DELIMS = [",", ";", "\t", "|"]
HEADS = ["item", "shelf", "qty", "stocked", "price"]


def row(rnd: random.Random) -> list:
    return [rnd.choice(GEAR), f"{rnd.choice('ABCDEFGH')}{rnd.randint(1, 30)}", rnd.choice(NUMS), rnd.choice(FLAGS),
            rnd.choice(NUMS)]


def csv_text(rnd: random.Random, delim: str, heads: list, n: int, comments: bool = False) -> str:
    def cell(v: str) -> str:
        return f'"{v.replace(chr(34), chr(34) * 2)}"' if any(c in v for c in (delim, '"', "\n")) else v
    lines = [delim.join(heads)]
    for _ in range(n):
        if comments and rnd.random() < 0.3:
            lines.append(f"# {rnd.choice(GEAR)} recount")
        lines.append(delim.join(cell(v) for v in row(rnd)))
    return "\n".join(lines) + rnd.choice(["", "\n"])


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(320):
        op = OPS[i % len(OPS)]
        n = rnd.randint(1, 4)
        if op in ("unparse", "quotes"):
            arg = [[row(rnd) for _ in range(n)]]
        elif op == "dupes":
            heads = HEADS[:3] + [rnd.choice(HEADS[:3]) for _ in range(rnd.randint(1, 3))]
            arg = [csv_text(rnd, ",", heads, n)]
        elif op == "guess":
            arg = [csv_text(rnd, rnd.choice(DELIMS), HEADS, n + 1)]
        else:
            arg = [csv_text(rnd, rnd.choice(DELIMS[:2]) if op == "parse" else ",", HEADS, n, op == "comments")]
        cases.append([f"{op} {i:03}", op, arg])
    return cases


RUNNER = """
const run = (Papa, op, arg) => {
  const short = (r) => JSON.parse(JSON.stringify({ data: r.data, errors: r.errors.map((e) => `${e.code} row ${e.row}`),
    delimiter: r.meta.delimiter, fields: r.meta.fields }));
  try {
    if (op === "parse") return short(Papa.parse(arg[0], { delimiter: arg[0].includes(";") ? ";" : "," }));
    if (op === "header") return short(Papa.parse(arg[0], { header: true, skipEmptyLines: true }));
    if (op === "dynamic") return short(Papa.parse(arg[0], { header: true, dynamicTyping: true, skipEmptyLines: true }));
    if (op === "unparse") return { out: Papa.unparse(arg[0]) };
    if (op === "quotes") return { out: Papa.unparse(arg[0], { delimiter: ";", escapeFormulae: true }) };
    if (op === "comments") return short(Papa.parse(arg[0], { comments: "#", dynamicTyping: true }));
    if (op === "guess") return short(Papa.parse(arg[0], { skipEmptyLines: "greedy" }));
    if (op === "dupes") return short(Papa.parse(arg[0], { header: true }));
    return { out: null };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Papa = require("papaparse");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(Papa, op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import Papa from "../lib/papaparse.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("cleatport stock sheets (vendored papaparse)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg).slice(0, 70)}`, () => {
      assert.deepEqual(run(Papa, op, arg), want);
    });
  }
});
"""

MOCHA_SUITE = """
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const Papa = require("../lib/papaparse.cjs");
const fx = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "test", "fixtures.json"), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`cleatport ${op} sheets`, () => {
    for (const [name, , arg, want] of fx.filter((c) => c[1] === op)) {
      it(`${name}`, () => {
        assert.deepStrictEqual(run(Papa, op, arg), want);
      });
    }
  });
}
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import Papa from "../lib/papaparse.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`cleatport ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]).slice(0, 60), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, arg, want) => {
      expect(run(Papa, op, arg)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import Papa from "../lib/papaparse.cjs";

const shelves = { "blocks": "A1", "cleats": 12, "lanyards": ["C4"], "shackles": "../D2", "blocks": "A9" };
export function stockSheet(text, name) {
  var shelf = shelves[name];
  for (var key in shelves) {
    if (name == undefined) name = key;
  }
  const unused = shelves.length * 2;
  if (shelf == null) return "no shelf " + name;
  else return Papa.parse(text, { header: true }).data.filter((r) => r.shelf == shelf);
}
export const reorder = function (rows) {
  const { length } = rows.filter((r) => r.qty == 0);
  return length + " items to reorder";
};
export function writeOrder(rows, strict, log) {
  let n = 0;
  rows.forEach(function (r) { if (Papa.unparse([r]) != false) n++; });
  while (n = rows.length) { n--; }
  if (n) {}
  return n ? rows : null;
}
"""

APP_TS = """import Papa from '../lib/papaparse.cjs'

interface Item { name: string; qty: number; shelf?: { bay: string }; counted?: Date }
interface Order { chandler: string; items: Item[] }

export function sheet(orders: Order[]): string[] {
  return orders.map((o) => Papa.unparse(o.items, { delimiter: 4 }) + 1)
}

export const qty = (i: Item): number => Papa.parse(i.name).data.toFixed(2)
export const bad = (i: Item): boolean => Papa.parse(i.qty, { header: 'yes' })
export const counted = (i: Item) => i.counted.toUTCString()
export const bay = (i: Item): string => i.shelf.bay
export const total: string = Papa.RECORD_SEP * 'blocks'
export const both = (o: Order): [string, number] => [Papa.unparse(o), Papa.parse()]
export const fields = (o: Order): URL => Papa.parse(o.chandler, { dynamicTyping: 'on' }).meta.fields.toLowerCase(2)
"""


def app(tmp: Path) -> Path:
    root = tmp / "cleatport"
    for d in ("lib", "test", "spec", "mspec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "cleatport", "version": "0.6.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(42810)), "fixtures.mjs": FIXTURES_JS,
                      "spec/sheets.node.test.mjs": NODE_SUITE, "test/sheets.test.js": VITEST_SUITE,
                      "mspec/sheets.spec.cjs": MOCHA_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/stock.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    (root / "lib" / "papaparse.cjs").write_text((PKG / "papaparse.js").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-cleatport-color-tail-1100", "FORCE_COLOR=1 npx vitest run 2>&1 | tail -n 1100", root, n_vitest,
        timeout=600)
    chain("chain-vitest-dynamic-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'cleatport dynamic' 2>&1 | tail -n 600", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("mocha-cleatport-sheets", "npx mocha 'mspec/*.spec.cjs' 2>&1 | head -n 1500", root, n_mocha, timeout=600)
    cap("node-test-cleatport-header-quotes", "node --test --test-name-pattern='^(header|quotes) ' "
        "spec/ 2>&1 | grep -v '# SKIP'", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-grep-v-ok-exit", "chain-test-exit", "test",
          [Part("cd cleatport", None), Part("node --test spec/ 2>&1 | grep -v '^    ok ' | tail -n 1200",
                                            n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "cleatport"
    cap("eslint-color-app-lib-cleatport-head-650", "npx eslint --color app lib 2>&1 | head -n 650", root, n_eslint,
        timeout=600)
    write_tree(root, {"ts/cleatport.ts": APP_TS})
    cap("tsc-checkjs-papaparse-cleatport-head-700", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/papaparse.cjs ts/cleatport.ts 2>&1 | head -n 700", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-cleatport", "chain-lint", "lint",
          [Part("cd cleatport", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-papaparse-json", "npm view papaparse --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
