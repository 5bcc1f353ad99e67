"""Round 110, JavaScript: a real npm package new to the corpus (fast-diff, a character-level text differ, the
diff-match-patch algorithm trimmed to diffs) copied into a project (`reviewpane`, a code-review pane that renders
the edits between two revisions of a comment or a line) with a few bugs put in, under generated vitest and node --test
suites whose expectations come from the unbroken package; eslint over the copy and the app; tsc --noEmit --checkJs over
them; npm view --json of a package. Each kind's extractor is the earlier rounds', imported; a chain's from each part's
own (round 9b). Run through capture_wide110.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide110 import JS, cap

NM = JS / "node_modules"
PKG = NM / "fast-diff"

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once.
BUGS = [("diff.js", "[DIFF_INSERT, longtext.substring(i + shorttext.length)],",
         "[DIFF_INSERT, longtext.substring(i + shorttext.length + 1)],"),
        ("diff.js", "return charCode >= 0xdc00 && charCode <= 0xdfff;",
         "return charCode >= 0xdc00 && charCode < 0xdfff;")]

WORDS = ["return", "value", "cache", "retry", "timeout", "user", "token", "parse", "render", "null", "await",
         "const", "let", "fetch", "error", "limit", "offset", "page", "items", "count", "emoji 😀", "naïve", "café"]


def line(rnd: random.Random) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(3, 10)))


def edit(rnd: random.Random, s: str) -> str:
    words = s.split(" ")
    for _ in range(rnd.randint(1, 3)):
        roll = rnd.random()
        k = rnd.randrange(len(words))
        if roll < 0.35:
            words.insert(k, rnd.choice(WORDS))
        elif roll < 0.6 and len(words) > 1:
            del words[k]
        elif roll < 0.85:
            words[k] = rnd.choice(WORDS)
        else:
            words.append(rnd.choice(WORDS) + rnd.choice(["", ";", "()", " // fixme"]))
    return " ".join(words)


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(180):
        a = line(rnd)
        b = edit(rnd, a) if i % 5 else a[: rnd.randrange(1, len(a))]  # every fifth: a prefix kept, the rest cut
        if i % 7 == 3:
            a, b = b, a
        cases.append([f"{rnd.choice(['comment', 'line', 'title', 'commit msg'])} {i:03}", a, b, i % 3 == 0])
    return {"cases": cases}


FIXTURES_JS = """
import fs from "node:fs";
import diff from "fast-diff";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const out = { plain: [], cleanup: [] };
for (const [name, a, b, clean] of spec.cases) out.plain.push([name, a, b, diff(a, b)]);
for (const [name, a, b] of spec.cases.slice(0, 70)) out.cleanup.push([name, a, b, diff(a, b, undefined, true)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import diff from "../lib/diff.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));

describe("edits", () => {
  test.each(fx.plain)("%s", (name, a, b, want) => {
    expect(diff(a, b)).toEqual(want);
  });
});

describe("semantic cleanup", () => {
  test.each(fx.cleanup)("cleanup %s", (name, a, b, want) => {
    expect(diff(a, b, undefined, true)).toEqual(want);
  });
});
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import diff from "../lib/diff.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));

describe("review pane edits (vendored fast-diff)", () => {
  for (const [name, a, b, want] of fx.plain) {
    it(`renders ${name}`, () => {
      assert.deepEqual(diff(a, b), want);
    });
  }
  for (const [name, a, b, want] of fx.cleanup) {
    it(`renders ${name} after cleanup`, () => {
      assert.deepEqual(diff(a, b, undefined, true), want);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const env = { require: "readonly", module: "writable", exports: "writable", console: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn",
                "prefer-template": "warn", "no-else-return": "warn", "one-var": ["warn", "never"],
                "func-style": ["warn", "expression"], "no-continue": "warn", "camelcase": "warn",
                "complexity": ["warn", 10], "max-depth": ["warn", 3] };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.cjs"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import diff from "../lib/diff.cjs";

const marks = { insert: "+", delete: "-", insert: "++" };
export function render(before, after, opts) {
  const parts = diff(before, after, opts.cursor, opts.semantic);
  let html = "";
  for (const [op, text] of parts) {
    if (op == diff.INSERT) html += "<ins>" + text + "</ins>";
    else if (op === diff.DELETE) html += "<del>" + text + "</del>";
    else html += text;
  }
  return html + marks.equal.length;
}
export function changedChars(before, after) {
  let total = 0;
  const unused = before.length;
  for (const [op, text] of diff(before, after)) if (op !== diff.EQUAL) total += text;
  return total.toFixed("2");
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "reviewpane"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "reviewpane", "version": "0.9.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(11010)), "fixtures.mjs": FIXTURES_JS,
                      "test/edits.test.js": VITEST_SUITE, "spec/edits.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/diff.js lib/diff.cjs && cp {PKG}/diff.d.ts lib/diff.d.cts", cwd=root)
    for rel, old, new in BUGS:
        f = root / "lib" / rel.replace(".js", ".cjs")
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-reviewpane-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-cleanup-filter-tail-400", "npx vitest run -t cleanup 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "reviewpane"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/diff.cjs src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-fast-diff-json", "npm view fast-diff --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
