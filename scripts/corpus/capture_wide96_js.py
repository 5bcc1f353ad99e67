"""Round 96, JavaScript: a real npm package new to the corpus (safe-stable-stringify, a deterministic, cycle-safe JSON
serializer) copied into a project (`auditsnap`, an audit service that writes canonical JSON snapshots of records and
signs them) with a few bugs put in, under generated vitest and node --test suites whose expectations come from the
unbroken package; eslint over the copy and the app; tsc --noEmit --checkJs over them; npm view --json of a package.
Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). Run through
capture_wide96.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide96 import JS, cap

NM = JS / "node_modules"
PKG = NM / "safe-stable-stringify"

# The bugs put in: (file under lib/, text, replacement); each text occurs exactly once.
BUGS = [("index.js", "if (number === 1) {", "if (number === 0) {"),
        ("index.js", "} while (position !== 0 && array[position - 1] > currentValue)",
         "} while (position !== 1 && array[position - 1] > currentValue)"),
        ("index.js", r"const strEscapeSequencesRegExp = /[\u0000-\u001f\u0022\u005c\ud800-\udfff]/",
         r"const strEscapeSequencesRegExp = /[\u0000-\u001f\u005c\ud800-\udfff]/")]

FIELDS = ["actor", "action", "tenant", "zone", "ticket", "amount", "when", "note", "ip", "scope", "ref", "batch",
          "reviewer", "approved", "level", "channel", "origin", "weight"]
NOTES = ["refund issued", 'said "urgent"', "Ana's request", "ok", "path C:\\tmp", "second pass", "tab\there",
         "escalated to L2", "n/a"]
OPTS = [{}, {"maximumBreadth": 3}, {"maximumDepth": 2}, {"deterministic": False}, {"maximumBreadth": 1},
        {"bigint": False}]


def record(rnd: random.Random, depth: int) -> dict:
    keys = rnd.sample(FIELDS, rnd.randint(3, 9))
    out = {}
    for k in keys:
        roll = rnd.random()
        if roll < 0.3:
            out[k] = rnd.choice(NOTES)
        elif roll < 0.55:
            out[k] = rnd.randint(-500, 90000)
        elif roll < 0.65:
            out[k] = rnd.choice([True, False, None])
        elif roll < 0.82 and depth < 3:
            out[k] = record(rnd, depth + 1)
        else:
            out[k] = [rnd.randint(0, 99) for _ in range(rnd.randint(1, 5))]
    return out


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(160):
        opts = OPTS[i % len(OPTS)]
        cases.append([f"{rnd.choice(['login', 'refund', 'export', 'grant', 'revoke', 'purge'])} {i:03}", opts,
                      record(rnd, 0)])
    return {"cases": cases}


FIXTURES_JS = """
import fs from "node:fs";
import { configure } from "safe-stable-stringify";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
const out = { plain: [], pretty: [] };
for (const [name, opts, value] of spec.cases) out.plain.push([name, opts, value, configure(opts)(value)]);
for (const [name, opts, value] of spec.cases.slice(0, 60)) out.pretty.push([name, opts, value, configure(opts)(value, null, 2)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import { configure } from "../lib/wrapper.mjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));

describe("snapshot", () => {
  test.each(fx.plain)("record %s %j", (name, opts, value, want) => {
    expect(configure(opts)(value)).toBe(want);
  });
});

describe("pretty snapshot", () => {
  test.each(fx.pretty)("pretty %s %j", (name, opts, value, want) => {
    expect(configure(opts)(value, null, 2)).toBe(want);
  });
});
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import { configure } from "../lib/wrapper.mjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));

describe("audit snapshots (vendored safe-stable-stringify)", () => {
  for (const [name, opts, value, want] of fx.plain) {
    it(`snapshots ${name} ${JSON.stringify(opts)}`, () => {
      assert.equal(configure(opts)(value), want);
    });
  }
  for (const [name, opts, value, want] of fx.pretty) {
    it(`pretty-prints ${name}`, () => {
      assert.equal(configure(opts)(value, null, 2), want);
    });
  }
});
"""

ESLINT_CONFIG = """import js from "@eslint/js";
const env = { require: "readonly", module: "writable", exports: "writable", console: "readonly",
              globalThis: "readonly", Buffer: "readonly", Symbol: "readonly" };
const style = { "eqeqeq": "error", "no-var": "error", "prefer-const": "warn", "curly": "warn",
                "no-param-reassign": "warn", "no-shadow": "warn", "no-plusplus": "warn", "max-len": ["warn", 100],
                "no-unused-vars": ["error", { "args": "all" }], "no-nested-ternary": "warn", "prefer-template": "warn",
                "no-else-return": "warn", "one-var": ["warn", "never"], "func-names": ["warn", "as-needed"],
                "no-continue": "warn", "no-underscore-dangle": "warn", "complexity": ["warn", 12] };
export default [
  js.configs.recommended,
  { files: ["lib/**/*.js", "lib/**/*.mjs"], languageOptions: { sourceType: "module", ecmaVersion: "latest",
    globals: env }, rules: style },
  { files: ["src/**/*.js"], languageOptions: { sourceType: "module", ecmaVersion: "latest", globals: env },
    rules: style },
];
"""

APP_JS = """import stringify, { configure } from "../lib/wrapper.mjs";
import { createHash } from "node:crypto";

const limits = { depth: 4, depth: 6 };
export function snapshot(record, opts) {
  const canon = configure({ maximumDepth: limits.depth, deterministic: opts.sorted })(record);
  if (canon.length > opts.maxBytes) throw new RangeError("snapshot too large: " + canon.length);
  return createHash("sha256").update(canon).digest("hex") + limits.depth.bytes;
}
export function sign(record, key) {
  let unused = key;
  return stringify(record).padStart("64") - snapshot.size;
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "auditsnap"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "auditsnap", "version": "2.3.0", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(9610)), "fixtures.mjs": FIXTURES_JS,
                      "test/snapshot.test.js": VITEST_SUITE, "spec/snapshot.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js {PKG}/index.d.ts lib/ && sed 's|\\.\\./index\\.js|./index.js|' {PKG}/esm/wrapper.mjs "
        "> lib/wrapper.mjs", cwd=root)
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-auditsnap-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-pretty-filter-tail-400", "npx vitest run -t pretty 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "auditsnap"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/index.js lib/wrapper.mjs src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-safe-stable-stringify-json", "npm view safe-stable-stringify --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
