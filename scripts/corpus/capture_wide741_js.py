"""Round 741, JavaScript / TypeScript: real npm packages no earlier round used, with their OWN test suites
(split-polygon 1.0.0: `clip-poly.js` and its tape suite `test/test.js`, robust-dot-product and robust-sum installed
with it; rectangle-decomposition 1.0.0: `decomp.js` and its tape suite `test/test.js`, bipartite-independent-set,
interval-tree-1d and dup installed with it, boxoverlap, contour-2d and ndarray-pack for its suite), copied into a
swan-upper's app (`cygnetreach`) with a few bugs put in by capture_material.put_bugs, the shipped suites run unchanged
against the broken copy with mocha, jest, vitest and node --test (`require("tape")` met by round 664's shim,
imported); eslint (stylish, json) with round 313's config (imported); tsc --noEmit, pretty off and on, over a
strict-mode app (`swanbench`, round 313's strict tsconfig, imported) and with checkJs over the copy; esbuild and
rollup builds failing (round 484's `kiln_sections`, imported, called with this round's words and seed 74110); npm
view --json and npm outdated; a real install at old pinned versions (`swanstore`) whose package.json and
package-lock.json are cat'ed and queried with jq, then broken by hand for npm ls --all; source and minified bundles
cat'ed; node crashing (`cygnetcheck`). Round 733's layout and item list; its app sources (round 725's, renamed)
imported and renamed again to this round's packages and words; its jq query the same as 725's and 733's. Each
kind's extractor is an earlier round's, imported; a chain's from each part's own (round 9b). Run through
capture_wide741.py."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import capture_wide484_js as r484
import capture_wide733_js as r733
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
from capture_wide741 import JS, cap, chain

NM = JS / "node_modules"
SEED = 74110

SP = "lib/split-polygon"
RD = "lib/rectangle-decomposition"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# split-polygon: the crossing point is interpolated with 1 + t instead of 1 - t; positive() drops points on the plane.
# rectangle-decomposition: a region's upper corner is taken against the lower one (hi = max(point, lo)); a chord
# between neighbours on a path is only skipped one way round.
BUGS = [(f"{SP}/clip-poly.js", "  var ti = 1.0 - t\n", "  var ti = 1.0 + t\n"),
        (f"{SP}/clip-poly.js", "    if(b >= 0) {\n", "    if(b > 0) {\n"),
        (f"{RD}/decomp.js", "hi[j] = Math.max(v.point[j], hi[j])", "hi[j] = Math.max(v.point[j], lo[j])"),
        (f"{RD}/decomp.js", "if(d === 1 || d === n-1) {", "if(d === 1) {")]

ESLINT_CONFIG = r733.ESLINT_CONFIG
TSCONFIG = r733.TSCONFIG

# Round 733's app sources renamed (longer words before the words they contain)
RENAME = [("../lib/rat-vec/index.js", "../lib/split-polygon/clip-poly.js"),
          ("../lib/filtered-vector/fvec.js", "../lib/rectangle-decomposition/decomp.js"),
          ("lych-gate", "swan-lock"), ("bell-tower", "boathouse"), ("grave/deep", "cygnet/grey"),
          ("knells over", "marks over"), ("graveTally", "cygnetTally"), ("graves", "cygnets"), ("grave", "cygnet"),
          ("knellsPerDay", "marksPerReach"), ("knells", "marks"), ("Sexton", "Upper"), ("sexton", "upper"),
          ("reach", "stretch"), ("Yard", "Reach"), ("yards", "reaches"), ("yard", "reach"), ("toll", "upping"),
          ("rung", "marked"), ("Gaunt", "Turk"), ("plots", "pens"), ("plot", "pen"), ("Register", "Tally"),
          ("register", "tally"), ("vespers", "census"), ("yew", "weir"), ("crypt", "eyot"), ("ossuary", "mooring"),
          ("ironShod", "beakMarked"), ("spade", "crook"), ("fvec", "decomp"), ("rv", "split")]


def renamed(text: str) -> str:
    for a, b in RENAME:
        text = text.replace(a, b)
    return text


REACH_JS = renamed(r733.YARD_JS)
MAIN_JS = renamed(r733.MAIN_JS)
CENSUS_JS = renamed(r733.VESPERS_JS)
SWANBENCH_TS = renamed(r733.GRAVEBENCH_TS)

CYGNETCHECK_JS = """// cygnetcheck: the swan-upper's check of each reach before the upping: the pen where the cygnets are held (a
// rectilinear pen of hurdles) must split into as many hurdle panels, of the area the register says
// (rectangle-decomposition), and the reach cut at the lock (the river's outline split by the lock's line,
// split-polygon) must leave the water the register says above the lock
const decomp = require("../lib/rectangle-decomposition/decomp.js");
const split = require("../lib/split-polygon/clip-poly.js");

class UppingError extends Error {}

const register = { reaches: [
  { name: "reach-3 above the swan-lock", pen: [[0, 0], [4, 0], [4, 2], [2, 2], [2, 4], [0, 4]], penArea: 12,
    water: [[0, 0], [6, 0], [6, 2], [0, 2]], lock: [1, 0, -3], above: 6 },
  { name: "reach-4 by the boathouse", pen: [[0, 0], [3, 0], [3, 3], [0, 3]], penArea: 9,
    water: [[0, 0], [4, 0], [4, 4], [0, 4]], lock: [1, 0, -1], above: 12 },
  { name: "reach-5 under the weir", pen: [[0, 0], [6, 0], [6, 1], [0, 1]], penArea: 6,
    water: [[0, 0], [2, 0], [2, 5], [0, 5]], lock: [0, 1, -4], above: 2 } ] };

function area(poly) {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i], b = poly[(i + 1) % poly.length];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(s) / 2;
}

function count(i) {
  const r = register.reaches[i];
  const panels = decomp([r.pen]);
  const penArea = panels.reduce((s, p) => s + (p[1][0] - p[0][0]) * (p[1][1] - p[0][1]), 0);
  if (penArea !== r.penArea) throw new RangeError(`reach ${r.name}: ${panels.length} hurdle panels cover ${penArea} of the pen, register says ${r.penArea}`);
  const above = area(split.positive(r.water, r.lock));
  if (above !== r.above) throw new RangeError(`reach ${r.name}: ${above} of water above the lock, register says ${r.above}`);
  return `${panels.length} panels, ${above} above the lock`;
}

function check(i) {
  try {
    return count(i);
  } catch (e) {
    throw new UppingError(`upping of ${register.reaches[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < register.reaches.length; i++) {
  console.log(register.reaches[i].name, check(i));
}
"""

SWAN_WORDS = ["swan", "cygnet", "pen", "cob", "reach", "upper", "skiff-hook", "register", "weir", "swan-lock",
              "boathouse", "beak-mark", "eyot", "mooring", "upping"]

TESTS = f"{SP}/test/test.js {RD}/test/test.js"
NODE_TEST = r733.NODE_TEST
MATCH = [f"{SP}/test/test.js", f"{RD}/test/test.js"]
PKGS = (("split-polygon", "clip-poly.js"), ("rectangle-decomposition", "decomp.js"))


def cygnetreach(tmp: Path) -> Path:
    root = tmp / "cygnetreach"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "cygnetreach", "version": "1.4.0", "main": f"{SP}/clip-poly.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/" + m for m in MATCH]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": "export default { test: { globals: true, include: " + json.dumps(MATCH) + " } };\n",
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/reach.js": REACH_JS, "app/main.js": MAIN_JS.replace("./yard.js", "./reach.js"),
             "app/census.js": CENSUS_JS, "scripts/cygnetcheck.js": CYGNETCHECK_JS}
    write_tree(root, files)
    for pkg, _ in PKGS:
        d = root / "lib" / pkg
        shutil.copytree(NM / pkg, d, ignore=shutil.ignore_patterns("node_modules", "*.md", "LICENSE"))
        write_tree(d, {"node_modules/tape/index.js": TAPE_SHIM,
                       "node_modules/tape/package.json": '{"name": "tape", "version": "0.0.0-shim", "main": "index.js"}\n'})
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)
    return root


def setup(tmp: Path) -> None:
    cygnetreach(tmp)


def crash(tmp: Path) -> None:
    g = tmp / "cygnetreach"
    cap("node-uncaught-cygnetcheck", "node scripts/cygnetcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-cygnetcheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {RD}/test/test.js 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/cygnetcheck.js", n_node_uncaught, ";")], g, timeout=400)


def lint(tmp: Path) -> None:
    g = tmp / "cygnetreach"
    cap("eslint-stylish-cygnetreach-app-lib", f"npx eslint app {SP}/clip-poly.js {RD}/decomp.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-cygnetreach-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-cygnetreach-libs-suites", f"npx eslint -f json app {SP} {RD} 2>&1", g, n_eslint_json,
        timeout=300)
    chain("chain-cd-eslint-suites-cygnetreach-tail-exit", "chain-lint-exit", "lint",
          [Part("cd cygnetreach", None), Part(f"npx eslint {SP}/test {RD}/test 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-split-decomp-cygnetreach", f"npx tsc {js_flags} {SP}/clip-poly.js {RD}/decomp.js "
        "app/reach.js scripts/cygnetcheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-deps", f"npx tsc --pretty {js_flags} {SP}/clip-poly.js {RD}/decomp.js "
        "node_modules/robust-sum/robust-sum.js node_modules/robust-dot-product/dot-prod.js "
        "node_modules/bipartite-independent-set/indepset.js node_modules/interval-tree-1d/interval-tree.js "
        "node_modules/dup/dup.js scripts/cygnetcheck.js app/reach.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "swanbench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "swanbench", "version": "0.2.6", "type": "module"},
                                              indent=2) + "\n", "ts/swanbench.ts": SWANBENCH_TS,
                   "app/reach.js": REACH_JS, "eslint.config.js": ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-swanbench-app-only", f"npx tsc {ts_flags} ts/swanbench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-swanbench-app-only", f"npx tsc --pretty {ts_flags} ts/swanbench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-swanbench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-swanbench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-swanbench", "chain-lint-typecheck", "lint",
          [Part("cd swanbench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


# cat'ed files of the installed tools (chosen by path, none cat'ed in the earlier rounds' capture scripts; each
# checked to exist before its capture)
MIN_CATS = [("cat-workerpool-worker-min-js", "node_modules/workerpool/dist/worker.min.js"),
            ("cat-nonrecursive-glob-match-esm-min-js",
             "node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.min.js"),
            ("cat-lru-cache-esm-node-min-js", "node_modules/path-scurry/node_modules/lru-cache/dist/esm/node/index.min.js")]
SRC_CATS = [("cat-bipartite-independent-set-source", "node_modules/bipartite-independent-set/indepset.js"),
            ("cat-robust-dot-product-source", "node_modules/robust-dot-product/dot-prod.js"),
            ("cat-eslint-id-match-rule-source", "node_modules/eslint/lib/rules/id-match.js"),
            ("cat-eslint-no-duplicate-imports-rule-source", "node_modules/eslint/lib/rules/no-duplicate-imports.js")]


def builds(tmp: Path) -> None:
    g = tmp / "cygnetreach"
    r484.SEED, r484.WORKS_WORDS = SEED, SWAN_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-cygnetreach-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-cygnetreach-app-scripts-libs", f"npx eslint -f json app scripts {SP}/clip-poly.js "
        f"{RD}/decomp.js 2>&1", g, n_eslint_json, timeout=300)
    cap("esbuild-bundle-cygnetreach-works-log-limit-exit", "npx esbuild app/works.js --bundle "
        "--outfile=dist/works.js --log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-cygnetreach-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-decomp-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {RD}/decomp.js --bundle --minify --platform=node --format=cjs "
                "--outfile=dist/decomp.min.js "
                "2>/dev/null", None),
           Part("cat dist/decomp.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-split-polygon-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {SP}/clip-poly.js --bundle --minify --format=esm --outfile=dist/split-polygon.min.js "
                "2>/dev/null", None),
           Part("cat dist/split-polygon.min.js", n_min_js, "&&")], g, timeout=300)
    for item, path in MIN_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_min_js)
    cap("cat-decomp-source", f"cat {RD}/decomp.js", g, n_source)
    for item, path in SRC_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "cygnetreach"
    for pkg in ("split-polygon", "rectangle-decomposition", "interval-tree-1d", "robust-sum"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    cap("npm-ls-cygnetreach-extraneous", "npm ls 2>&1", g, n_npm_ls, timeout=120)
    q = tmp / "swanstore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "swanstore", "version": "0.3.1", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund split-polygon@0.0.3 rectangle-decomposition@1.0.0 interval-tree-1d@1.0.3 "
        "robust-sum@1.0.0 dup@1.0.0 bipartite-independent-set@1.0.0 2>&1 && npm install --no-audit "
        "--no-fund -D mocha@10.2.0 eslint@8.56.0 typescript@5.3.3 2>&1", cwd=q, timeout=400)
    cap("package-json-cat-swanstore-typescript", "cat node_modules/typescript/package.json", q, n_package_json)
    cap("package-lock-swanstore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-swanstore", r733_jq(), q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["split-polygon"] = "^2.0.0"
    pj["dependencies"]["swan-mark"] = "^0.4.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/ms node_modules/once && cp -r node_modules/dup node_modules/cygnet-dup && "
        "sed -i 's/\"name\": \"dup\"/\"name\": \"cygnet-dup\"/' node_modules/cygnet-dup/package.json", cwd=q)
    cap("npm-ls-all-swanstore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def r733_jq() -> str:
    """Round 733's jq query over package-lock.json (the same program, as 725 and 733 ran it)."""
    return ("jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | sub(\"^.*node_modules/\"; \"\")), "
            "version: .value.version, license: .value.license, dev: (.value.dev // false), deps: "
            "(.value.dependencies // {} | length)}]' package-lock.json")


def tests_rest(tmp: Path) -> None:
    g = tmp / "cygnetreach"
    cap("mocha-split-decomp-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=400)
    cap("node-test-cygnetreach-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=400)
    cap("node-test-spec-rectangle-decomposition-suite", f"{NODE_TEST} --test-reporter=spec {RD}/test/test.js 2>&1",
        g, n_node_test, timeout=400)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=400)
    cap("vitest-split-decomp-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=400)
    chain("chain-cd-vitest-verbose-rd-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd cygnetreach", None),
           Part(f"npx vitest run --reporter=verbose {RD} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=400)


def tests_jest(tmp: Path) -> None:
    g = tmp / "cygnetreach"
    cap("jest-split-decomp-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=240)
    cap("jest-verbose-coverage-cygnetreach", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=240)


# Round 733's step order (the fast ones first, jest last)
STEPS = [setup, crash, lint, builds, tests_rest, npm, tests_jest]
