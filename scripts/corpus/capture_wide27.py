#!/usr/bin/env python3
"""Capture round 27 of the compression corpus (issue #11): A FOURTH BLIND SAMPLE OF THE KINDS THE ISSUE NAMES.
Measured once, on the final engine, and never tuned on: test runners (pytest, jest, vitest, mocha, node --test,
cargo test, go test), linters and type checkers (ruff, mypy, flake8, pylint, tsc, clippy, shellcheck), builds (gcc
with warnings, make -j, cargo build), package managers (pip install / list, npm view --json, the npm registry and
PyPI JSON), git (log -p, log --stat, show, diff, blame), listings and processes (ls -la / -lR, find, du, ps aux, ss),
CSV and sqlite results, an application log, a chained traceback, cargo metadata, minified JS and grep / find
listings, on projects no earlier round used: the sdists of docopt, texttable, pytimeparse and asciitree, the npm
packages mri and nanospinner, and small projects written here with real bugs put in (a box office, a ferry
timetable, a bike-share dock, a recipe scaler).

Every kind's needles come from the extractor the earlier rounds used for it, imported (NEEDLES.md); nothing here
copies a rule. Nothing captured here was compressed: this round only captures.

This module holds the set-up, the size gate and main(); the captures are in capture_wide27_py.py (Python tools,
git, tables, logs, listings, registry JSON), capture_wide27_native.py (Rust, Go, C, shell) and
capture_wide27_js.py (Node, TypeScript).

Usage:   .venv/bin/python scripts/corpus/capture_wide27.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide27.json  as {"version": 2, "items": [...]}, ids prefixed "wide27-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide27-"  # set again in main(): every capture module sets cm.PREFIX at import
DEFAULT_OUT = HERE / "data" / "wide27.json"
TMP = Path("/tmp/hm-corpus-wide27")
TOOLS = Path("/tmp/hm-corpus-wide27-tools")
SRC = TOOLS / "src"
VENV = TOOLS / "venv"
T24, T25 = Path("/tmp/hm-corpus-wide24-tools"), Path("/tmp/hm-corpus-wide25-tools")
PY24, PY25 = T24 / "venv" / "bin" / "python", T25 / "venv" / "bin" / "python"
JS25 = T25 / "js"
# pip without this machine's own pip.conf (local wheel dirs and constraints): the registry, as anywhere else
PY_SDISTS = ["docopt==0.6.2", "texttable==1.7.0", "pytimeparse==1.1.8", "asciitree==0.3.3"]
DOCOPT, TEXTTABLE, PYTIMEPARSE, ASCIITREE = "docopt-0.6.2", "texttable-1.7.0", "pytimeparse-1.1.8", "asciitree-0.3.3"

# the round's sizes: mostly 4-120 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 250, 120_000


def ensure_tools() -> None:
    """Rounds 24 and 25's tools (their capture scripts install them) and this round's sdists."""
    for t in (PY24, PY25, JS25 / "node_modules"):
        if not t.exists():
            raise SystemExit(f"{t} missing: run capture_wide24.py and capture_wide25.py first (they install the tools)")
    cm.download_sdists(SRC, "docopt-*", PY_SDISTS)
    cm.PATH_PREFIX[:0] = [str(PY25.parent), str(PY24.parent), str(JS25 / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def unpack(tmp: Path) -> None:
    cm.unpack_sdists(SRC, tmp)


def steps() -> list:
    import capture_wide27_js as js  # jest, vitest, mocha, node --test, tsc, minified JS
    import capture_wide27_native as native  # cargo, clippy, go test, gcc, make, shellcheck
    import capture_wide27_py as py  # ruff, mypy, flake8, pylint, pytest, pip, git, tables, logs, listings, JSON
    return [unpack] + py.STEPS + native.STEPS + js.STEPS + py.LAST


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(4_000, 8_000, 120_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide27", sys.modules["__main__"])
    main()
