#!/usr/bin/env python3
"""Capture round 175 of the compression corpus: third samples of round 114's AWS kinds, round 115's database
administration kinds and round 120's embedded and cross-toolchain kinds, on new material: `timberline`, a sawmill's
account in `moto_server` on 127.0.0.1 with fake keys (kiln telemetry, a web bucket synced with a local tree, log
yards' instances, a boards table, roles, a kiln log group, stacks), read with the AWS CLI and boto3 scripts whose calls
fail; `lumberyard`, a PostgreSQL 15 cluster made with data checksums (rolled-back transactions, dead rows, a tampered
base backup, pages flipped while it is stopped) with pgloader loading kiln readings, and MariaDB's `yard` database
(MyISAM and Aria files damaged, two sessions deadlocking); and `kilnctl`, a kiln controller's Cortex-M3 firmware, a
cmocka suite, device trees, an 8051 fan board with sdcc, an AVR humidity probe and hex images.

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 175"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide175.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide175.json  as {"version": 2, "items": [...]}, ids prefixed "wide175-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide175-"
DEFAULT_OUT = HERE / "data" / "wide175.json"
TMP = Path(os.environ.get("HM_WIDE175_TMP", "/dev/shm/hm-corpus-wide175"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 114's venv (moto[server], awscli, boto3) and jq; round 115's and round 120's Debian packages."""
    import capture_wide114
    import capture_wide115
    import capture_wide120
    capture_wide114.ensure_tools()
    capture_wide115.ensure_tools()
    capture_wide120.ensure_tools()


def steps() -> list:
    import capture_wide175_aws as aws  # the sawmill's account in moto_server
    import capture_wide175_db as db    # PostgreSQL, pgloader and MariaDB
    import capture_wide175_fw as fw    # the kiln controller's firmware, cmocka, dtc, sdcc, simavr, srecord
    return aws.STEPS + db.STEPS + fw.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide175", sys.modules["__main__"])
    main()
