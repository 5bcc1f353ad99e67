#!/usr/bin/env python3
"""Capture round 45 of the compression corpus: Python runtime, test-plugin and debugging outputs new to the corpus.
A tide-gauge station's data pipeline (`tidemark`) is written here with real bugs put in and widened by seeded
generators, then run through pytest plugins and flags (--lf, --sw, -l, --setup-show, instafail, subtests, check,
asyncio, pretty, syrupy, deadfixtures, --cache-show), debuggers and tracers (pdb on stdin, snoop, pysnooper,
hunter, `python -m trace`), decorated tracebacks (stackprinter, better_exceptions), icecream, memory tools
(memory_profiler, objgraph, pympler, gc debug stats, `sys._debugmallocstats()`) and runtime failures (process-pool
and thread tracebacks, RecursionError, warnings turned errors, typeguard). Several command lines are typed as agents
type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`).

The new kinds' extractors sit in capture_wide45_py.py next to the kinds (NEEDLES.md "Round 45"), written before
capture. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide45.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide45.json  as {"version": 2, "items": [...]}, ids prefixed "wide45-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide45-"
DEFAULT_OUT = HERE / "data" / "wide45.json"
TMP = Path("/tmp/hm-corpus-wide45")
TOOLS = Path("/tmp/hm-corpus-wide45-tools")
VENV = TOOLS / "venv"
PRETTY = TOOLS / "venv-pretty"  # pytest-pretty changes every run's output once installed: a venv of its own
PY_TOOLS = ["pytest", "hypothesis", "pytest-subtests", "pytest-check", "pytest-instafail", "syrupy", "pytest-asyncio",
            "memory_profiler", "objgraph", "pympler", "snoop", "pysnooper", "stackprinter", "better-exceptions",
            "icecream", "hunter", "pytest-deadfixtures", "typeguard"]

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """The venv of test plugins and debugging tools, and pytest-pretty's own venv, installed once."""
    cm.install_venv(VENV, "hunter-trace", PY_TOOLS)
    cm.install_venv(PRETTY, "pytest", ["pytest", "pytest-pretty"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide45_py as py  # the tidemark project, its tests, debuggers, tracers and memory tools
    return py.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide45", sys.modules["__main__"])
    main()
