"""Round 733, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites (rat-vec
1.1.1: its `*.js` modules and its tape suite `test/*.js`, big-rat and bn.js installed with it; filtered-vector 1.2.5:
`fvec.js` and its tape suite `test/test.js`, binary-search-bounds and cubic-hermite installed with it,
array-almost-equal for its suite), copied into a sexton's app (`knellyard`) with a few bugs put in by
capture_material.put_bugs, the shipped suites run unchanged against the broken copy with mocha, jest, vitest and node
--test (`require("tape")` met by round 664's shim, imported); eslint (stylish, json) with round 313's config
(imported); tsc --noEmit, pretty off and on, over a strict-mode app (`gravebench`, round 313's strict tsconfig,
imported) and with checkJs over the copy; esbuild and rollup builds failing (round 484's `kiln_sections`, imported,
called with this round's words and seed 73310); npm view --json and npm outdated; a real install at old pinned
versions (`knellstore`) whose package.json and package-lock.json are cat'ed and queried with jq, then broken by hand
for npm ls --all; source and minified bundles cat'ed; node crashing (`gravecheck`). Round 725's layout and item list,
its app sources imported and renamed to this round's packages and words. Each kind's extractor is an earlier round's,
imported; a chain's from each part's own (round 9b). Run through capture_wide733.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import capture_wide313_js as r313
import capture_wide484_js as r484
import capture_wide725_js as r725
from capture_material import put_bugs
from capture_more import n_esbuild, n_jq, n_npm_outdated, run, write_tree
from capture_wide import n_node_uncaught
from capture_wide11 import n_min_js
from capture_wide15_data import n_lock, n_npm_ls, n_npm_view
from capture_wide15_js import n_eslint, n_jest, n_mocha, n_node_test, n_tsc, n_vitest
from capture_wide634_js import NODE_TEST_SETUP
from capture_wide664_js import TAPE_SHIM
from capture_wide6_new import n_eslint_json, n_rollup
from capture_wide9b import Part, n_source, n_status_echo
from capture_wide9b_chains import n_package_json
from capture_wide733 import JS, cap, chain

NM = JS / "node_modules"
SEED = 73310

RV = "lib/rat-vec"
FV = "lib/filtered-vector"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# rat-vec: sub.js subtracts the wrong way round (b - a); max.js takes big-rat's min.
# filtered-vector: stable() says "not stable" as soon as one velocity component is zero.
BUGS = [(f"{RV}/sub.js", "bnsub(a[i], b[i])", "bnsub(b[i], a[i])"),
        (f"{RV}/max.js", "require('big-rat/max')", "require('big-rat/min')"),
        (f"{FV}/fvec.js", "    if(velocity[--ptr]) {\n", "    if(!velocity[--ptr]) {\n")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

# Round 725's app sources renamed (longer words before the words they contain)
RENAME = [("../lib/zero-crossings/zc.js", "../lib/rat-vec/index.js"),
          ("../lib/point-in-big-polygon/pnp-big.js", "../lib/filtered-vector/fvec.js"),
          ("mill-street", "lych-gate"), ("tannery", "bell-tower"), ("pole/long", "grave/deep"),
          ("knocks over", "knells over"), ("windows", "graves"), ("window", "grave"), ("knocker", "sexton"),
          ("knocks", "knells"), ("poleTally", "graveTally"), ("pole", "spade"), ("rubberTipped", "ironShod"),
          ("Knocker", "Sexton"), ("Round", "Yard"), ("rounds", "yards"), ("round", "yard"), ("wake", "toll"),
          ("woken", "rung"), ("Hobb", "Gaunt"), ("street", "plot"), ("streets", "plots"), ("callsPerShift", "knellsPerDay"),
          ("slate", "register"), ("Slate", "Register"), ("shift", "vespers"), ("mill", "yew"), ("weir", "crypt"),
          ("dyehouse", "ossuary"), ("zc", "rv"), ("pnp", "fvec")]


def renamed(text: str) -> str:
    for a, b in RENAME:
        text = text.replace(a, b)
    return text


YARD_JS = renamed(r725.ROUND_JS)
MAIN_JS = renamed(r725.MAIN_JS)
VESPERS_JS = renamed(r725.SHIFT_JS)
GRAVEBENCH_TS = renamed(r725.POLEBENCH_TS)

GRAVECHECK_JS = """// gravecheck: the sexton's check of the churchyard ledger before the burial: each grave's plot corners (exact
// rationals, rat-vec) must span the width and depth the ledger says (rat-vec's sub and max), and the bell's swing
// (a filtered vector of the rope's pull, filtered-vector) must have settled before the knell is rung
const rv = require("../lib/rat-vec/index.js");
const sub = require("../lib/rat-vec/sub.js");
const max = require("../lib/rat-vec/max.js");
const toFloat = require("../lib/rat-vec/to-float.js");
const fvec = require("../lib/filtered-vector/fvec.js");

class LedgerError extends Error {}

const ledger = { graves: [ { name: "grave-12 by the lych-gate", from: [1, 2], to: [3, 8], span: [2, 6], deepest: [3, 8] },
                           { name: "grave-13 under the yew", from: [4, 1], to: [6, 7], span: [2, 6], deepest: [6, 7] },
                           { name: "grave-14 north wall", from: [0, 0], to: [2, 6], span: [2, 6], deepest: [2, 6] } ] };

function measure(i) {
  const g = ledger.graves[i];
  const span = toFloat(sub(rv(g.to), rv(g.from)));
  if (span.some((x, k) => x !== g.span[k])) throw new RangeError(`grave ${g.name}: plot spans ${span.join(" x ")}, ledger says ${g.span.join(" x ")}`);
  const deepest = toFloat(max(rv(g.to), rv(g.from)));
  if (deepest.some((x, k) => x !== g.deepest[k])) throw new RangeError(`grave ${g.name}: deepest corner ${deepest}, ledger says ${g.deepest}`);
  const bell = fvec([0, 0]);
  bell.idle(1);
  if (!bell.stable(2)) throw new RangeError(`grave ${g.name}: the bell is still swinging, no knell`);
  return `${span.join(" x ")} plot, knell rung`;
}

function check(i) {
  try {
    return measure(i);
  } catch (e) {
    throw new LedgerError(`check of ${ledger.graves[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < ledger.graves.length; i++) {
  console.log(ledger.graves[i].name, check(i));
}
"""

SEXTON_WORDS = ["grave", "bell", "knell", "churchyard", "spade", "lych-gate", "register", "yew", "vespers",
                "bell-rope", "mourner", "ledger", "crypt", "ossuary", "sexton"]

TESTS = f"{RV}/test/*.js {FV}/test/test.js"
NODE_TEST = "node --test --import ./test/node-test-setup.mjs"
MATCH = [f"{RV}/test/*.js", f"{FV}/test/test.js"]


def knellyard(tmp: Path) -> Path:
    root = tmp / "knellyard"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "knellyard", "version": "2.3.0", "main": f"{RV}/index.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/" + m for m in MATCH]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": "export default { test: { globals: true, include: " + json.dumps(MATCH) + " } };\n",
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/yard.js": YARD_JS, "app/main.js": MAIN_JS.replace("./round.js", "./yard.js"),
             "app/vespers.js": VESPERS_JS, "scripts/gravecheck.js": GRAVECHECK_JS}
    write_tree(root, files)
    for pkg in ("rat-vec", "filtered-vector"):
        d = root / "lib" / pkg
        shutil.copytree(NM / pkg, d, ignore=shutil.ignore_patterns("node_modules", "img", "*.md", "LICENSE"))
        write_tree(d, {"node_modules/tape/index.js": TAPE_SHIM,
                       "node_modules/tape/package.json": '{"name": "tape", "version": "0.0.0-shim", "main": "index.js"}\n'})
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def crash(tmp: Path) -> None:
    g = tmp / "knellyard"
    cap("node-uncaught-gravecheck", "node scripts/gravecheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-gravecheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {FV}/test/test.js 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/gravecheck.js", n_node_uncaught, ";")], g, timeout=400)


def lint(tmp: Path) -> None:
    g = tmp / "knellyard"
    cap("eslint-stylish-knellyard-app-lib", f"npx eslint app {RV}/*.js {FV}/fvec.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-knellyard-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-knellyard-libs-suites", f"npx eslint -f json app {RV} {FV} 2>&1", g, n_eslint_json,
        timeout=300)
    chain("chain-cd-eslint-suites-knellyard-tail-exit", "chain-lint-exit", "lint",
          [Part("cd knellyard", None), Part(f"npx eslint {RV}/test {FV}/test 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-rv-fvec-knellyard", f"npx tsc {js_flags} {RV}/*.js {FV}/fvec.js "
        "app/yard.js scripts/gravecheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-deps", f"npx tsc --pretty {js_flags} {RV}/*.js {FV}/fvec.js "
        "node_modules/big-rat/*.js node_modules/cubic-hermite/hermite.js "
        "node_modules/binary-search-bounds/search-bounds.js scripts/gravecheck.js app/yard.js 2>&1", g, n_tsc,
        timeout=300)
    t = tmp / "gravebench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "gravebench", "version": "0.5.1", "type": "module"},
                                              indent=2) + "\n", "ts/gravebench.ts": GRAVEBENCH_TS,
                   "app/yard.js": YARD_JS, "eslint.config.js": ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-gravebench-app-only", f"npx tsc {ts_flags} ts/gravebench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-gravebench-app-only", f"npx tsc --pretty {ts_flags} ts/gravebench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-gravebench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-gravebench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-gravebench", "chain-lint-typecheck", "lint",
          [Part("cd gravebench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


# cat'ed files of the installed tools (chosen by path, none cat'ed in the earlier rounds' capture scripts; each
# checked to exist before its capture)
MIN_CATS = [("cat-esquery-esm-min-js", "node_modules/esquery/dist/esquery.esm.min.js"),
            ("cat-lru-cache-commonjs-browser-min-js",
             "node_modules/path-scurry/node_modules/lru-cache/dist/commonjs/browser/index.min.js")]
SRC_CATS = [("cat-big-rat-index-source", "node_modules/big-rat/index.js"),
            ("cat-cubic-hermite-source", "node_modules/cubic-hermite/hermite.js"),
            ("cat-eslint-prefer-object-has-own-rule-source", "node_modules/eslint/lib/rules/prefer-object-has-own.js"),
            ("cat-eslint-no-useless-backreference-rule-source",
             "node_modules/eslint/lib/rules/no-useless-backreference.js")]


def builds(tmp: Path) -> None:
    g = tmp / "knellyard"
    r484.SEED, r484.WORKS_WORDS = SEED, SEXTON_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-knellyard-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-knellyard-app-scripts-libs", f"npx eslint -f json app scripts {RV}/*.js {FV}/fvec.js 2>&1", g,
        n_eslint_json, timeout=300)
    cap("esbuild-bundle-knellyard-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-knellyard-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-fvec-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {FV}/fvec.js --bundle --minify --format=cjs --outfile=dist/fvec.min.js "
                "2>/dev/null", None),
           Part("cat dist/fvec.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-rat-vec-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {RV}/index.js --bundle --minify --format=esm --outfile=dist/rat-vec.min.js "
                "2>/dev/null", None),
           Part("cat dist/rat-vec.min.js", n_min_js, "&&")], g, timeout=300)
    for item, path in MIN_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_min_js)
    cap("cat-fvec-source", f"cat {FV}/fvec.js", g, n_source)
    for item, path in SRC_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "knellyard"
    for pkg in ("rat-vec", "filtered-vector", "big-rat", "cubic-hermite"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    cap("npm-ls-knellyard-extraneous", "npm ls 2>&1", g, n_npm_ls, timeout=120)
    q = tmp / "knellstore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "knellstore", "version": "0.7.0", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund rat-vec@1.1.1 filtered-vector@1.2.5 big-rat@1.0.3 cubic-hermite@1.0.0 "
        "binary-search-bounds@2.0.3 bn.js@4.11.6 2>&1 && npm install --no-audit "
        "--no-fund -D mocha@10.2.0 eslint@8.56.0 typescript@5.3.3 2>&1", cwd=q, timeout=400)
    cap("package-json-cat-knellstore-mocha", "cat node_modules/mocha/package.json", q, n_package_json)
    cap("package-lock-knellstore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-knellstore", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["rat-vec"] = "^2.0.0"
    pj["dependencies"]["bell-rope"] = "^0.3.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/ms node_modules/once && cp -r node_modules/cubic-hermite node_modules/knell-curve && "
        "sed -i 's/\"name\": \"cubic-hermite\"/\"name\": \"knell-curve\"/' node_modules/knell-curve/package.json",
        cwd=q)
    cap("npm-ls-all-knellstore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def setup(tmp: Path) -> None:
    knellyard(tmp)


def tests_rest(tmp: Path) -> None:
    g = tmp / "knellyard"
    cap("mocha-rv-fvec-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=400)
    cap("node-test-knellyard-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=400)
    cap("node-test-spec-rat-vec-suite", f"{NODE_TEST} --test-reporter=spec {RV}/test/*.js 2>&1", g, n_node_test,
        timeout=400)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=400)
    cap("vitest-rv-fvec-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=400)
    chain("chain-cd-vitest-verbose-rv-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd knellyard", None),
           Part(f"npx vitest run --reporter=verbose {RV} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=400)


def tests_jest(tmp: Path) -> None:
    g = tmp / "knellyard"
    cap("jest-rv-fvec-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=400)
    cap("jest-verbose-coverage-knellyard", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=400)


# Round 725's steps, reordered after a first start ran out of time in jest (the fast ones first, jest last)
STEPS = [setup, crash, lint, builds, tests_rest, npm, tests_jest]
