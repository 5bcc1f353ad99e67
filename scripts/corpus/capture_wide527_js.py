"""Round 527, JavaScript / TypeScript: the real npm package deep-extend 0.6.0 installed with `npm install` under a
terminal, its `lib/deep-extend.js` copied into a small app (`glazeboard`, a gunpowder mill's glazing-house board) with
bugs put in; a vitest suite written here whose expectations come from the unbroken package (seed 52715; a node script
computes them from node_modules/deep-extend before the copy is broken); eslint over the copy and the app with round
313's flat config and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced
(FORCE_COLOR=1 through round 368's runner) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from
capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through
capture_wide527.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide527 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide527-js"
NM = JS / "node_modules"
SEED = 52715

# The bugs put in the copy (lib/deep-extend.cjs): a null value is merged as an object; two objects under one key are
# not merged (the new one replaces the old); objects inside arrays are cloned into arrays.
BUGS = [("deep-extend.cjs", "} else if (typeof val !== 'object' || val === null) {", "} else if (typeof val !== 'object') {"),
        ("deep-extend.cjs", "target[key] = deepExtend(src, val);", "target[key] = deepExtend({}, val);"),
        ("deep-extend.cjs", "clone[index] = deepExtend({}, item);", "clone[index] = deepExtend([], item);")]

WORDS = ["saltpetre", "charcoal", "sulphur", "runner", "bedstone", "press", "cake", "sieve", "glaze", "stove",
         "magazine", "millman", "charge", "grain", "barrel", "reel", "damp"]


def leaf(rnd: random.Random):
    r = rnd.random()
    if r < 0.35:
        return rnd.randint(0, 90)
    if r < 0.6:
        return rnd.choice(WORDS)
    if r < 0.72:
        return None
    if r < 0.86:
        return [rnd.randint(0, 9) for _ in range(rnd.randint(1, 3))]
    return [{rnd.choice(WORDS): rnd.randint(0, 9)}]


def obj(rnd: random.Random, depth: int) -> dict:
    out = {}
    for w in rnd.sample(WORDS, rnd.randint(1, 4)):
        out[w] = obj(rnd, depth - 1) if depth > 0 and rnd.random() < 0.35 else leaf(rnd)
    return out


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    out = []
    for i in range(90):
        a = obj(rnd, 2)
        b = obj(rnd, 2)
        if rnd.random() < 0.4:  # a key both hold an object under
            k = rnd.choice(WORDS)
            a[k], b[k] = obj(rnd, 1), obj(rnd, 1)
        out.append({"name": f"charge {i + 1}: {rnd.choice(WORDS)} in mill {rnd.randint(1, 6)}", "a": a, "b": b})
    return out


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const deepExtend = require("deep-extend");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) c.expected = deepExtend({}, c.a, c.b);
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const deepExtend = require("../lib/deep-extend.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("glazeboard charge merges", () => {
  test.each(cases)("$name", ({ a, b, expected }) => {
    expect(deepExtend({}, a, b)).toEqual(expected);
  });
});
"""

APP_JS = """import deepExtend from "../lib/deep-extend.cjs";

const houses = { "press": 3, "corning": 1, "glazing": 2, "press": 4 };
export function chargeFor(base, mill) {
  var merged = deepExtend({}, base, mill) + " <" + houses[mill.house] + ">";
  for (var house in houses) {
    if (mill == undefined) mill = house;
  }
  const unused = houses.length * 2;
  if (base.runner == null) return merged;
  else return merged + " runner " + base.runner;
}
export const board = function (charges) {
  let out = [];
  charges.forEach(function (c, i) { out.push(chargeFor(charges[i - 1], c)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import deepExtend from '../lib/deep-extend.cjs'

interface Charge { house: string; kilos: number; flashed?: boolean; millman?: { name: string } }

export function merged(cs: Charge[]): Charge[] {
  return cs.map((c, i) => deepExtend(cs[i - 1], c))
}

export const millman = (c: Charge): string => c.millman.name
export const kilos: string = 40
export const first = (cs: Charge[]): Charge => cs[0]
export const grain = (c: Charge) => deepExtend(c.kilos.toFixed('2'))
export const both = (c: Charge): [string, number] => [deepExtend(c, c, 3), deepExtend()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "glazeboard"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "glazeboard", "version": "0.3.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/charges.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/deep-extend/lib/deep-extend.js lib/deep-extend.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "glazeboard-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=http deep-extend@0.6.0 array-flatten@3.0.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'charge 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 120", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "glazeboard"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/glazeboard.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/deep-extend.cjs ts/glazeboard.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
