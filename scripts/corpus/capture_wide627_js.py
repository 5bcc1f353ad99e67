"""Round 627, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites (jsonpath
1.1.1: `lib/*.js` and its mocha TDD suites `test/*.js` on assert; quaternion 1.5.1: `quaternion.js` and its mocha suite
`tests/quaternion.test.js` on assert), copied into a bookbindery's app (`bindroom`) with a few bugs put in by
capture_material.put_bugs, the shipped suites run unchanged against the broken copy with mocha, jest, vitest and
node --test; eslint (stylish, json) over the copy and app with round 313's config (imported); tsc --noEmit, pretty off
and on, over a strict-mode app (`spinestock`, round 313's strict tsconfig, imported) and with checkJs over the copy;
esbuild and rollup builds failing (round 484's `kiln_sections`, imported, called with this round's words and seed
62710); npm view --json and npm outdated; a real install at old pinned versions (`foliobook`) whose package.json and
package-lock.json are cat'ed and queried with jq, then broken by hand for npm ls --all; source and minified bundles
cat'ed; node crashing (`quirecheck`). Each kind's extractor is an earlier round's, imported; a chain's from each part's
own (round 9b). The layout follows round 614's module; run through capture_wide627.py."""

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
from capture_wide627 import JS, cap

NM = JS / "node_modules"
SEED = 62710

# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# jsonpath: a negative slice start is taken one place too far right; a positive step's end is clamped one short.
# quaternion: dot() multiplies z by the other's y; inverse() leaves z out of the squared norm.
BUGS = [("lib/jsonpath/lib/slice.js", "start = start < 0 ? len + start : start;",
         "start = start < 0 ? len + start + 1 : start;"),
        ("lib/jsonpath/lib/slice.js", "end = step > 0 ? Math.min(end, len) : Math.max(-1, end);",
         "end = step > 0 ? Math.min(end, len - 1) : Math.max(-1, end);"),
        ("lib/quaternion/quaternion.js", "this['y'] * P['y'] + this['z'] * P['z'];",
         "this['y'] * P['y'] + this['z'] * P['y'];"),
        ("lib/quaternion/quaternion.js", "var normSq = w * w + x * x + y * y + z * z;",
         "var normSq = w * w + x * x + y * y;")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

# jsonpath's suites use mocha's TDD interface (suite/test), quaternion's the BDD one (describe/it); the test files
# stay unchanged
JEST_SETUP = "// jsonpath's suites use mocha's TDD interface\n" \
             "globalThis.suite = globalThis.describe;\nglobalThis.suiteSetup = globalThis.beforeAll;\n" \
             "globalThis.setup = globalThis.beforeEach;\n"
VITEST_SETUP = "// jsonpath's suites use mocha's TDD interface\n" \
               "globalThis.suiteSetup = globalThis.beforeAll;\nglobalThis.setup = globalThis.beforeEach;\n"
NODE_TEST_SETUP = """// the shipped suites are mocha's TDD and BDD styles: node:test's suite/test/describe/it as globals
import { suite, test, describe, it, before, after, beforeEach, afterEach } from "node:test";
Object.assign(globalThis, { suite, test, describe, it, before, after, beforeEach, afterEach,
                            suiteSetup: before, setup: beforeEach });
"""

PRESSES_JS = """import jp from "../lib/jsonpath/index.js";
import Quaternion from "../lib/quaternion/quaternion.js";

const presses = { "press-1": "$.quires[0:2]", "sewing/frame": "$.quires[-2:]", "standing": [3], "nipping": "$..spine", "press-1": "x" };
export function pressing(press, books) {
  var path = presses[press];
  for (var key in presses) {
    if (press == undefined) press = key;
  }
  const unused = presses.length * 2;
  var quires = jp.query({ quires: books }, path);
  books.forEach(function (b) { b.turn = new Quaternion(b.angle).normalize(); });
  if (path == null) return "no press " + press;
  else return quires.length + " quires pressed for " + books.length + " books";
}
export const spineMark = function (binder, year) {
  const q = Quaternion.fromAxisAngle([0, 0, 1], year % 360);
  return q.dot(q.conjugate()) == true ? binder + " " + q.toString() : "bad mark for " + binder;
};
export function quireTally(books, thread, glue) {
  let n = 0;
  books.forEach(function (b) { if (b.spine != "") n++; });
  while (n = books.length) { n--; }
  if (n) {}
  return n ? books : null;
}
"""

MAIN_JS = """import { pressing, spineMark } from "./presses.js";
import { folder } from "./folder.js";
import { sew } from "./sewing.js";

export const report = [pressing("press-1", [{ spine: "calf" }]), spineMark("Morrell", 1869), folder(3), sew()];
"""

FOLDER_JS = """import jp from "../lib/jsonpath/index.js";

export function folder(n) {
  const sheets = jp.parse("$.sheets[" + n * 16 + "]");
  return jp.stringify(Object.keys(sheets n 2.from("octavo")));
}
"""

SPINE_TS = """import jp from '../lib/jsonpath/index.js'
import Quaternion from '../lib/quaternion/quaternion.js'

interface Book { title: string; quires: number; spine?: { width: number; leather: string }; bound?: Date }
interface Binder { name: string; perDay: number; press?: { path: string } }

export function spineSheet(bs: Book[]): string[] {
  return bs.map((b) => b.spine.width.toFixed(b.spine.leather))
}

export const turn = (b: Binder): number => new Quaternion(b.perDay, b.name).norm().toFixed(2)
export const pressed = (b: Binder): number => jp.query(b, b.press.path, 'all')
export const level = (b: Book): boolean => new Quaternion(b.quires).isFinite(b.title)
export const bound = (b: Book) => b.bound.toUTCString()
export const mark: string = Quaternion.fromAxisAngle([0, 0, 1], '90').toVector().join(16, 2)
export const pathOf = (b: Binder): string => b.press.path.split('.')[1].toFixed(b.name)
export const pair = (b: Binder): [number, string] => [jp.paths(b, '$..name').length, b.name.at(-1)]
export const same = (a: Book, b: Book): Date => new Quaternion(a.quires).equals(b.title)
export const spin = new Quaternion(1, 2, 3, 4).rotateVector([1, 2]).mul('i', 'j', 'k')
export const frames: Quaternion[] = [Quaternion.ONE, Quaternion.I, 'J', Quaternion.fromEuler(1, 2)]
"""

QUIRECHECK_JS = """// quirecheck: the binder's weekly tally; each press's quires are found in the ledger by a JSONPath query and
// each spine's turn on the sewing frame is a unit quaternion
const jp = require("../lib/jsonpath/index.js");
const Quaternion = require("../lib/quaternion/quaternion.js");

class TallyError extends Error {}

const ledger = { presses: [ { name: "press/1", quires: [1, 2, 3, 4], turn: [1, 0, 0, 0] },
                            { name: "nipping~press", quires: [5, 6], turn: [0, 1, 0, 0] },
                            { name: "standing/3", quires: [7, 8, 9, 10, 11, 12], turn: [0.5, 0.5, 0.5, 0.5] },
                            { name: "press/4", quires: [13, 14, 15], turn: [0, 0, 0, 1] } ] };

function count(i) {
  const press = ledger.presses[i];
  const last = jp.query(ledger, `$.presses[${i}].quires[-2:]`);
  const q = new Quaternion(press.turn);
  const back = q.mul(q.inverse());
  if (Math.abs(back.w - 1) > 1e-9) {
    throw new RangeError(`press ${press.name}: turn ${q.toString()} times its inverse is ${back.toString()}, not 1 (last quires ${JSON.stringify(last)})`);
  }
  return `${press.quires.length} quires, last two ${JSON.stringify(last)}, turn ${q.toString()}`;
}

function tally(i) {
  try {
    return count(i);
  } catch (e) {
    throw new TallyError(`tally of ${ledger.presses[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < ledger.presses.length; i++) {
  console.log(ledger.presses[i].name, tally(i));
}
"""

BINDERY_WORDS = ["quire", "spine", "press", "folder", "sewing", "nipping", "mull", "headband", "calf", "gilding",
                 "marbling", "endband", "guillotine", "octavo", "plough"]

JP_TESTS = "lib/jsonpath/test/*.js"
JP_QUERY = "lib/jsonpath/test/query.js"
Q_TEST = "lib/quaternion/tests/quaternion.test.js"
TESTS = f"{JP_TESTS} {Q_TEST}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"


def bindroom(tmp: Path) -> Path:
    root = tmp / "bindroom"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "bindroom", "version": "1.1.1", "main": "lib/jsonpath/index.js",
                                         "scripts": {"test": "mocha -u tdd " + JP_TESTS},
                                         "jest": {"testMatch": ["**/lib/jsonpath/test/*.js",
                                                                "**/lib/quaternion/tests/*.test.js"],
                                                  "setupFilesAfterEnv": ["./test/jest-setup.cjs"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/jsonpath/test/*.js", '
                                  '"lib/quaternion/tests/*.test.js"], setupFiles: ["./test/vitest-setup.mjs"] } };\n',
             "test/jest-setup.cjs": JEST_SETUP, "test/vitest-setup.mjs": VITEST_SETUP,
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/presses.js": PRESSES_JS, "app/main.js": MAIN_JS, "app/folder.js": FOLDER_JS,
             "scripts/quirecheck.js": QUIRECHECK_JS}
    write_tree(root, files)
    for pkg, parts in (("jsonpath", ["index.js", "lib", "generated", "include", "node_modules", "package.json", "test",
                                     "jsonpath.min.js"]),
                       ("quaternion", ["quaternion.js", "quaternion.d.ts", "package.json", "tests"])):
        d = root / "lib" / pkg
        d.mkdir(parents=True, exist_ok=True)
        for f in parts:
            if (NM / pkg / f).exists():
                (shutil.copytree if (NM / pkg / f).is_dir() else shutil.copy)(NM / pkg / f, d / f)
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def tests(tmp: Path) -> None:
    g = bindroom(tmp)
    cap("mocha-tdd-jsonpath-own-suites-bindroom", f"npx mocha -u tdd {JP_TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("mocha-quaternion-spec-reporter-head", f"npx mocha {Q_TEST} --reporter spec 2>&1 | head -n 900", g, n_mocha,
        timeout=300)
    cap("jest-jsonpath-quaternion-own-suites-bindroom", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-bindroom-head", "npx jest --ci --verbose 2>&1 | head -n 700", g, n_jest, timeout=300)
    cap("vitest-jsonpath-quaternion-own-suites-bindroom", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("vitest-verbose-jsonpath-only", f"npx vitest run --reporter=verbose lib/jsonpath 2>&1", g, n_vitest,
        timeout=300)
    cap("node-test-jsonpath-quaternion-tap-head", f"{NODE_TEST} {TESTS} 2>&1 | head -n 4000", g, n_node_test, timeout=300)
    cap("node-test-quaternion-spec-head", f"{NODE_TEST} --test-reporter=spec {Q_TEST} 2>&1 | head -n 900", g, n_node_test,
        timeout=300)
    chain("chain-cd-vitest-verbose-quaternion-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd bindroom", None),
           Part(f"npx vitest run --reporter=verbose lib/quaternion 2>&1 | tail -n 400", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-node-test-spec-jsonpath-tail-exit", "chain-test-exit", "test",
          [Part(f"{NODE_TEST} --test-reporter=spec {JP_TESTS} 2>&1 | tail -n 150", n_node_test),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "bindroom"
    cap("eslint-stylish-bindroom-app-lib", "npx eslint app lib/jsonpath/lib lib/quaternion/quaternion.js scripts 2>&1",
        g, n_eslint, timeout=300)
    cap("eslint-json-bindroom-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-bindroom-quaternion", "npx eslint -f json app lib/quaternion/quaternion.js 2>&1", g,
        n_eslint_json, timeout=300)
    cap("eslint-json-jsonpath-lib", "npx eslint -f json lib/jsonpath/lib 2>&1", g, n_eslint_json, timeout=300)
    chain("chain-cd-eslint-tests-bindroom-tail-exit", "chain-lint-exit", "lint",
          [Part("cd bindroom", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("tsc-checkjs-jsonpath-quaternion-bindroom-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext lib/jsonpath/lib/*.js lib/quaternion/quaternion.js "
        "app/presses.js scripts/quirecheck.js 2>&1 | head -n 250", g, n_tsc, timeout=300)
    cap("tsc-checkjs-own-suites-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        f"--module nodenext --moduleResolution nodenext {TESTS} 2>&1 | head -n 200", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-jsonpath-suites", "npx tsc --noEmit --pretty --strict --allowJs --checkJs --target "
        f"es2022 --module nodenext --moduleResolution nodenext {JP_TESTS} 2>&1 | head -n 600", g, n_tsc, timeout=300)
    t = tmp / "spinestock"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "spinestock", "version": "1.5.1", "type": "module"},
                                              indent=2) + "\n", "ts/spinestock.ts": SPINE_TS,
                   "app/presses.js": PRESSES_JS, "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-spinestock-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/spinestock.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-spinestock-app-only", "npx tsc --noEmit --pretty --strict --target es2022 --module "
        "nodenext --moduleResolution nodenext ts/spinestock.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-spinestock-head", "npx tsc --noEmit 2>&1 | head -n 250", t, n_tsc, timeout=300)
    cap("tsc-pretty-spinestock-head", "npx tsc --noEmit --pretty 2>&1 | head -n 600", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-spinestock", "chain-lint-typecheck", "lint",
          [Part("cd spinestock", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "bindroom"
    # round 484's generator with this round's words and seed (its module constants, set before the call, as rounds
    # 500-614 did); its sections import ../../lib/numeral.js and ../../lib/vec3.js, which bindroom lacks
    r484.SEED, r484.WORKS_WORDS = SEED, BINDERY_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-bindroom-whole", "npx eslint app scripts lib/quaternion lib/jsonpath/lib lib/jsonpath/test 2>&1",
        g, n_eslint, timeout=300)
    cap("esbuild-bundle-bindroom-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-bindroom-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-bindroom-main-exit", "npx esbuild app/main.js app/presses.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-esbuild-minify-quaternion-cat", "chain-build-run", "code",
          [Part("npx esbuild lib/quaternion/quaternion.js --bundle --minify --platform=node "
                "--outfile=dist/quaternion.min.js 2>/dev/null", None),
           Part("cat dist/quaternion.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-js-yaml-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/js-yaml/index.js --bundle --minify --platform=node "
                "--outfile=dist/js-yaml.min.js 2>/dev/null", None),
           Part("cat dist/js-yaml.min.js", n_min_js, "&&")], g, timeout=300)
    cap("cat-jsonpath-min-js", "cat lib/jsonpath/jsonpath.min.js", g, n_min_js)
    cap("cat-quaternion-source", "cat lib/quaternion/quaternion.js", g, n_source)
    cap("cat-jsonpath-handlers-source", "cat lib/jsonpath/lib/handlers.js", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "bindroom"
    for pkg in ("jsonpath", "quaternion", "esprima", "mocha"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "foliobook"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "foliobook", "version": "0.9.1", "private": True,
                                               "scripts": {"test": "mocha -u tdd test/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund jsonpath@1.0.2 quaternion@1.4.0 underscore@1.12.1 2>&1 && "
        "npm install --no-audit --no-fund -D mocha@10.2.0 eslint@8.57.0 esbuild@0.19.12 2>&1",
        cwd=q, timeout=400)
    cap("package-json-cat-foliobook-mocha", "cat node_modules/mocha/package.json", q, n_package_json)
    cap("package-lock-foliobook", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-foliobook", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-cd-jq-lock-tsv-sort", "chain-read-then-grep", "pkg",
          [Part("cd foliobook", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | sort -k3,3 -k1,1", n_jq, "&&")], tmp)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["quaternion"] = "^2.0.0"
    pj["dependencies"]["headband"] = "^1.4.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/underscore node_modules/static-eval && cp -r node_modules/quaternion "
        "node_modules/gilding && sed -i 's/\"name\": \"quaternion\"/\"name\": \"gilding\"/' "
        "node_modules/gilding/package.json", cwd=q)
    cap("npm-ls-all-foliobook-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "bindroom"
    cap("node-uncaught-quirecheck", "node scripts/quirecheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-quirecheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha -u tdd {JP_QUERY} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/quirecheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
