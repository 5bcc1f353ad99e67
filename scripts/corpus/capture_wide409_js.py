"""Round 409, JavaScript / TypeScript: a real npm package new to the issue's rounds (uri-js 4.4.1: RFC 3986 URI
parsing, serialising and resolution; one UMD file) copied into a small app (`moulderport`, a brickworks' moulding-shop
and kiln-booking web pages) with a few bugs put in; generated vitest and node --test suites over the copy whose
expectations come from the unbroken package (seed 40910); eslint over the copy and the app; tsc --noEmit with checkJs
over the copied JavaScript and an app that uses it wrongly. Some runs have colour
forced on (FORCE_COLOR=1, --color) as agents sometimes run them. Each kind's extractor is the earlier rounds',
imported; a chain's from each part's own (round 9b). The eslint config and the tsconfig are round 313's
(capture_wide313_js), imported. Run through capture_wide409.py."""

from __future__ import annotations

import json
import random
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import run, write_tree
from capture_wide9b import Part, chain, n_status_echo
from capture_wide15_js import n_eslint, n_node_test, n_tsc, n_vitest
from capture_wide409 import JS, cap

NM = JS / "node_modules"
PKG = NM / "uri-js" / "dist" / "es5"

# The bugs put in the copy (lib/uri.cjs, the package's dist/es5/uri.all.js): (file, text, replacement); each text
# occurs exactly once. A `..` segment no longer removes the segment before it; a relative path is merged onto the
# base's directory without its trailing slash; an IPv4 octet loses only one leading zero; an empty fragment is dropped.
BUGS = [("uri.cjs", "            input = input.replace(RDS3, \"/\");\n            output.pop();\n",
         "            input = input.replace(RDS3, \"/\");\n"),
        ("uri.cjs", 'base.path.slice(0, base.path.lastIndexOf("/") + 1)', 'base.path.slice(0, base.path.lastIndexOf("/"))'),
        ("uri.cjs", 'return str.replace(/^0*(.*)/, "$1") || "0";', 'return str.replace(/^0(.*)/, "$1") || "0";'),
        ("uri.cjs", "    if (components.fragment !== undefined) {\n", "    if (components.fragment) {\n")]

OPS = ["parse", "serialize", "resolve", "normalize", "equal", "escape", "unescape", "dots", "ipv4", "bad"]
HOSTS = ["clamp.brickworks.example", "KILN.Brickworks.Example", "010.001.020.003", "192.168.007.045", "[::1]",
         "pugmill.example:8080", "moulder@hack.example", "127.000.000.001:18409", "xn--brck-kva.example"]
PATHS = ["/kilns/3/../hacks", "/a/b/c/./../../g", "/setters/./row/12", "/clamps/%7Efire/face", "/moulds/", "",
         "/pug/../../mill", "/hack%20row/7", "/kiln-book/2025/12", "/a/./b/../c/"]
QUERIES = ["", "?chamber=4", "?fire=clamp&hack=12", "?q=red%20marl", "?"]
FRAGS = ["", "#", "#setter", "#row-7", "#%7Eface"]
RELS = ["g", "./g", "g/", "/g", "../g", "../../g", "../../../g", "?y", "#s", "g;x?y#s", "", ".", "..", "../",
        "./../hacks/9", "setters/../kiln#", "//other.example/kiln", "g?chamber=2#"]
ESC = ["red marl", "kiln #4", "50% grog", "hack/row", "moulder's bench", "clamp?face", "Öfen", "pug & mill"]
BAD = ["http://[::1", "http://kiln:port/", "://missing", "http://%zz.example/", "uri with spaces", "http://a b/"]


def uri(rnd: random.Random) -> str:
    return (f"{rnd.choice(['http', 'HTTPS', 'ftp', 'urn:x', 'http'])}://{rnd.choice(HOSTS)}{rnd.choice(PATHS)}"
            f"{rnd.choice(QUERIES)}{rnd.choice(FRAGS)}")


def spec(seed: int) -> list:
    rnd = random.Random(seed)
    cases = []
    for i in range(340):
        op = OPS[i % len(OPS)]
        if op in ("escape", "unescape"):
            s = rnd.choice(ESC)
            arg = [s if op == "escape" else s.replace(" ", "%20").replace("#", "%23").replace("%", "%25", 1)]
        elif op == "resolve":
            arg = [uri(rnd), rnd.choice(RELS)]
        elif op == "equal":
            a = uri(rnd)
            arg = [a, rnd.choice([a.upper(), a.replace("/./", "/"), uri(rnd), a + "#"])]
        elif op == "dots":
            arg = [rnd.choice(PATHS) + rnd.choice(["", "/..", "/../x", "/."])]
        elif op == "ipv4":
            arg = [f"http://{rnd.choice(HOSTS[2:4] + HOSTS[7:8])}{rnd.choice(PATHS)}"]
        elif op == "bad":
            arg = [rnd.choice(BAD)]
        else:
            arg = [uri(rnd)]
        cases.append([f"{op} {i:03}", op, arg])
    return cases


RUNNER = """
const run = (URI, op, arg) => {
  try {
    if (op === "parse" || op === "bad") {
      const c = URI.parse(arg[0]);
      return { out: Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) };
    }
    if (op === "serialize") return { out: URI.serialize(URI.parse(arg[0])) };
    if (op === "resolve") return { out: URI.resolve(arg[0], arg[1]) };
    if (op === "normalize" || op === "ipv4") return { out: URI.normalize(arg[0]) };
    if (op === "equal") return { out: URI.equal(arg[0], arg[1]) };
    if (op === "escape") return { out: URI.escapeComponent(arg[0]) };
    if (op === "unescape") return { out: URI.unescapeComponent(arg[0]) };
    if (op === "dots") return { out: URI.removeDotSegments(arg[0]) };
    return { out: null };
  } catch (e) {
    return { error: e.message };
  }
};
"""

FIXTURES_JS = """
import fs from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const URI = require("uri-js");
const spec = JSON.parse(fs.readFileSync("spec.json", "utf8"));
""" + RUNNER + """
const out = spec.map(([name, op, arg]) => [name, op, arg, run(URI, op, arg)]);
fs.writeFileSync("test/fixtures.json", JSON.stringify(out, null, 1));
"""

NODE_SUITE = """
import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, it } from "node:test";
import * as URI from "../lib/uri.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("../test/fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
describe("moulderport kiln links (vendored uri-js)", () => {
  for (const [name, op, arg, want] of fx) {
    it(`${name}: ${JSON.stringify(arg)}`, () => {
      assert.deepEqual(run(URI, op, arg), want);
    });
  }
});
"""

VITEST_SUITE = """
import { describe, expect, test } from "vitest";
import fs from "node:fs";
import * as URI from "../lib/uri.cjs";
const fx = JSON.parse(fs.readFileSync(new URL("./fixtures.json", import.meta.url), "utf8"));
""" + RUNNER + """
for (const op of """ + json.dumps(OPS) + """) {
  describe(`moulderport ${op}`, () => {
    const cases = fx.filter((c) => c[1] === op).map((c) => [c[0], JSON.stringify(c[2]), c[2], c[3]]);
    test.each(cases)("%s: %s", (name, shown, arg, want) => {
      expect(run(URI, op, arg)).toEqual(want);
    });
  });
}
"""

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

APP_JS = """import * as URI from "../lib/uri.cjs";

const kilns = { "hoffmann": "/kilns/1", "clamp": 12, "scotch": ["/kilns/3"], "down-draught": "../4", "hoffmann": "/k/5" };
export function booking(base, name) {
  var path = kilns[name];
  for (var key in kilns) {
    if (name == undefined) name = key;
  }
  const unused = kilns.length * 2;
  if (path == null) return "no kiln " + name;
  else return URI.resolve(base, path) + "#" + name;
}
export const moulders = function (links) {
  const { length } = links.filter((l) => URI.parse(l).scheme == "https");
  return length + " moulders";
};
export function hacks(links, strict, log) {
  let n = 0;
  links.forEach(function (l) { if (URI.equal(l, "http://hack.example/") != false) n++; });
  while (n = links.length) { n--; }
  if (n) {}
  return n ? links : null;
}
"""

APP_TS = """import * as URI from '../lib/uri.cjs'

interface Setter { name: string; bricks: number; fired?: Date; kiln?: { url: string } }
interface Clamp { site: string; setters: Setter[] }

export function links(clamps: Clamp[]): string[] {
  return clamps.map((c) => URI.resolve(c.site, c.setters) + 1)
}

export const port = (s: Setter): number => URI.parse(s.name).port.toFixed(2)
export const bad = (s: Setter): boolean => URI.equal(s.bricks, 'hack', { iri: 'yes' })
export const fired = (s: Setter) => s.fired.toUTCString()
export const kiln = (s: Setter): string => s.kiln.url
export const total: string = URI.SCHEMES * 'kilns'
export const both = (c: Clamp): [string, number] => [URI.normalize(c), URI.serialize()]
export const host = (c: Clamp): URL => URI.parse(c.site, { scheme: 4 }).host.toLowerCase(2)
"""


def app(tmp: Path) -> Path:
    root = tmp / "moulderport"
    for d in ("lib", "test", "spec", "app", "ts"):
        (root / d).mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    write_tree(root, {"package.json": json.dumps({"name": "moulderport", "version": "0.4.9", "type": "module",
                                                  "scripts": {"test": "node --test spec/"}}, indent=2) + "\n",
                      "spec.json": json.dumps(spec(40910)), "fixtures.mjs": FIXTURES_JS,
                      "spec/kilns.node.test.mjs": NODE_SUITE, "test/kilns.test.js": VITEST_SUITE,
                      "vitest.config.js": 'export default { test: { include: ["test/**/*.test.js"] } };\n',
                      "eslint.config.js": ESLINT_CONFIG, "app/kilns.js": APP_JS})
    run("node fixtures.mjs", cwd=root)
    (root / "lib" / "uri.cjs").write_text((PKG / "uri.all.js").read_text())
    put_bugs(root / "lib", BUGS)
    return root


def js_tests(tmp: Path) -> None:
    root = app(tmp)
    cap("vitest-run-moulderport-color-tail-1200", "FORCE_COLOR=1 npx vitest run 2>&1 | tail -n 1200", root, n_vitest,
        timeout=600)
    chain("chain-vitest-resolve-exit", "chain-test-exit", "test",
          [Part("npx vitest run -t 'moulderport resolve' 2>&1 | tail -n 600", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], root, timeout=600)
    cap("node-test-moulderport-dots-ipv4", "node --test --test-name-pattern='^(dots|ipv4) ' "
        "spec/ 2>&1 | grep -v '# SKIP'", root, n_node_test, timeout=600)
    chain("chain-cd-node-test-grep-v-ok-exit", "chain-test-exit", "test",
          [Part("cd moulderport", None), Part("node --test spec/ 2>&1 | grep -v '^    ok ' | tail -n 1500",
                                              n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=600)


def js_lint(tmp: Path) -> None:
    root = tmp / "moulderport"
    cap("eslint-color-app-lib-moulderport-head-650", "npx eslint --color app lib 2>&1 | head -n 650", root, n_eslint,
        timeout=600)
    write_tree(root, {"ts/moulderport.ts": APP_TS})
    cap("tsc-checkjs-uri-moulderport", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/uri.cjs ts/moulderport.ts 2>&1", root, n_tsc,
        timeout=600)
    write_tree(root, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    chain("chain-eslint-app-then-tsc-moulderport", "chain-lint", "lint",
          [Part("cd moulderport", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | head -n 600", n_tsc, ";")], tmp, timeout=600)


STEPS = [js_tests, js_lint]
