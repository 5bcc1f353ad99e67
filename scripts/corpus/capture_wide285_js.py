"""Round 285, JavaScript / TypeScript: a real npm package new to the issue's rounds (change-case: camelCase, pascalCase,
pascalSnakeCase, capitalCase, constantCase, dotCase, kebabCase, pathCase, sentenceCase, snakeCase, trainCase and
noCase, with options for delimiters, kept prefix and suffix characters, separated numbers and locales) copied into a
small app (`glazebook`, a pottery's glaze recipe column names) with a few bugs put in; generated vitest and node --test
suites over the copy whose expectations come from the unbroken package; eslint over the copy and the app; tsc --noEmit
with checkJs over the shipped JavaScript and an app typed against the package's declarations that uses it wrongly; npm
view --json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own
(round 9b). Run through capture_wide285.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide285 import JS, cap

NM = JS / "node_modules"
PKG = NM / "change-case"

# The bugs put in the copy (lib/index.js, the package's dist): (file, text, replacement); each text occurs exactly
# once. A capitalised word keeps the case of its other letters (GLAZE stays GLAZE in Capital Case and Train-Case); a
# number starting the second word of camel or Pascal case gets no underscore; the suffix characters kept are the
# prefix characters.
BUGS = [("index.js", "return (word) => `${upper(word[0])}${lower(word.slice(1))}`;",
         "return (word) => `${upper(word[0])}${word.slice(1)}`;"),
        ("index.js", 'const initial = index > 0 && char0 >= "0"', 'const initial = index > 1 && char0 >= "0"'),
        ("index.js", "if (!suffixCharacters.includes(char))", "if (!prefixCharacters.includes(char))")]

FNS = ["camelCase", "pascalCase", "pascalSnakeCase", "capitalCase", "constantCase", "dotCase", "kebabCase",
       "pathCase", "sentenceCase", "snakeCase", "trainCase", "noCase"]
WORDS = ["glaze", "CELADON", "tenmoku", "cone10", "Shino", "ash", "feldspar", "SiO2", "Al2O3", "whiting", "rutile",
         "über", "Ærø", "oxide", "3", "2024", "wood-fired", "gloss_base", "matteGlaze", "XMLRecipe", "kg", "iron",
         "_tmp", "v2"]
SEPS = ["", " ", "_", "-", ".", "/", "  ", "__"]


def phrase(rnd: random.Random) -> str:
    n = rnd.randint(1, 5)
    out = rnd.choice(WORDS)
    for _ in range(n - 1):
        out += rnd.choice(SEPS) + rnd.choice(WORDS)
    if rnd.random() < 0.15:
        out = " " + out + rnd.choice(["", " ", "!"])
    return out


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(300):
        op = FNS[i % len(FNS)]
        opts: dict | None = None
        r = rnd.random()
        if r < 0.2:
            opts = {"separateNumbers": True}
        elif r < 0.35:
            opts = {"prefixCharacters": "".join(rnd.sample(["_", "$", "@", "#"], 2)),
                    "suffixCharacters": "".join(rnd.sample(["_", "!", "?", "%"], 2))}
        elif r < 0.45:
            opts = {"delimiter": rnd.choice(["+", "::", "~"])}
        elif r < 0.52:
            opts = {"mergeAmbiguousCharacters": True}
        elif r < 0.58:
            opts = {"locale": False}
        cases.append([f"{op} {i:03}", op, [phrase(rnd), opts]])
    return cases


RUNNER = """
const fns = { """ + ", ".join(FNS) + """ };
const run = (name, [text, opts]) => {
  try {
    return { value: opts === null ? fns[name](text) : fns[name](text, opts) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

IMPORTS = ", ".join(FNS)

FIXTURES_JS = """
import fs from "node:fs";
import { """ + IMPORTS + """ } from "change-case";
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
describe("glazebook columns (vendored change-case)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg[1])}`, () => {
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
for (const op of ["camelCase", "pascalCase", "pascalSnakeCase", "capitalCase", "constantCase", "dotCase", "kebabCase", "pathCase", "sentenceCase", "snakeCase", "trainCase", "noCase"]) {
  describe(`glazebook ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2][1]), c[1], c[2], c[3]]);
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

APP_JS = """import { camelCase, snakeCase, pascalCase } from "../lib/index.js";

const styles = { "sql": snakeCase, "js": camelCase, "cls": pascalCase, "sql": snakeCase };
export function columns(header, style) {
  var out = [];
  for (var key in styles) {
    if (style == undefined) style = key;
  }
  const unused = header.length * 2;
  for (let i = 0; i < header.length; i++) out.push(styles[style](header[i]));
  if (out.length == 0) return "no columns for " + style;
  else return out.join(style != "sql" ? ", " : ",\\n");
}
export function longest(header) {
  let best = header[0];
  for (let i = 1; i < header.length; i++) if (header[i].length > best.length) best = header[i];
  return best + "";
}
export const rename = function (row, style) {
  const keys = Object.keys(row);
  let n = 0;
  keys.forEach(function (k) { row[styles[style](k)] = row[k]; n++; });
  return n ? row : null;
};
"""

APP_TS = """import { camelCase, constantCase, kebabCase, pathCase, snakeCase } from 'change-case'

interface Column { name: string; grams: number; note?: { text: string } }

export function names(cs: Column[]): number[] {
  return cs.map((c) => camelCase(c.name))
}

export const snake = (c: Column): string => snakeCase(c.name, { delimiter: 1 })
export const kebab = (cs: Column[]): string => cs.map((c) => kebabCase(c))
export const path = (c: Column) => pathCase(c.name, { separateNumbers: 'yes' })
export const noteOf = (c: Column): string => c.note.text
export const total: number = camelCase('a b').split(' ')
export const wide = (cs: Column[]) => snakeCase(cs.map((c) => c.grams))
export const upper = (c: Column) => constantCase(c.name, { prefix: '-', locale: 'en' })
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
    root = tmp / "glazebook"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "glazebook", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(28510)), "fixtures.mjs": FIXTURES_JS,
                      "spec/settings.node.test.mjs": NODE_SUITE, "test/settings.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/columns.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/dist/index.js lib/", cwd=root)
    put_bugs(root / "lib")
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-glazebook-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-set-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'glazebook trainCase' 2>&1 | tail -n 200", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-glazebook-spec-camel-capital", "node --test --test-name-pattern='^(camelCase|capitalCase) ' spec/ 2>&1", root, n_node_test,
        timeout=600)
    chain("chain-cd-node-test-tail-exit", "chain-test-exit", "test",
          [Part("cd glazebook", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "glazebook"
    cap("eslint-lib-app", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/glazebook.ts": APP_TS})
    cap("tsc-checkjs-change-case-glazebook", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.js ts/glazebook.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc", "chain-lint", "lint",
          [Part("cd glazebook", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 120", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-change-case-json", "npm view change-case --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
