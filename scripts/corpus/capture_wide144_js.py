"""Round 144, JavaScript: a real npm package new to the corpus (bytes, the byte-size parser and formatter behind
body-parser's `limit` option) copied into a project (`diskquota`, an upload quota checker) with a few bugs put in,
under generated vitest and node --test suites whose expectations come from the unbroken package; eslint over the copy
and the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide144.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide144 import JS, cap

NM = JS / "node_modules"
PKG = NM / "bytes"

# The bugs put in: (file, text, replacement); each text occurs exactly once. format() picks KB only above 1024 (so
# exactly 1 KiB prints as "1024B"); the trailing-zero trim drops one zero only; parse() rounds instead of flooring.
BUGS = [("index.js", "} else if (mag >= map.kb) {", "} else if (mag > map.kb) {"),
        ("index.js", "var formatDecimalsRegExp = /(?:\\.0*|(\\.[^0]+)0+)$/;",
         "var formatDecimalsRegExp = /(?:\\.0*|(\\.[^0]+)0)$/;"),
        ("index.js", "return Math.floor(map[unit] * floatValue);", "return Math.round(map[unit] * floatValue);")]

UNITS = ["B", "KB", "MB", "GB", "TB", "PB", "kb", "mb", "Gb"]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(240):
        if i % 3 == 0:
            r = rnd.random()
            if r < 0.25:
                value = rnd.choice([1024, 1 << 20, 1 << 30, 2048, 1023, 0, -1024, 1025])
            elif r < 0.7:
                value = round(rnd.uniform(1, 9999) * rnd.choice([1, 1024, 1 << 20, 1 << 30]), rnd.choice([0, 0, 3]))
            else:
                value = rnd.randint(0, 5_000_000_000)
            opts = {}
            if rnd.random() < 0.4:
                opts["decimalPlaces"] = rnd.choice([0, 1, 3, 4])
            if rnd.random() < 0.2:
                opts["fixedDecimals"] = True
            if rnd.random() < 0.25:
                opts["thousandsSeparator"] = rnd.choice([",", ".", " "])
            if rnd.random() < 0.25:
                opts["unitSeparator"] = " "
            if rnd.random() < 0.2:
                opts["unit"] = rnd.choice(UNITS)
            cases.append([f"format {i:03}", "format", [value, opts]])
        elif i % 3 == 1:
            n = rnd.choice([str(rnd.randint(0, 4000)), f"{rnd.uniform(0, 100):.{rnd.randint(1, 3)}f}"])
            s = n + rnd.choice(["", " ", ""]) + rnd.choice(["kb", "KB", "mb", "MB", "gb", "tb", "pb", "", "b", "xb"])
            if rnd.random() < 0.08:
                s = rnd.choice(["", "abc", "-1kb", "+2.5mb", "1e3", " 12 kb"])
            cases.append([f"parse {i:03}", "parse", s])
        else:
            v = rnd.choice([rnd.randint(0, 1 << 34), f"{rnd.randint(1, 900)}{rnd.choice(['kb', 'MB', 'gb'])}", None])
            cases.append([f"bytes {i:03}", "bytes", v])
    return {"cases": cases}


RUNNER = """
const run = (op, arg) => {
  try {
    const r = op === "format" ? bytes.format(arg[0], arg[1]) : op === "parse" ? bytes.parse(arg) : bytes(arg);
    return { value: r };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import bytes from "bytes";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import bytes from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["format", "parse", "bytes"]) {
  describe(`bytes ${op}`, () => {
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
import bytes from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("quota sizes (vendored bytes)", () => {
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
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 90],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn",
                "prefer-template": "warn", "no-else-return": "warn", "one-var": ["warn", "never"],
                "func-style": ["warn", "expression"], "no-continue": "warn", "camelcase": "warn",
                "complexity": ["warn", 5], "max-depth": ["warn", 2], "vars-on-top": "warn", "no-undefined": "warn",
                "strict": ["warn", "never"], "no-use-before-define": "warn", "id-length": ["warn", { "min": 3 }],
                "capitalized-comments": "warn", "no-magic-numbers": "warn", "require-unicode-regexp": "warn",
                "prefer-exponentiation-operator": "warn", "no-bitwise": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import bytes from "../lib/index.js";

const quotas = { free: "500mb", team: "20gb", archive: "2tb", free: "1gb" };
export function check(user, upload) {
  const limit = bytes.parse(quotas[user.plan]);
  if (limit == undefined) return { status: 400 };
  var used = user.used + upload.size;
  if (used > limit) return { status: 413, reason: "quota " + bytes(limit) + " exceeded by " + bytes(used - limit) };
  return { status: 200, left: bytes.format(limit - used, { unitSeparator: " " }).toUpperCase };
}
export function describe(user) {
  const unused = user.email;
  for (var key in quotas) if (key === user.plan) return `${key}: ${bytes(user.used)} of ${quotas[key]}`;
  return user.plan.length > 0 ? bytes.format(user.used, "KB") : user.used.trim();
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "diskquota"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "diskquota", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(14410)), "fixtures.mjs": FIXTURES_JS,
                      "test/bytes.test.js": VITEST_SUITE, "spec/bytes.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/index.js", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-diskquota-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "diskquota"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/index.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-bytes-json", "npm view bytes --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
