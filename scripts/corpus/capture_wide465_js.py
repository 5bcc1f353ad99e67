"""Round 465, JavaScript / TypeScript: a real npm package new to the issue's rounds (seedrandom 3.0.5: seeded random
number generators, its CommonJS files `seedrandom.js`, `lib/*.js` and `index.js`) copied into a small app
(`pontoonboard`, a rope ferry's crossing-rota pages) with a few bugs put in; generated vitest and mocha suites over the
copy whose expectations come from the unbroken package (seed 46514); eslint over the copy and the app; tsc --noEmit
with checkJs over the copied JavaScript and an app that uses it wrongly; npm view --json of the package. Some runs have
colour forced on (FORCE_COLOR=1, --color) as agents sometimes run them. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's
(capture_wide313_js), imported. Run through capture_wide465.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_mocha, n_tsc, n_vitest
from capture_wide465 import JS, cap

NM = JS / "node_modules"
PKG = NM / "seedrandom"
GENS = ["arc4", "alea", "xor128", "xorwow", "xorshift7", "xor4096", "tychei"]
LIBS = ["alea", "xor128", "xorwow", "xorshift7", "xor4096", "tychei"]

# The bugs put in the copy (lib/*.cjs): (file, text, replacement); each text occurs exactly once. ARC4's int32() is
# unsigned; ARC4's double drops two bits of its last byte instead of one; alea's double() adds its low word at twice
# its weight; xor4096's double() divides by 2^20 instead of 2^21.
BUGS = [("seedrandom.cjs", "prng.int32 = function() { return arc4.g(4) | 0; }",
         "prng.int32 = function() { return arc4.g(4) >>> 0; }"),
        ("seedrandom.cjs", "x >>>= 1;", "x >>>= 2;"),
        ("alea.cjs", "* 1.1102230246251565e-16; // 2^-53", "* 2.220446049250313e-16; // 2^-53"),
        ("xor4096.cjs", "result = (top + bot) / (1 << 21);", "result = (top + bot) / (1 << 20);")]

METHODS = ["call", "int32", "quick", "double"]
# seeds: a rope ferry's landings, chains and crossings, some numeric
LANDINGS = ["north slip", "south slip", "chain wheel", "pontoon", "toll house", "landing stage", "capstan", "ferryman"]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(336):
        gen = GENS[i % len(GENS)]
        method = METHODS[(i // len(GENS)) % len(METHODS)]
        s = rnd.choice([f"{rnd.choice(LANDINGS)} {rnd.randint(1, 400)}", str(rnd.randint(0, 99999)),
                        f"crossing-{rnd.randint(1, 60)}"])
        cases.append([f"{gen} {method} {i:03}", gen, [method, s, rnd.randint(1, 4)]])
    return cases


RUNNER = """
const run = (seedrandom, gen, arg) => {
  const [method, seed, n] = arg;
  const rng = gen === "arc4" ? seedrandom(seed) : seedrandom[gen](seed);
  const out = [];
  for (let k = 0; k < n; k++) out.push(method === "call" ? rng() : rng[method]());
  return out;
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const seedrandom = require("seedrandom");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, gen, arg]) => [name, gen, arg, run(seedrandom, gen, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

MOCHA_SUITE = """
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const seedrandom = require("../lib/index.cjs");
const fx = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "test", "fixtures.json"), "utf8"));
""" + RUNNER + """
for (const gen of """ + json.dumps(GENS) + """) {
  describe(`pontoonboard ${gen} crossings`, () => {
    for (const [name, , arg, want] of fx.filter((c) => c[1] === gen)) {
      it(`${name} seed ${JSON.stringify(arg[1])}`, () => {
        assert.deepStrictEqual(run(seedrandom, gen, arg), want);
      });
    }
  });
}
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import seedrandom from "../lib/index.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const gen of """ + json.dumps(GENS) + """) {
  describe(`pontoonboard ${gen}`, () => {
    const cases = fx.filter((c) => c[1] === gen).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, arg, want) => {
      expect(run(seedrandom, gen, arg)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import seedrandom from "../lib/index.cjs";

const chains = { "north": 12, "south": "14", "spare": ["9"], "landing": "../slip", "north": 13 };
export function rota(day, ferryman) {
  var rng = seedrandom(day + ferryman);
  for (var key in chains) {
    if (ferryman == undefined) ferryman = key;
  }
  const unused = chains.length * 2;
  if (rng == null) return "no rota for " + ferryman;
  else return Math.floor(rng() * chains[ferryman]) + " crossings";
}
export const pontoonCheck = function (pontoons) {
  const { length } = pontoons.filter((p) => seedrandom.alea(p.name).quick() < 0.1 == true);
  return length + " pontoons to inspect";
};
export function shuffleCrossings(crossings, seed, log) {
  let n = 0;
  const rng = seedrandom.xor4096(seed);
  crossings.forEach(function (c) { if (rng.int32() % 2 != false) n++; });
  while (n = crossings.length) { n--; }
  if (n) {}
  return n ? crossings : null;
}
"""

APP_TS = """import seedrandom from '../lib/index.cjs'

interface Crossing { landing: string; chainLinks: number; ferryman?: { name: string }; departed?: Date }
interface Rota { ferry: string; crossings: Crossing[] }

export function sheet(rotas: Rota[]): string[] {
  return rotas.map((r) => seedrandom(r.crossings).int32().toFixed('2') + 1)
}

export const links = (c: Crossing): number => seedrandom.alea(c.chainLinks).double().toFixed(2)
export const who = (c: Crossing): boolean => seedrandom(c.ferryman.name, { entropy: 'yes' }).quick()
export const departed = (c: Crossing) => c.departed.toUTCString()
export const ferry = (r: Rota): number => r.ferry.length.toFixed()
export const total: string = seedrandom.xor128 * 'pontoons'
export const both = (r: Rota): [string, number] => [seedrandom.tychei(r), seedrandom.xorwow()]
export const grade = (c: Crossing): URL => seedrandom.xorshift7(c.landing, 'ten').state().toLowerCase()
"""


def copy_package(root: Path) -> None:
    """seedrandom's CommonJS files as lib/*.cjs, their requires pointed at the copies."""
    index = (PKG / "index.js").read_text().replace("require('./seedrandom')", "require('./seedrandom.cjs')")
    for name in LIBS:
        index = index.replace(f"require('./lib/{name}')", f"require('./{name}.cjs')")
        (root / "lib" / f"{name}.cjs").write_text((PKG / "lib" / f"{name}.js").read_text())
    (root / "lib" / "index.cjs").write_text(index)
    (root / "lib" / "seedrandom.cjs").write_text((PKG / "seedrandom.js").read_text())


def app(tmp: Path) -> Path:
    root = tmp / "pontoonboard"
    for d in ("lib", "test", "mspec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "pontoonboard", "version": "1.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(46514)), "fixtures.mjs": FIXTURES_JS,
                      "test/crossings.test.js": VITEST_SUITE, "mspec/crossings.spec.cjs": MOCHA_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/rota.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    copy_package(root)
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-pontoonboard-color-tail-1100", "FORCE_COLOR=1 npx vitest run 2>&1 | tail -n 1100", root,
        n_vitest, timeout=600)
    chain("chain-vitest-arc4-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'pontoonboard arc4' 2>&1 | tail -n 600", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("mocha-pontoonboard-crossings", "npx mocha 'mspec/*.spec.cjs' 2>&1 | head -n 1500", root, n_mocha,
        timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "pontoonboard"
    cap("eslint-color-app-lib-pontoonboard-head-900", "npx eslint --color app lib 2>&1 | head -n 900", root,
        n_eslint, timeout=600)
    write_tree(root, {"ts/pontoonboard.ts": APP_TS})
    cap("tsc-checkjs-seedrandom-pontoonboard-head-700", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/index.cjs ts/pontoonboard.ts 2>&1 "
        "| head -n 700", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-pontoonboard", "chain-lint", "lint",
          [Part("cd pontoonboard", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)
    cap("npm-view-seedrandom-json", "npm view seedrandom --json", root, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint]
