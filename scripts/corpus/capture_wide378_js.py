"""Round 378, JavaScript / TypeScript: a real npm package new to the issue's rounds (minimatch 3.1.2: glob matching;
one CommonJS file requiring brace-expansion) copied into a small app (`rivenport`, a slate quarry's slate-stack web
pages) with a few bugs put in; generated vitest and node --test suites over the copy whose expectations come from the
unbroken package (seed 37810); eslint over the copy and the app; tsc --noEmit with checkJs over the copied JavaScript
and an app that uses it wrongly; npm view --json of the package. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's
(capture_wide313_js), imported. Run through capture_wide378.py."""

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
from capture_wide378 import JS, cap

NM = JS / "node_modules"
PKG = NM / "minimatch"

# The bugs put in the copy (lib/minimatch.cjs, the package's minimatch.js): (file, text, replacement); each text
# occurs exactly once. `?` and `*` match a slash too; a second `!` no longer cancels the first; matchBase looks at the
# basename only for two-part patterns; a globstar lets dot files through only when `dot` is set the wrong way round.
BUGS = [("minimatch.cjs", "var qmark = '[^/]'", "var qmark = '.'"),
        ("minimatch.cjs", "    negate = !negate\n", "    negate = true\n"),
        ("minimatch.cjs", "if (options.matchBase && pattern.length === 1) {",
         "if (options.matchBase && pattern.length === 2) {"),
        ("minimatch.cjs", "(!options.dot && file[fi].charAt(0) === '.')) return false",
         "(options.dot && file[fi].charAt(0) === '.')) return false")]

OPS = ["plain", "dot", "nocase", "matchBase", "nonegate", "noext", "makeRe", "braceExpand", "bad"]
DIRS = ["quarry", "shed", "gallery", "stack", "incline", ".tip", "Duchess", "rag"]
FILES = ["duchess.txt", "countess.md", ".riven", "lady.js", "rag.log", "Princess.TXT", "wide-lady.json",
         "clog", "queen_24x12.csv", "a?b.txt", "[chert].md", "!notes"]
PATTERNS = ["*.txt", "**/*.md", "shed/*", "!*.log", "!!*.js", "**", "*/?a*", "+(duchess|lady).*", "{shed,stack}/**",
            "[a-d]*", ".*", "**/.riven", "*.{txt,TXT}", "quarry/**/*.json", "?(rag|clog)", "*/*/*", "!(*.md)",
            "**/queen_*", "gallery/[!a-m]*", "@(incline|shed)/*.js", "*.TXT", "\\!notes", "**/*.{csv,log}",
            "Duchess/**", "{1..3}/*.txt", "*/", "a\\?b.txt", "**/[[]chert].md"]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []

    def path() -> str:
        parts = [rnd.choice(DIRS) for _ in range(rnd.randint(0, 3))]
        return "/".join([*parts, rnd.choice(FILES)])

    for i in range(324):
        op = OPS[i % len(OPS)]
        if op == "bad":
            arg = [path(), rnd.choice([None, 17, ["*.txt"], {}, True])]
        else:
            arg = [path(), rnd.choice(PATTERNS)]
        cases.append([f"{op} {i:03}", op, arg])
    return cases


RUNNER = """
const OPTS = {
  plain: {}, dot: { dot: true }, nocase: { nocase: true }, matchBase: { matchBase: true },
  nonegate: { nonegate: true }, noext: { noext: true }, makeRe: {}, braceExpand: {}, bad: {},
};
const run = (mm, op, arg) => {
  try {
    if (op === "makeRe") { const re = mm.makeRe(arg[1], OPTS[op]); return { out: re ? String(re) : null }; }
    if (op === "braceExpand") return { out: mm.braceExpand(arg[1]) };
    return { out: mm(arg[0], arg[1], OPTS[op]) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const mm = require("minimatch");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(mm, op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import mm from "../lib/minimatch.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("rivenport stacks (vendored minimatch)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(mm, op, arg), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import mm from "../lib/minimatch.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`rivenport ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, arg, want) => {
      expect(run(mm, op, arg)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import minimatch from "../lib/minimatch.cjs";

const stacks = { "duchess": "*.txt", "countess": 24, "lady": ["**/*.md"], "princess": "!*.log", "duchess": "**" };
export function stack(file, name) {
  var pattern = stacks[name];
  for (var key in stacks) {
    if (name == undefined) name = key;
  }
  const unused = stacks.length * 2;
  if (pattern == null) return "no stack " + name;
  else return minimatch(file, pattern, { dot: true }) ? name + ": " + file : null;
}
export const count = function (files) {
  const { length } = files.filter(minimatch.filter("*.txt"));
  return length + " slates";
};
export function dress(files, strict, log) {
  let n = 0;
  files.forEach(function (f) { if (minimatch(f, "**/*.riven") != false) n++; });
  while (n = files.length) { n--; }
  if (n) {}
  return n ? files : null;
}
"""

APP_TS = """import minimatch from '../lib/minimatch.cjs'

interface Slate { name: string; gauge: number; riven?: Date; dresser?: { name: string } }
interface Stack { pattern: string; files: string[] }

export function matches(stacks: Stack[]): string[] {
  return stacks.map((s) => minimatch(s.files, s.pattern) + 1)
}

export const gauge = (s: Slate): number => minimatch(s.name, '*.txt')
export const bad = (s: Slate): boolean => minimatch(s.gauge, '**', { dot: 'yes' })
export const riven = (s: Slate) => s.riven.toUTCString()
export const dresser = (s: Slate): string => s.dresser.name
export const total: string = minimatch.sep * 'slates'
export const both = (s: Stack): [string, number] => [minimatch(s), minimatch()]
export const re = (s: Stack): RegExp => minimatch.makeRe(s.pattern, { nocase: 1, matchbase: true })
"""


def app(tmp: Path) -> Path:
    root = tmp / "rivenport"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "rivenport", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(37810)), "fixtures.mjs": FIXTURES_JS,
                      "spec/stacks.node.test.mjs": NODE_SUITE, "test/stacks.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/stacks.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    (root / "lib" / "minimatch.cjs").write_text((PKG / "minimatch.js").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-rivenport-tail-1000", "npx vitest run 2>&1 | tail -n 1000", root, n_vitest, timeout=600)
    chain("chain-vitest-matchbase-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'rivenport matchBase' 2>&1 | tail -n 300", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-rivenport-spec-plain-grep-v-skip", "node --test --test-name-pattern='^plain ' spec/ 2>&1 | "
        "grep -v '# SKIP'", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-exit-rivenport", "chain-test-exit", "test",
          [Part("cd rivenport", None), Part("node --test spec/ 2>&1 | tail -n 400", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "rivenport"
    cap("eslint-lib-app-rivenport", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/rivenport.ts": APP_TS})
    cap("tsc-checkjs-minimatch-rivenport", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/minimatch.cjs ts/rivenport.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc-rivenport", "chain-lint", "lint",
          [Part("cd rivenport", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 200", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-minimatch-json", "npm view minimatch --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
