"""Round 355, JavaScript / TypeScript: a real npm package new to the issue's rounds (querystringify 2.2.0: a query
string to an object and an object back to a query string, with an optional prefix; one CommonJS file, no dependencies)
copied into a small app (`plankwalk`, a rope bridge builder's site links and survey queries) with a few bugs put in;
generated vitest and node --test suites over the copy whose expectations come from the unbroken package (seed 35510);
eslint over the copy and the app; tsc --noEmit with checkJs over the shipped JavaScript and an app that uses it
wrongly; npm view --json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported. Run through
capture_wide355.py."""

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
from capture_wide355 import JS, cap

NM = JS / "node_modules"
PKG = NM / "querystringify"

# The bugs put in the copy (lib/qs.cjs, the package's index.js): (file, text, replacement); each text occurs exactly
# once. Only the first `+` of a value is read as a space; a repeated key overrides the first (the guard dropped); a
# non-string truthy prefix gives `&`, not `?`; NaN is sent as "NaN", not ""; a `#` no longer ends a key.
BUGS = [("qs.cjs", "return decodeURIComponent(input.replace(/\\+/g, ' '));",
         "return decodeURIComponent(input.replace(/\\+/, ' '));"),
        ("qs.cjs", "if (key === null || value === null || key in result) continue;",
         "if (key === null || value === null) continue;"),
        ("qs.cjs", "if ('string' !== typeof prefix) prefix = '?';", "if ('string' !== typeof prefix) prefix = '&';"),
        ("qs.cjs", "if (!value && (value === null || value === undef || isNaN(value))) {",
         "if (!value && (value === null || value === undef)) {"),
        ("qs.cjs", "var parser = /([^=?#&]+)=?([^&]*)/g", "var parser = /([^=?&]+)=?([^&]*)/g")]

OPS = ["parse", "stringify", "prefix", "plus", "repeat", "nan", "hash", "encoded", "empty", "roundtrip"]
KEYS = ["span", "plank", "cable", "anchor", "sag", "deck", "crew", "lot", "load", "wind", "side", "q"]
WORDS = ["gorge", "north bank", "manila+hemp", "steel wire", "50%", "a&b", "rock bolt", "deadman", "é", "x=y",
         "turn buckle", "#7", "ravine/2", "", "3.5", "-2", "ok"]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []

    def word() -> str:
        return rnd.choice(WORDS)

    def query(n: int) -> str:
        parts = []
        for _ in range(n):
            k = rnd.choice(KEYS)
            v = word().replace(" ", rnd.choice(["+", "%20"])).replace("&", "%26").replace("#", "%23")
            parts.append(f"{k}={v}" if rnd.random() > 0.1 else k)
        return rnd.choice(["", "?", "#", "?"]) + "&".join(parts)

    def obj(n: int) -> dict:
        return {rnd.choice(KEYS): rnd.choice([word(), rnd.randint(-5, 500), True, False, None, 0])
                for _ in range(n)}

    for i in range(300):
        op = OPS[i % len(OPS)]
        if op == "parse":
            args = [query(rnd.randint(1, 4)), None]
        elif op == "stringify":
            args = [obj(rnd.randint(1, 4)), None]
        elif op == "prefix":
            args = [obj(rnd.randint(1, 3)), rnd.choice([True, "?", "#", "", 1, "&", "plank?"])]
        elif op == "plus":
            args = ["?" + "&".join(f"{rnd.choice(KEYS)}={'+'.join(rnd.sample(['rope', 'deck', 'cable', 'span', 'gorge', 'plank'], rnd.randint(2, 4)))}" for _ in range(rnd.randint(1, 3))), None]
        elif op == "repeat":
            k = rnd.choice(KEYS)
            args = [f"?{k}={rnd.randint(1, 99)}&{rnd.choice(KEYS)}={rnd.randint(1, 9)}&{k}={rnd.randint(100, 999)}", None]
        elif op == "nan":
            args = [{rnd.choice(KEYS): rnd.choice(["NaN", "nan", "num"]), "load": rnd.choice([0, "", None])}, "nan"]
        elif op == "hash":
            args = [f"?{rnd.choice(KEYS)}={rnd.randint(1, 99)}#{rnd.choice(KEYS)}={word().replace(' ', '+')}", None]
        elif op == "encoded":
            args = [rnd.choice(["?%E0%A4%A=1", "?span=%zz&deck=2", "?a%20b=c%20d", "?%26=%3D", "?cable=%F0%9F%AA%A2",
                                "?lot=100%25&sag=3", "?x=%", "?%C3%A9=e"]), None]
        elif op == "empty":
            args = [rnd.choice(["", "?", "#", "&&", "?&", "?=", "?=x", "span", "?span&deck", None]), None]
        else:  # roundtrip: an object to a string and back
            args = [obj(rnd.randint(1, 4)), rnd.choice([None, True, "?"])]
        cases.append([f"{op} {i:03}", op, args])
    return cases


RUNNER = """
const run = (qs, op, args) => {
  try {
    const [val, prefix] = args;
    const v = op === "nan" ? Object.fromEntries(Object.entries(val).map(([k, x]) => [k, x === "NaN" ? NaN : x])) : val;
    let out;
    if (["parse", "plus", "repeat", "hash", "encoded", "empty"].includes(op)) {
      out = Object.entries(qs.parse(v)).sort();
    } else if (op === "roundtrip") {
      out = Object.entries(qs.parse(qs.stringify(v, prefix === null ? undefined : prefix))).sort();
    } else {
      out = prefix === null ? qs.stringify(v) : qs.stringify(v, op === "nan" ? undefined : prefix);
    }
    return { out: out === undefined ? null : JSON.parse(JSON.stringify(out)) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const qs = require("querystringify");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, args]) => [name, op, args, run(qs, op, args)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import qs from "../lib/qs.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("plankwalk queries (vendored querystringify)", () => {
  for (const [name, op, args, want] of fx) {
    it(`${name}: ${JSON.stringify(args)}`, () => {
      assert.deepEqual(run(qs, op, args), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import qs from "../lib/qs.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`plankwalk ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, args, want) => {
      expect(run(qs, op, args)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import qs from "../lib/qs.cjs";

const spans = { "gorge": "?planks=120&cables=4", "river": ["?planks=96"], "ravine": "?planks=140",
                "glacier": 88, "gorge": "?planks=121" };
export function link(span, prefix) {
  var q = spans[span];
  for (var key in spans) {
    if (span == undefined) span = key;
  }
  const unused = spans.length * 2;
  if (q == null) return "no span " + span;
  else return "/spans/" + span + qs.stringify(qs.parse(q), prefix);
}
export const count = function (list) {
  const { length } = list.map(qs.parse);
  return length + " spans";
};
export function heavy(list, strict, log) {
  let n = 0;
  list.forEach(function (s) { if (qs.parse(s).planks > 100) n++; });
  while (n = list.length) { n--; }
  if (n) {}
  return n ? list : null;
}
"""

APP_TS = """import qs from '../lib/qs.cjs'

interface Span { name: string; planks: number; surveyed?: Date; lead?: { name: string } }
interface Anchor { label: string; query: string }

export function planks(anchors: Anchor[]): number[] {
  return anchors.map((a) => qs.parse(a.query).planks + 1)
}

export const link = (s: Span): number => qs.stringify(s, true)
export const read = (s: Span): Map<string, boolean> => qs.parse(s.name)
export const surveyed = (s: Span) => s.surveyed.toUTCString()
export const lead = (s: Span): string => s.lead.name
export const total: string = qs.parse('?planks=2').planks * 'cables'
export const both = (a: Anchor): [string, number] => [qs.stringify(a.query), qs.parse()]
export const sag = (a: Anchor) => qs.stringify(a, 7)
"""


def app(tmp: Path) -> Path:
    root = tmp / "plankwalk"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "plankwalk", "version": "0.9.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(35510)), "fixtures.mjs": FIXTURES_JS,
                      "spec/queries.node.test.mjs": NODE_SUITE, "test/queries.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/links.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    (root / "lib" / "qs.cjs").write_text((PKG / "index.js").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-plankwalk-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-plus-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'plankwalk plus' 2>&1 | tail -n 250", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-plankwalk-spec-repeat-grep-v-skip", "node --test --test-name-pattern='^repeat ' spec/ 2>&1 | "
        "grep -v '# SKIP'", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-exit-plankwalk", "chain-test-exit", "test",
          [Part("cd plankwalk", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "plankwalk"
    cap("eslint-lib-app-plankwalk", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/plankwalk.ts": APP_TS})
    cap("tsc-checkjs-qs-plankwalk", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/qs.cjs ts/plankwalk.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc-plankwalk", "chain-lint", "lint",
          [Part("cd plankwalk", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 150", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-querystringify-json", "npm view querystringify --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
