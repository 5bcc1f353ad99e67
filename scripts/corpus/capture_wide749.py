"""Capture round 749 of the compression corpus (issue #11's JavaScript and TypeScript kinds, after rounds 664, 733
and 741, whose layout and item list it keeps): real npm packages no earlier round used, with bugs put in, their OWN
test suites run with mocha, jest, vitest and node --test (planar-dual 1.0.2 and edges-to-adjacency-list 1.0.0),
eslint (stylish and json), tsc --noEmit pretty off and on, esbuild and rollup builds failing, npm view --json and npm
outdated, package.json and package-lock.json read and queried with jq, npm ls --all with problems, source and minified
bundles cat'ed, node crashing with a stack trace; a falconer's names (eyassmews, hoodbench, lurestore, jesscheck).
Some command lines are chained or piped as agents type them.

No new extractor: each kind's needles come from the extractor round 741 used for it, imported through
capture_wide741_js (NEEDLES.md's "Round 749: no new rules"); a chain's from each part's own (round 9b). Round 741's
module gives the configs, the app sources (renamed here), the jq query and the node --test command. Nothing captured
here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide749.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide749.json  as {"version": 2, "items": [...]}, ids prefixed "wide749-".
"""

from __future__ import annotations

import calendar
import json
import os
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide484_js as r484  # noqa: E402
import capture_wide741_js as r741  # noqa: E402  (imports capture_wide741: its globals are not used here)
from capture_material import put_bugs  # noqa: E402
from capture_more import run, write_tree  # noqa: E402
from capture_wide741_js import (  # noqa: E402  the extractors round 741 used, by kind
    NODE_TEST_SETUP, TAPE_SHIM, Part, n_eslint, n_eslint_json, n_esbuild, n_jest, n_jq, n_lock, n_min_js, n_mocha,
    n_node_test, n_node_uncaught, n_npm_ls, n_npm_outdated, n_npm_view, n_package_json, n_rollup, n_source,
    n_status_echo, n_tsc, n_vitest)

ID_PREFIX = "wide749-"
DEFAULT_OUT = HERE / "data" / "wide749.json"
TMP = Path("/dev/shm/hm-corpus-wide749")
TOOLS = Path("/dev/shm/hm-corpus-wide749-tools")
JS = TOOLS / "js"
NM = JS / "node_modules"
# shuffle-array 2.0.0 is an empty placeholder (no index.js): 1.0.1 is pinned. random-permutation (planar-dual's suite's dev dependency, 0.0.0) is not on the registry: a seeded shim below
NPM_PKGS = ["planar-dual@1.0.2", "edges-to-adjacency-list@1.0.0", "invert-permutation@1.0.0", "shuffle-array@1.0.1",
            "jest@30.5.2", "vitest@4.1.12", "mocha@12.0.3", "eslint@10.16.0", "@eslint/js",
            "typescript@7.0.2", "esbuild@0.28.2", "rollup@4.69.1"]
SEED = 74910

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
# The brief's 13:22 UTC stop, less a margin: a capture started after it is skipped, no timeout runs past it
DEADLINE = calendar.timegm(time.strptime(time.strftime("%Y-%m-%d", time.gmtime()) + " 13:20:00", "%Y-%m-%d %H:%M:%S"))


def left() -> float:
    return DEADLINE - time.time()


def cap(item, cmd, cwd, extractor, timeout: int = 120, **kw):
    if left() < 5:
        cm.note(f"skip {item}: deadline")
        return None
    return _SIZED.cap(item, cmd, cwd, extractor, timeout=int(min(timeout, left())), **kw)


def chain(item, kind, family, parts, cwd, timeout: int = 120, **kw):
    if left() < 5:
        cm.note(f"skip {item}: deadline")
        return None
    w9b.TMP = TMP
    return w9b.chain(item, kind, family, parts, cwd, timeout=int(min(timeout, left())), **kw)


PD = "lib/planar-dual"
EA = "lib/edges-to-adjacency-list"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# planar-dual: a vertex with outgoing edges only is taken for an isolated one; trivial cycles are glued when the new
# cycle's FIRST vertex (not its second) equals its last.
# edges-to-adjacency-list: the vertex count is one short (the largest index is not counted); neighbours sorted down.
BUGS = [(f"{PD}/loops.js", "if(adj[0][i].length + adj[1][i].length === 0) {", "if(adj[1][i].length === 0) {"),
        (f"{PD}/loops.js", "return (ncycle[1] === ncycle[ncycle.length-1])",
         "return (ncycle[0] === ncycle[ncycle.length-1])"),
        (f"{EA}/e2a.js", "numVertices = (numVertices|0) + 1", "numVertices = (numVertices|0)"),
        (f"{EA}/e2a.js", "      return a - b\n", "      return b - a\n")]

# Round 741's app sources (733's renamed) renamed again: swan-upper -> falconer (longer words first)
RENAME = [(".split(", "\0SPLIT("),
          ("../lib/split-polygon/clip-poly.js", "../lib/planar-dual/loops.js"),
          ("../lib/rectangle-decomposition/decomp.js", "../lib/edges-to-adjacency-list/e2a.js"),
          ("swan-lock", "hawk-block"), ("boathouse", "weathering"), ("cygnet/grey", "eyass/haggard"),
          ("cygnetTally", "eyassTally"), ("cygnets", "eyasses"), ("cygnet", "eyass"), ("marksPerReach", "bellsPerMews"),
          ("marks", "bells"), ("Upper", "Falconer"), ("upper", "falconer"), ("stretch", "cast"),
          ("reaches", "mewses"), ("Reach", "Mews"), ("reach", "mews"), ("upping", "hawking"), ("marked", "belled"),
          ("Turk", "Merlin"), ("pens", "lures"), ("pen", "lure"), ("census", "muster"), ("weir", "perch"),
          ("eyot", "cadge"), ("mooring", "creance"), ("beakMarked", "hooded"), ("crook", "jess"),
          ("import split", "import dual"), ("split(", "dual("), ("[split, decomp]", "[dual, e2a]"),
          ("import decomp", "import e2a"), ("decomp", "e2a"), ("split", "dual"), ("\0SPLIT(", ".split(")]


def renamed(text: str) -> str:
    for a, b in RENAME:
        text = text.replace(a, b)
    for w in ("swan", "cygnet", "Reach", "decomp", "split-polygon"):
        assert w not in text, w
    return text


MEWS_JS = renamed(r741.REACH_JS)
MAIN_JS = renamed(r741.MAIN_JS)
MUSTER_JS = renamed(r741.CENSUS_JS)
HOODBENCH_TS = renamed(r741.SWANBENCH_TS)

RANDOM_PERMUTATION_SHIM = """"use strict"
// random-permutation 0.0.0 is not on the registry: a seeded Fisher-Yates stands in for it
var state = 74910
function rnd() { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648 }
module.exports = function randomPermutation(n) {
  var p = []
  for (var i = 0; i < n; ++i) p.push(i)
  for (var i = n - 1; i > 0; --i) { var j = Math.floor(rnd() * (i + 1)); var t = p[i]; p[i] = p[j]; p[j] = t }
  return p
}
"""

JESSCHECK_JS = """// jesscheck: the falconer's check of the mews before the hawking: each mews's perches and the jesses tied
// between them (edges-to-adjacency-list) must give every perch the neighbours the roll says, and the
// weathering ground's hurdles (planar-dual) must close into as many yards as the roll says
const e2a = require("../lib/edges-to-adjacency-list/e2a.js");
const dual = require("../lib/planar-dual/loops.js");

class HawkingError extends Error {}

const roll = { mewses: [
  { name: "mews-2 by the hawk-block", jesses: [[0, 1], [1, 2], [2, 3]], perches: 4, yards: 2,
    ground: [[0, 0], [4, 0], [4, 3], [0, 3]], hurdles: [[0, 1], [1, 2], [2, 3], [3, 0]] },
  { name: "mews-3 under the cadge", jesses: [[0, 2], [2, 1]], perches: 3, yards: 2,
    ground: [[0, 0], [2, 0], [1, 2]], hurdles: [[0, 1], [1, 2], [2, 0]] },
  { name: "mews-4 at the weathering", jesses: [[0, 1]], perches: 2, yards: 1,
    ground: [[0, 0], [1, 0]], hurdles: [[0, 1]] } ] };

function count(i) {
  const m = roll.mewses[i];
  const adj = e2a(m.jesses);
  if (adj.length !== m.perches) throw new RangeError(`mews ${m.name}: ${adj.length} perches tied by jesses, roll says ${m.perches}`);
  const yards = dual(m.hurdles, m.ground);
  if (yards.length !== m.yards) throw new RangeError(`mews ${m.name}: ${yards.length} yards on the ground, roll says ${m.yards}`);
  return `${adj.length} perches, ${yards.length} yards`;
}

function check(i) {
  try {
    return count(i);
  } catch (e) {
    throw new HawkingError(`hawking from ${roll.mewses[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < roll.mewses.length; i++) {
  console.log(roll.mewses[i].name, check(i));
}
"""

FALCON_WORDS = ["eyass", "jess", "hood", "lure", "mews", "falconer", "creance", "roll", "perch", "hawk-block",
                "weathering", "bell", "cadge", "haggard", "hawking"]

TESTS = f"{PD}/test/test.js {EA}/test/test.js"
NODE_TEST = r741.NODE_TEST
MATCH = [f"{PD}/test/test.js", f"{EA}/test/test.js"]
PKGS = (("planar-dual", "loops.js"), ("edges-to-adjacency-list", "e2a.js"))


def install() -> None:
    cm.install_npm(JS, "planar-dual", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def setup(tmp: Path) -> None:
    root = tmp / "eyassmews"
    root.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=root)
    files = {"package.json": json.dumps({"name": "eyassmews", "version": "2.3.0", "main": f"{PD}/loops.js",
                                         "scripts": {"test": "mocha " + TESTS},
                                         "jest": {"testMatch": ["**/" + m for m in MATCH]}}, indent=2) + "\n",
             "eslint.config.js": r741.ESLINT_CONFIG,
             "vitest.config.mjs": "export default { test: { globals: true, include: " + json.dumps(MATCH) + " } };\n",
             "test/node-test-setup.mjs": NODE_TEST_SETUP,
             "app/mews.js": MEWS_JS, "app/main.js": MAIN_JS.replace("./yard.js", "./mews.js"),
             "app/muster.js": MUSTER_JS, "scripts/jesscheck.js": JESSCHECK_JS}
    write_tree(root, files)
    for pkg, _ in PKGS:
        d = root / "lib" / pkg
        shutil.copytree(NM / pkg, d, ignore=shutil.ignore_patterns("node_modules", "*.md", "LICENSE"))
        write_tree(d, {"node_modules/tape/index.js": TAPE_SHIM,
                       "node_modules/tape/package.json": '{"name": "tape", "version": "0.0.0-shim", "main": "index.js"}\n'})
    write_tree(root / PD, {"node_modules/random-permutation/index.js": RANDOM_PERMUTATION_SHIM,
                           "node_modules/random-permutation/package.json":
                               '{"name": "random-permutation", "version": "0.0.0-shim", "main": "index.js"}\n'})
    (root / "dist").mkdir(exist_ok=True)
    put_bugs(root, BUGS)


def crash(tmp: Path) -> None:
    g = tmp / "eyassmews"
    cap("node-uncaught-jesscheck", "node scripts/jesscheck.js", g, n_node_uncaught)
    chain("chain-mocha-tail-then-jesscheck-crash", "chain-test-then-run-crash", "test",
          [Part(f"npx mocha {PD}/test/test.js 2>&1 | tail -n 80", n_mocha),
           Part("node scripts/jesscheck.js", n_node_uncaught, ";")], g, timeout=400)


def lint(tmp: Path) -> None:
    g = tmp / "eyassmews"
    cap("eslint-stylish-eyassmews-app-lib", f"npx eslint app {PD}/loops.js {EA}/e2a.js scripts 2>&1", g,
        n_eslint, timeout=300)
    cap("eslint-json-eyassmews-app", "npx eslint -f json app scripts 2>&1", g, n_eslint_json, timeout=300)
    cap("eslint-json-eyassmews-libs-suites", f"npx eslint -f json app {PD} {EA} 2>&1", g, n_eslint_json,
        timeout=300)
    chain("chain-cd-eslint-suites-eyassmews-tail-exit", "chain-lint-exit", "lint",
          [Part("cd eyassmews", None), Part(f"npx eslint {PD}/test {EA}/test 2>&1 | tail -n 500", n_eslint),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=300)
    js_flags = "--noEmit --strict --allowJs --checkJs --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-checkjs-loops-e2a-eyassmews", f"npx tsc {js_flags} {PD}/loops.js {EA}/e2a.js "
        "app/mews.js scripts/jesscheck.js 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-own-suites", f"npx tsc --pretty {js_flags} {TESTS} 2>&1", g, n_tsc, timeout=300)
    cap("tsc-pretty-checkjs-libs-deps", f"npx tsc --pretty {js_flags} {PD}/loops.js {EA}/e2a.js "
        "node_modules/compare-angle/cmpangle.js node_modules/uniq/uniq.js node_modules/dup/dup.js "
        "node_modules/invert-permutation/index.js node_modules/shuffle-array/index.js "
        "scripts/jesscheck.js app/mews.js 2>&1", g, n_tsc, timeout=300)
    t = tmp / "hoodbench"
    t.mkdir(parents=True, exist_ok=True)
    run(f"ln -s {NM} node_modules", cwd=t)
    shutil.copytree(g / "lib", t / "lib", dirs_exist_ok=True)
    write_tree(t, {"package.json": json.dumps({"name": "hoodbench", "version": "0.4.9", "type": "module"},
                                              indent=2) + "\n", "ts/hoodbench.ts": HOODBENCH_TS,
                   "app/mews.js": MEWS_JS, "eslint.config.js": r741.ESLINT_CONFIG})
    ts_flags = "--noEmit --strict --target es2022 --module nodenext --moduleResolution nodenext"
    cap("tsc-strict-hoodbench-app-only", f"npx tsc {ts_flags} ts/hoodbench.ts 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-strict-hoodbench-app-only", f"npx tsc --pretty {ts_flags} ts/hoodbench.ts 2>&1", t, n_tsc,
        timeout=300)
    write_tree(t, {"tsconfig.json": r741.TSCONFIG})
    cap("tsc-strict-checkjs-hoodbench", "npx tsc --noEmit 2>&1", t, n_tsc, timeout=300)
    cap("tsc-pretty-hoodbench", "npx tsc --noEmit --pretty 2>&1", t, n_tsc, timeout=300)
    chain("chain-cd-eslint-app-then-tsc-hoodbench", "chain-lint-typecheck", "lint",
          [Part("cd hoodbench", None), Part("npx eslint app", n_eslint),
           Part("npx tsc --noEmit 2>&1 | tail -n 150", n_tsc, ";")], tmp, timeout=300)


# cat'ed files of the installed tools (chosen by path, none cat'ed by rounds 733 and 741; each checked to exist)
MIN_CATS = [("cat-esquery-lite-min-js", "node_modules/esquery/dist/esquery.lite.min.js"),
            ("cat-lru-cache-cjs-browser-min-js",
             "node_modules/path-scurry/node_modules/lru-cache/dist/commonjs/browser/index.min.js"),
            ("cat-workerpool-min-js", "node_modules/workerpool/dist/workerpool.min.js")]
SRC_CATS = [("cat-compare-angle-source", "node_modules/compare-angle/cmpangle.js"),
            ("cat-uniq-source", "node_modules/uniq/uniq.js"),
            ("cat-eslint-no-unused-labels-rule-source", "node_modules/eslint/lib/rules/no-unused-labels.js"),
            ("cat-eslint-max-depth-rule-source", "node_modules/eslint/lib/rules/max-depth.js")]


def builds(tmp: Path) -> None:
    g = tmp / "eyassmews"
    r484.SEED, r484.WORKS_WORDS = SEED, FALCON_WORDS
    r484.kiln_sections(g)
    cap("eslint-stylish-eyassmews-whole", "npx eslint app scripts lib 2>&1", g, n_eslint, timeout=300)
    cap("eslint-json-eyassmews-app-scripts-libs", f"npx eslint -f json app scripts {PD}/loops.js "
        f"{EA}/e2a.js 2>&1", g, n_eslint_json, timeout=300)
    cap("esbuild-bundle-eyassmews-works-log-limit-exit", "npx esbuild app/works.js --bundle "
        "--outfile=dist/works.js --log-limit=0 2>&1; echo EXIT=$?", g, n_esbuild, timeout=300)
    cap("rollup-build-eyassmews-works", "npx rollup app/works.js -d dist-works -f es 2>&1", g, n_rollup,
        timeout=300)
    chain("chain-esbuild-minify-loops-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {PD}/loops.js --bundle --minify --platform=node --format=cjs "
                "--outfile=dist/loops.min.js 2>/dev/null", None),
           Part("cat dist/loops.min.js", n_min_js, "&&")], g, timeout=300)
    chain("chain-esbuild-minify-e2a-cat", "chain-build-run", "code",
          [Part(f"npx esbuild {EA}/e2a.js --bundle --minify --format=esm --outfile=dist/e2a.min.js "
                "2>/dev/null", None),
           Part("cat dist/e2a.min.js", n_min_js, "&&")], g, timeout=300)
    for item, path in MIN_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_min_js)
    cap("cat-loops-source", f"cat {PD}/loops.js", g, n_source)
    for item, path in SRC_CATS:
        if (g / path).exists():
            cap(item, f"cat {path}", g, n_source)


def npm(tmp: Path) -> None:
    g = tmp / "eyassmews"
    for pkg in ("planar-dual", "edges-to-adjacency-list", "compare-angle", "uniq"):
        cap(f"npm-view-{pkg}-json", f"npm view {pkg} --json", g, n_npm_view, timeout=120)
    cap("npm-ls-eyassmews-extraneous", "npm ls 2>&1", g, n_npm_ls, timeout=120)
    q = tmp / "lurestore"
    q.mkdir(parents=True, exist_ok=True)
    write_tree(q, {"package.json": json.dumps({"name": "lurestore", "version": "0.5.2", "private": True,
                                               "scripts": {"test": "mocha tests/", "lint": "eslint ."}},
                                              indent=2) + "\n"})
    run("npm install --no-audit --no-fund planar-dual@1.0.2 edges-to-adjacency-list@1.0.0 uniq@1.0.0 "
        "dup@1.0.0 invert-permutation@0.0.0 shuffle-array@1.0.0 2>&1 && npm install --no-audit "
        "--no-fund -D mocha@10.2.0 eslint@8.56.0 typescript@5.3.3 2>&1", cwd=q, timeout=400)
    cap("package-json-cat-lurestore-mocha", "cat node_modules/mocha/package.json", q, n_package_json)
    cap("package-lock-lurestore", "cat package-lock.json", q, n_lock)
    cap("jq-lock-records-lurestore", r741.r733_jq(), q, n_jq)
    chain("chain-npm-outdated-long-exit", "chain-pkg-exit", "pkg",
          [Part("npm outdated --long 2>&1", n_npm_outdated), Part("echo EXIT=$?", n_status_echo, ";")], q,
          timeout=120)
    pj = json.loads((q / "package.json").read_text())
    pj["dependencies"]["planar-dual"] = "^2.0.0"
    pj["dependencies"]["jess-bell"] = "^0.4.0"
    (q / "package.json").write_text(json.dumps(pj, indent=2) + "\n")
    run("rm -rf node_modules/ms node_modules/once && cp -r node_modules/dup node_modules/hood-dup && "
        "sed -i 's/\"name\": \"dup\"/\"name\": \"hood-dup\"/' node_modules/hood-dup/package.json", cwd=q)
    cap("npm-ls-all-lurestore-broken", "npm ls --all 2>&1", q, n_npm_ls, timeout=120)
    chain("chain-npm-ls-grep-problems-exit", "chain-pkg-exit", "pkg",
          [Part("npm ls --all 2>&1 | grep -E 'invalid|extraneous|UNMET|missing|error'", n_npm_ls),
           Part("echo EXIT=$?", n_status_echo, ";")], q, timeout=120)


def tests_rest(tmp: Path) -> None:
    g = tmp / "eyassmews"
    cap("mocha-loops-e2a-own-suites", f"npx mocha {TESTS} 2>&1", g, n_mocha, timeout=400)
    cap("node-test-eyassmews-tap", f"{NODE_TEST} {TESTS} 2>&1", g, n_node_test, timeout=400)
    cap("node-test-spec-planar-dual-suite", f"{NODE_TEST} --test-reporter=spec {PD}/test/test.js 2>&1",
        g, n_node_test, timeout=400)
    chain("chain-mocha-full-trace-tail-exit", "chain-test-exit", "test",
          [Part(f"npx mocha {TESTS} --full-trace 2>&1 | tail -n 150", n_mocha),
           Part("echo EXIT=$?", n_status_echo, ";")], g, timeout=400)
    cap("vitest-loops-e2a-own-suites", "npx vitest run 2>&1", g, n_vitest, timeout=400)
    chain("chain-cd-vitest-verbose-pd-tail-exit", "chain-cd-test-exit", "test",
          [Part("cd eyassmews", None),
           Part(f"npx vitest run --reporter=verbose {PD} 2>&1 | tail -n 120", n_vitest),
           Part("echo EXIT=$?", n_status_echo, ";")], tmp, timeout=400)


def tests_jest(tmp: Path) -> None:
    g = tmp / "eyassmews"
    cap("jest-loops-e2a-own-suites", "npx jest --ci 2>&1", g, n_jest, timeout=240)
    cap("jest-verbose-coverage-eyassmews", "npx jest --ci --verbose --coverage 2>&1", g, n_jest, timeout=240)


# Round 741's step order (the fast ones first, jest last)
STEPS = [setup, crash, lint, builds, tests_rest, npm, tests_jest]


def main() -> None:
    install()
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, STEPS, DEFAULT_OUT, TMP, budget_s=DEADLINE - cm.T0)
    from capture_wide454 import drop_and_check  # round 454's after-run check, imported
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide749", sys.modules["__main__"])
    main()
