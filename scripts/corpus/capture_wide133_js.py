"""Round 133, JavaScript: a real npm package new to the corpus (media-typer, the media-type parser and formatter behind
Express's type-is) copied into a project (`mime-gate`, an upload gate checking declared media types) with a few bugs
put in, under generated vitest and node --test suites whose expectations come from the unbroken package; eslint over
the copy and the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide133.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide133 import JS, cap

NM = JS / "node_modules"
PKG = NM / "media-typer"

# The bugs put in: (file, text, replacement); each text occurs exactly once. parse() splits the suffix at the first
# '+' instead of the last; parse() no longer lower-cases its input; format() checks a suffix with the subtype's
# pattern (so a dotted suffix is accepted).
BUGS = [("index.js", "var index = subtype.lastIndexOf('+')", "var index = subtype.indexOf('+')"),
        ("index.js", "var match = TYPE_REGEXP.exec(string.toLowerCase())", "var match = TYPE_REGEXP.exec(string)"),
        ("index.js", "if (!TYPE_NAME_REGEXP.test(suffix)) {", "if (!SUBTYPE_NAME_REGEXP.test(suffix)) {")]

TYPES = ["text", "image", "application", "audio", "video", "font", "model", "multipart", "message"]
SUBS = ["plain", "html", "png", "json", "vnd.api", "vnd.ms-excel", "x-www-form-urlencoded", "svg", "octet-stream",
        "ld", "atom", "vnd.github.v3", "mpeg", "form-data", "csv", "x-tar", "webp", "calendar"]
SUFFIXES = ["json", "xml", "zip", "gzip", "cbor", "ber", "der", "fastinfoset", "wbxml", "jwt"]


def cased(rnd: random.Random, s: str) -> str:
    return s.upper() if rnd.random() < 0.12 else s.capitalize() if rnd.random() < 0.08 else s


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(260):
        t, s = rnd.choice(TYPES), rnd.choice(SUBS)
        if i % 3 == 0:
            obj = {"type": t, "subtype": s}
            r = rnd.random()
            if r < 0.5:
                obj["suffix"] = rnd.choice(SUFFIXES)
            elif r < 0.62:
                obj["suffix"] = rnd.choice(["v1.json", "x.y", "json.gz"])
            elif r < 0.7:
                obj["type"] = rnd.choice(["", "te xt", "a/b"])
            elif r < 0.76:
                obj["subtype"] = rnd.choice(["", "bad/sub", "-x"])
            cases.append([f"format {i:03}", "format", obj])
        elif i % 3 == 1:
            h = f"{cased(rnd, t)}/{cased(rnd, s)}"
            r = rnd.random()
            if r < 0.4:
                h += "+" + rnd.choice(SUFFIXES)
            elif r < 0.55:
                h += "+" + rnd.choice(SUFFIXES) + "+" + rnd.choice(SUFFIXES)
            elif r < 0.62:
                h = rnd.choice(["text", "/plain", "text/", "text/plain; charset=utf-8", " text/plain ", "a b/c"])
            cases.append([f"parse {i:03}", "parse", h])
        else:
            h = f"{cased(rnd, t)}/{cased(rnd, s)}" + (("+" + rnd.choice(SUFFIXES)) if rnd.random() < 0.4 else "")
            if rnd.random() < 0.2:
                h = rnd.choice(["text", "te xt/plain", "text/plain;", "*/*", "text/*"])
            cases.append([f"test {i:03}", "test", h])
    return {"cases": cases}


RUNNER = """
const run = (op, arg) => {
  try {
    const r = op === "format" ? typer.format(arg) : op === "parse" ? typer.parse(arg) : typer.test(arg);
    return typeof r === "object" ? { type: r.type, subtype: r.subtype, suffix: r.suffix ?? null } : { value: r };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import typer from "media-typer";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import typer from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["format", "parse", "test"]) {
  describe(`typer.${op}()`, () => {
    test.each(fx.filter((c) => c[1] === op))("%s: %j", (name, op2, arg, want) => {
      expect(run(op2, arg)).toEqual(want);
    });
  });
}
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import typer from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("upload gate media types (vendored media-typer)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(op, arg), want);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const env = { require: "readonly", module: "writable", exports: "writable", console: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 90],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn",
                "prefer-template": "warn", "no-else-return": "warn", "one-var": ["warn", "never"],
                "func-style": ["warn", "expression"], "no-continue": "warn", "camelcase": "warn",
                "complexity": ["warn", 5], "max-depth": ["warn", 2], "vars-on-top": "warn", "no-undefined": "warn",
                "strict": ["warn", "never"], "no-use-before-define": "warn", "id-length": ["warn", { "min": 3 }],
                "capitalized-comments": "warn", "no-magic-numbers": "warn", "require-unicode-regexp": "warn" };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import typer from "../lib/index.js";

const allowed = { image: ["png", "jpeg"], text: ["plain", "csv"], application: ["pdf", "json"], image: ["webp"] };
export function gate(req) {
  const declared = req.headers["content-type"];
  if (declared == undefined) return { status: 415 };
  const mt = typer.parse(declared.split(";")[0]);
  var ok = (allowed[mt.type] || []).includes(mt.subtype) || mt.suffix == "json";
  if (!ok) return { status: 415, reason: "type " + typer.format(mt) + " not allowed" };
  return { status: 200, size: req.headers["content-length"].toFixed(0) };
}
export function label(mt) {
  const unused = mt.parameters;
  for (var key in mt) if (key === "suffix" && mt[key]) return `${mt.type}/${mt.subtype} (+${mt[key]})`;
  return mt.type.length > 0 ? typer.format(mt) : mt.subtype.trim();
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "mime-gate"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "mime-gate", "version": "0.7.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(13310)), "fixtures.mjs": FIXTURES_JS,
                      "test/typer.test.js": VITEST_SUITE, "spec/typer.node.test.mjs": NODE_SUITE,
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
    cap("vitest-run-mime-gate-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-parse-filter-tail-400", "npx vitest run -t parse 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "mime-gate"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/index.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-media-typer-json", "npm view media-typer --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
