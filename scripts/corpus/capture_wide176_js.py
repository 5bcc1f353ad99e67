"""Round 176, JavaScript: a real npm package new to the issue's rounds (json5, a JSON5 parser and stringifier) copied
into a project (`gearbook`, a bicycle workshop's parts book loading and saving JSON5 files) with a few bugs put in, under
generated vitest and node --test suites whose expectations come from the unbroken package; eslint over the copy and
the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide176.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide176 import JS, cap

NM = JS / "node_modules"
PKG = NM / "json5"
LIB = ["index.js", "parse.js", "stringify.js", "util.js", "unicode.js"]

# The bugs put in: (file, text, replacement); each text occurs exactly once. parse() reads `-Infinity` as Infinity (the
# sign dropped); stringify() no longer escapes a vertical tab as `\v` (it falls through to `\x0b`); a key whose first
# character may only continue an identifier (a digit) is left unquoted.
BUGS = [("parse.js", "return newToken('numeric', sign * Infinity)", "return newToken('numeric', Infinity)"),
        ("stringify.js", "            '\\v': '\\\\v',\n", ""),
        ("stringify.js", "if (!util.isIdStartChar(firstChar)) {", "if (!util.isIdContinueChar(firstChar)) {")]

KEYS = ["name", "1st", "$ref", "_id", "size-mm", "x", "teeth", "2way", "hub", "ç", "a b", "", "gear9", "9gear"]
NUMS = ["Infinity", "-Infinity", "+Infinity", "NaN", "-NaN", "0x1F", "-0xff", ".5", "5.", "+1e3", "-0", "1_0", "42",
        "-12.5e-1", "0X0A"]
STRS = ["'single'", '"double"', "'it\\'s'", "'tab\\there'", "'v\\vtab'", "'line\\\ncont'", "'\\x41\\u00e9'",
        "'quote \"in\" it'", "'\\0'", "''"]
RAW = ["plain", "it's", 'say "hi"', "both ' and \"", "v\vtab", "tab\there", "nl\nline", "nul\0x", "é\u2028",
       "\x07bell", ""]


def value(rnd: random.Random, depth: int = 0) -> str:
    r = rnd.random()
    if depth < 2 and r < 0.25:
        items = [f"{rnd.choice(KEYS) if rnd.random() < 0.5 else repr(rnd.choice(KEYS))}: {value(rnd, depth + 1)}"
                 for _ in range(rnd.randint(1, 3))]
        return "{" + ", ".join(items) + (", " if rnd.random() < 0.4 else "") + "}"
    if depth < 2 and r < 0.4:
        items = [value(rnd, depth + 1) for _ in range(rnd.randint(1, 3))]
        return "[" + ", ".join(items) + (",]" if rnd.random() < 0.4 else "]")
    if r < 0.7:
        return rnd.choice(NUMS)
    if r < 0.9:
        return rnd.choice(STRS)
    return rnd.choice(["true", "false", "null", "// note\n7", "/* c */ 8"])


def obj(rnd: random.Random, depth: int = 0) -> object:
    r = rnd.random()
    if depth < 2 and r < 0.35:
        return {rnd.choice(KEYS): obj(rnd, depth + 1) for _ in range(rnd.randint(1, 3))}
    if depth < 2 and r < 0.5:
        return [obj(rnd, depth + 1) for _ in range(rnd.randint(1, 3))]
    if r < 0.8:
        return rnd.choice(RAW)
    return rnd.choice([1, -2.5, 1e21, True, None, "num:Infinity", "num:-Infinity", "num:NaN"])


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(260):
        r = i % 3
        if r == 0:
            cases.append([f"parse {i:03}", "parse", value(rnd)])
        elif r == 1:
            cases.append([f"stringify {i:03}", "stringify", obj(rnd)])
        else:
            cases.append([f"roundtrip {i:03}", "roundtrip", obj(rnd)])
    return {"cases": cases}


RUNNER = """
const fix = (x) => (typeof x === "string" && x.startsWith("num:") ? Number(x.slice(4)) :
  Array.isArray(x) ? x.map(fix) : x && typeof x === "object" ?
  Object.fromEntries(Object.entries(x).map(([k, v]) => [k, fix(v)])) : x);
const enc = (v) => JSON.parse(JSON.stringify(v === undefined ? null : v,
  (k, x) => (typeof x === "number" && !Number.isFinite(x) ? `num:${x}` : x)));
const ops = {
  parse: (a) => JSON5.parse(a),
  stringify: (a) => JSON5.stringify(fix(a)),
  roundtrip: (a) => JSON5.parse(JSON5.stringify(fix(a), null, 2)),
};
const run = (op, arg) => {
  try {
    return { value: enc(ops[op](arg)) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import JSON5 from "json5";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import JSON5 from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["parse", "stringify", "roundtrip"]) {
  describe(`json5 ${op}`, () => {
    test.each(fx.filter((c) => c[1] === op))("%s: %j", (name, op2, arg, want) => {
      expect(run(op2, arg)).toEqual(want);
    });
  });
}
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import JSON5 from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("parts book (vendored json5)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(op, arg), want);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const env = { require: "readonly", module: "writable", exports: "writable", console: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn",
                "prefer-template": "warn", "no-else-return": "warn", "one-var": ["warn", "never"],
                "func-style": ["warn", "expression"], "no-continue": "warn", "camelcase": "warn",
                "complexity": ["warn", 6], "max-depth": ["warn", 2], "vars-on-top": "warn", "no-undefined": "warn",
                "strict": ["warn", "never"], "no-use-before-define": "warn", "id-length": ["warn", { "min": 3 }],
                "capitalized-comments": "warn", "no-magic-numbers": "warn", "require-unicode-regexp": "warn",
                "no-bitwise": "warn", "prefer-arrow-callback": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import JSON5 from "../lib/index.js";

const defaults = { "rack": { size: "M" }, "tyres": {}, "rack": { size: "L" } };
export function load(text) {
  const book = JSON5.parse(text);
  for (var name in defaults) {
    if (book[name] == undefined) book[name] = defaults[name];
  }
  return { book: book, chainring: book.drive.teeth.toFixed(), parts: Object.keys(book).length };
}
export function save(book, file) {
  const unused = file.length * 2;
  const text = JSON5.stringify(book, { space: "  ", quote: 7 });
  return text ? file.replace(/\\.[^.]*$/, "") + ".json5:" + text : file.slice(0, parseInt(book));
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "gearbook"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "gearbook", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(17610)), "fixtures.mjs": FIXTURES_JS,
                      "test/json5.test.js": VITEST_SUITE, "spec/json5.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run("cp " + " ".join(f"{PKG}/lib/{f}" for f in LIB) + " lib/", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-gearbook-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-stringify-filter-tail-400", "npx vitest run -t stringify 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "gearbook"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/parse.js lib/stringify.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-json5-json", "npm view json5 --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
