"""Round 361, JavaScript / TypeScript: a real npm package new to the issue's rounds (statuses 2.0.2: HTTP status codes
to messages and back, with its redirect, empty-body and retry tables; CommonJS over a codes JSON, no dependencies)
copied into a small app (`saltport`, a salt-glaze pottery's kiln-booking web replies) with a few bugs put in;
generated vitest and node --test suites over the copy whose expectations come from the unbroken package (seed 36110);
eslint over the copy and the app; tsc --noEmit with checkJs over the shipped JavaScript and an app that uses it
wrongly; npm view --json of the package. Each kind's extractor is the earlier rounds', imported; a chain's from each
part's own (round 9b). The eslint config and the tsconfig are round 313's (capture_wide313_js), imported. Run through
capture_wide361.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide361 import JS, cap

NM = JS / "node_modules"
PKG = NM / "statuses"

# The bugs put in the copy (lib/status.cjs, the package's index.js): (file, text, replacement); each text occurs
# exactly once. 305 is no redirect but 306 is; a code given as a string is read in base 8; 503 is no retry but 501 is;
# a number under 200 is refused as not a number; a message is looked up without trimming case (upper-cased).
BUGS = [("status.cjs", "305: true,", "306: true,"),
        ("status.cjs", "var n = parseInt(code, 10)", "var n = parseInt(code, 8)"),
        ("status.cjs", "503: true,", "501: true,"),
        ("status.cjs", "if (typeof code === 'number') {", "if (typeof code === 'number' && code > 199) {"),
        ("status.cjs", "var msg = message.toLowerCase()", "var msg = message.toUpperCase()")]

OPS = ["number", "string", "message", "lower", "redirect", "empty", "retry", "listed", "lookup", "bad"]
ODD = [0, 99, 199, 250, 299, 306, 420, 499, 599, 600, 999, -1, 1000]


def spec(seed: int, codes: dict) -> list:
    rnd = random.Random(seed)
    known = sorted(int(c) for c in codes)
    cases = []

    def code() -> int:
        return rnd.choice(known) if rnd.random() > 0.15 else rnd.choice(ODD)

    for i in range(300):
        op = OPS[i % len(OPS)]
        if op == "number":
            arg = code()
        elif op == "string":
            arg = rnd.choice(["", " ", "0", "+"]) + str(code()) + rnd.choice(["", "", " ", "abc", ".0"])
        elif op == "message":
            arg = codes.get(str(code()), rnd.choice(["Kiln Full", "Cone Down", "Saggar Cracked", "OK!"]))
        elif op == "lower":
            m = codes.get(str(code()), "Salt Charge Spent")
            arg = rnd.choice([m.lower(), m.upper(), m.title(), " " + m, m.replace(" ", "-")])
        elif op in ("redirect", "empty", "retry"):
            arg = rnd.choice([rnd.choice(known), rnd.choice(known), 300, 301, 302, 303, 305, 306, 307, 308, 204, 205,
                              304, 501, 502, 503, 504, 500, 200])
        elif op == "listed":
            arg = code()
        elif op == "lookup":
            arg = rnd.choice([str(code()), codes.get(str(code()), "kiln"), code()])
        else:  # bad: things status() refuses
            arg = rnd.choice([None, True, [], {}, 3.5, "", "NaN", "four hundred"])
        cases.append([f"{op} {i:03}", op, arg])
    return cases


RUNNER = """
const run = (st, op, arg) => {
  try {
    let out;
    if (op === "redirect" || op === "empty" || op === "retry") {
      out = st[op][arg] === true;
    } else if (op === "listed") {
      out = st.codes.includes(arg);
    } else if (op === "lookup") {
      out = [st.message[arg] === undefined ? null : st.message[arg],
             st.code[String(arg).toLowerCase()] === undefined ? null : st.code[String(arg).toLowerCase()]];
    } else {
      out = st(arg);
    }
    return { out: out === undefined ? null : out };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const st = require("statuses");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(st, op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import st from "../lib/status.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("saltport replies (vendored statuses)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(st, op, arg), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import st from "../lib/status.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`saltport ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, arg, want) => {
      expect(run(st, op, arg)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import status from "../lib/status.cjs";

const kilns = { "salt": 200, "soda": "201", "wood": [503], "raku": "Kiln Full", "salt": 204 };
export function reply(kiln, code) {
  var c = kilns[kiln];
  for (var key in kilns) {
    if (kiln == undefined) kiln = key;
  }
  const unused = kilns.length * 2;
  if (c == null) return "no kiln " + kiln;
  else return kiln + ": " + status(code || c) + (status.retry[c] ? " (fire again)" : "");
}
export const count = function (list) {
  const { length } = list.map(status);
  return length + " replies";
};
export function redirects(list, strict, log) {
  let n = 0;
  list.forEach(function (c) { if (status.redirect[c]) n++; });
  while (n = list.length) { n--; }
  if (n) {}
  return n ? list : null;
}
"""

APP_TS = """import status from '../lib/status.cjs'

interface Firing { kiln: string; code: number; fired?: Date; potter?: { name: string } }
interface Reply { label: string; message: string }

export function codes(replies: Reply[]): string[] {
  return replies.map((r) => status(r.message) + 1)
}

export const text = (f: Firing): number => status(f.code)
export const table = (f: Firing): Map<string, boolean> => status.message[f.kiln]
export const fired = (f: Firing) => f.fired.toUTCString()
export const potter = (f: Firing): string => f.potter.name
export const total: string = status.codes.length * 'saggars'
export const both = (r: Reply): [string, number] => [status(r), status()]
export const again = (f: Firing) => status.retry(f.code)
"""


def app(tmp: Path) -> Path:
    root = tmp / "saltport"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    codes = json.loads((PKG / "codes.json").read_text())
    write_tree(root, {"package.json": json.dumps({"name": "saltport", "version": "0.4.1", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(36110, codes)), "fixtures.mjs": FIXTURES_JS,
                      "spec/replies.node.test.mjs": NODE_SUITE, "test/replies.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/replies.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    (root / "lib" / "status.cjs").write_text((PKG / "index.js").read_text())
    (root / "lib" / "codes.json").write_text((PKG / "codes.json").read_text())
    put_bugs(root / "lib", BUGS)
    return root



def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-saltport-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-message-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'saltport message' 2>&1 | tail -n 250", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-saltport-spec-lower-grep-v-skip", "node --test --test-name-pattern='^lower ' spec/ 2>&1 | "
        "grep -v '# SKIP'", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-exit-saltport", "chain-test-exit", "test",
          [Part("cd saltport", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "saltport"
    cap("eslint-lib-app-saltport", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/saltport.ts": APP_TS})
    cap("tsc-checkjs-status-saltport", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/status.cjs ts/saltport.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc-saltport", "chain-lint", "lint",
          [Part("cd saltport", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 150", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-statuses-json", "npm view statuses --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
