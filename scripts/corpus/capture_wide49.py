#!/usr/bin/env python3
"""Capture round 49 of the compression corpus: SECOND SAMPLES OF NINE OF ROUND 44'S KINDS, no new rules.
A new small project written here with other bugs put in (a bicycle-rental fleet's booking library, `spokewise`:
JavaScript modules with lint problems widened by a seeded generator, mocha / vitest / node:test suites with failing
tests, a TypeScript half with `any`-typed code, type errors and a CLI that crashes under source maps), run through
node --test --experimental-test-coverage, tsc --explainFiles, mocha's dot / xunit / tap reporters, vitest's tap
reporter, ESLint 8's junit formatter, type-coverage (--detail, --at-least failing) and node --enable-source-maps.
Some command lines are typed as agents type them (`| tail -n 40`, `| head -n 80`, `; echo EXIT=$?`).

Every item's needles come from the extractor round 44 used for its kind, imported from round 44's capture modules
(NEEDLES.md "Round 49"); nothing here copies a rule. Nothing captured here was compressed: this round only captures.
The tools are round 44's install (/tmp/hm-corpus-wide44-tools; installed as round 44 does when missing).

Usage:   .venv/bin/python scripts/corpus/capture_wide49.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide49.json  as {"version": 2, "items": [...]}, ids prefixed "wide49-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide49-"
DEFAULT_OUT = HERE / "data" / "wide49.json"
TMP = Path("/tmp/hm-corpus-wide49")
TOOLS = Path("/tmp/hm-corpus-wide44-tools")  # round 44's npm tools, shared
JS = TOOLS / "js"
NPM_PKGS = ["eslint@8", "mocha", "jest", "vitest@2", "typescript", "type-coverage", "madge"]  # round 44's list

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Round 44's npm tools (installed as round 44 does when missing), their bin dir first on PATH."""
    cm.install_npm(JS, "madge", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide49_js as js  # eslint junit, mocha dot / xunit / tap, vitest tap, node --test coverage
    import capture_wide49_ts as ts  # tsc --explainFiles, type-coverage, a source-mapped crash
    return js.STEPS + ts.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide49", sys.modules["__main__"])
    main()
