#!/usr/bin/env python3
"""Capture round 180 of the compression corpus: third samples of rounds 93's and 98's kinds, no new rules.
Round 93's media, image and document-file tools (Debian's ffmpeg / ffprobe, mediainfo, sox, exiftool, ImageMagick 6,
poppler-utils, qpdf, ghostscript) on material made here for a wildlife trail-camera survey (`trailcam`: other clips,
birdsong and call tones, camera-trap stills, thumbnails, a field report in groff and a plate book in LaTeX, with
damage put in, other sizes and seeds); round 98's mutation, property-based and API-contract tools (mutmut,
cosmic-ray, schemathesis, tavern, Stryker, fast-check, jsverify, dredd) on a greenhouse irrigation controller written
here (`glasshouse`: watering, frost guard, nutrient dosing, seeded bay modules) with weak tests and mistakes put in.

Every item's needles come from round 93's and round 98's extractors, imported from capture_wide93_media.py,
capture_wide93_docs.py, capture_wide98_py.py and capture_wide98_js.py (NEEDLES.md's "Round 180" section). Nothing
captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide180.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide180.json  as {"version": 2, "items": [...]}, ids prefixed "wide180-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide180-"
DEFAULT_OUT = HERE / "data" / "wide180.json"
TMP = Path(os.environ.get("WIDE180_TMP", "/dev/shm/hm-corpus-wide180"))  # a part run may take its own
TOOLS = Path("/tmp/hm-corpus-wide98-tools")  # round 98's tools, reused as installed
VENV = TOOLS / "venv"          # mutmut, cosmic-ray, schemathesis, FastAPI, uvicorn, pytest
TAV = TOOLS / "tav"            # tavern with pytest < 9
JS = TOOLS / "js"              # Stryker with its jest runner, jest, vitest, fast-check, jsverify
DREDD = TOOLS / "dredd"        # dredd in a project of its own
PY_TOOLS = ["mutmut", "cosmic-ray", "schemathesis", "fastapi", "uvicorn", "pytest"]
NPM = ["@stryker-mutator/core", "@stryker-mutator/jest-runner", "jest", "vitest", "fast-check", "jsverify"]
IM = "/usr/bin/"  # Debian's ImageMagick 6 programs by their own path

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Round 93's Debian packages and round 98's venvs and npm projects, installed as those rounds do when missing."""
    for tool, pkg in [("ffprobe", "ffmpeg"), ("exiftool", "libimage-exiftool-perl"), ("identify", "imagemagick"),
                      ("mediainfo", "mediainfo"), ("pdfinfo", "poppler-utils"), ("qpdf", "qpdf"),
                      ("gs", "ghostscript"), ("sox", "sox"),
                      ("/usr/share/groff/current/tmac/s.tmac", "groff"), ("pdflatex", "texlive-latex-base")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "mutmut", PY_TOOLS)
    cm.install_venv(TAV, "tavern-ci", ["tavern", "'pytest<9'"])
    cm.install_npm(JS, "@stryker-mutator/core", NPM)
    cm.install_npm(DREDD, "dredd", ["dredd"])
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide180_media as media  # ffprobe, ffmpeg, mediainfo, sox, exiftool, ImageMagick, PDFs
    import capture_wide180_mut as mut  # mutmut, cosmic-ray, schemathesis, tavern, Stryker, fast-check, jsverify, dredd
    return media.STEPS + mut.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide180", sys.modules["__main__"])
    main()
