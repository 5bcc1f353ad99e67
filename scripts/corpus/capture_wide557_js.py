"""Round 557, JavaScript / TypeScript: real a-m npm packages new to the corpus with their OWN test suites
(humanize-plus 1.8.2: `src/humanize.js` and its jasmine-style `__tests__/humanize.spec.js`; binary-search 1.3.6:
`index.js` and its mocha suite `test.js` on chai), copied into a type foundry's app (`casterboard`) with a few bugs
put in by capture_material.put_bugs, the shipped suites run unchanged against the broken copy with jest, vitest and
mocha; eslint (stylish, unix) over the copy and app with round 313's config (imported); tsc --noEmit over a
strict-mode app (`matrixstock`, round 313's strict tsconfig, imported); esbuild and rollup builds failing (round
484's `kiln_sections`, imported, called with this round's words and seed 55710); npm view --json; a real install
(`mouldstock`) whose package-lock.json is cat'ed and queried with jq, then broken by hand for npm ls --all; minified
bundles cat'ed; node crashing (`castcheck`). Each kind's extractor is an earlier round's, imported; a chain's from
each part's own (round 9b). Run through capture_wide557.py."""

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
from capture_wide557 import JS, cap

NM = JS / "node_modules"
SEED = 55710

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# humanize: file sizes divided by 1000 for KB, 2 ordinals end 'th', two items joined with '&';
# binary-search: a key not found returns -low instead of ~low.
BUGS = [("src/humanize.js", "return `${Humanize.formatNumber(filesize / 1024, 0)} KB`;",
         "return `${Humanize.formatNumber(filesize / 1000, 0)} KB`;"),
        ("src/humanize.js", "end = 'nd';", "end = 'th';"),
        ("src/humanize.js", "return items.join(' and ');", "return items.join(' & ');"),
        ("lib/binary-search/index.js", "return ~low;", "return -low;")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

BABEL_CONFIG = 'module.exports = { presets: [["@babel/preset-env", { targets: { node: "current" } }]] };\n'
EXPECT_SETUP = '// mocha has no expect: give the jasmine-style spec jest\'s\nglobal.expect = require("expect").expect;\n'

CASTERS_JS = """import Humanize from "../src/humanize.js";
import bs from "../lib/binary-search/index.js";

const casters = { "monotype-1": 140, "monotype-2": "fast", "thompson": [90], "ludlow": "slug", "monotype-1": 120 };
export function castRate(caster, sorts) {
  var n = casters[caster];
  for (var key in casters) {
    if (caster == undefined) caster = key;
  }
  const unused = casters.length * 2;
  if (n == null) return "no caster " + caster;
  else return Humanize.intComma(n * sorts) + " sorts an hour";
}
export const matrixCase = function (sizes, pica) {
  const idx = bs(sizes, pica, (a, b) => a - b);
  return idx < 0 == true ? "no matrix for " + pica : Humanize.ordinal(idx + 1) + " row";
};
export function mouldLog(moulds, worn, log) {
  let n = 0;
  moulds.forEach(function (m) { if (Humanize.fileSize(m.bytes) != "") n++; });
  while (n = moulds.length) { n--; }
  if (n) {}
  return n ? moulds : null;
}
"""

MAIN_JS = """import { castRate, matrixCase } from "./casters.js";
import { ladle } from "./ladle.js";
import { galley } from "./galleys.js";

export const report = [castRate("monotype-1", 3), matrixCase([6, 8, 10, 12], 11), ladle(7), galley()];
"""

LADLE_JS = """import Humanize from "../src/humanize.js";

export function ladle(pours) {
  const metal = Humanize.formatNumber(pours * 2.from("type-metal"));
  return "ladle " + metal;
}
"""

MATRIX_TS = """import bs from '../lib/binary-search/index.js'
import Humanize from '../src/humanize.js'

interface Matrix { face: string; pica: number; case?: { row: number; column: string }; struck?: Date }
interface Caster { name: string; sortsPerHour: number; since?: { year: number } }

export function matrixSheet(ms: Matrix[]): string[] {
  return ms.map((m) => Humanize.ordinal(m.case.row).padStart(m.case.column))
}

export const rowOf = (ms: Matrix[], m: Matrix): string => bs(ms, m, (a: Matrix, b: number) => a.pica - b)
export const heavy = (c: Caster): boolean => Humanize.intComma(c.sortsPerHour) > 9000
export const struck = (m: Matrix) => m.struck.toUTCString()
export const picaIndex = (sizes: string[], p: number): string => bs(sizes, p, (a, b) => a - b).toFixed('0')
export const mouldSize: number = Humanize.fileSize('4096', 3, true)
export const tenure = (c: Caster): string => c.since.year.toFixed(c.name)
export const both = (c: Caster): [number, string] => [Humanize.capitalize(c.sortsPerHour).length, c.name.at(-1)]
export const face = (m: Matrix): Date => bs([m.face], m.face, (a, b) => a.localeCompare(b))
"""

CASTCHECK_JS = """// castcheck: the caster's morning round, checking each mould's log size before the casters start
const Humanize = require("../src/humanize.js");
const bs = require("../lib/binary-search/index.js");

class CastCheckError extends Error {}

function logSize(mould, bytes, expected) {
  const got = Humanize.fileSize(bytes);
  if (got !== expected) {
    throw new RangeError(`mould ${mould}: log of ${bytes} bytes read ${got}, expected ${expected}`);
  }
  return got;
}

function checkMould(mould, bytes, expected) {
  try {
    return logSize(mould, bytes, expected);
  } catch (e) {
    throw new CastCheckError(`mould check on ${mould} failed`, { cause: e });
  }
}

const picas = [6, 8, 10, 12, 14, 18, 24];
console.log("matrix rows:", [10, 11, 24].map((p) => bs(picas, p, (a, b) => a - b)));
const moulds = [["mould-6pt", 512, "512 bytes"], ["mould-8pt", 900, "900 bytes"], ["mould-10pt", 2048, "2 KB"],
                ["mould-12pt", 102400, "100 KB"], ["mould-14pt", 51200, "50 KB"]];
for (const [mould, bytes, expected] of moulds) {
  console.log(mould, bytes, checkMould(mould, bytes, expected));
}
"""

FOUNDRY_WORDS = ["matrix", "mould", "caster", "punch", "ladle", "sort", "galley", "composing-stick", "em-quad", "pica",
                 "type-metal", "jet", "drag", "rubbing-stone", "foundry-floor"]


def casterboard(tmp: Path) -> Path:
    root = tmp / "casterboard"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    hp, bsp = NM / "humanize-plus", NM / "binary-search"
    files = {"package.json": json.dumps({"name": "casterboard", "version": "1.8.0", "main": "src/humanize.js",
                                         "scripts": {"test": "jest"},
                                         "jest": {"testMatch": ["**/__tests__/**/*.spec.js",
                                                                "**/lib/binary-search/test.js"]}}, indent=2) + "\n",
             "babel.config.cjs": BABEL_CONFIG, "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["__tests__/**/*.spec.js", '
                                  '"lib/binary-search/test.js"], server: { deps: { external: [/src\\/humanize/] } } } };\n',
             "test/expect-globals.cjs": EXPECT_SETUP,
             "app/casters.js": CASTERS_JS, "app/main.js": MAIN_JS, "app/ladle.js": LADLE_JS,
             "scripts/castcheck.js": CASTCHECK_JS}
    write_tree(root, files)
    for d in ("src", "__tests__", "dist", "lib/binary-search"):
        (root / d).mkdir(parents=True, exist_ok=True)
    shutil.copy(hp / "src" / "humanize.js", root / "src" / "humanize.js")
    shutil.copy(hp / "__tests__" / "humanize.spec.js", root / "__tests__" / "humanize.spec.js")
    for f in ("index.js", "test.js", "package.json", "binary-search.d.ts"):
        shutil.copy(bsp / f, root / "lib" / "binary-search" / f)
    put_bugs(root, BUGS)
    return root


MOCHA_HP = "npx mocha --require @babel/register --require ./test/expect-globals.cjs __tests__/humanize.spec.js"


def tests(tmp: Path) -> None:
    g = casterboard(tmp)
    cap("jest-humanize-binary-search-own-suites-casterboard", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-casterboard", "npx jest --ci --verbose 2>&1", g, n_jest, timeout=300)
    cap("jest-color-casterboard-head", "FORCE_COLOR=1 npx jest --ci 2>&1 | head -n 300", g, n_jest, timeout=300)
    cap("vitest-humanize-binary-search-own-suites-casterboard", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("vitest-verbose-casterboard", "npx vitest run --reporter=verbose 2>&1", g, n_vitest, timeout=300)
    cap("mocha-humanize-spec-babel-register", MOCHA_HP + " 2>&1", g, n_mocha, timeout=300)
    cap("mocha-color-both-suites-casterboard", MOCHA_HP + " lib/binary-search/test.js --color 2>&1", g, n_mocha,
        timeout=300)
    cap("vitest-color-verbose-casterboard", "FORCE_COLOR=1 npx vitest run --reporter=verbose 2>&1", g, n_vitest,
        timeout=300)
    chain("chain-cd-mocha-casterboard-grep-exit", "chain-cd-test-exit", "test",
          [Part("cd casterboard", None),
           Part(MOCHA_HP + " lib/binary-search/test.js 2>&1 | grep -E -A3 'passing|failing|^  [0-9]+\\) '", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-jest-ordinal-tail-exit", "chain-test-exit", "test",
          [Part("npx jest --ci -t 'ordinal|size|Oxford|list' 2>&1 | tail -n 150", n_jest),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-vitest-binarysearch-grep", "chain-test-grep", "test",
          [Part("npx vitest run -t 'binarysearch|ordinal' 2>&1 | grep -v '^ *$'", n_vitest)], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "casterboard"
    cap("eslint-stylish-casterboard-app-src-lib", "npx eslint app src lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-color-casterboard-app", "npx eslint --color app 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-casterboard-app-src-lib", "npx eslint -f unix app src lib 2>&1", g, N_ESLINT_UNIX, timeout=300)
    cap("eslint-unix-casterboard-grep-v-warning", "npx eslint -f unix app src 2>&1 | grep -v Warning", g,
        N_ESLINT_UNIX, timeout=300)
    chain("chain-cd-eslint-tests-casterboard-tail-exit", "chain-lint-exit", "lint",
          [Part("cd casterboard", None), Part("npx eslint __tests__ lib/binary-search/test.js 2>&1 | tail -n 500",
                                              n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("eslint-stylish-casterboard-whole", "npx eslint . 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-casterboard-whole-head", "npx eslint -f unix . 2>&1 | head -n 700", g, N_ESLINT_UNIX,
        timeout=300)
    cap("tsc-checkjs-humanize-casterboard-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext src/humanize.js lib/binary-search/index.js app/casters.js "
        "scripts/castcheck.js 2>&1 | head -n 800", g, n_tsc, timeout=300)
    cap("tsc-checkjs-humanize-tests-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext src/humanize.js __tests__/humanize.spec.js "
        "lib/binary-search/test.js 2>&1 | head -n 1500", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-humanize-tests-head", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target "
        "es2022 --module nodenext --moduleResolution nodenext src/humanize.js __tests__/humanize.spec.js "
        "lib/binary-search/test.js 2>&1 | head -n 2500", g, n_tsc, timeout=300)
    cap("eslint-color-casterboard-whole", "npx eslint --color . 2>&1", g, n_eslint, timeout=300)
    t = tmp / "matrixstock"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "src", t / "src", dirs_exist_ok=True)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "matrixstock", "version": "0.9.0", "type": "module"},
                                              indent=2) + "\n", "ts/matrixstock.ts": MATRIX_TS,
                   "app/casters.js": CASTERS_JS, "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-matrixstock-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/matrixstock.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-matrixstock-head", "npx tsc --noEmit 2>&1 | head -n 900", t, n_tsc, timeout=300)
    cap("tsc-pretty-matrixstock-head", "npx tsc --noEmit --pretty 2>&1 | head -n 1500", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-matrixstock", "chain-lint-typecheck", "lint",
          [Part("cd matrixstock", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 300", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "casterboard"
    # round 484's generator with this round's words and seed (its module constants, set before the call, as rounds
    # 500-543 did); its sections import ../../lib/numeral.js and ../../lib/vec3.js, which casterboard lacks
    r484.SEED, r484.WORKS_WORDS = SEED, FOUNDRY_WORDS
    r484.kiln_sections(g)
    cap("esbuild-bundle-casterboard-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-casterboard-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-casterboard-main-exit", "npx esbuild app/main.js app/casters.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-rollup-main-then-esbuild-exit", "chain-build-exit", "build",
          [Part("npx rollup app/main.js -d dist-rollup -f es 2>&1", n_rollup),
           Part("npx esbuild app/ladle.js lib/nope.js --bundle --outdir=dist 2>&1", n_esbuild, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-esbuild-minify-cat-humanize", "chain-build-run", "code",
          [Part("npx esbuild src/humanize.js --bundle --minify --platform=node --outfile=dist/humanize.min.js "
                "2>/dev/null", None), Part("cat dist/humanize.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-spec-cat", "chain-build-run", "code",
          [Part("npx esbuild __tests__/humanize.spec.js --bundle --minify --platform=node "
                "--outfile=dist/spec.min.js 2>/dev/null", None),
           Part("cat dist/spec.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-chai-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/chai/index.js --bundle --minify --platform=node --outfile=dist/chai.min.js "
                "2>/dev/null", None), Part("cat dist/chai.min.js", n_min_js, "&&")], g, timeout=300)
    cap("esbuild-minify-casters-browser-cat", "npx esbuild app/casters.js --bundle --minify --format=esm 2>/dev/null",
        g, n_min_js, timeout=300)


def npm(tmp: Path) -> None:
    g = tmp / "casterboard"
    for pkg in ("humanize-plus", "binary-search", "expr-eval", "jsep"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "mouldstock"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "mouldstock", "version": "2.4.0", "private": True}, indent=2)
                   + "\n"})
    run("npm install --no-audit --no-fund humanize-plus@1.8.2 binary-search@1.3.6 expr-eval jsep chai@4 mocha eslint "
        "2>&1", cwd=q, timeout=400)
    cap("package-lock-mouldstock", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-mouldstock", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-cd-jq-lock-tsv-sort", "chain-read-then-grep", "pkg",
          [Part("cd mouldstock", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | sort -k3,3 -k1,1", n_jq, "&&")], tmp)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["humanize-plus"] = "^2.0.0"
    pj["dependencies"]["em-quad"] = "^1.4.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/jsep node_modules/supports-color && cp -r node_modules/binary-search "
        "node_modules/pica-mould && sed -i 's/\"name\": \"binary-search\"/\"name\": \"pica-mould\"/' "
        "node_modules/pica-mould/package.json", cwd=q)
    cap("npm-ls-all-mouldstock-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "casterboard"
    cap("node-uncaught-castcheck", "node scripts/castcheck.js", g, n_node_uncaught)
    chain("chain-jest-tail-then-castcheck-crash", "chain-test-then-run-crash", "test",
          [Part("npx jest --ci 2>&1 | tail -n 60", n_jest),
           Part("node scripts/castcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
