"""Capture round 796 of the compression corpus (issue #11's JavaScript and TypeScript kinds, after rounds 741, 749,
758 and 778, whose layout and item list it keeps): real npm packages no earlier round used, with bugs put in, their
OWN test suites run with mocha, jest, vitest and node --test (circumradius 1.0.0 and simplify-planar-graph 2.0.1),
eslint (stylish and json), tsc --noEmit pretty off and on, esbuild and rollup builds failing, npm view --json and npm
outdated, package.json and package-lock.json read and queried with jq, npm ls --all with problems, source and minified
bundles cat'ed, node crashing with a stack trace and a cause; a nailer's names (rodshop, headerbench, hobstore,
borecheck: nail rods, headers, bores, hobnails, nailers).

No new extractor and no step written anew: round 749's module is IMPORTED (as rounds 758 and 778 import it), its step
functions' source taken from it (inspect), renamed through round 778's table (imported from capture_wide778) and then
through this round's (cordwainer -> nailer, boundary-cells -> circumradius, strongly-connected-components ->
simplify-planar-graph, longer words first), then run in a namespace of 749's globals pointed at this round's packages,
bugs, words and scratch. Each kind's needles come from the extractor round 749 used (imported through
capture_wide741_js; NEEDLES.md's "Round 796: no new rules"). Round 758's `drop_duplicates` is imported. Nothing
captured here was compressed.

Tools: node v20, npm 11, mocha 12.0.3, jest 30.5.2, vitest 4.1.12, eslint 10.16.0, typescript 7.0.2, esbuild 0.28.2,
rollup 4.69.1 (tools' tree in /dev/shm/hm-corpus-wide796/js).

Usage:   .venv/bin/python scripts/corpus/capture_wide796.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide796.json  as {"version": 2, "items": [...]}, ids prefixed "wide796-".
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
import capture_wide778 as r778  # noqa: E402  (its rename tables; its globals are not used here)

ID_PREFIX = "wide796-"
DEFAULT_OUT = HERE / "data" / "wide796.json"
TMP = Path("/dev/shm/hm-corpus-wide796-run")
TOOLS = Path("/dev/shm/hm-corpus-wide796")
JS = TOOLS / "js"
NM = JS / "node_modules"
NPM_PKGS = ["circumradius@1.0.0", "simplify-planar-graph@2.0.1", "robust-linear-solve@1.0.0",
            "jest@30.5.2", "vitest@4.1.12", "mocha@12.0.3", "eslint@10.16.0", "@eslint/js",
            "typescript@7.0.2", "esbuild@0.28.2", "rollup@4.69.1"]
SEED = 79610
DEADLINE = calendar.timegm(time.strptime(time.strftime("%Y-%m-%d", time.gmtime()) + " 17:27:00", "%Y-%m-%d %H:%M:%S"))

PD = "lib/circumradius"
EA = "lib/simplify-planar-graph"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# circumradius: the first point's distance to the centre is never summed, and each coordinate's offset is summed as
# its absolute value, not squared.
# simplify-planar-graph: the heap's bubble-down takes the heavier left child (a min-heap wants the lighter), and a
# vertex's error weight is the triangle's area times the chord's length (the area over it is the height).
BUGS = [(f"{PD}/crad.js", "for(var i=0; i<points.length; ++i) {", "for(var i=1; i<points.length; ++i) {"),
        (f"{PD}/crad.js", "avgDist += Math.pow(p[j] - center[j], 2)", "avgDist += Math.abs(p[j] - center[j])"),
        (f"{EA}/simplify.js", "if(lw < tw) {", "if(lw > tw) {"),
        (f"{EA}/simplify.js", "return area / perim", "return area * perim")]

# Round 778's names (after its own table over 749's) -> this round's (longer words first)
RENAME = [("lastroom", "rodshop"), ("weltbench", "headerbench"), ("WELTBENCH", "HEADERBENCH"),
          ("awlstore", "hobstore"), ("heelcheck", "borecheck"), ("HEELCHECK", "BORECHECK"),
          ('pj["dependencies"]["boundary-cells"] = "^3.0.0"', 'pj["dependencies"]["circumradius"] = "^2.0.0"'),
          ("boundary-cells@2.0.1 strongly-connected-components@1.0.1 oriented-simplicial-complex-compare@1.0.0 ",
           "circumradius@1.0.0 simplify-planar-graph@2.0.1 circumcenter@0.0.0 "),
          ("ndarray@1.0.16 iota-array@1.0.0", "robust-orientation@1.1.3 two-product@0.0.1"),
          ("mocha@10.3.0 eslint@8.55.0 typescript@5.2.2", "mocha@10.4.0 eslint@8.54.0 typescript@5.1.6"),
          ("node_modules/oriented-simplicial-complex-compare/sc-cmp.js", "node_modules/circumcenter/circumcenter.js"),
          ("node_modules/compare-oriented-cell/compare.js", "node_modules/robust-orientation/orientation.js"),
          ("node_modules/compare-cell/compare.js", "node_modules/simplicial-complex/topology.js"),
          ("node_modules/cell-orientation/orientation.js", "node_modules/robust-linear-solve/linsolve.js"),
          ("node_modules/strongly-connected-components/scc.js", "node_modules/dup/dup.js"),
          ("boundary-cells", "circumradius"), ("strongly-connected-components", "simplify-planar-graph"),
          ("oriented-simplicial-complex-compare", "circumcenter"), ('"compare-oriented-cell"', '"robust-linear-solve"'),
          ("awl-haft", "hob-punch"), ("heel-dup", "rod-dup"), ("CORDWAINER_WORDS", "NAILER_WORDS"),
          ("boundary.min.js", "crad.min.js"), ("scc.min.js", "simplify.min.js"), ("boundary.js", "crad.js"),
          ("scc.js", "simplify.js"), ("boundary-scc", "crad-simplify"), ("-boundary-", "-crad-"), ("-scc-", "-simplify-"),
          ("BENCH_JS", "HEARTH_JS"), ("LEDGER_JS", "RECKONING_JS"), ("app/bench.js", "app/hearth.js"),
          ("./bench.js", "./hearth.js"), ("app/ledger.js", "app/reckoning.js")]
FORBIDDEN = ("cordwain", "lastroom", "welt", "awl", "heel", "boundary", "scc", "strongly", "oriented", "ndarray",
             "ledger", "clicking", "closing", "hessian")


def _check(text: str, where: str) -> str:
    low = text.lower().replace("headerbench", "")
    for w in FORBIDDEN:
        assert w not in low, (where, w)
    return text


def renamed(text: str) -> str:
    text = r778.renamed(text)
    for a, b in RENAME:
        text = text.replace(a, b)
    return text


# The app sources (778's, themselves 749's renamed): cordwainer -> nailer (longer words first)
APP_RENAME = [("../lib/boundary-cells/boundary.js", "../lib/circumradius/crad.js"),
              ("../lib/strongly-connected-components/scc.js", "../lib/simplify-planar-graph/simplify.js"),
              ("clicking-board", "nail-block"), ("closing-room", "forge-hearth"), ("last/boot-tree", "rod/slitting-mill"),
              ("lastTally", "rodTally"), ("lasting", "heading"), ("lasts", "rods"),
              ("weltsPerBench", "hobnailsPerHearth"), ("welts", "hobnails"), ("welted", "headed"),
              ("Cordwainer", "Nailer"), ("cordwainer", "nailer"), ("benches", "hearths"), ("Bench", "Hearth"),
              ("bench", "hearth"), ("Hessian", "Brade"), ("uppers", "headers"), ("upper", "header"),
              ("ledger", "reckoning"), ('"sole"', '"anvil"'), ("'rasp'", "'oliver'"), ("'thread'", "'bellows'"),
              ("stitched", "pointed"), ("awl", "bore"), ("import boundary", "import crad"), ("boundary(", "crad("),
              ("[boundary, scc]", "[crad, simplify]"), ("import scc", "import simplify"), ("scc", "simplify"),
              ("boundary", "crad"), ("heel", "shank"), ("last", "rod")]


def app_renamed(text: str) -> str:
    text = r778.app_renamed(text)
    for a, b in APP_RENAME:
        text = text.replace(a, b)
    return _check(text, "app")


BORECHECK_JS = """// borecheck: the nailer's check of each hearth before the heading: the bore of each header (the circumradius of
// the header's corner points) must be as wide as the roll says, and a nail rod's outline drawn down
// (simplify-planar-graph) must keep as many corners as the roll says
const crad = require("../lib/circumradius/crad.js");
const simplify = require("../lib/simplify-planar-graph/simplify.js");

class HeadingError extends Error {}

const roll = { hearths: [
  { name: "hearth-2 by the nail-block", header: [[0, 0], [2, 0], [0, 2]], bore: 1.4142,
    rod: { edges: [[0, 1], [1, 2], [2, 3], [3, 0]], points: [[0, 0], [4, 0], [4, 1], [0, 1]] }, corners: 4 },
  { name: "hearth-3 under the slitting mill", header: [[1, 1], [3, 1], [1, 3]], bore: 1.4142,
    rod: { edges: [[0, 1], [1, 2], [2, 0]], points: [[0, 0], [1, 0], [0, 1]] }, corners: 3 },
  { name: "hearth-4 at the forge-hearth", header: [[0, 0], [6, 0], [0, 8]], bore: 5,
    rod: { edges: [[0, 1]], points: [[0, 0], [1, 0]] }, corners: 2 } ] };

function count(i) {
  const h = roll.hearths[i];
  const bore = crad(h.header);
  if (Math.abs(bore - h.bore) > 1e-3) throw new RangeError(`hearth ${h.name}: bore ${bore.toFixed(4)} wide, roll says ${h.bore}`);
  const drawn = simplify(h.rod.edges, h.rod.points, 0.01);
  if (drawn.positions.length !== h.corners) throw new RangeError(`hearth ${h.name}: ${drawn.positions.length} corners kept, roll says ${h.corners}`);
  return `bore ${bore.toFixed(4)}, ${drawn.positions.length} corners`;
}

function check(i) {
  try {
    return count(i);
  } catch (e) {
    throw new HeadingError(`heading at ${roll.hearths[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < roll.hearths.length; i++) {
  console.log(roll.hearths[i].name, check(i));
}
"""

NAILER_WORDS = ["rod", "header", "bore", "hobnail", "nailer", "nail-block", "oliver", "anvil", "hearth", "bellows",
                "slitting-mill", "tally", "clench", "shank", "heading"]

MIN_CATS = [("cat-esquery-esm-min-js", "node_modules/esquery/dist/esquery.esm.min.js"),
            ("cat-lru-cache-esm-node-min-js", "node_modules/path-scurry/node_modules/lru-cache/dist/esm/node/index.min.js"),
            ("cat-lru-cache-esm-browser-min-js",
             "node_modules/path-scurry/node_modules/lru-cache/dist/esm/browser/index.min.js")]
SRC_CATS = [("cat-simplify-planar-graph-source", f"{EA}/simplify.js"),
            ("cat-circumcenter-source", "node_modules/circumcenter/circumcenter.js"),
            ("cat-eslint-no-useless-rename-rule-source", "node_modules/eslint/lib/rules/no-useless-rename.js"),
            ("cat-eslint-prefer-object-has-own-rule-source", "node_modules/eslint/lib/rules/prefer-object-has-own.js")]


def _steps():
    """Round 749's steps, their source renamed (778's table, then this round's), defined in a namespace of 749's
    globals pointed at this round's."""
    ns = dict(vars(r749))
    ns.update(TMP=TMP, TOOLS=TOOLS, JS=JS, NM=NM, SEED=SEED, DEADLINE=DEADLINE, PD=PD, EA=EA, BUGS=BUGS,
              TESTS=f"{PD}/test/test.js {EA}/test/test.js", MATCH=[f"{PD}/test/test.js", f"{EA}/test/test.js"],
              PKGS=(("circumradius", "crad.js"), ("simplify-planar-graph", "simplify.js")),
              HEARTH_JS=app_renamed(r749.MEWS_JS), MAIN_JS=app_renamed(r749.MAIN_JS),
              RECKONING_JS=app_renamed(r749.MUSTER_JS), HEADERBENCH_TS=app_renamed(r749.HOODBENCH_TS),
              BORECHECK_JS=BORECHECK_JS, NAILER_WORDS=NAILER_WORDS, MIN_CATS=MIN_CATS, SRC_CATS=SRC_CATS)
    steps = []
    for f in r749.STEPS:
        src = inspect.getsource(f)
        if f is r749.setup:  # 749's random-permutation shim is planar-dual's alone (as round 778 drops it)
            a = src.index("    write_tree(root / PD, {\"node_modules/random-permutation")
            b = src.index("    (root / \"dist\")")
            src = src[:a] + src[b:]
        src = _check(renamed(src), f.__name__)
        for w in r778.FORBIDDEN:  # 749's names; "planar" stands in this round's simplify-planar-graph
            assert (w if w != "planar" else "planar-dual") not in src, (f.__name__, w)
        exec(compile(src, f"<round 749's {f.__name__}, renamed>", "exec"), ns)
        steps.append(ns[f.__name__])
    # the functions cap/chain/left of 749 read 749's module globals: point those at this round's too
    r749.DEADLINE, r749.TMP = DEADLINE, TMP
    return steps


def main() -> None:
    steps = _steps()
    cm.install_npm(JS, "circumradius", NPM_PKGS)
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
    sys.modules.setdefault("capture_wide796", sys.modules["__main__"])
    main()
