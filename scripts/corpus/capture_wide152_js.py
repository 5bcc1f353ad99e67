"""Round 152, JavaScript: a real npm package new to the corpus (slugify, a string slugifier with a character map and
per-locale overrides) copied into a project (`newsroom-slugs`, an article URL builder) with a few bugs put in, under
generated vitest and node --test suites whose expectations come from the unbroken package; eslint over the copy and
the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide152.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide152 import JS, cap

NM = JS / "node_modules"
PKG = NM / "slugify"

# The bugs put in: (file, text, replacement); each text occurs exactly once. The character map is looked up before
# the locale's overrides (so German "ä" gives "a", not "ae"); strict mode drops digits too; a run of blanks is no
# longer collapsed into one replacement.
BUGS = [("index.js", "var appendChar = locale[ch];\n        if (appendChar === undefined) appendChar = charMap[ch];",
         "var appendChar = charMap[ch];\n        if (appendChar === undefined) appendChar = locale[ch];"),
        ("index.js", "slug = slug.replace(/[^A-Za-z0-9\\s]/g, '');", "slug = slug.replace(/[^A-Za-z\\s]/g, '');"),
        ("index.js", "slug = slug.replace(/\\s+/g, replacement);", "slug = slug.replace(/\\s/g, replacement);")]

WORDS = ["Crème", "brûlée", "Straße", "Ærøskøbing", "Łódź", "Zürich", "Ελλάδα", "Москва", "Ünlü", "naïve", "café",
         "São", "Paulo", "Dvořák", "Smørrebrød", "Kraków", "Ğazi", "€uro", "100%", "R&D", "C++", "<tag>", "rock'n'roll",
         "mañana", "Åland", "Öl", "Fußball", "2025", "v1.6.6", "3D", "façade", "Þingvellir", "Ёлка", "Київ", "☕", "♥"]
OPTS = ["plain", "lower", "strict", "locale", "replacement"]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(240):
        group = OPTS[i % len(OPTS)]
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(1, 5))]
        text = "".join(w + rnd.choice([" ", " ", "  ", " - ", "\t", "   "]) for w in words).rstrip(" ")
        if rnd.random() < 0.2:
            text = rnd.choice(["  ", " "]) + text + rnd.choice(["", "  "])
        opts: dict = {}
        if group == "lower":
            opts["lower"] = True
        elif group == "strict":
            opts["strict"] = True
            opts["lower"] = rnd.random() < 0.5
        elif group == "locale":
            opts["locale"] = rnd.choice(["de", "da", "sv", "uk", "fr", "nb", "vi", "bg"])
        elif group == "replacement":
            opts["replacement"] = rnd.choice(["_", ".", "+", "~"])
            if rnd.random() < 0.3:
                opts["trim"] = False
        cases.append([f"{group} {i:03}", group, [text, opts]])
    return {"cases": cases}


RUNNER = """
const run = (arg) => {
  try {
    return { value: slugify(arg[0], arg[1]) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import slugify from "slugify";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, group, arg]) => [name, group, arg, run(arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import slugify from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const group of ["plain", "lower", "strict", "locale", "replacement"]) {
  describe(`slugify ${group}`, () => {
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
import slugify from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("article slugs (vendored slugify)", () => {
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

APP_JS = """import slugify from "../lib/index.js";

const sections = { news: "News", recipes: "Recipes & Food", travel: "Reisen", news: "Nachrichten" };
export function articleUrl(article, opts) {
  const section = sections[article.section];
  if (section == undefined) return { status: 404 };
  var slug = slugify(article.title, { lower: true, strict: opts.strict, locale: article.lang });
  if (slug.length > 80) return { status: 414, reason: "slug " + slug + " is " + slug.length + " long" };
  return { status: 200, url: `/${slugify(section, { lower: true })}/${slug}`.toLowercase };
}
export function redirects(article) {
  const unused = article.id;
  for (var old in article.oldTitles) if (old === article.title) return slugify(old, "_");
  return article.lang.length > 0 ? slugify(article.title, { locale: article.lang }) : article.title.trim(1);
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "newsroom-slugs"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "newsroom-slugs", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(15210)), "fixtures.mjs": FIXTURES_JS,
                      "test/slugify.test.js": VITEST_SUITE, "spec/slugify.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/slugify.js lib/index.js", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-newsroom-slugs-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "newsroom-slugs"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-slugify-json", "npm view slugify --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
