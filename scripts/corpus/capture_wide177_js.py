"""Round 177, JavaScript: a real npm package new to the corpus (number-to-words: numbers to English words, ordinal
numbers and ordinal words) copied into a project (`voucher-writer`, a cheque and voucher printer) with a few bugs put
in, under generated vitest and node --test suites whose expectations come from the unbroken package; eslint over
the copy and the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide177.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide177 import JS, cap

NM = JS / "node_modules"
PKG = NM / "number-to-words"

# The bugs put in: (file, text, replacement); each text occurs exactly once. 13 (and 113, 213 ...) gets "rd" as its
# ordinal suffix; thousands lose the comma after "thousand"; twelve's ordinal word is spelled "twelveth".
BUGS = [("toOrdinal.js", "lastTwoDigits >= 11 && lastTwoDigits <= 13;", "lastTwoDigits >= 11 && lastTwoDigits < 13;"),
        ("toWords.js", "ONE_THOUSAND)) + ' thousand,';", "ONE_THOUSAND)) + ' thousand';"),
        ("makeOrdinal.js", "    twelve: 'twelfth'", "    twelve: 'twelveth'")]

FNS = ["toWords", "toOrdinal", "toWordsOrdinal"]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(270):
        fn = FNS[i % 3]
        band = rnd.randrange(10)
        if band < 3:
            n = rnd.randint(0, 120)
        elif band < 5:
            n = rnd.randint(100, 999)
        elif band < 7:
            n = rnd.randint(1000, 999_999)
        elif band == 7:
            n = rnd.randint(1_000_000, 9_999_999_999)
        elif band == 8:
            n = -rnd.randint(1, 50_000)
        else:
            n = rnd.choice(["42", "3.7", "1e3", "twelve", 9007199254740993, 11, 12, 13, 112, 1213])
        cases.append([f"{fn} {i:03}", fn, [n]])
    return {"cases": cases}


RUNNER = """
const run = (fn, arg) => {
  try {
    return { value: n2w[fn](arg[0]) };
  } catch (e) {
    return { error: `${e.name}: ${e.message}` };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import n2w from "number-to-words";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, fn, arg]) => [name, fn, arg, run(fn, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import n2w from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const fn of ["toWords", "toOrdinal", "toWordsOrdinal"]) {
  describe(`number-to-words ${fn}`, () => {
    test.each(fx.filter((c) => c[1] === fn))("%s: %j", (name, f, arg, want) => {
      expect(run(f, arg)).toEqual(want);
    });
  });
}
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import n2w from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("cheque amounts (vendored number-to-words)", () => {
  for (const [name, fn, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg[0])}`, () => {
      assert.deepEqual(run(fn, arg), want);
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
                "complexity": ["warn", 4], "max-depth": ["warn", 2], "vars-on-top": "warn", "no-undefined": "warn",
                "strict": ["warn", "never"], "no-use-before-define": "warn", "id-length": ["warn", { "min": 3 }],
                "capitalized-comments": "warn", "no-magic-numbers": "warn", "require-unicode-regexp": "warn",
                "prefer-arrow-callback": "warn", "no-ternary": "warn", "no-shadow-restricted-names": "error",
                "func-names": "warn", "prefer-named-capture-group": "warn", "no-implicit-coercion": "warn",
                "no-redeclare": "error", "radix": "warn", "no-lonely-if": "warn", "sort-keys": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import n2w from "../lib/index.js";

const currencies = { EUR: "euro", USD: "dollar", GBP: "pound", EUR: "euros" };
export function chequeLine(amount, currency) {
  const unit = currencies[currency];
  if (amount == 0) return { status: 204 };
  var whole = Math.floor(amount);
  var cents = Math.round((amount - whole) * 100);
  var words = n2w.toWords(whole) + " " + unit + "s and " + cents + "/100";
  return { status: 200, words: words.toUpperCase, width: words.length.toFixed };
}
export function installment(n, total) {
  const unused = total * 2;
  for (var i in [1, 2, 3]) if (i > n) return n2w.toWordsOrdinal(i, true);
  return n ? n2w.toOrdinal(n) + " of " + n2w.toWords(total) : n2w.toWords();
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "voucher-writer"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "voucher-writer", "version": "1.8.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(17710)), "fixtures.mjs": FIXTURES_JS,
                      "test/n2w.test.js": VITEST_SUITE, "spec/n2w.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/src/*.js lib/", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-voucher-writer-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "voucher-writer"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-yargs-json", "npm view yargs --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
