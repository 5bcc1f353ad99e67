#!/usr/bin/env python3
"""Capture round 149 of the compression corpus: second samples of round 137's fuzzer and sanitizer kinds and of round
138's profiler and memory-tool kinds, captured blind, on new material: `fwrules`, a host firewall's rule-set loader
written here in C with faults put in (fuzzed with libFuzzer under ASan and UBSan, checked with MemorySanitizer and
LeakSanitizer, fuzzed with AFL++), and `pktsim`, a packet classifier simulation written here in C (a seeded generator
writes its rule tables) that leaks the flow records it evicts and burns time in a linear rule match and a hash, run
under heaptrack, gperftools, Valgrind's massif and lackey, glibc's mtrace, jemalloc's statistics, perf and uftrace;
`fwspec`, a Python reader of firewall service specs fuzzed with Atheris; `flowlog`, a Python flow-log aggregator read
with guppy3; `natmap`, a Node NAT mapper profiled with `--cpu-prof` / `--heap-prof`.

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 149"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide149.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide149.json  as {"version": 2, "items": [...]}, ids prefixed "wide149-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide149-"
DEFAULT_OUT = HERE / "data" / "wide149.json"
TMP = Path(os.environ.get("HM_WIDE149_TMP", "/tmp/hm-corpus-wide149"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 137's tools (clang 14, AFL++, Atheris) and round 138's (heaptrack, gperftools, valgrind, perf, uftrace,
    jemalloc, mtrace), each installed once by their round's ensure_tools."""
    import capture_wide137
    import capture_wide138
    capture_wide137.ensure_tools()
    capture_wide138.ensure_tools()


def steps() -> list:
    import capture_wide149_fuzz as fz  # libFuzzer, MemorySanitizer, LeakSanitizer, AFL++
    import capture_wide149_prof as prof  # heaptrack, gperftools, massif, lackey, mtrace, jemalloc, perf, uftrace
    import capture_wide149_py as py  # Atheris, guppy3, Node's cpu and heap profiles
    return fz.STEPS + prof.STEPS + py.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide149", sys.modules["__main__"])
    main()
