"""Round 266, JavaScript: a real npm package new to the issue's rounds (postcss-value-parser: CSS declaration values
parsed into word, string, div, space, comment and function nodes, stringified back, and numbers split from their units)
copied into a small app (`swatchbook`, a design system's token checker) with a few bugs put in; a generated
`node --test` suite over the copy whose expectations come from the unbroken package, run whole and chained with `tail`;
eslint over the copy and the app; tsc --noEmit with checkJs over the copy and an app typed against the package's
declarations that uses it wrongly.
Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide266.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_js import n_eslint, n_node_test, n_tsc
from capture_wide266 import JS, cap

PKG = JS / "node_modules" / "postcss-value-parser"

# The bugs put in the copy (lib/ of the package): (file, text, replacement); each text occurs exactly once.
# An unclosed string gets its closing quote back when stringified; an upper-case exponent (`1E3px`) is no longer part
# of the number; the space before a divider (`a , b`) is dropped when stringified.
BUGS = [("stringify.js", 'return buf + value + (node.unclosed ? "" : buf);', "return buf + value + buf;"),
        ("unit.js", "(code === exp || code === EXP) &&", "code === exp &&"),
        ("stringify.js", 'return (node.before || "") + value + (node.after || "");',
         'return value + (node.after || "");')]

WORDS = ["12px", "1.5em", "-0.25rem", "1E3px", "2e-2s", "+.5", "100%", "auto", "solid", "#336699", "var(--brand)",
         "calc(100% - 2px)", "url(a.png)", "'Helvetica Neue'", "\"unclosed", "/* note */", "1fr", "0", "inherit",
         "rgb(10, 20, 30)", "hsl(210 20% 90% / .5)", "3E2%", "x"]
DIVS = [" ", ", ", " , ", "/", " / ", ","]


def value(rnd: random.Random) -> str:
    n = rnd.randint(1, 5)
    out = rnd.choice(WORDS)
    for _ in range(n - 1):
        out += rnd.choice(DIVS) + rnd.choice(WORDS)
    return out


EXPECT = r"""
const vp = require(process.argv[2]);
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = cases.map(([op, v]) => {
  if (op === 'unit') return [op, v, vp.unit(v)];
  if (op === 'nodes') return [op, v, vp(v).nodes.map(n => [n.type, n.value])];
  return [op, v, vp(v).toString()];
});
process.stdout.write(JSON.stringify(out));
"""


def node_tests(tmp: Path) -> None:
    app = tmp / "swatchbook"
    (app / "test").mkdir(parents=True)
    run(f"cp -r {PKG}/lib {app}/lib")
    rnd = random.Random(26604)
    ops = ["roundtrip", "unit", "nodes"]
    cases = []
    for i in range(240):
        op = ops[i % 3]
        cases.append([op, rnd.choice(WORDS) if op == "unit" else value(rnd)])
    (app / "expect.js").write_text(EXPECT)
    (app / "cases.json").write_text(json.dumps(cases))
    expected = json.loads(run(f"node expect.js {PKG} < cases.json", cwd=app))
    for rel, old, new in BUGS:
        f = app / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    lines = ["'use strict';", "const test = require('node:test');", "const assert = require('node:assert/strict');",
             "const vp = require('../lib/index.js');", ""]
    for group in ops:
        lines.append(f"test.describe('{group}', () => {{")
        for i, (op, v, exp) in enumerate(expected):
            if op != group:
                continue
            got = {"unit": "vp.unit(v)", "nodes": "vp(v).nodes.map(n => [n.type, n.value])",
                   "roundtrip": "vp(v).toString()"}[op]
            lines.append(f"  test({json.dumps(f'{op} #{i}: {v}')}, () => {{")
            lines.append(f"    const v = {json.dumps(v)};")
            lines.append(f"    assert.deepStrictEqual({got}, {json.dumps(exp)});")
            lines.append("  });")
        lines.append("});")
        lines.append("")
    (app / "test" / "values.test.js").write_text("\n".join(lines))
    cap("node-test-swatchbook-values", "node --test test/ 2>&1 | head -n 2500", app, n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-80", "chain-test", "test",
          [Part("cd swatchbook", None), Part("node --test 2>&1 | tail -n 80", n_node_test, "&&")], tmp, timeout=600)


ESLINT_CONFIG = """import js from "@eslint/js";
const env = { require: "readonly", module: "writable", console: "readonly", process: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn",
                "prefer-template": "warn", "no-else-return": "warn", "one-var": ["warn", "never"],
                "func-style": ["warn", "expression"], "camelcase": "warn", "no-implicit-coercion": "warn",
                "complexity": ["warn", 6], "max-depth": ["warn", 2], "no-use-before-define": "warn",
                "id-length": ["warn", { "min": 3 }], "no-magic-numbers": "warn", "no-bitwise": "warn",
                "no-cond-assign": "error", "max-statements": ["warn", 12], "sort-keys": "warn", "no-ternary": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js", "app/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest",
                                                              globals: env },
    rules: style },
];
"""

APP_JS = """const vp = require("../lib/index.js");

var tokens = { "space": "4px", "gap": "1E1px", "radius": ".5rem", "space": "8px" };
function px(name) {
  var raw = tokens[name];
  const parsed = vp.unit(raw);
  const unused = raw.length * 2;
  if (parsed == false) return 0;
  else return parsed.unit == "rem" ? parsed.number * 16 : +parsed.number;
}
function fonts(decl) {
  let out = [];
  vp(decl).walk(function (node) { if (node.type = "string") out.push(node.value); });
  return out;
}
module.exports = { px, fonts };
"""

APP_TS = """import valueParser = require('postcss-value-parser')

interface Token { name: string; value: string; fallback?: { value: string } }

export function px(t: Token): number {
  const d = valueParser.unit(t.value)
  return d.number * (d.unit === 'rem' ? 16 : 1)
}
export const words = (t: Token): string[] => valueParser(t.value).nodes.map(n => n.nodes)
export const fallback = (t: Token): string => t.fallback.value
export const size: number = valueParser.stringify(valueParser('1px').nodes).length()
export const kinds = (t: Token) => valueParser(t.value).walk((n) => n.type === 'function' && n.nodes.length > 'x')
export const parsed: valueParser.ParsedValue = valueParser(42)
export const first = (t: Token): valueParser.WordNode => valueParser(t.value).nodes[0]
"""


def lint(tmp: Path) -> None:
    app = tmp / "swatchbook"
    (app / "app").mkdir(exist_ok=True)
    run(f"ln -s {JS / 'node_modules'} node_modules", cwd=app)
    write_tree(app, {"eslint.config.js": ESLINT_CONFIG, "app/tokens.js": APP_JS,
                     "package.json": json.dumps({"name": "swatchbook", "version": "0.3.1", "type": "module"}) + "\n",
                     "ts/tokens.ts": APP_TS})
    cap("eslint-lib-app-swatchbook", "npx eslint lib app", app, n_eslint, timeout=600)
    cap("tsc-checkjs-postcss-value-parser-swatchbook", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext --noUnusedLocals lib/index.js lib/parse.js "
        "lib/unit.js lib/stringify.js ts/tokens.ts 2>&1", app, n_tsc, timeout=600)
    chain("chain-eslint-then-tsc-exit", "chain-lint", "lint",
          [Part("cd swatchbook", None), Part("npx eslint lib app 2>&1 | tail -n 120", n_eslint),
           Part("npx tsc --noEmit --strict --allowJs --checkJs --module nodenext --moduleResolution nodenext "
                "ts/tokens.ts lib/unit.js 2>&1 | head -n 60", n_tsc, ";"),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


STEPS = [node_tests, lint]
