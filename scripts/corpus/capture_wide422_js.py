"""Round 422, JavaScript / TypeScript: a real npm package new to the corpus (fraction.js 5.3.4: rational numbers on
BigInt; one CommonJS file, dist/fraction.js) copied into a small app (`pourbook`, a foundry's melt-and-pour booking web
pages) with a few bugs put in; generated vitest and node --test suites over the copy whose expectations come from the
unbroken package (seed 42210); eslint over the copy and the app; tsc --noEmit with checkJs over the copied JavaScript
and an app that uses it wrongly; npm view of the package. Some runs have colour forced on (FORCE_COLOR=1, --color) as
agents sometimes run them. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported. Run through
capture_wide422.py."""

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
from capture_wide422 import JS, cap

NM = JS / "node_modules"
PKG = NM / "fraction.js" / "dist"

# The bugs put in the copy (lib/fraction.cjs, the package's dist/fraction.js): (file, text, replacement); each text
# occurs exactly once. sub subtracts the wrong way round; mod loses the sign of the dividend; floor takes one off
# positive non-integers instead of negative ones; toString starts the repeating digits one place too late.
BUGS = [("fraction.cjs", 'this["s"] * this["n"] * P["d"] - P["s"] * this["d"] * P["n"],',
         'P["s"] * this["d"] * P["n"] - this["s"] * this["n"] * P["d"],'),
        ("fraction.cjs", 'this["s"] * (P["d"] * this["n"]) % (P["n"] * this["d"]),',
         '(P["d"] * this["n"]) % (P["n"] * this["d"]),'),
        ("fraction.cjs", '(places * this["n"] % this["d"] > C_ZERO && this["s"] < C_ZERO ? C_ONE : C_ZERO),',
         '(places * this["n"] % this["d"] > C_ZERO && this["s"] > C_ZERO ? C_ONE : C_ZERO),'),
        ("fraction.cjs", "let cycOff = cycleStart(N, D, cycLen); // Cycle start",
         "let cycOff = cycleStart(N, D, cycLen) + C_ONE; // Cycle start")]

OPS = ["add", "sub", "mul", "div", "mod", "round", "floor", "toString", "toFraction", "compare", "gcd", "bad"]
VALUES = ["3/4", "-7/8", "1.25", "-0.(3)", "2.5(16)", "12", "0", "-5", "1/3", "22/7", "-13/6", "0.125", "4.(142857)",
          "100/3", "-2.75", "9/16", "1/7", "-11/12", "3.(6)", "0.0(45)"]
PLACES = [0, 1, 2, 3]
BAD = ["3/0", "two thirds", "1/2/3", "--4", "", "0.(", "7/x"]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(360):
        op = OPS[i % len(OPS)]
        if op in ("round", "floor"):
            arg = [rnd.choice(VALUES), rnd.choice(PLACES)]
        elif op in ("toString", "toFraction"):
            arg = [rnd.choice(VALUES)]
        elif op == "bad":
            arg = [rnd.choice(VALUES + BAD), rnd.choice(BAD + ["0"])]
        else:
            arg = [rnd.choice(VALUES), rnd.choice(VALUES)]
        cases.append([f"{op} {i:03}", op, arg])
    return cases


RUNNER = """
const run = (Fraction, op, arg) => {
  try {
    const a = new Fraction(arg[0]);
    if (op === "toString") return { out: a.toString() };
    if (op === "toFraction") return { out: a.toFraction(true) };
    if (op === "compare") return { out: a.compare(arg[1]) };
    if (op === "bad") return { out: a.div(arg[1]).toFraction() };
    return { out: a[op](arg[1]).toFraction() + " = " + a[op](arg[1]).toString() };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Fraction = require("fraction.js");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(Fraction, op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import Fraction from "../lib/fraction.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("pourbook ladle sums (vendored fraction.js)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(Fraction, op, arg), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import Fraction from "../lib/fraction.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`pourbook ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, arg, want) => {
      expect(run(Fraction, op, arg)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import Fraction from "../lib/fraction.cjs";

const ladles = { "teapot": "3/4", "bottom-pour": 1.5, "lip-pour": ["1/2"], "hand shank": "x/3", "teapot": "7/8" };
export function share(melt, name) {
  var part = ladles[name];
  for (var key in ladles) {
    if (name == undefined) name = key;
  }
  const unused = ladles.length * 2;
  if (part == null) return "no ladle " + name;
  else return new Fraction(melt).mul(part).toFraction(true) + " kg " + name;
}
export const moulds = function (pours) {
  const { length } = pours.filter((p) => new Fraction(p).compare("1/2") == 1);
  return length + " moulds";
};
export function fettle(pours, strict, log) {
  let n = 0;
  pours.forEach(function (p) { if (new Fraction(p).equals("1/4") != false) n++; });
  while (n = pours.length) { n--; }
  if (n) {}
  return n ? pours : null;
}
"""

APP_TS = """import Fraction from '../lib/fraction.cjs'

interface Pour { ladle: string; kilos: number; poured?: Date; mould?: { flask: string } }
interface Heat { cupola: string; pours: Pour[] }

export function shares(heats: Heat[]): string[] {
  return heats.map((h) => new Fraction(h.pours).add(h.cupola) + 1)
}

export const kilos = (p: Pour): number => new Fraction(p.ladle).toFraction().toFixed(2)
export const bad = (p: Pour): boolean => new Fraction(p.kilos).equals('ladle', { mixed: 'yes' })
export const poured = (p: Pour) => p.poured.toUTCString()
export const flask = (p: Pour): string => p.mould.flask
export const total: string = Fraction.prototype * 'moulds'
export const both = (h: Heat): [string, number] => [new Fraction(h).round('2'), new Fraction().simplify()]
export const sprue = (h: Heat): URL => new Fraction(h.cupola, { scheme: 4 }).valueOf().toLowerCase(2)
"""


def app(tmp: Path) -> Path:
    root = tmp / "pourbook"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "pourbook", "version": "0.6.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(42210)), "fixtures.mjs": FIXTURES_JS,
                      "spec/ladles.node.test.mjs": NODE_SUITE, "test/ladles.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/ladles.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    (root / "lib" / "fraction.cjs").write_text((PKG / "fraction.js").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-pourbook-color-tail-1200", "FORCE_COLOR=1 npx vitest run 2>&1 | tail -n 1200", root, n_vitest,
        timeout=600)
    chain("chain-vitest-sub-mod-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'pourbook (sub|mod)' 2>&1 | tail -n 600", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-pourbook-floor-tostring", "node --test --test-name-pattern='^(floor|toString) ' "
        "spec/ 2>&1 | grep -v '# SKIP'", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-grep-v-ok-exit", "chain-test-exit", "test",
          [Part("cd pourbook", None), Part("node --test spec/ 2>&1 | grep -v '^    ok ' | tail -n 1500",
                                           n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "pourbook"
    cap("eslint-color-app-lib-pourbook-head-650", "npx eslint --color app lib 2>&1 | head -n 650", root, n_eslint,
        timeout=600)
    write_tree(root, {"ts/pourbook.ts": APP_TS})
    cap("tsc-checkjs-fraction-pourbook", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/fraction.cjs ts/pourbook.ts 2>&1", root, n_tsc,
        timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-pourbook", "chain-lint", "lint",
          [Part("cd pourbook", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-fraction-js-json", "npm view fraction.js --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
