#!/usr/bin/env python3
"""Capture round 169 of the compression corpus: hardware description languages and FPGA/EDA tools, shapes new to the
corpus. Designs of its own (`tidelink`: a UART transmitter, a synchronous FIFO, a prescaler, an ALU, and a bank of
channel modules widened by a seeded generator; a VHDL shift register and checksum unit with their testbenches) with
faults put in (width mismatches, an inferred latch, multiple drivers, a wrong comparison a testbench assertion
catches, syntax errors), run through Yosys (synthesis logs, `stat`, `check`, a failing read), Icarus's vvp with
`$monitor` traces, Verilator's C++ testbench build and the binary it built, GHDL (analysis, testbench runs),
nextpnr-ice40 and icetime, and a VCD dump read as text. About half the command lines are typed as agents type them
(`| tail -n 80`, `2>&1 | grep -E …`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 169" section fixed before capture, applied by the extractors in
capture_wide169_rtl.py and capture_wide169_vhdl.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide169.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide169.json  as {"version": 2, "items": [...]}, ids prefixed "wide169-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide169-"
DEFAULT_OUT = HERE / "data" / "wide169.json"
TMP = Path(os.environ.get("HM_WIDE169_TMP", "/dev/shm/hm-corpus-wide169"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Yosys, Icarus, Verilator, GHDL, nextpnr-ice40 and the IceStorm tools from Debian's archive, installed once."""
    for tool, pkg in (("yosys", "yosys"), ("iverilog", "iverilog"), ("verilator", "verilator"), ("ghdl", "ghdl"),
                      ("nextpnr-ice40", "nextpnr-ice40"), ("icetime", "fpga-icestorm")):
        cm.ensure_apt(tool, f"--no-install-recommends {pkg}", timeout=1200)
    if not Path("/usr/share/fpga-icestorm/chipdb").exists():  # icetime's chip databases are packaged apart
        cm.run("apt-get install -y --no-install-recommends fpga-icestorm-chipdb", timeout=1200)


def steps() -> list:
    import capture_wide169_rtl as rtl  # yosys, vvp $monitor, verilator build/run, nextpnr-ice40, icetime, VCD
    import capture_wide169_vhdl as vhdl  # ghdl -a, ghdl -r
    return rtl.STEPS + vhdl.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide169", sys.modules["__main__"])
    main()
