#!/usr/bin/env python3
"""Capture round 317 of the compression corpus: proof assistants, rewriting logic and verifiers from Debian new to
the corpus. `ferry`, a river ferry's booking and docking logic (a deck of lanes, cars, a crossing schedule), is
written here for each tool with faults put in on purpose: Agda modules (type errors, holes, unsolved metas,
termination failures), Maude modules (reductions, searches, the LTL model checker with a counterexample, parse
warnings), ACL2 events (failing theorems, a non-terminating definition), TPTP problems for SPASS, SMT-LIB and BTOR
for Boolector, WS1S formulas for MONA, Gappa bound scripts, BLIF circuits for ABC (pdr, bmc3, cec), ATS2 code for
patsopt and Ott definitions. CBMC, Souffle, Alt-Ergo and Twelf are not in this machine's Debian mirror.

Every kind is new (NEEDLES.md's "Round 317"); its extractor sits in capture_wide317_proof.py next to its capture.
Nothing captured here was compressed.

Usage:   .venv/bin/python scripts/corpus/capture_wide317.py [--out PATH] [--keep] [--only STEPS]
Writes:  scripts/corpus/data/wide317.json  as {"version": 2, "items": [...]}, ids prefixed "wide317-".
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import capture_more as cm  # noqa: E402

ID_PREFIX = "wide317-"
DEFAULT_OUT = HERE / "data" / "wide317.json"
TMP = Path(os.environ.get("HM_WIDE317_TMP", "/dev/shm/hm-corpus-wide317/tmp"))

MIN_CHARS, MAX_CHARS = 400, 120_000

_SIZED = cm.Sized(MIN_CHARS, MAX_CHARS)
add, cap = _SIZED.add, _SIZED.cap


def ensure_tools() -> None:
    """All from Debian 12: Agda (agda-bin), Maude, ACL2, SPASS, Boolector, MONA, Gappa, ABC, ATS2, Ott."""
    for tool, pkg in (("agda", "agda-bin"), ("maude", "maude"), ("acl2", "acl2"), ("SPASS", "spass"),
                      ("boolector", "boolector"), ("mona", "mona"), ("gappa", "gappa"),
                      ("berkeley-abc", "berkeley-abc"), ("patsopt", "ats2-lang"), ("ott", "ott-tools")):
        cm.ensure_apt(tool, pkg)


def steps() -> list:
    import capture_wide317_proof as proof
    return proof.STEPS


def main() -> None:
    cm.capture_round(__doc__, ensure_tools, steps, ID_PREFIX, DEFAULT_OUT, TMP, bands=(3_000, 8_000, 40_000))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.modules.setdefault("capture_wide317", sys.modules["__main__"])
    main()
