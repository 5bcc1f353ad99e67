#!/usr/bin/env python3
"""Capture round 51 of the compression corpus: CI report formats written by npm tools, new to the corpus. A small
JavaScript project (a parcel-locker allocator, `lockerbay`, written here with bugs put in and widened by a seeded
generator of modules, tests and stylesheets) run offline through jest (--json, --json --outputFile, jest-junit,
coverage text-summary and json-summary), mocha (mocha-junit-reporter, -R json-stream), tape's TAP stream through
tap-junit, tap-xunit, tap-spec, tap-dot and faucet, eslint 8 (checkstyle, html, @microsoft/eslint-formatter-sarif),
stylelint (json, verbose), c8 and nyc summaries. Several command lines are typed as agents type them (pipes that
cut, `; echo EXIT=$?`, `cat report.xml`). Each kind's extractor applies its rule in NEEDLES.md's "Round 51" section,
written before capture. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide51.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide51.json  as {"version": 2, "items": [...]}, ids prefixed "wide51-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide51-"
DEFAULT_OUT = HERE / "data" / "wide51.json"
TMP = Path("/tmp/hm-corpus-wide51")
TOOLS = Path("/tmp/hm-corpus-wide51-tools")
NPM_PKGS = ["jest@29", "jest-junit", "mocha@10", "mocha-junit-reporter", "tap-junit", "tap-xunit", "tap-spec", "tap-dot",
            "faucet", "tape", "eslint@8", "@microsoft/eslint-formatter-sarif", "stylelint", "stylelint-config-standard",
            "c8", "nyc"]
# mocha 11 breaks mocha-junit-reporter 2.2 ("Class constructor Base cannot be invoked without 'new'"): mocha 10.
# eslint-formatter-gitlab 7 wants eslint >= 9 (npm refuses it beside eslint 8): not installed, its kind not captured

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The npm tools, installed once into the round's tool dir (node_modules/.bin first on PATH)."""
    cm.install_npm(TOOLS, "tap-xunit", NPM_PKGS)
    cm.PATH_PREFIX[:0] = [str(TOOLS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide51_js as js
    return js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide51", sys.modules["__main__"])
    main()
