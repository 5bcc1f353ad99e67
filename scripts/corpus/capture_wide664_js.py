"""Round 664, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites
(simplicial-complex 1.0.0: `topology.js` and its tape suite `test/test.js`, its dependencies bit-twiddle and
union-find installed with it; robust-sum 1.0.0: `robust-sum.js` and its tape suite `test/test.js`, whose dev
dependency validate-robust-sequence, not on the registry here, is met by a small module written into the copy),
copied into a chainmaker's app (`chainshop`) with a few bugs put in by capture_material.put_bugs, the shipped suites
run unchanged against the broken copy with mocha, jest, vitest and node --test (`require("tape")` met by a small shim
in the copy's node_modules, rounds 634's, 647's and 655's pattern, widened so a tape test without a name runs); eslint
(stylish, json) with round 313's config (imported); tsc --noEmit, pretty off and on, over a strict-mode app
(`linkbench`, round 313's strict tsconfig, imported) and with checkJs over the copy; esbuild and rollup builds failing
(round 484's `kiln_sections`, imported, called with this round's words and seed 66410); npm view --json and npm
outdated; a real install at old pinned versions (`anvilstore`) whose package.json and package-lock.json are cat'ed and
queried with jq, then broken by hand for npm ls --all; source and minified bundles cat'ed; node crashing
(`proofcheck`). Each kind's extractor is an earlier round's, imported; a chain's from each part's own (round 9b). The
layout follows round 655's module; run through capture_wide664.py."""

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
from capture_wide6_new import n_eslint_json, n_rollup
from capture_wide9b import Part, chain, n_source, n_status_echo
from capture_wide9b_chains import n_package_json
from capture_wide664 import JS, cap

NM = JS / "node_modules"
SEED = 66410

SC = "lib/simplicial-complex"
RS = "lib/robust-sum"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# simplicial-complex: dimension() counts a cell's vertices less one before taking the complex's dimension (one too
#   low), and countVertices() starts from 0 (an empty complex has one vertex).
# robust-sum: the expansion's last-but-one component is dropped whenever a larger one follows it.
BUGS = [(f"{SC}/topology.js", "d = max(d, cells[i].length)", "d = max(d, cells[i].length - 1)"),
        (f"{SC}/topology.js", "var vc = -1", "var vc = 0"),
        (f"{RS}/robust-sum.js", "if(q0) {\n    g[count++] = q0", "if(q0 && !q1) {\n    g[count++] = q0")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

# the suites are tape's: `tape(name, function (t) {...})`, robust-sum's `require("tape")(function (t) {...})` without
# a name (tape calls it "(anonymous)"); each runs as one test of the host runner (its global `it`); test files unchanged
TAPE_SHIM = """// tape shim: each tape test runs as one test of the host runner (mocha, jest, vitest, node:test's global it)
var assert = require("assert");
module.exports = function test(name, fn) {
  if (typeof name === "function") { fn = name; name = "(anonymous)"; }
  globalThis.it(name, function () {
    var t = { equal: function (a, b, msg) { assert.strictEqual(a, b, msg); },
              equals: function (a, b, msg) { assert.strictEqual(a, b, msg); },
              same: function (a, b, msg) { assert.deepStrictEqual(a, b, msg); },
              deepEqual: function (a, b, msg) { assert.deepStrictEqual(a, b, msg); },
              ok: function (v, msg) { assert.ok(v, msg); }, assert: function (v, msg) { assert.ok(v, msg); },
              end: function () {} };
    fn(t);
  });
};
"""

# robust-sum's suite asks validate-robust-sequence whether a result is a valid expansion: finite components, non-zero
# unless alone, magnitudes strictly increasing
VALIDATE_SHIM = """// stand-in for validate-robust-sequence (not on the registry this machine reaches)
module.exports = function validateRobustSequence(seq) {
  if (!Array.isArray(seq) || seq.length === 0) return false;
  if (seq.length === 1) return isFinite(seq[0]);
  for (var i = 0; i < seq.length; ++i) {
    if (!isFinite(seq[i]) || seq[i] === 0) return false;
    if (i > 0 && Math.abs(seq[i - 1]) >= Math.abs(seq[i])) return false;
  }
  return true;
};
"""

LINKS_JS = """import top from "../lib/simplicial-complex/topology.js";
import robustSum from "../lib/robust-sum/robust-sum.js";

const links = { "stud-22": [[0, 1], [1, 2]], "open/short": [[2, 3]], "shackle": 5, "swivel": [[4]], "stud-22": [[0]] };
export function forge(link, heats) {
  var cells = links[link];
  for (var key in links) {
    if (link == undefined) link = key;
  }
  const unused = links.length * 2;
  var load = [0];
  heats.forEach(function (h, i) { load = robustSum(load, [h.weight]); h.rank = top.dimension(cells) + i; });
  if (cells == null) return "no link " + link;
  else return load.length + " heats over " + top.countVertices(cells) + " links";
}
export const proof = function (chainmaker, tons) {
  const parts = top.connectedComponents([[0, 1], [1, 2], [5, 6]]);
  var hits = 0;
  parts.forEach(function () { hits++ });
  return hits == true ? chainmaker + " " + tons.toString() : "no proof for " + chainmaker;
};
export function heatTally(heats, oliver, anvil) {
  let n = 0;
  heats.forEach(function (h) { if (h.iron != "") n++; });
  while (n = heats.length) { n--; }
  if (n) {}
  return n ? heats : null;
}
"""

MAIN_JS = """import { forge, proof } from "./links.js";
import { oliver } from "./oliver.js";
import { hearth } from "./hearth.js";

export const report = [forge("stud-22", [{ weight: 2.5, iron: "wrought" }]), proof("Ada", 12), oliver(4), hearth()];
"""

OLIVER_JS = """import top from "../lib/simplicial-complex/topology.js";

export function oliver(n) {
  const strokes = top.skeleton([[0, 1, n]], 1);
  return strokes.find(Object.keys(strokes n 2.from("anvil")));
}
"""

LINKBENCH_TS = """import top from '../lib/simplicial-complex/topology.js'
import robustSum from '../lib/robust-sum/robust-sum.js'

interface Heat { iron: string; weight: number; weld?: { scarf: number; passes: number }; forged?: Date }
interface Chainmaker { name: string; perShift: number; hearth?: { anvil: string } }

export function weldSheet(hs: Heat[]): string[] {
  return hs.map((h) => h.weld.scarf.toFixed(h.weld.passes > 1))
}

export const reach = (c: Chainmaker): number => top.countVertices(c.name) + c.perShift.toFixed(2)
export const load = (c: Chainmaker): number => robustSum(c.hearth.anvil, [1]).length
export const fine = (h: Heat): boolean => h.weight.toString(2).padStart(h.iron)
export const forgedOn = (h: Heat) => h.forged.toUTCString()
export const mark: string = [top.dimension, robustSum].join(16, 2)
export const anvilName = (c: Chainmaker): string => c.hearth.anvil.split('x')[1].toFixed(c.name)
export const pair = (c: Chainmaker): [number, string] => [c.name.length, c.name.at(-1), c.perShift]
export const same = (a: Heat, b: Heat): Date => a.weight === b.iron
export const heats: Heat[] = [{ iron: 'wrought', weight: 8 }, { iron: 'mild' }, 'stud', { iron: 'cable', weight: '4' }]
export function gauge(mm: number): string { if (mm > 3) return 'heavy' }
export const cells = top.normalize([[1, 2]], 'links').slice('0')
export const found: number = top.findCell([[1, 2, 3]], [2], (a: string, b: string) => a.localeCompare(b))
"""

PROOFCHECK_JS = """// proofcheck: the chainmaker's weekly proof; each length of chain is a complex of links (cells of vertex ids),
// whose dimension must be the grade's and whose proof load is summed exactly from the heats' loads
const top = require("../lib/simplicial-complex/topology.js");
const robustSum = require("../lib/robust-sum/robust-sum.js");

class ProofError extends Error {}

const works = { lengths: [ { name: "stud 22", cells: [[0, 1], [1, 2], [2, 3]], grade: 1, loads: [1.5, 2.25] },
                           { name: "short/13", cells: [[0, 1], [1, 2]], grade: 1, loads: [0.75] },
                           { name: "cable~mesh", cells: [[0, 1, 2], [1, 2, 3]], grade: 2, loads: [1e-17, 4.5] } ] };

function prove(i) {
  const len = works.lengths[i];
  let load = [0];
  for (const l of len.loads) load = robustSum(load, [l]);
  const dim = top.dimension(len.cells);
  if (dim !== len.grade) {
    throw new RangeError(`length ${len.name}: dimension ${dim} is not grade ${len.grade} (${top.countVertices(len.cells)} links)`);
  }
  return `${len.cells.length} links, grade ${len.grade}, load ${load.reduce((a, b) => a + b, 0)} t`;
}

function check(i) {
  try {
    return prove(i);
  } catch (e) {
    throw new ProofError(`proof of ${works.lengths[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < works.lengths.length; i++) {
  console.log(works.lengths[i].name, check(i));
}
"""

CHAIN_WORDS = ["link", "oliver", "anvil", "hearth", "stud", "shackle", "swivel", "scarf", "fuller", "tongs", "weld",
               "bar-iron", "proof-house", "chainmaker", "bellows"]

S_TEST = f"{SC}/test/test.js"
R_TEST = f"{RS}/test/test.js"
TESTS = f"{S_TEST} {R_TEST}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"
PKGS = (("simplicial-complex", ["topology.js", "package.json", "test"]),
        ("robust-sum", ["robust-sum.js", "package.json", "test"]))


def chainshop(tmp: Path) -> Path:
    root = tmp / "chainshop"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "chainshop", "version": "2.1.3", "main": f"{SC}/topology.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/lib/*/test/*.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/*/test/*.js"] } };\n',
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/links.js": LINKS_JS, "app/main.js": MAIN_JS, "app/oliver.js": OLIVER_JS,
             "scripts/proofcheck.js": PROOFCHECK_JS}
    write_tree(root, files)
    for pkg, parts in PKGS:
        d = root / "lib" / pkg
        d.mkdir(parents=True, exist_ok=True)
        for f in parts:
            if (NM / pkg / f).exists():
                (shutil.copytree if (NM / pkg / f).is_dir() else shutil.copy)(NM / pkg / f, d / f)
        write_tree(d, {"node_modules/tape/index.js": TAPE_SHIM,
                       "node_modules/tape/package.json": '{"name": "tape", "version": "0.0.0-shim", "main": "index.js"}\n'})
    write_tree(root / RS, {"node_modules/validate-robust-sequence/index.js": VALIDATE_SHIM,
                           "node_modules/validate-robust-sequence/package.json":
                               '{"name": "validate-robust-sequence", "version": "0.0.0-shim", "main": "index.js"}\n'})
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def tests(tmp: Path) -> None:
    g = chainshop(tmp)
    cap("mocha-simplicial-robust-sum-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("jest-simplicial-robust-sum-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-coverage-chainshop", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=300)
    cap("vitest-simplicial-robust-sum-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("node-test-chainshop-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=300)
    cap("node-test-spec-simplicial-suite", f"{NODE_TEST} --test-reporter=spec {S_TEST} 2>&1", g, n_node_test,
        timeout=300)
    chain("chain-cd-vitest-verbose-topology-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd chainshop", None),
           Part(f"npx vitest run --reporter=verbose {SC} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "chainshop"
    cap("eslint-stylish-chainshop-app-lib", f"npx eslint app {SC}/topology.js {RS}/robust-sum.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-chainshop-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-chainshop-libs-suites", f"npx eslint -f json app {SC} {RS} 2>&1", g, n_eslint_json,
        timeout=300)
    chain("chain-cd-eslint-suites-chainshop-tail-exit", "chain-lint-exit", "lint",
          [Part("cd chainshop", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-topology-robust-sum-chainshop", f"npx tsc {js_flags} {SC}/topology.js {RS}/robust-sum.js "
        "app/links.js scripts/proofcheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-checkjs-own-suites", f"npx tsc {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-deps", f"npx tsc --pretty {js_flags} lib/*/*.js node_modules/bit-twiddle/twiddle.js "
        "node_modules/union-find/index.js scripts/proofcheck.js app/links.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "linkbench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "linkbench", "version": "0.0.3", "type": "module"},
                                              indent=2) + "\n", "ts/linkbench.ts": LINKBENCH_TS,
                   "app/links.js": LINKS_JS, "eslint.config.js": ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-linkbench-app-only", f"npx tsc {ts_flags} ts/linkbench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-linkbench-app-only", f"npx tsc --pretty {ts_flags} ts/linkbench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-linkbench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-linkbench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-linkbench", "chain-lint-typecheck", "lint",
          [Part("cd linkbench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "chainshop"
    r484.SEED, r484.WORKS_WORDS = SEED, CHAIN_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-chainshop-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-chainshop-app-scripts-libs", "npx eslint -f json app scripts lib/*/*.js 2>&1", g,
        n_eslint_json, timeout=300)
    cap("esbuild-bundle-chainshop-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-chainshop-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-topology-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {SC}/topology.js --minify --format=cjs --outfile=dist/topology.min.js 2>/dev/null",
                None),
           Part("cat dist/topology.min.js", n_min_js, "&&")], g, timeout=300)
    cap("cat-diff-min-js", "cat node_modules/diff/dist/diff.min.js", g, n_min_js)
    cap("cat-esquery-min-js", "cat node_modules/esquery/dist/esquery.min.js", g, n_min_js)
    cap("cat-topology-source", f"cat {SC}/topology.js", g, n_source)
    cap("cat-robust-sum-source", f"cat {RS}/robust-sum.js", g, n_source)
    cap("cat-simplicial-own-suite-source", f"cat {S_TEST}", g, n_source)
    cap("cat-eslint-no-shadow-rule-source", "cat node_modules/eslint/lib/rules/no-shadow.js", g, n_source)
    cap("cat-mocha-lib-runner-source", "cat node_modules/mocha/lib/runner.js", g, n_source)
    cap("cat-eslint-indent-rule-source", "cat node_modules/eslint/lib/rules/indent.js", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "chainshop"
    for pkg in ("simplicial-complex", "mocha", "vitest"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "anvilstore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "anvilstore", "version": "0.4.2", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund simplicial-complex@0.3.3 robust-sum@0.0.3 union-find@0.0.4 "
        "2>&1 && npm install --no-audit --no-fund -D mocha@10.4.0 eslint@8.56.0 rollup@3.29.4 2>&1",
        cwd=q, timeout=400)
    cap("package-json-cat-anvilstore-mocha", "cat node_modules/mocha/package.json", q, n_package_json)
    cap("package-lock-anvilstore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-anvilstore", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["simplicial-complex"] = "^1.0.0"
    pj["dependencies"]["linkproof"] = "^3.0.2"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/union-find node_modules/ms && cp -r node_modules/robust-sum "
        "node_modules/shacklesum && sed -i 's/\"name\": \"robust-sum\"/\"name\": \"shacklesum\"/' "
        "node_modules/shacklesum/package.json", cwd=q)
    cap("npm-ls-all-anvilstore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "chainshop"
    cap("node-uncaught-proofcheck", "node scripts/proofcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-proofcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {S_TEST} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/proofcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, crash, lint, builds, npm]
