"""Round 274, JavaScript / TypeScript: a real npm package new to the issue's rounds (safe-stable-stringify: a
deterministic JSON.stringify with options for circular references, bigints, maximum depth and breadth) copied into a
small app (`wharfbook`, a wharf's cargo manifest writer) with a few bugs put in; generated vitest and node --test suites
over the copy whose expectations come from the unbroken package; eslint over the copy and the app; tsc --noEmit with
checkJs over the shipped JavaScript and an app typed against the package's declarations that uses it wrongly; npm view
--json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round
9b). Run through capture_wide274.py."""

from __future__ import annotations

import json
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide274 import JS, cap

NM = JS / "node_modules"
PKG = NM / "safe-stable-stringify"

# The bugs put in the copy (lib/index.cjs, the package's index.js): (file, text, replacement); each text occurs exactly
# once. The insertion sort of keys never moves a key to the front (deterministic output is no longer sorted); NaN and
# Infinity print as 0 instead of null; one key left out by maximumBreadth reads "1 items"; a circular reference names
# its ancestor one level too deep.
BUGS = [("index.cjs", "} while (position !== 0 && array[position - 1] > currentValue)",
         "} while (position > 1 && array[position - 1] > currentValue)"),
        ("index.cjs", "return isFinite(value) ? String(value) : fail ? fail(value) : 'null'",
         "return isFinite(value) ? String(value) : fail ? fail(value) : '0'"),
        ("index.cjs", "    return '1 item'\n", "    return '1 items'\n"),
        ("index.cjs", "return `\"[Circular: ${index}]\"`", "return `\"[Circular: ${index + 1}]\"`")]

OPS = ["plain", "space", "breadth", "depth", "circular", "bigint", "replacer", "nondet"]

BUILD = r"""
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const KEYS = ["vessel", "berth", "tonnage", "manifest", "zinc", "awb", "crane", "pier", "Quay", "tide", "eta",
  "hold", "_id", "reefer", "NaN", "draught", "bay", "seal"];
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
function leaf(r) {
  const y = r();
  if (y < 0.08) return NaN;
  if (y < 0.12) return -Infinity;
  if (y < 0.3) return Math.floor(r() * 100000);
  if (y < 0.38) return r() < 0.5;
  if (y < 0.43) return null;
  if (y < 0.5) return BigInt(Math.floor(r() * 1e6));
  return pick(r, KEYS) + "-" + Math.floor(r() * 99);
}
function val(r, depth) {
  const x = r();
  if (depth > 3 || x < 0.35) return leaf(r);
  if (x < 0.6) return Array.from({ length: Math.floor(r() * 6) }, () => val(r, depth + 1));
  return obj(r, depth + 1);
}
function obj(r, depth) {
  const o = {};
  const n = 2 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) o[pick(r, KEYS)] = val(r, depth);
  return o;
}
export function build(op, seed) {
  const r = rng(seed);
  const v = obj(r, 0);
  if (op === "space") return [v, null, 1 + Math.floor(r() * 4), {}];
  if (op === "breadth") return [v, undefined, undefined, { maximumBreadth: 1 + Math.floor(r() * 3) }];
  if (op === "depth") return [v, undefined, undefined, { maximumDepth: 1 + Math.floor(r() * 2) }];
  if (op === "circular") {
    const inner = { back: v, seal: Math.floor(r() * 999) };
    v.hold = r() < 0.5 ? inner : [inner, v];
    return [v, undefined, undefined, r() < 0.7 ? {} : { circularValue: "[loop]" }];
  }
  if (op === "bigint") { v.tonnage = BigInt(Math.floor(r() * 1e9)); return [v, undefined, undefined, { bigint: r() < 0.5 }]; }
  if (op === "replacer") return [v, KEYS.filter(() => r() < 0.5), undefined, {}];
  if (op === "nondet") return [v, undefined, undefined, { deterministic: false }];
  return [v, undefined, undefined, {}];
}
export function run(configure, op, seed) {
  const [v, rep, sp, opts] = build(op, seed);
  try {
    return { value: configure(opts)(v, rep, sp) };
  } catch (e) {
    return { error: e.message };
  }
}
"""

FIXTURES_JS = """
import fs from "node:fs";
import { configure } from "safe-stable-stringify";
import { run } from "./test/build.mjs";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const out = spec.map(([name, op, seed]) => [name, op, seed, run(configure, op, seed)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import "../lib/index.cjs";
const stringify = globalThis[Symbol.for("safe-stable-stringify@3.0.0")];  // as the package's esm/wrapper.mjs
import { build, run } from "../test/build.mjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
describe("wharfbook manifest (vendored safe-stable-stringify)", () => {
  for (const [name, op, seed, want] of fx) {
    it(`${name}: ${JSON.stringify(build(op, seed)[3])}`, () => {
      assert.deepEqual(run(stringify.configure, op, seed), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import "../lib/index.cjs";
const stringify = globalThis[Symbol.for("safe-stable-stringify@3.0.0")];  // as the package's esm/wrapper.mjs
import { build, run } from "./build.mjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
for (const op of ["plain", "space", "breadth", "depth", "circular", "bigint", "replacer", "nondet"]) {
  describe(`wharfbook ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(build(c[1], c[2])[3]), c[1], c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, op2, seed, want) => {
      expect(run(stringify.configure, op2, seed)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn",
                "prefer-template": "warn", "no-else-return": "warn", "one-var": ["warn", "never"],
                "func-style": ["warn", "expression"], "camelcase": "warn", "no-implicit-coercion": "warn",
                "complexity": ["warn", 8], "max-depth": ["warn", 3], "no-use-before-define": "warn",
                "id-length": ["warn", { "min": 3 }], "capitalized-comments": "warn", "no-magic-numbers": "warn",
                "prefer-destructuring": "warn", "no-cond-assign": "error", "no-underscore-dangle": "warn",
                "max-statements": ["warn", 12], "sort-keys": "warn", "no-ternary": "warn",
                "no-restricted-syntax": ["warn", "ForInStatement"] };
const env = { console: "readonly", module: "writable", require: "readonly", exports: "writable" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.cjs"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["app/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import "../lib/index.cjs";
const stringify = globalThis[Symbol.for("safe-stable-stringify@3.0.0")];  // as the package's esm/wrapper.mjs

const order = { "vessel": 1, "berth": 2, "eta": 3, "vessel": 4 };
const compact = stringify.configure({ maximumDepth: 3, maximumBreadth: 20, bigint: true });
export function manifest(cargo, berth) {
  var lines = [];
  for (var key in order) {
    if (berth == undefined) berth = key;
  }
  const unused = cargo.length * 2;
  for (let i = 0; i < cargo.length; i++) lines.push(compact({ berth: berth, n: i + 1, ...cargo[i] }));
  if (lines.length == 0) return "no cargo at berth " + berth;
  else return lines.join("\\n");
}
export function heaviest(cargo) {
  let best = cargo[0];
  for (let i = 1; i < cargo.length; i++) if (cargo[i].tonnage > best.tonnage) best = cargo[i];
  return stringify(best, null, best.reefer ? 2 : undefined) + "";
}
"""

APP_TS = """import stringify from 'safe-stable-stringify'

interface Cargo { awb: string; tonnage: bigint; reefer?: boolean; seal?: { no: number } }

export const line = (c: Cargo): string => stringify(c)
export const strict = stringify.configure({ maximumDepth: '3', bigint: 'number', circularValue: 42 })
export const sorted = stringify.configure({ deterministic: 'yes' })
export const pretty = (cs: Cargo[]): string => stringify(cs, (k: string) => k.length, {})
export const sealOf = (c: Cargo): number => c.seal.no
export const count: number = stringify({ a: 1 }).split(',')
export const nothing: string = stringify(undefined)
export const tons = (cs: Cargo[]): number => cs.reduce((a, c) => a + c.tonnage, 0)
"""

TSCONFIG = json.dumps({"compilerOptions": {"strict": True, "noEmit": True, "target": "es2022", "module": "nodenext",
                                           "moduleResolution": "nodenext", "allowJs": True, "checkJs": True,
                                           "noUncheckedIndexedAccess": True, "exactOptionalPropertyTypes": True,
                                           "noUnusedLocals": True, "noUnusedParameters": True,
                                           "skipLibCheck": True},
                       "include": ["lib", "app", "ts"]}, indent=2) + "\n"


def spec() -> list:
    return [[f"{OPS[i % len(OPS)]} {i:03}", OPS[i % len(OPS)], 27410 + 7 * i] for i in range(240)]


def put_bugs(lib: Path) -> None:
    for name, old, new in BUGS:
        f = lib / name
        text = f.read_text()
        assert text.count(old) == 1, (f, old)
        f.write_text(text.replace(old, new))


def app(tmp: Path) -> Path:
    root = tmp / "wharfbook"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "wharfbook", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec()), "fixtures.mjs": FIXTURES_JS, "test/build.mjs": BUILD,
                      "spec/manifest.node.test.mjs": NODE_SUITE, "test/manifest.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/manifest.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/index.cjs", cwd=root)
    put_bugs(root / "lib")
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-wharfbook-tail-400", "npx vitest run 2>&1 | tail -n 400", root, n_vitest, timeout=600)
    chain("chain-vitest-circular-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'wharfbook circular' 2>&1 | tail -n 200", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-wharfbook-spec-breadth-space-head-1500", "node --test --test-name-pattern='^(breadth|space) ' "
        "spec/ 2>&1 | head -n 1500",
        root, n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-exit", "chain-test-exit", "test",
          [Part("cd wharfbook", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "wharfbook"
    cap("eslint-lib-app", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/wharfbook.ts": APP_TS})
    cap("tsc-checkjs-safe-stable-stringify-wharfbook", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.cjs ts/wharfbook.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc", "chain-lint", "lint",
          [Part("cd wharfbook", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 120", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-safe-stable-stringify-json", "npm view safe-stable-stringify --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
