#!/usr/bin/env python3
"""Capture round 93 of the compression corpus: media, image and document-file tools new to the corpus. Debian's
ffmpeg / ffprobe, exiftool, ImageMagick 6, mediainfo, poppler-utils, qpdf, ghostscript and sox run on media and
documents made here: generated images (a photo library of 200+ files, thumbnails, visual-regression baselines), test
videos and tones, PostScript and PDFs from groff and pdflatex, with damaged bytes, truncated files and mistakes put in,
widened by seeded generators. Some command lines are typed as agents type them (`2>&1 | tail -n 80`, `; echo
EXIT=$?`, `| grep -i error`).

The needles come from the rules NEEDLES.md's "Round 93" section fixed before capture, applied by the extractors in
capture_wide93_media.py and capture_wide93_docs.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide93.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide93.json  as {"version": 2, "items": [...]}, ids prefixed "wide93-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide93-"
DEFAULT_OUT = HERE / "data" / "wide93.json"
TMP = Path("/tmp/hm-corpus-wide93")

MIN_CHARS, MAX_CHARS = 400, 120_000

# Debian's ImageMagick 6 programs by their own path: a stand-in `convert` may sit earlier on PATH on some machines
IM = "/usr/bin/"


def ensure_tools() -> None:
    """ffmpeg, exiftool, ImageMagick, mediainfo, poppler-utils, qpdf, ghostscript, sox, groff (its ms macros
    and PostScript device: groff-base has neither) and pdflatex from Debian, installed once."""
    for tool, pkg in [("ffprobe", "ffmpeg"), ("exiftool", "libimage-exiftool-perl"), ("identify", "imagemagick"),
                      ("mediainfo", "mediainfo"), ("pdfinfo", "poppler-utils"), ("qpdf", "qpdf"),
                      ("gs", "ghostscript"), ("sox", "sox"),
                      ("/usr/share/groff/current/tmac/s.tmac", "groff"), ("pdflatex", "texlive-latex-base")]:
        cm.ensure_apt(tool, pkg)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide93_docs as docs  # pdfinfo, pdffonts, pdfimages, pdftotext, qpdf, ghostscript
    import capture_wide93_media as media  # ffprobe, ffmpeg, exiftool, ImageMagick, mediainfo, sox
    return media.STEPS + docs.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide93", sys.modules["__main__"])
    main()
