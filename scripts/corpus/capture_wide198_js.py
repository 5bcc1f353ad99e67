"""Round 198, JavaScript / TypeScript: a real npm package new to the issue's rounds (hashids, short ids from numbers;
its tarball ships the TypeScript sources and the project's own jest-style tests) copied into a project with a few bugs
put in: its own test files run by jest (through babel's TypeScript preset, as the project runs them); generated
vitest and node --test suites over its ESM build copied into a small app (`shortlink`, a link shortener's ids) whose
expectations come from the unbroken package; eslint over the copy and the app; tsc --noEmit --strict over the TypeScript sources and an app that uses them
wrongly; npm view --json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide198.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_node_test, n_tsc, n_vitest
from capture_wide198 import JS, cap

NM = JS / "node_modules"
PKG = NM / "hashids"

# The bugs put in, the same in the TypeScript sources (src/*.ts) and in the ESM build (esm/*.js): (file stem, text,
# replacement); each text occurs exactly once. isPositiveAndFinite refuses 0 (so any list holding a 0 encodes to ''),
# and the suffix guard added for a minLength is chosen from the id's second character instead of its third.
BUGS = [("util", "(n >= 0 && Number.isSafeInteger(n))", "(n > 0 && Number.isSafeInteger(n))"),
        ("hashids", "(numbersIdInt + ret[2]", "(numbersIdInt + ret[1]")]

ALPHABETS = ["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890",
             "abcdefghijkmnopqrstuvwxyz23456789", "0123456789abcdef", "ABCDEFGHJKMNPQRTWXY234689",
             "cfhistuCFHISTU01234567890abdegjklmnopqrvwxyz"]
SALTS = ["", "shortlink", "this is my salt", "Ferry Road 12", "ünïcödé salt", "s" * 40]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(240):
        salt = rnd.choice(SALTS)
        min_len = rnd.choice([0, 0, 0, 6, 10, 16, 24])
        alpha = rnd.choice(ALPHABETS)
        nums = [0 if rnd.random() < 0.06 else rnd.choice([rnd.randrange(1, 100), rnd.randrange(1, 10**6),
                                                          rnd.randrange(1, 2**53)])
                for _ in range(rnd.randint(1, 5))]
        op = ["encode", "roundtrip", "decode"][i % 3]
        cases.append([f"{op} {i:03}", op, salt, min_len, alpha, nums])
    return cases


RUNNER = """
const run = (op, salt, minLength, alphabet, nums) => {
  try {
    const h = new Hashids(salt, minLength, alphabet);
    if (op === "encode") return { value: h.encode(nums) };
    if (op === "decode") return { value: h.decode(nums).map(Number) };
    return { value: h.decode(h.encode(nums)).map(Number) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

# the decode cases' input is the id the unbroken package makes for the numbers
FIXTURES_JS = """
import fs from "node:fs";
import Hashids from "hashids";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, salt, minLength, alpha, nums]) => {
  const arg = op === "decode" ? new Hashids(salt, minLength, alpha).encode(nums) : nums;
  return [name, op, salt, minLength, alpha, arg, run(op, salt, minLength, alpha, arg)];
});
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import Hashids from "../lib/hashids.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("shortlink ids (vendored hashids)", () => {
  for (const [name, op, salt, minLength, alpha, arg, want] of fx) {
    it(`${name}: salt=${JSON.stringify(salt)} min=${minLength} ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(op, salt, minLength, alpha, arg), want);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const env = { console: "readonly", BigInt: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 90],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn",
                "prefer-template": "warn", "no-else-return": "warn", "one-var": ["warn", "never"],
                "func-style": ["warn", "expression"], "camelcase": "warn", "no-implicit-coercion": "warn",
                "complexity": ["warn", 5], "max-depth": ["warn", 2], "no-use-before-define": "warn",
                "id-length": ["warn", { "min": 3 }], "capitalized-comments": "warn", "no-magic-numbers": "warn",
                "require-unicode-regexp": "warn", "no-bitwise": "warn", "prefer-destructuring": "warn",
                "class-methods-use-this": "warn", "no-underscore-dangle": "warn", "max-statements": ["warn", 8],
                "sort-keys": "warn", "no-ternary": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js", "app/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest",
                                                              globals: env },
    rules: style },
];
"""

APP_JS = """import Hashids from "../lib/hashids.js";

const ids = new Hashids("shortlink", 8);
const routes = { "home": 1, "about": 2, "home": 3 };
export function linkFor(row, base) {
  for (var key in routes) {
    if (base == undefined) base = "https://sl.example/";
  }
  const unused = row.clicks * 2;
  return base + ids.encode(row.id, row.shard);
}
export function rowFor(slug) {
  const [id, shard] = ids.decode(slug);
  if (shard === undefined) return null;
  else return { id: Number(id), shard: parseInt(shard) };
}
"""

APP_TS = """import Hashids from './hashids'

interface Row { id: number; shard: number; clicks?: number }

const ids = new Hashids('shortlink', '8')

export function linkFor(row: Row, base?: string): string {
  return base.concat(ids.encode(row.id, row.shard, row.clicks))
}

export function rowFor(slug: string): Row {
  const [id, shard] = ids.decode(slug)
  return { id, shard: Number(shard), clicks: null }
}

export const hexFor = (value: bigint): number => ids.encodeHex(value)
export const firstClick = (rows: Row[]) => rows[0].clicks.toFixed(0)
"""

TSCONFIG = json.dumps({"compilerOptions": {"strict": True, "noEmit": True, "target": "es2022", "module": "esnext",
                                           "moduleResolution": "bundler", "noUncheckedIndexedAccess": True,
                                           "exactOptionalPropertyTypes": True, "noUnusedLocals": True,
                                           "noUnusedParameters": True, "skipLibCheck": True},
                       "include": ["src"]}, indent=2) + "\n"


BABEL = ('module.exports = { presets: [["@babel/preset-env", { targets: { node: "current" } }], '
         '"@babel/preset-typescript"] };\n')

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import Hashids from "../lib/hashids.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["encode", "roundtrip", "decode"]) {
  describe(`shortlink ${op}`, () => {
    test.each(fx.filter((c) => c[1] === op))("%s: salt %j, min %i, %s, %j", (name, op2, salt, min, alpha, arg, want) => {
      expect(run(op2, salt, min, alpha, arg)).toEqual(want);
    });
  });
}
"""


def put_bugs(root: Path, sub: str, ext: str) -> None:
    for stem, old, new in BUGS:
        f = root / sub / f"{stem}.{ext}"
        text = f.read_text()
        assert text.count(old) == 1, (f, old)
        f.write_text(text.replace(old, new))


def package_copy(tmp: Path) -> Path:
    """The package's own tree (TypeScript sources, tests, builds) copied, the bugs put in its sources."""
    root = tmp / "hashids"
    run(f"cp -r {PKG} {root}")
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"babel.config.js": BABEL})
    put_bugs(root, "src", "ts")
    return root


def app(tmp: Path) -> Path:
    root = tmp / "shortlink"
    for d in ("lib", "test", "spec", "app"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "shortlink", "version": "0.9.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(19810)), "fixtures.mjs": FIXTURES_JS,
                      "spec/ids.node.test.mjs": NODE_SUITE, "test/ids.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n', "eslint.config.js": ESLINT_CONFIG,
                      "app/links.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    for name in ("hashids.js", "util.js"):
        run(f"cp {PKG}/esm/{name} lib/{name}", cwd=root)
    put_bugs(root, "lib", "js")
    return root


def js_tests(tmp: Path) -> None:
    pkg = package_copy(tmp)
    cap("jest-hashids-own-tests", "npx jest src/tests 2>&1", pkg, n_jest, timeout=600)
    chain("chain-cd-jest-tail-80", "chain-test", "test",
          [Part("cd " + str(pkg), None), Part("npx jest src/tests 2>&1 | tail -80", n_jest)], tmp, timeout=600)
    cap("jest-verbose-default-params", "npx jest --verbose src/tests/default-params.test.ts "
        "src/tests/min-length.test.ts src/tests/custom-alphabet.test.ts 2>&1", pkg, n_jest, timeout=600)
    root = app(tmp)
    cap("vitest-run-shortlink-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-decode-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t decode 2>&1 | tail -n 200", n_vitest), Part("echo EXIT=$?", n_status_echo, ";")],
          root, timeout=600)
    cap("node-test-shortlink-spec", "node --test spec/ 2>&1", root, n_node_test, timeout=600)
    chain("chain-node-test-tail-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 300", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "shortlink"
    cap("eslint-lib-app", "npx eslint lib app", root, n_eslint, timeout=600)
    pkg = tmp / "hashids"
    write_tree(pkg, {"src/app.ts": APP_TS})
    cap("tsc-strict-hashids-sources-app", "npx tsc --noEmit --strict --target es2022 --module esnext "
        "--moduleResolution bundler --noUncheckedIndexedAccess --exactOptionalPropertyTypes src/hashids.ts "
        "src/util.ts src/app.ts", pkg, n_tsc, timeout=600)
    write_tree(pkg, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc", "chain-lint", "lint",
          [Part("cd shortlink", None), Part("npx eslint lib app", n_eslint),
           Part("cd ../hashids", None, ";"), Part("npx tsc --noEmit 2>&1 | head -n 120", n_tsc)], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-hashids-json", "npm view hashids --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
