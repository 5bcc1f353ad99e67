#!/usr/bin/env python3
"""Capture round 153 of the compression corpus: second samples of round 145's Windows-on-Linux kinds, round 146's
mail and DNS kinds and round 147's C++ template-wall and numerical-library kinds, captured blind, on new material:
`lumbr`, a sawmill's board tracker for Windows (a DLL exporting `lb_*` functions, a console .exe and a C++ grading
report, C/C++ written here with faults put in, widened by a seeded generator) cross-built with mingw-w64, read with
objdump, nm and winedump, run under Wine, packed by NSIS and wixl, signed and verified with osslsigncode and listed
with cabextract; `orchardpost`, a fruit growers' cooperative's mail and name service on loopback (a Postfix instance
of its own with a deferred queue, swaks sessions, SpamAssassin on its own messages and a broken site config,
pdnsutil on a sqlite3 backend, Knot with zone faults, kdig answers and transfers); and C++, C and Fortran programs
of its own (a beam-deflection solver on Eigen, a sensor-config grammar on Boost.Spirit Qi, range-v3 pipelines over
orders, C++20 concepts for codecs, a libstdc++ debug-mode ledger, GSL root finding and splines, FFTW wisdom, a 1-D
advection code in Fortran, a PETSc Poisson solver with faults put in).

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 153"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide153.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide153.json  as {"version": 2, "items": [...]}, ids prefixed "wide153-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide153-"
DEFAULT_OUT = HERE / "data" / "wide153.json"
TMP = Path(os.environ.get("HM_WIDE153_TMP", "/dev/shm/hm-corpus-wide153"))
# Wine's prefix is some 200 MB: kept on the tmpfs, made once
WINEPREFIX = Path(os.environ.get("HM_WIDE153_WINE", "/dev/shm/hm-wide153-wine"))
WINE_ENV = {"WINEPREFIX": str(WINEPREFIX), "WINEARCH": "win64", "DISPLAY": None, "WAYLAND_DISPLAY": None,
            "WINEDLLOVERRIDES": "mscoree,mshtml="}

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Rounds 145's, 146's and 147's tools, each installed once by their round's ensure_tools; Wine's prefix made
    once."""
    import capture_wide145
    import capture_wide146
    import capture_wide147
    capture_wide146.ensure_tools()
    capture_wide147.ensure_tools()
    for tool, pkg in (("x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64"), ("wine", "wine wine64"),
                      ("winedump", "wine64-tools"), ("makensis", "nsis"), ("wixl", "wixl msitools"), ("gcab", "gcab"),
                      ("cabextract", "cabextract"), ("osslsigncode", "osslsigncode")):
        cm.ensure_apt(tool, pkg)
    if not (WINEPREFIX / "system.reg").exists():
        cm.run("wineboot -i", env=dict(WINE_ENV, WINEDEBUG="-all"), timeout=600)
        cm.run("wineserver -w", env=WINE_ENV, timeout=120)
    del capture_wide145


def steps() -> list:
    import capture_wide153_win as win  # mingw-w64, objdump, nm, Wine, winedump, NSIS, wixl, osslsigncode, cabextract
    import capture_wide153_mail as mail  # Postfix queue, swaks, SpamAssassin, pdnsutil, Knot, kdig
    import capture_wide153_cxx as cxx  # Eigen, Spirit, range-v3, concepts, libstdc++ debug, GSL, FFTW, gfortran, PETSc
    return win.STEPS + mail.STEPS + cxx.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide153", sys.modules["__main__"])
    main()
