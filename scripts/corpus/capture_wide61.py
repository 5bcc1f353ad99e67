#!/usr/bin/env python3
"""Capture round 61 of the compression corpus (issue #11): the JavaScript and native kinds round 57 left out, at the
sizes where compression matters (most items 10-120 KB), captured blind. Real npm packages new to the corpus
(pretty-bytes, humanize-duration, filesize, ini) are installed from the registry and copied into a project with bugs
put in, run under generated vitest and mocha suites whose expectations come from the unbroken packages, through
eslint, tsc --noEmit and an esbuild bundle; a git history is built by committing the package sources in steps (log -p,
log --stat, blame, diff); a C project widened by a seeded generator goes through gcc -Wall -Wextra and make -j2 -k; a
dependency-free Rust crate through cargo build, cargo test and clippy. About a quarter of the command lines are
chained as agents chain them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 61: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide61.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide61.json  as {"version": 2, "items": [...]}, ids prefixed "wide61-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide61-"
DEFAULT_OUT = HERE / "data" / "wide61.json"
TMP = Path("/tmp/hm-corpus-wide61")
TOOLS = Path("/tmp/hm-corpus-wide61-tools")
JS = TOOLS / "js"
NPM_PKGS = ["pretty-bytes", "humanize-duration", "filesize", "ini", "vitest", "mocha", "eslint", "@eslint/js",
            "typescript", "esbuild"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: most 10-120 KB, a few smaller ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """The npm project holding the packages and the JS tools, installed once."""
    cm.install_npm(JS, "esbuild", NPM_PKGS)


def steps() -> list:
    import capture_wide61_js as js  # vitest, mocha, eslint, tsc, esbuild, git over real npm packages
    import capture_wide61_native as native  # gcc, make -j2 -k, cargo build / test / clippy
    return js.STEPS + native.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide61", sys.modules["__main__"])
    main()
