#!/usr/bin/env python3
"""Capture round 145 of the compression corpus: Windows targets built and run on Linux, shapes new to the corpus.
`tally`, a small Windows event-counter (a DLL exporting `tl_*` functions, a console .exe using it and Winsock, a C++
report formatter; C/C++ written here with faults put in on purpose, widened by a seeded
generator), is cross-built with Debian's mingw-w64 (`x86_64-w64-mingw32-gcc` / `g++` warnings and errors, link
errors with `__imp_` symbols), its PE files read with `objdump -p` and `nm`, run under Wine 8
(`WINEDEBUG=err+all,fixme+all`, a crash with winedbg's backtrace), read with `winedump`, packed by NSIS
(`makensis`) and msitools (`wixl`, `msiinfo`), checked with `osslsigncode verify` and listed with `cabextract -l`.

Every kind is new (NEEDLES.md's "Round 145"); its extractor sits next to its capture, or is an earlier round's
registered under the new kind's name. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide145.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide145.json  as {"version": 2, "items": [...]}, ids prefixed "wide145-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide145-"
DEFAULT_OUT = HERE / "data" / "wide145.json"
TMP = Path(os.environ.get("HM_WIDE145_TMP", "/tmp/hm-corpus-wide145"))
# Wine's prefix is some 200 MB: kept on the tmpfs, made once
WINEPREFIX = Path(os.environ.get("HM_WIDE145_WINE", "/dev/shm/hm-wide145-wine"))
WINE_ENV = {"WINEPREFIX": str(WINEPREFIX), "WINEARCH": "win64", "DISPLAY": None, "WAYLAND_DISPLAY": None,
            "WINEDLLOVERRIDES": "mscoree,mshtml="}

w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """mingw-w64, Wine 8 (and winedump from wine64-tools), NSIS, msitools, gcab and cabextract from Debian; Wine's
    prefix made once."""
    cm.ensure_apt("x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64")
    cm.ensure_apt("wine", "wine wine64")
    cm.ensure_apt("winedump", "wine64-tools")
    cm.ensure_apt("makensis", "nsis")
    cm.ensure_apt("wixl", "wixl msitools")
    cm.ensure_apt("gcab", "gcab")
    cm.ensure_apt("cabextract", "cabextract")
    if not (WINEPREFIX / "system.reg").exists():
        cm.run("wineboot -i", env=dict(WINE_ENV, WINEDEBUG="-all"), timeout=600)
        cm.run("wineserver -w", env=WINE_ENV, timeout=120)


def steps() -> list:
    import capture_wide145_build as build  # mingw gcc/g++, the linker, objdump -p, nm
    import capture_wide145_ship as ship  # Wine, winedump, makensis, wixl, msiinfo, osslsigncode, cabextract
    return build.STEPS + ship.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide145", sys.modules["__main__"])
    main()
