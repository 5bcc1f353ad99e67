"""Round 183, JavaScript: a real npm package new to the issue's rounds (jsesc, JavaScript / JSON string escaping) copied
into a project (`labelkit`, a print shop's label generator writing escaped string literals into templates) with a few
bugs put in, under generated vitest and node --test suites whose expectations come from the unbroken package; eslint
over the copy and the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide183.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide183 import JS, cap

NM = JS / "node_modules"
PKG = NM / "jsesc"
LIB = ["jsesc.js"]

# The bugs put in: (file, text, replacement); each text occurs exactly once. The es6 `\u{...}` form of an astral
# symbol is off by 0xF000 (the surrogate formula adds 0x1000, not 0x10000); a NUL followed by a non-digit is no longer
# written `\0` (the digit test inverted); a backtick template escapes only its first `${`.
BUGS = [("jsesc.js", "second - 0xDC00 + 0x10000;", "second - 0xDC00 + 0x1000;"),
        ("jsesc.js", "!regexDigit.test(string.charAt(index + 1))", "regexDigit.test(string.charAt(index + 1))"),
        ("jsesc.js", "result = result.replace(/\\$\\{/g, '\\\\${');", "result = result.replace(/\\$\\{/, '\\\\${');")]

PIECES = ["label", "Café", "naïve", "\u00a9 2024", "\U0001F4E6 box", "\U0001D11E clef", "tab\there", "line\nbreak",
          "nul\0end", "nul\x007", "it's", 'say "hi"', "back`tick", "${price}", "a ${b} ${c}", "</script>", "<!-- x",
          "\u00a0nbsp", "\x7fdel", "\\path", "\ud800lone", "\b\f\r", "€12,50", "日本語", ""]
OPTS = [{}, {"quotes": "double"}, {"quotes": "backtick"}, {"wrap": True}, {"es6": True}, {"minimal": True},
        {"json": True}, {"escapeEverything": True}, {"isScriptContext": True}, {"lowercaseHex": True},
        {"quotes": "backtick", "wrap": True}, {"es6": True, "lowercaseHex": True}, {"json": True, "wrap": True}]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(270):
        r = i % 3
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 4)))
        if r == 0:
            cases.append([f"string {i:03}", "string", text, rnd.choice(OPTS)])
        elif r == 1:
            cases.append([f"array {i:03}", "array", [text, rnd.choice(PIECES)], rnd.choice(OPTS[:7])])
        else:
            cases.append([f"object {i:03}", "object", {rnd.choice(["name", "sku", "note"]): text,
                                                       "qty": rnd.randint(0, 99)}, rnd.choice(OPTS[:7])])
    return {"cases": cases}


RUNNER = """
const run = (arg, opts) => {
  try {
    return { value: jsesc(arg, opts) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import jsesc from "jsesc";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, op, arg, opts]) => [name, op, arg, opts, run(arg, opts)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import jsesc from "../lib/jsesc.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["string", "array", "object"]) {
  describe(`jsesc ${op}`, () => {
    test.each(fx.filter((c) => c[1] === op))("%s: %j %j", (name, op2, arg, opts, want) => {
      expect(run(arg, opts)).toEqual(want);
    });
  });
}
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import jsesc from "../lib/jsesc.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("labelkit (vendored jsesc)", () => {
  for (const [name, op, arg, opts, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)} ${JSON.stringify(opts)}`, () => {
      assert.deepEqual(run(arg, opts), want);
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

APP_JS = """import jsesc from "../lib/jsesc.js";

const defaults = { "size": "62x29", "font": "mono", "size": "54x17" };
export function literal(label, opts) {
  for (var key in defaults) {
    if (label[key] == undefined) label[key] = defaults[key];
  }
  return { code: jsesc(label, { quotes: "double", wrap: 1, indent: 2 }), width: label.size.split("x")[0].toFixed() };
}
export function template(rows, name) {
  const unused = name.length * 2;
  const text = rows.map((r) => jsesc(r.text, { quotes: "backtick", wrap: true })).join(",\\n");
  return text ? "export const " + name + " = [" + text + "];" : name.slice(0, parseInt(rows));
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "labelkit"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "labelkit", "version": "0.9.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(18310)), "fixtures.mjs": FIXTURES_JS,
                      "test/jsesc.test.js": VITEST_SUITE, "spec/jsesc.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run("cp " + " ".join(f"{PKG}/{f}" for f in LIB) + " lib/", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-labelkit-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-object-filter-tail-400", "npx vitest run -t object 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "labelkit"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/jsesc.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-jsesc-json", "npm view jsesc --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
