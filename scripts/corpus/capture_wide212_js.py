"""Round 212, JavaScript / TypeScript: a real npm package new to the issue's rounds (filenamify, turning a string into
a safe file name: reserved and control characters, relative-path prefixes, trailing periods, reserved Windows names, a
maximum length that keeps the extension) copied into a small app (`scanshelf`, a document scanner's file namer) with a
few bugs put in; generated vitest and node --test suites over the copy whose expectations come from the unbroken
package; eslint over the copy and the app; tsc --noEmit with checkJs over the shipped JavaScript and an app typed
against the package's index.d.ts that uses it wrongly; npm view --json of the package. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide212.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide212 import JS, cap

NM = JS / "node_modules"
PKG = NM / "filenamify"

# The bugs put in the copy (lib/filenamify.js): (text, replacement); each text occurs exactly once. The default
# maximum length is 99; a run of reserved characters is collapsed only from three up; a cut name keeps one character
# too many before its extension.
BUGS = [("const MAX_FILENAME_LENGTH = 100;", "const MAX_FILENAME_LENGTH = 99;"),
        ("\\u0000-\\u001F]){2,}/g", "\\u0000-\\u001F]){3,}/g"),
        ("Math.max(1, allowedLength - extension.length)", "Math.max(1, allowedLength - extension.length + 1)")]

WORDS = ["invoice", "scan", "Receipt", "tax return", "CON", "aux", "lpt1", "nul", "passport", "contract", "draft",
         "Übersicht", "café menu", "naïve", "report"]
JUNK = ["<", ">", ":", '"', "/", "\\", "|", "?", "*", "..", ".", " ", "\u0007", "\t", "//", "::", "??", "<>"]


def name_input(rnd: random.Random, long: bool) -> str:
    parts = []
    for _ in range(rnd.randint(2, 7) if not long else rnd.randint(14, 30)):
        parts.append(rnd.choice(WORDS) if rnd.random() < 0.55 else rnd.choice(JUNK))
    s = "".join(parts)
    k = rnd.randrange(6)
    if k == 0:
        s = "../" + s
    elif k == 1:
        s += rnd.choice([".pdf", ".tar.gz", ".", "...", ".jpeg"])
    elif k == 2:
        s = rnd.choice(["CON", "PRN", "com1", "nul"]) + rnd.choice(["", ".txt"])
    return s


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(240):
        op = ["plain", "replacement", "maxLength", "plain", "long"][i % 5]
        arg: list = [name_input(rnd, op in ("maxLength", "long")), {}]
        if op == "replacement":
            arg[1] = {"replacement": rnd.choice(["_", "-", "", "~", "<", "x"])}
        elif op == "maxLength":
            arg[1] = {"maxLength": rnd.choice([8, 12, 20, 32, 50])}
        cases.append([f"{op} {i:03}", op, arg])
    return cases


RUNNER = """
const run = (op, arg) => {
  try {
    return { value: filenamify(arg[0], arg[1]) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import filenamify from "filenamify";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import filenamify from "../lib/filenamify.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("scanshelf names (vendored filenamify)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(op, arg), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import filenamify from "../lib/filenamify.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["plain", "replacement", "maxLength", "long"]) {
  describe(`scanshelf ${op}`, () => {
    test.each(fx.filter((c) => c[1] === op))("%s: %j", (name, op2, arg, want) => {
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

APP_JS = """import filenamify from "../lib/filenamify.js";

const kinds = { "invoice": "pdf", "receipt": "jpeg", "invoice": "png" };
export function scanName(title, kind, page) {
  for (var key in kinds) {
    if (page == undefined) page = 1;
  }
  const unused = title.length * 2;
  const ext = kinds[kind] || "bin";
  if (page == 1) return filenamify(title + "." + ext, { replacement: "_" });
  else return filenamify(title + " p" + page + "." + ext, { maxLength: 64, replacement: "_" });
}
export function batchNames(titles, kind) {
  let out = [];
  for (let i = 0; i < titles.length; i++) out.push(scanName(titles[i], kind, i + 1));
  return out.join(",") + "";
}
"""

APP_TS = """import filenamify, { filenamifyPath } from 'filenamify'
import type { Options } from 'filenamify'

interface Scan { title: string; pages: number; options?: Options; folder?: string }

export function fileName(s: Scan): string {
  return filenamify(s.title, { ...s.options, maxLength: String(s.pages) })
}

export function filePath(s: Scan): number {
  return filenamifyPath(s.folder + '/' + s.title)
}

export const withDash = (s: Scan): string => filenamify(s.title, { replacement: '-', trim: true })
export const titles = (xs: Scan[]): string[] => xs.map(filenamify)
export const pageCount = (s: Scan): string => s.pages
"""

TSCONFIG = json.dumps({"compilerOptions": {"strict": True, "noEmit": True, "target": "es2022", "module": "nodenext",
                                           "moduleResolution": "nodenext", "allowJs": True, "checkJs": True,
                                           "noUncheckedIndexedAccess": True, "exactOptionalPropertyTypes": True,
                                           "noUnusedLocals": True, "noUnusedParameters": True,
                                           "skipLibCheck": True},
                       "include": ["lib", "app", "ts"]}, indent=2) + "\n"


def put_bugs(f: Path) -> None:
    text = f.read_text()
    for old, new in BUGS:
        assert text.count(old) == 1, (f, old)
        text = text.replace(old, new)
    f.write_text(text)


def app(tmp: Path) -> Path:
    root = tmp / "scanshelf"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "scanshelf", "version": "0.9.2", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(21210)), "fixtures.mjs": FIXTURES_JS,
                      "spec/colours.node.test.mjs": NODE_SUITE, "test/colours.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/names.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/filenamify.js lib/filenamify.js", cwd=root)
    put_bugs(root / "lib" / "filenamify.js")
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-scanshelf-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-long-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'scanshelf long' 2>&1 | tail -n 200", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-scanshelf-spec-long", "node --test --test-name-pattern='^long ' spec/ 2>&1", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-exit", "chain-test-exit", "test",
          [Part("cd scanshelf", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "scanshelf"
    cap("eslint-lib-app", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/scans.ts": APP_TS})
    cap("tsc-checkjs-filenamify-scans", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/filenamify.js ts/scans.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc", "chain-lint", "lint",
          [Part("cd scanshelf", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 120", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-filenamify-json", "npm view filenamify --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
