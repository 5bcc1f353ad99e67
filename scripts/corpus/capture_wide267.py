#!/usr/bin/env python3
"""Capture round 267 of the compression corpus: map and coordinate data tools, shapes new to the corpus. Debian's
osmium-tool (`diff`, `tags-count`, `getid`, `cat -f opl`, `export`, `derive-changes`, `--verbose` runs of `sort`,
`apply-changes` and `merge`, `fileinfo -e -j`), PROJ's `geod`, `proj` and `invproj`, and GDAL's `gdalsrsinfo` and
`gdaltransform`, run over data a seeded generator writes here: an OSM extract of a made-up town (nodes, ways,
relations) and an edited copy of it, with faults put in on purpose (a way naming a missing node, a relation naming a
missing way, a duplicate node id, a latitude out of range), and coordinate files with a bad row and points out of
range; an unknown EPSG code is asked for. Several command lines are typed as agents type them (pipes that cut,
`2>&1 | grep`, `; echo EXIT=$?`).

The needles follow NEEDLES.md's "Round 267" section, written and committed before this capture; the extractors are
in capture_wide267_geo.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide267.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide267.json  as {"version": 2, "items": [...]}, ids prefixed "wide267-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide267-"
DEFAULT_OUT = HERE / "data" / "wide267.json"
TMP = Path("/dev/shm/hm-corpus-wide267")

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """osmium-tool, PROJ's binaries and GDAL's, from Debian, installed once."""
    cm.ensure_apt("osmium", "osmium-tool")
    cm.ensure_apt("geod", "proj-bin")
    cm.ensure_apt("gdalsrsinfo", "gdal-bin")


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide267_geo as geo  # osmium, geod, proj, invproj, gdalsrsinfo, gdaltransform
    return geo.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide267", sys.modules["__main__"])
    main()
