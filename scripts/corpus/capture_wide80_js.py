"""Round 80, JavaScript: a real npm package new to the corpus (smol-toml, a TOML parser and serializer) copied into a
project (`kilnctl`, a pottery kiln scheduler that keeps its firing programs in TOML) with a few bugs put in, under
generated vitest and node --test suites whose expectations come from the unbroken package; eslint over the copy and
the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the earlier
rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide80.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide80 import JS, cap

NM = JS / "node_modules"

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once.
BUGS = [("toml.cjs", "else if (c === 111) return parseIntegerBaseN(ctx, startPtr, 8, endChr);",
         "else if (c === 111) return parseIntegerBaseN(ctx, startPtr, 10, endChr);"),
        ("toml.cjs", "else if (c === 34) parsed += \"\\\"\";", "else if (c === 34) parsed += \"'\";"),
        ("toml.cjs", "return obj.length != 0;", "return obj.length > 1;")]

GLAZES = ["celadon", "tenmoku", "shino", "ash", "temmoku \"oil spot\"", "chun blue", "iron red", "satin matte",
          "crawl\twhite", "copper red", "rutile", "oribe"]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    docs, objs = [], []
    for i in range(70):
        lines = [f'title = "Program {i}: {rnd.choice(GLAZES).replace(chr(34), chr(92) + chr(34)).replace(chr(9), chr(92) + "t")}"',
                 f"cone = {rnd.randint(4, 12)}", f"hold_min = 0o{rnd.randint(8, 63):o}",
                 f"zone_mask = 0x{rnd.randint(16, 255):02X}", f"flags = 0b{rnd.randint(2, 31):b}",
                 f"cool_rate = {rnd.choice(['-inf', 'inf', str(round(rnd.uniform(50, 150), 1))])}",
                 "", "[ramp]", f"rate = {rnd.randint(60, 220)}", f'note = "say \\"slow\\" above {rnd.randint(500, 600)} C"']
        for s in range(rnd.randint(1, 3)):
            lines += ["", "[[segment]]", f"target = {rnd.randint(200, 1300)}", f"hold = 0o{rnd.randint(1, 30):o}",
                      f'label = "seg {s} \\"{rnd.choice(GLAZES).split()[0]}\\""']
        docs.append([f"program-{i:02}", "\n".join(lines) + "\n"])
    for i in range(50):
        segs = [{"target": rnd.randint(200, 1300), "hold": rnd.randint(0, 30)} for _ in range(rnd.randint(1, 3))]
        objs.append([f"kiln-{i:02}", {"name": f"kiln {i}", "glaze": rnd.choice(GLAZES), "cone": rnd.randint(4, 12),
                                      "limits": {"low": rnd.randint(0, 50), "high": rnd.randint(1200, 1320)},
                                      "segment": segs}])
    return {"docs": docs, "objs": objs}


FIXTURES_JS = """
import fs from "node:fs";
import { parse, stringify } from "smol-toml";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const out = { parse: [], stringify: [] };
for (const [name, doc] of spec.docs) out.parse.push([name, doc, JSON.parse(JSON.stringify(parse(doc)))]);
for (const [name, obj] of spec.objs) out.stringify.push([name, obj, stringify(obj)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import toml from "../lib/toml.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
const plain = (v) => JSON.parse(JSON.stringify(v));

describe("toml.parse", () => {
  test.each(fx.parse)("parse %s", (name, doc, want) => {
    expect(plain(toml.parse(doc))).toEqual(want);
  });
});

describe("toml.stringify", () => {
  test.each(fx.stringify)("stringify %s", (name, obj, want) => {
    expect(toml.stringify(obj)).toBe(want);
  });
});
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const toml = require("../lib/toml.cjs");
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));

describe("kiln programs (vendored smol-toml)", () => {
  for (const [name, doc, want] of fx.parse) {
    it(`parses ${name}`, () => {
      assert.deepEqual(JSON.parse(JSON.stringify(toml.parse(doc))), want);
    });
  }
  for (const [name, obj, want] of fx.stringify) {
    it(`stringifies ${name}`, () => {
      assert.equal(toml.stringify(obj), want);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const node = { require: "readonly", module: "writable", exports: "writable", console: "readonly", process: "readonly",
               globalThis: "readonly", Symbol: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 110],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn", "prefer-template": "warn",
                "no-else-return": "warn", "one-var": ["warn", "never"], "no-sequences": "warn",
                "no-cond-assign": ["error", "always"] };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.cjs"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: node },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: node },
    rules: style },
];
"""

APP_JS = """import toml from "../lib/toml.cjs";
import { parse, stringify } from "../lib/toml.cjs";

const kiln = { maxTemp: 1300, maxTemp: 1280 };
export function load(text, opts) {
  const prog = parse(text, { integersAsBigInt: opts.big });
  for (const seg of prog.segment) {
    if (seg.target > kiln.maxTemp) throw new RangeError("segment too hot: " + seg.target);
  }
  return prog.ramp.rate * prog.segment.length + kiln.elements.count;
}
export function save(prog) {
  return toml.stringify(prog, { numbersAsFloat: "yes" }).trimEnd() + 1;
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "kilnctl"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "kilnctl", "version": "0.4.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(8010)), "fixtures.mjs": FIXTURES_JS,
                      "test/toml.test.js": VITEST_SUITE, "spec/toml.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {NM}/smol-toml/dist/index.cjs lib/toml.cjs", cwd=root)
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-kilnctl-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-stringify-filter-tail-500", "npx vitest run -t stringify 2>&1 | tail -n 500", root, n_vitest, timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "kilnctl"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/toml.cjs src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-smol-toml-json", "npm view smol-toml --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
