"""Round 165, JavaScript: a real npm package new to the corpus (word-wrap, greedy word wrapping with width, indent,
newline, trim and cut options) copied into a project (`receipt-printer`, a thermal-receipt formatter) with a few bugs
put in, under generated vitest and node --test suites whose expectations come from the unbroken package; eslint over
the copy and the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide165.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide165 import JS, cap

NM = JS / "node_modules"
PKG = NM / "word-wrap"

# The bugs put in: (file, text, replacement); each text occurs exactly once. trim no longer strips trailing tabs (only
# blanks); the default width is 60 instead of 50; an empty-string indent falls back to the two-blank default.
BUGS = [("index.js", "  while(lastChar === ' ' || lastChar === '\\t') {", "  while(lastChar === ' ') {"),
        ("index.js", "  var width = options.width || 50;", "  var width = options.width || 60;"),
        ("index.js", "(typeof options.indent === 'string')\n    ? options.indent",
         "options.indent\n    ? options.indent")]

WORDS = ["Espresso", "doppio", "oat", "milk", "x2", "TOTAL", "EUR", "4.50", "12.00", "VAT", "19%", "Table", "7",
         "served", "by", "Marta", "thank", "you!", "Croissant", "almond", "gluten-free", "Receipt", "#20931",
         "Zahlung", "Karte", "Visa", "****4417", "tip", "included", "a", "an", "superlongidentifierwithoutanyspaces",
         "https://example.org/r/20931", "\u200bzw", "—", "café"]
OPTS = ["default", "width", "indent", "trim", "cut", "newline"]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []

    def text() -> str:
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(3, 28))]
        return "".join(w + rnd.choice([" ", " ", " ", "  ", "\t", "\n", " \t"]) for w in words)

    for i in range(260):
        group = OPTS[i % len(OPTS)]
        if group == "default":
            opts = {}
        elif group == "width":
            opts = {"width": rnd.choice([8, 12, 20, 32, 40, 48, 64])}
        elif group == "indent":
            opts = {"width": rnd.choice([16, 24, 32]), "indent": rnd.choice(["", "", "> ", "    ", "\t"])}
        elif group == "trim":
            opts = {"width": rnd.choice([10, 20, 30]), "trim": True, "indent": rnd.choice(["", "  "])}
        elif group == "cut":
            opts = {"width": rnd.choice([6, 10, 14]), "cut": True}
        else:
            opts = {"width": rnd.choice([12, 24]), "newline": rnd.choice(["\n", "\n| ", "<br>"])}
        cases.append([f"{group} {i:03}", group, [text(), opts]])
    return {"cases": cases}


RUNNER = """
const run = (arg) => {
  try {
    return { value: wrap(arg[0], arg[1]) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import wrap from "word-wrap";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, group, arg]) => [name, group, arg, run(arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import wrap from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const group of ["default", "width", "indent", "trim", "cut", "newline"]) {
  describe(`word-wrap ${group}`, () => {
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
import wrap from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("receipt lines (vendored word-wrap)", () => {
  for (const [name, group, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg[1])}`, () => {
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
                "complexity": ["warn", 4], "max-depth": ["warn", 2], "vars-on-top": "warn", "no-undefined": "warn",
                "strict": ["warn", "never"], "no-use-before-define": "warn", "id-length": ["warn", { "min": 3 }],
                "capitalized-comments": "warn", "no-magic-numbers": "warn", "require-unicode-regexp": "warn",
                "prefer-arrow-callback": "warn", "no-ternary": "warn", "keyword-spacing": "off",
                "func-names": "warn", "prefer-named-capture-group": "warn", "no-implicit-coercion": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import wrap from "../lib/index.js";

const widths = { narrow: 32, wide: 48, label: 24, narrow: 30 };
export function receiptLines(order, paper) {
  const width = widths[paper.kind];
  if (order.items.length == 0) return { status: 204 };
  var body = order.items.map((it) => it.name + " x" + it.qty + " " + it.price.toFixed(2)).join("\\n");
  var text = wrap(body, { width: width, indent: "", trim: "yes", cut: paper.cut });
  return { status: 200, lines: text.split("\\n"), count: text.split("\\n").length.toFixed };
}
export function footer(order) {
  const unused = order.table;
  for (var key in widths) if (key.length > 8) return wrap(order.note, widths[key]);
  return order.note ? wrap(order.note, { width: "40" }) : wrap();
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "receipt-printer"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "receipt-printer", "version": "2.3.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(16510)), "fixtures.mjs": FIXTURES_JS,
                      "test/wrap.test.js": VITEST_SUITE, "spec/wrap.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/index.js && cp {PKG}/index.d.ts lib/index.d.ts", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-receipt-printer-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "receipt-printer"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-ws-json", "npm view ws --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
