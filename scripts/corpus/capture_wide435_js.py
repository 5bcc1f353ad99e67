"""Round 435, JavaScript / TypeScript: a real npm package new to the issue's rounds (bignumber.js 11.1.5:
arbitrary-precision decimal arithmetic, its CommonJS file `dist/bignumber.cjs`) copied into a small app
(`brineboard`, a salt works' brine-strength and pan-yield pages) with a few bugs put in; generated vitest, mocha and
node --test suites over the copy whose expectations come from the unbroken package (seed 43510); eslint over the copy
and the app; tsc --noEmit with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of
the package. Some runs have colour forced on (FORCE_COLOR=1, --color) as agents sometimes run them. Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The eslint config and the
tsconfig are round 313's (capture_wide313_js), imported. Run through capture_wide435.py."""

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
from capture_wide435 import JS, cap

NM = JS / "node_modules"
PKG = NM / "bignumber.js"

# The bugs put in the copy (lib/bignumber.cjs, the package's dist/bignumber.cjs): (file, text, replacement); each
# text occurs exactly once. lte() is false for equal values; toFormat's first group takes one digit when the integer
# part's length is a multiple of the group size; isInteger() is true for values with one fraction word; the default
# rounding mode is ROUND_HALF_DOWN (5) instead of ROUND_HALF_UP (4).
BUGS = [("bignumber.cjs", "(b = compare(this, new BigNumber(y, b))) === -1 || b === 0;",
         "(b = compare(this, new BigNumber(y, b))) === -1;"),
        ("bignumber.cjs", "i = len % g1 || g1;", "i = len % g1 || 1;"),
        ("bignumber.cjs", "bitFloor(this.e / LOG_BASE) > this.c.length - 2;",
         "bitFloor(this.e / LOG_BASE) >= this.c.length - 2;"),
        ("bignumber.cjs", "ROUNDING_MODE = 4,", "ROUNDING_MODE = 5,")]

OPS = ["plus", "times", "div", "fixed", "format", "compare", "integer", "dp"]
# brine strengths (g/l), bushels, pan yields, prices: plain, tied at the last place, long, negative, zero
FORMS = [lambda r: str(r.randint(0, 400)),
         lambda r: f"{r.randint(0, 400)}.{r.randint(0, 99):02}5",
         lambda r: f"{r.randint(1, 9)}{r.randint(0, 10 ** r.choice([2, 5, 8]))}",
         lambda r: f"-{r.randint(0, 90)}.{r.randint(1, 9)}",
         lambda r: f"{r.randint(100, 999)}{r.randint(0, 999):03}.{r.randint(0, 9)}5",
         lambda r: r.choice(["0", "-0", "0.5", "2.5", "1e21", "1.000", "100000", "123456789"])]


def num(rnd: random.Random) -> str:
    return rnd.choice(FORMS)(rnd)


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(360):
        op = OPS[i % len(OPS)]
        a = num(rnd)
        b = a if op == "compare" and rnd.random() < 0.4 else num(rnd)
        if op == "div" and b.strip("-0.") == "":
            b = "7"
        cases.append([f"{op} {i:03}", op, [a, b, rnd.randint(0, 3)]])
    return cases


RUNNER = """
const run = (BigNumber, op, arg) => {
  const [a, b, n] = arg;
  try {
    const x = new BigNumber(a);
    if (op === "plus") return x.plus(b).toString();
    if (op === "times") return x.times(b).toString();
    if (op === "div") return x.div(b).toString();
    if (op === "fixed") return x.toFixed(n);
    if (op === "format") return x.toFormat(n);
    if (op === "compare") return [x.lte(b), x.gte(b), x.comparedTo(b)];
    if (op === "integer") return [x.isInteger(), x.integerValue().toString(), x.dp()];
    if (op === "dp") return x.dp(n).toString();
    return null;
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const BigNumber = require("bignumber.js");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(BigNumber, op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import BigNumber from "../lib/bignumber.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("brineboard pan yields (vendored bignumber.js)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(BigNumber, op, arg), want);
    });
  }
});
"""

MOCHA_SUITE = """
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const BigNumber = require("../lib/bignumber.cjs");
const fx = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "test", "fixtures.json"), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`brineboard ${op} yields`, () => {
    for (const [name, , arg, want] of fx.filter((c) => c[1] === op)) {
      it(`${name}`, () => {
        assert.deepStrictEqual(run(BigNumber, op, arg), want);
      });
    }
  });
}
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import BigNumber from "../lib/bignumber.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`brineboard ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, arg, want) => {
      expect(run(BigNumber, op, arg)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import BigNumber from "../lib/bignumber.cjs";

const pans = { "north": "280.5", "south": 265, "leading": ["301"], "fishery": "../lump", "north": "290" };
export function panYield(bushels, name) {
  var strength = pans[name];
  for (var key in pans) {
    if (name == undefined) name = key;
  }
  const unused = pans.length * 2;
  if (strength == null) return "no pan " + name;
  else return new BigNumber(bushels).times(strength).div(1000).toFormat(2);
}
export const weakPans = function (readings) {
  const { length } = readings.filter((r) => new BigNumber(r.gpl).lte(180) == true);
  return length + " pans to hold";
};
export function rakeOff(boilings, strict, log) {
  let n = 0;
  boilings.forEach(function (b) { if (new BigNumber(b.bushels).isInteger() != false) n++; });
  while (n = boilings.length) { n--; }
  if (n) {}
  return n ? boilings : null;
}
"""

APP_TS = """import BigNumber from '../lib/bignumber.cjs'

interface Boiling { pan: string; bushels: number; strength?: { gpl: string }; raked?: Date }
interface Book { house: string; boilings: Boiling[] }

export function sheet(books: Book[]): string[] {
  return books.map((b) => new BigNumber(b.boilings).toFormat('2') + 1)
}

export const bushels = (b: Boiling): number => new BigNumber(b.bushels).plus(b.pan).toFixed(2)
export const weak = (b: Boiling): boolean => new BigNumber(b.strength.gpl).lte({ gpl: 180 })
export const raked = (b: Boiling) => b.raked.toUTCString()
export const house = (b: Book): number => b.house.length.toFixed()
export const total: string = BigNumber.ROUND_HALF_UP * 'pans'
export const both = (b: Book): [string, number] => [new BigNumber(b), BigNumber.max()]
export const grade = (b: Boiling): URL => new BigNumber(b.bushels, 'ten').dp(2, 9).toLowerCase()
"""


def app(tmp: Path) -> Path:
    root = tmp / "brineboard"
    for d in ("lib", "test", "spec", "mspec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "brineboard", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(43510)), "fixtures.mjs": FIXTURES_JS,
                      "spec/yields.node.test.mjs": NODE_SUITE, "test/yields.test.js": VITEST_SUITE,
                      "mspec/yields.spec.cjs": MOCHA_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/pans.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    (root / "lib" / "bignumber.cjs").write_text((PKG / "dist" / "bignumber.cjs").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-brineboard-color-tail-1100", "FORCE_COLOR=1 npx vitest run 2>&1 | tail -n 1100", root,
        n_vitest, timeout=600)
    chain("chain-vitest-format-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'brineboard format' 2>&1 | tail -n 600", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("mocha-brineboard-yields", "npx mocha 'mspec/*.spec.cjs' 2>&1 | head -n 1500", root, n_mocha, timeout=600)
    cap("node-test-brineboard-compare-integer", "node --test --test-name-pattern='^(compare|integer) ' "
        "spec/ 2>&1 | grep -v '# SKIP'", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-grep-v-ok-exit", "chain-test-exit", "test",
          [Part("cd brineboard", None), Part("node --test spec/ 2>&1 | grep -v '^    ok ' | tail -n 1200",
                                             n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "brineboard"
    cap("eslint-color-app-lib-brineboard-head-650", "npx eslint --color app lib 2>&1 | head -n 650", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/brineboard.ts": APP_TS})
    cap("tsc-checkjs-bignumber-brineboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/bignumber.cjs ts/brineboard.ts 2>&1 | head -n 700",
        root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-brineboard", "chain-lint", "lint",
          [Part("cd brineboard", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-bignumber-json", "npm view bignumber.js --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
