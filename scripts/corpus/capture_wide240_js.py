"""Round 240, JavaScript / TypeScript: a real npm package new to the issue's rounds (map-obj: mapping an object's keys
and values through a mapper, shallow or deep, skipping entries, keeping a key's value unmapped) copied into a small app
(`chartroom`, a ferry's chart and berth settings) with a few bugs put in; generated vitest and node --test suites over
the copy whose expectations come from the unbroken package; eslint over the copy and the app; tsc --noEmit with
checkJs over the shipped JavaScript and an app typed against the package's index.d.ts that uses it wrongly; npm view
--json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round
9b). Run through capture_wide240.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide240 import JS, cap

NM = JS / "node_modules"
PKG = NM / "map-obj"

# The bugs put in the copy (lib/map-obj.js): (text, replacement); each text occurs exactly once. A deep mapping leaves
# the objects inside arrays unmapped; a mapper's one-element result is taken as a key with an undefined value, not
# refused; a mapper's shouldRecurse: false is ignored.
BUGS = [("result.push(isObjectCustom(element) ? _mapObject(element, mapper, processOptions, seen) : element);",
         "result.push(element);"),
        ("if (mapResult.length < 2) {", "if (mapResult.length < 1) {"),
        ("if (shouldRecurse && processOptions.deep && isObjectCustom(newValue)) {",
         "if (processOptions.deep && isObjectCustom(newValue)) {")]

KEYS = ["berth", "lens", "chart", "buoy", "master", "watch", "draft", "beam", "range", "sector", "deck", "log", "tide",
        "a.b", "Mixed_Case", "snake_key", "kebab-key", "0", "1", "2", ""]
LEAVES = [None, 0, 1, 17, -3, 2.5, True, False, "", "on", "off", "amber", "white", "N 52 15", [], {}]


def tree(rnd: random.Random, depth: int):
    if depth == 0 or rnd.random() < 0.25:
        return rnd.choice(LEAVES)
    if rnd.random() < 0.3:
        return [tree(rnd, depth - 1) for _ in range(rnd.randint(1, 4))]
    return {rnd.choice(KEYS): tree(rnd, depth - 1) for _ in range(rnd.randint(1, 4))}


MAPPERS = ["upper", "skipNull", "prefix", "noRecurse", "short", "double", "camel", "swap"]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(260):
        mapper = MAPPERS[i % len(MAPPERS)]
        obj = {rnd.choice(KEYS): tree(rnd, 4) for _ in range(rnd.randint(1, 5))}
        if rnd.random() < 0.5:
            obj[rnd.choice(["decks", "berths", "legs"])] = [tree(rnd, 3) for _ in range(rnd.randint(1, 3))]
        deep = rnd.random() < 0.6
        cases.append([f"{mapper} {i:03}", mapper, [obj, deep]])
    return cases


RUNNER = """
const MAPPERS = {
  upper: (k, v) => [k.toUpperCase(), v],
  skipNull: (k, v) => (v === null ? mapObjectSkip : [k, v]),
  prefix: (k, v) => [`x_${k}`, v],
  noRecurse: (k, v) => [k, v, { shouldRecurse: k !== "deck" && k !== "decks" && k !== "berth" }],
  short: (k, v) => (k === "lens" || k === "0" ? [k] : [k, v]),
  double: (k, v) => [k, typeof v === "number" ? v * 2 : v],
  camel: (k, v) => [k.replace(/[-_](.)/g, (_, c) => c.toUpperCase()), v],
  swap: (k, v) => (typeof v === "string" && v !== "" ? [v, k] : [k, v]),
};
const run = (name, arg) => {
  try {
    const value = mapObject(structuredClone(arg[0]), MAPPERS[name], { deep: arg[1] });
    return JSON.parse(JSON.stringify({ value: value === undefined ? "<undefined>" : value }));
  } catch (e) {
    return { error: e.message };
  }
};
"""

IMPORTS = "mapObjectSkip"

FIXTURES_JS = """
import fs from "node:fs";
import mapObject, { """ + IMPORTS + """ } from "map-obj";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import mapObject, { """ + IMPORTS + """ } from "../lib/map-obj.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("chartroom settings (vendored map-obj)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg.slice(1))}`, () => {
      assert.deepEqual(run(op, arg), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import mapObject, { """ + IMPORTS + """ } from "../lib/map-obj.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["upper", "skipNull", "prefix", "noRecurse", "short", "double", "camel", "swap"]) {
  describe(`chartroom ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2].slice(1)), c[1], c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, op2, arg, want) => {
      expect(run(op2, arg)).toEqual(want);
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
  { files: ["lib/**/*.js", "app/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest",
                                                              globals: env },
    rules: style },
];
"""

APP_JS = """import mapObject, { mapObjectSkip } from "../lib/map-obj.js";

const defaults = { "berth": { "length": 120 }, "chart": { "scale": "1:50000" }, "berth": { "length": 96 } };
export function settings(store, prefix, fallback) {
  for (var section in defaults) {
    if (fallback == undefined) fallback = defaults[section];
  }
  const unused = prefix.split("_").length;
  const mapped = mapObject(store, (key, value) => key.startsWith(prefix) ? [key.slice(prefix.length), value] : mapObjectSkip, { deep: true });
  if (mapped == null) return fallback;
  else return mapped;
}
export function clearWatch(store, watch) {
  let cleared = 0;
  for (let i = 0; i < watch.length; i++) if (delete store["watch_" + watch[i]]) cleared++;
  store.lastReset = new Date() + "";
  return cleared + "";
}
"""

APP_TS = """import mapObject, { mapObjectSkip } from 'map-obj'

interface Berth { name: string; length: number; tags: string[]; depth?: { low: number; high: number } }

export function upperKeys(b: Berth): Berth {
  return mapObject(b, (key, value) => [key.toUpperCase(), value])
}

export const lengths = (b: Berth): number => mapObject(b, (k, v) => [k, v], { deep: 'yes' }).length
export const shortOnes = (b: Berth) => mapObject(b, (k, v) => (v === 0 ? mapObjectSkip : [k]))
export const listed = (xs: Berth[]) => mapObject(xs, (k, v) => [k, v])
export const asText = (b: Berth): string => mapObject(b, (k, v) => [k, String(v)], { target: 'none' })
export const count: number = mapObject(42, (k: number, v: unknown) => [k, v])
export const depthLow = (b: Berth): number => mapObject(b, (k, v) => [k, v], { deep: true }).depth.low
"""

TSCONFIG = json.dumps({"compilerOptions": {"strict": True, "noEmit": True, "target": "es2022", "module": "nodenext",
                                           "moduleResolution": "nodenext", "allowJs": True, "checkJs": True,
                                           "noUncheckedIndexedAccess": True, "exactOptionalPropertyTypes": True,
                                           "noUnusedLocals": True, "noUnusedParameters": True,
                                           "skipLibCheck": True},
                       "include": ["lib", "app", "ts"]}, indent=2) + "\n"


def put_bugs(f: Path) -> None:
    text = f.read_text()
    for old, new in BUGS:
        assert text.count(old) == 1, (f, old)
        text = text.replace(old, new)
    f.write_text(text)


def app(tmp: Path) -> Path:
    root = tmp / "chartroom"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "chartroom", "version": "2.0.4", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(24010)), "fixtures.mjs": FIXTURES_JS,
                      "spec/settings.node.test.mjs": NODE_SUITE, "test/settings.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/settings.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/map-obj.js", cwd=root)
    put_bugs(root / "lib" / "map-obj.js")
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-chartroom-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-set-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'chartroom short' 2>&1 | tail -n 200", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-chartroom-spec-upper-0xx", "node --test --test-name-pattern='^upper 0' spec/ 2>&1", root, n_node_test,
        timeout=600)
    chain("chain-cd-node-test-tail-exit", "chain-test-exit", "test",
          [Part("cd chartroom", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "chartroom"
    cap("eslint-lib-app", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/berth.ts": APP_TS})
    cap("tsc-checkjs-map-obj-berth", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/map-obj.js ts/berth.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc", "chain-lint", "lint",
          [Part("cd chartroom", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 120", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-map-obj-json", "npm view map-obj --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
