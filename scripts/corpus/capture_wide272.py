#!/usr/bin/env python3
"""Capture round 272 of the compression corpus: second samples of round 255's chess and board-game kinds and of round
248's toolchains of less common languages, no new rules. Stockfish over UCI on other positions, depths and node limits,
`bench` at other sizes, the `d` display over another game, Fairy-Stockfish on other variants, GNU Chess, GNU Go and
GNU Backgammon sessions with other illegal moves, pgn-extract and python-chess on a PGN database made at this round's
seeds; Algol 68 Genie, GNU Modula-2, Icon, Regina REXX, Jsonnet, bwBASIC, yabasic and GnuCOBOL on programs made by
round 248's generators at this round's seeds, sizes and faults. About a third of the command lines are typed as
agents type them (pipes that cut, greps, `; echo EXIT=$?`).

Every extractor is round 255's or 248's, imported (NEEDLES.md, "Round 272"). Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide272.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide272.json  as {"version": 2, "items": [...]}, ids prefixed "wide272-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide272-"
DEFAULT_OUT = HERE / "data" / "wide272.json"
TMP = Path(os.environ.get("HM_WIDE272_TMP", "/dev/shm/hm-corpus-wide272"))
VENV = Path("/dev/shm/hm-corpus-wide272-venv")  # python-chess from PyPI

MIN_CHARS, MAX_CHARS = 400, 120_000
_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    import capture_wide248
    import capture_wide255
    capture_wide255.VENV = VENV
    capture_wide255.ensure_tools()
    capture_wide248.ensure_tools()


def steps() -> list:
    import capture_wide272_chess as chess  # round 255's kinds
    import capture_wide272_lang as lang  # round 248's kinds
    return chess.STEPS + lang.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide272", sys.modules["__main__"])
    main()
