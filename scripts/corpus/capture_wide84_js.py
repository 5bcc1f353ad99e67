"""Round 84, JavaScript: a real npm package new to the corpus (mustache, logic-less templates) copied into a project
(`menuboard`, a café's menu-board renderer that keeps its boards as mustache templates) with a few bugs put in, under
generated vitest and node --test suites whose expectations come from the unbroken package; eslint over the copy and
the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide84.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide84 import JS, cap

NM = JS / "node_modules"

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once.
BUGS = [("mustache.cjs", "\"'\": '&#39;',", "\"'\": '&#x27;',"),
        ("mustache.cjs", "for (var j = 0, valueLength = value.length; j < valueLength; ++j) {",
         "for (var j = 0, valueLength = value.length; j < valueLength - 1; ++j) {"),
        ("mustache.cjs", "if (!value || (isArray(value) && value.length === 0))",
         "if (!value || (isArray(value) && value.length <= 1))")]

DISHES = ["flat white", "pain au chocolat", "shakshuka", "Bob's bagel", "chai <oat>", "croque \"monsieur\"",
          "banana bread", "granola & yoghurt", "eggs benedict", "matcha latte", "soup of the day", "toastie"]
BOARDS = ["{{#items}}{{name}} - {{price}}\n{{/items}}{{^items}}sold out\n{{/items}}",
          "<h2>{{title}}</h2>\n<ul>{{#items}}<li>{{name}}{{#vegan}} (vg){{/vegan}}</li>{{/items}}</ul>\n",
          "{{title}}: {{#items}}{{name}}, {{/items}}\n{{! staff note }}{{&special}}\n",
          "{{#sections}}== {{label}} ==\n{{#items}}* {{name}} {{price}}\n{{/items}}{{/sections}}"]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(140):
        tpl = BOARDS[i % len(BOARDS)]
        items = [{"name": rnd.choice(DISHES), "price": f"{rnd.randint(2, 14)}.{rnd.choice(['00', '50', '80'])}",
                  "vegan": rnd.random() < 0.3} for _ in range(rnd.randint(0, 5))]
        who = rnd.choice(["Chef", "Today", "Ana"])
        view = {"title": f"{who}'s board {i} <{rnd.choice(['am', 'pm'])}>", "items": items,
                "special": f"<b>{rnd.choice(DISHES)}</b>",
                "sections": [{"label": lab, "items": items[k::2]} for k, lab in enumerate(["hot", "cold"])]}
        cases.append([f"board-{i:03}", tpl, view])
    return {"cases": cases}


FIXTURES_JS = """
import fs from "node:fs";
import Mustache from "mustache";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const out = { render: [], escape: [] };
for (const [name, tpl, view] of spec.cases) out.render.push([name, tpl, view, Mustache.render(tpl, view)]);
for (const [name, , view] of spec.cases.slice(0, 60)) out.escape.push([name, view.title, Mustache.escape(view.title)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import Mustache from "../lib/mustache.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));

describe("Mustache.render", () => {
  test.each(fx.render)("render %s", (name, tpl, view, want) => {
    expect(Mustache.render(tpl, view)).toBe(want);
  });
});

describe("Mustache.escape", () => {
  test.each(fx.escape)("escape %s", (name, text, want) => {
    expect(Mustache.escape(text)).toBe(want);
  });
});
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Mustache = require("../lib/mustache.cjs");
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));

describe("menu boards (vendored mustache)", () => {
  for (const [name, tpl, view, want] of fx.render) {
    it(`renders ${name}`, () => {
      assert.equal(Mustache.render(tpl, view), want);
    });
  }
  for (const [name, text, want] of fx.escape) {
    it(`escapes ${name}`, () => {
      assert.equal(Mustache.escape(text), want);
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
  { files: ["lib/**/*.cjs"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import Mustache from "../lib/mustache.cjs";
import { render, escape } from "../lib/mustache.cjs";

const board = { width: 48, width: 64 };
export function draw(tpl, menu, opts) {
  const out = render(tpl, menu, opts.partials, ["<%", "%>"]);
  for (const line of out.split("\\n")) {
    if (line.length > board.width) throw new RangeError("line too wide: " + line.length);
  }
  return out.length + board.rows.count;
}
export function price(p) {
  return escape(p.toFixed("2")) * Mustache.tags;
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
    write_tree(root, {"package.json": json.dumps({"name": "menuboard", "version": "1.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(8410)), "fixtures.mjs": FIXTURES_JS,
                      "test/board.test.js": VITEST_SUITE, "spec/board.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/mustache/mustache.js lib/mustache.cjs", cwd=root)
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
    cap("vitest-run-escape-filter-tail-400", "npx vitest run -t escape 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "menuboard"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/mustache.cjs src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-mustache-json", "npm view mustache --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
