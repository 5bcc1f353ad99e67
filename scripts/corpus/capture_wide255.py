#!/usr/bin/env python3
"""Capture round 255 of the compression corpus: chess and board-game engines and game-record tools, new shapes.
Stockfish driven over UCI from a script (searches to a fixed depth or node count, MultiPV, `bench`, the `d` board
display, malformed commands and positions), Fairy-Stockfish on chess variants, GNU Chess in xboard mode, GNU Go over
GTP, GNU Backgammon's text mode, pgn-extract on a PGN database of the round's own (a seeded generator, with malformed
tags, illegal moves and missing results put in) and python-chess from PyPI (PGN parsing, perft, boards, analysis
through Stockfish). Searches are kept short (depth <= 14 or a node limit, one thread, `nice`). About a third of the
command lines are typed as agents type them (pipes that cut, greps, `; echo EXIT=$?`).

The extractors are this round's (NEEDLES.md, "Round 255"), written before capture. Nothing captured here was
compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide255.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide255.json  as {"version": 2, "items": [...]}, ids prefixed "wide255-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide255-"
DEFAULT_OUT = HERE / "data" / "wide255.json"
TMP = Path(os.environ.get("HM_WIDE255_TMP", "/dev/shm/hm-corpus-wide255"))
VENV = Path(os.environ.get("HM_WIDE255_VENV", "/dev/shm/hm-corpus-wide255-venv"))  # python-chess, kept between runs

# the round's sizes: mostly 3-60 KB, a few small ones as real runs print them
MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """The engines from Debian (in /usr/games), python-chess from PyPI in a venv of the round's."""
    cm.PATH_PREFIX[:0] = [str(VENV / "bin"), "/usr/games"]
    for tool, pkg in [("stockfish", "stockfish"), ("fairy-stockfish", "fairy-stockfish"), ("gnuchess", "gnuchess"),
                      ("gnugo", "gnugo"), ("gnubg", "gnubg"), ("pgn-extract", "pgn-extract")]:
        cm.ensure_apt(tool, pkg)
    if not list(VENV.glob("lib/python*/site-packages/chess/__init__.py")):
        cm.run(f"python3 -m venv {VENV} && {VENV}/bin/pip install -q chess", env=cm.PIP_ENV, timeout=600)


def steps() -> list:
    import capture_wide255_engines as engines  # Stockfish, Fairy-Stockfish, GNU Chess, GNU Go, GNU Backgammon
    import capture_wide255_pgn as pgn  # pgn-extract and python-chess
    return engines.STEPS + pgn.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide255", sys.modules["__main__"])
    main()
