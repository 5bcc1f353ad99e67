"""Capture round 514 of the compression corpus (issue #11's JavaScript and TypeScript kinds, after rounds 484 and
500): a real n-z npm package with bugs put in, its OWN test suite run with mocha, jest and vitest (roman-numerals
0.3.2's `test/*.js`), eslint (stylish and unix), tsc --noEmit over a strict-mode app, esbuild and
rollup builds failing, npm view --json, a package-lock.json read and queried with jq, npm ls --all with problems,
minified bundles cat'ed, node crashing with a stack trace; a paper mill finishing room's names (reelboard,
calenderstock, finishstock, reelcheck). About a quarter of the command lines are chained or piped
as agents type them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 514: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide514.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide514.json  as {"version": 2, "items": [...]}, ids prefixed "wide514-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide514-"
DEFAULT_OUT = HERE / "data" / "wide514.json"
TMP = Path("/dev/shm/hm-corpus-wide514")
TOOLS = Path("/dev/shm/hm-corpus-wide514-tools")
JS = TOOLS / "js"
NPM_PKGS = ["roman-numerals@0.3.2", "victor", "chai@4", "eslint-formatter-unix", "jest", "vitest", "mocha", "eslint", "@eslint/js",
            "typescript", "esbuild", "rollup"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def install() -> None:
    cm.install_npm(JS, "roman-numerals", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide514_js as js  # the package's own suite, eslint, tsc, builds, npm, bundles, crashes
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    return js.STEPS


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide514", sys.modules["__main__"])
    main()
