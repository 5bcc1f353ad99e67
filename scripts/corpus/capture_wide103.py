#!/usr/bin/env python3
"""Capture round 103 of the compression corpus: geospatial, scientific-data and pipeline tools, new to the corpus.
Kinds no earlier round holds, run for real on data and pipelines written here by seeded generators, with mistakes put
in: a river authority's flood-survey data (`floodmap`) through GDAL (gdalinfo -stats, gdalwarp), OGR (ogrinfo,
ogr2ogr), PROJ (projinfo, cs2cs), the HDF5 tools (h5dump, h5ls), netCDF's ncdump and CDO; its processing pipelines
through papermill (a notebook with a failing cell), DVC (repro, status, dag), Snakemake (a run of 100 jobs with a
failing rule, -n, --summary) and Luigi (a local-scheduler run with a failing task). About half the command lines are
typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 103" section fixed before capture, applied by the extractors in
capture_wide103_geo.py and capture_wide103_pipe.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide103.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide103.json  as {"version": 2, "items": [...]}, ids prefixed "wide103-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide103-"
DEFAULT_OUT = HERE / "data" / "wide103.json"
TMP = Path("/tmp/hm-corpus-wide103")
TOOLS = Path("/tmp/hm-corpus-wide103-tools")
VENV = TOOLS / "venv"          # papermill with ipykernel, dvc, snakemake, luigi, h5py and numpy (the data generators)
PY_TOOLS = ["papermill", "ipykernel", "dvc", "snakemake", "luigi", "h5py", "numpy"]
APT = "gdal-bin proj-bin hdf5-tools netcdf-bin cdo"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """Debian's GDAL, PROJ, HDF5, netCDF and CDO tools, and the venv of pipeline tools, installed once."""
    if not cm.have("cdo", "cdo") or not cm.have("gdalinfo", "gdalinfo") or not cm.have("h5dump", "h5dump"):
        cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {APT}", timeout=900)
    cm.install_venv(VENV, "snakemake", PY_TOOLS)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide103_geo as geo  # GDAL, OGR, PROJ, HDF5, netCDF, CDO
    import capture_wide103_pipe as pipe  # papermill, DVC, Snakemake, Luigi
    return geo.STEPS + pipe.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide103", sys.modules["__main__"])
    main()
