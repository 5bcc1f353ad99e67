#!/usr/bin/env python3
"""Capture round 158 of the compression corpus: less common compiled languages' toolchains and test runners, shapes
new to the corpus. Small projects of the round's own with bugs put in, widened by seeded generators: a tide-table
library in D (ldc2 compile errors, `dub test`, `dub build`), a rail-signalling interlocking in Ada (gprbuild errors and
warnings, an AUnit harness, symbolic tracebacks), a beekeeping-hive ledger in Nim (`std/unittest` suites), a
library-loans system in Free Pascal (FPCUnit console runner in plain and XML, `-vwnh` hints walls), a weather-station
applet in Vala under meson and ninja, and a freight-rate table in Crystal (`crystal spec -v`, `crystal tool format
--check`). Every tool is Debian 12's (ldc 1.30, dub 1.27, gnat 12, gprbuild 2023, libaunit22-dev, nim 1.6, fpc 3.2.2
with fp-units-fcl, valac 0.56, meson 1.0, ninja, crystal 1.6). Several command lines are typed as agents type them
(`| tail -n 80`, `2>&1 | grep -v Hint`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 158" fixed before capture. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide158.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide158.json  as {"version": 2, "items": [...]}, ids prefixed "wide158-".
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide158-"
DEFAULT_OUT = HERE / "data" / "wide158.json"
TMP = Path("/dev/shm/hm-corpus-wide158")
APT = ["ldc", "dub", "gnat", "gprbuild", "libaunit22-dev", "nim", "fpc", "fp-units-fcl", "valac", "meson",
       "ninja-build", "crystal"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's compilers and test frameworks, installed once."""
    if not all(shutil.which(t) for t in ("ldc2", "dub", "gprbuild", "nim", "fpc", "valac", "meson", "ninja",
                                          "crystal")) or not Path("/usr/lib/x86_64-linux-gnu/fpc").exists():
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends " + " ".join(APT), timeout=1800)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def before(lines: list[str], i: int) -> str | None:
    """The last non-blank line above line i (what the program printed before it died)."""
    for k in range(i - 1, -1, -1):
        if lines[k].strip():
            return lines[k]
    return None


def status(lines: list[str]) -> list:
    """The status line an agent printed (`EXIT=N`) and a shell's death notice."""
    return [ln for ln in lines if re.search(r"EXIT=\d+|\bAborted\b|Segmentation fault|core dumped|Killed", ln)]


def steps() -> list:
    import capture_wide158_d as d  # ldc2, dub
    import capture_wide158_ada as ada  # gprbuild, AUnit, symbolic tracebacks
    import capture_wide158_nim as nim  # std/unittest
    import capture_wide158_pas as pas  # FPCUnit, fpc hints walls, Vala under meson, Crystal
    return d.STEPS + ada.STEPS + nim.STEPS + pas.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide158", sys.modules["__main__"])
    main()
