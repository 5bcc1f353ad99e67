"""Round 297, JavaScript / TypeScript: a real npm package new to the issue's rounds (fill-range: the list, or the
regex source, of a numeric or letter range with a step, zero padding, and its toRegex, capture, transform and
strictRanges options) copied into a small app (`oastbarn`, an oast house's kiln and drying-floor numbers) with a few
bugs put in; generated vitest and node --test suites over the copy whose expectations come from the unbroken package;
eslint over the copy and the app; tsc --noEmit with checkJs over the shipped JavaScript and an app that uses it
wrongly; npm view --json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide297.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide297 import JS, cap

NM = JS / "node_modules"
PKG = NM / "fill-range"

# The bugs put in the copy (lib/index.cjs, the package's index.js): (file, text, replacement); each text occurs exactly
# once. One leading zero no longer asks for padding (two do); a negative number is padded one digit too wide; a letter
# range's regex class stops one letter short; `capture` no longer wraps the regex in a group.
BUGS = [("index.cjs", "  return index > 0;\n", "  return index > 1;\n"),
        ("index.cjs", "    input = input.slice(1);\n    maxLength--;\n", "    input = input.slice(1);\n"),
        ("index.cjs", "let max = Math.max(a, b);", "let max = Math.max(a, b) - 1;"),
        ("index.cjs", "if (opts.capture === true) opts.wrap = true;", "if (opts.capture === true) opts.wrap = false;")]

OPS = ["numbers", "step", "padded", "negative", "letters", "regex", "capture", "descending"]
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(300):
        op = OPS[i % len(OPS)]
        lo = rnd.choice([0, 1, 2, 5, 8, 9, 10, 11, 19, 20, 98, 99, 100, 250]) + rnd.randint(0, 30)
        hi = lo + rnd.randint(1, 24)
        args: list = [lo, hi]
        if op == "step":
            args = [lo, hi + rnd.randint(0, 40), rnd.choice([2, 3, 4, 5, 7, 10])]
        elif op == "padded":
            w = len(str(hi)) + rnd.randint(1, 2)
            args = [str(lo).zfill(w), str(hi).zfill(w)]
            if rnd.random() < 0.3:
                args.append(rnd.choice([2, 3]))
        elif op == "negative":
            a = -rnd.randint(1, 40)
            args = [a, a + rnd.randint(2, 50)]
            if rnd.random() < 0.5:
                w = len(str(abs(a))) + 2
                args = [f"-{str(abs(a)).zfill(w - 1)}", str(args[1]).zfill(w)]
        elif op == "letters":
            x = rnd.randrange(len(LETTERS) - 12)
            args = [LETTERS[x], LETTERS[x + rnd.randint(1, 11)]]
            if rnd.random() < 0.3:
                args.append({"toRegex": True})
            elif rnd.random() < 0.3:
                args.append(rnd.choice([2, 3]))
        elif op == "regex":
            args = [lo, hi, {"toRegex": True}] if rnd.random() < 0.6 else [lo, hi + 30, rnd.choice([2, 5]),
                                                                             {"toRegex": True}]
        elif op == "capture":
            args = [lo, hi, {"toRegex": True, "capture": True}]
        elif op == "descending":
            args = [hi, lo] if rnd.random() < 0.6 else [str(hi).zfill(len(str(hi)) + 1), str(lo).zfill(len(str(hi)) + 1)]
        cases.append([f"{op} {i:03}", op, args])
    return cases


RUNNER = """
const run = (fill, args) => {
  try {
    return { out: fill(...args) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const fill = require("fill-range");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, args]) => [name, op, args, run(fill, args)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import fill from "../lib/index.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("oastbarn kiln numbers (vendored fill-range)", () => {
  for (const [name, op, args, want] of fx) {
    it(`${name}: ${JSON.stringify(args)}`, () => {
      assert.deepEqual(run(fill, args), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import fill from "../lib/index.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`oastbarn ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, args, want) => {
      expect(run(fill, args)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const env = { console: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn",
                "prefer-template": "warn", "no-else-return": "warn", "one-var": ["warn", "never"],
                "func-style": ["warn", "declaration"], "camelcase": "warn", "no-implicit-coercion": "warn",
                "complexity": ["warn", 5], "max-depth": ["warn", 2], "no-use-before-define": "warn",
                "id-length": ["warn", { "min": 2 }], "capitalized-comments": "warn", "no-magic-numbers": "warn",
                "prefer-destructuring": "warn", "no-cond-assign": "error", "no-empty": "error",
                "arrow-body-style": ["warn", "as-needed"], "max-statements": ["warn", 8], "sort-keys": "warn",
                "no-ternary": "warn", "prefer-arrow-callback": "warn", "no-unused-expressions": "error",
                "max-params": ["warn", 3], "default-param-last": "warn", "prefer-rest-params": "warn" };
export default [
  js.configs.recommended,
  { files: ["app/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["lib/**/*.cjs"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest",
                                                globals: { ...env, require: "readonly", module: "writable" } },
    rules: style },
];
"""

APP_JS = """import fill from "../lib/index.cjs";

const kilns = { "oast": [1, 6], "floor": ["01", "12"], "cowl": ["a", "h"], "oast": [1, 9] };
export function numbers(kind, step) {
  var out = [];
  for (var key in kilns) {
    if (kind == undefined) kind = key;
  }
  const unused = kilns.length * 2;
  for (let i = 0; i < 2; i++) out.push(kilns[kind][i]);
  if (out.length == 0) return "no kiln " + kind;
  else return fill(out[0], out[1], step);
}
export const matcher = function (kind) {
  const [a, b] = kilns[kind];
  return new RegExp("^" + fill(a, b, { toRegex: true }) + "$");
};
export function label(rows, kind, prefix, suffix) {
  let n = 0;
  rows.forEach(function (r) { r.label = prefix + numbers(kind)[n] + suffix; n++; });
  while (n = rows.length) { n--; }
  if (n) {} 
  return n ? rows : null;
}
"""

APP_TS = """import fill from '../lib/index.cjs'

interface Kiln { name: string; first: number; last: number; floor?: { level: number } }

export function floors(ks: Kiln[]): number[][] {
  return ks.map((k) => fill(k.first, k.last, { toRegex: true }))
}

export const strict = (k: Kiln): string[] => fill(k.first, k.last, 1, { strictRanges: 'yes' })
export const joined = (ks: Kiln[]): string => ks.map((k) => fill(k))
export const padded = (k: Kiln) => fill(String(k.first).padStart(3, 0), k.last)
export const levelOf = (k: Kiln): number => k.floor.level
export const total: number = fill(1, 9).join('|')
export const stepped = (k: Kiln) => fill(k.first, k.last, (v: string) => v.toUpperCase())
export const regexOf = (k: Kiln): RegExp => fill(k.first, k.last, { toRegex: true, capture: 1 })
"""

TSCONFIG = json.dumps({"compilerOptions": {"strict": True, "noEmit": True, "target": "es2022", "module": "nodenext",
                                           "moduleResolution": "nodenext", "allowJs": True, "checkJs": True,
                                           "noUncheckedIndexedAccess": True, "exactOptionalPropertyTypes": True,
                                           "noUnusedLocals": True, "noUnusedParameters": True,
                                           "skipLibCheck": True},
                       "include": ["lib", "app", "ts"]}, indent=2) + "\n"


def app(tmp: Path) -> Path:
    root = tmp / "oastbarn"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "oastbarn", "version": "1.4.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(29710)), "fixtures.mjs": FIXTURES_JS,
                      "spec/kilns.node.test.mjs": NODE_SUITE, "test/kilns.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/kilns.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/index.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-oastbarn-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-negative-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'oastbarn negative' 2>&1 | tail -n 220", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-oastbarn-spec-padded", "node --test --test-name-pattern='^padded ' spec/ 2>&1", root, n_node_test,
        timeout=600)
    chain("chain-cd-node-test-tail-exit", "chain-test-exit", "test",
          [Part("cd oastbarn", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "oastbarn"
    cap("eslint-lib-app", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/oastbarn.ts": APP_TS})
    cap("tsc-checkjs-fill-range-oastbarn", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.cjs ts/oastbarn.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc", "chain-lint", "lint",
          [Part("cd oastbarn", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 120", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-fill-range-json", "npm view fill-range --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
