#!/usr/bin/env python3
"""Capture round 127 of the compression corpus: second samples of round 119's coordination-store and monitoring kinds
and round 120's embedded and cross-toolchain kinds, on new material: `sluice`, a canal authority's lock and pump
network (a 3-member etcd cluster of gate and pump keys written by a seeded writer and watched while a second writer
puts and deletes; Prometheus scraping exporters written here with one target down and alerts firing; Alertmanager fed
by a seeded alert source; ZooKeeper holding lock-keeper sessions; munin-run; collectd's CSV files), and `hivescale`, a
beehive weight logger for a Cortex-M3 (a seeded generator widening it, another linker script and board variants,
qemu semihosting runs with faults put in), cmocka tests of its ring buffer and calibration code, device trees of a
sensor carrier board, and an 8051 rain-gauge counter built with sdcc.

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 127"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide127.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide127.json  as {"version": 2, "items": [...]}, ids prefixed "wide127-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide127-"
DEFAULT_OUT = HERE / "data" / "wide127.json"
TMP = Path(os.environ.get("HM_WIDE127_TMP", "/tmp/hm-corpus-wide127"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 119's and round 120's Debian packages (installed once by their ensure_tools)."""
    import capture_wide119
    import capture_wide120
    capture_wide119.ensure_tools()
    capture_wide120.ensure_tools()


def steps() -> list:
    import capture_wide127_svc as svc  # etcd, Prometheus, Alertmanager, ZooKeeper, munin, collectd
    import capture_wide127_fw as fw    # the Cortex-M3 firmware, cmocka, dtc, sdcc
    return svc.STEPS + fw.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide127", sys.modules["__main__"])
    main()
