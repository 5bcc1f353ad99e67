"""Round 622, JavaScript / TypeScript: the real npm package rgb-hex 3.0.0 installed with `npm install` under a
terminal, its `index.js` copied into a small app (`tin_board`, a mustard mill's tin-label board: label colours as hex)
with bugs put in; a vitest suite written here whose expectations come from the unbroken package (seed 62278; a node
script computes them from node_modules/rgb-hex before the copy is broken); eslint over the copy and the app with round
313's flat config and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced
(FORCE_COLOR=1 through round 368's runner) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc`
from capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through
capture_wide622.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide622 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide622-js"
NM = JS / "node_modules"
SEED = 62278

# The bugs put in the copy (lib/rgb-hex.cjs): alpha fractions rounded down; a blue of 255 refused; percentages read
# as tenths.
BUGS = [("rgb-hex.cjs", "alpha = Math.round(255 * alpha);", "alpha = Math.floor(255 * alpha);"),
        ("rgb-hex.cjs", "blue > 255", "blue >= 255"),
        ("rgb-hex.cjs", "alpha = Math.round(255 * alpha / 100);", "alpha = Math.round(255 * alpha / 10);")]

TINS = ["brown mustard tin", "white mustard tin", "mustard flour jar", "seed sack", "husk bag", "bran cake crate",
        "oriental mustard tin", "vinegar mustard jar", "turmeric blend tin", "gift tin", "export case", "sample pot"]
PARTS = ["lid", "band", "label", "border", "crest", "lettering", "bull's head", "ground", "rim", "seal"]


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(160):
        ch = [rnd.choice([0, 255, rnd.randint(0, 255)]) for _ in range(3)]
        r = rnd.random()
        if r < 0.3:
            args = ch
        elif r < 0.5:
            args = [*ch, rnd.choice([0, 1, 0.5, round(rnd.random(), 2)])]
        elif r < 0.7:
            args = [f"rgb({ch[0]}, {ch[1]}, {ch[2]})"]
        elif r < 0.9:
            args = [f"rgba({ch[0]}, {ch[1]}, {ch[2]}, {rnd.randint(0, 100)}%)"]
        else:
            args = [ch[0], ch[1] + rnd.choice([0, 300]), ch[2]]
        out.append({"name": f"tin {i + 1}: {rnd.choice(TINS)} {rnd.choice(PARTS)} on quern {rnd.randint(1, 12)}",
                    "args": args})
    return out


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const rgbHex = require("rgb-hex");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) {
  try { c.expected = rgbHex(...c.args); } catch (e) { c.throws = e.message; }
}
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const rgbHex = require("../lib/rgb-hex.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("tin_board label colours", () => {
  test.each(cases)("$name", ({ args, expected, throws }) => {
    if (throws) expect(() => rgbHex(...args)).toThrow(throws);
    else expect(rgbHex(...args)).toBe(expected);
  });
});
"""

APP_JS = """import rgbHex from "../lib/rgb-hex.cjs";

const labels = { "brown": [120, 72, 0], "white": [250, 240, 200], "oriental": [200, 150, 10], "brown": [99, 60, 0] };
export function labelFor(tin, quern) {
  var hex = "#" + rgbHex(...labels[tin.seed]) + " quern " + quern.number;
  for (var seed in labels) {
    if (quern == undefined) quern = seed;
  }
  const unused = labels.length * 2;
  if (tin.miller == null) return hex;
  else return hex + " miller " + tin.miller;
}
export const board = function (tins) {
  let out = [];
  tins.forEach(function (t, i) { out.push(labelFor(tins[i - 1], t)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import rgbHex from '../lib/rgb-hex.cjs'

interface Tin { seed: string; rgb: [number, number, number]; alpha?: number; miller?: { name: string } }

export function labels(ts: Tin[]): string[] {
  return ts.map((t, i) => rgbHex(...ts[i - 1].rgb).toUpperCase())
}

export const miller = (t: Tin): string => t.miller.name
export const mesh: string = 80
export const first = (ts: Tin[]): Tin => ts[0]
export const faded = (t: Tin) => rgbHex(t.rgb[0], t.rgb[1], t.rgb[2], t.alpha.toFixed('2'))
export const both = (t: Tin): [string, number] => [rgbHex(t, 'rgb', 3), rgbHex()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "tin_board"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "tin_board", "version": "0.2.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/labels.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/mill.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    assert (root / "test" / "cases.json").exists()
    run(f"cp {NM}/rgb-hex/index.js lib/rgb-hex.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "tin_board-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=verbose rgb-hex@3.0.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 600", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'quern 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 400", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "tin_board"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/tin_board.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/rgb-hex.cjs app/mill.js ts/tin_board.ts", root, n_tsc,
        timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
