"""Round 155, JavaScript: a real npm package new to the corpus (mime-types, MIME type and extension lookup over
mime-db) copied into a project (`gallery-mediadesk`, a media desk labelling its uploads) with a few bugs put in, under
generated vitest and node --test suites whose expectations come from the unbroken package; eslint over the copy and
the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide155.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide155 import JS, cap

NM = JS / "node_modules"
PKG = NM / "mime-types"

# The bugs put in: (file, text, replacement); each text occurs exactly once. The text/* charset default no longer
# matches an upper-case type; a type's default extension is its last listed one instead of its first; a tie in
# mime-score between two types claiming one extension keeps the first seen instead of the later one.
BUGS = [("index.js", "var TEXT_TYPE_REGEXP = /^text\\//i", "var TEXT_TYPE_REGEXP = /^text\\//"),
        ("index.js", "  return exts[0]\n", "  return exts[exts.length - 1]\n"),
        ("index.js", "mimeScore(type1, db[type1].source) : 0\n\n  return score0 > score1 ? type0 : type1",
         "mimeScore(type1, db[type1].source) : 0\n\n  return score0 >= score1 ? type0 : type1")]

NAMES = ["IMG_0412", "report final", "notes", "Clip 07", "scan-0021", "invoice.2026", "~draft", "photo"]


def spec(seed: int) -> dict:
    db = json.loads((NM / "mime-db" / "db.json").read_text())
    types = sorted(db)
    exts = sorted({e for t in types for e in db[t].get("extensions", [])})
    rnd = random.Random(seed)

    def case_mix(x: str) -> str:
        return rnd.choice([x, x, x.upper(), x.capitalize()])

    cases = []
    for i in range(280):
        r = i % 4
        if r == 0:
            e = rnd.choice(exts)
            arg = rnd.choice([e, "." + e, f"{rnd.choice(NAMES)}.{case_mix(e)}", f"/srv/media/{rnd.choice(NAMES)}.{e}"])
            cases.append([f"lookup {i:03}", "lookup", arg])
        elif r == 1:
            t = rnd.choice(types)
            arg = rnd.choice([t, t, case_mix(t), f"{t}; charset=utf-8", f" {t} "])
            cases.append([f"extension {i:03}", "extension", arg])
        elif r == 2:
            t = rnd.choice([x for x in types if x.startswith("text/")] if rnd.random() < 0.5 else types)
            cases.append([f"charset {i:03}", "charset", case_mix(t)])
        else:
            arg = rnd.choice(exts) if rnd.random() < 0.5 else case_mix(rnd.choice(types))
            cases.append([f"contentType {i:03}", "contentType", arg])
    return {"cases": cases}


RUNNER = """
const run = (op, arg) => {
  try {
    return { value: mime[op](arg) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import mime from "mime-types";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import mime from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["lookup", "extension", "charset", "contentType"]) {
  describe(`mime-types ${op}`, () => {
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
import mime from "../lib/index.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("media desk labels (vendored mime-types)", () => {
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
  { files: ["lib/**/*.js"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import mime from "../lib/index.js";

const shelves = { "image": "photos", "video": "reels", "image": "stills", "text": "notes" };
export function label(upload) {
  const type = mime.lookup(upload.name);
  for (var prefix in shelves) {
    if (type && type.split("/")[0] == prefix) return { shelf: shelves[prefix], type: type, size: upload.bytes.toFixed() };
  }
  return { shelf: "misc", reason: "no shelf for " + upload.name, header: mime.contentType(upload.name).trim() };
}
export function rename(name, type) {
  const unused = name.length * 2;
  const ext = mime.extension(type);
  return ext ? name.replace(/\\.[^.]*$/, "") + "." + ext : name.slice(0, parseInt(type));
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "gallery-mediadesk"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "gallery-mediadesk", "version": "1.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(15510)), "fixtures.mjs": FIXTURES_JS,
                      "test/mime.test.js": VITEST_SUITE, "spec/mime.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js {PKG}/mimeScore.js lib/", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-mediadesk-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-extension-filter-tail-400", "npx vitest run -t extension 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "gallery-mediadesk"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/index.js lib/mimeScore.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-mime-db-json", "npm view mime-db --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
