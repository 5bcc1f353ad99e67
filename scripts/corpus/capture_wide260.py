#!/usr/bin/env python3
"""Capture round 260 of the compression corpus: second samples of round 246's solver, model-checker and verifier
kinds (clingo answer sets, --stats, errors and grounded text, MiniZinc solutions and errors, lp_solve -S4, HiGHS,
Pyomo with GLPK, SPIN's column simulator, LTL translator and parser, Frama-C's RTE printer and parser, Why3's type
errors) and of round 256's raster-image kinds (vipsheader, vips, G'MIC, optipng, pngcrush, jpegoptim, pngcheck, exiv2
-pa/-pS, jpeginfo, advpng, gifsicle --info, jhead, webpinfo, tiffinfo), on material of this round's own: `railyard`, a
freight yard's shunting planner (capture_wide260_solve.py), and `herbarium`, a plant-specimen scan archive made by
round 256's seeded generator at other seeds and sizes, its albums laid out otherwise and other faults put in by this
round (capture_wide260_img.py). Command lines vary as agents type them (`| tail -n 80`, `| head -n 100`, `| grep …`,
`; echo EXIT=$?`).

No rule is new: the needles come from the extractors of rounds 246 and 256, imported from capture_wide246_solve.py and
capture_wide256_img.py (NEEDLES.md, "Round 260"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide260.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide260.json  as {"version": 2, "items": [...]}, ids prefixed "wide260-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide260-"
DEFAULT_OUT = HERE / "data" / "wide260.json"
TMP = Path(os.environ.get("HM_WIDE260_TMP", "/dev/shm/hm-corpus-wide260"))

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add = _SIZED.add


def cap(item_id: str, command: str, cwd: Path, extractor, timeout: int = 90, typed: str | None = None) -> None:
    """The round's runs take seconds, one thread each; a run that hangs is cut at its timeout."""
    _SIZED.cap(item_id, command, cwd, extractor, timeout=timeout, typed=typed)


def ensure_tools() -> None:
    """Rounds 246's and 256's tools (Debian) and their venvs under /dev/shm (clingo, highspy, Pyomo; Pillow), reused."""
    import capture_wide246 as r246
    import capture_wide256 as r256
    r246.ensure_tools()
    r256.ensure_tools()


def steps() -> list:
    import capture_wide260_solve as solve  # round 246's kinds: the rail yard
    import capture_wide260_img as img  # round 256's kinds: the herbarium's scans
    return solve.STEPS + img.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide260", sys.modules["__main__"])
    main()
