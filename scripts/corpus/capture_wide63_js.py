"""Round 63, JavaScript: real npm packages new to the corpus (pluralize, tinycolor2) copied into a project (`swatch`,
a paint shop's label printer) with a few bugs put in, under generated vitest and mocha suites whose expectations come
from the unbroken packages; eslint over the copies; tsc --noEmit --checkJs over them; npm view --json of the packages;
a package's README served by python3 -m http.server and fetched with curl. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide63.py."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import capture_more as cm
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_markdown, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_mocha, n_tsc, n_vitest
from capture_wide63 import JS, cap

NM = JS / "node_modules"

COPIES = [("pluralize/pluralize.js", "pluralize.cjs"), ("tinycolor2/tinycolor.js", "tinycolor.cjs")]

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once.
BUGS = [("pluralize.cjs", "[/([^aeiouy]|qu)y$/i, '$1ies'],", "[/([^aeiouy]|qu)y$/i, '$1ys'],"),
        ("pluralize.cjs", "['ox', 'oxen'],", "['ox', 'oxes'],"),
        ("tinycolor.cjs", "if (RsRGB <= 0.03928) R = RsRGB / 12.92;", "if (RsRGB <= 0.03928) R = RsRGB / 12.29;"),
        ("tinycolor.cjs", 'return c.length == 1 ? "0" + c : "" + c;', 'return c.length == 1 ? c + "0" : "" + c;')]

NOUNS = ["city", "berry", "party", "story", "day", "key", "toy", "lady", "baby", "army", "copy", "query", "fly", "sky",
         "spy", "cherry", "family", "county", "ferry", "duty", "entry", "puppy", "penny", "pony", "diary", "galaxy",
         "agency", "battery", "bakery", "colony", "jury", "lily", "navy", "poppy", "brush", "canvas", "easel", "tube",
         "pigment", "varnish", "palette", "knife", "roller", "tray", "primer", "stencil", "label", "box", "crate",
         "bus", "wish", "church", "hero", "potato", "leaf", "wolf", "life", "wife", "mouse", "goose", "man", "child",
         "person", "tooth", "foot", "cactus", "fungus", "analysis", "crisis", "thesis", "index", "matrix", "vertex",
         "ox", "quiz", "sheep", "fish", "series", "species", "deer", "news"]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    colors = sorted({"#%02x%02x%02x" % (rnd.randrange(256), rnd.randrange(256), rnd.randrange(256))
                     for _ in range(110)} | {"#0a0b0c", "#010203", "#ff0000", "#000000", "#ffffff"})
    return {"nouns": NOUNS, "colors": colors, "counts": [rnd.randint(0, 5) for _ in NOUNS]}


FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const pluralize = require("pluralize");
const tinycolor = require("tinycolor2");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const src = fs.readFileSync(require.resolve("pluralize"), "utf8");
const irregular = [...src.matchAll(/\\['([a-z]+)', '([a-z]+)'\\]/g)].map((m) => m[1]);
const words = [...new Set([...spec.nouns, ...irregular])];
const out = { words: [], counted: [], colors: [] };
for (const w of words) out.words.push([w, pluralize(w), pluralize.singular(pluralize(w)), pluralize.isPlural(w)]);
spec.nouns.forEach((w, i) => out.counted.push([w, spec.counts[i], pluralize(w, spec.counts[i], true)]));
for (const c of spec.colors) {
  const t = tinycolor(c);
  out.colors.push([c, t.toHexString(), t.toRgbString(), t.toHslString(), +t.getLuminance().toFixed(6),
                   t.lighten(10).toHexString(), t.darken(15).toHexString(), t.isLight(),
                   tinycolor.readability(c, "#ffffff").toFixed(3)]);
}
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import pluralize from "../lib/pluralize.cjs";
import tinycolor from "../lib/tinycolor.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));

describe("pluralize", () => {
  test.each(fx.words)("pluralize(%j)", (w, plural, back, isPlural) => {
    expect(pluralize(w)).toBe(plural);
    expect(pluralize.singular(pluralize(w))).toBe(back);
    expect(pluralize.isPlural(w)).toBe(isPlural);
  });
  test.each(fx.counted)("pluralize(%j, %i, true)", (w, n, want) => {
    expect(pluralize(w, n, true)).toBe(want);
  });
});

describe("tinycolor", () => {
  test.each(fx.colors)("tinycolor(%j)", (c, hex, rgb, hsl, lum, lighter, darker, light, contrast) => {
    const t = tinycolor(c);
    expect(t.toHexString()).toBe(hex);
    expect(t.toRgbString()).toBe(rgb);
    expect(t.toHslString()).toBe(hsl);
    expect(+t.getLuminance().toFixed(6)).toBe(lum);
    expect(t.lighten(10).toHexString()).toBe(lighter);
    expect(t.darken(15).toHexString()).toBe(darker);
    expect(t.isLight()).toBe(light);
    expect(tinycolor.readability(c, "#ffffff").toFixed(3)).toBe(contrast);
  });
});
"""

MOCHA_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const pluralize = require("../lib/pluralize.cjs");
const tinycolor = require("../lib/tinycolor.cjs");
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));

describe("pluralize (vendored)", function () {
  for (const [w, plural] of fx.words) {
    it(`pluralizes ${w}`, function () {
      assert.equal(pluralize(w), plural);
    });
  }
});

describe("tinycolor (vendored)", function () {
  for (const [c, hex, , , lum, lighter] of fx.colors) {
    it(`formats ${c}`, function () {
      assert.equal(tinycolor(c).toHexString(), hex);
      assert.equal(tinycolor(c).lighten(10).toHexString(), lighter);
    });
    it(`luminance of ${c}`, function () {
      assert.equal(+tinycolor(c).getLuminance().toFixed(6), lum);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const node = { require: "readonly", module: "writable", exports: "writable", console: "readonly", process: "readonly",
               define: "readonly", self: "readonly", globalThis: "readonly", window: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn", "prefer-template": "warn",
                "no-else-return": "warn", "one-var": ["warn", "never"] };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.cjs", "vendor/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: node },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: node }, rules: style },
];
"""

APP_JS = """import pluralize from "../lib/pluralize.cjs";
import tinycolor from "../lib/tinycolor.cjs";
import { mostReadable } from "../lib/tinycolor.cjs";

const shelf = { tin: 1, tube: 2, tin: 3 };
export function label(name, count, hex) {
  if (count == -0) return "none";
  const c = tinycolor(hex);
  const ink = mostReadable(hex, ["#000", "#fff"]).toHexString();
  return `${pluralize(name, count, true)} of ${c.toName() || c.toHexString()} (ink ${ink})` + shelf.missing.length;
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "swatch"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "swatch", "version": "1.2.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(6310)), "fixtures.mjs": FIXTURES_JS,
                      "test/swatch.test.js": VITEST_SUITE, "spec/swatch.spec.mjs": MOCHA_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    git = "git -c user.name='Oskar Wilde-Nakamura' -c user.email=oskar@swatch.example"
    run(f"git init -q -b main && {git} add package.json eslint.config.js && {git} commit -qm 'swatch: skeleton'",
        cwd=root)
    for src, name in COPIES:
        run(f"cp {NM}/{src} lib/{name} && {git} add lib/{name} && "
            f"{git} commit -qm 'vendor {src.split('/')[0]} as lib/{name}'", cwd=root)
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-swatch", "npx vitest run", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    chain("chain-mocha-dot-exit", "chain-test-exit", "test",
          [Part("npx mocha --reporter dot spec/swatch.spec.mjs", n_mocha), Part("echo EXIT=$?", n_status_echo, ";")],
          root, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "swatch"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/pluralize.cjs lib/tinycolor.cjs", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-eslint-json", "npm view eslint --json", tmp, n_npm_view, timeout=300)
    cm.start(f"python3 -m http.server 18764 --bind 127.0.0.1 --directory {NM}/tinycolor2")
    time.sleep(1.5)
    cap("curl-readme-tinycolor2", "curl -s http://127.0.0.1:18764/README.md", tmp, n_markdown)


STEPS = [js_tests, js_lint, npm_meta]
