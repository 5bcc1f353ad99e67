"""Round 709, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites
(big-rat 1.0.4: its 17 modules and its tape suite of 17 files `test/*.js`, bn.js, bit-twiddle and double-bits installed
with it, signum for its suite; compare-cell 1.0.0: `compare.js` and its tape suite `test/basic.js`, `test/brute.js`,
`test/stability.js`, shuffle-array 0.1.0 for it), copied into an osier grower's app (`osieryard`) with a few bugs put
in by capture_material.put_bugs, the shipped suites run unchanged against the broken copy with mocha, jest, vitest and
node --test (`require("tape")` met by round 664's shim, imported); eslint (stylish, json) with round 313's config
(imported); tsc --noEmit, pretty off and on, over a strict-mode app (`holtbench`, round 313's strict tsconfig,
imported) and with checkJs over the copy; esbuild and rollup builds failing (round 484's `kiln_sections`, imported,
called with this round's words and seed 70910); npm view --json and npm outdated; a real install at old pinned
versions (`rodstore`) whose package.json and package-lock.json are cat'ed and queried with jq, then broken by hand for
npm ls --all; source and minified bundles cat'ed; node crashing (`peelcheck`). Each kind's extractor is an earlier
round's, imported; a chain's from each part's own (round 9b). The layout follows round 701's module; run through
capture_wide709.py."""

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
from capture_wide634_js import NODE_TEST_SETUP
from capture_wide664_js import TAPE_SHIM
from capture_wide6_new import n_eslint_json, n_rollup
from capture_wide9b import Part, chain, n_source, n_status_echo
from capture_wide9b_chains import n_package_json
from capture_wide709 import JS, cap

NM = JS / "node_modules"
SEED = 70910

BR = "lib/big-rat"
CC = "lib/compare-cell"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# big-rat: cmp cross-multiplies b's numerator by b's own denominator (right for integers, wrong for fractions).
# compare-cell: the three-vertex case subtracts b's second vertex where its third belongs.
BUGS = [(f"{BR}/cmp.js", "    return a[0].mul(b[1]).cmp(b[0].mul(a[1]))\n",
         "    return a[0].mul(b[1]).cmp(b[0].mul(b[1]))\n"),
        (f"{CC}/compare.js", "      t = l1+a[2] - (m1+b[2])\n", "      t = l1+a[2] - (m1+b[1])\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

HOLT_JS = """import rat from "../lib/big-rat/index.js";
import cmp from "../lib/big-rat/cmp.js";
import compareCells from "../lib/compare-cell/compare.js";

const holts = { "long-bed": [3, 4, 5], "wet/north": [2], "basket-rods": 7, "brown": [1, 9], "long-bed": [0] };
export function cut(holt, rods) {
  var beds = holts[holt];
  for (var key in holts) {
    if (holt == undefined) holt = key;
  }
  const unused = holts.length * 2;
  var longer = 0;
  rods.forEach(function (r, i) { if (cmp(rat(r.length), rat(6, 4)) > 0) longer++; r.bundle = i; });
  if (beds == null) return "no holt " + holt;
  else return longer + " withies over " + beds.length + " beds";
}
export const sortBundles = function (grower, bundles) {
  var d = compareCells(bundles[0], bundles[1]);
  var seen = 0;
  [d].forEach(function () { seen++ });
  return seen == true ? grower + " " + d.toString() : "no order for " + grower;
};
export function peelTally(bundles, holt, season) {
  let n = 0;
  bundles.forEach(function (b) { if (b.bark != "") n++; });
  while (n = bundles.length) { n--; }
  if (n) {}
  return n ? bundles : null;
}
"""

MAIN_JS = """import { cut, sortBundles } from "./holt.js";
import { withy } from "./withy.js";

export const report = [cut("long-bed", [{ length: 2 }]), sortBundles("Ned", [[0, 1, 2], [2, 0, 1]]), withy(3)];
"""

WITHY_JS = """import rat from "../lib/big-rat/index.js";

export function withy(feet) {
  const r = rat(feet, 3);
  return [r].find(Object.keys(r f 2.from("osier")));
}
"""

HOLTBENCH_TS = """import rat from '../lib/big-rat/index.js'
import cmp from '../lib/big-rat/cmp.js'
import compareCells from '../lib/compare-cell/compare.js'

interface Bundle { holt: string; rods: number; tied?: { girth: number; tarred: boolean }; cut?: Date }
interface Grower { name: string; bundlesPerWeek: number; mark?: { text: string } }

export function girths(bs: Bundle[]): string[] {
  return bs.map((b) => b.tied.girth.toFixed(b.tied.tarred))
}

export const reach = (g: Grower): number => rat(g.name).length + g.bundlesPerWeek.toFixed(2)
export const order = (g: Grower): number => compareCells(g.mark.text, [1, 2], [3, 4]).length
export const tall = (b: Bundle): boolean => b.rods.toString(2).padStart(b.holt)
export const cutOn = (b: Bundle) => b.cut.toUTCString()
export const sign: string = [rat, cmp].join(12, 3)
export const markWord = (g: Grower): string => g.mark.text.split(' ')[1].toFixed(g.name)
export const pair = (g: Grower): [number, string] => [g.name.length, g.name.at(-1), g.bundlesPerWeek]
export const same = (a: Bundle, b: Bundle): Date => a.rods === b.holt
export const bundles: Bundle[] = [{ holt: 'long-bed', rods: 40 }, { holt: 'wet' }, 'brown', { holt: 'buff', rods: '60' }]
export function grade(rods: number): string { if (rods > 45) return 'long' }
export const lengths = cmp([[1, 2]], 'rods').slice('0')
export const knot: number = rat[3]([0, 0], [1, 1], (a: string, b: string) => a.localeCompare(b))
"""

PEELCHECK_JS = """// peelcheck: the osier grower's check of each bundle before it goes to the basket makers: the rods, as exact
// fractions of a yard (big-rat), must come out longest first, and the three withies of each tie must sort apart
// (compare-cell)
const rat = require("../lib/big-rat/index.js");
const cmp = require("../lib/big-rat/cmp.js");
const compareCells = require("../lib/compare-cell/compare.js");

class BundleError extends Error {}

const holt = { bundles: [ { name: "long-bed 1", rods: [[5, 1], [4, 1], [3, 1]], ties: [[0, 1, 2], [3, 4, 5]] },
                          { name: "wet/north 4", rods: [[7, 4], [3, 2], [5, 4]], ties: [[0, 1, 5], [1, 2, 4]] },
                          { name: "brown 9", rods: [[9, 8], [7, 8]], ties: [[1, 2, 3], [0, 2, 4]] } ] };

function grade(i) {
  const b = holt.bundles[i];
  for (let k = 1; k < b.rods.length; k++) {
    const d = cmp(rat(b.rods[k - 1][0], b.rods[k - 1][1]), rat(b.rods[k][0], b.rods[k][1]));
    if (d <= 0) throw new RangeError(`bundle ${b.name}: rod ${k} (${b.rods[k].join("/")} yd) is not shorter than rod ${k - 1} (${b.rods[k - 1].join("/")} yd), cmp gave ${d}`);
  }
  const t = compareCells(b.ties[0], b.ties[1]);
  if (t === 0) throw new RangeError(`bundle ${b.name}: ties ${b.ties[0].join(",")} and ${b.ties[1].join(",")} compare equal`);
  return `${b.rods.length} rods graded, ties ${t < 0 ? "in order" : "swapped"}`;
}

function check(i) {
  try {
    return grade(i);
  } catch (e) {
    throw new BundleError(`check of ${holt.bundles[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < holt.bundles.length; i++) {
  console.log(holt.bundles[i].name, check(i));
}
"""

OSIER_WORDS = ["osier", "withy", "holt", "rod-bundle", "peeler", "brake", "buff-rod", "brown-rod", "white-rod", "stool",
               "boiling-tank", "sorting-bench", "tie", "grower", "basket-maker"]

BR_TESTS = f"{BR}/test/*.js"
CC_TESTS = f"{CC}/test/*.js"
TESTS = f"{BR_TESTS} {CC_TESTS}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"
PKGS = (("big-rat", None), ("compare-cell", ["compare.js", "package.json", "test"]))


def osieryard(tmp: Path) -> Path:
    root = tmp / "osieryard"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "osieryard", "version": "1.6.0", "main": f"{BR}/index.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/lib/*/test/*.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/*/test/*.js"] } };\n',
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/holt.js": HOLT_JS, "app/main.js": MAIN_JS, "app/withy.js": WITHY_JS,
             "scripts/peelcheck.js": PEELCHECK_JS}
    write_tree(root, files)
    for pkg, parts in PKGS:
        d = root / "lib" / pkg
        d.mkdir(parents=True, exist_ok=True)
        for f in parts or [p.name for p in (NM / pkg).iterdir() if p.name != "node_modules"]:
            if (NM / pkg / f).exists():
                (shutil.copytree if (NM / pkg / f).is_dir() else shutil.copy)(NM / pkg / f, d / f)
        write_tree(d, {"node_modules/tape/index.js": TAPE_SHIM,
                       "node_modules/tape/package.json": '{"name": "tape", "version": "0.0.0-shim", "main": "index.js"}\n'})
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def tests(tmp: Path) -> None:
    g = osieryard(tmp)
    cap("mocha-big-rat-compare-cell-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("jest-big-rat-compare-cell-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-coverage-osieryard", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=300)
    cap("vitest-big-rat-compare-cell-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("node-test-osieryard-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=300)
    cap("node-test-spec-compare-cell-suite", f"{NODE_TEST} --test-reporter=spec {CC_TESTS} 2>&1", g, n_node_test,
        timeout=300)
    chain("chain-cd-vitest-verbose-big-rat-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd osieryard", None),
           Part(f"npx vitest run --reporter=verbose {BR} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "osieryard"
    cap("eslint-stylish-osieryard-app-lib", f"npx eslint app {BR}/*.js {CC}/compare.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-osieryard-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-osieryard-libs-suites", f"npx eslint -f json app {BR} {CC} 2>&1", g, n_eslint_json,
        timeout=300)
    chain("chain-cd-eslint-suites-osieryard-tail-exit", "chain-lint-exit", "lint",
          [Part("cd osieryard", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-big-rat-compare-cell-osieryard", f"npx tsc {js_flags} {BR}/*.js {CC}/compare.js "
        "app/holt.js scripts/peelcheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-deps", f"npx tsc --pretty {js_flags} {BR}/lib/*.js {CC}/compare.js "
        "node_modules/double-bits/double.js node_modules/bit-twiddle/twiddle.js node_modules/signum/sgn.js "
        "scripts/peelcheck.js app/holt.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "holtbench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "holtbench", "version": "0.3.8", "type": "module"},
                                              indent=2) + "\n", "ts/holtbench.ts": HOLTBENCH_TS,
                   "app/holt.js": HOLT_JS, "eslint.config.js": ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-holtbench-app-only", f"npx tsc {ts_flags} ts/holtbench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-holtbench-app-only", f"npx tsc --pretty {ts_flags} ts/holtbench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-holtbench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-holtbench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-holtbench", "chain-lint-typecheck", "lint",
          [Part("cd holtbench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


# cat'ed files of the installed tools (chosen by path and file size before the capture, none cat'ed in rounds 664-701)
MIN_CATS = [("cat-js-yaml-umd-min-js", "node_modules/mocha/node_modules/js-yaml/dist/browser/js-yaml.umd.min.js"),
            ("cat-nonrecursive-glob-match-min-js", "node_modules/@isaacs/nonrecursive-glob-match/dist/commonjs/index.min.js"),
            ("cat-test-exclude-lru-cache-min-js", "node_modules/test-exclude/node_modules/lru-cache/dist/esm/index.min.js")]
SRC_CATS = [("cat-bn-js-source", "node_modules/bn.js/lib/bn.js"),
            ("cat-eslint-no-loop-func-rule-source", "node_modules/eslint/lib/rules/no-loop-func.js"),
            ("cat-eslint-array-callback-return-rule-source", "node_modules/eslint/lib/rules/array-callback-return.js"),
            ("cat-eslint-no-unreachable-rule-source", "node_modules/eslint/lib/rules/no-unreachable.js"),
            ("cat-bit-twiddle-source", "node_modules/bit-twiddle/twiddle.js")]


def builds(tmp: Path) -> None:
    g = tmp / "osieryard"
    r484.SEED, r484.WORKS_WORDS = SEED, OSIER_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-osieryard-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-osieryard-app-scripts-libs", f"npx eslint -f json app scripts {BR}/*.js {CC}/*.js 2>&1", g,
        n_eslint_json, timeout=300)
    cap("esbuild-bundle-osieryard-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-osieryard-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-big-rat-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {BR}/index.js --bundle --minify --format=cjs --outfile=dist/big-rat.min.js "
                "2>/dev/null", None),
           Part("cat dist/big-rat.min.js", n_min_js, "&&")], g, timeout=300)
    for item, path in MIN_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_min_js)
    cap("cat-compare-cell-source", f"cat {CC}/compare.js", g, n_source)
    cap("cat-big-rat-to-float-source", f"cat {BR}/to-float.js", g, n_source)
    for item, path in SRC_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "osieryard"
    for pkg in ("big-rat", "compare-cell", "bn.js", "jest"):
        cap(f"npm-view-{pkg.replace('.', '-')}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    cap("npm-ls-osieryard-extraneous", "npm ls 2>&1", g, n_npm_ls, timeout=120)
    q = tmp / "rodstore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "rodstore", "version": "0.5.3", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund big-rat@1.0.2 compare-cell@1.0.0 bn.js@4.11.6 bit-twiddle@0.0.2 "
        "signum@0.0.0 shuffle-array@0.1.0 2>&1 && npm install --no-audit --no-fund -D "
        "mocha@10.2.0 eslint@8.56.0 typescript@5.3.3 2>&1", cwd=q, timeout=400)
    cap("package-json-cat-rodstore-eslint", "cat node_modules/eslint/package.json", q, n_package_json)
    cap("package-lock-rodstore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-rodstore", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["compare-cell"] = "^2.0.0"
    pj["dependencies"]["withy-gauge"] = "^0.9.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/ms node_modules/once && cp -r node_modules/signum node_modules/rod-sign && "
        "sed -i 's/\"name\": \"signum\"/\"name\": \"rod-sign\"/' node_modules/rod-sign/package.json", cwd=q)
    cap("npm-ls-all-rodstore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "osieryard"
    cap("node-uncaught-peelcheck", "node scripts/peelcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-peelcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {CC_TESTS} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/peelcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, crash, lint, builds, npm]
