"""Round 693, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites
(robust-point-in-simplex 1.0.2: `rpis.js` and its tape suite `test/test.js`, robust-orientation and signum installed
with it; robust-product 1.0.0: `product.js` and its tape suite `test/test.js`, robust-scale and robust-sum installed
with it), copied into a rush weaver's app (`rushmead`) with a few bugs put in by capture_material.put_bugs, the
shipped suites run unchanged against the broken copy with mocha, jest, vitest and node --test (`require("tape")` met
by round 664's shim, imported); eslint (stylish, json) with round 313's config (imported); tsc --noEmit, pretty off
and on, over a strict-mode app (`matbench`, round 313's strict tsconfig, imported) and with checkJs over the copy;
esbuild and rollup builds failing (round 484's `kiln_sections`, imported, called with this round's words and seed
69310); npm view --json and npm outdated; a real install at old pinned versions (`seatstore`) whose package.json and
package-lock.json are cat'ed and queried with jq, then broken by hand for npm ls --all; source and minified bundles
cat'ed; node crashing (`rushcheck`). Each kind's extractor is an earlier round's, imported; a chain's from each part's
own (round 9b). The layout follows round 685's module; run through capture_wide693.py."""

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
from capture_wide693 import JS, cap

NM = JS / "node_modules"
SEED = 69310

PS = "lib/robust-point-in-simplex"
PR = "lib/robust-product"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# robust-point-in-simplex: a point on the boundary is reported inside (1) instead of on it (0).
# robust-product: the longer-first loop drops the last term of the shorter expansion.
BUGS = [(f"{PS}/rpis.js", "  if(boundary) {\n    return 0", "  if(boundary) {\n    return 1"),
        (f"{PR}/product.js", "    for(var i=0; i<b.length; ++i) {", "    for(var i=0; i<b.length-1; ++i) {")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

SEAT_JS = """import inSimplex from "../lib/robust-point-in-simplex/rpis.js";
import product from "../lib/robust-product/product.js";

const seats = { "ladder-back": [[0, 0], [4, 0], [0, 4]], "stool/square": [[1, 1]], "bench": 7, "child": [[2, 5]], "ladder-back": [[0, 2]] };
export function weave(pattern, rushes) {
  var frame = seats[pattern];
  for (var key in seats) {
    if (pattern == undefined) pattern = key;
  }
  const unused = seats.length * 2;
  var inside = 0;
  rushes.forEach(function (r, i) { if (inSimplex(frame, r.at) > 0) inside++; r.rank = i; });
  if (frame == null) return "no seat " + pattern;
  else return inside + " rushes inside over " + frame.length + " rails";
}
export const plait = function (weaver, coils) {
  var length = product([coils], [3]);
  var hanks = 0;
  [length].forEach(function () { hanks++ });
  return hanks == true ? weaver + " " + coils.toString() : "no plait for " + weaver;
};
export function matTally(mats, dampness, mallet) {
  let n = 0;
  mats.forEach(function (m) { if (m.rush != "") n++; });
  while (n = mats.length) { n--; }
  if (n) {}
  return n ? mats : null;
}
"""

MAIN_JS = """import { weave, plait } from "./seat.js";
import { soak } from "./soak.js";
import { mallet } from "./mallet.js";

export const report = [weave("ladder-back", [{ at: [1, 1] }]), plait("Ada", 18), soak(4), mallet()];
"""

SOAK_JS = """import product from "../lib/robust-product/product.js";

export function soak(n) {
  const hours = product([n], [0.5, 2]);
  return [hours].find(Object.keys(hours n 2.from("bulrush")));
}
"""

MATBENCH_TS = """import inSimplex from '../lib/robust-point-in-simplex/rpis.js'
import product from '../lib/robust-product/product.js'

interface Rush { kind: string; length: number; soaked?: { hours: number; supple: boolean }; cut?: Date }
interface Weaver { name: string; seatsPerWeek: number; mallet?: { wood: string } }

export function soakSheet(rs: Rush[]): string[] {
  return rs.map((r) => r.soaked.hours.toFixed(r.soaked.supple))
}

export const reach = (w: Weaver): number => product(w.name).length + w.seatsPerWeek.toFixed(2)
export const inside = (w: Weaver): number => inSimplex(w.mallet.wood, [1, 2], [3, 4]).length
export const long = (r: Rush): boolean => r.length.toString(2).padStart(r.kind)
export const cutOn = (r: Rush) => r.cut.toUTCString()
export const mark: string = [inSimplex, product].join(12, 3)
export const malletWood = (w: Weaver): string => w.mallet.wood.split('x')[1].toFixed(w.name)
export const pair = (w: Weaver): [number, string] => [w.name.length, w.name.at(-1), w.seatsPerWeek]
export const same = (a: Rush, b: Rush): Date => a.length === b.kind
export const rushes: Rush[] = [{ kind: 'bulrush', length: 5 }, { kind: 'clubrush' }, 'sedge', { kind: 'reed', length: '3' }]
export function grade(mm: number): string { if (mm > 4) return 'long' }
export const rails = product([[1, 2]], 'seats').slice('0')
export const sign: number = inSimplex[3]([0, 0], [1, 1], (a: string, b: string) => a.localeCompare(b))
"""

RUSHCHECK_JS = """// rushcheck: the rush weaver's weekly check of each chair seat: the seat's centre must lie strictly inside its
// frame triangle (robust point-in-simplex test), and the rush tally must equal coils times turns (robust product)
const inSimplex = require("../lib/robust-point-in-simplex/rpis.js");
const product = require("../lib/robust-product/product.js");

class SeatError extends Error {}

const works = { seats: [ { name: "ladder-back 2", frame: [[0, 0], [4, 0], [0, 4]], centre: [1, 1], coils: [0.5, 8], turns: [2, 16], tally: 153 },
                         { name: "stool/square", frame: [[0, 0], [2, 0], [0, 2]], centre: [1, 1], coils: [3], turns: [4], tally: 12 },
                         { name: "bench~child", frame: [[0, 0], [3, 0], [0, 3]], centre: [0.5, 0.5], coils: [2], turns: [5], tally: 10 } ] };

function weave(i) {
  const seat = works.seats[i];
  const where = inSimplex(seat.frame, seat.centre);
  if (where <= 0) throw new RangeError(`seat ${seat.name}: centre ${seat.centre.join(",")} is not inside the frame (${where})`);
  const rush = product(seat.coils, seat.turns).reduce((a, b) => a + b, 0);
  if (rush !== seat.tally) throw new RangeError(`seat ${seat.name}: ${rush} turns of rush woven, the tally says ${seat.tally}`);
  return `${rush} turns, centre inside`;
}

function check(i) {
  try {
    return weave(i);
  } catch (e) {
    throw new SeatError(`check of ${works.seats[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < works.seats.length; i++) {
  console.log(works.seats[i].name, check(i));
}
"""

RUSH_WORDS = ["rush", "seat", "plait", "bulrush", "clubrush", "chair-frame", "mallet", "soaking-trough", "rush-mat",
              "ladder-back", "stool", "coil", "rush-weaver", "sedge", "rush-needle"]

P_TEST = f"{PS}/test/test.js"
R_TEST = f"{PR}/test/test.js"
TESTS = f"{P_TEST} {R_TEST}"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"
PKGS = (("robust-point-in-simplex", ["rpis.js", "package.json", "test"]),
        ("robust-product", ["product.js", "package.json", "test"]))


def rushmead(tmp: Path) -> Path:
    root = tmp / "rushmead"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "rushmead", "version": "1.6.0", "main": f"{PR}/product.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/lib/*/test/*.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["lib/*/test/*.js"] } };\n',
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/seat.js": SEAT_JS, "app/main.js": MAIN_JS, "app/soak.js": SOAK_JS,
             "scripts/rushcheck.js": RUSHCHECK_JS}
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
    g = rushmead(tmp)
    cap("mocha-pointinsimplex-product-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=300)
    cap("jest-pointinsimplex-product-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-coverage-rushmead", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=300)
    cap("vitest-pointinsimplex-product-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("node-test-rushmead-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=300)
    cap("node-test-spec-product-suite", f"{NODE_TEST} --test-reporter=spec {R_TEST} 2>&1", g, n_node_test,
        timeout=300)
    chain("chain-cd-vitest-verbose-rpis-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd rushmead", None),
           Part(f"npx vitest run --reporter=verbose {PS} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "rushmead"
    cap("eslint-stylish-rushmead-app-lib", f"npx eslint app {PS}/rpis.js {PR}/product.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-rushmead-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-rushmead-libs-suites", f"npx eslint -f json app {PS} {PR} 2>&1", g, n_eslint_json,
        timeout=300)
    chain("chain-cd-eslint-suites-rushmead-tail-exit", "chain-lint-exit", "lint",
          [Part("cd rushmead", None), Part(f"npx eslint {TESTS} 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-rpis-product-rushmead", f"npx tsc {js_flags} {PS}/rpis.js {PR}/product.js "
        "app/seat.js scripts/rushcheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-deps", f"npx tsc --pretty {js_flags} lib/*/*.js node_modules/robust-scale/robust-scale.js "
        "node_modules/robust-sum/robust-sum.js node_modules/robust-orientation/orientation.js scripts/rushcheck.js "
        "app/seat.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "matbench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "matbench", "version": "0.3.1", "type": "module"},
                                              indent=2) + "\n", "ts/matbench.ts": MATBENCH_TS,
                   "app/seat.js": SEAT_JS, "eslint.config.js": ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-matbench-app-only", f"npx tsc {ts_flags} ts/matbench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-matbench-app-only", f"npx tsc --pretty {ts_flags} ts/matbench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-matbench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-matbench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-matbench", "chain-lint-typecheck", "lint",
          [Part("cd matbench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


# cat'ed files of the installed tools (chosen by path before the capture)
MIN_CATS = [("cat-ajv-min-js", "node_modules/ajv/dist/ajv.min.js"),
            ("cat-workerpool-min-js", "node_modules/workerpool/dist/workerpool.min.js"),
            ("cat-diff-min-js", "node_modules/diff/dist/diff.min.js")]
SRC_CATS = [("cat-eslint-no-unused-vars-rule-source", "node_modules/eslint/lib/rules/no-unused-vars.js"),
            ("cat-mocha-tap-reporter-source", "node_modules/mocha/lib/reporters/tap.js"),
            ("cat-eslint-no-dupe-keys-rule-source", "node_modules/eslint/lib/rules/no-dupe-keys.js"),
            ("cat-mocha-suite-source", "node_modules/mocha/lib/suite.js"),
            ("cat-robust-scale-source", "node_modules/robust-scale/robust-scale.js")]


def builds(tmp: Path) -> None:
    g = tmp / "rushmead"
    r484.SEED, r484.WORKS_WORDS = SEED, RUSH_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-rushmead-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-rushmead-app-scripts-libs", "npx eslint -f json app scripts lib/*/*.js 2>&1", g,
        n_eslint_json, timeout=300)
    cap("esbuild-bundle-rushmead-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-rushmead-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-rpis-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {PS}/rpis.js --bundle --minify --format=cjs --outfile=dist/rpis.min.js "
                "2>/dev/null", None),
           Part("cat dist/rpis.min.js", n_min_js, "&&")], g, timeout=300)
    for item, path in MIN_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_min_js)
    cap("cat-rpis-source", f"cat {PS}/rpis.js", g, n_source)
    cap("cat-product-source", f"cat {PR}/product.js", g, n_source)
    for item, path in SRC_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "rushmead"
    for pkg in ("robust-point-in-simplex", "robust-product", "jest", "esbuild"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    cap("npm-ls-rushmead-extraneous", "npm ls 2>&1", g, n_npm_ls, timeout=120)
    q = tmp / "seatstore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "seatstore", "version": "0.5.2", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund robust-point-in-simplex@1.0.2 signum@0.0.0 robust-sum@0.0.3 "
        "robust-orientation@1.1.3 robust-scale@0.0.4 2>&1 && npm install --no-audit --no-fund -D mocha@10.4.0 "
        "eslint@8.57.0 typescript@5.4.5 2>&1", cwd=q, timeout=400)
    cap("package-json-cat-seatstore-eslint", "cat node_modules/eslint/package.json", q, n_package_json)
    cap("package-lock-seatstore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-seatstore", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["robust-point-in-simplex"] = "^3.0.0"
    pj["dependencies"]["rushproof"] = "^2.1.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/two-sum node_modules/ms && cp -r node_modules/signum "
        "node_modules/plait-signum && sed -i 's/\"name\": \"signum\"/\"name\": \"plait-signum\"/' "
        "node_modules/plait-signum/package.json", cwd=q)
    cap("npm-ls-all-seatstore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "rushmead"
    cap("node-uncaught-rushcheck", "node scripts/rushcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-rushcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {R_TEST} 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/rushcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, crash, lint, builds, npm]
