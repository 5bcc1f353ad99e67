"""Round 395, JavaScript / TypeScript: a real npm package new to the issue's rounds (decimal.js 10.6.0:
arbitrary-precision decimals; one UMD/CommonJS file) copied into a small app (`vatport`, a paper mill's vat and ream
web pages) with a few bugs put in; generated vitest and node --test suites over the copy whose expectations come from
the unbroken package (seed 39510); eslint over the copy and the app; tsc --noEmit with checkJs over the copied
JavaScript and an app that uses it wrongly; npm view --json of the package. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's
(capture_wide313_js), imported. Run through capture_wide395.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide395 import JS, cap

NM = JS / "node_modules"
PKG = NM / "decimal.js"

# The bugs put in the copy (lib/decimal.cjs, the package's decimal.js): (file, text, replacement); each text occurs
# exactly once. comparedTo reads the exponents the wrong way round; isInteger wants one more digit than it should;
# toFixed rounds one place too early; toSignificantDigits keeps one digit too few.
BUGS = [("decimal.cjs", "if (x.e !== y.e) return x.e > y.e ^ xs < 0 ? 1 : -1;",
         "if (x.e !== y.e) return x.e < y.e ^ xs < 0 ? 1 : -1;"),
        ("decimal.cjs", "mathfloor(this.e / LOG_BASE) > this.d.length - 2;",
         "mathfloor(this.e / LOG_BASE) > this.d.length - 1;"),
        ("decimal.cjs", "y = finalise(new Ctor(x), dp + x.e + 1, rm);", "y = finalise(new Ctor(x), dp + x.e, rm);"),
        ("decimal.cjs", "return finalise(new Ctor(x), sd, rm);", "return finalise(new Ctor(x), sd - 1, rm);")]

OPS = ["plus", "minus", "times", "div", "toFixed", "cmp", "isInt", "toSD", "sqrt", "bad"]
NUMBERS = ["0", "1", "-1", "0.1", "0.2", "3.14159", "2.5", "-2.5", "1e21", "1e-7", "123456789.987654321", "100",
           "-0.005", "7", "12.5", "999.999", "0.000123", "65536", "-42.42", "1.005", "250", "33.3333", "-1e3",
           "8.25", "4096.5"]
BAD = ["ream", "1..2", "", "0x", "--3", "1e", "felt 4", "NaNx"]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(330):
        op = OPS[i % len(OPS)]
        if op == "bad":
            arg = [rnd.choice(BAD), rnd.choice(NUMBERS)]
        elif op in ("toFixed", "toSD"):
            arg = [rnd.choice(NUMBERS), rnd.randint(1 if op == "toSD" else 0, 6)]
        else:
            arg = [rnd.choice(NUMBERS), rnd.choice(NUMBERS)]
        cases.append([f"{op} {i:03}", op, arg])
    return cases


RUNNER = """
const run = (Decimal, op, arg) => {
  try {
    const x = new Decimal(arg[0]);
    if (op === "plus") return { out: x.plus(arg[1]).toString() };
    if (op === "minus") return { out: x.minus(arg[1]).toString() };
    if (op === "times") return { out: x.times(arg[1]).toString() };
    if (op === "div") return { out: x.div(arg[1]).toString() };
    if (op === "toFixed") return { out: x.toFixed(arg[1]) };
    if (op === "cmp") return { out: x.cmp(arg[1]) };
    if (op === "isInt") return { out: [x.isInt(), new Decimal(arg[1]).isInt()] };
    if (op === "toSD") return { out: x.toSD(arg[1]).toString() };
    if (op === "sqrt") return { out: x.abs().sqrt().toString() };
    return { out: x.plus(arg[1]).toString() };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Decimal = require("decimal.js");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(Decimal, op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import Decimal from "../lib/decimal.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("vatport reams (vendored decimal.js)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(Decimal, op, arg), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import Decimal from "../lib/decimal.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`vatport ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, arg, want) => {
      expect(run(Decimal, op, arg)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import Decimal from "../lib/decimal.cjs";

const vats = { "pickup": "0.35", "press": 12, "dryer": ["4.5"], "reel": "-1", "pickup": "2.5e3" };
export function consistency(stock, name) {
  var pulp = vats[name];
  for (var key in vats) {
    if (name == undefined) name = key;
  }
  const unused = vats.length * 2;
  if (pulp == null) return "no vat " + name;
  else return new Decimal(stock).div(pulp).toFixed(2) + "% " + name;
}
export const reams = function (sheets) {
  const { length } = sheets.filter((s) => new Decimal(s).isInt());
  return length + " reams";
};
export function couch(sheets, strict, log) {
  let n = 0;
  sheets.forEach(function (s) { if (new Decimal(s).cmp(500) != -1) n++; });
  while (n = sheets.length) { n--; }
  if (n) {}
  return n ? sheets : null;
}
"""

APP_TS = """import Decimal from '../lib/decimal.cjs'

interface Ream { name: string; sheets: number; couched?: Date; coucher?: { name: string } }
interface Vat { stock: string; reams: Ream[] }

export function totals(vats: Vat[]): string[] {
  return vats.map((v) => new Decimal(v.stock).plus(v.reams) + 1)
}

export const weight = (r: Ream): number => new Decimal(r.name).toFixed(2)
export const bad = (r: Ream): boolean => Decimal.max(r.sheets, 'ream', { dp: 'two' })
export const couched = (r: Ream) => r.couched.toUTCString()
export const coucher = (r: Ream): string => r.coucher.name
export const total: string = Decimal.ROUND_UP * 'reams'
export const both = (v: Vat): [string, number] => [new Decimal(v), Decimal.sqrt()]
export const grade = (v: Vat): Decimal => new Decimal(v.stock).toSD(3, { rounding: 1 }).plus(v.reams[0].sheets, 2)
"""


def app(tmp: Path) -> Path:
    root = tmp / "vatport"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "vatport", "version": "0.3.7", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(39510)), "fixtures.mjs": FIXTURES_JS,
                      "spec/reams.node.test.mjs": NODE_SUITE, "test/reams.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/vats.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    (root / "lib" / "decimal.cjs").write_text((PKG / "decimal.js").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-vatport-tail-1000", "npx vitest run 2>&1 | tail -n 1000", root, n_vitest, timeout=600)
    chain("chain-vitest-tofixed-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'vatport toFixed' 2>&1 | tail -n 300", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-vatport-spec-cmp-grep-v-skip", "node --test --test-name-pattern='^cmp ' spec/ 2>&1 | "
        "grep -v '# SKIP'", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-exit-vatport", "chain-test-exit", "test",
          [Part("cd vatport", None), Part("node --test spec/ 2>&1 | tail -n 450", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "vatport"
    cap("eslint-app-lib-vatport-head-700", "npx eslint app lib 2>&1 | head -n 700", root, n_eslint, timeout=600)
    write_tree(root, {"ts/vatport.ts": APP_TS})
    cap("tsc-checkjs-decimal-vatport-head-900", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/decimal.cjs ts/vatport.ts 2>&1 | head -n 900", root, n_tsc,
        timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-vatport", "chain-lint", "lint",
          [Part("cd vatport", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 250", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-decimal-js-json", "npm view decimal.js --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
