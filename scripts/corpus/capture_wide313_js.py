"""Round 313, JavaScript / TypeScript: a real npm package new to the issue's rounds (proxy-addr 2.0.7: the address of
a request's client behind trusted proxies, from the socket address and X-Forwarded-For, with trust given as addresses,
CIDR ranges, netmasks or the named ranges loopback, linklocal and uniquelocal; over forwarded and ipaddr.js) copied
into a small app (`coraclehire`, a river coracle hire's bookings behind its proxies) with a few bugs put in; generated
vitest and node --test suites over the copy whose expectations come from the unbroken package; eslint over the copy and
the app; tsc --noEmit with checkJs over the shipped JavaScript and an app that uses it wrongly; npm view --json of the
package. Each kind's extractor is the earlier rounds', imported; a chain's from each part's own (round 9b). The eslint
config and tsconfig are round 305's (capture_wide305_js), imported, with `require` added to the CommonJS globals. Run
through capture_wide313.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide305_js as r305
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_data import n_npm_view
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide313 import JS, cap

NM = JS / "node_modules"
PKG = NM / "proxy-addr"

# The bugs put in the copy (lib/index.cjs, the package's index.js): (file, text, replacement); each text occurs exactly
# once. The hop next to the socket is never checked (the loop stops one address early); a range that is not a number
# (or /0) is no longer refused; the entry after a named range is skipped when the names are spliced in; a single IPv4
# subnet refuses IPv4-mapped IPv6 addresses and tries to convert plain IPv6 ones.
BUGS = [("index.cjs", "  for (var i = 0; i < addrs.length - 1; i++) {", "  for (var i = 0; i < addrs.length - 2; i++) {"),
        ("index.cjs", "  if (range <= 0 || range > max) {", "  if (range < 0 || range > max) {"),
        ("index.cjs", "    i += val.length - 1\n", "    i += val.length\n"),
        ("index.cjs", "      if (subnetisipv4 && !ip.isIPv4MappedAddress()) {",
         "      if (!subnetisipv4 && !ip.isIPv4MappedAddress()) {")]

OPS = ["addr", "all", "compile", "hops", "mapped", "named", "netmask", "single", "invalid", "mixed"]
COMPILED = ["compile", "named", "netmask", "single", "invalid"]
V4 = ["127.0.0.1", "10.0.0.1", "10.0.3.7", "192.168.1.20", "172.16.5.4", "172.32.0.1", "203.0.113.9",
      "198.51.100.23", "169.254.10.2", "8.8.4.4", "10.1.2.3", "192.168.200.1"]
V6 = ["::1", "fe80::1", "fc00:ac:1::5", "2001:db8::42", "::ffff:10.0.0.9", "::ffff:203.0.113.77", "::ffff:127.0.0.1"]
JUNK = ["unknown", "10.0.0", "", "coracle.hire", "300.1.1.1"]
NAMED = ["loopback", "linklocal", "uniquelocal"]
SUBNETS = ["10.0.0.0/8", "10.0.0.1", "192.168.0.0/255.255.0.0", "10.0.0.0/255.255.255.0", "::1", "fe80::/10",
           "::ffff:a00:0/104", "2001:db8::/32", "127.0.0.1/8", "fc00::/7", "203.0.113.0/24", "172.16.0.0/12",
           "169.254.0.0/16", "10.0.3.7/32"]
BAD = ["10.0.0.0/0", "10.0.0.0/abc", "172.16.0.0/33", "fe80::/129", "10.0.0.0/255.0.255.0", "coracle", "::1/x"]


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []

    def chain_of(n: int, pool: list) -> str:
        return ", ".join(rnd.choice(pool) for _ in range(n))

    for i in range(300):
        op = OPS[i % len(OPS)]
        if op in ("addr", "all"):
            trust = rnd.choice([rnd.choice(NAMED), rnd.choice(SUBNETS), rnd.sample(NAMED + SUBNETS, 2)])
            args = [rnd.choice(V4 + V6), chain_of(rnd.randint(1, 4), V4 + V6), trust]
        elif op == "hops":
            trust = rnd.sample(NAMED + SUBNETS[:6], rnd.randint(1, 3))
            args = [rnd.choice(V4[:5]), chain_of(rnd.randint(3, 7), V4 + V6[:4]), trust]
        elif op == "mapped":
            trust = rnd.choice(["10.0.0.0/8", "127.0.0.1/8", "203.0.113.0/24", "::ffff:a00:0/104", "10.0.0.9"])
            args = [rnd.choice(V6[4:] + V4[:3]), chain_of(rnd.randint(1, 3), V6 + V4[:4]), trust]
        elif op == "mixed":
            trust = rnd.sample(NAMED, rnd.randint(1, 3)) + rnd.sample(SUBNETS, rnd.randint(0, 2))
            rnd.shuffle(trust)
            args = [rnd.choice(V4 + V6), rnd.choice([None, chain_of(rnd.randint(1, 5), V4 + V6 + JUNK[:2])]), trust]
        elif op == "named":
            trust = rnd.sample(NAMED, rnd.randint(2, 3)) + rnd.sample(SUBNETS[:4], rnd.randint(0, 1))
            args = [trust, rnd.sample(V4 + V6, 5)]
        elif op == "netmask":
            trust = rnd.choice(["192.168.0.0/255.255.0.0", "10.0.0.0/255.255.255.0", "10.0.0.0/255.0.0.0",
                                "172.16.0.0/255.240.0.0", ["10.0.0.0/255.255.0.0", "127.0.0.1/255.0.0.0"]])
            args = [trust, rnd.sample(V4 + V6[4:], 5)]
        elif op == "single":
            trust = rnd.choice(SUBNETS)
            args = [trust, rnd.sample(V4 + V6, 5) + [rnd.choice(JUNK)]]
        elif op == "invalid":
            trust = rnd.choice([rnd.choice(BAD), [rnd.choice(SUBNETS), rnd.choice(BAD)], rnd.choice(NAMED) + "s"])
            args = [trust, rnd.sample(V4 + V6, 3)]
        else:  # compile
            trust = rnd.sample(SUBNETS, rnd.randint(2, 4))
            args = [trust, rnd.sample(V4 + V6 + JUNK, 6)]
        cases.append([f"{op} {i:03}", op, args])
    return cases


RUNNER = """
const run = (proxyaddr, op, args) => {
  try {
    if (""" + json.dumps(COMPILED) + """.includes(op)) {
      const [trust, addrs] = args;
      const fn = proxyaddr.compile(trust);
      return { out: addrs.map((a, i) => fn(a, i)) };
    }
    const [remote, xff, trust] = args;
    const req = { connection: { remoteAddress: remote }, socket: { remoteAddress: remote },
                  headers: xff === null ? {} : { "x-forwarded-for": xff } };
    const out = op === "addr" || op === "mapped" ? proxyaddr(req, trust) : proxyaddr.all(req, trust);
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
const proxyaddr = require("proxy-addr");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, args]) => [name, op, args, run(proxyaddr, op, args)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import proxyaddr from "../lib/index.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("coraclehire client addresses (vendored proxy-addr)", () => {
  for (const [name, op, args, want] of fx) {
    it(`${name}: ${JSON.stringify(args)}`, () => {
      assert.deepEqual(run(proxyaddr, op, args), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import proxyaddr from "../lib/index.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`coraclehire ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, args, want) => {
      expect(run(proxyaddr, op, args)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r305.ESLINT_CONFIG.replace('exports: "writable", module: "writable"',
                                          'exports: "writable", module: "writable", require: "readonly"')
assert ESLINT_CONFIG != r305.ESLINT_CONFIG
TSCONFIG = r305.TSCONFIG

APP_JS = """import proxyaddr from "../lib/index.cjs";

const landings = { "ironbridge": ["10.0.0.0/8"], "shrewsbury": "loopback", "bewdley": ["uniquelocal", "linklocal"],
                   "ironbridge": "10.0.0.1" };
export function hirer(req, landing) {
  var trust = landings[landing];
  for (var key in req.headers) {
    if (landing == undefined) landing = key;
  }
  const unused = landings.length * 2;
  if (trust == null) return "no landing " + landing;
  else return proxyaddr(req, trust) + "@" + landing;
}
export const hops = function (req) {
  const { length } = proxyaddr.all(req);
  return length + " hops";
};
export function trusted(addrs, landing, strict, log) {
  let n = 0;
  const fn = proxyaddr.compile(landings[landing]);
  addrs.forEach(function (addr) { if (fn(addr, n)) n++; });
  while (n = addrs.length) { n--; }
  if (n) {}
  return n ? addrs : null;
}
"""

APP_TS = """import proxyaddr from '../lib/index.cjs'

interface Hire { landing: string; coracles: number; until?: Date; paddler?: { name: string } }
interface Req { headers: Record<string, string>; socket: { remoteAddress: string } }

export function clients(rs: Req[]): number[] {
  return rs.map((r) => proxyaddr(r, 3))
}

export const all = (r: Req): string => proxyaddr.all(r, ['loopback', 10])
export const trust = (h: Hire): Map<string, boolean> => proxyaddr.compile(h.landing)
export const until = (h: Hire) => h.until.toUTCString()
export const paddler = (h: Hire): string => h.paddler.name
export const count: number = proxyaddr.all({ headers: {} }).join('|')
export const check = (r: Req) => proxyaddr.compile(['uniquelocal'])(r.socket.remoteAddress, 'first')
export const both = (r: Req): [string, string] => [proxyaddr(r), proxyaddr.all()]
"""


def app(tmp: Path) -> Path:
    root = tmp / "coraclehire"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "coraclehire", "version": "1.4.0", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(31310)), "fixtures.mjs": FIXTURES_JS,
                      "spec/clients.node.test.mjs": NODE_SUITE, "test/clients.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/hirers.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    run(f"cp {PKG}/index.js lib/index.cjs", cwd=root)
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-coraclehire-tail-900", "npx vitest run 2>&1 | tail -n 900", root, n_vitest, timeout=600)
    chain("chain-vitest-hops-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'coraclehire hops' 2>&1 | tail -n 250", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-coraclehire-spec-named-grep-v-skip", "node --test --test-name-pattern='^named ' spec/ 2>&1 | grep -v '# SKIP'", root,
        n_node_test, timeout=600)
    chain("chain-cd-node-test-tail-exit-coraclehire", "chain-test-exit", "test",
          [Part("cd coraclehire", None), Part("node --test spec/ 2>&1 | tail -n 300", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "coraclehire"
    cap("eslint-lib-app-coraclehire", "npx eslint lib app", root, n_eslint, timeout=600)
    write_tree(root, {"ts/coraclehire.ts": APP_TS})
    cap("tsc-checkjs-proxy-addr-coraclehire", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/index.cjs ts/coraclehire.ts", root, n_tsc, timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-then-tsc-coraclehire", "chain-lint", "lint",
          [Part("cd coraclehire", None), Part("npx eslint lib app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 150", n_tsc, ";")], tmp, timeout=600)


def npm_meta(tmp: Path) -> None:
    cap("npm-view-proxy-addr-json", "npm view proxy-addr --json", tmp, n_npm_view, timeout=300)


STEPS = [js_tests, js_lint, npm_meta]
