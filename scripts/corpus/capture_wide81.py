#!/usr/bin/env python3
"""Capture round 81 of the compression corpus: compiled languages packaged in Debian, every output of a kind new to
the corpus. Small projects written here with real bugs put in, widened by seeded generators: a harbour tide-gauge
service in Go (`tidewatch`: runtime fatal errors, a test killed by its timeout, module commands offline, pprof,
`go version -m`, gccgo), a ferry-timetable tool in Kotlin and a cargo-manifest checker in Scala (compile errors and
warnings, uncaught exceptions), and a lighthouse-log reader in C# on Mono (`mono --debug` traces, monodis,
mprof-report). Several command lines are typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`).

The kinds' rule 5 values are NEEDLES.md's "Round 81" section, written and committed before this ran; the extractors
are in the step modules. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide81.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide81.json  as {"version": 2, "items": [...]}, ids prefixed "wide81-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide81-"
DEFAULT_OUT = HERE / "data" / "wide81.json"
TMP = Path("/tmp/hm-corpus-wide81")
TOOLS = Path("/tmp/hm-corpus-wide81-tools")  # outlives TMP, which each run clears

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """Debian's Go, gccgo, Kotlin, Scala and Mono (the round runs as root; the apt mirror works offline)."""
    for tool, package in (("go", "golang-go"), ("gccgo-12", "gccgo-12"), ("kotlinc", "kotlin"), ("scalac", "scala"),
                          ("mcs", "mono-devel"), ("monodis", "mono-utils")):
        cm.ensure_apt(tool, package)
    gccgo = Path("/usr/bin/gccgo-12")  # Debian names it by version; agents type `gccgo`
    if gccgo.exists():
        (TOOLS / "bin").mkdir(parents=True, exist_ok=True)
        link = TOOLS / "bin" / "gccgo"
        if not link.is_symlink():
            link.symlink_to(gccgo)
        cm.PATH_PREFIX.insert(0, str(TOOLS / "bin"))


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide81_go as go  # Go runtime fatal errors, test timeout, modules offline, pprof, version -m, gccgo
    import capture_wide81_jvm as jvm  # kotlinc, scalac -Xlint, uncaught exceptions
    import capture_wide81_mono as mono  # mono --debug, monodis, mprof-report
    return go.STEPS + jvm.STEPS + mono.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide81", sys.modules["__main__"])
    main()
