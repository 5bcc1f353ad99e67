"""Round 701, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites
(nextafter 1.0.0: `nextafter.js` and its tape suite `test/test.js`, double-bits installed with it; permutation-rank
1.0.0: `index.js` and its tape suite `test/test.js`, invert-permutation and typedarray-pool installed with it), copied
into a sundial maker's app (`dialyard`) with a few bugs put in by capture_material.put_bugs, the shipped suites run
unchanged against the broken copy with mocha, jest, vitest and node --test (`require("tape")` met by round 664's
shim, imported); eslint (stylish, json) with round 313's config (imported); tsc --noEmit, pretty off and on, over a
strict-mode app (`gnomonbench`, round 313's strict tsconfig, imported) and with checkJs over the copy; esbuild and
rollup builds failing (round 484's `kiln_sections`, imported, called with this round's words and seed 70110); npm view
--json and npm outdated; a real install at old pinned versions (`platestore`) whose package.json and package-lock.json
are cat'ed and queried with jq, then broken by hand for npm ls --all; source and minified bundles cat'ed; node
crashing (`dialcheck`). Each kind's extractor is an earlier round's, imported; a chain's from each part's own (round
9b). The layout follows round 693's module; run through capture_wide701.py."""

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
from capture_wide701 import JS, cap

NM = JS / "node_modules"
SEED = 70110

NA = "lib/nextafter"
PRK = "lib/permutation-rank"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# nextafter: stepping away from zero adds two units in the last place instead of one.
# permutation-rank: rank's mixed-radix accumulation multiplies by i + 1 instead of i.
BUGS = [(f"{NA}/nextafter.js", "      lo += 1\n", "      lo += 2\n"),
        (f"{PRK}/index.js", "    r = (r + s) * i\n", "    r = (r + s) * (i + 1)\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

PLATE_JS = """import nextafter from "../lib/nextafter/nextafter.js";
import { rank, unrank } from "../lib/permutation-rank/index.js";

const plates = { "horizontal": [15, 30, 45], "vertical/south": [12], "armillary": 9, "pocket": [7, 8], "horizontal": [0] };
export function setOut(style, hours) {
  var lines = plates[style];
  for (var key in plates) {
    if (style == undefined) style = key;
  }
  const unused = plates.length * 2;
  var marked = 0;
  hours.forEach(function (h, i) { if (nextafter(h.angle, 90) > h.angle) marked++; h.order = i; });
  if (lines == null) return "no plate " + style;
  else return marked + " hour lines marked over " + lines.length + " plates";
}
export const gnomonOrder = function (dialist, gnomons) {
  var r = rank(gnomons);
  var shown = 0;
  [r].forEach(function () { shown++ });
  return shown == true ? dialist + " " + unrank(gnomons.length, r).toString() : "no order for " + dialist;
};
export function plateTally(plates, latitude, style) {
  let n = 0;
  plates.forEach(function (p) { if (p.motto != "") n++; });
  while (n = plates.length) { n--; }
  if (n) {}
  return n ? plates : null;
}
"""

MAIN_JS = """import { setOut, gnomonOrder } from "./plate.js";
import { latitude } from "./latitude.js";
import { motto } from "./motto.js";

export const report = [setOut("horizontal", [{ angle: 15 }]), gnomonOrder("Ada", [2, 0, 1]), latitude(51), motto()];
"""

LATITUDE_JS = """import nextafter from "../lib/nextafter/nextafter.js";

export function latitude(deg) {
  const tilt = nextafter(deg, 90);
  return [tilt].find(Object.keys(tilt d 2.from("gnomon")));
}
"""

GNOMONBENCH_TS = """import nextafter from '../lib/nextafter/nextafter.js'
import { rank, unrank } from '../lib/permutation-rank/index.js'

interface Plate { style: string; latitude: number; gnomon?: { height: number; brass: boolean }; cast?: Date }
interface Dialist { name: string; platesPerYear: number; motto?: { text: string } }

export function hourSheet(ps: Plate[]): string[] {
  return ps.map((p) => p.gnomon.height.toFixed(p.gnomon.brass))
}

export const reach = (d: Dialist): number => nextafter(d.name).length + d.platesPerYear.toFixed(2)
export const order = (d: Dialist): number => rank(d.motto.text, [1, 2], [3, 4]).length
export const steep = (p: Plate): boolean => p.latitude.toString(2).padStart(p.style)
export const castOn = (p: Plate) => p.cast.toUTCString()
export const mark: string = [nextafter, rank].join(12, 3)
export const mottoWord = (d: Dialist): string => d.motto.text.split(' ')[1].toFixed(d.name)
export const pair = (d: Dialist): [number, string] => [d.name.length, d.name.at(-1), d.platesPerYear]
export const same = (a: Plate, b: Plate): Date => a.latitude === b.style
export const plates: Plate[] = [{ style: 'horizontal', latitude: 51.5 }, { style: 'vertical' }, 'armillary', { style: 'polar', latitude: '52' }]
export function grade(deg: number): string { if (deg > 45) return 'steep' }
export const lines = unrank([[1, 2]], 'hours').slice('0')
export const sign: number = nextafter[3]([0, 0], [1, 1], (a: string, b: string) => a.localeCompare(b))
"""

DIALCHECK_JS = """// dialcheck: the sundial maker's check of each dial plate before casting: the gnomon order must rank and unrank
// to itself (permutation-rank), and each hour line's angle must step up by exactly one ulp (nextafter)
const nextafter = require("../lib/nextafter/nextafter.js");
const { rank, unrank } = require("../lib/permutation-rank/index.js");

class PlateError extends Error {}

const works = { plates: [ { name: "pocket 1", order: [0], hourLine: 0, ulp: Math.pow(2, -1074) },
                          { name: "garden-horizontal 3", order: [2, 0, 1], hourLine: 15, ulp: Math.pow(2, -49) },
                          { name: "vertical/south 7", order: [3, 1, 0, 2], hourLine: 22.5, ulp: Math.pow(2, -48) } ] };

function cast(i) {
  const plate = works.plates[i];
  const back = unrank(plate.order.length, rank(plate.order));
  if (back.join(",") !== plate.order.join(",")) throw new RangeError(`plate ${plate.name}: gnomon order ${plate.order.join(",")} ranks back as ${back.join(",")}`);
  const step = nextafter(plate.hourLine, 90) - plate.hourLine;
  if (step !== plate.ulp) throw new RangeError(`plate ${plate.name}: hour line ${plate.hourLine} steps ${step}, one ulp is ${plate.ulp}`);
  return `order ${rank(plate.order)}, hour line step ${step}`;
}

function check(i) {
  try {
    return cast(i);
  } catch (e) {
    throw new PlateError(`check of ${works.plates[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < works.plates.length; i++) {
  console.log(works.plates[i].name, check(i));
}
"""

DIAL_WORDS = ["dial", "gnomon", "hour-line", "dial-plate", "style", "noon-mark", "motto", "latitude", "armillary",
              "equinox", "brass-casting", "analemma", "dialist", "shadow", "meridian"]

N_TEST = f"{NA}/test/test.js"
R_TEST = f"{PRK}/test/test.js"
TESTS = f"{N_TEST} {R_TEST}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"
PKGS = (("nextafter", ["nextafter.js", "package.json", "test"]),
        ("permutation-rank", ["index.js", "package.json", "test"]))


def dialyard(tmp: Path) -> Path:
    root = tmp / "dialyard"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "dialyard", "version": "2.3.0", "main": f"{NA}/nextafter.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/lib/*/test/*.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/*/test/*.js"] } };\n',
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/plate.js": PLATE_JS, "app/main.js": MAIN_JS, "app/latitude.js": LATITUDE_JS,
             "scripts/dialcheck.js": DIALCHECK_JS}
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
    g = dialyard(tmp)
    cap("mocha-nextafter-permrank-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("jest-nextafter-permrank-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-coverage-dialyard", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=300)
    cap("vitest-nextafter-permrank-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("node-test-dialyard-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=300)
    cap("node-test-spec-permrank-suite", f"{NODE_TEST} --test-reporter=spec {R_TEST} 2>&1", g, n_node_test,
        timeout=300)
    chain("chain-cd-vitest-verbose-permrank-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd dialyard", None),
           Part(f"npx vitest run --reporter=verbose {PRK} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "dialyard"
    cap("eslint-stylish-dialyard-app-lib", f"npx eslint app {NA}/nextafter.js {PRK}/index.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-dialyard-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-dialyard-libs-suites", f"npx eslint -f json app {NA} {PRK} 2>&1", g, n_eslint_json,
        timeout=300)
    chain("chain-cd-eslint-suites-dialyard-tail-exit", "chain-lint-exit", "lint",
          [Part("cd dialyard", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-nextafter-permrank-dialyard", f"npx tsc {js_flags} {NA}/nextafter.js {PRK}/index.js "
        "app/plate.js scripts/dialcheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-deps", f"npx tsc --pretty {js_flags} lib/*/*.js node_modules/double-bits/double.js "
        "node_modules/typedarray-pool/pool.js node_modules/invert-permutation/index.js scripts/dialcheck.js "
        "app/plate.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "gnomonbench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "gnomonbench", "version": "0.4.2", "type": "module"},
                                              indent=2) + "\n", "ts/gnomonbench.ts": GNOMONBENCH_TS,
                   "app/plate.js": PLATE_JS, "eslint.config.js": ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-gnomonbench-app-only", f"npx tsc {ts_flags} ts/gnomonbench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-gnomonbench-app-only", f"npx tsc --pretty {ts_flags} ts/gnomonbench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-gnomonbench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-gnomonbench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-gnomonbench", "chain-lint-typecheck", "lint",
          [Part("cd gnomonbench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


# cat'ed files of the installed tools (chosen by path and file size before the capture, none cat'ed in round 693)
MIN_CATS = [("cat-json5-min-js", "node_modules/json5/dist/index.min.js"),
            ("cat-esquery-min-js", "node_modules/esquery/dist/esquery.min.js"),
            ("cat-lru-cache-min-js", "node_modules/path-scurry/node_modules/lru-cache/dist/commonjs/index.min.js")]
SRC_CATS = [("cat-eslint-no-restricted-imports-rule-source", "node_modules/eslint/lib/rules/no-restricted-imports.js"),
            ("cat-mocha-runner-source", "node_modules/mocha/lib/runner.js"),
            ("cat-eslint-prefer-const-rule-source", "node_modules/eslint/lib/rules/prefer-const.js"),
            ("cat-mocha-errors-source", "node_modules/mocha/lib/errors.js"),
            ("cat-rollup-watch-cli-source", "node_modules/rollup/dist/shared/watch-cli.js"),
            ("cat-double-bits-source", "node_modules/double-bits/double.js"),
            ("cat-typedarray-pool-source", "node_modules/typedarray-pool/pool.js")]


def builds(tmp: Path) -> None:
    g = tmp / "dialyard"
    r484.SEED, r484.WORKS_WORDS = SEED, DIAL_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-dialyard-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-dialyard-app-scripts-libs", "npx eslint -f json app scripts lib/*/*.js 2>&1", g,
        n_eslint_json, timeout=300)
    cap("esbuild-bundle-dialyard-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-dialyard-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-nextafter-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {NA}/nextafter.js --bundle --minify --format=cjs --outfile=dist/nextafter.min.js "
                "2>/dev/null", None),
           Part("cat dist/nextafter.min.js", n_min_js, "&&")], g, timeout=300)
    for item, path in MIN_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_min_js)
    cap("cat-nextafter-source", f"cat {NA}/nextafter.js", g, n_source)
    cap("cat-permrank-source", f"cat {PRK}/index.js", g, n_source)
    for item, path in SRC_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "dialyard"
    for pkg in ("nextafter", "permutation-rank", "vitest", "rollup"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    cap("npm-ls-dialyard-extraneous", "npm ls 2>&1", g, n_npm_ls, timeout=120)
    q = tmp / "platestore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "platestore", "version": "0.7.1", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund nextafter@1.0.0 double-bits@1.1.1 permutation-rank@0.0.0 "
        "invert-permutation@0.0.0 typedarray-pool@0.1.2 bit-twiddle@0.0.2 2>&1 && npm install --no-audit --no-fund -D "
        "mocha@10.4.0 eslint@8.57.0 typescript@5.4.5 2>&1", cwd=q, timeout=400)
    cap("package-json-cat-platestore-mocha", "cat node_modules/mocha/package.json", q, n_package_json)
    cap("package-lock-platestore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-platestore", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["permutation-rank"] = "^3.0.0"
    pj["dependencies"]["dialproof"] = "^1.4.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/dup node_modules/ms && cp -r node_modules/double-bits "
        "node_modules/plate-bits && sed -i 's/\"name\": \"double-bits\"/\"name\": \"plate-bits\"/' "
        "node_modules/plate-bits/package.json", cwd=q)
    cap("npm-ls-all-platestore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "dialyard"
    cap("node-uncaught-dialcheck", "node scripts/dialcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-dialcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {R_TEST} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/dialcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, crash, lint, builds, npm]
