#!/usr/bin/env python3
"""Capture round 211 of the compression corpus: second samples of round 202's kinds (Exim 4's -bV/-bt/-bh/-bp and
eximstats, rspamadm configtest, Pigeonhole's sievec and sieve-test, procmail; fitsverify, astropy's fitsheader,
fitsinfo and fitsdiff, WCSTools' gethead, ecCodes' grib_ls/grib_dump/grib_compare, NCO's ncks) and of round 207's
(SpatiaLite, osmium-tool, PROJ's gie and cct, GPSBabel, GRASS GIS, Shapely, GeoPandas, Fiona), on material of this
round's own: the relay of an alpine huts' association (`hutnet`) with other faults, a radio-telescope and lake buoy
(`lakeview`) with other frames, grids and records, a hill village's cadastre, paths and GPS tracks. About half the
command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `| grep …`, `; echo EXIT=$?`).

No rule is new: the needles come from the extractors of rounds 202 and 207, imported from capture_wide202_*.py and
capture_wide207_*.py (NEEDLES.md, "Round 211"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide211.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide211.json  as {"version": 2, "items": [...]}, ids prefixed "wide211-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide211-"
DEFAULT_OUT = HERE / "data" / "wide211.json"
TMP = Path(os.environ.get("HM_WIDE211_TMP", "/dev/shm/hm-corpus-wide211"))
TOOLS = Path(os.environ.get("HM_WIDE211_TOOLS", "/dev/shm/hm-corpus-wide211-tools"))
VENV = TOOLS / "venv"  # astropy, numpy, eccodes, netCDF4, shapely, pyproj, geopandas, fiona, pyogrio

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Rounds 202's and 207's tools from Debian, and one venv of their PyPI libraries, installed once."""
    for tool, pkg in [("exim", "exim4-daemon-light"), ("rspamadm", "rspamd"), ("sievec", "dovecot-sieve"),
                      ("procmail", "procmail"), ("fitsverify", "fitsverify"), ("gethead", "wcstools"),
                      ("grib_ls", "libeccodes-tools"), ("ncks", "nco"), ("ncgen", "netcdf-bin"),
                      ("spatialite", "spatialite-bin"), ("osmium", "osmium-tool"), ("gie", "proj-bin"),
                      ("gpsbabel", "gpsbabel"), ("grass", "grass-core")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "fitsheader", ["astropy", "numpy", "eccodes", "netCDF4", "shapely", "pyproj", "geopandas",
                                         "fiona", "pyogrio"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide211_r202 as r202  # Exim, rspamadm, Sieve, procmail, FITS, GRIB, ncks
    import capture_wide211_r207 as r207  # SpatiaLite, osmium, PROJ, GPSBabel, GRASS, Shapely, GeoPandas, fio
    return r202.STEPS + r207.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide211", sys.modules["__main__"])
    main()
