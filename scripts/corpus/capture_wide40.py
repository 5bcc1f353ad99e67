#!/usr/bin/env python3
"""Capture round 40 of the compression corpus (issue #11): a SEVENTH blind sample of the kinds issue #11 names, as
agents chain and cut them, on a monorepo new to the corpus, never compressed here. `seedbank`, a community seed
library's lending service, is written here with real bugs put in and widened by seeded generators: a Python service
(pytest, ruff, mypy, pip), a TypeScript client (npm, tsc, eslint, jest, vitest, node --test), a C germination-rate
helper (gcc, make -j), a Rust stock-count crate (cargo build / test / clippy), shell scripts (shellcheck); its git
history; a lending-log CSV and sqlite table; an inventory API on loopback through curl; the service's log; ls, find,
du, ps; the README. At least half the items are two or three commands chained as agents chain them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 40: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide40.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide40.json  as {"version": 2, "items": [...]}, ids prefixed "wide40-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide40-"
DEFAULT_OUT = HERE / "data" / "wide40.json"
TMP = Path("/tmp/hm-corpus-wide40")
TOOLS = Path("/tmp/hm-corpus-wide40-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_TOOLS = ["ruff", "mypy", "pytest"]
NPM_PKGS = ["typescript@5.4", "jest@29", "vitest@2", "eslint@9", "@types/node@20"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of Python checkers, the npm runners and linters, and shellcheck from Debian, installed once."""
    cm.install_venv(VENV, "mypy", PY_TOOLS)
    cm.install_npm(JS, "eslint", NPM_PKGS)
    cm.ensure_apt("shellcheck", "shellcheck")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide40_js as js  # the TypeScript client, the C helper, the Rust crate, shell scripts, the README
    import capture_wide40_py as py  # the Python service, pip, git, tables, the API, the log, listings
    return py.STEPS + js.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide40", sys.modules["__main__"])
    main()
