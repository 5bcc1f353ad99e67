#!/usr/bin/env python3
"""Capture round 142 of the compression corpus: second samples of round 136's scientific Python kinds and third
samples of round 119's coordination-store and monitoring kinds, captured blind, on new material: `moraine`, a glacier
mass-balance network (ablation stakes, weather stations and meltwater gauges) written here with faults put in and
widened by seeded generators, run through xarray, pyarrow, SymPy, scipy's verbose solvers, numpy.testing under
unittest, IPython and jupyter_client; and `lintel`, a rail freight yard's signalling on 127.0.0.1 (a 3-member etcd
cluster of switch and signal keys, Prometheus scraping yard exporters written here with a target down and rules firing,
history backfilled with promtool, ZooKeeper holding shunting-crew sessions).

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 142"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide142.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide142.json  as {"version": 2, "items": [...]}, ids prefixed "wide142-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide142-"
DEFAULT_OUT = HERE / "data" / "wide142.json"
TMP = Path(os.environ.get("HM_WIDE142_TMP", "/tmp/hm-corpus-wide142"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 136's venv (xarray, pyarrow, SymPy, SciPy, IPython, jupyter_client) and round 119's Debian packages
    (etcd, Prometheus, ZooKeeper), each installed once by their round's ensure_tools."""
    import capture_wide119
    import capture_wide136
    capture_wide119.ensure_tools()
    capture_wide136.ensure_tools()


def steps() -> list:
    import capture_wide142_sci as sci  # xarray, pyarrow, SymPy, scipy, numpy.testing, IPython, Jupyter
    import capture_wide142_svc as svc  # etcd, Prometheus, promtool, ZooKeeper
    return sci.STEPS + svc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide142", sys.modules["__main__"])
    main()
