#!/usr/bin/env python3
"""Capture round 52 of the compression corpus (issue #11): an EIGHTH blind sample of the kinds issue #11 names, as
agents chain and cut them, on a monorepo new to the corpus, never compressed here. `cidermill`, a cider-press
co-operative's pressing-slot booking service, is written here with real bugs put in and widened by seeded generators: a Python service
(pytest, ruff, mypy, pip), a TypeScript / JavaScript kiosk (tsc, eslint, mocha), a C juice-yield helper (gcc,
make -j), a Rust crate-count crate (cargo build / test / clippy), a Java slot planner (JUnit 5 console launcher),
shell scripts (shellcheck); its git history; a pressing-log CSV and sqlite table; an inventory API on loopback through
curl; the service's log; ls, find, du, ps; the README. About half the items are two or three commands chained as agents chain them.

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 52: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide52.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide52.json  as {"version": 2, "items": [...]}, ids prefixed "wide52-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide52-"
DEFAULT_OUT = HERE / "data" / "wide52.json"
TMP = Path("/tmp/hm-corpus-wide52")
TOOLS = Path("/tmp/hm-corpus-wide52-tools")
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_TOOLS = ["ruff", "mypy", "pytest"]
NPM_PKGS = ["typescript@5.4", "mocha@10", "eslint@9", "@types/node@20"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of Python checkers, the npm runners and linters, and shellcheck from Debian, installed once."""
    cm.install_venv(VENV, "mypy", PY_TOOLS)
    cm.install_npm(JS, "mocha", NPM_PKGS)
    cm.ensure_apt("shellcheck", "shellcheck")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide52_native as nat  # the C helper and its Makefile, the shell scripts
    import capture_wide52_py as py  # the Python service, pip, git, tables, the API, the log, listings
    import capture_wide52_more as more  # the JS kiosk, the Rust crate, the Java planner, more chains
    return py.STEPS + nat.STEPS + more.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide52", sys.modules["__main__"])
    main()
