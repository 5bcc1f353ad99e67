"""Round 37, JavaScript: real npm packages (camelcase, decamelize, path-to-regexp) copied into a project with a few
bugs put in, under generated vitest and mocha suites whose expectations come from the unbroken packages; eslint and
tsc over mocha's own lib/ copied into the project as vendored code; npm ls. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide37.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_ls
from capture_wide15_js import n_eslint, n_mocha, n_tsc, n_vitest
from capture_wide37 import JS, cap

NM = JS / "node_modules"

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once.
BUGS = [("camelcase.js", "index + 1 < characters.length && UPPERCASE.test(characters[index + 1])",
         "index + 2 < characters.length && UPPERCASE.test(characters[index + 1])"),
        ("decamelize.js", "(_, $1, $2) => $1 + separator + $2.toLowerCase(),", "(_, $1, $2) => $1 + separator + $2,"),
        ("path-to-regexp.js", "return (value) => value.split(delimiter).map(decode);",
         "return (value) => value.split(delimiter);"),
        ("path-to-regexp.js", r'return str.replace(/[{}()\[\]+?!:*\\]/g, "\\$&");',
         r'return str.replace(/[{}()\[\]+?:*\\]/g, "\\$&");')]

WORDS = ["foo", "bar", "XML", "http", "Request", "user", "ID", "html5", "parser", "JSON", "api", "v2", "Über",
         "straße", "b2b", "registration", "GPS", "signal", "URL", "loader", "mp3", "Player", "iOS", "app"]
SEPS = ["-", "_", " ", ".", "__", "--", ""]


def inputs(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(1, 4))]
        sep = rnd.choice(SEPS)
        s = sep.join(words)
        if rnd.random() < 0.2:
            s = s.upper()
        out.append(s)
    return list(dict.fromkeys(out))


def paths(seed: int, n: int) -> list[dict]:
    rnd = random.Random(seed)
    segs = ["users", "orders", "files", "docs", "api", "v1", "ferry", "gates"]
    out = []
    for i in range(n):
        base = "/" + "/".join(rnd.sample(segs, rnd.randint(1, 3)))
        kind = rnd.choice(["param", "wild", "opt", "stringify"])
        if kind == "param":
            out.append({"kind": kind, "path": base + "/:id", "input": base + "/" + rnd.choice(["42", "a%20b", "x-y", "%C3%A9t%C3%A9"])})
        elif kind == "wild":
            out.append({"kind": kind, "path": base + "/*rest", "input": base + "/" + rnd.choice(["a/b/c", "a%2Fb/c", "d%20e/f", "one"])})
        elif kind == "opt":
            out.append({"kind": kind, "path": base + "{/:page}", "input": base + rnd.choice(["", "/3", "/p%3F"])})
        else:
            out.append({"kind": kind, "path": base + rnd.choice(["/:id", "/edit", "/:id/raw", ""])})
    return out


FIXTURES_JS = """
import fs from "node:fs";
import camelCase from "camelcase";
import decamelize from "decamelize";
import { match, parse, stringify } from "path-to-regexp";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const out = { camel: [], decamel: [], paths: [] };
for (const s of spec.words) {
  out.camel.push([s, camelCase(s), camelCase(s, { pascalCase: true }), camelCase(s, { preserveConsecutiveUppercase: true })]);
}
for (const s of spec.camels) {
  out.decamel.push([s, decamelize(s), decamelize(s, { separator: "-", preserveConsecutiveUppercase: true })]);
}
for (const p of spec.paths) {
  if (p.kind === "stringify") {
    const tokens = parse(p.path);
    out.paths.push({ ...p, expected: stringify({ tokens: tokens.tokens.map((t) => t.type === "text" ? { ...t, value: t.value + "!" } : t) }) });
  } else {
    const m = match(p.path)(p.input);
    out.paths.push({ ...p, expected: m ? m.params : false });
  }
}
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import camelCase from "../lib/camelcase.js";
import decamelize from "../lib/decamelize.js";
import { match, parse, stringify } from "../lib/path-to-regexp.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));

describe("camelCase", () => {
  test.each(fx.camel)("camelCase(%j)", (input, camel, pascal, preserve) => {
    expect(camelCase(input)).toBe(camel);
    expect(camelCase(input, { pascalCase: true })).toBe(pascal);
    expect(camelCase(input, { preserveConsecutiveUppercase: true })).toBe(preserve);
  });
});

describe("decamelize", () => {
  test.each(fx.decamel)("decamelize(%j)", (input, plain, dashed) => {
    expect(decamelize(input)).toBe(plain);
    expect(decamelize(input, { separator: "-", preserveConsecutiveUppercase: true })).toBe(dashed);
  });
});

describe("path-to-regexp", () => {
  test.each(fx.paths)("$kind $path $input", (p) => {
    if (p.kind === "stringify") {
      const tokens = parse(p.path);
      expect(stringify({ tokens: tokens.tokens.map((t) => t.type === "text" ? { ...t, value: t.value + "!" } : t) })).toBe(p.expected);
    } else {
      const m = match(p.path)(p.input);
      expect(m ? m.params : false).toEqual(p.expected);
    }
  });
});
"""

MOCHA_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import camelCase from "../lib/camelcase.js";
import decamelize from "../lib/decamelize.js";
import { match } from "../lib/path-to-regexp.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));

describe("camelcase (vendored)", function () {
  for (const [input, camel, , preserve] of fx.camel) {
    it(`camelCases ${JSON.stringify(input)}`, function () {
      assert.equal(camelCase(input), camel);
      assert.equal(camelCase(input, { preserveConsecutiveUppercase: true }), preserve);
    });
  }
});

describe("decamelize (vendored)", function () {
  for (const [input, plain, dashed] of fx.decamel) {
    it(`decamelizes ${JSON.stringify(input)}`, function () {
      assert.equal(decamelize(input), plain);
      assert.equal(decamelize(input, { separator: "-", preserveConsecutiveUppercase: true }), dashed);
    });
  }
});

describe("match (vendored path-to-regexp)", function () {
  for (const p of fx.paths.filter((p) => p.kind !== "stringify")) {
    it(`matches ${p.path} against ${p.input}`, function () {
      const m = match(p.path)(p.input);
      assert.deepEqual(m ? { ...m.params } : false, p.expected);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
export default [
  js.configs.recommended,
  {
    files: ["vendor/**/*.js", "vendor/**/*.cjs"],
    languageOptions: { sourceType: "commonjs", ecmaVersion: 2022,
      globals: { require: "readonly", module: "writable", exports: "writable", console: "readonly", process: "readonly",
                 __dirname: "readonly", __filename: "readonly", setTimeout: "readonly", clearTimeout: "readonly",
                 setImmediate: "readonly", Buffer: "readonly", global: "readonly", globalThis: "readonly" } },
    rules: { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn", "no-param-reassign": "warn",
             "no-shadow": "warn", "prefer-arrow-callback": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
             "no-unused-vars": ["error", { "args": "all" }] },
  },
];
"""


def project(tmp: Path) -> Path:
    root = tmp / "casekit"
    (root / "lib").mkdir(parents=True)
    (root / "test").mkdir()
    run(f"cp {NM}/camelcase/index.js lib/camelcase.js && cp {NM}/decamelize/index.js lib/decamelize.js && "
        f"cp {NM}/path-to-regexp/dist/index.js lib/path-to-regexp.js && ln -s {NM} node_modules", cwd=root)
    spec = {"words": inputs(3710, 320), "camels": [w.replace(" ", "").replace("-", "") for w in inputs(3711, 200)],
            "paths": paths(3712, 160)}
    write_tree(root, {"package.json": json.dumps({"name": "casekit", "version": "0.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec), "fixtures.mjs": FIXTURES_JS,
                      "test/casekit.test.js": VITEST_SUITE, "spec/casekit.spec.mjs": MOCHA_SUITE,
                      "eslint.config.js": ESLINT_CONFIG})
    run("node fixtures.mjs", cwd=root)
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    pr = root / "lib" / "path-to-regexp.js"  # the copy has no map beside it
    pr.write_text("".join(ln for ln in pr.read_text().splitlines(keepends=True) if "sourceMappingURL" not in ln))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-casekit", "npx vitest run", root, n_vitest, timeout=600)
    cap("vitest-verbose-tail-200", "npx vitest run --reporter=verbose 2>&1 | tail -n 200", root, n_vitest, timeout=600)
    chain("chain-mocha-spec-exit", "chain-test-exit", "test",
          [Part("npx mocha spec/casekit.spec.mjs", n_mocha), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "casekit"
    run(f"mkdir -p vendor && cp -r {NM}/mocha/lib vendor/mocha-lib && rm -rf vendor/mocha-lib/browser", cwd=root)
    cap("eslint-vendor-mocha", "npx eslint vendor", root, n_eslint, timeout=600)
    cap("eslint-vendor-head-400", "npx eslint vendor/mocha-lib/reporters vendor/mocha-lib/cli 2>&1 | head -n 400",
        root, n_eslint, timeout=600)
    cap("tsc-checkjs-noresolve-runner-suite", "npx tsc --noEmit --allowJs --checkJs --strict --noResolve "
        "--target es2022 --module node16 vendor/mocha-lib/runner.js vendor/mocha-lib/suite.js", root, n_tsc, timeout=600)
    cap("npm-ls-all-head-300", "npm ls --all 2>&1 | head -n 300", JS, n_npm_ls, timeout=300)


STEPS = [js_tests, js_lint]
