#!/usr/bin/env python3
"""Capture round 207 of the compression corpus: geospatial tools beyond GDAL/OGR, in shapes new to the corpus. Real
runs of Debian's SpatiaLite shell, osmium-tool, PROJ's gie and cct, GPSBabel and GRASS GIS in batch mode, and PyPI's
Shapely, GeoPandas and Fiona, on data written here by seeded generators: cadastral parcels with self-intersections,
spikes and holes outside their shells, OSM extracts with missing nodes and ways, truncated XML and PBF files, GPS
tracks with malformed points, rasters and vector maps with topology faults, layers in two CRSs. About half the command
lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -E 'ERROR|WARN'`,
`; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 207" section fixed before capture, applied by the extractors in
capture_wide207_*.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide207.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide207.json  as {"version": 2, "items": [...]}, ids prefixed "wide207-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide207-"
DEFAULT_OUT = HERE / "data" / "wide207.json"
TMP = Path(os.environ.get("HM_WIDE207_TMP", "/dev/shm/hm-corpus-wide207"))
TOOLS = Path(os.environ.get("HM_WIDE207_TOOLS", "/dev/shm/hm-corpus-wide207-tools"))
VENV = TOOLS / "venv"
PY_TOOLS = ["shapely", "pyproj", "geopandas", "fiona", "pyogrio"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """The tools from Debian (offline mirror) and a venv of PyPI's geospatial libraries, installed once."""
    for tool, pkg in [("spatialite", "spatialite-bin"), ("osmium", "osmium-tool"), ("gie", "proj-bin"),
                      ("gpsbabel", "gpsbabel"), ("grass", "grass-core")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "fio", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide207_gis as gis  # SpatiaLite, osmium, PROJ's gie and cct, GPSBabel
    import capture_wide207_py as py  # GRASS GIS, Shapely, GeoPandas, fio
    return gis.STEPS + py.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide207", sys.modules["__main__"])
    main()
