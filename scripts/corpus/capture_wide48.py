#!/usr/bin/env python3
"""Capture round 48 of the compression corpus: toolchains of more languages NEW to the corpus, blind. Toolchains
come from Debian's archive (installed once): Racket (raco test / make), GNAT, Free Pascal, Verilator, hlint, R, PHP,
Ruby, CLISP, ECL, bc, dc, m4 and gawk. The programs are written here with real bugs put in and widened by seeded
generators. Some command lines are typed as
agents type them (pipes that cut, `2>&1 | tail -n 80`, chains, `; echo EXIT=$?`).

Every kind is new; its needles come from the rules NEEDLES.md's "Round 48" section fixed before capture, applied by
the extractors in capture_wide48_native.py and capture_wide48_script.py. Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide48.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide48.json  as {"version": 2, "items": [...]}, ids prefixed "wide48-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402
import capture_wide9b as w9b  # noqa: E402

ID_PREFIX = "wide48-"
DEFAULT_OUT = HERE / "data" / "wide48.json"
TMP = Path("/tmp/hm-corpus-wide48")

w9b.TMP = TMP  # round 9b's chain runner keeps its state under this round's scratch dir
MIN_CHARS, MAX_CHARS = 400, 120_000

# tool found on PATH -> the Debian package that holds it
APT = {"racket": "racket", "gnatmake": "gnat", "fpc": "fpc", "verilator": "verilator", "hlint": "hlint",
       "Rscript": "r-base-core", "php": "php-cli", "ruby": "ruby", "clisp": "clisp", "ecl": "ecl", "bc": "bc",
       "dc": "dc", "m4": "m4", "gawk": "gawk"}


def ensure_tools() -> None:
    """The languages' toolchains from Debian, installed once each."""
    for tool, package in APT.items():
        cm.ensure_apt(tool, package)


_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def steps() -> list:
    import capture_wide48_native as native  # Racket, GNAT, Free Pascal, Verilator
    import capture_wide48_script as script  # hlint, R, PHP, Ruby, CLISP, ECL, bc, dc, m4, gawk
    return native.STEPS + script.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 60_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide48", sys.modules["__main__"])
    main()
