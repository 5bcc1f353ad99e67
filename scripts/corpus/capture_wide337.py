#!/usr/bin/env python3
"""Capture round 337 of the compression corpus: a second sample of round 328's kinds (GHC's hpc, haddock and ghci,
Erlang's cover, fprof and shell, SBCL's FiveAM and sb-sprof, SWI-Prolog's plunit and check/0) on new material:
`tanhouse`, a tannery's logic (hides, vats, tanners), written here for each language with other faults than round
328's put in on purpose.

No rule is new (NEEDLES.md's "Round 337"): every extractor is round 328's, imported from capture_wide328_lang.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide337.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide337.json  as {"version": 2, "items": [...]}, ids prefixed "wide337-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide337-"
DEFAULT_OUT = HERE / "data" / "wide337.json"
TMP = Path(os.environ.get("HM_WIDE337_TMP", "/dev/shm/hm-corpus-wide337/tmp"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """GHC 9.0.2 (hpc, haddock, ghci), Erlang/OTP 25, SBCL with cl-fiveam and SWI-Prolog are already on this machine."""
    for tool in ("ghc", "hpc", "haddock", "erl", "sbcl", "swipl"):
        cm.have(tool, tool)


def steps() -> list:
    import capture_wide337_lang as lang
    return lang.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide337", sys.modules["__main__"])
    main()
