"""Round 251, JavaScript / TypeScript: a real npm package new to the issue's rounds (compare-versions: comparing semver
strings, comparing with an operator, matching npm ranges with satisfies, validating loosely and strictly) copied into a
small app (`jamrelease`, a release gate for a kitchen's label printer firmware) with a few bugs put in; generated vitest
and node --test suites over the copy whose expectations come from the unbroken package; eslint over the copy and the
app; tsc --noEmit with checkJs over the shipped JavaScript and an app typed against the package's declarations that
uses it wrongly; npm view --json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from
each part's own (round 9b). Run through capture_wide251.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide251 import JS, cap

NM = JS / "node_modules"
PKG = NM / "compare-versions"

# The bugs put in the copy (lib/*.js, from the package's lib/esm): (file, text, replacement); each text occurs exactly
# once. A missing segment on the right is not read as 0 (1.0 and 1.0.0 differ); a pre-release sorts after its release;
# a caret range whose leading segments are 0 lets the first non-zero segment float.
BUGS = [("utils.js", "compareStrings(a[i] || '0', b[i] || '0')", "compareStrings(a[i] || '0', b[i])"),
        ("compareVersions.js", "return p1 ? -1 : 1;", "return p1 ? 1 : -1;"),
        ("satisfies.js", "nonZero > 1 ? nonZero : 1;", "nonZero > 1 ? nonZero - 1 : 1;")]

PRE = ["alpha", "alpha.1", "beta", "beta.2", "rc.1", "rc.10", "0", "1"]
RANGES = ["^", "~", ">=", "<", "<=", ">", "=", ""]
OPS = ["cmp", "compare", "satisfies", "validate", "strict", "sort"]


def version(rnd: random.Random, loose: bool = True) -> str:
    n = rnd.choice([3, 3, 3, 2, 1]) if loose else 3
    parts = [str(rnd.choice([0, 0, 1, 2, 3, 10, 12])) for _ in range(n)]
    v = ".".join(parts)
    if rnd.random() < 0.3:
        v += "-" + rnd.choice(PRE)
    if loose and rnd.random() < 0.08:
        v = rnd.choice(["v", "", "x.", "1.x.", "01."]) + v
    return v


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(300):
        op = OPS[i % len(OPS)]
        if op == "cmp":
            arg = [version(rnd), version(rnd)]
        elif op == "compare":
            arg = [version(rnd), version(rnd), rnd.choice([">", ">=", "=", "<=", "<", "!=", "=="])]
        elif op == "satisfies":
            rng = rnd.choice(RANGES) + version(rnd)
            if rnd.random() < 0.2:
                rng += " || " + rnd.choice(RANGES) + version(rnd)
            arg = [version(rnd), rng]
        elif op == "sort":
            arg = [[version(rnd) for _ in range(rnd.randint(3, 7))]]
        else:
            arg = [version(rnd)]
        cases.append([f"{op} {i:03}", op, arg])
    return cases


RUNNER = """
const OPS = {
  cmp: ([a, b]) => compareVersions(a, b),
  compare: ([a, b, op]) => compare(a, b, op),
  satisfies: ([v, r]) => satisfies(v, r),
  validate: ([v]) => validate(v),
  strict: ([v]) => validateStrict(v),
  sort: ([xs]) => [...xs].sort(compareVersions),
};
const run = (name, arg) => {
  try {
    return { value: OPS[name](arg) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

IMPORTS = "compare, compareVersions, satisfies, validate, validateStrict"

FIXTURES_JS = """
import fs from "node:fs";
import { """ + IMPORTS + """ } from "compare-versions";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import { """ + IMPORTS + """ } from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("jamrelease gate (vendored compare-versions)", () => {
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
import { """ + IMPORTS + """ } from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["cmp", "compare", "satisfies", "validate", "strict", "sort"]) {
  describe(`jamrelease ${op}`, () => {
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

APP_JS = """import { compareVersions, satisfies, validate } from "../lib/index.js";

const channels = { "stable": "^2.4.0", "beta": ">=2.5.0-beta", "stable": "~2.4.1" };
export function gate(current, offered, channel) {
  for (var name in channels) {
    if (channel == undefined) channel = name;
  }
  const unused = offered.split(".").length;
  if (!validate(offered)) return "invalid " + offered;
  if (compareVersions(offered, current) == 1 && satisfies(offered, channels[channel])) return "upgrade";
  else return "hold";
}
export function newest(list) {
  let best = list[0];
  for (let i = 1; i < list.length; i++) if (compareVersions(list[i], best) > 0) best = list[i];
  return best + "";
}
"""

APP_TS = """import { compare, compareVersions, satisfies, validateStrict } from 'compare-versions'

interface Firmware { model: string; version: string; channel: 'stable' | 'beta'; min?: { boot: string } }

export function isNewer(a: Firmware, b: Firmware): boolean {
  return compareVersions(a.version, b.version)
}

export const sorted = (xs: Firmware[]): Firmware[] => xs.sort(compareVersions)
export const ok = (f: Firmware) => satisfies(f, '^2.0.0')
export const gt = (f: Firmware) => compare(f.version, '2.4.0', '=>')
export const bootOk = (f: Firmware): boolean => compare(f.min.boot, '1.2.0', '>=')
export const strict: string = validateStrict('2.4.1')
export const newest = (xs: string[]): number => xs.reduce((a, b) => (compareVersions(a, b) > 0 ? a : b))
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
    root = tmp / "jamrelease"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "jamrelease", "version": "1.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(25110)), "fixtures.mjs": FIXTURES_JS,
                      "spec/settings.node.test.mjs": NODE_SUITE, "test/settings.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/gate.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/lib/esm/*.js lib/", cwd=root)
    put_bugs(root / "lib")
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-jamrelease-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-set-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'jamrelease satisfies' 2>&1 | tail -n 200", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-jamrelease-spec-cmp-sort", "node --test --test-name-pattern='^(cmp|sort) ' spec/ 2>&1", root, n_node_test,
        timeout=600)
    chain("chain-cd-node-test-tail-exit", "chain-test-exit", "test",
          [Part("cd jamrelease", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "jamrelease"
    cap("eslint-lib-app", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/release.ts": APP_TS})
    cap("tsc-checkjs-compare-versions-release", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.js ts/release.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc", "chain-lint", "lint",
          [Part("cd jamrelease", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 120", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-compare-versions-json", "npm view compare-versions --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
