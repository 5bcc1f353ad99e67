"""Round 717, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites
(cdt2d 1.0.0: `cdt2d.js`, its four `lib/*.js` and its tape suite `test/delaunay-points.js`, `test/grid-monotone.js`,
`test/star-monotone.js` with their helpers, robust-orientation, robust-in-sphere and binary-search-bounds installed
with it, its suite's dev dependencies installed for it; incremental-convex-hull 1.0.1: `ich.js` and its tape suite
`test/*.js`, simplicial-complex installed with it, permutation-parity for its suite), copied into a cartographer's app
(`mapyard`) with a few bugs put in by capture_material.put_bugs, the shipped suites run unchanged against the broken
copy with mocha, jest, vitest and node --test (`require("tape")` met by round 664's shim, imported); eslint (stylish,
json) with round 313's config (imported); tsc --noEmit, pretty off and on, over a strict-mode app (`sheetbench`, round
313's strict tsconfig, imported) and with checkJs over the copy; esbuild and rollup builds failing (round 484's
`kiln_sections`, imported, called with this round's words and seed 71710); npm view --json and npm outdated; a real
install at old pinned versions (`plotstore`) whose package.json and package-lock.json are cat'ed and queried with jq,
then broken by hand for npm ls --all; source and minified bundles cat'ed; node crashing (`trigcheck`). Each kind's
extractor is an earlier round's, imported; a chain's from each part's own (round 9b). The layout follows round 709's
module; run through capture_wide717.py."""

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
from capture_wide717 import JS, cap

NM = JS / "node_modules"
SEED = 71710

CD = "lib/cdt2d"
CH = "lib/incremental-convex-hull"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# cdt2d: the `delaunay` option defaults to false, so the edge-flipping refinement is skipped unless asked for.
# incremental-convex-hull: the insertion loop starts one point late, so the point after the first simplex is skipped.
BUGS = [(f"{CD}/cdt2d.js", "  var delaunay = !!getDefault(options, 'delaunay', true)\n",
         "  var delaunay = !!getDefault(options, 'delaunay', false)\n"),
        (f"{CH}/ich.js", "  for(var i=d+1; i<n; ++i) {\n    triangles.insert(points[i], useRandom)\n",
         "  for(var i=d+2; i<n; ++i) {\n    triangles.insert(points[i], useRandom)\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

SHEET_JS = """import cdt2d from "../lib/cdt2d/cdt2d.js";
import hull from "../lib/incremental-convex-hull/ich.js";

const sheets = { "sheet-41": [[0, 0], [4, 0], [0, 3]], "trig/north": [[2, 2]], "hachure": 7, "coast": [[1, 9]], "sheet-41": [[0]] };
export function survey(sheet, trigs) {
  var pts = sheets[sheet];
  for (var key in sheets) {
    if (sheet == undefined) sheet = key;
  }
  const unused = sheets.length * 2;
  var cells = 0;
  trigs.forEach(function (t, i) { cells += cdt2d(pts.concat([[t.x, t.y]])).length; t.rank = i; });
  if (pts == null) return "no sheet " + sheet;
  else return cells + " triangles over " + pts.length + " trig points";
}
export const outline = function (cartographer, points) {
  var edges = hull(points);
  var seen = 0;
  edges.forEach(function () { seen++ });
  return seen == true ? cartographer + " " + edges.toString() : "no outline for " + cartographer;
};
export function hachureTally(strokes, sheet, scale) {
  let n = 0;
  strokes.forEach(function (s) { if (s.ink != "") n++; });
  while (n = strokes.length) { n--; }
  if (n) {}
  return n ? strokes : null;
}
"""

MAIN_JS = """import { survey, outline } from "./sheet.js";
import { graticule } from "./graticule.js";

export const report = [survey("sheet-41", [{ x: 1, y: 1 }]), outline("Ames", [[0, 0], [1, 0], [0, 1], [1, 1]]), graticule(3)];
"""

GRATICULE_JS = """import cdt2d from "../lib/cdt2d/cdt2d.js";

export function graticule(degrees) {
  const cells = cdt2d([[0, 0], [degrees, 0], [0, degrees]]);
  return [cells].find(Object.keys(cells d 2.from("meridian")));
}
"""

SHEETBENCH_TS = """import cdt2d from '../lib/cdt2d/cdt2d.js'
import hull from '../lib/incremental-convex-hull/ich.js'

interface Sheet { name: string; scale: number; cartouche?: { title: string; engraved: boolean }; surveyed?: Date }
interface Cartographer { name: string; sheetsPerYear: number; mark?: { text: string } }

export function titles(ss: Sheet[]): string[] {
  return ss.map((s) => s.cartouche.title.padEnd(s.cartouche.engraved))
}

export const reach = (c: Cartographer): number => cdt2d(c.name).length + c.sheetsPerYear.toFixed(2)
export const outline = (c: Cartographer): number => hull(c.mark.text, [1, 2], [3, 4]).length
export const wide = (s: Sheet): boolean => s.scale.toString(2).padStart(s.name)
export const surveyedOn = (s: Sheet) => s.surveyed.toUTCString()
export const sign: string = [cdt2d, hull].join(12, 3)
export const markWord = (c: Cartographer): string => c.mark.text.split(' ')[1].toFixed(c.name)
export const pair = (c: Cartographer): [number, string] => [c.name.length, c.name.at(-1), c.sheetsPerYear]
export const same = (a: Sheet, b: Sheet): Date => a.scale === b.name
export const sheets: Sheet[] = [{ name: 'sheet-41', scale: 25000 }, { name: 'coast' }, 'fen', { name: 'moor', scale: '63360' }]
export function grade(scale: number): string { if (scale > 50000) return 'small' }
export const trigs = cdt2d([[1, 2]], 'edges').slice('0')
export const knot: number = hull[3]([0, 0], [1, 1], (a: string, b: string) => a.localeCompare(b))
"""

TRIGCHECK_JS = """// trigcheck: the cartographer's check of each map sheet before it goes to the engraver: the sheet's trig points,
// triangulated (cdt2d), must make the triangles the sheet's ledger records, and the outline of the sheet (the convex
// hull, incremental-convex-hull) must pass through every corner trig point
const cdt2d = require("../lib/cdt2d/cdt2d.js");
const hull = require("../lib/incremental-convex-hull/ich.js");

class SheetError extends Error {}

const ledger = { sheets: [ { name: "sheet-41 fen", trigs: [[0, 0], [4, 0], [0, 3], [1, 1], [4, 3]], corners: 4, triangles: 4 },
                           { name: "sheet-42 moor", trigs: [[0, 0], [6, 0], [0, 5], [6, 5], [2, 1], [3, 3]], corners: 4, triangles: 6 },
                           { name: "sheet-43 coast", trigs: [[0, 0], [5, 1], [1, 4], [2, 2]], corners: 3, triangles: 3 } ] };

function plot(i) {
  const s = ledger.sheets[i];
  const tris = cdt2d(s.trigs);
  if (tris.length !== s.triangles) throw new RangeError(`sheet ${s.name}: ${tris.length} triangles, ledger says ${s.triangles}`);
  const edges = hull(s.trigs);
  const onOutline = new Set(edges.flat());
  const lost = s.trigs.map((p, k) => k).filter((k) => k < s.corners && !onOutline.has(k));
  if (lost.length) {
    throw new RangeError(`sheet ${s.name}: outline misses corner trig ${lost.join(",")} (${lost.map((k) => s.trigs[k].join(" ")).join("; ")}), passes ${[...onOutline].sort().join(",")}`);
  }
  return `${tris.length} triangles, outline of ${edges.length} edges`;
}

function check(i) {
  try {
    return plot(i);
  } catch (e) {
    throw new SheetError(`check of ${ledger.sheets[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < ledger.sheets.length; i++) {
  console.log(ledger.sheets[i].name, check(i));
}
"""

CARTO_WORDS = ["sheet", "trig-point", "hachure", "graticule", "cartouche", "meridian", "contour", "spot-height",
               "baseline", "scale-bar", "compass-rose", "legend", "engraver", "plate", "cartographer"]

CD_TESTS = " ".join(f"{CD}/test/{t}.js" for t in ("delaunay-points", "grid-monotone", "star-monotone"))
CH_TESTS = f"{CH}/test/*.js"
TESTS = f"{CD_TESTS} {CH_TESTS}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"
PKGS = (("cdt2d", ["cdt2d.js", "lib", "package.json", "test"]), ("incremental-convex-hull", ["ich.js", "package.json", "test"]))
MATCH = ["lib/cdt2d/test/delaunay-points.js", "lib/cdt2d/test/grid-monotone.js", "lib/cdt2d/test/star-monotone.js",
         "lib/incremental-convex-hull/test/*.js"]


def mapyard(tmp: Path) -> Path:
    root = tmp / "mapyard"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "mapyard", "version": "2.4.0", "main": f"{CD}/cdt2d.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/" + m for m in MATCH]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": "export default { test: { globals: true, include: " + json.dumps(MATCH) + " } };\n",
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/sheet.js": SHEET_JS, "app/main.js": MAIN_JS, "app/graticule.js": GRATICULE_JS,
             "scripts/trigcheck.js": TRIGCHECK_JS}
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
    g = mapyard(tmp)
    cap("mocha-cdt2d-ich-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=400)
    cap("jest-cdt2d-ich-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=400)
    cap("jest-verbose-coverage-mapyard", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=400)
    cap("vitest-cdt2d-ich-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=400)
    cap("node-test-mapyard-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=400)
    cap("node-test-spec-ich-suite", f"{NODE_TEST} --test-reporter=spec {CH_TESTS} 2>&1", g, n_node_test,
        timeout=400)
    chain("chain-cd-vitest-verbose-ich-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd mapyard", None),
           Part(f"npx vitest run --reporter=verbose {CH} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=400)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=400)


def lint(tmp: Path) -> None:
    g = tmp / "mapyard"
    cap("eslint-stylish-mapyard-app-lib", f"npx eslint app {CD}/cdt2d.js {CD}/lib {CH}/ich.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-mapyard-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-mapyard-libs-suites", f"npx eslint -f json app {CD} {CH} 2>&1", g, n_eslint_json,
        timeout=300)
    chain("chain-cd-eslint-suites-mapyard-tail-exit", "chain-lint-exit", "lint",
          [Part("cd mapyard", None), Part(f"npx eslint {CD}/test {CH}/test 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-cdt2d-ich-mapyard", f"npx tsc {js_flags} {CD}/cdt2d.js {CD}/lib/*.js {CH}/ich.js "
        "app/sheet.js scripts/trigcheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} {CD}/test/verify-*.js "
        f"{CH}/test/util/normalize.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-deps", f"npx tsc --pretty {js_flags} {CD}/lib/*.js {CH}/ich.js "
        "node_modules/robust-orientation/orientation.js node_modules/robust-in-sphere/in-sphere.js "
        "node_modules/simplicial-complex/topology.js node_modules/binary-search-bounds/search-bounds.js "
        "scripts/trigcheck.js app/sheet.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "sheetbench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "sheetbench", "version": "0.7.2", "type": "module"},
                                              indent=2) + "\n", "ts/sheetbench.ts": SHEETBENCH_TS,
                   "app/sheet.js": SHEET_JS, "eslint.config.js": ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-sheetbench-app-only", f"npx tsc {ts_flags} ts/sheetbench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-sheetbench-app-only", f"npx tsc --pretty {ts_flags} ts/sheetbench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-sheetbench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-sheetbench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-sheetbench", "chain-lint-typecheck", "lint",
          [Part("cd sheetbench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


# cat'ed files of the installed tools (chosen by path and file size, `find -size`, `wc -c`, before the capture, none
# cat'ed in the earlier rounds' capture scripts)
MIN_CATS = [("cat-esquery-lite-min-js", "node_modules/esquery/dist/esquery.lite.min.js"),
            ("cat-glob-esm-index-min-js", "node_modules/glob/dist/esm/index.min.js"),
            ("cat-sprintf-min-js", "node_modules/sprintf-js/dist/sprintf.min.js")]
SRC_CATS = [("cat-delaunay-triangulate-source", "node_modules/delaunay-triangulate/triangulate.js"),
            ("cat-eslint-no-useless-assignment-rule-source", "node_modules/eslint/lib/rules/no-useless-assignment.js"),
            ("cat-eslint-no-restricted-imports-rule-source", "node_modules/eslint/lib/rules/no-restricted-imports.js"),
            ("cat-eslint-no-shadow-rule-source", "node_modules/eslint/lib/rules/no-shadow.js")]


def builds(tmp: Path) -> None:
    g = tmp / "mapyard"
    r484.SEED, r484.WORKS_WORDS = SEED, CARTO_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-mapyard-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-mapyard-app-scripts-libs", f"npx eslint -f json app scripts {CD}/cdt2d.js {CD}/lib "
        f"{CH}/ich.js 2>&1", g, n_eslint_json, timeout=300)
    cap("esbuild-bundle-mapyard-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-mapyard-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-cdt2d-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {CD}/cdt2d.js --bundle --minify --format=cjs --outfile=dist/cdt2d.min.js "
                "2>/dev/null", None),
           Part("cat dist/cdt2d.min.js", n_min_js, "&&")], g, timeout=300)
    for item, path in MIN_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_min_js)
    cap("cat-ich-source", f"cat {CH}/ich.js", g, n_source)
    cap("cat-cdt2d-monotone-source", f"cat {CD}/lib/monotone.js", g, n_source)
    for item, path in SRC_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "mapyard"
    for pkg in ("cdt2d", "incremental-convex-hull", "robust-orientation", "vitest"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    cap("npm-ls-mapyard-extraneous", "npm ls 2>&1", g, n_npm_ls, timeout=120)
    q = tmp / "plotstore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "plotstore", "version": "0.9.1", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund cdt2d@1.0.0 incremental-convex-hull@1.0.1 robust-orientation@1.1.3 "
        "robust-in-sphere@1.1.3 binary-search-bounds@2.0.3 simplicial-complex@0.3.3 2>&1 && npm install --no-audit "
        "--no-fund -D mocha@10.2.0 eslint@8.56.0 typescript@5.3.3 2>&1", cwd=q, timeout=400)
    cap("package-json-cat-plotstore-mocha", "cat node_modules/mocha/package.json", q, n_package_json)
    cap("package-lock-plotstore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-plotstore", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["cdt2d"] = "^2.0.0"
    pj["dependencies"]["hachure-fill"] = "^0.4.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/ms node_modules/once && cp -r node_modules/robust-in-sphere node_modules/trig-sphere && "
        "sed -i 's/\"name\": \"robust-in-sphere\"/\"name\": \"trig-sphere\"/' node_modules/trig-sphere/package.json",
        cwd=q)
    cap("npm-ls-all-plotstore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "mapyard"
    cap("node-uncaught-trigcheck", "node scripts/trigcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-trigcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {CH_TESTS} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/trigcheck.js", n_node_uncaught, ";")], g, timeout=400)


STEPS = [tests, crash, lint, builds, npm]
