"""Round 499, JavaScript / TypeScript: the real npm package object-hash 3.0.0 installed with `npm install` under a
terminal, its `index.js` copied into a small app (`hawserboard`, a rope works' board) with bugs put in; a vitest suite
written here whose expectations come from the unbroken package (seed 49915; a node script computes them from
node_modules/object-hash before the copy is broken); eslint over the copy and the app with round 313's flat config and
tsc with round 313's tsconfig (both imported from capture_wide313_js). Colour forced (FORCE_COLOR=1 through round
368's runner) or under a pseudo-terminal. Extractors: `n_vitest`, `n_eslint`, `n_tsc` from capture_wide15_js,
`n_npm_install` from capture_wide15_data; chains by round 9b's runner. Run through capture_wide499.py."""
from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide15_data import n_npm_install
from capture_wide15_js import n_eslint, n_tsc, n_vitest
from capture_wide313_js import ESLINT_CONFIG, TSCONFIG
from capture_wide499 import ROOT, cap
from capture_wide9b import Part, chain, n_status_echo

JS = ROOT.parent / "hm-corpus-wide499-js"
NM = JS / "node_modules"
SEED = 49915

# The bugs put in the copy (lib/index.cjs): MD5() hashes with sha1; respectType defaults to false; unorderedArrays
# defaults to true.
BUGS = [("index.cjs", "return objectHash(object, {algorithm: 'md5', encoding: 'hex'});",
         "return objectHash(object, {algorithm: 'sha1', encoding: 'hex'});"),
        ("index.cjs", "options.respectType = sourceOptions.respectType === false ? false : true;",
         "options.respectType = sourceOptions.respectType === true ? true : false;"),
        ("index.cjs", "options.unorderedArrays = sourceOptions.unorderedArrays !== true ? false : true;",
         "options.unorderedArrays = sourceOptions.unorderedArrays !== false ? true : false;")]

WORDS = ["hemp", "manila", "sisal", "coir", "flax", "hatchel", "spindle", "layer", "strand", "yarn", "hawser",
         "cable", "tarpot", "forming-board", "walk", "lay", "twist"]


def val(rnd: random.Random, depth: int = 0):
    r = rnd.random()
    if depth < 2 and r < 0.3:
        return {rnd.choice(WORDS): val(rnd, depth + 1) for _ in range(rnd.randint(1, 4))}
    if depth < 2 and r < 0.55:
        return [val(rnd, depth + 1) for _ in range(rnd.randint(2, 4))]
    if r < 0.75:
        return rnd.randint(0, 400)
    return rnd.choice(WORDS)


def cases(seed: int) -> list:
    rnd = random.Random(seed)
    return [{"name": f"rope {i + 1}: {rnd.choice(WORDS)} on walk {rnd.randint(1, 6)}",
             "fn": rnd.choice(["sha1", "sha1", "MD5", "keys", "keysMD5"]),
             "arg": {"rope": rnd.choice(WORDS), "strands": [val(rnd, 1) for _ in range(rnd.randint(2, 4))],
                     "meta": val(rnd, 1)}} for i in range(100)]


FIXTURES_JS = """import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const oh = require("object-hash");
const cases = JSON.parse(readFileSync("cases.json", "utf8"));
for (const c of cases) c.expected = oh[c.fn](c.arg);
writeFileSync("test/cases.json", JSON.stringify(cases, null, 1));
"""

VITEST_SUITE = """import { describe, expect, test } from "vitest";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const oh = require("../lib/index.cjs");
const cases = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));

describe("hawserboard rope hashes", () => {
  test.each(cases)("$name ($fn)", ({ fn, arg, expected }) => {
    expect(oh[fn](arg)).toBe(expected);
  });
});
"""

APP_JS = """import hash from "../lib/index.cjs";

const lays = { "hawser": "right-hand", "cable": "left-hand", "shroud": "right-hand", "hawser": "plain" };
export function ropeTag(rope, walk) {
  var tag = hash.MD5(rope) + " <" + lays[rope.kind] + ">";
  for (var key in lays) {
    if (walk == undefined) walk = key;
  }
  const unused = lays.length * 2;
  if (rope.strands == null) return tag;
  else return tag + " strands " + rope.strands;
}
export const board = function (ropes) {
  let out = [];
  ropes.forEach(function (r) { out.push(hash.keys(ropeTag(r))); });
  while (out.length = 0) { out.pop(); }
  if (out) {}
  return out;
};
"""

APP_TS = """import hash from '../lib/index.cjs'

interface Rope { name: string; strands: number; parted?: boolean; layer?: { name: string } }

export function tags(rs: Rope[]): number[] {
  return rs.map((r) => hash.MD5(r))
}

export const layer = (r: Rope): string => r.layer.name
export const strands: string = 3
export const first = (rs: Rope[]): Rope => rs[0]
export const twist = (r: Rope) => hash.sha1(r.strands.toFixed('2'))
export const both = (r: Rope): [string, number] => [hash.keys(r), hash.keysMD5()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "hawserboard"
    for d in ("lib", "test", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "hawserboard", "version": "0.2.3", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "cases.json": json.dumps(cases(SEED)), "fixtures.mjs": FIXTURES_JS,
                      "test/hashes.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/board.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/object-hash/index.js lib/index.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_install(tmp: Path) -> None:
    d = tmp / "hawserboard-install"
    d.mkdir(parents=True, exist_ok=True)
    run("npm init -y >/dev/null", cwd=d)
    cap("npm-install-tty", "npm install --no-fund --loglevel=http object-hash@3.0.0 lodash.isequal", d, n_npm_install,
        tty=True, timeout=400)


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run", "npx vitest run --color 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    cap("vitest-tty", "npx vitest run -t 'rope 1'", root, n_vitest, tty=True, timeout=600)
    chain("chain-vitest-tail-exit", "chain-test-exit", "test",
          [Part("npx vitest run 2>&1 | tail -n 120", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "hawserboard"
    cap("eslint", "npx eslint --color lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/hawserboard.ts": APP_TS})
    cap("tsc-checkjs", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.cjs ts/hawserboard.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    cap("tsc-tty-head", "npx tsc --noEmit 2>&1 | head -n 120", root, n_tsc, tty=True, timeout=600)


STEPS = [js_install, js_tests, js_lint]
