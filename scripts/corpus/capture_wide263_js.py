"""Round 263, JavaScript / TypeScript: a real npm package new to the issue's rounds (markdown-table: aligned GFM tables
from rows of cells, with column alignment, padding and delimiter options) copied into a small app (`cuesheet`, a
subtitle studio's cue report printer) with a few bugs put in; generated vitest and node --test suites over the copy
whose expectations come from the unbroken package; eslint over the copy and the app; tsc --noEmit with checkJs over
the shipped JavaScript and an app typed against the package's declarations that uses it wrongly; npm view --json of the
package. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide263.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide263 import JS, cap

NM = JS / "node_modules"
PKG = NM / "markdown-table"

# The bugs put in the copy (lib/index.js, the package's index.js): (file, text, replacement); each text occurs exactly
# once. A centred cell with an odd gap loses its extra space on the left (the row comes out one short); an upper-case
# "L" is no longer read as left alignment; every alignment cell has at least three hyphens, so narrow columns widen.
BUGS = [("index.js", "before = ' '.repeat(size / 2 + 0.5)", "before = ' '.repeat(size / 2 - 0.5)"),
        ("index.js", "code === 76 /* `L` */ || code === 108", "code === 108"),
        ("index.js", "        : Math.max(\n            1,", "        : Math.max(\n            3,")]

WORDS = ["cue", "Ana", "Ωmega", "ok", "", "fr-CA", "00:01:02,500", "wait", "x", "Bernardo", "sub", "42", "3.5",
         "en-GB", "∅", "kept", "zh-Hant", "-", "timing", "I"]
ALIGNS = ["l", "c", "r", "L", "C", "R", "", "left", "Center", "right", None, "x"]
OPS = ["plain", "align", "aligns", "nopad", "stagger", "edges", "width"]


def cell(rnd: random.Random):
    r = rnd.random()
    if r < 0.06:
        return None
    if r < 0.18:
        return str(rnd.randint(0, 99999))
    return rnd.choice(WORDS)


def table(rnd: random.Random) -> list:
    cols = rnd.randint(1, 5)
    rows = []
    for _ in range(rnd.randint(2, 6)):
        n = cols if rnd.random() < 0.85 else rnd.randint(1, cols + 1)
        rows.append([cell(rnd) for _ in range(n)])
    return rows


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(300):
        op = OPS[i % len(OPS)]
        opts: dict = {}
        if op == "align":
            opts["align"] = rnd.choice(ALIGNS[:10])
        elif op == "aligns":
            opts["align"] = [rnd.choice(ALIGNS) for _ in range(rnd.randint(1, 5))]
        elif op == "nopad":
            opts = {"padding": False, "align": rnd.choice(ALIGNS[:9])}
        elif op == "stagger":
            opts = {"alignDelimiters": False, "align": [rnd.choice(ALIGNS) for _ in range(3)]}
        elif op == "edges":
            opts = {rnd.choice(["delimiterStart", "delimiterEnd"]): False, "align": rnd.choice(ALIGNS[:9])}
        elif op == "width":
            opts = {"align": rnd.choice(["c", "r", "l"])}
        cases.append([f"{op} {i:03}", op, [table(rnd), opts]])
    return cases


RUNNER = """
const width = (s) => [...s].length;
const run = (name, [rows, opts]) => {
  try {
    return { value: markdownTable(rows, name === "width" ? { ...opts, stringLength: width } : opts) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

IMPORTS = "markdownTable"

FIXTURES_JS = """
import fs from "node:fs";
import { """ + IMPORTS + """ } from "markdown-table";
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
describe("cuesheet report (vendored markdown-table)", () => {
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
for (const op of ["plain", "align", "aligns", "nopad", "stagger", "edges", "width"]) {
  describe(`cuesheet ${op}`, () => {
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

APP_JS = """import { markdownTable } from "../lib/index.js";

const columns = { "start": "r", "end": "r", "text": "l", "start": "c" };
export function report(cues, lang) {
  var rows = [["#", "start", "end", "text"]];
  for (var key in columns) {
    if (lang == undefined) lang = key;
  }
  const unused = cues.length * 2;
  for (let i = 0; i < cues.length; i++) rows.push([String(i + 1), cues[i].start, cues[i].end, cues[i].text]);
  if (rows.length == 1) return "no cues for " + lang;
  else return markdownTable(rows, { align: ["r", "r", "r", "l"], padding: lang != "zh" ? true : false });
}
export function widest(cues) {
  let best = cues[0];
  for (let i = 1; i < cues.length; i++) if (cues[i].text.length > best.text.length) best = cues[i];
  return best.text + "";
}
"""

APP_TS = """import { markdownTable, type Options } from 'markdown-table'

interface Cue { index: number; start: string; end: string; text: string; lang?: { tag: string } }

export function row(c: Cue): string[] {
  return [c.index, c.start, c.end, c.text]
}

export const sheet = (cs: Cue[]): string[] => markdownTable(cs.map(row))
export const opts: Options = { align: 'centre', padding: 'yes', delimiter: '|' }
export const width = (cs: Cue[]) => markdownTable(cs.map(row), { stringLength: (s: string) => s.trim() })
export const tagOf = (c: Cue): string => c.lang.tag
export const count: number = markdownTable([['a']]).split('\\\\n')
export const aligned = (cs: Cue[]) => markdownTable(cs.map(row), { align: [1, 2, 3] })
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
    root = tmp / "cuesheet"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "cuesheet", "version": "0.8.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(26310)), "fixtures.mjs": FIXTURES_JS,
                      "spec/settings.node.test.mjs": NODE_SUITE, "test/settings.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/report.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/", cwd=root)
    put_bugs(root / "lib")
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-cuesheet-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-set-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'cuesheet aligns' 2>&1 | tail -n 200", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-cuesheet-spec-align-stagger", "node --test --test-name-pattern='^(align|stagger) ' spec/ 2>&1", root, n_node_test,
        timeout=600)
    chain("chain-cd-node-test-tail-exit", "chain-test-exit", "test",
          [Part("cd cuesheet", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "cuesheet"
    cap("eslint-lib-app", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/cuesheet.ts": APP_TS})
    cap("tsc-checkjs-markdown-table-cuesheet", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.js ts/cuesheet.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc", "chain-lint", "lint",
          [Part("cd cuesheet", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 120", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-markdown-table-json", "npm view markdown-table --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
