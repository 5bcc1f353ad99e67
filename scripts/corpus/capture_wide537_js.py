"""Round 537, JavaScript / TypeScript: the real npm package mixin-deep 2.0.1 installed with `npm install` under a
terminal, its `index.js` copied into a small app (`forming_board`, a rope walk's forming-jack board) with bugs put in;
a vitest suite written here whose expectations come from the unbroken package (seed 53715; a node script computes them
from node_modules/mixin-deep, on deep copies, before the copy is broken); eslint over the copy and the app with round
313's flat config and tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced
(FORCE_COLOR=1 through round 368's runner) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from
capture_wide15_js, `n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through
capture_wide537.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide537 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide537-js"
NM = JS / "node_modules"
SEED = 53715

# The bugs put in the copy (lib/mixin-deep.cjs): arrays are taken for objects and merged by index; two objects under
# one key are not merged (the new one replaces the old); a null value does not overwrite.
BUGS = [("mixin-deep.cjs", "(typeof val === 'object' && val !== null && !Array.isArray(val))",
         "(typeof val === 'object' && val !== null)"),
        ("mixin-deep.cjs", "    mixinDeep(obj, val);\n", "    target[key] = mixinDeep({}, val);\n"),
        ("mixin-deep.cjs", "    target[key] = val;\n", "    if (val !== null) target[key] = val;\n")]

WORDS = ["hemp", "manila", "yarn", "strand", "jack", "top", "spinner", "hatchel", "tar", "kettle", "sledge",
         "hawser", "cable", "fathom", "twist", "lay", "whirl"]


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
        r = rnd.random()
        if r < 0.3:  # a key both hold an object under
            k = rnd.choice(WORDS)
            a[k], b[k] = obj(rnd, 1), obj(rnd, 1)
        elif r < 0.45:  # a key both hold an array under
            k = rnd.choice(WORDS)
            a[k], b[k] = [rnd.randint(0, 9) for _ in range(3)], [rnd.randint(0, 9)]
        out.append({"name": f"laying {i + 1}: {rnd.choice(WORDS)} on jack {rnd.randint(1, 6)}", "a": a, "b": b})
    return out


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const mixinDeep = require("mixin-deep");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) c.expected = mixinDeep({}, structuredClone(c.a), structuredClone(c.b));
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const mixinDeep = require("../lib/mixin-deep.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("forming_board strand merges", () => {
  test.each(cases)("$name", ({ a, b, expected }) => {
    expect(mixinDeep({}, structuredClone(a), structuredClone(b))).toEqual(expected);
  });
});
"""

APP_JS = """import mixinDeep from "../lib/mixin-deep.cjs";

const jacks = { "forming": 2, "spinning": 6, "laying": 1, "forming": 3 };
export function strandFor(base, jack) {
  var merged = mixinDeep({}, base, jack) + " [" + jacks[jack.kind] + "]";
  for (var kind in jacks) {
    if (jack == undefined) jack = kind;
  }
  const unused = jacks.length * 3;
  if (base.top == null) return merged;
  else return merged + " top " + base.top;
}
export const walk = function (strands) {
  let out = [];
  strands.forEach(function (s, i) { out.push(strandFor(strands[i - 1], s)); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import mixinDeep from '../lib/mixin-deep.cjs'

interface Strand { jack: string; yarns: number; snapped?: boolean; spinner?: { name: string } }

export function laid(ss: Strand[]): Strand[] {
  return ss.map((s, i) => mixinDeep(ss[i - 1], s))
}

export const spinner = (s: Strand): string => s.spinner.name
export const fathoms: string = 120
export const first = (ss: Strand[]): Strand => ss[0]
export const twist = (s: Strand) => mixinDeep(s.yarns.toFixed('1'))
export const both = (s: Strand): [string, number] => [mixinDeep(s, s, 3), mixinDeep()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "forming_board"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "forming_board", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/strands.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/mixin-deep/index.js lib/mixin-deep.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "forming_board-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=http mixin-deep@2.0.1 semver-compare@1.0.0", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'laying 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 120", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "forming_board"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/forming_board.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/mixin-deep.cjs ts/forming_board.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
