"""Capture round 274 of the compression corpus (issue #11 a thirty-eighth time, in round 263's pattern): the kinds
issue #11 names at the sizes where compression matters (most items 10-120 KB), on real code the corpus had not used,
names n-z: the sdist of webcolors (PyPI: HTML/CSS colour names and values, conversions between names, hex, integer and
percent rgb() triplets, HTML5 colour parsing) with a few bugs put in, through its own tests with pytest, ruff and mypy
--strict, and its code run wrongly into a chained traceback; the npm package safe-stable-stringify (deterministic
JSON.stringify with circular, bigint, depth and breadth options) copied into a small app (`wharfbook`) with bugs put
in, under generated vitest and node --test suites, eslint and tsc; a C project (`ropeyard`), a dependency-free Rust
crate (`weirgate`) and a Go module (`vanewatch`) written here, shellcheck over ropeyard's scripts; a git history built
from webcolors' sources; listings, a process table and top, CSV and sqlite results from the machine's share files, npm
view --json and pip inspect, an application log and valgrind's HTML manual served on loopback. About a quarter of the
command lines are chained or piped as agents chain them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 274: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide274.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide274.json  as {"version": 2, "items": [...]}, ids prefixed "wide274-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide274-"
DEFAULT_OUT = HERE / "data" / "wide274.json"
TMP = Path("/dev/shm/hm-corpus-wide274")
TOOLS = Path("/dev/shm/hm-corpus-wide274-tools")
PY_TOOLS = ["pytest", "ruff", "mypy"]
PY_SDISTS = ["webcolors==25.10.0"]
NPM_PKGS = ["safe-stable-stringify@3.0.0", "vitest", "eslint", "@eslint/js", "typescript"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: most 10-120 KB, a few smaller ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

TOOLSET = cm.Toolset(TOOLS, "mypy", PY_TOOLS, "webcolors-*", PY_SDISTS, "typescript", NPM_PKGS)
VENV, SRC, JS = TOOLSET.venv, TOOLSET.src, TOOLSET.js

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide274_py as py  # pytest, ruff, mypy, a chained traceback, git, listings, tables, a log, docs
    import capture_wide274_js as js  # vitest, node --test, eslint, tsc over a copied npm package, npm view
    import capture_wide274_native as native  # gcc, make -j2 -k, cargo, go test / vet, shellcheck
    return [TOOLSET.unpack] + [s for m in (py, js, native) for s in m.STEPS]


def main() -> None:
    cm.capture_round(__doc__, TOOLSET.install, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide274", sys.modules["__main__"])
    main()
