"""Round 725, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites
(zero-crossings 1.0.1: `zc.js`, its `lib/*.js` and its tape suite `test/test.js`, cwise-compiler installed with it,
ndarray and cwise-parser for its suite; point-in-big-polygon 2.0.1: `pnp-big.js` and its tape suite `test/test.js`,
binary-search-bounds, interval-tree-1d, robust-orientation and slab-decomposition installed with it, signum and
robust-point-in-polygon for its suite), copied into a knocker-up's app (`rapround`) with a few bugs put in by
capture_material.put_bugs, the shipped suites run unchanged against the broken copy with mocha, jest, vitest and node
--test (`require("tape")` met by round 664's shim, imported); eslint (stylish, json) with round 313's config
(imported); tsc --noEmit, pretty off and on, over a strict-mode app (`polebench`, round 313's strict tsconfig,
imported) and with checkJs over the copy; esbuild and rollup builds failing (round 484's `kiln_sections`, imported,
called with this round's words and seed 72510); npm view --json and npm outdated; a real install at old pinned
versions (`wakestore`) whose package.json and package-lock.json are cat'ed and queried with jq, then broken by hand for
npm ls --all; source and minified bundles cat'ed; node crashing (`roundcheck`). Each kind's extractor is an earlier
round's, imported; a chain's from each part's own (round 9b). Run through capture_wide725.py."""

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
from capture_wide725 import JS, cap

NM = JS / "node_modules"
SEED = 72510

ZC = "lib/zero-crossings"
PB = "lib/point-in-big-polygon"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# zero-crossings: the scan stops one sample short (`hi(shape[0]-2)`), so a crossing at the last sample is lost.
# point-in-big-polygon: a point left of every slab is classified inside (-1) instead of outside (1).
BUGS = [(f"{ZC}/zc.js", "  core(array.hi(array.shape[0]-1), cross, level)\n",
         "  core(array.hi(array.shape[0]-2), cross, level)\n"),
        (f"{PB}/pnp-big.js", "    if(bucket < 0) {\n      return 1\n", "    if(bucket < 0) {\n      return -1\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

ROUND_JS = """import zc from "../lib/zero-crossings/zc.js";
import pnp from "../lib/point-in-big-polygon/pnp-big.js";

const rounds = { "mill-street": [[0, 0], [4, 0], [4, 3]], "pole/long": [[2, 2]], "window": 7, "tannery": [[1, 9]], "mill-street": [[0]] };
export function wake(round, calls) {
  var pts = rounds[round];
  for (var key in rounds) {
    if (round == undefined) round = key;
  }
  const unused = rounds.length * 2;
  var knocks = 0;
  calls.forEach(function (c, i) { knocks += zc({ shape: [c.taps], hi: () => c }).length; c.rank = i; });
  if (pts == null) return "no round " + round;
  else return knocks + " knocks over " + pts.length + " windows";
}
export const inside = function (knocker, street) {
  var test = pnp([street]);
  var hits = 0;
  street.forEach(function (p) { if (test(p) == -1) hits++ });
  return hits == true ? knocker + " " + street.toString() : "nobody woken by " + knocker;
};
export function poleTally(taps, window, hour) {
  let n = 0;
  taps.forEach(function (s) { if (s.pole != "") n++; });
  while (n = taps.length) { n--; }
  if (n) {}
  return n ? taps : null;
}
"""

MAIN_JS = """import { wake, inside } from "./round.js";
import { shift } from "./shift.js";

export const report = [wake("mill-street", [{ taps: 3 }]), inside("Hobb", [[0, 0], [1, 0], [1, 1], [0, 1]]), shift(5)];
"""

SHIFT_JS = """import zc from "../lib/zero-crossings/zc.js";

export function shift(hour) {
  const calls = zc({ shape: [hour], hi: () => [hour] });
  return [calls].find(Object.keys(calls w 2.from("mill")));
}
"""

POLEBENCH_TS = """import zc from '../lib/zero-crossings/zc.js'
import pnp from '../lib/point-in-big-polygon/pnp-big.js'

interface Round { street: string; windows: number; pole?: { length: number; rubberTipped: boolean }; started?: Date }
interface Knocker { name: string; callsPerShift: number; slate?: { text: string } }

export function streets(rs: Round[]): string[] {
  return rs.map((r) => r.pole.length.toFixed(r.pole.rubberTipped))
}

export const reach = (k: Knocker): number => zc(k.name).length + k.callsPerShift.toFixed(2)
export const within = (k: Knocker): number => pnp(k.slate.text, [1, 2], [3, 4]).length
export const wide = (r: Round): boolean => r.windows.toString(2).padStart(r.street)
export const startedAt = (r: Round) => r.started.toUTCString()
export const sign: string = [zc, pnp].join(12, 3)
export const slateWord = (k: Knocker): string => k.slate.text.split(' ')[1].toFixed(k.name)
export const pair = (k: Knocker): [number, string] => [k.name.length, k.name.at(-1), k.callsPerShift]
export const same = (a: Round, b: Round): Date => a.windows === b.street
export const rounds: Round[] = [{ street: 'mill-street', windows: 40 }, { street: 'tannery' }, 'weir', { street: 'dyehouse', windows: '12' }]
export function shiftOf(hour: number): string { if (hour > 5) return 'late' }
export const calls = zc([[1, 2]], 'level').slice('0')
export const knock: number = pnp[3]([0, 0], [1, 1], (a: string, b: string) => a.localeCompare(b))
"""

ROUNDCHECK_JS = """// roundcheck: the knocker-up's check of each round before the shift: the tapping log of each window (a signal of
// pole taps above and below the sleeper's answer level) must cross that level as often as the ledger says (the
// zero crossings, zero-crossings), and every house of the round must lie inside the round's boundary (the polygon
// test, point-in-big-polygon)
const zc = require("../lib/zero-crossings/zc.js");
const pnp = require("../lib/point-in-big-polygon/pnp-big.js");
const ndarray = require("ndarray");

class RoundError extends Error {}

const ledger = { rounds: [ { name: "round-7 mill street", taps: [-1, 1, -1, 1], wakes: 3, boundary: [[0, 0], [8, 0], [8, 6], [0, 6]], houses: [[1, 1], [7, 5]] },
                           { name: "round-8 tannery row", taps: [-2, -1, 2], wakes: 1, boundary: [[2, 0], [9, 0], [9, 4], [2, 4]], houses: [[3, 1], [1, 2]] },
                           { name: "round-9 weir lane", taps: [1, -1], wakes: 1, boundary: [[0, 0], [3, 0], [0, 3]], houses: [[1, 1]] } ] };

function walk(i) {
  const r = ledger.rounds[i];
  const crossings = zc(ndarray(r.taps));
  if (crossings.length !== r.wakes) throw new RangeError(`round ${r.name}: ${crossings.length} wake-ups at ${crossings.join(",")}, ledger says ${r.wakes}`);
  const within = pnp([r.boundary]);
  const outside = r.houses.filter((h) => within(h) > 0);
  const wrong = r.houses.filter((h) => h[0] < 2 && within(h) <= 0);
  if (outside.length || wrong.length) {
    throw new RangeError(`round ${r.name}: houses outside the round ${JSON.stringify(outside)}, counted inside though west of it ${JSON.stringify(wrong)}`);
  }
  return `${crossings.length} wake-ups, ${r.houses.length} houses inside`;
}

function check(i) {
  try {
    return walk(i);
  } catch (e) {
    throw new RoundError(`check of ${ledger.rounds[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < ledger.rounds.length; i++) {
  console.log(ledger.rounds[i].name, check(i));
}
"""

KNOCK_WORDS = ["round", "pole", "window", "wake-up", "knock", "pea-shooter", "slate", "shift", "mill-hooter",
               "lamplit-street", "sleeper", "ledger", "tannery", "weir", "knocker-up"]

TESTS = f"{ZC}/test/test.js {PB}/test/test.js"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"
PKGS = (("zero-crossings", ["zc.js", "lib", "package.json", "test"]),
        ("point-in-big-polygon", ["pnp-big.js", "package.json", "test"]))
MATCH = [f"{ZC}/test/test.js", f"{PB}/test/test.js"]


def rapround(tmp: Path) -> Path:
    root = tmp / "rapround"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "rapround", "version": "1.6.0", "main": f"{ZC}/zc.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/" + m for m in MATCH]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": "export default { test: { globals: true, include: " + json.dumps(MATCH) + " } };\n",
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/round.js": ROUND_JS, "app/main.js": MAIN_JS, "app/shift.js": SHIFT_JS,
             "scripts/roundcheck.js": ROUNDCHECK_JS}
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
    g = rapround(tmp)
    cap("mocha-zc-pnp-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=400)
    cap("jest-zc-pnp-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=400)
    cap("jest-verbose-coverage-rapround", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=400)
    cap("vitest-zc-pnp-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=400)
    cap("node-test-rapround-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=400)
    cap("node-test-spec-pnp-suite", f"{NODE_TEST} --test-reporter=spec {PB}/test/test.js 2>&1", g, n_node_test,
        timeout=400)
    chain("chain-cd-vitest-verbose-pnp-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd rapround", None),
           Part(f"npx vitest run --reporter=verbose {PB} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=400)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=400)


def crash(tmp: Path) -> None:
    g = tmp / "rapround"
    cap("node-uncaught-roundcheck", "node scripts/roundcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-roundcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {ZC}/test/test.js 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/roundcheck.js", n_node_uncaught, ";")], g, timeout=400)


def lint(tmp: Path) -> None:
    g = tmp / "rapround"
    cap("eslint-stylish-rapround-app-lib", f"npx eslint app {ZC}/zc.js {ZC}/lib {PB}/pnp-big.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-rapround-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-rapround-libs-suites", f"npx eslint -f json app {ZC} {PB} 2>&1", g, n_eslint_json,
        timeout=300)
    chain("chain-cd-eslint-suites-rapround-tail-exit", "chain-lint-exit", "lint",
          [Part("cd rapround", None), Part(f"npx eslint {ZC}/test {PB}/test 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-zc-pnp-rapround", f"npx tsc {js_flags} {ZC}/zc.js {ZC}/lib/*.js {PB}/pnp-big.js "
        "app/round.js scripts/roundcheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-deps", f"npx tsc --pretty {js_flags} {ZC}/lib/*.js {PB}/pnp-big.js "
        "node_modules/slab-decomposition/slabs.js node_modules/interval-tree-1d/interval-tree.js "
        "node_modules/cwise-compiler/compiler.js node_modules/cwise-compiler/lib/compile.js "
        "node_modules/ndarray/ndarray.js scripts/roundcheck.js app/round.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "polebench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "polebench", "version": "0.3.8", "type": "module"},
                                              indent=2) + "\n", "ts/polebench.ts": POLEBENCH_TS,
                   "app/round.js": ROUND_JS, "eslint.config.js": ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-polebench-app-only", f"npx tsc {ts_flags} ts/polebench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-polebench-app-only", f"npx tsc --pretty {ts_flags} ts/polebench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-polebench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-polebench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-polebench", "chain-lint-typecheck", "lint",
          [Part("cd polebench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


# cat'ed files of the installed tools (chosen by path and file size, `find -size`, `wc -c`, before the capture, none
# cat'ed in the earlier rounds' capture scripts)
MIN_CATS = [("cat-lru-cache-esm-index-min-js", "node_modules/path-scurry/node_modules/lru-cache/dist/esm/index.min.js"),
            ("cat-obug-browser-min-js", "node_modules/obug/dist/browser.min.js"),
            ("cat-humanwhocodes-retrier-min-js", "node_modules/@humanwhocodes/retry/dist/retrier.min.js")]
SRC_CATS = [("cat-slab-decomposition-source", "node_modules/slab-decomposition/slabs.js"),
            ("cat-eslint-logical-assignment-operators-rule-source",
             "node_modules/eslint/lib/rules/logical-assignment-operators.js"),
            ("cat-eslint-no-unused-private-class-members-rule-source",
             "node_modules/eslint/lib/rules/no-unused-private-class-members.js"),
            ("cat-eslint-no-unmodified-loop-condition-rule-source",
             "node_modules/eslint/lib/rules/no-unmodified-loop-condition.js")]


def builds(tmp: Path) -> None:
    g = tmp / "rapround"
    r484.SEED, r484.WORKS_WORDS = SEED, KNOCK_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-rapround-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-rapround-app-scripts-libs", f"npx eslint -f json app scripts {ZC}/zc.js {ZC}/lib "
        f"{PB}/pnp-big.js 2>&1", g, n_eslint_json, timeout=300)
    cap("esbuild-bundle-rapround-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-rapround-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-pnp-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {PB}/pnp-big.js --bundle --minify --format=cjs --outfile=dist/pnp-big.min.js "
                "2>/dev/null", None),
           Part("cat dist/pnp-big.min.js", n_min_js, "&&")], g, timeout=300)
    for item, path in MIN_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_min_js)
    cap("cat-pnp-big-source", f"cat {PB}/pnp-big.js", g, n_source)
    cap("cat-zc-generate-module-source", f"cat {ZC}/lib/generate-module.js", g, n_source)
    for item, path in SRC_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "rapround"
    for pkg in ("zero-crossings", "point-in-big-polygon", "slab-decomposition", "mocha"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    cap("npm-ls-rapround-extraneous", "npm ls 2>&1", g, n_npm_ls, timeout=120)
    q = tmp / "wakestore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "wakestore", "version": "0.4.2", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund zero-crossings@1.0.1 point-in-big-polygon@2.0.1 ndarray@1.0.18 "
        "interval-tree-1d@1.0.3 slab-decomposition@1.0.2 robust-orientation@1.1.3 2>&1 && npm install --no-audit "
        "--no-fund -D mocha@10.2.0 eslint@8.56.0 typescript@5.3.3 2>&1", cwd=q, timeout=400)
    cap("package-json-cat-wakestore-eslint", "cat node_modules/eslint/package.json", q, n_package_json)
    cap("package-lock-wakestore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-wakestore", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["zero-crossings"] = "^2.0.0"
    pj["dependencies"]["knocker-pole"] = "^0.2.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/ms node_modules/once && cp -r node_modules/robust-orientation node_modules/tap-orient && "
        "sed -i 's/\"name\": \"robust-orientation\"/\"name\": \"tap-orient\"/' node_modules/tap-orient/package.json",
        cwd=q)
    cap("npm-ls-all-wakestore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


STEPS = [tests, crash, lint, builds, npm]
