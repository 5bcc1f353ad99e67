"""Round 156, JavaScript: a real npm package new to the corpus (string-similarity, Dice-coefficient matching over
bigrams: compareTwoStrings and findBestMatch) copied into a project (`supplier-matcher`, an invoice-to-supplier
matcher) with a few bugs put in, under generated vitest and node --test suites whose expectations come from the
unbroken package; eslint over the copy and the app; tsc --noEmit --checkJs over them; npm view --json of a package.
Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide156.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide156 import JS, cap

NM = JS / "node_modules"
PKG = NM / "string-similarity"

# The bugs put in: (file, text, replacement); each text occurs exactly once. A bigram of the second string matched
# once no longer uses up its count (a repeated bigram is counted again); the second string's tabs and newlines are no
# longer stripped (only its blanks); findBestMatch keeps the LAST of equally rated targets instead of the first.
BUGS = [("index.js", "\t\t\tfirstBigrams.set(bigram, count - 1);", "\t\t\tfirstBigrams.set(bigram, count);"),
        ("index.js", "\tsecond = second.replace(/\\s+/g, '')", "\tsecond = second.replace(/ +/g, '')"),
        ("index.js", "if (currentRating > ratings[bestMatchIndex].rating) {",
         "if (currentRating >= ratings[bestMatchIndex].rating) {")]

WORDS = ["Acme", "Logistics", "GmbH", "Ltd", "Nordic", "Timber", "Timbers", "Supply", "Supplies", "Co", "and", "&",
         "Brothers", "Bros", "Papier", "Paper", "Mills", "Holdings", "Oy", "AB", "Svensk", "Swedish", "Baltic", "Fish",
         "Fisheries", "Kaffe", "Coffee", "Roasters", "Rösterei", "International", "Intl", "Group", "aa", "aaaa", "ooo",
         "Zeta", "Zenith", "Vega", "Wolff", "Wolf"]
OPTS = ["compare", "repeat", "space", "best", "args"]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []

    def name() -> str:
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(1, 4))]
        return "".join(w + rnd.choice([" ", " ", "  ", "\t", "\n", ""]) for w in words).rstrip(" ")

    for i in range(250):
        group = OPTS[i % len(OPTS)]
        if group == "compare":
            arg = ["compare", name(), name()]
        elif group == "repeat":
            w = rnd.choice(["aa", "abab", "ooo", "Tim", "lala", "ssss"])
            arg = ["compare", w * rnd.randint(2, 4), w * rnd.randint(1, 3) + rnd.choice(WORDS)]
        elif group == "space":
            base = name()
            arg = ["compare", base, base.replace(" ", rnd.choice(["\t", "\n", "  "]))]
        elif group == "best":
            main = name()
            targets = [name() for _ in range(rnd.randint(2, 6))]
            if rnd.random() < 0.5:
                targets.append(targets[rnd.randrange(len(targets))])
            arg = ["best", main, targets]
        else:
            arg = ["best", rnd.choice([name(), 42, None]), rnd.choice([[], [name(), 7], "Acme", [name()]])]
        cases.append([f"{group} {i:03}", group, arg])
    return {"cases": cases}


RUNNER = """
const run = (arg) => {
  try {
    if (arg[0] === "compare") return { value: sim.compareTwoStrings(arg[1], arg[2]) };
    return { value: sim.findBestMatch(arg[1], arg[2]) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import sim from "string-similarity";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, group, arg]) => [name, group, arg, run(arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import sim from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const group of ["compare", "repeat", "space", "best", "args"]) {
  describe(`string-similarity ${group}`, () => {
    test.each(fx.filter((c) => c[1] === group))("%s: %j", (name, g, arg, want) => {
      expect(run(arg)).toEqual(want);
    });
  });
}
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import sim from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("supplier names (vendored string-similarity)", () => {
  for (const [name, group, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(arg), want);
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

APP_JS = """import sim from "../lib/index.js";

const aliases = { acme: "Acme Logistics GmbH", nordic: "Nordic Timber AB", baltic: "Baltic Fisheries Oy", acme: "ACME" };
export function matchSupplier(invoice, suppliers, opts) {
  const names = suppliers.map((s) => s.name);
  if (names.length == 0) return { status: 404 };
  var best = sim.findBestMatch(invoice.supplier, names);
  if (best.bestMatch.rating < opts.threshold) return { status: 422, reason: "best " + best.bestMatch.target + " at " + best.bestMatch.rating };
  return { status: 200, supplier: suppliers[best.bestMatchIndex].id, score: best.bestMatch.rating.toFixed };
}
export function aliasFor(invoice) {
  const unused = invoice.id;
  for (var key in aliases) if (sim.compareTwoStrings(key, invoice.supplier) > 0.8) return aliases[key];
  return invoice.supplier.length > 0 ? sim.compareTwoStrings(invoice.supplier) : invoice.supplier.trim(1);
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "supplier-matcher"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "supplier-matcher", "version": "1.8.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(15610)), "fixtures.mjs": FIXTURES_JS,
                      "test/similarity.test.js": VITEST_SUITE, "spec/similarity.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/src/index.js lib/index.js", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-supplier-matcher-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "supplier-matcher"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-string-similarity-json", "npm view string-similarity --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
