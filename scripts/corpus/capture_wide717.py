"""Capture round 717 of the compression corpus (issue #11's JavaScript and TypeScript kinds, after rounds 664, 701
and 709): real npm packages no earlier round used, with bugs put in, their OWN test suites run with mocha, jest,
vitest and node --test (cdt2d 1.0.0 and incremental-convex-hull 1.0.1), eslint (stylish and json), tsc
--noEmit pretty off and on, esbuild and rollup builds failing, npm view --json and npm outdated, package.json and
package-lock.json read and queried with jq, npm ls --all with problems, source and minified bundles cat'ed, node
crashing with a stack trace; a cartographer's names (mapyard, sheetbench, plotstore, trigcheck). About a
quarter of the command lines are chained or piped as agents type them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 717: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide717.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide717.json  as {"version": 2, "items": [...]}, ids prefixed "wide717-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide717-"
DEFAULT_OUT = HERE / "data" / "wide717.json"
TMP = Path("/dev/shm/hm-corpus-wide717")
TOOLS = Path("/dev/shm/hm-corpus-wide717-tools")
JS = TOOLS / "js"
# tape is met by round 664's shim (imported by capture_wide717_js); cdt2d's suite's dev dependencies installed for it
NPM_PKGS = ["cdt2d@1.0.0", "incremental-convex-hull@1.0.1", "delaunay-triangulate@1.1.6", "gauss-random@1.0.1",
            "cell-orientation@1.0.1", "flip-orientation@1.0.1", "convex-hull@1.0.3",
            "robust-triangle-triangle-2d-intersect@1.0.0", "uniq@1.0.1", "permutation-parity@1.0.0",
            "jest@30.5.2", "vitest@4.1.12", "mocha@12.0.3", "eslint@10.16.0", "@eslint/js", "typescript@7.0.2",
            "esbuild@0.28.2", "rollup@4.69.1"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def install() -> None:
    cm.install_npm(JS, "cdt2d", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide717_js as js  # the packages' own suites, eslint, tsc, builds, npm, bundles, crashes
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    return js.STEPS


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))
    from capture_wide454 import drop_and_check  # round 454's after-run check, imported
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide717", sys.modules["__main__"])
    main()
