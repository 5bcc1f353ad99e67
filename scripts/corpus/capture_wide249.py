#!/usr/bin/env python3
"""Capture round 249 of the compression corpus: load generators, micro-benchmark harnesses and stress tools, shapes
new to the corpus. Debian's sysbench (cpu, memory, fileio on /dev/shm, threads, mutex, bad options), stress-ng
(`--metrics-brief`, `--verify`, `--times`, stressors that are skipped or cannot run here), hey against a loopback HTTP
server of the round's own (slow endpoints, 500s, 404s, one that stalls past hey's timeout), Google Benchmark
(libbenchmark-dev) on a small C++ program written here (console, JSON, repetitions' aggregates, `SkipWithError`),
pyperf from PyPI (`timeit`, `stats`, `hist`, `compare_to` of two runs with a regression put in) and `python -m
timeit`. About a third of the command lines are typed as agents type them (pipes that cut, greps, `; echo EXIT=$?`).
Every run is short (seconds, `nice`, one or two threads): the machine is shared.

The extractors are this round's (NEEDLES.md, "Round 249"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide249.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide249.json  as {"version": 2, "items": [...]}, ids prefixed "wide249-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide249-"
DEFAULT_OUT = HERE / "data" / "wide249.json"
TMP = Path(os.environ.get("HM_WIDE249_TMP", "/dev/shm/hm-corpus-wide249"))
TOOLS = Path(os.environ.get("HM_WIDE249_TOOLS", "/dev/shm/hm-r249-tools"))
VENV = TOOLS / "venv"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """sysbench, stress-ng, hey, Google Benchmark and g++ from Debian; pyperf in a venv from PyPI; installed once."""
    for tool, pkg in [("sysbench", "sysbench"), ("stress-ng", "stress-ng"), ("hey", "hey"), ("g++", "g++")]:
        cm.ensure_apt(tool, pkg)
    if not Path("/usr/include/benchmark/benchmark.h").exists():
        cm.run("apt-get install -y libbenchmark-dev", timeout=600)
    cm.install_venv(VENV, "pyperf", ["pyperf"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide249_bench as bench  # Google Benchmark, pyperf, python -m timeit
    import capture_wide249_load as load  # sysbench, stress-ng, hey
    return load.STEPS + bench.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide249", sys.modules["__main__"])
    main()
