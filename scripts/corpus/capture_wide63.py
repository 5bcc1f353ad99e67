#!/usr/bin/env python3
"""Capture round 63 of the compression corpus (issue #11 again, after rounds 37, 57 and 61): the kinds issue #11 names
at the sizes where compression matters (most items 10-120 KB), on real code the corpus had not used, the three worlds
in one round: the sdists of pyparsing and uritemplate (PyPI) with a few bugs put in, through their own test suites
with pytest, ruff and mypy --strict, and run wrongly into a chained traceback; the npm packages pluralize and
tinycolor2 copied into a project with bugs put in, under generated vitest and mocha suites, eslint and tsc; a C
project and a dependency-free Rust crate written here and widened by seeded generators; a git history built from
pyparsing's sources; listings, a process table, CSV and sqlite results from the machine's package database, npm view
--json, an application log and an installed package's HTML manual served on loopback. About a quarter of the command
lines are chained as agents chain them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 63: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide63.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide63.json  as {"version": 2, "items": [...]}, ids prefixed "wide63-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide63-"
DEFAULT_OUT = HERE / "data" / "wide63.json"
TMP = Path("/tmp/hm-corpus-wide63")
TOOLS = Path("/tmp/hm-corpus-wide63-tools")
PY_TOOLS = ["pytest", "ruff", "mypy"]
PY_SDISTS = ["pyparsing==3.1.4", "uritemplate==4.1.1"]
NPM_PKGS = ["pluralize", "tinycolor2", "vitest", "mocha", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: most 10-120 KB, a few smaller ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "pyparsing-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide63_py as py  # pytest, ruff, mypy, a chained traceback, git, listings, tables, a log, docs
    import capture_wide63_js as js  # vitest, mocha, eslint, tsc over copied npm packages, npm view
    import capture_wide63_native as native  # gcc, make -j2 -k, cargo build / test / clippy / metadata
    return [TOOLSET.unpack] + py.STEPS + js.STEPS + native.STEPS


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide63", sys.modules["__main__"])
    main()
