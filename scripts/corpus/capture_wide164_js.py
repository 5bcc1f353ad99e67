"""Round 164, JavaScript: a real npm package new to the corpus (ini, an INI-file parser and encoder) copied into a
project (`confdesk`, a settings desk loading and saving its configuration) with a few bugs put in, under
generated vitest and node --test suites whose expectations come from the unbroken package; eslint over the copy and
the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). Run through capture_wide164.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide164 import JS, cap

NM = JS / "node_modules"
PKG = NM / "ini"

# The bugs put in: (file, text, replacement); each text occurs exactly once. decode() no longer turns `false` into a
# boolean; safe() escapes `;` but no longer `#`; unsafe() ends a value at `;` but no longer at an inline `#` comment.
BUGS = [("ini.js", "valueRaw === 'true' ||\n      valueRaw === 'false' ||\n", "valueRaw === 'true' ||\n"),
        ("ini.js", "return val.split(';').join('\\\\;').split('#').join('\\\\#')", "return val.split(';').join('\\\\;')"),
        ("ini.js", "} else if (';#'.indexOf(c) !== -1) {", "} else if (c === ';') {")]

KEYS = ["host", "port", "user", "retries", "verbose", "path", "color", "timeout", "proxy", "mode", "tags[]", "Name"]
VALS = ["true", "false", "null", "8080", "db.local", "C:\\\\data", "'quoted; value'", "\"json # str\"", "a;b",
        "x # trailing note", "y ; comment", "[not a section]", "  padded  ", "=eq=", "red#ff0000", "", "ok"]
SECTIONS = ["core", "remote \"origin\"", "branch.main", "user", "a.b.c", "http", "color\\.ui", "tools"]


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(260):
        r = i % 4
        if r == 0:
            lines = []
            for _ in range(rnd.randint(1, 3)):
                lines.append(f"[{rnd.choice(SECTIONS)}]")
                for _ in range(rnd.randint(1, 4)):
                    lines.append(f"{rnd.choice(KEYS)} = {rnd.choice(VALS)}")
                if rnd.random() < 0.3:
                    lines.append(rnd.choice(["; a comment", "# another", "flag"]))
            cases.append([f"decode {i:03}", "decode", "\n".join(lines)])
        elif r == 1:
            obj = {rnd.choice(KEYS).rstrip("[]"): rnd.choice(VALS + [True, False, 3]) for _ in range(rnd.randint(1, 3))}
            if rnd.random() < 0.5:
                obj[rnd.choice(SECTIONS)] = {rnd.choice(KEYS).rstrip("[]"): rnd.choice(VALS)}
            cases.append([f"encode {i:03}", "encode", obj])
        elif r == 2:
            cases.append([f"safe {i:03}", "safe", rnd.choice(VALS) + rnd.choice(["", "#x", ";y", " z"])])
        else:
            cases.append([f"unsafe {i:03}", "unsafe", rnd.choice(VALS) + rnd.choice(["", " # c", " ; c", "\\#h"])])
    return {"cases": cases}


RUNNER = """
const run = (op, arg) => {
  try {
    return { value: JSON.parse(JSON.stringify(ini[op](arg))) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import ini from "ini";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import ini from "../lib/ini.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["decode", "encode", "safe", "unsafe"]) {
  describe(`ini ${op}`, () => {
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
import ini from "../lib/ini.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("settings desk (vendored ini)", () => {
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

APP_JS = """import ini from "../lib/ini.js";

const defaults = { "core": { editor: "vi" }, "remote": {}, "core": { pager: "less" } };
export function load(text) {
  const conf = ini.decode(text);
  for (var name in defaults) {
    if (conf[name] == undefined) conf[name] = defaults[name];
  }
  return { conf: conf, port: conf.core.port.toFixed(), keys: Object.keys(conf).length };
}
export function save(conf, file) {
  const unused = file.length * 2;
  const text = ini.encode(conf, { whitespace: true, section: 42 });
  return text ? file.replace(/\\.[^.]*$/, "") + ".ini:" + text : file.slice(0, parseInt(conf));
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "confdesk"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "confdesk", "version": "0.9.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(16410)), "fixtures.mjs": FIXTURES_JS,
                      "test/ini.test.js": VITEST_SUITE, "spec/ini.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/lib/ini.js lib/", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-confdesk-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-unsafe-filter-tail-400", "npx vitest run -t unsafe 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "confdesk"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/ini.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-ini-json", "npm view ini --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
