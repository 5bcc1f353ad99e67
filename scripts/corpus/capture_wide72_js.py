"""Round 72, JavaScript: a real npm package new to the corpus (he, HTML entity encoding and decoding) copied into a
project (`menuboard`, a café's menu-board renderer) with a few bugs put in, under generated vitest and node --test
suites whose expectations come from the unbroken package; eslint over the copy and the app; tsc --noEmit --checkJs
over them; npm view --json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). Run through capture_wide72.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide72 import JS, cap

NM = JS / "node_modules"

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once.
BUGS = [("he.cjs", "return '&#x' + codePoint.toString(16).toUpperCase() + ';';",
         "return '&#x' + codePoint.toString(16).toLowerCase() + ';';"),
        ("he.cjs", "'\"': '&quot;',", "'\"': '&#34;',"),
        ("he.cjs", "var codePoint = (high - 0xD800) * 0x400 + low - 0xDC00 + 0x10000;",
         "var codePoint = (high - 0xD800) * 0x400 + low - 0xDC00 + 0x1000;")]

DISHES = ["Crème brûlée", "Jalapeño poppers", "Fish & chips", "Café au lait", "Smørrebrød", "Pão de queijo",
          "Bánh mì", "Crêpes Suzette", "Pâté <maison>", "\"Big\" breakfast", "Tom's toast", "Çay", "Pho bò",
          "Paella 🥘", "Sushi 🍣", "Tacos 🌮 al pastor", "Gâteau © 2025", "½ baguette", "Crêpe → jam", "Soup ≈ 300ml",
          "Naïve salad", "Käsespätzle", "Œufs cocotte", "Curry 🍛 & rice", "Ice cream 🍨 <3", "Pizza 🍕 — Margherita",
          "Tea ☕", "Ramen 🍜 ×2", "Flan ± caramel", "Bagel 🥯 & lox"]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    extra = []
    for _ in range(60):
        a, b = rnd.sample(DISHES, 2)
        sep = rnd.choice(["&", "+", "<", ">", "/", '"'])
        extra.append(f"{a} {sep} {b} €{rnd.randint(3, 24)}")
    return {"dishes": DISHES + extra}


FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const he = require("he");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const out = { encode: [], escape: [], decode: [] };
for (const s of spec.dishes) {
  out.encode.push([s, he.encode(s), he.encode(s, { useNamedReferences: true }), he.encode(s, { decimal: true })]);
  out.escape.push([s, he.escape(s)]);
  const enc = he.encode(s, { encodeEverything: true });
  out.decode.push([enc, he.decode(enc)]);
}
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import he from "../lib/he.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));

describe("he.encode", () => {
  test.each(fx.encode)("encode(%j)", (s, plain, named, decimal) => {
    expect(he.encode(s)).toBe(plain);
    expect(he.encode(s, { useNamedReferences: true })).toBe(named);
    expect(he.encode(s, { decimal: true })).toBe(decimal);
  });
});

describe("he.escape", () => {
  test.each(fx.escape)("escape(%j)", (s, want) => {
    expect(he.escape(s)).toBe(want);
  });
});

describe("he.decode", () => {
  test.each(fx.decode)("decode(%j)", (s, want) => {
    expect(he.decode(s)).toBe(want);
  });
});
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const he = require("../lib/he.cjs");
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));

describe("menu labels (vendored he)", () => {
  for (const [s, plain] of fx.encode) {
    it(`encodes ${s}`, () => {
      assert.equal(he.encode(s), plain);
    });
  }
  for (const [s, want] of fx.escape) {
    it(`escapes ${s}`, () => {
      assert.equal(he.escape(s), want);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const node = { require: "readonly", module: "writable", exports: "writable", console: "readonly", process: "readonly",
               define: "readonly", self: "readonly", globalThis: "readonly", window: "readonly", global: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 110],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn", "prefer-template": "warn",
                "no-else-return": "warn", "one-var": ["warn", "never"], "func-style": ["warn", "declaration"] };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.cjs"], languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: node },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: node }, rules: style },
];
"""

APP_JS = """import he from "../lib/he.cjs";
import { encode } from "../lib/he.cjs";

const board = { width: 32, width: 40 };
export function row(dish, price, opts) {
  if (price == null) return he.escape(dish);
  const name = encode(dish, { useNamedReferences: opts.named });
  const pad = board.width - dish.length;
  return `<li>${name}${" ".repeat(pad)}€${price.toFixed(2)}</li>` + board.footer.trim();
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "menuboard"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "menuboard", "version": "0.7.1", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(7210)), "fixtures.mjs": FIXTURES_JS,
                      "test/he.test.js": VITEST_SUITE, "spec/he.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/he/he.js lib/he.cjs", cwd=root)
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-menuboard-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "menuboard"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/he.cjs src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-vitest-json", "npm view vitest --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
