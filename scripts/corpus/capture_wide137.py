#!/usr/bin/env python3
"""Capture round 137 of the compression corpus: fuzzers and sanitizers, shapes new to the corpus. `beaconfw`, the
firmware-image parser of a fleet of lighthouse beacons (C, written here with faults put in on purpose), is fuzzed with
libFuzzer (clang `-fsanitize=fuzzer,address` / `fuzzer,undefined`: crashes with their reproducer lines, a timeout, an
out-of-memory, `-runs=N -print_final_stats=1` sessions, `-merge=1`, `-minimize_crash=1`), checked with clang's
MemorySanitizer and LeakSanitizer, fuzzed with AFL++ (`afl-fuzz -V N` without its UI, `fuzzer_stats`, `afl-whatsup`,
`afl-showmap`, `afl-tmin`, `afl-cmin`), and its Python manifest tool is fuzzed with Atheris.

Every kind is new (NEEDLES.md's "Round 137"); its extractor sits next to its capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide137.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide137.json  as {"version": 2, "items": [...]}, ids prefixed "wide137-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide137-"
DEFAULT_OUT = HERE / "data" / "wide137.json"
TMP = Path(os.environ.get("HM_WIDE137_TMP", "/tmp/hm-corpus-wide137"))
TOOLS = Path("/tmp/hm-corpus-wide137-tools")
VENV = TOOLS / "venv"

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """clang 14 (libFuzzer and the sanitizers' runtimes) and AFL++ from Debian; Atheris from PyPI in a venv of its own."""
    cm.ensure_apt("clang-14", "clang-14")
    cm.ensure_apt("afl-fuzz", "afl++")
    cm.install_venv(VENV, "python", ["atheris"])


def steps() -> list:
    import capture_wide137_fuzz as fz  # libFuzzer, MemorySanitizer, LeakSanitizer, Atheris
    import capture_wide137_afl as afl  # afl-fuzz, fuzzer_stats, afl-whatsup, afl-showmap, afl-tmin, afl-cmin
    return fz.STEPS + afl.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide137", sys.modules["__main__"])
    main()
