"""Round 646, JavaScript / TypeScript: the real npm package romans 3.1.0 installed with `npm install` under a
terminal, its `romans.js` copied into a small app (`fiddlehall`, a luthier's workshop's board of fiddle labels: years
and fret numbers as Roman numerals) with bugs put in; a vitest suite written here whose expectations come from the
unbroken package (seed 64668; a node script computes them from node_modules/romans before the copy is broken); eslint
over the copy and the app with round 313's flat config and tsc with round 313's tsconfig (both imported from
capture_wide313_js). Colour forced (FORCE_COLOR=1 through round 368's runner) or under a pseudo-terminal. Extractors:
`n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's
runner. Run through capture_wide646.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide622_js import FIXTURES_JS
from capture_wide646 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide646-js"
NM = JS / "node_modules"
SEED = 64668

# The bugs put in the copy (lib/romans.cjs): 900 not written CM; 0 not refused; 4 not written IV.
BUGS = [("romans.cjs", "if (num >= 900) {", "if (num > 900) {"),
        ("romans.cjs", "if ((decimal | 0) !== decimal || decimal <= 0) {", "if ((decimal | 0) !== decimal || decimal < 0) {"),
        ("romans.cjs", "if (num >= 4) {", "if (num > 4) {")]

FIDDLES = ["viola d'amore", "baroque violin", "cello", "kit fiddle", "hardanger fiddle", "viola", "double bass",
           "violino piccolo", "five-string fiddle", "quinton"]
PARTS = ["label", "scroll", "fret", "bridge", "soundpost", "purfling", "rib", "neck", "pegbox", "belly"]


def cases(seed: int) -> list:
    def to_roman(n: int) -> str:
        out = ""
        for v, s in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                     (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]:
            while n >= v:
                out += s
                n -= v
        return out
    rnd = random.Random(seed)
    out = []
    for i in range(170):
        r = rnd.random()
        if r < 0.55:
            fn, arg = "romanize", rnd.choice([rnd.randint(1, 50), rnd.randint(1, 3999), rnd.choice([0, 4, 9, 900, 4000, -3, 2.5])])
        else:
            fn, arg = "deromanize", rnd.choice([to_roman(rnd.randint(1, 3999)), to_roman(rnd.randint(1, 60)),
                                                rnd.choice(["IIII", "VV", "ABC", "MCMXCIX", "DCCCC"])])
        out.append({"name": f"fiddle {i + 1}: {rnd.choice(FIDDLES)} {rnd.choice(PARTS)} on bench {rnd.randint(1, 12)}",
                    "fn": fn, "args": [arg]})
    return out


FIXTURES = FIXTURES_JS.replace('const rgbHex = require("rgb-hex");', 'const romans = require("romans");').replace(
    "rgbHex(...c.args)", "romans[c.fn](...c.args)")

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const romans = require("../lib/romans.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("fiddlehall labels", () => {
  test.each(cases)("$name", ({ fn, args, expected, throws }) => {
    if (throws) expect(() => romans[fn](...args)).toThrow(throws);
    else expect(romans[fn](...args)).toBe(expected);
  });
});
"""

APP_JS = """import { romanize, deromanize } from "../lib/romans.cjs";

const years = { "ivo": 1999, "mara": 2023, "tom": 388, "ivo": 2026 };
export function labelFor(fiddle, bench) {
  var label = romanize(years[fiddle.luthier]) + " bench " + bench.number;
  for (var y in years) {
    if (bench == undefined) bench = y;
  }
  const unused = years.length * 2;
  if (fiddle.fret == null) return label;
  else return label + " fret " + deromanize(fiddle.fret);
}
export const hall = function (fiddles) {
  let out = [];
  fiddles.forEach(function (f, i) { out.push(labelFor(fiddles[i - 1], f)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import { romanize, deromanize } from '../lib/romans.cjs'

interface Fiddle { luthier: string; year: number; fret?: string; bench?: { number: number } }

export function labels(fs: Fiddle[]): string[] {
  return fs.map((f, i) => romanize(fs[i - 1].year).toLowerCase())
}

export const bench = (f: Fiddle): number => f.bench.number
export const purflingMm: string = 1.5
export const first = (fs: Fiddle[]): Fiddle => fs[0]
export const fret = (f: Fiddle) => deromanize(f.fret.toUpperCase(2))
export const both = (f: Fiddle): [string, number] => [romanize(f, 'lower'), deromanize()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "fiddlehall"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    assert "rgbHex" not in FIXTURES
    write_tree(root, {"package.json": json.dumps({"name": "fiddlehall", "version": "0.4.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES,
                      "test/labels.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/hall.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/romans/romans.js lib/romans.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "fiddlehall-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose romans@3.1.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'bench 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "fiddlehall"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    cap("eslint-tty", "npx eslint lib app test", root, n_eslint, tty=True, timeout=600)
    write_tree(root, {"ts/fiddlehall.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/romans.cjs app/hall.js ts/fiddlehall.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
