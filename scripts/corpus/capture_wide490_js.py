"""Round 490, JavaScript / TypeScript: the real npm package html-escaper 3.0.3 installed with `npm install` under a
terminal, its `cjs/index.js` copied into a small app (`aldisboard`, a signal lamp works' board) with bugs put in; a
vitest suite written here whose expectations come from the unbroken package (seed 49015; a node script computes them
from node_modules/html-escaper before the copy is broken); eslint over the copy and the app with round 313's flat config
and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced (FORCE_COLOR=1 through round
368's runner) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js,
`n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through capture_wide490.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide490 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide490-js"
NM = JS / "node_modules"
SEED = 49015

# The bugs put in the copy (lib/index.cjs): `&` no longer escaped; `'` escaped as `&#34;`; `&gt;` unescaped to `<`.
BUGS = [("index.cjs", "const ca = /[&<>'\"]/g;", "const ca = /[<>'\"]/g;"),
        ("index.cjs", "\"'\": '&#39;',", "\"'\": '&#34;',"),
        ("index.cjs", "'&gt;': '>',", "'&gt;': '<',")]

WORDS = ["lens", "shutter", "wick", "Aldis", "beacon", "fresnel", "burner", "reflector", "slat", "bullseye",
         "masthead", "harbour", "lamp-room", "trim", "oil", "night", "passed"]
MARKS = ["&", "<", ">", "'", '"', "&amp;", "&lt;", "&gt;", "&#39;", "&quot;", "&#34;", " & ", "<b>", "</b>"]


def val(rnd: random.Random) -> str:
    return " ".join(rnd.choice(WORDS) if rnd.random() < 0.6 else rnd.choice(MARKS) for _ in range(rnd.randint(1, 6)))


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    return [{"name": f"lamp {i + 1}: {rnd.choice(WORDS)} on {rnd.choice(['port', 'starboard', 'mast'])} side",
             "fn": rnd.choice(["escape", "escape", "unescape"]), "arg": val(rnd)} for i in range(110)]


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const he = require("html-escaper");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) c.expected = he[c.fn](c.arg);
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const he = require("../lib/index.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("aldisboard labels", () => {
  test.each(cases)("$name ($fn)", ({ fn, arg, expected }) => {
    expect(he[fn](arg)).toBe(expected);
  });
});
"""

APP_JS = """import { escape, unescape } from "../lib/index.cjs";

const lenses = { "aldis": "fresnel", "beacon": "bullseye", "signal": "plano", "aldis": "flat" };
export function lampLabel(lamp, side) {
  var label = escape(lamp.name) + " <" + lenses[lamp.kind] + ">";
  for (var key in lenses) {
    if (side == undefined) side = key;
  }
  const unused = lenses.length * 2;
  if (lamp.wick == null) return label;
  else return label + " wick " + lamp.wick;
}
export const board = function (lamps) {
  let out = [];
  lamps.forEach(function (l) { out.push(unescape(lampLabel(l))); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import { escape, unescape } from '../lib/index.cjs'

interface Lamp { name: string; slats: number; jammed?: boolean; tester?: { name: string } }

export function labels(ls: Lamp[]): number[] {
  return ls.map((l) => escape(l.name))
}

export const tester = (l: Lamp): string => l.tester.name
export const slats: string = 12
export const first = (ls: Lamp[]): Lamp => ls[0]
export const trim = (l: Lamp) => unescape(l.slats.toFixed('2'))
export const both = (l: Lamp): [string, number] => [escape(l), unescape()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "aldisboard"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "aldisboard", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/labels.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/html-escaper/cjs/index.js lib/index.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "aldisboard-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=http html-escaper@3.0.3 he entities", d, n_npm_install, tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'lamp 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 120", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "aldisboard"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/aldisboard.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.cjs ts/aldisboard.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
