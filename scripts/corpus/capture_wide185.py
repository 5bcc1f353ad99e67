#!/usr/bin/env python3
"""Capture round 185 of the compression corpus: second samples of round 169's kinds (hardware description languages
and FPGA tools) and round 170's (mathematical optimization and computer algebra), no new rules. `kilnbus`, a pottery
kiln controller of the round's own in Verilog and VHDL (a PWM heater driver, an SPI thermocouple reader, a moving
average filter, a relay interlock, generated firing zones, a ramp generator and a segment table in VHDL) with faults
put in (a width mismatch, an inferred latch, two drivers on one relay, a wrong duty comparison a testbench catches, a
syntax error, an undeclared net, an array index out of range, a pin that is not on the package), run through Yosys,
Icarus's vvp, Verilator, GHDL, nextpnr-ice40 and icetime. And `granary`, a grain cooperative's planning: a blending
model, a truck dispatch, a silo assignment, a crew roster, a price-risk portfolio, with faults put in (an infeasible
protein floor, an unbounded resale, a model syntax error, a time limit with a gap, a non-DCP objective), run through
glpsol, cbc, lp_solve, PuLP, python-mip, OR-Tools CP-SAT and CVXPY, and Maxima, PARI/GP and GAP sessions of its own.

No rule is new: each kind's needles come from round 169's or 170's extractor, imported from their capture modules
(NEEDLES.md, "Round 185"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide185.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide185.json  as {"version": 2, "items": [...]}, ids prefixed "wide185-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide185-"
DEFAULT_OUT = HERE / "data" / "wide185.json"
TMP = Path(os.environ.get("HM_WIDE185_TMP", "/dev/shm/hm-corpus-wide185"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 169's and 170's Debian packages and round 170's venv (PuLP, python-mip, OR-Tools, CVXPY)."""
    import capture_wide169
    import capture_wide170
    capture_wide169.ensure_tools()
    capture_wide170.ensure_tools()


def steps() -> list:
    import capture_wide185_hdl as hdl  # round 169's kinds on kilnbus
    import capture_wide185_opt as opt  # round 170's kinds on granary
    return hdl.STEPS + opt.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide185", sys.modules["__main__"])
    main()
