#!/usr/bin/env python3
"""Capture round 231 of the compression corpus: second samples of round 225's music notation, synthesis and audio
codec kinds (LilyPond, Csound, abcm2ps, abc2midi, FluidSynth, TiMidity++, flac, metaflac, ogginfo, opusinfo, mp3val,
mpg123, lame, shntool, sndfile-info) and of round 226's diagram-as-code and plotting kinds (gnuplot errors, fits and
tables, Asymptote, MetaPost, matplotlib scripts, PlantUML, blockdiag's family, Graph::Easy, Vega-Lite), on material
of this round's own: a brass band's library (`fellside`: marches and hymn tunes with faults put in, band-room
orchestras, session tunes, MIDI parts written byte by byte) and a bird-sound field library's recordings (seeded
chirps and calls encoded, then damaged in other ways), and a bike-share network's dashboards and diagrams (`spokes`:
dock occupancy, battery discharge, ridership data, the dock controller's sequences and classes, its networks). About
half the command lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `| grep …`,
`; echo EXIT=$?`).

No rule is new: the needles come from the extractors of rounds 225 and 226, imported from capture_wide225_score.py,
capture_wide225_codec.py, capture_wide226_diag.py and capture_wide226_plot.py (NEEDLES.md, "Round 231"). Nothing
captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide231.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide231.json  as {"version": 2, "items": [...]}, ids prefixed "wide231-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide231-"
DEFAULT_OUT = HERE / "data" / "wide231.json"
TMP = Path(os.environ.get("HM_WIDE231_TMP", "/dev/shm/hm-corpus-wide231"))
# round 226's venv (blockdiag's family, matplotlib) and npm tools (vega-lite, vega-cli), reused when present
TOOLS = Path(os.environ.get("HM_WIDE231_TOOLS", "/dev/shm/hm-corpus-wide226-tools"))
VENV = TOOLS / "venv"
JS = TOOLS / "js"
PY_TOOLS = ["blockdiag", "seqdiag", "nwdiag", "actdiag", "pillow<10", "matplotlib", "numpy"]
NPM_TOOLS = ["vega-lite", "vega", "vega-cli"]

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """Rounds 225's and 226's tools from Debian, the venv and the npm tools, installed once."""
    for tool, pkg in [("lilypond", "lilypond"), ("csound", "csound"), ("abcm2ps", "abcm2ps"),
                      ("abc2midi", "abcmidi"), ("fluidsynth", "fluidsynth"), ("timidity", "timidity"),
                      ("flac", "flac"), ("ogginfo", "vorbis-tools"), ("opusinfo", "opus-tools"),
                      ("mp3val", "mp3val"), ("mpg123", "mpg123"), ("lame", "lame"), ("shntool", "shntool"),
                      ("sndfile-info", "sndfile-programs"), ("gnuplot", "gnuplot-nox"), ("plantuml", "plantuml"),
                      ("asy", "asymptote"), ("graph-easy", "libgraph-easy-perl")]:
        cm.ensure_apt(tool, pkg)
    cm.install_venv(VENV, "nwdiag", PY_TOOLS)
    JS.mkdir(parents=True, exist_ok=True)
    if not (JS / "node_modules" / "vega-cli").exists():
        cm.run("npm init -y >/dev/null && npm install -q --no-audit --no-fund --ignore-scripts " + " ".join(NPM_TOOLS),
               cwd=JS, timeout=900)
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), str(JS / "node_modules" / ".bin")]


def steps() -> list:
    import capture_wide231_audio as audio  # round 225's kinds: the band's library, the field recordings
    import capture_wide231_plot as plot  # round 226's kinds: the bike-share network's plots and diagrams
    return audio.STEPS + plot.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide231", sys.modules["__main__"])
    main()
