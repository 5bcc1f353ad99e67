#!/usr/bin/env python3
"""Capture round 225 of the compression corpus: music notation, synthesis and audio codec tools, in shapes new to the
corpus. Real runs of Debian's LilyPond, Csound, abcm2ps and abc2midi, FluidSynth and TiMidity++, flac and metaflac,
ogginfo, opusinfo, mp3val, mpg123, lame, shntool and sndfile-info, on material written here: scores, orchestras and
tunes of our own with faults put in (a bad pitch, a barcheck failure, an unterminated brace, an orchestra syntax error,
a missing note length), MIDI files written byte by byte, tones from seeded generators encoded and then damaged (a
cut-off frame, a flipped byte under a CRC, a wrong header, junk appended, a missing soundfont). About half the command
lines are typed as agents type them (`| tail -n 80`, `| head -n 100`, `2>&1 | grep -iE 'error|warning'`,
`; echo EXIT=$?`).

The needles come from the rules NEEDLES.md's "Round 225" section fixed before capture, applied by the extractors in
capture_wide225_*.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide225.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide225.json  as {"version": 2, "items": [...]}, ids prefixed "wide225-".
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide225-"
DEFAULT_OUT = HERE / "data" / "wide225.json"
TMP = Path(os.environ.get("HM_WIDE225_TMP", "/dev/shm/hm-corpus-wide225"))

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap

EXIT_RE = re.compile(r"^EXIT=\d+$")


def exit_lines(lines: list[str]) -> list[str]:
    """Rule 3: the status line the agent printed itself (`; echo EXIT=$?`)."""
    return [ln for ln in lines if EXIT_RE.match(ln.strip())]


def ensure_tools() -> None:
    """The tools from Debian (offline mirror), installed once, without recommends."""
    for tool, pkg in [("lilypond", "lilypond"), ("csound", "csound"), ("abcm2ps", "abcm2ps"),
                      ("abc2midi", "abcmidi"), ("fluidsynth", "fluidsynth"), ("timidity", "timidity"),
                      ("flac", "flac"), ("ogginfo", "vorbis-tools"), ("opusinfo", "opus-tools"),
                      ("mp3val", "mp3val"), ("mpg123", "mpg123"), ("lame", "lame"), ("shntool", "shntool"),
                      ("sndfile-info", "sndfile-programs")]:
        if not cm.have(tool, tool):
            cm.run(f"apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends {pkg}", timeout=900)
    if not Path("/usr/share/sounds/sf2/TimGM6mb.sf2").exists():
        cm.run("apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends timgm6mb-soundfont", timeout=900)


def steps() -> list:
    import capture_wide225_score as score  # LilyPond, Csound, abcm2ps, abc2midi, FluidSynth, TiMidity++
    import capture_wide225_codec as codec  # flac, metaflac, ogginfo, opusinfo, mp3val, mpg123, lame, shntool, sndfile
    return score.STEPS + codec.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide225", sys.modules["__main__"])
    main()
