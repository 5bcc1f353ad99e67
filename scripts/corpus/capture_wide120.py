#!/usr/bin/env python3
"""Capture round 120 of the compression corpus: embedded and cross toolchains, new to the corpus. A Cortex-M3
firmware of its own (`tidegauge`, a tide gauge logger widened by a seeded generator to a few thousand lines, with a
linker script) built with Debian's gcc-arm-none-eabi and newlib, inspected with size, nm, objdump, its map file and
-fstack-usage listings, and run under qemu-system-arm with semihosting; an AVR program built with gcc-avr / avr-libc
and run under simavr; an 8051 program built with sdcc; C unit tests on cmocka; device trees through dtc; hex images
through srecord. Faults are put in on purpose. About half the command lines are typed as agents type them.

The needles come from the rules NEEDLES.md's "Round 120" section fixed before capture, applied by the extractors in
capture_wide120_arm.py and capture_wide120_mcu.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide120.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide120.json  as {"version": 2, "items": [...]}, ids prefixed "wide120-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide120-"
DEFAULT_OUT = HERE / "data" / "wide120.json"
TMP = Path("/tmp/hm-corpus-wide120")

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
APT = ("gcc-arm-none-eabi libnewlib-arm-none-eabi gcc-avr avr-libc simavr sdcc libcmocka-dev device-tree-compiler "
       "srecord qemu-system-arm")


def ensure_tools() -> None:
    """The cross toolchains, simulators and tools from Debian, installed once."""
    if not cm.have("arm-none-eabi-gcc", "arm-none-eabi-gcc") or not cm.have("sdcc", "sdcc"):
        cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {APT}", timeout=1800)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def shell_extra(lines: list[str]) -> list:
    """What every kind of the round shares: an `EXIT=N` line the agent printed, and every make `***` line."""
    return [ln for ln in lines if re.match(r"^EXIT=\d+$", ln.strip()) or re.search(r"make(\[\d+\])?: \*\*\*", ln)]


def steps() -> list:
    import capture_wide120_arm as arm  # the Cortex-M3 firmware: build, link faults, size, nm, objdump, map, .su, qemu
    import capture_wide120_mcu as mcu  # avr-gcc, avr-size, simavr, sdcc, cmocka, dtc, srecord
    return arm.STEPS + mcu.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide120", sys.modules["__main__"])
    main()
