"""Round 292, JavaScript / TypeScript: a real npm package new to the issue's rounds (to-regex-range: the source of a
regex matching every integer of a range, positive, negative or zero-padded, with its capture, shorthand, relaxZeros /
strictZeros and wrap options) copied into a small app (`rangebook`, a range book of numbered columns) with a few bugs
put in; generated vitest and node --test suites over the copy whose expectations come from the unbroken package;
eslint over the copy and the app; tsc --noEmit with checkJs over the shipped JavaScript and an app that uses it
wrongly; npm view --json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide292.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide292 import JS, cap

NM = JS / "node_modules"
PKG = NM / "to-regex-range"

# The bugs put in the copy (lib/index.cjs, the package's index.js): (file, text, replacement); each text occurs exactly
# once. A character class of two digits one apart gets a dash and one of three digits gets none ([3-4] and [35] for
# 3..5); a range crossing zero starts its negative half at -0; a padded number one digit short needs its zero under
# relaxZeros and may drop it under strictZeros.
BUGS = [("index.cjs", "return `[${a}${(b - a === 1) ? '' : '-'}${b}]`;", "return `[${a}${(b - a === 2) ? '' : '-'}${b}]`;"),
        ("index.cjs", "let newMin = b < 0 ? Math.abs(b) : 1;", "let newMin = b < 0 ? Math.abs(b) : 0;"),
        ("index.cjs", "return relax ? '0?' : '0';", "return relax ? '0' : '0?';")]

OPS = ["plain", "capture", "shorthand", "strict", "padded", "negative", "nowrap", "single"]


def pad(n: int, width: int) -> str:
    return ("-" if n < 0 else "") + str(abs(n)).zfill(width)


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(320):
        op = OPS[i % len(OPS)]
        lo = rnd.choice([0, 1, 3, 7, 9, 10, 12, 19, 25, 99, 100, 101, 250, 999]) + rnd.randint(0, 40)
        hi = lo + rnd.choice([1, 2, 3, 5, 9, 11, 40, 90, 150, 900, 2500, 9000]) + rnd.randint(0, 60)
        opts: dict | None = None
        args: list = [lo, hi]
        if op == "capture":
            opts = {"capture": True}
        elif op == "shorthand":
            opts = {"shorthand": True}
        elif op == "strict":
            w = len(str(hi)) + rnd.randint(0, 1)
            args = [pad(lo, w), pad(hi, w)]
            opts = {"strictZeros": True}
        elif op == "padded":
            w = len(str(hi)) + rnd.randint(0, 2)
            args = [pad(lo, w), pad(hi, w)]
        elif op == "negative":
            args = [-rnd.randint(1, 300), rnd.choice([-1, 0, 5, 42, 120, 999])]
            if args[1] < args[0]:
                args[1] = args[0] + 3
        elif op == "nowrap":
            opts = {"wrap": False}
        elif op == "single":
            args = [lo, lo + 1 if rnd.random() < 0.5 else lo]
        probe = sorted({rnd.randint(-320, 12000) for _ in range(6)} | {int(str(args[0])), int(str(args[1]))})
        cases.append([f"{op} {i:03}", op, [args, opts, probe]])
    return cases


RUNNER = """
const run = (toRegexRange, [args, opts, probe]) => {
  try {
    const source = opts === null ? toRegexRange(args[0], args[1]) : toRegexRange(args[0], args[1], opts);
    const re = new RegExp(`^(?:${source})$`);
    const hits = probe.filter((n) => re.test(String(n)) || re.test(String(n).padStart(String(args[1]).length, "0")));
    return { source, hits };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const toRegexRange = require("to-regex-range");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(toRegexRange, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import toRegexRange from "../lib/index.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("rangebook ranges (vendored to-regex-range)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg[0])} ${JSON.stringify(arg[1])}`, () => {
      toRegexRange.clearCache();
      assert.deepEqual(run(toRegexRange, arg), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import toRegexRange from "../lib/index.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`rangebook ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2][0]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, arg, want) => {
      toRegexRange.clearCache();
      expect(run(toRegexRange, arg)).toEqual(want);
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
                "func-style": ["warn", "expression"], "camelcase": "warn", "no-implicit-coercion": "warn",
                "complexity": ["warn", 6], "max-depth": ["warn", 2], "no-use-before-define": "warn",
                "id-length": ["warn", { "min": 3 }], "capitalized-comments": "warn", "no-magic-numbers": "warn",
                "require-unicode-regexp": "warn", "prefer-destructuring": "warn", "no-cond-assign": "error",
                "no-underscore-dangle": "warn", "max-statements": ["warn", 10], "sort-keys": "warn",
                "no-ternary": "warn", "prefer-named-capture-group": "warn", "no-restricted-syntax": ["warn", "ForInStatement"] };
export default [
  js.configs.recommended,
  { files: ["app/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["lib/**/*.cjs"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest",
                                                globals: { ...env, require: "readonly", module: "writable" } },
    rules: style },
];
"""

APP_JS = """import toRegexRange from "../lib/index.cjs";

const kinds = { "row": [1, 999], "shelf": [0, 48], "bay": [-12, 12], "row": [1, 9999] };
export function matcher(kind, opts) {
  var out = [];
  for (var key in kinds) {
    if (kind == undefined) kind = key;
  }
  const unused = kinds.length * 2;
  for (let i = 0; i < 2; i++) out.push(kinds[kind][i]);
  if (out.length == 0) return "no range for " + kind;
  else return new RegExp("^" + toRegexRange(out[0], out[1], opts) + "$");
}
export function widest(ranges) {
  let best = ranges[0];
  for (let i = 1; i < ranges.length; i++) if (ranges[i][1] - ranges[i][0] > best[1] - best[0]) best = ranges[i];
  return best + "";
}
export const label = function (row, kind) {
  const keys = Object.keys(row);
  let n = 0;
  keys.forEach(function (k) { row[k] = matcher(kind).test(row[k]) ? row[k] : null; n++; });
  return n ? row : null;
};
"""

APP_TS = """import toRegexRange from '../lib/index.cjs'

interface Column { name: string; first: number; last: number; note?: { text: string } }

export function sources(cs: Column[]): number[] {
  return cs.map((c) => toRegexRange(c.first, c.last))
}

export const strict = (c: Column): RegExp => toRegexRange(c.first, c.last, { strictZeros: 'yes' })
export const joined = (cs: Column[]): string => cs.map((c) => toRegexRange(c))
export const padded = (c: Column) => toRegexRange(String(c.first).padStart(4, 0), c.last)
export const noteOf = (c: Column): string => c.note.text
export const total: number = toRegexRange(1, 9).split('|')
export const reset = () => toRegexRange.clearCache(true)
export const cached = (c: Column) => toRegexRange.cache[c.name].result.toUpperCase()
"""

TSCONFIG = json.dumps({"compilerOptions": {"strict": True, "noEmit": True, "target": "es2022", "module": "nodenext",
                                           "moduleResolution": "nodenext", "allowJs": True, "checkJs": True,
                                           "noUncheckedIndexedAccess": True, "exactOptionalPropertyTypes": True,
                                           "noUnusedLocals": True, "noUnusedParameters": True,
                                           "skipLibCheck": True},
                       "include": ["lib", "app", "ts"]}, indent=2) + "\n"


def put_bugs(lib: Path) -> None:
    for name, old, new in BUGS:
        f = lib / name
        text = f.read_text()
        assert text.count(old) == 1, (f, old)
        f.write_text(text.replace(old, new))


def app(tmp: Path) -> Path:
    root = tmp / "rangebook"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "rangebook", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(29210)), "fixtures.mjs": FIXTURES_JS,
                      "spec/ranges.node.test.mjs": NODE_SUITE, "test/ranges.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/columns.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/index.cjs", cwd=root)
    put_bugs(root / "lib")
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-rangebook-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-padded-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'rangebook padded' 2>&1 | tail -n 200", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-rangebook-spec-strict", "node --test --test-name-pattern='^strict ' spec/ 2>&1", root, n_node_test,
        timeout=600)
    chain("chain-cd-node-test-tail-exit", "chain-test-exit", "test",
          [Part("cd rangebook", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "rangebook"
    cap("eslint-lib-app", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/rangebook.ts": APP_TS})
    cap("tsc-checkjs-to-regex-range-rangebook", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.cjs ts/rangebook.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc", "chain-lint", "lint",
          [Part("cd rangebook", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 120", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-to-regex-range-json", "npm view to-regex-range --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
