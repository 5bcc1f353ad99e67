"""Round 634, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites (polynomial
1.4.5: `polynomial.js` and its mocha suite `tests/polynomial.test.js` on assert; bit-twiddle 1.0.2: `twiddle.js` and
its tape suites `test/*.js`), copied into an organ builder's app (`voicingroom`) with a few bugs put in by
capture_material.put_bugs, the shipped suites run unchanged against the broken copy with mocha, jest, vitest and
node --test (bit-twiddle's `require("tape")` met by a small shim in the copy's node_modules that maps tape's test onto
the runner's global `it`); eslint (stylish, json) over the copy and app with round 313's config (imported); tsc
--noEmit, pretty off and on, over a strict-mode app (`windchest`, round 313's strict tsconfig, imported) and with
checkJs over the copy; esbuild and rollup builds failing (round 484's `kiln_sections`, imported, called with this
round's words and seed 63410); npm view --json and npm outdated; a real install at old pinned versions (`pipeshop`)
whose package.json and package-lock.json are cat'ed and queried with jq, then broken by hand for npm ls --all; source
and minified bundles cat'ed; node crashing (`stopcheck`). Each kind's extractor is an earlier round's, imported; a
chain's from each part's own (round 9b). The layout follows round 627's module; run through capture_wide634.py."""

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
from capture_wide634 import JS, cap

NM = JS / "node_modules"
SEED = 63410

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# polynomial: eval() stops before the constant term; derive() drops the term of degree n.
# bit-twiddle: log10 takes 100 for one digit less; countTrailingZeros steps 4 instead of 8 on the byte mask.
BUGS = [("lib/polynomial/polynomial.js", "for (var i = n - 1; i >= 0; i--)", "for (var i = n - 1; i > 0; i--)"),
        ("lib/polynomial/polynomial.js", "if (+i >= n)", "if (+i > n)"),
        ("lib/bit-twiddle/twiddle.js", "(v >= 100) ? 2", "(v > 100) ? 2"),
        ("lib/bit-twiddle/twiddle.js", "if (v & 0x00FF00FF) c -= 8;", "if (v & 0x00FF00FF) c -= 4;")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

# bit-twiddle's suites are tape's: `test(name, function (t) { t.equal(..); t.ok(..); t.end(); })`; this shim, in the
# copy's own node_modules, runs each as one test of the host runner (its global `it`); the test files stay unchanged
TAPE_SHIM = """// tape shim: each tape test runs as one test of the host runner (mocha, jest, vitest, node:test's global it)
var assert = require("assert");
module.exports = function test(name, fn) {
  globalThis.it(name, function () {
    var t = { equal: function (a, b, msg) { assert.strictEqual(a, b, msg); },
              ok: function (v, msg) { assert.ok(v, msg); }, end: function () {} };
    fn(t);
  });
};
"""
NODE_TEST_SETUP = """// the shipped suites are mocha's BDD style and tape's (through the shim): node:test's functions as globals
import { test, describe, it, before, after, beforeEach, afterEach } from "node:test";
Object.assign(globalThis, { test, describe, it, before, after, beforeEach, afterEach });
"""

RANKS_JS = """import Poly from "../lib/polynomial/polynomial.js";
import bits from "../lib/bit-twiddle/twiddle.js";

const ranks = { "principal-8": "x^3-2x+1", "open/diapason": "2x^2+x", "trumpet": [8], "bourdon": "x-1", "principal-8": "x" };
export function voice(rank, pipes) {
  var curve = ranks[rank];
  for (var key in ranks) {
    if (rank == undefined) rank = key;
  }
  const unused = ranks.length * 2;
  var p = Poly(curve);
  pipes.forEach(function (pipe) { pipe.scale = bits.log2(pipe.length) + p.eval(pipe.mouth); });
  if (curve == null) return "no rank " + rank;
  else return p.degree() + " degree voicing for " + pipes.length + " pipes";
}
export const windPressure = function (voicer, inches) {
  const q = Poly([inches, 1, 2]).derive(1);
  return q.eval(inches) == true ? voicer + " " + q.toString() : "bad wind for " + voicer;
};
export function pipeTally(pipes, tin, lead) {
  let n = 0;
  pipes.forEach(function (p) { if (p.mouth != "") n++; });
  while (n = pipes.length) { n--; }
  if (n) {}
  return n ? pipes : null;
}
"""

MAIN_JS = """import { voice, windPressure } from "./ranks.js";
import { chest } from "./chest.js";
import { tremulant } from "./tremulant.js";

export const report = [voice("principal-8", [{ length: 64, mouth: 2 }]), windPressure("Hill", 3), chest(4), tremulant()];
"""

CHEST_JS = """import bits from "../lib/bit-twiddle/twiddle.js";

export function chest(n) {
  const pallets = bits.nextPow2(n * 12);
  return bits.popCount(Object.keys(pallets n 2.from("slider")));
}
"""

WINDCHEST_TS = """import Poly from '../lib/polynomial/polynomial.js'
import bits from '../lib/bit-twiddle/twiddle.js'

interface Pipe { note: string; length: number; mouth?: { width: number; cutUp: number }; voiced?: Date }
interface Voicer { name: string; perDay: number; rank?: { curve: string } }

export function scaleSheet(ps: Pipe[]): string[] {
  return ps.map((p) => p.mouth.width.toFixed(p.mouth.cutUp > 1))
}

export const lift = (v: Voicer): number => bits.log2(v.name) + v.perDay.toFixed(2)
export const curveOf = (v: Voicer): number => Poly(v.rank.curve).degree()
export const tuned = (p: Pipe): boolean => p.length.toString(2).padStart(p.note)
export const voicedOn = (p: Pipe) => p.voiced.toUTCString()
export const mark: string = [bits.INT_MAX, bits.INT_MIN].join(16, 2)
export const rankName = (v: Voicer): string => v.rank.curve.split('x')[1].toFixed(v.name)
export const pair = (v: Voicer): [number, string] => [v.name.length, v.name.at(-1), v.perDay]
export const same = (a: Pipe, b: Pipe): Date => a.length === b.note
export const stops: Pipe[] = [{ note: 'C', length: 8 }, { note: 'D' }, 'E', { note: 'F', length: '4' }]
export function wind(inches: number): string { if (inches > 3) return 'high' }
"""

STOPCHECK_JS = """// stopcheck: the voicer's weekly check; each stop's regulation curve is a polynomial evaluated at the pipe's
// mouth height, and each rank's pipe count is checked against the chest's pallet width with bit-twiddle
const Poly = require("../lib/polynomial/polynomial.js");
const bits = require("../lib/bit-twiddle/twiddle.js");

class StopError extends Error {}

const chest = { stops: [ { name: "open diapason 8", curve: "x^2+2x+3", mouth: 2, pipes: 61 },
                         { name: "stopped/flute 4", curve: "3x^3-x+5", mouth: 1, pipes: 64 },
                         { name: "principal~2", curve: "x^2+7", mouth: 4, pipes: 100 },
                         { name: "trumpet 8", curve: "2x-1", mouth: 3, pipes: 56 } ] };

function regulate(i) {
  const stop = chest.stops[i];
  const p = Poly(stop.curve);
  const want = Number(p.toString().match(/[+-]\\d+$/)[0]);
  const got = p.eval(0);
  const width = bits.log10(stop.pipes) + 1;
  if (Number(got) !== want) {
    throw new RangeError(`stop ${stop.name}: curve ${p.toString()} gives ${got} at 0, wanted ${want} (${width} digit pipe count)`);
  }
  return `${stop.pipes} pipes (${width} digits), curve ${p.toString()}, at mouth ${p.eval(stop.mouth)}`;
}

function check(i) {
  try {
    return regulate(i);
  } catch (e) {
    throw new StopError(`check of ${chest.stops[i].name} failed`, { cause: e });
  }
}

Poly.setField("Q");
for (let i = 0; i < chest.stops.length; i++) {
  console.log(chest.stops[i].name, check(i));
}
"""

ORGAN_WORDS = ["windchest", "pallet", "slider", "rank", "reed", "flue", "bellows", "tremulant", "bourdon", "diapason",
               "mixture", "swell", "console", "tracker", "voicer"]

P_TEST = "lib/polynomial/tests/polynomial.test.js"
B_TESTS = "lib/bit-twiddle/test/*.js"
B_TEST = "lib/bit-twiddle/test/test.js"
TESTS = f"{P_TEST} {B_TESTS}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"


def voicingroom(tmp: Path) -> Path:
    root = tmp / "voicingroom"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "voicingroom", "version": "1.4.5", "main": "lib/polynomial/polynomial.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/lib/polynomial/tests/*.test.js",
                                                                "**/lib/bit-twiddle/test/*.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/polynomial/tests/*.test.js", '
                                  '"lib/bit-twiddle/test/*.js"] } };\n',
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/ranks.js": RANKS_JS, "app/main.js": MAIN_JS, "app/chest.js": CHEST_JS,
             "scripts/stopcheck.js": STOPCHECK_JS}
    write_tree(root, files)
    for pkg, parts in (("polynomial", ["polynomial.js", "polynomial.min.js", "package.json", "tests", "examples"]),
                       ("bit-twiddle", ["twiddle.js", "package.json", "test"])):
        d = root / "lib" / pkg
        d.mkdir(parents=True, exist_ok=True)
        for f in parts:
            if (NM / pkg / f).exists():
                (shutil.copytree if (NM / pkg / f).is_dir() else shutil.copy)(NM / pkg / f, d / f)
    write_tree(root, {"lib/bit-twiddle/node_modules/tape/index.js": TAPE_SHIM,
                      "lib/bit-twiddle/node_modules/tape/package.json": '{"name": "tape", "version": "0.0.0-shim", '
                                                                         '"main": "index.js"}\n'})
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def tests(tmp: Path) -> None:
    g = voicingroom(tmp)
    cap("mocha-polynomial-bit-twiddle-own-suites-voicingroom", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("mocha-both-suites-full-trace", f"npx mocha {TESTS} --full-trace 2>&1", g, n_mocha, timeout=300)
    cap("jest-polynomial-bit-twiddle-own-suites-voicingroom", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-voicingroom-head", "npx jest --ci --verbose 2>&1 | head -n 700", g, n_jest, timeout=300)
    cap("vitest-polynomial-bit-twiddle-own-suites-voicingroom", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("node-test-polynomial-bit-twiddle-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=300)
    cap("node-test-polynomial-spec", f"{NODE_TEST} --test-reporter=spec {P_TEST} 2>&1", g, n_node_test,
        timeout=300)
    chain("chain-cd-vitest-verbose-polynomial-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd voicingroom", None),
           Part("npx vitest run --reporter=verbose lib/polynomial 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-node-test-spec-both-suites-tail-exit", "chain-test-exit", "test",
          [Part(f"{NODE_TEST} --test-reporter=spec {TESTS} 2>&1 | tail -n 400", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "voicingroom"
    cap("eslint-stylish-voicingroom-app-lib", "npx eslint app lib/polynomial/polynomial.js lib/bit-twiddle/twiddle.js "
        "scripts 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-voicingroom-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-voicingroom-polynomial", "npx eslint -f json app lib/polynomial/polynomial.js 2>&1", g,
        n_eslint_json, timeout=300)
    cap("eslint-json-bit-twiddle", "npx eslint -f json lib/bit-twiddle/twiddle.js lib/bit-twiddle/test 2>&1", g,
        n_eslint_json, timeout=300)
    chain("chain-cd-eslint-tests-voicingroom-tail-exit", "chain-lint-exit", "lint",
          [Part("cd voicingroom", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("tsc-checkjs-polynomial-bit-twiddle-voicingroom", "npx tsc --noEmit --strict --allowJs --checkJs "
        "--target es2022 --module nodenext --moduleResolution nodenext lib/polynomial/polynomial.js "
        "lib/bit-twiddle/twiddle.js app/ranks.js scripts/stopcheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-checkjs-own-suites", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-bit-twiddle-suites", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target "
        f"es2022 --module nodenext --moduleResolution nodenext {B_TESTS} 2>&1 | head -n 600", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-polynomial-source-suite", "npx tsc --noEmit --pretty --strict --allowJs --checkJs "
        f"--target es2022 --module nodenext --moduleResolution nodenext lib/polynomial/polynomial.js {P_TEST} 2>&1",
        g, n_tsc, timeout=300)
    cap("eslint-json-voicingroom-polynomial-with-suite", "npx eslint -f json app scripts lib/polynomial 2>&1", g,
        n_eslint_json, timeout=300)
    t = tmp / "windchest"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "windchest", "version": "1.0.2", "type": "module"},
                                              indent=2) + "\n", "ts/windchest.ts": WINDCHEST_TS,
                   "app/ranks.js": RANKS_JS, "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-windchest-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/windchest.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-windchest-app-only", "npx tsc --noEmit --pretty --strict --target es2022 --module "
        "nodenext --moduleResolution nodenext ts/windchest.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-windchest-head", "npx tsc --noEmit 2>&1 | head -n 250", t, n_tsc, timeout=300)
    cap("tsc-pretty-windchest-head", "npx tsc --noEmit --pretty 2>&1 | head -n 600", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-windchest", "chain-lint-typecheck", "lint",
          [Part("cd windchest", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "voicingroom"
    # round 484's generator with this round's words and seed (its module constants, set before the call, as rounds
    # 500-627 did); its sections import ../../lib/numeral.js and ../../lib/vec3.js, which voicingroom lacks
    r484.SEED, r484.WORKS_WORDS = SEED, ORGAN_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-voicingroom-whole", "npx eslint app scripts lib/polynomial lib/bit-twiddle/twiddle.js "
        "lib/bit-twiddle/test 2>&1", g, n_eslint, timeout=300)
    cap("esbuild-bundle-voicingroom-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-voicingroom-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-voicingroom-main-exit", "npx esbuild app/main.js app/ranks.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-esbuild-minify-polynomial-cat", "chain-build-run", "code",
          [Part("npx esbuild lib/polynomial/polynomial.js --bundle --minify --platform=node "
                "--outfile=dist/polynomial.min.js 2>/dev/null", None),
           Part("cat dist/polynomial.min.js", n_min_js, "&&")], g, timeout=300)
    cap("cat-polynomial-min-js", "cat lib/polynomial/polynomial.min.js", g, n_min_js)
    cap("cat-polynomial-source", "cat lib/polynomial/polynomial.js", g, n_source)
    cap("cat-bit-twiddle-source", "cat lib/bit-twiddle/twiddle.js", g, n_source)
    cap("cat-big-integer-source", "cat node_modules/big-integer/BigInteger.js", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "voicingroom"
    for pkg in ("polynomial", "bit-twiddle", "big-integer"):
        cap(f"npm-view-{pkg.replace('.', '-')}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "pipeshop"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "pipeshop", "version": "0.9.1", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund polynomial@1.4.3 bit-twiddle@0.0.2 big-integer@1.6.40 2>&1 && "
        "npm install --no-audit --no-fund -D mocha@10.2.0 eslint@8.57.0 esbuild@0.19.12 2>&1",
        cwd=q, timeout=400)
    cap("package-json-cat-pipeshop-eslint", "cat node_modules/eslint/package.json", q, n_package_json)
    cap("package-lock-pipeshop", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-pipeshop", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-cd-jq-lock-tsv-sort", "chain-read-then-grep", "pkg",
          [Part("cd pipeshop", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | sort -k3,3 -k1,1", n_jq, "&&")], tmp)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["bit-twiddle"] = "^2.0.0"
    pj["dependencies"]["tremulant"] = "^1.4.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/big-integer node_modules/fraction.js && cp -r node_modules/bit-twiddle "
        "node_modules/swellbox && sed -i 's/\"name\": \"bit-twiddle\"/\"name\": \"swellbox\"/' "
        "node_modules/swellbox/package.json", cwd=q)
    cap("npm-ls-all-pipeshop-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "voicingroom"
    cap("node-uncaught-stopcheck", "node scripts/stopcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-stopcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {B_TESTS} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/stopcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
