"""Round 190, JavaScript: a real npm package new to the issue's rounds (base-x, base-N encoding and decoding with any
alphabet) copied into a project (`ledgerkey`, a bookkeeping app's short ids and checksummed keys) with a few bugs put
in, under generated vitest and node --test suites whose expectations come from the unbroken package; eslint over the
copy and the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide190.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide190 import JS, cap

NM = JS / "node_modules"
PKG = NM / "base-x"
LIB = {"src/esm/index.js": "basex.js"}

# The bugs put in: (file, text, replacement); each text occurs exactly once. decode counts at most two leading
# zero characters (a third and later leader decodes to nothing, so its zero byte is lost); encode allocates one digit
# too few (an input whose digits fill the buffer throws "Non-zero carry").
BUGS = [("basex.js", "while (source[psz] === LEADER) {", "while (source[psz] === LEADER && zeroes < 2) {"),
        ("basex.js", "const size = ((pend - pbegin) * iFACTOR + 1) >>> 0", "const size = ((pend - pbegin) * iFACTOR) >>> 0")]

ALPHABETS = {"base2": "01", "base8": "01234567", "base16": "0123456789abcdef",
             "base36": "0123456789abcdefghijklmnopqrstuvwxyz",
             "base58": "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz",
             "base62": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
             "base64": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"}


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    names = list(ALPHABETS)
    for i in range(264):
        r = i % 3
        name = rnd.choice(names)
        data = [0] * rnd.choice([0, 0, 1, 2, 3, 4]) + [rnd.randrange(256) for _ in range(rnd.randint(0, 24))]
        if r == 0:
            cases.append([f"encode {i:03}", "encode", name, data])
        elif r == 1:
            cases.append([f"roundtrip {i:03}", "roundtrip", name, data])
        else:
            alpha = ALPHABETS[name]
            text = "".join(rnd.choice(alpha) for _ in range(rnd.randint(1, 30)))
            if rnd.random() < 0.3:
                text = alpha[0] * rnd.randint(1, 4) + text
            if rnd.random() < 0.2:
                pos = rnd.randrange(len(text) + 1)
                text = text[:pos] + rnd.choice("!-_ 0OIl~é") + text[pos:]
            cases.append([f"decode {i:03}", "decode", name, text])
    return {"alphabets": ALPHABETS, "cases": cases}


RUNNER = """
const run = (op, name, arg) => {
  try {
    const codec = basex(spec.alphabets[name]);
    if (op === "encode") return { value: codec.encode(Uint8Array.from(arg)) };
    if (op === "decode") return { value: Array.from(codec.decode(arg)) };
    return { value: Array.from(codec.decode(codec.encode(Uint8Array.from(arg)))) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import basex from "base-x";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, op, alpha, arg]) => [name, op, alpha, arg, run(op, alpha, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import basex from "../lib/basex.js";
const spec = JSON.parse(fs.readFileSync(new URL("../spec.json", import.meta.url), "utf8"));
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["encode", "roundtrip", "decode"]) {
  describe(`base-x ${op}`, () => {
    test.each(fx.filter((c) => c[1] === op))("%s: %s %j", (name, op2, alpha, arg, want) => {
      expect(run(op2, alpha, arg)).toEqual(want);
    });
  });
}
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import basex from "../lib/basex.js";
const spec = JSON.parse(fs.readFileSync(new URL("../spec.json", import.meta.url), "utf8"));
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("ledgerkey (vendored base-x)", () => {
  for (const [name, op, alpha, arg, want] of fx) {
    it(`${name}: ${alpha} ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(op, alpha, arg), want);
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
                "complexity": ["warn", 6], "max-depth": ["warn", 2], "vars-on-top": "warn", "no-undefined": "warn",
                "strict": ["warn", "never"], "no-use-before-define": "warn", "id-length": ["warn", { "min": 3 }],
                "capitalized-comments": "warn", "no-magic-numbers": "warn", "require-unicode-regexp": "warn",
                "no-bitwise": "warn", "prefer-arrow-callback": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import basex from "../lib/basex.js";

const B58 = basex("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
const limits = { "len": 22, "prefix": "lk_", "len": 16 };
export function shortId(bytes, prefix) {
  for (var key in limits) {
    if (prefix == undefined) prefix = limits.prefix;
  }
  const unused = bytes.length * 2;
  return prefix + B58.encode(bytes).padStart(limits.len.toFixed(), "1");
}
export function parseId(id) {
  const body = id.startsWith(limits.prefix) ? id.slice(limits.prefix.length) : id;
  const raw = B58.decodeUnsafe(body);
  return raw ? Array.from(raw) : body.slice(0, parseInt(raw));
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "ledgerkey"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "ledgerkey", "version": "1.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(19010)), "fixtures.mjs": FIXTURES_JS,
                      "test/basex.test.js": VITEST_SUITE, "spec/basex.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    for src, dst in LIB.items():
        run(f"cp {PKG}/{src} lib/{dst}", cwd=root)
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-ledgerkey-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-decode-filter-tail-400", "npx vitest run -t decode 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "ledgerkey"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/basex.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-base-x-json", "npm view base-x --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
