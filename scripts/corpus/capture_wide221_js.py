"""Round 221, JavaScript / TypeScript: a real npm package new to the issue's rounds (dot-prop: getting, setting, testing
and deleting a property of a nested object by a dotted path, escaping and parsing paths, listing deep keys) copied
into a small app (`lampbook`, a lighthouse's settings store) with a few bugs put in; generated vitest and node --test
suites over the copy whose expectations come from the unbroken package; eslint over the copy and the app; tsc
--noEmit with checkJs over the shipped JavaScript and an app typed against the package's index.d.ts that uses it
wrongly; npm view --json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide221.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide221 import JS, cap

NM = JS / "node_modules"
PKG = NM / "dot-prop"

# The bugs put in the copy (lib/dot-prop.js): (text, replacement); each text occurs exactly once. A property whose
# value is null reads as the default; setProperty makes an object, not an array, for a missing index 0; escapePath
# leaves backslashes unescaped.
BUGS = [("return object === undefined ? value : object;", "return object ?? value;"),
        ("const shouldCreateArray = typeof nextKey === 'number';",
         "const shouldCreateArray = typeof nextKey === 'number' && nextKey > 0;"),
        ("path.replaceAll(/[\\\\.[]/g,", "path.replaceAll(/[.[]/g,")]

KEYS = ["lamp", "lens", "fog", "horn", "keeper", "shift", "wick", "oil", "range", "sector", "beam", "log", "tide",
        "a.b", "dot.ted", "back\\slash", "br[acket", "0", "1", "2", ""]
LEAVES = [None, 0, 1, 17, -3, 2.5, True, False, "", "on", "off", "amber", "white", "N 51 12", [], {}]


def tree(rnd: random.Random, depth: int):
    if depth == 0 or rnd.random() < 0.25:
        return rnd.choice(LEAVES)
    if rnd.random() < 0.3:
        return [tree(rnd, depth - 1) for _ in range(rnd.randint(1, 4))]
    return {rnd.choice(KEYS): tree(rnd, depth - 1) for _ in range(rnd.randint(1, 4))}


def esc(k) -> str:
    return str(k).replace("\\", "\\\\").replace(".", "\\.").replace("[", "\\[")


def walk(rnd: random.Random, obj) -> str:
    parts = []
    while isinstance(obj, (dict, list)) and obj and rnd.random() < 0.8:
        if isinstance(obj, dict):
            k = rnd.choice(list(obj))
            parts.append(esc(k))
            obj = obj[k]
        else:
            i = rnd.randrange(len(obj))
            parts.append(f"[{i}]")
            obj = obj[i]
    path = ""
    for p in parts:
        path += p if p.startswith("[") else (p if not path else "." + p)
    if rnd.random() < 0.2:
        path += rnd.choice([".missing", "[3]", ".0", ".lamp.lens", "[0].x"])
    return path


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    ops = ["get", "set", "has", "delete", "escape", "parse", "get", "set", "deepKeys", "stringify"]
    for i in range(250):
        op = ops[i % len(ops)]
        obj = {rnd.choice(KEYS): tree(rnd, 4) for _ in range(rnd.randint(1, 4))}
        path = walk(rnd, obj)
        if op == "get":
            arg = [obj, path, rnd.choice(["dflt", 0, None])]
        elif op == "set":
            if rnd.random() < 0.4:
                path = rnd.choice(["lamp", "fog", "keeper"]) + rnd.choice(["[0]", ".0", "[1]", "[0].wick", "[2][0]"])
            arg = [obj, path, rnd.choice(["lit", 7, None, False])]
        elif op in ("has", "delete", "parse"):
            arg = [obj, path]
        elif op == "escape":
            arg = [obj, rnd.choice(KEYS) + rnd.choice(["", ".", "\\", "[0]", "\\.x"]) + rnd.choice(KEYS)]
        elif op == "stringify":
            arg = [obj, [rnd.choice(KEYS + [0, 1, 2, 3]) for _ in range(rnd.randint(1, 5))]]
        else:
            arg = [obj]
        cases.append([f"{op} {i:03}", op, arg])
    return cases


RUNNER = """
const run = (op, arg) => {
  try {
    const obj = structuredClone(arg[0]);
    let value;
    if (op === "get") value = getProperty(obj, arg[1], arg[2]);
    else if (op === "set") value = setProperty(obj, arg[1], arg[2]);
    else if (op === "has") value = hasProperty(obj, arg[1]);
    else if (op === "delete") value = [deleteProperty(obj, arg[1]), obj];
    else if (op === "escape") value = escapePath(arg[1]);
    else if (op === "parse") value = parsePath(arg[1]);
    else if (op === "stringify") value = stringifyPath(arg[1]);
    else value = deepKeys(obj);
    return JSON.parse(JSON.stringify({ value: value === undefined ? "<undefined>" : value }));
  } catch (e) {
    return { error: e.message };
  }
};
"""

IMPORTS = "deepKeys, deleteProperty, escapePath, getProperty, hasProperty, parsePath, setProperty, stringifyPath"

FIXTURES_JS = """
import fs from "node:fs";
import { """ + IMPORTS + """ } from "dot-prop";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import { """ + IMPORTS + """ } from "../lib/dot-prop.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("lampbook settings (vendored dot-prop)", () => {
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
import { """ + IMPORTS + """ } from "../lib/dot-prop.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["get", "set", "has", "delete", "escape", "parse", "stringify", "deepKeys"]) {
  describe(`lampbook ${op}`, () => {
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

APP_JS = """import { getProperty, setProperty, deleteProperty } from "../lib/dot-prop.js";

const defaults = { "lamp": { "range": 18 }, "fog": { "horn": "off" }, "lamp": { "range": 22 } };
export function setting(store, key, fallback) {
  for (var section in defaults) {
    if (fallback == undefined) fallback = getProperty(defaults, key);
  }
  const unused = key.split(".").length;
  const value = getProperty(store, key, fallback);
  if (value == null) return fallback;
  else return value;
}
export function resetShift(store, shift) {
  let cleared = 0;
  for (let i = 0; i < shift.length; i++) if (deleteProperty(store, "keeper." + shift[i])) cleared++;
  setProperty(store, "keeper.lastReset", new Date() + "");
  return cleared + "";
}
"""

APP_TS = """import { getProperty, setProperty, hasProperty, deepKeys, escapePath } from 'dot-prop'

interface Lamp { range: number; sector?: string; beams: number[] }
interface Station { name: string; lamp: Lamp; fog?: { horn: boolean } }

export function lampRange(s: Station): number {
  return getProperty(s, 'lamp.range', '18')
}

export function rename(s: Station, name: number): Station {
  return setProperty(s, 'name', name).name.toUpperCase()
}

export const hasHorn = (s: Station): string => hasProperty(s, ['fog', 'horn', true])
export const keysOf = (s: Station): number => deepKeys(s).length.toFixed(0)
export const escaped = (xs: string[]): string[] => xs.map(escapePath)
export const firstBeam = (s: Station): number => getProperty(s, 'lamp.beams[0]')
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
    root = tmp / "lampbook"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "lampbook", "version": "1.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(22110)), "fixtures.mjs": FIXTURES_JS,
                      "spec/settings.node.test.mjs": NODE_SUITE, "test/settings.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/settings.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/dot-prop.js", cwd=root)
    put_bugs(root / "lib" / "dot-prop.js")
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-lampbook-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-set-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'lampbook set' 2>&1 | tail -n 200", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-lampbook-spec-get", "node --test --test-name-pattern='^get ' spec/ 2>&1", root, n_node_test,
        timeout=600)
    chain("chain-cd-node-test-tail-exit", "chain-test-exit", "test",
          [Part("cd lampbook", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "lampbook"
    cap("eslint-lib-app", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/station.ts": APP_TS})
    cap("tsc-checkjs-dot-prop-station", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/dot-prop.js ts/station.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc", "chain-lint", "lint",
          [Part("cd lampbook", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 120", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-dot-prop-json", "npm view dot-prop --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
