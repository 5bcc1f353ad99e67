#!/usr/bin/env python3
"""Capture round 202 of the compression corpus: mail servers' and filters' tools, and astronomy and meteorology data
formats, in shapes new to the corpus. Real runs of Debian's Exim 4 (`-bV`, `-bt`, `-bh`, `-bp`, eximstats) on the
configs of a harbour office's relay (`quayside`) with faults put in, rspamd's `rspamadm configtest`, Pigeonhole's
`sievec` and `sieve-test`, procmail over a seeded mailbox; cfitsio's `fitsverify`, astropy's `fitsheader`, `fitsinfo`
and `fitsdiff`, WCSTools' `gethead`, ecCodes' `grib_ls`, `grib_dump` and `grib_compare`, NCO's `ncks`, on FITS
frames, GRIB messages and netCDF files of a fen observatory and weather station (`skyfen`) written here by seeded
generators with faults put in. About half the command lines are typed as agents type them (`| tail -n 80`,
`| head -n 100`, `2>&1 | grep -E …`, `; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 202" section fixed before capture, applied by the extractors in
capture_wide202_*.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide202.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide202.json  as {"version": 2, "items": [...]}, ids prefixed "wide202-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide202-"
DEFAULT_OUT = HERE / "data" / "wide202.json"
TMP = Path(os.environ.get("HM_WIDE202_TMP", "/dev/shm/hm-corpus-wide202"))
TOOLS = Path(os.environ.get("HM_WIDE202_TOOLS", "/dev/shm/hm-corpus-wide202-tools"))
VENV = TOOLS / "venv"

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """The tools from Debian (offline mirror) and astropy, numpy, eccodes and netCDF4 from PyPI, installed once."""
    for tool, pkg in [("exim", "exim4-daemon-light"), ("rspamadm", "rspamd"), ("sievec", "dovecot-sieve"),
                      ("procmail", "procmail"), ("fitsverify", "fitsverify"), ("gethead", "wcstools"),
                      ("grib_ls", "libeccodes-tools"), ("ncks", "nco"), ("ncgen", "netcdf-bin")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "fitsheader", ["astropy", "numpy", "eccodes", "netCDF4"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin")]


def steps() -> list:
    import capture_wide202_astro as astro  # fitsverify, fitsheader, fitsinfo, fitsdiff, gethead, GRIB, ncks
    import capture_wide202_mail as mail  # exim, eximstats, rspamadm, sievec, sieve-test, procmail
    return mail.STEPS + astro.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide202", sys.modules["__main__"])
    main()
