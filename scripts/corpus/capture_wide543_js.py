"""Round 543, JavaScript / TypeScript: a real n-z npm package new to the corpus with its OWN test suite
(url 0.11.0: the core `url` module packaged standalone, `url.js`, `util.js` and `test.js`, mocha's qunit interface),
copied into a clock tower's app (`winderboard`) with a few bugs put in by capture_material.put_bugs, the shipped
suite run against the broken copy with mocha, jest and vitest (the test file unchanged); eslint (stylish, unix) over
the copy and app with round 313's config (imported); tsc --noEmit over a strict-mode app (`escapementstock`, round
313's strict tsconfig, imported); esbuild and rollup builds failing (round 484's `kiln_sections`, imported, called
with this round's words and seed 54310); npm view --json; a real install (`weightstock`) whose package-lock.json is
cat'ed and queried with jq, then broken by hand for npm ls --all; minified bundles cat'ed; node crashing
(`windcheck`). Each kind's extractor is an earlier round's, imported; a chain's from each part's own (round 9b).
Run through capture_wide543.py."""

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
from capture_wide543 import JS, cap

NM = JS / "node_modules"
SEED = 54310

# The bugs put in the copy (url.js): (file, text, replacement); each text occurs exactly once in its file.
# hostnames no longer lower-cased; a port loses its first digit; format escapes a '#' in the search as %2E.
BUGS = [("url.js", "this.hostname = this.hostname.toLowerCase();", "this.hostname = this.hostname;"),
        ("url.js", "this.port = port.substr(1);", "this.port = port.substr(2);"),
        ("url.js", "search = search.replace('#', '%23');", "search = search.replace('#', '%2E');")]

ESLINT_CONFIG = r313.ESLINT_CONFIG
TSCONFIG = r313.TSCONFIG

WEIGHTS_JS = """import url from "../url.js";

const drums = { "going-train": 8, "striking-train": "XIV", "chiming-train": [4], "pendulum": "bob", "going-train": 12 };
export function drumLink(train, turns) {
  var n = drums[train];
  for (var key in drums) {
    if (train == undefined) train = key;
  }
  const unused = drums.length * 2;
  if (n == null) return "no drum on " + train;
  else return url.format({ protocol: "tower", host: "clock:" + (n + turns), pathname: "/" + train });
}
export const heavyWeights = function (links) {
  const { length } = links.filter((l) => url.parse(l).port > 80 == true);
  return length + " weights over eighty";
};
export function rewind(rounds, worn, log) {
  let n = 0;
  rounds.forEach(function (r) { if (url.parse(r.link).hostname != "") n++; });
  while (n = rounds.length) { n--; }
  if (n) {}
  return n ? rounds : null;
}
"""

MAIN_JS = """import { drumLink, heavyWeights } from "./weights.js";
import { escapement } from "./escapement.js";
import { bells } from "./bell-hammers.js";

export const report = [drumLink("going-train", 2), heavyWeights(["http://a:8080", "http://b:70"]), escapement(7), bells()];
"""

ESCAPEMENT_JS = """import url from "../url.js";

export function escapement(beats) {
  const link = url.resolve("http://tower.clock/escapement/", (beats * 2.from("pallet"));
  return "anchor " + link;
}
"""

ESCAPEMENT_TS = """import url from '../url.js'

interface Weight { drum: string; kilos: number; chain?: { links: number; grade: string }; wound?: Date }
interface Clockwinder { name: string; tower: number; since?: { year: number } }

export function weightSheet(weights: Weight[]): string[] {
  return weights.map((w) => url.format(w.chain.links).padStart(w.chain.grade))
}

export const drumPort = (w: Weight): number => url.parse(w).port
export const heavy = (w: Weight): boolean => url.parse(w.drum).port > 80
export const wound = (w: Weight) => w.wound.toUTCString()
export const escapementLink = (beats: number): number => url.resolve(beats, '/pallet').toFixed(0)
export const crownWheel: string = url.parse('http://tower.clock', 3, true, false)
export const tenure = (c: Clockwinder): string => c.since.year.toFixed(c.name)
export const both = (c: Clockwinder): [number, string] => [url.format(c.tower).length, c.name.at(-1)]
export const dial = (w: Weight): URL => url.parse(w.drum).hostname.toLowerCase()
"""

WINDCHECK_JS = """// windcheck: the clockwinder's round, checking each train's winding link before the weights are wound up
const url = require("../url.js");

class WindCheckError extends Error {}

function portOf(train, link) {
  const parsed = url.parse(link);
  const expected = link.split(":").pop().split("/")[0];
  if (parsed.port !== expected) {
    throw new RangeError(`winding link for the ${train} read port ${parsed.port}, expected ${expected} (${link})`);
  }
  return parsed;
}

function checkTrain(train, link) {
  try {
    return portOf(train, link).host;
  } catch (e) {
    throw new WindCheckError(`winding check on the ${train} failed`, { cause: e });
  }
}

const trains = [["going-train", "http://tower.clock:8/going"], ["striking-train", "http://tower.clock:9/strike"],
                ["chiming-train", "http://tower.clock:8043/chime"], ["pendulum", "http://tower.clock:8060/bob"]];
for (const [train, link] of trains) {
  console.log(train, link, checkTrain(train, link));
}
"""

TOWER_WORDS = ["escapement", "pallet", "crown-wheel", "pendulum", "weight", "winding-drum", "bell-hammer",
               "dial-train", "fly", "count-wheel", "anchor", "going-train", "striking-train", "leading-off-rod",
               "clock-room"]


def winderboard(tmp: Path) -> Path:
    root = tmp / "winderboard"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    pkg = NM / "url"
    files = {"package.json": json.dumps({"name": "winderboard", "version": "3.1.0", "main": "url.js",
                                         "scripts": {"test": "mocha --ui qunit test.js"},
                                         "jest": {"testMatch": ["**/test.js"]}}, indent=2) + "\n",
             "eslint.config.js": ESLINT_CONFIG,
             "vitest.config.mjs": 'export default { test: { globals: true, include: ["test.js"] } };\n',
             "app/weights.js": WEIGHTS_JS, "app/main.js": MAIN_JS, "app/escapement.js": ESCAPEMENT_JS,
             "scripts/windcheck.js": WINDCHECK_JS}
    write_tree(root, files)
    for f in ("url.js", "util.js", "test.js"):
        shutil.copy(pkg / f, root / f)
    (root / "vendor" / "querystring").mkdir(parents=True, exist_ok=True)
    for f in ("index.js", "decode.js", "encode.js"):  # the real querystring 0.2.0, vendored
        shutil.copy(NM / "querystring" / f, root / "vendor" / "querystring" / f)
    put_bugs(root, BUGS)
    return root


def tests(tmp: Path) -> None:
    g = winderboard(tmp)
    cap("mocha-url-own-suite-winderboard", "npx mocha --ui qunit test.js 2>&1", g, n_mocha, timeout=300)
    cap("mocha-color-url-winderboard", "npx mocha --ui qunit --color test.js 2>&1", g, n_mocha, timeout=300)
    cap("mocha-full-trace-url-winderboard-head", "npx mocha --ui qunit --full-trace test.js 2>&1 | head -n 1200", g,
        n_mocha, timeout=300)
    cap("jest-url-own-suite-winderboard", "npx jest --ci 2>&1", g, n_jest, timeout=300)
    cap("jest-verbose-url-winderboard", "npx jest --ci --verbose 2>&1", g, n_jest, timeout=300)
    cap("jest-color-url-winderboard-head", "FORCE_COLOR=1 npx jest --ci 2>&1 | head -n 300", g, n_jest,
        timeout=300)
    cap("vitest-url-own-suite-winderboard", "npx vitest run 2>&1", g, n_vitest, timeout=300)
    cap("vitest-verbose-url-winderboard", "npx vitest run --reporter=verbose 2>&1", g, n_vitest, timeout=300)
    chain("chain-cd-mocha-url-grep-exit", "chain-cd-test-exit", "test",
          [Part("cd winderboard", None), Part("npx mocha --ui qunit test.js 2>&1 | grep -E -A2 'passing|failing|^  [0-9]+\\) '", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    chain("chain-jest-resolve-tail-exit", "chain-test-exit", "test",
          [Part("npx jest --ci -t resolve 2>&1 | tail -n 150", n_jest),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-vitest-format-grep", "chain-test-grep", "test",
          [Part("npx vitest run -t format 2>&1 | grep -v '^ *$'", n_vitest)], g, timeout=300)


def lint(tmp: Path) -> None:
    g = tmp / "winderboard"
    cap("eslint-stylish-winderboard-app-url", "npx eslint app url.js util.js 2>&1", g, n_eslint, timeout=300)
    cap("eslint-color-winderboard-app", "npx eslint --color app 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-winderboard-app-url", "npx eslint -f unix app url.js util.js 2>&1", g, N_ESLINT_UNIX,
        timeout=300)
    cap("eslint-unix-winderboard-grep-v-warning", "npx eslint -f unix app url.js 2>&1 | grep -v Warning", g,
        N_ESLINT_UNIX, timeout=300)
    chain("chain-cd-eslint-test-winderboard-tail-exit", "chain-lint-exit", "lint",
          [Part("cd winderboard", None), Part("npx eslint test.js 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    cap("eslint-unix-winderboard-vendor-querystring-app", "npx eslint -f unix vendor app 2>&1", g, N_ESLINT_UNIX,
        timeout=300)
    cap("tsc-checkjs-vendor-querystring-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext vendor/querystring/*.js 2>&1 | head -n 1500", g, n_tsc,
        timeout=300)
    cap("eslint-stylish-winderboard-whole", "npx eslint . 2>&1", g, n_eslint, timeout=300)
    cap("eslint-unix-winderboard-whole-head", "npx eslint -f unix . 2>&1 | head -n 700", g, N_ESLINT_UNIX,
        timeout=300)
    cap("tsc-checkjs-url-winderboard-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext url.js util.js app/weights.js scripts/windcheck.js 2>&1 "
        "| head -n 800", g, n_tsc, timeout=300)
    cap("tsc-checkjs-url-tests-head", "npx tsc --noEmit --strict --allowJs --checkJs --target es2022 "
        "--module nodenext --moduleResolution nodenext url.js util.js test.js 2>&1 | head -n 1500", g, n_tsc,
        timeout=300)
    t = tmp / "escapementstock"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    for f in ("url.js", "util.js"):
        shutil.copy(g / f, t / f)
    write_tree(t, {"package.json": json.dumps({"name": "escapementstock", "version": "0.7.0", "type": "module"},
                                              indent=2) + "\n", "ts/escapementstock.ts": ESCAPEMENT_TS,
                   "app/weights.js": WEIGHTS_JS, "eslint.config.js": ESLINT_CONFIG})
    cap("tsc-strict-escapementstock-app-only", "npx tsc --noEmit --strict --target es2022 --module nodenext "
        "--moduleResolution nodenext ts/escapementstock.ts 2>&1", t, n_tsc, timeout=300)
    write_tree(t, {"tsconfig.json": TSCONFIG})
    cap("tsc-strict-checkjs-escapementstock-head", "npx tsc --noEmit 2>&1 | head -n 900", t, n_tsc, timeout=300)
    cap("tsc-pretty-escapementstock-head", "npx tsc --noEmit --pretty 2>&1 | head -n 1500", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-escapementstock", "chain-lint-typecheck", "lint",
          [Part("cd escapementstock", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 300", n_tsc, ";")], tmp, timeout=300)


def builds(tmp: Path) -> None:
    g = tmp / "winderboard"
    # round 484's generator with this round's words and seed (its module constants, set before the call, as rounds
    # 500 and 514 did); its sections import ../../lib/numeral.js and ../../lib/vec3.js, which winderboard lacks
    r484.SEED, r484.WORKS_WORDS = SEED, TOWER_WORDS
    r484.kiln_sections(g)
    cap("esbuild-bundle-winderboard-works-log-limit-exit", "npx esbuild app/works.js --bundle --outfile=dist/works.js "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-winderboard-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    cap("esbuild-bundle-winderboard-main-exit", "npx esbuild app/main.js app/weights.js --bundle --outdir=dist "
        "--log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    chain("chain-rollup-main-then-esbuild-exit", "chain-build-exit", "build",
          [Part("npx rollup app/main.js -d dist-rollup -f es 2>&1", n_rollup),
           Part("npx esbuild app/escapement.js lib/nope.js --bundle --outdir=dist 2>&1", n_esbuild, "&&"),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=300)
    chain("chain-esbuild-minify-cat-url", "chain-build-run", "code",
          [Part("npx esbuild url.js --bundle --minify --platform=node --outfile=dist/url.min.js 2>/dev/null", None),
           Part("cat dist/url.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-test-cat", "chain-build-run", "code",
          [Part("npx esbuild test.js --bundle --minify --platform=node --outdir=dist/min-test 2>/dev/null", None),
           Part("cat dist/min-test/test.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-chai-cat", "chain-build-run", "code",
          [Part("npx esbuild node_modules/chai/index.js --bundle --minify --platform=node --outfile=dist/chai.min.js "
                "2>/dev/null", None), Part("cat dist/chai.min.js", n_min_js, "&&")], g, timeout=300)
    cap("esbuild-minify-url-browser-cat", "npx esbuild url.js --bundle --minify --format=esm 2>/dev/null", g, n_min_js,
        timeout=300)


def npm(tmp: Path) -> None:
    g = tmp / "winderboard"
    for pkg in ("url", "querystring", "whatwg-url", "tr46"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    q = tmp / "weightstock"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "weightstock", "version": "1.3.0", "private": True}, indent=2)
                   + "\n"})
    run("npm install --no-audit --no-fund url@0.11.0 querystring@0.2.0 whatwg-url chai@4 mocha eslint 2>&1", cwd=q,
        timeout=400)
    cap("package-lock-weightstock", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-weightstock", "jq '[.packages | to_entries[] | select(.key != \"\") | {name: (.key | "
        "sub(\"^.*node_modules/\"; \"\")), version: .value.version, license: .value.license, dev: (.value.dev // "
        "false), deps: (.value.dependencies // {} | length)}]' package-lock.json", q, n_jq)
    chain("chain-cd-jq-lock-tsv-sort", "chain-read-then-grep", "pkg",
          [Part("cd weightstock", None),
           Part("jq -r '.packages | to_entries[] | select(.key != \"\") | [(.key | sub(\"^.*node_modules/\"; \"\")), "
                ".value.version, (.value.license // \"-\"), (.value.dependencies // {} | length)] | @tsv' "
                "package-lock.json | sort -k3,3 -k1,1", n_jq, "&&")], tmp)
    # broken by hand: a range the installed copy no longer meets, a dependency never installed, a dependency
    # removed from node_modules, an extraneous package
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["url"] = "^1.0.0"
    pj["dependencies"]["pallet-arbor"] = "^2.1.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/whatwg-url node_modules/supports-color && cp -r node_modules/url "
        "node_modules/crown-wheel && sed -i 's/\"name\": \"url\"/\"name\": \"crown-wheel\"/' "
        "node_modules/crown-wheel/package.json", cwd=q)
    cap("npm-ls-all-weightstock-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def crash(tmp: Path) -> None:
    g = tmp / "winderboard"
    cap("node-uncaught-windcheck", "node scripts/windcheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-windcheck-crash", "chain-test-then-run-crash", "test",
          [Part("npx mocha --ui qunit test.js 2>&1 | tail -n 60", n_mocha),
           Part("node scripts/windcheck.js", n_node_uncaught, ";")], g, timeout=300)


STEPS = [tests, lint, builds, npm, crash]
