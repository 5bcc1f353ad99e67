#!/usr/bin/env python3
"""Capture round 32 of the compression corpus (issue #11): a FIFTH blind sample of the kinds issue #11 names, on
projects new to the corpus, measured once on the final engine and never tuned on. The projects are written here with
real bugs put in, widened by seeded generators: an observatory's telescope-night scheduler (`skywatch`, Python) run
through pytest, ruff, mypy, flake8, pylint and pip; its git history; an exposure-log CSV and sqlite table; a
plate-solver results API on loopback through curl; an observing-run log and a chained traceback; ls, find, du, ps;
a CCD frame packer in C built with gcc and make -j; dome-control shell scripts through shellcheck; the README. About
half the command lines are typed as agents type them (pipes that cut, chains, `; echo EXIT=$?`).

No new extractor: each kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md's
"Round 32: no new rules"); a chain's from each part's own (round 9b). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide32.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide32.json  as {"version": 2, "items": [...]}, ids prefixed "wide32-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide32-"
DEFAULT_OUT = HERE / "data" / "wide32.json"
TMP = Path("/tmp/hm-corpus-wide32")
TOOLS = Path("/tmp/hm-corpus-wide32-tools")
VENV = TOOLS / "venv"
PY_TOOLS = ["ruff", "mypy", "pytest", "flake8", "pylint"]
w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of Python checkers, and shellcheck from Debian, installed once."""
    cm.install_venv(VENV, "pylint", PY_TOOLS)
    cm.ensure_apt("shellcheck", "shellcheck")
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide32_native as native  # gcc, make -j, shellcheck, the README
    import capture_wide32_py as py  # pytest, ruff, mypy, flake8, pylint, pip, git, tables, API, logs, listings
    return py.STEPS + native.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide32", sys.modules["__main__"])
    main()
