"""Round 614, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites (ip 1.1.5:
`lib/ip.js` and its mocha suite `test/api-test.js` on assert; json-pointer 0.6.2: `index.js` and its mocha suite
`test/test.js` on chai 1 and seamless-immutable), copied into a hat works' app (`blockroom`) with a few bugs put in by
capture_material.put_bugs, the shipped suites run unchanged against the broken copy with mocha, jest, vitest and
node --test; eslint (stylish, json) over the copy and app with round 313's config (imported); tsc --noEmit, pretty off
and on, over a strict-mode app (`crownstock`, round 313's strict tsconfig, imported) and with checkJs over the copy;
esbuild and rollup builds failing (round 484's `kiln_sections`, imported, called with this round's words and seed
61410); npm view --json and npm outdated; a real install at old pinned versions (`feltledger`) whose package.json and
package-lock.json are cat'ed and queried with jq, then broken by hand for npm ls --all; source and minified bundles
cat'ed; node crashing (`napcheck`). Each kind's extractor is an earlier round's, imported; a chain's from each part's
own (round 9b). Run through capture_wide614.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import capture_wide313_js as r313
import capture_wide484_js as r484
from capture_material import put_bugs
from capture_more import n_esbuild, n_jq, n_npm_outdated, run, write_tree
from capture_wide import n_node_uncaught
from capture_wide11 import n_min_js
from capture_wide15_data import n_lock, n_npm_ls, n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_node_test, n_tsc, n_vitest
from capture_wide6_new import n_eslint_json, n_rollup
from capture_wide9b import Part, chain, n_source, n_status_echo
from capture_wide9b_chains import n_package_json
from capture_wide614 import JS, cap

NM = JS / "node_modules"
SEED = 61410

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# ip: 172.31.x.x is no longer private; a subnet's numHosts counts the broadcast address as a host.
# json-pointer: unescape reads ~0 before ~1 (so "~01" becomes "/" instead of "~1"); remove() on an array
# splices out two elements instead of one.
BUGS = [("lib/ip/lib/ip.js", r"172\.(1[6-9]|2\d|30|31)", r"172\.(1[6-9]|2\d|30)"),
        ("lib/ip/lib/ip.js", "numberOfAddresses : numberOfAddresses - 2", "numberOfAddresses : numberOfAddresses - 1"),
        ("lib/json-pointer/index.js", "str.replace(/~1/g, '/').replace(/~0/g, '~')",
         "str.replace(/~0/g, '~').replace(/~1/g, '/')"),
        ("lib/json-pointer/index.js", "Array.prototype.splice.call(parent, index, 1)",
         "Array.prototype.splice.call(parent, index, 2)")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

# mocha's hook names for jest and vitest, node:test's describe/it/hooks as globals for node --test; the test files
# stay unchanged
JEST_SETUP = "// the shipped suites use mocha's before/after\n" \
             "globalThis.before = globalThis.beforeAll;\nglobalThis.after = globalThis.afterAll;\n"
VITEST_SETUP = "// the shipped suites use mocha's before/after\n" \
               "globalThis.before = globalThis.beforeAll;\nglobalThis.after = globalThis.afterAll;\n" \
               "globalThis.xit = globalThis.it.skip;\n"
NODE_TEST_SETUP = """// the shipped suites are mocha's BDD style: node:test's describe/it/hooks as globals
import { describe, it, before, after, beforeEach, afterEach } from "node:test";
Object.assign(globalThis, { describe, it, before, after, beforeEach, afterEach, xit: it.skip });
"""

BLOCKS_JS = """import ip from "../lib/ip/lib/ip.js";
import pointer from "../lib/json-pointer/index.js";

const kettles = { "kettle-1": "172.16.4.0/31", "crown/brim": "172.31.2.0/24", "bowing": [3], "nap": "10.1.0.7/32", "kettle-1": "x" };
export function blocking(kettle, hats) {
  var cidr = kettles[kettle];
  for (var key in kettles) {
    if (kettle == undefined) kettle = key;
  }
  const unused = kettles.length * 2;
  var room = ip.cidrSubnet(cidr);
  hats.forEach(function (h) { pointer.set(h, "/block", room.firstAddress); });
  if (cidr == null) return "no kettle " + kettle;
  else return pointer.get({ room: room, hats: hats }, "/room/numHosts") + " blocks for " + hats.length + " hats";
}
export const hatband = function (hatter, year) {
  const mark = ip.toLong("172.31." + (year % 256) + ".1");
  return ip.isPrivate(ip.fromLong(mark)) == true ? hatter + " " + mark : "bad band for " + hatter;
};
export function crownTally(hats, felt, dye) {
  let n = 0;
  hats.forEach(function (h) { if (h.crown != "") n++; });
  while (n = hats.length) { n--; }
  if (n) {}
  return n ? hats : null;
}
"""

MAIN_JS = """import { blocking, hatband } from "./blocks.js";
import { planker } from "./planker.js";
import { bow } from "./bowing.js";

export const report = [blocking("kettle-1", [{ crown: "low" }]), hatband("Lock", 1765), planker(3), bow()];
"""

PLANKER_JS = """import pointer from "../lib/json-pointer/index.js";

export function planker(n) {
  const felt = pointer.dict({ kettle: n * 40 });
  return pointer.compile(Object.keys(felt n 2.from("nap")));
}
"""

CROWN_TS = """import ip from '../lib/ip/lib/ip.js'
import pointer from '../lib/json-pointer/index.js'

interface Hat { block: string; crown: number; brim?: { width: number; felt: string }; blocked?: Date }
interface Hatter { name: string; perDay: number; kettle?: { cidr: string } }

export function hatSheet(hs: Hat[]): string[] {
  return hs.map((h) => h.brim.width.toFixed(h.brim.felt))
}

export const hosts = (h: Hatter): number => ip.cidrSubnet(h.kettle.cidr).numHosts.toFixed(2)
export const band = (h: Hat): number => pointer.get(h, '/brim/felt', 'default')
export const busy = (h: Hatter): boolean => ip.isPrivate(h.perDay)
export const blocked = (h: Hat) => h.blocked.toUTCString()
export const mark: string = ip.toLong('172.31.0.1').toString(16, 2)
export const kettleOf = (h: Hatter): string => h.kettle.cidr.split('/')[1].toFixed(h.name)
export const pair = (h: Hatter): [number, string] => [pointer.compile([h.name]).length, h.name.at(-1)]
export const same = (a: Hat, b: Hat): Date => ip.isEqual(a.block, b.crown)
export const room = pointer(pointer.dict({ crown: 1 }), ['crown'], 2, 3)
"""

NAPCHECK_JS = """// napcheck: the hatter's weekly tally; each felting kettle's hat blocks sit on a subnet of the works' network,
// one block per host address, and the ledger is read through JSON pointers
const ip = require("../lib/ip/lib/ip.js");
const pointer = require("../lib/json-pointer/index.js");

class TallyError extends Error {}

const ledger = { kettles: { "kettle/1": { blocks: 2, cidr: "172.16.4.0/31" }, "nap~room": { blocks: 1, cidr: "10.1.0.7/32" },
                            "bowing/3": { blocks: 62, cidr: "172.20.8.0/26" }, "kettle/4": { blocks: 254, cidr: "192.168.9.0/24" } } };

function count(name) {
  const at = pointer.compile(["kettles", name]);
  const kettle = pointer.get(ledger, at);
  const room = ip.cidrSubnet(kettle.cidr);
  if (room.numHosts !== kettle.blocks) {
    throw new RangeError(`kettle ${name}: ${kettle.cidr} holds ${room.numHosts} blocks, the ledger ${kettle.blocks} (pointer ${at})`);
  }
  return `${kettle.blocks} blocks, ${room.firstAddress} to ${room.lastAddress}, private ${ip.isPrivate(room.firstAddress)}`;
}

function tally(name) {
  try {
    return count(name);
  } catch (e) {
    throw new TallyError(`tally of ${name} failed`, { cause: e });
  }
}

for (const name of Object.keys(ledger.kettles)) {
  console.log(name, tally(name));
}
"""

HAT_WORDS = ["felt", "brim", "crown", "block", "kettle", "planker", "bow", "nap", "beaver", "ribbon", "hatband", "shaper",
             "finisher", "curl", "dye-pan"]

IP_TEST = "lib/ip/test/api-test.js"
JP_TEST = "lib/json-pointer/test/test.js"
TESTS = f"{IP_TEST} {JP_TEST}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"


def blockroom(tmp: Path) -> Path:
    root = tmp / "blockroom"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "blockroom", "version": "1.1.5", "main": "lib/ip/lib/ip.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/lib/*/test/*.js"],
                                                  "setupFilesAfterEnv": ["./test/jest-setup.cjs"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/*/test/*.js"], '
                                  'setupFiles: ["./test/vitest-setup.mjs"] } };\n',
             "test/jest-setup.cjs": JEST_SETUP, "test/vitest-setup.mjs": VITEST_SETUP,
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/blocks.js": BLOCKS_JS, "app/main.js": MAIN_JS, "app/planker.js": PLANKER_JS,
             "scripts/napcheck.js": NAPCHECK_JS}
    write_tree(root, files)
    for pkg, parts in (("ip", ["lib", "package.json", "test"]),
                       ("json-pointer", ["index.js", "package.json", "test"])):
        d = root / "lib" / pkg
        d.mkdir(parents=True, exist_ok=True)
        for f in parts:
            (shutil.copytree if (NM / pkg / f).is_dir() else shutil.copy)(NM / pkg / f, d / f)
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def tests(tmp: Path) -> None:
    g = blockroom(tmp)
    cap("mocha-ip-json-pointer-own-suites-blockroom", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("mocha-json-pointer-spec-reporter", f"npx mocha {JP_TEST} --reporter spec 2>&1", g, n_mocha, timeout=300)
    cap("mocha-json-pointer-dot-reporter", f"npx mocha {JP_TEST} --reporter dot 2>&1", g, n_mocha, timeout=300)
    cap("jest-ip-json-pointer-own-suites-blockroom", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-blockroom-head", "npx jest --ci --verbose 2>&1 | head -n 700", g, n_jest, timeout=300)
    cap("vitest-ip-json-pointer-own-suites-blockroom", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("vitest-verbose-json-pointer-only", f"npx vitest run --reporter=verbose {JP_TEST} 2>&1", g, n_vitest,
        timeout=300)
    cap("vitest-verbose-ip", f"npx vitest run --reporter=verbose {IP_TEST} 2>&1", g, n_vitest, timeout=300)
    cap("node-test-ip-json-pointer-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=300)
    cap("node-test-json-pointer-tap", f"{NODE_TEST} {JP_TEST} 2>&1", g, n_node_test, timeout=300)
    cap("node-test-ip-spec-reporter", f"{NODE_TEST} --test-reporter=spec {IP_TEST} 2>&1", g, n_node_test,
        timeout=300)
    chain("chain-cd-vitest-verbose-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd blockroom", None), Part("npx vitest run --reporter=verbose 2>&1 | tail -n 400", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-node-test-spec-tail-exit", "chain-test-exit", "test",
          [Part(f"{NODE_TEST} --test-reporter=spec {JP_TEST} 2>&1 | tail -n 150", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "blockroom"
    cap("eslint-stylish-blockroom-app-lib", "npx eslint app lib scripts 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-blockroom-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-blockroom-ip-lib", "npx eslint -f json app lib/ip/lib 2>&1", g, n_eslint_json, timeout=300)
    chain("chain-cd-eslint-tests-blockroom-tail-exit", "chain-lint-exit", "lint",
          [Part("cd blockroom", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("tsc-checkjs-ip-json-pointer-blockroom-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/ip/lib/ip.js lib/json-pointer/index.js app/blocks.js "
        "scripts/napcheck.js 2>&1 | head -n 800", g, n_tsc, timeout=300)
    cap("tsc-checkjs-own-suites-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext {TESTS} 2>&1 | head -n 300", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-json-pointer-suite", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target "
        f"es2022 --module nodenext --moduleResolution nodenext {JP_TEST} 2>&1 | head -n 1500", g, n_tsc, timeout=300)
    t = tmp / "crownstock"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "crownstock", "version": "0.6.2", "type": "module"},
                                              indent=2) + "\n", "ts/crownstock.ts": CROWN_TS,
                   "app/blocks.js": BLOCKS_JS, "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-crownstock-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/crownstock.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-crownstock-app-only", "npx tsc --noEmit --pretty --strict --target es2022 --module "
        "nodenext --moduleResolution nodenext ts/crownstock.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-crownstock-head", "npx tsc --noEmit 2>&1 | head -n 400", t, n_tsc, timeout=300)
    cap("tsc-pretty-crownstock-head", "npx tsc --noEmit --pretty 2>&1 | head -n 1500", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-crownstock", "chain-lint-typecheck", "lint",
          [Part("cd crownstock", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 300", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "blockroom"
    # round 484's generator with this round's words and seed (its module constants, set before the call, as rounds
    # 500-589 did); its sections import ../../lib/numeral.js and ../../lib/vec3.js, which blockroom lacks
    r484.SEED, r484.WORKS_WORDS = SEED, HAT_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-blockroom-whole", "npx eslint . 2>&1", g, n_eslint, timeout=300)
    cap("esbuild-bundle-blockroom-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-blockroom-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-blockroom-main-exit", "npx esbuild app/main.js app/blocks.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-esbuild-minify-chai-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/chai/index.js --bundle --minify --platform=node "
                "--outfile=dist/chai.min.js 2>/dev/null", None),
           Part("cat dist/chai.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-js-yaml-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/js-yaml/index.js --bundle --minify --platform=node "
                "--outfile=dist/js-yaml.min.js 2>/dev/null", None),
           Part("cat dist/js-yaml.min.js", n_min_js, "&&")], g, timeout=300)
    cap("cat-ip-lib-source", "cat lib/ip/lib/ip.js", g, n_source)
    cap("cat-seamless-immutable-source", "cat node_modules/seamless-immutable/src/seamless-immutable.js", g,
        n_source)


def npm(tmp: Path) -> None:
    g = tmp / "blockroom"
    for pkg in ("ip", "json-pointer", "chai", "mocha"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "feltledger"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "feltledger", "version": "0.9.1", "private": True,
                                               "scripts": {"test": "mocha test/", "lint": "eslint ."}}, indent=2)
                   + "\n"})
    run("npm install --no-audit --no-fund ip@1.1.5 json-pointer@0.6.2 seamless-immutable@5.0.1 2>&1 && "
        "npm install --no-audit --no-fund -D chai@1.10.0 mocha@10.2.0 eslint@8.57.0 esbuild@0.19.12 2>&1",
        cwd=q, timeout=400)
    cap("package-json-cat-feltledger-eslint", "cat node_modules/eslint/package.json", q, n_package_json)
    cap("package-lock-feltledger", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-feltledger", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-cd-jq-lock-tsv-sort", "chain-read-then-grep", "pkg",
          [Part("cd feltledger", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | sort -k3,3 -k1,1", n_jq, "&&")], tmp)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["ip"] = "^2.0.0"
    pj["dependencies"]["hatband"] = "^1.4.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/json-pointer node_modules/foreach && cp -r node_modules/ip node_modules/planker && "
        "sed -i 's/\"name\": \"ip\"/\"name\": \"planker\"/' node_modules/planker/package.json", cwd=q)
    cap("npm-ls-all-feltledger-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "blockroom"
    cap("node-uncaught-napcheck", "node scripts/napcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-napcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {JP_TEST} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/napcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
