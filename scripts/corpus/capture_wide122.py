#!/usr/bin/env python3
"""Capture round 122 of the compression corpus: second samples of round 114's AWS kinds and round 115's database
administration kinds, on new material: `orchard`, a fruit cooperative's account in `moto_server` on 127.0.0.1 with fake
keys (telemetry, web and backup buckets, packhouse instances with tags and mixed states, a harvests table, roles on two
pages, a packhouse log group, stacks that fail), read with the AWS CLI and with boto3 scripts whose calls fail; and
`fleet`, a haulage company's PostgreSQL 15 database (a cluster without data checksums whose index and heap pages are
overwritten while it is stopped, transactions rolled back, tables vacuumed) with pgloader loading toll records, and
MariaDB's `depot` and `archive` databases (MyISAM and Aria files damaged, two sessions deadlocking on other rows).

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 122"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide122.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide122.json  as {"version": 2, "items": [...]}, ids prefixed "wide122-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide122-"
DEFAULT_OUT = HERE / "data" / "wide122.json"
TMP = Path(os.environ.get("HM_WIDE122_TMP", "/tmp/hm-corpus-wide122"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 114's venv (moto[server], awscli, boto3) and jq; round 115's Debian packages."""
    import capture_wide114
    import capture_wide115
    capture_wide114.ensure_tools()
    capture_wide115.ensure_tools()


def steps() -> list:
    import capture_wide122_aws as aws  # the orchard's account in moto_server
    import capture_wide122_db as db  # PostgreSQL, pgloader and MariaDB
    return aws.STEPS + db.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide122", sys.modules["__main__"])
    main()
