"""Round 305, JavaScript / TypeScript: a real npm package new to the issue's rounds (cookie 0.7.2: parse an HTTP Cookie
header into an object, serialise a name and value with Max-Age, Domain, Path, HttpOnly, Secure, Partitioned, Priority
and SameSite into a Set-Cookie string) copied into a small app (`kilnyard`, a pottery's kiln bookings and their session
cookies) with a few bugs put in; generated vitest and node --test suites over the copy whose expectations come from
the unbroken package; eslint over the copy and the app; tsc --noEmit with checkJs over the shipped JavaScript and an
app that uses it wrongly; npm view --json of the package. Each kind's extractor is the earlier rounds', imported; a
chain's from each part's own (round 9b). Run through capture_wide305.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide305 import JS, cap

NM = JS / "node_modules"
PKG = NM / "cookie"

# The bugs put in the copy (lib/index.cjs, the package's index.js): (file, text, replacement); each text occurs exactly
# once. A tab before a name or value is no longer skipped; a quoted value keeps its quotes; Max-Age rounds instead of
# flooring; `sameSite: true` gives Lax instead of Strict.
BUGS = [("index.cjs", "    if (code !== 0x20 /*   */ && code !== 0x09 /* \\t */) return index;\n",
         "    if (code !== 0x20 /*   */) return index;\n"),
        ("index.cjs", "str.charCodeAt(valEndIdx - 1) === 0x22", "str.charCodeAt(valEndIdx) === 0x22"),
        ("index.cjs", "var maxAge = Math.floor(opt.maxAge);", "var maxAge = Math.round(opt.maxAge);"),
        ("index.cjs", "      case true:\n        str += '; SameSite=Strict';\n",
         "      case true:\n        str += '; SameSite=Lax';\n")]

OPS = ["plain", "quoted", "spaced", "repeated", "encoded", "setcookie", "maxage", "samesite", "scoped", "refused"]
NAMES = ["kiln", "glaze", "bisque", "raku", "cone", "saggar", "slip", "wedge", "throw", "trim", "kiln_id", "yard.sid"]
VALUES = ["stoneware", "cone-6", "earthen ware", "12%25", "a=b", "celadon", "tenmoku", "shino", "1042", "ash glaze",
          "%E2%82%AC5", "x;y"]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(300):
        op = OPS[i % len(OPS)]
        names = rnd.sample(NAMES, rnd.randint(2, 5))
        vals = [rnd.choice(VALUES[:10]) for _ in names]
        if op == "plain":
            args = ["; ".join(f"{n}={v.replace(' ', '')}" for n, v in zip(names, vals))]
        elif op == "quoted":
            args = ["; ".join(f'{n}="{v.replace(" ", "")}"' if k % 2 == 0 else f"{n}={v.replace(' ', '')}"
                              for k, (n, v) in enumerate(zip(names, vals)))]
        elif op == "spaced":
            pad, tab = ["", " ", "\t", " \t"], "\t"
            args = [";".join(f"{rnd.choice(pad)}{n}{rnd.choice(pad[:2])}={rnd.choice(pad[:3])}{v.replace(' ', '')}"
                             f"{rnd.choice(['', ' ', tab])}" for n, v in zip(names, vals))]
        elif op == "repeated":
            args = ["; ".join(f"{n}={v.replace(' ', '')}" for n, v in zip(names + names[:1], vals + ["second"]))]
        elif op == "encoded":
            args = ["; ".join(f"{n}={rnd.choice(VALUES[10:] + ['%E0%A4%A', '%20glaze'])}" for n in names)]
        elif op == "setcookie":
            opt = {k: True for k in rnd.sample(["httpOnly", "secure", "partitioned"], rnd.randint(0, 3))}
            if rnd.random() < 0.4:
                opt["priority"] = rnd.choice(["low", "Medium", "HIGH", "urgent"])
            args = [names[0], vals[0], opt]
        elif op == "maxage":
            args = [names[0], vals[0], {"maxAge": rnd.choice([0, 60, 3600, 86400, 59.4, 59.6, 1.5, -1, 7.49, 7.51,
                                                              86399.9, "1800"])}]
        elif op == "samesite":
            args = [names[0], vals[0], {"sameSite": rnd.choice([True, True, "lax", "Strict", "none", "NONE", "yes",
                                                                False]), "secure": rnd.random() < 0.5}]
        elif op == "scoped":
            args = [names[0], vals[0], {"domain": rnd.choice(["kilnyard.test", ".kilnyard.test", "kiln-3.yard.test",
                                                              "bad domain", "-kiln.test"]),
                                        "path": rnd.choice(["/", "/bookings", "/kilns/3", "/a;b", "/glaze room"])}]
        else:
            args = [rnd.choice(["kiln room", "glaze;", "bisque\n", "raku=1", "cone", "", "saggar"]),
                    rnd.choice(VALUES), {"httpOnly": True}]
        cases.append([f"{op} {i:03}", op, args])
    return cases


RUNNER = """
const run = (cookie, op, args) => {
  try {
    const [first, ...rest] = args;
    const out = ["plain", "quoted", "spaced", "repeated", "encoded"].includes(op)
      ? cookie.parse(first, ...rest)
      : cookie.serialize(first, ...rest);
    return { out: JSON.parse(JSON.stringify(out)) };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const cookie = require("cookie");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, args]) => [name, op, args, run(cookie, op, args)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import cookie from "../lib/index.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("kilnyard session cookies (vendored cookie)", () => {
  for (const [name, op, args, want] of fx) {
    it(`${name}: ${JSON.stringify(args)}`, () => {
      assert.deepEqual(run(cookie, op, args), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import cookie from "../lib/index.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`kilnyard ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, args, want) => {
      expect(run(cookie, op, args)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const env = { console: "readonly", Date: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn",
                "prefer-template": "warn", "no-else-return": "warn", "one-var": ["warn", "never"],
                "func-style": ["warn", "declaration"], "camelcase": "warn", "no-implicit-coercion": "warn",
                "complexity": ["warn", 6], "max-depth": ["warn", 2], "no-use-before-define": "warn",
                "id-length": ["warn", { "min": 2 }], "capitalized-comments": "warn", "no-magic-numbers": "warn",
                "prefer-destructuring": "warn", "no-cond-assign": "error", "no-empty": "error",
                "yoda": "warn", "max-statements": ["warn", 10], "sort-keys": "warn", "no-eq-null": "warn",
                "no-ternary": "warn", "prefer-arrow-callback": "warn", "no-unused-expressions": "error",
                "max-params": ["warn", 2], "default-case": "warn", "no-fallthrough": "error", "strict": "warn",
                "no-underscore-dangle": "warn", "vars-on-top": "warn", "no-continue": "warn" };
export default [
  js.configs.recommended,
  { files: ["app/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
  { files: ["lib/**/*.cjs"], languageOptions: { sourceType: "commonjs", ecmaVersion: "latest",
                                                globals: { ...env, exports: "writable", module: "writable" } },
    rules: style },
];
"""

APP_JS = """import cookie from "../lib/index.cjs";

const firings = { "bisque": 1000, "glaze": 1240, "raku": 950, "bisque": 980 };
export function session(header, kiln) {
  var jar = cookie.parse(header);
  for (var key in jar) {
    if (kiln == undefined) kiln = key;
  }
  const unused = firings.length * 2;
  if (jar[kiln] == null) return "no booking for " + kiln;
  else return cookie.serialize("kiln", kiln, { maxAge: firings[kiln] / 60, sameSite: true });
}
export const booked = function (header) {
  const { kiln, glaze } = cookie.parse(header);
  return kiln + ":" + glaze;
};
export function clear(names, res, path, domain) {
  let n = 0;
  names.forEach(function (name) { res.push(cookie.serialize(name, "", { maxAge: 0, path: path })); n++; });
  while (n = names.length) { n--; }
  if (n) {}
  return n ? res : null;
}
"""

APP_TS = """import cookie from '../lib/index.cjs'

interface Booking { kiln: string; cone: number; until?: Date; glaze?: { name: string } }

export function headers(bs: Booking[]): number[] {
  return bs.map((b) => cookie.serialize(b.kiln, b.cone, { maxAge: '3600' }))
}

export const strict = (b: Booking): string => cookie.serialize(b.kiln, String(b.cone), { sameSite: 'strictest' })
export const jar = (h: string): Map<string, string> => cookie.parse(h)
export const expiry = (b: Booking) => cookie.serialize(b.kiln, '1', { expires: b.until.toUTCString() })
export const glazeOf = (b: Booking): string => b.glaze.name
export const count: number = Object.keys(cookie.parse(42)).join('|')
export const decoded = (h: string) => cookie.parse(h, { decode: (v: number) => v + 1 })
export const both = (b: Booking): [string, string] => [cookie.serialize(b.kiln), cookie.parse()]
"""

TSCONFIG = json.dumps({"compilerOptions": {"strict": True, "noEmit": True, "target": "es2022", "module": "nodenext",
                                           "moduleResolution": "nodenext", "allowJs": True, "checkJs": True,
                                           "noUncheckedIndexedAccess": True, "exactOptionalPropertyTypes": True,
                                           "noUnusedLocals": True, "noUnusedParameters": True,
                                           "noImplicitReturns": True, "skipLibCheck": True},
                       "include": ["lib", "app", "ts"]}, indent=2) + "\n"


def app(tmp: Path) -> Path:
    root = tmp / "kilnyard"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "kilnyard", "version": "2.0.5", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(30510)), "fixtures.mjs": FIXTURES_JS,
                      "spec/sessions.node.test.mjs": NODE_SUITE, "test/sessions.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/sessions.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/index.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-kilnyard-tail-1000", "npx vitest run 2>&1 | tail -n 1000", root, n_vitest, timeout=600)
    chain("chain-vitest-maxage-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'kilnyard maxage' 2>&1 | tail -n 250", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-kilnyard-spec-spaced", "node --test --test-name-pattern='^spaced ' spec/ 2>&1", root, n_node_test,
        timeout=600)
    chain("chain-cd-node-test-tail-exit-kilnyard", "chain-test-exit", "test",
          [Part("cd kilnyard", None), Part("node --test spec/ 2>&1 | tail -n 320", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "kilnyard"
    cap("eslint-lib-app-kilnyard", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/kilnyard.ts": APP_TS})
    cap("tsc-checkjs-cookie-kilnyard", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.cjs ts/kilnyard.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc-kilnyard", "chain-lint", "lint",
          [Part("cd kilnyard", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 150", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-cookie-json", "npm view cookie --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
