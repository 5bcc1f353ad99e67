"""Round 344, JavaScript / TypeScript: a real npm package new to the issue's rounds (ms 2.1.3: millisecond strings,
"2 days" to a number and a number back to "2d" or "2 days"; one CommonJS file, no dependencies) copied into a small app
(`hoopyard`, a cooperage's workshop timing its steaming, charring and seasoning) with a few bugs put in; generated
vitest and node --test suites over the copy whose expectations come from the unbroken package (seed 34410); eslint over
the copy and the app; tsc --noEmit with checkJs over the shipped JavaScript and an app that uses it wrongly; npm view
--json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round
9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported. Run through
capture_wide344.py."""

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
from capture_wide344 import JS, cap

NM = JS / "node_modules"
PKG = NM / "ms"

# The bugs put in the copy (lib/ms.cjs, the package's index.js): (file, text, replacement); each text occurs exactly
# once. A year is 365 days, not 365.25; a whole hour is shown in minutes by the short form (> for >=); the long form
# says "1 days" (plural from the unit up, not from 1.5 units); a bare number string is read as seconds, not ms.
BUGS = [("ms.cjs", "var y = d * 365.25;", "var y = d * 365;"),
        ("ms.cjs", "  if (msAbs >= h) {\n    return Math.round(ms / h) + 'h';",
         "  if (msAbs > h) {\n    return Math.round(ms / h) + 'h';"),
        ("ms.cjs", "var isPlural = msAbs >= n * 1.5;", "var isPlural = msAbs >= n;"),
        ("ms.cjs", "var type = (match[2] || 'ms').toLowerCase();", "var type = (match[2] || 's').toLowerCase();")]

OPS = ["parse", "short", "long", "years", "bare", "hours", "plural", "negative", "invalid", "roundtrip"]
UNITS = {"ms": ["ms", "msec", "msecs", "millisecond", "milliseconds"], "s": ["s", "sec", "secs", "second", "seconds"],
         "m": ["m", "min", "mins", "minute", "minutes"], "h": ["h", "hr", "hrs", "hour", "hours"],
         "d": ["d", "day", "days"], "w": ["w", "week", "weeks"], "y": ["y", "yr", "yrs", "year", "years"]}
SIZES = {"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000}
NUMS = ["1", "2", "1.5", ".5", "-3", "100", "53", "7", "365", "0.25", "10", "-1.5", "3.2"]
INVALID = ["", "fortnight", "1 fortnight", "☃", "10 furlongs", "x" * 101, None, "NaN", "1..5h", "- 2d", [1], {"h": 1}]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []

    def number() -> int:
        unit = rnd.choice(list(SIZES))
        return int(SIZES[unit] * rnd.choice([1, 1.2, 1.5, 1.7, 2, 3, 12.5, 47, 90]) + rnd.choice([0, 0, 1, -1, 499]))

    for i in range(300):
        op = OPS[i % len(OPS)]
        if op == "parse":
            unit = rnd.choice([u for u in UNITS if u != "y"])
            args = [f"{rnd.choice(NUMS)}{rnd.choice(['', ' '])}{rnd.choice(UNITS[unit])}", None]
        elif op == "years":
            args = [f"{rnd.choice(NUMS)}{rnd.choice(['', ' '])}{rnd.choice(UNITS['y'])}", None]
        elif op == "bare":
            args = [rnd.choice(["1500", "60000", ".5", "-200", "3600000", "86400000", "1", "0", "250", "42"]), None]
        elif op in ("short", "long"):
            args = [number(), {"long": True} if op == "long" else None]
        elif op == "hours":
            args = [SIZES["h"] * rnd.randint(1, 23), rnd.choice([None, {"long": True}])]
        elif op == "plural":
            unit = rnd.choice(["s", "m", "h", "d"])
            args = [int(SIZES[unit] * rnd.choice([1, 1.1, 1.3, 1.49, 1.5, 2])), {"long": True}]
        elif op == "negative":
            args = [-number(), rnd.choice([None, {"long": True}])]
        elif op == "invalid":
            args = [rnd.choice(INVALID), None]
        else:  # roundtrip: a string to a number and back
            unit = rnd.choice(list(UNITS))
            args = [f"{rnd.choice(NUMS)} {rnd.choice(UNITS[unit])}", rnd.choice([None, {"long": True}])]
        cases.append([f"{op} {i:03}", op, args])
    return cases


RUNNER = """
const run = (ms, op, args) => {
  try {
    const [val, options] = args;
    let out;
    if (op === "roundtrip") {
      const n = ms(val);
      out = n === undefined ? null : ms(n, options || undefined);
    } else {
      out = options ? ms(val, options) : ms(val);
    }
    return { out: out === undefined ? null : JSON.parse(JSON.stringify(out)) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const ms = require("ms");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, args]) => [name, op, args, run(ms, op, args)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import ms from "../lib/ms.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("hoopyard timings (vendored ms)", () => {
  for (const [name, op, args, want] of fx) {
    it(`${name}: ${JSON.stringify(args)}`, () => {
      assert.deepEqual(run(ms, op, args), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import ms from "../lib/ms.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`hoopyard ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, args, want) => {
      expect(run(ms, op, args)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import ms from "../lib/ms.cjs";

const steps = { "steam": "45m", "char": ["3 min"], "season": "2 years", "toast": 1200000,
                "steam": "50m" };
export function timing(step, long) {
  var t = steps[step];
  for (var key in steps) {
    if (step == undefined) step = key;
  }
  const unused = steps.length * 2;
  if (t == null) return "no step " + step;
  else return ms(ms(t), { long: long }) + " for " + step;
}
export const total = function (list) {
  const { length } = list.map(ms);
  return length + " steps";
};
export function due(list, strict, log) {
  let n = 0;
  list.forEach(function (s) { if (ms(s) > ms("1h")) n++; });
  while (n = list.length) { n--; }
  if (n) {}
  return n ? list : null;
}
"""

APP_TS = """import ms from '../lib/ms.cjs'

interface Barrel { name: string; staves: number; charred?: Date; cooper?: { name: string } }
interface Step { label: string; took: string }

export function took(steps: Step[]): string[] {
  return steps.map((s) => ms(s.took) + 1)
}

export const season = (b: Barrel): number => ms(b.staves, { long: true })
export const steam = (b: Barrel): Map<string, boolean> => ms(b.name)
export const charred = (b: Barrel) => b.charred.toUTCString()
export const cooper = (b: Barrel): string => b.cooper.name
export const count: string = ms('2 days') * 'hoops'
export const toast = (s: Step) => ms(s, { long: 'yes' })
export const both = (s: Step): [string, number] => [ms(s.took), ms()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "hoopyard"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "hoopyard", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(34410)), "fixtures.mjs": FIXTURES_JS,
                      "spec/timings.node.test.mjs": NODE_SUITE, "test/timings.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/timings.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    (root / "lib" / "ms.cjs").write_text((PKG / "index.js").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-hoopyard-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-plural-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'hoopyard plural' 2>&1 | tail -n 250", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-hoopyard-spec-years-grep-v-skip", "node --test --test-name-pattern='^years ' spec/ 2>&1 | "
        "grep -v '# SKIP'", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-exit-hoopyard", "chain-test-exit", "test",
          [Part("cd hoopyard", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "hoopyard"
    cap("eslint-lib-app-hoopyard", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/hoopyard.ts": APP_TS})
    cap("tsc-checkjs-ms-hoopyard", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/ms.cjs ts/hoopyard.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc-hoopyard", "chain-lint", "lint",
          [Part("cd hoopyard", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 150", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-ms-json", "npm view ms --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
