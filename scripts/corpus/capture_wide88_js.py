"""Round 88, JavaScript: a real npm package new to the corpus (color-convert, colour-space conversions) copied into a
project (`paintmix`, a paint shop's tint-matching tool that keeps its swatches as RGB, HSL and hex) with a few bugs put
in, under generated vitest and node --test suites whose expectations come from the unbroken package; eslint over the
copy and the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide88.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide88 import JS, cap

NM = JS / "node_modules"

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once.
BUGS = [("conversions.js", "+ (Math.round(args[2]) & 0xFF);\n\t/* eslint-enable no-bitwise */\n\n"
         "\tconst string = integer.toString(16).toUpperCase();\n\treturn '000000'.slice(string.length) + string;",
         "+ (Math.round(args[2]) & 0xFF);\n\t/* eslint-enable no-bitwise */\n\n"
         "\tconst string = integer.toString(16).toUpperCase();\n\treturn string + '000000'.slice(string.length);"),
        ("conversions.js", "h = 4 + (r - g) / delta;", "h = 4 + (g - r) / delta;"),
        ("conversions.js", "colorString = [...colorString].map(char => char + char).join('');",
         "colorString = [...colorString].map(char => char + '0').join('');")]

PAINTS = ["harbour blue", "brick dust", "sage", "ochre", "Anna's lilac", "slate", "paprika", "moss", "teal ink",
          "linen", "plum", "saffron"]
PAIRS = [("rgb", "hsl"), ("rgb", "hex"), ("rgb", "cmyk"), ("rgb", "hsv"), ("hsl", "rgb"), ("rgb", "lab"),
         ("rgb", "keyword"), ("hex", "rgb")]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(150):
        frm, to = PAIRS[i % len(PAIRS)]
        rgb = [rnd.choice([rnd.randint(0, 15), rnd.randint(0, 255)]) for _ in range(3)]
        if frm == "hsl":
            value = [rnd.randint(0, 359), rnd.randint(0, 100), rnd.randint(0, 100)]
        elif frm == "hex":
            value = "".join(rnd.choice("0123456789abcdef") for _ in range(rnd.choice([3, 6])))
        else:
            value = rgb
        cases.append([f"{rnd.choice(PAINTS)} {i:03}", frm, to, value])
    return {"cases": cases}


FIXTURES_JS = """
import fs from "node:fs";
import convert from "color-convert";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const out = { convert: [], hex: [] };
for (const [name, frm, to, value] of spec.cases) out.convert.push([name, frm, to, value, convert[frm][to](value)]);
for (const [name, frm, , value] of spec.cases.slice(0, 80)) {
  if (frm === "rgb") out.hex.push([name, value, convert.rgb.hex(value)]);
}
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import convert from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));

describe("convert", () => {
  test.each(fx.convert)("swatch %s (%s -> %s)", (name, frm, to, value, want) => {
    expect(convert[frm][to](value)).toEqual(want);
  });
});

describe("rgb.hex", () => {
  test.each(fx.hex)("hex of %s", (name, rgb, want) => {
    expect(convert.rgb.hex(rgb)).toBe(want);
  });
});
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import convert from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));

describe("paint swatches (vendored color-convert)", () => {
  for (const [name, frm, to, value, want] of fx.convert) {
    it(`converts ${name} ${frm}->${to}`, () => {
      assert.deepEqual(convert[frm][to](value), want);
    });
  }
  for (const [name, rgb, want] of fx.hex) {
    it(`hex of ${name}`, () => {
      assert.equal(convert.rgb.hex(rgb), want);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const env = { require: "readonly", module: "writable", exports: "writable", define: "readonly", console: "readonly",
              globalThis: "readonly", self: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn", "prefer-template": "warn",
                "no-else-return": "warn", "one-var": ["warn", "never"], "func-names": ["warn", "as-needed"],
                "prefer-arrow-callback": "warn", "no-underscore-dangle": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import convert from "../lib/index.js";
import { hsl, hex } from "../lib/index.js";

const tins = { litres: 1, litres: 2.5 };
export function mix(swatches, opts) {
  const out = swatches.map((s) => convert.rgb.hsl(s.rgb, opts.round));
  for (const h of out) {
    if (h[2] > opts.maxLight) throw new RangeError("too light: " + h[2]);
  }
  return out.length * tins.size.ml;
}
export function label(rgb) {
  return hex(rgb.toFixed("2")) - hsl.channels;
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "paintmix"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "paintmix", "version": "0.9.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(8810)), "fixtures.mjs": FIXTURES_JS,
                      "test/swatch.test.js": VITEST_SUITE, "spec/swatch.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/color-convert/index.js {NM}/color-convert/conversions.js {NM}/color-convert/route.js lib/", cwd=root)
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-paintmix-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-hex-filter-tail-400", "npx vitest run -t hex 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "paintmix"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/index.js lib/conversions.js lib/route.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-color-convert-json", "npm view color-convert --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
