"""Round 151, JavaScript: a real npm package new to the corpus (ipaddr.js, an IPv4/IPv6 address parser and CIDR
matcher) copied into a project (`firewall-ledger`, a ledger checking its rules' addresses and subnets) with a few bugs
put in, under generated vitest and node --test suites whose expectations come from the unbroken package; eslint over
the copy and the app; tsc --noEmit --checkJs over them; npm view --json of a package. Each kind's extractor is the
earlier rounds', imported; a chain's from each part's own (round 9b). Run through capture_wide151.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide151 import JS, cap

NM = JS / "node_modules"
PKG = NM / "ipaddr.js"

# The bugs put in: (file, text, replacement); each text occurs exactly once. The CIDR matcher compares one bit more
# than the prefix asks for in a partial part (a /20 rejects half its own hosts); an IPv4 /32 is no longer valid CIDR;
# the RFC 5952 compaction takes the rightmost of two equal zero runs instead of the leftmost.
BUGS = [("ipaddr.js", "shift = partSize - cidrBits;", "shift = partSize - cidrBits - 1;"),
        ("ipaddr.js", "maskLength >= 0 && maskLength <= 32", "maskLength >= 0 && maskLength < 32"),
        ("ipaddr.js", "if (groups > bestMatchGroups) {", "if (groups >= bestMatchGroups) {")]

V4_FIRST = ["10", "192", "172", "127", "0", "169", "100", "224", "255", "8", "198", "203"]


def v4(rnd: random.Random) -> str:
    a = rnd.choice(V4_FIRST)
    rest = [rnd.choice([0, 0, 1, 16, 168, 254, 255, rnd.randint(0, 255)]) for _ in range(3)]
    return ".".join([a, *map(str, rest)])


def v6(rnd: random.Random) -> str:
    parts = [rnd.choice(["0", "0", "0", "1", "db8", "2001", "fe80", "ffff", "64", f"{rnd.randint(0, 65535):x}"])
             for _ in range(8)]
    if rnd.random() < 0.3:
        parts[:2] = ["2001", "db8"]
    if rnd.random() < 0.15:
        parts = ["0", "0", "0", "0", "0", "ffff", f"{rnd.randint(0, 65535):x}", f"{rnd.randint(0, 65535):x}"]
    return ":".join(parts)


def spec(seed: int) -> dict:
    rnd = random.Random(seed)
    cases = []
    for i in range(280):
        r = i % 4
        addr = v4(rnd) if rnd.random() < 0.55 else v6(rnd)
        bits = rnd.choice([8, 12, 16, 20, 24, 28, 30, 31, 32, 32]) if "." in addr else \
            rnd.choice([10, 32, 48, 52, 64, 96, 112, 127, 128])
        if r == 0:
            cases.append([f"parse {i:03}", "parse", addr])
        elif r == 1:
            cases.append([f"cidr {i:03}", "cidr", f"{addr}/{bits}"])
        elif r == 2:
            other = v4(rnd) if "." in addr else v6(rnd)
            if rnd.random() < 0.6:
                other = addr
            cases.append([f"match {i:03}", "match", [other, f"{addr}/{bits}"]])
        else:
            cases.append([f"process {i:03}", "process", addr if rnd.random() < 0.7 else f"::ffff:{v4(rnd)}"])
    return {"cases": cases}


RUNNER = """
const run = (op, arg) => {
  try {
    if (op === "parse") {
      const a = ipaddr.parse(arg);
      return { kind: a.kind(), str: a.toString(), norm: a.toNormalizedString(), range: a.range() };
    }
    if (op === "cidr") {
      const c = ipaddr.parseCIDR(arg);
      const cls = c[0].kind() === "ipv4" ? ipaddr.IPv4 : ipaddr.IPv6;
      return { addr: c[0].toString(), bits: c[1], net: cls.networkAddressFromCIDR(arg).toString(),
        bcast: cls.broadcastAddressFromCIDR(arg).toString() };
    }
    if (op === "match") return { match: ipaddr.parse(arg[0]).match(ipaddr.parseCIDR(arg[1])) };
    return { str: ipaddr.process(arg).toString() };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import ipaddr from "ipaddr.js";
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.cases.map(([name, op, arg]) => [name, op, arg, run(op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import ipaddr from "../lib/ipaddr.js";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of ["parse", "cidr", "match", "process"]) {
  describe(`ipaddr ${op}`, () => {
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
import ipaddr from "../lib/ipaddr.js";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("ledger rules (vendored ipaddr.js)", () => {
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

APP_JS = """import ipaddr from "../lib/ipaddr.js";

const zones = { "dmz": "203.0.113.0/24", "lab": "10.20.0.0/20", "dmz": "198.51.100.0/24" };
export function allowed(rule) {
  const addr = ipaddr.process(rule.source);
  for (var name in zones) {
    const net = ipaddr.parseCIDR(zones[name]);
    if (addr.kind() == net[0].kind() && addr.match(net)) return { ok: true, zone: name, port: rule.port.toFixed() };
  }
  return { ok: false, reason: "no zone for " + addr.toString(), ttl: parseInt(rule.ttl) };
}
export function widen(cidr, by) {
  const unused = by * 2;
  const [addr, bits] = ipaddr.parseCIDR(cidr);
  return addr.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(addr + "/" + (bits - by)) : cidr.trim(1);
}
"""

TSCONFIG = json.dumps({"compilerOptions": {"allowJs": True, "checkJs": True, "strict": True, "noEmit": True,
                                           "target": "es2022", "module": "nodenext", "skipLibCheck": True},
                       "include": ["lib", "src"]}, indent=2) + "\n"


def project(tmp: Path) -> Path:
    root = tmp / "firewall-ledger"
    for d in ("lib", "test", "spec", "src"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "firewall-ledger", "version": "0.9.2", "type": "module",
                                                  "scripts": {"test": "vitest run"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(15110)), "fixtures.mjs": FIXTURES_JS,
                      "test/ipaddr.test.js": VITEST_SUITE, "spec/ipaddr.node.test.mjs": NODE_SUITE,
                      "eslint.config.js": ESLINT_CONFIG, "src/app.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/lib/ipaddr.js lib/ipaddr.js", cwd=root)
    (root / "lib" / "package.json").write_text('{"type": "commonjs"}\n')
    for rel, old, new in BUGS:
        f = root / "lib" / rel
        text = f.read_text()
        assert text.count(old) == 1, (rel, old)
        f.write_text(text.replace(old, new))
    return root


def js_tests(tmp: Path) -> None:
    root = project(tmp)
    cap("vitest-run-firewall-ledger-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-cd-vitest-tail-80", "chain-test", "test",
          [Part("cd " + str(root), None), Part("npx vitest run 2>&1 | tail -80", n_vitest)], tmp, timeout=600)
    cap("vitest-run-match-filter-tail-400", "npx vitest run -t match 2>&1 | tail -n 400", root, n_vitest,
        timeout=600)
    chain("chain-node-test-exit", "chain-test-exit", "test",
          [Part("node --test spec/ 2>&1 | tail -n 900", n_node_test), Part("echo EXIT=$?", n_status_echo, ";")], root,
          timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "firewall-ledger"
    cap("eslint-lib-src", "npx eslint lib src", root, n_eslint, timeout=600)
    cap("tsc-checkjs-lib", "npx tsc --noEmit --allowJs --checkJs --strict --target es2022 --module nodenext "
        "lib/ipaddr.js src/app.js", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-tsc-project", "chain-lint", "lint",
          [Part("npx eslint lib src", n_eslint), Part("npx tsc --noEmit", n_tsc, ";")], root, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-ipaddr-js-json", "npm view ipaddr.js --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
