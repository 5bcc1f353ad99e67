"""Round 677, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites
(robust-orientation 1.2.1: `orientation.js` and its tape suite `test/test.js`, its dependencies robust-scale,
robust-sum, robust-subtract, two-product and two-sum installed with it; monotone-convex-hull-2d 1.0.1: `index.js` and
its tape suite `test/test.js`, whose `require('robust-orientation')` is met in the copy by a small module pointing at
the copied, broken `orientation.js`), copied into a pargeter's app (`pargetry`) with a few bugs put in by
capture_material.put_bugs, the shipped suites run unchanged against the broken copy with mocha, jest, vitest and
node --test (`require("tape")` met by round 664's shim, imported); eslint (stylish, json) with round 313's config
(imported); tsc --noEmit, pretty off and on, over a strict-mode app (`combbench`, round 313's strict tsconfig,
imported) and with checkJs over the copy; esbuild and rollup builds failing (round 484's `kiln_sections`, imported,
called with this round's words and seed 67710); npm view --json and npm outdated; a real install at old pinned
versions (`trowelstore`) whose package.json and package-lock.json are cat'ed and queried with jq, then broken by hand
for npm ls --all; source and minified bundles cat'ed; node crashing (`pargecheck`). Each kind's extractor is an
earlier round's, imported; a chain's from each part's own (round 9b). The layout follows round 664's module; run
through capture_wide677.py."""

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
from capture_wide677 import JS, cap

NM = JS / "node_modules"
SEED = 67710

RO = "lib/robust-orientation"
MH = "lib/monotone-convex-hull-2d"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# robust-orientation: the 2-d fast path returns the determinant with its sign flipped when l < 0 <= r, and the 3-d
#   entry point passes its points in the wrong order (every 3-d orientation flipped).
# monotone-convex-hull-2d: the lower hull keeps collinear points (`<= 0` made `< 0`), and two equal points make a
#   hull of both.
BUGS = [(f"{RO}/orientation.js", "if(r >= 0) {\n        return det", "if(r >= 0) {\n        return -det"),
        (f"{RO}/orientation.js", "return o4(a0, a1, a2, a3)", "return o4(a0, a2, a1, a3)"),
        (f"{MH}/index.js", "p) <= 0) {", "p) < 0) {"),
        (f"{MH}/index.js", "return [0]\n", "return [0, 1]\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

# monotone-convex-hull-2d's `require('robust-orientation')` resolves to the copied (broken) orientation.js
ORIENT_LINK = '// the copy\'s robust-orientation: the one under lib/\nmodule.exports = require("../../../robust-orientation/orientation.js");\n'

PARGE_JS = """import orient from "../lib/robust-orientation/orientation.js";
import hull from "../lib/monotone-convex-hull-2d/index.js";

const combs = { "fan-7": [[0, 0], [3, 1], [1, 4]], "rope/twist": [[2, 2]], "scallop": 5, "basket": [[4, 4]], "fan-7": [[0, 1]] };
export function comb(pattern, strokes) {
  var pts = combs[pattern];
  for (var key in combs) {
    if (pattern == undefined) pattern = key;
  }
  const unused = combs.length * 3;
  var turns = 0;
  strokes.forEach(function (s, i) { turns += orient(s.from, s.via, s.to); s.rank = hull(pts).length + i; });
  if (pts == null) return "no comb " + pattern;
  else return turns + " turns over " + hull(pts).length + " pargets";
}
export const panel = function (pargeter, yards) {
  const edge = hull([[0, 0], [2, 0], [2, 2], [0, 2], [1, 1]]);
  var hits = 0;
  edge.forEach(function () { hits++ });
  return hits == true ? pargeter + " " + yards.toString() : "no panel for " + pargeter;
};
export function puttyTally(batches, float, trowel) {
  let n = 0;
  batches.forEach(function (b) { if (b.lime != "") n++; });
  while (n = batches.length) { n--; }
  if (n) {}
  return n ? batches : null;
}
"""

MAIN_JS = """import { comb, panel } from "./parge.js";
import { float } from "./float.js";
import { trowel } from "./trowel.js";

export const report = [comb("fan-7", [{ from: [0, 0], via: [1, 1], to: [2, 0] }]), panel("Hester", 14), float(3), trowel()];
"""

FLOAT_JS = """import hull from "../lib/monotone-convex-hull-2d/index.js";

export function float(n) {
  const sweep = hull([[0, 0], [n, 1], [1, n]]);
  return sweep.find(Object.keys(sweep n 3.from("haired-lime")));
}
"""

COMBBENCH_TS = """import orient from '../lib/robust-orientation/orientation.js'
import hull from '../lib/monotone-convex-hull-2d/index.js'

interface Batch { lime: string; hair: number; putty?: { days: number; slaked: boolean }; laid?: Date }
interface Pargeter { name: string; yardsPerDay: number; float?: { trowel: string } }

export function puttySheet(bs: Batch[]): string[] {
  return bs.map((b) => b.putty.days.toFixed(b.putty.slaked))
}

export const reach = (p: Pargeter): number => hull(p.name).length + p.yardsPerDay.toFixed(2)
export const turn = (p: Pargeter): number => orient(p.float.trowel, [1, 2], [3, 4]).length
export const coarse = (b: Batch): boolean => b.hair.toString(2).padStart(b.lime)
export const laidOn = (b: Batch) => b.laid.toUTCString()
export const mark: string = [orient, hull].join(16, 2)
export const trowelName = (p: Pargeter): string => p.float.trowel.split('x')[1].toFixed(p.name)
export const pair = (p: Pargeter): [number, string] => [p.name.length, p.name.at(-1), p.yardsPerDay]
export const same = (a: Batch, b: Batch): Date => a.hair === b.lime
export const batches: Batch[] = [{ lime: 'fat', hair: 8 }, { lime: 'hydraulic' }, 'putty', { lime: 'feebly', hair: '4' }]
export function grade(mm: number): string { if (mm > 6) return 'coarse' }
export const edge = hull([[1, 2]], 'pargets').slice('0')
export const sign: number = orient[3]([0, 0], [1, 1], (a: string, b: string) => a.localeCompare(b))
"""

PARGECHECK_JS = """// pargecheck: the pargeter's weekly check of each panel's combed border; the border must be the convex hull of
// the panel's pegs, walked counter-clockwise, every corner turning the same way (robust orientation)
const orient = require("../lib/robust-orientation/orientation.js");
const hull = require("../lib/monotone-convex-hull-2d/index.js");

class PargeError extends Error {}

const works = { panels: [ { name: "fan 7", pegs: [[0, 0], [4, 0], [4, 3], [0, 3], [2, 1]], corners: 4 },
                          { name: "rope/twist", pegs: [[0, 0], [1, 0], [2, 0], [2, 2], [0, 2]], corners: 4 },
                          { name: "scallop~basket", pegs: [[0, 0], [3, 0], [1, 2]], corners: 3 } ] };

function walk(i) {
  const panel = works.panels[i];
  const border = hull(panel.pegs);
  if (border.length !== panel.corners) {
    throw new RangeError(`panel ${panel.name}: border has ${border.length} corners, the pattern book ${panel.corners} (pegs ${border.join(",")})`);
  }
  for (let k = 0; k < border.length; k++) {
    const [a, b, c] = [0, 1, 2].map((d) => panel.pegs[border[(k + d) % border.length]]);
    if (orient(a, b, c) >= 0) throw new RangeError(`panel ${panel.name}: corner ${k} turns the wrong way`);
  }
  return `${border.length} corners, combed`;
}

function check(i) {
  try {
    return walk(i);
  } catch (e) {
    throw new PargeError(`check of ${works.panels[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < works.panels.length; i++) {
  console.log(works.panels[i].name, check(i));
}
"""

PARGE_WORDS = ["parget", "comb", "float", "trowel", "lime-putty", "haired-lime", "scallop", "fan", "rope-twist",
               "basket", "panel", "slaking-pit", "hawk", "pargeter", "scratch-coat"]

O_TEST = f"{RO}/test/test.js"
H_TEST = f"{MH}/test/test.js"
TESTS = f"{O_TEST} {H_TEST}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"
PKGS = (("robust-orientation", ["orientation.js", "package.json", "test"]),
        ("monotone-convex-hull-2d", ["index.js", "package.json", "test"]))


def pargetry(tmp: Path) -> Path:
    root = tmp / "pargetry"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "pargetry", "version": "1.4.0", "main": f"{MH}/index.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/lib/*/test/*.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/*/test/*.js"] } };\n',
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/parge.js": PARGE_JS, "app/main.js": MAIN_JS, "app/float.js": FLOAT_JS,
             "scripts/pargecheck.js": PARGECHECK_JS}
    write_tree(root, files)
    for pkg, parts in PKGS:
        d = root / "lib" / pkg
        d.mkdir(parents=True, exist_ok=True)
        for f in parts:
            if (NM / pkg / f).exists():
                (shutil.copytree if (NM / pkg / f).is_dir() else shutil.copy)(NM / pkg / f, d / f)
        write_tree(d, {"node_modules/tape/index.js": TAPE_SHIM,
                       "node_modules/tape/package.json": '{"name": "tape", "version": "0.0.0-shim", "main": "index.js"}\n'})
    write_tree(root / MH, {"node_modules/robust-orientation/index.js": ORIENT_LINK,
                           "node_modules/robust-orientation/package.json":
                               '{"name": "robust-orientation", "version": "1.2.1", "main": "index.js"}\n'})
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def tests(tmp: Path) -> None:
    g = pargetry(tmp)
    cap("mocha-orientation-hull-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("jest-orientation-hull-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-coverage-pargetry", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=300)
    cap("vitest-orientation-hull-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("node-test-pargetry-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=300)
    cap("node-test-spec-orientation-suite", f"{NODE_TEST} --test-reporter=spec {O_TEST} 2>&1", g, n_node_test,
        timeout=300)
    chain("chain-cd-vitest-verbose-orientation-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd pargetry", None),
           Part(f"npx vitest run --reporter=verbose {RO} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "pargetry"
    cap("eslint-stylish-pargetry-app-lib", f"npx eslint app {RO}/orientation.js {MH}/index.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-pargetry-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-pargetry-libs-suites", f"npx eslint -f json app {RO} {MH} 2>&1", g, n_eslint_json,
        timeout=300)
    chain("chain-cd-eslint-suites-pargetry-tail-exit", "chain-lint-exit", "lint",
          [Part("cd pargetry", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-orientation-hull-pargetry", f"npx tsc {js_flags} {RO}/orientation.js {MH}/index.js "
        "app/parge.js scripts/pargecheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-deps", f"npx tsc --pretty {js_flags} lib/*/*.js node_modules/robust-scale/robust-scale.js "
        "node_modules/two-product/two-product.js node_modules/robust-subtract/robust-diff.js scripts/pargecheck.js "
        "app/parge.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "combbench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "combbench", "version": "0.2.1", "type": "module"},
                                              indent=2) + "\n", "ts/combbench.ts": COMBBENCH_TS,
                   "app/parge.js": PARGE_JS, "eslint.config.js": ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-combbench-app-only", f"npx tsc {ts_flags} ts/combbench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-combbench-app-only", f"npx tsc --pretty {ts_flags} ts/combbench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-combbench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-combbench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-combbench", "chain-lint-typecheck", "lint",
          [Part("cd combbench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "pargetry"
    r484.SEED, r484.WORKS_WORDS = SEED, PARGE_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-pargetry-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-pargetry-app-scripts-libs", "npx eslint -f json app scripts lib/*/*.js 2>&1", g,
        n_eslint_json, timeout=300)
    cap("esbuild-bundle-pargetry-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-pargetry-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-orientation-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {RO}/orientation.js --minify --format=cjs --outfile=dist/orientation.min.js "
                "2>/dev/null", None),
           Part("cat dist/orientation.min.js", n_min_js, "&&")], g, timeout=300)
    for item, path in MIN_CATS:
        cap(item, f"cat {path}", g, n_min_js)
    cap("cat-orientation-source", f"cat {RO}/orientation.js", g, n_source)
    cap("cat-monotone-hull-source", f"cat {MH}/index.js", g, n_source)
    for item, path in SRC_CATS:
        cap(item, f"cat {path}", g, n_source)


# cat'ed files of the installed tools (chosen by path and size before the capture, none cat'ed by round 664)
MIN_CATS = [("cat-uri-js-min-js", "node_modules/uri-js/dist/es5/uri.all.min.js"),
            ("cat-js-yaml-min-js", "node_modules/js-yaml/dist/js-yaml.min.js"),
            ("cat-glob-commonjs-min-js", "node_modules/glob/dist/commonjs/index.min.js")]
SRC_CATS = [("cat-eslint-no-unused-vars-rule-source", "node_modules/eslint/lib/rules/no-unused-vars.js"),
            ("cat-mocha-base-reporter-source", "node_modules/mocha/lib/reporters/base.js"),
            ("cat-eslint-linter-source", "node_modules/eslint/lib/linter/linter.js"),
            ("cat-mocha-runnable-source", "node_modules/mocha/lib/runnable.js")]


def npm(tmp: Path) -> None:
    g = tmp / "pargetry"
    for pkg in ("robust-orientation", "monotone-convex-hull-2d", "jest", "eslint"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    # the app's node_modules is the tools' tree linked in, none of it in the app's package.json
    cap("npm-ls-pargetry-extraneous", "npm ls 2>&1", g, n_npm_ls, timeout=120)
    q = tmp / "trowelstore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "trowelstore", "version": "0.6.1", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund robust-orientation@1.1.3 two-product@0.0.1 robust-sum@0.0.3 "
        "2>&1 && npm install --no-audit --no-fund -D mocha@10.2.0 eslint@8.50.0 rollup@3.20.0 2>&1",
        cwd=q, timeout=400)
    cap("package-json-cat-trowelstore-eslint", "cat node_modules/eslint/package.json", q, n_package_json)
    cap("package-lock-trowelstore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-trowelstore", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["robust-orientation"] = "^2.0.0"
    pj["dependencies"]["pargeproof"] = "^1.3.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/two-sum node_modules/ms && cp -r node_modules/two-product "
        "node_modules/hawkproduct && sed -i 's/\"name\": \"two-product\"/\"name\": \"hawkproduct\"/' "
        "node_modules/hawkproduct/package.json", cwd=q)
    cap("npm-ls-all-trowelstore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "pargetry"
    cap("node-uncaught-pargecheck", "node scripts/pargecheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-pargecheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {H_TEST} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/pargecheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, crash, lint, builds, npm]
