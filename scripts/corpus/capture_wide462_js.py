"""Round 462, JavaScript / TypeScript: two real npm packages new to the corpus, each with its OWN test suite
(complex.js 2.4.3: complex-number arithmetic, `dist/complex.js` and `tests/complex.test.js` (mocha + node:assert);
deep-diff 1.0.2: structural object diffs, `index.js` and `test/tests.js` (mocha + expect.js)), copied into a paper
mill's apps (`vatboard`, `feltline`) with a few bugs put in by capture_material.put_bugs, the shipped suites run
against the broken copies with mocha, jest and vitest (globals; jest and vitest read mocha's describe/it); eslint
(stylish, unix) over the copies and apps with round 313's config (imported); tsc --noEmit over a strict-mode app
(`couchstock`, round 313's strict tsconfig, imported); esbuild and rollup builds failing; npm view --json; a real
install (`millstock`) whose package-lock.json is cat'ed and queried with jq, then broken by hand for npm ls --all;
minified bundles cat'ed; node crashing (`vatcheck`, `feltcheck`). Each kind's extractor is an earlier round's,
imported; a chain's from each part's own (round 9b). Run through capture_wide462.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import capture_wide313_js as r313
from capture_material import put_bugs
from capture_more import n_esbuild, n_jq, run, write_tree
from capture_wide import n_node_uncaught
from capture_wide11 import n_min_js
from capture_wide15_data import n_lock, n_npm_ls, n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_tsc, n_vitest
from capture_wide44_js import N_ESLINT_UNIX
from capture_wide6_new import n_rollup
from capture_wide9b import Part, chain, n_status_echo
from capture_wide462 import JS, cap

NM = JS / "node_modules"

# The bugs put in the copies: (file, text, replacement); each text occurs exactly once in its file.
# complex.cjs (complex.js's dist/complex.js): the square root of a negative real gets a negative imaginary part;
# the real-number shortcut of mul() is taken when EITHER factor is real (the other's imaginary part is dropped).
# deep-diff.cjs (deep-diff's index.js): an element added to an array is reported at its index but carries the
# element before it; a later date is no longer an edit (only an earlier one is); removing an array element also drops
# the one after it.
BUGS = [("complex.cjs", "return new Complex(0, Math.sqrt(-a));", "return new Complex(0, -Math.sqrt(-a));"),
        ("complex.cjs", "if (z['im'] === 0 && this['im'] === 0) {", "if (z['im'] === 0 || this['im'] === 0) {"),
        ("deep-diff.cjs", "changes.push(new DiffArray(currentPath, i, new DiffNew(undefined, rhs[i--])));",
         "changes.push(new DiffArray(currentPath, i--, new DiffNew(undefined, rhs[i])));"),
        ("deep-diff.cjs", "realTypeOf(lhs) === 'date' && (lhs - rhs) !== 0",
         "realTypeOf(lhs) === 'date' && (lhs - rhs) > 0"),
        ("deep-diff.cjs", "var rest = arr.slice((to || from) + 1 || arr.length);",
         "var rest = arr.slice((to || from) + 2 || arr.length);")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

VATS_JS = """import Complex from "../lib/complex.cjs";

const vats = { "one": "2 + 3i", "two": -4, "stuff": ["1 - i"], "beater": "hollander", "one": "3 + 4i" };
export function vatPhase(name, turns) {
  var z = vats[name];
  for (var key in vats) {
    if (name == undefined) name = key;
  }
  const unused = vats.length * 2;
  if (z == null) return "no vat " + name;
  else return new Complex(z).mul(turns).sqrt().toString();
}
export const consistency = function (readings) {
  const { length } = readings.filter((r) => new Complex(r.re, r.im).abs() > 0.03 == true);
  return length + " vats too thick";
};
export function deckle(sheets, strict, log) {
  let n = 0;
  sheets.forEach(function (s) { if (new Complex(s.w, s.h).arg() != 0) n++; });
  while (n = sheets.length) { n--; }
  if (n) {}
  return n ? sheets : null;
}
"""

MAIN_JS = """import { vatPhase, consistency } from "./vats.js";
import { couch } from "./couching.js";
import { reel } from "./reel-stand.js";

export const report = [vatPhase("one", 2), consistency([{ re: 1, im: 2 }]), couch(3), reel()];
"""

COUCHING_JS = """import Complex from "../lib/complex.cjs";

export function couch(felts) {
  const press = new Complex(felts, 1;
  return press.mul(felts).toString();
}
"""

FELTS_JS = """import deep from "../lib/deep-diff.cjs";

const felts = { "wet": { "nap": 3, "runs": [1, 2] }, "press": "felt", "dryer": null, "wet": { "nap": 4 } };
export function feltChanges(before, after) {
  var changes = deep.diff(before, after);
  for (var key in felts) {
    if (changes == undefined) changes = key;
  }
  const unused = felts.length * 2;
  if (changes == null) return "felts unchanged";
  else return changes.map((c) => c.kind + ":" + c.path.join(".")).join(", ");
}
export const worn = function (log) {
  return log.filter((f) => deep.diff(f.was, f.now) != undefined).length + " felts worn";
};
"""

COUCHSTOCK_TS = """import Complex from '../lib/complex.cjs'
import deep from '../lib/deep-diff.cjs'

interface Vat { name: string; stuff: number; phase?: { re: number; im: string }; filled?: Date }
interface Felt { press: string; runs: number[]; nap?: { depth: number } }

export function vatSheet(vats: Vat[]): string[] {
  return vats.map((v) => new Complex(v.stuff, v.phase.im).sqrt().toFixed(2) + 1)
}

export const couchLoad = (v: Vat): number => new Complex(v).mul(v.name).toString()
export const phase = (v: Vat): boolean => new Complex(v.phase).abs() > '0.5'
export const filled = (v: Vat) => v.filled.toUTCString()
export const feltDiff = (a: Felt, b: Felt): string[] => deep.diff(a, b).map((c) => c.lhs.toFixed())
export const press: number = deep.applyChange(Complex.ONE, 'felt', null)
export const napDepth = (f: Felt): string => f.nap.depth.toFixed(f.press)
export const both = (f: Felt): [Complex, number] => [new Complex(f.runs), f.runs.at(-1)]
export const reel = (v: Vat): URL => new Complex(v.stuff, 'i').pow(2, 3).valueOf().toLowerCase()
"""

VATCHECK_JS = """// vatcheck: the wet end's nightly check of vat phases and felt changes
const Complex = require("../lib/complex.cjs");

class VatCheckError extends Error {}

function phaseOf(stuff) {
  const root = new Complex(stuff).sqrt();
  if (root.im < 0) {
    throw new RangeError(`vat stuff ${stuff} gave a root below the axis: ${root.toString()}`);
  }
  return root;
}

function checkVat(name, stuff) {
  try {
    return phaseOf(stuff);
  } catch (e) {
    throw new VatCheckError(`vat ${name} failed its phase check`, { cause: e });
  }
}

const vats = [["north vat", 4], ["coucher's vat", 9], ["hollander", -16], ["stuff chest", 25]];
for (const [name, stuff] of vats) {
  console.log(name, checkVat(name, stuff).toString());
}
"""

FELTCHECK_JS = """// feltcheck: compares yesterday's felt log with today's before the press section starts
const deep = require("../lib/deep-diff.cjs");

function changesFor(press, before, after) {
  const changes = deep.diff(before, after) || [];
  for (const c of changes) {
    if (c.kind === "A" && c.item.rhs !== after.runs[c.index]) {
      throw new TypeError(`press ${press}: felt run ${c.index} added as ${c.item.rhs}, not ${after.runs[c.index]}`);
    }
  }
  return changes.length;
}

function checkPress(press, before, after) {
  try {
    return changesFor(press, before, after);
  } catch (e) {
    throw new Error(`felt check of ${press} stopped`, { cause: e });
  }
}

const log = [["first press", { runs: [1, 2] }, { runs: [1, 2] }], ["second press", { runs: [3] }, { runs: [3, 4] }]];
for (const [press, before, after] of log) {
  console.log(press, checkPress(press, before, after), "changes");
}
"""


def vatboard(tmp: Path) -> Path:
    root = tmp / "vatboard"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    pkg = NM / "complex.js"
    test = (pkg / "tests" / "complex.test.js").read_text().replace('require("complex.js")', 'require("../lib/complex.cjs")')
    write_tree(root, {"package.json": json.dumps({"name": "vatboard", "version": "1.3.0", "main": "lib/complex.cjs",
                                                  "scripts": {"test": "mocha tests/*.js"}}, indent=2) + "\n",
                      "tests/complex.test.js": test, "eslint.config.js": ESLINT_CONFIG,
                      "vitest.config.mjs": 'export default { test: { globals: true, include: ["tests/**/*.test.js"] } };\n',
                      "app/vats.js": VATS_JS, "app/main.js": MAIN_JS, "app/couching.js": COUCHING_JS,
                      "scripts/vatcheck.js": VATCHECK_JS})
    (root / "lib" / "complex.cjs").write_text((pkg / "dist" / "complex.js").read_text())
    put_bugs(root / "lib", BUGS[:2])
    return root


def feltline(tmp: Path) -> Path:
    root = tmp / "feltline"
    (root / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    pkg = NM / "deep-diff"
    write_tree(root, {"package.json": json.dumps({"name": "feltline", "version": "0.9.2", "main": "lib/deep-diff.cjs",
                                                  "scripts": {"test": "mocha test/**/*.js"}}, indent=2) + "\n",
                      "test/tests.js": (pkg / "test" / "tests.js").read_text(), "eslint.config.js": ESLINT_CONFIG,
                      "vitest.config.mjs": 'export default { test: { globals: true, include: ["test/tests.js"] } };\n',
                      "app/felts.js": FELTS_JS, "scripts/feltcheck.js": FELTCHECK_JS})
    (root / "lib" / "deep-diff.cjs").write_text((pkg / "index.js").read_text())
    put_bugs(root / "lib", BUGS[2:])
    return root


def tests(tmp: Path) -> None:
    v, f = vatboard(tmp), feltline(tmp)
    cap("mocha-complex-own-suite-vatboard", "npx mocha tests/complex.test.js", v, n_mocha, timeout=300)
    cap("jest-complex-own-suite-vatboard", "npx jest --ci tests 2>&1", v, n_jest, timeout=300)
    cap("jest-color-complex-own-suite-vatboard-head", "FORCE_COLOR=1 npx jest --ci tests 2>&1 | head -n 500", v,
        n_jest, timeout=300)
    cap("mocha-color-complex-own-suite-vatboard-head", "npx mocha --color tests/complex.test.js 2>&1 | head -n 600", v,
        n_mocha, timeout=300)
    cap("vitest-verbose-complex-own-suite-vatboard", "npx vitest run --reporter=verbose 2>&1", v, n_vitest,
        timeout=300)
    cap("vitest-complex-own-suite-vatboard-color-tail", "FORCE_COLOR=1 npx vitest run 2>&1 | tail -n 900", v,
        n_vitest, timeout=300)
    chain("chain-cd-mocha-complex-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd vatboard", None), Part("npx mocha tests/complex.test.js 2>&1 | tail -n 120", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("mocha-deep-diff-own-suite-feltline", "npx mocha test/tests.js 2>&1", f, n_mocha, timeout=300)
    cap("jest-deep-diff-own-suite-feltline", "npx jest --ci --testRegex 'test/tests\\.js$' 2>&1", f, n_jest,
        timeout=300)
    cap("vitest-deep-diff-own-suite-feltline", "npx vitest run 2>&1", f, n_vitest, timeout=300)
    cap("vitest-verbose-deep-diff-own-suite-feltline", "npx vitest run --reporter=verbose 2>&1", f, n_vitest,
        timeout=300)
    chain("chain-jest-deep-diff-arrays-tail-exit", "chain-test-exit", "test",
          [Part("npx jest --ci --testRegex 'test/tests\\.js$' -t 'array' 2>&1 | tail -n 150", n_jest),
           Part("echo EXIT=$?", n_status_echo, ";")], f, timeout=300)


def lint(tmp: Path) -> None:
    v, f = tmp / "vatboard", tmp / "feltline"
    cap("eslint-stylish-vatboard-app-lib-head", "npx eslint app lib 2>&1 | head -n 1100", v, n_eslint, timeout=300)
    cap("eslint-color-feltline-app-lib", "npx eslint --color app lib 2>&1", f, n_eslint, timeout=300)
    cap("eslint-unix-feltline-app-lib", "npx eslint -f unix app lib 2>&1", f, N_ESLINT_UNIX, timeout=300)
    cap("eslint-unix-vatboard-app-lib", "npx eslint -f unix app lib 2>&1", v, N_ESLINT_UNIX, timeout=300)
    cap("eslint-unix-feltline-grep-v-warning", "npx eslint -f unix app lib 2>&1 | grep -v Warning", f,
        N_ESLINT_UNIX, timeout=300)
    chain("chain-cd-eslint-tests-vatboard-tail-exit", "chain-lint-exit", "lint",
          [Part("cd vatboard", None), Part("npx eslint tests 2>&1 | tail -n 600", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("eslint-stylish-feltline-test", "npx eslint test 2>&1", f, n_eslint, timeout=300)
    cap("tsc-checkjs-complex-vatboard-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 --module "
        "nodenext --moduleResolution nodenext lib/complex.cjs app/vats.js 2>&1 | head -n 800", v, n_tsc, timeout=300)
    cap("tsc-checkjs-deep-diff-feltline", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 --module "
        "nodenext --moduleResolution nodenext lib/deep-diff.cjs app/felts.js scripts/feltcheck.js 2>&1", f, n_tsc,
        timeout=300)
    c = tmp / "couchstock"
    (c / "lib").mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=c)
    shutil.copy(v / "lib" / "complex.cjs", c / "lib" / "complex.cjs")
    shutil.copy(f / "lib" / "deep-diff.cjs", c / "lib" / "deep-diff.cjs")
    write_tree(c, {"package.json": json.dumps({"name": "couchstock", "version": "0.2.0", "type": "module"}, indent=2)
                   + "\n", "ts/couchstock.ts": COUCHSTOCK_TS, "app/vats.js": VATS_JS, "app/felts.js": FELTS_JS,
                   "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-couchstock-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/couchstock.ts 2>&1", c, n_tsc, timeout=300)
    write_tree(c, {"tsconfig.json": TSCONFIG})  # after the run naming files (tsc refuses both)
    cap("tsc-strict-checkjs-couchstock-head", "npx tsc --noEmit 2>&1 | head -n 900", c, n_tsc, timeout=300)
    cap("tsc-pretty-couchstock-head", "npx tsc --noEmit --pretty 2>&1 | head -n 1500", c, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-couchstock", "chain-lint-typecheck", "lint",
          [Part("cd couchstock", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 300", n_tsc, ";")], tmp, timeout=300)


MILL_WORDS = ["vat", "felt", "coucher", "deckle", "hollander", "stuff-chest", "wet-end", "dryer", "calender", "reel",
              "ream", "sizing-tub", "press", "wire", "mould"]


def mill_sections(root: Path) -> None:
    """app/mill.js importing 30 section modules: every third imports a sibling that is not there, every fourth a
    package never installed, every fifth has a syntax error (an unclosed call)."""
    files, names = {}, []
    for k in range(30):
        name = f"{MILL_WORDS[k % len(MILL_WORDS)]}-{k:02}"
        names.append(name)
        body = ['import Complex from "../../lib/complex.cjs";']
        if k % 3 == 0:
            body.append(f'import {{ tally }} from "./{MILL_WORDS[(k + 1) % len(MILL_WORDS)]}-tally.js";')
        if k % 4 == 0:
            body.append(f'import {{ grade }} from "{MILL_WORDS[(k + 2) % len(MILL_WORDS)]}-grades";')
        body.append(f"export function section{k}(stuff) {{")
        body.append(f"  const z = new Complex(stuff, {k}{'' if k % 5 == 4 else ')'};")
        body.append("  return z.sqrt().toString();")
        body.append("}")
        files[f"app/sections/{name}.js"] = "\n".join(body) + "\n"
    files["app/mill.js"] = "".join(f'export {{ section{k} }} from "./sections/{n}.js";\n' for k, n in enumerate(names))
    write_tree(root, files)


def builds(tmp: Path) -> None:
    v, f = tmp / "vatboard", tmp / "feltline"
    mill_sections(v)
    cap("esbuild-bundle-vatboard-mill-log-limit-exit", "npx esbuild app/mill.js --bundle --outfile=dist/mill.js "
        "--log-limit=0 2>&1; echo EXIT=$?", v, n_esbuild, timeout=300)
    cap("rollup-build-vatboard-mill", "npx rollup app/mill.js -d dist-mill -f es 2>&1", v, n_rollup, timeout=300)
    cap("esbuild-bundle-vatboard-log-limit-exit", "npx esbuild app/main.js app/vats.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", v, n_esbuild, timeout=300)
    chain("chain-rollup-felts-then-esbuild-exit", "chain-build-exit", "build",
          [Part("npx rollup app/felts.js -d dist-rollup -f es 2>&1", n_rollup),
           Part("npx esbuild app/felts.js lib/nope.js --bundle --outdir=dist 2>&1", n_esbuild, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], f, timeout=300)
    chain("chain-esbuild-minify-cat-vats", "chain-build-run", "code",
          [Part("npx esbuild app/vats.js --bundle --minify --outfile=dist/vats.min.js 2>/dev/null", None),
           Part("cat dist/vats.min.js", n_min_js, "&&")], v, timeout=300)
    cap("cat-min-js-complex", "cat node_modules/complex.js/dist/complex.min.js", v, n_min_js)
    cap("cat-min-js-deep-diff", "cat node_modules/deep-diff/dist/deep-diff.min.js", f, n_min_js)


def npm(tmp: Path) -> None:
    v = tmp / "vatboard"
    for pkg in ("complex.js", "deep-diff", "expect.js"):
        cap(f"npm-view-{pkg.replace('.', '-')}-json", f"npm view {pkg} --json", v, n_npm_view, timeout=120)
    m = tmp / "millstock"
    m.mkdir(parents=True, exist_ok=True)
    write_tree(m, {"package.json": json.dumps({"name": "millstock", "version": "2.1.0", "private": True}, indent=2) + "\n"})
    run("npm install --no-audit --no-fund complex.js@2.4.3 deep-diff@1.0.2 expect.js mocha eslint 2>&1", cwd=m, timeout=400)
    cap("package-lock-millstock", "cat package-lock.json", m, n_lock)
    cap("jq-lock-records-millstock", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", m, n_jq)
    chain("chain-cd-jq-lock-tsv-grep-v-mit", "chain-read-then-grep", "pkg",
          [Part("cd millstock", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | grep -v MIT", n_jq, "&&")], tmp)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((m / "package.json").read_text())
    pj["dependencies"]["complex.js"] = "^1.9.0"
    pj["dependencies"]["fast-deep-equal"] = "^3.1.3"
    (m / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/deep-diff node_modules/ms && cp -r node_modules/expect.js node_modules/couch-roll "
        "&& sed -i 's/\"name\": \"expect.js\"/\"name\": \"couch-roll\"/' node_modules/couch-roll/package.json", cwd=m)
    cap("npm-ls-all-millstock-broken", "npm ls --all 2>&1", m, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], m, timeout=120)


def crash(tmp: Path) -> None:
    v, f = tmp / "vatboard", tmp / "feltline"
    cap("node-uncaught-vatcheck", "node scripts/vatcheck.js", v, n_node_uncaught)
    chain("chain-mocha-tail-then-feltcheck-crash", "chain-test-then-run-crash", "test",
          [Part("npx mocha test/tests.js 2>&1 | tail -n 25", n_mocha),
           Part("node scripts/feltcheck.js", n_node_uncaught, ";")], f, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
