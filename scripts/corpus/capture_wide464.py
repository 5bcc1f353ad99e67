#!/usr/bin/env python3
"""Capture round 464 of the compression corpus: the Haskell toolchain's other outputs. Real runs of Debian's GHC 9.0.2,
cabal-install 3.4 (offline, installed packages only), hspec 2.8, QuickCheck 2.14 and ghc-pkg on `sluicekeep`, a salt
marsh's sluice keepers' package written here (gates, tides, culverts, sluice logs) with faults put in and widened by
seeded generators (seeds 46410+): ghc-pkg check / list / describe over a package db with broken and hidden
registrations, cabal test / check / solver failures, hspec's failed-examples and progress formatters, QuickCheck's
verboseCheck and label/classify/cover tables, the RTS's per-GC log (+RTS -S) and machine-readable stats.

The needles come from the rules NEEDLES.md's "Round 464" section fixed before capture, applied by the extractors in
capture_wide464_hs.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide464.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide464.json  as {"version": 2, "items": [...]}, ids prefixed "wide464-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide464-"
DEFAULT_OUT = HERE / "data" / "wide464.json"
TMP = Path(os.environ.get("HM_WIDE464_TMP", "/dev/shm/hm-corpus-wide464"))


def ensure_tools() -> None:
    """Debian's Haskell toolchain, installed once."""
    for tool, pkg in [("ghc", "ghc libghc-hspec-dev libghc-quickcheck2-dev"), ("cabal", "cabal-install")]:
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide464_hs as hs
    return list(hs.STEPS)


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide464", sys.modules["__main__"])
    main()
