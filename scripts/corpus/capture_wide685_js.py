"""Round 685, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites
(robust-in-sphere 1.2.1: `in-sphere.js` and its tape suite `test/test.js`, its dependencies robust-scale, robust-sum,
robust-subtract and two-product installed with it; robust-segment-intersect 1.0.1: `segseg.js` and its tape suite
`test/test.js`, its `require("robust-orientation")` met by the real robust-orientation installed with it), copied into
a trug maker's app (`trugworks`) with a few bugs put in by capture_material.put_bugs, the shipped suites run unchanged
against the broken copy with mocha, jest, vitest and node --test (`require("tape")` met by round 664's shim, imported);
eslint (stylish, json) with round 313's config (imported); tsc --noEmit, pretty off and on, over a strict-mode app
(`rimbench`, round 313's strict tsconfig, imported) and with checkJs over the copy; esbuild and rollup builds failing
(round 484's `kiln_sections`, imported, called with this round's words and seed 68510); npm view --json and npm
outdated; a real install at old pinned versions (`boardstore`) whose package.json and package-lock.json are cat'ed and
queried with jq, then broken by hand for npm ls --all; source and minified bundles cat'ed; node crashing
(`trugcheck`). Each kind's extractor is an earlier round's, imported; a chain's from each part's own (round 9b). The
layout follows round 677's module; run through capture_wide685.py."""

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
from capture_wide685 import JS, cap

NM = JS / "node_modules"
SEED = 68510

IS = "lib/robust-in-sphere"
SS = "lib/robust-segment-intersect"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# robust-in-sphere: the 1-d (3-point) and 2-d (4-point) tests return the determinant with its sign flipped.
# robust-segment-intersect: the collinear overlap check misses segments that only share an end point (`<` made `<=`).
BUGS = [(f"{IS}/in-sphere.js", "    return d[d.length - 1]\n  }\n  return exactInSphere3",
         "    return -d[d.length - 1]\n  }\n  return exactInSphere3"),
        (f"{IS}/in-sphere.js", "    return d[d.length - 1]\n  }\n  return exactInSphere4",
         "    return -d[d.length - 1]\n  }\n  return exactInSphere4"),
        (f"{SS}/segseg.js", "if(h1 < l0 || h0 < l1)", "if(h1 <= l0 || h0 < l1)")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

TRUG_JS = """import inSphere from "../lib/robust-in-sphere/in-sphere.js";
import crosses from "../lib/robust-segment-intersect/segseg.js";

const trugs = { "garden-3": [[0, 0], [6, 0]], "log/basket": [[1, 1]], "cucumber": 9, "flower": [[2, 5]], "garden-3": [[0, 2]] };
export function rim(pattern, boards) {
  var span = trugs[pattern];
  for (var key in trugs) {
    if (pattern == undefined) pattern = key;
  }
  const unused = trugs.length * 2;
  var clashes = 0;
  boards.forEach(function (b, i) { if (crosses(b.from, b.to, span[0], span[1])) clashes++; b.rank = i; });
  if (span == null) return "no trug " + pattern;
  else return clashes + " boards crossing over " + span.length + " rims";
}
export const handle = function (maker, inches) {
  var bend = inSphere([0, -1], [1, 0], [0, 1], [0.2, 0.1]);
  var hits = 0;
  [bend].forEach(function () { hits++ });
  return hits == true ? maker + " " + inches.toString() : "no handle for " + maker;
};
export function boardTally(boards, horse, drawknife) {
  let n = 0;
  boards.forEach(function (b) { if (b.willow != "") n++; });
  while (n = boards.length) { n--; }
  if (n) {}
  return n ? boards : null;
}
"""

MAIN_JS = """import { rim, handle } from "./trug.js";
import { steam } from "./steam.js";
import { horse } from "./horse.js";

export const report = [rim("garden-3", [{ from: [1, -1], to: [1, 1] }]), handle("Ada", 18), steam(4), horse()];
"""

STEAM_JS = """import inSphere from "../lib/robust-in-sphere/in-sphere.js";

export function steam(n) {
  const bow = inSphere([0, 0], [n, 1], [1, n], [2, 2]);
  return [bow].find(Object.keys(bow n 2.from("cleft-chestnut")));
}
"""

RIMBENCH_TS = """import inSphere from '../lib/robust-in-sphere/in-sphere.js'
import crosses from '../lib/robust-segment-intersect/segseg.js'

interface Board { willow: string; width: number; steamed?: { minutes: number; bent: boolean }; cut?: Date }
interface Maker { name: string; trugsPerWeek: number; horse?: { drawknife: string } }

export function steamSheet(bs: Board[]): string[] {
  return bs.map((b) => b.steamed.minutes.toFixed(b.steamed.bent))
}

export const reach = (m: Maker): number => crosses(m.name).length + m.trugsPerWeek.toFixed(2)
export const bend = (m: Maker): number => inSphere(m.horse.drawknife, [1, 2], [3, 4]).length
export const wide = (b: Board): boolean => b.width.toString(2).padStart(b.willow)
export const cutOn = (b: Board) => b.cut.toUTCString()
export const mark: string = [inSphere, crosses].join(12, 3)
export const knifeName = (m: Maker): string => m.horse.drawknife.split('x')[1].toFixed(m.name)
export const pair = (m: Maker): [number, string] => [m.name.length, m.name.at(-1), m.trugsPerWeek]
export const same = (a: Board, b: Board): Date => a.width === b.willow
export const boards: Board[] = [{ willow: 'cricket', width: 5 }, { willow: 'white' }, 'chestnut', { willow: 'crack', width: '3' }]
export function grade(mm: number): string { if (mm > 4) return 'wide' }
export const rims = crosses([[1, 2]], 'trugs').slice('0')
export const sign: number = inSphere[3]([0, 0], [1, 1], (a: string, b: string) => a.localeCompare(b))
"""

TRUGCHECK_JS = """// trugcheck: the trug maker's weekly check of each trug's handle: its three pegs and the board's mid point must
// lie on one circle (robust in-circle test), and no two rim boards may cross (robust segment intersection)
const inSphere = require("../lib/robust-in-sphere/in-sphere.js");
const crosses = require("../lib/robust-segment-intersect/segseg.js");

class TrugError extends Error {}

const works = { trugs: [ { name: "garden 3", pegs: [[0, -1], [1, 0], [0, 1]], mid: [-0.5, 0], rims: [[[0, 0], [2, 0]], [[0, 1], [2, 1]]] },
                         { name: "log/basket", pegs: [[0, -2], [2, 0], [0, 2]], mid: [-1, 0], rims: [[[0, 0], [3, 0]], [[0, 2], [3, 2]]] },
                         { name: "cucumber~flower", pegs: [[0, -1], [1, 0], [0, 1]], mid: [0.1, 0.1], rims: [[[0, 0], [1, 0]]] } ] };

function walk(i) {
  const trug = works.trugs[i];
  for (let a = 0; a < trug.rims.length; a++) {
    for (let b = a + 1; b < trug.rims.length; b++) {
      if (crosses(...trug.rims[a], ...trug.rims[b])) throw new RangeError(`trug ${trug.name}: rims ${a} and ${b} cross`);
    }
  }
  const s = inSphere(...trug.pegs, trug.mid);
  if (s <= 0) throw new RangeError(`trug ${trug.name}: handle mid point ${trug.mid.join(",")} lies outside the bend (${s})`);
  return `${trug.rims.length} rims, handle bent`;
}

function check(i) {
  try {
    return walk(i);
  } catch (e) {
    throw new TrugError(`check of ${works.trugs[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < works.trugs.length; i++) {
  console.log(works.trugs[i].name, check(i));
}
"""

TRUG_WORDS = ["trug", "rim", "handle", "willow-board", "cleft-chestnut", "shaving-horse", "drawknife", "steamer",
              "garden-trug", "log-basket", "cucumber", "flower", "bend-jig", "trug-maker", "copper-tack"]

I_TEST = f"{IS}/test/test.js"
S_TEST = f"{SS}/test/test.js"
TESTS = f"{I_TEST} {S_TEST}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"
PKGS = (("robust-in-sphere", ["in-sphere.js", "package.json", "test"]),
        ("robust-segment-intersect", ["segseg.js", "package.json", "test"]))


def trugworks(tmp: Path) -> Path:
    root = tmp / "trugworks"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "trugworks", "version": "2.3.0", "main": f"{SS}/segseg.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/lib/*/test/*.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/*/test/*.js"] } };\n',
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/trug.js": TRUG_JS, "app/main.js": MAIN_JS, "app/steam.js": STEAM_JS,
             "scripts/trugcheck.js": TRUGCHECK_JS}
    write_tree(root, files)
    for pkg, parts in PKGS:
        d = root / "lib" / pkg
        d.mkdir(parents=True, exist_ok=True)
        for f in parts:
            if (NM / pkg / f).exists():
                (shutil.copytree if (NM / pkg / f).is_dir() else shutil.copy)(NM / pkg / f, d / f)
        write_tree(d, {"node_modules/tape/index.js": TAPE_SHIM,
                       "node_modules/tape/package.json": '{"name": "tape", "version": "0.0.0-shim", "main": "index.js"}\n'})
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def tests(tmp: Path) -> None:
    g = trugworks(tmp)
    cap("mocha-insphere-segseg-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("jest-insphere-segseg-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-coverage-trugworks", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=300)
    cap("vitest-insphere-segseg-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("node-test-trugworks-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=300)
    cap("node-test-spec-segseg-suite", f"{NODE_TEST} --test-reporter=spec {S_TEST} 2>&1", g, n_node_test,
        timeout=300)
    chain("chain-cd-vitest-verbose-insphere-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd trugworks", None),
           Part(f"npx vitest run --reporter=verbose {IS} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "trugworks"
    cap("eslint-stylish-trugworks-app-lib", f"npx eslint app {IS}/in-sphere.js {SS}/segseg.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-trugworks-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-trugworks-libs-suites", f"npx eslint -f json app {IS} {SS} 2>&1", g, n_eslint_json,
        timeout=300)
    chain("chain-cd-eslint-suites-trugworks-tail-exit", "chain-lint-exit", "lint",
          [Part("cd trugworks", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-insphere-segseg-trugworks", f"npx tsc {js_flags} {IS}/in-sphere.js {SS}/segseg.js "
        "app/trug.js scripts/trugcheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-deps", f"npx tsc --pretty {js_flags} lib/*/*.js node_modules/robust-scale/robust-scale.js "
        "node_modules/two-product/two-product.js node_modules/robust-orientation/orientation.js scripts/trugcheck.js "
        "app/trug.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "rimbench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "rimbench", "version": "0.4.2", "type": "module"},
                                              indent=2) + "\n", "ts/rimbench.ts": RIMBENCH_TS,
                   "app/trug.js": TRUG_JS, "eslint.config.js": ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-rimbench-app-only", f"npx tsc {ts_flags} ts/rimbench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-rimbench-app-only", f"npx tsc --pretty {ts_flags} ts/rimbench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-rimbench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-rimbench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-rimbench", "chain-lint-typecheck", "lint",
          [Part("cd rimbench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


# cat'ed files of the installed tools (chosen by path before the capture)
MIN_CATS = [("cat-ajv-min-js", "node_modules/ajv/dist/ajv.min.js"),
            ("cat-workerpool-min-js", "node_modules/workerpool/dist/workerpool.min.js"),
            ("cat-diff-min-js", "node_modules/diff/dist/diff.min.js")]
SRC_CATS = [("cat-eslint-eqeqeq-rule-source", "node_modules/eslint/lib/rules/eqeqeq.js"),
            ("cat-mocha-spec-reporter-source", "node_modules/mocha/lib/reporters/spec.js"),
            ("cat-eslint-no-redeclare-rule-source", "node_modules/eslint/lib/rules/no-redeclare.js"),
            ("cat-mocha-runner-source", "node_modules/mocha/lib/runner.js"),
            ("cat-robust-orientation-source", "node_modules/robust-orientation/orientation.js")]


def builds(tmp: Path) -> None:
    g = tmp / "trugworks"
    r484.SEED, r484.WORKS_WORDS = SEED, TRUG_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-trugworks-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-trugworks-app-scripts-libs", "npx eslint -f json app scripts lib/*/*.js 2>&1", g,
        n_eslint_json, timeout=300)
    cap("esbuild-bundle-trugworks-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-trugworks-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-insphere-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {IS}/in-sphere.js --bundle --minify --format=cjs --outfile=dist/in-sphere.min.js "
                "2>/dev/null", None),
           Part("cat dist/in-sphere.min.js", n_min_js, "&&")], g, timeout=300)
    for item, path in MIN_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_min_js)
    cap("cat-insphere-source", f"cat {IS}/in-sphere.js", g, n_source)
    cap("cat-segseg-source", f"cat {SS}/segseg.js", g, n_source)
    for item, path in SRC_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "trugworks"
    for pkg in ("robust-in-sphere", "robust-segment-intersect", "vitest", "rollup"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    cap("npm-ls-trugworks-extraneous", "npm ls 2>&1", g, n_npm_ls, timeout=120)
    q = tmp / "boardstore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "boardstore", "version": "0.9.4", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund robust-in-sphere@1.1.3 robust-orientation@1.1.3 robust-scale@0.0.4 "
        "2>&1 && npm install --no-audit --no-fund -D mocha@10.4.0 eslint@8.57.0 typescript@5.4.5 2>&1",
        cwd=q, timeout=400)
    cap("package-json-cat-boardstore-mocha", "cat node_modules/mocha/package.json", q, n_package_json)
    cap("package-lock-boardstore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-boardstore", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["robust-in-sphere"] = "^3.0.0"
    pj["dependencies"]["trugproof"] = "^2.1.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/two-sum node_modules/ms && cp -r node_modules/two-product "
        "node_modules/drawknife-product && sed -i 's/\"name\": \"two-product\"/\"name\": \"drawknife-product\"/' "
        "node_modules/drawknife-product/package.json", cwd=q)
    cap("npm-ls-all-boardstore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "trugworks"
    cap("node-uncaught-trugcheck", "node scripts/trugcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-trugcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {S_TEST} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/trugcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, crash, lint, builds, npm]
