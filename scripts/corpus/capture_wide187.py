#!/usr/bin/env python3
"""Capture round 187 of the compression corpus: fourth samples of round 140's provers, model checkers and static
verifiers and third samples of round 145's Windows-on-Linux kinds, captured blind, on new material: `ropeway`, an aerial
cable car's controller (cabins on a haul rope, towers, wind holds, a boarding queue) specified and written here with
faults put in: Coq lemmas, WhyML, SMT-LIB, TPTP, DIMACS CNF, C for Frama-C and splint, a Promela model for SPIN; and
`hivelog`, an apiary's hive logger for Windows (a DLL exporting `hv_*` functions, a console .exe, a C++ inspection
report) cross-compiled with mingw-w64, read with objdump / nm / winedump, run under Wine, packed by NSIS and wixl,
signed with a self-signed certificate and its cabinet listed.

No new rules: every kind's needles come from round 140's or round 145's extractor, imported from its capture module
(NEEDLES.md, "Round 187"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide187.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide187.json  as {"version": 2, "items": [...]}, ids prefixed "wide187-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide187-"
DEFAULT_OUT = HERE / "data" / "wide187.json"
TMP = Path(os.environ.get("HM_WIDE187_TMP", "/dev/shm/hm-corpus-wide187"))
# Wine's prefix is some 200 MB: kept on the tmpfs, made once, deleted by hand after the round
WINEPREFIX = Path(os.environ.get("HM_WIDE187_WINE", "/dev/shm/hm-wide187-wine"))
WINE_ENV = {"WINEPREFIX": str(WINEPREFIX), "WINEARCH": "win64", "DISPLAY": None, "WAYLAND_DISPLAY": None,
            "WINEDLLOVERRIDES": "mscoree,mshtml="}

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """The tools rounds 140 and 145 left on this machine; Wine's prefix made once."""
    for tool, pkg in (("coqc", "coq"), ("why3", "why3"), ("z3", "z3"), ("cvc5", "cvc5"), ("eprover", "eprover"),
                      ("cadical", "cadical"), ("minisat", "minisat"), ("frama-c", "frama-c-base"), ("splint", "splint"),
                      ("spin", "spin"), ("x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64"),
                      ("wine", "wine wine64"), ("winedump", "wine64-tools"), ("makensis", "nsis"),
                      ("wixl", "wixl msitools"), ("gcab", "gcab"), ("cabextract", "cabextract"),
                      ("osslsigncode", "osslsigncode")):
        cm.ensure_apt(tool, pkg)
    if not (WINEPREFIX / "system.reg").exists():
        cm.run("wineboot -i", env=dict(WINE_ENV, WINEDEBUG="-all"), timeout=600)
        cm.run("wineserver -w", env=WINE_ENV, timeout=120)


def steps() -> list:
    import capture_wide187_proof as proof  # Coq, Why3, Z3, cvc5, E, CaDiCaL, MiniSat, Frama-C, splint, SPIN
    import capture_wide187_win as win  # mingw-w64, objdump, nm, Wine, winedump, NSIS, wixl, osslsigncode, cabextract
    return proof.STEPS + win.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide187", sys.modules["__main__"])
    main()
