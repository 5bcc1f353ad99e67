"""Capture round 725 of the compression corpus (issue #11's JavaScript and TypeScript kinds, after rounds 664, 709
and 717): real npm packages no earlier round used, with bugs put in, their OWN test suites run with mocha, jest,
vitest and node --test (zero-crossings 1.0.1 and point-in-big-polygon 2.0.1), eslint (stylish and json), tsc
--noEmit pretty off and on, esbuild and rollup builds failing, npm view --json and npm outdated, package.json and
package-lock.json read and queried with jq, npm ls --all with problems, source and minified bundles cat'ed, node
crashing with a stack trace; a knocker-up's names (rapround, polebench, wakestore, roundcheck). Some command lines
are chained or piped as agents type them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 725: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide725.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide725.json  as {"version": 2, "items": [...]}, ids prefixed "wide725-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide725-"
DEFAULT_OUT = HERE / "data" / "wide725.json"
TMP = Path("/dev/shm/hm-corpus-wide725")
TOOLS = Path("/dev/shm/hm-corpus-wide725-tools")
JS = TOOLS / "js"
# tape is met by round 664's shim (imported by capture_wide725_js); the suites' dev dependencies installed for them
NPM_PKGS = ["zero-crossings@1.0.1", "point-in-big-polygon@2.0.1", "cwise-parser", "ndarray", "signum@0.0.0",
            "robust-point-in-polygon", "jest@30.5.2", "vitest@4.1.12", "mocha@12.0.3", "eslint@10.16.0", "@eslint/js",
            "typescript@7.0.2", "esbuild@0.28.2", "rollup@4.69.1"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def install() -> None:
    cm.install_npm(JS, "zero-crossings", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide725_js as js  # the packages' own suites, eslint, tsc, builds, npm, bundles, crashes
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    return js.STEPS


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))
    from capture_wide454 import drop_and_check  # round 454's after-run check, imported
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide725", sys.modules["__main__"])
    main()
