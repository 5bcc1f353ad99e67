"""Capture round 589 of the compression corpus (issue #11's JavaScript and TypeScript kinds, after rounds 543, 557
and 570): real a-m npm packages with bugs put in, their OWN test suites run with jest, vitest and mocha (json-stringify-safe 5.0.1 and cuint 0.2.2),
eslint (stylish and unix), tsc --noEmit over a strict-mode app, esbuild and
rollup builds failing, npm view --json, a package-lock.json read and queried with jq, npm ls --all with problems,
minified bundles cat'ed, node crashing with a stack trace; a pewter works' names (pewtershop, ingotstock,
alloyledger, assaycheck). About a quarter of the command lines are chained or piped as agents type them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 589: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide589.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide589.json  as {"version": 2, "items": [...]}, ids prefixed "wide589-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide589-"
DEFAULT_OUT = HERE / "data" / "wide589.json"
TMP = Path("/dev/shm/hm-corpus-wide589")
TOOLS = Path("/dev/shm/hm-corpus-wide589-tools")
JS = TOOLS / "js"
NPM_PKGS = ["json-stringify-safe@5.0.1", "cuint@0.2.2", "must@0.12", "sinon@1", "eslint-formatter-unix", "jest", "vitest", "mocha", "eslint", "@eslint/js",
            "typescript", "esbuild", "rollup"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def install() -> None:
    cm.install_npm(JS, "cuint", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide589_js as js  # the package's own suite, eslint, tsc, builds, npm, bundles, crashes
    w9b.TMP = TMP  # the earlier rounds' modules imported above set it to theirs
    return js.STEPS


def main() -> None:
    cm.capture_round(__doc__, install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(10_000, 40_000, 80_000))
    from capture_wide454 import drop_and_check  # round 454's after-run check, imported
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else DEFAULT_OUT
    drop_and_check(out)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide589", sys.modules["__main__"])
    main()
