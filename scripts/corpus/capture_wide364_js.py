"""Round 364, JavaScript / TypeScript: a real npm package new to the issue's rounds (cssesc 3.0.0: CSS identifier and
string escaping; one CommonJS file, no dependencies) copied into a small app (`pealport`, a bell foundry's bell-label web
pages) with a few bugs put in; generated vitest and node --test suites over the copy whose expectations come from the
unbroken package (seed 36410); eslint over the copy and the app; tsc --noEmit with checkJs over the shipped JavaScript
and an app that uses it wrongly; npm view --json of the package. Each kind's extractor is the earlier rounds', imported;
a chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js),
imported. Run through capture_wide364.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide364 import JS, cap

NM = JS / "node_modules"
PKG = NM / "cssesc"

# The bugs put in the copy (lib/cssesc.cjs, the package's cssesc.js): (file, text, replacement); each text occurs
# exactly once. Latin-1 letters are left unescaped; 'single' quotes choose the double quote; an identifier's leading
# digit loses the space after its escape; a space after a hex escape is kept after an even run of backslashes too.
BUGS = [("cssesc.cjs", "if (codePoint < 0x20 || codePoint > 0x7E) {", "if (codePoint < 0x20 || codePoint > 0xFF) {"),
        ("cssesc.cjs", "var quote = options.quotes == 'double' ? '\"' : '\\'';",
         "var quote = options.quotes == 'single' ? '\"' : '\\'';"),
        ("cssesc.cjs", "output = '\\\\3' + firstChar + ' ' + output.slice(1);",
         "output = '\\\\3' + firstChar + output.slice(1);"),
        ("cssesc.cjs", "if ($1 && $1.length % 2) {", "if ($1 && $1.length % 3) {")]

OPS = ["plain", "identifier", "double", "wrap", "everything", "single", "idwrap", "bad"]
WORDS = ["tenor", "treble", "clapper", "crown", "mould", "tuner", "peal", "cope", "loam", "lip", "waist", "hum"]
ODD = ["\u00e9", "\u00df", "\u00a9", "\u0107", "\u2603", "\ud83d\udd14", "\ud800", "'", '"', "\\", " ", "\n", "\t",
       "-", "--", "0", "7", "#", ".", ":", "{", "}", "\x7f", "\x01", "_", "a"]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []

    def text() -> str:
        parts = []
        for _ in range(rnd.randint(1, 5)):
            parts.append(rnd.choice(WORDS) if rnd.random() < 0.5 else rnd.choice(ODD))
        return "".join(parts)

    for i in range(300):
        op = OPS[i % len(OPS)]
        if op == "bad":
            arg = rnd.choice([None, 17, ["tenor"], {}, True])
        elif op in ("identifier", "idwrap") and rnd.random() < 0.4:
            arg = rnd.choice(["0", "1", "7", "-", "--", "-3"]) + text()
        else:
            arg = text()
        cases.append([f"{op} {i:03}", op, arg])
    return cases


RUNNER = """
const OPTS = {
  plain: undefined, identifier: { isIdentifier: true }, double: { quotes: "double" },
  wrap: { wrap: true }, everything: { escapeEverything: true }, single: { quotes: "single", wrap: true },
  idwrap: { isIdentifier: true, wrap: true }, bad: {},
};
const run = (esc, op, arg) => {
  try {
    const out = esc(arg, OPTS[op]);
    return { out: out === undefined ? null : out };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const esc = require("cssesc");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(esc, op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import esc from "../lib/cssesc.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("pealport labels (vendored cssesc)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(esc, op, arg), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import esc from "../lib/cssesc.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`pealport ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, arg, want) => {
      expect(run(esc, op, arg)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import cssesc from "../lib/cssesc.cjs";

const bells = { "tenor": "D", "treble": 440, "third": ["E"], "fourth": "C#", "tenor": "D flat" };
export function label(bell, quotes) {
  var note = bells[bell];
  for (var key in bells) {
    if (bell == undefined) bell = key;
  }
  const unused = bells.length * 2;
  if (note == null) return "no bell " + bell;
  else return "." + cssesc(bell, { isIdentifier: true }) + "::after { content: " + cssesc(note, { quotes: quotes || "double", wrap: true }) + " }";
}
export const count = function (list) {
  const { length } = list.map(cssesc);
  return length + " labels";
};
export function peal(list, strict, log) {
  let n = 0;
  list.forEach(function (b) { if (cssesc(b) != b) n++; });
  while (n = list.length) { n--; }
  if (n) {}
  return n ? list : null;
}
"""

APP_TS = """import cssesc from '../lib/cssesc.cjs'

interface Bell { name: string; hum: number; cast?: Date; founder?: { name: string } }
interface Label { selector: string; content: string }

export function selectors(labels: Label[]): string[] {
  return labels.map((l) => cssesc(l.selector) + 1)
}

export const hum = (b: Bell): number => cssesc(b.name)
export const quoted = (b: Bell): string => cssesc(b.hum, { quotes: 'double' })
export const cast = (b: Bell) => b.cast.toUTCString()
export const founder = (b: Bell): string => b.founder.name
export const total: string = cssesc.version * 'bells'
export const both = (l: Label): [string, number] => [cssesc(l), cssesc()]
export const opts = (b: Bell) => cssesc(b.name, { quote: 'single', isIdent: true })
"""


def app(tmp: Path) -> Path:
    root = tmp / "pealport"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "pealport", "version": "0.2.7", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(36410)), "fixtures.mjs": FIXTURES_JS,
                      "spec/labels.node.test.mjs": NODE_SUITE, "test/labels.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/labels.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    (root / "lib" / "cssesc.cjs").write_text((PKG / "cssesc.js").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-pealport-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-identifier-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'pealport identifier' 2>&1 | tail -n 250", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-pealport-spec-double-grep-v-skip", "node --test --test-name-pattern='^double ' spec/ 2>&1 | "
        "grep -v '# SKIP'", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-exit-pealport", "chain-test-exit", "test",
          [Part("cd pealport", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "pealport"
    cap("eslint-lib-app-pealport", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/pealport.ts": APP_TS})
    cap("tsc-checkjs-cssesc-pealport", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/cssesc.cjs ts/pealport.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc-pealport", "chain-lint", "lint",
          [Part("cd pealport", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 150", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-cssesc-json", "npm view cssesc --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
