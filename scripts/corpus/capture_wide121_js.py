"""Round 121, JavaScript: a real npm package new to the corpus (range-parser, the HTTP Range header parser behind
Express's req.range and send) copied into a project (`mediaslice`, a media server answering byte-range requests) with a
few bugs put in, under generated vitest and node --test suites whose expectations come from the unbroken package;
eslint over the copy and the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's
extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide121.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide121 import JS, cap

NM = JS / "node_modules"
PKG = NM / "range-parser"

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once. Adjacent ranges no longer
# combined; a suffix range (`bytes=-N`) one byte too long; a last-byte-pos equal to the size not cut to size - 1.
BUGS = [("index.js", "if (range.start > current.end + 1) {", "if (range.start > current.end) {"),
        ("index.js", "start = size - end\n", "start = size - end - 1\n"),
        ("index.js", "if (end > size - 1) {", "if (end > size) {")]


def one_range(rnd: random.Random, size: int) -> str:
    a = rnd.randint(0, size + 40)
    form = rnd.randrange(7)
    if form == 0:
        return f"-{rnd.randint(1, size + 20)}"
    if form == 1:
        return f"{a}-"
    if form == 2:
        return f"{a}-{size}"
    if form == 3:
        return f"{a}-{a + rnd.randint(-5, 200)}"
    if form == 4:
        return rnd.choice(["x-9", "5", "1-2-3", " 10 - 20 ", "-"])
    return f"{a}-{min(a + rnd.randint(0, 60), size - 1)}"


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(240):
        size = rnd.choice([0, 1, 100, 1000, 4096, rnd.randint(10, 100_000)])
        parts = [one_range(rnd, max(size, 1)) for _ in range(rnd.randint(1, 4))]
        if i % 5 == 0 and size > 20:  # adjacent ranges, the combine case
            b = rnd.randint(0, size // 2)
            parts = [f"{b}-{b + 9}", f"{b + 10}-{b + 19}"] + parts[:1]
        unit = "bytes" if i % 17 else rnd.choice(["items", "bytes"])
        combine = i % 3 == 0
        cases.append([f"{'combine' if combine else 'parse'} {i:03}", size, unit + "=" + ",".join(parts), combine])
    return {"cases": cases}


FIXTURES_JS = """
import fs from "node:fs";
import parse from "range-parser";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const shape = (r) => (typeof r === "number" ? { code: r } : { type: r.type, ranges: [...r] });
const out = spec.cases.map(([name, size, h, combine]) => [name, size, h, combine, shape(parse(size, h, { combine }))]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import parse from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
const shape = (r) => (typeof r === "number" ? { code: r } : { type: r.type, ranges: [...r] });

describe("parse", () => {
  test.each(fx.filter((c) => !c[3]))("%s", (name, size, h, combine, want) => {
    expect(shape(parse(size, h, { combine }))).toEqual(want);
  });
});

describe("combine", () => {
  test.each(fx.filter((c) => c[3]))("%s", (name, size, h, combine, want) => {
    expect(shape(parse(size, h, { combine }))).toEqual(want);
  });
});
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import parse from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
const shape = (r) => (typeof r === "number" ? { code: r } : { type: r.type, ranges: [...r] });

describe("media server byte ranges (vendored range-parser)", () => {
  for (const [name, size, h, combine, want] of fx) {
    it(`parses ${name}: ${h}`, () => {
      assert.deepEqual(shape(parse(size, h, { combine })), want);
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
                "complexity": ["warn", 8], "max-depth": ["warn", 3], "vars-on-top": "warn", "no-undefined": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import parseRange from "../lib/index.js";

const statusText = { 206: "Partial Content", 416: "Range Not Satisfiable", 206: "Partial" };
export function slice(req, file) {
  const ranges = parseRange(file.size, req.headers.range, { combine: true });
  if (ranges == -1) return { status: 416, text: statusText[416] };
  if (ranges === -2) return { status: 200, body: file.stream() };
  const first = ranges[0];
  return { status: 206, range: `bytes ${first.start}-${first.end}/${file.size}`, text: statusText[206].trim() };
}
export function contentLength(ranges) {
  const unused = ranges.type;
  let total = 0;
  for (var i = 0; i < ranges.length; i++) total += ranges[i].end - ranges[i].start + 1;
  return total.toFixed("0");
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "mediaslice"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "mediaslice", "version": "0.9.4", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(12110)), "fixtures.mjs": FIXTURES_JS,
                      "test/ranges.test.js": VITEST_SUITE, "spec/ranges.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/index.js", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-mediaslice-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-combine-filter-tail-400", "npx vitest run -t combine 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "mediaslice"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/index.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-range-parser-json", "npm view range-parser --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
