"""Round 204, JavaScript / TypeScript: a real npm package new to the issue's rounds (color-string, parsing and
printing CSS colour strings: hex, rgb, hsl, hwb and keywords) copied into a small app (`swatchbook`, a paint shop's
swatch cards) with a few bugs put in; generated vitest and node --test suites over the copy whose expectations come
from the unbroken package; eslint over the copy and the app; tsc --noEmit with checkJs over the shipped JavaScript and
an app typed against the package's index.d.ts that uses it wrongly; npm view --json of the package. Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide204.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide204 import JS, cap

NM = JS / "node_modules"
PKG = NM / "color-string"

# The bugs put in the copy (lib/color-string.js): (text, replacement); each text occurs exactly once. A percentage
# rgb() channel is scaled by 2.5 instead of 2.55; a hex pair below 16 is printed as one digit (no leading 0); a
# #rgba colour's alpha digit is divided by 256 instead of 255.
BUGS = [("Number.parseFloat(match[i + 1]) * 2.55)", "Number.parseFloat(match[i + 1]) * 2.5)"),
        ("(string_.length < 2) ? '0' + string_", "(string_.length < 1) ? '0' + string_"),
        ("Number.parseInt(hexAlpha + hexAlpha, 16) / 255", "Number.parseInt(hexAlpha + hexAlpha, 16) / 256")]

KEYWORDS = ["rebeccapurple", "teal", "navy", "olive", "maroon", "aqua", "fuchsia", "seagreen", "peru", "orchid",
            "transparent", "notacolour", "darkslategray", "ivory"]


def color_input(rnd: random.Random) -> str:
    kind = rnd.randrange(8)
    h = lambda n: "".join(rnd.choice("0123456789abcdefABCDEF") for _ in range(n))  # noqa: E731
    if kind == 0:
        return "#" + h(3)
    if kind == 1:
        return "#" + h(4)
    if kind == 2:
        return "#" + h(6) + (h(2) if rnd.random() < 0.4 else "")
    if kind == 3:
        a = f", {rnd.choice(['0.5', '1', '0.25', '40%'])}" if rnd.random() < 0.5 else ""
        return f"rgb{'a' if a else ''}({rnd.randint(0, 300)}, {rnd.randint(0, 255)}, {rnd.randint(-10, 255)}{a})"
    if kind == 4:
        return f"rgb({rnd.randint(0, 100)}%, {rnd.randint(0, 100)}%, {rnd.randint(0, 110)}%)"
    if kind == 5:
        a = f", {rnd.choice(['0.3', '1', '.75'])}" if rnd.random() < 0.4 else ""
        return f"hsl{'a' if a else ''}({rnd.randint(-400, 720)}, {rnd.randint(0, 100)}%, {rnd.randint(0, 100)}%{a})"
    if kind == 6:
        return f"hwb({rnd.randint(0, 360)}, {rnd.randint(0, 100)}%, {rnd.randint(0, 100)}%)"
    return rnd.choice(KEYWORDS)


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(240):
        op = ["get", "hex", "rgb", "percent", "get", "keyword"][i % 6]
        if op == "get":
            arg: object = color_input(rnd)
        else:
            arg = [rnd.choice([rnd.randint(0, 15), rnd.randint(16, 255)]) for _ in range(3)]
            if op != "keyword" and rnd.random() < 0.3:
                arg.append(rnd.choice([0.5, 0.25, 0.8]))
        cases.append([f"{op} {i:03}", op, arg])
    return cases


RUNNER = """
const run = (op, arg) => {
  try {
    if (op === "get") return { value: cs.get(arg) };
    if (op === "hex") return { value: cs.to.hex(...arg) };
    if (op === "rgb") return { value: cs.to.rgb(...arg) };
    if (op === "percent") return { value: cs.to.rgb.percent(...arg) };
    return { value: cs.to.keyword(...arg) ?? null };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import cs from "color-string";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import cs from "../lib/color-string.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("swatchbook colours (vendored color-string)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(op, arg), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import cs from "../lib/color-string.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["get", "hex", "rgb", "percent", "keyword"]) {
  describe(`swatchbook ${op}`, () => {
    test.each(fx.filter((c) => c[1] === op))("%s: %j", (name, op2, arg, want) => {
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

APP_JS = """import cs from "../lib/color-string.js";

const house = { "sage": "#9caf88", "clay": "rgb(183, 110, 80)", "sage": "hsl(96, 20%, 61%)" };
export function swatchCard(name, fallback) {
  for (var key in house) {
    if (fallback == undefined) fallback = "#000";
  }
  const unused = name.length * 2;
  const parsed = cs.get(house[name] || fallback);
  if (parsed.model == "rgb") return cs.to.hex(parsed.value);
  else return cs.to.hsl(...parsed.value);
}
export function mixLabel(a, b) {
  const [r1, g1, b1] = cs.get.rgb(a);
  const [r2, g2, b2] = cs.get.rgb(b);
  return cs.to.rgb((r1 + r2) / 2, (g1 + g2) / 2, (b1 + b2) / 2) + "";
}
"""

APP_TS = """import colorString from 'color-string'
import type { Model } from 'color-string'

interface Swatch { name: string; css: string; model?: Model; alpha?: number }

export function parseSwatch(s: Swatch): number[] {
  const got = colorString.get(s.css)
  s.model = got.model
  return got.value
}

export function toHex(s: Swatch): string {
  const [r, g, b] = colorString.get.rgb(s.css)
  return colorString.to.hex(r, g, b, s.alpha)
}

export const toCmyk = (s: Swatch): string => colorString.to.cmyk(...parseSwatch(s))
export const keywordOf = (rgb: [number, number, number]): string => colorString.to.keyword(rgb)
export const modelName = (m: Model): 'rgb' | 'hsl' => m
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
    root = tmp / "swatchbook"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "swatchbook", "version": "1.3.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(20410)), "fixtures.mjs": FIXTURES_JS,
                      "spec/colours.node.test.mjs": NODE_SUITE, "test/colours.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/swatches.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/color-string.js", cwd=root)
    put_bugs(root / "lib" / "color-string.js")
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-swatchbook-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-get-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'swatchbook get' 2>&1 | tail -n 200", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-swatchbook-spec", "node --test spec/ 2>&1", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-exit", "chain-test-exit", "test",
          [Part("cd swatchbook", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "swatchbook"
    cap("eslint-lib-app", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/palette.ts": APP_TS})
    cap("tsc-checkjs-color-string-palette", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/color-string.js ts/palette.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc", "chain-lint", "lint",
          [Part("cd swatchbook", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 120", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-color-string-json", "npm view color-string --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
