"""Round 636, JavaScript / TypeScript: the real npm package hex-to-rgba 2.0.1 installed with `npm install` under a
terminal, its `build/index.js` copied into a small app (`pane_board`, a stained-glass workshop's board of glass
colours: hex codes as rgba()) with bugs put in; a vitest suite written here whose expectations come from the unbroken
package (seed 63668; a node script computes them from node_modules/hex-to-rgba before the copy is broken); eslint over
the copy and the app with round 313's flat config and tsc with round 313's tsconfig (both imported from
capture_wide313_js). Colour forced (FORCE_COLOR=1 through round 368's runner) or under a pseudo-terminal. Extractors:
`n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's
runner. Run through capture_wide636.py."""
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
from capture_wide636 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide636-js"
NM = JS / "node_modules"
SEED = 63668

# The bugs put in the copy (lib/hex-to-rgba.cjs): four-digit short hex read as long; an alpha argument of 0 ignored;
# the parsed alpha rounded to one decimal.
BUGS = [("hex-to-rgba.cjs", "nakedHex.length === 3 || nakedHex.length === 4", "nakedHex.length === 3"),
        ("hex-to-rgba.cjs", "isNumeric(parameterA) ? parameterA : parsedA", "parameterA ? parameterA : parsedA"),
        ("hex-to-rgba.cjs", "(hexToDecimal(a) / 255).toFixed(2)", "(hexToDecimal(a) / 255).toFixed(1)")]

GLASS = ["ruby lancet", "cobalt roundel", "amber quarry", "flashed ruby border", "silver-stain canopy",
         "grisaille tracery", "green rose light", "opal saint's robe", "streaky sky", "pot-metal gold", "white quarry",
         "murrey border"]
PARTS = ["came", "cutline", "cartoon", "light", "panel", "border", "roundel", "quarry", "tracery", "ground"]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(160):
        n = rnd.choice([3, 4, 6, 8])
        h = "".join(rnd.choice("0123456789abcdefABCDEF") for _ in range(n))
        if rnd.random() < 0.5:
            h = "#" + h
        r = rnd.random()
        args = [h] if r < 0.45 else [h, rnd.choice([0, 1, 0.5, "0.25", round(rnd.random(), 2)])]
        out.append({"name": f"pane {i + 1}: {rnd.choice(GLASS)} {rnd.choice(PARTS)} on bench {rnd.randint(1, 12)}",
                    "args": args})
    return out


VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const hexToRgba = require("../lib/hex-to-rgba.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("pane_board glass colours", () => {
  test.each(cases)("$name", ({ args, expected, throws }) => {
    if (throws) expect(() => hexToRgba(...args)).toThrow(throws);
    else expect(hexToRgba(...args)).toBe(expected);
  });
});
"""

APP_JS = """import hexToRgba from "../lib/hex-to-rgba.cjs";

const glass = { "ruby": "#9b111e", "cobalt": "#0047ab", "amber": "#ffbf00", "ruby": "#e0115f" };
export function lightFor(pane, bench) {
  var rgba = hexToRgba(glass[pane.glass], pane.alpha) + " bench " + bench.number;
  for (var g in glass) {
    if (bench == undefined) bench = g;
  }
  const unused = glass.length * 2;
  if (pane.glazier == null) return rgba;
  else return rgba + " glazier " + pane.glazier;
}
export const board = function (panes) {
  let out = [];
  panes.forEach(function (p, i) { out.push(lightFor(panes[i - 1], p)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import hexToRgba from '../lib/hex-to-rgba.cjs'

interface Pane { glass: string; hex: string; alpha?: number; glazier?: { name: string } }

export function lights(ps: Pane[]): string[] {
  return ps.map((p, i) => hexToRgba(ps[i - 1].hex).toUpperCase())
}

export const glazier = (p: Pane): string => p.glazier.name
export const cameMm: string = 6
export const first = (ps: Pane[]): Pane => ps[0]
export const faded = (p: Pane) => hexToRgba(p.hex, p.alpha.toFixed('2'))
export const both = (p: Pane): [string, number] => [hexToRgba(p, 'rgb', 3), hexToRgba()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "pane_board"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    fixtures = FIXTURES_JS.replace('const rgbHex = require("rgb-hex");', 'const hexToRgba = require("hex-to-rgba");')
    fixtures = fixtures.replace("rgbHex(...c.args)", "hexToRgba(...c.args)")
    assert "rgbHex" not in fixtures
    write_tree(root, {"package.json": json.dumps({"name": "pane_board", "version": "0.3.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": fixtures,
                      "test/glass.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/workshop.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/hex-to-rgba/build/index.js lib/hex-to-rgba.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "pane_board-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose hex-to-rgba@2.0.1", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'bench 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "pane_board"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/pane_board.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/hex-to-rgba.cjs app/workshop.js ts/pane_board.ts", root,
        n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
