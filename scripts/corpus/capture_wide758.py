"""Capture round 758 of the compression corpus (issue #11's JavaScript and TypeScript kinds, after rounds 664, 741
and 749, whose layout and item list it keeps): real npm packages no earlier round used, with bugs put in, their OWN
test suites run with mocha, jest, vitest and node --test (ndarray-select 1.0.1 and reduce-simplicial-complex 1.0.0),
eslint (stylish and json), tsc --noEmit pretty off and on, esbuild and rollup builds failing, npm view --json and npm
outdated, package.json and package-lock.json read and queried with jq, npm ls --all with problems, source and minified
bundles cat'ed, node crashing with a stack trace; a puddler's names (bloommill, rabblebench, pigstore, heatcheck).

No new extractor and no step written anew: round 749's module is IMPORTED, its step functions' source taken from it
(inspect) and renamed through one table (falconer -> puddler, planar-dual -> ndarray-select, edges-to-adjacency-list
-> reduce-simplicial-complex, longer words first), then run in a namespace of 749's globals pointed at this round's
packages, bugs, words and scratch. Each kind's needles come from the extractor round 749 used (imported through
capture_wide741_js; NEEDLES.md's "Round 758: no new rules"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide758.py [--out PATH] [--keep] [--only STEPS] | [--dedupe]
Writes:  scripts/corpus/data/wide758.json  as {"version": 2, "items": [...]}, ids prefixed "wide758-".
"""

from __future__ import annotations

import calendar
import inspect
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402
import capture_wide749 as r749  # noqa: E402

ID_PREFIX = "wide758-"
DEFAULT_OUT = HERE / "data" / "wide758.json"
TMP = Path("/dev/shm/hm-corpus-wide758")
TOOLS = Path("/dev/shm/hm-corpus-wide758-tools")
JS = TOOLS / "js"
NM = JS / "node_modules"
NPM_PKGS = ["ndarray-select@1.0.1", "reduce-simplicial-complex@1.0.0", "ndarray@1.0.19", "ndarray-pack@1.2.1",
            "ndarray-unpack@1.0.0", "dup@1.0.0", "oriented-simplicial-complex-compare@1.0.0",
            "jest@30.5.2", "vitest@4.1.12", "mocha@12.0.3", "eslint@10.16.0", "@eslint/js",
            "typescript@7.0.2", "esbuild@0.28.2", "rollup@4.69.1"]
SEED = 75810
DEADLINE = calendar.timegm(time.strptime(time.strftime("%Y-%m-%d", time.gmtime()) + " 13:42:00", "%Y-%m-%d %H:%M:%S"))

PD = "lib/ndarray-select"
EA = "lib/reduce-simplicial-complex"
# The bugs put in the copy: (file, text, replacement); each text occurs exactly once in its file.
# ndarray-select: quickselect narrows to the wrong side of the pivot; a rank equal to the length is not refused.
# reduce-simplicial-complex: cancels cells of the SAME orientation (not opposite ones); never compares the first cell.
BUGS = [(f"{PD}/select.js", '"}else if(", RANK, "<", PIVOT, "){",', '"}else if(", RANK, ">", PIVOT, "){",'),
        (f"{PD}/select.js", "(array.shape[0] <= k) ||", "(array.shape[0] < k) ||"),
        (f"{EA}/reduce.js", "orientation(f)    !== o", "orientation(f)    === o"),
        (f"{EA}/reduce.js", "if(ptr > 0) {", "if(ptr > 1) {")]

# Round 749's names -> this round's (longer words first)
RENAME = [("eyassmews", "bloommill"), ("hoodbench", "rabblebench"), ("HOODBENCH", "RABBLEBENCH"),
          ("lurestore", "pigstore"), ("jesscheck", "heatcheck"), ("JESSCHECK", "HEATCHECK"),
          ("planar-dual@1.0.2", "ndarray-select@1.0.1"), ("uniq@1.0.0 ", "ndarray@1.0.13 "),
          ("invert-permutation@0.0.0 shuffle-array@1.0.0", "ndarray-pack@1.1.1 iota-array@1.0.0"),
          ("node_modules/compare-angle/cmpangle.js", "node_modules/cell-orientation/orientation.js"),
          ("node_modules/uniq/uniq.js", "node_modules/compare-cell/compare.js"),
          ("node_modules/dup/dup.js", "node_modules/compare-oriented-cell/compare.js"),
          ("node_modules/invert-permutation/index.js", "node_modules/ndarray/ndarray.js"),
          ("node_modules/shuffle-array/index.js", "node_modules/ndarray-pack/convert.js"),
          ("edges-to-adjacency-list", "reduce-simplicial-complex"), ("planar-dual", "ndarray-select"),
          ("compare-angle", "cell-orientation"), ('"uniq"', '"compare-cell"'),
          ("jess-bell", "rabble-bar"), ("hood-dup", "heat-dup"), ("FALCON_WORDS", "PUDDLER_WORDS"),
          ("loops.min.js", "select.min.js"), ("e2a.min.js", "reduce.min.js"), ("loops.js", "select.js"),
          ("e2a.js", "reduce.js"), ("-loops-", "-select-"), ("-e2a-", "-reduce-"), ("loops-e2a", "select-reduce"),
          ("MEWS_JS", "FURNACE_JS"), ("MUSTER_JS", "TALLY_JS"), ("app/mews.js", "app/furnace.js"),
          ("./mews.js", "./furnace.js"), ("app/muster.js", "app/tally.js"), ("cat-loops-source", "cat-select-source")]
FORBIDDEN = ("eyass", "jess", "hood", "lure", "mews", "falcon", "hawk", "planar", "e2a", "loops", "muster",
             "uniq", "compare-angle", "shuffle", "invert-perm")


def renamed(text: str) -> str:
    for a, b in RENAME:
        text = text.replace(a, b)
    return text


# The app sources (749's, themselves 741's renamed): falconer -> puddler (longer words first)
APP_RENAME = [("../lib/planar-dual/loops.js", "../lib/ndarray-select/select.js"),
              ("../lib/edges-to-adjacency-list/e2a.js", "../lib/reduce-simplicial-complex/reduce.js"),
              ("hawk-block", "tap-hole"), ("weathering", "forge-yard"), ("eyass/haggard", "bloom/cinder"),
              ("eyassTally", "bloomTally"), ("eyasses", "blooms"), ("eyass", "bloom"), ("bellsPerMews", "heatsPerFurnace"),
              ("bells", "heats"), ("Falconer", "Puddler"), ("falconer", "puddler"), ("mewses", "furnaces"),
              ("Mews", "Furnace"), ("mews", "furnace"), ("hawking", "puddling"), ("belled", "rabbled"),
              ("Merlin", "Bessemer"), ("lures", "pigs"), ("lure", "pig"), ("muster", "tally"), ("perch", "hearth"),
              ("cadge", "shingle"), ("creance", "rabble"), ("hooded", "shingled"), ("jess", "tongs"),
              ("import dual", "import ndselect"), ("dual(", "ndselect("), ("[dual, e2a]", "[ndselect, reduceCells]"),
              ("import e2a", "import reduceCells"), ("e2a", "reduceCells"), ("dual", "ndselect"), ("hood", "flue")]


def app_renamed(text: str) -> str:
    for a, b in APP_RENAME:
        text = text.replace(a, b)
    for w in FORBIDDEN:
        assert w not in text.lower(), w
    return text


HEATCHECK_JS = """// heatcheck: the puddler's check of each furnace before the shingling: the bloom weights of a heat
// (ndarray-select) must give the median bloom the roll says, and the heat's cells of slag (reduce-simplicial-complex)
// must cancel down to as many cells as the roll says
const ndarray = require("ndarray");
const ndselect = require("../lib/ndarray-select/select.js");
const reduceCells = require("../lib/reduce-simplicial-complex/reduce.js");

class PuddlingError extends Error {}

const roll = { furnaces: [
  { name: "furnace-2 by the tap-hole", blooms: [41, 38, 44, 40, 39], median: 40,
    slag: [[1, 2, 3], [2, 1, 3], [4, 5, 6]], cells: 1 },
  { name: "furnace-3 under the stack", blooms: [52, 47, 49], median: 49,
    slag: [[0, 1], [1, 0], [2, 3]], cells: 1 },
  { name: "furnace-4 at the forge-yard", blooms: [36, 37], median: 37, slag: [[7, 8]], cells: 1 } ] };

function weigh(i) {
  const f = roll.furnaces[i];
  const rank = f.blooms.length >> 1;
  const median = ndselect(ndarray(f.blooms.slice()), rank);
  if (median !== f.median) throw new RangeError(`furnace ${f.name}: median bloom ${median} cwt, roll says ${f.median}`);
  const cells = reduceCells(f.slag.map((c) => c.slice()));
  if (cells.length !== f.cells) throw new RangeError(`furnace ${f.name}: ${cells.length} cells of slag left, roll says ${f.cells}`);
  return `median ${median} cwt, ${cells.length} cells`;
}

function check(i) {
  try {
    return weigh(i);
  } catch (e) {
    throw new PuddlingError(`puddling at ${roll.furnaces[i].name} failed`, { cause: e });
  }
}

for (let i = 0; i < roll.furnaces.length; i++) {
  console.log(roll.furnaces[i].name, check(i));
}
"""

PUDDLER_WORDS = ["bloom", "rabble", "heat", "pig", "furnace", "puddler", "shingler", "roll", "hearth", "tap-hole",
                 "forge-yard", "cinder", "slag", "flue", "puddling"]

MIN_CATS = [("cat-escodegen-browser-min-js", "node_modules/escodegen/escodegen.browser.min.js"),
            ("cat-sprintf-min-js", "node_modules/sprintf-js/dist/sprintf.min.js"),
            ("cat-nonrecursive-glob-match-cjs-min-js",
             "node_modules/@isaacs/nonrecursive-glob-match/dist/commonjs/index.min.js")]
SRC_CATS = [("cat-cell-orientation-source", "node_modules/cell-orientation/orientation.js"),
            ("cat-compare-oriented-cell-source", "node_modules/compare-oriented-cell/compare.js"),
            ("cat-eslint-max-nested-callbacks-rule-source", "node_modules/eslint/lib/rules/max-nested-callbacks.js"),
            ("cat-eslint-no-lonely-if-rule-source", "node_modules/eslint/lib/rules/no-lonely-if.js")]


def _steps():
    """Round 749's steps, their source renamed, defined in a namespace of 749's globals pointed at this round's."""
    ns = dict(vars(r749))
    ns.update(TMP=TMP, TOOLS=TOOLS, JS=JS, NM=NM, SEED=SEED, DEADLINE=DEADLINE, PD=PD, EA=EA, BUGS=BUGS,
              TESTS=f"{PD}/test/test.js {EA}/test/test.js", MATCH=[f"{PD}/test/test.js", f"{EA}/test/test.js"],
              PKGS=(("ndarray-select", "select.js"), ("reduce-simplicial-complex", "reduce.js")),
              FURNACE_JS=app_renamed(r749.MEWS_JS), MAIN_JS=app_renamed(r749.MAIN_JS),
              TALLY_JS=app_renamed(r749.MUSTER_JS), RABBLEBENCH_TS=app_renamed(r749.HOODBENCH_TS),
              HEATCHECK_JS=HEATCHECK_JS, PUDDLER_WORDS=PUDDLER_WORDS, MIN_CATS=MIN_CATS, SRC_CATS=SRC_CATS)
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


def drop_duplicates(out: Path) -> None:
    """Drop an item whose text is the very text of an item of an earlier round (a file cat'ed or a page viewed that
    an earlier round already holds); written after the run, applied once to its file (`--dedupe` runs it alone)."""
    data = json.loads(out.read_text())
    earlier = set()
    for f in sorted(out.parent.glob("*.json")):
        if f != out:
            try:
                earlier.update(it.get("text") for it in json.loads(f.read_text()).get("items", []))
            except (ValueError, AttributeError):
                pass
    keep = []
    for it in data["items"]:
        if it["text"] in earlier:
            cm.note(f"drop {it['id']}: the same text as an earlier round's item")
        else:
            keep.append(it)
    data["items"] = keep
    out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def main() -> None:
    if "--dedupe" in sys.argv:
        drop_duplicates(DEFAULT_OUT)
        return
    steps = _steps()
    cm.install_npm(JS, "reduce-simplicial-complex", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(NM / ".bin")]
    w9b.TMP = TMP
    cm.PREFIX = ID_PREFIX
    cm.capture_main(__doc__, steps, DEFAULT_OUT, TMP, budget_s=DEADLINE - cm.T0)
    from capture_wide454 import drop_and_check  # round 454's after-run check, imported
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)
    drop_duplicates(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide758", sys.modules["__main__"])
    main()
