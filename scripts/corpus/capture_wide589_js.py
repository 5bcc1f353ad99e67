"""Round 589, JavaScript / TypeScript: real a-m npm packages new to the corpus with their OWN test suites
(json-stringify-safe 5.0.1: `stringify.js` and its mocha suite `test/stringify_test.js` on must 0.12 and sinon 1;
cuint 0.2.2: `index.js`, `lib/uint32.js`, `lib/uint64.js` and its 38-file mocha suite `test/` on assert), copied into
a pewter works' app (`pewtershop`) with a few bugs put in by capture_material.put_bugs, the shipped suites run
unchanged against the broken copy with mocha, jest and vitest; eslint (stylish, unix) over the copy and app with round
313's config (imported); tsc --noEmit over a strict-mode app (`ingotstock`, round 313's strict tsconfig, imported);
esbuild and rollup builds failing (round 484's `kiln_sections`, imported, called with this round's words and seed
58910); npm view --json; a real install (`alloyledger`) whose package-lock.json is cat'ed and queried with jq, then
broken by hand for npm ls --all; minified bundles cat'ed; node crashing (`assaycheck`). Each kind's extractor is an
earlier round's, imported; a chain's from each part's own (round 9b). Run through capture_wide589.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import capture_wide313_js as r313
import capture_wide484_js as r484
from capture_material import put_bugs
from capture_more import n_esbuild, n_jq, run, write_tree
from capture_wide import n_node_uncaught
from capture_wide11 import n_min_js
from capture_wide15_data import n_lock, n_npm_ls, n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_tsc, n_vitest
from capture_wide44_js import N_ESLINT_UNIX
from capture_wide6_new import n_rollup
from capture_wide9b import Part, chain, n_status_echo
from capture_wide589 import JS, cap

NM = JS / "node_modules"
SEED = 58910

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# json-stringify-safe: a circular reference's path drops its first key;
# cuint: UINT32 add loses the low half's carry; UINT32 shiftRight past 16 shifts one bit too far.
# (A fourth, UINT64 add ignoring the other operand's top 16 bits, was taken out after the first run: UINT64_not-test.js
# asserts inside a describe body, so mocha threw while loading the files and ran no test at all.)
BUGS = [("lib/json-stringify-safe/stringify.js", "keys.slice(0, stack.indexOf(value))",
         "keys.slice(1, stack.indexOf(value))"),
        ("lib/cuint/lib/uint32.js", "var a16 = a00 >>> 16", "var a16 = 0"),
        ("lib/cuint/lib/uint32.js", "this._low = this._high >> (n - 16)", "this._low = this._high >> (n - 15)")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

# must's Object.prototype.must and mocha's hook names for jest and vitest; the test files stay unchanged
JEST_SETUP = "// the shipped suites use must (mocha.opts: --require must) and mocha's before/after\nrequire(\"must\");\n" \
             "globalThis.before = globalThis.beforeAll;\nglobalThis.after = globalThis.afterAll;\n"
VITEST_SETUP = "// the shipped suites use must (mocha.opts: --require must) and mocha's before/after\nimport \"must\";\n" \
               "globalThis.before = globalThis.beforeAll;\nglobalThis.after = globalThis.afterAll;\n" \
               "globalThis.xit = globalThis.it.skip;\n"

MOULDS_JS = """import stringify from "../lib/json-stringify-safe/stringify.js";
import { UINT32 } from "../lib/cuint/index.js";

const moulds = { "tankard-1": 2.4, "porringer": "brass", "flagon": [3.1], "spoon-gang": "iron", "tankard-1": 2.6 };
export function casting(mould, ingots) {
  var w = moulds[mould];
  for (var key in moulds) {
    if (mould == undefined) mould = key;
  }
  const unused = moulds.length * 2;
  var total = UINT32(0);
  ingots.forEach(function (i) { total.add(UINT32(i.grams)); });
  if (w == null) return "no mould " + mould;
  else return stringify({ mould: mould, grams: total.toNumber(), ingots: ingots }, null, 2);
}
export const touchmark = function (pewterer, year) {
  const mark = UINT32(year).shiftLeft(4);
  return mark.toNumber() == year * 16 == true ? pewterer + " " + mark : "bad mark for " + pewterer;
};
export function ingotTally(ingots, lead, skimmer) {
  let n = 0;
  ingots.forEach(function (g) { if (g.tin != "") n++; });
  while (n = ingots.length) { n--; }
  if (n) {}
  return n ? ingots : null;
}
"""

MAIN_JS = """import { casting, touchmark } from "./moulds.js";
import { planish } from "./planish.js";
import { ladle } from "./ladles.js";

export const report = [casting("tankard-1", [{ grams: 900 }]), touchmark("Bush", 1721), planish(3), ladle()];
"""

PLANISH_JS = """import { UINT64 } from "../lib/cuint/index.js";

export function planish(n) {
  const blows = UINT64(n * 40);
  return blows.multiply(UINT64(n 2.from("tin-pot")));
}
"""

INGOT_TS = """import stringify from '../lib/json-stringify-safe/stringify.js'
import { UINT32, UINT64 } from '../lib/cuint/index.js'

interface Ingot { heat: string; grams: number; alloy?: { tin: number; lead: string }; cast?: Date }
interface Pewterer { name: string; perDay: number; freedom?: { year: number } }

export function ingotSheet(gs: Ingot[]): string[] {
  return gs.map((g) => g.alloy.tin.toFixed(g.alloy.lead))
}

export const weigh = (gs: Ingot[]): number => gs.reduce((t, g) => t.add(UINT32(g.grams)), UINT32(0))
export const label = (g: Ingot): number => stringify(g, null, 2, 'circular')
export const heavy = (p: Pewterer): boolean => UINT64(p.name).greaterThan(p.perDay)
export const cast = (g: Ingot) => g.cast.toUTCString()
export const mark: string = UINT32(1721).shiftLeft('4').toString(16, 2)
export const freed = (p: Pewterer): string => p.freedom.year.toFixed(p.name)
export const pair = (p: Pewterer): [number, string] => [stringify(p.perDay).length, p.name.at(-1)]
export const same = (a: Ingot, b: Ingot): Date => UINT32(a.grams).equals(b.grams)
"""

ASSAYCHECK_JS = """// assaycheck: the pewterer's weekly assay, serialising each heat's ingots and checking the ledger's weights
const stringify = require("../lib/json-stringify-safe/stringify.js");
const { UINT32 } = require("../lib/cuint/index.js");

class AssayError extends Error {}

function heatOf(name, count, grams) {
  const heat = { name, ingots: [] };
  for (let i = 0; i < count; i++) heat.ingots.push({ no: i + 1, grams: grams + (i % 7) * 13, heat });
  return heat;
}

function weigh(heat) {
  const total = heat.ingots.reduce((t, g) => t.add(UINT32(g.grams)), UINT32(0)).toNumber();
  const ledger = heat.ingots.reduce((t, g) => t + g.grams, 0);
  const back = JSON.parse(stringify(heat)).ingots[0].heat;
  if (total !== ledger) {
    throw new RangeError(`heat ${heat.name}: cuint weighs ${total} g, the ledger ${ledger} g (first ingot's heat: ${back})`);
  }
  return `${heat.ingots.length} ingots, ${total} g`;
}

function assay(heat) {
  try {
    return weigh(heat);
  } catch (e) {
    throw new AssayError(`assay of ${heat.name} failed`, { cause: e });
  }
}

for (const [name, count, grams] of [["tankard-heat", 12, 900], ["spoon-heat", 40, 35], ["flagon-heat", 90, 2400]]) {
  console.log(name, assay(heatOf(name, count, grams)));
}
"""

PEWTER_WORDS = ["tankard", "porringer", "flagon", "spoon", "ingot", "mould", "ladle", "touchmark", "burnisher", "lathe",
                "solder", "tin-pot", "alloy", "planish", "skimmer"]

SAFE_TEST = "lib/json-stringify-safe/test/stringify_test.js"
TESTS = f"{SAFE_TEST} lib/cuint/test/*.js"
MOCHA = "npx mocha --require must"


def pewtershop(tmp: Path) -> Path:
    root = tmp / "pewtershop"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "pewtershop", "version": "5.0.1", "main": "lib/cuint/index.js",
                                         "scripts": {"test": "mocha --require must " + TESTS},
                                         "jest": {"testMatch": ["**/lib/*/test/*.js"],
                                                  "setupFilesAfterEnv": ["./test/jest-setup.cjs"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/*/test/*.js"], '
                                  'setupFiles: ["./test/vitest-setup.mjs"] } };\n',
             "test/jest-setup.cjs": JEST_SETUP, "test/vitest-setup.mjs": VITEST_SETUP,
             "app/moulds.js": MOULDS_JS, "app/main.js": MAIN_JS, "app/planish.js": PLANISH_JS,
             "scripts/assaycheck.js": ASSAYCHECK_JS}
    write_tree(root, files)
    for pkg, parts in (("json-stringify-safe", ["stringify.js", "package.json", "test"]),
                       ("cuint", ["index.js", "package.json", "lib", "test"])):
        d = root / "lib" / pkg
        d.mkdir(parents=True, exist_ok=True)
        for f in parts:
            (shutil.copytree if (NM / pkg / f).is_dir() else shutil.copy)(NM / pkg / f, d / f)
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def tests(tmp: Path) -> None:
    g = pewtershop(tmp)
    cap("mocha-stringify-safe-cuint-own-suites-pewtershop", f"{MOCHA} {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("mocha-stringify-safe-spec-reporter", f"{MOCHA} {SAFE_TEST} --reporter spec 2>&1", g, n_mocha, timeout=300)
    cap("mocha-cuint-uint32-dot-reporter", f"{MOCHA} lib/cuint/test/UINT32*.js --reporter dot 2>&1", g, n_mocha,
        timeout=300)
    cap("jest-stringify-safe-cuint-own-suites-pewtershop", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-pewtershop-head", "npx jest --ci --verbose 2>&1 | head -n 900", g, n_jest, timeout=300)
    cap("vitest-stringify-safe-cuint-own-suites-pewtershop", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("vitest-stringify-safe-only", f"npx vitest run {SAFE_TEST} 2>&1", g, n_vitest, timeout=300)
    cap("vitest-verbose-stringify-safe", f"npx vitest run --reporter=verbose {SAFE_TEST} 2>&1", g, n_vitest,
        timeout=300)
    chain("chain-cd-mocha-pewtershop-grep-exit", "chain-cd-test-exit", "test",
          [Part("cd pewtershop", None),
           Part(f"{MOCHA} {TESTS} 2>&1 | grep -E -A4 'passing|failing|^  [0-9]+\\) '", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-jest-add-shift-tail-exit", "chain-test-exit", "test",
          [Part("npx jest --ci lib/cuint/test/UINT32_add lib/cuint/test/UINT32_shiftRight lib/cuint/test/UINT64_add "
                "2>&1 | tail -n 200", n_jest),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-vitest-circular-grep", "chain-test-grep", "test",
          [Part(f"npx vitest run -t 'circular' {SAFE_TEST} 2>&1 | grep -v '^ *$'", n_vitest)], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "pewtershop"
    cap("eslint-stylish-pewtershop-app-lib", "npx eslint app lib scripts 2>&1", g, n_eslint, timeout=300)
    cap("eslint-stylish-pewtershop-app", "npx eslint app scripts 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-pewtershop-app-lib", "npx eslint -f unix app lib scripts 2>&1", g, N_ESLINT_UNIX, timeout=300)
    cap("eslint-unix-pewtershop-grep-v-warning", "npx eslint -f unix app lib 2>&1 | grep -v Warning", g,
        N_ESLINT_UNIX, timeout=300)
    chain("chain-cd-eslint-tests-pewtershop-tail-exit", "chain-lint-exit", "lint",
          [Part("cd pewtershop", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("tsc-checkjs-cuint-stringify-pewtershop-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/json-stringify-safe/stringify.js lib/cuint/index.js "
        "app/moulds.js scripts/assaycheck.js 2>&1 | head -n 800", g, n_tsc, timeout=300)
    cap("tsc-checkjs-cuint-tests-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext {TESTS} 2>&1 | head -n 450", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-stringify-safe-tests", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target "
        f"es2022 --module nodenext --moduleResolution nodenext {SAFE_TEST} lib/cuint/test/UINT64_add-test.js "
        "2>&1 | head -n 2000", g, n_tsc, timeout=300)
    t = tmp / "ingotstock"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "ingotstock", "version": "0.2.2", "type": "module"},
                                              indent=2) + "\n", "ts/ingotstock.ts": INGOT_TS,
                   "app/moulds.js": MOULDS_JS, "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-ingotstock-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/ingotstock.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-ingotstock-head", "npx tsc --noEmit 2>&1 | head -n 400", t, n_tsc, timeout=300)
    cap("tsc-pretty-ingotstock-head", "npx tsc --noEmit --pretty 2>&1 | head -n 1500", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-ingotstock", "chain-lint-typecheck", "lint",
          [Part("cd ingotstock", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 300", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "pewtershop"
    # round 484's generator with this round's words and seed (its module constants, set before the call, as rounds
    # 500-570 did); its sections import ../../lib/numeral.js and ../../lib/vec3.js, which pewtershop lacks
    r484.SEED, r484.WORKS_WORDS = SEED, PEWTER_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-pewtershop-whole", "npx eslint . 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-pewtershop-whole-head", "npx eslint -f unix . 2>&1 | head -n 700", g, N_ESLINT_UNIX,
        timeout=300)
    cap("esbuild-bundle-pewtershop-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-pewtershop-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-pewtershop-main-exit", "npx esbuild app/main.js app/moulds.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-rollup-main-then-esbuild-exit", "chain-build-exit", "build",
          [Part("npx rollup app/main.js -d dist-rollup -f es 2>&1", n_rollup),
           Part("npx esbuild app/planish.js lib/nope.js --bundle --outdir=dist 2>&1", n_esbuild, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-esbuild-minify-cat-cuint", "chain-build-run", "code",
          [Part("npx esbuild lib/cuint/index.js --bundle --minify --platform=node "
                "--outfile=dist/cuint.min.js 2>/dev/null", None),
           Part("cat dist/cuint.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-js-yaml-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/js-yaml/index.js --bundle --minify --platform=node "
                "--outfile=dist/js-yaml.min.js 2>/dev/null", None),
           Part("cat dist/js-yaml.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-must-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/must/index.js --bundle --minify --platform=node --outfile=dist/must.min.js "
                "2>/dev/null", None), Part("cat dist/must.min.js", n_min_js, "&&")], g, timeout=300)
    cap("esbuild-minify-moulds-browser-cat", "npx esbuild app/moulds.js --bundle --minify --format=esm 2>/dev/null",
        g, n_min_js, timeout=300)


def npm(tmp: Path) -> None:
    g = tmp / "pewtershop"
    for pkg in ("json-stringify-safe", "cuint", "must", "sinon"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "alloyledger"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "alloyledger", "version": "0.9.1", "private": True}, indent=2)
                   + "\n"})
    run("npm install --no-audit --no-fund json-stringify-safe@5.0.1 cuint@0.2.2 must@0.12 sinon@1 mocha eslint "
        "esbuild 2>&1", cwd=q, timeout=400)
    cap("package-lock-alloyledger", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-alloyledger", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-cd-jq-lock-tsv-sort", "chain-read-then-grep", "pkg",
          [Part("cd alloyledger", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | sort -k3,3 -k1,1", n_jq, "&&")], tmp)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["cuint"] = "^1.0.0"
    pj["dependencies"]["touchmark"] = "^3.2.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/json-stringify-safe node_modules/ms && cp -r node_modules/cuint node_modules/ladle && "
        "sed -i 's/\"name\": \"cuint\"/\"name\": \"ladle\"/' node_modules/ladle/package.json", cwd=q)
    cap("npm-ls-all-alloyledger-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "pewtershop"
    cap("node-uncaught-assaycheck", "node scripts/assaycheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-assaycheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"{MOCHA} {TESTS} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/assaycheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
