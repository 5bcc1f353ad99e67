#!/usr/bin/env python3
"""Capture round 340 of the compression corpus: a second sample of round 332's kinds (Clp logs, glpsol ranges
reports, GAP tests, gnuplot stats, Maxima rtest, SWI-Prolog plunit and check, gp2c, R htest and nls) on new material:
`hillfold`, a hill-farm cooperative (flocks heafted to fells, ewes, lambing, fleece weights, shearing gangs, gathers,
fodder), written in capture_wide340_farm.py with other faults than round 332's put in on purpose.

No rule is new (NEEDLES.md's "Round 340"): every extractor is round 332's, imported from capture_wide332.
Nothing captured here was compressed. No server is started.

Usage:   python3 scripts/corpus/capture_wide340.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide340.json  as {"version": 2, "items": [...]}, ids prefixed "wide340-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide340-"
DEFAULT_OUT = HERE / "data" / "wide340.json"
TMP = Path(os.environ.get("HM_WIDE340_TMP", "/dev/shm/hm-corpus-wide340/run"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 332's tools, already on this machine (Debian 12)."""
    for tool in ("swipl", "maxima", "gp2c", "gp", "glpsol", "clp", "gnuplot", "Rscript", "gap"):
        cm.have(tool, tool)


def steps() -> list:
    import capture_wide340_farm as farm
    return farm.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide340", sys.modules["__main__"])
    main()
