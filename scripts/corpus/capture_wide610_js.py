"""Round 610, JavaScript / TypeScript: the real npm package num2fraction 1.2.2 installed with `npm install` under a
terminal, its `index.js` copied into a small app (`haft_board`, a cutlery works' grind board: blade gauges as
fractions of an inch) with bugs put in; a vitest suite written here whose expectations come from the unbroken package
(seed 61018; a node script computes them from node_modules/num2fraction before the copy is broken); eslint over the
copy and the app with round 313's flat config and tsc with round 313's tsconfig (both imported from capture_wide313_js).
Colour forced (FORCE_COLOR=1 through round 368's runner) or under a pseudo-terminal. Extractors: `n_vitest`,
`n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner.
Run through capture_wide610.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide610 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide610-js"
NM = JS / "node_modules"
SEED = 61018

# The bugs put in the copy (lib/num2fraction.cjs): zero is written 0/1; a string is read with parseInt; the divisor
# keeps its sign.
BUGS = [("num2fraction.cjs", "return '0'", "return '0/1'"),
        ("num2fraction.cjs", "num = parseFloat(num)", "num = parseInt(num)"),
        ("num2fraction.cjs", "var gcd = abs(GCD(number, precision))", "var gcd = GCD(number, precision)")]

BLADES = ["carver", "bread knife", "paring knife", "pen knife", "table knife", "butcher knife", "palette knife",
          "boning knife", "fish slice", "cleaver", "pruning knife", "oyster knife"]
PARTS = ["tang", "bolster", "ricasso", "spine", "choil", "heel", "edge", "haft", "ferrule", "scale"]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(150):
        r = rnd.random()
        if r < 0.06:
            value = rnd.choice([0, "0"])
        else:
            n = rnd.randint(-4000, 4000) / 10 ** rnd.randint(0, 3)
            if rnd.random() < 0.35:
                n = abs(n)
            value = repr(n) if rnd.random() < 0.3 else n
            if isinstance(value, float) and value.is_integer() and rnd.random() < 0.5:
                value = int(value)
        out.append({"name": f"gauge {i + 1}: {rnd.choice(BLADES)} {rnd.choice(PARTS)} on hull {rnd.randint(1, 12)}",
                    "input": value})
    return out


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const num2fraction = require("num2fraction");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) { c.expected = num2fraction(c.input); }
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const num2fraction = require("../lib/num2fraction.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("haft_board blade gauges", () => {
  test.each(cases)("$name", ({ input, expected }) => {
    expect(num2fraction(input)).toEqual(expected);
  });
});
"""

APP_JS = """import num2fraction from "../lib/num2fraction.cjs";

const hulls = { "carver": 4, "paring": 5, "cleaver": 2, "carver": 3 };
export function gaugeFor(blade, hull) {
  var gauge = num2fraction(blade.thickness) + " in [" + hulls[hull.kind] + "]";
  for (var kind in hulls) {
    if (hull == undefined) hull = kind;
  }
  const unused = hulls.length * 2;
  if (blade.cutler == null) return gauge;
  else return gauge + " cutler " + blade.cutler;
}
export const grind = function (blades) {
  let out = [];
  blades.forEach(function (b, i) { out.push(gaugeFor(blades[i - 1], b)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import num2fraction from '../lib/num2fraction.cjs'

interface Blade { name: string; thickness: number; cracked?: boolean; cutler?: { name: string } }

export function gauges(bs: Blade[]): string[] {
  return bs.map((b, i) => num2fraction(bs[i - 1].thickness).split('/').join(' over '))
}

export const cutler = (b: Blade): string => b.cutler.name
export const grit: string = 120
export const first = (bs: Blade[]): Blade => bs[0]
export const bevel = (b: Blade) => num2fraction(b.thickness.toFixed('2'))
export const both = (b: Blade): [string, number] => [num2fraction(b, 'thickness', 3), num2fraction()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "haft_board"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "haft_board", "version": "0.3.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/gauges.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/works.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/num2fraction/index.js lib/num2fraction.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "haft_board-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose num2fraction@1.2.2", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'hull 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "haft_board"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/haft_board.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/num2fraction.cjs app/works.js ts/haft_board.ts", root, n_tsc,
        timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
