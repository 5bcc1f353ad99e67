#!/usr/bin/env python3
"""Capture round 328 of the compression corpus: language toolchains' coverage, documentation, profiling and test
outputs new to the corpus. `bellfoundry`, a bell foundry's casting and tuning logic (moulds, alloy batches, the
partials of a bell, rings and change-ringing rows), is written here for each language with faults put in on purpose:
Haskell through `ghc -fhpc` + `hpc report`, `haddock` and a `ghci` session; Erlang through `cover`, `fprof` and an
`erl` shell session; SBCL through FiveAM and `sb-sprof`; SWI-Prolog through plunit and `check/0`.

Every kind is new (NEEDLES.md's "Round 328"); its extractor sits in capture_wide328_lang.py next to its capture.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide328.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide328.json  as {"version": 2, "items": [...]}, ids prefixed "wide328-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide328-"
DEFAULT_OUT = HERE / "data" / "wide328.json"
TMP = Path(os.environ.get("HM_WIDE328_TMP", "/dev/shm/hm-corpus-wide328/tmp"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """GHC 9.0.2 (hpc, haddock, ghci) and Erlang/OTP 25 are on this machine; SBCL, FiveAM and SWI-Prolog from Debian 12."""
    for tool, pkg in (("sbcl", "sbcl cl-fiveam"), ("swipl", "swi-prolog-nox")):
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide328_lang as lang
    return lang.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 10_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide328", sys.modules["__main__"])
    main()
