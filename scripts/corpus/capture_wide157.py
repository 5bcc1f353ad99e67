#!/usr/bin/env python3
"""Capture round 157 of the compression corpus: compilers' own diagnostics and internals, shapes new to the corpus.
A telemetry-frame codec in C (`tlm`, prefix `TLM_`, with a C++ scheduler beside it), written here with faults put in
and widened by a seeded generator, run through Debian 12's clang 14, gcc 12, clangd 14, clang-tidy / clang-query 14
and bear 3.1: `clangd --check` traces, clang AST dumps (filtered and whole), predefined-macro dumps, gcc's `-Q
--help=` state dumps, `-Weverything` runs, the static analyzer's text and SARIF output, bear's
`compile_commands.json`, `clang-query` matches, `clang-tidy --list-checks`, record-layout dumps, `-v` include search
lists, the driver's `-###` jobs and parseable fix-its. Several command lines are typed as agents type them
(`| head -n 100`, `2>&1 | grep -v note`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 157" fixed before capture. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide157.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide157.json  as {"version": 2, "items": [...]}, ids prefixed "wide157-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide157-"
DEFAULT_OUT = HERE / "data" / "wide157.json"
TMP = Path("/dev/shm/hm-corpus-wide157")
APT = ["clang", "gcc", "g++", "clangd", "clang-tidy", "clang-tools", "bear", "jq"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's compilers and clang tools, installed once."""
    if not all(Path(p).exists() for p in ("/usr/bin/clangd", "/usr/bin/clang-tidy", "/usr/bin/clang-query",
                                          "/usr/bin/bear", "/usr/bin/jq", "/usr/bin/g++")):
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends " + " ".join(APT), timeout=1800)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide157_cc as cc  # the tlm project and every kind of the round
    return cc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide157", sys.modules["__main__"])
    main()
