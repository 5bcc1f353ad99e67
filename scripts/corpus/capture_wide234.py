#!/usr/bin/env python3
"""Capture round 234 of the compression corpus: circuit simulation and schematic/PCB tools, shapes new to the corpus.
ngspice in batch mode on netlists of the round's own (RC/RLC ladders, a linear regulator, an op-amp stage, a diode
clamp, a Sallen-Key filter; seeded generators for size) with faults put in; gerbv's `--export` on the Gerber and
Excellon files of a two-layer board with faults put in; Lepton EDA (`lepton-netlist` drc2/geda/spice-sdb backends,
`lepton-symcheck`) on schematics and symbols of the round's own with faults put in. About a third of the command lines
are typed as agents type them (pipes that cut, greps, `; echo EXIT=$?`).

The extractors are this round's (NEEDLES.md, "Round 234"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide234.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide234.json  as {"version": 2, "items": [...]}, ids prefixed "wide234-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide234-"
DEFAULT_OUT = HERE / "data" / "wide234.json"
TMP = Path(os.environ.get("HM_WIDE234_TMP", "/dev/shm/hm-corpus-wide234"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """ngspice, gerbv and Lepton EDA from Debian, installed once; Guile's auto-compile notes kept out of the runs."""
    for tool, pkg in [("ngspice", "ngspice"), ("gerbv", "gerbv"), ("lepton-netlist", "lepton-eda")]:
        cm.ensure_apt(tool, pkg)
    cm.BASE_ENV["GUILE_AUTO_COMPILE"] = "0"


def steps() -> list:
    import capture_wide234_eda as eda  # gerbv, lepton-netlist, lepton-symcheck
    import capture_wide234_spice as spice  # ngspice -b
    return spice.STEPS + eda.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide234", sys.modules["__main__"])
    main()
