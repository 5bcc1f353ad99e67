#!/usr/bin/env python3
"""Capture round 130 of the compression corpus: second samples of round 116's host security and compliance scanner
kinds and round 118's typesetting and document-build kinds, on new material: `pomace`, a cider cooperative's pressing
hall and shop tills (other SCAP profiles and rule selections, another planted fleet with its own ClamAV signatures,
till and press-controller binaries built with and without hardening, rkhunter and tiger runs with other plants, other
sshd configs, spectre-meltdown-checker), and its orchard handbook (`orchard`: a LaTeX report widened by a seeded
generator with other faults, its BibLaTeX database, lualatex editions, a Texinfo manual of the press, a DocBook
guide with stylesheets of its own, pandoc notes and Graphviz graphs of the supply chain).

No new rules: every kind's needles come from the earlier round's extractor, imported from its capture module
(NEEDLES.md, "Round 130"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide130.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide130.json  as {"version": 2, "items": [...]}, ids prefixed "wide130-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide130-"
DEFAULT_OUT = HERE / "data" / "wide130.json"
TMP = Path(os.environ.get("HM_WIDE130_TMP", "/tmp/hm-corpus-wide130"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 116's and round 118's Debian packages (installed once by their ensure_tools)."""
    import capture_wide116
    import capture_wide118
    capture_wide116.ensure_tools()
    capture_wide118.ensure_tools()


def steps() -> list:
    import capture_wide130_sec as sec  # oscap, clamscan, checksec, rkhunter, tiger, sshd -T, spectre-meltdown-checker
    import capture_wide130_doc as doc  # latexmk, lualatex, biber, makeinfo, texi2any, xmllint, xsltproc, pandoc, dot
    return sec.STEPS + doc.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide130", sys.modules["__main__"])
    main()
