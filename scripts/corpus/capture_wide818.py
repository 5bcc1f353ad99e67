"""Capture round 818 of the compression corpus (issue #11's JavaScript and TypeScript kinds, after rounds 758, 778
and 796, whose layout and item list it keeps, 749's): real npm packages no earlier round used, with bugs put in,
their OWN test suites run with mocha, jest, vitest and node --test (simplicial-complex-boundary 1.0.1 and
simplicial-complex-contour 1.0.2), eslint (stylish and json), tsc --noEmit pretty off and on, esbuild and rollup
builds failing, npm view --json and npm outdated, package.json and package-lock.json read and queried with jq, npm ls
--all with problems, source and minified bundles cat'ed, node crashing with a stack trace and a cause; a besom maker's
names (birchyard, handlebench, bondstore, heathercheck: birch, heather, bonds, handles, besom makers).

No new extractor and no step written anew: round 749's module is IMPORTED (as rounds 758, 778 and 796 import it),
its step functions' source taken from it (inspect), renamed through round 796's tables (imported from
capture_wide796, which goes through 778's) and then through this round's (nailer -> besom maker, circumradius ->
simplicial-complex-boundary, simplify-planar-graph -> simplicial-complex-contour, longer words first), then run in a
namespace of 749's globals pointed at this round's packages, bugs, words and scratch. Each kind's needles come from
the extractor round 749 used (imported through capture_wide741_js; NEEDLES.md's "Round 818: no new rules"). Round
758's `drop_duplicates` is imported. Nothing captured here was compressed.

Tools: node v20, npm 11, mocha 12.0.3, jest 30.5.2, vitest 4.1.12, eslint 10.16.0, typescript 7.0.2, esbuild 0.28.2,
rollup 4.69.1 (tools' tree in /dev/shm/hm-corpus-wide818/js).

Usage:   .venv/bin/python scripts/corpus/capture_wide818.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide818.json  as {"version": 2, "items": [...]}, ids prefixed "wide818-".
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
import capture_wide796 as r796  # noqa: E402  (its rename tables, through 778's; its globals are not used here)

ID_PREFIX = "wide818-"
DEFAULT_OUT = HERE / "data" / "wide818.json"
TMP = Path("/dev/shm/hm-corpus-wide818-run")
TOOLS = Path("/dev/shm/hm-corpus-wide818")
JS = TOOLS / "js"
NM = JS / "node_modules"
NPM_PKGS = ["simplicial-complex-boundary@1.0.1", "simplicial-complex-contour@1.0.2",
            "oriented-simplicial-complex-compare@1.0.0", "jest@30.5.2", "vitest@4.1.12", "mocha@12.0.3",
            "eslint@10.16.0", "@eslint/js", "typescript@7.0.2", "esbuild@0.28.2", "rollup@4.69.1"]
SEED = 81810
DEADLINE = calendar.timegm(time.strptime(time.strftime("%Y-%m-%d", time.gmtime()) + " 19:27:00", "%Y-%m-%d %H:%M:%S"))

PD = "lib/simplicial-complex-boundary"
EA = "lib/simplicial-complex-contour"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# simplicial-complex-boundary: the boundary cells are returned unreduced (opposite faces never cancel).
# simplicial-complex-contour: a crossing's weight has its sign flipped, and the generator reads the marching table
# one row past its end.
BUGS = [(f"{PD}/boundary.js", "return reduce(bnd(cells))", "return bnd(cells)"),
        (f"{EA}/contour.js", "weights[ptr++]   = (vb - level) / (vb - va)", "weights[ptr++]   = (vb - level) / (va - vb)"),
        (f"{EA}/lib/codegen.js", "maxCellSize = Math.max(maxCellSize, tab[i].length)",
         "maxCellSize = Math.max(maxCellSize, tab[j+1].length)")]

# Round 796's names (after its own tables over 778's and 749's) -> this round's (longer words first)
RENAME = [("rodshop", "birchyard"), ("headerbench", "handlebench"), ("HEADERBENCH", "HANDLEBENCH"),
          ("hobstore", "bondstore"), ("borecheck", "heathercheck"), ("BORECHECK", "HEATHERCHECK"),
          ('pj["dependencies"]["circumradius"] = "^2.0.0"',
           'pj["dependencies"]["simplicial-complex-boundary"] = "^2.0.0"'),
          ("circumradius@1.0.0 simplify-planar-graph@2.0.1 circumcenter@0.0.0 ",
           "simplicial-complex-boundary@1.0.1 simplicial-complex-contour@1.0.2 ndarray-sort@0.1.0 "),
          ("robust-orientation@1.1.3 two-product@0.0.1", "typedarray-pool@0.1.2 ndarray@1.0.16"),
          ("mocha@10.4.0 eslint@8.54.0 typescript@5.1.6", "mocha@10.5.0 eslint@8.53.0 typescript@5.0.4"),
          ("node_modules/circumcenter/circumcenter.js node_modules/robust-orientation/orientation.js "
           "node_modules/simplicial-complex/topology.js",
           "node_modules/boundary-cells/boundary.js node_modules/reduce-simplicial-complex/reduce.js "
           "node_modules/ndarray-sort/sort.js"),
          ("node_modules/robust-linear-solve/linsolve.js node_modules/dup/dup.js",
           "node_modules/marching-simplex-table/mstab.js node_modules/typedarray-pool/pool.js"),
          ('("circumradius", "simplify-planar-graph", "circumcenter", "robust-linear-solve")',
           '("simplicial-complex-boundary", "simplicial-complex-contour", "marching-simplex-table", "ndarray-sort")'),
          ("circumradius", "simplicial-complex-boundary"), ("simplify-planar-graph", "simplicial-complex-contour"),
          ("hob-punch", "besom-bond"), ("rod-dup", "birch-dup"), ("NAILER_WORDS", "BESOM_WORDS"),
          ("crad.min.js", "boundary.min.js"), ("simplify.min.js", "contour.min.js"), ("crad.js", "boundary.js"),
          ("simplify.js", "contour.js"), ("crad-simplify", "boundary-contour"), ("-crad-", "-boundary-"),
          ("-simplify-", "-contour-"), ("HEARTH_JS", "STALL_JS"), ("RECKONING_JS", "BONDBOOK_JS"),
          ("app/hearth.js", "app/stall.js"), ("./hearth.js", "./stall.js"), ("app/reckoning.js", "app/bondbook.js")]
FORBIDDEN = ("nail", "rodshop", "hobstore", "hob-", "borecheck", "headerbench", "hearth", "circum", "crad",
             "simplify", "robust", "two-product", "rod-dup", "header", "reckoning", "slitting", "oliver", "anvil")


def _check(text: str, where: str) -> str:
    low = text.lower()
    for w in FORBIDDEN:
        assert w not in low, (where, w)
    return text


def renamed(text: str) -> str:
    text = r796.renamed(text)
    for a, b in RENAME:
        text = text.replace(a, b)
    return text


# The app sources (796's, themselves 749's renamed twice): nailer -> besom maker (longer words first)
APP_RENAME = [("../lib/circumradius/crad.js", "../lib/simplicial-complex-boundary/boundary.js"),
              ("../lib/simplify-planar-graph/simplify.js", "../lib/simplicial-complex-contour/contour.js"),
              ("nail-block", "binding-horse"), ("rod/slitting-mill", "birch/cutting-shed"),
              ("forge-hearth", "heather-loft"), ("rodTally", "birchTally"), ("heading", "binding"),
              ("hobnailsPerHearth", "besomsPerStall"), ("hobnails", "besoms"), ("headed", "bound"),
              ("Nailer", "BesomMaker"), ("nailer", "besomMaker"), ("hearths", "stalls"), ("Hearth", "Stall"),
              ("hearth", "stall"), ("Brade", "Heath"), ("headers", "handles"), ("header", "handle"),
              ("reckoning", "bondbook"), ('"anvil"', '"horse"'), ("'oliver'", "'shave'"), ("'bellows'", "'withy'"),
              ("pointed", "trimmed"), ("bore", "bond"), ("import crad", "import boundary"), ("crad(", "boundary("),
              ("[crad, simplify]", "[boundary, contour]"), ("import simplify", "import contour"),
              ("simplify", "contour"), ("crad", "boundary"), ("shank", "stail"), ("rods", "birches"),
              ("rod", "birch")]


def app_renamed(text: str) -> str:
    text = r796.app_renamed(text)
    for a, b in APP_RENAME:
        text = text.replace(a, b)
    return _check(text, "app")


HEATHERCHECK_JS = """// heathercheck: the besom maker's check of each stall before the binding: the heather head of each besom (two
// triangles of birch twigs) must keep as many outer edges as the roll says once its inner bonds cancel
// (simplicial-complex-boundary), and the handle's wet line (the contour of the sap readings at level 0) must cross
// as many twigs as the roll says (simplicial-complex-contour)
const boundary = require("../lib/simplicial-complex-boundary/boundary.js");
const contour = require("../lib/simplicial-complex-contour/contour.js");

class BindingError extends Error {}

const roll = { stalls: [
  { name: "stall-2 by the binding-horse", head: [[0, 1, 2], [2, 1, 3]], edges: 4,
    handle: { cells: [[0, 1, 4], [1, 2, 4], [2, 3, 4], [3, 0, 4]], sap: [-1, -1, 1, -1, -1] }, crossings: 2 },
  { name: "stall-3 under the cutting shed", head: [[0, 1, 2]], edges: 3,
    handle: { cells: [[0, 1, 2]], sap: [-1, 1, 1] }, crossings: 1 },
  { name: "stall-4 at the heather loft", head: [[0, 1, 2], [0, 2, 3], [0, 3, 1]], edges: 3,
    handle: { cells: [[0, 1], [1, 2]], sap: [-2, 2, -2] }, crossings: 2 } ] };

function count(i) {
  const s = roll.stalls[i];
  const edges = boundary(s.head.map((c) => c.slice()));
  if (edges.length !== s.edges) throw new RangeError(`stall ${s.name}: ${edges.length} outer edges bound, roll says ${s.edges}`);
  const wet = contour(s.handle.cells, s.handle.sap, 0);
  if (wet.cells.length !== s.crossings) throw new RangeError(`stall ${s.name}: ${wet.cells.length} twigs wet, roll says ${s.crossings}`);
  return `${edges.length} edges, ${wet.cells.length} wet twigs`;
}

function check(i) {
  try {
    return count(i);
  } catch (e) {
    throw new BindingError(`binding at ${roll.stalls[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < roll.stalls.length; i++) {
  console.log(roll.stalls[i].name, check(i));
}
"""

BESOM_WORDS = ["birch", "heather", "bond", "handle", "besom", "besom-maker", "withy", "stail", "stall", "shave",
               "horse", "ling", "twig", "tally", "binding"]

MIN_CATS = [("cat-react-is-18-cjs-production-min-js", "node_modules/@jest/react-is-18/cjs/react-is.production.min.js"),
            ("cat-lru-cache-cjs-react-native-min-js",
             "node_modules/path-scurry/node_modules/lru-cache/dist/commonjs/react-native/index.min.js"),
            ("cat-imurmurhash-min-js", "node_modules/imurmurhash/imurmurhash.min.js")]
SRC_CATS = [("cat-simplicial-complex-contour-source", f"{EA}/contour.js"),
            ("cat-simplicial-complex-contour-codegen", f"{EA}/lib/codegen.js"),
            ("cat-ndarray-sort-compile-sort", "node_modules/ndarray-sort/lib/compile_sort.js"),
            ("cat-eslint-no-else-return-rule-source", "node_modules/eslint/lib/rules/no-else-return.js")]


def _steps():
    """Round 749's steps, their source renamed (796's tables, then this round's), defined in a namespace of 749's
    globals pointed at this round's."""
    ns = dict(vars(r749))
    ns.update(TMP=TMP, TOOLS=TOOLS, JS=JS, NM=NM, SEED=SEED, DEADLINE=DEADLINE, PD=PD, EA=EA, BUGS=BUGS,
              TESTS=f"{PD}/test/test.js {EA}/test/test.js", MATCH=[f"{PD}/test/test.js", f"{EA}/test/test.js"],
              PKGS=(("simplicial-complex-boundary", "boundary.js"), ("simplicial-complex-contour", "contour.js")),
              STALL_JS=app_renamed(r749.MEWS_JS), MAIN_JS=app_renamed(r749.MAIN_JS),
              BONDBOOK_JS=app_renamed(r749.MUSTER_JS), HANDLEBENCH_TS=app_renamed(r749.HOODBENCH_TS),
              HEATHERCHECK_JS=HEATHERCHECK_JS, BESOM_WORDS=BESOM_WORDS, MIN_CATS=MIN_CATS, SRC_CATS=SRC_CATS)
    steps = []
    for f in r749.STEPS:
        src = inspect.getsource(f)
        if f is r749.setup:  # 749's random-permutation shim is planar-dual's alone (as rounds 778 and 796 drop it)
            a = src.index("    write_tree(root / PD, {\"node_modules/random-permutation")
            b = src.index("    (root / \"dist\")")
            src = src[:a] + src[b:]
        src = _check(renamed(src), f.__name__)
        exec(compile(src, f"<round 749's {f.__name__}, renamed>", "exec"), ns)
        steps.append(ns[f.__name__])
    # the functions cap/chain/left of 749 read 749's module globals: point those at this round's too
    r749.DEADLINE, r749.TMP = DEADLINE, TMP
    return steps


def main() -> None:
    steps = _steps()
    cm.install_npm(JS, "simplicial-complex-boundary", NPM_PKGS)
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
    sys.modules.setdefault("capture_wide818", sys.modules["__main__"])
    main()
