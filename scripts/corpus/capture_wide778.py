"""Capture round 778 of the compression corpus (issue #11's JavaScript and TypeScript kinds, after rounds 741, 749
and 758, whose layout and item list it keeps): real npm packages no earlier round used, with bugs put in, their OWN
test suites run with mocha, jest, vitest and node --test (strongly-connected-components 1.0.1 and boundary-cells
2.0.2), eslint (stylish and json), tsc --noEmit pretty off and on, esbuild and rollup builds failing, npm view --json
and npm outdated, package.json and package-lock.json read and queried with jq, npm ls --all with problems, source and
minified bundles cat'ed, node crashing with a stack trace; a cordwainer's names (lastroom, weltbench, awlstore,
heelcheck).

No new extractor and no step written anew: round 749's module is IMPORTED (as round 758 imports it), its step
functions' source taken from it (inspect) and renamed through one table (falconer -> cordwainer, planar-dual ->
boundary-cells, edges-to-adjacency-list -> strongly-connected-components, longer words first), then run in a namespace
of 749's globals pointed at this round's packages, bugs, words and scratch. Each kind's needles come from the
extractor round 749 used (imported through capture_wide741_js; NEEDLES.md's "Round 778: no new rules"). Round 758's
`drop_duplicates` is imported. Nothing captured here was compressed.

Tools: node v20, npm 11, mocha 12.0.3, jest 30.5.2, vitest 4.1.12, eslint 10.16.0, typescript 7.0.2, esbuild 0.28.2,
rollup 4.69.1 (tools' tree in /dev/shm/hm-corpus-wide778-tools).

Usage:   .venv/bin/python scripts/corpus/capture_wide778.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide778.json  as {"version": 2, "items": [...]}, ids prefixed "wide778-".
"""

from __future__ import annotations

import calendar
import inspect
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide749 as r749  # noqa: E402
import capture_wide758 as r758  # noqa: E402  (its drop_duplicates; its globals are not used here)

ID_PREFIX = "wide778-"
DEFAULT_OUT = HERE / "data" / "wide778.json"
TMP = Path("/dev/shm/hm-corpus-wide778")
TOOLS = Path("/dev/shm/hm-corpus-wide778-tools")
JS = TOOLS / "js"
NM = JS / "node_modules"
NPM_PKGS = ["boundary-cells@2.0.2", "strongly-connected-components@1.0.1", "oriented-simplicial-complex-compare@1.0.0",
            "jest@30.5.2", "vitest@4.1.12", "mocha@12.0.3", "eslint@10.16.0", "@eslint/js",
            "typescript@7.0.2", "esbuild@0.28.2", "rollup@4.69.1"]
SEED = 77810
DEADLINE = calendar.timegm(time.strptime(time.strftime("%Y-%m-%d", time.gmtime()) + " 15:18:00", "%Y-%m-%d %H:%M:%S"))

PD = "lib/boundary-cells"
EA = "lib/strongly-connected-components"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# boundary-cells: the first face of each cell is never written (a hole is left at the end), and the face swapped for
# orientation is the one at j & 2, not j & 1.
# strongly-connected-components: a vertex's low value takes the larger of its own and an active child's (Tarjan takes
# the smaller), and the components' links are compacted keeping repeats instead of dropping them.
BUGS = [(f"{PD}/boundary.js", "for (j = 0; j < d; ++j) {", "for (j = 1; j < d; ++j) {"),
        (f"{PD}/boundary.js", "if (j & 1) {", "if (j & 2) {"),
        (f"{EA}/scc.js", "lowValue[v] = Math.min(lowValue[v], lowValue[u])|0",
         "lowValue[v] = Math.max(lowValue[v], lowValue[u])|0"),
        (f"{EA}/scc.js", "if (e[j] !== e[j-1]) {", "if (e[j] === e[j-1]) {")]

# Round 749's names -> this round's (longer words first)
RENAME = [("eyassmews", "lastroom"), ("hoodbench", "weltbench"), ("HOODBENCH", "WELTBENCH"),
          ("lurestore", "awlstore"), ("jesscheck", "heelcheck"), ("JESSCHECK", "HEELCHECK"),
          ('pj["dependencies"]["planar-dual"] = "^2.0.0"', 'pj["dependencies"]["boundary-cells"] = "^3.0.0"'),
          ("planar-dual@1.0.2", "boundary-cells@2.0.1"), ("uniq@1.0.0 ", "oriented-simplicial-complex-compare@1.0.0 "),
          ("invert-permutation@0.0.0 shuffle-array@1.0.0", "ndarray@1.0.16 iota-array@1.0.0"),
          ("mocha@10.2.0 eslint@8.56.0 typescript@5.3.3", "mocha@10.3.0 eslint@8.55.0 typescript@5.2.2"),
          ("node_modules/compare-angle/cmpangle.js", "node_modules/oriented-simplicial-complex-compare/sc-cmp.js"),
          ("node_modules/uniq/uniq.js", "node_modules/compare-oriented-cell/compare.js"),
          ("node_modules/dup/dup.js", "node_modules/compare-cell/compare.js"),
          ("node_modules/invert-permutation/index.js", "node_modules/cell-orientation/orientation.js"),
          ("node_modules/shuffle-array/index.js", "node_modules/strongly-connected-components/scc.js"),
          ("edges-to-adjacency-list@1.0.0", "strongly-connected-components@1.0.1"),
          ("edges-to-adjacency-list", "strongly-connected-components"), ("planar-dual", "boundary-cells"),
          ("compare-angle", "oriented-simplicial-complex-compare"), ('"uniq"', '"compare-oriented-cell"'),
          ("jess-bell", "awl-haft"), ("hood-dup", "heel-dup"), ("FALCON_WORDS", "CORDWAINER_WORDS"),
          ("loops.min.js", "boundary.min.js"), ("e2a.min.js", "scc.min.js"), ("loops.js", "boundary.js"),
          ("e2a.js", "scc.js"), ("-loops-", "-boundary-"), ("-e2a-", "-scc-"), ("loops-e2a", "boundary-scc"),
          ("MEWS_JS", "BENCH_JS"), ("MUSTER_JS", "LEDGER_JS"), ("app/mews.js", "app/bench.js"),
          ("./mews.js", "./bench.js"), ("app/muster.js", "app/ledger.js"), ("cat-loops-source", "cat-boundary-source")]
FORBIDDEN = ("eyass", "jess", "hood", "lure", "mews", "falcon", "hawk", "planar", "e2a", "loops", "muster",
             "uniq", "compare-angle", "shuffle", "invert-perm")


def renamed(text: str) -> str:
    for a, b in RENAME:
        text = text.replace(a, b)
    return text


# The app sources (749's, themselves 741's renamed): falconer -> cordwainer (longer words first)
APP_RENAME = [("../lib/planar-dual/loops.js", "../lib/boundary-cells/boundary.js"),
              ("../lib/edges-to-adjacency-list/e2a.js", "../lib/strongly-connected-components/scc.js"),
              ("hawk-block", "clicking-board"), ("weathering", "closing-room"), ("eyass/haggard", "last/boot-tree"),
              ("eyassTally", "lastTally"), ("eyasses", "lasts"), ("eyass", "last"), ("bellsPerMews", "weltsPerBench"),
              ("bells", "welts"), ("Falconer", "Cordwainer"), ("falconer", "cordwainer"), ("mewses", "benches"),
              ("Mews", "Bench"), ("mews", "bench"), ("hawking", "lasting"), ("belled", "welted"),
              ("Merlin", "Hessian"), ("lures", "uppers"), ("lure", "upper"), ("muster", "ledger"), ("perch", "sole"),
              ("cadge", "rasp"), ("creance", "thread"), ("hooded", "stitched"), ("jess", "awl"),
              ("import dual", "import boundary"), ("dual(", "boundary("), ("[dual, e2a]", "[boundary, scc]"),
              ("import e2a", "import scc"), ("e2a", "scc"), ("dual", "boundary"), ("hood", "heel")]


def app_renamed(text: str) -> str:
    for a, b in APP_RENAME:
        text = text.replace(a, b)
    for w in FORBIDDEN:
        assert w not in text.lower(), w
    return text


HEELCHECK_JS = """// heelcheck: the cordwainer's check of each bench before the lasting: the awl holes of an upper, stitched
// one to the next (strongly-connected-components), must close into as many seams as the roll says, and the faces
// of the heel stack's cells (boundary-cells) must be as many as the roll says, each with two lifts
const scc = require("../lib/strongly-connected-components/scc.js");
const boundary = require("../lib/boundary-cells/boundary.js");

class LastingError extends Error {}

const roll = { benches: [
  { name: "bench-2 by the clicking-board", stitches: [[1], [2], [0], [4], [3]], seams: 2,
    heelStack: [[0, 1, 2], [1, 2, 3]], faces: 6 },
  { name: "bench-3 under the last rack", stitches: [[1], [0], [2]], seams: 2,
    heelStack: [[4, 5, 6]], faces: 3 },
  { name: "bench-4 at the closing-room", stitches: [[0]], seams: 1, heelStack: [[7, 8]], faces: 2 } ] };

function count(i) {
  const b = roll.benches[i];
  const seams = scc(b.stitches).components;
  if (seams.length !== b.seams) throw new RangeError(`bench ${b.name}: ${seams.length} seams stitched, roll says ${b.seams}`);
  const faces = boundary(b.heelStack);
  faces.forEach((f, k) => { if (f.length !== b.heelStack[0].length - 1) throw new RangeError(`face ${k} has ${f.length} lifts`); });
  if (faces.length !== b.faces) throw new RangeError(`bench ${b.name}: ${faces.length} faces, roll says ${b.faces}`);
  return `${seams.length} seams, ${faces.length} faces`;
}

function check(i) {
  try {
    return count(i);
  } catch (e) {
    throw new LastingError(`lasting at ${roll.benches[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < roll.benches.length; i++) {
  console.log(roll.benches[i].name, check(i));
}
"""

CORDWAINER_WORDS = ["last", "welt", "upper", "awl", "heel-stack", "cordwainer", "clicker", "sole", "insole", "vamp",
                    "closing-room", "hessian", "rand", "lasting", "heel"]

MIN_CATS = [("cat-lru-cache-cjs-node-min-js", "node_modules/path-scurry/node_modules/lru-cache/dist/commonjs/node/index.min.js"),
            ("cat-test-exclude-lru-cache-cjs-min-js",
             "node_modules/test-exclude/node_modules/lru-cache/dist/commonjs/index.min.js"),
            ("cat-mocha-js-yaml-umd-min-js", "node_modules/mocha/node_modules/js-yaml/dist/browser/js-yaml.umd.min.js")]
SRC_CATS = [("cat-scc-source", f"{EA}/scc.js"),
            ("cat-sc-cmp-source", "node_modules/oriented-simplicial-complex-compare/sc-cmp.js"),
            ("cat-eslint-grouped-accessor-pairs-rule-source", "node_modules/eslint/lib/rules/grouped-accessor-pairs.js"),
            ("cat-eslint-max-statements-rule-source", "node_modules/eslint/lib/rules/max-statements.js")]


def _steps():
    """Round 749's steps, their source renamed, defined in a namespace of 749's globals pointed at this round's."""
    ns = dict(vars(r749))
    ns.update(TMP=TMP, TOOLS=TOOLS, JS=JS, NM=NM, SEED=SEED, DEADLINE=DEADLINE, PD=PD, EA=EA, BUGS=BUGS,
              TESTS=f"{PD}/test/test.js {EA}/test/test.js", MATCH=[f"{PD}/test/test.js", f"{EA}/test/test.js"],
              PKGS=(("boundary-cells", "boundary.js"), ("strongly-connected-components", "scc.js")),
              BENCH_JS=app_renamed(r749.MEWS_JS), MAIN_JS=app_renamed(r749.MAIN_JS),
              LEDGER_JS=app_renamed(r749.MUSTER_JS), WELTBENCH_TS=app_renamed(r749.HOODBENCH_TS),
              HEELCHECK_JS=HEELCHECK_JS, CORDWAINER_WORDS=CORDWAINER_WORDS, MIN_CATS=MIN_CATS, SRC_CATS=SRC_CATS)
    steps = []
    for f in r749.STEPS:
        src = renamed(inspect.getsource(f))
        if f is r749.setup:  # 749's random-permutation shim is planar-dual's alone
            a = src.index("    write_tree(root / PD, {\"node_modules/random-permutation")
            b = src.index("    (root / \"dist\")")
            src = src[:a] + src[b:]
        for w in FORBIDDEN:
            assert w not in src, (f.__name__, w)
        exec(compile(src, f"<round 749's {f.__name__}, renamed>", "exec"), ns)
        steps.append(ns[f.__name__])
    # the functions cap/chain/left of 749 read 749's module globals: point those at this round's too
    r749.DEADLINE, r749.TMP = DEADLINE, TMP
    return steps


def main() -> None:
    steps = _steps()
    cm.install_npm(JS, "strongly-connected-components", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(NM / ".bin")]
    w9b.TMP = TMP
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, steps, DEFAULT_OUT, TMP, budget_s=DEADLINE - cm.T0)
    from capture_wide454 import drop_and_check  # round 454's after-run check, imported
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)
    r758.drop_duplicates(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide778", sys.modules["__main__"])
    main()
