#!/usr/bin/env python3
"""Capture round 92 of the compression corpus: documentation and site generators new to the corpus. Debian's hugo,
jekyll, pdflatex and bibtex (texlive-latex-base) and npm's eleventy run on sites and documents written here with
mistakes put in (broken shortcodes and refs, missing layouts, Liquid errors, undefined references and citations,
overfull boxes, a fatal error, bad bibliography entries, template errors), widened by seeded generators. Some command
lines are typed as agents type them (`2>&1 | tail -n 80`, `; echo EXIT=$?`, `| grep -i warn`).

The needles come from the rules NEEDLES.md's "Round 92" section fixed before capture, applied by the extractors in
capture_wide92_sites.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide92.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide92.json  as {"version": 2, "items": [...]}, ids prefixed "wide92-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide92-"
DEFAULT_OUT = HERE / "data" / "wide92.json"
TMP = Path("/tmp/hm-corpus-wide92")
TOOLS = Path("/tmp/hm-corpus-wide92-tools")
JS = TOOLS / "js"

MIN_CHARS, MAX_CHARS = 400, 120_000


def ensure_tools() -> None:
    """hugo, jekyll and texlive-latex-base from Debian; eleventy from npm, installed once."""
    cm.ensure_apt("hugo", "hugo")
    cm.ensure_apt("jekyll", "jekyll")
    cm.ensure_apt("pdflatex", "texlive-latex-base")
    cm.install_npm(JS, "@11ty/eleventy", ["@11ty/eleventy@3"])
    cm.PATH_PREFIX[:0] = [str(JS / "node_modules" / ".bin")]


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide92_sites as sites
    return sites.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide92", sys.modules["__main__"])
    main()
